/* test-interchange.c: import and export on the sample stories in
 * tests/data/stories, round trips, and every kind of bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lede-atomic-file.h"
#include "lede-checks.h"
#include "lede-export.h"
#include "lede-test-export.h"
#include "lede-export-batch.h"
#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-time.h"
#include "lede-markdown.h"
#include "lede-slug.h"
#include "lede-test-library-fixture.h"


static char *
story_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "stories", name, NULL);
}

static LedeArticle *
import_sample (Fixture    *f,
               const char *name)
{
  g_autofree char *path = story_path (name);
  g_autoptr (GError) error = NULL;
  /* As new: some tests take the same sample twice into one library, which
   * without a uuid would otherwise be left out as already there. */
  LedeArticle *article = lede_import_file_full (f->library, path, LEDE_IMPORT_AS_NEW, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
export_text (Fixture          *f,
             LedeArticle      *article,
             LedeExportFormat  format)
{
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (article), NULL);
  g_autoptr (GPtrArray) sources = lede_library_list_story_sources (f->library, lede_article_get_id (article), NULL);
  g_autoptr (GBytes) bytes = lede_test_export (article, (const char * const *)tags, sources, format);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a)
    g_assert_true (g_date_time_equal (a, b));
}

/* Every field a Markdown file carries (the editorial note is internal and
 * never exported; the library keeps its own updated time). */
static void
assert_same_story (LedeLibrary *library_a,
                   LedeArticle *a,
                   LedeLibrary *library_b,
                   LedeArticle *b)
{
  g_auto (GStrv) tags_a = lede_library_get_tags (library_a, lede_article_get_id (a), NULL);
  g_auto (GStrv) tags_b = lede_library_get_tags (library_b, lede_article_get_id (b), NULL);

  g_assert_cmpstr (lede_article_get_headline (a), ==, lede_article_get_headline (b));
  g_assert_cmpstr (lede_article_get_standfirst (a), ==, lede_article_get_standfirst (b));
  g_assert_cmpstr (lede_article_get_slug (a), ==, lede_article_get_slug (b));
  g_assert_cmpstr (lede_article_get_byline (a), ==, lede_article_get_byline (b));
  g_assert_cmpstr (lede_article_get_dateline (a), ==, lede_article_get_dateline (b));
  g_assert_cmpstr (lede_article_get_section (a), ==, lede_article_get_section (b));
  g_assert_cmpstr (lede_article_get_language (a), ==, lede_article_get_language (b));
  g_assert_cmpstr (lede_article_get_body (a), ==, lede_article_get_body (b));
  g_assert_cmpstr (lede_article_get_extra_front_matter (a), ==, lede_article_get_extra_front_matter (b));
  g_assert_cmpint (lede_article_get_status (a), ==, lede_article_get_status (b));
  g_assert_cmpuint (lede_article_get_word_goal (a), ==, lede_article_get_word_goal (b));
  assert_same_time (lede_article_get_embargo (a), lede_article_get_embargo (b));
  assert_same_time (lede_article_get_published (a), lede_article_get_published (b));
  assert_same_time (lede_article_get_created (a), lede_article_get_created (b));
  g_assert_true (g_strv_equal ((const char * const *)tags_a, (const char * const *)tags_b));
  {
    g_autoptr (GPtrArray) sources_a = lede_library_list_story_sources (library_a, lede_article_get_id (a), NULL);
    g_autoptr (GPtrArray) sources_b = lede_library_list_story_sources (library_b, lede_article_get_id (b), NULL);

    g_assert_cmpuint (sources_a->len, ==, sources_b->len);
    for (guint i = 0; i < sources_a->len; i++)
      {
        g_assert_cmpstr (((LedeSource *)g_ptr_array_index (sources_a, i))->name, ==,
                         ((LedeSource *)g_ptr_array_index (sources_b, i))->name);
        g_assert_cmpstr (((LedeSource *)g_ptr_array_index (sources_a, i))->story_note, ==,
                         ((LedeSource *)g_ptr_array_index (sources_b, i))->story_note);
      }
  }
}

/* Markdown export, then import into a fresh library, gives back the same
 * story, and exported again the same bytes. Into the same library it is
 * the same story: left out as unchanged. */
static void
round_trip_story (Fixture     *f,
                  LedeArticle *first)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *again_out = g_build_filename (f->dir, "again", NULL);
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autoptr (LedeLibrary) fresh = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again_path = NULL;
  g_autofree char *exported = NULL, *exported_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) second = NULL;

  lede_test_rmdir (out);
  lede_test_rmdir (again_out);
  g_unlink (fresh_path);
  fresh = lede_library_open (fresh_path, NULL);
  g_mkdir (out, 0755);
  g_mkdir (again_out, 0755);
  /* Forced: what a round trip keeps is the question, not the checks. */
  path = lede_export_to_folder (f->library, first, LEDE_EXPORT_FORMAT_MARKDOWN, out, LEDE_EXPORT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  second = lede_import_file (fresh, path, &error);
  g_assert_no_error (error);
  assert_same_story (f->library, first, fresh, second);
  g_assert_cmpstr (lede_article_get_uuid (first), ==, lede_article_get_uuid (second));

  again_path = lede_export_to_folder (fresh, second, LEDE_EXPORT_FORMAT_MARKDOWN, again_out, LEDE_EXPORT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &exported, NULL, NULL));
  g_assert_true (g_file_get_contents (again_path, &exported_again, NULL, NULL));
  g_assert_cmpstr (exported, ==, exported_again);

  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_clear_object (&fresh);
  g_unlink (fresh_path);
}

