/* lede-editor-photos.c: pictures in the body: the line that names one
 * (![ALT](lede-photo:SHA), lede-photo-refs.c), put in at the cursor; files
 * dropped and pictures pasted, handed to the window (the editor never
 * adds to the library); and the bracket text kept in step with the
 * photo's alt text both ways.
 *
 * The photo's alt text is the truth. Typing in the brackets changes it
 * once typing pauses (READ_ALTS_MS); an alt text changed elsewhere (the
 * panel) rewrites the brackets at once, after taking in any typing not
 * yet read, so neither side overwrites the other's newer words. A body
 * picture taken off the story (the panel's Remove) takes its lines out of
 * the text, one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-editor-private.h"
#include "lede-photo-refs.h"

#define READ_ALTS_MS 250

static guint files_dropped_signal;
static guint image_pasted_signal;

static GtkTextBuffer *
body_buffer (LedeEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static char *
body_text (LedeEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (self), &start, &end, TRUE);
}

static int
body_photo (GPtrArray  *photos,
            const char *sha256)
{
  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_BODY && g_strcmp0 (photo->sha256, sha256) == 0)
        return i;
    }
  return -1;
}

/* The bracket text of each picture line into its photo's alt text. */
static void
read_alts (LedeEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) refs = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) changed = NULL;
  GPtrArray *photos;

  g_clear_handle_id (&self->read_alts_id, g_source_remove);
  if (self->article == NULL || !(photos = lede_article_get_photos (self->article)) || photos->len == 0)
    return;
  text = body_text (self);
  refs = lede_photo_refs_find (text);
  if (refs->len == 0)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < refs->len; i++)
    {
      LedePhotoRef *ref = &g_array_index (refs, LedePhotoRef, i);
      int index = body_photo (changed ? changed : photos, ref->sha256);
      g_autofree char *alt = NULL;
      LedePhoto *photo;

      if (index < 0)
        continue;
      alt = lede_photo_refs_dup_alt (lines[ref->line], ref);
      photo = g_ptr_array_index (changed ? changed : photos, index);
      if (g_str_equal (alt, photo->alt_text))
        continue;
      if (changed == NULL)
        {
          changed = g_ptr_array_new_full (photos->len, (GDestroyNotify)lede_photo_free);
          for (guint j = 0; j < photos->len; j++)
            g_ptr_array_add (changed, lede_photo_copy (g_ptr_array_index (photos, j)));
          photo = g_ptr_array_index (changed, index);
        }
      lede_photo_set_text (&photo->alt_text, alt);
    }
  if (changed != NULL)
    {
      self->writing_alts = TRUE;
      lede_article_set_photos (self->article, changed);
      self->writing_alts = FALSE;
    }
}

static gboolean
read_alts_cb (gpointer data)
{
  LedeEditor *self = data;

  self->read_alts_id = 0;
  read_alts (self);
  return G_SOURCE_REMOVE;
}

static void
on_body_changed (LedeEditor *self)
{
  if (self->loading || self->writing_alts)
    return;
  g_clear_handle_id (&self->read_alts_id, g_source_remove);
  self->read_alts_id = g_timeout_add (READ_ALTS_MS, read_alts_cb, self);
}

static GHashTable *
body_shas (GPtrArray *photos)
{
  GHashTable *shas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_BODY)
        g_hash_table_add (shas, g_strdup (photo->sha256));
    }
  return shas;
}

/* The lines of pictures the story had a moment ago and has no longer,
 * with the blank line after each, in one user action. */
static void
take_out_lines (LedeEditor *self,
                GPtrArray  *photos)
{
  GtkTextBuffer *buffer = body_buffer (self);
  g_autoptr (GHashTable) now = body_shas (photos);
  g_autoptr (GHashTable) before = g_steal_pointer (&self->body_photos);
  g_autofree char *text = NULL;
  g_autoptr (GArray) refs = NULL;
  gboolean begun = FALSE;

  self->body_photos = g_hash_table_ref (now);
  if (before == NULL || self->body_photos_of != self->article)
    {
      self->body_photos_of = self->article;
      return;
    }
  self->body_photos_of = self->article;
  text = body_text (self);
  refs = lede_photo_refs_find (text);
  for (guint i = refs->len; i-- > 0;)
    {
      LedePhotoRef *ref = &g_array_index (refs, LedePhotoRef, i);
      GtkTextIter start, end;

      if (!g_hash_table_contains (before, ref->sha256) || g_hash_table_contains (now, ref->sha256))
        continue;
      if (!begun)
        gtk_text_buffer_begin_user_action (buffer);
      begun = TRUE;
      gtk_text_buffer_get_iter_at_line (buffer, &start, ref->line);
      end = start;
      gtk_text_iter_forward_line (&end);
      if (gtk_text_iter_ends_line (&end) && !gtk_text_iter_is_end (&end))
        gtk_text_iter_forward_line (&end);
      /* The last paragraph: the blank line before it goes instead. */
      if (gtk_text_iter_is_end (&end))
        for (guint n = 0; n < 2 && gtk_text_iter_backward_char (&start); n++)
          if (gtk_text_iter_get_char (&start) != '\n')
            {
              gtk_text_iter_forward_char (&start);
              break;
            }
      gtk_text_buffer_delete (buffer, &start, &end);
    }
  if (begun)
    gtk_text_buffer_end_user_action (buffer);
}

/* Another story shown: its pictures are where a change is seen from. */
static void
on_article_shown (LedeEditor *self)
{
  g_clear_pointer (&self->body_photos, g_hash_table_unref);
  self->body_photos_of = self->article;
  if (self->article != NULL)
    self->body_photos = body_shas (lede_article_get_photos (self->article));
}

