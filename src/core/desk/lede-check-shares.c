/* lede-check-shares.c: shares and multiples that do not match their
 * figures.
 *
 * A share: "3,000 of the 12,000 people … about 40%" is 25%. The first
 * percentage after "X of Y" in its sentence is read as the share: plain,
 * within 100 bytes (none before it), it may be off by a point or 5% of itself (rounding); "about", "around",
 * "nearly", "some"… widen that to 2.5 points or 10%; "more than" and
 * "less than" only say which side. German: "3.000 der 12.000 …", "3.000
 * von 12.000", "etwa 40 Prozent", "mehr als", "knapp".
 *
 * A multiple: "doubled", "tripled", "quadrupled", "halved", "by a third",
 * "by a quarter", "by half" (German: verdoppelt, verdreifacht,
 * vervierfacht, halbiert, um ein Drittel, um ein Viertel, um die Hälfte)
 * in a sentence with "from A to B" ("von A auf B"), where B/A is more
 * than 10% off what the word says. Units are kept: "from £1.2m to
 * £900,000", "von 1,2 Mio. auf 900.000".
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

/* How far after "X of Y" its percentage may come, in bytes. */
#define SHARE_REACH 100

#define NUMBER    "(\\d[\\d,]*(?:\\.\\d+)?)"
#define NUMBER_DE "(\\d[\\d.]*(?:,\\d+)?)"
#define UNITS     "(?:\\s*(million|billion|bn|m|k|thousand)\\b)?"
#define UNITS_DE  "(?:\\s*(Millionen|Million|Mio\\.?|Milliarden|Milliarde|Mrd\\.?|Tausend))?"

static const char share_pattern[] =
  "(?<![\\d.,])" NUMBER UNITS "\\s+(?:out\\s+)?of\\s+(?:the\\s+|all\\s+|its\\s+|their\\s+|some\\s+)?[£$€]?" NUMBER UNITS
  "(?![\\d])";
static const char share_de_pattern[] =
  "(?<![\\d.,])" NUMBER_DE UNITS_DE "\\s+(?:von|der|aus)\\s+(?:den\\s+|insgesamt\\s+|rund\\s+)?" NUMBER_DE UNITS_DE
  "(?![\\d])";

static const char stated_pattern[] =
  "(?:\\b(?i:(about|around|roughly|some|nearly|almost|approximately|close\\s+to|more\\s+than|over"
  "|less\\s+than|fewer\\s+than|under|just\\s+over|just\\s+under))\\s+)?"
  "(\\d+(?:\\.\\d+)?)\\s*(?:%|per\\s?cent\\b|percent\\b)(?!\\s*points?\\b)";
static const char stated_de_pattern[] =
  "(?:(?<![\\p{L}])(?i:(etwa|rund|ungefähr|circa|ca\\.|knapp|fast|beinahe|mehr\\s+als|über|weniger\\s+als|unter))\\s+)?"
  "(\\d+(?:,\\d+)?)\\s*(?:%|Prozent\\b)(?!\\s*-?[Pp]unkte?\\b)";

static const char range_pattern[] =
  "\\bfrom\\s+[£$€]?" NUMBER UNITS "(?:\\s+\\p{L}+)?\\s+to\\s+[£$€]?" NUMBER UNITS;
static const char range_de_pattern[] =
  "\\bvon\\s+[£$€]?" NUMBER_DE UNITS_DE "(?:\\s+\\p{L}+)?\\s+auf\\s+[£$€]?" NUMBER_DE UNITS_DE;

static const char multiple_pattern[] =
  "\\b(?i:(doubled|doubling|doubles|double)|(tripled|trebled|tripling|triples|triple)|(quadrupled|quadruples)"
  "|(halved|halving|halves)|by\\s+(?:a|one)[\\s-]+(third|quarter|fifth)|by\\s+(half))\\b";
static const char multiple_de_pattern[] =
  "(?<![\\p{L}])(?i:(verdoppelt|verdoppelte|verdoppelten|verdoppeln)|(verdreifacht|verdreifachte|verdreifachten)"
  "|(vervierfacht|vervierfachte)|(halbiert|halbierte|halbierten)|um\\s+ein\\s+(Drittel|Viertel|Fünftel)"
  "|um\\s+die\\s+(Hälfte))(?![\\p{L}])";

