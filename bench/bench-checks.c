/* bench-checks.c: the copy desk's checks on 1k / 10k / 100k-word stories
 * written like news (names, quotations, dates and figures in every graf),
 * and on the worst input we know: 10,000 quotation marks in a row.
 *
 * The panel runs them on a worker thread as typing pauses; key to frame
 * with the panel shown and hidden is in bench-preview.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-checks.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

static const char * const people[] = {
  "Eri Kaneko", "Rhian Tallis", "Idris Feltham", "Moira Castell", "Priya Lanmore", "Dev Achebe",
  "Tamsin Orrell", "Ifor Llewellin", "Eluned Parry", "Ann Smyth",
};

/* News-like: each graf some words, then a quotation credited by name or
 * pronoun, and now and then a date or a figure; a name misspelt here and
 * there. */
static char *
news_story (guint words)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  GString *out = g_string_sized_new (words * 7);
  guint written = 0;

  for (guint graf = 0; written < words; graf++)
    {
      const char *who = people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))];

      lede_bench_append_sentence (out, rand, &written);
      if (graf % 2 == 0)
        g_string_append_printf (out, "“We will see,” said %s.", who);
      else
        g_string_append (out, "“Not yet,” she said.");
      if (graf % 5 == 0)
        g_string_append_printf (out, " The board meets on Tuesday, March %u.", graf % 28 + 1);
      if (graf % 7 == 0)
        g_string_append (out, " Fares rose 20% from 50 to 65.");
      if (graf % 50 == 0)
        g_string_append (out, " Councillor Smith agreed.");
      g_string_append (out, "\n\n");
      written += 8;
    }
  return g_string_free (out, FALSE);
}

static LedeBenchStats
time_checks (const char *body,
             guint       runs)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (people); i += 2)
    g_ptr_array_add (sources, lede_source_new (people[i]));
  lede_article_set_headline (article, "Ferry fares rise as the board meets");
  lede_article_set_body (article, body);
  lede_article_set_sources (article, sources);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
      g_autoptr (GPtrArray) findings = lede_checks_run (story, now);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (samples, ms);
    }
  return lede_bench_stats (samples);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  g_autoptr (GString) marks = g_string_new (NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *body = news_story (sizes[s]);
      g_autofree char *row = g_strdup_printf ("%uk words of news", sizes[s] / 1000);

      lede_bench_report ("checks", row, "Lede (all checks)", "ms", time_checks (body, sizes[s] >= 100000 ? 7 : 21));
    }
  for (guint i = 0; i < 10000; i++)
    g_string_append (marks, i % 2 ? "“" : "\"");
  lede_bench_report ("checks", "10,000 quotation marks in a row", "Lede (all checks)", "ms", time_checks (marks->str, 7));
  return 0;
}
