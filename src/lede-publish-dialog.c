/* lede-publish-dialog.c: Publish…. The story has been through the gate
 * already (the window asks it, as for Copy as HTML and Print: what
 * changed since it went out, and whether a story held back goes anyway);
 * here the writer chooses the site and how: a draft, now, or at a time.
 *
 * An embargoed story is never published before the lift: "now" becomes
 * "when the embargo lifts" (the site schedules it), a time before the lift
 * waits for it, and a draft is dated the lift (lede_publish_send()).
 *
 * The publish runs on a worker thread (the network may take its time),
 * touching no library: the post the story became on the site before is
 * read here first, and what the site answered is remembered here after
 * (lede_publish_remember()). While it runs the dialog cannot be closed:
 * a post made on the site is always remembered, so the next publish
 * updates it rather than making another.
 *
 * A post changed on the site since Lede last sent it, or deleted there,
 * is not overwritten or made again unless the writer says so, in a
 * question of its own. A changed one is read back from the site (as Open
 * from WordPress… reads a draft) and shown against the story in Lede, word
 * by word, as History shows a revision: what sending would replace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-diff-text.h"
#include "lede-outbox.h"
#include "lede-pull.h"
#include "lede-publish-dialog.h"
#include "lede-time.h"
#include "lede-site-dialog.h"
#include "lede-site-store.h"

struct _LedePublishDialog
{
  AdwWindow            parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *publish_button;
  GtkWidget           *form;
  AdwPreferencesGroup *where_group;
  GtkButton           *add_site_button;
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *how_group;
  AdwComboRow         *site_row;
  GtkStringList       *site_names;
  AdwActionRow        *now_row;
  AdwActionRow        *schedule_row;
  GtkCheckButton      *draft_check;
  GtkCheckButton      *now_check;
  GtkCheckButton      *schedule_check;
  GtkEntry            *when_entry;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;

  LedeLibrary         *library;
  LedeVerdict         *verdict;
  GPtrArray           *sites;     /* LedeSite, in the combo row's order */
  AdwMessageDialog    *question;  /* changed or deleted on the site: asked */
  gboolean             sending;
};

G_DEFINE_FINAL_TYPE (LedePublishDialog, lede_publish_dialog, ADW_TYPE_WINDOW)

enum { PUBLISHED, QUEUED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* One publish, handed to the worker thread and back. */
typedef struct {
  LedeLibrary      *library;       /* held: the answer is remembered even if the window went */
  LedeSite         *site;
  LedeVerdict      *verdict;
  LedePublishMode   mode;
  GDateTime        *when;
  LedePublishFlags  flags;
  gint64            post_id;       /* the story's post there before, or 0 */
  char             *last_modified;
  char             *last_link;
  char             *address;       /* the site's, as it answered */
  GPtrArray        *pictures;      /* LedePublishPicture */
  LedePublished     published;
  GPtrArray        *differences;   /* LedeDiffPart: the post on the site against the story, when changed there */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->library);
  lede_site_free (job->site);
  lede_verdict_unref (job->verdict);
  g_clear_pointer (&job->when, g_date_time_unref);
  g_free (job->last_modified);
  g_free (job->last_link);
  g_free (job->address);
  g_clear_pointer (&job->pictures, g_ptr_array_unref);
  g_clear_pointer (&job->differences, g_ptr_array_unref);
  lede_published_clear (&job->published);
  g_free (job);
}

static void show_status (LedePublishDialog *self, const char *text, gboolean failed);

/* How far the worker thread is, said on the main thread while it sends. */
typedef struct {
  LedePublishDialog *dialog;
  char              *text;
} Stage;

static void
stage_free (Stage *stage)
{
  g_object_unref (stage->dialog);
  g_free (stage->text);
  g_free (stage);
}

static gboolean
show_stage (gpointer data)
{
  Stage *stage = data;

  if (stage->dialog->sending && stage->dialog->status_label != NULL)
    show_status (stage->dialog, stage->text, FALSE);
  return G_SOURCE_REMOVE;
}