static const char fall_pattern[] =
  "\\b(?i:fell|fall|falls|fallen|dropped|drops|drop|declined|declines|decline|decreased|decreases|decrease"
  "|down|cut|slumped|dipped|shrank|shrunk|lost|plunged|tumbled|reduced|lower)\\b";
static const char fall_de_pattern[] =
  "(?<![\\p{L}])(?i:sank|sanken|gesunken|sinkt|sinken|fiel|fielen|gefallen|fällt|zurückgegangen|ging|gingen"
  "|Rückgang|verringert|verringerte|schrumpfte|geschrumpft|gekürzt|kürzte|reduziert|reduzierte)(?![\\p{L}])";

/* The fields a reader reads. */
static const LedeField copy_fields[] = { LEDE_FIELD_HEADLINE, LEDE_FIELD_STANDFIRST, LEDE_FIELD_BODY };

/* "12,000" (or German "12.000", "1,5"), times its unit. */
static double
figure (const char *digits,
        const char *unit,
        gboolean    german)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  double value;

  for (const char *p = digits; *p; p++)
    if (*p == (german ? ',' : '.'))
      g_string_append_c (plain, '.');
    else if (g_ascii_isdigit (*p))
      g_string_append_c (plain, *p);
  value = g_ascii_strtod (plain->str, NULL);
  if (unit == NULL || *unit == '\0')
    return value;
  if (g_str_equal (unit, "m") || g_str_has_prefix (unit, "million") || g_str_has_prefix (unit, "Mio") ||
      (g_str_has_prefix (unit, "Million")))
    return value * 1e6;
  if (g_str_equal (unit, "bn") || g_str_has_prefix (unit, "billion") || g_str_has_prefix (unit, "Mrd") ||
      g_str_has_prefix (unit, "Milliard"))
    return value * 1e9;
  return value * 1e3;
}

static gboolean
looks_like_year (const char *digits,
                 const char *unit)
{
  int year = atoi (digits);

  return (unit == NULL || *unit == '\0') && strlen (digits) == 4 && year >= 1800 && year <= 2200;
}

/* "25", "12.5" (German "12,5"): no trailing ".0". */
static char *
format_figure (double   value,
               gboolean german)
{
  char *text = g_strdup_printf ("%.1f", value);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  else if (german)
    *strchr (text, '.') = ',';
  return text;
}

typedef struct {
  const LedeCheckStory *story;
  LedeField             field;
  const char           *text;
  gboolean              german;
  GPtrArray            *findings;
} Sentence;

/* "Two of the five members, who own 60% of it": a clause between the
 * share and the percentage says the percentage is of something else. */
static gboolean
about_something_else (const char *between,
                      gsize       length)
{
  static const char * const clauses[] = { " who ", " which ", " whose ", " whom ", ", die ", ", der ", ", das ",
                                          ", welche ", ", deren ", ", dessen ", NULL };
  g_autofree char *words = g_strndup (between, length);

  for (guint i = 0; clauses[i]; i++)
    if (strstr (words, clauses[i]))
      return TRUE;
  return FALSE;
}

