/* lede-spell-checker.c: misspelt words underlined in a text view, with
 * suggestions in its context menu.
 *
 * Checking never holds up typing: a whole check goes a few lines at a time
 * from an idle source, starting where the view is; an edit re-checks only
 * its paragraph, once typing pauses. The context menu (right-click,
 * Shift+F10 or the Menu key) offers up to five spellings for the word
 * under the pointer or the cursor, "Add to Dictionary" and "Ignore".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-spell-checker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-text-paragraph.h"
#include "lede-words.h"

#include "lede-spell-checker.h"

/* Lines checked per turn of the main loop, and the pause after typing. */
#define LINES_A_TURN     40
#define EDIT_PAUSE_MS    250
#define MAX_SUGGESTIONS  5

struct _LedeSpellChecker
{
  GObject          parent_instance;

  GtkTextView     *view;          /* not owned: the checker lives as long */
  GtkTextBuffer   *buffer;
  LedeSpeller     *speller;
  GtkTextTag      *tag;
  gboolean         enabled;

  /* The whole check: from @next to the end, then from the start to @stop. */
  GtkTextMark     *next;
  GtkTextMark     *stop;
  gboolean         wrapped;
  LedeWordsState   state;
  guint            idle_id;

  /* Paragraphs edited since typing paused. */
  GtkTextMark     *edit_start;
  GtkTextMark     *edit_end;
  guint            edit_id;

  /* The word the context menu is about. */
  GMenu           *menu;
  GtkTextMark     *word_start;
  GtkTextMark     *word_end;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (LedeSpellChecker, lede_spell_checker, G_TYPE_OBJECT)

enum {
  ADD_WORD,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Checks the whole lines from @start to @end against @state, marking what
 * is wrong there and nothing else. */
static void
check_lines (LedeSpellChecker *self,
             GtkTextIter      *start,
             GtkTextIter      *end,
             LedeWordsState   *state)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) words = NULL;
  GtkTextIter at = *start;
  gsize byte = 0;

  gtk_text_buffer_remove_tag (self->buffer, self->tag, start, end);
  text = gtk_text_iter_get_slice (start, end);
  words = lede_words_find_more (text, -1, state);
  for (guint i = 0; i < words->len; i++)
    {
      LedeWordSpan *span = &g_array_index (words, LedeWordSpan, i);
      GtkTextIter word_start, word_end;

      if (lede_speller_check (self->speller, text + span->start, span->end - span->start))
        continue;
      /* Offsets in characters, counted on from the last word. */
      gtk_text_iter_forward_chars (&at, (int)g_utf8_strlen (text + byte, span->start - byte));
      byte = span->start;
      word_start = at;
      word_end = at;
      gtk_text_iter_forward_chars (&word_end, (int)g_utf8_strlen (text + span->start, span->end - span->start));
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &word_start, &word_end);
    }
}

/* Where a check starting at @line stands: in a code block or not. */
static void
state_at (LedeSpellChecker *self,
          GtkTextIter      *line,
          LedeWordsState   *state)
{
  GtkTextIter start;
  g_autofree char *before = NULL;

  lede_words_state_init (state);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  before = gtk_text_iter_get_slice (&start, line);
  lede_words_skip (before, -1, state);
}

static gboolean
check_some (gpointer data)
{
  LedeSpellChecker *self = data;
  GtkTextIter start, end, limit;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->next);
  if (self->wrapped)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &limit, self->stop);
  else
    gtk_text_buffer_get_end_iter (self->buffer, &limit);

  end = start;
  gtk_text_iter_forward_lines (&end, LINES_A_TURN);
  if (gtk_text_iter_compare (&end, &limit) > 0)
    end = limit;
  check_lines (self, &start, &end, &self->state);
  gtk_text_buffer_move_mark (self->buffer, self->next, &end);

  if (gtk_text_iter_compare (&end, &limit) < 0)
    return G_SOURCE_CONTINUE;
  if (!self->wrapped)
    {
      GtkTextIter top;

      /* Then the lines above where the check began. */
      self->wrapped = TRUE;
      gtk_text_buffer_get_start_iter (self->buffer, &top);
      gtk_text_buffer_move_mark (self->buffer, self->next, &top);
      lede_words_state_init (&self->state);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &limit, self->stop);
      if (gtk_text_iter_compare (&top, &limit) < 0)
        return G_SOURCE_CONTINUE;
    }
  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_all (LedeSpellChecker *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
}

/**
 * lede_spell_checker_check_all:
 *
 * Checks the whole text again (a new story, language or dictionary), the
 * lines on screen first, the rest a few lines a turn.
 */
