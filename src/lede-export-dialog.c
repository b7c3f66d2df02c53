/* lede-export-dialog.c: choose format, stories and folder, then export with
 * a progress bar and Cancel.
 *
 * The stories are read fresh from the library and written on a worker
 * thread (LedeExportBatch), so a library of thousands never freezes the
 * window. Files that already exist are never replaced without asking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-export-dialog.h"

struct _LedeExportDialog
{
  AdwWindow        parent_instance;

  AdwComboRow     *format_row;
  AdwComboRow     *scope_row;
  AdwActionRow    *folder_row;
  AdwActionRow    *jekyll_row;
  GtkSwitch       *jekyll_switch;
  GtkWidget       *export_button;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;

  LedeLibrary     *library;
  LedeArticle     *story;
  GArray          *selected; /* ids selected in the sidebar */
  char            *folder;
  LedeExportBatch *batch;
  GCancellable    *cancellable;
  guint            progress_id;
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
  g_autofree char *display = g_filename_display_name (self->folder);

  adw_action_row_set_subtitle (self->folder_row, display);
}

static void
format_changed_cb (LedeExportDialog *self)
{
  gboolean markdown = adw_combo_row_get_selected (self->format_row) == LEDE_EXPORT_FORMAT_MARKDOWN;

  gtk_widget_set_sensitive (GTK_WIDGET (self->jekyll_row), markdown);
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
  g_autoptr (GFile) current = g_file_new_for_path (self->folder);

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
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
  g_signal_emit (self, signals [FINISHED], 0, self->batch, cancelled);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_batch (LedeExportDialog *self)
{
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->jekyll_row), FALSE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
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
      lede_export_batch_set_flags (self->batch, LEDE_EXPORT_FLAGS_OVERWRITE |
                                   (gtk_switch_get_active (self->jekyll_switch) ? LEDE_EXPORT_FLAGS_JEKYLL_NAMES : 0));
      run_batch (self);
    }
  else
    g_clear_object (&self->batch);
}

/**
 * lede_export_dialog_export:
 *
 * Starts the export as chosen, asking first if any file would be replaced.
 */
void
lede_export_dialog_export (LedeExportDialog *self)
{
  LedeExportFormat format = adw_combo_row_get_selected (self->format_row);
  LedeExportFlags flags = gtk_switch_get_active (self->jekyll_switch) && format == LEDE_EXPORT_FORMAT_MARKDOWN
                          ? LEDE_EXPORT_FLAGS_JEKYLL_NAMES : LEDE_EXPORT_FLAGS_NONE;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) existing = NULL;
  LedeExportScope scope;

  g_return_if_fail (LEDE_IS_EXPORT_DIALOG (self));

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

static void
export_clicked_cb (LedeExportDialog *self)
{
  lede_export_dialog_export (self);
}

static void
cancel_clicked_cb (LedeExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);  /* the batch ends, then the dialog */
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
lede_export_dialog_dispose (GObject *object)
{
  LedeExportDialog *self = LEDE_EXPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  G_OBJECT_CLASS (lede_export_dialog_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, jekyll_row);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, jekyll_switch);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LedeExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_export_dialog_init (LedeExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));
  lede_export_dialog_set_folder (self, documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                       ? documents : g_get_home_dir ());
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
