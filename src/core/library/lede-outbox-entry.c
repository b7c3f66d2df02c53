/* lede-outbox-entry.c: a story waiting to go out to a publishing site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-outbox-entry.h"

LedeOutboxEntry *
lede_outbox_entry_new (void)
{
  return g_new0 (LedeOutboxEntry, 1);
}

void
lede_outbox_entry_free (LedeOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->headline);
  g_free (entry->site);
  g_free (entry->mode);
  g_clear_pointer (&entry->scheduled_at, g_date_time_unref);
  g_free (entry->forced_reasons);
  g_free (entry->correction_kind);
  g_free (entry->correction_note);
  g_clear_pointer (&entry->queued_at, g_date_time_unref);
  g_free (entry->last_error);
  g_free (entry);
}
