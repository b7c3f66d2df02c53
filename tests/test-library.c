/* test-library.c: the SQLite story library — opening, migrating, every
 * change to a story, the search index, and every file it must refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <signal.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lede-library.h"
#include "lede-slug.h"
#include "lede-story-batch.h"
#include "lede-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  LedeLibrary *library;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "newsroom", "library.db", NULL);
  f->library = lede_library_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->library);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->library != NULL)
    g_assert_finalize_object (f->library);
  lede_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Reads one number straight from the file, past Lede's own code. */
static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static LedeArticle *
new_story (const char *headline,
           const char *body)
{
  LedeArticle *article = lede_article_new ();

  lede_article_set_headline (article, headline);
  lede_article_set_body (article, body);
  return article;
}

static void
fill_every_field (LedeArticle *article)
{
  g_autoptr (GDateTime) embargo = g_date_time_new_utc (2026, 12, 3, 6, 0, 0);
  g_autoptr (GDateTime) published = g_date_time_new_utc (2026, 12, 3, 7, 30, 15);

  lede_article_set_headline (article, "Kestle ferry trust wins “lifeline” grant — at last");
  lede_article_set_standfirst (article, "The £40,000 award pays for a winter of night crossings.");
  lede_article_set_slug (article, "kestle-ferry-grant");
  lede_article_set_byline (article, "Tamsin Orrell");
  lede_article_set_dateline (article, "MARROWBY");
  lede_article_set_section (article, "Local");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
  lede_article_set_language (article, "en-GB");
  lede_article_set_body (article, "The trust said it was \"astonished\".\n\n## Next\n\nÉluned Parry's 'plan' & <b>more</b>.");
  lede_article_set_editorial_note (article, "Embargoed until the council meeting; do not tweet");
  lede_article_set_word_goal (article, 650);
  lede_article_set_embargo (article, embargo);
  lede_article_set_published (article, published);
}

static void
assert_same_story (LedeArticle *a,
                   LedeArticle *b)
{
  static const char * const texts[] = {
    "uuid", "headline", "standfirst", "slug", "byline", "dateline", "section",
    "language", "body", "editorial-note",
  };
  static const char * const times[] = { "embargo", "published", "created", "updated", "trashed" };

  g_assert_cmpint (lede_article_get_id (a), ==, lede_article_get_id (b));
  g_assert_cmpint (lede_article_get_status (a), ==, lede_article_get_status (b));
  g_assert_cmpuint (lede_article_get_word_goal (a), ==, lede_article_get_word_goal (b));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;

      g_object_get (a, texts[i], &va, NULL);
      g_object_get (b, texts[i], &vb, NULL);
      g_assert_cmpstr (va, ==, vb);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (GDateTime) ta = NULL;
      g_autoptr (GDateTime) tb = NULL;

      g_object_get (a, times[i], &ta, NULL);
      g_object_get (b, times[i], &tb, NULL);
      g_assert_true ((ta == NULL) == (tb == NULL));
      if (ta != NULL)
        g_assert_true (g_date_time_equal (ta, tb));
    }
}

static void
test_create_new (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (lede_library_is_new (f->library));
  g_assert_cmpint (lede_library_get_schema_version (f->library), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpstr (lede_library_get_path (f->library), ==, f->path);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (f->path, "PRAGMA application_id"), ==, 0x4c656465);
  /* WAL is recorded in the file header (bytes 18 and 19 are 2). */
  g_assert_cmpint (sql_int (f->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);

  /* Every table a later feature needs exists from the first schema. */
  g_assert_cmpint (sql_int (f->path,
                            "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('articles', 'tags', 'article_tags', 'sources', 'article_sources', "
                            "'revisions', 'articles_fts')"), ==, 7);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeArticle) again = NULL;
  g_autoptr (GError) error = NULL;

  fill_every_field (article);
  g_assert_true (lede_library_create_article (f->library, article, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&f->library));
  f->library = lede_library_open (f->path, &error);
  g_assert_no_error (error);

  g_assert_false (lede_library_is_new (f->library));
  again = lede_library_get_article (f->library, lede_article_get_id (article), &error);
  g_assert_no_error (error);
  assert_same_story (article, again);
}

/* Where Lede remembers that the library at @path was found whole. */
static char *
check_record (const char *path)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  name = g_strdup_printf ("%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, (guint64)st.st_dev, (guint64)st.st_ino);
  return g_build_filename (g_get_user_cache_dir (), "lede", "checks", name, NULL);
}

/* Dates the record of the library's last whole check @seconds from now. */
static void
set_whole_at (const char *path,
              gint64      seconds)
{
  g_autofree char *record = check_record (path);
  g_autofree char *contents = NULL;
  g_autofree char *dated = NULL;
  g_auto (GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (record, &contents, NULL, NULL));
  fields = g_strsplit (contents, " ", 2);
  dated = g_strdup_printf ("%s %" G_GINT64_FORMAT "\n", fields[0], g_get_real_time () / G_USEC_PER_SEC + seconds);
  g_assert_true (g_file_set_contents (record, dated, -1, NULL));
}

/* A whole check is remembered for a day: the window's at each opening and
 * lede-cli's before each write read every page (20 GB at a million
 * stories). Never found whole, last found so over a day ago, ahead of now
 * by a wrong clock, or a copy of the file (another inode: a backup put
 * back by hand), the library is checked again. */
