/* lede-docx.c: a story as a Word document, for the copy desk.
 *
 * The body is written from the same cmark-gfm tree the page is rendered
 * from, so the desk reads what would be published: headings, paragraphs,
 * emphasis, links, lists, block quotes, code, tables and footnotes. Raw HTML
 * is left out, as on the page. The headline is the document's title; the
 * standfirst, byline and dateline follow it, then the lead photo; the
 * pictures in the body are where the page has them (lede-docx-pictures.c);
 * the corrections log ends it.
 * The parts are zipped with no times (by libarchive, in the zip module),
 * so the same story always gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <cmark-gfm-core-extensions.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-correction.h"
#include "lede-docx.h"
#include "lede-docx-pictures.h"
#include "lede-interchange-resources.h"
#include "lede-markdown-private.h"
#include "lede-markup-text.h"
#include "lede-paths.h"
#include "lede-time.h"
#include "lede-zip-module.h"

#define RESOURCES LEDE_RESOURCE_PATH "/docx/"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
/* An A4 page's text width, in twentieths of a point, shared by table columns. */
#define TEXT_WIDTH 9026

typedef struct
{
  GString    *body;        /* w:body's blocks */
  GString    *links;       /* hyperlink relationships */
  GString    *lists;       /* one w:num for each numbered list */
  guint       n_links;
  guint       n_lists;
  guint       n_notes;     /* footnote definitions written */
  GPtrArray  *photos;      /* the story's, or NULL */
  LedeDocxPictures *pictures;
  GError     *error;       /* the first picture that could not be read */
} Docx;

/* How a block's paragraphs look where they are in the tree. */
typedef struct
{
  const char *style;       /* NULL: Normal */
  int         list_level;  /* -1: not in a list */
  guint       num_id;      /* the list's numbering */
  gboolean    numbered;    /* this paragraph carries the list's number */
  const char *prefix;      /* a task item's box */
} Block;

typedef enum
{
  RUN_BOLD      = 1 << 0,
  RUN_ITALIC    = 1 << 1,
  RUN_STRIKE    = 1 << 2,
  RUN_CODE      = 1 << 3,
  RUN_LINK      = 1 << 4,
  RUN_SUPER     = 1 << 5,
} RunFlags;

/* What XML refuses (lede_markup_text_clean()) is dropped, and a line break
 * a run did not make its own already becomes a space. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *clean = lede_markup_text_clean (text, length, " ");

  for (const char *p = clean; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
append_run_properties (GString  *out,
                       RunFlags  flags)
{
  if (flags == 0)
    return;
  /* The schema fixes the order of a run's properties. */
  g_string_append (out, "<w:rPr>");
  if (flags & RUN_LINK)
    g_string_append (out, "<w:rStyle w:val=\"Hyperlink\"/>");
  else if (flags & RUN_CODE)
    g_string_append (out, "<w:rStyle w:val=\"VerbatimChar\"/>");
  if (flags & RUN_BOLD)
    g_string_append (out, "<w:b/><w:bCs/>");
  if (flags & RUN_ITALIC)
    g_string_append (out, "<w:i/><w:iCs/>");
  if (flags & RUN_STRIKE)
    g_string_append (out, "<w:strike/>");
  if (flags & RUN_SUPER)
    g_string_append (out, "<w:vertAlign w:val=\"superscript\"/>");
  g_string_append (out, "</w:rPr>");
}

/* Tabs and line ends inside text become Word's own, and so does U+000B,
 * the manual line break Word itself pastes. */
static void
append_run (GString    *out,
            const char *raw,
            RunFlags    flags)
{
  g_autofree char *text = lede_markup_text_clean (raw, -1, "\n");
  const char *start = text;

  g_string_append (out, "<w:r>");
  append_run_properties (out, flags);
  for (const char *p = text;; p++)
    if (*p == '\t' || *p == '\n' || *p == '\0')
      {
        if (p > start)
          {
            g_string_append (out, "<w:t xml:space=\"preserve\">");
            append_escaped (out, start, p - start);
            g_string_append (out, "</w:t>");
          }
        if (*p == '\0')
          break;
        g_string_append (out, *p == '\t' ? "<w:tab/>" : "<w:br/>");
        start = p + 1;
      }
  g_string_append (out, "</w:r>");
}

