/* lede-wordpress.c: one WordPress site's REST API (WordPress 5.6 and
 * later: application passwords), through libsoup 3.
 *
 * Connecting asks the site itself where its API is: every WordPress page
 * answers with a `Link: <…>; rel="https://api.w.org/"` header, which
 * points at /wp-json/ with pretty permalinks and at
 * index.php?rest_route=/ without them. Each way it can fail has its own
 * words: nothing answers, a certificate not to be trusted, a site that is
 * no WordPress, a WordPress whose REST API or application passwords are
 * off, a user or password not taken. The user's role and capabilities
 * (users/me, context=edit) say beforehand what Lede may do there, so a
 * publish never fails half way for want of a right.
 *
 * The calls are synchronous, for lede-cli and worker threads: each
 * LedeWordpress has its own session, used from one thread. libsoup is in
 * a module (lede-http-module.c), loaded the first time a site is spoken to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wordpress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-http-module.h"
#include "lede-paths.h"
#include "lede-wordpress.h"

#define API_REL "https://api.w.org/"

struct _LedeWordpress
{
  char        *address;
  char        *user;
  char        *password;
  gpointer     session;       /* the HTTP module's, made at the first request */
  char        *api_root;      /* from the discovery link */
  char        *site_name;
  char        *role;          /* the user's first role: "author" */
  GHashTable  *capabilities;  /* the ones the user has, as keys */
};

G_DEFINE_QUARK (lede-wordpress-error-quark, lede_wordpress_error)

/* Loaded once a process, and kept; NULL with @error when it cannot be. */
static const LedeHttpModule *
http_module (GError **error)
{
  static LedeModuleOnce once;
  const char *missing;
  const LedeHttpModule *module = lede_paths_load_module_once (&once, LEDE_HTTP_MODULE_NAME, "src/core/interchange",
                                                              LEDE_HTTP_MODULE_ENTRY, LEDE_HTTP_MODULE_ABI, &missing);

  if (module == NULL)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_UNREACHABLE,
                 _("Lede cannot speak to sites: a file of Lede’s is missing (%s). Install Lede again."), missing);
  return module;
}

/**
 * lede_wordpress_new:
 * @address: the site's address (lede_wordpress_check_address())
 *
 * Nothing is sent until lede_wordpress_connect().
 */
