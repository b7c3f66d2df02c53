/* test-desk.c: the desk's fields (issue 32) — deadline, assignee, editor
 * and the headlines by role — kept by the library, migrated from the schema
 * before them, read from an older library, restored around, checked,
 * carried in front matter and given to a script by `lede-cli list --json`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <archive.h>
#include <archive_entry.h>
#include <sqlite3.h>

#include "lede-checks.h"
#include "lede-export.h"
#include "lede-gate.h"
#include "lede-import.h"
#include "lede-library.h"
#include "lede-library-schema.h"
#include "lede-time.h"
#include "lede-test-export.h"
#include "lede-test-library-fixture.h"

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

/* A story with every desk field and headline set. */
static LedeArticle *
desk_story (void)
{
  LedeArticle *article = lede_article_new ();
  g_autoptr (GDateTime) deadline = at ("2026-12-05T17:30:00Z");

  lede_article_set_headline (article, "Harbour bridge to close for repairs");
  lede_article_set_body (article, "The bridge closes on Monday.\n");
  lede_article_set_deadline (article, deadline);
  lede_article_set_assignee (article, "Ana Souza");
  lede_article_set_editor (article, "Jon Berg");
  lede_article_set_print_headline (article, "Bridge shut");
  lede_article_set_seo_title (article, "Harbour bridge closes Monday for six weeks of repairs");
  lede_article_set_social_headline (article, "Your commute is about to change \"a lot\"");
  return article;
}

static void
assert_desk_fields (LedeArticle *article)
{
  g_autofree char *deadline = lede_time_format_utc (lede_article_get_deadline (article));

  g_assert_cmpstr (deadline, ==, "2026-12-05T17:30:00Z");
  g_assert_cmpstr (lede_article_get_assignee (article), ==, "Ana Souza");
  g_assert_cmpstr (lede_article_get_editor (article), ==, "Jon Berg");
  g_assert_cmpstr (lede_article_get_print_headline (article), ==, "Bridge shut");
  g_assert_cmpstr (lede_article_get_seo_title (article), ==, "Harbour bridge closes Monday for six weeks of repairs");
  g_assert_cmpstr (lede_article_get_social_headline (article), ==, "Your commute is about to change \"a lot\"");
}

