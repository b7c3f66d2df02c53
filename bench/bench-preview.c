/* bench-preview.c: from an edit in the editor to the preview's DOM holding
 * it, in the real window under Xvfb. The debounce wait is reported apart
 * and taken out of the latency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lede-editor.h"
#include "lede-library.h"
#include "lede-preview.h"
#include "lede-window.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

static guint updates;

static void
on_updated (LedePreview *preview,
            gpointer     data)
{
  updates++;
}

static gboolean
wake (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_update (guint before)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, wake, &timed_out);

  while (updates == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("the preview did not update within 30 s");
  g_source_remove (id);
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
measure (guint words)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *body = lede_bench_story (words, 7);
  g_autoptr (GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) debounce = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *row = g_strdup_printf ("%uk words", words / 1000);
  /* Which GTK renderer drew the window matters on a machine without a GPU. */
  g_autofree char *who = g_strdup_printf ("Lede, GSK %s (debounce out)",
                                          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  LedeWindow *window;
  LedePreview *preview;
  LedeEditor *editor;
  GtkTextBuffer *buffer;

  lede_article_set_headline (article, "Benchmark story");
  lede_article_set_body (article, body);
  lede_library_create_article (library, article, NULL);
  g_clear_object (&library);

  window = lede_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  preview = LEDE_PREVIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "preview"));
  editor = LEDE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "editor"));
  g_signal_connect (preview, "updated", G_CALLBACK (on_updated), NULL);
  gtk_window_present (GTK_WINDOW (window));
  updates = 0;
  lede_window_open_library (window, path);
  wait_for_update (0);

  /* Let the renders of opening the story finish, so none lands mid-measure;
   * then edit one after another, as typing does. */
  settle (1500);
  buffer = lede_editor_get_buffer (editor);
  for (guint i = 0; i < 15; i++)
    {
      GtkTextIter end;
      guint before;
      double start, wait_ms, elapsed;

      before = updates;
      gtk_text_buffer_get_end_iter (buffer, &end);
      start = g_get_monotonic_time () / 1000.0;
      gtk_text_buffer_insert_interactive (buffer, &end, "x", 1, TRUE);
      wait_ms = lede_preview_get_debounce_ms (preview);
      wait_for_update (before);
      elapsed = g_get_monotonic_time () / 1000.0 - start - wait_ms;
      g_array_append_val (latency, elapsed);
      g_array_append_val (debounce, wait_ms);
    }

  lede_bench_report ("edit-to-preview", row, who, "ms", lede_bench_stats (latency));
  lede_bench_report ("edit-to-preview", row, "Lede debounce wait", "ms", lede_bench_stats (debounce));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  adw_init ();

  measure (1000);
  measure (10000);
  measure (100000);
  return 0;
}