static void
round_trip (Fixture    *f,
            const char *sample)
{
  g_autoptr (LedeArticle) first = import_sample (f, sample);

  round_trip_story (f, first);
}

/* Writes @text with its lastmod line replaced (or taken out, for NULL). */
static char *
with_lastmod (Fixture    *f,
              const char *text,
              const char *lastmod,
              const char *name)
{
  g_autoptr (GRegex) regex = g_regex_new ("^lastmod: .*\n", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *line = lastmod ? g_strdup_printf ("lastmod: %s\n", lastmod) : g_strdup ("");
  g_autofree char *changed = g_regex_replace_literal (regex, text, -1, 0, line, 0, NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  return path;
}

/* A file with a uuid the library has is that story: a newer copy (by
 * lastmod) updates it in place, in one transaction; the same, an older one
 * or one without lastmod is left out and said to be; --as-new adds a copy
 * with a uuid and slug of its own. */
static void
test_known_uuid (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (LedeArticle) story = import_sample (f, "harbour-pilot.md");
  g_autoptr (GBytes) exported = NULL;
  g_autofree char *text = NULL, *newer = NULL, *older = NULL, *undated = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) saved_at = g_date_time_add_days (now, -2);
  g_autoptr (GDateTime) newer_at = g_date_time_add_days (now, -1);
  g_autofree char *newer_lastmod = lede_time_format_utc (newer_at);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) updated = NULL, copy = NULL, stored = NULL;
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (story), NULL);
  g_auto (GStrv) tags_after = NULL;
  LedeImportOutcome outcome;
  GRegex *body;

  /* Saved two days ago; the newer file is from yesterday (a lastmod in the
   * future would be taken as the time of the import). */
  lede_article_set_editorial_note (story, "Check the time of the mayday with the coastguard.");
  lede_article_set_updated (story, saved_at);
  g_assert_true (lede_library_replace_story (f->library, lede_article_get_id (story), story,
                                             (const char * const *)tags, NULL));
  exported = lede_test_export (story, (const char * const *)tags, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  body = g_regex_new ("eleven minutes", 0, 0, NULL);
  {
    g_autofree char *edited = g_regex_replace_literal (body, text, -1, 0, "nine minutes", 0, NULL);
    g_autofree char *retagged = NULL;
    GRegex *tag = g_regex_new ("\"Inquiries\"", 0, 0, NULL);

    retagged = g_regex_replace_literal (tag, edited, -1, 0, "\"Courts\"", 0, NULL);
    g_regex_unref (tag);
    newer = with_lastmod (f, retagged, newer_lastmod, "newer.md");
    older = with_lastmod (f, retagged, "2020-01-01T00:00:00Z", "older.md");
    undated = with_lastmod (f, retagged, NULL, "undated.md");
  }
  g_regex_unref (body);

  g_assert_null (lede_import_file (f->library, older, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER);
  g_assert_nonnull (strstr (error->message, "library’s copy is newer"));
  g_clear_error (&error);
  g_assert_null (lede_import_file (f->library, undated, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_clear_error (&error);
  stored = lede_library_get_article (f->library, lede_article_get_id (story), NULL);
  g_assert_nonnull (strstr (lede_article_get_body (stored), "eleven minutes"));

  updated = lede_import_file_full (f->library, newer, LEDE_IMPORT_FLAGS_NONE, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_UPDATED);
  g_assert_cmpint (lede_article_get_id (updated), ==, lede_article_get_id (story));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);
  g_clear_object (&stored);
  stored = lede_library_get_article (f->library, lede_article_get_id (story), NULL);
  g_assert_nonnull (strstr (lede_article_get_body (stored), "nine minutes"));
  g_assert_cmpstr (lede_article_get_uuid (stored), ==, lede_article_get_uuid (story));
  /* What an export never carries stays as the library had it. */
  g_assert_cmpstr (lede_article_get_editorial_note (stored), ==, "Check the time of the mayday with the coastguard.");
  tags_after = lede_library_get_tags (f->library, lede_article_get_id (story), NULL);
  g_assert_true (g_strv_contains ((const char * const *)tags_after, "Courts"));
  g_assert_false (g_strv_contains ((const char * const *)tags_after, "Inquiries"));
  {
    g_autofree char *lastmod = lede_time_format_utc (lede_article_get_updated (stored));
    g_assert_cmpstr (lastmod, ==, newer_lastmod);
  }

  /* The same file again: unchanged. As new: a copy of its own. */
  g_assert_null (lede_import_file (f->library, newer, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_clear_error (&error);
  copy = lede_import_file_full (f->library, newer, LEDE_IMPORT_AS_NEW, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_ADDED);
  g_assert_cmpstr (lede_article_get_uuid (copy), !=, lede_article_get_uuid (story));
  g_assert_cmpstr (lede_article_get_slug (copy), ==, "pilot-boat-crew-inquiry-2");
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 2);

  /* Exported, edited elsewhere (lastmod as exported), imported back: the
   * story takes the edit. */
  {
    g_auto (GStrv) now_tags = lede_library_get_tags (f->library, lede_article_get_id (stored), NULL);
    g_autoptr (GBytes) again = lede_test_export (stored, (const char * const *)now_tags, NULL, LEDE_EXPORT_FORMAT_MARKDOWN);
    g_autofree char *again_text = g_strndup (g_bytes_get_data (again, NULL), g_bytes_get_size (again));
    g_autoptr (GRegex) pilots = g_regex_new ("harbour pilots", 0, 0, NULL);
    g_autofree char *edited = g_regex_replace_literal (pilots, again_text, -1, 0, "harbour's two pilots", 0, NULL);
    g_autofree char *elsewhere = g_build_filename (f->dir, "edited-elsewhere.md", NULL);
    g_autoptr (LedeArticle) taken = NULL;

    g_assert_cmpstr (edited, !=, again_text);
    g_assert_true (g_file_set_contents (elsewhere, edited, -1, NULL));
    taken = lede_import_file_full (f->library, elsewhere, LEDE_IMPORT_FLAGS_NONE, &outcome, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outcome, ==, LEDE_IMPORT_UPDATED);
    g_clear_object (&stored);
    stored = lede_library_get_article (f->library, lede_article_get_id (story), NULL);
    g_assert_nonnull (strstr (lede_article_get_standfirst (stored), "harbour's two pilots"));
    g_assert_null (lede_import_file (f->library, elsewhere, &error));
    g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
    g_clear_error (&error);
  }
}

static void
test_markdown_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "harbour-pilot.md");
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (article), NULL);
  g_autoptr (GDateTime) published = g_date_time_new_from_iso8601 ("2026-10-14T16:20:00Z", NULL);
  g_autoptr (GDateTime) created = g_date_time_new_from_iso8601 ("2026-10-13T08:05:00Z", NULL);

  /* What the sample says arrives field by field. */
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Pilot boat crew \"saved the Corran Star\", inquiry told");
  g_assert_cmpstr (lede_article_get_slug (article), ==, "pilot-boat-crew-inquiry");
  g_assert_cmpstr (lede_article_get_byline (article), ==, "Priya Lanmore");
  g_assert_cmpstr (lede_article_get_dateline (article), ==, "PORT ESSENDY");
  g_assert_cmpstr (lede_article_get_section (article), ==, "Local");
  g_assert_cmpstr (lede_article_get_language (article), ==, "en-GB");
  g_assert_cmpint (lede_article_get_status (article), ==, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpuint (lede_article_get_word_goal (article), ==, 450);
  g_assert_true (g_date_time_equal (lede_article_get_published (article), published));
  g_assert_true (g_date_time_equal (lede_article_get_created (article), created));
  g_assert_nonnull (lede_article_get_embargo (article));
  g_assert_true (g_str_has_prefix (lede_article_get_body (article), "The master of the coaster"));
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "Inquiries", "Maritime", NULL }));
  /* Keys Lede does not know are kept as written. */
  g_assert_cmpstr (lede_article_get_extra_front_matter (article), ==,
                   "weight: 12\naliases:\n  - /news/corran-star-inquiry/\n");

  /* The corrections log, read and written again. */
  g_assert_cmpuint (lede_article_get_corrections (article)->len, ==, 2);
  {
    g_autoptr (GPtrArray) stored = lede_library_list_corrections (f->library, lede_article_get_id (article), NULL);
    g_autofree char *html = export_text (f, article, LEDE_EXPORT_FORMAT_HTML);
    g_autofree char *ninjs = export_text (f, article, LEDE_EXPORT_FORMAT_NINJS);
    LedeCorrection *first = g_ptr_array_index (stored, 0);

    g_assert_cmpuint (stored->len, ==, 2);
    g_assert_cmpint (first->kind, ==, LEDE_CORRECTION_CORRECTION);
    g_assert_cmpstr (first->note, ==, "An earlier version of this story gave the inquiry's date as Tuesday.");
    g_assert_nonnull (strstr (html, "<aside class=\"corrections\">\n<p class=\"correction\"><strong>Correction</strong>, "
                                    "<time datetime=\"2026-10-15T09:00:00Z\">15 October 2026</time>: An earlier version"));
    g_assert_nonnull (strstr (html, "\"@type\" : \"CorrectionComment\""));
    g_assert_nonnull (strstr (ninjs, "\"role\" : \"update\""));
  }

  round_trip (f, "harbour-pilot.md");
  round_trip (f, "awkward-fields.md");
  round_trip (f, "lifeboat-embargo.md");
}

