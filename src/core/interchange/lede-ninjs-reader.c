/* lede-ninjs-reader.c: a story from IPTC ninjs, 1.x or 2.x.
 *
 * ninjs 2.x: uri, version, versioncreated, headlines, descriptions,
 * bodies, by, located, slugline, subjects, keywords, embargoed, pubstatus,
 * language, people and organisations. ninjs 1.x: headline,
 * description_text/_html, body_html/_text, byline, subject. Subjects and
 * keywords become tags; "located" the dateline; people and organisations
 * Lede exported as quoted ("rel": "quoted") its sources again.
 *
 * Lede's own export ("uri": "urn:uuid:…") is the story it came from: its
 * uuid, first created and last changed times are taken, so importing it
 * into the library it came from finds that story. Any other uri is a
 * wire's, which the story keeps with its version (LedeWire). A story from
 * ninjs starts as a draft whatever its pubstatus: that is the wire's word
 * on the wire's copy, not the desk's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-ninjs-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-html-reader.h"
#include "lede-ninjs-reader.h"
#include "lede-slug.h"
#include "lede-source.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The "value" of the array's object whose role is @role, else of its
 * first object with no role (or any, when @any). */
static const char *
valued (JsonArray  *array,
        const char *role,
        gboolean    any)
{
  const char *fallback = NULL;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *this_role = member_string (object, "role");
      const char *value = member_string (object, "value");

      if (value == NULL)
        continue;
      if (g_strcmp0 (this_role, role) == 0)
        return value;
      if (fallback == NULL && (this_role == NULL || any))
        fallback = value;
    }
  return fallback;
}

/**
 * lede_ninjs_reader_sniff:
 *
 * Whether a JSON document is a ninjs item: an object with a "uri" and
 * something only ninjs has.
 */
gboolean
lede_ninjs_reader_sniff (JsonNode *root)
{
  static const char * const members[] = {
    "headlines", "headline", "bodies", "body_html", "body_text", "versioncreated", "standard", "pubstatus", NULL
  };
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (member_string (object, "uri") == NULL || *member_string (object, "uri") == '\0')
    return FALSE;
  for (guint i = 0; members[i]; i++)
    if (json_object_has_member (object, members[i]))
      return TRUE;
  return FALSE;
}

static void
add_names (GStrvBuilder *tags,
           JsonArray    *array)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          name = member_string (object, "name");
          if (name == NULL || *name == '\0')
            name = member_string (object, "literal");
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        name = json_node_get_string (node);
      if (name)
        {
          /* A tag is one line, as the panel's fields are. */
          g_autofree char *clean = g_strstrip (lede_article_clean_line (name));

          if (*clean)
            g_strv_builder_add (tags, clean);
        }
    }
}

/* People and organisations quoted in the story, as Lede exports its
 * sources. */
static GPtrArray *
read_sources (JsonObject *object)
{
  static const char * const members[] = { "people", "organisations" };
  GPtrArray *sources = NULL;

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *array = member_array (object, members[m]);

      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *party = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *name = member_string (party, "name");

          if (name == NULL || *name == '\0' || g_strcmp0 (member_string (party, "rel"), "quoted") != 0)
            continue;
          if (sources == NULL)
            sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
          g_ptr_array_add (sources, lede_source_new (name));
        }
    }
  return sources;
}

static gboolean
read_time (JsonObject  *object,
           const char  *member,
           GDateTime  **time,
           GError     **error)
{
  const char *text = member_string (object, member);

  *time = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!(*time = lede_wire_parse_time (text)))
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                   _("its “%s” is not a date and time Lede can keep: “%s”"), member, text);
      return FALSE;
    }
  return TRUE;
}

/* The body as Markdown: HTML read, plain text as it is. */
static char *
read_body (JsonObject  *object,
           GError     **error)
{
  JsonArray *bodies = member_array (object, "bodies");
  const char *html = NULL, *text = NULL;
  g_autoptr (GError) html_error = NULL;
  char *markdown;

  for (guint i = 0; bodies && i < json_array_get_length (bodies); i++)
    {
      JsonNode *node = json_array_get_element (bodies, i);
      JsonObject *body = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *role = member_string (body, "role");
      const char *type = member_string (body, "contenttype");
      const char *value = member_string (body, "value");

      if (value == NULL || (role != NULL && !g_str_equal (role, "main") && (html || text)))
        continue;
      if (type == NULL || strstr (type, "html") != NULL)
        {
          if (html == NULL || g_strcmp0 (role, "main") == 0)
            html = value;
        }
      else if (text == NULL || g_strcmp0 (role, "main") == 0)
        text = value;
    }
  if (html == NULL && text == NULL)
    {
      html = member_string (object, "body_html");
      text = member_string (object, "body_text");
    }
  if (html == NULL)
    return g_strdup (text ? text : "");
  if (!(markdown = lede_html_reader_to_markdown (html, -1, &html_error)))
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("its body cannot be read: %s"),
                   html_error->message);
      return NULL;
    }
  return markdown;
}

