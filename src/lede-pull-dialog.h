/* lede-pull-dialog.h: Open from WordPress…: a site's drafts, brought into
 * the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PULL_DIALOG (lede_pull_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LedePullDialog, lede_pull_dialog, LEDE, PULL_DIALOG, AdwWindow)

LedePullDialog *lede_pull_dialog_new        (GtkWindow      *parent,
                                             LedeLibrary    *library);
gboolean        lede_pull_dialog_set_site   (LedePullDialog *self,
                                             const char     *name);
gboolean        lede_pull_dialog_is_busy    (LedePullDialog *self);
guint           lede_pull_dialog_choose     (LedePullDialog *self,
                                             gint64          post_id);
void            lede_pull_dialog_open       (LedePullDialog *self);
const char     *lede_pull_dialog_get_status (LedePullDialog *self);

G_END_DECLS
