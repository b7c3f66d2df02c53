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

#include <string.h>

#include "lede-command-private.h"

/* lede-cli --help: a string per command, so adding one leaves the
 * others (and their translations) as they are. */
static const char * const COMMAND_HELP[] = {
  N_("  list              the stories, newest first\n"),
  N_("  list --due [--mine | --assignee NAME]\n"
     "                    the stories still to go (not published or spiked)\n"
     "                    that have a deadline, the soonest first: uuid,\n"
     "                    status, deadline, how long until it, assignee,\n"
     "                    headline; --mine: those assigned to the default\n"
     "                    byline of Lede's Preferences\n"),
  N_("  set UUID FIELD VALUE\n"
     "                    set one of the desk's fields: deadline or embargo\n"
     "                    (2026-12-24 17:00, local time unless a zone is given),\n"
     "                    assignee, editor, print-headline, seo-title,\n"
     "                    social-headline or language; an empty VALUE clears it\n"),
  N_("  search QUERY…     stories matching the words, best first (\"a phrase\", prefix*)\n"),
  N_("  import FILE…      add Markdown (.md, front matter optional), plain-text\n"
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
     "                    files are refused\n"),
  N_("  trash UUID…       move stories to the trash\n"),
  N_("  restore UUID…     bring stories back from the trash (list --trash lists it)\n"),
  N_("  history UUID      the story's revisions, newest first: number, time, why,\n"
     "                    name, words\n"),
  N_("  show-revision UUID REV\n"
     "                    that revision as Markdown with front matter\n"),
  N_("  restore UUID REV  put that revision back as the story (the story as it\n"
     "                    is now is kept as a revision first)\n"),
  N_("  export --format html|fragment|md|ninjs|docx --out DIR [--all |\n"
     "         --status S | --tag T | UUID…] [--keep-review]\n"
     "                    write stories into DIR; existing files are left alone\n"
     "                    unless --overwrite is given; a story the checks block\n"
     "                    (under embargo, a placeholder left in, marked ready\n"
     "                    without a byline…) is left out unless --force; spiked\n"
     "                    stories go out only by uuid, --status spiked or\n"
     "                    --include-spiked; an open suggestion or comment blocks\n"
     "                    a story, forced out it leaves as before the editor's\n"
     "                    pass; --keep-review (Markdown) keeps them for the\n"
     "                    next editor\n"),
  N_("  check [--all | --status S | --tag T | UUID…]\n"
     "                    the copy desk's checks: unattributed quotations, names\n"
     "                    spelt two ways, placeholders, wrong weekdays and\n"
     "                    percentages, lengths, missing fields, embargo, photos\n"
     "                    without alt text or credit, and the house style\n"),
  N_("  photo add UUID FILE [--lead] [--caption TEXT] [--credit TEXT] [--alt TEXT]\n"
     "                    copy a JPEG, PNG, WebP or GIF into the library and add\n"
     "                    it to the story (--lead: as its lead photo, in place of\n"
     "                    the one it had); the file's IPTC, XMP and EXIF fill the\n"
     "                    caption, credit and alt text the options do not give\n"),
  N_("  photo list UUID   the story's photos: place, role, type, size, file,\n"
     "                    caption, credit, alt text\n"),
  N_("  style list        the desk's house style rules: name, kind, level, what\n"
     "                    they say\n"),
  N_("  style add FILE…   add Vale rule files (substitution, existence,\n"
     "                    occurrence, consistency), each named after its file,\n"
     "                    in place of a rule of that name; what Lede does not\n"
     "                    understand is refused in words; --starter adds Lede's\n"
     "                    own starter rules\n"),
  N_("  style show NAME   the rule as Lede keeps it (Vale's YAML)\n"),
  N_("  style remove NAME…\n"
     "                    remove rules from the house style\n"),
  N_("  inbox [--json]    the wire inbox, newest first: state (waiting, taken,\n"
     "                    refused), time, provider, version, headline or why it\n"
     "                    was refused, file (the folders are chosen in Lede's\n"
     "                    Preferences → Wire)\n"),
  N_("  site add NAME ADDRESS --user USER\n"
     "                    add a WordPress site (5.6 or later), checked at once:\n"
     "                    the user's application password (Users → Profile →\n"
     "                    Application Passwords) is read from standard input and\n"
     "                    kept in the Secret Service; only https:// addresses,\n"
     "                    or http:// on this computer\n"),
  N_("  site list         the sites: name, address, user\n"),
  N_("  site check NAME   sign in to the site and say what the user may do there\n"),
  N_("  site remove NAME  forget the site and its password\n"),
  N_("  publish UUID… --site NAME [--draft | --publish | --schedule TIME]\n"
     "                    send stories to the site through the copy desk's checks\n"
     "                    (--force for those they block): as drafts (the\n"
     "                    default), published, or scheduled for TIME (ISO 8601,\n"
     "                    local time unless a zone is given); a story under\n"
     "                    embargo is never published before it lifts: it is\n"
     "                    scheduled for the lift, or sent as a draft dated then;\n"
     "                    a story sent before updates its post, unless the post\n"
     "                    was changed or deleted on the site since (exit 5;\n"
     "                    --overwrite sends Lede's version all the same); when\n"
     "                    the site does not answer (no network), the stories\n"
     "                    wait in the outbox, in order\n"),
  N_("  pull --site NAME [POST_ID… | --all] [--json]\n"
     "                    the site's drafts and posts pending review: listed\n"
     "                    (id, status, last changed, title), or brought into the\n"
     "                    library as stories linked to their posts, so that\n"
     "                    publish sends them back as updates of the same posts\n"),
  N_("  outbox [--send] [--json]\n"
     "                    what waits to go out to a site, first to go first,\n"
     "                    with why it has not gone yet; --send tries them now\n"
     "                    (Lede sends them by itself while it runs)\n"),
  N_("  backup [--to DIR] [--keep N]\n"
     "                    back the library up into DIR (default: the folder\n"
     "                    chosen in Lede's Preferences) while Lede may go on\n"
     "                    writing; the backup is proven (integrity, every\n"
     "                    photo) before it counts, then only the newest N (7)\n"
     "                    are kept\n"),
  N_("  verify FILE…      prove backups would restore: whole, a Lede library,\n"
     "                    every photo beside it\n"),
  N_("  review UUID       an editor's open suggestions and comments, numbered:\n"
     "                    kind, author, time, the words\n"),
  N_("  accept|reject UUID N|--all\n"
     "                    take or turn down suggestion N, or every one (the\n"
     "                    story as it was is kept as a revision first)\n"),
  N_("  resolve UUID N|--all\n"
     "                    close comment N and its replies, or every one\n"),
};

