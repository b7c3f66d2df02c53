/* lede-metadata-panel.c: everything a newsroom records about the open story.
 *
 * The panel lays out one widget per section (the story's fields, its
 * length, tags, sources, photos, the editorial note) and hands each the library
 * and the story. Itself it does the work that feeds the counts and the
 * checks: a worker thread, a moment after typing pauses.
 *
 * The sections are built the first time the panel is shown (or one is
 * asked for), not with the window: the Write layout hides the panel, and
 * its hundreds of widgets cost the first frame 11 ms and 2 MB. Until then
 * the panel keeps what it is given and hands it over when it builds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-checks-section.h"
#include "lede-counts-section.h"
#include "lede-metadata-panel.h"
#include "lede-desk-section.h"
#include "lede-note-section.h"
#include "lede-photo-section.h"
#include "lede-posts-section.h"
#include "lede-review-section.h"
#include "lede-sources-section.h"
#include "lede-story-fields.h"
#include "lede-tag-chips.h"

/* Counts and checks are worked out this long after the last change,
 * plus a millisecond for each 1,000 characters: a 100,000-word story costs
 * about 50 ms to count, so it waits for a longer pause in the typing. */
#define REFRESH_DELAY_MS 300

struct _LedeMetadataPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  LedeStoryFields    *story_fields;
  LedeCountsSection  *counts_section;
  LedeTagChips       *tag_chips_section;
  LedeSourcesSection *sources_section;
  LedeChecksSection  *checks_section;
  LedeNoteSection    *note_section;
  LedeDeskSection    *desk_section;
  LedePhotoSection   *photo_section;
  LedeReviewSection  *review_section;
  LedePostsSection   *posts_section;

  LedeArticle        *article;
  GtkTextBuffer      *body;
  GSignalGroup       *article_signals;
  GSignalGroup       *body_signals;
  GPtrArray          *quotes;     /* the body's, for the count of attributed ones */
  GPtrArray          *findings;
  guint               refresh_id;
  GCancellable       *count_cancellable;  /* the refresh under way */
  gboolean            stale;     /* changed while hidden or not built: refresh when shown */
  gboolean            disposed;
  LedeStyle          *style;     /* the desk's house style, or NULL */
  LedeLibrary        *library;
  char              **quote_baseline;  /* the story's quotations as first kept */

  /* Kept for the story's fields until they are built. */
  LedeSpeller        *speller;
  int                 spelling_enabled;  /* -1: never said */
  char               *spelling_note;
};

