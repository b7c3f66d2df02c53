/* lede-preview-pane.c: where the preview goes, and what loads it.
 *
 * The preview (WebKit) is a module of its own. This pane stands in for it
 * from the start: it keeps what the window tells the preview, and loads the
 * module only once it is shown, after a frame has been drawn, so a writer
 * who stays in the Write layout never starts a browser engine. Until the
 * page is there a placeholder stands in, at once. The pointer reaching the
 * layout switch opens the module early (lede_preview_pane_preload(), as a
 * browser preconnects on hover), never the web process, and never merely
 * because time passed. When the module cannot be loaded the pane says so
 * and the window goes on without.
 *
 * A story with an editor's pass open gets a bar above the preview: the
 * story as it reads once every suggestion is accepted (what it becomes, not
 * what an export for readers would carry now: that leaves the pass out),
 * or its changes marked, which is also what Print then prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lede-paths.h"
#include "lede-preview-module.h"
#include "lede-preview-pane.h"
#include "lede-review.h"

struct _LedePreviewPane
{
  GtkWidget        parent_instance;

  GtkWidget       *pass_bar;      /* shown while the story has an open pass */
  GtkWidget       *pass_label;
  GtkWidget       *pass_switch;
  GtkWidget       *child;         /* the preview, or why there is none */
  GtkWidget       *preview;       /* from the module, once loaded */
  GtkWidget       *placeholder;   /* the child until the preview comes */
  LedeArticle     *article;
  LedeLibrary     *library;
  GtkTextBuffer   *buffer;
  char           **words;
  int              line;          /* a scroll for the preview, or -1 */
  gboolean         loading;       /* the module is being opened */
  gboolean         show_changes;  /* the pass marked, not accepted */
  gboolean         has_pass;
  guint            pass_check_id;
};

G_DEFINE_FINAL_TYPE (LedePreviewPane, lede_preview_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_CHANGES,
  PROP_HAS_PASS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SCROLLED_TO_LINE,
  LOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Loaded once a process, and kept: its types cannot be unloaded. */
static const LedePreviewModule *module;
static char *module_error;

/* Any thread: dlopen() of WebKit and its libraries is the slow part. */
static const LedePreviewModule *
open_module (GError **error)
{
  return lede_paths_load_module (LEDE_PREVIEW_MODULE_NAME, "src/preview", LEDE_PREVIEW_MODULE_ENTRY,
                                 LEDE_PREVIEW_MODULE_ABI, error);
}

/* The main thread: @opened (or why there is none) becomes the module. */
static void
take_module (const LedePreviewModule *opened,
             const GError            *error)
{
  if (module != NULL || module_error != NULL)
    return;
  if (opened != NULL)
    module = opened;
  else
    {
      module_error = g_strdup (error->message);
      g_warning ("The preview is unavailable: %s", module_error);
    }
}

static gboolean
load_module (GError **error)
{
  if (module == NULL && module_error == NULL)
    {
      g_autoptr (GError) local_error = NULL;
      const LedePreviewModule *opened = open_module (&local_error);

      take_module (opened, local_error);
    }
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The preview is unavailable: %s"), module_error);
      return FALSE;
    }
  return TRUE;
}

static void
set_child (LedePreviewPane *self,
           GtkWidget       *child)
{
  if (self->child == self->placeholder)
    self->placeholder = NULL;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  gtk_widget_set_vexpand (child, TRUE);
  gtk_widget_insert_after (child, GTK_WIDGET (self), self->pass_bar);
}

static void
on_scrolled_to_line (LedePreviewPane *self,
                     int              line)
{
  g_signal_emit (self, signals [SCROLLED_TO_LINE], 0, line);
}

