/* test-panel.c: the metadata panel in the real window under Xvfb — each
 * kind of field reaches the library, fields never follow the wrong story,
 * tags with completion, sources, the attribution check, and the sidebar's
 * status and tag filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"
#include "lede-house-style-page.h"
#include "lede-preferences-window.h"
#include "lede-style.h"
#include "lede-metadata-panel.h"
#include "lede-source-manager.h"
#include "lede-tag-manager.h"
#include "lede-window-fixture.h"

static LedeMetadataPanel *
get_panel (Fixture *f)
{
  return LEDE_METADATA_PANEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "metadata_panel"));
}

static void
wait_saved (Fixture *f)
{
  lede_autosave_flush (lede_window_get_autosave (f->window), NULL);
  lede_test_wait_until (is_saved, f->window, 5000);
}

static void
show_panel (Fixture *f)
{
  /* Shown, not toggled: the setting lives on across the program's windows. */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-metadata", g_variant_new_boolean (TRUE));
  lede_test_spin (50);
}

static gboolean
checked (gpointer data)
{
  return !lede_metadata_panel_is_counting (data) && lede_metadata_panel_get_findings (data) != NULL;
}

/* A hidden panel has no sections (the window's first frame does not pay
 * for them); shown, it builds them with the story, the library and the
 * spelling it was given meanwhile, checks the story, and the window hears
 * the review section's answers. */
static void
test_built_when_shown (Fixture       *f,
                       gconstpointer  data)
{
  LedeMetadataPanel *panel = get_panel (f);
  LedeArticle *article = shown_article (f);
  LedeReviewSection *section;

  g_assert_nonnull (article);
  g_assert_null (descendant_of_type (GTK_WIDGET (panel), LEDE_TYPE_STORY_FIELDS));
  g_assert_null (lede_metadata_panel_get_findings (panel));

  show_panel (f);
  g_assert_nonnull (descendant_of_type (GTK_WIDGET (panel), LEDE_TYPE_STORY_FIELDS));
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "headline_row")), ==, lede_article_get_headline (article));
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "byline_row")), ==, lede_article_get_byline (article));
  lede_test_wait_until (checked, panel, 5000);

  section = lede_metadata_panel_get_review_section (panel);
  g_assert_true (g_signal_has_handler_pending (section, g_signal_lookup ("answer", LEDE_TYPE_REVIEW_SECTION), 0, FALSE));

  /* Spelling turned off and on, and its note said, many times: the
   * standfirst is still watched once. */
  {
    GObject *standfirst = panel_child (f, "standfirst_row");
    guint changed = g_signal_lookup ("changed", GTK_TYPE_EDITABLE);
    gpointer speller = g_object_get_data (standfirst, "lede-speller");
    GSignalMatchType match = G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA;
    guint before;

    g_assert_nonnull (speller);
    /* Blocking counts the handlers that match: the speller's, on "changed". */
    before = g_signal_handlers_block_matched (standfirst, match, changed, 0, NULL, NULL, speller);
    g_assert_cmpuint (before, ==, 1);
    g_signal_handlers_unblock_matched (standfirst, match, changed, 0, NULL, NULL, speller);
    for (guint i = 0; i < 3; i++)
      {
        lede_metadata_panel_check_spelling (panel, FALSE);
        lede_metadata_panel_check_spelling (panel, TRUE);
        lede_metadata_panel_set_spelling_note (panel, NULL);
      }
    g_assert_cmpuint (g_signal_handlers_block_matched (standfirst, match, changed, 0, NULL, NULL, speller), ==, before);
    g_signal_handlers_unblock_matched (standfirst, match, changed, 0, NULL, NULL, speller);
  }
}

