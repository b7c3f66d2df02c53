/* lede-attribution.c: the direct quotations in a story, and whether each
 * names one of the story's sources in its paragraph.
 *
 * A quotation is text between straight double quotes or between curly
 * ones (“…”), within one paragraph. It counts as attributed when the
 * paragraph names a linked source: the whole name or the surname (the
 * name's last word), as a whole word, in any case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"

#define OPEN_CURLY  0x201C
#define CLOSE_CURLY 0x201D

G_DEFINE_BOXED_TYPE (LedeQuote, lede_quote, lede_quote_copy, lede_quote_free)

LedeQuote *
lede_quote_copy (const LedeQuote *quote)
{
  LedeQuote *copy = g_new0 (LedeQuote, 1);

  copy->offset = quote->offset;
  copy->line = quote->line;
  copy->text = g_strdup (quote->text);
  copy->speaker = g_strdup (quote->speaker);
  return copy;
}

void
lede_quote_free (LedeQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->speaker);
  g_free (quote);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-' || c == '\'' || c == 0x2019;
}

/* Whether @name occurs in @folded as a whole word (both casefolded). */
static gboolean
names (const char *folded,
       const char *name)
{
  gsize len = strlen (name);

  if (len < 2)
    return FALSE;
  for (const char *at = strstr (folded, name); at; at = strstr (at + 1, name))
    {
      gboolean starts = at == folded || !is_word_char (g_utf8_get_char (g_utf8_prev_char (at)));
      gboolean ends = at[len] == '\0' || !is_word_char (g_utf8_get_char (at + len));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static char *
speaker_in (const char *paragraph,
            GPtrArray  *sources)
{
  g_autofree char *folded = g_utf8_casefold (paragraph, -1);

  for (guint i = 0; sources && i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (source->name));
      g_autofree char *name = g_utf8_casefold (trimmed, -1);
      const char *surname = strrchr (name, ' ');

      if (names (folded, name) || (surname && names (folded, surname + 1)))
        return g_strdup (source->name);
    }
  return NULL;
}

static void
check_paragraph (const char *paragraph,
                 guint       offset,
                 guint       line,
                 GPtrArray  *sources,
                 GPtrArray  *quotes)
{
  g_autofree char *speaker = NULL;
  const char *open = NULL;
  guint open_offset = 0, open_line = 0, here = offset, here_line = line;
  gboolean checked = FALSE;

  for (const char *p = paragraph; *p; p = g_utf8_next_char (p), here++)
    {
      gunichar c = g_utf8_get_char (p);

      if (open == NULL && (c == '"' || c == OPEN_CURLY))
        {
          open = g_utf8_next_char (p);
          open_offset = here;
          open_line = here_line;
        }
      else if (open != NULL && (c == '"' || c == CLOSE_CURLY))
        {
          LedeQuote *quote;

          if (p - open < 2)
            {
              open = NULL;
              continue;
            }
          if (!checked)
            {
              speaker = speaker_in (paragraph, sources);
              checked = TRUE;
            }
          quote = g_new0 (LedeQuote, 1);
          quote->offset = open_offset;
          quote->line = open_line;
          quote->text = g_strndup (open, p - open);
          quote->speaker = g_strdup (speaker);
          g_ptr_array_add (quotes, quote);
          open = NULL;
        }
      if (c == '\n')
        here_line++;
    }
}

/**
 * lede_attribution_check:
 * @sources: (element-type LedeSource) (nullable): the story's sources
 *
 * Returns: (transfer full) (element-type LedeQuote): every quotation in
 *   @body in order, each with the source its paragraph names, if any
 */
GPtrArray *
lede_attribution_check (const char *body,
                        GPtrArray  *sources)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_quote_free);
  g_auto (GStrv) lines = g_strsplit (body ? body : "", "\n", -1);
  g_autoptr (GString) paragraph = g_string_new (NULL);
  guint offset = 0, start_offset = 0, start_line = 1;

  /* Paragraphs are runs of non-blank lines. */
  for (guint i = 0; ; i++)
    {
      gboolean blank = lines[i] == NULL || lines[i][strspn (lines[i], " \t\r")] == '\0';

      if (blank && paragraph->len > 0)
        {
          check_paragraph (paragraph->str, start_offset, start_line, sources, quotes);
          g_string_truncate (paragraph, 0);
        }
      if (lines[i] == NULL)
        break;
      if (!blank)
        {
          if (paragraph->len == 0)
            {
              start_offset = offset;
              start_line = i + 1;
            }
          else
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, lines[i]);
        }
      offset += g_utf8_strlen (lines[i], -1) + 1;
    }
  return quotes;
}
