/* lede-history-window.c: a story's revisions, newest first, what each
 * changed against the story now, word by word, and Restore.
 *
 * The list makes rows only for what is on screen, so a story with 10,000
 * revisions opens at once; a revision's text is read when it is chosen,
 * and compared on a worker thread, so two long bodies never hold up the
 * window. Deleted words are struck through and inserted ones underlined,
 * in colour as well, and the line above counts them in words. Alt+Down and
 * Alt+Up (or the arrows beside that line) go from one change to the next,
 * selecting it and scrolling it into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-diff.h"
#include "lede-diff-text.h"
#include "lede-history-window.h"

struct _LedeHistoryWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *title;
  GtkWidget      *back_button;
  GtkWidget      *restore_button;
  AdwLeaflet     *leaflet;       /* the list, then what a revision changed, when narrow */
  GtkWidget      *diff_box;
  GtkStack       *list_stack;
  GtkListView    *revision_list;
  GtkLabel       *summary_label;
  GtkTextView    *diff_view;
  GtkTextMark    *change_mark;  /* where the change gone to starts */
  GtkWidget      *previous_change_button;
  GtkWidget      *next_change_button;

  LedeLibrary    *library;
  LedeArticle    *story;       /* the story now */
  char           *body;        /* its body as typed */
  GPtrArray      *revisions;   /* of LedeRevision, newest first */
  GtkSingleSelection *selection;
  GCancellable   *cancellable; /* the comparison under way */
  char           *summary;
  GArray         *changes;     /* of LedeDiffTextChange, in the order shown: where Alt+Down stops */
  int             change;      /* the one gone to, or -1 */
};

G_DEFINE_FINAL_TYPE (LedeHistoryWindow, lede_history_window, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static LedeRevision *
revision_at (LedeHistoryWindow *self,
             guint              position)
{
  return position < self->revisions->len ? g_ptr_array_index (self->revisions, position) : NULL;
}

static char *
format_when (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%-d %B %Y, %H:%M");
}

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LedeHistoryWindow        *self)
{
  guint position = gtk_list_item_get_position (item);
  LedeRevision *revision = revision_at (self, position);
  LedeRevision *older = revision_at (self, position + 1);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *title = NULL, *when = NULL, *subtitle = NULL;
  int change;

  if (revision == NULL)
    return;
  title = *revision->name ? g_strdup_printf ("“%s”", revision->name) : g_strdup (revision->reason);
  when = format_when (revision->created);
  change = older ? (int)revision->words - (int)older->words : (int)revision->words;
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u word (%+d)", "%s · %u words (%+d)", revision->words),
                              when, revision->words, change);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
}

/* Comparing */

typedef struct {
  LedeRevision *revision;
  GPtrArray    *parts;   /* of LedeDiffPart: each changed field, then the body */
} Comparison;

static void
comparison_free (Comparison *comparison)
{
  lede_revision_free (comparison->revision);
  g_ptr_array_unref (comparison->parts);
  g_free (comparison);
}

static char *
joined_sources (GPtrArray *sources)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; sources && i < sources->len; i++)
    g_strv_builder_add (names, ((LedeSource *)g_ptr_array_index (sources, i))->name);
  list = g_strv_builder_end (names);
  return g_strjoinv (", ", list);
}

static void
add_part (GPtrArray  *parts,
          const char *label,
          char       *old_text,   /* (transfer full) */
          char       *new_text,   /* (transfer full) */
          gboolean    always)
{
  if (!always && g_strcmp0 (old_text, new_text) == 0)
    {
      g_free (old_text);
      g_free (new_text);
      return;
    }
  g_ptr_array_add (parts, lede_diff_part_new (label, old_text, new_text));
}

/* A field Restore leaves as it is says so beside its name. */
static char *
field_label (LedeHistoryWindow *self,
             const char        *property,
             const char        *label)
{
  if (lede_article_keeps_on_restore (self->story, property))
    return g_strdup_printf (_("%s (kept, not restored)"), _(label));
  return g_strdup (_(label));
}

static char *
format_time (GDateTime *time)
{
  return time ? format_when (time) : NULL;
}

/* Every field a writer changes, the revision's against the story's now:
 * the fields of the story's life too, said to be kept by Restore. */
