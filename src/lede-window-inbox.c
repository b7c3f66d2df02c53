/* lede-window-inbox.c: the wire inbox in the window. The library's
 * folders (GSettings wire-folders) are watched by a LedeWireWatcher for as
 * long as the window has the library; the sidebar's Inbox button says how
 * many wait, and opens the inbox (win.show-inbox, Ctrl+Alt+W), whose Take
 * imports the file and shows the story. A kill or withhold of a story the
 * library has, which the watcher records at once, is told to the desk at
 * once: a notification through the application, and a toast here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-inbox.h"
#include "lede-inbox-window.h"
#include "lede-wire-changes-window.h"
#include "lede-window-private.h"

static void
update_inbox_button (LedeWindow *self)
{
  gint64 n = self->library ? lede_library_inbox_count_waiting (self->library) : 0;
  g_autofree char *label = n > 0 ? g_strdup_printf (_("Inbox (%lld)"), (long long) n) : g_strdup (_("Inbox"));

  adw_button_content_set_label (self->inbox_button_content, label);
  gtk_widget_set_sensitive (self->inbox_button, self->library != NULL);
}

static void
inbox_changed (LedeWindow *self)
{
  update_inbox_button (self);
  if (self->inbox_window)
    lede_inbox_window_fill (LEDE_INBOX_WINDOW (self->inbox_window));
}

static void
say (LedeWindow *self,
     const char *message)
{
  if (self->inbox_window)
    lede_inbox_window_say (LEDE_INBOX_WINDOW (self->inbox_window), message);
  else
    lede_window_show_toast (self, message);
}

/* The desk took some of the wire's changes: into the editor as one step
 * Ctrl+Z undoes, and the autosave saves it like typing. */
static void
on_take_changes (LedeWindow *self,
                 const char *body)
{
  LedeWireChangesWindow *changes = LEDE_WIRE_CHANGES_WINDOW (self->wire_changes_window);
  gint64 id = lede_wire_changes_window_get_story_id (changes);
  LedeArticle *shown = lede_editor_get_article (self->editor);

  if ((shown == NULL || lede_article_get_id (shown) != id) && !lede_window_select_story (self, id))
    {
      /* Not in the list as it is filtered: saved straight to the library. */
      g_autoptr (LedeArticle) story = lede_library_get_article (self->library, id, NULL);
      g_autoptr (GError) error = NULL;

      if (story == NULL)
        return;
      lede_article_set_body (story, body);
      if (!lede_library_update_article (self->library, story, &error))
        {
          lede_window_show_toast (self, error->message);
          return;
        }
    }
  else
    lede_editor_replace_body (self->editor, body);
  lede_wire_changes_window_set_desk_body (changes, body);
}

/* A newer wire version of a story the desk has edited: its changes, to
 * take graf by graf or whole, never applied by themselves. */
static void
show_wire_changes (LedeWindow  *self,
                   gint64       id,
                   LedeArticle *wire_story)
{
  g_autoptr (LedeArticle) story = lede_library_get_article (self->library, id, NULL);

  if (story == NULL || wire_story == NULL)
    return;
  if (self->wire_changes_window)
    gtk_window_destroy (GTK_WINDOW (self->wire_changes_window));
  self->wire_changes_window = GTK_WIDGET (lede_wire_changes_window_new (GTK_WINDOW (self), id,
                                                                         lede_article_get_headline (story),
                                                                         lede_article_get_body (story),
                                                                         lede_article_get_body (wire_story)));
  g_object_add_weak_pointer (G_OBJECT (self->wire_changes_window), (gpointer *)&self->wire_changes_window);
  g_signal_connect_object (self->wire_changes_window, "take", G_CALLBACK (on_take_changes), self, G_CONNECT_SWAPPED);
  lede_window_select_story (self, id);
  gtk_window_present (GTK_WINDOW (self->wire_changes_window));
}

static void
on_take (LedeWindow *self,
         gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (LedeArticle) wire_story = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_auto (GStrv) messages = NULL;
  LedeImportOutcome outcome = LEDE_IMPORT_ADDED;
  g_autofree char *said = NULL;

  /* What the wire sent, kept to compare should the desk have edited it. */
  wire_story = lede_inbox_read_story (self->library, id, NULL);
  story = lede_inbox_take (self->library, id, &outcome, NULL, &messages, &error);
  inbox_changed (self);
  if (story == NULL)
    {
      say (self, error->message);
      if (g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EDITED) &&
          (entry = lede_library_inbox_get (self->library, id, NULL)) != NULL)
        show_wire_changes (self, entry->article_id, wire_story);
      return;
    }
  if (messages && messages[0])
    said = g_strjoinv ("\n", messages);
  else if (outcome == LEDE_IMPORT_UPDATED)
    said = g_strdup_printf (_("“%s” updated to the wire’s version"), lede_article_get_headline (story));
  else
    said = g_strdup_printf (_("“%s” taken into the library as a draft"), lede_article_get_headline (story));
  say (self, said);
  lede_window_select_story (self, lede_article_get_id (story));
}

