/* lede-library-tidier.c: the window's tidy steps (lede-library-tidy.c)
 * on a thread. A step can take 30 ms where FTS5 finishes a merge (it
 * deletes the merged segments in one statement no step can split); there
 * the window's main loop never waits for it. Through a connection of its
 * own, opened at the first step: the window's searches read meanwhile (in
 * WAL, a reader never waits for a writer), and a save waits only for the
 * step under way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lede-library-private.h"

/* Nice 10: a tenth of the window's share of a core it wants too. */
#define TIDY_NICE 10

struct _LedeTidier
{
  GMutex       lock;       /* held for a step, and to close */
  LedeLibrary *companion;  /* NULL once the library has closed */
};

static LedeTidier *
tidier_ref (LedeTidier *tidier)
{
  return g_atomic_rc_box_acquire (tidier);
}

static void
tidier_clear (gpointer data)
{
  LedeTidier *tidier = data;

  g_clear_object (&tidier->companion);
  g_mutex_clear (&tidier->lock);
}

static void
tidier_unref (gpointer tidier)
{
  g_atomic_rc_box_release_full (tidier, tidier_clear);
}

/* The library closes: a step under way ends first, then its connection,
 * before the writer's (which checkpoints last). A task not yet begun then
 * finds nothing to do. */
static void
close_tidier (LedeTidier *tidier)
{
  g_mutex_lock (&tidier->lock);
  g_clear_object (&tidier->companion);
  g_mutex_unlock (&tidier->lock);
  tidier_unref (tidier);
}

/* A thread of its own for each step, a little below the window's
 * priority: on two cores the window's main loop waited up to 27 ms for a
 * core while steps ran at its own. Not in GTask's pool: a pool thread
 * would keep the priority for what it runs next, and only root may raise
 * it again. */
static gpointer
tidy_thread (gpointer data)
{
  g_autoptr (GTask) task = data;
  LedeTidier *tidier = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean done = TRUE, ok = TRUE;

  if (setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), TIDY_NICE) != 0)
    g_debug ("Could not lower the tidy step's priority: %s", g_strerror (errno));
  g_mutex_lock (&tidier->lock);
  if (tidier->companion != NULL && !g_cancellable_is_cancelled (g_task_get_cancellable (task)) &&
      !_lede_library_tidy_index (tidier->companion, &done, &error))
    {
      /* The writer in a long transaction of its own (an import): not
       * done, the next step tries again. */
      ok = g_error_matches (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_BUSY);
      if (ok)
        {
          g_debug ("%s", error->message);
          g_clear_error (&error);
          done = FALSE;
        }
    }
  g_mutex_unlock (&tidier->lock);
  if (ok)
    g_task_return_int (task, done);
  else
    g_task_return_error (task, error);
  return NULL;
}

/**
 * lede_library_tidy_step_async:
 *
 * Runs a step of lede_library_tidy_step() on a thread, through a
 * connection of its own. Steps run one at a time. The task holds no
 * reference to @self: closing the library waits for a step under way, and
 * the steps asked after it do nothing.
 */
void
lede_library_tidy_step_async (LedeLibrary         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  GThread *thread;

  g_return_if_fail (LEDE_IS_LIBRARY (self));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_library_tidy_step_async);
  if (!_lede_library_may_tidy (self))
    {
      g_task_return_int (task, TRUE);
      return;
    }
  if (self->tidier == NULL)
    {
      LedeLibrary *companion = _lede_library_open_companion (self, &error);

      if (companion == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      self->tidier = g_atomic_rc_box_new0 (LedeTidier);
      g_mutex_init (&self->tidier->lock);
      self->tidier->companion = companion;
      self->close_tidier = close_tidier;
    }
  g_task_set_task_data (task, tidier_ref (self->tidier), tidier_unref);
  /* The task holds no library: the thread may drop it last. */
  thread = g_thread_try_new ("lede-tidy", tidy_thread, g_object_ref (task), &error);
  if (thread == NULL)
    {
      g_object_unref (task);
      g_task_return_error (task, error);
      return;
    }
  g_thread_unref (thread);
}

/**
 * lede_library_tidy_step_finish:
 * @self: the library the step was asked of
 * @done: (out): as for lede_library_tidy_step()
 *
 * Once nothing is left to merge, lets SQLite refresh what its planner
 * knows, here, on the caller's thread and connection.
 */
gboolean
lede_library_tidy_step_finish (LedeLibrary   *self,
                               GAsyncResult  *result,
                               gboolean      *done,
                               GError       **error)
{
  gssize left;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  left = g_task_propagate_int (G_TASK (result), error);
  if (left < 0)
    return FALSE;
  *done = left != 0;
  return !*done || !_lede_library_may_tidy (self) || _lede_library_tidy_optimize (self, error);
}
