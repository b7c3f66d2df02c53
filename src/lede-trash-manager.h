/* lede-trash-manager.h: the stories in the trash: restore, delete forever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_TRASH_MANAGER (lede_trash_manager_get_type ())

G_DECLARE_FINAL_TYPE (LedeTrashManager, lede_trash_manager, LEDE, TRASH_MANAGER, AdwWindow)

/* The most stories the window lists; Empty Trash takes them all. */
#define LEDE_TRASH_MANAGER_MAX_ROWS 500

LedeTrashManager *lede_trash_manager_new (GtkWindow   *parent,
                                          LedeLibrary *library);

G_END_DECLS
