/* lede-typography.c: typographic punctuation as a story is typed: the
 * language's quotation marks for straight quotes, ’ for an apostrophe,
 * – for --, — for ---, … for ...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-typography.h"

static const struct {
  const char *language;
  LedeQuotes  quotes;
} QUOTES[] = {
  { "en", { "“", "”", "‘", "’" } },
  { "cy", { "“", "”", "‘", "’" } },
  { "ga", { "“", "”", "‘", "’" } },
  { "nl", { "“", "”", "‘", "’" } },
  { "pt", { "“", "”", "‘", "’" } },
  { "de", { "„", "“", "‚", "‘" } },
  { "cs", { "„", "“", "‚", "‘" } },
  { "pl", { "„", "”", "‚", "’" } },
  { "fr", { "«\u202f", "\u202f»", "‹\u202f", "\u202f›" } },
  { "es", { "«", "»", "“", "”" } },
  { "it", { "«", "»", "“", "”" } },
  { "ru", { "«", "»", "„", "“" } },
  { "sv", { "”", "”", "’", "’" } },
  { "fi", { "”", "”", "’", "’" } },
  { "da", { "»", "«", "›", "‹" } },
};

/**
 * lede_typography_quotes:
 * @language: (nullable): a language tag ("en-GB", "de")
 *
 * Returns: the quotation marks of @language; English ones when it has
 *   none of its own here
 */
const LedeQuotes *
lede_typography_quotes (const char *language)
{
  gsize len = language ? strcspn (language, "-_") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (QUOTES); i++)
    if (len == strlen (QUOTES[i].language) && g_ascii_strncasecmp (language, QUOTES[i].language, len) == 0)
      return &QUOTES[i].quotes;
  return &QUOTES[0].quotes;
}

/* Whether a quotation mark after @c opens a quotation. */
static gboolean
opens_after (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || strchr ("([{<", c) != NULL ||
         c == 0x2013 || c == 0x2014 || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x00AB;
}

/**
 * lede_typography_replace:
 * @before: the text of the line before the character just typed
 * @typed: the character just typed (already in the text, after @before)
 * @n_delete: (out): how many characters to take away before it, besides
 *   the typed one itself
 *
 * Returns: (nullable): what to put in place of the typed character (and
 *   the @n_delete before it), or %NULL to leave it as it is
 */
const char *
lede_typography_replace (const char *before,
                         gunichar    typed,
                         const char *language,
                         guint      *n_delete)
{
  const LedeQuotes *quotes = lede_typography_quotes (language);
  const char *end = before + strlen (before);
  gunichar prev = end > before ? g_utf8_get_char (g_utf8_prev_char (end)) : 0;
  gunichar prev2 = 0;

  if (end > before && g_utf8_prev_char (end) > before)
    prev2 = g_utf8_get_char (g_utf8_prev_char (g_utf8_prev_char (end)));
  *n_delete = 0;

  switch (typed)
    {
    case '"':
      return opens_after (prev) ? quotes->open_double : quotes->close_double;
    case '\'':
      /* In a word it is an apostrophe (the ferry’s), unless it closes a
       * single quotation opened on this line, where the language closes
       * with another mark (German ‚das‘). */
      if (g_unichar_isalnum (prev))
        {
          const char *opened = g_strrstr (before, quotes->open_single);
          const char *closed = g_strrstr (before, quotes->close_single);

          if (!g_str_equal (quotes->close_single, "’") && opened != NULL && (closed == NULL || closed < opened))
            return quotes->close_single;
          return "’";
        }
      return opens_after (prev) ? quotes->open_single : quotes->close_single;
    case '-':
      /* "---" alone on a line is a rule (or front matter), not a dash. */
      if (before[strspn (before, "-")] == '\0')
        return NULL;
      if (prev == 0x2013)
        {
          *n_delete = 1;
          return "—";
        }
      if (prev == '-' && prev2 != '-')
        {
          *n_delete = 1;
          return "–";
        }
      return NULL;
    case '.':
      if (prev == '.' && prev2 == '.')
        {
          *n_delete = 2;
          return "…";
        }
      return NULL;
    default:
      return NULL;
    }
}
