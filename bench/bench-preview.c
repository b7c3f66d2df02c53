/* bench-preview.c: in the real window under Xvfb, with the preview on,
 *  - edit to preview: from an edit in the editor to the preview's DOM
 *    holding it; the debounce wait is reported apart and taken out;
 *  - key to frame: from a key event (typed by xdotool through the X server)
 *    reaching the window to the end of the first frame painted after the
 *    character went into the text, timed with the window's frame clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "lede-editor.h"
#include "lede-library.h"
#include "lede-preview-pane.h"
#include "lede-window.h"
#include "lede-bench-loop.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

static guint updates;

static void
on_updated (GtkWidget *preview,
            gpointer   data)
{
  updates++;
}

static void
wait_for_update (guint before)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, lede_bench_wake, &timed_out);

  while (updates == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("the preview did not update within 30 s");
  g_source_remove (id);
}

/* A story of @words words of English only: the words a dictionary knows,
 * as real copy mostly is. */
static char *
english_story (guint words)
{
  GString *out = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < words; i++)
    {
      g_string_append (out, LEDE_BENCH_WORDS[g_rand_int_range (rand, 0, G_N_ELEMENTS (LEDE_BENCH_WORDS))]);
      g_string_append (out, i % 60 == 59 ? ".\n\n" : i % 12 == 11 ? ". " : " ");
    }
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

static LedeWindow *
open_window_with (const char   *dir,
                  const char   *text,
                  LedePreviewPane **preview,
                  LedeEditor  **editor);

static LedeWindow *
open_window (const char  *dir,
             guint        words,
             LedePreviewPane **preview,
             LedeEditor  **editor)
{
  g_autofree char *body = lede_bench_story (words, 7);

  return open_window_with (dir, body, preview, editor);
}

static LedeWindow *
open_window_with (const char   *dir,
                  const char   *body,
                  LedePreviewPane **preview,
                  LedeEditor  **editor)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  LedeWindow *window;

  lede_article_set_headline (article, "Benchmark story");
  /* A language with a dictionary, so spell checking does its work. */
  lede_article_set_language (article, "en-GB");
  lede_article_set_body (article, body);
  lede_library_create_article (library, article, NULL);
  g_clear_object (&library);

  window = lede_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  *preview = LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "preview"));
  *editor = LEDE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "editor"));
  if (!lede_preview_pane_load (*preview, NULL))
    g_error ("the preview module did not load");
  g_signal_connect (lede_preview_pane_get_preview (*preview), "updated", G_CALLBACK (on_updated), NULL);
  gtk_window_present (GTK_WINDOW (window));
  updates = 0;
  lede_window_open_library (window, path);
  wait_for_update (0);
  /* Let the renders of opening the story finish, so none lands mid-measure. */
  lede_bench_settle (1500);
  return window;
}

