/* lede-import-photos.c: the pictures a Markdown story or page bundle
 * brings with it.
 *
 * A story exported by Lede names its photos in its front matter
 * ("photos:", with their roles and texts) and shows each body picture at
 * its file; any Markdown file may show pictures at relative addresses.
 * Both are read from the story's own folder and below, never through
 * "..", a symbolic link out of it or an absolute path, and only when the
 * file is a picture Lede takes (lede_photo_file_read(): its kind by its
 * bytes). A photo the front matter names must be there, or the story is
 * refused in words; a picture in the body that cannot be brought in is
 * left as it was written and said. Each picture line then names its photo
 * as lede-photo:SHA, so a story exported and imported again has the same
 * bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lede-import-photos.h"
#include "lede-markdown.h"
#include "lede-photo-file.h"

/* A picture read for the story: the bytes staged with the story. */
typedef struct {
  char      *address;  /* as the story wrote it */
  LedePhoto *photo;
  GBytes    *bytes;
} Picture;

static void
picture_free (Picture *picture)
{
  g_free (picture->address);
  lede_photo_free (picture->photo);
  g_bytes_unref (picture->bytes);
  g_free (picture);
}

typedef struct {
  char       *folder;    /* the story's folder, its real path */
  GPtrArray  *pictures;  /* of Picture */
  GPtrArray  *messages;  /* what the person importing is told */
  const char *display;   /* the story's file name */
} Reading;

/* The file @address names inside @reading's folder, or %NULL with @why
 * set in words. */
static char *
resolve (Reading     *reading,
         const char  *address,
         char       **why)
{
  g_autofree char *scheme = g_uri_parse_scheme (address);
  g_autofree char *path = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;
  g_auto (GStrv) parts = NULL;

  if (scheme != NULL || *address == '\0' || g_path_is_absolute (address) || *address == '#' || *address == '?')
    {
      *why = g_strdup (_("it is not a file beside the story"));
      return NULL;
    }
  /* A relative address may be escaped (spaces as %20). */
  if (!(path = g_uri_unescape_string (address, "/")))
    {
      *why = g_strdup (_("its address is not a file name"));
      return NULL;
    }
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (parts[i], "..") || strchr (parts[i], '\\') != NULL)
      {
        *why = g_strdup (_("it is outside the story’s folder (“..”), and only files in the folder and below are brought in"));
        return NULL;
      }
  joined = g_build_filename (reading->folder, path, NULL);
  if (!(real = realpath (joined, NULL)))
    {
      *why = g_strdup_printf (_("it is not there (%s)"), g_strerror (errno));
      return NULL;
    }
  if (!g_str_has_prefix (real, reading->folder) || real[strlen (reading->folder)] != G_DIR_SEPARATOR)
    {
      *why = g_strdup (_("it leads outside the story’s folder, and only files in the folder and below are brought in"));
      return NULL;
    }
  if (!g_file_test (real, G_FILE_TEST_IS_REGULAR))
    {
      *why = g_strdup (_("it is not a file"));
      return NULL;
    }
  return g_steal_pointer (&real);
}

/* Reads the picture at @address; %NULL with @why set in words. */
static Picture *
read_picture (Reading     *reading,
              const char  *address,
              char       **why)
{
  g_autofree char *path = resolve (reading, address, why);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  LedePhoto *photo;
  Picture *picture;

  if (path == NULL)
    return NULL;
  if (!(photo = lede_photo_file_read (path, &bytes, &error)))
    {
      *why = g_strdup (error->message);
      return NULL;
    }
  picture = g_new0 (Picture, 1);
  picture->address = g_strdup (address);
  picture->photo = photo;
  picture->bytes = g_steal_pointer (&bytes);
  g_free (picture->photo->sha256);
  picture->photo->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, picture->bytes);
  return picture;
}

static Picture *
find (Reading    *reading,
      const char *address)
{
  for (guint i = 0; i < reading->pictures->len; i++)
    {
      Picture *picture = g_ptr_array_index (reading->pictures, i);

      if (g_str_equal (picture->address, address))
        return picture;
    }
  return NULL;
}

/* A LedeRewriteUrlFunc: a picture of the body at a file beside the story
 * becomes lede-photo:SHA, its photo added to the story's when the front
 * matter did not name it. */
static char *
bring_in (const char *address,
          const char *description,
          gpointer    data)
{
  Reading *reading = data;
  Picture *picture = find (reading, address);

  if (g_str_has_prefix (address, LEDE_PHOTO_URL_PREFIX))
    return NULL;
  if (picture == NULL)
    {
      g_autofree char *why = NULL;

      {
        g_autofree char *scheme = g_uri_parse_scheme (address);

        /* Pictures from the web stay as they are, and say nothing. */
        if (scheme != NULL)
          return NULL;
      }
      if (!(picture = read_picture (reading, address, &why)))
        {
          g_ptr_array_add (reading->messages,
                           g_strdup_printf (_("“%s”: the picture “%s” was left as it is: %s"), reading->display, address, why));
          return NULL;
        }
      picture->photo->role = LEDE_PHOTO_ROLE_BODY;
      /* The photo's alt text is the truth the line mirrors: a file
       * without one takes the line's. */
      if (*picture->photo->alt_text == '\0')
        lede_photo_set_text (&picture->photo->alt_text, description);
      g_ptr_array_add (reading->pictures, picture);
    }
  return g_strconcat (LEDE_PHOTO_URL_PREFIX, picture->photo->sha256, NULL);
}

