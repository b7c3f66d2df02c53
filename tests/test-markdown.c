/* test-markdown.c: Markdown to HTML and plain text, and the story page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-export.h"
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

/* A comment alone in its block (a WordPress block comment) is kept; one
 * that ends early, is followed by markup, or shares its block, is not. */
static void
test_lone_comments_kept (void)
{
  const char *markdown =
    "<!-- wp:paragraph -->\n"
    "\n"
    "The quay reopens.\n"
    "\n"
    "<!-- /wp:paragraph -->\n"
    "\n"
    "<!-- a --><script>alert(1)</script>\n"
    "\n"
    "<!-- b --!><script>alert(2)</script> -->\n"
    "\n"
    "<!--><script>alert(3)</script>-->\n";
  g_autofree char *html = lede_markdown_to_published_html (markdown, -1);

  g_assert_cmpstr (html, ==,
                   "<!-- wp:paragraph -->\n"
                   "<p>The quay reopens.</p>\n"
                   "<!-- /wp:paragraph -->\n"
                   "<!-- raw HTML omitted -->\n"
                   "<!-- raw HTML omitted -->\n"
                   "<!-- raw HTML omitted -->\n");
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

#define FERRY_SHA "3fa9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9e1"
#define QUAY_SHA  "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define LEAD_SHA  "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

static LedePhoto *
make_photo (const char    *sha256,
            LedePhotoRole  role,
            const char    *caption,
            const char    *credit,
            const char    *alt_text)
{
  LedePhoto *photo = lede_photo_new (sha256);

  photo->role = role;
  lede_photo_set_text (&photo->caption, caption);
  lede_photo_set_text (&photo->credit, credit);
  lede_photo_set_text (&photo->alt_text, alt_text);
  lede_photo_set_text (&photo->file_name, "IMG_0042.JPG");
  lede_photo_set_text (&photo->media_type, "image/jpeg");
  photo->width = 1200;
  photo->height = 800;
  return photo;
}

static GPtrArray *
make_photos (void)
{
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);

  g_ptr_array_add (photos, make_photo (LEAD_SHA, LEDE_PHOTO_ROLE_LEAD, "The harbour at low tide",
                                       "Photo: Rhian Adair", "Boats resting on the mud"));
  g_ptr_array_add (photos, make_photo (FERRY_SHA, LEDE_PHOTO_ROLE_BODY, "The 6.10 leaves <Penzance> & \"St Mary's\"",
                                       "Photo: Kerra Nance/Lede", "A ferry at the quay at dawn"));
  g_ptr_array_add (photos, make_photo (QUAY_SHA, LEDE_PHOTO_ROLE_BODY, "", "", ""));
  return photos;
}

static char *
file_url (const LedePhoto *photo,
          gpointer         data)
{
  return g_strdup_printf ("%s/%.6s.jpg", (const char *)data, photo->sha256);
}

/* A picture alone on its paragraph at lede-photo:SHA is a figure with the
 * photo's texts; one the story does not have is nothing; one inside a
 * line of text is its description, as any picture that cannot be shown. */
