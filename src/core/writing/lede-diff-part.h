/* lede-diff-part.h: one field of two versions of a story, compared word by
 * word: what a comparison shows, field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *label;     /* the field's name, as shown */
  char   *old_text;
  char   *new_text;
  GArray *spans;     /* LedeDiffSpan, once lede_diff_part_compare() ran */
} LedeDiffPart;

LedeDiffPart *lede_diff_part_new     (const char   *label,
                                      char         *old_text,
                                      char         *new_text);
void          lede_diff_part_compare (LedeDiffPart *part);
void          lede_diff_part_free    (LedeDiffPart *part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeDiffPart, lede_diff_part_free)

G_END_DECLS
