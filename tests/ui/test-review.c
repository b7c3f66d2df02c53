/* test-review.c: the editor's pass in the real window under Xvfb — typing,
 * deleting and typing over a selection while suggesting, with undo, the
 * markup read back from the library byte for byte; accepting and
 * rejecting each kind; a comment with a reply; the panel's list; the
 * markup hidden in the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-export.h"
#include "lede-export-batch.h"
#include "lede-export-dialog.h"
#include "lede-gate.h"
#include "lede-checks.h"
#include "lede-review.h"
#include "lede-review-section.h"
#include "lede-window-fixture.h"

#define REVIEWER "Ada Quill"

static LedeMetadataPanel *
get_panel (Fixture *f)
{
  return LEDE_METADATA_PANEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW,
                                                             "metadata_panel"));
}

static GtkTextBuffer *
body (Fixture *f)
{
  return lede_editor_get_buffer (get_editor (f));
}

static void
wait_saved (Fixture *f)
{
  lede_autosave_flush (lede_window_get_autosave (f->window), NULL);
  lede_test_wait_until (is_saved, f->window, 5000);
}

static void set_suggesting (Fixture *f, gboolean on);

/* The body as the story had it, before the pass. */
static void
start_story (Fixture    *f,
             const char *text)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkTextIter start;

  g_settings_set_string (settings, "default-byline", REVIEWER);
  set_suggesting (f, FALSE);
  gtk_text_buffer_set_text (body (f), text, -1);
  gtk_text_buffer_get_start_iter (body (f), &start);
  gtk_text_buffer_place_cursor (body (f), &start);
  lede_test_spin (50);
}

static void
set_suggesting (Fixture  *f,
                gboolean  on)
{
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "suggest-changes");

  if (g_variant_get_boolean (state) != on)
    g_action_group_activate_action (G_ACTION_GROUP (f->window), "suggest-changes", NULL);
  g_variant_unref (state);
  g_assert_cmpint (lede_editor_get_suggesting (get_editor (f)), ==, on);
}

static void
cursor_to (Fixture *f,
           int      offset)
{
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_offset (body (f), &at, offset);
  gtk_text_buffer_place_cursor (body (f), &at);
}

static void
select_range (Fixture *f,
              int      from,
              int      to)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (body (f), &start, from);
  gtk_text_buffer_get_iter_at_offset (body (f), &end, to);
  gtk_text_buffer_select_range (body (f), &end, &start);
}

/* Each character as GtkTextView commits a key: the selection deleted and
 * the text put in at the cursor, in one user action. */
static void
type (Fixture    *f,
      const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_begin_user_action (body (f));
      gtk_text_buffer_delete_selection (body (f), TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (body (f), p, (int)(g_utf8_next_char (p) - p), TRUE);
      gtk_text_buffer_end_user_action (body (f));
    }
}

static void
backspace (Fixture *f,
           guint    times)
{
  for (guint i = 0; i < times; i++)
    {
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_mark (body (f), &at, gtk_text_buffer_get_insert (body (f)));
      g_assert_true (gtk_text_buffer_backspace (body (f), &at, TRUE, TRUE));
    }
}

