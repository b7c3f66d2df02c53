/* lede-check-names.c: one name, two spellings.
 *
 * The names are capitalised words of at least four letters, not all
 * capitals; of two spellings, one at least must be found somewhere other
 * than at the start of a sentence or in the headline (so "When" and
 * "Then" are not a name). Two of them are one name spelt two ways
 * when:
 *   - one letter differs, is doubled, dropped or swapped with its
 *     neighbour (Smyth / Smith, Zelensky / Zelenskyy, Lenoard / Leonard),
 *     for names of five letters or more; or
 *   - they read the same once doubled letters are single and common
 *     transliteration variants are one (y/i, ph/f, ck/k, w/v, ou/u,
 *     tch/ch): Tchaikovsky / Chaikovski.
 * A plural or an adjective is not a second spelling (Americans, Russian:
 * an ending of s, es, n, an or ns). A word that is close to a part of a
 * linked source's name but not the same is flagged against the source.
 *
 * Candidates are paired through shared keys (the spelling with each one
 * letter deleted, and the transliteration skeleton), so a long story's
 * thousands of names are compared in linear time, not pair by pair.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-checks.h"

#define MIN_NAME_CHARS      4
#define MIN_EDIT_CHARS      5
/* Where each spelling is used: this many places are named, then "…". */
#define MAX_PLACES          3
/* A story that trips this many is not a story of near-twins: stop there. */
#define MAX_NAME_FINDINGS   30
/* No name is longer: a longer word gets no deletion keys, which cost the
 * square of its length. */
#define MAX_EDIT_CHARS      40
/* Spellings compared pair by pair under one key: a story has a handful;
 * more are a list of look-alikes, not one name spelt two ways. */
#define MAX_BUCKET          64

typedef struct {
  char      *word;        /* as written */
  char      *folded;
  gunichar  *chars;       /* folded, as characters */
  glong      n_chars;
  guint      count;
  gboolean   mid_sentence;
  char      *source;      /* the linked source whose name it is part of */
  LedeField  field;       /* where it is first used */
  gsize      start, end;
  GString   *places;
  guint      n_places;
  char      *last_place;
} Spelling;

static void
spelling_free (Spelling *spelling)
{
  g_free (spelling->word);
  g_free (spelling->folded);
  g_free (spelling->chars);
  g_free (spelling->source);
  g_string_free (spelling->places, TRUE);
  g_free (spelling->last_place);
  g_free (spelling);
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) || c == '\'' || c == 0x2019 || c == '-';
}

/* Whether the word at @at starts a sentence: only marks, spaces or
 * Markdown lie between it and the start, a line break or . ! ? : */
static gboolean
starts_sentence (const char *text,
                 const char *at)
{
  const char *p = at;

  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':')
        return TRUE;
      if (!(g_unichar_isspace (c) || (c < 128 && strchr ("\"'*_#>-()[]", (int)c)) || c == 0x201C || c == 0x2018 ||
            c == 0x2014 || c == 0x2013 || g_unichar_isdigit (c)))
        return FALSE;
      p = prev;
    }
  return TRUE;
}

/* The name without a possessive: Tallis's, Tallis’s, the Smiths’ */
static gsize
without_possessive (const char *word,
                    gsize       len)
{
  if (len > 2 && word[len - 2] == '\'' && word[len - 1] == 's')
    return len - 2;
  if (len > 4 && strncmp (word + len - 4, "’s", 4) == 0)
    return len - 4;
  if (len > 1 && (word[len - 1] == '\'' || word[len - 1] == '-'))
    return len - 1;
  if (len > 3 && strncmp (word + len - 3, "’", 3) == 0)
    return len - 3;
  return len;
}

static char *
place_name (const LedeCheckStory *story,
            LedeField             field,
            gsize                 start)
{
  guint line, graf;

  if (field == LEDE_FIELD_HEADLINE)
    return g_strdup (_("headline"));
  if (field == LEDE_FIELD_STANDFIRST)
    return g_strdup (_("standfirst"));
  lede_check_story_locate (story, start, &line, &graf, NULL);
  return graf ? g_strdup_printf (_("graf %u"), graf) : g_strdup_printf (_("line %u"), line);
}

