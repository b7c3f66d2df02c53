/* lede-grafs.c: a story's paragraphs as a newsroom counts them ("graf 7").
 *
 * A graf is a paragraph of prose, as CommonMark (and so the page) reads
 * one. Headings (ATX, or setext: a paragraph underlined with = or -), code
 * blocks (fenced, or indented four spaces), HTML blocks (which the page
 * drops) and rules are not grafs. The lines of one list item or quotation
 * count as the block they are: a list item is a graf, a heading is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-grafs.h"

/* A code block is indented this many columns more than the text it is in. */
#define CODE_INDENT 4

/* How an HTML block ends, by the kind that begins it (CommonMark's seven). */
typedef enum {
  HTML_NONE,
  HTML_RAW,         /* <script>, <pre>, <style>, <textarea>: at their end tag */
  HTML_COMMENT,     /* <!-- at --> */
  HTML_PROCESSING,  /* <? at ?> */
  HTML_DECLARATION, /* <!DOCTYPE at > */
  HTML_CDATA,       /* <![CDATA[ at ]]> */
  HTML_BLOCK_TAG,   /* <div> and the like: at a blank line */
  HTML_OTHER_TAG,   /* any other whole tag alone on its line: at a blank line */
} HtmlBlock;

typedef struct {
  gboolean  in_graf;       /* the line before belongs to a graf */
  gboolean  prose;         /* that graf is a plain paragraph: not a list item or quotation */
  char      fence;         /* in a fenced code block: its ` or ~, else 0 */
  gsize     fence_length;
  HtmlBlock html;          /* in an HTML block: how it ends */
  guint     list_indent;   /* where the open list item's text starts, in columns; 0 outside lists */
} Reader;

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* Columns of indentation (a tab to the next multiple of four) before the
 * first character that is not a space or tab, which *start is set to. */
static guint
indentation (const char *line,
             gsize       len,
             gsize      *start)
{
  guint columns = 0;
  gsize i = 0;

  for (; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
    columns = line[i] == '\t' ? columns + 4 - columns % 4 : columns + 1;
  *start = i;
  return columns;
}

/* Whether all of @line from @from is spaces and tabs (or a \r). */
static gboolean
rest_blank (const char *line,
            gsize       len,
            gsize       from)
{
  return is_blank (line + from, len - from);
}

/* A run of @mark at @line (after its indentation), and its length. */
static gsize
run_of (const char *line,
        gsize       len,
        char        mark)
{
  gsize n = 0;

  while (n < len && line[n] == mark)
    n++;
  return n;
}

static gboolean
is_list_item (const char *line,
              gsize       len)
{
  gsize i = 0;

  while (i < len && line[i] == ' ')
    i++;
  if (i + 1 < len && strchr ("-*+", line[i]) && line[i + 1] == ' ')
    return TRUE;
  while (i < len && g_ascii_isdigit (line[i]))
    i++;
  return i > 0 && i + 1 < len && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ' &&
         g_ascii_isdigit (line[i - 1]);
}

/* Where a list item's text starts, in columns: past its marker and the
 * spaces after it (one, when a code block follows the marker). */
static guint
list_text_column (const char *line,
                  gsize       len)
{
  gsize i = 0, marker_end, text;

  while (i < len && line[i] == ' ')
    i++;
  if (strchr ("-*+", line[i]))
    marker_end = i + 1;
  else
    {
      while (i < len && g_ascii_isdigit (line[i]))
        i++;
      marker_end = i + 1;
    }
  text = marker_end;
  while (text < len && line[text] == ' ')
    text++;
  if (text - marker_end > 4 || rest_blank (line, len, text))
    text = marker_end + 1;
  return (guint)text;
}

static gboolean
is_heading (const char *line,
            gsize       len)
{
  gsize hashes = run_of (line, len, '#');

  return hashes >= 1 && hashes <= 6 && (hashes == len || line[hashes] == ' ' || line[hashes] == '\t' ||
                                        rest_blank (line, len, hashes));
}

/* = or - alone (and spaces after): under a paragraph, it makes it a heading. */
static gboolean
is_setext_underline (const char *line,
                     gsize       len)
{
  gsize n = len > 0 && (line[0] == '=' || line[0] == '-') ? run_of (line, len, line[0]) : 0;

  return n > 0 && rest_blank (line, len, n);
}

static gboolean
is_rule (const char *line,
         gsize       len)
{
  guint marks = 0;
  char mark = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (line[i]))
        continue;
      if (strchr ("-*_", line[i]) == NULL || (mark && line[i] != mark))
        return FALSE;
      mark = line[i];
      marks++;
    }
  return marks >= 3;
}

