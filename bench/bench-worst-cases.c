/* bench-worst-cases.c: the inputs that once made a stage quadratic (issue
 * 31), each timed in-process at n, 2n and 4n. A row gives the three times
 * and the growth exponent log2 (t(4n) / t(2n)): near 1 is linear, 2 is
 * quadratic. The goal is at most 1.2 wherever a stage takes over 10 ms.
 *
 * Each input is built here the way a writer (or a paste, or an import)
 * could make it; none is a real story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-front-matter.h"
#include "lede-markdown.h"
#include "lede-source.h"
#include "lede-words.h"

/* A run that takes longer than this is not repeated. */
#define REPEAT_BELOW_MS 1000.0

typedef enum {
  STAGE_CHECKS,
  STAGE_NAMES,
  STAGE_HTML,
  STAGE_FRONT_MATTER,
  STAGE_ATTRIBUTION,
  STAGE_WORDS,
} Stage;

typedef struct {
  const char *row;
  Stage       stage;
  guint       n;          /* the smallest size, in units of the pattern */
  gboolean    with_source;
} WorstCase;

static const WorstCase cases[] = {
  { "checks: placeholders on one line", STAGE_CHECKS, 8000 },
  { "checks: quotations on one line", STAGE_CHECKS, 8000 },
  { "checks: old-Mac line ends", STAGE_CHECKS, 4000 },
  { "checks: percentages on one line", STAGE_CHECKS, 4000 },
  { "checks: weekdays on one line", STAGE_CHECKS, 4000 },
  { "checks: single quotations in one graf", STAGE_CHECKS, 8000 },
  { "names: one long capitalised word", STAGE_NAMES, 8000 },
  { "names: one name, many capitalisations", STAGE_NAMES, 1000 },
  { "checks: many linked sources", STAGE_CHECKS, 4000 },
  { "markdown: ![[]() repeated", STAGE_HTML, 32000 },
  { "markdown: a table row of many pipes", STAGE_HTML, 8000 },
  { "markdown: a table many columns wide", STAGE_HTML, 8000 },
  { "front matter: many unknown keys", STAGE_FRONT_MATTER, 4000 },
  { "front matter: deep flow nesting", STAGE_FRONT_MATTER, 8000 },
  { "attribution: apostrophes in one graf", STAGE_ATTRIBUTION, 50000 },
  { "attribution: he said, no source named", STAGE_ATTRIBUTION, 20000 },
  { "attribution: quotations and mentions in one graf", STAGE_ATTRIBUTION, 20000, TRUE },
  { "spell-check words: many < on one line", STAGE_WORDS, 100000 },
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The input of @row at size @n: the text, and the linked sources some
 * stages read beside it. */
static char *
make_input (const char *row,
            guint       n,
            GPtrArray  *sources)
{
  GString *out = g_string_new (NULL);

  if (g_str_equal (row, "checks: placeholders on one line"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "TK ");
  else if (g_str_equal (row, "checks: quotations on one line"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "\"yes\" ");
  else if (g_str_equal (row, "checks: old-Mac line ends"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "The harbour, “closed,” she said.\r\rXX\r\r");
  else if (g_str_equal (row, "checks: percentages on one line"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "Fares rose 30% from 40 to 44. ");
  else if (g_str_equal (row, "checks: weekdays on one line"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "on Friday 3 March 2026, ");
  else if (g_str_equal (row, "checks: single quotations in one graf"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "‘so’ ");
  else if (g_str_equal (row, "names: one long capitalised word"))
    {
      g_string_append (out, "Ms Q");
      for (guint i = 0; i < n; i++)
        g_string_append_c (out, 'u');
      g_string_append (out, "\n");
    }
  else if (g_str_equal (row, "names: one name, many capitalisations"))
    for (guint i = 0; i < n; i++)
      {
        static const char name[] = "ravensworthingham";

        g_string_append (out, "Dr R");
        for (guint k = 1; k < sizeof name - 1; k++)
          g_string_append_c (out, (i >> (k - 1)) & 1 ? g_ascii_toupper (name[k]) : name[k]);
        g_string_append (out, " spoke. ");
      }
  else if (g_str_equal (row, "checks: many linked sources"))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("Witness %u", i);

          g_ptr_array_add (sources, lede_source_new (name));
        }
      g_string_append (out, "The Witness spoke.\n");
    }
  else if (g_str_equal (row, "markdown: ![[]() repeated"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "![[]()");
  else if (g_str_equal (row, "markdown: a table row of many pipes"))
    {
      g_string_append (out, "| x |\n|---|\n");
      for (guint i = 0; i < n; i++)
        g_string_append_c (out, '|');
      g_string_append_c (out, '\n');
    }
  else if (g_str_equal (row, "markdown: a table many columns wide"))
    for (guint r = 0; r < 3; r++)
      {
        for (guint i = 0; i < n; i++)
          g_string_append (out, r == 1 ? "|--" : "| y");
        g_string_append (out, "|\n");
      }
  else if (g_str_equal (row, "front matter: many unknown keys"))
    for (guint i = 0; i < n; i++)
      g_string_append_printf (out, "field_%u: value %u\n", i, i);
  else if (g_str_equal (row, "front matter: deep flow nesting"))
    {
      g_string_append (out, "title: \"Deep\"\nnested: ");
      for (guint i = 0; i < n; i++)
        g_string_append_c (out, '{' );
      for (guint i = 0; i < n; i++)
        g_string_append_c (out, '}');
      g_string_append_c (out, '\n');
    }
  else if (g_str_equal (row, "attribution: apostrophes in one graf"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "the go’ ");
  else if (g_str_equal (row, "attribution: he said, no source named"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "“Not now,” he said.\n\n");
  else if (g_str_equal (row, "attribution: quotations and mentions in one graf"))
    {
      g_ptr_array_add (sources, lede_source_new ("Ines Marlowe"));
      for (guint i = 0; i < n; i++)
        g_string_append (out, "“Not now,” Marlowe said.\n");
    }
  else if (g_str_equal (row, "spell-check words: many < on one line"))
    for (guint i = 0; i < n; i++)
      g_string_append (out, "x < y ");
  else
    g_assert_not_reached ();
  return g_string_free (out, FALSE);
}

static void
run_stage (Stage       stage,
           const char *text,
           GPtrArray  *sources)
{
  switch (stage)
    {
    case STAGE_CHECKS:
    case STAGE_NAMES:
      {
        g_autoptr (LedeArticle) article = lede_article_new ();
        g_autoptr (LedeCheckStory) story = NULL;
        g_autoptr (GPtrArray) findings = NULL;
        g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

        lede_article_set_headline (article, "Harbour");
        story = lede_check_story_new (article, text, sources);
        if (stage == STAGE_NAMES)
          {
            findings = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);
            lede_check_names (story, NULL, findings);
          }
        else
          findings = lede_checks_run (story, now);
        break;
      }
    case STAGE_HTML:
      g_free (lede_markdown_to_html (text, -1));
      break;
    case STAGE_FRONT_MATTER:
      {
        g_autoptr (LedeArticle) article = lede_article_new ();
        g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();

        /* A refusal is an answer too; its time is what counts. */
        (void)lede_front_matter_read (text, strlen (text), article, tags, NULL, NULL);
        break;
      }
    case STAGE_ATTRIBUTION:
      g_ptr_array_unref (lede_attribution_check (text, sources));
      break;
    case STAGE_WORDS:
      g_array_unref (lede_words_find (text, -1));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The fastest of up to three runs (one when a run is slow). */
static double
time_case (const WorstCase *worst,
           guint            n)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autofree char *text = make_input (worst->row, n, sources);
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      double start = now_ms (), elapsed;

      run_stage (worst->stage, text, sources);
      elapsed = now_ms () - start;
      best = MIN (best, elapsed);
      if (elapsed > REPEAT_BELOW_MS)
        break;
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  const char *only = argc > 1 ? argv[1] : NULL;
  guint scale = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 1;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const WorstCase *worst = &cases[c];
      double ms[3];
      double growth;

      if (only && !strstr (worst->row, only))
        continue;
      for (guint s = 0; s < 3; s++)
        ms[s] = time_case (worst, (worst->n * MAX (scale, 1)) << s);
      /* Below a millisecond the ratio is noise; it says nothing then. */
      growth = ms[1] > 0.001 ? log2 (ms[2] / ms[1]) : 0;
      printf ("{\"group\": \"worst cases\", \"row\": \"%s\", \"who\": \"Lede: n, 2n, 4n\", \"unit\": \"ms\", "
              "\"median\": %.3f, \"p95\": %.3f, \"min\": %.3f, \"max\": %.3f, \"runs\": 3, "
              "\"n\": %u, \"ms\": [%.3f, %.3f, %.3f], \"growth\": %.2f}\n",
              worst->row, ms[2], ms[2], ms[0], ms[2], worst->n * MAX (scale, 1), ms[0], ms[1], ms[2], growth);
      fflush (stdout);
    }
  return 0;
}
