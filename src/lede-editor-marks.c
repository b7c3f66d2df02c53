/* lede-editor-marks.c: the editor's pass shown as changes, and answered.
 *
 * The Markdown stays the source of truth; the editor only tags it: the
 * markup and the signatures are hidden, inserted words underlined and
 * deleted ones struck through, in colour, and the pointer over one says
 * in words what it is, who made it and when (a tooltip), for readers who
 * cannot tell the colours apart. Hidden text changes line heights, so the
 * tags are put on before a frame is laid out (lede_editor_restyle_review()
 * from the editor's before-paint), never while GTK 4.8 draws.
 *
 * The answers are lede-editor-answers.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lede-review.h"
#include "lede-editor-private.h"

static GtkTextBuffer *
body_buffer (LedeEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static char *
dup_body (LedeEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (self), &start, &end, TRUE);
}

enum { HIDDEN, INSERTED, DELETED, COMMENTED };

/* Green and red that read on the light page and the dark one. */
static void
update_colours (LedeEditor *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkTextTag *body[] = { self->hidden_tag, self->inserted_tag, self->deleted_tag, self->commented_tag };

  for (guint i = 0; i < 2; i++)
    {
      GtkTextTag **tags = i == 0 ? body : self->headline_tags;

      g_object_set (tags[INSERTED], "foreground", dark ? "#8ff0a4" : "#1b7a3d", NULL);
      g_object_set (tags[DELETED], "foreground", dark ? "#ff7b63" : "#b01a24", NULL);
      g_object_set (tags[COMMENTED], "background-rgba",
                    dark ? &(GdkRGBA) { 0.38, 0.56, 0.94, 0.35 } : &(GdkRGBA) { 0.38, 0.56, 0.94, 0.22 }, NULL);
    }
}

static void
tag (GtkTextBuffer *buffer,
     GtkTextTag    *tag,
     int            start,
     int            end)
{
  GtkTextIter from, to;

  if (start < 0 || end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
}

/* Tags @buffer's marks again with @tags; returns whether a tag changed. */
static gboolean
restyle (GtkTextBuffer  *buffer,
         GtkTextTag    **tags,
         gboolean       *tagged)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  GtkTextIter start, end;
  gboolean had = *tagged;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (!had && !lede_review_may_have_marks (text))
    return FALSE;
  marks = lede_review_scan (text);
  for (guint i = 0; i <= COMMENTED; i++)
    {
      gtk_text_buffer_remove_tag (buffer, tags[i], &start, &end);
      /* Above GtkSourceView's Markdown, which it may add later. */
      gtk_text_tag_set_priority (tags[i], gtk_text_tag_table_get_size (table) - 1);
    }
  for (guint i = 0; i < marks->len; i++)
    {
      LedePlacedMark placed;

      lede_editor_place_mark (text, g_ptr_array_index (marks, i), &placed);
      switch (placed.mark->kind)
        {
        case LEDE_REVIEW_INSERTION:
          tag (buffer, tags[HIDDEN], placed.start, placed.new_start);
          tag (buffer, tags[INSERTED], placed.new_start, placed.new_end);
          tag (buffer, tags[HIDDEN], placed.new_end, placed.end);
          break;
        case LEDE_REVIEW_DELETION:
          tag (buffer, tags[HIDDEN], placed.start, placed.old_start);
          tag (buffer, tags[DELETED], placed.old_start, placed.old_end);
          tag (buffer, tags[HIDDEN], placed.old_end, placed.end);
          break;
        case LEDE_REVIEW_SUBSTITUTION:
          tag (buffer, tags[HIDDEN], placed.start, placed.old_start);
          tag (buffer, tags[DELETED], placed.old_start, placed.old_end);
          tag (buffer, tags[HIDDEN], placed.old_end, placed.new_start);
          tag (buffer, tags[INSERTED], placed.new_start, placed.new_end);
          tag (buffer, tags[HIDDEN], placed.new_end, placed.end);
          break;
        case LEDE_REVIEW_COMMENT:
        default:
          /* A note on nothing stays in sight, shaded: hidden, it could
           * not be found. */
          if (placed.old_start < 0)
            tag (buffer, tags[COMMENTED], placed.start, placed.end);
          else
            {
              tag (buffer, tags[HIDDEN], placed.start, placed.old_start);
              tag (buffer, tags[COMMENTED], placed.old_start, placed.old_end);
              tag (buffer, tags[HIDDEN], placed.old_end, placed.end);
            }
          break;
        }
    }
  *tagged = marks->len > 0;
  return had || marks->len > 0;
}

/**
 * lede_editor_restyle_review:
 *
 * Tags the marks of the editor's pass again, in the body and the headline,
 * where they changed since. Called before a frame is laid out.
 *
 * Returns: whether a tag changed
 */