static void
close_window (LedeWindow *window,
              const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (const char *suffix = ""; suffix; suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

typedef struct {
  GArray  *keys;       /* monotonic µs of key presses not yet on screen */
  gboolean inserted;   /* text went in since the last frame */
  GArray  *latency;    /* ms */
} Typing;

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Typing                *typing)
{
  gint64 now = g_get_monotonic_time ();

  /* Shift and other keys that put no character on screen are not timed. */
  if (gdk_keyval_to_unicode (keyval) != 0)
    g_array_append_val (typing->keys, now);
  return GDK_EVENT_PROPAGATE;
}

static void
on_text_changed (GtkTextBuffer *buffer,
                 Typing        *typing)
{
  typing->inserted = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Typing        *typing)
{
  gint64 now = g_get_monotonic_time ();

  if (!typing->inserted)
    return;
  for (guint i = 0; i < typing->keys->len; i++)
    {
      double ms = (now - g_array_index (typing->keys, gint64, i)) / 1000.0;
      g_array_append_val (typing->latency, ms);
    }
  g_array_set_size (typing->keys, 0);
  typing->inserted = FALSE;
}

static void
on_xdotool_exit (GPid     pid,
                 int      status,
                 gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
measure_typing (guint    words,
                gboolean with_panel,
                gboolean spelling)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *row = g_strdup_printf ("%uk words%s%s", words / 1000,
                                          with_panel ? ", metadata panel shown" : "",
                                          spelling ? "" : ", spell check off");
  g_autofree char *who = g_strdup_printf ("Lede, GSK %s", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_autofree char *xid = NULL;
  g_autofree char *missed_row = NULL;
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("io.github.ledeapp.Lede");
  Typing typing = { keys, FALSE, latency };
  GtkEventController *controller = gtk_event_controller_key_new ();
  LedePreviewPane *preview;
  LedeEditor *editor;
  LedeWindow *window = open_window (dir, words, &preview, &editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (editor);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean typed = FALSE;
  GtkTextIter end;
  guint missed = 0;
  GPid pid;

  /* Spell check is on unless this row is the one without it. */
  g_settings_set_boolean (settings, "spell-check", spelling);

  /* The panel counts words and checks quotations as typing pauses. */
  if (with_panel)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-metadata", NULL);
      lede_bench_settle (500);
    }

  /* Typing goes at the end of the story, as when writing on. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  lede_editor_focus (editor);
  lede_bench_settle (300);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), &typing);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed), &typing);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &typing);

  xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  if (!g_spawn_async (NULL,
                      (char **) (const char *[]) { "xdotool", "windowfocus", "--sync", xid,
                                   "type", "--delay", "80",
                                   "The council met again on Thursday night and voted", NULL },
                      NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("xdotool: %s", error->message);
  g_child_watch_add (pid, on_xdotool_exit, &typed);
  while (!typed)
    g_main_context_iteration (NULL, TRUE);
  lede_bench_settle (500);

  g_signal_handlers_disconnect_by_data (clock, &typing);
  g_signal_handlers_disconnect_by_data (buffer, &typing);
  /* A key that reaches the window waits up to one frame (16.7 ms at 60 Hz)
   * for the next frame; one that takes over two frames missed a frame. */
  for (guint i = 0; i < latency->len; i++)
    missed += g_array_index (latency, double, i) > 2 * 1000.0 / 60;
  if (latency->len == 0)
    g_error ("no key reached the editor");

  missed_row = g_strconcat (row, ": keys that missed a frame", NULL);
  lede_bench_report ("key-to-frame", row, who, "ms", lede_bench_stats (latency));
  lede_bench_report ("key-to-frame", missed_row, who, "keys",
                     (LedeBenchStats) { missed, missed, missed, missed, latency->len });
  close_window (window, dir);
}

static void
measure (guint words)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autoptr (GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) debounce = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *row = g_strdup_printf ("%uk words", words / 1000);
  /* Which GTK renderer drew the window matters on a machine without a GPU. */
  g_autofree char *who = g_strdup_printf ("Lede, GSK %s (debounce out)",
                                          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  LedePreviewPane *preview;
  LedeEditor *editor;
  LedeWindow *window = open_window (dir, words, &preview, &editor);
  GtkTextBuffer *buffer;

  /* Edit one after another, as typing does. */
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
      wait_ms = lede_preview_pane_get_debounce_ms (preview);
      wait_for_update (before);
      elapsed = g_get_monotonic_time () / 1000.0 - start - wait_ms;
      g_array_append_val (latency, elapsed);
      g_array_append_val (debounce, wait_ms);
    }

  lede_bench_report ("edit-to-preview", row, who, "ms", lede_bench_stats (latency));
  lede_bench_report ("edit-to-preview", row, "Lede debounce wait", "ms", lede_bench_stats (debounce));

  close_window (window, dir);
}

static gboolean
spelling_done (gpointer editor)
{
  return lede_editor_is_spelling_checked (editor);
}

/* The first whole check of a long story, in the background: the bench
 * story (its rare words are made up, so many are marked) and one of
 * English words only. */
static void
measure_first_check (guint    words,
                     gboolean english)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *row = g_strdup_printf ("first spell check of %uk words%s (in the background)", words / 1000,
                                          english ? " of English" : ", many made up");
  g_autofree char *body = english ? english_story (words) : lede_bench_story (words, 7);
  LedePreviewPane *preview;
  LedeEditor *editor;
  LedeWindow *window = open_window_with (dir, body, &preview, &editor);
  LedeBenchStats stats = { 0 };
  double start = g_get_monotonic_time () / 1000.0;

  lede_editor_check_spelling (editor);
  while (!spelling_done (editor))
    g_main_context_iteration (NULL, TRUE);
  stats = lede_bench_once (g_get_monotonic_time () / 1000.0 - start);
  lede_bench_report ("spelling", row, "Lede (enchant, en)", "ms", stats);
  close_window (window, dir);
}

static void
on_preview_loaded (LedePreviewPane *pane)
{
  g_signal_connect (lede_preview_pane_get_preview (pane), "updated", G_CALLBACK (on_updated), NULL);
}

/* The pointer reaches Split and is there this long before the writer
 * presses: a short pause, as a hand settles on a button it is aiming for. */
#define POINTER_DWELL_MS 200

static void
run_xdotool (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  /* Its output away from this process's, which carries the figure. */
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool: %s", error->message);
}

/* Moves the X pointer (through the X server, as a mouse does) onto the
 * window's Split button. */
static void
move_pointer_to_split (LedeWindow *window)
{
  GtkWidget *button = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "split_button");
  g_autofree char *xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  graphene_point_t at;
  double dx, dy;

  if (!gtk_widget_compute_point (button, GTK_WIDGET (window),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                       gtk_widget_get_height (button) / 2.0),
                                 &at))
    g_error ("the Split button is not in the window");
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  x = g_strdup_printf ("%d", (int)(at.x + dx));
  y = g_strdup_printf ("%d", (int)(at.y + dy));
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--window", xid, "--sync", x, y, NULL });
}

