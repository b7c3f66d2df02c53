/* lede-library-reindex.c: the search index rebuilt with prefix indexes,
 * in short steps, while the old one goes on answering.
 *
 * FTS5 cannot add a prefix index to an index that exists, and building one
 * for a million stories is minutes of writing: in one transaction at open,
 * the window would wait that long and a crash would throw it all away. So
 * migration 16 makes an empty index beside the old one (articles_fts_next)
 * and copies to it the triggers that keep the old one in step (their
 * twins end in "_reindex"): from then on every change reaches both. A step
 * copies the next stories by id, in a transaction of its own that also
 * records how far it got (search_reindex.done_to), so an interrupted
 * rebuild goes on where it stopped. A story changed behind done_to is
 * kept current by the twins; one ahead of it is copied as it is then
 * (INSERT OR REPLACE: the twin of the insert trigger may have put a new
 * story there first). After the last story the new index takes the old
 * one's name and triggers in one transaction, and the old one, renamed
 * articles_fts_old, is emptied in steps too: dropped whole, a large index
 * held the library for seconds (19 s at 100,000 stories here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/* Stories a statement copies, and rows of the old index a statement
 * deletes; a step does either within LEDE_TIDY_STEP_US. */
#define BATCH       4
#define EMPTY_ROWS  200
/* FTS5 merges its segments as it writes: each time 64 more pages are
 * written, 64 pages for each of its levels, inside whichever statement
 * passed the mark (the 30-70 ms tail of a step at 100,000 stories). The
 * new index is built with that off, and merged in pieces of this many
 * pages between the copying's statements, whenever a level has segments
 * enough ('merge' with a positive count only merges such a level). */
#define MERGE_PAGES 64
/* A library this small is rebuilt in its migration at once. */
#define AT_ONCE     2000

#define TWIN_SUFFIX "_reindex"

/* The triggers that write to the old index (or, with @twins, their
 * twins), as name and SQL pairs. */
static char **
read_triggers (LedeLibrary  *self,
               gboolean      twins,
               GError      **error)
{
  g_autoptr (GStrvBuilder) strings = g_strv_builder_new ();
  sqlite3_stmt *stmt = _lede_library_prepare (self,
                                              "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                              "AND sql LIKE '%articles_fts%' AND (name LIKE '%" TWIN_SUFFIX "') = ?1 "
                                              "ORDER BY name",
                                              error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, twins);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (strings, _lede_library_column_text (stmt, 0));
      g_strv_builder_add (strings, _lede_library_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not rebuild the search index"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_strv_builder_end (strings) : NULL;
}

/* "CREATE TRIGGER name …articles_fts…" → "CREATE TRIGGER name_reindex …articles_fts_next…" */
static char *
twin_of (const char *name,
         const char *sql)
{
  const char *tail = strstr (sql, name);
  g_autofree char *body = NULL;
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (tail != NULL, NULL);
  parts = g_strsplit (tail + strlen (name), "articles_fts", -1);
  body = g_strjoinv ("articles_fts_next", parts);
  return g_strdup_printf ("CREATE TRIGGER %s" TWIN_SUFFIX "%s", name, body);
}

/* Copies the stories after @done_to up to @upto into the new index. */
static gboolean
copy_stories (LedeLibrary  *self,
              gint64        done_to,
              gint64        upto,
              GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self,
                                              "INSERT OR REPLACE INTO articles_fts_next (rowid, headline, standfirst, body, tags) "
                                              "SELECT a.id, a.headline, a.standfirst, a.body, "
                                              "  (SELECT coalesce (group_concat (t.name, ' '), '') "
                                              "   FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id "
                                              "   WHERE at.article_id = a.id) "
                                              "FROM articles AS a WHERE a.id > ?1 AND a.id <= ?2 AND a.trashed_at IS NULL",
                                              error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, done_to);
  sqlite3_bind_int64 (stmt, 2, upto);
  return _lede_library_step_done (self, stmt, _("Could not rebuild the search index"), error);
}

/* The new index takes the old one's place: triggers dropped (twins and
 * all), the old index renamed to be emptied, the new one renamed, the
 * triggers made again as they were, and it merges as it writes again. */
