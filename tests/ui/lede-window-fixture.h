/* lede-window-fixture.h: a real LedeWindow on a fresh library, and the
 * helpers the window tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-checks.h"
#include "lede-checks-section.h"
#include "lede-counts-section.h"
#include "lede-desk-section.h"
#include "lede-editor.h"
#include "lede-metadata-panel.h"
#include "lede-note-section.h"
#include "lede-photo-section.h"
#include "lede-posts-section.h"
#include "lede-sources-section.h"
#include "lede-story-fields.h"
#include "lede-tag-chips.h"
#include "lede-window.h"
#include "../lede-test-utils.h"

typedef struct {
  char       *dir;
  char       *path;
  LedeWindow *window;
} Fixture;

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = lede_test_tmpdir ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->window = lede_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (lede_window_open_library (f->window, f->path));
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The closed window let its library go: closed, its WAL written into
   * it (one that holds frames is read at the next opening as a crash's;
   * a reader's leaves one with none). A stopped check's thread may hold
   * it a moment longer, as when Lede quits. */
  lede_library_wait_for_writers (10 * G_USEC_PER_SEC);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size <= 32);
  }
  lede_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline LedeEditor *
get_editor (Fixture *f)
{
  return LEDE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, "editor"));
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
descendant_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_type_is_a (G_OBJECT_TYPE (child), type) ? child : descendant_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* A section of the metadata panel by its name in lede-metadata-panel.ui,
 * or a named child of one's template (where the rows live). The panel
 * builds its sections when first shown: asking for one builds them. */
static inline gpointer
panel_child (Fixture    *f,
             const char *name)
{
  static const struct { const char *name; GType (*get_type) (void); } sections[] = {
    { "story_fields", lede_story_fields_get_type },
    { "counts_section", lede_counts_section_get_type },
    { "tag_chips_section", lede_tag_chips_get_type },
    { "sources_section", lede_sources_section_get_type },
    { "note_section", lede_note_section_get_type },
    { "photo_section", lede_photo_section_get_type },
    { "checks_section", lede_checks_section_get_type },
    { "desk_section", lede_desk_section_get_type },
    { "review_section", lede_review_section_get_type },
    { "posts_section", lede_posts_section_get_type },
  };
  GtkWidget *panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW,
                                                                "metadata_panel"));
  GObject *child = NULL;

  lede_metadata_panel_get_story_fields (LEDE_METADATA_PANEL (panel));
  for (guint i = 0; child == NULL && i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *section = descendant_of_type (panel, sections[i].get_type ());

      g_assert_nonnull (section);
      child = g_str_equal (name, sections[i].name) ? G_OBJECT (section)
                                                   : gtk_widget_get_template_child (section, sections[i].get_type (), name);
    }
  g_assert_nonnull (child);
  return child;
}

static inline LedeArticle *
shown_article (Fixture *f)
{
  return lede_editor_get_article (get_editor (f));
}

static inline GListModel *
story_list_model (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                    LEDE_TYPE_WINDOW, "story_list"));
  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

/* The one story selected in the sidebar; NULL when none or several are. */
static inline LedeArticle *
selected_article (Fixture *f)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (story_list_model (f));
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (model);
  g_autoptr (LedeArticle) article = NULL;

  if (gtk_bitset_get_size (set) != 1)
    return NULL;
  article = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_nth (set, 0));
  return article; /* the list keeps its own reference */
}

static inline void
type_at_end (Fixture    *f,
             const char *text)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static inline char *
buffer_text (Fixture *f)
{
  GtkTextBuffer *buffer = lede_editor_get_buffer (get_editor (f));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What another process would read from the file now. */
static inline LedeArticle *
read_from_disk (Fixture *f,
                gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = lede_library_open_for_reading (f->path, &error);
  LedeArticle *article;

  g_assert_no_error (error);
  article = lede_library_get_article (library, id, &error);
  g_assert_no_error (error);
  return article;
}

static inline gboolean
is_saved (gpointer data)
{
  return lede_autosave_get_state (lede_window_get_autosave (data)) == LEDE_SAVE_STATE_SAVED;
}

static inline gboolean
is_failed (gpointer data)
{
  return lede_autosave_get_state (lede_window_get_autosave (data)) == LEDE_SAVE_STATE_FAILED;
}

