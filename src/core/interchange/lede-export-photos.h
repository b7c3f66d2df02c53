/* lede-export-photos.h: a story's photos as files beside its export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-markdown.h"

G_BEGIN_DECLS

GHashTable *lede_export_photos_name_files (GPtrArray       *photos);
char       *lede_export_photos_url        (const LedePhoto *photo,
                                           gpointer         names);
gboolean    lede_export_photos_has_any    (GPtrArray       *photos);

gboolean    lede_export_photos_write      (LedeLibrary     *library,
                                           GPtrArray       *photos,
                                           GHashTable      *names,
                                           const char      *folder,
                                           gboolean         overwrite,
                                           GError         **error);

G_END_DECLS
