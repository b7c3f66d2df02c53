/* lede-inbox-window.c: the wire inbox, newest first in three groups: what
 * waits to be taken (headline; provider, version and time; byline,
 * dateline and keywords), what was refused (the file and the reason: it
 * stays where it landed), and what was taken in the last 30 days. Take
 * is asked of the window that opened it (::take), which imports the file
 * and shows the story; the window fills the list again when it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-inbox-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-time.h"

#include "lede-inbox-window.h"

struct _LedeInboxWindow
{
  AdwWindow             parent_instance;

  LedeLibrary          *library;
  AdwToastOverlay      *toasts;
  AdwPreferencesGroup  *groups[3];  /* by LedeInboxState */
  GtkWidget            *empty_rows[3];
  GPtrArray            *rows;       /* (group, row) pairs */
  GHashTable           *take_buttons;  /* entry id → button */
};

G_DEFINE_FINAL_TYPE (LedeInboxWindow, lede_inbox_window, ADW_TYPE_WINDOW)

enum { TAKE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_take (GtkButton       *button,
         LedeInboxWindow *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (button), "lede-entry");

  g_signal_emit (self, signals[TAKE], 0, id);
}

/* "example-wire.test · version 2 · 12:04", what a desk reads first. */
static char *
dup_where_from (const LedeInboxEntry *entry,
                GDateTime            *now)
{
  g_autofree char *provider = lede_inbox_entry_dup_provider (entry);
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->arrived_at);
  g_autofree char *when = lede_time_format_short (local, now);
  GString *text = g_string_new (NULL);

  if (*provider)
    g_string_append (text, provider);
  else if (*entry->format)
    g_string_append (text, entry->format);
  if (*entry->version)
    {
      if (text->len)
        g_string_append (text, " · ");
      /* Translators: a wire story's version, as the wire numbers it. */
      g_string_append_printf (text, _("version %s"), entry->version);
    }
  if (text->len)
    g_string_append (text, " · ");
  g_string_append (text, when);
  return g_string_free (text, FALSE);
}

