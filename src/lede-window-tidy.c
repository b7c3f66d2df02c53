/* lede-window-tidy.c: the search index kept tidy while the writer rests.
 *
 * A step (lede_library_tidy_step_async(): a few milliseconds, one
 * transaction, on a thread) runs only when nothing was typed for a while
 * and everything is saved, one step a tick until the index has nothing
 * left to merge; then the window looks again only after the library
 * changed. A library from before prefix indexes has its search index
 * rebuilt by the same steps, back to back and after a shorter rest, with
 * a progress bar in the sidebar: a million stories take minutes, and
 * search answers meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-window-private.h"

/* Quiet this long before a step; a step every tick while there is work. */
#define IDLE_US      (30 * G_USEC_PER_SEC)
#define TICK_SECONDS 2
/* While the index is rebuilt: steps back to back, on their thread; the
 * tick starts them again after a pause (typing, a save, the WAL copied). */
#define REINDEX_IDLE_US (2 * G_USEC_PER_SEC)
#define REINDEX_TICK_MS 60

/* Tests wait less than a person's half minute. */
static gint64
idle_us (gboolean reindex)
{
  const char *seconds = g_getenv ("LEDE_TIDY_IDLE_SECONDS");

  if (seconds)
    return (gint64)g_ascii_strtoull (seconds, NULL, 10) * G_USEC_PER_SEC;
  return reindex ? REINDEX_IDLE_US : IDLE_US;
}

/* Shows the rebuild's progress; TRUE while it, or the copy of old stories
 * into the sidebar's story_list (no bar: the lists work meanwhile, only
 * slower), goes on: both at the quicker pace. */
static gboolean
show_reindex (LedeWindow *self)
{
  double progress = self->library ? lede_library_get_reindex_progress (self->library) : -1;

  gtk_widget_set_visible (GTK_WIDGET (self->reindex_bar), progress >= 0);
  if (progress < 0)
    return self->library != NULL && lede_library_get_list_progress (self->library) >= 0;
  if (progress >= 0)
    {
      /* Translators: the sidebar's progress bar while the search index is rebuilt. */
      g_autofree char *text = g_strdup_printf (_("Quicker search: %d%% ready"), (int)(progress * 100));

      gtk_progress_bar_set_fraction (self->reindex_bar, progress);
      gtk_progress_bar_set_text (self->reindex_bar, text);
    }
  return progress >= 0;
}

static void     schedule  (LedeWindow *self);
static gboolean tidy_tick (gpointer    data);

/* What a step's end needs: the window, and whether it still wants it. */
typedef struct
{
  LedeWindow   *window;
  GCancellable *cancellable;
} Step;

static void
step_free (Step *step)
{
  g_object_unref (step->window);
  g_object_unref (step->cancellable);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

static void
step_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr (Step) step = data;
  LedeWindow *self = step->window;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE, quick;

  /* The window closed, or opened another library, meanwhile. */
  if (g_cancellable_is_cancelled (step->cancellable))
    return;
  g_clear_object (&self->tidy_cancellable);
  if (!lede_library_tidy_step_finish (self->library, result, &done, &error))
    {
      /* Not worth a word to the writer: the next change tries again. */
      g_debug ("%s", error->message);
      done = TRUE;
    }
  /* A change saved while the step ran may have come after what it read. */
  if (self->tidy_again)
    done = FALSE;
  quick = show_reindex (self);
  if (self->tidy_quick && !quick)
    g_debug ("The quick steps are over: the search index and the story list are whole");
  if (done || quick != self->tidy_quick)
    {
      /* Done, or the pace changes: the rebuild finished (or began, in
       * another process). */
      g_clear_handle_id (&self->tidy_timer, g_source_remove);
      if (!done)
        schedule (self);
    }
  /* Rebuilding: the next step at once, back to back as make bench runs
   * them (its main loop waited 19 ms at most); the tick goes on after a
   * pause. */
  else if (quick)
    tidy_tick (self);
}

static gboolean
tidy_tick (gpointer data)
{
  LedeWindow *self = data;
  Step *step;

  /* One step at a time. Nor while the WAL is copied into the file: the
   * step would share the disk with the copy, and take three times as long. */
  if (self->library == NULL || self->tidy_cancellable != NULL ||
      g_get_monotonic_time () - self->last_edit_us < idle_us (self->tidy_quick) ||
      lede_autosave_get_state (self->autosave) != LEDE_SAVE_STATE_SAVED ||
      lede_library_is_copying_wal (self->library))
    return G_SOURCE_CONTINUE;
  self->tidy_cancellable = g_cancellable_new ();
  self->tidy_again = FALSE;
  step = g_new0 (Step, 1);
  step->window = g_object_ref (self);
  step->cancellable = g_object_ref (self->tidy_cancellable);
  lede_library_tidy_step_async (self->library, self->tidy_cancellable, step_done, step);
  return G_SOURCE_CONTINUE;
}

static void
schedule (LedeWindow *self)
{
  self->tidy_quick = show_reindex (self);
  if (self->tidy_quick)
    self->tidy_timer = g_timeout_add (REINDEX_TICK_MS, tidy_tick, self);
  else
    self->tidy_timer = g_timeout_add_seconds (TICK_SECONDS, tidy_tick, self);
}

/* The library changed (or another was opened): there may be work again. */
void
lede_window_tidy_later (LedeWindow *self)
{
  if (self->tidy_cancellable != NULL)
    self->tidy_again = TRUE;
  if (self->tidy_timer == 0)
    schedule (self);
}

/* A step under way is let be (it ends on its thread); its end is not
 * waited for. */
void
lede_window_stop_tidy (LedeWindow *self)
{
  g_cancellable_cancel (self->tidy_cancellable);
  g_clear_object (&self->tidy_cancellable);
}

void
lede_window_dispose_tidy (LedeWindow *self)
{
  lede_window_stop_tidy (self);
  g_clear_handle_id (&self->tidy_timer, g_source_remove);
}

void
lede_window_class_add_tidy (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, reindex_bar);
}
