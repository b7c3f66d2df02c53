/* bench-photos.c: where a library keeps its photos' bytes — beside it, in
 * files named by their SHA-256 (what Lede does), or inside the SQLite file
 * as BLOBs (the other way, done here as Lede would: one table of BLOBs by
 * SHA-256, one transaction a photo, WAL and synchronous=NORMAL). For
 * each: adding 1,000 photos of 5 MB to 1,000 stories, then opening the
 * library, listing the sidebar, a search, reading one photo back and the
 * whole-file check (quick_check) that runs before lede-cli writes, against
 * the same library with no photos.
 *
 *   lede-bench-photos DIR [N_PHOTOS]
 *
 * DIR needs room for two libraries of N × 5 MB (10 GB for 1,000).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library.h"
#include "lede-bench-stats.h"

#define PHOTO_BYTES (5 * 1000 * 1000)
#define RUNS        7

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
remove_all (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_all (child);
    }
  g_remove (path);
}

/* A library of @n stories, no photos. */
static void
make_library (const char *path,
              guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;

  for (const char *suffix = ""; suffix; suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  {
    g_autofree char *photos = g_strconcat (path, "-photos", NULL);
    remove_all (photos);
  }
  if (!(library = lede_library_open (path, &error)))
    g_error ("%s", error->message);
  lede_library_begin_batch (library, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Harbour story %u: the tide, the quay and the lifeboat", i);

      lede_article_set_headline (article, headline);
      lede_article_set_body (article, "The harbour master said the readings were lost for three hours. "
                                      "Crews worked through the night on the quay.\n");
      if (!lede_library_create_article (library, article, &error))
        g_error ("%s", error->message);
    }
  lede_library_end_batch (library, NULL);
}

/* Photo @i's bytes: 5 MB that differ from every other photo's. */
static GBytes *
photo_bytes (guint i)
{
  guint32 *words = g_malloc (PHOTO_BYTES);
  GRand *rand = g_rand_new_with_seed (i + 1);

  for (gsize w = 0; w < PHOTO_BYTES / sizeof *words; w++)
    words[w] = g_rand_int (rand);
  g_rand_free (rand);
  return g_bytes_new_take (words, PHOTO_BYTES);
}

static void
report_once (const char *row,
             const char *who,
             const char *unit,
             double      value)
{
  LedeBenchStats stats = { value, value, value, value, 1 };

  lede_bench_report ("photos 1k × 5 MB", row, who, unit, stats);
}

/* Lede's way: lede_library_add_photo(), files beside the library. */
static double
add_beside (const char *path,
            guint       n)
{
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GBytes) bytes = photo_bytes (i);
      g_autoptr (LedeArticle) article = lede_library_get_article (library, i + 1, NULL);
      g_autoptr (LedePhoto) photo = lede_photo_new (NULL);
      g_autoptr (GError) error = NULL;
      double start = now_ms ();

      lede_photo_set_text (&photo->media_type, "image/jpeg");
      lede_photo_set_text (&photo->file_name, "photo.jpg");
      lede_photo_set_text (&photo->alt_text, "A quay");
      photo->width = 2736, photo->height = 1824, photo->role = LEDE_PHOTO_ROLE_LEAD;
      if (!lede_library_add_photo (library, article, photo, bytes, &error))
        g_error ("%s", error->message);
      total += now_ms () - start;
    }
  return total;
}

/* The other way, as Lede would do it: the bytes in a table of the library
 * itself, one transaction a photo. */
static double
add_inside (const char *path,
            guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double total = 0;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                    "CREATE TABLE IF NOT EXISTS photo_bytes (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO photo_bytes (sha256, bytes) VALUES (?1, ?2) ON CONFLICT DO NOTHING", -1,
                      &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GBytes) bytes = photo_bytes (i);
      double start = now_ms ();
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
      sqlite3_reset (stmt);
      g_assert (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
      total += now_ms () - start;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return total;
}

