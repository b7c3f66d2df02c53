/* lede-check-story.h: the copy of a story the copy desk's checks read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-finding.h"
#include "lede-photo.h"
#include "lede-review-mark.h"
#include "lede-source.h"
#include "lede-style.h"

G_BEGIN_DECLS

/* Every this many bytes of the body the character count is noted, so a
 * finding is placed by counting at most this far. */
#define LEDE_CHECK_MARK_BYTES        1024

/* A copy of everything the checks read, so they can run on any thread
 * while the writer goes on typing. */
typedef struct {
  char              *headline;
  char              *standfirst;
  char              *body;
  char              *slug;
  char              *byline;
  char              *language;
  char              *front_matter; /* the kept keys: a wire story's "wire:" block */
  char             **tags;       /* never NULL */
  GPtrArray         *sources;    /* (element-type LedeSource), never NULL */
  GPtrArray         *photos;     /* (element-type LedePhoto), never NULL: their texts */
  LedeArticleStatus  status;
  guint              word_goal;
  GDateTime         *embargo;    /* nullable */
  GDateTime         *deadline;   /* nullable */
  char              *print_headline;  /* the headlines by role, "" when as the web one */
  char              *seo_title;
  char              *social_headline;
  GDateTime         *dated;      /* the story's own date: a year left unsaid is this one's */
  LedeStyle         *style;      /* nullable: the desk's house style */
  char              *dateline;   /* "KESTLE ISLAND, March 3", or "" */
  gboolean           undated;    /* neither published nor embargoed: dated only by its writing */
  char             **quote_baseline; /* nullable: texts whose quotations stand (lede_library_dup_quote_baseline()) */

  /* An editor's pass: the headline, standfirst and body above read as
   * with every suggestion taken; the marks themselves are here, placed in
   * that text of their field. */
  GPtrArray         *review;        /* (element-type LedeReviewMark) */
  GArray            *review_fields; /* (element-type LedeField) each mark's field */

  /* Worked out when first needed, for placing findings in the body. */
  GArray            *line_bytes; /* (element-type gsize) where each line starts */
  GArray            *grafs;      /* lede_grafs_find() */
  GArray            *code_lines; /* (element-type gboolean) lines of fenced code */
  GArray            *char_marks; /* (element-type guint) characters before each LEDE_CHECK_MARK_BYTES */
} LedeCheckStory;

LedeCheckStory *lede_check_story_new   (LedeArticle          *article,
                                        const char           *body,
                                        GPtrArray            *sources);
void            lede_check_story_free  (LedeCheckStory       *story);
void            lede_check_story_set_style (LedeCheckStory   *story,
                                        LedeStyle            *style);
void            lede_check_story_set_quote_baseline (LedeCheckStory     *story,
                                        const char * const   *texts);

/* For the checks: a finding placed at bytes of a field. */
LedeFinding *lede_check_story_add (const LedeCheckStory *story,
                                   GPtrArray            *findings,
                                   LedeCheckKind         kind,
                                   LedeSeverity          severity,
                                   LedeField             field,
                                   gsize                 start,
                                   gsize                 end,
                                   const char           *message);
const char  *lede_check_story_get_text (const LedeCheckStory *story,
                                       LedeField             field);
void         lede_check_story_locate  (const LedeCheckStory *story,
                                       gsize                 byte,
                                       guint                *line,
                                       guint                *graf,
                                       guint                *offset);
gboolean     lede_check_story_in_code (const LedeCheckStory *story,
                                       gsize                 byte);
gboolean     lede_check_story_is_german (const LedeCheckStory *story);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeCheckStory, lede_check_story_free)

G_END_DECLS
