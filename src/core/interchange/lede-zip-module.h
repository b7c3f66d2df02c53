/* lede-zip-module.h: what the zip module (libarchive) gives lede-docx.c.
 *
 * libarchive brings nettle, ACLs, lz4 and bzip2 with it: half a megabyte
 * of every process that links it, and five more libraries to load at
 * every start, for DOCX alone. So it lives in a module loaded with
 * GModule the first time a document is zipped; its one entry point hands
 * over this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Raised whenever the table changes: a module from another build is refused. */
#define LEDE_ZIP_MODULE_ABI 1
#define LEDE_ZIP_MODULE_NAME "lede-zip"
#define LEDE_ZIP_MODULE_ENTRY "lede_zip_module_get"

typedef struct
{
  guint abi;
  /* A zip written into memory, its parts with no time (zip would keep a
   * local time, so the same parts would zip differently elsewhere): the
   * same parts always give the same bytes. */
  gpointer (*new_zip) (void);
  /* Adds a part, deflated, or stored as it is when @store (pictures are
   * compressed already). */
  void     (*add)     (gpointer    zip,
                       const char *name,
                       const void *data,
                       gsize       length,
                       gboolean    store);
  /* The zip's bytes; @zip is gone. */
  GBytes  *(*finish)  (gpointer    zip);
} LedeZipModule;

typedef const LedeZipModule *(*LedeZipModuleGet) (void);

G_END_DECLS