static void
test_photo_figures (void)
{
  g_autoptr (GPtrArray) photos = make_photos ();
  const char *body =
    "The first boat leaves at ten past six.\n"
    "\n"
    "![bracket text](lede-photo:" FERRY_SHA ")\n"
    "\n"
    "![the quay](lede-photo:" QUAY_SHA ")\n"
    "\n"
    "![not ours](lede-photo:0000000000000000000000000000000000000000000000000000000000000000)\n"
    "\n"
    "![the lead, in the body](lede-photo:" LEAD_SHA ")\n"
    "\n"
    "Inline ![a picture in words](lede-photo:" FERRY_SHA ") stays words.\n"
    "\n"
    "> ![quoted](lede-photo:" FERRY_SHA ")\n";
  g_autofree char *preview = lede_markdown_to_html_with_photos (body, -1, photos, NULL, NULL);
  g_autofree char *published = lede_markdown_to_published_html_with_photos (body, -1, photos, file_url, (gpointer)"pictures");
  g_autofree char *without = lede_markdown_to_html (body, -1);
  g_autofree char *plain = lede_markdown_to_plain_text (body, -1);

  /* The preview: lede-photo:SHA, with where its line is. */
  assert_contains (preview,
                   "<figure class=\"photo\" data-sourcepos=\"3:1-3:92\"><img src=\"lede-photo:" FERRY_SHA "\" "
                   "alt=\"A ferry at the quay at dawn\" width=\"1200\" height=\"800\"><figcaption>"
                   "The 6.10 leaves &lt;Penzance&gt; &amp; &quot;St Mary&apos;s&quot; "
                   "<span class=\"credit\">Photo: Kerra Nance/Lede</span></figcaption></figure>");
  /* No alt text on the photo: the bracket text; no caption or credit: no figcaption. */
  assert_contains (preview, "<img src=\"lede-photo:" QUAY_SHA "\" alt=\"the quay\" width=\"1200\" height=\"800\"></figure>");
  assert_lacks (preview, "not ours");
  assert_lacks (preview, "lede-photo:0000");
  assert_lacks (preview, "the lead, in the body");
  assert_lacks (preview, LEAD_SHA);
  assert_contains (preview, "Inline a picture in words stays words.");
  assert_contains (preview, "<blockquote data-sourcepos=\"13:1-13:88\">\n<figure class=\"photo\" data-sourcepos=\"13:3-13:88\">");

  /* Published: the caller's address, no source positions. */
  assert_contains (published, "<figure class=\"photo\"><img src=\"pictures/3fa9c1.jpg\" alt=\"A ferry at the quay at dawn\"");
  assert_contains (published, "<img src=\"pictures/001122.jpg\" alt=\"the quay\"");
  assert_lacks (published, "data-sourcepos");
  assert_lacks (published, "lede-photo:");

  /* A story without photos has none of these pictures. */
  assert_lacks (without, "<figure");
  assert_lacks (without, "<img");
  assert_lacks (without, "bracket text");
  assert_contains (without, "Inline a picture in words stays words.");

  /* A picture's alt text is not the story's words. */
  assert_lacks (plain, "bracket text");
  assert_lacks (plain, "quoted");
  assert_contains (plain, "Inline a picture in words stays words.");
  g_assert_cmpuint (lede_markdown_count_words ("![three words here](lede-photo:" FERRY_SHA ")\n\nTwo words.\n"), ==, 2);
}

/* A caption with a manual line break and what HTML refuses; a credit alone. */
static void
test_photo_figure_texts (void)
{
  g_autoptr (LedePhoto) photo = make_photo (FERRY_SHA, LEDE_PHOTO_ROLE_BODY, "", "Kerra\x01 Nance", "Alt\vtext");
  g_autofree char *figure = NULL;
  g_autofree char *both = NULL;

  figure = lede_markdown_dup_figure (photo, "a\"b.jpg", "unused", NULL, NULL);
  g_assert_cmpstr (figure, ==,
                   "<figure><img src=\"a&quot;b.jpg\" alt=\"Alt text\" width=\"1200\" height=\"800\">"
                   "<figcaption><span class=\"credit\">Kerra Nance</span></figcaption></figure>\n");
  lede_photo_set_text (&photo->caption, "First line\vsecond line");
  both = lede_markdown_dup_figure (photo, "x.jpg", NULL, "lead-photo", NULL);
  assert_contains (both, "<figure class=\"lead-photo\">");
  assert_contains (both, "<figcaption>First line<br>second line <span class=\"credit\">");
}

static void
photos_rendered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  char **html = data;
  g_autoptr (GError) error = NULL;

  *html = lede_markdown_to_html_finish (result, &error);
  g_assert_no_error (error);
}

/* The preview's render off the main thread keeps its own copy of the photos. */
static void
test_photo_async (void)
{
  g_autoptr (GPtrArray) photos = make_photos ();
  g_autofree char *html = NULL;
  g_autofree char *sync = NULL;
  const char *body = "![x](lede-photo:" FERRY_SHA ")\n";

  lede_markdown_to_html_with_photos_async (body, -1, photos, NULL, photos_rendered_cb, &html);
  g_ptr_array_set_size (photos, 0);
  while (html == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&photos, g_ptr_array_unref);
  photos = make_photos ();
  sync = lede_markdown_to_html_with_photos (body, -1, photos, NULL, NULL);
  g_assert_cmpstr (html, ==, sync);
  assert_contains (html, "<figure class=\"photo\"");
}

