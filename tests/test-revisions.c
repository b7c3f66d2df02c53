/* test-revisions.c: revisions kept and not kept, identical text stored
 * once, retention on a synthetic year, the word diff (a property test on
 * random texts), and restoring with tags and sources deleted since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lede-counts.h"
#include "lede-diff.h"
#include "lede-library.h"
#include "lede-test-library-fixture.h"

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
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

static LedeArticle *
new_story (Fixture *f)
{
  LedeArticle *article = lede_article_new ();

  lede_article_set_headline (article, "Pier reopens after storm repairs");
  lede_article_set_body (article, "The pier at Port Essendy reopened on Saturday.\n");
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  return article;
}

static guint
n_revisions (Fixture     *f,
             LedeArticle *article)
{
  g_autoptr (GPtrArray) revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);

  g_assert_nonnull (revisions);
  return revisions->len;
}

static void
test_kept (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_autoptr (GPtrArray) revisions = NULL;
  const char * const tags[] = { "Piers", NULL };
  LedeRevision *newest;
  gboolean kept;

  g_assert_true (lede_library_keep_revision (f->library, article, "left the story", NULL, &kept, NULL));
  g_assert_true (kept);
  /* Nothing changed since: none. */
  g_assert_true (lede_library_keep_revision (f->library, article, "left the story", NULL, &kept, NULL));
  g_assert_false (kept);
  /* A tag is a change; so is any field. */
  lede_article_set_tags (article, tags);
  g_assert_true (lede_library_keep_revision (f->library, article, "status: ready", NULL, &kept, NULL));
  g_assert_true (kept);
  /* A named version is kept even when nothing changed. */
  g_assert_true (lede_library_keep_revision (f->library, article, "named", "as filed", &kept, NULL));
  g_assert_true (kept);
  g_assert_cmpuint (n_revisions (f, article), ==, 3);
  /* Three revisions of one body: the text is stored once. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision_texts"), ==, 1);

  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  newest = g_ptr_array_index (revisions, 0);
  g_assert_cmpstr (newest->name, ==, "as filed");
  g_assert_cmpstr (((LedeRevision *)g_ptr_array_index (revisions, 2))->reason, ==, "left the story");
  g_assert_cmpuint (newest->words, ==, 8);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GPtrArray) revisions = NULL;
  guint total = 400 * 2, recent = 0, named = 0;
  sqlite3 *db = NULL;

  /* A revision every twelve hours for 400 days, the oldest named. */
  for (guint i = 0; i < total; i++)
    {
      g_autofree char *body = g_strdup_printf ("Version %u of the pier story.\n", i);

      lede_article_set_body (article, body);
      g_assert_true (lede_library_keep_revision (f->library, article, "ten minutes", i == 0 ? "first draft" : NULL,
                                                 NULL, NULL));
    }
  g_assert_cmpuint (n_revisions (f, article), ==, total);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < total; i++)
    {
      g_autoptr (GDateTime) when = g_date_time_add_hours (now, -12 * (gint)(total - 1 - i));
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *sql = g_strdup_printf ("UPDATE revisions SET created_at = '%s' WHERE id = %u", text, i + 1);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);

  g_assert_cmpint (lede_library_thin_revisions (f->library, lede_article_get_id (article), now, NULL), >, 0);
  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  for (guint i = 0; i < revisions->len; i++)
    {
      LedeRevision *revision = g_ptr_array_index (revisions, i);

      recent += g_date_time_difference (now, revision->created) < 30 * G_TIME_SPAN_DAY;
      named += *revision->name != '\0';
    }
  /* The last 30 days whole (2 a day), then one a day to a year, then one a
   * week, and the named first draft. */
  g_assert_cmpuint (recent, ==, 30 * 2);
  g_assert_cmpuint (named, ==, 1);
  g_assert_cmpuint (revisions->len, >=, 60 + 334 + 5 + 1);
  g_assert_cmpuint (revisions->len, <=, 60 + 336 + 7 + 1);
  /* The texts of thinned revisions went with them. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision_texts"), ==, revisions->len);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (LedeSource) source = lede_source_new ("Harbour master");
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  g_autoptr (GPtrArray) revisions = NULL;
  g_autofree char *not_restored = NULL;
  g_autoptr (GError) error = NULL;
  const char * const tags[] = { "Piers", "Storms", NULL };
  gint64 first;

  g_assert_true (lede_library_create_source (f->library, source, NULL));
  g_ptr_array_add (sources, source);
  lede_article_set_tags (article, tags);
  lede_article_set_sources (article, sources);
  lede_article_set_standfirst (article, "Six months of work on the Victorian pier.");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_true (lede_library_keep_revision (f->library, article, "left the story", NULL, NULL, NULL));
  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  first = ((LedeRevision *)g_ptr_array_index (revisions, 0))->id;

  /* Overwritten by mistake, and a tag and the source deleted since. */
  lede_article_set_body (article, "oops\n");
  lede_article_set_standfirst (article, "");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  {
    g_autoptr (GPtrArray) all = lede_library_list_tags (f->library, NULL);

    for (guint i = 0; i < all->len; i++)
      if (g_str_equal (((LedeTag *)g_ptr_array_index (all, i))->name, "Storms"))
        g_assert_true (lede_library_delete_tag (f->library, ((LedeTag *)g_ptr_array_index (all, i))->id, NULL));
  }
  g_assert_true (lede_library_delete_source (f->library, source->id, NULL));

  g_assert_true (lede_library_restore_revision (f->library, first, &not_restored, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (not_restored, "the tag “Storms”"));
  g_assert_nonnull (strstr (not_restored, "the source “Harbour master”"));
  back = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpstr (lede_article_get_body (back), ==, "The pier at Port Essendy reopened on Saturday.\n");
  g_assert_cmpstr (lede_article_get_standfirst (back), ==, "Six months of work on the Victorian pier.");
  g_assert_true (g_strv_equal (lede_article_get_tags (back), (const char * const[]) { "Piers", NULL }));
  /* What was there before the restore is a revision too. */
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((LedeRevision *)g_ptr_array_index (revisions, 0))->reason, ==, "before restoring");
  {
    g_autoptr (LedeArticle) before = lede_library_get_revision (f->library, ((LedeRevision *)g_ptr_array_index (revisions, 0))->id,
                                                                NULL, NULL);
    g_assert_cmpstr (lede_article_get_body (before), ==, "oops\n");
  }
  g_assert_null (lede_library_get_revision (f->library, 9999, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
}

/* The story's life is not a version of its text: a version kept before
 * the embargo was set, before publication and under another slug, once
 * restored, brings the words back and leaves the embargo, the status, the
 * published time and the published slug as they are. */
static void
test_restore_keeps_publication (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) embargo = g_date_time_add_days (now, 1);
  g_autoptr (GDateTime) published = g_date_time_add_hours (now, -2);
  g_autoptr (GError) error = NULL;
  gint64 first;

  lede_article_set_slug (article, "pier-draft");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_true (lede_library_keep_revision (f->library, article, "draft", NULL, NULL, NULL));
  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  first = ((LedeRevision *)g_ptr_array_index (revisions, 0))->id;

  lede_article_set_body (article, "The pier at Port Essendy reopened on Saturday after six months.\n");
  lede_article_set_slug (article, "pier-reopens");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_PUBLISHED);
  lede_article_set_published (article, published);
  lede_article_set_embargo (article, embargo);
  g_assert_true (lede_library_update_article (f->library, article, NULL));

  g_assert_true (lede_library_restore_revision (f->library, first, NULL, &error));
  g_assert_no_error (error);
  back = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpstr (lede_article_get_body (back), ==, "The pier at Port Essendy reopened on Saturday.\n");
  g_assert_cmpint (lede_article_get_status (back), ==, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_nonnull (lede_article_get_embargo (back));
  g_assert_cmpint (g_date_time_to_unix (lede_article_get_embargo (back)), ==, g_date_time_to_unix (embargo));
  g_assert_cmpint (g_date_time_to_unix (lede_article_get_published (back)), ==, g_date_time_to_unix (published));
  g_assert_cmpstr (lede_article_get_slug (back), ==, "pier-reopens");

  /* Not yet published, the slug is a version's like the words. */
  g_assert_true (lede_article_keeps_on_restore (back, "embargo"));
  lede_article_set_status (back, LEDE_ARTICLE_STATUS_READY);
  g_assert_false (lede_article_keeps_on_restore (back, "slug"));
  g_assert_false (lede_article_keeps_on_restore (back, "headline"));
}

