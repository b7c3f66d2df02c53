/* lede-diff.c: what changed between two versions of a text, word by word.
 *
 * The texts are cut into tokens: a word (letters, digits, and the
 * apostrophes and hyphens inside one, and the separators inside a number:
 * "100,000", "3.5", "9:30", German "100.000" and "3,5"), a run of spaces,
 * or one other character. The token sequences are compared patience-style:
 * what the two share at the start and the end is the same; in between, the
 * tokens found exactly once in each, in the same order (the longest such
 * run), anchor the rest, which is compared again between anchors; a stretch
 * with no anchor is compared exactly (longest common subsequence) when it
 * is small enough, else taken as deleted and inserted whole. So two 100,000-
 * word bodies compare in well under a second however much changed, and
 * applying the result to the old text always gives the new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-diff.h"

/* Past this many cells (old tokens × new tokens), a stretch without an
 * anchor is not compared exactly. */
#define MAX_EXACT_CELLS (1024 * 1024)
/* Anchors within anchors this deep (text shuffled, not edited) are not
 * looked for: the stack stays small whatever the texts. */
#define MAX_DEPTH 64

typedef struct {
  gsize start, length;  /* bytes */
  guint id;             /* equal tokens have equal ids */
} Token;

typedef struct {
  const char *old_text, *new_text;
  gsize       old_length, new_length;
  GArray     *a, *b;       /* of Token */
  GArray     *spans;       /* of LedeDiffSpan, the result */
  GHashTable *ids;         /* token text → id */
} Diff;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || c == '-';
}

/* A comma, full stop or colon between two digits is inside a number, in
 * English and German alike, so "100,000" changed to "120,000" is one word
 * replaced, not "100" beside an unchanged ",000". */
static gboolean
is_number_separator (gunichar    previous,
                     const char *p)
{
  return (*p == ',' || *p == '.' || *p == ':') && g_unichar_isdigit (previous) &&
         g_unichar_isdigit (g_utf8_get_char (p + 1));
}

static GArray *
tokenize (Diff       *diff,
          const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  for (const char *p = text; *p;)
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);
      Token token;
      char *key;
      gpointer id;

      if (is_word_char (c))
        {
          gunichar previous = 0;

          while (*p && (is_word_char (c = g_utf8_get_char (p)) || is_number_separator (previous, p)))
            {
              previous = c;
              p = g_utf8_next_char (p);
            }
        }
      else if (g_unichar_isspace (c))
        while (*p && g_unichar_isspace (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      else
        p = g_utf8_next_char (p);
      token.start = start - text;
      token.length = p - start;
      key = g_strndup (start, p - start);
      if (!g_hash_table_lookup_extended (diff->ids, key, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (diff->ids) + 1);
          g_hash_table_insert (diff->ids, key, id);
        }
      else
        g_free (key);
      token.id = GPOINTER_TO_UINT (id);
      g_array_append_val (tokens, token);
    }
  return tokens;
}

#define A(i) g_array_index (diff->a, Token, (i))
#define B(j) g_array_index (diff->b, Token, (j))

/* Adds a run of @n tokens, joined to the last span when it is of its kind. */
static void
emit (Diff         *diff,
      LedeDiffKind  kind,
      guint         i,
      guint         j,
      guint         n_old,
      guint         n_new)
{
  LedeDiffSpan span = { kind, 0, 0, 0, 0, -1 };
  LedeDiffSpan *last = diff->spans->len ? &g_array_index (diff->spans, LedeDiffSpan, diff->spans->len - 1) : NULL;

  if (n_old == 0 && n_new == 0)
    return;
  if (n_old)
    {
      span.old_start = A (i).start;
      span.old_length = A (i + n_old - 1).start + A (i + n_old - 1).length - span.old_start;
    }
  else
    span.old_start = i < diff->a->len ? A (i).start : diff->old_length;
  if (n_new)
    {
      span.new_start = B (j).start;
      span.new_length = B (j + n_new - 1).start + B (j + n_new - 1).length - span.new_start;
    }
  else
    span.new_start = j < diff->b->len ? B (j).start : diff->new_length;
  if (last && last->kind == kind && last->old_start + last->old_length == span.old_start &&
      last->new_start + last->new_length == span.new_start)
    {
      last->old_length += span.old_length;
      last->new_length += span.new_length;
      return;
    }
  g_array_append_val (diff->spans, span);
}

static void
emit_changed (Diff  *diff,
              guint  i,
              guint  i_end,
              guint  j,
              guint  j_end)
{
  emit (diff, LEDE_DIFF_DELETED, i, j, i_end - i, 0);
  emit (diff, LEDE_DIFF_INSERTED, i_end, j, 0, j_end - j);
}

