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

/* YAML's printable characters; anything else in a stream is an error, even
 * inside quotes, so it must be written as an escape. */
static gboolean
is_yaml_printable (gunichar c)
{
  return c == 0x09 || c == 0x0a || c == 0x0d || (c >= 0x20 && c <= 0x7e) || c == 0x85 ||
         (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

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
      else if (!is_yaml_printable (c) || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff)
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

  /* "~" is YAML's null: the key is there, the time is not. */
  g_string_append_printf (out, "%s: %s\n", key, text ? text : "~");
}

static const char *
scalar (yaml_document_t *doc,
        yaml_node_t     *node)
{
  return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* libyaml's marks count characters; the text is UTF-8 bytes. Keys come in
 * order, so the cursor only moves on, and a whole front matter costs one
 * pass however many keys it keeps. */
typedef struct {
  const char *text;
  const char *end;
  const char *at;
  gsize       chars;
} CharCursor;

static gsize
byte_offset (CharCursor *cursor,
             gsize       chars)
{
  if (chars < cursor->chars)
    {
      cursor->at = cursor->text;
      cursor->chars = 0;
    }
  while (cursor->chars < chars && cursor->at < cursor->end)
    {
      cursor->at = g_utf8_next_char (cursor->at);
      cursor->chars++;
    }
  return MIN (cursor->at, cursor->end) - cursor->text;
}

/* Where the line holding @at begins (at @first, at most); libyaml also
 * ends a line at "\r". */
static gsize
line_start (const char *text,
            gsize       first,
            gsize       at)
{
  while (at > first && text[at - 1] != '\n' && text[at - 1] != '\r')
    at--;
  return at;
}

/* Keys read before Lede knew them may sit in the kept text: Lede writes
 * them itself now, and a key twice is an error to strict YAML readers.
 * Each is cut from the line its key begins on to the line the next key
 * begins on, as libyaml reads them: a quoted value may run over lines that
 * look like keys of their own. */
static char *
without_keys (const char         *extra,
              const char * const *keys)
{
  gsize len = strlen (extra);
  /* libyaml does not count a leading byte order mark in its marks. */
  gsize bom = len >= 3 && memcmp (extra, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  CharCursor cursor = { extra + bom, extra + len, extra + bom, 0 };
  GString *out = g_string_new (extra);
  gsize cut = 0, done = 0;  /* bytes cut so far; where the last cut ended */
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)extra, len);
  if (!yaml_parser_load (&parser, &doc))
    {
      /* Only ever kept text that read as YAML; left as it is. */
      yaml_parser_delete (&parser);
      return g_string_free (out, FALSE);
    }
  yaml_parser_delete (&parser);

  root = yaml_document_get_root_node (&doc);
  if (root != NULL && root->type == YAML_MAPPING_NODE && root->data.mapping.style == YAML_BLOCK_MAPPING_STYLE)
    for (yaml_node_pair_t *pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++)
      {
        yaml_node_t *key_node = yaml_document_get_node (&doc, pair->key);
        const char *key = scalar (&doc, key_node);
        gsize start, end;

        if (key == NULL || !g_strv_contains (keys, key))
          continue;
        /* A key that is an alias points back at its anchor, before the
         * value that came ahead of it: not cut. */
        if (pair > root->data.mapping.pairs.start &&
            key_node->start_mark.index < yaml_document_get_node (&doc, pair[-1].value)->end_mark.index)
          continue;
        /* A block mapping's key begins its line, after "? " at most. */
        start = line_start (extra, bom, bom + byte_offset (&cursor, key_node->start_mark.index));
        end = pair + 1 < root->data.mapping.pairs.top
                ? line_start (extra, bom, bom + byte_offset (&cursor,
                                                             yaml_document_get_node (&doc, pair[1].key)->start_mark.index))
                : len;
        /* Nothing cut twice, nothing cut backwards. */
        if (start < done || end < start)
          continue;
        g_string_erase (out, start - cut, end - start);
        cut += end - start;
        done = end;
      }
  yaml_document_delete (&doc);
  return g_string_free (out, FALSE);
}

/**
 * lede_front_matter_write:
 * @tags: (nullable): the story's tags
 * @sources: (nullable) (element-type LedeSource): its linked sources
 *
 * Returns: (transfer full): the front matter, from the opening "---" line
 *   to the closing one. The editorial note and the sources' contact
 *   details are never in it.
 */
char *
lede_front_matter_write (LedeArticle        *article,
                         const char * const *tags,
                         GPtrArray          *sources)
{
  GString *out = g_string_new ("---\n");
  GDateTime *published = lede_article_get_published (article);
  GDateTime *created = lede_article_get_created (article);
  const char *section = lede_article_get_section (article);
  const char *extra = lede_article_get_extra_front_matter (article);
  LedeArticleStatus status = lede_article_get_status (article);
  GPtrArray *corrections;

  append_key_string (out, "title", lede_article_get_headline (article));
  /* Hugo and Jekyll date a post by "date": the publication time once there
   * is one, else when the story was begun (then kept as "created"). */
  if (published != NULL)
    append_key_time (out, "date", published);
  else if (created != NULL)
    append_key_time (out, "date", created);
  if (published != NULL && created != NULL)
    append_key_time (out, "created", created);
  /* Said outright (Hugo's own key), so a published story whose publication
   * time is not known yet does not get its "date" as one when read back. */
  if (published != NULL || status == LEDE_ARTICLE_STATUS_PUBLISHED)
    append_key_time (out, "publishDate", published);
  if (lede_article_get_updated (article) != NULL)
    append_key_time (out, "lastmod", lede_article_get_updated (article));
  /* A story still under embargo is a draft to a site generator, published
   * or not, so it cannot go live before its time. */
  g_string_append_printf (out, "draft: %s\n",
                          status == LEDE_ARTICLE_STATUS_PUBLISHED && !lede_article_is_under_embargo (article, NULL) ? "false" : "true");
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
  /* Who the story relies on, never how to reach them; nothing when they
   * are not known, so that reading it back does not unlink them. */
  if (sources != NULL)
    g_string_append (out, sources->len == 0 ? "sources: []" : "sources:");
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);

      g_string_append (out, "\n  - name: ");
      lede_front_matter_append_string (out, source->name);
      if (source->story_note && *source->story_note)
        {
          g_string_append (out, "\n    note: ");
          lede_front_matter_append_string (out, source->story_note);
        }
    }
  if (sources != NULL)
    g_string_append_c (out, '\n');
  /* A published story's corrections log: when, what kind, what changed. */
  corrections = lede_article_get_corrections (article);
  if (corrections != NULL && corrections->len > 0)
    {
      g_string_append (out, "corrections:\n");
      for (guint i = 0; i < corrections->len; i++)
        {
          LedeCorrection *correction = g_ptr_array_index (corrections, i);
          g_autofree char *date = lede_time_format_utc (correction->created);

          g_string_append_printf (out, "  - date: %s\n    kind: %s\n    note: ", date,
                                  lede_correction_kind_to_string (correction->kind));
          lede_front_matter_append_string (out, correction->note);
          g_string_append_c (out, '\n');
        }
    }
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
      /* A theme's own "corrections" stays, unless Lede writes its own. */
      const char *lede_keys[] = { "publishDate", "sources", corrections && corrections->len > 0 ? "corrections" : NULL,
                                  NULL };
      g_autofree char *kept = without_keys (extra, lede_keys);

      g_string_append (out, kept);
      if (*kept && !g_str_has_suffix (kept, "\n"))
        g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");
  return g_string_free (out, FALSE);
}

