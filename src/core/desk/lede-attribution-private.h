/* lede-attribution-private.h: a paragraph's words as the attribution
 * check reads them, shared by lede-attribution.c, lede-quote-paragraph.c
 * and lede-speaker.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word of a paragraph: where it is, and how it compares. */
typedef struct {
  gsize     start, end;   /* bytes in the paragraph */
  const char *folded;     /* casefolded, without a possessive 's; in the paragraph's words */
  gboolean  quoted;       /* inside a quotation */
  gboolean  capital;      /* begins with a capital letter */
} Token;

typedef struct {
  gsize open, inner, close, end;   /* bytes: mark, words, closing mark, after it */
} Span;

typedef struct {
  gsize   start, end;    /* bytes of the text */
  guint   offset, line;  /* characters and line (from 1) where it starts */
  GArray *tokens;        /* of Token, made when first needed */
  GStringChunk *words;   /* the tokens' folded words, each once: one
                          * allocation a word made long stories slow */
  GArray *spans;         /* of Span */
  GArray *verbs;         /* of guint: the speech verbs' words, outside quotations */
  GArray *stops;         /* of gsize: where its sentences end, outside quotations */
  guint64 named;         /* the sources it names, once worked out */
  gboolean named_known;
  int     pronoun_verb;  /* "he said" in it: -1 until worked out */
} Paragraph;

#define TOKEN(par, i) (&g_array_index ((par)->tokens, Token, (i)))

/* Where a linked source is named, outside quotations. */
typedef struct {
  guint token;   /* its first word */
  guint last;    /* its last word */
  guint source;  /* index into the sources */
} Mention;

/* A list of folded words, asked of every word of a story: looked up in a
 * hash set made at first use (a walk down a hundred speech verbs for each
 * of a long story's words took seconds). */
typedef struct {
  const char * const *words;
  GHashTable         *set;
} LedeWordList;

gboolean  lede_quote_is_one_of                (const char   *folded,
                                               LedeWordList *list);
gboolean  lede_quote_paragraph_is_speech_verb (const char *folded);
gboolean  lede_quote_paragraph_is_pronoun     (const char *folded);
gboolean  lede_quote_paragraph_is_name_join   (const char *folded);
gboolean  lede_quote_paragraph_never_names    (const char *folded);
char     *lede_quote_paragraph_tidy_name      (const char *name,
                                               gsize       length);
guint     lede_quote_paragraph_token_at       (Paragraph  *paragraph,
                                               gsize       at);
guint     lede_quote_paragraph_mention_after  (GArray     *mentions,
                                               guint       pivot);
char     *lede_quote_paragraph_capitalised_run (const char *text,
                                                Paragraph  *paragraph,
                                                int         at,
                                                int         step);

G_END_DECLS
