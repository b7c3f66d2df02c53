/* lede-preview-module.c: the preview module's one entry point, the table
 * of functions lede-preview-module.h describes, over LedePreview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preview"

#include "config.h"

#include <gmodule.h>

#include "lede-preview.h"
#include "lede-preview-module.h"

static GtkWidget *
new_preview (void)
{
  return g_object_new (LEDE_TYPE_PREVIEW, NULL);
}

static void
set_article (GtkWidget   *preview,
             LedeArticle *article)
{
  lede_preview_set_article (LEDE_PREVIEW (preview), article);
}

static void
set_buffer (GtkWidget     *preview,
            GtkTextBuffer *buffer)
{
  lede_preview_set_buffer (LEDE_PREVIEW (preview), buffer);
}

static void
scroll_to_line (GtkWidget *preview,
                int        line)
{
  lede_preview_scroll_to_line (LEDE_PREVIEW (preview), line);
}

static void
highlight_words (GtkWidget          *preview,
                 const char * const *words)
{
  lede_preview_highlight_words (LEDE_PREVIEW (preview), words);
}

static GObject *
print (GtkWidget         *preview,
       const LedeVerdict *verdict,
       GtkWindow         *parent,
       GtkPrintSettings  *settings)
{
  return G_OBJECT (lede_preview_print (LEDE_PREVIEW (preview), verdict, parent, settings));
}

static guint
get_debounce_ms (GtkWidget *preview)
{
  return lede_preview_get_debounce_ms (LEDE_PREVIEW (preview));
}

static void
set_library (GtkWidget   *preview,
             LedeLibrary *library)
{
  lede_preview_set_library (LEDE_PREVIEW (preview), library);
}

static void
set_show_changes (GtkWidget *preview,
                  gboolean   show)
{
  lede_preview_set_show_changes (LEDE_PREVIEW (preview), show);
}

/* The module's one entry point (see lede-preview-module.h). */
G_MODULE_EXPORT const LedePreviewModule *lede_preview_module_get (void);

const LedePreviewModule *
lede_preview_module_get (void)
{
  static const LedePreviewModule module = {
    LEDE_PREVIEW_MODULE_ABI,
    new_preview,
    set_article,
    set_buffer,
    scroll_to_line,
    highlight_words,
    print,
    get_debounce_ms,
    set_library,
    set_show_changes,
  };

  return &module;
}
