/* lede-wire-watcher.h: the desk's wire folders, watched into the inbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"

G_BEGIN_DECLS

/* A file is complete once its size and time have stood this long. */
#define LEDE_WIRE_WATCHER_SETTLE_US (G_USEC_PER_SEC)
/* How often a folder no file monitor can watch is looked at. */
#define LEDE_WIRE_WATCHER_POLL_MS 3000

#define LEDE_TYPE_WIRE_WATCHER (lede_wire_watcher_get_type ())

G_DECLARE_FINAL_TYPE (LedeWireWatcher, lede_wire_watcher, LEDE, WIRE_WATCHER, GObject)

LedeWireWatcher *lede_wire_watcher_new          (LedeLibrary        *library);
void             lede_wire_watcher_set_folders  (LedeWireWatcher    *self,
                                                 const char * const *folders);
void             lede_wire_watcher_set_poll_all (LedeWireWatcher    *self,
                                                 gboolean            poll_all,
                                                 guint               interval_ms);
gboolean         lede_wire_watcher_is_polled    (LedeWireWatcher    *self,
                                                 const char         *folder);
gboolean         lede_wire_watcher_is_idle      (LedeWireWatcher    *self);

G_END_DECLS
