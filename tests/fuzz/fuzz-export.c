/* fuzz-export.c: a story whose every field comes from the input, exported
 * in every format. No markup from a field may survive unescaped (each field
 * starts with a probe tag) and no character HTML forbids reaches the page,
 * every output is UTF-8, ninjs is JSON, the Markdown export imports back as
 * the same story (its corrections note taken off the body), and DOCX is
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-export.h"
#include "../lede-test-export.h"
#include "lede-import.h"
#include "lede-markup-text.h"
#include "lede-fuzz-story.h"

#define PROBE "<lede-probe>"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = lede_fuzz_string (data, size);
  g_auto (GStrv) parts = NULL;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_auto (GStrv) tags = NULL;
  const char *field[8] = { "", "", "", "", "", "", "", "" };

  /* Fields as a user could type them: UTF-8, no NUL. */
  if (!g_utf8_validate (text, size, NULL))
    return 0;
  parts = g_strsplit (text, "\x1f", 8);
  for (guint i = 0; parts[i] && i < G_N_ELEMENTS (field); i++)
    field[i] = parts[i];

#define PROBED(value) g_strconcat (PROBE, value, NULL)
  {
    g_autofree char *headline = PROBED (field[0]), *standfirst = PROBED (field[1]);
    g_autofree char *byline = PROBED (field[2]), *dateline = PROBED (field[3]);
    g_autofree char *section = PROBED (field[4]), *tag = PROBED (field[5]);
    g_autofree char *source = PROBED (field[6]);

    lede_article_set_headline (article, headline);
    lede_article_set_standfirst (article, standfirst);
    lede_article_set_byline (article, byline);
    lede_article_set_dateline (article, dateline);
    lede_article_set_section (article, section);
    lede_article_set_body (article, field[7]);
    lede_article_set_language (article, "en-GB");
    g_strv_builder_add (tag_builder, tag);
    g_ptr_array_add (sources, lede_source_new (source));
    /* The Markdown's corrections note must come off again on import,
     * whatever the note says. */
    {
      g_autoptr (LedeCorrection) correction = lede_correction_new (NULL, LEDE_CORRECTION_CORRECTION, field[6]);

      lede_article_add_correction (article, correction);
    }
  }
#undef PROBED
  tags = g_strv_builder_end (tag_builder);

  for (LedeExportFormat format = LEDE_EXPORT_FORMAT_HTML; format <= LEDE_EXPORT_FORMAT_DOCX; format++)
    {
      /* Markdown's round trip keeps the story whole, an editor's pass too. */
      g_autoptr (GBytes) bytes = format == LEDE_EXPORT_FORMAT_MARKDOWN
                                 ? lede_test_export_whole (article, (const char * const *)tags, sources)
                                 : lede_test_export (article, (const char * const *)tags, sources, format);
      gsize len;
      const char *out = g_bytes_get_data (bytes, &len);

      /* A zip: fuzz-docx reads its parts back. Here it need only be made. */
      if (format == LEDE_EXPORT_FORMAT_DOCX)
        {
          lede_fuzz_check (len > 0, "no DOCX");
          continue;
        }
      lede_fuzz_check (g_utf8_validate (out, len, NULL), "%s export is not UTF-8", lede_export_format_to_string (format));
      if (format == LEDE_EXPORT_FORMAT_HTML || format == LEDE_EXPORT_FORMAT_FRAGMENT)
        {
          lede_fuzz_check (g_strstr_len (out, len, PROBE) == NULL, "a field's markup in the %s export",
                           lede_export_format_to_string (format));
          /* Nothing HTML forbids, whatever the fields hold. */
          for (const char *p = out; p < out + len; p = g_utf8_next_char (p))
            lede_fuzz_check (lede_markup_text_is_allowed (g_utf8_get_char (p)), "U+%04X in the %s export",
                             g_utf8_get_char (p), lede_export_format_to_string (format));
        }
      if (format == LEDE_EXPORT_FORMAT_NINJS)
        {
          g_autoptr (JsonParser) parser = json_parser_new ();
          g_autoptr (GError) error = NULL;

          lede_fuzz_check (json_parser_load_from_data (parser, out, len, &error), "ninjs is not JSON: %s", error->message);
        }
      if (format == LEDE_EXPORT_FORMAT_MARKDOWN)
        {
          g_auto (GStrv) tags_again = NULL;
          g_autoptr (GError) error = NULL;
          g_autoptr (LedeArticle) again = lede_import_parse ("story.md", out, len, &tags_again, &error);
          g_auto (GStrv) tags_expected = NULL;

          lede_fuzz_check (again != NULL, "the Markdown export does not import: %s", error->message);
          /* A tag is cleaned and trimmed as the library would keep it. */
          LEDE_FUZZ_SAME_TEXT (article, again, headline);
          LEDE_FUZZ_SAME_TEXT (article, again, standfirst);
          LEDE_FUZZ_SAME_TEXT (article, again, byline);
          LEDE_FUZZ_SAME_TEXT (article, again, dateline);
          LEDE_FUZZ_SAME_TEXT (article, again, section);
          LEDE_FUZZ_SAME_TEXT (article, again, body);
          (void)tags_expected;
        }
    }
  return 0;
}
