/* lede-words.c: the words of a Markdown story a spell checker should look
 * at: not code (spans and blocks), not link targets, URLs or e-mail
 * addresses, not words with digits in them ("A303", "2nd"). An apostrophe
 * inside a word (ferry's, Guterres’) is part of it; a hyphen is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-words.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static void
skip_range (guint8 *skip,
            gsize   from,
            gsize   to)
{
  memset (skip + from, 1, to - from);
}

/* Marks what on one line is not prose: code spans, link targets, <…>,
 * and whole tokens that are URLs or e-mail addresses. */
static void
mark_skipped (const char *line,
              gsize       len,
              guint8     *skip)
{
  gsize i = 0;
  /* The first ">" at or after the last "<" looked at (len: none), so a
   * line of many "<" is searched once, not once for each. */
  gsize next_close = 0;
  gboolean close_known = FALSE;

  while (i < len)
    {
      if (line[i] == '`')
        {
          gsize run = 0, j;

          while (i + run < len && line[i + run] == '`')
            run++;
          /* The closing run of the same length, or the line's end. */
          for (j = i + run; j < len; j++)
            if (line[j] == '`')
              {
                gsize other = 0;
                while (j + other < len && line[j + other] == '`')
                  other++;
                if (other == run)
                  break;
                j += other - 1;
              }
          j = MIN (len, j + run);
          skip_range (skip, i, j);
          i = j;
        }
      else if (line[i] == ']' && i + 1 < len && line[i + 1] == '(')
        {
          gsize j = i + 2;
          int depth = 1;

          for (; j < len && depth > 0; j++)
            depth += line[j] == '(' ? 1 : line[j] == ')' ? -1 : 0;
          skip_range (skip, i + 1, j);
          i = j;
        }
      else if (line[i] == '<')
        {
          gsize j;

          if (!close_known || (next_close < i && next_close < len))
            {
              const char *close = memchr (line + i, '>', len - i);

              next_close = close ? (gsize)(close - line) : len;
              close_known = TRUE;
            }
          j = next_close < len ? next_close + 1 : i + 1;

          /* "<" alone is a less-than sign in prose, and what follows it is
           * looked at as any text is (a tag after it is still a tag). */
          if (next_close < len && j > i + 2 && !g_ascii_isspace (line[i + 1]))
            {
              skip_range (skip, i, j);
              i = j;
            }
          else
            i++;
        }
      else
        i++;
    }

  /* Whole tokens: URLs and addresses (a link's target, skipped already,
   * ends the token, so the link's text is still checked). */
  for (i = 0; i < len;)
    {
      gsize end = i;

      while (end < len && !g_ascii_isspace (line[end]) && !skip[end])
        end++;
      if (end > i)
        {
          g_autofree char *token = g_strndup (line + i, end - i);

          if (strstr (token, "://") || g_str_has_prefix (token, "www.") || g_str_has_prefix (token, "mailto:") ||
              (strchr (token, '@') && strchr (strchr (token, '@'), '.')))
            skip_range (skip, i, end);
        }
      i = end + 1;
    }
}

static gboolean
is_fence (const char *line,
          gsize       len)
{
  gsize i = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  return len - i >= 3 && (strncmp (line + i, "```", 3) == 0 || strncmp (line + i, "~~~", 3) == 0);
}

static void
find_in_line (const char *text,
              gsize       offset,
              gsize       len,
              GArray     *words)
{
  const char *line = text + offset;
  g_autofree guint8 *skip = g_malloc0 (len + 1);
  const char *p = line, *end = line + len;

  mark_skipped (line, len, skip);
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      gboolean digits = FALSE, skipped = FALSE;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (p < end)
        {
          c = g_utf8_get_char (p);
          if (is_word_char (c))
            {
              digits |= g_unichar_isdigit (c);
              skipped |= skip[p - line];
              p = g_utf8_next_char (p);
            }
          else if (is_apostrophe (c) && g_utf8_next_char (p) < end &&
                   is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          else
            break;
        }
      if (!digits && !skipped)
        {
          LedeWordSpan span = { offset + (start - line), offset + (p - line) };
          g_array_append_val (words, span);
        }
    }
}

/* Whether @line is prose, after the lines before it (@state). */
static gboolean
advance_line (LedeWordsState *state,
              const char     *line,
              gsize           len)
{
  gboolean blank = TRUE, prose = FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      blank = FALSE;

  if (is_fence (line, len))
    state->fenced = !state->fenced;
  else if (!state->fenced)
    {
      /* An indented block after a blank line is code; it goes on while
       * the lines stay indented. */
      gboolean indented = len > 0 && (line[0] == '\t' || (len >= 4 && strncmp (line, "    ", 4) == 0));

      state->indented_code = indented && !blank && (state->after_blank || state->indented_code);
      prose = !state->indented_code;
    }
  if (blank)
    state->indented_code = FALSE;
  state->after_blank = blank;
  return prose;
}

static GArray *
find_lines (const char     *text,
            gssize          len,
            LedeWordsState *state,
            gboolean        keep)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (LedeWordSpan));
  gsize total = len < 0 ? strlen (text) : (gsize)len;
  gsize at = 0;

  while (at < total)
    {
      const char *nl = memchr (text + at, '\n', total - at);
      gsize line_len = nl ? (gsize)(nl - (text + at)) : total - at;

      if (advance_line (state, text + at, line_len) && keep)
        find_in_line (text, at, line_len, words);
      at += line_len + 1;
    }
  return words;
}

void
lede_words_state_init (LedeWordsState *state)
{
  state->fenced = FALSE;
  state->after_blank = TRUE;
  state->indented_code = FALSE;
}

/**
 * lede_words_find:
 * @text: Markdown, valid UTF-8
 * @len: its length in bytes, or -1
 *
 * Returns: (transfer full) (element-type LedeWordSpan): where the words to
 *   check are, in order
 */
GArray *
lede_words_find (const char *text,
                 gssize      len)
{
  LedeWordsState state;

  g_return_val_if_fail (text != NULL, NULL);
  lede_words_state_init (&state);
  return find_lines (text, len, &state, TRUE);
}

/**
 * lede_words_find_more:
 * @state: where the text before @text left off (code block or not)
 *
 * As lede_words_find(), for whole lines that follow others: a spell
 * checker going through a long story a few lines at a time.
 */
GArray *
lede_words_find_more (const char     *text,
                      gssize          len,
                      LedeWordsState *state)
{
  g_return_val_if_fail (text != NULL && state != NULL, NULL);
  return find_lines (text, len, state, TRUE);
}

/**
 * lede_words_skip:
 *
 * Takes @state past whole lines of @text without finding their words.
 */
void
lede_words_skip (const char     *text,
                 gssize          len,
                 LedeWordsState *state)
{
  g_return_if_fail (text != NULL && state != NULL);
  g_array_unref (find_lines (text, len, state, FALSE));
}
