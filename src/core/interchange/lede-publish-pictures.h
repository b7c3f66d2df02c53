/* lede-publish-pictures.h: a story's photos in a site's media library:
 * sent once a site, with their alt text, caption and credit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-wordpress.h"

G_BEGIN_DECLS

typedef struct {
  LedePhoto *photo;
  GBytes    *bytes;       /* to send; NULL when the site has it already */
  gint64     media_id;    /* in the site's media library, once there */
  char      *source_url;
  gboolean   sent;        /* sent by this publish: to be remembered */
} LedePublishPicture;

void       lede_publish_picture_free       (LedePublishPicture *picture);

GPtrArray *lede_publish_pictures_gather    (LedeLibrary   *library,
                                            LedeArticle   *article,
                                            const char    *address,
                                            GError       **error);
gboolean   lede_publish_pictures_may_send  (LedeWordpress *site,
                                            GPtrArray     *pictures,
                                            GError       **error);
gboolean   lede_publish_pictures_send      (LedeWordpress *site,
                                            GPtrArray     *pictures,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean   lede_publish_pictures_remember  (LedeLibrary   *library,
                                            const char    *address,
                                            GPtrArray     *pictures,
                                            GError       **error);
char      *lede_publish_pictures_url       (const LedePhoto *photo,
                                            gpointer       pictures);
gint64     lede_publish_pictures_lead_id   (GPtrArray     *pictures);

G_END_DECLS
