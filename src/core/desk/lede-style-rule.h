/* lede-style-rule.h: one rule of a desk's house style ("Kyiv, not Kiev"),
 * read and written as the part of Vale's YAML rule format Lede understands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lede-finding.h"

G_BEGIN_DECLS

#define LEDE_STYLE_ERROR (lede_style_error_quark ())

typedef enum
{
  LEDE_STYLE_ERROR_INVALID,      /* not YAML, or not a mapping of keys */
  LEDE_STYLE_ERROR_UNSUPPORTED,  /* a kind, key or value Lede does not understand */
} LedeStyleError;

/* Vale's "extends". */
typedef enum
{
  LEDE_STYLE_SUBSTITUTION,  /* swap: use the value, not the key */
  LEDE_STYLE_EXISTENCE,     /* tokens: never use these */
  LEDE_STYLE_OCCURRENCE,    /* max: at most so many tokens a sentence, graf or story */
  LEDE_STYLE_CONSISTENCY,   /* either: one spelling or the other in one story, not both */
} LedeStyleKind;

/* A rule file is read whole or refused; no rule file is larger. */
#define LEDE_STYLE_RULE_MAX_BYTES (256 * 1024)
/* A name is what Vale takes from the file's name, so it stays one. */
#define LEDE_STYLE_RULE_MAX_NAME  100

#define LEDE_TYPE_STYLE_RULE (lede_style_rule_get_type ())

typedef struct {
  char          *name;         /* the file's name without .yml: "Places" */
  LedeStyleKind  kind;
  char          *message;      /* nullable; "%s" is the match (the fix first, for a swap) */
  char          *description;  /* nullable */
  char          *link;         /* nullable */
  char          *level;        /* "suggestion", "warning" or "error", as written */
  char          *scope;        /* nullable; occurrence only: sentence, paragraph or text */
  gboolean       ignorecase;
  gboolean       action_replace; /* "action: {name: replace}" was given */
  GPtrArray     *params;       /* (element-type utf8) the action's params: an existence's fix */
  GPtrArray     *keys;         /* (element-type utf8) swap's keys, either's first, tokens */
  GPtrArray     *values;       /* (element-type utf8) swap's and either's values; empty for tokens */
  int            max;          /* occurrence: -1 when not given */
  int            min;          /* occurrence: -1 when not given */
  char          *token;        /* occurrence: what is counted; nullable for words */
} LedeStyleRule;

GQuark         lede_style_error_quark     (void);
GType          lede_style_rule_get_type   (void) G_GNUC_CONST;

LedeStyleRule *lede_style_rule_new        (const char          *name,
                                           LedeStyleKind        kind);
LedeStyleRule *lede_style_rule_copy       (const LedeStyleRule *rule);
void           lede_style_rule_free       (LedeStyleRule       *rule);
void           lede_style_rule_add_pair   (LedeStyleRule       *rule,
                                           const char          *key,
                                           const char          *value);
LedeSeverity   lede_style_rule_get_severity (const LedeStyleRule *rule);
const char    *lede_style_kind_to_string  (LedeStyleKind        kind);
gboolean       lede_style_rule_is_valid_name (const char       *name,
                                           GError             **error);
char          *lede_style_rule_dup_name_for_file (const char   *path);

/* lede-style-rule-yaml.c */
LedeStyleRule *lede_style_rule_read       (const char          *name,
                                           const char          *yaml,
                                           gssize               length,
                                           GError             **error);
char          *lede_style_rule_write      (const LedeStyleRule *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStyleRule, lede_style_rule_free)

G_END_DECLS