/* The preview takes over what the pane kept for it. */
static gboolean
ensure_preview (LedePreviewPane  *self,
                GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  if (self->preview != NULL)
    return TRUE;

  if (!load_module (&local_error))
    {
      if (self->child == NULL || self->child == self->placeholder)
        {
          GtkWidget *status = adw_status_page_new ();

          adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
          adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Preview Unavailable"));
          adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                           _("Lede’s preview could not be loaded. Writing, saving and export "
                                             "work as before."));
          gtk_widget_set_tooltip_text (status, local_error->message);
          set_child (self, status);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->preview = module->new_preview ();
  set_child (self, self->preview);
  g_signal_connect_object (self->preview, "scrolled-to-line", G_CALLBACK (on_scrolled_to_line), self,
                           G_CONNECT_SWAPPED);
  module->set_buffer (self->preview, self->buffer);
  module->set_library (self->preview, self->library);
  module->set_article (self->preview, self->article);
  module->set_show_changes (self->preview, self->show_changes);
  if (self->line >= 0)
    module->scroll_to_line (self->preview, self->line);
  if (self->words != NULL)
    module->highlight_words (self->preview, (const char * const *)self->words);
  g_signal_emit (self, signals [LOADED], 0);
  return TRUE;
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  const LedePreviewModule *opened = open_module (&error);

  if (opened != NULL)
    g_task_return_pointer (task, (gpointer)opened, NULL);
  else
    g_task_return_error (task, error);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The module is the process's, whatever became of the pane that asked.
 * The preview itself (and its web process) only for a pane on screen. */
static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr (LedePreviewPane) self = g_weak_ref_get (g_task_get_task_data (G_TASK (result)));
  g_autoptr (GError) error = NULL;
  const LedePreviewModule *opened = g_task_propagate_pointer (G_TASK (result), &error);

  take_module (opened, error);
  if (self == NULL)
    return;
  self->loading = FALSE;
  /* A window closed while WebKit loaded, or a pane preloaded and still
   * hidden, starts no web process. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_preview (self, NULL);
}

/* WebKit opened on a worker thread, so the window keeps drawing. */
static void
start_loading (LedePreviewPane *self)
{
  g_autoptr (GTask) task = NULL;
  GWeakRef *pane;

  self->loading = TRUE;
  pane = g_new0 (GWeakRef, 1);
  g_weak_ref_init (pane, self);
  task = g_task_new (NULL, NULL, on_opened, NULL);
  g_task_set_task_data (task, pane, free_weak_ref);
  g_task_set_source_tag (task, start_loading);
  g_task_run_in_thread (task, open_in_thread);
}

/* After the frame that shows the pane: WebKit is opened on a worker thread,
 * so the window keeps drawing while it loads. */
static void
on_first_frame (GdkFrameClock   *clock,
                LedePreviewPane *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->preview != NULL || self->loading)
    return;
  if (module != NULL || module_error != NULL)
    ensure_preview (self, NULL);
  else
    start_loading (self);
}

/* Shown at once, while the module and the page come: the pane is never
 * an empty hole after Alt+2. */
static GtkWidget *
new_placeholder (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Preparing the preview…"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
lede_preview_pane_map (GtkWidget *widget)
{
  LedePreviewPane *self = LEDE_PREVIEW_PANE (widget);

  if (self->preview == NULL && self->child == NULL)
    {
      GtkWidget *placeholder = new_placeholder ();

      set_child (self, placeholder);
      self->placeholder = placeholder;
    }
  GTK_WIDGET_CLASS (lede_preview_pane_parent_class)->map (widget);
  if (self->preview == NULL && self->child == self->placeholder)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame), self, 0);
}

static void
lede_preview_pane_dispose (GObject *object)
{
  LedePreviewPane *self = LEDE_PREVIEW_PANE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->pass_bar, gtk_widget_unparent);
  g_clear_handle_id (&self->pass_check_id, g_source_remove);
  self->preview = NULL;
  self->placeholder = NULL;

  G_OBJECT_CLASS (lede_preview_pane_parent_class)->dispose (object);
}

static void
lede_preview_pane_finalize (GObject *object)
{
  LedePreviewPane *self = LEDE_PREVIEW_PANE (object);

  g_clear_handle_id (&self->pass_check_id, g_source_remove);
  g_clear_object (&self->article);
  g_clear_object (&self->library);
  g_clear_object (&self->buffer);
  g_strfreev (self->words);

  G_OBJECT_CLASS (lede_preview_pane_parent_class)->finalize (object);
}