static void
tell_stage (GTask      *task,
            const char *text)
{
  Stage *stage = g_new0 (Stage, 1);
  g_autoptr (GSource) source = g_idle_source_new ();

  stage->dialog = g_object_ref (g_task_get_source_object (task));
  stage->text = g_strdup (text);
  /* Always a source on the main context, never a call from this thread
   * (g_main_context_invoke() would make one while nobody iterates). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, show_stage, stage, (GDestroyNotify)stage_free);
  g_source_attach (source, g_task_get_context (task));
}

/* The post as the site has it now against the story in Lede, field by
 * field (the body always), compared: on the worker thread, after the site
 * said it changed. NULL when it cannot be read; the question is asked
 * without it. */
static GPtrArray *
compare_with_site (LedeWordpress *wordpress,
                   gint64         post_id,
                   LedeArticle   *ours,
                   GCancellable  *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) theirs = lede_pull_read (wordpress, post_id, NULL, NULL, cancellable, &error);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_diff_part_free);
  const struct { const char *label; const char *(*get) (LedeArticle *); } fields[] = {
    { N_("Headline"), lede_article_get_headline },
    { N_("Standfirst"), lede_article_get_standfirst },
    { N_("Body"), lede_article_get_body },
  };

  if (theirs == NULL)
    {
      g_debug ("Could not read post %" G_GINT64_FORMAT " back: %s", post_id, error->message);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *there = fields[i].get (theirs), *here = fields[i].get (ours);

      if (i + 1 < G_N_ELEMENTS (fields) && g_strcmp0 (there, here) == 0)
        continue;
      g_ptr_array_add (parts, lede_diff_part_new (_(fields[i].label), g_strdup (there), g_strdup (here)));
      lede_diff_part_compare (g_ptr_array_index (parts, parts->len - 1));
    }
  return g_steal_pointer (&parts);
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeWordpress) wordpress = NULL;
  g_autofree char *signing_in = g_strdup_printf (_("Signing in to %s…"), job->site->name);
  g_autofree char *sending = g_strdup_printf (_("Sending to %s…"), job->site->name);
  g_autofree char *password = lede_site_store_lookup_password (job->site, cancellable, &error);

  if (password == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  wordpress = lede_wordpress_new (job->site->address, job->site->user, password);
  memset (password, 0, strlen (password));
  tell_stage (task, signing_in);
  if (!lede_wordpress_connect (wordpress, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tell_stage (task, sending);
  if (!lede_publish_send (wordpress, job->verdict, job->mode, job->when, job->post_id, job->last_modified,
                          job->last_link, job->pictures, job->flags, &job->published, cancellable, &error))
    {
      if (g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED))
        job->differences = compare_with_site (wordpress, job->post_id, lede_verdict_get_article (job->verdict),
                                              cancellable);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->address = g_strdup (lede_wordpress_get_address (wordpress));
  g_task_return_boolean (task, TRUE);
}

static LedeSite *
chosen_site (LedePublishDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->site_row);

  return self->sites && selected < self->sites->len ? g_ptr_array_index (self->sites, selected) : NULL;
}

static void
show_status (LedePublishDialog *self,
             const char        *text,
             gboolean           failed)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_sending (LedePublishDialog *self,
             gboolean           sending)
{
  self->sending = sending;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), sending);
  gtk_spinner_set_spinning (self->spinner, sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_group), !sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->how_group), !sending);
  gtk_window_set_deletable (GTK_WINDOW (self), !sending);
}

/* The button says what it does; it is off while a time is wanted. */
static void
update_button (LedePublishDialog *self)
{
  gboolean embargoed = lede_verdict_get_embargo_mark (self->verdict) != NULL;
  const char *label = _("_Publish");
  gboolean ready = chosen_site (self) != NULL && !self->sending;

  if (gtk_check_button_get_active (self->draft_check))
    label = _("_Send Draft");
  else if (gtk_check_button_get_active (self->schedule_check) || embargoed)
    /* Not "_Schedule": the row of that name has its S. */
    label = _("Sche_dule");
  if (gtk_check_button_get_active (self->schedule_check))
    {
      g_autoptr (GDateTime) when = lede_time_parse_local (gtk_editable_get_text (GTK_EDITABLE (self->when_entry)));

      ready = ready && when != NULL;
    }
  gtk_button_set_label (self->publish_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), ready);
}

/* Where the story went on the chosen site before: publishing updates it. */
static void
site_selected_cb (LedePublishDialog *self)
{
  LedeSite *site = chosen_site (self);
  g_autofree char *link = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GError) error = NULL;
  gint64 post_id = 0;

  if (site != NULL && self->library != NULL &&
      !lede_library_get_site_post (self->library, lede_article_get_id (lede_verdict_get_article (self->verdict)),
                                   site->address, &post_id, NULL, &link, &error))
    g_warning ("%s", error->message);
  if (post_id > 0)
    /* The group's description is markup: names and links are escaped. */
    description = g_markup_printf_escaped (_("Sent to %s before (%s): this updates the same post."), site->name,
                                           link && *link ? link : _("no link yet"));
  adw_preferences_group_set_description (self->where_group, description);
  update_button (self);
}

