/* fuzz-checks.c: the copy desk's checks and slugs on any story. Every
 * quotation and finding lies inside its field and is valid UTF-8, and no
 * check changes the story; a slug is lowercase ASCII letters, digits and
 * single inner hyphens, at most LEDE_SLUG_MAX_LENGTH long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-slug.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *body = lede_fuzz_string (data, size);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;
  g_autofree char *slug = NULL;
  glong chars;

  if (!g_utf8_validate (body, -1, NULL))
    return 0;
  chars = g_utf8_strlen (body, -1);

  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  g_ptr_array_add (sources, lede_source_new ("Institute for Coastal Studies"));
  quotes = lede_attribution_check (body, sources);
  for (guint i = 0; i < quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (quotes, i);

      lede_fuzz_check ((glong)quote->offset < chars, "a quotation at %u of %ld characters", quote->offset, chars);
      lede_fuzz_check (g_utf8_validate (quote->text, -1, NULL), "a quotation that is not UTF-8");
    }

  {
    /* The body's first line is the headline too, so the fields get odd input. */
    g_autoptr (LedeArticle) article = lede_article_new ();
    g_autoptr (LedeCheckStory) story = NULL;
    g_autoptr (GPtrArray) findings = NULL;
    g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 28, 9, 0, 0);
    g_autofree char *headline = g_strndup (body, strcspn (body, "\n"));

    lede_article_set_headline (article, headline);
    lede_article_set_standfirst (article, headline);
    lede_article_set_body (article, body);
    lede_article_set_sources (article, sources);
    lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
    lede_article_set_word_goal (article, 100);
    story = lede_check_story_new (article, NULL, NULL);
    findings = lede_checks_run (story, now);
    for (guint i = 0; i < findings->len; i++)
      {
        LedeFinding *finding = g_ptr_array_index (findings, i);
        const char *field = finding->field == LEDE_FIELD_BODY ? lede_article_get_body (article)
                          : finding->field == LEDE_FIELD_HEADLINE || finding->field == LEDE_FIELD_STANDFIRST
                          ? lede_article_get_headline (article) : NULL;

        lede_fuzz_check (g_utf8_validate (finding->text, -1, NULL) && g_utf8_validate (finding->message, -1, NULL),
                         "a finding that is not UTF-8");
        if (field)
          lede_fuzz_check ((glong)(finding->offset + finding->length) <= g_utf8_strlen (field, -1),
                           "a finding at %u+%u past its field", finding->offset, finding->length);
      }
    lede_fuzz_check (g_str_equal (lede_article_get_body (article), body), "a check changed the body");
  }

  slug = lede_slug_from_text (body);
  lede_fuzz_check (strlen (slug) <= LEDE_SLUG_MAX_LENGTH, "a slug of %zu characters", strlen (slug));
  lede_fuzz_check (slug[0] != '-' && (slug[0] == '\0' || slug[strlen (slug) - 1] != '-'), "a slug with an outer hyphen: %s", slug);
  lede_fuzz_check (strstr (slug, "--") == NULL, "a slug with a double hyphen: %s", slug);
  for (const char *p = slug; *p; p++)
    lede_fuzz_check (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-', "a slug with “%c”: %s", *p, slug);
  return 0;
}
