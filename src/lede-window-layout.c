/* lede-window-layout.c: which panes the window shows, and how it fits a
 * narrow screen.
 *
 * Write, Split or Preview (win.layout, Alt+1-3); down to 360 px, where the
 * story list and the story take turns (a leaflet), only one pane shows and
 * the layout switch moves from the header to a bar under the story; F11's
 * focus mode. GTK decides widths during an allocation, and what depends on
 * them changes in an idle right after (before the next frame), never during
 * it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include "lede-editor.h"
#include "lede-preview-pane.h"
#include "lede-window.h"
#include "lede-window-private.h"

/* Narrower than this, editor and preview take turns instead of sharing. */
#define SPLIT_MIN_WIDTH 560

static void
apply_layout (LedeWindow *self)
{
  g_autofree char *layout = g_settings_get_string (self->settings, "layout");
  gboolean show_editor = !g_str_equal (layout, "preview");
  gboolean show_preview = !g_str_equal (layout, "editor");

  if (self->narrow && show_editor && show_preview)
    show_preview = FALSE;
  if (self->focus_mode)
    {
      show_editor = TRUE;
      show_preview = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->editor), show_editor);
  gtk_widget_set_visible (GTK_WIDGET (self->preview), show_preview);
  /* Where only one pane fits, Split is not offered: the switch shows Write,
   * what is on screen, while Split stays the choice for a wider window. */
  gtk_widget_set_visible (self->split_button, !self->narrow);
  gtk_widget_set_visible (self->bar_split_button, !self->narrow);
  if (self->layout_action != NULL)
    g_simple_action_set_state (self->layout_action,
                               g_variant_new_string (self->narrow && g_str_equal (layout, "split") ? "editor" : layout));
}

/* win.layout: its state is the layout on screen, what it is set to is the
 * layout chosen (GSettings "layout"). Write, narrow with Split chosen, is
 * what is on screen already: Split stays the choice for a wider window. */
static void
change_layout_cb (GSimpleAction *action,
                  GVariant      *value,
                  LedeWindow    *self)
{
  const char *layout = g_variant_get_string (value, NULL);
  g_autofree char *chosen = NULL;

  /* From a .ui file or D-Bus: the key takes only its choices. */
  if (self->settings == NULL || !g_strv_contains ((const char * const[]) { "editor", "split", "preview", NULL }, layout))
    return;
  chosen = g_settings_get_string (self->settings, "layout");
  if (self->narrow && g_str_equal (layout, "editor") && g_str_equal (chosen, "split"))
    return;
  g_settings_set_string (self->settings, "layout", layout);
}

/* Where the header has no room for the layout switch, the switch is in a
 * bar under the story, as libadwaita's view switcher bar is. */
static void
update_layout_bar (LedeWindow *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->header_squeezer);

  gtk_action_bar_set_revealed (self->layout_bar, shown == GTK_WIDGET (self->story_title) && !self->focus_mode);
}

/* What GTK decides during an allocation (a fold, the squeezed header), or
 * the list as it opens a story, is acted on after it and before the next
 * frame: idles of default priority come after frames. Not for a window
 * closed since: a new tooltip, say, has GTK look for the pointer on a
 * surface that is gone. */
typedef struct {
  LedeWindow *window;
  void      (*apply) (LedeWindow *self);
} LaterStep;

static gboolean
run_later_step (gpointer data)
{
  LaterStep *step = data;

  if (gtk_widget_get_realized (GTK_WIDGET (step->window)))
    step->apply (step->window);
  return G_SOURCE_REMOVE;
}

static void
free_later_step (gpointer data)
{
  LaterStep *step = data;

  g_object_unref (step->window);
  g_free (step);
}

static void
apply_before_next_frame (LedeWindow *self,
                         void      (*apply) (LedeWindow *self))
{
  LaterStep *step = g_new (LaterStep, 1);

  step->window = g_object_ref (self);
  step->apply = apply;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_later_step, step, free_later_step);
}

/* The squeezer chooses during an allocation: the bar changes after it. */
static void
header_squeezed_cb (LedeWindow *self)
{
  apply_before_next_frame (self, update_layout_bar);
}

/* Folded, the header has room for the story's title and little else (its
 * own save label is hidden, lede-window.ui): the save state becomes the
 * title's subtitle. German's "Nicht gespeichert" alone would take a third
 * of 360 px. */
