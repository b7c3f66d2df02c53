/* lede-metadata-panel.c: everything a newsroom records about the open story.
 *
 * The one-line fields are bound to the article both ways, so they are saved
 * by the same autosave as the body (the editor reports any property change).
 * So are the tags and the linked sources, part of the story object (a
 * source itself is the library's, written at once). The
 * counts and the attribution check follow the editor's buffer, a moment
 * after typing pauses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-counts.h"
#include "lede-spell-checker.h"
#include "lede-metadata-panel.h"
#include "lede-slug.h"
#include "lede-source-editor.h"

/* Counts and quotations are worked out this long after the last change,
 * plus a millisecond for each 1,000 characters: a 100,000-word story costs
 * about 50 ms to count, so it waits for a longer pause in the typing. */
#define REFRESH_DELAY_MS 300
/* Quotations listed by row; the rest are counted. Unattributed ones first. */
#define MAX_QUOTE_ROWS   50
/* Past this a headline is not just long but probably pasted by mistake. */
#define HEADLINE_WARN_LENGTH 200

struct _LedeMetadataPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  AdwEntryRow        *headline_row;
  AdwEntryRow        *standfirst_row;
  AdwEntryRow        *slug_row;
  AdwEntryRow        *byline_row;
  AdwEntryRow        *dateline_row;
  AdwEntryRow        *section_row;
  AdwComboRow        *status_row;
  GtkLabel           *status_dot;
  AdwEntryRow        *language_row;
  AdwEntryRow        *embargo_row;
  AdwEntryRow        *published_row;
  GtkSpinButton      *word_goal_spin;
  GtkLabel           *hints_label;
  AdwActionRow       *words_row;
  AdwActionRow       *characters_row;
  AdwActionRow       *reading_row;
  GtkLevelBar        *goal_bar;
  GtkFlowBox         *tag_chips;
  GtkEntry           *tag_entry;
  GtkListBox         *sources_list;
  GtkEntry           *source_entry;
  GtkListBox         *quotes_list;
  GtkTextView        *note_view;

  LedeLibrary        *library;
  LedeArticle        *article;
  GtkTextBuffer      *body;
  GBindingGroup      *bindings;
  GSignalGroup       *article_signals;
  GSignalGroup       *body_signals;
  GtkListStore       *tag_names;
  GtkListStore       *source_names;
  char              **tags;
  char               *spelling_note;  /* no dictionary for the language */
  GPtrArray          *sources;
  GPtrArray          *quotes;
  char               *embargo_error;
  char               *published_error;
  char               *hints;
  guint               refresh_id;
  GCancellable       *count_cancellable;  /* the refresh under way */
  gboolean            slug_auto;
  gboolean            loading;
  gboolean            stale;     /* changed while hidden: refresh when shown */
};

G_DEFINE_FINAL_TYPE (LedeMetadataPanel, lede_metadata_panel, GTK_TYPE_WIDGET)

