/* lede-library-lists.c: the library's stories as lists of ids, filtered
 * and sorted as the sidebar and lede-cli ask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

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

/* How a list filtered by a tag is read. */
typedef enum {
  TAG_NONE,
  TAG_SCAN,  /* down the order's index, each story's tags looked up */
  TAG_FIRST, /* the tag's stories first, then sorted */
} TagWay;

/* The statement for one list: only the filters asked for in it, so the
 * planner can use story_list's index for each (with "?2 IS NULL OR" it
 * could not). Interned: the statement cache keeps its SQL for good, and
 * there are at most 2 × 3 × 2 × 2 × 4 × 2 of them. */
static const char *
list_sql (gboolean        whole_story_list,
          gboolean        status,
          TagWay          tag,
          gboolean        assignee,
          LedeStoryOrder  order,
          gboolean        limit)
{
  static const char * const orders[] = {
    [LEDE_STORY_ORDER_NEWEST] = "ORDER BY l.created_at DESC, l.id DESC",
    [LEDE_STORY_ORDER_LAST_CHANGED] = "ORDER BY l.updated_at DESC, l.id DESC",
    [LEDE_STORY_ORDER_HEADLINE] = "ORDER BY l.headline COLLATE NOCASE, l.id",
    /* As the deadline indexes have them: the soonest first, none last. */
    [LEDE_STORY_ORDER_DEADLINE] = "ORDER BY l.deadline_at IS NULL, l.deadline_at, l.id",
  };
  g_autoptr (GString) sql = g_string_new ("SELECT l.id FROM ");

  /* CROSS JOIN: SQLite takes the tables in the order written. */
  if (tag == TAG_FIRST)
    g_string_append (sql, "article_tags AS at CROSS JOIN ");
  g_string_append (sql, whole_story_list ? "story_list AS l WHERE l.trashed = ?1 "
                                         : "articles AS l WHERE (l.trashed_at IS NOT NULL) = ?1 ");
  if (status)
    g_string_append (sql, "AND l.status = ?2 ");
  if (tag == TAG_FIRST)
    g_string_append (sql, "AND at.tag_id = (SELECT id FROM tags WHERE name = ?3) AND l.id = at.article_id ");
  /* EXISTS, not IN: IN would first read all of a common tag's stories. */
  else if (tag == TAG_SCAN)
    g_string_append (sql, "AND EXISTS (SELECT 1 FROM article_tags AS at WHERE at.article_id = l.id "
                          "AND at.tag_id = (SELECT id FROM tags WHERE name = ?3)) ");
  if (assignee)
    g_string_append (sql, "AND l.assignee = ?4 COLLATE NOCASE ");
  g_string_append (sql, orders[order]);
  if (limit)
    g_string_append (sql, " LIMIT ?5");
  return g_intern_string (sql->str);
}

/* A tag's stories are read first unless only a page is wanted and the tag
 * is common: then going down the order's index finds a page sooner. With
 * k of the tag's stories among n, a page costs about 100 n / k steps down
 * the index and k read first: equal at k = 10 √n. Another filter as well
 * thins the stories found down the index: the tag's first. (A common tag
 * on old stories alone is walked to far down the index for the newest
 * page: a newsroom's tags are seldom so.) */
static TagWay
tag_way (LedeLibrary *self,
         const char  *tag,
         gboolean     other_filter,
         guint        limit)
{
  gint64 common, k = 0;
  sqlite3_stmt *stmt;

  if (tag == NULL)
    return TAG_NONE;
  if (limit == 0 || other_filter)
    return TAG_FIRST;
  common = MAX (100, (gint64)(10 * sqrt ((double)lede_library_get_last_id (self))));
  if (!(stmt = _lede_library_prepare (self, "SELECT count (*) FROM (SELECT 1 FROM article_tags "
                                            "WHERE tag_id = (SELECT id FROM tags WHERE name = ?1) LIMIT ?2)", NULL)))
    return TAG_FIRST;
  _lede_library_bind_text (stmt, 1, tag);
  sqlite3_bind_int64 (stmt, 2, common);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    k = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return k >= common ? TAG_SCAN : TAG_FIRST;
}

/**
 * lede_library_list_ids_page:
 * @status: a #LedeArticleStatus, or -1 for any
 * @tag: (nullable): only stories with this tag (in any case)
 * @assignee: (nullable): only stories assigned to this person (in any case)
 * @order: how to order them
 * @limit: the most ids to read (the first page of a list), or 0 for all;
 *   every id while story_list is still being filled (lede-library-lists.c:
 *   a page would cost as much)
 *
 * Returns: (transfer full) (element-type gint64): the ids, in @order
 */
