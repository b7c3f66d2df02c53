/* bench-library.c: a library of 100,000 stories — making it through the
 * core API, searching it, opening a story and listing it for the sidebar,
 * and its search index rebuilt as for a library from before prefix indexes.
 *
 * The library is kept in build-bench/ and reused while it holds all its
 * stories, so only the first run pays for it; bench/run names the file
 * after the generator, so a changed generator makes a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-article-list.h"
#include "lede-import.h"
#include "lede-library.h"
#include "lede-story-batch.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

#define N_STORIES      100000
#define WORDS_A_STORY  600

/* The table's group: "library 100k", or the size --many was given. */
static const char *group = "library 100k";

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A newsroom's proportions: most stories published, one in twenty a
 * draft and as many in progress, ready or spiked; one to three tags of
 * about 300, the first few on many stories (as a paper's "council" is); dates
 * over ten years, oldest first. */
#define N_TAGS      300
#define TEN_YEARS_S (10 * 365 * 24 * 3600LL)
#define FIRST_DAY_S 1451606400LL /* 2016-01-01 UTC */

static void
dress_story (LedeArticle *article,
             guint        i,
             guint        n_stories)
{
  static const LedeArticleStatus statuses[20] = {
    LEDE_ARTICLE_STATUS_DRAFT, LEDE_ARTICLE_STATUS_IN_PROGRESS,
    LEDE_ARTICLE_STATUS_READY, LEDE_ARTICLE_STATUS_SPIKED,
    [4 ... 19] = LEDE_ARTICLE_STATUS_PUBLISHED,
  };
  char names[3][32];
  const char *tags[4] = { NULL };
  guint n_tags = 1 + i % 3;
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_utc (FIRST_DAY_S + TEN_YEARS_S * i / n_stories);

  for (guint t = 0; t < n_tags; t++)
    {
      /* Squared, so low ranks come often: the first tag on about one
       * story in sixteen, the last on one in a thousand. */
      guint spread = (i * 2654435761u + t * 40503u) % N_TAGS;
      guint rank = spread * spread / N_TAGS + t;

      tags[t] = lede_bench_word (20 + rank, names[t]);
    }
  lede_article_set_status (article, statuses[i % G_N_ELEMENTS (statuses)]);
  lede_article_set_created (article, created);
  lede_article_set_tags (article, tags);
}

/* A library made before the generator gave stories tags is made again. */
static gboolean
has_tags (LedeLibrary *library)
{
  g_autoptr (GPtrArray) tags = lede_library_list_tags (library, NULL);

  return tags != NULL && tags->len > 0;
}

/* Tidy steps back to back until there is nothing left to do; how long
 * they took, in seconds. */
static double
tidy_all (LedeLibrary *library)
{
  g_autoptr (GError) error = NULL;
  double start = now_ms ();
  gboolean done = FALSE;

  while (!done)
    {
      /* As the window's ticks would: a step waits out the WAL's copying. */
      while (lede_library_is_copying_wal (library))
        g_usleep (1000);
      if (!lede_library_tidy_step (library, &done, &error))
        g_error ("%s", error->message);
    }
  return (now_ms () - start) / 1000.0;
}

static LedeLibrary *
open_or_make (const char *path,
              guint       n_stories)
{
  g_autoptr (GError) error = NULL;
  LedeLibrary *library = lede_library_open (path, &error);
  double start;

  if (library != NULL && lede_library_count_articles (library, FALSE, NULL) == n_stories && has_tags (library))
    {
      g_printerr ("Reusing %s\n", path);
      /* One made by an older Lede is brought up to date first (its search
       * index rebuilt, its story list copied), so the figures are today's. */
      lede_bench_report (group, "reused: brought up to date, tidy steps back to back", "Lede", "s",
                         lede_bench_once (tidy_all (library)));
      return library;
    }
  g_clear_object (&library);
  g_remove (path);
  for (const char *suffix = "-wal"; suffix; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *side = g_strconcat (path, suffix, NULL);
      g_remove (side);
    }

  library = lede_library_open (path, &error);
  if (library == NULL)
    g_error ("%s", error->message);

  g_printerr ("Making %u stories…\n", n_stories);
  start = now_ms ();
  for (guint i = 0; i < n_stories; i++)
    {
      /* Beyond 100k, a thousand stories a commit, as an import does: one
       * commit each would take hours at a million. */
      if (n_stories > N_STORIES && i % 1000 == 0)
        {
          if (i > 0 && !lede_library_end_batch (library, &error))
            g_error ("%s", error->message);
          if (i % 100000 == 0)
            g_printerr ("  %u…\n", i);
          if (!lede_library_begin_batch (library, &error))
            g_error ("%s", error->message);
        }
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *body = lede_bench_story (WORDS_A_STORY, i + 1000);
      g_autofree char *headline = g_strdup_printf ("Story %u: %s %s %s", i,
                                                   LEDE_BENCH_WORDS[i % G_N_ELEMENTS (LEDE_BENCH_WORDS)],
                                                   LEDE_BENCH_WORDS[(i / 7) % G_N_ELEMENTS (LEDE_BENCH_WORDS)],
                                                   LEDE_BENCH_WORDS[(i / 49) % G_N_ELEMENTS (LEDE_BENCH_WORDS)]);

      lede_article_set_headline (article, headline);
      lede_article_set_body (article, body);
      dress_story (article, i, n_stories);
      if (!lede_library_create_article (library, article, &error))
        g_error ("%s", error->message);
    }
  if (n_stories > N_STORIES)
    {
      if (!lede_library_end_batch (library, &error))
        g_error ("%s", error->message);
      lede_bench_report (group, "stories made a second (1,000 a commit)", "Lede core API", "/s",
                         lede_bench_once (n_stories / ((now_ms () - start) / 1000.0)));
    }
  if (n_stories == N_STORIES)
    {
      double seconds = (now_ms () - start) / 1000.0;

      lede_bench_report ("library 100k", "make 100k stories (one commit each)", "Lede core API", "s",
                         lede_bench_once (seconds));
      lede_bench_report ("library 100k", "stories made a second", "Lede core API", "/s",
                         lede_bench_once (N_STORIES / seconds));
    }
  /* Measured as a library in use is once the writer has rested: its words
   * noted for search as you type, its index merged. */
  lede_bench_report (group, "tidied after making, steps back to back (words noted, index merged)", "Lede", "s",
                     lede_bench_once (tidy_all (library)));
  return library;
}

static void
time_search (LedeLibrary *library,
             const char  *row,
             const char  *query)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();
      g_autoptr (GPtrArray) hits = lede_library_search (library, query, 20, &error);
      double elapsed = now_ms () - start;

      if (hits == NULL)
        g_error ("%s", error->message);
      found = hits->len;
      g_array_append_val (samples, elapsed);
    }
  if (found == 0)
    g_error ("search for %s found nothing: the benchmark would measure nothing", query);
  lede_bench_report (group, row, "Lede search (top 20)", "ms", lede_bench_stats (samples));
}