static void
lede_preview_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LedePreviewPane *self = LEDE_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_CHANGES:
      g_value_set_boolean (value, self->show_changes);
      break;
    case PROP_HAS_PASS:
      g_value_set_boolean (value, self->has_pass);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_preview_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LedePreviewPane *self = LEDE_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_CHANGES:
      lede_preview_pane_set_show_changes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_preview_pane_class_init (LedePreviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_preview_pane_dispose;
  object_class->finalize = lede_preview_pane_finalize;
  object_class->get_property = lede_preview_pane_get_property;
  object_class->set_property = lede_preview_pane_set_property;
  widget_class->map = lede_preview_pane_map;

  /**
   * LedePreviewPane:show-changes:
   *
   * Whether an editor's pass is marked (added words underlined, deleted
   * ones struck through, comments as notes) rather than shown accepted.
   */
  properties [PROP_SHOW_CHANGES] =
    g_param_spec_boolean ("show-changes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LedePreviewPane:has-pass:
   *
   * Whether the story shown has an open suggestion or comment.
   */
  properties [PROP_HAS_PASS] =
    g_param_spec_boolean ("has-pass", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedePreviewPane::scrolled-to-line:
   * @line: the Markdown source line now at the top of the preview
   *
   * The reader scrolled the preview (not Lede following the editor).
   */
  signals [SCROLLED_TO_LINE] =
    g_signal_new ("scrolled-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * LedePreviewPane::loaded:
   *
   * The preview module is loaded and its preview in the pane.
   */
  signals [LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "previewpane");
}

/* Says in words which view is shown. */
static void
explain_view (LedePreviewPane *self)
{
  gtk_label_set_label (GTK_LABEL (self->pass_label),
                       self->show_changes
                       ? _("Added words underlined (+), deleted ones struck through (−), comments as notes (✎). "
                           "Print prints this view, for a review.")
                       : _("The story as it will read once every suggestion is accepted. Exported for readers "
                           "now, it would leave without them."));
}

static void
lede_preview_pane_init (LedePreviewPane *self)
{
  GtkWidget *row, *switch_label;

  self->line = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* The switch, and under it what the view shown is, in words. */
  self->pass_bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->pass_bar, "preview-pass-bar");
  gtk_widget_set_visible (self->pass_bar, FALSE);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  switch_label = gtk_label_new_with_mnemonic (_("Show C_hanges"));
  gtk_label_set_xalign (GTK_LABEL (switch_label), 0);
  gtk_widget_set_hexpand (switch_label, TRUE);
  gtk_box_append (GTK_BOX (row), switch_label);
  self->pass_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->pass_switch, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->pass_switch,
                               _("Mark the editor’s pass, or show the story as it reads with every suggestion "
                                 "accepted (Ctrl+Shift+M)"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (switch_label), self->pass_switch);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->pass_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  switch_label, NULL, -1);
  gtk_box_append (GTK_BOX (row), self->pass_switch);
  gtk_box_append (GTK_BOX (self->pass_bar), row);
  self->pass_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->pass_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->pass_label), 0);
  gtk_widget_add_css_class (self->pass_label, "caption");
  gtk_widget_add_css_class (self->pass_label, "dim-label");
  gtk_box_append (GTK_BOX (self->pass_bar), self->pass_label);
  gtk_widget_set_parent (self->pass_bar, GTK_WIDGET (self));
  g_object_bind_property (self, "show-changes", self->pass_switch, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  explain_view (self);
}

/* Whether the story has an open pass, in its body, headline or standfirst. */
static void
show_pass (LedePreviewPane *self)
{
  gboolean has_pass = FALSE;

  if (self->pass_bar == NULL)  /* disposed */
    return;
  if (self->article != NULL)
    {
      const char *fields[] = { lede_article_get_headline (self->article),
                               lede_article_get_standfirst (self->article) };

      for (guint i = 0; i < G_N_ELEMENTS (fields) && !has_pass; i++)
        has_pass = fields[i] && lede_review_may_have_marks (fields[i]) &&
                   lede_review_count_open (fields[i], NULL, NULL) > 0;
      if (!has_pass && self->buffer != NULL)
        {
          GtkTextIter start, end;
          g_autofree char *body = NULL;

          gtk_text_buffer_get_bounds (self->buffer, &start, &end);
          body = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
          has_pass = lede_review_may_have_marks (body) && lede_review_count_open (body, NULL, NULL) > 0;
        }
    }
  gtk_widget_set_visible (self->pass_bar, has_pass);
  if (self->has_pass != has_pass)
    {
      self->has_pass = has_pass;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_PASS]);
    }
}

static gboolean
check_pass_cb (gpointer data)
{
  LedePreviewPane *self = data;

  self->pass_check_id = 0;
  show_pass (self);
  return G_SOURCE_REMOVE;
}

/* At once, and no look pending after: a pending one forgotten (its id
 * cleared but its source left) outlived the pane and wrote into whatever
 * took its memory. */
static void
check_pass_now (LedePreviewPane *self)
{
  g_clear_handle_id (&self->pass_check_id, g_source_remove);
  show_pass (self);
}

/* Looked at again once typing pauses: a scan of the story is linear, but
 * not free on every keystroke. */
static void
check_pass_later (LedePreviewPane *self)
{
  g_clear_handle_id (&self->pass_check_id, g_source_remove);
  if (self->pass_bar != NULL)  /* not once disposed */
    self->pass_check_id = g_timeout_add (200, check_pass_cb, self);
}

/**
 * lede_preview_pane_set_show_changes:
 * @show: %TRUE to mark an editor's pass, %FALSE (the default) to show the
 *   story as it will read with every suggestion accepted
 */
