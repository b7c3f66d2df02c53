/* lede-story-fields.c: the panel's one-line fields of the open story, and
 * the warnings under them.
 *
 * The fields are bound to the article both ways, so they are saved by the
 * same autosave as the body (the editor reports any property change). The
 * slug, the status and the two times are not bound: each has a rule of its
 * own (a slug follows the headline, publishing sets a time, a time must
 * parse before it is kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-story-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lede-review.h"
#include "lede-slug.h"
#include "lede-spell-checker.h"
#include "lede-story-fields.h"
#include "lede-time.h"
#include "lede-time-picker.h"
#include "lede-field-suggester.h"


struct _LedeStoryFields
{
  GtkWidget      parent_instance;

  AdwEntryRow   *headline_row;
  AdwEntryRow   *standfirst_row;
  AdwEntryRow   *slug_row;
  AdwEntryRow   *byline_row;
  AdwEntryRow   *dateline_row;
  AdwEntryRow   *section_row;
  AdwComboRow   *status_row;
  GtkLabel      *status_dot;
  AdwEntryRow   *language_row;
  AdwEntryRow   *embargo_row;
  AdwEntryRow   *published_row;
  GtkSpinButton *word_goal_spin;
  GtkLabel      *hints_label;

  LedeLibrary   *library;
  LedeArticle   *article;
  GBindingGroup *bindings;
  GSignalGroup  *article_signals;
  char          *spelling_note;  /* no dictionary for the language */
  char          *embargo_error;
  char          *published_error;
  char          *status_error;   /* Published refused while under embargo */
  char          *hints;
  gboolean       slug_auto;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (LedeStoryFields, lede_story_fields, GTK_TYPE_WIDGET)

static gint64
article_id (LedeStoryFields *self)
{
  return self->article ? lede_article_get_id (self->article) : 0;
}

/* Times are shown and typed in local time; the library keeps UTC. */
/* What the time rows take, by example: 09:30 here, @days from today.
 * The embargo's is tomorrow, so that an example copied is an embargo still
 * to come; a date that has passed would read as the wrong thing to type. */
static char *
example_time (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr (GDateTime) example = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day), 9, 30, 0);

  return lede_time_format_local (example);
}

/* The embargo's example is tomorrow; a published time's, today. */
#define EMBARGO_EXAMPLE_DAYS 1
#define PUBLISHED_EXAMPLE_DAYS 0

/**
 * lede_story_fields_update_hints:
 *
 * Works out the warnings under the fields again: some change with time
 * (an embargo passing) or with other stories (a slug taken since).
 */
void
lede_story_fields_update_hints (LedeStoryFields *self)
{
  g_autoptr (GString) hints = g_string_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *owner = NULL;
  g_autofree char *embargo_example = example_time (EMBARGO_EXAMPLE_DAYS);
  g_autofree char *published_example = example_time (PUBLISHED_EXAMPLE_DAYS);
  g_autofree char *embargo_tip = NULL;
  g_autofree char *published_tip = NULL;
  const char *language;

  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  /* The examples move on with the days, as this runs again. */
  embargo_tip = g_strdup_printf (_("In local time, for example %s"), embargo_example);
  published_tip = g_strdup_printf (_("In local time, for example %s"), published_example);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->embargo_row), embargo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->published_row), published_tip);
  if (self->article == NULL)
    return;

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
  if (self->status_error)
    g_string_append_printf (hints, "%s\n", self->status_error);

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

/**
 * lede_story_fields_focus:
 * @field: the field a check's finding is about
 * @offset: where in it, in characters
 * @length: how much to select, in characters
 *
 * Gives @field the keyboard, with what the finding is about selected.
 */
