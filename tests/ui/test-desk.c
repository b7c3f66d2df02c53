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
#include "lede-time-picker.h"
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
  return lede_story_row_get_label (row, "due");
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

static gboolean
is_mapped (gpointer widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return gtk_widget_get_mapped (widget) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

/* Mapped and wholly inside its window, where a person could click it: a
 * popover from a button scrolled out of sight has no monitor to lie on
 * (GDK's X11 layout then fails fatally), and a panel scrolled by focus
 * moves at the next frame, not at once. */
static gboolean
is_in_sight (gpointer widget)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  return is_mapped (widget) && gtk_widget_compute_bounds (widget, native, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (native) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (native);
}

/* In sight, and where it was a moment ago: a panel scrolled to the focus
 * glides there over some frames, and a popover opened on the way is laid
 * out where its button was, off the screen (GDK's X11 layout then fails
 * fatally: it finds no monitor there). */
typedef struct
{
  GtkWidget       *widget;
  gboolean         seen;
  graphene_rect_t  last;
} Settle;

static gboolean
is_settled (gpointer data)
{
  Settle *settle = data;
  graphene_rect_t bounds;

  if (!is_in_sight (settle->widget) ||
      !gtk_widget_compute_bounds (settle->widget, GTK_WIDGET (gtk_widget_get_native (settle->widget)), &bounds))
    return FALSE;
  if (settle->seen && graphene_rect_equal (&bounds, &settle->last))
    return TRUE;
  settle->seen = TRUE;
  settle->last = bounds;
  lede_test_spin (50);
  return FALSE;
}

/* Waits until @widget is in sight and stays where it is. */
static void
wait_settled (GtkWidget *widget)
{
  Settle settle = { widget, FALSE };

  lede_test_wait_until (is_settled, &settle, 4000);
}

/* The focus is on a widget, and not on @widget nor inside it. */
static gboolean
focus_left (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && focus != widget && !gtk_widget_is_ancestor (focus, widget);
}

static LedeTimePicker *
picker_in (GtkWidget *widget)
{
  if (LEDE_IS_TIME_PICKER (widget))
    return LEDE_TIME_PICKER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LedeTimePicker *picker = picker_in (child);

      if (picker)
        return picker;
    }
  return NULL;
}

/* The calendar beside the deadline and the embargo: it opens on a time to
 * come (or the row's own), says it in UTC too, and Set goes through the
 * row's own reading, the same as typing it. */
static void
test_time_picker (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *deadline_row = panel_child (f, "deadline_row");
  LedeTimePicker *picker = picker_in (deadline_row);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) day = g_date_time_add_days (now, 2);
  g_autoptr (GDateTime) offered = NULL;
  g_autoptr (GDateTime) want = NULL;
  g_autoptr (GDateTime) want_utc = NULL;
  g_autofree char *utc_text = NULL;
  GtkWidget *popover;

  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-metadata", g_variant_new_boolean (TRUE));
  lede_test_spin (50);
  g_assert_nonnull (picker);
  lede_test_wait_until (is_mapped, lede_time_picker_get_button (picker), 4000);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (lede_time_picker_get_button (picker))) ||
                 gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (lede_time_picker_get_button (picker)))));

  /* Reached from the keyboard, it is scrolled into view as a person sees
   * it (a popover from a button off the screen has no monitor). */
  gtk_widget_grab_focus (GTK_WIDGET (lede_time_picker_get_button (picker)));
  wait_settled (GTK_WIDGET (lede_time_picker_get_button (picker)));

  /* Its popover is made when first opened. */
  g_assert_null (gtk_menu_button_get_popover (lede_time_picker_get_button (picker)));

  /* Opened on an empty row: the next 17:00 to come, never a time past. */
  gtk_menu_button_popup (lede_time_picker_get_button (picker));
  lede_test_spin (20);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (lede_time_picker_get_button (picker)));
  g_assert_true (gtk_widget_get_visible (popover));
  offered = gtk_calendar_get_date (lede_time_picker_get_calendar (picker));
  {
    g_autoptr (GDateTime) expected = g_date_time_add_days (now, g_date_time_get_hour (now) < 17 ? 0 : 1);

    g_assert_cmpint (g_date_time_get_day_of_month (offered), ==, g_date_time_get_day_of_month (expected));
    g_assert_cmpint (g_date_time_get_month (offered), ==, g_date_time_get_month (expected));
  }

  /* The day after tomorrow at 16:45, local; said in UTC beside it. */
  gtk_calendar_select_day (lede_time_picker_get_calendar (picker), day);
  lede_time_picker_set_clock (picker, 16, 45);
  want = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                                16, 45, 0);
  want_utc = g_date_time_to_utc (want);
  utc_text = g_date_time_format (want_utc, "%Y-%m-%d %H:%M UTC");
  g_assert_cmpstr (lede_time_picker_get_utc_text (picker), ==, utc_text);
  lede_time_picker_set (picker);
  lede_test_spin (20);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (lede_article_get_deadline (shown_article (f)));
  g_assert_true (g_date_time_equal (lede_article_get_deadline (shown_article (f)), want));

  /* Opened again, it shows the row's time. */
  gtk_menu_button_popup (lede_time_picker_get_button (picker));
  lede_test_spin (20);
  g_clear_pointer (&offered, g_date_time_unref);
  offered = gtk_calendar_get_date (lede_time_picker_get_calendar (picker));
  g_assert_cmpint (g_date_time_get_day_of_month (offered), ==, g_date_time_get_day_of_month (day));
  g_assert_cmpstr (lede_time_picker_get_utc_text (picker), ==, utc_text);
  gtk_menu_button_popdown (lede_time_picker_get_button (picker));
  /* Closed, it gives its button the focus back a moment later, and the
   * panel scrolls there: only once that is done, to the next. */
  lede_test_wait_until (focus_left, popover, 4000);
  wait_settled (GTK_WIDGET (lede_time_picker_get_button (picker)));

  /* The embargo's picker too, through the embargo row's own reading. */
  picker = picker_in (panel_child (f, "embargo_row"));
  g_assert_nonnull (picker);
  gtk_widget_grab_focus (GTK_WIDGET (lede_time_picker_get_button (picker)));
  wait_settled (GTK_WIDGET (lede_time_picker_get_button (picker)));
  gtk_menu_button_popup (lede_time_picker_get_button (picker));
  lede_test_spin (20);
  lede_time_picker_set (picker);
  lede_test_spin (20);
  g_assert_nonnull (lede_article_get_embargo (shown_article (f)));
  g_assert_cmpint (g_date_time_compare (lede_article_get_embargo (shown_article (f)), now), >, 0);
  g_assert_true (lede_article_is_under_embargo (shown_article (f), NULL));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lede/desk/deadline-order", Fixture, NULL, fixture_setup, test_deadline_order, fixture_teardown);
  g_test_add ("/lede/desk/time-picker", Fixture, NULL, fixture_setup, test_time_picker, fixture_teardown);
  g_test_add ("/lede/desk/only-mine", Fixture, NULL, fixture_setup, test_only_mine, fixture_teardown);
  return g_test_run ();
}
