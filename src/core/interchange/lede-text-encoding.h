/* lede-text-encoding.h: text that is not UTF-8 read as UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDE_TEXT_ENCODING_ERROR (lede_text_encoding_error_quark ())

typedef enum
{
  LEDE_TEXT_ENCODING_ERROR_INVALID,   /* not text in the encoding it was read as */
  LEDE_TEXT_ENCODING_ERROR_UNKNOWN,   /* an encoding name iconv does not know */
} LedeTextEncodingError;

GQuark  lede_text_encoding_error_quark (void);
char   *lede_text_encoding_convert     (const char  *data,
                                        gsize        len,
                                        const char  *encoding,
                                        gsize       *out_len,
                                        GError     **error);
char   *lede_text_encoding_from_bom    (const char  *data,
                                        gsize        len,
                                        gsize       *out_len,
                                        const char **encoding,
                                        GError     **error);
gboolean lede_text_encoding_has_utf8_sequence (const char *data,
                                        gsize        len);
char   *lede_text_encoding_from_windows_1252 (const char  *data,
                                        gsize        len,
                                        gsize       *out_len,
                                        GError     **error);
void    lede_text_encoding_locate      (const char  *data,
                                        gsize        offset,
                                        gsize       *line,
                                        gsize       *column);

G_END_DECLS
