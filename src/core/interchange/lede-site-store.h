/* lede-site-store.h: the publishing sites Lede knows, kept in a file of
 * the user's configuration (never the library, which travels), and their
 * application passwords, kept in the Secret Service (never in a file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lede-site.h"

G_BEGIN_DECLS

GPtrArray *lede_site_store_list            (GError        **error);
LedeSite  *lede_site_store_find            (const char     *name,
                                            GError        **error);
gboolean   lede_site_store_add             (const LedeSite *site,
                                            GError        **error);
gboolean   lede_site_store_remove          (const char     *name,
                                            GError        **error);

gboolean   lede_site_store_keep_password   (const LedeSite *site,
                                            const char     *password,
                                            GCancellable   *cancellable,
                                            GError        **error);
char      *lede_site_store_lookup_password (const LedeSite *site,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean   lede_site_store_forget_site     (const LedeSite *site,
                                            GError        **password_error,
                                            GError        **error);

G_END_DECLS
