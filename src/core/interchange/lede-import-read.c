/* lede-import-read.c: a file's bytes read into a story, not yet in any
 * library: Markdown (with or without front matter), plain text, and wire
 * copy (ninjs, NewsML-G2, NITF), found by what the file holds, whatever
 * its name says.
 *
 * Text that is not UTF-8 is read as UTF-16 when it starts with a byte
 * order mark, as the encoding the person importing names, or as
 * Windows-1252 when it holds no valid multi-byte UTF-8 sequence (one
 * that does is damaged UTF-8, refused with its line and column); the
 * caller is told which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-newsml-reader.h"
#include "lede-ninjs-reader.h"
#include "lede-nitf-reader.h"
#include "lede-text-encoding.h"

G_DEFINE_QUARK (lede-import-error-quark, lede_import_error)

#define BOM "\xEF\xBB\xBF"

/* Line and column (from 1) of byte @offset, for errors a person can act on. */
static void
locate (const char *data,
        gsize       offset,
        gsize      *line,
        gsize      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < data + offset; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = data + offset - line_start + 1;
}

static gboolean
check_text (const char  *data,
            gsize        len,
            GError     **error)
{
  const char *nul = memchr (data, '\0', len);
  const char *end;
  gsize line, column;

  if (nul != NULL)
    {
      locate (data, nul - data, &line, &column);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_BINARY,
                   _("It holds a NUL byte at line %zu, column %zu: it looks like a binary file, not a story"),
                   line, column);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      locate (data, end - data, &line, &column);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_NOT_UTF8,
                   _("It is not valid UTF-8 at line %zu, column %zu (byte %zu): save it as UTF-8 and import it again"),
                   line, column, (gsize)(end - data) + 1);
      return FALSE;
    }
  return TRUE;
}

/* Whether @needle is anywhere in the @len bytes of @data (which may hold
 * NUL bytes, as a zip archive does). */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = data; p != NULL && (gsize)(p - data) + n <= len; p = memchr (p + 1, needle[0], len - (p + 1 - data)))
    if (memcmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Block-level and common inline HTML elements: a Markdown file may start
 * with one (CommonMark reads it as HTML), so a file that is one of them
 * whole is still Markdown. */
static const char * const HTML_ELEMENTS[] = {
  "a", "address", "article", "aside", "b", "blockquote", "body", "details", "dialog", "div",
  "dl", "em", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hr", "html", "i", "img", "li", "main", "nav", "ol", "p", "pre", "script",
  "section", "span", "strong", "style", "table", "ul", NULL
};

/* An XML document: a declaration, or one element that is the whole file
 * and is not HTML. */
static gboolean
is_xml (const char *text,
        gsize       len)
{
  g_autofree char *name = NULL;
  g_autofree char *close = NULL;
  gsize n = 0, end = len;

  if (g_str_has_prefix (text, "<?xml"))
    return TRUE;
  if (text[0] != '<' || !g_ascii_isalpha (text[1]))
    return FALSE;
  while (n + 1 < len && (g_ascii_isalnum (text[n + 1]) || strchr (":_.-", text[n + 1]) != NULL))
    n++;
  name = g_strndup (text + 1, n);
  {
    g_autofree char *lower = g_ascii_strdown (name, -1);

    if (g_strv_contains (HTML_ELEMENTS, lower))
      return FALSE;
  }
  while (end > 0 && g_ascii_isspace (text[end - 1]))
    end--;
  close = g_strdup_printf ("</%s>", name);
  return end >= strlen (close) && memcmp (text + end - strlen (close), close, strlen (close)) == 0;
}

/* Files no importer reads yet are refused by what they hold, whatever
 * their name says: read as Markdown, a JSON or XML file would become one
 * long story titled after the file, and a word processor's zip archive
 * an error about its bytes. */
static gboolean
check_format (const char  *data,
              gsize        len,
              GError     **error)
{
  const char *what = NULL;
  gsize blank = 0;

  while (blank < len && g_ascii_isspace (data[blank]))
    blank++;

  if (len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      if (contains (data, len, "word/"))
        what = _("a word-processor file (DOCX)");
      else if (contains (data, len, "application/vnd.oasis.opendocument"))
        what = _("a word-processor file (OpenDocument)");
      else
        what = _("a zip archive");
    }
  else if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    what = _("a PDF file");
  else if (len - blank >= 5 && memcmp (data + blank, "{\\rtf", 5) == 0)
    what = _("a word-processor file (RTF)");
  else if (blank < len && (data[blank] == '{' || data[blank] == '['))
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      /* A Markdown story may well start with a "[link]", so only what
       * parses as JSON is JSON. */
      if (json_parser_load_from_data (parser, data + blank, len - blank, NULL))
        what = _("a JSON file");
    }
  else if (blank < len && data[blank] == '<' && memchr (data, '\0', len) == NULL)
    {
      g_autofree char *text = g_strndup (data + blank, len - blank);

      if (is_xml (text, len - blank))
        what = _("an XML file");
    }

  if (what == NULL)
    return TRUE;
  g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FORMAT,
               /* TRANSLATORS: %s is "a JSON file", "an XML file", "a word-processor file (DOCX)"… */
               _("it is %s; Lede imports Markdown and plain text"), what);
  return FALSE;
}