/* What cmark-gfm makes a link of on the page, and Word can open. */
static gboolean
is_linkable (const char *url)
{
  g_autofree char *scheme = url ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
                            g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static gboolean
type_is (cmark_node *node,
         const char *name)
{
  return g_strcmp0 (cmark_node_get_type_string (node), name) == 0;
}

/* An inline that holds others: the flags its children are written with,
 * and what closes it once they are. */
typedef struct
{
  RunFlags  flags;
  gboolean  hyperlink;    /* ends with </w:hyperlink> */
  gboolean  bracket;      /* a picture's description: ends with "]" */
} Inline;

/* Writes @parent's inlines. A story may nest emphasis, links and pictures
 * as deep as it likes (a paste can hold a hundred thousand levels), so the
 * tree is walked with cmark-gfm's iterator and a stack of our own, never
 * by recursion: the stack would overflow long before the heap runs out. */
static void
append_inlines (Docx       *docx,
                GString    *out,
                cmark_node *parent,
                RunFlags    flags)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (Inline));
  cmark_iter *iter = cmark_iter_new (parent);
  cmark_event_type event;

  g_array_append_val (stack, ((Inline) { flags, FALSE, FALSE }));
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      Inline *top = &g_array_index (stack, Inline, stack->len - 1);
      Inline child = { top->flags, FALSE, FALSE };

      if (node == parent)
        continue;
      if (event == CMARK_EVENT_EXIT)
        {
          if (top->hyperlink)
            g_string_append (out, "</w:hyperlink>");
          if (top->bracket)
            append_run (out, "]", top->flags);
          g_array_set_size (stack, stack->len - 1);
          continue;
        }

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          append_run (out, cmark_node_get_literal (node), top->flags);
          continue;
        case CMARK_NODE_CODE:
          append_run (out, cmark_node_get_literal (node), top->flags | RUN_CODE);
          continue;
        case CMARK_NODE_SOFTBREAK:
          append_run (out, " ", top->flags);
          continue;
        case CMARK_NODE_LINEBREAK:
          g_string_append (out, "<w:r><w:br/></w:r>");
          continue;
        case CMARK_NODE_HTML_INLINE:
          continue;  /* never on the page either */
        case CMARK_NODE_EMPH:
          child.flags |= RUN_ITALIC;
          break;
        case CMARK_NODE_STRONG:
          child.flags |= RUN_BOLD;
          break;
        case CMARK_NODE_LINK:
          if (is_linkable (cmark_node_get_url (node)) && !(top->flags & RUN_LINK))
            {
              /* A relationship's target is a URI: spaces and other letters
               * escaped, as the page's renderer does. */
              g_autofree char *uri = g_uri_escape_string (cmark_node_get_url (node), ":/?#[]@!$&'()*+,;=%~", FALSE);

              docx->n_links++;
              g_string_append_printf (docx->links, "<Relationship Id=\"link%u\" Type=\"" NS_R "/hyperlink\" Target=\"",
                                      docx->n_links);
              append_escaped (docx->links, uri, -1);
              g_string_append (docx->links, "\" TargetMode=\"External\"/>");
              g_string_append_printf (out, "<w:hyperlink r:id=\"link%u\">", docx->n_links);
              child.flags |= RUN_LINK;
              child.hyperlink = TRUE;
            }
          break;
        case CMARK_NODE_IMAGE:
          /* The desk gets the picture's description where the picture goes. */
          child.flags |= RUN_ITALIC;
          child.bracket = TRUE;
          append_run (out, "[", child.flags);
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          /* cmark-gfm has put the note's number, as on the page, in its text. */
          append_run (out, cmark_node_get_literal (node), top->flags | RUN_SUPER);
          break;
        default:
          if (type_is (node, "strikethrough"))
            child.flags |= RUN_STRIKE;
          break;
        }
      /* Every other inline gets its exit event, childless or not. */
      g_array_append_val (stack, child);
    }
  cmark_iter_free (iter);
}