/* An alt text changed elsewhere: the brackets of its lines say it. */
static void
on_photos_changed (LedeEditor *self)
{
  GtkTextBuffer *buffer = body_buffer (self);
  GPtrArray *photos = self->article ? lede_article_get_photos (self->article) : NULL;
  g_autofree char *text = NULL;
  g_autoptr (GArray) refs = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean begun = FALSE;

  if (self->writing_alts || self->loading || photos == NULL)
    return;
  /* Typing in the brackets not read yet is the newer word. */
  if (self->read_alts_id != 0)
    read_alts (self);
  self->writing_alts = TRUE;
  take_out_lines (self, photos);
  self->writing_alts = FALSE;
  text = body_text (self);
  refs = lede_photo_refs_find (text);
  lines = g_strsplit (text, "\n", -1);
  self->writing_alts = TRUE;
  for (guint i = refs->len; i-- > 0;)
    {
      LedePhotoRef *ref = &g_array_index (refs, LedePhotoRef, i);
      int index = body_photo (photos, ref->sha256);
      g_autofree char *alt = NULL;
      g_autofree char *escaped = NULL;
      GtkTextIter start, end;

      if (index < 0)
        continue;
      alt = lede_photo_refs_dup_alt (lines[ref->line], ref);
      if (g_str_equal (alt, ((LedePhoto *)g_ptr_array_index (photos, index))->alt_text))
        continue;
      escaped = lede_photo_refs_escape_alt (((LedePhoto *)g_ptr_array_index (photos, index))->alt_text);
      if (!begun)
        gtk_text_buffer_begin_user_action (buffer);
      begun = TRUE;
      gtk_text_buffer_get_iter_at_line_index (buffer, &start, ref->line, ref->alt_start);
      gtk_text_buffer_get_iter_at_line_index (buffer, &end, ref->line, ref->alt_end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, escaped, -1);
    }
  if (begun)
    gtk_text_buffer_end_user_action (buffer);
  self->writing_alts = FALSE;
}

/* What lede_editor_insert_photo() does. */
void
lede_editor_put_photo_line (LedeEditor      *self,
                            const LedePhoto *photo)
{
  GtkTextBuffer *buffer;
  GtkTextIter at;
  g_autofree char *line = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  buffer = body_buffer (self);
  line = lede_photo_refs_make_line (photo->alt_text, photo->sha256);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  /* After the paragraph the cursor is in, with a blank line each side. */
  if (!gtk_text_iter_starts_line (&at) && !gtk_text_iter_ends_line (&at))
    gtk_text_iter_forward_to_line_end (&at);
  if (!gtk_text_iter_is_start (&at))
    {
      GtkTextIter back = at;

      if (!gtk_text_iter_starts_line (&at))
        g_string_append (text, "\n\n");
      else if (gtk_text_iter_backward_line (&back) && !gtk_text_iter_ends_line (&back))
        g_string_append (text, "\n");
    }
  g_string_append (text, line);
  if (gtk_text_iter_is_end (&at))
    g_string_append_c (text, '\n');
  else
    {
      /* A blank line after it, counting the line breaks already there. */
      GtkTextIter next = at;
      guint breaks = 0;

      while (breaks < 2 && gtk_text_iter_get_char (&next) == '\n')
        {
          breaks++;
          gtk_text_iter_forward_char (&next);
        }
      for (; breaks < 2; breaks++)
        g_string_append_c (text, '\n');
    }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &at, text->str, text->len);
  gtk_text_buffer_place_cursor (buffer, &at);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->body_view), gtk_text_buffer_get_insert (buffer));
}

static gboolean
on_drop (LedeEditor    *self,
         const GValue  *value,
         double         x,
         double         y)
{
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  GtkTextIter at;
  int bx, by;

  if (self->article == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    g_list_store_append (files, l->data);
  /* Where it was dropped is where the picture goes. */
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &at, bx, by))
    gtk_text_buffer_place_cursor (body_buffer (self), &at);
  g_signal_emit (self, files_dropped_signal, 0, files);
  return TRUE;
}

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (LedeEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);

  if (texture == NULL)
    g_message ("Could not paste the picture: %s", error->message);
  else if (self->article != NULL)
    g_signal_emit (self, image_pasted_signal, 0, texture);
}

/* A picture on the clipboard, with no text beside it, is pasted as a
 * photo; anything with text is pasted as text, as before. */
static void
on_paste (LedeEditor  *self,
          GtkTextView *view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (!gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) ||
      gdk_content_formats_contain_gtype (formats, G_TYPE_STRING) ||
      gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8") ||
      gdk_content_formats_contain_mime_type (formats, "text/plain"))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, g_object_ref (self));
}

void
lede_editor_class_add_photos (GtkWidgetClass *widget_class)
{
  /**
   * LedeEditor::files-dropped:
   * @files: (element-type GFile): the files dropped on the body; the
   *   cursor is where they were dropped
   */
  files_dropped_signal =
    g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
  /**
   * LedeEditor::image-pasted:
   * @texture: a picture pasted in the body, with no text beside it
   */
  image_pasted_signal =
    g_signal_new ("image-pasted", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GDK_TYPE_TEXTURE);
}

void
lede_editor_watch_photos (LedeEditor *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect_object (self->body_view, "paste-clipboard", G_CALLBACK (on_paste), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (body_buffer (self), "changed", G_CALLBACK (on_body_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::photos",
                                 G_CALLBACK (on_photos_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::article", G_CALLBACK (on_article_shown), NULL);
}

void
lede_editor_dispose_photos (LedeEditor *self)
{
  g_clear_handle_id (&self->read_alts_id, g_source_remove);
  g_clear_pointer (&self->body_photos, g_hash_table_unref);
}
