/* lede-photo-section.c: the open story's photos in the metadata panel: the
 * lead photo (a thumbnail, Choose…, Remove, a file dropped on it) and the
 * pictures in the body, each with its caption, credit and alt text.
 *
 * A text edited here is a change to the story's photos (the article's
 * "photos" property), which the autosave writes like any other field; each
 * field keeps its own undo history (Ctrl+Z in it). A photo chosen is read
 * and its thumbnail made on a worker thread; the file's own metadata fills
 * the texts; a file refused is said in words here, and nothing changes.
 * Remove (the lead photo, or a picture in the body, whose line the editor
 * then takes out) keeps the photo's bytes until the next change, so Undo
 * can add it back even after the library let go of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-photo-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-photo-loading.h"
#include "lede-photo-section.h"

#define LEAD_THUMBNAIL_SIZE 480
#define BODY_THUMBNAIL_SIZE 96

typedef enum {
  FIELD_CAPTION,
  FIELD_CREDIT,
  FIELD_ALT,
} Field;

struct _LedePhotoSection
{
  GtkWidget     parent_instance;

  GtkWidget    *lead_frame;
  GtkStack     *lead_stack;
  GtkPicture   *lead_picture;
  GtkWidget    *remove_button;
  GtkWidget    *choose_button;
  GtkLabel     *message_label;
  GtkWidget    *removed_box;
  GtkLabel     *removed_label;
  GtkWidget    *undo_remove_button;
  AdwEntryRow  *lead_caption_row;
  AdwEntryRow  *lead_credit_row;
  AdwEntryRow  *lead_alt_row;
  GtkWidget    *lead_fields;
  GtkListBox   *body_list;

  LedeArticle  *article;
  LedeLibrary  *library;
  GSignalGroup *article_signals;
  GCancellable *cancellable;
  GHashTable   *thumbnails;    /* "SHA:size" → GdkTexture */
  GHashTable   *loading_thumbnails;
  char         *body_shown;    /* the body pictures' SHAs the rows are for */
  GPtrArray    *body_rows;     /* AdwExpanderRow, in the story's order of body pictures */
  guint         reading;       /* files being read */
  gboolean      syncing;       /* putting the story's texts in the fields */

  LedePhoto    *removed;       /* the lead photo last removed, for Undo */
  GBytes       *removed_bytes;
};

G_DEFINE_FINAL_TYPE (LedePhotoSection, lede_photo_section, GTK_TYPE_WIDGET)

static void update (LedePhotoSection *self);
static void on_remove_body_clicked (LedePhotoSection *self,
                                    GtkButton        *button);

static GPtrArray *
photos_of (LedePhotoSection *self)
{
  return self->article ? lede_article_get_photos (self->article) : NULL;
}

static int
lead_index (LedePhotoSection *self)
{
  GPtrArray *photos = photos_of (self);

  for (guint i = 0; photos && i < photos->len; i++)
    if (((LedePhoto *)g_ptr_array_index (photos, i))->role == LEDE_PHOTO_ROLE_LEAD)
      return i;
  return -1;
}

static void
show_message (LedePhotoSection *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
forget_removed (LedePhotoSection *self)
{
  g_clear_pointer (&self->removed, lede_photo_free);
  g_clear_pointer (&self->removed_bytes, g_bytes_unref);
  gtk_widget_set_visible (self->removed_box, FALSE);
}

/* One text of the photo at @index changed in a field: the story's photos
 * with it. */
static void
set_photo_text (LedePhotoSection *self,
                int               index,
                Field             field,
                const char       *text)
{
  GPtrArray *photos = photos_of (self);
  g_autoptr (GPtrArray) changed = NULL;
  LedePhoto *photo;
  char **slot;

  if (photos == NULL || index < 0 || (guint)index >= photos->len)
    return;
  changed = g_ptr_array_new_full (photos->len, (GDestroyNotify)lede_photo_free);
  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (changed, lede_photo_copy (g_ptr_array_index (photos, i)));
  photo = g_ptr_array_index (changed, index);
  slot = field == FIELD_CAPTION ? &photo->caption : field == FIELD_CREDIT ? &photo->credit : &photo->alt_text;
  if (g_strcmp0 (*slot, text) == 0)
    return;
  lede_photo_set_text (slot, text);
  lede_article_set_photos (self->article, changed);
}

static void
on_field_changed (LedePhotoSection *self,
                  GtkEditable      *editable)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "lede-photo-index"));
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "lede-photo-field"));

  if (self->syncing || self->article == NULL)
    return;
  /* The lead fields stand for whichever photo leads. */
  if (index < 0)
    index = lead_index (self);
  set_photo_text (self, index, field, gtk_editable_get_text (editable));
}

