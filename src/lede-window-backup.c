/* lede-window-backup.c: backups from the window — Back Up Library…, the
 * daily backup while Lede runs, and Restore from Backup…, which opens a
 * copy of a backup and never writes over the library.
 *
 * The backup itself (lede-backup.c) is a snapshot from a reader's
 * connection on a worker thread: the writer goes on autosaving. What is
 * typed is saved first, so the backup has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-backup.h"
#include "lede-window-private.h"

/* A daily backup is looked for this often, and first this long after the
 * window opens (never in the way of the first frame). */
#define CHECK_EVERY_SECONDS (60 * 60)
#define FIRST_CHECK_SECONDS 60
#define DAY_SECONDS         (24 * 60 * 60)

typedef struct {
  char     *library_path;
  char     *folder;
  guint     keep;
  gboolean  asked;       /* by the writer: say how it went, either way */
  GApplication *application;  /* held, so quitting waits for the backup */
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->library_path);
  g_free (job->folder);
  g_clear_object (&job->application);
  g_free (job);
}

static void
back_up_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;
  LedeBackupSummary *summary = g_new0 (LedeBackupSummary, 1);
  g_autofree char *path = lede_backup_make (job->library_path, job->folder, job->keep, cancellable, &error);

  if (path == NULL || !lede_backup_verify (path, summary, &error))
    {
      g_free (summary);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, summary, g_free);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LedeWindow *self = (LedeWindow *)source;
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree LedeBackupSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  self->backing_up = FALSE;
  if (job->application)
    g_application_release (job->application);
  if (self->settings == NULL)  /* the window went meanwhile */
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-library", TRUE);
  if (summary == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Backup Was Made"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  g_settings_set_int64 (self->settings, "last-backup", g_get_real_time () / G_USEC_PER_SEC);
  if (job->asked)
    {
      g_autofree char *size = g_format_size (summary->bytes);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Backed up and checked: %u story, %s",
                                                             "Backed up and checked: %u stories, %s", summary->stories),
                                                summary->stories, size);

      lede_window_show_toast (self, title);
    }
}

static void
start_backup (LedeWindow *self,
              gboolean    asked)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  BackupJob *job;

  if (self->library == NULL || self->backing_up)
    return;
  /* What is typed goes into the backup. */
  if (!lede_autosave_flush (self->autosave, &error))
    g_warning ("Could not save the open story before a backup: %s", error->message);

  job = g_new0 (BackupJob, 1);
  job->library_path = g_strdup (lede_library_get_path (self->library));
  job->folder = g_settings_get_string (self->settings, "backup-folder");
  job->keep = g_settings_get_uint (self->settings, "backup-keep");
  job->asked = asked;
  if (gtk_window_get_application (GTK_WINDOW (self)))
    {
      job->application = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (job->application);
    }
  self->backing_up = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-library", FALSE);
  if (asked)
    lede_window_show_toast (self, _("Backing up the library…"));

  task = g_task_new (self, NULL, on_backed_up, NULL);
  g_task_set_source_tag (task, start_backup);
  g_task_set_task_data (task, job, (GDestroyNotify)backup_job_free);
  g_task_run_in_thread (task, back_up_thread);
}

static void
on_folder_chosen (GtkNativeDialog *dialog,
                  int              response,
                  LedeWindow      *self)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (folder)))
    {
      g_settings_set_string (self->settings, "backup-folder", path);
      start_backup (self, TRUE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* No folder chosen yet: ask for one, then back up. */
static void
choose_folder_then_back_up (LedeWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Folder for Backups"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (*folder == '\0')
    choose_folder_then_back_up (self);
  else
    start_backup (self, TRUE);
}

/* Once a day while Lede runs, when the writer asked for it. */
static gboolean
check_daily (gpointer data)
{
  LedeWindow *self = data;
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  gint64 last = g_settings_get_int64 (self->settings, "last-backup");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_settings_get_boolean (self->settings, "backup-daily") && *folder != '\0' &&
      (last <= 0 || now - last >= DAY_SECONDS || now < last))
    start_backup (self, FALSE);
  return G_SOURCE_CONTINUE;
}

/* The first look comes early; then one an hour. */
static gboolean
first_check (gpointer data)
{
  LedeWindow *self = data;

  check_daily (self);
  self->backup_timer = g_timeout_add_seconds (CHECK_EVERY_SECONDS, check_daily, self);
  return G_SOURCE_REMOVE;
}

/* The library a backup restores to: beside the current one, named after
 * the backup, never an existing file. */
static char *
dup_restored_path (LedeWindow *self,
                   const char *backup)
{
  g_autofree char *dir = g_path_get_dirname (lede_library_get_path (self->library));
  g_autofree char *base = g_path_get_basename (backup);
  g_autofree char *stem = g_strndup (base, g_str_has_suffix (base, ".db") ? strlen (base) - 3 : strlen (base));

  for (guint i = 1;; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s-restored.db", stem)
                                     : g_strdup_printf ("%s-restored-%u.db", stem, i);
      char *path = g_build_filename (dir, name, NULL);
      g_autofree char *photos = g_strconcat (path, "-photos", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (photos, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/**
 * lede_window_restore_backup:
 *
 * Proves @backup, copies it beside the open library and opens the copy;
 * the library that was open is left as it was. Returns the copy's path,
 * or %NULL after saying why.
 */
char *
lede_window_restore_backup (LedeWindow *self,
                            const char *backup)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *restored = dup_restored_path (self, backup);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!lede_backup_copy_to (backup, restored, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Backup Was Not Restored"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }
  if (!lede_window_load_library (self, restored))
    return NULL;
  name = g_filename_display_basename (restored);
  title = g_strdup_printf (_("Opened a copy of the backup as “%s”; your library is unchanged"), name);
  lede_window_show_toast (self, title);
  return g_steal_pointer (&restored);
}

static void
on_backup_chosen (GtkNativeDialog *dialog,
                  int              response,
                  LedeWindow      *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *restored = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (file)))
    restored = lede_window_restore_backup (self, path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->library == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Restore a Copy"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Lede backups and libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (*folder)
    {
      g_autoptr (GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lede_window_class_add_backup (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back-up-library", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_action);
}

void
lede_window_init_backup (LedeWindow *self)
{
  /* Tests look sooner than a person's minute. */
  const char *first = g_getenv ("LEDE_BACKUP_FIRST_CHECK_SECONDS");
  guint seconds = first ? (guint)g_ascii_strtoull (first, NULL, 10) : FIRST_CHECK_SECONDS;

  self->backup_timer = g_timeout_add_seconds (seconds, first_check, self);
}

void
lede_window_dispose_backup (LedeWindow *self)
{
  g_clear_handle_id (&self->backup_timer, g_source_remove);
}
