/* lede-backup.c: backups of a library.
 *
 * A backup is a library of its own: FOLDER/STEM-backup-YYYYMMDD-HHMMSS.db
 * with its photos beside it in the same layout (…db-photos/ab/SHA.ext),
 * STEM being the library's file name and a tag of where it is, so two
 * libraries named alike never prune each other's backups in one folder;
 * files and folders readable by their owner alone, as the library is;
 * so a copy of it opens in Lede as it is. It is made from a reader's
 * connection with SQLite's online backup API in one step: a snapshot of
 * one read transaction, so the writer (a Lede window autosaving) carries
 * on meanwhile and the backup is never restarted by it. Never a file copy,
 * which could catch a page half written.
 *
 * Nothing counts as a backup until it is proven: the file and its photos
 * are written under names ending in ".partial", synced, checked (SQLite's
 * integrity_check, Lede's own header, every photo's bytes against their
 * SHA-256), and only then renamed, the photos first and the file last: the
 * rename of the file is the moment a backup exists. A crash or a full disk
 * before it leaves only ".partial" names, which the next backup clears,
 * and never touches the library. Older backups are pruned to the last
 * @keep only after the new one counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede-backup.h"
#include "lede-library-private.h"
#include "lede-library-schema.h"
#include "lede-photo.h"

#define PARTIAL ".partial"

/* "/home/a/library.db" → "library-3fa9c2d1": backups are named after the
 * library, and told apart from another library of that name elsewhere. */
static char *
stem_of (const char *library_path)
{
  g_autofree char *base = g_path_get_basename (library_path);
  g_autofree char *absolute = g_canonicalize_filename (library_path, NULL);
  g_autofree char *tag = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  tag[8] = '\0';
  return g_strdup_printf ("%s-%s", base, tag);
}

/* STEM-backup-YYYYMMDD-HHMMSS.db, and nothing else. */
static gboolean
is_backup_name (const char *name,
                const char *stem,
                const char *suffix)
{
  gsize prefix = strlen (stem) + strlen ("-backup-");
  const char *stamp = name + prefix;

  if (!g_str_has_prefix (name, stem) || !g_str_has_prefix (name + strlen (stem), "-backup-") ||
      strlen (name) != prefix + 15 + strlen (suffix) || !g_str_has_suffix (name, suffix))
    return FALSE;
  for (guint i = 0; i < 15; i++)
    if (i == 8 ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
      return FALSE;
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char **)a, *(const char **)b);
}

/**
 * lede_backup_list:
 *
 * Returns: (transfer full) (element-type filename): the backups of
 *   @library_path in @folder, newest first; none when the folder cannot
 *   be read
 */
GPtrArray *
lede_backup_list (const char *library_path,
                  const char *folder)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stem = stem_of (library_path);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (is_backup_name (name, stem, ".db"))
      g_ptr_array_add (backups, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/* Removes @name in the folder @parent_fd and what is under it, never
 * what a symbolic link (@name itself, or one in it) points to: each folder
 * is opened without following a link, so one swapped in meanwhile is not
 * followed either. */
static void
remove_tree_at (int         parent_fd,
                const char *name)
{
  int fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  DIR *dir;
  struct dirent *entry;

  if (fd < 0)
    {
      unlinkat (parent_fd, name, 0);
      return;
    }
  if (!(dir = fdopendir (fd)))
    {
      close (fd);
      return;
    }
  while ((entry = readdir (dir)))
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      remove_tree_at (dirfd (dir), entry->d_name);
  closedir (dir);
  unlinkat (parent_fd, name, AT_REMOVEDIR);
}

static void
remove_tree (const char *path)
{
  remove_tree_at (AT_FDCWD, path);
}

/* What an earlier backup cut short left: never counted, now gone. */
static void
clear_partials (const char *folder,
                const char *stem)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (is_backup_name (name, stem, ".db" PARTIAL) || is_backup_name (name, stem, ".db" PARTIAL "-journal"))
        g_unlink (path);
      else if (is_backup_name (name, stem, ".db-photos" PARTIAL))
        remove_tree (path);
    }
}

static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = open (path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
  int saved;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write the backup to disk: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
set_write_error (GError **error,
                 int      code,
                 const char *detail)
{
  if ((code & 0xff) == SQLITE_FULL)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FULL,
                 _("The backup folder is full: no backup was made, and the library is as it was"));
  else
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                 _("Could not write the backup (%s): no backup was made, and the library is as it was"), detail);
}

