/* lede-window.c: a library's stories beside the one being written.
 *
 * The window wires its panes together: the sidebar's selection decides
 * what the editor shows, and the editor's changes feed the autosave, which
 * writes through the library. Panes know nothing of each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-article-list.h"
#include "lede-editor.h"
#include "lede-preferences-window.h"
#include "lede-finding.h"
#include "lede-preview-pane.h"
#include "lede-sample-story.h"
#include "lede-source.h"
#include "lede-source-manager.h"
#include "lede-story-row.h"
#include "lede-tag.h"
#include "lede-tag-manager.h"
#include "lede-trash-manager.h"
#include "lede-window.h"
#include "lede-enums.h"
#include "lede-window-private.h"

/* Save once typing pauses this long, and at least this often while it goes on. */
#define AUTOSAVE_PAUSE_MS    1000
#define AUTOSAVE_MAX_WAIT_MS 5000


G_DEFINE_FINAL_TYPE (LedeWindow, lede_window, ADW_TYPE_APPLICATION_WINDOW)

void
lede_window_show_toast (LedeWindow *self,
                        const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static gboolean
save_open_story (gpointer   user_data,
                 GError   **error)
{
  LedeWindow *self = user_data;
  LedeArticle *article = lede_editor_get_article (self->editor);

  if (article == NULL || self->library == NULL)
    return TRUE;

  lede_editor_commit (self->editor);
  return lede_library_update_article (self->library, article, error);
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

/* The open story stays open and selected: the list hands back the same
 * objects in their new places, and the selection follows its item. */
static void
apply_story_order (LedeWindow *self)
{
  g_autoptr (GEnumClass) orders = g_type_class_ref (LEDE_TYPE_STORY_ORDER);
  g_autofree char *nick = g_settings_get_string (self->settings, "story-order");
  GEnumValue *order = g_enum_get_value_by_nick (orders, nick);
  g_autoptr (GError) error = NULL;

  if (self->articles != NULL && order != NULL &&
      !lede_article_list_set_order (self->articles, order->value, &error))
    g_warning ("Could not order the story list: %s", error->message);
}

static void
lede_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GTK_WIDGET_CLASS (lede_window_parent_class)->size_allocate (widget, width, height, baseline);
  lede_window_layout_allocated (LEDE_WINDOW (widget));
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
  const char *headline = g_value_get_string (from);

  g_value_set_string (to, headline && *headline ? headline : _("Untitled story"));
  return TRUE;
}

/* What the content area says when there is no story to show. */
static void
update_empty_page (LedeWindow *self)
{
  gboolean has_library = self->library != NULL;

  adw_status_page_set_title (self->empty_page, has_library ? _("No Stories") : _("No Library Open"));
  adw_status_page_set_description (self->empty_page,
                                   has_library ? _("Press Ctrl+N to start a story.")
                                               : _("Open a library, or start a new one, from the main menu."));
  gtk_widget_set_visible (self->new_story_button, has_library);
}

/* The tag filter offers the library's tags, kept in step with it. */
static void
fill_tag_filter (LedeWindow *self)
{
  g_autoptr (GPtrArray) tags = self->library ? lede_library_list_tags (self->library, NULL) : NULL;
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->tag_filter);
  guint keep = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  if (selected > 0 && selected < n)
    chosen = g_strdup (gtk_string_list_get_string (self->tag_names, selected));
  g_strv_builder_add (names, _("Any tag"));
  for (guint i = 0; tags && i < tags->len; i++)
    {
      LedeTag *tag = g_ptr_array_index (tags, i);

      if (tag->n_stories == 0 && g_strcmp0 (chosen, tag->name) != 0)
        continue;
      g_strv_builder_add (names, tag->name);
      if (g_strcmp0 (chosen, tag->name) == 0)
        keep = i + 1;
    }
  list = g_strv_builder_end (names);
  /* Same tags as before: leave the menu alone. */
  if (g_strv_length (list) == n)
    {
      gboolean same = TRUE;
      for (guint i = 0; same && i < n; i++)
        same = g_str_equal (list[i], gtk_string_list_get_string (self->tag_names, i));
      if (same)
        return;
    }
  self->filling_tags = TRUE;
  gtk_string_list_splice (self->tag_names, 0, n, (const char * const *)list);
  for (guint i = 0; list[i]; i++)
    if (chosen && g_str_equal (list[i], chosen))
      keep = i;
  gtk_drop_down_set_selected (self->tag_filter, chosen ? keep : 0);
  self->filling_tags = FALSE;
}

