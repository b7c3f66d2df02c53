/* lede-check-copy.c: the copy desk's checks on the words themselves —
 * placeholders left in, weekdays that do not match their dates, and
 * percentages that do not match their figures.
 *
 * The lists below are English and German, picked by the story's language
 * ("de", "de-CH"… read as German, any other as English).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lede-check-private.h"
#include "lede-checks.h"

/* The placeholders a writer leaves for what is still to come:
 *   TK, TKTK… ("to come") and XX, XXX, XXXX (a figure to come), in capitals,
 *     as whole words; XX after a capitalised word is a Roman numeral (Super
 *     Bowl XX) and is left alone;
 *   three or more question marks: ???;
 *   a bracketed note: [link] [url] [name] [quote] [number] [date] [photo]
 *     [tk] [xx] [check] [fact] [source] [title] [to come] [citation needed];
 *   an angled one: <name> <link> <url> <number> <date> <quote> <source>;
 *   a Markdown link going nowhere: [words]() [words](#) [words](url)
 *     [words](link) [words](http://);
 *   lorem ipsum. */
static const char placeholder_pattern[] =
  "(?<![\\p{L}\\p{N}])(?:TK(?:TK)*|X{2,4})(?![\\p{L}\\p{N}])"
  "|\\?{3,}"
  "|\\[\\s*(?i:link|url|name|quote|number|date|photo|tk|xx|check|fact|source|title|to come|citation needed)\\s*\\]"
  "|<(?i:name|link|url|number|date|quote|source)>"
  "|\\]\\((?:#?|url|link|https?://)\\)"
  "|(?i:lorem ipsum)";

#define MONTHS "January|February|March|April|May|June|July|August|September|October|November|December" \
               "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"

/* "Tuesday, March 3", "Tuesday 3 March 2026", "Tuesday, the 3rd of March" */
static const char weekday_pattern[] =
  "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+(?:the\\s+)?"
  "(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" MONTHS ")\\b|(" MONTHS ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)"
  "(?:,?\\s+(\\d{4})\\b)?";

/* "Dienstag, 3. März", "am Dienstag, dem 3. März 2026", "Sonnabend, 7. Jänner" */
#define MONATE "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember" \
               "|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez"
static const char weekday_de_pattern[] =
  "(?<![\\p{L}])(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\\s+(?:(?:den|dem)\\s+)?"
  "(\\d{1,2})\\.\\s*(" MONATE ")(?![\\p{L}])\\.?(?:\\s+(\\d{4})\\b)?";

static const char percent_pattern[] =
  "(\\d+(?:\\.\\d+)?)\\s*(?:%|per\\s?cent\\b|percent\\b)(?!\\s*points?\\b)";

#define UNITS "million|billion|bn|m|k|thousand"

/* "from 50 to 65", "from £1.2m to £900,000", "from 50 tonnes to 65" */
static const char range_pattern[] =
  "\\bfrom\\s+[£$€]?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(" UNITS ")\\b)?(?:\\s+\\p{L}+)?"
  "\\s+to\\s+[£$€]?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(" UNITS ")\\b)?";

static const char rise_pattern[] =
  "\\b(?i:rose|risen|rise|rises|rising|increase|increased|increases|climbed|climbs|grew|grown|grows|growth"
  "|jumped|jumps|up|gained|gains|soared|surged)\\b";
static const char fall_pattern[] =
  "\\b(?i:fell|fall|falls|fallen|dropped|drops|drop|declined|declines|decline|decreased|decreases|decrease"
  "|down|cut|slumped|dipped|shrank|shrunk|lost|plunged|tumbled)\\b";

/* German: "20 Prozent", "von 50 auf 65", "von 1,2 Mio. Euro auf 900.000" (a
 * comma before decimals, a dot between thousands). */
static const char percent_de_pattern[] =
  "(\\d+(?:,\\d+)?)\\s*(?:%|Prozent\\b)(?!\\s*-?[Pp]unkte?\\b)";

