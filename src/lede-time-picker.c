/* lede-time-picker.c: a date and time chosen from a calendar and hours,
 * for a row that takes a typed time (embargo, published time, deadline).
 * The popover shows the writer's local time and the same moment in UTC;
 * Set writes it into the row as the row's own text and applies the row, so
 * the row's reading (and what it refuses) stays the one way in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-time-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-time.h"
#include "lede-time-picker.h"

struct _LedeTimePicker
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  GtkLabel      *utc_label;
  AdwEntryRow   *row;          /* the row filled; it owns us */
  int            default_hour; /* offered when the row holds no time */
  int            default_minute;
};

G_DEFINE_FINAL_TYPE (LedeTimePicker, lede_time_picker, GTK_TYPE_WIDGET)

/* The moment the calendar and hours show, in local time. */
static GDateTime *
chosen (LedeTimePicker *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour),
                                gtk_spin_button_get_value_as_int (self->minute), 0);
}

static void
show_utc (LedeTimePicker *self)
{
  g_autoptr (GDateTime) local = chosen (self);
  g_autoptr (GDateTime) utc = local ? g_date_time_to_utc (local) : NULL;
  g_autofree char *text = utc ? g_date_time_format (utc, "%Y-%m-%d %H:%M") : NULL;
  g_autofree char *line = NULL;

  /* Translators: the chosen time in UTC, under the calendar */
  line = g_strdup_printf (_("%s UTC"), text ? text : "—");
  gtk_label_set_text (self->utc_label, line);
}

/* Opening, the popover shows the row's time, or the next default hour to
 * come: never a time already past. */
static void
on_opened (LedeTimePicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->row));
  g_autoptr (GDateTime) shown = lede_time_parse_local (text);

  if (shown == NULL && self->default_hour < 0)
    shown = g_date_time_new_now_local ();
  else if (shown == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                           g_date_time_get_day_of_month (now),
                                                           self->default_hour, self->default_minute, 0);

      shown = g_date_time_compare (today, now) > 0 ? g_date_time_ref (today) : g_date_time_add_days (today, 1);
    }
  else
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (shown);

      g_date_time_unref (shown);
      shown = g_steal_pointer (&local);
    }
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
  show_utc (self);
}

static void
on_set (LedeTimePicker *self)
{
  g_autoptr (GDateTime) local = chosen (self);
  g_autofree char *text = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

  gtk_menu_button_popdown (self->button);
  if (text == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->row), text);
  g_signal_emit_by_name (self->row, "apply");
}

/* Two digits, as a clock shows minutes. */
static gboolean
on_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
clock_spin (LedeTimePicker *self,
            int             last,
            const char     *name)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, last, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_output), NULL);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (show_utc), self, G_CONNECT_SWAPPED);
  return spin;
}

static void
lede_time_picker_dispose (GObject *object)
{
  LedeTimePicker *self = LEDE_TIME_PICKER (object);

  g_clear_pointer ((GtkWidget **)&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (lede_time_picker_parent_class)->dispose (object);
}

static void
lede_time_picker_class_init (LedeTimePickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_time_picker_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

/* The popover, made the first time it is asked for: a calendar is some
 * sixty widgets, and the panel has three pickers that a story seldom
 * opens. */
static void
ensure_popover (LedeTimePicker *self)
{
  GtkWidget *popover, *box, *clock, *set;

  if (self->calendar != NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  clock = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  set = gtk_button_new_with_mnemonic (_("_Set"));
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->hour = clock_spin (self, 23, _("Hour"));
  self->minute = clock_spin (self, 59, _("Minute"));
  self->utc_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->utc_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->utc_label), "caption");
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (show_utc), self, G_CONNECT_SWAPPED);

  gtk_widget_set_halign (clock, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (clock), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (clock), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (clock), GTK_WIDGET (self->minute));
  gtk_widget_add_css_class (set, "suggested-action");
  g_signal_connect_object (set, "clicked", G_CALLBACK (on_set), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), clock);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->utc_label));
  gtk_box_append (GTK_BOX (box), set);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), set);
  gtk_menu_button_set_popover (self->button, popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_opened), self, G_CONNECT_SWAPPED);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  ensure_popover (user_data);
}

static void
lede_time_picker_init (LedeTimePicker *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a date and time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a date and time"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_popup, self, NULL);
}

/**
 * lede_time_picker_attach:
 * @row: a row that takes a typed time and reads it when applied
 * @default_hour, @default_minute: offered when the row holds no time (the
 *   next such time to come), or -1 for the present
 *
 * Puts a calendar button at the end of @row.
 *
 * Returns: (transfer none): the picker, owned by @row
 */
LedeTimePicker *
lede_time_picker_attach (AdwEntryRow *row,
                         int          default_hour,
                         int          default_minute)
{
  LedeTimePicker *self = g_object_new (LEDE_TYPE_TIME_PICKER, NULL);

  self->row = row;
  self->default_hour = default_hour;
  self->default_minute = default_minute;
  adw_entry_row_add_suffix (row, GTK_WIDGET (self));
  return self;
}

/* For tests and the keyboard: the popover's parts. */
GtkMenuButton *
lede_time_picker_get_button (LedeTimePicker *self)
{
  return self->button;
}

GtkCalendar *
lede_time_picker_get_calendar (LedeTimePicker *self)
{
  ensure_popover (self);
  return self->calendar;
}

void
lede_time_picker_set_clock (LedeTimePicker *self,
                            int             hour,
                            int             minute)
{
  ensure_popover (self);
  gtk_spin_button_set_value (self->hour, hour);
  gtk_spin_button_set_value (self->minute, minute);
}

const char *
lede_time_picker_get_utc_text (LedeTimePicker *self)
{
  ensure_popover (self);
  return gtk_label_get_text (self->utc_label);
}

void
lede_time_picker_set (LedeTimePicker *self)
{
  ensure_popover (self);
  on_set (self);
}
