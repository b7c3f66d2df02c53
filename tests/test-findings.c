/* test-findings.c: every input the fuzzers found (tests/data/fuzz-findings/)
 * gets a clear error or a faithful round trip — never a crash, a hang,
 * bytes that are not UTF-8, or changed data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-export.h"
#include "lede-test-export.h"
#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-markdown.h"
#include "lede-markup-text.h"
#include "lede-ninjs-reader.h"
#include "lede-slug.h"
#include "lede-time.h"
#include "lede-test-library-fixture.h"

static char *
finding (const char *name,
         gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-findings", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static LedeArticle *
import_text (LedeLibrary *library,
             const char  *dir,
             const char  *name,
             const char  *text,
             gssize       len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  LedeArticle *article;

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  article = lede_import_file (library, path, &error);
  g_assert_no_error (error);
  return article;
}

static LedeArticle *
import_finding (Fixture    *f,
                const char *name)
{
  gsize len;
  g_autofree char *text = finding (name, &len);

  return import_text (f->library, f->dir, name, text, len);
}

static GBytes *
export_story (LedeLibrary      *library,
              LedeArticle      *article,
              LedeExportFormat  format)
{
  g_auto (GStrv) tags = lede_library_get_tags (library, lede_article_get_id (article), NULL);
  g_autoptr (GPtrArray) sources = lede_library_list_story_sources (library, lede_article_get_id (article), NULL);
  GBytes *bytes = lede_test_export (article, (const char * const *)tags, sources, format);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (g_utf8_validate (data, len, NULL));
  return bytes;
}

/* Export to Markdown, import that into a fresh library, export again: the
 * same bytes (the uuid and lastmod travel with the story), and every field
 * came back. */
static LedeArticle *
markdown_round_trip (Fixture     *f,
                     LedeArticle *first)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("fresh-%u.db", ++n);
  g_autofree char *fresh_path = g_build_filename (f->dir, name, NULL);
  g_autoptr (LedeLibrary) fresh = lede_library_open (fresh_path, NULL);
  g_autoptr (GBytes) once = export_story (f->library, first, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_autoptr (GBytes) twice = NULL;
  g_autofree char *once_text = g_strndup (g_bytes_get_data (once, NULL), g_bytes_get_size (once));
  g_auto (GStrv) first_tags = lede_library_get_tags (f->library, lede_article_get_id (first), NULL);
  g_auto (GStrv) second_tags = NULL;
  LedeArticle *second = import_text (fresh, f->dir, "round-trip.md", once_text, -1);

  g_assert_cmpstr (lede_article_get_headline (second), ==, lede_article_get_headline (first));
  g_assert_cmpstr (lede_article_get_body (second), ==, lede_article_get_body (first));
  g_assert_cmpstr (lede_article_get_extra_front_matter (second), ==, lede_article_get_extra_front_matter (first));
  g_assert_cmpint (lede_article_get_status (second), ==, lede_article_get_status (first));
  g_assert_true ((lede_article_get_published (first) == NULL) == (lede_article_get_published (second) == NULL));
  if (lede_article_get_published (first))
    g_assert_true (g_date_time_equal (lede_article_get_published (first), lede_article_get_published (second)));
  second_tags = lede_library_get_tags (fresh, lede_article_get_id (second), NULL);
  g_assert_true (g_strv_equal ((const char * const *)first_tags, (const char * const *)second_tags));

  twice = export_story (fresh, second, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (g_bytes_equal (once, twice));
  return second;
}

static void
test_extra_offset (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "extra-front-matter-offset.md");
  g_autoptr (LedeArticle) again = NULL;

  g_assert_cmpstr (lede_article_get_headline (article), ==, "é");
  g_assert_cmpstr (lede_article_get_extra_front_matter (article), ==, "weight: 10\n");
  again = markdown_round_trip (f, article);
  g_assert_cmpstr (lede_article_get_extra_front_matter (again), ==, "weight: 10\n");
}

/* A flow mapping's value ran on over a carriage return and a byte order
 * mark to a "#": kept as written, it read back as a comment, without the
 * rest of the value. Now it is written again, quoted, and the second
 * import gives the same kept text, the third export the same bytes. */
static void
test_extra_cr_bom (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "extra-cr-bom-in-story.md");
  g_autoptr (LedeArticle) again = NULL;
  const char *kept = lede_article_get_extra_front_matter (article);

  g_assert_cmpstr (lede_article_get_body (article), ==, "The harbour reopened.\n");
  /* The value keeps its "#" (and the mark before it), in whatever form. */
  g_assert_true (strstr (kept, "#") != NULL);
  again = markdown_round_trip (f, article);
  g_assert_cmpstr (lede_article_get_extra_front_matter (again), ==, kept);
}

