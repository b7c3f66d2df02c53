/* fuzz-encoding.c: any bytes read as text that may not be UTF-8: as
 * Windows-1252, as UTF-16 after a byte order mark, as an encoding named
 * (ISO-8859-15), and as import finds it. What is read is UTF-8 or refused
 * in words; Windows-1252 refuses only its five unassigned bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-import.h"
#include "lede-text-encoding.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *)data;
  g_autoptr (GError) error = NULL;
  g_autofree char *cp1252 = lede_text_encoding_from_windows_1252 (text, size, NULL, &error);
  g_autofree char *latin9 = NULL;
  g_autofree char *utf16 = NULL;
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_autofree char *read_as = NULL;
  g_autoptr (LedeArticle) article = NULL;
  gboolean unassigned = FALSE;
  const char *encoding = NULL;

  for (size_t i = 0; i < size; i++)
    unassigned |= data[i] == 0x81 || data[i] == 0x8D || data[i] == 0x8F || data[i] == 0x90 || data[i] == 0x9D;
  lede_fuzz_check ((cp1252 == NULL) == unassigned, "Windows-1252 refused or took the wrong bytes");
  lede_fuzz_check (cp1252 == NULL || g_utf8_validate (cp1252, -1, NULL), "Windows-1252 read as invalid UTF-8");
  g_clear_error (&error);

  latin9 = lede_text_encoding_convert (text, size, "ISO-8859-15", NULL, &error);
  lede_fuzz_check (latin9 != NULL && g_utf8_validate (latin9, -1, NULL), "ISO-8859-15 refused or invalid");
  g_clear_error (&error);

  utf16 = lede_text_encoding_from_bom (text, size, NULL, &encoding, &error);
  lede_fuzz_check (utf16 == NULL || g_utf8_validate (utf16, -1, NULL), "UTF-16 read as invalid UTF-8");
  lede_fuzz_check (utf16 != NULL || error == NULL || g_utf8_validate (error->message, -1, NULL), "a refusal not in words");
  g_clear_error (&error);

  article = lede_import_parse_full (size > 0 && (data[0] & 1) ? "story.txt" : "story.md", text, size, NULL,
                                    &tags, &wire, &read_as, NULL, &error);
  if (article == NULL)
    lede_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL), "a refusal without words");
  else
    {
      lede_fuzz_check (g_utf8_validate (lede_article_get_headline (article), -1, NULL), "headline not UTF-8");
      lede_fuzz_check (g_utf8_validate (lede_article_get_body (article), -1, NULL), "body not UTF-8");
    }
  return 0;
}
