/* lede-house-style-page.c: Preferences → House Style. The desk's rules,
 * kept in the library: a "use … not …" row for each swap (its level and
 * message under it), the other kinds by name and what they say; a form to
 * add a swap; Lede's starter set added on request, never before.
 *
 * Every change goes to the library, whose ::style-changed has the window
 * apply the rules and this page list them again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-house-style"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-house-style-page.h"
#include "lede-style.h"

struct _LedeHouseStylePage
{
  AdwPreferencesPage  parent_instance;

  AdwPreferencesGroup *rules_group;
  GtkListBox          *rules_list;
  AdwEntryRow         *use_row;
  AdwEntryRow         *not_row;
  AdwComboRow         *level_row;
  AdwEntryRow         *message_row;
  GtkButton           *add_button;

  LedeLibrary         *library;
  LedeStyle           *style;
};

G_DEFINE_FINAL_TYPE (LedeHouseStylePage, lede_house_style_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (LedeHouseStylePage *self,
            const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
remove_clicked_cb (LedeHouseStylePage *self,
                   GtkButton          *button)
{
  const char *name = g_object_get_data (G_OBJECT (button), "lede-rule-name");
  g_autoptr (GError) error = NULL;

  if (!lede_library_remove_style_rule (self->library, name, &error))
    show_error (self, error->message);
}

static char *
dup_level (const LedeStyleRule *rule)
{
  return g_strdup (lede_style_rule_get_severity (rule) == LEDE_SEVERITY_NOTE ? _("Note") : _("Warning"));
}

/* "Use “Kyiv”, not “Kiev”" for each swap; the rule's name and kind else. */
static GtkWidget *
make_row (LedeHouseStylePage  *self,
          const LedeStyleRule *rule)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *level = dup_level (rule);
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *tip = g_strdup_printf (_("Remove the rule “%s”"), rule->name);

  if (rule->kind == LEDE_STYLE_SUBSTITUTION || rule->kind == LEDE_STYLE_CONSISTENCY)
    for (guint i = 0; i < rule->keys->len && i < 3; i++)
      {
        if (i > 0)
          g_string_append (title, "; ");
        g_string_append_printf (title, rule->kind == LEDE_STYLE_SUBSTITUTION ? _("use “%s”, not “%s”")
                                                                             : _("“%s” or “%s”, not both"),
                                (char *)g_ptr_array_index (rule->values, i), (char *)g_ptr_array_index (rule->keys, i));
      }
  else if (rule->kind == LEDE_STYLE_EXISTENCE)
    for (guint i = 0; i < rule->keys->len && i < 5; i++)
      g_string_append_printf (title, i ? ", “%s”" : _("never “%s”"), (char *)g_ptr_array_index (rule->keys, i));
  else if (rule->max >= 0)
    g_string_append_printf (title, _("at most %d words a %s"), rule->max,
                            g_strcmp0 (rule->scope, "sentence") == 0 ? _("sentence")
                            : g_strcmp0 (rule->scope, "paragraph") == 0 ? _("graf") : _("story"));
  else
    g_string_append_printf (title, _("at least %d words"), rule->min);
  if (rule->keys->len > 3 && rule->kind != LEDE_STYLE_EXISTENCE)
    g_string_append_printf (title, _(" and %u more"), rule->keys->len - 3);
  if (title->len > 0)
    title->str[0] = g_ascii_toupper (title->str[0]);

  subtitle = rule->message ? g_strdup_printf ("%s · %s · %s", rule->name, level, rule->message)
                           : g_strdup_printf ("%s · %s", rule->name, level);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set_data_full (G_OBJECT (remove), "lede-rule-name", g_strdup (rule->name), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "lede-remove", remove);
  return row;
}

static void
show_rules (LedeHouseStylePage *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  GPtrArray *rules;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))))
    gtk_list_box_remove (self->rules_list, child);
  g_clear_pointer (&self->style, lede_style_unref);
  if (self->library && !(self->style = lede_style_load (self->library, &error)))
    show_error (self, error->message);
  rules = self->style ? lede_style_get_rules (self->style) : NULL;
  for (guint i = 0; rules && i < rules->len; i++)
    gtk_list_box_append (self->rules_list, make_row (self, g_ptr_array_index (rules, i)));
  if (rules == NULL || rules->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No rules yet: the checks follow only their own"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->rules_list, row);
    }
}

void
lede_house_style_page_set_library (LedeHouseStylePage *self,
                                   LedeLibrary        *library)
{
  g_return_if_fail (LEDE_IS_HOUSE_STYLE_PAGE (self));

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library)
    g_signal_connect_object (library, "style-changed", G_CALLBACK (show_rules), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self), library != NULL && !lede_library_is_read_only (library));
  show_rules (self);
}

