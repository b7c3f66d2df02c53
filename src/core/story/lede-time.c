/* lede-time.c: times as a newsroom reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

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
 * lede_time_format_local:
 * @time: (nullable): a time in any zone
 *
 * Returns: (transfer full): @time in the local zone to the minute
 *   ("2026-12-01 09:30"), as embargoes and deadlines are shown and typed;
 *   "" for %NULL
 */
char *
lede_time_format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
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

/**
 * lede_time_format_span:
 * @span: a length of time, rounded up to the minute (at least one)
 *
 * Returns: (transfer full): "2 days 3 hours", "3 hours 5 minutes",
 *   "45 minutes": how long until a deadline, or past it
 */
char *
lede_time_format_span (GTimeSpan span)
{
  gint64 minutes = MAX (1, (ABS (span) + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
  gint64 days = minutes / (24 * 60), hours = minutes / 60 % 24;
  g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), (int)days);
  g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), (int)hours);
  g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes % 60),
                                        (int)(minutes % 60));

  if (days > 0)
    return hours ? g_strdup_printf ("%s %s", d, h) : g_strdup (d);
  if (hours > 0)
    return minutes % 60 ? g_strdup_printf ("%s %s", h, m) : g_strdup (h);
  return g_strdup (m);
}

/**
 * lede_time_format_due:
 * @deadline: when a story is due
 * @now: the present
 *
 * Returns: (transfer full): the deadline as a sidebar row says it, in
 *   words and not by colour alone: "due in 2 h", "due in 25 min", "due in
 *   3 days", "overdue by 1 h"
 */
char *
lede_time_format_due (GDateTime *deadline,
                      GDateTime *now)
{
  GTimeSpan span;
  gint64 minutes, hours, days;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (deadline != NULL && now != NULL, NULL);

  span = g_date_time_difference (deadline, now);
  minutes = MAX (1, (ABS (span) + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
  hours = (minutes + 30) / 60;
  days = (minutes + 12 * 60) / (24 * 60);
  if (minutes < 60)
    /* Translators: a deadline's distance, short, as in "due in 25 min" */
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", minutes), (int)minutes);
  else if (minutes < 36 * 60)
    /* Translators: a deadline's distance, short, as in "due in 2 h" */
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h", "%d h", hours), (int)hours);
  else
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), (int)days);
  if (span < 0)
    /* Translators: %s is "2 h", "25 min", "3 days" */
    return g_strdup_printf (_("overdue by %s"), amount);
  /* Translators: %s is "2 h", "25 min", "3 days" */
  return g_strdup_printf (_("due in %s"), amount);
}

/**
 * lede_time_parse_local:
 * @text: a time as a writer types it: "2026-12-05", "2026-12-05 17:30",
 *   "2026-12-05T17:30:00", or any of these with a zone ("Z", "+01:00")
 *
 * One reading of a typed time for the panel's rows and lede-cli, so the
 * two never disagree: in the writer's local time unless a zone is given.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   not one
 */
GDateTime *
lede_time_parse_local (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *iso = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  int year, month, day, hour = 0, minute = 0, second = 0, used = 0;
  const char *rest;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  /* A date alone is the start of that day; "2026-12-1 9:30" is taken as
   * typed, one digit or two. */
  if (sscanf (trimmed, "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3)
    return NULL;
  rest = trimmed + used;
  if (*rest != '\0')
    {
      if ((*rest != ' ' && *rest != 'T') || sscanf (rest + 1, "%2d:%2d%n", &hour, &minute, &used) != 2)
        return NULL;
      rest += 1 + used;
      if (*rest == ':' && sscanf (rest + 1, "%2d%n", &second, &used) == 1)
        rest += 1 + used;
    }
  /* What is left is a zone ("Z", "+01:00") or nothing (local time). */
  iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour, minute, second, rest);
  return g_date_time_new_from_iso8601 (iso, local);
}
