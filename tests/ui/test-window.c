/* test-window.c: the real window under Xvfb — the sample story, autosave
 * into the library, switching stories, the trash, a failing disk, closing,
 * libraries that cannot be opened, and import, export and Copy as HTML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "lede-editor.h"
#include "lede-export-dialog.h"
#include "lede-history-window.h"
#include "lede-preferences-window.h"
#include "lede-publishing-page.h"
#include "lede-site-store.h"
#include "lede-paths.h"
#include "lede-preview-pane.h"
#include "lede-import.h"
#include "lede-memory.h"
#include "lede-sample-story.h"
#include "lede-window.h"
#include "../lede-test-utils.h"
#include "lede-application.h"
#include "lede-window-fixture.h"
#include "lede-grafs.h"
#include "lede-window-private.h"
#include "lede-story-row.h"
#include "lede-trash-manager.h"

static void
test_opens_with_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (LedeArticle) sample = lede_sample_story_new ();
  g_autofree char *text = NULL;
  AdwWindowTitle *title;

  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  g_assert_nonnull (shown_article (f));
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, lede_article_get_headline (sample));

  text = buffer_text (f);
  g_assert_cmpstr (text, ==, lede_article_get_body (sample));

  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "story_title"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, lede_article_get_headline (sample));
  g_assert_cmpstr (lede_window_get_library_path (f->window), ==, f->path);
}

static void
test_autosave_reaches_library (Fixture       *f,
                               gconstpointer  data)
{
  GtkTextView *headline;
  g_autoptr (LedeArticle) stored = NULL;
  gint64 id = lede_article_get_id (shown_article (f));

  type_at_end (f, "\nUpdate, 11.05pm: the ferry docked safely.\n");
  g_assert_cmpint (lede_autosave_get_state (lede_window_get_autosave (f->window)), ==, LEDE_SAVE_STATE_PENDING);

  headline = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)),
                                                          LEDE_TYPE_EDITOR, "headline_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (headline), "Night ferry docks safely on its first run", -1);

  lede_test_wait_until (is_saved, f->window, 4000);

  stored = read_from_disk (f, id);
  g_assert_true (g_str_has_suffix (lede_article_get_body (stored), "\nUpdate, 11.05pm: the ferry docked safely.\n"));
  g_assert_cmpstr (lede_article_get_headline (stored), ==, "Night ferry docks safely on its first run");
}

static void
test_switch_keeps_both (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (LedeArticle) sample_on_disk = NULL;
  g_autoptr (LedeArticle) new_on_disk = NULL;
  g_autofree char *text = NULL;
  gint64 sample_id = lede_article_get_id (shown_article (f));
  gint64 new_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 2);
  new_id = lede_article_get_id (shown_article (f));
  g_assert_cmpint (new_id, !=, sample_id);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "");

  lede_article_set_headline (shown_article (f), "Bus shelter vandalised again");
  type_at_end (f, "Police are appealing for witnesses.");

  /* Switching writes the open story at once, without waiting for a pause. */
  g_assert_true (lede_window_select_article (f->window, sample_id));
  new_on_disk = read_from_disk (f, new_id);
  g_assert_cmpstr (lede_article_get_body (new_on_disk), ==, "Police are appealing for witnesses.");
  g_assert_cmpstr (lede_article_get_headline (new_on_disk), ==, "Bus shelter vandalised again");

  text = buffer_text (f);
  g_assert_true (g_str_has_prefix (text, "The lights of the"));
  g_clear_pointer (&text, g_free);

  type_at_end (f, "Correction: the boiler was rebuilt three times.");
  g_assert_true (lede_window_select_article (f->window, new_id));
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "Police are appealing for witnesses.");

  sample_on_disk = read_from_disk (f, sample_id);
  g_assert_true (g_str_has_suffix (lede_article_get_body (sample_on_disk),
                                   "Correction: the boiler was rebuilt three times."));

  /* Undo never reaches back into the other story. */
  g_assert_true (gtk_text_buffer_get_can_undo (lede_editor_get_buffer (get_editor (f))) == FALSE);
}

static void
test_trash_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (LedeLibrary) library = NULL;
  gint64 sample_id = lede_article_get_id (shown_article (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  type_at_end (f, "A story about to be binned, then saved.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-story", NULL));

  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, sample_id);

  library = lede_library_open_for_reading (f->path, NULL);
  g_assert_cmpint (lede_library_count_articles (library, TRUE, NULL), ==, 1);
  {
    g_autoptr (GArray) trash = lede_library_list_ids (library, TRUE, NULL);
    gint64 trashed_id = g_array_index (trash, gint64, 0);
    g_autoptr (LedeArticle) trashed = lede_library_get_article (library, trashed_id, NULL);

    /* What was typed went to the trash with it. */
    g_assert_cmpstr (lede_article_get_body (trashed), ==, "A story about to be binned, then saved.");

    /* The toast's Undo. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-story", "x", trashed_id));
    g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 2);
    g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, trashed_id);
    g_assert_cmpint (lede_library_count_articles (library, TRUE, NULL), ==, 0);
  }
}

static gboolean
has_network_process (gpointer unused)
{
  return lede_test_count_descendants ("WebKitNetworkProcess") > 0;
}

static void
test_failed_save_keeps_text (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GString) addition = g_string_new ("\n");
  g_autoptr (LedeArticle) stored = NULL;
  g_autofree char *text = NULL;
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "save_label"));
  gint64 id = lede_article_get_id (shown_article (f));

  /* A process of its own: WebKit's helpers from earlier tests, going
   * away, are not started again while the disk is full. */
  if (lede_test_ran_in_subprocess (60))
    return;
  for (guint i = 0; i < 5000; i++)
    g_string_append (addition, "The council met until midnight. ");

  /* WebKit writes its processes' arguments to a file as it starts them:
   * the preview is started first, as it would be before a disk fills. */
  g_assert_true (lede_preview_pane_load (LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                                           LEDE_TYPE_WINDOW, "preview")),
                                         NULL));
  lede_test_wait_until (lede_test_has_web_process, NULL, 20000);
  /* Its network process too, which it may start a moment later: the file
   * size limit below reaches the memfd WebKit writes a process's arguments
   * into, where a real full disk would not, and WebKit aborts on it. */
  lede_test_wait_until (has_network_process, NULL, 20000);

  /* A disk with no room left: every write past 4 KiB fails. */
  lede_test_limit_file_size (4096);
  type_at_end (f, addition->str);
  lede_test_wait_until (is_failed, f->window, 4000);

  g_assert_cmpstr (gtk_label_get_text (label), ==, "Not saved");
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (label)));
  text = buffer_text (f);
  g_assert_true (g_str_has_suffix (text, addition->str));

  /* Room again: the next autosave retries by itself and saves it all. */
  lede_test_limit_file_size (RLIM_INFINITY);
  lede_test_wait_until (is_saved, f->window, 8000);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Saved");
  stored = read_from_disk (f, id);
  g_assert_true (g_str_has_suffix (lede_article_get_body (stored), addition->str));
}

static void
test_close_saves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (LedeArticle) stored = NULL;
  gint64 id = lede_article_get_id (shown_article (f));

  type_at_end (f, "Last line typed before closing.");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (f->window);

  stored = read_from_disk (f, id);
  g_assert_true (g_str_has_suffix (lede_article_get_body (stored), "Last line typed before closing."));
}

/* The first widget of @type under @root, depth first. */
static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* A label under @root whose text has @words. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *words)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), words))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, words);

      if (found)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
check_refused_library (const char *contents,
                       gssize      len,
                       const char *words)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  LedeWindow *window;

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = lede_test_checksum_file (path);

  window = lede_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (lede_window_open_library (window, path));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("dialog says: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), words));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "create"));

  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);

  /* Quitting from the dialog closes the window rather than leaving it empty. */
  adw_message_dialog_response (dialog, "close");
  lede_test_wait_until (is_gone, &window, 2000);
  lede_test_rmdir (dir);
}

static void
test_refused_libraries (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *newer = NULL;
  gsize len;

  check_refused_library ("Not a database at all.\n", -1, "not a Lede library");

  /* A library stamped by a Lede from the future. */
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  }
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    /* user_version lives big-endian at byte 60 of the header. */
    contents[60] = 0; contents[61] = 0; contents[62] = 0; contents[63] = 42;
    newer = g_steal_pointer (&contents);
  }
  check_refused_library (newer, len, "newer version of Lede");
  lede_test_rmdir (dir);
}

/* The headline wraps but stays one paragraph: a pasted line break becomes a
 * space, and Enter moves on to the body. */
static void
test_headline_one_paragraph (Fixture       *f,
                             gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)),
                                                                   LEDE_TYPE_EDITOR, "headline_view"));
  GtkWidget *body = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)),
                                                               LEDE_TYPE_EDITOR, "body_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "Storm closes\nthe causeway", -1, TRUE);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "Storm closes the causeway");

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "\n", -1, TRUE);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "Storm closes the causeway");
  g_assert_true (gtk_widget_is_focus (body));
}

typedef struct {
  gboolean done;
  guint    imported, failed;
  gboolean cancelled;
  guint    written;
  LedeExportDialog *dialog;  /* until done */
} Outcome;

static void
on_imported (LedeWindow *window,
             guint       imported,
             guint       failed,
             Outcome    *outcome)
{
  outcome->imported = imported;
  outcome->failed = failed;
  outcome->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Outcome *)data)->done;
}

/* Files from the chooser or a drop: good ones go in, a bad one is reported
 * with its reason, the last good one is shown. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *bad = g_build_filename (f->dir, "notes.md", NULL);
  guint before = g_list_model_get_n_items (story_list_model (f));
  Outcome outcome = { 0 };
  AdwMessageDialog *report;

  g_assert_true (g_file_set_contents (bad, "binary\0junk", 11, NULL));
  for (const char * const *name = (const char * const[]) { "harbour-pilot.md", "notes", "school-meals.txt", NULL }; *name; name++)
    {
      g_autofree char *path = g_str_equal (*name, "notes") ? g_strdup (bad)
                                : g_test_build_filename (G_TEST_DIST, "data", "stories", *name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_list_store_append (files, file);
    }
  g_signal_connect (f->window, "imported", G_CALLBACK (on_imported), &outcome);
  lede_window_import_files (f->window, G_LIST_MODEL (files));
  lede_test_wait_until (is_done, &outcome, 10000);

  g_assert_cmpuint (outcome.imported, ==, 2);
  g_assert_cmpuint (outcome.failed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, before + 2);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "Hillcrest pupils to grow their own school dinners");
  report = find_message_dialog ();
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (report), "notes.md"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (report), "NUL byte"));
  gtk_window_destroy (GTK_WINDOW (report));
}

static void
on_export_finished (LedeExportDialog *dialog,
                    LedeExportBatch  *batch,
                    gboolean          cancelled,
                    Outcome          *outcome)
{
  outcome->written = lede_export_batch_get_written (batch);
  outcome->failed = lede_export_batch_get_failures (batch)->len;
  outcome->cancelled = cancelled;
  outcome->done = TRUE;
}

static void
export_markdown (Fixture    *f,
                 const char *folder,
                 Outcome    *outcome)
{
  LedeExportDialog *dialog = lede_window_show_export (f->window);

  g_assert_nonnull (dialog);
  lede_export_dialog_set_folder (dialog, folder);
  lede_export_dialog_set_format (dialog, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished), outcome);
  lede_export_dialog_export (dialog);
  outcome->dialog = dialog;
}

static gboolean
is_done_or_reviewing (gpointer data)
{
  Outcome *outcome = data;

  return outcome->done || lede_export_dialog_is_reviewing (outcome->dialog) || find_message_dialog () != NULL;
}

/* Exports as export_markdown() does and, when the checks' findings are
 * shown, goes on past them as the Export button does. */
static void
export_past_checks (Fixture    *f,
                    const char *folder,
                    Outcome    *outcome)
{
  export_markdown (f, folder, outcome);
  lede_test_wait_until (is_done_or_reviewing, outcome, 10000);
  if (!outcome->done && lede_export_dialog_is_reviewing (outcome->dialog))
    lede_export_dialog_export (outcome->dialog);
}

/* A story exported and imported again is "already in the library"; the
 * report offers to import it as a new copy, which adds one. */
static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  guint before = g_list_model_get_n_items (story_list_model (f));
  Outcome outcome = { 0 };
  AdwMessageDialog *report;
  const char *name;
  g_autoptr (GDir) dir = NULL;

  g_mkdir (out, 0755);
  export_past_checks (f, out, &outcome);
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.written, ==, 1);
  dir = g_dir_open (out, 0, NULL);
  name = g_dir_read_name (dir);
  {
    g_autofree char *path = g_build_filename (out, name, NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_list_store_append (files, file);
  }

  memset (&outcome, 0, sizeof outcome);
  g_signal_connect (f->window, "imported", G_CALLBACK (on_imported), &outcome);
  lede_window_import_files (f->window, G_LIST_MODEL (files));
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.imported, ==, 0);
  g_assert_cmpuint (outcome.failed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, before);
  report = find_message_dialog ();
  g_assert_nonnull (report);
  g_assert_cmpstr (adw_message_dialog_get_heading (report), ==, "Some Stories Are Already in the Library");
  g_assert_true (adw_message_dialog_has_response (report, "as-new"));

  memset (&outcome, 0, sizeof outcome);
  adw_message_dialog_response (report, "as-new");
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.imported, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, before + 1);
}

