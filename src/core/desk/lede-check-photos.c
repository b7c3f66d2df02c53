/* lede-check-photos.c: the check on a story's photos.
 *
 * A photo with no alt text leaves a screen reader nothing to say: that
 * blocks a story marked ready or published and is a warning before. A
 * photo with no credit is a warning: a picture goes out credited. The
 * finding's offset is the photo's place in the story (from 0), its text
 * the name of the file it was added from.
 *
 * A picture in the body names its photo as lede-photo:SHA; one naming a
 * photo the story does not have (deleted from the panel, pasted from
 * another story) shows nothing on the page, which the writer is told:
 * a warning placed on the address in the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-checks.h"

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
add (GPtrArray       *findings,
     LedeSeverity     severity,
     guint            place,
     const LedePhoto *photo,
     const char      *message)
{
  LedeFinding *finding = lede_finding_new (LEDE_CHECK_PHOTO, severity, LEDE_FIELD_PHOTOS, photo->file_name, message);

  finding->offset = place;
  g_ptr_array_add (findings, finding);
}

/* Whether the story has a picture in the body with @sha256 (@length bytes). */
static gboolean
has_body_photo (const LedeCheckStory *story,
                const char           *sha256,
                gsize                 length)
{
  for (guint i = 0; i < story->photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (story->photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_BODY && strlen (photo->sha256) == length &&
          memcmp (photo->sha256, sha256, length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Each lede-photo: address in the body whose photo the story has not. */
static void
check_addresses (const LedeCheckStory *story,
                 GPtrArray            *findings)
{
  static const char prefix[] = "lede-photo:";
  const char *body = story->body;

  for (const char *at = strstr (body, prefix); at != NULL; at = strstr (at + 1, prefix))
    {
      const char *sha = at + sizeof prefix - 1;
      gsize length = 0;
      g_autofree char *message = NULL;

      while (g_ascii_isxdigit (sha[length]))
        length++;
      if (lede_check_story_in_code (story, at - body) || has_body_photo (story, sha, length))
        continue;
      message = g_strdup_printf (_("This picture names a photo the story does not have (%.*s…): "
                                   "it shows nothing. Insert the photo again, or delete the line."),
                                 (int)MIN (length, 8), sha);
      lede_check_story_add (story, findings, LEDE_CHECK_PHOTO, LEDE_SEVERITY_WARNING, LEDE_FIELD_BODY,
                            at - body, sha + length - body, message);
    }
}

void
lede_check_photos (const LedeCheckStory *story,
                   GDateTime            *now,
                   GPtrArray            *findings)
{
  gboolean going_out = story->status == LEDE_ARTICLE_STATUS_READY || story->status == LEDE_ARTICLE_STATUS_PUBLISHED;

  for (guint i = 0; i < story->photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (story->photos, i);
      gboolean lead = photo->role == LEDE_PHOTO_ROLE_LEAD;

      if (is_blank (photo->alt_text))
        {
          g_autofree char *message = NULL;

          if (lead)
            message = g_strdup_printf (_("The lead photo (%s) has no alt text: a screen reader has nothing to say for it."),
                                       photo->file_name);
          else
            message = g_strdup_printf (_("Photo %u (%s) has no alt text: a screen reader has nothing to say for it."),
                                       i + 1, photo->file_name);
          add (findings, going_out ? LEDE_SEVERITY_BLOCKING : LEDE_SEVERITY_WARNING, i, photo, message);
        }
      if (is_blank (photo->credit))
        {
          g_autofree char *message = NULL;

          if (lead)
            message = g_strdup_printf (_("The lead photo (%s) has no credit."), photo->file_name);
          else
            message = g_strdup_printf (_("Photo %u (%s) has no credit."), i + 1, photo->file_name);
          add (findings, LEDE_SEVERITY_WARNING, i, photo, message);
        }
    }
  check_addresses (story, findings);
}
