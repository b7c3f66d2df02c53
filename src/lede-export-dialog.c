/* lede-export-dialog.c: choose format, stories and folder, then export with
 * a progress bar and Cancel.
 *
 * The stories are read fresh from the library, checked by the copy desk's
 * checks and written on a worker thread (LedeExportBatch), so a library of
 * thousands never freezes the window. What the checks find is shown before
 * anything is written: a story they block is left out unless its "Export
 * anyway" is ticked. Files that already exist are never replaced without
 * asking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-checks.h"
#include "lede-checks-section.h"
#include "lede-correction-dialog.h"
#include "lede-export-dialog.h"

/* Findings listed for one story; the rest are counted. */
#define MAX_FINDING_ROWS 20

struct _LedeExportDialog
{
  AdwWindow        parent_instance;

  AdwComboRow     *format_row;
  AdwComboRow     *scope_row;
  AdwActionRow    *folder_row;
  AdwActionRow    *jekyll_row;
  GtkSwitch       *jekyll_switch;
  AdwActionRow    *review_row;
  GtkSwitch       *review_switch;
  GtkWidget       *export_button;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkStack        *pages;
  AdwPreferencesGroup *checks_group;
  GtkListBox      *checks_list;

  LedeLibrary     *library;
  LedeArticle     *story;
  GArray          *selected; /* ids selected in the sidebar */
  char            *folder;
  LedeExportBatch *batch;
  GSettings       *settings;
  GCancellable    *cancellable;
  guint            progress_id;
  gboolean         checking;   /* the checks are running */
  gboolean         reviewing;  /* the findings are shown: Export goes on */
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LedeExportDialog, lede_export_dialog, ADW_TYPE_WINDOW)

static void
update_folder (LedeExportDialog *self)
{
  g_autofree char *display = self->folder ? g_filename_display_name (self->folder) : NULL;

  adw_action_row_set_subtitle (self->folder_row, display ? display : _("None chosen yet"));
  gtk_widget_set_sensitive (self->export_button, self->folder != NULL);
}

static void
format_changed_cb (LedeExportDialog *self)
{
  gboolean markdown = adw_combo_row_get_selected (self->format_row) == LEDE_EXPORT_FORMAT_MARKDOWN;

  gtk_widget_set_sensitive (GTK_WIDGET (self->jekyll_row), markdown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_row), markdown);
}

/* Jekyll's names and the editor's pass kept are for Markdown only. */
static LedeExportFlags
chosen_flags (LedeExportDialog *self)
{
  LedeExportFlags flags = LEDE_EXPORT_FLAGS_NONE;

  if (adw_combo_row_get_selected (self->format_row) != LEDE_EXPORT_FORMAT_MARKDOWN)
    return flags;
  if (gtk_switch_get_active (self->jekyll_switch))
    flags |= LEDE_EXPORT_FLAGS_JEKYLL_NAMES;
  if (gtk_switch_get_active (self->review_switch))
    flags |= LEDE_EXPORT_FLAGS_KEEP_REVIEW;
  return flags;
}