/* A story under embargo does not go out from the window either. */
static void
test_export_embargo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *name = NULL, *path = NULL, *text = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  Outcome outcome = { 0 };
  AdwMessageDialog *report;
  GtkWidget *anyway;

  g_mkdir (out, 0755);
  lede_article_set_embargo (shown_article (f), tomorrow);
  export_markdown (f, out, &outcome);
  lede_test_wait_until (is_done_or_reviewing, &outcome, 10000);
  /* The checks' findings come first, the embargo among them. */
  g_assert_true (lede_export_dialog_is_reviewing (outcome.dialog));
  g_assert_nonnull (find_label (GTK_WIDGET (outcome.dialog), "1 of 1 stories is blocked"));
  lede_export_dialog_export (outcome.dialog);
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.written, ==, 0);
  g_assert_cmpuint (outcome.failed, ==, 1);
  report = find_message_dialog ();
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (report), "was not exported. Under embargo until"));
  gtk_window_destroy (GTK_WINDOW (report));

  /* Ticked "Export anyway", it goes out, and says it is embargoed. */
  memset (&outcome, 0, sizeof outcome);
  export_markdown (f, out, &outcome);
  lede_test_wait_until (is_done_or_reviewing, &outcome, 10000);
  anyway = find_widget_of_type (GTK_WIDGET (outcome.dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (anyway);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (anyway), TRUE);
  lede_export_dialog_export (outcome.dialog);
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.written, ==, 1);
  name = lede_export_file_name (shown_article (f), LEDE_EXPORT_FORMAT_MARKDOWN, 0);
  path = g_build_filename (out, name, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "draft: true\n"));
  g_assert_nonnull (strstr (text, "\nembargo: "));
}

static gboolean
compared (gpointer data)
{
  return !lede_history_window_is_comparing (data);
}

static guint
count_revisions (Fixture *f,
                 gint64   id)
{
  g_autoptr (GPtrArray) revisions = lede_library_list_revisions (lede_window_get_library (f->window), id, NULL);

  return revisions->len;
}

/* Edit, switch, come back, edit: the history has what was left, the diff
 * shows what came since, Restore brings the old text back as one edit
 * that Ctrl+Z takes back, and a named version is kept. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  gint64 sample = lede_article_get_id (shown_article (f));
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  LedeHistoryWindow *history;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *ask;
  GtkTextIter start, end;

  type_at_end (f, "\nA first addition.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_test_spin (50);
  g_assert_cmpuint (count_revisions (f, sample), ==, 1);
  type_at_end (f, "Words of the second story.\n");
  g_assert_true (lede_window_select_article (f->window, sample));
  lede_test_spin (50);
  type_at_end (f, "\nA second addition.\n");
  /* Fields changed since the version too: a restore brings them back, and
   * one Ctrl+Z takes all of it back again. */
  lede_article_set_headline (shown_article (f), "A headline written after the version");
  lede_article_set_standfirst (shown_article (f), "A standfirst written after the version.");

  history = lede_window_show_history (f->window);
  g_assert_nonnull (history);
  g_assert_cmpuint (lede_history_window_get_count (history), ==, 1);
  lede_test_wait_until (compared, history, 10000);
  g_assert_nonnull (strstr (lede_history_window_get_summary (history), "In the body: 3 words inserted (underlined), 0 deleted (struck through)."));
  {
    GtkTextBuffer *diff = lede_history_window_get_diff (history);
    GtkTextTag *inserted = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (diff), "inserted");
    g_autofree char *text = NULL;
    GtkTextIter at;

    gtk_text_buffer_get_bounds (diff, &start, &end);
    text = gtk_text_buffer_get_text (diff, &start, &end, FALSE);
    gtk_text_buffer_get_iter_at_offset (diff, &at, g_utf8_pointer_to_offset (text, strstr (text, "second addition")));
    g_assert_true (gtk_text_iter_has_tag (&at, inserted));
  }
  gtk_window_destroy (GTK_WINDOW (history));

  revisions = lede_library_list_revisions (lede_window_get_library (f->window), sample, NULL);
  lede_window_restore_revision (f->window, ((LedeRevision *)g_ptr_array_index (revisions, 0))->id);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (body, "A first addition."));
  g_assert_null (strstr (body, "A second addition."));
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), !=, "A headline written after the version");
  g_assert_cmpstr (lede_article_get_standfirst (shown_article (f)), !=, "A standfirst written after the version.");
  /* What was there before the restore is kept, and one Ctrl+Z brings all
   * of it back: the body, the headline and the other fields. */
  g_assert_cmpuint (count_revisions (f, sample), ==, 2);
  gtk_text_buffer_undo (buffer);
  g_free (body);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (body, "A second addition."));
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "A headline written after the version");
  g_assert_cmpstr (lede_article_get_standfirst (shown_article (f)), ==, "A standfirst written after the version.");
  /* Redo puts the restore back, every field. */
  gtk_text_buffer_redo (buffer);
  g_assert_cmpstr (lede_article_get_standfirst (shown_article (f)), !=, "A standfirst written after the version.");
  /* The toast's Undo does what Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-restore", NULL));
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "A headline written after the version");
  g_assert_cmpstr (lede_article_get_standfirst (shown_article (f)), ==, "A standfirst written after the version.");

  /* Save Version… keeps a named one, even with nothing changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-version", NULL));
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ask)), "as filed");
  adw_message_dialog_response (ask, "save");
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = lede_library_list_revisions (lede_window_get_library (f->window), sample, NULL);
  g_assert_cmpstr (((LedeRevision *)g_ptr_array_index (revisions, 0))->name, ==, "as filed");
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* A published story changed in its text is asked about once: noted as a
 * correction, the note is saved with the story; the next change is not
 * asked about again, and publishing itself is not a change. */
static void
test_correction (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = lede_article_get_id (shown_article (f));
  AdwMessageDialog *ask;

  lede_article_set_status (shown_article (f), LEDE_ARTICLE_STATUS_PUBLISHED);
  lede_test_spin (2500);
  g_assert_null (find_message_dialog ());

  type_at_end (f, "\nThe crossing takes forty minutes, not four.\n");
  lede_test_wait_until (has_message_dialog, NULL, 5000);
  ask = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "This Story Is Published");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (ask), "lede-note"), "The crossing time was wrong.");
  adw_message_dialog_response (ask, "correction");
  /* A click closes it too; a response from code does not. */
  gtk_window_destroy (GTK_WINDOW (ask));
  g_assert_cmpuint (lede_article_get_corrections (shown_article (f))->len, ==, 1);
  g_assert_true (lede_autosave_flush (lede_window_get_autosave (f->window), NULL));
  {
    g_autoptr (GPtrArray) stored = lede_library_list_corrections (lede_window_get_library (f->window), id, NULL);
    LedeCorrection *correction = g_ptr_array_index (stored, 0);

    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpint (correction->kind, ==, LEDE_CORRECTION_CORRECTION);
    g_assert_cmpstr (correction->note, ==, "The crossing time was wrong.");
  }

  lede_test_spin (100);
  type_at_end (f, "One more line.\n");
  lede_test_spin (2500);
  g_assert_null (find_message_dialog ());
}

static gboolean clipboard_has_html (gpointer clipboard);
static gboolean has_no_message_dialog (gpointer unused);

static gboolean
has_html_or_dialog (gpointer clipboard)
{
  return clipboard_has_html (clipboard) || find_message_dialog () != NULL;
}

/* Lets a held-back story out ("Copy Anyway"), as the writer would here. */
static void
wait_copied_anyway (GdkClipboard *clipboard)
{
  AdwMessageDialog *ask;

  lede_test_wait_until (has_html_or_dialog, clipboard, 5000);
  if ((ask = find_message_dialog ()) != NULL)
    {
      g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Copy a Story That Is Held Back?");
      adw_message_dialog_response (ask, "anyway");
      gtk_window_destroy (GTK_WINDOW (ask));
    }
  lede_test_wait_until (clipboard_has_html, clipboard, 5000);
}

/* Copy as HTML of a published story changed since it last went out asks
 * what changed, with the words changed; the answer is logged, and the next
 * copy of the same words asks nothing. */
static void
test_copy_asks_what_changed (Fixture       *f,
                             gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  gint64 id = lede_article_get_id (shown_article (f));
  AdwMessageDialog *ask;

  lede_article_set_status (shown_article (f), LEDE_ARTICLE_STATUS_PUBLISHED);
  lede_test_spin (2500);
  gdk_clipboard_set_text (clipboard, "Nothing copied yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  wait_copied_anyway (clipboard);

  type_at_end (f, "\nThe crossing takes forty minutes, not four.\n");
  /* The in-session question, answered "not now": the gate still asks. */
  lede_test_wait_until (has_message_dialog, NULL, 5000);
  ask = find_message_dialog ();
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  lede_test_wait_until (has_no_message_dialog, NULL, 5000);

  gdk_clipboard_set_text (clipboard, "Nothing copied yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  lede_test_wait_until (has_message_dialog, NULL, 5000);
  ask = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "What Changed Since It Went Out?");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (ask), "lede-note"), "The crossing time was wrong.");
  adw_message_dialog_response (ask, "correction");
  gtk_window_destroy (GTK_WINDOW (ask));
  wait_copied_anyway (clipboard);
  {
    g_autoptr (GPtrArray) stored = lede_library_list_corrections (lede_window_get_library (f->window), id, NULL);

    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (((LedeCorrection *)g_ptr_array_index (stored, 0))->note, ==, "The crossing time was wrong.");
  }

  /* The same words again: no question of what changed. */
  gdk_clipboard_set_text (clipboard, "Nothing copied yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  wait_copied_anyway (clipboard);
}

/* The apply button inside an entry row, found by its icon. */
static GtkWidget *
apply_button_of (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "adw-entry-apply-symbolic") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = apply_button_of (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The shortcuts window is built when first asked for (GTK would build
 * one with every window), and once. GTK 4.8's shortcuts window warns here
 * of a label measured narrower than nothing, and its focus leaves a
 * GtkText without its focus-out (not in the app): warnings are not fatal
 * in this test. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (f->window);
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  lede_test_spin (50);
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  lede_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  lede_test_spin (50);
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  gtk_widget_grab_focus (GTK_WIDGET (f->window));
  lede_test_spin (200);
  g_log_set_always_fatal (fatal);
}

/* Defects a new user met (issue 15): every shortcut Lede sets is in the
 * shortcuts window (and Import's is not GTK's Inspector's); the embargo
 * row's apply button goes once applied; the export dialog offers the last
 * folder and format again; "Saved" is not shown with no story open. */
static void
test_polish (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (LEDE_RESOURCE_PATH "/lede-shortcuts-window.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  GtkEditable *embargo = panel_child (f, "embargo_row");
  const LedeAccel *accels;
  Outcome outcome = { 0 };
  guint n;

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        if (action)
          g_hash_table_add (listed, action);
      }
  accels = lede_application_get_accels (&n);
  for (guint i = 0; i < n; i++)
    {
      if (!g_hash_table_contains (listed, accels[i].action))
        g_test_message ("not in the shortcuts window: %s", accels[i].action);
      g_assert_true (g_hash_table_contains (listed, accels[i].action));
      g_assert_cmpstr (accels[i].accels[0], !=, "<Control><Shift>i");
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-metadata", NULL));
  lede_test_spin (50);
  gtk_widget_grab_focus (GTK_WIDGET (embargo));
  gtk_editable_set_text (embargo, "2026-12-1 9:30");
  g_signal_emit_by_name (embargo, "apply");
  lede_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (embargo), ==, "2026-12-01 09:30");
  g_assert_nonnull (apply_button_of (GTK_WIDGET (embargo)));
  g_assert_false (gtk_widget_get_visible (apply_button_of (GTK_WIDGET (embargo))));
  lede_article_set_embargo (shown_article (f), NULL);

  g_mkdir (out, 0755);
  export_past_checks (f, out, &outcome);
  lede_test_wait_until (is_done, &outcome, 10000);
  {
    LedeExportDialog *again = lede_window_show_export (f->window);
    AdwComboRow *format = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (again), LEDE_TYPE_EXPORT_DIALOG,
                                                                        "format_row"));
    AdwActionRow *folder = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (again), LEDE_TYPE_EXPORT_DIALOG,
                                                                          "folder_row"));
    g_autofree char *shown = g_filename_display_name (out);

    g_assert_cmpuint (adw_combo_row_get_selected (format), ==, LEDE_EXPORT_FORMAT_MARKDOWN);
    g_assert_cmpstr (adw_action_row_get_subtitle (folder), ==, shown);
    gtk_window_destroy (GTK_WINDOW (again));
  }
  {
    /* The next tests start from the defaults. */
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_reset (settings, "export-folder");
    g_settings_reset (settings, "export-format");
  }

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW,
                                                                                    "save_label"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-story", NULL));
  lede_test_spin (100);
  if (shown_article (f) == NULL)
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                                       LEDE_TYPE_WINDOW, "save_label"))));
}

/* Preferences are GSettings, applied as they change: zoom, the line
 * length, the byline and language of new stories; Ctrl+, opens them. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkTextView *body = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)), LEDE_TYPE_EDITOR,
                                                                    "body_view"));
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean shown = FALSE;
  int wide_margin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.1, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.0, 0.001);

  /* A shorter line leaves wider margins in the same window: the editor
   * alone, in a wide one. */
  g_settings_set_string (settings, "layout", "editor");
  g_settings_set_boolean (settings, "show-metadata", FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 800);
  lede_test_spin (200);
  wide_margin = gtk_text_view_get_left_margin (body);
  g_settings_set_int (settings, "line-length", 40);
  g_settings_set_double (settings, "text-scale", 0.75);
  lede_test_spin (100);
  g_assert_cmpint (gtk_text_view_get_left_margin (body), >, wide_margin);

  /* A font name with quotes and a family list makes CSS that parses (a
   * parse error is a warning, fatal here). */
  g_settings_set_string (settings, "editor-font", "Ser\"if\\ Odd, Cantarell, Serif 14");
  lede_test_spin (100);
  g_settings_reset (settings, "editor-font");

  g_settings_set_string (settings, "default-byline", "Night desk");
  g_settings_set_string (settings, "default-language", "cy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_test_spin (50);
  g_assert_cmpstr (lede_article_get_byline (shown_article (f)), ==, "Night desk");
  g_assert_cmpstr (lede_article_get_language (shown_article (f)), ==, "cy");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (LEDE_IS_PREFERENCES_WINDOW (window))
        {
          shown = TRUE;
          gtk_window_destroy (GTK_WINDOW (window));
          break;
        }
    }
  g_assert_true (shown);
  for (const char * const *key = (const char * const[]) { "line-length", "default-byline", "default-language", "layout",
                                                          "show-metadata", NULL }; *key; key++)
    g_settings_reset (settings, *key);
}