void
lede_story_fields_focus (LedeStoryFields *self,
                         LedeField        field,
                         guint            offset,
                         guint            length)
{
  GtkWidget *row = NULL;

  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  switch (field)
    {
    case LEDE_FIELD_HEADLINE:
      row = GTK_WIDGET (self->headline_row);
      break;
    case LEDE_FIELD_STANDFIRST:
      row = GTK_WIDGET (self->standfirst_row);
      break;
    case LEDE_FIELD_SLUG:
      row = GTK_WIDGET (self->slug_row);
      break;
    case LEDE_FIELD_BYLINE:
      row = GTK_WIDGET (self->byline_row);
      break;
    case LEDE_FIELD_EMBARGO:
      row = GTK_WIDGET (self->embargo_row);
      break;
    case LEDE_FIELD_WORD_GOAL:
      gtk_widget_grab_focus (GTK_WIDGET (self->word_goal_spin));
      return;
    default:
      return;
    }
  gtk_widget_grab_focus (row);
  if (length > 0)
    gtk_editable_select_region (GTK_EDITABLE (row), offset, offset + length);
}

/* Returns: the warnings shown under the fields, one a line, or "" */
const char *
lede_story_fields_get_hints (LedeStoryFields *self)
{
  g_return_val_if_fail (LEDE_IS_STORY_FIELDS (self), "");
  return self->hints ? self->hints : "";
}

/* Slug */

/* Shows @text in a row with an apply button, as applied: a row that shows
 * what was applied (the slug made clean, a time written out) offers no
 * apply button again, which it would when its text is set while focused. */
