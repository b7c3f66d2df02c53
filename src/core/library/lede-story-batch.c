/* lede-story-batch.c: one change to many stories (to the trash, back from
 * it) a step at a time, each step one transaction of as many stories as
 * its time budget allows: a story takes 0.5 ms with the library in the
 * page cache and 5 to 100 ms from disk at a million (its words leave or
 * rejoin the search index), so ten thousand in one transaction held the
 * window for 5 to 100 s. The clock is read after each story, not guessed
 * from the last step: the page cache comes and goes. A story that fails
 * changes nothing and stops the batch; those before it stay done. The
 * library's articles-changed is held until the batch ends, so the lists
 * are read once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include "lede-story-batch.h"

struct _LedeStoryBatch
{
  LedeLibrary        *library;
  GArray             *ids;
  LedeStoryBatchFunc  func;
  guint               done;
  guint               most_a_step;
  gboolean            failed;
  gboolean            holding;
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
  self->func = func;
  self->most_a_step = G_MAXUINT;
  self->holding = TRUE;
  lede_library_hold_changes (library);
  return self;
}

static void
let_go (LedeStoryBatch *self)
{
  if (!self->holding)
    return;
  self->holding = FALSE;
  lede_library_release_changes (self->library);
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
  guint done;

  g_return_val_if_fail (self != NULL, FALSE);

  if (lede_story_batch_is_done (self))
    return TRUE;
  if (!lede_library_begin_batch (self->library, &failure))
    goto failed;
  for (done = self->done; done < self->ids->len; done++)
    {
      g_array_set_size (one, 0);
      g_array_append_val (one, g_array_index (self->ids, gint64, done));
      if ((done > self->done && (g_get_monotonic_time () - start >= budget_us || done - self->done >= self->most_a_step)) ||
          !self->func (self->library, one, &failure))
        break;
    }
  /* What the step did before a failure is kept; a commit that fails keeps
   * none of it. */
  if (!lede_library_end_batch (self->library, failure == NULL ? &failure : NULL))
    goto failed;
  self->done = done;
  if (failure != NULL)
    goto failed;
  if (lede_story_batch_is_done (self))
    let_go (self);
  return TRUE;

failed:
  self->failed = TRUE;
  let_go (self);
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

/* How many stories are changed (those before the one that failed, if one did). */
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
 * lede_story_batch_get_ids:
 *
 * Returns: (transfer none) (element-type gint64): every story of the batch
 */
GArray *
lede_story_batch_get_ids (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ids;
}

/* A batch let go before its end leaves its later stories as they were. */
void
lede_story_batch_free (LedeStoryBatch *self)
{
  if (self == NULL)
    return;
  let_go (self);
  g_array_unref (self->ids);
  g_object_unref (self->library);
  g_free (self);
}
