/* lede-editor.c: the headline and Markdown body of one story.
 *
 * The headline is bound to the article both ways. The body is not: copying
 * a long story into the article on every keystroke would put a full copy on
 * the typing path, so the buffer is copied into the article only when it is
 * about to be saved (lede_editor_commit()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include <adwaita.h>

#include "lede-graf-renderer.h"
#include "lede-text-paragraph.h"

#include "lede-editor-private.h"
#include "lede-memory.h"

/* The body stays a readable column (of line-length characters), however
 * wide the window. */
#define MIN_MARGIN   32
/* Graf numbers stand this far (and the renderer's own padding) left of the
 * column, in a gutter at least wide enough for four digits. */
#define GRAF_GAP       10
#define GRAF_MIN_WIDTH 40
/* Narrower than this, the headline is set smaller. */
#define NARROW_WIDTH 520
/* The sizes the stylesheet gives, before the writer's font and zoom. */
#define BODY_POINTS      12.5
#define HEADLINE_RATIO   (17.0 / 12.5)
/* An average character of text type is about this much of its size. */
#define CHAR_WIDTH_RATIO 0.55

G_DEFINE_FINAL_TYPE (LedeEditor, lede_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

enum {
  CHANGED,
  TOP_LINE_CHANGED,
  ADD_WORD,
  DICTIONARY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
lede_editor_clear_highlight (LedeEditor    *self,
                             GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!self->highlighted)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  self->highlighted = FALSE;
}

static void
on_body_changed (LedeEditor    *self,
                 GtkTextBuffer *buffer)
{
  if (self->loading)
    return;
  /* The words a search found are marked until the next edit. */
  lede_editor_clear_highlight (self, buffer);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* Any field the user edits counts as a change to save; the times and ids
 * that saving itself sets do not, or every save would cause another. */
static void
on_article_notify (LedeEditor  *self,
                   GParamSpec  *pspec,
                   LedeArticle *article)
{
  static const char * const not_edits[] = { "id", "uuid", "created", "updated", "trashed", NULL };

  if (g_str_equal (pspec->name, "language") && self->speller != NULL)
    lede_editor_check_spelling (self);
  if (self->loading || g_strv_contains (not_edits, pspec->name))
    return;
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
update_placeholder (LedeEditor *self)
{
  gtk_widget_set_visible (self->headline_placeholder,
                          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->headline_view)) == 0);
}

/* The headline is one paragraph: Enter goes on to the body, and line breaks
 * or tabs pasted into it become spaces. */
static void
on_headline_insert (LedeEditor    *self,
                    GtkTextIter   *where,
                    const char    *text,
                    int            length,
                    GtkTextBuffer *buffer)
{
  g_autofree char *flat = NULL;

  if (strcspn (text, "\r\n\t") >= (gsize)length)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (g_str_equal (text, "\n") || g_str_equal (text, "\r\n"))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
      return;
    }
  flat = g_strdelimit (g_strndup (text, length), "\r\n\t", ' ');
  g_signal_handlers_block_by_func (buffer, on_headline_insert, self);
  gtk_text_buffer_insert (buffer, where, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, on_headline_insert, self);
}

static void
on_scrolled (LedeEditor    *self,
             GtkAdjustment *vadjustment)
{
  if (!self->following && !self->loading)
    g_signal_emit (self, signals [TOP_LINE_CHANGED], 0, lede_editor_get_top_line (self));
}

/* GtkSourceView styles what it has parsed only when it draws it. Bold and
 * italic text rewraps, so the body's height would change while it is
 * drawn, after its scrollbar was placed, and GTK 4.8 then draws a
 * scrollbar with no size ("Trying to snapshot GtkGizmo without a current
 * allocation"). So what is on screen, and a screen above and below it, is
 * styled before GTK draws it: as soon as it is parsed, and before each
 * frame for text the view has just brought in (a wider window, a scroll).
 * Only parsed text: styling text not yet parsed would make GtkSourceView
 * parse all of a long story before it at once. Nor all of a long story:
 * every other tag on it (the spell check's) would be twice as slow.
 *
 * Returns: whether a tag was put on or taken off */