void
lede_preview_pane_set_show_changes (LedePreviewPane *self,
                                    gboolean         show)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  if (self->show_changes == !!show)
    return;
  self->show_changes = !!show;
  explain_view (self);
  if (self->preview)
    module->set_show_changes (self->preview, self->show_changes);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_CHANGES]);
}

gboolean
lede_preview_pane_get_show_changes (LedePreviewPane *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), FALSE);
  return self->show_changes;
}

gboolean
lede_preview_pane_get_has_pass (LedePreviewPane *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), FALSE);
  return self->has_pass;
}

void
lede_preview_pane_set_article (LedePreviewPane *self,
                               LedeArticle     *article)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, check_pass_later, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    {
      g_signal_connect_object (article, "notify::headline", G_CALLBACK (check_pass_later), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (article, "notify::standfirst", G_CALLBACK (check_pass_later), self, G_CONNECT_SWAPPED);
    }
  if (self->preview)
    module->set_article (self->preview, article);
  /* Another story: at once, so its bar never shows the last one's pass. */
  check_pass_now (self);
}

/**
 * lede_preview_pane_set_library:
 *
 * Where the preview reads the story's photos from.
 */
void
lede_preview_pane_set_library (LedePreviewPane *self,
                               LedeLibrary     *library)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  g_set_object (&self->library, library);
  if (self->preview)
    module->set_library (self->preview, library);
}

/* Search marks last until the next edit, as in the preview itself. */
static void
on_buffer_changed (LedePreviewPane *self)
{
  if (self->preview == NULL)
    g_clear_pointer (&self->words, g_strfreev);
  check_pass_later (self);
}

void
lede_preview_pane_set_buffer (LedePreviewPane *self,
                              GtkTextBuffer   *buffer)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, on_buffer_changed, self);
  g_set_object (&self->buffer, buffer);
  if (buffer != NULL)
    g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  if (self->preview)
    module->set_buffer (self->preview, buffer);
  check_pass_now (self);
}

void
lede_preview_pane_scroll_to_line (LedePreviewPane *self,
                                  int              line)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  if (self->preview)
    module->scroll_to_line (self->preview, line);
  else
    self->line = line;
}

void
lede_preview_pane_highlight_words (LedePreviewPane    *self,
                                   const char * const *words)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  g_clear_pointer (&self->words, g_strfreev);
  if (words != NULL && words[0] != NULL)
    self->words = g_strdupv ((char **)words);
  if (self->preview)
    module->highlight_words (self->preview, words);
}

/**
 * lede_preview_pane_print:
 * @verdict: the gate's, which let the story out (lede_gate_ask())
 * @parent: the window a print dialog belongs to
 * @settings: (nullable): with an output-uri, print with these and ask
 *   nothing; else show the print dialog, starting from them if given
 *
 * Prints the story page as the preview shows it, loading the preview first
 * if it never was (a window in the Write layout).
 *
 * Returns: (transfer full) (nullable): the WebKitPrintOperation, which says
 *   "finished" or "failed"; %NULL with @error set when there is no preview
 */
GObject *
lede_preview_pane_print (LedePreviewPane   *self,
                         const LedeVerdict *verdict,
                         GtkWindow         *parent,
                         GtkPrintSettings  *settings,
                         GError           **error)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), NULL);

  if (!ensure_preview (self, error))
    return NULL;
  return module->print (self->preview, verdict, parent, settings);
}

/**
 * lede_preview_pane_get_preview:
 *
 * Returns: (transfer none) (nullable): the preview, once the module is
 *   loaded: a widget whose first child is its WebKitWebView
 */
GtkWidget *
lede_preview_pane_get_preview (LedePreviewPane *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), NULL);
  return self->preview;
}

/* Loads the preview now, shown or not (the tests, the benchmarks). */
gboolean
lede_preview_pane_load (LedePreviewPane  *self,
                        GError          **error)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), FALSE);
  return ensure_preview (self, error);
}

/**
 * lede_preview_pane_preload:
 *
 * The writer is about to ask for the preview (the pointer reached the
 * layout switch): its module is opened now, on a worker thread, so Alt+2 or
 * a click waits only for the page. Nothing is shown and no web process
 * starts until the pane is.
 */
void
lede_preview_pane_preload (LedePreviewPane *self)
{
  g_return_if_fail (LEDE_IS_PREVIEW_PANE (self));

  if (module == NULL && module_error == NULL && !self->loading)
    start_loading (self);
}

/* How long the preview waits after a keystroke before rendering. */
guint
lede_preview_pane_get_debounce_ms (LedePreviewPane *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW_PANE (self), 0);
  return self->preview ? module->get_debounce_ms (self->preview) : 0;
}