/* The longest common subsequence, exactly, for a small stretch. */
static void
compare_exactly (Diff  *diff,
                 guint  i0,
                 guint  i1,
                 guint  j0,
                 guint  j1)
{
  guint n = i1 - i0, m = j1 - j0;
  g_autofree guint *table = g_new0 (guint, (gsize)(n + 1) * (m + 1));
  guint i = 0, j = 0;

#define T(x, y) table[(gsize)(x) * (m + 1) + (y)]
  /* T(x, y): the LCS of a[x..n) and b[y..m), filled from the end. */
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      T (x, y) = A (i0 + x).id == B (j0 + y).id ? T (x + 1, y + 1) + 1 : MAX (T (x + 1, y), T (x, y + 1));
  while (i < n || j < m)
    {
      if (i < n && j < m && A (i0 + i).id == B (j0 + j).id)
        {
          emit (diff, LEDE_DIFF_SAME, i0 + i, j0 + j, 1, 1);
          i++, j++;
        }
      else if (j < m && (i == n || T (i, j + 1) >= T (i + 1, j)))
        {
          emit (diff, LEDE_DIFF_INSERTED, i0 + i, j0 + j, 0, 1);
          j++;
        }
      else
        {
          emit (diff, LEDE_DIFF_DELETED, i0 + i, j0 + j, 1, 0);
          i++;
        }
    }
#undef T
}

typedef struct { guint i, j; } Anchor;

/* The tokens found once in each range, paired, in the longest run that
 * keeps the same order in both (patience sorting). */
static GArray *
find_anchors (Diff  *diff,
              guint  i0,
              guint  i1,
              guint  j0,
              guint  j1)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);  /* id → (count in a) | (count in b) << 2 */
  g_autoptr (GHashTable) where = g_hash_table_new (NULL, NULL);   /* id → index in a */
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autoptr (GArray) piles = g_array_new (FALSE, FALSE, sizeof (guint));   /* pair index on top of each pile */
  g_autofree guint *back = NULL;
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));

  for (guint i = i0; i < i1; i++)
    {
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (A (i).id)));
      g_hash_table_insert (counts, GUINT_TO_POINTER (A (i).id), GUINT_TO_POINTER (MIN ((c & 3) + 1, 2) | (c & ~3u)));
      g_hash_table_insert (where, GUINT_TO_POINTER (A (i).id), GUINT_TO_POINTER (i));
    }
  for (guint j = j0; j < j1; j++)
    {
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (B (j).id)));
      g_hash_table_insert (counts, GUINT_TO_POINTER (B (j).id), GUINT_TO_POINTER ((c & 3) | (MIN ((c >> 2) + 1, 2) << 2)));
    }
  /* In the new text's order, each token once in both. */
  for (guint j = j0; j < j1; j++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (B (j).id))) == (1 | 1 << 2))
      {
        Anchor pair = { GPOINTER_TO_UINT (g_hash_table_lookup (where, GUINT_TO_POINTER (B (j).id))), j };
        g_array_append_val (pairs, pair);
      }
  if (pairs->len == 0)
    return anchors;

  /* The longest increasing run of old positions. */
  back = g_new (guint, pairs->len);
  for (guint p = 0; p < pairs->len; p++)
    {
      guint lo = 0, hi = piles->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (pairs, Anchor, g_array_index (piles, guint, mid)).i < g_array_index (pairs, Anchor, p).i)
            lo = mid + 1;
          else
            hi = mid;
        }
      back[p] = lo > 0 ? g_array_index (piles, guint, lo - 1) : G_MAXUINT;
      if (lo == piles->len)
        g_array_append_val (piles, p);
      else
        g_array_index (piles, guint, lo) = p;
    }
  g_array_set_size (anchors, piles->len);
  for (guint p = g_array_index (piles, guint, piles->len - 1), k = piles->len; k-- > 0; p = back[p])
    g_array_index (anchors, Anchor, k) = g_array_index (pairs, Anchor, p);
  return anchors;
}

