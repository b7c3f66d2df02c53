/* lede-markdown-private.h: the parsed tree, for the writers in the core that
 * walk it themselves (DOCX), and the story's pictures in it
 * (lede-markdown-photos.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark-gfm.h>
#include <glib.h>

#include "lede-markdown.h"

G_BEGIN_DECLS

cmark_node *lede_markdown_parse_tree (const char    *markdown,
                                      gssize         length,
                                      cmark_parser **parser);

char        *lede_markdown_image_description (cmark_node     *image);
const char  *lede_markdown_photo_sha         (cmark_node     *node);
const LedePhoto *lede_markdown_find_body_photo (GPtrArray    *photos,
                                              const char     *sha256);
void         lede_markdown_place_figures     (cmark_node     *document,
                                              GPtrArray      *photos,
                                              LedePhotoUrlFunc url_func,
                                              gpointer        user_data,
                                              gboolean        sourcepos);

G_END_DECLS