/* Opening, the sidebar's first screen, a search, and the check before
 * lede-cli writes, as medians of RUNS. */
static void
measure (const char *path,
         const char *who)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) check = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (LedeLibrary) library = NULL;
      g_autoptr (GArray) ids = NULL;
      g_autoptr (GPtrArray) hits = NULL;
      g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr (GPtrArray) articles = NULL;
      double start = now_ms (), t;

      library = lede_library_open (path, NULL);
      t = now_ms () - start;
      g_array_append_val (open, t);

      start = now_ms ();
      ids = lede_library_list_ids_sorted (library, FALSE, -1, NULL, NULL, LEDE_STORY_ORDER_NEWEST, NULL);
      g_array_append_vals (first, ids->data, MIN (ids->len, 40));
      articles = lede_library_get_articles (library, first, NULL);
      t = now_ms () - start;
      g_array_append_val (list, t);

      start = now_ms ();
      hits = lede_library_search (library, "lifeboat quay", 20, NULL);
      t = now_ms () - start;
      g_array_append_val (search, t);

      if (run < 3)
        {
          start = now_ms ();
          lede_library_check (library, NULL);
          t = now_ms () - start;
          g_array_append_val (check, t);
        }
    }
  {
    lede_bench_report ("photos 1k × 5 MB", "open the library", who, "ms", lede_bench_stats (open));
    lede_bench_report ("photos 1k × 5 MB", "list the sidebar (40 stories)", who, "ms", lede_bench_stats (list));
    lede_bench_report ("photos 1k × 5 MB", "search (top 20)", who, "ms", lede_bench_stats (search));
    lede_bench_report ("photos 1k × 5 MB", "check the whole file (quick_check)", who, "ms", lede_bench_stats (check));
  }
}

static gint64
size_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *beside = NULL, *inside = NULL;
  guint n = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 1000;
  double ms;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DIR [N_PHOTOS]\n", argv[0]);
      return 1;
    }
  g_mkdir_with_parents (argv[1], 0755);
  beside = g_build_filename (argv[1], "photos-beside.db", NULL);
  inside = g_build_filename (argv[1], "photos-inside.db", NULL);

  g_printerr ("Two libraries of %u stories…\n", n);
  make_library (beside, n);
  make_library (inside, n);
  measure (beside, "no photos");

  g_printerr ("Adding %u photos of 5 MB beside the library (Lede)…\n", n);
  ms = add_beside (beside, n);
  report_once ("add a photo (mean)", "beside, in files (Lede)", "ms", ms / n);
  report_once ("add them all", "beside, in files (Lede)", "s", ms / 1000);
  measure (beside, "beside, in files (Lede)");
  {
    g_autoptr (LedeLibrary) library = lede_library_open (beside, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article (library, 1, NULL);
    g_autoptr (GBytes) bytes = NULL;
    double start = now_ms ();

    bytes = lede_library_dup_photo_bytes (library, g_ptr_array_index (lede_article_get_photos (article), 0), NULL);
    report_once ("read a photo back (checked)", "beside, in files (Lede)", "ms", now_ms () - start);
    report_once ("library file", "beside, in files (Lede)", "MB", size_of (beside) / 1e6);
  }

  g_printerr ("Adding %u photos of 5 MB inside the SQLite file…\n", n);
  ms = add_inside (inside, n);
  report_once ("add a photo (mean)", "inside, as BLOBs", "ms", ms / n);
  report_once ("add them all", "inside, as BLOBs", "s", ms / 1000);
  measure (inside, "inside, as BLOBs");
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    double start = now_ms ();

    sqlite3_open_v2 (inside, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_prepare_v2 (db, "SELECT bytes FROM photo_bytes LIMIT 1", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_free (g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0)));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    report_once ("read a photo back (checked)", "inside, as BLOBs", "ms", now_ms () - start);
    report_once ("library file", "inside, as BLOBs", "MB", size_of (inside) / 1e6);
  }
  return 0;
}
