/* bench-photo-export.c: exporting stories with photos, and importing them
 * back. A library of N stories, each with a lead photo and two in the
 * body (JPEGs of about 1 MB made here, one turned by its EXIF
 * orientation), is exported whole in each format through the batch
 * lede-cli and the window use (HTML page, Hugo bundle, ninjs, DOCX), then
 * the Hugo bundles are imported into a fresh library, against the same
 * stories without photos.
 *
 *   lede-bench-photo-export DIR [N_STORIES]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "lede-export-batch.h"
#include "lede-import.h"
#include "lede-library.h"
#include "lede-photo-file.h"
#include "lede-bench-stats.h"

#define RUNS 3

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

/* A JPEG of noise (which compresses badly, as photos do): about 1 MB. */
static GBytes *
make_jpeg (guint seed)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 800);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *data = NULL;
  gsize length;

  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1200 * 3; x++)
      pixels[y * stride + x] = g_rand_int (rand) & 0xff;
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", NULL, "quality", "90", NULL));
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
make_library (const char *path,
              guint       n,
              gboolean    photos,
              GBytes    **pictures)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Harbour story %u: the tide, the quay and the lifeboat", i);
      g_autoptr (GString) body = g_string_new ("The first boat left at ten past six, and the quay was full.\n\n");

      lede_article_set_headline (article, headline);
      g_assert_true (lede_library_create_article (library, article, &error));
      for (guint p = 0; photos && p < 3; p++)
        {
          g_autoptr (LedePhoto) photo = lede_photo_file_read_bytes (pictures[p], "harbour.jpg", &error);

          g_assert_no_error (error);
          photo->role = p == 0 ? LEDE_PHOTO_ROLE_LEAD : LEDE_PHOTO_ROLE_BODY;
          lede_photo_set_text (&photo->caption, "The harbour at low tide");
          lede_photo_set_text (&photo->credit, "Photo: Rhian Adair");
          lede_photo_set_text (&photo->alt_text, "Boats resting on the mud");
          if (p == 2)
            photo->orientation = 6;
          g_assert_true (lede_library_add_photo (library, article, photo, pictures[p], &error));
          if (p > 0)
            g_string_append_printf (body, "![Boats](lede-photo:%s)\n\nMore of the story, graf %u.\n\n", photo->sha256, p);
        }
      lede_article_set_body (article, body->str);
      g_assert_true (lede_library_update_article (library, article, &error));
    }
}

static double
export_all (const char       *library_path,
            LedeExportFormat  format,
            const char       *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = lede_library_open (library_path, &error);
  g_autoptr (GPtrArray) articles = lede_library_list_articles (library, FALSE, &error);
  g_autoptr (LedeExportBatch) batch = NULL;
  double start;

  remove_all (out);
  g_mkdir_with_parents (out, 0755);
  start = now_ms ();
  batch = lede_export_batch_new (library, articles, format, out, LEDE_EXPORT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  lede_export_batch_run (batch, NULL, NULL);
  g_assert_cmpuint (lede_export_batch_get_failures (batch)->len, ==, 0);
  return now_ms () - start;
}

static double
import_all (const char *out,
            const char *library_path,
            gboolean    bundles)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GDir) dir = g_dir_open (out, 0, NULL);
  const char *name;
  double start;

  remove_all (library_path);
  {
    g_autofree char *photos = g_strconcat (library_path, "-photos", NULL);
    g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);

    remove_all (photos);
    g_remove (wal);
    g_remove (shm);
  }
  library = lede_library_open (library_path, &error);
  g_assert_no_error (error);
  start = now_ms ();
  g_assert_true (lede_library_begin_batch (library, &error));
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = bundles ? g_build_filename (out, name, "index.md", NULL) : g_build_filename (out, name, NULL);
      g_autoptr (LedeArticle) article = lede_import_file (library, path, &error);

      g_assert_no_error (error);
    }
  g_assert_true (lede_library_end_batch (library, &error));
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : NULL;
  guint n = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 100;
  static const struct { LedeExportFormat format; const char *name; } formats[] = {
    { LEDE_EXPORT_FORMAT_HTML, "HTML page" }, { LEDE_EXPORT_FORMAT_MARKDOWN, "Markdown (Hugo bundle)" },
    { LEDE_EXPORT_FORMAT_NINJS, "ninjs" }, { LEDE_EXPORT_FORMAT_DOCX, "DOCX" },
  };
  GBytes *pictures[3];

  if (dir == NULL)
    {
      g_printerr ("usage: lede-bench-photo-export DIR [N_STORIES]\n");
      return 2;
    }
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < 3; i++)
    pictures[i] = make_jpeg (i + 1);

  for (guint with = 0; with < 2; with++)
    {
      g_autofree char *library = g_build_filename (dir, with ? "photos.db" : "plain.db", NULL);
      g_autofree char *out = g_build_filename (dir, "out", NULL);
      g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
      const char *who = with ? "Lede, 3 photos a story" : "Lede, no photos";

      make_library (library, n, with, pictures);
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
          g_autofree char *row = g_strdup_printf ("export %u stories: %s", n, formats[f].name);

          for (guint run = 0; run < RUNS; run++)
            {
              double ms = export_all (library, formats[f].format, out);
              g_array_append_val (samples, ms);
            }
          lede_bench_report ("photo-export", row, who, "ms", lede_bench_stats (samples));
        }
      {
        g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *row = g_strdup_printf ("import %u Markdown stories (bundles with photos)", n);

        export_all (library, LEDE_EXPORT_FORMAT_MARKDOWN, out);
        for (guint run = 0; run < RUNS; run++)
          {
            double ms = import_all (out, fresh, with);
            g_array_append_val (samples, ms);
          }
        lede_bench_report ("photo-export", row, who, "ms", lede_bench_stats (samples));
      }
      remove_all (out);
    }
  for (guint i = 0; i < 3; i++)
    g_bytes_unref (pictures[i]);
  remove_all (dir);
  return 0;
}
