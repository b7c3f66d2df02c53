/* test-metadata.c: what the metadata panel relies on in the core — slugs,
 * one-line fields, tags, sources, counts, filters and the attribution check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"
#include "lede-counts.h"
#include "lede-library.h"
#include "lede-slug.h"
#include "lede-test-library-fixture.h"


static LedeArticle *
add (Fixture            *f,
     const char         *headline,
     const char         *slug,
     LedeArticleStatus   status,
     const char * const *tags)
{
  LedeArticle *article = lede_article_new ();

  lede_article_set_headline (article, headline);
  lede_article_set_slug (article, slug);
  lede_article_set_status (article, status);
  g_assert_true (lede_library_add_story (f->library, article, tags, NULL));
  return article;
}

static void
test_slug_rules (void)
{
  g_autofree char *slug = lede_slug_from_text ("Mayor’s “quiet” exit — Zoë Brønsted and José Núñez respond");

  g_assert_cmpstr (slug, ==, "mayors-quiet-exit-zoe-broensted-and-jose-nunez-respond");
}

static void
test_slug_unique (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (LedeArticle) one = add (f, "Bridge closes", "bridge-closes", LEDE_ARTICLE_STATUS_DRAFT, NULL);
  g_autoptr (LedeArticle) two = add (f, "Bridge closes again", "bridge-closes-2", LEDE_ARTICLE_STATUS_DRAFT, NULL);
  g_autofree char *owner = lede_library_slug_owner (f->library, "bridge-closes", lede_article_get_id (two));
  g_autofree char *mine = lede_library_slug_owner (f->library, "bridge-closes", lede_article_get_id (one));
  g_autofree char *unique = lede_library_make_unique_slug (f->library, "bridge-closes", 0);
  g_autofree char *same = lede_library_make_unique_slug (f->library, "bridge-closes", lede_article_get_id (one));

  g_assert_cmpstr (owner, ==, "Bridge closes");
  g_assert_null (mine);
  g_assert_cmpstr (unique, ==, "bridge-closes-3");
  g_assert_cmpstr (same, ==, "bridge-closes");

  /* A story in the trash frees its slug. */
  g_assert_true (lede_library_trash_article (f->library, lede_article_get_id (one), NULL));
  g_clear_pointer (&owner, g_free);
  owner = lede_library_slug_owner (f->library, "bridge-closes", 0);
  g_assert_null (owner);
}

