/* lede-frame-clock.h: letting go of a frame clock listened to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Stops listening to *@clock (held, with @handler) and drops it. A closed
 * window's clock is disposed before the window, its handlers with it. */
static inline void
lede_frame_clock_let_go (GdkFrameClock **clock,
                         gulong         *handler)
{
  if (*clock != NULL && g_signal_handler_is_connected (*clock, *handler))
    g_signal_handler_disconnect (*clock, *handler);
  *handler = 0;
  g_clear_object (clock);
}

G_END_DECLS
