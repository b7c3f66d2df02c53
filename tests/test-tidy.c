/* test-tidy.c: the search index tidied in short steps — each one its own
 * transaction, finished in a bounded number of steps, the index whole and
 * every search answering as before; a reader does nothing. And the search
 * index of a library from before prefix indexes rebuilt in steps while
 * stories change, interrupted, and in the end as a new library's. And
 * the index's words noted by the same steps, so that a long prefix is
 * searched as the words it begins, finding what FTS5's own prefix finds.
 * And an old library's stories copied into story_list by the same steps,
 * every list and tag count the same before and after. And the steps on a
 * thread of their own while the writer writes, and a close that waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "lede-library.h"
#include "lede-library-private.h"
#include "lede-test-old-library.h"
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

static void
assert_hits (LedeLibrary *library,
             const char  *query,
             const char  *expected)
{
  g_autofree char *hits = hits_of (library, query);

  g_assert_cmpstr (hits, ==, expected);
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

/* Whether the checkpoint thread has copied the WAL yet. */
static gboolean
checkpointed (gpointer checkpointer)
{
  return lede_wal_checkpointer_get_count (checkpointer) > 0;
}

static goffset
file_size (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) : -1;
}

/* Story @i of 40 KB (more with the search index): a few fill SQLite's
 * 1,000 pages (4 MB) of WAL. */
static void
add_story (LedeLibrary *library,
           const char  *headline,
           const char  *body)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_article_set_headline (article, headline);
  lede_article_set_body (article, body);
  g_assert_true (lede_library_create_article (library, article, NULL));
}

static void
add_quarry_story (LedeLibrary *library,
                  guint        i)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *headline = g_strdup_printf ("Quarry story %u", i);

  for (guint n = 0; n < 1500; n++)
    g_string_append_printf (body, "The quarry %u closes at dusk. ", n);
  add_story (library, headline, body->str);
}

/* A connection the checkpointer watches (the tidy steps') wakes its thread
 * with its commits, as the writer's do: the writer here writes nothing. */