static void
on_arrived (LedeWindow *self,
            gint64      id)
{
  inbox_changed (self);
}

static void
on_failed (LedeWindow *self,
           const char *message)
{
  lede_window_show_toast (self, message);
}

/* A kill reaches the desk at once, even with Lede in the background. */
static void
on_killed (LedeWindow *self,
           gint64      entry_id,
           gint64      story_id)
{
  g_autoptr (LedeInboxEntry) entry = lede_library_inbox_get (self->library, entry_id, NULL);
  g_autoptr (LedeArticle) story = lede_library_get_article (self->library, story_id, NULL);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean killed = entry == NULL || g_strcmp0 (entry->pubstatus, "canceled") == 0;
  const char *headline = story ? lede_article_get_headline (story) : "";
  g_autofree char *title = NULL;
  g_autofree char *notification_id = g_strdup_printf ("wire-kill-%lld", (long long) story_id);

  inbox_changed (self);
  title = killed ? g_strdup_printf (_("Wire Kill: “%s”"), headline)
                 : g_strdup_printf (_("Wire Withhold: “%s”"), headline);
  lede_window_show_toast (self, title);
  if (app != NULL && g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_autoptr (GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification,
                               killed ? _("The wire killed this story. Lede holds it back from every way out.")
                                      : _("The wire withholds this story. Lede holds it back until the wire "
                                          "releases it."));
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
      g_application_send_notification (G_APPLICATION (app), notification_id, notification);
    }
}

static void
follow_folders (LedeWindow *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "wire-folders");

  if (self->wire_watcher)
    lede_wire_watcher_set_folders (self->wire_watcher, (const char * const *)folders);
}

/**
 * lede_window_watch_inbox:
 *
 * Watches the wire folders into @library's inbox from now on.
 */
void
lede_window_watch_inbox (LedeWindow  *self,
                         LedeLibrary *library)
{
  if (self->wire_watcher)
    g_signal_handlers_disconnect_by_data (self->wire_watcher, self);
  g_clear_object (&self->wire_watcher);
  if (self->inbox_window)
    gtk_window_destroy (GTK_WINDOW (self->inbox_window));
  if (lede_library_is_read_only (library))
    {
      update_inbox_button (self);
      return;
    }
  self->wire_watcher = lede_wire_watcher_new (library);
  g_signal_connect_object (self->wire_watcher, "arrived", G_CALLBACK (on_arrived), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wire_watcher, "killed", G_CALLBACK (on_killed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wire_watcher, "failed", G_CALLBACK (on_failed), self, G_CONNECT_SWAPPED);
  follow_folders (self);
  update_inbox_button (self);
}

static void
show_inbox_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;

  if (self->library == NULL)
    return;
  if (self->inbox_window == NULL)
    {
      self->inbox_window = GTK_WIDGET (lede_inbox_window_new (GTK_WINDOW (self), self->library));
      g_object_add_weak_pointer (G_OBJECT (self->inbox_window), (gpointer *)&self->inbox_window);
      g_signal_connect_object (self->inbox_window, "take", G_CALLBACK (on_take), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->inbox_window));
}

void
lede_window_class_add_inbox (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, inbox_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, inbox_button_content);
  gtk_widget_class_install_action (widget_class, "win.show-inbox", NULL, show_inbox_action);
}

void
lede_window_init_inbox (LedeWindow *self)
{
  g_signal_connect_object (self->settings, "changed::wire-folders", G_CALLBACK (follow_folders), self,
                           G_CONNECT_SWAPPED);
  update_inbox_button (self);
}

void
lede_window_dispose_inbox (LedeWindow *self)
{
  if (self->wire_changes_window)
    gtk_window_destroy (GTK_WINDOW (self->wire_changes_window));
  if (self->inbox_window)
    gtk_window_destroy (GTK_WINDOW (self->inbox_window));
  if (self->wire_watcher)
    g_signal_handlers_disconnect_by_data (self->wire_watcher, self);
  g_clear_object (&self->wire_watcher);
}