/* A Markdown file from an old Mac ends its lines in a lone "\r": read as a
 * ".txt" file is, its front matter is found and its body has "\n". */
static void
test_old_mac_line_ends (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "old-mac-line-ends.md");
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (article), NULL);
  const char * const expected_tags[] = { "archive", "ferries", NULL };
  g_autoptr (LedeArticle) again = NULL;

  g_assert_cmpstr (lede_article_get_headline (article), ==, "Ferry timetable, 1994");
  g_assert_true (g_strv_equal ((const char * const *)tags, expected_tags) ||
                 g_strv_equal ((const char * const *)tags, (const char * const[]) { "ferries", "archive", NULL }));
  g_assert_cmpstr (lede_article_get_extra_front_matter (article), ==, "summer: true\n");
  g_assert_cmpstr (lede_article_get_body (article), ==,
                   "The first sailing leaves at six.\n\nThe last, “weather allowing,” at ten.\n");
  g_assert_null (strchr (lede_article_get_body (article), '\r'));
  again = markdown_round_trip (f, article);
  g_assert_cmpstr (lede_article_get_body (again), ==, lede_article_get_body (article));
}

static void
test_extra_document_marker (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "extra-starts-with-dots.md");
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (LedeArticle) again = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (lede_article_get_body (article), ==, "body\n");
  /* No line of kept text may end the front matter. */
  exported = export_story (f->library, article, LEDE_EXPORT_FORMAT_MARKDOWN);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  g_assert_null (strstr (text, "\n...\n"));
  g_assert_null (strstr (text, "\n..."));
  again = markdown_round_trip (f, article);
  g_assert_cmpstr (lede_article_get_body (again), ==, "body\n");
}

/* An empty value's blanks (and line break) were kept, and not read back
 * the second time: the kept text changed; so was a comment after an empty
 * value in a flow mapping. A key written again longer than YAML's 1,024
 * characters for a plain key did not read back at all. A "corrections"
 * not in Lede's shape was kept, then dropped on writing beside Lede's own.
 * A quoted value over two lines, the second starting "publishDate:", lost
 * that line on writing (cut as if it were the key): unreadable YAML. */
static void
test_extra_blank_after_colon (void)
{
  static const char *files[] = { "extra-blank-after-colon.yaml", "extra-tabs-after-colon.yaml", "extra-long-key.yaml",
                                 "extra-tag-on-its-own-line.yaml", "extra-comment-in-flow-value.yaml",
                                 "extra-comment-after-cr.yaml", "extra-comment-after-bom.yaml",
                                 "extra-comment-after-cr-bom.yaml",
                                 "extra-key-starting-publishdate.yaml", "extra-two-corrections-keys.yaml",
                                 "extra-corrections-multiline-note.yaml", "extra-publishdate-inside-quoted-value.yaml",
                                 "extra-corrections-inside-quoted-value.yaml" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize len;
      g_autofree char *yaml = finding (files[i], &len);
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autoptr (LedeArticle) again = lede_article_new ();
      g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
      g_autoptr (GStrvBuilder) tags_again = g_strv_builder_new ();
      g_autofree char *written = NULL;
      const char *inner;

      g_assert_true (lede_front_matter_read (yaml, len, article, tags, NULL, NULL));
      /* Something was kept, or the test would prove nothing. */
      g_assert_cmpstr (lede_article_get_extra_front_matter (article), !=, "");
      written = lede_front_matter_write (article, NULL, NULL);
      inner = written + strlen ("---\n");
      g_assert_true (lede_front_matter_read (inner, strlen (inner) - strlen ("---\n"), again, tags_again, NULL, NULL));
      g_assert_cmpstr (lede_article_get_extra_front_matter (again), ==, lede_article_get_extra_front_matter (article));
    }
}

/* Kept text from an older Lede may hold keys Lede now writes itself; they
 * go whole, however their values run over lines, and nothing else goes. */
static void
test_extra_lede_keys_taken_out (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeArticle) again = lede_article_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autofree char *written = NULL;
  const char *inner;

  lede_article_set_headline (article, "Harbour dues rise");
  lede_article_set_extra_front_matter (article,
                                       "weight: 3\n"
                                       "publishDate: \"2026-03-02\n"
                                       "  sources: none\"\n"
                                       "sources:\n"
                                       "- name: \"Ines Varga,\n"
                                       "    harbourmaster\"\n"
                                       "? publishDate\n"
                                       ": 2026-03-02\n"
                                       "summary: 'a\n"
                                       "  publishDate: b'\n");
  written = lede_front_matter_write (article, NULL, NULL);
  g_assert_null (strstr (written, "sources"));
  g_assert_null (strstr (written, "Ines"));
  inner = written + strlen ("---\n");
  g_assert_true (lede_front_matter_read (inner, strlen (inner) - strlen ("---\n"), again, tags, NULL, NULL));
  g_assert_cmpstr (lede_article_get_extra_front_matter (again), ==, "weight: 3\nsummary: 'a\n  publishDate: b'\n");
}

