/* lede-graf-renderer.c: graf numbers in the editor's gutter.
 *
 * Newsrooms talk about "graf 7": each paragraph's first line shows its
 * number (lede_grafs_find() decides what a graf is). The grafs are found
 * again only when the text changed and a frame asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-graf-renderer"

#include "config.h"

#include "lede-grafs.h"

#include "lede-graf-renderer.h"

struct _LedeGrafRenderer
{
  GtkSourceGutterRendererText parent_instance;

  GtkTextBuffer *buffer;
  GArray        *starts;   /* line where each graf starts, in order */
  gboolean       stale;
};

G_DEFINE_FINAL_TYPE (LedeGrafRenderer, lede_graf_renderer, GTK_SOURCE_TYPE_GUTTER_RENDERER_TEXT)

static void
refresh (LedeGrafRenderer *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!self->stale)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  g_clear_pointer (&self->starts, g_array_unref);
  self->starts = lede_grafs_find (text, -1);
  self->stale = FALSE;
}

/* Graf number of a graf starting at @line, or 0: a binary search. */
static guint
graf_at (LedeGrafRenderer *self,
         guint             line)
{
  guint low = 0, high = self->starts->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      guint start = g_array_index (self->starts, guint, mid);

      if (start == line)
        return mid + 1;
      if (start < line)
        low = mid + 1;
      else
        high = mid;
    }
  return 0;
}

static void
lede_graf_renderer_begin (GtkSourceGutterRenderer *renderer,
                          GtkSourceGutterLines    *lines)
{
  refresh (LEDE_GRAF_RENDERER (renderer));
  GTK_SOURCE_GUTTER_RENDERER_CLASS (lede_graf_renderer_parent_class)->begin (renderer, lines);
}

static void
lede_graf_renderer_query_data (GtkSourceGutterRenderer *renderer,
                               GtkSourceGutterLines    *lines,
                               guint                    line)
{
  LedeGrafRenderer *self = LEDE_GRAF_RENDERER (renderer);
  guint graf = graf_at (self, line);
  char number[16] = "";

  if (graf > 0)
    g_snprintf (number, sizeof number, "%u", graf);
  gtk_source_gutter_renderer_text_set_text (GTK_SOURCE_GUTTER_RENDERER_TEXT (renderer), number, -1);
}

static void
on_changed (LedeGrafRenderer *self)
{
  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lede_graf_renderer_dispose (GObject *object)
{
  LedeGrafRenderer *self = LEDE_GRAF_RENDERER (object);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->starts, g_array_unref);
  G_OBJECT_CLASS (lede_graf_renderer_parent_class)->dispose (object);
}

static void
lede_graf_renderer_class_init (LedeGrafRendererClass *klass)
{
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lede_graf_renderer_dispose;
  renderer_class->begin = lede_graf_renderer_begin;
  renderer_class->query_data = lede_graf_renderer_query_data;
}

static void
lede_graf_renderer_init (LedeGrafRenderer *self)
{
  self->stale = TRUE;
}

GtkSourceGutterRenderer *
lede_graf_renderer_new (GtkTextBuffer *buffer)
{
  LedeGrafRenderer *self = g_object_new (LEDE_TYPE_GRAF_RENDERER,
                                         "alignment-mode", GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST,
                                         "xalign", 1.0,
                                         "xpad", 6,
                                         NULL);

  self->buffer = g_object_ref (buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  /* Room for four digits. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 40, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  return GTK_SOURCE_GUTTER_RENDERER (self);
}

/**
 * lede_graf_renderer_get_count:
 *
 * Returns: how many grafs the story has
 */
guint
lede_graf_renderer_get_count (LedeGrafRenderer *self)
{
  g_return_val_if_fail (LEDE_IS_GRAF_RENDERER (self), 0);
  refresh (self);
  return self->starts->len;
}

/**
 * lede_graf_renderer_get_line:
 * @graf: from 1
 *
 * Returns: the line graf @graf starts on, or -1 when there is no such graf
 */
int
lede_graf_renderer_get_line (LedeGrafRenderer *self,
                             guint             graf)
{
  g_return_val_if_fail (LEDE_IS_GRAF_RENDERER (self), -1);
  refresh (self);
  if (graf == 0 || graf > self->starts->len)
    return -1;
  return (int)g_array_index (self->starts, guint, graf - 1);
}
