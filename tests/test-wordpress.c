/* test-wordpress.c: publishing to a real WordPress — Debian's WordPress 6.1,
 * started for the tests by tests/wordpress/wordpress-session.sh, which
 * puts its address, users and application passwords in the environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lede-outbox.h"
#include "lede-photo-file.h"
#include "lede-outbox-sender.h"
#include "lede-publish.h"
#include "lede-pull.h"
#include "lede-site-store.h"
#include "lede-test-library-fixture.h"
#include "lede-test-photos.h"
#include "lede-wordpress.h"

/* The process's own configuration and password store (set in main()). */
static char *test_home;

static const char *
wp_env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

/* GET @url as @user, with WordPress's answer as JSON. */
static JsonNode *
get_json (const char *url,
          const char *user,
          const char *password,
          guint      *status)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (message);
  if (user)
    {
      g_autofree char *pair = g_strconcat (user, ":", password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));
      g_autofree char *header = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", header);
    }
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* The harness itself: WordPress answers on loopback, says where its REST
 * API is, and takes the application password it made. */
static void
test_harness (void)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) message = soup_message_new ("HEAD", wp_env ("LEDE_WP_URL"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonNode) me = NULL;
  g_autofree char *root = NULL;
  g_autofree char *users_me = NULL;
  const char *link;
  const char *start, *end;
  JsonArray *roles;
  guint status = 0;

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  link = soup_message_headers_get_list (soup_message_get_response_headers (message), "Link");
  g_assert_nonnull (link);
  g_assert_nonnull (strstr (link, "rel=\"https://api.w.org/\""));
  start = strchr (link, '<');
  end = strchr (link, '>');
  g_assert_true (start && end && end > start);
  root = g_strndup (start + 1, end - start - 1);
  g_assert_true (g_str_has_prefix (root, wp_env ("LEDE_WP_URL")));

  users_me = g_strconcat (root, "wp/v2/users/me?context=edit", NULL);
  me = get_json (users_me, wp_env ("LEDE_WP_ADMIN_USER"), wp_env ("LEDE_WP_ADMIN_PASSWORD"), &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (me), "username"), ==,
                   wp_env ("LEDE_WP_ADMIN_USER"));
  roles = json_object_get_array_member (json_node_get_object (me), "roles");
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "administrator");

  /* The login password is no application password. */
  g_clear_pointer (&me, json_node_unref);
  me = get_json (users_me, wp_env ("LEDE_WP_ADMIN_USER"), wp_env ("LEDE_WP_LOGIN_PASSWORD"), &status);
  g_assert_cmpuint (status, ==, 401);
}


/* A client signed in as the harness's user @who (ADMIN, EDITOR, AUTHOR,
 * CONTRIBUTOR), on @url (default: the site). */
static LedeWordpress *
signed_in (const char *who,
           const char *url)
{
  g_autofree char *user_var = g_strdup_printf ("LEDE_WP_%s_USER", who);
  g_autofree char *password_var = g_strdup_printf ("LEDE_WP_%s_PASSWORD", who);
  g_autoptr (GError) error = NULL;
  LedeWordpress *wordpress = lede_wordpress_new (url ? url : wp_env ("LEDE_WP_URL"), wp_env (user_var),
                                                 wp_env (password_var));

  g_assert_true (lede_wordpress_connect (wordpress, NULL, &error));
  g_assert_no_error (error);
  return wordpress;
}

/* The post as the site has it, read back as the administrator. */
static JsonObject *
read_post (gint64 id)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) post = lede_wordpress_call (chief, "GET", route, "context=edit", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (post));
  return json_object_ref (json_node_get_object (post));
}

static const char *
raw_of (JsonObject *post,
        const char *field)
{
  return json_object_get_string_member (json_object_get_object_member (post, field), "raw");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The names of the post's tags, as the site has them, sorted. */
static char *
tag_names_of (JsonObject *post)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  JsonArray *ids = json_object_get_array_member (post, "tags");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      g_autofree char *route = g_strdup_printf ("wp/v2/tags/%" G_GINT64_FORMAT, json_array_get_int_element (ids, i));
      g_autoptr (JsonNode) tag = lede_wordpress_call (chief, "GET", route, NULL, NULL, NULL, NULL, NULL);

      g_assert_nonnull (tag);
      g_ptr_array_add (names, lede_wordpress_decode_entities (json_object_get_string_member (json_node_get_object (tag), "name")));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **)names->pdata);
}

/* A story of the test's own (unique slug: the site is shared by the run). */
static LedeArticle *
story_for (Fixture    *f,
           const char *headline,
           const char *body)
{
  LedeArticle *article = lede_article_new ();
  g_autofree char *slug = g_strdup_printf ("%s-%08x", "harbour", g_random_int ());

  lede_article_set_headline (article, headline);
  lede_article_set_standfirst (article, "Two sailings a day are cut & the last boat leaves earlier.");
  lede_article_set_body (article, body);
  lede_article_set_slug (article, slug);
  lede_article_set_byline (article, "Ana Reyes");
  lede_article_set_tags (article, (const char * const[]) { "Transport", "Ferries & Harbours", NULL });
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  g_assert_true (lede_library_set_tags (f->library, lede_article_get_id (article),
                                        (const char * const[]) { "Transport", "Ferries & Harbours", NULL }, NULL));
  return article;
}

static gboolean
publish (Fixture           *f,
         LedeWordpress     *site,
         LedeArticle       *article,
         LedePublishMode    mode,
         GDateTime         *when,
         LedePublishFlags   flags,
         LedePublished     *published,
         GError           **error)
{
  g_autofree char *last_out = NULL;
  g_autoptr (LedeVerdict) verdict = NULL;

  g_assert_true (lede_library_get_went_out (f->library, lede_article_get_id (article), &last_out, NULL, NULL));
  verdict = lede_gate_ask (article, NULL, NULL, last_out, LEDE_WAY_OUT_PUBLISH, NULL);
  g_assert_true (lede_verdict_may_leave (verdict));
  if (lede_publish_story (site, f->library, verdict, mode, when, flags, published, NULL, error))
    return TRUE;
  g_test_message ("not published: %s", error && *error ? (*error)->message : "(no error)");
  return FALSE;
}

/* Addresses: https:// unless said, plain http:// only to this machine. */
static void
test_addresses (void)
{
  static const struct { const char *typed; const char *made; int code; } cases[] = {
    { "news.example.com", "https://news.example.com/", -1 },
    { "  https://news.example.com/desk  ", "https://news.example.com/desk/", -1 },
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080/", -1 },
    { "http://localhost/wp/", "http://localhost/wp/", -1 },
    { "http://[::1]:8080/", "http://[::1]:8080/", -1 },
    { "http://news.example.com/", NULL, LEDE_WORDPRESS_ERROR_INSECURE },
    { "http://192.168.1.20/", NULL, LEDE_WORDPRESS_ERROR_INSECURE },
    { "ftp://news.example.com/", NULL, LEDE_WORDPRESS_ERROR_ADDRESS },
    { "", NULL, LEDE_WORDPRESS_ERROR_ADDRESS },
    { "https://chief:secret@news.example.com/", NULL, LEDE_WORDPRESS_ERROR_ADDRESS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *made = lede_wordpress_check_address (cases[i].typed, &error);

      g_assert_cmpstr (made, ==, cases[i].made);
      if (cases[i].made == NULL)
        {
          g_assert_error (error, LEDE_WORDPRESS_ERROR, cases[i].code);
          g_assert_cmpuint (strlen (error->message), >, 20);
        }
    }
}

/* The API found through the site's own link, with pretty permalinks and
 * without; the user's role and what it allows. */
static void
test_connect (void)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autoptr (LedeWordpress) plain = signed_in ("ADMIN", wp_env ("LEDE_WP_PLAIN_URL"));
  g_autoptr (JsonNode) me = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *allowed = NULL;

  g_assert_cmpstr (lede_wordpress_get_site_name (chief), ==, "The Tests' Gazette");
  g_assert_true (g_str_has_suffix (lede_wordpress_get_api_root (chief), "/wp-json/"));
  g_assert_cmpstr (lede_wordpress_get_role (chief), ==, "administrator");
  g_assert_true (lede_wordpress_can (chief, "publish_posts"));
  allowed = lede_wordpress_dup_allowed (chief);
  g_assert_nonnull (strstr (allowed, "publish and schedule"));

  g_assert_nonnull (strstr (lede_wordpress_get_api_root (plain), "?rest_route=/"));
  me = lede_wordpress_call (plain, "GET", "wp/v2/users/me", "context=edit", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (me), "username"), ==,
                   wp_env ("LEDE_WP_ADMIN_USER"));
}

