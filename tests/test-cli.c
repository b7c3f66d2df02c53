/* test-cli.c: lede-cli list, search, import and export on a real library,
 * and its exit codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "lede-library.h"
#include "lede-test-utils.h"

/* A published story changed since it last went out leaves lede-cli only
 * with --correction KIND:NOTE (logged, and on the page) or --no-correction;
 * without either it is left out, exit 3, and told how. */
static void
test_export_correction (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *page_path = g_build_filename (out, "quarry-expansion-approved.html", NULL);
  g_autofree char *page = NULL;
  g_autofree char *uuid = NULL;
  const char *export_args[] = { "--library", path, "export", "--format", "html", "--out", out, "--overwrite", "--force", "--all",
                                NULL, NULL };

  g_mkdir (out, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_article_new ();

    lede_article_set_headline (article, "Quarry expansion approved");
    lede_article_set_byline (article, "Ifan Rowe");
    lede_article_set_body (article, "Five million tonnes will be dug, the council said.\n");
    lede_article_set_status (article, LEDE_ARTICLE_STATUS_PUBLISHED);
    g_assert_true (lede_library_create_article (library, article, NULL));
    uuid = g_strdup (lede_article_get_uuid (article));
  }
  g_assert_cmpint (lede_test_run_cli (export_args, NULL, NULL), ==, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuid, NULL);

    lede_article_set_body (article, "5.2 million tonnes will be dug, the council said.\n");
    g_assert_true (lede_library_update_article (library, article, NULL));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (lede_test_run_cli (export_args, NULL, &err), ==, 3);
    g_assert_nonnull (strstr (err, "--correction KIND:NOTE or --no-correction"));
  }
  export_args[10] = "--correction=correction:The tonnage was 5.2 million, not five million.";
  g_assert_cmpint (lede_test_run_cli (export_args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "The tonnage was 5.2 million, not five million."));
  {
    g_autoptr (LedeLibrary) library = lede_library_open_for_reading (path, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuid, NULL);
    g_autoptr (GPtrArray) log = lede_library_list_corrections (library, lede_article_get_id (article), NULL);

    g_assert_cmpuint (log->len, ==, 1);
  }
  /* Went out with its answer: asked nothing the next time. */
  export_args[10] = NULL;
  g_assert_cmpint (lede_test_run_cli (export_args, NULL, NULL), ==, 0);
  g_unlink (page_path);
  lede_test_rmdir (dir);
}

/* The page of the library that @table's b-tree starts on (dbstat). */
static gint64
first_page_of (const char *path,
               const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT min(pageno) FROM dbstat WHERE name = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        page = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return page;
}

/* A library lede-cli cannot write to still exports, with a warning that
 * nothing is recorded: one a Lede has open that cannot be asked (no
 * session bus), and one the whole check finds damaged, which is when the
 * message tells the writer to export what they need. */
static void
test_export_unwritable (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *page_path = g_build_filename (out, "lifeboat-crew-honoured.md", NULL);
  const char *export_args[] = { "--library", path, "export", "--format", "md", "--out", out, "--overwrite", "--all", NULL };
  g_autofree char *before = NULL;
  gint64 page;

  g_mkdir (out, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_article_new ();

    lede_article_set_headline (article, "Lifeboat crew honoured");
    lede_article_set_byline (article, "Mair Pennant");
    lede_article_set_body (article, "The crew of the Marrowby lifeboat were given medals on Saturday.\n");
    g_assert_true (lede_library_create_article (library, article, NULL));

    {
      g_autofree char *err = NULL;

      g_assert_cmpint (lede_test_run_cli (export_args, NULL, &err), ==, 0);
      g_assert_nonnull (strstr (err, "cannot be written to: what goes out is not recorded"));
      g_assert_null (strstr (err, "CRITICAL"));
      g_assert_true (g_file_test (page_path, G_FILE_TEST_IS_REGULAR));
    }
  }
  g_unlink (page_path);

  /* Damage where export does not read: the search index. */
  page = first_page_of (path, "articles_fts_idx");
  if (page < 1)
    {
      g_test_skip ("this SQLite has no dbstat table");
      lede_test_rmdir (dir);
      return;
    }
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >=, (gsize)page * 4096);
    memset (contents + (page - 1) * 4096, 0xAB, 4096);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }
  before = lede_test_checksum_file (path);
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (lede_test_run_cli (export_args, NULL, &err), ==, 0);
    g_assert_nonnull (strstr (err, "damaged"));
    g_assert_nonnull (strstr (err, "cannot be written to: what goes out is not recorded"));
    g_assert_null (strstr (err, "CRITICAL"));
  }
  g_assert_true (g_file_test (page_path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *after = lede_test_checksum_file (path);

    g_assert_cmpstr (before, ==, after);
  }
  g_unlink (page_path);
  lede_test_rmdir (dir);
}

