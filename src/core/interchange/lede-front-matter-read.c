/* lede-front-matter-read.c: a story's YAML front matter read with libyaml,
 * guarded against what makes a YAML reader slow or deep (aliases, deep flow
 * collections); keys Lede does not know go to lede-front-matter-kept.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#include "lede-front-matter-private.h"
#include "lede-source.h"
#include "lede-time.h"

static gboolean
yaml_fail (GError        **error,
           yaml_parser_t  *parser,
           const char     *yaml,
           gsize           len)
{
  gsize line = parser->problem_mark.line;

  /* A character YAML does not allow is found by the reader, which gives a
   * byte offset instead of a line. */
  if (parser->error == YAML_READER_ERROR)
    {
      line = 0;
      for (gsize i = 0; i < MIN (parser->problem_offset, len); i++)
        if (yaml[i] == '\n')
          line++;
    }
  g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
               _("The front matter is not valid YAML: %s on line %zu"),
               parser->problem ? parser->problem : "unreadable",
               line + 2);  /* + the "---" line, and lines count from 1 */
  return FALSE;
}

/* libyaml looks over every open flow collection for each token it reads,
 * so thousands of nested "[" or "{" take seconds; no front matter needs
 * more than a few levels. */
#define MAX_FLOW_DEPTH 1000

/* Refuses flow collections nested past MAX_FLOW_DEPTH, counted before
 * libyaml reads them. Every "[" and "{" counts, even in a quotation or a
 * comment, so nothing can hide an opening; a closing counts only outside
 * them, so nothing can hide how deep the text is either. */
static gboolean
refuse_deep_flow (const char  *yaml,
                  gsize        len,
                  GError     **error)
{
  gsize depth = 0, line = 0;
  char quote = 0;
  gboolean comment = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = yaml[i];
      char before = i > 0 ? yaml[i - 1] : '\n';

      if (c == '\n' || c == '\r')
        {
          if (c == '\n' || i + 1 >= len || yaml[i + 1] != '\n')
            line++;
          comment = FALSE;
          continue;
        }
      if (c == '[' || c == '{')
        {
          if (++depth > MAX_FLOW_DEPTH)
            {
              g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                           _("The front matter nests lists or mappings more than %d deep on line %zu; "
                             "Lede reads at most %d levels"),
                           MAX_FLOW_DEPTH, line + 2, MAX_FLOW_DEPTH);  /* + the "---" line, from 1 */
              return FALSE;
            }
          continue;
        }
      if (comment)
        continue;
      if (quote == '"')
        {
          if (c == '\\' && i + 1 < len)
            i++;
          else if (c == '"')
            quote = 0;
          continue;
        }
      if (quote == '\'')
        {
          if (c == '\'' && i + 1 < len && yaml[i + 1] == '\'')
            i++;  /* '' is a quotation mark inside the quotation */
          else if (c == '\'')
            quote = 0;
          continue;
        }
      /* A quotation or a comment begins a token, after a blank or an
       * indicator; inside a word they are the word's. */
      if ((c == '"' || c == '\'') && strchr (" \t\n\r[{,:?-", before))
        quote = c;
      else if (c == '#' && strchr (" \t\n\r", before))
        comment = TRUE;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* Aliases (*name) can make a few lines stand for billions of values, so
 * front matter with any is refused before it is loaded; so is a value
 * holding a NUL ("\0" in quotes), which Lede's strings would cut short
 * (a slug "a\0b" kept as "a"). */
static gboolean
refuse_aliases_and_nuls (const char  *yaml,
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
          ok = yaml_fail (error, &parser, yaml, len);
          break;
        }
      if (event.type == YAML_ALIAS_EVENT)
        {
          g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                       _("The front matter uses a YAML alias (*%s) on line %zu; Lede does not accept aliases"),
                       event.data.alias.anchor, event.start_mark.line + 2);
          ok = FALSE;
        }
      else if (event.type == YAML_SCALAR_EVENT &&
               memchr (event.data.scalar.value, '\0', event.data.scalar.length) != NULL)
        {
          g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                       _("The front matter has a NUL character (\\0) in a value on line %zu; Lede keeps no such character"),
                       event.start_mark.line + 2);
          ok = FALSE;
        }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  return ok;
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
is_null (const char *text)
{
  return text == NULL || *text == '\0' || g_str_equal (text, "~") || g_str_equal (text, "null");
}

