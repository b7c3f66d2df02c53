/* lede-window-history.c: the window's side of a story's revisions — when
 * one is kept, Save Version…, the History window and Restore.
 *
 * A revision is kept when the writer leaves a story they changed (another
 * story, closing, quitting), after ten minutes of editing, at each change
 * of status, before Replace All and before an import or a restore
 * rewrites the story, and when a story marked ready or published is
 * exported. The library keeps none when nothing changed since the last.
 *
 * A published story changed in the window is asked about once a session:
 * a correction, a clarification or an update, with a note for readers,
 * kept in its corrections log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-correction-dialog.h"
#include "lede-history-window.h"
#include "lede-window-private.h"

/* Ten minutes of editing keep a revision, though the writer stays. */
#define REVISION_EVERY_S (10 * 60)
/* A published story is asked about its change once typing pauses this long. */
#define CORRECTION_PAUSE_MS 2000

/**
 * lede_window_keep_revision_of:
 *
 * Keeps a revision of @article as it is; a failure is said in a toast (the
 * story itself is saved as before).
 */
void
lede_window_keep_revision_of (LedeWindow  *self,
                              LedeArticle *article,
                              const char  *reason)
{
  g_autoptr (GError) error = NULL;

  if (self->library == NULL || article == NULL || lede_article_get_id (article) == 0)
    return;
  if (!lede_library_keep_revision (self->library, article, reason, NULL, NULL, &error))
    {
      g_autofree char *title = g_strdup_printf (_("No revision was kept: %s"), error->message);
      lede_window_show_toast (self, title);
    }
}

/* The open story, saved first, so the revision holds what is on screen. */
static gboolean
keep_open_story (LedeWindow  *self,
                 const char  *reason,
                 const char  *name,
                 GError     **error)
{
  LedeArticle *article = lede_editor_get_article (self->editor);

  if (self->library == NULL || article == NULL)
    return TRUE;
  if (!lede_autosave_flush (self->autosave, error) ||
      !lede_library_keep_revision (self->library, article, reason, name, NULL, error))
    return FALSE;
  self->revision_due = FALSE;
  g_clear_handle_id (&self->revision_timer, g_source_remove);
  return TRUE;
}

/**
 * lede_window_keep_revision:
 * @reason: why, in words
 *
 * Keeps a revision of the open story as it is on screen.
 */
void
lede_window_keep_revision (LedeWindow *self,
                           const char *reason)
{
  g_autoptr (GError) error = NULL;

  if (!keep_open_story (self, reason, NULL, &error))
    {
      g_autofree char *title = g_strdup_printf (_("No revision was kept: %s"), error->message);
      lede_window_show_toast (self, title);
    }
}

static gboolean
revision_timer_cb (gpointer data)
{
  LedeWindow *self = data;

  self->revision_timer = 0;
  if (self->revision_due)
    lede_window_keep_revision (self, _("ten minutes of editing"));
  return G_SOURCE_REMOVE;
}

/* Corrections */

/* What readers read (headline, standfirst, byline, dateline, body): a
 * change of anything else is not a correction. */