/* A library on a read-only disk (a mount of its own, in a mount namespace
 * of its own, so it goes with the process): import is refused in those
 * words, export goes ahead with its warning. Skipped where the test may
 * not mount (not root). */
static void
test_read_only_disk (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *shelf = g_build_filename (dir, "shelf", NULL);
  g_autofree char *disk = g_build_filename (dir, "disk", NULL);
  g_autofree char *path = g_build_filename (shelf, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *page_path = g_build_filename (out, "harbour-dues-frozen.md", NULL);
  g_autofree char *story = g_build_filename (dir, "story.md", NULL);
  g_autofree char *script = NULL, *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  int status = 0;

  g_mkdir (shelf, 0755);
  g_mkdir (disk, 0755);
  g_mkdir (out, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_article_new ();

    lede_article_set_headline (article, "Harbour dues frozen");
    lede_article_set_body (article, "Boat owners will pay what they paid last year.\n");
    g_assert_true (lede_library_create_article (library, article, NULL));
  }
  g_assert_true (g_file_set_contents (story, "---\ntitle: \"Pier reopens\"\n---\n\nIt did.\n", -1, NULL));

  script = g_strdup_printf ("mount --bind '%s' '%s' && mount -o remount,ro,bind '%s' || exit 77; "
                            "'%s' --library '%s/library.db' import '%s'; echo \"import $?\"; "
                            "'%s' --library '%s/library.db' export --format md --out '%s' --all; echo \"export $?\"",
                            shelf, disk, disk, g_getenv ("LEDE_CLI"), disk, story, g_getenv ("LEDE_CLI"), disk, out);
  g_spawn_sync (NULL, (char **)(const char *[]) { "unshare", "--mount", "--propagation", "private", "sh", "-c", script, NULL },
                env, G_SPAWN_SEARCH_PATH, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_test_skip ("cannot mount a read-only disk here (not root)");
      lede_test_rmdir (dir);
      return;
    }
  g_assert_nonnull (strstr (stdout_text, "import 2"));
  g_assert_nonnull (strstr (stdout_text, "export 0"));
  g_assert_nonnull (strstr (stderr_text, "the library is on a read-only disk"));
  g_assert_nonnull (strstr (stderr_text, "cannot be written to: what goes out is not recorded"));
  g_assert_true (g_file_test (page_path, G_FILE_TEST_IS_REGULAR));
  g_unlink (page_path);
  lede_test_rmdir (dir);
}

/* Two stories with one slug in one export: the first is written, the
 * second is not written over it (with --overwrite too, which is for files
 * of an earlier export), and the writer is told which and why. */
static void
test_export_same_slug (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *page_path = g_build_filename (out, "lighthouse-keeper.md", NULL);
  const char *export_args[] = { "--library", path, "export", "--format", "md", "--out", out, "--overwrite", "--all", NULL };
  g_autofree char *err = NULL, *page = NULL;
  const char *headlines[] = { "Lighthouse keeper retires", "Lighthouse keeper's logbook found" };

  g_mkdir (out, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
      {
        g_autoptr (LedeArticle) article = lede_article_new ();

        lede_article_set_headline (article, headlines[i]);
        lede_article_set_slug (article, "lighthouse-keeper");
        lede_article_set_byline (article, "Osian Bray");
        lede_article_set_body (article, "Forty years on the rock.\n");
        g_assert_true (lede_library_create_article (library, article, NULL));
      }
  }
  g_assert_cmpint (lede_test_run_cli (export_args, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "exported 1, failed 1"));
  g_assert_nonnull (strstr (err, "another story in this export has the same file name, “lighthouse-keeper.md”"));
  g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
  /* The file is whole, one story's: the other's headline is in the error. */
  g_assert_true ((strstr (page, headlines[0]) != NULL) != (strstr (page, headlines[1]) != NULL));
  g_assert_nonnull (strstr (err, strstr (page, headlines[0]) ? headlines[1] : headlines[0]));
  g_unlink (page_path);
  lede_test_rmdir (dir);
}

/* lede-cli on a "full disk": files it writes may not grow past the size
 * given, as the children of lede_test_limit_file_size() see. */
static void
limit_child_file_size (gpointer data)
{
  lede_test_limit_file_size (GPOINTER_TO_SIZE (data));
}

/* An import the disk refused prints no uuid of a story that is not there:
 * a script reading the output sees nothing imported, as stderr says. */
static void
test_import_on_a_full_disk (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *story = g_build_filename (dir, "long-read.md", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GString) body = g_string_new ("---\ntitle: \"Harbour wall: the long read\"\n---\n\n");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  GStatBuf st;
  int status = 0;

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", NULL }, NULL, NULL), !=, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_assert_nonnull (library);
  }
  for (guint i = 0; i < 20000; i++)
    g_string_append (body, "The sea wall was repaired in a week of spring tides. ");
  g_assert_true (g_file_set_contents (story, body->str, body->len, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  g_spawn_sync (NULL, (char **)(const char *[]) { g_getenv ("LEDE_CLI"), "--library", path, "import", story, NULL },
                env, G_SPAWN_DEFAULT, limit_child_file_size, GSIZE_TO_POINTER ((gsize)st.st_size + 64 * 1024),
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "nothing was imported"));

  g_unlink (story);
  lede_test_rmdir (dir);
}

static JsonArray *
parse_array (JsonParser *parser,
             const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_list_and_search (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) one = lede_article_new ();
  g_autoptr (LedeArticle) two = lede_article_new ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *array;
  JsonObject *first;

  lede_article_set_headline (one, "Lifeboat crew \"rescues\" swimmer");
  lede_article_set_body (one, "The lifeboat launched at dawn.");
  lede_article_set_status (one, LEDE_ARTICLE_STATUS_READY);
  lede_article_set_headline (two, "Market hall to close");
  lede_article_set_body (two, "Traders were told on Monday.");
  g_assert_true (lede_library_create_article (library, one, NULL));
  g_assert_true (lede_library_create_article (library, two, NULL));
  g_clear_object (&library);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--json", NULL }, &out, &err), ==, 0);
  array = parse_array (parser, out);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "headline"), ==, "Market hall to close");
  g_assert_cmpstr (json_object_get_string_member (first, "uuid"), ==, lede_article_get_uuid (two));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "status"), ==, "ready");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Lifeboat crew \"rescues\" swimmer"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "search", "lifeboat", "--json", NULL }, &out, &err), ==, 0);
  array = parse_array (parser, out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "uuid"), ==, lede_article_get_uuid (one));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "snippet"), "[Lifeboat]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not FTS5 syntax: searched as words, not an error. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "search", "market AND (", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Market hall to close"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  lede_test_rmdir (dir);
}

