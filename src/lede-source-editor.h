/* lede-source-editor.h: a dialog to edit one source, shared by the panel
 * and the sources manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

typedef void (*LedeSourceEdited) (gpointer user_data);

void lede_source_editor_present (GtkWindow        *parent,
                                 LedeLibrary      *library,
                                 const LedeSource *source,
                                 gint64            article_id,
                                 LedeSourceEdited  edited,
                                 gpointer          user_data,
                                 GDestroyNotify    destroy);

G_END_DECLS
