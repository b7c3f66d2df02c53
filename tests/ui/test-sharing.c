/* test-sharing.c: the window and lede-cli (and a second Lede) on one
 * library. Whatever else happens in Lede's process — a file chooser on the
 * library's folder, anything that opens and closes the library's files —
 * the library is never damaged and nothing the window saved is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lede-application.h"
#include "lede-import.h"
#include "lede-export.h"
#include "lede-test-export.h"
#include "lede-window-fixture.h"

static const char IN_USE[] = "Lede has this library open; close it or run the command from the window";

typedef enum {
  STRAY_CLOSE,   /* open() and close() the library's files, as GIO's type sniffing does */
  FILE_CHOOSER,  /* a real file chooser shown on the library's folder, then cancelled */
} Disturbance;

/* The imported story, fictional. */
static const char IMPORTED[] =
  "---\n"
  "title: \"Lock keeper retires after thirty winters\"\n"
  "---\n"
  "Ada Pellow opened the Tarrow lock for the last time on 2 March 2026.\n";

typedef struct {
  gboolean  done;
  int       status;
  char     *out;
  char     *err;
} CliRun;

static void
on_cli_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (G_SUBPROCESS (source)) ? g_subprocess_get_exit_status (G_SUBPROCESS (source)) : -1;
  run->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((CliRun *)data)->done;
}

/* Runs lede-cli while this process's main loop goes on, as the window's
 * would: lede-cli may be asking this very process to do the work. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  CliRun run = { 0 };
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("LEDE_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_cli_done, &run);
  lede_test_wait_until (is_done, &run, 30000);
  *out = run.out;
  *err = run.err;
  return run.status;
}

static gboolean
list_has_headline (GListModel *model,
                   const char *headline)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedeArticle) article = g_list_model_get_item (model, i);

      if (g_strcmp0 (lede_article_get_headline (article), headline) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ignore_chooser_teardown (const char     *domain,
                         GLogLevelFlags  level,
                         const char     *message,
                         gpointer        data)
{
  return !(g_strcmp0 (domain, "Gtk") == 0 && g_str_has_prefix (message, "Trying to snapshot"));
}

static void
disturb (const char  *path,
         Disturbance  how)
{
  if (how == STRAY_CLOSE)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
          int fd = open (name, O_RDONLY);

          g_assert_cmpint (fd, >=, 0);
          close (fd);
        }
    }
  else
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr (GFile) file = g_file_new_for_path (folder);
      GtkWidget *chooser = gtk_file_chooser_dialog_new ("Import", NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                        "_Cancel", GTK_RESPONSE_CANCEL, NULL);

      /* GTK 4.8's chooser may warn while it is torn down mid-layout. */
      g_test_log_set_fatal_handler (ignore_chooser_teardown, NULL);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
      gtk_window_present (GTK_WINDOW (chooser));
      lede_test_spin (1000);
      gtk_window_destroy (GTK_WINDOW (chooser));
      lede_test_spin (100);
    }
}

static void
wait_for_no_lede (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (bus);
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr (GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                "org.freedesktop.DBus", "NameHasOwner",
                                                                g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean owned = TRUE;

      if (reply)
        g_variant_get (reply, "(b)", &owned);
      if (!owned)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("%s still has an owner on the session bus", APP_ID);
}

/* Lede's side, in a child process that ends by SIGKILL. */
/* GTK 4.8's file chooser, shown while the machine is busy, sometimes
 * draws a button before it has a size and warns; that warning is GTK's
 * and says nothing of Lede, so it alone is not fatal here. */
static gboolean
fatal_unless_gtk_snapshot (const char     *log_domain,
                           GLogLevelFlags  log_level,
                           const char     *message,
                           gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 && (log_level & G_LOG_LEVEL_WARNING) &&
           g_str_has_prefix (message, "Trying to snapshot") && strstr (message, "without a current allocation"));
}

