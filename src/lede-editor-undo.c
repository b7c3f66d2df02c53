/* lede-editor-undo.c: one undo step over the headline and the body.
 *
 * The headline and the body are two GtkTextBuffers, and GTK 4.8 keeps an
 * undo history per buffer. A change made to both at once (Replace All) is
 * recorded in each, and the editor remembers that the two steps on top
 * belong together: while no other edit has been made to either field,
 * undoing one (Ctrl+Z, its menu, gtk_text_buffer_undo()) undoes the other
 * too, and redoing one redoes both. Both fields' "undo" and "redo"
 * signals are watched, so every way of undoing is covered, not only a key.
 *
 * GTK 4.8 also takes a redo made after a save for no change (the save
 * forgot which step was saved), and the body, copied into the story only
 * when modified, would not be saved; so after any undo or redo the field
 * is marked modified.
 *
 * GTK 4.8 leaves the step redone last open: the next edit joins it, and
 * one Ctrl+Z then takes back both (the redone Replace All and what was
 * typed after it). An empty user action closes it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-editor-private.h"

static GtkTextBuffer *
headline_buffer (LedeEditor *self)
{
  return gtk_text_view_get_buffer (self->headline_view);
}

static GtkTextBuffer *
body_buffer (LedeEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static GtkTextBuffer *
other_buffer (LedeEditor    *self,
              GtkTextBuffer *buffer)
{
  return buffer == body_buffer (self) ? headline_buffer (self) : body_buffer (self);
}

/* Any edit but the joint one and its undoing and redoing: each field's
 * history is its own again (the joint steps are no longer both on top). */
static void
on_edit (LedeEditor    *self,
         GtkTextBuffer *buffer)
{
  if (self->joint_recording)
    self->joint_changed |= buffer == body_buffer (self) ? JOINT_BODY : JOINT_HEADLINE;
  else if (self->joint_replaying == NULL)
    self->joint = JOINT_NONE;
}

static void
on_insert (LedeEditor    *self,
           GtkTextIter   *where,
           const char    *text,
           int            length,
           GtkTextBuffer *buffer)
{
  on_edit (self, buffer);
}

static void
on_delete (LedeEditor    *self,
           GtkTextIter   *start,
           GtkTextIter   *end,
           GtkTextBuffer *buffer)
{
  on_edit (self, buffer);
}

/* Runs before the buffer's own undo (or redo), which follows at once; the
 * other field's is run from here. */
static void
replay (LedeEditor    *self,
        GtkTextBuffer *buffer,
        LedeJointUndo  expected,
        gboolean       undo)
{
  GtkTextBuffer *other = other_buffer (self, buffer);

  if (self->joint_replaying != NULL || self->joint != expected)
    return;
  self->joint_replaying = buffer;
  if (undo)
    gtk_text_buffer_undo (other);
  else
    gtk_text_buffer_redo (other);
}

/* After the buffer's own undo or redo: the pair can be taken the other way. */
static void
replayed (LedeEditor    *self,
          GtkTextBuffer *buffer,
          LedeJointUndo  now)
{
  if (self->joint_replaying != buffer)
    return;
  self->joint_replaying = NULL;
  self->joint = now;
}

static void
on_undo (LedeEditor    *self,
         GtkTextBuffer *buffer)
{
  replay (self, buffer, JOINT_UNDO, TRUE);
}

static void
on_undone (LedeEditor    *self,
           GtkTextBuffer *buffer)
{
  replayed (self, buffer, JOINT_REDO);
}

static void
on_redo (LedeEditor    *self,
         GtkTextBuffer *buffer)
{
  replay (self, buffer, JOINT_REDO, FALSE);
}

static void
on_redone (LedeEditor    *self,
           GtkTextBuffer *buffer)
{
  replayed (self, buffer, JOINT_UNDO);
}

/* After any undo or redo in either field: what it changed is saved. */
static void
mark_modified (LedeEditor    *self,
               GtkTextBuffer *buffer)
{
  gtk_text_buffer_set_modified (buffer, TRUE);
}

/* After any redo in either field, the joint one or not. An empty user
 * action ends with what GTK's history needs to keep the next edit a step
 * of its own; it also forgets what could be redone, so only when nothing
 * can. */
static void
close_redone (LedeEditor    *self,
              GtkTextBuffer *buffer)
{
  if (gtk_text_buffer_get_can_redo (buffer))
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_end_user_action (buffer);
}

/* What lede_editor_begin_joint_edit() and lede_editor_end_joint_edit()
 * do, for Replace All as well. */
void
lede_editor_joint_begin (LedeEditor *self)
{
  g_return_if_fail (!self->joint_recording);

  self->joint_recording = TRUE;
  self->joint_changed = 0;
}

void
lede_editor_joint_end (LedeEditor *self)
{
  g_return_if_fail (self->joint_recording);

  self->joint_recording = FALSE;
  if (self->joint_changed == (JOINT_BODY | JOINT_HEADLINE))
    self->joint = JOINT_UNDO;
  else if (self->joint_changed != 0)
    self->joint = JOINT_NONE;
}

void
lede_editor_watch_joint_undo (LedeEditor *self)
{
  GtkTextBuffer *buffers[] = { headline_buffer (self), body_buffer (self) };

  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      g_signal_connect_object (buffers[i], "insert-text", G_CALLBACK (on_insert), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (buffers[i], "delete-range", G_CALLBACK (on_delete), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (buffers[i], "undo", G_CALLBACK (on_undo), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (buffers[i], "undo", G_CALLBACK (on_undone), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (buffers[i], "redo", G_CALLBACK (on_redo), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (buffers[i], "redo", G_CALLBACK (on_redone), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (buffers[i], "redo", G_CALLBACK (close_redone), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (buffers[i], "undo", G_CALLBACK (mark_modified), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (buffers[i], "redo", G_CALLBACK (mark_modified), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  /* Replace All changes both fields: one undo step from either. */
  g_signal_connect_object (self->find_bar, "before-replace-all", G_CALLBACK (lede_editor_joint_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_bar, "replaced-all", G_CALLBACK (lede_editor_joint_end), self,
                           G_CONNECT_SWAPPED);
}