/* @text as Markdown shows it: a backslash before what would be markup in
 * a line of text (emphasis, code, links, HTML, entities, strikethrough). */
static void
append_markdown_text (GString    *out,
                      const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("\\`*_[]<&~", *p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/**
 * lede_front_matter_dup_corrections_note:
 * @corrections: (nullable) (element-type LedeCorrection): the story's log
 * @language: the story's language
 *
 * The front matter's "corrections:" is for themes that read it; a stock
 * theme shows readers only the body. So a Markdown story ends with the
 * note too, in the page's words and the story's language: a thematic
 * break, then "*Correction, 4 March 2026:* …" for each. It is the same for
 * the same corrections and language, which is how import knows it
 * (lede_front_matter_strip_corrections_note()).
 *
 * Returns: (transfer full): the note to write after the body, or "" for none
 */
char *
lede_front_matter_dup_corrections_note (GPtrArray  *corrections,
                                        const char *language)
{
  GString *note = g_string_new (NULL);

  if (corrections == NULL || corrections->len == 0)
    return g_string_free (note, FALSE);
  g_string_append (note, "\n\n---\n");
  for (guint i = 0; i < corrections->len; i++)
    {
      LedeCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *date = lede_correction_dup_date (correction, language);
      /* One line, as the front matter's note reads back. */
      g_autofree char *text = lede_article_clean_line (correction->note);

      g_string_append (note, "\n*");
      append_markdown_text (note, lede_correction_kind_get_label (correction->kind, language));
      g_string_append (note, ", ");
      append_markdown_text (note, date);
      g_string_append (note, ":*");
      /* No space left at the end of a line, where an editor would trim it. */
      if (*text)
        g_string_append_c (note, ' ');
      append_markdown_text (note, text);
      g_string_append_c (note, '\n');
    }
  return g_string_free (note, FALSE);
}

/**
 * lede_front_matter_strip_corrections_note:
 * @body: a Markdown story's body, as the file has it
 * @corrections: (nullable) (element-type LedeCorrection): the log its front
 *   matter holds
 * @language: the story's language, from the same front matter
 *
 * So the note export writes after the body is not taken into the story,
 * where the next export would write it twice.
 *
 * Returns: the length of @body in bytes without that note at its end
 *   (its lines ended with LF, or CRLF as an editor may have made them);
 *   all of it when it does not end so
 */
gsize
lede_front_matter_strip_corrections_note (const char *body,
                                          GPtrArray  *corrections,
                                          const char *language)
{
  g_autofree char *note = lede_front_matter_dup_corrections_note (corrections, language);
  g_auto (GStrv) lines = NULL;
  g_autofree char *crlf_note = NULL;
  gsize length = strlen (body);

  if (*note == '\0')
    return length;
  if (g_str_has_suffix (body, note))
    return length - strlen (note);
  lines = g_strsplit (note, "\n", -1);
  crlf_note = g_strjoinv ("\r\n", lines);
  if (g_str_has_suffix (body, crlf_note))
    return length - strlen (crlf_note);
  return length;
}

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
  g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
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
              g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
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
          ok = yaml_fail (error, &parser, yaml, len);
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
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                   _("The front matter’s “%s” is not a date and time: “%s”"), key, text);
      return FALSE;
    }
  if (!lede_time_is_storable (*out))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
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

