/* lede-publish.h: a story sent to a WordPress site as a post, through the
 * gate, and the same post updated after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-gate.h"
#include "lede-library.h"
#include "lede-publish-pictures.h"
#include "lede-wordpress.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_PUBLISH_DRAFT,     /* a draft on the site */
  LEDE_PUBLISH_NOW,       /* published, or scheduled for an embargo's lift */
  LEDE_PUBLISH_SCHEDULE,  /* scheduled for a time (the embargo's lift, if later) */
} LedePublishMode;

typedef enum
{
  LEDE_PUBLISH_FLAGS_NONE = 0,
  /* Replace the post though it was changed on the site since, or send the
   * story anew when its post was deleted there. */
  LEDE_PUBLISH_FLAGS_OVERWRITE = 1 << 0,
} LedePublishFlags;

/* What the site made of the story. */
typedef struct {
  gint64     post_id;
  char      *status;        /* the post's status there: draft, future, publish, pending */
  char      *link;          /* its address */
  GDateTime *date;          /* when it is (or is to be) published; UTC */
  char      *modified_gmt;  /* the post's modified_gmt as the site gave it back */
  gboolean   updated;       /* an existing post updated, not a new one */
  gboolean   for_embargo;   /* held back for the embargo: scheduled, or a draft dated then */
  gboolean   moved;         /* only its time was looked at, as its embargo moved (lede_publish_move()) */
} LedePublished;

gboolean lede_publish_story     (LedeWordpress      *site,
                                 LedeLibrary        *library,
                                 LedeVerdict        *verdict,
                                 LedePublishMode     mode,
                                 GDateTime          *when,
                                 LedePublishFlags    flags,
                                 LedePublished      *published,
                                 GCancellable       *cancellable,
                                 GError            **error);
gboolean lede_publish_send      (LedeWordpress      *site,
                                 LedeVerdict        *verdict,
                                 LedePublishMode     mode,
                                 GDateTime          *when,
                                 gint64              post_id,
                                 const char         *last_modified,
                                 const char         *last_link,
                                 GPtrArray          *pictures,
                                 LedePublishFlags    flags,
                                 LedePublished      *published,
                                 GCancellable       *cancellable,
                                 GError            **error);
gboolean lede_publish_move      (LedeWordpress      *site,
                                 gint64              post_id,
                                 GDateTime          *to,
                                 const char         *last_modified,
                                 LedePublished      *published,
                                 GCancellable       *cancellable,
                                 GError            **error);
gboolean lede_publish_remember  (LedeLibrary        *library,
                                 const LedeVerdict  *verdict,
                                 const char         *address,
                                 const LedePublished *published,
                                 GError            **error);
gboolean lede_published_went_out (const LedePublished *published);
char    *lede_publish_dup_content (const LedeVerdict *verdict,
                                   GPtrArray         *pictures);
void     lede_published_clear   (LedePublished      *published);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LedePublished, lede_published_clear)

G_END_DECLS
