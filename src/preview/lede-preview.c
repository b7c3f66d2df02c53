/* lede-preview.c: the story as readers will see it, beside the editor.
 *
 * The page (lede_page_render(), the same as HTML export) is loaded once per
 * story. After that every edit is rendered off the main thread and swapped
 * into the page by the functions of lede-preview.js, run from here, so there
 * is no reload, no flicker and the scroll position stays. It is built as a
 * module of its own (see lede-preview-module.h), so a window that never
 * shows the preview never loads WebKit. The page itself may run nothing:
 * script markup is off, a content filter and a Content-Security-Policy stop
 * every load from the network, and links open in the user's browser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preview"

#include "config.h"

#include <adwaita.h>

#include "lede-markdown.h"
#include "lede-page.h"
#include "lede-preview.h"
#include "lede-review.h"
#include "lede-review-view.h"

/* Anything with a scheme and "//" (http, https, ws, ftp, file) is blocked;
 * the page itself is about:blank and images may only be data: URIs and
 * the story's photos (lede-photo:SHA, lede-preview-photos.c). */
static const char CONTENT_FILTER[] =
  "[{\"trigger\": {\"url-filter\": \"^[a-zA-Z][a-zA-Z0-9+.-]*://\"}, \"action\": {\"type\": \"block\"}}]";

struct _LedePreview
{
  GtkWidget       parent_instance;

  WebKitWebView  *web_view;
  LedeArticle    *article;
  LedeLibrary    *library;   /* the story's photos */
  GtkTextBuffer  *buffer;
  GSignalGroup   *article_signals;
  GSignalGroup   *buffer_signals;
  GCancellable   *cancellable;

  guint           debounce_id;
  int             pending_line;      /* a scroll waiting for the page, or -1 */
  guint           swap_failures;
  guint           retry_id;
  guint           field_failures;
  guint           fields_retry_id;
  char           *marked_words;   /* one a line, marked until the next edit */
  guint           page_ready : 1;
  guint           filter_ready : 1;
  guint           rendering : 1;     /* a render is on a worker thread */
  guint           render_again : 1;  /* the text changed while it was */
  guint           body_stale : 1;
  guint           render_hidden : 1;   /* render though not shown: to print */
  guint           show_changes : 1;    /* an editor's pass marked, not accepted */
  guint           marked_render : 1;   /* the render under way is marked */
  WebKitPrintOperation *print_pending; /* printed once the body is fresh */
  GtkWindow      *print_parent;        /* with a dialog, for this window */
  gboolean        print_asks;          /* show the print dialog */
};

G_DEFINE_FINAL_TYPE (LedePreview, lede_preview, GTK_TYPE_WIDGET)

enum {
  SCROLLED_TO_LINE,
  UPDATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void start_render (LedePreview *self);

/* Short for a normal story, longer for a very long one, whose render costs
 * more: a few ms per 100,000 characters. */
guint
lede_preview_get_debounce_ms (LedePreview *self)
{
  int chars;

  g_return_val_if_fail (LEDE_IS_PREVIEW (self), 0);

  chars = self->buffer ? gtk_text_buffer_get_char_count (self->buffer) : 0;
  return MIN (400, 30 + chars / 2500);
}

/* The page's functions, from lede-preview.js. */
static const char *
page_script (void)
{
  static GBytes *script;
  static gsize once;

  /* Compiled into the module, and resources end with a NUL. */
  if (g_once_init_enter (&once))
    {
      script = g_resources_lookup_data (LEDE_RESOURCE_PATH "/preview/lede-preview.js", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (script != NULL);
      g_once_init_leave (&once, 1);
    }
  return g_bytes_get_data (script, NULL);
}

/* @call: one of lede-preview.js's functions, called with the names of
 * @arguments' keys, as "swapBody (html)" */
static void
run_javascript (LedePreview         *self,
                const char          *call,
                GVariant            *arguments,
                GAsyncReadyCallback  callback)
{
  g_autofree char *body = g_strconcat (page_script (), "\nreturn ", call, ";", NULL);

  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, arguments,
                                                  NULL, NULL, self->cancellable,
                                                  callback, callback ? self : NULL);
}

/* "Unsupported result type": the script ran, only its answer was lost
 * (the scripts here only ever answer true or a number). */
static gboolean
answer_lost (const GError *error)
{
  return g_error_matches (error, WEBKIT_JAVASCRIPT_ERROR, WEBKIT_JAVASCRIPT_ERROR_INVALID_RESULT);
}

static void
on_javascript_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !answer_lost (error))
    g_warning ("Preview script failed: %s", error->message);
}

