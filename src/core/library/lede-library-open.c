/* lede-library-open.c: opening a library — one writer a library (a lock
 * no stray close() drops), the header checked before SQLite sees the file,
 * a WAL vetted, the schema migrated — and readers that never write.
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

/* How long a writer waits for another process to let go of a library: a
 * lede-cli reader holds it only while it opens its connection. */
#define LOCK_WAIT_US (1500 * 1000)

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
    return _lede_library_set_other_program_error (self->path, error);

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
          (next == LEDE_LIBRARY_PREFIX_SCHEMA && !_lede_library_reindex_begin (self, error)) ||
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

  /* Open for writing where it may be: on NFS, flock() is a lock on the
   * whole file, and an exclusive one needs a descriptor that may write
   * (EBADF otherwise). A file this user may not write is refused later,
   * in words, as read-only. */
  fd = open (path, O_RDWR | O_CLOEXEC);
  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
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
  /* A reader is mostly the sidebar's search: 32 MiB of pages kept (taken
   * only as they are read) spare re-reading the index from the file at
   * every keystroke: a fifth less time searching as you type at 100k. */
  if (self->read_only)
    sqlite3_exec (self->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);

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

/* A connection that writes: its commits are counted, and the photos its
 * transactions let go are deleted after them (lede-library-sql.c). */
static void
watch_transactions (LedeLibrary *self)
{
  sqlite3_commit_hook (self->db, _lede_library_on_commit, self);
  sqlite3_rollback_hook (self->db, _lede_library_on_rollback, self);
  sqlite3_update_hook (self->db, _lede_library_on_update, self);
}

/* How a connection that writes writes: NORMAL synchronous is safe with
 * WAL and keeps autosave cheap; foreign keys take a deleted story's links
 * to tags and sources with it. */
static gboolean
prepare_writes (LedeLibrary  *self,
                GError      **error)
{
  const char *what = _("Could not prepare the library");

  return _lede_library_exec (self, "PRAGMA synchronous = NORMAL", what, error) &&
         _lede_library_exec (self, "PRAGMA foreign_keys = ON", what, error);
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
  watch_transactions (self);

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

  /* WAL lets a crash lose at most the transaction under way. A copy in
   * rollback mode (a backup made with .backup) is switched to WAL here: a
   * write no transaction of Lede's counts. */
  self->opening = TRUE;
  rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  self->opening = FALSE;
  if (rc != SQLITE_OK)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not prepare the library"));
  if (!prepare_writes (self, error))
    return FALSE;

  self->is_new = self->schema_version == 0;
  if (!migrate (self, error))
    return FALSE;
  /* Files of photos a crash kept from going after their commit; then
   * after each commit that lets one go. */
  self->sweep_photos = _lede_library_sweep_photos;
  /* Left open by a crash, unchecked: the WAL keeps every write until the
   * check (lede_library_check()) has read the file. */
  if (self->unchecked)
    return _lede_library_exec (self, "PRAGMA wal_autocheckpoint = 0", _("Could not prepare the library"), error);
  _lede_library_sweep_photos (self);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  _lede_library_start_checkpoints (self);
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

  if (!_lede_library_vet_wal (self->path, self->lock_fd, TRUE, &verdict, &self->notice, error))
    return FALSE;
  self->unchecked = verdict == LEDE_WAL_OWN_UNCHECKED;
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
  if (exists && _lede_library_is_working_file_of_open_library (path, error))
    return NULL;
  if (exists && (open_already = _lede_library_find_open_writer (st.st_dev, st.st_ino)))
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

  _lede_library_remember_open_writer (self);
  return g_steal_pointer (&self);
}

/**
 * _lede_library_open_companion:
 * @writer: a library this process has open for writing
 *
 * A second connection to @writer's file, for work on another thread (tidy
 * steps: lede-library-tidier.c). It shares @writer's lock, which only the
 * writer holds, and writes as the writer does: counted, synchronous
 * NORMAL; its commits wake the writer's checkpointer. It never
 * checkpoints as it closes (the writer does that, last), and waits for
 * the writer's transactions a quarter of a second at most. Nothing here
 * migrates: @writer has.
 */
LedeLibrary *
_lede_library_open_companion (LedeLibrary  *writer,
                              GError      **error)
{
  g_autoptr (LedeLibrary) self = g_object_new (LEDE_TYPE_LIBRARY, NULL);
  const char *what = _("Could not prepare the library");
  gint64 limit = -1;
  int rc;

  self->path = g_strdup (writer->path);
  self->dev = writer->dev;
  self->ino = writer->ino;
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _lede_library_set_sqlite_error (self, error, rc, what);
      return NULL;
    }
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  watch_transactions (self);
  if (!finish_open (self, error) || !prepare_writes (self, error))
    return NULL;
  /* A step that waits longer is tried again at the next (a close waits
   * for it). */
  sqlite3_busy_timeout (self->db, 250);
  /* The WAL is cut back to the size the writer cuts it to. */
  if (_lede_library_query_int (writer, "PRAGMA journal_size_limit", &limit, NULL))
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_size_limit = %" G_GINT64_FORMAT, limit);

      sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
    }
  /* Without a checkpointer the writer autocheckpoints; so does this one. */
  if (writer->checkpointer != NULL)
    lede_wal_checkpointer_watch (writer->checkpointer, self->db);
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
  g_autofree char *real = _lede_library_dup_real_path (self->path);
  g_autofree char *folder = g_path_get_dirname (real);
  g_autofree char *wal = g_strconcat (real, "-wal", NULL);
  LedeWalVerdict verdict = LEDE_WAL_NONE;
  gboolean ok = TRUE;

  if (flock (self->lock_fd, LOCK_SH | LOCK_NB) != 0)
    return TRUE;
  if (!_lede_library_vet_wal (self->path, self->lock_fd, FALSE, &verdict, &self->notice, error))
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

  if ((writer = _lede_library_find_open_writer (st.st_dev, st.st_ino)))
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
  /* A library from before the desk's fields (issue 32) is read as if it
   * had them, empty: a view of the connection's own, in memory, in front of
   * the file, which stays untouched. */
  if (self->schema_version < LEDE_LIBRARY_DESK_SCHEMA &&
      sqlite3_exec (self->db, "CREATE TEMP VIEW articles AS SELECT *, NULL AS deadline_at, '' AS assignee, "
                              "'' AS editor, '' AS print_headline, '' AS seo_title, '' AS social_headline "
                              "FROM main.articles", NULL, NULL, NULL) != SQLITE_OK)
    {
      _lede_library_set_sqlite_error (self, error, sqlite3_errcode (self->db), _("Could not read the library"));
      return NULL;
    }
  return g_steal_pointer (&self);
}
