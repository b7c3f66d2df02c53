/* fuzz-front-matter.c: YAML front matter alone. Whatever it reads, the
 * keys it keeps must make valid front matter again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-front-matter.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *yaml = lede_fuzz_string (data, size);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeArticle) again = lede_article_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) tags_again = g_strv_builder_new ();
  g_auto (GStrv) tag_list = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;
  const char *inner;

  /* Import hands it only UTF-8 without NUL bytes. */
  if (!g_utf8_validate_len (yaml, size, NULL) || memchr (data, 0, size))
    return 0;
  if (!lede_front_matter_read (yaml, size, article, tags, NULL, &error))
    return 0;

  tag_list = g_strv_builder_end (tags);
  written = lede_front_matter_write (article, (const char * const *)tag_list, lede_article_get_sources (article));
  inner = written + strlen ("---\n");
  lede_fuzz_check (lede_front_matter_read (inner, strlen (inner) - strlen ("---\n"), again, tags_again, NULL, &error),
                   "Lede's own front matter does not read back: %s\n%s", error->message, written);
  lede_fuzz_check (g_strcmp0 (lede_article_get_extra_front_matter (article),
                              lede_article_get_extra_front_matter (again)) == 0,
                   "kept keys changed:\n%s\n----\n%s", lede_article_get_extra_front_matter (article),
                   lede_article_get_extra_front_matter (again));
  return 0;
}
