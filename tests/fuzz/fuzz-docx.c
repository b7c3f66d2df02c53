/* fuzz-docx.c: a story exported as a Word document. The input is the
 * story's fields, split at the unit separator (0x1F): headline, standfirst,
 * byline, dateline, language, a tag, a correction's note, and last the body
 * in any bytes. Whatever they hold, the result is a zip whose XML parts are
 * UTF-8, hold no character XML 1.0 refuses, and are well-formed as far as
 * GMarkup reads XML, however deep the story nests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "lede-correction.h"
#include "lede-export.h"
#include "../lede-test-export.h"
#include "lede-markup-text.h"
#include "lede-fuzz.h"

enum { HEADLINE, STANDFIRST, BYLINE, DATELINE, LANGUAGE, TAG, NOTE, BODY, N_FIELDS };

static void
check_xml (const char *name,
           const char *xml,
           gsize       length)
{
  GMarkupParser parser = { NULL };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr (GError) error = NULL;
  const char *end = NULL;

  lede_fuzz_check (g_utf8_validate (xml, length, &end), "%s is not UTF-8 at byte %td", name, end - xml);
  for (const char *p = xml; p < xml + length; p = g_utf8_next_char (p))
    lede_fuzz_check (lede_markup_text_is_allowed (g_utf8_get_char (p)), "%s holds U+%04X at byte %td",
                     name, g_utf8_get_char (p), p - xml);
  if (g_markup_parse_context_parse (context, xml, length, &error))
    g_markup_parse_context_end_parse (context, &error);
  lede_fuzz_check (error == NULL, "%s is not well-formed: %s", name, error->message);
}

/* Reads every part back with libarchive; returns how many were XML. */
static guint
check_zip (GBytes *docx)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  guint parts = 0;
  int status;

  archive_read_support_format_zip (archive);
  lede_fuzz_check (archive_read_open_memory (archive, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx)) == ARCHIVE_OK,
                   "not a zip: %s", archive_error_string (archive));
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      g_autoptr (GByteArray) part = g_byte_array_new ();
      const char *name = archive_entry_pathname (entry);
      char buffer[16384];
      la_ssize_t n;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (part, (const guint8 *)buffer, n);
      lede_fuzz_check (n == 0, "%s does not unzip: %s", name, archive_error_string (archive));
      if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels"))
        {
          check_xml (name, (const char *)part->data, part->len);
          parts++;
        }
    }
  lede_fuzz_check (status == ARCHIVE_EOF, "the zip ends early: %s", archive_error_string (archive));
  archive_read_free (archive);
  return parts;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_correction_free);
  g_autoptr (GDateTime) when = g_date_time_new_utc (2026, 3, 4, 9, 30, 0);
  g_autoptr (GBytes) docx = NULL;
  g_auto (GStrv) field = g_new0 (char *, N_FIELDS + 1);
  const char *tags[2] = { NULL, NULL };
  const uint8_t *start = data, *end = data + size;

  /* The fields before the body are one-line text a writer typed: UTF-8.
   * The body is any bytes, as an imported file's can be before cmark-gfm
   * repairs them. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const uint8_t *stop = i == BODY ? end : memchr (start, 0x1f, end - start);

      if (stop == NULL)
        stop = end;
      field[i] = i == BODY ? g_strndup ((const char *)start, stop - start)
                           : g_utf8_make_valid ((const char *)start, stop - start);
      start = stop < end ? stop + 1 : end;
    }

  lede_article_set_headline (article, field[HEADLINE]);
  lede_article_set_standfirst (article, field[STANDFIRST]);
  lede_article_set_byline (article, field[BYLINE]);
  lede_article_set_dateline (article, field[DATELINE]);
  lede_article_set_language (article, field[LANGUAGE]);
  lede_article_set_body (article, field[BODY]);
  lede_article_set_created (article, when);
  lede_article_set_updated (article, when);
  if (*field[NOTE])
    {
      g_ptr_array_add (corrections, lede_correction_new (when, LEDE_CORRECTION_CORRECTION, field[NOTE]));
      lede_article_set_corrections (article, corrections);
    }
  tags[0] = field[TAG];

  docx = lede_test_export (article, *tags[0] ? tags : NULL, NULL, LEDE_EXPORT_FORMAT_DOCX);
  lede_fuzz_check (docx != NULL && g_bytes_get_size (docx) > 0, "no DOCX");
  lede_fuzz_check (check_zip (docx) == 7, "a DOCX of other than seven XML parts");
  return 0;
}
