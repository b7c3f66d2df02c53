/* lede-xml-read.c: what the XML wire readers share: a document read
 * safely (no network, no entities of its own, errors with their line),
 * elements found by their local name whatever their namespace, text with
 * its spaces collapsed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-xml-read"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "lede-wire.h"
#include "lede-xml-read.h"

static void
ignore_error (void     *user_data,
              xmlError *error)
{
}

/**
 * lede_xml_read_document:
 *
 * Reads XML without the network and refuses one that declares entities of
 * its own (an entity can expand to gigabytes).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   saying the line and what is wrong there
 */
xmlDoc *
lede_xml_read_document (const char  *data,
                        gsize        len,
                        GError     **error)
{
  xmlParserCtxt *context;
  xmlDoc *document;

  if (len > G_MAXINT)
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("it is too long to read as XML"));
      return NULL;
    }
  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("it could not be read as XML"));
      return NULL;
    }
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  document = xmlCtxtReadMemory (context, data, (int)len, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (document == NULL || !context->wellFormed)
    {
      const xmlError *last = xmlCtxtGetLastError (context);
      /* libxml2 may quote the bytes it could not read. */
      g_autofree char *message = g_strstrip (g_utf8_make_valid (last && last->message ? last->message : "?", -1));

      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                   _("it is not well-formed XML at line %d: %s"), last ? last->line : 0, message);
      xmlFreeDoc (document);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);
  if (document->intSubset != NULL && (document->intSubset->entities != NULL || document->intSubset->pentities != NULL))
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                   _("it declares entities of its own at line %ld, which Lede does not read"),
                   xmlGetLineNo ((xmlNode *)document->intSubset));
      xmlFreeDoc (document);
      return NULL;
    }
  return document;
}

gboolean
lede_xml_read_is (xmlNode    *node,
                  const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_str_equal ((const char *)node->name, name);
}

/* The first child element of @parent called @name, in any namespace. */
xmlNode *
lede_xml_read_child (xmlNode    *parent,
                     const char *name)
{
  for (xmlNode *child = parent ? parent->children : NULL; child; child = child->next)
    if (lede_xml_read_is (child, name))
      return child;
  return NULL;
}

/* The first element called @name at or below @top, in document order,
 * without recursion (the parser allows 256 levels). */
xmlNode *
lede_xml_read_find (xmlNode    *top,
                    const char *name)
{
  xmlNode *node = top;

  while (node)
    {
      if (lede_xml_read_is (node, name))
        return node;
      if (node->children && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != top && node->next == NULL)
            node = node->parent;
          if (node == top)
            return NULL;
          node = node->next;
        }
    }
  return NULL;
}

/* @node's text, each run of spaces one space, trimmed; "" for none. */
char *
lede_xml_read_text (xmlNode *node)
{
  xmlChar *content;
  GString *out;
  gboolean space = FALSE;

  if (node == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (node);
  out = g_string_new (NULL);
  for (const char *p = content ? (const char *)content : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  xmlFree (content);
  return g_string_free (out, FALSE);
}

char *
lede_xml_read_attribute (xmlNode    *node,
                         const char *name)
{
  xmlChar *value = node ? xmlGetProp (node, (const xmlChar *)name) : NULL;
  char *copy = g_strstrip (g_strdup (value ? (const char *)value : ""));

  xmlFree (value);
  return copy;
}

/* @node's children as XML text, for the HTML reader. */
char *
lede_xml_read_inner_xml (xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *xml;

  for (xmlNode *child = node ? node->children : NULL; child; child = child->next)
    xmlNodeDump (buffer, node->doc, child, 0, 0);
  xml = g_strndup ((const char *)xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return xml;
}