static void push_fields (LedePreview *self);

static gboolean
retry_fields (gpointer data)
{
  LedePreview *self = data;

  self->fields_retry_id = 0;
  push_fields (self);
  return G_SOURCE_REMOVE;
}

/* WebKit now and then answers a call with "Unsupported result type" for a
 * while under load (about one test run in ten here, once for over a
 * second). The script is sent again a little later, waiting longer each
 * time, rather than leave stale text; only a failure that lasts over ten
 * seconds is reported (FALSE). */
#define MAX_TRIES 8

static gboolean
try_again_later (LedePreview *self,
                 guint       *failures,
                 guint       *source_id,
                 GSourceFunc  again)
{
  if (*failures >= MAX_TRIES)
    return FALSE;
  g_clear_handle_id (source_id, g_source_remove);
  *source_id = g_timeout_add (50u << (*failures)++, again, self);
  return TRUE;
}

static void
on_fields_pushed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  LedePreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LEDE_PREVIEW (user_data);
  if (error == NULL)
    self->field_failures = 0;
  else if (!try_again_later (self, &self->field_failures, &self->fields_retry_id, retry_fields) &&
           !answer_lost (error))
    g_warning ("Could not show the story's fields in the preview: %s", error->message);
}

static void
push_fields (LedePreview *self)
{
  g_autofree char *machine = NULL, *human = NULL, *tags = NULL, *embargo = NULL, *corrections = NULL, *lead = NULL;
  g_autofree char *headline = NULL, *headline_html = NULL, *standfirst_html = NULL;
  GVariantDict dict;
  LedeArticle *article = self->article;

  if (!self->page_ready || article == NULL)
    return;

  /* An editor's pass: accepted, as the story will read, or marked. */
  headline = lede_review_dup_accepted (lede_article_get_headline (article));
  headline_html = lede_review_dup_shown_line (lede_article_get_headline (article), self->show_changes);
  standfirst_html = lede_review_dup_shown_line (lede_article_get_standfirst (article), self->show_changes);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "headline", "s", headline);
  g_variant_dict_insert (&dict, "headlineHtml", "s", headline_html);
  g_variant_dict_insert (&dict, "standfirstHtml", "s", standfirst_html);
  g_variant_dict_insert (&dict, "byline", "s", lede_article_get_byline (article));
  g_variant_dict_insert (&dict, "dateline", "s", lede_article_get_dateline (article));
  g_variant_dict_insert (&dict, "language", "s", lede_article_get_language (article));
  g_variant_dict_insert (&dict, "theme", "s",
                         adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "dark" : "light");
  lede_page_format_published (lede_article_get_published (article), &machine, &human);
  g_variant_dict_insert (&dict, "published", "s", machine);
  g_variant_dict_insert (&dict, "publishedText", "s", human);
  /* WebKit takes no string arrays as arguments; tags never hold a line break. */
  tags = lede_article_get_tags (article) ? g_strjoinv ("\n", (char **)lede_article_get_tags (article)) : g_strdup ("");
  g_variant_dict_insert (&dict, "tags", "s", tags);
  /* Shown as the page export writes them (lede_page_render()). */
  if (lede_article_is_under_embargo (article, NULL))
    embargo = lede_gate_dup_embargo_line (lede_article_get_embargo (article));
  g_variant_dict_insert (&dict, "embargo", "s", embargo ? embargo : "");
  corrections = lede_page_dup_corrections_html (lede_article_get_corrections (article),
                                                lede_article_get_language (article));
  g_variant_dict_insert (&dict, "corrections", "s", corrections);
  lead = lede_page_dup_lead_photo_html (article, NULL, NULL);
  g_variant_dict_insert (&dict, "lead", "s", lead);
  run_javascript (self, "setFields (headline, headlineHtml, standfirstHtml, byline, dateline, language, theme, published, publishedText, "
                        "tags, embargo, corrections, lead)",
                  g_variant_dict_end (&dict), on_fields_pushed);
}

