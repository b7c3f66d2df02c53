/* lede-review-section.h: the open story's suggestions and comments, in
 * the panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_REVIEW_SECTION (lede_review_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeReviewSection, lede_review_section, LEDE, REVIEW_SECTION, GtkWidget)

void  lede_review_section_show      (LedeReviewSection *self,
                                     const char        *body);
guint lede_review_section_get_count (LedeReviewSection *self);

G_END_DECLS
