/* lede-style-private.h: a house style made ready to check with, shared by
 * lede-style.c (which makes it) and lede-check-style.c (which reads it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-style.h"

G_BEGIN_DECLS

/* One spelling a rule looks for: a swap's or either's key (side 0),
 * either's other spelling (side 1), or an existence token. */
typedef struct {
  const LedeStyleRule *rule;
  guint                index;     /* in rule->keys */
  guint                side;
  GRegex              *pattern;   /* NULL for a literal phrase, looked up by words */
} LedeStyleSpelling;

struct _LedeStyle
{
  gatomicrefcount  ref;
  GPtrArray       *rules;       /* (element-type LedeStyleRule) */
  GPtrArray       *spellings;   /* (element-type LedeStyleSpelling) owned */
  /* Literal phrases, words joined by one space: exact, and case-folded for
   * rules that ignore case. Each value is a GPtrArray of spellings. */
  GHashTable      *exact;
  GHashTable      *folded;
  guint            max_words;   /* the most words in any literal phrase */
  GPtrArray       *patterns;    /* (element-type LedeStyleSpelling) the rest, borrowed */
  GPtrArray       *counters;    /* (element-type GRegex) per occurrence rule, NULL-free; index = rule order */
  GPtrArray       *counted;     /* (element-type LedeStyleRule) borrowed: the occurrence rules */
};

/* Whether a character is part of a word, as Vale's \b reads it. */
static inline gboolean
lede_style_is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || g_unichar_ismark (c);
}

G_END_DECLS