/* What a person types into each row reaches the file. */
static void
test_fields_persist (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = lede_article_get_id (shown_article (f));
  g_autoptr (LedeArticle) on_disk = NULL;
  GtkTextBuffer *note;

  show_panel (f);
  gtk_editable_set_text (panel_child (f, "byline_row"), "Tamsin Orrell and Dev Achebe");
  gtk_editable_set_text (panel_child (f, "dateline_row"), "KESTLE\tISLAND");  /* a tab from a paste */
  gtk_editable_set_text (panel_child (f, "section_row"), "Local");
  gtk_editable_set_text (panel_child (f, "standfirst_row"), "The night ferry is back.");
  gtk_editable_set_text (panel_child (f, "language_row"), "en-GB");
  gtk_spin_button_set_value (panel_child (f, "word_goal_spin"), 900);
  note = gtk_text_view_get_buffer (panel_child (f, "note_view"));
  gtk_text_buffer_set_text (note, "Check the 1962 date\nwith the trust.", -1);
  adw_combo_row_set_selected (panel_child (f, "status_row"), LEDE_ARTICLE_STATUS_PUBLISHED);

  gtk_editable_set_text (panel_child (f, "embargo_row"), "2026-12-01 09:30");
  g_signal_emit_by_name (panel_child (f, "embargo_row"), "apply");
  wait_saved (f);

  on_disk = read_from_disk (f, id);
  g_assert_cmpstr (lede_article_get_byline (on_disk), ==, "Tamsin Orrell and Dev Achebe");
  g_assert_cmpstr (lede_article_get_dateline (on_disk), ==, "KESTLE ISLAND");
  g_assert_cmpstr (lede_article_get_section (on_disk), ==, "Local");
  g_assert_cmpstr (lede_article_get_standfirst (on_disk), ==, "The night ferry is back.");
  g_assert_cmpstr (lede_article_get_language (on_disk), ==, "en-GB");
  g_assert_cmpuint (lede_article_get_word_goal (on_disk), ==, 900);
  g_assert_cmpstr (lede_article_get_editorial_note (on_disk), ==, "Check the 1962 date\nwith the trust.");
  g_assert_cmpint (lede_article_get_status (on_disk), ==, LEDE_ARTICLE_STATUS_PUBLISHED);
  /* Becoming published stamps the time. */
  g_assert_nonnull (lede_article_get_published (on_disk));
  {
    g_autoptr (GDateTime) local = g_date_time_to_local (lede_article_get_embargo (on_disk));
    g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");
    g_assert_cmpstr (text, ==, "2026-12-01 09:30");
  }

  /* An embargo that cannot be read is refused in words; nothing changes. */
  gtk_editable_set_text (panel_child (f, "embargo_row"), "next Tuesday");
  g_signal_emit_by_name (panel_child (f, "embargo_row"), "apply");
  g_assert_nonnull (strstr (lede_metadata_panel_get_hints (get_panel (f)), "“next Tuesday” is not a date"));
  g_assert_nonnull (lede_article_get_embargo (shown_article (f)));
  /* A past one is kept, with a warning. */
  gtk_editable_set_text (panel_child (f, "embargo_row"), "2020-01-01 10:00");
  g_signal_emit_by_name (panel_child (f, "embargo_row"), "apply");
  g_assert_nonnull (strstr (lede_metadata_panel_get_hints (get_panel (f)), "The embargo has passed"));
}

/* The example a refused embargo gives (and the row's tooltip) is tomorrow
 * at 09:30 in the writer's time zone, written as the row takes it: typed
 * in, it is an embargo still to come. A published time's example is today. */
static void
test_embargo_example_ahead (Fixture       *f,
                            gconstpointer  data)
{
  AdwEntryRow *embargo = panel_child (f, "embargo_row");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *expected = g_date_time_format (tomorrow, "%Y-%m-%d 09:30");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d 09:30");
  g_autofree char *example = NULL;
  const char *hints, *start, *end;

  show_panel (f);
  gtk_editable_set_text (GTK_EDITABLE (embargo), "Friday 9am");
  g_signal_emit_by_name (embargo, "apply");
  hints = lede_metadata_panel_get_hints (get_panel (f));
  g_assert_nonnull ((start = strstr (hints, "write it as ")));
  start += strlen ("write it as ");
  g_assert_nonnull ((end = strstr (start, ". Nothing was changed.")));
  example = g_strndup (start, end - start);
  g_assert_cmpstr (example, ==, expected);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (embargo)), expected));
  g_assert_null (lede_article_get_embargo (shown_article (f)));

  /* Typed as given, the example is taken, and it lies ahead. */
  gtk_editable_set_text (GTK_EDITABLE (embargo), example);
  g_signal_emit_by_name (embargo, "apply");
  g_assert_nonnull (lede_article_get_embargo (shown_article (f)));
  g_assert_cmpint (g_date_time_compare (lede_article_get_embargo (shown_article (f)), now), >, 0);
  g_assert_true (lede_article_is_under_embargo (shown_article (f), NULL));
  g_assert_null (strstr (lede_metadata_panel_get_hints (get_panel (f)), "is not a date"));
  g_assert_null (strstr (lede_metadata_panel_get_hints (get_panel (f)), "The embargo has passed"));

  /* A published time's example is today's date. */
  gtk_editable_set_text (panel_child (f, "published_row"), "yesterday");
  g_signal_emit_by_name (panel_child (f, "published_row"), "apply");
  g_assert_nonnull (strstr (lede_metadata_panel_get_hints (get_panel (f)), today));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (panel_child (f, "published_row")), today));
}

