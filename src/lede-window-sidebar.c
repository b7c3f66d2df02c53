/* lede-window-sidebar.c: the sidebar: the story list's rows, order and filters,
 * the managers (tags, sources, trash), and the stories made, trashed and
 * restored from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-source-manager.h"
#include "lede-story-row.h"
#include "lede-tag.h"
#include "lede-tag-manager.h"
#include "lede-trash-manager.h"
#include "lede-settings.h"
#include "lede-window-private.h"

/* The open story stays open and selected: the list hands back the same
 * objects in their new places, and the selection follows its item. */
void
lede_window_apply_story_order (LedeWindow *self)
{
  g_autoptr (GEnumClass) orders = g_type_class_ref (LEDE_TYPE_STORY_ORDER);
  g_autofree char *nick = g_settings_get_string (self->settings, "story-order");
  GEnumValue *order = g_enum_get_value_by_nick (orders, nick);
  g_autoptr (GError) error = NULL;

  if (self->articles != NULL && order != NULL &&
      !lede_article_list_set_order (self->articles, order->value, &error))
    g_warning ("Could not order the story list: %s", error->message);
}

/* What the content area says when there is no story to show. */
void
lede_window_update_empty_page (LedeWindow *self)
{
  gboolean has_library = self->library != NULL;

  adw_status_page_set_title (self->empty_page, has_library ? _("No Stories") : _("No Library Open"));
  adw_status_page_set_description (self->empty_page,
                                   has_library ? _("Press Ctrl+N to start a story.")
                                               : _("Open a library, or start a new one, from the main menu."));
  gtk_widget_set_visible (self->new_story_button, has_library);
}

/* The tag filter offers the library's tags in use, kept in step with it
 * (and the one chosen, while its stories are all in the trash). */
void
lede_window_fill_tag_filter (LedeWindow *self)
{
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->tag_filter);
  guint keep = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) list = NULL;

  if (selected > 0 && selected < n)
    chosen = g_strdup (gtk_string_list_get_string (self->tag_names, selected));
  if (self->library != NULL)
    tags = lede_library_list_tags_in_use (self->library, chosen, NULL);
  g_strv_builder_add (names, _("Any tag"));
  if (tags != NULL)
    g_strv_builder_addv (names, (const char **)tags);
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
  g_autofree char *mine = lede_window_dup_mine (self);

  if (self->articles == NULL || self->filling_tags)
    return;
  if (!lede_article_list_set_assignee (self->articles, mine, &error) ||
      !lede_article_list_set_filter (self->articles, status > 0 ? (int)status - 1 : -1,
                                     tag > 0 && tag != GTK_INVALID_LIST_POSITION
                                     ? gtk_string_list_get_string (self->tag_names, tag) : NULL,
                                     &error))
    lede_window_show_toast (self, error->message);
  lede_window_search_again (self);
  lede_window_update_empty_page (self);
}

/* After a manager closes, the open story's tags and sources are read again. */
static void
on_manager_closed (LedeWindow *self)
{
  if (self->library == NULL)
    return;
  lede_metadata_panel_set_library (self->metadata_panel, self->library);
  lede_window_fill_tag_filter (self);
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
  LedeWindow *self = (LedeWindow *)widget;

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_tag_manager_new (GTK_WINDOW (self), self->library)));
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_trash_manager_new (GTK_WINDOW (self), self->library)));
}

/* The sidebar's way to the trash says how much is in it. */
void
lede_window_update_trash_button (LedeWindow *self)
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
  LedeWindow *self = (LedeWindow *)widget;

  if (save_for_manager (self))
    present_manager (self, GTK_WINDOW (lede_source_manager_new (GTK_WINDOW (self), self->library)));
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GError) error = NULL;
  if (self->library == NULL)
    return;

  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, _("The open story could not be saved, so no new story was started."));
      return;
    }

  /* The preferences' byline for new stories, if set; their language, else
   * the desktop's, else English (lede_settings_dup_language()). */
  {
    g_autofree char *byline = g_settings_get_string (self->settings, "default-byline");
    g_autofree char *language = lede_settings_dup_language ();

    lede_article_set_byline (article, g_strstrip (byline));
    lede_article_set_language (article, language);
  }

  if (!lede_library_create_article (self->library, article, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }

  lede_window_select_story (self, lede_article_get_id (article));
  lede_editor_focus (self->editor);
}

static void
trash_story_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
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
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->library == NULL)
    return;

  if (!lede_library_restore_article (self->library, id, &error))
    {
      lede_window_show_toast (self, error->message);
      return;
    }
  lede_window_select_story (self, id);
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

void
lede_window_class_add_sidebar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_list_unbind_cb);
  gtk_widget_class_install_action (widget_class, "win.new-story", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "win.trash-story", NULL, trash_story_action);
  gtk_widget_class_install_action (widget_class, "win.restore-story", "x", restore_story_action);
  gtk_widget_class_install_action (widget_class, "win.manage-tags", NULL, manage_tags_action);
  gtk_widget_class_install_action (widget_class, "win.manage-sources", NULL, manage_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_action);
}

/* A menu is built the first time it is opened (a click, F10): built with
 * the window, the main menu's 154 widgets delayed its first frame. */
static void
build_menu (GtkMenuButton *button,
            gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

void
lede_window_init_sidebar (LedeWindow *self)
{
  /* The template's menus go with the template: each button holds its own. */
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, build_menu, g_object_ref (self->primary_menu),
                                         g_object_unref);
  gtk_menu_button_set_create_popup_func (self->status_menu_button, build_menu, g_object_ref (self->status_menu),
                                         g_object_unref);
  /* The sidebar's order, from the menu, remembered. */
  {
    g_autoptr (GAction) order = g_settings_create_action (self->settings, "story-order");
    g_action_map_add_action (G_ACTION_MAP (self), order);
  }
  g_signal_connect_object (self->settings, "changed::story-order",
                           G_CALLBACK (lede_window_apply_story_order), self, G_CONNECT_SWAPPED);
  /* Only the stories assigned to the default byline, from the menu too;
   * there is nobody to be "mine" until Preferences has a byline. */
  {
    g_autoptr (GAction) mine = g_settings_create_action (self->settings, "only-mine");
    g_action_map_add_action (G_ACTION_MAP (self), mine);
  }
  g_signal_connect_object (self->settings, "changed::only-mine",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::default-byline",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  self->tag_names = gtk_string_list_new ((const char * const[]) { _("Any tag"), NULL });
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (self->tag_names));
}
