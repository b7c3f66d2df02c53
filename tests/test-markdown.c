/* test-markdown.c: Markdown to HTML and plain text, and the story page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-markdown.h"
#include "lede-page.h"
#include "lede-test-utils.h"

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("expected “%s” in:\n%s", (needle), (haystack)); \
  } G_STMT_END

#define assert_lacks(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      g_error ("did not expect “%s” in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static void
test_blocks_and_sourcepos (void)
{
  g_autofree char *html = lede_markdown_to_html ("# Flood defences\n\nFirst *paragraph*.\n\n> A quote\n", -1);

  assert_contains (html, "<h1 data-sourcepos=\"1:1-1:16\">Flood defences</h1>");
  assert_contains (html, "<p data-sourcepos=\"3:1-3:18\">First <em>paragraph</em>.</p>");
  assert_contains (html, "<blockquote data-sourcepos=\"5:1-5:9\">");
}

static void
test_gfm_extensions (void)
{
  const char *markdown =
    "| Ward | Votes |\n"
    "| --- | ---: |\n"
    "| North | 1,204 |\n"
    "\n"
    "~~withdrawn~~ and https://example.org/results\n"
    "\n"
    "- [x] Call the returning officer\n"
    "- [ ] Check the recount\n"
    "\n"
    "Turnout rose[^1].\n"
    "\n"
    "[^1]: Figures from the count on 26 November 2026.\n";
  g_autofree char *html = lede_markdown_to_html (markdown, -1);

  assert_contains (html, "<table");
  assert_contains (html, "<th");
  assert_contains (html, ">North</td>");
  assert_contains (html, "<del>withdrawn</del>");
  assert_contains (html, "<a href=\"https://example.org/results\">https://example.org/results</a>");
  assert_contains (html, "type=\"checkbox\" checked=\"\" disabled=\"\"");
  assert_contains (html, "class=\"footnotes\"");
  assert_contains (html, "Figures from the count");
}

static void
test_raw_html_neutralised (void)
{
  const char *markdown =
    "<script>alert('pwned')</script>\n"
    "\n"
    "Text <img src=x onerror=\"alert(1)\"> more <iframe src=\"https://evil.example\"></iframe>\n"
    "\n"
    "<style>body{display:none}</style>\n"
    "\n"
    "[click](javascript:alert(2)) <span onclick=\"x()\">hi</span>\n";
  g_autofree char *html = lede_markdown_to_html (markdown, -1);

  assert_lacks (html, "<script");
  assert_lacks (html, "<iframe");
  assert_lacks (html, "<style");
  assert_lacks (html, "onerror");
  assert_lacks (html, "onclick");
  assert_lacks (html, "javascript:");
  assert_contains (html, "raw HTML omitted");
}

static void
test_bad_bytes (void)
{
  const char bytes[] = "Before\0after \xff\xfe broken \xc3 UTF-8\n\n# Still a heading\n";
  g_autofree char *html = lede_markdown_to_html (bytes, sizeof bytes - 1);
  g_autofree char *text = lede_markdown_to_plain_text (bytes, sizeof bytes - 1);

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_contains (html, "Before\xef\xbf\xbd" "after");
  assert_contains (html, "Still a heading</h1>");
}

static void
test_empty_and_null (void)
{
  g_autofree char *empty = lede_markdown_to_html ("", 0);
  g_autofree char *null = lede_markdown_to_html (NULL, -1);

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static void
test_plain_text (void)
{
  g_autofree char *text = lede_markdown_to_plain_text ("## Next steps\n\nThe **council** will [vote](https://example.org) on *Tuesday*.\n", -1);

  assert_contains (text, "Next steps");
  assert_contains (text, "The council will vote on Tuesday.");
  assert_lacks (text, "**");
  assert_lacks (text, "https://");
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **html = user_data;
  g_autoptr (GError) error = NULL;

  *html = lede_markdown_to_html_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static void
test_async (void)
{
  g_autoptr (GString) markdown = g_string_new (NULL);
  g_autofree char *sync = NULL;
  char *async = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (markdown, "Paragraph %u of the inquiry report.\n\n", i);

  lede_markdown_to_html_async (markdown->str, markdown->len, NULL, rendered_cb, &async);
  /* The text is copied: changing it now must not change what is rendered. */
  g_string_truncate (markdown, 0);
  lede_test_wait_until (is_set, &async, 10000);

  g_string_truncate (markdown, 0);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (markdown, "Paragraph %u of the inquiry report.\n\n", i);
  sync = lede_markdown_to_html (markdown->str, markdown->len);
  g_assert_cmpstr (async, ==, sync);
  g_free (async);
}

static void
test_page (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *page = NULL;
  g_autofree char *preview = NULL;

  lede_article_set_headline (article, "Mayor says <script>alert(1)</script> & \"resigns\"");
  lede_article_set_standfirst (article, "A standfirst with <b>tags</b>");
  lede_article_set_byline (article, "Rhian Adair");
  lede_article_set_dateline (article, "PORTHLEVEN");
  lede_article_set_language (article, "en-GB");
  lede_article_set_editorial_note (article, "SECRET: do not publish this note");

  page = lede_page_render (article, "<p>Body</p>", NULL, LEDE_PAGE_DEFAULT);
  assert_contains (page, "<!DOCTYPE html>");
  assert_contains (page, "<html lang=\"en-GB\">");
  assert_contains (page, "<h1 class=\"headline\">Mayor says &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;resigns&quot;</h1>");
  assert_contains (page, "A standfirst with &lt;b&gt;tags&lt;/b&gt;");
  assert_contains (page, "<span class=\"byline\">Rhian Adair</span>");
  assert_contains (page, "<span class=\"dateline\">PORTHLEVEN</span>");
  assert_contains (page, "<div class=\"story-body\">\n<p>Body</p>");
  assert_contains (page, lede_page_get_stylesheet ());
  assert_lacks (page, "<script>");
  assert_lacks (page, "SECRET");
  assert_lacks (page, "Content-Security-Policy");

  preview = lede_page_render (article, "", NULL, LEDE_PAGE_PREVIEW);
  assert_contains (preview, "Content-Security-Policy\" content=\"default-src 'none'");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/markdown/blocks-and-sourcepos", test_blocks_and_sourcepos);
  g_test_add_func ("/lede/markdown/gfm-extensions", test_gfm_extensions);
  g_test_add_func ("/lede/markdown/raw-html-neutralised", test_raw_html_neutralised);
  g_test_add_func ("/lede/markdown/bad-bytes", test_bad_bytes);
  g_test_add_func ("/lede/markdown/empty-and-null", test_empty_and_null);
  g_test_add_func ("/lede/markdown/plain-text", test_plain_text);
  g_test_add_func ("/lede/markdown/async", test_async);
  g_test_add_func ("/lede/markdown/page", test_page);

  return g_test_run ();
}