/* The text with each signature's minute as "T", after checking it is now. */
static char *
timeless (const char *text)
{
  g_autoptr (GRegex) time = g_regex_new ("\\|(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  /* The fixed times of the stories written by hand are not checked. */
  if (g_regex_match (time, text, 0, &match) && !strstr (text, "2026-12-04T10:0"))
    {
      g_autofree char *when = g_match_info_fetch (match, 1);
      g_autofree char *iso = g_strdup_printf ("%.16s:00Z", when);
      g_autoptr (GDateTime) then = g_date_time_new_from_iso8601 (iso, NULL);
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      g_assert_nonnull (then);
      g_assert_cmpint (g_date_time_difference (now, then), <, 2 * G_TIME_SPAN_MINUTE);
      g_assert_cmpint (g_date_time_difference (now, then), >=, 0);
    }
  return g_regex_replace_literal (time, text, -1, 0, "|T", 0, NULL);
}

static void
assert_body (Fixture    *f,
             const char *expected)
{
  g_autofree char *text = buffer_text (f);
  g_autofree char *shown = timeless (text);

  g_assert_cmpstr (shown, ==, expected);
}

/* What the library holds, byte for byte. */
static void
assert_saved (Fixture    *f,
              const char *expected)
{
  gint64 id = lede_article_get_id (shown_article (f));
  g_autoptr (LedeArticle) on_disk = NULL;
  g_autofree char *shown = NULL;

  wait_saved (f);
  on_disk = read_from_disk (f, id);
  shown = timeless (lede_article_get_body (on_disk));
  g_assert_cmpstr (shown, ==, expected);
}

#define SIG "{>>@" REVIEWER "|T<<}"

static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  start_story (f, "The mayor spoke.");
  set_suggesting (f, TRUE);
  cursor_to (f, 9);
  type (f, " Jane Hale");
  assert_body (f, "The mayor{++ Jane Hale++}" SIG " spoke.");
  assert_saved (f, "The mayor{++ Jane Hale++}" SIG " spoke.");

  /* Backspace in one's own insertion takes the letter back. */
  backspace (f, 5);
  assert_body (f, "The mayor{++ Jane++}" SIG " spoke.");
  /* And past its last letter, the insertion goes. */
  backspace (f, 5);
  assert_body (f, "The mayor spoke.");
  gtk_text_buffer_undo (body (f));
  g_assert_true (strstr (buffer_text (f), "{++") != NULL);

  /* Turned off, typing is typing again. */
  start_story (f, "The mayor spoke.");
  set_suggesting (f, FALSE);
  cursor_to (f, 9);
  type (f, " Jane");
  assert_body (f, "The mayor Jane spoke.");
}

static void
test_deleting (Fixture       *f,
               gconstpointer  data)
{
  start_story (f, "The old mayor spoke.");
  set_suggesting (f, TRUE);
  cursor_to (f, 8);
  backspace (f, 4);
  /* One mark for the run of Backspaces, the cursor before it. */
  assert_body (f, "The {--old --}" SIG "mayor spoke.");
  {
    GtkTextIter at;

    gtk_text_buffer_get_iter_at_mark (body (f), &at, gtk_text_buffer_get_insert (body (f)));
    g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, 4);
  }
  assert_saved (f, "The {--old --}" SIG "mayor spoke.");

  /* Backspace right after a mark takes the letter before, not the hidden "}". */
  start_story (f, "The old mayor spoke.");
  set_suggesting (f, TRUE);
  cursor_to (f, 13);
  backspace (f, 1);
  assert_body (f, "The old mayo{--r--}" SIG " spoke.");
  gtk_text_buffer_undo (body (f));
  assert_body (f, "The old mayor spoke.");

  /* A selection across paragraphs: a mark a paragraph. */
  start_story (f, "First graf ends.\n\nSecond graf starts.");
  set_suggesting (f, TRUE);
  select_range (f, 11, 24);
  gtk_text_buffer_delete_selection (body (f), TRUE, TRUE);
  assert_body (f, "First graf {--ends.--}" SIG "\n\n{--Second--}" SIG " graf starts.");
  {
    g_autofree char *text = buffer_text (f);
    g_autoptr (GPtrArray) marks = lede_review_scan (text);

    g_assert_cmpuint (marks->len, ==, 2);
    /* One edit, answered together. */
    g_assert_cmpuint (((LedeReviewMark *)g_ptr_array_index (marks, 1))->group, ==, 0);
  }
  g_assert_true (lede_editor_answer_at_cursor (get_editor (f), LEDE_REVIEW_REJECT) ||
                 lede_editor_answer_suggestions (get_editor (f), NULL, LEDE_REVIEW_REJECT));
  assert_body (f, "First graf ends.\n\nSecond graf starts.");
}

