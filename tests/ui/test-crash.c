/* test-crash.c: a real `lede` process, typed into with xdotool as a person
 * would, then killed with SIGKILL mid-sentence. The library must hold all
 * but the last autosave window of what was typed. A second run quits with
 * Ctrl+Q straight after typing and must lose nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "lede-library.h"
#include "../lede-test-utils.h"

/* The promise under test: at most this much typing is lost to a crash. */
#define AUTOSAVE_WINDOW_S 5.0
/* Key events reach the app a little after xdotool sends them. */
#define SLACK_S           1.0

typedef struct {
  char  *dir;
  char  *path;
  gint64 id;
} Fixture;

static void
run_xdotool (const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)"xdotool");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
}

static char *
find_window (GPid pid)
{
  g_autofree char *pid_text = g_strdup_printf ("%d", pid);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      const char *argv[] = { "xdotool", "search", "--onlyvisible", "--pid", pid_text, "--name", "Lede", NULL };
      g_autofree char *out = NULL;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, &out, NULL, NULL, NULL);
      if (out != NULL && *g_strstrip (out) != '\0')
        {
          char *newline = strchr (out, '\n');
          if (newline)
            *newline = '\0';
          return g_steal_pointer (&out);
        }
      g_usleep (100 * 1000);
    }
  g_error ("lede showed no window within 30 s");
}

/* xvfb-run's server can still be starting when the test does: wait until
 * it answers, or lede finds no display and quits ("cannot open display"). */
static void
wait_for_display (void)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      const char *argv[] = { "xdotool", "getdisplaygeometry", NULL };
      int status = -1;

      if (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return;
      g_usleep (100 * 1000);
    }
  g_error ("the X server never answered");
}

static GPid
start_lede (Fixture  *f,
            char    **window)
{
  const char *exe = g_getenv ("LEDE_EXE");
  const char *argv[] = { exe, "--library", f->path, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;

  g_assert_nonnull (exe);
  wait_for_display ();
  g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  *window = find_window (pid);
  /* Let the story load and the editor take focus. */
  g_usleep (1500 * 1000);
  run_xdotool ((const char *[]) { "windowfocus", "--sync", *window, NULL });
  return pid;
}

static int
wait_for_exit (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static char *
body_on_disk (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = lede_library_open (f->path, &error);
  g_autoptr (LedeArticle) article = NULL;

  g_assert_no_error (error);
  article = lede_library_get_article (library, f->id, &error);
  g_assert_no_error (error);
  return g_strdup (lede_article_get_body (article));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GError) error = NULL;

  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  library = lede_library_open (f->path, &error);
  g_assert_no_error (error);

  /* A story with a headline and no body, so the editor focuses the body. */
  lede_article_set_headline (article, "Crash test");
  g_assert_true (lede_library_create_article (library, article, &error));
  f->id = lede_article_get_id (article);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lede_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_sigkill_loses_at_most_the_window (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GString) typed = g_string_new (NULL);
  g_autofree char *window = NULL;
  g_autofree char *saved = NULL;
  gint64 start, end;
  double seconds, rate, allowed;
  int status;
  GPid pid;

  /* About 10 s of steady typing: the pause never comes, so only the
   * at-least-every-5-s rule can have saved anything. */
  for (guint i = 0; typed->len < 450; i++)
    g_string_append_printf (typed, "word%u ", i);

  pid = start_lede (f, &window);
  start = g_get_monotonic_time ();
  run_xdotool ((const char *[]) { "type", "--delay", "40", "--window", window, typed->str, NULL });
  end = g_get_monotonic_time ();
  kill (pid, SIGKILL);
  status = wait_for_exit (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  saved = body_on_disk (f);
  seconds = (end - start) / (double)G_USEC_PER_SEC;
  rate = typed->len / seconds;
  allowed = rate * (AUTOSAVE_WINDOW_S + SLACK_S);
  g_test_message ("typed %zu chars in %.1f s; %zu saved before SIGKILL; up to %.0f may be lost",
                  typed->len, seconds, strlen (saved), allowed);

  g_assert_true (g_str_has_prefix (typed->str, saved));
  g_assert_cmpuint (strlen (saved), >, 0);
  g_assert_cmpfloat ((double)(typed->len - strlen (saved)), <=, allowed);
}

/* Starts Lede and types @typed into the open story's body. */
static GPid
start_and_type (Fixture     *f,
                const char  *typed,
                char       **window)
{
  GPid pid = start_lede (f, window);

  run_xdotool ((const char *[]) { "type", "--delay", "20", "--window", *window, typed, NULL });
  return pid;
}

/* Lede must leave on its own, cleanly, with every typed character saved. */
static void
assert_clean_exit_kept (Fixture    *f,
                        GPid        pid,
                        const char *typed)
{
  g_autofree char *saved = NULL;
  int status = wait_for_exit (pid);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  /* Closed as it quit: its WAL written in, so the next opening is not
   * taken for one after a crash. */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size <= 32);
  }
  saved = body_on_disk (f);
  g_assert_cmpstr (saved, ==, typed);
}

static void
test_quit_loses_nothing (Fixture       *f,
                         gconstpointer  data)
{
  const char *typed = "Quit straight after typing";
  g_autofree char *window = NULL;
  GPid pid = start_and_type (f, typed, &window);

  /* Through XTEST to the focused window, not --window: the app quits on the
   * key press, and xdotool must still release the key, or it repeats into
   * whatever window comes next. */
  run_xdotool ((const char *[]) { "key", "ctrl+q", NULL });
  assert_clean_exit_kept (f, pid, typed);
}

static void
test_sigterm_loses_nothing (Fixture       *f,
                            gconstpointer  data)
{
  const char *typed = "Logged out mid-sentence";
  g_autofree char *window = NULL;
  GPid pid = start_and_type (f, typed, &window);

  /* xdotool returns once the last key is sent, not once Lede has read it;
   * a signal can overtake keys still queued in the X connection. */
  g_usleep (500 * 1000);
  kill (pid, SIGTERM);
  assert_clean_exit_kept (f, pid, typed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lede/crash/sigkill-loses-at-most-the-window", Fixture, NULL,
              fixture_setup, test_sigkill_loses_at_most_the_window, fixture_teardown);
  g_test_add ("/lede/crash/quit-loses-nothing", Fixture, NULL,
              fixture_setup, test_quit_loses_nothing, fixture_teardown);

  g_test_add ("/lede/crash/sigterm-loses-nothing", Fixture, NULL,
              fixture_setup, test_sigterm_loses_nothing, fixture_teardown);

  return g_test_run ();
}
