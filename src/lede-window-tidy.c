/* lede-window-tidy.c: the search index kept tidy while the writer rests.
 *
 * A step (lede_library_tidy_step(): a few milliseconds, one transaction)
 * runs only when nothing was typed for a while and everything is saved,
 * one step a tick until the index has nothing left to merge; then the
 * window looks again only after the library changed. A library from
 * before prefix indexes has its search index rebuilt by the same steps,
 * ticking quicker and after a shorter rest, with a progress bar in the
 * sidebar: a million stories take minutes, and search answers meanwhile.
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
/* While the index is rebuilt: steps of about 12 ms, a fifth of the main loop. */
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

static void schedule (LedeWindow *self);

static gboolean
tidy_tick (gpointer data)
{
  LedeWindow *self = data;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE, quick;

  if (self->library == NULL)
    return G_SOURCE_CONTINUE;
  /* Nor while the WAL is copied into the file: the step would share the
   * disk with the copy, and hold the window three times as long. */
  if (g_get_monotonic_time () - self->last_edit_us < idle_us (self->tidy_quick) ||
      lede_autosave_get_state (self->autosave) != LEDE_SAVE_STATE_SAVED ||
      lede_library_is_copying_wal (self->library))
    return G_SOURCE_CONTINUE;
  if (!lede_library_tidy_step (self->library, &done, &error))
    {
      /* Not worth a word to the writer: the next change tries again. */
      g_debug ("%s", error->message);
      done = TRUE;
    }
  quick = show_reindex (self);
  if (quick != self->tidy_quick)
    {
      /* The rebuild finished (or began, in another process): the pace changes. */
      self->tidy_quick = quick;
      self->tidy_timer = 0;
      if (!done)
        schedule (self);
      return G_SOURCE_REMOVE;
    }
  if (!done)
    return G_SOURCE_CONTINUE;
  self->tidy_timer = 0;
  return G_SOURCE_REMOVE;
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
  if (self->tidy_timer == 0)
    schedule (self);
}

void
lede_window_dispose_tidy (LedeWindow *self)
{
  g_clear_handle_id (&self->tidy_timer, g_source_remove);
}

void
lede_window_class_add_tidy (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, reindex_bar);
}
