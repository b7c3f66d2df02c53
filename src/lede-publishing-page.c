/* lede-publishing-page.c: Preferences → Publishing. The sites come from
 * the site store (lede-site-store.h): a file of the user's, not the
 * library's, with each password in the Secret Service. Add Site… is
 * LedeSiteDialog, which checks the site before it is kept; Remove asks
 * first, then forgets the site and its password on a worker thread (the
 * Secret Service is a D-Bus call away). The posts a story became stay on
 * the site and in the library, found again if the site comes back at the
 * same address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-publishing-page.h"
#include "lede-site-dialog.h"
#include "lede-site-store.h"
#include "lede-wordpress.h"

struct _LedePublishingPage
{
  AdwPreferencesPage  parent_instance;

  GtkButton          *add_button;
  GtkListBox         *sites_list;

  guint               removing;
};

G_DEFINE_FINAL_TYPE (LedePublishingPage, lede_publishing_page, ADW_TYPE_PREFERENCES_PAGE)

static void show_sites (LedePublishingPage *self);

static void
show_error (LedePublishingPage *self,
            const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A toast's title is markup. */
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
    }
  else
    g_message ("%s", message);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LedeSite *site = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) password_error = NULL;

  /* Gone, with what may be left in the password store. */
  if (!lede_site_store_forget_site (site, &password_error, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, password_error ? g_strdup (password_error->message) : NULL, g_free);
}

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LedePublishingPage *self = LEDE_PUBLISHING_PAGE (object);
  LedeSite *site = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *password_left = g_task_propagate_pointer (G_TASK (result), &error);

  self->removing--;
  /* A password that may be left is said even with Preferences closed
   * meanwhile, over the main window then; too long for a toast. */
  if (password_left != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GApplication *app = g_application_get_default ();
      GtkWindow *parent = root ? GTK_WINDOW (root)
                        : GTK_IS_APPLICATION (app) ? gtk_application_get_active_window (GTK_APPLICATION (app))
                        : NULL;
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Site Removed"), password_left);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  /* Preferences closed meanwhile: nothing left to show the rest in. */
  if (self->sites_list == NULL)
    return;
  if (error != NULL)
    show_error (self, error->message);
  else if (password_left == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Removed the site “%s”"), site->name);
      show_error (self, title);
    }
  show_sites (self);
}

static void
on_remove_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    LedePublishingPage *self)
{
  LedeSite *site = g_object_get_data (G_OBJECT (dialog), "lede-site");
  g_autoptr (GTask) task = NULL;

  if (!g_str_equal (response, "remove") || site == NULL)
    return;
  self->removing++;
  task = g_task_new (self, NULL, on_removed, NULL);
  g_task_set_task_data (task, lede_site_copy (site), (GDestroyNotify)lede_site_free);
  g_task_run_in_thread (task, remove_thread);
}

static void
remove_clicked_cb (LedePublishingPage *self,
                   GtkButton          *button)
{
  LedeSite *site = g_object_get_data (G_OBJECT (button), "lede-site");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), site->name);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading,
                                   _("Lede forgets the site and its password. Posts already on the site stay "
                                     "there, and the stories remember them: add the site again at the same address "
                                     "and publishing updates the same posts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lede-site", lede_site_copy (site), (GDestroyNotify)lede_site_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_row (LedePublishingPage *self,
          const LedeSite     *site)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *tip = g_strdup_printf (_("Remove the site “%s”"), site->name);
  /* Translators: a site's row: "sam at https://news.example/" */
  g_autofree char *subtitle = g_strdup_printf (_("%s at %s"), site->user, site->address);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), site->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set_data_full (G_OBJECT (remove), "lede-site", lede_site_copy (site), (GDestroyNotify)lede_site_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "lede-remove", remove);
  gtk_widget_set_name (row, site->name);
  return row;
}

static void
show_sites (LedePublishingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sites = NULL;
  GtkWidget *child;

  if (self->sites_list == NULL)
    return;
  sites = lede_site_store_list (&error);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_list))))
    gtk_list_box_remove (self->sites_list, child);
  if (sites == NULL || sites->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sites ? _("No sites yet") : error->message);
      if (sites)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add the newsroom’s WordPress to publish stories to it."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sites_list, row);
      return;
    }
  for (guint i = 0; i < sites->len; i++)
    gtk_list_box_append (self->sites_list, make_row (self, g_ptr_array_index (sites, i)));
}

/**
 * lede_publishing_page_add_site:
 *
 * Opens Add Site… (what the page's button does).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
lede_publishing_page_add_site (LedePublishingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LedeSiteDialog *dialog = lede_site_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  g_signal_connect_object (dialog, "added", G_CALLBACK (show_sites), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
add_clicked_cb (LedePublishingPage *self)
{
  lede_publishing_page_add_site (self);
}

/* Whether a removal is still on its way (the tests wait on it). */
gboolean
lede_publishing_page_is_busy (LedePublishingPage *self)
{
  g_return_val_if_fail (LEDE_IS_PUBLISHING_PAGE (self), FALSE);
  return self->removing > 0;
}

static void
lede_publishing_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEDE_TYPE_PUBLISHING_PAGE);
  G_OBJECT_CLASS (lede_publishing_page_parent_class)->dispose (object);
}

static void
lede_publishing_page_class_init (LedePublishingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_publishing_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-publishing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePublishingPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, LedePublishingPage, sites_list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
lede_publishing_page_init (LedePublishingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_sites (self);
}

LedePublishingPage *
lede_publishing_page_new (void)
{
  return g_object_new (LEDE_TYPE_PUBLISHING_PAGE, NULL);
}