static const char * const CLOSING_HELP[] = {
  N_("When Lede has the library open, the commands that change it (import,\n"
     "trash, restore, photo add, accept, reject, resolve, publish, set, style\n"
     "add, style remove) are done by that Lede, which shows the result at once;\n"
     "list, search and export read the library as it is, what the window saved\n"
     "a moment ago included."),
  N_("Exit status: 0 done, 1 wrong usage, 2 the library could not be opened\n"
     "(or Lede has it open and could not be asked; or no Secret Service holds\n"
     "the site's password), 3 the command failed (for import and export: at\n"
     "least one file failed; the others were done, and each failure is on\n"
     "standard error), 4 check found something that blocks a story from\n"
     "export, 5 a story's post was changed or deleted on the site since Lede\n"
     "last sent it (nothing was sent)."),
};

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
    { "all", 0, 0, G_OPTION_ARG_NONE, &self->export_all, N_("export, check: every story not in the trash; accept, reject, resolve: every one open; pull: every draft"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &self->only_status, N_("export, check: the stories with this status"), N_("STATUS") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &self->only_tag, N_("export, check: the stories with this tag"), N_("TAG") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &self->overwrite, N_("export: replace files of the same name"), NULL },
    { "jekyll-names", 0, 0, G_OPTION_ARG_NONE, &self->jekyll_names, N_("export: name Markdown files YYYY-MM-DD-slug.md"), NULL },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &self->backup_to, N_("backup: the folder to back up into"), N_("DIR") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &self->backup_keep, N_("backup: how many backups to keep (default 7)"), N_("N") },
    { "keep-review", 0, 0, G_OPTION_ARG_NONE, &self->keep_review, N_("export --format md: keep suggestions and comments, for the next editor"), NULL },
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
    { "site", 0, 0, G_OPTION_ARG_STRING, &self->site_name, N_("publish, pull: the site to send to or read from (lede-cli site list)"), N_("NAME") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &self->user, N_("site add: the WordPress user Lede publishes as"), N_("USER") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &self->draft, N_("publish: as drafts on the site (the default)"), NULL },
    { "publish", 0, 0, G_OPTION_ARG_NONE, &self->publish_now, N_("publish: published at once (an embargoed story is scheduled for the lift)"), NULL },
    { "schedule", 0, 0, G_OPTION_ARG_STRING, &self->schedule, N_("publish: scheduled for this time (or the embargo’s lift, if later)"), N_("TIME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &self->password_stdin, N_("publish, pull, outbox --send, site check: read the application password from standard input instead of the Secret Service"), NULL },
    { "send", 0, 0, G_OPTION_ARG_NONE, &self->send, N_("outbox: send what waits, now"), NULL },
    { "starter", 0, 0, G_OPTION_ARG_NONE, &self->starter, N_("style add: Lede’s starter rules too"), NULL },
    { "due", 0, 0, G_OPTION_ARG_NONE, &self->due, N_("list: the stories still due, the soonest deadline first"), NULL },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &self->mine, N_("list --due: only the stories assigned to the default byline of Lede’s Preferences"), NULL },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &self->assignee, N_("list --due: only the stories assigned to this person"), N_("NAME") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autoptr (GString) text = g_string_new (_("Commands:"));
  g_autofree char *description = NULL;

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (COMMAND_HELP); i++)
    g_string_append (text, _(COMMAND_HELP[i]));
  for (guint i = 0; i < G_N_ELEMENTS (CLOSING_HELP); i++)
    g_string_append_printf (text, "\n%s\n", _(CLOSING_HELP[i]));
  description = g_string_free (g_steal_pointer (&text), FALSE);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Lede's stories, from the command line."));
  g_option_context_set_description (context, description);
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
  g_free (self->backup_to);
  g_free (self->site_name);
  g_free (self->user);
  g_free (self->schedule);
  if (self->secret)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  g_free (self->encoding);
  g_free (self->assignee);
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
  self->backup_keep = G_MININT;
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
                                                  "show-revision", "photo", "review", "accept", "reject", "resolve",
                                                  "backup", "verify", "site", "publish", "pull", "style", "set", "inbox", "outbox", NULL },
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
  if (g_str_equal (self->name, "verify") && n < 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("verify needs the backups to check"));
      return NULL;
    }
  if (g_str_equal (self->name, "backup") && n != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("backup takes no words, only --to DIR and --keep N"));
      return NULL;
    }
  if (g_str_equal (self->name, "review") && n != 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("review needs one story’s uuid"));
      return NULL;
    }
  if (g_strv_contains ((const char * const[]) { "accept", "reject", "resolve", NULL }, self->name) &&
      !(n == 4 || (n == 3 && self->export_all)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s needs a story’s uuid and a number (lede-cli review lists them) or --all"), self->name);
      return NULL;
    }
  if (g_str_equal (self->name, "site") &&
      !((n == 3 && g_str_equal (words[2], "list")) ||
        (n == 4 && (g_str_equal (words[2], "remove") || g_str_equal (words[2], "check"))) ||
        (n == 5 && g_str_equal (words[2], "add") && self->user != NULL)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("site needs “add NAME ADDRESS --user USER”, “list”, “check NAME” or “remove NAME” (try --help)"));
      return NULL;
    }
  if (g_str_equal (self->name, "publish") && (n < 3 || self->site_name == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("publish needs story uuids and --site NAME (lede-cli site list shows the sites)"));
      return NULL;
    }
  if (g_str_equal (self->name, "pull") && (self->site_name == NULL || (self->export_all && n > 2)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("pull needs --site NAME, then post ids or --all, or nothing to list the drafts"));
      return NULL;
    }
  if (g_str_equal (self->name, "style") &&
      !((n == 3 && g_str_equal (words[2], "list")) ||
        (n >= 3 && g_str_equal (words[2], "add") && (n > 3 || self->starter)) ||
        (n == 4 && g_str_equal (words[2], "show")) ||
        (n >= 4 && g_str_equal (words[2], "remove"))))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("style needs “list”, “add FILE…” (or --starter), “show NAME” or “remove NAME…” (try --help)"));
      return NULL;
    }
  if (g_str_equal (self->name, "set") && n != 5)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("set needs a story’s uuid, a field and a value"));
      return NULL;
    }
  if ((self->mine || self->assignee) && !self->due)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--mine and --assignee go with list --due"));
      return NULL;
    }
  if (g_str_equal (self->name, "outbox") && n != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("outbox takes no words, only --send and --json"));
      return NULL;
    }
  if (self->send && !g_str_equal (self->name, "outbox"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--send goes with outbox"));
      return NULL;
    }
  if (g_str_equal (self->name, "inbox") && n != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("inbox takes no words, only --json"));
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
  make_absolute (&self->backup_to, cwd);
  if (g_str_equal (self->name, "verify"))
    for (guint i = 0; self->arguments[i]; i++)
      make_absolute (&self->arguments[i], cwd);
  if (g_str_equal (self->name, "import"))
    for (guint i = 0; self->arguments[i]; i++)
      make_absolute (&self->arguments[i], cwd);
  if (g_str_equal (self->name, "photo") && g_str_equal (self->arguments[0], "add"))
    make_absolute (&self->arguments[2], cwd);
  if (g_str_equal (self->name, "style") && g_str_equal (self->arguments[0], "add"))
    for (guint i = 1; self->arguments[i]; i++)
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
  if (g_str_equal (self->name, "photo"))
    return g_str_equal (self->arguments[0], "add");
  if (g_str_equal (self->name, "style"))
    return g_str_equal (self->arguments[0], "add") || g_str_equal (self->arguments[0], "remove");
  /* Publish remembers each story's post on the site, or keeps it in the
   * outbox. */
  if (g_str_equal (self->name, "outbox"))
    return self->send;
  /* Pull only lists the drafts when it is given none to bring. */
  if (g_str_equal (self->name, "pull"))
    return self->export_all || self->arguments[0] != NULL;
  return g_strv_contains ((const char * const[]) { "import", "trash", "restore", "export", "accept", "reject", "resolve",
                                                   "publish", "set", NULL },
                          self->name);
}

