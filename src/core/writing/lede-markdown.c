/* lede-markdown.c: a story's Markdown body as HTML and as plain text,
 * through cmark-gfm. The preview and every export call these, so what the
 * preview shows is what is published.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-markdown"

#include "config.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "lede-markdown.h"
#include "lede-markdown-private.h"
#include "lede-markup-text.h"

/* GitHub's extensions, in the order GitHub attaches them. */
static const char * const EXTENSIONS[] = {
  "table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/* Raw HTML in a story never reaches the page: without CMARK_OPT_UNSAFE,
 * cmark-gfm drops it (and javascript: links), and "tagfilter" disarms the
 * tags GitHub disarms; only a comment alone in its block is kept
 * (keep_lone_comments()). Source positions let the preview follow the editor. */
#define RENDER_OPTIONS (CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)

static void
ensure_extensions (void)
{
  static gsize registered = 0;

  /* Registration is not thread-safe; renders run on worker threads. */
  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
}

/* What a story shows when an extension is left off for it. */
#define TABLES_OFF_NOTICE \
  "<p class=\"lede-notice\">This story’s tables are too large to lay out, so they are shown as text.</p>\n"
#define BRACKETS_OFF_NOTICE \
  "<p class=\"lede-notice\">Some of this story’s paragraphs leave too many brackets open to read " \
  "their links and images, so their brackets are shown as text.</p>\n"
#define AUTOLINKS_OFF_NOTICE \
  "<p class=\"lede-notice\">This story holds too many web and e-mail addresses to link them all, " \
  "so they are shown as text.</p>\n"

static cmark_node *
parse (const char    *markdown,
       gsize          length,
       gboolean       tables,
       gboolean       autolinks,
       cmark_parser **parser_out)
{
  cmark_parser *parser;

  ensure_extensions ();

  parser = cmark_parser_new (RENDER_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (EXTENSIONS); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (EXTENSIONS[i]);

      g_assert (extension != NULL);
      if ((tables || !g_str_equal (EXTENSIONS[i], "table")) &&
          (autolinks || !g_str_equal (EXTENSIONS[i], "autolink")))
        cmark_parser_attach_syntax_extension (parser, extension);
    }

  /* cmark-gfm replaces NUL bytes and invalid UTF-8 with U+FFFD itself
   * (VALIDATE_UTF8), so any bytes are safe to feed. */
  cmark_parser_feed (parser, markdown, length);
  *parser_out = parser;
  return cmark_parser_finish (parser);
}

/* cmark allocates with its own allocator; hand back GLib memory. */
static char *
to_glib_string (char *cmark_string)
{
  char *copy = g_strdup (cmark_string);

  cmark_get_default_mem_allocator ()->free (cmark_string);
  return copy;
}

/* Ends the text so far with a line break (@blank: an empty line). */
static void
end_line (GString  *out,
          gboolean  blank)
{
  if (out->len == 0)
    return;
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (blank && (out->len < 2 || out->str[out->len - 2] != '\n'))
    g_string_append_c (out, '\n');
}

/* The text a reader reads, in one walk over the tree: cmark-gfm's own plain
 * text renderer takes quadratic time on nested images. Blocks end in an
 * empty line, list items and table rows in a line break, cells in a tab. */
static char *
plain_text (cmark_node *document)
{
  GString *out = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      const char *type_name = cmark_node_get_type_string (node);

      /* A picture's alt text is not the story's words. */
      if (event == CMARK_EVENT_ENTER && lede_markdown_photo_sha (node) != NULL)
        {
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          continue;
        }
      if (event == CMARK_EVENT_ENTER)
        {
          switch (type)
            {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
              g_string_append (out, cmark_node_get_literal (node));
              break;
            case CMARK_NODE_CODE_BLOCK:
              end_line (out, TRUE);
              g_string_append (out, cmark_node_get_literal (node));
              end_line (out, TRUE);
              break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
              g_string_append_c (out, '\n');
              break;
            case CMARK_NODE_THEMATIC_BREAK:
              end_line (out, TRUE);
              break;
            default:
              if (g_strcmp0 (type_name, "table_cell") == 0 && cmark_node_previous (node) != NULL)
                g_string_append_c (out, '\t');
              break;
            }
          continue;
        }

      switch (type)
        {
        case CMARK_NODE_PARAGRAPH:
          /* Inside a tight list a paragraph is a line of the item. */
          end_line (out, !(cmark_node_parent (node) && cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_ITEM &&
                           cmark_node_get_list_tight (cmark_node_parent (cmark_node_parent (node)))));
          break;
        case CMARK_NODE_HEADING:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
          end_line (out, TRUE);
          break;
        case CMARK_NODE_ITEM:
          end_line (out, FALSE);
          break;
        default:
          if (g_strcmp0 (type_name, "table_row") == 0 || g_strcmp0 (type_name, "table_header") == 0)
            end_line (out, FALSE);
          else if (g_strcmp0 (type_name, "table") == 0)
            end_line (out, TRUE);
          break;
        }
    }
  cmark_iter_free (iter);

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Whether @text needs lede_markup_text_clean(): most never do, and the
 * preview renders the whole story at every pause in typing. */
static gboolean
is_clean (const char *text)
{
  const char *end = NULL;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
      {
        gunichar c = g_utf8_get_char (p);

        if (c == 0x0B || !lede_markup_text_is_allowed (c))
          return FALSE;
      }
  return TRUE;
}

/* What a picture on the page may come from: the web, the story's own
 * folder (a relative address), or one of the image types a data: address
 * may safely hold. A javascript: (or any other) address would otherwise
 * leave an <img src=""> behind. */
static gboolean
is_image_url (const char *url)
{
  static const char * const DATA_TYPES[] = { "image/png", "image/jpeg", "image/gif", "image/webp" };
  g_autofree char *scheme = NULL;

  if (url == NULL || *url == '\0')
    return FALSE;
  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "data") != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (DATA_TYPES); i++)
    {
      gsize length = strlen (DATA_TYPES[i]);

      if (g_ascii_strncasecmp (url + 5, DATA_TYPES[i], length) == 0 && (url[5 + length] == ';' || url[5 + length] == ','))
        return TRUE;
    }
  return FALSE;
}

