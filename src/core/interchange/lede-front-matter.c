/* lede-front-matter.c: the YAML block at the top of a Markdown story, as
 * Hugo and Jekyll read it: written here, by hand, every string
 * double-quoted and escaped, so any headline parses back to itself. Read
 * with libyaml in lede-front-matter-read.c; keys Lede does not know are
 * kept as their original YAML text (lede-front-matter-kept.c) and written
 * back after Lede's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-front-matter"

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "lede-export-photos.h"
#include "lede-front-matter-private.h"
#include "lede-source.h"
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

const char *
_lede_front_matter_scalar (yaml_document_t *doc,
                           yaml_node_t     *node)
{
  return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* libyaml's marks count characters; the text is UTF-8 bytes. */
gsize
_lede_front_matter_byte_offset (CharCursor *cursor,
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
        const char *key = _lede_front_matter_scalar (&doc, key_node);
        gsize start, end;

        if (key == NULL || !g_strv_contains (keys, key))
          continue;
        /* A key that is an alias points back at its anchor, before the
         * value that came ahead of it: not cut. */
        if (pair > root->data.mapping.pairs.start &&
            key_node->start_mark.index < yaml_document_get_node (&doc, pair[-1].value)->end_mark.index)
          continue;
        /* A block mapping's key begins its line, after "? " at most. */
        start = line_start (extra, bom, bom + _lede_front_matter_byte_offset (&cursor, key_node->start_mark.index));
        end = pair + 1 < root->data.mapping.pairs.top
                ? line_start (extra, bom, bom + _lede_front_matter_byte_offset (&cursor,
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

static void
append_photos (GString   *out,
               GPtrArray *photos)
{
  g_autoptr (GHashTable) names = NULL;

  if (photos == NULL || photos->len == 0)
    return;
  names = lede_export_photos_name_files (photos);
  g_string_append (out, "photos:\n");
  for (guint i = 0; i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);
      const char *file = g_hash_table_lookup (names, photo->sha256);

      /* A photo read from a file and not yet in a library keeps its file. */
      g_string_append (out, "  - file: ");
      lede_front_matter_append_string (out, file ? file : photo->file_name);
      g_string_append_printf (out, "\n    role: %s\n    caption: ", lede_photo_role_to_string (photo->role));
      lede_front_matter_append_string (out, photo->caption);
      g_string_append (out, "\n    credit: ");
      lede_front_matter_append_string (out, photo->credit);
      g_string_append (out, "\n    alt: ");
      lede_front_matter_append_string (out, photo->alt_text);
      g_string_append_c (out, '\n');
    }
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
  /* The story's photos, each with its file beside the story (an export's
   * folder) and the three texts, so import reads them back. */
  append_photos (out, lede_article_get_photos (article));
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
  /* The headlines by role, each only when it is not the web headline
   * (Hugo's "title"): params a theme reads as .Params.seo_title and so on. */
  if (*lede_article_get_print_headline (article))
    append_key_string (out, "print_headline", lede_article_get_print_headline (article));
  if (*lede_article_get_seo_title (article))
    append_key_string (out, "seo_title", lede_article_get_seo_title (article));
  if (*lede_article_get_social_headline (article))
    append_key_string (out, "social_headline", lede_article_get_social_headline (article));
  /* The desk's fields, so a story handed on keeps who has it and when. */
  if (lede_article_get_deadline (article) != NULL)
    append_key_time (out, "deadline", lede_article_get_deadline (article));
  if (*lede_article_get_assignee (article))
    append_key_string (out, "assignee", lede_article_get_assignee (article));
  if (*lede_article_get_editor (article))
    append_key_string (out, "editor", lede_article_get_editor (article));
  if (*lede_article_get_uuid (article))
    append_key_string (out, "uuid", lede_article_get_uuid (article));
  if (*extra)
    {
      /* A theme's own "corrections" stays, unless Lede writes its own. */
      GPtrArray *photos = lede_article_get_photos (article);
      const char *lede_keys[5] = { "publishDate", "sources", NULL, NULL, NULL };
      guint n = 2;

      /* Likewise "photos" when the story has its own. */
      if (corrections && corrections->len > 0)
        lede_keys[n++] = "corrections";
      if (photos && photos->len > 0)
        lede_keys[n++] = "photos";
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

G_DEFINE_QUARK (lede-front-matter-error-quark, lede_front_matter_error)
