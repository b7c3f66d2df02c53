/* lede-library-outbox.c: the outbox (schema 15): stories the writer sent to
 * a publishing site that did not answer, kept in the order they were sent
 * until they go out. The library keeps the rows and what the writer decided
 * at the gate; sending them is the interchange layer's (lede-outbox.c).
 *
 * One row a story and site: sending a story again while it waits replaces
 * the first send (the latest choice of draft, publish or time stands).
 *
 * Ahead of the rows, the moves: a post scheduled on a site (status
 * "future") whose story's embargo has moved since. A post scheduled for
 * the lift follows the embargo; one scheduled for a time of the writer's
 * goes to the lift when the embargo moved past it, and never earlier. A
 * move has no row (its id is 0): it is read from the story and its post,
 * so it waits, offline or after a crash, until the post is moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

#define ENTRY_COLUMNS \
  "o.id, o.article_id, a.headline, o.site, o.mode, o.scheduled_at, o.overwrite, o.forced_reasons, o.answered, " \
  "o.correction_kind, o.correction_note, o.queued_at, o.tries, o.last_error"

static gboolean
too_old (LedeLibrary  *self,
         const char   *what,
         GError      **error)
{
  if (self->schema_version >= LEDE_LIBRARY_OUTBOX_SCHEMA)
    return FALSE;
  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
               _("%s: this library is too old to have an outbox"), what);
  return TRUE;
}

static char *
dup_nullable_text (sqlite3_stmt *stmt,
                   int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (_lede_library_column_text (stmt, column));
}

static LedeOutboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LedeOutboxEntry *entry = lede_outbox_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->article_id = sqlite3_column_int64 (stmt, 1);
  entry->headline = g_strdup (_lede_library_column_text (stmt, 2));
  entry->site = g_strdup (_lede_library_column_text (stmt, 3));
  entry->mode = g_strdup (_lede_library_column_text (stmt, 4));
  entry->scheduled_at = _lede_library_parse_time (stmt, 5);
  entry->overwrite = sqlite3_column_int (stmt, 6) != 0;
  entry->forced_reasons = dup_nullable_text (stmt, 7);
  entry->answered = sqlite3_column_int (stmt, 8) != 0;
  entry->correction_kind = dup_nullable_text (stmt, 9);
  entry->correction_note = dup_nullable_text (stmt, 10);
  entry->queued_at = _lede_library_parse_time (stmt, 11);
  entry->tries = sqlite3_column_int (stmt, 12);
  entry->last_error = g_strdup (_lede_library_column_text (stmt, 13));
  return entry;
}

static void
bind_nullable_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text)
    _lede_library_bind_text (stmt, index, text);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * lede_library_outbox_add:
 * @entry: what to send; its id and queued_at are set here
 *
 * Puts the story in the outbox, last in the queue, in place of any earlier
 * send of it to the same site.
 */
