/* lede-window-selection.c: the sidebar's selection, and acting on many
 * stories at once; the list as one Tab stop.
 *
 * One selected story is the open story. With Ctrl+click, Shift+click or
 * Ctrl+A more are selected: the open story stays in the editor, and a bar
 * under the list acts on all of them (trash, status, a tag, export), each
 * action in one transaction; trash and its Undo a step at a time
 * (LedeStoryBatch), each step one transaction of 12 ms, with progress in
 * a toast: ten thousand stories held the window for seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-window-private.h"

/**
 * lede_window_get_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the stories
 *   selected in the sidebar, in list order
 */
GArray *
lede_window_get_selected_ids (LedeWindow *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->articles == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (LedeArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), position);

      if (article != NULL)
        {
          gint64 id = lede_article_get_id (article);
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static void
select_quietly_set (LedeWindow *self,
                    GtkBitset  *set,
                    GtkBitset  *mask)
{
  self->reverting_selection = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
  self->reverting_selection = FALSE;
}

/* Selects exactly @position (or nothing) without opening anything. */
static void
select_quietly (LedeWindow *self,
                guint       position)
{
  self->reverting_selection = TRUE;
  if (position == G_MAXUINT)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->reverting_selection = FALSE;
}

static void sync_selection (LedeWindow *self);

static void open_story (LedeWindow  *self,
                        LedeArticle *selected);

/**
 * lede_window_select_story:
 *
 * Selects story @id in the sidebar (and so opens it), scrolled into view.
 * While a long list is read, the story opens at once and its row is
 * selected once the list holds it: callers go on to act on the story open
 * (type into it, put the wire's changes in it).
 *
 * Returns: whether it is open now, and selected or to be
 */
gboolean
lede_window_select_story (LedeWindow *self,
                          gint64      id)
{
  guint position;

  if (self->articles == NULL)
    return FALSE;
  if ((position = lede_article_list_find (self->articles, id)) == G_MAXUINT)
    {
      g_autoptr (LedeArticle) article = NULL;
      g_autoptr (GError) error = NULL;

      if (!lede_article_list_is_loading (self->articles))
        return FALSE;
      if (!(article = lede_article_list_get_story (self->articles, id, &error)))
        {
          g_warning ("Could not open story %" G_GINT64_FORMAT ": %s", id, error->message);
          return FALSE;
        }
      open_story (self, article);
      if (lede_editor_get_article (self->editor) != article)
        return FALSE;
      self->select_when_loaded = id;
      return TRUE;
    }

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action does it. */
  gtk_widget_activate_action (GTK_WIDGET (self->story_list), "list.scroll-to-item", "u", position);
  return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position);
}

/**
 * lede_window_select_open_story:
 *
 * Selects the open story's row alone. When the list does not hold it, the
 * story nearest its place opens (none in search results).
 */
void
lede_window_select_open_story (LedeWindow *self)
{
  LedeArticle *shown = lede_editor_get_article (self->editor);

  if (self->articles == NULL)
    return;
  select_quietly (self, shown ? lede_article_list_find (self->articles, lede_article_get_id (shown)) : G_MAXUINT);
  sync_selection (self);
}

/**
 * lede_window_swap_list:
 * @ids: (nullable) (element-type gint64): search results, or %NULL for
 *   the whole list again
 *
 * Shows @ids in the sidebar (or every story), the open story selected if
 * it is there. Nothing is selected while the rows are swapped, so no
 * selection model goes looking for a lost row among all the rows added.
 */
void
lede_window_swap_list (LedeWindow *self,
                       GArray     *ids)
{
  select_quietly (self, G_MAXUINT);
  lede_article_list_set_pinned (self->articles, ids);
  lede_window_select_open_story (self);
}

/* The open story is written before another is shown. If that write fails
 * the selection goes back, so the unsaved text stays on screen. */
static void
open_story (LedeWindow  *self,
            LedeArticle *selected)
{
  LedeArticle *shown = lede_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;

  /* Another story chosen while a long list is read: the one asked for
   * before is not selected when it comes. */
  if (selected == NULL || lede_article_get_id (selected) != self->select_when_loaded)
    self->select_when_loaded = 0;
  if (selected == shown)
    return;

  if (!lede_autosave_flush (self->autosave, &error))
    {
      guint position = shown ? lede_article_list_find (self->articles, lede_article_get_id (shown))
                             : G_MAXUINT;

      if (position != G_MAXUINT)
        {
          select_quietly (self, position);
          lede_window_show_toast (self, _("This story could not be saved, so it stays open. Lede will try again."));
          return;
        }
      /* The story left the list (trashed): nothing to go back to. */
      g_warning ("Could not save before switching stories: %s", error->message);
    }

  lede_window_show_article (self, selected);
  lede_window_highlight_search (self);
}

