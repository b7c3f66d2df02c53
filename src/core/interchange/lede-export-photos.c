/* lede-export-photos.c: a story's photos as files beside its export.
 *
 * Each picture is one file, whatever its roles, named from the name of
 * the file it was added from (as a slug) and its type's extension, so an
 * export made twice names its files the same; pictures whose names would
 * be the same take the first eight digits of their SHA-256 after it. The
 * lead photo is feature.EXT, which Hugo's own templates pick up in a page
 * bundle (and which reads as what it is in any other format). The bytes
 * are the ones added, never made again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "lede-atomic-file.h"
#include "lede-export-photos.h"
#include "lede-slug.h"

/* The stem a picture's file takes from the name it was added from. */
static char *
stem_of (const LedePhoto *photo)
{
  g_autofree char *base = g_path_get_basename (photo->file_name && *photo->file_name ? photo->file_name : "photo");
  char *dot = strrchr (base, '.');
  g_autofree char *slug = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  slug = lede_slug_from_text (base);
  return g_strdup (*slug ? slug : "photo");
}

/**
 * lede_export_photos_has_any:
 * @photos: (nullable) (element-type LedePhoto)
 *
 * Returns: whether the story has photos, and so goes out as a folder
 */
gboolean
lede_export_photos_has_any (GPtrArray *photos)
{
  return photos != NULL && photos->len > 0;
}

/**
 * lede_export_photos_name_files:
 * @photos: (nullable) (element-type LedePhoto): the story's photos
 *
 * Returns: (transfer full) (element-type utf8 utf8): each picture's
 *   SHA-256 to the name of its file beside the story
 */
GHashTable *
lede_export_photos_name_files (GPtrArray *photos)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);  /* name → how many */
  g_autoptr (GPtrArray) order = g_ptr_array_new ();  /* the pictures, once each, in the story's order */

  /* The lead first, so it is feature.EXT whatever else is named so. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; photos != NULL && i < photos->len; i++)
      {
        const LedePhoto *photo = g_ptr_array_index (photos, i);

        if ((pass == 0) != (photo->role == LEDE_PHOTO_ROLE_LEAD) || !lede_photo_is_sha256 (photo->sha256) ||
            g_hash_table_contains (names, photo->sha256))
          continue;
        g_hash_table_insert (names, g_strdup (photo->sha256),
                             photo->role == LEDE_PHOTO_ROLE_LEAD ? g_strdup ("feature") : stem_of (photo));
        g_ptr_array_add (order, (gpointer)photo);
      }
  for (guint i = 0; i < order->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (order, i);
      const char *stem = g_hash_table_lookup (names, photo->sha256);
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, lede_photo_get_extension (photo->media_type));

      g_hash_table_insert (names, g_strdup (photo->sha256), g_steal_pointer (&name));
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_hash_table_lookup (names, ((const LedePhoto *)g_ptr_array_index (order, i))->sha256);

      g_hash_table_insert (taken, (gpointer)name, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (taken, name)) + 1));
    }
  /* Names two pictures share take each picture's own digits, but the
   * lead's feature.EXT. The table of taken names points into @names, so
   * the new names are made first. */
  {
    g_autoptr (GPtrArray) renamed = g_ptr_array_new ();

    for (guint i = 0; i < order->len; i++)
      {
        const LedePhoto *photo = g_ptr_array_index (order, i);
        const char *name = g_hash_table_lookup (names, photo->sha256);

        if (GPOINTER_TO_UINT (g_hash_table_lookup (taken, name)) > 1 &&
            !(photo->role == LEDE_PHOTO_ROLE_LEAD))
          g_ptr_array_add (renamed, (gpointer)photo);
      }
    g_hash_table_remove_all (taken);
    for (guint i = 0; i < renamed->len; i++)
      {
        const LedePhoto *photo = g_ptr_array_index (renamed, i);
        const char *name = g_hash_table_lookup (names, photo->sha256);
        const char *dot = strrchr (name, '.');
        g_autofree char *stem = g_strndup (name, dot - name);

        g_hash_table_insert (names, g_strdup (photo->sha256),
                             g_strdup_printf ("%s-%.8s%s", stem, photo->sha256, dot));
      }
  }
  return names;
}

/**
 * lede_export_photos_url:
 * @names: lede_export_photos_name_files()'s table
 *
 * A #LedePhotoUrlFunc: the picture's file, beside the page.
 */
char *
lede_export_photos_url (const LedePhoto *photo,
                        gpointer         names)
{
  const char *name = g_hash_table_lookup (names, photo->sha256);

  return g_strdup (name ? name : "");
}

/* Whether the file at @path holds @bytes already. */
static gboolean
holds (const char *path,
       GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0;
}

/**
 * lede_export_photos_write:
 * @photos: (element-type LedePhoto): the story's photos
 * @names: lede_export_photos_name_files()'s table for them
 * @folder: the story's own folder, made when missing
 * @overwrite: replace a file of the same name that holds other bytes
 *
 * Writes each picture, as the bytes that were added, into @folder, each
 * file whole (lede_atomic_file_write()). Reads only the library's photos
 * folder, never its database, so it may run on an export's thread. A
 * file already holding the same bytes is left as it is.
 *
 * Returns: %FALSE with @error set, in words, naming the picture
 */
gboolean
lede_export_photos_write (LedeLibrary  *library,
                          GPtrArray    *photos,
                          GHashTable   *names,
                          const char   *folder,
                          gboolean      overwrite,
                          GError      **error)
{
  g_autoptr (GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not make the folder “%s”: %s"),
                   folder, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; photos != NULL && i < photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (photos, i);
      const char *name = g_hash_table_lookup (names, photo->sha256);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      g_autoptr (GError) local = NULL;

      if (name == NULL || g_hash_table_contains (written, name))
        continue;
      g_hash_table_add (written, (gpointer)name);
      if (!(bytes = lede_library_dup_photo_bytes (library, photo, error)))
        return FALSE;
      path = g_build_filename (folder, name, NULL);
      if (holds (path, bytes))
        continue;
      if (!lede_atomic_file_write (path, bytes, overwrite, &local))
        {
          g_set_error (error, local->domain, local->code, _("Could not write the photo “%s” as %s: %s"),
                       photo->file_name, path, local->message);
          return FALSE;
        }
    }
  return TRUE;
}
