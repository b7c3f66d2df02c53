/* test-photo-export.c: a story's photos in every export, and read back by
 * import. Every picture is a real file made here; every export is written
 * by the same batch lede-cli and the window use.
 *
 * With LEDE_TEST_PHOTOS_OUT set, /lede/photo-export/for-validators
 * writes the story with photos in every format there, for
 * tests/test-validators.sh to check with the Nu checker, ajv, js-yaml
 * and Hugo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <unistd.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-export-batch.h"
#include "lede-export-photos.h"
#include "lede-import.h"
#include "lede-library.h"
#include "lede-photo-file.h"
#include "lede-test-photos.h"
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

typedef struct {
  char        *dir;
  LedeLibrary *library;
  LedeArticle *story;     /* with a lead photo and two in the body */
  LedeArticle *plain;     /* without photos */
  char        *sha[3];    /* lead, ferry, quay */
  char        *file[3];   /* the files they were added from */
} Fixture;

static LedePhoto *
add_photo (Fixture     *f,
           const char  *path,
           LedePhotoRole role,
           const char  *caption,
           const char  *credit,
           const char  *alt_text)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  LedePhoto *photo = lede_photo_file_read (path, &bytes, &error);

  g_assert_no_error (error);
  photo->role = role;
  lede_photo_set_text (&photo->caption, caption);
  lede_photo_set_text (&photo->credit, credit);
  lede_photo_set_text (&photo->alt_text, alt_text);
  g_assert_true (lede_library_add_photo (f->library, f->story, photo, bytes, &error));
  g_assert_no_error (error);
  return photo;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  LedePhoto *photos[3];

  f->dir = lede_test_tmpdir ();
  db = g_build_filename (f->dir, "library.db", NULL);
  f->library = lede_library_open (db, &error);
  g_assert_no_error (error);

  f->file[0] = lede_test_make_image (f->dir, "Harbour at low tide.jpg", "jpeg", 120, 80);
  f->file[1] = lede_test_make_image (f->dir, "IMG_0042.png", "png", 60, 40);
  f->file[2] = lede_test_make_image (f->dir, "quay.webp", "webp", 30, 50);

  f->story = lede_article_new ();
  lede_article_set_headline (f->story, "Ferries return to the islands");
  lede_article_set_standfirst (f->story, "The first sailing since the storm left at dawn.");
  lede_article_set_byline (f->story, "Kerra Nance");
  lede_article_set_slug (f->story, "ferries-return");
  g_assert_true (lede_library_create_article (f->library, f->story, NULL));
  photos[0] = add_photo (f, f->file[0], LEDE_PHOTO_ROLE_LEAD, "The harbour at low tide, before the 6.10 sailing",
                         "Photo: Rhian Adair", "Boats resting on the mud of the harbour");
  photos[1] = add_photo (f, f->file[1], LEDE_PHOTO_ROLE_BODY, "The 6.10 leaves <Penzance> & \"St Mary's\"",
                         "Kerra Nance/Lede", "A ferry at the quay at dawn");
  photos[2] = add_photo (f, f->file[2], LEDE_PHOTO_ROLE_BODY, "Ropes on the quay: “the last of them”",
                         "Tomos Penhale", "Coiled ropes");
  for (guint i = 0; i < 3; i++)
    {
      f->sha[i] = g_strdup (photos[i]->sha256);
      lede_photo_free (photos[i]);
    }
  g_string_append_printf (body,
                          "The first boat left at ten past six.\n"
                          "\n"
                          "![A ferry at the quay at dawn](lede-photo:%s)\n"
                          "\n"
                          "Passengers queued on the quay.\n"
                          "\n"
                          "![Coiled ropes](lede-photo:%s)\n",
                          f->sha[1], f->sha[2]);
  lede_article_set_body (f->story, body->str);
  g_assert_true (lede_library_update_article (f->library, f->story, &error));
  g_assert_no_error (error);

  f->plain = lede_article_new ();
  lede_article_set_headline (f->plain, "Council meets on Tuesday");
  lede_article_set_body (f->plain, "Nothing to see.\n");
  g_assert_true (lede_library_create_article (f->library, f->plain, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->story);
  g_clear_object (&f->plain);
  g_clear_object (&f->library);
  for (guint i = 0; i < 3; i++)
    {
      g_free (f->sha[i]);
      g_free (f->file[i]);
    }
  lede_test_rmdir (f->dir);
  g_free (f->dir);
}

