/* lede-nitf-reader.h: a story from NITF (News Industry Text Format).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-wire.h"

G_BEGIN_DECLS

gboolean     lede_nitf_reader_sniff (const char  *root_name);
LedeArticle *lede_nitf_reader_read  (const char   *data,
                                     gsize         len,
                                     char       ***tags,
                                     LedeWire    **wire,
                                     GError      **error);

G_END_DECLS
