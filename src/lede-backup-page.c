/* lede-backup-page.c: Preferences → Library → Backups. Every row is bound
 * to GSettings; backing up is the window's (win.back-up-library), so
 * there is one way a backup is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-backup-page.h"

struct _LedeBackupPage
{
  AdwPreferencesPage  parent_instance;

  AdwActionRow       *folder_row;
  GtkSwitch          *daily_switch;
  GtkSpinButton      *keep_spin;
  AdwActionRow       *last_row;

  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (LedeBackupPage, lede_backup_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_folder (LedeBackupPage *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (*folder)
    {
      g_autofree char *display = g_filename_display_name (folder);

      adw_action_row_set_subtitle (self->folder_row, display);
    }
  else
    adw_action_row_set_subtitle (self->folder_row, _("None chosen yet"));
  /* Every day, but where? Not until a folder is chosen. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->daily_switch), *folder != '\0');
}

static void
show_last (LedeBackupPage *self)
{
  gint64 last = g_settings_get_int64 (self->settings, "last-backup");
  g_autoptr (GDateTime) utc = last > 0 ? g_date_time_new_from_unix_utc (last) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %X") : NULL;

  adw_action_row_set_subtitle (self->last_row, when ? when : _("Never"));
}

/* The window Preferences belongs to, whose action backs up. */
static GtkWidget *
main_window (LedeBackupPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))) : NULL;
}

static void
on_folder_chosen (GtkNativeDialog *dialog,
                  int              response,
                  LedeBackupPage  *self)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (folder)))
    g_settings_set_string (self->settings, "backup-folder", path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_clicked_cb (LedeBackupPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *current = g_settings_get_string (self->settings, "backup-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Folder for Backups"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  if (*current)
    {
      g_autoptr (GFile) file = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_up_clicked_cb (LedeBackupPage *self)
{
  GtkWidget *window = main_window (self);

  if (window)
    gtk_widget_activate_action (window, "win.back-up-library", NULL);
}

static void
lede_backup_page_dispose (GObject *object)
{
  LedeBackupPage *self = (LedeBackupPage *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_BACKUP_PAGE);
  G_OBJECT_CLASS (lede_backup_page_parent_class)->dispose (object);
}

static void
lede_backup_page_class_init (LedeBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_backup_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LedeBackupPage, daily_switch);
  gtk_widget_class_bind_template_child (widget_class, LedeBackupPage, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, LedeBackupPage, last_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_up_clicked_cb);
}

static void
lede_backup_page_init (LedeBackupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "backup-daily", self->daily_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-keep", self->keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::backup-folder", G_CALLBACK (show_folder), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::last-backup", G_CALLBACK (show_last), self, G_CONNECT_SWAPPED);
  show_folder (self);
  show_last (self);
}

LedeBackupPage *
lede_backup_page_new (void)
{
  return g_object_new (LEDE_TYPE_BACKUP_PAGE, NULL);
}
