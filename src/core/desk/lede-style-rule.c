/* lede-style-rule.c: one rule of a desk's house style. Reading and writing
 * it as Vale's YAML is in lede-style-rule-yaml.c.
 *
 * Vale's levels map onto the checks' severities so that house style never
 * holds a story back: suggestion is a note, warning and error are
 * warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-style"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-style-rule.h"

G_DEFINE_QUARK (lede-style-error-quark, lede_style_error)
G_DEFINE_BOXED_TYPE (LedeStyleRule, lede_style_rule, lede_style_rule_copy, lede_style_rule_free)

LedeStyleRule *
lede_style_rule_new (const char    *name,
                     LedeStyleKind  kind)
{
  LedeStyleRule *rule = g_new0 (LedeStyleRule, 1);

  rule->name = g_strdup (name ? name : "");
  rule->kind = kind;
  rule->level = g_strdup ("warning");
  rule->keys = g_ptr_array_new_with_free_func (g_free);
  rule->values = g_ptr_array_new_with_free_func (g_free);
  rule->params = g_ptr_array_new_with_free_func (g_free);
  rule->max = -1;
  rule->min = -1;
  return rule;
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_full (strings->len, g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

LedeStyleRule *
lede_style_rule_copy (const LedeStyleRule *rule)
{
  LedeStyleRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);
  copy = g_memdup2 (rule, sizeof *rule);
  copy->name = g_strdup (rule->name);
  copy->message = g_strdup (rule->message);
  copy->description = g_strdup (rule->description);
  copy->link = g_strdup (rule->link);
  copy->level = g_strdup (rule->level);
  copy->scope = g_strdup (rule->scope);
  copy->token = g_strdup (rule->token);
  copy->keys = copy_strings (rule->keys);
  copy->values = copy_strings (rule->values);
  copy->params = copy_strings (rule->params);
  return copy;
}

void
lede_style_rule_free (LedeStyleRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule->message);
  g_free (rule->description);
  g_free (rule->link);
  g_free (rule->level);
  g_free (rule->scope);
  g_free (rule->token);
  g_ptr_array_unref (rule->keys);
  g_ptr_array_unref (rule->values);
  g_ptr_array_unref (rule->params);
  g_free (rule);
}

/* For swap and either: @value is the spelling the desk wants. */
void
lede_style_rule_add_pair (LedeStyleRule *rule,
                          const char    *key,
                          const char    *value)
{
  g_return_if_fail (rule != NULL && key != NULL);

  g_ptr_array_add (rule->keys, g_strdup (key));
  if (value != NULL)
    g_ptr_array_add (rule->values, g_strdup (value));
}

LedeSeverity
lede_style_rule_get_severity (const LedeStyleRule *rule)
{
  return g_strcmp0 (rule->level, "suggestion") == 0 ? LEDE_SEVERITY_NOTE : LEDE_SEVERITY_WARNING;
}

/* Vale's names for the kinds, as "extends" spells them. */
const char *
lede_style_kind_to_string (LedeStyleKind kind)
{
  static const char * const names[] = { "substitution", "existence", "occurrence", "consistency" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), "");
  return names[kind];
}

/* A rule's name is a file's name in Vale (Style/Name.yml), so it is one
 * word of letters, digits, "-" and "_" that any file system keeps. */
gboolean
lede_style_rule_is_valid_name (const char  *name,
                               GError     **error)
{
  gsize length = name ? strlen (name) : 0;

  if (length == 0 || length > LEDE_STYLE_RULE_MAX_NAME)
    {
      g_set_error (error, LEDE_STYLE_ERROR, LEDE_STYLE_ERROR_INVALID,
                   _("A house style rule needs a name of 1 to %d letters, digits, “-” or “_”"),
                   LEDE_STYLE_RULE_MAX_NAME);
      return FALSE;
    }
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      {
        g_set_error (error, LEDE_STYLE_ERROR, LEDE_STYLE_ERROR_INVALID,
                     _("“%s” is not a rule name: use only letters, digits, “-” and “_”"), name);
        return FALSE;
      }
  return TRUE;
}

/* "styles/House/Places.yml" → "Places", as Vale names the rule. */
char *
lede_style_rule_dup_name_for_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot && (g_ascii_strcasecmp (dot, ".yml") == 0 || g_ascii_strcasecmp (dot, ".yaml") == 0))
    *dot = '\0';
  return g_steal_pointer (&base);
}