enum {
  QUOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gint64
article_id (LedeMetadataPanel *self)
{
  return self->article ? lede_article_get_id (self->article) : 0;
}

/* Times are shown and typed in local time; the library keeps UTC. */
static char *
format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GDateTime *
parse_local (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  char end;

  if (sscanf (text, "%d-%d-%d%*[ T]%d:%d%c", &year, &month, &day, &hour, &minute, &end) != 5 &&
      sscanf (text, "%d-%d-%d%c", &year, &month, &day, &end) != 3)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
update_hints (LedeMetadataPanel *self)
{
  g_autoptr (GString) hints = g_string_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *owner = NULL;
  const char *language;
  guint headline_length;

  if (self->article == NULL)
    return;

  headline_length = g_utf8_strlen (lede_article_get_headline (self->article), -1);
  if (headline_length > HEADLINE_WARN_LENGTH)
    g_string_append_printf (hints, _("The headline is %u characters long: it is kept, but no page will show it whole.\n"),
                            headline_length);
  else if (headline_length > LEDE_HEADLINE_HINT_LENGTH)
    g_string_append_printf (hints, _("The headline is %u characters: past %u, search results and social cards cut it.\n"),
                            headline_length, LEDE_HEADLINE_HINT_LENGTH);
  if (self->library)
    owner = lede_library_slug_owner (self->library, lede_article_get_slug (self->article), article_id (self));
  if (owner)
    g_string_append_printf (hints, _("The slug “%s” is also used by “%s”.\n"), lede_article_get_slug (self->article), owner);
  language = lede_article_get_language (self->article);
  if (*language && !g_regex_match_simple ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", language, 0, 0))
    g_string_append_printf (hints, _("“%s” is not a language tag like en, en-GB or pt-BR.\n"), language);
  if (self->spelling_note)
    g_string_append_printf (hints, "%s\n", self->spelling_note);
  if (self->embargo_error)
    g_string_append_printf (hints, "%s\n", self->embargo_error);
  else if (lede_article_get_embargo (self->article) &&
           g_date_time_compare (lede_article_get_embargo (self->article), now) < 0)
    g_string_append (hints, _("The embargo has passed.\n"));
  if (self->published_error)
    g_string_append_printf (hints, "%s\n", self->published_error);

  if (hints->len > 0)
    g_string_truncate (hints, hints->len - 1);
  g_free (self->hints);
  self->hints = g_strdup (hints->str);
  gtk_label_set_text (self->hints_label, hints->str);
  gtk_widget_set_visible (GTK_WIDGET (self->hints_label), hints->len > 0);
  if (owner)
    gtk_widget_add_css_class (GTK_WIDGET (self->slug_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->slug_row), "warning");
  if (self->embargo_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->embargo_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->embargo_row), "error");
  if (self->published_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->published_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");
}

/* Slug */

static void
show_slug (LedeMetadataPanel *self)
{
  const char *slug = lede_article_get_slug (self->article);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->slug_row)), slug) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->slug_row), slug);
}

static void
make_slug_from_headline (LedeMetadataPanel *self)
{
  g_autofree char *base = lede_slug_from_text (lede_article_get_headline (self->article));
  g_autofree char *slug = NULL;

  slug = self->library ? lede_library_make_unique_slug (self->library, base, article_id (self)) : g_strdup (base);
  lede_article_set_slug (self->article, slug);
  show_slug (self);
}

static void
slug_applied_cb (LedeMetadataPanel *self)
{
  g_autofree char *slug = lede_slug_from_text (gtk_editable_get_text (GTK_EDITABLE (self->slug_row)));

  if (self->article == NULL)
    return;
  /* Emptied by hand: back to following the headline. */
  self->slug_auto = *slug == '\0';
  if (self->slug_auto)
    make_slug_from_headline (self);
  else
    {
      lede_article_set_slug (self->article, slug);
      show_slug (self);
    }
  update_hints (self);
}

static void
slug_auto_clicked_cb (LedeMetadataPanel *self)
{
  if (self->article == NULL)
    return;
  self->slug_auto = TRUE;
  make_slug_from_headline (self);
  update_hints (self);
}

/* Status and times */

static void
status_selected_cb (LedeMetadataPanel *self)
{
  LedeArticleStatus status = adw_combo_row_get_selected (self->status_row);

  if (self->loading || self->article == NULL || status == lede_article_get_status (self->article))
    return;
  lede_article_set_status (self->article, status);
  /* Published now, unless a time was given already. */
  if (status == LEDE_ARTICLE_STATUS_PUBLISHED && lede_article_get_published (self->article) == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      lede_article_set_published (self->article, now);
    }
}

static void
show_times (LedeMetadataPanel *self)
{
  g_autofree char *embargo = format_local (lede_article_get_embargo (self->article));
  g_autofree char *published = format_local (lede_article_get_published (self->article));

  gtk_editable_set_text (GTK_EDITABLE (self->embargo_row), embargo);
  gtk_editable_set_text (GTK_EDITABLE (self->published_row), published);
}

/* An unreadable time is refused in words and nothing is saved. */
static gboolean
apply_time (LedeMetadataPanel  *self,
            AdwEntryRow        *row,
            char              **error_out,
            void              (*set) (LedeArticle *, GDateTime *))
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GDateTime) time = NULL;

  g_clear_pointer (error_out, g_free);
  if (*text != '\0' && !(time = parse_local (text)))
    {
      *error_out = g_strdup_printf (_("“%s” is not a date and time: write it as 2026-12-01 09:30. Nothing was changed."),
                                    text);
      update_hints (self);
      return FALSE;
    }
  set (self->article, time);
  update_hints (self);
  return TRUE;
}

