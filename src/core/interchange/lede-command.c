/* lede-command.c: one lede-cli command (list, search, import, export).
 *
 * lede-cli runs it on the library itself; when a Lede window has the
 * library open, lede-cli asks that Lede to run a command that writes, on
 * its own connection (see "One library, one writer" in HACKING.md). So the
 * command takes its words and its working folder as given, and writes what
 * it has to say into strings instead of onto the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-command.h"
#include "lede-export-batch.h"
#include "lede-gate.h"
#include "lede-import.h"

struct _LedeCommand
{
  char      *library_path;  /* absolute, or NULL for the default library */
  gboolean   as_json;
  gboolean   in_trash;
  int        limit;
  char      *format_name;
  char      *out_dir;       /* absolute */
  gboolean   export_all;
  gboolean   force;
  gboolean   include_spiked;
  char      *only_status;
  char      *only_tag;
  gboolean   overwrite;
  gboolean   jekyll_names;
  gboolean   as_new;
  char      *correction;    /* export: "KIND:NOTE" for stories changed since they went out */
  gboolean   no_correction;
  gboolean   lift_embargo;
  char      *name;          /* list, search, import, trash, restore, export, check, history or show-revision */
  char     **arguments;     /* what follows the name; files made absolute */
};

static const char SUMMARY[] = N_(
  "Commands:\n"
  "  list              the stories, newest first\n"
  "  search QUERY…     stories matching the words, best first (\"a phrase\", prefix*)\n"
  "  import FILE…      add Markdown (.md, front matter optional) and plain-text\n"
  "                    (.txt) stories; each file is added whole or not at all;\n"
  "                    a file with a uuid the library has updates that story\n"
  "                    when its lastmod is newer, and is skipped otherwise;\n"
  "                    a file without a uuid whose headline and text the\n"
  "                    library has (the trash too) is skipped (--as-new adds\n"
  "                    a copy instead); a lastmod in the future is taken as\n"
  "                    the time of the import; an embargo that holds is kept\n"
  "                    when the file's is earlier or absent, unless\n"
  "                    --lift-embargo; JSON, XML and word-processor files\n"
  "                    are refused\n"
  "  trash UUID…       move stories to the trash\n"
  "  restore UUID…     bring stories back from the trash (list --trash lists it)\n"
  "  history UUID      the story's revisions, newest first: number, time, why,\n"
  "                    name, words\n"
  "  show-revision UUID REV\n"
  "                    that revision as Markdown with front matter\n"
  "  restore UUID REV  put that revision back as the story (the story as it\n"
  "                    is now is kept as a revision first)\n"
  "  export --format html|fragment|md|ninjs|docx --out DIR [--all |\n"
  "         --status S | --tag T | UUID…]\n"
  "                    write stories into DIR; existing files are left alone\n"
  "                    unless --overwrite is given; a story the checks block\n"
  "                    (under embargo, a placeholder left in, marked ready\n"
  "                    without a byline…) is left out unless --force; spiked\n"
  "                    stories go out only by uuid, --status spiked or\n"
  "                    --include-spiked\n"
  "  check [--all | --status S | --tag T | UUID…]\n"
  "                    the copy desk's checks: unattributed quotations, names\n"
  "                    spelt two ways, placeholders, wrong weekdays and\n"
  "                    percentages, lengths, missing fields, embargo\n"
  "\n"
  "When Lede has the library open, import, trash and restore are done by\n"
  "that Lede, which shows the result at once; list, search and export read\n"
  "the library as it is, what the window saved a moment ago included.\n"
  "\n"
  "Exit status: 0 done, 1 wrong usage, 2 the library could not be opened\n"
  "(or Lede has it open and could not be asked), 3 the command failed (for\n"
  "import and export: at least one file failed; the others were done, and\n"
  "each failure is on standard error), 4 check found something that blocks\n"
  "a story from export.\n");