static void
open_paragraph (GString     *out,
                const Block *block,
                const char  *justify)
{
  const char *style = block->style;

  if (style == NULL && block->list_level >= 0)
    style = "ListParagraph";
  g_string_append (out, "<w:p>");
  if (style == NULL && !justify)
    return;
  g_string_append (out, "<w:pPr>");
  if (style)
    g_string_append_printf (out, "<w:pStyle w:val=\"%s\"/>", style);
  if (block->list_level >= 0 && block->numbered)
    g_string_append_printf (out, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%u\"/></w:numPr>",
                            MIN (block->list_level, 8), block->num_id);
  else if (block->list_level >= 0)
    g_string_append_printf (out, "<w:ind w:left=\"%d\"/>", 720 * (MIN (block->list_level, 8) + 1));
  if (justify)
    g_string_append_printf (out, "<w:jc w:val=\"%s\"/>", justify);
  g_string_append (out, "</w:pPr>");
}

static void
append_paragraph (Docx       *docx,
                  GString    *out,
                  cmark_node *node,
                  Block      *block,
                  RunFlags    flags,
                  const char *justify)
{
  open_paragraph (out, block, justify);
  if (block->prefix)
    append_run (out, block->prefix, flags);
  append_inlines (docx, out, node, flags);
  g_string_append (out, "</w:p>");
}

static void
append_table (Docx       *docx,
              cmark_node *table)
{
  guint columns = MAX (cmark_gfm_extensions_get_table_columns (table), 1);
  uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (table);
  GString *out = docx->body;

  g_string_append (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
  for (guint i = 0; i < columns; i++)
    g_string_append_printf (out, "<w:gridCol w:w=\"%u\"/>", TEXT_WIDTH / columns);
  g_string_append (out, "</w:tblGrid>");

  for (cmark_node *row = cmark_node_first_child (table); row; row = cmark_node_next (row))
    {
      gboolean header = cmark_gfm_extensions_get_table_row_is_header (row);
      guint column = 0;

      g_string_append (out, "<w:tr>");
      if (header)
        g_string_append (out, "<w:trPr><w:tblHeader/></w:trPr>");
      for (cmark_node *cell = cmark_node_first_child (row); cell; cell = cmark_node_next (cell), column++)
        {
          Block block = { NULL, -1, 0, FALSE, NULL };
          const char *justify = NULL;

          if (alignments && column < columns)
            justify = alignments[column] == 'c' ? "center" : alignments[column] == 'r' ? "right" : NULL;
          g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/></w:tcPr>", TEXT_WIDTH / columns);
          append_paragraph (docx, out, cell, &block, header ? RUN_BOLD : 0, justify);
          g_string_append (out, "</w:tc>");
        }
      g_string_append (out, "</w:tr>");
    }
  g_string_append (out, "</w:tbl>");
}

/* A block that holds others (the story, a quotation, a list, an item, a
 * note): how its children's paragraphs look. */
typedef struct
{
  Block     block;
  gboolean  list;   /* its items keep the number and box they are given */
  char     *mark;   /* a note's number, which its paragraphs point to */
} Container;

static void
clear_container (gpointer data)
{
  g_free (((Container *)data)->mark);
}

/* Opens a numbered list's own numbering, and gives the items their level. */
static void
open_list (Docx       *docx,
           cmark_node *list,
           Block      *block)
{
  block->list_level++;
  if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    {
      /* Each numbered list counts from its own start. */
      block->num_id = 2 + docx->n_lists++;
      g_string_append_printf (docx->lists,
                              "<w:num w:numId=\"%u\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"%d\">"
                              "<w:startOverride w:val=\"%d\"/></w:lvlOverride></w:num>\n",
                              block->num_id, MIN (block->list_level, 8), cmark_node_get_list_start (list));
    }
  else
    block->num_id = 1;
}

/* Writes a leaf block, or one whose content is inlines (a paragraph, a
 * heading, a table), whole. */
static void
append_leaf_block (Docx       *docx,
                   cmark_node *node,
                   Block      *block)
{
  GString *out = docx->body;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      append_paragraph (docx, out, node, block, 0, NULL);
      break;
    case CMARK_NODE_HEADING:
      {
        Block heading = *block;
        char style[] = "Heading0";

        style[7] += CLAMP (cmark_node_get_heading_level (node), 1, 6);
        heading.style = style;
        heading.list_level = -1;
        append_paragraph (docx, out, node, &heading, 0, NULL);
      }
      break;
    case CMARK_NODE_CODE_BLOCK:
      {
        g_autofree char *code = g_strdup (cmark_node_get_literal (node));
        Block verbatim = *block;
        gsize length = strlen (code);

        if (length > 0 && code[length - 1] == '\n')
          code[length - 1] = '\0';
        verbatim.style = "SourceCode";
        open_paragraph (out, &verbatim, NULL);
        append_run (out, code, 0);
        g_string_append (out, "</w:p>");
      }
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      g_string_append (out, "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/>"
                            "</w:pBdr></w:pPr></w:p>");
      break;
    case CMARK_NODE_HTML_BLOCK:
      break;  /* never on the page either */
    default:
      g_assert (type_is (node, "table"));
      append_table (docx, node);
    }
}

