/* lede-note-section.c: the open story's editorial note, for the newsroom
 * only (no export carries it), kept in step with the article both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-note-section"

#include "config.h"

#include "lede-note-section.h"

struct _LedeNoteSection
{
  GtkWidget     parent_instance;

  GtkTextView  *note_view;

  LedeArticle  *article;
  GSignalGroup *article_signals;
  gboolean      loading;  /* showing the article's note, not an edit */
};

G_DEFINE_FINAL_TYPE (LedeNoteSection, lede_note_section, GTK_TYPE_WIDGET)

static void
on_note_changed_in_article (LedeNoteSection *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (shown, lede_article_get_editorial_note (self->article)) != 0)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (buffer, lede_article_get_editorial_note (self->article), -1);
      self->loading = FALSE;
    }
}

static void
on_note_edited (LedeNoteSection *self,
                GtkTextBuffer   *buffer)
{
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  if (self->loading || self->article == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  lede_article_set_editorial_note (self->article, note);
}

void
lede_note_section_set_article (LedeNoteSection *self,
                               LedeArticle     *article)
{
  g_return_if_fail (LEDE_IS_NOTE_SECTION (self));

  if (self->article == article)
    return;
  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  /* With no story the last note stays, greyed out with the whole panel. */
  if (article != NULL)
    on_note_changed_in_article (self);
}

static void
lede_note_section_dispose (GObject *object)
{
  LedeNoteSection *self = LEDE_NOTE_SECTION (object);
  GtkWidget *child;

  g_clear_object (&self->article_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_NOTE_SECTION);
  /* The template's unnamed outer group is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_note_section_parent_class)->dispose (object);
}

static void
lede_note_section_finalize (GObject *object)
{
  LedeNoteSection *self = LEDE_NOTE_SECTION (object);

  g_clear_object (&self->article);
  G_OBJECT_CLASS (lede_note_section_parent_class)->finalize (object);
}

static void
lede_note_section_class_init (LedeNoteSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_note_section_dispose;
  object_class->finalize = lede_note_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-note-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeNoteSection, note_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_note_section_init (LedeNoteSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::editorial-note",
                                 G_CALLBACK (on_note_changed_in_article), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_edited), self, G_CONNECT_SWAPPED);
}
