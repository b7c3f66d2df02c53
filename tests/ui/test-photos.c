/* test-photos.c: photos in the real window — the panel's lead photo
 * (chosen, dropped, replaced, removed and put back), its texts filled from
 * the file's metadata and edited, pictures put in the body (Insert Photo…,
 * a file dropped, a picture pasted), the line's bracket text and the alt
 * text kept in step, and every refusal said with nothing changed. Each
 * result is read back from the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lede-window-fixture.h"
#include "../lede-test-photos.h"

static LedePhotoSection *
section (Fixture *f)
{
  return LEDE_PHOTO_SECTION (panel_child (f, "photo_section"));
}

static gboolean
section_idle (gpointer data)
{
  return !lede_photo_section_is_busy (data);
}

static gboolean
window_idle (gpointer data)
{
  return !lede_window_is_adding_photos (data);
}

static void
settle (Fixture *f)
{
  lede_test_spin (20);
  lede_test_wait_until (section_idle, section (f), 10000);
  lede_test_wait_until (window_idle, f->window, 10000);
  lede_test_spin (20);
}

static void
wait_saved (Fixture *f)
{
  lede_autosave_flush (lede_window_get_autosave (f->window), NULL);
  lede_test_wait_until (is_saved, f->window, 5000);
}

static void
show_panel (Fixture *f)
{
  /* Shown, not toggled: the setting lives on across the program's windows. */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-metadata", g_variant_new_boolean (TRUE));
  lede_test_spin (50);
}

static GPtrArray *
photos_on_disk (Fixture *f)
{
  g_autoptr (LedeArticle) article = read_from_disk (f, lede_article_get_id (shown_article (f)));
  GPtrArray *photos = lede_article_get_photos (article);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);

  for (guint i = 0; photos && i < photos->len; i++)
    g_ptr_array_add (copy, lede_photo_copy (g_ptr_array_index (photos, i)));
  return copy;
}

static guint
n_photos (LedeArticle *article)
{
  GPtrArray *photos = lede_article_get_photos (article);

  return photos ? photos->len : 0;
}

/* A JPEG whose metadata carries a caption, a credit and an alt text. */
static char *
make_captioned (Fixture *f)
{
  char *path = lede_test_make_image (f->dir, "ferry.jpg", "jpeg", 320, 200);

  /* exiv2 is in the Makefile's TEST_DEBS. */
  g_assert_true (lede_test_exiv2 (path, (const char *[]) {
    "set Xmp.dc.description LangAlt lang=x-default The Island Star leaves the quay, at dawn",
    "set Xmp.photoshop.Credit Ana Ruiz / Harbour Gazette",
    "set Xmp.iptc.AltTextAccessibility LangAlt lang=x-default A white ferry pulling away from a stone quay",
    NULL }));
  return path;
}

static void
drop_files (GtkWidget  *widget,
            const char *first,
            ...)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  GSList *list = NULL;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path; path = va_arg (args, const char *))
    list = g_slist_append (list, g_file_new_for_path (path));
  va_end (args);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free_full (list, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      /* The text view has a target of its own, for text. */
      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
    }
  g_value_unset (&value);
  g_assert_true (handled);
}

static const LedePhoto *
lead_of (LedeArticle *article)
{
  return lede_article_get_lead_photo (article);
}