/* The Desk section (issue 32): assignee, editor, deadline and the
 * headlines by role reach the file; a deadline that cannot be read is said
 * in words and changes nothing. */
static void
test_desk_fields (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = lede_article_get_id (shown_article (f));
  g_autoptr (LedeArticle) on_disk = NULL;
  GtkWidget *error;

  show_panel (f);
  gtk_editable_set_text (panel_child (f, "assignee_row"), "Ana Souza");
  gtk_editable_set_text (panel_child (f, "editor_row"), "Jon\tBerg");
  gtk_editable_set_text (panel_child (f, "print_row"), "Ferry back");
  gtk_editable_set_text (panel_child (f, "seo_row"), "Kestle night ferry returns");
  gtk_editable_set_text (panel_child (f, "social_row"), "After 41 years, the night ferry is back");
  gtk_editable_set_text (panel_child (f, "deadline_row"), "2026-12-05 17:30");
  g_signal_emit_by_name (panel_child (f, "deadline_row"), "apply");
  wait_saved (f);

  on_disk = read_from_disk (f, id);
  g_assert_cmpstr (lede_article_get_assignee (on_disk), ==, "Ana Souza");
  g_assert_cmpstr (lede_article_get_editor (on_disk), ==, "Jon Berg");
  g_assert_cmpstr (lede_article_get_print_headline (on_disk), ==, "Ferry back");
  g_assert_cmpstr (lede_article_get_seo_title (on_disk), ==, "Kestle night ferry returns");
  g_assert_cmpstr (lede_article_get_social_headline (on_disk), ==, "After 41 years, the night ferry is back");
  {
    g_autoptr (GDateTime) local = g_date_time_to_local (lede_article_get_deadline (on_disk));
    g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");
    g_assert_cmpstr (text, ==, "2026-12-05 17:30");
  }

  gtk_editable_set_text (panel_child (f, "deadline_row"), "after lunch");
  g_signal_emit_by_name (panel_child (f, "deadline_row"), "apply");
  error = panel_child (f, "deadline_error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "“after lunch” is not a date and time"));
  g_assert_nonnull (lede_article_get_deadline (shown_article (f)));
  /* Emptied, the story has no deadline. */
  gtk_editable_set_text (panel_child (f, "deadline_row"), "");
  g_signal_emit_by_name (panel_child (f, "deadline_row"), "apply");
  g_assert_null (lede_article_get_deadline (shown_article (f)));
  g_assert_false (gtk_widget_get_visible (error));
}

/* The slug follows the headline until edited by hand, is kept unique, and a
 * hand-made clash is shown. */
/* The counts and checks run on a worker thread. */
static gboolean
counted (gpointer data)
{
  return !lede_metadata_panel_is_counting (get_panel (data));
}

static void
wait_for_counts (Fixture *f)
{
  lede_test_wait_until (counted, f, 10000);
}

/* Whether the Checks section lists a finding whose message has @words. */
static gboolean
has_finding (Fixture    *f,
             const char *words)
{
  GPtrArray *findings = lede_metadata_panel_get_findings (get_panel (f));

  for (guint i = 0; findings && i < findings->len; i++)
    if (strstr (((LedeFinding *)g_ptr_array_index (findings, i))->message, words))
      return TRUE;
  return FALSE;
}

static void
test_slug (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *first_slug = NULL;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Council’s “Plan B” for Éluned Road");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "councils-plan-b-for-eluned-road");
  first_slug = g_strdup (lede_article_get_slug (shown_article (f)));
  wait_saved (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Council's Plan B for Eluned Road");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "councils-plan-b-for-eluned-road-2");

  /* By hand: normalised, kept even when it clashes, and the clash is shown. */
  gtk_editable_set_text (panel_child (f, "slug_row"), "Councils Plan B for Eluned Road");
  g_signal_emit_by_name (panel_child (f, "slug_row"), "apply");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, first_slug);
  g_assert_nonnull (strstr (lede_metadata_panel_get_hints (get_panel (f)), "is also used by"));
  lede_article_set_headline (shown_article (f), "A new headline does not move a slug made by hand");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, first_slug);

  /* A 10,000-character headline is kept, and warned about. */
  {
    g_autoptr (GString) huge = g_string_new (NULL);
    for (guint i = 0; i < 1000; i++)
      g_string_append (huge, "Headlines ");
    gtk_editable_set_text (panel_child (f, "headline_row"), huge->str);
    g_assert_cmpuint (strlen (lede_article_get_headline (shown_article (f))), ==, 10000);
    lede_metadata_panel_refresh (get_panel (f));
    wait_for_counts (f);
    g_assert_true (has_finding (f, "The headline is 10000 characters long"));
  }
}

