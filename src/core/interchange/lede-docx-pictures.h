/* lede-docx-pictures.h: a story's photos embedded in its Word document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"

G_BEGIN_DECLS

typedef struct _LedeDocxPictures LedeDocxPictures;

LedeDocxPictures *lede_docx_pictures_new      (LedeLibrary      *library);
void              lede_docx_pictures_free     (LedeDocxPictures *self);
gboolean          lede_docx_pictures_append   (LedeDocxPictures *self,
                                               GString          *body,
                                               const LedePhoto  *photo,
                                               GError          **error);
const char       *lede_docx_pictures_get_relations     (LedeDocxPictures *self);
const char       *lede_docx_pictures_get_content_types (LedeDocxPictures *self);
guint             lede_docx_pictures_get_n_media       (LedeDocxPictures *self);
const char       *lede_docx_pictures_get_media         (LedeDocxPictures *self,
                                                        guint             index,
                                                        GBytes          **bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeDocxPictures, lede_docx_pictures_free)

G_END_DECLS
