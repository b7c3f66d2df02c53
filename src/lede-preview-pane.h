/* lede-preview-pane.h: where the preview goes, and what loads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-article.h"
#include "lede-library.h"
#include "lede-gate.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PREVIEW_PANE (lede_preview_pane_get_type ())

G_DECLARE_FINAL_TYPE (LedePreviewPane, lede_preview_pane, LEDE, PREVIEW_PANE, GtkWidget)

void       lede_preview_pane_set_article     (LedePreviewPane    *self,
                                              LedeArticle        *article);
void       lede_preview_pane_set_buffer      (LedePreviewPane    *self,
                                              GtkTextBuffer      *buffer);
void       lede_preview_pane_scroll_to_line  (LedePreviewPane    *self,
                                              int                 line);
void       lede_preview_pane_highlight_words (LedePreviewPane    *self,
                                              const char * const *words);
GObject   *lede_preview_pane_print           (LedePreviewPane    *self,
                                              const LedeVerdict  *verdict,
                                              GtkWindow          *parent,
                                              GtkPrintSettings   *settings,
                                              GError            **error);
GtkWidget *lede_preview_pane_get_preview     (LedePreviewPane    *self);
gboolean   lede_preview_pane_load            (LedePreviewPane    *self,
                                              GError            **error);
guint      lede_preview_pane_get_debounce_ms (LedePreviewPane    *self);
void       lede_preview_pane_preload         (LedePreviewPane    *self);

void       lede_preview_pane_set_show_changes (LedePreviewPane  *self,
                                               gboolean          show);
gboolean   lede_preview_pane_get_show_changes (LedePreviewPane  *self);
gboolean   lede_preview_pane_get_has_pass     (LedePreviewPane  *self);

void lede_preview_pane_set_library (LedePreviewPane *self,
                                    LedeLibrary     *library);

G_END_DECLS