G_DEFINE_FINAL_TYPE (LedeMetadataPanel, lede_metadata_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  FIX_WANTED,
  BUILT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Counts and checks */

static char *
body_text (LedeMetadataPanel *self)
{
  GtkTextIter start, end;

  if (self->body == NULL)
    return g_strdup (self->article ? lede_article_get_body (self->article) : "");
  gtk_text_buffer_get_bounds (self->body, &start, &end);
  return gtk_text_buffer_get_text (self->body, &start, &end, TRUE);
}

/* A finding in the body is the window's to show (the editor is its);
 * one in a field is ours. */
static void
finding_activated_cb (LedeMetadataPanel *self,
                      LedeFinding       *finding)
{
  if (finding->field == LEDE_FIELD_BODY)
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
  else if (finding->field == LEDE_FIELD_TAGS)
    lede_tag_chips_focus (self->tag_chips_section);
  else
    lede_story_fields_focus (self->story_fields, finding->field, finding->offset, finding->length);
}

static void load_article (LedeMetadataPanel *self);

/* A reworded quotation the writer stands by: recorded, so it passes from
 * now on. */
static void
accept_activated_cb (LedeMetadataPanel *self,
                     LedeFinding       *finding)
{
  g_autoptr (GError) error = NULL;

  if (self->library == NULL || self->article == NULL)
    return;
  if (!lede_library_add_quote_wording (self->library, lede_article_get_id (self->article), finding->text,
                                       "accepted", &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  load_article (self);
}

/* House style's fix is the editor's to make, so the window's to ask. */
static void
fix_activated_cb (LedeMetadataPanel *self,
                  LedeFinding       *finding)
{
  g_signal_emit (self, signals [FIX_WANTED], 0, finding);
}

/* The texts whose quotations stand, for the check of reworded quotes. */
static void
load_quote_baseline (LedeMetadataPanel *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->quote_baseline, g_strfreev);
  if (self->library == NULL || self->article == NULL || lede_article_get_id (self->article) <= 0)
    return;
  if (!(self->quote_baseline = lede_library_dup_quote_baseline (self->library, lede_article_get_id (self->article),
                                                                &error)))
    g_warning ("%s", error->message);
}

static gboolean refresh_later_cb (gpointer data);

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
  LedeCheckStory *story;
  LedeCounts      counts;
  GPtrArray      *quotes;
  GPtrArray      *findings;
} Report;

static void
report_free (Report *report)
{
  lede_check_story_free (report->story);
  g_clear_pointer (&report->quotes, g_ptr_array_unref);
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_free (report);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Report *report = task_data;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  lede_counts_compute (report->story->headline, report->story->body, &report->counts);
  report->quotes = lede_attribution_check (report->story->body, report->story->sources);
  report->findings = lede_checks_run (report->story, now);
  g_task_return_boolean (task, TRUE);
}

static void
on_counted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);
  Report *report = g_task_get_task_data (G_TASK (result));
  guint attributed = 0;

  /* A newer refresh, or another story, made this one stale. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->count_cancellable);
  if (self->article == NULL)
    return;

  lede_counts_section_show (self->counts_section, &report->counts, lede_article_get_word_goal (self->article));

  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->quotes = g_steal_pointer (&report->quotes);
  self->findings = g_steal_pointer (&report->findings);
  for (guint i = 0; i < self->quotes->len; i++)
    attributed += ((LedeQuote *)g_ptr_array_index (self->quotes, i))->speaker != NULL;
  lede_checks_section_show (self->checks_section, self->findings, self->quotes->len, attributed);
  /* An embargo's countdown goes on without an edit. */
  for (guint i = 0; i < self->findings->len; i++)
    if (((LedeFinding *)g_ptr_array_index (self->findings, i))->kind == LEDE_CHECK_EMBARGO && self->refresh_id == 0)
      self->refresh_id = g_timeout_add_seconds (60, refresh_later_cb, self);
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
  g_autofree char *body = NULL;
  Report *report;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_counting (self);
  /* Nothing to show it in yet: done when the sections are built. */
  self->stale = self->scroller == NULL;
  if (self->stale)
    return;
  if (self->article == NULL)
    {
      lede_review_section_show (self->review_section, "");
      return;
    }

  body = body_text (self);
  lede_review_section_show (self->review_section, body);
  report = g_new0 (Report, 1);
  report->story = lede_check_story_new (self->article, body, NULL);
  lede_check_story_set_style (report->story, self->style);
  /* Read each time: a revision kept, a wording accepted, changes it. */
  load_quote_baseline (self);
  lede_check_story_set_quote_baseline (report->story, (const char * const *)self->quote_baseline);

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

/* Building the sections */

static void
give_sections_article (LedeMetadataPanel *self)
{
  if (self->scroller == NULL)
    return;
  lede_story_fields_set_article (self->story_fields, self->article);
  lede_note_section_set_article (self->note_section, self->article);
  lede_desk_section_set_article (self->desk_section, self->article);
  lede_photo_section_set_article (self->photo_section, self->article);
  lede_tag_chips_set_article (self->tag_chips_section, self->article);
  lede_sources_section_set_article (self->sources_section, self->article);
  lede_posts_section_set_article (self->posts_section, self->article);
}

static void
give_sections_library (LedeMetadataPanel *self)
{
  if (self->scroller == NULL)
    return;
  lede_story_fields_set_library (self->story_fields, self->library);
  lede_tag_chips_set_library (self->tag_chips_section, self->library);
  lede_sources_section_set_library (self->sources_section, self->library);
  lede_photo_section_set_library (self->photo_section, self->library);
  lede_posts_section_set_library (self->posts_section, self->library);
}

/* The speller is handed over once (the fields watch the standfirst with
 * it: each hand-over connects anew); whether to check, and the note, at
 * every change. */
static void
give_fields_speller (LedeMetadataPanel *self)
{
  if (self->scroller != NULL && self->speller != NULL)
    lede_story_fields_set_speller (self->story_fields, self->speller);
}

static void
give_fields_spelling (LedeMetadataPanel *self)
{
  if (self->scroller == NULL)
    return;
  if (self->spelling_enabled >= 0)
    lede_story_fields_check_spelling (self->story_fields, self->spelling_enabled);
  lede_story_fields_set_spelling_note (self->story_fields, self->spelling_note);
}