static void
test_checkpoint_watched (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "watched.db", NULL);
  sqlite3 *writer = NULL, *tidy = NULL;
  LedeWalCheckpointer *checkpointer;

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "PRAGMA journal_mode = WAL; CREATE TABLE grafs (text)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  checkpointer = lede_wal_checkpointer_new (writer);
  g_assert_nonnull (checkpointer);
  g_assert_cmpint (sqlite3_open (path, &tidy), ==, SQLITE_OK);
  lede_wal_checkpointer_watch (checkpointer, tidy);
  /* 2,000 pages of WAL, past the 1,000 that wake the thread. */
  g_assert_cmpint (sqlite3_exec (tidy,
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                                 "INSERT INTO grafs SELECT randomblob (4000) FROM n",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  lede_test_wait_until (checkpointed, checkpointer, 10000);
  sqlite3_close (tidy);
  lede_wal_checkpointer_free (checkpointer);
  sqlite3_close (writer);
  lede_test_rmdir (dir);
}

/* The WAL goes into the file on a thread of its own, the library open and
 * writing: the writer's commits never copy it. */
static void
test_checkpoint_off_thread (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  goffset before;

  g_assert_nonnull (library->checkpointer);
  before = file_size (path);
  /* Stories until SQLite's 1,000 pages of WAL are passed. */
  for (guint i = 0; i < 100 && !checkpointed (library->checkpointer); i++)
    add_quarry_story (library, i);
  lede_test_wait_until (checkpointed, library->checkpointer, 10000);
  g_assert_cmpint (file_size (path), >, before + 1024 * 1024);
  /* The stories are in the main file: read alone, its WAL not looked at,
   * once the thread has stopped (a checkpoint under way ends first; one
   * half done is no file to read). */
  g_clear_pointer (&library->checkpointer, lede_wal_checkpointer_free);
  uri = g_strdup_printf ("file:%s?immutable=1", path);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

static char **read_column (const char *path,
                           const char *sql);

/* FTS5's 'automerge' for the search index, set from a connection of the
 * test's own beside the library's. */
static void
set_automerge (const char *path,
               int         value)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', %d)", value);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
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

  /* One story a transaction: one small index segment each, left unmerged
   * (FTS5's automerge off, as a library rebuilt or written in a hurry can
   * leave levels of many segments). */
  set_automerge (path, 0);
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("The %s story number %u", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *body = g_strdup_printf ("Councillors met about the %s on day %u.\n", words[(i * 7) % G_N_ELEMENTS (words)], i);

      lede_article_set_headline (article, headline);
      lede_article_set_body (article, body);
      g_assert_true (lede_library_create_article (library, article, NULL));
    }
  set_automerge (path, 4);
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

  /* One story more is one small segment, merged as automerge would (once
   * a level has four), not into the rest at once: once the index is
   * large, that rewrote all of it for each new segment. */
  {
    g_autoptr (LedeArticle) article = lede_article_new ();
    g_auto (GStrv) segments = NULL;

    lede_article_set_headline (article, "The quarry story after the tidy");
    g_assert_true (lede_library_create_article (library, article, NULL));
    do
      g_assert_true (lede_library_tidy_step (library, &done, NULL));
    while (!done);
    segments = read_column (path, "SELECT DISTINCT segid FROM articles_fts_idx");
    g_assert_cmpuint (g_strv_length (segments), ==, 2);
  }
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

static char **
read_column (const char *path,
             const char *sql)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (out, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strv_builder_end (out);
}

/* The search index's table and triggers, as SQL. */
static char *
index_schema (const char *path)
{
  g_auto (GStrv) sql = read_column (path, "SELECT sql FROM sqlite_master WHERE sql LIKE '%articles_fts%' "
                                          "AND name NOT LIKE 'articles_fts_%' OR name = 'articles_fts' ORDER BY name");

  return g_strjoinv ("\n", sql);
}

/* FTS5's 'automerge' as @index has it set. */
static void
assert_automerge (const char *path,
                  const char *index,
                  const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT v FROM %s_config WHERE k = 'automerge'", index);
  g_auto (GStrv) values = read_column (path, sql);

  g_assert_cmpuint (g_strv_length (values), ==, 1);
  g_assert_cmpstr (values[0], ==, value);
}

static void
step (LedeLibrary *library,
      gboolean    *done)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (lede_library_tidy_step (library, done, &error));
  g_assert_no_error (error);
}

static void
test_reindex (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *before_ferry = NULL, *before_prefix = NULL, *new_schema = NULL, *now_schema = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  gboolean done = FALSE;
  double progress, was;
  guint steps = 0;

  /* What a library made today has. */
  library = lede_library_open (fresh, NULL);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, -1);
  g_clear_object (&library);
  new_schema = index_schema (fresh);
  g_assert_nonnull (strstr (new_schema, "prefix = '2 3'"));

  lede_test_make_schema_15 (path, 30000);
  library = lede_library_open (path, NULL);
  g_assert_nonnull (library);
  g_assert_cmpint (lede_library_get_schema_version (library), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  progress = lede_library_get_reindex_progress (library);
  g_assert_cmpfloat (progress, ==, 0);
  /* The new index merges in the steps, not as it is written. */
  assert_automerge (path, "articles_fts_next", "0");

  /* The old index answers meanwhile. */
  before_ferry = hits_of (library, "ferry");
  before_prefix = hits_of (library, "life*");
  g_assert_cmpstr (before_ferry, !=, "");
  g_assert_cmpstr (before_prefix, !=, "");

  /* One step, then the library closed mid-way (as by a crash between two
   * steps): opened again, the rebuild goes on from where it stopped. */
  step (library, &done);
  g_assert_false (done);
  was = lede_library_get_reindex_progress (library);
  g_assert_cmpfloat (was, >, 0);
  g_assert_cmpfloat (was, <, 1);
  g_clear_object (&library);
  library = lede_library_open (path, NULL);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, was);

  /* Changes while it is built, behind the rebuild and ahead of it. */
  {
    g_autoptr (LedeArticle) behind = lede_library_get_article (library, 1, NULL);
    g_autoptr (LedeArticle) ahead = lede_library_get_article (library, 29000, NULL);
    g_autoptr (LedeArticle) added = lede_article_new ();
    const char * const tags[] = { "weather", NULL };

    g_assert_true (was * 30000 > 1 && was * 30000 < 29000);
    lede_article_set_body (behind, "The zeppelin landed on the pier.");
    g_assert_true (lede_library_update_article (library, behind, NULL));
    lede_article_set_body (ahead, "The airship landed on the slipway.");
    g_assert_true (lede_library_update_article (library, ahead, NULL));
    g_assert_true (lede_library_trash_article (library, 2, NULL));
    g_assert_true (lede_library_set_tags (library, 3, tags, NULL));
    lede_article_set_headline (added, "Quillwort found on the moor");
    g_assert_true (lede_library_create_article (library, added, NULL));
  }

  while (!done)
    {
      step (library, &done);
      progress = lede_library_get_reindex_progress (library);
      g_assert_true (progress == -1 || progress >= was);
      was = progress;
      g_assert_cmpuint (++steps, <, 10000);
    }
  g_test_message ("%u steps", steps);
  g_assert_cmpuint (steps, >, 1);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, -1);

  assert_hits (library, "zeppelin", "1 ");
  assert_hits (library, "airship", "29000 ");
  assert_hits (library, "quillw*", "30001 ");
  assert_hits (library, "weather", "3 ");
  assert_hits (library, "\"Harbour story 2\"", "");
  g_assert_true (lede_library_restore_article (library, 2, NULL));
  assert_hits (library, "\"Harbour story 2\"", "2 ");
  g_clear_object (&library);
  assert_index_whole (path);
  assert_automerge (path, "articles_fts", "4");

  /* The same table and triggers as a library made today. */
  now_schema = index_schema (path);
  g_assert_cmpstr (now_schema, ==, new_schema);
  lede_test_rmdir (dir);
}

