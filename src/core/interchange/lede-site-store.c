/* lede-site-store.c: the sites in $XDG_CONFIG_HOME/lede/sites.conf (a key
 * file, a group a site), their passwords in the Secret Service through
 * libsecret (in the keyring module), under the site's address and user.
 *
 * Sites are the user's, not the library's: a library copied to a
 * colleague carries no address or user of anyone's, and two libraries
 * publish to the same sites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-site"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-keyring-module.h"
#include "lede-paths.h"
#include "lede-site-store.h"
#include "lede-wordpress.h"

/* Loaded once a process, and kept; NULL with @error when it cannot be. */
static const LedeKeyringModule *
keyring_module (GError **error)
{
  static LedeModuleOnce once;
  const char *missing;
  const LedeKeyringModule *module = lede_paths_load_module_once (&once, LEDE_KEYRING_MODULE_NAME, "src/core/interchange",
                                                                 LEDE_KEYRING_MODULE_ENTRY, LEDE_KEYRING_MODULE_ABI, &missing);

  if (module == NULL)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_KEYRING,
                 _("Lede cannot reach the password store: a file of Lede’s is missing (%s). Install Lede again."),
                 missing);
  return module;
}

static char *
store_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "lede", "sites.conf", NULL);
}

static GKeyFile *
load (GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = store_path ();
  g_autoptr (GError) local_error = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
                   _("Could not read the list of sites in %s: %s"), path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&file);
}

static gboolean
save (GKeyFile  *file,
      GError   **error)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &local_error))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
                   _("Could not write the list of sites to %s: %s"), path,
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static LedeSite *
site_from_group (GKeyFile   *file,
                 const char *name)
{
  g_autofree char *address = g_key_file_get_string (file, name, "address", NULL);
  g_autofree char *user = g_key_file_get_string (file, name, "user", NULL);

  if (address == NULL || user == NULL)
    return NULL;
  return lede_site_new (name, address, user);
}

/**
 * lede_site_store_list:
 *
 * Returns: (transfer full) (element-type LedeSite): the sites, by name
 */
GPtrArray *
lede_site_store_list (GError **error)
{
  g_autoptr (GKeyFile) file = load (error);
  g_auto (GStrv) names = NULL;
  GPtrArray *sites;

  if (file == NULL)
    return NULL;
  names = g_key_file_get_groups (file, NULL);
  sites = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_site_free);
  for (guint i = 0; names[i]; i++)
    {
      LedeSite *site = site_from_group (file, names[i]);

      if (site)
        g_ptr_array_add (sites, site);
    }
  return sites;
}

/* Returns: (transfer full): the site called @name, or %NULL with an error
 * saying which sites there are */
LedeSite *
lede_site_store_find (const char  *name,
                      GError     **error)
{
  g_autoptr (GKeyFile) file = load (error);
  LedeSite *site;

  if (file == NULL)
    return NULL;
  if (name && (site = site_from_group (file, name)))
    return site;
  g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
               _("There is no site called “%s”: add it first (lede-cli site add, or Preferences → Publishing)."),
               name ? name : "");
  return NULL;
}

/* Adds @site to the list; a name already taken is refused. */
gboolean
lede_site_store_add (const LedeSite  *site,
                     GError         **error)
{
  g_autoptr (GKeyFile) file = load (error);

  g_return_val_if_fail (site != NULL && site->name && site->address && site->user, FALSE);

  if (file == NULL)
    return FALSE;
  if (*site->name == '\0' || strpbrk (site->name, "[]\n\r") != NULL)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
                   _("A site’s name may not be empty or hold brackets or line breaks."));
      return FALSE;
    }
  if (g_key_file_has_group (file, site->name))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
                   _("There is a site called “%s” already: remove it first, or choose another name."), site->name);
      return FALSE;
    }
  g_key_file_set_string (file, site->name, "address", site->address);
  g_key_file_set_string (file, site->name, "user", site->user);
  return save (file, error);
}

gboolean
lede_site_store_remove (const char  *name,
                        GError     **error)
{
  g_autoptr (GKeyFile) file = load (error);

  if (file == NULL)
    return FALSE;
  if (!g_key_file_remove_group (file, name, NULL))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES, _("There is no site called “%s”."), name);
      return FALSE;
    }
  return save (file, error);
}