/* The same from kept text that starts with a byte order mark, ends its
 * lines with "\r", or has a key that is an alias of a value before it. */
static void
test_extra_lede_keys_odd_text (void)
{
  static const struct { const char *extra, *kept, *gone; } cases[] = {
    { "\xef\xbb\xbfpublishDate: 2026-03-02\nweight: 3\n", "weight: 3", "publishDate" },
    { "weight: 3\rsources: none\rsummary: quay\r", "summary: quay", "sources" },
    { "summary: &k sources\n*k : none\nweight: 3\n", "summary: &k sources", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autofree char *written = NULL;

      lede_article_set_extra_front_matter (article, cases[i].extra);
      written = lede_front_matter_write (article, NULL, NULL);
      g_assert_nonnull (strstr (written, cases[i].kept));
      g_assert_nonnull (strstr (written, "weight: 3"));
      if (cases[i].gone != NULL)
        g_assert_null (strstr (written, cases[i].gone));
    }
}

/* Front matter that starts with a byte order mark keeps its keys whole. */
static void
test_extra_after_bom (void)
{
  static const char yaml[] = "\xef\xbb\xbftitle: Pier\nweight: 10\n";
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();

  g_assert_true (lede_front_matter_read (yaml, strlen (yaml), article, tags, NULL, NULL));
  g_assert_cmpstr (lede_article_get_extra_front_matter (article), ==, "weight: 10\n");
}

/* A publishDate kept from before Lede knew the key is not written twice. */
static void
test_publish_date_once (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GDateTime) published = g_date_time_new_utc (2026, 3, 4, 5, 6, 0);
  g_autofree char *written = NULL;
  g_auto (GStrv) parts = NULL;

  lede_article_set_headline (article, "Pier reopens");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_PUBLISHED);
  lede_article_set_published (article, published);
  lede_article_set_extra_front_matter (article, "weight: 10\npublishDate: 2020-01-01\naliases:\n  - /pier/\n");
  written = lede_front_matter_write (article, NULL, NULL);
  /* Once: the text splits in two around it. */
  parts = g_strsplit (written, "publishDate:", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_nonnull (strstr (written, "publishDate: 2026-03-04T05:06:00Z\n"));
  g_assert_nonnull (strstr (written, "weight: 10\naliases:\n  - /pier/\n---\n"));
}

static void
test_duplicate_date (Fixture       *f,
                     gconstpointer  data)
{
  /* The leak itself is caught by the sanitizer build. */
  g_autoptr (LedeArticle) article = import_finding (f, "leak-duplicate-date.md");
  g_autofree char *created = lede_time_format_utc (lede_article_get_created (article));

  g_assert_cmpstr (created, ==, "2026-01-02T00:00:00Z");
}

static void
test_times (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-findings", "date-beyond-utc.md", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) old = NULL;
  g_autoptr (LedeArticle) stored = NULL;
  g_autoptr (LedeArticle) invented = NULL;
  g_autoptr (LedeArticle) again = NULL;
  g_autofree char *old_time = NULL;
  g_autoptr (GBytes) html = NULL;

  /* A time UTC cannot hold is refused in words, and nothing goes in. */
  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);

  /* Year 999 is kept, stored, read back and written padded. */
  old = import_finding (f, "year-below-1000.md");
  g_assert_nonnull (lede_article_get_published (old));
  stored = lede_library_get_article (f->library, lede_article_get_id (old), NULL);
  g_assert_nonnull (lede_article_get_published (stored));
  old_time = lede_time_format_utc (lede_article_get_published (stored));
  g_assert_cmpstr (old_time, ==, "0999-01-01T00:00:00Z");
  html = export_story (f->library, stored, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (html, NULL), g_bytes_get_size (html), "0999-01-01T00:00:00Z"));
  g_assert_null (g_strstr_len (g_bytes_get_data (html, NULL), g_bytes_get_size (html), "(null)"));
  g_clear_object (&again);
  again = markdown_round_trip (f, stored);

  /* Published, with no publication time yet: none is made up. */
  invented = import_finding (f, "published-invented.md");
  g_assert_cmpint (lede_article_get_status (invented), ==, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_null (lede_article_get_published (invented));
  g_clear_object (&again);
  again = markdown_round_trip (f, invented);
  g_assert_null (lede_article_get_published (again));
}

