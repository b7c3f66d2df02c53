/* lede-library.c: the SQLite file that keeps every story — opening it (one
 * writer a library), its schema, and the statements and transactions the
 * other lede-library-*.c files share through lede-library-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"
#include "lede-search-rank.h"
#include "lede-slug.h"
#include "lede-time.h"

G_STATIC_ASSERT (G_N_ELEMENTS (MIGRATIONS) == LEDE_LIBRARY_SCHEMA_VERSION);


/* The libraries this process has open for writing, by file: opening one
 * again returns the same object rather than a second connection, which
 * could not take the lock and would close the file under the first. */
static GHashTable *open_writers;  /* "dev:ino" → LedeLibrary (not a reference) */
G_LOCK_DEFINE_STATIC (open_writers);

static char *
file_key (dev_t dev,
          ino_t ino)
{
  return g_strdup_printf ("%ju:%ju", (uintmax_t)dev, (uintmax_t)ino);
}

G_DEFINE_FINAL_TYPE (LedeLibrary, lede_library, G_TYPE_OBJECT)

enum {
  ARTICLES_CHANGED,
  SAVE_WANTED,
  ARTICLE_REPLACED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (lede-library-error-quark, lede_library_error)

static void
lede_library_finalize (GObject *object)
{
  LedeLibrary *self = (LedeLibrary *)object;

  if (self->lock_fd >= 0)
    {
      g_autofree char *key = file_key (self->dev, self->ino);

      G_LOCK (open_writers);
      if (open_writers != NULL && g_hash_table_lookup (open_writers, key) == self)
        g_hash_table_remove (open_writers, key);
      G_UNLOCK (open_writers);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->notice);
  /* Last: closing the file drops the flock, and with it (POSIX) any lock
   * SQLite still held, so nothing may come after the connection. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);

  G_OBJECT_CLASS (lede_library_parent_class)->finalize (object);
}

static void
lede_library_class_init (LedeLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lede_library_finalize;

  /**
   * LedeLibrary::articles-changed:
   *
   * Emitted when a story was added, trashed, restored or deleted, so lists
   * of stories know to look again. Edits to a story do not emit it.
   */
  signals [ARTICLES_CHANGED] =
    g_signal_new ("articles-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LedeLibrary::save-wanted:
   * @id: the story
   *
   * Emitted before the story is changed from outside its editor (an import
   * of a newer copy), so whoever edits it saves what they have first.
   *
   * Returns: %TRUE when a handler saved changes, which makes the library's
   *   copy the newest whatever the clocks say
   */
  signals [SAVE_WANTED] =
    g_signal_new ("save-wanted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_INT64);

  /**
   * LedeLibrary::article-replaced:
   * @id: the story
   *
   * Emitted when a story was changed from outside its editor (an import
   * of a newer copy, a status or tag set on many stories, a tag renamed, a
   * source edited or unlinked): an object read before holds old fields.
   */
  signals [ARTICLE_REPLACED] =
    g_signal_new ("article-replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

void
_lede_library_emit_articles_changed (LedeLibrary *self)
{
  if (self->holds > 0)
    {
      self->changed_while_held = TRUE;
      return;
    }
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
}

/**
 * lede_library_hold_changes:
 *
 * Holds back #LedeLibrary::articles-changed during many small changes (a
 * trash emptied in chunks, an import of many files), so lists are read
 * again once, at lede_library_release_changes(), instead of each time.
 */
void
lede_library_hold_changes (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  self->holds++;
}

void
lede_library_release_changes (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0 && self->changed_while_held)
    {
      self->changed_while_held = FALSE;
      _lede_library_emit_articles_changed (self);
    }
}

gboolean
_lede_library_emit_save_wanted (LedeLibrary *self,
                                gint64       id)
{
  gboolean saved = FALSE;

  g_signal_emit (self, signals [SAVE_WANTED], 0, id, &saved);
  return saved;
}

void
_lede_library_emit_article_replaced (LedeLibrary *self,
                                     gint64       id)
{
  g_signal_emit (self, signals [ARTICLE_REPLACED], 0, id);
}

/* Stories changed outside their editor: each object handed out for them
 * holds old fields, then the lists read again once. */
void
_lede_library_emit_replaced_all (LedeLibrary *self,
                                 GArray      *ids)
{
  for (guint i = 0; i < ids->len; i++)
    _lede_library_emit_article_replaced (self, g_array_index (ids, gint64, i));
  _lede_library_emit_articles_changed (self);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lede_library_init (LedeLibrary *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->lock_fd = -1;
}

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
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = LEDE_LIBRARY_ERROR_CORRUPT;
      detail = _("the library file is damaged");
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

/* Returns a cached statement, reset and ready for new bindings. */
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
  return _lede_library_run_one (self, self->in_batch ? "RELEASE lede_step" : "COMMIT", what, error);
}

/* A write that did not count itself would let an older copy of this
 * library's WAL pass for its own: the tests make this fatal. */
static int
on_commit (void *data)
{
  LedeLibrary *self = data;

  if (self->schema_version >= LEDE_LIBRARY_IDENTITY_SCHEMA && !self->counted && !self->opening)
    g_critical ("A write to %s was not counted in library_identity", self->path);
  self->counted = FALSE;
  return 0;
}

static void
on_rollback (void *data)
{
  LedeLibrary *self = data;

  self->counted = FALSE;
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
 * Starts a batch of changes (an import of many files) that reaches the disk
 * as one transaction, which is many times faster than one each. Each
 * change inside still succeeds or fails whole. End it with
 * lede_library_end_batch().
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
  if (!_lede_library_run_one (self, "COMMIT", _("Could not save the imported stories"), error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
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

char *
lede_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lede", "library.db", NULL);
}

/* How long a writer waits for another process to let go of a library: a
 * lede-cli reader holds it only while it opens its connection. */
#define LOCK_WAIT_US (1500 * 1000)

static LedeLibrary *
find_open_writer (dev_t dev,
                  ino_t ino)
{
  g_autofree char *key = file_key (dev, ino);
  LedeLibrary *found = NULL;

  G_LOCK (open_writers);
  if (open_writers != NULL && (found = g_hash_table_lookup (open_writers, key)))
    g_object_ref (found);
  G_UNLOCK (open_writers);
  return found;
}

static void
remember_open_writer (LedeLibrary *self)
{
  G_LOCK (open_writers);
  if (open_writers == NULL)
    open_writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_writers, file_key (self->dev, self->ino), self);
  G_UNLOCK (open_writers);
}

/* Finds what is at @path without opening it: opening and closing the file
 * would drop the POSIX locks of a connection this process already has. */
static gboolean
stat_library (const char  *path,
              GStatBuf    *st,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (g_stat (path, st) != 0)
    {
      int saved_errno = errno;

      *exists = FALSE;
      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   _("Could not open the library “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   _("Could not open the library “%s”: it is a folder, not a file"), display);
      return FALSE;
    }
  /* A pipe would block the first open() for ever, and a device or socket
   * is no place for a library: refused before anything opens them. */
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   _("Could not open the library “%s”: it is not an ordinary file (a pipe, a device or a socket)"),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* Looks at the first bytes before SQLite ever sees the file, through the
 * descriptor the library keeps (never a new one that would be closed), so
 * a file that is not a database at all is refused without being touched. */
static gboolean
check_header (int          fd,
              const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = g_filename_display_name (path);
  char header[16];
  struct stat st;
  ssize_t n;

  if (fstat (fd, &st) != 0 || st.st_size == 0)
    return TRUE;

  do
    n = pread (fd, header, sizeof header, 0);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved_errno = errno;
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   _("Could not open the library “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  if ((size_t)n != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is not a Lede library: it is not an SQLite database. Lede has not changed it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_in_use_error (const char  *path,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_IN_USE,
               _("Lede has this library open; close it or run the command from the window (“%s”)"),
               display);
  return FALSE;
}

/* Takes the flock that makes this process the library's one writer. It
 * belongs to the open file, so no close() elsewhere in the process can
 * drop it, unlike SQLite's own fcntl locks. */
static gboolean
take_writer_lock (int          fd,
                  const char  *path,
                  GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_WAIT_US;

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;
      if (saved_errno != EWOULDBLOCK)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                       _("Could not open the library “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
      if (g_get_monotonic_time () >= deadline)
        return set_in_use_error (path, error);
      g_usleep (20 * 1000);
    }
  return TRUE;
}

gboolean
_lede_library_query_int (LedeLibrary  *self,
                         const char   *sql,
                         gint64       *value,
                         GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the library"));
  return TRUE;
}

/* Decides, reading only, whether this file is a library this Lede may use.
 * Nothing is written until it has said yes. */
static gboolean
check_identity (LedeLibrary  *self,
                GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  g_autoptr (GError) local_error = NULL;
  gint64 version = 0, application_id = 0, n_objects = 0;

  if (!_lede_library_query_int (self, "PRAGMA user_version", &version, &local_error) ||
      !_lede_library_query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !_lede_library_query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT))
        _lede_library_set_damaged_error (self->path, error);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _("Could not open the library “%s”: "), display);
      return FALSE;
    }

  if (version == 0 && application_id == 0 && n_objects == 0)
    {
      self->schema_version = 0;
      return TRUE;
    }

  if (application_id != LEDE_LIBRARY_APPLICATION_ID)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("“%s” is a database of another program, not a Lede library. Lede has not changed it."),
                   display);
      return FALSE;
    }

  if (version > LEDE_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_TOO_NEW,
                   _("The library “%s” was written by a newer version of Lede (library version %d; "
                     "this Lede reads up to version %d). Update Lede to open it; it has not been changed."),
                   display, (int)version, LEDE_LIBRARY_SCHEMA_VERSION);
      return FALSE;
    }

  self->schema_version = (int)version;
  return TRUE;
}

static gboolean
migrate (LedeLibrary  *self,
         GError      **error)
{
  const char *what = _("Could not prepare the library");
  gboolean migrated = FALSE;

  while (self->schema_version < LEDE_LIBRARY_SCHEMA_VERSION)
    {
      int next = self->schema_version + 1;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", LEDE_LIBRARY_APPLICATION_ID);

      /* One transaction a step: a crash mid-migration leaves the library at
       * the last whole version, never half-way. */
      if (!_lede_library_begin (self, what, error))
        return FALSE;
      if (!_lede_library_exec (self, MIGRATIONS[self->schema_version], what, error) ||
          !_lede_library_exec (self, set_id, what, error) ||
          !_lede_library_exec (self, set_version, what, error) ||
          (next >= LEDE_LIBRARY_IDENTITY_SCHEMA && !_lede_library_exec (self, "UPDATE library_identity SET "
                                                                             LEDE_LIBRARY_COUNT_COMMIT,
                                                                       what, error)) ||
          !_lede_library_run_one (self, "COMMIT", what, error))
        {
          _lede_library_rollback (self);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->path, next);
      self->schema_version = next;
      migrated = TRUE;
    }

  /* The identity row goes into the main file at once, so that a WAL
   * beside it can be told apart from the first write on. */
  if (migrated)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

/* A library's -wal or -shm, picked by mistake while that library is open
 * here, is refused before it is opened: closing it again would drop the
 * open library's locks. */
static gboolean
is_working_file_of_open_library (const char  *path,
                                 GError     **error)
{
  g_autoptr (GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  GStatBuf st;

  G_LOCK (open_writers);
  if (open_writers != NULL)
    {
      g_hash_table_iter_init (&iter, open_writers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (writers, g_object_ref (value));
    }
  G_UNLOCK (open_writers);

  for (guint i = 0; i < writers->len; i++)
    {
      LedeLibrary *writer = g_ptr_array_index (writers, i);

      if (lede_library_is_own_file (writer, path) && g_stat (path, &st) == 0 &&
          (st.st_dev != writer->dev || st.st_ino != writer->ino))
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
                       _("“%s” is a working file of the library “%s”, which is open; open that library instead"),
                       display, writer->path);
          return TRUE;
        }
    }
  return FALSE;
}

/* Opens the file the library keeps for its lock and header check, creating
 * it (and its folder) when missing. */
static int
open_library_file (const char  *path,
                   gboolean     exists,
                   gboolean    *created,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  *created = FALSE;
  if (!exists)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                       _("Could not create the library “%s”: %s"), display, g_strerror (saved_errno));
          return -1;
        }
      fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        {
          *created = TRUE;
          return fd;
        }
      if (errno != EEXIST)
        {
          int saved_errno = errno;
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                       _("Could not create the library “%s”: %s"), display, g_strerror (saved_errno));
          return -1;
        }
    }

  if ((fd = open (path, O_RDONLY | O_CLOEXEC)) < 0)
    {
      int saved_errno = errno;
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   _("Could not open the library “%s”: %s"), display, g_strerror (saved_errno));
    }
  return fd;
}