static void
test_roles (void)
{
  static const struct { const char *who; const char *role; gboolean publish; gboolean upload; gboolean categories; const char *says; } roles[] = {
    { "EDITOR", "editor", TRUE, TRUE, TRUE, "create categories" },
    { "AUTHOR", "author", TRUE, TRUE, FALSE, "not create categories" },
    { "CONTRIBUTOR", "contributor", FALSE, FALSE, FALSE, "publishing and scheduling need an Author" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr (LedeWordpress) site = signed_in (roles[i].who, NULL);
      g_autofree char *allowed = lede_wordpress_dup_allowed (site);

      g_assert_cmpstr (lede_wordpress_get_role (site), ==, roles[i].role);
      g_assert_cmpint (lede_wordpress_can (site, "publish_posts"), ==, roles[i].publish);
      g_assert_cmpint (lede_wordpress_can (site, "upload_files"), ==, roles[i].upload);
      g_assert_cmpint (lede_wordpress_can (site, "manage_categories"), ==, roles[i].categories);
      g_assert_nonnull (strstr (allowed, roles[i].says));
    }
}

/* Each way a site can fail has its own error and words. */
static void
test_failures (void)
{
  g_autofree char *missing = g_strconcat (wp_env ("LEDE_WP_OTHER_URL"), "no-such-desk.html/", NULL);
  const struct { const char *url; const char *password; int code; const char *says; } cases[] = {
    { wp_env ("LEDE_WP_URL"), "abcd efgh ijkl mnop qrst uvwx", LEDE_WORDPRESS_ERROR_PASSWORD, "Application Passwords" },
    { wp_env ("LEDE_WP_URL"), wp_env ("LEDE_WP_LOGIN_PASSWORD"), LEDE_WORDPRESS_ERROR_PASSWORD, "login password" },
    { wp_env ("LEDE_WP_REST_OFF_URL"), wp_env ("LEDE_WP_ADMIN_PASSWORD"), LEDE_WORDPRESS_ERROR_REST_OFF, "REST API is turned off" },
    { wp_env ("LEDE_WP_OTHER_URL"), "x", LEDE_WORDPRESS_ERROR_NOT_WORDPRESS, "not a WordPress site" },
    { missing, "x", LEDE_WORDPRESS_ERROR_ADDRESS, "404" },
    { "http://127.0.0.1:1/", "x", LEDE_WORDPRESS_ERROR_UNREACHABLE, "Nothing answers" },
    { "http://news.example.com/", "x", LEDE_WORDPRESS_ERROR_INSECURE, "unencrypted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LedeWordpress) site = lede_wordpress_new (cases[i].url, wp_env ("LEDE_WP_ADMIN_USER"), cases[i].password);
      g_autoptr (GError) error = NULL;

      g_assert_false (lede_wordpress_connect (site, NULL, &error));
      g_assert_error (error, LEDE_WORDPRESS_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].url, error->message, cases[i].says);
    }
}

/* Published, read back through the REST API; published again: the same
 * post, updated. */
static void
test_publish_and_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("ADMIN", NULL);
  g_autoptr (LedeArticle) article = story_for (f, "Ferry timetable changes from Monday",
                                               "The harbour board said the **07:15** sailing would go.\n\n"
                                               "\"We had no choice,\" said its chair, Mara Quist.\n");
  g_auto (LedePublished) first = { 0 };
  g_auto (LedePublished) second = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *link = NULL;
  gint64 remembered = 0;

  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first.status, ==, "publish");
  g_assert_false (first.updated);
  g_assert_false (first.for_embargo);
  g_assert_true (g_str_has_prefix (first.link, wp_env ("LEDE_WP_URL")));

  post = read_post (first.post_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Ferry timetable changes from Monday");
  g_assert_cmpstr (raw_of (post, "excerpt"), ==, "Two sailings a day are cut & the last boat leaves earlier.");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, lede_article_get_slug (article));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_nonnull (strstr (raw_of (post, "content"), "<strong>07:15</strong>"));
  g_assert_null (strstr (raw_of (post, "content"), "data-sourcepos"));
  tags = tag_names_of (post);
  g_assert_cmpstr (tags, ==, "Ferries & Harbours,Transport");

  /* The library remembers the post and what the site last said of it. */
  g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (article), lede_wordpress_get_address (site),
                                             &remembered, &modified, &link, NULL));
  g_assert_cmpint (remembered, ==, first.post_id);
  g_assert_cmpstr (modified, ==, json_object_get_string_member (post, "modified_gmt"));
  g_assert_cmpstr (link, ==, first.link);
  g_assert_cmpstr (first.modified_gmt, ==, modified);
  {
    g_autoptr (GPtrArray) posts = lede_library_list_site_posts (f->library, lede_article_get_id (article), &error);
    LedeSitePost *listed;

    g_assert_no_error (error);
    g_assert_cmpuint (posts->len, ==, 1);
    listed = g_ptr_array_index (posts, 0);
    g_assert_cmpstr (listed->site, ==, lede_wordpress_get_address (site));
    g_assert_cmpint (listed->post_id, ==, first.post_id);
    g_assert_cmpstr (listed->status, ==, "publish");
    g_assert_cmpstr (listed->link, ==, first.link);
    g_assert_nonnull (listed->sent_at);
  }

  /* The next day's correction updates the same post, and carries the note;
   * the tags found, not made twice. */
  lede_article_set_body (article, "The harbour board said the **07:45** sailing would go.\n");
  lede_article_add_correction (article, lede_correction_new (NULL, LEDE_CORRECTION_CORRECTION,
                                                             "An earlier version gave the wrong sailing."));
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_clear_pointer (&post, json_object_unref);
  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.post_id, ==, first.post_id);
  g_assert_true (second.updated);
  post = read_post (first.post_id);
  g_assert_nonnull (strstr (raw_of (post, "content"), "<strong>07:45</strong>"));
  g_assert_null (strstr (raw_of (post, "content"), "07:15"));
  g_assert_nonnull (strstr (raw_of (post, "content"), "An earlier version gave the wrong sailing."));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (post, "tags")), ==, 2);
}

/* A change made on the site is noticed and never overwritten unasked; a
 * post deleted or trashed there is reported, not made again. */