static void
filter_changed_cb (LedeWindow *self)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  g_autoptr (GError) error = NULL;

  if (self->articles == NULL || self->filling_tags)
    return;
  if (!lede_article_list_set_filter (self->articles, status > 0 ? (int)status - 1 : -1,
                                     tag > 0 && tag != GTK_INVALID_LIST_POSITION
                                     ? gtk_string_list_get_string (self->tag_names, tag) : NULL,
                                     &error))
    lede_window_show_toast (self, error->message);
  lede_window_search_again (self);
  update_empty_page (self);
}

/* After a manager closes, the open story's tags and sources are read again. */
static void
on_manager_closed (LedeWindow *self)
{
  if (self->library == NULL)
    return;
  lede_metadata_panel_set_library (self->metadata_panel, self->library);
  fill_tag_filter (self);
}

/* A manager may rename a tag the open story has, and lists what the
 * library holds: what is typed is saved before it is made. */
static gboolean
save_for_manager (LedeWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->library == NULL)
    return FALSE;
  if (!lede_autosave_flush (self->autosave, &error))
    g_warning ("Could not save the open story before a manager opened: %s", error->message);
  return TRUE;
}

static void
present_manager (LedeWindow *self,
                 GtkWindow  *manager)
{
  g_signal_connect_object (manager, "destroy", G_CALLBACK (on_manager_closed), self, G_CONNECT_SWAPPED);
  gtk_window_present (manager);
}

static void
manage_tags_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_tag_manager_new (GTK_WINDOW (self), self->library)));
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_trash_manager_new (GTK_WINDOW (self), self->library)));
}

/* The sidebar's way to the trash says how much is in it. */
static void
update_trash_button (LedeWindow *self)
{
  gint64 n = self->library ? lede_library_count_articles (self->library, TRUE, NULL) : 0;
  g_autofree char *label = n > 0 ? g_strdup_printf (_("Trash (%lld)"), (long long) n) : g_strdup (_("Trash"));

  adw_button_content_set_label (self->trash_button_content, label);
  gtk_widget_set_sensitive (self->trash_button, self->library != NULL);
}

static void
manage_sources_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_source_manager_new (GTK_WINDOW (self), self->library)));
}