static void
update_selection_bar (LedeWindow *self,
                      guint       n_selected)
{
  if (n_selected > 1)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "%u selected", "%u selected", n_selected),
                                                n_selected);
      gtk_label_set_label (self->selection_label, label);
    }
  gtk_revealer_set_reveal_child (self->selection_revealer, n_selected > 1);
  /* One trash or restore of many at a time: the stories of the next may be
   * in this one (its toast says how far it has got). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash-selected", n_selected > 0 && self->batch == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-stories", self->batch == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-status", n_selected > 0);
}

/* One row selected opens its story; many leave the open story as it is.
 * None (its story trashed, or filtered out) selects the open story again,
 * or the story that took its place, so there is always one open, as with
 * GtkSingleSelection's autoselect. Search results pick nothing. */
static void
sync_selection (LedeWindow *self)
{
  g_autoptr (GtkBitset) set = NULL;
  guint n_selected, n_items;

  if (self->reverting_selection || self->articles == NULL)
    return;

  /* A story asked for while the list was read, now in it. */
  if (self->select_when_loaded != 0)
    {
      gint64 id = self->select_when_loaded;

      if (lede_article_list_find (self->articles, id) != G_MAXUINT || !lede_article_list_is_loading (self->articles))
        self->select_when_loaded = 0;
      if (self->select_when_loaded == 0 && lede_window_select_story (self, id))
        return;
    }

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n_selected = (guint)gtk_bitset_get_size (set);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  update_selection_bar (self, n_selected);

  if (n_selected == 1)
    {
      guint position = gtk_bitset_get_nth (set, 0);
      g_autoptr (LedeArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), position);

      self->last_position = position;
      open_story (self, article);
    }
  else if (n_selected == 0 && !self->searching)
    {
      LedeArticle *shown = lede_editor_get_article (self->editor);
      guint position = shown ? lede_article_list_find (self->articles, lede_article_get_id (shown)) : G_MAXUINT;

      /* A long list shows its first page while the rest is read: the
       * open story's row may be in the rest. */
      if (position == G_MAXUINT && shown != NULL && lede_article_list_is_loading (self->articles))
        {
          self->select_when_loaded = lede_article_get_id (shown);
          return;
        }
      if (position == G_MAXUINT && n_items > 0)
        position = MIN (self->last_position, n_items - 1);
      if (position != G_MAXUINT)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      else
        open_story (self, NULL);
    }
}

/* A story rewritten outside the editor (an import, a status set on many):
 * the open story is shown again from the fresh copy, so the next autosave
 * does not write the old fields back. */
static void
on_article_replaced (LedeWindow  *self,
                     gint64       id,
                     LedeLibrary *library)
{
  LedeArticle *shown = lede_editor_get_article (self->editor);
  g_autoptr (LedeArticle) fresh = NULL;
  g_autoptr (GError) error = NULL;
  guint position;

  if (shown == NULL || lede_article_get_id (shown) != id)
    return;
  /* Callers save the open story first; should typing have come since, it
   * is written before the fresh copy is read, and never dropped. */
  if (!lede_autosave_flush (self->autosave, &error))
    {
      g_warning ("The open story changed in the library but could not be saved first: %s", error->message);
      return;
    }
  position = lede_article_list_find (self->articles, id);
  fresh = position != G_MAXUINT ? g_list_model_get_item (G_LIST_MODEL (self->articles), position)
                                : lede_library_get_article (library, id, NULL);
  if (fresh != NULL && fresh != shown)
    lede_window_show_article (self, fresh);
}

/**
 * lede_window_watch_selection:
 *
 * Follows @library's stories into the sidebar's selection.
 */
void
lede_window_watch_selection (LedeWindow  *self,
                             LedeLibrary *library)
{
  g_signal_connect_object (library, "article-replaced", G_CALLBACK (on_article_replaced), self, G_CONNECT_SWAPPED);
  /* A list read on the worker may end with nothing changed to report. */
  g_signal_connect_object (self->articles, "notify::loading", G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED);
  self->select_when_loaded = 0;
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
  sync_selection (self);
}

/* After an action the same stories stay selected, in their new places
 * (those still in the list); with none of them, as after any change. */
static void
select_ids (LedeWindow *self,
            GArray     *ids)
{
  g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      guint position = lede_article_list_find (self->articles, g_array_index (ids, gint64, i));

      if (position != G_MAXUINT)
        gtk_bitset_add (set, position);
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)));
  select_quietly_set (self, set, mask);
  sync_selection (self);
}

/* The library's rows change one by one while a bulk action runs; the
 * selection is not followed until it is done, so no story opens midway. */