static void
on_tag_changed (LedeEditor *self)
{
  self->restyled = TRUE;
}

static gboolean
style_near_view (LedeEditor        *self,
                 const GtkTextIter *start,
                 const GtkTextIter *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  GtkTextBuffer *buffer;
  GdkRectangle visible;
  GtkTextIter from, to;
  gulong applied, removed;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &from, MAX (0, visible.y - visible.height), NULL);
  gtk_text_view_get_line_at_y (view, &to, visible.y + 2 * visible.height, NULL);
  gtk_text_iter_forward_line (&to);
  if (gtk_text_iter_compare (start, &from) > 0)
    from = *start;
  if (gtk_text_iter_compare (end, &to) < 0)
    to = *end;
  if (gtk_text_iter_compare (&from, &to) >= 0)
    return FALSE;
  /* Listened to only meanwhile: a handler on every tag change would slow
   * the spell check's many. */
  buffer = gtk_text_view_get_buffer (view);
  applied = g_signal_connect_swapped (buffer, "apply-tag", G_CALLBACK (on_tag_changed), self);
  removed = g_signal_connect_swapped (buffer, "remove-tag", G_CALLBACK (on_tag_changed), self);
  self->tagging = TRUE;
  self->restyled = FALSE;
  gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (buffer), &from, &to);
  self->tagging = FALSE;
  g_signal_handler_disconnect (buffer, applied);
  g_signal_handler_disconnect (buffer, removed);
  return self->restyled;
}

/* Just parsed: styled now, outside any frame. (This re-enters the syntax
 * engine from its own signal, which GtkSourceView 5.6 emits as the last
 * thing it does; `tagging` keeps it from going round.) */
static void
on_highlight_updated (LedeEditor      *self,
                      GtkTextIter     *start,
                      GtkTextIter     *end,
                      GtkSourceBuffer *buffer)
{
  if (self->tagging)
    return;
  self->parsed_end = MAX (self->parsed_end, gtk_text_iter_get_offset (end));
  style_near_view (self, start, end);
}

/* Before each frame is laid out: text the view has brought in, styled,
 * has the body measured again during the layout. Only when the view moved
 * or changed size: typing is styled as it is parsed. */
static void
on_before_paint (GdkFrameClock *clock,
                 LedeEditor    *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  GtkTextIter start, parsed;
  GdkRectangle visible;

  if (lede_editor_restyle_review (self))
    {
      gtk_widget_queue_resize (GTK_WIDGET (self->body_view));
      gtk_widget_queue_resize (GTK_WIDGET (self->headline_view));
    }
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->body_view), &visible);
  if (self->parsed_end == 0 || gdk_rectangle_equal (&visible, &self->styled_view))
    return;
  self->styled_view = visible;
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_offset (buffer, &parsed, self->parsed_end);
  if (style_near_view (self, &start, &parsed))
    gtk_widget_queue_resize (GTK_WIDGET (self->body_view));
}

static void
on_map (LedeEditor *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "before-paint",
                           G_CALLBACK (on_before_paint), self, 0);
}

static void
on_unmap (LedeEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, on_before_paint, self);
}

static void
update_style_scheme (LedeEditor *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  const char *id = adw_style_manager_get_dark (style) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static gboolean
restyle_headline (gpointer data)
{
  LedeEditor *self = data;

  self->narrow_id = 0;
  self->narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;
  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self->headline_view), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->headline_view), "narrow");
  return G_SOURCE_REMOVE;
}

static gboolean
fit_headline (gpointer data)
{
  LedeEditor *self = data;

  self->headline_fit_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->headline_view));
  return G_SOURCE_REMOVE;
}

/* The graf numbers' gutter reaches from the editor's edge to just short
 * of the column, so the numbers stand beside the text, not at the edge.
 * Its width is a widget's size: changed after an allocation, never
 * during it, and before the next frame. */
static gboolean
fit_graf_gutter (gpointer data)
{
  LedeEditor *self = data;

  self->graf_gutter_id = 0;
  self->graf_width = MAX (GRAF_MIN_WIDTH, self->margin - GRAF_GAP);
  gtk_widget_set_size_request (GTK_WIDGET (self->grafs), self->graf_width, -1);
  return G_SOURCE_REMOVE;
}

