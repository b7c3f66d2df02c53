/* lede-diff.h: what changed between two versions of a text, word by word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_DIFF_SAME,
  LEDE_DIFF_DELETED,   /* in the old text only */
  LEDE_DIFF_INSERTED,  /* in the new text only */
} LedeDiffKind;

/* A run of the texts, in reading order: SAME has both places, DELETED
 * only the old one, INSERTED only the new one (the other length is 0). */
typedef struct {
  LedeDiffKind kind;
  gsize        old_start, old_length;  /* bytes of the old text */
  gsize        new_start, new_length;  /* bytes of the new text */
  int          graf;                   /* the old text's graf (from 0), once lede_diff_place_grafs() placed it */
} LedeDiffSpan;

GArray *lede_diff_words (const char *old_text,
                         const char *new_text);
char   *lede_diff_apply (const char *old_text,
                         const char *new_text,
                         GArray     *spans);
/* lede-diff-grafs.c: the changes graf by graf, taken one graf at a time. */
GArray *lede_diff_place_grafs   (const char *old_text,
                                 GArray     *spans);
GArray *lede_diff_changed_grafs (GArray     *spans);
char   *lede_diff_apply_graf    (const char *old_text,
                                 const char *new_text,
                                 GArray     *spans,
                                 int         graf);
void    lede_diff_count (const char *old_text,
                         const char *new_text,
                         GArray     *spans,
                         guint      *deleted_words,
                         guint      *inserted_words);

G_END_DECLS