static void
embargo_applied_cb (LedeMetadataPanel *self)
{
  if (self->article && apply_time (self, self->embargo_row, &self->embargo_error, lede_article_set_embargo))
    show_times (self);
}

static void
published_applied_cb (LedeMetadataPanel *self)
{
  if (self->article && apply_time (self, self->published_row, &self->published_error, lede_article_set_published))
    show_times (self);
}

/* Counts and quotations */

static char *
body_text (LedeMetadataPanel *self)
{
  GtkTextIter start, end;

  if (self->body == NULL)
    return g_strdup (self->article ? lede_article_get_body (self->article) : "");
  gtk_text_buffer_get_bounds (self->body, &start, &end);
  return gtk_text_buffer_get_text (self->body, &start, &end, TRUE);
}

static void
add_quote_row (LedeMetadataPanel *self,
               LedeQuote         *quote)
{
  g_autofree char *title = g_strdup_printf ("“%s”", quote->text);
  g_autofree char *subtitle = quote->speaker
    ? g_strdup_printf (_("Line %u · %s"), quote->line, quote->speaker)
    : g_strdup_printf (_("Line %u · no source of this story is named in its paragraph"), quote->line);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (quote->speaker ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (icon, quote->speaker ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show it in the story"));
  g_object_set_data (G_OBJECT (row), "lede-quote", quote);
  gtk_list_box_append (self->quotes_list, row);
}

static void
add_text_row (LedeMetadataPanel *self,
              const char        *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_append (self->quotes_list, row);
}

/* The unattributed quotations first (they are the ones to act on), then
 * the rest, at most MAX_QUOTE_ROWS rows. */
static void
show_quotes (LedeMetadataPanel *self)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_list))))
    gtk_list_box_remove (self->quotes_list, child);

  for (int attributed = 0; attributed < 2; attributed++)
    for (guint i = 0; i < self->quotes->len && shown < MAX_QUOTE_ROWS; i++)
      {
        LedeQuote *quote = g_ptr_array_index (self->quotes, i);

        if ((quote->speaker != NULL) == attributed)
          {
            add_quote_row (self, quote);
            shown++;
          }
      }
  if (self->quotes->len > shown)
    {
      g_autofree char *more = g_strdup_printf (_("…and %u more"), self->quotes->len - shown);
      add_text_row (self, more);
    }
  if (self->quotes->len == 0)
    add_text_row (self, _("No direct quotations"));
}

static void
quote_activated_cb (LedeMetadataPanel *self,
                    GtkListBoxRow     *row)
{
  LedeQuote *quote = g_object_get_data (G_OBJECT (row), "lede-quote");

  if (quote)
    g_signal_emit (self, signals [QUOTE_ACTIVATED], 0, quote->offset);
}

/* Drops the refresh under way, whose counts would be stale. */
static void
stop_counting (LedeMetadataPanel *self)
{
  if (self->count_cancellable)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
}

/* What the counts and the checks work from, copied, and what they found:
 * they run on a worker thread, so a long or pathological story never holds
 * up typing. */
typedef struct {
  char       *headline;
  char       *body;
  GPtrArray  *sources;
  LedeCounts  counts;
  GPtrArray  *quotes;
} Report;

static void
report_free (Report *report)
{
  g_free (report->headline);
  g_free (report->body);
  g_clear_pointer (&report->sources, g_ptr_array_unref);
  g_clear_pointer (&report->quotes, g_ptr_array_unref);
  g_free (report);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Report *report = task_data;

  lede_counts_compute (report->headline, report->body, &report->counts);
  report->quotes = lede_attribution_check (report->body, report->sources);
  g_task_return_boolean (task, TRUE);
}