/* A fresh copy of a story from the library, as the sidebar hands it out. */
static LedeArticle *
reread (Fixture     *f,
        LedeArticle *article)
{
  g_autoptr (GError) error = NULL;
  LedeArticle *again = lede_library_get_article (f->library, lede_article_get_id (article), &error);

  g_assert_no_error (error);
  return again;
}

static char *
export (Fixture          *f,
        LedeArticle      *article,
        LedeExportFormat  format,
        const char       *folder,
        LedeExportFlags   flags)
{
  g_autoptr (GError) error = NULL;
  char *path;

  g_mkdir_with_parents (folder, 0755);
  path = lede_export_to_folder (f->library, article, format, folder, flags | LEDE_EXPORT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Whether @path holds the bytes of @original. */
static void
assert_same_bytes (const char *path,
                   const char *original)
{
  g_autofree char *a = lede_test_checksum_file (path);
  g_autofree char *b = lede_test_checksum_file (original);

  g_assert_cmpstr (a, ==, b);
}

/* The page goes to DIR/slug/index.html with its pictures beside it, as
 * they were added, under names that do not change from one export to the
 * next; a story without photos is one file, as before. */
static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *again_out = g_build_filename (f->dir, "again", NULL);
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  g_autofree char *path = export (f, fresh, LEDE_EXPORT_FORMAT_HTML, out, 0);
  g_autofree char *again = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *page = read_text (path);
  g_autofree char *lead = g_build_filename (out, "ferries-return", "feature.jpg", NULL);
  g_autofree char *ferry = g_build_filename (out, "ferries-return", "img-0042.png", NULL);
  g_autofree char *quay = g_build_filename (out, "ferries-return", "quay.webp", NULL);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  guint files = 0;

  g_assert_true (g_str_has_suffix (path, "/out/ferries-return/index.html"));
  assert_same_bytes (lead, f->file[0]);
  assert_same_bytes (ferry, f->file[1]);
  assert_same_bytes (quay, f->file[2]);
  {
    g_autofree char *folder = g_path_get_dirname (path);

    listing = g_dir_open (folder, 0, NULL);
  }
  while (g_dir_read_name (listing))
    files++;
  g_assert_cmpuint (files, ==, 4);

  assert_contains (page, "</header>\n<figure class=\"lead-photo\"><img src=\"feature.jpg\" "
                         "alt=\"Boats resting on the mud of the harbour\" width=\"120\" height=\"80\">"
                         "<figcaption>The harbour at low tide, before the 6.10 sailing "
                         "<span class=\"credit\">Photo: Rhian Adair</span></figcaption></figure>");
  assert_contains (page, "<figure class=\"photo\"><img src=\"img-0042.png\" alt=\"A ferry at the quay at dawn\" "
                         "width=\"60\" height=\"40\"><figcaption>The 6.10 leaves &lt;Penzance&gt; &amp; "
                         "&quot;St Mary&apos;s&quot; <span class=\"credit\">Kerra Nance/Lede</span></figcaption></figure>");
  assert_contains (page, "<img src=\"quay.webp\" alt=\"Coiled ropes\" width=\"30\" height=\"50\">");
  assert_contains (page, "\"image\" : {\n    \"@type\" : \"ImageObject\",\n    \"url\" : \"feature.jpg\"");
  assert_lacks (page, "lede-photo:");

  /* The same names again, elsewhere. */
  again = export (f, fresh, LEDE_EXPORT_FORMAT_HTML, again_out, 0);
  first = lede_test_checksum_file (path);
  second = lede_test_checksum_file (again);
  g_assert_cmpstr (first, ==, second);

  /* Again into the same folder: the page is there, so it is refused
   * unless overwriting; the pictures holding the same bytes are kept. */
  g_assert_null (lede_export_to_folder (f->library, fresh, LEDE_EXPORT_FORMAT_HTML, out, LEDE_EXPORT_FLAGS_FORCE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (export (f, fresh, LEDE_EXPORT_FORMAT_HTML, out, LEDE_EXPORT_FLAGS_OVERWRITE));

  /* A picture of the same name with other bytes: refused in words, unless overwriting. */
  g_assert_true (g_file_set_contents (quay, "not the picture", -1, NULL));
  g_assert_null (lede_export_to_folder (f->library, fresh, LEDE_EXPORT_FORMAT_HTML, again_out, LEDE_EXPORT_FLAGS_FORCE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_free (export (f, fresh, LEDE_EXPORT_FORMAT_HTML, out, LEDE_EXPORT_FLAGS_OVERWRITE));
  assert_same_bytes (quay, f->file[2]);

  /* Without photos: one file, as before. */
  plain = export (f, f->plain, LEDE_EXPORT_FORMAT_HTML, out, 0);
  g_assert_true (g_str_has_suffix (plain, "/out/council-meets-on-tuesday.html"));
}

/* Markdown: a Hugo page bundle (slug/index.md, the pictures beside it,
 * the lead photo feature.EXT), each picture's line at its file, the
 * photos' texts in the front matter; Jekyll's files beside the story too. */
static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  g_autofree char *path = export (f, fresh, LEDE_EXPORT_FORMAT_MARKDOWN, out, 0);
  g_autofree char *jekyll = export (f, fresh, LEDE_EXPORT_FORMAT_MARKDOWN, out, LEDE_EXPORT_FLAGS_JEKYLL_NAMES);
  g_autofree char *text = read_text (path);
  g_autofree char *lead = g_build_filename (out, "ferries-return", "feature.jpg", NULL);
  g_autofree char *ferry = g_build_filename (out, "ferries-return", "img-0042.png", NULL);
  g_autofree char *quay = g_build_filename (out, "ferries-return", "quay.webp", NULL);
  g_autoptr (GDateTime) created = g_date_time_to_utc (lede_article_get_created (fresh));
  g_autofree char *day = g_date_time_format (created, "%Y-%m-%d");
  g_autofree char *jekyll_end = g_strdup_printf ("/out/%s-ferries-return/%s-ferries-return.md", day, day);
  g_autofree char *jekyll_ferry = NULL;

  g_assert_true (g_str_has_suffix (path, "/out/ferries-return/index.md"));
  assert_same_bytes (lead, f->file[0]);
  assert_same_bytes (ferry, f->file[1]);
  assert_same_bytes (quay, f->file[2]);
  assert_contains (text, "\nphotos:\n"
                         "  - file: \"feature.jpg\"\n    role: lead\n"
                         "    caption: \"The harbour at low tide, before the 6.10 sailing\"\n"
                         "    credit: \"Photo: Rhian Adair\"\n"
                         "    alt: \"Boats resting on the mud of the harbour\"\n"
                         "  - file: \"img-0042.png\"\n    role: body\n"
                         "    caption: \"The 6.10 leaves <Penzance> & \\\"St Mary's\\\"\"\n"
                         "    credit: \"Kerra Nance/Lede\"\n    alt: \"A ferry at the quay at dawn\"\n"
                         "  - file: \"quay.webp\"\n    role: body\n");
  assert_contains (text, "\n---\n\nThe first boat left at ten past six.\n\n![A ferry at the quay at dawn](img-0042.png)\n\n"
                         "Passengers queued on the quay.\n\n![Coiled ropes](quay.webp)\n");
  assert_lacks (text, "lede-photo:");

  /* Jekyll (jekyll-postfiles): the post in a folder of its own, its files beside it. */
  g_assert_true (g_str_has_suffix (jekyll, jekyll_end));
  {
    g_autofree char *folder = g_path_get_dirname (jekyll);

    jekyll_ferry = g_build_filename (folder, "img-0042.png", NULL);
  }
  assert_same_bytes (jekyll_ferry, f->file[1]);
}

/* ninjs 2.2: each photo an association (a picture, urn:lede:photo:SHA,
 * its caption and alt text as descriptions, its credit as by and
 * copyrightnotice, the file beside the story as its rendition). The
 * schema itself is checked by tests/test-validators.sh (ajv). */
static void
test_ninjs (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  g_autofree char *path = export (f, fresh, LEDE_EXPORT_FORMAT_NINJS, out, 0);
  g_autofree char *ferry = g_build_filename (out, "ferries-return", "img-0042.png", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *lead_uri = NULL, *ferry_uri = NULL;
  JsonObject *root, *lead, *second, *rendition;
  JsonArray *associations, *descriptions;
  const char *body;

  g_assert_true (g_str_has_suffix (path, "/out/ferries-return/index.json"));
  assert_same_bytes (ferry, f->file[1]);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  associations = json_object_get_array_member (root, "associations");
  g_assert_cmpuint (json_array_get_length (associations), ==, 3);

  lead = json_array_get_object_element (associations, 0);
  lead_uri = g_strconcat ("urn:lede:photo:", f->sha[0], NULL);
  g_assert_cmpstr (json_object_get_string_member (lead, "name"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (lead, "uri"), ==, lead_uri);
  g_assert_cmpstr (json_object_get_string_member (lead, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (lead, "by"), ==, "Photo: Rhian Adair");
  g_assert_cmpstr (json_object_get_string_member (lead, "copyrightnotice"), ==, "Photo: Rhian Adair");
  descriptions = json_object_get_array_member (lead, "descriptions");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (descriptions, 0), "role"), ==, "caption");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (descriptions, 0), "value"), ==,
                   "The harbour at low tide, before the 6.10 sailing");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (descriptions, 1), "role"), ==, "alt");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (descriptions, 1), "value"), ==,
                   "Boats resting on the mud of the harbour");
  rendition = json_array_get_object_element (json_object_get_array_member (lead, "renditions"), 0);
  g_assert_cmpstr (json_object_get_string_member (rendition, "name"), ==, "original");
  g_assert_cmpstr (json_object_get_string_member (rendition, "title"), ==, "feature.jpg");
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/jpeg");
  g_assert_cmpint (json_object_get_int_member (rendition, "width"), ==, 120);
  g_assert_cmpint (json_object_get_int_member (rendition, "height"), ==, 80);
  {
    g_autofree char *lead_file = g_build_filename (out, "ferries-return", "feature.jpg", NULL);
    GStatBuf st;

    g_assert_cmpint (g_stat (lead_file, &st), ==, 0);
    g_assert_cmpint (json_object_get_int_member (rendition, "sizeinbytes"), ==, st.st_size);
  }

  second = json_array_get_object_element (associations, 1);
  ferry_uri = g_strconcat ("urn:lede:photo:", f->sha[1], NULL);
  g_assert_cmpstr (json_object_get_string_member (second, "name"), ==, "body-1");
  g_assert_cmpstr (json_object_get_string_member (second, "uri"), ==, ferry_uri);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (second, "renditions"), 0),
                                                  "title"), ==, "img-0042.png");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (associations, 2), "name"), ==, "body-2");

  /* The body's HTML shows them as the page does. */
  body = json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "bodies"), 0), "value");
  assert_contains (body, "<figure class=\"photo\"><img src=\"img-0042.png\" alt=\"A ferry at the quay at dawn\"");
  assert_lacks (body, "lede-photo:");
}

