/* bench-render.c: Markdown rendering, Lede beside the cmark-gfm command line.
 *
 * Both render the same files with the same extensions and options. The
 * command line's time includes starting a process, so its time on an empty
 * file is reported too, as a row of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-markdown.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static LedeBenchStats
time_cli (const char *path,
          guint       runs)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  /* Debian's cmark-gfm command has no --footnotes; the stories have none. */
  const char *argv[] = { "cmark-gfm", "--sourcepos", "--validate-utf8",
                         "-e", "table", "-e", "strikethrough", "-e", "autolink",
                         "-e", "tagfilter", "-e", "tasklist", path, NULL };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();
      int status;

      if (!g_spawn_sync (NULL, (char **)argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("cmark-gfm: %s (install the cmark-gfm package)", error->message);
      double elapsed = now_ms () - start;
      g_array_append_val (samples, elapsed);
    }
  return lede_bench_stats (samples);
}

/* Both sides must do the same work: the same HTML from the same file. */
static void
check_same_output (const char *path,
                   const char *story)
{
  const char *argv[] = { "cmark-gfm", "--sourcepos", "--validate-utf8",
                         "-e", "table", "-e", "strikethrough", "-e", "autolink",
                         "-e", "tagfilter", "-e", "tasklist", path, NULL };
  g_autofree char *cli = NULL;
  g_autofree char *ours = lede_markdown_to_html (story, -1);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &cli, NULL, NULL, NULL);
  if (g_strcmp0 (cli, ours) != 0)
    g_error ("Lede and cmark-gfm rendered %s differently", path);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  const char *dir = argc > 1 ? argv[1] : ".";
  g_autofree char *empty = g_build_filename (dir, "story-empty.md", NULL);

  g_file_set_contents (empty, "", 0, NULL);
  lede_bench_report ("render", "empty file (process start)", "cmark-gfm CLI", "ms", time_cli (empty, 15));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *story = lede_bench_story (sizes[s], 1);
      g_autofree char *name = g_strdup_printf ("story-%uk.md", sizes[s] / 1000);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *row = g_strdup_printf ("%uk words", sizes[s] / 1000);
      g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      guint runs = sizes[s] >= 100000 ? 9 : 21;

      g_file_set_contents (path, story, -1, NULL);
      check_same_output (path, story);

      for (guint i = 0; i < runs; i++)
        {
          double start = now_ms ();
          g_autofree char *html = lede_markdown_to_html (story, -1);
          double elapsed = now_ms () - start;
          g_assert (html != NULL);
          g_array_append_val (samples, elapsed);
        }
      lede_bench_report ("render", row, "Lede (in process)", "ms", lede_bench_stats (samples));
      lede_bench_report ("render", row, "cmark-gfm CLI", "ms", time_cli (path, runs));
    }

  return 0;
}