/* One step asked of a thread: its end, as the window's main loop has it. */
typedef struct
{
  GAsyncResult *result;
} StepEnd;

static void
on_step_end (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  StepEnd *end = data;

  g_assert_null (source);
  end->result = g_object_ref (result);
}

static gboolean
step_ended (gpointer data)
{
  return ((StepEnd *)data)->result != NULL;
}

/* One step asked of the thread, and its end: no error. */
static void
step_on_thread (LedeLibrary *library,
                gboolean    *done)
{
  StepEnd end = { NULL };
  g_autoptr (GError) error = NULL;

  lede_library_tidy_step_async (library, NULL, on_step_end, &end);
  lede_test_wait_until (step_ended, &end, 10000);
  g_assert_true (lede_library_tidy_step_finish (library, end.result, done, &error));
  g_assert_no_error (error);
  g_clear_object (&end.result);
}

/* The steps on a thread, through a connection of their own, while the
 * writer writes and searches on the main thread; a step that meets
 * another long write, tried again; then the library closed at once after
 * a step was asked and another asked and called off: the WAL is written
 * in and gone as ever, the library opens again clean, and the step called
 * off says so. */
static void
test_steps_on_thread (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  gboolean done = FALSE;
  guint steps = 0;

  lede_test_make_schema_15 (path, 3000);
  library = lede_library_open (path, NULL);
  g_assert_nonnull (library);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, 0);
  while (!done)
    {
      StepEnd end = { NULL };
      g_autoptr (GError) error = NULL;

      lede_library_tidy_step_async (library, NULL, on_step_end, &end);
      /* The writer meanwhile: a story saved (it waits at most for the
       * step), and searches, which never wait. */
      if (steps % 5 == 0)
        {
          g_autoptr (LedeArticle) article = lede_library_get_article (library, 1 + steps, NULL);
          g_autofree char *body = g_strdup_printf ("Saved during step %u: a narwhal in the estuary.", steps);

          lede_article_set_body (article, body);
          g_assert_true (lede_library_update_article (library, article, NULL));
        }
      g_free (hits_of (library, "harb*"));
      lede_test_wait_until (step_ended, &end, 10000);
      g_assert_true (lede_library_tidy_step_finish (library, end.result, &done, &error));
      g_assert_no_error (error);
      g_clear_object (&end.result);
      g_assert_cmpuint (++steps, <, 10000);
    }
  g_test_message ("%u steps", steps);
  g_assert_cmpuint (steps, >, 5);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, -1);
  {
    g_autofree char *narwhals = hits_of (library, "narwhal");
    g_autofree char *prefixed = hits_of (library, "narw*");

    g_assert_cmpuint (strlen (narwhals), >, 0);
    g_assert_cmpstr (prefixed, ==, narwhals);
  }

  /* Another write holding the library (as an import of the writer's own
   * would): the step gives up, not done and no error, and the next one,
   * once that write is over, does the work. */
  for (guint i = 0; i < 40; i++)
    add_story (library, "Herons nest by the mill", "The herons came back in March.");
  {
    sqlite3 *other = NULL;

    g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    step_on_thread (library, &done);
    g_assert_false (done);
    g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (other);
    for (steps = 0; !done; steps++)
      {
        step_on_thread (library, &done);
        g_assert_cmpuint (steps, <, 100);
      }
  }
  {
    g_autofree char *herons = hits_of (library, "hero*");

    g_assert_cmpuint (strlen (herons), >, 0);
  }

  /* New stories: work for a step. */
  for (guint i = 0; i < 40; i++)
    add_story (library, "Otters return to the weir", "The otters were seen at dawn.");
  {
    StepEnd first = { NULL }, second = { NULL };
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GError) error = NULL;

    lede_library_tidy_step_async (library, NULL, on_step_end, &first);
    lede_library_tidy_step_async (library, cancellable, on_step_end, &second);
    g_cancellable_cancel (cancellable);
    g_clear_object (&library);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    lede_test_wait_until (step_ended, &first, 10000);
    lede_test_wait_until (step_ended, &second, 10000);
    library = lede_library_open (path, NULL);
    g_assert_null (lede_library_get_notice (library));
    g_assert_true (lede_library_tidy_step_finish (library, first.result, &done, &error));
    g_assert_no_error (error);
    g_assert_false (lede_library_tidy_step_finish (library, second.result, &done, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_object (&first.result);
    g_clear_object (&second.result);
  }
  {
    g_autofree char *otters = hits_of (library, "otters");

    g_assert_cmpuint (strlen (otters), >, 0);
  }
  g_clear_object (&library);
  assert_index_whole (path);
  lede_test_rmdir (dir);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The stories @query finds, by id, as FTS5 alone finds them and as the
 * search does: the same. */
static void
assert_finds_as_fts5 (LedeLibrary *library,
                      const char  *query)
{
  g_autoptr (GArray) fts5 = lede_library_match_ids (library, query, NULL);
  g_autoptr (GPtrArray) hits = lede_library_search (library, query, 100000, NULL);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (fts5);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    g_array_append_val (found, ((LedeSearchHit *)g_ptr_array_index (hits, i))->id);
  g_array_sort (found, compare_ids);
  g_assert_cmpuint (found->len, ==, fts5->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (g_array_index (found, gint64, i), ==, g_array_index (fts5, gint64, i));
}

static void
tidy_all (LedeLibrary *library)
{
  gboolean done = FALSE;

  for (guint steps = 0; !done; steps++)
    {
      step (library, &done);
      g_assert_cmpuint (steps, <, 1000);
    }
}

static void
test_words (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  static const char * const words[] = { "council", "councillor", "counsel", "count", "Café", "cafeteria",
                                        "tendon", "tendril", "tender", "harbour" };
  static const char * const queries[] = { "coun*", "Counc*", "cafe*", "CAFÉ*", "tend*", "tendr*", "harbour coun*",
                                          "harbour AND coun*", "tendr* OR cafe*", "\"harbour council\" tend*",
                                          "coun* NOT harbour", "headline:coun*", "zzzz*", "weath*", NULL };
  const char * const tags[] = { "Weatherproof", NULL };

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *headline = g_strdup_printf ("The %s, day %u", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *body = g_strdup_printf ("A %s and a %s met the harbour council.\n",
                                               words[(i * 3) % G_N_ELEMENTS (words)],
                                               words[(i * 7) % G_N_ELEMENTS (words)]);

      add_story (library, headline, body);
    }
  g_assert_true (lede_library_set_tags (library, 5, tags, NULL));

  /* Sixty stories not yet read: every prefix is FTS5's own. */
  for (const char * const *query = queries; *query; query++)
    assert_finds_as_fts5 (library, *query);
  g_assert_null (_lede_library_expand_prefixes (library, "coun*"));

  /* Read by the tidy steps: long prefixes become the words they begin,
   * folded as the index folds them, and find the same stories. */
  tidy_all (library);
  {
    g_autofree char *coun = _lede_library_expand_prefixes (library, "Coun*");
    g_autofree char *cafe = _lede_library_expand_prefixes (library, "harbour CAFÉ* OR tendr*");
    g_autofree char *weather = _lede_library_expand_prefixes (library, "weath*");

    g_assert_cmpstr (coun, ==, "(\"council\" OR \"councillor\" OR \"counsel\" OR \"count\")");
    g_assert_cmpstr (cafe, ==, "harbour AND (\"cafe\" OR \"cafeteria\") OR (\"tendril\")");
    g_assert_cmpstr (weather, ==, "(\"weatherproof\")");
  }
  /* Short prefixes have FTS5's prefix index; other syntax is left whole;
   * a prefix no word begins, too. */
  g_assert_null (_lede_library_expand_prefixes (library, "cou*"));
  g_assert_null (_lede_library_expand_prefixes (library, "coun* NOT harbour"));
  g_assert_null (_lede_library_expand_prefixes (library, "headline:coun*"));
  g_assert_null (_lede_library_expand_prefixes (library, "\"harbour coun\"*"));
  g_assert_null (_lede_library_expand_prefixes (library, "zzzz*"));
  for (const char * const *query = queries; *query; query++)
    assert_finds_as_fts5 (library, *query);

  /* A story written since, its words not yet read: read by the search. */
  add_story (library, "Zephyrine skies", "The zephyrine wind.");
  {
    g_autofree char *zeph = _lede_library_expand_prefixes (library, "zephy*");

    g_assert_cmpstr (zeph, ==, "(\"zephyrine\")");
  }
  assert_hits (library, "zephy*", "61 ");
  /* Many since: FTS5's prefix again, which finds them as well. */
  for (guint i = 0; i < 40; i++)
    add_story (library, "Zeppelin sighted", "Over the quay.");
  g_assert_null (_lede_library_expand_prefixes (library, "zeppe*"));
  assert_finds_as_fts5 (library, "zeppe*");
  assert_finds_as_fts5 (library, "zeph*");
  /* Their noting's progress starts at nothing, not at the share of the
   * library before them (59%). An older story waiting beside them (story
   * 1 changed) is not counted: noted first, in id order, it would send
   * the bar to 59% at once. */
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, 0);
  {
    g_autoptr (LedeArticle) oldest = lede_library_get_article (library, 1, NULL);
    sqlite3 *db = NULL;

    lede_article_set_body (oldest, "The council met the airship crew.");
    g_assert_true (lede_library_update_article (library, oldest, NULL));
    g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, 0);
    /* As a step that has read story 1 alone leaves the queue. */
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM search_words_due WHERE article_id = 1", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
    g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, 0);
  }
  tidy_all (library);
  g_assert_cmpfloat (lede_library_get_reindex_progress (library), ==, -1);
  assert_finds_as_fts5 (library, "zeppe*");
  {
    g_autofree char *zeppe = _lede_library_expand_prefixes (library, "zeppe*");

    g_assert_cmpstr (zeppe, ==, "(\"zeppelin\")");
  }
  /* Stories trashed bring no new words: many trashed at once leave long
   * prefixes searched as words. */
  {
    g_autoptr (GPtrArray) hits = lede_library_search (library, "zeppelin", 100, NULL);
    g_autofree char *coun = NULL;

    g_assert_cmpuint (hits->len, ==, 40);
    for (guint i = 0; i < hits->len; i++)
      g_assert_true (lede_library_trash_article (library, ((LedeSearchHit *)g_ptr_array_index (hits, i))->id, NULL));
    coun = _lede_library_expand_prefixes (library, "coun*");
    g_assert_nonnull (coun);
  }

  /* A reader expands as the writer does. */
  {
    g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (path, NULL);
    g_autofree char *coun = _lede_library_expand_prefixes (reader, "coun*");

    g_assert_cmpstr (coun, ==, "(\"council\" OR \"councillor\" OR \"counsel\" OR \"count\")");
    assert_finds_as_fts5 (reader, "coun*");
  }
  g_clear_object (&library);
  assert_index_whole (path);
  lede_test_rmdir (dir);
}

