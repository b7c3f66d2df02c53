/* lede-source-manager.h: every source in the library, with the stories
 * that cite it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_SOURCE_MANAGER (lede_source_manager_get_type ())

G_DECLARE_FINAL_TYPE (LedeSourceManager, lede_source_manager, LEDE, SOURCE_MANAGER, AdwWindow)

LedeSourceManager *lede_source_manager_new (GtkWindow   *parent,
                                            LedeLibrary *library);

G_END_DECLS
