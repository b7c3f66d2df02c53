/* lede-library-wal.c: is the WAL file beside a library its own?
 *
 * SQLite replays whatever `-wal` file lies beside a database: it does not
 * check that the WAL was written for that database. One left there by
 * another library (a backup restored beside an old WAL, two libraries
 * swapped by hand, a sync tool) would be merged into the library and then
 * checkpointed and deleted, losing both. So before a library is opened
 * through its WAL, Lede reads it twice, reading only: once from the main
 * file alone (`immutable=1` ignores the WAL) and once through the WAL. Every
 * write transaction updates the row library_identity (schema 7): the
 * library's random identity, a commit counter and a random stamp. A WAL
 * is the library's own when it shows the same identity and a higher
 * counter, or the same counter and stamp read from a frame of the WAL
 * itself (a crash in the middle of a checkpoint leaves that: the identity's
 * page already copied, later pages not yet). The same counter read from
 * the main file means the WAL never wrote the identity's page: it holds
 * nothing this library committed, and replaying it would only bring in
 * someone else's pages. Anything else is foreign, and Lede fails closed: the WAL is moved aside
 * (never deleted), or, where it cannot be, ignored.
 *
 * A main file that cannot be read alone (a crash in the middle of a
 * checkpoint) cannot be compared: its WAL is taken when, read through it,
 * the library is a whole Lede library (the writer checks it whole first).
 *
 * A library from before schema 7 has no identity row. Its WAL is taken as
 * its own only when, read through it, the file is still a Lede library of
 * the same or a newer schema, no smaller, and its oldest story is still
 * there; otherwise it is set aside like any foreign one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"
#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/* A library as one connection sees it. */
typedef struct
{
  gboolean readable;
  gboolean has_identity;
  char    *identity;
  gint64   commits;
  gint64   stamp;
  gint64   version;
  gint64   application_id;
  gint64   page_count;
  gint64   objects;        /* tables, indexes… in its schema */
  gint64   identity_page;  /* library_identity's root page */
  char    *oldest_uuid;
} LibraryView;

static void
library_view_clear (LibraryView *view)
{
  g_clear_pointer (&view->identity, g_free);
  g_clear_pointer (&view->oldest_uuid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LibraryView, library_view_clear)

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Opens @path read-only through a URI with @options; the connection never
 * checkpoints, so closing it changes nothing. */
sqlite3 *
_lede_library_open_uri (const char *path,
                        const char *options)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;

  if (base == NULL)
    return NULL;
  uri = g_strconcat (base, "?", options, NULL);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_clear_pointer (&db, sqlite3_close);
      return NULL;
    }
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_extended_result_codes (db, 1);
  return db;
}