LedeWordpress *
lede_wordpress_new (const char *address,
                    const char *user,
                    const char *password)
{
  LedeWordpress *self = g_new0 (LedeWordpress, 1);

  self->address = g_strdup (address);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  self->capabilities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
lede_wordpress_free (LedeWordpress *self)
{
  if (self == NULL)
    return;
  g_free (self->address);
  g_free (self->user);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  if (self->session)
    http_module (NULL)->free_session (self->session);
  g_free (self->api_root);
  g_free (self->site_name);
  g_free (self->role);
  g_hash_table_unref (self->capabilities);
  g_free (self);
}

const char *
lede_wordpress_get_address (LedeWordpress *self)
{
  return self->address;
}

/* Returns: (nullable): the REST API's root, once connected */
const char *
lede_wordpress_get_api_root (LedeWordpress *self)
{
  return self->api_root;
}

/* Returns: (nullable): the site's title, once connected */
const char *
lede_wordpress_get_site_name (LedeWordpress *self)
{
  return self->site_name;
}

/* Returns: (nullable): the user's role there ("editor"), once connected */
const char *
lede_wordpress_get_role (LedeWordpress *self)
{
  return self->role;
}

/* Returns: the role in the user's words */
const char *
lede_wordpress_get_role_label (LedeWordpress *self)
{
  static const struct { const char *role; const char *label; } labels[] = {
    { "administrator", N_("an Administrator") },
    { "editor", N_("an Editor") },
    { "author", N_("an Author") },
    { "contributor", N_("a Contributor") },
    { "subscriber", N_("a Subscriber") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (self->role, labels[i].role) == 0)
      return _(labels[i].label);
  return self->role ? self->role : _("without a role");
}

/* Whether the user has @capability on the site ("publish_posts"). */
gboolean
lede_wordpress_can (LedeWordpress *self,
                    const char    *capability)
{
  return g_hash_table_contains (self->capabilities, capability);
}

/**
 * lede_wordpress_dup_allowed:
 *
 * Returns: (transfer full): what the user's role lets Lede do there, and
 *   what not, in a sentence
 */
char *
lede_wordpress_dup_allowed (LedeWordpress *self)
{
  gboolean publish = lede_wordpress_can (self, "publish_posts");
  gboolean upload = lede_wordpress_can (self, "upload_files");
  gboolean categories = lede_wordpress_can (self, "manage_categories");

  if (!lede_wordpress_can (self, "edit_posts"))
    return g_strdup (_("This user may not write posts: Lede cannot publish as them."));
  if (publish && upload && categories)
    return g_strdup (_("Lede may publish and schedule stories, upload photos and create categories."));
  if (publish && upload)
    return g_strdup (_("Lede may publish and schedule stories and upload photos, but not create categories "
                       "(that needs an Editor): a story’s section must be a category the site has."));
  if (publish)
    return g_strdup (_("Lede may publish and schedule stories, but not upload photos or create categories."));
  return g_strdup (_("Lede may only send drafts and stories for review, without photos: publishing and "
                     "scheduling need an Author."));
}

/* Whether @address names this machine: plain http:// is taken only there,
 * where nobody on the way can read the password. */
gboolean
lede_wordpress_is_loopback (const char *address)
{
  g_autoptr (GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return FALSE;
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_str_equal (host, "localhost") || g_str_has_suffix (host, ".localhost"))
    return TRUE;
  inet = g_inet_address_new_from_string (host);
  return inet != NULL && g_inet_address_get_is_loopback (inet);
}

/**
 * lede_wordpress_check_address:
 * @address: what the writer typed: "https://example.com", "example.com/news"
 *
 * Makes @address a site's address: https:// when no scheme is given, no
 * query or fragment, a final slash. Plain http:// is refused but for this
 * machine (localhost, 127.0.0.1, ::1): an application password sent over
 * it could be read by anyone on the way.
 *
 * Returns: (transfer full): the address, or %NULL with an error in the
 *   %LEDE_WORDPRESS_ERROR domain
 */
char *
lede_wordpress_check_address (const char  *address,
                         GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (address ? address : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *slashed = NULL;
  const char *path;

  if (*typed == '\0')
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS, _("The site’s address is missing."));
      return NULL;
    }
  with_scheme = strstr (typed, "://") ? g_strdup (typed) : g_strconcat ("https://", typed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS,
                   _("“%s” is not a web address: give the site’s address, such as https://news.example.com/."), typed);
      return NULL;
    }
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS,
                   _("“%s” is not a web address: it must start with https://."), typed);
      return NULL;
    }
  if (g_str_equal (scheme, "http") && !lede_wordpress_is_loopback (with_scheme))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_INSECURE,
                   _("“%s” is plain http://: the password would cross the network unencrypted, where anyone on the way "
                     "can read it. Use the site’s https:// address."), typed);
      return NULL;
    }
  path = g_uri_get_path (uri);
  slashed = g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);
  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri), g_uri_get_port (uri), slashed, NULL, NULL);
}

/**
 * lede_wordpress_decode_entities:
 *
 * WordPress gives names and titles with HTML's entities for &, <, >, and
 * quotes ("The Tests&#039; Gazette").
 *
 * Returns: (transfer full): @text with them as characters
 */
