/* lede-style-rule-yaml.c: a house style rule read and written as the part
 * of Vale's YAML rule format Lede understands.
 *
 * Understood: extends (substitution, existence, occurrence, consistency),
 * message, description, link, level (suggestion, warning, error),
 * ignorecase, swap, tokens, either, max, min, token, scope (occurrence
 * only: sentence, paragraph, text) and an action named replace with its
 * params. Anything else (raw, nonword, exceptions, another kind, another
 * action…) is refused in words rather than half obeyed: a desk would
 * otherwise trust a rule Lede silently ignores.
 *
 * The writer has one form (keys in one order, strings double-quoted), so
 * a rule Lede wrote reads back and is written byte for byte the same.
 * Comments and key order of a file read are not kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-style"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#include "lede-style-rule.h"

typedef struct {
  yaml_parser_t  parser;
  yaml_event_t   event;
  gboolean       have_event;
  const char    *name;
} Reader;

static gboolean
fail (Reader      *reader,
      GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader      *reader,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a house style rule's name, its line, and what is wrong there */
  g_set_error (error, LEDE_STYLE_ERROR, code, _("Rule “%s”, line %zu: %s"), reader->name,
               reader->have_event ? reader->event.start_mark.line + 1 : reader->parser.problem_mark.line + 1, what);
  return FALSE;
}

static gboolean
next (Reader  *reader,
      GError **error)
{
  if (reader->have_event)
    yaml_event_delete (&reader->event);
  reader->have_event = FALSE;
  if (!yaml_parser_parse (&reader->parser, &reader->event))
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("not valid YAML (%s)"),
                 reader->parser.problem ? reader->parser.problem : "unreadable");
  reader->have_event = TRUE;
  /* An alias can make a small file vast; no rule needs one. */
  if (reader->event.type == YAML_ALIAS_EVENT ||
      (reader->event.type == YAML_SCALAR_EVENT && reader->event.data.scalar.anchor) ||
      (reader->event.type == YAML_MAPPING_START_EVENT && reader->event.data.mapping_start.anchor) ||
      (reader->event.type == YAML_SEQUENCE_START_EVENT && reader->event.data.sequence_start.anchor))
    return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED, _("anchors and aliases are not used in rules"));
  return TRUE;
}

static const char *
scalar (Reader *reader)
{
  return reader->event.type == YAML_SCALAR_EVENT ? (const char *)reader->event.data.scalar.value : NULL;
}

/* The scalar the key @key is given, or a failure in words. */
static gboolean
read_string (Reader      *reader,
             const char  *key,
             char       **value,
             GError     **error)
{
  if (!next (reader, error))
    return FALSE;
  if (scalar (reader) == NULL)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes one value, not a list or a mapping"), key);
  if (!g_utf8_validate (scalar (reader), -1, NULL))
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” is not UTF-8 text"), key);
  g_free (*value);
  *value = g_strdup (scalar (reader));
  return TRUE;
}

static gboolean
read_int (Reader      *reader,
          const char  *key,
          int         *value,
          GError     **error)
{
  g_autofree char *text = NULL;
  guint64 number;

  if (!read_string (reader, key, &text, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &number, NULL))
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes a whole number from 0 to 100000, not “%s”"),
                 key, text);
  *value = (int)number;
  return TRUE;
}

static gboolean
read_bool (Reader      *reader,
           const char  *key,
           gboolean    *value,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (reader, key, &text, error))
    return FALSE;
  if (g_strv_contains ((const char * const[]) { "true", "True", "TRUE", "yes", "Yes", NULL }, text))
    *value = TRUE;
  else if (g_strv_contains ((const char * const[]) { "false", "False", "FALSE", "no", "No", NULL }, text))
    *value = FALSE;
  else
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes true or false, not “%s”"), key, text);
  return TRUE;
}

/* A pattern Vale reads as a regular expression must be one here too. */
static gboolean
check_pattern (Reader      *reader,
               const char  *pattern,
               GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GRegex) regex = NULL;

  if (*pattern == '\0')
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("an empty word or pattern matches everything"));
  regex = g_regex_new (pattern, 0, 0, &local_error);
  if (regex == NULL)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” is not a pattern Lede can read: %s"),
                 pattern, local_error->message);
  return TRUE;
}

