/* test-backup.c: backups that are proven to restore — a snapshot while a
 * writer goes on, every photo with it, only the newest kept, damage found,
 * never a half backup counted after a crash or a full disk, never over a
 * library; lede-cli backup and verify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lede-backup.h"
#include "lede-library.h"
#include "lede-photo-file.h"
#include "lede-test-photos.h"
#include "lede-test-utils.h"
#include "lede-test-vfs.h"

/* A library of three stories (one in the trash) and a photo, in @dir. */
static char *
make_library (const char *dir)
{
  char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autofree char *image = lede_test_make_image (dir, "quay.png", "png", 24, 16);
  static const char *headlines[] = { "Quay repairs start in spring", "Lifeboat crew honoured", "Ferry fares frozen" };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedePhoto) photo = NULL;

  g_assert_nonnull (library);
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();

      lede_article_set_headline (article, headlines[i]);
      lede_article_set_body (article, "Councillors heard the plan on Monday.\n");
      g_assert_true (lede_library_create_article (library, article, NULL));
      if (i == 0)
        {
          photo = lede_photo_file_read (image, &bytes, NULL);
          g_assert_nonnull (photo);
          g_assert_true (lede_library_add_photo (library, article, photo, bytes, NULL));
        }
    }
  g_assert_true (lede_library_trash_article (library, 3, NULL));
  return path;
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* A backup is a library: proven, then restored as a copy that opens with
 * its stories and its photo's bytes. */
static void
test_make_and_restore (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.db", NULL);
  g_autofree char *before = checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  LedeBackupSummary summary;

  backup = lede_backup_make (path, folder, LEDE_BACKUP_KEEP, NULL, &error);
  g_assert_no_error (error);
  name = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (name, "library-"));
  g_assert_nonnull (strstr (name, "-backup-"));
  g_assert_true (g_str_has_suffix (name, ".db"));
  g_assert_true (lede_backup_verify (backup, &summary, &error));
  g_assert_cmpuint (summary.stories, ==, 2);
  g_assert_cmpuint (summary.photos, ==, 1);
  g_assert_cmpint (summary.bytes, >, 0);
  list = lede_backup_list (path, folder);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, backup);

  /* The library itself is not touched. */
  after = checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (lede_backup_copy_to (backup, restored, &error));
  {
    g_autoptr (LedeLibrary) library = lede_library_open (restored, &error);
    g_autoptr (LedeArticle) article = NULL;
    g_autoptr (GPtrArray) photos = NULL;
    g_autoptr (GBytes) bytes = NULL;

    g_assert_no_error (error);
    article = lede_library_get_article (library, 1, &error);
    g_assert_cmpstr (lede_article_get_headline (article), ==, "Quay repairs start in spring");
    photos = lede_library_list_story_photos (library, 1, &error);
    g_assert_cmpuint (photos->len, ==, 1);
    bytes = lede_library_dup_photo_bytes (library, g_ptr_array_index (photos, 0), &error);
    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }
  /* Never over a library. */
  g_assert_false (lede_backup_copy_to (backup, restored, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  lede_test_rmdir (dir);
}

/* A snapshot while the writer has the library open and goes on: what was
 * committed is in it, and the writer is never stopped. */
static void
test_while_writing (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr (LedeLibrary) writer = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_library_get_article (writer, 2, NULL);
  g_autofree char *backup = NULL;
  g_autoptr (GError) error = NULL;

  lede_article_set_body (article, "The crew were honoured at the town hall on Friday.\n");
  g_assert_true (lede_library_update_article (writer, article, NULL));
  backup = lede_backup_make (path, folder, 3, NULL, &error);
  g_assert_no_error (error);
  lede_article_set_body (article, "Written after the backup.\n");
  g_assert_true (lede_library_update_article (writer, article, NULL));
  g_clear_object (&writer);
  {
    g_autofree char *restored = g_build_filename (dir, "restored.db", NULL);
    g_autoptr (LedeLibrary) library = NULL;
    g_autoptr (LedeArticle) copy = NULL;

    g_assert_true (lede_backup_copy_to (backup, restored, &error));
    library = lede_library_open (restored, &error);
    copy = lede_library_get_article (library, 2, &error);
    g_assert_cmpstr (lede_article_get_body (copy), ==, "The crew were honoured at the town hall on Friday.\n");
  }
  lede_test_rmdir (dir);
}

/* Only the newest are kept, and only once the new one is proven. */
static void
test_keeps_the_newest (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *first = NULL, *newest = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const char *stamps[] = { "20250101-090000", "20260101-090000" };
  g_autofree char *stranger = NULL;
  g_autofree char *base = NULL;

  first = lede_backup_make (path, folder, 7, NULL, &error);
  g_assert_no_error (error);
  /* Two older backups, as if made on earlier days, and another library's. */
  base = g_path_get_basename (first);
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      /* STEM-backup-STAMP.db, the stamp the last 18 bytes but ".db". */
      g_autofree char *name = g_strdup_printf ("%.*s%s.db", (int)(strlen (base) - 18), base, stamps[i]);
      g_autofree char *old = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (first, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (old, contents, length, NULL));
    }
  stranger = g_build_filename (folder, "other-backup-20200101-090000.db", NULL);
  g_assert_true (g_file_set_contents (stranger, "not ours", -1, NULL));
  list = lede_backup_list (path, folder);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_usleep (G_USEC_PER_SEC);  /* a backup's name is its second */
  newest = lede_backup_make (path, folder, 2, NULL, &error);
  g_assert_no_error (error);
  list = lede_backup_list (path, folder);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, newest);
  g_assert_cmpstr (g_ptr_array_index (list, 1), ==, first);
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));

  /* Another library of the same name elsewhere keeps its own backups, and
   * never prunes these. */
  {
    g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
    g_autofree char *other_path = NULL;
    g_autofree char *other = NULL;
    g_autoptr (GPtrArray) theirs = NULL;
    g_autoptr (GPtrArray) ours = NULL;

    g_mkdir (elsewhere, 0700);
    other_path = make_library (elsewhere);
    other = lede_backup_make (other_path, folder, 1, NULL, &error);
    g_assert_no_error (error);
    theirs = lede_backup_list (other_path, folder);
    ours = lede_backup_list (path, folder);
    g_assert_cmpuint (theirs->len, ==, 1);
    g_assert_cmpuint (ours->len, ==, 2);
  }
  lede_test_rmdir (dir);
}