static void
test_check_remembered (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (LedeLibrary) copied = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (lede_library_needs_check (f->library));
  g_assert_true (lede_library_check (f->library, &error));
  g_assert_no_error (error);
  g_assert_false (lede_library_needs_check (f->library));

  set_whole_at (f->path, -25 * 60 * 60);
  g_assert_true (lede_library_needs_check (f->library));
  set_whole_at (f->path, 60 * 60);
  g_assert_true (lede_library_needs_check (f->library));
  set_whole_at (f->path, -60);
  g_assert_false (lede_library_needs_check (f->library));

  /* Closed and opened again, the same file: still remembered. */
  g_assert_finalize_object (g_steal_pointer (&f->library));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  f->library = lede_library_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (lede_library_needs_check (f->library));
  copied = lede_library_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (lede_library_needs_check (copied));
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedeArticle) first = new_story ("Harbour wall to be rebuilt", "Work starts in spring.");
  g_autoptr (LedeArticle) second = new_story ("School choir wins regional final", "");
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) created = NULL;

  g_assert_true (lede_library_create_article (f->library, first, &error));
  g_assert_true (lede_library_create_article (f->library, second, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lede_article_get_id (first), >, 0);
  g_assert_cmpint (lede_article_get_id (second), >, lede_article_get_id (first));
  g_assert_true (g_uuid_string_is_valid (lede_article_get_uuid (first)));
  g_assert_cmpstr (lede_article_get_uuid (first), !=, lede_article_get_uuid (second));
  g_assert_nonnull (lede_article_get_created (first));
  g_assert_nonnull (lede_article_get_updated (first));

  /* Read back by id and by uuid. */
  read = lede_library_get_article (f->library, lede_article_get_id (first), &error);
  g_assert_no_error (error);
  assert_same_story (first, read);
  g_clear_object (&read);
  read = lede_library_get_article_by_uuid (f->library, lede_article_get_uuid (second), &error);
  g_assert_no_error (error);
  assert_same_story (second, read);
  g_clear_object (&read);

  /* Update every field. */
  created = g_date_time_ref (lede_article_get_created (first));
  fill_every_field (first);
  g_assert_true (lede_library_update_article (f->library, first, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (created, lede_article_get_created (first)));
  read = lede_library_get_article (f->library, lede_article_get_id (first), &error);
  g_assert_no_error (error);
  assert_same_story (first, read);
  g_clear_object (&read);

  /* Clearing optional times clears them in the file too. */
  lede_article_set_embargo (first, NULL);
  g_assert_true (lede_library_update_article (f->library, first, &error));
  read = lede_library_get_article (f->library, lede_article_get_id (first), &error);
  g_assert_null (lede_article_get_embargo (read));
  g_clear_object (&read);

  /* Newest first. */
  ids = lede_library_list_ids (f->library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, lede_article_get_id (second));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, lede_article_get_id (first));
  articles = lede_library_list_articles (f->library, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  assert_same_story (g_ptr_array_index (articles, 0), second);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  /* Missing stories are reported in words. */
  g_assert_null (lede_library_get_article (f->library, 9999, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (lede_library_get_article_by_uuid (f->library, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_created_time_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story ("Archive story", "From last year.");
  g_autoptr (GDateTime) created = g_date_time_new_utc (2025, 3, 14, 9, 26, 53);
  g_autoptr (LedeArticle) read = NULL;

  lede_article_set_uuid (article, "9b2f7a5e-3c1d-4e8f-a6b0-1d2c3e4f5a6b");
  lede_article_set_created (article, created);
  g_assert_true (lede_library_create_article (f->library, article, NULL));

  read = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpstr (lede_article_get_uuid (read), ==, "9b2f7a5e-3c1d-4e8f-a6b0-1d2c3e4f5a6b");
  g_assert_true (g_date_time_equal (lede_article_get_created (read), created));
}

static void
count_signal (LedeLibrary *library,
              guint       *count)
{
  (*count)++;
}

static void
test_trash_restore_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (LedeArticle) kept = new_story ("Council approves budget", "");
  g_autoptr (LedeArticle) binned = new_story ("Spiked: rumour about the pier", "");
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (GArray) trash = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;
  guint changes = 0;

  g_assert_true (lede_library_create_article (f->library, kept, NULL));
  g_assert_true (lede_library_create_article (f->library, binned, NULL));
  id = lede_article_get_id (binned);
  g_signal_connect (f->library, "articles-changed", G_CALLBACK (count_signal), &changes);

  g_assert_true (lede_library_trash_article (f->library, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 1);
  trash = lede_library_list_ids (f->library, TRUE, NULL);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpint (g_array_index (trash, gint64, 0), ==, id);
  read = lede_library_get_article (f->library, id, NULL);
  g_assert_nonnull (lede_article_get_trashed (read));
  g_clear_object (&read);

  /* Trashing twice is an error, not a silent no-op. */
  g_assert_false (lede_library_trash_article (f->library, id, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lede_library_restore_article (f->library, id, &error));
  g_assert_no_error (error);
  read = lede_library_get_article (f->library, id, NULL);
  g_assert_null (lede_article_get_trashed (read));
  g_clear_object (&read);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  /* Only a story in the trash can be deleted forever. */
  g_assert_false (lede_library_delete_article (f->library, id, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  /* Deleting takes the story's tags, source links and revisions with it. */
  sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('Pier');"
                         "INSERT INTO article_tags VALUES (%" G_GINT64_FORMAT ", 1);"
                         "INSERT INTO sources (name, created_at, updated_at) VALUES ('Harbourmaster', '2026-11-28T09:00:00Z', '2026-11-28T09:00:00Z');"
                         "INSERT INTO article_sources VALUES (%" G_GINT64_FORMAT ", 1, 'on background');"
                         "INSERT INTO revision_texts (sha256, text) VALUES ('x', 'Old words');"
                         "INSERT INTO revisions (article_id, created_at, reason, body_id) "
                         "VALUES (%" G_GINT64_FORMAT ", '2026-11-28T09:00:00Z', 'test', 1);",
                         id, id, id);
  sql_exec (f->path, sql);
  g_assert_true (lede_library_trash_article (f->library, id, NULL));
  g_assert_true (lede_library_delete_article (f->library, id, &error));
  g_assert_no_error (error);
  g_assert_null (lede_library_get_article (f->library, id, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM article_tags"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM article_sources"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM revisions"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM revision_texts"), ==, 0);
  /* The library-wide tag and source stay for other stories. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM tags"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sources"), ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  g_assert_cmpuint (changes, ==, 4);
}

static guint
n_matches (LedeLibrary *library,
           const char  *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = lede_library_match_ids (library, query, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_fts_triggers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story ("Lighthouse keeper retires", "After thirty winters on Skerry Rock.");
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_true (lede_library_create_article (f->library, article, NULL));
  id = lede_article_get_id (article);

  g_assert_cmpuint (n_matches (f->library, "lighthouse"), ==, 1);
  g_assert_cmpuint (n_matches (f->library, "winters"), ==, 1);
  g_assert_cmpuint (n_matches (f->library, "headline:skerry"), ==, 0);

  /* Edits replace what the index holds. */
  lede_article_set_body (article, "She kept the light for thirty years.");
  lede_article_set_standfirst (article, "Mair Ellison hands over the keys");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_cmpuint (n_matches (f->library, "winters"), ==, 0);
  g_assert_cmpuint (n_matches (f->library, "light"), ==, 1);
  g_assert_cmpuint (n_matches (f->library, "standfirst:ellison"), ==, 1);
  /* Accents are folded: "Éluned" is found by "eluned". */
  lede_article_set_body (article, "Éluned Parry was there.");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_cmpuint (n_matches (f->library, "eluned"), ==, 1);

  /* Tags are indexed, follow renames, and leave with their link. */
  sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('Maritime');"
                         "INSERT INTO article_tags VALUES (%" G_GINT64_FORMAT ", 1);", id);
  sql_exec (f->path, sql);
  g_assert_cmpuint (n_matches (f->library, "tags:maritime"), ==, 1);
  sql_exec (f->path, "UPDATE tags SET name = 'Coastal' WHERE id = 1");
  g_assert_cmpuint (n_matches (f->library, "tags:maritime"), ==, 0);
  g_assert_cmpuint (n_matches (f->library, "tags:coastal"), ==, 1);
  sql_exec (f->path, "DELETE FROM article_tags");
  g_assert_cmpuint (n_matches (f->library, "tags:coastal"), ==, 0);

  /* A deleted story leaves the index. */
  g_assert_true (lede_library_trash_article (f->library, id, NULL));
  g_assert_true (lede_library_delete_article (f->library, id, NULL));
  g_assert_cmpuint (n_matches (f->library, "eluned"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM articles_fts"), ==, 0);
}

static GPtrArray *
search (LedeLibrary *library,
        const char  *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits = lede_library_search (library, query, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static gint64
add_story (LedeLibrary *library,
           const char  *headline,
           const char  *standfirst,
           const char  *body)
{
  g_autoptr (LedeArticle) article = new_story (headline, body);

  lede_article_set_standfirst (article, standfirst);
  g_assert_true (lede_library_create_article (library, article, NULL));
  return lede_article_get_id (article);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 ferry = add_story (f->library, "Night ferry returns to Kestle", "Volunteers restored the steamer.",
                            "The night crossing runs on Fridays. Éluned Parry chairs the trust.");
  gint64 council = add_story (f->library, "Council budget approved", "Rents rise by four per cent.",
                              "The vote was close. A ferry subsidy was cut from the plan.");
  gint64 binned = add_story (f->library, "Ferry timetable leaked", "", "An early draft.");
  gint64 tagged = add_story (f->library, "Harbour wall repairs", "", "Work starts in spring.");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO tags (name) VALUES ('Transport');"
                                          "INSERT INTO article_tags VALUES (%" G_GINT64_FORMAT ", 1);", tagged);
  g_autoptr (GPtrArray) hits = NULL;
  LedeSearchHit *hit;

  sql_exec (f->path, sql);
  g_assert_true (lede_library_trash_article (f->library, binned, NULL));

  /* A headline match outranks a body match; the trash is not searched. */
  hits = search (f->library, "ferry");
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->id, ==, ferry);
  g_assert_cmpstr (hit->headline, ==, "Night ferry returns to Kestle");
  g_assert_nonnull (strstr (hit->snippet, "[ferry]"));
  g_assert_cmpint (((LedeSearchHit *)g_ptr_array_index (hits, 1))->id, ==, council);
  g_assert_cmpfloat (hit->rank, <, ((LedeSearchHit *)g_ptr_array_index (hits, 1))->rank);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A restored story is found again. */
  g_assert_true (lede_library_restore_article (f->library, binned, NULL));
  hits = search (f->library, "ferry");
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Two words: both must appear. */
  hits = search (f->library, "ferry subsidy");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((LedeSearchHit *)g_ptr_array_index (hits, 0))->id, ==, council);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefix, phrase (straight and curly quotes), tag, column, accents. */
  hits = search (f->library, "volunt*");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "\"night crossing\"");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "“crossing night”");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "transport");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((LedeSearchHit *)g_ptr_array_index (hits, 0))->id, ==, tagged);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "headline:ferry");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->library, "eluned");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Text that is not FTS5 syntax is searched as words, never an error. */
  {
    static const char * const odd[] = {
      "ferry AND (", "\"unclosed ferry", "ferry's", "-ferry", "ferry NOT", "(((", "*", "\"\"",
      "NEAR(", "col:umn", "ferry ^", "", "   ",
    };
    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autoptr (GPtrArray) odd_hits = search (f->library, odd[i]);
        g_test_message ("%s → %u hits", odd[i], odd_hits->len);
      }
    hits = search (f->library, "ferry AND (");
    g_assert_cmpuint (hits->len, ==, 3);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = search (f->library, "\"unclosed ferry");
    g_assert_cmpuint (hits->len, ==, 0);
    g_clear_pointer (&hits, g_ptr_array_unref);
  }

  hits = lede_library_search (f->library, "ferry", 1, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_plain_query (void)
{
  static const struct { const char *text; const char *query; } cases[] = {
    { "ferry", "\"ferry\"" },
    { "night  ferry", "\"night\" \"ferry\"" },
    { "volunt*", "\"volunt\"*" },
    { "\"night crossing\" kestle", "\"night crossing\" \"kestle\"" },
    { "“night crossing”", "\"night crossing\"" },
    { "say \"hi", "\"say\" \"hi\"" },
    { "a\"b", "\"a\"\"b\"" },
    { "*", "" },
    { "ferry AND (", "\"ferry\"" },
    { "OR NOT (( ...", "" },
    { "Ferry or not", "\"Ferry\" \"or\" \"not\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = lede_search_make_plain_query (cases[i].text);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* Writes that would grow any file past @limit bytes fail, as on a full disk. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story ("Storm closes the causeway", "First paragraph.");
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_body = g_string_new (NULL);

  g_assert_true (lede_library_create_article (f->library, article, NULL));

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_body, "The tide came over the road at six. ");
  lede_article_set_body (article, long_body->str);

  lede_test_limit_file_size (4096);
  g_assert_false (lede_library_update_article (f->library, article, &error));
  lede_test_limit_file_size (RLIM_INFINITY);

  g_assert_nonnull (error);
  g_assert_true (error->domain == LEDE_LIBRARY_ERROR);
  g_test_message ("full disk says: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the story: "));
  g_assert_nonnull (strstr (error->message, "disk"));
  g_clear_error (&error);

  /* The failed save changed nothing, and the text is still in hand… */
  read = lede_library_get_article (f->library, lede_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_body (read), ==, "First paragraph.");
  g_assert_cmpstr (lede_article_get_body (article), ==, long_body->str);
  g_clear_object (&read);

  /* …so the next try, with room again, saves all of it. */
  g_assert_true (lede_library_update_article (f->library, article, &error));
  g_assert_no_error (error);
  read = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpstr (lede_article_get_body (read), ==, long_body->str);
}

/* --- Files a library must refuse, leaving them exactly as they were. --- */

static void
assert_refused_untouched (const char       *path,
                          LedeLibraryError  code,
                          const char       *words)
{
  g_autofree char *before = lede_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  library = lede_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, (gint)code);
  g_test_message ("refused with: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_nonnull (strstr (error->message, "library.db"));

  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) &&
                  code == LEDE_LIBRARY_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);

  g_assert_true (g_file_set_contents (path, "Dear editor, this is a letter, not a database.\n", -1, NULL));
  assert_refused_untouched (path, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY, "not an SQLite database");
  lede_test_rmdir (dir);
}

