/* lede-text-encoding.c: text that is not UTF-8 read as UTF-8.
 *
 * Wire copy and old desks' files come as Windows-1252 (a superset of
 * Latin-1's printable characters) or UTF-16. A file with a UTF-16 byte
 * order mark is UTF-16; a file that is not UTF-8 and holds no valid
 * multi-byte UTF-8 sequence is Windows-1252 (a file with one is UTF-8
 * damaged, refused with its line); anything else is named by the person
 * importing (--encoding). Every refusal says where, in lines and columns
 * of the file as read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-text-encoding"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-text-encoding.h"

G_DEFINE_QUARK (lede-text-encoding-error-quark, lede_text_encoding_error)

/* Line and column (from 1) of byte @offset. */
void
lede_text_encoding_locate (const char *data,
                           gsize       offset,
                           gsize      *line,
                           gsize      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < data + offset; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = data + offset - line_start + 1;
}

/* Windows-1252's 0x80–0x9F; 0 where it has no character. */
static const gunichar CP1252_HIGH[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/**
 * lede_text_encoding_from_windows_1252:
 *
 * Returns: (transfer full): @data as UTF-8, or %NULL with @error naming
 *   the line and column of a byte Windows-1252 has no character for
 */
char *
lede_text_encoding_from_windows_1252 (const char  *data,
                                      gsize        len,
                                      gsize       *out_len,
                                      GError     **error)
{
  GString *out = g_string_sized_new (len + len / 8);

  for (gsize i = 0; i < len; i++)
    {
      guchar byte = data[i];
      gunichar c = byte >= 0x80 && byte < 0xA0 ? CP1252_HIGH[byte - 0x80] : byte;

      if (c == 0 && byte != 0)
        {
          gsize line, column;

          lede_text_encoding_locate (data, i, &line, &column);
          g_set_error (error, LEDE_TEXT_ENCODING_ERROR, LEDE_TEXT_ENCODING_ERROR_INVALID,
                       _("It is neither UTF-8 nor Windows-1252: byte 0x%02X at line %zu, column %zu is a "
                         "character in neither; name its encoding with --encoding"),
                       byte, line, column);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_unichar (out, c);
    }
  if (out_len)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Whether @data holds a whole, valid multi-byte UTF-8 sequence: then a
 * byte that is not UTF-8 is damage, not another encoding. */
gboolean
lede_text_encoding_has_utf8_sequence (const char *data,
                                      gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar byte = data[i];
      gsize n = byte >= 0xF0 && byte < 0xF5 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0;

      if (byte < 0x80 || n == 0 || i + n > len)
        continue;
      if (g_utf8_validate_len (data + i, n, NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_wide (const char *encoding)
{
  return g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0 || g_ascii_strncasecmp (encoding, "UTF16", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF-32", 6) == 0 || g_ascii_strncasecmp (encoding, "UTF32", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS-2", 5) == 0 || g_ascii_strncasecmp (encoding, "UCS-4", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS2", 4) == 0 || g_ascii_strncasecmp (encoding, "UCS4", 4) == 0;
}

/**
 * lede_text_encoding_convert:
 * @encoding: a name iconv knows ("ISO-8859-15", "MacRoman", "UTF-16LE"…)
 *
 * Returns: (transfer full): @data as UTF-8, or %NULL with @error saying
 *   where it is not text in @encoding
 */
char *
lede_text_encoding_convert (const char  *data,
                            gsize        len,
                            const char  *encoding,
                            gsize       *out_len,
                            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize read = 0, written = 0;
  char *text;

  GIConv converter;

  if (g_ascii_strcasecmp (encoding, "windows-1252") == 0 || g_ascii_strcasecmp (encoding, "cp1252") == 0)
    return lede_text_encoding_from_windows_1252 (data, len, out_len, error);
  converter = g_iconv_open ("UTF-8", encoding);
  if (converter == (GIConv)-1)
    {
      g_set_error (error, LEDE_TEXT_ENCODING_ERROR, LEDE_TEXT_ENCODING_ERROR_UNKNOWN,
                   _("“%s” is not an encoding Lede knows"), encoding);
      return NULL;
    }
  g_iconv_close (converter);
  /* Text in UTF-16 or UTF-32 has a zero byte in every space and line
   * break; UTF-8 has none. Read as wide, UTF-8 turns into other scripts
   * without a single invalid unit, so it is refused here rather than kept.
   * (Wide text with no space, no line break and no byte over 0x7F, a line
   * of CJK alone, would be refused too: no story is that.) */
  if (is_wide (encoding) && len > 0 && memchr (data, '\0', len) == NULL && g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, LEDE_TEXT_ENCODING_ERROR, LEDE_TEXT_ENCODING_ERROR_INVALID,
                   _("It is not %s text: it has no zero bytes, as %s text with a space or a line break has; it reads as UTF-8, so import it without naming an encoding"),
                   encoding, encoding);
      return NULL;
    }
  text = g_convert (data, len, "UTF-8", encoding, &read, &written, &local_error);
  if (text == NULL)
    {
      gsize line, column;

      lede_text_encoding_locate (data, MIN (read, len), &line, &column);
      g_set_error (error, LEDE_TEXT_ENCODING_ERROR, LEDE_TEXT_ENCODING_ERROR_INVALID,
                   _("It is not %s text at line %zu, column %zu (byte %zu)"),
                   encoding, line, column, MIN (read, len) + 1);
      return NULL;
    }
  if (out_len)
    *out_len = written;
  return text;
}

/**
 * lede_text_encoding_from_bom:
 * @encoding: (out): the encoding the byte order mark named
 *
 * Returns: (transfer full) (nullable): @data as UTF-8 without its mark
 *   when it starts with a UTF-16 byte order mark; %NULL without error when
 *   it does not; %NULL with @error when it is not UTF-16 after all
 */
char *
lede_text_encoding_from_bom (const char  *data,
                             gsize        len,
                             gsize       *out_len,
                             const char **encoding,
                             GError     **error)
{
  if (len >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    *encoding = "UTF-16LE";
  else if (len >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    *encoding = "UTF-16BE";
  else
    return NULL;
  if (len % 2 != 0)
    {
      g_set_error (error, LEDE_TEXT_ENCODING_ERROR, LEDE_TEXT_ENCODING_ERROR_INVALID,
                   _("It starts as UTF-16 but has an odd number of bytes: it is cut short or not UTF-16"));
      return NULL;
    }
  return lede_text_encoding_convert (data + 2, len - 2, *encoding, out_len, error);
}
