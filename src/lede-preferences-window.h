/* lede-preferences-window.h: Lede's preferences (Ctrl+,), all in GSettings
 * and applied as they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PREFERENCES_WINDOW (lede_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LedePreferencesWindow, lede_preferences_window, LEDE, PREFERENCES_WINDOW, AdwPreferencesWindow)

LedePreferencesWindow *lede_preferences_window_new (GtkWindow   *parent,
                                                    LedeLibrary *library);

G_END_DECLS