static char *
read_text_checksum (LedeWindow *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (self->editor);
  g_autofree char *body = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GtkTextIter start, end;

  if (article == NULL)
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  for (const char * const *field = (const char * const[]) { lede_article_get_headline (article),
                                                           lede_article_get_standfirst (article),
                                                           lede_article_get_byline (article),
                                                           lede_article_get_dateline (article), body, NULL };
       *field; field++)
    {
      g_checksum_update (sum, (const guchar *)*field, -1);
      g_checksum_update (sum, (const guchar *)"\n", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}


/* Adds a correction, clarification or update to the open story's log:
 * part of the story, saved with it and exported with it. */
static void
add_to_log (LedeWindow         *self,
            LedeArticle        *article,
            LedeCorrectionKind  kind,
            const char         *note)
{
  g_autoptr (LedeCorrection) correction = lede_correction_new (NULL, kind, note);

  lede_article_add_correction (article, correction);
  lede_window_show_toast (self, kind == LEDE_CORRECTION_CORRECTION ? _("The correction is noted at the end of the story")
                              : kind == LEDE_CORRECTION_CLARIFICATION ? _("The clarification is noted at the end of the story")
                              : _("The update is noted at the end of the story"));
}

static void
on_correction_response (AdwMessageDialog *dialog,
                        const char       *response,
                        LedeWindow       *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  gint64 asked = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lede-story"));
  g_autofree char *note = lede_correction_dialog_dup_note (dialog);
  LedeCorrectionKind kind;

  g_signal_handlers_disconnect_by_data (dialog, self);
  if (article == NULL || lede_article_get_id (article) != asked || *note == '\0' ||
      !lede_correction_kind_from_string (response, &kind))
    return;
  add_to_log (self, article, kind, note);
}

/* A published story changed: is it a correction, a clarification or an
 * update? Asked once a session for each story, after a pause in typing;
 * whatever the answer, the gate asks again before the change goes out. */
static gboolean
ask_correction (gpointer data)
{
  LedeWindow *self = data;
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkWidget *dialog;

  g_autofree char *text = read_text_checksum (self);

  self->correction_id = 0;
  /* Only a change readers would see: not a tag, not the status itself. */
  if (article == NULL || lede_article_get_status (article) != LEDE_ARTICLE_STATUS_PUBLISHED ||
      g_strcmp0 (text, self->asked_text) == 0 ||
      !g_hash_table_add (self->asked_correction, GINT_TO_POINTER (lede_article_get_id (article))))
    return G_SOURCE_REMOVE;
  dialog = lede_correction_dialog_new (GTK_WINDOW (self), _("This Story Is Published"),
                                       _("Readers are told what changed after publication. Is this a correction, a "
                                         "clarification or an update? The note goes at the end of the story."),
                                       NULL, NULL, TRUE);
  g_object_set_data (G_OBJECT (dialog), "lede-story", GSIZE_TO_POINTER (lede_article_get_id (article)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_correction_response), self, 0);
  return G_SOURCE_REMOVE;
}

/* Add Correction…: a note for readers at any time, not only when asked. */
static void
add_correction_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkWidget *dialog;

  if (article == NULL)
    return;
  dialog = lede_correction_dialog_new (GTK_WINDOW (self), _("Add a Note for Readers"),
                                       _("A correction, a clarification or an update goes at the end of the story, "
                                         "with today’s date, wherever it is published."),
                                       NULL, NULL, FALSE);
  g_object_set_data (G_OBJECT (dialog), "lede-story", GSIZE_TO_POINTER (lede_article_get_id (article)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_correction_response), self, 0);
}

/* The writer changed the open story: a revision is due when they leave
 * it, or after ten minutes of it; a published one asks what the change is. */
void
lede_window_note_edit (LedeWindow *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);

  self->last_edit_us = g_get_monotonic_time ();
  lede_window_tidy_later (self);
  self->revision_due = TRUE;
  if (self->revision_timer == 0)
    self->revision_timer = g_timeout_add_seconds (REVISION_EVERY_S, revision_timer_cb, self);
  if (article && lede_article_get_status (article) == LEDE_ARTICLE_STATUS_PUBLISHED &&
      !g_hash_table_contains (self->asked_correction, GINT_TO_POINTER (lede_article_get_id (article))))
    {
      g_clear_handle_id (&self->correction_id, g_source_remove);
      self->correction_id = g_timeout_add (CORRECTION_PAUSE_MS, ask_correction, self);
    }
}

/* Leaving the open story (for another, or closing): what changed is kept. */
void
lede_window_leave_story (LedeWindow *self)
{
  if (self->revision_due)
    lede_window_keep_revision (self, _("left the story"));
  self->revision_due = FALSE;
  g_clear_handle_id (&self->revision_timer, g_source_remove);
}

static void
on_status_changed (LedeWindow  *self,
                   GParamSpec  *pspec,
                   LedeArticle *article)
{
  /* The status's stable name, not its label in this session's language. */
  g_autofree char *reason = g_strdup_printf (_("status: %s"), lede_article_status_to_string (lede_article_get_status (article)));

  lede_window_keep_revision (self, reason);
  /* Publishing is not a correction: what is published now is the text. */
  lede_window_note_shown (self);
}

/* Save Version… */

