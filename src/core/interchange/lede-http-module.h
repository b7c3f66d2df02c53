/* lede-http-module.h: what the HTTP module (libsoup) gives
 * lede-wordpress.c.
 *
 * libsoup brings Kerberos, nghttp2 and libpsl with it: 1.4 MB of every
 * process that links it, for publishing alone. So it lives in a module
 * loaded with GModule the first time a site is spoken to; its one entry
 * point hands over this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Raised whenever the table changes: a module from another build is refused. */
#define LEDE_HTTP_MODULE_ABI 1
#define LEDE_HTTP_MODULE_NAME "lede-http"
#define LEDE_HTTP_MODULE_ENTRY "lede_http_module_get"

/* What came back besides the body. */
typedef struct
{
  guint  status;
  char  *reason;  /* the status's reason phrase */
  char  *links;   /* the Link headers, joined with ", ", or NULL */
} LedeHttpAnswer;

typedef struct
{
  guint abi;
  /* A session for one thread: each request times out after @timeout_s,
   * an idle connection is closed after @idle_timeout_s. */
  gpointer (*new_session)  (const char     *user_agent,
                            guint           timeout_s,
                            guint           idle_timeout_s);
  void     (*free_session) (gpointer        session);
  /* Sends @body (of @content_type; %NULL for none), as an attachment
   * named @file_name when one is given, with an Authorization header when
   * @authorization is given (and then no redirect is followed, so the
   * header goes nowhere else). Returns the answer's body, with @answer
   * filled, or %NULL: G_URI_ERROR for an address that is not http(s),
   * else how the exchange failed (G_TLS_ERROR, G_IO_ERROR…). */
  GBytes  *(*send)         (gpointer        session,
                            const char     *method,
                            const char     *uri,
                            const char     *authorization,
                            const char     *content_type,
                            GBytes         *body,
                            const char     *file_name,
                            LedeHttpAnswer *answer,
                            GCancellable   *cancellable,
                            GError        **error);
} LedeHttpModule;

typedef const LedeHttpModule *(*LedeHttpModuleGet) (void);

static inline void
lede_http_answer_clear (LedeHttpAnswer *answer)
{
  g_clear_pointer (&answer->reason, g_free);
  g_clear_pointer (&answer->links, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LedeHttpAnswer, lede_http_answer_clear)

G_END_DECLS
