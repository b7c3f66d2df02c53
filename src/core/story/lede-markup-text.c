/* lede-markup-text.c: any text made fit for HTML and XML, and the language
 * tags those may carry.
 *
 * A story may hold any character a writer can paste: Word's manual line
 * break (U+000B), a bell, an escape, C1 controls, noncharacters. XML 1.0
 * refuses most of them outright and HTML calls them parse errors, so every
 * writer that makes markup (the page, the fragment, DOCX) passes its text
 * through lede_markup_text_clean() and nowhere else decides what goes. The
 * story in the library keeps every character as it was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-markup-text"

#include "config.h"

#include <string.h>

#include "lede-markup-text.h"

/**
 * lede_markup_text_is_allowed:
 *
 * Returns: whether @c may stand in both an XML 1.0 document and an HTML
 *   page: not a control character other than tab, line feed and carriage
 *   return, not DEL or a C1 control, not a surrogate, and not one of
 *   Unicode's noncharacters (U+FDD0 to U+FDEF, and the last two code points
 *   of every plane)
 */
gboolean
lede_markup_text_is_allowed (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  if (c >= 0x7F && c <= 0x9F)
    return FALSE;
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  if (c >= 0xFDD0 && c <= 0xFDEF)
    return FALSE;
  if ((c & 0xFFFE) == 0xFFFE)
    return FALSE;
  return c <= 0x10FFFF;
}

/**
 * lede_markup_text_clean:
 * @text: any bytes
 * @length: the length of @text, or -1 when it ends at a NUL
 * @line_break: (nullable): what U+000B, Word's manual line break, becomes
 *   ("<br>" in HTML, a line feed for a writer that makes its own breaks);
 *   %NULL keeps it, for a caller that splits the text at it itself
 *
 * Drops every character lede_markup_text_is_allowed() refuses, and every
 * byte that is not part of UTF-8 (cmark-gfm writes "&#xFFFE;" as a lone
 * 0xFE byte). Nothing is escaped: that is the writer's part.
 *
 * Returns: (transfer full): the text, valid UTF-8
 */
char *
lede_markup_text_clean (const char *text,
                        gssize      length,
                        const char *line_break)
{
  const char *end, *p;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  end = text + (length < 0 ? (gssize) strlen (text) : length);
  out = g_string_sized_new (end - text);

  for (p = text; p < end; )
    {
      const char *valid_end;

      /* The longest valid stretch is copied a character at a time; the
       * byte that ends it (not UTF-8, or a NUL) is dropped. */
      g_utf8_validate (p, end - p, &valid_end);
      while (p < valid_end)
        {
          const char *next = g_utf8_next_char (p);
          gunichar c = g_utf8_get_char (p);

          if (c == 0x0B && line_break != NULL)
            g_string_append (out, line_break);
          else if (c == 0x0B || lede_markup_text_is_allowed (c))
            g_string_append_len (out, p, next - p);
          p = next;
        }
      if (p < end)
        p++;
    }
  return g_string_free (out, FALSE);
}

/* RFC 5646's "irregular" grandfathered tags: the only well-formed tags its
 * langtag rule does not also describe. The "regular" ones fit that rule. */
static const char * const IRREGULAR[] = {
  "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
  "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
};

static gboolean
all_of (const char *subtag,
        gsize       length,
        gboolean  (*is) (gchar))
{
  for (gsize i = 0; i < length; i++)
    if (!is (subtag[i]))
      return FALSE;
  return TRUE;
}

static gboolean is_alpha (gchar c) { return g_ascii_isalpha (c); }
static gboolean is_digit (gchar c) { return g_ascii_isdigit (c); }
static gboolean is_alnum (gchar c) { return g_ascii_isalnum (c); }

static gboolean
is_letters (const char *subtag,
            gsize       min,
            gsize       max)
{
  gsize length = strlen (subtag);

  return length >= min && length <= max && all_of (subtag, length, is_alpha);
}

/**
 * lede_markup_text_is_language_tag:
 *
 * Whether @tag is well-formed by the syntax of RFC 5646 (BCP 47), as an
 * HTML lang attribute must be: "en", "en-GB", "de-CH-1996", "x-private".
 * Only the syntax is read; no registry says whether the language exists.
 * The subtags are read in the order of the RFC's langtag rule: language
 * (with up to three extended language subtags), script, region, variants,
 * extensions, private use.
 *
 * Returns: %TRUE when well-formed
 */
gboolean
lede_markup_text_is_language_tag (const char *tag)
{
  g_auto (GStrv) subtags = NULL;
  guint n, i = 0;

  if (tag == NULL || *tag == '\0')
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (IRREGULAR); k++)
    if (g_ascii_strcasecmp (tag, IRREGULAR[k]) == 0)
      return TRUE;

  subtags = g_strsplit (tag, "-", -1);
  n = g_strv_length (subtags);
  /* Every subtag is one to eight letters and digits, which also refuses
   * an empty one ("x-klingon-"). */
  for (guint k = 0; k < n; k++)
    {
      gsize length = strlen (subtags[k]);

      if (length < 1 || length > 8 || !all_of (subtags[k], length, is_alnum))
        return FALSE;
    }

#define LENGTH(k) strlen (subtags[k])
#define IS_X(k) (LENGTH (k) == 1 && g_ascii_tolower (subtags[k][0]) == 'x')
  /* A tag for private use alone. */
  if (IS_X (0))
    return n >= 2;

  if (is_letters (subtags[0], 2, 3))
    {
      i = 1;
      for (guint extlangs = 0; extlangs < 3 && i < n && is_letters (subtags[i], 3, 3); extlangs++)
        i++;
    }
  else if (is_letters (subtags[0], 4, 8))
    i = 1;
  else
    return FALSE;

  if (i < n && is_letters (subtags[i], 4, 4))
    i++;
  if (i < n && (is_letters (subtags[i], 2, 2) || (LENGTH (i) == 3 && all_of (subtags[i], 3, is_digit))))
    i++;
  while (i < n && (LENGTH (i) >= 5 || (LENGTH (i) == 4 && g_ascii_isdigit (subtags[i][0]))))
    i++;
  while (i < n && LENGTH (i) == 1 && !IS_X (i))
    {
      guint start = ++i;

      while (i < n && LENGTH (i) >= 2)
        i++;
      if (i == start)
        return FALSE;
    }
  if (i < n && IS_X (i))
    return n - i >= 2;
#undef IS_X
#undef LENGTH
  return i == n;
}