static void
clean_literal (cmark_node *node,
               const char *line_break)
{
  g_autofree char *clean = NULL;

  if (is_clean (cmark_node_get_literal (node)))
    return;
  clean = lede_markup_text_clean (cmark_node_get_literal (node), -1, line_break);
  cmark_node_set_literal (node, clean);
}

/* A text's U+000B (Word's manual line break) becomes a hard line break of
 * its own, so the page shows <br> and DOCX <w:br/>; what no markup may hold
 * is dropped. Where a hard break may not stand (a table's cell) it is a
 * space. */
static void
clean_text (cmark_node *text)
{
  g_autofree char *clean = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) line = NULL;
  cmark_node *last = text;

  if (is_clean (cmark_node_get_literal (text)))
    return;
  clean = lede_markup_text_clean (cmark_node_get_literal (text), -1, NULL);
  lines = g_strsplit (clean, "\v", -1);
  /* g_strsplit() gives no piece at all for an empty text. */
  line = g_string_new (lines[0] ? lines[0] : "");
  for (guint i = 1; lines[0] && lines[i]; i++)
    {
      cmark_node *line_break = cmark_node_new (CMARK_NODE_LINEBREAK);
      cmark_node *next;

      if (!cmark_node_insert_after (last, line_break))
        {
          cmark_node_free (line_break);
          g_string_append_c (line, ' ');
          g_string_append (line, lines[i]);
          continue;
        }
      cmark_node_set_literal (last, line->str);
      next = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_insert_after (line_break, next);
      g_string_assign (line, lines[i]);
      last = next;
    }
  cmark_node_set_literal (last, line->str);
}

/* Makes the tree fit for the markup writers (HTML and DOCX) without
 * touching the story: a picture whose address cannot be shown gives way to
 * its description (but a paragraph that is a picture of the story's own,
 * which the writers place), and every text loses what HTML and XML refuse. The
 * nodes are collected first, as a tree must not change under its iterator. */
