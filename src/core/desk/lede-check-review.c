/* lede-check-review.c: an editor's pass not yet answered.
 *
 * An open suggestion or comment blocks every way out but the one made
 * for review (the gate lets that one keep them): a story must not reach
 * readers with a question still in it. The finding sits where the
 * suggestion's words are in the text read as with every one taken; a
 * deletion's words are its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"

static char *
dup_message (const LedeReviewMark *mark)
{
  if (mark->kind == LEDE_REVIEW_COMMENT)
    return mark->author ? g_strdup_printf (_("%s’s comment is open: resolve it before the story goes out"), mark->author)
                        : g_strdup (_("A comment is open: resolve it before the story goes out"));
  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
      return mark->author ? g_strdup_printf (_("%s suggested adding this: accept or reject it before the story goes out"), mark->author)
                          : g_strdup (_("An addition is suggested here: accept or reject it before the story goes out"));
    case LEDE_REVIEW_DELETION:
      return mark->author ? g_strdup_printf (_("%s suggested deleting this: accept or reject it before the story goes out"), mark->author)
                          : g_strdup (_("A deletion is suggested here: accept or reject it before the story goes out"));
    case LEDE_REVIEW_SUBSTITUTION:
    default:
      return mark->author ? g_strdup_printf (_("%s suggested a change here: accept or reject it before the story goes out"), mark->author)
                          : g_strdup (_("A change is suggested here: accept or reject it before the story goes out"));
    }
}

void
lede_check_review (const LedeCheckStory *story,
                   GDateTime            *now,
                   GPtrArray            *findings)
{
  for (guint i = 0; i < story->review->len; i++)
    {
      const LedeReviewMark *mark = g_ptr_array_index (story->review, i);
      LedeField field = g_array_index (story->review_fields, LedeField, i);
      g_autofree char *message = dup_message (mark);
      LedeFinding *finding = lede_check_story_add (story, findings, LEDE_CHECK_REVIEW, LEDE_SEVERITY_BLOCKING,
                                                   field, mark->start, mark->end, message);

      if (mark->kind == LEDE_REVIEW_DELETION)
        {
          g_free (finding->text);
          finding->text = g_strdup (mark->old_text);
        }
    }
}
