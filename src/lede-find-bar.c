/* lede-find-bar.c: find and replace in a story.
 *
 * Ctrl+F opens it over the editor, Ctrl+H with the replace row. The body
 * is searched with GtkSourceSearchContext, which counts in the background
 * so a pattern that matches a million times never freezes the window;
 * the headline is counted and replaced too. Replace All is one undo step
 * in either field: the bar says when it starts and ends
 * (::before-replace-all, ::replaced-all) and the editor joins the two
 * fields' undo. A bad regular expression is said in words under the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-find-bar.h"

struct _LedeFindBar
{
  GtkWidget               parent_instance;

  GtkSourceView          *body;
  GtkTextView            *headline;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext *context;

  GtkWidget              *box;
  GtkSearchEntry         *find_entry;
  GtkEntry               *replace_entry;
  GtkWidget              *replace_row;
  GtkLabel               *status;
  GtkLabel               *error;
  guint                   headline_matches;
  char                   *status_text;
  guint                   recount_id;
};

G_DEFINE_FINAL_TYPE (LedeFindBar, lede_find_bar, GTK_TYPE_WIDGET)

enum {
  BEFORE_REPLACE_ALL,
  REPLACED_ALL,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The headline is a plain buffer: searched with the same settings by hand. */
static GRegex *
headline_regex (LedeFindBar *self)
{
  const char *text = gtk_source_search_settings_get_search_text (self->settings);
  g_autofree char *pattern = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  pattern = gtk_source_search_settings_get_regex_enabled (self->settings) ? g_strdup (text)
                                                                         : g_regex_escape_string (text, -1);
  if (gtk_source_search_settings_get_at_word_boundaries (self->settings))
    {
      g_autofree char *bounded = g_strdup_printf ("\\b(?:%s)\\b", pattern);
      g_free (pattern);
      pattern = g_steal_pointer (&bounded);
    }
  return g_regex_new (pattern,
                      gtk_source_search_settings_get_case_sensitive (self->settings) ? 0 : G_REGEX_CASELESS,
                      0, NULL);
}

static guint
count_in_headline (LedeFindBar *self)
{
  g_autoptr (GRegex) regex = headline_regex (self);
  g_autoptr (GMatchInfo) info = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->headline);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint n = 0;

  if (regex == NULL)
    return 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (g_regex_match (regex, text, 0, &info); g_match_info_matches (info) && n < 1000; g_match_info_next (info, NULL))
    {
      int from, to;

      g_match_info_fetch_pos (info, 0, &from, &to);
      if (to > from)
        n++;
    }
  return n;
}

static void update_status (LedeFindBar *self);

/* GtkSearchEntry tells what was typed only after a pause; Enter (or a
 * button) pressed before then must search for what the entry shows, not
 * for what it showed a moment ago. */
static void
sync_search_text (LedeFindBar *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  const char *searched = gtk_source_search_settings_get_search_text (self->settings);

  if (g_strcmp0 (*typed != '\0' ? typed : NULL, searched) != 0)
    gtk_source_search_settings_set_search_text (self->settings, *typed != '\0' ? typed : NULL);
}

static gboolean
recount (gpointer data)
{
  LedeFindBar *self = data;

  self->recount_id = 0;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
update_status (LedeFindBar *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  const GError *regex_error = gtk_source_search_context_get_regex_error (self->context);
  int count = gtk_source_search_context_get_occurrences_count (self->context);
  const char *text = gtk_source_search_settings_get_search_text (self->settings);
  g_autofree char *headline = NULL;
  GtkTextIter start, end;
  int position = 0;

  g_clear_pointer (&self->status_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error), regex_error != NULL);
  if (regex_error != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("This regular expression cannot be used: %s"), regex_error->message);
      gtk_label_set_text (self->error, why);
    }
  if (text == NULL || *text == '\0' || regex_error != NULL)
    self->status_text = g_strdup ("");
  else if (count < 0)
    {
      /* The count comes from the background; look again shortly. */
      self->status_text = g_strdup (_("Counting…"));
      if (self->recount_id == 0)
        self->recount_id = g_timeout_add (100, recount, self);
    }
  else
    {
      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);
      if (count == 0 && self->headline_matches == 0)
        self->status_text = g_strdup (_("No matches"));
      else if (position > 0)
        self->status_text = g_strdup_printf (_("%d of %d"), position, count);
      else
        self->status_text = g_strdup_printf (g_dngettext (NULL, "%d match", "%d matches", count), count);
      if (self->headline_matches > 0)
        {
          headline = g_strdup_printf (_("%s, and %u in the headline"), self->status_text, self->headline_matches);
          g_free (self->status_text);
          self->status_text = g_steal_pointer (&headline);
        }
    }
  gtk_label_set_text (self->status, self->status_text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), *self->status_text != '\0');
}

