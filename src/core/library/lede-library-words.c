/* lede-library-words.c: every word of the search index, once, so that
 * a prefix is searched as the words it begins.
 *
 * The index has prefix indexes of two and three letters. For a longer
 * prefix ("tendo*") FTS5 merges the lists of every word that begins so
 * into one, whole, before the first hit: for a word in every story that
 * is a tenth of a second at 100,000 stories, ten times more at a million,
 * and a search runs it three times. Asked instead as the words themselves
 * ("tendon" OR "tendril"), FTS5 reads each list newest first and stops at
 * the last hit wanted.
 *
 * search_words holds the words. Triggers queue each story and tag whose
 * words may be new (search_words_due, search_words_due_tags); a tidy step
 * reads them with the index's own tokenizer and notes their words. A
 * search that finds a few still queued (the story being written) reads
 * their words itself; finding many (a library just migrated, a large
 * import not yet tidied) it leaves prefixes to FTS5: slower, as right.
 * Words are never taken out: one no story holds any more costs a search
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"
#include "lede-search-rank.h"

/* Stories a statement reads; a step reads batches within LEDE_TIDY_STEP_US. */
#define BATCH   20
/* More queued than this, a search leaves prefixes to FTS5. */
#define DUE_READ_AT_SEARCH 32
/* A prefix beginning more words than this is left to FTS5 too: past a few
 * hundred lists, opening them all costs what merging them does. */
#define MOST_WORDS 256
/* Prefixes this long and longer have no prefix index (schema: '2 3'). */
#define UNINDEXED_PREFIX 4

/* The search index's tokenizer, as its schema names it. */
typedef struct {
  fts5_tokenizer api;
  Fts5Tokenizer *tokenizer;
} Tokenizer;