static void
test_overtyping (Fixture       *f,
                 gconstpointer  data)
{
  start_story (f, "The mayor spoke on Tuesday.");
  set_suggesting (f, TRUE);
  select_range (f, 10, 15);
  type (f, "said");
  assert_body (f, "The mayor {~~spoke~>said~~}" SIG " on Tuesday.");
  assert_saved (f, "The mayor {~~spoke~>said~~}" SIG " on Tuesday.");
  /* One undo step per key: the last letter, then the rest of the mark. */
  gtk_text_buffer_undo (body (f));
  gtk_text_buffer_undo (body (f));
  gtk_text_buffer_undo (body (f));
  gtk_text_buffer_undo (body (f));
  assert_body (f, "The mayor spoke on Tuesday.");

  /* Replace in the find bar is a substitution too. */
  {
    LedeFindBar *bar = lede_editor_get_find_bar (get_editor (f));

    start_story (f, "Tide at noon, tide at dusk.");
    set_suggesting (f, TRUE);
    lede_find_bar_open (bar, TRUE);
    lede_find_bar_set_text (bar, "tide", "flood");
    lede_test_spin (100);
    lede_find_bar_replace_all (bar);
    lede_test_spin (50);
    assert_body (f, "{~~Tide~>flood~~}" SIG " at noon, {~~tide~>flood~~}" SIG " at dusk.");
  }
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  const char *pass = "A {++new ++}{>>@Ada Quill|2026-12-04T10:00Z<<}ferry {--soon --}{>>@Ada Quill|2026-12-04T10:00Z<<}"
                     "runs {~~daily~>nightly~~}{>>@Bo Reed|2026-12-04T10:05Z<<}.";
  LedeEditor *editor = get_editor (f);

  start_story (f, pass);
  /* Each kind, at the cursor: accepted, then undone as one step. */
  cursor_to (f, 4);
  g_assert_true (lede_editor_answer_at_cursor (editor, LEDE_REVIEW_ACCEPT));
  g_assert_true (g_str_has_prefix (buffer_text (f), "A new ferry {--"));
  gtk_text_buffer_undo (body (f));
  {
    g_autofree char *text = buffer_text (f);
    g_assert_cmpstr (text, ==, pass);
  }
  cursor_to (f, 4);
  g_assert_true (lede_editor_answer_at_cursor (editor, LEDE_REVIEW_REJECT));
  g_assert_true (g_str_has_prefix (buffer_text (f), "A ferry {--"));
  gtk_text_buffer_undo (body (f));

  /* All of one author's. */
  g_assert_true (lede_editor_answer_suggestions (editor, "Ada Quill", LEDE_REVIEW_ACCEPT));
  assert_body (f, "A new ferry runs {~~daily~>nightly~~}{>>@Bo Reed|T<<}.");
  g_assert_true (lede_editor_answer_suggestions (editor, "Bo Reed", LEDE_REVIEW_REJECT));
  assert_body (f, "A new ferry runs daily.");
  assert_saved (f, "A new ferry runs daily.");
  gtk_text_buffer_undo (body (f));
  assert_body (f, "A new ferry runs {~~daily~>nightly~~}{>>@Bo Reed|T<<}.");

  /* All, through the window's action. */
  start_story (f, pass);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-all", NULL));
  assert_body (f, "A new ferry runs nightly.");
  start_story (f, pass);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reject-all", NULL));
  assert_body (f, "A ferry soon runs daily.");
  /* Ctrl+Alt+A's action at a substitution. */
  start_story (f, pass);
  cursor_to (f, 106);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.accept-suggestion", NULL));
  g_assert_true (g_str_has_suffix (buffer_text (f), "runs nightly."));
}

static void
test_comment_reply (Fixture       *f,
                    gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  LedeReviewSection *section = lede_metadata_panel_get_review_section (get_panel (f));
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  LedeReviewMark *mark;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-metadata", NULL));
  start_story (f, "The ferry runs nightly from May.");
  lede_editor_set_suggesting (editor, FALSE, REVIEWER);
  /* No selection: nothing to comment on. */
  g_assert_false (lede_editor_add_comment (editor, "Check this"));
  select_range (f, 28, 32);
  g_assert_true (lede_editor_add_comment (editor, "Which year?"));
  assert_body (f, "The ferry runs nightly from {==May.==}{>>@" REVIEWER "|T: Which year?<<}");
  text = buffer_text (f);
  marks = lede_review_scan (text);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpint (mark->kind, ==, LEDE_REVIEW_COMMENT);
  g_assert_true (lede_editor_reply (editor, mark->start, "From 2027: see the timetable."));
  assert_body (f, "The ferry runs nightly from {==May.==}{>>@" REVIEWER "|T: Which year?<<}"
                  "{>>@" REVIEWER "|T: From 2027: see the timetable.<<}");
  assert_saved (f, "The ferry runs nightly from {==May.==}{>>@" REVIEWER "|T: Which year?<<}"
                   "{>>@" REVIEWER "|T: From 2027: see the timetable.<<}");
  {
    g_autofree char *again = buffer_text (f);
    g_autoptr (GPtrArray) read = lede_review_scan (again);

    g_assert_cmpuint (read->len, ==, 1);
    g_assert_cmpuint (((LedeReviewMark *)g_ptr_array_index (read, 0))->notes->len, ==, 2);
  }

  /* The panel lists it, with a suggestion after it. */
  type_at_end (f, " {++Daily.++}{>>@Bo Reed|2026-12-04T10:05Z<<}");
  lede_metadata_panel_refresh (get_panel (f));
  g_assert_cmpuint (lede_review_section_get_count (section), ==, 2);

  /* Resolved, the words stay and the notes go. */
  g_assert_true (lede_editor_answer_mark (editor, mark->start, LEDE_REVIEW_ACCEPT));
  assert_body (f, "The ferry runs nightly from May. {++Daily.++}{>>@Bo Reed|T<<}");
  lede_metadata_panel_refresh (get_panel (f));
  g_assert_cmpuint (lede_review_section_get_count (section), ==, 1);
}