static void
test_changed_and_deleted_on_site (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("ADMIN", NULL);
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR", NULL);
  g_autoptr (LedeArticle) article = story_for (f, "Quay wall to be rebuilt", "Work starts in March.\n");
  g_auto (LedePublished) first = { 0 };
  g_auto (LedePublished) again = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) edit = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autofree char *route = NULL;
  gint64 remembered = 0;

  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &first, &error));
  g_assert_no_error (error);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, first.post_id);

  /* An editor on the site changes the headline (a second later, so the
   * post's modified_gmt moves). */
  g_usleep (1100 * 1000);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Quay wall to be rebuilt by summer");
  json_builder_end_object (builder);
  edit = json_builder_get_root (builder);
  answer = lede_wordpress_call (desk, "POST", route, NULL, edit, NULL, NULL, &error);
  g_assert_no_error (error);

  lede_article_set_body (article, "Work starts in April.\n");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_false (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &again, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "has not overwritten"));
  g_clear_error (&error);
  post = read_post (first.post_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Quay wall to be rebuilt by summer");
  g_assert_nonnull (strstr (raw_of (post, "content"), "March"));
  g_clear_pointer (&post, json_object_unref);

  /* The writer looked, and sends theirs over it. */
  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, LEDE_PUBLISH_FLAGS_OVERWRITE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.post_id, ==, first.post_id);
  post = read_post (first.post_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Quay wall to be rebuilt");
  g_assert_nonnull (strstr (raw_of (post, "content"), "April"));
  lede_published_clear (&again);

  /* Moved to the trash on the site: reported, nothing sent. */
  g_clear_pointer (&answer, json_node_unref);
  answer = lede_wordpress_call (desk, "DELETE", route, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &again, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE);
  g_assert_nonnull (strstr (error->message, "trash"));
  g_clear_error (&error);

  /* Deleted for good: reported; sent anew only when asked, as a new post. */
  g_clear_pointer (&answer, json_node_unref);
  answer = lede_wordpress_call (desk, "DELETE", route, "force=true", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &again, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_clear_error (&error);
  g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (article), lede_wordpress_get_address (site),
                                             &remembered, NULL, NULL, NULL));
  g_assert_cmpint (remembered, ==, first.post_id);
  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, LEDE_PUBLISH_FLAGS_OVERWRITE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.post_id, !=, first.post_id);
  g_assert_false (again.updated);
}

/* An embargoed story is never published before the lift: scheduled for
 * it, or a draft dated then; a schedule before the lift waits for it. */
static void
test_embargo (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("AUTHOR", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) lift = g_date_time_new_utc (g_date_time_get_year (now) + 1, 3, 2, 9, 30, 0);
  g_autoptr (GDateTime) earlier = g_date_time_add_days (now, 2);
  g_autoptr (GDateTime) later = g_date_time_add_days (lift, 1);
  g_autofree char *lift_gmt = g_date_time_format (lift, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *later_gmt = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S");
  const struct { LedePublishMode mode; GDateTime *when; const char *status; const char *date_gmt; gboolean for_embargo; } cases[] = {
    { LEDE_PUBLISH_NOW, NULL, "future", lift_gmt, TRUE },
    { LEDE_PUBLISH_SCHEDULE, earlier, "future", lift_gmt, TRUE },
    { LEDE_PUBLISH_SCHEDULE, later, "future", later_gmt, FALSE },
    { LEDE_PUBLISH_DRAFT, NULL, "draft", lift_gmt, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LedeArticle) article = story_for (f, "Lifeboat crew to receive bravery medals",
                                                   "Three volunteers are to be honoured.\n");
      g_auto (LedePublished) published = { 0 };
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) post = NULL;

      lede_article_set_embargo (article, lift);
      g_assert_true (lede_library_update_article (f->library, article, NULL));
      g_assert_true (publish (f, site, article, cases[i].mode, cases[i].when, 0, &published, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (published.status, ==, cases[i].status);
      g_assert_cmpint (published.for_embargo, ==, cases[i].for_embargo);
      post = read_post (published.post_id);
      g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, cases[i].status);
      g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, cases[i].date_gmt);
      /* No embargo line in what the site will publish. */
      g_assert_null (strstr (raw_of (post, "content"), "EMBARGOED"));
    }
}

/* The section is the post's category: made by an Editor, found by an
 * Author, who is told before anything is sent that they may not make one. */
static void
test_section_as_category (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (LedeWordpress) editor = signed_in ("EDITOR", NULL);
  g_autoptr (LedeWordpress) author = signed_in ("AUTHOR", NULL);
  g_autofree char *section = g_strdup_printf ("Harbour %08x", g_random_int ());
  g_autoptr (LedeArticle) first = story_for (f, "Dredging to start in spring", "The channel silted up.\n");
  g_autoptr (LedeArticle) second = story_for (f, "Dredger arrives", "It came from Rotterdam.\n");
  g_autoptr (LedeArticle) third = story_for (f, "Marina fees frozen", "For a year.\n");
  g_auto (LedePublished) published = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (JsonObject) post2 = NULL;
  gint64 post_id = 0;
  JsonArray *categories;

  /* An Author may not make the category: said, nothing sent. */
  lede_article_set_section (third, "A section nobody made");
  g_assert_true (lede_library_update_article (f->library, third, NULL));
  g_assert_false (publish (f, author, third, LEDE_PUBLISH_DRAFT, NULL, 0, &published, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "may not make one"));
  g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (third), lede_wordpress_get_address (author),
                                             &post_id, NULL, NULL, NULL));
  g_assert_cmpint (post_id, ==, 0);
  g_clear_error (&error);

  /* An Editor makes it; an Author then finds it. */
  lede_article_set_section (first, section);
  lede_article_set_section (second, section);
  g_assert_true (lede_library_update_article (f->library, first, NULL));
  g_assert_true (lede_library_update_article (f->library, second, NULL));
  g_assert_true (publish (f, editor, first, LEDE_PUBLISH_DRAFT, NULL, 0, &published, &error));
  g_assert_no_error (error);
  post = read_post (published.post_id);
  lede_published_clear (&published);
  g_assert_true (publish (f, author, second, LEDE_PUBLISH_DRAFT, NULL, 0, &published, &error));
  g_assert_no_error (error);
  post2 = read_post (published.post_id);
  categories = json_object_get_array_member (post, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (post2, "categories"), 0), ==,
                   json_array_get_int_element (categories, 0));
  {
    g_autofree char *route = g_strdup_printf ("wp/v2/categories/%" G_GINT64_FORMAT, json_array_get_int_element (categories, 0));
    g_autoptr (JsonNode) category = lede_wordpress_call (editor, "GET", route, NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (category), "name"), ==, section);
  }
}

/* A Contributor may send drafts, and is told before anything is sent that
 * publishing needs more. */
static void
test_contributor (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("CONTRIBUTOR", NULL);
  g_autoptr (LedeArticle) article = story_for (f, "Pier reopens after storm repairs", "Anglers are back.\n");
  g_auto (LedePublished) published = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 post_id = 0;

  g_assert_false (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &published, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "a Contributor"));
  g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (article), lede_wordpress_get_address (site),
                                             &post_id, NULL, NULL, NULL));
  g_assert_cmpint (post_id, ==, 0);
  g_clear_error (&error);

  g_assert_true (publish (f, site, article, LEDE_PUBLISH_DRAFT, NULL, 0, &published, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (published.status, ==, "draft");
}

/* A photo made for the test (@width tells it from the others), added to
 * @article with @role and its texts. */
static LedePhoto *
add_test_photo (Fixture       *f,
                LedeArticle   *article,
                const char    *dir,
                const char    *name,
                int            width,
                LedePhotoRole  role,
                const char    *caption,
                const char    *credit,
                const char    *alt)
{
  g_autofree char *file = lede_test_make_image (dir, name, "png", width, 20);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  LedePhoto *photo = lede_photo_file_read (file, &bytes, &error);

  g_assert_no_error (error);
  photo->role = role;
  lede_photo_set_text (&photo->caption, caption);
  lede_photo_set_text (&photo->credit, credit);
  lede_photo_set_text (&photo->alt_text, alt);
  g_assert_true (lede_library_add_photo (f->library, article, photo, bytes, &error));
  g_assert_no_error (error);
  return photo;
}

static JsonObject *
read_media (gint64 id)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, id);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) media = lede_wordpress_call (chief, "GET", route, "context=edit", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (media));
}

/* Photos go to the site's media library: the lead as the featured image,
 * a body photo in the content at the site's copy, each with its alt text
 * and its caption and credit; published again, none goes twice. A
 * Contributor may not add pictures: said before anything goes. */
