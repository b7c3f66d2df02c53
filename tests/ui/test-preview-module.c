/* test-preview-module.c: the preview is a module the window loads only when
 * it shows the preview. This program does not link WebKit either, so what
 * it finds mapped is what the window loaded. Each test runs in a process of
 * its own: the module, once loaded, stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <stdio.h>

#include "lede-editor.h"
#include "lede-preview-pane.h"
#include "lede-window-fixture.h"
#include "lede-window-private.h"

static LedePreviewPane *
get_pane (Fixture *f)
{
  return LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "preview"));
}

static gboolean
has_preview (gpointer pane)
{
  return lede_preview_pane_get_preview (pane) != NULL;
}

static void
set_layout (const char *layout)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "layout", layout);
}

/* The spinner and words the pane shows until the page comes. */
static gboolean
is_placeholder (GtkWidget *child)
{
  return GTK_IS_BOX (child) && GTK_IS_SPINNER (gtk_widget_get_first_child (child)) &&
         gtk_spinner_get_spinning (GTK_SPINNER (gtk_widget_get_first_child (child)));
}

static gboolean
has_placeholder (GtkWidget *pane)
{
  for (GtkWidget *child = gtk_widget_get_first_child (pane); child; child = gtk_widget_get_next_sibling (child))
    if (is_placeholder (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_webkit (gpointer unused)
{
  return lede_test_has_library ("libwebkitgtk");
}

/* Moves the X pointer onto the middle of @widget, as a person's mouse. */
static void
point_at (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f,
                                                 gtk_widget_get_height (widget) / 2.0f), at;
  double dx, dy;
  int x = 0, y = 0;
  g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long)gdk_x11_surface_get_xid (surface));
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;
  const char *position;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &at));
  gtk_native_get_surface_transform (native, &dx, &dy);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)"xdotool", (char *)"getwindowgeometry", xid, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, NULL));
  g_assert_nonnull ((position = strstr (out, "Position: ")));
  g_assert_cmpint (sscanf (position, "Position: %d,%d", &x, &y), ==, 2);
  command = g_strdup_printf ("xdotool mousemove %d %d", x + (int)(dx + at.x), y + (int)(dy + at.y));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

/* The pointer on the layout switch opens the module early, on a thread,
 * as a browser preconnects on hover: no web process and no page until
 * the preview is shown; then only the page is waited for. */
static void
test_pointer_at_switch (void)
{
  Fixture f = { 0 };

  if (lede_test_ran_in_subprocess (120))
    return;

  set_layout ("editor");
  fixture_setup (&f, NULL);
  lede_test_spin (1000);
  g_assert_false (lede_test_has_library ("libwebkitgtk"));

  point_at (f.window->split_button);
  lede_test_wait_until (has_webkit, NULL, 10000);
  lede_test_spin (1000);
  g_assert_cmpuint (lede_test_count_descendants ("WebKit"), ==, 0);
  g_assert_null (lede_preview_pane_get_preview (get_pane (&f)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.layout", "s", "split"));
  lede_test_wait_until (has_preview, get_pane (&f), 20000);
  lede_test_wait_until (lede_test_has_web_process, NULL, 20000);
  /* Away from the window again, so no tooltip outlives it. */
  g_assert_true (g_spawn_command_line_sync ("xdotool mousemove 1599 999", NULL, NULL, NULL, NULL));
  fixture_teardown (&f, NULL);
}

/* A writer who only writes never pays for a browser engine; Alt+2 (the
 * split layout) brings it in. */
static void
test_write_layout (void)
{
  Fixture f = { 0 };

  if (lede_test_ran_in_subprocess (120))
    return;

  set_layout ("editor");
  fixture_setup (&f, NULL);
  type_at_end (&f, "\nWritten with no preview.\n");
  lede_test_spin (3000);
  g_assert_false (lede_test_has_library ("libwebkitgtk"));
  g_assert_cmpuint (lede_test_count_descendants ("WebKit"), ==, 0);
  g_assert_null (lede_preview_pane_get_preview (get_pane (&f)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.layout", "s", "split"));
  /* Shown at once, the pane has a placeholder while WebKit loads. */
  lede_test_wait_until ((gboolean (*) (gpointer))gtk_widget_get_mapped, get_pane (&f), 4000);
  g_assert_true (has_placeholder (GTK_WIDGET (get_pane (&f))));
  lede_test_wait_until (has_preview, get_pane (&f), 20000);
  g_assert_nonnull (lede_preview_pane_get_preview (get_pane (&f)));
  g_assert_true (lede_test_has_library ("libwebkitgtk"));
  lede_test_wait_until (lede_test_has_web_process, NULL, 20000);
  g_assert_cmpuint (lede_test_count_descendants ("WebKitWebProcess"), >, 0);
  fixture_teardown (&f, NULL);
}

static gboolean
has_status_page (gpointer pane)
{
  /* Under the bar an editor's pass shows. */
  GtkWidget *child = gtk_widget_get_last_child (pane);

  return child != NULL && ADW_IS_STATUS_PAGE (child);
}

/* With the module gone, the window opens, writing is saved, and the pane
 * says the preview is unavailable; printing says why it cannot. */
static void
test_missing (void)
{
  g_autofree char *empty = NULL;
  Fixture f = { 0 };
  GtkWidget *status;

  if (lede_test_ran_in_subprocess (120))
    return;

  empty = lede_test_tmpdir ();
  g_setenv ("LEDE_MODULE_DIR", empty, TRUE);
  set_layout ("split");
  g_test_expect_message ("lede-preview", G_LOG_LEVEL_WARNING, "The preview is unavailable:*");
  fixture_setup (&f, NULL);
  lede_test_wait_until (has_status_page, get_pane (&f), 20000);
  g_test_assert_expected_messages ();

  status = gtk_widget_get_last_child (GTK_WIDGET (get_pane (&f)));
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Preview Unavailable");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (status), empty));
  g_assert_false (lede_test_has_library ("libwebkitgtk"));

  /* Writing goes on, and reaches the library. */
  type_at_end (&f, "\nSaved without a preview.\n");
  lede_test_wait_until (is_saved, f.window, 10000);
  {
    g_autoptr (LedeArticle) saved = read_from_disk (&f, lede_article_get_id (shown_article (&f)));

    g_assert_nonnull (strstr (lede_article_get_body (saved), "Saved without a preview."));
  }

  /* Printing needs the preview: it says so and nothing else happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.print", NULL));
  lede_test_spin (200);
  g_assert_cmpuint (lede_test_count_descendants ("WebKit"), ==, 0);

  fixture_teardown (&f, NULL);
  lede_test_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/lede/preview-module/write-layout", test_write_layout);
  g_test_add_func ("/lede/preview-module/missing", test_missing);
  g_test_add_func ("/lede/preview-module/pointer-at-switch", test_pointer_at_switch);

  return g_test_run ();
}
