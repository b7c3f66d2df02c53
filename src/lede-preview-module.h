/* lede-preview-module.h: what the preview module (WebKit) gives the window.
 *
 * The window does not link WebKit: the preview lives in a module loaded
 * with GModule the first time a window shows it. Its one entry point hands
 * over this table; the window calls nothing else in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-article.h"
#include "lede-gate.h"
#include "lede-library.h"

G_BEGIN_DECLS

/* Raised whenever the table changes: a module from another build is refused. */
#define LEDE_PREVIEW_MODULE_ABI 4
#define LEDE_PREVIEW_MODULE_NAME "lede-preview"
#define LEDE_PREVIEW_MODULE_ENTRY "lede_preview_module_get"

typedef struct
{
  guint        abi;
  GtkWidget *(*new_preview)     (void);
  void       (*set_article)     (GtkWidget          *preview,
                                 LedeArticle        *article);
  void       (*set_buffer)      (GtkWidget          *preview,
                                 GtkTextBuffer      *buffer);
  void       (*scroll_to_line)  (GtkWidget          *preview,
                                 int                 line);
  void       (*highlight_words) (GtkWidget          *preview,
                                 const char * const *words);
  /* A WebKitPrintOperation: it says "finished" or "failed". Printing is
   * a way out: only a story the gate let out prints. */
  GObject   *(*print)           (GtkWidget          *preview,
                                 const LedeVerdict  *verdict,
                                 GtkWindow          *parent,
                                 GtkPrintSettings   *settings);
  guint      (*get_debounce_ms) (GtkWidget          *preview);
  /* Where the story's photos are read from (lede-photo: addresses). */
  void       (*set_library)     (GtkWidget          *preview,
                                 LedeLibrary        *library);
  /* An editor's pass marked, or the story as it reads with it accepted. */
  void       (*set_show_changes) (GtkWidget         *preview,
                                 gboolean            show);
} LedePreviewModule;

typedef const LedePreviewModule *(*LedePreviewModuleGet) (void);

G_END_DECLS