static gboolean
take_place (LedeLibrary  *self,
            GError      **error)
{
  const char *what = _("Could not rebuild the search index");
  g_auto (GStrv) triggers = NULL;
  g_auto (GStrv) twins = NULL;

  if (!(triggers = read_triggers (self, FALSE, error)) || !(twins = read_triggers (self, TRUE, error)))
    return FALSE;
  for (guint i = 0; twins[i]; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", twins[i]);

      if (!_lede_library_exec (self, drop, what, error))
        return FALSE;
    }
  for (guint i = 0; triggers[i]; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", triggers[i]);

      if (!_lede_library_exec (self, drop, what, error))
        return FALSE;
    }
  if (!_lede_library_exec (self, "ALTER TABLE articles_fts RENAME TO articles_fts_old; "
                                 "ALTER TABLE articles_fts_next RENAME TO articles_fts; "
                                 "DROP TABLE search_reindex; "
                                 "INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 4)",
                           what, error))
    return FALSE;
  for (guint i = 0; triggers[i]; i += 2)
    if (!_lede_library_exec (self, triggers[i + 1], what, error))
      return FALSE;
  g_debug ("The search index of %s has its prefix indexes", self->path);
  return TRUE;
}

/* Copies (and merges, when a level of the new index has segments enough)
 * for up to @budget_us (or all, at 0) inside the caller's transaction;
 * *@done once the new index has taken the old one's place. */
static gboolean
copy_some (LedeLibrary  *self,
           gint64        budget_us,
           gboolean     *done,
           GError      **error)
{
  LedeStepClock clock;
  gint64 done_to = 0, last = 0;

  _lede_library_step_clock_start (&clock, budget_us, g_get_monotonic_time ());
  *done = FALSE;
  if (!_lede_library_query_int (self, "SELECT done_to FROM search_reindex", &done_to, error) ||
      !_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, error))
    return FALSE;
  while (done_to < last)
    {
      gboolean merged = FALSE;

      if (!_lede_library_merge_index (self, "articles_fts_next", MERGE_PAGES, &merged,
                                      _("Could not rebuild the search index"), error))
        return FALSE;
      if (!merged)
        {
          if (!copy_stories (self, done_to, done_to + BATCH, error))
            return FALSE;
          done_to += BATCH;
        }
      if (!_lede_library_step_clock_has_room (&clock, g_get_monotonic_time ()))
        break;
    }
  if (done_to >= last)
    {
      *done = TRUE;
      return take_place (self, error);
    }
  return _lede_library_write_one (self, "UPDATE search_reindex SET done_to = ?1", done_to, 0, NULL,
                                  _("Could not rebuild the search index"), error);
}

/* The old index's tables, emptied a few rows at a time within @budget_us,
 * then dropped (at once, being empty). The index is never read again, so
 * its tables are emptied as plain tables. *@done once it is gone. */
static gboolean
empty_old_index (LedeLibrary  *self,
                 gint64        budget_us,
                 gboolean     *done,
                 GError      **error)
{
  /* Each table by its key (the idx table has no rowid). FTS5 reads its
   * structure record (id 10 of _data, and the averages, id 1) to drop the
   * index: those stay. */
  static const struct { const char *name, *key, *columns, *which; } tables[] = {
    { "articles_fts_old_data", "id", "id", "id > 10" }, { "articles_fts_old_content", "id", "id", "1" },
    { "articles_fts_old_docsize", "id", "id", "1" }, { "articles_fts_old_idx", "(segid, term)", "segid, term", "1" },
  };
  const char *what = _("Could not rebuild the search index");
  LedeStepClock clock;

  _lede_library_step_clock_start (&clock, budget_us, g_get_monotonic_time ());
  *done = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s IN (SELECT %s FROM %s WHERE %s LIMIT %d)",
                                              tables[i].name, tables[i].key, tables[i].columns, tables[i].name,
                                              tables[i].which, EMPTY_ROWS);

      for (;;)
        {
          gint64 before = sqlite3_total_changes (self->db);

          if (!_lede_library_exec (self, sql, what, error))
            return FALSE;
          if (sqlite3_total_changes (self->db) == before)
            break;
          if (!_lede_library_step_clock_has_room (&clock, g_get_monotonic_time ()))
            return TRUE;
        }
    }
  *done = TRUE;
  return _lede_library_exec (self, "DROP TABLE articles_fts_old", what, error);
}

/* What of a rebuild is left: copying (the search_reindex table is there),
 * emptying the old index (articles_fts_old is), or nothing. Asked each
 * time: another process may have done it since this one looked. */