#define EINHEITEN "Millionen|Million|Mio\\.?|Milliarden|Milliarde|Mrd\\.?|Tausend"

static const char range_de_pattern[] =
  "\\bvon\\s+[£$€]?(\\d[\\d.]*(?:,\\d+)?)(?:\\s*(" EINHEITEN "))?(?:\\s+\\p{L}+)?"
  "\\s+auf\\s+[£$€]?(\\d[\\d.]*(?:,\\d+)?)(?:\\s*(" EINHEITEN "))?";

static const char rise_de_pattern[] =
  "(?<![\\p{L}])(?i:stieg|stiegen|gestiegen|steigt|steigen|wuchs|wuchsen|gewachsen|wächst|zugelegt|legte|legten"
  "|erhöht|erhöhte|erhöhten|kletterte|kletterten|geklettert|Anstieg|Zuwachs|Plus)(?![\\p{L}])";
static const char fall_de_pattern[] =
  "(?<![\\p{L}])(?i:sank|sanken|gesunken|sinkt|sinken|fiel|fielen|gefallen|fällt|zurückgegangen|ging|gingen"
  "|Rückgang|verringert|verringerte|schrumpfte|geschrumpft|Minus|Einbruch|brach|brachen)(?![\\p{L}])";

/* The fields a reader reads, in the order the checks go through them. */
static const LedeField copy_fields[] = { LEDE_FIELD_HEADLINE, LEDE_FIELD_STANDFIRST, LEDE_FIELD_BODY };

/* Each pattern is compiled once, for every story and thread after: a
 * GRegex may be matched from many threads at once. */
GRegex *
_lede_check_regex (GRegex     **slot,
                   const char  *pattern)
{
  if (g_once_init_enter (slot))
    {
      g_autoptr (GError) error = NULL;
      GRegex *compiled = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

      /* The patterns are ours: one that does not compile is a bug. */
      g_assert_no_error (error);
      /* A first match finishes what optimising leaves lazy, here, before
       * any other thread can match at the same time. */
      g_regex_match (compiled, "", 0, NULL);
      g_once_init_leave (slot, compiled);
    }
  return *slot;
}

static gboolean
in_code (const LedeCheckStory *story,
         LedeField             field,
         gsize                 byte)
{
  return field == LEDE_FIELD_BODY && lede_check_story_in_code (story, byte);
}

/* Whether the word before @at (bytes into @text) begins with a capital. */
static gboolean
after_capitalised_word (const char *text,
                        gsize       at)
{
  const char *p = text + at;

  while (p > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  if (p == text + at || p == text)
    return FALSE;
  while (p > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  return g_unichar_isupper (g_utf8_get_char (p));
}

/**
 * lede_check_placeholders:
 *
 * Placeholders left in the headline, standfirst or body (the list is at
 * the top of lede-check-copy.c): each blocks the story, since a published
 * "TK" is the classic blunder.
 */
void
lede_check_placeholders (const LedeCheckStory *story,
                         GDateTime            *now,
                         GPtrArray            *findings)
{
  static GRegex *placeholder_regex;
  GRegex *placeholder = _lede_check_regex (&placeholder_regex, placeholder_pattern);

  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, copy_fields[f]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (placeholder, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *message = NULL;
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (in_code (story, copy_fields[f], start) || (found[0] == 'X' && after_capitalised_word (text, start)))
            continue;
          message = g_strdup_printf (_("A placeholder is still in: “%s”."), found);
          lede_check_story_add (story, findings, LEDE_CHECK_PLACEHOLDER, LEDE_SEVERITY_BLOCKING, copy_fields[f],
                                start, end, message);
        }
    }
}

/* Weekdays */

/* English and German names (a story's own language picks the pattern;
 * either list is read by its first three letters, "Mär" and "Mai" too). */
static GDateMonth
month_from_name (const char *name)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char * const monate[] = { "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0 || g_str_has_prefix (name, monate[i]) ||
        (g_ascii_toupper (name[0]) == g_ascii_toupper (monate[i][0]) && g_str_has_prefix (name + 1, monate[i] + 1)))
      return i + 1;
  return g_str_has_prefix (name, "Jän") ? G_DATE_JANUARY : G_DATE_BAD_MONTH;
}