/* A Markdown story ends with its corrections note, in the page's words and
 * the story's language, so a theme that shows only the body shows it too.
 * Read back, the note is the front matter's log again, never part of the
 * body, so export → import → export gives the same bytes. */
static void
test_markdown_corrections_note (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "harbour-pilot.md");
  g_autoptr (GDateTime) march = g_date_time_new_utc (2027, 3, 3, 8, 0, 0);
  g_autoptr (LedeCorrection) tricky = NULL;
  g_autofree char *body = g_strdup (lede_article_get_body (article));
  g_autofree char *markdown = NULL, *html = NULL, *note = NULL, *plain = NULL, *crlf = NULL, *path = NULL;
  g_autofree char *fresh_path = g_build_filename (f->dir, "crlf.db", NULL);
  g_autoptr (LedeLibrary) fresh = NULL;
  g_autoptr (LedeArticle) back = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  /* A note that would be markup if written as it is. */
  tricky = lede_correction_new (march, LEDE_CORRECTION_CLARIFICATION,
                                "The fare is £2*3, not <b>£5</b> [sic] & ~not~ `free`_.");
  lede_article_add_correction (article, tricky);
  g_assert_true (lede_library_update_article (f->library, article, NULL));

  markdown = export_text (f, article, LEDE_EXPORT_FORMAT_MARKDOWN);
  html = export_text (f, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (markdown, body));
  g_assert_nonnull (strstr (markdown, "\ncorrections:\n"));  /* and still in the front matter */
  g_assert_true (g_str_has_suffix (markdown, "spring of 2027.\n\n\n---\n\n"
                                   "*Correction, 15 October 2026:* An earlier version of this story gave "
                                   "the inquiry's date as Tuesday.\n\n"
                                   "*Update, 16 October 2026:* Adds that the report is expected in the spring.\n\n"
                                   "*Clarification, 3 March 2027:* The fare is £2\\*3, not \\<b>£5\\</b> "
                                   "\\[sic\\] \\& \\~not\\~ \\`free\\`\\_.\n"));
  /* The page's words. */
  g_assert_nonnull (strstr (html, "<strong>Correction</strong>, <time datetime=\"2026-10-15T09:00:00Z\">"
                                  "15 October 2026</time>: An earlier version"));
  g_assert_nonnull (strstr (html, "<strong>Clarification</strong>, <time datetime=\"2027-03-03T08:00:00Z\">"
                                  "3 March 2027</time>: The fare is £2*3, not &lt;b&gt;"));
  /* What a reader of the Markdown sees: the note as typed. */
  note = lede_front_matter_dup_corrections_note (lede_article_get_corrections (article),
                                                 lede_article_get_language (article));
  plain = lede_markdown_to_plain_text (note, -1);
  g_assert_nonnull (strstr (plain, "Clarification, 3 March 2027: The fare is £2*3, not <b>£5</b> [sic] & ~not~ `free`_."));
  round_trip_story (f, article);

  /* A German story's note is in German, on the page too, whatever the
   * desktop's language. */
  lede_article_set_language (article, "de-DE");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_free (markdown), markdown = export_text (f, article, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_free (html), html = export_text (f, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (markdown, "\n\n---\n\n*Korrektur, 15. Oktober 2026:* An earlier version"));
  g_assert_nonnull (strstr (markdown, "\n\n*Aktualisierung, 16. Oktober 2026:* Adds that"));
  g_assert_nonnull (strstr (markdown, "\n\n*Klarstellung, 3. März 2027:* The fare"));
  g_assert_null (strstr (markdown, "Correction,"));
  g_assert_nonnull (strstr (html, "<strong>Korrektur</strong>, <time datetime=\"2026-10-15T09:00:00Z\">"
                                  "15. Oktober 2026</time>: An earlier version"));
  round_trip_story (f, article);

  /* Line ends an editor turned to CRLF: the note still comes off. */
  lines = g_strsplit (markdown, "\n", -1);
  crlf = g_strjoinv ("\r\n", lines);
  path = g_build_filename (f->dir, "crlf.md", NULL);
  g_assert_true (g_file_set_contents (path, crlf, -1, NULL));
  g_unlink (fresh_path);
  fresh = lede_library_open (fresh_path, NULL);
  back = lede_import_file (fresh, path, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (lede_article_get_body (back), "Korrektur"));
  g_assert_true (g_str_has_suffix (lede_article_get_body (back), "spring of 2027.\r\n"));
  g_assert_cmpuint (lede_article_get_corrections (back)->len, ==, 3);

  /* A story without corrections ends with its body. */
  g_clear_object (&back);
  back = import_sample (f, "awkward-fields.md");
  g_assert_true (lede_article_get_corrections (back) == NULL || lede_article_get_corrections (back)->len == 0);
  g_free (markdown), markdown = export_text (f, back, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (g_str_has_suffix (markdown, lede_article_get_body (back)));
}

/* "sources:" links a story to the library's sources by name (made when
 * missing), so the checks work headless; a story under embargo is refused
 * unless forced, and then says so in every format. */
static void
test_sources_and_embargo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (LedeSource) known = lede_source_new ("eri kaneko");
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *markdown = NULL, *html = NULL, *ninjs = NULL, *written = NULL;
  LedeSource *first;

  g_assert_true (lede_library_create_source (f->library, known, NULL));
  article = import_sample (f, "lifeboat-embargo.md");
  sources = lede_library_list_story_sources (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (sources->len, ==, 2);
  first = g_ptr_array_index (sources, 0);
  g_assert_cmpint (first->id, ==, known->id);  /* linked, in any case, not made twice */
  g_assert_cmpstr (first->story_note, ==, "coxswain, on the record");
  g_assert_cmpstr (((LedeSource *)g_ptr_array_index (sources, 1))->name, ==, "Rhian Tallis");
  all = lede_library_list_sources (f->library, NULL);
  g_assert_cmpuint (all->len, ==, 2);

  /* "she said" is Eri Kaneko's: the graf before names her alone. */
  story = lede_check_story_new (article, NULL, sources);
  findings = lede_checks_run (story, now);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (findings, 0))->kind, ==, LEDE_CHECK_EMBARGO);

  g_mkdir (out, 0755);
  g_assert_null (lede_export_to_folder (f->library, article, LEDE_EXPORT_FORMAT_HTML, out, 0, &error));
  g_assert_error (error, LEDE_EXPORT_ERROR, LEDE_EXPORT_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "under embargo until 2099-06-01T09:00:00Z"));
  written = g_build_filename (out, "kestle-lifeboat-medals.html", NULL);
  g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));

  markdown = export_text (f, article, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "draft: true\n"));
  g_assert_nonnull (strstr (markdown, "embargo: 2099-06-01T09:00:00Z\n"));
  g_assert_nonnull (strstr (markdown, "sources:\n  - name: \"eri kaneko\"\n    note: \"coxswain, on the record\"\n"
                                      "  - name: \"Rhian Tallis\"\n"));
  html = export_text (f, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (html, "<body>\n<p class=\"embargo-banner\" role=\"note\">EMBARGOED UNTIL 2099-06-01 09:00 UTC</p>"));
  ninjs = export_text (f, article, LEDE_EXPORT_FORMAT_NINJS);
  g_assert_nonnull (strstr (ninjs, "\"embargoed\" : \"2099-06-01T09:00:00Z\""));
  /* Contact details never leave the library. */
  g_assert_null (strstr (markdown, "email"));

  /* Sources not known are not written, so reading back unlinks nothing;
   * a "sources:" kept from before Lede knew the key is not written twice. */
  {
    g_autoptr (LedeArticle) bare = lede_article_new ();
    g_autofree char *unknown = NULL, *kept = NULL;

    lede_article_set_headline (bare, "Ferry");
    unknown = lede_front_matter_write (bare, NULL, NULL);
    g_assert_null (strstr (unknown, "sources"));
    lede_article_set_extra_front_matter (bare, "weight: 3\nsources:\n- \"Old Name\"\n");
    kept = lede_front_matter_write (bare, NULL, sources);
    g_assert_nonnull (strstr (kept, "weight: 3\n"));
    g_assert_null (strstr (kept, "Old Name"));
  }

  /* A theme's own "corrections" is not Lede's log: kept as it is, and the
   * story's log is left alone. */
  {
    const char *theirs = "title: \"Ferry\"\ncorrections: \"see the errata page\"\n";
    g_autoptr (LedeArticle) read = lede_article_new ();
    g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
    g_autofree char *again = NULL;

    g_assert_true (lede_front_matter_read (theirs, strlen (theirs), read, tags, NULL, NULL));
    g_assert_null (lede_article_get_corrections (read));
    g_assert_nonnull (strstr (lede_article_get_extra_front_matter (read), "see the errata page"));
    again = lede_front_matter_write (read, NULL, NULL);
    g_assert_nonnull (strstr (again, "corrections: \"see the errata page\"\n"));
  }

  /* "headline", the newsroom's word, is the headline where there is no
   * "title"; beside one, it is the file's own and kept as it was. */
  {
    const char *newsroom = "headline: \"Pier reopens after storm repairs\"\nbyline: Ceri Vane\n";
    const char *both = "title: \"Pier reopens\"\nheadline: \"Pier reopens after storm repairs\"\n";
    g_autoptr (LedeArticle) read = lede_article_new ();
    g_autoptr (LedeArticle) read_both = lede_article_new ();
    g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
    gboolean has_title = FALSE;

    g_assert_true (lede_front_matter_read (newsroom, strlen (newsroom), read, tags, &has_title, NULL));
    g_assert_true (has_title);
    g_assert_cmpstr (lede_article_get_headline (read), ==, "Pier reopens after storm repairs");
    g_assert_cmpstr (lede_article_get_extra_front_matter (read), ==, "");
    g_assert_true (lede_front_matter_read (both, strlen (both), read_both, tags, NULL, NULL));
    g_assert_cmpstr (lede_article_get_headline (read_both), ==, "Pier reopens");
    g_assert_nonnull (strstr (lede_article_get_extra_front_matter (read_both), "Pier reopens after storm repairs"));
  }
}