static void
test_exit_codes (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *good = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "shopping list\n", -1, NULL));

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", good, NULL }, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", good, "broadcast", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "unknown command"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", good, "search", NULL }, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", bad, "list", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "not a Lede library"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  lede_test_rmdir (dir);
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "stories", name, NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
forget (char **out,
        char **err)
{
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
}

static void
test_import_export (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *md = sample ("harbour-pilot.md");
  g_autofree char *txt = sample ("school-meals.txt");
  g_autofree char *awkward = sample ("awkward-fields.md");
  g_autofree char *latin1 = g_build_filename (dir, "latin1.md", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_mkdir (out_dir, 0755);
  g_assert_true (g_file_set_contents (latin1, "Caf\xe9 na\xc3\xafve\n", -1, NULL));

  /* One bad file among good ones: the good ones go in, the bad one is
   * named on stderr with its reason, and the exit status says so. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "import", md, latin1, txt, awkward, NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "latin1.md"));
  g_assert_nonnull (strstr (err, "not valid UTF-8 at line 1, column 4"));
  g_assert_nonnull (strstr (err, "imported 3, updated 0, skipped 0, failed 1"));
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  forget (&out, &err);

  /* By status, by tag, by uuid, all. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out_dir,
                                               "--status", "published", NULL }, &out, &err), ==, 0);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "ninjs", "--out", out_dir,
                                               "--tag", "food", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_suffix (g_strstrip (out), "hillcrest-pupils-to-grow-their-own-school-dinners.json"));
  forget (&out, &err);
  {
    g_auto (GStrv) fields = g_strsplit (lines[0], "\t", 2);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "fragment", "--out", out_dir,
                                                 fields[0], NULL }, &out, &err), ==, 0);
    g_assert_true (g_str_has_suffix (g_strstrip (out), "pilot-boat-crew-inquiry.fragment.html"));
    forget (&out, &err);
  }
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "html", "--out", out_dir,
                                               "--all", NULL }, &out, &err), ==, 0);
  g_assert_cmpuint (count_files (out_dir), ==, 6);
  forget (&out, &err);

  /* Never a silent overwrite; --overwrite replaces. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "html", "--out", out_dir,
                                               "--all", NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "already exists"));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "html", "--out", out_dir,
                                               "--all", "--overwrite", NULL }, &out, &err), ==, 0);
  forget (&out, &err);

  /* Without its zip module (an installation missing a file), Word
   * documents are refused in words, and nothing is written. */
  {
    g_autofree char *no_modules = g_build_filename (dir, "no-modules", NULL);
    g_autofree char *docx_dir = g_build_filename (dir, "docx", NULL);
    int status;

    g_assert_cmpint (g_mkdir (no_modules, 0700), ==, 0);
    g_assert_cmpint (g_mkdir (docx_dir, 0700), ==, 0);
    g_setenv ("LEDE_MODULE_DIR", no_modules, TRUE);
    status = lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "docx", "--out", docx_dir,
                                                   "--all", NULL }, &out, &err);
    g_unsetenv ("LEDE_MODULE_DIR");
    g_assert_cmpint (status, ==, 3);
    /* Said once, not once a story. */
    g_assert_nonnull (strstr (err, "Lede cannot write Word documents: a file of Lede’s is missing"));
    g_assert_null (strstr (strstr (err, "Lede cannot write Word documents") + 1, "Lede cannot write Word documents"));
    g_assert_cmpuint (count_files (docx_dir), ==, 0);
    forget (&out, &err);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "docx", "--out", docx_dir,
                                                           "--all", NULL }, &out, &err), ==, 0);
    g_assert_cmpuint (count_files (docx_dir), >, 0);
    forget (&out, &err);
  }

  /* Wrong usage. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "pdf", "--out", out_dir, "--all", NULL }, &out, &err), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--all", NULL }, &out, &err), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out_dir, NULL }, &out, &err), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out_dir, "--status", "filed", NULL }, &out, &err), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "import", NULL }, &out, &err), ==, 1);
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", md, "--all", NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "is not a folder"));
  forget (&out, &err);
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
    g_autofree char *loop = g_build_filename (dir, "loop.md", NULL);

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", missing, "--all", NULL }, &out, &err), ==, 3);
    g_assert_nonnull (strstr (err, "There is no folder"));
    forget (&out, &err);
    /* What cannot be a story says what it is. */
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "import", dir, NULL }, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "it is a folder, not a file"));
    forget (&out, &err);
    g_assert_cmpint (symlink (loop, loop), ==, 0);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "import", loop, NULL }, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "it is a link that leads to no file"));
    forget (&out, &err);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "verify", dir, NULL }, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "is a folder: a backup is a file in it"));
    forget (&out, &err);
    g_unlink (loop);
  }

  lede_test_rmdir (dir);
}