static gboolean
is_plain_text (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text");
}

/* Whether @text has old Mac line ends: its first line ends in a lone "\r".
 * A Markdown file whose first line ends in "\n" keeps any "\r" inside it
 * (a kept front-matter value may hold one), so it still reads back as it
 * was written. */
static gboolean
has_old_mac_line_ends (const char *text)
{
  const char *end = text + strcspn (text, "\r\n");

  return end[0] == '\r' && end[1] != '\n';
}

/* "\r\n" and a lone "\r" as "\n". */
static char *
with_unix_line_ends (const char *text)
{
  GString *fixed = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (fixed, *p == '\r' ? '\n' : *p);
    }
  return g_string_free (fixed, FALSE);
}

/* The first line is the headline, the next paragraph the standfirst, then
 * the body's paragraphs; a last line "Tags: a, b" gives the tags. */
static void
parse_plain_text (const char   *text,
                  LedeArticle  *article,
                  GStrvBuilder *tags)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) paragraph = g_string_new (NULL);
  g_autoptr (GString) body = g_string_new (NULL);
  guint n;

  /* Windows ("\r\n") and old Mac ("\r") line ends become "\n". */
  {
    g_autofree char *fixed = with_unix_line_ends (text);

    lines = g_strsplit (fixed, "\n", -1);
  }

  for (guint i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        {
          if (paragraph->len > 0)
            g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
          g_string_truncate (paragraph, 0);
          continue;
        }
      /* The headline is one line whatever follows it. */
      if (paragraphs->len == 0 && paragraph->len > 0)
        {
          g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
          g_string_truncate (paragraph, 0);
        }
      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, lines[i]);
    }
  if (paragraph->len > 0)
    g_ptr_array_add (paragraphs, g_strdup (paragraph->str));

  n = paragraphs->len;
  if (n > 1 && strchr (g_ptr_array_index (paragraphs, n - 1), '\n') == NULL &&
      g_ascii_strncasecmp (g_ptr_array_index (paragraphs, n - 1), "tags:", 5) == 0)
    {
      g_auto (GStrv) parts = g_strsplit ((char *)g_ptr_array_index (paragraphs, n - 1) + 5, ",", -1);
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          g_strv_builder_add (tags, parts[i]);
      n--;
    }

  if (n > 0)
    lede_article_set_headline (article, g_strstrip ((char *)g_ptr_array_index (paragraphs, 0)));
  if (n > 1)
    {
      g_autofree char *standfirst = g_strdelimit (g_strdup (g_ptr_array_index (paragraphs, 1)), "\n", ' ');
      lede_article_set_standfirst (article, g_strstrip (standfirst));
    }
  /* The body is every paragraph after the headline and standfirst. */
  for (guint i = 2; i < n; i++)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, g_ptr_array_index (paragraphs, i));
    }
  if (body->len > 0)
    g_string_append_c (body, '\n');
  lede_article_set_body (article, body->str);
}