static void
test_refuse_binary_file (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  guchar bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar)(i * 7 + 3);
  g_assert_true (g_file_set_contents (path, (const char *)bytes, sizeof bytes, NULL));
  assert_refused_untouched (path, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY, "not a Lede library");
  lede_test_rmdir (dir);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);

  sql_exec (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('Bara brith');");
  assert_refused_untouched (path, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY, "another program");
  lede_test_rmdir (dir);
}

static void
test_refuse_newer_library (Fixture       *f,
                           gconstpointer  data)
{
  g_clear_object (&f->library);
  sql_exec (f->path, "PRAGMA user_version = 99");
  assert_refused_untouched (f->path, LEDE_LIBRARY_ERROR_TOO_NEW, "newer version of Lede");
}

static void
test_refuse_corrupt_library (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story ("Before the damage", "Some text.");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (lede_library_create_article (f->library, article, NULL));
  g_clear_object (&f->library);  /* checkpoints the WAL into the file */

  /* Scribble over the schema page after the file header. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0xAB, 3000);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  assert_refused_untouched (f->path, LEDE_LIBRARY_ERROR_CORRUPT, "damaged");
}

static void
test_empty_file_becomes_library (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lede_library_is_new (library));
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

static void
test_cannot_create (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  /* A folder where the file should be. */
  library = lede_library_open (dir, &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  /* A place no one may create a folder in, even root. */
  library = lede_library_open ("/proc/self/lede/library.db", &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "Could not create the library"));
  g_clear_error (&error);

  lede_test_rmdir (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&library);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* Root writes to read-only files, so only an ordinary user sees this. */
  if (access (path, W_OK) == 0)
    {
      g_test_skip ("running as root: a read-only file is still writable");
      lede_test_rmdir (dir);
      return;
    }

  before = lede_test_checksum_file (path);
  library = lede_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY);
  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  lede_test_rmdir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = lede_library_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "lede", "library.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* A word in more stories than the search window ranks the newest matches:
 * the newest headline match comes first and an old one is not reached. */