static GtkWindow *find_toplevel (GType type);

/* A published story's page lives at its slug: a new headline leaves it,
 * a new slug is asked about first; and no story is marked Published
 * before its embargo lifts. */
static void
test_publication (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  AdwMessageDialog *ask;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Lifeboat crew honoured");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "lifeboat-crew-honoured");
  adw_combo_row_set_selected (panel_child (f, "status_row"), LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpint (lede_article_get_status (shown_article (f)), ==, LEDE_ARTICLE_STATUS_PUBLISHED);

  lede_article_set_headline (shown_article (f), "Lifeboat crew honoured for storm rescue");
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "lifeboat-crew-honoured");

  gtk_editable_set_text (panel_child (f, "slug_row"), "crew-honoured");
  g_signal_emit_by_name (panel_child (f, "slug_row"), "apply");
  ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "links to the old page break"));
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  lede_test_spin (50);
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "lifeboat-crew-honoured");
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "slug_row")), ==, "lifeboat-crew-honoured");

  g_signal_emit_by_name (panel_child (f, "slug_row"), "apply");
  gtk_editable_set_text (panel_child (f, "slug_row"), "crew-honoured");
  g_signal_emit_by_name (panel_child (f, "slug_row"), "apply");
  ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ask, "change");
  gtk_window_destroy (GTK_WINDOW (ask));
  lede_test_spin (50);
  g_assert_cmpstr (lede_article_get_slug (shown_article (f)), ==, "crew-honoured");

  /* Under embargo: Published is refused, and said why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Harbour dues to rise");
  lede_article_set_embargo (shown_article (f), tomorrow);
  adw_combo_row_set_selected (panel_child (f, "status_row"), LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpint (lede_article_get_status (shown_article (f)), !=, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpint (adw_combo_row_get_selected (panel_child (f, "status_row")), ==,
                   lede_article_get_status (shown_article (f)));
  g_assert_nonnull (strstr (lede_metadata_panel_get_hints (get_panel (f)), "cannot be marked Published"));
}

/* Switching stories never carries one story's fields into another. */
static void
test_switching (Fixture       *f,
                gconstpointer  data)
{
  gint64 sample = lede_article_get_id (shown_article (f));
  gint64 fresh;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  fresh = lede_article_get_id (shown_article (f));
  gtk_editable_set_text (panel_child (f, "byline_row"), "Night desk");
  g_assert_true (lede_window_select_article (f->window, sample));
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "byline_row")), ==, "Tamsin Orrell");
  g_assert_true (lede_window_select_article (f->window, fresh));
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "byline_row")), ==, "Night desk");
  wait_saved (f);
  {
    g_autoptr (LedeArticle) on_disk = read_from_disk (f, sample);
    g_assert_cmpstr (lede_article_get_byline (on_disk), ==, "Tamsin Orrell");
  }
}

