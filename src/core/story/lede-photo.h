/* lede-photo.h: a photo on a story — which picture (its bytes, kept once
 * in the library by their SHA-256) and what the story says with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_PHOTO_ROLE_LEAD,   /* the story's lead photo, at most one, shown above it */
  LEDE_PHOTO_ROLE_BODY,   /* a picture in the body */
} LedePhotoRole;

#define LEDE_TYPE_PHOTO (lede_photo_get_type ())

/* The story's place for it is its index in the story's photos. */
typedef struct {
  char          *sha256;       /* of the original bytes, lowercase hex: which picture */
  LedePhotoRole  role;
  char          *caption;      /* what the picture shows, for readers */
  char          *credit;       /* who made it or owns it */
  char          *alt_text;     /* what a screen reader says instead of it */
  char          *file_name;    /* the name of the file it was added from */
  char          *media_type;   /* image/jpeg, image/png, image/webp or image/gif */
  guint          width;        /* in pixels, as shown: after the orientation */
  guint          height;
  guint          orientation;  /* EXIF's 1 (as stored) to 8 */
  gint64         size;         /* of the original bytes */
} LedePhoto;

GType       lede_photo_get_type            (void) G_GNUC_CONST;
LedePhoto  *lede_photo_new                 (const char       *sha256);
LedePhoto  *lede_photo_copy                (const LedePhoto  *photo);
void        lede_photo_free                (LedePhoto        *photo);
gboolean    lede_photo_equal               (const LedePhoto  *a,
                                            const LedePhoto  *b);
gboolean    lede_photo_list_equal          (GPtrArray        *a,
                                            GPtrArray        *b);
void        lede_photo_set_text            (char            **field,
                                            const char       *text);
const char *lede_photo_role_to_string      (LedePhotoRole     role);
gboolean    lede_photo_role_from_string    (const char       *name,
                                            LedePhotoRole    *role);
const char *lede_photo_get_extension       (const char       *media_type);
gboolean    lede_photo_is_sha256           (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedePhoto, lede_photo_free)

G_END_DECLS