static void
test_search_window (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) hits = NULL;
  gint64 old_headline = 0, new_headline = 0;

  for (guint i = 0; i < LEDE_LIBRARY_SEARCH_WINDOW + 100; i++)
    {
      gboolean in_headline = i == 5 || i == LEDE_LIBRARY_SEARCH_WINDOW + 99;
      gint64 id = add_story (f->library, in_headline ? "Harbour dues rise" : "Council notes", "",
                             "The harbour master spoke.");

      if (i == 5)
        old_headline = id;
      else if (in_headline)
        new_headline = id;
    }

  hits = search (f->library, "harbour");
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_cmpint (((LedeSearchHit *)g_ptr_array_index (hits, 0))->id, ==, new_headline);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (((LedeSearchHit *)g_ptr_array_index (hits, i))->id, >, old_headline);
}

/* The ids FTS5's own bm25 ranks first for @query, read by a second
 * connection that knows nothing of Lede's ranking. */
static GArray *
bm25_order (const char *path,
            const char *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                                           "ORDER BY bm25 (articles_fts, 10.0, 5.0, 1.0, 3.0), rowid LIMIT 20",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

/* Lede's ranking leaves out the whole-index count bm25 makes for a lone
 * phrase or word; the order must be bm25's all the same, and exactly bm25's
 * for queries of several phrases. */
static void
test_rank_matches_bm25 (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const words[] = { "harbour", "ferry", "council", "night", "tide", "quay" };
  static const char * const queries[] = {
    "harbour", "\"night ferry\"", "harbour ferry", "\"night ferry\" council", "tide OR quay", "ferr*",
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (LedeArticle) article = NULL;

      for (guint j = 0, n = g_rand_int_range (rand, 5, 80); j < n; j++)
        g_string_append_printf (body, "%s %s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                j % 7 == 0 ? "night ferry" : "and");
      article = new_story (g_rand_boolean (rand) ? "Harbour news" : "Island news", body->str);
      g_assert_true (lede_library_create_article (f->library, article, NULL));
    }
  g_rand_free (rand);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (GArray) expected = bm25_order (f->path, queries[q]);
      g_autoptr (GPtrArray) hits = lede_library_search (f->library, queries[q], 20, NULL);

      g_test_message ("%s: %u hits", queries[q], hits->len);
      g_assert_cmpuint (hits->len, ==, expected->len);
      for (guint i = 0; i < hits->len; i++)
        {
          LedeSearchHit *hit = g_ptr_array_index (hits, i);
          /* Equal scores may come in either order; a real difference may not. */
          if (hit->id != g_array_index (expected, gint64, i))
            g_assert_cmpfloat (fabs (hit->rank - ((LedeSearchHit *)g_ptr_array_index (hits, i > 0 ? i - 1 : i + 1))->rank), <, 1e-9);
        }
    }
}

/* In a batch each story still goes in whole or not at all. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedeArticle) first = new_story ("Harbour dues rise", "Body.");
  g_autoptr (LedeArticle) clash = new_story ("Same uuid again", "Body.");
  g_autoptr (GError) error = NULL;

  g_assert_true (lede_library_begin_batch (f->library, NULL));
  g_assert_true (lede_library_add_story (f->library, first, (const char * const[]) { "Maritime", NULL }, NULL));
  lede_article_set_uuid (clash, lede_article_get_uuid (first));
  g_assert_false (lede_library_add_story (f->library, clash, (const char * const[]) { "Clash", NULL }, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (lede_article_get_id (clash), ==, 0);
  g_assert_true (lede_library_end_batch (f->library, NULL));

  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM articles"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM tags WHERE name = 'Clash'"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM article_tags"), ==, 1);
}

/* The writer closed while a reader is still open (a search's, lede-cli's):
 * the WAL is written in and emptied all the same, so the next opening is
 * not taken for one after a crash (the whole file checked); the reader
 * reads on. */
static void
test_closed_with_reader_open (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  gint64 before;

  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  lede_article_set_headline (article, "Tide tables for the winter");
  g_assert_true (lede_library_create_article (library, article, &error));
  g_assert_no_error (error);
  before = lede_library_count_articles (library, FALSE, NULL);
  reader = lede_library_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (reader, FALSE, NULL), ==, before);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 32);

  g_clear_object (&library);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size <= 32);
  g_assert_cmpint (lede_library_count_articles (reader, FALSE, NULL), ==, before);
  g_clear_object (&reader);

  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (lede_library_get_notice (library));
  g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, before);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* One writer a library: in this process, the same object again (a second
 * connection would close the file under the first); in another process, a
 * refusal in words while this one has it. */
