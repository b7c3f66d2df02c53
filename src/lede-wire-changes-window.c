/* lede-wire-changes-window.c: a newer wire version of a story the desk has
 * edited, as changes: each changed graf of the desk's text with the wire's
 * words struck out and put in (the word diff History uses), a Take for
 * that graf, and Take All Changes. Nothing is applied until the desk
 * says: ::take hands the window that opened it the body with those
 * changes, which it puts in the editor as one step Ctrl+Z undoes, and
 * then gives this window the desk's new text to compare again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wire-changes"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-diff.h"

#include "lede-wire-changes-window.h"

struct _LedeWireChangesWindow
{
  AdwWindow             parent_instance;

  gint64                story_id;
  char                 *desk_body;
  char                 *wire_body;
  GArray               *spans;      /* placed in grafs */
  AdwPreferencesPage   *page;
  GPtrArray            *groups;
  GHashTable           *take_buttons;  /* graf → button */
  GtkWidget            *take_all;
  AdwStatusPage        *same_page;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (LedeWireChangesWindow, lede_wire_changes_window, ADW_TYPE_WINDOW)

enum { TAKE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
take (LedeWireChangesWindow *self,
      int                    graf)
{
  g_autofree char *body = lede_diff_apply_graf (self->desk_body, self->wire_body, self->spans, graf);

  g_signal_emit (self, signals[TAKE], 0, body);
}

static void
on_take_graf (GtkButton             *button,
              LedeWireChangesWindow *self)
{
  take (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lede-graf")) - 1);
}

static void
on_take_all (LedeWireChangesWindow *self)
{
  take (self, -1);
}

/* Graf @graf's text, the wire's changes marked: struck out in red what the
 * wire took out, underlined in green what it put in. */
static char *
dup_graf_markup (LedeWireChangesWindow *self,
                 int                    graf)
{
  GString *markup = g_string_new (NULL);
  /* What the wire put in is shown after what it took out, as one reads a
   * correction. */
  g_autoptr (GString) put_in = g_string_new (NULL);

  for (guint k = 0; k < self->spans->len; k++)
    {
      LedeDiffSpan *span = &g_array_index (self->spans, LedeDiffSpan, k);
      g_autofree char *text = NULL;

      if (span->graf != graf)
        continue;
      if (span->kind == LEDE_DIFF_INSERTED)
        text = g_markup_escape_text (self->wire_body + span->new_start, span->new_length);
      else
        text = g_markup_escape_text (self->desk_body + span->old_start, span->old_length);
      if (span->kind == LEDE_DIFF_DELETED)
        g_string_append_printf (markup, "<span strikethrough=\"true\" background=\"#e01b24\" bgalpha=\"25%%\">%s</span>",
                                text);
      else if (span->kind == LEDE_DIFF_INSERTED)
        g_string_append_printf (put_in, "<span underline=\"single\" background=\"#2ec27e\" bgalpha=\"25%%\">%s</span>",
                                text);
      else
        {
          g_string_append (markup, put_in->str);
          g_string_truncate (put_in, 0);
          g_string_append (markup, text);
        }
    }
  g_string_append (markup, put_in->str);
  /* The graf's own blank lines at its end say nothing here. */
  while (markup->len > 0 && markup->str[markup->len - 1] == '\n')
    g_string_truncate (markup, markup->len - 1);
  return g_string_free (markup, FALSE);
}

static void
fill (LedeWireChangesWindow *self)
{
  g_autoptr (GArray) words = lede_diff_words (self->desk_body, self->wire_body);
  g_autoptr (GArray) grafs = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->take_buttons);
  g_clear_pointer (&self->spans, g_array_unref);
  self->spans = lede_diff_place_grafs (self->desk_body, words);
  grafs = lede_diff_changed_grafs (self->spans);

  for (guint i = 0; i < grafs->len; i++)
    {
      int graf = g_array_index (grafs, int, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *title = g_strdup_printf (_("Graf %d"), graf + 1);
      g_autofree char *markup = dup_graf_markup (self, graf);
      g_autofree char *label = g_strdup_printf (_("Take the Wire’s Changes to Graf %d"), graf + 1);
      GtkWidget *text = gtk_label_new (NULL);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Take"));
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_preferences_group_set_title (group, title);
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_top (text, 12);
      gtk_widget_set_margin_bottom (text, 12);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), text);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "lede-graf", GINT_TO_POINTER (graf + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_take_graf), self, 0);
      adw_preferences_group_set_header_suffix (group, button);
      adw_preferences_group_add (group, card);
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
      g_hash_table_insert (self->take_buttons, GINT_TO_POINTER (graf + 1), button);
    }
  gtk_widget_set_sensitive (self->take_all, grafs->len > 0);
  gtk_stack_set_visible_child (self->stack, grafs->len > 0 ? GTK_WIDGET (self->page) : GTK_WIDGET (self->same_page));
}