static char *
checksum_or_none (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) ? lede_test_checksum_file (path) : g_strdup ("none");
}

/* This process is the writer (as a window is), and does what a file
 * chooser does to the library's files. lede-cli may read at any time and
 * sees what was saved a moment ago, but changes no byte; it cannot write
 * and says why; and what the writer saves afterwards still reaches the
 * file (on old Lede the reader deleted the writer's WAL). */
static void
test_writer_and_reader (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *story = sample ("harbour-pilot.md");
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *out = NULL, *err = NULL;
  char *before[3] = { NULL }, *after[3] = { NULL };
  const char *files[] = { path, wal, shm };
  g_autoptr (GPtrArray) hits = NULL;

  lede_article_set_headline (article, "Ferry timetable changes");
  lede_article_set_body (article, "The winter timetable starts on Monday.");
  g_assert_true (lede_library_create_article (library, article, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      int fd = open (files[i], O_RDONLY);
      g_assert_cmpint (fd, >=, 0);
      close (fd);
      before[i] = checksum_or_none (files[i]);
    }

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "search", "timetable", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Ferry timetable changes"));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Ferry timetable changes"));
  forget (&out, &err);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      after[i] = checksum_or_none (files[i]);
      g_assert_cmpstr (before[i], ==, after[i]);
    }

  /* No Lede on a bus to hand the import to: refused, nothing written. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "import", story, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Lede has this library open; close it or run the command from the window"));
  forget (&out, &err);
  g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, 1);

  lede_article_set_body (article, "The winter timetable starts on Tuesday instead.");
  g_assert_true (lede_library_update_article (library, article, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "search", "tuesday", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Ferry timetable changes"));
  forget (&out, &err);

  /* Closed: the file holds it all on its own. */
  g_clear_object (&library);
  library = lede_library_open_for_reading (path, NULL);
  hits = lede_library_search (library, "tuesday", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_object (&library);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_free (before[i]);
      g_free (after[i]);
    }
  lede_test_rmdir (dir);
}

