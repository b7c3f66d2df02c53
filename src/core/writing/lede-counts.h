/* lede-counts.h: words, characters and reading time, as the panel shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"

G_BEGIN_DECLS

/* A headline longer than this gets a hint: it will be cut in search results
 * and on social cards. */
/* Adult silent reading of news prose, in words a minute. */
#define LEDE_WORDS_A_MINUTE 238

typedef struct {
  guint words;
  guint characters;
  guint reading_minutes;
  guint headline_length;
} LedeCounts;

void lede_counts_compute (const char *headline,
                          const char *body,
                          LedeCounts *counts);

G_END_DECLS
