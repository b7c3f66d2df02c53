/* lede-checks.h: the copy desk's checks — what a story must not go out
 * with, found without touching it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-finding.h"
#include "lede-source.h"

G_BEGIN_DECLS

/* Headlines longer than this are cut in search results. */
#define LEDE_CHECK_HEADLINE_LENGTH   70
/* Past this a headline is not just long but probably pasted by mistake. */
#define LEDE_CHECK_HEADLINE_PASTED   200
#define LEDE_CHECK_STANDFIRST_LENGTH 250
#define LEDE_CHECK_SLUG_LENGTH       60
/* A story marked ready may be this far off its word goal, in percent. */
#define LEDE_CHECK_GOAL_MARGIN       10

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
  char             **tags;       /* never NULL */
  GPtrArray         *sources;    /* (element-type LedeSource), never NULL */
  LedeArticleStatus  status;
  guint              word_goal;
  GDateTime         *embargo;    /* nullable */
  GDateTime         *dated;      /* the story's own date: a year left unsaid is this one's */

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

GPtrArray      *lede_checks_run        (const LedeCheckStory *story,
                                        GDateTime            *now);
guint           lede_checks_count      (GPtrArray            *findings,
                                        LedeSeverity          severity);
char           *lede_checks_dup_summary (GPtrArray           *findings);

/* One function a check, each adding what it finds to @findings. */
void lede_check_attribution  (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_names        (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_placeholders (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_weekdays     (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_percentages  (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_lengths      (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_ready        (const LedeCheckStory *story, GPtrArray *findings);
void lede_check_embargo      (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_language     (const LedeCheckStory *story, GPtrArray *findings);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeCheckStory, lede_check_story_free)

G_END_DECLS
