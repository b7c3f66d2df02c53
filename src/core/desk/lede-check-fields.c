/* lede-check-fields.c: the checks on the fields (lengths, ready, embargo,
 * language) and on quotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-counts.h"
#include "lede-markup-text.h"
#include "lede-time.h"

/* A quotation is shown cut to this many characters in messages. */
#define QUOTE_SHOWN_CHARS 60

/* Quotations */

static char *
shown_quote (const char *text)
{
  if (g_utf8_strlen (text, -1) <= QUOTE_SHOWN_CHARS)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int)(g_utf8_offset_to_pointer (text, QUOTE_SHOWN_CHARS) - text), text);
}

static void
attribution_in (const LedeCheckStory *story,
                LedeField             field,
                GPtrArray            *findings)
{
  const char *text = lede_check_story_get_text (story, field);
  g_autoptr (GPtrArray) quotes = lede_attribution_check (text, story->sources);

  for (guint i = 0; i < quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (quotes, i);
      g_autofree char *shown = NULL;
      g_autofree char *message = NULL;
      LedeSeverity severity = LEDE_SEVERITY_WARNING;

      /* The wording of a document named in its sentence is that
       * document's: credited. */
      if (quote->speaker != NULL || quote->trouble == LEDE_QUOTE_DOCUMENT)
        continue;
      if (field == LEDE_FIELD_BODY && lede_check_story_in_code (story, quote->start))
        continue;
      shown = shown_quote (quote->text);
      switch (quote->trouble)
        {
        case LEDE_QUOTE_CREDITED_ELSEWHERE:
          message = g_strdup_printf (_("“%s” is credited to %s, not one of this story’s sources."), shown, quote->credited);
          break;
        case LEDE_QUOTE_UNNAMED_SPEAKER:
          message = g_strdup_printf (_("“%s” is credited to an unnamed speaker (%s): a reader may ask who."),
                                     shown, quote->credited);
          severity = LEDE_SEVERITY_NOTE;
          break;
        case LEDE_QUOTE_PRONOUN_AMBIGUOUS:
          message = g_strdup_printf (_("“%s” is credited by a pronoun, but the nearest earlier paragraph that names a "
                                       "source names more than one."), shown);
          break;
        case LEDE_QUOTE_PRONOUN_UNRESOLVED:
          message = g_strdup_printf (_("“%s” is credited by a pronoun, but no earlier paragraph names one of this "
                                       "story’s sources."), shown);
          break;
        default:
          message = g_strdup_printf (_("“%s” is not attributed: no source of this story is named in its paragraph."), shown);
          break;
        }
      lede_check_story_add (story, findings, LEDE_CHECK_ATTRIBUTION, severity, field,
                            quote->start, quote->end, message);
    }
}

/**
 * lede_check_attribution:
 *
 * Every quotation in the headline, standfirst and body that no linked
 * source is credited with (lede-attribution.c says how one is).
 */
void
lede_check_attribution (const LedeCheckStory *story,
                        GDateTime            *now,
                        GPtrArray            *findings)
{
  attribution_in (story, LEDE_FIELD_HEADLINE, findings);
  attribution_in (story, LEDE_FIELD_STANDFIRST, findings);
  attribution_in (story, LEDE_FIELD_BODY, findings);
}

/* The fields */

static void
add_long (const LedeCheckStory *story,
          GPtrArray            *findings,
          LedeField             field,
          const char           *message)
{
  lede_check_story_add (story, findings, LEDE_CHECK_LENGTH, LEDE_SEVERITY_WARNING, field, 0, 0, message);
}

/**
 * lede_check_lengths:
 *
 * A headline past %LEDE_CHECK_HEADLINE_LENGTH characters, a standfirst
 * past %LEDE_CHECK_STANDFIRST_LENGTH, a slug past
 * %LEDE_CHECK_SLUG_LENGTH; and a story marked ready or published more
 * than %LEDE_CHECK_GOAL_MARGIN percent off its word goal.
 */