static void
tokenizer_free (Tokenizer *tokenizer)
{
  if (tokenizer->tokenizer != NULL)
    tokenizer->api.xDelete (tokenizer->tokenizer);
  g_free (tokenizer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tokenizer, tokenizer_free)

static Tokenizer *
tokenizer_new (LedeLibrary *self)
{
  const char *args[] = { "remove_diacritics", "2" };
  g_autoptr (Tokenizer) tokenizer = g_new0 (Tokenizer, 1);
  fts5_api *fts5 = lede_search_fts5_api (self->db);
  void *user_data = NULL;

  if (fts5 == NULL ||
      fts5->xFindTokenizer (fts5, "unicode61", &user_data, &tokenizer->api) != SQLITE_OK ||
      tokenizer->api.xCreate (user_data, args, G_N_ELEMENTS (args), &tokenizer->tokenizer) != SQLITE_OK)
    return NULL;
  return g_steal_pointer (&tokenizer);
}

static int
add_token (void       *data,
           int         flags,
           const char *token,
           int         n_token,
           int         start,
           int         end)
{
  GHashTable *words = data;

  if (n_token > 0)
    g_hash_table_add (words, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* Adds @text's words, as the index holds them, to the set @words. */
static void
tokenize (Tokenizer  *tokenizer,
          const char *text,
          int         flags,
          GHashTable *words)
{
  if (text != NULL && *text != '\0')
    tokenizer->api.xTokenize (tokenizer->tokenizer, words, flags, text, (int)strlen (text), add_token);
}

static GHashTable *
word_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The words of the queued stories and tags read by @sql (text columns). */
static gboolean
read_due_words (LedeLibrary  *self,
                Tokenizer    *tokenizer,
                const char   *sql,
                GHashTable   *words,
                GArray       *ids,
                GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int column = 1; column < sqlite3_column_count (stmt); column++)
        tokenize (tokenizer, (const char *)sqlite3_column_text (stmt, column), FTS5_TOKENIZE_DOCUMENT, words);
      if (ids != NULL)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the library"));
  return TRUE;
}

#define DUE_STORIES(limit) \
  "SELECT d.article_id, a.headline, a.standfirst, a.body FROM search_words_due AS d " \
  "LEFT JOIN articles AS a ON a.id = d.article_id ORDER BY d.article_id LIMIT " limit
#define DUE_TAGS(limit) \
  "SELECT d.tag_id, t.name FROM search_words_due_tags AS d " \
  "LEFT JOIN tags AS t ON t.id = d.tag_id ORDER BY d.tag_id LIMIT " limit

/* Notes the words of the next few queued stories (or tags) and takes
 * them off their queue; *@left is FALSE once both queues are empty. */
static gboolean
note_some (LedeLibrary  *self,
           Tokenizer    *tokenizer,
           gboolean     *left,
           GError      **error)
{
  const char *what = _("Could not note the words of the search index");
  g_autoptr (GHashTable) words = word_set_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean tags = FALSE;
  GHashTableIter iter;
  gpointer word;

  if (!read_due_words (self, tokenizer, DUE_STORIES (G_STRINGIFY (BATCH)), words, ids, error))
    return FALSE;
  if (ids->len == 0)
    {
      tags = TRUE;
      if (!read_due_words (self, tokenizer, DUE_TAGS ("100"), words, ids, error))
        return FALSE;
    }
  *left = ids->len > 0;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (!_lede_library_write_one (self, "INSERT OR IGNORE INTO search_words (word) VALUES (?3)", 0, 0, word, what,
                                  error))
      return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!_lede_library_write_one (self, tags ? "DELETE FROM search_words_due_tags WHERE tag_id = ?1"
                                             : "DELETE FROM search_words_due WHERE article_id = ?1",
                                  g_array_index (ids, gint64, i), 0, NULL, what, error))
      return FALSE;
  return TRUE;
}

/**
 * _lede_library_words_step:
 * @done: (out): %TRUE when no story's words wait to be noted
 *
 * One step of noting the search index's new words, a transaction of its
 * own. A reader does nothing.
 */
gboolean
_lede_library_words_step (LedeLibrary  *self,
                          gboolean     *done,
                          GError      **error)
{
  const char *what = _("Could not note the words of the search index");
  g_autoptr (Tokenizer) tokenizer = NULL;
  LedeStepClock clock;
  gboolean left = TRUE;

  /* From the start: the dictionary's and the lock's time count too. */
  _lede_library_step_clock_start (&clock, LEDE_TIDY_STEP_US, g_get_monotonic_time ());
  *done = TRUE;
  if (self->read_only || self->damaged || self->schema_version < LEDE_LIBRARY_WORDS_SCHEMA)
    return TRUE;
  if (!(tokenizer = tokenizer_new (self)))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, "%s", what);
      return FALSE;
    }
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  do
    {
      if (!note_some (self, tokenizer, &left, error))
        {
          _lede_library_rollback (self);
          return FALSE;
        }
    }
  while (left && _lede_library_step_clock_has_room (&clock, g_get_monotonic_time ()));
  if (!_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  *done = !left;
  return TRUE;
}

/**
 * _lede_library_words_progress:
 *
 * Counted from the first story waiting when many began to, which the
 * library keeps while it is open (opened again, it counts what is left).
 *
 * Returns: how far the noting of many stories' words has got, from 0 to
 *   1, or -1 when only a few wait (searches read those themselves)
 */
