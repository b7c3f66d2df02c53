/* test-crash-matrix.c: every way Lede writes a library, cut short at every
 * write SQLite makes — by a crash (the process ends on the spot) and by a
 * full disk (every write from there on fails) — and, for export batches,
 * by SIGKILL at random moments. Afterwards the library passes
 * integrity_check, opens, and holds exactly what it held before the change
 * or exactly what it holds after it: never a part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lede-export-batch.h"
#include "lede-import.h"
#include "lede-library.h"
#include "lede-library-schema.h"
#include "lede-photo-file.h"
#include "lede-test-photos.h"
#include "lede-test-utils.h"
#include "lede-test-vfs.h"

typedef gboolean (*Change) (LedeLibrary *library, const char *dir, GError **error);

static int
compare_lines (const char **a,
               const char **b)
{
  return strcmp (*a, *b);
}

/* Everything a library holds but what differs from run to run anyway
 * (the times themselves, uuids made up on import), one row a line. */
static char *
dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'articles_fts%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      /* Some tables have no rowid: the rows are sorted as text instead. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          GString *line = g_string_new (NULL);

          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const char *name = sqlite3_column_name (rows, i);

              /* Random by design: who the library is, and each write's stamp. */
              if (g_str_equal (name, "uuid") || g_str_equal (name, "identity") || g_str_equal (name, "stamp") ||
                  g_str_equal (name, "prev_stamp"))
                continue;
              /* When a time is, differs from run to run; whether it is, not. */
              if (g_str_has_suffix (name, "_at"))
                g_string_append_printf (line, "%s=%s|", name, sqlite3_column_type (rows, i) == SQLITE_NULL ? "none" : "set");
              else
                g_string_append_printf (line, "%s=%s|", name, sqlite3_column_text (rows, i));
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (rows);
      g_ptr_array_sort (lines, (GCompareFunc)compare_lines);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (out, "%s\n", (char *)g_ptr_array_index (lines, i));
    }
  sqlite3_finalize (tables);
  /* Each photo's file beside the library, whole: never half a photo (a
   * library from before schema 9 has none). */
  {
    sqlite3_stmt *photos = NULL;

    g_string_append (out, "[photo files]\n");
    if (sqlite3_prepare_v2 (db, "SELECT sha256, media_type FROM photos ORDER BY sha256", -1, &photos, NULL) != SQLITE_OK)
      g_assert_null (photos);
    while (photos && sqlite3_step (photos) == SQLITE_ROW)
      {
        const char *sha = (const char *)sqlite3_column_text (photos, 0);
        const char *type = (const char *)sqlite3_column_text (photos, 1);
        g_autofree char *sub = g_strndup (sha, 2);
        g_autofree char *name = g_strdup_printf ("%s.%s", sha, lede_photo_get_extension (type));
        g_autofree char *dir = g_strconcat (path, "-photos", NULL);
        g_autofree char *file = g_build_filename (dir, sub, name, NULL);
        g_autofree char *sum = g_file_test (file, G_FILE_TEST_EXISTS) ? lede_test_checksum_file (file) : NULL;

        g_string_append_printf (out, "%s %s\n", sha, sum == NULL ? "missing" : g_str_equal (sum, sha) ? "whole" : "damaged");
      }
    sqlite3_finalize (photos);
  }
  {
    sqlite3_stmt *version = NULL;

    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &version, NULL);
    sqlite3_step (version);
    g_string_append_printf (out, "version=%d\n", sqlite3_column_int (version, 0));
    sqlite3_finalize (version);
  }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_whole (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  /* The search index agrees with the stories. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every file in the library's photos folder holds the bytes its name
 * says: a crash may leave one nothing names yet, never a part of one. */
static void
assert_photo_files_whole (const char *path)
{
  g_autofree char *top = g_strconcat (path, "-photos", NULL);
  g_autoptr (GDir) dirs = g_dir_open (top, 0, NULL);
  const char *sub;

  while (dirs && (sub = g_dir_read_name (dirs)))
    {
      g_autofree char *dir = g_build_filename (top, sub, NULL);
      g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_nonnull (files);
      while ((name = g_dir_read_name (files)))
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          g_autofree char *sum = lede_test_checksum_file (file);

          g_assert_cmpuint (strlen (name), >, 64);
          g_assert_true (g_str_has_prefix (name, sum));
        }
    }
}

/* The photos folder of the library at @from, copied beside @to. */
static void
copy_photos (const char *from,
             const char *to)
{
  g_autofree char *top = g_strconcat (from, "-photos", NULL);
  g_autofree char *target = g_strconcat (to, "-photos", NULL);
  g_autoptr (GDir) dirs = g_dir_open (top, 0, NULL);
  const char *sub;

  lede_test_rmdir (target);
  while (dirs && (sub = g_dir_read_name (dirs)))
    {
      g_autofree char *dir = g_build_filename (top, sub, NULL);
      g_autofree char *target_dir = g_build_filename (target, sub, NULL);
      g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_cmpint (g_mkdir_with_parents (target_dir, 0755), ==, 0);
      while ((name = g_dir_read_name (files)))
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          g_autofree char *copy = g_build_filename (target_dir, name, NULL);
          g_autofree char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
          g_assert_true (g_file_set_contents (copy, contents, len, NULL));
        }
    }
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

