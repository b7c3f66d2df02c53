/* lede-newsml-reader.h: a story from an IPTC NewsML-G2 newsItem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "lede-article.h"
#include "lede-wire.h"

G_BEGIN_DECLS

gboolean     lede_newsml_reader_sniff (const char  *root_name);
LedeArticle *lede_newsml_reader_read  (const char   *data,
                                       gsize         len,
                                       char       ***tags,
                                       LedeWire    **wire,
                                       GError      **error);

G_END_DECLS
