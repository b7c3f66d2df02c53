/* lede-tag-chips.h: the open story's tags as chips, and an entry to add one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_TAG_CHIPS (lede_tag_chips_get_type ())

G_DECLARE_FINAL_TYPE (LedeTagChips, lede_tag_chips, LEDE, TAG_CHIPS, GtkWidget)

void     lede_tag_chips_set_library (LedeTagChips *self,
                                     LedeLibrary  *library);
void     lede_tag_chips_set_article (LedeTagChips *self,
                                     LedeArticle  *article);
gboolean lede_tag_chips_add_tag     (LedeTagChips *self,
                                     const char   *tag);
void     lede_tag_chips_focus       (LedeTagChips *self);

G_END_DECLS