char *
lede_wordpress_decode_entities (const char *text)
{
  static const char * const entities[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#039;", "'" }, { "&#39;", "'" },
    { "&#8217;", "’" }, { "&#8216;", "‘" }, { "&#8220;", "“" }, { "&#8221;", "”" }, { "&#8211;", "–" },
    { "&#8212;", "—" }, { "&amp;", "&" },
  };
  GString *plain = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (plain, entities[i][0], entities[i][1], 0);
  return g_string_free (plain, FALSE);
}

/* What a failed exchange means, in the writer's words. */
static void
set_send_error (LedeWordpress  *self,
                const char     *uri,
                GError         *cause,
                GError        **error)
{
  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_TLS,
                 _("The connection to %s is not safe: its certificate cannot be trusted (%s). Lede sends no password "
                   "there."), uri, cause->message);
  else
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_UNREACHABLE,
                 _("Nothing answers at %s: %s. Check the address, and that this computer is online."), uri,
                 cause->message);
}

/* A file sent as it is (a picture to the media library). */
typedef struct {
  GBytes     *bytes;
  const char *media_type;
  const char *file_name;
} Upload;

/* Sends one request, with @body (JSON) or @upload or neither; the
 * answer's bytes, with @answer filled, or %NULL when nothing (usable)
 * answered. */
static GBytes *
send (LedeWordpress   *self,
      const char      *method,
      const char      *uri,
      gboolean         with_password,
      JsonNode        *body,
      const Upload    *upload,
      LedeHttpAnswer  *answer,
      GCancellable    *cancellable,
      GError         **error)
{
  const LedeHttpModule *http = http_module (error);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) json = NULL;
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  g_autofree char *authorization = NULL;
  GBytes *bytes;

  if (http == NULL)
    return NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS, _("“%s” is not a web address."), uri);
      return NULL;
    }
  /* Never a password over plain http:// to another machine, even when
   * the site's own links say so. */
  if (with_password && g_ascii_strcasecmp (scheme, "http") == 0 && !lede_wordpress_is_loopback (uri))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_INSECURE,
                   _("The site sends Lede to plain http:// (%s): the password would cross the network unencrypted. "
                     "Its address must be https://, in its WordPress settings too."), uri);
      return NULL;
    }
  if (with_password)
    {
      g_autofree char *pair = g_strconcat (self->user, ":", self->password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));

      /* Sent with no redirect followed: the password goes nowhere else. */
      authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
    }
  if (body)
    {
      char *text = json_to_string (body, FALSE);

      json = g_bytes_new_take (text, strlen (text));
    }
  if (self->session == NULL)
    {
      g_autofree char *agent = g_strdup_printf ("Lede/%s ", VERSION);

      self->session = http->new_session (agent, 60, 30);
    }
  bytes = http->send (self->session, method, uri, authorization,
                      upload ? upload->media_type : json ? "application/json; charset=utf-8" : NULL,
                      upload ? upload->bytes : json, upload ? upload->file_name : NULL, answer, cancellable,
                      &local_error);
  if (authorization)
    memset (authorization, 0, strlen (authorization));
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error->domain == G_URI_ERROR)
        g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS, _("“%s” is not a web address."), uri);
      else
        set_send_error (self, uri, local_error, error);
      return NULL;
    }
  return bytes;
}

/* @object's member @name when it is an array (or an object), else %NULL:
 * a site's plugins can make any member anything. */
static JsonArray *
member_array (JsonObject *object,
              const char *name,
              gpointer    unused)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name,
               gpointer    unused)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The answer as JSON, or %NULL when it is none. */
static JsonNode *
parse_json (GBytes *answer)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (answer, &size);

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* The site's own words in an error answer ({"code", "message"}), without
 * the markup WordPress puts in some. */
static char *
dup_site_message (JsonNode *answer)
{
  JsonObject *object;
  const char *message;
  GString *plain;
  gboolean in_tag = FALSE;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;
  object = json_node_get_object (answer);
  message = json_object_has_member (object, "message") ? json_object_get_string_member_with_default (object, "message", NULL)
                                                       : NULL;
  if (message == NULL)
    return NULL;
  plain = g_string_new (NULL);
  for (const char *p = message; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (plain, *p);
    }
  return g_strstrip (g_string_free (plain, FALSE));
}