/* The library as one read transaction sees it, into @partial. */
static gboolean
copy_database (const char  *library_path,
               const char  *partial,
               GError     **error)
{
  g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (library_path, error);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (reader == NULL)
    return FALSE;
  /* Made here, for its owner alone, so SQLite opens it as it is. */
  {
    int fd = open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd < 0)
      {
        int saved = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write the backup (%s): no backup was made, and the library is as it was"),
                     g_strerror (saved));
        return FALSE;
      }
    close (fd);
  }
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      backup = sqlite3_backup_init (dest, "main", reader->db, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
            rc = sqlite3_extended_errcode (dest);
        }
    }
  if (rc != SQLITE_OK)
    set_write_error (error, rc, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  if (sqlite3_close (dest) != SQLITE_OK && rc == SQLITE_OK)
    {
      set_write_error (error, SQLITE_IOERR, _("closing it"));
      return FALSE;
    }
  return rc == SQLITE_OK && sync_path (partial, FALSE, error);
}

typedef struct {
  char *sha256;
  char *extension;
  gint64 size;
} PhotoFile;

static void
photo_file_free (PhotoFile *file)
{
  g_free (file->sha256);
  g_free (file->extension);
  g_free (file);
}

static char *
photo_path (const char      *photos_dir,
            const PhotoFile *file)
{
  g_autofree char *sub = g_strndup (file->sha256, 2);
  g_autofree char *name = g_strdup_printf ("%s.%s", file->sha256, file->extension);

  return g_build_filename (photos_dir, sub, name, NULL);
}

/* Reads a backup's header and rows through a connection that can write
 * nothing (immutable: the backup is never changed, not even its index). */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  sqlite3 *db = _lede_library_open_uri (path, "immutable=1");
  g_autofree char *display = g_filename_display_name (path);

  if (db == NULL)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN, _("Could not open the backup “%s”"), display);
  return db;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/* The photo files a library's rows name; an old library has none. */
static GPtrArray *
list_photo_files (sqlite3 *db)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify)photo_file_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT sha256, media_type, size FROM photos ORDER BY sha256", -1, &stmt, NULL) != SQLITE_OK)
    return files;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PhotoFile *file = g_new0 (PhotoFile, 1);

      file->sha256 = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      file->extension = g_strdup (lede_photo_get_extension ((const char *)sqlite3_column_text (stmt, 1)));
      file->size = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (files, file);
    }
  sqlite3_finalize (stmt);
  return files;
}

static gboolean
copy_photos (const char  *from_dir,
             const char  *to_dir,
             GPtrArray   *files,
             GError     **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      PhotoFile *file = g_ptr_array_index (files, i);
      g_autofree char *from = photo_path (from_dir, file);
      g_autofree char *to = photo_path (to_dir, file);
      g_autofree char *sub = g_path_get_dirname (to);
      g_autoptr (GFile) source = g_file_new_for_path (from);
      g_autoptr (GFile) target = g_file_new_for_path (to);
      g_autoptr (GError) local_error = NULL;

      if (g_mkdir_with_parents (sub, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write the backup’s photos: %s"),
                       g_strerror (saved));
          return FALSE;
        }
      if (!g_file_copy (source, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error) ||
          g_chmod (to, 0600) != 0 || !sync_path (to, FALSE, &local_error) || !sync_path (sub, TRUE, &local_error))
        {
          g_set_error (error, G_IO_ERROR, local_error && local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                       _("Could not copy a photo into the backup: %s"), local_error ? local_error->message : g_strerror (errno));
          return FALSE;
        }
    }
  /* The folders' entries too, before the backup is named. */
  return files->len == 0 || sync_path (to_dir, TRUE, error);
}

/* The photo files of @files under @photos_dir, each whole. */
static gboolean
check_photos (const char  *photos_dir,
              GPtrArray   *files,
              GError     **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      PhotoFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = photo_path (photos_dir, file);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL) || (gint64)length != file->size ||
          !(sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length)) ||
          !g_str_equal (sha256, file->sha256))
        {
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                       _("A photo of the backup is missing or damaged (%s)"), file->sha256);
          return FALSE;
        }
    }
  return TRUE;
}