static void
window_and_cli_child (const char  *path,
                      const char  *story,
                      Disturbance  how)
{
  g_autoptr (LedeApplication) app = lede_application_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  Fixture fixture = { .path = (char *)path };
  Fixture *f = &fixture;

  g_test_log_set_fatal_handler (fatal_unless_gtk_snapshot, NULL);
  /* The real application, so lede-cli finds it on the session bus; the bus
   * may not have noticed yet that the last test's Lede was killed. */
  wait_for_no_lede ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  f->window = lede_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lede_window_open_library (f->window, path));

  type_at_end (f, "\n\nAlpha paragraph typed first.");
  lede_test_wait_until (is_saved, f->window, 10000);

  disturb (path, how);

  g_assert_cmpint (run_cli (&out, &err, "--library", path, "import", story, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "imported 1, updated 0, skipped 0, failed 0"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Imported by this process, so the window lists it at once. */
  g_assert_true (list_has_headline (story_list_model (f), "Lock keeper retires after thirty winters"));

  g_assert_cmpint (run_cli (&out, &err, "--library", path, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Lock keeper retires after thirty winters"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--library", path, "search", "alpha", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Alpha"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Trash and restore go through this process too, and the list follows. */
  {
    g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (path, NULL);
    g_autoptr (GPtrArray) hits = lede_library_search (reader, "tarrow", 1, NULL);
    g_autoptr (LedeArticle) imported = lede_library_get_article (reader, ((LedeSearchHit *)g_ptr_array_index (hits, 0))->id, NULL);
    const char *uuid = lede_article_get_uuid (imported);

    g_assert_cmpint (run_cli (&out, &err, "--library", path, "trash", uuid, NULL), ==, 0);
    g_assert_false (list_has_headline (story_list_model (f), "Lock keeper retires after thirty winters"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (&out, &err, "--library", path, "restore", uuid, NULL), ==, 0);
    g_assert_true (list_has_headline (story_list_model (f), "Lock keeper retires after thirty winters"));
  }

  type_at_end (f, "\n\nBravo paragraph typed after lede-cli.");
  lede_test_wait_until (is_saved, f->window, 10000);

  /* No goodbye: what is in the file is all there is. */
  g_print ("Lede is about to be killed\n");
  fflush (stdout);
  kill (getpid (), SIGKILL);
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
test_window_and_cli (gconstpointer data)
{
  Disturbance how = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL, *path = NULL, *story = NULL, *check = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  gboolean typed = FALSE, imported = FALSE;

  if (g_test_subprocess ())
    {
      window_and_cli_child (g_getenv ("LEDE_TEST_LIBRARY"), g_getenv ("LEDE_TEST_STORY"), how);
      return;
    }

  dir = lede_test_tmpdir ();
  path = g_build_filename (dir, "library.db", NULL);
  story = g_build_filename (dir, "lock-keeper.md", NULL);
  g_assert_true (g_file_set_contents (story, IMPORTED, -1, NULL));
  g_setenv ("LEDE_TEST_LIBRARY", path, TRUE);
  g_setenv ("LEDE_TEST_STORY", story, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* The child must have got as far as killing itself. */
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*Lede is about to be killed*");

  check = integrity_check (path);
  g_assert_cmpstr (check, ==, "ok");

  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  articles = lede_library_list_articles (library, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      const char *body = lede_article_get_body (article);

      g_test_message ("after the kill: “%s”: %s", lede_article_get_headline (article), body);
      if (strstr (body, "Alpha paragraph typed first.") && strstr (body, "Bravo paragraph typed after lede-cli."))
        typed = TRUE;
      if (g_str_equal (lede_article_get_headline (article), "Lock keeper retires after thirty winters"))
        imported = TRUE;
    }
  g_assert_true (typed);
  g_assert_true (imported);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

static void
own_process_group (gpointer data)
{
  setpgid (0, 0);
}

/* A second Lede, in a session of its own so it cannot hand over to this
 * one, is refused in words and opens nothing; this one keeps saving. */
static void
test_second_lede (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSubprocess) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (LedeArticle) article = NULL;
  g_autofree char *log = g_build_filename (f->dir, "second.log", NULL);
  g_autofree char *said = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gint64 count_before, count_after;
  gint64 id = lede_article_get_id (shown_article (f));

  reader = lede_library_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  count_before = lede_library_count_articles (reader, FALSE, NULL);
  g_clear_object (&reader);

  g_assert_nonnull (g_getenv ("LEDE_TEST_DBUS_CONFIG"));  /* set by tests/xvfb-session.sh */
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/null");
  g_subprocess_launcher_set_child_setup (launcher, own_process_group, NULL, NULL);
  second = g_subprocess_launcher_spawn (launcher, &error, "dbus-run-session", "--config-file",
                                        g_getenv ("LEDE_TEST_DBUS_CONFIG"), "--", g_getenv ("LEDE_EXE"),
                                        "--library", f->path, NULL);
  g_assert_no_error (error);

  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&said, g_free);
      g_file_get_contents (log, &said, NULL, NULL);
      if (said != NULL && strstr (said, IN_USE))
        break;
      lede_test_spin (100);
    }
  /* The whole session: its bus and whatever it started. */
  kill (-atoi (g_subprocess_get_identifier (second)), SIGKILL);
  g_subprocess_wait (second, NULL, NULL);
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, IN_USE));

  type_at_end (f, "\n\nStill saving while a second Lede was turned away.");
  lede_test_wait_until (is_saved, f->window, 10000);

  article = read_from_disk (f, id);
  g_assert_nonnull (strstr (lede_article_get_body (article), "Still saving while a second Lede was turned away."));
  reader = lede_library_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  count_after = lede_library_count_articles (reader, FALSE, NULL);
  g_assert_cmpint (count_after, ==, count_before);
}

/* With no session bus to reach the window by, lede-cli cannot write and
 * says so; reading still works and sees what the window saved. */
static void
test_cli_without_bus (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *story = g_build_filename (f->dir, "lock-keeper.md", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_auto (GStrv) env = g_get_environ ();
  int status = 0;
  gint64 count;

  g_assert_true (g_file_set_contents (story, IMPORTED, -1, NULL));
  type_at_end (f, "\n\nCharlie paragraph, saved before lede-cli ran.");
  lede_test_wait_until (is_saved, f->window, 10000);

  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", f->dir, TRUE);

  g_spawn_sync (NULL, (char **)(const char *[]) { g_getenv ("LEDE_CLI"), "--library", f->path, "import", story, NULL },
                env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, IN_USE));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  reader = lede_library_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  count = lede_library_count_articles (reader, FALSE, NULL);
  g_assert_cmpint (count, ==, 1);

  g_spawn_sync (NULL, (char **)(const char *[]) { g_getenv ("LEDE_CLI"), "--library", f->path, "search", "charlie", NULL },
                env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (out, "Charlie"));
}

/* Open Library on the library already open, by its name or another: the
 * same library, one connection, and the window goes on saving. */
static void
test_reopen_same (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "same.db", NULL);
  LedeLibrary *library = lede_window_get_library (f->window);
  gint64 id = lede_article_get_id (shown_article (f));
  g_autoptr (LedeArticle) article = NULL;

  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_assert_true (lede_window_open_library (f->window, f->path));
  g_assert_true (lede_window_open_library (f->window, link));
  g_assert_true (lede_window_get_library (f->window) == library);

  type_at_end (f, "\n\nDelta paragraph, after opening the library again.");
  lede_test_wait_until (is_saved, f->window, 10000);
  article = read_from_disk (f, id);
  g_assert_nonnull (strstr (lede_article_get_body (article), "Delta paragraph"));
}

/* The open story's own Markdown, its body and lastmod changed. */
static char *
write_newer_copy (Fixture    *f,
                  const char *body)
{
  LedeArticle *shown = shown_article (f);
  g_autoptr (LedeArticle) copy = lede_article_new ();
  g_autoptr (GDateTime) later = g_date_time_new_utc (2031, 5, 1, 8, 0, 0);
  g_autoptr (GBytes) markdown = NULL;
  char *path = g_build_filename (f->dir, "newer.md", NULL);

  lede_article_set_uuid (copy, lede_article_get_uuid (shown));
  lede_article_set_headline (copy, lede_article_get_headline (shown));
  lede_article_set_body (copy, body);
  lede_article_set_updated (copy, later);
  markdown = lede_test_export (copy, NULL, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown), NULL));
  return path;
}

