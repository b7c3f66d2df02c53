/* lede-editor-edits.c: changes made to the story from outside the keyboard
 * (a body put in place, a Replace All over both fields) as the writer's own
 * undoable edits (a picture's line too), and what Ctrl+Z does to typography.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-editor-private.h"

/**
 * lede_editor_replace_body:
 * @text: the body to put in place of the one shown
 *
 * Puts @text in the body as one edit the writer can undo with Ctrl+Z, as
 * restoring a revision does; the autosave then saves it like typing.
 */
void
lede_editor_replace_body (LedeEditor *self,
                          const char *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  /* A revision put back is no suggestion, even while suggesting. */
  self->reviewing++;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  self->reviewing--;
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  lede_editor_settle_body (self);
}

/**
 * lede_editor_begin_joint_edit:
 *
 * What changes the headline and the body from now until
 * lede_editor_end_joint_edit() is one undo step from either field. Each
 * field's change should be one user action of its own.
 */
void
lede_editor_begin_joint_edit (LedeEditor *self)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  lede_editor_joint_begin (self);
}

/**
 * lede_editor_end_joint_edit:
 *
 * Ends what lede_editor_begin_joint_edit() began. When only one field
 * changed, its own undo history already holds the step.
 */
void
lede_editor_end_joint_edit (LedeEditor *self)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  lede_editor_joint_end (self);
}

/**
 * lede_editor_undo_typography:
 *
 * What Ctrl+Z does right after a typographic change: puts back the
 * straight character typed.
 *
 * Returns: whether there was a change to take back
 */
gboolean
lede_editor_undo_typography (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  return lede_editor_take_back_typography (self);
}

/**
 * lede_editor_set_smart_punctuation:
 *
 * Turns typographic quotation marks, dashes and ellipses as you type on
 * or off.
 */
void
lede_editor_set_smart_punctuation (LedeEditor *self,
                                   gboolean    enabled)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  self->smart_punctuation = enabled;
}

/**
 * lede_editor_insert_photo:
 * @photo: a body picture of the story
 *
 * Puts @photo's line (![ALT](lede-photo:SHA)) in at the cursor, as a
 * paragraph of its own, in one undo step.
 */
void
lede_editor_insert_photo (LedeEditor      *self,
                          const LedePhoto *photo)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  g_return_if_fail (photo != NULL && lede_photo_is_sha256 (photo->sha256));
  lede_editor_put_photo_line (self, photo);
}
