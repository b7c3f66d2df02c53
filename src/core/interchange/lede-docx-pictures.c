/* lede-docx-pictures.c: a story's photos embedded in its Word document,
 * each as an inline picture the width of the text at most, with its
 * caption and credit in a paragraph of their own below it.
 *
 * Word does not turn a picture by its EXIF orientation, so a turned photo
 * is embedded as an upright copy (a JPEG stays JPEG); WebP, which Word
 * cannot show, is embedded as PNG. Every other picture is embedded as the
 * bytes that were added. A picture used twice is embedded once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <string.h>

#include "lede-docx-pictures.h"
#include "lede-markup-text.h"
#include "lede-photo-file.h"

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
/* EMUs a pixel at 96 dpi; the A4 page's text width (9026 twips) in EMUs. */
#define EMU_PER_PIXEL 9525
#define TEXT_WIDTH_EMU (9026 * 635)

typedef struct {
  char   *name;   /* word/media/NAME */
  GBytes *bytes;
} Media;

struct _LedeDocxPictures
{
  LedeLibrary *library;     /* nullable: no pictures, their texts only */
  GHashTable  *embedded;    /* SHA-256 → the relationship's id */
  GArray      *media;       /* of Media */
  GString     *relations;
  gboolean     types[3];    /* jpeg, png, gif used */
  char        *content_types;
  guint        n_drawings;
};

static void
media_clear (Media *media)
{
  g_free (media->name);
  g_bytes_unref (media->bytes);
}

/**
 * lede_docx_pictures_new:
 * @library: (nullable): where the pictures' bytes are; %NULL writes each
 *   photo's alt text, caption and credit without the picture
 */
LedeDocxPictures *
lede_docx_pictures_new (LedeLibrary *library)
{
  LedeDocxPictures *self = g_new0 (LedeDocxPictures, 1);

  self->library = library ? g_object_ref (library) : NULL;
  self->embedded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->media = g_array_new (FALSE, TRUE, sizeof (Media));
  g_array_set_clear_func (self->media, (GDestroyNotify)media_clear);
  self->relations = g_string_new (NULL);
  return self;
}

void
lede_docx_pictures_free (LedeDocxPictures *self)
{
  g_clear_object (&self->library);
  g_hash_table_unref (self->embedded);
  g_array_unref (self->media);
  g_string_free (self->relations, TRUE);
  g_free (self->content_types);
  g_free (self);
}

/* The bytes Word is given, and their extension (jpeg, png or gif). */
static GBytes *
as_embedded (GBytes           *original,
             const LedePhoto  *photo,
             const char      **extension,
             GError          **error)
{
  gboolean jpeg = g_strcmp0 (photo->media_type, "image/jpeg") == 0;
  g_autoptr (GdkPixbuf) upright = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (photo->orientation <= 1 && (jpeg || g_strcmp0 (photo->media_type, "image/png") == 0 ||
                                  g_strcmp0 (photo->media_type, "image/gif") == 0))
    {
      *extension = jpeg ? "jpeg" : lede_photo_get_extension (photo->media_type);
      return g_bytes_ref (original);
    }
  if (!(upright = lede_photo_file_load_upright (original, photo->orientation, 0, error)))
    return NULL;
  *extension = jpeg ? "jpeg" : "png";
  if (!(jpeg ? gdk_pixbuf_save_to_buffer (upright, &data, &length, "jpeg", error, "quality", "92", NULL)
             : gdk_pixbuf_save_to_buffer (upright, &data, &length, "png", error, NULL)))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *clean = lede_markup_text_clean (text ? text : "", -1, " ");
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (out, escaped);
}

/* The relationship id of @photo's picture, embedding it the first time. */
static const char *
embed (LedeDocxPictures  *self,
       const LedePhoto   *photo,
       GError           **error)
{
  g_autoptr (GBytes) original = NULL;
  GBytes *bytes;
  const char *extension = NULL;
  Media media;
  char *id;

  if ((id = g_hash_table_lookup (self->embedded, photo->sha256)) != NULL)
    return id;
  if (!(original = lede_library_dup_photo_bytes (self->library, photo, error)))
    return NULL;
  if (!(bytes = as_embedded (original, photo, &extension, error)))
    return NULL;
  id = g_strdup_printf ("picture%u", self->media->len + 1);
  media.name = g_strdup_printf ("image%u.%s", self->media->len + 1, extension);
  media.bytes = bytes;
  g_array_append_val (self->media, media);
  self->types[g_str_equal (extension, "jpeg") ? 0 : g_str_equal (extension, "png") ? 1 : 2] = TRUE;
  g_string_append_printf (self->relations, "<Relationship Id=\"%s\" Type=\"" NS_R "/image\" Target=\"media/%s\"/>",
                          id, media.name);
  g_hash_table_insert (self->embedded, g_strdup (photo->sha256), id);
  return id;
}