static gpointer
built_child (GtkBuilder *builder,
             const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  g_assert (object != NULL);
  return object;
}

static void
ensure_sections (LedeMetadataPanel *self)
{
  g_autoptr (GtkBuilderScope) scope = NULL;
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;

  if (self->scroller != NULL || self->disposed)
    return;
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "finding_activated_cb", G_CALLBACK (finding_activated_cb),
                                           "fix_activated_cb", G_CALLBACK (fix_activated_cb),
                                           "accept_activated_cb", G_CALLBACK (accept_activated_cb),
                                           /* A source linked, unlinked or edited: check the quotations again now. */
                                           "lede_metadata_panel_refresh", G_CALLBACK (lede_metadata_panel_refresh),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* Handlers marked swapped get the panel. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, LEDE_RESOURCE_PATH "/lede-metadata-panel.ui", &error))
    g_error ("%s", error->message);  /* Lede's own resource: never at run time */

  self->scroller = built_child (builder, "scroller");
  self->story_fields = built_child (builder, "story_fields");
  self->counts_section = built_child (builder, "counts_section");
  self->tag_chips_section = built_child (builder, "tag_chips_section");
  self->sources_section = built_child (builder, "sources_section");
  self->checks_section = built_child (builder, "checks_section");
  self->note_section = built_child (builder, "note_section");
  self->desk_section = built_child (builder, "desk_section");
  self->photo_section = built_child (builder, "photo_section");
  self->review_section = built_child (builder, "review_section");
  self->posts_section = built_child (builder, "posts_section");
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  give_sections_library (self);
  give_sections_article (self);
  give_fields_speller (self);
  give_fields_spelling (self);
  g_signal_emit (self, signals [BUILT], 0);
  load_article (self);
}

static void
lede_metadata_panel_map (GtkWidget *widget)
{
  ensure_sections (LEDE_METADATA_PANEL (widget));
  GTK_WIDGET_CLASS (lede_metadata_panel_parent_class)->map (widget);
}

/* Loading a story */

static void
load_article (LedeMetadataPanel *self)
{
  if (self->scroller == NULL)
    return;
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
  give_sections_article (self);
  g_signal_group_set_target (self->article_signals, article);
  load_article (self);
}

void
lede_metadata_panel_set_library (LedeMetadataPanel *self,
                                 LedeLibrary       *library)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  g_set_object (&self->library, library);
  give_sections_library (self);
  load_article (self);
}

/**
 * lede_metadata_panel_set_style:
 * @style: (nullable): the desk's house style, which the checks apply
 */
void
lede_metadata_panel_set_style (LedeMetadataPanel *self,
                               LedeStyle         *style)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));

  if (style)
    lede_style_ref (style);
  g_clear_pointer (&self->style, lede_style_unref);
  self->style = style;
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
  ensure_sections (self);
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
  ensure_sections (self);
  return lede_sources_section_add_source (self->sources_section, name);
}

/* Returns: (transfer none) (element-type LedeQuote): the body's quotations, as last checked */
GPtrArray *
lede_metadata_panel_get_quotes (LedeMetadataPanel *self)
{
  return self->quotes;
}

/* Returns: (transfer none) (element-type LedeFinding): what the checks last found */
GPtrArray *
lede_metadata_panel_get_findings (LedeMetadataPanel *self)
{
  return self->findings;
}

/* Returns: the warnings shown under the fields, one a line, or "" */
const char *
lede_metadata_panel_get_hints (LedeMetadataPanel *self)
{
  ensure_sections (self);
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
  g_free (self->spelling_note);
  self->spelling_note = g_strdup (note);
  give_fields_spelling (self);
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
  if (!g_set_object (&self->speller, speller))
    return;
  give_fields_speller (self);
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
  self->spelling_enabled = enabled != FALSE;
  give_fields_spelling (self);
}

static void
lede_metadata_panel_dispose (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_counting (self);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->body_signals);
  g_clear_object (&self->library);
  g_clear_pointer (&self->quote_baseline, g_strfreev);
  g_clear_object (&self->speller);
  /* The sections go with the scroller that holds them; none is built
   * again for a getter called late (an idle's Ctrl+T). */
  self->disposed = TRUE;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->story_fields = NULL;
  self->counts_section = NULL;
  self->tag_chips_section = NULL;
  self->sources_section = NULL;
  self->checks_section = NULL;
  self->note_section = NULL;
  self->desk_section = NULL;
  self->photo_section = NULL;
  self->review_section = NULL;
  self->posts_section = NULL;
  G_OBJECT_CLASS (lede_metadata_panel_parent_class)->dispose (object);
}