void
lede_spell_checker_check_all (LedeSpellChecker *self)
{
  GdkRectangle visible;
  GtkTextIter first;

  g_return_if_fail (LEDE_IS_SPELL_CHECKER (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->edit_id, g_source_remove);
  if (!self->enabled || lede_speller_get_dictionary (self->speller) == NULL)
    {
      clear_all (self);
      return;
    }
  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_text_view_get_line_at_y (self->view, &first, visible.y, NULL);
  gtk_text_iter_set_line_offset (&first, 0);
  gtk_text_buffer_move_mark (self->buffer, self->next, &first);
  gtk_text_buffer_move_mark (self->buffer, self->stop, &first);
  self->wrapped = FALSE;
  state_at (self, &first, &self->state);
  /* The first lines at once, so what is on screen is right straight away. */
  if (check_some (self))
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_some, self, NULL);
}

/**
 * lede_spell_checker_is_done:
 *
 * Returns: whether no check is waiting to run
 */
gboolean
lede_spell_checker_is_done (LedeSpellChecker *self)
{
  g_return_val_if_fail (LEDE_IS_SPELL_CHECKER (self), TRUE);
  return self->idle_id == 0 && self->edit_id == 0;
}

static gboolean
check_edited (gpointer data)
{
  LedeSpellChecker *self = data;
  LedeWordsState state;
  GtkTextIter start, end;

  self->edit_id = 0;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->edit_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->edit_end);
  lede_text_extend_to_paragraph (&start, &end);
  state_at (self, &start, &state);
  check_lines (self, &start, &end, &state);
  return G_SOURCE_REMOVE;
}

static void
note_edit (LedeSpellChecker *self,
           GtkTextIter      *start,
           GtkTextIter      *end)
{
  if (!self->enabled || lede_speller_get_dictionary (self->speller) == NULL)
    return;
  if (self->edit_id == 0)
    {
      gtk_text_buffer_move_mark (self->buffer, self->edit_start, start);
      gtk_text_buffer_move_mark (self->buffer, self->edit_end, end);
    }
  else
    {
      GtkTextIter old_start, old_end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &old_start, self->edit_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &old_end, self->edit_end);
      if (gtk_text_iter_compare (start, &old_start) < 0)
        gtk_text_buffer_move_mark (self->buffer, self->edit_start, start);
      if (gtk_text_iter_compare (end, &old_end) > 0)
        gtk_text_buffer_move_mark (self->buffer, self->edit_end, end);
    }
  g_clear_handle_id (&self->edit_id, g_source_remove);
  self->edit_id = g_timeout_add (EDIT_PAUSE_MS, check_edited, self);
}

static void
on_insert_text (LedeSpellChecker *self,
                GtkTextIter      *location,
                const char       *text,
                int               len,
                GtkTextBuffer    *buffer)
{
  GtkTextIter start = *location;

  /* After the default handler, @location is just past the new text. */
  gtk_text_iter_backward_chars (&start, (int)g_utf8_strlen (text, len));
  note_edit (self, &start, location);
}

static void
on_delete_range (LedeSpellChecker *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end,
                 GtkTextBuffer    *buffer)
{
  note_edit (self, start, end);
}

/* The context menu */

static gboolean
word_at (LedeSpellChecker *self,
         GtkTextIter      *iter,
         GtkTextIter      *start,
         GtkTextIter      *end)
{
  if (!gtk_text_iter_has_tag (iter, self->tag))
    {
      /* Just after the word, as the cursor is once it is typed. */
      GtkTextIter before = *iter;

      if (!gtk_text_iter_backward_char (&before) || !gtk_text_iter_has_tag (&before, self->tag))
        return FALSE;
      *iter = before;
    }
  *start = *iter;
  *end = *iter;
  if (!gtk_text_iter_starts_tag (start, self->tag))
    gtk_text_iter_backward_to_tag_toggle (start, self->tag);
  gtk_text_iter_forward_to_tag_toggle (end, self->tag);
  return TRUE;
}

static void
update_menu (LedeSpellChecker *self,
             GtkTextIter      *iter)
{
  GtkTextIter start, end;
  g_autofree char *word = NULL;
  g_auto (GStrv) suggestions = NULL;
  g_autoptr (GMenu) section = NULL;

  g_menu_remove_all (self->menu);
  if (!self->enabled || !word_at (self, iter, &start, &end))
    return;
  gtk_text_buffer_move_mark (self->buffer, self->word_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->word_end, &end);
  word = gtk_text_iter_get_slice (&start, &end);
  suggestions = lede_speller_suggest (self->speller, word, MAX_SUGGESTIONS);

  section = g_menu_new ();
  for (guint i = 0; suggestions[i]; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.correct", g_variant_new_string (suggestions[i]));
      g_menu_append_item (section, item);
    }
  if (suggestions[0] == NULL)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spell.none");
      g_menu_append_item (section, item);
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  g_menu_append (section, _("_Add to Dictionary"), "spell.add");
  g_menu_append (section, _("_Ignore"), "spell.ignore");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
}

/* Right-click: the menu is about the word under the pointer. */
static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            LedeSpellChecker *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  update_menu (self, &iter);
}

/* Shift+F10 or the Menu key: about the word at the cursor. */
static void
on_mark_set (LedeSpellChecker *self,
             GtkTextIter      *location,
             GtkTextMark      *mark,
             GtkTextBuffer    *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    update_menu (self, location);
}

