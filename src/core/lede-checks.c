/* lede-checks.c: the copy desk's checks — running them all, placing what
 * they find, and the checks on the fields (lengths, ready, embargo) and
 * on quotations.
 *
 * A check never edits the story: it reads a LedeCheckStory, a copy made
 * on the main thread, so the panel can run the checks on a worker thread
 * while the writer types.
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
#include "lede-grafs.h"
#include "lede-markup-text.h"
#include "lede-time.h"

/* A quotation is shown cut to this many characters in messages. */
#define QUOTE_SHOWN_CHARS 60

static void
map_lines (LedeCheckStory *story)
{
  const char *text = story->body;
  gsize at = 0, total = strlen (text);
  guint chars = 0;
  gboolean fenced = FALSE;

  story->line_bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  story->code_lines = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (;;)
    {
      const char *nl = memchr (text + at, '\n', total - at);
      gsize end = nl ? (gsize)(nl - text) : total;
      const char *start = text + at;
      gboolean fence, code;

      /* A fence is indented at most three spaces, as lede_grafs_find() says. */
      while (*start == ' ' && start < text + end && start - (text + at) < 3)
        start++;
      fence = g_str_has_prefix (start, "```") || g_str_has_prefix (start, "~~~");
      g_array_append_val (story->line_bytes, at);
      code = fenced || fence;
      g_array_append_val (story->code_lines, code);
      if (fence)
        fenced = !fenced;
      if (nl == NULL)
        break;
      at = end + 1;
    }
  story->grafs = lede_grafs_find (text, total);

  /* Characters before each LEDE_CHECK_MARK_BYTES-th byte, counted once:
   * a finding's offset is then a short count from the mark before it,
   * however long its line and in whatever order the checks add them
   * (counting from the line's start made one long line quadratic). Bytes
   * that begin a character are counted, so a mark may fall inside one. */
  story->char_marks = g_array_sized_new (FALSE, FALSE, sizeof (guint), total / LEDE_CHECK_MARK_BYTES + 1);
  for (gsize byte = 0; byte <= total; byte++)
    {
      if (byte % LEDE_CHECK_MARK_BYTES == 0)
        g_array_append_val (story->char_marks, chars);
      if (byte < total && ((guchar)text[byte] & 0xc0) != 0x80)
        chars++;
    }
}

/**
 * lede_check_story_new:
 * @body: (nullable): the body as typed, or %NULL for the article's
 * @sources: (nullable) (element-type LedeSource): the linked sources, or
 *   %NULL for the article's
 *
 * Returns: (transfer full): a copy of what the checks read
 */
LedeCheckStory *
lede_check_story_new (LedeArticle *article,
                      const char  *body,
                      GPtrArray   *sources)
{
  LedeCheckStory *story;
  const char * const *tags;
  GDateTime *dated;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  story = g_new0 (LedeCheckStory, 1);
  tags = lede_article_get_tags (article);
  if (sources == NULL)
    sources = lede_article_get_sources (article);
  story->headline = g_strdup (lede_article_get_headline (article));
  story->standfirst = g_strdup (lede_article_get_standfirst (article));
  story->body = g_strdup (body ? body : lede_article_get_body (article));
  story->slug = g_strdup (lede_article_get_slug (article));
  story->byline = g_strdup (lede_article_get_byline (article));
  story->language = g_strdup (lede_article_get_language (article));
  story->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);
  story->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  for (guint i = 0; sources && i < sources->len; i++)
    g_ptr_array_add (story->sources, lede_source_copy (g_ptr_array_index (sources, i)));
  story->status = lede_article_get_status (article);
  story->word_goal = lede_article_get_word_goal (article);
  if (lede_article_get_embargo (article))
    story->embargo = g_date_time_ref (lede_article_get_embargo (article));
  dated = lede_article_get_published (article);
  if (dated == NULL)
    dated = lede_article_get_embargo (article);
  if (dated == NULL)
    dated = lede_article_get_created (article);
  story->dated = dated ? g_date_time_ref (dated) : g_date_time_new_now_utc ();
  return story;
}

void
lede_check_story_free (LedeCheckStory *story)
{
  if (story == NULL)
    return;
  g_free (story->headline);
  g_free (story->standfirst);
  g_free (story->body);
  g_free (story->slug);
  g_free (story->byline);
  g_free (story->language);
  g_strfreev (story->tags);
  g_ptr_array_unref (story->sources);
  g_clear_pointer (&story->embargo, g_date_time_unref);
  g_clear_pointer (&story->dated, g_date_time_unref);
  g_clear_pointer (&story->line_bytes, g_array_unref);
  g_clear_pointer (&story->grafs, g_array_unref);
  g_clear_pointer (&story->code_lines, g_array_unref);
  g_clear_pointer (&story->char_marks, g_array_unref);
  g_free (story);
}

/* Returns: the text of @field the checks read; "" for a field that is
 * not text (tags, times) */
const char *
lede_check_story_get_text (const LedeCheckStory *story,
                           LedeField             field)
{
  switch (field)
    {
    case LEDE_FIELD_BODY:
      return story->body;
    case LEDE_FIELD_HEADLINE:
      return story->headline;
    case LEDE_FIELD_STANDFIRST:
      return story->standfirst;
    case LEDE_FIELD_SLUG:
      return story->slug;
    case LEDE_FIELD_BYLINE:
      return story->byline;
    case LEDE_FIELD_LANGUAGE:
      return story->language;
    default:
      return "";
    }
}