/* Added, read, saved, replaced: every field kept; one-line fields stay one line. */
static void
test_library_keeps (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (LedeArticle) again = NULL;
  g_autoptr (LedeArticle) copy = NULL;
  g_autoptr (LedeArticle) replaced = NULL;
  g_auto (GStrv) people = NULL;

  lede_article_set_byline (article, "Mia Holt");
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  read = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  assert_desk_fields (read);

  lede_article_set_assignee (read, "Kai\nLund");
  g_assert_cmpstr (lede_article_get_assignee (read), ==, "Kai Lund");
  lede_article_set_deadline (read, NULL);
  g_assert_true (lede_library_update_article (f->library, read, NULL));
  again = lede_library_get_article (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpstr (lede_article_get_assignee (again), ==, "Kai Lund");
  g_assert_null (lede_article_get_deadline (again));

  /* A copy from elsewhere that names no one keeps who has the story. */
  copy = lede_article_dup (again);
  lede_article_set_assignee (copy, "");
  lede_article_set_editor (copy, "");
  lede_article_set_print_headline (copy, "");
  g_assert_true (lede_library_replace_story (f->library, lede_article_get_id (again), copy, NULL, NULL));
  replaced = lede_library_get_article (f->library, lede_article_get_id (again), NULL);
  g_assert_cmpstr (lede_article_get_assignee (replaced), ==, "Kai Lund");
  g_assert_cmpstr (lede_article_get_editor (replaced), ==, "Jon Berg");
  g_assert_cmpstr (lede_article_get_print_headline (replaced), ==, "");

  /* The names the panel completes: bylines, assignees and editors, once each. */
  people = lede_library_list_people (f->library, NULL);
  g_assert_nonnull (people);
  {
    g_autofree char *joined = g_strjoinv ("|", people);
    g_assert_cmpstr (joined, ==, "Jon Berg|Kai Lund|Mia Holt");
  }
}

/* A library of the schema before the desk's fields: migrated by the
 * writer with its stories whole and the new fields empty; read as it is
 * by a reader, which leaves the file untouched. */
static void
test_migration (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                                  LEDE_LIBRARY_APPLICATION_ID, LEDE_LIBRARY_DESK_SCHEMA - 4);
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (LedeLibrary) writer = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (LedeArticle) story = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int m = 0; m < LEDE_LIBRARY_DESK_SCHEMA - 4; m++)
    g_assert_cmpint (sqlite3_exec (db, MIGRATIONS[m], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles (uuid, headline, body, byline, created_at, updated_at) "
                                     "VALUES ('9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30', 'Pier reopens', 'At last.', "
                                     "'Mia Holt', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = lede_test_checksum_file (path);

  reader = lede_library_open_for_reading (path, NULL);
  g_assert_nonnull (reader);
  stories = lede_library_list_articles (reader, FALSE, NULL);
  g_assert_cmpuint (stories->len, ==, 1);
  g_assert_cmpstr (lede_article_get_assignee (g_ptr_array_index (stories, 0)), ==, "");
  g_assert_null (lede_article_get_deadline (g_ptr_array_index (stories, 0)));
  g_clear_object (&reader);
  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);

  writer = lede_library_open (path, NULL);
  g_assert_nonnull (writer);
  g_assert_cmpint (lede_library_get_schema_version (writer), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  story = lede_library_get_article_by_uuid (writer, "9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30", NULL);
  g_assert_cmpstr (lede_article_get_headline (story), ==, "Pier reopens");
  g_assert_cmpstr (lede_article_get_editor (story), ==, "");
  g_assert_cmpstr (lede_article_get_seo_title (story), ==, "");
  g_assert_null (lede_article_get_deadline (story));
  lede_article_set_assignee (story, "Ana Souza");
  g_assert_true (lede_library_update_article (writer, story, NULL));
  g_clear_object (&story);
  story = lede_library_get_article_by_uuid (writer, "9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30", NULL);
  g_assert_cmpstr (lede_article_get_assignee (story), ==, "Ana Souza");
  g_clear_object (&story);
  g_clear_object (&writer);
  lede_test_rmdir (dir);
}

/* Restoring a version brings back its headlines by role, and keeps the
 * desk's fields as they are now. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (LedeArticle) old = NULL;
  g_autoptr (GDateTime) later = at ("2026-12-06T09:00:00Z");
  g_autoptr (GPtrArray) revisions = NULL;
  LedeRevision *first;

  g_assert_true (lede_library_create_article (f->library, article, NULL));
  g_assert_true (lede_library_keep_revision (f->library, article, "named", "Before the desk", NULL, NULL));
  lede_article_set_seo_title (article, "");
  lede_article_set_assignee (article, "Kai Lund");
  lede_article_set_deadline (article, later);
  g_assert_true (lede_library_update_article (f->library, article, NULL));

  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  g_assert_nonnull (revisions);
  g_assert_cmpuint (revisions->len, >=, 1);
  first = g_ptr_array_index (revisions, revisions->len - 1);
  old = lede_library_get_revision (f->library, first->id, NULL, NULL);
  g_assert_nonnull (old);
  g_assert_true (lede_library_prepare_restore (f->library, old, article, NULL, NULL));
  g_assert_cmpstr (lede_article_get_seo_title (old), ==, "Harbour bridge closes Monday for six weeks of repairs");
  g_assert_cmpstr (lede_article_get_assignee (old), ==, "Kai Lund");
  g_assert_true (g_date_time_equal (lede_article_get_deadline (old), later));
  g_assert_true (lede_article_keeps_on_restore (article, "deadline"));
  g_assert_false (lede_article_keeps_on_restore (article, "print-headline"));
}

/* Past the deadline and not ready: a note, never blocking; ready, or
 * before the deadline: nothing. */
static void
test_check (void)
{
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (GDateTime) before = at ("2026-12-05T16:00:00Z");
  g_autoptr (GDateTime) after = at ("2026-12-05T19:45:00Z");
  struct { LedeArticleStatus status; GDateTime *now; gboolean noted; } cases[] = {
    { LEDE_ARTICLE_STATUS_DRAFT, after, TRUE },
    { LEDE_ARTICLE_STATUS_IN_PROGRESS, after, TRUE },
    { LEDE_ARTICLE_STATUS_READY, after, FALSE },
    { LEDE_ARTICLE_STATUS_PUBLISHED, after, FALSE },
    { LEDE_ARTICLE_STATUS_SPIKED, after, FALSE },
    { LEDE_ARTICLE_STATUS_DRAFT, before, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LedeCheckStory) story = NULL;
      g_autoptr (GPtrArray) findings = NULL;
      LedeFinding *noted = NULL;

      lede_article_set_status (article, cases[i].status);
      story = lede_check_story_new (article, NULL, NULL);
      findings = lede_checks_run (story, cases[i].now);
      for (guint n = 0; n < findings->len; n++)
        if (((LedeFinding *)g_ptr_array_index (findings, n))->kind == LEDE_CHECK_DEADLINE)
          noted = g_ptr_array_index (findings, n);
      g_assert_true ((noted != NULL) == cases[i].noted);
      if (noted != NULL)
        {
          g_autofree char *place = lede_finding_dup_place (noted);

          g_assert_cmpint (noted->severity, ==, LEDE_SEVERITY_NOTE);
          g_assert_cmpint (noted->field, ==, LEDE_FIELD_DEADLINE);
          g_assert_cmpstr (place, ==, "Deadline");
          g_assert_cmpstr (lede_check_kind_to_string (noted->kind), ==, "deadline");
          g_assert_nonnull (strstr (noted->message, "2 hours 15 minutes"));
        }
    }
}

/* How a sidebar row says a deadline: in words, past or to come. */
static void
test_due_words (void)
{
  g_autoptr (GDateTime) now = at ("2026-12-05T10:00:00Z");
  struct { const char *deadline, *words; } cases[] = {
    { "2026-12-05T12:00:00Z", "due in 2 h" },
    { "2026-12-05T10:25:00Z", "due in 25 min" },
    { "2026-12-08T10:00:00Z", "due in 3 days" },
    { "2026-12-05T09:00:00Z", "overdue by 1 h" },
    { "2026-12-05T09:59:30Z", "overdue by 1 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) deadline = at (cases[i].deadline);
      g_autofree char *words = lede_time_format_due (deadline, now);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* One reading of a typed time, for the panel and lede-cli: local unless a
 * zone is given; seconds and the "T" optional; anything else refused. */
static void
test_parse_local (void)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  struct { const char *text; int y, mo, d, h, mi; } taken[] = {
    { "2026-12-05 17:30", 2026, 12, 5, 17, 30 },
    { " 2026-12-05T17:30 ", 2026, 12, 5, 17, 30 },
    { "2026-12-05T17:30:00", 2026, 12, 5, 17, 30 },
    { "2026-12-05", 2026, 12, 5, 0, 0 },
    { "2026-12-5 9:30", 2026, 12, 5, 9, 30 },
  };
  const char *refused[] = { "", "after lunch", "2026-13-05 10:00", "2026-12-05 25:00", "17:30", "2026-12-05 17" };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr (GDateTime) got = lede_time_parse_local (taken[i].text);
      g_autoptr (GDateTime) want = g_date_time_new (local, taken[i].y, taken[i].mo, taken[i].d, taken[i].h, taken[i].mi, 0);

      g_assert_nonnull (got);
      g_assert_true (g_date_time_equal (got, want));
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_null (lede_time_parse_local (refused[i]));

  /* A zone given is kept. */
  {
    g_autoptr (GDateTime) got = lede_time_parse_local ("2026-12-05 17:30+01:00");
    g_autoptr (GDateTime) want = at ("2026-12-05T16:30:00Z");

    g_assert_nonnull (got);
    g_assert_true (g_date_time_equal (got, want));
  }
  {
    g_autoptr (GDateTime) got = lede_time_parse_local ("2026-12-05T17:30Z");
    g_autoptr (GDateTime) want = at ("2026-12-05T17:30:00Z");

    g_assert_nonnull (got);
    g_assert_true (g_date_time_equal (got, want));
  }
}

/* Front matter carries every field and reads back to the same bytes. */
static void
test_front_matter (void)
{
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) tags = NULL;
  const char *text;

  lede_article_set_uuid (article, "0e0e7a57-5d3f-4b7a-9a53-1f1b2a3c4d5e");
  first = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "\nseo_title: \"Harbour bridge closes Monday for six weeks of repairs\"\n"));
  g_assert_nonnull (strstr (text, "\ndeadline: 2026-12-05T17:30:00Z\n"));
  g_assert_nonnull (strstr (text, "\nassignee: \"Ana Souza\"\n"));
  back = lede_import_parse ("story.md", text, g_bytes_get_size (first), &tags, &error);
  g_assert_no_error (error);
  assert_desk_fields (back);
  second = lede_test_export (back, NULL, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (g_bytes_equal (first, second));
}

/* `lede-cli list --json` gives a script what a desk wants of each story. */
static void
test_cli_list (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (LedeArticle) plain = lede_article_new ();
  g_autoptr (GDateTime) embargo = at ("2026-12-10T06:00:00Z");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonArray *array, *tags;
  JsonObject *story, *other;

  lede_article_set_embargo (article, embargo);
  lede_article_set_language (article, "en-GB");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_IN_PROGRESS);
  g_assert_true (lede_library_add_story (library, article, (const char * const[]) { "transport", "Harbour", NULL }, NULL));
  lede_article_set_headline (plain, "Market hall to close");
  g_assert_true (lede_library_create_article (library, plain, NULL));
  g_clear_object (&library);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--json", NULL }, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  other = json_array_get_object_element (array, 0);
  story = json_array_get_object_element (array, 1);
  tags = json_object_get_array_member (story, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "Harbour");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "transport");
  g_assert_cmpstr (json_object_get_string_member (story, "embargo"), ==, "2026-12-10T06:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (story, "language"), ==, "en-GB");
  g_assert_cmpstr (json_object_get_string_member (story, "deadline"), ==, "2026-12-05T17:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (story, "assignee"), ==, "Ana Souza");
  g_assert_cmpstr (json_object_get_string_member (story, "editor"), ==, "Jon Berg");
  g_assert_cmpstr (json_object_get_string_member (story, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (story, "headlines"), "print"), ==,
                   "Bridge shut");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (other, "headlines"), "seo"), ==,
                   "Market hall to close");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (other, "tags")), ==, 0);
  g_assert_true (json_object_get_null_member (other, "deadline"));
  g_assert_true (json_object_get_null_member (other, "embargo"));
  g_assert_cmpstr (json_object_get_string_member (other, "assignee"), ==, "");
  lede_test_rmdir (dir);
}

