/* test-linear.c: what the stages that were once quadratic (issue 31) do
 * with the inputs that made them so: the same answers as before where the
 * input is fair, a refusal or text in words where it is not. How long they
 * take is bench/bench-worst-cases.c's job, not a test's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-markdown.h"
#include "lede-words.h"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* "![[]()" over and over: past the guard its brackets are text, and the
 * page says so; a story with ordinary links and deeply nested images is
 * read as before. */
static void
test_bracket_guard (void)
{
  g_autofree char *brackets = repeat ("![[]()", 2000);
  g_autofree char *html = lede_markdown_to_html (brackets, -1);
  g_autofree char *plain = lede_markdown_to_plain_text (brackets, -1);
  g_autofree char *fair = NULL;
  g_autofree char *fair_html = NULL;
  g_autofree char *under = repeat ("![[]()", LEDE_MARKDOWN_MAX_OPEN_BRACKETS);
  g_autofree char *under_html = NULL;

  g_assert_cmpuint (lede_markdown_count_open_brackets (brackets, -1), >, LEDE_MARKDOWN_MAX_OPEN_BRACKETS);
  g_assert_true (g_str_has_prefix (html, "<p class=\"lede-notice\">"));
  g_assert_nonnull (strstr (html, "brackets are shown as text"));
  g_assert_null (strstr (html, "<a "));
  g_assert_null (strstr (html, "<img"));
  /* The reader sees exactly what was typed. */
  g_assert_true (g_str_has_prefix (plain, "![[]()![[]()"));
  g_assert_cmpuint (strlen (plain), ==, strlen (brackets) + 1);

  /* Only the paragraph past the guard is text; the next keeps its link. */
  fair = g_strconcat (brackets, "\n\nSee [the timetable](https://example.org/ferries).\n", NULL);
  fair_html = lede_markdown_to_html (fair, -1);
  g_assert_nonnull (strstr (fair_html, "<a href=\"https://example.org/ferries\">the timetable</a>"));

  /* At the guard, links are links. */
  under_html = lede_markdown_to_html (under, -1);
  g_assert_null (strstr (under_html, "lede-notice"));
  g_assert_nonnull (strstr (under_html, "<a href=\"\">"));

  /* An escaped bracket is not open, and code is not read for links. */
  {
    g_autofree char *escaped = repeat ("!\\[\\[]()", 2000);
    g_autofree char *fenced = g_strconcat ("```\n", brackets, "\n```\n", NULL);

    g_assert_cmpuint (lede_markdown_count_open_brackets (escaped, -1), ==, 0);
    g_assert_cmpuint (lede_markdown_count_open_brackets (fenced, -1), ==, 0);
  }
}

/* A row far wider than its table's header is refused by the cell guard,
 * as a table of too many cells is. */
static void
test_wide_table_row (void)
{
  g_autofree char *pipes = repeat ("|", LEDE_MARKDOWN_MAX_TABLE_COLUMNS + 2);
  g_autofree char *table = g_strconcat ("| Ward |\n|---|\n", pipes, "\n", NULL);
  g_autofree char *html = lede_markdown_to_html (table, -1);
  g_autofree char *wide_header = NULL;
  g_autofree char *header_html = NULL;

  g_assert_cmpuint (lede_markdown_count_table_cells (table, -1), >, LEDE_MARKDOWN_MAX_TABLE_CELLS);
  g_assert_true (g_str_has_prefix (html, "<p class=\"lede-notice\">"));
  g_assert_null (strstr (html, "<table"));

  /* A header as wide, over three rows, likewise. */
  {
    g_autofree char *cells = repeat ("| a ", LEDE_MARKDOWN_MAX_TABLE_COLUMNS + 1);
    g_autofree char *rule = repeat ("|---", LEDE_MARKDOWN_MAX_TABLE_COLUMNS + 1);

    wide_header = g_strconcat (cells, "|\n", rule, "|\n", cells, "|\n", NULL);
  }
  header_html = lede_markdown_to_html (wide_header, -1);
  g_assert_null (strstr (header_html, "<table"));

  /* A table at the width allowed is still one. */
  {
    g_autofree char *cells = repeat ("| a ", LEDE_MARKDOWN_MAX_TABLE_COLUMNS);
    g_autofree char *rule = repeat ("|---", LEDE_MARKDOWN_MAX_TABLE_COLUMNS);
    g_autofree char *fair = g_strconcat (cells, "|\n", rule, "|\n", cells, "|\n", NULL);
    g_autofree char *fair_html = lede_markdown_to_html (fair, -1);

    g_assert_nonnull (strstr (fair_html, "<table"));
  }
}

