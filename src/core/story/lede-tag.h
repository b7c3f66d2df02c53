/* lede-tag.h: a tag as the tag manager shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_TAG (lede_tag_get_type ())

typedef struct {
  gint64  id;
  char   *name;
  guint   n_stories;   /* stories not in the trash */
} LedeTag;

GType    lede_tag_get_type (void) G_GNUC_CONST;
LedeTag *lede_tag_new      (gint64         id,
                            const char    *name,
                            guint          n_stories);
LedeTag *lede_tag_copy     (const LedeTag *tag);
void     lede_tag_free     (LedeTag       *tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeTag, lede_tag_free)

G_END_DECLS