static void
finding_activated_cb (LedeWindow  *self,
                      LedeFinding *finding)
{
  lede_editor_show_range (self->editor, finding->offset, finding->length);
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
      g_autoptr (GPtrArray) tags = lede_library_list_tags (self->library, NULL);

      if (dictionary)
        g_strv_builder_addv (words, (const char **)dictionary);
      for (guint i = 0; tags && i < tags->len; i++)
        g_strv_builder_add (words, ((LedeTag *)g_ptr_array_index (tags, i))->name);
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

gboolean
lede_window_select_article (LedeWindow *self,
                            gint64      id)
{
  guint position;

  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);

  if (self->articles == NULL ||
      (position = lede_article_list_find (self->articles, id)) == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action does it. */
  gtk_widget_activate_action (GTK_WIDGET (self->story_list), "list.scroll-to-item", "u", position);
  return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);
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
  LedeWindow *self = LEDE_WINDOW (widget);
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
  LedeWindow *self = LEDE_WINDOW (widget);
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
  LedeWindow *self = LEDE_WINDOW (widget);

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  g_settings_set_boolean (self->settings, "show-metadata", TRUE);
  /* Once the flap has shown it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_tags, g_object_ref (self), g_object_unref);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (lede_preferences_window_new (GTK_WINDOW (widget))));
}

static void
apply_writing_settings (LedeWindow *self)
{
  lede_editor_set_graf_numbers (self->editor, g_settings_get_boolean (self->settings, "graf-numbers"));
  lede_editor_set_smart_punctuation (self->editor, g_settings_get_boolean (self->settings, "smart-punctuation"));
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GError) error = NULL;
  const char * const *languages = g_get_language_names ();

  if (self->library == NULL)
    return;

  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so no new story was started."));
      return;
    }

  /* The preferences' byline and language for new stories, if set. */
  {
    g_autofree char *byline = g_settings_get_string (self->settings, "default-byline");
    g_autofree char *language = g_settings_get_string (self->settings, "default-language");

    lede_article_set_byline (article, g_strstrip (byline));
    if (*g_strstrip (language))
      lede_article_set_language (article, language);
  }
  /* Else a new story is written in the user's language until they say
   * otherwise; "C.UTF-8" (many a container's locale) is no language. */
  if (*lede_article_get_language (article) == '\0' && languages[0] != NULL)
    {
      g_autofree char *tag = g_strdelimit (g_strndup (languages[0], strcspn (languages[0], ".@")), "_", '-');

      if (!g_str_equal (tag, "C") && !g_str_equal (tag, "POSIX"))
        lede_article_set_language (article, tag);
    }

  if (!lede_library_create_article (self->library, article, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }

  lede_window_select_article (self, lede_article_get_id (article));
  lede_editor_focus (self->editor);
}

static void
trash_story_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  const char *headline;
  AdwToast *toast;
  gint64 id;

  if (article == NULL)
    return;

  /* Whatever was typed goes to the trash with the story, so Undo brings it all back. */
  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The story could not be saved, so it was not moved to the trash."));
      return;
    }

  id = lede_article_get_id (article);
  headline = lede_article_get_headline (article);
  title = g_strdup_printf (_("“%s” moved to the trash"), *headline ? headline : _("Untitled story"));

  if (!lede_library_trash_article (self->library, id, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-story");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);

  gtk_widget_grab_focus (GTK_WIDGET (self->story_list));
}

static void
restore_story_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedeWindow *self = LEDE_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->library == NULL)
    return;

  if (!lede_library_restore_article (self->library, id, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }
  lede_window_select_article (self, id);
}

static void
story_list_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (item, lede_story_row_new ());
}

static void
story_list_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  LedeWindow *self = user_data;
  LedeArticle *article = gtk_list_item_get_item (item);
  LedeStoryRow *row = LEDE_STORY_ROW (gtk_list_item_get_child (item));

  lede_story_row_set_article (row, article);
  lede_story_row_set_snippet (row, lede_window_get_snippet (self, lede_article_get_id (article)));
}

static void
story_list_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  lede_story_row_set_article (LEDE_STORY_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Closing from inside a dialog's response would destroy the dialog while
 * it is still emitting; let it finish first. */
static gboolean
close_window_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_without_library (LedeWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_idle, g_object_ref (self), g_object_unref);
}

static void
on_library_dialog_response (GtkNativeDialog *dialog,
                            int              response,
                            LedeWindow      *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) &&
      (path = g_file_get_path (file)))
    lede_window_open_library (self, path);
  else if (self->library == NULL)
    close_without_library (self);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_library (LedeWindow *self,
                gboolean    create)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Library") : _("Open Library"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Lede libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.lede");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("library.db"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_library_dialog_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_library (LEDE_WINDOW (widget), FALSE);
}

static void
new_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_library (LEDE_WINDOW (widget), TRUE);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        LedeWindow       *self)
{
  if (g_str_equal (response, "open"))
    choose_library (self, FALSE);
  else if (g_str_equal (response, "create"))
    choose_library (self, TRUE);
  else if (self->library == NULL)
    close_without_library (self);
}