/* The line (from 0) holding @byte of the body. The lines are mapped when
 * first needed, on the thread that runs the checks, not the one that made
 * the copy. */
static guint
line_of (const LedeCheckStory *story,
         gsize                 byte)
{
  guint lo = 0, hi;

  if (story->line_bytes == NULL)
    map_lines ((LedeCheckStory *)story);
  hi = story->line_bytes->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (story->line_bytes, gsize, mid) <= byte)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Whether @byte of the body is in a fenced code block: code is not copy. */
gboolean
lede_check_story_in_code (const LedeCheckStory *story,
                          gsize                 byte)
{
  guint line = line_of (story, byte);  /* maps the lines first */

  return g_array_index (story->code_lines, gboolean, line);
}

/**
 * lede_check_story_locate:
 * @byte: where in the body
 * @line: (out): the line, from 1
 * @graf: (out): the graf, from 1, or 0 before the first
 * @offset: (out) (optional): in characters of the body
 */
void
lede_check_story_locate (const LedeCheckStory *story,
                         gsize                 byte,
                         guint                *line,
                         guint                *graf,
                         guint                *offset)
{
  guint at = line_of (story, byte);
  guint lo = 0, hi = story->grafs->len;  /* mapped by line_of() */

  *line = at + 1;
  if (offset)
    {
      gsize mark = byte / LEDE_CHECK_MARK_BYTES * LEDE_CHECK_MARK_BYTES;
      guint chars = g_array_index (story->char_marks, guint, byte / LEDE_CHECK_MARK_BYTES);

      /* On from the mark: every byte that begins a character is one. */
      for (gsize i = mark; i < byte; i++)
        chars += ((guchar)story->body[i] & 0xc0) != 0x80;
      *offset = chars;
    }
  /* The graf is the last that starts at or before the line. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (story->grafs, guint, mid) <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
  *graf = lo;
}

/**
 * lede_check_story_add:
 * @start: where the finding starts, in bytes of @field's text
 * @end: where it ends; the same as @start for the field as a whole
 *
 * Returns: (transfer none): the finding, added to @findings, placed and
 *   with its text, for the check to adjust
 */
LedeFinding *
lede_check_story_add (const LedeCheckStory *story,
                      GPtrArray            *findings,
                      LedeCheckKind         kind,
                      LedeSeverity          severity,
                      LedeField             field,
                      gsize                 start,
                      gsize                 end,
                      const char           *message)
{
  const char *text = lede_check_story_get_text (story, field);
  g_autofree char *words = g_strndup (text + start, end - start);
  LedeFinding *finding = lede_finding_new (kind, severity, field, words, message);

  finding->length = g_utf8_strlen (text + start, end - start);
  if (field == LEDE_FIELD_BODY)
    lede_check_story_locate (story, start, &finding->line, &finding->graf, &finding->offset);
  else
    finding->offset = g_utf8_strlen (text, start);
  g_ptr_array_add (findings, finding);
  return finding;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return lede_finding_compare (*(LedeFinding **)a, *(LedeFinding **)b);
}

/**
 * lede_checks_run:
 * @now: the time to judge an embargo by
 *
 * Returns: (transfer full) (element-type LedeFinding): everything every
 *   check found, most severe first
 */
GPtrArray *
lede_checks_run (const LedeCheckStory *story,
                 GDateTime            *now)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);

  g_return_val_if_fail (story != NULL, findings);

  lede_check_embargo (story, now, findings);
  lede_check_ready (story, findings);
  lede_check_placeholders (story, findings);
  lede_check_attribution (story, findings);
  lede_check_names (story, findings);
  lede_check_weekdays (story, findings);
  lede_check_percentages (story, findings);
  lede_check_lengths (story, findings);
  lede_check_language (story, findings);
  g_ptr_array_sort (findings, compare_findings);
  return findings;
}

guint
lede_checks_count (GPtrArray    *findings,
                   LedeSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; findings && i < findings->len; i++)
    n += ((LedeFinding *)g_ptr_array_index (findings, i))->severity == severity;
  return n;
}

/**
 * lede_checks_dup_summary:
 *
 * Returns: (transfer full): "2 blocking, 1 warning", or "Nothing found"
 */
char *
lede_checks_dup_summary (GPtrArray *findings)
{
  guint blocking = lede_checks_count (findings, LEDE_SEVERITY_BLOCKING);
  guint warnings = lede_checks_count (findings, LEDE_SEVERITY_WARNING);
  guint notes = lede_checks_count (findings, LEDE_SEVERITY_NOTE);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (blocking)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocking", "%u blocking", blocking), blocking));
  if (warnings)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings));
  if (notes)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes));
  if (parts->len == 0)
    return g_strdup (_("Nothing found"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **)parts->pdata);
}

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

      if (quote->speaker != NULL)
        continue;
      if (field == LEDE_FIELD_BODY && lede_check_story_in_code (story, quote->start))
        continue;
      shown = shown_quote (quote->text);
      switch (quote->trouble)
        {
        case LEDE_QUOTE_CREDITED_ELSEWHERE:
          message = g_strdup_printf (_("“%s” is credited to %s, not one of this story’s sources."), shown, quote->credited);
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
      lede_check_story_add (story, findings, LEDE_CHECK_ATTRIBUTION, LEDE_SEVERITY_WARNING, field,
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
