/* lede-correction-dialog.c: the question a published story's change is
 * asked before it goes out again — a correction, a clarification or an
 * update, with a note for readers, or not a change readers need — with the
 * words changed since readers last saw it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-correction-dialog.h"
#include "lede-diff.h"

/* The kinds need a note for readers; "not a change" and Cancel do not. */
static void
note_changed (GtkEditable      *entry,
              AdwMessageDialog *dialog)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  for (const char * const *kind = (const char * const[]) { "update", "clarification", "correction", NULL }; *kind; kind++)
    adw_message_dialog_set_response_enabled (dialog, *kind, *note != '\0');
}

/* The word diff, struck through and underlined: colour is not the only
 * sign. */
static GtkWidget *
diff_view (const char *before,
           const char *after)
{
  g_autoptr (GArray) spans = lede_diff_words (before, after);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What changed since readers last saw it: deleted words struck through, "
                                    "inserted words underlined"), -1);
  gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE, "background", "rgba(224,27,36,0.20)", NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE,
                              "background", "rgba(46,194,126,0.25)", NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < spans->len; i++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, i);

      if (span->kind == LEDE_DIFF_SAME)
        gtk_text_buffer_insert (buffer, &end, before + span->old_start, span->old_length);
      else if (span->kind == LEDE_DIFF_DELETED)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, before + span->old_start, span->old_length, "deleted", NULL);
      else
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, after + span->new_start, span->new_length, "inserted", NULL);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

/**
 * lede_correction_dialog_new:
 * @before: (nullable): what readers saw, for the word diff
 * @after: (nullable): what they would see now
 * @offer_not_a_change: whether "Not a Change Readers Need" is an answer
 *
 * Returns: (transfer none): the dialog, shown; its note entry has the focus
 */
GtkWidget *
lede_correction_dialog_new (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *before,
                            const char *after,
                            gboolean    offer_not_a_change)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  if (before != NULL && after != NULL)
    gtk_box_append (GTK_BOX (box), diff_view (before, after));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What changed, for readers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What changed, for readers"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (dialog), "lede-note", entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (offer_not_a_change)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "not-a-change", _("_Not a Change Readers Need"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "update", _("_Update"),
                                    "clarification", _("C_larification"),
                                    "correction", _("_Correction"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "correction", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (note_changed), dialog);
  note_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/* Returns: (transfer full): the note for readers, on one line */
char *
lede_correction_dialog_dup_note (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lede-note");
  g_autofree char *note = g_strdup (gtk_editable_get_text (entry));

  g_strdelimit (note, "\r\n\t", ' ');
  return g_strstrip (g_steal_pointer (&note));
}

/**
 * lede_correction_dialog_ask_gate:
 * @verdict: the gate's, asking what changed (lede_verdict_asks_correction())
 *
 * Returns: (transfer none): the dialog asking the gate's question, with
 *   the words changed since the story last went out, shown
 */
GtkWidget *
lede_correction_dialog_ask_gate (GtkWindow         *parent,
                                 const char        *heading,
                                 const LedeVerdict *verdict)
{
  return lede_correction_dialog_new (parent, heading,
                                     _("This story is published, and what readers see has changed since it last "
                                       "went out. Readers are told of a correction, a clarification or an update "
                                       "at the end of the story."),
                                     lede_verdict_get_last_out (verdict), lede_verdict_get_reader_text (verdict), TRUE);
}

/* Gives @verdict the writer's answer: a kind with its note, or "not a
 * change readers need"; Cancel (or a kind with no note) answers nothing. */
void
lede_correction_dialog_answer (AdwMessageDialog *dialog,
                               const char       *response,
                               LedeVerdict      *verdict)
{
  g_autofree char *note = lede_correction_dialog_dup_note (dialog);
  LedeCorrectionKind kind;

  if (g_str_equal (response, "not-a-change"))
    lede_verdict_dismiss_correction (verdict);
  else if (lede_correction_kind_from_string (response, &kind) && *note != '\0')
    lede_verdict_answer_correction (verdict, kind, note);
}
