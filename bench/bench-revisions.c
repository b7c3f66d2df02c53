/* bench-revisions.c: the word diff of two 100k-word bodies (a tenth of
 * the grafs edited, and two bodies with nothing in common), and listing
 * a story's 10,000 revisions as the History window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lede-diff.h"
#include "lede-library.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

/* A tenth of the grafs changed: a word swapped, a sentence added. */
static char *
edited (const char *body)
{
  g_auto (GStrv) grafs = g_strsplit (body, "\n\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; grafs[i]; i++)
    {
      if (i % 10 == 3)
        g_string_append (out, "An added sentence about the ferry. ");
      g_string_append (out, i % 10 == 7 ? g_strdelimit (grafs[i], "e", 'a') : grafs[i]);
      if (grafs[i + 1])
        g_string_append (out, "\n\n");
    }
  return g_string_free (out, FALSE);
}

static LedeBenchStats
time_diff (const char *old_text,
           const char *new_text,
           guint       runs)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GArray) spans = lede_diff_words (old_text, new_text);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (spans != NULL);
      g_array_append_val (samples, ms);
    }
  return lede_bench_stats (samples);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *body = lede_bench_story (100000, 1);
  g_autofree char *changed = edited (body);
  g_autofree char *other = lede_bench_story (100000, 2);
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  lede_bench_report ("revisions", "word diff, 100k words, a tenth of the grafs edited", "Lede", "ms",
                     time_diff (body, changed, 5));
  lede_bench_report ("revisions", "word diff, two 100k-word bodies in common only in their words", "Lede", "ms",
                     time_diff (body, other, 3));
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_article_new ();

    lede_article_set_headline (article, "A story edited all year");
    lede_library_create_article (library, article, NULL);
    lede_library_begin_batch (library, NULL);
    for (guint i = 0; i < 10000; i++)
      {
        g_autofree char *text = g_strdup_printf ("Version %u of the story.\n", i);

        lede_article_set_body (article, text);
        lede_library_keep_revision (library, article, "ten minutes of editing", "kept", NULL, NULL);
      }
    lede_library_end_batch (library, NULL);
    for (guint i = 0; i < 9; i++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr (GPtrArray) revisions = lede_library_list_revisions (library, lede_article_get_id (article), NULL);
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        g_assert (revisions->len == 10000);
        g_array_append_val (samples, ms);
      }
    lede_bench_report ("revisions", "list a story's 10,000 revisions (History)", "Lede", "ms", lede_bench_stats (samples));
  }
  g_unlink (path);
  return 0;
}
