/* lede-window-interchange.c: the window's import, and its ways out: export,
 * Copy as HTML and print, each through the gate (lede-gate.h).
 *
 * Import takes files from a chooser or dropped on the window, a few at a
 * time from the main loop so the window stays live; each file goes in
 * whole or not at all and every failure is reported with its reason.
 * Export hands over to LedeExportDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-correction-dialog.h"
#include "lede-export.h"
#include "lede-export-dialog.h"
#include "lede-gate.h"
#include "lede-import.h"
#include "lede-markdown.h"
#include "lede-window-private.h"

/* Files imported per turn of the main loop. */
#define IMPORT_CHUNK 16
/* Failures listed by name in the report; the rest are counted. */
#define MAX_LISTED   8

static AdwMessageDialog *
show_failures (LedeWindow  *self,
               const char  *heading,
               const char  *summary,
               GPtrArray   *messages)
{
  g_autoptr (GString) body = g_string_new (summary);
  GtkWidget *dialog;

  for (guint i = 0; i < messages->len && i < MAX_LISTED; i++)
    g_string_append_printf (body, "\n\n%s", (const char *)g_ptr_array_index (messages, i));
  if (messages->len > MAX_LISTED)
    g_string_append_printf (body, "\n\n%s", _("…and more: the others failed the same way or for the reasons above."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Export */

static void
on_export_finished (LedeWindow      *self,
                    LedeExportBatch *batch,
                    gboolean         cancelled)
{
  GPtrArray *failures = lede_export_batch_get_failures (batch);
  guint written = lede_export_batch_get_written (batch);
  guint total = lede_export_batch_get_total (batch);

  /* What went out as ready or published stays in each story's history. */
  for (guint i = 0; i < total; i++)
    {
      LedeArticle *article = lede_export_batch_get_article (batch, i);
      LedeArticleStatus status = lede_article_get_status (article);

      if (lede_export_batch_was_written (batch, i) &&
          (status == LEDE_ARTICLE_STATUS_READY || status == LEDE_ARTICLE_STATUS_PUBLISHED))
        lede_window_keep_revision_of (self, article, _("exported"));
    }

  if (failures->len > 0)
    {
      g_autoptr (GPtrArray) messages = g_ptr_array_new ();
      g_autofree char *summary = g_strdup_printf (_("%u of %u stories were exported. These were not:"), written, total);

      for (guint i = 0; i < failures->len; i++)
        g_ptr_array_add (messages, ((GError *)g_ptr_array_index (failures, i))->message);
      show_failures (self, _("Some Stories Were Not Exported"), summary, messages);
    }
  else if (cancelled)
    {
      g_autofree char *title = g_strdup_printf (_("Export stopped: %u of %u stories written"), written, total);
      lede_window_show_toast (self, title);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u story",
                                                             "Exported %u stories", written), written);
      lede_window_show_toast (self, title);
    }
}

/**
 * lede_window_show_export:
 *
 * Saves the open story, then opens the export dialog on it, or on the
 * stories selected in the sidebar when there are several.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there is
 *   nothing to export or the open story could not be saved
 */
LedeExportDialog *
lede_window_show_export (LedeWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) selected = NULL;
  LedeExportDialog *dialog;

  if (self->library == NULL)
    return NULL;
  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so it was not exported."));
      return NULL;
    }
  dialog = lede_export_dialog_new (GTK_WINDOW (self), self->library, lede_editor_get_article (self->editor));
  selected = lede_window_get_selected_ids (self);
  lede_export_dialog_set_selected (dialog, selected);
  /* Several stories picked in the sidebar are what is meant. */
  if (selected->len > 1)
    lede_export_dialog_set_scope (dialog, LEDE_EXPORT_SCOPE_SELECTED);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_export_finished), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lede_window_show_export ((LedeWindow *)widget);
}

/* A story the gate holds back leaves only when the writer says so, as in
 * the export dialog: the dialog names every reason. */

/* A way out waiting on the writer's answer to a dialog: the window and
 * the verdict stay alive until the dialog answers. */
typedef struct {
  LedeWindow  *window;
  LedeVerdict *verdict;
  LeaveFunc    then;
} Waiting;