/**
 * lede_command_needs_library:
 *
 * Whether the command works on a library at all: the sites are the
 * user's, kept outside any library; verify reads backups; pull without
 * posts to bring lists the site's drafts.
 */
gboolean
lede_command_needs_library (LedeCommand *self)
{
  /* Pull's list of drafts is the site's, not the library's. */
  if (g_str_equal (self->name, "pull"))
    return lede_command_writes (self);
  return !g_str_equal (self->name, "site") && !g_str_equal (self->name, "verify");
}

/**
 * lede_command_reads_secret:
 *
 * Whether lede-cli must read a password from standard input and give it
 * with lede_command_set_secret(): site add, and --password-stdin.
 */
gboolean
lede_command_reads_secret (LedeCommand *self)
{
  return self->password_stdin || (g_str_equal (self->name, "site") && g_str_equal (self->arguments[0], "add"));
}

/* The password read from standard input, without the line's end. */
void
lede_command_set_secret (LedeCommand *self,
                         const char  *secret)
{
  if (self->secret)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  self->secret = secret ? g_strstrip (g_strdup (secret)) : NULL;
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
 * @library: (nullable): opened for writing when lede_command_writes()
 *   says so; %NULL when lede_command_needs_library() says it needs none
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
  if (g_str_equal (self->name, "site"))
    return _lede_command_site_command (self, self->arguments, out, err);
  if (g_str_equal (self->name, "verify"))
    return _lede_command_verify_command (self, self->arguments, out, err);
  if (g_str_equal (self->name, "pull") && library == NULL)
    return _lede_command_pull_command (self, NULL, self->arguments, out, err);

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), LEDE_COMMAND_EXIT_LIBRARY);
  g_return_val_if_fail (!lede_command_writes (self) || !lede_library_is_read_only (library) ||
                        lede_command_reads_if_read_only (self),
                        LEDE_COMMAND_EXIT_LIBRARY);

  if (g_str_equal (self->name, "list") && self->due)
    return _lede_command_due_command (self, library, out, err);
  if (g_str_equal (self->name, "list"))
    return _lede_command_list_command (self, library, out, err);
  if (g_str_equal (self->name, "set"))
    return _lede_command_set_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "import"))
    return _lede_command_import_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "export"))
    return _lede_command_export_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "check"))
    return _lede_command_check_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "photo"))
    return _lede_command_photo_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "backup"))
    return _lede_command_backup_command (self, library, out, err);
  if (g_str_equal (self->name, "review"))
    return _lede_command_review_command (self, library, self->arguments, out, err);
  if (g_strv_contains ((const char * const[]) { "accept", "reject", "resolve", NULL }, self->name))
    return _lede_command_answer_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "publish"))
    return _lede_command_publish_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "style"))
    return _lede_command_style_command (self, library, self->arguments, out, err);
  if (g_str_equal (self->name, "inbox"))
    return _lede_command_inbox_command (self, library, out, err);
  if (g_str_equal (self->name, "outbox"))
    return _lede_command_outbox_command (self, library, out, err);
  if (g_str_equal (self->name, "pull"))
    return _lede_command_pull_command (self, library, self->arguments, out, err);
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