/* Chosen: the texts come from the file; the thumbnail is shown; saved. */
static void
test_lead_from_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = make_captioned (f);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) disk = NULL;
  const LedePhoto *lead;

  show_panel (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_child (f, "lead_stack")), ==, "empty");
  lede_photo_section_add_lead (section (f), file);
  settle (f);

  lead = lead_of (shown_article (f));
  g_assert_nonnull (lead);
  g_assert_cmpstr (lead->caption, ==, "The Island Star leaves the quay, at dawn");
  g_assert_cmpstr (lead->credit, ==, "Ana Ruiz / Harbour Gazette");
  g_assert_cmpstr (lead->alt_text, ==, "A white ferry pulling away from a stone quay");
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "lead_caption_row")), ==, lead->caption);
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "lead_credit_row")), ==, lead->credit);
  g_assert_cmpstr (gtk_editable_get_text (panel_child (f, "lead_alt_row")), ==, lead->alt_text);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_child (f, "lead_stack")), ==, "photo");
  g_assert_nonnull (gtk_picture_get_paintable (panel_child (f, "lead_picture")));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (panel_child (f, "lead_picture"))), ==, 320);

  wait_saved (f);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 1);
  g_assert_cmpint (((LedePhoto *)g_ptr_array_index (disk, 0))->role, ==, LEDE_PHOTO_ROLE_LEAD);
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->credit, ==, "Ana Ruiz / Harbour Gazette");
}

/* A file dropped on the lead photo takes its place; the texts typed are
 * saved; each field undoes its own edits. */
static void
test_lead_drop_and_texts (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = lede_test_make_image (f->dir, "first.png", "png", 40, 30);
  g_autofree char *second = lede_test_make_image (f->dir, "second.jpg", "jpeg", 60, 40);
  g_autoptr (GFile) file = g_file_new_for_path (first);
  g_autoptr (GPtrArray) disk = NULL;
  g_autofree char *sha = NULL;
  GtkEditable *caption;
  GtkWidget *text;
  gsize len;
  g_autofree char *contents = NULL;

  show_panel (f);
  lede_photo_section_add_lead (section (f), file);
  settle (f);
  g_assert_cmpstr (lead_of (shown_article (f))->file_name, ==, "first.png");

  drop_files (panel_child (f, "lead_frame"), second, NULL);
  settle (f);
  g_assert_true (g_file_get_contents (second, &contents, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  g_assert_cmpuint (n_photos (shown_article (f)), ==, 1);
  g_assert_cmpstr (lead_of (shown_article (f))->sha256, ==, sha);
  g_assert_cmpstr (lead_of (shown_article (f))->file_name, ==, "second.jpg");

  caption = panel_child (f, "lead_caption_row");
  gtk_editable_set_text (caption, "Quay Street at first light");
  gtk_editable_set_text (panel_child (f, "lead_credit_row"), "Dev Achebe");
  gtk_editable_set_text (panel_child (f, "lead_alt_row"), "Fishing boats moored at a stone quay");
  g_assert_cmpstr (lead_of (shown_article (f))->caption, ==, "Quay Street at first light");
  wait_saved (f);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 1);
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->caption, ==, "Quay Street at first light");
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->credit, ==, "Dev Achebe");
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->alt_text, ==, "Fishing boats moored at a stone quay");

  /* Ctrl+Z in the caption field takes back its edit, and that is saved. */
  text = GTK_WIDGET (gtk_editable_get_delegate (caption));
  while (!GTK_IS_TEXT (text))
    text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (text)));
  gtk_widget_grab_focus (text);
  g_assert_true (gtk_widget_activate_action (text, "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (caption), ==, "");
  g_assert_cmpstr (lead_of (shown_article (f))->caption, ==, "");
  wait_saved (f);
  g_clear_pointer (&disk, g_ptr_array_unref);
  disk = photos_on_disk (f);
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->caption, ==, "");
}

/* Remove takes the lead photo off (saved), and Undo puts it back with its
 * texts, even after the library let go of its file. */
