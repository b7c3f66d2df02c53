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
 * one's name and triggers in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/* Stories a statement copies; a step copies batches for STEP_US at most
 * (a few of them: bench/bench-search.c times the rebuild). */
#define BATCH       200
#define STEP_US     (15 * 1000)
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
 * all), the old index dropped, the new one renamed, the triggers made
 * again as they were. */
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
  if (!_lede_library_exec (self, "DROP TABLE articles_fts; "
                                 "ALTER TABLE articles_fts_next RENAME TO articles_fts; "
                                 "DROP TABLE search_reindex",
                           what, error))
    return FALSE;
  for (guint i = 0; triggers[i]; i += 2)
    if (!_lede_library_exec (self, triggers[i + 1], what, error))
      return FALSE;
  g_debug ("The search index of %s has its prefix indexes", self->path);
  return TRUE;
}

/* Copies for up to @budget_us (or all, at 0) inside the caller's
 * transaction; *@done once the new index has taken the old one's place. */
static gboolean
copy_some (LedeLibrary  *self,
           gint64        budget_us,
           gboolean     *done,
           GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + budget_us;
  gint64 done_to = 0, last = 0;

  *done = FALSE;
  if (!_lede_library_query_int (self, "SELECT done_to FROM search_reindex", &done_to, error) ||
      !_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, error))
    return FALSE;
  while (done_to < last)
    {
      if (!copy_stories (self, done_to, done_to + BATCH, error))
        return FALSE;
      done_to += BATCH;
      if (budget_us > 0 && g_get_monotonic_time () >= deadline)
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

/* Whether a rebuild waits: the library is at schema 16 or later and its
 * search_reindex table is still there (another process may have finished
 * it since this one looked). */
static gboolean
reindex_waits (LedeLibrary  *self,
               gboolean     *waits,
               GError      **error)
{
  gint64 n = 0;

  *waits = FALSE;
  if (self->schema_version < LEDE_LIBRARY_PREFIX_SCHEMA)
    return TRUE;
  if (!_lede_library_query_int (self, "SELECT count(*) FROM sqlite_master WHERE name = 'search_reindex'", &n, error))
    return FALSE;
  *waits = n > 0;
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

  if (!(triggers = read_triggers (self, FALSE, error)))
    return FALSE;
  for (guint i = 0; triggers[i]; i += 2)
    {
      g_autofree char *twin = twin_of (triggers[i], triggers[i + 1]);

      if (!_lede_library_exec (self, twin, what, error))
        return FALSE;
    }
  if (!_lede_library_query_int (self, "SELECT count(*) FROM articles", &stories, error))
    return FALSE;
  return stories > AT_ONCE || copy_some (self, 0, &done, error);
}

/**
 * _lede_library_reindex_step:
 * @done: (out): %TRUE when no rebuild waits (any more)
 *
 * One step of the rebuild, a transaction of its own. A reader does nothing.
 */
gboolean
_lede_library_reindex_step (LedeLibrary  *self,
                            gboolean     *done,
                            GError      **error)
{
  const char *what = _("Could not rebuild the search index");
  gboolean waits = FALSE;

  *done = TRUE;
  if (self->read_only || self->damaged)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!reindex_waits (self, &waits, error) ||
      (waits && !copy_some (self, STEP_US, done, error)) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_get_reindex_progress:
 *
 * How far the rebuild of the search index has got, for a progress bar.
 *
 * Returns: from 0 to 1; -1 when no rebuild waits
 */
double
lede_library_get_reindex_progress (LedeLibrary *self)
{
  gboolean waits = FALSE;
  gint64 done_to = 0, last = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  if (!reindex_waits (self, &waits, NULL) || !waits ||
      !_lede_library_query_int (self, "SELECT done_to FROM search_reindex", &done_to, NULL) ||
      !_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, NULL))
    return -1;
  return last > 0 ? CLAMP ((double)done_to / last, 0.0, 1.0) : 1.0;
}
