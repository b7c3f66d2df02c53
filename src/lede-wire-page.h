/* lede-wire-page.h: Preferences → Wire: the folders Lede watches for wire
 * copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_WIRE_PAGE (lede_wire_page_get_type ())

G_DECLARE_FINAL_TYPE (LedeWirePage, lede_wire_page, LEDE, WIRE_PAGE, AdwPreferencesPage)

LedeWirePage *lede_wire_page_new           (void);
void          lede_wire_page_add_folder    (LedeWirePage *self,
                                            const char   *path);
void          lede_wire_page_remove_folder (LedeWirePage *self,
                                            const char   *path);

G_END_DECLS