static void
test_trash_and_restore (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *out = NULL, *err = NULL;
  const char *uuid;

  lede_article_set_headline (article, "Quay Street bakery to close");
  g_assert_true (lede_library_create_article (library, article, NULL));
  uuid = lede_article_get_uuid (article);
  g_clear_object (&library);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "trash", uuid, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Quay Street bakery to close"));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--trash", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, uuid));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", NULL }, &out, &err), ==, 0);
  g_assert_null (strstr (out, uuid));
  forget (&out, &err);

  /* Twice, or a story that is not there: said, and the status says so. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "trash", uuid, NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "in the trash already"));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "restore", uuid,
                                               "00000000-0000-4000-8000-000000000000", NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "no story 00000000-0000-4000-8000-000000000000"));
  g_assert_nonnull (strstr (err, "restored 1, failed 1"));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, uuid));
  forget (&out, &err);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "restore", NULL }, &out, &err), ==, 1);
  forget (&out, &err);

  lede_test_rmdir (dir);
}

/* An embargoed or spiked story cannot go out by accident. */
static void
test_export_gate (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *forced = g_build_filename (dir, "forced", NULL);
  g_autofree char *spiked_uuid = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;

  g_mkdir (out, 0755);
  g_mkdir (forced, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) plain = lede_article_new ();
    g_autoptr (LedeArticle) embargoed = lede_article_new ();
    g_autoptr (LedeArticle) spiked = lede_article_new ();
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);

    lede_article_set_headline (plain, "Harbour fees frozen");
    lede_article_set_headline (embargoed, "Lifeboat medals announced");
    lede_article_set_embargo (embargoed, tomorrow);
    lede_article_set_headline (spiked, "Rumour about the pier");
    lede_article_set_status (spiked, LEDE_ARTICLE_STATUS_SPIKED);
    g_assert_true (lede_library_create_article (library, plain, NULL));
    g_assert_true (lede_library_create_article (library, embargoed, NULL));
    g_assert_true (lede_library_create_article (library, spiked, NULL));
    spiked_uuid = g_strdup (lede_article_get_uuid (spiked));
  }

  /* --all: the embargoed story is refused (exit 3, named), the spiked one
   * left out, the rest written. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "html", "--out", out, "--all", NULL },
                            &stdout_text, &stderr_text), ==, 3);
  g_assert_nonnull (strstr (stderr_text, "“Lifeboat medals announced” was not exported. Under embargo until"));
  g_assert_nonnull (strstr (stderr_text, "--force"));
  g_assert_nonnull (strstr (stderr_text, "left out “Rumour about the pier”: it is spiked"));
  g_assert_cmpuint (count_files (out), ==, 1);
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* --force and --include-spiked: all three. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", forced, "--all",
                                               "--force", "--include-spiked", NULL },
                            &stdout_text, &stderr_text), ==, 0);
  g_assert_cmpuint (count_files (forced), ==, 3);
  {
    g_autofree char *md = g_build_filename (forced, "lifeboat-medals-announced.md", NULL);
    g_autofree char *text = NULL;

    /* Written anyway, it says so: a draft with its embargo. */
    g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "draft: true\n"));
    g_assert_nonnull (strstr (text, "\nembargo: "));
  }
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* Asked for by its uuid, a spiked story goes out. */
  lede_test_rmdir (out);
  g_mkdir (out, 0755);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "ninjs", "--out", out, spiked_uuid, NULL },
                            &stdout_text, &stderr_text), ==, 0);
  g_assert_cmpuint (count_files (out), ==, 1);
  lede_test_rmdir (dir);
}