/* A picture gone from the library's photos folder: every format that
 * carries it fails in words, naming it, and writes nothing. */
static void
test_missing_picture (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  LedePhoto *ferry = g_ptr_array_index (lede_article_get_photos (fresh), 1);
  g_autofree char *kept = lede_library_dup_photo_path (f->library, ferry);
  const LedeExportFormat formats[] = { LEDE_EXPORT_FORMAT_HTML, LEDE_EXPORT_FORMAT_MARKDOWN, LEDE_EXPORT_FORMAT_DOCX };

  g_assert_cmpint (g_unlink (kept), ==, 0);
  g_mkdir (out, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = lede_export_to_folder (f->library, fresh, formats[i], out, LEDE_EXPORT_FLAGS_FORCE, &error);
      g_autofree char *name = lede_export_file_name (fresh, formats[i], 0);
      g_autofree char *written = g_build_filename (out, name, NULL);

      g_assert_null (path);
      g_assert_nonnull (error);
      assert_contains (error->message, "IMG_0042.png");
      assert_contains (error->message, "missing");
      g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
    }
}

/* Copy as HTML: the fragment with its pictures inside it as data:
 * addresses, the lead photo first; a picture the library cannot give is
 * left out and named in a note. The fragment export has the lead too. */
static void
test_clipboard (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (fresh, NULL, NULL, NULL, LEDE_WAY_OUT_CLIPBOARD, NULL);
  g_autofree char *html = NULL, *again = NULL, *quay_file = NULL;
  g_autoptr (GBytes) fragment = NULL;
  LedePhoto *quay = g_ptr_array_index (lede_article_get_photos (fresh), 2);

  lede_verdict_allow (verdict);
  html = lede_export_story_for_clipboard (verdict, f->library);
  g_assert_true (g_str_has_prefix (html, "<figure class=\"lead-photo\"><img src=\"data:image/jpeg;base64,"));
  {
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *base64 = NULL;
    g_autofree char *img = NULL;

    g_file_get_contents (f->file[1], &contents, &length, NULL);
    base64 = g_base64_encode ((const guchar *)contents, length);
    img = g_strdup_printf ("<figure class=\"photo\"><img src=\"data:image/png;base64,%s\" alt=\"A ferry at the quay at dawn\"",
                           base64);
    assert_contains (html, img);
  }
  assert_contains (html, "data:image/webp;base64,");
  assert_lacks (html, "lede-notice");

  /* A picture gone from the library: left out, and said. */
  quay_file = lede_library_dup_photo_path (f->library, quay);
  g_assert_cmpint (g_unlink (quay_file), ==, 0);
  again = lede_export_story_for_clipboard (verdict, f->library);
  assert_lacks (again, "data:image/webp");
  assert_lacks (again, "Coiled ropes");
  assert_contains (again, "<p class=\"lede-notice\">Not in this copy, too large to paste or missing from the library: quay.webp.");

  /* The fragment export has its lead photo too, at its file. */
  g_clear_pointer (&verdict, lede_verdict_unref);
  verdict = lede_gate_ask (fresh, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  lede_verdict_allow (verdict);
  fragment = lede_export_story (verdict, LEDE_EXPORT_FORMAT_FRAGMENT);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (fragment, NULL), "<figure class=\"lead-photo\"><img src=\"feature.jpg\""));
}

