/* lede-diff-grafs.c: a word diff graf by graf, so that a desk can take
 * the wire's changes to one graf and leave the rest as it wrote them.
 *
 * Each change (a run of deleted and inserted words) belongs to the graf of
 * the old text (the desk's) where it starts; text the two share is cut
 * where a graf starts, so each piece belongs to one graf too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-diff"

#include "config.h"

#include <string.h>

#include "lede-diff.h"
#include "lede-grafs.h"

/* Byte offsets in @text where each graf starts. */
static GArray *
graf_offsets (const char *text)
{
  g_autoptr (GArray) lines = lede_grafs_find (text, -1);
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize at = 0;
  guint line = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      guint wanted = g_array_index (lines, guint, i);

      while (line < wanted && text[at] != '\0')
        {
          const char *nl = strchr (text + at, '\n');

          if (nl == NULL)
            break;
          at = nl - text + 1;
          line++;
        }
      g_array_append_val (offsets, at);
    }
  return offsets;
}

static int
graf_at (GArray *offsets,
         gsize   at)
{
  int graf = 0;

  for (guint i = 1; i < offsets->len; i++)
    if (g_array_index (offsets, gsize, i) <= at)
      graf = i;
  return graf;
}

/**
 * lede_diff_place_grafs:
 * @old_text: the text @spans go from
 * @spans: (element-type LedeDiffSpan): from lede_diff_words()
 *
 * Returns: (transfer full) (element-type LedeDiffSpan): @spans with each
 *   span's graf set, shared text cut where a graf of @old_text starts
 */
GArray *
lede_diff_place_grafs (const char *old_text,
                       GArray     *spans)
{
  g_autoptr (GArray) offsets = graf_offsets (old_text);
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (LedeDiffSpan));
  int change_graf = -1;  /* the graf of the change under way */

  for (guint k = 0; k < spans->len; k++)
    {
      LedeDiffSpan span = g_array_index (spans, LedeDiffSpan, k);

      if (span.kind != LEDE_DIFF_SAME)
        {
          if (change_graf < 0)
            change_graf = graf_at (offsets, span.old_start);
          span.graf = change_graf;
          g_array_append_val (placed, span);
          continue;
        }
      change_graf = -1;
      /* Cut at each graf start inside it. */
      while (span.old_length > 0)
        {
          int graf = graf_at (offsets, span.old_start);
          gsize end = span.old_start + span.old_length;
          LedeDiffSpan piece = span;

          if ((guint)graf + 1 < offsets->len && g_array_index (offsets, gsize, graf + 1) < end)
            end = g_array_index (offsets, gsize, graf + 1);
          piece.old_length = piece.new_length = end - span.old_start;
          piece.graf = graf;
          g_array_append_val (placed, piece);
          span.old_start += piece.old_length;
          span.new_start += piece.new_length;
          span.old_length -= piece.old_length;
          span.new_length -= piece.new_length;
        }
    }
  return placed;
}

/**
 * lede_diff_changed_grafs:
 * @spans: placed by lede_diff_place_grafs()
 *
 * Returns: (transfer full) (element-type int): the grafs with a change, in
 *   order, each once
 */
GArray *
lede_diff_changed_grafs (GArray *spans)
{
  GArray *grafs = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, k);

      if (span->kind != LEDE_DIFF_SAME &&
          (grafs->len == 0 || g_array_index (grafs, int, grafs->len - 1) != span->graf))
        g_array_append_val (grafs, span->graf);
    }
  return grafs;
}

/**
 * lede_diff_apply_graf:
 * @spans: placed by lede_diff_place_grafs()
 * @graf: the graf whose changes are taken, or -1 for all
 *
 * Returns: (transfer full): the old text with the changes to @graf taken
 *   from the new one and every other change left out
 */
char *
lede_diff_apply_graf (const char *old_text,
                      const char *new_text,
                      GArray     *spans,
                      int         graf)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, k);
      gboolean take = graf < 0 || span->graf == graf;

      if (span->kind == LEDE_DIFF_SAME || (span->kind == LEDE_DIFF_DELETED && !take))
        g_string_append_len (out, old_text + span->old_start, span->old_length);
      else if (span->kind == LEDE_DIFF_INSERTED && take)
        g_string_append_len (out, new_text + span->new_start, span->new_length);
    }
  return g_string_free (out, FALSE);
}