/* lede-cli check: the findings in words or JSON, exit 4 when one blocks,
 * and export refusing the same story. */
static void
test_check (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *clean_uuid = NULL, *unready_uuid = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *stories, *findings;

  g_mkdir (out, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) clean = lede_article_new ();
    g_autoptr (LedeArticle) unready = lede_article_new ();

    lede_article_set_headline (clean, "Harbour fees frozen");
    lede_article_set_body (clean, "The harbour board froze its fees for a second year.\n");
    lede_article_set_headline (unready, "Ferry fares rise TK");
    lede_article_set_body (unready, "Fares rose 20% from 50 to 65 on Tuesday, March 3, 2026.\n");
    lede_article_set_status (unready, LEDE_ARTICLE_STATUS_READY);
    g_assert_true (lede_library_create_article (library, clean, NULL));
    g_assert_true (lede_library_create_article (library, unready, NULL));
    clean_uuid = g_strdup (lede_article_get_uuid (clean));
    unready_uuid = g_strdup (lede_article_get_uuid (unready));
  }

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "check", clean_uuid, NULL }, &stdout_text, &stderr_text), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "Harbour fees frozen: Nothing found"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "check", "--all", NULL }, &stdout_text, &stderr_text), ==, 4);
  g_assert_nonnull (strstr (stdout_text, "  blocking Headline: A placeholder is still in: “TK”.\n"));
  g_assert_nonnull (strstr (stdout_text, "  blocking Byline: It is marked ready but has no byline.\n"));
  g_assert_nonnull (strstr (stdout_text, "  warning  Graf 1, line 1: 20%, but from 50 to 65 is a change of 30%.\n"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "check", "--json", unready_uuid, NULL },
                            &stdout_text, &stderr_text), ==, 4);
  g_assert_true (json_parser_load_from_data (parser, stdout_text, -1, NULL));
  stories = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (stories), ==, 1);
  findings = json_object_get_array_member (json_array_get_object_element (stories, 0), "findings");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, 0), "severity"), ==, "blocking");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, 0), "kind"), ==, "placeholder");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, 0), "text"), ==, "TK");
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* Export refuses what check blocks; a wrong choice of stories is usage. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out, unready_uuid, NULL },
                            &stdout_text, &stderr_text), ==, 3);
  g_assert_nonnull (strstr (stderr_text, "“Ferry fares rise TK” was not exported. A placeholder is still in"));
  g_assert_cmpuint (count_files (out), ==, 0);
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "check", NULL }, &stdout_text, &stderr_text), ==, 1);
  lede_test_rmdir (dir);
}

/* history, show-revision and restore UUID REV. */
static void
test_revisions (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *uuid = NULL, *first = NULL, *other = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *revisions;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_article_new ();
    g_autoptr (GPtrArray) kept = NULL;

    lede_article_set_headline (article, "Pier reopens");
    lede_article_set_body (article, "The pier reopened on Saturday.\n");
    g_assert_true (lede_library_create_article (library, article, NULL));
    g_assert_true (lede_library_keep_revision (library, article, "left the story", "as filed", NULL, NULL));
    lede_article_set_body (article, "The pier reopened on Sunday, a day late.\n");
    g_assert_true (lede_library_update_article (library, article, NULL));
    g_assert_true (lede_library_keep_revision (library, article, "status: ready", NULL, NULL, NULL));
    kept = lede_library_list_revisions (library, lede_article_get_id (article), NULL);
    first = g_strdup_printf ("%" G_GINT64_FORMAT, ((LedeRevision *)g_ptr_array_index (kept, 1))->id);
    uuid = g_strdup (lede_article_get_uuid (article));
    other = g_strdup_printf ("%" G_GINT64_FORMAT, ((LedeRevision *)g_ptr_array_index (kept, 0))->id + 100);
  }

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "history", "--json", uuid, NULL }, &stdout_text, &stderr_text), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, stdout_text, -1, NULL));
  revisions = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (revisions), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (revisions, 1), "name"), ==, "as filed");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (revisions, 1), "words"), ==, 5);
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "show-revision", uuid, first, NULL }, &stdout_text, &stderr_text), ==, 0);
  g_assert_true (g_str_has_prefix (stdout_text, "---\ntitle: \"Pier reopens\"\n"));
  g_assert_true (g_str_has_suffix (stdout_text, "---\n\nThe pier reopened on Saturday.\n"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "restore", uuid, other, NULL }, &stdout_text, &stderr_text), ==, 3);
  g_assert_nonnull (strstr (stderr_text, "has no revision"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "restore", uuid, first, NULL }, &stdout_text, &stderr_text), ==, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuid, NULL);
    g_autoptr (GPtrArray) kept = lede_library_list_revisions (library, lede_article_get_id (article), NULL);

    g_assert_cmpstr (lede_article_get_body (article), ==, "The pier reopened on Saturday.\n");
    /* The story as it was before is the newest revision already. */
    g_assert_cmpuint (kept->len, ==, 2);
  }
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "history", NULL }, &stdout_text, &stderr_text), ==, 1);
  lede_test_rmdir (dir);
}

