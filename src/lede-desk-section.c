/* lede-desk-section.c: the open story's desk fields (assignee, editor,
 * deadline) and its headlines by role (issue 32), kept in step with the
 * article both ways: an edit is a property change the autosave writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-desk-section"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lede-desk-section.h"
#include "lede-time.h"
#include "lede-time-picker.h"

struct _LedeDeskSection
{
  GtkWidget      parent_instance;

  AdwEntryRow   *assignee_row;
  AdwEntryRow   *editor_row;
  AdwEntryRow   *deadline_row;
  GtkLabel      *deadline_error;
  AdwEntryRow   *print_row;
  AdwEntryRow   *seo_row;
  AdwEntryRow   *social_row;

  LedeArticle   *article;
  GBindingGroup *bindings;
  GSignalGroup  *article_signals;
};

G_DEFINE_FINAL_TYPE (LedeDeskSection, lede_desk_section, GTK_TYPE_WIDGET)

/* Shown and typed in local time, as the embargo is; kept in UTC. */
static void
show_deadline (LedeDeskSection *self)
{
  GDateTime *deadline = self->article ? lede_article_get_deadline (self->article) : NULL;
  g_autofree char *text = lede_time_format_local (deadline);

  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), text);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
}

static void
deadline_applied_cb (LedeDeskSection *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) utc = NULL;

  if (self->article == NULL)
    return;
  if (*trimmed == '\0')
    {
      lede_article_set_deadline (self->article, NULL);
      show_deadline (self);
      return;
    }
  local = lede_time_parse_local (trimmed);
  if (local == NULL || !(utc = g_date_time_to_utc (local)))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) example = g_date_time_add_days (now, 1);
      g_autofree char *shown = g_date_time_format (example, "%Y-%m-%d 17:00");
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date and time: write it as %s. "
                                                    "The deadline was not changed."), text, shown);

      gtk_label_set_text (self->deadline_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
      return;
    }
  lede_article_set_deadline (self->article, utc);
  show_deadline (self);
}

void
lede_desk_section_set_article (LedeDeskSection *self,
                               LedeArticle     *article)
{
  g_return_if_fail (LEDE_IS_DESK_SECTION (self));

  if (self->article == article)
    return;
  g_set_object (&self->article, article);
  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);
  if (article != NULL)
    show_deadline (self);
}

static void
lede_desk_section_dispose (GObject *object)
{
  LedeDeskSection *self = LEDE_DESK_SECTION (object);
  GtkWidget *child;

  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_DESK_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_desk_section_parent_class)->dispose (object);
}

static void
lede_desk_section_finalize (GObject *object)
{
  LedeDeskSection *self = LEDE_DESK_SECTION (object);

  g_clear_object (&self->article);
  G_OBJECT_CLASS (lede_desk_section_parent_class)->finalize (object);
}

static void
lede_desk_section_class_init (LedeDeskSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_desk_section_dispose;
  object_class->finalize = lede_desk_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-desk-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, editor_row);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, deadline_error);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, print_row);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, seo_row);
  gtk_widget_class_bind_template_child (widget_class, LedeDeskSection, social_row);
  gtk_widget_class_bind_template_callback (widget_class, deadline_applied_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_desk_section_init (LedeDeskSection *self)
{
  const GBindingFlags flags = G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A deadline is offered for the evening to come. */
  lede_time_picker_attach (self->deadline_row, 17, 0);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "assignee", self->assignee_row, "text", flags);
  g_binding_group_bind (self->bindings, "editor", self->editor_row, "text", flags);
  g_binding_group_bind (self->bindings, "print-headline", self->print_row, "text", flags);
  g_binding_group_bind (self->bindings, "seo-title", self->seo_row, "text", flags);
  g_binding_group_bind (self->bindings, "social-headline", self->social_row, "text", flags);
  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::deadline",
                                 G_CALLBACK (show_deadline), self, G_CONNECT_SWAPPED);
}
