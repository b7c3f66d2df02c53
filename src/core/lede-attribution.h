/* lede-attribution.h: the direct quotations in a story, and whether each
 * names one of the story's sources in its paragraph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-source.h"

G_BEGIN_DECLS

#define LEDE_TYPE_QUOTE (lede_quote_get_type ())

typedef struct {
  guint  offset;    /* where the quotation opens, in characters of the body */
  guint  line;      /* from 1 */
  char  *text;      /* the words inside the quotation marks */
  char  *speaker;   /* the source named in the paragraph, or NULL */
} LedeQuote;

GType      lede_quote_get_type        (void) G_GNUC_CONST;
LedeQuote *lede_quote_copy            (const LedeQuote *quote);
void       lede_quote_free            (LedeQuote       *quote);
GPtrArray *lede_attribution_check     (const char      *body,
                                       GPtrArray       *sources);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeQuote, lede_quote_free)

G_END_DECLS
