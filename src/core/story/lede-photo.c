/* lede-photo.c: a photo on a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-photo"

#include "config.h"

#include "lede-photo.h"

G_DEFINE_BOXED_TYPE (LedePhoto, lede_photo, lede_photo_copy, lede_photo_free)

/**
 * lede_photo_new:
 * @sha256: the SHA-256 of the picture's bytes, in hex
 *
 * Returns: (transfer full): a body photo with empty texts
 */
LedePhoto *
lede_photo_new (const char *sha256)
{
  LedePhoto *photo = g_new0 (LedePhoto, 1);

  photo->sha256 = g_ascii_strdown (sha256 ? sha256 : "", -1);
  photo->role = LEDE_PHOTO_ROLE_BODY;
  photo->caption = g_strdup ("");
  photo->credit = g_strdup ("");
  photo->alt_text = g_strdup ("");
  photo->file_name = g_strdup ("");
  photo->media_type = g_strdup ("");
  photo->orientation = 1;
  return photo;
}

LedePhoto *
lede_photo_copy (const LedePhoto *photo)
{
  LedePhoto *copy = g_memdup2 (photo, sizeof *photo);

  copy->sha256 = g_strdup (photo->sha256);
  copy->caption = g_strdup (photo->caption);
  copy->credit = g_strdup (photo->credit);
  copy->alt_text = g_strdup (photo->alt_text);
  copy->file_name = g_strdup (photo->file_name);
  copy->media_type = g_strdup (photo->media_type);
  return copy;
}

void
lede_photo_free (LedePhoto *photo)
{
  if (photo == NULL)
    return;
  g_free (photo->sha256);
  g_free (photo->caption);
  g_free (photo->credit);
  g_free (photo->alt_text);
  g_free (photo->file_name);
  g_free (photo->media_type);
  g_free (photo);
}

gboolean
lede_photo_equal (const LedePhoto *a,
                  const LedePhoto *b)
{
  return g_strcmp0 (a->sha256, b->sha256) == 0 && a->role == b->role &&
         g_strcmp0 (a->caption, b->caption) == 0 && g_strcmp0 (a->credit, b->credit) == 0 &&
         g_strcmp0 (a->alt_text, b->alt_text) == 0 && g_strcmp0 (a->file_name, b->file_name) == 0 &&
         g_strcmp0 (a->media_type, b->media_type) == 0 && a->width == b->width && a->height == b->height &&
         a->orientation == b->orientation && a->size == b->size;
}

/**
 * lede_photo_list_equal:
 * @a: (nullable) (element-type LedePhoto):
 * @b: (nullable) (element-type LedePhoto):
 */
gboolean
lede_photo_list_equal (GPtrArray *a,
                       GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!lede_photo_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Sets one of a photo's texts: never NULL, always UTF-8, whatever a file's
 * metadata or a caller gave. */
void
lede_photo_set_text (char       **field,
                     const char  *text)
{
  g_free (*field);
  if (text == NULL)
    *field = g_strdup ("");
  else if (!g_utf8_validate (text, -1, NULL))
    *field = g_utf8_make_valid (text, -1);
  else
    *field = g_strdup (text);
}

/* The names the library, revisions and lede-cli's --json use. */
const char *
lede_photo_role_to_string (LedePhotoRole role)
{
  return role == LEDE_PHOTO_ROLE_LEAD ? "lead" : "body";
}

gboolean
lede_photo_role_from_string (const char    *name,
                             LedePhotoRole *role)
{
  if (g_strcmp0 (name, "lead") == 0)
    *role = LEDE_PHOTO_ROLE_LEAD;
  else if (g_strcmp0 (name, "body") == 0)
    *role = LEDE_PHOTO_ROLE_BODY;
  else
    return FALSE;
  return TRUE;
}

/**
 * lede_photo_get_extension:
 *
 * Returns: the file extension (without the dot) for one of the media types
 *   Lede keeps, or "bin"
 */
const char *
lede_photo_get_extension (const char *media_type)
{
  static const struct { const char *type, *extension; } known[] = {
    { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/webp", "webp" }, { "image/gif", "gif" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (media_type, known[i].type) == 0)
      return known[i].extension;
  return "bin";
}

/* Whether @text is 64 lowercase hex digits: a name that can be put in a
 * path without a second thought. */
gboolean
lede_photo_is_sha256 (const char *text)
{
  guint n = 0;

  if (text == NULL)
    return FALSE;
  for (; text[n]; n++)
    if (!g_ascii_isdigit (text[n]) && !(text[n] >= 'a' && text[n] <= 'f'))
      return FALSE;
  return n == 64;
}
