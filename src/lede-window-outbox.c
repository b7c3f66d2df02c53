/* lede-window-outbox.c: the outbox in the window. A story published while
 * its site does not answer waits in the library's outbox (the publish
 * dialog puts it there); the sidebar says how many wait ("2 Waiting to Go
 * Out", hidden when none), and its popover lists them with why they have
 * not gone and a Send Now. A LedeOutboxSender sends them while the window
 * has the library; each that goes out is told in a toast and a
 * notification, and kept as a revision like any publish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-outbox.h"
#include "lede-time.h"
#include "lede-window-private.h"

static void
fill_outbox_list (LedeWindow *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outbox_list))))
    gtk_list_box_remove (self->outbox_list, child);
  if (self->library == NULL || !(entries = lede_library_outbox_list (self->library, &error)))
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      LedeOutboxEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *moved_to = lede_time_format_local (entry->scheduled_at);
      g_autofree char *move = g_str_equal (entry->mode, "move")
                                ? g_strdup_printf (_("its time moved to %s, as its embargo did"), moved_to) : NULL;
      const char *how = g_str_equal (entry->mode, "draft") ? _("as a draft")
                        : g_str_equal (entry->mode, "schedule") ? _("scheduled")
                        : g_str_equal (entry->mode, "move") ? move : _("to publish");
      g_autofree char *subtitle = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *title = gtk_label_new (*entry->headline ? entry->headline : _("Untitled story"));
      GtkWidget *why;
      GtkWidget *row = gtk_list_box_row_new ();

      /* TRANSLATORS: a story waiting in the outbox: the site's name, how it is to go, why it has not gone yet */
      subtitle = *entry->last_error ? g_strdup_printf (_("%s, %s: %s"), entry->site, how, entry->last_error)
                                    : g_strdup_printf (_("%s, %s"), entry->site, how);
      why = gtk_label_new (subtitle);
      /* The reason holds an address: broken anywhere rather than cut. */
      for (GtkWidget *label = title; label; label = label == title ? why : NULL)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          gtk_box_append (GTK_BOX (box), label);
        }
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (why, "dim-label");
      gtk_widget_add_css_class (why, "caption");
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->outbox_list, row);
    }
}

static void
update_outbox_button (LedeWindow *self)
{
  gint64 n = self->library ? lede_library_outbox_count (self->library) : 0;
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld Waiting to Go Out",
                                                         "%lld Waiting to Go Out", n), (long long) n);
  gboolean busy = self->outbox_sender && lede_outbox_sender_is_busy (self->outbox_sender);

  self->outbox_waiting = n;
  adw_button_content_set_label (self->outbox_button_content, label);
  /* Nothing left: the popover closes before its button goes. */
  if (n == 0)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (self->outbox_button));
  gtk_widget_set_visible (self->outbox_button, n > 0);
  gtk_widget_set_sensitive (self->outbox_send_button, self->outbox_sender != NULL && !busy);
  gtk_button_set_label (GTK_BUTTON (self->outbox_send_button), busy ? _("Sending…") : _("_Send Now"));
  if (gtk_widget_get_visible (self->outbox_popover))
    fill_outbox_list (self);
}

static void
on_open_post (AdwToast   *toast,
              LedeWindow *self)
{
  gtk_show_uri (GTK_WINDOW (self), g_object_get_data (G_OBJECT (toast), "lede-link"), GDK_CURRENT_TIME);
}

/* One that waited went out: said here and, with Lede in the background,
 * as a notification. */
