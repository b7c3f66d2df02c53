/* lede-library-lists.c: the library's stories as lists of ids, filtered
 * and sorted as the sidebar and lede-cli ask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/**
 * lede_library_list_ids:
 * @trashed: %TRUE for the trash, %FALSE for the stories in use
 *
 * Returns: (transfer full): the ids of the stories, newest first, as gint64.
 */
GArray *
lede_library_list_ids (LedeLibrary  *self,
                       gboolean      trashed,
                       GError      **error)
{
  return lede_library_list_ids_filtered (self, trashed, -1, NULL, error);
}

/**
 * lede_library_list_ids_sorted:
 * @status: a #LedeArticleStatus, or -1 for any
 * @tag: (nullable): only stories with this tag (in any case)
 * @assignee: (nullable): only stories assigned to this person (in any case)
 * @order: how to order them
 *
 * Returns: (transfer full) (element-type gint64): the ids, in @order
 */
GArray *
lede_library_list_ids_sorted (LedeLibrary     *self,
                              gboolean         trashed,
                              int              status,
                              const char      *tag,
                              const char      *assignee,
                              LedeStoryOrder   order,
                              GError         **error)
{
  /* ORDER BY cannot be a parameter: one statement an order. */
#define FILTERED_IDS \
  "SELECT id FROM articles WHERE (trashed_at IS NOT NULL) = ?1 " \
  "AND (?2 IS NULL OR status = ?2) " \
  "AND (?3 IS NULL OR id IN (SELECT at.article_id FROM article_tags AS at " \
  "                          JOIN tags AS t ON t.id = at.tag_id WHERE t.name = ?3)) " \
  "AND (?4 IS NULL OR assignee = ?4 COLLATE NOCASE) "
  static const char * const statements[] = {
    [LEDE_STORY_ORDER_NEWEST] = FILTERED_IDS "ORDER BY created_at DESC, id DESC",
    [LEDE_STORY_ORDER_LAST_CHANGED] = FILTERED_IDS "ORDER BY updated_at DESC, id DESC",
    [LEDE_STORY_ORDER_HEADLINE] = FILTERED_IDS "ORDER BY headline COLLATE NOCASE, id",
    /* As articles_by_deadline has them: the soonest first, none last. */
    [LEDE_STORY_ORDER_DEADLINE] = FILTERED_IDS "ORDER BY deadline_at IS NULL, deadline_at, id",
  };
#undef FILTERED_IDS
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  g_return_val_if_fail (order <= LEDE_STORY_ORDER_DEADLINE, NULL);

  stmt = _lede_library_prepare (self, statements[order], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!trashed);
  if (status >= 0)
    _lede_library_bind_text (stmt, 2, lede_article_status_to_string (status));
  else
    sqlite3_bind_null (stmt, 2);
  if (tag != NULL)
    _lede_library_bind_text (stmt, 3, tag);
  else
    sqlite3_bind_null (stmt, 3);
  if (assignee != NULL)
    _lede_library_bind_text (stmt, 4, assignee);
  else
    sqlite3_bind_null (stmt, 4);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not list the stories"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_library_list_ids_filtered:
 * @status: a #LedeArticleStatus, or -1 for any
 * @tag: (nullable): only stories with this tag (in any case)
 *
 * Returns: (transfer full) (element-type gint64): the ids, newest first
 */
GArray *
lede_library_list_ids_filtered (LedeLibrary  *self,
                                gboolean      trashed,
                                int           status,
                                const char   *tag,
                                GError      **error)
{
  return lede_library_list_ids_sorted (self, trashed, status, tag, NULL, LEDE_STORY_ORDER_NEWEST, error);
}

/**
 * lede_library_list_stories_tags:
 *
 * Every story's tags in one query, for a list that shows them all
 * (`lede-cli list --json`) without one query a story.
 *
 * Returns: (transfer full) (element-type gint64 GStrv): the tags of each
 *   story that has any, by its id, in the order a story's tags are read;
 *   %NULL with @error set
 */
GHashTable *
lede_library_list_stories_tags (LedeLibrary  *self,
                                GError      **error)
{
  g_autoptr (GHashTable) lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GHashTable) tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify)g_strfreev);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self,
                                "SELECT at.article_id, t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id "
                                "ORDER BY at.article_id, t.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (lists, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lists, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, g_strdup (_lede_library_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the stories’ tags"));
      return NULL;
    }
  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      g_hash_table_insert (tags, g_memdup2 (key, sizeof (gint64)), g_ptr_array_steal (list, NULL));
    }
  return g_steal_pointer (&tags);
}
