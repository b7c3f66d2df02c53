/* lede-sample-story.h: the story a new library starts with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"

G_BEGIN_DECLS

LedeArticle *lede_sample_story_new (void);

G_END_DECLS
