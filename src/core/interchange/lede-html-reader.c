/* lede-html-reader.c: HTML read into a story's Markdown.
 *
 * The one reader of HTML bodies: wire copy (ninjs, NewsML-G2, NITF) and
 * WordPress drafts. libxml2's HTML parser reads the markup as a browser
 * would (unclosed paragraphs, stray end tags); the tree is then written as
 * CommonMark: paragraphs, headings, emphasis, links, lists, quotations,
 * code, rules, images and figures (the picture, then its caption in
 * italics). What Markdown cannot say (tables, embeds, video, elements with
 * no Markdown of their own) is kept as raw HTML, a block or inline, never
 * dropped: the writer decides what to do with it.
 *
 * Text is escaped so that it reads back as the same text, not as markup.
 * Whitespace collapses as a browser collapses it. libxml2 reads elements
 * at most 256 deep (deeper, it stops reading); such a document is refused
 * whole, so the walk below recurses at most that deep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-html-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "lede-html-reader.h"

G_DEFINE_QUARK (lede-html-reader-error-quark, lede_html_reader_error)

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *)node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Containers read through: their children are the story's blocks. */
static const char * const TRANSPARENT[] = {
  "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav",
  "hgroup", "center", "span", "font", NULL
};

/* Blocks with Markdown of their own. */
static const char * const BLOCKS[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre", "hr", "figure",
  "figcaption", "li", NULL
};

/* Embeds and the like, kept raw as blocks of their own whatever HTML 4
 * (libxml2's table) says of them. */
static const char * const RAW_BLOCKS[] = {
  "video", "audio", "iframe", "object", "embed", "canvas", "svg", "math", "picture", "script",
  "noscript", "template", "form", "table", NULL
};

/* Inline elements with Markdown of their own. */
static const char * const INLINES[] = {
  "a", "em", "i", "strong", "b", "code", "tt", "br", "img", "del", "s", "strike", NULL
};

/* HTML blocks CommonMark reads by their start tag alone (its kinds 1 and
 * 6): anything else kept raw is wrapped in a <div> to stay one block. */
static const char * const COMMONMARK_HTML_BLOCKS[] = {
  "script", "pre", "style", "textarea", "address", "article", "aside", "blockquote", "body",
  "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
  "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main",
  "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section",
  "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track",
  "ul", NULL
};

/* Whether @node sits in a paragraph's run of text. */
static gboolean
is_inline (xmlNode *node)
{
  const htmlElemDesc *desc;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE ||
      node->type == XML_ENTITY_REF_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (is_one_of (node, INLINES) || is (node, "span") || is (node, "font"))
    return TRUE;
  if (is_one_of (node, TRANSPARENT) || is_one_of (node, BLOCKS) || is_one_of (node, RAW_BLOCKS))
    return FALSE;
  desc = htmlTagLookup (node->name);
  /* An element HTML does not know is inline, as a browser shows it. */
  return desc == NULL || desc->isinline;
}