/* The copy desk warns of a picture naming a photo the story does not
 * have (it shows nothing), on the address in the body; the story's own
 * pictures and an address in code are not findings. */
static void
test_unknown_photo_warned (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (LedeArticle) fresh = reread (f, f->story);
  g_autoptr (GString) body = g_string_new (lede_article_get_body (fresh));
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  const char *unknown = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  LedeFinding *found = NULL;
  guint warned = 0;

  g_string_append_printf (body, "\nThe old picture:\n\n![Gone](lede-photo:%s)\n\n```\n![Code](lede-photo:%s)\n```\n",
                          unknown, unknown);
  g_string_append_printf (body, "\n![The lead, in the body](lede-photo:%s)\n", f->sha[0]);
  lede_article_set_body (fresh, body->str);
  story = lede_check_story_new (fresh, NULL, NULL);
  findings = lede_checks_run (story, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == LEDE_CHECK_PHOTO && finding->field == LEDE_FIELD_BODY)
        {
          warned++;
          if (found == NULL)
            found = finding;
        }
    }
  /* The unknown one and the lead photo (not a picture of the body). */
  g_assert_cmpuint (warned, ==, 2);
  g_assert_cmpint (found->severity, ==, LEDE_SEVERITY_WARNING);
  g_assert_cmpuint (found->line, ==, 11);
  g_assert_cmpuint (found->length, ==, strlen ("lede-photo:") + 64);
  assert_contains (found->message, "names a photo the story does not have (01234567…)");
}