static gboolean
completion_offers (GtkEntry   *entry,
                   const char *name)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (gtk_entry_get_completion (entry));
  GtkTreeIter iter;
  gboolean more = gtk_tree_model_get_iter_first (model, &iter);

  for (; more; more = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *value = NULL;

      gtk_tree_model_get (model, &iter, 0, &value, -1);
      if (g_strcmp0 (value, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  gint64 sample = lede_article_get_id (shown_article (f));
  GtkEntry *entry = panel_child (f, "tag_entry");
  g_auto (GStrv) tags = NULL;

  show_panel (f);
  /* Another story's tag is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  g_assert_true (lede_metadata_panel_add_tag (get_panel (f), "Maritime"));
  g_assert_true (lede_window_select_article (f->window, sample));
  g_assert_true (completion_offers (entry, "Maritime"));

  /* A comma ends a tag; the same tag in another case is refused. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Islands, mar");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "mar");
  gtk_editable_set_text (GTK_EDITABLE (entry), "maritime");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "ISLANDS");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ISLANDS");
  /* Refused in words, as the story spells the tag: under the entry, an
   * alert a screen reader speaks as it appears, and the entry's
   * description, marked invalid. */
  {
    GtkLabel *refusal = panel_child (f, "tag_refusal");
    const char *why = "“Islands” is already a tag of this story";

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (refusal)));
    g_assert_cmpstr (gtk_label_get_text (refusal), ==, why);
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (refusal), GTK_ACCESSIBLE_ROLE_ALERT);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why);
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_TRUE);
    /* Typing again takes the words away; the entry keeps its tooltip. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "ISLANDS ");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (refusal)));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
  }

  /* Tags are part of the story: on it at once, in the library with the
   * next autosave, under the library's own case. */
  g_assert_cmpuint (g_strv_length ((char **)lede_article_get_tags (shown_article (f))), ==, 2);
  wait_saved (f);
  tags = lede_library_get_tags (library, sample, NULL);
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "Islands", "Maritime", NULL }));

  /* Backspace in the empty entry takes the last chip off. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  {
    /* GTK 4 cannot synthesise a key event; the entry's own key controller
     * gets the press a keyboard would give it. */
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (entry));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_BackSpace, 22, 0, &handled);
      }
    g_assert_true (handled);
  }
  g_clear_pointer (&tags, g_strfreev);
  wait_saved (f);
  tags = lede_library_get_tags (library, sample, NULL);
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "Islands", NULL }));
}

/* A quotation whose speaker is not among the story's sources is flagged
 * in the Checks section; linking the speaker clears it; choosing a row
 * selects what it is about, in the body or in a field. */
static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkListBox *rows = panel_child (f, "findings_list");
  GtkTextIter start, end;
  LedeFinding *placeholder = NULL;
  GPtrArray *quotes;
  int from, to;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Harbour shut until TK");
  type_at_end (f, "The harbour stays shut.\n\n\"We cannot dredge in winter,\" said Rhian Tallis.\n");
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  quotes = lede_metadata_panel_get_quotes (get_panel (f));
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_null (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker);
  g_assert_true (has_finding (f, "credited to Rhian Tallis, not one of this story’s sources"));
  /* The blocking placeholder is listed first, in words as well as colour. */
  g_assert_true (has_finding (f, "A placeholder is still in: “TK”"));
  {
    AdwActionRow *first = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (rows, 0));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "A placeholder is still in: “TK”.");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (first), "Blocking · Headline"));
  }

  g_assert_true (lede_metadata_panel_add_source (get_panel (f), "Rhian Tallis"));
  wait_for_counts (f);
  quotes = lede_metadata_panel_get_quotes (get_panel (f));
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Rhian Tallis");
  g_assert_false (has_finding (f, "credited to"));
  /* The link is part of the story, saved with it by the autosave. */
  g_assert_cmpuint (lede_article_get_sources (shown_article (f))->len, ==, 1);
  wait_saved (f);
  {
    g_autoptr (GPtrArray) linked = lede_library_list_story_sources (lede_window_get_library (f->window),
                                                                    lede_article_get_id (shown_article (f)), NULL);
    g_assert_cmpuint (linked->len, ==, 1);
  }

  /* A placeholder in the body: its row selects it in the editor. */
  type_at_end (f, "\nMore TKTK here.\n");
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  for (guint i = 0; i < lede_metadata_panel_get_findings (get_panel (f))->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (lede_metadata_panel_get_findings (get_panel (f)), i);

      if (finding->field == LEDE_FIELD_BODY && finding->kind == LEDE_CHECK_PLACEHOLDER)
        {
          placeholder = finding;
          g_signal_emit_by_name (rows, "row-activated", gtk_list_box_get_row_at_index (rows, i));
        }
    }
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpstr (gtk_text_iter_get_slice (&start, &end), ==, "TKTK");

  /* One in the headline selects it in the headline's row. */
  g_signal_emit_by_name (rows, "row-activated", gtk_list_box_get_row_at_index (rows, 0));
  g_assert_true (gtk_editable_get_selection_bounds (panel_child (f, "headline_row"), &from, &to));
  g_assert_cmpint (from, ==, strlen ("Harbour shut until "));
  g_assert_cmpint (to, ==, strlen ("Harbour shut until TK"));
}

/* Ticks every check button under @root: each "Export anyway". */
static void
tick_all (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    tick_all (child);
}