void
lede_check_lengths (const LedeCheckStory *story,
                    GDateTime            *now,
                    GPtrArray            *findings)
{
  guint headline = g_utf8_strlen (story->headline, -1);
  guint standfirst = g_utf8_strlen (story->standfirst, -1);
  guint slug = strlen (story->slug);

  if (headline > LEDE_CHECK_HEADLINE_PASTED)
    {
      g_autofree char *message = g_strdup_printf (_("The headline is %u characters long: it is kept, but no page will show it whole."),
                                                  headline);
      add_long (story, findings, LEDE_FIELD_HEADLINE, message);
    }
  else if (headline > LEDE_CHECK_HEADLINE_LENGTH)
    {
      g_autofree char *message = g_strdup_printf (_("The headline is %u characters: past %u, search results and social cards cut it."),
                                                  headline, LEDE_CHECK_HEADLINE_LENGTH);
      add_long (story, findings, LEDE_FIELD_HEADLINE, message);
    }
  if (standfirst > LEDE_CHECK_STANDFIRST_LENGTH)
    {
      g_autofree char *message = g_strdup_printf (_("The standfirst is %u characters: keep it under %u."),
                                                  standfirst, LEDE_CHECK_STANDFIRST_LENGTH);
      add_long (story, findings, LEDE_FIELD_STANDFIRST, message);
    }
  if (slug > LEDE_CHECK_SLUG_LENGTH)
    {
      g_autofree char *message = g_strdup_printf (_("The slug is %u characters: keep it under %u."),
                                                  slug, LEDE_CHECK_SLUG_LENGTH);
      add_long (story, findings, LEDE_FIELD_SLUG, message);
    }
  if ((story->status == LEDE_ARTICLE_STATUS_READY || story->status == LEDE_ARTICLE_STATUS_PUBLISHED) &&
      story->word_goal > 0)
    {
      LedeCounts counts;
      int off;

      lede_counts_compute ("", story->body, &counts);
      off = ((int)counts.words - (int)story->word_goal) * 100 / (int)story->word_goal;
      if (ABS (off) > LEDE_CHECK_GOAL_MARGIN)
        {
          g_autofree char *message = g_strdup_printf (_("%u words against a goal of %u (%+d%%)."),
                                                      counts.words, story->word_goal, off);
          add_long (story, findings, LEDE_FIELD_WORD_GOAL, message);
        }
    }
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static const char *
missing_message (LedeField field,
                 gboolean  ready)
{
  switch (field)
    {
    case LEDE_FIELD_HEADLINE:
      return ready ? _("It is marked ready but has no headline.") : _("It is marked published but has no headline.");
    case LEDE_FIELD_STANDFIRST:
      return ready ? _("It is marked ready but has no standfirst.") : _("It is marked published but has no standfirst.");
    case LEDE_FIELD_BYLINE:
      return ready ? _("It is marked ready but has no byline.") : _("It is marked published but has no byline.");
    case LEDE_FIELD_SLUG:
      return ready ? _("It is marked ready but has no slug.") : _("It is marked published but has no slug.");
    case LEDE_FIELD_TAGS:
      return ready ? _("It is marked ready but has no tag.") : _("It is marked published but has no tag.");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * lede_check_ready:
 *
 * A story marked ready or published needs a headline, a standfirst, a
 * byline, a slug and a tag: each missing one blocks it.
 */
void
lede_check_ready (const LedeCheckStory *story,
                  GDateTime            *now,
                  GPtrArray            *findings)
{
  const struct {
    LedeField   field;
    gboolean    missing;
  } needs[] = {
    { LEDE_FIELD_HEADLINE, is_blank (story->headline) },
    { LEDE_FIELD_STANDFIRST, is_blank (story->standfirst) },
    { LEDE_FIELD_BYLINE, is_blank (story->byline) },
    { LEDE_FIELD_SLUG, *story->slug == '\0' },
    { LEDE_FIELD_TAGS, story->tags[0] == NULL },
  };
  gboolean ready = story->status == LEDE_ARTICLE_STATUS_READY;

  if (!ready && story->status != LEDE_ARTICLE_STATUS_PUBLISHED)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    if (needs[i].missing)
      lede_check_story_add (story, findings, LEDE_CHECK_READY, LEDE_SEVERITY_BLOCKING, needs[i].field, 0, 0,
                            missing_message (needs[i].field, ready));
}

/* "2 days 3 hours", "3 hours 5 minutes", "45 minutes" */
static char *
time_left (GTimeSpan span)
{
  gint64 minutes = MAX (1, (span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
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
 * lede_check_embargo:
 *
 * An embargo still in the future blocks the story, and says how long
 * until it lifts.
 */
void
lede_check_embargo (const LedeCheckStory *story,
                    GDateTime            *now,
                    GPtrArray            *findings)
{
  g_autofree char *until = NULL;
  g_autofree char *left = NULL;
  g_autofree char *message = NULL;

  if (story->embargo == NULL || g_date_time_compare (story->embargo, now) <= 0)
    return;
  until = lede_time_format_utc (story->embargo);
  left = time_left (g_date_time_difference (story->embargo, now));
  /* Already marked published (before this check existed, or by a tool):
   * the story says it is out when it must not be. */
  if (story->status == LEDE_ARTICLE_STATUS_PUBLISHED)
    message = g_strdup_printf (_("Marked published, but under embargo until %s: it lifts in %s. "
                                 "Set it back to Ready, or change the embargo."), until, left);
  else
    message = g_strdup_printf (_("Under embargo until %s: it lifts in %s."), until, left);
  lede_check_story_add (story, findings, LEDE_CHECK_EMBARGO, LEDE_SEVERITY_BLOCKING, LEDE_FIELD_EMBARGO, 0, 0, message);
}

/**
 * lede_check_language:
 *
 * A language that is not a well-formed tag by RFC 5646's syntax: the
 * exports leave it out (an HTML page may not carry it in lang), so the
 * writer is told. An empty language is the exports' default, not a fault.
 */
void
lede_check_language (const LedeCheckStory *story,
                     GDateTime            *now,
                     GPtrArray            *findings)
{
  g_autofree char *message = NULL;

  if (story->language == NULL || *story->language == '\0' || lede_markup_text_is_language_tag (story->language))
    return;
  message = g_strdup_printf (_("“%s” is not a language tag such as “en”, “en-GB” or “de-CH”, so the exports "
                               "leave the story’s language out."), story->language);
  lede_check_story_add (story, findings, LEDE_CHECK_LANGUAGE, LEDE_SEVERITY_NOTE, LEDE_FIELD_LANGUAGE, 0,
                        strlen (story->language), message);
}
