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
#include "lede-style.h"
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

/* 200 house rules as a desk might keep them: mostly one-word and phrase
 * swaps (some of them words the story uses), a few tokens, patterns, a
 * sentence length and pairs of spellings. */
static LedeStyle *
house_style (void)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Rule%03u", i);
      LedeStyleRule *rule;

      if (i < 180)
        {
          g_autofree char *key = NULL;

          rule = lede_style_rule_new (name, LEDE_STYLE_SUBSTITUTION);
          rule->ignorecase = i % 2 == 0;
          key = i % 30 == 0 ? g_strdup (LEDE_BENCH_WORDS[i / 30 + 3])
                : i % 3 == 0 ? g_strdup_printf ("the %s plan%u", LEDE_BENCH_WORDS[i % 40], i)
                : g_strdup_printf ("word%u", i);
          lede_style_rule_add_pair (rule, key, "fixed");
        }
      else if (i < 190)
        {
          g_autofree char *token = g_strdup_printf ("hedge%u", i);

          rule = lede_style_rule_new (name, LEDE_STYLE_EXISTENCE);
          rule->ignorecase = TRUE;
          lede_style_rule_add_pair (rule, token, NULL);
        }
      else if (i < 195)
        {
          g_autofree char *pattern = g_strdup_printf ("colou?r%u|flavou?r%u", i, i);

          rule = lede_style_rule_new (name, LEDE_STYLE_SUBSTITUTION);
          lede_style_rule_add_pair (rule, pattern, "hue");
        }
      else if (i < 196)
        {
          rule = lede_style_rule_new (name, LEDE_STYLE_OCCURRENCE);
          rule->scope = g_strdup ("sentence");
          rule->max = 30;
        }
      else
        {
          rule = lede_style_rule_new (name, LEDE_STYLE_CONSISTENCY);
          rule->ignorecase = TRUE;
          lede_style_rule_add_pair (rule, i == 196 ? "harbour" : "adviser", i == 196 ? "harbor" : "advisor");
        }
      g_ptr_array_add (rules, rule);
    }
  return lede_style_new (rules);
}

static LedeBenchStats
time_checks (const char *body,
             LedeStyle  *style,
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
      g_autoptr (GPtrArray) findings = NULL;
      double ms;

      lede_check_story_set_style (story, style);
      findings = lede_checks_run (story, now);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (findings);
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

      lede_bench_report ("checks", row, "Lede (all checks)", "ms", time_checks (body, NULL, sizes[s] >= 100000 ? 7 : 21));
      if (sizes[s] >= 100000)
        {
          g_autoptr (LedeStyle) style = house_style ();

          lede_bench_report ("checks", row, "Lede (all checks, 200 house rules)", "ms", time_checks (body, style, 7));
        }
    }
  for (guint i = 0; i < 10000; i++)
    g_string_append (marks, i % 2 ? "“" : "\"");
  lede_bench_report ("checks", "10,000 quotation marks in a row", "Lede (all checks)", "ms", time_checks (marks->str, NULL, 7));
  return 0;
}