static void
mode_toggled_cb (LedePublishDialog *self)
{
  gboolean scheduling = gtk_check_button_get_active (self->schedule_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->when_entry), scheduling);
  if (scheduling && *gtk_editable_get_text (GTK_EDITABLE (self->when_entry)) == '\0')
    {
      /* A start: tomorrow at nine, or the lift. */
      GDateTime *embargo = lede_verdict_get_embargo_mark (self->verdict);
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autoptr (GDateTime) nine = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                          g_date_time_get_month (tomorrow),
                                                          g_date_time_get_day_of_month (tomorrow), 9, 0, 0);
      g_autofree char *text = lede_time_format_local (embargo ? embargo : nine);

      gtk_editable_set_text (GTK_EDITABLE (self->when_entry), text);
    }
  update_button (self);
}

static void
when_changed_cb (LedePublishDialog *self)
{
  update_button (self);
}

static void start_publish (LedePublishDialog *self, LedePublishFlags flags);

static void
on_question_response (AdwMessageDialog  *question,
                      const char        *response,
                      LedePublishDialog *self)
{
  self->question = NULL;
  if (g_str_equal (response, "overwrite") || g_str_equal (response, "send-anew"))
    start_publish (self, LEDE_PUBLISH_FLAGS_OVERWRITE);
  else
    show_status (self, _("Nothing was sent: the site keeps its version."), FALSE);
}

/* What the site has against what Lede would send, marked word by word. */
static GtkWidget *
make_comparison (GPtrArray  *differences,
                 const char *site)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *legend = g_strdup_printf (_("Struck through: only on %s, replaced if you send yours. "
                                               "Underlined: only in Lede."), site);
  GtkWidget *legend_label = gtk_label_new (legend);

  lede_diff_text_add_tags (buffer);
  for (guint i = 0; i < differences->len; i++)
    lede_diff_text_append (buffer, g_ptr_array_index (differences, i), NULL);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 9);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What changed on the site, against the story in Lede"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_label_set_wrap (GTK_LABEL (legend_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend_label), 0);
  gtk_widget_add_css_class (legend_label, "dim-label");
  gtk_widget_add_css_class (legend_label, "caption");
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), legend_label);
  return box;
}

/* Whose version wins, asked in words; Lede's only when the writer says. */
static void
ask (LedePublishDialog *self,
     const GError      *error,
     const char        *site,
     GPtrArray         *differences)
{
  const char *headline = lede_article_get_headline (lede_verdict_get_article (self->verdict));
  gboolean gone = g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *question;

  if (gone)
    {
      heading = g_strdup_printf (_("Deleted on %s"), site);
      body = g_strdup_printf (_("“%s” was deleted on %s, or moved to its trash, since Lede sent it. Send it again "
                                "as a new post? If it was put in the trash by mistake, restore it on the site "
                                "instead."), headline, site);
    }
  else
    {
      heading = g_strdup_printf (_("Changed on %s"), site);
      body = g_strdup_printf (_("Someone changed “%s” on %s after Lede last sent it. Sending now would replace "
                                "their changes with Lede’s version. Keep theirs and look at it on the site first, or "
                                "send yours over it?"), headline, site);
    }
  question = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  if (!gone && differences)
    {
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (question), make_comparison (differences, site));
      gtk_window_set_default_size (GTK_WINDOW (question), 560, -1);
    }
  if (gone)
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "cancel", _("_Cancel"),
                                      "send-anew", _("Send as a _New Post"), NULL);
  else
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "cancel", _("_Keep Theirs"),
                                        "overwrite", _("_Send Mine over It"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (on_question_response), self, 0);
  self->question = ADW_MESSAGE_DIALOG (question);
  gtk_window_present (GTK_WINDOW (question));
}