static void
test_yaml_unsafe_characters (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (LedeArticle) title = import_finding (f, "title-u+fffe.md");
  g_autoptr (LedeArticle) tag = import_finding (f, "tag-c1-control.md");
  g_autoptr (LedeArticle) again = NULL;
  g_auto (GStrv) tags = lede_library_get_tags (f->library, lede_article_get_id (tag), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *broken = g_strdup ("title: ok\nnote: \"a\xc2\x80\"\n");

  g_assert_cmpstr (lede_article_get_headline (title), ==, "Price \xef\xbf\xbe rises");
  again = markdown_round_trip (f, title);
  g_assert_cmpstr (lede_article_get_headline (again), ==, "Price \xef\xbf\xbe rises");

  /* A tag is cleaned like any one-line field. */
  g_assert_true (g_strv_equal ((const char * const *)tags, (const char * const[]) { "cafe", NULL }));
  g_clear_object (&again);
  again = markdown_round_trip (f, tag);

  /* And a character YAML refuses is named on its own line. */
  g_assert_false (lede_front_matter_read (broken, strlen (broken), article, builder, NULL, &error));
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_noncharacters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "nonchar-export.md");
  gsize len;
  g_autofree char *entity = finding ("u+fffe-entity-html.md", &len);
  g_autofree char *plain = finding ("u+ffff-plain.md", &len);
  g_autofree char *html = lede_markdown_to_html (entity, -1);
  g_autofree char *text = lede_markdown_to_plain_text (plain, -1);

  for (LedeExportFormat format = LEDE_EXPORT_FORMAT_HTML; format <= LEDE_EXPORT_FORMAT_NINJS; format++)
    g_bytes_unref (export_story (f->library, article, format));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (lede_markdown_count_words (plain), ==, 2);
  g_assert_cmpuint (lede_markdown_count_words (entity), ==, 2);
}

static void
test_search_not_utf8 (Fixture       *f,
                      gconstpointer  data)
{
  gsize len;
  g_autofree char *query = finding ("search-invalid-utf8.query", &len);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;

  /* fatal-warnings: a GLib-CRITICAL would end the test. */
  hits = lede_library_search (f->library, query, 10, &error);
  g_assert_null (hits);
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* The sidebar's search (a paste) finds nothing rather than failing. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = lede_library_search_filtered (f->library, query, -1, NULL, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_lengths (Fixture       *f,
              gconstpointer  data)
{
  gsize len;
  g_autofree char *line = finding ("slug-81-chars.txt", &len);
  g_autofree char *slug = lede_slug_from_text (line);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GString) long_slug = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *unique = NULL;
  g_autoptr (LedeArticle) owner = lede_article_new ();

  g_assert_cmpuint (strlen (slug), <=, LEDE_SLUG_MAX_LENGTH);
  /* One word longer than a slug: cut mid-word, as there is no other way. */
  g_assert_cmpstr (slug, ==, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  {
    g_autofree char *words = lede_slug_from_text ("Harbour master warns of winter storms as the ferry timetable changes again");

    /* Else after the last whole word that fits. */
    g_assert_cmpstr (words, ==, "harbour-master-warns-of-winter-storms-as-the-ferry-timetable");
  }

  lede_article_set_slug (owner, slug);
  lede_article_set_headline (owner, "A");
  g_assert_true (lede_library_create_article (f->library, owner, NULL));
  unique = lede_library_make_unique_slug (f->library, slug, 0);
  g_assert_cmpuint (strlen (unique), <=, LEDE_SLUG_MAX_LENGTH);
  g_assert_true (g_str_has_suffix (unique, "-2"));

  for (guint i = 0; i < 96; i++)
    g_string_append (long_slug, "né-");
  lede_article_set_slug (article, long_slug->str);
  name = lede_export_file_name (article, LEDE_EXPORT_FORMAT_HTML, 0);
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, ".html"));
}

static void
test_headline_from_heading (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeArticle) again = NULL;

  lede_article_set_body (article, "# Not the headline\n\nThe body starts with a heading.\n");
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  again = markdown_round_trip (f, article);
  g_assert_cmpstr (lede_article_get_headline (again), ==, "");
}

/* Inputs that used to take seconds to minutes, or abort(): each must now
 * finish (the suite's timeout would catch a return of the old cost). */