static void
test_one_line_fields (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GString) huge = g_string_new (NULL);

  lede_article_set_headline (article, "Storm\nwarning\tfor the\x07 coast\x1b[31m");
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Storm warning for the coast[31m");
  lede_article_set_byline (article, "Ana\u2028Ruiz\xc2\x85");
  g_assert_cmpstr (lede_article_get_byline (article), ==, "Ana Ruiz");
  /* The body and the note keep their lines. */
  lede_article_set_body (article, "One\n\nTwo\t");
  g_assert_cmpstr (lede_article_get_body (article), ==, "One\n\nTwo\t");
  lede_article_set_editorial_note (article, "Check\nwith legal");
  g_assert_cmpstr (lede_article_get_editorial_note (article), ==, "Check\nwith legal");

  /* A 10,000-character headline is kept whole (the panel warns). */
  for (guint i = 0; i < 1000; i++)
    g_string_append (huge, "Headlines ");
  lede_article_set_headline (article, huge->str);
  g_assert_cmpuint (strlen (lede_article_get_headline (article)), ==, 10000);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedeArticle) a = add (f, "Ferry fares rise", "", LEDE_ARTICLE_STATUS_DRAFT,
                                   (const char * const[]) { "Transport", "transport", " TRANSPORT ", "Islands", NULL });
  g_autoptr (LedeArticle) b = add (f, "Island school", "", LEDE_ARTICLE_STATUS_READY,
                                   (const char * const[]) { "islands", "Education", NULL });
  g_auto (GStrv) tags_a = lede_library_get_tags (f->library, lede_article_get_id (a), NULL);
  g_auto (GStrv) tags_b = lede_library_get_tags (f->library, lede_article_get_id (b), NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_auto (GStrv) after = NULL;
  LedeTag *tag;

  /* Case-insensitive: one tag each, spelt as first written. */
  g_assert_true (g_strv_equal ((const char * const *)tags_a, (const char * const[]) { "Islands", "Transport", NULL }));
  g_assert_true (g_strv_equal ((const char * const *)tags_b, (const char * const[]) { "Education", "Islands", NULL }));

  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 3);
  tag = g_ptr_array_index (all, 1);
  g_assert_cmpstr (tag->name, ==, "Islands");
  g_assert_cmpuint (tag->n_stories, ==, 2);

  /* Rename onto another tag merges them. */
  g_assert_true (lede_library_rename_tag (f->library, ((LedeTag *)g_ptr_array_index (all, 2))->id, "islands", NULL));
  after = lede_library_get_tags (f->library, lede_article_get_id (a), NULL);
  g_assert_true (g_strv_equal ((const char * const *)after, (const char * const[]) { "islands", NULL }));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = lede_library_list_tags (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (((LedeTag *)g_ptr_array_index (all, 1))->n_stories, ==, 2);

  /* Search follows the rename; deleting takes the tag off every story. */
  {
    g_autoptr (GPtrArray) hits = lede_library_search (f->library, "tags:islands", 10, NULL);
    g_assert_cmpuint (hits->len, ==, 2);
  }
  g_assert_true (lede_library_delete_tag (f->library, ((LedeTag *)g_ptr_array_index (all, 1))->id, NULL));
  g_clear_pointer (&after, g_strfreev);
  after = lede_library_get_tags (f->library, lede_article_get_id (b), NULL);
  g_assert_true (g_strv_equal ((const char * const *)after, (const char * const[]) { "Education", NULL }));
  {
    g_autoptr (GPtrArray) hits = lede_library_search (f->library, "tags:islands", 10, NULL);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  g_assert_false (lede_library_rename_tag (f->library, ((LedeTag *)g_ptr_array_index (all, 0))->id, "  ", NULL));
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedeArticle) story = add (f, "Harbour dredging delayed", "", LEDE_ARTICLE_STATUS_DRAFT, NULL);
  g_autoptr (LedeArticle) other = add (f, "Harbour board meets", "", LEDE_ARTICLE_STATUS_DRAFT, NULL);
  g_autoptr (LedeSource) master = lede_source_new ("Rhian Tallis");
  g_autoptr (LedeSource) board = lede_source_new ("Essendy Harbour Board");
  g_autoptr (GPtrArray) linked = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_auto (GStrv) stories = NULL;

  g_free (master->role), master->role = g_strdup ("Harbour master");
  g_free (master->phone), master->phone = g_strdup ("01632 960 111");
  g_assert_true (lede_library_create_source (f->library, master, NULL));
  g_assert_true (lede_library_create_source (f->library, board, NULL));
  g_assert_cmpint (master->id, >, 0);

  g_assert_true (lede_library_link_source (f->library, lede_article_get_id (story), master->id, "on background", NULL));
  g_assert_true (lede_library_link_source (f->library, lede_article_get_id (story), board->id, "", NULL));
  g_assert_true (lede_library_link_source (f->library, lede_article_get_id (other), master->id, "", NULL));
  /* Linking again changes the note. */
  g_assert_true (lede_library_link_source (f->library, lede_article_get_id (story), master->id, "on the record", NULL));

  linked = lede_library_list_story_sources (f->library, lede_article_get_id (story), NULL);
  g_assert_cmpuint (linked->len, ==, 2);
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (linked, 1))->name, ==, "Rhian Tallis");
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (linked, 1))->story_note, ==, "on the record");
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (linked, 1))->phone, ==, "01632 960 111");

  /* Edit. */
  g_free (master->organisation), master->organisation = g_strdup ("Port Essendy");
  g_assert_true (lede_library_update_source (f->library, master, NULL));
  all = lede_library_list_sources (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (all, 1))->organisation, ==, "Port Essendy");
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (all, 1))->story_note, ==, "2");  /* stories citing */
  stories = lede_library_list_source_stories (f->library, master->id, NULL);
  g_assert_cmpuint (g_strv_length (stories), ==, 2);

  /* Unlink; deleting a story drops its links; deleting a source drops its
   * links and leaves the stories. */
  g_assert_true (lede_library_unlink_source (f->library, lede_article_get_id (story), board->id, NULL));
  g_clear_pointer (&linked, g_ptr_array_unref);
  linked = lede_library_list_story_sources (f->library, lede_article_get_id (story), NULL);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_true (lede_library_trash_article (f->library, lede_article_get_id (other), NULL));
  g_assert_true (lede_library_delete_article (f->library, lede_article_get_id (other), NULL));
  g_clear_pointer (&stories, g_strfreev);
  stories = lede_library_list_source_stories (f->library, master->id, NULL);
  g_assert_cmpuint (g_strv_length (stories), ==, 1);
  g_assert_true (lede_library_delete_source (f->library, master->id, NULL));
  g_clear_pointer (&linked, g_ptr_array_unref);
  linked = lede_library_list_story_sources (f->library, lede_article_get_id (story), NULL);
  g_assert_cmpuint (linked->len, ==, 0);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedeArticle) a = add (f, "A", "", LEDE_ARTICLE_STATUS_DRAFT, (const char * const[]) { "Courts", NULL });
  g_autoptr (LedeArticle) b = add (f, "B", "", LEDE_ARTICLE_STATUS_READY, (const char * const[]) { "courts", "Crime", NULL });
  g_autoptr (LedeArticle) c = add (f, "C", "", LEDE_ARTICLE_STATUS_READY, NULL);

  g_assert_nonnull (a);
  g_assert_nonnull (c);
  g_autoptr (GArray) ready = lede_library_list_ids_filtered (f->library, FALSE, LEDE_ARTICLE_STATUS_READY, NULL, NULL);
  g_autoptr (GArray) courts = lede_library_list_ids_filtered (f->library, FALSE, -1, "COURTS", NULL);
  g_autoptr (GArray) both = lede_library_list_ids_filtered (f->library, FALSE, LEDE_ARTICLE_STATUS_READY, "Courts", NULL);
  g_autoptr (GArray) none = lede_library_list_ids_filtered (f->library, FALSE, LEDE_ARTICLE_STATUS_SPIKED, NULL, NULL);

  g_assert_cmpuint (ready->len, ==, 2);
  g_assert_cmpuint (courts->len, ==, 2);
  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpint (g_array_index (both, gint64, 0), ==, lede_article_get_id (b));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_counts (void)
{
  LedeCounts counts;
  g_autoptr (GString) long_body = g_string_new (NULL);

  lede_counts_compute ("Harbour reopens", "The **well-known** [harbour](https://example.org) reopened to 100,000 visitors.", &counts);
  g_assert_cmpuint (counts.words, ==, 7);
  g_assert_cmpuint (counts.characters, ==, strlen ("The well-known harbour reopened to 100,000 visitors."));
  g_assert_cmpuint (counts.reading_minutes, ==, 1);
  g_assert_cmpuint (counts.headline_length, ==, 15);

  for (guint i = 0; i < 500; i++)
    g_string_append (long_body, "word ");
  lede_counts_compute ("", long_body->str, &counts);
  g_assert_cmpuint (counts.words, ==, 500);
  g_assert_cmpuint (counts.reading_minutes, ==, 3);  /* 500 / 238, rounded up */
  lede_counts_compute ("", "", &counts);
  g_assert_cmpuint (counts.words, ==, 0);
  g_assert_cmpuint (counts.reading_minutes, ==, 0);
}