static void
on_folder_chosen (GtkNativeDialog  *chooser,
                  int               response,
                  LedeExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        lede_export_dialog_set_folder (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_folder_cb (LedeExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GFile) current = self->folder ? g_file_new_for_path (self->folder) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  if (current != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
update_progress (gpointer data)
{
  LedeExportDialog *self = data;
  guint done = lede_export_batch_get_done (self->batch);
  guint total = lede_export_batch_get_total (self->batch);
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double)done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
on_batch_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (LedeExportDialog) self = data;
  g_autoptr (GError) error = NULL;
  gboolean cancelled = !lede_export_batch_run_finish (LEDE_EXPORT_BATCH (source), result, &error);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  /* What went out is recorded, with the corrections the writer gave. */
  {
    g_autoptr (GError) record_error = NULL;

    if (!lede_export_batch_record (self->batch, self->library, &record_error))
      g_message ("%s", record_error->message);
  }
  g_signal_emit (self, signals [FINISHED], 0, self->batch, cancelled);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* While the checks or the export run, the choices stay as they were. */
static void
set_busy (LedeExportDialog *self,
          gboolean          busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy && self->folder != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->jekyll_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->checks_list), !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
}

static void
run_batch (LedeExportDialog *self)
{
  /* Remembered when used, not when merely looked at or given up. */
  g_settings_set_string (self->settings, "export-folder", self->folder);
  g_settings_set_string (self->settings, "export-format",
                         lede_export_format_to_string (adw_combo_row_get_selected (self->format_row)));
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->progress_id = g_timeout_add (100, update_progress, self);
  update_progress (self);
  lede_export_batch_run_async (self->batch, self->cancellable, on_batch_done, g_object_ref (self));
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     LedeExportDialog *self)
{
  if (g_str_equal (response, "replace"))
    {
      lede_export_batch_set_flags (self->batch, LEDE_EXPORT_FLAGS_OVERWRITE | chosen_flags (self));
      run_batch (self);
    }
  else
    {
      /* Not replaced: back to the choices, for another folder. */
      g_clear_object (&self->batch);
      gtk_stack_set_visible_child_name (self->pages, "options");
    }
}

/* After the gate's questions: ask before replacing files, then write. */
static void
go_on_to_files (LedeExportDialog *self)
{
  g_auto (GStrv) existing = NULL;

  existing = lede_export_batch_dup_existing (self->batch);
  if (existing[0] != NULL)
    {
      g_autofree char *folder = g_filename_display_basename (self->folder);
      guint n = g_strv_length (existing);
      g_autofree char *body = n == 1
        ? g_strdup_printf (_("“%s” already exists in “%s”."), existing[0], folder)
        : g_strdup_printf (_("%u files, among them “%s”, already exist in “%s”."), n, existing[0], folder);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Existing Files?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  run_batch (self);
}

static void ask_what_changed (LedeExportDialog *self,
                              guint             from);

static void
on_what_changed_response (AdwMessageDialog *dialog,
                          const char       *response,
                          LedeExportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "lede-index"));

  g_signal_handlers_disconnect_by_data (dialog, self);
  lede_correction_dialog_answer (dialog, response, lede_export_batch_get_verdict (self->batch, index));
  /* Cancel: that story is left out, and the report says why. */
  ask_what_changed (self, index + 1);
}

/* Each published story changed since it last went out is asked what
 * changed, one after another; then the files. */
static void
ask_what_changed (LedeExportDialog *self,
                  guint             from)
{
  for (guint i = from; i < lede_export_batch_get_total (self->batch); i++)
    {
      LedeVerdict *verdict = lede_export_batch_get_verdict (self->batch, i);
      const char *headline = lede_article_get_headline (lede_verdict_get_article (verdict));
      g_autofree char *heading = NULL;
      GtkWidget *dialog;

      if (!lede_verdict_asks_correction (verdict))
        continue;
      heading = g_strdup_printf (_("What Changed in “%s” Since It Went Out?"), *headline ? headline : _("Untitled story"));
      dialog = lede_correction_dialog_ask_gate (GTK_WINDOW (self), heading, verdict);
      g_object_set_data (G_OBJECT (dialog), "lede-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_what_changed_response), self, 0);
      return;
    }
  go_on_to_files (self);
}

static void
go_on (LedeExportDialog *self)
{
  ask_what_changed (self, 0);
}


static void
on_export_anyway (GtkCheckButton   *check,
                  LedeExportDialog *self)
{
  if (self->batch == NULL)
    return;
  lede_export_batch_allow (self->batch, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lede-index")),
                           gtk_check_button_get_active (check));
}

/* One row a story with findings, blocked ones first and open, each
 * blocked one with its "Export anyway". Returns: whether there is
 * anything to show. */
static gboolean
show_findings (LedeExportDialog *self)
{
  guint total = lede_export_batch_get_total (self->batch), blocked = 0, shown = 0;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))))
    gtk_list_box_remove (self->checks_list, child);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < total; i++)
      {
        GPtrArray *findings = lede_export_batch_get_findings (self->batch, i);
        gboolean blocks = lede_checks_count (findings, LEDE_SEVERITY_BLOCKING) > 0;
        const char *headline = lede_article_get_headline (lede_export_batch_get_article (self->batch, i));
        g_autofree char *summary = NULL;
        GtkWidget *row;

        if (findings == NULL || findings->len == 0 || blocks != (pass == 0))
          continue;
        summary = lede_checks_dup_summary (findings);
        row = adw_expander_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *headline ? headline : _("Untitled story"));
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
        for (guint f = 0; f < findings->len && f < MAX_FINDING_ROWS; f++)
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), lede_checks_section_make_row (g_ptr_array_index (findings, f)));
        if (blocks)
          {
            GtkWidget *anyway = gtk_check_button_new_with_label (_("Export anyway"));
            g_autofree char *label = g_strdup_printf (_("Export “%s” anyway"), *headline ? headline : _("Untitled story"));

            gtk_accessible_update_property (GTK_ACCESSIBLE (anyway), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

            gtk_widget_set_valign (anyway, GTK_ALIGN_CENTER);
            g_object_set_data (G_OBJECT (anyway), "lede-index", GUINT_TO_POINTER (i));
            g_signal_connect_object (anyway, "toggled", G_CALLBACK (on_export_anyway), self, 0);
            adw_expander_row_add_action (ADW_EXPANDER_ROW (row), anyway);
            blocked++;
          }
        /* The first story open: most often the only one. */
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), shown == 0);
        gtk_list_box_append (self->checks_list, row);
        shown++;
      }
  description = blocked
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u of %u stories is blocked by the checks and will be left out unless you tick “Export anyway”.",
                                    "%u of %u stories are blocked by the checks and will be left out unless you tick “Export anyway”.",
                                    blocked), blocked, total)
    : g_strdup (_("Nothing blocks these stories. Look over the warnings, then export."));
  adw_preferences_group_set_description (self->checks_group, description);
  return shown > 0;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (LedeExportDialog) self = data;
  g_autoptr (GError) error = NULL;

  self->checking = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  /* Only cancelling stops the checks, and then the dialog is gone. */
  if (!lede_export_batch_check_finish (LEDE_EXPORT_BATCH (source), result, &error) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (show_findings (self))
    {
      self->reviewing = TRUE;
      gtk_stack_set_visible_child_name (self->pages, "checks");
      /* The keyboard goes on where the reader is: Enter exports. */
      gtk_widget_grab_focus (self->export_button);
      return;
    }
  go_on (self);
}

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