static void
test_slow_markdown (void)
{
  gsize len;
  g_autofree char *table = finding ("table-1000-columns-64k.md", &len);
  g_autofree char *html = NULL;
  g_autoptr (GString) nested = g_string_new (NULL);
  g_autofree char *plain = NULL;
  guint n = 512 * 1024 / 6;

  g_assert_cmpuint (lede_markdown_count_table_cells (table, len), >, LEDE_MARKDOWN_MAX_TABLE_CELLS);
  html = lede_markdown_to_html (table, len);
  g_assert_true (g_str_has_prefix (html, "<p class=\"lede-notice\">"));
  g_assert_null (strstr (html, "<table"));
  g_clear_pointer (&html, g_free);

  /* The same table in a block quote is counted too. */
  {
    g_auto (GStrv) lines = g_strsplit (table, "\n", -1);
    g_autofree char *quoted_lines = NULL;
    g_autofree char *quoted = NULL;

    quoted_lines = g_strjoinv ("\n> ", lines);
    quoted = g_strconcat ("> ", quoted_lines, NULL);
    g_assert_cmpuint (lede_markdown_count_table_cells (quoted, -1), >, LEDE_MARKDOWN_MAX_TABLE_CELLS);
  }

  /* A real table still is one. */
  html = lede_markdown_to_html ("| Ward | Votes |\n|---|---:|\n| North | 1,204 |\n", -1);
  g_assert_nonnull (strstr (html, "<table"));

  /* Half a million e-mail-like marks in one paragraph: shown as text. */
  {
    g_autoptr (GString) at = g_string_new (NULL);
    g_autofree char *at_html = NULL;

    for (guint i = 0; i < 512 * 1024; i++)
      g_string_append (at, "a@");
    at_html = lede_markdown_to_html (at->str, at->len);
    g_assert_nonnull (strstr (at_html, "too many web and e-mail addresses"));
    g_clear_pointer (&html, g_free);
    html = lede_markdown_to_html ("Write to desk@example.org or see www.example.org.\n", -1);
    g_assert_nonnull (strstr (html, "mailto:desk@example.org"));
  }

  for (guint i = 0; i < n; i++)
    g_string_append (nested, "![");
  g_string_append_c (nested, 'a');
  for (guint i = 0; i < n; i++)
    g_string_append (nested, "](b)");
  plain = lede_markdown_to_plain_text (nested->str, nested->len);
  g_assert_cmpstr (plain, ==, "a\n");
  g_assert_cmpuint (lede_markdown_count_words (nested->str), ==, 1);
}


/* UTF-8, and not one character HTML or XML refuses. */
static void
assert_markup_text (const char *text,
                    gsize       length)
{
  g_assert_true (g_utf8_validate (text, length, NULL));
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!lede_markup_text_is_allowed (c))
        g_error ("U+%04X at byte %" G_GSIZE_FORMAT " of “%.60s”", c, (gsize)(p - text), text);
    }
}

/* Well-formed XML as far as GMarkup reads it: elements closed in order,
 * entities known. */
static void
assert_well_formed (const char *xml,
                    gsize       length)
{
  GMarkupParser parser = { NULL };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr (GError) error = NULL;

  if (g_markup_parse_context_parse (context, xml, length, &error))
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

/* Every XML part of a story's DOCX is clean and well-formed. */
static char *
assert_docx (GBytes *docx)
{
  static const char * const parts[] = { "docProps/core.xml", "word/_rels/document.xml.rels", "word/numbering.xml" };
  gsize length;
  char *document = lede_test_docx_part (docx, "word/document.xml", &length);

  assert_markup_text (document, length);
  assert_well_formed (document, length);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = lede_test_docx_part (docx, parts[i], &length);

      assert_markup_text (part, length);
      assert_well_formed (part, length);
    }
  return document;
}

/* A zip, not text: not held to UTF-8 as a whole, only its parts are. */
static GBytes *
export_docx (LedeLibrary *library,
             LedeArticle *article)
{
  g_auto (GStrv) tags = lede_library_get_tags (library, lede_article_get_id (article), NULL);

  return lede_test_export (article, (const char * const *)tags, NULL, LEDE_EXPORT_FORMAT_DOCX);
}

static char *
export_text (LedeLibrary      *library,
             LedeArticle      *article,
             LedeExportFormat  format)
{
  g_autoptr (GBytes) bytes = export_story (library, article, format);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  assert_markup_text (data, length);
  return g_strndup (data, length);
}

/* From the tester's round-3 findings (finding 2): a writer that recursed over
 * the tree overflowed the stack on 60,000 nested quotations, lists in
 * quotations, a deep note, and deeply nested emphasis. */