/* lede-cli list --due: still-to-go stories with a deadline, soonest first;
 * --assignee and --mine (the default byline of Lede's Preferences, read
 * through GSettings' keyfile backend here) narrow it. lede-cli set changes
 * one field, refuses a field or time it does not know, and clears with "". */
static void
test_cli_due_and_set (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  const char *headlines[] = { "Ferry timetable", "Bridge shut", "Market hall to close", "Pier reopens" };
  const char *deadlines[] = { "2026-12-05T18:00:00Z", "2026-12-05T09:00:00Z", NULL, "2026-12-05T07:00:00Z" };
  const char *assignees[] = { "Ana Souza", "jon berg", "Ana Souza", "Ana Souza" };
  char uuids[4][37];
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (LedeArticle) changed = NULL;
  g_auto (GStrv) env = NULL;
  g_autofree char *due_out = NULL;
  int status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr (LedeArticle) story = lede_article_new ();
      g_autoptr (GDateTime) deadline = deadlines[i] ? at (deadlines[i]) : NULL;

      lede_article_set_headline (story, headlines[i]);
      lede_article_set_deadline (story, deadline);
      lede_article_set_assignee (story, assignees[i]);
      /* The pier story went out: due no more. */
      if (i == 3)
        lede_article_set_status (story, LEDE_ARTICLE_STATUS_PUBLISHED);
      g_assert_true (lede_library_create_article (library, story, NULL));
      g_strlcpy (uuids[i], lede_article_get_uuid (story), sizeof uuids[i]);
    }
  g_clear_object (&library);

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--due", NULL }, &out, NULL), ==, 0);
  {
    g_auto (GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_auto (GStrv) first = g_strsplit (lines[0], "\t", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_true (g_str_has_prefix (lines[0], uuids[1]));
    g_assert_true (g_str_has_prefix (lines[1], uuids[0]));
    g_assert_cmpstr (first[2], ==, "2026-12-05T09:00:00Z");
    g_assert_true (g_str_has_prefix (first[3], "overdue by ") || g_str_has_prefix (first[3], "due in "));
    g_assert_cmpstr (first[4], ==, "jon berg");
    g_assert_cmpstr (first[5], ==, "Bridge shut");
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--due", "--assignee", "JON BERG", NULL },
                                      &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, uuids[1]));
  g_assert_null (strchr (out, '\n') ? strstr (strchr (out, '\n') + 1, "\t") : NULL);
  g_clear_pointer (&out, g_free);

  /* --mine with no byline set is refused in words. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "list", "--due", "--mine", NULL }, NULL, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "no"));
  g_assert_nonnull (strstr (err, "--assignee"));
  g_clear_pointer (&err, g_free);

  /* With the byline Preferences keep: Ana Souza's due story only. */
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/ledeapp/Lede]\ndefault-byline='Ana Souza'\n", -1, NULL));
  env = g_environ_setenv (g_get_environ (), "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  {
    const char *argv[] = { g_getenv ("LEDE_CLI"), "--library", path, "list", "--due", "--mine", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &due_out, NULL, &status, NULL));
  }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (due_out, uuids[0]));
  g_assert_null (strstr (due_out, uuids[1]));
  g_assert_null (strstr (due_out, uuids[2]));

  /* set: a deadline in local time, a person, then cleared. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "set", uuids[2], "deadline", "2026-12-06 10:00+01:00", NULL },
                                      NULL, NULL), ==, 0);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "set", uuids[2], "editor", "Mo Tran", NULL },
                                      NULL, NULL), ==, 0);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "set", uuids[2], "deadline", "after lunch", NULL },
                                      NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "“after lunch” is not a date and time"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "set", uuids[2], "colour", "red", NULL },
                                      NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "“colour”"));
  library = lede_library_open (path, NULL);
  changed = lede_library_get_article_by_uuid (library, uuids[2], NULL);
  {
    g_autoptr (GDateTime) want = at ("2026-12-06T09:00:00Z");

    g_assert_true (g_date_time_equal (lede_article_get_deadline (changed), want));
  }
  g_assert_cmpstr (lede_article_get_editor (changed), ==, "Mo Tran");
  g_clear_object (&changed);
  g_clear_object (&library);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "set", uuids[2], "deadline", "", NULL },
                                      NULL, NULL), ==, 0);
  library = lede_library_open (path, NULL);
  changed = lede_library_get_article_by_uuid (library, uuids[2], NULL);
  g_assert_null (lede_article_get_deadline (changed));
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* An empty role is the web headline; each role its own when written. */
static void
test_headline_roles (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_article_set_headline (article, "Harbour bridge to close");
  for (LedeHeadlineRole role = LEDE_HEADLINE_WEB; role <= LEDE_HEADLINE_SOCIAL; role++)
    g_assert_cmpstr (lede_article_get_headline_for (article, role), ==, "Harbour bridge to close");
  lede_article_set_seo_title (article, "Harbour bridge closes Monday");
  lede_article_set_social_headline (article, "Line one\nline two");
  g_assert_cmpstr (lede_article_get_headline_for (article, LEDE_HEADLINE_SEO), ==, "Harbour bridge closes Monday");
  g_assert_cmpstr (lede_article_get_headline_for (article, LEDE_HEADLINE_SOCIAL), ==, "Line one line two");
  g_assert_cmpstr (lede_article_get_headline_for (article, LEDE_HEADLINE_PRINT), ==, "Harbour bridge to close");
}