/* The copy desk's checks on every story, on a worker thread. */
static void
start_checks (LedeExportDialog *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checking %u story…", "Checking %u stories…",
                                                        lede_export_batch_get_total (self->batch)),
                                           lede_export_batch_get_total (self->batch));

  set_busy (self, TRUE);
  self->checking = TRUE;
  gtk_progress_bar_set_text (self->progress_bar, text);
  self->cancellable = g_cancellable_new ();
  self->progress_id = g_timeout_add (100, pulse, self->progress_bar);
  lede_export_batch_check_async (self->batch, self->cancellable, on_checked, g_object_ref (self));
}

/**
 * lede_export_dialog_export:
 *
 * Starts the export as chosen: runs the checks and shows what they found
 * (a second call goes on from there), then asks if any file would be
 * replaced, then writes.
 */
void
lede_export_dialog_export (LedeExportDialog *self)
{
  LedeExportFormat format = adw_combo_row_get_selected (self->format_row);
  LedeExportFlags flags = chosen_flags (self);
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  LedeExportScope scope;

  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));

  if (self->reviewing && self->cancellable == NULL)
    {
      self->reviewing = FALSE;
      go_on (self);
      return;
    }
  if (self->batch != NULL)
    return;
  /* Fresh copies: the worker thread must not share the editor's story. */
  scope = adw_combo_row_get_selected (self->scope_row);
  if (scope == LEDE_EXPORT_SCOPE_LIBRARY)
    {
      /* Spiked stories go out only when picked, never with the rest. */
      stories = lede_library_list_articles (self->library, FALSE, &error);
      for (guint i = stories ? stories->len : 0; i-- > 0;)
        if (lede_article_get_status (g_ptr_array_index (stories, i)) == LEDE_ARTICLE_STATUS_SPIKED)
          g_ptr_array_remove_index (stories, i);
    }
  else
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (scope == LEDE_EXPORT_SCOPE_STORY && self->story)
        {
          gint64 id = lede_article_get_id (self->story);
          g_array_append_val (ids, id);
        }
      else if (scope == LEDE_EXPORT_SCOPE_SELECTED && self->selected)
        g_array_append_vals (ids, self->selected->data, self->selected->len);
      stories = lede_library_get_articles (self->library, ids, &error);
    }
  if (error == NULL)
    self->batch = lede_export_batch_new (self->library, stories, format, self->folder, flags, &error);

  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_checks (self);
}

static void
export_clicked_cb (LedeExportDialog *self)
{
  lede_export_dialog_export (self);
}