/* swap: and either: a mapping of one text to another. */
static gboolean
read_pairs (Reader         *reader,
            const char     *key,
            LedeStyleRule  *rule,
            GError        **error)
{
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_MAPPING_START_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes a mapping of one spelling to another"), key);
  for (;;)
    {
      g_autofree char *from = NULL, *to = NULL;

      if (!next (reader, error))
        return FALSE;
      if (reader->event.type == YAML_MAPPING_END_EVENT)
        break;
      if (scalar (reader) == NULL)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes a mapping of one spelling to another"), key);
      from = g_strdup (scalar (reader));
      if (!read_string (reader, key, &to, error) ||
          !g_utf8_validate (from, -1, NULL) ||
          !check_pattern (reader, from, error))
        return FALSE;
      if (*to == '\0')
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” gives no spelling for “%s”"), key, from);
      lede_style_rule_add_pair (rule, from, to);
    }
  if (rule->keys->len == 0)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” is empty"), key);
  return TRUE;
}

static gboolean
read_list (Reader      *reader,
           const char  *key,
           GPtrArray   *into,
           gboolean     patterns,
           GError     **error)
{
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_SEQUENCE_START_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes a list"), key);
  for (;;)
    {
      if (!next (reader, error))
        return FALSE;
      if (reader->event.type == YAML_SEQUENCE_END_EVENT)
        break;
      if (scalar (reader) == NULL || !g_utf8_validate (scalar (reader), -1, NULL))
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” takes a list of words"), key);
      if (patterns && !check_pattern (reader, scalar (reader), error))
        return FALSE;
      g_ptr_array_add (into, g_strdup (scalar (reader)));
    }
  return TRUE;
}

/* action: {name: replace, params: [...]}: the only action Lede takes. */
static gboolean
read_action (Reader         *reader,
             LedeStyleRule  *rule,
             GError        **error)
{
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_MAPPING_START_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“action” takes a name and params"));
  for (;;)
    {
      g_autofree char *key = NULL, *name = NULL;

      if (!next (reader, error))
        return FALSE;
      if (reader->event.type == YAML_MAPPING_END_EVENT)
        break;
      key = g_strdup (scalar (reader));
      if (g_strcmp0 (key, "name") == 0)
        {
          if (!read_string (reader, "name", &name, error))
            return FALSE;
          if (!g_str_equal (name, "replace"))
            return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED,
                         _("the action “%s” is not one Lede takes (only replace is)"), name);
          rule->action_replace = TRUE;
        }
      else if (g_strcmp0 (key, "params") == 0)
        {
          if (!read_list (reader, "params", rule->params, FALSE, error))
            return FALSE;
        }
      else
        return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED, _("“action” has a key Lede does not understand: “%s”"),
                     key ? key : "?");
    }
  if (!rule->action_replace)
    return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED, _("the action has no name (only replace is taken)"));
  return TRUE;
}

static gboolean
read_kind (Reader         *reader,
           LedeStyleRule  *rule,
           GError        **error)
{
  g_autofree char *extends = NULL;

  if (!read_string (reader, "extends", &extends, error))
    return FALSE;
  for (LedeStyleKind kind = LEDE_STYLE_SUBSTITUTION; kind <= LEDE_STYLE_CONSISTENCY; kind++)
    if (g_str_equal (extends, lede_style_kind_to_string (kind)))
      {
        rule->kind = kind;
        return TRUE;
      }
  return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED,
               _("Lede does not understand rules that extend “%s” (only substitution, existence, occurrence and consistency)"),
               extends);
}

/* After the whole mapping: what each kind needs, and nothing it does not. */
static gboolean
check_whole (Reader         *reader,
             LedeStyleRule  *rule,
             gboolean        have_extends,
             GError        **error)
{
  if (!have_extends)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“extends” is missing: which kind of rule is it?"));
  if (!g_strv_contains ((const char * const[]) { "suggestion", "warning", "error", NULL }, rule->level))
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("the level “%s” is not suggestion, warning or error"),
                 rule->level);
  if (rule->scope && rule->kind != LEDE_STYLE_OCCURRENCE)
    return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED,
                 _("Lede does not understand “scope” here: it reads the whole story (scope is only for occurrence)"));
  if (rule->scope && !g_strv_contains ((const char * const[]) { "sentence", "paragraph", "text", NULL }, rule->scope))
    return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED,
                 _("the scope “%s” is not one Lede understands (sentence, paragraph or text)"), rule->scope);
  switch (rule->kind)
    {
    case LEDE_STYLE_SUBSTITUTION:
    case LEDE_STYLE_CONSISTENCY:
      if (rule->keys->len == 0 || rule->values->len != rule->keys->len)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, rule->kind == LEDE_STYLE_SUBSTITUTION ?
                     _("a substitution needs “swap”: the spellings and what replaces them") :
                     _("a consistency rule needs “either”: pairs of spellings"));
      break;
    case LEDE_STYLE_EXISTENCE:
      if (rule->keys->len == 0 || rule->values->len != 0)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("an existence rule needs “tokens”: the words to flag"));
      break;
    case LEDE_STYLE_OCCURRENCE:
      if (rule->max < 0 && rule->min < 0)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("an occurrence rule needs “max” or “min”"));
      if (rule->keys->len != 0)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("an occurrence rule counts one “token”, not a list"));
      break;
    }
  if ((rule->max >= 0 || rule->min >= 0 || rule->token) && rule->kind != LEDE_STYLE_OCCURRENCE)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“max”, “min” and “token” belong to occurrence rules"));
  if (rule->token && !check_pattern (reader, rule->token, error))
    return FALSE;
  if (rule->params->len > 0 && rule->kind == LEDE_STYLE_OCCURRENCE)
    return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED, _("an occurrence rule has nothing to replace"));
  return TRUE;
}

