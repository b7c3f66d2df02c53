/* lede-photo-metadata-module.h: what the photo metadata module (gexiv2)
 * gives lede-photo-file.c.
 *
 * exiv2 is a large C++ library whose relocations alone dirty 1.7 MB of
 * every process that links it; a window that never reads a photo's
 * captions need not carry it. So gexiv2 lives in a module loaded with
 * GModule the first time a photo file is read; its one entry point hands
 * over this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Raised whenever the table changes: a module from another build is refused. */
#define LEDE_PHOTO_METADATA_MODULE_ABI 1
#define LEDE_PHOTO_METADATA_MODULE_NAME "lede-photo-metadata"
#define LEDE_PHOTO_METADATA_MODULE_ENTRY "lede_photo_metadata_module_get"

typedef struct
{
  guint abi;
  /* The caption, credit and alt text of the picture in @data (each newly
   * allocated, or NULL), and its EXIF orientation (1–8, 1 when it says
   * none). Any thread. */
  void (*read) (const guchar *data,
                gsize         len,
                char        **caption,
                char        **credit,
                char        **alt_text,
                guint        *orientation);
} LedePhotoMetadataModule;

typedef const LedePhotoMetadataModule *(*LedePhotoMetadataModuleGet) (void);

G_END_DECLS