/* A comment or an element as HTML, exactly as the parser read it. */
static char *
dump_html (xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *html;

  htmlNodeDump (buffer, node->doc, node);
  html = g_strndup ((const char *)xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return html;
}

/* Raw HTML with no blank line inside it, which would end its block. */
static char *
without_blank_lines (const char *html)
{
  g_auto (GStrv) lines = g_strsplit (html, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][strspn (lines[i], " \t\r")] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* Whether "&…;" at @p would read as an entity. */
static gboolean
looks_like_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    q++;
  if (!g_ascii_isalnum (*q))
    return FALSE;
  while (g_ascii_isalnum (*q))
    q++;
  return *q == ';';
}

/* Text as Markdown that reads back as the same text. Runs of whitespace
 * become one space, as a browser shows them. */
static void
append_text (GString    *out,
             const char *text,
             gboolean    raw)
{
  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          else if (out->len == 0)
            g_string_append_c (out, ' ');
          continue;
        }
      if (!raw && (strchr ("\\`*_[]<|~", c) != NULL || (c == '&' && looks_like_entity (p))))
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

/* An attribute's value inside double quotes. */
static void
append_attribute_value (GString    *out,
                        const char *value)
{
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "&quot;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '\n': g_string_append (out, "&#10;"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
append_start_tag (GString *out,
                  xmlNode *node)
{
  g_string_append_printf (out, "<%s", (const char *)node->name);
  for (xmlAttr *attribute = node->properties; attribute; attribute = attribute->next)
    {
      xmlChar *value = xmlNodeListGetString (node->doc, attribute->children, 1);

      g_string_append_printf (out, " %s=\"", (const char *)attribute->name);
      append_attribute_value (out, value ? (const char *)value : "");
      g_string_append_c (out, '"');
      xmlFree (value);
    }
  g_string_append_c (out, '>');
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = g_strdup (value ? (const char *)value : "");

  xmlFree (value);
  return copy;
}

/* A link's or image's address: no space, and its parentheses escaped. */
static void
append_destination (GString    *out,
                    const char *url)
{
  for (const char *p = url; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        g_string_append (out, "%20");
      else if (*p == '<')
        g_string_append (out, "%3C");
      else if (*p == '>')
        g_string_append (out, "%3E");
      else
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

static void
append_title (GString    *out,
              const char *title)
{
  if (*title == '\0')
    return;
  g_string_append (out, " \"");
  for (const char *p = title; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
  g_string_append_c (out, '"');
}

static void append_inlines (GString *out, xmlNode *first, xmlNode *stop, gboolean one_line);

/* Emphasis and the like: spaces go outside the marks, which could not
 * open or close next to them, and empty emphasis is no mark at all. */
static void
append_marked (GString    *out,
               xmlNode    *node,
               const char *mark,
               gboolean    one_line)
{
  g_autoptr (GString) inner = g_string_new (NULL);
  gsize start = 0, end;

  append_inlines (inner, node->children, NULL, one_line);
  end = inner->len;
  while (start < end && (inner->str[start] == ' ' || inner->str[start] == '\n'))
    start++;
  while (end > start && (inner->str[end - 1] == ' ' || inner->str[end - 1] == '\n') &&
         !(end >= 2 && inner->str[end - 2] == '\\'))
    end--;
  if (start > 0 && (out->len == 0 || out->str[out->len - 1] != ' '))
    g_string_append_c (out, ' ');
  if (end > start)
    {
      g_string_append (out, mark);
      g_string_append_len (out, inner->str + start, end - start);
      g_string_append (out, mark);
    }
  if (end < inner->len)
    g_string_append_c (out, ' ');
}

static void
append_code (GString *out,
             xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *text = g_strdup (content ? (const char *)content : "");
  guint longest = 0, run = 0;
  g_autofree char *fence = NULL;
  gboolean pad;

  xmlFree (content);
  g_strdelimit (text, "\n\r", ' ');
  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  if (*text == '\0')
    return;
  fence = g_strnfill (longest + 1, '`');
  pad = text[0] == '`' || text[strlen (text) - 1] == '`' ||
        (text[0] == ' ' && text[strlen (text) - 1] == ' ' && text[strspn (text, " ")] != '\0');
  g_string_append_printf (out, "%s%s%s%s%s", fence, pad ? " " : "", text, pad ? " " : "", fence);
}

static void
append_image (GString *out,
              xmlNode *node)
{
  g_autofree char *alt = get_attribute (node, "alt");
  g_autofree char *src = get_attribute (node, "src");
  g_autofree char *title = get_attribute (node, "title");

  g_string_append (out, "![");
  append_text (out, alt, FALSE);
  g_string_append (out, "](");
  append_destination (out, src);
  append_title (out, title);
  g_string_append_c (out, ')');
}

/* One inline node. @one_line: a heading's, where a line break is a space. */
static void
append_inline (GString  *out,
               xmlNode  *node,
               gboolean  one_line)
{
  switch (node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      append_text (out, (const char *)node->content, FALSE);
      return;
    case XML_COMMENT_NODE:
      {
        g_autofree char *html = dump_html (node);
        g_autofree char *kept = without_blank_lines (html);

        g_string_append (out, kept);
      }
      return;
    case XML_ELEMENT_NODE:
      break;
    default:
      return;
    }

  if (is (node, "em") || is (node, "i"))
    append_marked (out, node, "*", one_line);
  else if (is (node, "strong") || is (node, "b"))
    append_marked (out, node, "**", one_line);
  else if (is (node, "del") || is (node, "s") || is (node, "strike"))
    append_marked (out, node, "~~", one_line);
  else if (is (node, "code") || is (node, "tt"))
    append_code (out, node);
  else if (is (node, "img"))
    append_image (out, node);
  else if (is (node, "br"))
    {
      /* A hard break: a backslash at the end of the line. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append (out, one_line ? " " : "\\\n");
    }
  else if (is (node, "a") && xmlHasProp (node, (const xmlChar *)"href"))
    {
      g_autofree char *href = get_attribute (node, "href");
      g_autofree char *title = get_attribute (node, "title");

      g_string_append_c (out, '[');
      append_inlines (out, node->children, NULL, TRUE);
      g_string_append (out, "](");
      append_destination (out, href);
      append_title (out, title);
      g_string_append_c (out, ')');
    }
  else if (is_one_of (node, TRANSPARENT) || is_one_of (node, BLOCKS))
    {
      /* A block inside a run of text (a <div> in a link): its text, as a
       * browser would show it inline. */
      g_string_append_c (out, ' ');
      append_inlines (out, node->children, NULL, one_line);
      g_string_append_c (out, ' ');
    }
  else if (is_inline (node))
    {
      const htmlElemDesc *desc = htmlTagLookup (node->name);

      /* <sup>, <u>, <abbr>…: kept as they are, their text still Markdown. */
      append_start_tag (out, node);
      if (desc == NULL || !desc->empty)
        {
          append_inlines (out, node->children, NULL, one_line);
          g_string_append_printf (out, "</%s>", (const char *)node->name);
        }
    }
  else
    {
      g_autofree char *html = dump_html (node);
      g_autofree char *kept = without_blank_lines (html);

      g_string_append (out, kept);
    }
}

static void
append_inlines (GString  *out,
                xmlNode  *first,
                xmlNode  *stop,
                gboolean  one_line)
{
  for (xmlNode *node = first; node && node != stop; node = node->next)
    append_inline (out, node, one_line);
}

/* Whether a line would open one of CommonMark's HTML blocks (kinds 1 to
 * 6), which can interrupt a paragraph and would take the paragraph's
 * Markdown for raw HTML. */
static gboolean
opens_html_block (const char *line)
{
  static const char * const kind_1[] = { "script", "pre", "style", "textarea", NULL };
  const char *name = line + 1;
  gsize length;

  if (line[0] != '<')
    return FALSE;
  if (g_str_has_prefix (line, "<!--") || line[1] == '?' || g_str_has_prefix (line, "<![CDATA[") ||
      (line[1] == '!' && g_ascii_isalpha (line[2])))
    return TRUE;
  if (*name == '/')
    name++;
  length = strspn (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  if (length == 0 || (name[length] != '\0' && name[length] != ' ' && name[length] != '\t' &&
                      name[length] != '>' && !(name[length] == '/' && name[length + 1] == '>')))
    return FALSE;
  {
    g_autofree char *tag = g_ascii_strdown (name, length);

    return g_strv_contains (COMMONMARK_HTML_BLOCKS, tag) ||
           (name == line + 1 && g_strv_contains (kind_1, tag));
  }
}

/* Whether @text ends in a hard break ("\\" and a line break, the
 * backslash not itself escaped). */
static gboolean
ends_in_break (GString *text)
{
  gsize backslashes = 0;

  if (text->len < 2 || text->str[text->len - 1] != '\n')
    return FALSE;
  while (backslashes + 1 < text->len && text->str[text->len - 2 - backslashes] == '\\')
    backslashes++;
  return backslashes % 2 == 1;
}

/* A paragraph's lines: spaces and breaks at its ends trimmed, and what
 * would open a block at a line's start (a heading, a quotation, a list, a
 * rule) escaped. */
static char *
finish_paragraph (const char *text)
{
  g_autoptr (GString) trimmed = g_string_new (text);
  g_auto (GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  for (;;)
    {
      if (trimmed->len > 0 && trimmed->str[trimmed->len - 1] == ' ')
        g_string_truncate (trimmed, trimmed->len - 1);
      else if (ends_in_break (trimmed))
        g_string_truncate (trimmed, trimmed->len - 2);
      else
        break;
    }
  for (;;)
    {
      if (trimmed->str[0] == ' ')
        g_string_erase (trimmed, 0, 1);
      else if (g_str_has_prefix (trimmed->str, "\\\n"))
        g_string_erase (trimmed, 0, 2);
      else
        break;
    }

  lines = g_strsplit (trimmed->str, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " ");
      gsize length = strlen (line);
      gsize digits = strspn (line, "0123456789");

      /* Spaces before a break's backslash are nothing. */
      while (length > 1 && line[length - 1] == '\\' && line[length - 2] == ' ')
        {
          memmove ((char *)line + length - 2, line + length - 1, 2);
          length--;
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      /* Raw HTML that would open a block becomes text here: kept, and
         * the paragraph's Markdown with it. */
      if (length > 0 && (strchr ("#>-+=", line[0]) != NULL || opens_html_block (line)))
        g_string_append_c (out, '\\');
      else if (digits > 0 && digits < 10 && (line[digits] == '.' || line[digits] == ')'))
        {
          g_string_append_len (out, line, digits);
          g_string_append_c (out, '\\');
          line += digits;
          length -= digits;
        }
      g_string_append_len (out, line, length);
    }
  return g_string_free (out, FALSE);
}

/* Each block is added with a blank line before it. */
static void
add_block (GString    *out,
           const char *block,
           gboolean    tight)
{
  if (*block == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, tight ? "\n" : "\n\n");
  g_string_append (out, block);
}

/* Every line of @text after @first_prefix's line with @prefix. */
static char *
prefix_lines (const char *text,
              const char *first_prefix,
              const char *prefix,
              const char *blank_prefix)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (*lines[i] == '\0')
        g_string_append (out, i == 0 ? first_prefix : blank_prefix);
      else
        g_string_append_printf (out, "%s%s", i == 0 ? first_prefix : prefix, lines[i]);
    }
  /* Trailing spaces of a prefix on an empty line would be a hard break. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

typedef struct
{
  char bullet;   /* the last bullet list's mark, so the next is another list */
  char ordered;  /* likewise "." or ")" */
} Marks;

static char *read_blocks (xmlNode *first, gboolean tight);

/* @node alone as blocks, without its siblings. */
static char *
read_one (xmlNode  *node,
          gboolean  tight)
{
  xmlNode *next = node->next;
  char *blocks;

  node->next = NULL;
  blocks = read_blocks (node, tight);
  node->next = next;
  return blocks;
}

static char *
read_paragraph (xmlNode *first,
                xmlNode *stop)
{
  g_autoptr (GString) text = g_string_new (NULL);

  append_inlines (text, first, stop, FALSE);
  return finish_paragraph (text->str);
}

static char *
read_heading (xmlNode *node)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *line = NULL;
  int level = node->name[1] - '0';
  GString *out = g_string_new (NULL);

  append_inlines (text, node->children, NULL, TRUE);
  line = g_strstrip (g_strdup (text->str));
  g_string_append_len (out, "######", level);
  if (*line)
    {
      g_string_append_c (out, ' ');
      /* A closing run of "#" would be read as the heading's end. */
      if (line[strlen (line) - 1] == '#')
        {
          g_string_append_len (out, line, strlen (line) - 1);
          g_string_append (out, "\\#");
        }
      else
        g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static char *
read_code_block (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *text = g_strdup (content ? (const char *)content : "");
  g_autofree char *info = NULL;
  guint longest = 0, run = 0;
  g_autofree char *fence = NULL;

  xmlFree (content);
  for (xmlNode *child = node->children; child; child = child->next)
    if (is (child, "code"))
      {
        g_autofree char *class = get_attribute (child, "class");

        if (g_str_has_prefix (class, "language-"))
          info = g_strndup (class + 9, strcspn (class + 9, " `"));
      }
  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  fence = g_strnfill (MAX (3, longest + 1), '`');
  return g_strdup_printf ("%s%s\n%s%s%s", fence, info ? info : "", text,
                          *text && text[strlen (text) - 1] != '\n' ? "\n" : "", fence);
}

static char *
read_list (xmlNode *node,
           Marks   *marks)
{
  gboolean ordered = is (node, "ol");
  gboolean loose = FALSE;
  GString *out = g_string_new (NULL);
  char mark;
  long number = 1;

  if (ordered)
    {
      g_autofree char *start = get_attribute (node, "start");

      if (*start)
        number = CLAMP (g_ascii_strtoll (start, NULL, 10), 0, 999999999);
      mark = marks->ordered == '.' ? ')' : '.';
      marks->ordered = mark;
    }
  else
    {
      mark = marks->bullet == '-' ? '*' : '-';
      marks->bullet = mark;
    }

  /* Loose when an item holds a paragraph of its own, as cmark writes it. */
  for (xmlNode *item = node->children; item; item = item->next)
    for (xmlNode *child = item->children; child && is (item, "li"); child = child->next)
      if (is (child, "p"))
        loose = TRUE;

  for (xmlNode *item = node->children; item; item = item->next)
    {
      g_autofree char *content = NULL;
      g_autofree char *marker = NULL;
      g_autofree char *indent = NULL;
      g_autofree char *entry = NULL;

      if (item->type == XML_TEXT_NODE && item->content[strspn ((const char *)item->content, " \t\r\n")] == '\0')
        continue;
      /* Text or an element straight inside the list is an item too. */
      content = is (item, "li") ? read_blocks (item->children, !loose) : read_one (item, !loose);
      marker = ordered ? g_strdup_printf ("%ld%c ", number++, mark) : g_strdup_printf ("%c ", mark);
      indent = g_strnfill (strlen (marker), ' ');
      entry = *content ? prefix_lines (content, marker, indent, "") : g_strndup (marker, strlen (marker) - 1);
      add_block (out, entry, !loose);
    }
  return g_string_free (out, FALSE);
}

static char *
read_figure (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree char *block = NULL;

      if (is (child, "figcaption"))
        {
          g_autoptr (GString) caption = g_string_new (NULL);
          g_autofree char *text = NULL;

          /* "_", so emphasis inside the caption ("*") nests in it. */
          append_marked (caption, child, "_", FALSE);
          text = finish_paragraph (caption->str);
          add_block (out, text, FALSE);
          continue;
        }
      if (child->type == XML_TEXT_NODE && child->content[strspn ((const char *)child->content, " \t\r\n")] == '\0')
        continue;
      block = read_one (child, FALSE);
      add_block (out, block, FALSE);
    }
  return g_string_free (out, FALSE);
}

static char *
read_raw_block (xmlNode *node)
{
  g_autofree char *html = dump_html (node);
  g_autofree char *kept = without_blank_lines (g_strstrip (html));

  if (node->type == XML_COMMENT_NODE || is_one_of (node, COMMONMARK_HTML_BLOCKS))
    return g_steal_pointer (&kept);
  return g_strdup_printf ("<div>\n%s\n</div>", kept);
}

/* The blocks of a run of sibling nodes from @first. Runs of inline nodes
 * are paragraphs. @tight: joined by line breaks (a tight list's item). */
static char *
read_blocks (xmlNode  *first,
             gboolean  tight)
{
  GString *out = g_string_new (NULL);
  Marks marks = { 0, 0 };

  for (xmlNode *node = first; node; )
    {
      g_autofree char *block = NULL;
      gboolean list = FALSE;

      /* Spaces between blocks are nothing. */
      if (node->type == XML_TEXT_NODE && node->content[strspn ((const char *)node->content, " \t\r\n\f")] == '\0')
        {
          node = node->next;
          continue;
        }
      if (is_inline (node))
        {
          xmlNode *stop = node;

          while (stop && (is_inline (stop) || stop->type == XML_COMMENT_NODE))
            stop = stop->next;
          block = read_paragraph (node, stop);
          node = stop;
          add_block (out, block, tight);
          continue;
        }

      if (node->type == XML_COMMENT_NODE)
        block = read_raw_block (node);
      else if (node->type != XML_ELEMENT_NODE || is (node, "head"))
        ;
      else if (is (node, "p"))
        block = read_paragraph (node->children, NULL);
      else if (node->name[0] != '\0' && (node->name[0] == 'h' || node->name[0] == 'H') &&
               node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0')
        block = read_heading (node);
      else if (is (node, "blockquote"))
        {
          g_autofree char *inner = read_blocks (node->children, FALSE);

          block = prefix_lines (inner, "> ", "> ", ">");
        }
      else if (is (node, "ul") || is (node, "ol"))
        {
          block = read_list (node, &marks);
          list = TRUE;
        }
      else if (is (node, "pre"))
        block = read_code_block (node);
      else if (is (node, "hr"))
        block = g_strdup ("---");
      else if (is (node, "figure"))
        block = read_figure (node);
      else if (is (node, "li") || is (node, "figcaption") || is_one_of (node, TRANSPARENT))
        block = read_blocks (node->children, tight);
      else
        block = read_raw_block (node);

      if (!list)
        marks = (Marks) { 0, 0 };
      if (block)
        add_block (out, block, tight);
      node = node->next;
    }
  return g_string_free (out, FALSE);
}

/* libxml2's structured errors, collected instead of printed. */
static void
note_error (void        *user_data,
            xmlError    *error)
{
  gboolean *too_deep = user_data;

  if (error->code == XML_ERR_INTERNAL_ERROR && error->message && strstr (error->message, "depth") != NULL)
    *too_deep = TRUE;
}

/**
 * lede_html_reader_to_markdown:
 * @html: HTML, UTF-8: a fragment (a story's body) or a whole document
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Reads @html as a browser would and writes it as CommonMark: what
 * Markdown cannot say stays as raw HTML, a block or inline.
 *
 * Returns: (transfer full): the Markdown, ending in a line break unless
 *   empty; or %NULL with @error set: not UTF-8, or nested more than
 *   %LEDE_HTML_READER_MAX_DEPTH elements deep
 */
char *
lede_html_reader_to_markdown (const char  *html,
                              gssize       length,
                              GError     **error)
{
  htmlParserCtxt *context;
  xmlDoc *document;
  xmlNode *root;
  const char *end;
  gboolean too_deep = FALSE;
  g_autofree char *markdown = NULL;
  gsize len;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  len = length < 0 ? strlen (html) : (gsize)length;
  if (!g_utf8_validate_len (html, len, &end))
    {
      g_set_error (error, LEDE_HTML_READER_ERROR, LEDE_HTML_READER_ERROR_NOT_UTF8,
                   _("its HTML is not valid UTF-8 at byte %zu"), (gsize)(end - html) + 1);
      return NULL;
    }
  if (len > G_MAXINT)
    {
      g_set_error_literal (error, LEDE_HTML_READER_ERROR, LEDE_HTML_READER_ERROR_PARSE,
                           _("its HTML is too long to read"));
      return NULL;
    }
  /* @html need not end in a NUL: only its @len bytes are read. */
  {
    gsize blank = 0;

    while (blank < len && strchr (" \t\r\n", html[blank]) != NULL && html[blank] != '\0')
      blank++;
    if (blank == len)
      return g_strdup ("");
  }

  context = htmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error_literal (error, LEDE_HTML_READER_ERROR, LEDE_HTML_READER_ERROR_PARSE,
                           _("its HTML could not be read"));
      return NULL;
    }
  xmlSetStructuredErrorFunc (&too_deep, note_error);
  document = htmlCtxtReadMemory (context, html, (int)len, NULL, "UTF-8",
                                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_NODEFDTD);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (context->nodeNr > LEDE_HTML_READER_MAX_DEPTH || context->nameNr > LEDE_HTML_READER_MAX_DEPTH)
    too_deep = TRUE;
  htmlFreeParserCtxt (context);

  if (too_deep)
    {
      xmlFreeDoc (document);
      g_set_error (error, LEDE_HTML_READER_ERROR, LEDE_HTML_READER_ERROR_TOO_DEEP,
                   _("its HTML nests elements more than %d deep"), LEDE_HTML_READER_MAX_DEPTH);
      return NULL;
    }
  if (document == NULL)
    return g_strdup ("");

  /* From the document's first node: a comment before the first element
   * sits beside <html>, not in it. */
  root = document->children;
  markdown = root ? read_blocks (root, FALSE) : g_strdup ("");
  xmlFreeDoc (document);
  if (*markdown == '\0')
    return g_steal_pointer (&markdown);
  return g_strconcat (markdown, "\n", NULL);
}
