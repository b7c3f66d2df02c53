/* lede-cli.c: Lede without a window — list, search, import and export.
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

#include "lede-export-batch.h"
#include "lede-import.h"
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
static char *format_name;
static char *out_dir;
static gboolean export_all;
static char *only_status;
static char *only_tag;
static gboolean overwrite;
static gboolean jekyll_names;

static const GOptionEntry common_options[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path, N_("The library file (default: the one Lede opens)"), N_("PATH") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of text"), NULL },
  { "trash", 0, 0, G_OPTION_ARG_NONE, &in_trash, N_("list: the stories in the trash"), NULL },
  { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("search: at most N hits (default 50)"), N_("N") },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("export: html, fragment, md or ninjs"), N_("FORMAT") },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, N_("export: the folder to write into"), N_("DIR") },
  { "all", 0, 0, G_OPTION_ARG_NONE, &export_all, N_("export: every story not in the trash"), NULL },
  { "status", 0, 0, G_OPTION_ARG_STRING, &only_status, N_("export: the stories with this status"), N_("STATUS") },
  { "tag", 0, 0, G_OPTION_ARG_STRING, &only_tag, N_("export: the stories with this tag"), N_("TAG") },
  { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite, N_("export: replace files of the same name"), NULL },
  { "jekyll-names", 0, 0, G_OPTION_ARG_NONE, &jekyll_names, N_("export: name Markdown files YYYY-MM-DD-slug.md"), NULL },
  { NULL }
};

static const char SUMMARY[] =
  "Commands:\n"
  "  list              the stories, newest first\n"
  "  search QUERY…     stories matching the words, best first (\"a phrase\", prefix*)\n"
  "  import FILE…      add Markdown (.md, front matter optional) and plain-text\n"
  "                    (.txt) stories; each file is added whole or not at all\n"
  "  export --format html|fragment|md|ninjs --out DIR [--all | --status S |\n"
  "         --tag T | UUID…]\n"
  "                    write stories into DIR; existing files are left alone\n"
  "                    unless --overwrite is given\n"
  "\n"
  "Exit status: 0 done, 1 wrong usage, 2 the library could not be opened,\n"
  "3 the command failed (for import and export: at least one file failed;\n"
  "the others were done, and each failure is on standard error).\n";

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

static int
import_command (LedeLibrary  *library,
                char        **files)
{
  g_autoptr (GError) batch_error = NULL;
  guint imported = 0, failed = 0;

  if (!lede_library_begin_batch (library, &batch_error))
    {
      g_printerr ("lede-cli: %s\n", batch_error->message);
      return EXIT_FAILED;
    }
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = lede_import_file (library, files[i], &error);

      if (article == NULL)
        {
          g_printerr ("lede-cli: %s\n", error->message);
          failed++;
          continue;
        }
      imported++;
      if (!as_json)
        printf ("%s\t%s\n", lede_article_get_uuid (article), lede_article_get_headline (article));
    }
  if (!lede_library_end_batch (library, &batch_error))
    {
      g_printerr ("lede-cli: %s; nothing was imported\n", batch_error->message);
      return EXIT_FAILED;
    }
  g_printerr ("lede-cli: imported %u, failed %u\n", imported, failed);
  return failed ? EXIT_FAILED : EXIT_OK;
}

static int
export_command (LedeLibrary  *library,
                char        **uuids)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (LedeExportBatch) batch = NULL;
  GPtrArray *failures;
  LedeExportFormat format;
  LedeExportFlags flags = LEDE_EXPORT_FLAGS_NONE;
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  guint written = 0, failed = 0;
  int choices = (export_all ? 1 : 0) + (only_status ? 1 : 0) + (only_tag ? 1 : 0) + (uuids[0] ? 1 : 0);

  if (!lede_export_format_from_string (format_name, &format))
    {
      g_printerr ("lede-cli: export needs --format html, fragment, md or ninjs\n");
      return EXIT_USAGE;
    }
  if (out_dir == NULL)
    {
      g_printerr ("lede-cli: export needs --out DIR\n");
      return EXIT_USAGE;
    }
  if (choices != 1)
    {
      g_printerr ("lede-cli: export needs one of --all, --status S, --tag T or story uuids\n");
      return EXIT_USAGE;
    }
  if (only_status && !lede_article_status_from_string (only_status, &status))
    {
      g_printerr ("lede-cli: unknown status “%s” (draft, in-progress, ready, published, spiked)\n", only_status);
      return EXIT_USAGE;
    }
  if (!g_file_test (out_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("lede-cli: “%s” is not a folder\n", out_dir);
      return EXIT_FAILED;
    }
  if (overwrite)
    flags |= LEDE_EXPORT_FLAGS_OVERWRITE;
  if (jekyll_names)
    flags |= LEDE_EXPORT_FLAGS_JEKYLL_NAMES;

  if (uuids[0])
    {
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; uuids[i]; i++)
        {
          g_autoptr (GError) local_error = NULL;
          LedeArticle *article = lede_library_get_article_by_uuid (library, uuids[i], &local_error);

          if (article == NULL)
            {
              g_printerr ("lede-cli: no story %s: %s\n", uuids[i], local_error->message);
              failed++;
              continue;
            }
          g_ptr_array_add (articles, article);
        }
    }
  else
    {
      /* The same filter as the sidebar's; --all is no filter. */
      g_autoptr (GArray) ids = lede_library_list_ids_filtered (library, FALSE, only_status ? (int)status : -1,
                                                               only_tag, &error);

      if (ids == NULL || !(articles = lede_library_get_articles (library, ids, &error)))
        {
          g_printerr ("lede-cli: %s\n", error->message);
          return EXIT_FAILED;
        }
    }

  if (!(batch = lede_export_batch_new (library, articles, format, out_dir, flags, &error)))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return EXIT_FAILED;
    }
  lede_export_batch_run (batch, NULL, NULL);
  failures = lede_export_batch_get_failures (batch);
  for (guint i = 0; i < failures->len; i++)
    g_printerr ("lede-cli: %s\n", ((GError *)g_ptr_array_index (failures, i))->message);
  for (guint i = 0; !as_json && i < lede_export_batch_get_paths (batch)->len; i++)
    printf ("%s\n", (char *)g_ptr_array_index (lede_export_batch_get_paths (batch), i));
  written = lede_export_batch_get_written (batch);
  failed += failures->len;
  g_printerr ("lede-cli: exported %u, failed %u\n", written, failed);
  return failed ? EXIT_FAILED : EXIT_OK;
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
  if (!g_strv_contains ((const char * const[]) { "list", "search", "import", "export", NULL }, command))
    {
      g_printerr ("lede-cli: unknown command “%s” (try --help)\n", command);
      return EXIT_USAGE;
    }
  if (g_str_equal (command, "search") && argc < 3)
    {
      g_printerr ("lede-cli: search needs words to look for\n");
      return EXIT_USAGE;
    }
  if (g_str_equal (command, "import") && argc < 3)
    {
      g_printerr ("lede-cli: import needs files to import\n");
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
  if (g_str_equal (command, "import"))
    return import_command (library, argv + 2);
  if (g_str_equal (command, "export"))
    return export_command (library, argv + 2);
  return search_command (library, argv + 2);
}