/**
 * lede_import_photos_read:
 * @story_path: the Markdown file
 * @article: the story read from it; its photos, as the front matter named
 *   them, each with its file's path as its file_name and no SHA-256 yet
 * @pictures: (element-type gpointer): filled with what
 *   lede_import_photos_stage() stages
 * @messages: (element-type utf8): where pictures left out are said
 *
 * Reads the story's pictures from beside it: gives @article's photos
 * their bytes' SHA-256, kind and size (the texts stay the front
 * matter's), adds a body photo for each picture of the body at a file
 * beside it that the front matter did not name (its texts from the
 * file's own metadata, the alt text else from the line), and makes each
 * such line name its photo.
 *
 * Returns: %FALSE with @error set, in words, when a photo the front
 *   matter names cannot be read
 */
gboolean
lede_import_photos_read (const char   *story_path,
                         LedeArticle  *article,
                         GPtrArray    *pictures,
                         GPtrArray    *messages,
                         GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (story_path);
  g_autofree char *display = g_filename_display_basename (story_path);
  g_autofree char *body = NULL;
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  GPtrArray *named = lede_article_get_photos (article);
  Reading reading = { NULL, pictures, messages, display };

  g_ptr_array_set_free_func (pictures, (GDestroyNotify)picture_free);
  if (!(reading.folder = realpath (dir, NULL)))
    reading.folder = g_strdup (dir);
  for (guint i = 0; named != NULL && i < named->len; i++)
    {
      LedePhoto *said = g_ptr_array_index (named, i);
      g_autofree char *why = NULL;
      Picture *picture = find (&reading, said->file_name);

      if (picture == NULL && !(picture = read_picture (&reading, said->file_name, &why)))
        {
          g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_READ,
                       _("the photo “%s” its front matter names could not be read: %s"), said->file_name, why);
          free (reading.folder);
          return FALSE;
        }
      if (g_ptr_array_find (pictures, picture, NULL) == FALSE)
        g_ptr_array_add (pictures, picture);
      {
        LedePhoto *photo = lede_photo_copy (picture->photo);

        /* The front matter's role and texts; the file's kind and size. */
        photo->role = said->role;
        lede_photo_set_text (&photo->caption, said->caption);
        lede_photo_set_text (&photo->credit, said->credit);
        lede_photo_set_text (&photo->alt_text, said->alt_text);
        g_ptr_array_add (photos, photo);
      }
    }

  {
    guint before = pictures->len;

    body = lede_markdown_rewrite_pictures (lede_article_get_body (article), bring_in, &reading);
    for (guint i = before; i < pictures->len; i++)
      {
        Picture *picture = g_ptr_array_index (pictures, i);
        LedePhoto *photo = lede_photo_copy (picture->photo);

        g_ptr_array_add (photos, photo);
      }
  }
  free (reading.folder);

  if (photos->len > 0 || named != NULL)
    {
      lede_article_set_body (article, body);
      lede_article_set_photos (article, photos);
    }
  return TRUE;
}

/**
 * lede_import_photos_stage:
 *
 * Stages the pictures lede_import_photos_read() read, for the story's
 * write to add whole (lede_library_stage_photo()).
 */
void
lede_import_photos_stage (LedeLibrary *library,
                          LedeArticle *article,
                          GPtrArray   *pictures)
{
  for (guint i = 0; i < pictures->len; i++)
    {
      Picture *picture = g_ptr_array_index (pictures, i);

      lede_library_stage_photo (library, picture->photo, picture->bytes);
    }
}

/**
 * lede_import_photos_same:
 * @a: (nullable): a file's photos, %NULL when it names none
 *
 * Returns: whether a file's photos are the library's: the same pictures,
 *   roles and texts in the same order (a file's name is not compared:
 *   an export names the file anew)
 */
gboolean
lede_import_photos_same (GPtrArray *a,
                         GPtrArray *b)
{
  guint b_len = b ? b->len : 0;

  if (a == NULL)
    return b_len == 0;
  if (a->len != b_len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      LedePhoto *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->sha256, y->sha256) != 0 || x->role != y->role || g_strcmp0 (x->caption, y->caption) != 0 ||
          g_strcmp0 (x->credit, y->credit) != 0 || g_strcmp0 (x->alt_text, y->alt_text) != 0)
        return FALSE;
    }
  return TRUE;
}