/* The ids of the stories a filter and an order give, as the sidebar and
 * `lede-cli list` ask for them: all of them, and the first page the
 * sidebar reads first (lede-article-list.c). */
static void
time_list (LedeLibrary    *library,
           const char     *row,
           int             status,
           const char     *tag,
           LedeStoryOrder  order)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) page_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *page_row = g_strdup_printf ("%s: the first 100 rows", row);
  guint found = 0;

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();
      g_autoptr (GArray) page = lede_library_list_ids_page (library, FALSE, status, tag, NULL, order, 100, &error);
      double page_elapsed = now_ms () - start, elapsed;
      g_autoptr (GArray) ids = NULL;

      start = now_ms ();
      ids = lede_library_list_ids_sorted (library, FALSE, status, tag, NULL, order, &error);
      elapsed = now_ms () - start;
      if (page == NULL || ids == NULL)
        g_error ("%s", error->message);
      found = ids->len;
      g_array_append_val (samples, elapsed);
      g_array_append_val (page_samples, page_elapsed);
    }
  if (found < 100)
    g_error ("%s found %u: the benchmark would measure too little", row, found);
  lede_bench_report (group, row, "Lede core API", "ms", lede_bench_stats (samples));
  lede_bench_report (group, page_row, "Lede core API", "ms", lede_bench_stats (page_samples));
}

