/* main.c: where Lede starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-application.h"
#include "lede-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (LedeApplication) app = NULL;

  lede_paths_bind_text_domain ();
  lede_paths_use_build_schemas ();

  app = lede_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
