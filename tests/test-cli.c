/* test-cli.c: lede-cli list and search on a real library, and its exit codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "lede-library.h"
#include "lede-test-utils.h"

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)g_getenv ("LEDE_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
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

  g_assert_cmpint (run_cli ((const char *[]) { "--library", path, "list", "--json", NULL }, &out, &err), ==, 0);
  array = parse_array (parser, out);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "headline"), ==, "Market hall to close");
  g_assert_cmpstr (json_object_get_string_member (first, "uuid"), ==, lede_article_get_uuid (two));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "status"), ==, "ready");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "--library", path, "list", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Lifeboat crew \"rescues\" swimmer"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "--library", path, "search", "lifeboat", "--json", NULL }, &out, &err), ==, 0);
  array = parse_array (parser, out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "uuid"), ==, lede_article_get_uuid (one));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "snippet"), "[Lifeboat]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not FTS5 syntax: searched as words, not an error. */
  g_assert_cmpint (run_cli ((const char *[]) { "--library", path, "search", "market AND (", NULL }, &out, &err), ==, 0);
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

  g_assert_cmpint (run_cli ((const char *[]) { "--library", good, NULL }, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--library", good, "publish", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "unknown command"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--library", good, "search", NULL }, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--library", bad, "list", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "not a Lede library"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/cli/list-and-search", test_list_and_search);
  g_test_add_func ("/lede/cli/exit-codes", test_exit_codes);

  return g_test_run ();
}
