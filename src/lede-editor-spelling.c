/* lede-editor-spelling.c: the editor's speller: which one, on or off, and a
 * word the writer adds to the dictionary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include "lede-editor-private.h"

static void
on_add_word (LedeEditor       *self,
             const char       *word,
             LedeSpellChecker *checker)
{
  /* The editor's own signal (lede-editor.c), so the window learns the word. */
  g_signal_emit_by_name (self, "add-word", word);
}

/**
 * lede_editor_set_speller:
 *
 * Checks the headline and the body with @speller from now on.
 */
void
lede_editor_set_speller (LedeEditor  *self,
                         LedeSpeller *speller)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  g_return_if_fail (self->speller == NULL);

  self->speller = g_object_ref (speller);
  self->headline_checker = lede_spell_checker_new (self->headline_view, speller);
  self->body_checker = lede_spell_checker_new (GTK_TEXT_VIEW (self->body_view), speller);
  /* The spellings first, then the editor's pass. */
  {
    g_autoptr (GMenu) menu = g_menu_new ();

    g_menu_append_section (menu, NULL, gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (self->body_view)));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (self->review_menu));
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->body_view), G_MENU_MODEL (menu));
  }
  g_signal_connect_object (self->headline_checker, "add-word", G_CALLBACK (on_add_word), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_checker, "add-word", G_CALLBACK (on_add_word), self, G_CONNECT_SWAPPED);
}

/**
 * lede_editor_set_spell_check:
 *
 * Turns the underlining of misspelt words on or off (F7).
 */
void
lede_editor_set_spell_check (LedeEditor *self,
                             gboolean    enabled)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));

  self->spell_check = enabled;
  if (self->speller != NULL)
    {
      lede_spell_checker_set_enabled (self->headline_checker, enabled);
      lede_spell_checker_set_enabled (self->body_checker, enabled);
    }
}

/**
 * lede_editor_is_spelling_checked:
 *
 * Returns: whether every check under way is done
 */
gboolean
lede_editor_is_spelling_checked (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), TRUE);
  return self->speller == NULL ||
         (!self->spelling_pending && lede_spell_checker_is_done (self->headline_checker) && lede_spell_checker_is_done (self->body_checker));
}