static void
test_lead_remove_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = lede_test_make_image (f->dir, "lead.png", "png", 50, 50);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) disk = NULL;
  g_autoptr (LedePhoto) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (GBytes) bytes = NULL;

  show_panel (f);
  lede_photo_section_add_lead (section (f), file);
  settle (f);
  gtk_editable_set_text (panel_child (f, "lead_alt_row"), "A red and blue square");
  before = lede_photo_copy (lead_of (shown_article (f)));
  wait_saved (f);

  g_signal_emit_by_name (panel_child (f, "remove_button"), "clicked");
  g_assert_null (lead_of (shown_article (f)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_child (f, "lead_stack")), ==, "empty");
  g_assert_true (gtk_widget_get_visible (panel_child (f, "removed_box")));
  wait_saved (f);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 0);

  g_signal_emit_by_name (panel_child (f, "undo_remove_button"), "clicked");
  settle (f);
  g_assert_nonnull (lead_of (shown_article (f)));
  g_assert_true (lede_photo_equal (lead_of (shown_article (f)), before));
  g_assert_false (gtk_widget_get_visible (panel_child (f, "removed_box")));
  wait_saved (f);
  g_clear_pointer (&disk, g_ptr_array_unref);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 1);
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (disk, 0))->alt_text, ==, "A red and blue square");
  reader = lede_library_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  bytes = lede_library_dup_photo_bytes (reader, g_ptr_array_index (disk, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

typedef struct {
  const char *name;
  const char *contents;
  gsize       length;
  const char *said;
} Refused;

/* SVG, HEIC and a file over 50 MB: said in words in the panel and, for
 * the body, in a toast; the story, the body and the file unchanged. */
static void
on_refused (LedeWindow *window,
            const char *message,
            char      **said)
{
  g_free (*said);
  *said = g_strdup (message);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  const Refused cases[] = {
    { "drawing.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
      0, "SVG" },
    { "IMG_0001.jpg", "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, "send a JPEG" },
    { "huge.jpg", NULL, 0, "50 MB" },
  };
  g_autofree char *said = NULL;
  g_autofree char *body_before = NULL;
  g_autoptr (GPtrArray) disk = NULL;

  show_panel (f);
  g_signal_connect (f->window, "photo-refused", G_CALLBACK (on_refused), &said);
  type_at_end (f, "\n\nA graf.");
  wait_saved (f);
  body_before = buffer_text (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, cases[i].name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
      g_autofree char *body = NULL;
      GtkLabel *message = panel_child (f, "message_label");

      if (cases[i].contents != NULL)
        g_assert_true (g_file_set_contents (path, cases[i].contents,
                                            cases[i].length ? (gssize)cases[i].length : -1, NULL));
      else
        {
          /* Sparse: 60 MB on paper, nothing on the disk. */
          FILE *out = fopen (path, "w");

          g_assert_nonnull (out);
          g_assert_cmpint (fseek (out, 60 * 1000 * 1000, SEEK_SET), ==, 0);
          fputc ('x', out);
          fclose (out);
        }

      lede_photo_section_add_lead (section (f), file);
      settle (f);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
      g_test_message ("panel: %s", gtk_label_get_text (message));
      g_assert_nonnull (strstr (gtk_label_get_text (message), cases[i].said));
      g_assert_cmpuint (n_photos (shown_article (f)), ==, 0);

      g_list_store_append (files, file);
      g_clear_pointer (&said, g_free);
      lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
      settle (f);
      g_assert_nonnull (said);
      g_test_message ("body: %s", said);
      g_assert_nonnull (strstr (said, cases[i].said));
      body = buffer_text (f);
      g_assert_cmpstr (body, ==, body_before);
      g_assert_cmpuint (n_photos (shown_article (f)), ==, 0);
    }
  wait_saved (f);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 0);
}

static char *
line_of (const LedePhoto *photo)
{
  return g_strdup_printf ("![%s](lede-photo:%s)", photo->alt_text, photo->sha256);
}

static const LedePhoto *
body_photo (LedeArticle *article,
            guint        nth)
{
  GPtrArray *photos = lede_article_get_photos (article);

  for (guint i = 0; photos && i < photos->len; i++)
    if (((LedePhoto *)g_ptr_array_index (photos, i))->role == LEDE_PHOTO_ROLE_BODY && nth-- == 0)
      return g_ptr_array_index (photos, i);
  return NULL;
}

/* Insert Photo… puts the picture's line at the cursor as a paragraph of
 * its own, one undo step; saved with the story; listed in the panel. */
static void
test_insert_photo (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = make_captioned (f);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  g_autoptr (LedeArticle) on_disk = NULL;
  g_autofree char *line = NULL;
  g_autofree char *body = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *expected = NULL;
  const LedePhoto *photo;
  GtkTextIter end;

  show_panel (f);
  gtk_text_buffer_set_text (buffer, "The ferry is back.\n\nCouncillors voted.", -1);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 0);
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_list_store_append (files, file);
  lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
  settle (f);

  photo = body_photo (shown_article (f), 0);
  g_assert_nonnull (photo);
  g_assert_cmpstr (photo->caption, ==, "The Island Star leaves the quay, at dawn");
  line = line_of (photo);
  body = buffer_text (f);
  expected = g_strdup_printf ("The ferry is back.\n\n%s\n\nCouncillors voted.", line);
  g_assert_cmpstr (body, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_widget_observe_children (panel_child (f, "body_list")))),
                    ==, 1);

  wait_saved (f);
  on_disk = read_from_disk (f, lede_article_get_id (shown_article (f)));
  g_assert_cmpstr (lede_article_get_body (on_disk), ==, expected);
  g_assert_cmpuint (n_photos (on_disk), ==, 1);

  /* One Ctrl+Z takes the line out. */
  gtk_text_buffer_undo (buffer);
  undone = buffer_text (f);
  g_assert_cmpstr (undone, ==, "The ferry is back.\n\nCouncillors voted.");
}

