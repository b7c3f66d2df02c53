/* lede-inbox-entry.c: one file a watched wire folder gave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>

#include "lede-inbox-entry.h"

LedeInboxEntry *
lede_inbox_entry_new (void)
{
  LedeInboxEntry *entry = g_new0 (LedeInboxEntry, 1);

  entry->pubstatus = g_strdup ("usable");
  return entry;
}

void
lede_inbox_entry_free (LedeInboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->sha256);
  g_clear_pointer (&entry->arrived_at, g_date_time_unref);
  g_clear_pointer (&entry->settled_at, g_date_time_unref);
  g_free (entry->headline);
  g_free (entry->byline);
  g_free (entry->dateline);
  g_free (entry->keywords);
  g_free (entry->format);
  g_free (entry->wire_id);
  g_free (entry->version);
  g_clear_pointer (&entry->version_created, g_date_time_unref);
  g_free (entry->pubstatus);
  g_free (entry->reason);
  g_free (entry);
}

const char *
lede_inbox_state_to_string (LedeInboxState state)
{
  switch (state)
    {
    case LEDE_INBOX_TAKEN:
      return "taken";
    case LEDE_INBOX_REFUSED:
      return "refused";
    case LEDE_INBOX_WAITING:
    default:
      return "waiting";
    }
}

LedeInboxState
lede_inbox_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "taken") == 0)
    return LEDE_INBOX_TAKEN;
  if (g_strcmp0 (text, "refused") == 0)
    return LEDE_INBOX_REFUSED;
  return LEDE_INBOX_WAITING;
}

/**
 * lede_inbox_entry_dup_provider:
 *
 * Who sent it, as a desk names an agency: the authority of a
 * "urn:newsml:AUTHORITY:…" id or the host of an http(s) one; else the
 * format ("NITF"), or "" for a file that is not wire copy.
 */
char *
lede_inbox_entry_dup_provider (const LedeInboxEntry *entry)
{
  const char *id = entry->wire_id ? entry->wire_id : "";

  if (g_str_has_prefix (id, "urn:newsml:"))
    {
      const char *start = id + strlen ("urn:newsml:");
      const char *end = strchr (start, ':');

      if (end != NULL && end > start)
        return g_strndup (start, end - start);
    }
  if (g_str_has_prefix (id, "http://") || g_str_has_prefix (id, "https://"))
    {
      const char *start = strstr (id, "//") + 2;
      const char *end = strpbrk (start, "/:?#");

      if (end == NULL)
        end = start + strlen (start);
      if (end > start)
        return g_strndup (start, end - start);
    }
  if (*id && entry->format)
    return g_strdup (entry->format);
  return g_strdup ("");
}