static void
test_plain_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "school-meals.txt");
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (article), NULL);
  g_autofree char *markdown = NULL;

  g_assert_cmpstr (lede_article_get_headline (article), ==, "Hillcrest pupils to grow their own school dinners");
  g_assert_true (g_str_has_prefix (lede_article_get_standfirst (article), "A two-acre plot behind Hillcrest"));
  g_assert_cmpstr (lede_article_get_body (article), ==,
                   "Head teacher Moira Castell said the garden began as a lunchtime club in 2025.\n\n"
                   "\"The children chose the potatoes,\" she said. \"We have had a lot of potatoes.\"\n\n"
                   "The county council has given £4,000 towards a polytunnel.\n");
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "Education", "Food", "Hillcrest", NULL }));

  /* Markdown export keeps headline, standfirst, paragraphs and tags. */
  markdown = export_text (f, article, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "title: \"Hillcrest pupils to grow their own school dinners\"\n"));
  g_assert_nonnull (strstr (markdown, "description: \"A two-acre plot"));
  g_assert_nonnull (strstr (markdown, "tags:\n  - \"Education\"\n  - \"Food\"\n  - \"Hillcrest\"\n"));
  g_assert_true (g_str_has_suffix (markdown, "---\n\n" "Head teacher Moira Castell said the garden began as a lunchtime club in 2025.\n\n"
                                   "\"The children chose the potatoes,\" she said. \"We have had a lot of potatoes.\"\n\n"
                                   "The county council has given £4,000 towards a polytunnel.\n"));

  /* A plain story with an empty Tags: line, a BOM and Windows line ends. */
  {
    const char text[] = "\xEF\xBB\xBFHeadline only\r\n\r\nThe standfirst.\r\n\r\nBody.\r\n\r\nTags:\r\n";
    g_auto (GStrv) no_tags = NULL;
    g_autoptr (LedeArticle) plain = lede_import_parse ("x.txt", text, sizeof text - 1, &no_tags, NULL);

    g_assert_cmpstr (lede_article_get_headline (plain), ==, "Headline only");
    g_assert_cmpstr (lede_article_get_standfirst (plain), ==, "The standfirst.");
    g_assert_cmpstr (lede_article_get_body (plain), ==, "Body.\n");
    g_assert_cmpuint (g_strv_length (no_tags), ==, 0);
  }
}