static void
watch_field (LedePhotoSection *self,
             AdwEntryRow      *row,
             int               index,
             Field             field)
{
  g_object_set_data (G_OBJECT (row), "lede-photo-index", GINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "lede-photo-field", GINT_TO_POINTER (field));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
}

static void
sync_field (LedePhotoSection *self,
            AdwEntryRow      *row,
            const char       *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->syncing = FALSE;
}

typedef struct {
  LedePhotoSection *self;
  char             *key;
} ThumbnailWait;

static void
on_thumbnail (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ThumbnailWait *wait = user_data;
  g_autoptr (LedePhotoSection) self = wait->self;
  g_autofree char *key = wait->key;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = lede_photo_thumbnail_finish (result, &error);

  g_free (wait);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->loading_thumbnails, key);
  if (texture == NULL)
    {
      /* Said, not hidden: a photo whose file is damaged has no picture. */
      g_message ("No thumbnail: %s", error->message);
      return;
    }
  g_hash_table_insert (self->thumbnails, g_steal_pointer (&key), g_steal_pointer (&texture));
  update (self);
}

/* The thumbnail when made, else %NULL and it is being made. */
static GdkTexture *
thumbnail_of (LedePhotoSection *self,
              const LedePhoto  *photo,
              int               size)
{
  g_autofree char *key = g_strdup_printf ("%s:%d", photo->sha256, size);
  GdkTexture *texture = g_hash_table_lookup (self->thumbnails, key);
  ThumbnailWait *wait;

  if (texture != NULL || self->library == NULL || g_hash_table_contains (self->loading_thumbnails, key))
    return texture;
  g_hash_table_add (self->loading_thumbnails, g_strdup (key));
  wait = g_new0 (ThumbnailWait, 1);
  wait->self = g_object_ref (self);
  wait->key = g_steal_pointer (&key);
  lede_photo_thumbnail_async (self->library, photo, size, self->cancellable, on_thumbnail, wait);
  return NULL;
}

static char *
body_key (GPtrArray *photos)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_BODY)
        g_string_append_printf (key, "%u:%s ", i, photo->sha256);
    }
  return g_string_free (key, FALSE);
}

static AdwEntryRow *
add_field_row (LedePhotoSection *self,
               AdwExpanderRow   *expander,
               const char       *title,
               int               index,
               Field             field)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  watch_field (self, row, index, field);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

/* One row a body picture: its thumbnail and its three texts. */
static void
rebuild_body (LedePhotoSection *self,
              GPtrArray        *photos)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->body_list))))
    gtk_list_box_remove (self->body_list, child);
  g_ptr_array_set_size (self->body_rows, 0);
  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);
      AdwExpanderRow *row;
      GtkWidget *picture;
      GtkWidget *remove;

      if (photo->role != LEDE_PHOTO_ROLE_BODY)
        continue;
      row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      picture = gtk_picture_new ();
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
      gtk_widget_set_size_request (picture, 48, 48);
      gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
      adw_expander_row_add_prefix (row, picture);
      g_object_set_data (G_OBJECT (row), "lede-picture", picture);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take this picture out of the story, and its line out of the text"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Take the picture out of the story"), -1);
      g_object_set_data (G_OBJECT (remove), "lede-photo-index", GINT_TO_POINTER (i));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_body_clicked), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_action (row, remove);
      g_object_set_data (G_OBJECT (row), "lede-remove", remove);
      g_object_set_data (G_OBJECT (row), "lede-photo-index", GINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (row), "lede-caption", add_field_row (self, row, _("Caption"), i, FIELD_CAPTION));
      g_object_set_data (G_OBJECT (row), "lede-credit", add_field_row (self, row, _("Credit"), i, FIELD_CREDIT));
      g_object_set_data (G_OBJECT (row), "lede-alt", add_field_row (self, row, _("Alt text"), i, FIELD_ALT));
      gtk_list_box_append (self->body_list, GTK_WIDGET (row));
      g_ptr_array_add (self->body_rows, row);
    }
}