typedef enum { REINDEX_NONE, REINDEX_COPYING, REINDEX_EMPTYING } ReindexLeft;

static gboolean
reindex_left (LedeLibrary  *self,
              ReindexLeft  *left,
              GError      **error)
{
  gint64 copying = 0, emptying = 0;

  *left = REINDEX_NONE;
  if (self->schema_version < LEDE_LIBRARY_PREFIX_SCHEMA)
    return TRUE;
  if (!_lede_library_query_int (self, "SELECT count(*) FROM sqlite_master WHERE name = 'search_reindex'", &copying,
                                error) ||
      !_lede_library_query_int (self, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_old'", &emptying,
                                error))
    return FALSE;
  *left = copying ? REINDEX_COPYING : emptying ? REINDEX_EMPTYING : REINDEX_NONE;
  return TRUE;
}

/**
 * _lede_library_reindex_begin:
 *
 * Part of migration 16, inside its transaction: the twin triggers; a
 * small library's stories copied at once.
 */
gboolean
_lede_library_reindex_begin (LedeLibrary  *self,
                             GError      **error)
{
  const char *what = _("Could not prepare the library");
  g_auto (GStrv) triggers = NULL;
  gint64 stories = 0;
  gboolean done = FALSE;

  if (!(triggers = read_triggers (self, FALSE, error)) ||
      !_lede_library_exec (self, "INSERT INTO articles_fts_next (articles_fts_next, rank) VALUES ('automerge', 0)",
                           what, error))
    return FALSE;
  for (guint i = 0; triggers[i]; i += 2)
    {
      g_autofree char *twin = twin_of (triggers[i], triggers[i + 1]);

      if (!_lede_library_exec (self, twin, what, error))
        return FALSE;
    }
  if (!_lede_library_query_int (self, "SELECT count(*) FROM articles", &stories, error))
    return FALSE;
  return stories > AT_ONCE || (copy_some (self, 0, &done, error) && empty_old_index (self, 0, &done, error));
}

/**
 * _lede_library_reindex_step:
 * @done: (out): %TRUE when nothing of a rebuild is left
 *
 * One step of the rebuild, a transaction of its own. A reader does nothing.
 */
gboolean
_lede_library_reindex_step (LedeLibrary  *self,
                            gboolean     *done,
                            GError      **error)
{
  const char *what = _("Could not rebuild the search index");
  ReindexLeft left = REINDEX_NONE;
  gboolean ok;

  *done = TRUE;
  if (self->read_only || self->damaged)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  ok = reindex_left (self, &left, error);
  if (ok && left == REINDEX_COPYING)
    {
      ok = copy_some (self, LEDE_TIDY_STEP_US, done, error);
      /* The old index is still to be emptied once the new one took over. */
      *done = FALSE;
    }
  else if (ok && left == REINDEX_EMPTYING)
    ok = empty_old_index (self, LEDE_TIDY_STEP_US, done, error);
  if (!ok || !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_get_reindex_progress:
 *
 * How far the rebuild of the search index has got, for a progress bar,
 * with the noting of its words when many stories' wait (a library just
 * migrated, a large import): the second half, as tidy steps rebuild first.
 *
 * Returns: from 0 to 1; -1 when no rebuild waits (the old index may still
 *   be emptied in tidy steps: search is quick already)
 */
double
lede_library_get_reindex_progress (LedeLibrary *self)
{
  ReindexLeft left = REINDEX_NONE;
  gint64 done_to = 0, last = 0;
  double words, copied;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  if (!reindex_left (self, &left, NULL))
    return -1;
  words = _lede_library_words_progress (self);
  if (left != REINDEX_COPYING && words < 0)
    {
      /* Once the words are noted, a later noting (a large import) is
       * progress of its own. */
      self->words_after_reindex = FALSE;
      return -1;
    }
  if (left != REINDEX_COPYING)
    return self->words_after_reindex ? 0.5 + words / 2 : words;
  if (!_lede_library_query_int (self, "SELECT done_to FROM search_reindex", &done_to, NULL) ||
      !_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, NULL))
    return -1;
  copied = last > 0 ? CLAMP ((double)done_to / last, 0.0, 1.0) : 1.0;
  self->words_after_reindex = words >= 0;
  return words >= 0 ? copied / 2 : copied;
}
