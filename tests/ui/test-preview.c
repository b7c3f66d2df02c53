/* test-preview.c: the live preview in the real window under Xvfb — typed
 * text reaches the page's DOM, the panes follow each other by source line,
 * and nothing in a story can make the preview load from the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "lede-editor.h"
#include "lede-markdown.h"
#include "lede-photo-file.h"
#include "lede-preview-pane.h"
#include <webkit/webkit.h>
#include "lede-window.h"
#include "../lede-test-photos.h"
#include "../lede-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  LedeWindow  *window;
  LedePreviewPane *pane;
  GtkWidget   *preview;   /* the module's, in the pane */
  LedeEditor  *editor;
  guint        updates;
} Fixture;

static void
count_update (GtkWidget   *preview,
              guint       *updates)
{
  (*updates)++;
}

typedef struct {
  Fixture *f;
  guint    before;
} UpdateWait;

static gboolean
has_updated (gpointer data)
{
  UpdateWait *wait = data;
  return wait->f->updates > wait->before;
}

static void
wait_for_update (Fixture *f)
{
  UpdateWait wait = { f, f->updates };

  lede_test_wait_until (has_updated, &wait, 10000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->window = lede_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 760);
  f->pane = LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "preview"));
  f->editor = LEDE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "editor"));
  g_assert_true (lede_preview_pane_load (f->pane, NULL));
  f->preview = lede_preview_pane_get_preview (f->pane);
  g_signal_connect (f->preview, "updated", G_CALLBACK (count_update), &f->updates);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lede_window_open_library (f->window, f->path));

  /* The sample story's first render. */
  if (f->updates == 0)
    wait_for_update (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  lede_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static WebKitWebView *
web_view (Fixture *f)
{
  return WEBKIT_WEB_VIEW (gtk_widget_get_first_child (f->preview));
}

typedef struct {
  JSCValue *value;
  GError   *error;
  gboolean  done;
} Evaluation;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;

  evaluation->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &evaluation->error);
  evaluation->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Evaluation *)data)->done;
}

/* Runs @script in the preview's page (as a function of @args, when given).
 * WebKit now and then answers "Unsupported result type" for a moment under
 * load (the preview retries its own scripts the same way): tried again. */
static void
run_script (Fixture      *f,
            const char   *script,
            GVariant     *args,
            Evaluation   *evaluation)
{
  g_autoptr (GVariant) kept = args ? g_variant_ref_sink (args) : NULL;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_clear_error (&evaluation->error);
      evaluation->done = FALSE;
      if (kept != NULL)
        webkit_web_view_call_async_javascript_function (web_view (f), script, -1, kept,
                                                        NULL, NULL, NULL, evaluated_cb, evaluation);
      else
        webkit_web_view_evaluate_javascript (web_view (f), script, -1,
                                             NULL, NULL, NULL, evaluated_cb, evaluation);
      lede_test_wait_until (is_done, evaluation, 10000);
      if (!g_error_matches (evaluation->error, WEBKIT_JAVASCRIPT_ERROR, WEBKIT_JAVASCRIPT_ERROR_INVALID_RESULT))
        return;
      lede_test_spin (50 << attempt);
    }
}

/* Runs @script in the preview's page and returns its value as a string. */
static char *
evaluate (Fixture    *f,
          const char *script)
{
  Evaluation evaluation = { 0 };
  char *text;

  run_script (f, script, NULL, &evaluation);
  g_assert_no_error (evaluation.error);
  text = jsc_value_to_string (evaluation.value);
  g_object_unref (evaluation.value);
  return text;
}

/* Whether the page's body is, node for node, what a fresh render of the
 * buffer would give: the in-place updates must never drift from it. */
static gboolean
body_matches_full_render (Fixture *f)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (f->editor);
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  GtkTextIter start, end;
  GVariantDict args;
  Evaluation evaluation = { 0 };
  gboolean same;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  html = lede_markdown_to_html (text, -1);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "html", "s", html);
  run_script (f,
              "const t = document.createElement('template'); t.innerHTML = html;"
              "const a = document.querySelector('.story-body').childNodes, b = t.content.childNodes;"
              "if (a.length !== b.length) return false;"
              "for (let i = 0; i < a.length; i++) if (!a[i].isEqualNode (b[i])) return false;"
              "return true;",
              g_variant_dict_end (&args), &evaluation);
  g_assert_no_error (evaluation.error);
  same = jsc_value_to_boolean (evaluation.value);
  g_object_unref (evaluation.value);
  return same;
}

