/* lede-grafs.c: a story's paragraphs as a newsroom counts them ("graf 7").
 *
 * A graf is a run of non-blank lines of prose. Headings, code blocks,
 * horizontal rules and the lines of one list item or quotation each count
 * as the block they are: a list item is a graf, a heading is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-grafs.h"

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with (const char *line,
             gsize       len,
             const char *prefix)
{
  gsize i = 0, n = strlen (prefix);

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  return len - i >= n && strncmp (line + i, prefix, n) == 0;
}

static gboolean
is_list_item (const char *line,
              gsize       len)
{
  gsize i = 0;

  while (i < len && line[i] == ' ')
    i++;
  if (i + 1 < len && strchr ("-*+", line[i]) && line[i + 1] == ' ')
    return TRUE;
  while (i < len && g_ascii_isdigit (line[i]))
    i++;
  return i > 0 && i + 1 < len && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ' &&
         g_ascii_isdigit (line[i - 1]);
}

static gboolean
is_heading (const char *line,
            gsize       len)
{
  gsize i = 0, hashes = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  while (i < len && line[i] == '#')
    i++, hashes++;
  return hashes >= 1 && hashes <= 6 && (i == len || line[i] == ' ');
}

static gboolean
is_rule (const char *line,
         gsize       len)
{
  guint marks = 0;
  char mark = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (line[i] == ' ')
        continue;
      if (strchr ("-*_", line[i]) == NULL || (mark && line[i] != mark))
        return FALSE;
      mark = line[i];
      marks++;
    }
  return marks >= 3;
}

/**
 * lede_grafs_find:
 * @text: Markdown
 * @len: its length in bytes, or -1
 *
 * Returns: (transfer full) (element-type guint): the line (from 0) where
 *   each graf starts: graf n starts at element n - 1
 */
GArray *
lede_grafs_find (const char *text,
                 gssize      len)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize total, at = 0;
  gboolean in_graf = FALSE, fenced = FALSE;
  guint line = 0;

  g_return_val_if_fail (text != NULL, starts);
  total = len < 0 ? strlen (text) : (gsize)len;

  for (; at < total; line++)
    {
      const char *nl = memchr (text + at, '\n', total - at);
      gsize n = nl ? (gsize)(nl - (text + at)) : total - at;
      const char *p = text + at;

      at += n + 1;
      if (starts_with (p, n, "```") || starts_with (p, n, "~~~"))
        {
          fenced = !fenced;
          in_graf = FALSE;
          continue;
        }
      if (fenced || is_blank (p, n))
        {
          in_graf = FALSE;
          continue;
        }
      if (is_heading (p, n) || is_rule (p, n))
        {
          in_graf = FALSE;
          continue;
        }
      /* Each list item is a graf of its own, even without a blank line. */
      if (!in_graf || is_list_item (p, n))
        g_array_append_val (starts, line);
      in_graf = TRUE;
    }
  return starts;
}