static GPtrArray *
parts_of (LedeHistoryWindow *self,
          LedeArticle       *old)
{
  static const struct { const char *property; const char *label; } fields[] = {
    { "headline", N_("Headline") }, { "standfirst", N_("Standfirst") }, { "byline", N_("Byline") },
    { "dateline", N_("Dateline") }, { "slug", N_("Slug") }, { "section", N_("Section") },
    { "language", N_("Language") }, { "editorial-note", N_("Editorial note") },
  };
  static const struct { const char *property; const char *label; } times[] = {
    { "embargo", N_("Embargo") }, { "published", N_("Published") },
  };
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_diff_part_free);
  const char * const *old_tags = lede_article_get_tags (old);
  const char * const *new_tags = lede_article_get_tags (self->story);
  g_autofree char *status_label = field_label (self, "status", N_("Status"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *label = field_label (self, fields[i].property, fields[i].label);
      char *then = NULL, *now = NULL;

      g_object_get (old, fields[i].property, &then, NULL);
      g_object_get (self->story, fields[i].property, &now, NULL);
      add_part (parts, label, then, now, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *label = field_label (self, times[i].property, times[i].label);
      g_autoptr (GDateTime) then = NULL, now = NULL;

      g_object_get (old, times[i].property, &then, NULL);
      g_object_get (self->story, times[i].property, &now, NULL);
      add_part (parts, label, format_time (then), format_time (now), FALSE);
    }
  add_part (parts, status_label, g_strdup (lede_article_status_get_label (lede_article_get_status (old))),
            g_strdup (lede_article_status_get_label (lede_article_get_status (self->story))), FALSE);
  add_part (parts, _("Tags"), old_tags ? g_strjoinv (", ", (char **)old_tags) : NULL,
            new_tags ? g_strjoinv (", ", (char **)new_tags) : NULL, FALSE);
  add_part (parts, _("Sources"), joined_sources (lede_article_get_sources (old)),
            joined_sources (lede_article_get_sources (self->story)), FALSE);
  add_part (parts, _("Body"), g_strdup (lede_article_get_body (old)), g_strdup (self->body), TRUE);
  return parts;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Comparison *comparison = task_data;

  for (guint i = 0; i < comparison->parts->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      lede_diff_part_compare (g_ptr_array_index (comparison->parts, i));
    }
  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

/* Next and previous are there while there is a change that way. */
static void
update_change_actions (LedeHistoryWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.next-change",
                                 self->change + 1 < (int)self->changes->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.previous-change", self->change > 0);
}

/* Selects change @index and scrolls the comparison to it, a little below
 * the top, so the words before it are in view too. */
static void
go_to_change (LedeHistoryWindow *self,
              int                index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  LedeDiffTextChange *change;
  GtkTextIter start, end;

  if (index < 0 || index >= (int)self->changes->len)
    return;
  self->change = index;
  change = &g_array_index (self->changes, LedeDiffTextChange, index);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, change->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, change->end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->change_mark, &start);
  gtk_text_view_scroll_to_mark (self->diff_view, self->change_mark, 0.0, TRUE, 0.0, 0.3);
  update_change_actions (self);
}

static void
next_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedeHistoryWindow *self = LEDE_HISTORY_WINDOW (widget);

  go_to_change (self, self->change + 1);
}

static void
previous_change_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LedeHistoryWindow *self = LEDE_HISTORY_WINDOW (widget);

  go_to_change (self, self->change - 1);
}

static void
show_comparison (LedeHistoryWindow *self,
                 Comparison        *comparison)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *when = format_when (comparison->revision->created);
  g_autofree char *fields = NULL;
  guint deleted = 0, inserted = 0;

  gtk_text_buffer_set_text (buffer, "", 0);
  g_array_set_size (self->changes, 0);
  for (guint i = 0; i < comparison->parts->len; i++)
    {
      LedeDiffPart *part = g_ptr_array_index (comparison->parts, i);
      gboolean body = i == comparison->parts->len - 1;
      guint d, n;

      lede_diff_count (part->old_text, part->new_text, part->spans, &d, &n);
      if (body)
        deleted = d, inserted = n;
      else
        g_ptr_array_add (changed, part->label);
      lede_diff_text_append (buffer, part, self->changes);
    }

  g_ptr_array_add (changed, NULL);
  fields = g_strjoinv (", ", (char **)changed->pdata);
  {
    g_autofree char *which = g_strdup_printf (_("The revision of %s (%s), against the story now."), when,
                                              *comparison->revision->name ? comparison->revision->name
                                                                          : comparison->revision->reason);
    g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word inserted (underlined)",
                                                           "%u words inserted (underlined)", inserted), inserted);
    g_autofree char *taken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted (struck through)",
                                                           "%u deleted (struck through)", deleted), deleted);
    g_autofree char *body = g_strdup_printf (_("In the body: %s, %s."), added, taken);
    g_autofree char *also = *fields ? g_strdup_printf (_("Also changed: %s."), fields) : g_strdup ("");

    g_free (self->summary);
    self->summary = g_strjoin (" ", which, body, also, NULL);
  }
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_widget_set_sensitive (self->restore_button, TRUE);
  self->change = -1;
  update_change_actions (self);
}

