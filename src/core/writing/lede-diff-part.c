/* lede-diff-part.c: one field of two versions of a story, compared word by
 * word (History's comparison, and a post changed on a site against the
 * story in Lede). Comparing may take a while on a long body: it is done
 * apart from making the part, so a worker thread can do it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-diff.h"
#include "lede-diff-part.h"

/**
 * lede_diff_part_new:
 * @old_text: (transfer full) (nullable): the field before, or %NULL for ""
 * @new_text: (transfer full) (nullable): the field after
 */
LedeDiffPart *
lede_diff_part_new (const char *label,
                    char       *old_text,
                    char       *new_text)
{
  LedeDiffPart *part = g_new0 (LedeDiffPart, 1);

  part->label = g_strdup (label);
  part->old_text = old_text ? old_text : g_strdup ("");
  part->new_text = new_text ? new_text : g_strdup ("");
  return part;
}

/* Works out the spans; any thread. */
void
lede_diff_part_compare (LedeDiffPart *part)
{
  g_return_if_fail (part != NULL);

  g_clear_pointer (&part->spans, g_array_unref);
  part->spans = lede_diff_words (part->old_text, part->new_text);
}

void
lede_diff_part_free (LedeDiffPart *part)
{
  if (part == NULL)
    return;
  g_free (part->label);
  g_free (part->old_text);
  g_free (part->new_text);
  g_clear_pointer (&part->spans, g_array_unref);
  g_free (part);
}
