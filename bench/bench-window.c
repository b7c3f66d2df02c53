/* bench-window.c: how long a program takes from exec to its first frame,
 * how long until its window stops changing, and how much memory all its
 * processes then hold. Every program is measured the same way, from the
 * outside, so Lede and its peers share one yardstick:
 *
 *   first frame  the first drawing (X DAMAGE) into a mapped top-level window
 *                of at least 300x200 pixels;
 *   settled      the last drawing before the window stays still for 1.5 s
 *                (a preview loading late counts);
 *   memory       resident (RSS) and proportional (PSS) memory summed over the
 *                program and every process it started (WebKit's included).
 *
 *   lede-bench-window --group G --row R --who W [--runs N]
 *                     [--beside "COMMAND ARGS" --beside-who W2] -- COMMAND ARGS...
 *
 * With --beside, the other program is run just before each run, and the
 * rows say too how the two compare run by run (the median of the ratios):
 * interleaved, a machine busier for a while slows both alike.
 *
 * Run it under Xvfb with no window manager, so top-levels are children of
 * the root window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include "lede-bench-stats.h"

#define QUIET_MS    1500
#define TIMEOUT_MS  60000
#define MIN_WIDTH   300
#define MIN_HEIGHT  200

typedef struct {
  double first_frame_ms;
  double settled_ms;
  double rss_mib;
  double pss_mib;
} Sample;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A window may be gone, or be InputOnly, by the time it is looked at. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  return 0;
}

static gboolean
is_big_and_mapped (Display *display,
                   Window   window)
{
  XWindowAttributes attributes;

  if (!XGetWindowAttributes (display, window, &attributes))
    return FALSE;
  return attributes.map_state == IsViewable && !attributes.override_redirect &&
         attributes.width >= MIN_WIDTH && attributes.height >= MIN_HEIGHT;
}

static gint64
parent_of (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *stat = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  /* "pid (name) state ppid …": the name may hold spaces and parentheses. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return -1;
  return g_ascii_strtoll (after_name + 4, NULL, 10);
}

static double
kib_field (const char *smaps,
           const char *field)
{
  const char *at = strstr (smaps, field);

  return at ? g_ascii_strtod (at + strlen (field), NULL) : 0;
}

/* Sums RSS and PSS over pid and all its descendants. */
static void
measure_memory (pid_t   root,
                Sample *sample)
{
  g_autoptr (GHashTable) family = g_hash_table_new (NULL, NULL);
  gboolean grew = TRUE;

  g_hash_table_add (family, GINT_TO_POINTER (root));
  while (grew)
    {
      g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
      const char *name;

      grew = FALSE;
      while ((name = g_dir_read_name (proc)) != NULL)
        {
          gint64 pid = g_ascii_strtoll (name, NULL, 10);

          if (pid <= 0 || g_hash_table_contains (family, GINT_TO_POINTER (pid)))
            continue;
          if (g_hash_table_contains (family, GINT_TO_POINTER (parent_of (name))))
            {
              g_hash_table_add (family, GINT_TO_POINTER (pid));
              grew = TRUE;
            }
        }
    }

  sample->rss_mib = sample->pss_mib = 0;
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, family);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/smaps_rollup", GPOINTER_TO_INT (key));
      g_autofree char *smaps = NULL;

      if (g_file_get_contents (path, &smaps, NULL, NULL))
        {
          sample->rss_mib += kib_field (smaps, "\nRss:") / 1024.0;
          sample->pss_mib += kib_field (smaps, "\nPss:") / 1024.0;
        }
    }
}

static gboolean
run_once (Display  *display,
          int       damage_event,
          char    **argv,
          Sample   *sample)
{
  Window root = DefaultRootWindow (display);
  double start, last_damage = 0;
  gboolean seen_frame = FALSE;
  pid_t pid;
  int status;

  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, True);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      setpgid (0, 0);
      execvp (argv[0], argv);
      _exit (127);
    }
  setpgid (pid, pid);

  for (;;)
    {
      double now = now_ms ();
      double deadline = seen_frame ? last_damage + QUIET_MS : start + TIMEOUT_MS;

      if (now >= deadline || now - start > TIMEOUT_MS)
        break;
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          g_printerr ("%s exited before it settled\n", argv[0]);
          return FALSE;
        }
      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == CreateNotify && event.xcreatewindow.parent == root)
            /* Watch each new top-level from birth, so no early frame is missed. */
            XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);
          else if (event.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *)&event;

              XDamageSubtract (display, damage->damage, None, None);
              if (is_big_and_mapped (display, damage->drawable))
                {
                  last_damage = now_ms ();
                  if (!seen_frame)
                    sample->first_frame_ms = last_damage - start;
                  seen_frame = TRUE;
                }
            }
        }
      g_usleep (1000);
    }

  if (!seen_frame)
    {
      g_printerr ("%s drew no window within %d s\n", argv[0], TIMEOUT_MS / 1000);
      kill (-pid, SIGKILL);
      waitpid (pid, &status, 0);
      return FALSE;
    }
  sample->settled_ms = last_damage - start;
  measure_memory (pid, sample);

  kill (-pid, SIGTERM);
  for (int i = 0; i < 50 && waitpid (pid, &status, WNOHANG) == 0; i++)
    g_usleep (100000);
  kill (-pid, SIGKILL);
  waitpid (pid, &status, WNOHANG);
  XSync (display, True);
  return TRUE;
}