void
lede_window_place_save_state (LedeWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean open = lede_editor_get_article (self->editor) != NULL;
  GtkWidget *title = GTK_WIDGET (self->story_title);

  /* "Saved" says something only about a story. */
  gtk_widget_set_visible (GTK_WIDGET (self->save_label), open);
  adw_window_title_set_subtitle (self->story_title, open && folded ? gtk_label_get_text (self->save_label) : NULL);
  if (open && folded && gtk_widget_has_css_class (GTK_WIDGET (self->save_label), "error"))
    gtk_widget_add_css_class (title, "save-failed");
  else
    gtk_widget_remove_css_class (title, "save-failed");
  gtk_widget_set_tooltip_text (title, open && folded ? gtk_widget_get_tooltip_text (GTK_WIDGET (self->save_label))
                                                     : NULL);
}

/* The panel beside the story takes the width it asks for; over the story,
 * when there is no room beside it, it takes the story's whole width. */
static void
apply_flap_folded (LedeWindow *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self->metadata_panel), adw_flap_get_folded (self->metadata_flap));
}

static void
flap_folded_cb (LedeWindow *self)
{
  apply_before_next_frame (self, apply_flap_folded);
}

/* Whether the window is asked to be narrower than the split needs, by the
 * user, the window manager or the settings. Its default size follows its
 * size except when maximized, fullscreen or tiled, when it is the size
 * kept for later. */
static gboolean
asked_narrow (LedeWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  int width = 0, height = 0;

  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return FALSE;
  if (surface != NULL &&
      (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) &
       (GDK_TOPLEVEL_STATE_TILED | GDK_TOPLEVEL_STATE_TOP_TILED | GDK_TOPLEVEL_STATE_RIGHT_TILED |
        GDK_TOPLEVEL_STATE_BOTTOM_TILED | GDK_TOPLEVEL_STATE_LEFT_TILED)) != 0)
    return FALSE;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return width > 0 && width < SPLIT_MIN_WIDTH;
}

/* Asked for a width where the split cannot fit, the window goes narrow
 * before its size is computed: the split's minimum would otherwise hold
 * the window wider than asked. Wider, the allocation decides
 * (lede_window_size_allocate). */
static void
default_width_cb (LedeWindow *self)
{
  if (!self->narrow && asked_narrow (self))
    {
      self->narrow = TRUE;
      apply_layout (self);
    }
}

/* Folded, the window keeps to the story being written, if there is one. */
static void
show_story (LedeWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && lede_editor_get_article (self->editor) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
apply_folded (LedeWindow *self)
{
  show_story (self);
  lede_window_place_save_state (self);
}

/* Folded or unfolded during an allocation: the widgets change after it. */
static void
folded_cb (LedeWindow *self)
{
  apply_before_next_frame (self, apply_folded);
}

/* Narrow, a story chosen in the list by the writer (a click, or Enter)
 * takes the window, once the list has opened it; the arrow keys, and the
 * list changing by itself, leave the writer in the list. */
static void
story_chosen (LedeWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    apply_before_next_frame (self, show_story);
}

/* Narrow, the list and the story take turns: back to the list. */
static void
back_clicked_cb (LedeWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Narrow: the story's own width, wherever the list and the panel are, is
 * too small for the split, or the window is asked to be (an allocation
 * still at the old size does not undo that). */
static gboolean
want_narrow (LedeWindow *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self->content_stack)) < SPLIT_MIN_WIDTH || asked_narrow (self);
}

