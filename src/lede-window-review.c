/* lede-window-review.c: the editor's pass in the window — Suggest Changes
 * (Ctrl+Shift+E, remembered per story in the "suggesting" key), accepting
 * and rejecting (Ctrl+Alt+A, Ctrl+Alt+R, the body's context menu, the
 * panel's Review section), comments and replies, and the preview's view of
 * the pass (win.show-changes, Ctrl+Shift+M).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lede-review-section.h"
#include "lede-window-private.h"

/* Stories remembered as suggesting, at most. */
#define MOST_REMEMBERED 500

static char *
dup_reviewer (LedeWindow *self)
{
  g_autofree char *byline = g_settings_get_string (self->settings, "default-byline");

  g_strstrip (byline);
  return *byline ? g_steal_pointer (&byline) : g_strdup (g_get_real_name ());
}

static void
remember (LedeWindow *self,
          const char *uuid,
          gboolean    suggesting)
{
  g_auto (GStrv) before = g_settings_get_strv (self->settings, "suggesting");
  g_autoptr (GStrvBuilder) after = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  guint n = g_strv_length (before);

  for (guint i = suggesting && n >= MOST_REMEMBERED ? n - MOST_REMEMBERED + 1 : 0; i < n; i++)
    if (!g_str_equal (before[i], uuid))
      g_strv_builder_add (after, before[i]);
  if (suggesting)
    g_strv_builder_add (after, uuid);
  list = g_strv_builder_end (after);
  g_settings_set_strv (self->settings, "suggesting", (const char * const *)list);
}

static void
on_suggest_changed (GSimpleAction *action,
                    GVariant      *state,
                    LedeWindow    *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_autofree char *reviewer = dup_reviewer (self);
  gboolean on = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  lede_editor_set_suggesting (self->editor, on, reviewer);
  if (article != NULL)
    remember (self, lede_article_get_uuid (article), on);
}

/**
 * lede_window_review_story_shown:
 *
 * Suggest Changes as it was left for the story now shown.
 */
void
lede_window_review_story_shown (LedeWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "suggest-changes");
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_auto (GStrv) list = g_settings_get_strv (self->settings, "suggesting");
  g_autofree char *reviewer = dup_reviewer (self);
  gboolean on = article != NULL && g_strv_contains ((const char * const *)list, lede_article_get_uuid (article));

  if (action == NULL)
    return;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (on));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), article != NULL);
  lede_editor_set_suggesting (self->editor, on, reviewer);
}

static gboolean
is_suggestion (const LedeReviewMark *mark,
               gpointer              data)
{
  return lede_review_mark_is_suggestion (mark) && (data == NULL || g_strcmp0 (mark->author, data) == 0);
}

/* The standfirst's suggestions (of @author), answered with the body's:
 * the panel's field has no cursor to answer one at. */
static gboolean
answer_standfirst (LedeWindow       *self,
                   const char       *author,
                   LedeReviewAnswer  reply)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  const char *standfirst = lede_article_get_standfirst (article);
  g_autoptr (GPtrArray) marks = NULL;
  g_autofree char *answered = NULL;

  if (standfirst == NULL || !lede_review_may_have_marks (standfirst))
    return FALSE;
  marks = lede_review_scan (standfirst);
  answered = lede_review_dup_answered (standfirst, marks, reply, is_suggestion, (gpointer)author, NULL);
  if (g_str_equal (answered, standfirst))
    return FALSE;
  lede_article_set_standfirst (article, answered);
  return TRUE;
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  LedeReviewAnswer reply = g_str_has_prefix (action_name, "win.accept") ? LEDE_REVIEW_ACCEPT : LEDE_REVIEW_REJECT;

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  if (g_str_has_suffix (action_name, "-suggestion"))
    {
      if (!lede_editor_answer_at_cursor (self->editor, reply))
        lede_window_show_toast (self, _("No suggestion or comment at the cursor"));
    }
  else if (g_str_has_suffix (action_name, "-author"))
    {
      g_autofree char *author = lede_editor_dup_author_at_cursor (self->editor);

      if (author == NULL ||
          !(lede_editor_answer_suggestions (self->editor, author, reply) | answer_standfirst (self, author, reply)))
        lede_window_show_toast (self, _("No suggestion at the cursor"));
    }
  else if (!(lede_editor_answer_suggestions (self->editor, NULL, reply) | answer_standfirst (self, NULL, reply)))
    lede_window_show_toast (self, _("The story has no suggestions"));
}