static void
update_body_row (LedePhotoSection *self,
                 AdwExpanderRow   *row,
                 const LedePhoto  *photo)
{
  GdkTexture *texture = thumbnail_of (self, photo, BODY_THUMBNAIL_SIZE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *photo->file_name ? photo->file_name : _("Picture"));
  adw_expander_row_set_subtitle (row, *photo->alt_text ? photo->alt_text : _("No alt text yet"));
  gtk_picture_set_paintable (g_object_get_data (G_OBJECT (row), "lede-picture"), GDK_PAINTABLE (texture));
  sync_field (self, g_object_get_data (G_OBJECT (row), "lede-caption"), photo->caption);
  sync_field (self, g_object_get_data (G_OBJECT (row), "lede-credit"), photo->credit);
  sync_field (self, g_object_get_data (G_OBJECT (row), "lede-alt"), photo->alt_text);
}

/* The story's photos into the section: structure when it changed, texts
 * only where they differ (so the field being typed in keeps its cursor). */
static void
update (LedePhotoSection *self)
{
  GPtrArray *photos = photos_of (self);
  int lead = lead_index (self);
  g_autofree char *key = body_key (photos);

  if (lead >= 0)
    {
      LedePhoto *photo = g_ptr_array_index (photos, lead);
      g_autofree char *label = NULL;

      gtk_picture_set_paintable (self->lead_picture,
                                 GDK_PAINTABLE (thumbnail_of (self, photo, LEAD_THUMBNAIL_SIZE)));
      label = g_strdup_printf (_("Lead photo: %s"), *photo->alt_text ? photo->alt_text : photo->file_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lead_picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->lead_picture), photo->file_name);
      sync_field (self, self->lead_caption_row, photo->caption);
      sync_field (self, self->lead_credit_row, photo->credit);
      sync_field (self, self->lead_alt_row, photo->alt_text);
    }
  gtk_stack_set_visible_child_name (self->lead_stack, lead >= 0 ? "photo" : "empty");
  gtk_widget_set_visible (self->lead_fields, lead >= 0);
  gtk_widget_set_sensitive (self->remove_button, lead >= 0);

  if (g_strcmp0 (key, self->body_shown) != 0)
    {
      rebuild_body (self, photos);
      g_free (self->body_shown);
      self->body_shown = g_steal_pointer (&key);
    }
  for (guint i = 0; i < self->body_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->body_rows, i);
      guint index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lede-photo-index"));

      update_body_row (self, row, g_ptr_array_index (photos, index));
    }
}

typedef struct {
  LedePhotoSection *self;
  LedeArticle      *article;  /* the story it was chosen for */
} LeadWait;

static void
on_lead_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LeadWait *wait = user_data;
  g_autoptr (LedePhotoSection) self = wait->self;
  g_autoptr (LedeArticle) article = wait->article;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedePhoto) photo = lede_photo_read_finish (result, &bytes, &error);

  g_free (wait);
  self->reading--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (photo == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not added: %s"), error->message);

      show_message (self, message);
      return;
    }
  /* Another story shown meanwhile: this one is not for it. */
  if (self->article == NULL || self->article != article || self->library == NULL)
    return;
  photo->role = LEDE_PHOTO_ROLE_LEAD;
  if (!lede_library_add_photo_to_open_story (self->library, self->article, photo, bytes, &error))
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  forget_removed (self);
}

/**
 * lede_photo_section_add_lead:
 *
 * Reads @file (off the main thread) and makes it the story's lead photo,
 * in place of the one it had; a file refused is said in the section.
 */
void
lede_photo_section_add_lead (LedePhotoSection *self,
                             GFile            *file)
{
  LeadWait *wait;

  g_return_if_fail (LEDE_IS_PHOTO_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->article == NULL)
    return;
  wait = g_new0 (LeadWait, 1);
  wait->self = g_object_ref (self);
  wait->article = g_object_ref (self->article);
  self->reading++;
  lede_photo_read_file_async (file, self->cancellable, on_lead_read, wait);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     LedePhotoSection *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lede_photo_section_add_lead (self, file);
    }
  g_object_unref (chooser);
}

