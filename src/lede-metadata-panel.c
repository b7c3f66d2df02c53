/* lede-metadata-panel.c: everything a newsroom records about the open story.
 *
 * The panel lays out one widget per section (the story's fields, its
 * length, tags, sources, the editorial note) and hands each the library
 * and the story. Itself it keeps the quotations, and the work that feeds
 * them and the counts: a worker thread a moment after typing pauses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-attribution.h"
#include "lede-counts-section.h"
#include "lede-metadata-panel.h"
#include "lede-note-section.h"
#include "lede-sources-section.h"
#include "lede-story-fields.h"
#include "lede-tag-chips.h"

/* Counts and quotations are worked out this long after the last change,
 * plus a millisecond for each 1,000 characters: a 100,000-word story costs
 * about 50 ms to count, so it waits for a longer pause in the typing. */
#define REFRESH_DELAY_MS 300
/* Quotations listed by row; the rest are counted. Unattributed ones first. */
#define MAX_QUOTE_ROWS   50

struct _LedeMetadataPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  LedeStoryFields    *story_fields;
  LedeCountsSection  *counts_section;
  LedeTagChips       *tag_chips_section;
  LedeSourcesSection *sources_section;
  GtkListBox         *quotes_list;
  LedeNoteSection    *note_section;

  LedeArticle        *article;
  GtkTextBuffer      *body;
  GSignalGroup       *article_signals;
  GSignalGroup       *body_signals;
  GPtrArray          *quotes;
  guint               refresh_id;
  GCancellable       *count_cancellable;  /* the refresh under way */
  gboolean            stale;     /* changed while hidden: refresh when shown */
};

G_DEFINE_FINAL_TYPE (LedeMetadataPanel, lede_metadata_panel, GTK_TYPE_WIDGET)

enum {
  QUOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

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

  /* A newer refresh, or another story, made this one stale. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->count_cancellable);
  if (self->article == NULL)
    return;

  lede_counts_section_show (self->counts_section, &report->counts, lede_article_get_word_goal (self->article));

  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  self->quotes = g_steal_pointer (&report->quotes);
  show_quotes (self);
  /* Some warnings change with time or with other stories, not with an edit. */
  lede_story_fields_update_hints (self->story_fields);
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
  GPtrArray *sources;
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
  sources = lede_article_get_sources (self->article);
  for (guint i = 0; sources && i < sources->len; i++)
    g_ptr_array_add (report->sources, lede_source_copy (g_ptr_array_index (sources, i)));

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

/* Loading a story */

static void
load_article (LedeMetadataPanel *self)
{
  gtk_widget_set_sensitive (self->scroller, self->article != NULL);
  if (self->article == NULL)
    return;
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
  g_set_object (&self->article, article);
  /* Everything follows the new story at once, before any edit can land. */
  lede_story_fields_set_article (self->story_fields, article);
  lede_note_section_set_article (self->note_section, article);
  lede_tag_chips_set_article (self->tag_chips_section, article);
  lede_sources_section_set_article (self->sources_section, article);
  g_signal_group_set_target (self->article_signals, article);
  load_article (self);
}

void
lede_metadata_panel_set_library (LedeMetadataPanel *self,
                                 LedeLibrary       *library)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  lede_story_fields_set_library (self->story_fields, library);
  lede_tag_chips_set_library (self->tag_chips_section, library);
  lede_sources_section_set_library (self->sources_section, library);
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
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);
  return lede_tag_chips_add_tag (self->tag_chips_section, tag);
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
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);
  return lede_sources_section_add_source (self->sources_section, name);
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
  return lede_story_fields_get_hints (self->story_fields);
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
  lede_story_fields_set_spelling_note (self->story_fields, note);
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
  lede_story_fields_set_speller (self->story_fields, speller);
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
  lede_story_fields_check_spelling (self->story_fields, enabled);
}

static void
lede_metadata_panel_dispose (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_counting (self);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->body_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_METADATA_PANEL);
  G_OBJECT_CLASS (lede_metadata_panel_parent_class)->dispose (object);
}

static void
lede_metadata_panel_finalize (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_object (&self->article);
  g_clear_object (&self->body);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
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

  /* The template names the sections' types, so they must exist first. */
  g_type_ensure (LEDE_TYPE_STORY_FIELDS);
  g_type_ensure (LEDE_TYPE_COUNTS_SECTION);
  g_type_ensure (LEDE_TYPE_TAG_CHIPS);
  g_type_ensure (LEDE_TYPE_SOURCES_SECTION);
  g_type_ensure (LEDE_TYPE_NOTE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-metadata-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, story_fields);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, counts_section);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, tag_chips_section);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, sources_section);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, LedeMetadataPanel, note_section);
  gtk_widget_class_bind_template_callback (widget_class, quote_activated_cb);
  /* A source linked, unlinked or edited: check the quotations again now. */
  gtk_widget_class_bind_template_callback (widget_class, lede_metadata_panel_refresh);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledemetadatapanel");
}

static void
lede_metadata_panel_init (LedeMetadataPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::headline", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::word-goal", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);

  self->body_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->body_signals, "changed", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  load_article (self);
}
