/* lede-wire-changes-window.h: a newer wire version of a story the desk
 * has edited, shown as changes to take graf by graf or whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_WIRE_CHANGES_WINDOW (lede_wire_changes_window_get_type ())

G_DECLARE_FINAL_TYPE (LedeWireChangesWindow, lede_wire_changes_window, LEDE, WIRE_CHANGES_WINDOW, AdwWindow)

LedeWireChangesWindow *lede_wire_changes_window_new           (GtkWindow             *parent,
                                                               gint64                 story_id,
                                                               const char            *headline,
                                                               const char            *desk_body,
                                                               const char            *wire_body);
gint64                 lede_wire_changes_window_get_story_id  (LedeWireChangesWindow *self);
void                   lede_wire_changes_window_set_desk_body (LedeWireChangesWindow *self,
                                                               const char            *desk_body);
guint                  lede_wire_changes_window_count_grafs   (LedeWireChangesWindow *self);
GtkWidget             *lede_wire_changes_window_get_take_button (LedeWireChangesWindow *self,
                                                               int                    graf);

G_END_DECLS
