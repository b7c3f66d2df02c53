/* lede-photo-refs.h: the pictures a story's body names, each a line of its
 * own: ![ALT](lede-photo:SHA256).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDE_PHOTO_REFS_SCHEME "lede-photo:"

/* One picture line. Byte indexes are within the line, so a text buffer
 * finds them with its line and index. */
typedef struct {
  guint line;        /* 0-based */
  guint alt_start;   /* the bracket text, between "![" and "]" */
  guint alt_end;
  guint line_end;    /* the line's length in bytes, without its newline */
  char  sha256[65];
} LedePhotoRef;

GArray *lede_photo_refs_find         (const char *body);
char   *lede_photo_refs_dup_alt      (const char *body_line,
                                      const LedePhotoRef *ref);
char   *lede_photo_refs_escape_alt   (const char *alt);
char   *lede_photo_refs_make_line    (const char *alt,
                                      const char *sha256);

G_END_DECLS