typedef struct {
  LedeWindow *window;
  gsize       start;   /* the comment replied to, or G_MAXSIZE for a new one */
} Asking;

static void
on_comment_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Asking           *asking)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  LedeWindow *self = asking->window;
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "comment") || *words == '\0')
    return;
  if (asking->start == G_MAXSIZE)
    {
      if (!lede_editor_add_comment (self->editor, words))
        lede_window_show_toast (self, _("Select words outside any suggestion or comment, within one paragraph"));
    }
  else if (!lede_editor_reply (self->editor, asking->start, words))
    lede_window_show_toast (self, _("The comment is no longer in the story"));
}

static void
comment_on_enter (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "comment");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Asks for a comment's words, or a reply's. */
static void
ask_comment (LedeWindow *self,
             gsize       start)
{
  Asking *asking = g_new0 (Asking, 1);
  GtkWidget *dialog, *entry;

  asking->window = self;
  asking->start = start;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), start == G_MAXSIZE ? _("Add Comment") : _("Reply"),
                                   start == G_MAXSIZE ? _("On the words selected, signed with your byline.")
                                                      : _("Your reply follows the comment, signed with your byline."));
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  start == G_MAXSIZE ? _("Comment") : _("Reply"), -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (comment_on_enter), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "comment", start == G_MAXSIZE ? _("_Comment") : _("_Reply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "comment", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "comment");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_comment_response), asking,
                         (GClosureNotify)(void (*) (void))g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  GtkTextIter start, end;

  if (lede_editor_get_article (self->editor) == NULL)
    return;
  if (!gtk_text_buffer_get_selection_bounds (lede_editor_get_buffer (self->editor), &start, &end))
    {
      lede_window_show_toast (self, _("Select the words to comment on first"));
      return;
    }
  ask_comment (self, G_MAXSIZE);
}

static void
on_section_answer (LedeWindow *self,
                   guint64     start,
                   gboolean    accept)
{
  if (!lede_editor_answer_mark (self->editor, (gsize)start, accept ? LEDE_REVIEW_ACCEPT : LEDE_REVIEW_REJECT))
    lede_window_show_toast (self, _("The suggestion is no longer in the story"));
}

static void
on_section_reply (LedeWindow *self,
                  guint64     start)
{
  ask_comment (self, (gsize)start);
}

static void
on_section_show (LedeWindow *self,
                 guint64     start)
{
  lede_editor_show_mark (self->editor, (gsize)start);
}

void
lede_window_class_add_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.accept-author", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.reject-author", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.accept-all", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.reject-all", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "win.add-comment", NULL, add_comment_action);
}

/* The panel's headline and standfirst, suggested in as the body is. */
static char *
suggest_in_field (const char *text,
                  int         start,
                  int         end,
                  const char *words,
                  int         cursor,
                  int        *new_cursor,
                  gpointer    data)
{
  LedeWindow *self = data;

  return lede_editor_dup_suggested (self->editor, text, start, end, words, cursor, new_cursor);
}

/* The story fields' and the review section's answers are the window's
 * to carry out. */
static void
watch_review_sections (LedeWindow *self)
{
  LedeReviewSection *section = lede_metadata_panel_get_review_section (self->metadata_panel);

  lede_story_fields_watch_suggestions (lede_metadata_panel_get_story_fields (self->metadata_panel),
                                       suggest_in_field, self);
  g_signal_connect_object (section, "answer", G_CALLBACK (on_section_answer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (section, "reply", G_CALLBACK (on_section_reply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (section, "show-mark", G_CALLBACK (on_section_show), self, G_CONNECT_SWAPPED);
}

void
lede_window_init_review (LedeWindow *self)
{
  g_autoptr (GSimpleAction) suggest = g_simple_action_new_stateful ("suggest-changes", NULL,
                                                                     g_variant_new_boolean (FALSE));
  /* The preview's switch: the pass marked, or the story as it reads with
   * it accepted (Ctrl+Shift+M). */
  g_autoptr (GPropertyAction) show_changes = g_property_action_new ("show-changes", self->preview, "show-changes");

  g_signal_connect_object (suggest, "change-state", G_CALLBACK (on_suggest_changed), self, 0);
  g_simple_action_set_enabled (suggest, FALSE);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (suggest));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_changes));
  /* The panel builds its sections when first shown. */
  if (lede_metadata_panel_is_built (self->metadata_panel))
    watch_review_sections (self);
  else
    g_signal_connect_object (self->metadata_panel, "built", G_CALLBACK (watch_review_sections), self,
                             G_CONNECT_SWAPPED);
}
