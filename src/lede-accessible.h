/* lede-accessible.h: the names a screen reader hears, where GTK 4.8's own
 * are wrong or missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lede_accessible_init           (void);
void lede_accessible_name_inner     (GtkWidget   *widget,
                                     const char  *name);
void lede_accessible_name_drop_down (GtkDropDown *drop_down,
                                     const char  *what);

G_END_DECLS