static char *
dup_details (const LedeInboxEntry *entry)
{
  const char *parts[] = { entry->byline, entry->dateline, entry->keywords };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] && *parts[i])
      g_string_append_printf (text, "%s%s", text->len ? " · " : "", parts[i]);
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_row (LedeInboxWindow      *self,
          const LedeInboxEntry *entry,
          GDateTime            *now)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_path_get_basename (entry->path);
  g_autofree char *display_name = g_filename_display_name (name);
  g_autofree char *where_from = dup_where_from (entry, now);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (entry->state == LEDE_INBOX_REFUSED)
    {
      title = g_markup_escape_text (display_name, -1);
      subtitle = g_markup_printf_escaped ("%s\n%s", where_from, entry->reason);
    }
  else
    {
      g_autofree char *details = dup_details (entry);
      const char *headline = *entry->headline ? entry->headline : display_name;

      title = g_markup_escape_text (headline, -1);
      if (*entry->reason)
        subtitle = g_markup_printf_escaped ("%s\n%s", where_from, entry->reason);
      else if (*details)
        subtitle = g_markup_printf_escaped ("%s\n%s", where_from, details);
      else
        subtitle = g_markup_escape_text (where_from, -1);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (g_strcmp0 (entry->pubstatus, "usable") != 0)
    {
      GtkWidget *mark = gtk_label_new (g_strcmp0 (entry->pubstatus, "canceled") == 0 ? _("Killed") : _("Withheld"));

      gtk_widget_add_css_class (mark, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  if (entry->state == LEDE_INBOX_WAITING)
    {
      const char *headline = *entry->headline ? entry->headline : display_name;
      g_autofree char *label = g_strdup_printf (_("Take “%s”"), headline);
      GtkWidget *take = gtk_button_new_with_mnemonic (_("_Take"));
      gint64 *id = g_new (gint64, 1);

      *id = entry->id;
      gtk_widget_set_valign (take, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (take, _("Take it into the library as a draft"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (take), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (take), "lede-entry", id, g_free);
      g_signal_connect_object (take, "clicked", G_CALLBACK (on_take), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), take);
      g_hash_table_insert (self->take_buttons, g_memdup2 (&entry->id, sizeof entry->id), take);
    }
  return row;
}

/**
 * lede_inbox_window_fill:
 *
 * Reads the inbox again: after a file arrived or was taken.
 */
void
lede_inbox_window_fill (LedeInboxWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  gboolean any[3] = { FALSE, FALSE, FALSE };

  g_return_if_fail (LEDE_IS_INBOX_WINDOW (self));

  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->take_buttons);
  entries = lede_library_inbox_list (self->library, &error);
  if (entries == NULL)
    {
      lede_inbox_window_say (self, error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const LedeInboxEntry *entry = g_ptr_array_index (entries, i);
      AdwPreferencesGroup *group = self->groups[entry->state];
      GtkWidget *row = make_row (self, entry, now);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, group);
      g_ptr_array_add (self->rows, row);
      any[entry->state] = TRUE;
    }
  for (guint i = 0; i < 3; i++)
    gtk_widget_set_visible (self->empty_rows[i], !any[i]);
}

/* A message at the foot of the inbox. */
void
lede_inbox_window_say (LedeInboxWindow *self,
                       const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_return_if_fail (LEDE_IS_INBOX_WINDOW (self));

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* The Take button of a waiting entry, or NULL. */
GtkWidget *
lede_inbox_window_get_take_button (LedeInboxWindow *self,
                                   gint64           id)
{
  g_return_val_if_fail (LEDE_IS_INBOX_WINDOW (self), NULL);

  return g_hash_table_lookup (self->take_buttons, &id);
}

static void
lede_inbox_window_dispose (GObject *object)
{
  LedeInboxWindow *self = LEDE_INBOX_WINDOW (object);

  g_clear_pointer (&self->take_buttons, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (lede_inbox_window_parent_class)->dispose (object);
}

static void
lede_inbox_window_class_init (LedeInboxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_inbox_window_dispose;
  /* ::take (gint64 entry): the desk takes it into the library. */
  signals[TAKE] = g_signal_new ("take", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_inbox_window_init (LedeInboxWindow *self)
{
  const char *titles[3] = { N_("Waiting"), N_("Taken"), N_("Refused") };
  const char *descriptions[3] = {
    N_("Newest first. Take a story into the library as a draft; a newer version of one the library has is compared "
       "with it then, never applied by itself."),
    N_("Kept 30 days."),
    N_("Files no reader could read, kept 30 days. Each stays in its folder as it was."),
  };
  const char *empty[3] = { N_("Nothing waiting"), N_("Nothing taken lately"), N_("Nothing refused") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  /* Waiting, then refused (the desk must see it), then taken. */
  const LedeInboxState order[3] = { LEDE_INBOX_WAITING, LEDE_INBOX_REFUSED, LEDE_INBOX_TAKEN };

  self->rows = g_ptr_array_new ();
  self->take_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Wire Inbox"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  for (guint i = 0; i < 3; i++)
    {
      LedeInboxState state = order[i];
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _(titles[state]));
      adw_preferences_group_set_description (group, _(descriptions[state]));
      self->empty_rows[state] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_rows[state]), _(empty[state]));
      gtk_widget_add_css_class (self->empty_rows[state], "dim-label");
      adw_preferences_group_add (group, self->empty_rows[state]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
      self->groups[state] = group;
    }
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (page, TRUE);
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * lede_inbox_window_new:
 * @library: the library whose inbox it shows
 */
LedeInboxWindow *
lede_inbox_window_new (GtkWindow   *parent,
                       LedeLibrary *library)
{
  LedeInboxWindow *self = g_object_new (LEDE_TYPE_INBOX_WINDOW, "transient-for", parent, NULL);

  self->library = g_object_ref (library);
  lede_inbox_window_fill (self);
  return self;
}
