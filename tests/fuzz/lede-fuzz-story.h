/* lede-fuzz-story.h: comparing two stories field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-fuzz.h"

static inline gboolean
lede_fuzz_same_time (GDateTime *a,
                     GDateTime *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

#define LEDE_FUZZ_SAME_TEXT(a, b, field) \
  lede_fuzz_check (g_strcmp0 (lede_article_get_##field (a), lede_article_get_##field (b)) == 0, \
                   #field " changed: “%s” → “%s”", lede_article_get_##field (a), lede_article_get_##field (b))

static inline void
lede_fuzz_check_same_story (LedeArticle        *a,
                            const char * const *a_tags,
                            LedeArticle        *b,
                            const char * const *b_tags)
{
  LEDE_FUZZ_SAME_TEXT (a, b, headline);
  LEDE_FUZZ_SAME_TEXT (a, b, standfirst);
  LEDE_FUZZ_SAME_TEXT (a, b, slug);
  LEDE_FUZZ_SAME_TEXT (a, b, byline);
  LEDE_FUZZ_SAME_TEXT (a, b, dateline);
  LEDE_FUZZ_SAME_TEXT (a, b, section);
  LEDE_FUZZ_SAME_TEXT (a, b, language);
  LEDE_FUZZ_SAME_TEXT (a, b, body);
  LEDE_FUZZ_SAME_TEXT (a, b, uuid);
  LEDE_FUZZ_SAME_TEXT (a, b, extra_front_matter);
  lede_fuzz_check (lede_article_get_status (a) == lede_article_get_status (b), "status changed");
  lede_fuzz_check (lede_article_get_word_goal (a) == lede_article_get_word_goal (b), "word goal changed");
  lede_fuzz_check (lede_fuzz_same_time (lede_article_get_embargo (a), lede_article_get_embargo (b)), "embargo changed");
  lede_fuzz_check (lede_fuzz_same_time (lede_article_get_published (a), lede_article_get_published (b)), "publication time changed");
  lede_fuzz_check (lede_fuzz_same_time (lede_article_get_created (a), lede_article_get_created (b)), "creation time changed");
  lede_fuzz_check (g_strv_equal (a_tags, b_tags), "tags changed");
}
