/* lede-library-search.c: the library's search: the full-text index, ranked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/**
 * lede_library_match_ids:
 * @fts_query: an FTS5 query
 *
 * Returns: (transfer full): ids of the stories whose indexed text matches.
 */
GArray *
lede_library_match_ids (LedeLibrary  *self,
                        const char   *fts_query,
                        GError      **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (fts_query != NULL, NULL);

  stmt = _lede_library_prepare (self, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  _lede_library_bind_text (stmt, 1, fts_query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not search the library"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Runs one search; returns FALSE with *syntax set when FTS5 could not read
 * the query, so the caller can retry it as plain words. */
static gboolean
run_search (LedeLibrary  *self,
            const char   *fts_query,
            guint         limit,
            GPtrArray    *hits,
            gboolean     *syntax,
            GError      **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;
  gint64 oldest = G_MAXINT64;
  int rc;

  /* First the hits, ranked among the newest matches… */
  stmt = _lede_library_prepare (self,
                                "SELECT a.id, a.headline, f.rank "
                                "FROM (SELECT rowid, lede_rank (articles_fts, 10.0, 5.0, 1.0, 3.0) AS rank "
                                "      FROM articles_fts WHERE articles_fts MATCH ?1 "
                                "      AND rowid >= (SELECT min (rowid) FROM (SELECT rowid FROM articles_fts "
                                "                    WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3)) "
                                "      ORDER BY rank LIMIT ?2) AS f "
                                "JOIN articles AS a ON a.id = f.rowid "
                                "ORDER BY f.rank",
                                error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, LEDE_LIBRARY_SEARCH_WINDOW);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedeSearchHit *hit = lede_search_hit_new (sqlite3_column_int64 (stmt, 0), _lede_library_column_text (stmt, 1),
                                                "", sqlite3_column_double (stmt, 2));

      g_ptr_array_add (hits, hit);
      g_hash_table_insert (by_id, &hit->id, hit);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", hit->id);
      oldest = MIN (oldest, hit->id);
    }
  *syntax = rc == SQLITE_ERROR;
  if (rc != SQLITE_DONE && !*syntax)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not search the library"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || hits->len == 0)
    return rc == SQLITE_DONE;
  g_string_append_c (ids, ']');

  /* …then their snippets, in one pass over the matches from the oldest
   * hit on. Asking the index again for each hit by its rowid costs a
   * whole prefix query each time ("cou*" took seconds on 100k stories);
   * the unary + keeps SQLite from doing just that with the list. */
  stmt = _lede_library_prepare (self,
                                "SELECT rowid, snippet (articles_fts, -1, '[', ']', '…', 12) FROM articles_fts "
                                "WHERE articles_fts MATCH ?1 AND rowid >= ?2 "
                                "AND +rowid IN (SELECT value FROM json_each (?3))",
                                error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, oldest);
  _lede_library_bind_text (stmt, 3, ids->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LedeSearchHit *hit = g_hash_table_lookup (by_id, &id);

      if (hit != NULL)
        {
          g_free (hit->snippet);
          hit->snippet = g_strdup (_lede_library_column_text (stmt, 1));
        }
    }
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not search the library"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/**
 * lede_library_search:
 * @query: what the user typed: words, "a phrase", a prefix*, or any FTS5
 *   query (headline:ferry, ferry OR harbour, …)
 * @limit: the most hits to return
 *
 * Searches headlines, standfirsts, bodies and tags of the stories not in
 * the trash, best match first (bm25, a headline match counting most). Text
 * that is not valid FTS5 syntax is searched as plain words, never refused.
 *
 * Ranking every match of a word found in nearly every story takes a
 * quarter of a second on 100,000 stories, so only the newest
 * %LEDE_LIBRARY_SEARCH_WINDOW matches are ranked: the best of the newest,
 * which for a newsroom is also the likelier story. Queries matching fewer
 * stories are ranked whole.
 *
 * Returns: (transfer full) (element-type LedeSearchHit): the hits
 */
GPtrArray *
lede_library_search (LedeLibrary  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_search_hit_free);
  g_autofree char *plain = NULL;
  g_autofree char *straight = NULL;
  g_autofree char *expanded = NULL;
  gboolean syntax = FALSE;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&hits);
  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("Could not search: the search words are not valid UTF-8 text"));
      return NULL;
    }

  /* Word processors type curly quotes; FTS5 only knows straight ones. */
  {
    g_auto (GStrv) parts = g_regex_split_simple ("[\u201C\u201D]", query, 0, 0);
    straight = g_strjoinv ("\"", parts);
  }

  /* Long prefixes as the words they begin (lede-library-words.c). */
  expanded = _lede_library_expand_prefixes (self, straight);
  if (run_search (self, expanded ? expanded : straight, limit, hits, &syntax, error))
    return g_steal_pointer (&hits);
  if (!syntax)
    return NULL;

  g_ptr_array_set_size (hits, 0);
  plain = lede_search_make_plain_query (straight);
  if (*plain == '\0')
    return g_steal_pointer (&hits);
  g_free (expanded);
  expanded = _lede_library_expand_prefixes (self, plain);
  if (!run_search (self, expanded ? expanded : plain, limit, hits, &syntax, NULL))
    {
      /* Even quoted words can fail (an empty phrase): nothing matches them. */
      g_ptr_array_set_size (hits, 0);
    }
  return g_steal_pointer (&hits);
}

/**
 * lede_library_search_filtered:
 * @status: a #LedeArticleStatus, or -1 for any
 * @tag: (nullable): only stories with this tag
 * @assignee: (nullable): only stories assigned to this person
 *
 * lede_library_search() narrowed as the sidebar's filters narrow the list.
 * Text that is not UTF-8 (a paste) finds nothing rather than failing.
 *
 * Returns: (transfer full) (element-type LedeSearchHit): the hits, best first
 */
GPtrArray *
lede_library_search_filtered (LedeLibrary  *self,
                              const char   *query,
                              int           status,
                              const char   *tag,
                              const char   *assignee,
                              guint         limit,
                              GError      **error)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GArray) allowed_ids = NULL;
  g_autoptr (GHashTable) allowed = NULL;
  GPtrArray *kept;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify)lede_search_hit_free);
  if (status < 0 && tag == NULL && assignee == NULL)
    return lede_library_search (self, query, limit, error);

  /* Filtered: more hits are read, as some will not pass. */
  if (!(hits = lede_library_search (self, query, LEDE_LIBRARY_SEARCH_WINDOW, error)) ||
      !(allowed_ids = lede_library_list_ids_sorted (self, FALSE, status, tag, assignee, LEDE_STORY_ORDER_NEWEST,
                                                    error)))
    return NULL;
  allowed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < allowed_ids->len; i++)
    g_hash_table_add (allowed, &g_array_index (allowed_ids, gint64, i));

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_search_hit_free);
  for (guint i = 0; i < hits->len && kept->len < limit; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_hash_table_contains (allowed, &hit->id))
        g_ptr_array_add (kept, lede_search_hit_copy (hit));
    }
  return kept;
}