/* Shown as changes: the markup and signatures hidden, the words tagged. */
static void
test_shown (Fixture       *f,
            gconstpointer  data)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (body (f));
  GtkTextTag *hidden = gtk_text_tag_table_lookup (table, "review-hidden");
  GtkTextTag *inserted = gtk_text_tag_table_lookup (table, "review-inserted");
  GtkTextTag *deleted = gtk_text_tag_table_lookup (table, "review-deleted");
  GtkTextIter at;

  start_story (f, "A {++new ++}{>>@Ada Quill|2026-12-04T10:00Z<<}ferry {--soon --}{>>@Ada Quill|2026-12-04T10:00Z<<}runs.");
  /* Tagged before a frame is drawn. */
  lede_test_spin (100);
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 0);
  g_assert_false (gtk_text_iter_has_tag (&at, hidden));
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 2);
  g_assert_true (gtk_text_iter_has_tag (&at, hidden));
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 5);
  g_assert_true (gtk_text_iter_has_tag (&at, inserted));
  g_assert_false (gtk_text_iter_has_tag (&at, hidden));
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 20);
  g_assert_true (gtk_text_iter_has_tag (&at, hidden));
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 56);
  g_assert_true (gtk_text_iter_has_tag (&at, deleted));
  /* Answered, nothing is hidden any more. */
  g_assert_true (lede_editor_answer_suggestions (get_editor (f), NULL, LEDE_REVIEW_ACCEPT));
  lede_test_spin (100);
  gtk_text_buffer_get_iter_at_offset (body (f), &at, 2);
  g_assert_false (gtk_text_iter_has_tag (&at, hidden));
}

/* Suggest Changes is remembered per story. */
static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_auto (GStrv) list = NULL;
  const char *uuid = lede_article_get_uuid (shown_article (f));

  set_suggesting (f, TRUE);
  list = g_settings_get_strv (settings, "suggesting");
  g_assert_true (g_strv_contains ((const char * const *)list, uuid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_test_spin (100);
  g_assert_false (lede_editor_get_suggesting (get_editor (f)));
  set_suggesting (f, FALSE);
}

typedef struct {
  LedeExportDialog *dialog;
  gboolean          done;
  guint             written;
} Outcome;

static void
on_export_finished (LedeExportDialog *dialog,
                    LedeExportBatch  *batch,
                    gboolean          cancelled,
                    Outcome          *outcome)
{
  outcome->written = lede_export_batch_get_written (batch);
  outcome->done = TRUE;
}

static gboolean
is_done_or_reviewing (gpointer data)
{
  Outcome *outcome = data;

  return outcome->done || lede_export_dialog_is_reviewing (outcome->dialog);
}

static gboolean
is_done (gpointer data)
{
  return ((Outcome *)data)->done;
}

/* Export → Markdown → For review keeps the pass, byte for byte. */
static void
test_export_for_review (Fixture       *f,
                        gconstpointer  data)
{
  const char *pass = "A {++new ++}{>>@Ada Quill|2026-12-04T10:00Z<<}ferry runs.";
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *name = NULL, *path = NULL, *text = NULL;
  GtkSwitch *keep;
  Outcome outcome = { 0 };

  g_mkdir (out, 0755);
  start_story (f, "A {++new ++}{>>@Ada Quill|2026-12-04T10:00Z<<}ferry runs");
  type_at_end (f, ".");
  assert_saved (f, "A {++new ++}{>>@Ada Quill|T<<}ferry runs.");
  outcome.dialog = lede_window_show_export (f->window);
  lede_export_dialog_set_folder (outcome.dialog, out);
  lede_export_dialog_set_format (outcome.dialog, LEDE_EXPORT_FORMAT_MARKDOWN);
  keep = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (outcome.dialog), LEDE_TYPE_EXPORT_DIALOG,
                                                    "review_switch"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (keep)));
  gtk_switch_set_active (keep, TRUE);
  g_signal_connect (outcome.dialog, "finished", G_CALLBACK (on_export_finished), &outcome);
  lede_export_dialog_export (outcome.dialog);
  lede_test_wait_until (is_done_or_reviewing, &outcome, 10000);
  if (!outcome.done)
    lede_export_dialog_export (outcome.dialog);
  lede_test_wait_until (is_done, &outcome, 10000);
  g_assert_cmpuint (outcome.written, ==, 1);
  name = lede_export_file_name (shown_article (f), LEDE_EXPORT_FORMAT_MARKDOWN, 0);
  path = g_build_filename (out, name, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, pass));
}