/* An import of a newer copy of the open story: with words typed and not
 * yet saved, they are saved and the import is left out; with nothing
 * unsaved, the story is replaced and the window shows the new text. */
static void
test_import_over_open_story (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = write_newer_copy (f, "The ferry schedule was rewritten on the quay.\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) imported = NULL;
  gint64 id = lede_article_get_id (shown_article (f));
  g_autofree char *text = NULL;

  type_at_end (f, "\n\nFoxtrot paragraph, typed just before an import.");
  g_assert_null (lede_import_file (lede_window_get_library (f->window), path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);
  g_clear_error (&error);
  {
    g_autoptr (LedeArticle) on_disk = read_from_disk (f, id);
    g_assert_nonnull (strstr (lede_article_get_body (on_disk), "Foxtrot paragraph"));
  }

  /* Its lastmod is in the future, so it counts as no later than the file
   * was written here (issue 23): the same file again stays older than the
   * words just saved. Written again a second later, it is newer. */
  g_assert_null (lede_import_file (lede_window_get_library (f->window), path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);
  g_clear_error (&error);
  lede_test_spin (1100);
  g_free (path);
  path = write_newer_copy (f, "The ferry schedule was rewritten on the quay.\n");

  imported = lede_import_file (lede_window_get_library (f->window), path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_article_get_id (imported), ==, id);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, id);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "The ferry schedule was rewritten on the quay.\n");
  /* And the window's next save does not bring the old text back. */
  lede_test_spin (1500);
  {
    g_autoptr (LedeArticle) on_disk = read_from_disk (f, id);
    g_assert_cmpstr (lede_article_get_body (on_disk), ==, "The ferry schedule was rewritten on the quay.\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/lede/sharing/stray-close", GINT_TO_POINTER (STRAY_CLOSE), test_window_and_cli);
  g_test_add_data_func ("/lede/sharing/file-chooser", GINT_TO_POINTER (FILE_CHOOSER), test_window_and_cli);
  g_test_add ("/lede/sharing/second-lede", Fixture, NULL, fixture_setup, test_second_lede, fixture_teardown);
  g_test_add ("/lede/sharing/cli-without-bus", Fixture, NULL, fixture_setup, test_cli_without_bus, fixture_teardown);
  g_test_add ("/lede/sharing/reopen-same", Fixture, NULL, fixture_setup, test_reopen_same, fixture_teardown);
  g_test_add ("/lede/sharing/import-over-open-story", Fixture, NULL, fixture_setup, test_import_over_open_story, fixture_teardown);

  return g_test_run ();
}
