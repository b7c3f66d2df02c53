/* lede-manager-page.h: the layout the tag and sources managers share — a
 * header bar over one preferences group, with toasts for errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

static inline void
lede_manager_page_build (AdwWindow            *window,
                         const char           *title,
                         int                   width,
                         int                   height,
                         AdwPreferencesGroup **group,
                         AdwToastOverlay     **toasts)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), *group);
  gtk_widget_set_vexpand (page, TRUE);
  adw_toast_overlay_set_child (*toasts, page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*toasts));
  adw_window_set_content (window, box);
}

/* Takes the rows a fill added back out, before the next fill. */
static inline void
lede_manager_page_clear (AdwPreferencesGroup *group,
                         GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

G_END_DECLS