static void
test_docx_deep (void)
{
  GString *bodies[4];

  bodies[0] = g_string_new (NULL);
  for (guint i = 0; i < 60000; i++)
    g_string_append (bodies[0], "> ");
  g_string_append (bodies[0], "a");
  bodies[1] = g_string_new (NULL);
  for (guint i = 0; i < 50000; i++)
    g_string_append (bodies[1], "> - ");
  g_string_append (bodies[1], "a");
  bodies[2] = g_string_new ("See[^1].\n\n[^1]: ");
  for (guint i = 0; i < 100000; i++)
    g_string_append (bodies[2], "> ");
  g_string_append (bodies[2], "deep");
  bodies[3] = g_string_new (NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append (bodies[3], "*a _");
  g_string_append (bodies[3], "b");
  for (guint i = 0; i < 100000; i++)
    g_string_append (bodies[3], "_ a*");

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (LedeArticle) article = lede_article_new ();
      g_autoptr (GBytes) docx = NULL;
      g_autofree char *document = NULL;

      lede_article_set_headline (article, "Deep");
      lede_article_set_body (article, bodies[i]->str);
      docx = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_DOCX);
      document = assert_docx (docx);
      /* The innermost text is there, not lost on the way down. */
      g_assert_nonnull (strstr (document, i == 2 ? ">deep<" : i == 3 ? ">b<" : ">a<"));
      g_string_free (bodies[i], TRUE);
    }
}

/* From the tester's round-3 findings (finding 3): "&#xFFFE;" became a byte that
 * is not UTF-8 in word/document.xml, which Word and python-docx refuse. */
static void
test_docx_entity (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "docx-u+fffe-entity.md");
  g_autoptr (GBytes) docx = export_docx (f->library, article);
  g_autofree char *document = assert_docx (docx);

  g_assert_nonnull (strstr (document, "Price  rises  again."));
  /* The story keeps what was typed. */
  g_assert_nonnull (strstr (lede_article_get_body (article), "&#xFFFE;"));
}

/* From the tester's round-3 findings (finding 13): text pasted from Word holds
 * U+000B, its manual line break, and sometimes a bell, an escape or a
 * delete; the page held them, which HTML forbids. */
static void
test_word_paste (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "word-paste-controls.md");
  g_autofree char *page = export_text (f->library, article, LEDE_EXPORT_FORMAT_HTML);
  g_autofree char *fragment = export_text (f->library, article, LEDE_EXPORT_FORMAT_FRAGMENT);
  g_autofree char *ninjs = export_text (f->library, article, LEDE_EXPORT_FORMAT_NINJS);
  g_autoptr (GBytes) docx = export_docx (f->library, article);
  g_autofree char *document = assert_docx (docx);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (strstr (page, "First line<br />\nsecond line"));
  g_assert_nonnull (strstr (fragment, "First line<br />\nsecond line"));
  g_assert_nonnull (strstr (fragment, "A bell, an escape, a delete and a C1 control in a graf."));
  g_assert_nonnull (strstr (document, "First line</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">second line"));
  /* ninjs is JSON for another system to read: the body is the page's, and
   * the text is whole. */
  g_assert_true (json_parser_load_from_data (parser, ninjs, -1, &error));
  g_assert_no_error (error);
  /* The story keeps what was typed. */
  g_assert_nonnull (strstr (lede_article_get_body (article), "First line\vsecond line"));
}

/* From the tester's round-3 findings (finding 13): noncharacters in the
 * headline and the body, raw and astral, made the page invalid. */
static void
test_noncharacters_everywhere (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "noncharacters-everywhere.md");
  g_autofree char *page = export_text (f->library, article, LEDE_EXPORT_FORMAT_HTML);
  g_autofree char *fragment = export_text (f->library, article, LEDE_EXPORT_FORMAT_FRAGMENT);
  g_autoptr (GBytes) ninjs = export_story (f->library, article, LEDE_EXPORT_FORMAT_NINJS);
  g_autoptr (GBytes) docx = export_docx (f->library, article);
  g_autofree char *document = assert_docx (docx);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  const char *headline;

  g_assert_nonnull (strstr (page, "<title>Noncharacters   end</title>"));
  g_assert_nonnull (strstr (fragment, "<code>code </code>"));
  g_assert_nonnull (strstr (document, ">Noncharacters   end<"));
  /* ninjs writes them as JSON escapes: no markup a reader makes of the
   * file holds them, and the headline reads back as it was typed. */
  assert_markup_text (g_bytes_get_data (ninjs, NULL), g_bytes_get_size (ninjs));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (ninjs, NULL), g_bytes_get_size (ninjs), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  headline = json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "headlines"), 0), "value");
  g_assert_cmpstr (headline, ==, lede_article_get_headline (article));
}

