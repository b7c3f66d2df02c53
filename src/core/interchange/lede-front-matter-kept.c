/* lede-front-matter-kept.c: keys of a front matter Lede does not know
 * (a theme's, a static site generator's), kept to be written back: as
 * written when that text stands on its own, else written again in flow
 * style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#include "lede-front-matter-private.h"

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
                ok = ok && g_strcmp0 (_lede_front_matter_scalar (&doc, key_node), expected[i] ? expected[i] : key) == 0;
              }
            /* And its value reads the same: a line break inside a flow
             * value makes what follows it a new line, where a byte order
             * mark is skipped and a "#" begins a comment. */
            if (ok && value != NULL)
              ok = g_strcmp0 (_lede_front_matter_scalar (&doc, yaml_document_get_node (&doc, root->data.mapping.pairs.start[1].value)),
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
      if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && is_safe_plain (_lede_front_matter_scalar (doc, node)))
        g_string_append (out, _lede_front_matter_scalar (doc, node));
      else
        lede_front_matter_append_string (out, _lede_front_matter_scalar (doc, node));
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
gboolean
_lede_front_matter_keep_unknown_key (yaml_document_t  *doc,
                                     yaml_node_t      *key_node,
                                     yaml_node_t      *value_node,
                                     CharCursor       *cursor,
                                     GString          *extra,
                                     GError          **error)
{
  const char *key = _lede_front_matter_scalar (doc, key_node);
  /* Asked in the order they come in the text, so the cursor only moves
   * on: asked for the key's end after the value's, it started again from
   * the top for every key. */
  gsize start = _lede_front_matter_byte_offset (cursor, key_node->start_mark.index);
  gsize key_end = _lede_front_matter_byte_offset (cursor, key_node->end_mark.index);
  gsize end = _lede_front_matter_byte_offset (cursor, value_node->end_mark.index);

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

  if (start < end && snippet_stands_alone (cursor->text + start, end - start, key, _lede_front_matter_scalar (doc, value_node)))
    {
      g_string_append_len (extra, cursor->text + start, end - start);
      if (extra->str[extra->len - 1] != '\n')
        g_string_append_c (extra, '\n');
      return TRUE;
    }

  append_key (extra, key);
  if (!emit_flow (doc, value_node, extra, 0))
    {
      g_set_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID,
                   _("The front matter’s “%s” is nested too deeply"), key);
      return FALSE;
    }
  g_string_append_c (extra, '\n');
  return TRUE;
}
