/* lede-window.c: a library's stories beside the one being written.
 *
 * The window wires its panes together: the sidebar's selection decides
 * what the editor shows, and the editor's changes feed the autosave, which
 * writes through the library. Panes know nothing of each other.
 *
 * This file is the type: its template, its parts set up and taken down,
 * and its public functions. The parts (lede-window-*.c) share the struct
 * through lede-window-private.h and call only downward, never back here:
 *
 *   backup  →  library, interchange  →  search  →  selection, sidebar  →  story  →  history, layout  →  tidy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-editor.h"
#include "lede-metadata-panel.h"
#include "lede-preferences-window.h"
#include "lede-preview-pane.h"
#include "lede-window.h"
#include "lede-window-private.h"

G_DEFINE_FINAL_TYPE (LedeWindow, lede_window, ADW_TYPE_APPLICATION_WINDOW)

static void
lede_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GTK_WIDGET_CLASS (lede_window_parent_class)->size_allocate (widget, width, height, baseline);
  lede_window_layout_allocated ((LedeWindow *)widget);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (lede_preferences_window_new (GTK_WINDOW (widget), LEDE_WINDOW (widget)->library)));
}

/* The shortcuts window is built the first time it is asked for: GTK
 * builds one with every window from gtk/help-overlay.ui, a few
 * milliseconds before the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (LEDE_RESOURCE_PATH "/lede-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/**
 * lede_window_open_library:
 *
 * Shows the library at @path in this window, adding the sample story to a
 * new one. On failure a dialog says why and offers another library; the
 * library already open (if any) stays open.
 *
 * Returns: whether the library was opened
 */
gboolean
lede_window_open_library (LedeWindow *self,
                          const char *path)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return lede_window_load_library (self, path);
}

/**
 * lede_window_select_article:
 *
 * Opens story @id from the sidebar.
 *
 * Returns: whether it is in the sidebar's list
 */
gboolean
lede_window_select_article (LedeWindow *self,
                            gint64      id)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  return lede_window_select_story (self, id);
}

/**
 * lede_window_import_files:
 * @files: (element-type GFile): Markdown and plain-text files
 *
 * Imports @files into the open library, then shows the last one and says
 * how many went in and why any did not ("imported" is emitted at the end).
 * A newer copy of a story the library has updates it; the same or an older
 * copy is left out, and the report offers to import those as new stories.
 */
