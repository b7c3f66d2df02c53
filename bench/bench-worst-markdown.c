/* bench-worst-markdown.c: cmark-gfm's known slow inputs (Debian's
 * 0.29.0.gfm.6 carries the 2023 quadratic-time bugs) at 100 KB, 1 MB and
 * 16 MB, rendered as HTML and counted as words, as the preview, the exports
 * and the panel do. A case that passes BUDGET_MS at one size is not tried
 * at the next (and says so), so the benchmark always ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-markdown.h"
#include "lede-bench-stats.h"

#define BUDGET_MS 30000.0

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
        g_autofree char *row = g_strdup_printf ("%s, %s", cases[c], sizes[s].name);
        g_autoptr (GArray) html_ms = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GArray) words_ms = g_array_new (FALSE, FALSE, sizeof (double));
        double start, elapsed;

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

        if (g_array_index (html_ms, double, 0) > BUDGET_MS || g_array_index (words_ms, double, 0) > BUDGET_MS)
          {
            g_printerr ("%s: over %.0f s at %s; larger sizes skipped\n", cases[c], BUDGET_MS / 1000, sizes[s].name);
            break;
          }
      }
  return 0;
}
