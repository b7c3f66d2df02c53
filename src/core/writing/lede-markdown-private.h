/* lede-markdown-private.h: the parsed tree, for the writers in the core that
 * walk it themselves (DOCX).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark-gfm.h>
#include <glib.h>

G_BEGIN_DECLS

cmark_node *lede_markdown_parse_tree (const char    *markdown,
                                      gssize         length,
                                      cmark_parser **parser);

G_END_DECLS
