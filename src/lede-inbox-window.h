/* lede-inbox-window.h: the wire inbox: what waits to be taken, what was
 * refused and why, what was taken lately.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_INBOX_WINDOW (lede_inbox_window_get_type ())

G_DECLARE_FINAL_TYPE (LedeInboxWindow, lede_inbox_window, LEDE, INBOX_WINDOW, AdwWindow)

LedeInboxWindow *lede_inbox_window_new      (GtkWindow       *parent,
                                             LedeLibrary     *library);
void             lede_inbox_window_fill     (LedeInboxWindow *self);
void             lede_inbox_window_say      (LedeInboxWindow *self,
                                             const char      *message);
GtkWidget       *lede_inbox_window_get_take_button (LedeInboxWindow *self,
                                             gint64           id);

G_END_DECLS