static void
test_photos_to_media_library (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("ADMIN", NULL);
  g_autoptr (LedeWordpress) contributor = signed_in ("CONTRIBUTOR", NULL);
  g_autofree char *dir = lede_test_tmpdir ();
  g_autoptr (LedeArticle) article = story_for (f, "Quay wall finished before the summer", "Work finished.\n");
  g_autoptr (LedePhoto) lead = add_test_photo (f, article, dir, "quay-lead.png", 40, LEDE_PHOTO_ROLE_LEAD,
                                               "The new quay wall at low tide", "Ana Reyes",
                                               "A granite wall above wet sand");
  g_autoptr (LedePhoto) inside = add_test_photo (f, article, dir, "slipway.png", 41, LEDE_PHOTO_ROLE_BODY,
                                                 "Boats back on the slipway", "Tomas Ekholm",
                                                 "Three dinghies on a concrete ramp");
  g_autofree char *body = g_strdup_printf ("Work finished.\n\n![Three dinghies on a concrete ramp](lede-photo:%s)\n\n"
                                           "The harbour reopens on Monday.\n", inside->sha256);
  g_auto (LedePublished) published = { 0 };
  g_auto (LedePublished) again = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (JsonObject) media = NULL;
  g_autofree char *lead_url = NULL, *inside_url = NULL, *lead_url_after = NULL;
  gint64 lead_id = 0, inside_id = 0, lead_id_after = 0;
  const char *address = lede_wordpress_get_address (site);

  g_assert_cmpstr (lead->sha256, !=, inside->sha256);
  lede_article_set_body (article, body);
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &published, &error));
  g_assert_no_error (error);

  g_assert_true (lede_library_get_site_media (f->library, address, lead->sha256, &lead_id, &lead_url, NULL));
  g_assert_true (lede_library_get_site_media (f->library, address, inside->sha256, &inside_id, &inside_url, NULL));
  g_assert_cmpint (lead_id, >, 0);
  g_assert_cmpint (inside_id, >, 0);
  post = read_post (published.post_id);
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, lead_id);
  g_test_message ("content: %s", raw_of (post, "content"));
  g_assert_nonnull (strstr (raw_of (post, "content"), inside_url));
  g_assert_nonnull (strstr (raw_of (post, "content"), "Boats back on the slipway"));
  g_assert_null (strstr (raw_of (post, "content"), "lede-photo:"));
  media = read_media (lead_id);
  g_assert_cmpstr (json_object_get_string_member (media, "alt_text"), ==, "A granite wall above wet sand");
  g_assert_cmpstr (raw_of (media, "caption"), ==, "The new quay wall at low tide (Ana Reyes)");

  /* Again, changed: the same pictures, nothing sent twice. */
  lede_article_set_headline (article, "Quay wall finished a month early");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_true (publish (f, site, article, LEDE_PUBLISH_NOW, NULL, 0, &again, &error));
  g_assert_no_error (error);
  g_assert_true (again.updated);
  g_assert_true (lede_library_get_site_media (f->library, address, lead->sha256, &lead_id_after, &lead_url_after, NULL));
  g_assert_cmpint (lead_id_after, ==, lead_id);
  g_clear_pointer (&post, json_object_unref);
  post = read_post (again.post_id);
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==, lead_id);

  /* A Contributor with a picture the site does not have yet. */
  {
    g_autoptr (LedeArticle) other = story_for (f, "Lifeboat crew honoured", "Three medals.\n");
    g_autoptr (LedePhoto) crew = add_test_photo (f, other, dir, "crew.png", 42, LEDE_PHOTO_ROLE_LEAD, "The crew", "Ana Reyes",
                                                 "Five people in yellow jackets");
    g_auto (LedePublished) refused = { 0 };
    gint64 post_id = 0;

    g_assert_false (publish (f, contributor, other, LEDE_PUBLISH_DRAFT, NULL, 0, &refused, &error));
    g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED);
    g_assert_nonnull (strstr (error->message, "may not add pictures"));
    g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (other), address, &post_id, NULL, NULL,
                                               NULL));
    g_assert_cmpint (post_id, ==, 0);
  }
  lede_test_rmdir (dir);
}

/* The keyring's password for the next run_cli(), or NULL for the right one. */
static const char *keyring_password;

