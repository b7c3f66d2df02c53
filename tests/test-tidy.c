/* test-tidy.c: the search index tidied in short steps — each one its own
 * transaction, finished in a bounded number of steps, the index whole and
 * every search answering as before; a reader does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "lede-library.h"
#include "lede-search-hit.h"
#include "lede-test-utils.h"

static char *
hits_of (LedeLibrary *library,
         const char  *query)
{
  g_autoptr (GPtrArray) hits = lede_library_search (library, query, 50, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (out, "%" G_GINT64_FORMAT " ", ((LedeSearchHit *)g_ptr_array_index (hits, i))->id);
  return g_string_free (out, FALSE);
}

/* FTS5's own check of its index against the table. */
static void
assert_index_whole (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_steps (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  static const char *words[] = { "harbour", "ferry", "council", "lifeboat", "quarry", "school" };
  g_autofree char *before_ferry = NULL, *before_prefix = NULL, *after_ferry = NULL, *after_prefix = NULL;
  gboolean done = FALSE;
  guint steps = 0;

  /* One story a transaction: one small index segment each. */
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("The %s story number %u", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *body = g_strdup_printf ("Councillors met about the %s on day %u.\n", words[(i * 7) % G_N_ELEMENTS (words)], i);

      lede_article_set_headline (article, headline);
      lede_article_set_body (article, body);
      g_assert_true (lede_library_create_article (library, article, NULL));
    }
  before_ferry = hits_of (library, "ferry");
  before_prefix = hits_of (library, "life*");

  while (!done)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (lede_library_tidy_step (library, &done, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (++steps, <, 200);
    }
  g_test_message ("%u steps", steps);
  g_assert_cmpuint (steps, >, 1);

  after_ferry = hits_of (library, "ferry");
  after_prefix = hits_of (library, "life*");
  g_assert_cmpstr (before_ferry, ==, after_ferry);
  g_assert_cmpstr (before_prefix, ==, after_prefix);

  /* Tidy stays tidy: the next step has nothing to do. */
  g_assert_true (lede_library_tidy_step (library, &done, NULL));
  g_assert_true (done);
  g_clear_object (&library);
  assert_index_whole (path);

  /* A reader tidies nothing and writes nothing. */
  {
    g_autofree char *sum = lede_test_checksum_file (path);
    g_autofree char *again = NULL;
    g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (path, NULL);

    g_assert_true (lede_library_tidy_step (reader, &done, NULL));
    g_assert_true (done);
    g_clear_object (&reader);
    again = lede_test_checksum_file (path);
    g_assert_cmpstr (sum, ==, again);
  }
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/tidy/steps", test_steps);
  return g_test_run ();
}
