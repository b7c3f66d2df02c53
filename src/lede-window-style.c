/* lede-window-style.c: the window's part of the desk's house style — the
 * library's rules loaded for the checks and the speller (again whenever
 * they change, from Preferences or lede-cli), and a finding's fix made in
 * the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-window-private.h"

/* The rules as they are now: the panel's checks apply them, the speller
 * learns their one-word swaps. */
void
lede_window_apply_house_style (LedeWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStyle) style = NULL;
  g_autoptr (GHashTable) swaps = NULL;
  g_autoptr (GPtrArray) banned = g_ptr_array_new ();
  g_autoptr (GPtrArray) preferred = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer word, fix;

  if (self->library)
    style = lede_style_load (self->library, &error);
  if (error)
    lede_window_show_toast (self, error->message);
  lede_metadata_panel_set_style (self->metadata_panel, style);

  swaps = lede_style_dup_word_swaps (style);
  g_hash_table_iter_init (&iter, swaps);
  while (g_hash_table_iter_next (&iter, &word, &fix))
    {
      g_ptr_array_add (banned, word);
      g_ptr_array_add (preferred, fix);
    }
  g_ptr_array_add (banned, NULL);
  g_ptr_array_add (preferred, NULL);
  lede_speller_set_house_style (self->speller, (const char * const *)banned->pdata,
                                (const char * const *)preferred->pdata);
  lede_editor_check_spelling (self->editor);
}

/* "Replace with …": one undo step in the editor; words typed over since
 * the check ran are left alone, and the checks run again. */
static void
fix_wanted_cb (LedeWindow  *self,
               LedeFinding *finding)
{
  if (!lede_editor_replace_words (self->editor, finding->field == LEDE_FIELD_HEADLINE, finding->offset,
                                  finding->text, finding->fix))
    lede_window_show_toast (self, _("The words have changed since the check; look again"));
  lede_metadata_panel_refresh (self->metadata_panel);
}

void
lede_window_watch_house_style (LedeWindow  *self,
                               LedeLibrary *library)
{
  g_signal_connect_object (library, "style-changed", G_CALLBACK (lede_window_apply_house_style), self,
                           G_CONNECT_SWAPPED);
  lede_window_apply_house_style (self);
}

void
lede_window_class_add_style (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, fix_wanted_cb);
}