static void
on_settings_changed (LedeFindBar *self)
{
  self->headline_matches = count_in_headline (self);
  update_status (self);
}

static void
select_match (LedeFindBar *self,
              GtkTextIter *start,
              GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->body), gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
  update_status (self);
}

/**
 * lede_find_bar_next:
 * @backward: the match before the cursor instead
 *
 * Selects the next match in the body, going round at the end.
 */
void
lede_find_bar_next (LedeFindBar *self,
                    gboolean     backward)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to, start, end;
  gboolean wrapped;

  g_return_if_fail (LEDE_IS_FIND_BAR (self));

  sync_search_text (self);
  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  gtk_text_buffer_get_selection_bounds (buffer, &from, &to);
  if (backward ? gtk_source_search_context_backward (self->context, &from, &start, &end, &wrapped)
               : gtk_source_search_context_forward (self->context, &to, &start, &end, &wrapped))
    select_match (self, &start, &end);
}

/**
 * lede_find_bar_replace:
 *
 * Replaces the selected match (or finds the next one first).
 *
 * Returns: whether a match was replaced
 */
gboolean
lede_find_bar_replace (LedeFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr (GError) error = NULL;
  const char *with;

  g_return_val_if_fail (LEDE_IS_FIND_BAR (self), FALSE);

  sync_search_text (self);
  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  with = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      gtk_source_search_context_get_occurrence_position (self->context, &start, &end) <= 0)
    {
      lede_find_bar_next (self, FALSE);
      return FALSE;
    }
  if (!gtk_source_search_context_replace (self->context, &start, &end, with, -1, &error))
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return FALSE;
    }
  lede_find_bar_next (self, FALSE);
  return TRUE;
}

/* The headline, a plain buffer, replaced as one step of its own undo. */
static guint
replace_in_headline (LedeFindBar *self,
                     const char  *with)
{
  g_autoptr (GRegex) regex = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->headline);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  guint n = self->headline_matches;

  if (n == 0 || (regex = headline_regex (self)) == NULL)
    return 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  changed = gtk_source_search_settings_get_regex_enabled (self->settings)
            ? g_regex_replace (regex, text, -1, 0, with, 0, NULL)
            : g_regex_replace_literal (regex, text, -1, 0, with, 0, NULL);
  if (changed == NULL || g_str_equal (changed, text))
    return 0;
  /* Deleted and inserted, not set: setting the text would clear the
   * headline's undo history instead of adding a step to it. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, changed, -1);
  gtk_text_buffer_end_user_action (buffer);
  return n;
}

/**
 * lede_find_bar_replace_all:
 *
 * Replaces every match, in the body and in the headline. The bar emits
 * ::before-replace-all and ::replaced-all around the change, so the
 * editor can make it one undo step from either field.
 *
 * Returns: how many were replaced
 */
guint
lede_find_bar_replace_all (LedeFindBar *self)
{
  g_autoptr (GError) error = NULL;
  const char *with;
  int count;
  guint replaced;

  g_return_val_if_fail (LEDE_IS_FIND_BAR (self), 0);

  sync_search_text (self);
  count = gtk_source_search_context_get_occurrences_count (self->context);
  if (count > LEDE_FIND_BAR_MAX_REPLACE)
    {
      g_autofree char *why = g_strdup_printf (_("Over %d matches: too many to replace at once. Narrow the search."),
                                              LEDE_FIND_BAR_MAX_REPLACE);
      gtk_label_set_text (self->error, why);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return 0;
    }
  /* The story before is kept as a revision: one Replace All can undo a
   * day's work, and Ctrl+Z does not outlive the session. */
  g_signal_emit (self, signals [BEFORE_REPLACE_ALL], 0);
  with = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  replaced = gtk_source_search_context_replace_all (self->context, with, -1, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
    }
  else
    replaced += replace_in_headline (self, with);
  g_signal_emit (self, signals [REPLACED_ALL], 0);
  update_status (self);
  return replaced;
}

int
lede_find_bar_get_count (LedeFindBar *self)
{
  g_return_val_if_fail (LEDE_IS_FIND_BAR (self), -1);
  return gtk_source_search_context_get_occurrences_count (self->context);
}

const char *
lede_find_bar_get_status (LedeFindBar *self)
{
  g_return_val_if_fail (LEDE_IS_FIND_BAR (self), NULL);
  return self->status_text ? self->status_text : "";
}

static void
close_bar (LedeFindBar *self)
{
  /* The match stays selected, as in GNOME Text Editor: what the writer
   * types next replaces it. */
  gtk_source_search_context_set_highlight (self->context, FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (self))), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->body));
}