static void
show_in_row (AdwEntryRow *row,
             const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
show_slug (LedeStoryFields *self)
{
  show_in_row (self->slug_row, lede_article_get_slug (self->article));
}

static void
make_slug_from_headline (LedeStoryFields *self)
{
  g_autofree char *headline = lede_review_dup_accepted (lede_article_get_headline (self->article));
  g_autofree char *base = lede_slug_from_text (headline);
  g_autofree char *slug = NULL;

  slug = self->library ? lede_library_make_unique_slug (self->library, base, article_id (self)) : g_strdup (base);
  lede_article_set_slug (self->article, slug);
  show_slug (self);
}

/* A published story's page lives at its slug: it follows the headline no
 * more, and changing it is asked about, since links to the page break. */
static gboolean
is_published (LedeStoryFields *self)
{
  return lede_article_get_status (self->article) == LEDE_ARTICLE_STATUS_PUBLISHED;
}

static void
apply_slug (LedeStoryFields *self,
            const char      *slug)
{
  /* Emptied by hand: back to following the headline. */
  self->slug_auto = *slug == '\0';
  if (self->slug_auto)
    make_slug_from_headline (self);
  else
    {
      lede_article_set_slug (self->article, slug);
      show_slug (self);
    }
  lede_story_fields_update_hints (self);
}

static void
on_change_slug_response (AdwMessageDialog *dialog,
                         const char       *response,
                         LedeStoryFields  *self)
{
  g_autofree char *slug = g_strdup (g_object_get_data (G_OBJECT (dialog), "slug"));

  g_signal_handlers_disconnect_by_data (dialog, self);
  if (self->article == NULL)
    return;
  if (g_str_equal (response, "change"))
    apply_slug (self, slug);
  else
    show_slug (self);
}

static void
change_slug (LedeStoryFields *self,
             const char      *slug)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (!is_published (self))
    {
      apply_slug (self, slug);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change the Slug of a Published Story?"),
                                   _("The story’s page is published at its slug. The next export or publication "
                                     "goes to a new address: links to the old page break, and the old page stays "
                                     "where it is until it is taken down."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("_Change Slug"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (slug), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_change_slug_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
slug_applied_cb (LedeStoryFields *self)
{
  g_autofree char *slug = lede_slug_from_text (gtk_editable_get_text (GTK_EDITABLE (self->slug_row)));

  if (self->article == NULL || g_strcmp0 (slug, lede_article_get_slug (self->article)) == 0)
    return;
  change_slug (self, slug);
}

static void
slug_auto_clicked_cb (LedeStoryFields *self)
{
  if (self->article == NULL)
    return;
  change_slug (self, "");
}

static void
on_headline_changed (LedeStoryFields *self)
{
  if (self->loading)
    return;
  if (self->slug_auto && !is_published (self))
    make_slug_from_headline (self);
}

/* Status and times */

static void on_status_changed (LedeStoryFields *self);

static void
status_selected_cb (LedeStoryFields *self)
{
  LedeArticleStatus status = adw_combo_row_get_selected (self->status_row);

  if (self->loading || self->article == NULL || status == lede_article_get_status (self->article))
    return;
  /* Marked published before its embargo lifts, a story would say it is
   * out when it may not be: refused, and said why. */
  g_clear_pointer (&self->status_error, g_free);
  if (status == LEDE_ARTICLE_STATUS_PUBLISHED && lede_article_is_under_embargo (self->article, NULL))
    {
      g_autofree char *until = lede_time_format_local (lede_article_get_embargo (self->article));

      self->status_error = g_strdup_printf (_("The story is under embargo until %s: it cannot be marked "
                                              "Published before then. Change the embargo first."), until);
      on_status_changed (self);
      lede_story_fields_update_hints (self);
      return;
    }
  lede_story_fields_update_hints (self);
  lede_article_set_status (self->article, status);
  /* Published now, unless a time was given already. */
  if (status == LEDE_ARTICLE_STATUS_PUBLISHED && lede_article_get_published (self->article) == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      lede_article_set_published (self->article, now);
    }
}

/* The sidebar's colours (style.css), on the dot before the status. */
static void
show_status_colour (LedeStoryFields *self)
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
on_status_changed (LedeStoryFields *self)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, lede_article_get_status (self->article));
  self->loading = FALSE;
  show_status_colour (self);
}

static void
show_times (LedeStoryFields *self)
{
  g_autofree char *embargo = lede_time_format_local (lede_article_get_embargo (self->article));
  g_autofree char *published = lede_time_format_local (lede_article_get_published (self->article));

  show_in_row (self->embargo_row, embargo);
  show_in_row (self->published_row, published);
}

/* An unreadable time is refused in words and nothing is saved. */
static gboolean
apply_time (LedeStoryFields  *self,
            AdwEntryRow      *row,
            char            **error_out,
            int               example_days,
            void            (*set) (LedeArticle *, GDateTime *))
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *example = example_time (example_days);
  g_autoptr (GDateTime) time = NULL;

  g_clear_pointer (error_out, g_free);
  if (*text != '\0' && !(time = lede_time_parse_local (text)))
    {
      *error_out = g_strdup_printf (_("“%s” is not a date and time: write it as %s. Nothing was changed."),
                                    text, example);
      lede_story_fields_update_hints (self);
      return FALSE;
    }
  set (self->article, time);
  lede_story_fields_update_hints (self);
  return TRUE;
}

static void
embargo_applied_cb (LedeStoryFields *self)
{
  if (self->article && apply_time (self, self->embargo_row, &self->embargo_error, EMBARGO_EXAMPLE_DAYS,
                                    lede_article_set_embargo))
    show_times (self);
}

static void
published_applied_cb (LedeStoryFields *self)
{
  if (self->article && apply_time (self, self->published_row, &self->published_error, PUBLISHED_EXAMPLE_DAYS,
                                    lede_article_set_published))
    show_times (self);
}

/* Loading a story */

static void
load_article (LedeStoryFields *self)
{
  g_autofree char *from_headline = NULL;
  g_autofree char *headline = NULL;
  const char *slug;

  g_clear_pointer (&self->embargo_error, g_free);
  g_clear_pointer (&self->published_error, g_free);
  g_clear_pointer (&self->status_error, g_free);
  if (self->article == NULL)
    return;

  self->loading = TRUE;
  headline = lede_review_dup_accepted (lede_article_get_headline (self->article));
  from_headline = lede_slug_from_text (headline);
  slug = lede_article_get_slug (self->article);
  /* A slug made from the headline (perhaps with -2 on it) keeps following it. */
  self->slug_auto = *slug == '\0' || (*from_headline && g_str_has_prefix (slug, from_headline));
  show_slug (self);
  adw_combo_row_set_selected (self->status_row, lede_article_get_status (self->article));
  show_status_colour (self);
  show_times (self);
  self->loading = FALSE;
}

void
lede_story_fields_set_article (LedeStoryFields *self,
                               LedeArticle     *article)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  if (self->article == article)
    return;
  /* Everything follows the new story at once, before any edit can land. */
  self->loading = TRUE;
  g_set_object (&self->article, article);
  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);
  self->loading = FALSE;
  load_article (self);
}