static gboolean
read_mapping (Reader         *reader,
              LedeStyleRule  *rule,
              GError        **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean have_extends = FALSE;

  if (!next (reader, error) || !next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_DOCUMENT_START_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("the file is empty"));
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_MAPPING_START_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("a rule is a mapping of keys (extends, message, level…)"));
  for (;;)
    {
      g_autofree char *key = NULL;
      gboolean ok;

      if (!next (reader, error))
        return FALSE;
      if (reader->event.type == YAML_MAPPING_END_EVENT)
        break;
      if (scalar (reader) == NULL)
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("a key must be a word"));
      key = g_strdup (scalar (reader));
      if (!g_hash_table_add (seen, g_strdup (key)))
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("“%s” is given twice"), key);

      if (g_str_equal (key, "extends"))
        ok = have_extends = read_kind (reader, rule, error);
      else if (g_str_equal (key, "message"))
        ok = read_string (reader, key, &rule->message, error);
      else if (g_str_equal (key, "description"))
        ok = read_string (reader, key, &rule->description, error);
      else if (g_str_equal (key, "link"))
        ok = read_string (reader, key, &rule->link, error);
      else if (g_str_equal (key, "level"))
        ok = read_string (reader, key, &rule->level, error);
      else if (g_str_equal (key, "scope"))
        ok = read_string (reader, key, &rule->scope, error);
      else if (g_str_equal (key, "token"))
        ok = read_string (reader, key, &rule->token, error);
      else if (g_str_equal (key, "ignorecase"))
        ok = read_bool (reader, key, &rule->ignorecase, error);
      else if (g_str_equal (key, "max"))
        ok = read_int (reader, key, &rule->max, error);
      else if (g_str_equal (key, "min"))
        ok = read_int (reader, key, &rule->min, error);
      else if (g_str_equal (key, "swap") || g_str_equal (key, "either"))
        ok = read_pairs (reader, key, rule, error);
      else if (g_str_equal (key, "tokens"))
        ok = read_list (reader, key, rule->keys, TRUE, error);
      else if (g_str_equal (key, "action"))
        ok = read_action (reader, rule, error);
      else
        return fail (reader, error, LEDE_STYLE_ERROR_UNSUPPORTED,
                     _("Lede does not understand the key “%s”, so it cannot follow this rule as Vale would"), key);
      if (!ok)
        return FALSE;
      /* swap belongs to substitution, either to consistency, tokens to existence. */
      if ((g_str_equal (key, "swap") && g_hash_table_contains (seen, "either")) ||
          (g_str_equal (key, "either") && g_hash_table_contains (seen, "swap")))
        return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("a rule has “swap” or “either”, not both"));
    }
  if ((g_hash_table_contains (seen, "swap") && rule->kind != LEDE_STYLE_SUBSTITUTION) ||
      (g_hash_table_contains (seen, "either") && rule->kind != LEDE_STYLE_CONSISTENCY) ||
      (g_hash_table_contains (seen, "tokens") && rule->kind != LEDE_STYLE_EXISTENCE))
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID,
                 _("“swap” belongs to substitution, “either” to consistency and “tokens” to existence rules"));
  if (!check_whole (reader, rule, have_extends, error))
    return FALSE;
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_DOCUMENT_END_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("a rule file holds one rule"));
  if (!next (reader, error))
    return FALSE;
  if (reader->event.type != YAML_STREAM_END_EVENT)
    return fail (reader, error, LEDE_STYLE_ERROR_INVALID, _("a rule file holds one rule"));
  return TRUE;
}