void
lede_window_import_files (LedeWindow *self,
                          GListModel *files)
{
  g_return_if_fail (LEDE_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  lede_window_import_model (self, files);
}

/**
 * lede_window_insert_photo_files:
 *
 * What Insert Photo… does once its files are chosen: each is read, added
 * to the library and the story, and its line put in at the cursor (the
 * tests call it, as they cannot drive the file chooser's portal).
 */
void
lede_window_insert_photo_files (LedeWindow *self,
                                GListModel *files)
{
  g_return_if_fail (LEDE_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  lede_window_add_photo_files (self, files);
}

/**
 * lede_window_is_adding_photos:
 *
 * Returns: whether a picture is still being read to go in the body
 */
gboolean
lede_window_is_adding_photos (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  return self->photos_reading > 0;
}

/**
 * lede_window_is_focus_mode:
 *
 * Returns: whether F11's focus mode is on
 */
gboolean
lede_window_is_focus_mode (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  return self->focus_mode;
}

const char *
lede_window_get_library_path (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->library ? lede_library_get_path (self->library) : NULL;
}

LedeLibrary *
lede_window_get_library (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->library;
}

LedeAutosave *
lede_window_get_autosave (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->autosave;
}

static void
on_close_anyway_response (AdwMessageDialog *dialog,
                          const char       *response,
                          LedeWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      lede_autosave_reset (self->autosave);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* A clean close loses nothing: the story is written first, and if that
 * fails the window stays open unless the user decides otherwise. */
static gboolean
lede_window_close_request (GtkWindow *window)
{
  LedeWindow *self = (LedeWindow *)window;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (lede_autosave_flush (self->autosave, &error))
    {
      lede_window_remember_place (self);
      lede_window_leave_story (self);
      return GTK_WINDOW_CLASS (lede_window_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (window, _("The Story Is Not Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. If you close the window now, the latest changes are lost."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "discard", _("_Close and Lose Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_anyway_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
lede_window_dispose (GObject *object)
{
  LedeWindow *self = (LedeWindow *)object;

  /* Its end reads the lists again: before they go. */
  lede_window_stop_batch (self);
  /* Settings actions outlive a closed window unless taken off it: a later
   * settings change would reach its dead action group. The preview's
   * property action holds the preview, and the preview the library: left
   * on, the library was never closed (its WAL left beside it, read at the
   * next opening as a crash's). */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-metadata");
  g_action_map_remove_action (G_ACTION_MAP (self), "story-order");
  g_action_map_remove_action (G_ACTION_MAP (self), "only-mine");
  g_action_map_remove_action (G_ACTION_MAP (self), "spell-check");
  g_action_map_remove_action (G_ACTION_MAP (self), "graf-numbers");
  g_action_map_remove_action (G_ACTION_MAP (self), "smart-punctuation");
  g_action_map_remove_action (G_ACTION_MAP (self), "suggest-changes");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-changes");
  lede_window_dispose_layout (self);
  lede_window_dispose_search (self);
  lede_window_dispose_history (self);
  lede_window_dispose_backup (self);
  lede_window_dispose_tidy (self);
  lede_window_stop_check (self);
  lede_window_dispose_inbox (self);
  lede_window_dispose_outbox (self);
  /* The toast may outlive the window: its weak pointer must not. */
  g_clear_weak_pointer (&self->failure_toast);
  g_clear_object (&self->title_bindings);
  g_clear_object (&self->autosave);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->speller);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_WINDOW);

  G_OBJECT_CLASS (lede_window_parent_class)->dispose (object);
}

static void
lede_window_class_init (LedeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lede_window_dispose;
  widget_class->size_allocate = lede_window_size_allocate;
  window_class->close_request = lede_window_close_request;

  g_type_ensure (LEDE_TYPE_EDITOR);
  g_type_ensure (LEDE_TYPE_PREVIEW_PANE);
  g_type_ensure (LEDE_TYPE_METADATA_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, metadata_flap);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, header_squeezer);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, status_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, status_menu);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, layout_bar);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, bar_split_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, metadata_panel);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, story_title);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, new_story_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, split);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, split_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, preview);

  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, trash_button_content);
  lede_window_class_add_story (widget_class);
  lede_window_class_add_sidebar (widget_class);
  lede_window_class_add_library (widget_class);
  lede_window_class_add_backup (widget_class);
  lede_window_class_add_layout (widget_class);
  lede_window_class_add_interchange (widget_class);
  lede_window_class_add_search (widget_class);
  lede_window_class_add_history (widget_class);
  lede_window_class_add_selection (widget_class);
  lede_window_class_add_photos (widget_class);
  lede_window_class_add_publish (widget_class);
  lede_window_class_add_style (widget_class);
  lede_window_class_add_review (widget_class);
  lede_window_class_add_inbox (widget_class);
  lede_window_class_add_outbox (widget_class);
  lede_window_class_add_tidy (widget_class);
}

static void
lede_window_init (LedeWindow *self)
{
  int width = 0, height = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  lede_window_init_layout (self);
  lede_window_init_story (self);

  lede_window_init_sidebar (self);

  /* The panel: a settings action, so F9 and the button agree and it is remembered. */
  {
    g_autoptr (GAction) show_metadata = g_settings_create_action (self->settings, "show-metadata");
    g_action_map_add_action (G_ACTION_MAP (self), show_metadata);
  }
  /* The panel is shown or hidden by the writer (F9), never by the window's
   * width: locked, the flap only moves over the story when narrow. */
  g_settings_bind (self->settings, "show-metadata", self->metadata_flap, "reveal-flap", G_SETTINGS_BIND_GET);

  lede_window_init_selection (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-story", FALSE);
  lede_window_init_interchange (self);
  lede_window_init_photos (self);
  lede_window_init_search (self);
  lede_window_init_history (self);
  lede_window_init_backup (self);
  lede_window_init_review (self);
  lede_window_init_inbox (self);
  lede_window_init_outbox (self);
  lede_window_update_empty_page (self);
  lede_window_show_article (self, NULL);
}

LedeWindow *
lede_window_new (GtkApplication *application)
{
  return g_object_new (LEDE_TYPE_WINDOW, "application", application, NULL);
}