static void
remove_library (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
  {
    g_autofree char *photos = g_strconcat (path, "-photos", NULL);
    lede_test_rmdir (photos);
  }
}

/* Runs @change on the library at @path in a child process under the test
 * VFS; returns how many writes it made, or that it crashed. */
static guint
run_change (const char      *path,
            const char      *dir,
            Change           change,
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
      LedeLibrary *library;

      close (fds[0]);
      lede_test_vfs_install (mode, fail_at);
      /* A full disk may stop the change, or the opening: both are errors in
       * words, and neither may damage the library. */
      if ((library = lede_library_open (path, NULL)))
        {
          change (library, dir, NULL);
          g_object_unref (library);
        }
      writes = lede_test_vfs.writes;
      if (write (fds[1], &writes, sizeof writes) != sizeof writes)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &writes, sizeof writes) != sizeof writes)
    writes = 0;
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  *crashed = WEXITSTATUS (status) == LEDE_TEST_VFS_CRASH_STATUS;
  if (!*crashed)
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return writes;
}

/* Every write is cut, unless LEDE_TEST_CUT_STRIDE says every Nth: `make
 * sanitize` cuts every third, since a forked child under AddressSanitizer
 * takes ten times as long (its allocator's pages copied on write) and the
 * matrix would run for ten minutes; `make test` cuts them all. */
static guint
cut_stride (void)
{
  const char *stride = g_getenv ("LEDE_TEST_CUT_STRIDE");

  return stride ? CLAMP (g_ascii_strtoull (stride, NULL, 10), 1, 10) : 1;
}

/* With a stride, crashes and full disks fall on different writes. */
static guint
first_cut (LedeTestVfsMode mode)
{
  return 1 + (mode == LEDE_TEST_VFS_FULL ? cut_stride () / 2 : 0);
}

/* The matrix for one change: at every write, a crash and a full disk. */
static void
cut_everywhere (const char         *pristine,
                Change              change,
                const char * const *also_whole)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *before = dump (pristine);
  g_autofree char *after = NULL;
  guint writes;
  gboolean crashed;

  copy_file (pristine, path);
  copy_photos (pristine, path);
  writes = run_change (path, dir, change, LEDE_TEST_VFS_COUNT, 0, &crashed);
  g_assert_false (crashed);
  g_assert_cmpuint (writes, >, 0);
  after = dump (path);
  g_assert_cmpstr (before, !=, after);
  g_test_message ("%u writes", writes);

  for (LedeTestVfsMode mode = LEDE_TEST_VFS_CRASH; mode <= LEDE_TEST_VFS_FULL; mode++)
    for (guint n = first_cut (mode); n <= writes; n += cut_stride ())
      {
        g_autofree char *now = NULL;
        g_autoptr (LedeLibrary) reopened = NULL;
        g_autoptr (GError) error = NULL;

        remove_library (path);
        copy_file (pristine, path);
        copy_photos (pristine, path);
        run_change (path, dir, change, mode, n, &crashed);
        g_assert_true (crashed == (mode == LEDE_TEST_VFS_CRASH));

        /* Lede itself opens what the cut left first: the WAL a crash left
         * (even in the middle of a checkpoint) is known as the library's
         * own and replayed, never set aside. */
        reopened = lede_library_open (path, &error);
        g_assert_no_error (error);
        g_assert_null (lede_library_get_notice (reopened));
        g_clear_object (&reopened);

        assert_whole (path);
        assert_photo_files_whole (path);
        now = dump (path);
        if (g_strcmp0 (now, before) != 0 && g_strcmp0 (now, after) != 0 &&
            !(also_whole != NULL && g_strv_contains (also_whole, now)))
          g_error ("%s at write %u of %u left a part of the change:\n%s\n--- before ---\n%s\n--- after ---\n%s",
                   mode == LEDE_TEST_VFS_CRASH ? "A crash" : "A full disk", n, writes, now, before, after);
      }
  remove_library (path);
  lede_test_rmdir (dir);
}

