/* lede-story-row.c: one story in the sidebar: its headline, status and
 * when it last changed, when it is due and with whom, following the
 * article as it is edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-story-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-review.h"
#include "lede-story-row.h"
#include "lede-time.h"

struct _LedeStoryRow
{
  GtkWidget     parent_instance;

  GtkLabel     *headline_label;
  GtkLabel     *details_label;
  GtkLabel     *status_label;
  GtkLabel     *snippet_label;
  GtkLabel     *due_label;
  guint         due_timer;   /* "due in 25 min" said again each minute */

  LedeArticle  *article;
  GSignalGroup *article_signals;
};

G_DEFINE_FINAL_TYPE (LedeStoryRow, lede_story_row, GTK_TYPE_WIDGET)

/* Indexed by LedeArticleStatus. */
static const char * const status_classes[] = {
  "status-draft", "status-in-progress", "status-ready", "status-published", "status-spiked",
};

static void update (LedeStoryRow *self);

static gboolean
due_tick (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

/* The deadline in words, never by colour alone: "due in 2 h · Ana Souza",
 * "overdue by 1 h" in the error colour. A story published or spiked is due
 * no more. */
static void
update_due (LedeStoryRow *self,
            GDateTime    *now)
{
  GDateTime *deadline = lede_article_get_deadline (self->article);
  const char *assignee = lede_article_get_assignee (self->article);
  LedeArticleStatus status = lede_article_get_status (self->article);
  gboolean due = deadline != NULL && status != LEDE_ARTICLE_STATUS_PUBLISHED && status != LEDE_ARTICLE_STATUS_SPIKED;
  g_autofree char *words = due ? lede_time_format_due (deadline, now) : NULL;
  g_autofree char *text = NULL;

  if (words && *assignee)
    /* Translators: a deadline and who the story is with, "due in 2 h · Ana Souza" */
    text = g_strdup_printf (_("%s · %s"), words, assignee);
  else
    text = g_strdup (words ? words : assignee);
  gtk_label_set_text (self->due_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), *text != '\0');
  if (due && g_date_time_compare (deadline, now) < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_set_opacity (GTK_WIDGET (self->due_label), due ? 1.0 : 0.6);

  if (due && self->due_timer == 0)
    self->due_timer = g_timeout_add_seconds (60, due_tick, self);
  else if (!due)
    g_clear_handle_id (&self->due_timer, g_source_remove);
}

static void
update (LedeStoryRow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  LedeArticleStatus status;
  g_autofree char *headline = NULL;

  if (self->article == NULL)
    return;

  /* An editor's pass read as the story will read once it is accepted. */
  headline = lede_review_dup_accepted (lede_article_get_headline (self->article));
  gtk_label_set_text (self->headline_label, *headline ? headline : _("Untitled story"));
  gtk_widget_set_opacity (GTK_WIDGET (self->headline_label), *headline ? 1.0 : 0.6);

  status = lede_article_get_status (self->article);
  gtk_label_set_text (self->status_label, lede_article_status_get_label (status));
  /* One colour a status, the same in the panel: "status-draft" … */
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  when = lede_time_format_short (lede_article_get_updated (self->article), now);
  gtk_label_set_text (self->details_label, when);
  update_due (self, now);
}

static void
lede_story_row_dispose (GObject *object)
{
  GtkWidget *child;
  LedeStoryRow *self = (LedeStoryRow *)object;

  g_clear_handle_id (&self->due_timer, g_source_remove);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lede_story_row_parent_class)->dispose (object);
}

static void
lede_story_row_class_init (LedeStoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_story_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A label in @box, start-aligned; ellipsized in @lines lines (0: one,
 * not wrapped), with a style class or two. */
static GtkLabel *
add_label (GtkBox     *box,
           int         lines,
           const char *css_class,
           const char *extra_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (lines > 0)
    {
      gtk_label_set_lines (GTK_LABEL (label), lines);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_widget_add_css_class (label, css_class);
  if (extra_class != NULL)
    gtk_widget_add_css_class (label, extra_class);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

/* Built in code, not from a template: every search makes a screenful of
 * rows anew (GTK 4.8 keeps no row for another story), and GtkBuilder's
 * reading of a template was most of that. */
static void
lede_story_row_init (LedeStoryRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->headline_label = add_label (GTK_BOX (box), 2, "heading", NULL);
  self->snippet_label = add_label (GTK_BOX (box), 3, "caption", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);
  gtk_box_append (GTK_BOX (box), line);
  self->status_label = add_label (GTK_BOX (line), 0, "caption", "status-pill");
  gtk_label_set_ellipsize (self->status_label, PANGO_ELLIPSIZE_NONE);
  self->details_label = add_label (GTK_BOX (line), 0, "caption", "dim-label");
  /* Its own line: "due in 2 h · Ana Souza" whole in a narrow sidebar. */
  self->due_label = add_label (GTK_BOX (box), 0, "caption", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::headline",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::status",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::updated",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::deadline",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::assignee",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lede_story_row_new (void)
{
  return g_object_new (LEDE_TYPE_STORY_ROW, NULL);
}

LedeArticle *
lede_story_row_get_article (LedeStoryRow *self)
{
  g_return_val_if_fail (LEDE_IS_STORY_ROW (self), NULL);
  return self->article;
}

void
lede_story_row_set_article (LedeStoryRow *self,
                            LedeArticle  *article)
{
  g_return_if_fail (LEDE_IS_STORY_ROW (self));

  if (!g_set_object (&self->article, article))
    return;
  g_signal_group_set_target (self->article_signals, article);
  update (self);
}

/**
 * lede_story_row_set_snippet:
 * @markup: (nullable): a few words around a search match, Pango markup
 */
void
lede_story_row_set_snippet (LedeStoryRow *self,
                            const char   *markup)
{
  g_return_if_fail (LEDE_IS_STORY_ROW (self));

  gtk_label_set_markup (self->snippet_label, markup ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), markup != NULL && *markup != '\0');
}

/**
 * lede_story_row_get_label:
 * @part: "headline", "snippet", "status", "details" or "due"
 *
 * Returns: (transfer none): that part of the row, as the window's tests
 *   look at it
 */
GtkLabel *
lede_story_row_get_label (LedeStoryRow *self,
                          const char   *part)
{
  g_return_val_if_fail (LEDE_IS_STORY_ROW (self), NULL);

  if (g_str_equal (part, "headline"))
    return self->headline_label;
  if (g_str_equal (part, "snippet"))
    return self->snippet_label;
  if (g_str_equal (part, "status"))
    return self->status_label;
  if (g_str_equal (part, "details"))
    return self->details_label;
  g_return_val_if_fail (g_str_equal (part, "due"), NULL);
  return self->due_label;
}
