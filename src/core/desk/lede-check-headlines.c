/* lede-check-headlines.c: the check on the headlines by role (issue 32).
 *
 * A print headline, SEO title or social headline written for its place
 * and longer than that place shows (LEDE_CHECK_PRINT_HEADLINE_LENGTH,
 * LEDE_CHECK_SEO_TITLE_LENGTH, LEDE_CHECK_SOCIAL_HEADLINE_LENGTH) is a
 * warning, as a long web headline is. One left empty is the web headline,
 * whose own length the lengths check judges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"

/* Each message a literal, so its format is checked. */
static char *
too_long (LedeField field,
          guint     length,
          guint     limit)
{
  switch (field)
    {
    case LEDE_FIELD_PRINT_HEADLINE:
      return g_strdup_printf (_("The print headline is %u characters: past %u, it will not fit the column."), length, limit);
    case LEDE_FIELD_SEO_TITLE:
      return g_strdup_printf (_("The SEO title is %u characters: past %u, search results cut it."), length, limit);
    case LEDE_FIELD_SOCIAL_HEADLINE:
      return g_strdup_printf (_("The social headline is %u characters: past %u, social cards cut it."), length, limit);
    default:
      g_assert_not_reached ();
    }
}

void
lede_check_headlines (const LedeCheckStory *story,
                      GDateTime            *now,
                      GPtrArray            *findings)
{
  const struct { LedeField field; guint limit; } roles[] = {
    { LEDE_FIELD_PRINT_HEADLINE, LEDE_CHECK_PRINT_HEADLINE_LENGTH },
    { LEDE_FIELD_SEO_TITLE, LEDE_CHECK_SEO_TITLE_LENGTH },
    { LEDE_FIELD_SOCIAL_HEADLINE, LEDE_CHECK_SOCIAL_HEADLINE_LENGTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      guint length = g_utf8_strlen (lede_check_story_get_text (story, roles[i].field), -1);
      g_autofree char *message = NULL;

      if (length <= roles[i].limit)
        continue;
      message = too_long (roles[i].field, length, roles[i].limit);
      lede_check_story_add (story, findings, LEDE_CHECK_LENGTH, LEDE_SEVERITY_WARNING, roles[i].field, 0, 0, message);
    }
}
