/* lede-preferences-window.c: Lede's preferences (Ctrl+,). Every row is
 * bound to its GSettings key, so a change is saved at once and every
 * window follows it at once (LedeWindow listens to the same keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-accessible.h"
#include "lede-backup-page.h"
#include "lede-house-style-page.h"
#include "lede-preferences-window.h"
#include "lede-publishing-page.h"
#include "lede-wire-page.h"

struct _LedePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkFontButton        *font_button;
  GtkAdjustment        *scale_adjustment;
  GtkSpinButton        *line_spin;
  AdwComboRow          *layout_row;
  GtkSwitch            *punctuation_switch;
  GtkSwitch            *grafs_switch;
  GtkSwitch            *spelling_switch;
  AdwEntryRow          *fallback_row;
  AdwEntryRow          *byline_row;
  AdwEntryRow          *language_row;
  LedeHouseStylePage   *house_style_page;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LedePreferencesWindow, lede_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const layouts[] = { "editor", "split", "preview" };

/* Percent in the spin button, a factor in GSettings. */
static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *type,
                  gpointer            data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
show_font (LedePreferencesWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autofree char *name = NULL;

  if (*font)
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), font);
  else
    gtk_font_button_set_title (self->font_button, _("The desktop’s font"));
  /* The button inside the font button takes the focus, and GTK gives it
   * no name: it says the font, as the button shows it. */
  /* Translators: the font button's name for a screen reader ("Font: Cantarell 11"). */
  name = g_strdup_printf (_("%s: %s"), _("Font"), *font ? font : _("The desktop’s font"));
  lede_accessible_name_inner (GTK_WIDGET (self->font_button), name);
}

static void
font_set_cb (LedePreferencesWindow *self)
{
  g_autofree char *font = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button));

  g_settings_set_string (self->settings, "editor-font", font ? font : "");
}

static void
font_reset_cb (LedePreferencesWindow *self)
{
  g_settings_reset (self->settings, "editor-font");
}

static void
show_layout (LedePreferencesWindow *self)
{
  g_autofree char *layout = g_settings_get_string (self->settings, "layout");

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_str_equal (layout, layouts[i]) && adw_combo_row_get_selected (self->layout_row) != i)
      adw_combo_row_set_selected (self->layout_row, i);
}

static void
layout_selected_cb (LedePreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);
  g_autofree char *layout = NULL;

  if (self->settings == NULL || selected >= G_N_ELEMENTS (layouts))
    return;
  /* show_layout() choosing the row the key says writes nothing: GSettings
   * tells every window of a write, even of the same value. */
  layout = g_settings_get_string (self->settings, "layout");
  if (!g_str_equal (layout, layouts[selected]))
    g_settings_set_string (self->settings, "layout", layouts[selected]);
}

static void
lede_preferences_window_dispose (GObject *object)
{
  LedePreferencesWindow *self = LEDE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lede_preferences_window_parent_class)->dispose (object);
}

static void
lede_preferences_window_class_init (LedePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_preferences_window_dispose;

  g_type_ensure (LEDE_TYPE_HOUSE_STYLE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, house_style_page);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, line_spin);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, punctuation_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, grafs_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, spelling_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, fallback_row);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, byline_row);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, font_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, font_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, layout_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lede_preferences_window_init (LedePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "text-scale", self->scale_adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                scale_to_percent, percent_to_scale, NULL, NULL);
  g_settings_bind (self->settings, "line-length", self->line_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "smart-punctuation", self->punctuation_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "graf-numbers", self->grafs_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "spell-check", self->spelling_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "spell-fallback", self->fallback_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-byline", self->byline_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-language", self->language_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::editor-font", G_CALLBACK (show_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::layout", G_CALLBACK (show_layout), self, G_CONNECT_SWAPPED);
  show_font (self);
  show_layout (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (lede_backup_page_new ()));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (lede_publishing_page_new ()));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (lede_wire_page_new ()));
}

/**
 * lede_preferences_window_new:
 * @library: (nullable): the library whose house style the House Style
 *   page edits
 */
LedePreferencesWindow *
lede_preferences_window_new (GtkWindow   *parent,
                             LedeLibrary *library)
{
  LedePreferencesWindow *self = g_object_new (LEDE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  lede_house_style_page_set_library (self->house_style_page, library);
  return self;
}
