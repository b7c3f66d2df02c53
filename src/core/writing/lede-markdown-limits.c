/* lede-markdown-limits.c: how far a story's Markdown would make
 * cmark-gfm work, counted before it parses, so the renderer can leave an
 * extension off for a story past its limit (lede-markdown.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-markdown"

#include "config.h"

#include <string.h>

#include "lede-markdown.h"

/**
 * lede_markdown_count_autolink_marks:
 *
 * Counts what makes cmark-gfm's autolink extension look for an address
 * ("@", "www.", "://"): each address it finds in a paragraph makes it read
 * the rest of the paragraph again, so hundreds of thousands of them in one
 * paragraph take minutes.
 */
gsize
lede_markdown_count_autolink_marks (const char *markdown,
                                    gssize      length)
{
  const char *end, *p;
  gsize marks = 0;

  if (markdown == NULL)
    return 0;
  end = markdown + (length < 0 ? (gssize)strlen (markdown) : length);
  for (p = markdown; p < end; p++)
    if (*p == '@' ||
        (*p == 'w' && end - p >= 4 && memcmp (p, "www.", 4) == 0) ||
        (*p == ':' && end - p >= 3 && memcmp (p, "://", 3) == 0))
      marks++;
  return marks;
}

/**
 * lede_markdown_count_table_cells:
 *
 * Counts, from above, the cells of the story's tables once cmark-gfm has
 * padded every row to its table's width: a delimiter row ("|---|---|")
 * gives the width, and every line up to the next empty one is a row. A
 * kilobyte-wide header over a few thousand one-character rows would
 * otherwise cost cmark-gfm gigabytes (and make it abort()). A row wider
 * than its table counts its own cells, and a row wider than
 * LEDE_MARKDOWN_MAX_TABLE_COLUMNS counts as too many.
 */
gsize
lede_markdown_count_table_cells (const char *markdown,
                                 gssize      length)
{
  const char *end, *line;
  gsize cells = 0, columns = 0;
  gboolean previous_blank = TRUE;

  if (markdown == NULL)
    return 0;
  end = markdown + (length < 0 ? (gssize)strlen (markdown) : length);

  for (line = markdown; line < end; )
    {
      const char *next = memchr (line, '\n', end - line);
      const char *line_end = next ? next : end;
      const char *text = line;
      gboolean blank = TRUE, delimiter = TRUE, dash = FALSE;
      gsize pipes = 0;

      /* A table in a block quote (or a list) is a table all the same. */
      while (text < line_end && (*text == '>' || *text == ' ' || *text == '\t'))
        text++;
      for (const char *p = text; p < line_end; p++)
        {
          if (*p != ' ' && *p != '\t' && *p != '\r')
            blank = FALSE;
          if (*p == '|')
            pipes++;
          else if (*p == '-')
            dash = TRUE;
          else if (*p != ':' && *p != ' ' && *p != '\t' && *p != '\r')
            delimiter = FALSE;
        }

      if (blank)
        columns = 0;
      else if (delimiter && dash && !previous_blank)
        columns = pipes + 1;  /* at least as many cells as there are columns */
      else if (columns > 0)
        {
          cells += MAX (columns, pipes + 1);
          if (cells > G_MAXSIZE / 2)
            return cells;
        }
      /* cmark-gfm reads every cell of a row (the header's too) before it
       * drops those past the table's width, at a cost that grows with the
       * square of the row's: a row too wide is as bad as too many cells.
       * A row of n cells between pipes has n + 1 of them. */
      if (columns > 0 && pipes > LEDE_MARKDOWN_MAX_TABLE_COLUMNS + 1)
        return MAX (cells, LEDE_MARKDOWN_MAX_TABLE_CELLS + 1);
      previous_blank = blank;
      line = next ? next + 1 : end;
    }
  return cells;
}