/* A fence opens a code block: three or more ` or ~ (a ` fence's info
 * string holds no `). */
static gboolean
opens_fence (const char *line,
             gsize       len,
             char       *fence,
             gsize      *fence_length)
{
  gsize n;

  if (len == 0 || (line[0] != '`' && line[0] != '~'))
    return FALSE;
  n = run_of (line, len, line[0]);
  if (n < 3 || (line[0] == '`' && memchr (line + n, '`', len - n) != NULL))
    return FALSE;
  *fence = line[0];
  *fence_length = n;
  return TRUE;
}

/* The same mark, at least as many, and nothing after. */
static gboolean
closes_fence (const Reader *reader,
              const char   *line,
              gsize         len)
{
  gsize n = run_of (line, len, reader->fence);

  return n >= reader->fence_length && rest_blank (line, len, n);
}

static gboolean
has_prefix_nocase (const char *line,
                   gsize       len,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (line, prefix, n) == 0;
}

static gboolean
contains_nocase (const char *line,
                 gsize       len,
                 const char *what)
{
  gsize n = strlen (what);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (line + i, what, n) == 0)
      return TRUE;
  return FALSE;
}

/* A tag's name at @line, its length, or 0. */
static gsize
tag_name (const char *line,
          gsize       len)
{
  gsize n = 0;

  if (len == 0 || !g_ascii_isalpha (line[0]))
    return 0;
  while (n < len && (g_ascii_isalnum (line[n]) || line[n] == '-'))
    n++;
  return n;
}

