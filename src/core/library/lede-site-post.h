/* lede-site-post.h: the post a story became on one publishing site, as
 * the library remembers it (site_posts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SITE_POST (lede_site_post_get_type ())

typedef struct {
  char      *site;     /* the site's address */
  gint64     post_id;
  char      *status;   /* draft, future, publish, pending */
  char      *link;     /* the post's address ("" if the site gave none) */
  GDateTime *sent_at;  /* when Lede last sent it; UTC */
} LedeSitePost;

GType         lede_site_post_get_type (void) G_GNUC_CONST;
LedeSitePost *lede_site_post_copy     (const LedeSitePost *post);
void          lede_site_post_free     (LedeSitePost       *post);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeSitePost, lede_site_post_free)

G_END_DECLS