/* A library with three stories, two tags and a source, closed cleanly. */
static char *
make_library (const char *dir)
{
  char *path = g_build_filename (dir, "pristine.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeSource) source = lede_source_new ("Morwenna Tregear");
  static const char *headlines[] = {
    "Tide gauge fails on the night of the surge",
    "Lifeboat station wins its appeal",
    "Bakery on Quay Street closes after ninety years",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();

      lede_article_set_headline (article, headlines[i]);
      lede_article_set_body (article, "The harbour master said the readings were lost for three hours.\n");
      g_assert_true (lede_library_add_story (library, article,
                                             (const char * const[]) { i == 0 ? "Weather" : "Harbour", "Local", NULL }, NULL));
    }
  g_assert_true (lede_library_create_source (library, source, NULL));
  g_assert_true (lede_library_link_source (library, 1, source->id, "on the record", NULL));
  return path;
}

static gboolean
change_autosave (LedeLibrary *library, const char *dir, GError **error)
{
  g_autoptr (LedeArticle) article = lede_library_get_article (library, 2, error);

  if (article == NULL)
    return FALSE;
  lede_article_set_body (article, "The station's appeal was upheld on Friday.\n\nCrews celebrated on the slipway.\n");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
  return lede_library_update_article (library, article, error);
}

static char *
write_story (const char *dir,
             guint       n)
{
  g_autofree char *name = g_strdup_printf ("story-%u.md", n);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf ("---\ntitle: \"Ferry timetable, part %u\"\ntags: [Transport]\n---\n"
                                           "Sailings change from Monday, the operator said.\n", n);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static gboolean
change_import_one (LedeLibrary *library, const char *dir, GError **error)
{
  g_autofree char *file = write_story (dir, 1);
  g_autoptr (LedeArticle) article = lede_import_file (library, file, error);

  return article != NULL;
}

static gboolean
change_import_batch (LedeLibrary *library, const char *dir, GError **error)
{
  if (!lede_library_begin_batch (library, error))
    return FALSE;
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *file = write_story (dir, i);
      /* A file that fails (a full disk) is left out; the batch goes on. */
      LedeArticle *article = lede_import_file (library, file, NULL);

      g_clear_object (&article);
    }
  return lede_library_end_batch (library, error);
}

static gint64
tag_id (LedeLibrary *library,
        const char  *name)
{
  g_autoptr (GPtrArray) tags = lede_library_list_tags (library, NULL);

  for (guint i = 0; tags && i < tags->len; i++)
    if (g_str_equal (((LedeTag *)g_ptr_array_index (tags, i))->name, name))
      return ((LedeTag *)g_ptr_array_index (tags, i))->id;
  return 0;
}

static gboolean
change_tag_rename (LedeLibrary *library, const char *dir, GError **error)
{
  return lede_library_rename_tag (library, tag_id (library, "Harbour"), "Port", error);
}

static gboolean
change_tag_merge (LedeLibrary *library, const char *dir, GError **error)
{
  return lede_library_rename_tag (library, tag_id (library, "Weather"), "Harbour", error);
}

static gboolean
change_source_delete (LedeLibrary *library, const char *dir, GError **error)
{
  g_autoptr (GPtrArray) sources = lede_library_list_sources (library, error);

  return sources && lede_library_delete_source (library, ((LedeSource *)g_ptr_array_index (sources, 0))->id, error);
}

static gboolean
change_trash (LedeLibrary *library, const char *dir, GError **error)
{
  return lede_library_trash_article (library, 3, error);
}

static gboolean
change_restore (LedeLibrary *library, const char *dir, GError **error)
{
  return lede_library_restore_article (library, 1, error);
}

/* Adds a photo to story 1: its file and its rows, or nothing. */
static gboolean
change_photo_add (LedeLibrary *library, const char *dir, GError **error)
{
  g_autofree char *file = lede_test_make_image (dir, "quay.png", "png", 24, 16);
  g_autoptr (LedeArticle) article = lede_library_get_article (library, 1, error);
  g_autoptr (LedePhoto) photo = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (article == NULL || !(photo = lede_photo_file_read (file, &bytes, error)))
    return FALSE;
  lede_photo_set_text (&photo->alt_text, "The quay under water");
  return lede_library_add_photo (library, article, photo, bytes, error);
}

/* Deletes forever story 2 from the trash, the only one using its photo:
 * the photo's row goes with it, and its file after the commit. */
static gboolean
change_photo_gone (LedeLibrary *library, const char *dir, GError **error)
{
  return lede_library_delete_article (library, 2, error);
}

static gboolean
change_nothing (LedeLibrary *library, const char *dir, GError **error)
{
  return TRUE;
}

typedef struct {
  const char *name;
  Change      change;
} Case;

static const Case cases[] = {
  { "autosave", change_autosave },
  { "import-one", change_import_one },
  { "import-batch", change_import_batch },
  { "tag-rename", change_tag_rename },
  { "tag-merge", change_tag_merge },
  { "source-delete", change_source_delete },
  { "trash", change_trash },
  { "restore", change_restore },
  { "photo-add", change_photo_add },
  { "photo-gone", change_photo_gone },
};

static void
test_change (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *pristine = make_library (dir);

  if (c->change == change_restore)
    {
      g_autoptr (LedeLibrary) library = lede_library_open (pristine, NULL);
      g_assert_true (lede_library_trash_article (library, 1, NULL));
    }
  if (c->change == change_photo_gone)
    {
      g_autoptr (LedeLibrary) library = lede_library_open (pristine, NULL);
      g_autoptr (LedeArticle) article = lede_library_get_article (library, 2, NULL);
      g_autoptr (LedePhoto) photo = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *file = lede_test_make_image (dir, "slipway.png", "png", 20, 12);

      photo = lede_photo_file_read (file, &bytes, NULL);
      g_assert_true (lede_library_add_photo (library, article, photo, bytes, NULL));
      g_assert_true (lede_library_trash_article (library, 2, NULL));
    }
  cut_everywhere (pristine, c->change, NULL);
  remove_library (pristine);
  lede_test_rmdir (dir);
}

/* The intermediate states below are written for these migrations. */
G_STATIC_ASSERT (LEDE_LIBRARY_SCHEMA_VERSION == 21);

/* Opening a library of schema version 1 migrates it to the newest, one
 * version a transaction. */
static void
test_migration (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *pristine = g_build_filename (dir, "version-1.db", NULL);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1; "
                                             "PRAGMA journal_mode = WAL", LEDE_LIBRARY_APPLICATION_ID);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (pristine, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, MIGRATIONS[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles (uuid, headline, body, created_at, updated_at) "
                                     "VALUES ('9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30', 'Pier reopens', 'At last.', "
                                     "'2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Each step is a transaction of its own: a library left at version 2
   * 3, 4, 5, 6, 7, 8 or 9, whole, is as good as one at 1 or 10. */
  {
    g_autoptr (GStrvBuilder) steps = g_strv_builder_new ();
    g_auto (GStrv) whole = NULL;

    for (guint version = 2; version < LEDE_LIBRARY_SCHEMA_VERSION; version++)
      {
        g_autofree char *step = g_build_filename (dir, "version-step.db", NULL);
        g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
        g_autofree char *at_step = NULL;

        copy_file (pristine, step);
        g_assert_cmpint (sqlite3_open (step, &db), ==, SQLITE_OK);
        for (guint m = 1; m < version; m++)
          g_assert_cmpint (sqlite3_exec (db, MIGRATIONS[m], NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
        at_step = dump (step);
        g_strv_builder_add (steps, at_step);
        remove_library (step);
      }
    whole = g_strv_builder_end (steps);
    cut_everywhere (pristine, change_nothing, (const char * const *)whole);
  }
  remove_library (pristine);
  lede_test_rmdir (dir);
}

static void
assert_checksum (const char *path,
                 const char *expected)
{
  g_autofree char *sum = lede_test_checksum_file (path);

  g_assert_cmpstr (sum, ==, expected);
}

/* Whether the library holds a story with @headline. */
static gboolean
has_headline (LedeLibrary *library,
              const char  *headline)
{
  g_autoptr (GPtrArray) articles = lede_library_list_articles (library, FALSE, NULL);

  for (guint i = 0; articles && i < articles->len; i++)
    if (g_strcmp0 (lede_article_get_headline (g_ptr_array_index (articles, i)), headline) == 0)
      return TRUE;
  return FALSE;
}

static void
add_story (LedeLibrary *library,
           const char  *headline)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_article_set_headline (article, headline);
  lede_article_set_body (article, "Filed late from the harbour office.\n");
  g_assert_true (lede_library_create_article (library, article, NULL));
}

/* The WAL of the open library at @path, copied as it is now: frames not
 * yet in the main file. */
static char *
copy_wal_of_open_library (const char *path,
                          const char *to_name)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  char *copy = g_build_filename (dir, to_name, NULL);

  copy_file (wal, copy);
  return copy;
}

/* The one file named @prefix… in @dir, or NULL. */
static char *
find_set_aside (const char *dir,
                const char *prefix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* Opens @opened (the library at @path, or a link to it), beside whose
 * file lies another library's WAL (@stale_sum): a reader first, which reads
 * the library as last saved and changes nothing; then the writer, which
 * sets the WAL aside, says so, and keeps its own three stories alone. */
static void
open_beside_stray_wal (const char *opened,
                       const char *path,
                       const char *stale_sum,
                       const char *main_sum)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (opened, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lede_library_get_notice (reader));
    g_assert_true (has_headline (reader, "Tide gauge fails on the night of the surge"));
    g_assert_false (has_headline (reader, "From the other library"));
  }
  assert_checksum (wal, stale_sum);
  assert_checksum (path, main_sum);

  {
    g_autoptr (LedeLibrary) library = lede_library_open (opened, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (lede_library_get_notice (library), "set-aside"));
    g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, 3);
    g_assert_false (has_headline (library, "From the other library"));
  }
}

