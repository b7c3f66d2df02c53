/* lede-history-window.h: a story's revisions, what each changed against
 * the story now, and Restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_HISTORY_WINDOW (lede_history_window_get_type ())

G_DECLARE_FINAL_TYPE (LedeHistoryWindow, lede_history_window, LEDE, HISTORY_WINDOW, AdwWindow)

LedeHistoryWindow *lede_history_window_new        (GtkWindow         *parent,
                                                   LedeLibrary       *library,
                                                   LedeArticle       *story,
                                                   const char        *body);
guint              lede_history_window_get_count  (LedeHistoryWindow *self);
void               lede_history_window_select     (LedeHistoryWindow *self,
                                                   guint              position);
gboolean           lede_history_window_is_comparing (LedeHistoryWindow *self);
const char        *lede_history_window_get_summary (LedeHistoryWindow *self);
GtkTextBuffer     *lede_history_window_get_diff   (LedeHistoryWindow *self);

G_END_DECLS