/* Markdown: optional front matter between "---" lines, then the body. With
 * no title in front matter, a first "# Heading" line is the headline. */
static gboolean
parse_markdown (const char   *text,
                LedeArticle  *article,
                GStrvBuilder *tags,
                gboolean     *has_title,
                GError      **error)
{
  g_autoptr (GError) yaml_error = NULL;
  const char *body = text;
  g_autofree char *kept = NULL;
  gsize length;

  if (g_str_has_prefix (text, "---\n") || g_str_has_prefix (text, "---\r\n"))
    {
      const char *yaml = strchr (text, '\n') + 1;
      const char *close = NULL;

      for (const char *line = yaml; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
        if ((g_str_has_prefix (line, "---") || g_str_has_prefix (line, "...")) &&
            (line[3] == '\n' || line[3] == '\r' || line[3] == '\0'))
          {
            close = line;
            break;
          }
      if (close == NULL)
        {
          g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                       _("The front matter opened with “---” on line 1 is never closed: "
                         "add a “---” line after it"));
          return FALSE;
        }
      if (!lede_front_matter_read (yaml, close - yaml, article, tags, has_title, &yaml_error))
        {
          /* To the importer's callers, a front matter error is the file's. */
          g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER, yaml_error->message);
          return FALSE;
        }
      body = strchr (close, '\n');
      body = body ? body + 1 : close + 3;
      /* The blank line written after the front matter is not the body's. */
      if (*body == '\n')
        body++;
      else if (body[0] == '\r' && body[1] == '\n')
        body += 2;
    }

  /* Only with no "title" at all: an empty one is an empty headline. */
  if (!*has_title && g_str_has_prefix (body, "# "))
    {
      const char *end = strchr (body, '\n');
      g_autofree char *headline = g_strndup (body + 2, end ? (gsize)(end - body - 2) : strlen (body + 2));

      lede_article_set_headline (article, g_strstrip (headline));
      body = end ? end + 1 : body + strlen (body);
      while (*body == '\n')
        body++;
    }
  /* The corrections note export wrote after the body is the front
   * matter's log again, not the story's words. */
  length = lede_front_matter_strip_corrections_note (body, lede_article_get_corrections (article),
                                                     lede_article_get_language (article));
  kept = g_strndup (body, length);
  lede_article_set_body (article, kept);
  return TRUE;
}

/* The name of an XML document's root element, without its prefix: after
 * the declaration, comments, processing instructions and a DOCTYPE. Any
 * encoding that keeps ASCII as it is will do. %NULL when @data does not
 * start as XML. */
static char *
xml_root_name (const char *data,
               gsize       len)
{
  const char *p = data, *end = data + len;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p < 2 || *p != '<')
        return NULL;
      if (p[1] == '?' || p[1] == '!')
        {
          const char *close = p[1] == '!' && end - p >= 4 && memcmp (p, "<!--", 4) == 0
                                ? g_strstr_len (p, end - p, "-->") : memchr (p, '>', end - p);

          /* A comment's close is "-->": its last character. */
          if (close && close[0] == '-')
            close += 2;

          if (close == NULL)
            return NULL;
          /* A DOCTYPE with an internal subset ends at "]>". */
          if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
            {
              const char *bracket = memchr (p, '[', close - p);

              if (bracket && !(close = g_strstr_len (bracket, end - bracket, "]>")))
                return NULL;
              if (bracket)
                close++;
            }
          p = close + 1;
          continue;
        }
      {
        const char *name = p + 1, *stop = name, *colon;

        while (stop < end && (g_ascii_isalnum (*stop) || strchr (":_.-", *stop) != NULL))
          stop++;
        if (stop == name)
          return NULL;
        colon = memchr (name, ':', stop - name);
        if (colon)
          name = colon + 1;
        return g_strndup (name, stop - name);
      }
    }
}