static void
mark_words (LedePreview *self)
{
  GVariantDict dict;

  if (self->marked_words == NULL || !self->page_ready)
    return;
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "list", "s", self->marked_words);
  run_javascript (self, "markWords (list)", g_variant_dict_end (&dict), on_javascript_done);
}

static gboolean
retry_render (gpointer data)
{
  LedePreview *self = data;

  self->retry_id = 0;
  start_render (self);
  return G_SOURCE_REMOVE;
}

static void
on_swapped (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  LedePreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LEDE_PREVIEW (user_data);
  if (error != NULL && try_again_later (self, &self->swap_failures, &self->retry_id, retry_render))
    return;
  if (error != NULL && !answer_lost (error))
    g_warning ("Could not update the preview: %s", error->message);
  else
    {
      mark_words (self);
      g_signal_emit (self, signals [UPDATED], 0);
    }
  self->swap_failures = 0;
  /* The page is the story as typed: print it now. */
  if (self->print_pending && self->debounce_id == 0 && !self->rendering)
    {
      g_autoptr (WebKitPrintOperation) operation = g_steal_pointer (&self->print_pending);

      self->render_hidden = FALSE;
      if (self->print_asks)
        webkit_print_operation_run_dialog (operation, self->print_parent);
      else
        webkit_print_operation_print (operation);
      g_clear_weak_pointer (&self->print_parent);
    }
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *html = lede_markdown_to_html_finish (result, &error);
  LedePreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LEDE_PREVIEW (user_data);
  self->rendering = FALSE;

  /* Newer text came in while this rendered: this result is stale. */
  if (self->render_again)
    {
      self->render_again = FALSE;
      start_render (self);
      return;
    }

  if (html != NULL)
    {
      g_autofree char *marked = self->marked_render ? lede_review_dup_marked_html (html) : NULL;
      GVariantDict dict;

      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "html", "s", marked ? marked : html);
      run_javascript (self, "swapBody (html)", g_variant_dict_end (&dict), on_swapped);
    }
}

static void
start_render (LedePreview *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL, *shown = NULL;

  if (self->rendering)
    {
      self->render_again = TRUE;
      return;
    }
  if (!self->page_ready || self->buffer == NULL)
    return;

  /* A hidden preview renders when it is shown again (or to be printed). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->render_hidden)
    {
      self->body_stale = TRUE;
      return;
    }

  self->body_stale = FALSE;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  /* An editor's pass: the story as it reads once every suggestion is
   * accepted, or its changes marked (lede-review-view.c). */
  self->marked_render = self->show_changes && lede_review_may_have_marks (text);
  shown = lede_review_dup_shown_source (text, self->show_changes);
  self->rendering = TRUE;
  /* Pictures at lede-photo:SHA, which lede-preview-photos.c serves. */
  lede_markdown_to_html_with_photos_async (shown, -1, self->article ? lede_article_get_photos (self->article) : NULL,
                                           self->cancellable, on_rendered, self);
}