static void
test_one_writer (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) again = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autofree char *dir = NULL, *path = NULL, *link = NULL;

  if (g_test_subprocess ())
    {
      LedeLibrary *other = lede_library_open (g_getenv ("LEDE_TEST_LIBRARY"), &error);

      g_assert_null (other);
      g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_IN_USE);
      g_assert_nonnull (strstr (error->message, "Lede has this library open"));
      g_clear_error (&error);
      /* A reader is welcome, and can change nothing. */
      other = lede_library_open_for_reading (g_getenv ("LEDE_TEST_LIBRARY"), &error);
      g_assert_no_error (error);
      g_assert_true (lede_library_is_read_only (other));
      g_assert_cmpint (lede_library_count_articles (other, FALSE, NULL), ==, 0);
      g_assert_false (lede_library_trash_article (other, 1, &error));
      g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY);
      g_object_unref (other);
      return;
    }

  dir = lede_test_tmpdir ();
  path = g_build_filename (dir, "library.db", NULL);
  link = g_build_filename (dir, "link.db", NULL);
  library = lede_library_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (symlink (path, link), ==, 0);
  again = lede_library_open (link, &error);
  g_assert_no_error (error);
  g_assert_true (again == library);
  g_assert_true (lede_library_is_own_file (library, link));
  g_clear_object (&again);

  reader = lede_library_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_true (reader != library);
  g_clear_object (&reader);

  /* Its -wal, picked by mistake, is refused unopened, by any name. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *wal_link = g_build_filename (dir, "journal-link", NULL);
    LedeLibrary *wrong;

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpint (symlink (wal, wal_link), ==, 0);
    wrong = lede_library_open (wal_link, &error);
    g_assert_null (wrong);
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY);
    g_assert_nonnull (strstr (error->message, "working file"));
    g_clear_error (&error);
    /* And through the link to the library, its files are still its own. */
    g_assert_true (lede_library_is_own_file (library, wal_link));
  }

  g_setenv ("LEDE_TEST_LIBRARY", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_finalize_object (g_steal_pointer (&library));
  lede_test_rmdir (dir);
}

/* Every new story gets a slug from its headline when it has none: unique,
 * at most LEDE_SLUG_MAX_LENGTH long, cut after a whole word. A slug given
 * (from front matter, say) is kept. */
static void
test_every_story_has_a_slug (Fixture       *f,
                             gconstpointer  data)
{
  static const char *expected[] = {
    "lifeboat-crews-from-three-harbours-train-together-off-tarvey",
    "lifeboat-crews-from-three-harbours-train-together-off-2",
    "lifeboat-crews-from-three-harbours-train-together-off-3",
  };
  g_autoptr (LedeArticle) given = lede_article_new ();
  g_autoptr (LedeArticle) untitled = lede_article_new ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();

      lede_article_set_headline (article, "Lifeboat crews from three harbours train together off Tarvey Point");
      g_assert_true (lede_library_create_article (f->library, article, NULL));
      g_assert_cmpstr (lede_article_get_slug (article), ==, expected[i]);
      g_assert_cmpuint (strlen (lede_article_get_slug (article)), <=, LEDE_SLUG_MAX_LENGTH);
    }

  lede_article_set_headline (given, "Anything at all");
  lede_article_set_slug (given, "chosen-by-the-desk");
  g_assert_true (lede_library_create_article (f->library, given, NULL));
  g_assert_cmpstr (lede_article_get_slug (given), ==, "chosen-by-the-desk");

  /* A long last word: numbered slugs are cut before it, and still differ. */
  {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr (LedeArticle) article = lede_article_new ();

        lede_article_set_headline (article, "Harbour master warns of winter storms as the ferry operator's investigation continues");
        g_assert_true (lede_library_create_article (f->library, article, NULL));
        g_assert_cmpuint (strlen (lede_article_get_slug (article)), <=, LEDE_SLUG_MAX_LENGTH);
        g_assert_false (g_hash_table_contains (seen, lede_article_get_slug (article)));
        g_hash_table_add (seen, g_strdup (lede_article_get_slug (article)));
      }
  }
  {
    g_autofree char *none = lede_library_make_unique_slug (f->library, "", 0);
    g_assert_cmpstr (none, ==, "");
  }

  /* No headline yet: the panel makes one as it is typed. */
  g_assert_true (lede_library_create_article (f->library, untitled, NULL));
  g_assert_cmpstr (lede_article_get_slug (untitled), ==, "");
}

/* Empty Trash deletes every trashed story, and only those, at once. */
static void
test_empty_trash (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 kept = add_story (f->library, "Kept", "", "Still in the list.");

  for (guint i = 0; i < 3; i++)
    {
      gint64 id = add_story (f->library, "Binned", "", "Gone soon.");
      g_assert_true (lede_library_trash_article (f->library, id, NULL));
    }
  g_assert_cmpint (lede_library_empty_trash (f->library, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 0);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  {
    g_autoptr (LedeArticle) article = lede_library_get_article (f->library, kept, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lede_article_get_headline (article), ==, "Kept");
  }
  g_assert_cmpint (lede_library_empty_trash (f->library, &error), ==, 0);
}

static GArray *
ids_of (gint64 first, ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);
  return ids;
}

static LedeArticleStatus
status_of (LedeLibrary *library,
           gint64       id)
{
  g_autoptr (LedeArticle) article = lede_library_get_article (library, id, NULL);

  return lede_article_get_status (article);
}

static void
count_replaced (LedeLibrary *library,
                gint64       id,
                guint       *count)
{
  (*count)++;
}

