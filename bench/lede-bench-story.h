/* lede-bench-story.h: deterministic synthetic stories for the benchmarks.
 *
 * The same seed always gives the same story, so runs compare. The words
 * are a made-up newsroom vocabulary; a few are rare on purpose, so search
 * benchmarks have rare and common words to look for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

static const char * const LEDE_BENCH_WORDS[] = {
  "the", "council", "said", "harbour", "ferry", "residents", "on", "a", "of", "and",
  "meeting", "plans", "to", "in", "was", "budget", "school", "road", "flood", "police",
  "mayor", "island", "volunteers", "week", "report", "said", "would", "public", "night",
  "town", "new", "funding", "bridge", "vote", "spokesperson", "community", "market",
  "weather", "storm", "coast", "hospital", "station", "library", "court", "trial",
  "election", "ward", "turnout", "inquiry", "minister", "housing", "rents", "pier",
};

/* Words that appear in about one story in a thousand. */
static const char * const LEDE_BENCH_RARE[] = {
  "quillwort", "saltmarsh", "lampwright", "ropewalk", "tidemill",
};

/* Real text follows Zipf's law: a few words everywhere, most words rare.
 * Ranks past the newsroom words are made-up words built from syllables,
 * unique for every rank below 65,536. */
#define LEDE_BENCH_VOCABULARY 20000

static inline const char *
lede_bench_word (guint  rank,
                 char  *buffer)
{
  static const char * const syllables[16] = {
    "ba", "ker", "lo", "mi", "ten", "dra", "fos", "quel",
    "ar", "vin", "ost", "ru", "pel", "ham", "sey", "dor",
  };

  if (rank < G_N_ELEMENTS (LEDE_BENCH_WORDS))
    return LEDE_BENCH_WORDS[rank];
  g_snprintf (buffer, 32, "%s%s%s%s", syllables[rank % 16], syllables[(rank / 16) % 16],
              syllables[(rank / 256) % 16], syllables[(rank / 4096) % 16]);
  return buffer;
}

/* A log-uniform rank is Zipf-distributed with exponent 1. */
static inline guint
lede_bench_zipf_rank (GRand *rand)
{
  return (guint)exp (g_rand_double (rand) * log (LEDE_BENCH_VOCABULARY)) - 1;
}

static inline void
lede_bench_append_sentence (GString *out,
                            GRand   *rand,
                            guint   *words)
{
  guint n = g_rand_int_range (rand, 8, 20);
  char buffer[32];

  for (guint i = 0; i < n; i++)
    {
      const char *word = lede_bench_word (lede_bench_zipf_rank (rand), buffer);

      if (i == 0)
        g_string_append_printf (out, "%c%s", g_ascii_toupper (word[0]), word + 1);
      else if (g_rand_int_range (rand, 0, 40) == 0)
        g_string_append_printf (out, " **%s**", word);
      else if (g_rand_int_range (rand, 0, 60) == 0)
        g_string_append_printf (out, " [%s](https://example.org/%s)", word, word);
      else
        g_string_append_printf (out, " %s", word);
    }
  g_string_append (out, ". ");
  *words += n;
}

/**
 * lede_bench_story:
 * @words: about how many words the body should have
 * @seed: which story
 *
 * Returns: (transfer full): a Markdown body with headings, paragraphs,
 *   lists, quotes, emphasis and links.
 */
static inline char *
lede_bench_story (guint   words,
                  guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_sized_new (words * 7);
  guint written = 0, paragraph = 0;

  if (g_rand_int_range (rand, 0, 1000) == 0)
    g_string_append_printf (out, "The %s was mentioned. ",
                            LEDE_BENCH_RARE[g_rand_int_range (rand, 0, G_N_ELEMENTS (LEDE_BENCH_RARE))]);

  while (written < words)
    {
      paragraph++;
      if (paragraph % 9 == 0)
        {
          g_string_append (out, "## ");
          lede_bench_append_sentence (out, rand, &written);
          g_string_append (out, "\n\n");
        }
      else if (paragraph % 13 == 0)
        {
          for (guint i = 0; i < 3; i++)
            {
              g_string_append (out, "- ");
              lede_bench_append_sentence (out, rand, &written);
              g_string_append (out, "\n");
            }
          g_string_append (out, "\n");
        }
      else if (paragraph % 7 == 0)
        {
          g_string_append (out, "> \"");
          lede_bench_append_sentence (out, rand, &written);
          g_string_append (out, "\"\n\n");
        }
      else
        {
          guint sentences = g_rand_int_range (rand, 2, 5);
          for (guint i = 0; i < sentences; i++)
            lede_bench_append_sentence (out, rand, &written);
          g_string_append (out, "\n\n");
        }
    }

  return g_string_free (out, FALSE);
}