/* Runs lede-cli with @input on standard input; its exit status. */
static int
run_cli (const char  *input,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer)wp_env ("LEDE_CLI"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (keyring_password)
    g_subprocess_launcher_setenv (launcher, "SECRET_FILE_TEST_PASSWORD", keyring_password, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input ? input : "", NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* lede-cli site add (checked on the spot, the password from standard
 * input into the password store, never the list), list, check, remove;
 * a second name for the same account keeps the password it shares. */
static void
test_cli_sites (void)
{
  g_autofree char *conf_path = g_build_filename (test_home, "config", "lede", "sites.conf", NULL);
  g_autofree char *conf = NULL;
  g_autofree char *name = g_strdup_printf ("gazette-%08x", g_random_int ());
  g_autofree char *twin = g_strconcat (name, "-twin", NULL);
  g_autofree char *password_line = g_strconcat (wp_env ("LEDE_WP_EDITOR_PASSWORD"), "\n", NULL);
  char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli ("wrong password\n", &out, &err, "site", "add", name, wp_env ("LEDE_WP_URL"), "--user",
                            wp_env ("LEDE_WP_EDITOR_USER"), NULL), ==, 3);
  g_assert_nonnull (strstr (err, "Application Passwords"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "list", NULL), ==, 0);
  g_assert_null (strstr (out, name));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (password_line, &out, &err, "site", "add", name, wp_env ("LEDE_WP_URL"), "--user",
                            wp_env ("LEDE_WP_EDITOR_USER"), NULL), ==, 0);
  g_assert_nonnull (strstr (out, "an Editor"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (conf_path, &conf, NULL, NULL));
  g_assert_nonnull (strstr (conf, name));
  g_assert_null (strstr (conf, wp_env ("LEDE_WP_EDITOR_PASSWORD")));

  /* The same name twice is refused; the first stays. */
  g_assert_cmpint (run_cli (password_line, &out, &err, "site", "add", name, wp_env ("LEDE_WP_URL"), "--user",
                            wp_env ("LEDE_WP_ADMIN_USER"), NULL), ==, 3);
  g_assert_nonnull (strstr (err, "already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "check", name, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "signed in as desk, an Editor"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, name));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A second name for the same account shares its password: removing
   * the first leaves the second signed in. */
  g_assert_cmpint (run_cli (password_line, &out, &err, "site", "add", twin, wp_env ("LEDE_WP_URL"), "--user",
                            wp_env ("LEDE_WP_EDITOR_USER"), NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "remove", name, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "check", name, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "no site called"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "check", twin, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "signed in as desk, an Editor"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "site", "remove", twin, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Plain http:// to another machine never gets as far as asking. */
  g_assert_cmpint (run_cli (password_line, &out, &err, "site", "add", "far", "http://news.example.com/", "--user",
                            "desk", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "unencrypted"));
  g_free (out);
  g_free (err);
}

/* The uuid lede-cli gave the story it imported from @markdown. */
static char *
import_story (const char *library,
              const char *markdown)
{
  g_autofree char *dir = g_path_get_dirname (library);
  g_autofree char *file = g_build_filename (dir, "story.md", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *stories;

  g_assert_true (g_file_set_contents (file, markdown, -1, NULL));
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "import", "--as-new", file, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "list", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  stories = json_node_get_array (json_parser_get_root (parser));
  /* Newest first. */
  return g_strdup (json_object_get_string_member (json_array_get_object_element (stories, 0), "uuid"));
}

/* lede-cli publish: through the gate (exit 4 for a story the checks
 * block, --force), as JSON, an embargoed story scheduled, a change on
 * the site refused with exit 5 until --overwrite; no password store,
 * exit 2, unless --password-stdin. */
static void
test_cli_publish (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *site = g_strdup_printf ("desk-%08x", g_random_int ());
  g_autofree char *password_line = g_strconcat (wp_env ("LEDE_WP_ADMIN_PASSWORD"), "\n", NULL);
  g_autofree char *slug = g_strdup_printf ("quay-%08x", g_random_int ());
  g_autofree char *story = g_strdup_printf ("---\ntitle: \"Quay wall to be rebuilt\"\nslug: \"%s\"\n"
                                            "description: \"Work starts in March.\"\ntags: [\"Harbour\"]\n"
                                            "byline: \"Ana Reyes\"\n---\nThe council approved the plan.\n", slug);
  g_autofree char *uuid = NULL;
  g_autofree char *blocked_uuid = NULL;
  g_autofree char *embargoed_uuid = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR", NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) edit = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *route = NULL;
  g_autofree char *embargoed = NULL;
  JsonObject *result;
  char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (password_line, &out, &err, "site", "add", site, wp_env ("LEDE_WP_URL"), "--user",
                            wp_env ("LEDE_WP_ADMIN_USER"), NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  uuid = import_story (library, story);

  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, "--publish",
                            "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  result = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "publish");
  post = read_post (json_object_get_int_member (result, "post_id"));
  g_assert_cmpstr (raw_of (post, "title"), ==, "Quay wall to be rebuilt");
  g_assert_cmpstr (raw_of (post, "excerpt"), ==, "Work starts in March.");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, slug);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, json_object_get_int_member (result, "post_id"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Changed on the site: exit 5, words, the site's version kept. */
  g_usleep (1100 * 1000);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Quay wall plan approved");
  json_builder_end_object (builder);
  edit = json_builder_get_root (builder);
  answer = lede_wordpress_call (desk, "POST", route, NULL, edit, NULL, NULL, NULL);
  g_assert_nonnull (answer);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, "--publish",
                            NULL), ==, 5);
  g_assert_nonnull (strstr (err, "has not overwritten"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&post, json_object_unref);
  post = read_post (json_object_get_int_member (result, "post_id"));
  g_assert_cmpstr (raw_of (post, "title"), ==, "Quay wall plan approved");
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, "--publish",
                            "--overwrite", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "updated"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The checks hold back a story marked ready with a placeholder in. */
  blocked_uuid = import_story (library, "---\ntitle: \"Harbour dues to rise\"\nstatus: \"ready\"\n"
                                        "byline: \"Ana Reyes\"\n---\nDues rise by TK per cent.\n");
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", blocked_uuid, "--site", site, NULL), ==, 4);
  g_assert_nonnull (strstr (err, "was not published"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", blocked_uuid, "--site", site, "--force",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "sent as a draft"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Under embargo: scheduled for the lift, never published. */
  embargoed = g_strdup_printf ("---\ntitle: \"Lifeboat medals announced\"\nembargo: %d-06-01T09:00:00Z\n"
                               "byline: \"Ana Reyes\"\n---\nThree volunteers are honoured.\n",
                               g_date_time_get_year (now) + 1);
  embargoed_uuid = import_story (library, embargoed);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", embargoed_uuid, "--site", site,
                            "--publish", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "when its embargo lifts"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A password store that cannot give the password (here: opened with
   * another key): refused in words, exit 2; the password on standard
   * input does without it. */
  keyring_password = "not the keyring's password";
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "password"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (password_line, &out, &err, "--library", library, "publish", uuid, "--site", site,
                            "--publish", "--password-stdin", NULL), ==, 0);
  keyring_password = NULL;
  g_free (out);
  g_free (err);
  lede_test_rmdir (dir);
}

/* How many posts the site has with @slug, whatever their status. */
static guint
posts_with_slug (const char *slug)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autofree char *query = g_strdup_printf ("slug=%s&status=any&context=edit", slug);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) posts = lede_wordpress_call (chief, "GET", "wp/v2/posts", query, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (posts));
  return json_array_get_length (json_node_get_array (posts));
}

/* An address on this machine where nothing answers: the site "down". */
static char *
dead_address (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return g_strdup_printf ("http://127.0.0.1:%u/", port);
}

/* Lists site @name at @address, as the administrator, with no password
 * kept: the caller gives it. (The password store's file is another
 * process's too: opened here early, it goes stale under lede-cli.) */
static void
list_site (const char *name,
           const char *address)
{
  g_autoptr (LedeSite) site = lede_site_new (name, address, wp_env ("LEDE_WP_ADMIN_USER"));
  g_autoptr (GError) error = NULL;

  lede_site_store_remove (name, NULL);
  g_assert_true (lede_site_store_add (site, &error));
  g_assert_no_error (error);
}

/* Keeps site @name at @address, as the administrator, its password in
 * the password store. */
static void
keep_site (const char *name,
           const char *address)
{
  g_autoptr (LedeSite) site = lede_site_new (name, address, wp_env ("LEDE_WP_ADMIN_USER"));
  g_autoptr (GError) error = NULL;

  list_site (name, address);
  g_assert_true (lede_site_store_keep_password (site, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error));
  g_assert_no_error (error);
}


/* Posts the site's administrator edits: @field set to @value. */
static void
edit_on_site (gint64      post_id,
              const char *field,
              const char *value)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) edit = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, field);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  edit = json_builder_get_root (builder);
  answer = lede_wordpress_call (chief, "POST", route, NULL, edit, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* What waits to go out that is a move, by story. */
static LedeOutboxEntry *
find_move (LedeLibrary *library,
           gint64       article_id,
           guint       *moves)
{
  g_autoptr (GPtrArray) entries = lede_library_outbox_list (library, NULL);
  LedeOutboxEntry *found = NULL;

  *moves = 0;
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      LedeOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (!g_str_equal (entry->mode, "move"))
        continue;
      (*moves)++;
      if (entry->article_id == article_id && found == NULL)
        {
          found = lede_outbox_entry_new ();
          found->article_id = entry->article_id;
          found->post_id = entry->post_id;
          found->scheduled_at = g_date_time_ref (entry->scheduled_at);
        }
    }
  return found;
}

/* An embargo moved after its story was scheduled on the site moves the
 * post: one pinned to the lift follows it; one scheduled for the writer's
 * own later time goes to the lift only when the embargo passed it. The
 * move waits in the outbox (offline too, and through a restart: it is read
 * from the story and its post), goes before anything else, changes the
 * post's time and nothing else, and keeps a change made on the site since
 * to be asked about. A post published on the site meanwhile is left. */
static void
test_embargo_moved (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("desk-%08x", g_random_int ());
  g_autoptr (LedeWordpress) site = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) lift = g_date_time_new_utc (g_date_time_get_year (now) + 1, 4, 7, 6, 0, 0);
  g_autoptr (GDateTime) own_time = g_date_time_add_days (lift, 2);
  g_autoptr (GDateTime) lift_later = g_date_time_add_hours (lift, 5);
  g_autoptr (GDateTime) lift_past_own = g_date_time_add_days (lift, 3);
  g_autoptr (GDateTime) lift_before_own = g_date_time_add_days (lift, 1);
  g_autoptr (GDateTime) lift_latest = g_date_time_add_days (lift, 4);
  g_autofree char *lift_later_gmt = g_date_time_format (lift_later, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *lift_past_own_gmt = g_date_time_format (lift_past_own, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *own_time_gmt = g_date_time_format (own_time, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (LedeArticle) pinned = story_for (f, "Harbour dues to rise", "The council votes on Monday.\n");
  g_autoptr (LedeArticle) timed = story_for (f, "Pilot boat retired", "After forty years.\n");
  g_autoptr (LedeArticle) early = story_for (f, "Quay lights replaced", "The old lamps go to the museum.\n");
  g_auto (LedePublished) first = { 0 };
  g_auto (LedePublished) second = { 0 };
  g_auto (LedePublished) third = { 0 };
  g_auto (LedePublished) again = { 0 };
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (LedeOutboxEntry) move = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (GError) error = NULL;
  guint moves = 0;

  list_site (name, wp_env ("LEDE_WP_URL"));
  site = signed_in ("ADMIN", NULL);
  for (LedeArticle **a = (LedeArticle *[]) { pinned, timed, early, NULL }; *a; a++)
    {
      lede_article_set_embargo (*a, lift);
      g_assert_true (lede_library_update_article (f->library, *a, NULL));
    }
  g_assert_true (publish (f, site, pinned, LEDE_PUBLISH_NOW, NULL, 0, &first, &error));
  g_assert_true (publish (f, site, timed, LEDE_PUBLISH_SCHEDULE, own_time, 0, &second, &error));
  g_assert_true (publish (f, site, early, LEDE_PUBLISH_SCHEDULE, own_time, 0, &third, &error));
  g_assert_no_error (error);
  g_assert_null (find_move (f->library, lede_article_get_id (pinned), &moves));
  g_assert_cmpuint (moves, ==, 0);

  /* The lifts move: five hours later; past the writer's own time; and
   * to a day still before it, which changes nothing on the site. */
  lede_article_set_embargo (pinned, lift_later);
  lede_article_set_embargo (timed, lift_past_own);
  lede_article_set_embargo (early, lift_before_own);
  for (LedeArticle **a = (LedeArticle *[]) { pinned, timed, early, NULL }; *a; a++)
    g_assert_true (lede_library_update_article (f->library, *a, NULL));
  move = find_move (f->library, lede_article_get_id (pinned), &moves);
  g_assert_cmpuint (moves, ==, 2);
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 2);
  g_assert_nonnull (move);
  g_assert_cmpint (move->post_id, ==, first.post_id);
  g_assert_true (g_date_time_equal (move->scheduled_at, lift_later));
  g_clear_pointer (&move, lede_outbox_entry_free);
  move = find_move (f->library, lede_article_get_id (timed), &moves);
  g_assert_true (g_date_time_equal (move->scheduled_at, lift_past_own));
  g_assert_null (find_move (f->library, lede_article_get_id (early), &moves));

  /* Someone retitles the pinned post on the site before the move goes. */
  g_usleep (1100 * 1000);
  edit_on_site (first.post_id, "title", "Harbour dues to rise by a tenth");

  results = lede_outbox_send_all (f->library, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < results->len; i++)
    {
      LedeOutboxResult *result = g_ptr_array_index (results, i);

      g_assert_true (result->sent);
      g_assert_true (result->published.moved);
      g_assert_cmpstr (result->published.status, ==, "future");
    }
  g_clear_pointer (&results, g_ptr_array_unref);
  post = read_post (first.post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, lift_later_gmt);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Harbour dues to rise by a tenth");
  g_clear_pointer (&post, json_object_unref);
  post = read_post (second.post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, lift_past_own_gmt);
  g_clear_pointer (&post, json_object_unref);
  post = read_post (third.post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, own_time_gmt);
  g_clear_pointer (&post, json_object_unref);
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 0);

  /* Their retitling is still theirs to be asked about. */
  g_assert_false (publish (f, site, pinned, LEDE_PUBLISH_NOW, NULL, 0, &again, &error));
  g_assert_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED);
  g_clear_error (&error);

  /* Published on the site by hand (dated in the past, or WordPress keeps
   * it scheduled): a moved embargo leaves it be. */
  edit_on_site (second.post_id, "date_gmt", "2026-01-05T08:00:00");
  edit_on_site (second.post_id, "status", "publish");
  lede_article_set_embargo (timed, lift_latest);
  g_assert_true (lede_library_update_article (f->library, timed, NULL));
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 1);
  results = lede_outbox_send_all (f->library, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((LedeOutboxResult *)g_ptr_array_index (results, 0))->published.status, ==, "publish");
  g_clear_pointer (&results, g_ptr_array_unref);
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 0);
  post = read_post (second.post_id);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_clear_pointer (&post, json_object_unref);

  /* Deleted on the site: said once, then no longer tried. */
  {
    g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
    g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, first.post_id);
    g_autoptr (JsonNode) gone = lede_wordpress_call (chief, "DELETE", route, "force=true", NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    lede_article_set_embargo (pinned, lift_latest);
    g_assert_true (lede_library_update_article (f->library, pinned, NULL));
    g_assert_cmpint (lede_library_outbox_count (f->library), ==, 1);
    results = lede_outbox_send_all (f->library, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_false (((LedeOutboxResult *)g_ptr_array_index (results, 0))->sent);
    g_assert_nonnull (strstr (((LedeOutboxResult *)g_ptr_array_index (results, 0))->message, "deleted"));
    g_clear_pointer (&results, g_ptr_array_unref);
    g_assert_cmpint (lede_library_outbox_count (f->library), ==, 0);
  }

  /* The site does not answer: the move waits, and is still there for
   * the next try. */
  {
    g_autofree char *down = dead_address ();
    g_autofree char *checked = lede_wordpress_check_address (down, NULL);
    g_autofree char *down_name = g_strdup_printf ("down-%08x", g_random_int ());
    g_autoptr (LedeOutboxEntry) waiting = NULL;

    list_site (down_name, down);
    g_assert_true (lede_library_set_site_post (f->library, lede_article_get_id (early), checked, 41, "", "future", "",
                                               lift_before_own, TRUE, &error));
    lede_article_set_embargo (early, lift_past_own);
    g_assert_true (lede_library_update_article (f->library, early, NULL));
    /* Its post on the site that answers moves; the other waits. */
    results = lede_outbox_send_all (f->library, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 2);
    for (guint i = 0; i < results->len; i++)
      {
        LedeOutboxResult *result = g_ptr_array_index (results, i);

        g_assert_true (result->sent != result->unanswered);
        g_assert_true (g_str_equal (result->site, checked) == result->unanswered);
      }
    waiting = find_move (f->library, lede_article_get_id (early), &moves);
    g_assert_cmpuint (moves, ==, 1);
    g_assert_nonnull (waiting);
    g_assert_cmpint (waiting->post_id, ==, 41);
    g_assert_true (g_date_time_equal (waiting->scheduled_at, lift_past_own));
    g_clear_pointer (&post, json_object_unref);
    post = read_post (third.post_id);
    g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, lift_past_own_gmt);
    lede_site_store_remove (down_name, NULL);
  }
  lede_site_store_remove (name, NULL);
}

