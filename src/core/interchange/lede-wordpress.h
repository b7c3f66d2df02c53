/* lede-wordpress.h: one WordPress site's REST API, as one user with an
 * application password: found through the site's own discovery, checked,
 * and asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LEDE_WORDPRESS_ERROR (lede_wordpress_error_quark ())

typedef enum
{
  LEDE_WORDPRESS_ERROR_ADDRESS,        /* not a web address */
  LEDE_WORDPRESS_ERROR_INSECURE,       /* plain http:// to another machine */
  LEDE_WORDPRESS_ERROR_UNREACHABLE,    /* nothing answers there */
  LEDE_WORDPRESS_ERROR_TLS,            /* its certificate is not to be trusted */
  LEDE_WORDPRESS_ERROR_NOT_WORDPRESS,  /* a web site, but no WordPress */
  LEDE_WORDPRESS_ERROR_REST_OFF,       /* WordPress with its REST API (or application passwords) off */
  LEDE_WORDPRESS_ERROR_PASSWORD,       /* user or application password not taken */
  LEDE_WORDPRESS_ERROR_NOT_ALLOWED,    /* the user's role may not do that */
  LEDE_WORDPRESS_ERROR_REFUSED,        /* the site said no, in its words */
  LEDE_WORDPRESS_ERROR_GONE,           /* the story's post was deleted on the site */
  LEDE_WORDPRESS_ERROR_CHANGED,        /* the story's post was changed on the site since */
  LEDE_WORDPRESS_ERROR_SITES,          /* the list of sites could not be read or written */
  LEDE_WORDPRESS_ERROR_KEYRING,        /* no password, or no Secret Service */
} LedeWordpressError;

typedef struct _LedeWordpress LedeWordpress;

GQuark         lede_wordpress_error_quark     (void);

char          *lede_wordpress_check_address   (const char     *address,
                                               GError        **error);
gboolean       lede_wordpress_is_loopback     (const char     *address);

LedeWordpress *lede_wordpress_new             (const char     *address,
                                               const char     *user,
                                               const char     *password);
void           lede_wordpress_free            (LedeWordpress  *self);

gboolean       lede_wordpress_connect         (LedeWordpress  *self,
                                               GCancellable   *cancellable,
                                               GError        **error);
const char    *lede_wordpress_get_address     (LedeWordpress  *self);
const char    *lede_wordpress_get_api_root    (LedeWordpress  *self);
const char    *lede_wordpress_get_site_name   (LedeWordpress  *self);
const char    *lede_wordpress_get_role        (LedeWordpress  *self);
const char    *lede_wordpress_get_role_label  (LedeWordpress  *self);
gboolean       lede_wordpress_can             (LedeWordpress  *self,
                                               const char     *capability);
char          *lede_wordpress_dup_allowed     (LedeWordpress  *self);

JsonNode      *lede_wordpress_call            (LedeWordpress  *self,
                                               const char     *method,
                                               const char     *route,
                                               const char     *query,
                                               JsonNode       *body,
                                               guint          *status,
                                               GCancellable   *cancellable,
                                               GError        **error);
JsonNode      *lede_wordpress_call_full       (LedeWordpress  *self,
                                               const char     *method,
                                               const char     *route,
                                               const char     *query,
                                               JsonNode       *body,
                                               guint          *status,
                                               JsonNode      **refusal,
                                               GCancellable   *cancellable,
                                               GError        **error);
JsonNode      *lede_wordpress_upload          (LedeWordpress  *self,
                                               GBytes         *bytes,
                                               const char     *media_type,
                                               const char     *file_name,
                                               GCancellable   *cancellable,
                                               GError        **error);
char          *lede_wordpress_decode_entities (const char    *text);
char          *lede_wordpress_dup_route_uri   (LedeWordpress  *self,
                                               const char     *route,
                                               const char     *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeWordpress, lede_wordpress_free)

G_END_DECLS