/* The desk's text now, after a Take or an edit: compared again. */
void
lede_wire_changes_window_set_desk_body (LedeWireChangesWindow *self,
                                        const char            *desk_body)
{
  g_return_if_fail (LEDE_IS_WIRE_CHANGES_WINDOW (self));

  g_free (self->desk_body);
  self->desk_body = g_strdup (desk_body ? desk_body : "");
  fill (self);
}

gint64
lede_wire_changes_window_get_story_id (LedeWireChangesWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WIRE_CHANGES_WINDOW (self), 0);

  return self->story_id;
}

/* How many grafs the wire changed. */
guint
lede_wire_changes_window_count_grafs (LedeWireChangesWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WIRE_CHANGES_WINDOW (self), 0);

  return g_hash_table_size (self->take_buttons);
}

/* The Take button of graf @graf (from 0), or the Take All button for -1. */
GtkWidget *
lede_wire_changes_window_get_take_button (LedeWireChangesWindow *self,
                                          int                    graf)
{
  g_return_val_if_fail (LEDE_IS_WIRE_CHANGES_WINDOW (self), NULL);

  if (graf < 0)
    return self->take_all;
  return g_hash_table_lookup (self->take_buttons, GINT_TO_POINTER (graf + 1));
}

static void
lede_wire_changes_window_dispose (GObject *object)
{
  LedeWireChangesWindow *self = LEDE_WIRE_CHANGES_WINDOW (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->take_buttons, g_hash_table_unref);
  g_clear_pointer (&self->desk_body, g_free);
  g_clear_pointer (&self->wire_body, g_free);
  G_OBJECT_CLASS (lede_wire_changes_window_parent_class)->dispose (object);
}

static void
lede_wire_changes_window_class_init (LedeWireChangesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_wire_changes_window_dispose;
  /* ::take (char *body): the desk's body with the changes it took. */
  signals[TAKE] = g_signal_new ("take", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_wire_changes_window_init (LedeWireChangesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->groups = g_ptr_array_new ();
  self->take_buttons = g_hash_table_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 620);
  self->take_all = gtk_button_new_with_mnemonic (_("Take _All Changes"));
  gtk_widget_add_css_class (self->take_all, "suggested-action");
  gtk_widget_set_tooltip_text (self->take_all, _("Put the wire’s text in place of the desk’s (Ctrl+Z undoes it)"));
  g_signal_connect_object (self->take_all, "clicked", G_CALLBACK (on_take_all), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->take_all);
  gtk_box_append (GTK_BOX (box), header);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->same_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->same_page, _("No Changes Left"));
  adw_status_page_set_description (self->same_page, _("The desk’s text has every change the wire made."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->page));
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->same_page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * lede_wire_changes_window_new:
 * @desk_body: the story's body as the desk has it
 * @wire_body: the body of the wire's newer version
 */
LedeWireChangesWindow *
lede_wire_changes_window_new (GtkWindow  *parent,
                              gint64      story_id,
                              const char *headline,
                              const char *desk_body,
                              const char *wire_body)
{
  LedeWireChangesWindow *self = g_object_new (LEDE_TYPE_WIRE_CHANGES_WINDOW, "transient-for", parent, NULL);
  /* Translators: the title of the window showing a newer wire version's changes to a story. */
  g_autofree char *title = g_strdup_printf (_("Wire Changes: %s"), headline);

  gtk_window_set_title (GTK_WINDOW (self), title);
  self->story_id = story_id;
  self->wire_body = g_strdup (wire_body ? wire_body : "");
  lede_wire_changes_window_set_desk_body (self, desk_body);
  return self;
}