static void
clean_tree (cmark_node *document)
{
  g_autoptr (GPtrArray) images = g_ptr_array_new ();
  g_autoptr (GPtrArray) literals = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          g_ptr_array_add (literals, node);
          break;
        case CMARK_NODE_IMAGE:
          /* A picture of the story's own stays for the writers to place. */
          if (!is_image_url (cmark_node_get_url (node)) &&
              lede_markdown_photo_sha (cmark_node_parent (node)) == NULL)
            g_ptr_array_add (images, node);
          G_GNUC_FALLTHROUGH;
        case CMARK_NODE_LINK:
          if (!is_clean (cmark_node_get_title (node)))
            {
              g_autofree char *title = lede_markup_text_clean (cmark_node_get_title (node), -1, " ");

              cmark_node_set_title (node, title);
            }
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < literals->len; i++)
    {
      cmark_node *node = g_ptr_array_index (literals, i);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          clean_text (node);
          break;
        case CMARK_NODE_CODE_BLOCK:
          clean_literal (node, "\n");
          if (!is_clean (cmark_node_get_fence_info (node)))
            {
              g_autofree char *info = lede_markup_text_clean (cmark_node_get_fence_info (node), -1, "");

              cmark_node_set_fence_info (node, info);
            }
          break;
        default:
          clean_literal (node, " ");
          break;
        }
    }
  /* The last first: a picture inside another's description is text
   * before the outer one is read. */
  for (guint i = images->len; i > 0; i--)
    {
      cmark_node *image = g_ptr_array_index (images, i - 1);
      cmark_node *alt = cmark_node_new (CMARK_NODE_TEXT);
      g_autofree char *text = lede_markdown_image_description (image);

      cmark_node_set_literal (alt, text);
      if (!cmark_node_insert_before (image, alt))
        cmark_node_free (alt);
      cmark_node_free (image);
    }
}

/* Whether @line (of @end - @line bytes) opens or closes a fenced code
 * block: "```" or "~~~" after at most three spaces. */
static gboolean
is_fence (const char *line,
          const char *end)
{
  for (guint i = 0; i < 3 && line < end && *line == ' '; i++)
    line++;
  return end - line >= 3 && (memcmp (line, "```", 3) == 0 || memcmp (line, "~~~", 3) == 0);
}

/* Walks the blocks (runs of lines between blank lines, outside fenced
 * code) of @markdown, calling @deep for each where a link may close with
 * more than LEDE_MARKDOWN_MAX_OPEN_BRACKETS "[" and "![" still open below
 * it. Returns the most left open so in any block. cmark-gfm 0.29.0.gfm.6
 * walks back over every bracket still open each time a link closes, so
 * "![[]()" repeated costs the square of its length; an image closing does
 * not walk (images nested thousands deep are read at once), and a bracket
 * a backslash escapes is not one. */
static gsize
scan_open_brackets (const char *markdown,
                    gsize       length,
                    void      (*deep) (gsize start, gsize end, gpointer data),
                    gpointer    data)
{
  const char *end = markdown + length;
  const char *block = markdown;
  g_autoptr (GString) open = g_string_new (NULL);  /* '!' or '[' for each open bracket */
  gsize most = 0, most_here = 0;
  gboolean fenced = FALSE;

  for (const char *line = markdown; line <= end; )
    {
      const char *next = line < end ? memchr (line, '\n', end - line) : NULL;
      const char *line_end = next ? next : end;
      gboolean blank = TRUE, fence = line < end && is_fence (line, line_end);

      for (const char *p = line; p < line_end && blank; p++)
        blank = *p == ' ' || *p == '\t' || *p == '\r';
      if (!fenced && !fence && !blank)
        for (const char *p = line; p < line_end; p++)
          {
            if (*p == '\\' && p + 1 < line_end)
              p++;
            else if (*p == '[')
              g_string_append_c (open, p > line && p[-1] == '!' ? '!' : '[');
            else if (*p == ']' && open->len > 0)
              {
                if (open->str[open->len - 1] == '[')
                  most_here = MAX (most_here, open->len - 1);
                g_string_truncate (open, open->len - 1);
              }
          }
      /* A block ends at a blank line, a fence or the text's end. */
      if (blank || fence || fenced || line_end == end)
        {
          if (most_here > LEDE_MARKDOWN_MAX_OPEN_BRACKETS && deep != NULL)
            deep (block - markdown, line_end - markdown, data);
          most = MAX (most, most_here);
          most_here = 0;
          g_string_truncate (open, 0);
          block = next ? next + 1 : end;
        }
      if (fence)
        fenced = !fenced;
      if (next == NULL)
        break;
      line = next + 1;
    }
  return most;
}