/* Lede opens the story that was open last, with the cursor where it was,
 * not the top of the newest story. */
static void
test_back_where_you_were (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = g_strdup (lede_window_get_library_path (f->window));
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  g_autofree char *uuid = NULL;
  gint64 newest, story;
  GtkTextIter cursor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_test_spin (50);
  type_at_end (f, "Line one.\nLine two, where the writer stopped.\n");
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, 12);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  uuid = g_strdup (lede_article_get_uuid (shown_article (f)));
  story = lede_article_get_id (shown_article (f));
  /* Another story is the newest now, and would be opened by default. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_test_spin (50);
  newest = lede_article_get_id (shown_article (f));
  g_assert_true (lede_window_select_article (f->window, story));
  lede_test_spin (50);
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, 12);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  g_assert_true (lede_window_open_library (f->window, other));
  g_assert_true (lede_window_open_library (f->window, first));
  lede_test_spin (50);
  g_assert_cmpstr (lede_article_get_uuid (shown_article (f)), ==, uuid);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), !=, newest);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 12);
}

/* The open story, with what was typed a moment ago, goes out as Markdown;
 * a second export asks before replacing the file. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeArticle) exported = NULL;
  Outcome outcome = { 0 };
  AdwMessageDialog *ask;
  gsize len;

  g_mkdir (out, 0755);
  type_at_end (f, "\nA line typed just before exporting.\n");
  export_past_checks (f, out, &outcome);
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_false (outcome.cancelled);
  g_assert_cmpuint (outcome.written, ==, 1);

  name = lede_export_file_name (shown_article (f), LEDE_EXPORT_FORMAT_MARKDOWN, 0);
  path = g_build_filename (out, name, NULL);
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  exported = lede_import_parse (path, text, len, &tags, NULL);
  g_assert_cmpstr (lede_article_get_headline (exported), ==, lede_article_get_headline (shown_article (f)));
  g_assert_nonnull (strstr (lede_article_get_body (exported), "A line typed just before exporting."));

  /* Again: nothing is replaced until the user says so. */
  memset (&outcome, 0, sizeof outcome);
  type_at_end (f, "A second line.\n");
  export_past_checks (f, out, &outcome);
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Replace Existing Files?");
  g_free (text);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "A second line."));
  adw_message_dialog_response (ask, "replace");
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.written, ==, 1);
  g_free (text);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "A second line."));
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  *(char **)data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
has_text (gpointer data)
{
  return *(char **)data != NULL;
}

/* The sidebar's order comes from the menu and is remembered; the open
 * story stays open and selected whatever the order. */
static void
test_story_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  LedeArticle *shown;
  GListModel *model = story_list_model (f);
  g_autoptr (LedeArticle) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Almanac of the harbour");
  lede_test_wait_until (is_saved, f->window, 4000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Zebra crossing for Quay Street");
  lede_test_wait_until (is_saved, f->window, 4000);
  shown = shown_article (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.story-order", "s", "headline"));
  {
    g_autofree char *order = g_settings_get_string (settings, "story-order");
    g_assert_cmpstr (order, ==, "headline");
  }
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (lede_article_get_headline (first), ==, "Almanac of the harbour");
  g_assert_true (shown_article (f) == shown);
  g_assert_true (selected_article (f) == shown);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.story-order", "s", "newest"));
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == shown);
}

static gboolean
search_settled (gpointer data)
{
  Fixture *f = data;
  return !f->window->search_running && f->window->pending_query == NULL;
}

static void
search_for (Fixture    *f,
            const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (f->window->search_entry);

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry waits a moment before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  lede_test_wait_until (search_settled, f, 5000);
}

static char *
listed (Fixture *f)
{
  GListModel *model = story_list_model (f);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedeArticle) article = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? " | " : "", lede_article_get_headline (article));
    }
  return g_string_free (out, FALSE);
}

static gboolean
list_read (gpointer data)
{
  Fixture *f = data;

  return !lede_article_list_is_loading (f->window->articles);
}

static gboolean
holds_150 (gpointer data)
{
  return g_list_model_get_n_items (story_list_model (data)) == 150;
}

/* A library's list read on a worker (as one of 10,000 stories and more
 * is): the story opens once it is read; a new story opens at once and is
 * selected once the list holds it; the whole list comes back after a
 * search, the open story selected in it; another order and a search of
 * many hits each show their first page first. */
static void
test_list_on_worker (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  gint64 sample_id, new_id;

  g_setenv ("LEDE_LIST_WORKER_FROM", "0", TRUE);
  fixture_setup (f, NULL);
  lede_test_wait_until (list_read, f, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  g_assert_nonnull (shown_article (f));
  g_assert_true (selected_article (f) == shown_article (f));
  sample_id = lede_article_get_id (shown_article (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  g_assert_true (lede_article_list_is_loading (f->window->articles));
  /* Open at once, while the list is read: what is typed next goes into
   * the new story, never into the one before. */
  new_id = lede_article_get_id (shown_article (f));
  g_assert_cmpint (new_id, !=, sample_id);
  lede_test_wait_until (list_read, f, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 2);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, new_id);
  g_assert_nonnull (selected_article (f));
  g_assert_cmpint (lede_article_get_id (selected_article (f)), ==, new_id);

  g_assert_true (lede_window_select_article (f->window, sample_id));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  search_for (f, "lights");
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  search_for (f, "");
  lede_test_wait_until (list_read, f, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 2);
  g_assert_nonnull (selected_article (f));
  g_assert_cmpint (lede_article_get_id (selected_article (f)), ==, sample_id);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, sample_id);

  /* Another order shows the list's first page while the rest is read:
   * the open story, in the rest, stays open, and is selected once the
   * whole list is there. */
  {
    LedeLibrary *library = f->window->library;
    g_autoptr (LedeArticle) last = lede_article_new ();

    g_assert_true (lede_library_begin_batch (library, NULL));
    for (guint i = 0; i < 150; i++)
      {
        g_autoptr (LedeArticle) article = lede_article_new ();
        g_autofree char *headline = g_strdup_printf ("Agenda item %03u", i);

        lede_article_set_headline (article, headline);
        g_assert_true (lede_library_create_article (library, article, NULL));
      }
    lede_article_set_headline (last, "Zinc roof for the lifeboat house");
    g_assert_true (lede_library_create_article (library, last, NULL));
    g_assert_true (lede_library_end_batch (library, NULL));
    lede_test_wait_until (list_read, f, 5000);
    g_assert_true (lede_window_select_article (f->window, lede_article_get_id (last)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.story-order", "s", "headline"));
    lede_test_wait_until (list_read, f, 5000);
    g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 153);
    g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, lede_article_get_id (last));
    g_assert_nonnull (selected_article (f));
    g_assert_cmpint (lede_article_get_id (selected_article (f)), ==, lede_article_get_id (last));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.story-order", "s", "newest"));
    lede_test_wait_until (list_read, f, 5000);
  }

  /* A search with more hits than a screenful shows the first of them,
   * then, once those are painted, the rest. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  search_for (f, "agenda");
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), >, 0);
  lede_test_wait_until (holds_150, f, 5000);
  search_for (f, "");
  lede_test_wait_until (list_read, f, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 153);

  /* The open story trashed: the story in its place opens, selected. */
  {
    gint64 trashed = lede_article_get_id (shown_article (f));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-story", NULL));
    lede_test_wait_until (list_read, f, 5000);
    g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 152);
    g_assert_nonnull (selected_article (f));
    g_assert_true (selected_article (f) == shown_article (f));
    g_assert_cmpint (lede_article_get_id (shown_article (f)), !=, trashed);
  }

  fixture_teardown (f, NULL);
  g_unsetenv ("LEDE_LIST_WORKER_FROM");
}

/* Search in the sidebar: matches as you type (the last word a prefix),
 * best first, with the matched words; the filters narrow it; any text is
 * safe; Escape gives the whole list back with the open story selected,
 * and the open story never changes by itself. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  LedeArticle *shown = shown_article (f);
  static const char *stories[][3] = {
    { "Harbour dues rise by a tenth", "Fishing crews say the rise will cost them dearly.", "ready" },
    { "Ferry's winter timetable", "The operator's new timetable starts on Monday.", "draft" },
  };
  static const char *awkward[] = { "\"", "NEAR(", "*", "-", "\"ferry", "a\"b\"c\"", "harbour AND (", NULL };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      LedeArticleStatus status;

      lede_article_set_headline (article, stories[i][0]);
      lede_article_set_body (article, stories[i][1]);
      g_assert_true (lede_article_status_from_string (stories[i][2], &status));
      lede_article_set_status (article, status);
      g_assert_true (lede_library_create_article (library, article, NULL));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (f->window->search_bar));

  /* "harbo" finds "Harbour" in a headline and "harbour" in the sample's
   * body; the headline ranks first. */
  search_for (f, "harbo");
  text = listed (f);
  g_assert_cmpstr (text, ==, "Harbour dues rise by a tenth | Night ferry to Kestle Island returns after forty-one years");
  g_assert_nonnull (strstr (lede_window_get_snippet (f->window, 2) ? lede_window_get_snippet (f->window, 2) : "", "<b>"));
  g_assert_true (shown_article (f) == shown);
  g_clear_pointer (&text, g_free);

  /* An apostrophe inside a word finds the word. */
  search_for (f, "ferry's");
  text = listed (f);
  g_assert_nonnull (strstr (text, "Ferry's winter timetable"));
  g_clear_pointer (&text, g_free);

  /* The status filter narrows the matches. */
  search_for (f, "timetable");
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  g_assert_true (shown_article (f) == shown);
  gtk_drop_down_set_selected (f->window->status_filter, 3 /* Ready */);
  g_assert_true (shown_article (f) == shown);
  lede_test_wait_until (search_settled, f, 5000);
  g_assert_true (shown_article (f) == shown);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->no_match_label)));
  gtk_drop_down_set_selected (f->window->status_filter, 0);
  lede_test_wait_until (search_settled, f, 5000);

  g_assert_true (shown_article (f) == shown);
  for (guint i = 0; awkward[i]; i++)
    {
      search_for (f, awkward[i]);
      g_assert_true (shown_article (f) == shown);
    }
  search_for (f, "zzqxv");
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->no_match_label)));
  g_assert_true (shown_article (f) == shown);

  /* Escape: the whole list, the open story selected. */
  gtk_search_bar_set_search_mode (f->window->search_bar, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->no_match_label)));
  g_assert_true (selected_article (f) == shown);
  g_assert_true (shown_article (f) == shown);

  /* Opening a match marks the searched words in it, until the next edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  search_for (f, "timetable");
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->window->selection), 0, TRUE);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "Ferry's winter timetable");
  {
    GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
    GtkTextTag *match = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "search-match");
    GtkTextIter at;

    gtk_text_buffer_get_iter_at_offset (buffer, &at, (int)g_utf8_strlen ("The operator's new ", -1));
    g_assert_true (gtk_text_iter_has_tag (&at, match));
    type_at_end (f, " More.");
    gtk_text_buffer_get_iter_at_offset (buffer, &at, (int)g_utf8_strlen ("The operator's new ", -1));
    g_assert_false (gtk_text_iter_has_tag (&at, match));
  }
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button (child, tooltip)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_child_of_type (GtkWidget *root,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child_of_type (child, type)))
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* A message dialog shown whose body holds @part, or NULL. */
static AdwMessageDialog *
find_message_with (const char *part)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), part))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
publishing_idle (gpointer page)
{
  return !lede_publishing_page_is_busy (page);
}

/* Preferences → Publishing removes a site though no password store
 * answers (this session bus has no Secret Service): the site goes, and
 * a dialog says its password may still be kept, and why. */
static void
test_remove_site_without_keyring (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *conf_dir = g_build_filename (g_get_user_config_dir (), "lede", NULL);
  g_autofree char *conf = g_build_filename (conf_dir, "sites.conf", NULL);
  g_autofree char *left = NULL;
  LedePreferencesWindow *preferences;
  LedePublishingPage *page;
  AdwMessageDialog *confirm, *said;
  GtkWidget *row = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) names = NULL;
  g_autofree const char **activatable = NULL;

  /* Only where no Secret Service answers, as on the tests' own bus. */
  g_assert_nonnull (bus);
  names = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  g_assert_nonnull (names);
  g_variant_get (names, "(^a&s)", &activatable);
  if (g_strv_contains (activatable, "org.freedesktop.secrets"))
    {
      g_test_skip ("a Secret Service answers on this bus");
      return;
    }
  /* Never a writer's own sites file (main() moved the folder). */
  g_assert_true (g_str_has_prefix (conf_dir, g_get_tmp_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (conf_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, "[Harbour Gazette]\naddress=https://gazette.example.org/\nuser=ines\n", -1,
                                      NULL));
  preferences = lede_preferences_window_new (GTK_WINDOW (f->window), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  page = LEDE_PUBLISHING_PAGE (find_child_of_type (GTK_WIDGET (preferences), LEDE_TYPE_PUBLISHING_PAGE));
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                             LEDE_TYPE_PUBLISHING_PAGE,
                                                                                             "sites_list")));
       w; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_PREFERENCES_ROW (w) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Harbour Gazette") == 0)
      row = w;
  g_assert_nonnull (row);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "lede-remove"), "clicked");
  confirm = find_message_with ("Lede forgets the site and its password");
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  lede_test_spin (50);
  lede_test_wait_until (publishing_idle, page, 10000);
  g_assert_null (lede_site_store_find ("Harbour Gazette", NULL));
  g_assert_true (g_file_get_contents (conf, &left, NULL, NULL));
  g_assert_null (strstr (left, "Gazette"));
  said = find_message_with ("its password may still be in the password store");
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (said), "did not answer"));
  gtk_window_destroy (GTK_WINDOW (said));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* The sidebar's Trash button counts what is in the trash; its window
 * restores a story. */
