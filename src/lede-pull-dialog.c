/* lede-pull-dialog.c: Open from WordPress…. The chosen site's drafts and
 * posts pending review are listed (signed in on a worker thread); the
 * writer ticks the ones to write offline, and Open brings them into the
 * library, each linked to its post (lede_pull_read() on the worker
 * thread, lede_pull_keep() here, where the library lives). A post the
 * library has already is shown as such and not brought twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-pull-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-pull.h"
#include "lede-pull-dialog.h"
#include "lede-site-store.h"
#include "lede-time.h"

struct _LedePullDialog
{
  AdwWindow       parent_instance;

  GtkButton      *open_button;
  AdwComboRow    *site_row;
  GtkStringList  *site_names;
  GtkListBox     *draft_list;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;

  LedeLibrary    *library;
  GPtrArray      *sites;       /* LedeSite, in the combo row's order */
  LedeWordpress  *wordpress;   /* signed in to the listed site */
  char           *address;     /* its address, as it answered */
  GCancellable   *cancellable; /* the list being read */
  gboolean        opening;     /* stories being read: the dialog stays */
};

G_DEFINE_FINAL_TYPE (LedePullDialog, lede_pull_dialog, ADW_TYPE_WINDOW)

enum { OPENED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A list asked for, handed to the worker thread and back. */
typedef struct {
  LedeSite      *site;
  LedeWordpress *wordpress;
  GPtrArray     *drafts;
} ListJob;

static void
list_job_free (ListJob *job)
{
  lede_site_free (job->site);
  g_clear_pointer (&job->wordpress, lede_wordpress_free);
  g_clear_pointer (&job->drafts, g_ptr_array_unref);
  g_free (job);
}

/* One post read for Open. */
typedef struct {
  gint64         post_id;
  LedeArticle   *article;
  LedeSiteDraft *draft;
  char         **tags;
  GError        *error;
} Pulled;

static void
pulled_free (Pulled *pulled)
{
  g_clear_object (&pulled->article);
  lede_site_draft_free (pulled->draft);
  g_strfreev (pulled->tags);
  g_clear_error (&pulled->error);
  g_free (pulled);
}

typedef struct {
  LedeWordpress *wordpress;   /* the dialog's, taken: the list is read again after */
  GPtrArray     *pulled;      /* Pulled, ids set */
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_pointer (&job->wordpress, lede_wordpress_free);
  g_ptr_array_unref (job->pulled);
  g_free (job);
}

static void
show_status (LedePullDialog *self,
             const char     *text,
             gboolean        failed)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (LedePullDialog *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "lede-check");
}

/* Open is for one story ticked or more. */
static void
update_button (LedePullDialog *self)
{
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->draft_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (row_check (row) && gtk_check_button_get_active (row_check (row)))
      any = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), any && !self->opening && self->wordpress != NULL);
}

static void
clear_list (LedePullDialog *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->draft_list))))
    gtk_list_box_remove (self->draft_list, row);
}

/* "Draft · changed 2026-12-05 10:42", or that it is in the library. */
static char *
describe (const LedeSiteDraft *draft,
          gboolean             in_library)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) modified = g_date_time_new_from_iso8601 (draft->modified_gmt, utc);
  g_autofree char *when = modified ? lede_time_format_local (modified) : g_strdup (draft->modified_gmt);
  const char *status = g_str_equal (draft->status, "pending") ? _("Pending review") : _("Draft");

  if (in_library)
    /* Translators: a post on the site the library has a story for already. */
    return g_strdup_printf (_("%s · in the library already"), status);
  /* Translators: a post's status on the site, and when it was last changed there. */
  return g_strdup_printf (_("%s · changed %s"), status, when);
}

