/* lede-check-style.c: the desk's house style (lede-style.c) applied to the
 * headline, standfirst and body.
 *
 *   substitution  a swap key found: "Use “Kyiv”, not “Kiev”", with the
 *                 fix (the swap's first value, capitalised as the words
 *                 found were); the words already as the fix say nothing;
 *   existence     a token found; the fix is the action's first param;
 *   occurrence    a sentence, graf or story with more (or fewer) tokens
 *                 than the rule's max (min): words unless it says;
 *   consistency   both spellings of a pair in one story: the rarer one
 *                 (on a tie, the later) is found, the other is the fix.
 *
 * Each finding names its rule. Code blocks, code spans and link addresses
 * are not copy. Literal phrases are found with one pass over the words (a table
 * lookup for each run of up to the longest phrase's words); patterns one
 * by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-style-private.h"

static const LedeField style_fields[] = { LEDE_FIELD_HEADLINE, LEDE_FIELD_STANDFIRST, LEDE_FIELD_BODY };

typedef struct {
  const LedeStyleSpelling *spelling;
  LedeField                field;
  gsize                    start;
  gsize                    end;
} Hit;

/* Vale's messages take "%s" for the words; nothing else is formatted, so
 * a rule's message can never be a format string. */
static char *
format_message (const char *template,
                const char *first,
                const char *second)
{
  GString *out = g_string_new (NULL);
  guint used = 0;

  for (const char *c = template; *c; c++)
    {
      if (c[0] == '%' && c[1] == 's')
        {
          g_string_append (out, used == 0 ? first : (second ? second : first));
          used++;
          c++;
        }
      else if (c[0] == '%' && c[1] == '%')
        {
          g_string_append_c (out, '%');
          c++;
        }
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/* A link's address or a bare URL around @start: not copy. */
static gboolean
in_link_target (const char *text,
                gsize       start)
{
  gsize from = start;

  while (from > 0 && start - from < 512 && !g_ascii_isspace (text[from - 1]))
    from--;
  for (gsize i = from; i + 1 < start; i++)
    if ((text[i] == ']' && text[i + 1] == '(') ||
        (text[i] == ':' && text[i + 1] == '/' && i + 2 < start && text[i + 2] == '/'))
      return TRUE;
  return FALSE;
}

/* Inside a code span: an odd number of backticks before @start on its
 * line (looked at over the last 2,000 bytes, so a long line stays linear). */
static gboolean
in_code_span (const char *text,
              gsize       start)
{
  guint ticks = 0;

  for (gsize i = start; i > 0 && start - i < 2000 && text[i - 1] != '\n'; i--)
    ticks += text[i - 1] == '`';
  return ticks % 2 == 1;
}

static gboolean
is_copy (const LedeCheckStory *story,
         LedeField             field,
         const char           *text,
         gsize                 start)
{
  if (field == LEDE_FIELD_BODY && lede_check_story_in_code (story, start))
    return FALSE;
  return !in_link_target (text, start) && !in_code_span (text, start);
}

static gboolean
word_char_at (const char *text,
              gsize       at)
{
  return lede_style_is_word_char (g_utf8_get_char (text + at));
}

/* Whether the words at @start are copy is asked only of a hit: most
 * words are none, and asking costs a look back along the line. */
static void
look_up (const LedeCheckStory *story,
         GString              *phrase,
         LedeField             field,
         const char           *text,
         gsize                 start,
         gsize                 end,
         GArray               *hits)
{
  LedeStyle *style = story->style;
  GPtrArray *lists[2] = { g_hash_table_lookup (style->exact, phrase->str), NULL };

  if (g_hash_table_size (style->folded) > 0)
    {
      g_autofree char *folded = g_utf8_casefold (phrase->str, phrase->len);

      lists[1] = g_hash_table_lookup (style->folded, folded);
    }
  if ((lists[0] == NULL && lists[1] == NULL) || !is_copy (story, field, text, start))
    return;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; lists[l] && i < lists[l]->len; i++)
      {
        Hit hit = { g_ptr_array_index (lists[l], i), field, start, end };
        g_array_append_val (hits, hit);
      }
}

/* The literal phrases: at each word's start, the runs of 1 … max_words
 * words, joined as lede-style.c joins a rule's (spaces as one, hyphens and
 * apostrophes kept, ’ as '). */
static void
find_phrases (const LedeCheckStory *story,
              LedeField             field,
              const char           *text,
              GArray               *hits)
{
  LedeStyle *style = story->style;
  g_autoptr (GString) phrase = g_string_new (NULL);
  gsize length = strlen (text);

  for (gsize at = 0; at < length; at = g_utf8_next_char (text + at) - text)
    {
      gsize word_start = at;

      if (!word_char_at (text, at) || (at > 0 && word_char_at (text, g_utf8_prev_char (text + at) - text)))
        continue;
      g_string_truncate (phrase, 0);
      for (guint words = 1; ; words++)
        {
          gsize end = word_start, next;
          gboolean space = FALSE, stop = FALSE;
          guint newlines = 0;

          while (end < length && word_char_at (text, end))
            end = g_utf8_next_char (text + end) - text;
          g_string_append_len (phrase, text + word_start, end - word_start);
          look_up (story, phrase, field, text, at, end, hits);
          if (words >= style->max_words)
            break;

          /* What joins this word to the next: spaces (not a blank line),
           * a hyphen or an apostrophe; anything else ends the phrase. */
          for (next = end; next < length && !word_char_at (text, next) && next - end < 8;
               next = g_utf8_next_char (text + next) - text)
            {
              gunichar c = g_utf8_get_char (text + next);

              newlines += c == '\n';
              if (g_unichar_isspace (c))
                {
                  if (!space)
                    g_string_append_c (phrase, ' ');
                  space = TRUE;
                }
              else if (c == '-' || c == '\'' || c == 0x2019)
                {
                  g_string_append_c (phrase, c == 0x2019 ? '\'' : (char)c);
                  space = FALSE;
                }
              else
                {
                  stop = TRUE;
                  break;
                }
            }
          if (stop || next >= length || !word_char_at (text, next) || newlines > 1)
            break;
          word_start = next;
        }
    }
}

static void
find_patterns (const LedeCheckStory *story,
               LedeField             field,
               const char           *text,
               GArray               *hits)
{
  for (guint i = 0; i < story->style->patterns->len; i++)
    {
      LedeStyleSpelling *spelling = g_ptr_array_index (story->style->patterns, i);
      g_autoptr (GMatchInfo) match = NULL;

      g_regex_match (spelling->pattern, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (end > start && is_copy (story, field, text, start))
            {
              Hit hit = { spelling, field, start, end };
              g_array_append_val (hits, hit);
            }
        }
    }
}

static void
add_finding (const LedeCheckStory *story,
             GPtrArray            *findings,
             const LedeStyleRule  *rule,
             LedeField             field,
             gsize                 start,
             gsize                 end,
             const char           *message,
             const char           *fix)
{
  /* TRANSLATORS: a house style finding, then the rule's name */
  g_autofree char *named = g_strdup_printf (_("%s (house style: %s)"), message, rule->name);
  LedeFinding *finding = lede_check_story_add (story, findings, LEDE_CHECK_STYLE, lede_style_rule_get_severity (rule),
                                               field, start, end, named);

  finding->rule = g_strdup (rule->name);
  finding->fix = g_strdup (fix);
}

/* The swap's first value, capitalised as the words found were. */
static char *
dup_fix (const char *value,
         const char *found)
{
  const char *bar = strchr (value, '|');
  char *fix = bar ? g_strndup (value, bar - value) : g_strdup (value);
  gunichar first = g_utf8_get_char (fix);

  if (g_unichar_isupper (g_utf8_get_char (found)) && g_unichar_islower (first))
    {
      char upper[8];
      int n = g_unichar_to_utf8 (g_unichar_toupper (first), upper);
      char *capitalised = g_strdup_printf ("%.*s%s", n, upper, g_utf8_next_char (fix));

      g_free (fix);
      fix = capitalised;
    }
  return fix;
}

static void
report_hit (const LedeCheckStory *story,
            GPtrArray            *findings,
            const Hit            *hit)
{
  const LedeStyleRule *rule = hit->spelling->rule;
  const char *text = lede_check_story_get_text (story, hit->field);
  g_autofree char *found = g_strndup (text + hit->start, hit->end - hit->start);
  g_autofree char *fix = NULL, *message = NULL;

  if (rule->kind == LEDE_STYLE_SUBSTITUTION)
    {
      fix = dup_fix (g_ptr_array_index (rule->values, hit->spelling->index), found);
      if (g_str_equal (fix, found))
        return;
      message = rule->message ? format_message (rule->message, fix, found)
                              : g_strdup_printf (_("Use “%s”, not “%s”"), fix, found);
    }
  else
    {
      if (rule->params->len > 0)
        fix = g_strdup (g_ptr_array_index (rule->params, 0));
      message = rule->message ? format_message (rule->message, found, NULL)
                              : g_strdup_printf (_("Avoid “%s”"), found);
    }
  add_finding (story, findings, rule, hit->field, hit->start, hit->end, message, fix);
}

/* Both spellings of a pair in one story: the rarer is found. */
static void
report_inconsistent (const LedeCheckStory *story,
                     GPtrArray            *findings,
                     GArray               *hits)
{
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  GHashTableIter iter;
  GArray *pair_hits;

  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      char *key;

      if (hit->spelling->rule->kind != LEDE_STYLE_CONSISTENCY)
        continue;
      key = g_strdup_printf ("%p:%u", (gpointer)hit->spelling->rule, hit->spelling->index);
      pair_hits = g_hash_table_lookup (pairs, key);
      if (pair_hits == NULL)
        {
          pair_hits = g_array_new (FALSE, FALSE, sizeof (Hit));
          g_hash_table_insert (pairs, key, pair_hits);
        }
      else
        g_free (key);
      g_array_append_val (pair_hits, *hit);
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&pair_hits))
    {
      guint count[2] = { 0, 0 }, first[2] = { G_MAXUINT, G_MAXUINT }, rarer;
      const Hit *other;
      g_autofree char *fix = NULL;

      for (guint i = 0; i < pair_hits->len; i++)
        {
          guint side = g_array_index (pair_hits, Hit, i).spelling->side;

          count[side]++;
          first[side] = MIN (first[side], i);
        }
      if (count[0] == 0 || count[1] == 0)
        continue;
      rarer = count[0] != count[1] ? (count[1] < count[0]) : (first[1] > first[0]);
      other = &g_array_index (pair_hits, Hit, first[!rarer]);
      fix = g_strndup (lede_check_story_get_text (story, other->field) + other->start, other->end - other->start);
      for (guint i = 0; i < pair_hits->len; i++)
        {
          const Hit *hit = &g_array_index (pair_hits, Hit, i);
          const LedeStyleRule *rule = hit->spelling->rule;
          g_autofree char *found = NULL, *message = NULL;

          if (hit->spelling->side != rarer)
            continue;
          found = g_strndup (lede_check_story_get_text (story, hit->field) + hit->start, hit->end - hit->start);
          message = rule->message ? format_message (rule->message, found, fix)
                                  : g_strdup_printf (_("“%s” here, “%s” elsewhere: one spelling in one story"), found, fix);
          add_finding (story, findings, rule, hit->field, hit->start, hit->end, message, fix);
        }
    }
}