/* The headline takes suggestions too (the editor's headline view): typed
 * over, it keeps the markup, saved byte for byte, shown as changes; a
 * headline set from elsewhere is no suggestion; the gate holds the story
 * back on it; answered at the cursor and with all the rest. */
static void
test_headline (Fixture       *f,
               gconstpointer  data)
{
  LedeEditor *editor = get_editor (f);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), LEDE_TYPE_EDITOR,
                                                                      "headline_view"));
  GtkTextBuffer *headline = gtk_text_view_get_buffer (view);
  LedeArticle *article = shown_article (f);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  start_story (f, "The ferry runs.");
  set_suggesting (f, TRUE);
  /* Set from elsewhere (the panel, a story loaded): plain. */
  lede_article_set_headline (article, "Ferry runs late tonight");
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Ferry runs late tonight");

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_iter_at_offset (headline, &start, 11);
  gtk_text_buffer_get_iter_at_offset (headline, &end, 15);
  gtk_text_buffer_select_range (headline, &end, &start);
  for (const char *p = "again"; *p; p++)
    {
      gtk_text_buffer_begin_user_action (headline);
      gtk_text_buffer_delete_selection (headline, TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (headline, p, 1, TRUE);
      gtk_text_buffer_end_user_action (headline);
    }
  shown = timeless (lede_article_get_headline (article));
  g_assert_cmpstr (shown, ==, "Ferry runs {~~late~>again~~}" SIG " tonight");
  {
    gint64 id = lede_article_get_id (article);
    g_autoptr (LedeArticle) on_disk = NULL;
    g_autofree char *saved = NULL;

    wait_saved (f);
    on_disk = read_from_disk (f, id);
    saved = timeless (lede_article_get_headline (on_disk));
    g_assert_cmpstr (saved, ==, "Ferry runs {~~late~>again~~}" SIG " tonight");
  }

  /* Shown as changes: the markup hidden, the old word struck through. */
  lede_test_spin (100);
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (headline);
    GtkTextIter at;

    gtk_text_buffer_get_iter_at_offset (headline, &at, 11);
    g_assert_true (gtk_text_iter_has_tag (&at, gtk_text_tag_table_lookup (table, "review-hidden")));
    gtk_text_buffer_get_iter_at_offset (headline, &at, 14);
    g_assert_true (gtk_text_iter_has_tag (&at, gtk_text_tag_table_lookup (table, "review-deleted")));
  }

  /* Nothing unresolved goes out, in the headline either. */
  {
    g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
    GPtrArray *findings = lede_verdict_get_findings (verdict);
    gboolean in_headline = FALSE;

    g_assert_true (lede_verdict_is_blocked (verdict));
    for (guint i = 0; i < findings->len; i++)
      {
        LedeFinding *finding = g_ptr_array_index (findings, i);

        in_headline |= finding->kind == LEDE_CHECK_REVIEW && finding->field == LEDE_FIELD_HEADLINE;
      }
    g_assert_true (in_headline);
    /* Forced out, it leaves as it was before the pass. */
    g_assert_cmpstr (lede_article_get_headline (lede_verdict_get_article (verdict)), ==, "Ferry runs late tonight");
  }

  /* Accepted at the cursor, in the headline. */
  gtk_text_buffer_get_iter_at_offset (headline, &start, 20);
  gtk_text_buffer_place_cursor (headline, &start);
  g_assert_true (lede_editor_answer_at_cursor (editor, LEDE_REVIEW_ACCEPT));
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Ferry runs again tonight");

  /* Rejecting all takes the headline's with the body's. */
  gtk_text_buffer_get_end_iter (headline, &end);
  gtk_text_buffer_place_cursor (headline, &end);
  gtk_text_buffer_begin_user_action (headline);
  gtk_text_buffer_insert_interactive_at_cursor (headline, "!", 1, TRUE);
  gtk_text_buffer_end_user_action (headline);
  g_clear_pointer (&shown, g_free);
  shown = timeless (lede_article_get_headline (article));
  g_assert_cmpstr (shown, ==, "Ferry runs again tonight{++!++}" SIG);
  cursor_to (f, 4);
  type (f, "X");
  g_assert_true (lede_editor_answer_suggestions (editor, NULL, LEDE_REVIEW_REJECT));
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Ferry runs again tonight");
  assert_body (f, "The ferry runs.");
}

