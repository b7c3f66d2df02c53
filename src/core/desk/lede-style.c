/* lede-style.c: LedeStyle, a desk's house style made ready to check a
 * story with, and the starter rules Lede ships (off until a desk adds
 * them).
 *
 * Vale reads every swap key and token as a regular expression between
 * word boundaries. Most are plain words ("Kiev", "in order to"), so those
 * go into a table looked up word by word, one pass over the story
 * whatever the number of rules; only real patterns are matched one by
 * one (lede-check-style.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-style"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lede-style-private.h"
#include "lede-desk-resources.h"

G_DEFINE_BOXED_TYPE (LedeStyle, lede_style, lede_style_ref, lede_style_unref)

/* Plain words, spaces, hyphens and apostrophes: looked up, not matched. */
static gboolean
is_literal (const char *text)
{
  gunichar first = g_utf8_get_char (text), last = 0;

  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      last = g_utf8_get_char (c);
      if (!lede_style_is_word_char (last) && last != ' ' && last != '-' && last != '\'' && last != 0x2019)
        return FALSE;
    }
  return lede_style_is_word_char (first) && lede_style_is_word_char (last);
}

/* As lede-check-style.c joins a story's words: runs of spaces as one
 * space, ’ as '; @words counts the runs of word characters ("e-mail" is
 * two). */
static char *
normalise (const char *text,
           guint      *words)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE, in_word = FALSE;

  *words = 0;
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_isspace (ch))
        {
          space = out->len > 0;
          in_word = FALSE;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (lede_style_is_word_char (ch) && !in_word)
        (*words)++;
      in_word = lede_style_is_word_char (ch);
      if (ch == 0x2019)
        g_string_append_c (out, '\'');
      else
        g_string_append_len (out, c, g_utf8_next_char (c) - c);
    }
  return g_string_free (out, FALSE);
}

static void
add_literal (LedeStyle         *self,
             LedeStyleSpelling *spelling,
             const char        *text)
{
  guint words;
  g_autofree char *phrase = normalise (text, &words);
  GHashTable *table = spelling->rule->ignorecase ? self->folded : self->exact;
  char *key = spelling->rule->ignorecase ? g_utf8_casefold (phrase, -1) : g_steal_pointer (&phrase);
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, spelling);
  self->max_words = MAX (self->max_words, words);
}

static void
add_spelling (LedeStyle           *self,
              const LedeStyleRule *rule,
              guint                index,
              guint                side)
{
  LedeStyleSpelling *spelling = g_new0 (LedeStyleSpelling, 1);
  const char *text = g_ptr_array_index (side ? rule->values : rule->keys, index);

  spelling->rule = rule;
  spelling->index = index;
  spelling->side = side;
  g_ptr_array_add (self->spellings, spelling);
  if (is_literal (text))
    {
      add_literal (self, spelling, text);
      return;
    }
  {
    g_autofree char *bounded = g_strdup_printf ("(?<![\\p{L}\\p{N}_])(?:%s)(?![\\p{L}\\p{N}_])", text);

    /* The reader refused a pattern GRegex cannot read; a rule made in
     * code that slips one through is left out, not fatal. */
    spelling->pattern = g_regex_new (bounded, G_REGEX_OPTIMIZE | (rule->ignorecase ? G_REGEX_CASELESS : 0), 0, NULL);
    if (spelling->pattern)
      g_ptr_array_add (self->patterns, spelling);
  }
}

static void
free_spelling (LedeStyleSpelling *spelling)
{
  g_clear_pointer (&spelling->pattern, g_regex_unref);
  g_free (spelling);
}

/* The words of a sentence, unless the rule says what it counts. */
#define WORD_TOKEN "[\\p{L}\\p{N}]+(?:['’.,-][\\p{L}\\p{N}]+)*"

/**
 * lede_style_new:
 * @rules: (element-type LedeStyleRule): the desk's rules, in order
 *
 * Returns: (transfer full): the house style, copied from @rules
 */
LedeStyle *
lede_style_new (GPtrArray *rules)
{
  LedeStyle *self = g_new0 (LedeStyle, 1);

  g_atomic_ref_count_init (&self->ref);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);
  self->spellings = g_ptr_array_new_with_free_func ((GDestroyNotify)free_spelling);
  self->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  self->patterns = g_ptr_array_new ();
  self->counters = g_ptr_array_new_with_free_func ((GDestroyNotify)g_regex_unref);
  self->counted = g_ptr_array_new ();
  for (guint i = 0; rules && i < rules->len; i++)
    g_ptr_array_add (self->rules, lede_style_rule_copy (g_ptr_array_index (rules, i)));

  for (guint i = 0; i < self->rules->len; i++)
    {
      const LedeStyleRule *rule = g_ptr_array_index (self->rules, i);

      if (rule->kind == LEDE_STYLE_OCCURRENCE)
        {
          GRegex *counter = g_regex_new (rule->token ? rule->token : WORD_TOKEN, G_REGEX_OPTIMIZE, 0, NULL);

          if (counter)
            {
              g_ptr_array_add (self->counters, counter);
              g_ptr_array_add (self->counted, (gpointer)rule);
            }
          continue;
        }
      for (guint k = 0; k < rule->keys->len; k++)
        {
          add_spelling (self, rule, k, 0);
          if (rule->kind == LEDE_STYLE_CONSISTENCY)
            add_spelling (self, rule, k, 1);
        }
    }
  return self;
}

