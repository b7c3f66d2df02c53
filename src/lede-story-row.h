/* lede-story-row.h: one story in the sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-article.h"

G_BEGIN_DECLS

#define LEDE_TYPE_STORY_ROW (lede_story_row_get_type ())

G_DECLARE_FINAL_TYPE (LedeStoryRow, lede_story_row, LEDE, STORY_ROW, GtkWidget)

GtkWidget   *lede_story_row_new         (void);
LedeArticle *lede_story_row_get_article (LedeStoryRow *self);
void         lede_story_row_set_snippet (LedeStoryRow *self,
                                         const char   *markup);
void         lede_story_row_set_article (LedeStoryRow *self,
                                         LedeArticle  *article);
GtkLabel    *lede_story_row_get_label   (LedeStoryRow *self,
                                         const char   *part);

G_END_DECLS