static gboolean
has_photo_line (gpointer data)
{
  g_autofree char *text = buffer_text (data);

  return strstr (text, "lede-photo:") != NULL;
}

static gboolean
has_pasted_words (gpointer data)
{
  g_autofree char *text = buffer_text (data);

  return g_str_equal (text, "Plain words.");
}

/* A picture file dropped on the body, and one pasted, each becomes a
 * photo of the story and a line where it landed. */
static void
test_drop_and_paste (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = lede_test_make_image (f->dir, "harbour.webp", "png", 64, 48);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkWidget *body_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_editor (f)), LEDE_TYPE_EDITOR,
                                                                    "body_view"));
  g_autoptr (GdkPixbuf) pixbuf = lede_test_make_pixbuf (30, 20);
  g_autoptr (GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_autoptr (LedeArticle) on_disk = NULL;
  g_autofree char *body = NULL;
  const LedePhoto *photo;

  gtk_text_buffer_set_text (buffer, "A graf.", -1);
  drop_files (body_view, path, NULL);
  settle (f);
  photo = body_photo (shown_article (f), 0);
  g_assert_nonnull (photo);
  g_assert_cmpstr (photo->file_name, ==, "harbour.webp");
  g_assert_cmpstr (photo->media_type, ==, "image/png");
  g_assert_true (has_photo_line (f));

  /* Pasted: kept as PNG. */
  gtk_text_buffer_set_text (buffer, "A graf.", -1);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (body_view), texture);
  gtk_widget_grab_focus (body_view);
  g_signal_emit_by_name (body_view, "paste-clipboard");
  lede_test_wait_until (has_photo_line, f, 10000);
  settle (f);
  photo = body_photo (shown_article (f), 1);
  g_assert_nonnull (photo);
  g_assert_cmpstr (photo->file_name, ==, "pasted.png");
  g_assert_cmpuint (photo->width, ==, 30);
  body = buffer_text (f);
  g_assert_nonnull (strstr (body, photo->sha256));
  g_assert_null (strstr (body, "A graf.A"));

  wait_saved (f);
  on_disk = read_from_disk (f, lede_article_get_id (shown_article (f)));
  g_assert_cmpuint (n_photos (on_disk), ==, 2);
  g_assert_nonnull (strstr (lede_article_get_body (on_disk), photo->sha256));

  /* Text on the clipboard is pasted as text, as ever. */
  gtk_text_buffer_set_text (buffer, "", -1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (body_view), "Plain words.");
  g_signal_emit_by_name (body_view, "paste-clipboard");
  lede_test_wait_until (has_pasted_words, f, 5000);
  settle (f);
  g_assert_cmpuint (n_photos (shown_article (f)), ==, 2);
}

