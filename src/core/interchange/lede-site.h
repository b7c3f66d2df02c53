/* lede-site.h: a publishing site (a WordPress) as Lede knows it: a name,
 * an address and a user. Its application password lives in the Secret
 * Service (lede-site-store.h), never here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SITE (lede_site_get_type ())

typedef struct {
  char *name;     /* the writer's name for it: "gazette" */
  char *address;  /* https://example.com/ (with a final slash) */
  char *user;     /* the WordPress user name */
} LedeSite;

GType     lede_site_get_type     (void) G_GNUC_CONST;
LedeSite *lede_site_new          (const char     *name,
                                  const char     *address,
                                  const char     *user);
LedeSite *lede_site_copy         (const LedeSite *site);
void      lede_site_free         (LedeSite       *site);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeSite, lede_site_free)

G_END_DECLS