/* HTML: every field escaped, the note left out, JSON-LD that parses. */
static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "awkward-fields.md");
  g_autofree char *html = NULL;
  g_autofree char *fragment = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *ld_start, *ld_end;
  g_autofree char *ld = NULL;
  JsonObject *object;

  lede_article_set_editorial_note (article, "SECRET: call the lawyer first");
  g_assert_true (lede_library_update_article (f->library, article, NULL));

  html = export_text (f, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>bold"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert("));
  g_assert_nonnull (strstr (html, "<li>&lt;b&gt;bold&lt;/b&gt;</li>"));
  g_assert_null (strstr (html, "SECRET"));
  g_assert_nonnull (strstr (html, "O&apos;Neill") ? "ok" : strstr (html, "O&#39;Neill") ? "ok" : strstr (html, "O'Neill"));

  ld_start = strstr (html, "<script type=\"application/ld+json\">\n");
  g_assert_nonnull (ld_start);
  ld_start += strlen ("<script type=\"application/ld+json\">\n");
  ld_end = strstr (ld_start, "</script>");
  g_assert_nonnull (ld_end);
  ld = g_strndup (ld_start, ld_end - ld_start);
  g_assert_null (strchr (ld, '<'));
  g_assert_true (json_parser_load_from_data (parser, ld, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "@type"), ==, "NewsArticle");
  g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, lede_article_get_headline (article));
  g_assert_cmpint (json_object_get_int_member (object, "wordCount"), ==, 5);

  fragment = export_text (f, article, LEDE_EXPORT_FORMAT_FRAGMENT);
  /* Raw HTML in a story never reaches a page. */
  g_assert_cmpstr (fragment, ==, "<p>Body with <!-- raw HTML omitted -->alert(1)"
                   "<!-- raw HTML omitted --> and &quot;quotes&quot;.</p>\n");
}