static void
on_save_version_response (AdwMessageDialog *dialog,
                          const char       *response,
                          LedeWindow       *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Saved version"));
    }
  if (keep_open_story (self, _("named"), name, &error))
    title = g_strdup_printf (_("Version “%s” saved"), name);
  else
    title = g_strdup_printf (_("The version was not saved: %s"), error->message);
  lede_window_show_toast (self, title);
}

static void
save_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  GtkWidget *dialog, *entry;

  if (lede_editor_get_article (self->editor) == NULL || self->library == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Version"),
                                   _("A named version is kept for good, whatever else is thinned."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("As filed, legal read…"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The version’s name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_version_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* History and Restore */

static char *editor_text (LedeWindow *self);

/**
 * lede_window_restore_revision:
 *
 * Puts revision @revision_id back as the open story: the story as it is
 * is kept first, the fields are set and the body replaced as one edit
 * Ctrl+Z undoes; tags and sources deleted since are left out, and said.
 */
void
lede_window_restore_revision (LedeWindow *self,
                              gint64      revision_id)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_autoptr (LedeArticle) revision = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *not_restored = NULL;
  g_autofree char *snapshot = NULL;

  if (article == NULL || self->library == NULL)
    return;
  if (!(revision = lede_library_get_revision (self->library, revision_id, NULL, &error)) ||
      lede_article_get_id (revision) != lede_article_get_id (article) ||
      !keep_open_story (self, _("before restoring"), NULL, &error) ||
      !lede_library_prepare_restore (self->library, revision, article, &not_restored, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Nothing was restored: %s"),
                                                error ? error->message : _("the revision is another story’s"));
      lede_window_show_toast (self, title);
      return;
    }
  snapshot = lede_revision_snapshot (revision, lede_article_get_tags (revision), lede_article_get_sources (revision));
  /* What the fields and the text were, so one Ctrl+Z (or the toast's
   * Undo) brings all of it back, not the body alone. */
  lede_editor_commit (self->editor);
  g_free (self->restored_before);
  self->restored_before = lede_revision_snapshot (article, lede_article_get_tags (article), lede_article_get_sources (article));
  g_free (self->restored_text_before);
  self->restored_text_before = editor_text (self);
  /* One restore, not a status change on the way: no revision halfway.
   * The body is replaced as one undo step; the headline and every other
   * field follow its undo and redo (follow_restore()). */
  g_signal_group_block (self->revision_signals);
  lede_revision_apply (snapshot, article, NULL);
  lede_editor_replace_body (self->editor, lede_article_get_body (revision));
  g_signal_group_unblock (self->revision_signals);
  lede_editor_commit (self->editor);
  g_free (self->restored_after);
  self->restored_after = lede_revision_snapshot (article, lede_article_get_tags (article), lede_article_get_sources (article));
  g_free (self->restored_text_after);
  self->restored_text_after = editor_text (self);
  self->restored_story = lede_article_get_id (article);
  self->restore_undone = FALSE;
  {
    AdwToast *toast = adw_toast_new (not_restored ? not_restored
                                                  : _("Restored. Ctrl+Z or Undo brings the story back as it was; "
                                                      "it is in the History too."));

    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo-restore");
    adw_toast_set_timeout (toast, 10);
    adw_toast_overlay_add_toast (self->toasts, toast);
  }
}

/* The body as the editor has it now. */
static char *
editor_text (LedeWindow *self)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (self->editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* After any undo or redo of the body: when it took the body back to just
 * before the last Restore (or forward to just after), the headline and
 * the other fields follow. */
static void
follow_restore (LedeWindow *self,
                gboolean    undone)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_autofree char *text = NULL;

  if (article == NULL || self->restored_before == NULL || lede_article_get_id (article) != self->restored_story ||
      self->restore_undone == undone)
    return;
  text = editor_text (self);
  if (g_strcmp0 (text, undone ? self->restored_text_before : self->restored_text_after) != 0)
    return;
  /* The story's life (status, embargo, publication, a published slug) is
   * never a version's: whatever it is now stays. */
  {
    static const char * const life[] = { "status", "embargo", "published", "slug" };
    GValue kept[G_N_ELEMENTS (life)] = { G_VALUE_INIT };

    for (guint i = 0; i < G_N_ELEMENTS (life); i++)
      g_object_get_property (G_OBJECT (article), life[i], &kept[i]);
    g_signal_group_block (self->revision_signals);
    lede_revision_apply (undone ? self->restored_before : self->restored_after, article, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (life); i++)
      {
        g_object_set_property (G_OBJECT (article), life[i], &kept[i]);
        g_value_unset (&kept[i]);
      }
    g_signal_group_unblock (self->revision_signals);
  }
  self->restore_undone = undone;
}

static void
on_text_undone (LedeWindow *self)
{
  follow_restore (self, TRUE);
}

static void
on_text_redone (LedeWindow *self)
{
  follow_restore (self, FALSE);
}

/* The toast's Undo: the text's own undo when the Restore changed it (the
 * fields follow), the fields alone otherwise. */
static void
undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  LedeArticle *article = lede_editor_get_article (self->editor);
  g_autofree char *text = NULL;

  if (article == NULL || self->restored_before == NULL || lede_article_get_id (article) != self->restored_story ||
      self->restore_undone)
    return;
  text = editor_text (self);
  if (g_strcmp0 (text, self->restored_text_after) != 0)
    return;  /* typed since: Ctrl+Z takes that back first */
  if (g_strcmp0 (self->restored_text_before, self->restored_text_after) == 0)
    follow_restore (self, TRUE);
  else
    gtk_text_buffer_undo (lede_editor_get_buffer (self->editor));
  lede_editor_commit (self->editor);
}

static void
on_history_restore (LedeWindow *self,
                    gint64      revision_id)
{
  lede_window_restore_revision (self, revision_id);
}

/**
 * lede_window_show_history:
 *
 * Returns: (transfer none) (nullable): the History window for the open
 *   story, shown; %NULL when no story is open
 */
LedeHistoryWindow *
lede_window_show_history (LedeWindow *self)
{
  LedeArticle *article = lede_editor_get_article (self->editor);
  GtkTextBuffer *buffer = lede_editor_get_buffer (self->editor);
  g_autofree char *body = NULL;
  LedeHistoryWindow *history;
  GtkTextIter start, end;

  if (article == NULL || self->library == NULL)
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  history = lede_history_window_new (GTK_WINDOW (self), self->library, article, body);
  g_signal_connect_object (history, "restore", G_CALLBACK (on_history_restore), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (history));
  return history;
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  lede_window_show_history ((LedeWindow *)widget);
}

void
lede_window_class_add_history (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.add-correction", NULL, add_correction_action);
  gtk_widget_class_install_action (widget_class, "win.undo-restore", NULL, undo_restore_action);
}

static void
before_replace_all (LedeWindow *self)
{
  lede_window_keep_revision (self, _("before replace all"));
}

/* A story shown (or none): the actions on one follow. */
void
lede_window_note_shown (LedeWindow *self)
{
  gboolean has_story = lede_editor_get_article (self->editor) != NULL;

  g_clear_handle_id (&self->correction_id, g_source_remove);
  g_free (self->asked_text);
  self->asked_text = read_text_checksum (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-version", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", has_story);
}

/* Another library: its story ids are not the last one's. */
void
lede_window_forget_asked (LedeWindow *self)
{
  g_hash_table_remove_all (self->asked_correction);
}

void
lede_window_init_history (LedeWindow *self)
{
  self->asked_correction = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (lede_editor_get_find_bar (self->editor), "before-replace-all",
                           G_CALLBACK (before_replace_all), self, G_CONNECT_SWAPPED);
  self->revision_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->revision_signals, "notify::status", G_CALLBACK (on_status_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (lede_editor_get_buffer (self->editor), "undo", G_CALLBACK (on_text_undone), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (lede_editor_get_buffer (self->editor), "redo", G_CALLBACK (on_text_redone), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
lede_window_dispose_history (LedeWindow *self)
{
  g_clear_handle_id (&self->revision_timer, g_source_remove);
  g_clear_handle_id (&self->correction_id, g_source_remove);
  g_clear_object (&self->revision_signals);
  g_clear_pointer (&self->asked_correction, g_hash_table_unref);
  g_clear_pointer (&self->asked_text, g_free);
  g_clear_pointer (&self->restored_before, g_free);
  g_clear_pointer (&self->restored_after, g_free);
  g_clear_pointer (&self->restored_text_before, g_free);
  g_clear_pointer (&self->restored_text_after, g_free);
}