/* Trashes every story of a copy of @source, then deletes them forever:
 * at once (lede-cli's way) and in the window's chunks, where the longest
 * chunk is how long the window's main loop is held. */
static void
time_empty_trash (const char *source)
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "trash.db", NULL);
  LedeBenchStats whole = { 0 };
  g_autoptr (GArray) chunks = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (GFile) from = g_file_new_for_path (source);
      g_autoptr (GFile) to = g_file_new_for_path (copy);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeLibrary) library = NULL;
      g_autoptr (GArray) ids = NULL;
      double start;

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error) ||
          !(library = lede_library_open (copy, &error)) ||
          !(ids = lede_library_list_ids (library, FALSE, &error)) ||
          !lede_library_trash_stories (library, ids, &error))
        g_error ("%s", error ? error->message : "could not make the trash");
      n = ids->len;
      start = now_ms ();
      if (round == 0)
        {
          if (lede_library_empty_trash (library, &error) != n)
            g_error ("empty trash: %s", error ? error->message : "not all deleted");
          whole = lede_bench_once (now_ms () - start);
        }
      else
        for (guint i = 0; i < n; i += LEDE_LIBRARY_DELETE_CHUNK)
          {
            g_autoptr (GArray) chunk = g_array_new (FALSE, FALSE, sizeof (gint64));
            double chunk_start = now_ms (), elapsed;

            g_array_append_vals (chunk, &g_array_index (ids, gint64, i), MIN (LEDE_LIBRARY_DELETE_CHUNK, n - i));
            if (!lede_library_delete_stories (library, chunk, &error))
              g_error ("%s", error->message);
            elapsed = now_ms () - chunk_start;
            g_array_append_val (chunks, elapsed);
          }
      g_assert (lede_library_count_articles (library, TRUE, NULL) == 0);
      g_clear_object (&library);
      for (const char *suffix = ""; suffix; suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
        {
          g_autofree char *file = g_strconcat (copy, suffix, NULL);
          g_remove (file);
        }
    }
  g_rmdir (dir);
  {
    g_autofree char *row = g_strdup_printf ("empty a trash of %u stories", n);
    g_autofree char *chunk_row = g_strdup_printf ("empty a trash of %u: one chunk of %u (the window)", n,
                                                  LEDE_LIBRARY_DELETE_CHUNK);
    lede_bench_report ("trash", row, "Lede, one transaction (lede-cli)", "ms", whole);
    lede_bench_report ("trash", chunk_row, "Lede, in chunks (the window)", "ms", lede_bench_stats (chunks));
  }
}

/* A rebuild as the window runs it, steps on their thread, but back to
 * back: one asked as the last answers, while the main loop ticks every
 * millisecond. The window never runs a step between two keys, so nothing
 * is searched meanwhile. */
typedef struct
{
  LedeLibrary *library;
  GArray      *steps;        /* ms from asking to the answer, on the main loop */
  double       asked_ms;     /* 0 while no step is asked */
  double       last_tick_ms;
  double       longest_wait_ms;  /* the main loop's, between two ticks */
  gboolean     done;
} Rebuild;

static void
on_step (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Rebuild *rebuild = data;
  g_autoptr (GError) error = NULL;
  double elapsed = now_ms () - rebuild->asked_ms;
  double progress = lede_library_get_reindex_progress (rebuild->library);

  if (!lede_library_tidy_step_finish (rebuild->library, result, &rebuild->done, &error))
    g_error ("%s", error->message);
  g_array_append_val (rebuild->steps, elapsed);
  /* Where the long ones fall: copying (progress under 0.5), noting words
   * (over), or merging and emptying the old index (-1). */
  if (elapsed > 20)
    g_printerr ("step %u: %.1f ms, progress %.3f after it\n", rebuild->steps->len, elapsed, progress);
  rebuild->asked_ms = 0;
}

