/* test-photos.c: photos — image files read (kinds by their bytes, sizes,
 * orientation, IPTC/XMP/EXIF texts), files refused in words with the
 * library unchanged, the bytes kept once and only while something uses
 * them, revisions bringing their photos back, the checks, and lede-cli's
 * photo commands. Every file is a real one made here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lede-checks.h"
#include "lede-library.h"
#include "lede-photo-file.h"
#include "lede-test-photos.h"
#include "lede-test-utils.h"

#define NEEDS_EXIV2(file, ...) \
  G_STMT_START { \
    if (!lede_test_exiv2 (file, (const char * const[]) { __VA_ARGS__, NULL })) \
      { \
        g_test_skip ("exiv2 is not installed (make test installs it)"); \
        return; \
      } \
  } G_STMT_END

static LedePhoto *
read_ok (const char *path,
         GBytes    **bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) local = NULL;
  LedePhoto *photo = lede_photo_file_read (path, bytes ? bytes : &local, &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
  return photo;
}

/* XMP wins, read whole: a description with commas stays one caption. */
static void
test_xmp (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = lede_test_make_image (dir, "harbour.jpg", "jpeg", 64, 48);
  g_autoptr (LedePhoto) photo = NULL;

  NEEDS_EXIV2 (path,
               "set Xmp.dc.description LangAlt lang=x-default Boats at dawn, with gulls, off Quay Street",
               "set Iptc.Application2.Caption IPTC caption, second",
               "set Exif.Image.ImageDescription EXIF description",
               "set Xmp.photoshop.Credit Morwenna Tregear / Harbour Press",
               "set Iptc.Application2.Credit IPTC credit",
               "set Xmp.dc.creator XmpSeq Someone Else",
               "set Xmp.iptc.AltTextAccessibility LangAlt lang=x-default Three fishing boats moored at a stone quay, at first light");
  photo = read_ok (path, NULL);
  g_assert_cmpstr (photo->media_type, ==, "image/jpeg");
  g_assert_cmpstr (photo->caption, ==, "Boats at dawn, with gulls, off Quay Street");
  g_assert_cmpstr (photo->credit, ==, "Morwenna Tregear / Harbour Press");
  g_assert_cmpstr (photo->alt_text, ==, "Three fishing boats moored at a stone quay, at first light");
  g_assert_cmpstr (photo->file_name, ==, "harbour.jpg");
  g_assert_cmpuint (photo->width, ==, 64);
  g_assert_cmpuint (photo->height, ==, 48);
  g_assert_cmpuint (photo->orientation, ==, 1);
  lede_test_rmdir (dir);
}

/* Without XMP: IPTC's caption and credit; without those, EXIF's
 * description and the by-line; a description in two languages gives the
 * x-default one whole. */
static void
test_iptc_and_fallbacks (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *iptc = lede_test_make_image (dir, "iptc.jpg", "jpeg", 40, 30);
  g_autofree char *exif = lede_test_make_image (dir, "exif.jpg", "jpeg", 40, 30);
  g_autofree char *langs = lede_test_make_image (dir, "langs.jpg", "jpeg", 40, 30);
  g_autoptr (LedePhoto) a = NULL, b = NULL, c = NULL;

  NEEDS_EXIV2 (iptc, "set Iptc.Application2.Caption Lifeboat launch, Tuesday", "set Iptc.Application2.Credit RNLI",
               "set Iptc.Application2.Byline Not the credit");
  a = read_ok (iptc, NULL);
  g_assert_cmpstr (a->caption, ==, "Lifeboat launch, Tuesday");
  g_assert_cmpstr (a->credit, ==, "RNLI");
  g_assert_cmpstr (a->alt_text, ==, "");

  NEEDS_EXIV2 (exif, "set Exif.Image.ImageDescription Pier at low tide", "set Iptc.Application2.Byline Jory Penrose");
  b = read_ok (exif, NULL);
  g_assert_cmpstr (b->caption, ==, "Pier at low tide");
  g_assert_cmpstr (b->credit, ==, "Jory Penrose");

  NEEDS_EXIV2 (langs, "set Xmp.dc.description LangAlt lang=x-default The quay, at night",
               "set Xmp.dc.description LangAlt lang=de-DE Der Kai, bei Nacht");
  c = read_ok (langs, NULL);
  g_assert_cmpstr (c->caption, ==, "The quay, at night");
  lede_test_rmdir (dir);
}