static void
count_written (LedeExportDialog *dialog,
               LedeExportBatch  *batch,
               gboolean          cancelled,
               guint            *written)
{
  *written = lede_export_batch_get_written (batch);
}

static gboolean
has_written (gpointer data)
{
  return *(guint *)data > 0;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *status = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "status_filter"));
  GtkDropDown *tag = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "tag_filter"));
  GListModel *tag_names = gtk_drop_down_get_model (tag);
  guint courts = GTK_INVALID_LIST_POSITION;

  show_panel (f);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
      lede_article_set_status (shown_article (f), i == 0 ? LEDE_ARTICLE_STATUS_READY : LEDE_ARTICLE_STATUS_DRAFT);
      if (i < 2)
        g_assert_true (lede_metadata_panel_add_tag (get_panel (f), "Courts"));
      wait_saved (f);
    }
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 4);

  gtk_drop_down_set_selected (status, 1 + LEDE_ARTICLE_STATUS_READY);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 4);

  for (guint i = 0; i < g_list_model_get_n_items (tag_names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (tag_names), i), "Courts"))
      courts = i;
  g_assert_cmpuint (courts, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (tag, courts);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 2);

  /* Ctrl+A in the filtered list, then Export: "the selected stories" is
   * what the dialog offers, and it exports just those. */
  {
    g_autofree char *out = g_build_filename (f->dir, "out", NULL);
    g_autoptr (GDir) dir = NULL;
    LedeExportDialog *dialog;
    guint written = 0, files = 0;

    g_mkdir (out, 0755);
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (story_list_model (f)));
    dialog = lede_window_show_export (f->window);
    lede_export_dialog_set_folder (dialog, out);
    g_signal_connect (dialog, "finished", G_CALLBACK (count_written), &written);
    lede_export_dialog_export (dialog);
    /* The checks block one of them (marked ready, it lacks what ready
     * needs): "Export anyway" lets it out with the other. */
    while (written == 0 && !lede_export_dialog_is_reviewing (dialog))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (lede_export_dialog_is_reviewing (dialog));
    tick_all (GTK_WIDGET (dialog));
    lede_export_dialog_export (dialog);
    lede_test_wait_until (has_written, &written, 10000);
    g_assert_cmpuint (written, ==, 2);
    dir = g_dir_open (out, 0, NULL);
    while (g_dir_read_name (dir))
      files++;
    g_assert_cmpuint (files, ==, 2);
  }

  gtk_drop_down_set_selected (status, 1 + LEDE_ARTICLE_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, 1);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The first descendant of @widget of @type for which @match holds. */
static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (text == NULL ||
           (GTK_IS_EDITABLE (child) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (child)), text) == 0) ||
           (ADW_IS_PREFERENCES_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0) ||
           (GTK_IS_WIDGET (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), text) == 0)))
        return child;
      if ((found = find_child (child, type, text)))
        return found;
    }
  return NULL;
}

/* The tag manager renames, merging into a tag of the same name; the
 * sources manager deletes a source and its links, not the story. */
static void
test_managers (Fixture       *f,
               gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  gint64 sample = lede_article_get_id (shown_article (f));
  g_auto (GStrv) tags = NULL;
  GtkWindow *manager;
  GtkWidget *row, *delete;
  AdwMessageDialog *confirm;

  show_panel (f);
  g_assert_true (lede_metadata_panel_add_tag (get_panel (f), "Ferries"));
  g_assert_true (lede_metadata_panel_add_tag (get_panel (f), "Ferry"));
  g_assert_true (lede_metadata_panel_add_source (get_panel (f), "Eluned Parry"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-tags", NULL));
  manager = find_toplevel (LEDE_TYPE_TAG_MANAGER);
  g_assert_nonnull (manager);
  row = find_child (GTK_WIDGET (manager), ADW_TYPE_ENTRY_ROW, "Ferry");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "ferries");
  g_signal_emit_by_name (row, "apply");
  lede_test_spin (50);
  tags = lede_library_get_tags (library, sample, NULL);
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "ferries", NULL }));
  gtk_window_destroy (manager);
  lede_test_spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.manage-sources", NULL));
  manager = find_toplevel (LEDE_TYPE_SOURCE_MANAGER);
  g_assert_nonnull (manager);
  g_assert_nonnull (find_child (GTK_WIDGET (manager), ADW_TYPE_EXPANDER_ROW, "Eluned Parry"));
  delete = find_child (GTK_WIDGET (manager), GTK_TYPE_BUTTON, "Delete “Eluned Parry”");
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "delete");
  lede_test_spin (50);
  {
    g_autoptr (GPtrArray) all = lede_library_list_sources (library, NULL);
    g_assert_cmpuint (all->len, ==, 0);
  }
  gtk_window_destroy (manager);
  lede_test_spin (50);
  g_assert_cmpint (lede_library_count_articles (library, FALSE, NULL), ==, 1);
  /* The panel shows what the managers left. */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (panel_child (f, "sources_list"))));
}