/* A number with thousands separators, a decimal point or a time is one
 * word, in English and in German, with a currency sign or a hyphen on it. */
static void
test_counts_numbers (void)
{
  LedeCounts counts;

  lede_counts_compute ("", "The council spent £1,200 on 3.5 tonnes at 9:30 for the 1,000-strong crowd of 100,000.", &counts);
  g_assert_cmpuint (counts.words, ==, 15);
  lede_counts_compute ("", "Rund 100.000 Menschen zahlten ab 9:30 Uhr 3,5 Prozent mehr, also 1.200 €.", &counts);
  g_assert_cmpuint (counts.words, ==, 12);
  lede_counts_compute ("", "A 2.5% rise: 1,000,000.50 dollars.", &counts);
  g_assert_cmpuint (counts.words, ==, 5);
}

static void
test_attribution (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;
  const char *body =
    "The harbour master was blunt. \"We cannot dredge in winter,\" said Rhian Tallis.\n"
    "\n"
    "“The board was warned in March,” Tallis added.\n"
    "\n"
    "“Nobody told us anything,” said a fisherman on the quay.\n"
    "\n"
    "A \"\" pair of empty quotes and a lone \" do not count.\n"
    "\n"
    "The statement called the delay \"regrettable\" — the board, Essendy Harbour Board, said.\n";
  LedeQuote *quote;

  g_ptr_array_add (sources, lede_source_new ("Rhian Tallis"));
  g_ptr_array_add (sources, lede_source_new ("Essendy Harbour Board"));
  quotes = lede_attribution_check (body, sources);
  g_assert_cmpuint (quotes->len, ==, 4);

  quote = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (quote->text, ==, "We cannot dredge in winter,");
  g_assert_cmpstr (quote->speaker, ==, "Rhian Tallis");
  g_assert_cmpuint (quote->line, ==, 1);
  g_assert_cmpuint (quote->offset, ==, g_utf8_strlen ("The harbour master was blunt. ", -1));

  quote = g_ptr_array_index (quotes, 1);  /* surname alone, curly quotes */
  g_assert_cmpstr (quote->speaker, ==, "Rhian Tallis");
  g_assert_cmpuint (quote->line, ==, 3);

  quote = g_ptr_array_index (quotes, 2);  /* nobody the story relies on */
  g_assert_cmpstr (quote->text, ==, "Nobody told us anything,");
  g_assert_null (quote->speaker);
  g_assert_cmpuint (quote->line, ==, 5);

  quote = g_ptr_array_index (quotes, 3);  /* an organisation, named whole */
  g_assert_cmpstr (quote->speaker, ==, "Essendy Harbour Board");

  /* "Tall" is not "Tallis"; with no sources nothing is attributed. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  g_ptr_array_set_size (sources, 0);
  g_ptr_array_add (sources, lede_source_new ("Jo Tall"));
  quotes = lede_attribution_check ("\"Quiet,\" said Tallis.", sources);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_null (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("\"Quiet,\" said Tallis.", NULL);
  g_assert_null (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/metadata/slug-rules", test_slug_rules);
  g_test_add_func ("/lede/metadata/one-line-fields", test_one_line_fields);
  g_test_add_func ("/lede/metadata/counts", test_counts);
  g_test_add_func ("/lede/metadata/counts-numbers", test_counts_numbers);
  g_test_add_func ("/lede/metadata/attribution", test_attribution);
#define ADD(name, func) g_test_add ("/lede/metadata/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("slug-unique", test_slug_unique);
  ADD ("tags", test_tags);
  ADD ("sources", test_sources);
  ADD ("filters", test_filters);
#undef ADD
  return g_test_run ();
}
