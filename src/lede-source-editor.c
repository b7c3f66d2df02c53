/* lede-source-editor.c: a dialog to edit one source, shared by the panel
 * and the sources manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-source-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-source-editor.h"

typedef struct {
  LedeLibrary      *library;
  LedeSource       *source;
  gint64            article_id;
  GtkEditable      *rows[7];
  LedeSourceEdited  edited;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Edit;

enum { NAME, ROLE, ORGANISATION, EMAIL, PHONE, NOTES, STORY_NOTE };

static void
edit_free (gpointer  data,
           GClosure *closure)
{
  Edit *edit = data;

  g_object_unref (edit->library);
  lede_source_free (edit->source);
  if (edit->destroy)
    edit->destroy (edit->user_data);
  g_free (edit);
}

static char *
text_of (Edit *edit,
         guint field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (edit->rows[field])));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Edit             *edit)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = text_of (edit, NAME);
  LedeSource *source = edit->source;

  if (!g_str_equal (response, "save"))
    return;
  if (*name == '\0')
    return;  /* Save is off while the name is empty. */

  g_free (source->name), source->name = g_steal_pointer (&name);
  g_free (source->role), source->role = text_of (edit, ROLE);
  g_free (source->organisation), source->organisation = text_of (edit, ORGANISATION);
  g_free (source->email), source->email = text_of (edit, EMAIL);
  g_free (source->phone), source->phone = text_of (edit, PHONE);
  g_free (source->notes), source->notes = text_of (edit, NOTES);
  if (!lede_library_update_source (edit->library, source, &error) ||
      (edit->article_id > 0 &&
       !lede_library_link_source (edit->library, edit->article_id, source->id,
                                  gtk_editable_get_text (edit->rows[STORY_NOTE]), &error)))
    {
      GtkWidget *failed = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                  _("Could Not Save the Source"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  if (edit->edited)
    edit->edited (edit->user_data);
}

static void
on_name_changed (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

/**
 * lede_source_editor_present:
 * @article_id: the story whose note for this source is edited too, or 0
 * @edited: called after a successful save
 */
void
lede_source_editor_present (GtkWindow        *parent,
                            LedeLibrary      *library,
                            const LedeSource *source,
                            gint64            article_id,
                            LedeSourceEdited  edited,
                            gpointer          user_data,
                            GDestroyNotify    destroy)
{
  static const char *titles[] = {
    N_("Name"), N_("Role or title"), N_("Organisation"), N_("Email (private)"),
    N_("Phone (private)"), N_("Notes (private)"), N_("How this story uses the source"),
  };
  Edit *edit = g_new0 (Edit, 1);
  GtkWidget *dialog, *group;
  const char *values[7];

  edit->library = g_object_ref (library);
  edit->source = lede_source_copy (source);
  edit->article_id = article_id;
  edit->edited = edited;
  edit->user_data = user_data;
  edit->destroy = destroy;
  values[NAME] = source->name;
  values[ROLE] = source->role;
  values[ORGANISATION] = source->organisation;
  values[EMAIL] = source->email;
  values[PHONE] = source->phone;
  values[NOTES] = source->notes;
  values[STORY_NOTE] = source->story_note;

  dialog = adw_message_dialog_new (parent, _("Source"), NULL);
  group = adw_preferences_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row;

      if (i == STORY_NOTE && article_id <= 0)
        break;
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[i]));
      gtk_editable_set_text (GTK_EDITABLE (row), values[i] ? values[i] : "");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      edit->rows[i] = GTK_EDITABLE (row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (edit->rows[NAME], "changed", G_CALLBACK (on_name_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), edit, edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