static void
choose_clicked_cb (LedePhotoSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Lead Photo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Takes the photo at @index off the story, keeping it for Undo. */
static void
remove_photo (LedePhotoSection *self,
              int               index)
{
  GPtrArray *photos = photos_of (self);
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *said = NULL;
  LedePhoto *photo;

  if (photos == NULL || index < 0 || (guint)index >= photos->len)
    return;
  photo = g_ptr_array_index (photos, index);
  forget_removed (self);
  /* The bytes are kept for Undo: once the story is saved without the
   * photo, the library may let go of its file. */
  if (self->library != NULL && (self->removed_bytes = lede_library_dup_photo_bytes (self->library, photo, &error)))
    self->removed = lede_photo_copy (photo);
  if (photo->role == LEDE_PHOTO_ROLE_LEAD)
    said = g_strdup_printf (_("Removed the lead photo “%s”."), photo->file_name);
  else
    said = g_strdup_printf (_("Took “%s” out of the story."), photo->file_name);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  for (guint i = 0; i < photos->len; i++)
    if ((int)i != index)
      g_ptr_array_add (kept, lede_photo_copy (g_ptr_array_index (photos, i)));
  lede_article_set_photos (self->article, kept);
  show_message (self, NULL);
  gtk_label_set_text (self->removed_label, said);
  gtk_widget_set_visible (self->removed_box, self->removed != NULL);
}

static void
remove_clicked_cb (LedePhotoSection *self)
{
  remove_photo (self, lead_index (self));
}

static void
on_remove_body_clicked (LedePhotoSection *self,
                        GtkButton        *button)
{
  remove_photo (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lede-photo-index")));
}

static void
undo_remove_clicked_cb (LedePhotoSection *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedePhoto) photo = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (self->removed == NULL || self->article == NULL || self->library == NULL)
    return;
  photo = g_steal_pointer (&self->removed);
  bytes = g_steal_pointer (&self->removed_bytes);
  forget_removed (self);
  if (!lede_library_add_photo_to_open_story (self->library, self->article, photo, bytes, &error))
    show_message (self, error->message);
}

static gboolean
on_drop (LedePhotoSection *self,
         const GValue     *value,
         double            x,
         double            y)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->article == NULL)
    return FALSE;
  lede_photo_section_add_lead (self, files->data);
  return TRUE;
}

static void
on_photos_changed (LedePhotoSection *self)
{
  update (self);
}

void
lede_photo_section_set_article (LedePhotoSection *self,
                                LedeArticle      *article)
{
  g_return_if_fail (LEDE_IS_PHOTO_SECTION (self));

  if (self->article == article)
    return;
  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  forget_removed (self);
  show_message (self, NULL);
  update (self);
}

void
lede_photo_section_set_library (LedePhotoSection *self,
                                LedeLibrary      *library)
{
  g_return_if_fail (LEDE_IS_PHOTO_SECTION (self));

  if (self->library == library)
    return;
  g_set_object (&self->library, library);
  g_hash_table_remove_all (self->thumbnails);
  update (self);
}

/**
 * lede_photo_section_is_busy:
 *
 * Returns: whether a file is being read or a thumbnail made (for tests)
 */
gboolean
lede_photo_section_is_busy (LedePhotoSection *self)
{
  g_return_val_if_fail (LEDE_IS_PHOTO_SECTION (self), FALSE);
  return self->reading > 0 || g_hash_table_size (self->loading_thumbnails) > 0;
}

static void
lede_photo_section_dispose (GObject *object)
{
  LedePhotoSection *self = LEDE_PHOTO_SECTION (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->article_signals);
  g_clear_pointer (&self->body_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_PHOTO_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_photo_section_parent_class)->dispose (object);
}

static void
lede_photo_section_finalize (GObject *object)
{
  LedePhotoSection *self = LEDE_PHOTO_SECTION (object);

  g_clear_object (&self->article);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->loading_thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->body_shown, g_free);
  g_clear_pointer (&self->removed, lede_photo_free);
  g_clear_pointer (&self->removed_bytes, g_bytes_unref);
  G_OBJECT_CLASS (lede_photo_section_parent_class)->finalize (object);
}

static void
lede_photo_section_class_init (LedePhotoSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_photo_section_dispose;
  object_class->finalize = lede_photo_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-photo-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_frame);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_stack);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_picture);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, message_label);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, removed_box);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, removed_label);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, undo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_caption_row);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_credit_row);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_alt_row);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, lead_fields);
  gtk_widget_class_bind_template_child (widget_class, LedePhotoSection, body_list);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, undo_remove_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_photo_section_init (LedePhotoSection *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->loading_thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->body_rows = g_ptr_array_new ();
  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::photos",
                                 G_CALLBACK (on_photos_changed), self, G_CONNECT_SWAPPED);
  watch_field (self, self->lead_caption_row, -1, FIELD_CAPTION);
  watch_field (self, self->lead_credit_row, -1, FIELD_CREDIT);
  watch_field (self, self->lead_alt_row, -1, FIELD_ALT);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->lead_frame, GTK_EVENT_CONTROLLER (drop));
  update (self);
}
