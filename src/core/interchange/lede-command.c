/* lede-command.c: one lede-cli command (list, search, import, export…):
 * its words parsed, and run by the file that does it
 * (lede-command-stories.c, lede-command-export.c, lede-command-photos.c).
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

#include "lede-command-private.h"

static const char SUMMARY[] = N_(
  "Commands:\n"
  "  list              the stories, newest first\n"
  "  search QUERY…     stories matching the words, best first (\"a phrase\", prefix*)\n"
  "  import FILE…      add Markdown (.md, front matter optional), plain-text\n"
  "                    (.txt) and wire stories (ninjs, NewsML-G2, NITF, known\n"
  "                    by what they hold); each file is added whole or not at all;\n"
  "                    a wire story the library has is skipped at the same\n"
  "                    version and updated by a newer one unless the desk has\n"
  "                    edited it (then the wire's text goes into its history);\n"
  "                    a kill is recorded on it; text that is not UTF-8 is read\n"
  "                    as UTF-16 (with a byte order mark), as Windows-1252, or\n"
  "                    as --encoding NAME says;\n"
  "                    a file with a uuid the library has updates that story\n"
  "                    when its lastmod is newer, and is skipped otherwise;\n"
  "                    a file without a uuid whose headline and text the\n"
  "                    library has (the trash too) is skipped (--as-new adds\n"
  "                    a copy instead); a lastmod in the future is taken as\n"
  "                    the time of the import; an embargo that holds is kept\n"
  "                    when the file's is earlier or absent, unless\n"
  "                    --lift-embargo; other JSON and XML, and word-processor\n"
  "                    files are refused\n"
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
  "                    percentages, lengths, missing fields, embargo, photos\n"
  "                    without alt text or credit\n"
  "  photo add UUID FILE [--lead] [--caption TEXT] [--credit TEXT] [--alt TEXT]\n"
  "                    copy a JPEG, PNG, WebP or GIF into the library and add\n"
  "                    it to the story (--lead: as its lead photo, in place of\n"
  "                    the one it had); the file's IPTC, XMP and EXIF fill the\n"
  "                    caption, credit and alt text the options do not give\n"
  "  photo list UUID   the story's photos: place, role, type, size, file,\n"
  "                    caption, credit, alt text\n"
  "\n"
  "When Lede has the library open, import, trash, restore and photo add are\n"
  "done by that Lede, which shows the result at once; list, search and\n"
  "export read the library as it is, what the window saved a moment ago\n"
  "included.\n"
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
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &self->encoding, N_("import: read the files as this encoding (ISO-8859-15, MacRoman…), not UTF-8"), N_("NAME") },
    { "lead", 0, 0, G_OPTION_ARG_NONE, &self->photo_lead, N_("photo add: as the story’s lead photo"), NULL },
    { "caption", 0, 0, G_OPTION_ARG_STRING, &self->photo_caption, N_("photo add: the caption (default: the file’s own)"), N_("TEXT") },
    { "credit", 0, 0, G_OPTION_ARG_STRING, &self->photo_credit, N_("photo add: the credit (default: the file’s own)"), N_("TEXT") },
    { "alt", 0, 0, G_OPTION_ARG_STRING, &self->photo_alt, N_("photo add: the alt text, what a screen reader says (default: the file’s own)"), N_("TEXT") },
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
  g_free (self->photo_caption);
  g_free (self->photo_credit);
  g_free (self->photo_alt);
  g_free (self->encoding);
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
                                                  "show-revision", "photo", NULL },
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
  if (g_str_equal (self->name, "photo") &&
      !((n == 5 && g_str_equal (words[2], "add")) || (n == 4 && g_str_equal (words[2], "list"))))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("photo needs “add UUID FILE” or “list UUID” (try --help)"));
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
  if (g_str_equal (self->name, "photo") && g_str_equal (self->arguments[0], "add"))
    make_absolute (&self->arguments[2], cwd);

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
  if (g_str_equal (self->name, "photo"))
    return g_str_equal (self->arguments[0], "add");
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
    return _lede_command_list_command (self, library, out, err);
  if (g_str_equal (self->name, "import"))
    return _lede_command_import_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "export"))
    return _lede_command_export_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "check"))
    return _lede_command_check_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "photo"))
    return _lede_command_photo_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "history"))
    return _lede_command_history_command (self, library, self->arguments[0], out, err);
  if (g_str_equal (self->name, "show-revision"))
    return _lede_command_show_revision_command (library, self->arguments, out, err);
  if (g_str_equal (self->name, "restore") && _lede_command_is_revision_restore (self->arguments))
    return _lede_command_restore_revision_command (library, self->arguments, out, err);
  if (g_str_equal (self->name, "trash") || g_str_equal (self->name, "restore"))
    return _lede_command_trash_command (self, library, self->arguments, g_str_equal (self->name, "restore"), out, err);
  return _lede_command_search_command (self, library, self->arguments, out, err);
}