/* The linked sources in @member as ninjs 2.2 has them: each a name and how
 * the story relates to it, nothing else. */
static void
assert_quoted (JsonObject         *object,
               const char         *member,
               const char * const *names)
{
  JsonArray *array = json_object_get_array_member (object, member);

  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((char **)names));
  for (guint i = 0; names[i]; i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, names[i]);
      g_assert_cmpstr (json_object_get_string_member (entry, "rel"), ==, "quoted");
      g_assert_cmpuint (json_object_get_size (entry), ==, 2);
    }
}
static LedeSource *
link_source (Fixture     *f,
             LedeArticle *article,
             const char  *name,
             const char  *role,
             const char  *organisation,
             const char  *story_note)
{
  LedeSource *source = lede_source_new (name);

  g_free (source->role), source->role = g_strdup (role);
  g_free (source->organisation), source->organisation = g_strdup (organisation);
  g_free (source->email), source->email = g_strdup ("desk-only@example.org");
  g_free (source->phone), source->phone = g_strdup ("+44 7700 900123");
  g_free (source->notes), source->notes = g_strdup ("Private: prefers calls after six");
  g_assert_true (lede_library_create_source (f->library, source, NULL));
  g_assert_true (lede_library_link_source (f->library, lede_article_get_id (article), source->id, story_note, NULL));
  return source;
}

/* The people quoted are in people and organisations with "quoted" as their
 * relationship, never in infosources (the content's suppliers); a source
 * the story does not name, and every contact detail and note, stay out.
 * With LEDE_TEST_NINJS_OUT set (test-validators.sh), the JSON is written
 * there too, for ajv to check against the ninjs 2.2 schema. */
static void
test_ninjs (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "harbour-pilot.md");
  g_autoptr (LedeSource) person = NULL, by_surname = NULL, organisation = NULL, background = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uri = NULL;
  const char *out = g_getenv ("LEDE_TEST_NINJS_OUT");
  JsonObject *object, *body;

  body_text = g_strconcat (lede_article_get_body (article),
                           "\nThe Port Essendy Harbour Board said it would read the report closely.\n"
                           "\n\"We saw the flare from the quay,\" said Penhale.\n", NULL);
  lede_article_set_body (article, body_text);
  /* Named as "Captain Idris Feltham": by whole name, then by surname. */
  person = link_source (f, article, "Idris Feltham", "Master of the Corran Star", "Corran Shipping", "on the record");
  by_surname = link_source (f, article, "Jory Penhale", "Pilot", "", "");
  organisation = link_source (f, article, "Port Essendy Harbour Board", "", "port essendy harbour board", "statement");
  /* Relied on, never named in the story. */
  background = link_source (f, article, "Morwenna Gale", "Harbour clerk", "", "on background: do not name");
  /* Headlines by role (issue 32), so the schema judges them too. */
  lede_article_set_print_headline (article, "Flare seen from quay");
  lede_article_set_seo_title (article, "Corran Star rescue: what the harbour saw");

  json = export_text (f, article, LEDE_EXPORT_FORMAT_NINJS);
  if (out)
    {
      g_autofree char *path = g_build_filename (out, "ninjs-sources.json", NULL);

      g_assert_true (g_file_set_contents (path, json, -1, NULL));
    }
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  uri = g_strconcat ("urn:uuid:", lede_article_get_uuid (article), NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "uri"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (object, "pubstatus"), ==, "usable");
  g_assert_cmpstr (json_object_get_string_member (object, "by"), ==, "Priya Lanmore");
  g_assert_cmpstr (json_object_get_string_member (object, "located"), ==, "PORT ESSENDY");
  g_assert_cmpstr (json_object_get_string_member (object, "embargoed"), ==, "2026-10-14T16:00:00Z");
  body = json_array_get_object_element (json_object_get_array_member (object, "bodies"), 0);
  g_assert_cmpstr (json_object_get_string_member (body, "contenttype"), ==, "text/html");
  g_assert_cmpint (json_object_get_int_member (body, "wordcount"), ==,
                   lede_markdown_count_words (lede_article_get_body (article)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "subjects")), ==, 2);

  assert_quoted (object, "people", (const char *[]) { "Idris Feltham", "Jory Penhale", NULL });
  assert_quoted (object, "organisations", (const char *[]) { "Port Essendy Harbour Board", NULL });
  g_assert_false (json_object_has_member (object, "infosources"));
  /* Contact details, notes and the story's notes are the newsroom's. */
  g_assert_null (strstr (json, "7700"));
  g_assert_null (strstr (json, "desk-only"));
  g_assert_null (strstr (json, "after six"));
  g_assert_null (strstr (json, "on the record"));
  g_assert_null (strstr (json, "background"));
  g_assert_null (strstr (json, "Morwenna"));
  g_assert_null (strstr (json, "contactinfo"));
}

