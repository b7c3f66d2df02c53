/* lede-words.h: the words of a Markdown story a spell checker should look
 * at, and the ones it should not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start;   /* byte offsets into the text */
  gsize end;
} LedeWordSpan;

GArray *lede_words_find (const char *text,
                         gssize      len);

G_END_DECLS