static void
report (const char *group,
        const char *row,
        const char *what,
        const char *who,
        const char *unit,
        GArray     *samples)
{
  g_autofree char *name = g_strconcat (row, what, NULL);

  lede_bench_report (group, name, who, unit, lede_bench_stats (samples));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *group = NULL, *row = NULL, *who = NULL, *beside = NULL, *beside_who = NULL;
  g_auto (GStrv) beside_argv = NULL;
  int runs = 5, damage_event, damage_error;
  g_autoptr (GArray) beside_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) beside_pss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pss_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GOptionContext) context = g_option_context_new ("-- COMMAND [ARGS…]");
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, "Table group", "G" },
    { "row", 0, 0, G_OPTION_ARG_STRING, &row, "Table row", "R" },
    { "who", 0, 0, G_OPTION_ARG_STRING, &who, "Program name in the table", "W" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (default 5)", "N" },
    { "beside", 0, 0, G_OPTION_ARG_STRING, &beside, "Another program, run before each run", "COMMAND" },
    { "beside-who", 0, 0, G_OPTION_ARG_STRING, &beside_who, "Its name in the table", "W" },
    { NULL }
  };
  Display *display;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || !group || !row || !who)
    {
      g_printerr ("usage: lede-bench-window --group G --row R --who W [--runs N] -- COMMAND…\n");
      return 1;
    }
  if (g_str_equal (argv[1], "--"))
    argv++, argc--;
  if (beside != NULL && (beside_who == NULL || !g_shell_parse_argv (beside, NULL, &beside_argv, &error)))
    {
      g_printerr ("--beside needs a command and --beside-who\n");
      return 1;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL || !XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      g_printerr ("lede-bench-window needs an X display with the DAMAGE extension\n");
      return 1;
    }
  XSetErrorHandler (ignore_x_error);

  for (int i = 0; i < runs; i++)
    {
      Sample sample = { 0 }, other = { 0 };

      if (beside_argv != NULL)
        {
          if (!run_once (display, damage_event, beside_argv, &other))
            return 2;
          g_array_append_val (beside_first, other.first_frame_ms);
          g_array_append_val (beside_pss, other.pss_mib);
        }
      if (!run_once (display, damage_event, argv + 1, &sample))
        return 2;
      if (beside_argv != NULL)
        {
          double first_over = sample.first_frame_ms / other.first_frame_ms;
          double pss_over = sample.pss_mib / other.pss_mib;

          g_array_append_val (first_ratio, first_over);
          g_array_append_val (pss_ratio, pss_over);
        }
      g_array_append_val (first, sample.first_frame_ms);
      g_array_append_val (settled, sample.settled_ms);
      g_array_append_val (rss, sample.rss_mib);
      g_array_append_val (pss, sample.pss_mib);
    }

  report (group, row, ": first frame", who, "ms", first);
  report (group, row, ": settled", who, "ms", settled);
  report ("memory", row, ": PSS, all processes", who, "MiB", pss);
  report ("memory", row, ": RSS, all processes", who, "MiB", rss);
  if (beside_argv != NULL)
    {
      g_autofree char *over = g_strdup_printf (": first frame over %s's, interleaved", beside_who);
      g_autofree char *over_pss = g_strdup_printf (": PSS over %s's, interleaved", beside_who);

      report (group, row, ": first frame (interleaved)", beside_who, "ms", beside_first);
      report ("memory", row, ": PSS, all processes (interleaved)", beside_who, "MiB", beside_pss);
      report (group, row, over, who, "x", first_ratio);
      report ("memory", row, over_pss, who, "x", pss_ratio);
    }
  XCloseDisplay (display);
  return 0;
}
