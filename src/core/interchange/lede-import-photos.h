/* lede-import-photos.h: the pictures a Markdown story or page bundle
 * brings with it, read from beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"

G_BEGIN_DECLS

gboolean lede_import_photos_read  (const char   *story_path,
                                   LedeArticle  *article,
                                   GPtrArray    *pictures,
                                   GPtrArray    *messages,
                                   GError      **error);
void     lede_import_photos_stage (LedeLibrary  *library,
                                   LedeArticle  *article,
                                   GPtrArray    *pictures);
gboolean lede_import_photos_same  (GPtrArray    *a,
                                   GPtrArray    *b);

G_END_DECLS
