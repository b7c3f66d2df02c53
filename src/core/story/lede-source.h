/* lede-source.h: a person or organisation a story relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SOURCE (lede_source_get_type ())

typedef struct {
  gint64  id;
  char   *name;
  char   *role;          /* role or title */
  char   *organisation;
  char   *email;         /* private: never exported */
  char   *phone;         /* private: never exported */
  char   *notes;         /* private: never exported */
  char   *story_note;    /* how one story uses the source ("on background") */
} LedeSource;

GType       lede_source_get_type (void) G_GNUC_CONST;
LedeSource *lede_source_new      (const char       *name);
LedeSource *lede_source_copy     (const LedeSource *source);
void        lede_source_free     (LedeSource       *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeSource, lede_source_free)

G_END_DECLS
