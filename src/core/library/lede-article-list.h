/* lede-article-list.h: the stories of a library as a GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_ARTICLE_LIST (lede_article_list_get_type ())

G_DECLARE_FINAL_TYPE (LedeArticleList, lede_article_list, LEDE, ARTICLE_LIST, GObject)

LedeArticleList *lede_article_list_new           (LedeLibrary     *library,
                                                  gboolean         trashed);
LedeLibrary     *lede_article_list_get_library   (LedeArticleList *self);
guint            lede_article_list_find          (LedeArticleList *self,
                                                  gint64           id);
LedeArticle     *lede_article_list_get_story     (LedeArticleList *self,
                                                  gint64           id,
                                                  GError         **error);
gboolean         lede_article_list_reload        (LedeArticleList *self,
                                                  GError         **error);

gboolean         lede_article_list_is_loading    (LedeArticleList *self);
void             lede_article_list_set_worker_from (LedeArticleList *self,
                                                  guint            n_ids);
GArray          *lede_article_list_get_ids       (LedeArticleList *self);
gboolean         lede_article_list_set_filter    (LedeArticleList *self,
                                                  int              status,
                                                  const char      *tag,
                                                  GError         **error);
gboolean         lede_article_list_set_assignee  (LedeArticleList *self,
                                                  const char      *assignee,
                                                  GError         **error);
void             lede_article_list_set_pinned    (LedeArticleList *self,
                                                  GArray          *ids);
void             lede_article_list_extend_pinned (LedeArticleList *self,
                                                  GArray          *ids);
gboolean         lede_article_list_set_order     (LedeArticleList *self,
                                                  LedeStoryOrder   order,
                                                  GError         **error);

G_END_DECLS