GArray *
lede_library_list_ids_page (LedeLibrary     *self,
                            gboolean         trashed,
                            int              status,
                            const char      *tag,
                            const char      *assignee,
                            LedeStoryOrder   order,
                            guint            limit,
                            GError         **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean whole_story_list;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (order <= LEDE_STORY_ORDER_DEADLINE, NULL);

  /* Before story_list, as Lede always read them, and whole: most orders
   * and filters read every story's row there, a page as much as all. */
  whole_story_list = _lede_library_story_list_is_whole (self);
  if (!whole_story_list)
    limit = 0;
  stmt = _lede_library_prepare (self, list_sql (whole_story_list, status >= 0,
                                                !whole_story_list && tag ? TAG_SCAN
                                                  : tag_way (self, tag, status >= 0 || assignee != NULL, limit),
                                                assignee != NULL, order, limit > 0), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!trashed);
  if (status >= 0)
    _lede_library_bind_text (stmt, 2, lede_article_status_to_string (status));
  if (tag != NULL)
    _lede_library_bind_text (stmt, 3, tag);
  if (assignee != NULL)
    _lede_library_bind_text (stmt, 4, assignee);
  if (limit > 0)
    sqlite3_bind_int64 (stmt, 5, limit);

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
 * lede_library_list_ids_sorted:
 *
 * Every id of a list: lede_library_list_ids_page() without a limit.
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
  return lede_library_list_ids_page (self, trashed, status, tag, assignee, order, 0, error);
}

/* Where the copy into story_list has got to (@upto: it copies the ids at
 * and below it; -1 when nothing waits, or before schema 21). */
static gboolean
list_due_upto (LedeLibrary  *self,
               gint64       *upto,
               GError      **error)
{
  *upto = -1;
  return self->schema_version < LEDE_LIBRARY_LIST_SCHEMA ||
         _lede_library_query_int (self, "SELECT coalesce ((SELECT upto FROM story_list_due), -1)", upto, error);
}

/**
 * lede_library_get_list_progress:
 *
 * Returns: how far the stories written before schema 21 have been copied
 *   into story_list, from 0 to 1; -1 when none wait
 */
double
lede_library_get_list_progress (LedeLibrary *self)
{
  gint64 upto, last;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  if (!list_due_upto (self, &upto, NULL) || upto < 0 || (last = lede_library_get_last_id (self)) <= 0)
    return -1;
  return CLAMP ((double)(last - upto) / last, 0.0, 1.0);
}

/* Stories copied into story_list a statement: each story read is its
 * whole row, body and all. */
#define LIST_BATCH   16

/**
 * _lede_library_list_step:
 * @done: (out): %TRUE when story_list holds every story
 *
 * One step of copying the stories written before schema 21 into
 * story_list, newest first, a transaction of its own. A reader does
 * nothing.
 */
gboolean
_lede_library_list_step (LedeLibrary  *self,
                         gboolean     *done,
                         GError      **error)
{
  const char *what = _("Could not tidy the story list");
  LedeStepClock clock;
  gint64 upto;
  sqlite3_stmt *stmt;

  /* From the start: the lock's time counts too. */
  _lede_library_step_clock_start (&clock, LEDE_TIDY_STEP_US, g_get_monotonic_time ());
  *done = TRUE;
  if (self->read_only || self->damaged)
    return TRUE;
  if (!list_due_upto (self, &upto, error))
    return FALSE;
  if (upto < 0)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  /* A story the triggers wrote since is newer than its row here: kept. */
  while (upto > 0)
    {
      if (!(stmt = _lede_library_prepare (self, "INSERT OR IGNORE INTO story_list "
                                                "SELECT id, trashed_at IS NOT NULL, status, headline, assignee, "
                                                "       created_at, updated_at, deadline_at FROM articles "
                                                "WHERE id > ?1 - " G_STRINGIFY (LIST_BATCH) " AND id <= ?1", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, upto);
      if (!_lede_library_step_done (self, stmt, what, error))
        goto fail;
      upto -= LIST_BATCH;
      if (!_lede_library_step_clock_has_room (&clock, g_get_monotonic_time ()))
        break;
    }
  if (upto > 0)
    {
      if (!(stmt = _lede_library_prepare (self, "UPDATE story_list_due SET upto = ?1", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, upto);
      if (!_lede_library_step_done (self, stmt, what, error))
        goto fail;
    }
  else if (!_lede_library_exec (self, "DELETE FROM story_list_due", what, error))
    goto fail;
  if (!_lede_library_commit (self, what, error))
    goto fail;
  *done = upto <= 0;
  return TRUE;

fail:
  _lede_library_rollback (self);
  return FALSE;
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
