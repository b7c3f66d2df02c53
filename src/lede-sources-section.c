/* lede-sources-section.c: the sources the open story relies on, each with
 * its role, organisation and how this story uses it; an entry completing
 * the library's sources links one, or makes a new one first.
 *
 * The links are part of the story object, saved with it by the autosave; a
 * source itself is the library's, written at once. Whenever the story's
 * sources change, LedeSourcesSection::sources-changed says so (the panel
 * checks the quotations against them again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-sources-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-source-editor.h"
#include "lede-sources-section.h"

struct _LedeSourcesSection
{
  GtkWidget     parent_instance;

  GtkListBox   *sources_list;
  GtkEntry     *source_entry;

  LedeLibrary  *library;
  LedeArticle  *article;
  GSignalGroup *article_signals;
  GtkListStore *source_names;  /* the library's, for completion */
  GPtrArray    *sources;       /* the rows shown */
};

G_DEFINE_FINAL_TYPE (LedeSourcesSection, lede_sources_section, GTK_TYPE_WIDGET)

enum {
  SOURCES_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gint64
article_id (LedeSourcesSection *self)
{
  return self->article ? lede_article_get_id (self->article) : 0;
}

static void on_unlink_clicked (GtkButton *button, LedeSourcesSection *self);

static void
fill_completions (LedeSourcesSection *self)
{
  g_autoptr (GPtrArray) sources = NULL;

  gtk_list_store_clear (self->source_names);
  if (self->library == NULL)
    return;
  if ((sources = lede_library_list_sources (self->library, NULL)))
    for (guint i = 0; i < sources->len; i++)
      gtk_list_store_insert_with_values (self->source_names, NULL, -1, 0, ((LedeSource *)g_ptr_array_index (sources, i))->name, -1);
}

static void
show_sources (LedeSourcesSection *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))))
    gtk_list_box_remove (self->sources_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), FALSE);
  if (self->article == NULL || lede_article_get_sources (self->article) == NULL)
    return;

  self->sources = g_ptr_array_ref (lede_article_get_sources (self->article));
  for (guint i = 0; self->sources && i < self->sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (self->sources, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
      g_auto (GStrv) details = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = g_strdup_printf (_("Remove “%s” from this story’s sources"), source->name);

      for (const char * const *part = (const char * const[]) { source->role, source->organisation, source->story_note, NULL }; *part; part++)
        if (**part)
          g_strv_builder_add (parts, *part);
      details = g_strv_builder_end (parts);
      subtitle = g_strjoinv (" · ", details);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit the source"));
      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (unlink, "flat");
      gtk_widget_set_tooltip_text (unlink, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (unlink), "lede-source", source);
      g_object_set_data (G_OBJECT (row), "lede-source", source);
      g_signal_connect (unlink, "clicked", G_CALLBACK (on_unlink_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      gtk_list_box_append (self->sources_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), self->sources && self->sources->len > 0);
}

/* The story's sources changed, or one of them in the library did. */
static void
sources_changed (LedeSourcesSection *self)
{
  show_sources (self);
  fill_completions (self);
  g_signal_emit (self, signals [SOURCES_CHANGED], 0);
}

/* The story's sources, with @added (unless it is there already) and
 * without @removed. */
static void
set_sources_with (LedeSourcesSection *self,
                  LedeSource         *added,
                  LedeSource         *removed)
{
  GPtrArray *now = lede_article_get_sources (self->article);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  for (guint i = 0; now != NULL && i < now->len; i++)
    {
      LedeSource *source = g_ptr_array_index (now, i);

      if (added != NULL && source->id == added->id)
        added = NULL;
      if (removed == NULL || source->id != removed->id)
        g_ptr_array_add (sources, source);
    }
  if (added != NULL)
    {
      g_free (added->story_note);
      added->story_note = g_strdup ("");
      g_ptr_array_add (sources, added);
    }
  lede_article_set_sources (self->article, sources);
}

/**
 * lede_sources_section_add_source:
 *
 * Links the library's source called @name (in any case) to the open story,
 * or makes a new source with that name first.
 *
 * Returns: whether the source was linked
 */
gboolean
lede_sources_section_add_source (LedeSourcesSection *self,
                                 const char         *name)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeSource) fresh = NULL;
  LedeSource *found = NULL;

  g_return_val_if_fail (LEDE_IS_SOURCES_SECTION (self), FALSE);

  if (self->library == NULL || article_id (self) == 0)
    return FALSE;
  clean = g_strstrip (lede_article_clean_line (name));
  if (*clean == '\0')
    return FALSE;
  folded = g_utf8_casefold (clean, -1);
  all = lede_library_list_sources (self->library, NULL);
  for (guint i = 0; all && i < all->len && !found; i++)
    {
      g_autofree char *other = g_utf8_casefold (((LedeSource *)g_ptr_array_index (all, i))->name, -1);
      if (g_str_equal (folded, other))
        found = g_ptr_array_index (all, i);
    }
  if (found == NULL)
    {
      fresh = lede_source_new (clean);
      if (!lede_library_create_source (self->library, fresh, &error))
        goto failed;
      found = fresh;
    }
  /* Linked on the story, the link is saved with it. */
  set_sources_with (self, found, NULL);
  return TRUE;

failed:
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_entry), error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->source_entry), "error");
  return FALSE;
}