static void
read_view (const char  *path,
           const char  *options,
           LibraryView *view)
{
  sqlite3 *db = _lede_library_open_uri (path, options);
  sqlite3_stmt *stmt = NULL;

  memset (view, 0, sizeof *view);
  if (db == NULL)
    return;

  view->readable = query_int (db, "PRAGMA user_version", &view->version) &&
                   query_int (db, "PRAGMA application_id", &view->application_id) &&
                   query_int (db, "PRAGMA page_count", &view->page_count) &&
                   query_int (db, "SELECT count(*) FROM sqlite_master", &view->objects);

  if (view->readable &&
      sqlite3_prepare_v2 (db, "SELECT identity, commits, stamp FROM library_identity WHERE id = 1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      view->has_identity = TRUE;
      view->identity = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      view->commits = sqlite3_column_int64 (stmt, 1);
      view->stamp = sqlite3_column_int64 (stmt, 2);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (view->has_identity)
    query_int (db, "SELECT rootpage FROM sqlite_master WHERE name = 'library_identity'", &view->identity_page);

  if (view->readable &&
      sqlite3_prepare_v2 (db, "SELECT uuid FROM articles ORDER BY id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    view->oldest_uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  sqlite3_close (db);
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32)bytes[0] << 24) | ((guint32)bytes[1] << 16) | ((guint32)bytes[2] << 8) | bytes[3];
}

/* What a WAL holds of this WAL's generation (frames with its header's
 * salts): the first and last frame of page @page_no, and whether any frame
 * ends a transaction. Only frame headers are read. */
typedef struct
{
  GMappedFile *file;
  gsize        page_size;
  gsize        first;       /* 0: none */
  gsize        last;
  gboolean     has_commit;
} WalScan;

static void
wal_scan_clear (WalScan *scan)
{
  g_clear_pointer (&scan->file, g_mapped_file_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WalScan, wal_scan_clear)

static gboolean
scan_wal (const char *wal_path,
          gint64      page_no,
          WalScan    *scan)
{
  const guint8 *bytes;
  gsize len, frame_size;

  memset (scan, 0, sizeof *scan);
  if (page_no <= 0 || !(scan->file = g_mapped_file_new (wal_path, FALSE, NULL)))
    return FALSE;
  bytes = (const guint8 *)g_mapped_file_get_contents (scan->file);
  len = g_mapped_file_get_length (scan->file);
  if (len < 32)
    return FALSE;
  scan->page_size = read_be32 (bytes + 8);
  if (scan->page_size == 1)
    scan->page_size = 65536;
  if (scan->page_size < 512 || scan->page_size > 65536 || (scan->page_size & (scan->page_size - 1)) != 0)
    return FALSE;
  frame_size = 24 + scan->page_size;
  for (gsize at = 32; at + frame_size <= len; at += frame_size)
    {
      if (memcmp (bytes + at + 8, bytes + 16, 8) != 0)
        continue;
      if (read_be32 (bytes + at) == (guint32)page_no)
        {
          if (scan->first == 0)
            scan->first = at;
          scan->last = at;
        }
      if (read_be32 (bytes + at + 4) != 0)
        scan->has_commit = TRUE;
    }
  return TRUE;
}

static gboolean
frame_holds (const WalScan *scan,
             gsize          at,
             const void    *needle,
             gsize          length)
{
  const guint8 *bytes = (const guint8 *)g_mapped_file_get_contents (scan->file);

  return at != 0 && memmem (bytes + at + 24, scan->page_size, needle, length) != NULL;
}

/* A stamp as SQLite stores it (always eight bytes, big-endian). */
static void
encode_stamp (gint64  stamp,
              guint8  out[8])
{
  for (int i = 7; i >= 0; i--, stamp >>= 8)
    out[i] = (guint8)(stamp & 0xff);
}

static gboolean
wal_is_own (const char        *path,
            const LibraryView *main,
            const LibraryView *through_wal)
{
  if (!through_wal->readable)
    return FALSE;

  if (main->has_identity)
    {
      g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

      g_auto (WalScan) scan = { 0 };
      guint8 stamp[8];

      if (!through_wal->has_identity || g_strcmp0 (main->identity, through_wal->identity) != 0 ||
          !scan_wal (wal_path, main->identity_page, &scan))
        return FALSE;
      /* Written on top of this very main file: its first transaction
       * names the stamp the main file has (a backup restored beside a
       * newer WAL of the same library does not). */
      encode_stamp (main->stamp, stamp);
      if (through_wal->commits > main->commits)
        return frame_holds (&scan, scan.first, stamp, sizeof stamp);
      /* The same commit: the WAL wrote the identity's page itself (a crash
       * in the middle of a checkpoint), or committed nothing. */
      if (through_wal->commits != main->commits || through_wal->stamp != main->stamp)
        return FALSE;
      if (scan.last != 0)
        return frame_holds (&scan, scan.last, main->identity, strlen (main->identity));
      return !scan.has_commit;
    }

  /* From before the identity row (see the top of this file). */
  return through_wal->application_id == LEDE_LIBRARY_APPLICATION_ID &&
         through_wal->version >= main->version &&
         through_wal->page_count >= main->page_count &&
         (main->oldest_uuid == NULL || g_strcmp0 (main->oldest_uuid, through_wal->oldest_uuid) == 0);
}

/**
 * _lede_library_dup_real_path:
 *
 * @path with its symbolic links resolved (as SQLite resolves them: its
 * WAL and index lie beside the file itself, not beside a link to it), or
 * a copy of @path where it cannot be resolved.
 */
char *
_lede_library_dup_real_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy = g_strdup (real != NULL ? real : path);

  free (real);
  return copy;
}

/* Whether another process has the database open: each of SQLite's
 * connections holds a lock on the file from its first read until it
 * closes. Asked of the kernel through @lock_fd, the descriptor that holds
 * the library's flock for as long as it is open (closing another would
 * drop this process's own locks on the file); this process's own locks
 * never answer. Not seen: a program that reaches the file through another
 * kernel's locks (a document portal's FUSE mount). Unknown, it answers
 * yes. */
static gboolean
open_elsewhere (int lock_fd)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };

  if (fcntl (lock_fd, F_GETLK, &lock) != 0)
    return TRUE;
  return lock.l_type != F_UNLCK;
}