gboolean
lede_library_outbox_add (LedeLibrary      *self,
                         LedeOutboxEntry  *entry,
                         GError          **error)
{
  const char *what = _("Could not keep the story in the outbox");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->article_id > 0 && entry->site != NULL && entry->mode != NULL, FALSE);

  if (too_old (self, what, error))
    return FALSE;
  if (entry->queued_at == NULL)
    entry->queued_at = _lede_library_now_utc ();
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  stmt = _lede_library_prepare (self,
                                "INSERT OR REPLACE INTO outbox (article_id, site, mode, scheduled_at, overwrite, forced_reasons, "
                                "answered, correction_kind, correction_note, queued_at, tries, last_error) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, entry->article_id);
      _lede_library_bind_text (stmt, 2, entry->site);
      _lede_library_bind_text (stmt, 3, entry->mode);
      _lede_library_bind_time (stmt, 4, entry->scheduled_at);
      sqlite3_bind_int (stmt, 5, entry->overwrite);
      bind_nullable_text (stmt, 6, entry->forced_reasons);
      sqlite3_bind_int (stmt, 7, entry->answered);
      bind_nullable_text (stmt, 8, entry->correction_kind);
      bind_nullable_text (stmt, 9, entry->correction_note);
      _lede_library_bind_time (stmt, 10, entry->queued_at);
      sqlite3_bind_int (stmt, 11, entry->tries);
      _lede_library_bind_text (stmt, 12, entry->last_error ? entry->last_error : "");
    }
  if (stmt == NULL || !_lede_library_step_done (self, stmt, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  entry->id = sqlite3_last_insert_rowid (self->db);
  if (!_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      entry->id = 0;
      return FALSE;
    }
  return TRUE;
}

/* Where the post's time goes: the lift, for a post pinned to it or one
 * the embargo moved past. ISO times in UTC compare as text. */
#define MOVE_TO "CASE WHEN sp.for_embargo THEN a.embargo_at ELSE max (sp.date_at, a.embargo_at) END"
#define MOVES_FROM \
  " FROM site_posts sp JOIN articles a ON a.id = sp.article_id " \
  "WHERE sp.status = 'future' AND sp.date_at IS NOT NULL AND a.embargo_at IS NOT NULL AND " MOVE_TO " <> sp.date_at"

static gboolean
add_moves (LedeLibrary  *self,
           GPtrArray    *entries,
           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->schema_version < LEDE_LIBRARY_POST_DATE_SCHEMA)
    return TRUE;
  if (!(stmt = _lede_library_prepare (self, "SELECT sp.article_id, a.headline, sp.site, " MOVE_TO ", sp.sent_at, "
                                            "sp.post_id" MOVES_FROM " ORDER BY sp.sent_at, sp.article_id", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedeOutboxEntry *entry = lede_outbox_entry_new ();

      entry->article_id = sqlite3_column_int64 (stmt, 0);
      entry->headline = g_strdup (_lede_library_column_text (stmt, 1));
      entry->site = g_strdup (_lede_library_column_text (stmt, 2));
      entry->mode = g_strdup ("move");
      entry->scheduled_at = _lede_library_parse_time (stmt, 3);
      entry->queued_at = _lede_library_parse_time (stmt, 4);
      entry->post_id = sqlite3_column_int64 (stmt, 5);
      entry->last_error = g_strdup ("");
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the posts an embargo moved"));
  return TRUE;
}

/**
 * lede_library_outbox_list:
 *
 * Returns: (transfer container) (element-type LedeOutboxEntry): what waits
 *   to go out, first in the queue first, the moves of scheduled posts
 *   before all; %NULL only when the library could not be read
 */
GPtrArray *
lede_library_outbox_list (LedeLibrary  *self,
                          GError      **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_outbox_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < LEDE_LIBRARY_OUTBOX_SCHEMA)
    return g_steal_pointer (&entries);
  if (!add_moves (self, entries, error))
    return NULL;
  stmt = _lede_library_prepare (self, "SELECT " ENTRY_COLUMNS " FROM outbox o JOIN articles a ON a.id = o.article_id "
                                      "ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the outbox"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* How many stories wait to go out, moves of scheduled posts included; 0
 * when the library cannot say. */
gint64
lede_library_outbox_count (LedeLibrary *self)
{
  gint64 n = 0, moves = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);

  if (self->schema_version < LEDE_LIBRARY_OUTBOX_SCHEMA ||
      !_lede_library_query_int (self, "SELECT COUNT (*) FROM outbox", &n, NULL))
    return 0;
  if (self->schema_version >= LEDE_LIBRARY_POST_DATE_SCHEMA &&
      !_lede_library_query_int (self, "SELECT COUNT (*)" MOVES_FROM, &moves, NULL))
    return n;
  return n + moves;
}

/* Deletes the row @id, or with @site the story @id's row for that site. */
static gboolean
delete_rows (LedeLibrary  *self,
             gint64        id,
             const char   *site,
             GError      **error)
{
  const char *what = _("Could not take the story out of the outbox");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (too_old (self, what, error) || !_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, site ? "DELETE FROM outbox WHERE article_id = ?1 AND site = ?2"
                                                 : "DELETE FROM outbox WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (site)
    _lede_library_bind_text (stmt, 2, site);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}

/* Takes the story out of the outbox: it went out. */
gboolean
lede_library_outbox_remove (LedeLibrary  *self,
                            gint64        id,
                            GError      **error)
{
  return delete_rows (self, id, NULL, error);
}

/**
 * lede_library_outbox_forget:
 * @site: the site's name in Lede
 *
 * Takes the story's waiting send to @site out of the outbox: it just went
 * out by another way (published again from the window or lede-cli).
 */
gboolean
lede_library_outbox_forget (LedeLibrary  *self,
                            gint64        article_id,
                            const char   *site,
                            GError      **error)
{
  g_return_val_if_fail (site != NULL, FALSE);
  return delete_rows (self, article_id, site, error);
}

/**
 * lede_library_outbox_note_try:
 * @reason: why the try failed
 *
 * Counts a try that did not get the story out, and keeps why: it stays in
 * its place in the queue.
 */
gboolean
lede_library_outbox_note_try (LedeLibrary  *self,
                              gint64        id,
                              const char   *reason,
                              GError      **error)
{
  const char *what = _("Could not note the outbox’s try");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  /* A move has no row: it is tried again while its post is out of step. */
  if (id == 0)
    return TRUE;
  if (too_old (self, what, error) || !_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, "UPDATE outbox SET tries = tries + 1, last_error = ?2 WHERE id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  _lede_library_bind_text (stmt, 2, reason ? reason : "");
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}