static GOptionContext *
make_context (LedeCommand *self)
{
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &self->library_path, N_("The library file (default: the one Lede opens)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &self->as_json, N_("Print JSON instead of text"), NULL },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &self->in_trash, N_("list: the stories in the trash"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &self->limit, N_("search: at most N hits (default 50)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &self->format_name, N_("export: html, fragment, md, ninjs or docx"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &self->out_dir, N_("export: the folder to write into"), N_("DIR") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &self->export_all, N_("export, check: every story not in the trash"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &self->only_status, N_("export, check: the stories with this status"), N_("STATUS") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &self->only_tag, N_("export, check: the stories with this tag"), N_("TAG") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &self->overwrite, N_("export: replace files of the same name"), NULL },
    { "jekyll-names", 0, 0, G_OPTION_ARG_NONE, &self->jekyll_names, N_("export: name Markdown files YYYY-MM-DD-slug.md"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &self->force, N_("export: stories the checks block too"), NULL },
    { "include-spiked", 0, 0, G_OPTION_ARG_NONE, &self->include_spiked, N_("export, check: spiked stories too, with --all, --status or --tag"), NULL },
    { "as-new", 0, 0, G_OPTION_ARG_NONE, &self->as_new, N_("import: a story of its own even when the library has the file’s uuid"), NULL },
    { "correction", 0, 0, G_OPTION_ARG_STRING, &self->correction, N_("export: log this for published stories changed since they last went out (correction, clarification or update, then a colon and the note for readers)"), N_("KIND:NOTE") },
    { "no-correction", 0, 0, G_OPTION_ARG_NONE, &self->no_correction, N_("export: published stories changed since they last went out need no note for readers"), NULL },
    { "lift-embargo", 0, 0, G_OPTION_ARG_NONE, &self->lift_embargo, N_("import: take the file’s embargo even when it is earlier than the library’s, or none"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Lede's stories, from the command line."));
  g_option_context_set_description (context, _(SUMMARY));
  return context;
}

char *
lede_command_dup_help (void)
{
  g_autoptr (LedeCommand) command = g_new0 (LedeCommand, 1);
  g_autoptr (GOptionContext) context = make_context (command);

  return g_option_context_get_help (context, TRUE, NULL);
}

void
lede_command_free (LedeCommand *self)
{
  g_free (self->library_path);
  g_free (self->format_name);
  g_free (self->out_dir);
  g_free (self->only_status);
  g_free (self->only_tag);
  g_free (self->correction);
  g_free (self->name);
  g_strfreev (self->arguments);
  g_free (self);
}

static void
make_absolute (char       **path,
               const char  *cwd)
{
  char *absolute;

  if (*path == NULL)
    return;
  absolute = g_canonicalize_filename (*path, cwd);
  g_free (*path);
  *path = absolute;
}

/**
 * lede_command_parse:
 * @argv: the words, starting with the program's name
 * @cwd: the folder relative file names are relative to
 *
 * Reads a command line. Wrong usage fails with an error in the
 * %G_OPTION_ERROR domain whose message says what is wrong. --help is not
 * handled here (see lede_command_dup_help()), so parsing never prints or
 * exits, even inside Lede.
 */
LedeCommand *
lede_command_parse (const char * const  *argv,
                    const char          *cwd,
                    GError             **error)
{
  g_autoptr (LedeCommand) self = g_new0 (LedeCommand, 1);
  g_autoptr (GOptionContext) context = make_context (self);
  g_auto (GStrv) words = g_strdupv ((char **)argv);
  guint n;

  self->limit = 50;
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse_strv (context, &words, error))
    return NULL;

  n = g_strv_length (words);
  if (n < 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("a command is missing (try --help)"));
      return NULL;
    }
  self->name = g_strdup (words[1]);
  if (!g_strv_contains ((const char * const[]) { "list", "search", "import", "trash", "restore", "export", "check", "history",
                                                  "show-revision", NULL },
                        self->name))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("unknown command “%s” (try --help)"), self->name);
      return NULL;
    }
  if (g_str_equal (self->name, "search") && n < 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("search needs words to look for"));
      return NULL;
    }
  if (g_str_equal (self->name, "import") && n < 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("import needs files to import"));
      return NULL;
    }
  if (g_str_equal (self->name, "history") && n != 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("history needs one story’s uuid"));
      return NULL;
    }
  if (g_str_equal (self->name, "show-revision") && n != 4)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("show-revision needs a story’s uuid and a revision’s number"));
      return NULL;
    }
  if ((g_str_equal (self->name, "trash") || g_str_equal (self->name, "restore")) && n < 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("%s needs the uuids of stories (lede-cli list shows them)"),
                   self->name);
      return NULL;
    }

  self->arguments = g_strdupv (words + 2);
  make_absolute (&self->library_path, cwd);
  make_absolute (&self->out_dir, cwd);
  if (g_str_equal (self->name, "import"))
    for (guint i = 0; self->arguments[i]; i++)
      make_absolute (&self->arguments[i], cwd);

  return g_steal_pointer (&self);
}