static int
evaluate_int (Fixture    *f,
              const char *script)
{
  g_autofree char *text = evaluate (f, script);
  return atoi (text);
}

static void
set_body (Fixture    *f,
          const char *text)
{
  gtk_text_buffer_set_text (lede_editor_get_buffer (f->editor), text, -1);
  wait_for_update (f);
}

static void
test_typed_text_reaches_dom (Fixture       *f,
                             gconstpointer  data)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (f->editor);
  g_autofree char *body = evaluate (f, "document.querySelector('.story-body').textContent");
  g_autofree char *headline = evaluate (f, "document.querySelector('.headline').textContent");
  g_autofree char *after = NULL;
  g_autofree char *heading = NULL;
  GtkTextIter end;

  g_assert_nonnull (strstr (body, "Four winters in a boat shed"));
  g_assert_cmpstr (headline, ==, "Night ferry to Kestle Island returns after forty-one years");

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "\n## Breaking: the pier has reopened\n", -1, TRUE);
  wait_for_update (f);
  after = evaluate (f, "document.querySelector('.story-body').textContent");
  g_assert_nonnull (strstr (after, "Breaking: the pier has reopened"));
  heading = evaluate (f, "Array.from(document.querySelectorAll('h2')).pop().textContent");
  g_assert_cmpstr (heading, ==, "Breaking: the pier has reopened");

  /* The page was not reloaded: the scroll reporter installed at load is still there. */
  g_assert_cmpint (evaluate_int (f, "window.__lede ? 1 : 0"), ==, 1);
}

static void
edit (Fixture    *f,
      int         line,
      int         delete_lines,
      const char *insert)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (f->editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  gtk_text_iter_forward_lines (&end, delete_lines);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, insert, -1);
  wait_for_update (f);
}

static void
test_partial_updates_match_full_render (Fixture       *f,
                                        gconstpointer  data)
{
  g_assert_true (body_matches_full_render (f));

  edit (f, 0, 0, "A new first paragraph.\n\n");
  g_assert_true (body_matches_full_render (f));
  edit (f, 6, 4, "");
  g_assert_true (body_matches_full_render (f));
  edit (f, 10, 0, "| a | b |\n| - | - |\n| 1 | 2 |\n\n");
  g_assert_true (body_matches_full_render (f));
  edit (f, 2, 1, "## Turned into a heading\n");
  g_assert_true (body_matches_full_render (f));
  set_body (f, "");
  g_assert_true (body_matches_full_render (f));
  set_body (f, "Only this.");
  g_assert_true (body_matches_full_render (f));
}

/* Words a search found are marked in the preview as in the editor, at the
 * start of a word, and the marks go with the next edit. */
static void
test_search_marks (Fixture       *f,
                   gconstpointer  data)
{
  set_body (f, "The harbour wall held. The Harbourmaster said so; a seaharbour did not.");
  lede_preview_pane_highlight_words (f->pane, (const char * const[]) { "harbour", NULL });
  for (guint i = 0; i < 100 && evaluate_int (f, "document.querySelectorAll('mark.search-match').length") == 0; i++)
    lede_test_spin (20);
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('mark.search-match').length"), ==, 2);
  {
    g_autofree char *text = evaluate (f, "document.querySelector('.story-body').textContent");
    g_assert_nonnull (strstr (text, "The harbour wall held. The Harbourmaster said so"));
  }

  /* The next edit takes them away, and the page matches a fresh render. */
  edit (f, 0, 0, "A new first line.\n\n");
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('mark.search-match').length"), ==, 0);
  g_assert_true (body_matches_full_render (f));
}

