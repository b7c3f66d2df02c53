/* test-wordpress.c: publishing to a real WordPress — Debian's WordPress 6.1,
 * started for the tests by tests/wordpress/wordpress-session.sh, which
 * puts its address, users and application passwords in the environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lede-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/wordpress/harness", test_harness);

  return g_test_run ();
}