/* IIM text is Latin-1 unless the file says UTF-8 (ESC % G). */
static void
test_iptc_charset (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *latin1 = lede_test_make_image (dir, "latin1.jpg", "jpeg", 40, 30);
  g_autofree char *utf8 = lede_test_make_image (dir, "utf8.jpg", "jpeg", 40, 30);
  g_autoptr (LedePhoto) a = NULL, b = NULL;

  NEEDS_EXIV2 (latin1, "set Iptc.Application2.Caption Caf\xe9 on the quay", "set Iptc.Application2.Credit Ren\xe9");
  a = read_ok (latin1, NULL);
  g_assert_cmpstr (a->caption, ==, "Café on the quay");
  g_assert_cmpstr (a->credit, ==, "René");

  NEEDS_EXIV2 (utf8, "set Iptc.Envelope.CharacterSet \x1b%G", "set Iptc.Application2.Caption Café on the quay");
  b = read_ok (utf8, NULL);
  g_assert_cmpstr (b->caption, ==, "Café on the quay");
  lede_test_rmdir (dir);
}

/* Orientation 6 (turned a quarter clockwise): reported upright, 48 × 64,
 * and the upright picture has the red half on top. */
static void
test_orientation (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = lede_test_make_image (dir, "turned.jpg", "jpeg", 64, 48);
  g_autoptr (LedePhoto) photo = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkPixbuf) upright = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GError) error = NULL;
  const guchar *pixels;
  int stride, channels;

  NEEDS_EXIV2 (path, "set Exif.Image.Orientation 6");
  photo = read_ok (path, &bytes);
  g_assert_cmpuint (photo->orientation, ==, 6);
  g_assert_cmpuint (photo->width, ==, 48);
  g_assert_cmpuint (photo->height, ==, 64);

  upright = lede_photo_file_load_upright (bytes, photo->orientation, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (upright), ==, 48);
  g_assert_cmpint (gdk_pixbuf_get_height (upright), ==, 64);
  pixels = gdk_pixbuf_get_pixels (upright);
  stride = gdk_pixbuf_get_rowstride (upright);
  channels = gdk_pixbuf_get_n_channels (upright);
  /* The left (red) half, turned clockwise, is the top. */
  g_assert_cmpint (pixels[8 * stride + 24 * channels], >, 150);
  g_assert_cmpint (pixels[56 * stride + 24 * channels + 2], >, 150);

  /* As PNG, scaled to fit 32 pixels. */
  png = lede_photo_file_dup_png (bytes, photo->orientation, 32, &error);
  g_assert_no_error (error);
  {
    g_autoptr (LedePhoto) again = lede_photo_file_read_bytes (png, "thumb.png", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again->media_type, ==, "image/png");
    g_assert_cmpuint (again->width, ==, 24);
    g_assert_cmpuint (again->height, ==, 32);
  }
  lede_test_rmdir (dir);
}

/* JPEG, PNG, WebP and GIF are taken, told by their bytes, not their name. */
static void
test_formats (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *png = lede_test_make_image (dir, "misnamed.jpg", "png", 30, 20);
  g_autofree char *webp = lede_test_make_image (dir, "pier.webp", "webp", 31, 21);
  g_autofree char *gif = lede_test_make_gif (dir, "dot.gif");
  g_autoptr (LedePhoto) a = read_ok (png, NULL);
  g_autoptr (LedePhoto) b = read_ok (webp, NULL);
  g_autoptr (LedePhoto) c = read_ok (gif, NULL);

  g_assert_cmpstr (a->media_type, ==, "image/png");
  g_assert_cmpuint (a->width, ==, 30);
  g_assert_cmpuint (a->height, ==, 20);
  g_assert_cmpstr (b->media_type, ==, "image/webp");
  g_assert_cmpuint (b->width, ==, 31);
  g_assert_cmpuint (b->height, ==, 21);
  g_assert_cmpstr (c->media_type, ==, "image/gif");
  g_assert_cmpuint (c->width, ==, 2);
  g_assert_cmpuint (c->height, ==, 2);
  lede_test_rmdir (dir);
}