/* From the tester's round-3 findings (finding 13): a story with no headline
 * gave an empty <title>, which HTML does not allow. */
static void
test_no_headline (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "no-headline.md");
  g_autofree char *page = NULL;
  g_autofree char *named = NULL;

  g_assert_cmpstr (lede_article_get_headline (article), ==, "");
  lede_article_set_slug (article, "");
  page = export_text (f->library, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (page, "<title>Untitled story</title>"));
  lede_article_set_slug (article, "harbour-wall");
  named = export_text (f->library, article, LEDE_EXPORT_FORMAT_HTML);
  g_assert_nonnull (strstr (named, "<title>harbour-wall</title>"));
}

/* From the tester's round-3 findings (finding 13): a language that is not a
 * tag went into lang, and a picture from javascript: left <img src="">. */
static void
test_bad_language_image (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (LedeArticle) article = import_finding (f, "bad-language-image.md");
  g_autofree char *page = export_text (f->library, article, LEDE_EXPORT_FORMAT_HTML);
  g_autofree char *fragment = export_text (f->library, article, LEDE_EXPORT_FORMAT_FRAGMENT);
  g_autofree char *ninjs = export_text (f->library, article, LEDE_EXPORT_FORMAT_NINJS);
  g_autoptr (GBytes) docx = export_docx (f->library, article);
  g_autofree char *core = NULL;
  g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GPtrArray) findings = lede_checks_run (story, now);
  gsize length;
  LedeFinding *language = NULL;

  g_assert_cmpstr (lede_article_get_language (article), ==, "x-klingon-");
  g_assert_null (strstr (page, "x-klingon-"));
  g_assert_null (strstr (page, " lang="));
  g_assert_null (strstr (ninjs, "x-klingon-"));
  core = lede_test_docx_part (docx, "docProps/core.xml", &length);
  g_assert_null (strstr (core, "x-klingon-"));

  g_assert_null (strstr (fragment, "src=\"\""));
  g_assert_null (strstr (fragment, "javascript:"));
  g_assert_null (strstr (fragment, "file:"));
  g_assert_null (strstr (fragment, "data:text"));
  /* The description stays where the picture was. */
  g_assert_nonnull (strstr (fragment, "script empty file\nhtml <img src=\"https://example.com/a.png\" alt=\"kept\" />"));
  g_assert_nonnull (strstr (fragment, "<img src=\"pictures/b.jpg\" alt=\"local\" />"));
  g_assert_nonnull (strstr (fragment, "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" />"));
  g_assert_null (strstr (page, "src=\"\""));

  for (guint i = 0; i < findings->len; i++)
    if (((LedeFinding *)g_ptr_array_index (findings, i))->kind == LEDE_CHECK_LANGUAGE)
      language = g_ptr_array_index (findings, i);
  g_assert_nonnull (language);
  g_assert_cmpint (language->severity, ==, LEDE_SEVERITY_NOTE);
  g_assert_cmpint (language->field, ==, LEDE_FIELD_LANGUAGE);
  g_assert_cmpstr (language->text, ==, "x-klingon-");
  g_assert_nonnull (strstr (language->message, "“x-klingon-”"));
}

/* From fuzz-export, while the cleaning was written: a text of nothing but a
 * noncharacter cleaned to nothing, and an empty text was taken for none. */
static void
test_text_only_noncharacter (void)
{
  gsize length;
  g_autofree char *body = finding ("text-only-noncharacter.md", &length);
  g_autofree char *html = lede_markdown_to_html (body, length);

  assert_markup_text (html, strlen (html));
  g_assert_true (g_str_has_prefix (html, "<p data-sourcepos=\"1:1-1:3\"></p>\n"));
}

/* From fuzz-markdown, while the cleaning was written: a table's cell may
 * hold no hard line break, and the one made for its U+000B leaked. */
static void
test_line_break_in_table_cell (void)
{
  gsize length;
  g_autofree char *body = finding ("line-break-in-table-cell.md", &length);
  g_autofree char *html = lede_markdown_to_html (body, length);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GBytes) docx = NULL;
  g_autofree char *document = NULL;

  assert_markup_text (html, strlen (html));
  g_assert_nonnull (strstr (html, ">one two</td>"));
  lede_article_set_body (article, body);
  docx = lede_test_export (article, NULL, NULL, LEDE_EXPORT_FORMAT_DOCX);
  document = assert_docx (docx);
  g_assert_nonnull (strstr (document, ">one two<"));
}