static void
on_find_changed (LedeFindBar *self)
{
  gtk_source_search_settings_set_search_text (self->settings,
                                              *gtk_editable_get_text (GTK_EDITABLE (self->find_entry))
                                              ? gtk_editable_get_text (GTK_EDITABLE (self->find_entry)) : NULL);
}

static gboolean
on_find_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LedeFindBar           *self)
{
  /* Tab goes from what to find to what to put instead. */
  if (keyval == GDK_KEY_Tab && (state & GDK_MODIFIER_MASK) == 0 && gtk_widget_get_visible (self->replace_row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
      return GDK_EVENT_STOP;
    }
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  /* Ctrl+Return replaces all from either entry, when replacing is shown. */
  if ((state & GDK_CONTROL_MASK) != 0 && gtk_widget_get_visible (self->replace_row))
    lede_find_bar_replace_all (self);
  else
    lede_find_bar_next (self, (state & GDK_SHIFT_MASK) != 0);
  return GDK_EVENT_STOP;
}

static gboolean
on_replace_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LedeFindBar           *self)
{
  /* Escape closes the bar from here too, as from the find entry. */
  if (keyval == GDK_KEY_Escape && (state & GDK_MODIFIER_MASK) == 0)
    {
      close_bar (self);
      return GDK_EVENT_STOP;
    }
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  if (state & GDK_CONTROL_MASK)
    lede_find_bar_replace_all (self);
  else
    lede_find_bar_replace (self);
  return GDK_EVENT_STOP;
}

static GtkWidget *
option (LedeFindBar *self,
        const char  *label,
        const char  *property)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  g_object_bind_property (check, "active", self->settings, property, G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return check;
}

static GtkWidget *
button (const char *label,
        GCallback   callback,
        gpointer    data)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (widget, "clicked", callback, data);
  return widget;
}

static void
on_replace_clicked (LedeFindBar *self)
{
  lede_find_bar_replace (self);
}

static void
on_replace_all_clicked (LedeFindBar *self)
{
  lede_find_bar_replace_all (self);
}

static void
on_next_match (LedeFindBar *self)
{
  lede_find_bar_next (self, FALSE);
}

static void
on_previous_match (LedeFindBar *self)
{
  lede_find_bar_next (self, TRUE);
}

static void
lede_find_bar_dispose (GObject *object)
{
  LedeFindBar *self = LEDE_FIND_BAR (object);

  g_clear_handle_id (&self->recount_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->status_text, g_free);
  G_OBJECT_CLASS (lede_find_bar_parent_class)->dispose (object);
}