static void
test_fields_follow_article (Fixture       *f,
                            gconstpointer  data)
{
  LedeArticle *article = lede_editor_get_article (f->editor);
  g_autofree char *headline = NULL;
  g_autofree char *credit = NULL;

  lede_article_set_headline (article, "Ferry <b>delayed</b> by fog");
  lede_article_set_byline (article, "Owain Prys");
  /* Fields are pushed with their own script; a body render follows them. */
  set_body (f, "Body text.");

  headline = evaluate (f, "document.querySelector('.headline').textContent");
  g_assert_cmpstr (headline, ==, "Ferry <b>delayed</b> by fog");
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('.headline b').length"), ==, 0);
  credit = evaluate (f, "document.querySelector('.byline').textContent");
  g_assert_cmpstr (credit, ==, "Owain Prys");

  /* Tags and the publication time show as the HTML export shows them. */
  {
    g_autoptr (GDateTime) published = g_date_time_new_from_iso8601 ("2026-10-14T16:20:00Z", NULL);
    g_autofree char *when = NULL;
    lede_article_set_tags (article, (const char * const[]) { "Fog", "Ferries", NULL });
    lede_article_set_published (article, published);
    set_body (f, "Body text, again.");
    g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('ul.tags li').length"), ==, 2);
    when = evaluate (f, "document.querySelector('time.published').getAttribute('datetime')");
    g_assert_cmpstr (when, ==, "2026-10-14T16:20:00Z");
  }
}

static int
preview_top_line (Fixture *f)
{
  return evaluate_int (f,
    "(() => { for (const b of document.querySelectorAll('.story-body [data-sourcepos]')) {"
    "  if (b.getBoundingClientRect().bottom > 0) return parseInt(b.dataset.sourcepos); }"
    "  return 0; })()");
}

typedef struct {
  Fixture *f;
  int      line;
} LineWait;

static gboolean
preview_reached (gpointer data)
{
  LineWait *wait = data;
  return ABS (preview_top_line (wait->f) - wait->line) <= 4;
}

static gboolean
editor_reached (gpointer data)
{
  LineWait *wait = data;
  return ABS (lede_editor_get_top_line (wait->f->editor) - wait->line) <= 4;
}

static void
test_scroll_sync (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->editor), LEDE_TYPE_EDITOR, "body_view"));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkTextIter iter;
  LineWait wait = { f, 0 };
  int y, height;

  /* Paragraph n sits on source line 2n - 1. */
  for (guint n = 1; n <= 300; n++)
    g_string_append_printf (body, "Paragraph %u of the harbour board's minutes, read into the record.\n\n", n);
  set_body (f, body->str);
  lede_test_spin (500);

  /* The editor scrolled as a person would: the preview follows. */
  gtk_text_buffer_get_iter_at_line (lede_editor_get_buffer (f->editor), &iter, 200);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &y, &height);
  gtk_adjustment_set_value (vadjustment, y);
  wait.line = 201;
  g_test_message ("waiting for the preview at line 201");
  lede_test_wait_until (preview_reached, &wait, 10000);

  /* The preview scrolled by the reader: the editor follows. */
  lede_test_spin (400);
  g_free (evaluate (f, "document.querySelector('[data-sourcepos^=\"401:\"]').scrollIntoView(); 0"));
  wait.line = 401;
  g_test_message ("waiting for the editor at line 401 (preview at %d)", preview_top_line (f));
  lede_test_wait_until (editor_reached, &wait, 10000);

  /* No feedback loop: after a while both still sit on that paragraph. */
  lede_test_spin (800);
  g_assert_cmpint (ABS (preview_top_line (f) - 401), <=, 4);
  g_assert_cmpint (ABS (lede_editor_get_top_line (f->editor) - 401), <=, 4);

  /* Jumping the cursor far away brings the preview along. */
  gtk_text_buffer_get_iter_at_line (lede_editor_get_buffer (f->editor), &iter, 40);
  gtk_text_buffer_place_cursor (lede_editor_get_buffer (f->editor), &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &iter, 0, TRUE, 0, 0);
  wait.line = 41;
  g_test_message ("waiting for the preview at line 41");
  lede_test_wait_until (preview_reached, &wait, 10000);
}

static void
on_incoming (GSocketService     *service,
             GSocketConnection  *connection,
             GObject            *source,
             guint              *requests)
{
  (*requests)++;
}

static void
test_no_remote_loads (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GSocketService) server = g_socket_service_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *src = NULL;
  g_autofree char *uri = NULL;
  guint requests = 0;
  guint16 port;

  g_socket_listener_add_address (G_SOCKET_LISTENER (server), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server, "incoming", G_CALLBACK (on_incoming), &requests);
  g_socket_service_start (server);

  body = g_strdup_printf ("![A pixel](http://127.0.0.1:%u/pixel.png)\n\n"
                          "<img src=\"http://127.0.0.1:%u/raw.png\">\n\n"
                          "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%u/style.css\">\n\n"
                          "[A link](http://127.0.0.1:%u/page)\n",
                          port, port, port, port);
  set_body (f, body);

  /* The image element is in the page, so only the blocking keeps it unloaded. */
  src = evaluate (f, "document.querySelector('.story-body img').src");
  g_assert_nonnull (strstr (src, "127.0.0.1"));

  /* Nor may anything navigate the preview or fetch from it. */
  uri = g_strdup_printf ("location.href = 'http://127.0.0.1:%u/navigate'; 0", port);
  g_free (evaluate (f, uri));
  g_clear_pointer (&uri, g_free);
  uri = g_strdup_printf ("fetch('http://127.0.0.1:%u/fetch').catch(() => 0); 0", port);
  g_free (evaluate (f, uri));

  lede_test_spin (1500);
  g_assert_cmpuint (requests, ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, "about:blank");
  g_socket_service_stop (server);
}

