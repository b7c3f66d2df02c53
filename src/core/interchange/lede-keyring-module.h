/* lede-keyring-module.h: what the keyring module (libsecret) gives
 * lede-site-store.c.
 *
 * libsecret brings libgcrypt with it, and every process that links it
 * pays for both at start, though only publishing ever asks for a
 * password. So it lives in a module loaded with GModule the first time a
 * site's password is kept, read or forgotten; its one entry point hands
 * over this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Raised whenever the table changes: a module from another build is refused. */
#define LEDE_KEYRING_MODULE_ABI 1
#define LEDE_KEYRING_MODULE_NAME "lede-keyring"
#define LEDE_KEYRING_MODULE_ENTRY "lede_keyring_module_get"

/* Each password is kept in the Secret Service under a site's address and
 * user. Errors are libsecret's own (or GDBus's), for the caller to put
 * in words. */
typedef struct
{
  guint abi;
  gboolean (*store)  (const char    *address,
                      const char    *user,
                      const char    *label,
                      const char    *password,
                      GCancellable  *cancellable,
                      GError       **error);
  /* The password in ordinary memory (g_free() it), or %NULL: none kept
   * (@error unset), or the store did not answer. */
  char    *(*lookup) (const char    *address,
                      const char    *user,
                      GError       **error);
  gboolean (*clear)  (const char    *address,
                      const char    *user,
                      GCancellable  *cancellable,
                      GError       **error);
} LedeKeyringModule;

typedef const LedeKeyringModule *(*LedeKeyringModuleGet) (void);

G_END_DECLS
