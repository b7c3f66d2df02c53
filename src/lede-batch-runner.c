/* lede-batch-runner.c: a LedeStoryBatch (trash, restore, emptying the
 * trash) run a step at a time from the main loop: the first step at once
 * (a few stories are done with it), the rest when the loop is idle, and
 * after each frame while frames come back to back (an animation, or GL on
 * a CPU: an idle alone waited seconds for its turn).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include "lede-batch-runner.h"
#include "lede-frame-clock.h"
#include "lede-memory.h"

struct _LedeBatchRunner
{
  LedeStoryBatch   *batch;
  gint64            step_us;
  LedeBatchStepped  stepped;
  gpointer          owner;
  guint             idle_id;
  GdkFrameClock    *clock;
  gulong            paint_handler;
  gboolean          stepping;    /* freed meanwhile: freed once the step is over */
  gboolean          freed;
};

static void
drop_sources (LedeBatchRunner *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  lede_frame_clock_let_go (&self->clock, &self->paint_handler);
}

static void
free_now (LedeBatchRunner *self)
{
  drop_sources (self);
  lede_story_batch_free (self->batch);
  g_free (self);
}

/* One step; FALSE once the batch has ended, or the runner was freed in it
 * (by a handler of what the step's end told), and the runner is gone. */
static gboolean
step (LedeBatchRunner *self)
{
  g_autoptr (GError) error = NULL;
  gboolean stepped, ended;

  self->stepping = TRUE;
  stepped = lede_story_batch_step (self->batch, self->step_us, &error);
  ended = lede_story_batch_is_done (self->batch);
  if (ended)
    drop_sources (self);
  if (!self->freed)
    self->stepped (self->owner, self->batch, ended, stepped ? NULL : error);
  self->stepping = FALSE;
  if (ended || self->freed)
    {
      free_now (self);
      /* A batch of imports or exports read and wrote thousands of stories. */
      lede_memory_give_back_when_idle ();
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_when_idle (gpointer data)
{
  LedeBatchRunner *self = data;

  /* Ended, its source was removed already. */
  return step (self) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
step_after_frame (GdkFrameClock   *clock,
                  LedeBatchRunner *self)
{
  step (self);
}

/**
 * lede_batch_runner_start:
 * @widget: whose frames the steps follow
 * @batch: (transfer full): the batch
 * @step_us: each step's time budget
 * @stepped: told after each step, the first before this returns
 *
 * Returns: (nullable): the runner, or %NULL when the first step ended the
 *   batch
 */
LedeBatchRunner *
lede_batch_runner_start (GtkWidget        *widget,
                         LedeStoryBatch   *batch,
                         gint64            step_us,
                         LedeBatchStepped  stepped,
                         gpointer          owner)
{
  LedeBatchRunner *self = g_new0 (LedeBatchRunner, 1);

  self->batch = batch;
  self->step_us = step_us;
  self->stepped = stepped;
  self->owner = owner;
  if (!step (self))
    return NULL;
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step_when_idle, self, NULL);
  if ((self->clock = gtk_widget_get_frame_clock (widget)) != NULL)
    {
      g_object_ref (self->clock);
      self->paint_handler = g_signal_connect (self->clock, "after-paint", G_CALLBACK (step_after_frame), self);
    }
  return self;
}

/* Stops the batch where it is: the stories done stay done. */
void
lede_batch_runner_free (LedeBatchRunner *self)
{
  if (self == NULL)
    return;
  drop_sources (self);
  if (self->stepping)
    self->freed = TRUE;
  else
    free_now (self);
}
