/* test-desk.c: the desk's fields in the real window's sidebar under Xvfb —
 * each row says when its story is due and with whom, in words; the list
 * ordered by the soonest deadline; "Only My Stories" by the default byline,
 * for the list and for search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lede-story-row.h"
#include "lede-window-fixture.h"
#include "lede-window-private.h"

/* A story made in the library, as a script or a colleague would. */
static gint64
add_story (Fixture    *f,
           const char *headline,
           const char *deadline,
           const char *assignee)
{
  g_autoptr (LedeArticle) story = lede_article_new ();
  g_autoptr (GDateTime) due = deadline ? g_date_time_new_from_iso8601 (deadline, NULL) : NULL;

  lede_article_set_headline (story, headline);
  lede_article_set_deadline (story, due);
  lede_article_set_assignee (story, assignee);
  g_assert_true (lede_library_create_article (f->window->library, story, NULL));
  return lede_article_get_id (story);
}

static char *
headline_at (Fixture *f,
             guint    position)
{
  g_autoptr (LedeArticle) article = g_list_model_get_item (story_list_model (f), position);

  return article ? g_strdup (lede_article_get_headline (article)) : NULL;
}

/* The sidebar row showing @headline, once the list view has made it. */
static LedeStoryRow *
row_for (GtkWidget  *widget,
         const char *headline)
{
  if (LEDE_IS_STORY_ROW (widget))
    {
      LedeArticle *article = lede_story_row_get_article (LEDE_STORY_ROW (widget));

      return article && g_str_equal (lede_article_get_headline (article), headline) ? LEDE_STORY_ROW (widget) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LedeStoryRow *row = row_for (child, headline);

      if (row)
        return row;
    }
  return NULL;
}

static GtkLabel *
due_label (Fixture    *f,
           const char *headline)
{
  LedeStoryRow *row;

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  row = row_for (GTK_WIDGET (f->window->story_list), headline);
  g_assert_nonnull (row);
  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), LEDE_TYPE_STORY_ROW, "due_label"));
}

static void
test_deadline_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) soon = g_date_time_add_hours (now, 2);
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr (GDateTime) past = g_date_time_add_hours (now, -1);
  g_autofree char *soon_text = g_date_time_format_iso8601 (soon);
  g_autofree char *later_text = g_date_time_format_iso8601 (later);
  g_autofree char *past_text = g_date_time_format_iso8601 (past);
  GtkLabel *label;

  add_story (f, "Council tax vote", later_text, "");
  add_story (f, "Ferry timetable", soon_text, "Ana Souza");
  add_story (f, "Bridge shut", past_text, "Jon Berg");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.story-order", "s", "deadline"));

  /* Soonest first; the sample story, with no deadline, last. */
  {
    g_autofree char *first = headline_at (f, 0), *second = headline_at (f, 1), *third = headline_at (f, 2);

    g_assert_cmpstr (first, ==, "Bridge shut");
    g_assert_cmpstr (second, ==, "Ferry timetable");
    g_assert_cmpstr (third, ==, "Council tax vote");
  }

  /* In words, never by colour alone. */
  label = due_label (f, "Ferry timetable");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "due in 2 h · Ana Souza");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  label = due_label (f, "Bridge shut");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "overdue by 1 h · Jon Berg");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  label = due_label (f, "Council tax vote");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "due in 3 days");

  /* The open story's deadline set in the panel reaches its row at once. */
  g_assert_true (lede_window_select_article (f->window, lede_article_get_id (shown_article (f))));
  {
    const char *headline = lede_article_get_headline (shown_article (f));

    lede_article_set_deadline (shown_article (f), soon);
    label = due_label (f, headline);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "due in 2 h"));
    /* Published, it is due no more. */
    lede_article_set_status (shown_article (f), LEDE_ARTICLE_STATUS_PUBLISHED);
    label = due_label (f, headline);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  }

  g_settings_reset (settings, "story-order");
}

static gboolean
search_settled (gpointer data)
{
  Fixture *f = data;

  return !f->window->search_running && f->window->pending_query == NULL;
}

static void
test_only_mine (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GListModel *model = story_list_model (f);

  add_story (f, "Ferry timetable", NULL, "Ana Souza");
  add_story (f, "Ferry fares frozen", NULL, "Jon Berg");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Nobody's byline yet: nothing is "mine", so the list stays whole. */
  g_settings_set_string (settings, "default-byline", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.only-mine", NULL));
  g_assert_true (g_settings_get_boolean (settings, "only-mine"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The byline set in Preferences: only hers, in any case. */
  g_settings_set_string (settings, "default-byline", "ana souza");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autofree char *only = headline_at (f, 0);

    g_assert_cmpstr (only, ==, "Ferry timetable");
  }

  /* Search keeps to the same stories. */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "ferry");
  lede_test_wait_until (search_settled, f, 4000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "");
  lede_test_wait_until (search_settled, f, 4000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.only-mine", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_settings_reset (settings, "only-mine");
  g_settings_reset (settings, "default-byline");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lede/desk/deadline-order", Fixture, NULL, fixture_setup, test_deadline_order, fixture_teardown);
  g_test_add ("/lede/desk/only-mine", Fixture, NULL, fixture_setup, test_only_mine, fixture_teardown);
  return g_test_run ();
}