typedef struct {
  Fixture    *f;
  const char *alt;
} AltWait;

static gboolean
alt_is (gpointer data)
{
  AltWait *wait = data;
  const LedePhoto *photo = body_photo (shown_article (wait->f), 0);

  return photo && g_str_equal (photo->alt_text, wait->alt);
}

/* The bracket text typed becomes the alt text; the alt text typed in the
 * panel rewrites the bracket text. Both saved. */
static void
test_alt_in_step (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = lede_test_make_image (f->dir, "boats.png", "png", 40, 40);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  g_autoptr (LedeArticle) on_disk = NULL;
  g_autofree char *body = NULL;
  g_autofree char *line = NULL;
  AltWait wait = { f, "Boats [three] at the quay" };
  GtkTextIter start, end;
  GtkWidget *row;
  int line_no;

  show_panel (f);
  gtk_text_buffer_set_text (buffer, "A graf.", -1);
  g_list_store_append (files, file);
  lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
  settle (f);
  g_assert_cmpstr (body_photo (shown_article (f), 0)->alt_text, ==, "");

  /* Typed between the brackets, as a person would. */
  body = buffer_text (f);
  line_no = 2;
  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line_no, 2);
  gtk_text_buffer_insert_interactive (buffer, &start, "Boats \\[three\\] at the quay", -1, TRUE);
  lede_test_wait_until (alt_is, &wait, 5000);

  /* And from the panel. */
  row = GTK_WIDGET (gtk_widget_get_first_child (panel_child (f, "body_list")));
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "lede-alt"), "Three boats moored at a stone quay");
  g_assert_cmpstr (body_photo (shown_article (f), 0)->alt_text, ==, "Three boats moored at a stone quay");
  line = line_of (body_photo (shown_article (f), 0));
  gtk_text_buffer_get_iter_at_line (buffer, &start, line_no);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  g_free (body);
  body = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (body, ==, line);
  /* Typing in the panel leaves the alt text as typed (no echo back). */
  lede_test_spin (400);
  g_assert_cmpstr (body_photo (shown_article (f), 0)->alt_text, ==, "Three boats moored at a stone quay");

  wait_saved (f);
  on_disk = read_from_disk (f, lede_article_get_id (shown_article (f)));
  g_assert_nonnull (strstr (lede_article_get_body (on_disk), line));
  g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (lede_article_get_photos (on_disk), 0))->alt_text, ==,
                   "Three boats moored at a stone quay");
}

/* A body picture taken out in the panel takes its line out of the text
 * (one undo step there); the panel's Undo puts the photo back. */
static void
test_body_remove (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = lede_test_make_image (f->dir, "slipway.png", "png", 40, 40);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  g_autoptr (GPtrArray) disk = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *undone = NULL;
  GtkWidget *row;

  show_panel (f);
  gtk_text_buffer_set_text (buffer, "First graf.\n\nSecond graf.", -1);
  g_list_store_append (files, file);
  lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
  settle (f);
  with = buffer_text (f);
  g_assert_nonnull (strstr (with, "lede-photo:"));

  row = gtk_widget_get_first_child (panel_child (f, "body_list"));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "lede-remove"), "clicked");
  g_assert_null (body_photo (shown_article (f), 0));
  without = buffer_text (f);
  g_assert_cmpstr (without, ==, "First graf.\n\nSecond graf.");
  g_assert_true (gtk_widget_get_visible (panel_child (f, "removed_box")));
  wait_saved (f);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 0);

  /* Undo in the panel brings the photo; Ctrl+Z in the text, its line. */
  g_signal_emit_by_name (panel_child (f, "undo_remove_button"), "clicked");
  settle (f);
  g_assert_nonnull (body_photo (shown_article (f), 0));
  gtk_text_buffer_undo (buffer);
  undone = buffer_text (f);
  g_assert_cmpstr (undone, ==, with);
  wait_saved (f);
  g_clear_pointer (&disk, g_ptr_array_unref);
  disk = photos_on_disk (f);
  g_assert_cmpuint (disk->len, ==, 1);
}

