/* lede-finding.h: one thing the copy desk's checks found in a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Most severe first: findings sort in this order. */
typedef enum
{
  LEDE_SEVERITY_BLOCKING,  /* the story does not go out until it is dealt with */
  LEDE_SEVERITY_WARNING,   /* probably wrong: look before it goes out */
  LEDE_SEVERITY_NOTE,      /* worth knowing */
} LedeSeverity;

typedef enum
{
  LEDE_CHECK_ATTRIBUTION,  /* a quotation nobody is credited with */
  LEDE_CHECK_NAMES,        /* one name, two spellings */
  LEDE_CHECK_PLACEHOLDER,  /* TK, XX, [link] … left in */
  LEDE_CHECK_WEEKDAY,      /* "Tuesday, March 3" when March 3 is a Thursday */
  LEDE_CHECK_PERCENTAGE,   /* "rose 20% from 50 to 65" */
  LEDE_CHECK_LENGTH,       /* a field too long, a story far off its goal */
  LEDE_CHECK_READY,        /* a story marked ready without what ready needs */
  LEDE_CHECK_EMBARGO,      /* under embargo */
  LEDE_CHECK_LANGUAGE,     /* a language that is not a well-formed tag */
  LEDE_CHECK_PHOTO,        /* a photo without alt text or credit */
  LEDE_CHECK_REVIEW,       /* an editor's suggestion or comment not yet answered */
  LEDE_CHECK_STYLE,        /* against the desk's house style */
  LEDE_CHECK_WIRE,         /* the wire killed or withheld the story */
  LEDE_CHECK_DEADLINE,     /* past its deadline and not ready */
  LEDE_CHECK_QUOTE,        /* a headline's quotation the body never quotes */
  LEDE_CHECK_DATE,         /* "on Tuesday" in a story with no date; a date whose year is unclear */
  LEDE_CHECK_QUOTE_CHANGED, /* a quotation reworded since the story was first kept */
} LedeCheckKind;

/* Which part of the story a finding is in. */
typedef enum
{
  LEDE_FIELD_BODY,
  LEDE_FIELD_HEADLINE,
  LEDE_FIELD_STANDFIRST,
  LEDE_FIELD_SLUG,
  LEDE_FIELD_BYLINE,
  LEDE_FIELD_TAGS,
  LEDE_FIELD_EMBARGO,
  LEDE_FIELD_WORD_GOAL,
  LEDE_FIELD_LANGUAGE,
  LEDE_FIELD_PHOTOS,       /* the offset is the photo's place in the story, from 0 */
  LEDE_FIELD_DEADLINE,
  LEDE_FIELD_PRINT_HEADLINE,
  LEDE_FIELD_SEO_TITLE,
  LEDE_FIELD_SOCIAL_HEADLINE,
} LedeField;

#define LEDE_TYPE_FINDING (lede_finding_get_type ())

typedef struct {
  LedeCheckKind  kind;
  LedeSeverity   severity;
  LedeField      field;
  guint          graf;     /* the body's graf, from 1; 0 outside the body or a graf */
  guint          line;     /* the body's line, from 1; 0 outside the body */
  guint          offset;   /* where it starts, in characters of its field */
  guint          length;   /* in characters; 0 for the field as a whole */
  char          *text;     /* the words it is about, or "" */
  char          *message;  /* what is wrong, in words */
  char          *rule;     /* nullable: the house style rule's name */
  char          *fix;      /* nullable: what the words could be replaced with */
} LedeFinding;

GType        lede_finding_get_type         (void) G_GNUC_CONST;
LedeFinding *lede_finding_new              (LedeCheckKind      kind,
                                            LedeSeverity       severity,
                                            LedeField          field,
                                            const char        *text,
                                            const char        *message);
LedeFinding *lede_finding_copy             (const LedeFinding *finding);
void         lede_finding_free             (LedeFinding       *finding);
int          lede_finding_compare          (const LedeFinding *a,
                                            const LedeFinding *b);
char        *lede_finding_dup_place        (const LedeFinding *finding);

const char  *lede_check_kind_to_string     (LedeCheckKind      kind);
const char  *lede_severity_to_string       (LedeSeverity       severity);
const char  *lede_severity_get_label       (LedeSeverity       severity);
const char  *lede_field_to_string          (LedeField          field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeFinding, lede_finding_free)

G_END_DECLS