static void
check_share (const Sentence *s,
             gsize           start,
             gsize           end)
{
  static GRegex *share_regex, *share_de_regex, *stated_regex, *stated_de_regex;
  GRegex *share = s->german ? _lede_check_regex (&share_de_regex, share_de_pattern)
                            : _lede_check_regex (&share_regex, share_pattern);
  GRegex *stated = s->german ? _lede_check_regex (&stated_de_regex, stated_de_pattern)
                             : _lede_check_regex (&stated_regex, stated_pattern);
  g_autoptr (GMatchInfo) of = NULL;
  g_autoptr (GMatchInfo) pct = NULL;
  g_autofree char *x_text = NULL, *x_unit = NULL, *y_text = NULL, *y_unit = NULL;
  g_autofree char *hedged = NULL, *hedge = NULL, *z_text = NULL, *actual = NULL, *message = NULL;
  double x, y, z, part, off;
  int of_start, of_end, z_start, z_end;
  gboolean wrong;

  if (!g_regex_match_full (share, s->text + start, end - start, 0, 0, &of, NULL))
    return;
  g_match_info_fetch_pos (of, 0, &of_start, &of_end);
  /* A percentage before the share may be the one about it: say nothing
   * rather than pair the share with a later one. */
  if (g_regex_match_full (stated, s->text + start, of_start, 0, 0, NULL, NULL) ||
      !g_regex_match_full (stated, s->text + start, end - start, of_end, 0, &pct, NULL))
    return;
  g_match_info_fetch_pos (pct, 0, &z_start, &z_end);
  if (z_start - of_end > SHARE_REACH || about_something_else (s->text + start + of_end, z_start - of_end))
    return;
  x_text = g_match_info_fetch (of, 1);
  x_unit = g_match_info_fetch (of, 2);
  y_text = g_match_info_fetch (of, 3);
  y_unit = g_match_info_fetch (of, 4);
  hedged = g_match_info_fetch (pct, 1);
  hedge = g_utf8_strdown (hedged ? hedged : "", -1);
  z_text = g_match_info_fetch (pct, 2);
  /* "3 of 2024" is a date; "5m of 12m": the unit is both figures'. */
  if (looks_like_year (y_text, y_unit))
    return;
  if ((x_unit == NULL || *x_unit == '\0') && y_unit && *y_unit)
    {
      g_free (x_unit);
      x_unit = g_strdup (y_unit);
    }
  x = figure (x_text, x_unit, s->german);
  y = figure (y_text, y_unit, s->german);
  z = figure (z_text, NULL, s->german);
  if (y <= 0 || x > y)
    return;
  part = x / y * 100;
  off = fabs (part - z);
  if (strstr (hedge, "more") || strstr (hedge, "over") || strstr (hedge, "mehr") || strstr (hedge, "über"))
    wrong = part < z - 0.5;
  else if (strstr (hedge, "less") || strstr (hedge, "fewer") || strstr (hedge, "under") ||
           strstr (hedge, "weniger") || strstr (hedge, "unter"))
    wrong = part > z + 0.5;
  else if (*hedge)
    wrong = off > MAX (2.5, part * 0.1);
  else
    wrong = off > MAX (1.0, part * 0.05);
  if (!wrong)
    return;
  actual = format_figure (part, s->german);
  message = g_strdup_printf (_("%s%%, but %s of %s is %s%%."), z_text, x_text, y_text, actual);
  lede_check_story_add (s->story, s->findings, LEDE_CHECK_PERCENTAGE, LEDE_SEVERITY_WARNING, s->field,
                        start + of_start, start + z_end, message);
}

/* What B/A is when the word is true, from its capture group. */
static double
expected_ratio (GMatchInfo *match,
                gboolean    falls,
                char      **said)
{
  static const double ratios[] = { 0, 2, 3, 4, 0.5 };

  for (guint group = 1; group <= 6; group++)
    {
      g_autofree char *word = g_match_info_fetch (match, group);

      if (word == NULL || *word == '\0')
        continue;
      *said = g_match_info_fetch (match, 0);
      if (group <= 4)
        return ratios[group];
      /* "by a third", "um ein Drittel": up or down by that part. */
      {
        double part = g_str_has_prefix (word, "th") || g_str_has_prefix (word, "Dr") ? 1.0 / 3
                      : g_str_has_prefix (word, "qu") || g_str_has_prefix (word, "Vi") ? 0.25
                      : g_str_has_prefix (word, "fi") || g_str_has_prefix (word, "F") ? 0.2
                      : 0.5;

        return falls ? 1 - part : 1 + part;
      }
    }
  return 0;
}

