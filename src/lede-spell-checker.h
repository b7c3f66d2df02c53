/* lede-spell-checker.h: misspelt words underlined in a text view, with
 * suggestions in its context menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-speller.h"

G_BEGIN_DECLS

#define LEDE_TYPE_SPELL_CHECKER (lede_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (LedeSpellChecker, lede_spell_checker, LEDE, SPELL_CHECKER, GObject)

LedeSpellChecker *lede_spell_checker_new         (GtkTextView      *view,
                                                  LedeSpeller      *speller);
void              lede_spell_checker_set_enabled (LedeSpellChecker *self,
                                                  gboolean          enabled);
void              lede_spell_checker_check_all   (LedeSpellChecker *self);
gboolean          lede_spell_checker_is_done     (LedeSpellChecker *self);

void              lede_spell_checker_watch_entry (GtkEditable      *entry,
                                                  LedeSpeller      *speller);
void              lede_spell_checker_check_entry (GtkEditable      *entry,
                                                  gboolean          enabled);

G_END_DECLS
