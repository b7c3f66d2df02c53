/* lede-photo-file.c: an image file read for a story.
 *
 * What a file is comes from its bytes, never its name: JPEG, PNG, WebP and
 * GIF are taken; anything else is refused in words that name it (an SVG
 * drawing, a HEIC photo as phones save them: "send a JPEG"…). The size in
 * pixels is read from the header alone, so a picture past
 * LEDE_PHOTO_FILE_MAX_PIXELS is refused before anything is decoded; then
 * the picture is decoded (at a fraction of its size where the format
 * allows) and a file cut short or broken is refused too.
 *
 * The texts come from the file's metadata, read with gexiv2 (in a module,
 * lede-photo-metadata-module.c, loaded when a first photo is), in this order:
 *   caption   Xmp.dc.description (its x-default value, whole: commas are
 *             text), then Iptc.Application2.Caption, then
 *             Exif.Image.ImageDescription;
 *   credit    Xmp.photoshop.Credit, then Iptc.Application2.Credit, then the
 *             creator: Xmp.dc.creator, Iptc.Application2.Byline;
 *   alt text  IPTC Core's "Alt Text (Accessibility)",
 *             Iptc4xmpCore:AltTextAccessibility (exiv2 calls the namespace
 *             Xmp.iptc).
 * IIM (Iptc.*) text is Latin-1 unless the file declares UTF-8
 * (Iptc.Envelope.CharacterSet is ESC % G). The EXIF orientation says how
 * the picture is turned; width and height are reported upright.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#define G_LOG_DOMAIN "lede-photo-file"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-paths.h"
#include "lede-photo-file.h"
#include "lede-photo-metadata-module.h"

G_DEFINE_QUARK (lede-photo-file-error-quark, lede_photo_file_error)

typedef struct {
  const guchar *data;
  gsize         len;
} Bytes;

static guint
be16 (const guchar *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint32
le24 (const guchar *p)
{
  return p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16);
}

static guint32
le32 (const guchar *p)
{
  return le24 (p) | ((guint32)p[3] << 24);
}

static gboolean
starts (Bytes       b,
        gsize       at,
        const char *magic,
        gsize       n)
{
  return b.len >= at + n && memcmp (b.data + at, magic, n) == 0;
}

/* What a file that is not one of ours is, in words for "it is …", from
 * its first bytes; NULL when it is nothing Lede knows. */
static const char *
name_other_format (Bytes b,
                   gboolean *heic)
{
  static const char * const heif_brands[] = { "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" };
  gsize skip = 0;

  *heic = FALSE;
  if (starts (b, 4, "ftyp", 4))
    {
      for (guint i = 0; i < G_N_ELEMENTS (heif_brands); i++)
        if (starts (b, 8, heif_brands[i], 4))
          return (*heic = TRUE), "HEIC";
      if (starts (b, 8, "avif", 4) || starts (b, 8, "avis", 4))
        return (*heic = TRUE), "AVIF";
      return _("a video or QuickTime file");
    }
  if (starts (b, 0, "II*\0", 4) || starts (b, 0, "MM\0*", 4))
    return _("a TIFF image (or a camera’s raw file)");
  if (starts (b, 0, "%PDF-", 5))
    return _("a PDF document");
  if (starts (b, 0, "%!PS", 4))
    return _("a PostScript file");
  if (starts (b, 0, "BM", 2) && b.len > 26)
    return _("a BMP image");
  if (starts (b, 0, "8BPS", 4))
    return _("a Photoshop document");
  if (starts (b, 0, "\0\0\1\0", 4))
    return _("an icon file");
  if (starts (b, 0, "\xff\x0a", 2) || starts (b, 4, "JXL ", 4))
    return _("a JPEG XL image");
  if (starts (b, 4, "jP  ", 4))
    return _("a JPEG 2000 image");
  if (starts (b, 0, "PK\3\4", 4))
    return _("a zip archive (a document?)");
  /* SVG is text: past a byte order mark and white space, markup that
   * holds an <svg element early on. */
  if (starts (b, 0, "\xef\xbb\xbf", 3))
    skip = 3;
  while (skip < b.len && g_ascii_isspace (b.data[skip]))
    skip++;
  if (skip < b.len && b.data[skip] == '<' &&
      g_strstr_len ((const char *)b.data + skip, MIN (b.len - skip, 4096), "<svg") != NULL)
    return _("an SVG drawing");
  return NULL;
}

