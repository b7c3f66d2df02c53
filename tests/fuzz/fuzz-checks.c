/* fuzz-checks.c: the attribution check and slugs on any body. Every
 * quotation found lies inside the body; a slug is lowercase ASCII letters,
 * digits and single inner hyphens, at most LEDE_SLUG_MAX_LENGTH long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"
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

  slug = lede_slug_from_text (body);
  lede_fuzz_check (strlen (slug) <= LEDE_SLUG_MAX_LENGTH, "a slug of %zu characters", strlen (slug));
  lede_fuzz_check (slug[0] != '-' && (slug[0] == '\0' || slug[strlen (slug) - 1] != '-'), "a slug with an outer hyphen: %s", slug);
  lede_fuzz_check (strstr (slug, "--") == NULL, "a slug with a double hyphen: %s", slug);
  for (const char *p = slug; *p; p++)
    lede_fuzz_check (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-', "a slug with “%c”: %s", *p, slug);
  return 0;
}
