/* lede-search-hit.h: one story found by a search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SEARCH_HIT (lede_search_hit_get_type ())

typedef struct {
  gint64  id;
  char   *headline;
  /* A few words around the match, the matched words between [ and ]. */
  char   *snippet;
  /* bm25: lower is a better match. */
  double  rank;
} LedeSearchHit;

GType          lede_search_hit_get_type (void) G_GNUC_CONST;
LedeSearchHit *lede_search_hit_new      (gint64               id,
                                         const char          *headline,
                                         const char          *snippet,
                                         double               rank);
LedeSearchHit *lede_search_hit_copy     (const LedeSearchHit *hit);
void           lede_search_hit_free     (LedeSearchHit       *hit);
char          *lede_search_make_plain_query (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeSearchHit, lede_search_hit_free)

G_END_DECLS