static void
source_entry_activate_cb (LedeSourcesSection *self)
{
  if (lede_sources_section_add_source (self, gtk_editable_get_text (GTK_EDITABLE (self->source_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
}

static void
on_unlink_clicked (GtkButton          *button,
                   LedeSourcesSection *self)
{
  LedeSource *source = g_object_get_data (G_OBJECT (button), "lede-source");

  set_sources_with (self, NULL, source);
}

static void
source_activated_cb (LedeSourcesSection *self,
                     GtkListBoxRow      *row)
{
  LedeSource *source = g_object_get_data (G_OBJECT (row), "lede-source");

  if (source == NULL)
    return;
  lede_source_editor_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library, source,
                              article_id (self), (LedeSourceEdited)sources_changed,
                              g_object_ref (self), g_object_unref);
}

void
lede_sources_section_set_article (LedeSourcesSection *self,
                                  LedeArticle        *article)
{
  g_return_if_fail (LEDE_IS_SOURCES_SECTION (self));

  if (self->article == article)
    return;
  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  /* The last story's new sources are the library's by now. */
  fill_completions (self);
  show_sources (self);
}

void
lede_sources_section_set_library (LedeSourcesSection *self,
                                  LedeLibrary        *library)
{
  g_return_if_fail (LEDE_IS_SOURCES_SECTION (self));

  g_set_object (&self->library, library);
  fill_completions (self);
  show_sources (self);
}

static void
lede_sources_section_dispose (GObject *object)
{
  LedeSourcesSection *self = LEDE_SOURCES_SECTION (object);
  GtkWidget *child;

  g_clear_object (&self->article_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_SOURCES_SECTION);
  /* The template's unnamed outer group is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_sources_section_parent_class)->dispose (object);
}

static void
lede_sources_section_finalize (GObject *object)
{
  LedeSourcesSection *self = LEDE_SOURCES_SECTION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->article);
  g_clear_object (&self->source_names);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  G_OBJECT_CLASS (lede_sources_section_parent_class)->finalize (object);
}

static void
lede_sources_section_class_init (LedeSourcesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_sources_section_dispose;
  object_class->finalize = lede_sources_section_finalize;

  /**
   * LedeSourcesSection::sources-changed:
   *
   * The open story's sources changed: linked, unlinked, or edited.
   */
  signals [SOURCES_CHANGED] = g_signal_new ("sources-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-sources-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeSourcesSection, sources_list);
  gtk_widget_class_bind_template_child (widget_class, LedeSourcesSection, source_entry);
  gtk_widget_class_bind_template_callback (widget_class, source_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_sources_section_init (LedeSourcesSection *self)
{
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::sources", G_CALLBACK (sources_changed), self, G_CONNECT_SWAPPED);

  self->source_names = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->source_names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  gtk_entry_set_completion (self->source_entry, completion);

  show_sources (self);
}