/* Many stories at once: each action changes all of them or none. */
static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  gint64 a = add_story (f->library, "Ferry timetable cut", "", "Winter sailings halve.");
  gint64 b = add_story (f->library, "Pier repairs start", "", "Scaffolding goes up.");
  gint64 c = add_story (f->library, "Harbour dues rise", "", "Fishing boats pay more.");
  gint64 none = G_GINT64_CONSTANT (99999);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ab = ids_of (a, b, (gint64)0);
  g_autoptr (GArray) ca = ids_of (c, a, (gint64)0);
  g_autoptr (GArray) abc = ids_of (a, b, c, (gint64)0);
  g_autoptr (GArray) a_none = ids_of (a, none, (gint64)0);
  g_autoptr (GArray) only_c = ids_of (c, (gint64)0);
  g_auto (GStrv) tags = NULL;
  guint changes = 0, replaced = 0;

  g_assert_true (lede_library_set_tags (f->library, a, (const char *[]) { "Harbour", NULL }, NULL));
  g_signal_connect (f->library, "articles-changed", G_CALLBACK (count_signal), &changes);
  g_signal_connect (f->library, "article-replaced", G_CALLBACK (count_replaced), &replaced);

  /* Trash: one change for the lot. */
  g_assert_true (lede_library_trash_stories (f->library, ab, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 2);

  /* One story already in the trash: nothing moves, and it says why. */
  g_assert_false (lede_library_trash_stories (f->library, ca, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 2);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (lede_library_restore_stories (f->library, ab, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 0);

  /* Status: every object handed out is told it is out of date. */
  changes = 0;
  g_assert_true (lede_library_set_stories_status (f->library, ca, LEDE_ARTICLE_STATUS_READY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (replaced, ==, 2);
  g_assert_cmpint (status_of (f->library, a), ==, LEDE_ARTICLE_STATUS_READY);
  g_assert_cmpint (status_of (f->library, b), ==, LEDE_ARTICLE_STATUS_DRAFT);
  g_assert_cmpint (status_of (f->library, c), ==, LEDE_ARTICLE_STATUS_READY);

  /* A story that is gone undoes the change to the others. */
  g_assert_false (lede_library_set_stories_status (f->library, a_none, LEDE_ARTICLE_STATUS_PUBLISHED, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (status_of (f->library, a), ==, LEDE_ARTICLE_STATUS_READY);
  g_assert_cmpuint (replaced, ==, 2);

  /* Tags: the library's own case is kept; a story that has it already is left be. */
  g_assert_true (lede_library_tag_stories (f->library, abc, "harbour", TRUE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < abc->len; i++)
    {
      tags = lede_library_get_tags (f->library, g_array_index (abc, gint64, i), NULL);
      g_assert_cmpstrv (tags, ((const char *[]) { "Harbour", NULL }));
      g_clear_pointer (&tags, g_strfreev);
    }
  g_assert_true (lede_library_tag_stories (f->library, ab, "HARBOUR", FALSE, &error));
  g_assert_no_error (error);
  tags = lede_library_get_tags (f->library, a, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { NULL }));
  g_clear_pointer (&tags, g_strfreev);
  tags = lede_library_get_tags (f->library, c, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Harbour", NULL }));
  g_clear_pointer (&tags, g_strfreev);
  g_assert_false (lede_library_tag_stories (f->library, ab, "  ", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Deleting forever takes only stories already in the trash. */
  g_assert_false (lede_library_delete_stories (f->library, only_c, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lede_library_trash_stories (f->library, only_c, NULL));
  g_assert_true (lede_library_delete_stories (f->library, only_c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 0);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  /* Held, many changes are told once, when released. */
  changes = 0;
  lede_library_hold_changes (f->library);
  g_assert_true (lede_library_trash_stories (f->library, ab, NULL));
  g_assert_true (lede_library_restore_stories (f->library, ab, NULL));
  g_assert_cmpuint (changes, ==, 0);
  lede_library_release_changes (f->library);
  g_assert_cmpuint (changes, ==, 1);
  lede_library_hold_changes (f->library);
  lede_library_release_changes (f->library);
  g_assert_cmpuint (changes, ==, 1);
}

/* The tag filter's tags: those a story outside the trash carries, and the
 * one chosen whatever it carries. */
static void
test_tags_in_use (Fixture       *f,
                  gconstpointer  data)
{
  gint64 kept = add_story (f->library, "Ferry timetable cut", "", "Winter sailings halve.");
  gint64 binned = add_story (f->library, "Pier repairs start", "", "Scaffolding goes up.");
  g_autoptr (GArray) only_binned = ids_of (binned, (gint64)0);
  g_auto (GStrv) names = NULL;

  g_assert_true (lede_library_set_tags (f->library, kept, (const char *[]) { "Harbour", "ferries", NULL }, NULL));
  g_assert_true (lede_library_set_tags (f->library, binned, (const char *[]) { "Harbour", "Works", NULL }, NULL));
  g_assert_true (lede_library_tag_stories (f->library, only_binned, "Quay", TRUE, NULL));
  g_assert_true (lede_library_trash_stories (f->library, only_binned, NULL));
  names = lede_library_list_tags_in_use (f->library, NULL, NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "ferries", "Harbour", NULL }));
  g_clear_pointer (&names, g_strfreev);
  names = lede_library_list_tags_in_use (f->library, "Works", NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "ferries", "Harbour", "Works", NULL }));
  g_clear_pointer (&names, g_strfreev);
  g_assert_true (lede_library_restore_stories (f->library, only_binned, NULL));
  names = lede_library_list_tags_in_use (f->library, NULL, NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "ferries", "Harbour", "Quay", "Works", NULL }));
}

static gint64 failing_id;

/* The trash, except for failing_id: a disk that fails on that story. */
static gboolean
trash_unless_failing (LedeLibrary  *library,
                      GArray       *ids,
                      GError      **error)
{
  if (g_array_index (ids, gint64, 0) == failing_id)
    {
      g_set_error_literal (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, "disk I/O error");
      return FALSE;
    }
  return lede_library_trash_stories (library, ids, error);
}

/* Many stories a step at a time (the window's trash of thousands): each
 * step is done or not, the lists are told once at the end, and a batch
 * stopped midway, or failing midway, leaves the rest as they were. */
static void
test_story_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LedeStoryBatch) batch = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  guint changes = 0, n;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Lighthouse keeper %u retires", i);
      gint64 id = add_story (f->library, headline, "", "The lamp room goes automatic.");

      g_array_append_val (ids, id);
    }
  g_signal_connect (f->library, "articles-changed", G_CALLBACK (count_signal), &changes);

  /* A budget no story fits: one story a step. */
  batch = lede_story_batch_new (f->library, ids, lede_library_trash_stories);
  g_assert_cmpuint (lede_story_batch_get_done (batch), ==, 0);
  g_assert_true (lede_story_batch_step (batch, 1, &error));
  g_assert_no_error (error);
  n = lede_story_batch_get_done (batch);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (lede_story_batch_step (batch, 1, NULL));
  g_assert_cmpuint (lede_story_batch_get_done (batch), ==, n + 1);
  n = lede_story_batch_get_done (batch);
  g_assert_false (lede_story_batch_is_done (batch));
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, n);
  g_assert_cmpuint (changes, ==, 0);

  /* Stopped (the window closed): told once; on disk, n in the trash and
   * out of the search, the rest found. */
  g_clear_pointer (&batch, lede_story_batch_free);
  g_assert_cmpuint (changes, ==, 1);
  reader = lede_library_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, n);
  g_assert_cmpint (lede_library_count_articles (reader, FALSE, NULL), ==, 40 - n);
  hits = search (reader, "lighthouse");
  g_assert_cmpuint (hits->len, ==, MIN (20, 40 - n));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The rest, with room to spare: done in a few steps, told once. */
  changes = 0;
  g_array_append_vals (done, ids->data, n);
  g_array_remove_range (ids, 0, n);
  batch = lede_story_batch_new (f->library, ids, lede_library_trash_stories);
  while (!lede_story_batch_is_done (batch))
    g_assert_true (lede_story_batch_step (batch, G_USEC_PER_SEC, NULL));
  g_assert_cmpuint (lede_story_batch_get_done (batch), ==, lede_story_batch_get_total (batch));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);
  g_clear_pointer (&batch, lede_story_batch_free);
  g_assert_cmpuint (changes, ==, 1);

  /* Back from the trash, one story restored alone since: passed over, and
   * not among those an Undo would take back. */
  g_array_append_vals (done, ids->data, ids->len);
  {
    g_autoptr (GArray) one = ids_of (g_array_index (done, gint64, 30), (gint64)0);

    g_assert_true (lede_library_restore_stories (f->library, one, NULL));
  }
  changes = 0;
  batch = lede_story_batch_new (f->library, done, lede_library_restore_stories);
  while (!lede_story_batch_is_done (batch))
    g_assert_true (lede_story_batch_step (batch, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lede_story_batch_get_done (batch), ==, 40);
  g_assert_cmpuint (lede_story_batch_get_changed (batch)->len, ==, 39);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 40);
  g_assert_cmpuint (changes, ==, 1);
  g_clear_pointer (&batch, lede_story_batch_free);

  /* A story that fails otherwise stops the batch there: those before it
   * stay done, it and those after stay as they were. */
  changes = 0;
  failing_id = g_array_index (done, gint64, 25);
  batch = lede_story_batch_new (f->library, done, trash_unless_failing);
  while (lede_story_batch_step (batch, 1, &error))
    g_assert_false (lede_story_batch_is_done (batch));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED);
  g_assert_true (lede_story_batch_is_done (batch));
  g_assert_cmpuint (lede_story_batch_get_done (batch), ==, 25);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 25);
  g_assert_cmpuint (changes, ==, 1);
  hits = search (f->library, "keeper");
  g_assert_cmpuint (hits->len, ==, 15);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gint64
