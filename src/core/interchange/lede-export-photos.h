/* lede-export-photos.h: a story's photos as files beside its export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-markdown.h"

G_BEGIN_DECLS

GHashTable *lede_export_photos_name_files (GPtrArray       *photos,
                                           gboolean         lead_as_feature);
char       *lede_export_photos_url        (const LedePhoto *photo,
                                           gpointer         names);
gboolean    lede_export_photos_has_any    (GPtrArray       *photos);

G_END_DECLS