static GDateWeekday
weekday_from_name (const char *name)
{
  static const char * const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
  static const char * const tage[] = { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (g_str_equal (name, days[i]) || g_str_equal (name, tage[i]))
      return i + 1;
  return g_str_equal (name, "Sonnabend") ? G_DATE_SATURDAY : G_DATE_BAD_WEEKDAY;
}

/* In the interface's language, as the message around it is. */
static const char *
weekday_name (GDateWeekday day)
{
  static const char * const days[] = { "", NC_("weekday", "Monday"), NC_("weekday", "Tuesday"),
                                       NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"),
                                       NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
                                       NC_("weekday", "Sunday") };

  return day == G_DATE_BAD_WEEKDAY ? "" : g_dpgettext2 (GETTEXT_PACKAGE, "weekday", days[day]);
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

/* The year a date without one means: of the story's year and the years
 * either side, the one that puts it nearest the story's own date (a story
 * of 30 December saying "Monday, January 4" means the next year). */
int
_lede_check_nearest_year (GDateTime  *dated,
                          GDateMonth  month,
                          int         day)
{
  int year = g_date_time_get_year (dated), best = year;
  int best_distance = G_MAXINT;
  GDate story_date;

  g_date_clear (&story_date, 1);
  g_date_set_dmy (&story_date, g_date_time_get_day_of_month (dated), g_date_time_get_month (dated), year);
  for (int y = year - 1; y <= year + 1; y++)
    if (g_date_valid_dmy (day, month, y))
      {
        GDate date;
        int distance;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, day, month, y);
        distance = ABS (g_date_days_between (&story_date, &date));
        if (distance < best_distance)
          {
            best = y;
            best_distance = distance;
          }
      }
  return best;
}

/**
 * lede_check_weekdays:
 *
 * A weekday given with a date it does not fall on, in the date's year or,
 * without one, the year the story is dated (see nearest_year()); and a
 * date that does not exist (February 30).
 */
void
lede_check_weekdays (const LedeCheckStory *story,
                     GDateTime            *now,
                     GPtrArray            *findings)
{
  static GRegex *weekday_regex, *weekday_de_regex;
  gboolean german = lede_check_story_is_german (story);
  GRegex *weekday = german ? _lede_check_regex (&weekday_de_regex, weekday_de_pattern)
                           : _lede_check_regex (&weekday_regex, weekday_pattern);

  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, copy_fields[f]);
      g_autoptr (GMatchInfo) match = NULL;

      for (g_regex_match (weekday, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *said = g_match_info_fetch (match, 1);
          g_autofree char *day_first = g_match_info_fetch (match, 2);
          g_autofree char *month_first = german ? g_strdup ("") : g_match_info_fetch (match, 4);
          g_autofree char *month_text = german || *day_first ? g_match_info_fetch (match, 3) : g_strdup (month_first);
          g_autofree char *day_text = *day_first ? g_strdup (day_first) : g_match_info_fetch (match, 5);
          g_autofree char *year_text = g_match_info_fetch (match, german ? 4 : 6);
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *message = NULL;
          GDateMonth month = month_from_name (month_text);
          int day = atoi (day_text), year, start, end;
          GDate date;
          GDateWeekday falls;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (in_code (story, copy_fields[f], start) || month == G_DATE_BAD_MONTH)
            continue;
          year = year_text && *year_text ? atoi (year_text) : _lede_check_nearest_year (story->dated, month, day);
          if (!g_date_valid_dmy (day, month, year))
            {
              message = g_strdup_printf (_("“%s”: %s has no day %d."), found, month_name (month), day);
              lede_check_story_add (story, findings, LEDE_CHECK_WEEKDAY, LEDE_SEVERITY_WARNING, copy_fields[f],
                                    start, end, message);
              continue;
            }
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, day, month, year);
          falls = g_date_get_weekday (&date);
          if (falls == weekday_from_name (said))
            continue;
          message = g_strdup_printf (_("“%s”: %d %s %d is a %s, not a %s."), found, day, month_name (month), year,
                                     weekday_name (falls), weekday_name (weekday_from_name (said)));
          lede_check_story_add (story, findings, LEDE_CHECK_WEEKDAY, LEDE_SEVERITY_WARNING, copy_fields[f],
                                start, end, message);
        }
    }
}

