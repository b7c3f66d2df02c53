/* test-article.c: the story object and the sample story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-article.h"
#include "lede-sample-story.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  g_assert_cmpint (lede_article_get_id (article), ==, 0);
  g_assert_cmpstr (lede_article_get_headline (article), ==, "");
  g_assert_cmpstr (lede_article_get_body (article), ==, "");
  g_assert_cmpstr (lede_article_get_editorial_note (article), ==, "");
  g_assert_cmpint (lede_article_get_status (article), ==, LEDE_ARTICLE_STATUS_DRAFT);
  g_assert_null (lede_article_get_embargo (article));
  g_assert_null (lede_article_get_trashed (article));

  /* NULL is stored as the empty string: the columns are NOT NULL. */
  lede_article_set_byline (article, NULL);
  g_assert_cmpstr (lede_article_get_byline (article), ==, "");

  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_notify_once (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GDateTime) embargo = g_date_time_new_utc (2026, 12, 1, 6, 0, 0);
  g_autoptr (GDateTime) same = g_date_time_new_utc (2026, 12, 1, 6, 0, 0);
  guint count = 0;

  g_signal_connect (article, "notify", G_CALLBACK (count_notify), &count);

  lede_article_set_headline (article, "Harbour wall to be rebuilt");
  lede_article_set_headline (article, "Harbour wall to be rebuilt");
  g_assert_cmpuint (count, ==, 1);

  lede_article_set_embargo (article, embargo);
  lede_article_set_embargo (article, same);
  g_assert_cmpuint (count, ==, 2);

  lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
  lede_article_set_word_goal (article, 800);
  lede_article_set_word_goal (article, 800);
  g_assert_cmpuint (count, ==, 4);

  g_object_set (article, "dateline", "MARROWBY", "editorial-note", "Check the quote with legal", NULL);
  g_assert_cmpstr (lede_article_get_dateline (article), ==, "MARROWBY");
  g_assert_cmpstr (lede_article_get_editorial_note (article), ==, "Check the quote with legal");
  g_assert_cmpuint (count, ==, 6);

  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_status_names (void)
{
  static const struct { LedeArticleStatus status; const char *nick; } cases[] = {
    { LEDE_ARTICLE_STATUS_DRAFT, "draft" },
    { LEDE_ARTICLE_STATUS_IN_PROGRESS, "in-progress" },
    { LEDE_ARTICLE_STATUS_READY, "ready" },
    { LEDE_ARTICLE_STATUS_PUBLISHED, "published" },
    { LEDE_ARTICLE_STATUS_SPIKED, "spiked" },
  };
  LedeArticleStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (lede_article_status_to_string (cases[i].status), ==, cases[i].nick);
      g_assert_true (lede_article_status_from_string (cases[i].nick, &status));
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpstr (lede_article_status_get_label (cases[i].status), !=, "");
    }

  g_assert_false (lede_article_status_from_string ("killed", &status));
  g_assert_false (lede_article_status_from_string (NULL, &status));
}

/* A foreign library's row or a slip can hand a story bytes that are not
 * UTF-8; every reader walks the text as UTF-8, so the story repairs it. */
static void
test_invalid_utf8 (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_article_set_body (article, "Marrowby harbour \xc3");
  g_assert_true (g_utf8_validate (lede_article_get_body (article), -1, NULL));
  g_assert_true (g_str_has_prefix (lede_article_get_body (article), "Marrowby harbour "));

  lede_article_set_headline (article, "Ferry\xe2\x80\n returns");
  g_assert_true (g_utf8_validate (lede_article_get_headline (article), -1, NULL));
  g_assert_null (strchr (lede_article_get_headline (article), '\n'));
}

static void
test_sample_story (void)
{
  g_autoptr (LedeArticle) sample = lede_sample_story_new ();

  g_assert_cmpstr (lede_article_get_headline (sample), ==,
                   "Night ferry to Kestle Island returns after forty-one years");
  g_assert_cmpstr (lede_article_get_byline (sample), ==, "Tamsin Orrell");
  g_assert_cmpstr (lede_article_get_dateline (sample), ==, "MARROWBY");
  g_assert_cmpstr (lede_article_get_language (sample), ==, "en");
  g_assert_true (g_str_has_prefix (lede_article_get_body (sample), "The lights of the"));
  g_assert_nonnull (strstr (lede_article_get_body (sample), "## Four winters in a boat shed"));
  g_assert_true (g_utf8_validate (lede_article_get_body (sample), -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/article/defaults", test_defaults);
  g_test_add_func ("/lede/article/notify-once", test_notify_once);
  g_test_add_func ("/lede/article/status-names", test_status_names);
  g_test_add_func ("/lede/article/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/lede/article/sample-story", test_sample_story);

  return g_test_run ();
}
