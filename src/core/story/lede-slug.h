/* lede-slug.h: the URL-safe name of a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest slug Lede makes, in characters (ASCII). */
#define LEDE_SLUG_MAX_LENGTH 60


char *lede_slug_from_text (const char *text);

G_END_DECLS