/* A picture for the README: a sky at dawn, a sun, a dark sea. */
static char *
make_dawn (Fixture    *f,
           const char *name,
           int         width,
           int         height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *path = g_build_filename (f->dir, name, NULL);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        double t = (double)y / height;
        int dx = x - width / 2, dy = y - height * 11 / 20;
        gboolean sun = dx * dx + dy * dy < (height / 7) * (height / 7);

        if (y > height * 2 / 3)
          p[0] = 20, p[1] = 40 + 30 * t, p[2] = 70 + 40 * t;
        else if (sun)
          p[0] = 250, p[1] = 170, p[2] = 40;
        else
          p[0] = 120 + 130 * t, p[1] = 150 + 40 * t, p[2] = 210 - 60 * t;
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
  return path;
}

/* For the README: LEDE_SCREENSHOT_DIR=data/screenshots, the window with
 * the panel scrolled to its photos, the preview beside it. */
static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("LEDE_SCREENSHOT_DIR");
  g_autofree char *lead_path = NULL;
  g_autofree char *body_path = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GFile) lead = NULL;
  g_autoptr (GFile) body = NULL;
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkScrolledWindow *scroller;
  GtkWidget *photos;
  graphene_point_t at;
  GtkTextIter start;

  if (dir == NULL)
    {
      g_test_skip ("LEDE_SCREENSHOT_DIR is not set");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  show_panel (f);
  lead_path = make_dawn (f, "ferry.png", 900, 600);
  lead = g_file_new_for_path (lead_path);
  lede_photo_section_add_lead (section (f), lead);
  settle (f);
  gtk_editable_set_text (panel_child (f, "lead_caption_row"), "The Wren of Kestle comes round the harbour wall");
  gtk_editable_set_text (panel_child (f, "lead_credit_row"), "Ana Ruiz / Harbour Gazette");
  gtk_editable_set_text (panel_child (f, "lead_alt_row"), "A ferry's lights under an orange sun over a dark sea");
  body_path = make_dawn (f, "slipway.png", 400, 260);
  body = g_file_new_for_path (body_path);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_iter_forward_line (&start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_list_store_append (files, body);
  lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
  settle (f);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (panel_child (f, "body_list"))),
                                            "lede-caption"), "Islanders waiting on the slipway");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (panel_child (f, "body_list"))),
                                            "lede-alt"), "A sun low over the sea");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_first_child (panel_child (f, "body_list"))), TRUE);
  lede_test_spin (300);

  scroller = panel_child (f, "scroller");
  photos = GTK_WIDGET (section (f));
  g_assert_true (gtk_widget_compute_point (photos, gtk_scrolled_window_get_child (scroller),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), at.y - 12);
  lede_test_spin (300);
  settle (f);
  wait_saved (f);
  lede_test_spin (100);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->window)),
                          gtk_widget_get_height (GTK_WIDGET (f->window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node, NULL);
  out = g_build_filename (dir, "photos-panel.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, out));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/lede/photos/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("lead-from-file", test_lead_from_file);
  ADD ("lead-drop-and-texts", test_lead_drop_and_texts);
  ADD ("lead-remove-undo", test_lead_remove_undo);
  ADD ("refusals", test_refusals);
  ADD ("insert-photo", test_insert_photo);
  ADD ("drop-and-paste", test_drop_and_paste);
  ADD ("alt-in-step", test_alt_in_step);
  ADD ("body-remove", test_body_remove);
  ADD ("screenshot", test_screenshot);
#undef ADD
  return g_test_run ();
}