static void
check_multiple (const Sentence *s,
                gsize           start,
                gsize           end)
{
  static GRegex *multiple_regex, *multiple_de_regex, *range_regex, *range_de_regex, *fall_regex, *fall_de_regex;
  GRegex *multiple = s->german ? _lede_check_regex (&multiple_de_regex, multiple_de_pattern)
                               : _lede_check_regex (&multiple_regex, multiple_pattern);
  GRegex *range = s->german ? _lede_check_regex (&range_de_regex, range_de_pattern)
                            : _lede_check_regex (&range_regex, range_pattern);
  GRegex *fall = s->german ? _lede_check_regex (&fall_de_regex, fall_de_pattern)
                           : _lede_check_regex (&fall_regex, fall_pattern);
  g_autoptr (GMatchInfo) word = NULL;
  g_autoptr (GMatchInfo) fromto = NULL;
  g_autofree char *said = NULL, *a_text = NULL, *a_unit = NULL, *b_text = NULL, *b_unit = NULL;
  g_autofree char *actual = NULL, *message = NULL;
  double expected, a, b, ratio;
  int w_start, w_end, r_start, r_end;

  if (!g_regex_match_full (multiple, s->text + start, end - start, 0, 0, &word, NULL) ||
      !g_regex_match_full (range, s->text + start, end - start, 0, 0, &fromto, NULL))
    return;
  expected = expected_ratio (word, g_regex_match_full (fall, s->text + start, end - start, 0, 0, NULL, NULL), &said);
  a_text = g_match_info_fetch (fromto, 1);
  a_unit = g_match_info_fetch (fromto, 2);
  b_text = g_match_info_fetch (fromto, 3);
  b_unit = g_match_info_fetch (fromto, 4);
  if (expected <= 0 || (looks_like_year (a_text, a_unit) && looks_like_year (b_text, b_unit)))
    return;
  if ((a_unit == NULL || *a_unit == '\0') && b_unit && *b_unit)
    {
      g_free (a_unit);
      a_unit = g_strdup (b_unit);
    }
  a = figure (a_text, a_unit, s->german);
  b = figure (b_text, b_unit, s->german);
  if (a <= 0)
    return;
  ratio = b / a;
  if (fabs (ratio - expected) <= expected * 0.1)
    return;
  g_match_info_fetch_pos (word, 0, &w_start, &w_end);
  g_match_info_fetch_pos (fromto, 0, &r_start, &r_end);
  if (fabs (expected - round (expected)) < 0.01 && expected >= 2)
    {
      g_autofree char *times = g_strdup_printf ("%.2f", ratio);

      if (s->german)
        *strchr (times, '.') = ',';
      message = g_strdup_printf (_("“%s”, but from %s to %s is %s times the first figure."), said, a_text, b_text, times);
    }
  else
    {
      actual = format_figure (fabs (ratio - 1) * 100, s->german);
      message = g_strdup_printf (ratio >= 1 ? _("“%s”, but from %s to %s is a rise of %s%%.")
                                            : _("“%s”, but from %s to %s is a fall of %s%%."),
                                 said, a_text, b_text, actual);
    }
  lede_check_story_add (s->story, s->findings, LEDE_CHECK_PERCENTAGE, LEDE_SEVERITY_WARNING, s->field,
                        start + MIN (w_start, r_start), start + MAX (w_end, r_end), message);
}

static gboolean
sentence_has_digit (const char *sentence,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (g_ascii_isdigit (sentence[i]))
      return TRUE;
  return FALSE;
}

/**
 * lede_check_shares:
 *
 * A share ("3,000 of 12,000 … about 40%") or a multiple ("doubled from
 * 40 to 95") that its figures say otherwise about (the rules are at the
 * top of lede-check-shares.c).
 */
void
lede_check_shares (const LedeCheckStory *story,
                   GDateTime            *now,
                   GPtrArray            *findings)
{
  for (guint f = 0; f < G_N_ELEMENTS (copy_fields); f++)
    {
      Sentence sentence = { story, copy_fields[f], lede_check_story_get_text (story, copy_fields[f]),
                            lede_check_story_is_german (story), findings };
      const char *text = sentence.text;
      gsize start = 0;

      /* Sentences end at . ! or ? before a space, and at a line break. */
      for (gsize i = 0;; i++)
        {
          gboolean ends = text[i] == '\0' || text[i] == '\n' ||
                          (strchr (".!?", text[i]) && (text[i + 1] == '\0' || g_ascii_isspace (text[i + 1])));

          if (!ends)
            continue;
          if (i > start && (copy_fields[f] != LEDE_FIELD_BODY || !lede_check_story_in_code (story, start)) &&
              sentence_has_digit (text + start, i - start))
            {
              check_share (&sentence, start, i);
              check_multiple (&sentence, start, i);
            }
          if (text[i] == '\0')
            break;
          start = i + 1;
        }
    }
}
