/* lede-outbox.h: stories sent to a publishing site that did not answer,
 * kept in the library and sent when it answers again: once, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-publish.h"
#include "lede-site.h"

G_BEGIN_DECLS

typedef struct _LedeOutboxSend LedeOutboxSend;

/* What one try to send a waiting story came to. */
typedef struct {
  char          *headline;
  char          *site;       /* the site's name in Lede */
  gboolean       sent;       /* out of the outbox: it is on the site */
  gboolean       unanswered; /* the site did not answer: it waits */
  char          *message;    /* why it did not go, in words; NULL when sent */
  LedePublished  published;  /* what the site made of it, when sent */
} LedeOutboxResult;

gboolean        lede_outbox_is_unanswered  (const GError       *error);
gboolean        lede_outbox_queue          (LedeLibrary        *library,
                                            LedeVerdict        *verdict,
                                            const char         *site,
                                            LedePublishMode     mode,
                                            GDateTime          *when,
                                            LedePublishFlags    flags,
                                            const char         *reason,
                                            GError            **error);

LedeOutboxSend *lede_outbox_send_prepare   (LedeLibrary        *library,
                                            const LedeOutboxEntry *entry,
                                            GError            **error);
gboolean        lede_outbox_send_run       (LedeOutboxSend     *send,
                                            const char         *password,
                                            GCancellable       *cancellable,
                                            GError            **error);
gboolean        lede_outbox_send_finish    (LedeOutboxSend     *send,
                                            LedeLibrary        *library,
                                            GError            **error);
void            lede_outbox_send_failed    (LedeOutboxSend     *send,
                                            LedeLibrary        *library,
                                            const GError       *error);
LedeArticle    *lede_outbox_send_get_article (LedeOutboxSend   *send);
const LedeSite *lede_outbox_send_get_site  (LedeOutboxSend     *send);
const LedePublished *lede_outbox_send_get_published (LedeOutboxSend *send);
void            lede_outbox_send_free      (LedeOutboxSend     *send);

GPtrArray      *lede_outbox_send_all       (LedeLibrary        *library,
                                            const char         *password,
                                            GCancellable       *cancellable,
                                            GError            **error);
void            lede_outbox_result_free    (LedeOutboxResult   *result);

const char     *lede_publish_mode_to_string   (LedePublishMode  mode);
LedePublishMode lede_publish_mode_from_string (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeOutboxSend, lede_outbox_send_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeOutboxResult, lede_outbox_result_free)

G_END_DECLS
