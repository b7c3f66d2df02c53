/* lede-editor-navigation.c: taking the writer to a place in the story: a line,
 * an offset, a range, a graf, the words a search found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-graf-renderer.h"
#include "lede-editor-private.h"
#include "lede-review-view.h"

/**
 * lede_editor_scroll_to_line:
 * @line: a source line, from 1
 *
 * Brings @line to the top of the body without reporting it back through
 * #LedeEditor::top-line-changed, so following the preview never loops.
 */
void
lede_editor_scroll_to_line (LedeEditor *self,
                            int         line)
{
  GtkTextBuffer *buffer;
  GtkAdjustment *vadjustment;
  GtkTextIter iter;
  int y = 0, height = 0;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, MAX (line, 1) - 1);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self->body_view), &iter, &y, &height);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->body_view));
  self->following = TRUE;
  gtk_adjustment_set_value (vadjustment, y);
  self->following = FALSE;
}


/**
 * lede_editor_show_offset:
 * @offset: a place in the body, in characters
 *
 * Puts the cursor at @offset, scrolls it into view and gives the body the
 * keyboard.
 */
void
lede_editor_show_offset (LedeEditor *self,
                         guint       offset)
{
  lede_editor_show_range (self, offset, 0);
}

/**
 * lede_editor_show_range:
 * @offset: where it starts in the body, in characters
 * @length: how many characters to select
 *
 * Selects what a check found, brings it to a third of the way down the
 * view (not the bottom edge, where the eye does not go) and gives the body
 * the keyboard.
 */
void
lede_editor_show_range (LedeEditor *self,
                        guint       offset,
                        guint       length)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + length);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->body_view), gtk_text_buffer_get_insert (buffer),
                                0.0, TRUE, 0.0, 0.33);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* Where character @offset of @buffer's text read with every suggestion
 * accepted (as the checks read it) is in the text itself. */
static guint
raw_chars (GtkTextBuffer *buffer,
           guint          offset)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *accepted = NULL;
  gsize raw;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (!lede_review_may_have_marks (text))
    return offset;
  accepted = lede_review_dup_accepted (text);
  if (offset > g_utf8_strlen (accepted, -1))
    return offset;
  raw = lede_review_raw_offset (text, g_utf8_offset_to_pointer (accepted, offset) - accepted);
  return (guint)g_utf8_pointer_to_offset (text, text + raw);
}

/**
 * lede_editor_show_found:
 * @offset: where a check found words, in characters of the body read with
 *   every suggestion accepted
 * @length: how many
 *
 * Selects them in the body, its marks and all (lede_editor_show_range()).
 */
void
lede_editor_show_found (LedeEditor *self,
                        guint       offset,
                        guint       length)
{
  GtkTextBuffer *buffer;
  guint from, to;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  from = raw_chars (buffer, offset);
  to = length ? raw_chars (buffer, offset + length - 1) + 1 : from;
  lede_editor_show_range (self, from, to - from);
}

/**
 * lede_editor_replace_words:
 * @in_headline: in the headline, else in the body
 * @offset: where @words start, in characters of the text read with every
 *   suggestion accepted (where the checks found them)
 * @words: what a check found there
 * @replacement: what to put in their place
 *
 * Puts @replacement in place of @words as one undo step, and selects it;
 * while suggesting, it is a suggestion like any edit. Nothing changes when
 * the text there is no longer @words (typed over since the check ran).
 *
 * Returns: whether it was replaced
 */
gboolean
lede_editor_replace_words (LedeEditor *self,
                           gboolean    in_headline,
                           guint       offset,
                           const char *words,
                           const char *replacement)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *there = NULL;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (words != NULL && replacement != NULL, FALSE);

  buffer = gtk_text_view_get_buffer (in_headline ? self->headline_view : GTK_TEXT_VIEW (self->body_view));
  offset = raw_chars (buffer, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + g_utf8_strlen (words, -1));
  there = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (gtk_text_iter_get_offset (&start) != (int)offset || !g_str_equal (there, words))
    return FALSE;
  /* Selected, so a suggestion reads it as typed over: a substitution. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
  /* A suggestion put the cursor after itself. */
  if (self->suggesting)
    return TRUE;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + g_utf8_strlen (replacement, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  return TRUE;
}

/**
 * lede_editor_highlight_words:
 * @words: (nullable): words to mark where a word begins with them, in any case
 *
 * Marks where the body has @words (what a search found) until the next
 * edit; %NULL or none takes the marks away.
 */
void
lede_editor_highlight_words (LedeEditor         *self,
                             const char * const *words)
{
  GtkTextBuffer *buffer;
  guint marked = 0;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  lede_editor_clear_highlight (self, buffer);
  for (guint i = 0; words != NULL && words[i] != NULL && marked < 1000; i++)
    {
      GtkTextIter at, match_start, match_end;

      if (*words[i] == '\0')
        continue;
      gtk_text_buffer_get_start_iter (buffer, &at);
      while (marked < 1000 &&
             gtk_text_iter_forward_search (&at, words[i], GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          if (gtk_text_iter_starts_word (&match_start))
            {
              gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
              self->highlighted = TRUE;
              marked++;
            }
          at = match_end;
        }
    }
}

/**
 * lede_editor_count_grafs:
 *
 * Returns: how many grafs the story has
 */
guint
lede_editor_count_grafs (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), 0);
  return lede_graf_renderer_get_count (LEDE_GRAF_RENDERER (self->grafs));
}

/**
 * lede_editor_go_to_graf:
 * @graf: from 1
 *
 * Puts the cursor at the start of graf @graf, on screen.
 *
 * Returns: whether the story has that graf
 */
gboolean
lede_editor_go_to_graf (LedeEditor *self,
                        guint       graf)
{
  GtkTextBuffer *buffer;
  GtkTextIter at;
  int line;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);

  if ((line = lede_graf_renderer_get_line (LEDE_GRAF_RENDERER (self->grafs), graf)) < 0)
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  gtk_text_buffer_get_iter_at_line (buffer, &at, line);
  gtk_text_buffer_place_cursor (buffer, &at);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->body_view), gtk_text_buffer_get_insert (buffer), 0.1, TRUE, 0, 0.2);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  return TRUE;
}
