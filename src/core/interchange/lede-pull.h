/* lede-pull.h: a WordPress site's drafts brought into the library as
 * stories linked to their posts, to be written offline and sent back as
 * updates of the same posts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-wordpress.h"

G_BEGIN_DECLS

/* A draft or pending post on a site, as its list gives it. */
typedef struct {
  gint64  post_id;
  char   *title;         /* as the site keeps it (raw), entities decoded */
  char   *status;        /* draft or pending */
  char   *modified_gmt;
  char   *link;
} LedeSiteDraft;

void          lede_site_draft_free  (LedeSiteDraft  *draft);

GPtrArray    *lede_pull_list        (LedeWordpress  *site,
                                     GCancellable   *cancellable,
                                     GError        **error);
LedeArticle  *lede_pull_read        (LedeWordpress  *site,
                                     gint64          post_id,
                                     LedeSiteDraft **draft,
                                     char         ***tags,
                                     GCancellable   *cancellable,
                                     GError        **error);
LedeArticle  *lede_pull_keep        (LedeLibrary    *library,
                                     const char     *address,
                                     LedeArticle    *article,
                                     const LedeSiteDraft *draft,
                                     const char * const *tags,
                                     gboolean       *already,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeSiteDraft, lede_site_draft_free)

G_END_DECLS