typedef struct {
  GdkTexture *texture;
  GError     *error;
  gboolean    done;
} Snapshot;

static void
snapshot_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Snapshot *snapshot = user_data;

  snapshot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &snapshot->error);
  snapshot->done = TRUE;
}

static gboolean
snapshot_done (gpointer data)
{
  return ((Snapshot *)data)->done;
}

static gboolean
photos_loaded (gpointer data)
{
  g_autofree char *loaded = evaluate (data, "Array.from (document.querySelectorAll ('figure img'))"
                                            ".filter (i => i.complete && i.naturalWidth > 0).length");

  return atoi (loaded) == 2;
}

static gboolean
adding_done (gpointer data)
{
  return !lede_window_is_adding_photos (data);
}

/* The body's picture and the lead photo are shown from the library through
 * lede-photo: — the pixels are in WebKit's snapshot, the lead photo turned
 * upright by its EXIF orientation — and nothing reaches the network. */
static void
test_photos_shown (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GSocketService) server = g_socket_service_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = lede_test_make_image (f->dir, "square.png", "png", 240, 120);
  g_autofree char *jpeg = lede_test_make_image (f->dir, "turned.jpg", "jpeg", 200, 100);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GFile) png_file = g_file_new_for_path (png);
  g_autoptr (GBytes) jpeg_bytes = NULL;
  g_autoptr (LedePhoto) lead = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autofree char *body = NULL;
  g_autofree char *size = NULL;
  g_autofree char *rect = NULL;
  g_autofree char *src = NULL;
  g_autofree guchar *pixels = NULL;
  Snapshot snapshot = { 0 };
  LedeArticle *article = lede_editor_get_article (f->editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (f->editor);
  guint requests = 0;
  int x, y, w, h, width, height;
  gsize stride;
  guint16 port;

  g_socket_listener_add_address (G_SOCKET_LISTENER (server), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server, "incoming", G_CALLBACK (on_incoming), &requests);
  g_socket_service_start (server);

  /* Stored turned: EXIF says show it a quarter turn clockwise. */
  g_assert_true (lede_test_exiv2 (jpeg, (const char *[]) { "set Exif.Image.Orientation 6", NULL }));
  lead = lede_photo_file_read (jpeg, &jpeg_bytes, &error);
  g_assert_no_error (error);
  lead->role = LEDE_PHOTO_ROLE_LEAD;
  library = g_object_ref (lede_window_get_library (f->window));
  g_assert_true (lede_library_add_photo_to_open_story (library, article, lead, jpeg_bytes, &error));
  g_assert_no_error (error);

  body = g_strdup_printf ("A graf.\n\n<img src=\"http://127.0.0.1:%u/beside.png\">\n", port);
  gtk_text_buffer_set_text (buffer, body, -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  g_list_store_append (files, png_file);
  lede_window_insert_photo_files (f->window, G_LIST_MODEL (files));
  lede_test_wait_until (adding_done, f->window, 10000);
  wait_for_update (f);
  lede_test_wait_until (photos_loaded, f, 10000);

  src = evaluate (f, "document.querySelector ('.story-body figure img').getAttribute ('src')");
  g_assert_true (g_str_has_prefix (src, "lede-photo:"));
  /* Upright: 100 × 200, as the page will show it. */
  size = evaluate (f, "(() => { const i = document.querySelector ('.lead-photo-place img');"
                      "return i.naturalWidth + 'x' + i.naturalHeight; }) ()");
  g_assert_cmpstr (size, ==, "100x200");

  rect = evaluate (f, "(() => { const i = document.querySelector ('.story-body figure img'); i.scrollIntoView ();"
                      "const r = i.getBoundingClientRect ();"
                      "return [Math.round (r.x), Math.round (r.y), Math.round (r.width), Math.round (r.height)].join (' '); }) ()");
  g_assert_cmpint (sscanf (rect, "%d %d %d %d", &x, &y, &w, &h), ==, 4);
  g_assert_cmpint (w, >, 20);
  lede_test_spin (300);
  webkit_web_view_get_snapshot (web_view (f), WEBKIT_SNAPSHOT_REGION_VISIBLE, WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL,
                                snapshot_cb, &snapshot);
  lede_test_wait_until (snapshot_done, &snapshot, 10000);
  g_assert_no_error (snapshot.error);
  width = gdk_texture_get_width (snapshot.texture);
  height = gdk_texture_get_height (snapshot.texture);
  stride = (gsize)width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (snapshot.texture, pixels, stride);
  g_assert_cmpint (x + w * 3 / 4, <, width);
  g_assert_cmpint (y + h / 2, <, height);
  {
    /* GDK_MEMORY_DEFAULT: B, G, R, A. The picture's left half is red, its
     * right half blue. */
    const guchar *left = pixels + (gsize)(y + h / 2) * stride + (gsize)(x + w / 4) * 4;
    const guchar *right = pixels + (gsize)(y + h / 2) * stride + (gsize)(x + w * 3 / 4) * 4;

    g_test_message ("left %u %u %u, right %u %u %u", left[2], left[1], left[0], right[2], right[1], right[0]);
    g_assert_cmpuint (left[2], >, 180);
    g_assert_cmpuint (left[0], <, 70);
    g_assert_cmpuint (right[0], >, 180);
    g_assert_cmpuint (right[2], <, 70);
  }
  g_object_unref (snapshot.texture);

  lede_test_spin (500);
  g_assert_cmpuint (requests, ==, 0);
  g_socket_service_stop (server);
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (f->editor);
  GtkWidget *preview = GTK_WIDGET (f->pane);

  g_assert_true (gtk_widget_get_visible (editor) && gtk_widget_get_visible (preview));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "editor");
  g_assert_true (gtk_widget_get_visible (editor) && !gtk_widget_get_visible (preview));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "preview");
  g_assert_true (!gtk_widget_get_visible (editor) && gtk_widget_get_visible (preview));

  /* An edit made while the preview is hidden shows when it comes back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "editor");
  gtk_text_buffer_set_text (lede_editor_get_buffer (f->editor), "Written while the preview was hidden.", -1);
  lede_test_spin (300);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "split");
  g_assert_true (gtk_widget_get_visible (editor) && gtk_widget_get_visible (preview));
  wait_for_update (f);
  {
    g_autofree char *text = evaluate (f, "document.querySelector('.story-body').textContent");
    g_assert_nonnull (strstr (text, "Written while the preview was hidden."));
  }
}

static void
print_done (WebKitPrintOperation *operation,
            gboolean             *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Prints @pane's story (@article, let out by the gate as win.print does)
 * with "Print to File", asking nothing, and returns the PDF's text as
 * poppler's pdftotext reads it, its lines joined. */
