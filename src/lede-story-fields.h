/* lede-story-fields.h: the panel's one-line fields of the open story, and
 * the warnings under them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-field-suggester.h"
#include "lede-finding.h"
#include "lede-library.h"
#include "lede-speller.h"

G_BEGIN_DECLS

#define LEDE_TYPE_STORY_FIELDS (lede_story_fields_get_type ())

G_DECLARE_FINAL_TYPE (LedeStoryFields, lede_story_fields, LEDE, STORY_FIELDS, GtkWidget)

void        lede_story_fields_set_library       (LedeStoryFields *self,
                                                 LedeLibrary     *library);
void        lede_story_fields_set_article       (LedeStoryFields *self,
                                                 LedeArticle     *article);
void        lede_story_fields_update_hints      (LedeStoryFields *self);
void        lede_story_fields_focus             (LedeStoryFields *self,
                                                 LedeField        field,
                                                 guint            offset,
                                                 guint            length);
const char *lede_story_fields_get_hints         (LedeStoryFields *self);
void        lede_story_fields_set_spelling_note (LedeStoryFields *self,
                                                 const char      *note);
void        lede_story_fields_set_speller       (LedeStoryFields *self,
                                                 LedeSpeller     *speller);
void        lede_story_fields_check_spelling    (LedeStoryFields *self,
                                                 gboolean         enabled);
void        lede_story_fields_watch_suggestions (LedeStoryFields *self,
                                                 LedeSuggestFunc  func,
                                                 gpointer         data);

G_END_DECLS