tag_id_named (LedeLibrary *library,
              const char  *name)
{
  g_autoptr (GPtrArray) all = lede_library_list_tags (library, NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((LedeTag *)g_ptr_array_index (all, i))->name, name))
      return ((LedeTag *)g_ptr_array_index (all, i))->id;
  return 0;
}

/* Renames the tag @from to @to, onto another tag of that name: the
 * library is left with the one tag @to. How many stories it has. */
static guint
rename_onto (LedeLibrary *library,
             const char  *from,
             const char  *to)
{
  g_autoptr (GPtrArray) all = NULL;

  g_assert_true (lede_library_rename_tag (library, tag_id_named (library, from), to, NULL));
  all = lede_library_list_tags (library, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((LedeTag *)g_ptr_array_index (all, 0))->name, ==, to);
  return ((LedeTag *)g_ptr_array_index (all, 0))->n_stories;
}

/* A story's tags come with it and are saved with it, in one transaction;
 * a story object that never read them leaves them be. */
static void
test_story_carries_tags (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (LedeArticle) story = new_story ("Lifeboat crew honoured", "Medals at the pier.");
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (LedeArticle) blind = lede_article_new ();
  g_autoptr (GPtrArray) all = NULL;
  g_auto (GStrv) tags = NULL;
  guint replaced = 0, notified = 0;
  gint64 id;

  lede_article_set_tags (story, (const char * const[]) { "Lifeboats", NULL });
  g_assert_true (lede_library_create_article (f->library, story, NULL));
  id = lede_article_get_id (story);
  read = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpstrv (lede_article_get_tags (read), ((const char *[]) { "Lifeboats", NULL }));

  /* Set on the object, they reach the library with the rest of the story. */
  g_signal_connect (read, "notify::tags", G_CALLBACK (count_notify), &notified);
  lede_article_set_tags (read, (const char * const[]) { "Lifeboats", "Honours", NULL });
  lede_article_set_tags (read, (const char * const[]) { "Lifeboats", "Honours", NULL });
  g_assert_cmpuint (notified, ==, 1);
  lede_article_set_body (read, "Medals at the pier, and a parade.");
  g_assert_true (lede_library_update_article (f->library, read, NULL));
  tags = lede_library_get_tags (f->library, id, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Honours", "Lifeboats", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  /* An object made without them (tags never read) does not wipe them. */
  g_assert_null (lede_article_get_tags (blind));
  lede_article_set_id (blind, id);
  lede_article_set_headline (blind, "Lifeboat crew honoured at last");
  g_assert_true (lede_library_update_article (f->library, blind, NULL));
  tags = lede_library_get_tags (f->library, id, NULL);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_clear_pointer (&tags, g_strfreev);

  /* Renaming a tag tells the objects handed out for its stories. */
  g_signal_connect (f->library, "article-replaced", G_CALLBACK (count_replaced), &replaced);
  g_assert_true (lede_library_rename_tag (f->library, tag_id_named (f->library, "Honours"), "Awards", NULL));
  g_assert_cmpuint (replaced, ==, 1);
  g_clear_object (&read);
  read = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpstrv (lede_article_get_tags (read), ((const char *[]) { "Awards", "Lifeboats", NULL }));

  /* "Café" typed with a combining accent is the tag typed with "é". */
  lede_article_set_tags (read, (const char * const[]) { "Cafe\xcc\x81s", "Lifeboats", NULL });
  g_assert_true (lede_library_update_article (f->library, read, NULL));
  tags = lede_library_get_tags (f->library, id, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Caf\xc3\xa9s", "Lifeboats", NULL }));
  g_assert_true (lede_library_rename_tag (f->library, tag_id_named (f->library, "Awards"), "Cafe\xcc\x81s", NULL));
  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);
}

/* Tags are one in any case, beyond ASCII too (SQLite's NOCASE folds only
 * A to Z): saved, added to many stories, or renamed onto, a tag in other
 * capitals ("ÉCONOMIE", "ZÜRICH") is the one the library already has. */
static void
test_tags_in_any_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (LedeArticle) first = new_story ("Budget day", "The chancellor rose at noon.");
  g_autoptr (LedeArticle) second = new_story ("Markets calm", "Shares barely moved.");
  g_autoptr (LedeArticle) third = new_story ("Road closed", "Works on the high street.");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (GStrv) tags = NULL;
  gint64 id;

  lede_article_set_tags (first, (const char * const[]) { "\xc3\x89" "conomie", "Z\xc3\xbc" "rich", NULL });
  g_assert_true (lede_library_create_article (f->library, first, NULL));
  lede_article_set_tags (second, (const char * const[]) { "\xc3\x89" "CONOMIE", "Z\xc3\x9c" "RICH", NULL });
  g_assert_true (lede_library_create_article (f->library, second, NULL));
  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  tags = lede_library_get_tags (f->library, lede_article_get_id (second), NULL);
  /* In the order of their bytes (NOCASE): "É" after "Z". */
  g_assert_cmpstrv (tags, ((const char *[]) { "Z\xc3\xbc" "rich", "\xc3\x89" "conomie", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  /* Added to many at once, in small letters. */
  g_assert_true (lede_library_create_article (f->library, third, NULL));
  id = lede_article_get_id (third);
  g_array_append_val (ids, id);
  g_assert_true (lede_library_tag_stories (f->library, ids, "\xc3\xa9" "conomie", TRUE, NULL));
  tags = lede_library_get_tags (f->library, id, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "\xc3\x89" "conomie", NULL }));
  g_clear_pointer (&tags, g_strfreev);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  /* Taken off in capitals. */
  g_assert_true (lede_library_tag_stories (f->library, ids, "\xc3\x89" "CONOMIE", FALSE, NULL));
  tags = lede_library_get_tags (f->library, id, NULL);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_clear_pointer (&tags, g_strfreev);

  /* Renamed onto another in other capitals: the two are merged. */
  rename_onto (f->library, "Z\xc3\xbc" "rich", "\xc3\xa9" "CONOMIE");
  tags = lede_library_get_tags (f->library, lede_article_get_id (first), NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "\xc3\xa9" "CONOMIE", NULL }));
  g_clear_pointer (&tags, g_strfreev);
}

