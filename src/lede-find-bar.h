/* lede-find-bar.h: find and replace in a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define LEDE_TYPE_FIND_BAR (lede_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (LedeFindBar, lede_find_bar, LEDE, FIND_BAR, GtkWidget)

/* More matches than this are counted, but not replaced at once. */
#define LEDE_FIND_BAR_MAX_REPLACE 100000

LedeFindBar *lede_find_bar_new          (GtkSourceView *body,
                                         GtkTextView   *headline);
void         lede_find_bar_open         (LedeFindBar   *self,
                                         gboolean       replace);
void         lede_find_bar_set_text     (LedeFindBar   *self,
                                         const char    *find,
                                         const char    *replace);
void         lede_find_bar_next         (LedeFindBar   *self,
                                         gboolean       backward);
gboolean     lede_find_bar_replace      (LedeFindBar   *self);
guint        lede_find_bar_replace_all  (LedeFindBar   *self);
int          lede_find_bar_get_count    (LedeFindBar   *self);
const char  *lede_find_bar_get_status   (LedeFindBar   *self);
const char  *lede_find_bar_get_error    (LedeFindBar   *self);
void         lede_find_bar_set_options  (LedeFindBar   *self,
                                         gboolean       case_sensitive,
                                         gboolean       whole_words,
                                         gboolean       regex);

G_END_DECLS