/* Offline first: published while the site does not answer, the story
 * waits in the outbox (lede-cli outbox); a try while it is still down
 * keeps it there, counted; once the site answers, outbox --send sends it
 * once, and the next publish updates that post. */
static void
test_outbox_offline (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *site = g_strdup_printf ("train-%08x", g_random_int ());
  g_autofree char *slug = g_strdup_printf ("ferry-%08x", g_random_int ());
  g_autofree char *story = g_strdup_printf ("---\ntitle: \"Night ferry returns\"\nslug: \"%s\"\n"
                                            "description: \"Sailings resume on Friday.\"\n"
                                            "byline: \"Ana Reyes\"\n---\nThe late crossing is back.\n", slug);
  g_autofree char *down = dead_address ();
  g_autofree char *uuid = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *waiting;
  char *out = NULL, *err = NULL;

  keep_site (site, down);
  uuid = import_story (library, story);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, "--publish",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "waits in the outbox"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  waiting = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (waiting), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (waiting, 0), "mode"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (waiting, 0), "headline"), ==,
                   "Night ferry returns");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Still down: it waits, the try counted and why said. */
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--send", NULL), ==, 3);
  g_assert_nonnull (strstr (out, "still waits"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  waiting = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (waiting, 0), "tries"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (waiting, 0), "last_error"), !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (posts_with_slug (slug), ==, 0);

  /* The site answers again: it goes out, once. */
  keep_site (site, wp_env ("LEDE_WP_URL"));
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--send", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "went out"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "outbox", "--send", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The post it made is the story's: the next publish updates it. */
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "publish", uuid, "--site", site, "--publish",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "updated"));
  g_assert_cmpuint (posts_with_slug (slug), ==, 1);
  g_free (out);
  g_free (err);
  lede_site_store_remove (site, NULL);
  lede_test_rmdir (dir);
}

