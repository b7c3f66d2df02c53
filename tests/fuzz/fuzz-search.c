/* fuzz-search.c: any text as a search of a small library. It answers with
 * hits or, for words that are not UTF-8, an error in words; never a crash
 * or a GLib critical, and every hit's headline and snippet are UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define LEDE_FUZZ_OWN_INIT

#include <glib/gstdio.h>

#include "lede-library.h"
#include "lede-fuzz.h"

static LedeLibrary *library;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char *stories[][2] = {
    { "Ferry to Kestle Island returns", "The night ferry sails again from 3 March, the council’s transport officer said." },
    { "Harbour dues rise by a tenth", "Fishing crews say the “steep” rise will cost them £1,200 a year." },
    { "Guterres’ envoy visits the port", "An envoy met dock workers on Tuesday; talks NEAR the quay ran late." },
  };
  g_autofree char *dir = g_dir_make_tmp ("lede-fuzz-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;

  lede_fuzz_init ();
  library = lede_library_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();

      lede_article_set_headline (article, stories[i][0]);
      lede_article_set_body (article, stories[i][1]);
      lede_library_create_article (library, article, NULL);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* A search is words a person types; 4 KB is more than any. */
  g_autofree char *query = g_strndup ((const char *)data, MIN (size, 4096));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = lede_library_search (library, query, 20, &error);

  if (hits == NULL)
    {
      lede_fuzz_check (!g_utf8_validate (query, -1, NULL), "a UTF-8 search failed: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (hits, i);

      lede_fuzz_check (g_utf8_validate (hit->headline, -1, NULL) && g_utf8_validate (hit->snippet, -1, NULL),
                       "a hit that is not UTF-8");
    }
  return 0;
}
