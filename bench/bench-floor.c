/* bench-floor.c: the floor for start-up (issue 30): a libadwaita
 * application that opens one empty AdwApplicationWindow, started and timed
 * by lede-bench-window the same way as Lede and its peers. Nothing a
 * GTK 4 / libadwaita app can do starts sooner on this machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  /* Lede's own first size: fewer pixels would paint sooner. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.ledeapp.Floor", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  /* Lede's arguments are not its: it takes none. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