/**
 * lede_style_rule_read:
 * @name: the rule's name (a Vale rule's is its file's)
 * @length: of @yaml in bytes, or -1
 *
 * Returns: (transfer full) (nullable): the rule, or %NULL with @error
 *   saying in words what Lede does not understand, and where
 */
LedeStyleRule *
lede_style_rule_read (const char  *name,
                      const char  *yaml,
                      gssize       length,
                      GError     **error)
{
  g_autoptr (LedeStyleRule) rule = NULL;
  Reader reader = { .name = name };
  gboolean ok;

  g_return_val_if_fail (yaml != NULL, NULL);

  if (!lede_style_rule_is_valid_name (name, error))
    return NULL;
  if (length < 0)
    length = strlen (yaml);
  if ((gsize)length > LEDE_STYLE_RULE_MAX_BYTES)
    {
      g_set_error (error, LEDE_STYLE_ERROR, LEDE_STYLE_ERROR_INVALID,
                   _("Rule “%s” is %zu KiB: a rule file is at most %d KiB"), name, (gsize)length / 1024,
                   LEDE_STYLE_RULE_MAX_BYTES / 1024);
      return NULL;
    }
  if (!g_utf8_validate (yaml, length, NULL) || memchr (yaml, '\0', length))
    {
      g_set_error (error, LEDE_STYLE_ERROR, LEDE_STYLE_ERROR_INVALID, _("Rule “%s” is not UTF-8 text"), name);
      return NULL;
    }

  rule = lede_style_rule_new (name, LEDE_STYLE_SUBSTITUTION);
  yaml_parser_initialize (&reader.parser);
  yaml_parser_set_input_string (&reader.parser, (const unsigned char *)yaml, length);
  ok = read_mapping (&reader, rule, error);
  if (reader.have_event)
    yaml_event_delete (&reader.event);
  yaml_parser_delete (&reader.parser);
  return ok ? g_steal_pointer (&rule) : NULL;
}

/* Always double-quoted, so any text reads back as it was. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '"' || ch == '\\')
        g_string_append_printf (out, "\\%c", (char)ch);
      else if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == 0xfeff || ch == 0x2028 || ch == 0x2029)
        g_string_append_printf (out, "\\u%04X", ch);
      else
        g_string_append_len (out, c, g_utf8_next_char (c) - c);
    }
  g_string_append_c (out, '"');
}

static void
append_string (GString    *out,
               const char *key,
               const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "%s: ", key);
  append_quoted (out, value);
  g_string_append_c (out, '\n');
}

static void
append_list (GString    *out,
             const char *indent,
             GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append_printf (out, "%s- ", indent);
      append_quoted (out, g_ptr_array_index (items, i));
      g_string_append_c (out, '\n');
    }
}

/**
 * lede_style_rule_write:
 *
 * Returns: (transfer full): the rule as Vale's YAML, in the one form Lede
 *   writes (lede_style_rule_read() of it gives the same rule, written the
 *   same)
 */
char *
lede_style_rule_write (const LedeStyleRule *rule)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rule != NULL, NULL);

  g_string_append_printf (out, "extends: %s\n", lede_style_kind_to_string (rule->kind));
  append_string (out, "message", rule->message);
  append_string (out, "description", rule->description);
  append_string (out, "link", rule->link);
  g_string_append_printf (out, "level: %s\n", rule->level);
  if (rule->scope)
    g_string_append_printf (out, "scope: %s\n", rule->scope);
  if (rule->ignorecase)
    g_string_append (out, "ignorecase: true\n");
  if (rule->max >= 0)
    g_string_append_printf (out, "max: %d\n", rule->max);
  if (rule->min >= 0)
    g_string_append_printf (out, "min: %d\n", rule->min);
  append_string (out, "token", rule->token);
  if (rule->action_replace)
    {
      g_string_append (out, "action:\n  name: replace\n");
      if (rule->params->len > 0)
        {
          g_string_append (out, "  params:\n");
          append_list (out, "    ", rule->params);
        }
    }
  if (rule->kind == LEDE_STYLE_EXISTENCE)
    {
      g_string_append (out, "tokens:\n");
      append_list (out, "  ", rule->keys);
    }
  else if (rule->kind != LEDE_STYLE_OCCURRENCE)
    {
      g_string_append (out, rule->kind == LEDE_STYLE_SUBSTITUTION ? "swap:\n" : "either:\n");
      for (guint i = 0; i < rule->keys->len; i++)
        {
          g_string_append (out, "  ");
          append_quoted (out, g_ptr_array_index (rule->keys, i));
          g_string_append (out, ": ");
          append_quoted (out, g_ptr_array_index (rule->values, i));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}