static void
test_trash_view (Fixture       *f,
                 gconstpointer  data)
{
  LedeArticle *sample = shown_article (f);
  gint64 id = lede_article_get_id (sample);
  GtkWindow *manager;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-story", NULL));
  g_assert_cmpstr (adw_button_content_get_label (f->window->trash_button_content), ==, "Trash (1)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-trash", NULL));
  manager = find_toplevel (LEDE_TYPE_TRASH_MANAGER);
  g_assert_nonnull (manager);
  g_assert_nonnull (find_button (GTK_WIDGET (manager), "Delete Forever"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (manager), "Restore"), "clicked");
  g_assert_cmpstr (adw_button_content_get_label (f->window->trash_button_content), ==, "Trash");
  g_assert_cmpint (lede_article_list_find (LEDE_ARTICLE_LIST (f->window->articles), id), !=, G_MAXUINT);
  /* The trash is empty now, and says so. */
  g_assert_null (find_button (GTK_WIDGET (manager), "Restore"));
  gtk_window_destroy (manager);
}

static gboolean
trash_is_empty (gpointer library)
{
  return lede_library_count_articles (library, TRUE, NULL) == 0;
}

static void
count_changes (LedeLibrary *library,
               guint       *count)
{
  (*count)++;
}

/* Emptying a large trash goes a chunk at a time with a progress bar, the
 * window live between chunks, and the lists read again once at the end. */
static void
test_empty_large_trash (Fixture       *f,
                        gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  LedeArticle *open = shown_article (f);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 3 * LEDE_LIBRARY_DELETE_CHUNK + 7, changes = 0;
  GtkWindow *manager;
  AdwMessageDialog *confirm;
  GtkWidget *progress;

  g_assert_true (lede_library_begin_batch (library, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedeArticle) story = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Spiked brief %u", i);
      gint64 id;

      lede_article_set_headline (story, headline);
      g_assert_true (lede_library_create_article (library, story, NULL));
      id = lede_article_get_id (story);
      g_array_append_val (ids, id);
    }
  g_assert_true (lede_library_end_batch (library, NULL));
  g_assert_true (lede_library_trash_stories (library, ids, NULL));
  g_assert_true (shown_article (f) == open);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-trash", NULL));
  manager = find_toplevel (LEDE_TYPE_TRASH_MANAGER);
  g_signal_emit_by_name (find_button (GTK_WIDGET (manager), "Delete every story in the trash forever"), "clicked");
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_signal_connect (library, "articles-changed", G_CALLBACK (count_changes), &changes);
  adw_message_dialog_response (confirm, "delete");

  /* One chunk a turn of the main loop: partway, the bar shows it. */
  while (lede_library_count_articles (library, TRUE, NULL) == n)
    g_main_context_iteration (NULL, TRUE);
  progress = find_child_of_type (GTK_WIDGET (manager), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_assert_true (gtk_widget_get_visible (progress));
  g_assert_cmpint (lede_library_count_articles (library, TRUE, NULL), >, 0);
  g_assert_cmpint (lede_library_count_articles (library, TRUE, NULL), <, n);

  lede_test_wait_until (trash_is_empty, library, 20000);
  lede_test_spin (50);
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (adw_button_content_get_label (f->window->trash_button_content), ==, "Trash");
  g_assert_true (shown_article (f) == open);
  gtk_window_destroy (manager);
}

static gboolean
clipboard_has_html (gpointer clipboard)
{
  return gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html");
}

static void
test_copy_html (Fixture       *f,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  /* Rendered on a worker thread, then put on the clipboard. */
  lede_test_wait_until (clipboard_has_html, clipboard, 5000);
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, &text);
  lede_test_wait_until (has_text, &text, 5000);
  /* The plain version has no Markdown left in it. */
  g_assert_nonnull (strstr (text, "Wren of Kestle"));
  g_assert_null (strstr (text, "*Wren"));
}

static gboolean
has_no_message_dialog (gpointer unused)
{
  return find_message_dialog () == NULL;
}

/* Copy as HTML asks the gate as export does: an embargoed story is copied
 * only after "Copy Anyway", and what is copied opens with its embargo line. */
static void
test_copy_html_held_back (Fixture       *f,
                          gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *text = NULL;
  AdwMessageDialog *ask;

  lede_article_set_embargo (shown_article (f), tomorrow);
  gdk_clipboard_set_text (clipboard, "Nothing copied yet");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  lede_test_wait_until (has_message_dialog, NULL, 5000);
  ask = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "embargo"));
  /* As a click does: the answer, then the dialog goes. */
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  lede_test_wait_until (has_no_message_dialog, NULL, 5000);
  lede_test_spin (300);
  g_assert_false (clipboard_has_html (clipboard));
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, &text);
  lede_test_wait_until (has_text, &text, 5000);
  g_assert_cmpstr (text, ==, "Nothing copied yet");
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-html", NULL));
  lede_test_wait_until (has_message_dialog, NULL, 5000);
  ask = find_message_dialog ();
  adw_message_dialog_response (ask, "anyway");
  gtk_window_destroy (GTK_WINDOW (ask));
  lede_test_wait_until (clipboard_has_html, clipboard, 5000);
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, &text);
  lede_test_wait_until (has_text, &text, 5000);
  g_assert_true (g_str_has_prefix (text, "EMBARGOED UNTIL "));
  g_assert_nonnull (strstr (text, "Wren of Kestle"));
}

static gboolean
selection_bar_shown (Fixture *f)
{
  return gtk_revealer_get_reveal_child (f->window->selection_revealer);
}

/* Ctrl+click several stories, then act on all of them from the bar. */
static void
test_many_stories (Fixture       *f,
                   gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (story_list_model (f));
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (GArray) ids = NULL;
  g_auto (GStrv) tags = NULL;
  LedeArticle *open;
  gint64 open_id;

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
      type_at_end (f, "Tide tables for the week.");
    }
  /* Typed, not yet saved: the open story is at the top (newest first). */
  type_at_end (f, " Unsaved words.");
  open = shown_article (f);
  open_id = lede_article_get_id (open);
  g_assert_true (selected_article (f) == open);
  g_assert_false (selection_bar_shown (f));

  /* Ctrl+click two more: the open story stays open, the bar says three. */
  gtk_selection_model_select_item (selection, 1, FALSE);
  gtk_selection_model_select_item (selection, 3, FALSE);
  g_assert_true (shown_article (f) == open);
  g_assert_true (selection_bar_shown (f));
  g_assert_cmpstr (gtk_label_get_label (f->window->selection_label), ==, "3 selected");
  ids = lede_window_get_selected_ids (f->window);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, open_id);

  /* Status for all three: what was typed is kept, and the editor holds the
   * new status, so the next autosave does not put the old one back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-status", "s", "ready"));
  g_assert_cmpint (lede_article_get_status (shown_article (f)), ==, LEDE_ARTICLE_STATUS_READY);
  {
    g_autofree char *text = buffer_text (f);
    g_assert_nonnull (strstr (text, "Tide tables for the week. Unsaved words."));
  }
  type_at_end (f, " More.");
  lede_test_wait_until (is_saved, f->window, 4000);
  reader = lede_library_open_for_reading (f->path, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LedeArticle) story = lede_library_get_article (reader, g_array_index (ids, gint64, i), NULL);
      g_assert_cmpint (lede_article_get_status (story), ==, LEDE_ARTICLE_STATUS_READY);
    }
  {
    g_autoptr (LedeArticle) story = lede_library_get_article (reader, open_id, NULL);
    g_assert_cmpstr (lede_article_get_body (story), ==, "Tide tables for the week. Unsaved words. More.");
  }
  /* The same three are still selected. */
  {
    g_autoptr (GArray) again = lede_window_get_selected_ids (f->window);
    g_assert_cmpuint (again->len, ==, 3);
  }

  /* A tag for all three, from the bar's entry; the panel shows it. */
  gtk_editable_set_text (GTK_EDITABLE (f->window->selection_tag_entry), "Tides");
  g_signal_emit_by_name (f->window->selection_tag_entry, "activate");
  for (guint i = 0; i < ids->len; i++)
    {
      tags = lede_library_get_tags (reader, g_array_index (ids, gint64, i), NULL);
      g_assert_cmpstrv (tags, ((const char *[]) { "Tides", NULL }));
      g_clear_pointer (&tags, g_strfreev);
    }

  /* Delete in the list: all three to the trash; one Undo brings all back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-selected", NULL));
  g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_false (selection_bar_shown (f));
  g_assert_nonnull (selected_article (f));
  g_assert_true (selected_article (f) == shown_article (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-stories", "@ax",
                                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len,
                                                                        sizeof (gint64))));
  g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  g_assert_cmpstr (gtk_label_get_label (f->window->selection_label), ==, "3 selected");

  /* Escape in the list: back to one story, the open one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select-open-story", NULL));
  g_assert_false (selection_bar_shown (f));
  g_assert_true (selected_article (f) == shown_article (f));
}

static gboolean
batch_over (gpointer data)
{
  return ((LedeWindow *)data)->batch == NULL;
}

/* Many stories go to the trash a step at a time from the main loop: a toast
 * says how far, no second bulk action starts meanwhile, Undo brings them
 * back the same way, and a window closed midway keeps what was done. */
static void
test_trash_in_chunks (Fixture       *f,
                      gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (story_list_model (f));
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  gint64 n, fresh;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (LedeArticle) story = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Lighthouse keeper %u retires", i);

      lede_article_set_headline (story, headline);
      lede_article_set_body (story, "The lamp room goes automatic in March.");
      g_assert_true (lede_library_create_article (f->window->library, story, NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 61);
  gtk_selection_model_select_range (selection, 0, 60, TRUE);
  ids = lede_window_get_selected_ids (f->window);
  g_assert_cmpuint (ids->len, ==, 60);
  reader = lede_library_open_for_reading (f->path, NULL);

  /* No story fits the budget: one a turn. */
  f->window->batch_step_us = 1;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-selected", NULL));
  g_assert_nonnull (f->window->batch);
  g_assert_nonnull (f->window->batch_toast);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (f->window->batch_toast), "Moving stories to the trash: "));
  n = lede_library_count_articles (reader, TRUE, NULL);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, 60);
  /* The list is read once, at the end. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 61);
  /* No second trash or restore of many meanwhile; the rest of the window
   * goes on: a story made now opens at once. */
  {
    LedeBatchRunner *running = f->window->batch;

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-selected", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-stories", "@ax",
                                g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64)));
    g_assert_true (f->window->batch == running);
    g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, n);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  /* Told at once, the list shows it, and the stories trashed so far. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    62 - lede_library_count_articles (reader, TRUE, NULL));
  fresh = lede_article_get_id (shown_article (f));
  g_assert_true (lede_article_get_id (selected_article (f)) == fresh);
  lede_test_wait_until (batch_over, f->window, 20000);
  g_assert_null (f->window->batch_toast);
  g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  g_assert_false (selection_bar_shown (f));
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, fresh);

  /* Undo, the same way: all sixty back; the writer went on meanwhile, so
   * the selection is left to them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-stories", "@ax",
                                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len,
                                                                        sizeof (gint64))));
  g_assert_nonnull (f->window->batch);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (f->window->batch_toast), "Restoring stories: "));
  lede_test_wait_until (batch_over, f->window, 20000);
  g_assert_cmpint (lede_library_count_articles (reader, TRUE, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 62);
  g_assert_cmpint (lede_article_get_id (shown_article (f)), ==, fresh);
  gtk_selection_model_select_range (selection, 1, 60, TRUE);

  /* Closed midway: those moved stay in the trash and out of the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash-selected", NULL));
  g_assert_nonnull (f->window->batch);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->window);
  n = lede_library_count_articles (reader, TRUE, NULL);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, 60);
  hits = lede_library_search (reader, "keeper", 100, NULL);
  g_assert_cmpuint (hits->len, ==, 60 - n);
}

static gboolean
spelling_checked (gpointer data)
{
  return lede_editor_is_spelling_checked (data);
}

/* Whether the character at @offset in the body is underlined as misspelt. */
static gboolean
marked_at (Fixture *f,
           int      offset)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkTextIter at;
  g_autoptr (GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset);
  tags = gtk_text_iter_get_tags (&at);
  for (GSList *l = tags; l; l = l->next)
    {
      PangoUnderline underline;

      g_object_get (l->data, "underline", &underline, NULL);
      if (underline == PANGO_UNDERLINE_ERROR)
        return TRUE;
    }
  return FALSE;
}

/* Whether the standfirst's entry underlines the byte at @index as misspelt. */
static gboolean
standfirst_marked (Fixture *f,
                   guint    index)
{
  GtkEditable *row = GTK_EDITABLE (panel_child (f, "standfirst_row"));
  PangoAttrList *attrs = gtk_text_get_attributes (GTK_TEXT (gtk_editable_get_delegate (row)));
  g_autoptr (GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean marked = FALSE;

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE && ((PangoAttrInt *)attr)->value == PANGO_UNDERLINE_ERROR &&
          attr->start_index <= index && index < attr->end_index)
        marked = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
  return marked;
}

