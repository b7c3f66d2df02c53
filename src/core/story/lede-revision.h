/* lede-revision.h: one kept version of a story, as its history lists it,
 * and the snapshot of a story's fields a revision holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"

G_BEGIN_DECLS

#define LEDE_TYPE_REVISION (lede_revision_get_type ())

typedef struct {
  gint64     id;
  gint64     article_id;
  GDateTime *created;   /* UTC */
  char      *reason;    /* "left the story", "status: ready", "before replace all"… */
  char      *name;      /* a named version ("as filed"), kept forever; or "" */
  guint      words;     /* the body's word count */
} LedeRevision;

GType         lede_revision_get_type    (void) G_GNUC_CONST;
LedeRevision *lede_revision_copy        (const LedeRevision *revision);
void          lede_revision_free        (LedeRevision       *revision);

char         *lede_revision_snapshot    (LedeArticle        *article,
                                         const char * const *tags,
                                         GPtrArray          *sources);
char         *lede_revision_snapshot_full (LedeArticle      *article,
                                         const char * const *tags,
                                         GPtrArray          *sources,
                                         GPtrArray          *photos);
gboolean      lede_revision_apply       (const char         *snapshot,
                                         LedeArticle        *article,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeRevision, lede_revision_free)

G_END_DECLS
