/* fuzz-review.c: the CriticMarkup scanner on any text. Marks come in
 * order, inside the text, each beginning with an opener; answering none
 * gives the text back exactly; answering all places each mark's words in
 * order; and a text with no marks is its own accepted and rejected text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-fuzz.h"
#include "lede-review.h"

static gboolean
none (const LedeReviewMark *mark,
      gpointer              data)
{
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = lede_fuzz_string (data, size);
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *untouched = lede_review_dup_answered (text, marks, LEDE_REVIEW_ACCEPT, none, NULL, NULL);
  g_autofree char *accepted = NULL, *rejected = NULL;
  g_autoptr (GArray) places = NULL;
  gsize length = strlen (text), at = 0, placed = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = g_ptr_array_index (marks, i);

      lede_fuzz_check (mark->start >= at && mark->start < mark->end && mark->end <= length,
                       "mark %u at %zu–%zu, after %zu in %zu bytes", i, mark->start, mark->end, at, length);
      lede_fuzz_check (text[mark->start] == '{' && strchr ("+-~=>", text[mark->start + 1]) != NULL,
                       "mark %u does not begin with an opener", i);
      lede_fuzz_check (mark->group <= i, "mark %u in a group after it", i);
      at = mark->end;
    }
  lede_fuzz_check (g_str_equal (untouched, text), "answering no mark changed the text");

  accepted = lede_review_dup_answered (text, marks, LEDE_REVIEW_ACCEPT, NULL, NULL, &places);
  lede_fuzz_check (places->len == marks->len, "%u places for %u marks", places->len, marks->len);
  for (guint i = 0; i < places->len; i++)
    {
      gsize place = g_array_index (places, gsize, i);

      lede_fuzz_check (place >= placed && place <= strlen (accepted), "place %u at %zu", i, place);
      placed = place;
    }

  rejected = lede_review_dup_rejected (text);
  if (marks->len == 0)
    lede_fuzz_check (g_str_equal (accepted, text) && g_str_equal (rejected, text), "a text without marks changed");
  for (guint i = 0; i < MIN (marks->len, 8); i++)
    {
      g_autofree char *one = lede_review_dup_answer_one (text, i, LEDE_REVIEW_REJECT);

      lede_fuzz_check (one != NULL, "mark %u could not be answered", i);
    }
  return 0;
}
