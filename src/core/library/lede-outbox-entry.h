/* lede-outbox-entry.h: a story waiting to go out to a publishing site that
 * did not answer, as the library keeps it, with what the writer decided at
 * the gate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64     id;               /* its place in the queue: the lowest goes first */
  gint64     article_id;
  char      *headline;         /* the story's, read with the list */
  char      *site;             /* the site's name in Lede (lede-cli site list); a move's: its address */
  char      *mode;             /* "draft", "publish", "schedule", or "move" */
  GDateTime *scheduled_at;     /* with "schedule": when; with "move": where the post's time goes; UTC */
  gint64     post_id;          /* with "move": the post on the site */
  gboolean   overwrite;        /* send over a change made on the site */
  char      *forced_reasons;   /* the blocking findings the writer let it out with; NULL: none */
  gboolean   answered;         /* the writer said what changed for readers (or that nothing did) */
  char      *correction_kind;  /* with a note: its kind (lede_correction_kind_to_string()) */
  char      *correction_note;  /* NULL: none */
  GDateTime *queued_at;
  guint      tries;            /* sends tried since it was queued */
  char      *last_error;       /* why the last try failed, or "" */
} LedeOutboxEntry;

LedeOutboxEntry *lede_outbox_entry_new  (void);
void             lede_outbox_entry_free (LedeOutboxEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeOutboxEntry, lede_outbox_entry_free)

G_END_DECLS
