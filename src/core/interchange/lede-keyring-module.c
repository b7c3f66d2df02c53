/* lede-keyring-module.c: the keyring module, libsecret behind the one
 * table lede-keyring-module.h describes. Which site a password is for,
 * and what its errors mean to the writer, is lede-site-store.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-site"

#include "config.h"

#include <gmodule.h>
#include <libsecret/secret.h>

#include "lede-keyring-module.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.ledeapp.Lede.Site", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static gboolean
store (const char    *address,
       const char    *user,
       const char    *label,
       const char    *password,
       GCancellable  *cancellable,
       GError       **error)
{
  return secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                                     error, "address", address, "user", user, NULL);
}

static char *
lookup (const char  *address,
        const char  *user,
        GError     **error)
{
  char *password = secret_password_lookup_sync (password_schema (), NULL, error,
                                                "address", address, "user", user, NULL);
  char *copy;

  /* Out of libsecret's non-pageable memory, into ordinary memory. */
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

static gboolean
clear (const char    *address,
       const char    *user,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  /* FALSE also when there was nothing to clear: only an error counts. */
  secret_password_clear_sync (password_schema (), cancellable, &local_error,
                              "address", address, "user", user, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

G_MODULE_EXPORT const LedeKeyringModule *lede_keyring_module_get (void);

const LedeKeyringModule *
lede_keyring_module_get (void)
{
  static const LedeKeyringModule table = {
    .abi = LEDE_KEYRING_MODULE_ABI,
    .store = store,
    .lookup = lookup,
    .clear = clear,
  };

  return &table;
}
