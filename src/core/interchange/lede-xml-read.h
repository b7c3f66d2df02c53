/* lede-xml-read.h: what the XML wire readers (NewsML-G2, NITF) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

xmlDoc  *lede_xml_read_document (const char  *data,
                                 gsize        len,
                                 GError     **error);
xmlNode *lede_xml_read_child    (xmlNode     *parent,
                                 const char  *name);
xmlNode *lede_xml_read_find     (xmlNode     *top,
                                 const char  *name);
char    *lede_xml_read_text     (xmlNode     *node);
char    *lede_xml_read_attribute (xmlNode    *node,
                                 const char  *name);
char    *lede_xml_read_inner_xml (xmlNode    *node);
gboolean lede_xml_read_is       (xmlNode     *node,
                                 const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
