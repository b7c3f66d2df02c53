/* lede-photo-metadata-module.c: the photo metadata module, gexiv2 behind
 * the one table lede-photo-metadata-module.h describes. Which tag gives
 * which text, and in what order, is told in lede-photo-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-photo-file"

#include "config.h"

#include <string.h>
#include <gmodule.h>
#include <gexiv2/gexiv2.h>

#include "lede-photo-metadata-module.h"

/* exiv2 speaks of every oddity of a file on its own; what it says of a
 * broken file is said by the error instead. */
static void
quiet_exiv2 (GExiv2LogLevel level,
             const gchar   *message)
{
  g_debug ("exiv2: %s", message);
}

static void
ensure_exiv2 (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      gexiv2_initialize ();
      gexiv2_log_set_handler (quiet_exiv2);
      gexiv2_log_set_level (GEXIV2_LOG_LEVEL_WARN);
      g_once_init_leave (&started, 1);
    }
}

/* An XMP text's value: a language alternative is written by exiv2 as
 * `lang="x-default" text, lang="de" text`, x-default first; the text of
 * the first is taken whole, commas and all. */
static char *
xmp_text (GExiv2Metadata *meta,
          const char     *tag)
{
  g_autofree char *value = gexiv2_metadata_try_get_tag_string (meta, tag, NULL);
  const char *text = value, *next;

  if (value == NULL)
    return NULL;
  if (g_str_has_prefix (text, "lang=\""))
    {
      const char *close = strchr (text + 6, '"');

      if (close == NULL)
        return NULL;
      text = close + 1;
      if (*text == ' ')
        text++;
      if ((next = strstr (text, ", lang=\"")) != NULL)
        return g_strstrip (g_strndup (text, next - text));
    }
  return g_strstrip (g_strdup (text));
}

/* IIM text: Latin-1 unless the file declares UTF-8. */
static char *
iptc_text (GExiv2Metadata *meta,
           const char     *tag,
           gboolean        utf8)
{
  g_autoptr (GBytes) raw = gexiv2_metadata_try_get_tag_raw (meta, tag, NULL);
  gsize len;
  const char *data;
  char *text;

  if (raw == NULL || (data = g_bytes_get_data (raw, &len)) == NULL || len == 0)
    return NULL;
  if (utf8)
    text = g_utf8_make_valid (data, len);
  else
    text = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return text ? g_strstrip (text) : NULL;
}

static char *
exif_text (GExiv2Metadata *meta,
           const char     *tag)
{
  g_autofree char *value = gexiv2_metadata_try_get_tag_string (meta, tag, NULL);

  return value ? g_strstrip (g_utf8_make_valid (value, -1)) : NULL;
}

/* The first of @candidates that is not empty, taken; the rest freed. */
static char *
first_of (char **candidates,
          guint  n)
{
  char *found = NULL;

  for (guint i = 0; i < n; i++)
    {
      if (found == NULL && candidates[i] != NULL && *candidates[i] != '\0')
        found = g_steal_pointer (&candidates[i]);
      g_free (candidates[i]);
    }
  return found;
}

static void
read_texts (const guchar *data,
            gsize         len,
            char        **caption,
            char        **credit,
            char        **alt_text,
            guint        *orientation)
{
  g_autoptr (GExiv2Metadata) meta = NULL;
  g_autoptr (GBytes) charset = NULL;
  gboolean utf8 = FALSE;
  GExiv2Orientation turned;

  ensure_exiv2 ();
  meta = gexiv2_metadata_new ();
  if (!gexiv2_metadata_open_buf (meta, data, (glong)len, NULL))
    return;
  charset = gexiv2_metadata_try_get_tag_raw (meta, "Iptc.Envelope.CharacterSet", NULL);
  utf8 = charset != NULL && g_bytes_get_size (charset) >= 3 &&
         memcmp (g_bytes_get_data (charset, NULL), "\x1b%G", 3) == 0;
  {
    char *captions[] = {
      xmp_text (meta, "Xmp.dc.description"),
      iptc_text (meta, "Iptc.Application2.Caption", utf8),
      exif_text (meta, "Exif.Image.ImageDescription"),
    };
    char *credits[] = {
      xmp_text (meta, "Xmp.photoshop.Credit"),
      iptc_text (meta, "Iptc.Application2.Credit", utf8),
      xmp_text (meta, "Xmp.dc.creator"),
      iptc_text (meta, "Iptc.Application2.Byline", utf8),
    };

    *caption = first_of (captions, G_N_ELEMENTS (captions));
    *credit = first_of (credits, G_N_ELEMENTS (credits));
    *alt_text = xmp_text (meta, "Xmp.iptc.AltTextAccessibility");
  }
  turned = gexiv2_metadata_try_get_orientation (meta, NULL);
  *orientation = turned >= 1 && turned <= 8 ? turned : 1;
}

G_MODULE_EXPORT const LedePhotoMetadataModule *lede_photo_metadata_module_get (void);

const LedePhotoMetadataModule *
lede_photo_metadata_module_get (void)
{
  static const LedePhotoMetadataModule table = {
    .abi = LEDE_PHOTO_METADATA_MODULE_ABI,
    .read = read_texts,
  };

  return &table;
}
