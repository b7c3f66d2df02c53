/* lede-text-paragraph.h: the Markdown paragraph around a place in a text
 * buffer, for the views that work a paragraph at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* Widens @start..@end to whole paragraphs: from after the blank line
 * before @start to the end of the line before the blank line after @end. */
static inline void
lede_text_extend_to_paragraph (GtkTextIter *start,
                               GtkTextIter *end)
{
  gtk_text_iter_set_line_offset (start, 0);
  while (gtk_text_iter_get_line (start) > 0)
    {
      GtkTextIter prev = *start;

      gtk_text_iter_backward_line (&prev);
      if (gtk_text_iter_ends_line (&prev))
        break;
      *start = prev;
    }
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  while (!gtk_text_iter_is_end (end))
    {
      GtkTextIter next = *end;

      gtk_text_iter_forward_line (&next);
      if (gtk_text_iter_ends_line (&next))
        break;
      *end = next;
      gtk_text_iter_forward_to_line_end (end);
    }
}