/* A wire reader's refusal as the importer's, naming the format. */
static void
wire_error (GError     **error,
            const char  *format,
            GError      *wire_error)
{
  g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_WIRE,
               /* TRANSLATORS: "it is NewsML-G2, but it is not well-formed XML at line 3: …" */
               _("it is %s, but %s"), format, wire_error->message);
}

/* XML already made UTF-8 here: its declaration would name the encoding it
 * was in, and the parser would read it as that again. */
static const char *
skip_xml_declaration (const char *data,
                      gsize      *len)
{
  const char *close;

  if (*len < 5 || memcmp (data, "<?xml", 5) != 0 || !(close = memchr (data, '>', *len)))
    return data;
  *len -= close + 1 - data;
  return close + 1;
}

/* One of the wire formats, by what the file holds; %NULL for none. */
static LedeArticle *
read_wire (const char   *data,
           gsize         len,
           gboolean      converted,
           const char  **is_wire,
           char       ***tags,
           LedeWire    **wire,
           GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *root = xml_root_name (data, len);
  gsize blank = 0;
  LedeArticle *article = NULL;
  const char *format = NULL;

  *is_wire = NULL;
  /* @data need not end in a NUL. */
  while (blank < len && data[blank] != '\0' && strchr (" \t\r\n", data[blank]) != NULL)
    blank++;
  if (root && (lede_newsml_reader_sniff (root) || lede_nitf_reader_sniff (root)))
    {
      const char *xml = converted ? skip_xml_declaration (data, &len) : data;

      if (lede_newsml_reader_sniff (root))
        format = "NewsML-G2", article = lede_newsml_reader_read (xml, len, tags, wire, &local_error);
      else
        format = "NITF", article = lede_nitf_reader_read (xml, len, tags, wire, &local_error);
      *is_wire = format;
    }
  else if (blank < len && data[blank] == '{' && g_utf8_validate_len (data, len, NULL) && memchr (data, '\0', len) == NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, data + blank, len - blank, NULL) &&
          lede_ninjs_reader_sniff (json_parser_get_root (parser)))
        {
          *is_wire = format = "ninjs";
          article = lede_ninjs_reader_read (data + blank, len - blank, tags, wire, &local_error);
        }
    }
  if (*is_wire && article == NULL)
    wire_error (error, format, local_error);
  return article;
}

/**
 * lede_import_parse_full:
 * @name: the file's name: ".txt" and ".text" are plain text, the rest
 *   Markdown, unless what it holds is a wire format
 * @encoding: (nullable): the encoding to read it as, or %NULL for UTF-8
 *   (UTF-16 with a byte order mark, Windows-1252 when it cannot be UTF-8)
 * @tags: (out) (transfer full): the story's tags
 * @wire: (out) (transfer full) (nullable): the story's wire identity,
 *   when it came from one
 * @read_as: (out) (transfer full) (nullable): the encoding it was read as,
 *   when not UTF-8
 * @format: (out) (optional): what it was read as: "Markdown", "plain
 *   text", "ninjs", "NewsML-G2" or "NITF"
 *
 * Returns: (transfer full): the story, not yet in any library, or %NULL
 *   with @error saying what is wrong and where
 */