/* The lead photo above the story's text, in the preview and the page, and
 * as the JSON-LD's image. */
static void
test_page_lead_photo (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) photos = make_photos ();
  g_autoptr (LedeVerdict) verdict = NULL;
  g_autoptr (LedeArticle) bare = lede_article_new ();
  g_autofree char *preview = NULL;
  g_autofree char *page = NULL;
  g_autofree char *bare_page = NULL;
  g_autofree char *bare_preview = NULL;

  lede_article_set_headline (article, "Ferries return to the islands");
  lede_article_set_body (article, "The first boat leaves at six.\n\n![x](lede-photo:" FERRY_SHA ")\n");
  lede_article_set_photos (article, photos);

  preview = lede_page_render (article, "<p>Body</p>", NULL, LEDE_PAGE_PREVIEW);
  assert_contains (preview, "</header>\n<div class=\"lead-photo-place\"><figure class=\"lead-photo\"><img src=\"lede-photo:" LEAD_SHA
                   "\" alt=\"Boats resting on the mud\" width=\"1200\" height=\"800\"><figcaption>The harbour at low tide "
                   "<span class=\"credit\">Photo: Rhian Adair</span></figcaption></figure>\n</div>\n<div class=\"story-body\">");

  verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  g_assert_true (lede_verdict_may_leave (verdict));
  page = lede_page_render_published (verdict, "<p>Body</p>", file_url, (gpointer)"here");
  assert_contains (page, "</header>\n<figure class=\"lead-photo\"><img src=\"here/ffeedd.jpg\" alt=\"Boats resting on the mud\"");
  assert_lacks (page, "lead-photo-place");
  assert_contains (page, "\"image\" : {\n    \"@type\" : \"ImageObject\",\n    \"url\" : \"here/ffeedd.jpg\",\n"
                   "    \"width\" : 1200,\n    \"height\" : 800,\n    \"caption\" : \"The harbour at low tide\",\n"
                   "    \"creditText\" : \"Photo: Rhian Adair\"\n  }");

  /* Without photos: no figure, no image, and the preview's empty place. */
  lede_article_set_headline (bare, "No pictures");
  bare_preview = lede_page_render (bare, "", NULL, LEDE_PAGE_PREVIEW);
  assert_contains (bare_preview, "<div class=\"lead-photo-place\"></div>");
  g_clear_pointer (&verdict, lede_verdict_unref);
  verdict = lede_gate_ask (bare, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  bare_page = lede_page_render_published (verdict, "", NULL, NULL);
  assert_lacks (bare_page, "<figure");
  assert_lacks (bare_page, "\"image\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/markdown/blocks-and-sourcepos", test_blocks_and_sourcepos);
  g_test_add_func ("/lede/markdown/gfm-extensions", test_gfm_extensions);
  g_test_add_func ("/lede/markdown/raw-html-neutralised", test_raw_html_neutralised);
  g_test_add_func ("/lede/markdown/lone-comments-kept", test_lone_comments_kept);
  g_test_add_func ("/lede/markdown/bad-bytes", test_bad_bytes);
  g_test_add_func ("/lede/markdown/empty-and-null", test_empty_and_null);
  g_test_add_func ("/lede/markdown/plain-text", test_plain_text);
  g_test_add_func ("/lede/markdown/async", test_async);
  g_test_add_func ("/lede/markdown/page", test_page);
  g_test_add_func ("/lede/markdown/photo-figures", test_photo_figures);
  g_test_add_func ("/lede/markdown/photo-figure-texts", test_photo_figure_texts);
  g_test_add_func ("/lede/markdown/photo-async", test_photo_async);
  g_test_add_func ("/lede/markdown/page-lead-photo", test_page_lead_photo);

  return g_test_run ();
}