LedeStyle *
lede_style_ref (LedeStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
lede_style_unref (LedeStyle *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_ptr_array_unref (self->patterns);
  g_ptr_array_unref (self->counters);
  g_ptr_array_unref (self->counted);
  g_hash_table_unref (self->exact);
  g_hash_table_unref (self->folded);
  g_ptr_array_unref (self->spellings);
  g_ptr_array_unref (self->rules);
  g_free (self);
}

/* Returns: (transfer none) (element-type LedeStyleRule): the rules */
GPtrArray *
lede_style_get_rules (LedeStyle *self)
{
  return self->rules;
}

static gboolean
is_one_word (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    if (!g_unichar_isalpha (g_utf8_get_char (c)) && *c != '-' && *c != '\'')
      return FALSE;
  return TRUE;
}

/**
 * lede_style_dup_word_swaps:
 *
 * What the speller learns: each substitution of one literal word for
 * another ("Kiev" → "Kyiv"). Patterns and phrases are left to the check.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the banned word to
 *   the preferred
 */
GHashTable *
lede_style_dup_word_swaps (LedeStyle *self)
{
  GHashTable *swaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; self && i < self->rules->len; i++)
    {
      const LedeStyleRule *rule = g_ptr_array_index (self->rules, i);

      if (rule->kind != LEDE_STYLE_SUBSTITUTION)
        continue;
      for (guint k = 0; k < rule->keys->len; k++)
        {
          const char *banned = g_ptr_array_index (rule->keys, k);
          const char *preferred = g_ptr_array_index (rule->values, k);

          if (is_one_word (banned) && is_one_word (preferred) && !g_hash_table_contains (swaps, banned))
            g_hash_table_insert (swaps, g_strdup (banned), g_strdup (preferred));
        }
    }
  return swaps;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/**
 * lede_style_dup_starter:
 *
 * The small set of rules Lede ships, written for Lede, for a desk to add
 * (none is on until it does).
 *
 * Returns: (transfer full) (element-type LedeStyleRule): the starter rules
 */
GPtrArray *
lede_style_dup_starter (void)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);
  g_auto (GStrv) names = g_resource_enumerate_children (lede_desk_get_resource (), "/io/github/ledeapp/Lede/house-style",
                                                         0, NULL);

  /* In the order of their names, whatever order the resource keeps. */
  if (names)
    qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/ledeapp/Lede/house-style/", names[i], NULL);
      g_autoptr (GBytes) bytes = g_resource_lookup_data (lede_desk_get_resource (), path, 0, NULL);
      g_autofree char *name = lede_style_rule_dup_name_for_file (names[i]);
      g_autoptr (GError) error = NULL;
      LedeStyleRule *rule;
      gsize length;
      const char *yaml = g_bytes_get_data (bytes, &length);

      rule = lede_style_rule_read (name, yaml, length, &error);
      if (rule == NULL)
        g_error ("The starter rule %s does not read: %s", names[i], error->message);
      g_ptr_array_add (rules, rule);
    }
  return rules;
}

/**
 * lede_style_load:
 *
 * The house style kept in @library. A rule whose text no longer reads
 * (kept by a newer Lede that understands more) is left out, not fatal.
 *
 * Returns: (transfer full) (nullable): the house style, or %NULL with
 *   @error set when the library cannot be read
 */
LedeStyle *
lede_style_load (LedeLibrary  *library,
                 GError      **error)
{
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) texts = NULL;
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);

  if (!lede_library_list_style_rules (library, &names, &texts, error))
    return NULL;
  for (guint i = 0; names[i]; i++)
    {
      g_autoptr (GError) local_error = NULL;
      LedeStyleRule *rule = lede_style_rule_read (names[i], texts[i], -1, &local_error);

      if (rule)
        g_ptr_array_add (rules, rule);
      else
        g_debug ("House style rule left out: %s", local_error->message);
    }
  return lede_style_new (rules);
}

/**
 * lede_style_keep_rule:
 *
 * Keeps @rule in @library, written as Lede writes rules, in place of any
 * rule of the same name.
 */
gboolean
lede_style_keep_rule (LedeLibrary          *library,
                      const LedeStyleRule  *rule,
                      GError              **error)
{
  g_autofree char *text = NULL;

  if (!lede_style_rule_is_valid_name (rule->name, error))
    return FALSE;
  text = lede_style_rule_write (rule);
  return lede_library_put_style_rule (library, rule->name, text, error);
}