/* Misspelt words are marked in the story's language; Add to Dictionary
 * keeps a word in the library; Ignore is for this story; F7 turns it off. */
static void
test_spelling (Fixture       *f,
               gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  GtkWidget *body = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), LEDE_TYPE_EDITOR, "body_view"));
  GtkTextBuffer *buffer = lede_editor_get_buffer (editor);
  GtkTextIter at;
  const char *text = "Teh ferry waz late. The colour of Kestle.";

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_language (shown_article (f), "en-GB");
  type_at_end (f, text);
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_true (marked_at (f, 0));                       /* Teh */
  g_assert_false (marked_at (f, 4));                      /* ferry */
  g_assert_true (marked_at (f, 10));                      /* waz */
  g_assert_false (marked_at (f, 24));                     /* colour, in en-GB */
  g_assert_true (marked_at (f, 34));                      /* Kestle */

  /* The context menu's Add to Dictionary, at the cursor in "Kestle". */
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 36);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_assert_true (gtk_widget_activate_action (body, "spell.add", NULL));
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_false (marked_at (f, 34));
  {
    g_autoptr (LedeLibrary) reader = lede_library_open_for_reading (f->path, NULL);
    g_auto (GStrv) words = lede_library_list_dictionary (reader, NULL);
    g_assert_true (g_strv_contains ((const char * const *)words, "Kestle"));
  }

  /* Ignore "waz" for this story; a suggestion corrects "Teh" in one step. */
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 11);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_assert_true (gtk_widget_activate_action (body, "spell.ignore", NULL));
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_false (marked_at (f, 10));
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 1);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_assert_true (gtk_widget_activate_action (body, "spell.correct", "s", "The"));
  {
    g_autofree char *now = buffer_text (f);
    g_assert_true (g_str_has_prefix (now, "The ferry waz late."));
  }
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_false (marked_at (f, 0));

  /* F7: nothing marked; again: marked again. */
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 0);
  gtk_text_buffer_insert (buffer, &at, "Mispelt ", -1);
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_true (marked_at (f, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.spell-check", NULL));
  g_assert_false (marked_at (f, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.spell-check", NULL));
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_true (marked_at (f, 0));

  /* The standfirst, a one-line entry, is underlined through Pango. */
  lede_article_set_standfirst (shown_article (f), "Teh harbour reopens");
  g_assert_true (standfirst_marked (f, 0));
  g_assert_false (standfirst_marked (f, 5));

  /* A language with no dictionary: nothing marked. */
  lede_article_set_language (shown_article (f), "xx-YY");
  lede_test_wait_until (spelling_checked, editor, 5000);
  g_assert_false (marked_at (f, 0));
  g_assert_false (standfirst_marked (f, 0));
}

static GtkTextView *
editor_view (Fixture    *f,
             const char *name)
{
  return GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)), LEDE_TYPE_EDITOR, name));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
find_counted (gpointer bar)
{
  return lede_find_bar_get_count (bar) >= 0 && !strstr (lede_find_bar_get_status (bar), "Counting");
}

/* Ctrl+H: find counts the matches, Replace All changes every one as one
 * undo step (and the headline's), the autosave writes it; a bad regular
 * expression is said in words. */
static void
test_find_replace (Fixture       *f,
                   gconstpointer  data)
{
  LedeFindBar *bar = lede_editor_get_find_bar (get_editor (f));
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  g_autofree char *before = buffer_text (f);
  g_autofree char *after = NULL;
  guint n_before = 0;

  for (const char *p = strstr (before, "Kestle"); p; p = strstr (p + 1, "Kestle"))
    n_before++;
  g_assert_cmpuint (n_before, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-replace", NULL));
  lede_find_bar_set_text (bar, "Kestle", "Kestell");
  lede_test_wait_until (find_counted, bar, 5000);
  g_assert_cmpint (lede_find_bar_get_count (bar), ==, (int)n_before);
  g_assert_nonnull (strstr (lede_find_bar_get_status (bar), "in the headline"));

  /* Next selects a match and says which it is. */
  lede_find_bar_next (bar, FALSE);
  {
    g_autofree char *expected = g_strdup_printf ("1 of %u", n_before);
    g_assert_true (g_str_has_prefix (lede_find_bar_get_status (bar), expected));
  }

  /* Replace All: every match, the headline too, one undo step. */
  g_assert_cmpuint (lede_find_bar_replace_all (bar), ==, n_before + 1);
  after = buffer_text (f);
  g_assert_null (strstr (after, "Kestle "));
  g_assert_nonnull (strstr (lede_article_get_headline (shown_article (f)), "Kestell"));
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&after, g_free);
  after = buffer_text (f);
  g_assert_cmpstr (after, ==, before);
  gtk_text_buffer_redo (buffer);
  lede_test_wait_until (is_saved, f->window, 5000);
  {
    g_autoptr (LedeArticle) saved = read_from_disk (f, lede_article_get_id (shown_article (f)));
    g_assert_null (strstr (lede_article_get_body (saved), "Kestle "));
  }

  /* A bad regular expression: words, not a crash. One that matches only
   * empty strings finds nothing, and Replace All changes nothing. */
  lede_find_bar_set_options (bar, FALSE, FALSE, TRUE);
  lede_find_bar_set_text (bar, "(", "");
  g_assert_nonnull (lede_find_bar_get_error (bar));
  g_test_message ("bad regex: %s", lede_find_bar_get_error (bar));
  lede_find_bar_set_text (bar, "\\b", "y");
  lede_test_wait_until (find_counted, bar, 5000);
  g_assert_null (lede_find_bar_get_error (bar));
  g_clear_pointer (&after, g_free);
  after = buffer_text (f);
  lede_find_bar_replace_all (bar);
  {
    g_autofree char *now = buffer_text (f);
    g_assert_cmpstr (now, ==, after);
  }

  /* Escape: the bar goes, the match stays selected (as in GNOME Text
   * Editor), so what is typed next replaces it. */
  lede_find_bar_set_options (bar, FALSE, TRUE, FALSE);
  lede_find_bar_set_text (bar, "ferry", "");
  lede_test_wait_until (find_counted, bar, 5000);
  lede_find_bar_next (bar, FALSE);
  g_signal_emit_by_name (find_child_of_type (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY), "stop-search");
  {
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_iter_get_slice (&start, &end);
    g_assert_cmpstr (selected, ==, "ferry");
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (editor_view (f, "body_view"))));
    gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
    gtk_text_buffer_insert_interactive_at_cursor (buffer, "boat", -1, TRUE);
    gtk_text_buffer_get_iter_at_mark (buffer, &end, gtk_text_buffer_get_insert (buffer));
    start = end;
    gtk_text_iter_backward_chars (&start, 5);
    g_clear_pointer (&selected, g_free);
    selected = gtk_text_iter_get_slice (&start, &end);
    g_assert_cmpstr (selected, ==, " boat");
  }
}

static void
assert_fields (Fixture    *f,
               const char *headline,
               const char *body)
{
  g_autofree char *headline_now = view_text (editor_view (f, "headline_view"));
  g_autofree char *body_now = buffer_text (f);

  g_assert_cmpstr (headline_now, ==, headline);
  g_assert_cmpstr (body_now, ==, body);
}

/* Replace All over the headline and the body is one undo step from either
 * field (Ctrl+Z and Ctrl+Shift+Z are the views' text.undo and text.redo),
 * also once the autosave has written it; an edit after it makes each
 * field's undo its own again. */
static void
test_find_replace_undo (Fixture       *f,
                        gconstpointer  data)
{
  LedeFindBar *bar = lede_editor_get_find_bar (get_editor (f));
  GtkWidget *headline = GTK_WIDGET (editor_view (f, "headline_view"));
  GtkWidget *body = GTK_WIDGET (editor_view (f, "body_view"));
  GtkTextBuffer *headline_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (headline));
  g_autofree char *headline_before = view_text (GTK_TEXT_VIEW (headline));
  g_autofree char *body_before = buffer_text (f);
  g_autofree char *headline_after = NULL;
  g_autofree char *body_after = NULL;
  gint64 id = lede_article_get_id (shown_article (f));

  g_assert_nonnull (strstr (headline_before, "Kestle"));
  g_assert_nonnull (strstr (body_before, "Kestle"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-replace", NULL));
  lede_find_bar_set_text (bar, "Kestle", "Kestell");
  g_assert_cmpuint (lede_find_bar_replace_all (bar), >, 1);
  headline_after = view_text (GTK_TEXT_VIEW (headline));
  body_after = buffer_text (f);
  g_assert_nonnull (strstr (headline_after, "Kestell"));
  g_assert_cmpstr (body_after, !=, body_before);

  /* Ctrl+Z in the body takes back both; Ctrl+Shift+Z in the headline
   * puts both back; Ctrl+Z in the headline takes back both again. */
  gtk_widget_grab_focus (body);
  g_assert_true (gtk_widget_activate_action (body, "text.undo", NULL));
  assert_fields (f, headline_before, body_before);
  gtk_widget_grab_focus (headline);
  g_assert_true (gtk_widget_activate_action (headline, "text.redo", NULL));
  assert_fields (f, headline_after, body_after);
  g_assert_true (gtk_widget_activate_action (headline, "text.undo", NULL));
  assert_fields (f, headline_before, body_before);
  lede_test_wait_until (is_saved, f->window, 5000);
  {
    g_autoptr (LedeArticle) saved = read_from_disk (f, id);

    g_assert_cmpstr (lede_article_get_headline (saved), ==, headline_before);
    g_assert_cmpstr (lede_article_get_body (saved), ==, body_before);
  }
  gtk_widget_grab_focus (body);
  g_assert_true (gtk_widget_activate_action (body, "text.redo", NULL));
  assert_fields (f, headline_after, body_after);
  /* A redo after a save is saved too (GTK 4.8 says the body is unmodified). */
  lede_test_wait_until (is_saved, f->window, 5000);
  {
    g_autoptr (LedeArticle) saved = read_from_disk (f, id);

    g_assert_cmpstr (lede_article_get_headline (saved), ==, headline_after);
    g_assert_cmpstr (lede_article_get_body (saved), ==, body_after);
  }

  /* Another Replace All, written by the autosave before Ctrl+Z in the
   * headline: saving leaves both histories as they were. */
  lede_find_bar_set_text (bar, "Kestell", "Kestle");
  g_assert_cmpuint (lede_find_bar_replace_all (bar), >, 1);
  assert_fields (f, headline_before, body_before);
  lede_test_wait_until (is_saved, f->window, 5000);
  gtk_widget_grab_focus (headline);
  g_assert_true (gtk_widget_activate_action (headline, "text.undo", NULL));
  assert_fields (f, headline_after, body_after);
  g_assert_true (gtk_widget_activate_action (body, "text.redo", NULL));
  assert_fields (f, headline_before, body_before);
  lede_test_wait_until (is_saved, f->window, 5000);
  {
    g_autoptr (LedeArticle) saved = read_from_disk (f, id);

    g_assert_cmpstr (lede_article_get_headline (saved), ==, headline_before);
    g_assert_cmpstr (lede_article_get_body (saved), ==, body_before);
  }

  /* Typed in the headline after a Replace All: Ctrl+Z there takes the
   * typing back first, and the body keeps its replacements. */
  lede_find_bar_set_text (bar, "Kestle", "Kestell");
  lede_find_bar_replace_all (bar);
  {
    GtkTextIter end;
    g_autofree char *typed = g_strconcat (headline_after, "!", NULL);

    gtk_text_buffer_get_end_iter (headline_buffer, &end);
    gtk_text_buffer_begin_user_action (headline_buffer);
    gtk_text_buffer_insert_interactive (headline_buffer, &end, "!", -1, TRUE);
    gtk_text_buffer_end_user_action (headline_buffer);
    assert_fields (f, typed, body_after);
  }
  g_assert_true (gtk_widget_activate_action (headline, "text.undo", NULL));
  assert_fields (f, headline_after, body_after);
}

/* Enter right after typing, before the search entry has said what was
 * typed, goes to the first match of what the entry shows. */
static void
test_find_enter_at_once (Fixture       *f,
                         gconstpointer  data)
{
  LedeFindBar *bar = lede_editor_get_find_bar (get_editor (f));
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkWidget *entry = find_child_of_type (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY);
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ferry");
  lede_find_bar_next (bar, FALSE);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_slice (&start, &end);
  g_assert_cmpstr (selected, ==, "ferry");
  {
    g_autofree char *body = buffer_text (f);
    const char *first = strstr (body, "ferry");

    g_assert_nonnull (first);
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, g_utf8_pointer_to_offset (body, first));
  }
}

/* The headline's count follows the headline, typed or set from the
 * panel, and the search. */
static void
test_find_headline_count (Fixture       *f,
                          gconstpointer  data)
{
  LedeFindBar *bar = lede_editor_get_find_bar (get_editor (f));
  GtkTextBuffer *headline_buffer = gtk_text_view_get_buffer (editor_view (f, "headline_view"));
  GtkTextIter end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-replace", NULL));
  lede_find_bar_set_text (bar, "Kestle", "");
  lede_test_wait_until (find_counted, bar, 5000);
  g_assert_nonnull (strstr (lede_find_bar_get_status (bar), ", and 1 in the headline"));

  gtk_text_buffer_get_end_iter (headline_buffer, &end);
  gtk_text_buffer_begin_user_action (headline_buffer);
  gtk_text_buffer_insert_interactive (headline_buffer, &end, " and Kestle", -1, TRUE);
  gtk_text_buffer_end_user_action (headline_buffer);
  g_assert_nonnull (strstr (lede_find_bar_get_status (bar), ", and 2 in the headline"));

  lede_article_set_headline (shown_article (f), "Night ferry talks resume");
  g_assert_null (strstr (lede_find_bar_get_status (bar), "in the headline"));

  lede_find_bar_set_text (bar, "talks", "");
  lede_test_wait_until (find_counted, bar, 5000);
  g_assert_nonnull (strstr (lede_find_bar_get_status (bar), ", and 1 in the headline"));
}