static gboolean
on_debounce (gpointer data)
{
  LedePreview *self = data;

  self->debounce_id = 0;
  start_render (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (LedePreview   *self,
                   GtkTextBuffer *buffer)
{
  /* Search marks last until the next edit, as in the editor. */
  if (self->marked_words != NULL)
    {
      g_clear_pointer (&self->marked_words, g_free);
      if (self->page_ready)
        run_javascript (self, "unmarkWords ()", NULL, on_javascript_done);
    }
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (lede_preview_get_debounce_ms (self), on_debounce, self);
}

/* A picture's caption, credit or alt text is in its figure: render again. */
static void
on_photos_changed (LedePreview *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (lede_preview_get_debounce_ms (self), on_debounce, self);
}

static void
on_scroll_message (WebKitUserContentManager *manager,
                   JSCValue                 *value,
                   LedePreview              *self)
{
  if (jsc_value_is_number (value))
    g_signal_emit (self, signals [SCROLLED_TO_LINE], 0, jsc_value_to_int32 (value));
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 LedePreview     *self)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;

  self->page_ready = TRUE;
  run_javascript (self, "installScrollReporter ()", NULL, on_javascript_done);
  push_fields (self);
  start_render (self);
  if (self->pending_line >= 0)
    lede_preview_scroll_to_line (self, self->pending_line);
}

/* The page is loaded once; later stories only change its contents. */
static void
load_page (LedePreview *self)
{
  g_autoptr (LedeArticle) blank = lede_article_new ();
  g_autofree char *page = NULL;

  if (!self->filter_ready)
    return;

  page = lede_page_render (blank, "", NULL, LEDE_PAGE_PREVIEW);
  self->page_ready = FALSE;
  webkit_web_view_load_html (self->web_view, page, "about:blank");
}

static void
on_filter_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WebKitUserContentFilter) filter =
    webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source), result, &error);
  LedePreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LEDE_PREVIEW (user_data);

  /* Without the filter the page's own Content-Security-Policy still blocks
   * every load, so say so and carry on. */
  if (filter != NULL)
    webkit_user_content_manager_add_filter (webkit_web_view_get_user_content_manager (self->web_view), filter);
  else
    g_message ("Preview content filter unavailable, relying on the page's policy: %s", error->message);

  self->filter_ready = TRUE;
  load_page (self);
}

/* Only the initial about:blank load happens in the preview. A clicked link
 * opens in the user's browser; anything else is refused. */
static gboolean
on_decide_policy (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  LedePreview              *self)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && g_str_has_prefix (uri, "about:blank"))
    return FALSE;

  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      webkit_navigation_action_is_user_gesture (action))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }

  g_debug ("Preview refused to navigate to %s", uri);
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

/* Copy and Select All are all a reader of the preview needs: no Reload,
 * Back, Forward, Open in New Window or Inspect. */
static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 LedePreview         *self)
{
  static const WebKitContextMenuAction allowed[] = {
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD,
    WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD,
    WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL,
  };
  g_autoptr (GPtrArray) refused = g_ptr_array_new ();

  for (GList *l = webkit_context_menu_get_items (menu); l; l = l->next)
    {
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (l->data);
      gboolean keep = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
        keep |= action == allowed[i];
      if (!keep)
        g_ptr_array_add (refused, l->data);
    }
  for (guint i = 0; i < refused->len; i++)
    webkit_context_menu_remove (menu, g_ptr_array_index (refused, i));

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
lede_preview_map (GtkWidget *widget)
{
  LedePreview *self = LEDE_PREVIEW (widget);

  GTK_WIDGET_CLASS (lede_preview_parent_class)->map (widget);
  if (self->body_stale)
    start_render (self);
}

static void
lede_preview_dispose (GObject *object)
{
  LedePreview *self = (LedePreview *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_object (&self->print_pending);
  g_clear_weak_pointer (&self->print_parent);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->article);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->fields_retry_id, g_source_remove);
  g_clear_pointer (&self->marked_words, g_free);
  g_clear_object (&self->buffer);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  if (self->web_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }

  G_OBJECT_CLASS (lede_preview_parent_class)->dispose (object);
}

