/* lede-check-photos.c: the check on a story's photos.
 *
 * A photo with no alt text leaves a screen reader nothing to say: that
 * blocks a story marked ready or published and is a warning before. A
 * photo with no credit is a warning: a picture goes out credited. The
 * finding's offset is the photo's place in the story (from 0), its text
 * the name of the file it was added from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

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
}
