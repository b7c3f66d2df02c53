/* lede-posts-section.h: the metadata panel's Published group: the post
 * the story became on each site it was sent to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_POSTS_SECTION (lede_posts_section_get_type ())

G_DECLARE_FINAL_TYPE (LedePostsSection, lede_posts_section, LEDE, POSTS_SECTION, GtkWidget)

void lede_posts_section_set_library (LedePostsSection *self,
                                     LedeLibrary      *library);
void lede_posts_section_set_article (LedePostsSection *self,
                                     LedeArticle      *article);
void lede_posts_section_refresh     (LedePostsSection *self);

G_END_DECLS