/* The bench's window has no application, whose accelerator would turn
 * Alt+2 into win.layout: the key does it here, the same way. */
static gboolean
on_alt_2 (GtkEventControllerKey *controller,
          guint                  keyval,
          guint                  keycode,
          GdkModifierType        state,
          gint64                *pressed_us)
{
  if (keyval != GDK_KEY_2 || !(state & GDK_ALT_MASK) || *pressed_us != 0)
    return GDK_EVENT_PROPAGATE;
  *pressed_us = g_get_monotonic_time ();
  gtk_widget_activate_action (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                              "win.layout", "s", "split");
  return GDK_EVENT_STOP;
}

/* Alt+2 in a window that opened in the Write layout: the preview module is
 * loaded, WebKit starts, and the page shows the story. With @pointer_first
 * the pointer reached the layout switch a moment before (which opens the
 * module early). In a process of its own each time (the module loads once
 * a process); prints milliseconds. */
static void
measure_show_preview_once (gboolean pointer_first)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *body = lede_bench_story (1000, 7);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.ledeapp.Lede");
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *xid = NULL;
  GtkEventController *controller;
  LedeWindow *window;
  LedePreviewPane *pane;
  gint64 pressed_us = 0;

  lede_article_set_headline (article, "Benchmark story");
  lede_article_set_body (article, body);
  lede_library_create_article (library, article, NULL);
  g_clear_object (&library);

  g_settings_set_string (settings, "layout", "editor");
  /* The pointer starts in a corner, away from the switch (a run before
   * may have left it there). */
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", "1279", "799", NULL });
  window = lede_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  pane = LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW, "preview"));
  g_signal_connect (pane, "loaded", G_CALLBACK (on_preview_loaded), NULL);
  gtk_window_present (GTK_WINDOW (window));
  lede_window_open_library (window, path);
  lede_bench_settle (1500);
  if (pointer_first)
    {
      move_pointer_to_split (window);
      lede_bench_settle (POINTER_DWELL_MS);
    }
  if (lede_preview_pane_get_preview (pane) != NULL)
    g_error ("the Write layout made the preview before it was shown");

  /* Timed from Alt+2 reaching the window, typed through the X server. */
  updates = 0;
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_alt_2), &pressed_us);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  run_xdotool ((const char *[]) { "xdotool", "windowfocus", "--sync", xid, "key", "alt+2", NULL });
  wait_for_update (0);
  if (pressed_us == 0)
    g_error ("Alt+2 did not reach the window");
  g_print ("%f\n", (g_get_monotonic_time () - pressed_us) / 1000.0);
  close_window (window, dir);
}

static void
measure_show_preview (const char *self,
                      gboolean    pointer_first)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *who = g_strdup_printf ("Lede, GSK %s", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_autofree char *row = pointer_first
    ? g_strdup_printf ("Alt+2 in the Write layout to the story in the preview, the pointer on Split %d ms before",
                       POINTER_DWELL_MS)
    : g_strdup ("Alt+2 in the Write layout to the story in the preview, from the keyboard");

  for (guint i = 0; i < 7; i++)
    {
      const char *argv[] = { self, pointer_first ? "--show-preview-once-pointer" : "--show-preview-once", NULL };
      g_autofree char *out = NULL;
      g_autoptr (GError) error = NULL;
      char *end = NULL;
      int status;
      double ms;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s", argv[1], error->message);
      ms = g_ascii_strtod (out, &end);
      if (end == out)
        g_error ("%s printed no time", argv[1]);
      g_array_append_val (samples, ms);
    }
  lede_bench_report ("startup", row, who, "ms", lede_bench_stats (samples));
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  adw_init ();

  if (argc > 1 && (g_str_equal (argv[1], "--show-preview-once") ||
                   g_str_equal (argv[1], "--show-preview-once-pointer")))
    {
      measure_show_preview_once (g_str_equal (argv[1], "--show-preview-once-pointer"));
      return 0;
    }
  /* --show-preview: only the time from Alt+2 to the preview. */
  if (argc > 1 && g_str_equal (argv[1], "--show-preview"))
    {
      measure_show_preview (argv[0], FALSE);
      measure_show_preview (argv[0], TRUE);
      return 0;
    }

  /* --spelling: only the first spell check (for profiling it). */
  if (argc > 1 && g_str_equal (argv[1], "--spelling"))
    {
      measure_first_check (100000, FALSE);
      measure_first_check (100000, TRUE);
      return 0;
    }
  measure_show_preview (argv[0], FALSE);
  measure_show_preview (argv[0], TRUE);
  for (guint words = 1000; words <= 100000; words *= 10)
    measure (words);
  for (guint words = 1000; words <= 100000; words *= 10)
    measure_typing (words, FALSE, TRUE);
  measure_typing (100000, FALSE, FALSE);
  measure_typing (100000, TRUE, TRUE);
  measure_first_check (100000, FALSE);
  measure_first_check (100000, TRUE);
  return 0;
}
