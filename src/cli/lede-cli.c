/* lede-cli.c: Lede without a window — list and search a library.
 *
 * Built on src/core only, so it runs with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "lede-library.h"

/* Exit codes, as documented in --help and the README. */
enum {
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_LIBRARY = 2,
  EXIT_FAILED = 3,
};

static char *library_path;
static gboolean as_json;
static gboolean in_trash;
static int limit = 50;

static const GOptionEntry common_options[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path, N_("The library file (default: the one Lede opens)"), N_("PATH") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of text"), NULL },
  { "trash", 0, 0, G_OPTION_ARG_NONE, &in_trash, N_("list: the stories in the trash"), NULL },
  { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("search: at most N hits (default 50)"), N_("N") },
  { NULL }
};

static const char SUMMARY[] =
  "Commands:\n"
  "  list              the stories, newest first\n"
  "  search QUERY…     stories matching the words, best first (\"a phrase\", prefix*)\n"
  "\n"
  "Exit status: 0 done, 1 wrong usage, 2 the library could not be opened,\n"
  "3 the command failed.\n";

static char *
format_time (GDateTime *time)
{
  return time ? g_date_time_format_iso8601 (time) : NULL;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
list_command (LedeLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = lede_library_list_articles (library, in_trash, &error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (articles == NULL)
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *updated = format_time (lede_article_get_updated (article));
      const char *status = lede_article_status_to_string (lede_article_get_status (article));

      if (!as_json)
        {
          printf ("%s\t%s\t%s\t%s\n", lede_article_get_uuid (article), status,
                  updated ? updated : "", lede_article_get_headline (article));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, lede_article_get_uuid (article));
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, lede_article_get_headline (article));
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, lede_article_get_slug (article));
      json_builder_set_member_name (builder, "byline");
      json_builder_add_string_value (builder, lede_article_get_byline (article));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_string_value (builder, updated);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (as_json)
    print_json (builder);
  return EXIT_OK;
}

static int
search_command (LedeLibrary  *library,
                char        **words)
{
  g_autofree char *query = g_strjoinv (" ", words);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (limit <= 0)
    {
      g_printerr ("lede-cli: --limit must be at least 1\n");
      return EXIT_USAGE;
    }
  if (!(hits = lede_library_search (library, query, limit, &error)))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr (LedeArticle) article = lede_library_get_article (library, hit->id, NULL);
      const char *uuid = article ? lede_article_get_uuid (article) : "";

      if (!as_json)
        {
          printf ("%s\t%s\t%s\n", uuid, hit->headline, hit->snippet);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, uuid);
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, hit->headline);
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, hit->snippet);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_double_value (builder, hit->rank);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (as_json)
    print_json (builder);
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autofree char *default_path = NULL;
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, common_options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Lede's stories, from the command line."));
  g_option_context_set_description (context, SUMMARY);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  command = argv[1];
  if (!g_str_equal (command, "list") && !g_str_equal (command, "search"))
    {
      g_printerr ("lede-cli: unknown command “%s” (try --help)\n", command);
      return EXIT_USAGE;
    }
  if (g_str_equal (command, "search") && argc < 3)
    {
      g_printerr ("lede-cli: search needs words to look for\n");
      return EXIT_USAGE;
    }

  if (library_path == NULL)
    library_path = default_path = lede_library_dup_default_path ();
  if (!(library = lede_library_open (library_path, &error)))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return EXIT_LIBRARY;
    }

  if (g_str_equal (command, "list"))
    return list_command (library);
  return search_command (library, argv + 2);
}
