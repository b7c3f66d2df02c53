/* lede-publish-pictures.c: a story's photos in a site's media library.
 *
 * Gathered on the library's thread (the bytes of those the site does not
 * have yet, by what the library remembers in site_media), sent on the
 * publish's worker thread before the post (an Author may upload; a
 * Contributor may not, which is said before anything goes), and
 * remembered after, even when the post itself failed: a picture is on the
 * site once it was taken, and goes there only once whatever story it is
 * in. The lead photo is the post's featured image; body photos are in its
 * content as figures pointing at the site's copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-publish"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-publish-pictures.h"

void
lede_publish_picture_free (LedePublishPicture *picture)
{
  if (picture == NULL)
    return;
  lede_photo_free (picture->photo);
  g_clear_pointer (&picture->bytes, g_bytes_unref);
  g_free (picture->source_url);
  g_free (picture);
}

/**
 * lede_publish_pictures_gather:
 * @address: the site's address
 *
 * Returns: (transfer full) (element-type LedePublishPicture): the story's
 *   photos, with the bytes of those @address does not have; %NULL with
 *   @error set when a picture's file is missing or damaged
 */
GPtrArray *
lede_publish_pictures_gather (LedeLibrary  *library,
                              LedeArticle  *article,
                              const char   *address,
                              GError      **error)
{
  g_autoptr (GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_publish_picture_free);
  GPtrArray *photos = lede_article_get_photos (article);

  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePublishPicture *picture = g_new0 (LedePublishPicture, 1);

      picture->photo = lede_photo_copy (g_ptr_array_index (photos, i));
      g_ptr_array_add (pictures, picture);
      if (!lede_library_get_site_media (library, address, picture->photo->sha256, &picture->media_id,
                                        &picture->source_url, error))
        return NULL;
      if (picture->media_id == 0 && !(picture->bytes = lede_library_dup_photo_bytes (library, picture->photo, error)))
        return NULL;
    }
  return g_steal_pointer (&pictures);
}

/* "The harbour at dawn (Ana Reyes)": WordPress keeps no credit of its own. */
static char *
caption_of (const LedePhoto *photo)
{
  const char *caption = photo->caption ? photo->caption : "";
  const char *credit = photo->credit ? photo->credit : "";

  if (*credit == '\0')
    return g_strdup (caption);
  if (*caption == '\0')
    return g_strdup (credit);
  return g_strdup_printf ("%s (%s)", caption, credit);
}

static gboolean
describe (LedeWordpress       *site,
          LedePublishPicture  *picture,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, picture->media_id);
  g_autofree char *caption = caption_of (picture->photo);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "alt_text");
  json_builder_add_string_value (builder, picture->photo->alt_text ? picture->photo->alt_text : "");
  json_builder_set_member_name (builder, "caption");
  json_builder_add_string_value (builder, caption);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  answer = lede_wordpress_call (site, "POST", route, NULL, body, NULL, cancellable, error);
  return answer != NULL;
}

/**
 * lede_publish_pictures_may_send:
 *
 * Whether the user may add the pictures the site does not have (an
 * Author may; a Contributor may not), said in words before anything goes.
 */
gboolean
lede_publish_pictures_may_send (LedeWordpress  *site,
                                GPtrArray      *pictures,
                                GError        **error)
{
  gboolean any = FALSE;

  for (guint i = 0; pictures && i < pictures->len; i++)
    any = any || ((LedePublishPicture *)g_ptr_array_index (pictures, i))->media_id == 0;
  if (!any || lede_wordpress_can (site, "upload_files"))
    return TRUE;
  g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
               _("On %s this user is %s, who may not add pictures: nothing was sent. Take the photos off the "
                 "story, or ask an editor to send it."),
               lede_wordpress_get_address (site), lede_wordpress_get_role_label (site));
  return FALSE;
}

/**
 * lede_publish_pictures_send:
 *
 * Sends the pictures the site does not have to its media library, with
 * their alt text and caption; sets their media ids. Touches no library.
 */
gboolean
lede_publish_pictures_send (LedeWordpress  *site,
                            GPtrArray      *pictures,
                            GCancellable   *cancellable,
                            GError        **error)
{
  if (!lede_publish_pictures_may_send (site, pictures, error))
    return FALSE;
  for (guint i = 0; pictures && i < pictures->len; i++)
    {
      LedePublishPicture *picture = g_ptr_array_index (pictures, i);
      g_autofree char *name = NULL;
      g_autoptr (JsonNode) media = NULL;
      JsonObject *item;

      if (picture->media_id > 0)
        continue;
      name = picture->photo->file_name && *picture->photo->file_name
               ? g_path_get_basename (picture->photo->file_name)
               : g_strdup_printf ("%.16s.%s", picture->photo->sha256, lede_photo_get_extension (picture->photo->media_type));
      if (!(media = lede_wordpress_upload (site, picture->bytes, picture->photo->media_type, name, cancellable, error)))
        return FALSE;
      item = JSON_NODE_HOLDS_OBJECT (media) ? json_node_get_object (media) : NULL;
      if (item == NULL || json_object_get_int_member_with_default (item, "id", 0) <= 0)
        {
          g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                       _("%s answered, but not with the picture “%s”."), lede_wordpress_get_address (site), name);
          return FALSE;
        }
      picture->media_id = json_object_get_int_member (item, "id");
      picture->source_url = g_strdup (json_object_get_string_member_with_default (item, "source_url", ""));
      picture->sent = TRUE;
      g_clear_pointer (&picture->bytes, g_bytes_unref);
      if (!describe (site, picture, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lede_publish_pictures_remember:
 *
 * Remembers the pictures this publish sent, so none goes twice.
 */
gboolean
lede_publish_pictures_remember (LedeLibrary  *library,
                                const char   *address,
                                GPtrArray    *pictures,
                                GError      **error)
{
  for (guint i = 0; pictures && i < pictures->len; i++)
    {
      LedePublishPicture *picture = g_ptr_array_index (pictures, i);

      if (picture->sent && !lede_library_set_site_media (library, address, picture->photo->sha256, picture->media_id,
                                                         picture->source_url, error))
        return FALSE;
      picture->sent = FALSE;
    }
  return TRUE;
}

/* A #LedePhotoUrlFunc: the site's copy of the picture. */
char *
lede_publish_pictures_url (const LedePhoto *photo,
                           gpointer         pictures)
{
  GPtrArray *array = pictures;

  for (guint i = 0; array && i < array->len; i++)
    {
      LedePublishPicture *picture = g_ptr_array_index (array, i);

      if (g_str_equal (picture->photo->sha256, photo->sha256) && picture->source_url)
        return g_strdup (picture->source_url);
    }
  return NULL;
}

/* The featured image: the lead photo's media id, or 0. */
gint64
lede_publish_pictures_lead_id (GPtrArray *pictures)
{
  for (guint i = 0; pictures && i < pictures->len; i++)
    {
      LedePublishPicture *picture = g_ptr_array_index (pictures, i);

      if (picture->photo->role == LEDE_PHOTO_ROLE_LEAD)
        return picture->media_id;
    }
  return 0;
}
