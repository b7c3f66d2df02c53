/* lede-wire-page.c: Preferences → Wire: the folders Lede watches for wire
 * copy, kept in GSettings (wire-folders), so every window's watcher
 * follows a change at once (lede-window-inbox.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wire-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-wire-page.h"

struct _LedeWirePage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *folders_group;
  GtkWidget           *none_row;
  GPtrArray           *rows;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (LedeWirePage, lede_wire_page, ADW_TYPE_PREFERENCES_PAGE)

static void
on_remove (GtkButton    *button,
           LedeWirePage *self)
{
  lede_wire_page_remove_folder (self, g_object_get_data (G_OBJECT (button), "lede-folder"));
}

static void
show_folders (LedeWirePage *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "wire-folders");

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->folders_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; folders[i]; i++)
    {
      g_autofree char *display = g_filename_display_name (folders[i]);
      g_autofree char *name = g_path_get_basename (folders[i]);
      g_autofree char *display_name = g_filename_display_name (name);
      g_autofree char *label = g_strdup_printf (_("Stop Watching “%s”"), display_name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "lede-folder", g_strdup (folders[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->folders_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->none_row, folders[0] == NULL);
}

/**
 * lede_wire_page_add_folder:
 *
 * Watches @path too (what the folder chooser gives), once.
 */
void
lede_wire_page_add_folder (LedeWirePage *self,
                           const char   *path)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "wire-folders");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) changed = NULL;

  g_return_if_fail (LEDE_IS_WIRE_PAGE (self));
  g_return_if_fail (path != NULL && g_path_is_absolute (path));

  if (g_strv_contains ((const char * const *)folders, path))
    return;
  g_strv_builder_addv (builder, (const char **)folders);
  g_strv_builder_add (builder, path);
  changed = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "wire-folders", (const char * const *)changed);
}

void
lede_wire_page_remove_folder (LedeWirePage *self,
                              const char   *path)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "wire-folders");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) changed = NULL;

  g_return_if_fail (LEDE_IS_WIRE_PAGE (self));

  for (guint i = 0; folders[i]; i++)
    if (g_strcmp0 (folders[i], path) != 0)
      g_strv_builder_add (builder, folders[i]);
  changed = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "wire-folders", (const char * const *)changed);
}

static void
on_folder_chosen (GtkNativeDialog *dialog,
                  int              response,
                  LedeWirePage    *self)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (folder)))
    lede_wire_page_add_folder (self, path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_clicked_cb (LedeWirePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Wire Folder to Watch"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Watch"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lede_wire_page_dispose (GObject *object)
{
  LedeWirePage *self = LEDE_WIRE_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_WIRE_PAGE);
  G_OBJECT_CLASS (lede_wire_page_parent_class)->dispose (object);
}

static void
lede_wire_page_class_init (LedeWirePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_wire_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-wire-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeWirePage, folders_group);
  gtk_widget_class_bind_template_child (widget_class, LedeWirePage, none_row);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lede_wire_page_init (LedeWirePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::wire-folders", G_CALLBACK (show_folders), self, G_CONNECT_SWAPPED);
  show_folders (self);
}

LedeWirePage *
lede_wire_page_new (void)
{
  return g_object_new (LEDE_TYPE_WIRE_PAGE, NULL);
}
