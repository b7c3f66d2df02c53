/* lede-photo-loading.c: photos read, and thumbnails made, off the main
 * thread: a file of up to 50 MB is read whole, its kind checked by its
 * bytes and its picture decoded, which must not cost a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-photo"

#include "config.h"

#include "lede-photo-file.h"
#include "lede-photo-loading.h"

typedef struct {
  GFile       *file;
  GdkTexture  *texture;
  LedeLibrary *library;
  LedePhoto   *photo;   /* the thumbnail's */
  int          size;
  GBytes      *bytes;   /* what was read */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->texture);
  g_clear_object (&job->library);
  g_clear_pointer (&job->photo, lede_photo_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;
  LedePhoto *photo = NULL;

  if (job->texture != NULL)
    {
      /* A picture pasted: kept as PNG, which loses nothing of it. */
      g_autoptr (GBytes) png = gdk_texture_save_to_png_bytes (job->texture);

      photo = lede_photo_file_read_bytes (png, "pasted.png", &error);
      if (photo != NULL)
        job->bytes = g_steal_pointer (&png);
    }
  else
    {
      g_autofree char *path = g_file_get_path (job->file);

      if (path != NULL)
        photo = lede_photo_file_read (path, &job->bytes, &error);
      else
        {
          g_autoptr (GBytes) contents = g_file_load_bytes (job->file, cancellable, NULL, &error);
          g_autofree char *name = g_file_get_basename (job->file);

          if (contents != NULL && (photo = lede_photo_file_read_bytes (contents, name, &error)))
            job->bytes = g_steal_pointer (&contents);
        }
    }
  if (photo == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, photo, (GDestroyNotify)lede_photo_free);
}

static void
start_read (Job                 *job,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, lede_photo_read_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * lede_photo_read_file_async:
 *
 * Reads @file as a photo for a story (lede_photo_file_read()) on a worker
 * thread; lede_photo_read_finish() gives the photo and its bytes.
 */
void
lede_photo_read_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (G_IS_FILE (file));
  job->file = g_object_ref (file);
  start_read (job, cancellable, callback, user_data);
}

/**
 * lede_photo_read_texture_async:
 *
 * Makes a photo of a picture pasted (saved as PNG) on a worker thread.
 */
void
lede_photo_read_texture_async (GdkTexture          *texture,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (GDK_IS_TEXTURE (texture));
  job->texture = g_object_ref (texture);
  start_read (job, cancellable, callback, user_data);
}

/**
 * lede_photo_read_finish:
 * @bytes: (out): the picture's bytes, to be added to the library
 *
 * Returns: (transfer full): the photo, its texts from the file's metadata;
 *   %NULL with @error saying in words why the file was refused
 */
LedePhoto *
lede_photo_read_finish (GAsyncResult  *result,
                        GBytes       **bytes,
                        GError       **error)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  LedePhoto *photo = g_task_propagate_pointer (task, error);

  if (photo != NULL && bytes != NULL)
    *bytes = g_bytes_ref (job->bytes);
  return photo;
}

static void
thumbnail_in_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = lede_library_dup_photo_bytes (job->library, job->photo, &error);
  g_autoptr (GdkPixbuf) pixbuf = NULL;

  if (bytes != NULL)
    pixbuf = lede_photo_file_load_upright (bytes, job->photo->orientation, job->size, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

/**
 * lede_photo_thumbnail_async:
 * @size: the longer side, in pixels
 *
 * Makes @photo's thumbnail, upright, from its bytes in @library, on a
 * worker thread (only the bytes' file is read there, never the database).
 */
void
lede_photo_thumbnail_async (LedeLibrary         *library,
                            const LedePhoto     *photo,
                            int                  size,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->library = g_object_ref (library);
  job->photo = lede_photo_copy (photo);
  job->size = size;
  g_task_set_source_tag (task, lede_photo_thumbnail_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, thumbnail_in_thread);
}

GdkTexture *
lede_photo_thumbnail_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * lede_photo_is_image_file:
 *
 * Returns: whether @file's name says it is a picture: what a drop on the
 *   editor takes as a photo (the photo's kind is read from its bytes)
 */
gboolean
lede_photo_is_image_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = name ? g_content_type_guess (name, NULL, 0, NULL) : NULL;

  return type != NULL && g_content_type_is_mime_type (type, "image/*");
}
