/* lede-style.h: a desk's house style, its rules made ready to check a
 * story with (shared, never changed, so any thread may read it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-style-rule.h"

G_BEGIN_DECLS

#define LEDE_TYPE_STYLE (lede_style_get_type ())

typedef struct _LedeStyle LedeStyle;

GType       lede_style_get_type        (void) G_GNUC_CONST;
LedeStyle  *lede_style_new             (GPtrArray       *rules);
LedeStyle  *lede_style_ref             (LedeStyle       *self);
void        lede_style_unref           (LedeStyle       *self);
GPtrArray  *lede_style_get_rules       (LedeStyle       *self);
GHashTable *lede_style_dup_word_swaps  (LedeStyle       *self);
GPtrArray  *lede_style_dup_starter     (void);

LedeStyle  *lede_style_load            (LedeLibrary     *library,
                                        GError         **error);
gboolean    lede_style_keep_rule       (LedeLibrary     *library,
                                        const LedeStyleRule *rule,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStyle, lede_style_unref)

G_END_DECLS