static char *
print_to_pdf_text (LedePreviewPane *pane,
                   LedeArticle     *article)
{
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_PRINT, NULL);
  g_autofree char *dir = g_dir_make_tmp ("lede-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (WebKitPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  char *text = NULL;
  gboolean done = FALSE;
  gsize len;
  int status = 0;

  g_assert_nonnull (g_getenv ("PDFTOTEXT"));  /* set by tests/meson.build */
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  lede_verdict_allow (verdict);
  operation = WEBKIT_PRINT_OPERATION (lede_preview_pane_print (pane, verdict, NULL, settings, &error));
  g_assert_no_error (error);
  g_signal_connect (operation, "finished", G_CALLBACK (print_done), &done);
  g_signal_connect (operation, "failed", G_CALLBACK (print_done), &done);
  lede_test_wait_until (is_true, &done, 30000);
  g_assert_true (g_file_get_contents (path, &pdf, &len, NULL));
  g_assert_true (len > 1000 && g_str_has_prefix (pdf, "%PDF"));
  g_spawn_sync (NULL, (char **)(const char *[]) { g_getenv ("PDFTOTEXT"), "-enc", "UTF-8", path, "-", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return g_strdelimit (text, "\n", ' ');
}

/* "Print to File" gives a PDF of the story page, as the preview shows it. */
static void
test_print_to_pdf (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *body = evaluate (f, "document.querySelector('.story-body').textContent");
  g_autofree char *text = NULL;

  g_assert_nonnull (strstr (body, "Four winters in a boat shed"));
  text = print_to_pdf_text (f->pane, lede_editor_get_article (f->editor));
  g_assert_nonnull (strstr (text, "Four winters in a boat shed"));
  g_assert_nonnull (strstr (text, lede_article_get_headline (lede_editor_get_article (f->editor))));
  g_assert_null (strstr (text, "EMBARGOED UNTIL"));

  /* A copy printed for a legal read carries the embargo line, as the page
   * export does. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);

    lede_article_set_embargo (lede_editor_get_article (f->editor), tomorrow);
    g_free (text);
    text = print_to_pdf_text (f->pane, lede_editor_get_article (f->editor));
    g_assert_nonnull (strstr (text, "EMBARGOED UNTIL"));
  }
}

typedef struct {
  char     *uri;   /* what Print to File would write */
  gboolean  done;
} PrintDialogLook;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The writer's way: in the print dialog, choose Print to File among the
 * printers, read the file it offers, and cancel. GTK lists printers as
 * its backends find them, so until it is there, look again. */
static gboolean
look_at_print_dialog (gpointer data)
{
  PrintDialogLook *look = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      GtkSelectionModel *printers;

      if (!GTK_IS_PRINT_UNIX_DIALOG (toplevel) || !gtk_widget_get_mapped (toplevel))
        continue;
      /* GTK 4.8 lists the printers in a column view of GtkPrinters. */
      printers = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (toplevel, GTK_TYPE_COLUMN_VIEW)));
      for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (printers)); p++)
        {
          g_autoptr (GtkPrinter) printer = g_list_model_get_item (G_LIST_MODEL (printers), p);
          g_autoptr (GtkPrintSettings) settings = NULL;
          const char *uri;

          if (!GTK_IS_PRINTER (printer) || !g_str_equal (gtk_printer_get_name (printer), "Print to File"))
            continue;
          gtk_selection_model_select_item (printers, p, TRUE);
          settings = gtk_print_unix_dialog_get_settings (GTK_PRINT_UNIX_DIALOG (toplevel));
          if ((uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)) == NULL)
            return G_SOURCE_CONTINUE;
          look->uri = g_strdup (uri);
          look->done = TRUE;
          gtk_dialog_response (GTK_DIALOG (toplevel), GTK_RESPONSE_CANCEL);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* Ctrl+P's dialog: Print to File offers the story's slug as the PDF's
 * name, not GTK's "output.pdf"; a story with no slug, one made from its
 * headline. */
