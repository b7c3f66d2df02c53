/* lede-window-library.c: the library the window shows: opening one (choosers,
 * errors that are never a dead end, the check a moment later), and where
 * the writer was in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-sample-story.h"
#include "lede-window-private.h"

/* Closing from inside a dialog's response would destroy the dialog while
 * it is still emitting; let it finish first. */
static gboolean
close_window_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_without_library (LedeWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_idle, g_object_ref (self), g_object_unref);
}

static void
on_library_dialog_response (GtkNativeDialog *dialog,
                            int              response,
                            LedeWindow      *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (file)))
    lede_window_load_library (self, path);
  else if (self->library == NULL)
    close_without_library (self);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_library (LedeWindow *self,
                gboolean    create)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Library") : _("Open Library"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Lede libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.lede");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("library.db"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_library_dialog_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_library ((LedeWindow *)widget, FALSE);
}

static void
new_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_library ((LedeWindow *)widget, TRUE);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        LedeWindow       *self)
{
  if (g_str_equal (response, "open"))
    choose_library (self, FALSE);
  else if (g_str_equal (response, "create"))
    choose_library (self, TRUE);
  else if (self->library == NULL)
    close_without_library (self);
}

/* An import is about to compare a copy with the open story: what is typed
 * counts, so it is saved first, and says it was (then the library's copy is
 * the newest, however close the clocks). */
static gboolean
on_save_wanted (LedeWindow *self,
                gint64      id)
{
  LedeArticle *shown = lede_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;
  gboolean unsaved;

  if (shown == NULL || lede_article_get_id (shown) != id)
    return FALSE;
  unsaved = lede_autosave_get_state (self->autosave) != LEDE_SAVE_STATE_SAVED;
  if (!lede_autosave_flush (self->autosave, &error))
    g_warning ("Could not save the open story before an import: %s", error->message);
  /* Unsaved, even after a failed save: it must not be replaced. */
  return unsaved;
}

/* A library that cannot be opened is never a dead end: the user can pick
 * another, make a new one, or leave. */