/* Each written headline past its place's length is a warning on its own
 * field; at the length, or left empty, nothing. */
static void
test_headline_lengths (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GDateTime) now = at ("2026-12-05T10:00:00Z");
  g_autofree char *print = g_strnfill (LEDE_CHECK_PRINT_HEADLINE_LENGTH + 1, 'p');
  g_autofree char *seo = g_strnfill (LEDE_CHECK_SEO_TITLE_LENGTH, 's');
  g_autofree char *social = g_strnfill (LEDE_CHECK_SOCIAL_HEADLINE_LENGTH + 5, 'c');
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  guint print_found = 0, seo_found = 0, social_found = 0;

  lede_article_set_headline (article, "Short");
  lede_article_set_body (article, "Text.\n");
  lede_article_set_print_headline (article, print);
  lede_article_set_seo_title (article, seo);
  lede_article_set_social_headline (article, social);
  story = lede_check_story_new (article, NULL, NULL);
  findings = lede_checks_run (story, now);
  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      print_found += finding->field == LEDE_FIELD_PRINT_HEADLINE;
      seo_found += finding->field == LEDE_FIELD_SEO_TITLE;
      if (finding->field == LEDE_FIELD_SOCIAL_HEADLINE)
        {
          g_autofree char *place = lede_finding_dup_place (finding);

          social_found++;
          g_assert_cmpint (finding->severity, ==, LEDE_SEVERITY_WARNING);
          g_assert_cmpstr (place, ==, "Social headline");
          g_assert_nonnull (strstr (finding->message, "105 characters"));
        }
    }
  g_assert_cmpuint (print_found, ==, 1);
  g_assert_cmpuint (seo_found, ==, 0);
  g_assert_cmpuint (social_found, ==, 1);
}