/* Writes the story's blocks. Quotations, lists and notes nest as deep as
 * the story does (sixty thousand "> " are 120 KB of text), so, as for
 * inlines, the tree is walked with cmark-gfm's iterator and a stack of
 * containers, not by recursion. */
static void
append_blocks (Docx       *docx,
               cmark_node *document,
               Block       block)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (Container));
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  g_array_set_clear_func (stack, clear_container);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      Container child = { block, FALSE, NULL };
      Container *top;

      if (node == document)
        {
          if (event == CMARK_EVENT_ENTER)
            g_array_append_val (stack, child);
          continue;
        }
      if (event == CMARK_EVENT_EXIT)
        g_array_set_size (stack, stack->len - 1);
      top = &g_array_index (stack, Container, stack->len - 1);

      if (event == CMARK_EVENT_ENTER)
        {
          cmark_node_type type = cmark_node_get_type (node);

          child.block = top->block;
          /* A picture of the story's own, where the page has it (one it
           * does not have, nowhere, as on the page). */
          if (lede_markdown_photo_sha (node) != NULL)
            {
              const LedePhoto *photo = lede_markdown_find_body_photo (docx->photos, lede_markdown_photo_sha (node));

              if (photo != NULL && docx->error == NULL)
                lede_docx_pictures_append (docx->pictures, docx->body, photo, &docx->error);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              continue;
            }
          switch (type)
            {
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING:
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_THEMATIC_BREAK:
            case CMARK_NODE_HTML_BLOCK:
              append_leaf_block (docx, node, &top->block);
              /* Its inlines are written; go on after it. */
              if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)
                cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              break;
            case CMARK_NODE_BLOCK_QUOTE:
              child.block.style = "Quote";
              g_array_append_val (stack, child);
              continue;
            case CMARK_NODE_LIST:
              open_list (docx, node, &child.block);
              child.list = TRUE;
              g_array_append_val (stack, child);
              continue;
            case CMARK_NODE_FOOTNOTE_DEFINITION:
              child.mark = g_strdup_printf ("%u\t", ++docx->n_notes);
              child.block.style = "Note";
              child.block.prefix = child.mark;
              g_array_append_val (stack, child);
              continue;
            default:
              if (type_is (node, "table"))
                {
                  append_leaf_block (docx, node, &top->block);
                  cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
                  break;
                }
              /* An item carries the list's number, or its box. */
              if (top->list)
                {
                  child.block.numbered = TRUE;
                  if (type_is (node, "tasklist"))
                    child.block.prefix = cmark_gfm_extensions_get_tasklist_item_checked (node) ? "☒ " : "☐ ";
                }
              g_array_append_val (stack, child);
              continue;
            }
        }

      /* A child block is written: only a container's first block carries
       * its number or its box, but a list gives each item its own. */
      if (!top->list)
        {
          top->block.numbered = FALSE;
          top->block.prefix = NULL;
        }
    }
  cmark_iter_free (iter);
}

static void
append_field (Docx       *docx,
              const char *style,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  open_paragraph (docx->body, &(Block) { style, -1, 0, FALSE, NULL }, NULL);
  append_run (docx->body, text, 0);
  g_string_append (docx->body, "</w:p>");
}

static void
append_corrections (Docx       *docx,
                    GPtrArray  *corrections,
                    const char *language)
{
  for (guint i = 0; corrections && i < corrections->len; i++)
    {
      LedeCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *date = lede_correction_dup_date (correction, language);
      g_autofree char *rest = g_strdup_printf (", %s: %s", date, correction->note);

      open_paragraph (docx->body, &(Block) { "Correction", -1, 0, FALSE, NULL }, NULL);
      append_run (docx->body, lede_correction_kind_get_label (correction->kind, language), RUN_BOLD);
      append_run (docx->body, rest, 0);
      g_string_append (docx->body, "</w:p>");
    }
}

