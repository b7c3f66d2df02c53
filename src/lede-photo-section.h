/* lede-photo-section.h: the open story's photos in the metadata panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-article.h"
#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PHOTO_SECTION (lede_photo_section_get_type ())

G_DECLARE_FINAL_TYPE (LedePhotoSection, lede_photo_section, LEDE, PHOTO_SECTION, GtkWidget)

void     lede_photo_section_set_article   (LedePhotoSection *self,
                                           LedeArticle      *article);
void     lede_photo_section_set_library   (LedePhotoSection *self,
                                           LedeLibrary      *library);
void     lede_photo_section_add_lead      (LedePhotoSection *self,
                                           GFile            *file);
gboolean lede_photo_section_is_busy       (LedePhotoSection *self);

G_END_DECLS
