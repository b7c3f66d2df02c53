/* lede-review-section.c: the open story's suggestions and comments, in
 * the panel: what each is, who made it and when, its replies; a click
 * shows it in the body, and its buttons accept, reject, reply or
 * resolve. The section only asks (its signals); the window answers
 * through the editor, so each answer is an undo step there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-review-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-review.h"
#include "lede-review-section.h"

struct _LedeReviewSection
{
  GtkWidget             parent_instance;

  AdwPreferencesGroup  *group;
  GtkListBox           *marks_list;
  guint                 count;
  char                 *shown;  /* the body last listed */
};

G_DEFINE_FINAL_TYPE (LedeReviewSection, lede_review_section, GTK_TYPE_WIDGET)

enum {
  ANSWER,
  REPLY,
  SHOW_MARK,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Where in the body a row's mark begins. */
static guint64
row_start (GtkWidget *row)
{
  return *(guint64 *)g_object_get_data (G_OBJECT (row), "lede-mark-start");
}

static void
row_activated_cb (LedeReviewSection *self,
                  GtkListBoxRow     *row)
{
  g_signal_emit (self, signals [SHOW_MARK], 0, row_start (GTK_WIDGET (row)));
}

static void
on_button (GtkButton         *button,
           LedeReviewSection *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const char *what = g_object_get_data (G_OBJECT (button), "lede-answer");

  if (g_str_equal (what, "reply"))
    g_signal_emit (self, signals [REPLY], 0, row_start (row));
  else
    g_signal_emit (self, signals [ANSWER], 0, row_start (row), !g_str_equal (what, "reject"));
}

static GtkWidget *
add_button (LedeReviewSection *self,
            AdwActionRow      *row,
            const char        *icon,
            const char        *what,
            const char        *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "lede-answer", (gpointer)what);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_button), self, 0);
  adw_action_row_add_suffix (row, button);
  return button;
}

/* "Inserted", "Deleted"…: the word that says what a mark is, not only its colour. */
static const char *
kind_word (const LedeReviewMark *mark)
{
  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
      return _("Inserted");
    case LEDE_REVIEW_DELETION:
      return _("Deleted");
    case LEDE_REVIEW_SUBSTITUTION:
      return _("Replaced");
    case LEDE_REVIEW_COMMENT:
    default:
      return _("Comment");
    }
}

static char *
short_words (const char *words)
{
  g_autofree char *flat = g_strdelimit (g_strdup (words), "\n\t", ' ');

  if (g_utf8_strlen (flat, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (flat, 59);

      *cut = '\0';
      return g_strconcat (g_strstrip (flat), "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static GtkWidget *
make_row (LedeReviewSection    *self,
          const LedeReviewMark *mark)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  guint64 *start = g_new (guint64, 1);

  *start = mark->start;
  g_object_set_data_full (G_OBJECT (row), "lede-mark-start", start, g_free);
  switch (mark->kind)
    {
    case LEDE_REVIEW_SUBSTITUTION:
      {
        g_autofree char *from = short_words (mark->old_text);
        g_autofree char *to = short_words (mark->new_text);

        /* Translators: a suggestion replacing words; the old words, then the new */
        title = g_strdup_printf (_("%s: “%s” with “%s”"), kind_word (mark), from, to);
      }
      break;
    case LEDE_REVIEW_INSERTION:
      {
        g_autofree char *words = short_words (mark->new_text);

        title = g_strdup_printf (_("%s: “%s”"), kind_word (mark), words);
      }
      break;
    default:
      {
        LedeReviewNote *note = mark->notes->len ? g_ptr_array_index (mark->notes, 0) : NULL;
        g_autofree char *words = short_words (mark->kind == LEDE_REVIEW_COMMENT && note ? note->text
                                                                                       : mark->old_text);

        title = g_strdup_printf (_("%s: “%s”"), kind_word (mark), words);
      }
      break;
    }
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (row, 3);

  /* Who and when; a comment's words and its replies under it. */
  {
    g_autofree char *who = g_markup_escape_text (mark->author ? mark->author : _("Unknown"), -1);
    g_autofree char *when = g_markup_escape_text (mark->time ? mark->time : "", -1);

    g_string_append_printf (subtitle, "%s · %s", who, when);
  }
  if (mark->kind == LEDE_REVIEW_COMMENT && *mark->old_text)
    {
      g_autofree char *on = short_words (mark->old_text);
      g_autofree char *on_escaped = g_markup_escape_text (on, -1);

      g_string_append_printf (subtitle, "\n%s", on_escaped);
    }
  for (guint i = 1; i < mark->notes->len; i++)
    {
      LedeReviewNote *note = g_ptr_array_index (mark->notes, i);
      g_autofree char *line = g_strdup_printf (_("Reply from %s: %s"), note->author ? note->author : _("Unknown"),
                                               note->text);
      g_autofree char *line_escaped = g_markup_escape_text (line, -1);

      g_string_append_printf (subtitle, "\n%s", line_escaped);
    }
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (lede_review_mark_is_suggestion (mark))
    {
      add_button (self, row, "object-select-symbolic", "accept", _("Accept"));
      add_button (self, row, "window-close-symbolic", "reject", _("Reject"));
    }
  else
    {
      add_button (self, row, "mail-reply-sender-symbolic", "reply", _("Reply"));
      add_button (self, row, "object-select-symbolic", "resolve", _("Resolve"));
    }
  return GTK_WIDGET (row);
}

/**
 * lede_review_section_show:
 * @body: the story's Markdown as it is in the editor
 *
 * Lists the suggestions and comments in @body; hidden when there are none.
 */
void
lede_review_section_show (LedeReviewSection *self,
                          const char        *body)
{
  g_autoptr (GPtrArray) marks = NULL;
  GtkWidget *child;

  g_return_if_fail (LEDE_IS_REVIEW_SECTION (self));

  if (g_strcmp0 (self->shown, body) == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (body);
  marks = lede_review_scan (body ? body : "");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list))))
    gtk_list_box_remove (self->marks_list, child);
  for (guint i = 0; i < marks->len; i++)
    gtk_list_box_append (self->marks_list, make_row (self, g_ptr_array_index (marks, i)));
  self->count = marks->len;
  gtk_widget_set_visible (GTK_WIDGET (self->group), marks->len > 0);
}

/* Returns: how many suggestions and comments are listed */
guint
lede_review_section_get_count (LedeReviewSection *self)
{
  g_return_val_if_fail (LEDE_IS_REVIEW_SECTION (self), 0);
  return self->count;
}

static void
lede_review_section_dispose (GObject *object)
{
  LedeReviewSection *self = LEDE_REVIEW_SECTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_REVIEW_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_free);
  G_OBJECT_CLASS (lede_review_section_parent_class)->dispose (object);
}

static void
lede_review_section_class_init (LedeReviewSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_review_section_dispose;

  /**
   * LedeReviewSection::answer:
   * @start: the mark's first byte in the body
   * @accept: %TRUE to accept a suggestion or resolve a comment, %FALSE to reject
   */
  signals [ANSWER] =
    g_signal_new ("answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_BOOLEAN);
  /* Reply to the comment at @start. */
  signals [REPLY] =
    g_signal_new ("reply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Show the mark at @start in the body. */
  signals [SHOW_MARK] =
    g_signal_new ("show-mark", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-review-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeReviewSection, group);
  gtk_widget_class_bind_template_child (widget_class, LedeReviewSection, marks_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_review_section_init (LedeReviewSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