/* Each headline where its format has a place: <title> and Open Graph in
 * the page, ninjs headlines with roles, DOCX's title; and the web headline
 * alone where none was written. */
static void
test_headlines_out (void)
{
  g_autoptr (LedeArticle) article = desk_story ();
  g_autoptr (LedeArticle) plain = lede_article_new ();
  g_autoptr (GBytes) page = NULL, plain_page = NULL, ninjs = NULL, plain_ninjs = NULL, docx = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *document = NULL;
  JsonArray *headlines;
  const char *roles[] = { "main", "print", "seo", "social" };
  const char *values[] = { "Harbour bridge to close for repairs", "Bridge shut",
                           "Harbour bridge closes Monday for six weeks of repairs",
                           "Your commute is about to change \"a lot\"" };

  lede_article_set_uuid (article, "0e0e7a57-5d3f-4b7a-9a53-1f1b2a3c4d5e");
  page = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (g_bytes_get_data (page, NULL),
                            "<title>Harbour bridge closes Monday for six weeks of repairs</title>"));
  g_assert_nonnull (strstr (g_bytes_get_data (page, NULL),
                            "<meta property=\"og:title\" content=\"Your commute is about to change &quot;a lot&quot;\">"));
  g_assert_nonnull (strstr (g_bytes_get_data (page, NULL),
                            "<h1 class=\"headline\">Harbour bridge to close for repairs</h1>"));

  ninjs = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_NINJS);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (ninjs, NULL), g_bytes_get_size (ninjs), NULL));
  headlines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "headlines");
  g_assert_cmpuint (json_array_get_length (headlines), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *headline = json_array_get_object_element (headlines, i);

      g_assert_cmpstr (json_object_get_string_member (headline, "role"), ==, roles[i]);
      g_assert_cmpstr (json_object_get_string_member (headline, "value"), ==, values[i]);
    }

  docx = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_DOCX);
  document = lede_test_docx_part (docx, "word/document.xml", &(gsize) { 0 });
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Bridge shut</w:t>"));

  lede_article_set_headline (plain, "Market hall to close");
  lede_article_set_uuid (plain, "1e0e7a57-5d3f-4b7a-9a53-1f1b2a3c4d5e");
  plain_page = lede_test_export (plain, NULL, NULL, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (g_bytes_get_data (plain_page, NULL), "<title>Market hall to close</title>"));
  g_assert_nonnull (strstr (g_bytes_get_data (plain_page, NULL),
                            "<meta property=\"og:title\" content=\"Market hall to close\">"));
  plain_ninjs = lede_test_export (plain, NULL, NULL, LEDE_EXPORT_FORMAT_NINJS);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (plain_ninjs, NULL), g_bytes_get_size (plain_ninjs), NULL));
  headlines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "headlines");
  g_assert_cmpuint (json_array_get_length (headlines), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (headlines, 0), "role"), ==, "main");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lede/desk/library-keeps", Fixture, NULL, fixture_setup, test_library_keeps, fixture_teardown);
  g_test_add_func ("/lede/desk/migration", test_migration);
  g_test_add ("/lede/desk/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add_func ("/lede/desk/check", test_check);
  g_test_add_func ("/lede/desk/due-words", test_due_words);
  g_test_add_func ("/lede/desk/parse-local", test_parse_local);
  g_test_add_func ("/lede/desk/front-matter", test_front_matter);
  g_test_add_func ("/lede/desk/cli-list", test_cli_list);
  g_test_add_func ("/lede/desk/cli-due-and-set", test_cli_due_and_set);
  g_test_add_func ("/lede/desk/headline-roles", test_headline_roles);
  g_test_add_func ("/lede/desk/headline-lengths", test_headline_lengths);
  g_test_add_func ("/lede/desk/headlines-out", test_headlines_out);

  return g_test_run ();
}