/* A name Vale could take for a file: "Kyiv" from "Kyiv", unique. */
static char *
dup_new_name (LedeHouseStylePage *self,
              const char         *preferred)
{
  g_autoptr (GString) base = g_string_new (NULL);
  GPtrArray *rules = self->style ? lede_style_get_rules (self->style) : NULL;

  for (const char *c = preferred; *c && base->len < 40; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (base, base->len == 0 ? g_ascii_toupper (*c) : *c);
  g_string_prepend (base, "Use");
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);
      gboolean taken = FALSE;

      for (guint i = 0; rules && i < rules->len && !taken; i++)
        taken = g_str_equal (((LedeStyleRule *)g_ptr_array_index (rules, i))->name, name);
      if (!taken)
        return g_steal_pointer (&name);
    }
}

/**
 * lede_house_style_page_add:
 * @preferred: the word or words the desk uses
 * @banned: what it uses them for
 * @note: a note rather than a warning
 * @message: (nullable): what the finding says, or %NULL for Lede's words
 *
 * Adds a swap to the house style, as the form does.
 */
gboolean
lede_house_style_page_add (LedeHouseStylePage  *self,
                           const char          *preferred,
                           const char          *banned,
                           gboolean             note,
                           const char          *message,
                           GError             **error)
{
  g_autofree char *use = g_strstrip (g_strdup (preferred));
  g_autofree char *not = g_strstrip (g_strdup (banned));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (LedeStyleRule) rule = NULL;
  g_autoptr (LedeStyleRule) read_back = NULL;
  g_autofree char *said = g_strstrip (g_strdup (message ? message : ""));

  g_return_val_if_fail (LEDE_IS_HOUSE_STYLE_PAGE (self), FALSE);

  if (*use == '\0' || *not == '\0' || g_str_equal (use, not))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A rule needs the words to use and, different from them, the words not to use"));
      return FALSE;
    }
  name = dup_new_name (self, use);
  rule = lede_style_rule_new (name, LEDE_STYLE_SUBSTITUTION);
  g_free (rule->level);
  rule->level = g_strdup (note ? "suggestion" : "warning");
  if (*said != '\0')
    rule->message = g_strdup (said);
  /* What the writer typed is words, not a pattern: "U.S." means U.S. */
  {
    g_autofree char *escaped = g_regex_escape_string (not, -1);

    lede_style_rule_add_pair (rule, escaped, use);
  }
  /* Through the reader, so the form can never keep what import refuses. */
  text = lede_style_rule_write (rule);
  if (!(read_back = lede_style_rule_read (name, text, -1, error)))
    return FALSE;
  return lede_style_keep_rule (self->library, read_back, error);
}

static void
form_changed_cb (LedeHouseStylePage *self)
{
  const char *use = gtk_editable_get_text (GTK_EDITABLE (self->use_row));
  const char *not = gtk_editable_get_text (GTK_EDITABLE (self->not_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *use && *not && self->library);
}

static void
add_clicked_cb (LedeHouseStylePage *self)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;
  if (!lede_house_style_page_add (self, gtk_editable_get_text (GTK_EDITABLE (self->use_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->not_row)),
                                  adw_combo_row_get_selected (self->level_row) == 1,
                                  gtk_editable_get_text (GTK_EDITABLE (self->message_row)), &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->use_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->not_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->message_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->use_row));
}

static void
starter_clicked_cb (LedeHouseStylePage *self)
{
  g_autoptr (GPtrArray) starter = lede_style_dup_starter ();

  for (guint i = 0; self->library && i < starter->len; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!lede_style_keep_rule (self->library, g_ptr_array_index (starter, i), &error))
        {
          show_error (self, error->message);
          return;
        }
    }
}

static void
lede_house_style_page_dispose (GObject *object)
{
  LedeHouseStylePage *self = LEDE_HOUSE_STYLE_PAGE (object);

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->style, lede_style_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_HOUSE_STYLE_PAGE);
  G_OBJECT_CLASS (lede_house_style_page_parent_class)->dispose (object);
}

static void
lede_house_style_page_class_init (LedeHouseStylePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_house_style_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-house-style-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, use_row);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, not_row);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, level_row);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, message_row);
  gtk_widget_class_bind_template_child (widget_class, LedeHouseStylePage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, starter_clicked_cb);
}

static void
lede_house_style_page_init (LedeHouseStylePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_rules (self);
}