static void
show_open_error (LedeWindow   *self,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Library"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", self->library ? _("_Cancel") : _("_Quit"),
                                    "create", _("_New Library…"),
                                    "open", _("_Open Library…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_library_message (LedeWindow *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window, if it is still there: a check must not keep it alive. */
static LedeWindow *
take_window (GWeakRef *ref)
{
  LedeWindow *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static GWeakRef *
weak_window (LedeWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static void
on_library_checked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LedeWindow) self = take_window (user_data);
  g_autoptr (GError) error = NULL;

  if (!lede_library_check_finish (LEDE_LIBRARY (source), result, &error))
    {
      /* Stopped: another library opened, or the window closed. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self != NULL && self->library == LEDE_LIBRARY (source) && gtk_widget_get_visible (GTK_WIDGET (self)))
        show_library_message (self, _("The Library Is Damaged"), error->message);
      return;
    }
  /* Whole: tidy steps held back after a crash may run now. */
  if (self != NULL && self->library == LEDE_LIBRARY (source))
    lede_window_tidy_later (self);
}

/* Every page of the library is read once, on a thread, a moment after the
 * window shows (a large library must not hold up the first frame), unless
 * it was found whole within the day: a damaged one is then written no
 * more. */
static void
check_library_later (gpointer user_data)
{
  g_autoptr (LedeWindow) self = take_window (user_data);

  if (self != NULL && self->library != NULL && gtk_widget_get_visible (GTK_WIDGET (self)) &&
      lede_library_needs_check (self->library))
    {
      lede_window_stop_check (self);
      self->check_cancellable = g_cancellable_new ();
      lede_library_check_async (self->library, self->check_cancellable, on_library_checked, weak_window (self));
    }
}

/**
 * lede_window_stop_check:
 *
 * Stops the library's background check (minutes at a million stories): it
 * holds the library open while it reads.
 */
void
lede_window_stop_check (LedeWindow *self)
{
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

/* The libraries whose places are remembered, the latest first. */
#define MAX_PLACES 20

/* Where the writer was in this library: the open story and the cursor in
 * it, so the next start puts them back there, not at the top of the
 * newest story. */
void
lede_window_remember_place (LedeWindow *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (self->editor);
  g_autoptr (GVariant) places = g_settings_get_value (self->settings, "places");
  const char *path = self->library ? lede_library_get_path (self->library) : NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other, *uuid;
  GtkTextIter cursor;
  int offset;
  guint kept = 1;

  /* GSettings keeps text: a path that is not UTF-8 is not remembered. */
  if (article == NULL || path == NULL || !g_utf8_validate (path, -1, NULL))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(si)}"));
  g_variant_builder_add (&builder, "{s(si)}", path, lede_article_get_uuid (article), gtk_text_iter_get_offset (&cursor));
  g_variant_iter_init (&iter, places);
  while (g_variant_iter_next (&iter, "{&s(&si)}", &other, &uuid, &offset))
    if (!g_str_equal (other, path) && kept++ < MAX_PLACES)
      g_variant_builder_add (&builder, "{s(si)}", other, uuid, offset);
  g_settings_set_value (self->settings, "places", g_variant_builder_end (&builder));
}

/* Back where the writer was, when that story is still in this library. */
static gboolean
return_to_place (LedeWindow *self)
{
  g_autoptr (GVariant) places = g_settings_get_value (self->settings, "places");
  g_autoptr (LedeArticle) article = NULL;
  const char *uuid;
  int offset;

  if (!g_utf8_validate (lede_library_get_path (self->library), -1, NULL) ||
      !g_variant_lookup (places, lede_library_get_path (self->library), "(&si)", &uuid, &offset) ||
      !(article = lede_library_get_article_by_uuid (self->library, uuid, NULL)) ||
      lede_article_get_trashed (article) != NULL ||
      !lede_window_select_story (self, lede_article_get_id (article)))
    return FALSE;
  lede_editor_show_offset (self->editor, MAX (0, offset));
  return TRUE;
}

/**
 * lede_window_load_library:
 *
 * Shows the library at @path in this window, adding the sample story to a
 * new one. On failure a dialog says why and offers another library; the
 * library already open (if any) stays open.
 *
 * Returns: whether the library was opened
 */
gboolean
lede_window_load_library (LedeWindow *self,
                          const char *path)
{
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = NULL;
  GtkApplication *app;

  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so the library was not changed."));
      return FALSE;
    }
  lede_window_remember_place (self);

  if (!(library = lede_library_open (path, &error)))
    {
      g_message ("%s", error->message);
      show_open_error (self, error);
      return FALSE;
    }

  /* The same file again (Lede keeps one connection a library): here,
   * nothing to do; in another window, that window comes forward. */
  if (library == self->library)
    return TRUE;
  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    for (GList *l = gtk_application_get_windows (app); l; l = l->next)
      /* Another window of this type, asked without a call into lede-window.c. */
      if (G_OBJECT_TYPE (l->data) == G_OBJECT_TYPE (self) && l->data != self &&
          ((LedeWindow *)l->data)->library == library)
        {
          gtk_window_present (l->data);
          return FALSE;
        }

  if (lede_library_is_new (library))
    {
      g_autoptr (LedeArticle) sample = lede_sample_story_new ();

      if (!lede_library_create_article (library, sample, &error))
        g_warning ("Could not add the sample story: %s", error->message);
    }

  lede_window_stop_batch (self);
  lede_window_reset_search (self);
  lede_window_show_article (self, NULL);
  lede_window_forget_asked (self);
  lede_window_stop_check (self);
  lede_window_stop_tidy (self);
  g_set_object (&self->library, library);
  lede_metadata_panel_set_library (self->metadata_panel, library);
  lede_preview_pane_set_library (self->preview, library);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (lede_window_fill_tag_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "save-wanted", G_CALLBACK (on_save_wanted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (lede_window_search_again), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (lede_window_update_trash_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (lede_window_tidy_later), self, G_CONNECT_SWAPPED);
  /* Opened, the library is about to be worked in: tidying waits its rest. */
  self->last_edit_us = g_get_monotonic_time ();
  lede_window_tidy_later (self);
  gtk_drop_down_set_selected (self->status_filter, 0);
  g_clear_object (&self->articles);
  self->articles = lede_article_list_new (library, FALSE);
  {
    g_autofree char *mine = lede_window_dup_mine (self);
    g_autoptr (GError) list_error = NULL;

    if (mine != NULL && !lede_article_list_set_assignee (self->articles, mine, &list_error))
      lede_window_show_toast (self, list_error->message);
  }
  lede_window_apply_story_order (self);
  lede_window_watch_selection (self, library);
  lede_window_watch_house_style (self, library);
  lede_window_watch_inbox (self, library);
  lede_window_watch_outbox (self, library);
  lede_window_fill_tag_filter (self);
  gtk_drop_down_set_selected (self->tag_filter, 0);

  lede_window_update_empty_page (self);
  lede_window_update_trash_button (self);
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->library_title, basename);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-story", TRUE);

  if (lede_library_get_notice (library) != NULL)
    show_library_message (self, _("A Stray File Was Set Aside"), lede_library_get_notice (library));
  g_timeout_add_once (2000, check_library_later, weak_window (self));

  /* Autoselect has already picked the newest story; unless the writer was
   * elsewhere, show it ready to type. */
  if (!return_to_place (self))
    lede_editor_focus (self->editor);
  return TRUE;
}

void
lede_window_class_add_library (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
}