static void
on_counted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);
  Report *report = g_task_get_task_data (G_TASK (result));
  g_autofree char *words = NULL, *characters = NULL, *minutes = NULL;
  guint goal;

  /* A newer refresh, or another story, made this one stale. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->count_cancellable);
  if (self->article == NULL)
    return;

  goal = lede_article_get_word_goal (self->article);
  words = goal ? g_strdup_printf (_("%u of %u"), report->counts.words, goal) : g_strdup_printf ("%u", report->counts.words);
  characters = g_strdup_printf ("%u", report->counts.characters);
  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", report->counts.reading_minutes),
                             report->counts.reading_minutes);
  adw_action_row_set_subtitle (self->words_row, words);
  adw_action_row_set_subtitle (self->characters_row, characters);
  adw_action_row_set_subtitle (self->reading_row, minutes);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_bar), goal > 0);
  gtk_level_bar_set_value (self->goal_bar, goal ? MIN (1.0, (double)report->counts.words / goal) : 0);

  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  self->quotes = g_steal_pointer (&report->quotes);
  show_quotes (self);
  update_hints (self);
}

/**
 * lede_metadata_panel_refresh:
 *
 * Starts working the counts and the attribution check out again now, off
 * the main thread; lede_metadata_panel_is_counting() says until when.
 */
void
lede_metadata_panel_refresh (LedeMetadataPanel *self)
{
  g_autoptr (GTask) task = NULL;
  Report *report;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  stop_counting (self);
  if (self->article == NULL)
    return;

  report = g_new0 (Report, 1);
  report->headline = g_strdup (lede_article_get_headline (self->article));
  report->body = body_text (self);
  report->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  for (guint i = 0; self->sources && i < self->sources->len; i++)
    g_ptr_array_add (report->sources, lede_source_copy (g_ptr_array_index (self->sources, i)));

  self->count_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->count_cancellable, on_counted, NULL);
  g_task_set_task_data (task, report, (GDestroyNotify)report_free);
  g_task_run_in_thread (task, count_thread);
}

/**
 * lede_metadata_panel_is_counting:
 *
 * Whether a refresh is still under way.
 */
gboolean
lede_metadata_panel_is_counting (LedeMetadataPanel *self)
{
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);
  return self->count_cancellable != NULL;
}

static gboolean
refresh_later_cb (gpointer data)
{
  LedeMetadataPanel *self = data;

  self->refresh_id = 0;
  lede_metadata_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
refresh_later (LedeMetadataPanel *self)
{
  guint chars = self->body ? gtk_text_buffer_get_char_count (self->body) : 0;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* A hidden panel does no work; it catches up when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS + chars / 1000, refresh_later_cb, self);
}

static void
on_map (LedeMetadataPanel *self)
{
  if (self->stale)
    lede_metadata_panel_refresh (self);
}

static void
on_headline_changed (LedeMetadataPanel *self)
{
  if (self->loading)
    return;
  if (self->slug_auto)
    make_slug_from_headline (self);
  refresh_later (self);
}

/* The sidebar's colours (style.css), on the dot before the status. */
static void
show_status_colour (LedeMetadataPanel *self)
{
  static const char * const classes[] = {
    "dot-draft", "dot-in-progress", "dot-ready", "dot-published", "dot-spiked",
  };
  LedeArticleStatus status = lede_article_get_status (self->article);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_dot), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_dot), classes[status]);
}

static void
on_status_changed (LedeMetadataPanel *self)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, lede_article_get_status (self->article));
  self->loading = FALSE;
  show_status_colour (self);
}

static void
on_note_changed_in_article (LedeMetadataPanel *self)
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
on_note_edited (LedeMetadataPanel *self,
                GtkTextBuffer     *buffer)
{
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  if (self->loading || self->article == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  lede_article_set_editorial_note (self->article, note);
}

/* Tags */

static void remove_tag (LedeMetadataPanel *self, const char *tag);

static void
on_chip_remove (GtkButton         *button,
                LedeMetadataPanel *self)
{
  remove_tag (self, g_object_get_data (G_OBJECT (button), "lede-tag"));
}

static void
fill_completions (LedeMetadataPanel *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GPtrArray) sources = NULL;

  gtk_list_store_clear (self->tag_names);
  gtk_list_store_clear (self->source_names);
  if (self->library == NULL)
    return;
  if ((tags = lede_library_list_tags (self->library, NULL)))
    for (guint i = 0; i < tags->len; i++)
      gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, ((LedeTag *)g_ptr_array_index (tags, i))->name, -1);
  if ((sources = lede_library_list_sources (self->library, NULL)))
    for (guint i = 0; i < sources->len; i++)
      gtk_list_store_insert_with_values (self->source_names, NULL, -1, 0, ((LedeSource *)g_ptr_array_index (sources, i))->name, -1);
}