static void
lede_preview_class_init (LedePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_preview_dispose;
  widget_class->map = lede_preview_map;

  /**
   * LedePreview::scrolled-to-line:
   * @line: the Markdown source line now at the top of the preview
   *
   * The reader scrolled the preview (not Lede following the editor).
   */
  signals [SCROLLED_TO_LINE] =
    g_signal_new ("scrolled-to-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * LedePreview::updated:
   *
   * The page now shows the latest rendered body.
   */
  signals [UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");
}

static void
start_page (LedePreview *self)
{
  g_autoptr (WebKitUserContentFilterStore) store = NULL;
  g_autoptr (GBytes) rules = g_bytes_new_static (CONTENT_FILTER, sizeof CONTENT_FILTER - 1);
  g_autofree char *store_path = g_build_filename (g_get_user_cache_dir (), "lede", "content-filters", NULL);

  store = webkit_user_content_filter_store_new (store_path);
  webkit_user_content_filter_store_save (store, "lede-block-network", rules, self->cancellable,
                                         on_filter_saved, self);
}

/* Every preview of every window shares one web process: a view is made
 * related to one that lives. */
static GList *live_views;

static void
forget_view (gpointer  data,
             GObject  *view)
{
  live_views = g_list_remove (live_views, view);
}

static WebKitWebView *
new_web_view (WebKitUserContentManager *content,
              WebKitSettings           *settings)
{
  WebKitWebView *view;
  static gsize tuned;

  if (g_once_init_enter (&tuned))
    {
      /* One local page, loaded once: nothing worth caching. */
      webkit_web_context_set_cache_model (webkit_web_context_get_default (), WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      lede_preview_register_photos (webkit_web_context_get_default ());
      g_once_init_leave (&tuned, 1);
    }

  if (live_views != NULL)
    view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                         "related-view", live_views->data,
                         "user-content-manager", content,
                         "settings", settings,
                         NULL);
  else
    {
      /* Ephemeral: no cookies, cache or website data on disk. */
      g_autoptr (WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();

      view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "network-session", session,
                           "user-content-manager", content,
                           "settings", settings,
                           NULL);
    }
  live_views = g_list_prepend (live_views, view);
  g_object_weak_ref (G_OBJECT (view), forget_view, NULL);
  return view;
}

static void
lede_preview_init (LedePreview *self)
{
  g_autoptr (WebKitUserContentManager) content = webkit_user_content_manager_new ();
  WebKitSettings *settings;

  self->cancellable = g_cancellable_new ();
  self->pending_line = -1;

  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-media", FALSE,
                                                "enable-page-cache", FALSE,
                                                "allow-file-access-from-file-urls", FALSE,
                                                "allow-universal-access-from-file-urls", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "hardware-acceleration-policy", WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                NULL);

  webkit_user_content_manager_register_script_message_handler (content, "lede", NULL);
  g_signal_connect_object (content, "script-message-received::lede",
                           G_CALLBACK (on_scroll_message), self, 0);

  self->web_view = new_web_view (content, settings);
  g_object_unref (settings);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  webkit_web_view_set_background_color (self->web_view, &(GdkRGBA) { 0, 0, 0, 0 });

  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (on_load_changed), self, 0);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy), self, 0);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (on_context_menu), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (push_fields), self, G_CONNECT_SWAPPED);

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify",
                                 G_CALLBACK (push_fields), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::photos",
                                 G_CALLBACK (on_photos_changed), self, G_CONNECT_SWAPPED);
  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "changed",
                                 G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);

  /* WebKit's processes start with the page. The pane makes a preview only
   * once the window has drawn, so they start at once. */
  start_page (self);
}

/**
 * lede_preview_set_article:
 *
 * Shows @article's headline, standfirst, byline and dateline, and scrolls
 * back to the top for another story (not for a fresh copy of this one).
 */
void
lede_preview_set_article (LedePreview *self,
                          LedeArticle *article)
{
  gboolean same_story;

  g_return_if_fail (LEDE_IS_PREVIEW (self));

  same_story = article && self->article && lede_article_get_id (article) == lede_article_get_id (self->article);
  if (!g_set_object (&self->article, article))
    return;
  g_signal_group_set_target (self->article_signals, article);
  push_fields (self);
  if (!same_story)
    lede_preview_scroll_to_line (self, 1);
}

/**
 * lede_preview_set_library:
 *
 * Where the story's photos are read from, for lede-photo: addresses.
 */
void
lede_preview_set_library (LedePreview *self,
                          LedeLibrary *library)
{
  g_return_if_fail (LEDE_IS_PREVIEW (self));
  g_set_object (&self->library, library);
}

LedeLibrary *
lede_preview_get_library (LedePreview *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW (self), NULL);
  return self->library;
}

LedeArticle *
lede_preview_get_article (LedePreview *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW (self), NULL);
  return self->article;
}