static void
add_row (LedePullDialog      *self,
         const LedeSiteDraft *draft)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  g_autoptr (GError) error = NULL;
  gint64 in_library = 0;

  if (!lede_library_find_site_post_story (self->library, self->address, draft->post_id, &in_library, &error))
    g_warning ("%s", error->message);
  subtitle = describe (draft, in_library != 0);
  /* Titles are the site's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *draft->title ? draft->title : _("(no title)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, in_library == 0);
  g_object_set_data (G_OBJECT (row), "lede-check", check);
  g_object_set_data_full (G_OBJECT (row), "lede-post", g_memdup2 (&draft->post_id, sizeof draft->post_id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->draft_list, row);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *password = lede_site_store_lookup_password (job->site, cancellable, &error);

  if (password == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->wordpress = lede_wordpress_new (job->site->address, job->site->user, password);
  memset (password, 0, strlen (password));
  if (!lede_wordpress_connect (job->wordpress, cancellable, &error) ||
      !(job->drafts = lede_pull_list (job->wordpress, cancellable, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LedePullDialog *self = LEDE_PULL_DIALOG (object);
  ListJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* A list for a site no longer chosen (or a closed dialog) is dropped. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (error)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  self->wordpress = g_steal_pointer (&job->wordpress);
  g_free (self->address);
  self->address = g_strdup (lede_wordpress_get_address (self->wordpress));
  for (guint i = 0; i < job->drafts->len; i++)
    add_row (self, g_ptr_array_index (job->drafts, i));
  if (job->drafts->len == 0)
    show_status (self, _("The site has no drafts and no posts pending review."), FALSE);
  else
    {
      g_autofree char *said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post on the site: tick the ones to open.",
                                                            "%u posts on the site: tick the ones to open.",
                                                            job->drafts->len),
                                               job->drafts->len);

      show_status (self, said, FALSE);
    }
  update_button (self);
}

static LedeSite *
chosen_site (LedePullDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->site_row);

  return self->sites && selected < self->sites->len ? g_ptr_array_index (self->sites, selected) : NULL;
}

/* Another site: its drafts, read afresh. */
static void
site_selected_cb (LedePullDialog *self)
{
  LedeSite *site = chosen_site (self);
  g_autoptr (GTask) task = NULL;
  g_autofree char *signing_in = NULL;
  ListJob *job;

  if (self->opening)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->wordpress, lede_wordpress_free);
  clear_list (self);
  update_button (self);
  if (site == NULL)
    return;
  signing_in = g_strdup_printf (_("Reading the drafts on %s…"), site->name);
  show_status (self, signing_in, FALSE);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  job = g_new0 (ListJob, 1);
  job->site = lede_site_copy (site);
  task = g_task_new (self, self->cancellable, on_listed, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)list_job_free);
  g_task_run_in_thread (task, list_thread);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;

  for (guint i = 0; i < job->pulled->len; i++)
    {
      Pulled *pulled = g_ptr_array_index (job->pulled, i);

      pulled->article = lede_pull_read (job->wordpress, pulled->post_id, &pulled->draft, &pulled->tags, cancellable,
                                        &pulled->error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LedePullDialog *self = LEDE_PULL_DIALOG (object);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GString) failures = g_string_new (NULL);
  gint64 first = 0;
  guint kept = 0;

  self->opening = FALSE;
  set_busy (self, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->site_row), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (self), TRUE);
  for (guint i = 0; i < job->pulled->len; i++)
    {
      Pulled *pulled = g_ptr_array_index (job->pulled, i);
      g_autoptr (LedeArticle) article = NULL;
      gboolean already = FALSE;

      if (pulled->article)
        article = lede_pull_keep (self->library, self->address, pulled->article, pulled->draft,
                                  (const char * const *)pulled->tags, &already, &pulled->error);
      if (article == NULL)
        {
          g_string_append_printf (failures, "%s%s", failures->len ? "\n" : "", pulled->error->message);
          continue;
        }
      if (first == 0)
        first = lede_article_get_id (article);
      kept++;
    }
  if (failures->len == 0)
    {
      g_signal_emit (self, signals[OPENED], 0, first, kept);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* What came is kept; what did not is said, and the list read again. */
  if (kept > 0)
    g_signal_emit (self, signals[OPENED], 0, first, kept);
  site_selected_cb (self);
  show_status (self, failures->str, TRUE);
}