static void
cancel_clicked_cb (LedeExportDialog *self)
{
  /* An export under way ends, then the dialog; checks have nothing to
   * finish, but must not go on to write once the dialog is closed. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->cancellable == NULL || self->checking)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
lede_export_dialog_dispose (GObject *object)
{
  LedeExportDialog *self = LEDE_EXPORT_DIALOG (object);

  GtkWidget *child;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  /* The findings' rows go first, while the list they are in is whole. */
  while (self->checks_list && (child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))))
    gtk_list_box_remove (self->checks_list, child);
  G_OBJECT_CLASS (lede_export_dialog_parent_class)->dispose (object);
}

/* Escape or the window's close: as Cancel. An export under way ends
 * first and closes the dialog itself. */
static gboolean
lede_export_dialog_close_request (GtkWindow *window)
{
  LedeExportDialog *self = LEDE_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->cancellable != NULL && !self->checking)
    return TRUE;
  return GTK_WINDOW_CLASS (lede_export_dialog_parent_class)->close_request (window);
}

static void
lede_export_dialog_finalize (GObject *object)
{
  LedeExportDialog *self = LEDE_EXPORT_DIALOG (object);

  g_clear_object (&self->library);
  g_clear_object (&self->story);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_object (&self->batch);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->folder);
  G_OBJECT_CLASS (lede_export_dialog_parent_class)->finalize (object);
}

static void
lede_export_dialog_class_init (LedeExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_export_dialog_dispose;
  object_class->finalize = lede_export_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = lede_export_dialog_close_request;

  /**
   * LedeExportDialog::finished:
   * @batch: what was written and what failed
   * @cancelled: whether the user stopped it
   */
  signals [FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     LEDE_TYPE_EXPORT_BATCH, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, review_switch);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, jekyll_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, jekyll_switch);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, checks_group);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, checks_list);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The last export's folder and format are offered again. */
static void
lede_export_dialog_init (LedeExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *last_folder = NULL;
  g_autofree char *last_format = NULL;
  LedeExportFormat format;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+E, then Enter: exports (Escape cancels). */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  self->settings = g_settings_new (APP_ID);
  last_folder = g_settings_get_string (self->settings, "export-folder");
  last_format = g_settings_get_string (self->settings, "export-format");
  if (*last_folder && g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    lede_export_dialog_set_folder (self, last_folder);
  /* In a Flatpak sandbox the home folder seen is not the user's: files
   * written there would be lost. The folder is chosen through the portal. */
  else if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    lede_export_dialog_set_folder (self, NULL);
  else
    lede_export_dialog_set_folder (self, documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                         ? documents : g_get_home_dir ());
  if (lede_export_format_from_string (last_format, &format))
    lede_export_dialog_set_format (self, format);
}

/**
 * lede_export_dialog_new:
 * @story: (nullable): the open story, offered as "This story"
 */
LedeExportDialog *
lede_export_dialog_new (GtkWindow   *parent,
                        LedeLibrary *library,
                        LedeArticle *story)
{
  LedeExportDialog *self = g_object_new (LEDE_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->library = g_object_ref (library);
  self->story = story ? g_object_ref (story) : NULL;
  lede_export_dialog_set_scope (self, story ? LEDE_EXPORT_SCOPE_STORY : LEDE_EXPORT_SCOPE_LIBRARY);
  return self;
}

/* Whether the checks' findings are shown, waiting for Export. */
gboolean
lede_export_dialog_is_reviewing (LedeExportDialog *self)
{
  g_return_val_if_fail (LEDE_IS_EXPORT_DIALOG (self), FALSE);
  return self->reviewing;
}

void
lede_export_dialog_set_folder (LedeExportDialog *self,
                               const char       *folder)
{
  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
  update_folder (self);
}

/**
 * lede_export_dialog_set_selected:
 * @ids: (element-type gint64): the stories selected in the sidebar
 */
void
lede_export_dialog_set_selected (LedeExportDialog *self,
                               GArray           *ids)
{
  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->selected, g_array_unref);
  self->selected = g_array_copy (ids);
}

void
lede_export_dialog_set_format (LedeExportDialog *self,
                               LedeExportFormat  format)
{
  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

void
lede_export_dialog_set_scope (LedeExportDialog *self,
                              LedeExportScope   scope)
{
  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->scope_row, scope);
}
