/* lede-window-tidy.c: the search index kept tidy while the writer rests.
 *
 * A step (lede_library_tidy_step(): a few milliseconds, one transaction)
 * runs only when nothing was typed for a while and everything is saved,
 * one step a tick until the index has nothing left to merge; then the
 * window looks again only after the library changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include "lede-window-private.h"

/* Quiet this long before a step; a step every tick while there is work. */
#define IDLE_US      (30 * G_USEC_PER_SEC)
#define TICK_SECONDS 2

/* Tests wait less than a person's half minute. */
static gint64
idle_us (void)
{
  const char *seconds = g_getenv ("LEDE_TIDY_IDLE_SECONDS");

  return seconds ? (gint64)g_ascii_strtoull (seconds, NULL, 10) * G_USEC_PER_SEC : IDLE_US;
}

static gboolean
tidy_tick (gpointer data)
{
  LedeWindow *self = data;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  if (self->library == NULL)
    return G_SOURCE_CONTINUE;
  if (g_get_monotonic_time () - self->last_edit_us < idle_us () ||
      lede_autosave_get_state (self->autosave) != LEDE_SAVE_STATE_SAVED)
    return G_SOURCE_CONTINUE;
  if (!lede_library_tidy_step (self->library, &done, &error))
    {
      /* Not worth a word to the writer: the next change tries again. */
      g_debug ("%s", error->message);
      done = TRUE;
    }
  if (!done)
    return G_SOURCE_CONTINUE;
  self->tidy_timer = 0;
  return G_SOURCE_REMOVE;
}

/* The library changed (or another was opened): there may be work again. */
void
lede_window_tidy_later (LedeWindow *self)
{
  if (self->tidy_timer == 0)
    self->tidy_timer = g_timeout_add_seconds (TICK_SECONDS, tidy_tick, self);
}

void
lede_window_dispose_tidy (LedeWindow *self)
{
  g_clear_handle_id (&self->tidy_timer, g_source_remove);
}
