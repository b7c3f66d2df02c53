/* lede-http-module.c: the HTTP module, libsoup 3 behind the one table
 * lede-http-module.h describes. What is sent, and what the answers mean,
 * is lede-wordpress.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wordpress"

#include "config.h"

#include <gmodule.h>
#include <libsoup/soup.h>

#include "lede-http-module.h"

static gpointer
new_session (const char *user_agent,
             guint       timeout_s,
             guint       idle_timeout_s)
{
  return soup_session_new_with_options ("user-agent", user_agent, "timeout", timeout_s,
                                        "idle-timeout", idle_timeout_s, NULL);
}

static void
free_session (gpointer session)
{
  g_object_unref (session);
}

static GBytes *
send (gpointer        session,
      const char     *method,
      const char     *uri,
      const char     *authorization,
      const char     *content_type,
      GBytes         *body,
      const char     *file_name,
      LedeHttpAnswer *answer,
      GCancellable   *cancellable,
      GError        **error)
{
  g_autoptr (SoupMessage) message = soup_message_new (method, uri);
  SoupMessageHeaders *headers;
  GBytes *bytes;

  if (message == NULL)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED, "“%s” is not an http(s) address", uri);
      return NULL;
    }
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json, */*;q=0.5");
  if (authorization)
    {
      soup_message_headers_replace (headers, "Authorization", authorization);
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
    }
  if (file_name)
    {
      /* The name as a header parameter, quoted and escaped by libsoup. */
      g_autoptr (GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (params, (gpointer)"filename", (gpointer)file_name);
      soup_message_headers_set_content_disposition (headers, "attachment", params);
    }
  if (body)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  if (!(bytes = soup_session_send_and_read (session, message, cancellable, error)))
    return NULL;
  answer->status = soup_message_get_status (message);
  answer->reason = g_strdup (soup_message_get_reason_phrase (message));
  answer->links = g_strdup (soup_message_headers_get_list (soup_message_get_response_headers (message), "Link"));
  return bytes;
}

G_MODULE_EXPORT const LedeHttpModule *lede_http_module_get (void);

const LedeHttpModule *
lede_http_module_get (void)
{
  static const LedeHttpModule table = {
    .abi = LEDE_HTTP_MODULE_ABI,
    .new_session = new_session,
    .free_session = free_session,
    .send = send,
  };

  return &table;
}
