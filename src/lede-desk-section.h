/* lede-desk-section.h: the open story's desk fields and headlines by role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-article.h"

G_BEGIN_DECLS

#define LEDE_TYPE_DESK_SECTION (lede_desk_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeDeskSection, lede_desk_section, LEDE, DESK_SECTION, GtkWidget)

void lede_desk_section_set_article (LedeDeskSection *self,
                                    LedeArticle     *article);

G_END_DECLS
