/* lede-editor-typography.c: typographic punctuation as the writer types.
 *
 * Straight quotation marks, hyphens and dots become curly quotes, dashes
 * and ellipses (the rules are lede_typography_replace()'s), except in code
 * and link targets. Each change is a user action of its own, made when the
 * typing's ends, so Ctrl+Z right after gives back what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include <string.h>

#include "lede-typography.h"
#include "lede-editor-private.h"

/* Whether the cursor line is code or a link target: no typography there. */
static gboolean
in_code (GtkTextBuffer *buffer,
         GtkTextIter   *at,
         const char    *before)
{
  GtkTextIter line;
  guint ticks = 0, fences = 0;
  const char *target = g_strrstr (before, "](");

  for (const char *p = before; *p; p++)
    ticks += *p == '`';
  if (ticks % 2 == 1 || g_str_has_prefix (before, "    ") || before[0] == '\t')
    return TRUE;
  if (target != NULL && strchr (target, ')') == NULL)
    return TRUE;
  if (!GTK_SOURCE_IS_BUFFER (buffer))
    return FALSE;
  /* Fences above the line: an odd count means inside a code block. */
  line = *at;
  gtk_text_iter_set_line_offset (&line, 0);
  while (gtk_text_iter_backward_line (&line))
    {
      GtkTextIter end = line;
      g_autofree char *start = NULL;

      gtk_text_iter_forward_chars (&end, 3);
      start = gtk_text_iter_get_slice (&line, &end);
      fences += g_str_equal (start, "```") || g_str_equal (start, "~~~");
    }
  return fences % 2 == 1;
}

static void
forget_change (LedeEditor *self)
{
  if (self->changed_end != NULL)
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->changed_end), self->changed_end);
  self->changed_end = NULL;
  g_clear_pointer (&self->changed_from, g_free);
}

/* Any other edit, or a move of the cursor, and Ctrl+Z is GTK's again. */
static void
on_other_insert (LedeEditor    *self,
                 GtkTextIter   *where,
                 const char    *text,
                 int            len,
                 GtkTextBuffer *buffer)
{
  if (!self->punctuating && self->changed_end != NULL)
    forget_change (self);
}

static void
on_other_delete (LedeEditor    *self,
                 GtkTextIter   *start,
                 GtkTextIter   *end,
                 GtkTextBuffer *buffer)
{
  if (!self->punctuating && self->changed_end != NULL)
    forget_change (self);
}

static void
on_cursor_moved (LedeEditor    *self,
                 GtkTextIter   *location,
                 GtkTextMark   *mark,
                 GtkTextBuffer *buffer)
{
  GtkTextIter end;

  if (self->punctuating || self->changed_end == NULL || mark != gtk_text_buffer_get_insert (buffer) ||
      gtk_text_mark_get_buffer (self->changed_end) != buffer)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->changed_end);
  if (!gtk_text_iter_equal (&end, location))
    forget_change (self);
}

static void
drop_pending (LedeEditor *self)
{
  if (self->pending_end != NULL)
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->pending_end), self->pending_end);
  self->pending_end = NULL;
  self->pending_buffer = NULL;
  self->pending_with = NULL;
}

static void
on_punctuation_typed (LedeEditor    *self,
                      GtkTextIter   *location,
                      const char    *text,
                      int            len,
                      GtkTextBuffer *buffer)
{
  GtkTextIter line_start, typed;
  g_autofree char *before = NULL;
  const char *language, *with;
  guint n_delete = 0;

  /* Replace All puts text in; only what is typed is typeset. */
  if (!self->smart_punctuation || self->loading || self->punctuating || self->joint_recording || len != 1 ||
      strchr ("\"'-.", text[0]) == NULL)
    return;
  typed = *location;
  gtk_text_iter_backward_char (&typed);
  line_start = typed;
  gtk_text_iter_set_line_offset (&line_start, 0);
  before = gtk_text_iter_get_slice (&line_start, &typed);
  if (in_code (buffer, &typed, before))
    return;
  language = self->article ? lede_article_get_language (self->article) : NULL;
  if ((with = lede_typography_replace (before, (gunichar)text[0], language, &n_delete)) == NULL)
    return;
  drop_pending (self);
  self->pending_buffer = buffer;
  self->pending_end = gtk_text_buffer_create_mark (buffer, NULL, location, FALSE);
  self->pending_delete = n_delete + 1;
  self->pending_with = with;
}

/* Applied as a user action of its own: Ctrl+Z right after gives back
 * what was typed. */
static void
on_end_user_action (LedeEditor    *self,
                    GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  /* Our own user action ends here too. */
  if (self->punctuating || self->pending_buffer != buffer || self->pending_with == NULL)
    return;
  self->punctuating = TRUE;
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->pending_end);
  start = end;
  gtk_text_iter_backward_chars (&start, (int)self->pending_delete);
  forget_change (self);
  self->changed_from = gtk_text_iter_get_slice (&start, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, self->pending_with, -1);
  gtk_text_buffer_end_user_action (buffer);
  self->changed_end = gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE);
  self->changed_chars = (guint)g_utf8_strlen (self->pending_with, -1);
  drop_pending (self);
  self->punctuating = FALSE;
}

/* Ctrl+Z right after a change: what was typed, straight, comes back. */
static gboolean
on_undo_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LedeEditor            *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
  GtkTextIter start, end;
  g_autofree char *from = NULL;

  if ((keyval != GDK_KEY_z && keyval != GDK_KEY_Z) || (state & GDK_MODIFIER_MASK) != GDK_CONTROL_MASK ||
      self->changed_end == NULL || gtk_text_mark_get_buffer (self->changed_end) != buffer)
    return GDK_EVENT_PROPAGATE;
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->changed_end);
  start = end;
  gtk_text_iter_backward_chars (&start, (int)self->changed_chars);
  from = g_steal_pointer (&self->changed_from);
  forget_change (self);
  self->punctuating = TRUE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, from, -1);
  gtk_text_buffer_end_user_action (buffer);
  self->punctuating = FALSE;
  return GDK_EVENT_STOP;
}

void
lede_editor_watch_punctuation (LedeEditor  *self,
                               GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_other_insert), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_other_delete), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_punctuation_typed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (on_end_user_action), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_undo_key), self);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  g_object_set_data (G_OBJECT (buffer), "lede-undo-keys", keys);
}

/* What Ctrl+Z does right after a typographic change (see
 * lede_editor_undo_typography()). */
gboolean
lede_editor_take_back_typography (LedeEditor *self)
{
  GtkEventController *keys;

  if (self->changed_end == NULL)
    return FALSE;
  keys = g_object_get_data (G_OBJECT (gtk_text_mark_get_buffer (self->changed_end)), "lede-undo-keys");
  return on_undo_key (GTK_EVENT_CONTROLLER_KEY (keys), GDK_KEY_z, 0, GDK_CONTROL_MASK, self) == GDK_EVENT_STOP;
}
