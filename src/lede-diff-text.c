/* lede-diff-text.c: a word comparison written into a text buffer, the way
 * History shows a revision against the story and the publish dialog shows
 * a post changed on a site against the story in Lede.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-diff.h"
#include "lede-diff-text.h"

/* The tags lede_diff_text_append() uses: struck through and underlined,
 * so the colour is not the only sign. */
void
lede_diff_text_add_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "field", "weight", PANGO_WEIGHT_BOLD, "scale", 0.9, NULL);
  gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE,
                              "background", "rgba(224,27,36,0.20)", NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE,
                              "background", "rgba(46,194,126,0.25)", NULL);
}

/**
 * lede_diff_text_append:
 * @part: compared (lede_diff_part_compare())
 * @changes: (nullable) (element-type LedeDiffTextChange): where each change
 *   is added, in order
 *
 * Appends the part's name, then its text with the changes marked, then a
 * blank line.
 */
void
lede_diff_text_append (GtkTextBuffer      *buffer,
                       const LedeDiffPart *part,
                       GArray             *changes)
{
  GtkTextIter end;

  g_return_if_fail (part->spans != NULL);

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, part->label, -1, "field", NULL);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
  for (guint k = 0; k < part->spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (part->spans, LedeDiffSpan, k);
      int start = gtk_text_iter_get_offset (&end);

      if (span->kind == LEDE_DIFF_SAME)
        {
          gtk_text_buffer_insert (buffer, &end, part->old_text + span->old_start, span->old_length);
          continue;
        }
      if (span->kind == LEDE_DIFF_DELETED)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, part->old_text + span->old_start,
                                                  span->old_length, "deleted", NULL);
      else
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, part->new_text + span->new_start,
                                                  span->new_length, "inserted", NULL);
      if (changes == NULL)
        continue;
      /* Words deleted and the words put in their place are one change. */
      if (changes->len > 0 && g_array_index (changes, LedeDiffTextChange, changes->len - 1).end == start)
        g_array_index (changes, LedeDiffTextChange, changes->len - 1).end = gtk_text_iter_get_offset (&end);
      else
        g_array_append_val (changes, ((LedeDiffTextChange) { start, gtk_text_iter_get_offset (&end) }));
    }
  gtk_text_buffer_insert (buffer, &end, "\n\n", 2);
}