gboolean
lede_editor_restyle_review (LedeEditor *self)
{
  GtkTextTag *tags[] = { self->hidden_tag, self->inserted_tag, self->deleted_tag, self->commented_tag };
  gboolean changed = FALSE;

  if (self->review_dirty)
    {
      self->review_dirty = FALSE;
      changed |= restyle (body_buffer (self), tags, &self->review_tagged);
    }
  if (self->headline_review_dirty)
    {
      self->headline_review_dirty = FALSE;
      changed |= restyle (gtk_text_view_get_buffer (self->headline_view), self->headline_tags,
                          &self->headline_review_tagged);
    }
  return changed;
}

static void
on_body_changed (LedeEditor *self)
{
  self->review_dirty = TRUE;
}

static void
on_headline_changed (LedeEditor *self)
{
  self->headline_review_dirty = TRUE;
  /* A headline set from elsewhere (a story loaded) draws no frame of the
   * body's: this one is asked for. */
  gtk_widget_queue_draw (GTK_WIDGET (self->headline_view));
}

static void
create_tags (GtkTextBuffer  *buffer,
             GtkTextTag    **tags)
{
  tags[HIDDEN] = gtk_text_buffer_create_tag (buffer, "review-hidden", "invisible", TRUE, NULL);
  tags[INSERTED] = gtk_text_buffer_create_tag (buffer, "review-inserted", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  tags[DELETED] = gtk_text_buffer_create_tag (buffer, "review-deleted", "strikethrough", TRUE, NULL);
  tags[COMMENTED] = gtk_text_buffer_create_tag (buffer, "review-commented", NULL);
}

/* What a mark is, in words. */
static char *
describe (const LedeReviewMark *mark)
{
  const char *who = mark->author ? mark->author : _("Unknown");
  const char *when = mark->time ? mark->time : "";

  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
      /* Translators: a suggested change in the story; the name and the time follow */
      return g_strdup_printf (_("Inserted by %s, %s"), who, when);
    case LEDE_REVIEW_DELETION:
      return g_strdup_printf (_("Deleted by %s, %s"), who, when);
    case LEDE_REVIEW_SUBSTITUTION:
      return g_strdup_printf (_("Replaced by %s, %s"), who, when);
    case LEDE_REVIEW_COMMENT:
    default:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i < mark->notes->len; i++)
          {
            LedeReviewNote *note = g_ptr_array_index (mark->notes, i);

            if (i)
              g_string_append_c (out, '\n');
            g_string_append_printf (out, i ? _("Reply from %s, %s: %s") : _("Comment from %s, %s: %s"),
                                    note->author ? note->author : _("Unknown"), note->time ? note->time : "",
                                    note->text);
          }
        return g_string_free (out, FALSE);
      }
    }
}

/* The mark at @offset in characters (or just after it), or -1; its
 * place in @placed. */
int
lede_editor_mark_at (const char     *text,
         GPtrArray      *marks,
         int             offset,
         LedePlacedMark *placed)
{
  for (guint i = 0; i < marks->len; i++)
    {
      lede_editor_place_mark (text, g_ptr_array_index (marks, i), placed);
      if (placed->start > offset)
        break;
      if (offset <= placed->end)
        return (int)i;
    }
  return -1;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  LedeEditor *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  LedePlacedMark placed;
  GtkTextIter at;
  int bx, by, index;

  if (!self->review_tagged)
    return FALSE;
  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (body_buffer (self), &at, gtk_text_buffer_get_insert (body_buffer (self)));
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (view, &at, bx, by))
        return FALSE;
    }
  text = dup_body (self);
  marks = lede_review_scan (text);
  index = lede_editor_mark_at (text, marks, gtk_text_iter_get_offset (&at), &placed);
  if (index < 0 || gtk_text_iter_get_offset (&at) == placed.end)
    return FALSE;
  words = describe (placed.mark);
  gtk_tooltip_set_text (tooltip, words);
  return TRUE;
}

void
lede_editor_watch_marks (LedeEditor *self)
{
  GtkTextBuffer *buffer = body_buffer (self);
  GtkTextTag *tags[4];

  create_tags (buffer, tags);
  self->hidden_tag = tags[HIDDEN];
  self->inserted_tag = tags[INSERTED];
  self->deleted_tag = tags[DELETED];
  self->commented_tag = tags[COMMENTED];
  create_tags (gtk_text_view_get_buffer (self->headline_view), self->headline_tags);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "changed",
                           G_CALLBACK (on_headline_changed), self, G_CONNECT_SWAPPED);
  update_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colours), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_body_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->body_view), TRUE);
  /* The context menu's answers (the spell checker's come before them). */
  self->review_menu = g_menu_new ();
  g_menu_append (self->review_menu, _("_Accept Suggestion"), "win.accept-suggestion");
  g_menu_append (self->review_menu, _("_Reject Suggestion"), "win.reject-suggestion");
  g_menu_append (self->review_menu, _("Add _Comment…"), "win.add-comment");
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->body_view), G_MENU_MODEL (self->review_menu));
  g_signal_connect_object (self->body_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self, 0);
}