/* A key given twice counts once: the last, as YAML readers do. */
static gboolean
read_time (const char   *key,
           const char   *text,
           GDateTime   **out,
           GError      **error)
{
  g_clear_pointer (out, g_date_time_unref);
  if (is_null (text))
    return TRUE;
  *out = parse_time (text);
  if (*out == NULL)
    {
      g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                   _("The front matter’s “%s” is not a date and time: “%s”"), key, text);
      return FALSE;
    }
  if (!lede_time_is_storable (*out))
    {
      g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                   _("The front matter’s “%s” is a time Lede cannot keep (before the year 1 or after 9999 in UTC): “%s”"),
                   key, text);
      g_clear_pointer (out, g_date_time_unref);
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
      g_auto (GStrv) parts = g_strsplit (_lede_front_matter_scalar (doc, node), ",", -1);
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          g_strv_builder_add (out, parts[i]);
      return;
    }
  if (node->type != YAML_SEQUENCE_NODE)
    return;
  for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      const char *value = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, *item));
      if (value && *value)
        g_strv_builder_add (out, value);
    }
}

/* "sources:" as Lede writes it, a list of {name, note} maps, or as a person
 * would type it, a list of names. Each becomes a source known only by its
 * name (id 0), which the library links to its source of that name. */
static GPtrArray *
read_sources (yaml_document_t *doc,
              yaml_node_t     *node)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);

  if (node->type == YAML_SCALAR_NODE && _lede_front_matter_scalar (doc, node) && *_lede_front_matter_scalar (doc, node))
    {
      g_auto (GStrv) names = g_strsplit (_lede_front_matter_scalar (doc, node), ",", -1);

      for (guint i = 0; names[i]; i++)
        if (*g_strstrip (names[i]))
          {
            g_autofree char *clean = g_strstrip (lede_article_clean_line (names[i]));

            if (*clean)
              g_ptr_array_add (sources, lede_source_new (clean));
          }
      return sources;
    }
  if (node->type != YAML_SEQUENCE_NODE)
    return sources;
  for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      yaml_node_t *entry = yaml_document_get_node (doc, *item);
      g_autofree char *name = NULL;
      const char *note = "";
      LedeSource *source;

      if (entry == NULL)
        continue;
      if (entry->type == YAML_SCALAR_NODE)
        name = g_strdup (_lede_front_matter_scalar (doc, entry));
      else if (entry->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *pair = entry->data.mapping.pairs.start; pair < entry->data.mapping.pairs.top; pair++)
          {
            const char *key = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->key));
            const char *value = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->value));

            if (g_strcmp0 (key, "name") == 0 && value)
              {
                g_free (name);
                name = g_strdup (value);
              }
            else if (g_strcmp0 (key, "note") == 0 && value)
              note = value;
          }
      if (name == NULL)
        continue;
      /* A name is a one-line field like any other. */
      {
        g_autofree char *clean = g_strstrip (lede_article_clean_line (name));

        if (*clean == '\0')
          continue;
        source = lede_source_new (clean);
      }
      g_free (source->story_note);
      source->story_note = lede_article_clean_line (note);
      g_ptr_array_add (sources, source);
    }
  return sources;
}

/* "photos:" as Lede writes it: a list of {file, role, caption, credit,
 * alt} maps. Each becomes a photo not yet in any library: its file_name
 * the file's path beside the story, which the importer reads. Anything
 * else (a theme's own "photos") is %NULL, kept as the file has it. */
static GPtrArray *
read_photos (yaml_document_t *doc,
             yaml_node_t     *node)
{
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);

  if (node->type != YAML_SEQUENCE_NODE)
    return NULL;
  for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      yaml_node_t *entry = yaml_document_get_node (doc, *item);
      g_autoptr (LedePhoto) photo = lede_photo_new (NULL);
      gboolean has_file = FALSE;

      if (entry == NULL || entry->type != YAML_MAPPING_NODE)
        return NULL;
      for (yaml_node_pair_t *pair = entry->data.mapping.pairs.start; pair < entry->data.mapping.pairs.top; pair++)
        {
          const char *key = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->key));
          const char *value = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->value));

          if (key == NULL || value == NULL)
            continue;
          if (g_str_equal (key, "file") && *value)
            {
              lede_photo_set_text (&photo->file_name, value);
              has_file = TRUE;
            }
          else if (g_str_equal (key, "role") && !lede_photo_role_from_string (value, &photo->role))
            return NULL;
          else if (g_str_equal (key, "caption"))
            lede_photo_set_text (&photo->caption, value);
          else if (g_str_equal (key, "credit"))
            lede_photo_set_text (&photo->credit, value);
          else if (g_str_equal (key, "alt"))
            lede_photo_set_text (&photo->alt_text, value);
        }
      if (!has_file)
        return NULL;
      g_ptr_array_add (photos, g_steal_pointer (&photo));
    }
  return g_steal_pointer (&photos);
}