static Spelling *
spelling_new (const char *word)
{
  Spelling *spelling = g_new0 (Spelling, 1);

  spelling->word = g_strdup (word);
  spelling->folded = g_utf8_casefold (word, -1);
  spelling->chars = g_utf8_to_ucs4_fast (spelling->folded, -1, &spelling->n_chars);
  spelling->places = g_string_new (NULL);
  return spelling;
}

/* A capitalised word that may be a name: counted, with where it stands. */
static void
note_name (const LedeCheckStory *story,
           LedeField             field,
           const char           *text,
           const char           *word,
           gsize                 len,
           GHashTable           *spellings)
{
  g_autofree char *name = g_strndup (word, len);
  g_autofree char *place = NULL;
  Spelling *spelling;

  if (!(spelling = g_hash_table_lookup (spellings, name)))
    {
      spelling = spelling_new (name);
      spelling->field = field;
      spelling->start = word - text;
      spelling->end = spelling->start + len;
      g_hash_table_insert (spellings, spelling->word, spelling);
    }
  spelling->count++;
  /* A headline is in title case: its capitals prove nothing. */
  if (field != LEDE_FIELD_HEADLINE && !starts_sentence (text, word))
    spelling->mid_sentence = TRUE;
  place = place_name (story, field, word - text);
  if (g_strcmp0 (place, spelling->last_place) != 0)
    {
      if (spelling->n_places < MAX_PLACES)
        g_string_append_printf (spelling->places, "%s%s", spelling->n_places ? ", " : "", place);
      else if (spelling->n_places == MAX_PLACES)
        g_string_append (spelling->places, ", …");
      spelling->n_places++;
      g_free (spelling->last_place);
      spelling->last_place = g_steal_pointer (&place);
    }
}

/* Nothing is allocated for a word that is no name: a story is mostly
 * such words. */