/* Every list the sidebar can ask for, as one line each. */
static char *
every_list (LedeLibrary *library)
{
  const int statuses[] = { -1, LEDE_ARTICLE_STATUS_DRAFT, LEDE_ARTICLE_STATUS_PUBLISHED };
  const char * const tags[] = { NULL, "harbour", "WEATHER" };
  const char * const assignees[] = { NULL, "NIA BRENNOCK" };
  GString *out = g_string_new (NULL);

  for (int trashed = 0; trashed < 2; trashed++)
    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        for (guint a = 0; a < G_N_ELEMENTS (assignees); a++)
          for (LedeStoryOrder order = LEDE_STORY_ORDER_NEWEST; order <= LEDE_STORY_ORDER_DEADLINE; order++)
            {
              g_autoptr (GArray) ids = lede_library_list_ids_sorted (library, trashed, statuses[s], tags[t],
                                                                     assignees[a], order, NULL);
              g_autoptr (GArray) page = lede_library_list_ids_page (library, trashed, statuses[s], tags[t],
                                                                    assignees[a], order, 10, NULL);

              g_assert_nonnull (ids);
              /* All of them while story_list is filled: a page is no cheaper. */
              g_assert_cmpuint (page->len, ==, lede_library_get_list_progress (library) >= 0 ? ids->len
                                                                                           : MIN (ids->len, 10));
              g_assert_cmpmem (page->data, page->len * sizeof (gint64), ids->data, page->len * sizeof (gint64));
              g_string_append_printf (out, "%d %d %u %u %d:", trashed, statuses[s], t, a, order);
              for (guint i = 0; i < ids->len; i++)
                g_string_append_printf (out, " %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              g_string_append_c (out, '\n');
            }
  /* And the tags with how many stories outside the trash carry each. */
  {
    g_autoptr (GPtrArray) all = lede_library_list_tags (library, NULL);
    g_auto (GStrv) names = lede_library_list_tag_names (library, NULL);

    g_assert_cmpuint (all->len, ==, g_strv_length (names));
    for (guint i = 0; i < all->len; i++)
      {
        LedeTag *tag = g_ptr_array_index (all, i);

        g_assert_cmpstr (tag->name, ==, names[i]);
        g_string_append_printf (out, "%s: %u\n", tag->name, tag->n_stories);
      }
  }
  return g_string_free (out, FALSE);
}

static gint64
count_of (const char *path,
          const char *sql)
{
  g_auto (GStrv) rows = read_column (path, sql);

  return g_ascii_strtoll (rows[0], NULL, 10);
}

/* A library from before story_list lists from articles until tidy steps
 * have copied its stories in (changes meanwhile kept), then from
 * story_list: the same ids in every order and filter, and story_list
 * exactly what articles says. */
static void
test_story_list (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  sqlite3 *db = NULL;

  lede_test_make_schema_15 (path, 3000);
  /* Statuses, dates, headlines in both cases, deadlines, assignees, tags
   * and the trash, as a desk's library has them. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "UPDATE articles SET status = CASE id % 5 WHEN 0 THEN 'draft' WHEN 1 THEN 'ready' ELSE 'published' END,"
    "  created_at = printf ('2025-%02d-%02dT%02d:00:00Z', id % 12 + 1, id % 28 + 1, id % 24),"
    "  updated_at = printf ('2026-%02d-%02dT10:00:00Z', (id * 7) % 12 + 1, (id * 3) % 28 + 1),"
    "  headline = CASE id % 2 WHEN 0 THEN lower (headline) ELSE headline END,"
    "  deadline_at = CASE WHEN id % 4 = 0 THEN printf ('2026-03-%02dT17:00:00Z', id % 28 + 1) END,"
    "  assignee = CASE id % 3 WHEN 0 THEN 'Nia Brennock' WHEN 1 THEN 'nia brennock' ELSE '' END,"
    "  trashed_at = CASE WHEN id % 10 = 0 THEN '2026-02-01T00:00:00Z' END;"
    "INSERT INTO tags (name) VALUES ('Harbour'), ('Weather');"
    /* A tag common enough that its first page is read down the order's
     * index (lede-library-lists.c), one rare enough that it is not. */
    "INSERT INTO article_tags (article_id, tag_id) SELECT id, 1 FROM articles WHERE id % 3 = 0;"
    "INSERT INTO article_tags (article_id, tag_id) SELECT id, 2 FROM articles WHERE id % 50 = 1;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = lede_library_open (path, NULL);
  g_assert_cmpint (lede_library_get_schema_version (library), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (count_of (path, "SELECT upto FROM story_list_due"), ==, 3000);
  g_assert_cmpfloat (lede_library_get_list_progress (library), ==, 0);

  /* Changes before the copy reaches them: a headline, a trash, a story
   * deleted for good, one added. */
  {
    g_autoptr (LedeArticle) old = lede_library_get_article (library, 7, NULL);
    g_autoptr (LedeArticle) added = lede_article_new ();

    lede_article_set_headline (old, "Aardvark escapes the zoo");
    g_assert_true (lede_library_update_article (library, old, NULL));
    g_assert_true (lede_library_trash_article (library, 11, NULL));
    g_assert_true (lede_library_trash_article (library, 13, NULL));
    g_assert_true (lede_library_delete_article (library, 13, NULL));
    lede_article_set_headline (added, "Quarry blast rattles windows");
    g_assert_true (lede_library_create_article (library, added, NULL));
  }
  before = every_list (library);

  /* One step, the library closed and opened again: the copy goes on. */
  {
    gboolean done = FALSE;

    g_assert_true (_lede_library_list_step (library, &done, NULL));
    g_clear_object (&library);
    library = lede_library_open (path, NULL);
    tidy_all (library);
  }
  g_assert_cmpint (count_of (path, "SELECT count (*) FROM story_list_due"), ==, 0);
  g_assert_cmpfloat (lede_library_get_list_progress (library), ==, -1);
  g_assert_cmpint (count_of (path, "SELECT count (*) FROM story_list"), ==, 3000);
  g_assert_cmpint (count_of (path,
    "SELECT count (*) FROM (SELECT id, trashed_at IS NOT NULL, status, headline, assignee, created_at, updated_at,"
    "                       deadline_at FROM articles EXCEPT SELECT * FROM story_list)"), ==, 0);
  after = every_list (library);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "0 -1 0 0 2: 7 "));
  /* 1,000 stories with the tag, 100 of them in the trash. */
  g_assert_nonnull (strstr (after, "Harbour: 900\n"));
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* Stories written back to back, faster than the checkpoint thread copies
 * them: the WAL stays within its bound (here 2,000 pages, 8 MB), where it
 * grew without end (30 GB for 100,000 stories). */
static void
test_wal_bounded (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  goffset largest = 0;

  g_setenv ("LEDE_WAL_MOST_PAGES", "2000", TRUE);
  library = lede_library_open (path, NULL);
  g_unsetenv ("LEDE_WAL_MOST_PAGES");
  g_assert_nonnull (library->checkpointer);
  /* 40 KB stories, 80 MB of WAL written in all (with the search index). */
  for (guint i = 0; i < 1000; i++)
    {
      add_quarry_story (library, i);
      largest = MAX (largest, file_size (wal));
    }
  g_test_message ("largest WAL: %" G_GOFFSET_FORMAT " bytes", largest);
  g_assert_cmpint (largest, <, 3 * 2000 * 4096);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* The window's tidy steps wait while the WAL is copied into the file:
 * the library says when that is, and never for a reader. */
static void
test_copying_wal_seen (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeLibrary) reader = NULL;
  gboolean seen = FALSE;

  g_assert_false (lede_library_is_copying_wal (library));
  /* 40 KB stories until a copy is seen under way: each copy of 4 MB takes
   * milliseconds, and is looked for as soon as its commit wakes it. */
  for (guint i = 0; i < 300 && !seen; i++)
    {
      gint64 until;

      add_quarry_story (library, i);
      until = g_get_monotonic_time () + 20 * 1000;
      while (!seen && g_get_monotonic_time () < until)
        seen = lede_library_is_copying_wal (library);
    }
  g_assert_true (seen);
  reader = lede_library_open_for_reading (path, NULL);
  g_assert_nonnull (reader);
  g_assert_false (lede_library_is_copying_wal (reader));
  g_clear_object (&reader);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* A step stops before a piece that would end past its budget, judged by
 * its longest piece so far, and not after one that did; a budget of 0
 * has no end. Times in microseconds, as the clock is given them. */
static void
test_step_clock (void)
{
  LedeStepClock clock;

  /* Pieces of 2 ms in a budget of 11: after the fifth (10 ms), another
   * would end at 12. */
  _lede_library_step_clock_start (&clock, 11000, 1000000);
  for (gint64 end = 1002000; end <= 1008000; end += 2000)
    g_assert_true (_lede_library_step_clock_has_room (&clock, end));
  g_assert_false (_lede_library_step_clock_has_room (&clock, 1010000));

  /* One long piece is remembered: after it, short ones are judged by it. */
  _lede_library_step_clock_start (&clock, 11000, 0);
  g_assert_true (_lede_library_step_clock_has_room (&clock, 1000));
  g_assert_true (_lede_library_step_clock_has_room (&clock, 5000));   /* 4 ms: 5 + 4 < 11 */
  g_assert_false (_lede_library_step_clock_has_room (&clock, 7500));  /* 2.5 ms, but 7.5 + 4 > 11 */
  g_assert_cmpint (clock.longest_us, ==, 4000);

  /* A first piece past the budget leaves no room. */
  _lede_library_step_clock_start (&clock, 11000, 0);
  g_assert_false (_lede_library_step_clock_has_room (&clock, 12000));

  _lede_library_step_clock_start (&clock, 0, 0);
  g_assert_true (_lede_library_step_clock_has_room (&clock, G_USEC_PER_SEC));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/tidy/steps", test_steps);
  g_test_add_func ("/lede/tidy/step-clock", test_step_clock);
  g_test_add_func ("/lede/tidy/checkpoint-off-thread", test_checkpoint_off_thread);
  g_test_add_func ("/lede/tidy/checkpoint-watched", test_checkpoint_watched);
  g_test_add_func ("/lede/tidy/wal-bounded", test_wal_bounded);
  g_test_add_func ("/lede/tidy/copying-wal-seen", test_copying_wal_seen);
  g_test_add_func ("/lede/tidy/reindex", test_reindex);
  g_test_add_func ("/lede/tidy/steps-on-thread", test_steps_on_thread);
  g_test_add_func ("/lede/tidy/words", test_words);
  g_test_add_func ("/lede/tidy/story-list", test_story_list);
  return g_test_run ();
}
