/* bench-worst-markdown.c: cmark-gfm's known slow inputs (Debian's
 * 0.29.0.gfm.6 carries the 2023 quadratic-time bugs) at 100 KB, 1 MB and
 * 16 MB, rendered as HTML and counted as words, as the preview, the exports
 * and the panel do. A case that could pass BUDGET_MS at the next size, were
 * it quadratic, is not tried there (and says so), so the benchmark ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lede-markdown.h"
#include "lede-bench-stats.h"

#define BUDGET_MS 30000.0

static double previous;  /* the slowest time at the last size of this case */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static char *
repeat (const char *unit,
        gsize       size)
{
  GString *out = g_string_sized_new (size + 16);

  while (out->len + strlen (unit) <= size)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* open × n, middle, close × n */
static char *
nest (const char *open,
      const char *middle,
      const char *close,
      gsize       size)
{
  gsize n = (size - strlen (middle)) / (strlen (open) + strlen (close));
  GString *out = g_string_sized_new (size + 16);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, open);
  g_string_append (out, middle);
  for (gsize i = 0; i < n; i++)
    g_string_append (out, close);
  return g_string_free (out, FALSE);
}

static char *
wide_table (gsize size)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 1000; i++)
    g_string_append (out, "|a");
  g_string_append (out, "|\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append (out, "|-");
  g_string_append (out, "|\n");
  while (out->len + 2 <= size)
    g_string_append (out, "x\n");
  return g_string_free (out, FALSE);
}

static char *
make_case (const char *name,
           gsize       size)
{
  if (g_str_equal (name, "nested images"))
    return nest ("![", "a", "](b)", size);
  if (g_str_equal (name, "nested links"))
    return nest ("[", "a", "](b)", size);
  if (g_str_equal (name, "open brackets"))
    return repeat ("[", size);
  if (g_str_equal (name, "emphasis"))
    return repeat ("*a **", size);
  if (g_str_equal (name, "nested quotes"))
    return repeat ("> ", size);
  if (g_str_equal (name, "autolink at"))
    return repeat ("a@", size);
  return wide_table (size);
}

int
main (int   argc,
      char *argv[])
{
  static const char *cases[] = {
    "nested images", "nested links", "open brackets", "emphasis", "nested quotes", "autolink at",
    "table of 1,000 columns",
  };
  static const struct { gsize bytes; const char *name; } sizes[] = {
    { 100 * 1024, "100 KB" }, { 1024 * 1024, "1 MB" }, { 16 * 1024 * 1024, "16 MB" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *text = make_case (cases[c], sizes[s].bytes);

        if (s == 0)
          previous = 0;
        g_autofree char *row = g_strdup_printf ("%s, %s", cases[c], sizes[s].name);
        g_autoptr (GArray) html_ms = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GArray) words_ms = g_array_new (FALSE, FALSE, sizeof (double));
        double start, elapsed, slowest;

        start = now_ms ();
        g_free (lede_markdown_to_html (text, -1));
        elapsed = now_ms () - start;
        g_array_append_val (html_ms, elapsed);
        lede_bench_report ("worst markdown", row, "Lede: HTML", "ms", lede_bench_stats (html_ms));

        start = now_ms ();
        (void)lede_markdown_count_words (text);
        elapsed = now_ms () - start;
        g_array_append_val (words_ms, elapsed);
        lede_bench_report ("worst markdown", row, "Lede: word count", "ms", lede_bench_stats (words_ms));

        /* The growth from the last size to this one says how long the next
         * would take (assumed quadratic after the first). */
        slowest = MAX (g_array_index (html_ms, double, 0), g_array_index (words_ms, double, 0));
        if (s + 1 < G_N_ELEMENTS (sizes))
          {
            double ratio = (double)sizes[s + 1].bytes / sizes[s].bytes;
            double power = s == 0 || previous <= 0
              ? 2.0 : CLAMP (log (slowest / previous) / log ((double)sizes[s].bytes / sizes[s - 1].bytes), 1.0, 3.0);
            double projected = slowest * pow (ratio, power);

            if (projected > BUDGET_MS)
              {
                g_printerr ("%s: %.0f ms at %s, so about %.0f s at %s: skipped\n", cases[c], slowest,
                            sizes[s].name, projected / 1000, sizes[s + 1].name);
                break;
              }
          }
        previous = slowest;
      }
  return 0;
}
