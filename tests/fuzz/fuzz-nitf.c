/* fuzz-nitf.c: any bytes as NITF. A story comes out whole, its text
 * UTF-8, or the file is refused in words; a story exported to Markdown
 * imports again as the same story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-export.h"
#include "../lede-test-export.h"
#include "lede-import.h"
#include "lede-nitf-reader.h"
#include "lede-fuzz-story.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) tags_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_autoptr (LedeArticle) article = lede_nitf_reader_read ((const char *)data, size, &tags, &wire, &error);
  g_autoptr (LedeArticle) again = NULL;
  g_autoptr (GBytes) markdown = NULL;
  gsize len;
  const char *text;

  if (article == NULL)
    {
      lede_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL), "a refusal without words");
      lede_fuzz_check (wire == NULL, "a wire identity for a refused file");
      return 0;
    }
  lede_fuzz_check (g_utf8_validate (lede_article_get_headline (article), -1, NULL), "headline not UTF-8");
  lede_fuzz_check (g_utf8_validate (lede_article_get_body (article), -1, NULL), "body not UTF-8");
  for (guint i = 0; tags && tags[i]; i++)
    lede_fuzz_check (g_utf8_validate (tags[i], -1, NULL), "a tag not UTF-8");
  lede_fuzz_check (wire == NULL || (wire->id && *wire->id && g_utf8_validate (wire->id, -1, NULL)), "an empty wire id");

  markdown = lede_test_export (article, (const char * const *)tags, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
  text = g_bytes_get_data (markdown, &len);
  again = lede_import_parse ("story.md", text, len, &tags_again, &error);
  lede_fuzz_check (again != NULL, "its Markdown export does not import: %s\n%.*s", error->message, (int)len, text);
  lede_fuzz_check_same_story (article, (const char * const *)tags, again, (const char * const *)tags_again);
  return 0;
}