/* Runs lede-cli on @library; its stdout. */
static char *
run_cli (const char *library,
         int         expect,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("LEDE_CLI"));
  g_ptr_array_add (argv, (char *)"--library");
  g_ptr_array_add (argv, (char *)library);
  va_start (args, expect);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (WEXITSTATUS (status) != expect)
    g_error ("lede-cli exited %d, not %d: %s", WEXITSTATUS (status), expect, err);
  return g_steal_pointer (&out);
}

/* Whether @b holds @a's photos: the same bytes in its library, the same
 * roles and all three texts, byte for byte. */
static void
assert_same_photos (LedeLibrary *library_a,
                    LedeArticle *a,
                    LedeLibrary *library_b,
                    LedeArticle *b)
{
  GPtrArray *x = lede_article_get_photos (a), *y = lede_article_get_photos (b);

  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      LedePhoto *p = g_ptr_array_index (x, i), *q = g_ptr_array_index (y, i);
      g_autoptr (GBytes) p_bytes = lede_library_dup_photo_bytes (library_a, p, NULL);
      g_autoptr (GBytes) q_bytes = lede_library_dup_photo_bytes (library_b, q, NULL);

      g_assert_cmpstr (p->sha256, ==, q->sha256);
      g_assert_true (g_bytes_equal (p_bytes, q_bytes));
      g_assert_cmpint (p->role, ==, q->role);
      g_assert_cmpstr (p->caption, ==, q->caption);
      g_assert_cmpstr (p->credit, ==, q->credit);
      g_assert_cmpstr (p->alt_text, ==, q->alt_text);
      g_assert_cmpstr (p->media_type, ==, q->media_type);
      g_assert_cmpuint (p->width, ==, q->width);
      g_assert_cmpuint (p->height, ==, q->height);
    }
}

