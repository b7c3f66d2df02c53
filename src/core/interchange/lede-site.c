/* lede-site.c: a publishing site: a name, an address, a user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-site"

#include "config.h"

#include "lede-site.h"

G_DEFINE_BOXED_TYPE (LedeSite, lede_site, lede_site_copy, lede_site_free)

LedeSite *
lede_site_new (const char *name,
               const char *address,
               const char *user)
{
  LedeSite *site = g_new0 (LedeSite, 1);

  site->name = g_strdup (name);
  site->address = g_strdup (address);
  site->user = g_strdup (user);
  return site;
}

LedeSite *
lede_site_copy (const LedeSite *site)
{
  return site ? lede_site_new (site->name, site->address, site->user) : NULL;
}

void
lede_site_free (LedeSite *site)
{
  if (site == NULL)
    return;
  g_free (site->name);
  g_free (site->address);
  g_free (site->user);
  g_free (site);
}