/**
 * lede_preview_set_buffer:
 *
 * The text to render: the preview follows its changes from now on.
 */
void
lede_preview_set_buffer (LedePreview   *self,
                         GtkTextBuffer *buffer)
{
  g_return_if_fail (LEDE_IS_PREVIEW (self));

  if (!g_set_object (&self->buffer, buffer))
    return;
  g_signal_group_set_target (self->buffer_signals, buffer);
  start_render (self);
}

static void
on_scrolled (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  on_javascript_done (source, result, NULL);
}

/**
 * lede_preview_scroll_to_line:
 * @line: a Markdown source line, from 1
 *
 * Brings that part of the story to the top of the preview, without the
 * preview reporting it back as a scroll of its own.
 */
void
lede_preview_scroll_to_line (LedePreview *self,
                             int          line)
{
  GVariantDict dict;

  g_return_if_fail (LEDE_IS_PREVIEW (self));

  if (!self->page_ready)
    {
      self->pending_line = line;
      return;
    }
  self->pending_line = -1;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "line", "i", MAX (line, 1));
  run_javascript (self, "scrollToLine (line)", g_variant_dict_end (&dict), on_scrolled);
}

WebKitWebView *
lede_preview_get_web_view (LedePreview *self)
{
  g_return_val_if_fail (LEDE_IS_PREVIEW (self), NULL);
  return self->web_view;
}

/**
 * lede_preview_print:
 * @parent: the window a print dialog belongs to
 * @settings: (nullable): with an output-uri ("Print to File"), print
 *   with these and ask nothing; else the print dialog starts from them
 *   (an output-basename is what Print to File suggests), or from nothing
 *   when %NULL
 *
 * Prints the story page as the preview shows it, through WebKit, so "Print
 * to File" gives a PDF that looks like the preview.
 *
 * Returns: (transfer full): the operation; it says "finished" or "failed"
 */
WebKitPrintOperation *
lede_preview_print (LedePreview       *self,
                    const LedeVerdict *verdict,
                    GtkWindow         *parent,
                    GtkPrintSettings  *settings)
{
  WebKitPrintOperation *operation;

  g_return_val_if_fail (LEDE_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (verdict != NULL && lede_verdict_may_leave (verdict), NULL);

  operation = webkit_print_operation_new (self->web_view);
  if (settings != NULL)
    webkit_print_operation_set_print_settings (operation, settings);
  /* Printed (or the dialog shown) once the page holds the story as typed:
   * after this render, the typing of the last moment and a hidden preview
   * included, and after the page itself has loaded for a preview made just
   * now to print. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_set_object (&self->print_pending, operation);
  g_set_weak_pointer (&self->print_parent, parent);
  self->print_asks = settings == NULL || gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) == NULL;
  self->render_hidden = TRUE;
  start_render (self);
  return operation;
}

/**
 * lede_preview_set_show_changes:
 * @show: %TRUE to mark an editor's pass (added words underlined, deleted
 *   ones struck through, comments as notes), %FALSE to show the story as
 *   it reads once every suggestion is accepted
 */
void
lede_preview_set_show_changes (LedePreview *self,
                               gboolean     show)
{
  g_return_if_fail (LEDE_IS_PREVIEW (self));

  if (self->show_changes == !!show)
    return;
  self->show_changes = !!show;
  push_fields (self);
  start_render (self);
}

/**
 * lede_preview_highlight_words:
 * @words: (nullable) (array zero-terminated=1): what a search found
 *
 * Marks where the story has @words, as the editor does, until the next
 * edit; %NULL or none takes the marks away.
 */
void
lede_preview_highlight_words (LedePreview        *self,
                              const char * const *words)
{
  g_return_if_fail (LEDE_IS_PREVIEW (self));

  if (self->marked_words != NULL && self->page_ready)
    run_javascript (self, "unmarkWords ()", NULL, on_javascript_done);
  g_clear_pointer (&self->marked_words, g_free);
  if (words != NULL && words[0] != NULL)
    {
      self->marked_words = g_strjoinv ("\n", (char **)words);
      /* Now, and again after each render until the next edit. */
      mark_words (self);
    }
}
