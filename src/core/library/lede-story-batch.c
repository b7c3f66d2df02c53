/* lede-story-batch.c: one change to many stories (to the trash, back from
 * it), a chunk at a time, each chunk its own transaction, sized to fit a
 * time budget: a story takes 0.5 ms with the library in the page cache
 * and 5 ms from disk at a million (its words leave or rejoin the search
 * index), so ten thousand in one transaction held the window for 5 to
 * 100 s. A chunk that fails changes nothing and stops the batch; the
 * chunks before it stay done. The library's articles-changed is held
 * until the batch ends, so the lists are read once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include "lede-story-batch.h"

/* The first chunk, before any story has been timed; and the most in one. */
#define FIRST_CHUNK 8
#define MOST_CHUNK  2000

struct _LedeStoryBatch
{
  LedeLibrary        *library;
  GArray             *ids;
  LedeStoryBatchFunc  func;
  guint               done;
  guint               chunk;
  gboolean            failed;
  gboolean            holding;
};

/**
 * lede_story_batch_new:
 * @ids: (element-type gint64): the stories, copied
 * @func: the change, made to a chunk of @ids at a time
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
  self->chunk = FIRST_CHUNK;
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

/**
 * lede_story_batch_step:
 * @budget_us: about how long the step may take
 *
 * Changes the next chunk of stories, as many as the stories timed so far
 * say fit @budget_us (at least one). On failure, that chunk is left as it
 * was and the batch is over (lede_story_batch_is_done()).
 *
 * Returns: %FALSE, with @error set, when the chunk failed
 */
gboolean
lede_story_batch_step (LedeStoryBatch  *self,
                       gint64           budget_us,
                       GError         **error)
{
  g_autoptr (GArray) chunk = NULL;
  guint n;
  gint64 start, took;

  g_return_val_if_fail (self != NULL, FALSE);

  if (lede_story_batch_is_done (self))
    return TRUE;
  n = MIN (self->chunk, self->ids->len - self->done);
  chunk = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (chunk, &g_array_index (self->ids, gint64, self->done), n);
  start = g_get_monotonic_time ();
  if (!self->func (self->library, chunk, error))
    {
      self->failed = TRUE;
      let_go (self);
      return FALSE;
    }
  took = MAX (g_get_monotonic_time () - start, 1);
  self->done += n;
  /* The next chunk fits the budget at this chunk's pace; it at most doubles,
   * as a few stories read from the page cache say little of the rest. */
  self->chunk = CLAMP ((guint) MIN ((gint64) n * budget_us / took, (gint64) n * 2), 1, MOST_CHUNK);
  if (lede_story_batch_is_done (self))
    let_go (self);
  return TRUE;
}

/* Whether every story was changed, or a chunk failed. */
gboolean
lede_story_batch_is_done (LedeStoryBatch *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->done >= self->ids->len || self->failed;
}

/* How many stories are changed (before a failed chunk, when one failed). */
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
