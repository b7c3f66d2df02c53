/* lede-library-sql.c: the statements and transactions every store of the
 * library shares: errors in words, prepared statements kept, transactions
 * counted (lede-library-wal.c), batches, times and text in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"
#include "lede-time.h"

/* Turns an SQLite failure into words a journalist can act on. The
 * "what" says which operation failed, e.g. "Could not save the story". */
gboolean
_lede_library_set_sqlite_error (LedeLibrary  *self,
                                GError      **error,
                                int           rc,
                                const char   *what)
{
  int code;
  const char *detail;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = LEDE_LIBRARY_ERROR_FULL;
      detail = _("the disk is full");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = LEDE_LIBRARY_ERROR_READ_ONLY;
      detail = _("the library file cannot be written to");
      break;
    case SQLITE_BUSY:
      code = LEDE_LIBRARY_ERROR_BUSY;
      detail = _("another write to the library did not end in time");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = LEDE_LIBRARY_ERROR_CORRUPT;
      detail = _("the library file is damaged");
      /* Found whole today or not, the next opening checks it. */
      _lede_library_forget_whole (self);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      code = (rc & 0xff) == SQLITE_CANTOPEN ? LEDE_LIBRARY_ERROR_CANNOT_OPEN : LEDE_LIBRARY_ERROR_FAILED;
      /* SQLite's errno is whatever the last system call left, so only
       * trust the kind of failure it reports. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
          rc == SQLITE_IOERR_SHMSIZE)
        {
          code = LEDE_LIBRARY_ERROR_FULL;
          detail = _("the disk refused the write (it may be full)");
        }
      /* On a read-only disk SQLite fails to make the WAL's index, not to
       * open: that is a library to read, and to export from. */
      else if (self->path != NULL && access (self->path, W_OK) != 0 && errno == EROFS)
        {
          code = LEDE_LIBRARY_ERROR_READ_ONLY;
          detail = _("the library is on a read-only disk");
        }
      else
        detail = _("the library file could not be read or written");
      break;
    default:
      code = LEDE_LIBRARY_ERROR_FAILED;
      detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
      break;
    }

  g_set_error (error, LEDE_LIBRARY_ERROR, code, "%s: %s", what, detail);
  return FALSE;
}

/* Returns a cached statement, reset and ready for new bindings. @sql is
 * a literal: the cache keeps it as its key, uncopied. */
sqlite3_stmt *
_lede_library_prepare (LedeLibrary  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the library"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_lede_library_exec (LedeLibrary  *self,
                    const char   *sql,
                    const char   *what,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _lede_library_set_sqlite_error (self, error, rc, what);
  return TRUE;
}

/* Runs a statement that returns no rows, then resets it so it holds no
 * read transaction open. */
static gboolean
step_done (LedeLibrary  *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  /* Read the error before the reset, which clears what the system said. */
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* BEGIN and COMMIT run as prepared statements, not through sqlite3_exec(),
 * so that the system's reason for a failed _lede_library_commit (a full disk, a file too
 * large) is still there to be read. */
gboolean
_lede_library_run_one (LedeLibrary  *self,
                       const char   *sql,
                       const char   *what,
                       GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);

  return stmt != NULL && step_done (self, stmt, what, error);
}

/* A library a check found damaged is not written into again: every write
 * fails here, in words, and nothing is checkpointed on close. */
static gboolean
refuse_if_damaged (LedeLibrary  *self,
                   const char   *what,
                   GError      **error)
{
  if (!self->damaged)
    return TRUE;
  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
               _("%s: the library file is damaged, so Lede no longer writes into it"), what);
  return FALSE;
}

/* Every write transaction counts itself in library_identity as it begins
 * (so that sqlite3_changes() still speaks of the caller's statements), and
 * a WAL beside the library can be told to be its own (lede-library-wal.c). */