static gboolean
finish_open (LedeLibrary  *self,
             GError      **error)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    return FALSE;

  if (lede_search_rank_register (self->db) != SQLITE_OK)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("Could not prepare the library: its search index is missing"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_writer (LedeLibrary  *self,
             gboolean      created,
             GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      int saved_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN,
                   created ? _("Could not create the library “%s”: %s")
                           : _("Could not open the library “%s”: %s"),
                   display, saved_errno ? g_strerror (saved_errno) : sqlite3_errstr (rc));
      return FALSE;
    }

  /* Until the library is known to be whole and Lede's, closing this
   * connection must not checkpoint: on a failed open, the WAL is kept as
   * it was for whoever looks at the file next. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_commit_hook (self->db, on_commit, self);
  sqlite3_rollback_hook (self->db, on_rollback, self);

  if (!finish_open (self, error))
    return FALSE;

  /* SQLite quietly opens a write-protected file read-only; Lede must be able
   * to save, so say so now rather than at the first autosave. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY,
                   _("The library “%s” is read-only: Lede could not save stories in it. "
                     "Check the file’s permissions, or open another library."), display);
      return FALSE;
    }

  /* WAL lets a crash lose at most the transaction under way; NORMAL
   * synchronous is safe with WAL and keeps autosave cheap. */
  /* A copy in rollback mode (a backup made with .backup) is switched to
   * WAL here: a write no transaction of Lede's counts. */
  self->opening = TRUE;
  rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  self->opening = FALSE;
  if (rc != SQLITE_OK)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not prepare the library"));
  if (!_lede_library_exec (self, "PRAGMA synchronous = NORMAL", _("Could not prepare the library"), error) ||
      !_lede_library_exec (self, "PRAGMA foreign_keys = ON", _("Could not prepare the library"), error))
    return FALSE;

  self->is_new = self->schema_version == 0;
  if (!migrate (self, error))
    return FALSE;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  return TRUE;
}