/* A WAL another Lede library wrote, left beside this one (a backup
 * restored next to an old WAL, a sync tool): never replayed. The writer
 * moves it aside unchanged and says so; a reader reads around it and moves
 * nothing. The library keeps its own stories and gets none of the other's. */
static void
test_stray_wal_of_another_library (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *stale = NULL, *stale_sum = NULL, *main_sum = NULL, *moved = NULL, *moved_sum = NULL;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (other, NULL);

    add_story (library, "From the other library");
    stale = copy_wal_of_open_library (other, "stale-wal");
  }
  stale_sum = lede_test_checksum_file (stale);
  main_sum = lede_test_checksum_file (path);

  /* A reader first: it reads the library as last saved and changes nothing. */
  copy_file (stale, wal);
  open_beside_stray_wal (path, path, stale_sum, main_sum);
  /* Set aside byte for byte; the library untouched by it. */
  moved = find_set_aside (dir, "pristine.db-wal.set-aside-");
  g_assert_nonnull (moved);
  moved_sum = lede_test_checksum_file (moved);
  g_assert_cmpstr (moved_sum, ==, stale_sum);
  assert_checksum (path, main_sum);
  assert_whole (path);

  g_unlink (moved);
  g_unlink (stale);
  remove_library (other);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* The same, the library opened through a symbolic link: SQLite keeps the
 * WAL beside the file itself, so that is the WAL looked at (and set aside);
 * one beside the link is nothing of the library's and is left alone.
 * Before, the WAL beside the link was vetted, and the other library's WAL
 * read and checkpointed into this one. */
