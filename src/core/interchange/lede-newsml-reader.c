/* lede-newsml-reader.c: a story from an IPTC NewsML-G2 newsItem, alone or
 * the one item of a newsMessage.
 *
 * The item's guid and version are the wire's identity; itemMeta gives its
 * pubStatus, versionCreated and embargoed; contentMeta the headline,
 * slugline, by, dateline (or the name of where it is located), the
 * summary description as standfirst, subjects and keywords as tags and
 * the language; the body is the XHTML of contentSet's inlineXML (or the
 * text of its inlineData), read into Markdown by the HTML reader. A file
 * of several items, or whose content is elsewhere (remoteContent), is
 * refused whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-newsml-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-html-reader.h"
#include "lede-newsml-reader.h"
#include "lede-slug.h"
#include "lede-xml-read.h"

gboolean
lede_newsml_reader_sniff (const char *root_name)
{
  return g_strcmp0 (root_name, "newsItem") == 0 || g_strcmp0 (root_name, "newsMessage") == 0;
}

static void
add_tag (GStrvBuilder *tags,
         const char   *name)
{
  /* A tag is one line, as the panel's fields are. */
  g_autofree char *clean = name ? g_strstrip (lede_article_clean_line (name)) : NULL;

  if (clean && *clean)
    g_strv_builder_add (tags, clean);
}

/* A subject's name: its <name> child, else its literal, else its qcode. */
static char *
subject_name (xmlNode *subject)
{
  xmlNode *name = lede_xml_read_child (subject, "name");
  char *text;

  if (name)
    return lede_xml_read_text (name);
  text = lede_xml_read_attribute (subject, "literal");
  if (*text)
    return text;
  g_free (text);
  return lede_xml_read_attribute (subject, "qcode");
}

/* The description with the summary's role, else the first. */
static xmlNode *
find_summary (xmlNode *content_meta)
{
  xmlNode *first = NULL;

  for (xmlNode *child = content_meta ? content_meta->children : NULL; child; child = child->next)
    if (lede_xml_read_is (child, "description"))
      {
        g_autofree char *role = lede_xml_read_attribute (child, "role");

        if (g_str_has_suffix (role, "summary") || g_str_has_suffix (role, "abstract"))
          return child;
        if (first == NULL)
          first = child;
      }
  return first;
}

static gboolean
read_body (xmlNode  *item,
           char    **markdown,
           GError  **error)
{
  xmlNode *content_set = lede_xml_read_child (item, "contentSet");
  xmlNode *inline_xml = lede_xml_read_child (content_set, "inlineXML");
  xmlNode *inline_data = lede_xml_read_child (content_set, "inlineData");
  g_autoptr (GError) html_error = NULL;
  g_autofree char *xml = NULL;
  xmlNode *body;

  if (inline_xml == NULL && inline_data == NULL)
    {
      if (lede_xml_read_child (content_set, "remoteContent"))
        g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_NO_STORY,
                     _("its content is elsewhere (remoteContent at line %ld); Lede reads text sent inline"),
                     xmlGetLineNo (lede_xml_read_child (content_set, "remoteContent")));
      else
        g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_NO_STORY,
                             _("it has no text (no inlineXML or inlineData in its contentSet)"));
      return FALSE;
    }
  if (inline_xml == NULL)
    {
      xmlChar *text = xmlNodeGetContent (inline_data);

      *markdown = g_strdup (text ? (const char *)text : "");
      xmlFree (text);
      return TRUE;
    }
  body = lede_xml_read_find (inline_xml, "body");
  xml = lede_xml_read_inner_xml (body ? body : inline_xml);
  if (!(*markdown = lede_html_reader_to_markdown (xml, -1, &html_error)))
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("its body at line %ld cannot be read: %s"),
                   xmlGetLineNo (inline_xml), html_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_newsml_reader_read:
 * @tags: (out) (transfer full): the story's subjects and keywords
 * @wire: (out) (transfer full): the item's guid, version and pubStatus
 *
 * Returns: (transfer full): the story, or %NULL with @error saying the
 *   line and what is wrong
 */