static void
on_published (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LedePublishDialog *self = LEDE_PUBLISH_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean sent = g_task_propagate_boolean (G_TASK (result), &error);
  g_autoptr (GError) remember_error = NULL;
  /* The pictures the site took are remembered even when the post failed. */
  gboolean remembered = lede_publish_pictures_remember (job->library, job->site->address, job->pictures,
                                                        &remember_error) &&
                        sent && lede_publish_remember (job->library, job->verdict, job->address, &job->published,
                                                       &remember_error);

  /* Gone with its window meanwhile: the post is remembered all the same. */
  if (self->verdict == NULL)
    return;
  set_sending (self, FALSE);
  update_button (self);
  /* The site does not answer (no network): the story waits in the
   * outbox, and goes when it answers. */
  if (!sent && lede_outbox_is_unanswered (error))
    {
      g_autoptr (GError) queue_error = NULL;

      if (!lede_outbox_queue (job->library, job->verdict, job->site->name, job->mode, job->when, job->flags,
                              error->message, &queue_error))
        {
          show_status (self, queue_error->message, TRUE);
          return;
        }
      g_signal_emit (self, signals[QUEUED], 0, job->site->name);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!sent)
    {
      if (g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED) ||
          g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE))
        {
          show_status (self, NULL, FALSE);
          ask (self, error, job->site->name, job->differences);
        }
      else
        show_status (self, error->message, TRUE);
      return;
    }
  /* The post is on the site: remembered, so the next publish updates it. */
  if (!remembered)
    {
      g_autofree char *text = g_strdup_printf (_("The story went to %s (%s), but Lede could not remember its post, "
                                                 "so publishing again would make another: %s"),
                                               job->site->name, job->published.link, remember_error->message);
      show_status (self, text, TRUE);
      return;
    }
  /* Sent: an earlier send of it that waited is done with. */
  if (!lede_library_outbox_forget (job->library, lede_article_get_id (lede_verdict_get_article (job->verdict)),
                                   job->site->name, &remember_error))
    g_warning ("%s", remember_error->message);
  g_signal_emit (self, signals[PUBLISHED], 0, &job->published, job->site->name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_publish (LedePublishDialog *self,
               LedePublishFlags   flags)
{
  LedeSite *site = chosen_site (self);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  Job *job;

  if (site == NULL || self->sending)
    return;
  job = g_new0 (Job, 1);
  job->library = g_object_ref (self->library);
  job->site = lede_site_copy (site);
  job->verdict = lede_verdict_ref (self->verdict);
  job->flags = flags;
  job->mode = LEDE_PUBLISH_NOW;
  if (gtk_check_button_get_active (self->draft_check))
    job->mode = LEDE_PUBLISH_DRAFT;
  else if (gtk_check_button_get_active (self->schedule_check))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      job->mode = LEDE_PUBLISH_SCHEDULE;
      job->when = lede_time_parse_local (gtk_editable_get_text (GTK_EDITABLE (self->when_entry)));
      if (job->when == NULL || g_date_time_compare (job->when, now) <= 0)
        {
          show_status (self, job->when ? _("That time has passed: choose a later one, or publish now.")
                                       : _("Type the time as 2026-12-24 09:00."), TRUE);
          job_free (job);
          return;
        }
    }
  if (!lede_library_get_site_post (self->library, lede_article_get_id (lede_verdict_get_article (self->verdict)),
                                   site->address, &job->post_id, &job->last_modified, &job->last_link, &error) ||
      !(job->pictures = lede_publish_pictures_gather (self->library, lede_verdict_get_article (self->verdict),
                                                      site->address, &error)))
    {
      show_status (self, error->message, TRUE);
      job_free (job);
      return;
    }

  set_sending (self, TRUE);
  update_button (self);
  status = g_strdup_printf (_("Asking the keyring for %s’s password…"), site->name);
  show_status (self, status, FALSE);
  task = g_task_new (self, NULL, on_published, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, publish_thread);
}

static void
publish_clicked_cb (LedePublishDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->publish_button)))
    start_publish (self, LEDE_PUBLISH_FLAGS_NONE);
}

static void
cancel_clicked_cb (LedePublishDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Not while the site is answering: its answer must be remembered. */
static gboolean
close_request_cb (LedePublishDialog *self)
{
  return self->sending;
}

/* The sites, by the names the writer gave them. */
static void
fill_sites (LedePublishDialog *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->sites, g_ptr_array_unref);
  gtk_string_list_splice (self->site_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->site_names)), NULL);
  self->sites = lede_site_store_list (&error);
  if (self->sites == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < self->sites->len; i++)
    gtk_string_list_append (self->site_names, ((LedeSite *)g_ptr_array_index (self->sites, i))->name);
  if (self->sites->len == 0)
    show_status (self, _("No site to publish to yet: add the newsroom’s WordPress in Preferences → Publishing."),
                 TRUE);
  else
    show_status (self, NULL, FALSE);
}

/* Add Site…, from here too: the site added is the one chosen. */
static void
on_site_added (LedePublishDialog *self,
               const char        *name)
{
  fill_sites (self);
  lede_publish_dialog_set_site (self, name);
}