/* The first button under @widget whose label starts with @label. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), label))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The library's house style reaches the checks at once (and again when
 * it changes); a finding's Replace button makes the fix as one undo step,
 * while the row still only selects; Preferences → House Style adds a
 * "use … not …" rule and removes one. */
static void
test_house_style (Fixture       *f,
                  gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkListBox *rows = panel_child (f, "findings_list");
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStyleRule) rule =
    lede_style_rule_read ("Places", "extends: substitution\nlevel: warning\nswap:\n  Kiev: Kyiv\n", -1, &error);
  GtkTextIter start, end;
  GtkButton *replace = NULL;
  g_autofree char *text = NULL;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Ferry talks");
  type_at_end (f, "The talks in Kiev ended.\n");
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  g_assert_false (has_finding (f, "house style"));

  g_assert_true (lede_style_keep_rule (library, rule, &error));
  g_assert_no_error (error);
  wait_for_counts (f);
  g_assert_true (has_finding (f, "Use “Kyiv”, not “Kiev” (house style: Places)"));

  for (int i = 0; gtk_list_box_get_row_at_index (rows, i) && replace == NULL; i++)
    replace = find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, i)), "Replace with “Kyiv”");
  g_assert_nonnull (replace);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (replace)));
  g_signal_emit_by_name (replace, "clicked");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "The talks in Kyiv ended."));
  g_clear_pointer (&text, g_free);
  wait_for_counts (f);
  g_assert_false (has_finding (f, "house style"));

  /* One Ctrl+Z takes it back. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "The talks in Kiev ended."));
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  g_assert_true (has_finding (f, "Use “Kyiv”"));

  /* Preferences → House Style. */
  {
    LedePreferencesWindow *preferences = lede_preferences_window_new (GTK_WINDOW (f->window), library);
    LedeHouseStylePage *page = LEDE_HOUSE_STYLE_PAGE (
      gtk_widget_get_template_child (GTK_WIDGET (preferences), LEDE_TYPE_PREFERENCES_WINDOW, "house_style_page"));
    g_auto (GStrv) names = NULL;
    g_auto (GStrv) texts = NULL;
    GtkButton *remove = NULL;

    gtk_window_present (GTK_WINDOW (preferences));
    g_assert_false (lede_house_style_page_add (page, "Kyiv", "", FALSE, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (lede_house_style_page_add (page, "towards", "toward", TRUE, "Our way.", &error));
    g_assert_no_error (error);
    g_assert_true (lede_library_list_style_rules (library, &names, &texts, &error));
    g_assert_cmpstrv (names, ((const char * const[]) { "Places", "UseTowards", NULL }));
    g_assert_nonnull (strstr (texts[1], "level: suggestion\n"));
    g_assert_nonnull (strstr (texts[1], "message: \"Our way.\"\n"));

    /* The finding for the new rule comes without an edit. */
    type_at_end (f, "They sailed toward the pier.\n");
    lede_metadata_panel_refresh (get_panel (f));
    wait_for_counts (f);
    g_assert_true (has_finding (f, "Our way. (house style: UseTowards)"));

    {
      GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_HOUSE_STYLE_PAGE, "rules_list"));
      GtkWidget *second = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Use “towards”, not “toward”");
      remove = GTK_BUTTON (g_object_get_data (G_OBJECT (second), "lede-remove"));
    }
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    g_strfreev (names);
    g_strfreev (texts);
    g_assert_true (lede_library_list_style_rules (library, &names, &texts, &error));
    g_assert_cmpstrv (names, ((const char * const[]) { "Places", NULL }));
    gtk_window_destroy (GTK_WINDOW (preferences));
  }
}

/* While suggesting, a check's fix is a suggestion like any edit: found in
 * the text read with every suggestion accepted, past another's mark, it
 * goes in as {~~old~>new~~} signed with the byline. */
