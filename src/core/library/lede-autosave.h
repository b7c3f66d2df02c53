/* lede-autosave.h: when to write the open story, so nothing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lede-types.h"
#include "lede-enums.h"

G_BEGIN_DECLS

#define LEDE_TYPE_AUTOSAVE (lede_autosave_get_type ())

G_DECLARE_FINAL_TYPE (LedeAutosave, lede_autosave, LEDE, AUTOSAVE, GObject)

/* Writes the story; returns %FALSE with @error set when it could not. */
typedef gboolean (*LedeAutosaveFunc) (gpointer   user_data,
                                      GError   **error);

LedeAutosave  *lede_autosave_new        (guint              delay_ms,
                                         guint              max_wait_ms);
void           lede_autosave_set_func   (LedeAutosave      *self,
                                         LedeAutosaveFunc   func,
                                         gpointer           user_data);
void           lede_autosave_touch      (LedeAutosave      *self);
gboolean       lede_autosave_flush      (LedeAutosave      *self,
                                         GError           **error);
void           lede_autosave_reset      (LedeAutosave      *self);
LedeSaveState  lede_autosave_get_state  (LedeAutosave      *self);
const GError  *lede_autosave_get_error  (LedeAutosave      *self);

G_END_DECLS
