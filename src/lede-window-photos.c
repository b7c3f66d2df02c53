/* lede-window-photos.c: pictures put in the open story's body: Insert
 * Photo… (Ctrl+Alt+I), image files dropped on the body, a picture pasted.
 *
 * Each is read off the main thread (lede-photo-loading.c), its texts
 * filled from the file's own metadata, added to the library and to the
 * story (lede_library_add_photo_to_open_story(): the editor keeps its
 * story object and its undo), and its line put in at the cursor. A file
 * refused is said in a toast, in words, and nothing changes. Files that
 * are not pictures dropped on the body are imported, as on the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-photo-loading.h"
#include "lede-window-private.h"

static guint photo_refused_signal;

typedef struct {
  LedeWindow *window;
  gint64      story;   /* the story it goes into: still the one shown? */
} Adding;

static void
say_refused (LedeWindow *self,
             const char *message)
{
  g_autofree char *said = g_strdup_printf (_("Not added: %s"), message);
  AdwToast *toast = adw_toast_new (said);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toasts, toast);
  g_signal_emit (self, photo_refused_signal, 0, said);
}

static void
on_photo_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Adding *adding = user_data;
  g_autoptr (LedeWindow) self = adding->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedePhoto) photo = lede_photo_read_finish (result, &bytes, &error);
  LedeArticle *article = lede_editor_get_article (self->editor);
  GPtrArray *photos;
  gint64 story = adding->story;
  g_autofree char *sha = NULL;

  g_free (adding);
  self->photos_reading--;
  if (photo == NULL)
    {
      say_refused (self, error->message);
      return;
    }
  if (article == NULL || lede_article_get_id (article) != story || self->library == NULL)
    {
      say_refused (self, _("the story it was for is no longer open"));
      return;
    }
  /* A picture the story has already: another line for the same photo. */
  photos = lede_article_get_photos (article);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *have = g_ptr_array_index (photos, i);

      if (have->role == LEDE_PHOTO_ROLE_BODY &&
          g_str_equal (have->sha256, sha))
        {
          lede_editor_insert_photo (self->editor, have);
          return;
        }
    }
  photo->role = LEDE_PHOTO_ROLE_BODY;
  if (!lede_library_add_photo_to_open_story (self->library, article, photo, bytes, &error))
    {
      say_refused (self, error->message);
      return;
    }
  lede_editor_insert_photo (self->editor, photo);
}

static Adding *
start_adding (LedeWindow *self)
{
  Adding *adding = g_new0 (Adding, 1);

  adding->window = g_object_ref (self);
  adding->story = lede_article_get_id (lede_editor_get_article (self->editor));
  self->photos_reading++;
  return adding;
}

static void
add_files (LedeWindow *self,
           GListModel *files)
{
  guint n = g_list_model_get_n_items (files);

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);

      lede_photo_read_file_async (file, NULL, on_photo_read, start_adding (self));
    }
}

static void
on_files_dropped (LedeWindow *self,
                  GListModel *files)
{
  g_autoptr (GListStore) pictures = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GListStore) others = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);

      g_list_store_append (lede_photo_is_image_file (file) ? pictures : others, file);
    }
  add_files (self, G_LIST_MODEL (pictures));
  if (g_list_model_get_n_items (G_LIST_MODEL (others)) > 0)
    lede_window_import_model (self, G_LIST_MODEL (others));
}

static void
on_image_pasted (LedeWindow *self,
                 GdkTexture *texture)
{
  if (lede_editor_get_article (self->editor) == NULL)
    return;
  lede_photo_read_texture_async (texture, NULL, on_photo_read, start_adding (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     LedeWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      add_files (self, files);
    }
  g_object_unref (chooser);
}

static void
insert_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Insert Photo"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Insert"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What lede_window_insert_photo_files() does. */
void
lede_window_add_photo_files (LedeWindow *self,
                             GListModel *files)
{
  add_files (self, files);
}

void
lede_window_class_add_photos (GtkWidgetClass *widget_class)
{
  /**
   * LedeWindow::photo-refused:
   * @message: what was said, in words
   *
   * A picture for the body was refused, and nothing changed.
   */
  photo_refused_signal = g_signal_new ("photo-refused", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "win.insert-photo", NULL, insert_photo_action);
}

void
lede_window_init_photos (LedeWindow *self)
{
  g_signal_connect_object (self->editor, "files-dropped", G_CALLBACK (on_files_dropped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "image-pasted", G_CALLBACK (on_image_pasted), self, G_CONNECT_SWAPPED);
}