/* Where a sentence ends: . ! ? … and the closing marks after them, then a
 * space; or a blank line. */
static gboolean
ends_unit (const char *text,
           gsize       at,
           const char *scope,
           gsize      *next)
{
  if (text[at] == '\n' && text[at + 1] == '\n')
    {
      *next = at + 2;
      return TRUE;
    }
  if (g_strcmp0 (scope, "sentence") != 0)
    return FALSE;
  if (text[at] == '.' || text[at] == '!' || text[at] == '?' || g_str_has_prefix (text + at, "…"))
    {
      gsize after = g_utf8_next_char (text + at) - text;

      while (text[after] && strchr ("\"')]", text[after]))
        after++;
      while (g_str_has_prefix (text + after, "”") || g_str_has_prefix (text + after, "’") ||
             g_str_has_prefix (text + after, "»") || g_str_has_prefix (text + after, "“"))
        after += 3 - (g_str_has_prefix (text + after, "»") ? 1 : 0);
      if (text[after] == '\0' || g_ascii_isspace (text[after]))
        {
          *next = after;
          return TRUE;
        }
    }
  return FALSE;
}

static void
report_counts (const LedeCheckStory *story,
               GPtrArray            *findings,
               const LedeStyleRule  *rule,
               GRegex               *counter,
               LedeField             field,
               const char           *text)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length = strlen (text), unit = 0, at = 0;
  guint m = 0;
  const char *scope = rule->scope ? rule->scope : "text";

  g_regex_match (counter, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (end > start)
        {
          gsize s = start;
          g_array_append_val (starts, s);
        }
    }

  while (unit < length)
    {
      gsize next = length, end;
      guint count = 0;

      if (!g_str_equal (scope, "text"))
        for (at = unit; at < length; at++)
          if (ends_unit (text, at, scope, &next))
            break;
      end = MIN (at, length);
      if (g_str_equal (scope, "text"))
        end = length;
      while (m < starts->len && g_array_index (starts, gsize, m) < next)
        {
          count++;
          m++;
        }
      while (unit < end && g_ascii_isspace (text[unit]))
        unit++;
      if (count > 0 && is_copy (story, field, text, unit) &&
          ((rule->max >= 0 && count > (guint)rule->max) || (rule->min >= 0 && count < (guint)rule->min)))
        {
          g_autofree char *message = NULL;
          int limit = rule->max >= 0 && count > (guint)rule->max ? rule->max : rule->min;
          gboolean over = rule->max >= 0 && count > (guint)rule->max;
          gsize finish = MIN (next, length);

          while (finish > unit && g_ascii_isspace (text[finish - 1]))
            finish--;
          if (rule->message)
            message = format_message (rule->message, "", NULL);
          else if (g_str_equal (scope, "sentence"))
            message = g_strdup_printf (over ? _("This sentence runs to %u words; house style allows %d")
                                            : _("This sentence has %u words; house style asks for %d"), count, limit);
          else if (g_str_equal (scope, "paragraph"))
            message = g_strdup_printf (over ? _("This graf runs to %u words; house style allows %d")
                                            : _("This graf has %u words; house style asks for %d"), count, limit);
          else
            message = g_strdup_printf (over ? _("%u words; house style allows %d") : _("%u words; house style asks for %d"),
                                       count, limit);
          add_finding (story, findings, rule, field, unit, finish, message, NULL);
        }
      unit = next;
      if (g_str_equal (scope, "text"))
        break;
    }
}

void
lede_check_house_style (const LedeCheckStory *story,
                        GDateTime            *now,
                        GPtrArray            *findings)
{
  g_autoptr (GArray) hits = NULL;

  if (story->style == NULL || story->style->rules->len == 0)
    return;

  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  for (guint f = 0; f < G_N_ELEMENTS (style_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, style_fields[f]);

      if (story->style->max_words > 0)
        find_phrases (story, style_fields[f], text, hits);
      find_patterns (story, style_fields[f], text, hits);
      for (guint r = 0; r < story->style->counted->len; r++)
        report_counts (story, findings, g_ptr_array_index (story->style->counted, r),
                       g_ptr_array_index (story->style->counters, r), style_fields[f], text);
    }
  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);

      if (hit->spelling->rule->kind != LEDE_STYLE_CONSISTENCY)
        report_hit (story, findings, hit);
    }
  report_inconsistent (story, findings, hits);
}