/* The panel's standfirst (and headline) take suggestions too, by the
 * body's rules: typing grows one insertion, deleting a selection keeps the
 * words as a deletion; the story set from elsewhere is no suggestion; the
 * gate holds the story back; Reject All answers them with the body's. */
static void
test_standfirst (Fixture       *f,
                 gconstpointer  data)
{
  LedeStoryFields *fields = lede_metadata_panel_get_story_fields (get_panel (f));
  GtkEditable *row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fields), LEDE_TYPE_STORY_FIELDS,
                                                                   "standfirst_row"));
  GtkEditable *text = gtk_editable_get_delegate (row);
  LedeArticle *article = shown_article (f);
  g_autofree char *shown = NULL;
  int at;

  start_story (f, "The ferry runs.");
  set_suggesting (f, TRUE);
  lede_article_set_standfirst (article, "The crossing resumes after years");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "The crossing resumes after years");

  /* Typed at the end, a letter at a time: one insertion. */
  at = 32;
  gtk_editable_set_position (text, at);
  for (const char *p = " soon"; *p; p++)
    {
      gtk_editable_insert_text (text, p, 1, &at);
      gtk_editable_set_position (text, at);
    }
  shown = timeless (lede_article_get_standfirst (article));
  g_assert_cmpstr (shown, ==, "The crossing resumes after years{++ soon++}" SIG);

  /* A selection deleted stays, struck. */
  gtk_editable_select_region (text, 21, 26);
  gtk_editable_delete_text (text, 21, 26);
  g_clear_pointer (&shown, g_free);
  shown = timeless (lede_article_get_standfirst (article));
  g_assert_cmpstr (shown, ==, "The crossing resumes {--after--}" SIG " years{++ soon++}" SIG);
  {
    gint64 id = lede_article_get_id (article);
    g_autoptr (LedeArticle) on_disk = NULL;
    g_autofree char *saved = NULL;

    wait_saved (f);
    on_disk = read_from_disk (f, id);
    saved = timeless (lede_article_get_standfirst (on_disk));
    g_assert_cmpstr (saved, ==, "The crossing resumes {--after--}" SIG " years{++ soon++}" SIG);
  }
  {
    g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);

    g_assert_true (lede_verdict_is_blocked (verdict));
    g_assert_cmpstr (lede_article_get_standfirst (lede_verdict_get_article (verdict)), ==,
                     "The crossing resumes after years");
  }

  /* Reject All takes the standfirst's too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reject-all", NULL));
  g_assert_cmpstr (lede_article_get_standfirst (article), ==, "The crossing resumes after years");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "The crossing resumes after years");

  /* Not suggesting, the field is edited as ever. */
  set_suggesting (f, FALSE);
  at = 0;
  gtk_editable_insert_text (text, "Now ", 4, &at);
  g_assert_cmpstr (lede_article_get_standfirst (article), ==, "Now The crossing resumes after years");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/lede/review-ui/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("typing", test_typing);
  ADD ("deleting", test_deleting);
  ADD ("overtyping", test_overtyping);
  ADD ("answers", test_answers);
  ADD ("comment-reply", test_comment_reply);
  ADD ("shown", test_shown);
  ADD ("remembered", test_remembered);
  ADD ("export-for-review", test_export_for_review);
  ADD ("headline", test_headline);
  ADD ("standfirst", test_standfirst);
  return g_test_run ();
}
