/* lede-sources-section.h: the sources the open story relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_SOURCES_SECTION (lede_sources_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeSourcesSection, lede_sources_section, LEDE, SOURCES_SECTION, GtkWidget)

void     lede_sources_section_set_library (LedeSourcesSection *self,
                                           LedeLibrary        *library);
void     lede_sources_section_set_article (LedeSourcesSection *self,
                                           LedeArticle        *article);
gboolean lede_sources_section_add_source  (LedeSourcesSection *self,
                                           const char         *name);

G_END_DECLS