static char *
document_xml (Docx              *docx,
              const LedeVerdict *verdict)
{
  LedeArticle *article = lede_verdict_get_article (verdict);
  g_autofree char *embargo = lede_verdict_dup_embargo_line (verdict);
  cmark_parser *parser = NULL;
  cmark_node *tree = lede_markdown_parse_tree (lede_article_get_body (article), -1, &parser);
  Block block = { NULL, -1, 0, FALSE, NULL };

  /* As on the page: a story sent out early says so first. */
  if (embargo != NULL)
    append_field (docx, "Embargo", embargo);
  /* A document goes to the print desk: its title is the print headline
   * (issue 32), else the web one; the properties keep the web headline. */
  append_field (docx, "Title", lede_article_get_headline_for (article, LEDE_HEADLINE_PRINT));
  append_field (docx, "Subtitle", lede_article_get_standfirst (article));
  append_field (docx, "Byline", lede_article_get_byline (article));
  append_field (docx, "Dateline", lede_article_get_dateline (article));
  if (lede_article_get_lead_photo (article) != NULL)
    lede_docx_pictures_append (docx->pictures, docx->body, lede_article_get_lead_photo (article), &docx->error);

  append_blocks (docx, tree, block);
  append_corrections (docx, lede_article_get_corrections (article), lede_article_get_language (article));
  cmark_node_free (tree);
  cmark_parser_free (parser);

  return g_strconcat (XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" xmlns:wp=\"" NS_WP "\"><w:body>",
                      docx->body->str,
                      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
                      "w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
                      "</w:body></w:document>\n", NULL);
}

static void
append_element (GString    *out,
                const char *name,
                const char *attributes,
                const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, "<%s%s>", name, attributes);
  append_escaped (out, text, -1);
  g_string_append_printf (out, "</%s>", name);
}