static Waiting *
waiting_new (LedeWindow  *self,
             LedeVerdict *verdict,
             LeaveFunc    then)
{
  Waiting *waiting = g_new0 (Waiting, 1);

  waiting->window = g_object_ref (self);
  waiting->verdict = lede_verdict_ref (verdict);
  waiting->then = then;
  return waiting;
}

static void
waiting_free (Waiting *waiting)
{
  g_object_unref (waiting->window);
  lede_verdict_unref (waiting->verdict);
  g_free (waiting);
}

static void
on_ask_anyway_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Waiting *ask = user_data;

  /* Answered once: closing the dialog afterwards says nothing more. */
  g_signal_handlers_disconnect_by_data (dialog, ask);
  if (g_str_equal (response, "anyway"))
    {
      lede_verdict_allow (ask->verdict);
      ask->then (ask->window, ask->verdict);
    }
  waiting_free (ask);
}

/* Lets @verdict's story out through @leave, asking first when it is held
 * back; @anyway is the button that lets it go ("Copy Anyway"). */
void
lede_window_leave_through_gate (LedeWindow  *self,
                                LedeVerdict *verdict,
                                const char  *heading,
                                const char  *anyway,
                                LeaveFunc    leave)
{
  g_autofree char *reasons = NULL;
  GtkWidget *dialog;

  if (lede_verdict_may_leave (verdict))
    {
      leave (self, verdict);
      return;
    }
  reasons = lede_verdict_dup_reasons (verdict);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, reasons);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "anyway", anyway, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_anyway_response), waiting_new (self, verdict, leave));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What went out of the open story is recorded, with the correction the
 * writer's answer logs; the story then holds that correction too. */
void
lede_window_record_went_out (LedeWindow  *self,
                             LedeVerdict *verdict)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  LedeArticle *went = lede_verdict_get_article (verdict);
  g_autoptr (GError) error = NULL;

  if (self->library == NULL)
    return;
  /* Added to what the story holds now, which may have grown meanwhile. */
  if (lede_verdict_get_new_correction (verdict) != NULL && article != NULL &&
      lede_article_get_id (article) == lede_article_get_id (went))
    lede_article_add_correction (article, lede_verdict_get_new_correction (verdict));
  if (!lede_verdict_record_went_out (verdict, self->library, &error))
    lede_window_show_toast (self, error->message);
}

static void
on_what_changed_response (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  Waiting *asked = user_data;

  g_signal_handlers_disconnect_by_data (dialog, asked);
  lede_correction_dialog_answer (dialog, response, asked->verdict);
  /* Cancel: the story does not go out. */
  if (!lede_verdict_asks_correction (asked->verdict))
    asked->then (asked->window, asked->verdict);
  waiting_free (asked);
}

/**
 * lede_window_ask_what_changed:
 *
 * A published story changed since it last went out is asked what changed
 * (the gate's question, lede_verdict_asks_correction()) with the words
 * changed, then goes on through @then; any other goes on at once.
 */
void
lede_window_ask_what_changed (LedeWindow  *self,
                              LedeVerdict *verdict,
                              LeaveFunc    then)
{
  GtkWidget *dialog;

  if (!lede_verdict_asks_correction (verdict))
    {
      then (self, verdict);
      return;
    }
  dialog = lede_correction_dialog_ask_gate (GTK_WINDOW (self), _("What Changed Since It Went Out?"), verdict);
  g_signal_connect (dialog, "response", G_CALLBACK (on_what_changed_response), waiting_new (self, verdict, then));
}

/* The open story, as it is this moment, asked about at the gate. */
LedeVerdict *
lede_window_ask_gate (LedeWindow *self,
                      LedeWayOut  way_out)
{
  LedeArticle *article;
  g_autoptr (LedeArticle) snapshot = NULL;
  g_autofree char *last_out = NULL;
  g_autoptr (GDateTime) last_out_at = NULL;
  g_autoptr (GError) error = NULL;
  LedeVerdict *verdict;

  lede_editor_commit (self->editor);
  if ((article = lede_editor_get_article (self->editor)) == NULL)
    return NULL;
  snapshot = lede_article_dup (article);
  if (!lede_library_get_went_out (self->library, lede_article_get_id (article), &last_out, &last_out_at, &error))
    g_warning ("%s", error->message);
  verdict = lede_gate_ask (snapshot, NULL, NULL, last_out, way_out, NULL);
  lede_verdict_count_noted_since (verdict, last_out_at);
  return verdict;
}