/* A JPEG's size from its first frame header, and whether an end-of-image
 * marker follows its scan (a file cut short has none). */
static gboolean
jpeg_size (Bytes     b,
           guint    *width,
           guint    *height,
           gboolean *whole)
{
  gsize at = 2;

  *whole = FALSE;
  while (at + 4 <= b.len)
    {
      guint marker, length;

      if (b.data[at] != 0xff)
        return FALSE;
      marker = b.data[at + 1];
      if (marker == 0xff)
        {
          at++;
          continue;
        }
      length = be16 (b.data + at + 2);
      if (length < 2)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (at + 9 > b.len)
            return FALSE;
          *height = be16 (b.data + at + 5);
          *width = be16 (b.data + at + 7);
          /* The scan's end: an end-of-image marker somewhere after. */
          for (gsize i = b.len; i >= at + 2 && i >= 2; i--)
            if (b.data[i - 2] == 0xff && b.data[i - 1] == 0xd9)
              {
                *whole = TRUE;
                break;
              }
          return TRUE;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;
      at += 2 + length;
    }
  return FALSE;
}

static gboolean
png_size (Bytes     b,
          guint    *width,
          guint    *height,
          gboolean *whole)
{
  if (b.len < 33 || !starts (b, 12, "IHDR", 4))
    return FALSE;
  *width = be32 (b.data + 16);
  *height = be32 (b.data + 20);
  /* The last chunk is IEND, its CRC fixed; a copy cut short has none. */
  *whole = memmem (b.data + b.len - MIN (b.len, 64), MIN (b.len, 64), "IEND", 4) != NULL;
  return TRUE;
}

static gboolean
gif_size (Bytes     b,
          guint    *width,
          guint    *height,
          gboolean *whole)
{
  if (b.len < 13)
    return FALSE;
  *width = b.data[6] | (b.data[7] << 8);
  *height = b.data[8] | (b.data[9] << 8);
  /* A GIF ends with its trailer byte. */
  *whole = b.data[b.len - 1] == 0x3b;
  return TRUE;
}

static gboolean
webp_size (Bytes     b,
           guint    *width,
           guint    *height,
           gboolean *whole)
{
  if (b.len < 30)
    return FALSE;
  *whole = (gsize)le32 (b.data + 4) + 8 <= b.len;
  if (starts (b, 12, "VP8X", 4))
    {
      *width = le24 (b.data + 24) + 1;
      *height = le24 (b.data + 27) + 1;
      return TRUE;
    }
  if (starts (b, 12, "VP8 ", 4))
    {
      if (!starts (b, 23, "\x9d\x01\x2a", 3))
        return FALSE;
      *width = (b.data[26] | (b.data[27] << 8)) & 0x3fff;
      *height = (b.data[28] | (b.data[29] << 8)) & 0x3fff;
      return TRUE;
    }
  if (starts (b, 12, "VP8L", 4) && b.data[20] == 0x2f)
    {
      guint32 bits = le32 (b.data + 21);

      *width = (bits & 0x3fff) + 1;
      *height = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  return FALSE;
}

/* The media type and header size of @b; %NULL with @error set, in words,
 * for anything Lede does not take. */
static const char *
sniff (Bytes        b,
       const char  *display,
       guint       *width,
       guint       *height,
       GError     **error)
{
  const char *type = NULL, *other;
  gboolean read = FALSE, whole = FALSE, heic;

  if (starts (b, 0, "\xff\xd8\xff", 3))
    type = "image/jpeg", read = jpeg_size (b, width, height, &whole);
  else if (starts (b, 0, "\x89PNG\r\n\x1a\n", 8))
    type = "image/png", read = png_size (b, width, height, &whole);
  else if (starts (b, 0, "GIF87a", 6) || starts (b, 0, "GIF89a", 6))
    type = "image/gif", read = gif_size (b, width, height, &whole);
  else if (starts (b, 0, "RIFF", 4) && starts (b, 8, "WEBP", 4))
    type = "image/webp", read = webp_size (b, width, height, &whole);

  if (type == NULL && (other = name_other_format (b, &heic)) != NULL)
    {
      if (heic)
        g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_FORMAT,
                     _("“%s” is a %s photo, as phones save them, which Lede cannot show: send a JPEG instead "
                       "(a phone can save JPEG in its camera settings, or send one when sharing)"), display, other);
      else
        g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_FORMAT,
                     _("“%s” is %s; Lede takes photos as JPEG, PNG, WebP or GIF"), display, other);
      return NULL;
    }
  if (type == NULL)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_FORMAT,
                   _("“%s” is not a picture Lede can read; Lede takes photos as JPEG, PNG, WebP or GIF"), display);
      return NULL;
    }
  if (!read || *width == 0 || *height == 0)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_CORRUPT,
                   _("“%s” is damaged: its header does not say how large the picture is"), display);
      return NULL;
    }
  if ((guint64)*width * *height > LEDE_PHOTO_FILE_MAX_PIXELS)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_TOO_LARGE,
                   _("“%s” is %u × %u pixels, over Lede’s limit of 100 megapixels: send a smaller copy"),
                   display, *width, *height);
      return NULL;
    }
  if (!whole)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_CORRUPT,
                   _("“%s” is cut short or damaged: the picture does not end where it should"), display);
      return NULL;
    }
  return type;
}

