/* lede-accessible.c: the names a screen reader hears, where GTK 4.8's own
 * are wrong or missing.
 *
 * GTK 4.8 names a button with a mnemonic by its label property as given,
 * underscore and all, and then again by the label inside it: Orca says
 * "_Replace Replace". A check button says "_Match Case". Every such
 * button in the program, Lede's and libadwaita's (a message dialog's
 * responses), is put right when the window or popover holding it is
 * mapped, when it is mapped itself, and whenever its label changes: the
 * label inside then names a button, the label without its underscore a
 * check button.
 *
 * A drop-down and a font button are each a node with a button inside it,
 * and that button, which takes the focus, has no name ("GtkToggleButton").
 * It is named here, for what it chooses and what is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-accessible.h"

static GQuark watched_quark;

/* "Replace _All" as read aloud; "__" is one underscore shown. */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_by_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    {
      GtkButton *button = GTK_BUTTON (widget);

      if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (widget);
      const char *label = gtk_check_button_get_label (check);

      if (gtk_check_button_get_use_underline (check) && label != NULL)
        {
          g_autofree char *said = strip_mnemonic (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
        }
    }
}

static void
watch (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return;
  if (g_object_get_qdata (G_OBJECT (widget), watched_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (widget), watched_quark, GINT_TO_POINTER (TRUE));
      /* GTK sets the label property again with the label. */
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_by_label), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (name_by_label), NULL);
    }
  name_by_label (widget);
}

/* Also what is never mapped: the responses a message dialog keeps for
 * another width are in the accessibility tree all the same. */
static void
watch_all (GtkWidget *widget)
{
  watch (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    watch_all (child);
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_NATIVE (widget))
    watch_all (widget);
  else
    watch (widget);
  return TRUE;
}

/**
 * lede_accessible_init:
 *
 * Puts right every mnemonic button's name from now on. Once, at start.
 */
void
lede_accessible_init (void)
{
  if (watched_quark != 0)
    return;
  /* The signal is there once the class is; the class stays. */
  g_type_class_ref (GTK_TYPE_WIDGET);
  watched_quark = g_quark_from_static_string ("lede-accessible-watched");
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
}

/**
 * lede_accessible_name_inner:
 * @widget: a drop-down or a font button
 * @name: what a screen reader says for it
 *
 * Names @widget and the button inside it that takes the focus.
 */
void
lede_accessible_name_inner (GtkWidget  *widget,
                            const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_selected (GtkDropDown *drop_down,
             GParamSpec  *pspec,
             const char  *what)
{
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto (GValue) value = G_VALUE_INIT;
  g_autofree char *name = NULL;
  const char *shown = NULL;

  if (item != NULL && expression != NULL && gtk_expression_evaluate (expression, item, &value)
      && G_VALUE_HOLDS_STRING (&value))
    shown = g_value_get_string (&value);
  else if (GTK_IS_STRING_OBJECT (item))
    shown = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  /* Translators: a drop-down's name for a screen reader: what it chooses,
   * then what is chosen ("Status: Any status"). */
  name = shown != NULL ? g_strdup_printf (_("%s: %s"), what, shown) : g_strdup (what);
  lede_accessible_name_inner (GTK_WIDGET (drop_down), name);
}

/**
 * lede_accessible_name_drop_down:
 * @drop_down: a drop-down
 * @what: what it chooses, translated ("Status"); kept, it must outlive
 *   @drop_down (a string of gettext's does)
 *
 * Names @drop_down, and the button in it that takes the focus, for what
 * it chooses and what is chosen, now and whenever that changes.
 */
void
lede_accessible_name_drop_down (GtkDropDown *drop_down,
                                const char  *what)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (on_selected), (gpointer) what);
  on_selected (drop_down, NULL, what);
}
