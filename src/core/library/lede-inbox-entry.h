/* lede-inbox-entry.h: one file a watched wire folder gave, as the inbox
 * keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_INBOX_WAITING,  /* read whole: waiting for the desk to take it */
  LEDE_INBOX_TAKEN,    /* in the library (or known there already) */
  LEDE_INBOX_REFUSED,  /* could not be read: the reason says why */
} LedeInboxState;

/* Taken and refused entries are kept this many days. */
#define LEDE_INBOX_KEEP_DAYS 30

typedef struct
{
  gint64          id;
  char           *path;             /* where it landed */
  gint64          size;
  gint64          mtime_us;         /* modified, µs since the epoch */
  char           *sha256;           /* of its bytes; "" when they could not be read */
  GDateTime      *arrived_at;
  LedeInboxState  state;
  GDateTime      *settled_at;       /* taken or refused; NULL while waiting */
  char           *headline;
  char           *byline;
  char           *dateline;
  char           *keywords;         /* the story's tags, ", " between */
  char           *format;           /* "ninjs", "NewsML-G2", "NITF", "Markdown", "plain text" */
  char           *wire_id;          /* the provider's id, or "" */
  char           *version;          /* as the wire gives it, or "" */
  GDateTime      *version_created;  /* nullable */
  char           *pubstatus;        /* "usable", "withheld", "canceled" */
  char           *reason;           /* why refused, or what taking it said */
  gint64          article_id;       /* the story it became or is; 0 when none */
} LedeInboxEntry;

LedeInboxEntry *lede_inbox_entry_new              (void);
void            lede_inbox_entry_free             (LedeInboxEntry *entry);
const char     *lede_inbox_state_to_string        (LedeInboxState  state);
LedeInboxState  lede_inbox_state_from_string      (const char     *text);
char           *lede_inbox_entry_dup_provider     (const LedeInboxEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeInboxEntry, lede_inbox_entry_free)

G_END_DECLS