static void
show_tags (LedeMetadataPanel *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->tags, g_strfreev);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_chips))))
    gtk_flow_box_remove (self->tag_chips, child);
  if (self->article == NULL)
    return;

  self->tags = g_strdupv ((char **)lede_article_get_tags (self->article));
  for (guint i = 0; self->tags && self->tags[i]; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (self->tags[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), self->tags[i]);

      gtk_widget_add_css_class (chip, "tag-chip");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (remove), "lede-tag", g_strdup (self->tags[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_chip_remove), self);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->tag_chips, chip);
    }
}

static gboolean
has_tag (LedeMetadataPanel *self,
         const char        *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; self->tags && self->tags[i]; i++)
    {
      g_autofree char *other = g_utf8_casefold (self->tags[i], -1);
      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

/**
 * lede_metadata_panel_add_tag:
 *
 * Adds @tag to the open story, unless it has it already in any case.
 *
 * Returns: whether the tag was added
 */
gboolean
lede_metadata_panel_add_tag (LedeMetadataPanel *self,
                             const char        *tag)
{
  g_autofree char *clean = NULL;
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) all = NULL;

  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);

  if (self->library == NULL || article_id (self) == 0)
    return FALSE;
  clean = g_strstrip (lede_article_clean_line (tag));
  if (*clean == '\0')
    return FALSE;
  if (has_tag (self, clean))
    {
      g_autofree char *why = g_strdup_printf (_("The story already has the tag “%s”"), clean);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_entry), why);
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_entry), "error");
      return FALSE;
    }
  if (self->tags)
    g_strv_builder_addv (tags, (const char **)self->tags);
  g_strv_builder_add (tags, clean);
  all = g_strv_builder_end (tags);
  /* Tags are part of the story: set on it, they are saved with it. */
  lede_article_set_tags (self->article, (const char * const *)all);
  return TRUE;
}

static void
remove_tag (LedeMetadataPanel *self,
            const char        *tag)
{
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) rest = NULL;

  for (guint i = 0; self->tags && self->tags[i]; i++)
    if (!g_str_equal (self->tags[i], tag))
      g_strv_builder_add (tags, self->tags[i]);
  rest = g_strv_builder_end (tags);
  lede_article_set_tags (self->article, (const char * const *)rest);
}

static void
tag_entry_activate_cb (LedeMetadataPanel *self)
{
  if (lede_metadata_panel_add_tag (self, gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

/* A comma ends a tag, as Enter does. */
static void
tag_entry_changed_cb (LedeMetadataPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));
  const char *comma = strchr (text, ',');

  gtk_widget_remove_css_class (GTK_WIDGET (self->tag_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_entry), NULL);
  if (comma != NULL)
    {
      g_autofree char *tag = g_strndup (text, comma - text);
      g_autofree char *rest = g_strdup (comma + 1);

      lede_metadata_panel_add_tag (self, tag);
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), g_strchug (rest));
    }
}

/* Backspace in the empty entry takes the last chip off. */
static gboolean
on_tag_key (GtkEventControllerKey *controller,
            guint                  keyval,
            guint                  keycode,
            GdkModifierType        state,
            LedeMetadataPanel     *self)
{
  guint n = self->tags ? g_strv_length (self->tags) : 0;

  if (keyval != GDK_KEY_BackSpace || n == 0 || *gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)))
    return GDK_EVENT_PROPAGATE;
  remove_tag (self, self->tags[n - 1]);
  return GDK_EVENT_STOP;
}

/* Sources */

static void on_unlink_clicked (GtkButton *button, LedeMetadataPanel *self);

static void
show_sources (LedeMetadataPanel *self)
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