/* The REST API's root from the page's Link headers, or %NULL. */
static char *
find_api_link (const LedeHttpAnswer *answer,
               const char           *uri)
{
  g_autoptr (GUri) base = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *p = answer->links;

  while (p && (p = strchr (p, '<')))
    {
      const char *end = strchr (p, '>');
      const char *next;
      g_autofree char *params = NULL;

      if (end == NULL)
        break;
      next = strchr (end, '<');
      params = next ? g_strndup (end + 1, next - end - 1) : g_strdup (end + 1);
      if (strstr (params, "rel=\"" API_REL "\"") || strstr (params, "rel=" API_REL))
        {
          g_autofree char *target = g_strndup (p + 1, end - p - 1);
          g_autoptr (GUri) resolved = g_uri_parse_relative (base, target, G_URI_FLAGS_NONE, NULL);

          return resolved ? g_uri_to_string (resolved) : NULL;
        }
      p = end;
    }
  return NULL;
}

/* Whether a page without the API's link still comes from WordPress. */
static gboolean
looks_like_wordpress (GBytes *page)
{
  gsize size;
  const char *data = g_bytes_get_data (page, &size);
  g_autofree char *text = data ? g_strndup (data, MIN (size, 512 * 1024)) : NULL;

  return text && (strstr (text, "/wp-content/") || strstr (text, "/wp-includes/") ||
                  strstr (text, "content=\"WordPress"));
}

/**
 * lede_wordpress_dup_route_uri:
 * @route: "wp/v2/posts/12"
 * @query: (nullable): "context=edit&per_page=100", escaped already
 *
 * Returns: (transfer full): the address of @route under the API's root:
 *   /wp-json/wp/v2/posts/12, or ?rest_route=/wp/v2/posts/12 on a site
 *   without pretty permalinks
 */
char *
lede_wordpress_dup_route_uri (LedeWordpress *self,
                              const char    *route,
                              const char    *query)
{
  const char *root = self->api_root;

  g_return_val_if_fail (root != NULL, NULL);

  while (*route == '/')
    route++;
  if (strstr (root, "rest_route="))
    return g_strconcat (root, g_str_has_suffix (root, "/") ? "" : "/", route, query ? "&" : "", query ? query : "",
                        NULL);
  return g_strconcat (root, g_str_has_suffix (root, "/") ? "" : "/", route, query ? "?" : "", query ? query : "",
                      NULL);
}

static JsonNode *call (LedeWordpress *self, const char *method, const char *route, const char *query,
                       JsonNode *body, const Upload *upload, guint *status, JsonNode **refusal,
                       GCancellable *cancellable, GError **error);

/**
 * lede_wordpress_call:
 * @method: "GET", "POST", "DELETE"
 * @route: "wp/v2/posts"
 * @query: (nullable): escaped query parameters
 * @body: (nullable): JSON to send
 * @status: (out) (optional): the HTTP status, 0 when nothing answered
 *
 * One call of the REST API, as the user. A refusal fails with the site's
 * own message: %LEDE_WORDPRESS_ERROR_PASSWORD (401),
 * %LEDE_WORDPRESS_ERROR_NOT_ALLOWED (403), else
 * %LEDE_WORDPRESS_ERROR_REFUSED.
 *
 * Returns: (transfer full): the answer
 */
JsonNode *
lede_wordpress_call (LedeWordpress  *self,
                     const char     *method,
                     const char     *route,
                     const char     *query,
                     JsonNode       *body,
                     guint          *status,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return lede_wordpress_call_full (self, method, route, query, body, status, NULL, cancellable, error);
}

