/* lede-site-dialog.h: Add Site…: a WordPress site's address, user and
 * application password, checked on the spot and kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SITE_DIALOG (lede_site_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedeSiteDialog, lede_site_dialog, LEDE, SITE_DIALOG, AdwWindow)

LedeSiteDialog *lede_site_dialog_new        (GtkWindow      *parent);
gboolean        lede_site_dialog_is_checking (LedeSiteDialog *self);

G_END_DECLS