static void
test_stray_wal_through_a_link (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *links = g_build_filename (dir, "links", NULL);
  g_autofree char *link = g_build_filename (links, "library.db", NULL);
  g_autofree char *decoy = g_strconcat (link, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *stale = NULL, *stale_sum = NULL, *main_sum = NULL, *moved = NULL;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (other, NULL);

    add_story (library, "From the other library");
    stale = copy_wal_of_open_library (other, "stale-wal");
  }
  stale_sum = lede_test_checksum_file (stale);
  main_sum = lede_test_checksum_file (path);
  g_assert_cmpint (g_mkdir (links, 0700), ==, 0);
  g_assert_cmpint (symlink (path, link), ==, 0);
  copy_file (stale, wal);
  g_assert_true (g_file_set_contents (decoy, "not a WAL", -1, NULL));

  open_beside_stray_wal (link, path, stale_sum, main_sum);
  moved = find_set_aside (dir, "pristine.db-wal.set-aside-");
  g_assert_nonnull (moved);
  assert_checksum (moved, stale_sum);
  g_assert_null (find_set_aside (links, "library.db-wal.set-aside-"));
  g_assert_true (g_file_test (decoy, G_FILE_TEST_EXISTS));
  assert_whole (path);

  g_unlink (decoy);
  g_unlink (link);
  g_rmdir (links);
  g_unlink (moved);
  g_unlink (stale);
  remove_library (other);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* Another process (the sqlite3 shell, a sync tool) has the library open
 * and an edit of its own in the WAL, which Lede cannot tell from a stray
 * WAL. Moved aside, the WAL would go on in the other process under its new
 * name and be checkpointed over the library as that process closes: Lede's
 * writes since lost and the library damaged. Now the writer leaves both
 * files alone and refuses to write, saying why; once the other process has
 * closed, the library opens with its edits. */
static void
test_stray_wal_in_another_process (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_sum = NULL;
  g_autoptr (GError) error = NULL;
  int ready[2], go[2];
  char byte = 0;
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      int ok;

      /* Only the parent writes to go: its end closing ends the wait. */
      close (go[1]);
      close (ready[0]);
      ok = sqlite3_open (path, &db) == SQLITE_OK &&
               sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                 "UPDATE articles SET editorial_note = 'Checked by the night desk'",
                             NULL, NULL, NULL) == SQLITE_OK;

      if (write (ready[1], &byte, 1) != 1 || read (go[0], &byte, 1) != 1)
        _exit (2);
      ok = ok && sqlite3_exec (db, "UPDATE articles SET section = 'Coast'", NULL, NULL, NULL) == SQLITE_OK;
      /* The last connection: SQLite checkpoints the WAL into the file. */
      _exit (ok && sqlite3_close (db) == SQLITE_OK ? 0 : 1);
    }
  close (go[0]);
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  wal_sum = lede_test_checksum_file (wal);

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_null (library);
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY);
    g_test_message ("refused with: %s", error->message);
    g_assert_nonnull (strstr (error->message, "another program may have the library open"));
    g_clear_error (&error);
  }
  assert_checksum (wal, wal_sum);
  g_assert_null (find_set_aside (dir, "pristine.db-wal.set-aside-"));

  g_assert_cmpint (write (go[1], &byte, 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  close (ready[0]);
  close (go[1]);

  assert_whole (path);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);
    g_autoptr (GPtrArray) articles = NULL;

    g_assert_no_error (error);
    articles = lede_library_list_articles (library, FALSE, NULL);
    g_assert_cmpuint (articles->len, ==, 3);
    for (guint i = 0; i < articles->len; i++)
      {
        g_assert_cmpstr (lede_article_get_editorial_note (g_ptr_array_index (articles, i)), ==, "Checked by the night desk");
        g_assert_cmpstr (lede_article_get_section (g_ptr_array_index (articles, i)), ==, "Coast");
      }
    add_story (library, "Written after the other program closed");
  }
  assert_whole (path);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* Another program's database, its latest commits still in its WAL (the
 * program crashed, or has it open now), picked as a library: refused as
 * another program's, the WAL neither read into a library nor moved aside.
 * Before, the WAL was set aside as astray, the main file (empty but for its
 * header) taken for a new library, and Lede's tables written into it. */
static void
test_other_programs_database_with_its_wal (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = NULL, *wal_sum = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "CREATE TABLE visits (place TEXT);"
                                     "INSERT INTO visits VALUES ('Kestle quay'), ('Marrowby slipway');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* As a crash leaves it: everything since the header in the WAL. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  main_sum = lede_test_checksum_file (path);
  wal_sum = lede_test_checksum_file (wal);

  for (guint reading = 0; reading < 2; reading++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeLibrary) library = reading ? lede_library_open_for_reading (path, &error)
                                                : lede_library_open (path, &error);

      g_assert_null (library);
      g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY);
      g_assert_nonnull (strstr (error->message, "another program"));
      assert_checksum (path, main_sum);
      assert_checksum (wal, wal_sum);
      g_assert_null (find_set_aside (dir, "places.sqlite-wal.set-aside-"));
    }

  /* The program finds its rows where it left them. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM visits", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  remove_library (path);
  lede_test_rmdir (dir);
}

/* An older copy of the library's own WAL (a backup of both files restored
 * next to a library that went on) is not replayed either: its commit
 * counter is behind the library's. */