/* Graf numbers in the gutter, and Ctrl+L to graf 3. */
static void
test_grafs (Fixture       *f,
            gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  GtkTextBuffer *buffer = lede_editor_get_buffer (editor);
  g_autofree char *text = buffer_text (f);
  g_autoptr (GArray) starts = lede_grafs_find (text, -1);
  GtkTextIter cursor;

  g_assert_cmpuint (lede_editor_count_grafs (editor), ==, starts->len);
  g_assert_cmpuint (starts->len, >, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.graf-numbers", NULL));
  g_assert_true (lede_editor_go_to_graf (editor, 3));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, (int)g_array_index (starts, guint, 2));
  g_assert_false (lede_editor_go_to_graf (editor, starts->len + 1));
  g_assert_false (lede_editor_go_to_graf (editor, 0));

  /* A new paragraph typed at the top is graf 1 now. */
  gtk_text_buffer_get_start_iter (buffer, &cursor);
  gtk_text_buffer_insert (buffer, &cursor, "A new top.\n\n", -1);
  g_assert_cmpuint (lede_editor_count_grafs (editor), ==, starts->len + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.graf-numbers", NULL));
}

/* Quotes typed straight become the story language's; Ctrl+Z right after
 * gives the straight one back; code is left alone. */
static void
test_typography (Fixture       *f,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_language (shown_article (f), "en-GB");
  for (const char *p = "He said \"word\" -- it's late..."; *p; p++)
    type_at_end (f, (char[]) { *p, 0 });
  {
    g_autofree char *text = buffer_text (f);
    g_assert_cmpstr (text, ==, "He said “word” – it’s late…");
  }
  type_at_end (f, " ");
  type_at_end (f, "\"");
  {
    g_autofree char *text = buffer_text (f);
    g_assert_true (g_str_has_suffix (text, "… “"));
  }
  /* Ctrl+Z, as the editor's key handler takes it. */
  g_assert_true (lede_editor_undo_typography (get_editor (f)));
  {
    g_autofree char *text = buffer_text (f);
    g_assert_true (g_str_has_suffix (text, "… \""));
  }
  g_assert_false (lede_editor_undo_typography (get_editor (f)));

  /* In a code span, and with the menu toggle off, straight stays. */
  gtk_text_buffer_set_text (buffer, "", -1);
  for (const char *p = "`a \"b\"` \"c\""; *p; p++)
    type_at_end (f, (char[]) { *p, 0 });
  {
    g_autofree char *text = buffer_text (f);
    g_assert_cmpstr (text, ==, "`a \"b\"` “c”");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.smart-punctuation", NULL));
  type_at_end (f, " \"d\"");
  {
    g_autofree char *text = buffer_text (f);
    g_assert_true (g_str_has_suffix (text, " \"d\""));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.smart-punctuation", NULL));
}

/* F11: only the editor, the paragraph being written bright and the others
 * dimmed; Escape gives the window back as it was. */
static void
test_focus_mode (Fixture       *f,
                 gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  GtkTextBuffer *buffer = lede_editor_get_buffer (editor);
  g_autofree char *text = buffer_text (f);
  int second = (int)g_utf8_pointer_to_offset (text, strstr (text, "For forty-one years"));
  GtkTextIter at;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-mode", NULL));
  g_assert_true (lede_window_is_focus_mode (f->window));
  g_assert_false (gtk_widget_get_visible (f->window->sidebar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->preview)));
  gtk_text_buffer_get_iter_at_offset (buffer, &at, second + 3);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_assert_false (lede_editor_is_dimmed_at (editor, second + 10));
  g_assert_true (lede_editor_is_dimmed_at (editor, 2));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-focus-mode", NULL));
  g_assert_false (lede_window_is_focus_mode (f->window));
  g_assert_true (gtk_widget_get_visible (f->window->sidebar));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->preview)));
  g_assert_false (lede_editor_is_dimmed_at (editor, 2));
}

/* Labels that may be cut short on purpose: a story's headline can be any
 * length, so in the list's rows, as the story page's window title and as
 * the History window's subtitle it ellipsizes (the whole headline is in
 * the editor and the panel); a search snippet in a row is an excerpt by
 * nature. Any other label must fit at every width from 360 px up. */
static gboolean
may_ellipsize (LedeWindow *window,
               GtkWidget  *label)
{
  GtkWidget *story_title = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LEDE_TYPE_WINDOW,
                                                                      "story_title"));
  GtkWidget *row = gtk_widget_get_ancestor (label, LEDE_TYPE_STORY_ROW);

  if (gtk_widget_is_ancestor (label, story_title))
    return TRUE;
  /* The History window's subtitle is the story's headline. */
  if (gtk_widget_get_ancestor (label, ADW_TYPE_WINDOW_TITLE) != NULL &&
      LEDE_IS_HISTORY_WINDOW (gtk_widget_get_native (label)))
    return TRUE;
  return row != NULL &&
         (label == GTK_WIDGET (lede_story_row_get_label (LEDE_STORY_ROW (row), "headline")) ||
          label == GTK_WIDGET (lede_story_row_get_label (LEDE_STORY_ROW (row), "snippet")));
}

/* Every mapped label under @widget that is cut: ellipsized (unless it may
 * be), narrower than its text, or reaching past an ancestor that clips. */
static void
collect_cut_labels (LedeWindow *window,
                    GtkWidget  *widget,
                    GString    *cut)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_native (widget));

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      GtkLabel *label = GTK_LABEL (widget);
      const char *text = gtk_label_get_text (label);
      graphene_rect_t bounds;

      if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
        {
          if (pango_layout_is_ellipsized (gtk_label_get_layout (label)) && !may_ellipsize (window, widget))
            g_string_append_printf (cut, "“%s” is ellipsized\n", text);
        }
      else
        {
          /* All of its text on one line, or its longest word if it wraps. */
          int needed, natural;
          int allocated = gtk_widget_get_allocated_width (widget) +
                          gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);

          gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &needed, &natural, NULL, NULL);
          if (!gtk_label_get_wrap (label))
            needed = natural;
          if (allocated < needed)
            g_string_append_printf (cut, "“%s” has %d px of the %d it needs\n", text, allocated, needed);
        }

      /* Allocated its size, a label can still be cut by a smaller parent. */
      if (gtk_widget_compute_bounds (widget, root, &bounds))
        for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL && up != root; up = gtk_widget_get_parent (up))
          {
            graphene_rect_t clip;

            if (gtk_widget_get_overflow (up) != GTK_OVERFLOW_HIDDEN ||
                !gtk_widget_compute_bounds (up, root, &clip))
              continue;
            if (bounds.origin.x < clip.origin.x - 0.5 ||
                bounds.origin.x + bounds.size.width > clip.origin.x + clip.size.width + 0.5)
              {
                g_string_append_printf (cut, "“%s” reaches past its %s\n", text, G_OBJECT_TYPE_NAME (up));
                break;
              }
          }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (window, child, cut);
}

static void
assert_no_cut_labels_in (Fixture    *f,
                         GtkWindow  *window,
                         const char *where)
{
  g_autoptr (GString) cut = g_string_new (NULL);

  collect_cut_labels (f->window, GTK_WIDGET (window), cut);
  if (cut->len > 0)
    g_error ("At %d px, %s:\n%s", gtk_widget_get_width (GTK_WIDGET (window)), where, cut->str);
}

static void
assert_no_cut_labels (Fixture    *f,
                      const char *where)
{
  assert_no_cut_labels_in (f, GTK_WINDOW (f->window), where);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(int *)data)++;
  return G_SOURCE_CONTINUE;
}

static void
wait_frames (GtkWindow *window,
             int        n)
{
  int frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
}

/* Until what changes after an allocation (the narrow mode, the folds, the
 * squeezed header, each in an idle) has changed, and frames have been laid
 * out since; twice, for what those changes change in turn. Animations are
 * off in this test, so nothing is halfway. */
static void
settle_window (GtkWindow *window)
{
  for (int round = 0; round < 2; round++)
    {
      lede_test_spin (50);
      wait_frames (window, 2);
    }
}

static void
settle (Fixture *f)
{
  settle_window (GTK_WINDOW (f->window));
}

typedef struct {
  GtkWindow *window;
  int        width;
} Resize;

/* Under Xvfb, with no compositor, the window draws a frame of its own
 * inside the width asked: 5 px each side. */
static gboolean
is_resized (gpointer data)
{
  Resize *resize = data;
  int width = gtk_widget_get_width (GTK_WIDGET (resize->window));

  return width <= resize->width && width >= resize->width - 10;
}

static void
resize_to (GtkWindow *window,
           int        width)
{
  Resize resize = { window, width };

  gtk_window_set_default_size (window, width, 700);
  lede_test_wait_until (is_resized, &resize, 4000);
  settle_window (window);
  g_assert_true (is_resized (&resize));
}

static void
resize_window (Fixture *f,
               int      width)
{
  resize_to (GTK_WINDOW (f->window), width);
}

static void
show_panel (Fixture  *f,
            gboolean  show)
{
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-metadata", g_variant_new_boolean (show));
  settle (f);
}

static gpointer
window_child (Fixture    *f,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, name);
}

/* The headline, rewrapped at a new width (or set smaller in a narrow
 * column), has the height it asks for: no gap under it, no line cut. */
static void
assert_headline_fits (Fixture *f)
{
  GtkWidget *headline = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)), LEDE_TYPE_EDITOR,
                                                                   "headline_view"));
  int wanted;

  g_assert_true (gtk_widget_get_mapped (headline));
  gtk_widget_measure (headline, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (headline), NULL, &wanted, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (headline), ==, wanted);
}

/* Issue #15: from 360 px up the window fits, and no label is cut, with the
 * panel shown or hidden, the list or the story in front. */
static void
check_widths (Fixture *f)
{
  static const int widths[] = { 360, 600, 900, 1280 };
  AdwLeaflet *leaflet = window_child (f, "leaflet");
  AdwSqueezer *squeezer = window_child (f, "header_squeezer");
  GtkActionBar *layout_bar = window_child (f, "layout_bar");
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkWidget *split = window_child (f, "split");
  GtkWidget *editor = window_child (f, "editor");
  GtkWidget *preview = window_child (f, "preview");
  LedeFindBar *bar = lede_editor_get_find_bar (LEDE_EDITOR (editor));
  int minimum;

  /* Nothing halfway through an animation when the labels are measured. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      resize_window (f, widths[i]);
      assert_no_cut_labels (f, "the story");
      assert_headline_fits (f);
      show_panel (f, TRUE);
      assert_no_cut_labels (f, "the story and its panel");
      show_panel (f, FALSE);
      if (adw_leaflet_get_folded (leaflet))
        {
          adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
          settle (f);
          assert_no_cut_labels (f, "the list");
          adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          settle (f);
        }
    }

  /* Wide: the story's panes side by side, the layout switch in the header.
   * Their minimum stays below the narrow mode's threshold (SPLIT_MIN_WIDTH
   * in lede-window.c), or shrinking the window would stop short of it. */
  g_assert_true (gtk_widget_get_visible (editor) && gtk_widget_get_visible (preview));
  gtk_widget_measure (split, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 560);
  g_assert_true (adw_squeezer_get_visible_child (squeezer) != window_child (f, "story_title"));
  g_assert_false (gtk_action_bar_get_revealed (layout_bar));

  /* At 360 px: one pane at a time, the switch in the bar under the story. */
  resize_window (f, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == window_child (f, "content_box"));
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_false (gtk_widget_get_visible (preview));
  g_assert_true (adw_squeezer_get_visible_child (squeezer) == window_child (f, "story_title"));
  g_assert_true (gtk_action_bar_get_revealed (layout_bar));
  /* The layouts are actions, whatever shows their buttons (Alt+1, Alt+3). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "preview"));
  settle (f);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "split"));
  settle (f);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_false (gtk_widget_get_visible (preview));
  /* Split stays the choice for a wider window; the switch shows Write. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_autoptr (GVariant) shown = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "layout");
    g_autofree char *chosen = g_settings_get_string (settings, "layout");

    g_assert_cmpstr (g_variant_get_string (shown, NULL), ==, "editor");
    g_assert_cmpstr (chosen, ==, "split");
    resize_window (f, 1280);
    g_clear_pointer (&shown, g_variant_unref);
    shown = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "layout");
    g_assert_cmpstr (g_variant_get_string (shown, NULL), ==, "split");
    g_assert_true (gtk_widget_get_visible (preview));
    resize_window (f, 360);
  }
  /* Folded, the panel takes the story's whole width. */
  show_panel (f, TRUE);
  g_assert_cmpint (gtk_widget_get_width (window_child (f, "metadata_panel")), ==,
                   gtk_widget_get_width (window_child (f, "metadata_flap")));
  show_panel (f, FALSE);

  /* Find and replace: the placeholders, then the longest status. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-replace", NULL));
  settle (f);
  assert_no_cut_labels (f, "the find bar");
  lede_find_bar_set_text (bar, "Kestle", "Kestell");
  lede_test_wait_until (find_counted, bar, 5000);
  lede_find_bar_next (bar, FALSE);
  settle (f);
  assert_no_cut_labels (f, "the find bar, counting");

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The dialogs at 360 px: Preferences, Export with its longest choices and
 * their list open, and History. */
static void
check_dialogs (Fixture *f)
{
  LedeExportDialog *export;
  LedeHistoryWindow *history;
  AdwComboRow *format;
  AdwLeaflet *leaflet;
  GtkWindow *preferences;
  GtkWidget *changes, *back;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  preferences = find_toplevel (LEDE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  resize_to (preferences, 360);
  assert_no_cut_labels_in (f, preferences, "Preferences");
  gtk_window_destroy (preferences);

  export = lede_window_show_export (f->window);
  format = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (export), LEDE_TYPE_EXPORT_DIALOG, "format_row"));
  /* The longest format, and "Every story in the library". */
  lede_export_dialog_set_format (export, LEDE_EXPORT_FORMAT_DOCX);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (export),
                                                                            LEDE_TYPE_EXPORT_DIALOG, "scope_row")),
                              2);
  resize_to (GTK_WINDOW (export), 360);
  assert_no_cut_labels_in (f, GTK_WINDOW (export), "Export");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (format)));
  settle_window (GTK_WINDOW (export));
  g_assert_true (gtk_widget_get_mapped (find_child_of_type (GTK_WIDGET (format), GTK_TYPE_POPOVER)));
  assert_no_cut_labels_in (f, GTK_WINDOW (export), "Export, its formats");
  gtk_window_destroy (GTK_WINDOW (export));

  /* History: the revisions, then, chosen, what one changed; Back. */
  type_at_end (f, "\nA line kept in a revision.\n");
  lede_window_keep_revision (f->window, "narrow");
  history = lede_window_show_history (f->window);
  leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "leaflet"));
  changes = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "diff_box"));
  back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "back_button"));
  g_assert_cmpuint (lede_history_window_get_count (history), >, 0);
  resize_to (GTK_WINDOW (history), 360);
  lede_test_wait_until (compared, history, 10000);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back));
  assert_no_cut_labels_in (f, GTK_WINDOW (history), "History, its revisions");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "revision_list"),
                         "activate", 0);
  settle_window (GTK_WINDOW (history));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == changes);
  g_assert_true (gtk_widget_get_visible (back));
  assert_no_cut_labels_in (f, GTK_WINDOW (history), "History, what changed");
  g_signal_emit_by_name (back, "clicked");
  settle_window (GTK_WINDOW (history));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != changes);
  gtk_window_destroy (GTK_WINDOW (history));

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* Counts changes to the body's scroll range made after the window was laid
 * out and before it was drawn: GTK 4.8 has by then placed the scrollbar,
 * and draws it with no size (a warning that ended Lede under the tests). */