/* The gutter's width now: the renderer's, and whatever the gutter adds. */
static int
graf_gutter_width (LedeEditor *self)
{
  GtkWidget *gutter = GTK_WIDGET (gtk_source_view_get_gutter (self->body_view, GTK_TEXT_WINDOW_LEFT));
  int width = 0;

  gtk_widget_measure (gutter, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static void
lede_editor_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  LedeEditor *self = LEDE_EDITOR (widget);
  int margin = MAX (MIN_MARGIN, (width - self->column_width) / 2);
  GtkTextView *view = GTK_TEXT_VIEW (self->body_view);
  int indent = margin, body_left = margin;

  /* A narrow column takes a smaller headline: a long one would stand
   * seven lines tall. Restyled after this allocation, not during it, and
   * before the next frame (frames come before idles of default priority). */
  if ((width < NARROW_WIDTH) != self->narrow && self->narrow_id == 0)
    self->narrow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restyle_headline, self, NULL);

  /* With graf numbers, the column starts where it would without them (or
   * just past the gutter, where the window is too narrow for both), and
   * the headline keeps in line with the body. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->grafs)))
    {
      int gutter = graf_gutter_width (self);

      body_left = MAX (GRAF_GAP, margin - gutter);
      indent = gutter + body_left;
      if (MAX (GRAF_MIN_WIDTH, margin - GRAF_GAP) != self->graf_width && self->graf_gutter_id == 0)
        self->graf_gutter_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_graf_gutter, self, NULL);
    }

  /* Only set on change: a text view relayouts all its text on a new margin. */
  if (self->margin != margin || self->indent != indent || self->body_left != body_left)
    {
      self->margin = margin;
      self->indent = indent;
      self->body_left = body_left;
      gtk_text_view_set_left_margin (view, body_left);
      gtk_text_view_set_right_margin (view, margin);
      gtk_text_view_set_left_margin (self->headline_view, indent);
      gtk_text_view_set_right_margin (self->headline_view, margin);
      gtk_widget_set_margin_start (self->headline_placeholder, indent);
      /* A text view does not measure itself again on a new margin: until
       * asked to, it would still ask for the old margins' width. */
      gtk_widget_queue_resize (GTK_WIDGET (view));
      gtk_widget_queue_resize (GTK_WIDGET (self->headline_view));
    }

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);

  /* The headline is measured before it is laid out at its new width or
   * size, and GTK 4.8 does not ask again once it is: a headline rewrapped
   * to fewer lines would keep a gap under it, or one to more lines be cut.
   * Measured again after this allocation, not during it. */
  if (self->headline_fit_id == 0 && gtk_widget_get_mapped (widget))
    {
      GtkWidget *headline = GTK_WIDGET (self->headline_view);
      int minimum = 0, wanted = 0, baseline_minimum = -1, baseline_wanted = -1;

      /* Asked of the text view itself: gtk_widget_measure() would answer
       * with what it measured before this allocation. */
      GTK_WIDGET_GET_CLASS (headline)->measure (headline, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (headline),
                                                &minimum, &wanted, &baseline_minimum, &baseline_wanted);
      /* Once per height until it fits: a window too short for the whole
       * headline must not have it asked for again at every frame. */
      if (wanted == gtk_widget_get_height (GTK_WIDGET (self->headline_view)))
        self->headline_asked = -1;
      else if (wanted != self->headline_asked)
        {
          self->headline_asked = wanted;
          self->headline_fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_headline, self, NULL);
        }
    }
}

/* Measured like a bin: the editor's size is its one child's. There is no
 * layout manager, because with one GTK would never call size_allocate. */
