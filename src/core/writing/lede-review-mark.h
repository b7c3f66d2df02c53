/* lede-review-mark.h: one suggestion or comment of an editor's pass, as
 * CriticMarkup writes it in a story's Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_REVIEW_INSERTION,     /* {++new++} */
  LEDE_REVIEW_DELETION,      /* {--old--} */
  LEDE_REVIEW_SUBSTITUTION,  /* {~~old~>new~~} */
  LEDE_REVIEW_COMMENT,       /* {==words==}{>>note<<}, or {>>note<<} alone; replies follow it */
} LedeReviewKind;

/* One {>>…<<}: "@Name|2026-12-04T10:00Z: words", or only "@Name|TIME"
 * right after a suggestion, saying who made it and when. */
typedef struct {
  char *author;   /* without the @, or NULL when the note names nobody */
  char *time;     /* as written, e.g. 2026-12-04T10:00Z, or NULL */
  char *text;     /* the note's words; "" for a suggestion's signature */
} LedeReviewNote;

#define LEDE_TYPE_REVIEW_MARK (lede_review_mark_get_type ())

typedef struct {
  LedeReviewKind  kind;
  gsize           start;     /* the mark's first byte in the text */
  gsize           end;       /* the byte after it, its signature and replies included */
  char           *old_text;  /* what is deleted, replaced or commented on; "" for an insertion */
  char           *new_text;  /* what is inserted or replaces it; "" otherwise */
  char           *author;    /* who suggested it or wrote the first note, or NULL */
  char           *time;      /* when, as written, or NULL */
  GPtrArray      *notes;     /* (element-type LedeReviewNote): a comment's note and its replies */
  guint           group;     /* the index of the first mark of one edit across paragraphs */
} LedeReviewMark;

GType           lede_review_mark_get_type    (void) G_GNUC_CONST;
LedeReviewMark *lede_review_mark_new         (LedeReviewKind        kind);
LedeReviewMark *lede_review_mark_copy        (const LedeReviewMark *mark);
void            lede_review_mark_free        (LedeReviewMark       *mark);
gboolean        lede_review_mark_is_suggestion (const LedeReviewMark *mark);
const char     *lede_review_kind_to_string   (LedeReviewKind        kind);

LedeReviewNote *lede_review_note_parse       (const char           *text,
                                              gsize                 length);
void            lede_review_note_free        (LedeReviewNote       *note);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeReviewMark, lede_review_mark_free)

G_END_DECLS