static void
hold_selection (LedeWindow *self,
                gboolean    hold)
{
  self->reverting_selection = hold;
}

/* After a bulk change (the selection held): why it failed, or the same
 * stories selected again in their new places. */
static void
after_bulk (LedeWindow    *self,
            gboolean       done,
            GError *const *error,
            GArray        *ids)
{
  hold_selection (self, FALSE);
  if (!done)
    lede_window_show_toast (self, (*error)->message);
  else
    select_ids (self, ids);
}

/* Whatever was typed is written before a bulk action: the open story may
 * be among them, and Undo must bring back what was on screen. */
static GArray *
selected_ids_saved (LedeWindow *self,
                    const char *refusal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;

  if (self->library == NULL)
    return NULL;
  ids = lede_window_get_selected_ids (self);
  if (ids->len == 0)
    return NULL;
  if (!lede_autosave_flush (self->autosave, &error))
    {
      lede_window_show_toast (self, refusal);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GVariant *
ids_to_variant (GArray *ids)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64));
}

static void
dismiss_batch_toast (LedeWindow *self)
{
  if (self->batch_toast != NULL)
    adw_toast_dismiss (self->batch_toast);
  g_clear_weak_pointer (&self->batch_toast);
}

static void
show_batch_progress (LedeWindow *self,
                     guint       done,
                     guint       total)
{
  g_autofree char *title = NULL;

  if (self->batch_trashes)
    /* Translators: the toast while many stories go to the trash; %u of %u. */
    title = g_strdup_printf (_("Moving stories to the trash: %u of %u"), done, total);
  else
    title = g_strdup_printf (_("Restoring stories: %u of %u"), done, total);
  if (self->batch_toast == NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_set_weak_pointer (&self->batch_toast, toast);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
  else
    adw_toast_set_title (self->batch_toast, title);
}

/* The toast that says what was done, with Undo for the stories @ids. */
static void
offer_undo (LedeWindow *self,
            const char *title,
            GArray     *ids)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-stories");
  adw_toast_set_action_target_value (toast, ids_to_variant (ids));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
on_batch_stepped (gpointer        owner,
                  LedeStoryBatch *batch,
                  gboolean        ended,
                  const GError   *error)
{
  LedeWindow *self = owner;
  g_autoptr (GArray) changed = NULL;
  guint total = lede_story_batch_get_total (batch);
  g_autofree char *title = NULL;
  guint n;

  if (!ended)
    {
      show_batch_progress (self, lede_story_batch_get_done (batch), total);
      return;
    }
  /* The library has told the lists, once, as the last step ended. */
  self->batch = NULL;
  dismiss_batch_toast (self);
  changed = g_array_copy (lede_story_batch_get_changed (batch));
  n = changed->len;
  if (!self->batch_trashes)
    {
      /* Undone at once, the same stories are selected again; later, the
       * writer has moved on: the selection is theirs. */
      if (error == NULL && self->batch_at_once)
        {
          select_ids (self, changed);
          return;
        }
      sync_selection (self);
      if (error != NULL)
        {
          title = g_strdup_printf (_("%u of %u stories were restored; the rest are still in the trash. %s"),
                                   n, total, error->message);
          lede_window_show_toast (self, title);
        }
      return;
    }

  sync_selection (self);
  /* Every one moved alone meanwhile: nothing to say, nothing to undo. */
  if (error == NULL && n == 0)
    return;
  if (error != NULL && n == 0)
    lede_window_show_toast (self, error->message);
  else if (error != NULL)
    {
      title = g_strdup_printf (_("%u of %u stories were moved to the trash; the rest are where they were. %s"),
                               n, total, error->message);
      offer_undo (self, title, changed);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (NULL, "%u story moved to the trash", "%u stories moved to the trash", n), n);
      offer_undo (self, title, changed);
      if (self->batch_at_once)
        gtk_widget_grab_focus (GTK_WIDGET (self->story_list));
    }
}

