/* lede-ninjs-reader.h: a story from IPTC ninjs 1.x or 2.x.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lede-article.h"
#include "lede-wire.h"

G_BEGIN_DECLS

gboolean     lede_ninjs_reader_sniff (JsonNode     *root);
LedeArticle *lede_ninjs_reader_read  (const char   *data,
                                      gsize         len,
                                      char       ***tags,
                                      LedeWire    **wire,
                                      GError      **error);

G_END_DECLS