LedeArticle *
lede_import_parse_full (const char   *name,
                        const char   *data,
                        gsize         len,
                        const char   *encoding,
                        char       ***tags,
                        LedeWire    **wire,
                        char        **read_as,
                        const char  **format,
                        GError      **error)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autoptr (GError) encoding_error = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *text = NULL;
  const char *converted_from = NULL;
  gboolean has_title = FALSE;
  const char *is_wire = NULL;
  gsize converted_len = 0;

  g_return_val_if_fail (tags != NULL, NULL);
  g_return_val_if_fail (wire != NULL, NULL);

  *wire = NULL;
  if (read_as)
    *read_as = NULL;
  if (encoding != NULL && *encoding != '\0')
    {
      converted = lede_text_encoding_convert (data, len, encoding, &converted_len, &encoding_error);
      converted_from = encoding;
    }
  else
    converted = lede_text_encoding_from_bom (data, len, &converted_len, &converted_from, &encoding_error);
  if (encoding_error != NULL)
    {
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_NOT_UTF8, encoding_error->message);
      return NULL;
    }
  if (converted != NULL)
    data = converted, len = converted_len;

  if (len >= 3 && memcmp (data, BOM, 3) == 0)
    data += 3, len -= 3;

  /* XML wire copy first, before any guess at the encoding: its own
   * declaration names it. */
  {
    g_autofree char *root = xml_root_name (data, len);

    if (root && (lede_newsml_reader_sniff (root) || lede_nitf_reader_sniff (root)))
      {
        LedeArticle *wire_article = read_wire (data, len, converted != NULL, &is_wire, tags, wire, error);

        if (wire_article && read_as && converted_from)
          *read_as = g_strdup (converted_from);
        if (format)
          *format = is_wire;
        return wire_article;
      }
  }

  /* Not UTF-8 and nothing in it that is: an old desk's Windows-1252. */
  if (converted == NULL && !g_utf8_validate_len (data, len, NULL) && memchr (data, '\0', len) == NULL &&
      !lede_text_encoding_has_utf8_sequence (data, len))
    {
      if (!(converted = lede_text_encoding_from_windows_1252 (data, len, &converted_len, &encoding_error)))
        {
          g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_NOT_UTF8, encoding_error->message);
          return NULL;
        }
      data = converted, len = converted_len;
      converted_from = "Windows-1252";
    }

  {
    LedeArticle *wire_article = read_wire (data, len, converted != NULL, &is_wire, tags, wire, error);

    if (is_wire)
      {
        if (wire_article && read_as && converted_from)
          *read_as = g_strdup (converted_from);
        if (format)
          *format = is_wire;
        return wire_article;
      }
  }

  if (!check_format (data, len, error) || !check_text (data, len, error))
    return NULL;
  text = g_strndup (data, len);
  if (strspn (text, " \t\r\n") == strlen (text))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EMPTY, _("It is empty"));
      return NULL;
    }

  /* A Markdown file from an old Mac is read as its plain-text cousin is:
   * with "\n" line ends, so its front matter is found and its body is
   * lines, not one long line. */
  if (!is_plain_text (name) && has_old_mac_line_ends (text))
    {
      char *fixed = with_unix_line_ends (text);

      g_free (text);
      text = fixed;
    }

  if (is_plain_text (name))
    parse_plain_text (text, article, tag_builder);
  else if (!parse_markdown (text, article, tag_builder, &has_title, error))
    return NULL;

  if (!has_title && *lede_article_get_headline (article) == '\0')
    {
      g_autofree char *base = g_path_get_basename (name);
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      lede_article_set_headline (article, base);
    }
  /* A story from the wire exported as Markdown elsewhere is that wire
   * story still, unless it is this library's own (its uuid says so). */
  if (*lede_article_get_uuid (article) == '\0')
    *wire = lede_wire_from_front_matter (lede_article_get_extra_front_matter (article));
  if (read_as && converted_from)
    *read_as = g_strdup (converted_from);
  if (format)
    *format = is_plain_text (name) ? "plain text" : "Markdown";
  *tags = g_strv_builder_end (tag_builder);
  return g_steal_pointer (&article);
}

/**
 * lede_import_parse:
 * @name: the file's name: ".txt" and ".text" are plain text, the rest Markdown
 * @tags: (out) (transfer full): the story's tags
 *
 * lede_import_parse_full() in UTF-8 (or what it finds), its wire identity
 * left out.
 *
 * Returns: (transfer full): the story, not yet in any library, or %NULL
 *   with @error saying what is wrong and where
 */
LedeArticle *
lede_import_parse (const char   *name,
                   const char   *data,
                   gsize         len,
                   char       ***tags,
                   GError      **error)
{
  g_autoptr (LedeWire) wire = NULL;

  return lede_import_parse_full (name, data, len, NULL, tags, &wire, NULL, NULL, error);
}