static void
start_batch (LedeWindow *self,
             GArray     *ids,
             gboolean    to_trash)
{
  LedeStoryBatch *batch = lede_story_batch_new (self->library, ids,
                                                to_trash ? lede_library_trash_stories : lede_library_restore_stories);
  g_autoptr (GtkBitset) selected = NULL;

  self->batch_trashes = to_trash;
  self->batch_at_once = TRUE;
  self->batch = lede_batch_runner_start (GTK_WIDGET (self), batch, self->batch_step_us, on_batch_stepped, self);
  self->batch_at_once = FALSE;
  if (self->batch == NULL)
    return;
  /* No second trash or restore of many meanwhile. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  update_selection_bar (self, (guint)gtk_bitset_get_size (selected));
}

/**
 * lede_window_stop_batch:
 *
 * Stops stories going to the trash, or back, before another library opens
 * or the window closes: those done stay done, the rest stay as they were.
 */
void
lede_window_stop_batch (LedeWindow *self)
{
  if (self->batch == NULL)
    return;
  dismiss_batch_toast (self);
  g_clear_pointer (&self->batch, lede_batch_runner_free);
}

static void
trash_selected_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (GArray) ids = NULL;

  ids = selected_ids_saved (self, _("The open story could not be saved, so nothing was moved to the trash."));
  if (ids == NULL)
    return;
  /* One story says which, in words. */
  if (ids->len == 1)
    {
      gtk_widget_activate_action (widget, "win.trash-story", NULL);
      return;
    }
  start_batch (self, ids, TRUE);
}

static void
restore_stories_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize n = 0;
  const gint64 *values = g_variant_get_fixed_array (parameter, &n, sizeof (gint64));

  if (self->library == NULL)
    return;
  g_array_append_vals (ids, values, n);
  start_batch (self, ids, FALSE);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;
  LedeArticleStatus status;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (!lede_article_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;
  ids = selected_ids_saved (self, _("The open story could not be saved, so no status was changed."));
  if (ids == NULL)
    return;
  hold_selection (self, TRUE);
  done = lede_library_set_stories_status (self->library, ids, status, &error);
  after_bulk (self, done, &error, ids);
}

static void
tag_selected (LedeWindow *self,
              gboolean    add)
{
  const char *tag = gtk_editable_get_text (GTK_EDITABLE (self->selection_tag_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (tag));
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (*trimmed == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->selection_tag_entry));
      return;
    }
  gtk_popover_popdown (self->selection_tag_popover);
  ids = selected_ids_saved (self, _("The open story could not be saved, so no tag was changed."));
  if (ids == NULL)
    return;
  hold_selection (self, TRUE);
  done = lede_library_tag_stories (self->library, ids, tag, add, &error);
  after_bulk (self, done, &error, ids);
  if (done)
    gtk_editable_set_text (GTK_EDITABLE (self->selection_tag_entry), "");
}

static void
selection_tag_activate_cb (LedeWindow *self)
{
  tag_selected (self, TRUE);
}

static void
selection_untag_cb (LedeWindow *self)
{
  tag_selected (self, FALSE);
}

static void
select_open_story_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  lede_window_select_open_story ((LedeWindow *)widget);
}

/* The first stop in @direction among the widgets after (or before)
 * @widget and each of its ancestors, in the order the window is built. */
static gboolean
focus_beside (GtkWidget        *widget,
              GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *s = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         s != NULL;
         s = forward ? gtk_widget_get_next_sibling (s) : gtk_widget_get_prev_sibling (s))
      if (gtk_widget_get_mapped (s) && gtk_widget_child_focus (s, direction))
        return TRUE;
  return FALSE;
}

/* The list is one Tab stop: GTK 4.8's list view takes Tab to its next
 * row, through every story in the library, and has no setting against
 * it. Arrows move within the list; Tab goes on to the bar acting on the
 * stories selected when it shows, else to the story chosen (the editor's
 * first stop), else (a narrow window showing the list alone) to what
 * follows the list; Shift+Tab goes back to the filters. */
static gboolean
on_list_key (GtkEventControllerKey *keys,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LedeWindow            *self)
{
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if (direction == GTK_DIR_TAB_FORWARD && !gtk_revealer_get_child_revealed (self->selection_revealer) &&
      gtk_widget_is_drawable (GTK_WIDGET (self->editor)) &&
      gtk_widget_child_focus (GTK_WIDGET (self->editor), direction))
    return GDK_EVENT_STOP;
  /* With nothing beyond, the focus stays where it is: never row by row. */
  focus_beside (GTK_WIDGET (self->story_list), direction);
  return GDK_EVENT_STOP;
}

void
lede_window_class_add_selection (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, selection_tag_popover);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, selection_tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, selection_tag_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_untag_cb);
  gtk_widget_class_install_action (widget_class, "win.trash-selected", NULL, trash_selected_action);
  gtk_widget_class_install_action (widget_class, "win.restore-stories", "ax", restore_stories_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.select-open-story", NULL, select_open_story_action);
}

void
lede_window_init_selection (LedeWindow *self)
{
  GtkEventController *keys;

  self->batch_step_us = LEDE_BATCH_STEP_US;
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED);
  /* After the list view has taken the change in. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_list_view_set_model (self->story_list, GTK_SELECTION_MODEL (self->selection));
  update_selection_bar (self, 0);

  /* Before the row, which would take Tab to the next row. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->story_list), keys);
}
