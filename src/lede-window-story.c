/* lede-window-story.c: the open story in the window: showing it, saving it,
 * its title and spelling words, and the editor's actions (find, go to graf,
 * zoom, add a tag).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-finding.h"
#include "lede-review.h"
#include "lede-window-private.h"

/* Save once typing pauses this long, and at least this often while it goes on. */
#define AUTOSAVE_PAUSE_MS    1000
#define AUTOSAVE_MAX_WAIT_MS 5000

static gboolean
save_open_story (gpointer   user_data,
                 GError   **error)
{
  LedeWindow *self = user_data;
  LedeArticle *article = lede_editor_get_article (self->editor);

  if (article == NULL || self->library == NULL)
    return TRUE;

  lede_editor_commit (self->editor);
  if (!lede_library_update_article (self->library, article, error))
    return FALSE;
  lede_window_outbox_after_save (self);
  return TRUE;
}

static void
editor_changed_cb (LedeWindow *self)
{
  lede_autosave_touch (self->autosave);
  lede_window_note_edit (self);
}

/* The two panes follow each other by source line; each guards against
 * reporting back a scroll it was told to make. */
static void
editor_scrolled_cb (LedeWindow *self,
                    int         line)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->preview)))
    lede_preview_pane_scroll_to_line (self->preview, line);
}

static void
preview_scrolled_cb (LedeWindow *self,
                     int         line)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    lede_editor_scroll_to_line (self->editor, line);
}

