/* lede-tag-manager.h: every tag in the library: rename, merge, delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_TAG_MANAGER (lede_tag_manager_get_type ())

G_DECLARE_FINAL_TYPE (LedeTagManager, lede_tag_manager, LEDE, TAG_MANAGER, AdwWindow)

LedeTagManager *lede_tag_manager_new (GtkWindow   *parent,
                                      LedeLibrary *library);

G_END_DECLS
