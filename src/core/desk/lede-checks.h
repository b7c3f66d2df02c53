/* lede-checks.h: the copy desk's checks — what a story must not go out
 * with, found without touching it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-check-story.h"

G_BEGIN_DECLS

/* Headlines longer than this are cut in search results. */
#define LEDE_CHECK_HEADLINE_LENGTH   70
/* Past this a headline is not just long but probably pasted by mistake. */
#define LEDE_CHECK_HEADLINE_PASTED   200
#define LEDE_CHECK_STANDFIRST_LENGTH 250
/* The headlines by role (issue 32): a print headline fits a column or
 * two; search engines show about 60 characters of a title; a social card
 * about 100 before it cuts. */
#define LEDE_CHECK_PRINT_HEADLINE_LENGTH  50
#define LEDE_CHECK_SEO_TITLE_LENGTH       60
#define LEDE_CHECK_SOCIAL_HEADLINE_LENGTH 100
#define LEDE_CHECK_SLUG_LENGTH       60
/* A story marked ready may be this far off its word goal, in percent. */
#define LEDE_CHECK_GOAL_MARGIN       10

GPtrArray      *lede_checks_run        (const LedeCheckStory *story,
                                        GDateTime            *now);
guint           lede_checks_count      (GPtrArray            *findings,
                                        LedeSeverity          severity);
char           *lede_checks_dup_summary (GPtrArray           *findings);

/* One function a check, each adding what it finds to @findings; @now is
 * the time to judge an embargo by. */
typedef void (*LedeCheck) (const LedeCheckStory *story,
                           GDateTime            *now,
                           GPtrArray            *findings);

void lede_check_attribution  (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_names        (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_placeholders (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_weekdays     (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_percentages  (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_lengths      (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_ready        (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_embargo      (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_language     (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_photos       (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_review       (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_house_style  (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_wire         (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_headlines     (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_deadline     (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_shares       (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_dates        (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_quote_ledger (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);
void lede_check_quote_changes (const LedeCheckStory *story, GDateTime *now, GPtrArray *findings);

G_END_DECLS