/* "sources:" as Lede writes it, a list of {name, note} maps, or as a person
 * would type it, a list of names. Each becomes a source known only by its
 * name (id 0), which the library links to its source of that name. */
static GPtrArray *
read_sources (yaml_document_t *doc,
              yaml_node_t     *node)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);

  if (node->type == YAML_SCALAR_NODE && scalar (doc, node) && *scalar (doc, node))
    {
      g_auto (GStrv) names = g_strsplit (scalar (doc, node), ",", -1);

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
        name = g_strdup (scalar (doc, entry));
      else if (entry->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *pair = entry->data.mapping.pairs.start; pair < entry->data.mapping.pairs.top; pair++)
          {
            const char *key = scalar (doc, yaml_document_get_node (doc, pair->key));
            const char *value = scalar (doc, yaml_document_get_node (doc, pair->value));

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
          const char *key = scalar (doc, yaml_document_get_node (doc, pair->key));
          const char *value = scalar (doc, yaml_document_get_node (doc, pair->value));

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

/* Whether @line (at a line start) would end the front matter. */
static gboolean
is_document_marker (const char *line,
                    const char *end)
{
  return end - line >= 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0) &&
         (end - line == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n');
}

/* Whether the text of one kept "key: value" stands on its own: no line that
 * would close the front matter, and read between two other keys it is that
 * one key. */
static gboolean
snippet_stands_alone (const char *snippet,
                      gsize       len,
                      const char *key,
                      const char *value)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  gboolean ok = FALSE;

  for (const char *line = snippet; line < snippet + len; )
    {
      const char *next = memchr (line, '\n', snippet + len - line);

      if (is_document_marker (line, snippet + len))
        return FALSE;
      line = next ? next + 1 : snippet + len;
    }

  /* Read where it will stand: between two keys of a block mapping. A tag,
   * an anchor or a flow fragment that read alone as one key does not. */
  {
    g_autoptr (GString) text = g_string_new ("lede_before: 0\n");
    static const char *expected[3] = { "lede_before", NULL, "lede_after" };

    g_string_append_len (text, snippet, len);
    if (len == 0 || snippet[len - 1] != '\n')
      g_string_append_c (text, '\n');
    g_string_append (text, "lede_after: 0\n");

    yaml_parser_initialize (&parser);
    yaml_parser_set_input_string (&parser, (const unsigned char *)text->str, text->len);
    if (yaml_parser_load (&parser, &doc))
      {
        root = yaml_document_get_root_node (&doc);
        if (root && root->type == YAML_MAPPING_NODE &&
            root->data.mapping.pairs.top - root->data.mapping.pairs.start == 3)
          {
            ok = TRUE;
            for (guint i = 0; i < 3; i++)
              {
                yaml_node_t *key_node = yaml_document_get_node (&doc, root->data.mapping.pairs.start[i].key);
                ok = ok && g_strcmp0 (scalar (&doc, key_node), expected[i] ? expected[i] : key) == 0;
              }
            /* And its value reads the same: a line break inside a flow
             * value makes what follows it a new line, where a byte order
             * mark is skipped and a "#" begins a comment. */
            if (ok && value != NULL)
              ok = g_strcmp0 (scalar (&doc, yaml_document_get_node (&doc, root->data.mapping.pairs.start[1].value)),
                              value) == 0;
          }
        yaml_document_delete (&doc);
      }
    yaml_parser_delete (&parser);
  }
  return ok;
}

/* A plain scalar that reads back as itself anywhere in a line. */
static gboolean
is_safe_plain (const char *text)
{
  if (*text == '\0' || strchr ("-?:,[]{}#&*!|>'\"%@`~ ", *text))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("_.+-/ ", *p))
      return FALSE;
  return text[strlen (text) - 1] != ' ';
}