double
_lede_library_words_progress (LedeLibrary *self)
{
  gint64 due = 0, first = 0, last = 0;

  if (self->schema_version < LEDE_LIBRARY_WORDS_SCHEMA ||
      !_lede_library_query_int (self, "SELECT count(*) FROM (SELECT 1 FROM search_words_due LIMIT "
                                      G_STRINGIFY (DUE_READ_AT_SEARCH) " + 1)", &due, NULL) ||
      due <= DUE_READ_AT_SEARCH ||
      /* Stories are read in id order: the first waiting says how far. */
      !_lede_library_query_int (self, "SELECT min (article_id) FROM search_words_due", &first, NULL) ||
      !_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, NULL))
    {
      self->words_due_from = 0;
      return -1;
    }
  if (self->words_due_from == 0)
    self->words_due_from = first;
  else if (first < self->words_due_from)
    {
      gint64 older = 0;

      /* Many older stories waiting since (a restore) are more work: from
       * them. A few stray ones are noted first, in id order, and would
       * send the bar to the end at once: they are not counted. */
      if (!_lede_library_query_int_by_id (self, "SELECT count(*) FROM (SELECT 1 FROM search_words_due "
                                                "WHERE article_id < ?1 LIMIT " G_STRINGIFY (DUE_READ_AT_SEARCH) " + 1)",
                                          self->words_due_from, &older, NULL) ||
          older > DUE_READ_AT_SEARCH)
        self->words_due_from = first;
      else if (!_lede_library_query_int_by_id (self, "SELECT min (article_id) FROM search_words_due "
                                                     "WHERE article_id >= ?1",
                                               self->words_due_from, &first, NULL))
        return -1;
    }
  return last >= self->words_due_from
    ? CLAMP ((double)(first - self->words_due_from) / (last - self->words_due_from + 1), 0.0, 1.0)
    : 0.0;
}

/* One part of a query: a phrase, AND, OR, or anything else. */
typedef enum { PART_PHRASE, PART_AND, PART_OR, PART_OTHER } PartKind;

static gboolean
is_bareword_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == 0x1a || c >= 0x80;
}

/* The length of the part at @p (a bareword or a "quoted phrase", with a
 * '*' after it), and what it is. */
static gsize
read_part (const char *p,
           PartKind   *kind)
{
  const char *start = p;

  *kind = PART_PHRASE;
  if (*p == '"')
    {
      for (p++; *p; p++)
        if (*p == '"' && *++p != '"')
          break;
      if (p[-1] != '"' || p - start < 2)
        *kind = PART_OTHER;
    }
  else if (is_bareword_byte (*p))
    while (is_bareword_byte (*p))
      p++;
  else
    {
      *kind = PART_OTHER;
      return 1;
    }
  if (*kind == PART_PHRASE && p - start == 3 && strncmp (start, "AND", 3) == 0)
    *kind = PART_AND;
  else if (*kind == PART_PHRASE && p - start == 2 && strncmp (start, "OR", 2) == 0)
    *kind = PART_OR;
  else if (*kind == PART_PHRASE && ((p - start == 3 && strncmp (start, "NOT", 3) == 0) ||
                                    (p - start == 4 && strncmp (start, "NEAR", 4) == 0)))
    *kind = PART_OTHER;
  if (*kind == PART_PHRASE && *p == '*')
    p++;
  return p - start;
}

/* The words beginning @prefix: in search_words, and in @due's. */
static GPtrArray *
words_beginning (LedeLibrary *self,
                 const char  *prefix,
                 GHashTable  *due)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after = g_strdup (prefix);
  GHashTableIter iter;
  gpointer word;
  sqlite3_stmt *stmt;

  /* Every word beginning so sorts before the prefix with its last byte
   * one higher (never 0xff in UTF-8). */
  after[strlen (after) - 1]++;
  stmt = _lede_library_prepare (self, "SELECT word FROM search_words WHERE word >= ?1 AND word < ?2 LIMIT ?3", NULL);
  if (stmt == NULL)
    return NULL;
  _lede_library_bind_text (stmt, 1, prefix);
  _lede_library_bind_text (stmt, 2, after);
  sqlite3_bind_int (stmt, 3, MOST_WORDS + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (words, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, due);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_str_has_prefix (word, prefix) &&
        !g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
      g_ptr_array_add (words, g_strdup (word));
  if (words->len == 0 || words->len > MOST_WORDS)
    return NULL;
  return g_steal_pointer (&words);
}

/* The words of the few stories and tags still queued, or NULL when there
 * are too many to read now. */