/* Loaded once a process, and kept; NULL when it cannot be (Lede's files
 * are not all there), said once. */
static const LedePhotoMetadataModule *
metadata_module (void)
{
  static const LedePhotoMetadataModule *module;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GError) error = NULL;

      if (!(module = lede_paths_load_module (LEDE_PHOTO_METADATA_MODULE_NAME, "src/core/interchange",
                                             LEDE_PHOTO_METADATA_MODULE_ENTRY, LEDE_PHOTO_METADATA_MODULE_ABI,
                                             &error)))
        g_warning (_("Photos’ captions, credits and alt texts cannot be read: %s"), error->message);
      g_once_init_leave (&loaded, 1);
    }
  return module;
}

static void
read_metadata (LedePhoto *photo,
               Bytes      b)
{
  const LedePhotoMetadataModule *module = metadata_module ();
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *alt_text = NULL;
  guint orientation = 1;

  if (module == NULL)
    return;
  module->read (b.data, b.len, &caption, &credit, &alt_text, &orientation);
  lede_photo_set_text (&photo->caption, caption);
  lede_photo_set_text (&photo->credit, credit);
  lede_photo_set_text (&photo->alt_text, alt_text);
  photo->orientation = orientation;  /* 1–8: the module says 1 for anything else */
}

static void
fit_size (GdkPixbufLoader *loader,
          int              width,
          int              height,
          gpointer         data)
{
  int max_size = GPOINTER_TO_INT (data);

  if (width > max_size || height > max_size)
    {
      double scale = (double)max_size / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int)(width * scale + 0.5)), MAX (1, (int)(height * scale + 0.5)));
    }
}

/* Decodes @bytes, at most @max_size pixels on its longer side (or whole
 * when @max_size is 0), as stored; JPEG is then decoded at a fraction of
 * its size, which is quick. */
static GdkPixbuf *
decode (GBytes      *bytes,
        const char  *display,
        int          max_size,
        GError     **error)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) local = NULL;
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  gboolean written;
  GdkPixbuf *pixbuf;

  if (max_size > 0)
    g_signal_connect (loader, "size-prepared", G_CALLBACK (fit_size), GINT_TO_POINTER (max_size));
  written = gdk_pixbuf_loader_write (loader, data, len, &local);
  /* A loader is always closed, or it complains when it goes. */
  if (!gdk_pixbuf_loader_close (loader, written ? &local : NULL) || !written ||
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be shown (%s)"), display,
                   local ? local->message : _("no picture in it"));
      return NULL;
    }
  return g_object_ref (pixbuf);
}

/* @pixbuf turned upright as EXIF orientation @orientation says. */
static GdkPixbuf *
upright (GdkPixbuf *pixbuf,
         guint      orientation)
{
  g_autoptr (GdkPixbuf) turned = NULL;

  switch (orientation)
    {
    case 2: return gdk_pixbuf_flip (pixbuf, TRUE);
    case 3: return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
    case 4: return gdk_pixbuf_flip (pixbuf, FALSE);
    case 5:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      return gdk_pixbuf_flip (turned, TRUE);
    case 6: return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
    case 7:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      return gdk_pixbuf_flip (turned, TRUE);
    case 8: return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
    default: return g_object_ref (pixbuf);
    }
}

/**
 * lede_photo_file_read_bytes:
 * @bytes: an image file's bytes (a file dropped or pasted)
 * @file_name: (nullable): its name, for the photo and for messages
 *
 * Reads what Lede keeps of a photo: its media type (from the bytes), its
 * size upright, its orientation and the caption, credit and alt text its
 * metadata carries. The picture is decoded too, small, so a broken file
 * is refused here and not when it is shown.
 *
 * Returns: (transfer full): a body photo, its sha256 not yet set; %NULL
 *   with @error set, in the %LEDE_PHOTO_FILE_ERROR domain and in words
 */