static void
lede_metadata_panel_finalize (GObject *object)
{
  LedeMetadataPanel *self = LEDE_METADATA_PANEL (object);

  g_clear_object (&self->article);
  g_clear_object (&self->body);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->style, lede_style_unref);
  g_free (self->spelling_note);
  G_OBJECT_CLASS (lede_metadata_panel_parent_class)->finalize (object);
}

static void
lede_metadata_panel_class_init (LedeMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_metadata_panel_dispose;
  object_class->finalize = lede_metadata_panel_finalize;
  widget_class->map = lede_metadata_panel_map;

  /**
   * LedeMetadataPanel::finding-activated:
   * @finding: a finding in the body, chosen in the Checks section
   */
  signals [FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, LEDE_TYPE_FINDING);

  /**
   * LedeMetadataPanel::fix-wanted:
   * @finding: a house style finding in the body or headline whose fix the
   *   writer asked for
   */
  signals [FIX_WANTED] = g_signal_new ("fix-wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LEDE_TYPE_FINDING);

  /**
   * LedeMetadataPanel::built:
   *
   * The sections are there, once a panel: the first time it is shown or
   * one of them is asked for.
   */
  signals [BUILT] = g_signal_new ("built", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The sections' file names their types, so they must exist first. */
  g_type_ensure (LEDE_TYPE_STORY_FIELDS);
  g_type_ensure (LEDE_TYPE_COUNTS_SECTION);
  g_type_ensure (LEDE_TYPE_TAG_CHIPS);
  g_type_ensure (LEDE_TYPE_SOURCES_SECTION);
  g_type_ensure (LEDE_TYPE_NOTE_SECTION);
  g_type_ensure (LEDE_TYPE_DESK_SECTION);
  g_type_ensure (LEDE_TYPE_PHOTO_SECTION);
  g_type_ensure (LEDE_TYPE_CHECKS_SECTION);
  g_type_ensure (LEDE_TYPE_REVIEW_SECTION);
  g_type_ensure (LEDE_TYPE_POSTS_SECTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledemetadatapanel");
}

static void
lede_metadata_panel_init (LedeMetadataPanel *self)
{
  static const char * const checked[] = {
    "notify::headline", "notify::standfirst", "notify::slug", "notify::byline", "notify::status",
    "notify::word-goal", "notify::embargo", "notify::tags", "notify::published",
  };

  self->spelling_enabled = -1;
  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  /* Everything the checks read. */
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    g_signal_group_connect_object (self->article_signals, checked[i], G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);

  self->body_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->body_signals, "changed", G_CALLBACK (refresh_later), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  load_article (self);
}

/* Ctrl+T: the keyboard goes to the tag entry. */
void
lede_metadata_panel_focus_tags (LedeMetadataPanel *self)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));
  ensure_sections (self);
  lede_tag_chips_focus (self->tag_chips_section);
}

/**
 * lede_metadata_panel_show_posts:
 *
 * Reads the story's posts on publishing sites again (after a publish).
 */
void
lede_metadata_panel_show_posts (LedeMetadataPanel *self)
{
  g_return_if_fail (LEDE_IS_METADATA_PANEL (self));
  /* Sections built later read the posts then. */
  if (self->scroller != NULL)
    lede_posts_section_refresh (self->posts_section);
}

/* Whether the sections are there (LedeMetadataPanel::built was emitted). */
gboolean
lede_metadata_panel_is_built (LedeMetadataPanel *self)
{
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), FALSE);
  return self->scroller != NULL;
}

/**
 * lede_metadata_panel_get_review_section:
 *
 * Returns: (transfer none): the section listing the story's suggestions
 *   and comments, whose answers the window carries out
 */
LedeReviewSection *
lede_metadata_panel_get_review_section (LedeMetadataPanel *self)
{
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), NULL);
  ensure_sections (self);
  return self->review_section;
}

/**
 * lede_metadata_panel_get_story_fields:
 *
 * Returns: (transfer none): the story's one-line fields
 */
LedeStoryFields *
lede_metadata_panel_get_story_fields (LedeMetadataPanel *self)
{
  g_return_val_if_fail (LEDE_IS_METADATA_PANEL (self), NULL);
  ensure_sections (self);
  return self->story_fields;
}
