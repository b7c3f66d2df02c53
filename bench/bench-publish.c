/* bench-publish.c: publishing to a WordPress site and pulling from it
 * (issue 25), against the tests' own WordPress 6.1 on this machine (bench/run
 * runs it under tests/wordpress/wordpress-session.sh, which sets
 * LEDE_WP_URL and the users' application passwords):
 *
 *  - 100 stories of 600 words, with a section and three tags, published as
 *    new posts, one at a time, as the window and lede-cli publish do: each
 *    through the gate, its terms found (or made, the first time), the post
 *    made and remembered;
 *  - the same 100 published again: each post read back first (changed on
 *    the site since?) and updated;
 *  - 100 drafts made on the site, listed (Open from WordPress…), then each
 *    read into Markdown and kept in a library of its own.
 *
 * Times per story in ms, the network being this machine's loopback: what
 * is measured is Lede's side and the site's PHP, not a real link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lede-gate.h"
#include "lede-markdown.h"
#include "lede-publish.h"
#include "lede-pull.h"
#include "lede-bench-stats.h"
#include "lede-bench-story.h"

#define STORIES 100

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this under tests/wordpress/wordpress-session.sh", name);
  return value;
}

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static LedeVerdict *
let_out (LedeLibrary *library,
         LedeArticle *article)
{
  g_autofree char *last_out = NULL;
  LedeVerdict *verdict;

  if (!lede_library_get_went_out (library, lede_article_get_id (article), &last_out, NULL, NULL))
    g_error ("could not read what went out");
  verdict = lede_gate_ask (article, lede_article_get_tags (article), NULL, last_out, LEDE_WAY_OUT_PUBLISH, NULL);
  /* Generated prose trips the checks now and then: the writer lets it go. */
  if (lede_verdict_is_blocked (verdict))
    lede_verdict_allow (verdict);
  if (lede_verdict_asks_correction (verdict))
    lede_verdict_dismiss_correction (verdict);
  return verdict;
}

static void
publish_all (LedeWordpress *site,
             LedeLibrary   *library,
             GPtrArray     *articles,
             const char    *row)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autoptr (LedeVerdict) verdict = let_out (library, article);
      g_auto (LedePublished) published = { 0 };
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!lede_publish_story (site, library, verdict, LEDE_PUBLISH_NOW, NULL, LEDE_PUBLISH_FLAGS_NONE, &published,
                               NULL, &error))
        g_error ("publish: %s", error->message);
      ms = since_ms (start);
      g_array_append_val (samples, ms);
    }
  lede_bench_report ("publishing", row, "Lede → WordPress 6.1 (loopback)", "ms per story", lede_bench_stats (samples));
}

/* 100 drafts made on the site as its editors would, in HTML. */
static void
make_drafts (LedeWordpress *site,
             const char    *run)
{
  for (guint i = 0; i < STORIES; i++)
    {
      g_autofree char *markdown = lede_bench_story (600, 5000 + i);
      g_autofree char *html = lede_markdown_to_published_html (markdown, -1);
      g_autofree char *title = g_strdup_printf ("Draft %u of run %s", i + 1, run);
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) body = NULL;
      g_autoptr (JsonNode) made = NULL;
      g_autoptr (GError) error = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, html);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "draft");
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      if (!(made = lede_wordpress_call (site, "POST", "wp/v2/posts", NULL, body, NULL, NULL, &error)))
        g_error ("making a draft: %s", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-publish-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *pulled_path = g_build_filename (dir, "pulled.db", NULL);
  g_autofree char *run = g_strdup_printf ("%08x", g_random_int ());
  g_autoptr (LedeWordpress) site = lede_wordpress_new (env ("LEDE_WP_URL"), env ("LEDE_WP_ADMIN_USER"),
                                                       env ("LEDE_WP_ADMIN_PASSWORD"));
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeLibrary) pulled = lede_library_open (pulled_path, NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  const char *tags[] = { "Harbour", "Council", NULL, NULL };
  guint mine = 0;
  gint64 start;
  double ms;

  if (!lede_wordpress_connect (site, NULL, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < STORIES; i++)
    {
      LedeArticle *article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Harbour report %u of run %s", i + 1, run);
      g_autofree char *body = lede_bench_story (600, i + 1);
      g_autofree char *week = g_strdup_printf ("Week %u", i % 10);

      lede_article_set_headline (article, headline);
      lede_article_set_standfirst (article, "The council met on the quay.");
      lede_article_set_body (article, body);
      lede_article_set_section (article, "Local");
      tags[2] = week;
      lede_article_set_tags (article, tags);
      if (!lede_library_create_article (library, article, &error) ||
          !lede_library_set_tags (library, lede_article_get_id (article), tags, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (articles, article);
    }
  publish_all (site, library, articles, "100 stories of 600 words, 3 tags, as new posts");
  publish_all (site, library, articles, "the same 100 again: each post checked, then updated");

  make_drafts (site, run);
  start = g_get_monotonic_time ();
  if (!(drafts = lede_pull_list (site, NULL, &error)))
    g_error ("pull list: %s", error->message);
  ms = since_ms (start);
  {
    g_autoptr (GArray) once = g_array_new (FALSE, FALSE, sizeof (double));

    g_array_append_val (once, ms);
    g_autofree char *row = g_strdup_printf ("list the site's drafts (%u)", drafts->len);
    lede_bench_report ("publishing", row, "Lede ← WordPress 6.1 (loopback)", "ms", lede_bench_stats (once));
  }
  for (guint i = 0; i < drafts->len; i++)
    {
      LedeSiteDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr (LedeSiteDraft) read = NULL;
      g_auto (GStrv) names = NULL;
      g_autoptr (LedeArticle) story = NULL;
      g_autoptr (LedeArticle) kept = NULL;
      gboolean already = FALSE;

      if (!strstr (draft->title, run))
        continue;
      start = g_get_monotonic_time ();
      if (!(story = lede_pull_read (site, draft->post_id, &read, &names, NULL, &error)) ||
          !(kept = lede_pull_keep (pulled, lede_wordpress_get_address (site), story, read,
                                   (const char * const *)names, &already, &error)))
        g_error ("pull: %s", error->message);
      ms = since_ms (start);
      g_array_append_val (reads, ms);
      mine++;
    }
  if (mine != STORIES)
    g_error ("pulled %u drafts of this run, not %u", mine, STORIES);
  lede_bench_report ("publishing", "pull 100 drafts of 600 words into a library", "Lede ← WordPress 6.1 (loopback)",
                     "ms per draft", lede_bench_stats (reads));

  g_clear_object (&library);
  g_clear_object (&pulled);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (path, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (pulled_path, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (b);
      }
    g_rmdir (dir);
  }
  return 0;
}
