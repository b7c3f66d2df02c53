/* lede-check-dates.c: dates a reader cannot place.
 *
 * A relative day ("on Tuesday", "next week", "yesterday"; German "am
 * Dienstag", "nächste Woche", "gestern") in a story that has no date a
 * reader sees — neither published nor embargoed — and no dateline is a
 * note, once a story: which Tuesday? A weekday followed
 * by its date ("on Tuesday, March 3") is a date, not a relative day.
 *
 * A date without a year ("March 3", "3 March", "3. März") that, read
 * beside the story's own date, falls in another year than the story's (a
 * story of 30 December saying "January 4") is a note: say the year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lede-check-private.h"
#include "lede-checks.h"

#define WEEKDAYS "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#define TAGE     "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
#define MONTHS   "January|February|March|April|May|June|July|August|September|October|November|December" \
                 "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
#define MONATE   "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"

/* A weekday with its date after it is no relative day. */
static const char relative_pattern[] =
  "\\b(?:on\\s+(?:" WEEKDAYS ")(?!,?\\s+(?:the\\s+)?(?:\\d|(?:" MONTHS ")\\b))"
  "|(?i:last|next|this|coming)\\s+(?:" WEEKDAYS "|week|weekend|month)\\b"
  "|(?i:yesterday|tomorrow)\\b)";
static const char relative_de_pattern[] =
  "(?<![\\p{L}])(?:am\\s+(?:" TAGE ")(?!,?\\s+(?:(?:den|dem)\\s+)?\\d)"
  "|(?i:letzte|letzten|letzter|nächste|nächsten|nächster|kommende|kommenden|vergangene|vergangenen|diese|dieser|diesen)"
  "\\s+(?:" TAGE "|Woche|Wochenende|Monat)"
  "|gestern|vorgestern|morgen|übermorgen)(?![\\p{L}])";

/* "March 3", "3 March", "3rd of March" with no year after. */
static const char yearless_pattern[] =
  "\\b(?:(" MONTHS ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" MONTHS "))\\b"
  "(?!,?\\s+\\d{4}\\b)(?!\\d)";
static const char yearless_de_pattern[] =
  "(?<![\\d.])()()(\\d{1,2})\\.\\s*(" MONATE ")(?![\\p{L}])(?!\\s+\\d{4}\\b)";

static const LedeField copy_fields[] = { LEDE_FIELD_HEADLINE, LEDE_FIELD_STANDFIRST, LEDE_FIELD_BODY };

/* English and German names by their first three letters ("Mär", "Mai"). */
static GDateMonth
month_from_name (const char *name)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char * const monate[] = { "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0 || g_str_has_prefix (name, monate[i]))
      return i + 1;
  return g_str_has_prefix (name, "Jän") ? G_DATE_JANUARY : G_DATE_BAD_MONTH;
}

static const char *
month_name (GDateMonth month)
{
  static const char * const months[] = { "", NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
                                         NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
                                         NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
                                         NC_("month", "October"), NC_("month", "November"), NC_("month", "December") };

  return month == G_DATE_BAD_MONTH ? "" : g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month]);
}

static void
relative_days (const LedeCheckStory *story,
               GPtrArray            *findings)
{
  static GRegex *relative_regex, *relative_de_regex;
  GRegex *relative = lede_check_story_is_german (story) ? _lede_check_regex (&relative_de_regex, relative_de_pattern)
                                                        : _lede_check_regex (&relative_regex, relative_pattern);

  /* A dateline (wire copy's "KESTLE ISLAND, March 3" or just the
   * place) tells the reader where the story stands; with it the desk
   * dates the story when it goes out. */
  if (!story->undated)
    return;
  for (const char *p = story->dateline; *p; p++)
    if (!g_ascii_isspace (*p))
      return;
  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, copy_fields[f]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (relative, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *message = NULL;
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (copy_fields[f] == LEDE_FIELD_BODY && lede_check_story_in_code (story, start))
            continue;
          message = g_strdup_printf (_("“%s”: the story has no date or dateline, so a reader cannot tell which "
                                       "day that is."), found);
          lede_check_story_add (story, findings, LEDE_CHECK_DATE, LEDE_SEVERITY_NOTE, copy_fields[f], start, end, message);
          return;  /* once a story: one date or dateline settles them all */
        }
    }
}

static void
yearless_dates (const LedeCheckStory *story,
                GPtrArray            *findings)
{
  static GRegex *yearless_regex, *yearless_de_regex;
  GRegex *yearless = lede_check_story_is_german (story) ? _lede_check_regex (&yearless_de_regex, yearless_de_pattern)
                                                        : _lede_check_regex (&yearless_regex, yearless_pattern);
  int story_year = g_date_time_get_year (story->dated);

  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, copy_fields[f]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (yearless, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *month_first = g_match_info_fetch (match, 1);
          g_autofree char *day_text = *month_first ? g_match_info_fetch (match, 2) : g_match_info_fetch (match, 3);
          g_autofree char *month_text = *month_first ? g_strdup (month_first) : g_match_info_fetch (match, 4);
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *message = NULL;
          GDateMonth month = month_from_name (month_text);
          int day = atoi (day_text), year, start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if ((copy_fields[f] == LEDE_FIELD_BODY && lede_check_story_in_code (story, start)) ||
              month == G_DATE_BAD_MONTH || day < 1 || day > 31)
            continue;
          year = _lede_check_nearest_year (story->dated, month, day);
          if (year == story_year)
            continue;
          message = g_strdup_printf (_("“%s” has no year: beside the story’s date, %d %s %d, it falls in %d. Say "
                                       "which year."),
                                     found, g_date_time_get_day_of_month (story->dated),
                                     month_name (g_date_time_get_month (story->dated)), story_year, year);
          lede_check_story_add (story, findings, LEDE_CHECK_DATE, LEDE_SEVERITY_NOTE, copy_fields[f], start, end, message);
        }
    }
}

/**
 * lede_check_dates:
 *
 * Relative days in a story with no date, and dates without a year that
 * fall in another year than the story's (the rules are at the top of
 * lede-check-dates.c).
 */
void
lede_check_dates (const LedeCheckStory *story,
                  GDateTime            *now,
                  GPtrArray            *findings)
{
  relative_days (story, findings);
  yearless_dates (story, findings);
}
