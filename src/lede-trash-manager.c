/* lede-trash-manager.c: the stories in the trash, newest first, each with
 * when it was trashed: Restore, Delete Forever (asked first), and
 * Empty Trash. The list is read again whenever the library's stories
 * change. A large trash is emptied a step at a time from the main loop
 * (LedeBatchRunner), with a progress bar, so the windows stay live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-trash-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-batch-runner.h"
#include "lede-manager-page.h"
#include "lede-time.h"

#include "lede-trash-manager.h"

struct _LedeTrashManager
{
  AdwWindow            parent_instance;

  LedeLibrary         *library;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  AdwToastOverlay     *toasts;
  GtkWidget           *empty_button;
  GtkProgressBar      *progress;

  LedeBatchRunner     *emptying;
};

G_DEFINE_FINAL_TYPE (LedeTrashManager, lede_trash_manager, ADW_TYPE_WINDOW)

static void fill (LedeTrashManager *self);

static void
report (LedeTrashManager *self,
        const GError     *error)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static gint64
row_story (gpointer object)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (object), "lede-story"));
}

static void
on_restore (GtkButton        *button,
            LedeTrashManager *self)
{
  g_autoptr (GError) error = NULL;

  if (!lede_library_restore_article (self->library, row_story (button), &error))
    report (self, error);
}

/* Asks first: what goes from the trash cannot be brought back. */
static void
ask (LedeTrashManager *self,
     const char       *heading,
     const char       *body,
     const char       *action,
     GCallback         on_response,
     gint64            id)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", action, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "lede-story", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", on_response, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LedeTrashManager *self)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "delete") && !lede_library_delete_article (self->library, row_story (dialog), &error))
    report (self, error);
}

static void
on_delete (GtkButton        *button,
           LedeTrashManager *self)
{
  ask (self, _("Delete This Story Forever?"), _("It cannot be brought back."), _("_Delete Forever"),
       G_CALLBACK (on_delete_response), row_story (button));
}

static void
set_rows_sensitive (LedeTrashManager *self,
                    gboolean          sensitive)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->rows, i), sensitive);
}

/* The rows and the button back, the bar gone. */
static void
show_emptied (LedeTrashManager *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_visible (self->empty_button, TRUE);
  set_rows_sensitive (self, TRUE);
}

static void
stop_emptying (LedeTrashManager *self)
{
  if (self->emptying == NULL)
    return;
  g_clear_pointer (&self->emptying, lede_batch_runner_free);
  show_emptied (self);
}

/* Each step its own transaction: a failure stops there, and what is left
 * is still in the trash. */
static void
on_emptied_some (gpointer        owner,
                 LedeStoryBatch *batch,
                 gboolean        ended,
                 const GError   *error)
{
  LedeTrashManager *self = owner;
  /* Deleted: not those passed over (restored or deleted alone since). */
  guint deleted = lede_story_batch_get_changed (batch)->len;
  guint total = lede_story_batch_get_total (batch);
  g_autofree char *text = NULL;

  if (ended)
    {
      self->emptying = NULL;
      show_emptied (self);
    }
  if (error != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("%u of %u stories were deleted; the rest are still in the trash. %s"),
                                              deleted, total, error->message);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (why));
      return;
    }
  text = g_strdup_printf (_("Deleted %u of %u"), deleted, total);
  gtk_progress_bar_set_text (self->progress, text);
  gtk_progress_bar_set_fraction (self->progress, (double)lede_story_batch_get_done (batch) / total);
}

static void
on_empty_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LedeTrashManager *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) doomed = NULL;
  LedeStoryBatch *batch;

  if (!g_str_equal (response, "delete") || self->emptying != NULL)
    return;
  if (!(doomed = lede_library_list_ids (self->library, TRUE, &error)))
    {
      report (self, error);
      return;
    }
  if (doomed->len == 0)
    return;
  /* Rows of stories on their way out take no clicks. */
  set_rows_sensitive (self, FALSE);
  gtk_widget_set_visible (self->empty_button, FALSE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  batch = lede_story_batch_new (self->library, doomed, lede_library_delete_stories);
  lede_story_batch_set_most_a_step (batch, LEDE_LIBRARY_DELETE_CHUNK);
  self->emptying = lede_batch_runner_start (GTK_WIDGET (self), batch, LEDE_BATCH_STEP_US, on_emptied_some, self);
}

