/* lede-html-reader.h: HTML read into a story's Markdown (wire bodies,
 * WordPress drafts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDE_HTML_READER_ERROR (lede_html_reader_error_quark ())

typedef enum
{
  LEDE_HTML_READER_ERROR_NOT_UTF8,  /* the HTML is not UTF-8 text */
  LEDE_HTML_READER_ERROR_TOO_DEEP,  /* nested past what the parser reads whole */
  LEDE_HTML_READER_ERROR_PARSE,     /* the parser gave up */
} LedeHtmlReaderError;

/* Elements nested deeper than this are refused, not cut: libxml2 stops
 * reading a document there. */
#define LEDE_HTML_READER_MAX_DEPTH 256

GQuark  lede_html_reader_error_quark (void);
char   *lede_html_reader_to_markdown (const char  *html,
                                      gssize       length,
                                      GError     **error);

G_END_DECLS
