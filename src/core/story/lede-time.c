/* lede-time.c: times as a newsroom reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-time"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-time.h"

/**
 * lede_time_format_short:
 * @time: (nullable): the time to show, in any zone
 * @now: the present, in the zone to show @time in
 *
 * Returns: (transfer full): the clock time for today, the day and month
 *   for this year, the full date otherwise — the way a list of stories is
 *   scanned.
 */
char *
lede_time_format_short (GDateTime *time,
                        GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (time == NULL)
    return g_strdup (_("not saved yet"));

  local = g_date_time_to_timezone (time, g_date_time_get_timezone (now));
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: the time of a change made today; see g_date_time_format() */
    return g_date_time_format (local, _("%H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: the date of a change made this year; see g_date_time_format() */
    return g_date_time_format (local, _("%-d %b"));
  /* Translators: the date of a change made in an earlier year; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/**
 * lede_time_format_utc:
 * @time: (nullable): a time in any zone
 *
 * Returns: (transfer full) (nullable): @time in UTC as ISO 8601 to the
 *   second ("2026-11-28T09:30:00Z"), as the library stores it and every
 *   export writes it; %NULL for %NULL or a time UTC cannot hold (see
 *   lede_time_is_storable())
 */
char *
lede_time_format_utc (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  if (time == NULL || !(utc = g_date_time_to_utc (time)))
    return NULL;
  /* By hand: "%Y" does not pad a year below 1000 to four digits, and such a
   * time could not be read back. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/**
 * lede_time_is_storable:
 * @time: (nullable): a time in any zone
 *
 * Whether @time can be kept: GLib holds years 1 to 9999, and a time near
 * either end in a zone far from UTC falls outside them in UTC.
 */
gboolean
lede_time_is_storable (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  return time == NULL || (utc = g_date_time_to_utc (time)) != NULL;
}