typedef struct {
  gboolean laid_out;
  guint    late_changes;
} ScrollWatch;

static void
on_laid_out (GdkFrameClock *clock,
             ScrollWatch   *watch)
{
  watch->laid_out = TRUE;
}

static void
on_frame_done (GdkFrameClock *clock,
               ScrollWatch   *watch)
{
  watch->laid_out = FALSE;
}

static void
on_scroll_range (GtkAdjustment *adjustment,
                 ScrollWatch   *watch)
{
  if (watch->laid_out)
    watch->late_changes++;
}

typedef struct {
  Fixture    *f;
  gint64      story_id;  /* 0: a new story */
  const char *body;      /* or this body, restored */
  double      scroll_to; /* or, when not negative, the body scrolled */
  gboolean    done;
} BodyChange;

/* A key press reaches Lede inside a frame, when the window is already
 * drawing (a blinking cursor, a fading scrollbar), and the frame is then
 * laid out and drawn before any idle runs: the change is made the same way
 * here, from the frame's update phase. */
static gboolean
change_body_in_frame (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  BodyChange *change = data;

  if (change->scroll_to >= 0)
    {
      GtkWidget *body = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_editor (change->f)),
                                                                   LEDE_TYPE_EDITOR, "body_view"));

      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (body)), change->scroll_to);
    }
  else if (change->body != NULL)
    lede_editor_replace_body (get_editor (change->f), change->body);
  else if (change->story_id != 0)
    g_assert_true (lede_window_select_article (change->f->window, change->story_id));
  else
    g_assert_true (gtk_widget_activate_action (widget, "win.new-story", NULL));
  change->done = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
body_changed (gpointer data)
{
  return ((BodyChange *)data)->done;
}

static void
run_in_frame (BodyChange *change)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (change->f->window), change_body_in_frame, change, NULL);
  lede_test_wait_until (body_changed, change, 10000);
  settle (change->f);
}

static void
change_body (Fixture    *f,
             gint64      story_id,
             const char *body)
{
  BodyChange change = { f, story_id, body, -1, FALSE };

  run_in_frame (&change);
}

static void
test_body_measured_before_drawn (Fixture       *f,
                                 gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  GtkWidget *body = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), LEDE_TYPE_EDITOR, "body_view"));
  GtkAdjustment *range = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (body));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  ScrollWatch watch = { FALSE, 0 };
  gint64 sample_id = lede_article_get_id (shown_article (f));
  g_autoptr (GString) long_body = g_string_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  settle (f);
  /* The sample story runs past the page: its scrollbar is there. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), >, gtk_adjustment_get_page_size (range));

  g_signal_connect_after (clock, "layout", G_CALLBACK (on_laid_out), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_done), &watch);
  g_signal_connect (range, "changed", G_CALLBACK (on_scroll_range), &watch);
  g_signal_connect (range, "value-changed", G_CALLBACK (on_scroll_range), &watch);

  /* A new, empty story; the long one again; a restore that shortens it and
   * one that makes it long. */
  change_body (f, 0, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), ==, gtk_adjustment_get_page_size (range));
  change_body (f, sample_id, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), >, gtk_adjustment_get_page_size (range));
  change_body (f, 0, "The ferry runs again.");
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), ==, gtk_adjustment_get_page_size (range));
  for (guint i = 0; i < 400; i++)
    g_string_append (long_body, "The night ferry leaves at ten past eleven.\n\n");
  change_body (f, 0, long_body->str);
  g_assert_cmpfloat (gtk_adjustment_get_upper (range), >, gtk_adjustment_get_page_size (range));

  /* A long story with bold and italic text, which rewraps when styled,
   * scrolled a page at a time and by jumps, from inside frames. */
  g_string_truncate (long_body, 0);
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (long_body, "Graf %u: the **night ferry** leaves at *ten past eleven* from the "
                            "**north quay**, said **Wenna Trask**, the *harbour master*, on Tuesday.\n\n", i);
  change_body (f, 0, long_body->str);
  for (guint i = 0; i < 12; i++)
    {
      double top = i < 8 ? i * gtk_adjustment_get_page_size (range)
                         : (gtk_adjustment_get_upper (range) - gtk_adjustment_get_page_size (range)) * (i - 7) / 4;
      BodyChange scroll = { f, 0, NULL, top, FALSE };

      run_in_frame (&scroll);
    }

  g_assert_cmpuint (watch.late_changes, ==, 0);
  g_signal_handlers_disconnect_by_data (clock, &watch);
  g_signal_handlers_disconnect_by_data (range, &watch);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  check_widths (f);
  check_dialogs (f);
}

/* The same in German, whose labels are the longest Lede has. In a process
 * of its own, as the language is. */
static void
test_narrow_german (void)
{
  Fixture f = { 0 };

  if (lede_test_ran_in_subprocess (120))
    return;

  g_setenv ("LANGUAGE", "de", TRUE);
  lede_paths_bind_text_domain ();
  fixture_setup (&f, NULL);
  g_assert_cmpstr (gtk_button_get_label (window_child (&f, "new_story_button")), ==, "_Neuer Artikel");
  check_widths (&f);
  check_dialogs (&f);
  fixture_teardown (&f, NULL);
}

/* Lede in German, from the catalogue the build made: a label of the
 * window's template and one the code sets. In a process of its own. */
static void
test_german (void)
{
  Fixture f = { 0 };
  GtkButton *new_story;
  AdwButtonContent *trash;

  if (lede_test_ran_in_subprocess (60))
    return;

  g_setenv ("LANGUAGE", "de", TRUE);
  lede_paths_bind_text_domain ();
  fixture_setup (&f, NULL);
  new_story = GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f.window), LEDE_TYPE_WINDOW, "new_story_button"));
  trash = ADW_BUTTON_CONTENT (gtk_widget_get_template_child (GTK_WIDGET (f.window), LEDE_TYPE_WINDOW,
                                                             "trash_button_content"));
  g_assert_cmpstr (gtk_button_get_label (new_story), ==, "_Neuer Artikel");
  g_assert_cmpstr (adw_button_content_get_label (trash), ==, "Papierkorb");
  fixture_teardown (&f, NULL);
}

/* Whether @widget's own shortcuts run @action on @trigger. */
static gboolean
shortcut_for (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *what = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
          g_autofree char *wanted = g_strdup_printf ("action(%s)", action);

          if (g_str_equal (keys, trigger) && g_str_equal (what, wanted))
            return TRUE;
        }
    }
  return FALSE;
}

/* Every value GSettings was given for a key, in order. */
static void
record_int (GSettings  *settings,
            const char *key,
            GArray     *values)
{
  int value = g_settings_get_int (settings, key);

  g_array_append_val (values, value);
}

/* Issue 29: F11 and Escape give the Split divider back exactly where it
 * was, and GSettings never keeps a place focus mode passed through. A
 * window manager makes the window fill the screen for focus mode and gives
 * the old size back after, a moment after the preview is back (Xvfb has
 * none: the test resizes the window as one would). Going to Write and back
 * to Split leaves the divider alone too. */
static void
test_focus_mode_keeps_split (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GArray) written = g_array_new (FALSE, FALSE, sizeof (int));
  GtkPaned *split = window_child (f, "split");
  GtkWidget *editor = window_child (f, "editor");
  const int sizes[] = { 1600, 1000 };  /* a larger screen, a smaller one */
  int before;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_settings_set_string (settings, "layout", "split");
  resize_window (f, 1280);
  gtk_paned_set_position (split, 430);
  settle (f);
  before = gtk_paned_get_position (split);
  g_assert_cmpint (before, ==, 430);
  g_assert_cmpint (gtk_widget_get_width (editor), ==, before);
  g_assert_cmpint (g_settings_get_int (settings, "editor-width"), ==, before);

  /* F11 is the application's (in the shortcuts window, see polish);
   * Escape is the window's, while focus mode is on. */
  g_assert_true (shortcut_for (GTK_WIDGET (f->window), "Escape", "win.leave-focus-mode"));
  g_signal_connect (settings, "changed::editor-width", G_CALLBACK (record_int), written);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-mode", NULL));
      g_assert_true (lede_window_is_focus_mode (f->window));
      resize_window (f, sizes[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-focus-mode", NULL));
      g_assert_false (lede_window_is_focus_mode (f->window));
      settle (f);
      resize_window (f, 1280);
      g_assert_cmpint (gtk_paned_get_position (split), ==, before);
      g_assert_cmpint (gtk_widget_get_width (editor), ==, before);
      g_assert_cmpint (g_settings_get_int (settings, "editor-width"), ==, before);
      for (guint k = 0; k < written->len; k++)
        g_assert_cmpint (g_array_index (written, int, k), ==, before);
    }
  g_signal_handlers_disconnect_by_data (settings, written);

  /* Write gives the editor the whole width; back in Split, it has the
   * width it had. */
  g_settings_set_string (settings, "layout", "editor");
  settle (f);
  g_settings_set_string (settings, "layout", "split");
  settle (f);
  g_assert_cmpint (gtk_paned_get_position (split), ==, before);
  g_assert_cmpint (g_settings_get_int (settings, "editor-width"), ==, before);

  g_settings_reset (settings, "editor-width");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The panel and the story side by side: the panel at the end, as wide as
 * it asks, the story up to it and no further. */
static void
assert_panel_beside_story (Fixture *f)
{
  GtkWidget *panel = window_child (f, "metadata_panel");
  GtkWidget *story = window_child (f, "content_stack");
  graphene_rect_t panel_box, story_box;
  int wanted;

  g_assert_false (adw_flap_get_folded (window_child (f, "metadata_flap")));
  g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (f->window), &panel_box));
  g_assert_true (gtk_widget_compute_bounds (story, GTK_WIDGET (f->window), &story_box));
  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &wanted, NULL, NULL);
  g_assert_cmpfloat (panel_box.size.width, ==, wanted);
  g_assert_cmpfloat (story_box.origin.x + story_box.size.width, <=, panel_box.origin.x);
  g_assert_cmpfloat (panel_box.origin.x - (story_box.origin.x + story_box.size.width), <=, 2);
  g_assert_cmpfloat (story_box.size.width, >=, 560);
}

/* Issue 29: down to 360 px the panel covers the story; back at full width,
 * at once or step by step as a drag goes, it is beside the story again, in
 * every layout (back at once, the Split divider is where it was too). A
 * short column (a small type and short lines) is where the panel once
 * stayed over the story: the editor asked for its centring margins, which
 * grow as the panel over it lets it grow. */
static void
test_narrow_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  const char * const layouts[] = { "split", "editor", "preview" };
  int divider;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_settings_set_int (settings, "line-length", 40);
  g_settings_set_double (settings, "text-scale", 0.75);
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_settings_set_string (settings, "layout", layouts[i]);
      resize_window (f, 1280);
      show_panel (f, TRUE);
      assert_panel_beside_story (f);

      divider = gtk_paned_get_position (window_child (f, "split"));
      resize_window (f, 360);
      g_assert_true (adw_flap_get_folded (window_child (f, "metadata_flap")));
      resize_window (f, 1280);
      assert_panel_beside_story (f);
      /* And the Split divider where it was. */
      g_assert_cmpint (gtk_paned_get_position (window_child (f, "split")), ==, divider);

      resize_window (f, 360);
      for (int width = 400; width <= 1280; width += 40)
        {
          gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
          wait_frames (GTK_WINDOW (f->window), 1);
        }
      settle (f);
      assert_panel_beside_story (f);
      show_panel (f, FALSE);
    }
  g_settings_reset (settings, "line-length");
  g_settings_reset (settings, "text-scale");
  g_settings_reset (settings, "layout");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The text a render node draws, each run's bounds in the coordinates of
 * the widget snapshot (translations are all GTK uses between widgets). */