/**
 * lede_markdown_count_open_brackets:
 *
 * Returns: the most "[" and "![" left open below a link closing in one
 *   block of the story: how far cmark-gfm walks back when it does
 */
gsize
lede_markdown_count_open_brackets (const char *markdown,
                                   gssize      length)
{
  if (markdown == NULL)
    return 0;
  return scan_open_brackets (markdown, length < 0 ? strlen (markdown) : (gsize)length, NULL, NULL);
}

typedef struct {
  const char *markdown;
  GString    *out;
  gsize       copied;   /* bytes of @markdown in @out so far */
} Escaping;

/* Copies the text up to the end of a block with too many brackets open,
 * a backslash before each "[" of that block, so cmark-gfm reads none of
 * them as a link or an image. */
static void
escape_block (gsize    start,
              gsize    end,
              gpointer data)
{
  Escaping *escaping = data;

  g_string_append_len (escaping->out, escaping->markdown + escaping->copied, start - escaping->copied);
  for (gsize i = start; i < end; i++)
    {
      char c = escaping->markdown[i];

      if (c == '\\' && i + 1 < end)
        {
          g_string_append_c (escaping->out, c);
          c = escaping->markdown[++i];
        }
      else if (c == '[')
        g_string_append_c (escaping->out, '\\');
      g_string_append_c (escaping->out, c);
    }
  escaping->copied = end;
}

/* Parses with each extension on unless the story is past its limit; says
 * which were left off, and whether some blocks' brackets were read as
 * text. */
static cmark_node *
parse_within_limits (const char    *markdown,
                     gssize         length,
                     gboolean      *tables,
                     gboolean      *autolinks,
                     gboolean      *brackets,
                     cmark_parser **parser)
{
  g_autoptr (GString) escaped = NULL;
  Escaping escaping;

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);
  *tables = lede_markdown_count_table_cells (markdown, length) <= LEDE_MARKDOWN_MAX_TABLE_CELLS;
  *autolinks = lede_markdown_count_autolink_marks (markdown, length) <= LEDE_MARKDOWN_MAX_AUTOLINK_MARKS;

  escaping = (Escaping) { markdown, NULL, 0 };
  escaping.out = escaped = g_string_new (NULL);
  *brackets = scan_open_brackets (markdown, length, escape_block, &escaping) <= LEDE_MARKDOWN_MAX_OPEN_BRACKETS;
  if (!*brackets)
    {
      /* cmark-gfm copies what it is fed, so the copy may go after. */
      g_string_append_len (escaped, markdown + escaping.copied, length - escaping.copied);
      return parse (escaped->str, escaped->len, *tables, *autolinks, parser);
    }
  return parse (markdown, length, *tables, *autolinks, parser);
}

/**
 * lede_markdown_parse_tree:
 * @parser: (out): free with cmark_parser_free() after the tree
 *
 * Returns: the story's tree, parsed as for the page (the same extensions,
 *   turned off past the same limits); free with cmark_node_free()
 */
cmark_node *
lede_markdown_parse_tree (const char    *markdown,
                          gssize         length,
                          cmark_parser **parser)
{
  gboolean tables, autolinks, brackets;
  cmark_node *document = parse_within_limits (markdown, length, &tables, &autolinks, &brackets, parser);

  clean_tree (document);
  return document;
}

/* Whether an HTML block is one comment and nothing else, safe in HTML and
 * XML alike: no "--" inside (so no early end, "--!>" neither), not opened
 * as "<!-->" or "<!--->". */
static gboolean
is_lone_comment (const char *literal)
{
  g_autofree char *text = g_strstrip (g_strdup (literal ? literal : ""));
  gsize len = strlen (text);
  g_autofree char *inner = NULL;

  if (len < 7 || !g_str_has_prefix (text, "<!--") || !g_str_has_suffix (text, "-->"))
    return FALSE;
  inner = g_strndup (text + 4, len - 7);
  return strstr (inner, "--") == NULL && strstr (inner, "<!-") == NULL && inner[0] != '>' && inner[0] != '-' &&
         inner[strlen (inner) - 1] != '-' && strchr (inner, '\n') == NULL && is_clean (inner);
}