/* Before SQLite replays the WAL beside the library: is it the library's
 * own, and is the library whole? A foreign WAL is moved aside; one that
 * cannot be leaves the library to readers. */
static gboolean
vet_wal_for_writing (LedeLibrary  *self,
                     GError      **error)
{
  LedeWalVerdict verdict;

  if (!_lede_library_vet_wal (self->path, TRUE, &verdict, &self->notice, error))
    return FALSE;
  if (verdict == LEDE_WAL_IGNORED)
    {
      g_set_error_literal (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY, self->notice);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_open:
 * @path: the library file; created (with its folder) when missing
 *
 * Opens a library for writing, creating or upgrading it as needed. Only one
 * process at a time may: while another has it (a window, lede-cli
 * importing), this fails with %LEDE_LIBRARY_ERROR_IN_USE after a short
 * wait. Opening a library this process already has returns the same
 * object. A file that is not a Lede library, is damaged, or comes from a
 * newer Lede is refused with an error that says so, and is left byte for
 * byte as it was.
 */
LedeLibrary *
lede_library_open (const char  *path,
                   GError     **error)
{
  g_autoptr (LedeLibrary) self = NULL;
  gboolean exists = FALSE, created = FALSE;
  GStatBuf st;
  struct stat fd_st;
  LedeLibrary *open_already;

  g_return_val_if_fail (path != NULL, NULL);

  if (!stat_library (path, &st, &exists, error))
    return NULL;
  if (exists && is_working_file_of_open_library (path, error))
    return NULL;
  if (exists && (open_already = find_open_writer (st.st_dev, st.st_ino)))
    {
      /* Its first holder has seen it new (and added the sample story). */
      open_already->is_new = FALSE;
      return open_already;
    }

  self = g_object_new (LEDE_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  if ((self->lock_fd = open_library_file (path, exists, &created, error)) < 0)
    return NULL;
  fstat (self->lock_fd, &fd_st);
  self->dev = fd_st.st_dev;
  self->ino = fd_st.st_ino;

  if (!take_writer_lock (self->lock_fd, path, error) ||
      !check_header (self->lock_fd, path, error) ||
      !vet_wal_for_writing (self, error) ||
      !open_writer (self, created, error))
    {
      /* A file made for this library and still empty goes again. */
      if (created && fstat (self->lock_fd, &fd_st) == 0 && fd_st.st_size == 0)
        g_unlink (path);
      return NULL;
    }

  remember_open_writer (self);
  return g_steal_pointer (&self);
}

/* A reader's connection: read-only, and it never checkpoints, so it can
 * never delete or shorten the writer's WAL. With @shm_read_only it does not
 * even write the shared-memory index (SQLite reads the WAL itself when the
 * index cannot be trusted): nothing a reader does changes a byte. */
static int
open_reader_connection (LedeLibrary *self,
                        gboolean     shm_read_only)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *base = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (base == NULL)
    return SQLITE_CANTOPEN;
  uri = g_strconcat (base, shm_read_only ? "?mode=ro&readonly_shm=1" : "?mode=ro", NULL);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  return rc;
}

/* With no writer anywhere (a shared flock says so and keeps one out
 * meanwhile), a reader reads the main file alone when a WAL beside it is not
 * the library's own, or when its folder is read-only and it has no WAL
 * (SQLite could not make the index it wants there). Sets self->db then;
 * leaves it NULL where the ordinary way applies. */
static gboolean
open_main_file_alone (LedeLibrary  *self,
                      int          *rc,
                      GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  LedeWalVerdict verdict = LEDE_WAL_NONE;
  gboolean ok = TRUE;

  if (flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0)
    return TRUE;
  if (!_lede_library_vet_wal (self->path, FALSE, &verdict, &self->notice, error))
    ok = FALSE;
  else if (verdict == LEDE_WAL_IGNORED ||
           (g_access (folder, W_OK) != 0 && !g_file_test (wal, G_FILE_TEST_EXISTS)))
    {
      self->db = _lede_library_open_uri (self->path, "immutable=1");
      *rc = self->db != NULL ? sqlite3_exec (self->db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL)
                             : SQLITE_CANTOPEN;
    }
  flock (self->lock_fd, LOCK_UN);
  return ok;
}

/**
 * lede_library_open_for_reading:
 * @path: an existing library file
 *
 * Opens a library to read it while another process (a Lede window) may be
 * writing it: what the writer committed a moment ago is seen, and nothing
 * is ever written, checkpointed or deleted. A library that does not exist
 * is not created.
 */
LedeLibrary *
lede_library_open_for_reading (const char  *path,
                               GError     **error)
{
  g_autoptr (LedeLibrary) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists = FALSE;
  GStatBuf st;
  LedeLibrary *writer;
  int rc = SQLITE_OK;

  g_return_val_if_fail (path != NULL, NULL);

  if (!stat_library (path, &st, &exists, error))
    return NULL;
  display = g_filename_display_name (path);
  if (!exists || st.st_size == 0)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("There is no library at “%s” yet"), display);
      return NULL;
    }

  self = g_object_new (LEDE_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;
  self->dev = st.st_dev;
  self->ino = st.st_ino;

  if ((writer = find_open_writer (st.st_dev, st.st_ino)))
    {
      /* This process writes it: no descriptor of our own, which would drop
       * the writer's locks when closed. */
      g_object_unref (writer);
      rc = open_reader_connection (self, TRUE);
    }
  else
    {
      gboolean created;

      if ((self->lock_fd = open_library_file (path, TRUE, &created, error)) < 0 ||
          !check_header (self->lock_fd, path, error))
        return NULL;

      if (!open_main_file_alone (self, &rc, error))
        return NULL;

      /* A reader never touches the shared-memory index a writer uses. With
       * no writer (a shared flock says so, and keeps one out meanwhile), a
       * first connection may set the index up, as after a crash; then the
       * reader's own connection opens it read-only, before the flock goes.
       * The descriptor stays open as long as the connection, so closing it
       * drops nothing. */
      for (guint attempt = 0; self->db == NULL && attempt < 50; attempt++)
        {
          gboolean writer_elsewhere = flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0;

          rc = SQLITE_OK;
          if (!writer_elsewhere)
            {
              rc = open_reader_connection (self, FALSE);
              if (rc == SQLITE_OK)
                rc = sqlite3_exec (self->db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL);
            }
          if (rc == SQLITE_OK)
            rc = open_reader_connection (self, TRUE);
          /* Opening is lazy: the first read says whether it worked. */
          if (rc == SQLITE_OK)
            rc = sqlite3_exec (self->db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL);
          if (!writer_elsewhere)
            flock (self->lock_fd, LOCK_UN);
          /* The writer let go between the two steps and took its index along. */
          if ((rc & 0xff) != SQLITE_CANTOPEN)
            break;
          g_usleep (20 * 1000);
        }
    }

  if (rc != SQLITE_OK)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the library"));
      g_prefix_error (error, "“%s”: ", display);
      return NULL;
    }
  if (!finish_open (self, error))
    return NULL;

  if (self->schema_version < LEDE_LIBRARY_OLDEST_READABLE)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_TOO_NEW,
                   self->schema_version == 0
                     ? _("There are no stories in “%s” yet")
                     : _("The library “%s” was written by an older Lede: open it in Lede once to bring it up to date"),
                   display);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * lede_library_is_read_only:
 *
 * Whether this library was opened with lede_library_open_for_reading().
 */
gboolean
lede_library_is_read_only (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * lede_library_is_own_file:
 * @path: any file name
 *
 * Whether @path names this library's file or one of the files SQLite keeps
 * beside it (-wal, -shm, -journal), under whatever name. Found with stat(),
 * never by opening it.
 */
gboolean
lede_library_is_own_file (LedeLibrary *self,
                          const char  *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real = NULL;
  GStatBuf st;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE;
  if (st.st_dev == self->dev && st.st_ino == self->ino)
    return TRUE;
  /* SQLite keeps them beside the file itself, not beside a link to it. */
  real = realpath (self->path, NULL);
  for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (real ? real : self->path, suffixes[i], NULL);
      GStatBuf beside_st;

      if (g_stat (beside, &beside_st) == 0 && beside_st.st_dev == st.st_dev && beside_st.st_ino == st.st_ino)
        return TRUE;
    }
  return FALSE;
}

const char *
lede_library_get_path (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->path;
}

/**
 * lede_library_is_new:
 *
 * Whether this library was created (or found empty) when it was opened,
 * which is when Lede adds its sample story.
 */
gboolean
lede_library_is_new (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return self->is_new;
}

int
lede_library_get_schema_version (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);
  return self->schema_version;
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