LedePhoto *
lede_photo_file_read_bytes (GBytes      *bytes,
                            const char  *file_name,
                            GError     **error)
{
  g_autofree char *display = g_strdup (file_name && *file_name ? file_name : _("The picture"));
  g_autoptr (LedePhoto) photo = NULL;
  g_autoptr (GdkPixbuf) check = NULL;
  Bytes b;
  const char *type;
  guint width = 0, height = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  b.data = g_bytes_get_data (bytes, &b.len);
  if (b.len > LEDE_PHOTO_FILE_MAX_BYTES)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_TOO_LARGE,
                   _("“%s” is %.1f MB, over Lede’s limit of 50 MB for a photo: send a smaller copy"),
                   display, b.len / 1e6);
      return NULL;
    }
  if (!(type = sniff (b, display, &width, &height, error)) ||
      !(check = decode (bytes, display, 256, error)))
    return NULL;

  photo = lede_photo_new (NULL);
  lede_photo_set_text (&photo->media_type, type);
  lede_photo_set_text (&photo->file_name, file_name);
  photo->size = b.len;
  read_metadata (photo, b);
  /* Turned a quarter either way, the picture is as high as it was wide. */
  photo->width = photo->orientation >= 5 ? height : width;
  photo->height = photo->orientation >= 5 ? width : height;
  return g_steal_pointer (&photo);
}

/**
 * lede_photo_file_read:
 * @bytes: (out) (transfer full): the file's bytes, for the library
 *
 * As lede_photo_file_read_bytes(), from the file at @path; a file over
 * %LEDE_PHOTO_FILE_MAX_BYTES is refused before it is read.
 */
LedePhoto *
lede_photo_file_read (const char  *path,
                      GBytes     **bytes,
                      GError     **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  LedePhoto *photo;

  g_return_val_if_fail (path != NULL && bytes != NULL, NULL);

  file = g_file_new_for_path (path);
  name = g_file_get_basename (file);
  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, NULL, &local)) ||
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_READ, _("Could not read “%s”: %s"),
                   name, local ? local->message : _("it is not a file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > LEDE_PHOTO_FILE_MAX_BYTES)
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_TOO_LARGE,
                   _("“%s” is %.1f MB, over Lede’s limit of 50 MB for a photo: send a smaller copy"),
                   name, g_file_info_get_size (info) / 1e6);
      return NULL;
    }
  if (!(contents = g_file_load_bytes (file, NULL, NULL, &local)))
    {
      g_set_error (error, LEDE_PHOTO_FILE_ERROR, LEDE_PHOTO_FILE_ERROR_READ, _("Could not read “%s”: %s"),
                   name, local->message);
      return NULL;
    }
  if ((photo = lede_photo_file_read_bytes (contents, name, error)) != NULL)
    *bytes = g_steal_pointer (&contents);
  return photo;
}

/**
 * lede_photo_file_load_upright:
 * @bytes: a photo's bytes, as the library keeps them
 * @orientation: its EXIF orientation (LedePhoto's)
 * @max_size: the most pixels on its longer side, or 0 for its full size
 *
 * Returns: (transfer full): the picture turned upright, for a thumbnail,
 *   the preview or a document that does not read EXIF (DOCX)
 */
GdkPixbuf *
lede_photo_file_load_upright (GBytes  *bytes,
                              guint    orientation,
                              int      max_size,
                              GError **error)
{
  g_autoptr (GdkPixbuf) stored = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(stored = decode (bytes, _("The picture"), max_size, error)))
    return NULL;
  return upright (stored, orientation);
}

/**
 * lede_photo_file_dup_png:
 *
 * Returns: (transfer full): lede_photo_file_load_upright() as PNG (for
 *   WebP in a document that cannot hold it)
 */
GBytes *
lede_photo_file_dup_png (GBytes  *bytes,
                         guint    orientation,
                         int      max_size,
                         GError **error)
{
  g_autoptr (GdkPixbuf) pixbuf = lede_photo_file_load_upright (bytes, orientation, max_size, error);
  g_autofree char *png = NULL;
  gsize len;

  if (pixbuf == NULL || !gdk_pixbuf_save_to_buffer (pixbuf, &png, &len, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&png), len);
}
