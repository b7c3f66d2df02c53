/* lede-front-matter.c: the YAML block at the top of a Markdown story, as
 * Hugo and Jekyll read it.
 *
 * Written by hand, every string double-quoted and escaped, so any headline
 * parses back to itself; read with libyaml. Keys Lede does not know are kept
 * as their original YAML text and written back after Lede's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-time.h"

/**
 * lede_front_matter_append_string:
 *
 * Appends @text as a YAML double-quoted scalar. Control characters and the
 * characters YAML takes for line breaks are escaped.
 */
void
lede_front_matter_append_string (GString    *out,
                                 const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char)c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

static void
append_key_string (GString    *out,
                   const char *key,
                   const char *value)
{
  g_string_append_printf (out, "%s: ", key);
  lede_front_matter_append_string (out, value);
  g_string_append_c (out, '\n');
}

static void
append_key_time (GString    *out,
                 const char *key,
                 GDateTime  *time)
{
  g_autofree char *text = lede_time_format_utc (time);

  g_string_append_printf (out, "%s: %s\n", key, text);
}

/**
 * lede_front_matter_write:
 *
 * Returns: (transfer full): the front matter, from the opening "---" line
 *   to the closing one. The editorial note is never in it.
 */
char *
lede_front_matter_write (LedeArticle        *article,
                         const char * const *tags)
{
  GString *out = g_string_new ("---\n");
  GDateTime *published = lede_article_get_published (article);
  GDateTime *created = lede_article_get_created (article);
  const char *section = lede_article_get_section (article);
  const char *extra = lede_article_get_extra_front_matter (article);
  LedeArticleStatus status = lede_article_get_status (article);

  append_key_string (out, "title", lede_article_get_headline (article));
  /* Hugo and Jekyll date a post by "date": the publication time once there
   * is one, else when the story was begun (then kept as "created"). */
  if (published != NULL)
    append_key_time (out, "date", published);
  else if (created != NULL)
    append_key_time (out, "date", created);
  if (published != NULL && created != NULL)
    append_key_time (out, "created", created);
  if (lede_article_get_updated (article) != NULL)
    append_key_time (out, "lastmod", lede_article_get_updated (article));
  g_string_append_printf (out, "draft: %s\n", status == LEDE_ARTICLE_STATUS_PUBLISHED ? "false" : "true");
  if (*lede_article_get_slug (article))
    append_key_string (out, "slug", lede_article_get_slug (article));
  if (*lede_article_get_standfirst (article))
    append_key_string (out, "description", lede_article_get_standfirst (article));
  g_string_append (out, "tags:");
  if (tags == NULL || tags[0] == NULL)
    g_string_append (out, " []");
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append (out, "\n  - ");
      lede_front_matter_append_string (out, tags[i]);
    }
  g_string_append_c (out, '\n');
  if (*section)
    {
      g_string_append (out, "categories:\n  - ");
      lede_front_matter_append_string (out, section);
      g_string_append_c (out, '\n');
    }
  /* The newsroom's fields: both generators pass unknown keys to templates. */
  append_key_string (out, "standfirst", lede_article_get_standfirst (article));
  append_key_string (out, "byline", lede_article_get_byline (article));
  append_key_string (out, "dateline", lede_article_get_dateline (article));
  append_key_string (out, "status", lede_article_status_to_string (status));
  if (lede_article_get_embargo (article) != NULL)
    append_key_time (out, "embargo", lede_article_get_embargo (article));
  if (*lede_article_get_language (article))
    append_key_string (out, "language", lede_article_get_language (article));
  if (lede_article_get_word_goal (article) > 0)
    g_string_append_printf (out, "word_goal: %u\n", lede_article_get_word_goal (article));
  if (*lede_article_get_uuid (article))
    append_key_string (out, "uuid", lede_article_get_uuid (article));
  if (*extra)
    {
      g_string_append (out, extra);
      if (!g_str_has_suffix (extra, "\n"))
        g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");
  return g_string_free (out, FALSE);
}