static char *
named (const char *folder,
       const char *stem,
       const char *stamp)
{
  g_autofree char *name = g_strconcat (stem, stamp, ".db", NULL);

  return g_build_filename (folder, name, NULL);
}

/* Pruning deletes backups and nothing else: not a file that is only named
 * like one (another program's database, a note), not the live library's
 * photos that an old backup's photo folder links to, and never the backup
 * just made, nor the one before it, though others be named in the
 * future. */
static void
test_prunes_only_backups (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *live_photos = g_strconcat (path, "-photos", NULL);
  g_autofree char *first = NULL, *newest = NULL, *base = NULL, *stem = NULL;
  g_autofree char *linked = NULL, *linked_photos = NULL, *note = NULL, *other_db = NULL;
  g_autofree char *ahead = NULL, *ahead_too = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  guint photos_before;
  gsize length;
  sqlite3 *db = NULL;

  first = lede_backup_make (path, folder, 7, NULL, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (first);
  /* STEM-backup-: all but the stamp's 15 bytes and ".db". */
  stem = g_strndup (base, strlen (base) - 18);
  g_assert_true (g_file_get_contents (first, &contents, &length, NULL));

  linked = named (folder, stem, "20200101-090000");
  g_assert_true (g_file_set_contents (linked, contents, length, NULL));
  linked_photos = g_strconcat (linked, "-photos", NULL);
  g_assert_cmpint (symlink (live_photos, linked_photos), ==, 0);
  note = named (folder, stem, "20190101-090000");
  g_assert_true (g_file_set_contents (note, "Ring the harbourmaster back.", -1, NULL));
  other_db = named (folder, stem, "20180101-090000");
  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE tides (at TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* Two backups named in the future, by a clock once set ahead. */
  ahead = named (folder, stem, "20991231-235959");
  g_assert_true (g_file_set_contents (ahead, contents, length, NULL));
  ahead_too = named (folder, stem, "20991231-235958");
  g_assert_true (g_file_set_contents (ahead_too, contents, length, NULL));
  photos_before = lede_test_count_files (live_photos);
  g_assert_cmpuint (photos_before, >, 0);

  g_usleep (G_USEC_PER_SEC);  /* a backup's name is its second */
  newest = lede_backup_make (path, folder, 2, NULL, &error);
  g_assert_no_error (error);

  /* The new one and the one made before it are the two kept; those named
   * in the future count as older than any. */
  g_assert_true (lede_backup_verify (newest, NULL, NULL));
  g_assert_true (lede_backup_verify (first, NULL, NULL));
  g_assert_false (g_file_test (ahead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ahead_too, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (linked, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (linked_photos, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
  /* What was not Lede's is still there, and the library's photos too. */
  g_assert_true (g_file_test (note, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_db, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lede_test_count_files (live_photos), ==, photos_before);
  g_assert_true (lede_backup_verify (path, NULL, NULL));
  lede_test_rmdir (dir);
}

/* A backup holds sources and embargoed stories: its owner's alone. */
static void
test_owner_only (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = lede_backup_make (path, folder, 7, NULL, NULL);
  g_autofree char *photos = g_strconcat (backup, "-photos", NULL);
  g_autoptr (GDir) sub = g_dir_open (photos, 0, NULL);
  g_autofree char *ab = g_build_filename (photos, g_dir_read_name (sub), NULL);
  g_autoptr (GDir) files = g_dir_open (ab, 0, NULL);
  g_autofree char *file = g_build_filename (ab, g_dir_read_name (files), NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (photos, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  lede_test_rmdir (dir);
}

/* Damage is found, and said in words. */
static void
test_damage_found (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = lede_backup_make (path, folder, 7, NULL, NULL);
  g_autofree char *photos = g_strconcat (backup, "-photos", NULL);
  g_autofree char *not_library = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) sub = NULL;
  gsize length;

  g_assert_nonnull (backup);
  g_assert_false (lede_backup_verify (not_library, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (not_library, "Shopping: bread, milk\n", -1, NULL));
  g_assert_false (lede_backup_verify (not_library, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A photo's bytes changed. */
  sub = g_dir_open (photos, 0, NULL);
  {
    g_autofree char *ab = g_build_filename (photos, g_dir_read_name (sub), NULL);
    g_autoptr (GDir) files = g_dir_open (ab, 0, NULL);
    g_autofree char *file = g_build_filename (ab, g_dir_read_name (files), NULL);

    g_assert_true (g_file_set_contents (file, "not a picture", -1, NULL));
  }
  g_assert_false (lede_backup_verify (backup, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "photo"));
  g_clear_error (&error);

  /* The file's pages overwritten in the middle. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  memset (contents + 4096, 0x5a, MIN (length - 4096, 8192));
  g_assert_true (g_file_set_contents (backup, contents, length, NULL));
  g_assert_false (lede_backup_verify (backup, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  lede_test_rmdir (dir);
}

/* Backs up in a child whose SQLite crashes or finds the disk full at
 * write @fail_at; returns the writes made, or that it crashed. */
static guint
backup_in_child (const char      *path,
                 const char      *folder,
                 LedeTestVfsMode  mode,
                 guint            fail_at,
                 gboolean        *crashed)
{
  int fds[2], status = 0;
  guint writes = 0;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *made = NULL;

      close (fds[0]);
      lede_test_vfs_install (mode, fail_at);
      made = lede_backup_make (path, folder, 1, NULL, NULL);
      writes = lede_test_vfs.writes;
      if (write (fds[1], &writes, sizeof writes) != sizeof writes)
        _exit (2);
      _exit (made != NULL ? 0 : 1);
    }
  close (fds[1]);
  if (read (fds[0], &writes, sizeof writes) != sizeof writes)
    writes = 0;
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  *crashed = WEXITSTATUS (status) == LEDE_TEST_VFS_CRASH_STATUS;
  return writes;
}

static void
assert_no_partials (const char *folder)
{
  g_autoptr (GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    g_assert_false (g_str_has_suffix (name, ".partial") || g_str_has_suffix (name, ".partial-journal") ||
                    g_str_has_suffix (name, ".partial-wal"));
}

/* Cut at every write SQLite makes to the backup, by a crash and by a full
 * disk: the library is untouched, no backup that is not whole is ever
 * listed, and the next backup clears what was left and counts. */
static void
test_cut_everywhere (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *before = checksum (path);
  gboolean crashed;
  guint writes = backup_in_child (path, folder, LEDE_TEST_VFS_COUNT, 0, &crashed);

  g_assert_false (crashed);
  g_assert_cmpuint (writes, >, 0);
  g_test_message ("%u writes", writes);
  for (LedeTestVfsMode mode = LEDE_TEST_VFS_CRASH; mode <= LEDE_TEST_VFS_FULL; mode++)
    for (guint n = 1; n <= writes; n++)
      {
        g_autoptr (GPtrArray) list = NULL;
        g_autofree char *now = NULL;
        g_autofree char *made = NULL;
        g_autoptr (GError) error = NULL;

        lede_test_rmdir (folder);
        backup_in_child (path, folder, mode, n, &crashed);
        g_assert_true (crashed == (mode == LEDE_TEST_VFS_CRASH));
        now = checksum (path);
        g_assert_cmpstr (now, ==, before);
        list = lede_backup_list (path, folder);
        g_assert_cmpuint (list->len, ==, 0);
        /* A full disk is an error Lede saw: it leaves nothing behind. */
        if (mode == LEDE_TEST_VFS_FULL)
          assert_no_partials (folder);

        made = lede_backup_make (path, folder, 1, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (lede_backup_verify (made, NULL, NULL));
        g_assert_false (lede_test_has_hidden_files (folder));
        assert_no_partials (folder);
      }
  lede_test_rmdir (dir);
}

/* A folder that cannot be made is said in words, and nothing is made. */
static void
test_folder_refused (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autoptr (GError) error = NULL;

  g_assert_null (lede_backup_make (path, "/proc/self/lede-backups", 7, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/proc/self/lede-backups"));
  lede_test_rmdir (dir);
}

static void
test_cli (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) fields = NULL;

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "backup", NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--to DIR"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "backup", "--to", folder, "--keep", "0", NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "1 or more"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "backup", "--to", folder, NULL }, &out, &err), ==, 0);
  fields = g_strsplit (g_strchomp (out), "\t", -1);
  g_assert_cmpstr (fields[1], ==, "2 stories");
  g_assert_cmpstr (fields[2], ==, "1 photo");
  g_assert_true (g_file_test (fields[0], G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "verify", fields[0], NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, fields[0]));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "verify", path, "/nonexistent/backup.db", NULL }, NULL, &err), ==, 3);
  g_assert_nonnull (strstr (err, "There is no backup"));
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/backup/make-and-restore", test_make_and_restore);
  g_test_add_func ("/lede/backup/while-writing", test_while_writing);
  g_test_add_func ("/lede/backup/keeps-the-newest", test_keeps_the_newest);
  g_test_add_func ("/lede/backup/prunes-only-backups", test_prunes_only_backups);
  g_test_add_func ("/lede/backup/damage-found", test_damage_found);
  g_test_add_func ("/lede/backup/owner-only", test_owner_only);
  g_test_add_func ("/lede/backup/cut-everywhere", test_cut_everywhere);
  g_test_add_func ("/lede/backup/folder-refused", test_folder_refused);
  g_test_add_func ("/lede/backup/cli", test_cli);
  return g_test_run ();
}