/* The proof, for a file whose photos are in @photos_dir. */
static gboolean
verify (const char         *backup_path,
        const char         *photos_dir,
        LedeBackupSummary  *summary,
        GError            **error)
{
  g_autofree char *display = g_filename_display_name (backup_path);
  g_autoptr (GPtrArray) files = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0, version = 0, stories = 0, bytes = 0;
  gboolean whole;
  GStatBuf st;

  if (g_stat (backup_path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (g_file_test (backup_path, G_FILE_TEST_IS_DIR))
        g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                     _("“%s” is a folder: a backup is a file in it"), display);
      else
        g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND, _("There is no backup at “%s”"), display);
      return FALSE;
    }
  if (!(db = open_backup (backup_path, error)))
    return FALSE;
  whole = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!whole)
    {
      sqlite3_close (db);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a library: it would not restore"), display);
      return FALSE;
    }
  if (!query_int (db, "PRAGMA application_id", &application_id) || application_id != LEDE_LIBRARY_APPLICATION_ID ||
      !query_int (db, "PRAGMA user_version", &version) || version < 1)
    {
      sqlite3_close (db);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY, _("“%s” is not a Lede library"), display);
      return FALSE;
    }
  if (version > LEDE_LIBRARY_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_TOO_NEW,
                   _("“%s” was made by a newer Lede: this one cannot restore it"), display);
      return FALSE;
    }
  /* From story_list where it is whole: in articles each trashed_at sits
   * after its story's body (20 GB read at a million stories). */
  stories = -1;
  if (version >= LEDE_LIBRARY_LIST_SCHEMA)
    query_int (db, "SELECT CASE WHEN EXISTS (SELECT 1 FROM story_list_due) THEN -1 "
                   "ELSE (SELECT count(*) FROM story_list WHERE trashed = 0) END", &stories);
  if (stories < 0)
    {
      stories = 0;
      query_int (db, "SELECT count(*) FROM articles WHERE trashed_at IS NULL", &stories);
    }
  files = list_photo_files (db);
  sqlite3_close (db);
  if (!check_photos (photos_dir, files, error))
    return FALSE;

  bytes = st.st_size;
  for (guint i = 0; i < files->len; i++)
    bytes += ((PhotoFile *)g_ptr_array_index (files, i))->size;
  if (summary)
    *summary = (LedeBackupSummary) { (guint)stories, files->len, bytes };
  return TRUE;
}

/**
 * lede_backup_verify:
 * @backup_path: a backup (or any library file)
 * @summary: (out) (optional): what it holds
 *
 * Proves a backup would restore: SQLite's integrity_check passes, it is a
 * Lede library this Lede can read, and every photo its rows name is
 * beside it with the bytes its SHA-256 says. Nothing is written.
 */
gboolean
lede_backup_verify (const char         *backup_path,
                    LedeBackupSummary  *summary,
                    GError            **error)
{
  g_autofree char *photos_dir = g_strconcat (backup_path, "-photos", NULL);

  return verify (backup_path, photos_dir, summary, error);
}

/* Whether @path is a file of Lede's own (a library, so a backup): an
 * SQLite database with Lede's application id in its header. Never a link,
 * nor anything but a plain file (a FIFO would block the read). */
static gboolean
is_lede_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[72];
  struct stat st;
  gssize n = -1;
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    n = read (fd, header, sizeof header);
  close (fd);
  return n == sizeof header && memcmp (header, magic, sizeof magic) == 0 &&
         (((guint32)header[68] << 24) | ((guint32)header[69] << 16) | ((guint32)header[70] << 8) | header[71]) ==
         LEDE_LIBRARY_APPLICATION_ID;
}

/* Keeps the newest @keep backups of the library in @folder, @made (the
 * one just proven) first among them. Names dated after it (a clock once
 * set ahead) are counted as older than every other, so they cannot crowd
 * out the backups made since. What is named like a backup but is not a
 * plain file of Lede's (another program's database, a note, a link) is
 * neither counted nor deleted. */
static void
prune (const char *library_path,
       const char *folder,
       const char *made,
       guint       keep)
{
  g_autoptr (GPtrArray) backups = lede_backup_list (library_path, folder);
  g_autoptr (GPtrArray) older = g_ptr_array_new ();
  g_autoptr (GPtrArray) ahead = g_ptr_array_new ();

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);

      if (!g_str_equal (path, made) && is_lede_file (path))
        g_ptr_array_add (strcmp (path, made) > 0 ? ahead : older, (gpointer)path);
    }
  g_ptr_array_extend (older, ahead, NULL, NULL);
  /* @made is the first kept. */
  for (guint i = MAX (keep, 1) - 1; i < older->len; i++)
    {
      const char *path = g_ptr_array_index (older, i);
      g_autofree char *photos = g_strconcat (path, "-photos", NULL);

      /* The file first: a backup without it no longer counts. */
      g_unlink (path);
      remove_tree (photos);
    }
}

