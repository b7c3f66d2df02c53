/* test-backup.c: the library's upkeep from the real window under Xvfb —
 * Back Up Library… with what was just typed, the daily backup while Lede
 * runs, Restore from Backup… opening a copy and leaving the library alone,
 * Preferences → Library, and the search index tidied while the writer
 * rests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-backup.h"
#include "lede-backup-page.h"
#include "lede-preferences-window.h"
#include "lede-window-fixture.h"
#include "lede-window-private.h"
#include "../lede-test-old-library.h"

static GSettings *
settings (void)
{
  return g_settings_new (APP_ID);
}

static gboolean
has_backup (gpointer data)
{
  g_autoptr (GSettings) s = settings ();

  return g_settings_get_int64 (s, "last-backup") > 0;
}

static char *
backup_folder (Fixture *f)
{
  return g_build_filename (f->dir, "backups", NULL);
}

static void
reset_settings (void)
{
  g_autoptr (GSettings) s = settings ();

  g_settings_reset (s, "backup-folder");
  g_settings_reset (s, "backup-daily");
  g_settings_reset (s, "backup-keep");
  g_settings_reset (s, "last-backup");
}

/* What was typed a moment ago is in the backup, which is proven. */
static void
test_back_up_now (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) s = settings ();
  g_autofree char *folder = backup_folder (f);
  g_autofree char *restored = g_build_filename (f->dir, "check.db", NULL);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (LedeLibrary) copy = NULL;
  g_autoptr (LedeArticle) article = NULL;
  gint64 id = lede_article_get_id (shown_article (f));

  reset_settings ();
  g_settings_set_string (s, "backup-folder", folder);
  type_at_end (f, "\nTyped a moment before the backup.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-up-library", NULL));
  lede_test_wait_until (has_backup, NULL, 10000);

  backups = lede_backup_list (f->path, folder);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (lede_backup_verify (g_ptr_array_index (backups, 0), NULL, NULL));
  g_assert_true (lede_backup_copy_to (g_ptr_array_index (backups, 0), restored, NULL));
  copy = lede_library_open_for_reading (restored, NULL);
  article = lede_library_get_article (copy, id, NULL);
  g_assert_true (g_str_has_suffix (lede_article_get_body (article), "Typed a moment before the backup.\n"));
  reset_settings ();
}

/* With a daily backup asked for and none made yet, the window makes one
 * by itself (the first look comes after LEDE_BACKUP_FIRST_CHECK_SECONDS). */
static void
test_daily (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "daily", NULL);
  g_autoptr (GSettings) s = settings ();
  g_autoptr (GPtrArray) backups = NULL;
  LedeWindow *window;

  reset_settings ();
  g_settings_set_string (s, "backup-folder", folder);
  g_settings_set_boolean (s, "backup-daily", TRUE);
  g_setenv ("LEDE_BACKUP_FIRST_CHECK_SECONDS", "1", TRUE);
  window = lede_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lede_window_open_library (window, path));
  lede_test_wait_until (has_backup, NULL, 10000);
  backups = lede_backup_list (path, folder);
  g_assert_cmpuint (backups->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEDE_BACKUP_FIRST_CHECK_SECONDS");
  reset_settings ();
  lede_test_rmdir (dir);
}

