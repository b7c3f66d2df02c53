/* fuzz-html-reader.c: any bytes as HTML read into Markdown. The reading
 * finishes with Markdown in UTF-8 or a refusal in words, and so does the
 * reading of that Markdown's own page. (That the page then says the same
 * is tested on real stories, /lede/wire/html-reader-round-trip: on hostile
 * markup, emphasis nested in itself and raw HTML the page leaves out, the
 * Markdown can only say it differently.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-html-reader.h"
#include "lede-markdown.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown = lede_html_reader_to_markdown ((const char *)data, size, &error);
  g_autofree char *html = NULL;
  g_autofree char *again = NULL;

  if (markdown == NULL)
    {
      lede_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL), "a refusal without words");
      return 0;
    }
  lede_fuzz_check (g_utf8_validate (markdown, -1, NULL), "Markdown not UTF-8");
  html = lede_markdown_to_published_html (markdown, -1);
  again = lede_html_reader_to_markdown (html, -1, &error);
  lede_fuzz_check (again != NULL, "the page of its own Markdown is refused: %s", error ? error->message : "");
  lede_fuzz_check (g_utf8_validate (again, -1, NULL), "Markdown read again not UTF-8");
  return 0;
}
