/* lede-window-publish.c: Publish… (win.publish, Ctrl+Shift+P): the open
 * story to a WordPress site, through the gate as every way out: what
 * changed since it went out is asked, a story the gate holds back goes
 * only when the writer says so (lede-window-interchange.c), and then
 * LedePublishDialog chooses the site and how. What went out is recorded
 * like an export's, the post's link is in a toast, and the panel's
 * Published group shows the post. Open from WordPress… (win.open-from-site)
 * brings a site's drafts in as stories (LedePullDialog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-publish-dialog.h"
#include "lede-pull-dialog.h"
#include "lede-window-private.h"

static void
on_open_post (AdwToast   *toast,
              LedeWindow *self)
{
  const char *link = g_object_get_data (G_OBJECT (toast), "lede-link");

  gtk_show_uri (GTK_WINDOW (self), link, GDK_CURRENT_TIME);
}

static void
on_published (LedePublishDialog   *dialog,
              const LedePublished *published,
              const char          *site,
              LedeWindow          *self)
{
  LedeVerdict *verdict = g_object_get_data (G_OBJECT (dialog), "lede-verdict");
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Readers have it, or will at its time: a later change asks what
   * changed for them, and the version that went out is kept. */
  if (lede_published_went_out (published))
    {
      lede_window_record_went_out (self, verdict);
      lede_window_keep_revision_of (self, lede_verdict_get_article (verdict), _("published"));
    }
  if (published->date)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (published->date);

      when = g_date_time_format (local, "%x %H:%M");
    }
  /* A toast's title is markup: the site's name is escaped. */
  if (g_str_equal (published->status, "future"))
    title = g_markup_printf_escaped (published->for_embargo ? _("Scheduled on %s for %s, when the embargo lifts")
                                                            : _("Scheduled on %s for %s"), site, when ? when : "");
  else if (g_str_equal (published->status, "publish"))
    title = g_markup_printf_escaped (published->updated ? _("Updated on %s") : _("Published on %s"), site);
  else
    title = g_markup_printf_escaped (published->updated ? _("The draft on %s updated") : _("Sent to %s as a draft"),
                                     site);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (published->link && *published->link)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "lede-link", g_strdup (published->link), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_post), self, 0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
  lede_metadata_panel_show_posts (self->metadata_panel);
}

/* The gate has let the story go: where, and how. */
static void
choose_site (LedeWindow  *self,
             LedeVerdict *verdict)
{
  LedePublishDialog *dialog = lede_publish_dialog_new (GTK_WINDOW (self), self->library, verdict);

  g_object_set_data_full (G_OBJECT (dialog), "lede-verdict", lede_verdict_ref (verdict),
                          (GDestroyNotify)lede_verdict_unref);
  g_signal_connect_object (dialog, "published", G_CALLBACK (on_published), self, 0);
  g_signal_connect_object (dialog, "queued", G_CALLBACK (lede_window_outbox_queued), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_after_answer (LedeWindow  *self,
                      LedeVerdict *verdict)
{
  lede_window_leave_through_gate (self, verdict, _("Publish a Story That Is Held Back?"), _("Publish _Anyway"),
                                  choose_site);
}

/**
 * lede_window_show_publish:
 *
 * Saves the open story and asks the gate; when it lets the story go with
 * no question, opens Publish… on it.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there is
 *   no story, or the gate asks the writer first
 */
LedePublishDialog *
lede_window_show_publish (LedeWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeVerdict) verdict = NULL;
  GList *windows;

  if (self->library == NULL)
    return NULL;
  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so it was not published."));
      return NULL;
    }
  if ((verdict = lede_window_ask_gate (self, LEDE_WAY_OUT_PUBLISH)) == NULL)
    return NULL;
  lede_window_ask_what_changed (self, verdict, publish_after_answer);
  /* The dialog, if it opened at once: the newest window over this one. */
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if (LEDE_IS_PUBLISH_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self) &&
        g_object_get_data (l->data, "lede-verdict") == verdict)
      {
        LedePublishDialog *dialog = l->data;

        g_list_free (windows);
        return dialog;
      }
  g_list_free (windows);
  return NULL;
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lede_window_show_publish ((LedeWindow *)widget);
}

/* The drafts are in the library: the first opens, and a toast says how many. */
static void
on_pulled (LedePullDialog *dialog,
           gint64          first,
           guint           count,
           LedeWindow     *self)
{
  g_autofree char *said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u draft from the site is in the library",
                                                        "%u drafts from the site are in the library", count),
                                           count);

  lede_window_select_story (self, first);
  lede_window_show_toast (self, said);
}

/**
 * lede_window_show_pull:
 *
 * Opens Open from WordPress… over the window.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with no library
 */
LedePullDialog *
lede_window_show_pull (LedeWindow *self)
{
  LedePullDialog *dialog;

  if (self->library == NULL)
    return NULL;
  dialog = lede_pull_dialog_new (GTK_WINDOW (self), self->library);
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_pulled), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
pull_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lede_window_show_pull ((LedeWindow *)widget);
}

void
lede_window_class_add_publish (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.open-from-site", NULL, pull_action);
}