static void
compare (Diff  *diff,
         guint  i0,
         guint  i1,
         guint  j0,
         guint  j1,
         guint  depth)
{
  g_autoptr (GArray) anchors = NULL;
  guint prefix = 0, suffix = 0;

  while (i0 + prefix < i1 && j0 + prefix < j1 && A (i0 + prefix).id == B (j0 + prefix).id)
    prefix++;
  emit (diff, LEDE_DIFF_SAME, i0, j0, prefix, prefix);
  i0 += prefix, j0 += prefix;
  while (i1 - suffix > i0 && j1 - suffix > j0 && A (i1 - suffix - 1).id == B (j1 - suffix - 1).id)
    suffix++;

  if (i0 == i1 - suffix || j0 == j1 - suffix)
    emit_changed (diff, i0, i1 - suffix, j0, j1 - suffix);
  else if (depth < MAX_DEPTH && (anchors = find_anchors (diff, i0, i1 - suffix, j0, j1 - suffix))->len > 0)
    {
      guint i = i0, j = j0;

      for (guint k = 0; k < anchors->len; k++)
        {
          Anchor *anchor = &g_array_index (anchors, Anchor, k);

          compare (diff, i, anchor->i, j, anchor->j, depth + 1);
          emit (diff, LEDE_DIFF_SAME, anchor->i, anchor->j, 1, 1);
          i = anchor->i + 1, j = anchor->j + 1;
        }
      compare (diff, i, i1 - suffix, j, j1 - suffix, depth + 1);
    }
  else if ((gsize)(i1 - suffix - i0) * (j1 - suffix - j0) <= MAX_EXACT_CELLS)
    compare_exactly (diff, i0, i1 - suffix, j0, j1 - suffix);
  else
    emit_changed (diff, i0, i1 - suffix, j0, j1 - suffix);
  emit (diff, LEDE_DIFF_SAME, i1 - suffix, j1 - suffix, suffix, suffix);
}

/**
 * lede_diff_words:
 *
 * Returns: (transfer full) (element-type LedeDiffSpan): the runs of the
 *   two texts, same, deleted and inserted, in reading order
 */
GArray *
lede_diff_words (const char *old_text,
                 const char *new_text)
{
  Diff diff = { old_text ? old_text : "", new_text ? new_text : "", 0, 0, NULL, NULL, NULL, NULL };

  diff.old_length = strlen (diff.old_text);
  diff.new_length = strlen (diff.new_text);
  diff.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  diff.a = tokenize (&diff, diff.old_text);
  diff.b = tokenize (&diff, diff.new_text);
  diff.spans = g_array_new (FALSE, FALSE, sizeof (LedeDiffSpan));
  compare (&diff, 0, diff.a->len, 0, diff.b->len, 0);
  g_array_unref (diff.a);
  g_array_unref (diff.b);
  g_hash_table_unref (diff.ids);
  return diff.spans;
}

/**
 * lede_diff_apply:
 *
 * Returns: (transfer full): the old text with the deleted runs taken out
 *   and the inserted ones put in: the new text, when @spans is right
 */
char *
lede_diff_apply (const char *old_text,
                 const char *new_text,
                 GArray     *spans)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, k);

      if (span->kind == LEDE_DIFF_SAME)
        g_string_append_len (out, old_text + span->old_start, span->old_length);
      else if (span->kind == LEDE_DIFF_INSERTED)
        g_string_append_len (out, new_text + span->new_start, span->new_length);
    }
  return g_string_free (out, FALSE);
}

/* The words of @text that @kind's spans change, a word as the panel counts
 * it (lede_markdown_count_words()): a run between spaces that holds a
 * letter or a digit, so "£1,200", "1,000-strong" and "and/or" are one word
 * each. A word is counted once however many of its pieces changed, and only
 * when a letter or digit of it did: a comma changed to a full stop is no
 * word. So inserting a whole text counts what the panel counts. */
static guint
count_words (const char   *text,
             GArray       *spans,
             LedeDiffKind  kind)
{
  const char *counted_to = text;  /* the end of the last word counted */
  guint words = 0;

  for (guint k = 0; k < spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, k);
      const char *p = text + (kind == LEDE_DIFF_DELETED ? span->old_start : span->new_start);
      const char *end = p + (kind == LEDE_DIFF_DELETED ? span->old_length : span->new_length);

      if (span->kind != kind)
        continue;
      for (p = MAX (p, counted_to); p < end; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            words++;
            while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
              p = g_utf8_next_char (p);
            counted_to = p;
            if (p >= end)
              break;
          }
    }
  return words;
}

/* How many words were deleted and inserted: the "text alternative" to the
 * colours a diff is shown in. */
void
lede_diff_count (const char *old_text,
                 const char *new_text,
                 GArray     *spans,
                 guint      *deleted_words,
                 guint      *inserted_words)
{
  *deleted_words = count_words (old_text, spans, LEDE_DIFF_DELETED);
  *inserted_words = count_words (new_text, spans, LEDE_DIFF_INSERTED);
}