/* An import is about to compare a copy with the open story: what is typed
 * counts, so it is saved first, and says it was (then the library's copy is
 * the newest, however close the clocks). */
static gboolean
on_save_wanted (LedeWindow *self,
                gint64      id)
{
  LedeArticle *shown = lede_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;
  gboolean unsaved;

  if (shown == NULL || lede_article_get_id (shown) != id)
    return FALSE;
  unsaved = lede_autosave_get_state (self->autosave) != LEDE_SAVE_STATE_SAVED;
  if (!lede_autosave_flush (self->autosave, &error))
    g_warning ("Could not save the open story before an import: %s", error->message);
  /* Unsaved, even after a failed save: it must not be replaced. */
  return unsaved;
}

/* A library that cannot be opened is never a dead end: the user can pick
 * another, make a new one, or leave. */
static void
show_open_error (LedeWindow   *self,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Library"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", self->library ? _("_Cancel") : _("_Quit"),
                                    "create", _("_New Library…"),
                                    "open", _("_Open Library…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_library_message (LedeWindow *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window, if it is still there: a check must not keep it alive. */
static LedeWindow *
take_window (GWeakRef *ref)
{
  LedeWindow *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static GWeakRef *
weak_window (LedeWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static void
on_library_checked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LedeWindow) self = take_window (user_data);
  g_autoptr (GError) error = NULL;

  if (!lede_library_check_finish (LEDE_LIBRARY (source), result, &error) &&
      self != NULL && self->library == LEDE_LIBRARY (source) && gtk_widget_get_visible (GTK_WIDGET (self)))
    show_library_message (self, _("The Library Is Damaged"), error->message);
}

/* Every page of the library is read once, on a thread, a moment after the
 * window shows (a large library must not hold up the first frame): a
 * damaged one is then written no more. */
static void
check_library_later (gpointer user_data)
{
  g_autoptr (LedeWindow) self = take_window (user_data);

  if (self != NULL && self->library != NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
    lede_library_check_async (self->library, NULL, on_library_checked, weak_window (self));
}

/* The libraries whose places are remembered, the latest first. */
#define MAX_PLACES 20

/* Where the writer was in this library: the open story and the cursor in
 * it, so the next start puts them back there, not at the top of the
 * newest story. */
static void
remember_place (LedeWindow *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (self->editor);
  g_autoptr (GVariant) places = g_settings_get_value (self->settings, "places");
  const char *path = self->library ? lede_library_get_path (self->library) : NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other, *uuid;
  GtkTextIter cursor;
  int offset;
  guint kept = 1;

  /* GSettings keeps text: a path that is not UTF-8 is not remembered. */
  if (article == NULL || path == NULL || !g_utf8_validate (path, -1, NULL))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(si)}"));
  g_variant_builder_add (&builder, "{s(si)}", path, lede_article_get_uuid (article), gtk_text_iter_get_offset (&cursor));
  g_variant_iter_init (&iter, places);
  while (g_variant_iter_next (&iter, "{&s(&si)}", &other, &uuid, &offset))
    if (!g_str_equal (other, path) && kept++ < MAX_PLACES)
      g_variant_builder_add (&builder, "{s(si)}", other, uuid, offset);
  g_settings_set_value (self->settings, "places", g_variant_builder_end (&builder));
}

/* Back where the writer was, when that story is still in this library. */
static gboolean
return_to_place (LedeWindow *self)
{
  g_autoptr (GVariant) places = g_settings_get_value (self->settings, "places");
  g_autoptr (LedeArticle) article = NULL;
  const char *uuid;
  int offset;

  if (!g_utf8_validate (lede_library_get_path (self->library), -1, NULL) ||
      !g_variant_lookup (places, lede_library_get_path (self->library), "(&si)", &uuid, &offset) ||
      !(article = lede_library_get_article_by_uuid (self->library, uuid, NULL)) ||
      lede_article_get_trashed (article) != NULL ||
      !lede_window_select_article (self, lede_article_get_id (article)))
    return FALSE;
  lede_editor_show_offset (self->editor, MAX (0, offset));
  return TRUE;
}

/**
 * lede_window_open_library:
 *
 * Shows the library at @path in this window, adding the sample story to a
 * new one. On failure a dialog says why and offers another library; the
 * library already open (if any) stays open.
 *
 * Returns: whether the library was opened
 */
gboolean
lede_window_open_library (LedeWindow *self,
                          const char *path)
{
  g_autoptr (LedeLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = NULL;
  GtkApplication *app;

  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so the library was not changed."));
      return FALSE;
    }
  remember_place (self);

  if (!(library = lede_library_open (path, &error)))
    {
      g_message ("%s", error->message);
      show_open_error (self, error);
      return FALSE;
    }

  /* The same file again (Lede keeps one connection a library): here,
   * nothing to do; in another window, that window comes forward. */
  if (library == self->library)
    return TRUE;
  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    for (GList *l = gtk_application_get_windows (app); l; l = l->next)
      if (LEDE_IS_WINDOW (l->data) && l->data != self && LEDE_WINDOW (l->data)->library == library)
        {
          gtk_window_present (l->data);
          return FALSE;
        }

  if (lede_library_is_new (library))
    {
      g_autoptr (LedeArticle) sample = lede_sample_story_new ();

      if (!lede_library_create_article (library, sample, &error))
        g_warning ("Could not add the sample story: %s", error->message);
    }

  lede_window_reset_search (self);
  lede_window_show_article (self, NULL);
  lede_window_forget_asked (self);
  g_set_object (&self->library, library);
  lede_metadata_panel_set_library (self->metadata_panel, library);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (fill_tag_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "save-wanted", G_CALLBACK (on_save_wanted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (lede_window_search_again), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (update_trash_button), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_selected (self->status_filter, 0);
  g_clear_object (&self->articles);
  self->articles = lede_article_list_new (library, FALSE);
  apply_story_order (self);
  lede_window_watch_selection (self, library);
  fill_tag_filter (self);
  gtk_drop_down_set_selected (self->tag_filter, 0);

  update_empty_page (self);
  update_trash_button (self);
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->library_title, basename);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-story", TRUE);

  if (lede_library_get_notice (library) != NULL)
    show_library_message (self, _("A Stray File Was Set Aside"), lede_library_get_notice (library));
  g_timeout_add_once (2000, check_library_later, weak_window (self));

  /* Autoselect has already picked the newest story; unless the writer was
   * elsewhere, show it ready to type. */
  if (!return_to_place (self))
    lede_editor_focus (self->editor);
  return TRUE;
}

const char *
lede_window_get_library_path (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->library ? lede_library_get_path (self->library) : NULL;
}

LedeLibrary *
lede_window_get_library (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->library;
}

LedeAutosave *
lede_window_get_autosave (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->autosave;
}

static void
on_close_anyway_response (AdwMessageDialog *dialog,
                          const char       *response,
                          LedeWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      lede_autosave_reset (self->autosave);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* A clean close loses nothing: the story is written first, and if that
 * fails the window stays open unless the user decides otherwise. */
static gboolean
lede_window_close_request (GtkWindow *window)
{
  LedeWindow *self = LEDE_WINDOW (window);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (lede_autosave_flush (self->autosave, &error))
    {
      remember_place (self);
      lede_window_leave_story (self);
      return GTK_WINDOW_CLASS (lede_window_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (window, _("The Story Is Not Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. If you close the window now, the latest changes are lost."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "discard", _("_Close and Lose Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_anyway_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
lede_window_dispose (GObject *object)
{
  LedeWindow *self = (LedeWindow *)object;

  /* Settings actions outlive a closed window unless taken off it: a later
   * settings change would reach its dead action group. */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-metadata");
  g_action_map_remove_action (G_ACTION_MAP (self), "story-order");
  g_action_map_remove_action (G_ACTION_MAP (self), "spell-check");
  g_action_map_remove_action (G_ACTION_MAP (self), "graf-numbers");
  g_action_map_remove_action (G_ACTION_MAP (self), "smart-punctuation");
  lede_window_dispose_layout (self);
  lede_window_dispose_search (self);
  lede_window_dispose_history (self);
  g_clear_object (&self->title_bindings);
  g_clear_object (&self->autosave);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->speller);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_WINDOW);

  G_OBJECT_CLASS (lede_window_parent_class)->dispose (object);
}

static void
lede_window_class_init (LedeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lede_window_dispose;
  widget_class->size_allocate = lede_window_size_allocate;
  window_class->close_request = lede_window_close_request;

  g_type_ensure (LEDE_TYPE_EDITOR);
  g_type_ensure (LEDE_TYPE_PREVIEW_PANE);
  g_type_ensure (LEDE_TYPE_METADATA_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, metadata_flap);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, header_squeezer);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, layout_bar);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, bar_split_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, metadata_panel);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, tag_filter);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, story_title);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, new_story_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, split);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, split_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_unbind_cb);

  gtk_widget_class_install_action (widget_class, "win.new-story", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-graf", NULL, go_to_graf_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.add-tag", NULL, add_tag_action);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_header);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.trash-story", NULL, trash_story_action);
  gtk_widget_class_install_action (widget_class, "win.restore-story", "x", restore_story_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
  gtk_widget_class_install_action (widget_class, "win.manage-tags", NULL, manage_tags_action);
  gtk_widget_class_install_action (widget_class, "win.manage-sources", NULL, manage_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_action);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, trash_button_content);
  lede_window_class_add_layout (widget_class);
  lede_window_class_add_interchange (widget_class);
  lede_window_class_add_search (widget_class);
  lede_window_class_add_history (widget_class);
  lede_window_class_add_selection (widget_class);
}

