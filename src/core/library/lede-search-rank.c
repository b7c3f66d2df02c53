/* lede-search-rank.c: the ranking function behind lede_library_search().
 *
 * lede_rank() is FTS5's own bm25 (k1 = 1.2, b = 0.75, a weight a column)
 * with one saving. bm25 begins every query by counting, for each phrase,
 * how many stories in the whole index hold it (its IDF). For a phrase of
 * common words that count means matching the phrase in every story that
 * has its words: a tenth of a second on 100,000 stories. When the query is
 * one phrase (or one word), its IDF multiplies every score alike and cannot
 * change the order, so it is left out: same order, none of the cost.
 * Queries of several phrases count each phrase's stories only up to
 * IDF_SAMPLE: a phrase in more is reckoned from how densely it came in the
 * stories read so far (ids are nearly dense: the trash is kept, deleting
 * is rare). Ranking moves little, as a phrase that common weighs little;
 * counting every story of each of a prefix's words took longer than the
 * search at a million stories.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lede-search-rank.h"

#define K1 1.2
#define B  0.75
#define IDF_SAMPLE 64

typedef struct {
  int     n_phrases;
  double  average_length;
  double *idf;    /* a phrase */
  double *freq;   /* a phrase, scratch for the row being scored */
} RankData;

typedef struct {
  sqlite3_int64 hits;
  sqlite3_int64 first;  /* rowids of the first and last story counted */
  sqlite3_int64 last;
} Count;

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  Count *count = user_data;

  count->last = api->xRowid (fts);
  if (count->hits++ == 0)
    count->first = count->last;
  /* SQLITE_DONE ends xQueryPhrase() early, as a success. */
  return count->hits < IDF_SAMPLE ? SQLITE_OK : SQLITE_DONE;
}

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank->freq);
  g_free (rank);
}

/* Worked out once a query, on its first row, as bm25 does. */
static RankData *
get_rank_data (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               int                    *rc)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  sqlite3_int64 rows = 0, tokens = 0;

  if (rank != NULL)
    return rank;

  rank = g_new0 (RankData, 1);
  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, rank->n_phrases);
  rank->freq = g_new0 (double, rank->n_phrases);
  *rc = api->xRowCount (fts, &rows);
  if (*rc == SQLITE_OK)
    *rc = api->xColumnTotalSize (fts, -1, &tokens);
  rank->average_length = rows > 0 ? (double)tokens / rows : 1.0;

  for (int i = 0; *rc == SQLITE_OK && i < rank->n_phrases; i++)
    {
      Count count = { 0, 0, 0 };
      double hits;

      if (rank->n_phrases == 1)
        {
          rank->idf[i] = 1.0;
          break;
        }
      *rc = api->xQueryPhrase (fts, i, &count, count_row);
      hits = count.hits;
      if (count.hits >= IDF_SAMPLE)
        hits = MIN ((double)rows, rows * (double)count.hits / (double)(count.last - count.first + 1));
      rank->idf[i] = log ((rows - hits + 0.5) / (hits + 0.5));
      if (rank->idf[i] <= 0.0)
        rank->idf[i] = 1e-6;
    }
  if (*rc == SQLITE_OK)
    *rc = api->xSetAuxdata (fts, rank, rank_data_free);
  else
    rank_data_free (rank);
  return *rc == SQLITE_OK ? rank : NULL;
}

static void
lede_rank (const Fts5ExtensionApi  *api,
           Fts5Context             *fts,
           sqlite3_context         *context,
           int                      n_values,
           sqlite3_value          **values)
{
  int rc = SQLITE_OK, n_inst = 0;
  RankData *rank = get_rank_data (api, fts, &rc);
  int length = 0;
  double score = 0.0;

  if (rank != NULL)
    {
      memset (rank->freq, 0, sizeof (double) * rank->n_phrases);
      rc = api->xInstCount (fts, &n_inst);
    }
  for (int i = 0; rc == SQLITE_OK && i < n_inst; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK)
        rank->freq[phrase] += column < n_values ? sqlite3_value_double (values[column]) : 1.0;
    }
  if (rc == SQLITE_OK)
    rc = api->xColumnSize (fts, -1, &length);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  for (int i = 0; i < rank->n_phrases; i++)
    score += rank->idf[i] * (rank->freq[i] * (K1 + 1.0)) /
             (rank->freq[i] + K1 * (1.0 - B + B * length / rank->average_length));
  /* Like bm25: lower is better, so ORDER BY puts the best first. */
  sqlite3_result_double (context, -score);
}

/**
 * lede_search_fts5_api:
 *
 * Returns: (nullable): FTS5's API on @db, for its tokenizers and functions
 */
fts5_api *
lede_search_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

/**
 * lede_search_rank_register:
 *
 * Makes lede_rank() available to FTS5 queries on @db.
 *
 * Returns: an SQLite result code
 */
int
lede_search_rank_register (sqlite3 *db)
{
  fts5_api *api = lede_search_fts5_api (db);

  if (api == NULL)
    return SQLITE_ERROR;
  return api->xCreateFunction (api, "lede_rank", NULL, lede_rank, NULL);
}
