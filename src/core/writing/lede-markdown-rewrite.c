/* lede-markdown-rewrite.c: the addresses of a story's pictures changed in
 * its Markdown, and nothing else. A Markdown export writes each picture's
 * lede-photo:SHA as the file beside it, and import turns those files back
 * into lede-photo:SHA, so a round trip gives back the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-markdown"

#include "config.h"

#include <string.h>

#include "lede-markdown.h"
#include "lede-markdown-private.h"

typedef struct {
  gsize  at;    /* where the address begins in the text */
  gsize  len;   /* its length there */
  char  *url;   /* what it becomes */
} Change;

static void
change_clear (Change *change)
{
  g_free (change->url);
}

/* Where the address @url of the picture written between @start and @end
 * begins: after a "](" and any spaces, line breaks or "<". The first such
 * one wins, so a description or title holding the same text is left. */
static const char *
find_url (const char *start,
          const char *end,
          const char *url)
{
  gsize len = strlen (url);

  for (const char *p = start; p + 2 <= end; p++)
    {
      const char *q;

      if (p[0] != ']' || p[1] != '(')
        continue;
      for (q = p + 2; q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'); q++)
        ;
      if (q < end && *q == '<')
        q++;
      if ((gsize)(end - q) >= len && memcmp (q, url, len) == 0)
        return q;
    }
  return NULL;
}

/**
 * lede_markdown_rewrite_pictures:
 * @markdown: the body
 * @func: (scope call): given a picture's address and description, its
 *   new address, or %NULL to leave it
 *
 * Asks @func about every picture alone on its paragraph (the pictures a
 * story shows as figures), and changes the address where the text has it
 * as it is (without escapes), leaving every other byte of @markdown.
 *
 * Returns: (transfer full): the body with those addresses changed
 */
char *
lede_markdown_rewrite_pictures (const char         *markdown,
                                LedeRewriteUrlFunc  func,
                                gpointer            user_data)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (gsize));  /* where each line begins */
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  cmark_parser *parser = NULL;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  gsize length = markdown ? strlen (markdown) : 0, copied = 0;
  GString *out;

  if (markdown == NULL)
    return g_strdup ("");
  g_array_set_clear_func (changes, (GDestroyNotify)change_clear);
  g_array_append_val (lines, copied);
  for (gsize i = 0; i < length; i++)
    if (markdown[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (lines, next);
      }

  document = lede_markdown_parse_tree (markdown, length, &parser);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node *image = cmark_node_first_child (node);
      int first = cmark_node_get_start_line (node), last = cmark_node_get_end_line (node);
      g_autofree char *url = NULL;
      const char *start, *end, *at;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH ||
          image == NULL || cmark_node_next (image) != NULL || cmark_node_get_type (image) != CMARK_NODE_IMAGE ||
          first < 1 || last < first || (guint)last > lines->len)
        continue;
      {
        g_autofree char *description = lede_markdown_image_description (image);

        if ((url = func (cmark_node_get_url (image), description, user_data)) == NULL)
          continue;
      }
      start = markdown + g_array_index (lines, gsize, first - 1);
      end = (guint)last < lines->len ? markdown + g_array_index (lines, gsize, last) : markdown + length;
      if ((at = find_url (start, end, cmark_node_get_url (image))) != NULL)
        {
          Change change = { at - markdown, strlen (cmark_node_get_url (image)), g_steal_pointer (&url) };

          g_array_append_val (changes, change);
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  cmark_parser_free (parser);

  out = g_string_sized_new (length);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_string_append_len (out, markdown + copied, change->at - copied);
      g_string_append (out, change->url);
      copied = change->at + change->len;
    }
  g_string_append_len (out, markdown + copied, length - copied);
  return g_string_free (out, FALSE);
}
