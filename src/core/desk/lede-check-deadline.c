/* lede-check-deadline.c: the check on a story's deadline (issue 32).
 *
 * A story past its deadline that is not yet marked ready (a draft or in
 * progress) is a note: the desk should know, and nothing about the text
 * is wrong, so it never holds the story back. A story ready, published or
 * spiked is done with its deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"
#include "lede-time.h"

void
lede_check_deadline (const LedeCheckStory *story,
                     GDateTime            *now,
                     GPtrArray            *findings)
{
  g_autofree char *due = NULL;
  g_autofree char *late = NULL;
  g_autofree char *message = NULL;

  if (story->deadline == NULL || g_date_time_compare (story->deadline, now) >= 0)
    return;
  if (story->status != LEDE_ARTICLE_STATUS_DRAFT && story->status != LEDE_ARTICLE_STATUS_IN_PROGRESS)
    return;
  due = lede_time_format_utc (story->deadline);
  late = lede_time_format_span (g_date_time_difference (now, story->deadline));
  message = g_strdup_printf (_("Past its deadline (%s) by %s, and not marked ready yet."), due, late);
  lede_check_story_add (story, findings, LEDE_CHECK_DEADLINE, LEDE_SEVERITY_NOTE, LEDE_FIELD_DEADLINE, 0, 0, message);
}