static void
add_site_clicked_cb (LedePublishDialog *self)
{
  LedeSiteDialog *dialog = lede_site_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "added", G_CALLBACK (on_site_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Under embargo, "now" is the lift: the words say so. */
static void
show_embargo (LedePublishDialog *self)
{
  GDateTime *embargo = lede_verdict_get_embargo_mark (self->verdict);
  g_autofree char *lift = NULL;
  g_autofree char *description = NULL;

  if (embargo == NULL)
    return;
  lift = lede_time_format_local (embargo);
  description = g_strdup_printf (_("Under embargo until %s: it is never published before then."), lift);
  adw_preferences_group_set_description (self->how_group, description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->now_row), _("When the embargo _lifts"));
  adw_action_row_set_subtitle (self->now_row, _("Scheduled on the site, which publishes it then"));
  adw_action_row_set_subtitle (self->schedule_row, _("Not before the embargo lifts"));
}

static void
lede_publish_dialog_dispose (GObject *object)
{
  LedePublishDialog *self = LEDE_PUBLISH_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_PUBLISH_DIALOG);
  g_clear_pointer (&self->verdict, lede_verdict_unref);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (lede_publish_dialog_parent_class)->dispose (object);
}

static void
lede_publish_dialog_class_init (LedePublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_publish_dialog_dispose;

  /**
   * LedePublishDialog::published:
   * @published: (type gpointer): the LedePublished the site made of it
   * @site: the site's name in Lede
   *
   * The story went to the site and its post is remembered.
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);
  /* The site did not answer: the story waits in the outbox (the site's name). */
  signals[QUEUED] = g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, form);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, where_group);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, add_site_button);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, how_group);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, site_names);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, now_row);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, draft_check);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, now_check);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, schedule_check);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, when_entry);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LedePublishDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, when_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_site_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_publish_dialog_init (LedePublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lede_publish_dialog_new:
 * @verdict: the gate's (%LEDE_WAY_OUT_PUBLISH), which lets the story leave
 */
LedePublishDialog *
lede_publish_dialog_new (GtkWindow   *parent,
                         LedeLibrary *library,
                         LedeVerdict *verdict)
{
  LedePublishDialog *self;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && verdict != NULL, NULL);
  g_return_val_if_fail (lede_verdict_get_way_out (verdict) == LEDE_WAY_OUT_PUBLISH, NULL);

  self = g_object_new (LEDE_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->verdict = lede_verdict_ref (verdict);
  /* The headline under the title (a window title is plain text). */
  adw_window_title_set_subtitle (self->window_title, lede_article_get_headline (lede_verdict_get_article (verdict)));
  show_embargo (self);
  fill_sites (self);
  site_selected_cb (self);
  return self;
}

/* Chooses the site called @name; FALSE when there is none. */
gboolean
lede_publish_dialog_set_site (LedePublishDialog *self,
                              const char        *name)
{
  g_return_val_if_fail (LEDE_IS_PUBLISH_DIALOG (self), FALSE);

  for (guint i = 0; self->sites && i < self->sites->len; i++)
    if (g_str_equal (((LedeSite *)g_ptr_array_index (self->sites, i))->name, name))
      {
        adw_combo_row_set_selected (self->site_row, i);
        site_selected_cb (self);
        return TRUE;
      }
  return FALSE;
}

/* What the writer would choose with the radio buttons and the time. */
void
lede_publish_dialog_set_mode (LedePublishDialog *self,
                              LedePublishMode    mode,
                              GDateTime         *when)
{
  g_return_if_fail (LEDE_IS_PUBLISH_DIALOG (self));

  if (when)
    {
      g_autofree char *text = lede_time_format_local (when);

      gtk_editable_set_text (GTK_EDITABLE (self->when_entry), text);
    }
  gtk_check_button_set_active (mode == LEDE_PUBLISH_DRAFT ? self->draft_check
                               : mode == LEDE_PUBLISH_SCHEDULE ? self->schedule_check : self->now_check, TRUE);
}

/* What the Publish button does. */
void
lede_publish_dialog_publish (LedePublishDialog *self)
{
  g_return_if_fail (LEDE_IS_PUBLISH_DIALOG (self));
  publish_clicked_cb (self);
}

gboolean
lede_publish_dialog_is_sending (LedePublishDialog *self)
{
  g_return_val_if_fail (LEDE_IS_PUBLISH_DIALOG (self), FALSE);
  return self->sending;
}

/* What the dialog says under the form: progress, or why nothing went. */
const char *
lede_publish_dialog_get_status (LedePublishDialog *self)
{
  g_return_val_if_fail (LEDE_IS_PUBLISH_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}

/* The question open over the dialog (a post changed or deleted on the
 * site), or NULL. */
AdwMessageDialog *
lede_publish_dialog_get_question (LedePublishDialog *self)
{
  g_return_val_if_fail (LEDE_IS_PUBLISH_DIALOG (self), NULL);
  return self->question;
}