static gboolean
yaml_fail (GError     **error,
           const char  *problem,
           gsize        line)
{
  g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
               _("The front matter is not valid YAML: %s on line %" G_GSIZE_FORMAT),
               problem, line + 2);  /* + the "---" line, and lines count from 1 */
  return FALSE;
}

/* Aliases (*name) can make a few lines stand for billions of values, so
 * front matter with any is refused before it is loaded. */
static gboolean
refuse_aliases (const char  *yaml,
                gsize        len,
                GError     **error)
{
  yaml_parser_t parser;
  gboolean ok = TRUE, done = FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)yaml, len);
  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          ok = yaml_fail (error, parser.problem ? parser.problem : "unreadable", parser.problem_mark.line);
          break;
        }
      if (event.type == YAML_ALIAS_EVENT)
        {
          g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                       _("The front matter uses a YAML alias (*%s) on line %zu; Lede does not accept aliases"),
                       event.data.alias.anchor, event.start_mark.line + 2);
          ok = FALSE;
        }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  return ok;
}

static const char *
scalar (yaml_document_t *doc,
        yaml_node_t     *node)
{
  return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* Hugo writes 2026-11-28T09:30:00Z, Jekyll 2026-11-28 09:30:00 +0000, and
 * people write 2026-11-28: all are read, a time without zone as UTC. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GString) iso = NULL;
  GDateTime *time;

  if (text == NULL || *text == '\0')
    return NULL;
  if ((time = g_date_time_new_from_iso8601 (text, utc)))
    return time;
  iso = g_string_new (text);
  if (iso->len == 10)
    g_string_append (iso, "T00:00:00");
  else if (iso->len > 10 && iso->str[10] == ' ')
    iso->str[10] = 'T';
  if (iso->len > 19 && iso->str[19] == ' ')
    g_string_erase (iso, 19, 1);
  return g_date_time_new_from_iso8601 (iso->str, utc);
}

static gboolean
read_time (const char   *key,
           const char   *text,
           GDateTime   **out,
           GError      **error)
{
  *out = parse_time (text);
  if (*out == NULL && text != NULL && *text != '\0')
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                   _("The front matter’s “%s” is not a date and time: “%s”"), key, text);
      return FALSE;
    }
  return TRUE;
}

static void
add_list (yaml_document_t *doc,
          yaml_node_t     *node,
          GStrvBuilder    *out)
{
  if (node->type == YAML_SCALAR_NODE)
    {
      /* "tags: a, b" as one string, as some sites write it. */
      g_auto (GStrv) parts = g_strsplit (scalar (doc, node), ",", -1);
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          g_strv_builder_add (out, parts[i]);
      return;
    }
  if (node->type != YAML_SEQUENCE_NODE)
    return;
  for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      const char *value = scalar (doc, yaml_document_get_node (doc, *item));
      if (value && *value)
        g_strv_builder_add (out, value);
    }
}

/**
 * lede_front_matter_read:
 * @yaml: the text between the "---" lines
 * @tags: where the tags go
 *
 * Fills @article from the front matter. Keys Lede does not know are kept in
 * its extra front matter, as they were written.
 */