/* A time @days from now, as front matter writes it. */
static char *
cli_days_from_now (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* lede-cli import (issue 23): a lastmod in the future is clamped and said;
 * the same wire text twice is skipped (in the trash, said so; --as-new
 * takes it); JSON, XML and DOCX are refused in words with exit 3; an
 * embargo that holds is kept unless --lift-embargo. */
static void
test_import_guards (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *future = g_build_filename (dir, "future.md", NULL);
  g_autofree char *wire = g_build_filename (dir, "wire.txt", NULL);
  g_autofree char *ninjs = g_build_filename (dir, "story.json", NULL);
  g_autofree char *newsml = g_build_filename (dir, "story.xml", NULL);
  g_autofree char *docx = g_build_filename (dir, "story.docx", NULL);
  g_autofree char *held = g_build_filename (dir, "held.md", NULL);
  g_autofree char *lifted = g_build_filename (dir, "lifted.md", NULL);
  g_autofree char *three_days_ago = cli_days_from_now (-3), *two_days_ago = cli_days_from_now (-2);
  g_autofree char *in_two_days = cli_days_from_now (2);
  g_autofree char *held_text = g_strdup_printf ("---\ntitle: \"Held\"\nuuid: \"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\"\n"
                                                "lastmod: %s\nembargo: %s\n---\n\nHeld.\n", three_days_ago, in_two_days);
  g_autofree char *lifted_text = g_strdup_printf ("---\ntitle: \"Held\"\nuuid: \"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\"\n"
                                                  "lastmod: %s\n---\n\nNo longer held.\n", two_days_ago);
  static const char docx_bytes[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml";

  g_assert_true (g_file_set_contents (future, "---\ntitle: \"From the future\"\nlastmod: 2999-01-01T00:00:00Z\n---\n\nSoon.\n", -1, NULL));
  g_assert_true (g_file_set_contents (wire, "Ferry fares rise\n\nA tenth dearer.\n\nFuel, the operator said.\n", -1, NULL));
  g_assert_true (g_file_set_contents (ninjs, "{\"title\": \"Fares\", \"body\": \"Fares rise.\"}\n", -1, NULL));
  g_assert_true (g_file_set_contents (newsml, "<?xml version=\"1.0\"?>\n<rss/>\n", -1, NULL));
  g_assert_true (g_file_set_contents (docx, docx_bytes, sizeof docx_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (held, held_text, -1, NULL));
  g_assert_true (g_file_set_contents (lifted, lifted_text, -1, NULL));

  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", future, wire, NULL }, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "From the future"));
    g_assert_nonnull (strstr (err, "future.md"));
    g_assert_nonnull (strstr (err, "2999-01-01T00:00:00Z, is in the future"));
    g_assert_nonnull (strstr (err, "imported 2, updated 0, skipped 0, failed 0"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", wire, NULL }, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "skipped: Could not import “wire.txt”: it is already in the library"));
    g_assert_nonnull (strstr (err, "imported 0, updated 0, skipped 1, failed 0"));
  }
  {
    g_autofree char *out = NULL, *err = NULL, *list = NULL, *uuid = NULL;
    g_auto (GStrv) lines = NULL;

    /* The wire story's line gives its uuid, to trash it by. */
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "list", NULL }, &list, NULL), ==, 0);
    lines = g_strsplit (list, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], "Ferry fares rise"))
        uuid = g_strndup (lines[i], 36);
    g_assert_nonnull (uuid);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "trash", uuid, NULL }, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", wire, NULL }, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "already in the library, in the trash"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", "--as-new", wire, NULL }, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Ferry fares rise"));
    g_assert_nonnull (strstr (err, "imported 1, updated 0, skipped 0, failed 0"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", ninjs, newsml, docx, NULL }, &out, &err), ==, 3);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "Could not import “story.json”: it is a JSON file; Lede imports Markdown and plain text"));
    g_assert_nonnull (strstr (err, "Could not import “story.xml”: it is an XML file; Lede imports Markdown and plain text"));
    g_assert_nonnull (strstr (err, "Could not import “story.docx”: it is a word-processor file (DOCX)"));
    g_assert_nonnull (strstr (err, "imported 0, updated 0, skipped 0, failed 3"));
  }
  {
    g_autofree char *out = NULL, *err = NULL, *shown = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", held, NULL }, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", lifted, NULL }, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "embargo until"));
    g_assert_nonnull (strstr (err, "the file has none"));
    g_assert_nonnull (strstr (err, "--lift-embargo"));
    g_assert_nonnull (strstr (err, "imported 0, updated 1"));
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "check", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", NULL },
                              &shown, NULL), ==, 4);
    g_assert_nonnull (strstr (shown, "mbargo"));
  }
  {
    g_autofree char *out = NULL, *err = NULL, *shown = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "import", "--lift-embargo", lifted, NULL }, &out, &err), ==, 0);
    g_assert_null (strstr (err, "embargo until"));
    g_assert_nonnull (strstr (err, "imported 0, updated 1"));
    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", library, "check", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", NULL },
                              &shown, NULL), !=, 4);
  }
  {
    g_autofree char *help = NULL;

    g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--help", NULL }, &help, NULL), ==, 0);
    g_assert_nonnull (strstr (help, "--lift-embargo"));
  }
  lede_test_rmdir (dir);
}