/* Whether SQLite cannot make or write the WAL's index (-shm) beside @path,
 * without which it reads no WAL: a read-only folder, or an index this user
 * may not write. */
static gboolean
cannot_index (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    return g_access (shm, W_OK) != 0;
  return g_access (folder, W_OK) != 0;
}

/* Whether a WAL beside @path holds any frame: SQLite leaves an empty one,
 * or only its 32-byte header, after a checkpoint. */
static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* "library.db-wal" → "library.db-wal.set-aside-20261204-151200" (then
 * "-2", "-3"… rather than replace one set aside before); both the WAL and
 * its index go, with one name, so they stay a pair. */
static gboolean
move_aside (const char  *path,
            char       **moved_to,
            GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stamp = NULL;
  static const char *suffixes[] = { "-wal", "-shm" };

  for (guint n = 1; stamp == NULL; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (time) : g_strdup_printf ("%s-%u", time, n);
      g_autofree char *wal = g_strconcat (path, "-wal.set-aside-", name, NULL);
      g_autofree char *shm = g_strconcat (path, "-shm.set-aside-", name, NULL);

      if (!g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_test (shm, G_FILE_TEST_EXISTS))
        stamp = g_steal_pointer (&name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (from, ".set-aside-", stamp, NULL);

      /* Never over another file, should one appear meanwhile. */
      if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT && i > 0)
            continue;
          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }
      if (i == 0)
        *moved_to = g_steal_pointer (&to);
    }
  return TRUE;
}

typedef enum
{
  CHECK_WHOLE,
  CHECK_DAMAGED,   /* the check said so, or could not read past damage */
  CHECK_NOT_RUN,   /* no memory, no file handle: nothing is known */
} CheckResult;

/* SQLite asks now and then while a check reads: stop when cancelled. */
static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* The check of one b-tree is one step of SQLite's, inside which (3.40)
 * the progress handler is never asked: a cancelled check would read on
 * for minutes at a million stories, the library held open. An interrupt
 * is seen inside it. */
static void
interrupt_check (GCancellable *cancellable,
                 sqlite3      *db)
{
  sqlite3_interrupt (db);
}

/* Runs SQLite's @pragma check on a connection of its own (@options: what
 * it sees) that never checkpoints; @rc says why a check did not run (one
 * cancelled through @cancellable did not). */
static CheckResult
run_check (const char   *path,
           const char   *options,
           const char   *pragma,
           GCancellable *cancellable,
           int          *rc)
{
  sqlite3 *db = _lede_library_open_uri (path, options);
  sqlite3_stmt *stmt = NULL;
  CheckResult result;
  gulong interrupter = 0;

  *rc = SQLITE_CANTOPEN;
  /* The handler at every step of the check's short program: an interrupt
   * that came before the check began is forgotten as it begins. */
  if (db != NULL && cancellable != NULL)
    {
      sqlite3_progress_handler (db, 1, check_cancelled, cancellable);
      interrupter = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_check), db, NULL);
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      *rc = SQLITE_INTERRUPT;
      result = CHECK_NOT_RUN;
    }
  else if (db != NULL && (*rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL)) == SQLITE_OK &&
           (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0 ? CHECK_WHOLE : CHECK_DAMAGED;
  else if ((*rc & 0xff) == SQLITE_CORRUPT || (*rc & 0xff) == SQLITE_NOTADB)
    result = CHECK_DAMAGED;
  else
    result = CHECK_NOT_RUN;
  sqlite3_finalize (stmt);
  g_cancellable_disconnect (cancellable, interrupter);
  if (db != NULL)
    sqlite3_close (db);
  return result;
}

/* The full check, through whatever the connection sees; one that could
 * not run is no proof the library is whole. */
static gboolean
is_whole (const char *path,
          const char *options)
{
  int rc;

  return run_check (path, options, "PRAGMA integrity_check(1)", NULL, &rc) == CHECK_WHOLE;
}

