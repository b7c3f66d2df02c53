/* lede-editor-answers.c: the editor's pass answered — a suggestion
 * accepted or rejected (at the cursor, by its place, by author, all), a
 * comment resolved, added or replied to — and Suggest Changes turned on.
 *
 * Answers rewrite the text with the core's lede_review_dup_answered(),
 * and only the span that differs goes into the buffer, as one user
 * action: one undo step. These are the editor's public calls; nothing in
 * lede-editor.c calls them, so no file here calls back into its caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include <string.h>

#include "lede-review.h"
#include "lede-editor-private.h"

static GtkTextBuffer *
body_buffer (LedeEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static char *
dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static char *
dup_body (LedeEditor *self)
{
  return dup_text (body_buffer (self));
}

/* Where the cursor is: the headline's, when it has the keyboard. */
static GtkTextBuffer *
cursor_buffer (LedeEditor *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->headline_view)))
    return gtk_text_view_get_buffer (self->headline_view);
  return body_buffer (self);
}

/* Puts @answered in @buffer, only where it differs, as one user action. */
static void
put_answered (LedeEditor    *self,
              GtkTextBuffer *buffer,
              const char    *text,
              const char    *answered)
{
  gsize length = strlen (text), new_length = strlen (answered), head = 0, tail = 0;
  GtkTextIter start, end;
  int first;

  while (head < length && head < new_length && text[head] == answered[head])
    head++;
  while (tail < length - head && tail < new_length - head &&
         text[length - 1 - tail] == answered[new_length - 1 - tail])
    tail++;
  /* On a character's first byte. */
  while (head > 0 && (text[head] & 0xC0) == 0x80)
    head--;
  while (tail > 0 && (text[length - tail] & 0xC0) == 0x80)
    tail--;
  if (head == length && head == new_length)
    return;
  first = (int)g_utf8_pointer_to_offset (text, text + head);
  self->reviewing++;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, first);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)g_utf8_pointer_to_offset (text, text + length - tail));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, answered + head, (int)(new_length - tail - head));
  gtk_text_buffer_end_user_action (buffer);
  self->reviewing--;
  gtk_text_buffer_place_cursor (buffer, &start);
}

typedef struct {
  LedeEditor *self;
  gsize       start;      /* a mark's first byte, or G_MAXSIZE */
  const char *author;     /* a suggester, or NULL */
  gboolean    comments;   /* comments too, or suggestions only */
} Choice;

static gboolean
is_chosen (const LedeReviewMark *mark,
           gpointer              data)
{
  Choice *choice = data;

  if (choice->start != G_MAXSIZE)
    return mark->start == choice->start;
  if (!choice->comments && !lede_review_mark_is_suggestion (mark))
    return FALSE;
  return choice->author == NULL || g_strcmp0 (mark->author, choice->author) == 0;
}

static gboolean
answer_chosen (LedeEditor       *self,
               GtkTextBuffer    *buffer,
               LedeReviewAnswer  reply,
               Choice           *choice)
{
  g_autofree char *text = dup_text (buffer);
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *answered = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < marks->len && !any; i++)
    any = is_chosen (g_ptr_array_index (marks, i), choice);
  if (!any)
    return FALSE;
  answered = lede_review_dup_answered (text, marks, reply, is_chosen, choice, NULL);
  put_answered (self, buffer, text, answered);
  return TRUE;
}

/**
 * lede_editor_answer_at_cursor:
 *
 * Accepts or rejects the suggestion at the cursor (and the rest of its
 * edit across paragraphs), or resolves the comment there.
 *
 * Returns: whether there was one
 */
gboolean
lede_editor_answer_at_cursor (LedeEditor       *self,
                              LedeReviewAnswer  reply)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  LedePlacedMark placed;
  GtkTextIter at;
  Choice choice = { self, G_MAXSIZE, NULL, FALSE };
  GtkTextBuffer *buffer;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);

  buffer = cursor_buffer (self);
  text = dup_text (buffer);
  marks = lede_review_scan (text);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  if (lede_editor_mark_at (text, marks, gtk_text_iter_get_offset (&at), &placed) < 0)
    return FALSE;
  choice.start = placed.mark->start;
  return answer_chosen (self, buffer, reply, &choice);
}

/**
 * lede_editor_answer_mark:
 * @start: the mark's first byte in the body, as lede_review_scan() gives it
 *
 * Returns: whether the body still has that mark
 */
gboolean
lede_editor_answer_mark (LedeEditor       *self,
                         gsize             start,
                         LedeReviewAnswer  reply)
{
  Choice choice = { self, start, NULL, FALSE };

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  return answer_chosen (self, body_buffer (self), reply, &choice);
}

/**
 * lede_editor_answer_suggestions:
 * @author: (nullable): whose suggestions, or %NULL for everyone's
 *
 * Accepts or rejects every suggestion (of @author) in the headline and
 * the body; comments stay.
 *
 * Returns: whether there was one
 */
gboolean
lede_editor_answer_suggestions (LedeEditor       *self,
                                const char       *author,
                                LedeReviewAnswer  reply)
{
  Choice choice = { self, G_MAXSIZE, author, FALSE };
  gboolean any;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  any = answer_chosen (self, gtk_text_view_get_buffer (self->headline_view), reply, &choice);
  return answer_chosen (self, body_buffer (self), reply, &choice) || any;
}

/**
 * lede_editor_dup_author_at_cursor:
 *
 * Returns: (transfer full) (nullable): who made the mark at the cursor
 */
