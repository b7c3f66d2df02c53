/* lede-library-inbox.c: the wire inbox (schema 14).
 *
 * Every file a watched folder gave, once complete, as it was read: waiting
 * with its bytes (so taking it later does not need the file, which a sync
 * tool may have replaced or removed), taken, or refused with the reason.
 * The library only keeps the rows: reading the files and taking them into
 * the library is the interchange layer's (lede-inbox.c), watching the
 * folders its LedeWireWatcher's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

#define ENTRY_COLUMNS \
  "id, path, size, mtime_us, sha256, arrived_at, state, settled_at, headline, byline, dateline, keywords, " \
  "format, wire_id, version, version_created, pubstatus, reason, COALESCE (article_id, 0)"

static gboolean
too_old (LedeLibrary  *self,
         const char   *what,
         GError      **error)
{
  if (self->schema_version >= LEDE_LIBRARY_INBOX_SCHEMA)
    return FALSE;
  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
               _("%s: this library is too old to have a wire inbox"), what);
  return TRUE;
}

static LedeInboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LedeInboxEntry *entry = lede_inbox_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->path = g_strdup (_lede_library_column_text (stmt, 1));
  entry->size = sqlite3_column_int64 (stmt, 2);
  entry->mtime_us = sqlite3_column_int64 (stmt, 3);
  entry->sha256 = g_strdup (_lede_library_column_text (stmt, 4));
  entry->arrived_at = _lede_library_parse_time (stmt, 5);
  entry->state = lede_inbox_state_from_string (_lede_library_column_text (stmt, 6));
  entry->settled_at = _lede_library_parse_time (stmt, 7);
  entry->headline = g_strdup (_lede_library_column_text (stmt, 8));
  entry->byline = g_strdup (_lede_library_column_text (stmt, 9));
  entry->dateline = g_strdup (_lede_library_column_text (stmt, 10));
  entry->keywords = g_strdup (_lede_library_column_text (stmt, 11));
  entry->format = g_strdup (_lede_library_column_text (stmt, 12));
  entry->wire_id = g_strdup (_lede_library_column_text (stmt, 13));
  entry->version = g_strdup (_lede_library_column_text (stmt, 14));
  entry->version_created = _lede_library_parse_time (stmt, 15);
  g_free (entry->pubstatus);
  entry->pubstatus = g_strdup (_lede_library_column_text (stmt, 16));
  entry->reason = g_strdup (_lede_library_column_text (stmt, 17));
  entry->article_id = sqlite3_column_int64 (stmt, 18);
  return entry;
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

/**
 * lede_library_inbox_add:
 * @entry: the file as read; its id and (when unset) arrival time are set
 * @data: (nullable): its bytes, kept while it waits
 *
 * Adds a file to the inbox, waiting or refused as @entry says, and lets
 * entries settled more than %LEDE_INBOX_KEEP_DAYS days ago go.
 */
