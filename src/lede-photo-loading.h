/* lede-photo-loading.h: photos read, and thumbnails made, off the main
 * thread, for the panel and the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-library.h"
#include "lede-photo.h"

G_BEGIN_DECLS

void        lede_photo_read_file_async      (GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void        lede_photo_read_texture_async   (GdkTexture          *texture,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
LedePhoto  *lede_photo_read_finish          (GAsyncResult        *result,
                                             GBytes             **bytes,
                                             GError             **error);
void        lede_photo_thumbnail_async      (LedeLibrary         *library,
                                             const LedePhoto     *photo,
                                             int                  size,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GdkTexture *lede_photo_thumbnail_finish     (GAsyncResult        *result,
                                             GError             **error);
gboolean    lede_photo_is_image_file        (GFile               *file);

G_END_DECLS