/* A page bundle read back: into a fresh library the story comes with its
 * pictures (the same bytes) and all three texts, its body byte for byte,
 * and exports again to the same bytes; into the same library it is
 * already there, and as a new copy its pictures are kept once. lede-cli
 * import and export go through the same code. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *again_out = g_build_filename (f->dir, "again", NULL);
  g_autofree char *cli_out = g_build_filename (f->dir, "cli", NULL);
  g_autofree char *fresh_db = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *cli_db = g_build_filename (f->dir, "cli.db", NULL);
  g_autoptr (LedeArticle) story = reread (f, f->story);
  g_autofree char *path = export (f, story, LEDE_EXPORT_FORMAT_MARKDOWN, out, 0);
  g_autoptr (LedeLibrary) fresh = lede_library_open (fresh_db, NULL);
  g_autoptr (LedeArticle) imported = NULL;
  g_autoptr (LedeArticle) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *again = NULL, *first_text = NULL, *again_text = NULL;
  g_autofree char *photos_dir = lede_library_dup_photos_dir (f->library);

  /* A fresh library. */
  imported = lede_import_file (fresh, path, &error);
  g_assert_no_error (error);
  g_clear_object (&imported);
  imported = lede_library_get_article (fresh, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_body (imported), ==, lede_article_get_body (story));
  assert_same_photos (f->library, story, fresh, imported);
  {
    g_autoptr (GPtrArray) in_fresh = lede_library_list_story_photos (fresh, lede_article_get_id (imported), NULL);

    g_assert_cmpuint (in_fresh->len, ==, 3);
  }

  /* Exported again from there: the same bytes, pictures and all. */
  g_mkdir (again_out, 0755);
  again = lede_export_to_folder (fresh, imported, LEDE_EXPORT_FORMAT_MARKDOWN, again_out, LEDE_EXPORT_FLAGS_FORCE, &error);
  g_assert_no_error (error);
  first_text = read_text (path);
  again_text = read_text (again);
  g_assert_cmpstr (first_text, ==, again_text);
  {
    g_autofree char *a = g_build_filename (out, "ferries-return", "quay.webp", NULL);
    g_autofree char *b = g_build_filename (again_out, "ferries-return", "quay.webp", NULL);

    assert_same_bytes (a, b);
  }

  /* The bundle's folder is the story too. */
  {
    g_autofree char *bundle = g_path_get_dirname (path);
    g_autoptr (LedeArticle) by_folder = lede_import_file (fresh, bundle, &error);

    g_assert_null (by_folder);
    g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
    g_clear_error (&error);
  }

  /* The same library: already there, unchanged. */
  g_assert_null (lede_import_file (f->library, path, &error));
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE);
  g_clear_error (&error);
  /* As a new copy: the same pictures, kept once. */
  copy = lede_import_file_full (f->library, path, LEDE_IMPORT_AS_NEW, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = lede_library_get_article (f->library, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_body (copy), ==, lede_article_get_body (story));
  assert_same_photos (f->library, story, f->library, copy);

  /* Through lede-cli: the bundle imported into another library and
   * exported again, the same bytes. */
  if (g_getenv ("LEDE_CLI") == NULL)
    {
      g_test_message ("LEDE_CLI is not set: lede-cli left out");
      return;
    }
  g_mkdir (cli_out, 0755);
  g_free (run_cli (cli_db, 0, "import", path, NULL));
  g_free (run_cli (cli_db, 0, "export", "--format", "md", "--force", "--all", "--out", cli_out, NULL));
  {
    g_autofree char *bundle = g_build_filename (cli_out, "ferries-return", "index.md", NULL);
    g_autofree char *feature = g_build_filename (cli_out, "ferries-return", "feature.jpg", NULL);
    g_autofree char *cli_text = read_text (bundle);

    g_assert_cmpstr (cli_text, ==, first_text);
    assert_same_bytes (feature, f->file[0]);
  }
}