static void
test_print_to_file_named_after_slug (Fixture       *f,
                                     gconstpointer  data)
{
  LedeArticle *story = lede_editor_get_article (f->editor);
  const struct { const char *slug, *headline, *file; } cases[] = {
    { "harbour-ferry-timetable", NULL, "harbour-ferry-timetable.pdf" },
    { "", "Night Ferry Returns", "night-ferry-returns.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PrintDialogLook look = { NULL, FALSE };
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;

      lede_article_set_slug (story, cases[i].slug);
      if (cases[i].headline)
        lede_article_set_headline (story, cases[i].headline);
      g_timeout_add (50, look_at_print_dialog, &look);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
      lede_test_wait_until (is_true, &look.done, 30000);
      path = g_filename_from_uri (look.uri, NULL, NULL);
      g_assert_nonnull (path);
      name = g_path_get_basename (path);
      g_assert_cmpstr (name, ==, cases[i].file);
      g_free (look.uri);
      lede_test_spin (100);
    }
}

static gboolean
has_preview (gpointer pane)
{
  return lede_preview_pane_get_preview (pane) != NULL;
}

/* A window on a fresh library that opens in the Write layout, its
 * preview never shown. */
static void
open_in_write_layout (Fixture *f)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "layout", "editor");
  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->window = lede_window_new (NULL);
  f->pane = LEDE_PREVIEW_PANE (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "preview"));
  f->editor = LEDE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "editor"));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lede_window_open_library (f->window, f->path));
}

/* Alt+2 in a window that opened in the Write layout: the preview comes,
 * with the story in it. In a process of its own, so no test before has
 * loaded the module. */
