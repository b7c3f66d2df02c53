/* lede-grafs.h: a story's paragraphs as a newsroom counts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GArray *lede_grafs_find (const char *text,
                         gssize      len);

G_END_DECLS