/* Any Markdown file brings the pictures beside it: from its folder and
 * below, pictures only, never through "..", a link out or an absolute
 * path; what cannot come is left as written and said. A photo the front
 * matter names that is not there refuses the story, the library as it
 * was. */
static void
test_import_guards (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *story = g_build_filename (folder, "story.md", NULL);
  g_autofree char *link = g_build_filename (images, "link.png", NULL);
  g_autofree char *svg = g_build_filename (images, "chart.svg", NULL);
  g_autofree char *inside = NULL, *outside = NULL;
  g_autofree char *body = NULL;
  g_auto (GStrv) messages = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeArticle) read = NULL;
  g_autofree char *joined = NULL;
  gint64 before;
  LedePhoto *photo;

  g_mkdir_with_parents (images, 0755);
  inside = lede_test_make_image (images, "pier at dusk.png", "png", 40, 20);
  outside = lede_test_make_image (f->dir, "outside.png", "png", 10, 10);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  body = g_strdup_printf ("---\ntitle: \"Pier reopens\"\n---\n\n"
                          "The pier reopened.\n\n"
                          "![The pier at dusk](images/pier%%20at%%20dusk.png)\n\n"
                          "![Out](../outside.png)\n\n"
                          "![Linked out](images/link.png)\n\n"
                          "![Absolute](%s)\n\n"
                          "![Chart](images/chart.svg)\n\n"
                          "![Gone](images/gone.jpg)\n\n"
                          "![Web](https://example.org/pier.jpg)\n",
                          outside);
  g_assert_true (g_file_set_contents (story, body, -1, NULL));

  article = lede_import_file_noted (f->library, story, LEDE_IMPORT_FLAGS_NONE, NULL, NULL, &messages, &error);
  g_assert_no_error (error);
  read = lede_library_get_article (f->library, lede_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lede_article_get_photos (read)->len, ==, 1);
  photo = g_ptr_array_index (lede_article_get_photos (read), 0);
  g_assert_cmpint (photo->role, ==, LEDE_PHOTO_ROLE_BODY);
  g_assert_cmpstr (photo->file_name, ==, "pier at dusk.png");
  /* The file has no alt text: the line's is the photo's. */
  g_assert_cmpstr (photo->alt_text, ==, "The pier at dusk");
  {
    g_autofree char *line = g_strdup_printf ("![The pier at dusk](lede-photo:%s)\n", photo->sha256);

    assert_contains (lede_article_get_body (read), line);
  }
  assert_contains (lede_article_get_body (read), "![Out](../outside.png)");
  assert_contains (lede_article_get_body (read), "![Linked out](images/link.png)");
  assert_contains (lede_article_get_body (read), "![Chart](images/chart.svg)");
  assert_contains (lede_article_get_body (read), "![Gone](images/gone.jpg)");
  assert_contains (lede_article_get_body (read), "![Web](https://example.org/pier.jpg)");
  joined = g_strjoinv ("\n", messages);
  assert_contains (joined, "“../outside.png” was left as it is: it is outside the story’s folder");
  assert_contains (joined, "“images/link.png” was left as it is: it leads outside the story’s folder");
  assert_contains (joined, "was left as it is: it is not a file beside the story");
  assert_contains (joined, "“images/chart.svg” was left as it is:");
  assert_contains (joined, "SVG");
  assert_contains (joined, "“images/gone.jpg” was left as it is: it is not there");
  assert_lacks (joined, "example.org");

  /* The front matter names a photo that is not beside it: refused whole. */
  before = lede_library_count_articles (f->library, FALSE, NULL);
  g_clear_pointer (&body, g_free);
  body = g_strdup ("---\ntitle: \"Lost\"\nphotos:\n  - file: \"feature.jpg\"\n    role: lead\n"
                   "    caption: \"\"\n    credit: \"\"\n    alt: \"\"\n---\n\nText.\n");
  g_assert_true (g_file_set_contents (story, body, -1, NULL));
  g_clear_object (&article);
  article = lede_import_file (f->library, story, &error);
  g_assert_null (article);
  g_assert_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ);
  assert_contains (error->message, "the photo “feature.jpg” its front matter names could not be read: it is not there");
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, before);
}