/* Copy as HTML: rich text for a CMS editor, plain text for anything else;
 * the HTML is the fragment export's, the embargo line first, its pictures
 * inside it as data: addresses (lede_export_story_for_clipboard()).
 * Rendered on a worker thread: a pathological story can take seconds. */
typedef struct {
  LedeVerdict *verdict;
  LedeLibrary *library;     /* the photos' bytes, copied in as data: */
  char        *html;
  char        *plain;
  guint        generation;
} CopyJob;

/* Each Copy as HTML is numbered: only the latest reaches the clipboard. */
static guint copy_generation;

static void
copy_job_free (CopyJob *job)
{
  lede_verdict_unref (job->verdict);
  g_clear_object (&job->library);
  g_free (job->html);
  g_free (job->plain);
  g_free (job);
}

static void
copy_html_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CopyJob *job = task_data;
  g_autofree char *html = lede_export_story_for_clipboard (job->verdict, job->library);
  g_autofree char *embargo = lede_verdict_dup_embargo_line (job->verdict);
  g_autofree char *plain = lede_markdown_to_plain_text (lede_article_get_body (lede_verdict_get_article (job->verdict)), -1);
  GPtrArray *corrections = lede_article_get_corrections (lede_verdict_get_article (job->verdict));
  const char *language = lede_article_get_language (lede_verdict_get_article (job->verdict));
  GString *text = g_string_new (embargo ? embargo : "");

  job->html = g_steal_pointer (&html);
  /* The plain copy carries what the HTML does: the embargo line first,
   * the corrections note last. */
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, plain);
  for (guint i = 0; corrections && i < corrections->len; i++)
    {
      LedeCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *date = lede_correction_dup_date (correction, language);

      g_string_append_printf (text, "\n%s, %s: %s", lede_correction_kind_get_label (correction->kind, language), date,
                              correction->note);
    }
  job->plain = g_string_free (text, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
on_copy_html_rendered (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  LedeWindow *self = (LedeWindow *)object;
  CopyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GdkContentProvider) provider = NULL;
  g_autoptr (GBytes) html_bytes = g_bytes_new (job->html, strlen (job->html));
  GdkContentProvider *providers[2];

  if (job->generation != copy_generation)
    return;
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, job->plain);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  lede_window_record_went_out (self, job->verdict);
  lede_window_show_toast (self, _("Copied the story as HTML"));
}

static void
copy_story (LedeWindow  *self,
            LedeVerdict *verdict)
{
  g_autoptr (GTask) task = NULL;
  CopyJob *job = g_new0 (CopyJob, 1);

  job->verdict = lede_verdict_ref (verdict);
  job->library = self->library ? g_object_ref (self->library) : NULL;
  job->generation = ++copy_generation;
  task = g_task_new (self, NULL, on_copy_html_rendered, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)copy_job_free);
  g_task_run_in_thread (task, copy_html_thread);
}

static void
copy_after_answer (LedeWindow  *self,
                   LedeVerdict *verdict)
{
  lede_window_leave_through_gate (self, verdict, _("Copy a Story That Is Held Back?"), _("Copy _Anyway"), copy_story);
}

static void
copy_html_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (LedeVerdict) verdict = lede_window_ask_gate (self, LEDE_WAY_OUT_CLIPBOARD);

  if (verdict != NULL)
    lede_window_ask_what_changed (self, verdict, copy_after_answer);
}

/* Print */

static void
on_print_failed (LedeWindow   *self,
                 const GError *error,
                 GObject      *operation)
{
  g_autofree char *title = g_strdup_printf (_("The story was not printed: %s"), error->message);

  lede_window_show_toast (self, title);
}

static void
print_story (LedeWindow  *self,
             LedeVerdict *verdict)
{
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *name = lede_export_base_name (lede_editor_get_article (self->editor));
  g_autoptr (GObject) operation = NULL;
  g_autoptr (GError) error = NULL;

  /* Print to File suggests the story's slug, as an export names its file,
   * not GTK's "output.pdf". */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  operation = lede_preview_pane_print (self->preview, verdict, GTK_WINDOW (self), settings, &error);
  if (operation == NULL)
    on_print_failed (self, error, NULL);
  else
    g_signal_connect_object (operation, "failed", G_CALLBACK (on_print_failed), self, G_CONNECT_SWAPPED);
}