/* Flow collections nested thousands deep are refused in words, naming the
 * line; a few levels (and brackets in quotations) are read. */
static void
test_deep_flow_front_matter (void)
{
  g_autofree char *open = repeat ("[", 5000);
  g_autofree char *close = repeat ("]", 5000);
  g_autofree char *yaml = g_strconcat ("title: \"Deep\"\nslug: deep\nnested: ", open, close, "\n", NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (lede_front_matter_read (yaml, strlen (yaml), article, tags, NULL, &error));
  g_assert_error (error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID);
  /* Line 4 of the file: the "---" line, title, slug, then this. */
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_nonnull (strstr (error->message, "1000"));

  {
    const char *fair = "title: \"Fair\"\nmap: {a: [1, [2, {b: \"]]]]\"}]], c: '[[['}\n";
    g_autoptr (LedeArticle) fine = lede_article_new ();
    g_autoptr (GStrvBuilder) fine_tags = g_strv_builder_new ();
    g_autoptr (GError) fine_error = NULL;

    g_assert_true (lede_front_matter_read (fair, strlen (fair), fine, fine_tags, NULL, &fine_error));
    g_assert_no_error (fine_error);
    g_assert_cmpstr (lede_article_get_headline (fine), ==, "Fair");
  }

  /* Closing brackets hidden in quotations do not hide the depth. */
  {
    g_autofree char *hidden = repeat ("[ \"]\", ", 1200);
    g_autofree char *text = g_strconcat ("x: ", hidden, "\n", NULL);
    g_autoptr (LedeArticle) deep = lede_article_new ();
    g_autoptr (GStrvBuilder) deep_tags = g_strv_builder_new ();
    g_autoptr (GError) deep_error = NULL;

    g_assert_false (lede_front_matter_read (text, strlen (text), deep, deep_tags, NULL, &deep_error));
    g_assert_error (deep_error, LEDE_FRONT_MATTER_ERROR, LEDE_FRONT_MATTER_ERROR_INVALID);
  }
}

/* Many unknown keys are all kept, in order, as written. */
static void
test_many_unknown_keys (void)
{
  g_autoptr (GString) yaml = g_string_new ("title: \"Keys\"\n");
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr (GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (expected, "field_%u: \"é %u\"\n", i, i);
    }
  g_string_append (yaml, expected->str);
  g_assert_true (lede_front_matter_read (yaml->str, yaml->len, article, tags, NULL, NULL));
  g_assert_cmpstr (lede_article_get_extra_front_matter (article), ==, expected->str);
}

/* The checks' findings on one long line (and over old Mac line ends, one
 * line to the checks) are placed as a plain count from the start gives. */
static void
test_check_offsets_long_line (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  guint placeholders = 0;

  /* Characters of one to four bytes, so marks fall inside characters. */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (body, "Ré %s TK “ab” 🚢\r", i % 3 ? "naïve" : "x");
  g_string_append (body, "\nSecond line TK.\n");
  lede_article_set_headline (article, "Harbour");
  story = lede_check_story_new (article, body->str, NULL);
  findings = lede_checks_run (story, now);

  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);
      const char *at = body->str;
      glong naive;

      if (finding->kind != LEDE_CHECK_PLACEHOLDER || finding->field != LEDE_FIELD_BODY)
        continue;
      /* Findings are sorted by severity, not place: find this one's byte
       * by counting characters the slow way. */
      naive = finding->offset;
      at = g_utf8_offset_to_pointer (body->str, naive);
      g_assert_true (g_str_has_prefix (at, "TK"));
      g_assert_cmpint (g_utf8_strlen (body->str, at - body->str), ==, naive);
      g_assert_cmpuint (finding->line, ==, strchr (at, '\n') == strrchr (body->str, '\n') ? 2 : 1);
      placeholders++;
    }
  g_assert_cmpuint (placeholders, ==, 601);

  /* And lede_check_story_locate() against a count from the start, at
   * every character of a stretch over several marks. */
  for (const char *p = body->str; p < body->str + 5 * LEDE_CHECK_MARK_BYTES; p = g_utf8_next_char (p))
    {
      guint line, graf, offset;

      lede_check_story_locate (story, p - body->str, &line, &graf, &offset);
      g_assert_cmpuint (offset, ==, g_utf8_strlen (body->str, p - body->str));
    }
}

