/* lede-bench-stats.h: medians with min and max, and the JSON rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

typedef struct {
  double median, p95, min, max;
  guint  runs;
} LedeBenchStats;

static inline int
lede_bench_compare (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static inline LedeBenchStats
lede_bench_stats (GArray *samples)
{
  LedeBenchStats stats = { 0 };

  g_array_sort (samples, lede_bench_compare);
  stats.runs = samples->len;
  if (samples->len == 0)
    return stats;
  stats.min = g_array_index (samples, double, 0);
  stats.max = g_array_index (samples, double, samples->len - 1);
  stats.p95 = g_array_index (samples, double, MIN (samples->len - 1, (guint)(samples->len * 0.95)));
  stats.median = samples->len % 2
    ? g_array_index (samples, double, samples->len / 2)
    : (g_array_index (samples, double, samples->len / 2 - 1) + g_array_index (samples, double, samples->len / 2)) / 2;
  return stats;
}

/* A figure measured once (a whole run, a size). */
static inline LedeBenchStats
lede_bench_once (double value)
{
  LedeBenchStats stats = { value, value, value, value, 1 };

  return stats;
}

/* One JSON object a line: the runner merges them into bench.json and the table. */
static inline void
lede_bench_report (const char     *group,
                   const char     *row,
                   const char     *who,
                   const char     *unit,
                   LedeBenchStats  stats)
{
  printf ("{\"group\": \"%s\", \"row\": \"%s\", \"who\": \"%s\", \"unit\": \"%s\", "
          "\"median\": %.3f, \"p95\": %.3f, \"min\": %.3f, \"max\": %.3f, \"runs\": %u}\n",
          group, row, who, unit, stats.median, stats.p95, stats.min, stats.max, stats.runs);
  fflush (stdout);
}
