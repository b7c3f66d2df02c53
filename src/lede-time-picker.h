/* lede-time-picker.h: a date and time chosen from a calendar and hours,
 * for a row that takes a typed time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_TIME_PICKER (lede_time_picker_get_type ())
G_DECLARE_FINAL_TYPE (LedeTimePicker, lede_time_picker, LEDE, TIME_PICKER, GtkWidget)

LedeTimePicker *lede_time_picker_attach         (AdwEntryRow    *row,
                                                 int             default_hour,
                                                 int             default_minute);
GtkMenuButton  *lede_time_picker_get_button     (LedeTimePicker *self);
GtkCalendar    *lede_time_picker_get_calendar   (LedeTimePicker *self);
void            lede_time_picker_set_clock      (LedeTimePicker *self,
                                                 int             hour,
                                                 int             minute);
const char     *lede_time_picker_get_utc_text   (LedeTimePicker *self);
void            lede_time_picker_set            (LedeTimePicker *self);

G_END_DECLS