/* Raw HTML never reaches the page, but a comment alone in its block
 * harms nothing and can matter: a WordPress draft's block comments
 * ("<!-- wp:paragraph -->") must go back to the site as they came. Such
 * a block becomes a custom block, which the renderer writes as it is. */
static void
keep_lone_comments (cmark_node *document)
{
  g_autoptr (GPtrArray) comments = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK &&
          is_lone_comment (cmark_node_get_literal (node)))
        g_ptr_array_add (comments, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < comments->len; i++)
    {
      cmark_node *node = g_ptr_array_index (comments, i);
      cmark_node *kept = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      g_autofree char *comment = g_strstrip (g_strdup (cmark_node_get_literal (node)));
      g_autofree char *line = g_strconcat (comment, "\n", NULL);

      cmark_node_set_on_enter (kept, line);
      cmark_node_insert_before (node, kept);
      cmark_node_free (node);
    }
}

/* Parses once and renders as HTML (with the options the preview and export
 * rely on) or as plain text. */
static char *
render (const char       *markdown,
        gssize            length,
        gboolean          as_html,
        GPtrArray        *photos,
        LedePhotoUrlFunc  url_func,
        gpointer          user_data)
{
  cmark_parser *parser = NULL;
  cmark_node *document;
  char *out;
  gboolean tables, autolinks, brackets;

  document = parse_within_limits (markdown, length, &tables, &autolinks, &brackets, &parser);

  if (as_html)
    {
      g_autofree char *html = NULL;

      clean_tree (document);
      keep_lone_comments (document);
      lede_markdown_place_figures (document, photos, url_func, user_data, TRUE);
      html = to_glib_string (cmark_render_html (document, RENDER_OPTIONS,
                                                cmark_parser_get_syntax_extensions (parser)));
      /* Said in the page itself, so the preview and the export both show it. */
      out = g_strconcat (tables ? "" : TABLES_OFF_NOTICE, autolinks ? "" : AUTOLINKS_OFF_NOTICE,
                         brackets ? "" : BRACKETS_OFF_NOTICE, html, NULL);
    }
  else
    out = plain_text (document);
  cmark_node_free (document);
  cmark_parser_free (parser);

  /* cmark-gfm writes the noncharacters U+FFFE and U+FFFF (from the text or
   * from "&#xFFFE;") as bytes that are not UTF-8; everything Lede makes is.
   * The tree was cleaned already; this catches what cmark-gfm adds itself. */
  if (as_html && !is_clean (out))
    {
      char *clean = lede_markup_text_clean (out, -1, " ");
      g_free (out);
      out = clean;
    }
  else if (!g_utf8_validate (out, -1, NULL))
    {
      char *valid = g_utf8_make_valid (out, -1);
      g_free (out);
      out = valid;
    }
  return out;
}

/**
 * lede_markdown_to_html:
 * @markdown: the body, in any bytes
 * @length: its length, or -1 when NUL-terminated
 *
 * Returns: (transfer full): an HTML fragment, with `data-sourcepos` on its
 *   blocks and no raw HTML from the story
 */
char *
lede_markdown_to_html (const char *markdown,
                       gssize      length)
{
  return render (markdown, length, TRUE, NULL, NULL, NULL);
}

/**
 * lede_markdown_to_html_with_photos:
 * @photos: (nullable) (element-type LedePhoto): the story's photos
 * @url_func: (nullable) (scope call): where the page finds each picture;
 *   %NULL for `lede-photo:SHA` (the preview's own scheme)
 *
 * Returns: (transfer full): lede_markdown_to_html(), with each picture of
 *   the story's own (an image alone on its paragraph at
 *   `lede-photo:SHA`) as a `<figure>` with its alt text, size, caption
 *   and credit from @photos, and nothing for one @photos does not have
 */
char *
lede_markdown_to_html_with_photos (const char       *markdown,
                                   gssize            length,
                                   GPtrArray        *photos,
                                   LedePhotoUrlFunc  url_func,
                                   gpointer          user_data)
{
  return render (markdown, length, TRUE, photos, url_func, user_data);
}