static void
test_stray_wal_of_an_older_copy (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *old = NULL;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    add_story (library, "Written before the backup");
    old = copy_wal_of_open_library (path, "old-wal");
    add_story (library, "Written after the backup");
  }
  copy_file (old, wal);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lede_library_get_notice (library));
    g_assert_true (has_headline (library, "Written before the backup"));
    g_assert_true (has_headline (library, "Written after the backup"));
    g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, 5);
  }
  assert_whole (path);

  g_unlink (old);
  {
    g_autofree char *moved = find_set_aside (dir, "pristine.db-wal.set-aside-");
    g_assert_nonnull (moved);
    g_unlink (moved);
  }
  remove_library (path);
  lede_test_rmdir (dir);
}

/* A backup restored beside the newer WAL the library left at a crash (the
 * same identity, a higher counter): the WAL was written over another main
 * file, so replaying it would mix two copies. Set aside; the backup reads
 * as it was. And an empty main file beside a WAL (SQLite would delete the
 * WAL as it opened it) sets the WAL aside too. */
static void
test_stray_wal_over_a_restored_backup (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *newer = NULL, *backup_sum = NULL;
  g_autoptr (GError) error = NULL;

  copy_file (path, backup);
  /* The library goes on past its backup, saved whole, then crashes with
   * a WAL written over that newer main file. */
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    add_story (library, "Written after the backup");
  }
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    add_story (library, "Written later still");
    newer = copy_wal_of_open_library (path, "newer-wal");
  }
  /* The library lost; its backup back in place, the crash's WAL beside it. */
  remove_library (path);
  copy_file (backup, path);
  backup_sum = lede_test_checksum_file (path);
  copy_file (newer, wal);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lede_library_get_notice (library));
    g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, 3);
  }
  assert_checksum (path, backup_sum);
  assert_whole (path);
  {
    g_autofree char *moved = find_set_aside (dir, "pristine.db-wal.set-aside-");
    g_autofree char *newer_sum = lede_test_checksum_file (newer);

    g_assert_nonnull (moved);
    assert_checksum (moved, newer_sum);
    g_unlink (moved);
  }

  /* An empty main file beside a WAL. */
  remove_library (path);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  copy_file (newer, wal);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lede_library_get_notice (library));
  }
  {
    g_autofree char *moved = find_set_aside (dir, "pristine.db-wal.set-aside-");
    g_autofree char *newer_sum = lede_test_checksum_file (newer);

    g_assert_nonnull (moved);
    assert_checksum (moved, newer_sum);
    g_unlink (moved);
  }

  g_unlink (newer);
  remove_library (backup);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* Where a page only a full read finds lies in @path: the root of the
 * empty table revision_texts (@root, counted from 1; @page_size bytes). */
static void
empty_table_root (const char *path,
                 gint64     *root,
                 gint64     *page_size)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                           "FROM sqlite_master WHERE name = 'revision_texts'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *root = sqlite3_column_int64 (stmt, 0);
  *page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Damages @path: page @root written as zeros. */
static void
zero_page (const char *path,
           gint64      root,
           gint64      page_size)
{
  FILE *file = fopen (path, "r+b");
  g_autofree char *zeros = g_malloc0 (page_size);

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (zeros, 1, page_size, file), ==, (gsize)page_size);
  fclose (file);
}

/* A library with a damaged page that only a full read finds (the root of
 * an empty table): the check says so, and from then on nothing is written
 * into it; the file stays byte for byte as it was. */
static void
test_damaged_page (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *damaged_sum = NULL;
  g_autoptr (GError) error = NULL;
  gint64 root = 0, page_size = 0;

  empty_table_root (path, &root, &page_size);
  zero_page (path, root, page_size);
  damaged_sum = lede_test_checksum_file (path);

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (lede_library_check (library, &error));
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_false (lede_library_trash_article (library, 1, &error));
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_false (lede_library_begin_batch (library, &error));
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  }
  assert_checksum (path, damaged_sum);

  remove_library (path);
  lede_test_rmdir (dir);
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* A crash leaves the library's own WAL: a small library is read whole as
 * it opens and, damaged, refused; a large one opens at once (its reading
 * would hold the window for minutes), and the check made once it is open
 * finds the damage and stops every write. The file is never changed. */