/* A copy from elsewhere (an import of a newer file) never moves a
 * published story's slug, nor empties any story's. */
static void
test_replace_keeps_published_slug (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (LedeArticle) copy = NULL;
  gint64 id = lede_article_get_id (article);

  copy = lede_article_dup (article);
  lede_article_set_slug (copy, "");
  g_assert_true (lede_library_replace_story (f->library, id, copy, NULL, NULL));
  back = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpstr (lede_article_get_slug (back), ==, lede_article_get_slug (article));
  g_clear_object (&back);

  lede_article_set_slug (copy, "pier-open-again");
  g_assert_true (lede_library_replace_story (f->library, id, copy, NULL, NULL));
  back = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpstr (lede_article_get_slug (back), ==, "pier-open-again");
  g_clear_object (&back);

  lede_article_set_status (copy, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (lede_library_replace_story (f->library, id, copy, NULL, NULL));
  lede_article_set_slug (copy, "a-new-address");
  g_assert_true (lede_library_replace_story (f->library, id, copy, NULL, NULL));
  back = lede_library_get_article (f->library, id, NULL);
  g_assert_cmpstr (lede_article_get_slug (back), ==, "pier-open-again");
}

/* No story is marked published before its embargo lifts: the bulk status
 * change is refused whole, in words. */
static void
test_published_under_embargo_refused (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (LedeArticle) free_story = new_story (f);
  g_autoptr (LedeArticle) embargoed = new_story (f);
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  gint64 id;

  lede_article_set_embargo (embargoed, tomorrow);
  g_assert_true (lede_library_update_article (f->library, embargoed, NULL));
  id = lede_article_get_id (free_story);
  g_array_append_val (ids, id);
  id = lede_article_get_id (embargoed);
  g_array_append_val (ids, id);
  g_assert_false (lede_library_set_stories_status (f->library, ids, LEDE_ARTICLE_STATUS_PUBLISHED, &error));
  g_assert_nonnull (strstr (error->message, "embargo"));
  back = lede_library_get_article (f->library, lede_article_get_id (free_story), NULL);
  g_assert_cmpint (lede_article_get_status (back), !=, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (lede_library_set_stories_status (f->library, ids, LEDE_ARTICLE_STATUS_READY, NULL));
}

/* Random texts from a small vocabulary, randomly edited: the diff applied
 * to the old text always gives the new one. */
static void
test_diff_property (void)
{
  static const char * const words[] = { "the", "ferry", "pier", "Kestle", "said", ",", ".", "“", "”", "é", "\n\n", "TK" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr (GString) old_text = g_string_new (NULL);
      g_autoptr (GString) new_text = g_string_new (NULL);
      g_autoptr (GArray) spans = NULL;
      g_autofree char *applied = NULL;
      guint n = g_rand_int_range (rand, 0, 200);

      for (guint i = 0; i < n; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          int edit = g_rand_int_range (rand, 0, 10);

          g_string_append_printf (old_text, "%s ", word);
          if (edit == 0)
            continue;  /* deleted */
          if (edit == 1)
            g_string_append_printf (new_text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_printf (new_text, "%s ", edit == 2 ? "pilot" : word);
        }
      spans = lede_diff_words (old_text->str, new_text->str);
      applied = lede_diff_apply (old_text->str, new_text->str, spans);
      g_assert_cmpstr (applied, ==, new_text->str);
    }
}

static void
test_diff_words (void)
{
  const char *old_text = "The ferry left at nine.";
  const char *new_text = "The night ferry left at ten.";
  g_autoptr (GArray) spans = lede_diff_words (old_text, new_text);
  guint deleted, inserted;

  lede_diff_count (old_text, new_text, spans, &deleted, &inserted);
  g_assert_cmpuint (deleted, ==, 1);
  g_assert_cmpuint (inserted, ==, 2);
  g_assert_cmpint (g_array_index (spans, LedeDiffSpan, 0).kind, ==, LEDE_DIFF_SAME);
  g_assert_cmpint (g_array_index (spans, LedeDiffSpan, 1).kind, ==, LEDE_DIFF_INSERTED);
  g_assert_cmpuint (g_array_index (spans, LedeDiffSpan, 1).new_length, ==, strlen ("night "));
}

static char *
span_text (const char   *old_text,
           const char   *new_text,
           LedeDiffSpan *span)
{
  if (span->kind == LEDE_DIFF_INSERTED)
    return g_strndup (new_text + span->new_start, span->new_length);
  return g_strndup (old_text + span->old_start, span->old_length);
}

/* A number with separators is one word: changed, it is struck through and
 * put in whole, and counted once. */
static void
test_diff_numbers (void)
{
  static const struct { const char *old_text, *new_text, *deleted, *inserted; } cases[] = {
    { "100,000 people", "120,000 people", "100,000", "120,000" },
    { "a rise of 3.5 per cent", "a rise of 3.7 per cent", "3.5", "3.7" },
    { "at 9:30 today", "at 10:15 today", "9:30", "10:15" },
    { "it cost £1,200.", "it cost £1,500.", "1,200", "1,500" },
    { "the 1,000-strong crowd", "the 2,000-strong crowd", "1,000-strong", "2,000-strong" },
    { "rund 100.000 Menschen", "rund 120.000 Menschen", "100.000", "120.000" },
    { "um 3,5 Prozent", "um 4,5 Prozent", "3,5", "4,5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) spans = lede_diff_words (cases[i].old_text, cases[i].new_text);
      g_autofree char *applied = lede_diff_apply (cases[i].old_text, cases[i].new_text, spans);
      guint deleted, inserted, n_deleted = 0, n_inserted = 0;

      g_test_message ("%s → %s", cases[i].old_text, cases[i].new_text);
      g_assert_cmpstr (applied, ==, cases[i].new_text);
      lede_diff_count (cases[i].old_text, cases[i].new_text, spans, &deleted, &inserted);
      g_assert_cmpuint (deleted, ==, 1);
      g_assert_cmpuint (inserted, ==, 1);
      for (guint k = 0; k < spans->len; k++)
        {
          LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, k);
          g_autofree char *text = span_text (cases[i].old_text, cases[i].new_text, span);

          if (span->kind == LEDE_DIFF_DELETED)
            {
              g_assert_cmpstr (text, ==, cases[i].deleted);
              n_deleted++;
            }
          else if (span->kind == LEDE_DIFF_INSERTED)
            {
              g_assert_cmpstr (text, ==, cases[i].inserted);
              n_inserted++;
            }
        }
      g_assert_cmpuint (n_deleted, ==, 1);
      g_assert_cmpuint (n_inserted, ==, 1);
    }
}

/* The diff counts words as the panel does: a whole text inserted is as many
 * words as lede_counts_compute() says; punctuation alone is no word; a word
 * changed in two places is one word. */
static void
test_diff_counts_agree (void)
{
  static const char * const texts[] = {
    "The council spent £1,200 on 3.5 tonnes at 9:30 for the 1,000-strong crowd of 100,000.",
    "Rund 100.000 Menschen zahlten ab 9:30 Uhr 3,5 Prozent mehr, also 1.200 €.",
    "Ferries and/or buses — the U.S. way — run at 10.30am; well-known, isn’t it?",
    "A lone - dash, “quotes” and … an ellipsis",
  };
  guint deleted, inserted;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GArray) spans = lede_diff_words ("", texts[i]);
      g_autoptr (GArray) back = lede_diff_words (texts[i], "");
      LedeCounts counts;

      lede_counts_compute ("", texts[i], &counts);
      lede_diff_count ("", texts[i], spans, &deleted, &inserted);
      g_assert_cmpuint (inserted, ==, counts.words);
      g_assert_cmpuint (deleted, ==, 0);
      lede_diff_count (texts[i], "", back, &deleted, &inserted);
      g_assert_cmpuint (deleted, ==, counts.words);
    }

  {
    g_autoptr (GArray) spans = lede_diff_words ("They said so.", "They said so!");

    lede_diff_count ("They said so.", "They said so!", spans, &deleted, &inserted);
    g_assert_cmpuint (deleted, ==, 0);
    g_assert_cmpuint (inserted, ==, 0);
  }
  {
    const char *old_text = "buses and/or ferries", *new_text = "buses or/and ferries";
    g_autoptr (GArray) spans = lede_diff_words (old_text, new_text);

    lede_diff_count (old_text, new_text, spans, &deleted, &inserted);
    g_assert_cmpuint (deleted, ==, 1);
    g_assert_cmpuint (inserted, ==, 1);
  }
}

/* The quotations' baseline: the oldest kept revision's body, then each
 * wording accepted since; a story never kept has none. */
static void
test_quote_baseline (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (LedeArticle) article = new_story (f);
  g_auto (GStrv) none = lede_library_dup_quote_baseline (f->library, lede_article_get_id (article), NULL);
  g_auto (GStrv) kept = NULL;
  g_auto (GStrv) accepted = NULL;
  g_autofree char *first = g_strdup (lede_article_get_body (article));

  g_assert_nonnull (none);
  g_assert_null (none[0]);
  g_assert_true (lede_library_keep_revision (f->library, article, "left the story", NULL, NULL, NULL));
  lede_article_set_body (article, "“The pier is safe,” the engineer said.\n");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_true (lede_library_keep_revision (f->library, article, "left the story", NULL, NULL, NULL));
  kept = lede_library_dup_quote_baseline (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (g_strv_length (kept), ==, 1);
  g_assert_cmpstr (kept[0], ==, first);

  g_assert_true (lede_library_add_quote_wording (f->library, lede_article_get_id (article), "“The pier is safe,”",
                                                 "accepted", NULL));
  accepted = lede_library_dup_quote_baseline (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (g_strv_length (accepted), ==, 2);
  g_assert_cmpstr (accepted[0], ==, first);
  g_assert_cmpstr (accepted[1], ==, "“The pier is safe,”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/revisions/diff-words", test_diff_words);
  g_test_add_func ("/lede/revisions/diff-property", test_diff_property);
  g_test_add_func ("/lede/revisions/diff-numbers", test_diff_numbers);
  g_test_add_func ("/lede/revisions/diff-counts-agree", test_diff_counts_agree);
#define ADD(name, func) g_test_add ("/lede/revisions/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("restore-keeps-publication", test_restore_keeps_publication);
  ADD ("published-under-embargo-refused", test_published_under_embargo_refused);
  ADD ("replace-keeps-published-slug", test_replace_keeps_published_slug);
  ADD ("kept", test_kept);
  ADD ("retention", test_retention);
  ADD ("restore", test_restore);
  ADD ("quote-baseline", test_quote_baseline);
#undef ADD
  return g_test_run ();
}