static void
on_sent (LedeWindow          *self,
         gint64               story_id,
         const char          *site,
         const LedePublished *published)
{
  g_autoptr (LedeArticle) story = lede_library_get_article (self->library, story_id, NULL);
  LedeArticle *shown = lede_editor_get_article (self->editor);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *headline = story ? lede_article_get_headline (story) : "";
  g_autofree char *title = g_strdup_printf (_("“%s” went out to %s"), headline, site);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *notification_id = g_strdup_printf ("outbox-%lld", (long long) story_id);
  AdwToast *toast = adw_toast_new (escaped);

  if (published->moved)
    {
      g_autofree char *when = published->date ? lede_time_format_local (published->date) : NULL;
      g_autofree char *moved = !published->updated
        ? g_markup_printf_escaped (_("“%s” no longer waits on %s (it is “%s” there): its time was left as it is"),
                                   headline, site, published->status)
        : g_str_equal (published->status, "future") && when
        ? g_markup_printf_escaped (_("“%s” now goes out on %s at %s, as its embargo moved"), headline, site, when)
        : g_markup_printf_escaped (_("“%s” went out on %s: its embargo was moved to a time now past"), headline,
                                   site);

      adw_toast_set_title (toast, moved);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return;
    }
  if (story && lede_published_went_out (published))
    lede_window_keep_revision_of (self, story, _("published"));
  if (shown && lede_article_get_id (shown) == story_id)
    lede_metadata_panel_show_posts (self->metadata_panel);
  adw_toast_set_timeout (toast, 10);
  if (published->link && *published->link)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "lede-link", g_strdup (published->link), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_post), self, 0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
  if (app != NULL && g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_autoptr (GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification, _("It waited in the outbox while the site did not answer."));
      g_application_send_notification (G_APPLICATION (app), notification_id, notification);
    }
}

static void
send_now_clicked (LedeWindow *self)
{
  if (self->outbox_sender == NULL)
    return;
  lede_outbox_sender_send_now (self->outbox_sender);
  update_outbox_button (self);
}

/**
 * lede_window_outbox_after_save:
 *
 * The open story was saved: an embargo moved on a story scheduled on a
 * site makes a move wait, sent at once.
 */
void
lede_window_outbox_after_save (LedeWindow *self)
{
  if (self->library == NULL || lede_library_outbox_count (self->library) <= self->outbox_waiting)
    return;
  if (self->outbox_sender)
    lede_outbox_sender_send_now (self->outbox_sender);
  update_outbox_button (self);
}

/**
 * lede_window_outbox_queued:
 * @site: the site's name
 *
 * The publish dialog put the open story in the outbox: said, counted, and
 * tried again in a while.
 */
void
lede_window_outbox_queued (LedeWindow *self,
                           const char *site)
{
  g_autofree char *title = g_markup_printf_escaped (_("%s does not answer: the story waits to go out, and Lede "
                                                      "sends it when the site answers"), site);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toasts, toast);
  if (self->outbox_sender)
    lede_outbox_sender_schedule (self->outbox_sender);
  update_outbox_button (self);
}

/**
 * lede_window_watch_outbox:
 *
 * Sends what waits in @library's outbox from now on.
 */
void
lede_window_watch_outbox (LedeWindow  *self,
                          LedeLibrary *library)
{
  if (self->outbox_sender)
    g_signal_handlers_disconnect_by_data (self->outbox_sender, self);
  g_clear_object (&self->outbox_sender);
  if (!lede_library_is_read_only (library))
    {
      self->outbox_sender = lede_outbox_sender_new (library);
      g_signal_connect_object (self->outbox_sender, "sent", G_CALLBACK (on_sent), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->outbox_sender, "changed", G_CALLBACK (update_outbox_button), self,
                               G_CONNECT_SWAPPED);
    }
  update_outbox_button (self);
}

void
lede_window_dispose_outbox (LedeWindow *self)
{
  if (self->outbox_sender)
    g_signal_handlers_disconnect_by_data (self->outbox_sender, self);
  g_clear_object (&self->outbox_sender);
}

void
lede_window_init_outbox (LedeWindow *self)
{
  g_signal_connect_object (self->outbox_popover, "show", G_CALLBACK (fill_outbox_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outbox_send_button, "clicked", G_CALLBACK (send_now_clicked), self,
                           G_CONNECT_SWAPPED);
}

void
lede_window_class_add_outbox (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, outbox_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, outbox_button_content);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, outbox_popover);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, outbox_list);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, outbox_send_button);
}