/* Writes a value again, in flow style, when its own text could not be kept
 * (it was part of a flow mapping, or held a line that would end the front
 * matter). Plain numbers and words stay plain, so 10 stays a number. */
static gboolean
emit_flow (yaml_document_t *doc,
           yaml_node_t     *node,
           GString         *out,
           guint            depth)
{
  if (node == NULL)
    {
      g_string_append_c (out, '~');
      return TRUE;
    }
  if (depth > 64)
    return FALSE;

  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && is_safe_plain (scalar (doc, node)))
        g_string_append (out, scalar (doc, node));
      else
        lede_front_matter_append_string (out, scalar (doc, node));
      return TRUE;

    case YAML_SEQUENCE_NODE:
      g_string_append_c (out, '[');
      for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
        {
          if (item > node->data.sequence.items.start)
            g_string_append (out, ", ");
          if (!emit_flow (doc, yaml_document_get_node (doc, *item), out, depth + 1))
            return FALSE;
        }
      g_string_append_c (out, ']');
      return TRUE;

    case YAML_MAPPING_NODE:
      g_string_append_c (out, '{');
      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++)
        {
          if (pair > node->data.mapping.pairs.start)
            g_string_append (out, ", ");
          /* YAML reads a key of over 1,024 characters only after "? ". */
          {
            g_autoptr (GString) key = g_string_new (NULL);

            if (!emit_flow (doc, yaml_document_get_node (doc, pair->key), key, depth + 1))
              return FALSE;
            if (key->len > 1000)
              g_string_append (out, "? ");
            g_string_append_len (out, key->str, key->len);
          }
          g_string_append (out, ": ");
          if (!emit_flow (doc, yaml_document_get_node (doc, pair->value), out, depth + 1))
            return FALSE;
        }
      g_string_append_c (out, '}');
      return TRUE;

    case YAML_NO_NODE:
    default:
      g_string_append_c (out, '~');
      return TRUE;
    }
}

