/* lede-attribution.h: the direct quotations in a story, and who each is
 * credited to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-source.h"

G_BEGIN_DECLS

#define LEDE_TYPE_QUOTE (lede_quote_get_type ())

/* Why a quotation is not credited to one of the story's sources. */
typedef enum
{
  LEDE_QUOTE_ATTRIBUTED,
  LEDE_QUOTE_NO_SOURCE_NAMED,     /* its paragraph names none of them */
  LEDE_QUOTE_CREDITED_ELSEWHERE,  /* to someone who is not one (credited) */
  LEDE_QUOTE_PRONOUN_AMBIGUOUS,   /* "she said", the graf before names several */
  LEDE_QUOTE_PRONOUN_UNRESOLVED,  /* "she said", no earlier graf names one */
  LEDE_QUOTE_UNNAMED_SPEAKER,     /* to "a government spokesman" (credited) */
  LEDE_QUOTE_DOCUMENT,            /* the wording of "the resolution" (credited) */
} LedeQuoteTrouble;

typedef struct {
  guint  offset;    /* where the quotation opens, in characters of the text */
  guint  length;    /* in characters, with its quotation marks */
  gsize  start;     /* the same in bytes: where it opens… */
  gsize  end;       /* …and the byte after its closing mark */
  guint  line;      /* from 1 */
  char  *text;      /* the words inside the quotation marks */
  char  *speaker;   /* the linked source it is credited to, or NULL */
  LedeQuoteTrouble trouble;
  char  *credited;  /* who or what, as written, when not a linked source */
} LedeQuote;

GType      lede_quote_get_type        (void) G_GNUC_CONST;
LedeQuote *lede_quote_copy            (const LedeQuote *quote);
void       lede_quote_free            (LedeQuote       *quote);
GPtrArray *lede_attribution_check     (const char      *text,
                                       GPtrArray       *sources);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeQuote, lede_quote_free)

G_END_DECLS
