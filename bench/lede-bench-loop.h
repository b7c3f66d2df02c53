/* lede-bench-loop.h: running the main loop for a while, for the window
 * benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline gboolean
lede_bench_wake (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window do whatever it has to for @ms. */
static inline void
lede_bench_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, lede_bench_wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