static GHashTable *
read_due (LedeLibrary *self,
          Tokenizer   *tokenizer)
{
  g_autoptr (GHashTable) words = word_set_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!read_due_words (self, tokenizer, DUE_STORIES (G_STRINGIFY (DUE_READ_AT_SEARCH) " + 1"), words, ids, NULL) ||
      ids->len > DUE_READ_AT_SEARCH)
    return NULL;
  g_array_set_size (ids, 0);
  if (!read_due_words (self, tokenizer, DUE_TAGS (G_STRINGIFY (DUE_READ_AT_SEARCH) " + 1"), words, ids, NULL) ||
      ids->len > DUE_READ_AT_SEARCH)
    return NULL;
  return g_steal_pointer (&words);
}

/* A prefix part ("Tendo*") as the index's token ("tendo"), if it is one
 * token long enough to have no prefix index. */
static char *
prefix_token (Tokenizer  *tokenizer,
              const char *part,
              gsize       len)
{
  g_autofree char *bare = g_strndup (part, len - 1);
  g_autoptr (GHashTable) tokens = word_set_new ();
  GHashTableIter iter;
  gpointer token;

  if (*part == '"')
    return NULL;
  tokenize (tokenizer, bare, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, tokens);
  g_hash_table_iter_init (&iter, tokens);
  if (g_hash_table_size (tokens) != 1 || !g_hash_table_iter_next (&iter, &token, NULL) ||
      g_utf8_strlen (token, -1) < UNINDEXED_PREFIX)
    return NULL;
  return g_strdup (token);
}

/**
 * _lede_library_expand_prefixes:
 * @query: an FTS5 query
 *
 * @query with each long prefix written as the words it begins. Only for
 * words and "phrases" with AND and OR between them (what search as you
 * type makes): between those, AND said or left out reads alike, so the
 * words can be grouped in brackets and joined by AND; other syntax (NOT,
 * NEAR, columns, brackets) is left to FTS5 whole.
 *
 * Returns: (nullable): the query to run instead, or %NULL for @query itself
 */
char *
_lede_library_expand_prefixes (LedeLibrary *self,
                               const char  *query)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (Tokenizer) tokenizer = NULL;
  g_autoptr (GHashTable) due = NULL;
  gboolean expanded = FALSE, operand_before = FALSE;

  if (self->schema_version < LEDE_LIBRARY_WORDS_SCHEMA || strchr (query, '*') == NULL ||
      !(tokenizer = tokenizer_new (self)))
    return NULL;

  for (const char *p = query; *p;)
    {
      PartKind kind;
      gsize len;
      g_autofree char *token = NULL;
      g_autoptr (GPtrArray) words = NULL;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      len = read_part (p, &kind);
      if (kind == PART_OTHER)
        return NULL;
      if (kind != PART_PHRASE)
        {
          g_string_append (out, kind == PART_AND ? " AND " : " OR ");
          operand_before = FALSE;
          p += len;
          continue;
        }
      if (operand_before)
        g_string_append (out, " AND ");
      operand_before = TRUE;

      if (p[len - 1] == '*' && (token = prefix_token (tokenizer, p, len)))
        {
          /* Read only once a prefix asks for them. */
          if (due == NULL && !(due = read_due (self, tokenizer)))
            return NULL;
          words = words_beginning (self, token, due);
        }
      if (words == NULL)
        g_string_append_len (out, p, len);
      else
        {
          g_string_append_c (out, '(');
          for (guint i = 0; i < words->len; i++)
            {
              g_autoptr (GString) quoted = g_string_new (g_ptr_array_index (words, i));

              g_string_replace (quoted, "\"", "\"\"", 0);
              g_string_append_printf (out, "%s\"%s\"", i > 0 ? " OR " : "", quoted->str);
            }
          g_string_append_c (out, ')');
          expanded = TRUE;
        }
      p += len;
    }
  return expanded ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