static void
collect (const LedeCheckStory *story,
         LedeField             field,
         const char           *text,
         GHashTable           *spellings)
{
  for (const char *p = text; *p;)
    {
      const char *word = p;
      gunichar first = g_utf8_get_char (p);
      gboolean lower = FALSE;
      gsize len;

      if (!g_unichar_isalpha (first) || (p > text && is_name_char (g_utf8_get_char (g_utf8_prev_char (p)))))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      while (*p && is_name_char (g_utf8_get_char (p)))
        {
          lower = lower || g_unichar_islower (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      if (!g_unichar_isupper (first) || !lower)
        continue;
      len = without_possessive (word, p - word);
      if (g_utf8_strlen (word, len) < MIN_NAME_CHARS)
        continue;
      if (field == LEDE_FIELD_BODY && lede_check_story_in_code (story, word - text))
        continue;
      note_name (story, field, text, word, len, spellings);
    }
}

/* Doubled letters single, and the common transliteration variants one. */
static char *
skeleton (const char *folded)
{
  static const struct { const char *from, *to; } variants[] = {
    { "tch", "ch" }, { "ph", "f" }, { "ck", "k" }, { "ou", "u" }, { "y", "i" }, { "w", "v" },
  };
  g_autoptr (GString) out = g_string_new (folded);
  GString *single = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    g_string_replace (out, variants[i].from, variants[i].to, 0);
  for (const char *p = out->str; *p; p = g_utf8_next_char (p))
    if (p == out->str || g_utf8_get_char (p) != g_utf8_get_char (g_utf8_prev_char (p)))
      g_string_append_unichar (single, g_utf8_get_char (p));
  return g_string_free (single, FALSE);
}

/* One letter changed, added, dropped, or two neighbours swapped. */
static gboolean
one_edit_apart (const Spelling *a,
                const Spelling *b)
{
  const gunichar *x = a->chars, *y = b->chars;
  glong n = a->n_chars, m = b->n_chars, i = 0;

  if (ABS (n - m) > 1)
    return FALSE;
  while (i < n && i < m && x[i] == y[i])
    i++;
  if (n == m)
    {
      glong j = n - 1;

      while (j > i && x[j] == y[j])
        j--;
      return j == i || (j == i + 1 && x[i] == y[j] && x[j] == y[i]);
    }
  if (n > m)
    return memcmp (x + i + 1, y + i, (m - i) * sizeof (gunichar)) == 0;
  return memcmp (x + i, y + i + 1, (n - i) * sizeof (gunichar)) == 0;
}

/* Americans / American, Russia / Russian: an ending, not a misspelling. */
static gboolean
is_inflection (const Spelling *a,
               const Spelling *b)
{
  static const char * const endings[] = { "s", "es", "n", "an", "ns", NULL };
  const Spelling *shorter = strlen (a->folded) < strlen (b->folded) ? a : b;
  const Spelling *longer = shorter == a ? b : a;

  if (!g_str_has_prefix (longer->folded, shorter->folded))
    return FALSE;
  return g_strv_contains (endings, longer->folded + strlen (shorter->folded));
}

static gboolean
alike (const Spelling *a,
       const Spelling *b)
{
  g_autofree char *sa = NULL, *sb = NULL;

  if (g_str_equal (a->folded, b->folded) || is_inflection (a, b))
    return FALSE;
  if (MIN (a->n_chars, b->n_chars) >= MIN_EDIT_CHARS && one_edit_apart (a, b))
    return TRUE;
  sa = skeleton (a->folded);
  sb = skeleton (b->folded);
  return g_str_equal (sa, sb);
}

static void
add_key (GHashTable *buckets,
         char       *key,
         Spelling   *spelling)
{
  GPtrArray *bucket = g_hash_table_lookup (buckets, key);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (buckets, key, bucket);
    }
  else
    g_free (key);
  if ((bucket->len == 0 || g_ptr_array_index (bucket, bucket->len - 1) != spelling) && bucket->len < MAX_BUCKET)
    g_ptr_array_add (bucket, spelling);
}

static void
add_keys (GHashTable *buckets,
          Spelling   *spelling)
{
  g_autofree char *skeleton_of = skeleton (spelling->folded);

  add_key (buckets, g_strconcat ("s:", skeleton_of, NULL), spelling);
  if (spelling->n_chars < MIN_EDIT_CHARS - 1 || spelling->n_chars > MAX_EDIT_CHARS + 1)
    return;
  add_key (buckets, g_strconcat ("d:", spelling->folded, NULL), spelling);
  for (glong i = 0; i < spelling->n_chars; i++)
    {
      GString *key = g_string_new ("d:");

      for (glong j = 0; j < spelling->n_chars; j++)
        if (j != i)
          g_string_append_unichar (key, spelling->chars[j]);
      add_key (buckets, g_string_free (key, FALSE), spelling);
    }
}

static void
report (const LedeCheckStory *story,
        GPtrArray            *findings,
        const Spelling       *odd,
        const Spelling       *other)
{
  g_autofree char *message = NULL;

  if (other->source && !odd->source)
    message = g_strdup_printf (_("“%s” (%s) is close to the source “%s”: is it the same person, spelt differently?"),
                               odd->word, odd->places->str, other->source);
  else
    message = g_strdup_printf (_("“%s” (%s) and “%s” (%s): one name spelt two ways?"),
                               other->word, other->places->str, odd->word, odd->places->str);
  lede_check_story_add (story, findings, LEDE_CHECK_NAMES, LEDE_SEVERITY_WARNING, odd->field,
                        odd->start, odd->end, message);
}

/* Which of two spellings is the odd one: never a source's; else the rarer;
 * else the one met later. */
static gboolean
is_odd_one (const Spelling *a,
            const Spelling *b)
{
  if (a->source || b->source)
    return b->source != NULL;
  if (a->count != b->count)
    return a->count < b->count;
  if (a->field != b->field)
    return a->field == LEDE_FIELD_BODY || (a->field == LEDE_FIELD_STANDFIRST && b->field == LEDE_FIELD_HEADLINE);
  return a->start > b->start;
}

/**
 * lede_check_names:
 *
 * Names that differ slightly within a story, and a name that nearly
 * matches a linked source's (the rules are at the top of
 * lede-check-names.c). The finding names both spellings and where each
 * is used, and points at the odd one.
 */
void
lede_check_names (const LedeCheckStory *story,
                  GDateTime            *now,
                  GPtrArray            *findings)
{
  g_autoptr (GHashTable) spellings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)spelling_free);
  g_autoptr (GHashTable) buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GHashTable) paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)spelling_free);
  g_autoptr (GHashTable) by_folded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) source_parts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  Spelling *spelling;
  GPtrArray *bucket;
  guint found = 0;

  collect (story, LEDE_FIELD_HEADLINE, story->headline, spellings);
  collect (story, LEDE_FIELD_STANDFIRST, story->standfirst, spellings);
  collect (story, LEDE_FIELD_BODY, story->body, spellings);

  /* The linked sources' names are spelt right by definition. */
  for (guint i = 0; i < story->sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (story->sources, i);
      g_auto (GStrv) parts = g_strsplit_set (source->name, " \t", -1);

      for (guint p = 0; parts[p]; p++)
        {
          Spelling *in_story;

          /* A part shared by many sources ("Ward", "Council") is one
           * spelling, the first source's: two source names alike are two
           * people, never a finding. A part that is not a word ("2026")
           * is never close to a name. */
          if (g_utf8_strlen (parts[p], -1) < MIN_NAME_CHARS || !g_unichar_isalpha (g_utf8_get_char (parts[p])) ||
              g_hash_table_contains (source_parts, parts[p]))
            continue;
          if ((in_story = g_hash_table_lookup (spellings, parts[p])))
            {
              g_free (in_story->source);
              in_story->source = g_strdup (source->name);
              continue;
            }
          spelling = spelling_new (parts[p]);
          spelling->source = g_strdup (source->name);
          spelling->mid_sentence = TRUE;
          g_ptr_array_add (sources, spelling);
          g_hash_table_add (source_parts, spelling->word);
        }
    }

  /* The same name in other capitals ("McAdam", "Mcadam") is never a second
   * spelling of itself (alike() says so), so one of them stands for all in
   * the keys: the source's, else the most used, else the first. Without
   * this every pair of a thousand capitalisations would be compared. */
  g_hash_table_iter_init (&iter, spellings);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&spelling))
    {
      Spelling *standing = g_hash_table_lookup (by_folded, spelling->folded);

      if (standing == NULL || !is_odd_one (spelling, standing))
        g_hash_table_insert (by_folded, spelling->folded, spelling);
      if (standing != NULL)
        {
          Spelling *kept = g_hash_table_lookup (by_folded, spelling->folded);
          Spelling *other = kept == spelling ? standing : spelling;

          kept->mid_sentence = kept->mid_sentence || other->mid_sentence;
        }
    }
  g_hash_table_iter_init (&iter, by_folded);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&spelling))
    add_keys (buckets, spelling);
  for (guint i = 0; i < sources->len; i++)
    add_keys (buckets, g_ptr_array_index (sources, i));

  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&bucket) && found < MAX_NAME_FINDINGS)
    for (guint i = 0; i < bucket->len; i++)
      for (guint j = i + 1; j < bucket->len && found < MAX_NAME_FINDINGS; j++)
        {
          Spelling *a = g_ptr_array_index (bucket, i), *b = g_ptr_array_index (bucket, j);
          Spelling *odd = is_odd_one (a, b) ? a : b;
          Spelling *other = odd == a ? b : a;
          g_autofree char *pair = NULL;

          /* Two source names alike are two people; a source's name is never
           * odd; and one of the two must be a name for sure, capitalised
           * where a sentence does not start. */
          if ((a->source && b->source) || odd->count == 0 || !(a->mid_sentence || b->mid_sentence) || !alike (a, b))
            continue;
          pair = g_strdup_printf ("%s\x1f%s", odd->word, other->word);
          if (!g_hash_table_add (paired, g_steal_pointer (&pair)))
            continue;
          report (story, findings, odd, other);
          found++;
        }
}