/* A real PNG of @width × @height, black and white, compressed as it is
 * written (30,000 × 30,000 is 112 MB of rows, 0.1 MB of file). */
static char *
make_huge_png (const char *dir,
               guint32     width,
               guint32     height)
{
  g_autoptr (GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr (GByteArray) idat = g_byte_array_new ();
  g_autoptr (GByteArray) file = g_byte_array_new ();
  gsize row_len = 1 + (width + 7) / 8;
  g_autofree guchar *row = g_malloc0 (row_len);
  guchar out[65536];
  char *path = g_build_filename (dir, "huge.png", NULL);

  for (guint32 y = 0; y <= height; y++)
    {
      GConverterResult result;
      gsize read = 0, written = 0, done = 0;

      do
        {
          result = g_converter_convert (G_CONVERTER (zlib), row + done, y < height ? row_len - done : 0, out, sizeof out,
                                        y < height ? G_CONVERTER_NO_FLAGS : G_CONVERTER_INPUT_AT_END,
                                        &read, &written, NULL);
          g_byte_array_append (idat, out, written);
          done += read;
        }
      while (y < height ? done < row_len : result != G_CONVERTER_FINISHED);
    }

  {
    static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    guchar ihdr[13] = { width >> 24, width >> 16, width >> 8, width, height >> 24, height >> 16, height >> 8, height,
                        1, 0, 0, 0, 0 };
    struct { const char *type; const guchar *data; gsize len; } chunks[] = {
      { "IHDR", ihdr, sizeof ihdr }, { "IDAT", idat->data, idat->len }, { "IEND", NULL, 0 },
    };

    g_byte_array_append (file, signature, sizeof signature);
    for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
      {
        guint32 len = GUINT32_TO_BE (chunks[i].len), crc;
        g_autoptr (GByteArray) typed = g_byte_array_new ();

        g_byte_array_append (typed, (const guchar *)chunks[i].type, 4);
        if (chunks[i].len)
          g_byte_array_append (typed, chunks[i].data, chunks[i].len);
        /* zlib's crc32, as PNG asks, by hand. */
        crc = 0xffffffff;
        for (guint n = 0; n < typed->len; n++)
          {
            crc ^= typed->data[n];
            for (int k = 0; k < 8; k++)
              crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
          }
        crc = GUINT32_TO_BE (crc ^ 0xffffffff);
        g_byte_array_append (file, (const guchar *)&len, 4);
        g_byte_array_append (file, typed->data, typed->len);
        g_byte_array_append (file, (const guchar *)&crc, 4);
      }
  }
  g_assert_true (g_file_set_contents (path, (const char *)file->data, file->len, NULL));
  return path;
}

static void
assert_refused (LedeLibrary *library,
                LedeArticle *article,
                const char  *path,
                int          code,
                const char  *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedePhoto) photo = lede_photo_file_read (path, &bytes, &error);
  g_autofree char *photos_dir = lede_library_dup_photos_dir (library);
  g_autoptr (LedeArticle) again = NULL;

  g_assert_null (photo);
  g_assert_null (bytes);
  g_assert_error (error, LEDE_PHOTO_FILE_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  /* Nothing changed: no photo on the story, no file kept. */
  again = lede_library_get_article (library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (lede_article_get_photos (again)->len, ==, 0);
  g_assert_cmpuint (lede_test_count_files (photos_dir), ==, 0);
}

/* Everything else is refused in words that name it, and nothing changes. */
static void
test_refused (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (db, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *jpeg = lede_test_make_image (dir, "whole.jpg", "jpeg", 300, 200);
  g_autofree char *svg = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *heic = g_build_filename (dir, "IMG_0001.jpg", NULL);
  g_autofree char *tiff = g_build_filename (dir, "scan.tif", NULL);
  g_autofree char *pdf = g_build_filename (dir, "page.jpg", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.jpg", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.jpg", NULL);
  g_autofree char *garbled = g_build_filename (dir, "garbled.jpg", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sixty.jpg", NULL);
  g_autofree char *huge = make_huge_png (dir, 30000, 30000);
  g_autofree char *contents = NULL;
  gsize len;

  lede_article_set_headline (article, "Storm closes the harbour");
  g_assert_true (lede_library_create_article (library, article, NULL));

  g_assert_true (g_file_set_contents (svg, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                           "width=\"10\" height=\"10\"/>", -1, NULL));
  g_assert_true (g_file_set_contents (heic, "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, NULL));
  g_assert_true (g_file_set_contents (tiff, "II*\0\x08\0\0\0\0\0", 10, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", -1, NULL));
  g_assert_true (g_file_set_contents (text, "Not a picture at all.\n", -1, NULL));
  g_assert_true (g_file_get_contents (jpeg, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, len / 2, NULL));
  /* The scan's bytes garbled: a marker JPEG does not have, in the middle. */
  memset (contents + len / 2, 0xff, 64);
  contents[len / 2 + 64] = 0x5a;
  g_assert_true (g_file_set_contents (garbled, contents, len, NULL));
  /* 60 MB, with no bytes on the disk: refused before it is read. */
  {
    FILE *f = fopen (sparse, "w");

    g_assert_nonnull (f);
    g_assert_cmpint (ftruncate (fileno (f), 60 * 1000 * 1000), ==, 0);
    fclose (f);
  }

  assert_refused (library, article, svg, LEDE_PHOTO_FILE_ERROR_FORMAT, "is an SVG drawing");
  assert_refused (library, article, heic, LEDE_PHOTO_FILE_ERROR_FORMAT, "is a HEIC photo, as phones save them");
  assert_refused (library, article, heic, LEDE_PHOTO_FILE_ERROR_FORMAT, "send a JPEG");
  assert_refused (library, article, tiff, LEDE_PHOTO_FILE_ERROR_FORMAT, "is a TIFF image");
  assert_refused (library, article, pdf, LEDE_PHOTO_FILE_ERROR_FORMAT, "is a PDF document");
  assert_refused (library, article, text, LEDE_PHOTO_FILE_ERROR_FORMAT, "is not a picture Lede can read");
  assert_refused (library, article, cut, LEDE_PHOTO_FILE_ERROR_CORRUPT, "cut short or damaged");
  assert_refused (library, article, garbled, LEDE_PHOTO_FILE_ERROR_CORRUPT, "is damaged");
  assert_refused (library, article, sparse, LEDE_PHOTO_FILE_ERROR_TOO_LARGE, "over Lede’s limit of 50 MB");
  assert_refused (library, article, huge, LEDE_PHOTO_FILE_ERROR_TOO_LARGE, "30000 × 30000 pixels");
  lede_test_rmdir (dir);
}

static LedePhoto *
add (LedeLibrary *library,
     LedeArticle *article,
     const char  *path,
     gboolean     lead)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  LedePhoto *photo = read_ok (path, &bytes);

  photo->role = lead ? LEDE_PHOTO_ROLE_LEAD : LEDE_PHOTO_ROLE_BODY;
  lede_photo_set_text (&photo->alt_text, "A lifeboat on its slipway");
  g_assert_true (lede_library_add_photo (library, article, photo, bytes, &error));
  g_assert_no_error (error);
  return photo;
}

static gint64
count (LedeLibrary *library,
       const char  *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (lede_library_get_path (library), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The bytes are kept once, however many stories, revisions and stories in
 * the trash use them, and go only when nothing does; a revision restored
 * brings its photos back. */
static void
test_kept_once (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *jpeg = lede_test_make_image (dir, "lifeboat.jpg", "jpeg", 120, 80);
  g_autofree char *png = lede_test_make_image (dir, "chart.png", "png", 50, 50);
  g_autoptr (LedeLibrary) library = lede_library_open (db, NULL);
  g_autoptr (LedeArticle) first = lede_article_new ();
  g_autoptr (LedeArticle) second = lede_article_new ();
  g_autoptr (LedePhoto) lifeboat = NULL;
  g_autoptr (LedePhoto) chart = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *photos_dir = lede_library_dup_photos_dir (library);
  g_autofree char *file = NULL;
  gint64 kept_revision;

  lede_article_set_headline (first, "Lifeboat launched twice in a night");
  lede_article_set_headline (second, "Crew honoured for the rescue");
  g_assert_true (lede_library_create_article (library, first, NULL));
  g_assert_true (lede_library_create_article (library, second, NULL));

  lifeboat = add (library, first, jpeg, TRUE);
  chart = add (library, first, png, FALSE);
  g_clear_pointer (&lifeboat, lede_photo_free);
  lifeboat = add (library, second, jpeg, FALSE);
  g_assert_cmpint (count (library, "photos"), ==, 2);
  g_assert_cmpuint (lede_test_count_files (photos_dir), ==, 2);
  file = lede_library_dup_photo_path (library, lifeboat);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  bytes = lede_library_dup_photo_bytes (library, lifeboat, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_bytes_get_size (bytes), ==, lifeboat->size);

  /* Read back with the story, in its order, the lead first. */
  {
    g_autoptr (LedeArticle) again = lede_library_get_article (library, lede_article_get_id (first), NULL);
    GPtrArray *photos = lede_article_get_photos (again);
    LedePhoto *lead = lede_article_get_lead_photo (again);

    g_assert_cmpuint (photos->len, ==, 2);
    g_assert_nonnull (lead);
    g_assert_cmpstr (lead->sha256, ==, lifeboat->sha256);
    g_assert_cmpstr (((LedePhoto *)g_ptr_array_index (photos, 1))->media_type, ==, "image/png");
    g_assert_cmpstr (lead->alt_text, ==, "A lifeboat on its slipway");
  }

  /* A revision of the first story with both photos, then both taken off
   * it by an autosave: the revision keeps the chart. */
  g_assert_true (lede_library_keep_revision (library, first, "left the story", NULL, NULL, NULL));
  revisions = lede_library_list_revisions (library, lede_article_get_id (first), NULL);
  kept_revision = ((LedeRevision *)g_ptr_array_index (revisions, 0))->id;
  {
    g_autoptr (GPtrArray) none = g_ptr_array_new ();

    lede_article_set_photos (first, none);
    g_assert_true (lede_library_update_article (library, first, NULL));
  }
  g_assert_cmpint (count (library, "article_photos"), ==, 1);
  g_assert_cmpint (count (library, "photos"), ==, 2);
  g_assert_cmpuint (lede_test_count_files (photos_dir), ==, 2);

  /* Restoring the revision brings both photos back, texts and all. */
  g_assert_true (lede_library_restore_revision (library, kept_revision, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (LedeArticle) again = lede_library_get_article (library, lede_article_get_id (first), NULL);

    g_assert_cmpuint (lede_article_get_photos (again)->len, ==, 2);
    g_assert_cmpstr (lede_article_get_lead_photo (again)->alt_text, ==, "A lifeboat on its slipway");
  }

  /* The second story in the trash still keeps its photo; deleted forever,
   * with the first (and its revisions), nothing keeps either. */
  g_assert_true (lede_library_trash_article (library, lede_article_get_id (second), NULL));
  g_assert_cmpint (count (library, "photos"), ==, 2);
  g_assert_true (lede_library_trash_article (library, lede_article_get_id (first), NULL));
  g_assert_cmpint (lede_library_empty_trash (library, NULL), ==, 2);
  g_assert_cmpint (count (library, "photos"), ==, 0);
  g_assert_cmpint (count (library, "photos_gone"), ==, 0);
  g_assert_cmpuint (lede_test_count_files (photos_dir), ==, 0);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  {
    g_autoptr (GBytes) gone = lede_library_dup_photo_bytes (library, lifeboat, &error);

    g_assert_null (gone);
    g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  }
  lede_test_rmdir (dir);
}

/* A lead photo replaces the lead the story had; a damaged file in the
 * photos folder is said to be damaged, and the next add of the same
 * picture mends it. */
static void
test_lead_and_damage (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *one = lede_test_make_image (dir, "one.jpg", "jpeg", 30, 20);
  g_autofree char *two = lede_test_make_image (dir, "two.png", "png", 20, 30);
  g_autoptr (LedeLibrary) library = lede_library_open (db, NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedePhoto) first = NULL, second = NULL, again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *file = NULL;

  g_assert_true (lede_library_create_article (library, article, NULL));
  first = add (library, article, one, TRUE);
  second = add (library, article, two, TRUE);
  g_assert_cmpuint (lede_article_get_photos (article)->len, ==, 1);
  g_assert_cmpstr (lede_article_get_lead_photo (article)->sha256, ==, second->sha256);
  g_assert_cmpint (count (library, "photos"), ==, 1);

  file = lede_library_dup_photo_path (library, second);
  g_assert_true (g_file_set_contents (file, "not the picture", -1, NULL));
  bytes = lede_library_dup_photo_bytes (library, second, &error);
  g_assert_null (bytes);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT);
  g_clear_error (&error);
  again = add (library, article, two, FALSE);
  bytes = lede_library_dup_photo_bytes (library, again, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  lede_test_rmdir (dir);
}

static guint
count_kind (GPtrArray    *findings,
            LedeSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      n += finding->kind == LEDE_CHECK_PHOTO && finding->severity == severity;
    }
  return n;
}

/* No alt text: a warning for a draft, blocking once ready or published.
 * No credit: a warning. */
static void
test_checks (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  LedePhoto *lead = lede_photo_new ("ab");
  LedePhoto *body = lede_photo_new ("cd");

  lead->role = LEDE_PHOTO_ROLE_LEAD;
  lede_photo_set_text (&lead->file_name, "quay.jpg");
  lede_photo_set_text (&lead->credit, "Harbour Press");
  lede_photo_set_text (&body->file_name, "chart.png");
  lede_photo_set_text (&body->alt_text, "A chart of the tide, rising through the night");
  g_ptr_array_add (photos, lead);
  g_ptr_array_add (photos, body);
  lede_article_set_headline (article, "Tide gauge fails");
  lede_article_set_photos (article, photos);

  for (LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT; status <= LEDE_ARTICLE_STATUS_PUBLISHED; status++)
    {
      g_autoptr (LedeCheckStory) story = NULL;
      g_autoptr (GPtrArray) findings = NULL;
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      gboolean going_out = status == LEDE_ARTICLE_STATUS_READY || status == LEDE_ARTICLE_STATUS_PUBLISHED;

      lede_article_set_status (article, status);
      story = lede_check_story_new (article, NULL, NULL);
      findings = lede_checks_run (story, now);
      g_assert_cmpuint (count_kind (findings, LEDE_SEVERITY_BLOCKING), ==, going_out ? 1 : 0);
      g_assert_cmpuint (count_kind (findings, LEDE_SEVERITY_WARNING), ==, going_out ? 1 : 2);
      for (guint i = 0; i < findings->len; i++)
        {
          LedeFinding *finding = g_ptr_array_index (findings, i);
          g_autofree char *place = lede_finding_dup_place (finding);

          if (finding->kind != LEDE_CHECK_PHOTO)
            continue;
          g_assert_cmpint (finding->field, ==, LEDE_FIELD_PHOTOS);
          if (strstr (finding->message, "alt text"))
            {
              g_assert_cmpstr (finding->text, ==, "quay.jpg");
              g_assert_cmpstr (place, ==, "Photo 1");
              g_assert_nonnull (strstr (finding->message, "The lead photo (quay.jpg) has no alt text"));
            }
          else
            {
              g_assert_cmpstr (finding->text, ==, "chart.png");
              g_assert_cmpstr (place, ==, "Photo 2");
              g_assert_nonnull (strstr (finding->message, "Photo 2 (chart.png) has no credit"));
            }
        }
    }
}

static char *
run_cli (const char  *library,
         int          expect,
         char       **err,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *local_err = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("LEDE_CLI"));
  g_ptr_array_add (argv, (char *)"--library");
  g_ptr_array_add (argv, (char *)library);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &local_err,
                               &status, NULL));
  if (WEXITSTATUS (status) != expect)
    g_error ("lede-cli exited %d, not %d: %s", WEXITSTATUS (status), expect, local_err);
  if (err)
    *err = g_steal_pointer (&local_err);
  return g_steal_pointer (&out);
}

/* photo add takes the file's texts, the options over them; photo list
 * and list --json read them back; a refused file leaves the story as it
 * was; check blocks a ready story whose photo has no alt text. */
static void
test_cli (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *story = g_build_filename (dir, "story.md", NULL);
  g_autofree char *jpeg = lede_test_make_image (dir, "quay.jpg", "jpeg", 64, 48);
  g_autofree char *gif = lede_test_make_gif (dir, "dot.gif");
  g_autofree char *svg = g_build_filename (dir, "drawing.svg", NULL);
  g_autofree char *listed = NULL, *uuid = NULL, *out = NULL, *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *lead;

  if (g_getenv ("LEDE_CLI") == NULL)
    {
      g_test_skip ("LEDE_CLI is not set (meson test sets it)");
      return;
    }
  NEEDS_EXIV2 (jpeg, "set Xmp.dc.description LangAlt lang=x-default The quay, at dawn, before the storm",
               "set Iptc.Application2.Credit Harbour Press", "set Exif.Image.Orientation 8");
  g_assert_true (g_file_set_contents (story, "---\ntitle: \"Storm reaches the quay\"\nstatus: ready\n---\nWaves.\n", -1, NULL));
  g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  g_free (run_cli (db, 0, NULL, "import", story, NULL));
  listed = run_cli (db, 0, NULL, "list", NULL);
  uuid = g_strndup (listed, strcspn (listed, "\t"));

  out = run_cli (db, 0, &err, "photo", "add", uuid, jpeg, "--lead", "--credit", "Morwenna Tregear", NULL);
  g_assert_nonnull (strstr (out, "as its lead photo (48 × 64)"));
  g_assert_nonnull (strstr (err, "no alt text"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (run_cli (db, 0, NULL, "photo", "add", uuid, gif, "--alt", "A dot", "--caption", "Dot", NULL));
  g_free (run_cli (db, 3, &err, "photo", "add", uuid, svg, NULL));
  g_assert_nonnull (strstr (err, "is an SVG drawing"));
  g_clear_pointer (&err, g_free);

  out = run_cli (db, 0, NULL, "photo", "list", uuid, "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  lead = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (lead, "role"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (lead, "caption"), ==, "The quay, at dawn, before the storm");
  g_assert_cmpstr (json_object_get_string_member (lead, "credit"), ==, "Morwenna Tregear");
  g_assert_cmpstr (json_object_get_string_member (lead, "alt"), ==, "");
  g_assert_cmpint (json_object_get_int_member (lead, "orientation"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (lead, "width"), ==, 48);
  g_assert_true (g_file_test (json_object_get_string_member (lead, "path"), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "alt"), ==, "A dot");
  g_clear_pointer (&out, g_free);

  out = run_cli (db, 0, NULL, "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  lead = json_object_get_object_member (json_array_get_object_element (array, 0), "lead_photo");
  g_assert_nonnull (lead);
  g_assert_cmpstr (json_object_get_string_member (lead, "file_name"), ==, "quay.jpg");
  g_clear_pointer (&out, g_free);

  /* Ready, with a photo no screen reader can describe: blocked. */
  out = run_cli (db, 4, NULL, "check", uuid, NULL);
  g_assert_nonnull (strstr (out, "The lead photo (quay.jpg) has no alt text"));
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/photos/xmp", test_xmp);
  g_test_add_func ("/lede/photos/iptc-and-fallbacks", test_iptc_and_fallbacks);
  g_test_add_func ("/lede/photos/iptc-charset", test_iptc_charset);
  g_test_add_func ("/lede/photos/orientation", test_orientation);
  g_test_add_func ("/lede/photos/formats", test_formats);
  g_test_add_func ("/lede/photos/refused", test_refused);
  g_test_add_func ("/lede/photos/kept-once", test_kept_once);
  g_test_add_func ("/lede/photos/lead-and-damage", test_lead_and_damage);
  g_test_add_func ("/lede/photos/checks", test_checks);
  g_test_add_func ("/lede/photos/cli", test_cli);

  return g_test_run ();
}