static void
set_keyring_error (GError     **error,
                   GError      *cause)
{
  g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_KEYRING,
               _("The password store (Secret Service) did not answer: %s. Lede keeps a site’s password only there; "
                 "log in to a desktop session, or start a keyring."), cause->message);
}

/* Keeps @password for @site's address and user in the Secret Service. */
gboolean
lede_site_store_keep_password (const LedeSite  *site,
                               const char      *password,
                               GCancellable    *cancellable,
                               GError         **error)
{
  const LedeKeyringModule *keyring;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (site != NULL && password != NULL, FALSE);

  if (!(keyring = keyring_module (error)))
    return FALSE;
  label = g_strdup_printf (_("Lede: %s on %s"), site->user, site->address);
  if (!keyring->store (site->address, site->user, label, password, cancellable, &local_error))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_site_store_lookup_password:
 *
 * Returns: (transfer full): @site's application password, or %NULL with
 *   an error: none kept, or no Secret Service answering
 */
char *
lede_site_store_lookup_password (const LedeSite  *site,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  const LedeKeyringModule *keyring;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *password = NULL;

  g_return_val_if_fail (site != NULL, NULL);

  /* The cancellable is looked at before and after, never handed to
   * libsecret: cancelled during its lookup, libsecret 0.20 sets its error
   * twice (a GLib warning, fatal in the tests: seen when Open from
   * WordPress… changed site while a list was being read). */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !(keyring = keyring_module (error)))
    return NULL;
  password = keyring->lookup (site->address, site->user, &local_error);
  if (local_error == NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      /* Not handed on: wiped, as libsecret would have. */
      if (password)
        memset (password, 0, strlen (password));
      return NULL;
    }
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }
  if (password == NULL)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_KEYRING,
                   _("No password is kept for %s on %s: add the site again with its application password."),
                   site->user, site->address);
      return NULL;
    }
  return g_steal_pointer (&password);
}

/* No cancellable for libsecret: cancelled, 0.20 sets its error twice. */
static gboolean
forget_password (const LedeSite  *site,
                 GError         **error)
{
  const LedeKeyringModule *keyring;
  g_autoptr (GError) local_error = NULL;

  if (!(keyring = keyring_module (error)))
    return FALSE;
  if (!keyring->clear (site->address, site->user, NULL, &local_error))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Whether another site on the list logs in as @site does: the password
 * store keeps one password for an address and user, theirs too. A list
 * that cannot be read is taken to have none. */
static gboolean
shares_password (const LedeSite *site)
{
  g_autoptr (GPtrArray) sites = lede_site_store_list (NULL);

  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      const LedeSite *other = g_ptr_array_index (sites, i);

      if (!g_str_equal (other->name, site->name) && g_str_equal (other->address, site->address) &&
          g_str_equal (other->user, site->user))
        return TRUE;
    }
  return FALSE;
}

/**
 * lede_site_store_forget_site:
 * @site: a site on the list
 * @password_error: (out) (optional): set when the site went but its
 *   password may stay in the password store, in words that say so and why
 *
 * Takes @site off the list and its password out of the Secret Service,
 * unless another site logs in with the same address and user (the store
 * keeps one password for both). The password goes first: should the list
 * then fail to be written, the site stays without one (it asks again)
 * rather than a password staying without its site. A password store that
 * fails (none answering, locked, or Lede's keyring module missing) does
 * not keep the site: the writer asked for it to go, and without a keyring
 * it never could.
 *
 * Returns: %FALSE with @error when the site could not be taken off the
 *   list (or was not on it)
 */
gboolean
lede_site_store_forget_site (const LedeSite  *site,
                             GError         **password_error,
                             GError         **error)
{
  g_autoptr (GError) keyring_error = NULL;

  g_return_val_if_fail (site != NULL, FALSE);

  if (!shares_password (site))
    forget_password (site, &keyring_error);
  if (!lede_site_store_remove (site->name, error))
    return FALSE;
  if (keyring_error != NULL)
    g_set_error (password_error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_KEYRING,
                 _("“%s” is off the list, but its password may still be in the password store. %s"), site->name,
                 keyring_error->message);
  return TRUE;
}
