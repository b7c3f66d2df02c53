/* lede-outbox-sender.h: sends what waits in the library's outbox while Lede
 * runs: when the network comes back, every minute while anything waits,
 * and when asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_OUTBOX_SENDER (lede_outbox_sender_get_type ())

G_DECLARE_FINAL_TYPE (LedeOutboxSender, lede_outbox_sender, LEDE, OUTBOX_SENDER, GObject)

/* How often a site that did not answer is tried again. */
#define LEDE_OUTBOX_RETRY_SECONDS 60

LedeOutboxSender *lede_outbox_sender_new      (LedeLibrary      *library);
void              lede_outbox_sender_send_now (LedeOutboxSender *self);
void              lede_outbox_sender_schedule (LedeOutboxSender *self);
gboolean          lede_outbox_sender_is_busy  (LedeOutboxSender *self);

G_END_DECLS
