/* lede-nitf-reader.c: a story from NITF 3.x.
 *
 * head/docdata: doc-id's id-string is the wire's id, du-key's version its
 * version, date.issue's norm when it was made, date.release's norm an
 * embargo, management-status (or doc.status) its pubstatus, key-list's
 * keywords tags. body.head: hedline's hl1 the headline (else head's
 * title), its hl2 or the abstract the standfirst, byline and dateline as
 * their text. body.content: NITF's paragraphs, lists, tables and the like
 * read by the HTML reader, hl2 as a heading and block as a division. A
 * document without doc-id is a story with no wire identity, recognised
 * again by its words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-nitf-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-html-reader.h"
#include "lede-nitf-reader.h"
#include "lede-xml-read.h"

gboolean
lede_nitf_reader_sniff (const char *root_name)
{
  return g_strcmp0 (root_name, "nitf") == 0;
}

/* NITF's own block elements as the HTML the reader knows, renamed in the
 * tree (without recursion). */
static void
rename_nitf (xmlNode *top)
{
  static const char * const names[][2] = {
    { "hl2", "h2" }, { "block", "div" }, { "nitf-table", "div" }, { "bq", "blockquote" },
    { "credit", "p" }, { "fn", "aside" },
  };
  xmlNode *node = top->children;

  while (node && node != top)
    {
      if (node->type == XML_ELEMENT_NODE)
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          if (g_str_equal ((const char *)node->name, names[i][0]))
            {
              xmlNodeSetName (node, (const xmlChar *)names[i][1]);
              break;
            }
      if (node->children && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != top && node->next == NULL)
            node = node->parent;
          if (node != top)
            node = node->next;
        }
    }
}

/**
 * lede_nitf_reader_read:
 * @tags: (out) (transfer full): the story's keywords
 * @wire: (out) (transfer full) (nullable): the document's id and version,
 *   or %NULL when it has no doc-id
 *
 * Returns: (transfer full): the story, or %NULL with @error saying the
 *   line and what is wrong
 */
LedeArticle *
lede_nitf_reader_read (const char   *data,
                       gsize         len,
                       char       ***tags,
                       LedeWire    **wire,
                       GError      **error)
{
  g_autoptr (xmlDoc) document = lede_xml_read_document (data, len, error);
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autoptr (LedeWire) identity = NULL;
  g_autoptr (GError) html_error = NULL;
  g_autofree char *body = NULL;
  xmlNode *root, *head, *docdata, *body_node, *body_head, *content, *hedline;

  if (document == NULL)
    return NULL;
  root = xmlDocGetRootElement (document);
  if (root == NULL || !lede_nitf_reader_sniff ((const char *)root->name))
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("it is XML but not NITF"));
      return NULL;
    }
  head = lede_xml_read_child (root, "head");
  docdata = lede_xml_read_child (head, "docdata");
  body_node = lede_xml_read_child (root, "body");
  body_head = lede_xml_read_child (body_node, "body.head");
  content = lede_xml_read_child (body_node, "body.content");
  hedline = lede_xml_read_child (body_head, "hedline");
  if (content == NULL)
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_NO_STORY, _("it has no body.content"));
      return NULL;
    }
  rename_nitf (content);
  {
    g_autofree char *xml = lede_xml_read_inner_xml (content);

    if (!(body = lede_html_reader_to_markdown (xml, -1, &html_error)))
      {
        g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("its body.content at line %ld cannot be read: %s"),
                     xmlGetLineNo (content), html_error->message);
        return NULL;
      }
  }

  article = lede_article_new ();
  lede_article_set_body (article, body);
  {
    g_autofree char *headline = lede_xml_read_text (lede_xml_read_child (hedline, "hl1"));
    g_autofree char *standfirst = lede_xml_read_text (lede_xml_read_child (hedline, "hl2"));
    g_autofree char *byline = lede_xml_read_text (lede_xml_read_child (body_head, "byline"));
    g_autofree char *dateline = lede_xml_read_text (lede_xml_read_child (body_head, "dateline"));
    g_autofree char *release = lede_xml_read_attribute (lede_xml_read_child (docdata, "date.release"), "norm");

    if (*headline == '\0')
      {
        g_free (headline);
        headline = lede_xml_read_text (lede_xml_read_child (head, "title"));
      }
    if (*standfirst == '\0')
      {
        g_free (standfirst);
        standfirst = lede_xml_read_text (lede_xml_read_child (body_head, "abstract"));
      }
    lede_article_set_headline (article, headline);
    lede_article_set_standfirst (article, standfirst);
    lede_article_set_byline (article, byline);
    lede_article_set_dateline (article, dateline);
    if (*release)
      {
        g_autoptr (GDateTime) embargo = lede_wire_parse_time (release);

        if (embargo == NULL)
          {
            g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                         _("its date.release at line %ld is not a date and time: “%s”"),
                         xmlGetLineNo (lede_xml_read_child (docdata, "date.release")), release);
            return NULL;
          }
        lede_article_set_embargo (article, embargo);
      }
  }
  {
    xmlNode *key_list = lede_xml_read_child (docdata, "key-list");

    for (xmlNode *node = key_list ? key_list->children : NULL; node; node = node->next)
      if (lede_xml_read_is (node, "keyword"))
        {
          g_autofree char *key = lede_xml_read_attribute (node, "key");
          g_autofree char *clean = g_strstrip (lede_article_clean_line (key));

          if (*clean)
            g_strv_builder_add (tag_builder, clean);
        }
  }

  {
    xmlNode *doc_id = lede_xml_read_child (docdata, "doc-id");
    g_autofree char *id = lede_xml_read_attribute (doc_id, "id-string");

    if (*id)
      {
        g_autofree char *issued = lede_xml_read_attribute (lede_xml_read_child (docdata, "date.issue"), "norm");
        g_autofree char *status = lede_xml_read_attribute (docdata, "management-status");

        identity = lede_wire_new ("NITF", id);
        g_free (identity->version);
        identity->version = lede_xml_read_attribute (lede_xml_read_child (docdata, "du-key"), "version");
        identity->version_created = lede_wire_parse_time (issued);
        if (*status == '\0')
          {
            g_free (status);
            status = lede_xml_read_attribute (lede_xml_read_child (docdata, "doc.status"), "value");
          }
        identity->status = lede_wire_status_from_string (status);
      }
  }

  *tags = g_strv_builder_end (tag_builder);
  *wire = g_steal_pointer (&identity);
  return g_steal_pointer (&article);
}