void
lede_story_fields_set_library (LedeStoryFields *self,
                               LedeLibrary     *library)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  g_set_object (&self->library, library);
  load_article (self);
}

/**
 * lede_story_fields_set_spelling_note:
 * @note: (nullable): why no word is marked (no dictionary), or %NULL
 */
void
lede_story_fields_set_spelling_note (LedeStoryFields *self,
                                     const char      *note)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  if (g_strcmp0 (self->spelling_note, note) == 0)
    return;
  g_free (self->spelling_note);
  self->spelling_note = g_strdup (note);
  lede_story_fields_update_hints (self);
}

/**
 * lede_story_fields_set_speller:
 *
 * Underlines misspelt words in the standfirst with @speller.
 */
void
lede_story_fields_set_speller (LedeStoryFields *self,
                               LedeSpeller     *speller)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));
  lede_spell_checker_watch_entry (GTK_EDITABLE (self->standfirst_row), speller);
}

/**
 * lede_story_fields_check_spelling:
 * @enabled: whether spelling is checked at all (F7)
 */
void
lede_story_fields_check_spelling (LedeStoryFields *self,
                                  gboolean         enabled)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));
  lede_spell_checker_check_entry (GTK_EDITABLE (self->standfirst_row), enabled);
}

static void
lede_story_fields_dispose (GObject *object)
{
  LedeStoryFields *self = LEDE_STORY_FIELDS (object);
  GtkWidget *child;

  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_STORY_FIELDS);
  /* The template's unnamed outer box is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_story_fields_parent_class)->dispose (object);
}

static void
lede_story_fields_finalize (GObject *object)
{
  LedeStoryFields *self = LEDE_STORY_FIELDS (object);

  g_clear_object (&self->library);
  g_clear_object (&self->article);
  g_free (self->spelling_note);
  g_free (self->embargo_error);
  g_free (self->published_error);
  g_free (self->status_error);
  g_free (self->hints);
  G_OBJECT_CLASS (lede_story_fields_parent_class)->finalize (object);
}

static void
lede_story_fields_class_init (LedeStoryFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_story_fields_dispose;
  object_class->finalize = lede_story_fields_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-story-fields.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, LedeStoryFields, name)
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
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, slug_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, slug_auto_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, embargo_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, published_applied_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_story_fields_init (LedeStoryFields *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* An embargo is offered for the morning to come; a published time now. */
  lede_time_picker_attach (self->embargo_row, 9, 30);
  lede_time_picker_attach (self->published_row, -1, -1);

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
  g_signal_group_connect_object (self->article_signals, "notify::language", G_CALLBACK (lede_story_fields_update_hints), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::published", G_CALLBACK (show_times), self, G_CONNECT_SWAPPED);
}

static GObject *
get_story (gpointer owner)
{
  return G_OBJECT (((LedeStoryFields *)owner)->article);
}

/**
 * lede_story_fields_watch_suggestions:
 * @func: makes an edit of the headline or the standfirst a suggestion
 *
 * While suggesting, the headline and the standfirst take suggestions.
 */
void
lede_story_fields_watch_suggestions (LedeStoryFields *self,
                                     LedeSuggestFunc  func,
                                     gpointer         data)
{
  g_return_if_fail (LEDE_IS_STORY_FIELDS (self));

  lede_field_suggester_watch (self->headline_row, get_story, self, "headline", func, data);
  lede_field_suggester_watch (self->standfirst_row, get_story, self, "standfirst", func, data);
}