gboolean
lede_front_matter_read (const char    *yaml,
                        gsize          len,
                        LedeArticle   *article,
                        GStrvBuilder  *tags,
                        GError       **error)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  g_autoptr (GString) extra = g_string_new (NULL);
  g_autoptr (GDateTime) date = NULL, created = NULL, embargo = NULL;
  const char *description = NULL, *standfirst = NULL, *status = NULL, *draft = NULL;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) category_list = NULL;
  gboolean ok = TRUE;

  if (!refuse_aliases (yaml, len, error))
    return FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)yaml, len);
  if (!yaml_parser_load (&parser, &doc))
    {
      ok = yaml_fail (error, parser.problem ? parser.problem : "unreadable", parser.problem_mark.line);
      yaml_parser_delete (&parser);
      return ok;
    }
  yaml_parser_delete (&parser);

  root = yaml_document_get_root_node (&doc);
  if (root == NULL)
    {
      yaml_document_delete (&doc);
      return TRUE;  /* "---\n---": empty front matter */
    }
  if (root->type != YAML_MAPPING_NODE)
    {
      yaml_document_delete (&doc);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                   _("The front matter is not a list of “key: value” lines"));
      return FALSE;
    }

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       ok && pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (&doc, pair->key);
      yaml_node_t *value_node = yaml_document_get_node (&doc, pair->value);
      const char *key = scalar (&doc, key_node);
      const char *value = scalar (&doc, value_node);

      if (key == NULL)
        continue;
      if (g_str_equal (key, "title"))
        lede_article_set_headline (article, value ? value : "");
      else if (g_str_equal (key, "date"))
        ok = read_time (key, value, &date, error);
      else if (g_str_equal (key, "created"))
        ok = read_time (key, value, &created, error);
      else if (g_str_equal (key, "embargo"))
        ok = read_time (key, value, &embargo, error);
      else if (g_str_equal (key, "lastmod"))
        ;  /* the library keeps its own */
      else if (g_str_equal (key, "draft"))
        draft = value;
      else if (g_str_equal (key, "slug"))
        lede_article_set_slug (article, value ? value : "");
      else if (g_str_equal (key, "description"))
        description = value;
      else if (g_str_equal (key, "standfirst"))
        standfirst = value;
      else if (g_str_equal (key, "tags"))
        add_list (&doc, value_node, tags);
      else if (g_str_equal (key, "categories"))
        add_list (&doc, value_node, categories);
      else if (g_str_equal (key, "byline") || g_str_equal (key, "author"))
        lede_article_set_byline (article, value ? value : "");
      else if (g_str_equal (key, "dateline"))
        lede_article_set_dateline (article, value ? value : "");
      else if (g_str_equal (key, "status"))
        status = value;
      else if (g_str_equal (key, "language"))
        lede_article_set_language (article, value ? value : "");
      else if (g_str_equal (key, "word_goal"))
        lede_article_set_word_goal (article, value ? (guint)g_ascii_strtoull (value, NULL, 10) : 0);
      else if (g_str_equal (key, "uuid"))
        lede_article_set_uuid (article, value && g_uuid_string_is_valid (value) ? value : "");
      else
        {
          /* Kept as written, from the key to the end of its value. */
          gsize start = key_node->start_mark.index, end = value_node->end_mark.index;

          if (start < end && end <= len)
            {
              g_string_append_len (extra, yaml + start, end - start);
              if (extra->str[extra->len - 1] != '\n')
                g_string_append_c (extra, '\n');
            }
        }
    }

  if (ok)
    {
      LedeArticleStatus parsed;

      if (standfirst || description)
        lede_article_set_standfirst (article, standfirst ? standfirst : description);
      if (status && lede_article_status_from_string (status, &parsed))
        lede_article_set_status (article, parsed);
      else if (draft && (g_str_equal (draft, "false") || g_str_equal (draft, "no")))
        lede_article_set_status (article, LEDE_ARTICLE_STATUS_PUBLISHED);
      category_list = g_strv_builder_end (categories);
      if (category_list[0])
        lede_article_set_section (article, category_list[0]);
      lede_article_set_embargo (article, embargo);
      /* "date" is the publication time of a published story, else when it
       * was begun; "created" says when a published story was begun. */
      if (lede_article_get_status (article) == LEDE_ARTICLE_STATUS_PUBLISHED || created)
        lede_article_set_published (article, date);
      lede_article_set_created (article, created ? created : date);
      lede_article_set_extra_front_matter (article, extra->str);
    }
  yaml_document_delete (&doc);
  return ok;
}