gboolean
_lede_library_set_damaged_error (const char  *path,
                                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
               _("The library “%s” is damaged and cannot be read. Lede has not changed it; "
                 "a backup copy may still be whole."), display);
  return FALSE;
}

gboolean
_lede_library_set_other_program_error (const char  *path,
                                       GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
               _("“%s” is a database of another program, not a Lede library. Lede has not changed it."),
               display);
  return FALSE;
}

/* A database with something in it that is not a Lede library. */
static gboolean
is_other_programs (const LibraryView *view)
{
  return view->readable && view->application_id != LEDE_LIBRARY_APPLICATION_ID &&
         (view->application_id != 0 || view->version != 0 || view->objects > 0);
}

/* Libraries this large (about 12,000 stories: a second's read) are checked
 * after an unclean close once open, not as they open. Tests set it lower. */
static gint64
check_at_open_below (void)
{
  const char *bytes = g_getenv ("LEDE_CHECK_AT_OPEN_BELOW");

  return bytes != NULL ? g_ascii_strtoll (bytes, NULL, 10) : 256 * 1024 * 1024;
}

/**
 * _lede_library_vet_wal:
 * @path: a library file nobody writes now (the caller holds its flock)
 * @lock_fd: the caller's descriptor of @path, which holds that flock
 * @for_writing: a writer's open: a foreign WAL is moved aside, and the
 *   library checked whole after an unclean close; a reader changes no byte
 *   and leaves damage to be found when read
 * @verdict: (out): what was found
 * @notice: (out): what the writer should be told, or %NULL
 *
 * Decides whether the WAL beside @path may be read and checkpointed, and,
 * for a writer, whether the library is whole: after an unclean close (a
 * WAL with frames; in a small library) or a WAL set aside, the full
 * integrity check runs here, before anything is written. Returns %FALSE,
 * with @error saying so in words, for a damaged library or another
 * program's database; nothing has then been changed.
 */
