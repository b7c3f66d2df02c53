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

/* Where a text read a few lines at a time has got to. */
typedef struct {
  gboolean fenced;         /* inside a ``` or ~~~ block */
  gboolean after_blank;
  gboolean indented_code;  /* inside an indented code block */
} LedeWordsState;

void    lede_words_state_init (LedeWordsState *state);
GArray *lede_words_find       (const char     *text,
                               gssize          len);
GArray *lede_words_find_more  (const char     *text,
                               gssize          len,
                               LedeWordsState *state);
void    lede_words_skip       (const char     *text,
                               gssize          len,
                               LedeWordsState *state);

G_END_DECLS