/* Ctrl+P: the story page as the preview shows it (the embargo line and
 * the corrections log included); "Print to File" in the dialog makes a
 * PDF of it. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (LedeVerdict) verdict = NULL;

  lede_autosave_flush (self->autosave, NULL);
  if ((verdict = lede_window_ask_gate (self, LEDE_WAY_OUT_PRINT)) != NULL)
    lede_window_leave_through_gate (self, verdict, _("Print a Story That Is Held Back?"), _("Print _Anyway"), print_story);
}

/* Import */

typedef struct {
  LedeWindow      *window;
  GPtrArray       *files;     /* GFile */
  LedeImportFlags  flags;
  guint            next;
  guint            imported;
  guint            updated;
  gint64           last_id;
  GPtrArray       *failures;  /* messages */
  GPtrArray       *skipped;   /* GFile: the library has the story already */
  GPtrArray       *skip_why;  /* messages, one per skipped file */
  GPtrArray       *notes;     /* messages: what was kept or changed on the way in */
  GPtrArray       *embargo_kept;  /* GFile: the library's embargo kept over the file's */
} ImportJob;

static void start_import (LedeWindow *self, GPtrArray *files, LedeImportFlags flags);

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->window);
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->failures);
  g_ptr_array_unref (job->skipped);
  g_ptr_array_unref (job->skip_why);
  g_ptr_array_unref (job->notes);
  g_ptr_array_unref (job->embargo_kept);
  g_free (job);
}

/* "Import as New Copies" takes the skipped files again as stories of their
 * own; "Lift the Embargo" takes the files whose embargo was not applied
 * again, asked this time to apply it. */
static void
on_report_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), response);

  /* The report is always made for a Lede window. */
  if (files == NULL || parent == NULL)
    return;
  if (g_str_equal (response, "as-new"))
    start_import ((LedeWindow *)parent, files, LEDE_IMPORT_AS_NEW);
  else if (g_str_equal (response, "lift-embargo"))
    start_import ((LedeWindow *)parent, files, LEDE_IMPORT_LIFT_EMBARGO);
}

/* Files the library already has are not failures: the report lists them
 * apart and offers to import them as new stories of their own. */
static void
show_report (ImportJob *job)
{
  LedeWindow *self = job->window;
  g_autoptr (GPtrArray) messages = g_ptr_array_new ();
  g_autoptr (GString) summary = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_string_printf (summary, _("%u of %u files were imported"), job->imported + job->updated, job->files->len);
  if (job->updated > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, " (%u as a newer copy of a story in the library)",
                                                  " (%u as newer copies of stories in the library)", job->updated),
                            job->updated);
  g_string_append (summary, ".");
  if (job->failures->len > 0)
    g_string_append (summary, _(" These were not, and the library is as it was for each of them:"));
  else if (job->skipped->len > 0)
    g_string_append (summary, _(" The library already has these stories:"));
  else
    g_string_append (summary, _(" Some were changed on the way in:"));
  /* Notes come first: they are about stories that are in the library now. */
  g_ptr_array_extend (messages, job->notes, NULL, NULL);
  g_ptr_array_extend (messages, job->failures, NULL, NULL);
  g_ptr_array_extend (messages, job->skip_why, NULL, NULL);

  dialog = show_failures (self, job->failures->len > 0 ? _("Some Files Were Not Imported")
                                : job->skipped->len > 0 ? _("Some Stories Are Already in the Library")
                                                        : _("Stories Imported with Changes"),
                          summary->str, messages);
  if (job->skipped->len > 0)
    {
      adw_message_dialog_add_response (dialog, "as-new", _("Import as _New Copies"));
      g_object_set_data_full (G_OBJECT (dialog), "as-new", g_ptr_array_ref (job->skipped),
                              (GDestroyNotify)g_ptr_array_unref);
    }
  if (job->embargo_kept->len > 0)
    {
      adw_message_dialog_add_response (dialog, "lift-embargo", _("Lift the _Embargo"));
      adw_message_dialog_set_response_appearance (dialog, "lift-embargo", ADW_RESPONSE_DESTRUCTIVE);
      g_object_set_data_full (G_OBJECT (dialog), "lift-embargo", g_ptr_array_ref (job->embargo_kept),
                              (GDestroyNotify)g_ptr_array_unref);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_report_response), NULL);
}