/* Names: a word thousands of letters long is no trouble, and one name in
 * a thousand capitalisations is not a thousand findings; a real near-twin
 * beside them is still found. */
static void
test_names_bounded (void)
{
  g_autoptr (GString) body = g_string_new ("Mr Smith spoke. Later Mr Smyth agreed. ");
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autofree char *long_word = repeat ("o", 5000);

  g_string_append_printf (body, "Then Ms Q%s left. ", long_word);
  for (guint i = 0; i < 1024; i++)
    {
      static const char name[] = "ravensworth";

      g_string_append (body, "Dr R");
      for (guint k = 1; k < sizeof name - 1; k++)
        g_string_append_c (body, (i >> (k - 1)) & 1 ? g_ascii_toupper (name[k]) : name[k]);
      g_string_append (body, " spoke. ");
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Witness %u", i);

      g_ptr_array_add (sources, lede_source_new (name));
    }
  lede_article_set_headline (article, "Harbour");
  story = lede_check_story_new (article, body->str, sources);
  lede_check_names (story, NULL, findings);

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (strstr (((LedeFinding *)g_ptr_array_index (findings, 0))->message, "Smyth"));
}

/* Attribution: "he said" after many grafs goes to the last source named;
 * in one graf of many quotations, each goes to the source nearest its
 * verb; a paragraph of apostrophes holds no quotation. */
static void
test_attribution_long (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GString) text = g_string_new ("“We sail at six,” Kaneko said.\n\n");
  g_autoptr (GPtrArray) quotes = NULL;
  g_autoptr (GString) graf = g_string_new (NULL);
  g_autofree char *apostrophes = repeat ("the boats’ and o’ ", 5000);

  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  g_ptr_array_add (sources, lede_source_new ("Rhian Tallis"));
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "“Not now,” he said.\n\n");
  g_string_append (text, "“Later,” Tallis said.\n\n“Never,” she said.\n");
  quotes = lede_attribution_check (text->str, sources);
  g_assert_cmpuint (quotes->len, ==, 503);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 1))->speaker, ==, "Eri Kaneko");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 500))->speaker, ==, "Eri Kaneko");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 502))->speaker, ==, "Rhian Tallis");
  g_clear_pointer (&quotes, g_ptr_array_unref);

  for (guint i = 0; i < 300; i++)
    g_string_append (graf, i % 2 ? "“Yes,” Tallis said. The tide turned. " : "“No,” Eri Kaneko said. The tide turned. ");
  quotes = lede_attribution_check (graf->str, sources);
  g_assert_cmpuint (quotes->len, ==, 300);
  for (guint i = 0; i < quotes->len; i++)
    g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, i))->speaker, ==, i % 2 ? "Rhian Tallis" : "Eri Kaneko");
  g_clear_pointer (&quotes, g_ptr_array_unref);

  quotes = lede_attribution_check (apostrophes, sources);
  g_assert_cmpuint (quotes->len, ==, 0);
}

/* Spell-check words on a line of many "<": each "<" alone is prose, and a
 * real tag is still skipped. */
static void
test_words_many_less_than (void)
{
  g_autofree char *line = repeat ("x < y ", 5000);
  g_autofree char *tagged = g_strconcat (line, "<span class=\"wrod\">fine</span>\n", NULL);
  g_autoptr (GArray) words = lede_words_find (tagged, -1);

  g_assert_cmpuint (words->len, ==, 10000 + 1);
  for (guint i = 0; i < words->len; i++)
    {
      LedeWordSpan *span = &g_array_index (words, LedeWordSpan, i);

      g_assert_cmpuint (span->end - span->start, <=, 4);
      g_assert_false (strncmp (tagged + span->start, "wrod", 4) == 0);
      g_assert_false (strncmp (tagged + span->start, "span", 4) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/linear/bracket-guard", test_bracket_guard);
  g_test_add_func ("/lede/linear/wide-table-row", test_wide_table_row);
  g_test_add_func ("/lede/linear/deep-flow-front-matter", test_deep_flow_front_matter);
  g_test_add_func ("/lede/linear/many-unknown-keys", test_many_unknown_keys);
  g_test_add_func ("/lede/linear/check-offsets-long-line", test_check_offsets_long_line);
  g_test_add_func ("/lede/linear/names-bounded", test_names_bounded);
  g_test_add_func ("/lede/linear/attribution-long", test_attribution_long);
  g_test_add_func ("/lede/linear/words-many-less-than", test_words_many_less_than);

  return g_test_run ();
}
