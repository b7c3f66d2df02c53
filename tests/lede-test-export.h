/* lede-test-export.h: a story's bytes in one format, for tests and fuzz
 * targets that look at what the writers write. It asks the gate as every
 * way out must, and lets the story out as --force does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include "lede-export.h"
#include "lede-gate.h"

static inline GBytes *
lede_test_export (LedeArticle        *article,
                  const char * const *tags,
                  GPtrArray          *sources,
                  LedeExportFormat    format)
{
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, tags, sources, NULL, LEDE_WAY_OUT_EXPORT, NULL);

  lede_verdict_allow (verdict);
  return lede_export_story (verdict, format);
}

/* Markdown that keeps the story whole, an editor's open pass included
 * (the way out made for review): what a round trip must give back. */
static inline GBytes *
lede_test_export_whole (LedeArticle        *article,
                        const char * const *tags,
                        GPtrArray          *sources)
{
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, tags, sources, NULL, LEDE_WAY_OUT_REVIEW, NULL);

  lede_verdict_allow (verdict);
  return lede_export_story (verdict, LEDE_EXPORT_FORMAT_MARKDOWN);
}

/* One part of a DOCX file, read back with libarchive. */
static inline char *
lede_test_docx_part (GBytes     *docx,
                     const char *name,
                     gsize      *length)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  char *part = NULL;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_memory (archive, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx)), ==, ARCHIVE_OK);
  while (part == NULL && archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      GByteArray *bytes;
      char buffer[65536];
      la_ssize_t n;

      if (g_strcmp0 (archive_entry_pathname (entry), name) != 0)
        continue;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (bytes, (const guint8 *)buffer, n);
      g_assert_cmpint (n, ==, 0);
      *length = bytes->len;
      g_byte_array_append (bytes, (const guint8 *)"", 1);
      part = (char *)g_byte_array_free (bytes, FALSE);
    }
  archive_read_free (archive);
  g_assert_nonnull (part);
  return part;
}