static void
test_crash_then_damage (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *crashed = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *kept_wal = NULL, *damaged_sum = NULL;
  g_autoptr (GError) error = NULL;
  gint64 root = 0, page_size = 0;

  empty_table_root (path, &root, &page_size);

  /* The files as a crash leaves them: the main file and the WAL of a
   * library still open, a story in the WAL alone. */
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    /* Found whole a moment before the crash: that counts for nothing now. */
    g_assert_true (lede_library_check (library, NULL));
    g_assert_false (lede_library_needs_check (library));
    add_story (library, "Ferry runs aground");
    copy_file (path, crashed);
    kept_wal = copy_wal_of_open_library (path, "crashed-wal");
  }
  copy_file (kept_wal, crashed_wal);
  zero_page (crashed, root, page_size);
  damaged_sum = lede_test_checksum_file (crashed);

  {
    g_autoptr (LedeLibrary) library = lede_library_open (crashed, &error);

    g_assert_null (library);
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  g_setenv ("LEDE_CHECK_AT_OPEN_BELOW", "4096", TRUE);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (crashed, &error);

    g_autoptr (GAsyncResult) result = NULL;

    g_assert_no_error (error);
    g_assert_true (has_headline (library, "Ferry runs aground"));
    /* As the window checks it: on a thread of the check's own. */
    lede_library_check_async (library, NULL, keep_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (lede_library_check_finish (library, result, &error));
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_false (lede_library_trash_article (library, 1, &error));
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  }
  g_unsetenv ("LEDE_CHECK_AT_OPEN_BELOW");
  assert_checksum (crashed, damaged_sum);

  g_unlink (kept_wal);
  remove_library (crashed);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* A large library left open by a crash, whole: until its check has read
 * it, what is written stays in the WAL (no checkpoint, no tidy step); the
 * check passed, it all goes on as after any open. */
static void
test_crash_then_whole (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *crashed = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *kept_wal = NULL, *main_sum = NULL, *after_sum = NULL;
  gpointer open_library = NULL;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    /* Found whole a moment before the crash: that counts for nothing now. */
    g_assert_true (lede_library_check (library, NULL));
    g_assert_false (lede_library_needs_check (library));
    add_story (library, "Ferry runs aground");
    copy_file (path, crashed);
    kept_wal = copy_wal_of_open_library (path, "crashed-wal");
  }
  copy_file (kept_wal, crashed_wal);
  main_sum = lede_test_checksum_file (crashed);

  g_setenv ("LEDE_CHECK_AT_OPEN_BELOW", "4096", TRUE);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (crashed, NULL);
    gboolean done = FALSE;

    g_assert_nonnull (library);
    g_assert_true (lede_library_needs_check (library));
    g_set_weak_pointer (&open_library, library);
    g_assert_true (lede_library_tidy_step (library, &done, NULL));
    g_assert_true (done);
    add_story (library, "Tug frees the ferry");
    assert_checksum (crashed, main_sum);
    /* A check stopped (another library opened) proves nothing either way. */
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      g_cancellable_cancel (cancellable);
      lede_library_check_async (library, cancellable, keep_result, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (lede_library_check_finish (library, result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (lede_library_tidy_step (library, &done, NULL));
      g_assert_true (done);
      assert_checksum (crashed, main_sum);
    }
    g_assert_true (lede_library_check (library, NULL));
    g_assert_false (lede_library_needs_check (library));
  }
  g_unsetenv ("LEDE_CHECK_AT_OPEN_BELOW");
  /* The stopped check's thread lets the library go a moment later. */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (open_library != NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  /* Checked, the close checkpointed it all into the file. */
  after_sum = lede_test_checksum_file (crashed);
  g_assert_cmpstr (after_sum, !=, main_sum);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (crashed, NULL);

    g_assert_true (has_headline (library, "Ferry runs aground"));
    g_assert_true (has_headline (library, "Tug frees the ferry"));
  }

  g_unlink (kept_wal);
  remove_library (crashed);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* A library left by a crash, its WAL beside it but no index (-shm), in a
 * folder its reader may not write: SQLite cannot read the WAL without
 * making the index, so the reader reads the library as last saved, and
 * says it could not read the working file rather than that the file is
 * another library's. Run as an ordinary user (root writes anywhere). */
static void
test_own_wal_in_a_read_only_folder (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = make_library (dir);
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  g_autofree char *crashed = g_build_filename (folder, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *crashed_shm = g_strconcat (crashed, "-shm", NULL);
  g_autofree char *kept_wal = NULL;
  pid_t pid;
  int status;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    add_story (library, "Ferry runs aground");
    copy_file (path, crashed);
    kept_wal = copy_wal_of_open_library (path, "crashed-wal");
  }
  copy_file (kept_wal, crashed_wal);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (crashed, 0644), ==, 0);
  g_assert_cmpint (g_chmod (crashed_wal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr (LedeLibrary) reader = NULL;
      const char *notice;

      if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
        _exit (10);
      if (g_access (folder, W_OK) == 0)
        _exit (11);
      reader = lede_library_open_for_reading (crashed, NULL);
      if (reader == NULL)
        _exit (12);
      notice = lede_library_get_notice (reader);
      if (notice == NULL || strstr (notice, "could not read the working file") == NULL ||
          strstr (notice, "read-only") == NULL)
        _exit (13);
      if (!has_headline (reader, "Tide gauge fails on the night of the surge"))
        _exit (14);
      g_clear_object (&reader);
      /* A writer is refused in the same words, the WAL left as it is. */
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (LedeLibrary) writer = lede_library_open (crashed, &error);

        if (writer != NULL || error == NULL || strstr (error->message, "could not read the working file") == NULL)
          _exit (15);
      }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  /* Where the user nobody cannot be, or cannot reach the test's folder. */
  if (WEXITSTATUS (status) == 10 || WEXITSTATUS (status) == 12)
    g_test_skip ("an ordinary user cannot reach the test's folder here");
  else
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_file_test (crashed_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (crashed_shm, G_FILE_TEST_EXISTS));

  g_chmod (folder, 0755);
  g_unlink (kept_wal);
  remove_library (crashed);
  remove_library (path);
  lede_test_rmdir (dir);
}

/* A pipe, a device or a socket as a library is refused at once: opening a
 * pipe would otherwise wait for a writer for ever. */
static void
test_not_a_file (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  library = lede_library_open (fifo, &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN);
  g_clear_error (&error);
  library = lede_library_open_for_reading ("/dev/null", &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN);
  g_assert_false (g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS));

  g_unlink (fifo);
  lede_test_rmdir (dir);
}

static gboolean
has_exported_file (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (name[0] != '.')
      return TRUE;
  return FALSE;
}

/* An export batch killed at random moments leaves whole files and nothing
 * else: no temporary file, no file cut short. */
static void
test_export_killed (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *pristine = make_library (dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr (GString) body = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (body, "The council met late into the night to settle the harbour budget. ");
  {
    g_autoptr (LedeLibrary) library = lede_library_open (pristine, NULL);
    for (guint i = 0; i < 60; i++)
      {
        g_autoptr (LedeArticle) article = lede_article_new ();
        g_autofree char *headline = g_strdup_printf ("Budget night, hour %u", i);

        lede_article_set_headline (article, headline);
        lede_article_set_body (article, body->str);
        g_assert_true (lede_library_create_article (library, article, NULL));
      }
  }

  guint cut_mid_batch = 0;

  for (guint round = 0; round < 12; round++)
    {
      guint files;
      int status;
      pid_t pid;
      g_autoptr (GDir) d = NULL;
      const char *name;

      lede_test_rmdir (out);
      g_mkdir (out, 0755);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr (LedeLibrary) library = lede_library_open_for_reading (pristine, NULL);
          g_autoptr (GArray) ids = lede_library_list_ids (library, FALSE, NULL);
          g_autoptr (GPtrArray) articles = lede_library_get_articles (library, ids, NULL);
          g_autoptr (LedeExportBatch) batch = lede_export_batch_new (library, articles, LEDE_EXPORT_FORMAT_HTML,
                                                                     out, round % 2 ? LEDE_EXPORT_FLAGS_OVERWRITE : 0, NULL);
          lede_export_batch_run (batch, NULL, NULL);
          _exit (0);
        }
      /* Half the kills at any moment, half once the first file is out (a
       * slow build, under sanitizers, may not get that far in 40 ms). */
      if (round % 2 == 0)
        g_usleep (g_random_int_range (0, 40000));
      else
        {
          gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

          while (!has_exported_file (out) && g_get_monotonic_time () < deadline)
            g_usleep (500);
          g_usleep (g_random_int_range (0, 5000));
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      /* Replacing a file needs a name to rename from: a kill in the moment
       * between link() and rename() can leave that hidden name behind
       * (lede-atomic-file.c). Writing new files leaves nothing. */
      if (round % 2 == 0)
        g_assert_false (lede_test_has_hidden_files (out));
      d = g_dir_open (out, 0, NULL);
      files = 0;
      while ((name = g_dir_read_name (d)))
        {
          files++;
          g_autofree char *file = g_build_filename (out, name, NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
          g_assert_true (g_str_has_suffix (contents, "</html>\n"));
        }
      g_test_message ("round %u: %u files", round, files);
      if (files > 0 && files < 60)
        cut_mid_batch++;
    }
  /* Or the kills all fell before or after the batch, proving nothing. */
  g_assert_cmpuint (cut_mid_batch, >, 0);
  remove_library (pristine);
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lede/crash-matrix/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_change);
    }
  g_test_add_func ("/lede/crash-matrix/migration", test_migration);
  g_test_add_func ("/lede/crash-matrix/export-killed", test_export_killed);
  g_test_add_func ("/lede/crash-matrix/stray-wal-of-another-library", test_stray_wal_of_another_library);
  g_test_add_func ("/lede/crash-matrix/stray-wal-of-an-older-copy", test_stray_wal_of_an_older_copy);
  g_test_add_func ("/lede/crash-matrix/stray-wal-through-a-link", test_stray_wal_through_a_link);
  g_test_add_func ("/lede/crash-matrix/stray-wal-in-another-process", test_stray_wal_in_another_process);
  g_test_add_func ("/lede/crash-matrix/other-programs-database-with-its-wal", test_other_programs_database_with_its_wal);
  g_test_add_func ("/lede/crash-matrix/stray-wal-over-a-restored-backup", test_stray_wal_over_a_restored_backup);
  g_test_add_func ("/lede/crash-matrix/damaged-page", test_damaged_page);
  g_test_add_func ("/lede/crash-matrix/crash-then-damage", test_crash_then_damage);
  g_test_add_func ("/lede/crash-matrix/crash-then-whole", test_crash_then_whole);
  g_test_add_func ("/lede/crash-matrix/own-wal-in-a-read-only-folder", test_own_wal_in_a_read_only_folder);
  g_test_add_func ("/lede/crash-matrix/not-a-file", test_not_a_file);

  return g_test_run ();
}
