/* lede-batch-runner.h: a LedeStoryBatch run from the main loop beside a
 * window's drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-story-batch.h"

G_BEGIN_DECLS

/* A step's time budget: the window draws between steps. */
#define LEDE_BATCH_STEP_US 12000

typedef struct _LedeBatchRunner LedeBatchRunner;

/* After each step. With @ended (every story done, or @error), the runner
 * frees itself once this returns: forget it. */
typedef void (*LedeBatchStepped) (gpointer        owner,
                                  LedeStoryBatch *batch,
                                  gboolean        ended,
                                  const GError   *error);

LedeBatchRunner *lede_batch_runner_start (GtkWidget        *widget,
                                          LedeStoryBatch   *batch,
                                          gint64            step_us,
                                          LedeBatchStepped  stepped,
                                          gpointer          owner);
void             lede_batch_runner_free  (LedeBatchRunner  *self);

G_END_DECLS