/**
 * lede_wordpress_call_full:
 * @refusal: (out) (optional) (transfer full) (nullable): the site's
 *   answer when it refused, when it was JSON ({"code", "message", "data"})
 *
 * lede_wordpress_call(), for callers that tell refusals apart by the
 * site's code (term_exists…).
 */
JsonNode *
lede_wordpress_call_full (LedeWordpress  *self,
                          const char     *method,
                          const char     *route,
                          const char     *query,
                          JsonNode       *body,
                          guint          *status,
                          JsonNode      **refusal,
                          GCancellable   *cancellable,
                          GError        **error)
{
  return call (self, method, route, query, body, NULL, status, refusal, cancellable, error);
}

/**
 * lede_wordpress_upload:
 * @bytes: the picture's bytes, as they are
 * @media_type: "image/jpeg"…
 * @file_name: the name it is kept under on the site
 *
 * Adds a picture to the site's media library (an Author may).
 *
 * Returns: (transfer full): the site's media item ({"id", "source_url"…})
 */
JsonNode *
lede_wordpress_upload (LedeWordpress  *self,
                       GBytes         *bytes,
                       const char     *media_type,
                       const char     *file_name,
                       GCancellable   *cancellable,
                       GError        **error)
{
  Upload upload = { bytes, media_type, file_name };

  return call (self, "POST", "wp/v2/media", NULL, NULL, &upload, NULL, NULL, cancellable, error);
}

static JsonNode *
call (LedeWordpress  *self,
      const char     *method,
      const char     *route,
      const char     *query,
      JsonNode       *body,
      const Upload   *upload,
      guint          *status,
      JsonNode      **refusal,
      GCancellable   *cancellable,
      GError        **error)
{
  g_autofree char *uri = lede_wordpress_dup_route_uri (self, route, query);
  g_auto (LedeHttpAnswer) message = { 0 };
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *said = NULL;
  guint code;

  if (status)
    *status = 0;
  if (refusal)
    *refusal = NULL;
  if (!(answer = send (self, method, uri, TRUE, body, upload, &message, cancellable, error)))
    return NULL;
  code = message.status;
  if (status)
    *status = code;
  json = parse_json (answer);
  if (code >= 200 && code < 300 && json != NULL)
    return g_steal_pointer (&json);

  said = dup_site_message (json);
  if (code == 401)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_PASSWORD,
                 _("%s did not take the user name %s and its application password (%s). An application password is "
                   "made under Users → Profile → Application Passwords on the site; the login password does not "
                   "work here."), self->address, self->user, said ? said : message.reason);
  else if (code == 403)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
                 _("%s does not let %s do this: %s"), self->address, self->user,
                 said ? said : message.reason);
  else if (code >= 300 && code < 400)
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                 _("%s sent Lede elsewhere (%u %s) instead of answering; is its address in WordPress’s settings the "
                   "one Lede has?"), self->address, code, message.reason);
  else
    g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED, _("%s refused (%u): %s"), self->address,
                 code, said ? said : json == NULL ? _("its answer was not the REST API’s")
                                                  : message.reason);
  if (refusal)
    *refusal = g_steal_pointer (&json);
  return NULL;
}

/**
 * lede_wordpress_connect:
 *
 * Finds the site's REST API (its discovery link), checks that it answers
 * and takes application passwords, and signs in: the user's role and
 * capabilities are known after. Each failure says which it is, in words
 * (see #LedeWordpressError).
 */
