/* lede-note-section.h: the open story's editorial note, for the newsroom only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-article.h"

G_BEGIN_DECLS

#define LEDE_TYPE_NOTE_SECTION (lede_note_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeNoteSection, lede_note_section, LEDE, NOTE_SECTION, GtkWidget)

void lede_note_section_set_article (LedeNoteSection *self,
                                    LedeArticle     *article);

G_END_DECLS
