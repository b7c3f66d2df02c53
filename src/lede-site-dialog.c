/* lede-site-dialog.c: Add Site…. The site is checked on the spot, on a
 * worker thread (the check goes over the network and may wait on a slow
 * site for many seconds): its address made a site's, its REST API found
 * through the site's own discovery, the user signed in with the
 * application password. Only a site that takes the password is kept: its
 * name, address and user in the sites file, the password in the Secret
 * Service (lede-site-store.h), never in GSettings. A failure is shown in
 * the words of LedeWordpressError, and the form keeps what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-site-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-site-dialog.h"
#include "lede-site-store.h"
#include "lede-wordpress.h"

struct _LedeSiteDialog
{
  AdwWindow      parent_instance;

  GtkButton     *cancel_button;
  GtkButton     *add_button;
  GtkStack      *stack;
  AdwEntryRow   *name_row;
  AdwEntryRow   *address_row;
  AdwEntryRow   *user_row;
  AdwEntryRow   *password_row;
  GtkSpinner    *spinner;
  GtkLabel      *status_label;
  AdwStatusPage *added_page;

  GCancellable  *cancellable;
  gboolean       added;
};

G_DEFINE_FINAL_TYPE (LedeSiteDialog, lede_site_dialog, ADW_TYPE_WINDOW)

enum { ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the worker is given, and what it found. */
typedef struct {
  LedeSite *site;
  char     *password;
  char     *site_title;   /* the site's own name */
  char     *role;
  char     *allowed;
} Check;

static void
check_free (Check *check)
{
  lede_site_free (check->site);
  if (check->password)
    memset (check->password, 0, strlen (check->password));
  g_free (check->password);
  g_free (check->site_title);
  g_free (check->role);
  g_free (check->allowed);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr (LedeWordpress) wordpress = NULL;
  g_autofree char *address = NULL;
  g_autoptr (GError) error = NULL;

  if (!(address = lede_wordpress_check_address (check->site->address, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  wordpress = lede_wordpress_new (address, check->site->user, check->password);
  if (!lede_wordpress_connect (wordpress, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_free (check->site->address);
  check->site->address = g_strdup (lede_wordpress_get_address (wordpress));
  if (!lede_site_store_add (check->site, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lede_site_store_keep_password (check->site, check->password, cancellable, &error))
    {
      /* A site without its password would fail every publish: not kept. */
      lede_site_store_remove (check->site->name, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  check->site_title = g_strdup (lede_wordpress_get_site_name (wordpress));
  check->role = g_strdup (lede_wordpress_get_role_label (wordpress));
  check->allowed = lede_wordpress_dup_allowed (wordpress);
  g_task_return_boolean (task, TRUE);
}

/* The row's text without the spaces a paste brings along. */
static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
form_filled (LedeSiteDialog *self)
{
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *address = dup_row_text (self->address_row);
  g_autofree char *user = dup_row_text (self->user_row);

  return *name && *address && *user && *gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

static void
set_checking (LedeSiteDialog *self,
              gboolean        checking)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), checking);
  gtk_spinner_set_spinning (self->spinner, checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !checking && form_filled (self));
  for (GtkWidget *row = GTK_WIDGET (self->name_row); row; row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_sensitive (row, !checking);
}

static void
show_status (LedeSiteDialog *self,
             const char     *text,
             gboolean        failed)
{
  gtk_label_set_text (self->status_label, text);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LedeSiteDialog *self = LEDE_SITE_DIALOG (object);
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;

  g_clear_object (&self->cancellable);
  /* Closed meanwhile, and the site took it all the same: it is kept, and
   * the page lists it. */
  if (self->stack == NULL)
    {
      if (g_task_propagate_boolean (G_TASK (result), NULL))
        g_signal_emit (self, signals[ADDED], 0, check->site->name);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_checking (self, FALSE);
          show_status (self, error->message, TRUE);
        }
      return;
    }
  set_checking (self, FALSE);
  self->added = TRUE;
  /* Translators: "“The Gazette” at https://…: signed in as sam, an Author. Lede may …" */
  /* The status page's description is markup: a site called "News & Views" stays so. */
  description = g_markup_printf_escaped (_("“%s” at %s: signed in as %s, %s. %s"), check->site_title,
                                         check->site->address, check->site->user, check->role, check->allowed);
  adw_status_page_set_description (self->added_page, description);
  gtk_stack_set_visible_child_name (self->stack, "added");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_button_set_label (self->add_button, _("_Done"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  g_signal_emit (self, signals[ADDED], 0, check->site->name);
}

static void
add_clicked_cb (LedeSiteDialog *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (LedeSite) taken = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *user = NULL;
  Check *check;

  if (self->added)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->cancellable != NULL || !form_filled (self))
    return;
  name = dup_row_text (self->name_row);
  if ((taken = lede_site_store_find (name, NULL)) != NULL)
    {
      show_status (self, _("There is a site of that name already: remove it first, or choose another name."), TRUE);
      return;
    }
  check = g_new0 (Check, 1);
  address = dup_row_text (self->address_row);
  user = dup_row_text (self->user_row);
  check->site = lede_site_new (name, address, user);
  check->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  set_checking (self, TRUE);
  show_status (self, _("Asking the site…"), FALSE);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_checked, NULL);
  g_task_set_task_data (task, check, (GDestroyNotify)check_free);
  g_task_run_in_thread (task, check_thread);
}

static void
cancel_clicked_cb (LedeSiteDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
form_changed_cb (LedeSiteDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->cancellable == NULL && form_filled (self));
}

static void
lede_site_dialog_dispose (GObject *object)
{
  LedeSiteDialog *self = LEDE_SITE_DIALOG (object);

  /* A check still running is told to stop; its answer (on_checked())
   * finds the dialog gone. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_SITE_DIALOG);
  G_OBJECT_CLASS (lede_site_dialog_parent_class)->dispose (object);
}

static void
lede_site_dialog_finalize (GObject *object)
{
  g_clear_object (&LEDE_SITE_DIALOG (object)->cancellable);
  G_OBJECT_CLASS (lede_site_dialog_parent_class)->finalize (object);
}

static void
lede_site_dialog_class_init (LedeSiteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_site_dialog_dispose;
  object_class->finalize = lede_site_dialog_finalize;

  /**
   * LedeSiteDialog::added:
   * @name: the site's name in Lede
   *
   * A site was checked and kept.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-site-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LedeSiteDialog, added_page);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_site_dialog_init (LedeSiteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedeSiteDialog *
lede_site_dialog_new (GtkWindow *parent)
{
  return g_object_new (LEDE_TYPE_SITE_DIALOG, "transient-for", parent, NULL);
}

/* Whether a check is on its way (the tests wait on it). */
gboolean
lede_site_dialog_is_checking (LedeSiteDialog *self)
{
  g_return_val_if_fail (LEDE_IS_SITE_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