/**
 * lede_markdown_to_published_html:
 *
 * Returns: (transfer full): lede_markdown_to_html() without the
 *   `data-sourcepos` the preview keeps its place by: that never leaves Lede
 */
char *
lede_markdown_to_published_html (const char *markdown,
                                 gssize      length)
{
  return lede_markdown_to_published_html_with_photos (markdown, length, NULL, NULL, NULL);
}

/**
 * lede_markdown_to_published_html_with_photos:
 *
 * Returns: (transfer full): lede_markdown_to_html_with_photos() without
 *   the `data-sourcepos`
 */
char *
lede_markdown_to_published_html_with_photos (const char       *markdown,
                                             gssize            length,
                                             GPtrArray        *photos,
                                             LedePhotoUrlFunc  url_func,
                                             gpointer          user_data)
{
  static const char attribute[] = " data-sourcepos=\"";
  g_autofree char *html = render (markdown, length, TRUE, photos, url_func, user_data);
  GString *out = g_string_sized_new (strlen (html));
  const char *p = html, *at;

  /* The story's own text (a caption's too) has its quotes escaped, so
   * the attribute (and its closing quote) can only be cmark-gfm's or a
   * figure's. */
  while ((at = strstr (p, attribute)) != NULL)
    {
      const char *close = strchr (at + sizeof attribute - 1, '"');

      if (close == NULL)
        break;
      g_string_append_len (out, p, at - p);
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/**
 * lede_markdown_to_plain_text:
 *
 * Returns: (transfer full): the text a reader reads, without Markdown syntax
 */
char *
lede_markdown_to_plain_text (const char *markdown,
                             gssize      length)
{
  return render (markdown, length, FALSE, NULL, NULL, NULL);
}

/**
 * lede_markdown_count_words:
 *
 * Counts the words a reader sees: Markdown syntax and the addresses of
 * links are not words; a run of characters between spaces that holds a
 * letter or a digit is one word, so "well-known" and "100,000" count once
 * and a lone dash not at all.
 */
guint
lede_markdown_count_words (const char *markdown)
{
  g_autofree char *text = lede_markdown_to_plain_text (markdown, -1);
  gboolean counted = FALSE;
  guint words = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          counted = FALSE;
          continue;
        }
      if (!counted && g_unichar_isalnum (c))
        {
          words++;
          counted = TRUE;
        }
    }
  return words;
}

typedef struct {
  GBytes    *markdown;
  GPtrArray *photos;  /* a copy, or NULL */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->markdown);
  g_clear_pointer (&job->photos, g_ptr_array_unref);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  gsize length;
  const char *data = g_bytes_get_data (job->markdown, &length);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, render (data, length, TRUE, job->photos, NULL, NULL), g_free);
}

static void
render_async (const char          *markdown,
              gssize               length,
              GPtrArray           *photos,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderJob *job = g_new0 (RenderJob, 1);

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);

  job->markdown = g_bytes_new (markdown, length);
  if (photos != NULL)
    {
      job->photos = g_ptr_array_new_full (photos->len, (GDestroyNotify)lede_photo_free);
      for (guint i = 0; i < photos->len; i++)
        g_ptr_array_add (job->photos, lede_photo_copy (g_ptr_array_index (photos, i)));
    }
  g_task_set_source_tag (task, lede_markdown_to_html_async);
  g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
  g_task_run_in_thread (task, render_thread);
}

/**
 * lede_markdown_to_html_async:
 *
 * Renders on a worker thread, so a long story never holds up typing. The
 * text is copied first; the caller may change it at once.
 */
void
lede_markdown_to_html_async (const char          *markdown,
                             gssize               length,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  render_async (markdown, length, NULL, cancellable, callback, user_data);
}

/**
 * lede_markdown_to_html_with_photos_async:
 * @photos: (nullable) (element-type LedePhoto): the story's photos, copied
 *   with the text
 *
 * lede_markdown_to_html_with_photos() on a worker thread, each picture at
 * `lede-photo:SHA` (the preview's scheme); finish with
 * lede_markdown_to_html_finish().
 */
void
lede_markdown_to_html_with_photos_async (const char          *markdown,
                                         gssize               length,
                                         GPtrArray           *photos,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  render_async (markdown, length, photos, cancellable, callback, user_data);
}

char *
lede_markdown_to_html_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