/* RFC 5646's syntax, without its registry. */
static void
test_language_tags (void)
{
  static const char * const good[] = {
    "en", "en-GB", "de-CH-1996", "x-private", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "zh-yue-HK",
    "en-US-u-islamcal", "en-a-bbb-x-a-ccc", "i-klingon", "sgn-BE-FR", "qaa-Qaaa-QM-x-southern", "EN-gb", "de-1901",
  };
  static const char * const bad[] = {
    "", "x-klingon-", "-en", "en-", "en--GB", "e", "x", "en-x", "en-a", "en-a-x-b", "a-DE", "abcdefghi",
    "en-GB-a", "en_GB", "en GB", "de-419-DE", "ar-a-aaa-b", "x-abcdefghi", "123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!lede_markup_text_is_language_tag (good[i]))
      g_error ("“%s” is well-formed", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (lede_markup_text_is_language_tag (bad[i]))
      g_error ("“%s” is not well-formed", bad[i]);
}

/* What each character becomes, and bytes that are not UTF-8 (a lone 0xFE,
 * as cmark-gfm writes "&#xFFFE;", a surrogate's bytes, a NUL). */
static void
test_markup_text_clean (void)
{
  static const char text[] = "a\tb\nc\rd\ve\x01" "f\x7f" "g\xc2\x85" "h\xef\xb7\x90" "i\xef\xbf\xbe" "j\xf4\x8f\xbf\xbf"
                             "k\xfe" "l\xed\xa0\x80" "m\0n\xc2\xa0o\xef\xbf\xbd";
  g_autofree char *html = lede_markup_text_clean (text, sizeof text - 1, "<br>");
  g_autofree char *kept = lede_markup_text_clean (text, sizeof text - 1, NULL);

  g_assert_cmpstr (html, ==, "a\tb\nc\rd<br>efghijklmn\xc2\xa0o\xef\xbf\xbd");
  g_assert_cmpstr (kept, ==, "a\tb\nc\rd\vefghijklmn\xc2\xa0o\xef\xbf\xbd");
}

/* ninjs that is not JSON: json-glib quotes the token it stopped at cut
 * at a byte count, half a curly quote here; the reader's refusal must
 * still be words. (An import never gets that far: only what parses as
 * JSON is read as ninjs, and the rest as text.) */
static void
test_ninjs_error_cuts_a_character (void)
{
  gsize len;
  g_autofree char *text = finding ("ninjs-error-cuts-a-character.json", &len);
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = lede_ninjs_reader_read (text, len, &tags, &wire, &error);

  g_assert_null (article);
  g_assert_null (wire);
  g_assert_error (error, LEDE_WIRE_ERROR, LEDE_WIRE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/lede/findings/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("extra-offset", test_extra_offset);
  ADD ("extra-document-marker", test_extra_document_marker);
  ADD ("extra-cr-bom", test_extra_cr_bom);
  ADD ("old-mac-line-ends", test_old_mac_line_ends);
  ADD ("duplicate-date", test_duplicate_date);
  ADD ("times", test_times);
  ADD ("yaml-unsafe-characters", test_yaml_unsafe_characters);
  ADD ("noncharacters", test_noncharacters);
  ADD ("search-not-utf8", test_search_not_utf8);
  ADD ("lengths", test_lengths);
  ADD ("headline-from-heading", test_headline_from_heading);
  ADD ("docx-entity", test_docx_entity);
  ADD ("word-paste", test_word_paste);
  ADD ("noncharacters-everywhere", test_noncharacters_everywhere);
  ADD ("no-headline", test_no_headline);
  ADD ("bad-language-image", test_bad_language_image);
#undef ADD
  g_test_add_func ("/lede/findings/slow-markdown", test_slow_markdown);
  g_test_add_func ("/lede/findings/docx-deep", test_docx_deep);
  g_test_add_func ("/lede/findings/language-tags", test_language_tags);
  g_test_add_func ("/lede/findings/text-only-noncharacter", test_text_only_noncharacter);
  g_test_add_func ("/lede/findings/line-break-in-table-cell", test_line_break_in_table_cell);
  g_test_add_func ("/lede/findings/markup-text-clean", test_markup_text_clean);
  g_test_add_func ("/lede/findings/extra-blank-after-colon", test_extra_blank_after_colon);
  g_test_add_func ("/lede/findings/publish-date-once", test_publish_date_once);
  g_test_add_func ("/lede/findings/extra-after-bom", test_extra_after_bom);
  g_test_add_func ("/lede/findings/extra-lede-keys-taken-out", test_extra_lede_keys_taken_out);
  g_test_add_func ("/lede/findings/extra-lede-keys-odd-text", test_extra_lede_keys_odd_text);
  g_test_add_func ("/lede/findings/ninjs-error-cuts-a-character", test_ninjs_error_cuts_a_character);

  return g_test_run ();
}
