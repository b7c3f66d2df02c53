/* test-preview-module.c: the preview is a module the window loads only when
 * it shows the preview. This program does not link WebKit either, so what
 * it finds mapped is what the window loaded. Each test runs in a process of
 * its own: the module, once loaded, stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lede-editor.h"
#include "lede-preview-pane.h"
#include "lede-window-fixture.h"

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

  return g_test_run ();
}