/**
 * lede_command_get_library_path:
 *
 * Returns: (nullable): the library asked for with --library, as an
 *   absolute path, or %NULL for the default one
 */
const char *
lede_command_get_library_path (LedeCommand *self)
{
  return self->library_path;
}

/**
 * lede_command_writes:
 *
 * Whether the command changes the library, and so must be run by the one
 * process that has it open for writing.
 */
gboolean
lede_command_writes (LedeCommand *self)
{
  /* Export records what went out, and logs the corrections it is told. */
  return g_strv_contains ((const char * const[]) { "import", "trash", "restore", "export", NULL }, self->name);
}

/**
 * lede_command_reads_if_read_only:
 *
 * Whether the command still runs on a library that cannot be written (on
 * read-only media): export does, without recording what went out.
 */
gboolean
lede_command_reads_if_read_only (LedeCommand *self)
{
  return g_str_equal (self->name, "export");
}

static char *
format_time (GDateTime *time)
{
  return time ? g_date_time_format_iso8601 (time) : NULL;
}

static void
print_json (JsonBuilder *builder,
            GString     *out)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}

static int
list_command (LedeCommand *self,
              LedeLibrary *library,
              GString     *out,
              GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = lede_library_list_articles (library, self->in_trash, &error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (articles == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *updated = format_time (lede_article_get_updated (article));
      const char *status = lede_article_status_to_string (lede_article_get_status (article));

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\t%s\n", lede_article_get_uuid (article), status,
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

  if (self->as_json)
    print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

static int
search_command (LedeCommand  *self,
                LedeLibrary  *library,
                char        **words,
                GString      *out,
                GString      *err)
{
  g_autofree char *query = g_strjoinv (" ", words);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (self->limit <= 0)
    {
      g_string_append_printf (err, "lede-cli: --limit must be at least 1\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (!(hits = lede_library_search (library, query, self->limit, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr (LedeArticle) article = lede_library_get_article (library, hit->id, NULL);
      const char *uuid = article ? lede_article_get_uuid (article) : "";

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\n", uuid, hit->headline, hit->snippet);
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

  if (self->as_json)
    print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

/* Each file goes in whole or not at all; one the library has already (the
 * same or an older copy) is left out and said to be, without failing. */
static int
import_command (LedeCommand  *self,
                LedeLibrary  *library,
                char        **files,
                GString      *out,
                GString      *err)
{
  g_autoptr (GError) batch_error = NULL;
  guint added = 0, updated = 0, skipped = 0, failed = 0;
  gsize out_before = out->len;

  if (!lede_library_begin_batch (library, &batch_error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", batch_error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      LedeImportOutcome outcome;
      LedeImportNotes notes = LEDE_IMPORT_NOTE_NONE;
      g_auto (GStrv) messages = NULL;
      LedeImportFlags flags = (self->as_new ? LEDE_IMPORT_AS_NEW : 0) | (self->lift_embargo ? LEDE_IMPORT_LIFT_EMBARGO : 0);
      g_autoptr (LedeArticle) article = lede_import_file_noted (library, files[i], flags, &outcome,
                                                                &notes, &messages, &error);

      /* What was kept or changed on the way in is said even for a file
       * left out: a kept embargo explains why. */
      for (guint m = 0; messages[m]; m++)
        g_string_append_printf (err, "lede-cli: %s\n", messages[m]);
      if (notes & LEDE_IMPORT_NOTE_EMBARGO_KEPT)
        g_string_append_printf (err, "lede-cli: %s\n",
                                _("to take the file’s embargo, import it again with --lift-embargo"));

      if (article == NULL)
        {
          gboolean skip = g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE) ||
                          g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);

          g_string_append_printf (err, skip ? "lede-cli: skipped: %s\n" : "lede-cli: %s\n", error->message);
          if (skip)
            skipped++;
          else
            failed++;
          continue;
        }
      if (outcome == LEDE_IMPORT_UPDATED)
        updated++;
      else
        added++;
      if (!self->as_json)
        g_string_append_printf (out, "%s\t%s\n", lede_article_get_uuid (article), lede_article_get_headline (article));
    }
  if (!lede_library_end_batch (library, &batch_error))
    {
      /* A script reading the uuids must not see stories that are not there. */
      g_string_truncate (out, out_before);
      g_string_append_printf (err, "lede-cli: %s; nothing was imported\n", batch_error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  g_string_append_printf (err, "lede-cli: imported %u, updated %u, skipped %u, failed %u\n",
                          added, updated, skipped, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

/* trash and restore: each story on its own; one that is not there, or
 * already where it is asked to go, is named on stderr. */
static int
trash_command (LedeCommand  *self,
               LedeLibrary  *library,
               char        **uuids,
               gboolean      restore,
               GString      *out,
               GString      *err)
{
  guint done = 0, failed = 0;

  for (guint i = 0; uuids[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuids[i], &error);
      gboolean trashed = article && lede_article_get_trashed (article) != NULL;

      if (article == NULL)
        g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuids[i], error->message);
      else if (trashed != restore)
        g_string_append_printf (err, restore ? "lede-cli: %s is not in the trash\n" : "lede-cli: %s is in the trash already\n",
                                uuids[i]);
      else if (!(restore ? lede_library_restore_article (library, lede_article_get_id (article), &error)
                         : lede_library_trash_article (library, lede_article_get_id (article), &error)))
        g_string_append_printf (err, "lede-cli: %s: %s\n", uuids[i], error->message);
      else
        {
          g_string_append_printf (out, "%s\t%s\n", uuids[i], lede_article_get_headline (article));
          done++;
          continue;
        }
      failed++;
    }
  g_string_append_printf (err, restore ? "lede-cli: restored %u, failed %u\n" : "lede-cli: moved %u to the trash, failed %u\n",
                          done, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

/* A revision of the story @uuid, by its number (lede-cli history lists
 * them), or %NULL with why on @err. */
static LedeArticle *
revision_of (LedeLibrary   *library,
             const char    *uuid,
             const char    *number,
             LedeRevision **revision,
             GString       *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = lede_library_get_article_by_uuid (library, uuid, &error);
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeRevision) row = NULL;
  guint64 id = 0;

  if (story == NULL)
    {
      g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuid, error->message);
      return NULL;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &id, NULL) ||
      !(article = lede_library_get_revision (library, (gint64)id, &row, NULL)) ||
      row->article_id != lede_article_get_id (story))
    {
      g_string_append_printf (err, "lede-cli: the story %s has no revision “%s” (lede-cli history %s lists them)\n",
                              uuid, number, uuid);
      return NULL;
    }
  if (revision)
    *revision = g_steal_pointer (&row);
  return g_steal_pointer (&article);
}

/* A story's revisions, newest first. */
static int
history_command (LedeCommand  *self,
                 LedeLibrary  *library,
                 const char   *uuid,
                 GString      *out,
                 GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = lede_library_get_article_by_uuid (library, uuid, &error);
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();

  if (story == NULL || !(revisions = lede_library_list_revisions (library, lede_article_get_id (story), &error)))
    {
      g_string_append_printf (err, "lede-cli: %s: %s\n", uuid, error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  json_builder_begin_array (json);
  for (guint i = 0; i < revisions->len; i++)
    {
      LedeRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *time = format_time (revision->created);

      if (!self->as_json)
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\n", revision->id, time, revision->reason,
                                  revision->name, revision->words);
          continue;
        }
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "id");
      json_builder_add_int_value (json, revision->id);
      json_builder_set_member_name (json, "time");
      json_builder_add_string_value (json, time);
      json_builder_set_member_name (json, "reason");
      json_builder_add_string_value (json, revision->reason);
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, revision->name);
      json_builder_set_member_name (json, "words");
      json_builder_add_int_value (json, revision->words);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  if (self->as_json)
    print_json (json, out);
  return LEDE_COMMAND_EXIT_OK;
}

/* A revision as Markdown with front matter, as export would write it. */
static int
show_revision_command (LedeLibrary  *library,
                       char        **arguments,
                       GString      *out,
                       GString      *err)
{
  g_autoptr (LedeArticle) article = revision_of (library, arguments[0], arguments[1], NULL, err);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedeVerdict) verdict = NULL;

  if (article == NULL)
    return LEDE_COMMAND_EXIT_FAILED;
  /* A version asked for by its number is shown whatever the checks say;
   * its front matter still carries its embargo and draft state. */
  verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  lede_verdict_allow (verdict);
  bytes = lede_export_story (verdict, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_string_append_len (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return LEDE_COMMAND_EXIT_OK;
}

/* A revision put back as the story, the story as it was kept first. */
static int
restore_revision_command (LedeLibrary  *library,
                          char        **arguments,
                          GString      *out,
                          GString      *err)
{
  g_autoptr (LedeRevision) revision = NULL;
  g_autoptr (LedeArticle) article = revision_of (library, arguments[0], arguments[1], &revision, err);
  g_autoptr (GError) error = NULL;
  g_autofree char *not_restored = NULL;

  if (article == NULL)
    return LEDE_COMMAND_EXIT_FAILED;
  if (!lede_library_restore_revision (library, revision->id, &not_restored, &error))
    {
      g_string_append_printf (err, "lede-cli: %s: %s\n", arguments[0], error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (not_restored)
    g_string_append_printf (err, "lede-cli: %s\n", not_restored);
  g_string_append_printf (out, "%s\t%s\n", arguments[0], lede_article_get_headline (article));
  return LEDE_COMMAND_EXIT_OK;
}

/* "restore UUID REV": a revision; "restore UUID…": out of the trash. */
static gboolean
is_revision_restore (char **arguments)
{
  return arguments[0] && arguments[1] && !arguments[2] && g_ascii_string_to_unsigned (arguments[1], 10, 1, G_MAXINT64, NULL, NULL);
}

/* The stories export and check work on: by uuid, or the sidebar's filter
 * (--all is no filter) without the spiked ones unless asked. A uuid the
 * library lacks is said on @err and counted in @failed. */
static GPtrArray *
select_articles (LedeCommand        *self,
                 LedeLibrary        *library,
                 char              **uuids,
                 LedeArticleStatus   status,
                 GString            *err,
                 guint              *failed)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *articles = NULL;

  if (uuids[0])
    {
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; uuids[i]; i++)
        {
          g_autoptr (GError) local_error = NULL;
          LedeArticle *article = lede_library_get_article_by_uuid (library, uuids[i], &local_error);

          if (article == NULL)
            {
              g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuids[i], local_error->message);
              (*failed)++;
              continue;
            }
          g_ptr_array_add (articles, article);
        }
    }
  else
    {
      /* The same filter as the sidebar's; --all is no filter. */
      g_autoptr (GArray) ids = lede_library_list_ids_filtered (library, FALSE, self->only_status ? (int)status : -1,
                                                               self->only_tag, &error);

      if (ids == NULL || !(articles = lede_library_get_articles (library, ids, &error)))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          return NULL;
        }
      /* A spiked story goes out only when asked for (by uuid, --status
       * spiked or --include-spiked), never with the rest. */
      for (guint i = articles->len; !self->include_spiked && status != LEDE_ARTICLE_STATUS_SPIKED && i-- > 0;)
        if (lede_article_get_status (g_ptr_array_index (articles, i)) == LEDE_ARTICLE_STATUS_SPIKED)
          {
            g_string_append_printf (err, "lede-cli: left out “%s”: it is spiked (--include-spiked to export it)\n",
                                    lede_article_get_headline (g_ptr_array_index (articles, i)));
            g_ptr_array_remove_index (articles, i);
          }
    }

  return articles;
}

/* The checks' choice of stories is export's: one, or a filter. */
static int
check_usage (LedeCommand        *self,
             char              **uuids,
             LedeArticleStatus  *status,
             GString            *err)
{
  int choices = (self->export_all ? 1 : 0) + (self->only_status ? 1 : 0) + (self->only_tag ? 1 : 0) + (uuids[0] ? 1 : 0);

  if (choices != 1)
    {
      g_string_append_printf (err, "lede-cli: %s needs one of --all, --status S, --tag T or story uuids\n", self->name);
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->only_status && !lede_article_status_from_string (self->only_status, status))
    {
      g_string_append_printf (err, "lede-cli: unknown status “%s” (draft, in-progress, ready, published, spiked)\n", self->only_status);
      return LEDE_COMMAND_EXIT_USAGE;
    }
  return LEDE_COMMAND_EXIT_OK;
}

static int
export_command (LedeCommand  *self,
                LedeLibrary  *library,
                char        **uuids,
                GString      *out,
                GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (LedeExportBatch) batch = NULL;
  GPtrArray *failures;
  LedeExportFormat format;
  LedeExportFlags flags = LEDE_EXPORT_FLAGS_NONE;
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;
  g_autofree char *note = NULL;
  guint written = 0, failed = 0;
  int code;

  if (!lede_export_format_from_string (self->format_name, &format))
    {
      g_string_append_printf (err, "lede-cli: export needs --format html, fragment, md, ninjs or docx\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->out_dir == NULL)
    {
      g_string_append_printf (err, "lede-cli: export needs --out DIR\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if ((code = check_usage (self, uuids, &status, err)) != LEDE_COMMAND_EXIT_OK)
    return code;
  if (!g_file_test (self->out_dir, G_FILE_TEST_IS_DIR))
    {
      g_string_append_printf (err, "lede-cli: “%s” is not a folder\n", self->out_dir);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (self->overwrite)
    flags |= LEDE_EXPORT_FLAGS_OVERWRITE;
  if (self->jekyll_names)
    flags |= LEDE_EXPORT_FLAGS_JEKYLL_NAMES;
  if (self->force)
    flags |= LEDE_EXPORT_FLAGS_FORCE;
  if (self->correction && self->no_correction)
    {
      g_string_append_printf (err, "lede-cli: --correction and --no-correction do not go together\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->correction)
    {
      const char *colon = strchr (self->correction, ':');
      g_autofree char *kind_name = colon ? g_strndup (self->correction, colon - self->correction) : NULL;

      note = colon ? g_strstrip (g_strdup (colon + 1)) : NULL;
      if (kind_name == NULL || !lede_correction_kind_from_string (kind_name, &kind) || *note == '\0')
        {
          g_string_append_printf (err, "lede-cli: --correction needs KIND:NOTE, KIND one of correction, "
                                       "clarification or update, and a note for readers\n");
          return LEDE_COMMAND_EXIT_USAGE;
        }
    }

  if (!(articles = select_articles (self, library, uuids, status, err, &failed)))
    return LEDE_COMMAND_EXIT_FAILED;

  if (!(batch = lede_export_batch_new (library, articles, format, self->out_dir, flags, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  /* A published story changed since it went out leaves only with an answer. */
  for (guint i = 0; i < articles->len; i++)
    {
      LedeVerdict *verdict = lede_export_batch_get_verdict (batch, i);

      if (!lede_verdict_asks_correction (verdict))
        continue;
      if (self->no_correction)
        lede_verdict_dismiss_correction (verdict);
      else if (self->correction)
        lede_verdict_answer_correction (verdict, kind, note);
    }
  lede_export_batch_run (batch, NULL, NULL);
  failures = lede_export_batch_get_failures (batch);
  for (guint i = 0; i < failures->len; i++)
    {
      GError *failure = g_ptr_array_index (failures, i);

      if (!g_error_matches (failure, LEDE_EXPORT_ERROR, LEDE_EXPORT_ERROR_BLOCKED))
        g_string_append_printf (err, "lede-cli: %s\n", failure->message);
    }
  for (guint i = 0; i < articles->len; i++)
    {
      LedeVerdict *verdict = lede_export_batch_get_verdict (batch, i);
      g_autofree char *reasons = NULL;

      if (lede_export_batch_was_written (batch, i) || lede_verdict_may_leave (verdict))
        continue;
      reasons = lede_verdict_dup_reasons (verdict);
      g_strdelimit (reasons, "\n", ' ');
      g_string_append_printf (err, "lede-cli: “%s” was not exported. %s%s%s\n",
                              lede_article_get_headline (lede_verdict_get_article (verdict)), reasons,
                              lede_verdict_is_blocked (verdict) ? " (--force to export it anyway)" : "",
                              lede_verdict_asks_correction (verdict) ? " (--correction KIND:NOTE or --no-correction)" : "");
    }
  /* What went out is recorded where the library can be written. */
  if (!lede_library_is_read_only (library) && !lede_export_batch_record (batch, library, &error))
    g_string_append_printf (err, "lede-cli: %s\n", error->message);
  for (guint i = 0; !self->as_json && i < lede_export_batch_get_paths (batch)->len; i++)
    g_string_append_printf (out, "%s\n", (char *)g_ptr_array_index (lede_export_batch_get_paths (batch), i));
  written = lede_export_batch_get_written (batch);
  failed += failures->len;
  g_string_append_printf (err, "lede-cli: exported %u, failed %u\n", written, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

static void
add_finding_json (JsonBuilder *json,
                  LedeFinding *finding)
{
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "kind");
  json_builder_add_string_value (json, lede_check_kind_to_string (finding->kind));
  json_builder_set_member_name (json, "severity");
  json_builder_add_string_value (json, lede_severity_to_string (finding->severity));
  json_builder_set_member_name (json, "field");
  json_builder_add_string_value (json, lede_field_to_string (finding->field));
  json_builder_set_member_name (json, "graf");
  json_builder_add_int_value (json, finding->graf);
  json_builder_set_member_name (json, "line");
  json_builder_add_int_value (json, finding->line);
  json_builder_set_member_name (json, "offset");
  json_builder_add_int_value (json, finding->offset);
  json_builder_set_member_name (json, "length");
  json_builder_add_int_value (json, finding->length);
  json_builder_set_member_name (json, "text");
  json_builder_add_string_value (json, finding->text);
  json_builder_set_member_name (json, "message");
  json_builder_add_string_value (json, finding->message);
  json_builder_end_object (json);
}

/* The copy desk's checks on each story: what an export would refuse
 * (blocking) and what to look at; exit 4 when anything blocks. */
static int
check_command (LedeCommand  *self,
               LedeLibrary  *library,
               char        **uuids,
               GString      *out,
               GString      *err)
{
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  guint failed = 0, blocked = 0;
  int code;

  if ((code = check_usage (self, uuids, &status, err)) != LEDE_COMMAND_EXIT_OK)
    return code;
  if (!(articles = select_articles (self, library, uuids, status, err, &failed)))
    return LEDE_COMMAND_EXIT_FAILED;

  json_builder_begin_array (json);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
      g_autoptr (GPtrArray) findings = lede_checks_run (story, now);
      g_autofree char *summary = lede_checks_dup_summary (findings);
      const char *headline = lede_article_get_headline (article);

      blocked += lede_checks_count (findings, LEDE_SEVERITY_BLOCKING) > 0;
      if (self->as_json)
        {
          json_builder_begin_object (json);
          json_builder_set_member_name (json, "uuid");
          json_builder_add_string_value (json, lede_article_get_uuid (article));
          json_builder_set_member_name (json, "headline");
          json_builder_add_string_value (json, headline);
          json_builder_set_member_name (json, "findings");
          json_builder_begin_array (json);
          for (guint f = 0; f < findings->len; f++)
            add_finding_json (json, g_ptr_array_index (findings, f));
          json_builder_end_array (json);
          json_builder_end_object (json);
          continue;
        }
      g_string_append_printf (out, "%s  %s: %s\n", lede_article_get_uuid (article), *headline ? headline : "(untitled)", summary);
      for (guint f = 0; f < findings->len; f++)
        {
          LedeFinding *finding = g_ptr_array_index (findings, f);
          g_autofree char *place = lede_finding_dup_place (finding);

          g_string_append_printf (out, "  %-8s %s: %s\n", lede_severity_to_string (finding->severity), place, finding->message);
        }
    }
  json_builder_end_array (json);
  if (self->as_json)
    print_json (json, out);
  if (failed)
    return LEDE_COMMAND_EXIT_FAILED;
  return blocked ? LEDE_COMMAND_EXIT_BLOCKED : LEDE_COMMAND_EXIT_OK;
}

/**
 * lede_command_run:
 * @library: opened for writing when lede_command_writes() says so
 * @out: what the command prints on standard output
 * @err: what it prints on standard error
 *
 * Returns: the exit code, a #LedeCommandExit
 */
int
lede_command_run (LedeCommand *self,
                  LedeLibrary *library,
                  GString     *out,
                  GString     *err)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (library), LEDE_COMMAND_EXIT_LIBRARY);
  g_return_val_if_fail (!lede_command_writes (self) || !lede_library_is_read_only (library),
                        LEDE_COMMAND_EXIT_LIBRARY);

  if (g_str_equal (self->name, "list"))
    return list_command (self, library, out, err);
  if (g_str_equal (self->name, "import"))
    return import_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "export"))
    return export_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "check"))
    return check_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "history"))
    return history_command (self, library, self->arguments[0], out, err);
  if (g_str_equal (self->name, "show-revision"))
    return show_revision_command (library, self->arguments, out, err);
  if (g_str_equal (self->name, "restore") && is_revision_restore (self->arguments))
    return restore_revision_command (library, self->arguments, out, err);
  if (g_str_equal (self->name, "trash") || g_str_equal (self->name, "restore"))
    return trash_command (self, library, self->arguments, g_str_equal (self->name, "restore"), out, err);
  return search_command (self, library, self->arguments, out, err);
}