/* A uuid as Lede writes them: 36 characters, hex and hyphens. */
static gboolean
is_uuid (const char *text)
{
  return g_uuid_string_is_valid (text);
}

/**
 * lede_ninjs_reader_read:
 * @tags: (out) (transfer full): the story's tags (subjects and keywords)
 * @wire: (out) (transfer full) (nullable): who the story is on the wire;
 *   %NULL for Lede's own export
 *
 * Returns: (transfer full): the story, or %NULL with @error saying what
 *   is wrong (the line, for JSON that does not parse)
 */
LedeArticle *
lede_ninjs_reader_read (const char   *data,
                        gsize         len,
                        char       ***tags,
                        LedeWire    **wire,
                        GError      **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) json_error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autoptr (LedeWire) identity = NULL;
  g_autoptr (GDateTime) embargo = NULL;
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GDateTime) version_created = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;
  const char *uri, *type, *headline, *standfirst, *text;

  if (!json_parser_load_from_data (parser, data, len, &json_error))
    {
      /* json-glib quotes the token it stopped at, cut at a byte count:
       * half a character, at times. */
      g_autofree char *said = g_utf8_make_valid (json_error->message, -1);

      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID, _("it is not valid JSON: %s"), said);
      return NULL;
    }
  if (!lede_ninjs_reader_sniff (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID,
                           _("it is JSON but not a ninjs item (an object with a “uri”)"));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  uri = member_string (object, "uri");
  type = member_string (object, "type");
  if (type != NULL && !g_str_equal (type, "text") && !g_str_equal (type, "composite"))
    {
      g_set_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_NO_STORY,
                   _("it is a ninjs “%s” item; Lede reads text items"), type);
      return NULL;
    }

  if (!read_time (object, "embargoed", &embargo, error) ||
      !read_time (object, "firstcreated", &created, error) ||
      !read_time (object, "versioncreated", &version_created, error) ||
      !(body = read_body (object, error)))
    return NULL;

  headline = valued (member_array (object, "headlines"), "main", TRUE);
  if (headline == NULL)
    headline = member_string (object, "headline");
  standfirst = valued (member_array (object, "descriptions"), "summary", FALSE);
  if (standfirst == NULL)
    standfirst = member_string (object, "description_text");

  article = lede_article_new ();
  lede_article_set_headline (article, headline ? headline : "");
  lede_article_set_standfirst (article, standfirst ? standfirst : "");
  if ((text = member_string (object, "by")) || (text = member_string (object, "byline")))
    lede_article_set_byline (article, text);
  if ((text = member_string (object, "located")))
    lede_article_set_dateline (article, text);
  if ((text = member_string (object, "slugline")))
    {
      g_autofree char *slug = lede_slug_from_text (text);

      lede_article_set_slug (article, slug);
    }
  if ((text = member_string (object, "language")))
    lede_article_set_language (article, text);
  lede_article_set_embargo (article, embargo);
  lede_article_set_body (article, body);
  add_names (tag_builder, member_array (object, "subjects"));
  add_names (tag_builder, member_array (object, "subject"));
  add_names (tag_builder, member_array (object, "keywords"));
  if ((sources = read_sources (object)))
    lede_article_set_sources (article, sources);

  if (g_str_has_prefix (uri, "urn:uuid:") && is_uuid (uri + 9))
    {
      /* Lede's own export: the story it came from. */
      lede_article_set_uuid (article, uri + 9);
      lede_article_set_created (article, created);
      lede_article_set_updated (article, version_created);
    }
  else
    {
      identity = lede_wire_new ("ninjs", uri);
      if ((text = member_string (object, "version")))
        g_free (identity->version), identity->version = g_strdup (text);
      identity->version_created = version_created ? g_date_time_ref (version_created) : NULL;
      identity->status = lede_wire_status_from_string (member_string (object, "pubstatus"));
    }

  *tags = g_strv_builder_end (tag_builder);
  *wire = g_steal_pointer (&identity);
  return g_steal_pointer (&article);
}