static void
lede_editor_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LedeEditor *self = LEDE_EDITOR (widget);
  int least_indent, excess, find_bar = 0;

  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;

  /* A text view asks for its margins, and the margins that centre the
   * column grow with the editor: asked for as they are, a wide editor
   * could never be made narrow again (the split's divider would be held
   * where focus mode or Write left it, the panel kept over the story).
   * What the editor needs is the column at its least margins, and room
   * for the find bar. */
  least_indent = MIN_MARGIN;
  if (gtk_widget_get_visible (GTK_WIDGET (self->grafs)))
    least_indent = GRAF_GAP + graf_gutter_width (self) - (self->graf_width - GRAF_MIN_WIDTH);
  excess = self->indent + self->margin - (least_indent + MIN_MARGIN);
  if (excess <= 0)
    return;
  gtk_widget_measure (GTK_WIDGET (self->find_revealer), orientation, for_size, &find_bar, NULL, NULL, NULL);
  *minimum = MAX (*minimum - excess, find_bar);
  *natural = MAX (*natural - excess, *minimum);
}

static void
lede_editor_dispose (GObject *object)
{
  GtkWidget *child;
  LedeEditor *self = (LedeEditor *)object;

  g_clear_handle_id (&self->language_id, g_source_remove);
  g_clear_object (&self->look);
  g_clear_handle_id (&self->narrow_id, g_source_remove);
  g_clear_handle_id (&self->headline_fit_id, g_source_remove);
  g_clear_handle_id (&self->graf_gutter_id, g_source_remove);
  lede_editor_dispose_photos (self);
  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  g_clear_pointer (&self->changed_from, g_free);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_object (&self->field_buffer);
  g_clear_object (&self->review_menu);
  g_clear_object (&self->headline_checker);
  g_clear_object (&self->body_checker);
  g_clear_object (&self->speller);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_EDITOR);
  /* The template's unnamed outer box is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lede_editor_parent_class)->dispose (object);
}

static void
lede_editor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LedeEditor *self = LEDE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_editor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LedeEditor *self = LEDE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      lede_editor_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_editor_class_init (LedeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_editor_dispose;
  object_class->get_property = lede_editor_get_property;
  object_class->set_property = lede_editor_set_property;
  widget_class->size_allocate = lede_editor_size_allocate;
  widget_class->measure = lede_editor_measure;

  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, LEDE_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedeEditor::changed:
   *
   * The user changed the story: its body or any of its fields.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LedeEditor::top-line-changed:
   * @line: the source line now at the top of the editor, from 1
   *
   * The user scrolled the body, or moved the cursor out of view.
   */
  signals [TOP_LINE_CHANGED] =
    g_signal_new ("top-line-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* "Add to Dictionary" on a misspelt word: the library keeps it. */
  signals [ADD_WORD] =
    g_signal_new ("add-word", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The story's language was checked for a dictionary (there may be none). */
  signals [DICTIONARY_CHANGED] =
    g_signal_new ("dictionary-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  lede_editor_class_add_photos (widget_class);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeEditor, headline_view);
  gtk_widget_class_bind_template_child (widget_class, LedeEditor, headline_placeholder);
  gtk_widget_class_bind_template_child (widget_class, LedeEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, LedeEditor, find_revealer);
  gtk_widget_class_set_css_name (widget_class, "editor");
}

/* GtkSourceView reads every language file it has, and checks Markdown's
 * (and the HTML it includes) against a schema, before it can colour a
 * story: a fifth of a second here. It is done after the first frame. */
static gboolean
set_markdown (gpointer data)
{
  LedeEditor *self = data;
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->language_id = 0;
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view))),
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  if (self->spelling_pending)
    lede_editor_check_spelling (self);
  /* Reading the language files (and the dictionary) ends start-up's
   * burst of parsing. */
  lede_memory_give_back_when_idle ();
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock,
                LedeEditor    *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  self->drawn = TRUE;
  if (self->language_id == 0)
    self->language_id = g_idle_add (set_markdown, self);
}

