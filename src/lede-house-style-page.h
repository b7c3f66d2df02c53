/* lede-house-style-page.h: Preferences → House Style, the desk's rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_HOUSE_STYLE_PAGE (lede_house_style_page_get_type ())

G_DECLARE_FINAL_TYPE (LedeHouseStylePage, lede_house_style_page, LEDE, HOUSE_STYLE_PAGE, AdwPreferencesPage)

void lede_house_style_page_set_library (LedeHouseStylePage *self,
                                        LedeLibrary        *library);
gboolean lede_house_style_page_add (LedeHouseStylePage *self,
                                    const char         *preferred,
                                    const char         *banned,
                                    gboolean            note,
                                    const char         *message,
                                    GError            **error);

G_END_DECLS
