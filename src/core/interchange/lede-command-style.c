/* lede-command-style.c: lede-cli style — the desk's house style: list the
 * rules, add Vale rule files (or Lede's starter set), show one as Lede
 * keeps it, remove one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-command-private.h"
#include "lede-style.h"

/* "Kiev → Kyiv, …", "very, really", "max 40 a sentence". */
static char *
dup_summary (const LedeStyleRule *rule)
{
  GString *out = g_string_new (NULL);

  if (rule->kind == LEDE_STYLE_OCCURRENCE)
    {
      if (rule->max >= 0)
        g_string_append_printf (out, "max %d", rule->max);
      if (rule->min >= 0)
        g_string_append_printf (out, "%smin %d", out->len ? ", " : "", rule->min);
      g_string_append_printf (out, " a %s", rule->scope ? rule->scope : "text");
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < rule->keys->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (rule->keys, i));
      if (rule->values->len > i)
        g_string_append_printf (out, rule->kind == LEDE_STYLE_SUBSTITUTION ? " → %s" : " / %s",
                                (char *)g_ptr_array_index (rule->values, i));
    }
  return g_string_free (out, FALSE);
}

static int
list_rules (LedeCommand *self,
            LedeLibrary *library,
            GString     *out,
            GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStyle) style = lede_style_load (library, &error);
  g_autoptr (JsonBuilder) json = json_builder_new ();
  GPtrArray *rules;

  if (style == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  rules = lede_style_get_rules (style);
  json_builder_begin_array (json);
  for (guint i = 0; i < rules->len; i++)
    {
      const LedeStyleRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *summary = dup_summary (rule);

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\t%s\n", rule->name, lede_style_kind_to_string (rule->kind),
                                  rule->level, summary);
          continue;
        }
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, rule->name);
      json_builder_set_member_name (json, "extends");
      json_builder_add_string_value (json, lede_style_kind_to_string (rule->kind));
      json_builder_set_member_name (json, "level");
      json_builder_add_string_value (json, rule->level);
      json_builder_set_member_name (json, "severity");
      json_builder_add_string_value (json, lede_severity_to_string (lede_style_rule_get_severity (rule)));
      json_builder_set_member_name (json, "summary");
      json_builder_add_string_value (json, summary);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return LEDE_COMMAND_EXIT_OK;
}

/* Each file is a rule named after it, read whole or refused. */
static int
add_rules (LedeCommand  *self,
           LedeLibrary  *library,
           char        **files,
           GString      *out,
           GString      *err)
{
  guint failed = 0, added = 0;

  if (self->starter)
    {
      g_autoptr (GPtrArray) starter = lede_style_dup_starter ();

      for (guint i = 0; i < starter->len; i++)
        {
          g_autoptr (GError) error = NULL;
          const LedeStyleRule *rule = g_ptr_array_index (starter, i);

          if (!lede_style_keep_rule (library, rule, &error))
            {
              g_string_append_printf (err, "lede-cli: %s\n", error->message);
              failed++;
              continue;
            }
          g_string_append_printf (out, "%s\n", rule->name);
          added++;
        }
    }
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = lede_style_rule_dup_name_for_file (files[i]);
      g_autoptr (LedeStyleRule) rule = NULL;
      gsize length;

      if (!g_file_get_contents (files[i], &contents, &length, &error) ||
          !(rule = lede_style_rule_read (name, contents, length, &error)) ||
          !lede_style_keep_rule (library, rule, &error))
        {
          g_string_append_printf (err, "lede-cli: %s: %s\n", files[i], error->message);
          failed++;
          continue;
        }
      g_string_append_printf (out, "%s\n", rule->name);
      added++;
    }
  g_string_append_printf (err, "lede-cli: added %u, failed %u\n", added, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

static int
show_rule (LedeLibrary *library,
           const char  *name,
           GString     *out,
           GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) texts = NULL;

  if (!lede_library_list_style_rules (library, &names, &texts, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      {
        g_string_append (out, texts[i]);
        return LEDE_COMMAND_EXIT_OK;
      }
  g_string_append_printf (err, _("lede-cli: the house style has no rule named “%s”\n"), name);
  return LEDE_COMMAND_EXIT_FAILED;
}

int
_lede_command_style_command (LedeCommand  *self,
                             LedeLibrary  *library,
                             char        **arguments,
                             GString      *out,
                             GString      *err)
{
  const char *what = arguments[0];

  if (g_str_equal (what, "list"))
    return list_rules (self, library, out, err);
  if (g_str_equal (what, "add"))
    return add_rules (self, library, arguments + 1, out, err);
  if (g_str_equal (what, "show"))
    return show_rule (library, arguments[1], out, err);
  for (guint i = 1; arguments[i]; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!lede_library_remove_style_rule (library, arguments[i], &error))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          return LEDE_COMMAND_EXIT_FAILED;
        }
    }
  return LEDE_COMMAND_EXIT_OK;
}