gboolean
_lede_library_vet_wal (const char      *path,
                       int              lock_fd,
                       gboolean         for_writing,
                       LedeWalVerdict  *verdict,
                       char           **notice,
                       GError         **error)
{
  g_autofree char *real = _lede_library_dup_real_path (path);
  g_autofree char *display = g_filename_display_name (path);
  g_auto (LibraryView) main = { 0 };
  g_auto (LibraryView) through_wal = { 0 };
  g_autofree char *moved_to = NULL;
  g_autoptr (GError) move_error = NULL;
  GStatBuf st;

  const char *given = path;
  gboolean wal_unread = FALSE;

  *verdict = LEDE_WAL_NONE;
  *notice = NULL;
  path = real;
  if (!has_wal (path))
    return TRUE;

  /* SQLite deletes the WAL of an empty database as it opens it: whatever
   * it holds is set aside before SQLite sees either. */
  if (g_stat (path, &st) == 0 && st.st_size == 0)
    {
      main.readable = TRUE;
      goto foreign;
    }

  read_view (path, "immutable=1", &main);
  read_view (path, "mode=ro", &through_wal);
  wal_unread = main.readable && !through_wal.readable && cannot_index (path);

  /* Another program's database and its own WAL (that program may have
   * them open still, its latest commits only in the WAL) are not a
   * library whose WAL went astray: both are left as they are. */
  if (is_other_programs (&main) ||
      (!(main.readable && main.application_id == LEDE_LIBRARY_APPLICATION_ID) && is_other_programs (&through_wal)))
    return _lede_library_set_other_program_error (given, error);

  /* A main file that cannot be read alone is what a crash in the middle
   * of a checkpoint leaves (some pages copied, some not): only its WAL can
   * make it whole, so a WAL that shows a whole Lede library is taken. */
  if (main.readable ? wal_is_own (path, &main, &through_wal)
                    : through_wal.readable && through_wal.application_id == LEDE_LIBRARY_APPLICATION_ID)
    {
      /* The last writer did not close cleanly: read all of it once. A
       * large library is read after it opens (minutes for a million
       * stories, the window not shown meanwhile): the window checks it on
       * a thread as it shows, lede-cli before it writes, and damage then
       * stops every write (lede_library_check()). */
      *verdict = LEDE_WAL_OWN;
      /* Not one that opening would migrate: that writes into the file. */
      if (for_writing && main.readable && through_wal.version == LEDE_LIBRARY_SCHEMA_VERSION &&
          g_stat (path, &st) == 0 && st.st_size >= check_at_open_below ())
        {
          *verdict = LEDE_WAL_OWN_UNCHECKED;
          return TRUE;
        }
      if (for_writing && !is_whole (path, "mode=ro"))
        return _lede_library_set_damaged_error (given, error);
      return TRUE;
    }

  if (!main.readable)
    return _lede_library_set_damaged_error (given, error);

foreign:
  /* In another program's hands, the WAL may hold its commits: moved, they
   * would go on in the renamed file and come back over the library. */
  if (for_writing && open_elsewhere (lock_fd))
    {
      *verdict = LEDE_WAL_IGNORED;
      *notice = g_strdup_printf (_("A working file beside the library “%s” holds changes Lede did not make, and "
                                   "another program may have the library open. Lede has changed neither file, and "
                                   "cannot save into the library until that program closes it."),
                                 display);
      return TRUE;
    }
  /* A WAL SQLite could not read through for want of its index, which it
   * may not make here, may be the library's own latest work: it is neither
   * moved nor read, and the library is only read. */
  if (wal_unread)
    {
      *verdict = LEDE_WAL_IGNORED;
      *notice = g_strdup_printf (_("Lede could not read the working file beside the library “%s”: its folder is "
                                   "read-only. Whether that file holds the library’s latest changes cannot be "
                                   "told; Lede has changed neither, and reads the library as it was last saved, "
                                   "without saving into it."),
                                 display);
      return TRUE;
    }
  if (for_writing && move_aside (path, &moved_to, &move_error))
    {
      g_autofree char *moved_display = g_filename_display_name (moved_to);

      *verdict = LEDE_WAL_SET_ASIDE;
      *notice = g_strdup_printf (_("A working file beside the library “%s” held nothing the library itself had "
                                   "written (another library’s, or an older copy’s). Lede did not read it and "
                                   "moved it aside, unchanged, to “%s”; the library is as it was last saved."),
                                 display, moved_display);
      if (!is_whole (path, "mode=ro"))
        return _lede_library_set_damaged_error (given, error);
      return TRUE;
    }

  *verdict = LEDE_WAL_IGNORED;
  if (move_error != NULL)
    *notice = g_strdup_printf (_("A working file beside the library “%s” does not belong to it, and Lede could "
                                 "not move it aside (%s). Lede has changed neither file, and cannot save into the "
                                 "library until that file is moved away."),
                               display, move_error->message);
  else
    *notice = g_strdup_printf (_("A working file beside the library “%s” does not belong to it: Lede reads the "
                                 "library as it was last saved, without that file, and has not changed it."),
                               display);
  if (for_writing && !is_whole (path, "immutable=1"))
    return _lede_library_set_damaged_error (given, error);
  return TRUE;
}

/**
 * lede_library_get_notice:
 *
 * What opening the library did that its user should be told (a foreign
 * WAL moved aside or read around), or %NULL.
 */
const char *
lede_library_get_notice (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->notice;
}

/* SQLite's quick check, on a connection of its own that reads what the
 * writer has committed (WAL included) and never checkpoints. */
static gboolean
quick_check (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  int rc;
  CheckResult result = run_check (path, "mode=ro", "PRAGMA quick_check(1)", cancellable, &rc);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Damage the check could not even read past is damage too; a check that
   * could not run (no memory, no file handle) is not. */
  if (result == CHECK_NOT_RUN)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("Could not check the library “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }
  if (result == CHECK_DAMAGED)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                   _("The library “%s” is damaged: Lede no longer saves into it, so that nothing in it is "
                     "overwritten. Export the stories you need, then restore the library from a backup."),
                   display);
    }
  return result == CHECK_WHOLE;
}

/**
 * lede_library_is_copying_wal:
 *
 * Returns: whether the library's WAL is being copied into its file now,
 *   on the thread that does that, or a commit has just asked for a copy
 *   the thread has yet to begin. A tidy step run meanwhile shares the
 *   disk with the copy: rebuilding 100,000 stories' index back to back,
 *   46 of 6,970 steps took 30-110 ms; waiting out each copy, 6 of 6,000
 *   (at most 34 ms)
 */
gboolean
lede_library_is_copying_wal (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return lede_wal_checkpointer_is_copying (self->checkpointer);
}

/* The WAL into the file from now on, on a thread of its own; without one
 * (the file could not be opened again), in the commits, as SQLite does. */