/* Whether @line, after "<" or "</", names one of @names and ends there. */
static gboolean
names_one_of (const char         *line,
              gsize               len,
              const char * const *names,
              gboolean            slash_may_end)
{
  gsize n = tag_name (line, len);

  if (n == 0 || (n < len && !g_ascii_isspace (line[n]) && line[n] != '>' &&
                 !(slash_may_end && n + 1 < len && line[n] == '/' && line[n + 1] == '>')))
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (strlen (names[i]) == n && g_ascii_strncasecmp (line, names[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* A whole open tag (with its attributes) or end tag, and only spaces
 * after it. */
static gboolean
is_lone_tag (const char *line,
             gsize       len)
{
  gboolean closing = len > 1 && line[1] == '/';
  gsize i = closing ? 2 : 1, n = tag_name (line + i, len - i);

  if (n == 0)
    return FALSE;
  i += n;
  while (!closing)
    {
      gsize spaces = i;

      while (i < len && g_ascii_isspace (line[i]))
        i++;
      if (i < len && (g_ascii_isalpha (line[i]) || line[i] == '_' || line[i] == ':') && i > spaces)
        {
          while (i < len && (g_ascii_isalnum (line[i]) || strchr ("_.:-", line[i])))
            i++;
          while (i < len && g_ascii_isspace (line[i]))
            i++;
          if (i < len && line[i] == '=')
            {
              i++;
              while (i < len && g_ascii_isspace (line[i]))
                i++;
              if (i < len && (line[i] == '"' || line[i] == '\''))
                {
                  const char *end = memchr (line + i + 1, line[i], len - i - 1);

                  if (end == NULL)
                    return FALSE;
                  i = (gsize)(end - line) + 1;
                }
              else
                {
                  gsize value = i;

                  while (i < len && !g_ascii_isspace (line[i]) && strchr ("\"'=<>`", line[i]) == NULL)
                    i++;
                  if (i == value)
                    return FALSE;
                }
            }
          continue;
        }
      if (i < len && line[i] == '/')
        i++;
      break;
    }
  while (closing && i < len && g_ascii_isspace (line[i]))
    i++;
  return i < len && line[i] == '>' && rest_blank (line, len, i + 1);
}

/* Which HTML block, if any, @line (after its indentation) begins. Only
 * kinds other than HTML_OTHER_TAG may interrupt a paragraph. */
static HtmlBlock
opens_html (const char *line,
            gsize       len,
            gboolean    in_paragraph)
{
  static const char * const raw[] = { "script", "pre", "style", "textarea", NULL };
  static const char * const block[] = {
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul", NULL
  };

  if (len < 2 || line[0] != '<')
    return HTML_NONE;
  if (names_one_of (line + 1, len - 1, raw, FALSE))
    return HTML_RAW;
  if (has_prefix_nocase (line, len, "<!--"))
    return HTML_COMMENT;
  if (line[1] == '?')
    return HTML_PROCESSING;
  if (has_prefix_nocase (line, len, "<![CDATA["))
    return HTML_CDATA;
  if (line[1] == '!' && len > 2 && g_ascii_isalpha (line[2]))
    return HTML_DECLARATION;
  if (names_one_of (line + (line[1] == '/' ? 2 : 1), len - (line[1] == '/' ? 2 : 1), block, TRUE))
    return HTML_BLOCK_TAG;
  if (!in_paragraph && is_lone_tag (line, len) &&
      !names_one_of (line + (line[1] == '/' ? 2 : 1), len - (line[1] == '/' ? 2 : 1), raw, TRUE))
    return HTML_OTHER_TAG;
  return HTML_NONE;
}

/* Whether an HTML block that ends on a line of its own ends on @line. */
static gboolean
closes_html (HtmlBlock   html,
             const char *line,
             gsize       len)
{
  switch (html)
    {
    case HTML_RAW:
      return contains_nocase (line, len, "</script>") || contains_nocase (line, len, "</pre>") ||
             contains_nocase (line, len, "</style>") || contains_nocase (line, len, "</textarea>");
    case HTML_COMMENT:
      return contains_nocase (line, len, "-->");
    case HTML_PROCESSING:
      return contains_nocase (line, len, "?>");
    case HTML_DECLARATION:
      return memchr (line, '>', len) != NULL;
    case HTML_CDATA:
      return contains_nocase (line, len, "]]>");
    case HTML_NONE:
    case HTML_BLOCK_TAG:
    case HTML_OTHER_TAG:
    default:
      return FALSE;
    }
}

/* Reads one line; appends @number to @starts when a graf starts there. */
static void
read_line (Reader     *reader,
           const char *line,
           gsize       len,
           guint       number,
           GArray     *starts)
{
  gboolean was_in_graf = reader->in_graf;
  guint columns, relative;
  gsize at;
  const char *text;
  gsize text_len;

  reader->in_graf = FALSE;
  if (reader->fence)
    {
      columns = indentation (line, len, &at);
      if (columns < reader->list_indent + CODE_INDENT && closes_fence (reader, line + at, len - at))
        reader->fence = 0;
      return;
    }
  if (reader->html != HTML_NONE)
    {
      if (reader->html == HTML_BLOCK_TAG || reader->html == HTML_OTHER_TAG)
        reader->html = is_blank (line, len) ? HTML_NONE : reader->html;
      else if (closes_html (reader->html, line, len))
        reader->html = HTML_NONE;
      return;
    }
  if (is_blank (line, len))
    return;

  columns = indentation (line, len, &at);
  text = line + at;
  text_len = len - at;
  /* Text left of the open list item's own text ends the list, unless it
   * goes on a graf (a lazy line) or is an item itself. */
  if (reader->list_indent > 0 && columns < reader->list_indent && !was_in_graf && !is_list_item (line, len))
    reader->list_indent = 0;
  relative = columns >= reader->list_indent ? columns - reader->list_indent : columns;

  /* Indented further, after anything but a graf's line, is code. */
  if (relative >= CODE_INDENT)
    {
      /* A graf's line goes on however far it is indented. */
      reader->in_graf = was_in_graf;
      return;
    }

  if (opens_fence (text, text_len, &reader->fence, &reader->fence_length))
    return;
  if ((reader->html = opens_html (text, text_len, was_in_graf)) != HTML_NONE)
    {
      if (closes_html (reader->html, text, text_len))
        reader->html = HTML_NONE;
      return;
    }
  /* A paragraph underlined is a heading, not a graf. */
  if (was_in_graf && reader->prose && is_setext_underline (text, text_len))
    {
      g_array_set_size (starts, starts->len - 1);
      return;
    }
  if (is_heading (text, text_len) || is_rule (text, text_len))
    return;

  reader->in_graf = TRUE;
  /* Each list item is a graf of its own, even without a blank line. */
  if (is_list_item (line, len))
    {
      reader->list_indent = list_text_column (line, len);
      reader->prose = FALSE;
      g_array_append_val (starts, number);
    }
  else if (!was_in_graf)
    {
      reader->prose = text[0] != '>';
      g_array_append_val (starts, number);
    }
}

/**
 * lede_grafs_find:
 * @text: Markdown
 * @len: its length in bytes, or -1
 *
 * Returns: (transfer full) (element-type guint): the line (from 0) where
 *   each graf starts: graf n starts at element n - 1
 */
GArray *
lede_grafs_find (const char *text,
                 gssize      len)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  Reader reader = { 0 };
  gsize total, at = 0;
  guint line = 0;

  g_return_val_if_fail (text != NULL, starts);
  total = len < 0 ? strlen (text) : (gsize)len;

  for (; at < total; line++)
    {
      const char *nl = memchr (text + at, '\n', total - at);
      gsize n = nl ? (gsize)(nl - (text + at)) : total - at;

      read_line (&reader, text + at, n, line, starts);
      at += n + 1;
    }
  return starts;
}
