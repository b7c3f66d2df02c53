/* bench-search.c: search as you type in the window's sidebar, on the
 * library of 100,000 stories: from a keystroke's query reaching the search
 * (GtkSearchEntry's own pause taken out, as it is a setting) to the end of
 * the first frame painted with the new rows. Then Escape, back to the
 * whole list (timed to its first rows painted; the rest, read on a worker
 * for a long list, is waited for). Run under Xvfb by bench/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lede-article-list.h"
#include "lede-library.h"
#include "lede-window.h"
#include "lede-bench-loop.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

typedef struct {
  gint64   started;    /* µs when the query reached the search; 0 idle */
  gboolean changed;    /* the rows changed since */
  double   elapsed;    /* ms, once painted */
} Probe;

static void
on_search_changed (GtkSearchEntry *entry,
                   Probe          *probe)
{
  /* An emptied entry is timed from before it was emptied (see main). */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    return;
  probe->started = g_get_monotonic_time ();
  if (g_getenv ("LEDE_BENCH_DEBUG"))
    g_printerr ("search-changed: %s\n", gtk_editable_get_text (GTK_EDITABLE (entry)));
  probe->changed = FALSE;
  probe->elapsed = -1;
}

static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Probe      *probe)
{
  if (g_getenv ("LEDE_BENCH_DEBUG"))
    g_printerr ("rows changed %u -%u +%u after %.1f ms\n", position, removed, added,
                probe->started ? (g_get_monotonic_time () - probe->started) / 1000.0 : -1.0);
  if (probe->started != 0)
    probe->changed = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->started == 0 || !probe->changed)
    return;
  probe->elapsed = (g_get_monotonic_time () - probe->started) / 1000.0;
  probe->started = 0;
}

static void
on_frame_painted (GdkFrameClock *clock,
                  gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for the next frame painted. */
static void
wait_frame (LedeWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_painted), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Waits for the frame that shows the new rows; FALSE when the rows did
 * not change (the same results) within two seconds. */
static gboolean
wait_painted (Probe *probe)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, lede_bench_wake, &timed_out);

  while (probe->elapsed < 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return probe->elapsed >= 0;
}

int
main (int   argc,
      char *argv[])
{
  /* Typed a letter at a time, as a reporter looks for a story: common
   * words, a word of the made-up vocabulary (its prefixes are shared by
   * thousands of words) and a rare one. */
  char vocabulary[32];
  const char * const queries[] = { "harbour council", "flood inquiry", lede_bench_word (500, vocabulary),
                                   "quillwort", NULL };
  g_autoptr (GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) clearing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) scrolling = g_array_new (FALSE, FALSE, sizeof (double));
  Probe probe = { 0, FALSE, -1 };
  guint unchanged = 0;
  LedeWindow *window;
  GtkSearchEntry *entry;
  GtkListView *list;
  GListModel *rows;
  LedeArticleList *articles;
  guint most_rows = 0, total;

  gtk_init ();
  adw_init ();
  if (argc != 2)
    g_error ("usage: lede-bench-search LIBRARY");

  window = lede_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  if (!lede_window_open_library (window, argv[1]))
    g_error ("could not open %s", argv[1]);
  lede_bench_settle (2000);

  entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "search_entry"));
  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "story_list"));
  rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  articles = LEDE_ARTICLE_LIST (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (rows)));
  while (lede_article_list_is_loading (articles))
    g_main_context_iteration (NULL, TRUE);
  total = g_list_model_get_n_items (rows);

  /* A scroll to the end of the whole list and back to the top, as End and
   * Home in the list do: timed to the frame that shows the last rows. */
  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      probe.started = 0;
      gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", total - 1);
      wait_frame (window);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (scrolling, elapsed);
      gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 0);
      wait_frame (window);
      lede_bench_settle (200);
    }
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &probe);
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_changed), &probe);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint), &probe);

  for (const char * const *query = queries; *query; query++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      for (gsize len = 1; len <= strlen (*query); len++)
        {
          int end = (int)len - 1;

          probe.elapsed = -1;
          /* One character typed at the end (set_text would empty the
           * entry first, and an empty entry is searched at once). */
          gtk_editable_insert_text (GTK_EDITABLE (entry), *query + len - 1, 1, &end);
          if ((*query)[len - 1] == ' ')
            continue;
          if (wait_painted (&probe))
            g_array_append_val (typing, probe.elapsed);
          else
            unchanged++;
          if (g_getenv ("LEDE_BENCH_DEBUG"))
            g_printerr ("%-24s %8.1f ms, %u rows\n", gtk_editable_get_text (GTK_EDITABLE (entry)), probe.elapsed,
                        g_list_model_get_n_items (rows));
          probe.started = 0;
          /* A quick typist's next key, not the next iteration: the rest
           * of the hits is read meanwhile, as it would be. */
          lede_bench_settle (150);
          most_rows = MAX (most_rows, g_list_model_get_n_items (rows));
        }
      /* Escape: the whole list again, the open story selected. */
      /* Timed from here: the window hears the emptied entry first. */
      probe.elapsed = -1;
      probe.changed = FALSE;
      probe.started = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      if (wait_painted (&probe))
        g_array_append_val (clearing, probe.elapsed);
      probe.started = 0;
      /* A long list's first page comes first; the rest on the worker. */
      while (lede_article_list_is_loading (articles))
        g_main_context_iteration (NULL, TRUE);
      g_assert (g_list_model_get_n_items (rows) == total);
      lede_bench_settle (300);
    }

  if (typing->len == 0)
    g_error ("no search reached the sidebar: the benchmark would measure nothing");
  {
    g_autofree char *size = total >= 1000000 ? g_strdup_printf ("%uM", total / 1000000)
                                             : g_strdup_printf ("%uk", total / 1000);
    g_autofree char *typed = g_strdup_printf ("keystroke to new rows painted (%s stories)", size);
    g_autofree char *cleared = g_strdup_printf ("clear the search: the list's first rows painted (%s stories)", size);

    lede_bench_report ("sidebar search", typed, "Lede (search-changed pause out)", "ms", lede_bench_stats (typing));
    lede_bench_report ("sidebar search", cleared, "Lede", "ms", lede_bench_stats (clearing));
    {
      g_autofree char *scrolled = g_strdup_printf ("scroll to the end of the list, last rows painted (%s stories)", size);

      lede_bench_report ("sidebar search", scrolled, "Lede", "ms", lede_bench_stats (scrolling));
    }
  }
  if (unchanged > 0)
    g_printerr ("%u keystrokes left the rows as they were (not timed)\n", unchanged);
  {
    LedeBenchStats shown = { most_rows, most_rows, most_rows, most_rows, 1 };
    lede_bench_report ("sidebar search", "most rows the sidebar held for a query", "Lede", "rows", shown);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  /* As Lede quits: the library closed (its WAL written in) before the
   * process ends, or the next run opens it as after a crash. */
  lede_library_wait_for_writers (5 * G_USEC_PER_SEC);
  return 0;
}
