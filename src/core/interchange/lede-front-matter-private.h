/* lede-front-matter-private.h: what the writer, the reader and the keeper
 * of unknown keys share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <yaml.h>

#include "lede-front-matter.h"

G_BEGIN_DECLS

/* A place in the front matter's text, moved on by characters (libyaml's
 * marks) to bytes. Keys come in order, so the cursor only moves on, and a
 * whole front matter costs one pass however many keys it keeps. */
typedef struct {
  const char *text;
  const char *end;
  const char *at;
  gsize       chars;
} CharCursor;

const char *_lede_front_matter_scalar           (yaml_document_t  *doc,
                                                 yaml_node_t      *node);
gsize       _lede_front_matter_byte_offset      (CharCursor       *cursor,
                                                 gsize             chars);
gboolean    _lede_front_matter_keep_unknown_key (yaml_document_t  *doc,
                                                 yaml_node_t      *key_node,
                                                 yaml_node_t      *value_node,
                                                 CharCursor       *cursor,
                                                 GString          *extra,
                                                 GError          **error);

G_END_DECLS