static void
on_compared (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LedeHistoryWindow *self = LEDE_HISTORY_WINDOW (object);

  /* A newer choice, or the window closing, made this one stale. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->cancellable);
  show_comparison (self, g_task_get_task_data (G_TASK (result)));
}

static void
selection_changed_cb (LedeHistoryWindow *self)
{
  LedeRevision *revision = revision_at (self, gtk_single_selection_get_selected (self->selection));
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) old = NULL;
  g_autoptr (GTask) task = NULL;
  Comparison *comparison;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->restore_button, FALSE);
  /* The changes are another revision's until this one is compared. */
  g_array_set_size (self->changes, 0);
  self->change = -1;
  update_change_actions (self);
  if (revision == NULL)
    return;
  if (!(old = lede_library_get_revision (self->library, revision->id, NULL, &error)))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  gtk_label_set_text (self->summary_label, _("Comparing…"));
  comparison = g_new0 (Comparison, 1);
  comparison->revision = lede_revision_copy (revision);
  comparison->parts = parts_of (self, old);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_compared, NULL);
  g_task_set_task_data (task, comparison, (GDestroyNotify)comparison_free);
  g_task_run_in_thread (task, compare_thread);
}

/* Narrow, Back leads from what a revision changed to the list. */
static void
update_back_button (LedeHistoryWindow *self)
{
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) &&
                          adw_leaflet_get_visible_child (self->leaflet) == self->diff_box);
}

static void
back_clicked_cb (LedeHistoryWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
show_changes_idle (gpointer data)
{
  LedeHistoryWindow *self = data;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->diff_box);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Narrow, a revision chosen (a click, or Enter) shows what it changed,
 * once the list has selected it; the arrow keys stay in the list. */
static void
revision_chosen_cb (LedeHistoryWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    g_idle_add (show_changes_idle, g_object_ref (self));
}

static void
restore_clicked_cb (LedeHistoryWindow *self)
{
  LedeRevision *revision = revision_at (self, gtk_single_selection_get_selected (self->selection));

  if (revision == NULL)
    return;
  g_signal_emit (self, signals [RESTORE], 0, revision->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lede_history_window_dispose (GObject *object)
{
  LedeHistoryWindow *self = LEDE_HISTORY_WINDOW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (lede_history_window_parent_class)->dispose (object);
}

static void
lede_history_window_finalize (GObject *object)
{
  LedeHistoryWindow *self = LEDE_HISTORY_WINDOW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->story);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_free (self->body);
  g_free (self->summary);
  G_OBJECT_CLASS (lede_history_window_parent_class)->finalize (object);
}

static void
lede_history_window_class_init (LedeHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_history_window_dispose;
  object_class->finalize = lede_history_window_finalize;

  /**
   * LedeHistoryWindow::restore:
   * @revision_id: the revision to put back
   */
  signals [RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, title);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, diff_box);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, revision_list);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, diff_view);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, previous_change_button);
  gtk_widget_class_bind_template_child (widget_class, LedeHistoryWindow, next_change_button);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, revision_chosen_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "history.next-change", NULL, next_change_action);
  gtk_widget_class_install_action (widget_class, "history.previous-change", NULL, previous_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "history.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "history.previous-change", NULL);
}

static void
lede_history_window_init (LedeHistoryWindow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->diff_view);
  lede_diff_text_add_tags (buffer);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->change_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  }
  self->changes = g_array_new (FALSE, FALSE, sizeof (LedeDiffTextChange));
  self->change = -1;
  update_change_actions (self);
}

/**
 * lede_history_window_new:
 * @story: the open story, with its tags and sources
 * @body: its body as typed
 */
LedeHistoryWindow *
lede_history_window_new (GtkWindow   *parent,
                         LedeLibrary *library,
                         LedeArticle *story,
                         const char  *body)
{
  LedeHistoryWindow *self = g_object_new (LEDE_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GError) error = NULL;
  const char *headline = lede_article_get_headline (story);
  g_autofree char *subtitle = NULL;

  self->library = g_object_ref (library);
  self->story = g_object_ref (story);
  self->body = g_strdup (body);
  self->revisions = lede_library_list_revisions (library, lede_article_get_id (story), &error);
  if (self->revisions == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      self->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_revision_free);
    }
  /* One item a revision; rows are made only for those on screen. */
  for (guint i = 0; i < self->revisions->len; i++)
    gtk_string_list_append (model, "");
  adw_window_title_set_title (self->title, _("History"));
  adw_window_title_set_subtitle (self->title, *headline ? headline : _("Untitled story"));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revision", "%u revisions", self->revisions->len),
                              self->revisions->len);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->revision_list), subtitle);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&model)));
  gtk_list_view_set_factory (self->revision_list, factory);
  gtk_list_view_set_model (self->revision_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->list_stack, self->revisions->len ? "list" : "empty");
  if (self->revisions->len)
    selection_changed_cb (self);
  return self;
}

guint
lede_history_window_get_count (LedeHistoryWindow *self)
{
  return self->revisions->len;
}

void
lede_history_window_select (LedeHistoryWindow *self,
                            guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

/* Whether a comparison is still under way. */
gboolean
lede_history_window_is_comparing (LedeHistoryWindow *self)
{
  return self->cancellable != NULL;
}

/* Returns: the line above the comparison, in words, or "" */
const char *
lede_history_window_get_summary (LedeHistoryWindow *self)
{
  return self->summary ? self->summary : "";
}

GtkTextBuffer *
lede_history_window_get_diff (LedeHistoryWindow *self)
{
  return gtk_text_view_get_buffer (self->diff_view);
}
