/* lede-markdown.h: a story's Markdown body as HTML and as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lede-photo.h"

G_BEGIN_DECLS

/* A picture in the body is an image alone on its paragraph at this
 * address followed by the photo's SHA-256: ![alt](lede-photo:SHA). */
#define LEDE_PHOTO_URL_PREFIX "lede-photo:"

/* Where the page finds @photo's picture (the file beside an exported
 * page; the preview's lede-photo:SHA); a new string, or %NULL for
 * lede-photo:SHA; "" leaves the picture out. */
typedef char *(*LedePhotoUrlFunc) (const LedePhoto *photo,
                                   gpointer         user_data);

/* Past this many table cells (see lede_markdown_count_table_cells()) a
 * story's tables are shown as text: about a third of a second of work. */
#define LEDE_MARKDOWN_MAX_TABLE_CELLS 200000
/* A table row wider than this many cells costs cmark-gfm the square of its
 * width, so it too shows the story's tables as text. */
#define LEDE_MARKDOWN_MAX_TABLE_COLUMNS 1000
/* Past this many "[" and "![" left open below a link closing in one block
 * (see lede_markdown_count_open_brackets()), that block's brackets are text. */
#define LEDE_MARKDOWN_MAX_OPEN_BRACKETS 256
/* Past this many "@", "www." and "://" (see
 * lede_markdown_count_autolink_marks()) addresses are not made links. */
#define LEDE_MARKDOWN_MAX_AUTOLINK_MARKS 10000

char     *lede_markdown_to_html          (const char           *markdown,
                                          gssize                length);
char     *lede_markdown_to_published_html (const char          *markdown,
                                          gssize               length);
char     *lede_markdown_to_html_with_photos (const char        *markdown,
                                          gssize               length,
                                          GPtrArray           *photos,
                                          LedePhotoUrlFunc     url_func,
                                          gpointer             user_data);
char     *lede_markdown_to_published_html_with_photos (const char *markdown,
                                          gssize               length,
                                          GPtrArray           *photos,
                                          LedePhotoUrlFunc     url_func,
                                          gpointer             user_data);
char     *lede_markdown_dup_figure       (const LedePhoto     *photo,
                                          const char          *url,
                                          const char          *fallback_alt,
                                          const char          *css_class,
                                          const char          *attributes);
char     *lede_markdown_dup_photo_url    (const LedePhoto     *photo,
                                          LedePhotoUrlFunc     url_func,
                                          gpointer             user_data);
/* A picture's new address, or %NULL to leave it, given its address and
 * its description (lede_markdown_rewrite_pictures()). */
typedef char *(*LedeRewriteUrlFunc) (const char *url,
                                     const char *description,
                                     gpointer    user_data);
char     *lede_markdown_rewrite_pictures (const char         *markdown,
                                          LedeRewriteUrlFunc  func,
                                          gpointer            user_data);
char     *lede_markdown_to_plain_text    (const char           *markdown,
                                          gssize                length);
guint     lede_markdown_count_words      (const char           *markdown);
gsize     lede_markdown_count_table_cells (const char          *markdown,
                                          gssize                length);
gsize     lede_markdown_count_autolink_marks (const char       *markdown,
                                          gssize                length);
gsize     lede_markdown_count_open_brackets (const char        *markdown,
                                          gssize                length);

void      lede_markdown_to_html_async    (const char           *markdown,
                                          gssize                length,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
void      lede_markdown_to_html_with_photos_async (const char *markdown,
                                          gssize               length,
                                          GPtrArray           *photos,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char     *lede_markdown_to_html_finish   (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
