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

/* GitHub's extensions, in the order GitHub attaches them. */
static const char * const EXTENSIONS[] = {
  "table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/* Raw HTML in a story never reaches the page: without CMARK_OPT_UNSAFE,
 * cmark-gfm drops it (and javascript: links), and "tagfilter" disarms the
 * tags GitHub disarms. Source positions let the preview follow the editor. */
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

static cmark_node *
parse (const char    *markdown,
       gssize         length,
       cmark_parser **parser_out)
{
  cmark_parser *parser;

  ensure_extensions ();

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);

  parser = cmark_parser_new (RENDER_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (EXTENSIONS); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (EXTENSIONS[i]);
      g_assert (extension != NULL);
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

/* Parses once and renders as HTML (with the options the preview and export
 * rely on) or as plain text. */
static char *
render (const char *markdown,
        gssize      length,
        gboolean    as_html)
{
  cmark_parser *parser = NULL;
  cmark_node *document = parse (markdown, length, &parser);
  char *out;

  if (as_html)
    out = cmark_render_html (document, RENDER_OPTIONS, cmark_parser_get_syntax_extensions (parser));
  else
    out = cmark_render_plaintext (document, CMARK_OPT_DEFAULT, 0);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return to_glib_string (out);
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
  return render (markdown, length, TRUE);
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
  return render (markdown, length, FALSE);
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

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *markdown = task_data;
  gsize length;
  const char *data = g_bytes_get_data (markdown, &length);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, lede_markdown_to_html (data, length), g_free);
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
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  if (markdown == NULL)
    markdown = "";
  if (length < 0)
    length = strlen (markdown);

  g_task_set_source_tag (task, lede_markdown_to_html_async);
  g_task_set_task_data (task, g_bytes_new (markdown, length), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, render_thread);
}

char *
lede_markdown_to_html_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