/* "corrections:" as Lede writes it: a list of {date, kind, note} maps.
 * Anything else (a theme's own "corrections" key) is %NULL: not Lede's,
 * so it is kept as the file has it, and the story's log is left alone. */
static GPtrArray *
read_corrections (yaml_document_t *doc,
                  yaml_node_t     *node)
{
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_correction_free);

  if (node->type != YAML_SEQUENCE_NODE)
    return NULL;
  for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      yaml_node_t *entry = yaml_document_get_node (doc, *item);
      g_autoptr (GDateTime) date = NULL;
      g_autofree char *clean = NULL;
      LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;
      const char *note = NULL;
      gboolean kind_read = FALSE;

      if (entry == NULL || entry->type != YAML_MAPPING_NODE)
        return NULL;
      for (yaml_node_pair_t *pair = entry->data.mapping.pairs.start; pair < entry->data.mapping.pairs.top; pair++)
        {
          const char *key = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->key));
          const char *value = _lede_front_matter_scalar (doc, yaml_document_get_node (doc, pair->value));

          if (value == NULL)
            continue;
          if (g_strcmp0 (key, "date") == 0 && date == NULL)
            date = parse_time (value);
          else if (g_strcmp0 (key, "kind") == 0)
            kind_read = lede_correction_kind_from_string (value, &kind);
          else if (g_strcmp0 (key, "note") == 0)
            note = value;
        }
      if (date == NULL || note == NULL || !kind_read || !lede_time_is_storable (date))
        return NULL;
      clean = lede_article_clean_line (note);
      g_ptr_array_add (corrections, lede_correction_new (date, kind, clean));
    }
  return g_steal_pointer (&corrections);
}

/**
 * lede_front_matter_read:
 * @yaml: the text between the "---" lines
 * @tags: where the tags go
 *
 * @has_title: (out) (optional): whether it gives a "title", even an empty one,
 *   or a "headline" without a "title"
 *
 * Fills @article from the front matter. Keys Lede does not know are kept in
 * its extra front matter, as they were written where that text can stand
 * on its own, else written again in flow style.
 */
