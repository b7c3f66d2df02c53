/* test-import.c: imports never overwrite newer words, never lift an
 * embargo unasked, never duplicate a story, and refuse what is not
 * Markdown or plain text (issue 23).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "lede-import.h"
#include "lede-time.h"
#include "lede-test-library-fixture.h"

#define UUID "5d9c2a1e-7b3f-4c8e-9a0d-1f2e3d4c5b6a"

/* A time @days from now, as front matter writes it. */
static char *
days_from_now (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return lede_time_format_utc (then);
}

/* Writes a Markdown story with the given front matter (a %NULL value
 * leaves its key out) into the fixture's folder. */
static char *
write_story (Fixture    *f,
             const char *name,
             const char *uuid,
             const char *lastmod,
             const char *embargo,
             const char *body)
{
  g_autoptr (GString) text = g_string_new ("---\ntitle: \"Ferry fares rise\"\n");
  char *path = g_build_filename (f->dir, name, NULL);

  if (uuid)
    g_string_append_printf (text, "uuid: \"%s\"\n", uuid);
  if (lastmod)
    g_string_append_printf (text, "lastmod: %s\n", lastmod);
  if (embargo)
    g_string_append_printf (text, "embargo: %s\n", embargo);
  g_string_append_printf (text, "---\n\n%s", body);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

/* The file was last written an hour ago here: what a file copied in before
 * the words were typed looks like. */
static void
age_file (const char *path)
{
  struct utimbuf times = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static LedeArticle *
stored (Fixture *f,
        gint64   id)
{
  LedeArticle *article = lede_library_get_article (f->library, id, NULL);

  g_assert_nonnull (article);
  return article;
}

/* A lastmod from the future is taken as the time of the import, and said;
 * the same file imported again after words were typed leaves them. */
static void
test_future_lastmod (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_story (f, "future.md", UUID, "2999-01-01T00:00:00Z", NULL,
                                       "Fares rise by a tenth in May.\n");
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) after = NULL;
  g_autoptr (LedeArticle) article = NULL, now = NULL, again = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) messages = NULL;
  LedeImportNotes notes = LEDE_IMPORT_NOTE_NONE;
  LedeImportOutcome outcome;

  age_file (path);
  article = lede_import_file_noted (f->library, path, LEDE_IMPORT_FLAGS_NONE, &outcome, &notes, &messages, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_ADDED);
  g_assert_cmpint (notes, ==, LEDE_IMPORT_NOTE_LASTMOD_CLAMPED);
  g_assert_cmpuint (g_strv_length (messages), ==, 1);
  g_assert_nonnull (strstr (messages[0], "future.md"));
  g_assert_nonnull (strstr (messages[0], "2999-01-01T00:00:00Z"));
  g_assert_nonnull (strstr (messages[0], "in the future"));

  now = stored (f, lede_article_get_id (article));
  after = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_compare (lede_article_get_updated (now), after), <=, 0);
  g_assert_cmpint (g_date_time_difference (before, lede_article_get_updated (now)), <, G_TIME_SPAN_SECOND);

  /* Words typed in the window since, then the same file again. */
  lede_article_set_body (now, "Fares rise by a tenth in May, the operator said on Monday.\n");
  g_assert_true (lede_library_update_article (f->library, now, NULL));
  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);
  g_clear_error (&error);
  again = stored (f, lede_article_get_id (article));
  g_assert_cmpstr (lede_article_get_body (again), ==, "Fares rise by a tenth in May, the operator said on Monday.\n");
}

/* A story saved, then its older export imported: the words stay. */
static void
test_older_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *yesterday = days_from_now (-1);
  g_autofree char *path = write_story (f, "export.md", UUID, yesterday, NULL, "First draft.\n");
  g_autoptr (LedeArticle) article = lede_import_file (f->library, path, NULL);
  g_autoptr (LedeArticle) after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (article);
  lede_article_set_body (article, "Second draft, typed since.\n");
  g_assert_true (lede_library_update_article (f->library, article, NULL));

  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);
  g_assert_nonnull (strstr (error->message, "library’s copy is newer"));
  after = stored (f, lede_article_get_id (article));
  g_assert_cmpstr (lede_article_get_body (after), ==, "Second draft, typed since.\n");
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
}