gboolean
lede_library_inbox_add (LedeLibrary     *self,
                        LedeInboxEntry  *entry,
                        GBytes          *data,
                        GError         **error)
{
  const char *what = _("Could not keep the file in the wire inbox");
  g_autoptr (GDateTime) now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->path != NULL, FALSE);

  if (too_old (self, what, error))
    return FALSE;
  if (entry->arrived_at == NULL)
    entry->arrived_at = _lede_library_now_utc ();
  if (entry->state != LEDE_INBOX_WAITING && entry->settled_at == NULL)
    entry->settled_at = g_date_time_ref (entry->arrived_at);
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  stmt = _lede_library_prepare (self,
                                "INSERT INTO inbox (path, size, mtime_us, sha256, arrived_at, state, settled_at, headline, "
                                "byline, dateline, keywords, format, wire_id, version, version_created, pubstatus, reason, "
                                "data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, entry->path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, entry->size);
      sqlite3_bind_int64 (stmt, 3, entry->mtime_us);
      _lede_library_bind_text (stmt, 4, or_empty (entry->sha256));
      _lede_library_bind_time (stmt, 5, entry->arrived_at);
      _lede_library_bind_text (stmt, 6, lede_inbox_state_to_string (entry->state));
      _lede_library_bind_time (stmt, 7, entry->settled_at);
      _lede_library_bind_text (stmt, 8, or_empty (entry->headline));
      _lede_library_bind_text (stmt, 9, or_empty (entry->byline));
      _lede_library_bind_text (stmt, 10, or_empty (entry->dateline));
      _lede_library_bind_text (stmt, 11, or_empty (entry->keywords));
      _lede_library_bind_text (stmt, 12, or_empty (entry->format));
      _lede_library_bind_text (stmt, 13, or_empty (entry->wire_id));
      _lede_library_bind_text (stmt, 14, or_empty (entry->version));
      _lede_library_bind_time (stmt, 15, entry->version_created);
      _lede_library_bind_text (stmt, 16, entry->pubstatus ? entry->pubstatus : "usable");
      _lede_library_bind_text (stmt, 17, or_empty (entry->reason));
      if (data != NULL && entry->state == LEDE_INBOX_WAITING)
        sqlite3_bind_blob64 (stmt, 18, g_bytes_get_data (data, NULL), g_bytes_get_size (data), SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 18);
    }
  if (stmt == NULL || !_lede_library_step_done (self, stmt, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  entry->id = sqlite3_last_insert_rowid (self->db);
  now = _lede_library_now_utc ();
  if (!lede_library_inbox_prune (self, now, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      entry->id = 0;
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_inbox_knows:
 * @sha256: (nullable): the file's bytes' SHA-256, when read
 *
 * Whether the inbox has this file already: the same path with the same
 * size and time, or (once read) the same bytes, so a file a sync tool
 * wrote again unchanged is not listed twice. A library without an inbox
 * knows none; an error counts as known, so a damaged library is not
 * written to on every turn.
 */
gboolean
lede_library_inbox_knows (LedeLibrary *self,
                          const char  *path,
                          gint64       size,
                          gint64       mtime_us,
                          const char  *sha256)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), TRUE);
  g_return_val_if_fail (path != NULL, TRUE);

  if (self->schema_version < LEDE_LIBRARY_INBOX_SCHEMA)
    return FALSE;
  stmt = _lede_library_prepare (self,
                                "SELECT 1 FROM inbox WHERE path = ?1 AND ((size = ?2 AND mtime_us = ?3) OR "
                                "(?4 <> '' AND sha256 = ?4)) LIMIT 1",
                                NULL);
  if (stmt == NULL)
    return TRUE;
  _lede_library_bind_text (stmt, 1, path);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_int64 (stmt, 3, mtime_us);
  _lede_library_bind_text (stmt, 4, or_empty (sha256));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc != SQLITE_DONE;
}

/**
 * lede_library_inbox_list:
 *
 * Returns: (transfer full) (element-type LedeInboxEntry): every entry,
 *   newest first (waiting, taken and refused alike), or %NULL with @error
 *   set; a library without an inbox has none
 */
GPtrArray *
lede_library_inbox_list (LedeLibrary  *self,
                         GError      **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_inbox_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < LEDE_LIBRARY_INBOX_SCHEMA)
    return g_steal_pointer (&entries);
  stmt = _lede_library_prepare (self, "SELECT " ENTRY_COLUMNS " FROM inbox ORDER BY arrived_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the wire inbox"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* How many wait to be taken: the sidebar's count. */
gint64
lede_library_inbox_count_waiting (LedeLibrary *self)
{
  gint64 n = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);

  if (self->schema_version < LEDE_LIBRARY_INBOX_SCHEMA ||
      !_lede_library_query_int (self, "SELECT COUNT (*) FROM inbox WHERE state = 'waiting'", &n, NULL))
    return 0;
  return n;
}

/**
 * lede_library_inbox_get:
 *
 * Returns: (transfer full): the entry, or %NULL with @error set
 *   (%LEDE_LIBRARY_ERROR_NOT_FOUND when the inbox has none of that id)
 */
LedeInboxEntry *
lede_library_inbox_get (LedeLibrary  *self,
                        gint64        id,
                        GError      **error)
{
  LedeInboxEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (too_old (self, _("Could not read the wire inbox"), error))
    return NULL;
  stmt = _lede_library_prepare (self, "SELECT " ENTRY_COLUMNS " FROM inbox WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND, _("The wire inbox has no such file"));
  else if (rc != SQLITE_ROW)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not read the wire inbox"));
  return entry;
}

/**
 * lede_library_inbox_dup_data:
 *
 * Returns: (transfer full): the bytes of a waiting entry, or %NULL with
 *   @error set (a taken or refused entry keeps none)
 */
GBytes *
lede_library_inbox_dup_data (LedeLibrary  *self,
                             gint64        id,
                             GError      **error)
{
  GBytes *data = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (too_old (self, _("Could not read the wire inbox"), error))
    return NULL;
  stmt = _lede_library_prepare (self, "SELECT data FROM inbox WHERE id = ?1 AND data IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                 _("The wire inbox keeps this file no more: it was taken or refused"));
  else if (rc != SQLITE_ROW)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not read the wire inbox"));
  return data;
}

/**
 * lede_library_inbox_settle:
 * @state: %LEDE_INBOX_TAKEN or %LEDE_INBOX_REFUSED
 * @article_id: the story it became or is, or 0
 * @reason: (nullable): why refused, or what taking it said
 *
 * Settles a waiting entry: its bytes go, the row stays 30 days.
 */
gboolean
lede_library_inbox_settle (LedeLibrary     *self,
                           gint64           id,
                           LedeInboxState   state,
                           gint64           article_id,
                           const char      *reason,
                           GError         **error)
{
  const char *what = _("Could not update the wire inbox");
  g_autoptr (GDateTime) now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (state != LEDE_INBOX_WAITING, FALSE);

  if (too_old (self, what, error))
    return FALSE;
  now = _lede_library_now_utc ();
  stmt = _lede_library_prepare (self,
                                "UPDATE inbox SET state = ?2, settled_at = ?3, article_id = NULLIF (?4, 0), "
                                "reason = ?5, data = NULL WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _lede_library_bind_text (stmt, 2, lede_inbox_state_to_string (state));
  _lede_library_bind_time (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, article_id);
  _lede_library_bind_text (stmt, 5, or_empty (reason));
  return _lede_library_step_done (self, stmt, what, error);
}

/**
 * lede_library_inbox_prune:
 * @now: the time to count from
 *
 * Lets taken and refused entries settled more than
 * %LEDE_INBOX_KEEP_DAYS days before @now go; waiting ones stay.
 */
gboolean
lede_library_inbox_prune (LedeLibrary  *self,
                          GDateTime    *now,
                          GError      **error)
{
  g_autoptr (GDateTime) horizon = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->schema_version < LEDE_LIBRARY_INBOX_SCHEMA)
    return TRUE;
  horizon = g_date_time_add_days (now, -LEDE_INBOX_KEEP_DAYS);
  stmt = _lede_library_prepare (self, "DELETE FROM inbox WHERE state <> 'waiting' AND settled_at < ?1", error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_time (stmt, 1, horizon);
  return _lede_library_step_done (self, stmt, _("Could not tidy the wire inbox"), error);
}
