/* lede-preview.h: the story as readers will see it, beside the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "lede-article.h"
#include "lede-gate.h"
#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PREVIEW (lede_preview_get_type ())

G_DECLARE_FINAL_TYPE (LedePreview, lede_preview, LEDE, PREVIEW, GtkWidget)

void           lede_preview_set_article     (LedePreview   *self,
                                             LedeArticle   *article);
void           lede_preview_set_library     (LedePreview   *self,
                                             LedeLibrary   *library);
LedeLibrary   *lede_preview_get_library     (LedePreview   *self);
LedeArticle   *lede_preview_get_article     (LedePreview   *self);
void           lede_preview_register_photos (WebKitWebContext *context);
void           lede_preview_set_buffer      (LedePreview   *self,
                                             GtkTextBuffer *buffer);
void           lede_preview_scroll_to_line  (LedePreview   *self,
                                             int            line);
WebKitWebView *lede_preview_get_web_view    (LedePreview   *self);
WebKitPrintOperation *lede_preview_print    (LedePreview       *self,
                                             const LedeVerdict *verdict,
                                             GtkWindow        *parent,
                                             GtkPrintSettings *settings);
guint          lede_preview_get_debounce_ms (LedePreview   *self);
void           lede_preview_set_show_changes (LedePreview  *self,
                                             gboolean       show);


void        lede_preview_highlight_words  (LedePreview        *self,
                                           const char * const *words);

G_END_DECLS
