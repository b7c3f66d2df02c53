/* lede-story-batch.h: one change to many stories, a step at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"

G_BEGIN_DECLS

/* Changes every story in @ids, or none (one transaction), like
 * lede_library_trash_stories(). */
typedef gboolean (*LedeStoryBatchFunc) (LedeLibrary  *library,
                                        GArray       *ids,
                                        GError      **error);

typedef struct _LedeStoryBatch LedeStoryBatch;

LedeStoryBatch *lede_story_batch_new       (LedeLibrary        *library,
                                            GArray             *ids,
                                            LedeStoryBatchFunc  func);
void            lede_story_batch_set_most_a_step (LedeStoryBatch *self,
                                                  guint           most);
gboolean        lede_story_batch_step      (LedeStoryBatch     *self,
                                            gint64              budget_us,
                                            GError            **error);
gboolean        lede_story_batch_is_done   (LedeStoryBatch     *self);
guint           lede_story_batch_get_done  (LedeStoryBatch     *self);
guint           lede_story_batch_get_total (LedeStoryBatch     *self);
GArray         *lede_story_batch_get_changed (LedeStoryBatch   *self);
void            lede_story_batch_free      (LedeStoryBatch     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStoryBatch, lede_story_batch_free)

G_END_DECLS