static gboolean
apply_layout_idle (gpointer data)
{
  LedeWindow *self = data;
  gboolean narrow = want_narrow (self);

  self->layout_idle_id = 0;
  /* As things are now, not as they were when the idle was queued. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      apply_layout (self);
    }
  return G_SOURCE_REMOVE;
}

/* The Split divider's place is kept in GSettings ("editor-width"), except
 * while focus mode holds it. */
static void
bind_split (LedeWindow *self)
{
  g_settings_bind (self->settings, "editor-width", self->split, "position", G_SETTINGS_BIND_DEFAULT);
}

/* Focus mode hides the preview and the window fills the screen; back, the
 * window manager gives the old size back a moment after the preview
 * returns, and GtkPaned scales the divider with each size (rounding as it
 * goes). So the divider is held from F11 until the split is as wide as it
 * was, then put back where it was, exactly; GSettings hears nothing of the
 * places between. */
static void
hold_split (LedeWindow *self)
{
  if (self->split_held)
    return;
  self->split_held = TRUE;
  self->split_before_focus = gtk_paned_get_position (self->split);
  self->split_width_before_focus = gtk_widget_get_width (GTK_WIDGET (self->split));
  g_settings_unbind (self->split, "position");
}

static void
release_split (LedeWindow *self)
{
  g_clear_handle_id (&self->split_release_id, g_source_remove);
  if (!self->split_held)
    return;
  self->split_held = FALSE;
  /* Where it was, at the width it had; at another width (the window was
   * resized meanwhile), where GtkPaned has scaled it to. */
  if (gtk_widget_get_width (GTK_WIDGET (self->split)) == self->split_width_before_focus)
    gtk_paned_set_position (self->split, self->split_before_focus);
  g_settings_set_int (self->settings, "editor-width", gtk_paned_get_position (self->split));
  bind_split (self);
}

/* A window manager that never gives the old size back (the window was
 * resized meanwhile, or there is none) does not hold the divider for good. */
static gboolean
release_split_timeout (gpointer data)
{
  LedeWindow *self = data;

  self->split_release_id = 0;
  release_split (self);
  return G_SOURCE_REMOVE;
}

/* Back from focus mode, the split as wide as before: the divider goes back. */
static void
release_split_if_back (LedeWindow *self)
{
  if (self->split_held && !self->focus_mode &&
      gtk_widget_get_width (GTK_WIDGET (self->split)) == self->split_width_before_focus)
    release_split (self);
}

/* F11: fullscreen, only the editor, the paragraph being written bright
 * and the rest dimmed; Escape or F11 again leaves. */
static void
set_focus_mode (LedeWindow *self,
                gboolean    focus)
{
  g_autofree char *layout = g_settings_get_string (self->settings, "layout");

  self->focus_mode = focus;
  gtk_widget_set_visible (self->sidebar, !focus);
  gtk_widget_set_visible (self->content_header, !focus);
  gtk_widget_set_visible (GTK_WIDGET (self->metadata_panel), !focus);
  update_layout_bar (self);
  if (focus)
    {
      g_clear_handle_id (&self->split_release_id, g_source_remove);
      hold_split (self);
      gtk_widget_set_visible (GTK_WIDGET (self->preview), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      apply_layout (self);
      g_clear_handle_id (&self->split_release_id, g_source_remove);
      self->split_release_id = g_timeout_add_seconds (2, release_split_timeout, self);
    }
  lede_editor_set_focus_mode (self->editor, focus);
  if (focus)
    lede_editor_focus (self->editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-focus-mode", focus);
}

static void
focus_mode_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;

  if (lede_editor_get_article (self->editor) != NULL || self->focus_mode)
    set_focus_mode (self, !self->focus_mode);
}

static void
leave_focus_mode_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_focus_mode ((LedeWindow *)widget, FALSE);
}

/* After each allocation of the window: narrow or not, from the widths
 * just given. Showing or hiding a pane during allocation would re-enter it. */
void
lede_window_layout_allocated (LedeWindow *self)
{
  if (want_narrow (self) != self->narrow && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_idle, self, NULL);
  if (self->split_held && !self->focus_mode &&
      gtk_widget_get_width (GTK_WIDGET (self->split)) == self->split_width_before_focus)
    apply_before_next_frame (self, release_split_if_back);
}

void
lede_window_class_add_layout (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_squeezed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_chosen);
  gtk_widget_class_install_action (widget_class, "win.focus-mode", NULL, focus_mode_action);
  gtk_widget_class_install_action (widget_class, "win.leave-focus-mode", NULL, leave_focus_mode_action);
  /* Escape leaves focus mode, and only then is it taken from the editor. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-focus-mode", NULL);
}

/* The pointer on the layout switch: the preview is likely wanted next, so
 * its module opens now (the web process only once the preview shows). */
static void
on_pointer_at_switch (LedeWindow *self)
{
  lede_preview_pane_preload (self->preview);
}

static void
watch_pointer (LedeWindow *self,
               GtkWidget  *layout_switch)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect_object (motion, "enter", G_CALLBACK (on_pointer_at_switch), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (layout_switch, motion);
}

void
lede_window_init_layout (LedeWindow *self)
{
  g_autofree char *layout = g_settings_get_string (self->settings, "layout");

  bind_split (self);
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (default_width_cb), self);
  default_width_cb (self);

  /* Editor, split or preview: a stateful win.layout kept in GSettings. */
  self->layout_action = g_simple_action_new_stateful ("layout", G_VARIANT_TYPE_STRING, g_variant_new_string (layout));
  g_signal_connect_object (self->layout_action, "change-state", G_CALLBACK (change_layout_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->layout_action));
  g_signal_connect_object (self->settings, "changed::layout", G_CALLBACK (apply_layout), self, G_CONNECT_SWAPPED);
  apply_layout (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-focus-mode", FALSE);
  watch_pointer (self, gtk_widget_get_parent (self->split_button));
  watch_pointer (self, gtk_widget_get_parent (self->bar_split_button));
}

void
lede_window_dispose_layout (LedeWindow *self)
{
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_handle_id (&self->split_release_id, g_source_remove);
  if (self->layout_action != NULL)
    g_action_map_remove_action (G_ACTION_MAP (self), "layout");
  g_clear_object (&self->layout_action);
}
