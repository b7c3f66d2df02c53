/* lede-attribution.h: the direct quotations in a story, and who each is
 * credited to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-source.h"

G_BEGIN_DECLS

#define LEDE_TYPE_QUOTE (lede_quote_get_type ())

typedef struct {
  guint  offset;    /* where the quotation opens, in characters of the text */
  guint  length;    /* in characters, with its quotation marks */
  gsize  start;     /* the same in bytes: where it opens… */
  gsize  end;       /* …and the byte after its closing mark */
  guint  line;      /* from 1 */
  char  *text;      /* the words inside the quotation marks */
  char  *speaker;   /* the linked source it is credited to, or NULL */
  char  *why;       /* when not credited, what is wrong: "is not attributed: …" */
} LedeQuote;

GType      lede_quote_get_type        (void) G_GNUC_CONST;
LedeQuote *lede_quote_copy            (const LedeQuote *quote);
void       lede_quote_free            (LedeQuote       *quote);
GPtrArray *lede_attribution_check     (const char      *text,
                                       GPtrArray       *sources);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeQuote, lede_quote_free)

G_END_DECLS