/* Percentages */

/* "1.200,5" → "1200.5"; "Mio." → "million". */
static void
germanise (char **digits,
           char **unit)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = *digits; p && *p; p++)
    if (*p == ',')
      g_string_append_c (plain, '.');
    else if (*p != '.')
      g_string_append_c (plain, *p);
  g_free (*digits);
  *digits = g_string_free (plain, FALSE);
  if (unit && *unit && **unit)
    {
      const char *english = g_str_has_prefix (*unit, "Mill") && !g_str_has_prefix (*unit, "Milliard") ? "million"
                            : g_str_has_prefix (*unit, "Mio") ? "million"
                            : g_str_has_prefix (*unit, "Milliard") || g_str_has_prefix (*unit, "Mrd") ? "billion"
                            : "thousand";

      g_free (*unit);
      *unit = g_strdup (english);
    }
}

static double
figure (const char *digits,
        const char *unit)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  double value;

  for (const char *p = digits; *p; p++)
    if (*p != ',')
      g_string_append_c (plain, *p);
  value = g_ascii_strtod (plain->str, NULL);
  if (unit == NULL || *unit == '\0')
    return value;
  if (g_str_equal (unit, "million") || g_str_equal (unit, "m"))
    return value * 1e6;
  if (g_str_equal (unit, "billion") || g_str_equal (unit, "bn"))
    return value * 1e9;
  return value * 1e3;  /* k, thousand */
}

static gboolean
looks_like_year (const char *digits,
                 const char *unit)
{
  int year = atoi (digits);

  return (unit == NULL || *unit == '\0') && strlen (digits) == 4 && year >= 1800 && year <= 2200;
}

/* "30", "12.5": no trailing ".0" */
static char *
format_percent (double value)
{
  char *text = g_strdup_printf ("%.1f", value);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return text;
}