/* Exactly once: a send whose answer was lost made the post; the outbox's
 * next try finds it by its slug and headline and updates it, rather than
 * making a second one. */
static void
test_outbox_exactly_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (LedeArticle) article = story_for (f, "Breakwater lights fixed", "The lamps are lit again.\n");
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_PUBLISH, NULL);
  g_autofree char *site = g_strdup_printf ("relay-%08x", g_random_int ());
  g_auto (LedePublished) lost = { 0 };
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  LedeOutboxResult *result;

  /* Made on the site, its answer never remembered. */
  g_assert_true (lede_publish_send (chief, verdict, LEDE_PUBLISH_NOW, NULL, 0, NULL, NULL, NULL, LEDE_PUBLISH_FLAGS_NONE,
                                    &lost, NULL, &error));
  g_assert_no_error (error);
  keep_site (site, wp_env ("LEDE_WP_URL"));
  g_assert_true (lede_outbox_queue (f->library, verdict, site, LEDE_PUBLISH_NOW, NULL, LEDE_PUBLISH_FLAGS_NONE,
                                    "the site's answer was lost", &error));
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 1);

  results = lede_outbox_send_all (f->library, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_true (result->sent);
  g_assert_cmpint (result->published.post_id, ==, lost.post_id);
  g_assert_true (result->published.updated);
  g_assert_cmpint (lede_library_outbox_count (f->library), ==, 0);
  g_assert_cmpuint (posts_with_slug (lede_article_get_slug (article)), ==, 1);
  lede_site_store_remove (site, NULL);
}

static void
on_sender_sent (LedeOutboxSender    *sender,
                gint64               article_id,
                const char          *site,
                const LedePublished *published,
                GArray              *sent)
{
  g_assert_cmpint (published->post_id, >, 0);
  g_array_append_val (sent, article_id);
}

static void
on_sender_changed (LedeOutboxSender *sender,
                   gboolean         *rounds_done)
{
  *rounds_done = TRUE;
}

/* Lede running: the sender takes the outbox in order on a worker thread.
 * A site that does not answer keeps its stories waiting, the first tried
 * and the next one behind it untouched; another site's story goes out. */
static void
test_outbox_sender (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedeArticle) first = story_for (f, "Pier lights dimmed", "To save power.\n");
  g_autoptr (LedeArticle) second = story_for (f, "Pier cafe reopens", "With a new menu.\n");
  g_autoptr (LedeArticle) third = story_for (f, "Pier tolls frozen", "Until April.\n");
  g_autofree char *down = g_strdup_printf ("down-%08x", g_random_int ());
  g_autofree char *up = g_strdup_printf ("up-%08x", g_random_int ());
  g_autofree char *dead = dead_address ();
  g_autoptr (GArray) sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LedeOutboxSender) sender = NULL;
  g_autoptr (GPtrArray) waiting = NULL;
  gboolean round_done = FALSE;
  LedeArticle *stories[] = { first, second, third };
  const char *sites[] = { down, down, up };

  keep_site (down, dead);
  keep_site (up, wp_env ("LEDE_WP_URL"));
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autoptr (LedeVerdict) verdict = lede_gate_ask (stories[i], NULL, NULL, NULL, LEDE_WAY_OUT_PUBLISH, NULL);

      g_assert_true (lede_outbox_queue (f->library, verdict, sites[i], LEDE_PUBLISH_DRAFT, NULL,
                                        LEDE_PUBLISH_FLAGS_NONE, NULL, NULL));
    }

  sender = lede_outbox_sender_new (f->library);
  g_signal_connect (sender, "sent", G_CALLBACK (on_sender_sent), sent);
  g_signal_connect (sender, "changed", G_CALLBACK (on_sender_changed), &round_done);
  /* It starts by itself where the network is up; one round either way. */
  if (!lede_outbox_sender_is_busy (sender))
    lede_outbox_sender_send_now (sender);
  while (!round_done || lede_outbox_sender_is_busy (sender))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpint (g_array_index (sent, gint64, 0), ==, lede_article_get_id (third));
  waiting = lede_library_outbox_list (f->library, NULL);
  g_assert_cmpuint (waiting->len, ==, 2);
  g_assert_cmpint (((LedeOutboxEntry *)g_ptr_array_index (waiting, 0))->article_id, ==, lede_article_get_id (first));
  /* (The network monitor may start a second round as it settles.) */
  g_assert_cmpuint (((LedeOutboxEntry *)g_ptr_array_index (waiting, 0))->tries, >=, 1);
  g_assert_cmpuint (((LedeOutboxEntry *)g_ptr_array_index (waiting, 1))->tries, ==, 0);
  g_assert_cmpuint (posts_with_slug (lede_article_get_slug (third)), ==, 1);
  lede_site_store_remove (down, NULL);
  lede_site_store_remove (up, NULL);
}

/* A draft a desk editor made on the site, in the block editor's markup,
 * with a tag and a category of the test's own; its post id. */
static gint64
draft_on_site (const char *title,
               const char *tag,
               const char *category)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN", NULL);
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR", NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (GError) error = NULL;
  gint64 term_ids[2] = { 0, 0 };
  const char *taxonomies[2] = { "wp/v2/tags", "wp/v2/categories" };
  const char *names[2] = { tag, category };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (JsonBuilder) term = json_builder_new ();
      g_autoptr (JsonNode) term_body = NULL;
      g_autoptr (JsonNode) term_made = NULL;

      json_builder_begin_object (term);
      json_builder_set_member_name (term, "name");
      json_builder_add_string_value (term, names[i]);
      json_builder_end_object (term);
      term_body = json_builder_get_root (term);
      term_made = lede_wordpress_call (chief, "POST", taxonomies[i], NULL, term_body, NULL, NULL, &error);
      g_assert_no_error (error);
      term_ids[i] = json_object_get_int_member (json_node_get_object (term_made), "id");
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder,
                                 "<!-- wp:paragraph -->\n"
                                 "<p>The <strong>slipway café</strong> reopens in May, said "
                                 "<a href=\"https://example.org/owner\">its owner</a>.</p>\n"
                                 "<!-- /wp:paragraph -->\n\n"
                                 "<!-- wp:heading -->\n<h2>Longer hours</h2>\n<!-- /wp:heading -->\n\n"
                                 "<!-- wp:list -->\n<ul><li>Breakfast from seven</li><li>Suppers on Fridays</li></ul>\n"
                                 "<!-- /wp:list -->");
  json_builder_set_member_name (builder, "excerpt");
  json_builder_add_string_value (builder, "A harbour favourite returns.");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "draft");
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, term_ids[0]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, term_ids[1]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  made = lede_wordpress_call (desk, "POST", "wp/v2/posts", NULL, body, NULL, NULL, &error);
  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (made), "id");
}

/* A draft made on the site, pulled: listed, read into Markdown (blocks
 * kept as raw HTML), its fields and terms in the story's, linked to its
 * post (a second pull brings it not again); edited offline and sent back,
 * it updates the same post, still a draft, its blocks as they were. */