static char *
core_xml (LedeArticle        *article,
          const char * const *tags)
{
  GString *out = g_string_new (XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                                        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
  g_autofree char *keywords = tags ? g_strjoinv (", ", (char **) tags) : NULL;
  g_autofree char *created = lede_article_get_created (article) ? lede_time_format_utc (lede_article_get_created (article)) : NULL;
  g_autofree char *modified = lede_article_get_updated (article) ? lede_time_format_utc (lede_article_get_updated (article)) : NULL;

  append_element (out, "dc:title", "", lede_article_get_headline (article));
  append_element (out, "dc:creator", "", lede_article_get_byline (article));
  append_element (out, "dc:description", "", lede_article_get_standfirst (article));
  if (lede_markup_text_is_language_tag (lede_article_get_language (article)))
    append_element (out, "dc:language", "", lede_article_get_language (article));
  append_element (out, "dc:identifier", "", lede_article_get_uuid (article));
  append_element (out, "cp:keywords", "", keywords);
  append_element (out, "dcterms:created", " xsi:type=\"dcterms:W3CDTF\"", created);
  append_element (out, "dcterms:modified", " xsi:type=\"dcterms:W3CDTF\"", modified);
  g_string_append (out, "</cp:coreProperties>\n");
  return g_string_free (out, FALSE);
}

static char *
resource_string (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCES, name, NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (lede_interchange_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);  /* compiled into interchange/ */
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Loaded once a process, and kept; NULL with @error when it cannot be. */
static const LedeZipModule *
zip_module (GError **error)
{
  static LedeModuleOnce once;
  const char *missing;
  const LedeZipModule *module = lede_paths_load_module_once (&once, LEDE_ZIP_MODULE_NAME, "src/core/interchange",
                                                             LEDE_ZIP_MODULE_ENTRY, LEDE_ZIP_MODULE_ABI, &missing);

  if (module == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("Lede cannot write Word documents: a file of Lede’s is missing (%s). Install Lede again."), missing);
  return module;
}

/**
 * lede_docx_can_write:
 *
 * Returns: %FALSE, with @error set in words, when Word documents cannot be
 *   written at all (Lede's zip module is missing): asked once before a
 *   batch, rather than once a story
 */
gboolean
lede_docx_can_write (GError **error)
{
  return zip_module (error) != NULL;
}

static void
add_part (const LedeZipModule *zipper,
          gpointer             zip,
          const char          *name,
          const char          *text)
{
  zipper->add (zip, name, text, strlen (text), FALSE);
}

/**
 * lede_docx_write:
 * @verdict: the gate's, letting the story out (its tags become the
 *   document's keywords)
 * @library: (nullable): where its photos' bytes are; without it each
 *   photo is its alt text, caption and credit
 *
 * Returns: (transfer full): the story as a .docx file's bytes, or %NULL
 *   with @error set when a photo's bytes are missing or damaged
 */
GBytes *
lede_docx_write (const LedeVerdict  *verdict,
                 LedeLibrary        *library,
                 GError            **error)
{
  g_autoptr (LedeDocxPictures) pictures = lede_docx_pictures_new (library);
  g_autofree char *content_types = NULL;
  LedeArticle *article;
  Docx docx = { NULL };
  g_autofree char *document = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *numbering_head = NULL;
  g_autofree char *numbering = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *core = NULL;
  const LedeZipModule *zipper;
  gpointer zip;

  g_return_val_if_fail (verdict != NULL && lede_verdict_may_leave (verdict), NULL);

  if (!(zipper = zip_module (error)))
    return NULL;

  article = lede_verdict_get_article (verdict);
  docx.body = g_string_new (NULL);
  docx.links = g_string_new (NULL);
  docx.lists = g_string_new (NULL);
  docx.photos = lede_article_get_photos (article);
  docx.pictures = pictures;
  numbering_head = resource_string ("numbering-head.xml");
  styles = resource_string ("styles.xml");
  core = core_xml (article, lede_verdict_get_tags (verdict));
  document = document_xml (&docx, verdict);
  if (docx.error != NULL)
    {
      g_propagate_error (error, docx.error);
      g_string_free (docx.body, TRUE);
      g_string_free (docx.links, TRUE);
      g_string_free (docx.lists, TRUE);
      return NULL;
    }
  relations = g_strconcat (XML_HEAD "<Relationships xmlns=\"" NS_REL "\">"
                           "<Relationship Id=\"styles\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
                           "<Relationship Id=\"numbering\" Type=\"" NS_R "/numbering\" Target=\"numbering.xml\"/>",
                           docx.links->str, lede_docx_pictures_get_relations (pictures), "</Relationships>\n", NULL);
  content_types = g_strconcat (XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
            lede_docx_pictures_get_content_types (pictures),
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            "</Types>\n", NULL);
  numbering = g_strconcat (numbering_head, docx.lists->str, "</w:numbering>\n", NULL);

  zip = zipper->new_zip ();
  /* The content types come first, as Office itself writes them. */
  add_part (zipper, zip, "[Content_Types].xml", content_types);
  add_part (zipper, zip, "_rels/.rels",
            XML_HEAD "<Relationships xmlns=\"" NS_REL "\">"
            "<Relationship Id=\"document\" Type=\"" NS_R "/officeDocument\" Target=\"word/document.xml\"/>"
            "<Relationship Id=\"core\" Type=\"" NS_REL "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            "</Relationships>\n");
  add_part (zipper, zip, "docProps/core.xml", core);
  add_part (zipper, zip, "word/document.xml", document);
  add_part (zipper, zip, "word/_rels/document.xml.rels", relations);
  add_part (zipper, zip, "word/styles.xml", styles);
  add_part (zipper, zip, "word/numbering.xml", numbering);
  /* Pictures are compressed already: deflating them again costs time
   * and gains nothing, so they are stored. */
  for (guint i = 0; i < lede_docx_pictures_get_n_media (pictures); i++)
    {
      GBytes *bytes;
      const char *name = lede_docx_pictures_get_media (pictures, i, &bytes);
      g_autofree char *part = g_strconcat ("word/media/", name, NULL);

      zipper->add (zip, part, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), TRUE);
    }

  g_string_free (docx.body, TRUE);
  g_string_free (docx.links, TRUE);
  g_string_free (docx.lists, TRUE);
  return zipper->finish (zip);
}
