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

void
lede_check_headlines (const LedeCheckStory *story,
                      GDateTime            *now,
                      GPtrArray            *findings)
{
  const struct { LedeField field; guint limit; const char *message; } roles[] = {
    /* Translators: the first %u is the headline's length, the second the most that fits */
    { LEDE_FIELD_PRINT_HEADLINE, LEDE_CHECK_PRINT_HEADLINE_LENGTH,
      N_("The print headline is %u characters: past %u, it will not fit the column.") },
    { LEDE_FIELD_SEO_TITLE, LEDE_CHECK_SEO_TITLE_LENGTH,
      N_("The SEO title is %u characters: past %u, search results cut it.") },
    { LEDE_FIELD_SOCIAL_HEADLINE, LEDE_CHECK_SOCIAL_HEADLINE_LENGTH,
      N_("The social headline is %u characters: past %u, social cards cut it.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const char *text = lede_check_story_get_text (story, roles[i].field);
      guint length = g_utf8_strlen (text, -1);
      g_autofree char *message = NULL;

      if (length <= roles[i].limit)
        continue;
      message = g_strdup_printf (_(roles[i].message), length, roles[i].limit);
      lede_check_story_add (story, findings, LEDE_CHECK_LENGTH, LEDE_SEVERITY_WARNING, roles[i].field, 0, 0, message);
    }
}