static void
open_clicked_cb (LedePullDialog *self)
{
  g_autoptr (GTask) task = NULL;
  OpenJob *job;

  if (self->opening || self->wordpress == NULL)
    return;
  job = g_new0 (OpenJob, 1);
  job->pulled = g_ptr_array_new_with_free_func ((GDestroyNotify)pulled_free);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->draft_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (row_check (row) && gtk_check_button_get_active (row_check (row)) && gtk_widget_get_sensitive (row))
      {
        Pulled *pulled = g_new0 (Pulled, 1);

        pulled->post_id = *(gint64 *)g_object_get_data (G_OBJECT (row), "lede-post");
        g_ptr_array_add (job->pulled, pulled);
      }
  if (job->pulled->len == 0)
    {
      open_job_free (job);
      return;
    }
  job->wordpress = g_steal_pointer (&self->wordpress);
  self->opening = TRUE;
  set_busy (self, TRUE);
  update_button (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->site_row), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  show_status (self, g_dngettext (GETTEXT_PACKAGE, "Reading the post…", "Reading the posts…", job->pulled->len),
               FALSE);
  task = g_task_new (self, NULL, on_read, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)open_job_free);
  g_task_run_in_thread (task, open_thread);
}

/* Not while stories are being read: what the site gave is always kept. */
static gboolean
close_request_cb (LedePullDialog *self)
{
  if (self->opening)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
fill_sites (LedePullDialog *self)
{
  g_autoptr (GError) error = NULL;

  self->sites = lede_site_store_list (&error);
  if (self->sites == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < self->sites->len; i++)
    gtk_string_list_append (self->site_names, ((LedeSite *)g_ptr_array_index (self->sites, i))->name);
  if (self->sites->len == 0)
    show_status (self, _("No site yet: add the newsroom’s WordPress in Preferences → Publishing."), TRUE);
}

static void
lede_pull_dialog_dispose (GObject *object)
{
  LedePullDialog *self = LEDE_PULL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_PULL_DIALOG);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->wordpress, lede_wordpress_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (lede_pull_dialog_parent_class)->dispose (object);
}

static void
lede_pull_dialog_class_init (LedePullDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_pull_dialog_dispose;

  /**
   * LedePullDialog::opened:
   * @first: the id of the first story brought in
   * @count: how many were
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-pull-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, site_names);
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, draft_list);
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LedePullDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_pull_dialog_init (LedePullDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedePullDialog *
lede_pull_dialog_new (GtkWindow   *parent,
                      LedeLibrary *library)
{
  LedePullDialog *self;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);

  self = g_object_new (LEDE_TYPE_PULL_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  fill_sites (self);
  site_selected_cb (self);
  return self;
}

/* Chooses the site called @name (its drafts are read); FALSE when there is none. */
gboolean
lede_pull_dialog_set_site (LedePullDialog *self,
                           const char     *name)
{
  g_return_val_if_fail (LEDE_IS_PULL_DIALOG (self), FALSE);

  for (guint i = 0; self->sites && i < self->sites->len; i++)
    if (g_str_equal (((LedeSite *)g_ptr_array_index (self->sites, i))->name, name))
      {
        if (adw_combo_row_get_selected (self->site_row) != i)
          adw_combo_row_set_selected (self->site_row, i);
        return TRUE;
      }
  return FALSE;
}

/* Reading the list or the posts. */
gboolean
lede_pull_dialog_is_busy (LedePullDialog *self)
{
  g_return_val_if_fail (LEDE_IS_PULL_DIALOG (self), FALSE);
  return self->opening || self->cancellable != NULL;
}

/* Ticks post @post_id's row, as the writer would; how many rows are ticked
 * after (0: the list has no such post, or the library has it already). */
guint
lede_pull_dialog_choose (LedePullDialog *self,
                         gint64          post_id)
{
  guint ticked = 0;

  g_return_val_if_fail (LEDE_IS_PULL_DIALOG (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->draft_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "lede-post");

      if (id && *id == post_id && gtk_widget_get_sensitive (row))
        gtk_check_button_set_active (row_check (row), TRUE);
      if (row_check (row) && gtk_check_button_get_active (row_check (row)))
        ticked++;
    }
  return ticked;
}

/* What Open does. */
void
lede_pull_dialog_open (LedePullDialog *self)
{
  g_return_if_fail (LEDE_IS_PULL_DIALOG (self));
  open_clicked_cb (self);
}

const char *
lede_pull_dialog_get_status (LedePullDialog *self)
{
  g_return_val_if_fail (LEDE_IS_PULL_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}
