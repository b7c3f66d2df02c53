/* lede-export-photos.c: a story's photos as files beside its export.
 *
 * Each picture is one file, whatever its roles, named from the name of
 * the file it was added from (as a slug) and its type's extension, so an
 * export made twice names its files the same; pictures whose names would
 * be the same take the first eight digits of their SHA-256 after it. A
 * Hugo page bundle's lead photo is feature.EXT, which Hugo's own templates
 * pick up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <string.h>

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
 * @lead_as_feature: name the lead photo feature.EXT (a Hugo page bundle)
 *
 * Returns: (transfer full) (element-type utf8 utf8): each picture's
 *   SHA-256 to the name of its file beside the story
 */
GHashTable *
lede_export_photos_name_files (GPtrArray *photos,
                               gboolean   lead_as_feature)
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
                             lead_as_feature && photo->role == LEDE_PHOTO_ROLE_LEAD ? g_strdup ("feature") : stem_of (photo));
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
            !(lead_as_feature && photo->role == LEDE_PHOTO_ROLE_LEAD))
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