static void
on_save_state (LedeWindow   *self,
               GParamSpec   *pspec,
               LedeAutosave *autosave)
{
  LedeSaveState state = lede_autosave_get_state (autosave);
  GtkWidget *label = GTK_WIDGET (self->save_label);

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, NULL);

  switch (state)
    {
    case LEDE_SAVE_STATE_SAVED:
      gtk_label_set_text (self->save_label, _("Saved"));
      if (self->failure_toast != NULL)
        adw_toast_dismiss (self->failure_toast);
      break;

    case LEDE_SAVE_STATE_PENDING:
    case LEDE_SAVE_STATE_SAVING:
      gtk_label_set_text (self->save_label, _("Saving…"));
      break;

    case LEDE_SAVE_STATE_FAILED:
      {
        const GError *error = lede_autosave_get_error (autosave);
        g_autofree char *message = NULL;

        gtk_label_set_text (self->save_label, _("Not saved"));
        gtk_widget_remove_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "error");
        gtk_widget_set_tooltip_text (label, error->message);

        /* One toast per run of failures, not one per retry. */
        if (self->failure_toast == NULL)
          {
            message = g_strdup_printf (_("%s. Your text is kept here and Lede will try again."),
                                       error->message);
            self->failure_toast = adw_toast_new (message);
            adw_toast_set_timeout (self->failure_toast, 0);
            g_object_add_weak_pointer (G_OBJECT (self->failure_toast),
                                       (gpointer *)&self->failure_toast);
            adw_toast_overlay_add_toast (self->toasts, self->failure_toast);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
  lede_window_place_save_state (self);
}

static gboolean
headline_to_title (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  /* An editor's pass read as the story will read once it is accepted. */
  g_autofree char *headline = lede_review_dup_accepted (g_value_get_string (from));

  g_value_set_string (to, *headline ? headline : _("Untitled story"));
  return TRUE;
}

static void
finding_activated_cb (LedeWindow  *self,
                      LedeFinding *finding)
{
  /* Found in the text read with every suggestion accepted. */
  lede_editor_show_found (self->editor, finding->offset, finding->length);
}

/* Words the speller never marks: the library's dictionary, its tags,
 * and the names of the open story's sources. */
static void
update_known_words (LedeWindow *self)
{
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  g_auto (GStrv) known = NULL;
  LedeArticle *article = lede_editor_get_article (self->editor);

  if (self->library != NULL)
    {
      g_auto (GStrv) dictionary = lede_library_list_dictionary (self->library, NULL);
      g_auto (GStrv) tags = lede_library_list_tag_names (self->library, NULL);

      if (dictionary)
        g_strv_builder_addv (words, (const char **)dictionary);
      if (tags)
        g_strv_builder_addv (words, (const char **)tags);
    }
  if (article && lede_article_get_sources (article))
    for (guint i = 0; i < lede_article_get_sources (article)->len; i++)
      g_strv_builder_add (words, ((LedeSource *)g_ptr_array_index (lede_article_get_sources (article), i))->name);
  known = g_strv_builder_end (words);
  lede_speller_set_known_words (self->speller, (const char * const *)known);
}

static void
on_add_word (LedeWindow *self,
             const char *word)
{
  g_autoptr (GError) error = NULL;

  if (self->library == NULL)
    return;
  if (!lede_library_add_to_dictionary (self->library, word, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }
  update_known_words (self);
  lede_editor_check_spelling (self->editor);
}

/* A story in a language with no dictionary says so, and nothing is marked. */
static void
on_dictionary_changed (LedeWindow *self)
{
  lede_metadata_panel_check_spelling (self->metadata_panel, g_settings_get_boolean (self->settings, "spell-check"));
  LedeArticle *article = lede_editor_get_article (self->editor);
  const char *language = article ? lede_article_get_language (article) : "";
  g_autofree char *note = NULL;

  if (lede_speller_get_dictionary (self->speller) == NULL && g_settings_get_boolean (self->settings, "spell-check"))
    note = *language ? g_strdup_printf (_("There is no spelling dictionary for “%s”, so no word is marked."), language)
                     : g_strdup (_("There is no spelling dictionary for your language, so no word is marked."));
  lede_metadata_panel_set_spelling_note (self->metadata_panel, note);
}

static void
apply_spell_check (LedeWindow *self)
{
  lede_editor_set_spell_check (self->editor, g_settings_get_boolean (self->settings, "spell-check"));
  on_dictionary_changed (self);
}

void
lede_window_show_article (LedeWindow  *self,
                          LedeArticle *article)
{
  LedeArticle *before = lede_editor_get_article (self->editor);

  /* Another story, not a fresh copy of this one: what changed is kept. */
  if (before != NULL && (article == NULL || lede_article_get_id (article) != lede_article_get_id (before)))
    lede_window_leave_story (self);
  lede_editor_set_article (self->editor, article);
  lede_window_review_story_shown (self);
  lede_window_place_save_state (self);
  g_signal_group_set_target (self->revision_signals, article);
  lede_window_note_shown (self);
  lede_preview_pane_set_article (self->preview, article);
  lede_metadata_panel_set_article (self->metadata_panel, article);
  /* Words ignored were for the story before. */
  lede_speller_clear_ignored (self->speller);
  update_known_words (self);
  lede_editor_check_spelling (self->editor);
  g_binding_group_set_source (self->title_bindings, article);
  if (article == NULL)
    adw_window_title_set_title (self->story_title, NULL);
  lede_autosave_reset (self->autosave);
  gtk_stack_set_visible_child_name (self->content_stack, article ? "editor" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-story", article != NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  LedeFindBar *bar = lede_editor_get_find_bar (self->editor);

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  if (g_str_equal (action_name, "win.find-next") || g_str_equal (action_name, "win.find-previous"))
    lede_find_bar_next (bar, g_str_equal (action_name, "win.find-previous"));
  else
    lede_find_bar_open (bar, g_str_equal (action_name, "win.find-replace"));
}

static void
on_go_to_graf_response (AdwMessageDialog *dialog,
                        const char       *response,
                        LedeWindow       *self)
{
  GtkSpinButton *graf = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "go"))
    lede_editor_go_to_graf (self->editor, (guint)gtk_spin_button_get_value_as_int (graf));
}

static void
go_on_enter (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "go");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Ctrl+L: "graf 7", as the desk asks for it. */
static void
go_to_graf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  guint count = lede_editor_count_grafs (self->editor);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *graf;

  if (lede_editor_get_article (self->editor) == NULL || count == 0)
    return;
  body = g_strdup_printf (g_dngettext (NULL, "The story has %u graf.", "The story has %u grafs.", count), count);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Go to Graf"), body);
  graf = gtk_spin_button_new_with_range (1, count, 1);
  g_signal_connect_swapped (graf, "activate", G_CALLBACK (go_on_enter), dialog);
  gtk_accessible_update_property (GTK_ACCESSIBLE (graf), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Graf number"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), graf);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "go", _("_Go"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_go_to_graf_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (graf);
}

/* The preferences' font, size and line length, and the spelling
 * fallback, as they change. */
static void
apply_look (LedeWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autofree char *fallback = g_settings_get_string (self->settings, "spell-fallback");

  lede_editor_set_look (self->editor, font, g_settings_get_double (self->settings, "text-scale"),
                        g_settings_get_int (self->settings, "line-length"));
  lede_speller_set_fallback (self->speller, g_strstrip (fallback));
  lede_editor_check_spelling (self->editor);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  double scale = g_settings_get_double (self->settings, "text-scale");

  if (g_str_equal (action_name, "win.zoom-in"))
    scale = MIN (3.0, scale + 0.1);
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale = MAX (0.5, scale - 0.1);
  else
    scale = 1.0;
  g_settings_set_double (self->settings, "text-scale", scale);
}

static gboolean
focus_tags (gpointer data)
{
  LedeWindow *self = data;

  lede_metadata_panel_focus_tags (self->metadata_panel);
  return G_SOURCE_REMOVE;
}

/* Ctrl+T: the panel, with the keyboard in its tag entry (from the body,
 * it is otherwise many Tabs away). */
static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  g_settings_set_boolean (self->settings, "show-metadata", TRUE);
  /* Once the flap has shown it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_tags, g_object_ref (self), g_object_unref);
}

static void
apply_writing_settings (LedeWindow *self)
{
  lede_editor_set_graf_numbers (self->editor, g_settings_get_boolean (self->settings, "graf-numbers"));
  lede_editor_set_smart_punctuation (self->editor, g_settings_get_boolean (self->settings, "smart-punctuation"));
}

/**
 * lede_window_highlight_search:
 *
 * Marks the searched words in the story just opened from the results, in
 * the editor and the preview.
 */
void
lede_window_highlight_search (LedeWindow *self)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  if (!self->searching)
    {
      lede_editor_highlight_words (self->editor, NULL);
      lede_preview_pane_highlight_words (self->preview, NULL);
      return;
    }
  /* The words, not the search's syntax: quotes, stars, brackets, operators. */
  parts = g_regex_split_simple ("[^[:alnum:]'’]+", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), 0, 0);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] && !g_strv_contains ((const char * const[]) { "AND", "OR", "NOT", "NEAR", NULL }, parts[i]))
      g_strv_builder_add (words, parts[i]);
  list = g_strv_builder_end (words);
  lede_editor_highlight_words (self->editor, (const char * const *)list);
  lede_preview_pane_highlight_words (self->preview, (const char * const *)list);
}

