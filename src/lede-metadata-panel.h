/* lede-metadata-panel.h: everything a newsroom records about the open story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

#include "lede-review-section.h"
#include "lede-speller.h"
#include "lede-story-fields.h"
#include "lede-style.h"

G_BEGIN_DECLS

#define LEDE_TYPE_METADATA_PANEL (lede_metadata_panel_get_type ())

G_DECLARE_FINAL_TYPE (LedeMetadataPanel, lede_metadata_panel, LEDE, METADATA_PANEL, GtkWidget)

void       lede_metadata_panel_set_library  (LedeMetadataPanel *self,
                                             LedeLibrary       *library);
void       lede_metadata_panel_set_article  (LedeMetadataPanel *self,
                                             LedeArticle       *article);
void       lede_metadata_panel_set_style    (LedeMetadataPanel *self,
                                             LedeStyle         *style);
void       lede_metadata_panel_set_buffer   (LedeMetadataPanel *self,
                                             GtkTextBuffer     *body);
gboolean   lede_metadata_panel_add_tag      (LedeMetadataPanel *self,
                                             const char        *tag);
gboolean   lede_metadata_panel_add_source   (LedeMetadataPanel *self,
                                             const char        *name);
void       lede_metadata_panel_refresh      (LedeMetadataPanel *self);
gboolean   lede_metadata_panel_is_counting  (LedeMetadataPanel *self);
GPtrArray *lede_metadata_panel_get_quotes   (LedeMetadataPanel *self);
GPtrArray *lede_metadata_panel_get_findings (LedeMetadataPanel *self);
const char *lede_metadata_panel_get_hints   (LedeMetadataPanel *self);

void lede_metadata_panel_set_spelling_note (LedeMetadataPanel *self,
                                            const char        *note);

void lede_metadata_panel_set_speller      (LedeMetadataPanel *self,
                                           LedeSpeller       *speller);
void lede_metadata_panel_check_spelling   (LedeMetadataPanel *self,
                                           gboolean           enabled);

void lede_metadata_panel_focus_tags (LedeMetadataPanel *self);
gboolean lede_metadata_panel_is_built (LedeMetadataPanel *self);
LedeReviewSection *lede_metadata_panel_get_review_section (LedeMetadataPanel *self);
LedeStoryFields   *lede_metadata_panel_get_story_fields  (LedeMetadataPanel *self);
void lede_metadata_panel_show_posts (LedeMetadataPanel *self);

G_END_DECLS