void
_lede_library_start_checkpoints (LedeLibrary *self)
{
  self->checkpointer = lede_wal_checkpointer_new (self->db);
  if (self->checkpointer == NULL)
    sqlite3_wal_autocheckpoint (self->db, 1000);
}

/* A check found the library whole: noted, and after a crash, what waited
 * for it goes on. */
static void
mark_checked (LedeLibrary *self,
              gint64       began_s)
{
  if (self->unchecked)
    {
      self->unchecked = FALSE;
      if (self->db != NULL && !self->read_only)
        {
          sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
          _lede_library_start_checkpoints (self);
          _lede_library_sweep_photos (self);
        }
    }
  _lede_library_remember_whole (self, began_s);
}

static void
mark_damaged (LedeLibrary *self)
{
  self->damaged = TRUE;
  /* A tidy step under way ends, and its connection closes, before the
   * checkpointer its commits wake goes. */
  if (self->tidier != NULL)
    self->close_tidier (g_steal_pointer (&self->tidier));
  /* Its WAL hook gone, the writer checkpoints no more either. */
  g_clear_pointer (&self->checkpointer, lede_wal_checkpointer_free);
  if (self->db != NULL && !self->read_only)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
}

/**
 * lede_library_check:
 *
 * Reads every page of the library (SQLite's quick check). A damaged library
 * is written no more from then on, nor checkpointed on close: each write
 * fails in words. Slow for a large library; the window runs it on a
 * thread with lede_library_check_async() once it shows.
 */
gboolean
lede_library_check (LedeLibrary  *self,
                    GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  g_autoptr (GError) local_error = NULL;
  gint64 began_s = g_get_real_time () / G_USEC_PER_SEC;

  if (quick_check (self->path, NULL, &local_error))
    {
      mark_checked (self, began_s);
      return TRUE;
    }
  if (g_error_matches (local_error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT))
    mark_damaged (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The check reads every page: 20 GB at a million stories, minutes. It
 * runs on a thread of its own at the lowest priority (CPU, and disk where
 * the scheduler heeds it), so the window's lists and searches go first.
 * Not in GTask's pool: a pool thread would keep the priority for what it
 * runs next, and only root may raise it again. */
/* The thread's reference to the task is dropped where the task was made:
 * dropped on the thread, it could be the last, and the library (the task's
 * source) would be closed there, racing the main thread. */
static gboolean
drop_task (gpointer task)
{
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  char   *path;
  gint64  began_s;  /* what the check reads is the file as it was then */
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_free (check->path);
  g_free (check);
}

static gpointer
check_thread (gpointer data)
{
  GTask *task = data;
  pid_t tid = (pid_t)syscall (SYS_gettid);
  GError *error = NULL;
  GSource *drop;

  if (setpriority (PRIO_PROCESS, (id_t)tid, 19) != 0)
    g_debug ("Could not lower the check's priority: %s", g_strerror (errno));
  /* IOPRIO_WHO_PROCESS, IOPRIO_CLASS_IDLE << IOPRIO_CLASS_SHIFT. */
  syscall (SYS_ioprio_set, 1, (int)tid, 3 << 13);
  if (quick_check (((CheckData *)g_task_get_task_data (task))->path, g_task_get_cancellable (task), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  drop = g_idle_source_new ();
  g_source_set_callback (drop, drop_task, task, NULL);
  g_source_attach (drop, g_task_get_context (task));
  g_source_unref (drop);
  return NULL;
}

void
lede_library_check_async (LedeLibrary         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  CheckData *check;

  g_return_if_fail (LEDE_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_library_check_async);
  check = g_new0 (CheckData, 1);
  check->path = g_strdup (self->path);
  check->began_s = g_get_real_time () / G_USEC_PER_SEC;
  g_task_set_task_data (task, check, check_data_free);
  g_thread_unref (g_thread_new ("lede-check", check_thread, g_steal_pointer (&task)));
}

/* Marks the library damaged here, in the caller's thread, where its
 * writes happen (a tidy step under way on its thread ends first). */
gboolean
lede_library_check_finish (LedeLibrary   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      mark_checked (self, ((CheckData *)g_task_get_task_data (G_TASK (result)))->began_s);
      return TRUE;
    }
  if (g_error_matches (local_error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT))
    mark_damaged (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