static void
on_empty (GtkButton        *button,
          LedeTrashManager *self)
{
  gint64 n = lede_library_count_articles (self->library, TRUE, NULL);
  g_autofree char *heading = g_strdup_printf (ngettext ("Delete %lld Story Forever?", "Delete %lld Stories Forever?", n), (long long) n);

  ask (self, heading, _("Everything in the trash is deleted. It cannot be brought back."), _("_Empty Trash"),
       G_CALLBACK (on_empty_response), 0);
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "lede-story", GSIZE_TO_POINTER (id));
  return button;
}

static void
fill (LedeTrashManager *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = lede_library_list_ids (self->library, TRUE, &error);
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  lede_manager_page_clear (self->group, self->rows);
  if (ids != NULL && ids->len > LEDE_TRASH_MANAGER_MAX_ROWS)
    g_array_set_size (ids, LEDE_TRASH_MANAGER_MAX_ROWS);
  if (ids == NULL || !(articles = lede_library_get_articles (self->library, ids, &error)))
    {
      report (self, error);
      return;
    }
  adw_preferences_group_set_description (self->group, articles->len ? NULL : _("The trash is empty."));
  gtk_widget_set_sensitive (self->empty_button, articles->len > 0);

  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      gint64 id = lede_article_get_id (article);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *restore, *delete;
      g_autofree char *when = lede_time_format_short (lede_article_get_trashed (article), now);
      g_autofree char *subtitle = g_strdup_printf (_("Trashed %s"), when);
      const char *headline = lede_article_get_headline (article);
      g_autofree char *escaped = g_markup_escape_text (*headline ? headline : _("Untitled story"), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      restore = row_button ("edit-undo-symbolic", _("Restore"), id);
      delete = row_button ("edit-delete-symbolic", _("Delete Forever"), id);
      g_signal_connect (restore, "clicked", G_CALLBACK (on_restore), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
lede_trash_manager_dispose (GObject *object)
{
  LedeTrashManager *self = LEDE_TRASH_MANAGER (object);

  /* Closed while emptying: what is deleted is gone, the rest stays. */
  if (self->library != NULL)
    stop_emptying (self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (lede_trash_manager_parent_class)->dispose (object);
}

static void
lede_trash_manager_finalize (GObject *object)
{
  LedeTrashManager *self = LEDE_TRASH_MANAGER (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (lede_trash_manager_parent_class)->finalize (object);
}

static void
lede_trash_manager_class_init (LedeTrashManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_trash_manager_dispose;
  G_OBJECT_CLASS (klass)->finalize = lede_trash_manager_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_trash_manager_init (LedeTrashManager *self)
{
  self->rows = g_ptr_array_new ();
  lede_manager_page_build (ADW_WINDOW (self), _("Trash"), 520, 560, &self->group, &self->toasts);
}

LedeTrashManager *
lede_trash_manager_new (GtkWindow   *parent,
                        LedeLibrary *library)
{
  LedeTrashManager *self = g_object_new (LEDE_TYPE_TRASH_MANAGER, "transient-for", parent, NULL);
  GtkWidget *suffix;

  self->library = g_object_ref (library);
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->empty_button = gtk_button_new_with_mnemonic (_("_Empty Trash"));
  gtk_widget_add_css_class (self->empty_button, "destructive-action");
  gtk_widget_set_tooltip_text (self->empty_button, _("Delete every story in the trash forever"));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 180, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (suffix), self->empty_button);
  gtk_widget_set_halign (suffix, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (self->group, suffix);
  g_signal_connect (self->empty_button, "clicked", G_CALLBACK (on_empty), self);
  g_signal_connect_object (library, "articles-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