static gboolean
rebuild_tick (gpointer data)
{
  Rebuild *rebuild = data;
  double now = now_ms ();

  rebuild->longest_wait_ms = MAX (rebuild->longest_wait_ms, now - rebuild->last_tick_ms);
  if (now - rebuild->last_tick_ms > 20)
    g_printerr ("the main loop waited %.1f ms, after step %u\n", now - rebuild->last_tick_ms, rebuild->steps->len);
  /* As the window's ticks would: a step waits out the WAL's copying. */
  if (rebuild->asked_ms == 0 && !rebuild->done && !lede_library_is_copying_wal (rebuild->library))
    {
      rebuild->asked_ms = now;
      lede_library_tidy_step_async (rebuild->library, NULL, on_step, rebuild);
    }
  rebuild->last_tick_ms = now;
  return G_SOURCE_CONTINUE;
}

/* Rebuilds the search index of a copy of @source as for a library made
 * before prefix indexes: migration 16 made to run again, then the steps
 * the window runs while the writer rests, on their thread. */
static void
time_reindex (const char *source,
              const char *prefix_3)
{
  g_autofree char *copy = g_strconcat (source, ".reindex.db", NULL);
  char *copy_sql;
  sqlite3 *db = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  LedeBenchStats whole = { 0 }, opened = { 0 }, longest = { 0 };
  Rebuild rebuild = { 0 };
  double start;
  guint tick;

  g_remove (copy);
  copy_sql = sqlite3_mprintf ("VACUUM INTO %Q", copy);
  if (sqlite3_open (source, &db) != SQLITE_OK || sqlite3_exec (db, copy_sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("could not copy %s: %s", source, sqlite3_errmsg (db));
  sqlite3_free (copy_sql);
  sqlite3_close (db);
  /* Aged to schema 15: what 17 to 21 added is taken off again, so their
   * migrations run as on a library of then. */
  if (sqlite3_open (copy, &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "DROP TABLE site_media; DROP TABLE quote_wordings;"
                    "ALTER TABLE site_posts DROP COLUMN date_at; ALTER TABLE site_posts DROP COLUMN for_embargo;"
                    "DROP TRIGGER search_words_insert; DROP TRIGGER search_words_update;"
                    "DROP TRIGGER search_words_tag; DROP TRIGGER search_words_tag_name;"
                    "DROP TABLE search_words; DROP TABLE search_words_due; DROP TABLE search_words_due_tags;"
                    "DROP TRIGGER story_list_insert; DROP TRIGGER story_list_update; DROP TRIGGER story_list_delete;"
                    "DROP TABLE story_list; DROP TABLE story_list_due;"
                    "PRAGMA user_version = 15", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("could not age %s: %s", copy, sqlite3_errmsg (db));
  sqlite3_close (db);
  start = now_ms ();
  if (!(library = lede_library_open (copy, &error)))
    g_error ("%s", error->message);
  opened = lede_bench_once (now_ms () - start);
  /* The old index answers until the new one is built: what search was. */
  time_search (library, "prefix of three letters (common word), before the rebuild", prefix_3);
  rebuild.library = library;
  rebuild.steps = g_array_new (FALSE, FALSE, sizeof (double));
  start = now_ms ();
  rebuild.last_tick_ms = start;
  tick = g_timeout_add (1, rebuild_tick, &rebuild);
  while (!rebuild.done || rebuild.asked_ms != 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  whole = lede_bench_once ((now_ms () - start) / 1000.0);
  longest = lede_bench_once (rebuild.longest_wait_ms);
  lede_bench_report ("library 100k", "search index rebuilt with prefixes: opening (migration 16)", "Lede", "ms", opened);
  lede_bench_report ("library 100k", "search index rebuilt with prefixes: one step (on its thread)", "Lede", "ms",
                     lede_bench_stats (rebuild.steps));
  lede_bench_report ("library 100k", "search index rebuilt with prefixes: the window's longest wait meanwhile", "Lede",
                     "ms", longest);
  lede_bench_report ("library 100k", "search index rebuilt with prefixes: all steps, back to back", "Lede", "s", whole);
  g_array_unref (rebuild.steps);
  g_clear_object (&library);
  g_remove (copy);
  for (const char *suffix = "-wal"; suffix; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *side = g_strconcat (copy, suffix, NULL);
      g_remove (side);
    }
}

/* Every search kind, opening a story, and the sidebar's list, on a
 * library of @n_stories. */
static void
measure (LedeLibrary *library,
         guint        n_stories,
         const char  *two_words,
         const char  *prefix,
         const char  *prefix_3_common,
         const char  *prefix_3_rare)
{
  g_autoptr (GArray) open_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  char d[32];

  time_search (library, "rare word", "quillwort");
  time_search (library, "common word", lede_bench_word (500, d));
  time_search (library, "very common word", "the");
  time_search (library, "two-word AND", two_words);
  time_search (library, "prefix", prefix);
  time_search (library, "prefix of three letters (common word)", prefix_3_common);
  time_search (library, "prefix of three letters (rarer word)", prefix_3_rare);
  time_search (library, "phrase", "\"the council\"");

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 id = g_rand_int_range (rand, 1, n_stories + 1);
      double start = now_ms ();
      g_autoptr (LedeArticle) article = lede_library_get_article (library, id, &error);
      double elapsed = now_ms () - start;

      if (article == NULL)
        g_error ("%s", error->message);
      g_array_append_val (open_samples, elapsed);
    }
  lede_bench_report (group, "open a story", "Lede core API", "ms", lede_bench_stats (open_samples));

  for (guint i = 0; i < 9; i++)
    {
      double start = now_ms ();
      g_autoptr (LedeArticleList) list = lede_article_list_new (library, FALSE);
      g_autoptr (LedeArticle) first = NULL;
      double elapsed, first_elapsed = -1;

      /* A long list is read on a worker: timed until its first page is
       * there, and until all of it is, as the window waits for it
       * (without holding its frames). */
      while (lede_article_list_is_loading (list))
        {
          g_main_context_iteration (NULL, TRUE);
          if (first_elapsed < 0 && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
            first_elapsed = now_ms () - start;
        }
      first = g_list_model_get_item (G_LIST_MODEL (list), 0);
      elapsed = now_ms () - start;
      if (first_elapsed < 0)
        first_elapsed = elapsed;
      g_array_append_val (first_samples, first_elapsed);

      g_assert (g_list_model_get_n_items (G_LIST_MODEL (list)) == n_stories);
      g_assert (first != NULL);
      g_array_append_val (list_samples, elapsed);
    }
  lede_bench_report (group, "list for the sidebar: its first rows (read on a worker from 10,000 stories)", "Lede core API", "ms",
                     lede_bench_stats (first_samples));
  lede_bench_report (group, "list for the sidebar (read on a worker from 10,000 stories)", "Lede core API", "ms", lede_bench_stats (list_samples));

  time_list (library, "filter: a common tag (one story in sixteen)", -1, lede_bench_word (20, d), LEDE_STORY_ORDER_NEWEST);
  time_list (library, "filter: a rare tag (one story in a thousand)", -1, lede_bench_word (20 + N_TAGS, d), LEDE_STORY_ORDER_NEWEST);
  time_list (library, "filter: drafts (one story in twenty)", LEDE_ARTICLE_STATUS_DRAFT, NULL, LEDE_STORY_ORDER_NEWEST);
  time_list (library, "sort: by headline", -1, NULL, LEDE_STORY_ORDER_HEADLINE);
  time_list (library, "sort: last changed first", -1, NULL, LEDE_STORY_ORDER_LAST_CHANGED);
  time_list (library, "filter and sort: drafts with a common tag, by headline",
             LEDE_ARTICLE_STATUS_DRAFT, lede_bench_word (20, d), LEDE_STORY_ORDER_HEADLINE);
}

/* Trash of the 10,000 newest stories and back as the window does it (a
 * chunk a step, each sized to the window's 12 ms: the whole and the
 * longest step, which holds the main loop), then 1,000 Markdown files
 * imported in one batch as lede-cli does and deleted again (trashed first,
 * as only the trash is emptied): the library is left with the same
 * stories. */
static void
time_batch (LedeLibrary        *library,
            GArray             *ids,
            LedeStoryBatchFunc  func,
            const char         *what)
{
  g_autoptr (LedeStoryBatch) batch = lede_story_batch_new (library, ids, func);
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autofree char *whole_row = g_strdup_printf ("trash 10,000 stories / restore them: %s", what);
  g_autofree char *step_row = g_strdup_printf ("trash 10,000 stories / restore them: %s, one step", what);
  double start = now_ms ();

  while (!lede_story_batch_is_done (batch))
    {
      double step = now_ms ();

      if (!lede_story_batch_step (batch, 12000, &error))
        g_error ("%s", error->message);
      step = now_ms () - step;
      g_array_append_val (steps, step);
    }
  lede_bench_report (group, whole_row, "Lede, in 12 ms steps (the window)", "ms", lede_bench_once (now_ms () - start));
  lede_bench_report (group, step_row, "Lede, in 12 ms steps (the window)", "ms", lede_bench_stats (steps));
}

static void
time_trash_and_import (LedeLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) newest = lede_library_list_ids_page (library, FALSE, -1, NULL, NULL, LEDE_STORY_ORDER_NEWEST,
                                                          10000, &error);
  g_autoptr (GArray) imported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-import-XXXXXX", NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  double start;

  if (newest == NULL || newest->len < 10000)
    g_error ("no 10,000 stories to trash: %s", error ? error->message : "too few");
  time_batch (library, newest, lede_library_trash_stories, "trash");
  time_batch (library, newest, lede_library_restore_stories, "restore");

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *body = lede_bench_story (WORDS_A_STORY, 5000000 + i);
      g_autofree char *text = g_strdup_printf ("# Imported story %u\n\n%s", i, body);
      char *file = g_strdup_printf ("%s/story-%04u.md", dir, i);

      if (!g_file_set_contents (file, text, -1, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (files, file);
    }
  start = now_ms ();
  if (!lede_library_begin_batch (library, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (LedeArticle) article = lede_import_file (library, g_ptr_array_index (files, i), &error);
      gint64 id;

      if (article == NULL)
        g_error ("%s", error->message);
      id = lede_article_get_id (article);
      g_array_append_val (imported, id);
    }
  if (!lede_library_end_batch (library, &error))
    g_error ("%s", error->message);
  lede_bench_report (group, "import 1,000 Markdown files (one batch, as lede-cli)", "Lede core API", "st/s",
                     lede_bench_once (files->len / ((now_ms () - start) / 1000.0)));
  if (!lede_library_trash_stories (library, imported, &error) ||
      !lede_library_delete_stories (library, imported, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < files->len; i++)
    g_remove (g_ptr_array_index (files, i));
  g_rmdir (dir);
}

/* The bytes the library uses: its pages less the free ones, through the
 * WAL (what a reader sees now). */
static gint64
used_bytes (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 used = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM "
                              "pragma_freelist_count), (SELECT page_size FROM pragma_page_size)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    used = sqlite3_column_int64 (stmt, 0) * sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return used;
}

/* A year of revisions, estimated from 2,000 kept as the window keeps them
 * (each a sentence added to a 600-word story, ten a story, older ones
 * thinned as always), then each story's body put back. A newsroom's year:
 * 80 stories a day, 8 revisions each, 250 days. */
static void
time_revision_growth (LedeLibrary *library,
                      const char  *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = lede_library_list_ids_page (library, FALSE, -1, NULL, NULL, LEDE_STORY_ORDER_NEWEST,
                                                       200, &error);
  gint64 before = used_bytes (path), after;
  guint kept = 0;
  double per_revision, year;

  if (ids == NULL || before < 0)
    g_error ("revisions: %s", error ? error->message : "could not read the library's size");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LedeArticle) article = lede_library_get_article (library, g_array_index (ids, gint64, i), &error);
      g_autofree char *original = NULL;

      if (article == NULL)
        g_error ("%s", error->message);
      original = g_strdup (lede_article_get_body (article));
      for (guint r = 0; r < 10; r++)
        {
          g_autofree char *body = g_strdup_printf ("%s\n\nUpdated at %u:%02u with a line from the desk.",
                                                   lede_article_get_body (article), 9 + r, (i * 7) % 60);
          gboolean one = FALSE;

          lede_article_set_body (article, body);
          if (!lede_library_update_article (library, article, &error) ||
              !lede_library_keep_revision (library, article, "ten minutes of editing", NULL, &one, &error))
            g_error ("%s", error->message);
          kept += one;
        }
      lede_article_set_body (article, original);
      if (!lede_library_update_article (library, article, &error))
        g_error ("%s", error->message);
    }
  after = used_bytes (path);
  per_revision = kept > 0 ? (double)(after - before) / kept : 0;
  year = per_revision * 80 * 8 * 250;
  lede_bench_report (group, "bytes a kept revision (a line added to a 600-word story)", "Lede", "bytes",
                     lede_bench_once (per_revision));
  lede_bench_report (group, "a year of revisions (160,000), estimated, over the library's size", "Lede", "%",
                     lede_bench_once (100.0 * year / before));
}

/* The library's size on disk, and a story's share of it. */
static void
report_size (const char *path,
             guint       n_stories)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return;
  lede_bench_report (group, "size on disk a story (600 words, search index included)", "Lede", "bytes",
                     lede_bench_once (st.st_size / (double)n_stories));
}

/* lede-bench-library PATH: makes (or reuses) and measures 100k stories.
 * lede-bench-library --make N PATH: only makes N stories, for the startup rows.
 * lede-bench-library --many N PATH: makes (or reuses) N stories, a thousand a
 *   commit, and measures them as the 100k (the million-story archive).
 * lede-bench-library --trash N PATH: only the trash / restore / import rows of --many.
 * lede-bench-library --empty-trash PATH: times emptying a trash of a copy of PATH.
 * lede-bench-library --reindex PATH: times rebuilding the search index of a copy of PATH. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr (LedeLibrary) library = NULL;
  char a[32], b[32], c[32];
  g_autofree char *two_words = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *prefix_3_common = NULL;
  g_autofree char *prefix_3_rare = NULL;

  /* By Zipf rank: rank 500 is in about one story in ten, rank 200 and 300
   * together in a few hundred; "the" is in every story. */
  two_words = g_strdup_printf ("%s %s", lede_bench_word (200, a), lede_bench_word (300, b));
  prefix = g_strdup_printf ("%.6s*", lede_bench_word (1000, c));
  prefix_3_common = g_strdup_printf ("%.3s*", lede_bench_word (50, c));
  prefix_3_rare = g_strdup_printf ("%.3s*", lede_bench_word (1000, c));

  if (argc == 4 && g_str_equal (argv[1], "--make"))
    {
      library = open_or_make (argv[3], g_ascii_strtoull (argv[2], NULL, 10));
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--empty-trash"))
    {
      time_empty_trash (argv[2]);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--reindex"))
    {
      time_reindex (argv[2], prefix_3_common);
      return 0;
    }
  if (argc == 4 && (g_str_equal (argv[1], "--many") || g_str_equal (argv[1], "--trash")))
    {
      guint n = g_ascii_strtoull (argv[2], NULL, 10);

      group = n % 1000000 == 0 ? g_strdup_printf ("library %uM", n / 1000000) : g_strdup_printf ("library %uk", n / 1000);
      library = open_or_make (argv[3], n);
      /* --trash: that row alone, to try a change. */
      if (g_str_equal (argv[1], "--trash"))
        {
          time_trash_and_import (library);
          tidy_all (library);
          return 0;
        }
      measure (library, n, two_words, prefix, prefix_3_common, prefix_3_rare);
      report_size (argv[3], n);
      time_trash_and_import (library);
      time_revision_growth (library, argv[3]);
      /* Left as a window leaves it after a rest, for the window rows that
       * open it next: the words of the stories restored and imported
       * noted (until then a prefix of four letters or more is FTS5's
       * own, 0.2 to 1 s at a million). */
      lede_bench_report (group, "tidied after the trash, the import and the revisions, steps back to back", "Lede",
                         "s", lede_bench_once (tidy_all (library)));
      return 0;
    }
  /* Anything else is a mistake, not a library to make (a library named
   * "--help" once took 30 GB). */
  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("Usage: %s [PATH] | --make N PATH | --many N PATH | --trash N PATH | --empty-trash PATH | --reindex PATH\n",
                  argv[0]);
      return 2;
    }
  library = open_or_make (argc > 1 ? argv[1] : "library-100k.db", N_STORIES);
  measure (library, N_STORIES, two_words, prefix, prefix_3_common, prefix_3_rare);
  report_size (argc > 1 ? argv[1] : "library-100k.db", N_STORIES);
  g_clear_object (&library);
  time_reindex (argc > 1 ? argv[1] : "library-100k.db", prefix_3_common);
  return 0;
}