/**
 * lede_backup_make:
 * @folder: where backups go (made if missing)
 * @keep: how many backups of this library the folder keeps, 1 or more
 *
 * Backs the library up as a snapshot while any writer carries on (on any
 * thread), proves the backup, and only then prunes older ones.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set in
 *   words; the library is never changed either way
 */
char *
lede_backup_make (const char    *library_path,
                  const char    *folder,
                  guint          keep,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *stem = stem_of (library_path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-backup-%s.db", stem, stamp);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *partial = g_strconcat (path, PARTIAL, NULL);
  g_autofree char *photos = g_strconcat (path, "-photos", NULL);
  g_autofree char *photos_partial = g_strconcat (photos, PARTIAL, NULL);
  g_autofree char *library_photos = g_strconcat (library_path, "-photos", NULL);
  g_autoptr (GPtrArray) files = NULL;
  sqlite3 *db;

  g_return_val_if_fail (library_path != NULL && folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not use “%s” for backups: %s"),
                   display, g_strerror (saved));
      return NULL;
    }
  clear_partials (folder, stem);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("A backup was made this very second: try again in a moment"));
      return NULL;
    }

  if (!copy_database (library_path, partial, error))
    goto failed;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !(db = open_backup (partial, error)))
    goto failed;
  files = list_photo_files (db);
  sqlite3_close (db);
  if (files->len > 0 &&
      (!copy_photos (library_photos, photos_partial, files, error) ||
       g_cancellable_set_error_if_cancelled (cancellable, error)))
    goto failed;

  /* Proven before it counts: the very files that will be renamed. */
  if (files->len > 0 && g_rename (photos_partial, photos) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not name the backup’s photos: %s"),
                   g_strerror (errno));
      goto failed;
    }
  if (!verify (partial, photos, NULL, error))
    goto failed;
  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not name the backup: %s"), g_strerror (errno));
      goto failed;
    }
  if (!sync_path (folder, TRUE, error))
    {
      g_unlink (path);
      goto failed;
    }
  prune (library_path, folder, path, keep);
  return g_steal_pointer (&path);

failed:
  /* SQLite keeps a rollback journal it could not finish (a full disk) for
   * a later open to replay; this partial is never opened again. */
  g_unlink (partial);
  {
    g_autofree char *journal = g_strconcat (partial, "-journal", NULL);

    g_unlink (journal);
  }
  remove_tree (photos_partial);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    remove_tree (photos);
  return NULL;
}

/**
 * lede_backup_copy_to:
 * @library_path: where the copy goes; must not exist yet
 *
 * Restores a backup as a new library: the backup is proven, then copied
 * with its photos (the backup itself is never opened for writing, and no
 * library is ever written over).
 */
gboolean
lede_backup_copy_to (const char  *backup_path,
                     const char  *library_path,
                     GError     **error)
{
  g_autofree char *partial = g_strconcat (library_path, PARTIAL, NULL);
  g_autofree char *from_photos = g_strconcat (backup_path, "-photos", NULL);
  g_autofree char *to_photos = g_strconcat (library_path, "-photos", NULL);
  g_autoptr (GFile) source = g_file_new_for_path (backup_path);
  g_autoptr (GFile) target = g_file_new_for_path (partial);
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) local_error = NULL;
  sqlite3 *db;

  if (g_file_test (library_path, G_FILE_TEST_EXISTS) || g_file_test (to_photos, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (library_path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: a backup is never restored over a library"),
                   display);
      return FALSE;
    }
  if (!lede_backup_verify (backup_path, NULL, error) || !(db = open_backup (backup_path, error)))
    return FALSE;
  files = list_photo_files (db);
  sqlite3_close (db);

  if (!g_file_copy (source, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error) ||
      !sync_path (partial, FALSE, &local_error) ||
      g_chmod (partial, 0600) != 0 ||
      !copy_photos (from_photos, to_photos, files, &local_error) ||
      link (partial, library_path) != 0 || g_unlink (partial) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not restore the backup: %s"),
                   local_error ? local_error->message : g_strerror (errno));
      g_unlink (partial);
      remove_tree (to_photos);
      return FALSE;
    }
  return TRUE;
}