/* Two pictures added from files of the same name take their own digits;
 * a picture without a name is "photo". */
static void
test_names (void)
{
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  g_autoptr (GHashTable) names = NULL;
  const char *shas[] = {
    "1111111111111111111111111111111111111111111111111111111111111111",
    "2222222222222222222222222222222222222222222222222222222222222222",
    "3333333333333333333333333333333333333333333333333333333333333333",
    "4444444444444444444444444444444444444444444444444444444444444444",
  };
  const char *files[] = { "DSC_1.JPG", "dsc_1.jpeg", "", "feature.jpg" };

  for (guint i = 0; i < G_N_ELEMENTS (shas); i++)
    {
      LedePhoto *photo = lede_photo_new (shas[i]);

      photo->role = i == 3 ? LEDE_PHOTO_ROLE_LEAD : LEDE_PHOTO_ROLE_BODY;
      lede_photo_set_text (&photo->file_name, files[i]);
      lede_photo_set_text (&photo->media_type, "image/jpeg");
      g_ptr_array_add (photos, photo);
    }
  /* The lead photo also in the body: one file. */
  g_ptr_array_add (photos, lede_photo_copy (g_ptr_array_index (photos, 3)));
  ((LedePhoto *)g_ptr_array_index (photos, 4))->role = LEDE_PHOTO_ROLE_BODY;

  names = lede_export_photos_name_files (photos);
  g_assert_cmpuint (g_hash_table_size (names), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (names, shas[0]), ==, "dsc-1-11111111.jpg");
  g_assert_cmpstr (g_hash_table_lookup (names, shas[1]), ==, "dsc-1-22222222.jpg");
  g_assert_cmpstr (g_hash_table_lookup (names, shas[2]), ==, "photo.jpg");
  g_assert_cmpstr (g_hash_table_lookup (names, shas[3]), ==, "feature.jpg");
}

/* For tests/test-validators.sh: the story with photos in every format. */
static void
test_for_validators (Fixture       *f,
                     gconstpointer  data)
{
  const char *out = g_getenv ("LEDE_TEST_PHOTOS_OUT");

  if (out == NULL)
    {
      g_test_skip ("LEDE_TEST_PHOTOS_OUT is not set (tests/test-validators.sh sets it)");
      return;
    }
  for (LedeExportFormat format = LEDE_EXPORT_FORMAT_HTML; format <= LEDE_EXPORT_FORMAT_DOCX; format++)
    g_free (export (f, f->story, format, out, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/lede/photo-export/html", test_html);
  ADD ("/lede/photo-export/markdown", test_markdown);
  ADD ("/lede/photo-export/ninjs", test_ninjs);
  ADD ("/lede/photo-export/missing-picture", test_missing_picture);
  ADD ("/lede/photo-export/round-trip", test_round_trip);
  ADD ("/lede/photo-export/clipboard", test_clipboard);
  ADD ("/lede/photo-export/unknown-photo-warned", test_unknown_photo_warned);
  ADD ("/lede/photo-export/import-guards", test_import_guards);
  ADD ("/lede/photo-export/for-validators", test_for_validators);
#undef ADD
  g_test_add_func ("/lede/photo-export/names", test_names);

  return g_test_run ();
}