static void
on_first_map (LedeEditor *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
lede_editor_init (LedeEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->look = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->body_view)),
                                  GTK_STYLE_PROVIDER (self->look), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->headline_view)),
                                  GTK_STYLE_PROVIDER (self->look), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  lede_editor_set_look (self, NULL, 1.0, 80);

  self->find_bar = lede_find_bar_new (self->body_view, self->headline_view);
  gtk_revealer_set_child (self->find_revealer, GTK_WIDGET (self->find_bar));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  self->grafs = lede_graf_renderer_new (buffer);
  gtk_widget_get_size_request (GTK_WIDGET (self->grafs), &self->graf_width, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->grafs), FALSE);
  gtk_source_gutter_insert (gtk_source_view_get_gutter (self->body_view, GTK_TEXT_WINDOW_LEFT), self->grafs, 0);
  lede_editor_watch_punctuation (self, GTK_TEXT_VIEW (self->body_view));
  lede_editor_watch_punctuation (self, self->headline_view);
  lede_editor_watch_joint_undo (self);
  lede_editor_watch_suggestions (self);
  lede_editor_watch_marks (self);
  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_body_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "highlight-updated", G_CALLBACK (on_highlight_updated), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  /* Yellow at half strength reads on a light and a dark page alike. */
  self->match_tag = gtk_text_buffer_create_tag (buffer, "search-match", "background-rgba",
                                                &(GdkRGBA) { 0.96, 0.83, 0.18, 0.5 }, NULL);

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->body_view)), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
  update_placeholder (self);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "headline", gtk_text_view_get_buffer (self->headline_view), "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "insert-text",
                           G_CALLBACK (on_headline_insert), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "changed",
                           G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify",
                                 G_CALLBACK (on_article_notify), self, G_CONNECT_SWAPPED);
  lede_editor_watch_photos (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

LedeArticle *
lede_editor_get_article (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), NULL);
  return self->article;
}

/* After the whole body is replaced. GTK measures new text in an idle that
 * a frame can overtake; the text view then measures it while it is drawn,
 * changing its adjustment after the scrollbar was placed, and GTK 4.8
 * draws a scrollbar that has no size ("Trying to snapshot GtkGizmo
 * without a current allocation"). A resize has it measured while the
 * window is laid out, before the scrollbar is placed. */
void
lede_editor_settle_body (LedeEditor *self)
{
  self->parsed_end = 0;  /* GtkSourceView parses the new text again */
  self->styled_view = (GdkRectangle) { 0 };
  gtk_widget_queue_resize (GTK_WIDGET (self->body_view));
}

/**
 * lede_editor_set_article:
 *
 * Shows @article. Its body becomes the buffer's text without an undo step,
 * so Undo never reaches back into another story.
 */
void
lede_editor_set_article (LedeEditor  *self,
                         LedeArticle *article)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  gboolean same_text;

  g_return_if_fail (LEDE_IS_EDITOR (self));
  g_return_if_fail (!article || LEDE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  self->loading = TRUE;

  /* A fresh copy of the same story with the same text (its status or tags
   * changed from outside) keeps the cursor, the scroll and the undo. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  same_text = article != NULL && self->article != NULL &&
              lede_article_get_id (article) == lede_article_get_id (self->article) &&
              !gtk_text_buffer_get_modified (buffer) &&
              g_str_equal (lede_article_get_body (article), lede_article_get_body (self->article));

  g_set_object (&self->article, article);
  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);

  if (same_text)
    {
      self->loading = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
      return;
    }

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, article ? lede_article_get_body (article) : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  lede_editor_settle_body (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), article != NULL);

  self->loading = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
}

/**
 * lede_editor_commit:
 *
 * Copies the body into the article, when it changed since the last commit.
 */
void
lede_editor_commit (LedeEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
  if (self->article == NULL || !gtk_text_buffer_get_modified (buffer))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  self->loading = TRUE;
  lede_article_set_body (self->article, text);
  self->loading = FALSE;
  gtk_text_buffer_set_modified (buffer, FALSE);
}

GtkTextBuffer *
lede_editor_get_buffer (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

/**
 * lede_editor_focus:
 *
 * Puts the cursor where writing would start: the headline of a story that
 * has none yet, the body otherwise.
 */
void
lede_editor_focus (LedeEditor *self)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));

  if (self->article != NULL && *lede_article_get_headline (self->article) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->headline_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/**
 * lede_editor_get_top_line:
 *
 * Returns: the source line at the top of the visible body, from 1
 */
int
lede_editor_get_top_line (LedeEditor *self)
{
  GtkAdjustment *vadjustment;
  GtkTextIter iter;

  g_return_val_if_fail (LEDE_IS_EDITOR (self), 1);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->body_view));
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->body_view), &iter,
                               (int)gtk_adjustment_get_value (vadjustment), NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

