/* lede-photo-file.h: an image file read for a story: which kind it is (by
 * its bytes), its size, its orientation and the caption, credit and alt
 * text its metadata carries; and its picture, turned upright.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "lede-photo.h"

G_BEGIN_DECLS

#define LEDE_PHOTO_FILE_ERROR (lede_photo_file_error_quark ())

typedef enum
{
  LEDE_PHOTO_FILE_ERROR_READ,       /* the file could not be read */
  LEDE_PHOTO_FILE_ERROR_FORMAT,     /* not JPEG, PNG, WebP or GIF: the message names what it is */
  LEDE_PHOTO_FILE_ERROR_TOO_LARGE,  /* over the size or pixel limit */
  LEDE_PHOTO_FILE_ERROR_CORRUPT,    /* the kind it claims, but broken or cut short */
} LedePhotoFileError;

/* Larger files and pictures are refused, before they are decoded. */
#define LEDE_PHOTO_FILE_MAX_BYTES   (50 * 1000 * 1000)
#define LEDE_PHOTO_FILE_MAX_PIXELS  (100 * 1000 * 1000)

GQuark      lede_photo_file_error_quark (void);

LedePhoto  *lede_photo_file_read        (const char  *path,
                                         GBytes     **bytes,
                                         GError     **error);
LedePhoto  *lede_photo_file_read_bytes  (GBytes      *bytes,
                                         const char  *file_name,
                                         GError     **error);
GdkPixbuf  *lede_photo_file_load_upright (GBytes     *bytes,
                                         guint        orientation,
                                         int          max_size,
                                         GError     **error);
GBytes     *lede_photo_file_dup_png     (GBytes      *bytes,
                                         guint        orientation,
                                         int          max_size,
                                         GError     **error);

G_END_DECLS
