/* lede-counts-section.c: the panel's words, characters and reading time,
 * and how far the story is towards its word goal.
 *
 * It only shows counts it is handed: the panel works them out on a worker
 * thread, a moment after typing pauses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-counts-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-counts-section.h"

struct _LedeCountsSection
{
  GtkWidget     parent_instance;

  AdwActionRow *words_row;
  AdwActionRow *characters_row;
  AdwActionRow *reading_row;
  GtkLevelBar  *goal_bar;
};

G_DEFINE_FINAL_TYPE (LedeCountsSection, lede_counts_section, GTK_TYPE_WIDGET)

/**
 * lede_counts_section_show:
 * @word_goal: the story's word goal, or 0 for none
 */
void
lede_counts_section_show (LedeCountsSection *self,
                          const LedeCounts  *counts,
                          guint              word_goal)
{
  g_autofree char *words = NULL, *characters = NULL, *minutes = NULL;

  g_return_if_fail (LEDE_IS_COUNTS_SECTION (self));
  g_return_if_fail (counts != NULL);

  words = word_goal ? g_strdup_printf (_("%u of %u"), counts->words, word_goal) : g_strdup_printf ("%u", counts->words);
  characters = g_strdup_printf ("%u", counts->characters);
  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", counts->reading_minutes),
                             counts->reading_minutes);
  adw_action_row_set_subtitle (self->words_row, words);
  adw_action_row_set_subtitle (self->characters_row, characters);
  adw_action_row_set_subtitle (self->reading_row, minutes);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_bar), word_goal > 0);
  gtk_level_bar_set_value (self->goal_bar, word_goal ? MIN (1.0, (double)counts->words / word_goal) : 0);
}

static void
lede_counts_section_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LEDE_TYPE_COUNTS_SECTION);
  /* The template's unnamed outer group is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_counts_section_parent_class)->dispose (object);
}

static void
lede_counts_section_class_init (LedeCountsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_counts_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-counts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeCountsSection, words_row);
  gtk_widget_class_bind_template_child (widget_class, LedeCountsSection, characters_row);
  gtk_widget_class_bind_template_child (widget_class, LedeCountsSection, reading_row);
  gtk_widget_class_bind_template_child (widget_class, LedeCountsSection, goal_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_counts_section_init (LedeCountsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
