/* fuzz-markdown.c: a body to HTML, to plain text and to a word count. All
 * three must finish, and all output must be UTF-8 whatever the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-markdown.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *html = lede_markdown_to_html ((const char *)data, size);
  g_autofree char *plain = lede_markdown_to_plain_text ((const char *)data, size);
  g_autofree char *text = lede_fuzz_string (data, size);

  lede_fuzz_check (g_utf8_validate (html, -1, NULL), "HTML not UTF-8");
  lede_fuzz_check (g_utf8_validate (plain, -1, NULL), "plain text not UTF-8");
  /* No raw HTML from the story reaches the page. */
  lede_fuzz_check (strstr (html, "<script") == NULL, "a script element in the HTML");
  (void)lede_markdown_count_words (text);
  return 0;
}