static void
lede_window_init (LedeWindow *self)
{
  int width = 0, height = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "editor-width", self->split, "position", G_SETTINGS_BIND_DEFAULT);
  lede_window_init_layout (self);

  /* The sidebar's order, from the menu, remembered. */
  {
    g_autoptr (GAction) order = g_settings_create_action (self->settings, "story-order");
    g_action_map_add_action (G_ACTION_MAP (self), order);
  }
  g_signal_connect_object (self->settings, "changed::story-order",
                           G_CALLBACK (apply_story_order), self, G_CONNECT_SWAPPED);
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
  self->tag_names = gtk_string_list_new ((const char * const[]) { _("Any tag"), NULL });
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (self->tag_names));

  /* The panel: a settings action, so F9 and the button agree and it is remembered. */
  {
    g_autoptr (GAction) show_metadata = g_settings_create_action (self->settings, "show-metadata");
    g_action_map_add_action (G_ACTION_MAP (self), show_metadata);
  }
  /* The panel is shown or hidden by the writer (F9), never by the window's
   * width: locked, the flap only moves over the story when narrow. */
  g_settings_bind (self->settings, "show-metadata", self->metadata_flap, "reveal-flap", G_SETTINGS_BIND_GET);

  self->autosave = lede_autosave_new (AUTOSAVE_PAUSE_MS, AUTOSAVE_MAX_WAIT_MS);
  lede_autosave_set_func (self->autosave, save_open_story, self);
  g_signal_connect_object (self->autosave, "notify::state",
                           G_CALLBACK (on_save_state), self, G_CONNECT_SWAPPED);

  self->title_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->title_bindings, "headline", self->story_title, "title",
                             G_BINDING_SYNC_CREATE, headline_to_title, NULL, NULL, NULL);

  lede_window_init_selection (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-story", FALSE);
  lede_window_init_interchange (self);
  lede_window_init_search (self);
  lede_window_init_history (self);
  update_empty_page (self);
  lede_window_show_article (self, NULL);
}

LedeWindow *
lede_window_new (GtkApplication *application)
{
  return g_object_new (LEDE_TYPE_WINDOW, "application", application, NULL);
}