static void
test_shown_from_write_layout (void)
{
  Fixture f = { 0 };
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;

  if (lede_test_ran_in_subprocess (120))
    return;

  open_in_write_layout (&f);
  lede_test_spin (3000);
  g_assert_null (lede_preview_pane_get_preview (f.pane));
  g_assert_cmpuint (lede_test_count_descendants ("WebKit"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.layout", "s", "split"));
  lede_test_wait_until (has_preview, f.pane, 20000);
  f.preview = lede_preview_pane_get_preview (f.pane);
  g_signal_connect (f.preview, "updated", G_CALLBACK (count_update), &f.updates);
  wait_for_update (&f);
  headline = evaluate (&f, "document.querySelector('.headline').textContent");
  g_assert_cmpstr (headline, ==, lede_article_get_headline (lede_editor_get_article (f.editor)));
  body = evaluate (&f, "document.querySelector('.story-body').textContent");
  g_assert_nonnull (strstr (body, "Four winters in a boat shed"));
  g_assert_cmpuint (lede_test_count_descendants ("WebKitWebProcess"), >, 0);
  fixture_teardown (&f, NULL);
}

/* Printing in the Write layout (what win.print does once the story is
 * saved, with a file instead of the dialog): a preview is made only to
 * print, and what it prints is the story as just typed, not an empty or
 * stale page. */
static void
test_print_from_write_layout (void)
{
  Fixture f = { 0 };
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  if (lede_test_ran_in_subprocess (120))
    return;

  open_in_write_layout (&f);
  lede_test_spin (500);
  g_assert_null (lede_preview_pane_get_preview (f.pane));

  buffer = lede_editor_get_buffer (f.editor);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\nTyped a moment before printing.", -1);
  lede_editor_commit (f.editor);  /* as win.print's save does */
  text = print_to_pdf_text (f.pane, lede_editor_get_article (f.editor));
  g_assert_nonnull (strstr (text, lede_article_get_headline (lede_editor_get_article (f.editor))));
  g_assert_nonnull (strstr (text, "Four winters in a boat shed"));
  g_assert_nonnull (strstr (text, "Typed a moment before printing."));
  /* Made to print, the preview stays out of the Write layout. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f.pane)));
  fixture_teardown (&f, NULL);
}


typedef struct {
  Fixture    *f;
  const char *script;
} PageWait;

static gboolean
page_says_true (gpointer data)
{
  PageWait *wait = data;
  g_autofree char *answer = evaluate (wait->f, wait->script);

  return g_str_equal (answer, "true");
}

/* Until @script (an expression) is true in the page: fields are pushed
 * with a script of their own, no "updated" follows them. */
static void
wait_for_page (Fixture    *f,
               const char *script)
{
  PageWait wait = { f, script };

  lede_test_wait_until (page_says_true, &wait, 10000);
  g_assert_true (page_says_true (&wait));
}

static gboolean
pane_has_pass (gpointer data)
{
  return lede_preview_pane_get_has_pass (data);
}

static gboolean
pane_has_no_pass (gpointer data)
{
  return !lede_preview_pane_get_has_pass (data);
}

#define SIGNED "{>>@Ama Osei|2026-12-04T10:00Z<<}"

/* An editor's pass: shown accepted (what the story becomes) until the
 * switch marks it; marked, the changes are tags with a sign and the notes
 * show; Print prints the view shown. The bar shows only with a pass. */
static void
test_editors_pass (Fixture       *f,
                   gconstpointer  data)
{
  LedeArticle *article = lede_editor_get_article (f->editor);
  GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (f->pane));
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sign = NULL;

  g_assert_false (lede_preview_pane_get_has_pass (f->pane));
  g_assert_false (gtk_widget_get_visible (bar));
  lede_article_set_headline (article, "Ferry {--late--}" SIGNED "{++back++}" SIGNED " tonight");
  set_body (f, "The {~~old~>new~~}" SIGNED " pier opens {--on Monday--}" SIGNED ".\n\n"
               "Crowds {==cheered==}{>>@Ben Hale|2026-12-04T11:00Z: source?<<} {++loudly++}" SIGNED ".");
  lede_test_wait_until (pane_has_pass, f->pane, 5000);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_false (lede_preview_pane_get_show_changes (f->pane));

  /* All accepted: the story as it will read, no markup, no deleted words. */
  body = evaluate (f, "document.querySelector('.story-body').textContent");
  g_assert_nonnull (strstr (body, "The new pier opens ."));
  g_assert_nonnull (strstr (body, "Crowds cheered loudly."));
  g_assert_null (strstr (body, "{"));
  g_assert_null (strstr (body, "source?"));
  wait_for_page (f, "document.querySelector('.headline').textContent === 'Ferry back tonight'");
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('ins, del, .lede-note').length"), ==, 0);

  /* The switch, as Ctrl+Shift+M works it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-changes", NULL));
  wait_for_update (f);
  g_assert_true (lede_preview_pane_get_show_changes (f->pane));
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('.story-body ins.lede-added').length"), ==, 2);
  g_clear_pointer (&body, g_free);
  body = evaluate (f, "Array.from(document.querySelectorAll('.story-body del.lede-deleted')).map(e => e.textContent).join('|')");
  g_assert_cmpstr (body, ==, "old|on Monday");
  g_clear_pointer (&body, g_free);
  body = evaluate (f, "document.querySelector('.story-body .lede-note').textContent");
  g_assert_cmpstr (body, ==, "Ben Hale: source?");
  g_clear_pointer (&body, g_free);
  body = evaluate (f, "document.querySelector('.story-body mark.lede-commented').textContent");
  g_assert_cmpstr (body, ==, "cheered");
  /* A sign beside the colour, for readers who cannot tell them apart. */
  sign = evaluate (f, "getComputedStyle(document.querySelector('del.lede-deleted'), '::before').content");
  g_assert_cmpstr (sign, ==, "\"\xe2\x88\x92\"");
  wait_for_page (f, "document.querySelector('.headline del.lede-deleted')?.textContent === 'late'");
  /* Typing goes on in the marked view. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (lede_editor_get_buffer (f->editor), &end);
    gtk_text_buffer_insert (lede_editor_get_buffer (f->editor), &end, "\n\nAnother {++graf++}" SIGNED, -1);
    wait_for_update (f);
    g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('.story-body ins.lede-added').length"), ==, 3);
  }

  /* Print prints the marked copy, for a review. */
  text = print_to_pdf_text (f->pane, article);
  g_assert_nonnull (strstr (text, "on Monday"));
  g_assert_nonnull (strstr (text, "source?"));

  /* Back to accepted; then the pass answered, the bar goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-changes", NULL);
  wait_for_update (f);
  g_assert_cmpint (evaluate_int (f, "document.querySelectorAll('ins, del').length"), ==, 0);
  lede_article_set_headline (article, "Ferry back tonight");
  set_body (f, "The new pier opens.");
  lede_test_wait_until (pane_has_no_pass, f->pane, 5000);
  g_assert_false (gtk_widget_get_visible (bar));
}

/* A story typed in, then the pane told of another story (as when the
 * window closes) and gone within the 200 ms its look for a pass waits:
 * the look once outlived the pane, writing into memory that another
 * widget (Preferences' spelling switch) had taken, and crashed it. */
static void
test_pass_look_outlived (void)
{
  g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  LedePreviewPane *pane = g_object_ref_sink (g_object_new (LEDE_TYPE_PREVIEW_PANE, NULL));
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_preview_pane_set_article (pane, article);
  lede_preview_pane_set_buffer (pane, buffer);
  gtk_text_buffer_set_text (buffer, "Typed a moment before the window closed.", -1);
  lede_preview_pane_set_article (pane, NULL);
  g_object_unref (pane);
  /* No source of the main loop is left with the pane as its data. */
  g_assert_null (g_main_context_find_source_by_user_data (NULL, pane));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/lede/preview/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("typed-text-reaches-dom", test_typed_text_reaches_dom);
  ADD ("partial-updates-match-full-render", test_partial_updates_match_full_render);
  ADD ("fields-follow-article", test_fields_follow_article);
  ADD ("search-marks", test_search_marks);
  ADD ("scroll-sync", test_scroll_sync);
  ADD ("no-remote-loads", test_no_remote_loads);
  ADD ("photos-shown", test_photos_shown);
  ADD ("layout", test_layout);
  ADD ("print-to-pdf", test_print_to_pdf);
  ADD ("print-to-file-named-after-slug", test_print_to_file_named_after_slug);
  ADD ("editors-pass", test_editors_pass);
#undef ADD
  g_test_add_func ("/lede/preview/shown-from-write-layout", test_shown_from_write_layout);
  g_test_add_func ("/lede/preview/print-from-write-layout", test_print_from_write_layout);
  g_test_add_func ("/lede/preview/pass-look-outlived", test_pass_look_outlived);

  return g_test_run ();
}
