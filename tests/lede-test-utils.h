/* lede-test-utils.h: small helpers shared by Lede's tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

G_BEGIN_DECLS

/* A fresh folder for one test, removed by the caller with lede_test_rmdir(). */
static inline char *
lede_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("lede-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
lede_test_rmdir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      lede_test_rmdir (child);
    }
  g_rmdir (path);
}

/* The files under @dir, in every folder. */
static inline guint
lede_test_count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? lede_test_count_files (child) : 1;
    }
  return n;
}

/* Whether @dir holds a hidden file: what an unfinished atomic write leaves. */
static inline gboolean
lede_test_has_hidden_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static inline char *
lede_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

/* Runs the main loop until @done returns TRUE, failing after @timeout_ms. */
static inline gboolean
lede_test_wake (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline void
lede_test_wait_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, lede_test_wake, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (done (data));
}

/* For a test that needs a process of its own: in the test program, runs
 * the test again in a child, waits up to @seconds and checks it passed,
 * then returns TRUE (the caller returns); in the child, returns FALSE and
 * the test goes on. */
static inline gboolean
lede_test_ran_in_subprocess (guint seconds)
{
  if (g_test_subprocess ())
    return FALSE;
  g_test_trap_subprocess (NULL, seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

/* Spins the main loop for @ms, for tests that must see that nothing happens. */
static inline void
lede_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, lede_test_wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A "full disk" for this process: writes past @limit bytes fail with EFBIG
 * (SIGXFSZ ignored). RLIM_INFINITY lifts it. */
static inline void
lede_test_limit_file_size (rlim_t limit)
{
  struct rlimit rl;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

/* How many processes below this one have @needle in their command line
 * (WebKit's, run under bubblewrap or not). */
static inline guint
lede_test_count_descendants (const char *needle)
{
  g_autoptr (GHashTable) parent_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  GHashTableIter iter;
  gpointer pid, parent;
  const char *name;
  guint found = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_strconcat ("/proc/", name, "/stat", NULL);
      g_autofree char *stat = NULL;
      const char *end;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid …", and comm may hold anything. */
      if ((end = strrchr (stat, ')')) != NULL)
        g_hash_table_insert (parent_of, GINT_TO_POINTER (atoi (name)),
                             GINT_TO_POINTER (atoi (end + 4)));
    }

  g_hash_table_iter_init (&iter, parent_of);
  while (g_hash_table_iter_next (&iter, &pid, &parent))
    {
      int up = GPOINTER_TO_INT (parent);

      for (guint depth = 0; up > 1 && up != getpid () && depth < 64; depth++)
        up = GPOINTER_TO_INT (g_hash_table_lookup (parent_of, GINT_TO_POINTER (up)));
      if (up == getpid ())
        {
          g_autofree char *path = g_strdup_printf ("/proc/%d/cmdline", GPOINTER_TO_INT (pid));
          g_autofree char *cmdline = NULL;
          gsize len;

          if (!g_file_get_contents (path, &cmdline, &len, NULL))
            continue;
          for (gsize i = 0; i < len; i++)
            if (cmdline[i] == '\0')
              cmdline[i] = ' ';
          if (strstr (cmdline, needle) != NULL)
            found++;
        }
    }
  return found;
}

/* For lede_test_wait_until(): WebKit's web process has started. */
static inline gboolean
lede_test_has_web_process (gpointer unused)
{
  return lede_test_count_descendants ("WebKitWebProcess") > 0;
}

/* Whether a library whose file name holds @needle is mapped into this
 * process. */
static inline gboolean
lede_test_has_library (const char *needle)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

/* Runs $LEDE_CLI with @args and no session bus (no Lede to hand a command
 * to); returns its exit status. */
static inline int
lede_test_run_cli (const char * const *args,
                   char              **out,
                   char              **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *ignored_out = NULL, *ignored_err = NULL;
  /* No session bus: these tests have no Lede to hand a command to. */
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  int status = 0;

  g_ptr_array_add (argv, (gpointer)g_getenv ("LEDE_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  /* What a caller does not read is kept out of the TAP output all the same. */
  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out ? out : &ignored_out,
                err ? err : &ignored_err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

G_END_DECLS