static void
sources_changed (LedeMetadataPanel *self)
{
  show_sources (self);
  fill_completions (self);
  lede_metadata_panel_refresh (self);
}

/* The story's sources, with @added (unless it is there already) and
 * without @removed. */
static void
set_sources_with (LedeMetadataPanel *self,
                  LedeSource        *added,
                  LedeSource        *removed)
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
 * lede_metadata_panel_add_source:
 *
 * Links the library's source called @name (in any case) to the open story,
 * or makes a new source with that name first.
 */
gboolean
lede_metadata_panel_add_source (LedeMetadataPanel *self,
                                const char        *name)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeSource) fresh = NULL;
  LedeSource *found = NULL;

  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);

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
source_entry_activate_cb (LedeMetadataPanel *self)
{
  if (lede_metadata_panel_add_source (self, gtk_editable_get_text (GTK_EDITABLE (self->source_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
}

static void
on_unlink_clicked (GtkButton         *button,
                   LedeMetadataPanel *self)
{
  LedeSource *source = g_object_get_data (G_OBJECT (button), "lede-source");

  set_sources_with (self, NULL, source);
}

static void
source_activated_cb (LedeMetadataPanel *self,
                     GtkListBoxRow     *row)
{
  LedeSource *source = g_object_get_data (G_OBJECT (row), "lede-source");

  if (source == NULL)
    return;
  lede_source_editor_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library, source,
                              article_id (self), (LedeSourceEdited)sources_changed,
                              g_object_ref (self), g_object_unref);
}

/* Loading a story */

static void
load_article (LedeMetadataPanel *self)
{
  gboolean has_story = self->article != NULL;

  gtk_widget_set_sensitive (self->scroller, has_story);
  g_clear_pointer (&self->embargo_error, g_free);
  g_clear_pointer (&self->published_error, g_free);
  if (!has_story)
    {
      show_tags (self);
      show_sources (self);
      return;
    }

  self->loading = TRUE;
  {
    g_autofree char *from_headline = lede_slug_from_text (lede_article_get_headline (self->article));
    const char *slug = lede_article_get_slug (self->article);

    /* A slug made from the headline (perhaps with -2 on it) keeps following it. */
    self->slug_auto = *slug == '\0' || (*from_headline && g_str_has_prefix (slug, from_headline));
  }
  show_slug (self);
  adw_combo_row_set_selected (self->status_row, lede_article_get_status (self->article));
  show_status_colour (self);
  show_times (self);
  self->loading = FALSE;
  on_note_changed_in_article (self);
  show_tags (self);
  show_sources (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    lede_metadata_panel_refresh (self);
  else
    self->stale = TRUE;
}

void
lede_metadata_panel_set_article (LedeMetadataPanel *self,
                                 LedeArticle       *article)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  if (self->article == article)
    return;
  /* Counts of the story before are not this one's. */
  stop_counting (self);
  /* Everything follows the new story at once, before any edit can land. */
  self->loading = TRUE;
  g_set_object (&self->article, article);
  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);
  self->loading = FALSE;
  /* The last story's new tags and sources are the library's by now. */
  fill_completions (self);
  load_article (self);
}

void
lede_metadata_panel_set_library (LedeMetadataPanel *self,
                                 LedeLibrary       *library)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  g_set_object (&self->library, library);
  fill_completions (self);
  load_article (self);
}

void
lede_metadata_panel_set_buffer (LedeMetadataPanel *self,
                                GtkTextBuffer     *body)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  g_set_object (&self->body, body);
  g_signal_group_set_target (self->body_signals, body);
}

/* Returns: (transfer none) (element-type LedeQuote): the last check's quotations */
GPtrArray *
lede_metadata_panel_get_quotes (LedeMetadataPanel *self)
{
  return self->quotes;
}

/* Returns: the warnings shown under the fields, one a line, or "" */
const char *
lede_metadata_panel_get_hints (LedeMetadataPanel *self)
{
  return self->hints ? self->hints : "";
}

static void
lede_metadata_panel_dispose (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_counting (self);
  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->body_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_METADATA_PANEL);
  G_OBJECT_CLASS (lede_metadata_panel_parent_class)->dispose (object);
}

