/* lede-preview-photos.c: the story's photos served to the preview through
 * Lede's own URI scheme, lede-photo:SHA256 — never file://, never the
 * network.
 *
 * The scheme is registered once on WebKit's context; a request is answered
 * for the preview that asked, and only with a photo of the story it shows
 * (so a page cannot read other pictures in the library by guessing names).
 * The bytes come from the library, checked against their SHA-256, on a
 * worker thread; a picture whose EXIF says it is turned is served upright
 * as PNG, as the page will show it. The content filter passes the scheme
 * (it has no "//") and the page's Content-Security-Policy allows it for
 * images alone (lede-page.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preview"

#include "config.h"

#include "lede-photo-file.h"
#include "lede-photo-refs.h"
#include "lede-preview.h"

#define SCHEME "lede-photo"

typedef struct {
  LedeLibrary *library;
  LedePhoto   *photo;
  const char  *media_type;  /* of what is served */
} Serving;

static void
serving_free (Serving *serving)
{
  g_clear_object (&serving->library);
  g_clear_pointer (&serving->photo, lede_photo_free);
  g_free (serving);
}

static void
serve_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Serving *serving = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = lede_library_dup_photo_bytes (serving->library, serving->photo, &error);

  if (bytes != NULL && serving->photo->orientation > 1)
    {
      g_autoptr (GBytes) upright = lede_photo_file_dup_png (bytes, serving->photo->orientation, 0, &error);

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = g_steal_pointer (&upright);
      serving->media_type = "image/png";
    }
  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
}

static void
on_served (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (WebKitURISchemeRequest) request = user_data;
  Serving *serving = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GInputStream) stream = NULL;

  if (bytes == NULL)
    {
      g_message ("Preview: %s", error->message);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  stream = g_memory_input_stream_new_from_bytes (bytes);
  webkit_uri_scheme_request_finish (request, stream, g_bytes_get_size (bytes), serving->media_type);
}

static void
refuse (WebKitURISchemeRequest *request,
        const char             *why)
{
  g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, why);

  webkit_uri_scheme_request_finish_error (request, error);
}

static void
on_request (WebKitURISchemeRequest *request,
            gpointer                user_data)
{
  WebKitWebView *view = webkit_uri_scheme_request_get_web_view (request);
  GtkWidget *preview = view ? gtk_widget_get_ancestor (GTK_WIDGET (view), LEDE_TYPE_PREVIEW) : NULL;
  const char *sha = webkit_uri_scheme_request_get_path (request);
  LedeLibrary *library;
  LedeArticle *article;
  GPtrArray *photos;
  g_autoptr (GTask) task = NULL;
  Serving *serving;

  if (preview == NULL || sha == NULL || !lede_photo_is_sha256 (sha))
    {
      refuse (request, "Not a photo of Lede’s");
      return;
    }
  library = lede_preview_get_library (LEDE_PREVIEW (preview));
  article = lede_preview_get_article (LEDE_PREVIEW (preview));
  photos = article ? lede_article_get_photos (article) : NULL;
  for (guint i = 0; library && photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      if (!g_str_equal (photo->sha256, sha))
        continue;
      serving = g_new0 (Serving, 1);
      serving->library = g_object_ref (library);
      serving->photo = lede_photo_copy (photo);
      task = g_task_new (NULL, NULL, on_served, g_object_ref (request));
      /* The media type points into the photo the task keeps. */
      serving->media_type = serving->photo->media_type;
      g_task_set_task_data (task, serving, (GDestroyNotify)serving_free);
      g_task_run_in_thread (task, serve_in_thread);
      return;
    }
  refuse (request, "Not a photo of this story");
}

/**
 * lede_preview_register_photos:
 *
 * Serves lede-photo: addresses in @context's views (once per context).
 */
void
lede_preview_register_photos (WebKitWebContext *context)
{
  webkit_web_context_register_uri_scheme (context, SCHEME, on_request, NULL, NULL);
}
