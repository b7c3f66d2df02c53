/* lede-paths.h: where an installed or an uninstalled Lede finds its files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *lede_paths_build_root (void);
const char *lede_paths_locale_dir (void);
char       *lede_paths_dup_module (const char *name,
                                   const char *build_subdir);
gconstpointer lede_paths_load_module (const char  *name,
                                      const char  *build_subdir,
                                      const char  *entry,
                                      guint        abi,
                                      GError     **error);

/* What lede_paths_load_module_once() keeps of a module: a caller's
 * static, zeroed. */
typedef struct
{
  gsize         loaded;
  gconstpointer table;
  char         *missing;  /* why it could not be loaded */
} LedeModuleOnce;

gconstpointer lede_paths_load_module_once (LedeModuleOnce  *once,
                                           const char      *name,
                                           const char      *build_subdir,
                                           const char      *entry,
                                           guint            abi,
                                           const char     **missing);
void        lede_paths_use_build_schemas (void);
void        lede_paths_bind_text_domain (void);

G_END_DECLS