static void
lede_metadata_panel_finalize (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_object (&self->library);
  g_clear_object (&self->article);
  g_clear_object (&self->body);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->source_names);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->spelling_note, g_free);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_free (self->embargo_error);
  g_free (self->published_error);
  g_free (self->hints);
  G_OBJECT_CLASS (lede_metadata_panel_parent_class)->finalize (object);
}

static void
lede_metadata_panel_class_init (LedeMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_metadata_panel_dispose;
  object_class->finalize = lede_metadata_panel_finalize;

  /**
   * LedeMetadataPanel::quote-activated:
   * @offset: where the quotation opens, in characters of the body
   */
  signals [QUOTE_ACTIVATED] = g_signal_new ("quote-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-metadata-panel.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, name)
  CHILD (scroller);
  CHILD (headline_row);
  CHILD (standfirst_row);
  CHILD (slug_row);
  CHILD (byline_row);
  CHILD (dateline_row);
  CHILD (section_row);
  CHILD (status_row);
  CHILD (status_dot);
  CHILD (language_row);
  CHILD (embargo_row);
  CHILD (published_row);
  CHILD (word_goal_spin);
  CHILD (hints_label);
  CHILD (words_row);
  CHILD (characters_row);
  CHILD (reading_row);
  CHILD (goal_bar);
  CHILD (tag_chips);
  CHILD (tag_entry);
  CHILD (sources_list);
  CHILD (source_entry);
  CHILD (quotes_list);
  CHILD (note_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, slug_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, slug_auto_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, embargo_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, published_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quote_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledemetadatapanel");
}

static GtkEntryCompletion *
completion_for (GtkEntry     *entry,
                GtkListStore *names)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  gtk_entry_set_completion (entry, completion);
  return completion;
}

static void
lede_metadata_panel_init (LedeMetadataPanel *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr (GtkEntryCompletion) tag_completion = NULL;
  g_autoptr (GtkEntryCompletion) source_completion = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "headline", self->headline_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "standfirst", self->standfirst_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "byline", self->byline_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "dateline", self->dateline_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "section", self->section_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "language", self->language_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "word-goal", self->word_goal_spin, "value", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::headline", G_CALLBACK (on_headline_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::slug", G_CALLBACK (show_slug), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::status", G_CALLBACK (on_status_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::editorial-note", G_CALLBACK (on_note_changed_in_article), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::word-goal", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::language", G_CALLBACK (update_hints), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::published", G_CALLBACK (show_times), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::tags", G_CALLBACK (show_tags), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::sources", G_CALLBACK (sources_changed), self, G_CONNECT_SWAPPED);

  self->body_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->body_signals, "changed", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_edited), self, G_CONNECT_SWAPPED);

  self->tag_names = gtk_list_store_new (1, G_TYPE_STRING);
  self->source_names = gtk_list_store_new (1, G_TYPE_STRING);
  tag_completion = completion_for (self->tag_entry, self->tag_names);
  source_completion = completion_for (self->source_entry, self->source_names);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_tag_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), keys);

  load_article (self);
}

/**
 * lede_metadata_panel_set_spelling_note:
 * @note: (nullable): why no word is marked (no dictionary), or %NULL
 */
void
lede_metadata_panel_set_spelling_note (LedeMetadataPanel *self,
                                       const char        *note)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  if (g_strcmp0 (self->spelling_note, note) == 0)
    return;
  g_free (self->spelling_note);
  self->spelling_note = g_strdup (note);
  update_hints (self);
}

/**
 * lede_metadata_panel_set_speller:
 *
 * Underlines misspelt words in the standfirst with @speller.
 */
void
lede_metadata_panel_set_speller (LedeMetadataPanel *self,
                                 LedeSpeller       *speller)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));
  lede_spell_checker_watch_entry (GTK_EDITABLE (self->standfirst_row), speller);
}

/**
 * lede_metadata_panel_check_spelling:
 * @enabled: whether spelling is checked at all (F7)
 */
void
lede_metadata_panel_check_spelling (LedeMetadataPanel *self,
                                    gboolean           enabled)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));
  lede_spell_checker_check_entry (GTK_EDITABLE (self->standfirst_row), enabled);
}