static void
check_sentence (const LedeCheckStory *story,
                LedeField             field,
                const char           *text,
                gsize                 start,
                gsize                 end,
                GRegex               *percent,
                GRegex               *range,
                GRegex               *rise,
                GRegex               *fall,
                gboolean              german,
                GPtrArray            *findings)
{
  const char *sentence = text + start;
  gssize length = end - start;
  g_autoptr (GMatchInfo) pct = NULL;
  g_autoptr (GMatchInfo) fromto = NULL;
  g_autofree char *stated_text = NULL, *a_text = NULL, *a_unit = NULL, *b_text = NULL, *b_unit = NULL;
  g_autofree char *message = NULL, *actual_text = NULL;
  gboolean rises, falls;
  double stated, a, b, change;
  int p_start, p_end, r_start, r_end;

  if (!g_regex_match_full (percent, sentence, length, 0, 0, &pct, NULL) ||
      !g_regex_match_full (range, sentence, length, 0, 0, &fromto, NULL))
    return;
  rises = g_regex_match_full (rise, sentence, length, 0, 0, NULL, NULL);
  falls = g_regex_match_full (fall, sentence, length, 0, 0, NULL, NULL);
  if (rises == falls)
    return;  /* no direction, or both: not a change stated between two figures */

  stated_text = g_match_info_fetch (pct, 1);
  a_text = g_match_info_fetch (fromto, 1);
  a_unit = g_match_info_fetch (fromto, 2);
  b_text = g_match_info_fetch (fromto, 3);
  b_unit = g_match_info_fetch (fromto, 4);
  g_autofree char *a_shown = g_strdup (a_text), *b_shown = g_strdup (b_text), *stated_shown = g_strdup (stated_text);

  if (german)
    {
      germanise (&a_text, &a_unit);
      germanise (&b_text, &b_unit);
      germanise (&stated_text, NULL);
    }
  /* "from 50 to 65 million": the unit is both figures'. */
  if ((a_unit == NULL || *a_unit == '\0') && b_unit && *b_unit)
    {
      g_free (a_unit);
      a_unit = g_strdup (b_unit);
    }
  /* "from 2019 to 2023" is a span of time, not two figures. */
  if (looks_like_year (a_text, a_unit) && looks_like_year (b_text, b_unit))
    return;
  stated = g_ascii_strtod (stated_text, NULL);
  a = figure (a_text, a_unit);
  b = figure (b_text, b_unit);
  if (a <= 0)
    return;
  change = (b - a) / a * 100;
  g_match_info_fetch_pos (pct, 0, &p_start, &p_end);
  g_match_info_fetch_pos (fromto, 0, &r_start, &r_end);
  actual_text = format_percent (fabs (change));

  if ((rises && b < a) || (falls && b > a))
    message = g_strdup_printf (rises ? _("The figures fall from %s to %s (by %s%%), but the sentence says they rise.")
                                     : _("The figures rise from %s to %s (by %s%%), but the sentence says they fall."),
                               a_shown, b_shown, actual_text);
  else if (fabs (stated - fabs (change)) > MAX (1.0, fabs (change) * 0.03))
    message = g_strdup_printf (_("%s%%, but from %s to %s is a change of %s%%."), stated_shown, a_shown, b_shown, actual_text);
  if (message)
    lede_check_story_add (story, findings, LEDE_CHECK_PERCENTAGE, LEDE_SEVERITY_WARNING, field,
                          start + MIN (p_start, r_start), start + MAX (p_end, r_end), message);
}

/**
 * lede_check_percentages:
 *
 * A sentence that states a rise or fall in percent between two figures
 * ("rose 20% from 50 to 65") where the figures say otherwise: another
 * size (the change is 30%, give or take 1 point or 3% of it) or another
 * direction. Percentage points and spans of years are left alone.
 */
void
lede_check_percentages (const LedeCheckStory *story,
                        GDateTime            *now,
                        GPtrArray            *findings)
{
  static GRegex *percent_regex, *range_regex, *rise_regex, *fall_regex;
  static GRegex *percent_de_regex, *range_de_regex, *rise_de_regex, *fall_de_regex;
  gboolean german = lede_check_story_is_german (story);
  GRegex *percent = german ? _lede_check_regex (&percent_de_regex, percent_de_pattern)
                           : _lede_check_regex (&percent_regex, percent_pattern);
  GRegex *range = german ? _lede_check_regex (&range_de_regex, range_de_pattern)
                         : _lede_check_regex (&range_regex, range_pattern);
  GRegex *rise = german ? _lede_check_regex (&rise_de_regex, rise_de_pattern)
                        : _lede_check_regex (&rise_regex, rise_pattern);
  GRegex *fall = german ? _lede_check_regex (&fall_de_regex, fall_de_pattern)
                        : _lede_check_regex (&fall_regex, fall_pattern);

  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      const char *text = lede_check_story_get_text (story, copy_fields[f]);
      gsize start = 0;

      /* Sentences end at . ! or ? before a space, and at a line break. */
      for (gsize i = 0;; i++)
        {
          gboolean ends = text[i] == '\0' || text[i] == '\n' ||
                          (strchr (".!?", text[i]) && (text[i + 1] == '\0' || g_ascii_isspace (text[i + 1])));

          if (!ends)
            continue;
          if (i > start && !in_code (story, copy_fields[f], start))
            check_sentence (story, copy_fields[f], text, start, i, percent, range, rise, fall, german, findings);
          if (text[i] == '\0')
            break;
          start = i + 1;
        }
    }
}
