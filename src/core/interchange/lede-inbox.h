/* lede-inbox.h: wire files read into the inbox, and taken from it into the
 * library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-import.h"

G_BEGIN_DECLS

LedeInboxEntry *lede_inbox_read_file    (const char         *path,
                                         gint64              size,
                                         gint64              mtime_us,
                                         GBytes            **data);
gint64          lede_inbox_find_killed  (LedeLibrary        *library,
                                         const LedeInboxEntry *entry);
LedeArticle    *lede_inbox_read_story   (LedeLibrary        *library,
                                         gint64              id,
                                         GError            **error);
LedeArticle    *lede_inbox_take         (LedeLibrary        *library,
                                         gint64              id,
                                         LedeImportOutcome  *outcome,
                                         LedeImportNotes    *notes,
                                         char             ***messages,
                                         GError            **error);

G_END_DECLS