char *
lede_editor_dup_author_at_cursor (LedeEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  LedePlacedMark placed;
  GtkTextIter at;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), NULL);

  text = dup_text (cursor_buffer (self));
  marks = lede_review_scan (text);
  gtk_text_buffer_get_iter_at_mark (cursor_buffer (self), &at, gtk_text_buffer_get_insert (cursor_buffer (self)));
  if (lede_editor_mark_at (text, marks, gtk_text_iter_get_offset (&at), &placed) < 0)
    return NULL;
  return g_strdup (placed.mark->author);
}

/**
 * lede_editor_add_comment:
 * @words: the comment
 *
 * Comments on the selected words: {==words==}{>>@Name|TIME: comment<<}.
 *
 * Returns: whether there was a selection to comment on, outside any mark
 */
gboolean
lede_editor_add_comment (LedeEditor *self,
                         const char *words)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *note = NULL;
  g_autofree char *with = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GtkTextIter start, end;
  int from, to;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);

  buffer = body_buffer (self);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  chosen = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  from = gtk_text_iter_get_offset (&start);
  to = gtk_text_iter_get_offset (&end);
  /* Not across a blank line, nor over a mark: CriticMarkup nests none. */
  text = dup_body (self);
  marks = lede_review_scan (text);
  for (guint i = 0; i < marks->len; i++)
    {
      LedePlacedMark placed;

      lede_editor_place_mark (text, g_ptr_array_index (marks, i), &placed);
      if (placed.start < to && placed.end > from)
        return FALSE;
    }
  if (strstr (chosen, "\n\n") || strstr (chosen, "==}"))
    return FALSE;
  note = lede_review_dup_signature (self->reviewer ? self->reviewer : g_get_real_name (), now, words);
  with = g_strconcat ("{==", chosen, "==}", note, NULL);
  self->reviewing++;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, with, -1);
  gtk_text_buffer_end_user_action (buffer);
  self->reviewing--;
  return TRUE;
}

/**
 * lede_editor_reply:
 * @start: the comment's first byte in the body
 * @words: the reply
 *
 * Answers a comment with another, right after its last note.
 *
 * Returns: whether the body still has that comment
 */
gboolean
lede_editor_reply (LedeEditor *self,
                   gsize       start,
                   const char *words)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);

  buffer = body_buffer (self);
  text = dup_body (self);
  marks = lede_review_scan (text);
  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = g_ptr_array_index (marks, i);
      GtkTextIter at;

      if (mark->start != start || mark->kind != LEDE_REVIEW_COMMENT)
        continue;
      note = lede_review_dup_signature (self->reviewer ? self->reviewer : g_get_real_name (), now, words);
      self->reviewing++;
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_get_iter_at_offset (buffer, &at, (int)g_utf8_pointer_to_offset (text, text + mark->end));
      gtk_text_buffer_insert (buffer, &at, note, -1);
      gtk_text_buffer_end_user_action (buffer);
      self->reviewing--;
      return TRUE;
    }
  return FALSE;
}

/**
 * lede_editor_show_mark:
 * @start: the mark's first byte in the body
 *
 * Selects the words of a suggestion or comment, on screen.
 */
void
lede_editor_show_mark (LedeEditor *self,
                       gsize       start)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  text = dup_body (self);
  marks = lede_review_scan (text);
  for (guint i = 0; i < marks->len; i++)
    {
      LedePlacedMark placed;
      int from, to;

      lede_editor_place_mark (text, g_ptr_array_index (marks, i), &placed);
      if (placed.mark->start != start)
        continue;
      from = placed.old_start >= 0 ? placed.old_start : placed.new_start >= 0 ? placed.new_start : placed.start;
      to = placed.new_end >= 0 ? placed.new_end : placed.old_end >= 0 ? placed.old_end : placed.end;
      lede_editor_show_range (self, from, to - from);
      return;
    }
}

/**
 * lede_editor_set_suggesting:
 * @reviewer: (nullable): who suggests: the Preferences byline
 *
 * Turns Suggest Changes on or off: while on, the body's edits are kept
 * as suggestions signed by @reviewer.
 */
void
lede_editor_set_suggesting (LedeEditor *self,
                            gboolean    suggesting,
                            const char *reviewer)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));

  self->suggesting = suggesting;
  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer && *reviewer ? reviewer : g_get_real_name ());
}

gboolean
lede_editor_get_suggesting (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  return self->suggesting;
}

/**
 * lede_editor_dup_suggested:
 * @text: a one-line field's text as it is (the standfirst)
 * @start: the first character an edit deletes
 * @end: the character after the last one it deletes; @start for none
 * @words: (nullable): what it puts in at @start
 * @cursor: where the field's cursor is
 * @new_cursor: (out): where it goes after the edit
 *
 * Makes an edit of a field outside the editor as Suggest Changes makes the
 * body's: the same marks, grown the same way.
 *
 * Returns: (transfer full) (nullable): @text with the edit made as a
 *   suggestion (or unchanged where none may be made), or %NULL when not
 *   suggesting
 */
char *
lede_editor_dup_suggested (LedeEditor *self,
                           const char *text,
                           int         start,
                           int         end,
                           const char *words,
                           int         cursor,
                           int        *new_cursor)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), NULL);
  g_return_val_if_fail (text != NULL && new_cursor != NULL, NULL);

  return lede_editor_suggest_in_field (self, text, start, end, words, cursor, new_cursor);
}