static void
test_pull_and_push_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (LedeWordpress) site = signed_in ("ADMIN", NULL);
  g_autofree char *tag = g_strdup_printf ("Harbour life %08x", g_random_int ());
  g_autofree char *category = g_strdup_printf ("Food %08x", g_random_int ());
  gint64 post_id = draft_on_site ("Slipway café to reopen & expand", tag, category);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (LedeSiteDraft) draft = NULL;
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeArticle) read = NULL;
  g_autoptr (LedeArticle) kept = NULL;
  g_autoptr (LedeArticle) again = NULL;
  g_autoptr (LedeArticle) read_again = NULL;
  g_autoptr (LedeSiteDraft) draft_again = NULL;
  g_auto (GStrv) tags_again = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_auto (LedePublished) published = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = NULL;
  gboolean listed = FALSE, already = TRUE;
  gint64 remembered = 0;

  drafts = lede_pull_list (site, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < drafts->len; i++)
    {
      LedeSiteDraft *one = g_ptr_array_index (drafts, i);

      if (one->post_id == post_id)
        {
          listed = TRUE;
          g_assert_cmpstr (one->status, ==, "draft");
          g_assert_cmpstr (one->title, ==, "Slipway café to reopen & expand");
        }
    }
  g_assert_true (listed);

  read = lede_pull_read (site, post_id, &draft, &tags, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_headline (read), ==, "Slipway café to reopen & expand");
  g_assert_cmpstr (lede_article_get_standfirst (read), ==, "A harbour favourite returns.");
  g_assert_cmpstr (lede_article_get_section (read), ==, category);
  g_assert_cmpstr (tags[0], ==, tag);
  g_assert_null (tags[1]);
  g_test_message ("pulled body:\n%s", lede_article_get_body (read));
  g_assert_nonnull (strstr (lede_article_get_body (read), "The **slipway café** reopens in May, said [its owner](https://example.org/owner)."));
  g_assert_nonnull (strstr (lede_article_get_body (read), "## Longer hours"));
  g_assert_nonnull (strstr (lede_article_get_body (read), "Breakfast from seven"));
  g_assert_nonnull (strstr (lede_article_get_body (read), "<!-- wp:paragraph -->"));
  g_assert_nonnull (strstr (lede_article_get_body (read), "<!-- /wp:list -->"));

  kept = lede_pull_keep (f->library, lede_wordpress_get_address (site), read, draft, (const char * const *)tags,
                         &already, &error);
  g_assert_no_error (error);
  g_assert_false (already);
  g_assert_true (lede_library_get_site_post (f->library, lede_article_get_id (kept), lede_wordpress_get_address (site),
                                             &remembered, NULL, NULL, &error));
  g_assert_cmpint (remembered, ==, post_id);

  read_again = lede_pull_read (site, post_id, &draft_again, &tags_again, NULL, &error);
  g_assert_no_error (error);
  again = lede_pull_keep (f->library, lede_wordpress_get_address (site), read_again, draft_again,
                          (const char * const *)tags_again, &already, &error);
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpint (lede_article_get_id (again), ==, lede_article_get_id (kept));
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);

  /* Written offline, sent back as the same post. */
  g_clear_object (&again);
  again = lede_library_get_article (f->library, lede_article_get_id (kept), NULL);
  body = g_string_new (lede_article_get_body (again));
  g_string_replace (body, "in May", "in June", 0);
  lede_article_set_body (again, body->str);
  lede_article_set_byline (again, "Ana Reyes");
  g_assert_true (lede_library_update_article (f->library, again, NULL));
  g_assert_true (publish (f, site, again, LEDE_PUBLISH_DRAFT, NULL, 0, &published, &error));
  g_assert_no_error (error);
  g_assert_true (published.updated);
  g_assert_cmpint (published.post_id, ==, post_id);
  post = read_post (post_id);
  g_test_message ("sent back:\n%s", raw_of (post, "content"));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "draft");
  g_assert_nonnull (strstr (raw_of (post, "content"), "reopens in June"));
  g_assert_nonnull (strstr (raw_of (post, "content"), "<!-- wp:paragraph -->"));
  g_assert_nonnull (strstr (raw_of (post, "content"), "<!-- /wp:list -->"));
  g_assert_cmpstr (raw_of (post, "title"), ==, "Slipway café to reopen & expand");
}

/* The drafts listed whole when the last page the site gives is full: the
 * page after it, refused by WordPress, ends the list (it was an error). */
static void
test_pull_full_pages (void)
{
  g_autoptr (LedeWordpress) site = signed_in ("ADMIN", NULL);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;
  guint wanted;

  drafts = lede_pull_list (site, NULL, &error);
  g_assert_no_error (error);
  wanted = (drafts->len / 100 + 1) * 100;
  for (guint i = drafts->len; i < wanted; i++)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) body = NULL;
      g_autoptr (JsonNode) made = NULL;
      g_autofree char *title = g_strdup_printf ("Filler draft %u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "draft");
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      made = lede_wordpress_call (site, "POST", "wp/v2/posts", NULL, body, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = lede_pull_list (site, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, wanted);
}

/* lede-cli pull: the drafts listed (JSON), then brought by id into a
 * library, once. */
static void
test_cli_pull (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *site = g_strdup_printf ("desk-%08x", g_random_int ());
  g_autofree char *tag = g_strdup_printf ("Moorings %08x", g_random_int ());
  g_autofree char *category = g_strdup_printf ("Harbour %08x", g_random_int ());
  gint64 post_id = draft_on_site ("Moorings fees frozen for a year", tag, category);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  JsonArray *listed;
  gboolean found = FALSE;

  keep_site (site, wp_env ("LEDE_WP_URL"));
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "pull", "--site", site, "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  listed = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (listed); i++)
    if (json_object_get_int_member (json_array_get_object_element (listed, i), "post_id") == post_id)
      found = TRUE;
  g_assert_true (found);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "pull", "--site", site, id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "pulled post"));
  g_assert_nonnull (strstr (out, "Moorings fees frozen for a year"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "pull", "--site", site, id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "in the library already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &out, &err, "--library", library, "pull", "--site", site, "harbour", NULL), ==, 1);
  lede_site_store_remove (site, NULL);
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *keyring = NULL;
  int status;

  /* The password store is libsecret's own file backend (no keyring
   * daemon), and the sites list a file of this run's: set before GLib
   * or libsecret read them, for this process and every lede-cli it runs. */
  test_home = lede_test_tmpdir ();
  config = g_build_filename (test_home, "config", NULL);
  keyring = g_build_filename (test_home, "keyring", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "lede-tests", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/wordpress/harness", test_harness);
  g_test_add_func ("/lede/wordpress/addresses", test_addresses);
  g_test_add_func ("/lede/wordpress/connect", test_connect);
  g_test_add_func ("/lede/wordpress/roles", test_roles);
  g_test_add_func ("/lede/wordpress/failures", test_failures);
  g_test_add ("/lede/wordpress/publish-and-update", Fixture, NULL, fixture_setup, test_publish_and_update, fixture_teardown);
  g_test_add ("/lede/wordpress/changed-and-deleted-on-site", Fixture, NULL, fixture_setup,
              test_changed_and_deleted_on_site, fixture_teardown);
  g_test_add ("/lede/wordpress/embargo", Fixture, NULL, fixture_setup, test_embargo, fixture_teardown);
  g_test_add ("/lede/wordpress/embargo-moved", Fixture, NULL, fixture_setup, test_embargo_moved, fixture_teardown);
  g_test_add ("/lede/wordpress/contributor", Fixture, NULL, fixture_setup, test_contributor, fixture_teardown);
  g_test_add ("/lede/wordpress/section-as-category", Fixture, NULL, fixture_setup, test_section_as_category,
              fixture_teardown);
  g_test_add ("/lede/wordpress/photos-to-media-library", Fixture, NULL, fixture_setup, test_photos_to_media_library,
              fixture_teardown);
  g_test_add_func ("/lede/wordpress/cli-sites", test_cli_sites);
  g_test_add_func ("/lede/wordpress/cli-publish", test_cli_publish);
  g_test_add_func ("/lede/wordpress/outbox-offline", test_outbox_offline);
  g_test_add ("/lede/wordpress/pull-and-push-back", Fixture, NULL, fixture_setup, test_pull_and_push_back,
              fixture_teardown);
  g_test_add_func ("/lede/wordpress/cli-pull", test_cli_pull);
  g_test_add_func ("/lede/wordpress/pull-full-pages", test_pull_full_pages);
  g_test_add ("/lede/wordpress/outbox-sender", Fixture, NULL, fixture_setup, test_outbox_sender, fixture_teardown);
  g_test_add ("/lede/wordpress/outbox-exactly-once", Fixture, NULL, fixture_setup, test_outbox_exactly_once,
              fixture_teardown);

  status = g_test_run ();
  lede_test_rmdir (test_home);
  return status;
}