gboolean
lede_front_matter_read (const char    *yaml,
                        gsize          len,
                        LedeArticle   *article,
                        GStrvBuilder  *tags,
                        gboolean      *has_title,
                        GError       **error)
{
  /* libyaml does not count a leading byte order mark in its marks. */
  const char *counted = len >= 3 && memcmp (yaml, "\xef\xbb\xbf", 3) == 0 ? yaml + 3 : yaml;
  CharCursor cursor = { counted, yaml + len, counted, 0 };
  gboolean publish_date_given = FALSE;
  g_autoptr (GDateTime) publish_date = NULL;
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  g_autoptr (GString) extra = g_string_new (NULL);
  g_autoptr (GArray) theirs = g_array_new (FALSE, FALSE, sizeof (gsize));  /* start, length pairs */
  g_autoptr (GPtrArray) corrections = NULL;
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GDateTime) date = NULL, created = NULL, embargo = NULL, lastmod = NULL, deadline = NULL;
  const char *description = NULL, *standfirst = NULL, *status = NULL, *draft = NULL;
  gboolean titled = FALSE;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) category_list = NULL;
  gboolean ok = TRUE;

  if (has_title)
    *has_title = FALSE;
  if (!refuse_deep_flow (yaml, len, error) || !refuse_aliases_and_nuls (yaml, len, error))
    return FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)yaml, len);
  if (!yaml_parser_load (&parser, &doc))
    {
      ok = yaml_fail (error, &parser, yaml, len);
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
      g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                   _("The front matter is not a list of “key: value” lines"));
      return FALSE;
    }

  /* "headline" is the newsroom's word for what static sites call the
   * title: taken where the file gives no "title", kept as it is beside one. */
  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++)
    titled = titled || g_strcmp0 (_lede_front_matter_scalar (&doc, yaml_document_get_node (&doc, pair->key)), "title") == 0;

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       ok && pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (&doc, pair->key);
      yaml_node_t *value_node = yaml_document_get_node (&doc, pair->value);
      const char *key = _lede_front_matter_scalar (&doc, key_node);
      const char *value = _lede_front_matter_scalar (&doc, value_node);

      if (key == NULL)
        {
          g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                       _("The front matter has a key on line %zu that is not plain text"),
                       key_node->start_mark.line + 2);
          ok = FALSE;
          break;
        }
      if (g_str_equal (key, "title") || (g_str_equal (key, "headline") && !titled && value != NULL))
        {
          lede_article_set_headline (article, value ? value : "");
          if (has_title)
            *has_title = TRUE;
        }
      else if (g_str_equal (key, "date"))
        ok = read_time (key, value, &date, error);
      else if (g_str_equal (key, "created"))
        ok = read_time (key, value, &created, error);
      else if (g_str_equal (key, "embargo"))
        ok = read_time (key, value, &embargo, error);
      else if (g_str_equal (key, "publishDate"))
        {
          publish_date_given = TRUE;
          ok = read_time (key, value, &publish_date, error);
        }
      else if (g_str_equal (key, "lastmod"))
        ok = read_time (key, value, &lastmod, error);
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
      else if (g_str_equal (key, "corrections") && corrections == NULL &&
               (corrections = read_corrections (&doc, value_node)))
        lede_article_set_corrections (article, corrections);
      else if (g_str_equal (key, "photos") && lede_article_get_photos (article) == NULL &&
               (photos = read_photos (&doc, value_node)))
        lede_article_set_photos (article, photos);
      else if (g_str_equal (key, "sources"))
        {
          g_autoptr (GPtrArray) sources = read_sources (&doc, value_node);
          lede_article_set_sources (article, sources);
        }
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
      else if (g_str_equal (key, "deadline"))
        ok = read_time (key, value, &deadline, error);
      else if (g_str_equal (key, "assignee"))
        lede_article_set_assignee (article, value ? value : "");
      else if (g_str_equal (key, "editor"))
        lede_article_set_editor (article, value ? value : "");
      else if (g_str_equal (key, "print_headline"))
        lede_article_set_print_headline (article, value ? value : "");
      else if (g_str_equal (key, "seo_title"))
        lede_article_set_seo_title (article, value ? value : "");
      else if (g_str_equal (key, "social_headline"))
        lede_article_set_social_headline (article, value ? value : "");
      else if (g_str_equal (key, "uuid"))
        lede_article_set_uuid (article, value && g_uuid_string_is_valid (value) ? value : "");
      else
        {
          gsize before = extra->len;

          ok = _lede_front_matter_keep_unknown_key (&doc, key_node, value_node, &cursor, extra, error);
          /* A "corrections" not in Lede's shape: where it is in the kept
           * text, to take it out if Lede's own comes after. */
          if (ok && g_str_equal (key, "corrections"))
            {
              gsize range[2] = { before, extra->len - before };
              g_array_append_vals (theirs, range, 2);
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
      lede_article_set_deadline (article, deadline);
      /* "date" is the publication time of a published story, else when it
       * was begun; "created" says when a published story was begun. */
      if (publish_date_given)
        lede_article_set_published (article, publish_date);
      else if (lede_article_get_status (article) == LEDE_ARTICLE_STATUS_PUBLISHED || created)
        lede_article_set_published (article, date);
      lede_article_set_created (article, created ? created : date);
      lede_article_set_updated (article, lastmod);
      /* Lede's own corrections log is written alone: another "corrections"
       * in the same file is not kept beside it (taken out exactly as it
       * was kept, from the last). */
      for (guint i = corrections ? theirs->len : 0; i >= 2; i -= 2)
        g_string_erase (extra, g_array_index (theirs, gsize, i - 2), g_array_index (theirs, gsize, i - 1));
      lede_article_set_extra_front_matter (article, extra->str);
    }
  yaml_document_delete (&doc);
  return ok;
}