/* A file with a uuid and a lastmod but no slug, imported again unchanged,
 * is unchanged (no revision, no new lastmod, the slug the library gave it
 * kept), so a later edit of it still goes in. */
static void
test_no_slug_again (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *last_week = days_from_now (-7);
  g_autofree char *yesterday = days_from_now (-1);
  g_autofree char *path = write_story (f, "unslugged.md", UUID, last_week, NULL, "Fares rise a tenth.\n");
  g_autofree char *edited = write_story (f, "edited.md", UUID, yesterday, NULL, "Fares rise a fifth.\n");
  g_autoptr (LedeArticle) article = lede_import_file (f->library, path, NULL);
  g_autoptr (LedeArticle) again = NULL, later = NULL, after = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *slug = NULL;

  g_assert_nonnull (article);
  {
    g_autoptr (LedeArticle) first = stored (f, lede_article_get_id (article));

    slug = g_strdup (lede_article_get_slug (first));
  }
  g_assert_cmpstr (slug, !=, "");

  g_assert_null ((again = lede_import_file (f->library, path, &error)));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_assert_nonnull (strstr (error->message, "unchanged"));
  g_clear_error (&error);
  revisions = lede_library_list_revisions (f->library, lede_article_get_id (article), NULL);
  g_assert_nonnull (revisions);
  g_assert_cmpuint (revisions->len, ==, 0);

  later = lede_import_file (f->library, edited, &error);
  g_assert_no_error (error);
  after = stored (f, lede_article_get_id (article));
  g_assert_cmpstr (lede_article_get_body (after), ==, "Fares rise a fifth.\n");
  g_assert_cmpstr (lede_article_get_slug (after), ==, slug);
}

/* A uuid in capitals (an editor's, a script's) is the same story: the
 * file is compared with it, not added beside it, and the library finds
 * the story by it. */
static void
test_uuid_in_capitals (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *last_week = days_from_now (-7);
  g_autofree char *upper = g_ascii_strup (UUID, -1);
  g_autofree char *path = write_story (f, "lower.md", UUID, last_week, NULL, "Fares rise a tenth.\n");
  g_autofree char *shouted = write_story (f, "upper.md", upper, last_week, NULL, "Fares rise a tenth.\n");
  g_autoptr (LedeArticle) article = lede_import_file (f->library, path, NULL);
  g_autoptr (LedeArticle) found = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (article);
  g_assert_null (lede_import_file (f->library, shouted, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  found = lede_library_get_article_by_uuid (f->library, upper, NULL);
  g_assert_nonnull (found);
  g_assert_cmpint (lede_article_get_id (found), ==, lede_article_get_id (article));
}

/* A newer copy of a story in the trash updates it there, and says so:
 * it is not brought back unasked, nor updated out of sight. */
static void
test_update_in_trash (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *last_week = days_from_now (-7);
  g_autofree char *yesterday = days_from_now (-1);
  g_autofree char *path = write_story (f, "first.md", UUID, last_week, NULL, "Fares rise a tenth.\n");
  g_autofree char *newer = write_story (f, "newer.md", UUID, yesterday, NULL, "Fares rise a fifth.\n");
  g_autoptr (LedeArticle) article = lede_import_file (f->library, path, NULL);
  g_autoptr (LedeArticle) updated = NULL, after = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) messages = NULL;
  LedeImportOutcome outcome = LEDE_IMPORT_ADDED;
  LedeImportNotes notes = LEDE_IMPORT_NOTE_NONE;

  g_assert_nonnull (article);
  g_assert_true (lede_library_trash_article (f->library, lede_article_get_id (article), NULL));
  updated = lede_import_file_noted (f->library, newer, 0, &outcome, &notes, &messages, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_UPDATED);
  g_assert_true (notes & LEDE_IMPORT_NOTE_IN_TRASH);
  g_assert_nonnull (messages);
  g_assert_nonnull (strstr (messages[0], "in the trash, and was updated there"));
  after = stored (f, lede_article_get_id (article));
  g_assert_nonnull (lede_article_get_trashed (after));
  g_assert_cmpstr (lede_article_get_body (after), ==, "Fares rise a fifth.\n");
}

/* A file with more tags than any story has is refused in words, before
 * the library is touched. */
static void
test_too_many_tags (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "tags.md", NULL);
  g_autoptr (GString) text = g_string_new ("---\ntitle: \"Tagged to death\"\ntags:\n");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i <= LEDE_IMPORT_MAX_TAGS; i++)
    g_string_append_printf (text, "- tag%u\n", i);
  g_string_append (text, "---\n\nText.\n");
  write_file (path, text->str, -1);
  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER);
  g_assert_nonnull (strstr (error->message, "501 tags"));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);
}