LedeArticle *
lede_newsml_reader_read (const char   *data,
                         gsize         len,
                         char       ***tags,
                         LedeWire    **wire,
                         GError      **error)
{
  g_autoptr (xmlDoc) document = lede_xml_read_document (data, len, error);
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autoptr (LedeWire) identity = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *body = NULL;
  xmlNode *root, *item, *item_meta, *content_meta, *node;
  guint items = 0;

  if (document == NULL)
    return NULL;
  root = xmlDocGetRootElement (document);
  if (root == NULL || !lede_newsml_reader_sniff ((const char *)root->name))
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                           _("it is XML but not NewsML-G2 (no newsItem)"));
      return NULL;
    }
  item = lede_xml_read_is (root, "newsItem") ? root : NULL;
  if (item == NULL)
    {
      xmlNode *item_set = lede_xml_read_child (root, "itemSet");

      for (xmlNode *child = item_set ? item_set->children : NULL; child; child = child->next)
        if (lede_xml_read_is (child, "newsItem"))
          {
            if (items++ == 0)
              item = child;
          }
        else if (child->type == XML_ELEMENT_NODE && g_str_has_suffix ((const char *)child->name, "Item"))
          items++;
      if (items != 1 || item == NULL)
        {
          g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_NO_STORY,
                       items == 0 ? _("its newsMessage holds no newsItem")
                                  : _("its newsMessage holds %u items; Lede reads one story a file"), items);
          return NULL;
        }
    }

  guid = lede_xml_read_attribute (item, "guid");
  if (*guid == '\0')
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                   _("its newsItem at line %ld has no guid"), xmlGetLineNo (item));
      return NULL;
    }
  if (!read_body (item, &body, error))
    return NULL;

  identity = lede_wire_new ("NewsML-G2", guid);
  g_free (identity->version);
  identity->version = lede_xml_read_attribute (item, "version");
  item_meta = lede_xml_read_child (item, "itemMeta");
  content_meta = lede_xml_read_child (item, "contentMeta");
  {
    g_autofree char *status = lede_xml_read_attribute (lede_xml_read_child (item_meta, "pubStatus"), "qcode");
    g_autofree char *created = lede_xml_read_text (lede_xml_read_child (item_meta, "versionCreated"));

    identity->status = lede_wire_status_from_string (status);
    identity->version_created = lede_wire_parse_time (created);
    if (*created && identity->version_created == NULL)
      {
        g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                     _("its versionCreated at line %ld is not a date and time: “%s”"),
                     xmlGetLineNo (lede_xml_read_child (item_meta, "versionCreated")), created);
        return NULL;
      }
  }

  article = lede_article_new ();
  lede_article_set_body (article, body);
  {
    g_autofree char *headline = lede_xml_read_text (lede_xml_read_child (content_meta, "headline"));
    g_autofree char *standfirst = lede_xml_read_text (find_summary (content_meta));
    g_autofree char *by = lede_xml_read_text (lede_xml_read_child (content_meta, "by"));
    g_autofree char *dateline = lede_xml_read_text (lede_xml_read_child (content_meta, "dateline"));
    g_autofree char *slugline = lede_xml_read_text (lede_xml_read_child (content_meta, "slugline"));
    g_autofree char *slug = lede_slug_from_text (slugline);
    g_autofree char *language = lede_xml_read_attribute (lede_xml_read_child (content_meta, "language"), "tag");
    g_autofree char *embargo_text = lede_xml_read_text (lede_xml_read_child (item_meta, "embargoed"));

    if (*dateline == '\0')
      {
        g_free (dateline);
        dateline = lede_xml_read_text (lede_xml_read_child (lede_xml_read_child (content_meta, "located"), "name"));
      }
    lede_article_set_headline (article, headline);
    lede_article_set_standfirst (article, standfirst);
    lede_article_set_byline (article, by);
    lede_article_set_dateline (article, dateline);
    lede_article_set_slug (article, slug);
    lede_article_set_language (article, language);
    if (*embargo_text)
      {
        g_autoptr (GDateTime) embargo = lede_wire_parse_time (embargo_text);

        if (embargo == NULL)
          {
            g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                         _("its embargoed at line %ld is not a date and time: “%s”"),
                         xmlGetLineNo (lede_xml_read_child (item_meta, "embargoed")), embargo_text);
            return NULL;
          }
        lede_article_set_embargo (article, embargo);
      }
  }
  for (node = content_meta ? content_meta->children : NULL; node; node = node->next)
    if (lede_xml_read_is (node, "subject"))
      {
        g_autofree char *name = subject_name (node);

        add_tag (tag_builder, name);
      }
    else if (lede_xml_read_is (node, "keyword"))
      {
        g_autofree char *keyword = lede_xml_read_text (node);

        add_tag (tag_builder, keyword);
      }

  *tags = g_strv_builder_end (tag_builder);
  *wire = g_steal_pointer (&identity);
  return g_steal_pointer (&article);
}
