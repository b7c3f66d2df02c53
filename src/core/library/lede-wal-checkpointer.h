/* lede-wal-checkpointer.h: a library's WAL written into its file on a
 * thread of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LedeWalCheckpointer LedeWalCheckpointer;

LedeWalCheckpointer *lede_wal_checkpointer_new  (sqlite3             *writer);
void                 lede_wal_checkpointer_watch (LedeWalCheckpointer *self,
                                                  sqlite3             *db);
guint                lede_wal_checkpointer_get_count (LedeWalCheckpointer *self);
gboolean             lede_wal_checkpointer_is_copying (LedeWalCheckpointer *self);
void                 lede_wal_checkpointer_free (LedeWalCheckpointer *self);

G_END_DECLS