/* Restoring opens a copy beside the library; the library and the backup
 * stay as they were, and a damaged backup is refused in words. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = backup_folder (f);
  g_autofree char *backup = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *name = NULL;
  const char *headline = lede_article_get_headline (shown_article (f));
  g_autofree char *kept_headline = g_strdup (headline);

  lede_autosave_flush (lede_window_get_autosave (f->window), NULL);
  backup = lede_backup_make (f->path, folder, 7, NULL, NULL);
  g_assert_nonnull (backup);
  before = lede_test_checksum_file (backup);

  restored = lede_window_restore_backup (f->window, backup);
  g_assert_nonnull (restored);
  name = g_path_get_basename (restored);
  g_assert_true (g_str_has_suffix (name, "-restored.db"));
  g_assert_cmpstr (lede_window_get_library_path (f->window), ==, restored);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, kept_headline);
  /* The backup is never written; the library holds what it held. */
  after = lede_test_checksum_file (backup);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (lede_backup_verify (backup, NULL, NULL));
  {
    g_autoptr (LedeLibrary) library = lede_library_open_for_reading (f->path, NULL);
    g_autoptr (GArray) ids = lede_library_list_ids (library, FALSE, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article (library, g_array_index (ids, gint64, 0), NULL);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpstr (lede_article_get_headline (article), ==, kept_headline);
  }

  /* A second restore of the same backup gets a name of its own. */
  {
    g_autofree char *again = lede_window_restore_backup (f->window, backup);

    g_assert_nonnull (again);
    g_assert_cmpstr (again, !=, restored);
  }

  g_assert_true (g_file_set_contents (damaged, "not a library", -1, NULL));
  g_assert_null (lede_window_restore_backup (f->window, damaged));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) s = settings ();
  g_autofree char *folder = backup_folder (f);
  LedePreferencesWindow *preferences;
  AdwActionRow *folder_row, *last_row;
  GtkSwitch *daily;

  reset_settings ();
  preferences = lede_preferences_window_new (GTK_WINDOW (f->window), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  lede_test_spin (100);
  {
    LedeBackupPage *page = NULL;
    GtkWidget *found = GTK_WIDGET (preferences);

    /* The page is the window's own child of its type. */
    for (GtkWidget *w = gtk_widget_get_first_child (found); w && page == NULL; )
      {
        if (LEDE_IS_BACKUP_PAGE (w))
          page = LEDE_BACKUP_PAGE (w);
        else if (gtk_widget_get_first_child (w))
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (page);
    folder_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_BACKUP_PAGE, "folder_row"));
    last_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_BACKUP_PAGE, "last_row"));
    daily = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_BACKUP_PAGE, "daily_switch"));
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (last_row), ==, "Never");
  g_settings_set_string (s, "backup-folder", folder);
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, folder);
  gtk_switch_set_active (daily, TRUE);
  g_assert_true (g_settings_get_boolean (s, "backup-daily"));

  /* Back Up Now is the window's action. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-up-library", NULL);
  lede_test_wait_until (has_backup, NULL, 10000);
  g_assert_cmpstr (adw_action_row_get_subtitle (last_row), !=, "Never");
  gtk_window_destroy (GTK_WINDOW (preferences));
  reset_settings ();
}

static gboolean
tidy_finished (gpointer data)
{
  return ((LedeWindow *)data)->tidy_timer == 0;
}

static guint
count_hits (const char *path)
{
  g_autoptr (LedeLibrary) library = lede_library_open_for_reading (path, NULL);
  g_autoptr (GPtrArray) hits = lede_library_search (library, "harbour", 500, NULL);

  return hits->len;
}

/* Stories added one by one leave many small index segments; a window left
 * alone merges them in steps and stops, and search answers the same. */
static void
test_tidy_when_idle (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  LedeWindow *window;
  guint before;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);

    for (guint i = 0; i < 300; i++)
      {
        g_autoptr (LedeArticle) article = lede_article_new ();
        g_autofree char *headline = g_strdup_printf ("Harbour story %u", i);

        lede_article_set_headline (article, headline);
        lede_article_set_body (article, "The harbour wall was mended.\n");
        g_assert_true (lede_library_create_article (library, article, NULL));
      }
  }
  before = count_hits (path);
  g_setenv ("LEDE_TIDY_IDLE_SECONDS", "0", TRUE);
  window = lede_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lede_window_open_library (window, path));
  g_assert_cmpuint (window->tidy_timer, !=, 0);
  lede_test_wait_until (tidy_finished, window, 20000);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEDE_TIDY_IDLE_SECONDS");
  g_assert_cmpuint (count_hits (path), ==, before);
  lede_test_rmdir (dir);
}

static gboolean
reindex_finished (gpointer data)
{
  LedeWindow *window = data;

  return lede_library_get_reindex_progress (window->library) < 0 &&
         !gtk_widget_get_visible (GTK_WIDGET (window->reindex_bar));
}

/* A library from before prefix indexes: the window rebuilds its search
 * index in quick steps while the writer rests, the sidebar showing how far
 * it has got; search answers before, during and after. */
static void
test_reindex_when_idle (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  LedeWindow *window;
  double shown;

  lede_test_make_schema_15 (path, 20000);
  g_setenv ("LEDE_TIDY_IDLE_SECONDS", "0", TRUE);
  window = lede_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lede_window_open_library (window, path));
  g_assert_true (window->tidy_quick);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->reindex_bar)));
  shown = gtk_progress_bar_get_fraction (window->reindex_bar);
  g_assert_cmpfloat (shown, <, 1);
  g_assert_nonnull (strstr (gtk_progress_bar_get_text (window->reindex_bar), "% ready"));
  g_assert_cmpuint (count_hits (path), ==, 500);

  lede_test_wait_until (reindex_finished, window, 60000);
  g_assert_false (window->tidy_quick);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEDE_TIDY_IDLE_SECONDS");
  g_assert_cmpuint (count_hits (path), ==, 500);
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lede/ui-backup/back-up-now", Fixture, NULL, fixture_setup, test_back_up_now, fixture_teardown);
  g_test_add_func ("/lede/ui-backup/daily", test_daily);
  g_test_add ("/lede/ui-backup/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/lede/ui-backup/preferences", Fixture, NULL, fixture_setup, test_preferences, fixture_teardown);
  g_test_add_func ("/lede/ui-backup/tidy-when-idle", test_tidy_when_idle);
  g_test_add_func ("/lede/ui-backup/reindex-when-idle", test_reindex_when_idle);
  return g_test_run ();
}
