/* lede-editor-focus.c: focus mode's dimming: everything but the graf being
 * written is faded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-text-paragraph.h"

#include "lede-editor-private.h"

/* Focus mode: the paragraph with the cursor at full contrast, the rest
 * dimmed. */
static void
dim_around_cursor (LedeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  GtkTextIter start, end, para_start, para_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->dim_tag, &start, &end);
  if (!self->focus_mode)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &para_start, gtk_text_buffer_get_insert (buffer));
  para_end = para_start;
  lede_text_extend_to_paragraph (&para_start, &para_end);
  gtk_text_buffer_apply_tag (buffer, self->dim_tag, &start, &para_start);
  gtk_text_buffer_apply_tag (buffer, self->dim_tag, &para_end, &end);
}

static void
on_focus_cursor (LedeEditor    *self,
                 GtkTextIter   *location,
                 GtkTextMark   *mark,
                 GtkTextBuffer *buffer)
{
  if (self->focus_mode && mark == gtk_text_buffer_get_insert (buffer))
    dim_around_cursor (self);
}

static void
on_focus_edit (LedeEditor    *self,
               GtkTextBuffer *buffer)
{
  if (self->focus_mode)
    dim_around_cursor (self);
}

/**
 * lede_editor_set_focus_mode:
 *
 * Dims every paragraph but the one being written (F11's focus mode).
 */
void
lede_editor_set_focus_mode (LedeEditor *self,
                            gboolean    focus)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  if (self->dim_tag == NULL)
    {
      self->dim_tag = gtk_text_buffer_create_tag (buffer, NULL, "foreground-rgba",
                                                  &(GdkRGBA) { 0.5, 0.5, 0.5, 0.55 }, NULL);
      g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_focus_cursor), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_focus_edit), self, G_CONNECT_SWAPPED);
    }
  self->focus_mode = focus;
  dim_around_cursor (self);
}

/**
 * lede_editor_is_dimmed_at:
 *
 * Returns: whether focus mode dims the body at character @offset
 */
gboolean
lede_editor_is_dimmed_at (LedeEditor *self,
                          int         offset)
{
  GtkTextIter at;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), FALSE);
  if (self->dim_tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view)), &at, offset);
  return gtk_text_iter_has_tag (&at, self->dim_tag);
}