static void
append_run (GString    *out,
            const char *text,
            gboolean    italic)
{
  g_string_append (out, italic ? "<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">"
                               : "<w:r><w:t xml:space=\"preserve\">");
  append_escaped (out, text);
  g_string_append (out, "</w:t></w:r>");
}

/**
 * lede_docx_pictures_append:
 * @body: w:body's blocks so far
 *
 * Writes @photo's picture (upright, at most the text's width, its alt
 * text as the picture's description) and a Caption paragraph with its
 * caption and credit below it.
 *
 * Returns: %FALSE with @error set, in words, when its bytes are missing
 *   or damaged in the library
 */
gboolean
lede_docx_pictures_append (LedeDocxPictures  *self,
                           GString           *body,
                           const LedePhoto   *photo,
                           GError           **error)
{
  gboolean caption = photo->caption && *photo->caption, credit = photo->credit && *photo->credit;

  if (self->library != NULL)
    {
      const char *id = embed (self, photo, error);
      guint64 cx = (guint64)MAX (photo->width, 1) * EMU_PER_PIXEL, cy = (guint64)MAX (photo->height, 1) * EMU_PER_PIXEL;
      guint n = ++self->n_drawings;

      if (id == NULL)
        return FALSE;
      if (cx > TEXT_WIDTH_EMU)
        {
          cy = cy * TEXT_WIDTH_EMU / cx;
          cx = TEXT_WIDTH_EMU;
        }
      g_string_append_printf (body, "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>"
                                    "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                                    "<wp:extent cx=\"%" G_GUINT64_FORMAT "\" cy=\"%" G_GUINT64_FORMAT "\"/>"
                                    "<wp:docPr id=\"%u\" name=\"Picture %u\" descr=\"", cx, cy, n, n);
      append_escaped (body, photo->alt_text);
      g_string_append_printf (body, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" NS_A "\" noChangeAspect=\"1\"/>"
                                    "</wp:cNvGraphicFramePr><a:graphic xmlns:a=\"" NS_A "\">"
                                    "<a:graphicData uri=\"" NS_PIC "\"><pic:pic xmlns:pic=\"" NS_PIC "\">"
                                    "<pic:nvPicPr><pic:cNvPr id=\"%u\" name=\"", n);
      append_escaped (body, photo->file_name);
      g_string_append (body, "\" descr=\"");
      append_escaped (body, photo->alt_text);
      g_string_append_printf (body, "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"%s\"/>"
                                    "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
                                    "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%" G_GUINT64_FORMAT "\" cy=\"%" G_GUINT64_FORMAT "\"/></a:xfrm>"
                                    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
                                    "</a:graphic></wp:inline></w:drawing></w:r></w:p>", id, cx, cy);
    }
  else
    {
      /* Without its bytes the desk reads what the picture shows. */
      g_autofree char *said = g_strdup_printf ("[%s]", *photo->alt_text ? photo->alt_text : photo->file_name);

      g_string_append (body, "<w:p>");
      append_run (body, said, TRUE);
      g_string_append (body, "</w:p>");
    }
  if (caption || credit)
    {
      g_string_append (body, "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>");
      if (caption)
        append_run (body, photo->caption, FALSE);
      if (caption && credit)
        append_run (body, " ", FALSE);
      if (credit)
        append_run (body, photo->credit, TRUE);
      g_string_append (body, "</w:p>");
    }
  return TRUE;
}

/* Returns: the pictures' relationships, for word/_rels/document.xml.rels */
const char *
lede_docx_pictures_get_relations (LedeDocxPictures *self)
{
  return self->relations->str;
}

/* Returns: the Default content types of the pictures' extensions */
const char *
lede_docx_pictures_get_content_types (LedeDocxPictures *self)
{
  static const char * const defaults[] = {
    "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>",
    "<Default Extension=\"png\" ContentType=\"image/png\"/>",
    "<Default Extension=\"gif\" ContentType=\"image/gif\"/>",
  };

  g_free (self->content_types);
  self->content_types = g_strconcat (self->types[0] ? defaults[0] : "", self->types[1] ? defaults[1] : "",
                                     self->types[2] ? defaults[2] : "", NULL);
  return self->content_types;
}

guint
lede_docx_pictures_get_n_media (LedeDocxPictures *self)
{
  return self->media->len;
}

/* Returns: the part's name under word/media/, and (out) its bytes */
const char *
lede_docx_pictures_get_media (LedeDocxPictures  *self,
                              guint              index,
                              GBytes           **bytes)
{
  Media *media = &g_array_index (self->media, Media, index);

  *bytes = media->bytes;
  return media->name;
}