void
lede_window_class_add_story (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_scrolled_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-graf", NULL, go_to_graf_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.add-tag", NULL, add_tag_action);
}

void
lede_window_init_story (LedeWindow *self)
{
  /* Spelling: one speller for the headline and the body, F7 to turn off. */
  self->speller = lede_speller_new ();
  lede_editor_set_speller (self->editor, self->speller);
  lede_metadata_panel_set_speller (self->metadata_panel, self->speller);
  g_signal_connect_object (self->editor, "add-word", G_CALLBACK (on_add_word), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "dictionary-changed", G_CALLBACK (on_dictionary_changed), self, G_CONNECT_SWAPPED);
  {
    g_autoptr (GAction) spell_check = g_settings_create_action (self->settings, "spell-check");
    g_action_map_add_action (G_ACTION_MAP (self), spell_check);
  }
  g_signal_connect_object (self->settings, "changed::spell-check",
                           G_CALLBACK (apply_spell_check), self, G_CONNECT_SWAPPED);
  lede_editor_set_spell_check (self->editor, g_settings_get_boolean (self->settings, "spell-check"));
  /* Graf numbers and typographic punctuation: menu toggles kept in GSettings. */
  for (const char * const *key = (const char * const[]) { "graf-numbers", "smart-punctuation", NULL }; *key; key++)
    {
      g_autoptr (GAction) action = g_settings_create_action (self->settings, *key);
      g_autofree char *signal = g_strconcat ("changed::", *key, NULL);

      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_signal_connect_object (self->settings, signal, G_CALLBACK (apply_writing_settings), self, G_CONNECT_SWAPPED);
    }
  apply_writing_settings (self);
  for (const char * const *key = (const char * const[]) { "editor-font", "text-scale", "line-length", "spell-fallback", NULL };
       *key; key++)
    {
      g_autofree char *signal = g_strconcat ("changed::", *key, NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (apply_look), self, G_CONNECT_SWAPPED);
    }
  apply_look (self);
  lede_preview_pane_set_buffer (self->preview, lede_editor_get_buffer (self->editor));
  lede_metadata_panel_set_buffer (self->metadata_panel, lede_editor_get_buffer (self->editor));

  self->autosave = lede_autosave_new (AUTOSAVE_PAUSE_MS, AUTOSAVE_MAX_WAIT_MS);
  lede_autosave_set_func (self->autosave, save_open_story, self);
  g_signal_connect_object (self->autosave, "notify::state",
                           G_CALLBACK (on_save_state), self, G_CONNECT_SWAPPED);

  self->title_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->title_bindings, "headline", self->story_title, "title",
                             G_BINDING_SYNC_CREATE, headline_to_title, NULL, NULL, NULL);
}