/* Tags in two cases that an older Lede made ("ÖLPREIS" and "ölpreis"):
 * the tag of the very name is the one taken off, and a rename of one onto
 * the other merges them, as for ASCII. */
static void
test_tags_twins_before (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (LedeArticle) capitals = new_story ("Oil climbs", "Brent rose.");
  g_autoptr (LedeArticle) small = new_story ("Oil falls", "Brent fell.");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *link = NULL;
  g_auto (GStrv) tags = NULL;
  gint64 small_id;

  lede_article_set_tags (capitals, (const char * const[]) { "\xc3\x96" "LPREIS", NULL });
  g_assert_true (lede_library_create_article (f->library, capitals, NULL));
  g_assert_true (lede_library_create_article (f->library, small, NULL));
  small_id = lede_article_get_id (small);
  link = g_strdup_printf ("INSERT INTO article_tags (article_id, tag_id) "
                          "SELECT %" G_GINT64_FORMAT ", id FROM tags WHERE name = '\xc3\xb6" "lpreis'",
                          small_id);
  sql_exec (f->path, "INSERT INTO tags (name) VALUES ('\xc3\xb6" "lpreis')");
  sql_exec (f->path, link);
  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);

  /* Taken off by its own name: the twin in capitals is not it. */
  g_array_append_val (ids, small_id);
  g_assert_true (lede_library_tag_stories (f->library, ids, "\xc3\xb6" "lpreis", FALSE, NULL));
  tags = lede_library_get_tags (f->library, small_id, NULL);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_clear_pointer (&tags, g_strfreev);
  tags = lede_library_get_tags (f->library, lede_article_get_id (capitals), NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "\xc3\x96" "LPREIS", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  /* Renamed onto its twin: one tag, on both stories. */
  sql_exec (f->path, link);
  g_assert_cmpuint (rename_onto (f->library, "\xc3\x96" "LPREIS", "\xc3\xb6" "lpreis"), ==, 2);
}

/* Sources too: read with the story, links saved with it; a source deleted
 * in the meantime is left out rather than failing the save. */
static void
test_story_carries_sources (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (LedeArticle) story = new_story ("Pier inquiry opens", "The council heard evidence.");
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (LedeSource) harbourmaster = lede_source_new ("Gwyn Harbourmaster");
  g_autoptr (LedeSource) engineer = lede_source_new ("Tessa Engineer");
  g_autoptr (GPtrArray) both = g_ptr_array_new ();
  g_autoptr (GPtrArray) linked = NULL;
  guint replaced = 0;
  gint64 id;

  g_assert_true (lede_library_create_source (f->library, harbourmaster, NULL));
  g_assert_true (lede_library_create_source (f->library, engineer, NULL));
  g_assert_true (lede_library_create_article (f->library, story, NULL));
  id = lede_article_get_id (story);
  g_assert_nonnull (lede_article_get_sources (story));
  g_assert_cmpuint (lede_article_get_sources (story)->len, ==, 0);

  g_free (harbourmaster->story_note);
  harbourmaster->story_note = g_strdup ("on the record");
  g_ptr_array_add (both, harbourmaster);
  g_ptr_array_add (both, engineer);
  lede_article_set_sources (story, both);
  g_assert_true (lede_library_update_article (f->library, story, NULL));
  read = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpuint (lede_article_get_sources (read)->len, ==, 2);
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (lede_article_get_sources (read), 0))->story_note, ==,
                   "on the record");

  /* Editing a source tells its stories' copies; deleting one too. */
  g_signal_connect (f->library, "article-replaced", G_CALLBACK (count_replaced), &replaced);
  g_free (engineer->role);
  engineer->role = g_strdup ("Structural engineer");
  g_assert_true (lede_library_update_source (f->library, engineer, NULL));
  g_assert_cmpuint (replaced, ==, 1);
  g_assert_true (lede_library_delete_source (f->library, engineer->id, NULL));
  g_assert_cmpuint (replaced, ==, 2);

  /* The old copy still lists the deleted source: its save keeps the rest. */
  lede_article_set_body (read, "The council heard evidence all day.");
  g_assert_true (lede_library_update_article (f->library, read, NULL));
  linked = lede_library_list_story_sources (f->library, id, NULL);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (linked, 0))->name, ==, "Gwyn Harbourmaster");
}

static void
test_reader_finds_nothing (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  library = lede_library_open_for_reading (path, &error);
  g_assert_null (library);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/lede/library/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-new", test_create_new);
  ADD ("reopen", test_reopen);
  ADD ("check-remembered", test_check_remembered);
  ADD ("crud", test_crud);
  ADD ("created-time-kept", test_created_time_kept);
  ADD ("trash-restore-delete", test_trash_restore_delete);
  ADD ("fts-triggers", test_fts_triggers);
  ADD ("full-disk", test_full_disk);
  ADD ("search", test_search);
  ADD ("search-window", test_search_window);
  ADD ("batch", test_batch);
  ADD ("rank-matches-bm25", test_rank_matches_bm25);
  ADD ("refuse/newer-library", test_refuse_newer_library);
  ADD ("refuse/corrupt-library", test_refuse_corrupt_library);
  ADD ("every-story-has-a-slug", test_every_story_has_a_slug);
  ADD ("empty-trash", test_empty_trash);
  ADD ("bulk", test_bulk);
  ADD ("story-batch", test_story_batch);
  ADD ("tags-in-use", test_tags_in_use);
  ADD ("story-carries-tags", test_story_carries_tags);
  ADD ("tags-in-any-case", test_tags_in_any_case);
  ADD ("tags-twins-before", test_tags_twins_before);
  ADD ("story-carries-sources", test_story_carries_sources);
#undef ADD
  g_test_add_func ("/lede/library/one-writer", test_one_writer);
  g_test_add_func ("/lede/library/closed-with-reader-open", test_closed_with_reader_open);
  g_test_add_func ("/lede/library/reader-finds-nothing", test_reader_finds_nothing);
  g_test_add_func ("/lede/library/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/lede/library/refuse/binary-file", test_refuse_binary_file);
  g_test_add_func ("/lede/library/refuse/foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/lede/library/refuse/read-only-file", test_read_only_file);
  g_test_add_func ("/lede/library/empty-file", test_empty_file_becomes_library);
  g_test_add_func ("/lede/library/cannot-create", test_cannot_create);
  g_test_add_func ("/lede/library/default-path", test_default_path);
  g_test_add_func ("/lede/library/plain-query", test_plain_query);

  return g_test_run ();
}