static void
test_word_count (void)
{
  g_assert_cmpuint (lede_markdown_count_words ("A well-known ferry carried 100,000 people."), ==, 6);
  g_assert_cmpuint (lede_markdown_count_words ("# Heading\n\n- one\n- two — three"), ==, 4);
  g_assert_cmpuint (lede_markdown_count_words ("See [the report](https://example.org/a/long/path) now."), ==, 4);
  g_assert_cmpuint (lede_markdown_count_words ("**bold** _it_ `code`"), ==, 3);
  g_assert_cmpuint (lede_markdown_count_words (""), ==, 0);
}

static void
test_slug (void)
{
  static const struct { const char *text, *slug; } cases[] = {
    { "Night ferry returns — after forty-one years", "night-ferry-returns-after-forty-one-years" },
    { "Kestle’s “new” ferry: Éluned Parry speaks", "kestles-new-ferry-eluned-parry-speaks" },
    { "  100,000 reasons!  ", "100-000-reasons" },
    { "¿Qué pasó en Ñuñoa?", "que-paso-en-nunoa" },
    { "—", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = lede_slug_from_text (cases[i].text);
      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_file_names (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GDateTime) published = g_date_time_new_from_iso8601 ("2026-10-14T16:20:00Z", NULL);
  g_autofree char *html = NULL, *jekyll = NULL, *fragment = NULL, *escaping = NULL;

  lede_article_set_headline (article, "Pilot boat crew praised");
  lede_article_set_published (article, published);
  html = lede_export_file_name (article, LEDE_EXPORT_FORMAT_HTML, 0);
  jekyll = lede_export_file_name (article, LEDE_EXPORT_FORMAT_MARKDOWN, LEDE_EXPORT_FLAGS_JEKYLL_NAMES);
  fragment = lede_export_file_name (article, LEDE_EXPORT_FORMAT_FRAGMENT, 0);
  g_assert_cmpstr (html, ==, "pilot-boat-crew-praised.html");
  g_assert_cmpstr (jekyll, ==, "2026-10-14-pilot-boat-crew-praised.md");
  g_assert_cmpstr (fragment, ==, "pilot-boat-crew-praised.fragment.html");
  lede_article_set_slug (article, "../../etc/passwd");
  escaping = lede_export_file_name (article, LEDE_EXPORT_FORMAT_NINJS, 0);
  g_assert_null (strchr (escaping, '/'));
}

/* Import refusals: each says what is wrong (and where), and the library is
 * untouched. */
static void
assert_refused (Fixture    *f,
                const char *name,
                const char *contents,
                gssize      len,
                int         code,
                const char *words)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  gint64 before = lede_library_count_articles (f->library, FALSE, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  article = lede_import_file (f->library, path, &error);
  g_assert_null (article);
  g_assert_error (error, LEDE_IMPORT_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, before);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GString) bomb = g_string_new ("---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
  g_autofree char *huge = g_build_filename (f->dir, "huge.md", NULL);
  g_autoptr (GError) error = NULL;
  char binary[4096];
  int fd;

  /* Not UTF-8, though it holds UTF-8's "ï": damaged, not Windows-1252. */
  assert_refused (f, "latin1.md", "# Caf\xe9 opens\n\nSecond na\xc3\xafve line\n", -1, LEDE_IMPORT_ERROR_NOT_UTF8,
                  "line 1, column 6");
  assert_refused (f, "nul.txt", "Headline\n\nText\0more", 18, LEDE_IMPORT_ERROR_BINARY, "line 3, column 5");
  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (char)g_random_int_range (0, 256);
  binary[100] = '\0';
  assert_refused (f, "photo.md", binary, sizeof binary, LEDE_IMPORT_ERROR_BINARY, "binary");
  assert_refused (f, "open.md", "---\ntitle: Never closed\n\nBody\n", -1, LEDE_IMPORT_ERROR_FRONT_MATTER, "never closed");
  assert_refused (f, "bad-yaml.md", "---\ntitle: [unclosed\n---\nBody\n", -1, LEDE_IMPORT_ERROR_FRONT_MATTER, "line");
  assert_refused (f, "list.md", "---\n- a\n- b\n---\nBody\n", -1, LEDE_IMPORT_ERROR_FRONT_MATTER, "key: value");
  assert_refused (f, "date.md", "---\ntitle: T\ndate: next Tuesday\n---\nBody\n", -1, LEDE_IMPORT_ERROR_FRONT_MATTER, "next Tuesday");
  assert_refused (f, "empty.md", " \n\n", -1, LEDE_IMPORT_ERROR_EMPTY, "empty");
  /* A NUL escaped in quotes would cut the slug to "pier" and overwrite it. */
  assert_refused (f, "nul-slug.md", "---\ntitle: T\nslug: \"pier\\0-fire\"\n---\nBody\n", -1,
                  LEDE_IMPORT_ERROR_FRONT_MATTER, "NUL character (\\0) in a value on line 3");
  for (char c = 'b'; c <= 'j'; c++)
    g_string_append_printf (bomb, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
  g_string_append (bomb, "---\nBody\n");
  assert_refused (f, "bomb.md", bomb->str, -1, LEDE_IMPORT_ERROR_FRONT_MATTER, "alias");

  /* 60 MB (sparse, so the test costs no disk) is refused before reading. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 60 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_null (lede_import_file (f->library, huge, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_TOO_LARGE);
  g_test_message ("huge: %s", error->message);
  g_assert_nonnull (strstr (error->message, "62.9"));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);
  g_clear_error (&error);

  /* The library's own files, dropped on the window: refused unread. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *own = g_build_filename (f->dir, i == 0 ? "library.db" : "library.db-wal", NULL);

      g_assert_null (lede_import_file (f->library, own, &error));
      g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_BINARY);
      g_assert_nonnull (strstr (error->message, "own file"));
      g_clear_error (&error);
    }
}

/* Exports are written whole or not at all, and never over a file unasked. */
static void
test_writer (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_sample (f, "harbour-pilot.md");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = NULL, *again = NULL, *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_body = g_string_new (NULL);
  g_autoptr (GBytes) big = NULL;

  g_mkdir (out, 0755);
  path = lede_export_to_folder (f->library, article, LEDE_EXPORT_FORMAT_HTML, out, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/pilot-boat-crew-inquiry.html"));
  before = lede_test_checksum_file (path);

  /* The same name again: refused, the file left as it was. */
  again = lede_export_to_folder (f->library, article, LEDE_EXPORT_FORMAT_HTML, out, 0, &error);
  g_assert_null (again);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* A full disk: the write fails in words, nothing half-written is left,
   * and the old file is whole. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_body, "The tide came over the causeway at six. ");
  big = g_bytes_new (long_body->str, long_body->len);
  lede_test_limit_file_size (64 * 1024);
  g_assert_false (lede_atomic_file_write (path, big, TRUE, &error));
  lede_test_limit_file_size (RLIM_INFINITY);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (lede_test_has_hidden_files (out));

  /* A folder that is not writable (sysfs refuses new files even to root). */
  if (g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_autofree char *refused = lede_export_to_folder (f->library, article, LEDE_EXPORT_FORMAT_MARKDOWN,
                                                        "/sys/kernel", 0, &error);
      g_assert_null (refused);
      g_assert_nonnull (error);
      g_test_message ("not writable: %s", error->message);
      g_assert_nonnull (strstr (error->message, "is not writable"));
      g_clear_error (&error);
    }
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
      g_autofree char *refused = NULL;

      g_mkdir (locked, 0555);
      refused = lede_export_to_folder (f->library, article, LEDE_EXPORT_FORMAT_HTML, locked, 0, &error);
      g_assert_null (refused);
      g_assert_nonnull (strstr (error->message, "is not writable"));
      g_assert_false (lede_test_has_hidden_files (locked));
      g_chmod (locked, 0755);
    }
}

/* A cancelled batch stops between stories; what it wrote is whole. */
static void
test_batch_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (LedeExportBatch) batch = NULL;
  g_autoptr (GError) error = NULL;

  g_mkdir (out, 0755);
  for (guint i = 0; i < 50; i++)
    {
      LedeArticle *article = lede_article_new ();
      g_autofree char *headline = g_strdup_printf ("Council meeting, part %u", i);

      lede_article_set_headline (article, headline);
      g_assert_true (lede_library_create_article (f->library, article, NULL));
      g_ptr_array_add (stories, article);
    }
  batch = lede_export_batch_new (f->library, stories, LEDE_EXPORT_FORMAT_HTML, out, 0, NULL);
  g_assert_cmpuint (lede_export_batch_get_total (batch), ==, 50);

  g_cancellable_cancel (cancellable);
  g_assert_false (lede_export_batch_run (batch, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (lede_export_batch_get_done (batch), ==, 0);
  g_clear_error (&error);

  /* Run again, uncancelled: all of them. */
  g_assert_true (lede_export_batch_run (batch, NULL, &error));
  g_assert_cmpuint (lede_export_batch_get_written (batch), ==, 50);
  g_assert_false (lede_test_has_hidden_files (out));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/interchange/word-count", test_word_count);
  g_test_add_func ("/lede/interchange/slug", test_slug);
  g_test_add_func ("/lede/interchange/file-names", test_file_names);
#define ADD(name, func) g_test_add ("/lede/interchange/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("known-uuid", test_known_uuid);
  ADD ("markdown-round-trip", test_markdown_round_trip);
  ADD ("markdown-corrections-note", test_markdown_corrections_note);
  ADD ("sources-and-embargo", test_sources_and_embargo);
  ADD ("plain-text", test_plain_text);
  ADD ("html", test_html);
  ADD ("ninjs", test_ninjs);
  ADD ("bad-input", test_bad_input);
  ADD ("writer", test_writer);
  ADD ("batch-cancel", test_batch_cancel);
#undef ADD
  return g_test_run ();
}