static void
lede_find_bar_class_init (LedeFindBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_find_bar_dispose;

  /**
   * LedeFindBar::before-replace-all:
   *
   * Emitted just before Replace All changes anything.
   */
  signals [BEFORE_REPLACE_ALL] = g_signal_new ("before-replace-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LedeFindBar::replaced-all:
   *
   * Emitted when Replace All is done with both fields, after
   * ::before-replace-all (also when it failed part way).
   */
  signals [REPLACED_ALL] = g_signal_new ("replaced-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "findbar");
}

static void
lede_find_bar_init (LedeFindBar *self)
{
  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
}

LedeFindBar *
lede_find_bar_new (GtkSourceView *body,
                   GtkTextView   *headline)
{
  LedeFindBar *self = g_object_new (LEDE_TYPE_FIND_BAR, NULL);
  GtkWidget *find_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkEventController *keys;

  self->body = body;
  self->headline = headline;
  self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body))),
                                                 self->settings);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "toolbar");

  self->find_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->find_entry), TRUE);
  /* Both entries grow into the room there is; what they ask for at least
   * keeps the bar, and so the editor, narrow enough for 360 px and for
   * editor and preview side by side below the window's narrow mode. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->find_entry), 4);
  g_object_set (self->find_entry, "placeholder-text", _("Find in the story"), NULL);
  g_signal_connect_swapped (self->find_entry, "search-changed", G_CALLBACK (on_find_changed), self);
  g_signal_connect_swapped (self->find_entry, "next-match", G_CALLBACK (on_next_match), self);
  g_signal_connect_swapped (self->find_entry, "previous-match", G_CALLBACK (on_previous_match), self);
  g_signal_connect_swapped (self->find_entry, "stop-search", G_CALLBACK (close_bar), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_find_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  /* Under the entry and wrapping: a long status ("3 of 12, and 1 in the
   * headline") is read whole at 360 px and never widens the window. */
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "numeric");
  gtk_widget_set_tooltip_text (previous, _("Previous Match (Shift+Enter)"));
  gtk_widget_set_tooltip_text (next, _("Next Match (Enter)"));
  gtk_widget_set_tooltip_text (close, _("Close (Escape)"));
  /* A screen reader says the name, not the tooltip (nor the icon). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Match"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Match"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the Find Bar"), -1);
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (on_previous_match), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (on_next_match), self);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (close_bar), self);
  for (GtkWidget **w = (GtkWidget *[]) { previous, next, close, NULL }; *w; w++)
    gtk_widget_add_css_class (*w, "flat");

  gtk_box_append (GTK_BOX (find_row), GTK_WIDGET (self->find_entry));
  gtk_box_append (GTK_BOX (find_row), previous);
  gtk_box_append (GTK_BOX (find_row), next);
  {
    /* The options fold into a menu, so the bar fits a narrow editor. */
    GtkWidget *options = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (list), option (self, _("_Match Case"), "case-sensitive"));
    gtk_box_append (GTK_BOX (list), option (self, _("_Whole Words Only"), "at-word-boundaries"));
    gtk_box_append (GTK_BOX (list), option (self, _("_Regular Expression"), "regex-enabled"));
    gtk_popover_set_child (GTK_POPOVER (popover), list);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (options), popover);
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (options), "emblem-system-symbolic");
    gtk_widget_set_tooltip_text (options, _("Search Options"));
    /* The toggle inside, which takes the focus, is named by the menu button. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (options), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Options"), -1);
    gtk_widget_add_css_class (options, "flat");
    gtk_box_append (GTK_BOX (find_row), options);
  }
  gtk_box_append (GTK_BOX (find_row), close);
  gtk_box_append (GTK_BOX (self->box), find_row);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error));

  self->replace_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->replace_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->replace_entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->replace_entry), 4);
  gtk_entry_set_placeholder_text (self->replace_entry, _("Replace with"));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_replace_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->replace_entry), keys);
  gtk_box_append (GTK_BOX (self->replace_row), GTK_WIDGET (self->replace_entry));
  gtk_box_append (GTK_BOX (self->replace_row), button (_("_Replace"), G_CALLBACK (on_replace_clicked), self));
  gtk_box_append (GTK_BOX (self->replace_row), button (_("Replace _All"), G_CALLBACK (on_replace_all_clicked), self));
  gtk_box_append (GTK_BOX (self->box), self->replace_row);

  g_signal_connect_object (self->settings, "notify", G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::occurrences-count", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::regex-error", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), "mark-set", G_CALLBACK (update_status),
                           self, G_CONNECT_SWAPPED);
  /* The headline is counted again whenever it changes, typed or set (a
   * story opened, the panel's Headline), so its count is never stale. */
  g_signal_connect_object (gtk_text_view_get_buffer (headline), "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * lede_find_bar_open:
 * @replace: whether the replace row shows too (Ctrl+H)
 *
 * Shows the bar with the focus in the find entry, its text selected.
 */
void
lede_find_bar_open (LedeFindBar *self,
                    gboolean     replace)
{
  g_return_if_fail (LEDE_IS_FIND_BAR (self));

  gtk_widget_set_visible (self->replace_row, replace);
  gtk_source_search_context_set_highlight (self->context, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (self))), TRUE);
  /* Selected before it has the focus: GTK 4.8's entry keeps blinking a
   * cursor it was given before a selection, and warns. */
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

/**
 * lede_find_bar_set_text:
 *
 * What to find and what to put instead, as if typed.
 */
void
lede_find_bar_set_text (LedeFindBar *self,
                        const char  *find,
                        const char  *replace)
{
  g_return_if_fail (LEDE_IS_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), find ? find : "");
  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), replace ? replace : "");
  on_find_changed (self);
}

/**
 * lede_find_bar_set_options:
 *
 * What the options menu sets: match case, whole words only, and a regular
 * expression instead of plain text.
 */
void
lede_find_bar_set_options (LedeFindBar *self,
                           gboolean     case_sensitive,
                           gboolean     whole_words,
                           gboolean     regex)
{
  g_return_if_fail (LEDE_IS_FIND_BAR (self));

  gtk_source_search_settings_set_case_sensitive (self->settings, case_sensitive);
  gtk_source_search_settings_set_at_word_boundaries (self->settings, whole_words);
  gtk_source_search_settings_set_regex_enabled (self->settings, regex);
}

/**
 * lede_find_bar_get_error:
 *
 * Returns: (nullable): what is wrong with the search, in words, or %NULL
 */
const char *
lede_find_bar_get_error (LedeFindBar *self)
{
  g_return_val_if_fail (LEDE_IS_FIND_BAR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : NULL;
}
