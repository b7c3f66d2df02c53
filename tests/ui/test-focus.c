/* test-focus.c: the keyboard alone, no traps — the sidebar's story list is
 * one Tab stop however many stories the library holds.
 *
 * The keys are real: xdotool presses them (XTEST) in the test's own window
 * under Xvfb, and GTK delivers them as it would a writer's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "lede-library.h"
#include "lede-story-row.h"
#include "lede-window-private.h"
#include "lede-window-fixture.h"

/* A library where Tab through every row would take minutes. */
#define STORIES 200

static void
many_setup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;

  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  library = lede_library_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < STORIES; i++)
    {
      g_autoptr (LedeArticle) story = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Harbour notice %u", i + 1);

      lede_article_set_headline (story, headline);
      lede_article_set_body (story, "Tide tables for the week.");
      g_assert_true (lede_library_add_story (library, story, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&library);

  f->window = lede_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  /* The window's width, when a test gives one. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), data ? GPOINTER_TO_INT (data) : 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lede_window_open_library (f->window, f->path));
}

static void
xdotool (const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)"xdotool");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
window_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->window)) &&
         g_list_model_get_n_items (story_list_model (f)) == STORIES &&
         gtk_widget_get_mapped (GTK_WIDGET (get_editor (f)));
}

/* Gives the window the X server's keyboard, as a click on it would. */
static void
take_keyboard (Fixture *f)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  lede_test_wait_until (window_shown, f, 10000);
  xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
  lede_test_wait_until ((gboolean (*) (gpointer)) gtk_window_is_active, f->window, 5000);
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
in_list (Fixture *f)
{
  GtkWidget *widget = focus (f);

  return widget != NULL && gtk_widget_is_ancestor (widget, GTK_WIDGET (f->window->story_list));
}

/* The story of the list's row that has the focus, or NULL. */
static LedeArticle *
focused_story (Fixture *f)
{
  GtkWidget *widget = focus (f);

  if (!in_list (f))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_first_child (child))
    if (LEDE_IS_STORY_ROW (child))
      return lede_story_row_get_article (LEDE_STORY_ROW (child));
  return NULL;
}

static guint
position_of (Fixture     *f,
             LedeArticle *story)
{
  GListModel *model = story_list_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedeArticle) item = g_list_model_get_item (model, i);

      if (item == story)
        return i;
    }
  g_assert_not_reached ();
}

typedef struct {
  Fixture   *f;
  GtkWidget *before;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *wait = data;

  return focus (wait->f) != wait->before;
}

/* Presses @key in the window and waits for the focus to move. */
static void
press (Fixture    *f,
       const char *key)
{
  FocusWait wait = { f, focus (f) };

  xdotool ((const char *[]) { "key", key, NULL });
  lede_test_wait_until (focus_moved, &wait, 5000);
  /* Whatever else the key set going (a story opened) settles too. */
  lede_test_spin (200);
}

static void
focus_row (Fixture *f)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->window->story_list));
  g_assert_nonnull (focused_story (f));
}

static void
test_list_one_tab_stop (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (get_editor (f));
  LedeArticle *story;
  guint position;

  take_keyboard (f);
  focus_row (f);
  story = focused_story (f);
  position = position_of (f, story);

  /* Arrows move within the list, a row at a time. */
  press (f, "Down");
  g_assert_true (in_list (f));
  g_assert_cmpuint (position_of (f, focused_story (f)), ==, position + 1);
  press (f, "Up");
  g_assert_true (in_list (f));
  g_assert_cmpuint (position_of (f, focused_story (f)), ==, position);
  press (f, "Down");
  press (f, "Down");
  g_assert_cmpuint (position_of (f, focused_story (f)), ==, position + 2);

  /* One Tab: out of the list, into the story (its headline or body). */
  press (f, "Tab");
  g_assert_false (in_list (f));
  g_assert_true (gtk_widget_is_ancestor (focus (f), editor));
  g_assert_true (GTK_IS_TEXT_VIEW (focus (f)));

  /* One Shift+Tab from a row: back out of the list, to the filters before it. */
  focus_row (f);
  press (f, "shift+Tab");
  g_assert_false (in_list (f));
  g_assert_true (gtk_widget_is_ancestor (focus (f), GTK_WIDGET (f->window->tag_filter)));
}

static gboolean
bar_shown (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* With several stories selected, Tab goes first to the bar acting on them. */
static void
test_list_tab_to_selection_bar (Fixture       *f,
                                gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (story_list_model (f));

  take_keyboard (f);
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  lede_test_wait_until (bar_shown, f->window->selection_revealer, 5000);
  focus_row (f);
  press (f, "Tab");
  g_assert_false (in_list (f));
  g_assert_true (gtk_widget_is_ancestor (focus (f), GTK_WIDGET (f->window->selection_revealer)));
}

static gboolean
list_alone (gpointer data)
{
  Fixture *f = data;

  return adw_leaflet_get_folded (f->window->leaflet) && !adw_leaflet_get_child_transition_running (f->window->leaflet) &&
         adw_leaflet_get_visible_child (f->window->leaflet) == f->window->sidebar &&
         !gtk_widget_get_mapped (GTK_WIDGET (get_editor (f)));
}

/* A narrow window showing the list alone: Tab goes on to what follows it. */
static void
test_list_tab_narrow (Fixture       *f,
                      gconstpointer  data)
{
  take_keyboard (f);
  g_assert_true (adw_leaflet_get_folded (f->window->leaflet));
  /* Folding shows the story, before a frame: the list comes after. */
  lede_test_spin (300);
  adw_leaflet_navigate (f->window->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  lede_test_wait_until (list_alone, f, 5000);
  focus_row (f);
  press (f, "Tab");
  g_assert_false (in_list (f));
  /* The sidebar's foot: the wire inbox, then the trash. */
  g_assert_true (focus (f) == f->window->inbox_button);
  press (f, "Tab");
  g_assert_true (focus (f) == f->window->trash_button);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lede/focus/list-one-tab-stop", Fixture, NULL, many_setup, test_list_one_tab_stop,
              fixture_teardown);
  g_test_add ("/lede/focus/list-tab-to-selection-bar", Fixture, NULL, many_setup, test_list_tab_to_selection_bar,
              fixture_teardown);
  g_test_add ("/lede/focus/list-tab-narrow", Fixture, GINT_TO_POINTER (360), many_setup, test_list_tab_narrow,
              fixture_teardown);
  return g_test_run ();
}
