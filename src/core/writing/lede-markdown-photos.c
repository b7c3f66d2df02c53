/* lede-markdown-photos.c: a story's pictures in its Markdown tree.
 *
 * A picture in the body is an image alone on its paragraph whose address
 * is "lede-photo:" and the photo's SHA-256 (64 lowercase hex digits). On
 * the page it becomes a <figure>: the photo's alt text (else the bracket
 * text), its size upright, its caption and credit, at the address the
 * caller gives (the file beside an exported page, lede-photo:SHA in the
 * preview). One whose photo the story does not have shows nothing (the
 * copy desk says so). The texts come from the LedePhoto, never from the
 * Markdown line.
 *
 * These functions call nothing in lede-markdown.c, which calls them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-markdown"

#include "config.h"

#include <string.h>

#include "lede-markdown.h"
#include "lede-markdown-private.h"
#include "lede-markup-text.h"

/**
 * lede_markdown_image_description:
 *
 * Returns: (transfer full): a picture's description as plain text, as
 *   cmark-gfm writes it for alt
 */
char *
lede_markdown_image_description (cmark_node *image)
{
  GString *out = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (image);
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
          g_string_append (out, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  return g_string_free (out, FALSE);
}

/**
 * lede_markdown_photo_sha:
 * @node: any node of the tree
 *
 * Returns: (nullable): the SHA-256 @node names when it is a paragraph
 *   holding nothing but a `lede-photo:` image (a picture of the story's
 *   own), pointing into the image's address; %NULL otherwise
 */
const char *
lede_markdown_photo_sha (cmark_node *node)
{
  cmark_node *image;
  const char *url;

  if (node == NULL || cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH)
    return NULL;
  image = cmark_node_first_child (node);
  if (image == NULL || cmark_node_next (image) != NULL || cmark_node_get_type (image) != CMARK_NODE_IMAGE)
    return NULL;
  url = cmark_node_get_url (image);
  if (url == NULL || !g_str_has_prefix (url, LEDE_PHOTO_URL_PREFIX) ||
      !lede_photo_is_sha256 (url + strlen (LEDE_PHOTO_URL_PREFIX)))
    return NULL;
  return url + strlen (LEDE_PHOTO_URL_PREFIX);
}

/**
 * lede_markdown_find_body_photo:
 * @photos: (nullable) (element-type LedePhoto): the story's photos
 *
 * Returns: (nullable) (transfer none): the story's picture in the body
 *   with @sha256, or %NULL when it has none
 */
const LedePhoto *
lede_markdown_find_body_photo (GPtrArray  *photos,
                               const char *sha256)
{
  for (guint i = 0; photos != NULL && sha256 != NULL && i < photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_BODY && g_strcmp0 (photo->sha256, sha256) == 0)
        return photo;
    }
  return NULL;
}

/* A text in an attribute's value: on one line, escaped. */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *clean = lede_markup_text_clean (value ? value : "", -1, " ");
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

/* A text in an element: escaped, Word's manual line break a <br>. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *clean = lede_markup_text_clean (text, -1, NULL);
  g_auto (GStrv) lines = g_strsplit (clean, "\v", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (out, "<br>");
      g_string_append (out, escaped);
    }
}

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped != '\0';
}

/**
 * lede_markdown_dup_figure:
 * @photo: the photo
 * @url: where the page finds its picture
 * @fallback_alt: (nullable): the alt text when the photo has none (the
 *   bracket text of its Markdown line)
 * @css_class: (nullable): the figure's class
 * @attributes: (nullable): more attributes for the figure, as HTML
 *   (the preview's data-sourcepos), each after a space
 *
 * Returns: (transfer full): `<figure><img src alt width height>
 *   <figcaption>CAPTION <span class="credit">CREDIT</span></figcaption>
 *   </figure>`, the caption left out when the photo has neither text
 */
char *
lede_markdown_dup_figure (const LedePhoto *photo,
                          const char      *url,
                          const char      *fallback_alt,
                          const char      *css_class,
                          const char      *attributes)
{
  GString *out = g_string_new ("<figure");
  const char *alt = photo->alt_text && *photo->alt_text ? photo->alt_text : fallback_alt;
  gboolean caption = has_text (photo->caption), credit = has_text (photo->credit);

  if (css_class != NULL)
    append_attribute (out, "class", css_class);
  if (attributes != NULL)
    g_string_append (out, attributes);
  g_string_append (out, "><img");
  append_attribute (out, "src", url);
  append_attribute (out, "alt", alt);
  /* Upright, as the browser will show it: the page keeps its place. */
  if (photo->width > 0 && photo->height > 0)
    g_string_append_printf (out, " width=\"%u\" height=\"%u\"", photo->width, photo->height);
  g_string_append (out, ">");
  if (caption || credit)
    {
      g_string_append (out, "<figcaption>");
      if (caption)
        append_text (out, photo->caption);
      if (caption && credit)
        g_string_append_c (out, ' ');
      if (credit)
        {
          g_string_append (out, "<span class=\"credit\">");
          append_text (out, photo->credit);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</figcaption>");
    }
  g_string_append (out, "</figure>\n");
  return g_string_free (out, FALSE);
}

/**
 * lede_markdown_dup_photo_url:
 * @url_func: (nullable): the caller's; %NULL for `lede-photo:SHA`
 *
 * Returns: (transfer full): where the page finds @photo's picture
 */
char *
lede_markdown_dup_photo_url (const LedePhoto  *photo,
                             LedePhotoUrlFunc  url_func,
                             gpointer          user_data)
{
  char *url = url_func ? url_func (photo, user_data) : NULL;

  return url ? url : g_strconcat (LEDE_PHOTO_URL_PREFIX, photo->sha256, NULL);
}

/**
 * lede_markdown_place_figures:
 * @document: the tree, cleaned
 * @photos: (nullable) (element-type LedePhoto): the story's photos
 * @sourcepos: whether each figure says where its line is (the preview)
 *
 * Puts a figure (a custom block cmark-gfm writes as it is) in place of
 * every paragraph that is a picture of the story's own, and takes out
 * those whose photo the story does not have.
 */
void
lede_markdown_place_figures (cmark_node       *document,
                             GPtrArray        *photos,
                             LedePhotoUrlFunc  url_func,
                             gpointer          user_data,
                             gboolean          sourcepos)
{
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  /* Collected first: a tree must not change under its iterator. */
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && lede_markdown_photo_sha (node) != NULL)
        g_ptr_array_add (paragraphs, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      cmark_node *paragraph = g_ptr_array_index (paragraphs, i);
      const LedePhoto *photo = lede_markdown_find_body_photo (photos, lede_markdown_photo_sha (paragraph));

      g_autofree char *url = photo ? lede_markdown_dup_photo_url (photo, url_func, user_data) : NULL;

      /* An empty address: the caller leaves the picture out. */
      if (photo != NULL && *url)
        {
          cmark_node *figure = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
          g_autofree char *alt = lede_markdown_image_description (cmark_node_first_child (paragraph));
          g_autofree char *where = NULL;
          g_autofree char *html = NULL;

          if (sourcepos)
            where = g_strdup_printf (" data-sourcepos=\"%d:%d-%d:%d\"",
                                     cmark_node_get_start_line (paragraph), cmark_node_get_start_column (paragraph),
                                     cmark_node_get_end_line (paragraph), cmark_node_get_end_column (paragraph));
          html = lede_markdown_dup_figure (photo, url, alt, "photo", where);
          cmark_node_set_on_enter (figure, html);
          if (!cmark_node_insert_before (paragraph, figure))
            cmark_node_free (figure);
        }
      cmark_node_free (paragraph);
    }
}
