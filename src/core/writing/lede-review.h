/* lede-review.h: an editor's pass in a story's Markdown — CriticMarkup's
 * suggestions and comments found, and answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-review-mark.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_REVIEW_ACCEPT,  /* the suggestion's words stand */
  LEDE_REVIEW_REJECT,  /* the words before it stand */
} LedeReviewAnswer;

/* Which marks an answer is for: %TRUE to answer @mark. */
typedef gboolean (*LedeReviewFilter) (const LedeReviewMark *mark,
                                      gpointer              data);

gboolean   lede_review_may_have_marks (const char       *text);
GPtrArray *lede_review_scan           (const char       *text);
guint      lede_review_count_open     (const char       *text,
                                       guint            *suggestions,
                                       guint            *comments);
char      *lede_review_dup_answered   (const char       *text,
                                       GPtrArray        *marks,
                                       LedeReviewAnswer  answer,
                                       LedeReviewFilter  filter,
                                       gpointer          data,
                                       GArray          **places);
char      *lede_review_dup_accepted   (const char       *text);
char      *lede_review_dup_rejected   (const char       *text);
char      *lede_review_dup_answer_one (const char       *text,
                                       guint             index,
                                       LedeReviewAnswer  answer);
char      *lede_review_dup_answer_by  (const char       *text,
                                       const char       *author,
                                       LedeReviewAnswer  answer);
char      *lede_review_dup_signature  (const char       *author,
                                       GDateTime        *when,
                                       const char       *words);

G_END_DECLS
