/* lede-library.c: the SQLite file that keeps every story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library.h"
#include "lede-library-schema.h"
#include "lede-search-rank.h"
#include "lede-slug.h"
#include "lede-time.h"

G_STATIC_ASSERT (G_N_ELEMENTS (MIGRATIONS) == LEDE_LIBRARY_SCHEMA_VERSION);

struct _LedeLibrary
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt*, prepared once */
  int         schema_version;
  gboolean    in_batch;    /* transactions are savepoints inside one batch */
  guint       is_new : 1;
  guint       read_only : 1;

  /* The library file, held open with flock() for as long as this library
   * is open for writing, and closed only after the SQLite connection; see
   * "One library, one writer" in HACKING.md. -1 for a reader. */
  int         lock_fd;
  dev_t       dev;
  ino_t       ino;
};

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
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Every column of an article, in the order article_from_row() reads them. */
#define ARTICLE_COLUMNS \
  "id, uuid, headline, standfirst, slug, byline, dateline, section, status, language, " \
  "body, editorial_note, word_goal, embargo_at, published_at, created_at, updated_at, trashed_at, " \
  "front_matter"

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
static gboolean
set_sqlite_error (LedeLibrary  *self,
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
static sqlite3_stmt *
prepare (LedeLibrary  *self,
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
      set_sqlite_error (self, error, rc, _("Could not read the library"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

static gboolean
exec (LedeLibrary  *self,
      const char   *sql,
      const char   *what,
      GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error, rc, what);
  return TRUE;
}

static gboolean step_done (LedeLibrary *self, sqlite3_stmt *stmt, const char *what, GError **error);

/* BEGIN and COMMIT run as prepared statements, not through sqlite3_exec(),
 * so that the system's reason for a failed commit (a full disk, a file too
 * large) is still there to be read. */
static gboolean
run_one (LedeLibrary  *self,
         const char   *sql,
         const char   *what,
         GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  return stmt != NULL && step_done (self, stmt, what, error);
}

static gboolean
begin (LedeLibrary  *self,
       const char   *what,
       GError      **error)
{
  return run_one (self, self->in_batch ? "SAVEPOINT lede_step" : "BEGIN IMMEDIATE", what, error);
}

static gboolean
commit (LedeLibrary  *self,
        const char   *what,
        GError      **error)
{
  return run_one (self, self->in_batch ? "RELEASE lede_step" : "COMMIT", what, error);
}

/* Undoes whatever a failed transaction had written; a no-op when SQLite has
 * already rolled it back itself (as it does after some I/O errors). In a
 * batch only the failed step is undone. */
static void
rollback (LedeLibrary *self)
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

  if (!run_one (self, "BEGIN IMMEDIATE", _("Could not start writing to the library"), error))
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
  if (!run_one (self, "COMMIT", _("Could not save the imported stories"), error))
    {
      rollback (self);
      return FALSE;
    }
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
    set_sqlite_error (self, error, rc, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static GDateTime *
parse_time (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           GDateTime    *time)
{
  g_autofree char *text = lede_time_format_utc (time);

  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    bind_text (stmt, column, text);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

static LedeArticle *
article_from_row (sqlite3_stmt *stmt)
{
  LedeArticle *article = lede_article_new ();
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  g_autoptr (GDateTime) embargo = parse_time (stmt, 13);
  g_autoptr (GDateTime) published = parse_time (stmt, 14);
  g_autoptr (GDateTime) created = parse_time (stmt, 15);
  g_autoptr (GDateTime) updated = parse_time (stmt, 16);
  g_autoptr (GDateTime) trashed = parse_time (stmt, 17);

  lede_article_status_from_string (column_text (stmt, 8), &status);

  lede_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  lede_article_set_uuid (article, column_text (stmt, 1));
  lede_article_set_headline (article, column_text (stmt, 2));
  lede_article_set_standfirst (article, column_text (stmt, 3));
  lede_article_set_slug (article, column_text (stmt, 4));
  lede_article_set_byline (article, column_text (stmt, 5));
  lede_article_set_dateline (article, column_text (stmt, 6));
  lede_article_set_section (article, column_text (stmt, 7));
  lede_article_set_status (article, status);
  lede_article_set_language (article, column_text (stmt, 9));
  lede_article_set_body (article, column_text (stmt, 10));
  lede_article_set_editorial_note (article, column_text (stmt, 11));
  lede_article_set_word_goal (article, (guint)CLAMP (sqlite3_column_int64 (stmt, 12), 0, G_MAXUINT));
  lede_article_set_embargo (article, embargo);
  lede_article_set_published (article, published);
  lede_article_set_created (article, created);
  lede_article_set_updated (article, updated);
  lede_article_set_trashed (article, trashed);
  lede_article_set_extra_front_matter (article, column_text (stmt, 18));

  return article;
}

/* Binds the editable fields as ?1 … ?14, shared by INSERT and UPDATE. */
static void
bind_article_fields (sqlite3_stmt *stmt,
                     LedeArticle  *article)
{
  bind_text (stmt, 1, lede_article_get_headline (article));
  bind_text (stmt, 2, lede_article_get_standfirst (article));
  bind_text (stmt, 3, lede_article_get_slug (article));
  bind_text (stmt, 4, lede_article_get_byline (article));
  bind_text (stmt, 5, lede_article_get_dateline (article));
  bind_text (stmt, 6, lede_article_get_section (article));
  bind_text (stmt, 7, lede_article_status_to_string (lede_article_get_status (article)));
  bind_text (stmt, 8, lede_article_get_language (article));
  bind_text (stmt, 9, lede_article_get_body (article));
  bind_text (stmt, 10, lede_article_get_editorial_note (article));
  sqlite3_bind_int64 (stmt, 11, lede_article_get_word_goal (article));
  bind_time (stmt, 12, lede_article_get_embargo (article));
  bind_time (stmt, 13, lede_article_get_published (article));
  bind_text (stmt, 14, lede_article_get_extra_front_matter (article));
}

/* Whole seconds: what the library stores, so an article in memory and the
 * same article read back compare equal. */
static GDateTime *
now_utc (void)
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

static gboolean
query_int (LedeLibrary  *self,
           const char   *sql,
           gint64       *value,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (self, error, rc, _("Could not read the library"));
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

  if (!query_int (self, "PRAGMA user_version", &version, &local_error) ||
      !query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT))
        g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                     _("The library “%s” is damaged and cannot be read. Lede has not changed it; "
                       "a backup copy may still be whole."), display);
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

  while (self->schema_version < LEDE_LIBRARY_SCHEMA_VERSION)
    {
      int next = self->schema_version + 1;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", LEDE_LIBRARY_APPLICATION_ID);

      /* One transaction a step: a crash mid-migration leaves the library at
       * the last whole version, never half-way. */
      if (!begin (self, what, error))
        return FALSE;
      if (!exec (self, MIGRATIONS[self->schema_version], what, error) ||
          !exec (self, set_id, what, error) ||
          !exec (self, set_version, what, error) ||
          !commit (self, what, error))
        {
          rollback (self);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->path, next);
      self->schema_version = next;
    }

  return TRUE;
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
  if (!exec (self, "PRAGMA journal_mode = WAL", _("Could not prepare the library"), error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", _("Could not prepare the library"), error) ||
      !exec (self, "PRAGMA foreign_keys = ON", _("Could not prepare the library"), error))
    return FALSE;

  self->is_new = self->schema_version == 0;
  return migrate (self, error);
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
  if (exists && (open_already = find_open_writer (st.st_dev, st.st_ino)))
    return open_already;

  self = g_object_new (LEDE_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  if ((self->lock_fd = open_library_file (path, exists, &created, error)) < 0)
    return NULL;
  fstat (self->lock_fd, &fd_st);
  self->dev = fd_st.st_dev;
  self->ino = fd_st.st_ino;

  if (!take_writer_lock (self->lock_fd, path, error) ||
      !check_header (self->lock_fd, path, error) ||
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

      /* A shared flock only while the connection opens: when no writer
       * holds the library, SQLite may set up its shared-memory index as
       * usual; when one does, it must not touch it. The descriptor stays
       * open as long as the connection, so closing it drops nothing. */
      for (guint attempt = 0; attempt < 50; attempt++)
        {
          gboolean writer_elsewhere = flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0;

          rc = open_reader_connection (self, writer_elsewhere);
          if (rc == SQLITE_OK && !writer_elsewhere)
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
      set_sqlite_error (self, error, rc, _("Could not read the library"));
      g_prefix_error (error, "“%s”: ", display);
      return NULL;
    }
  if (!finish_open (self, error))
    return NULL;

  if (self->schema_version != LEDE_LIBRARY_SCHEMA_VERSION)
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
  GStatBuf st;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE;
  if (st.st_dev == self->dev && st.st_ino == self->ino)
    return TRUE;
  for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (self->path, suffixes[i], NULL);
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

/**
 * lede_library_create_article:
 *
 * Stores @article as a new story and fills in its id, uuid (when it has
 * none), and its created and updated times.
 */
static gboolean
insert_article (LedeLibrary  *self,
                LedeArticle  *article,
                const char   *what,
                GError      **error)
{
  g_autoptr (GDateTime) now = now_utc ();
  g_autofree char *uuid = NULL;
  GDateTime *created;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (lede_article_get_id (article) == 0, FALSE);

  if (*lede_article_get_uuid (article) == '\0')
    uuid = g_uuid_string_random ();
  else
    uuid = g_strdup (lede_article_get_uuid (article));
  created = lede_article_get_created (article) != NULL ? lede_article_get_created (article) : now;

  stmt = prepare (self,
                  "INSERT INTO articles (headline, standfirst, slug, byline, dateline, section, "
                  "status, language, body, editorial_note, word_goal, embargo_at, published_at, "
                  "front_matter, uuid, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_article_fields (stmt, article);
  bind_text (stmt, 15, uuid);
  bind_time (stmt, 16, created);
  bind_time (stmt, 17, now);

  if (!step_done (self, stmt, what, error))
    return FALSE;

  lede_article_set_id (article, sqlite3_last_insert_rowid (self->db));
  lede_article_set_uuid (article, uuid);
  lede_article_set_created (article, created);
  lede_article_set_updated (article, now);
  return TRUE;
}

gboolean
lede_library_create_article (LedeLibrary  *self,
                             LedeArticle  *article,
                             GError      **error)
{
  if (!insert_article (self, article, _("Could not add the story"), error))
    return FALSE;
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;
}

/* Replaces a story's tags inside the caller's transaction. A tag already in
 * the library under another case is reused, so "brexit" joins "Brexit". */
static gboolean
write_tags (LedeLibrary        *self,
            gint64              article_id,
            const char * const *tags,
            const char         *what,
            GError            **error)
{
  sqlite3_stmt *stmt = prepare (self, "DELETE FROM article_tags WHERE article_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!step_done (self, stmt, what, error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      /* A tag is a one-line field like any other. */
      g_autofree char *name = g_strstrip (lede_article_clean_line (tags[i]));

      if (*name == '\0')
        continue;
      stmt = prepare (self, "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, name);
      if (!step_done (self, stmt, what, error))
        return FALSE;

      stmt = prepare (self,
                      "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                      "SELECT ?1, id FROM tags WHERE name = ?2",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      bind_text (stmt, 2, name);
      if (!step_done (self, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_add_story:
 * @tags: (nullable) (array zero-terminated=1): the story's tags
 *
 * Stores @article as a new story with its tags, all in one transaction:
 * after a failure the library is as it was.
 */
gboolean
lede_library_add_story (LedeLibrary        *self,
                        LedeArticle        *article,
                        const char * const *tags,
                        GError            **error)
{
  const char *what = _("Could not add the story");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);

  if (!begin (self, what, error))
    return FALSE;
  if (!insert_article (self, article, what, error) ||
      !write_tags (self, lede_article_get_id (article), tags, what, error) ||
      !commit (self, what, error))
    {
      rollback (self);
      lede_article_set_id (article, 0);
      return FALSE;
    }
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;
}

/**
 * lede_library_set_tags:
 * @tags: (array zero-terminated=1): the story's tags, in any case
 *
 * Replaces the tags of story @id. Blank tags are skipped and tags that
 * differ only in case are one tag.
 */
gboolean
lede_library_set_tags (LedeLibrary        *self,
                       gint64              id,
                       const char * const *tags,
                       GError            **error)
{
  const char *what = _("Could not save the tags");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (!begin (self, what, error))
    return FALSE;
  if (!write_tags (self, id, tags, what, error) || !commit (self, what, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;
}

/* The one text column of a query on ?1 = @id, as a string array. */
static char **
read_strings (LedeLibrary  *self,
              const char   *sql,
              gint64        id,
              const char   *what,
              GError      **error)
{
  g_autoptr (GStrvBuilder) strings = g_strv_builder_new ();
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (strings, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, rc, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_strv_builder_end (strings) : NULL;
}

/**
 * lede_library_get_tags:
 *
 * Returns: (transfer full): the tags of story @id, sorted without regard
 *   to case, or %NULL with @error set
 */
char **
lede_library_get_tags (LedeLibrary  *self,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return read_strings (self,
                       "SELECT t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id "
                       "WHERE at.article_id = ?1 ORDER BY t.name COLLATE NOCASE",
                       id, _("Could not read the tags"), error);
}

/* Binds a source's fields as ?1 … ?6 and @now as ?7, for INSERT and UPDATE. */
static void
bind_source_fields (sqlite3_stmt     *stmt,
                    const LedeSource *source,
                    GDateTime        *now)
{
  bind_text (stmt, 1, source->name);
  bind_text (stmt, 2, source->role);
  bind_text (stmt, 3, source->organisation);
  bind_text (stmt, 4, source->email);
  bind_text (stmt, 5, source->phone);
  bind_text (stmt, 6, source->notes);
  bind_time (stmt, 7, now);
}

/**
 * lede_library_create_source:
 *
 * Stores @source as a new library-wide source and fills in its id.
 */
gboolean
lede_library_create_source (LedeLibrary  *self,
                            LedeSource   *source,
                            GError      **error)
{
  g_autoptr (GDateTime) now = now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (source != NULL && source->name != NULL, FALSE);

  stmt = prepare (self,
                  "INSERT INTO sources (name, role, organisation, email, phone, notes, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_source_fields (stmt, source, now);
  if (!step_done (self, stmt, _("Could not add the source"), error))
    return FALSE;
  source->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * lede_library_link_source:
 * @note: how the story uses the source, e.g. "on background"
 *
 * Links source @source_id to story @article_id, or changes the note of an
 * existing link.
 */
gboolean
lede_library_link_source (LedeLibrary  *self,
                          gint64        article_id,
                          gint64        source_id,
                          const char   *note,
                          GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  stmt = prepare (self,
                  "INSERT INTO article_sources (article_id, source_id, note) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (article_id, source_id) DO UPDATE SET note = excluded.note",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  bind_text (stmt, 3, note ? note : "");
  return step_done (self, stmt, _("Could not link the source"), error);
}

static GPtrArray *read_sources (LedeLibrary *self, sqlite3_stmt *stmt, GError **error);

/**
 * lede_library_list_story_sources:
 *
 * Returns: (transfer full) (element-type LedeSource): the sources linked
 *   to story @article_id, by name, each with its story note
 */
GPtrArray *
lede_library_list_story_sources (LedeLibrary  *self,
                                 gint64        article_id,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT s.id, s.name, s.role, s.organisation, s.email, s.phone, s.notes, l.note "
                  "FROM article_sources AS l JOIN sources AS s ON s.id = l.source_id "
                  "WHERE l.article_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return read_sources (self, stmt, error);
}

static LedeArticle *
get_article_where (LedeLibrary  *self,
                   const char   *sql,
                   gint64        id,
                   const char   *uuid,
                   GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  LedeArticle *article = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = article_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                 _("The story is not in this library (it may have been deleted)"));
  else if (rc != SQLITE_ROW)
    set_sqlite_error (self, error, rc, _("Could not read the story"));

  return article;
}

LedeArticle *
lede_library_get_article (LedeLibrary  *self,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return get_article_where (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE id = ?1",
                            id, NULL, error);
}

LedeArticle *
lede_library_get_article_by_uuid (LedeLibrary  *self,
                                  const char   *uuid,
                                  GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return get_article_where (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE uuid = ?1",
                            0, uuid, error);
}

/**
 * lede_library_update_article:
 *
 * Writes every field of @article in one transaction and sets its updated
 * time. On failure nothing in the library changes and @article keeps its
 * text, so the caller can simply try again later.
 */
gboolean
lede_library_update_article (LedeLibrary  *self,
                             LedeArticle  *article,
                             GError      **error)
{
  const char *what = _("Could not save the story");
  g_autoptr (GDateTime) now = now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (lede_article_get_id (article) > 0, FALSE);

  stmt = prepare (self,
                  "UPDATE articles SET headline = ?1, standfirst = ?2, slug = ?3, byline = ?4, "
                  "dateline = ?5, section = ?6, status = ?7, language = ?8, body = ?9, "
                  "editorial_note = ?10, word_goal = ?11, embargo_at = ?12, published_at = ?13, "
                  "front_matter = ?14, updated_at = ?15 WHERE id = ?16",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_article_fields (stmt, article);
  bind_time (stmt, 15, now);
  sqlite3_bind_int64 (stmt, 16, lede_article_get_id (article));

  if (!begin (self, what, error))
    return FALSE;
  if (!step_done (self, stmt, what, error))
    {
      rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: it is no longer in this library"), what);
      return FALSE;
    }
  if (!commit (self, what, error))
    {
      rollback (self);
      return FALSE;
    }

  lede_article_set_updated (article, now);
  return TRUE;
}

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
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT id FROM articles WHERE (trashed_at IS NOT NULL) = ?1 "
                  "AND (?2 IS NULL OR status = ?2) "
                  "AND (?3 IS NULL OR id IN (SELECT at.article_id FROM article_tags AS at "
                  "                          JOIN tags AS t ON t.id = at.tag_id WHERE t.name = ?3)) "
                  "ORDER BY trashed_at IS NOT NULL, created_at DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!trashed);
  if (status >= 0)
    bind_text (stmt, 2, lede_article_status_to_string (status));
  else
    sqlite3_bind_null (stmt, 2);
  if (tag != NULL)
    bind_text (stmt, 3, tag);
  else
    sqlite3_bind_null (stmt, 3);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("Could not list the stories"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_library_get_articles:
 * @ids: (element-type gint64): story ids, as lede_library_list_ids_filtered()
 *   gives them
 *
 * Returns: (transfer full) (element-type LedeArticle): the stories, in the
 *   order of @ids, each a fresh object; %NULL with @error set if one is
 *   missing or cannot be read
 */
GPtrArray *
lede_library_get_articles (LedeLibrary  *self,
                           GArray       *ids,
                           GError      **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      LedeArticle *article = lede_library_get_article (self, g_array_index (ids, gint64, i), error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }
  return g_steal_pointer (&articles);
}

/**
 * lede_library_list_articles:
 *
 * Returns: (transfer full) (element-type LedeArticle): the stories, newest first.
 */
GPtrArray *
lede_library_list_articles (LedeLibrary  *self,
                            gboolean      trashed,
                            GError      **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT " ARTICLE_COLUMNS " FROM articles WHERE (trashed_at IS NOT NULL) = ?1 "
                  "ORDER BY trashed_at IS NOT NULL, created_at DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!trashed);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, article_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("Could not list the stories"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}

gint64
lede_library_count_articles (LedeLibrary  *self,
                             gboolean      trashed,
                             GError      **error)
{
  gint64 count = -1;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  if (!query_int (self,
                  trashed ? "SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL"
                          : "SELECT count(*) FROM articles WHERE trashed_at IS NULL",
                  &count, error))
    return -1;
  return count;
}

/* Runs one single-row change by id and says in words when the story is gone. */
static gboolean
change_one (LedeLibrary  *self,
            const char   *sql,
            gint64        id,
            const char   *what,
            GError      **error)
{
  g_autoptr (GDateTime) now = now_utc ();
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_time (stmt, 2, now);

  if (!step_done (self, stmt, what, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: it is not in this library"), what);
      return FALSE;
    }

  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;
}

gboolean
lede_library_trash_article (LedeLibrary  *self,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "UPDATE articles SET trashed_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                     id, _("Could not move the story to the trash"), error);
}

gboolean
lede_library_restore_article (LedeLibrary  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "UPDATE articles SET trashed_at = NULL WHERE id = ?1 AND trashed_at IS NOT NULL",
                     id, _("Could not restore the story"), error);
}

/**
 * lede_library_delete_article:
 *
 * Deletes a story forever, with its tags, source links and revisions. Only
 * a story already in the trash can be deleted, so nothing is lost by a slip.
 */
gboolean
lede_library_delete_article (LedeLibrary  *self,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "DELETE FROM articles WHERE id = ?1 AND trashed_at IS NOT NULL",
                     id, _("Could not delete the story (only stories in the trash can be deleted)"),
                     error);
}

/**
 * lede_library_match_ids:
 * @fts_query: an FTS5 query
 *
 * Returns: (transfer full): ids of the stories whose indexed text matches.
 */
GArray *
lede_library_match_ids (LedeLibrary  *self,
                        const char   *fts_query,
                        GError      **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (fts_query != NULL, NULL);

  stmt = prepare (self, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, fts_query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("Could not search the library"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Runs one search; returns FALSE with *syntax set when FTS5 could not read
 * the query, so the caller can retry it as plain words. */
static gboolean
run_search (LedeLibrary  *self,
            const char   *fts_query,
            guint         limit,
            GPtrArray    *hits,
            gboolean     *syntax,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT a.id, a.headline, snippet (articles_fts, -1, '[', ']', '…', 12), f.rank "
                  "FROM (SELECT rowid, lede_rank (articles_fts, 10.0, 5.0, 1.0, 3.0) AS rank "
                  "      FROM articles_fts WHERE articles_fts MATCH ?1 "
                  "      AND rowid >= (SELECT min (rowid) FROM (SELECT rowid FROM articles_fts "
                  "                    WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3)) "
                  "      ORDER BY rank LIMIT ?2) AS f "
                  /* CROSS JOIN keeps this order: the snippets are made for
                   * the hits alone, not for every match. */
                  "CROSS JOIN articles_fts ON articles_fts.rowid = f.rowid AND articles_fts MATCH ?1 "
                  "JOIN articles AS a ON a.id = f.rowid "
                  "ORDER BY f.rank",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, LEDE_LIBRARY_SEARCH_WINDOW);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hits, lede_search_hit_new (sqlite3_column_int64 (stmt, 0),
                                                column_text (stmt, 1),
                                                column_text (stmt, 2),
                                                sqlite3_column_double (stmt, 3)));

  *syntax = rc == SQLITE_ERROR;
  if (rc != SQLITE_DONE && !*syntax)
    set_sqlite_error (self, error, rc, _("Could not search the library"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/**
 * lede_library_search:
 * @query: what the user typed: words, "a phrase", a prefix*, or any FTS5
 *   query (headline:ferry, ferry OR harbour, …)
 * @limit: the most hits to return
 *
 * Searches headlines, standfirsts, bodies and tags of the stories not in
 * the trash, best match first (bm25, a headline match counting most). Text
 * that is not valid FTS5 syntax is searched as plain words, never refused.
 *
 * Ranking every match of a word found in nearly every story takes a
 * quarter of a second on 100,000 stories, so only the newest
 * %LEDE_LIBRARY_SEARCH_WINDOW matches are ranked: the best of the newest,
 * which for a newsroom is also the likelier story. Queries matching fewer
 * stories are ranked whole.
 *
 * Returns: (transfer full) (element-type LedeSearchHit): the hits
 */
GPtrArray *
lede_library_search (LedeLibrary  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_search_hit_free);
  g_autofree char *plain = NULL;
  g_autofree char *straight = NULL;
  gboolean syntax = FALSE;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&hits);
  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("Could not search: the search words are not valid UTF-8 text"));
      return NULL;
    }

  /* Word processors type curly quotes; FTS5 only knows straight ones. */
  {
    g_auto (GStrv) parts = g_regex_split_simple ("[\u201C\u201D]", query, 0, 0);
    straight = g_strjoinv ("\"", parts);
  }

  if (run_search (self, straight, limit, hits, &syntax, error))
    return g_steal_pointer (&hits);
  if (!syntax)
    return NULL;

  g_ptr_array_set_size (hits, 0);
  plain = lede_search_make_plain_query (straight);
  if (*plain == '\0')
    return g_steal_pointer (&hits);
  if (!run_search (self, plain, limit, hits, &syntax, NULL))
    {
      /* Even quoted words can fail (an empty phrase): nothing matches them. */
      g_ptr_array_set_size (hits, 0);
    }
  return g_steal_pointer (&hits);
}

/* Runs one statement that returns no rows, binding @a to ?1, @b to ?2 and
 * @text to ?3 where the statement has them. */
static gboolean
write_one (LedeLibrary  *self,
           const char   *sql,
           gint64        a,
           gint64        b,
           const char   *text,
           const char   *what,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3)
    bind_text (stmt, 3, text);
  return step_done (self, stmt, what, error);
}

/**
 * lede_library_slug_owner:
 * @except_id: a story to leave out (the one being edited), or 0
 *
 * Returns: (transfer full) (nullable): the headline of another story (not
 *   in the trash) that uses @slug, or %NULL when it is free
 */
char *
lede_library_slug_owner (LedeLibrary *self,
                         const char  *slug,
                         gint64       except_id)
{
  sqlite3_stmt *stmt;
  char *owner = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (slug == NULL || *slug == '\0')
    return NULL;
  stmt = prepare (self,
                  "SELECT headline FROM articles WHERE slug = ?1 AND id <> ?2 AND trashed_at IS NULL LIMIT 1",
                  NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, slug);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return owner;
}

/**
 * lede_library_make_unique_slug:
 *
 * Returns: (transfer full): @slug, or @slug-2, @slug-3… whichever no other
 *   story uses
 */
char *
lede_library_make_unique_slug (LedeLibrary *self,
                               const char  *slug,
                               gint64       except_id)
{
  char *candidate = g_strdup (slug);

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  for (guint n = 2; ; n++)
    {
      g_autofree char *owner = lede_library_slug_owner (self, candidate, except_id);

      if (owner == NULL)
        return candidate;
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      gsize keep = MIN (strlen (slug), LEDE_SLUG_MAX_LENGTH - strlen (suffix));

      /* Still no longer than any slug. */
      g_free (candidate);
      candidate = g_strdup_printf ("%.*s%s", (int)keep, slug, suffix);
    }
}

/**
 * lede_library_list_tags:
 *
 * Returns: (transfer full) (element-type LedeTag): every tag, by name, with
 *   how many stories (not in the trash) carry it
 */
GPtrArray *
lede_library_list_tags (LedeLibrary  *self,
                        GError      **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_tag_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT t.id, t.name, count (a.id) FROM tags AS t "
                  "LEFT JOIN article_tags AS at ON at.tag_id = t.id "
                  "LEFT JOIN articles AS a ON a.id = at.article_id AND a.trashed_at IS NULL "
                  "GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, lede_tag_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                         (guint)sqlite3_column_int64 (stmt, 2)));
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, rc, _("Could not read the tags"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&tags) : NULL;
}

/**
 * lede_library_rename_tag:
 *
 * Renames tag @id. If another tag already has @name (in any case), the two
 * are merged: its stories keep one tag, named @name.
 */
gboolean
lede_library_rename_tag (LedeLibrary  *self,
                         gint64        id,
                         const char   *name,
                         GError      **error)
{
  const char *what = _("Could not rename the tag");
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 other = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  clean = g_strstrip (lede_article_clean_line (name));
  if (*clean == '\0')
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, _("%s: a tag needs a name"), what);
      return FALSE;
    }
  if (!begin (self, what, error))
    return FALSE;
  stmt = prepare (self, "SELECT id FROM tags WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    other = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (other != 0)
    {
      /* Merge: the other tag's stories move over, then it goes. */
      if (!write_one (self, "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                            "SELECT article_id, ?1 FROM article_tags WHERE tag_id = ?2",
                      id, other, NULL, what, error) ||
          !write_one (self, "DELETE FROM tags WHERE id = ?2", id, other, NULL, what, error))
        goto fail;
    }
  if (!write_one (self, "UPDATE tags SET name = ?3 WHERE id = ?1", id, 0, clean, what, error) ||
      !commit (self, what, error))
    goto fail;
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * lede_library_delete_tag:
 *
 * Deletes tag @id from the library and from every story that had it.
 */
gboolean
lede_library_delete_tag (LedeLibrary  *self,
                         gint64        id,
                         GError      **error)
{
  const char *what = _("Could not delete the tag");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (!begin (self, what, error))
    return FALSE;
  /* article_tags first, so the index's triggers see each story lose it. */
  if (!write_one (self, "DELETE FROM article_tags WHERE tag_id = ?1", id, 0, NULL, what, error) ||
      !write_one (self, "DELETE FROM tags WHERE id = ?1", id, 0, NULL, what, error) ||
      !commit (self, what, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
  return TRUE;
}

static LedeSource *
source_from_row (sqlite3_stmt *stmt)
{
  LedeSource *source = lede_source_new (column_text (stmt, 1));

  source->id = sqlite3_column_int64 (stmt, 0);
  g_free (source->role), source->role = g_strdup (column_text (stmt, 2));
  g_free (source->organisation), source->organisation = g_strdup (column_text (stmt, 3));
  g_free (source->email), source->email = g_strdup (column_text (stmt, 4));
  g_free (source->phone), source->phone = g_strdup (column_text (stmt, 5));
  g_free (source->notes), source->notes = g_strdup (column_text (stmt, 6));
  g_free (source->story_note), source->story_note = g_strdup (column_text (stmt, 7));
  return source;
}

static GPtrArray *
read_sources (LedeLibrary  *self,
              sqlite3_stmt *stmt,
              GError      **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, source_from_row (stmt));
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, rc, _("Could not read the sources"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&sources) : NULL;
}

/**
 * lede_library_list_sources:
 *
 * Returns: (transfer full) (element-type LedeSource): every source in the
 *   library by name; story_note holds how many stories cite it
 */
GPtrArray *
lede_library_list_sources (LedeLibrary  *self,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = prepare (self,
                  "SELECT s.id, s.name, s.role, s.organisation, s.email, s.phone, s.notes, "
                  "       count (l.article_id) FROM sources AS s "
                  "LEFT JOIN article_sources AS l ON l.source_id = s.id "
                  "GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id",
                  error);
  return stmt ? read_sources (self, stmt, error) : NULL;
}

/**
 * lede_library_update_source:
 *
 * Saves @source's fields (not its story note: see lede_library_link_source()).
 */
gboolean
lede_library_update_source (LedeLibrary  *self,
                            LedeSource   *source,
                            GError      **error)
{
  g_autoptr (GDateTime) now = now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (source != NULL && source->id > 0, FALSE);

  stmt = prepare (self,
                  "UPDATE sources SET name = ?1, role = ?2, organisation = ?3, email = ?4, phone = ?5, "
                  "notes = ?6, updated_at = ?7 WHERE id = ?8",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_source_fields (stmt, source, now);
  sqlite3_bind_int64 (stmt, 8, source->id);
  return step_done (self, stmt, _("Could not save the source"), error);
}

/**
 * lede_library_delete_source:
 *
 * Deletes source @id and its links to stories; the stories stay.
 */
gboolean
lede_library_delete_source (LedeLibrary  *self,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return write_one (self, "DELETE FROM sources WHERE id = ?1", id, 0, NULL,
                    _("Could not delete the source"), error);
}

gboolean
lede_library_unlink_source (LedeLibrary  *self,
                            gint64        article_id,
                            gint64        source_id,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return write_one (self, "DELETE FROM article_sources WHERE article_id = ?1 AND source_id = ?2",
                    article_id, source_id, NULL, _("Could not unlink the source"), error);
}

/**
 * lede_library_list_source_stories:
 *
 * Returns: (transfer full): the headlines of the stories citing source @id
 */
char **
lede_library_list_source_stories (LedeLibrary  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return read_strings (self,
                       "SELECT a.headline FROM article_sources AS l JOIN articles AS a ON a.id = l.article_id "
                       "WHERE l.source_id = ?1 ORDER BY a.created_at DESC",
                       id, _("Could not read the sources"), error);
}
