/* lede-tag-manager.c: every tag in the library: rename, merge, delete.
 *
 * Renaming a tag to another tag's name (in any case) merges the two. The
 * list is built from the library each time it changes, so it is never
 * stale; it is short enough (tags, not stories) to rebuild whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-tag-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-manager-page.h"

#include "lede-tag-manager.h"

struct _LedeTagManager
{
  AdwWindow      parent_instance;

  LedeLibrary   *library;
  AdwPreferencesGroup *group;
  GPtrArray     *rows;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (LedeTagManager, lede_tag_manager, ADW_TYPE_WINDOW)

static void fill (LedeTagManager *self);

static gboolean
fill_idle (gpointer data)
{
  fill (data);
  return G_SOURCE_REMOVE;
}

static void
report (LedeTagManager *self,
        const GError   *error)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
on_rename (AdwEntryRow    *row,
           LedeTagManager *self)
{
  LedeTag *tag = g_object_get_data (G_OBJECT (row), "lede-tag");
  g_autoptr (GError) error = NULL;

  if (!lede_library_rename_tag (self->library, tag->id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    report (self, error);
  /* Not from inside the row's own signal: the rebuild destroys the row. */
  g_idle_add_full (G_PRIORITY_DEFAULT, fill_idle, g_object_ref (self), g_object_unref);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LedeTagManager   *self)
{
  LedeTag *tag = g_object_get_data (G_OBJECT (dialog), "lede-tag");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "delete") && !lede_library_delete_tag (self->library, tag->id, &error))
    report (self, error);
  fill (self);
}

static void
on_delete (GtkButton      *button,
           LedeTagManager *self)
{
  LedeTag *tag = g_object_get_data (G_OBJECT (button), "lede-tag");
  g_autofree char *heading = g_strdup_printf (_("Delete the Tag “%s”?"), tag->name);
  g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "It is taken off %u story. The story stays.",
                                                        "It is taken off %u stories. The stories stay.",
                                                        tag->n_stories), tag->n_stories);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lede-tag", lede_tag_copy (tag), (GDestroyNotify)lede_tag_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill (LedeTagManager *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tags = lede_library_list_tags (self->library, &error);

  lede_manager_page_clear (self->group, self->rows);
  if (tags == NULL)
    {
      report (self, error);
      return;
    }
  adw_preferences_group_set_description (self->group, tags->len ? NULL : _("No tags yet: add them in a story’s panel (F9)."));

  for (guint i = 0; i < tags->len; i++)
    {
      LedeTag *tag = g_ptr_array_index (tags, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", tag->n_stories),
                                                tag->n_stories);
      g_autofree char *tooltip = g_strdup_printf (_("Delete the tag “%s”"), tag->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), tag->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit the name, then apply; the name of another tag merges the two"));
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);
      g_object_set_data_full (G_OBJECT (row), "lede-tag", lede_tag_copy (tag), (GDestroyNotify)lede_tag_free);
      g_object_set_data_full (G_OBJECT (delete), "lede-tag", lede_tag_copy (tag), (GDestroyNotify)lede_tag_free);
      g_signal_connect (row, "apply", G_CALLBACK (on_rename), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
lede_tag_manager_finalize (GObject *object)
{
  LedeTagManager *self = LEDE_TAG_MANAGER (object);

  g_clear_object (&self->library);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (lede_tag_manager_parent_class)->finalize (object);
}

static void
lede_tag_manager_class_init (LedeTagManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_tag_manager_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_tag_manager_init (LedeTagManager *self)
{
  self->rows = g_ptr_array_new ();
  lede_manager_page_build (ADW_WINDOW (self), _("Tags"), 460, 560, &self->group, &self->toasts);
}

LedeTagManager *
lede_tag_manager_new (GtkWindow   *parent,
                      LedeLibrary *library)
{
  LedeTagManager *self = g_object_new (LEDE_TYPE_TAG_MANAGER, "transient-for", parent, NULL);

  self->library = g_object_ref (library);
  fill (self);
  return self;
}