/**
 * lede_editor_set_look:
 * @font: (nullable): a Pango font description ("Serif 13"), or %NULL or ""
 *   for the desktop's
 * @scale: how much larger than usual (Ctrl+plus, Ctrl+minus)
 * @line_length: at most this many characters a line of the body
 *
 * The writer's font, size and line length, for the headline and body.
 */
void
lede_editor_set_look (LedeEditor *self,
                      const char *font,
                      double      scale,
                      guint       line_length)
{
  g_autoptr (PangoFontDescription) description = font && *font ? pango_font_description_from_string (font) : NULL;
  g_autoptr (GString) css = g_string_new (NULL);
  const char *family = description ? pango_font_description_get_family (description) : NULL;
  double points = BODY_POINTS;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  if (description && pango_font_description_get_size (description) > 0 &&
      !pango_font_description_get_size_is_absolute (description))
    points = (double)pango_font_description_get_size (description) / PANGO_SCALE;
  points *= CLAMP (scale, 0.5, 3.0);
  /* Each name of a family list quoted, quotes and backslashes escaped: a
   * font's name can hold anything, and must not end the rule. */
  if (family)
    {
      g_auto (GStrv) names = g_strsplit (family, ",", -1);

      g_string_append (css, "textview { font-family: ");
      for (guint i = 0; names[i]; i++)
        {
          g_string_append (css, i ? ", \"" : "\"");
          for (const char *p = g_strstrip (names[i]); *p; p++)
            {
              if (*p == '"' || *p == '\\')
                g_string_append_c (css, '\\');
              if (*p != '\n' && *p != '\r')
                g_string_append_c (css, *p);
            }
          g_string_append_c (css, '"');
        }
      g_string_append (css, "; }\n");
    }
  /* Written with a dot whatever the locale: CSS reads no other. */
  {
    char body[G_ASCII_DTOSTR_BUF_SIZE], headline[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (body, sizeof body, "%.1f", points);
    g_ascii_formatd (headline, sizeof headline, "%.1f", points * HEADLINE_RATIO);
    g_string_append_printf (css, "textview.story-body { font-size: %spt; }\n"
                                 "textview.headline { font-size: %spt; }\n"
                                 "textview.headline.narrow { font-size: %spt; }\n", body, headline, body);
  }
  gtk_css_provider_load_from_data (self->look, css->str, -1);
  /* Points to pixels at 96 dpi, times an average character's width. */
  self->column_width = (int)(line_length * points * 96.0 / 72.0 * CHAR_WIDTH_RATIO);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * lede_editor_check_spelling:
 *
 * Checks the story again in its language (after it changed, or the
 * words the library knows did), and emits #LedeEditor::dictionary-changed.
 */
void
lede_editor_check_spelling (LedeEditor *self)
{
  const char *language;

  g_return_if_fail (LEDE_IS_EDITOR (self));

  if (self->speller == NULL)
    return;
  /* Loading a dictionary takes a fifth of a second: after the first frame. */
  self->spelling_pending = !self->drawn;
  if (self->spelling_pending)
    return;
  language = self->article ? lede_article_get_language (self->article) : NULL;
  lede_speller_set_language (self->speller, language);
  lede_spell_checker_set_enabled (self->headline_checker, self->spell_check);
  lede_spell_checker_set_enabled (self->body_checker, self->spell_check);
  g_signal_emit (self, signals [DICTIONARY_CHANGED], 0);
}

/**
 * lede_editor_get_find_bar:
 *
 * Returns: (transfer none): the find and replace bar over the story
 */
LedeFindBar *
lede_editor_get_find_bar (LedeEditor *self)
{
  g_return_val_if_fail (LEDE_IS_EDITOR (self), NULL);
  return self->find_bar;
}

/**
 * lede_editor_set_graf_numbers:
 *
 * Shows each paragraph's number in the gutter, or not.
 */
void
lede_editor_set_graf_numbers (LedeEditor *self,
                              gboolean    shown)
{
  g_return_if_fail (LEDE_IS_EDITOR (self));
  gtk_widget_set_visible (GTK_WIDGET (self->grafs), shown);
  /* The column's margins make room for the numbers, or take it back. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
