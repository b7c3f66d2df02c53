/* lede-source-manager.c: every source in the library, with the stories
 * that cite it: edit or delete a source from one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-source-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-manager-page.h"

#include "lede-source-editor.h"
#include "lede-source-manager.h"

struct _LedeSourceManager
{
  AdwWindow            parent_instance;

  LedeLibrary         *library;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  AdwToastOverlay     *toasts;
};

G_DEFINE_FINAL_TYPE (LedeSourceManager, lede_source_manager, ADW_TYPE_WINDOW)

static void fill (LedeSourceManager *self);

static void
on_edit (GtkButton         *button,
         LedeSourceManager *self)
{
  lede_source_editor_present (GTK_WINDOW (self), self->library, g_object_get_data (G_OBJECT (button), "lede-source"),
                              0, (LedeSourceEdited)fill, g_object_ref (self), g_object_unref);
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    LedeSourceManager *self)
{
  LedeSource *source = g_object_get_data (G_OBJECT (dialog), "lede-source");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "delete") && !lede_library_delete_source (self->library, source->id, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  fill (self);
}

static void
on_delete (GtkButton         *button,
           LedeSourceManager *self)
{
  LedeSource *source = g_object_get_data (G_OBJECT (button), "lede-source");
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), source->name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("The source and its private notes go, and so do its links to "
                                                "stories. The stories stay."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lede-source", lede_source_copy (source), (GDestroyNotify)lede_source_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
suffix_button (const char *icon,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
fill (LedeSourceManager *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sources = lede_library_list_sources (self->library, &error);

  lede_manager_page_clear (self->group, self->rows);
  if (sources == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  adw_preferences_group_set_description (self->group, sources->len ? NULL : _("No sources yet: add them in a story’s panel (F9)."));

  for (guint i = 0; i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);
      g_auto (GStrv) stories = lede_library_list_source_stories (self->library, source->id, NULL);
      guint n = stories ? g_strv_length (stories) : 0;
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *cited = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "cited by %u story", "cited by %u stories", n), n);
      g_autofree char *subtitle = *source->role || *source->organisation
        ? g_strdup_printf ("%s%s%s · %s", source->role, *source->role && *source->organisation ? ", " : "",
                           source->organisation, cited)
        : g_strdup (cited);
      g_autofree char *edit_tip = g_strdup_printf (_("Edit “%s”"), source->name);
      g_autofree char *delete_tip = g_strdup_printf (_("Delete “%s”"), source->name);
      GtkWidget *edit = suffix_button ("document-edit-symbolic", edit_tip);
      GtkWidget *delete = suffix_button ("user-trash-symbolic", delete_tip);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (edit), "lede-source", lede_source_copy (source), (GDestroyNotify)lede_source_free);
      g_object_set_data_full (G_OBJECT (delete), "lede-source", lede_source_copy (source), (GDestroyNotify)lede_source_free);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);
      for (guint j = 0; j < n; j++)
        {
          GtkWidget *story = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (story), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (story), stories[j]);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), story);
        }
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
lede_source_manager_finalize (GObject *object)
{
  LedeSourceManager *self = LEDE_SOURCE_MANAGER (object);

  g_clear_object (&self->library);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (lede_source_manager_parent_class)->finalize (object);
}

static void
lede_source_manager_class_init (LedeSourceManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_source_manager_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_source_manager_init (LedeSourceManager *self)
{
  self->rows = g_ptr_array_new ();
  lede_manager_page_build (ADW_WINDOW (self), _("Sources"), 520, 600, &self->group, &self->toasts);
}

LedeSourceManager *
lede_source_manager_new (GtkWindow   *parent,
                         LedeLibrary *library)
{
  LedeSourceManager *self = g_object_new (LEDE_TYPE_SOURCE_MANAGER, "transient-for", parent, NULL);

  self->library = g_object_ref (library);
  fill (self);
  return self;
}
