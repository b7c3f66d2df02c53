/* main.c: where Lede starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-application.h"

/* A build run from its own folder (make run, the tests, screenshots) has no
 * installed GSettings schema; point GSettings at the one the build made. */
static void
use_build_schemas_when_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (LEDE_BUILD_SCHEMA_DIR);

  if (exe != NULL && g_str_has_prefix (exe, build_root) &&
      g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL &&
      g_file_test (LEDE_BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", LEDE_BUILD_SCHEMA_DIR, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (LedeApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  use_build_schemas_when_uninstalled ();

  app = lede_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