/* A wire story without a uuid, imported twice: the second is left out,
 * whatever its line ends and trailing spaces; in the trash, it says so;
 * as new, a copy goes in. */
static void
test_same_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "wire.txt", NULL);
  g_autofree char *second = g_build_filename (f->dir, "wire-again.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "wire-other.txt", NULL);
  g_autoptr (LedeArticle) article = NULL, copy = NULL, different = NULL;
  g_autoptr (GError) error = NULL;

  write_file (first, "Ferry fares rise\n\nA tenth dearer from May.\n\nThe operator blamed fuel.\nCrews agreed.\n", -1);
  write_file (second, "Ferry fares rise  \r\n\r\nA tenth dearer from May.\r\n\r\nThe operator blamed fuel.   \r\nCrews agreed.\t\r\n\r\n", -1);
  write_file (other, "Ferry fares rise\n\nA tenth dearer from May.\n\nThe operator blamed the weather.\n", -1);

  article = lede_import_file (f->library, first, &error);
  g_assert_no_error (error);
  g_assert_null (lede_import_file (f->library, second, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_assert_nonnull (strstr (error->message, "already in the library"));
  g_assert_null (strstr (error->message, "in the trash"));
  g_clear_error (&error);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);

  /* Another body under the same headline is another story. */
  different = lede_import_file (f->library, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  g_assert_true (lede_library_trash_article (f->library, lede_article_get_id (article), NULL));
  g_assert_null (lede_import_file (f->library, second, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_assert_nonnull (strstr (error->message, "already in the library, in the trash"));
  g_clear_error (&error);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);

  copy = lede_import_file_full (f->library, second, LEDE_IMPORT_AS_NEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_uuid (copy), !=, lede_article_get_uuid (article));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);
}

/* What is not Markdown or plain text is refused in words, by its content,
 * and the library is as it was; Markdown that merely starts like JSON or
 * HTML is still taken. */
static void
test_other_formats (Fixture       *f,
                    gconstpointer  data)
{
  static const char docx[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml word/document.xml";
  static const char odt[] = "PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0";
  const struct {
    const char *name;
    const char *data;
    gssize      len;
    int         code;
    const char *said;
  } cases[] = {
    { "story.json", "{\"title\": \"Fares\", \"type\": \"text\", \"body\": \"Fares rise.\"}", -1,
      LEDE_IMPORT_ERROR_FORMAT, "it is a JSON file; Lede imports Markdown and plain text" },
    /* Wire formats Lede reads, refused whole when they hold no story. */
    { "picture.json", "{\"uri\": \"urn:x\", \"type\": \"picture\", \"headlines\": [{\"value\": \"Fares\"}]}", -1,
      LEDE_IMPORT_ERROR_WIRE, "it is ninjs, but it is a ninjs “picture” item" },
    /* The name says Markdown; the content says JSON. */
    { "export.md", "\n  [ {\"headline\": \"Fares\"} ]\n", -1, LEDE_IMPORT_ERROR_FORMAT, "a JSON file" },
    { "newsml.xml", "<?xml version=\"1.0\"?>\n<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>\n", -1,
      LEDE_IMPORT_ERROR_WIRE, "it is NewsML-G2, but its newsMessage holds no newsItem" },
    { "newsml.txt", "<newsItem guid=\"x\">\n  <contentSet>Fares</contentSet>\n</newsItem>\n", -1,
      LEDE_IMPORT_ERROR_WIRE, "it has no text" },
    { "feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n", -1,
      LEDE_IMPORT_ERROR_FORMAT, "it is an XML file; Lede imports Markdown and plain text" },
    { "story.docx", docx, sizeof docx - 1, LEDE_IMPORT_ERROR_FORMAT, "a word-processor file (DOCX); Lede imports" },
    { "story.odt", odt, sizeof odt - 1, LEDE_IMPORT_ERROR_FORMAT, "a word-processor file (OpenDocument)" },
    { "story.rtf", "{\\rtf1\\ansi Fares rise}", -1, LEDE_IMPORT_ERROR_FORMAT, "(RTF)" },
    { "story.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", -1, LEDE_IMPORT_ERROR_FORMAT, "a PDF file" },
    { "program.md", binary, sizeof binary - 1, LEDE_IMPORT_ERROR_BINARY, "binary file" },
  };
  const struct {
    const char *name;
    const char *data;
  } markdown[] = {
    { "link.md", "[Fares rise](https://example.org) by a tenth.\n" },
    { "div.md", "<div class=\"note\">\nFares rise.\n</div>\n" },
    { "braces.txt", "{Fares} rise\n\nBy a tenth.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, cases[i].name, NULL);
      g_autoptr (GError) error = NULL;

      write_file (path, cases[i].data, cases[i].len);
      g_assert_null (lede_import_file (f->library, path, &error));
      g_assert_error (error, LEDE_IMPORT_ERROR, cases[i].code);
      if (!strstr (error->message, cases[i].said))
        g_error ("%s: “%s” does not say “%s”", cases[i].name, error->message, cases[i].said);
      g_assert_nonnull (strstr (error->message, cases[i].name));
    }
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);
  g_assert_cmpint (lede_library_count_articles (f->library, TRUE, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (markdown); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, markdown[i].name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = NULL;

      write_file (path, markdown[i].data, -1);
      article = lede_import_file (f->library, path, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, G_N_ELEMENTS (markdown));
}

/* An embargo that holds is kept when a newer file would lift or shorten
 * it, and said; a later one is taken; with the flag, the file's wins. */
static void
test_embargo (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *three_days_ago = days_from_now (-3), *two_days_ago = days_from_now (-2), *yesterday = days_from_now (-1);
  g_autofree char *in_two_days = days_from_now (2), *tomorrow = days_from_now (1), *in_a_week = days_from_now (7);
  g_autofree char *held = write_story (f, "held.md", UUID, three_days_ago, in_two_days, "Embargoed.\n");
  g_autofree char *lifted = write_story (f, "lifted.md", UUID, two_days_ago, NULL, "Lifted, with a new line.\n");
  g_autofree char *shorter = write_story (f, "shorter.md", UUID, yesterday, tomorrow, "Shorter.\n");
  g_autofree char *longer = NULL;
  g_autoptr (LedeArticle) article = lede_import_file (f->library, held, NULL);
  g_autoptr (GError) error = NULL;
  LedeImportNotes notes = LEDE_IMPORT_NOTE_NONE;
  gint64 id;

  g_assert_nonnull (article);
  id = lede_article_get_id (article);

  /* No embargo in a newer file: the words go in, the embargo stays. */
  {
    g_auto (GStrv) messages = NULL;
    g_autoptr (LedeArticle) updated = lede_import_file_noted (f->library, lifted, LEDE_IMPORT_FLAGS_NONE, NULL,
                                                              &notes, &messages, &error);
    g_autoptr (LedeArticle) now = stored (f, id);
    g_autofree char *embargo = lede_time_format_utc (lede_article_get_embargo (now));

    g_assert_no_error (error);
    g_assert_nonnull (updated);
    g_assert_cmpint (notes, ==, LEDE_IMPORT_NOTE_EMBARGO_KEPT);
    g_assert_cmpstr (lede_article_get_body (now), ==, "Lifted, with a new line.\n");
    g_assert_cmpstr (embargo, ==, in_two_days);
    g_assert_cmpuint (g_strv_length (messages), ==, 1);
    g_assert_nonnull (strstr (messages[0], "embargo until"));
    g_assert_nonnull (strstr (messages[0], "the file has none"));
  }

  /* An earlier one: kept too. */
  {
    g_auto (GStrv) messages = NULL;
    g_autoptr (LedeArticle) updated = lede_import_file_noted (f->library, shorter, LEDE_IMPORT_FLAGS_NONE, NULL,
                                                              &notes, &messages, &error);
    g_autoptr (LedeArticle) now = stored (f, id);
    g_autofree char *embargo = lede_time_format_utc (lede_article_get_embargo (now));

    g_assert_no_error (error);
    g_assert_cmpint (notes, ==, LEDE_IMPORT_NOTE_EMBARGO_KEPT);
    g_assert_cmpstr (embargo, ==, in_two_days);
    g_assert_nonnull (strstr (messages[0], "ends earlier"));
  }

  /* Asked to: the file's embargo, none, is taken. */
  {
    g_autoptr (LedeArticle) updated = lede_import_file_noted (f->library, shorter, LEDE_IMPORT_LIFT_EMBARGO, NULL,
                                                              &notes, NULL, &error);
    g_autoptr (LedeArticle) now = stored (f, id);
    g_autofree char *embargo = lede_time_format_utc (lede_article_get_embargo (now));

    g_assert_no_error (error);
    g_assert_cmpint (notes, ==, LEDE_IMPORT_NOTE_NONE);
    g_assert_cmpstr (embargo, ==, tomorrow);
  }

  /* A later embargo is an extension: taken without a word. */
  {
    g_autoptr (LedeArticle) updated = NULL;
    g_autoptr (LedeArticle) now = NULL;
    g_autofree char *embargo = NULL;
    g_autoptr (GDateTime) after_save = NULL;

    now = stored (f, id);
    /* After the lift above (a change made now), a file from the future
     * would be clamped; this one is written now and a second later. */
    after_save = g_date_time_add_seconds (lede_article_get_updated (now), 1);
    {
      g_autofree char *lastmod = lede_time_format_utc (after_save);
      g_autoptr (GDateTime) real_now = g_date_time_new_now_utc ();

      /* Wait out the second rather than write a lastmod in the future. */
      while (g_date_time_compare (real_now, after_save) < 0)
        {
          g_usleep (G_USEC_PER_SEC / 10);
          g_date_time_unref (real_now);
          real_now = g_date_time_new_now_utc ();
        }
      longer = write_story (f, "longer.md", UUID, lastmod, in_a_week, "Longer.\n");
    }
    updated = lede_import_file_noted (f->library, longer, LEDE_IMPORT_FLAGS_NONE, NULL, &notes, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (notes, ==, LEDE_IMPORT_NOTE_NONE);
    g_clear_object (&now);
    now = stored (f, id);
    embargo = lede_time_format_utc (lede_article_get_embargo (now));
    g_assert_cmpstr (embargo, ==, in_a_week);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/lede/import/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("future-lastmod", test_future_lastmod);
  ADD ("older-export", test_older_export);
  ADD ("same-text", test_same_text);
  ADD ("no-slug-again", test_no_slug_again);
  ADD ("uuid-in-capitals", test_uuid_in_capitals);
  ADD ("update-in-trash", test_update_in_trash);
  ADD ("too-many-tags", test_too_many_tags);
  ADD ("other-formats", test_other_formats);
  ADD ("embargo", test_embargo);
#undef ADD
  return g_test_run ();
}
