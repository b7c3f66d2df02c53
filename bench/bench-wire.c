/* bench-wire.c: the wire desk's reading. 1,000 NewsML-G2 files (and as
 * many ninjs) of a 600-word story each are written to a folder, then:
 * each read on its own (the file read, the XML parsed, the XHTML body read
 * into Markdown); all 1,000 imported into a new library in one batch, as
 * lede-cli import does; and the same 1,000 again, each known by its guid
 * and version and skipped.
 *
 * Usage: lede-bench-wire DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lede-import.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

#define FILES 1000

static char *
body_html (guint seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_new (NULL);
  guint written = 0;

  for (guint graf = 0; written < 600; graf++)
    {
      g_autoptr (GString) sentence = g_string_new (NULL);

      lede_bench_append_sentence (sentence, rand, &written);
      if (graf % 4 == 1)
        g_string_append_printf (out, "<p>%s <em>said</em> the <a href=\"https://example.org/%u\">council</a>.</p>\n",
                                sentence->str, graf);
      else if (graf == 6)
        g_string_append_printf (out, "<h2>Background</h2>\n<ul><li>%s</li><li>Fares rise.</li></ul>\n", sentence->str);
      else
        g_string_append_printf (out, "<p>%s</p>\n", sentence->str);
    }
  return g_string_free (out, FALSE);
}

static void
write_newsml (const char *path,
              guint       i,
              const char *body)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:bench.test:2026:%u\" version=\"1\">\n"
    "  <itemMeta><itemClass qcode=\"ninat:text\"/><versionCreated>2026-12-03T08:15:00Z</versionCreated>"
    "<pubStatus qcode=\"stat:usable\"/></itemMeta>\n"
    "  <contentMeta><headline>Wire story number %u on the ferry</headline><by>Bench Desk</by>"
    "<dateline>PORT ESSENDY</dateline><subject literal=\"Transport\"/><keyword>ferry</keyword></contentMeta>\n"
    "  <contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<body>\n%s</body></html></inlineXML></contentSet>\n"
    "</newsItem>\n", i, i, body);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
}

static void
write_ninjs (const char *path,
             guint       i,
             const char *body)
{
  g_autofree char *escaped = g_strescape (body, NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"uri\": \"urn:bench.test:ninjs:%u\", \"type\": \"text\", \"version\": \"1\", "
    "\"versioncreated\": \"2026-12-03T08:15:00Z\", \"headlines\": [{\"role\": \"main\", \"value\": \"Ninjs story %u\"}], "
    "\"by\": \"Bench Desk\", \"subjects\": [{\"name\": \"Transport\"}], "
    "\"bodies\": [{\"role\": \"main\", \"contenttype\": \"text/html\", \"value\": \"%s\"}]}\n", i, i, escaped);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

/* Each file read on its own, not into a library. */
static LedeBenchStats
time_reading (GPtrArray *paths)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < paths->len; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *data = NULL;
      g_auto (GStrv) tags = NULL;
      g_autoptr (LedeWire) wire = NULL;
      g_autoptr (LedeArticle) article = NULL;
      gsize len;
      double ms;

      g_assert_true (g_file_get_contents (g_ptr_array_index (paths, i), &data, &len, NULL));
      article = lede_import_parse_full (g_ptr_array_index (paths, i), data, len, NULL, &tags, &wire, NULL, NULL, NULL);
      g_assert_nonnull (article);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  return lede_bench_stats (samples);
}

/* All of them into @library in one batch; the seconds it took. */
static double
import_all (LedeLibrary *library,
            GPtrArray   *paths,
            gboolean     expect_skipped)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (lede_library_begin_batch (library, NULL));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = lede_import_file_encoded (library, g_ptr_array_index (paths, i), 0, NULL,
                                                                  NULL, NULL, NULL, &error);

      if (expect_skipped)
        g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
      else
        g_assert_no_error (error);
    }
  g_assert_true (lede_library_end_batch (library, NULL));
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
report_total (const char *row,
              double      seconds)
{
  LedeBenchStats stats = { seconds * 1000.0, seconds * 1000.0, seconds * 1000.0, seconds * 1000.0, 1 };

  lede_bench_report ("wire", row, "Lede", "ms", stats);
}

int
main (int   argc,
      char *argv[])
{
  const char *formats[] = { "NewsML-G2", "ninjs" };

  if (argc != 2)
    {
      g_printerr ("Usage: %s DIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *library_path = g_strdup_printf ("%s/wire-%u.db", argv[1], f);
      g_autoptr (LedeLibrary) library = NULL;
      g_autofree char *row = NULL;

      for (const char * const *s = (const char * const[]) { "", "-wal", "-shm", NULL }; *s; s++)
        {
          g_autofree char *old = g_strconcat (library_path, *s, NULL);

          g_unlink (old);
        }
      for (guint i = 0; i < FILES; i++)
        {
          g_autofree char *body = body_html (i);
          char *path = g_strdup_printf ("%s/%s-%04u.%s", argv[1], f == 0 ? "g2" : "ninjs", i, f == 0 ? "xml" : "json");

          if (f == 0)
            write_newsml (path, i, body);
          else
            write_ninjs (path, i, body);
          g_ptr_array_add (paths, path);
        }
      row = g_strdup_printf ("read one %s file (600 words)", formats[f]);
      lede_bench_report ("wire", row, "Lede", "ms", time_reading (paths));
      library = lede_library_open (library_path, NULL);
      g_assert_nonnull (library);
      g_free (row);
      row = g_strdup_printf ("1,000 %s files imported", formats[f]);
      report_total (row, import_all (library, paths, FALSE));
      g_free (row);
      row = g_strdup_printf ("the same 1,000 %s again (skipped)", formats[f]);
      report_total (row, import_all (library, paths, TRUE));
    }
  return 0;
}