static gboolean
begin_counted (LedeLibrary  *self,
               const char   *what,
               GError      **error)
{
  if (!refuse_if_damaged (self, what, error) ||
      !_lede_library_run_one (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (self->schema_version < LEDE_LIBRARY_IDENTITY_SCHEMA)
    return TRUE;
  if (!_lede_library_run_one (self, "UPDATE library_identity SET " LEDE_LIBRARY_COUNT_COMMIT " WHERE id = 1",
                              what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  self->counted = TRUE;
  return TRUE;
}

gboolean
_lede_library_begin (LedeLibrary  *self,
                     const char   *what,
                     GError      **error)
{
  if (self->in_batch)
    {
      /* After some errors (a full disk while pages are spilled) SQLite
       * rolls the whole batch back itself. A step must not then open a
       * transaction of its own with its savepoint, uncounted and
       * committed alone. */
      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                       _("%s: an earlier error stopped this batch, and nothing in it was kept"), what);
          return FALSE;
        }
      return _lede_library_run_one (self, "SAVEPOINT lede_step", what, error);
    }
  return begin_counted (self, what, error);
}

gboolean
_lede_library_commit (LedeLibrary  *self,
                      const char   *what,
                      GError      **error)
{
  if (!_lede_library_run_one (self, self->in_batch ? "RELEASE lede_step" : "COMMIT", what, error))
    return FALSE;
  /* Only now may the files of photos nothing keeps go. */
  if (self->photos_gone && !self->in_batch && self->sweep_photos)
    self->sweep_photos (self);
  return TRUE;
}

/* Notes that a photo's row went, in a trigger or not, so its file is
 * deleted once the transaction commits. */
void
_lede_library_on_update (void          *data,
                         int            op,
                         const char    *database,
                         const char    *table,
                         sqlite3_int64  rowid)
{
  LedeLibrary *self = data;

  if (op == SQLITE_DELETE && g_str_equal (table, "photos"))
    self->photos_gone = TRUE;
}

/* A write that did not count itself would let an older copy of this
 * library's WAL pass for its own: the tests make this fatal. */
int
_lede_library_on_commit (void *data)
{
  LedeLibrary *self = data;

  if (self->schema_version >= LEDE_LIBRARY_IDENTITY_SCHEMA && !self->counted && !self->opening)
    g_critical ("A write to %s was not counted in library_identity", self->path);
  self->counted = FALSE;
  return 0;
}

void
_lede_library_on_rollback (void *data)
{
  LedeLibrary *self = data;

  self->counted = FALSE;
  self->photos_gone = FALSE;
}

/* Undoes whatever a failed transaction had written; a no-op when SQLite has
 * already rolled it back itself (as it does after some I/O errors). In a
 * batch only the failed step is undone. */
void
_lede_library_rollback (LedeLibrary *self)
{
  if (sqlite3_get_autocommit (self->db))
    return;
  if (self->in_batch)
    sqlite3_exec (self->db, "ROLLBACK TO lede_step; RELEASE lede_step", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * lede_library_begin_batch:
 *
 * Starts a batch of changes (an import of many files, a step of a
 * #LedeStoryBatch) that reaches the disk as one transaction, which is many
 * times faster than one each. Each change inside still succeeds or fails
 * whole. End it with lede_library_end_batch().
 */
gboolean
lede_library_begin_batch (LedeLibrary  *self,
                          GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!begin_counted (self, _("Could not start writing to the library"), error))
    return FALSE;
  self->in_batch = TRUE;
  /* Lists read again once the batch is on disk: a list read on a worker,
   * through a connection of its own, sees only what is committed. */
  lede_library_hold_changes (self);
  return TRUE;
}

/**
 * lede_library_end_batch:
 *
 * Commits the batch. If that fails (a full disk), none of it is kept and
 * the error says so.
 */
gboolean
lede_library_end_batch (LedeLibrary  *self,
                        GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  self->in_batch = FALSE;
  if (!_lede_library_run_one (self, "COMMIT", _("Could not save the changes to the library"), error))
    {
      _lede_library_rollback (self);
      lede_library_release_changes (self);
      return FALSE;
    }
  lede_library_release_changes (self);
  if (self->photos_gone && self->sweep_photos)
    self->sweep_photos (self);
  return TRUE;
}

/* Runs a statement that returns no rows, then resets it so it holds no
 * read transaction open. */
gboolean
_lede_library_step_done (LedeLibrary  *self,
                         sqlite3_stmt *stmt,
                         const char   *what,
                         GError      **error)
{
  /* A write of its own (no transaction open) becomes one, so that it is
   * counted like every other (count_commit()). */
  if (sqlite3_get_autocommit (self->db) && !sqlite3_stmt_readonly (stmt) &&
      self->schema_version >= LEDE_LIBRARY_IDENTITY_SCHEMA)
    {
      gboolean done;

      if (!_lede_library_begin (self, what, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      done = step_done (self, stmt, what, error) && _lede_library_commit (self, what, error);
      if (!done)
        _lede_library_rollback (self);
      return done;
    }

  return step_done (self, stmt, what, error);
}

GDateTime *
_lede_library_parse_time (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

void
_lede_library_bind_text (sqlite3_stmt *stmt,
                         int           column,
                         const char   *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

void
_lede_library_bind_time (sqlite3_stmt *stmt,
                         int           column,
                         GDateTime    *time)
{
  g_autofree char *text = lede_time_format_utc (time);

  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    _lede_library_bind_text (stmt, column, text);
}

const char *
_lede_library_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Whole seconds: what the library stores, so an article in memory and the
 * same article read back compare equal. */
GDateTime *
_lede_library_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now),
                              g_date_time_get_hour (now),
                              g_date_time_get_minute (now),
                              g_date_time_get_second (now));
}

gboolean
_lede_library_query_int (LedeLibrary  *self,
                         const char   *sql,
                         gint64       *value,
                         GError      **error)
{
  return _lede_library_query_int_by_id (self, sql, 0, value, error);
}

/* The one number a query gives, with @id bound to ?1 where it has one. */
gboolean
_lede_library_query_int_by_id (LedeLibrary  *self,
                               const char   *sql,
                               gint64        id,
                               gint64       *value,
                               GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the library"));
  return TRUE;
}

/* The one text column of a query on ?1 = @id, as a string array. */
char **
_lede_library_read_strings (LedeLibrary  *self,
                            const char   *sql,
                            gint64        id,
                            const char   *what,
                            GError      **error)
{
  g_autoptr (GStrvBuilder) strings = g_strv_builder_new ();
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (strings, _lede_library_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_strv_builder_end (strings) : NULL;
}

/* Runs one statement that returns no rows, binding @a to ?1, @b to ?2 and
 * @text to ?3 where the statement has them. */
gboolean
_lede_library_write_one (LedeLibrary  *self,
                         const char   *sql,
                         gint64        a,
                         gint64        b,
                         const char   *text,
                         const char   *what,
                         GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3)
    _lede_library_bind_text (stmt, 3, text);
  return _lede_library_step_done (self, stmt, what, error);
}

/* Whether story_list holds every story: the lists, the tags' counts and
 * the trash's size read it, not articles. */
gboolean
_lede_library_story_list_is_whole (LedeLibrary *self)
{
  gint64 waiting = 1;

  return self->schema_version >= LEDE_LIBRARY_LIST_SCHEMA &&
         _lede_library_query_int (self, "SELECT EXISTS (SELECT 1 FROM story_list_due)", &waiting, NULL) &&
         waiting == 0;
}

/**
 * _lede_library_merge_index:
 * @index: the FTS5 table
 * @pages: pages to merge at most; negative: any segments may take part,
 *   positive: only a level with 'usermerge' segments or more
 * @merged: (out): whether there was anything to merge
 *
 * One piece of FTS5's incremental merge, inside the caller's transaction.
 */
gboolean
_lede_library_merge_index (LedeLibrary  *self,
                           const char   *index,
                           int           pages,
                           gboolean     *merged,
                           const char   *what,
                           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('merge', %d)", index, index, pages);
  int before = sqlite3_total_changes (self->db);

  if (!_lede_library_exec (self, sql, what, error))
    return FALSE;
  /* FTS5 says a merge did work by two changes or more. */
  *merged = sqlite3_total_changes (self->db) - before >= 2;
  return TRUE;
}