static void
test_fix_suggested (Fixture       *f,
                    gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkListBox *rows = panel_child (f, "findings_list");
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStyleRule) rule =
    lede_style_rule_read ("Places", "extends: substitution\nlevel: warning\nswap:\n  Kiev: Kyiv\n", -1, &error);
  g_autoptr (GRegex) minute = g_regex_new ("\\|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ<<", 0, 0, NULL);
  GtkButton *replace = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  show_panel (f);
  g_settings_set_string (settings, "default-byline", "Ada Quill");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Ferry talks");
  gtk_text_buffer_set_text (buffer, "The {++new ++}{>>@Ed Ross|2026-12-04T10:00Z<<}talks in Kiev ended.\n", -1);
  g_assert_true (lede_style_keep_rule (library, rule, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "suggest-changes", NULL);
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  g_assert_true (has_finding (f, "Use “Kyiv”, not “Kiev” (house style: Places)"));

  for (int i = 0; gtk_list_box_get_row_at_index (rows, i) && replace == NULL; i++)
    replace = find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, i)), "Replace with “Kyiv”");
  g_assert_nonnull (replace);
  g_signal_emit_by_name (replace, "clicked");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  shown = g_regex_replace_literal (minute, text, -1, 0, "|T<<", 0, NULL);
  g_assert_cmpstr (shown, ==, "The {++new ++}{>>@Ed Ross|T<<}talks in {~~Kiev~>Kyiv~~}{>>@Ada Quill|T<<} ended.\n");
  /* One Ctrl+Z takes the suggestion back. */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "The {++new ++}{>>@Ed Ross|2026-12-04T10:00Z<<}talks in Kiev ended.\n");
  /* A finding shown is selected where it is, past the mark. */
  lede_editor_show_found (get_editor (f), 17, 4);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_clear_pointer (&text, g_free);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "Kiev");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "suggest-changes", NULL);
}

/* A quotation reworded since the story was first kept: a warning whose Put
 * Back restores the words (one undo step), and whose Accept Wording
 * records the new ones, after which it passes. */
static void
test_quote_wording (Fixture       *f,
                    gconstpointer  data)
{
  LedeLibrary *library = lede_window_get_library (f->window);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkListBox *rows = panel_child (f, "findings_list");
  GtkButton *put_back = NULL, *accept = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  show_panel (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), "Quay to reopen");
  type_at_end (f, "“We will reopen the quay by the summer,” said Ines Varga.\n");
  g_assert_true (lede_autosave_flush (lede_window_get_autosave (f->window), NULL));
  g_assert_true (lede_library_keep_revision (library, shown_article (f), "left the story", NULL, NULL, NULL));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  type_at_end (f, "“We will reopen the quay by the autumn,” said Ines Varga.\n");
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  g_assert_true (has_finding (f, "when the story was first kept"));

  for (int i = 0; gtk_list_box_get_row_at_index (rows, i) && put_back == NULL; i++)
    {
      put_back = find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, i)), "Put Back");
      accept = find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, i)), "Accept Wording");
    }
  g_assert_nonnull (put_back);
  g_assert_nonnull (accept);
  g_signal_emit_by_name (put_back, "clicked");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "“We will reopen the quay by the summer,” said"));
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_undo (buffer);
  lede_metadata_panel_refresh (get_panel (f));
  wait_for_counts (f);
  g_assert_true (has_finding (f, "when the story was first kept"));

  accept = NULL;
  for (int i = 0; gtk_list_box_get_row_at_index (rows, i) && accept == NULL; i++)
    accept = find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, i)), "Accept Wording");
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  wait_for_counts (f);
  g_assert_false (has_finding (f, "when the story was first kept"));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend, not none: the tests read what a
   * screen reader would be told (gtk_test_accessible_*). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/lede/panel/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("built-when-shown", test_built_when_shown);
  ADD ("fields-persist", test_fields_persist);
  ADD ("desk-fields", test_desk_fields);
  ADD ("slug", test_slug);
  ADD ("publication", test_publication);
  ADD ("switching", test_switching);
  ADD ("tags", test_tags);
  ADD ("embargo-example-ahead", test_embargo_example_ahead);
  ADD ("checks", test_checks);
  ADD ("house-style", test_house_style);
  ADD ("quote-wording", test_quote_wording);
  ADD ("fix-suggested", test_fix_suggested);
  ADD ("filters", test_filters);
  ADD ("managers", test_managers);
#undef ADD
  return g_test_run ();
}