static void
finish_import (ImportJob *job)
{
  LedeWindow *self = job->window;

  if (job->last_id > 0)
    lede_window_select_story (self, job->last_id);
  if (job->failures->len > 0 || job->skipped->len > 0 || job->notes->len > 0)
    show_report (job);
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u story",
                                                             "Imported %u stories", job->imported + job->updated),
                                                job->imported + job->updated);
      lede_window_show_toast (self, title);
    }
  g_signal_emit_by_name (self, "imported", job->imported + job->updated, job->failures->len + job->skipped->len);
}

static gboolean
import_some (gpointer data)
{
  ImportJob *job = data;

  if (job->window->library == NULL)
    return G_SOURCE_REMOVE;
  /* The list is read again once a chunk, not once a file. */
  lede_library_hold_changes (job->window->library);
  for (guint n = 0; n < IMPORT_CHUNK && job->next < job->files->len; n++, job->next++)
    {
      GFile *file = g_ptr_array_index (job->files, job->next);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = NULL;
      g_auto (GStrv) notes = NULL;
      LedeImportNotes noted = LEDE_IMPORT_NOTE_NONE;
      LedeImportOutcome outcome;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);
          g_ptr_array_add (job->failures, g_strdup_printf (_("Could not import “%s”: it is not a local file"), uri));
          continue;
        }
      article = lede_import_file_noted (job->window->library, path, job->flags, &outcome, &noted, &notes, &error);
      for (guint i = 0; notes[i]; i++)
        g_ptr_array_add (job->notes, g_strdup (notes[i]));
      if (noted & LEDE_IMPORT_NOTE_EMBARGO_KEPT)
        g_ptr_array_add (job->embargo_kept, g_object_ref (file));
      if (article == NULL)
        {
          if (g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE) ||
              g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER))
            {
              g_ptr_array_add (job->skipped, g_object_ref (file));
              g_ptr_array_add (job->skip_why, g_strdup (error->message));
            }
          else
            g_ptr_array_add (job->failures, g_strdup (error->message));
          continue;
        }
      if (outcome == LEDE_IMPORT_UPDATED)
        job->updated++;
      else
        job->imported++;
      job->last_id = lede_article_get_id (article);
    }
  lede_library_release_changes (job->window->library);
  if (job->next < job->files->len)
    return G_SOURCE_CONTINUE;
  finish_import (job);
  return G_SOURCE_REMOVE;
}

static void
start_import (LedeWindow      *self,
              GPtrArray       *files,
              LedeImportFlags  flags)
{
  ImportJob *job;

  if (self->library == NULL || files->len == 0)
    return;
  job = g_new0 (ImportJob, 1);
  job->window = g_object_ref (self);
  job->files = g_ptr_array_ref (files);
  job->flags = flags;
  job->failures = g_ptr_array_new_with_free_func (g_free);
  job->skipped = g_ptr_array_new_with_free_func (g_object_unref);
  job->skip_why = g_ptr_array_new_with_free_func (g_free);
  job->notes = g_ptr_array_new_with_free_func (g_free);
  job->embargo_kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, import_some, job, (GDestroyNotify)import_job_free);
}

/* What lede_window_import_files() does, for the window's own choosers
 * and drops as well. */
void
lede_window_import_model (LedeWindow *self,
                          GListModel *files)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  start_import (self, list, LEDE_IMPORT_FLAGS_NONE);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  LedeWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      lede_window_import_model (self, files);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) stories = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Stories"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (stories, _("Markdown and plain text"));
  for (const char * const *pattern = (const char * const[]) { "*.md", "*.markdown", "*.txt", "*.text", NULL }; *pattern; pattern++)
    gtk_file_filter_add_pattern (stories, *pattern);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), stories);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LedeWindow    *self)
{
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    g_list_store_append (files, l->data);
  lede_window_import_model (self, G_LIST_MODEL (files));
  return TRUE;
}

void
lede_window_class_add_interchange (GtkWidgetClass *widget_class)
{
  /**
   * LedeWindow::imported:
   * @imported: stories added
   * @failed: files refused
   */
  g_signal_new ("imported", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.copy-html", NULL, copy_html_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}

void
lede_window_init_interchange (LedeWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