static void
collect_text (GskRenderNode *node,
              float          dx,
              float          dy,
              GArray        *boxes)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      {
        graphene_rect_t box;

        gsk_render_node_get_bounds (node, &box);
        box.origin.x += dx;
        box.origin.y += dy;
        g_array_append_val (boxes, box);
      }
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text (gsk_container_node_get_child (node, i), dx, dy, boxes);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float x = 0, y = 0;

        g_assert_cmpint (gsk_transform_get_category (gsk_transform_node_get_transform (node)), >=,
                         GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &x, &y);
        collect_text (gsk_transform_node_get_child (node), dx + x, dy + y, boxes);
      }
      break;
    case GSK_CLIP_NODE:
      collect_text (gsk_clip_node_get_child (node), dx, dy, boxes);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_text (gsk_rounded_clip_node_get_child (node), dx, dy, boxes);
      break;
    case GSK_OPACITY_NODE:
      collect_text (gsk_opacity_node_get_child (node), dx, dy, boxes);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_text (gsk_color_matrix_node_get_child (node), dx, dy, boxes);
      break;
    case GSK_DEBUG_NODE:
      collect_text (gsk_debug_node_get_child (node), dx, dy, boxes);
      break;
    default:
      break;
    }
}

/* Where @view draws text now, in its own coordinates. */
static GArray *
drawn_text (GtkWidget *view)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view), gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  collect_text (node, 0, 0, boxes);
  gsk_render_node_unref (node);
  return boxes;
}

/* Where the first character of @line is drawn, in @view's coordinates. */
static int
line_left (GtkTextView *view,
           int          line)
{
  GtkTextIter at;
  GdkRectangle place;
  int x, y;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &at, line);
  gtk_text_view_get_iter_location (view, &at, &place);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, place.x, place.y, &x, &y);
  return x;
}

/* Issue 29: graf numbers stand beside the column, not at the window's
 * edge: in Write on a wide window, in focus mode, and narrow. The body's
 * column starts where the headline's does, numbers or not. */
static void
assert_grafs_beside_column (Fixture *f)
{
  GtkWidget *editor = GTK_WIDGET (get_editor (f));
  GtkTextView *body = GTK_TEXT_VIEW (gtk_widget_get_template_child (editor, LEDE_TYPE_EDITOR, "body_view"));
  GtkTextView *headline = GTK_TEXT_VIEW (gtk_widget_get_template_child (editor, LEDE_TYPE_EDITOR, "headline_view"));
  g_autofree char *text = buffer_text (f);
  g_autoptr (GArray) starts = lede_grafs_find (text, -1);
  g_autoptr (GArray) boxes = NULL;
  int column = line_left (body, g_array_index (starts, guint, 0));
  graphene_point_t body_at, headline_at;
  guint numbers = 0;

  /* The body's column and the headline's, in the editor. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (body), editor, &GRAPHENE_POINT_INIT (column, 0), &body_at));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (headline), editor,
                                           &GRAPHENE_POINT_INIT (line_left (headline, 0), 0), &headline_at));
  g_assert_cmpfloat (ABS (body_at.x - headline_at.x), <=, 1);

  boxes = drawn_text (GTK_WIDGET (body));
  for (guint i = 0; i < boxes->len; i++)
    {
      graphene_rect_t *box = &g_array_index (boxes, graphene_rect_t, i);

      if (box->origin.x + box->size.width > column)
        continue;
      /* A number, right-aligned a short way before the column. */
      numbers++;
      g_assert_cmpfloat (column - (box->origin.x + box->size.width), >=, 4);
      g_assert_cmpfloat (column - (box->origin.x + box->size.width), <=, 36);
    }
  g_assert_cmpuint (numbers, >, 0);
}

static void
test_graf_numbers_beside_column (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *editor = GTK_WIDGET (get_editor (f));
  GtkTextView *body = GTK_TEXT_VIEW (gtk_widget_get_template_child (editor, LEDE_TYPE_EDITOR, "body_view"));
  int column;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_settings_set_string (settings, "layout", "editor");
  resize_window (f, 1280);
  column = line_left (body, 0);
  g_settings_set_boolean (settings, "graf-numbers", TRUE);
  settle (f);
  /* The column stays where it was, in the middle of a wide editor. */
  g_assert_cmpint (ABS (line_left (body, 0) - column), <=, 1);
  g_assert_cmpint (column, >, 100);
  assert_grafs_beside_column (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-mode", NULL));
  resize_window (f, 1600);
  assert_grafs_beside_column (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-focus-mode", NULL));
  resize_window (f, 360);
  assert_grafs_beside_column (f);
  resize_window (f, 1280);
  assert_grafs_beside_column (f);

  g_settings_reset (settings, "graf-numbers");
  g_settings_reset (settings, "layout");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The comparison's selection, as text, and whether @iter's place is on
 * screen in the diff's view. */
static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
selection_on_screen (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, at;
  GtkTextIter start, end;

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &at);
  return at.y >= visible.y && at.y + at.height <= visible.y + visible.height;
}

/* Issue 29: History goes from change to change. A long story changed in
 * three places far apart: Alt+Down (history.next-change) selects each in
 * turn, words deleted and put in their place as one, and scrolls it into
 * view; Alt+Up goes back; the arrows are there only while there is a change
 * that way; the keys are the window's and in the shortcuts window. */
static void
test_history_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GString) before = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (LEDE_RESOURCE_PATH "/lede-shortcuts-window.ui");
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  const guint changed[] = { 2, 40, 78 };
  const char * const days[] = { "Monday", "Thursday", "Saturday" };
  guint listed = 0;
  LedeHistoryWindow *history;
  GtkTextView *view;
  GtkWidget *next, *previous;

  for (guint i = 0, c = 0; i < 80; i++)
    {
      g_string_append_printf (before, "Graf %u: the harbour board met on Tuesday to read the tide tables.\n\n", i);
      g_string_append_printf (after, "Graf %u: the harbour board met on %s to read the tide tables.\n\n", i,
                              c < G_N_ELEMENTS (changed) && changed[c] == i ? days[c++] : "Tuesday");
    }
  change_body (f, 0, before->str);
  lede_window_keep_revision (f->window, "before");
  change_body (f, 0, after->str);

  history = lede_window_show_history (f->window);
  gtk_window_set_default_size (GTK_WINDOW (history), 900, 500);
  lede_test_wait_until (compared, history, 10000);
  settle_window (GTK_WINDOW (history));
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "diff_view"));
  next = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "next_change_button");
  previous = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (history), LEDE_TYPE_HISTORY_WINDOW, "previous_change_button");
  g_assert_nonnull (gtk_widget_get_tooltip_text (next));
  g_assert_nonnull (gtk_widget_get_tooltip_text (previous));
  g_assert_true (gtk_widget_get_sensitive (next));
  g_assert_false (gtk_widget_get_sensitive (previous));

  for (guint c = 0; c < G_N_ELEMENTS (changed); c++)
    {
      g_autofree char *words = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (history), "history.next-change", NULL));
      settle_window (GTK_WINDOW (history));
      words = selected_text (gtk_text_view_get_buffer (view));
      g_assert_nonnull (strstr (words, "Tuesday"));
      g_assert_nonnull (strstr (words, days[c]));
      g_assert_true (selection_on_screen (view));
      g_assert_true (gtk_widget_get_sensitive (previous) == (c > 0));
    }
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Back up, to a change far above what is on screen now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (history), "history.previous-change", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (history), "history.previous-change", NULL));
  settle_window (GTK_WINDOW (history));
  {
    g_autofree char *words = selected_text (gtk_text_view_get_buffer (view));

    g_assert_nonnull (strstr (words, days[0]));
    g_assert_true (selection_on_screen (view));
    g_assert_false (gtk_widget_get_sensitive (previous));
    g_assert_true (gtk_widget_get_sensitive (next));
  }

  g_assert_true (shortcut_for (GTK_WIDGET (history), "<Alt>Down", "history.next-change"));
  g_assert_true (shortcut_for (GTK_WIDGET (history), "<Alt>Up", "history.previous-change"));
  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        listed += g_strcmp0 (accelerator, "<Alt>Down") == 0 || g_strcmp0 (accelerator, "<Alt>Up") == 0;
      }
  g_assert_cmpuint (listed, ==, 2);
  gtk_window_destroy (GTK_WINDOW (history));
}

/* The main heap's resident size, in kB, from /proc/self/smaps. */
static guint64
heap_rss_kb (void)
{
  g_autofree char *smaps = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean in_heap = FALSE;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_ascii_isxdigit (lines[i][0]) && strchr (lines[i], '-'))
        in_heap = g_str_has_suffix (lines[i], "[heap]");
      else if (in_heap && g_str_has_prefix (lines[i], "Rss:"))
        return g_ascii_strtoull (lines[i] + 4, NULL, 10);
    }
  g_assert_not_reached ();
}

static gboolean
markdown_is_set (gpointer data)
{
  return gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (lede_editor_get_buffer (data))) != NULL;
}

static void
assert_built_when_opened (GtkMenuButton *button)
{
  GMenuModel *menu;
  GtkPopover *popover;

  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_null (gtk_menu_button_get_popover (button));
  /* As a click, or F10 for the main menu, opens it. */
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
  /* Opened again, it is the same menu, not another. */
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == menu);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* The main menu and the selection's Status menu are built when they first
 * open, not with the window (the main menu's widgets delayed the first
 * frame), and then hold the whole menu. */
static void
test_menu_built_when_opened (Fixture       *f,
                             gconstpointer  data)
{
  for (const char **id = (const char *[]) { "primary_menu_button", "status_menu_button", NULL }; *id; id++)
    assert_built_when_opened (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                              LEDE_TYPE_WINDOW, *id)));
}

/* Memory freed in small pieces goes back to the system once the main
 * loop is idle (as after a window's start-up and after a batch): here
 * 32 MB, which glibc would otherwise keep. */
static void
test_memory_given_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char **blocks = NULL;
  guint64 before;

#ifndef __GLIBC__
  g_test_skip ("malloc_trim() is glibc's");
  return;
#endif
  blocks = g_new (char *, 32768);
  lede_test_wait_until (markdown_is_set, get_editor (f), 10000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* All made, then all but one in 64 freed: whole free pages between. */
  for (guint i = 0; i < 32768; i++)
    memset ((blocks[i] = g_malloc (1000)), 'x', 1000);
  for (guint i = 0; i < 32768; i++)
    if (i % 64 != 0)
      g_clear_pointer (&blocks[i], g_free);
  before = heap_rss_kb ();
  lede_memory_give_back_when_idle ();
  lede_memory_give_back_when_idle ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_test_message ("main heap: %" G_GUINT64_FORMAT " kB before, %" G_GUINT64_FORMAT " kB after", before, heap_rss_kb ());
  g_assert_cmpuint (heap_rss_kb () + 16 * 1024, <, before);
  for (guint i = 0; i < 32768; i += 64)
    g_free (blocks[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = lede_test_tmpdir ();
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int status;

  /* A sites file of this run's, set before GLib reads where it goes. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/lede/window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("opens-with-sample", test_opens_with_sample);
  ADD ("memory-given-back", test_memory_given_back);
  ADD ("menu-built-when-opened", test_menu_built_when_opened);
  ADD ("autosave-reaches-library", test_autosave_reaches_library);
  ADD ("switch-keeps-both", test_switch_keeps_both);
  ADD ("trash-and-undo", test_trash_and_undo);
  ADD ("failed-save-keeps-text", test_failed_save_keeps_text);
  ADD ("close-saves", test_close_saves);
  ADD ("headline-one-paragraph", test_headline_one_paragraph);
  ADD ("import", test_import);
  ADD ("export", test_export);
  ADD ("reimport", test_reimport);
  ADD ("export-embargo", test_export_embargo);
  ADD ("history", test_history);
  ADD ("back-where-you-were", test_back_where_you_were);
  ADD ("correction", test_correction);
  ADD ("polish", test_polish);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("preferences", test_preferences);
  ADD ("remove-site-without-keyring", test_remove_site_without_keyring);
  ADD ("copy-html", test_copy_html);
  ADD ("copy-html-held-back", test_copy_html_held_back);
  ADD ("copy-asks-what-changed", test_copy_asks_what_changed);
  ADD ("story-order", test_story_order);
  ADD ("search", test_search);
  ADD ("trash-view", test_trash_view);
  ADD ("empty-large-trash", test_empty_large_trash);
  ADD ("many-stories", test_many_stories);
  ADD ("trash-in-chunks", test_trash_in_chunks);
  ADD ("spelling", test_spelling);
  ADD ("find-replace", test_find_replace);
  ADD ("find-replace-undo", test_find_replace_undo);
  ADD ("find-enter-at-once", test_find_enter_at_once);
  ADD ("find-headline-count", test_find_headline_count);
  ADD ("grafs", test_grafs);
  ADD ("typography", test_typography);
  ADD ("focus-mode", test_focus_mode);
  ADD ("narrow", test_narrow);
  ADD ("focus-mode-keeps-split", test_focus_mode_keeps_split);
  ADD ("narrow-round-trip", test_narrow_round_trip);
  ADD ("graf-numbers-beside-column", test_graf_numbers_beside_column);
  ADD ("history-changes", test_history_changes);
  ADD ("body-measured-before-drawn", test_body_measured_before_drawn);
#undef ADD
  g_test_add_func ("/lede/window/list-on-worker", test_list_on_worker);
  g_test_add_func ("/lede/window/refused-libraries", test_refused_libraries);
  g_test_add_func ("/lede/window/german", test_german);
  g_test_add_func ("/lede/window/narrow-german", test_narrow_german);

  status = g_test_run ();
  lede_test_rmdir (home);
  return status;
}
