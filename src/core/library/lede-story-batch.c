/* lede-story-batch.c: one change to many stories (to the trash, back from
 * it) a step at a time, each step one transaction of as many stories as
 * its time budget allows: a story takes 0.5 ms with the library in the
 * page cache and 5 to 100 ms from disk at a million (its words leave or
 * rejoin the search index), so ten thousand in one transaction held the
 * window for 5 to 100 s. The clock is read after each story, not guessed
 * from the last step: the page cache comes and goes. A story no longer
 * where it was (trashed or restored alone since) is passed over; one that
 * fails otherwise changes nothing and stops the batch, and those before it
 * stay done. What the steps change is told (articles-changed) once, when
 * the batch ends or stops; a change made between steps is told at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-story-batch.h"

struct _LedeStoryBatch
{
  LedeLibrary        *library;
  GArray             *ids;
  GArray             *changed_ids;  /* those it changed: not those passed over */
  LedeStoryBatchFunc  func;
  guint               done;
  guint               most_a_step;
  gboolean            failed;
  gboolean            untold;    /* articles-changed, still to be told */
};

/**
 * lede_story_batch_new:
 * @ids: (element-type gint64): the stories, copied
 * @func: the change, made to one story of @ids at a time
 *
 * Returns: (transfer full): a batch that changes nothing until
 *   lede_story_batch_step()
 */
LedeStoryBatch *
lede_story_batch_new (LedeLibrary        *library,
                      GArray             *ids,
                      LedeStoryBatchFunc  func)
{
  LedeStoryBatch *self;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (LedeStoryBatch, 1);
  self->library = g_object_ref (library);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (self->ids, ids->data, ids->len);
  self->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->func = func;
  self->most_a_step = G_MAXUINT;
  return self;
}

static void
tell (LedeStoryBatch *self)
{
  if (!self->untold)
    return;
  self->untold = FALSE;
  lede_library_tell_changes (self->library);
}

/* At most @most stories a step, however quick they are: a trash emptied
 * shows its progress bar moving. */
void
lede_story_batch_set_most_a_step (LedeStoryBatch *self,
                                  guint           most)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (most > 0);
  self->most_a_step = most;
}

/**
 * lede_story_batch_step:
 * @budget_us: about how long the step may take
 *
 * Changes the next stories, one after another in one transaction, until
 * @budget_us has passed (at least one story). On failure, the story that
 * failed is left as it was, those before it in the step are kept, and the
 * batch is over (lede_story_batch_is_done()).
 *
 * Returns: %FALSE, with @error set, when a story failed
 */
gboolean
lede_story_batch_step (LedeStoryBatch  *self,
                       gint64           budget_us,
                       GError         **error)
{
  g_autoptr (GArray) one = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1);
  g_autoptr (GError) failure = NULL;
  gint64 start = g_get_monotonic_time ();
  guint done, changed_before;
  gboolean committed;

  g_return_val_if_fail (self != NULL, FALSE);

  if (lede_story_batch_is_done (self))
    return TRUE;
  lede_library_hold_changes (self->library);
  if (!lede_library_begin_batch (self->library, &failure))
    {
      self->untold |= lede_library_release_changes_quietly (self->library);
      goto failed;
    }
  changed_before = self->changed_ids->len;
  for (done = self->done; done < self->ids->len; done++)
    {
      if (done > self->done && (g_get_monotonic_time () - start >= budget_us || done - self->done >= self->most_a_step))
        break;
      g_array_set_size (one, 0);
      g_array_append_val (one, g_array_index (self->ids, gint64, done));
      if (self->func (self->library, one, &failure))
        {
          g_array_append_vals (self->changed_ids, one->data, 1);
          continue;
        }
      /* Moved alone since the batch began: nothing to do for it. */
      if (!g_error_matches (failure, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND))
        break;
      g_clear_error (&failure);
    }
  /* What the step did before a failure is kept; a commit that fails keeps
   * none of it. */
  committed = lede_library_end_batch (self->library, failure == NULL ? &failure : NULL);
  self->untold |= lede_library_release_changes_quietly (self->library);
  if (!committed)
    {
      g_array_set_size (self->changed_ids, changed_before);
      goto failed;
    }
  self->done = done;
  if (failure != NULL)
    goto failed;
  if (lede_story_batch_is_done (self))
    tell (self);
  return TRUE;

failed:
  /* An error not said (a batch refused inside another) is still one. */
  if (failure == NULL)
    g_set_error (&failure, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, "%s", _("Could not start writing to the library"));
  self->failed = TRUE;
  tell (self);
  g_propagate_error (error, g_steal_pointer (&failure));
  return FALSE;
}

/* Whether every story was changed, or one failed. */
gboolean
lede_story_batch_is_done (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->done >= self->ids->len || self->failed;
}

/* How many stories are behind it (changed or passed over; those before the
 * one that failed, if one did). */
guint
lede_story_batch_get_done (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->done;
}

guint
lede_story_batch_get_total (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ids->len;
}

/**
 * lede_story_batch_get_changed:
 *
 * Returns: (transfer none) (element-type gint64): the stories the batch
 *   has changed so far (an Undo's), not those it passed over
 */
GArray *
lede_story_batch_get_changed (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->changed_ids;
}

/* A batch let go before its end leaves its later stories as they were. */
void
lede_story_batch_free (LedeStoryBatch *self)
{
  if (self == NULL)
    return;
  tell (self);
  g_array_unref (self->changed_ids);
  g_array_unref (self->ids);
  g_object_unref (self->library);
  g_free (self);
}
