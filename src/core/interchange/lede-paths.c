/* lede-paths.c: where an installed or an uninstalled Lede finds its files.
 *
 * An installed Lede uses the prefix it was configured with. A Lede run from
 * its build folder (make run, the tests, screenshots) finds that folder from
 * its own executable, so no path of the build is ever compiled into a binary
 * that gets installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gmodule.h>
#include <locale.h>

#include "lede-paths.h"

/* The build folder is the nearest parent of the executable that meson set
 * up; an executable in the installed bindir is never looked at. */
static char *
find_build_root (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;

  if (exe == NULL)
    return NULL;
  dir = g_path_get_dirname (exe);
  if (g_str_equal (dir, LEDE_BINDIR))
    return NULL;

  for (int depth = 0; depth < 4; depth++)
    {
      g_autofree char *ninja = g_build_filename (dir, "build.ninja", NULL);
      g_autofree char *private = g_build_filename (dir, "meson-private", NULL);
      char *parent;

      if (g_file_test (ninja, G_FILE_TEST_IS_REGULAR) && g_file_test (private, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&dir);
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return NULL;
}

/* Found once a process: the build folder (NULL when installed), and the
 * folders Lede reads from, in the build or under the prefix. */
typedef struct
{
  char       *build_root;
  const char *locale_dir;
} Paths;

static const Paths *
get_paths (void)
{
  static Paths paths;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      paths.build_root = find_build_root ();
      paths.locale_dir = paths.build_root ? g_build_filename (paths.build_root, "po", NULL) : LOCALEDIR;
      g_once_init_leave (&once, 1);
    }
  return &paths;
}

/* NULL when Lede runs installed. */
const char *
lede_paths_build_root (void)
{
  return get_paths ()->build_root;
}

const char *
lede_paths_locale_dir (void)
{
  return get_paths ()->locale_dir;
}

/**
 * lede_paths_dup_module:
 * @name: the module's name ("lede-photo-metadata")
 * @build_subdir: the folder of the build that makes it ("src/core/interchange")
 *
 * Returns: (transfer full): the module's file: in Lede's module folder
 *   when installed, where the build makes it when not, or in
 *   $LEDE_MODULE_DIR when set (for the tests, and to try another build's)
 */
char *
lede_paths_dup_module (const char *name,
                       const char *build_subdir)
{
  const char *root = get_paths ()->build_root;
  g_autofree char *dir = g_getenv ("LEDE_MODULE_DIR") ? g_strdup (g_getenv ("LEDE_MODULE_DIR"))
                         : root ? g_build_filename (root, build_subdir, NULL)
                                : g_strdup (LEDE_MODULEDIR);

  return g_module_build_path (dir, name);
}

/**
 * lede_paths_load_module:
 * @name: the module's name, as for lede_paths_dup_module()
 * @build_subdir: the folder of the build that makes it
 * @entry: the one function it exports, which returns its table: a struct
 *   whose first member is the table's ABI number
 * @abi: the number this build's table has
 *
 * Opens the module and keeps it for the process (its code is then never
 * unloaded). The caller keeps the table. Any thread: dlopen() of a
 * module's libraries (WebKit's) can take long.
 *
 * Returns: (nullable): the module's table, or %NULL with @error set
 */
gconstpointer
lede_paths_load_module (const char  *name,
                        const char  *build_subdir,
                        const char  *entry,
                        guint        abi,
                        GError     **error)
{
  g_autofree char *path = lede_paths_dup_module (name, build_subdir);
  GModule *handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  gconstpointer (*get) (void) = NULL;
  gconstpointer table;

  if (handle == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (handle, entry, (gpointer *)&get) || get == NULL || (table = get ()) == NULL ||
      *(const guint *)table != abi)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s is not this Lede’s"), path);
      g_module_close (handle);
      return NULL;
    }
  g_module_make_resident (handle);
  return table;
}

/**
 * lede_paths_load_module_once:
 * @once: the caller's static, zeroed
 * @missing: (out) (optional): why it could not be loaded, kept for the process
 *
 * lede_paths_load_module(), tried once a process (from any thread: the
 * first caller loads it, the others wait), and the same answer ever after.
 *
 * Returns: (nullable): the module's table, or %NULL with @missing set
 */
gconstpointer
lede_paths_load_module_once (LedeModuleOnce  *once,
                             const char      *name,
                             const char      *build_subdir,
                             const char      *entry,
                             guint            abi,
                             const char     **missing)
{
  if (g_once_init_enter (&once->loaded))
    {
      g_autoptr (GError) error = NULL;

      if (!(once->table = lede_paths_load_module (name, build_subdir, entry, abi, &error)))
        once->missing = g_strdup (error->message);
      g_once_init_leave (&once->loaded, 1);
    }
  if (missing)
    *missing = once->missing;
  return once->table;
}

/* An uninstalled build has no installed GSettings schema: use the one it
 * compiled, unless the environment already says where to look. */
void
lede_paths_use_build_schemas (void)
{
  const char *root = lede_paths_build_root ();
  g_autofree char *dir = NULL;
  g_autofree char *compiled = NULL;

  if (root == NULL || g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;
  dir = g_build_filename (root, "data", NULL);
  compiled = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_test (compiled, G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", dir, TRUE);
}

void
lede_paths_bind_text_domain (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, lede_paths_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