/* Without its keyring module (an installation missing a file), a site is
 * still removed from the list, and the password it could not forget is
 * said in words. */
static void
test_keyring_module_missing (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *lede_config = g_build_filename (config, "lede", NULL);
  g_autofree char *sites = g_build_filename (lede_config, "sites.conf", NULL);
  g_autofree char *no_modules = g_build_filename (dir, "no-modules", NULL);
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *left = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (lede_config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (no_modules, 0700), ==, 0);
  g_assert_true (g_file_set_contents (sites, "[gazette]\naddress=https://gazette.example.org/\nuser=ines\n", -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("LEDE_MODULE_DIR", no_modules, TRUE);
  status = lede_test_run_cli ((const char *[]) { "site", "remove", "gazette", NULL }, &out, &err);
  g_unsetenv ("LEDE_MODULE_DIR");
  if (old_config)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, "Lede cannot reach the password store: a file of Lede’s is missing"));
  g_assert_true (g_file_get_contents (sites, &left, NULL, NULL));
  g_assert_null (strstr (left, "gazette"));
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/cli/list-and-search", test_list_and_search);
  g_test_add_func ("/lede/cli/exit-codes", test_exit_codes);
  g_test_add_func ("/lede/cli/import-export", test_import_export);
  g_test_add_func ("/lede/cli/writer-and-reader", test_writer_and_reader);
  g_test_add_func ("/lede/cli/trash-and-restore", test_trash_and_restore);
  g_test_add_func ("/lede/cli/export-gate", test_export_gate);
  g_test_add_func ("/lede/cli/check", test_check);
  g_test_add_func ("/lede/cli/revisions", test_revisions);
  g_test_add_func ("/lede/cli/import-on-a-full-disk", test_import_on_a_full_disk);
  g_test_add_func ("/lede/cli/export-correction", test_export_correction);
  g_test_add_func ("/lede/cli/export-unwritable", test_export_unwritable);
  g_test_add_func ("/lede/cli/read-only-disk", test_read_only_disk);
  g_test_add_func ("/lede/cli/export-same-slug", test_export_same_slug);
  g_test_add_func ("/lede/cli/import-guards", test_import_guards);
  g_test_add_func ("/lede/cli/keyring-module-missing", test_keyring_module_missing);

  return g_test_run ();
}
