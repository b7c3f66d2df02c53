/* lede-counts.c: words, characters and reading time, as the panel shows them.
 *
 * The word rule is lede_markdown_count_words()'s: what a reader sees,
 * Markdown syntax and link addresses left out, "well-known" and "100,000"
 * one word each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-counts.h"
#include "lede-review.h"
#include "lede-markdown.h"

void
lede_counts_compute (const char *headline,
                     const char *body,
                     LedeCounts *counts)
{
  /* An editor's pass counts as it would read with every suggestion taken. */
  g_autofree char *taken = lede_review_dup_accepted (body ? body : "");
  g_autofree char *taken_headline = lede_review_dup_accepted (headline ? headline : "");
  g_autofree char *plain = lede_markdown_to_plain_text (taken, -1);
  guint characters = 0;

  for (const char *p = plain; *p; p = g_utf8_next_char (p))
    characters += *p != '\n';
  counts->words = lede_markdown_count_words (taken);
  counts->characters = characters;
  counts->reading_minutes = counts->words ? (counts->words + LEDE_WORDS_A_MINUTE - 1) / LEDE_WORDS_A_MINUTE : 0;
  counts->headline_length = g_utf8_strlen (taken_headline, -1);
}
