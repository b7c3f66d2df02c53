/* fuzz-import.c: a file as import reads it — Markdown with front matter, or
 * plain text when the first byte is odd — then the export round trip: the
 * story exported to Markdown (kept whole for review, an editor's open pass
 * included) and imported again is the same story, field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-export.h"
#include "../lede-test-export.h"
#include "lede-import.h"
#include "lede-fuzz-story.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *name = size > 0 && (data[0] & 1) ? "story.txt" : "story.md";
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) tags_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = lede_import_parse (name, (const char *)data, size, &tags, &error);
  g_autoptr (LedeArticle) again = NULL;
  g_autoptr (GBytes) markdown = NULL;
  gsize len;
  const char *text;

  if (article == NULL)
    {
      lede_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL), "a refusal without words");
      return 0;
    }

  markdown = lede_test_export_whole (article, (const char * const *)tags, NULL);
  text = g_bytes_get_data (markdown, &len);
  again = lede_import_parse ("story.md", text, len, &tags_again, &error);
  lede_fuzz_check (again != NULL, "Lede's own export does not import: %s\n%.*s", error->message, (int)len, text);
  lede_fuzz_check_same_story (article, (const char * const *)tags, again, (const char * const *)tags_again);
  return 0;
}