gboolean
lede_wordpress_connect (LedeWordpress  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_auto (LedeHttpAnswer) page = { 0 };
  g_auto (LedeHttpAnswer) root_message = { 0 };
  g_autoptr (GBytes) page_bytes = NULL;
  g_autoptr (GBytes) root_bytes = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) me = NULL;
  g_autofree char *checked = NULL;
  JsonObject *object;
  JsonArray *namespaces;
  JsonObject *authentication;
  gboolean has_v2 = FALSE;
  guint code;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(checked = lede_wordpress_check_address (self->address, error)))
    return FALSE;
  g_free (self->address);
  self->address = g_steal_pointer (&checked);

  /* The site's own page: where its API is. */
  if (!(page_bytes = send (self, "GET", self->address, FALSE, NULL, NULL, &page, cancellable, error)))
    return FALSE;
  code = page.status;
  g_clear_pointer (&self->api_root, g_free);
  self->api_root = find_api_link (&page, self->address);
  if (self->api_root == NULL)
    {
      if (looks_like_wordpress (page_bytes))
        g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REST_OFF,
                     _("%s is a WordPress site, but its REST API is turned off (by a plugin or the host): Lede "
                       "publishes through it. Ask the site’s administrator to turn it on."), self->address);
      else if (code >= 400)
        g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_ADDRESS,
                     _("%s answers “%u %s”: check the address (the site’s home page, not a page of it)."),
                     self->address, code, page.reason);
      else
        g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_WORDPRESS,
                     _("%s is not a WordPress site (it does not say where a WordPress REST API is). Check the "
                       "address."), self->address);
      return FALSE;
    }
  if (g_str_has_prefix (self->api_root, "http:") && !lede_wordpress_is_loopback (self->api_root))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_INSECURE,
                   _("%s says its REST API is at plain http:// (%s): the password would cross the network "
                     "unencrypted. Its WordPress Address and Site Address must be https://."), self->address,
                   self->api_root);
      return FALSE;
    }

  /* The API's index: on, and with application passwords. */
  if (!(root_bytes = send (self, "GET", self->api_root, FALSE, NULL, NULL, &root_message, cancellable, error)))
    return FALSE;
  root = parse_json (root_bytes);
  code = root_message.status;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || code >= 300)
    {
      g_autofree char *said = dup_site_message (root);

      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REST_OFF,
                   _("The REST API of %s does not answer (%u): %s. A plugin or the host may have turned it off; Lede "
                     "publishes through it."), self->address, code,
                   said ? said : root_message.reason);
      return FALSE;
    }
  object = json_node_get_object (root);
  namespaces = member_array (object, "namespaces", NULL);
  for (guint i = 0; namespaces && i < json_array_get_length (namespaces); i++)
    has_v2 |= g_strcmp0 (json_array_get_string_element (namespaces, i), "wp/v2") == 0;
  if (!has_v2)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REST_OFF,
                   _("The REST API of %s offers no posts (wp/v2): Lede cannot publish there."), self->address);
      return FALSE;
    }
  authentication = member_object (object, "authentication", NULL);
  if (authentication == NULL || !json_object_has_member (authentication, "application-passwords"))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REST_OFF,
                   _("%s does not take application passwords (WordPress 5.6 or later has them, unless a plugin "
                     "turned them off or the site is not on https://)."), self->address);
      return FALSE;
    }
  g_free (self->site_name);
  self->site_name = lede_wordpress_decode_entities (json_object_get_string_member_with_default (object, "name", ""));

  /* Signed in: who, and what they may do. */
  if (!(me = lede_wordpress_call (self, "GET", "wp/v2/users/me", "context=edit", NULL, NULL, cancellable, error)))
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (me))
    {
      JsonObject *user = json_node_get_object (me);
      JsonArray *roles = member_array (user, "roles", NULL);
      JsonObject *capabilities = member_object (user, "capabilities", NULL);
      g_autoptr (GList) names = capabilities ? json_object_get_members (capabilities) : NULL;

      g_free (self->role);
      self->role = roles && json_array_get_length (roles) > 0 ? g_strdup (json_array_get_string_element (roles, 0))
                                                               : NULL;
      g_hash_table_remove_all (self->capabilities);
      for (GList *l = names; l; l = l->next)
        if (json_object_get_boolean_member_with_default (capabilities, l->data, FALSE))
          g_hash_table_add (self->capabilities, g_strdup (l->data));
    }
  return TRUE;
}