/* Writes "key: " for a top-level key; YAML reads a key of over 1,024
 * characters only as an explicit one, "? key" then ": value". */
static void
append_key (GString    *out,
            const char *key)
{
  g_autoptr (GString) quoted = g_string_new (NULL);

  lede_front_matter_append_string (quoted, key);
  if (quoted->len <= 1000)
    g_string_append_printf (out, "%s: ", quoted->str);
  else
    g_string_append_printf (out, "? %s\n: ", quoted->str);
}

/* Keeps a key Lede does not know: as written when that text stands on its
 * own, else written again. */
static gboolean
keep_unknown_key (yaml_document_t  *doc,
                  yaml_node_t      *key_node,
                  yaml_node_t      *value_node,
                  CharCursor       *cursor,
                  GString          *extra,
                  GError          **error)
{
  const char *key = scalar (doc, key_node);
  /* Asked in the order they come in the text, so the cursor only moves
   * on: asked for the key's end after the value's, it started again from
   * the top for every key. */
  gsize start = byte_offset (cursor, key_node->start_mark.index);
  gsize key_end = byte_offset (cursor, key_node->end_mark.index);
  gsize end = byte_offset (cursor, value_node->end_mark.index);

  /* A plain value (or an empty one) never ends in a blank or a line break,
   * but its mark may take those in, and they would not be read back the
   * same. Quoted, block and flow values end where they say. */
  /* An empty value in a flow mapping has its mark at the next token, after
   * any blanks and comment: its key's text ends at the colon. */
  if (value_node->type == YAML_SCALAR_NODE && value_node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
      value_node->data.scalar.length == 0)
    {
      gsize colon = key_end;

      while (colon < end && (cursor->text[colon] == ' ' || cursor->text[colon] == '\t'))
        colon++;
      if (colon < end && cursor->text[colon] == ':')
        end = colon + 1;
    }
  if (value_node->type == YAML_SCALAR_NODE && value_node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
    {
      /* Nor does it hold " #": from there on it is a comment, which the
       * mark of an empty value in a flow mapping takes in (its mark is at
       * the closing brace, after the comment). */
      for (gsize i = MAX (start + 1, key_end); i < end; i++)
        if (cursor->text[i] == '#' && strchr (" \t\r\n", cursor->text[i - 1]))
          {
            end = i;
            break;
          }
      while (end > start && strchr (" \t\r\n", cursor->text[end - 1]))
        end--;
    }

  if (start < end && snippet_stands_alone (cursor->text + start, end - start, key, scalar (doc, value_node)))
    {
      g_string_append_len (extra, cursor->text + start, end - start);
      if (extra->str[extra->len - 1] != '\n')
        g_string_append_c (extra, '\n');
      return TRUE;
    }

  append_key (extra, key);
  if (!emit_flow (doc, value_node, extra, 0))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                   _("The front matter’s “%s” is nested too deeply"), key);
      return FALSE;
    }
  g_string_append_c (extra, '\n');
  return TRUE;
}

/**
 * lede_front_matter_read:
 * @yaml: the text between the "---" lines
 * @tags: where the tags go
 *
 * @has_title: (out) (optional): whether it gives a "title", even an empty one
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
  g_autoptr (GDateTime) date = NULL, created = NULL, embargo = NULL, lastmod = NULL;
  const char *description = NULL, *standfirst = NULL, *status = NULL, *draft = NULL;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) category_list = NULL;
  gboolean ok = TRUE;

  if (has_title)
    *has_title = FALSE;
  if (!refuse_deep_flow (yaml, len, error) || !refuse_aliases (yaml, len, error))
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
        {
          g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                       _("The front matter has a key on line %zu that is not plain text"),
                       key_node->start_mark.line + 2);
          ok = FALSE;
          break;
        }
      if (g_str_equal (key, "title"))
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
      else if (g_str_equal (key, "uuid"))
        lede_article_set_uuid (article, value && g_uuid_string_is_valid (value) ? value : "");
      else
        {
          gsize before = extra->len;

          ok = keep_unknown_key (&doc, key_node, value_node, &cursor, extra, error);
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