static void
get_marked_word (LedeSpellChecker *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end)
{
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->word_end);
}

static char *
dup_marked_word (LedeSpellChecker *self)
{
  GtkTextIter start, end;

  get_marked_word (self, &start, &end);
  return gtk_text_iter_get_slice (&start, &end);
}

static void
correct_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  LedeSpellChecker *self = data;
  GtkTextIter start, end;

  get_marked_word (self, &start, &end);
  /* One step for Undo. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
add_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  LedeSpellChecker *self = data;
  g_autofree char *word = dup_marked_word (self);

  g_signal_emit (self, signals [ADD_WORD], 0, word);
}

static void
ignore_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  LedeSpellChecker *self = data;
  g_autofree char *word = dup_marked_word (self);

  lede_speller_ignore (self->speller, word);
  lede_spell_checker_check_all (self);
}

static void
lede_spell_checker_dispose (GObject *object)
{
  LedeSpellChecker *self = LEDE_SPELL_CHECKER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->edit_id, g_source_remove);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->speller);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (lede_spell_checker_parent_class)->dispose (object);
}

static void
lede_spell_checker_class_init (LedeSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_spell_checker_dispose;

  /**
   * LedeSpellChecker::add-word:
   * @word: what to add to the library's dictionary
   */
  signals [ADD_WORD] =
    g_signal_new ("add-word", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lede_spell_checker_init (LedeSpellChecker *self)
{
  self->enabled = TRUE;
  self->menu = g_menu_new ();
}

LedeSpellChecker *
lede_spell_checker_new (GtkTextView *view,
                        LedeSpeller *speller)
{
  static const GActionEntry entries[] = {
    { "correct", correct_activated, "s", NULL, NULL, { 0 } },
    { "add", add_activated, NULL, NULL, NULL, { 0 } },
    { "ignore", ignore_activated, NULL, NULL, NULL, { 0 } },
  };
  LedeSpellChecker *self = g_object_new (LEDE_TYPE_SPELL_CHECKER, NULL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkTextIter start;

  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->speller = g_object_ref (speller);
  /* GTK's own red wavy error underline. */
  self->tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                                          NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->next = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->stop = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->edit_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->edit_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);
  self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
  return self;
}

void
lede_spell_checker_set_enabled (LedeSpellChecker *self,
                                gboolean          enabled)
{
  g_return_if_fail (LEDE_IS_SPELL_CHECKER (self));

  self->enabled = enabled;
  lede_spell_checker_check_all (self);
}

/* One-line entries (the standfirst): GTK 4.8 has no text tags there, but
 * its GtkText takes Pango attributes, so misspelt words are underlined the
 * same way; the entry has no suggestions menu. */
static void
underline_entry (GtkEditable *entry,
                 LedeSpeller *speller)
{
  GtkEditable *delegate = gtk_editable_get_delegate (entry);
  const char *text = gtk_editable_get_text (entry);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr (GArray) words = NULL;

  if (!GTK_IS_TEXT (delegate))
    return;
  if (g_object_get_data (G_OBJECT (entry), "lede-spell-off") == NULL && lede_speller_get_dictionary (speller) != NULL)
    {
      words = lede_words_find (text, -1);
      for (guint i = 0; i < words->len; i++)
        {
          LedeWordSpan *span = &g_array_index (words, LedeWordSpan, i);
          PangoAttribute *underline, *colour;

          if (lede_speller_check (speller, text + span->start, span->end - span->start))
            continue;
          underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
          colour = pango_attr_underline_color_new (0xe100, 0x1b00, 0x2400);
          underline->start_index = colour->start_index = span->start;
          underline->end_index = colour->end_index = span->end;
          pango_attr_list_insert (attrs, underline);
          pango_attr_list_insert (attrs, colour);
        }
    }
  gtk_text_set_attributes (GTK_TEXT (delegate), attrs);
}

/**
 * lede_spell_checker_watch_entry:
 *
 * Underlines misspelt words in a one-line entry as it changes.
 */
void
lede_spell_checker_watch_entry (GtkEditable *entry,
                                LedeSpeller *speller)
{
  g_object_set_data_full (G_OBJECT (entry), "lede-speller", g_object_ref (speller), g_object_unref);
  g_signal_connect_object (entry, "changed", G_CALLBACK (underline_entry), speller, 0);
  underline_entry (entry, speller);
}

/**
 * lede_spell_checker_check_entry:
 * @enabled: whether to underline at all (F7)
 *
 * Checks a watched entry again (another language, new known words).
 */
void
lede_spell_checker_check_entry (GtkEditable *entry,
                                gboolean     enabled)
{
  LedeSpeller *speller = g_object_get_data (G_OBJECT (entry), "lede-speller");

  if (speller == NULL)
    return;
  g_object_set_data (G_OBJECT (entry), "lede-spell-off", enabled ? NULL : GINT_TO_POINTER (1));
  underline_entry (entry, speller);
}
