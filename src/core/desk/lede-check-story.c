/* lede-check-story.c: LedeCheckStory, the copy of a story the checks read
 * (made on the main thread, read on a worker while the writer types), and
 * placing what they find by line, graf and character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <string.h>

#include "lede-check-story.h"
#include "lede-grafs.h"
#include "lede-markup-text.h"
#include "lede-review.h"

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

/* The text of @field as it reads with every suggestion taken; its marks
 * go to the story's review, placed in that text. */
static char *
take_review (LedeCheckStory *story,
             const char     *text,
             LedeField       field)
{
  g_autoptr (GPtrArray) marks = NULL;
  g_autoptr (GArray) places = NULL;
  char *accepted;

  if (text == NULL || !lede_review_may_have_marks (text))
    return g_strdup (text);
  marks = lede_review_scan (text);
  if (marks->len == 0)
    return g_strdup (text);

  accepted = lede_review_dup_answered (text, marks, LEDE_REVIEW_ACCEPT, NULL, NULL, &places);
  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = lede_review_mark_copy (g_ptr_array_index (marks, i));
      const char *taken = mark->kind == LEDE_REVIEW_DELETION ? "" :
                          mark->kind == LEDE_REVIEW_COMMENT ? mark->old_text : mark->new_text;

      mark->start = g_array_index (places, gsize, i);
      mark->end = mark->start + strlen (taken);
      g_ptr_array_add (story->review, mark);
      g_array_append_val (story->review_fields, field);
    }
  return accepted;
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
  story->review = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_review_mark_free);
  story->review_fields = g_array_new (FALSE, FALSE, sizeof (LedeField));
  story->headline = take_review (story, lede_article_get_headline (article), LEDE_FIELD_HEADLINE);
  story->standfirst = take_review (story, lede_article_get_standfirst (article), LEDE_FIELD_STANDFIRST);
  story->body = take_review (story, body ? body : lede_article_get_body (article), LEDE_FIELD_BODY);
  story->slug = g_strdup (lede_article_get_slug (article));
  story->byline = g_strdup (lede_article_get_byline (article));
  story->language = g_strdup (lede_article_get_language (article));
  story->front_matter = g_strdup (lede_article_get_extra_front_matter (article));
  story->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);
  story->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  for (guint i = 0; sources && i < sources->len; i++)
    g_ptr_array_add (story->sources, lede_source_copy (g_ptr_array_index (sources, i)));
  story->photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  for (guint i = 0; lede_article_get_photos (article) && i < lede_article_get_photos (article)->len; i++)
    g_ptr_array_add (story->photos, lede_photo_copy (g_ptr_array_index (lede_article_get_photos (article), i)));
  story->status = lede_article_get_status (article);
  story->word_goal = lede_article_get_word_goal (article);
  if (lede_article_get_embargo (article))
    story->embargo = g_date_time_ref (lede_article_get_embargo (article));
  story->print_headline = g_strdup (lede_article_get_print_headline (article));
  story->seo_title = g_strdup (lede_article_get_seo_title (article));
  story->social_headline = g_strdup (lede_article_get_social_headline (article));
  if (lede_article_get_deadline (article))
    story->deadline = g_date_time_ref (lede_article_get_deadline (article));
  dated = lede_article_get_published (article);
  if (dated == NULL)
    dated = lede_article_get_embargo (article);
  if (dated == NULL)
    dated = lede_article_get_created (article);
  story->dated = dated ? g_date_time_ref (dated) : g_date_time_new_now_utc ();
  story->undated = lede_article_get_published (article) == NULL && lede_article_get_embargo (article) == NULL;
  story->dateline = g_strdup (lede_article_get_dateline (article) ? lede_article_get_dateline (article) : "");
  return story;
}

/**
 * lede_check_story_set_style:
 * @style: (nullable): the desk's house style, or %NULL for none
 */
void
lede_check_story_set_style (LedeCheckStory *story,
                            LedeStyle      *style)
{
  g_return_if_fail (story != NULL);

  if (style)
    lede_style_ref (style);
  g_clear_pointer (&story->style, lede_style_unref);
  story->style = style;
}

/**
 * lede_check_story_set_quote_baseline:
 * @texts: (nullable) (array zero-terminated=1): the texts whose quotations
 *   stand (lede_library_dup_quote_baseline()); %NULL or empty: nothing to
 *   compare with
 */
void
lede_check_story_set_quote_baseline (LedeCheckStory     *story,
                                     const char * const *texts)
{
  g_return_if_fail (story != NULL);

  g_strfreev (story->quote_baseline);
  story->quote_baseline = texts && texts[0] ? g_strdupv ((char **)texts) : NULL;
}

void
lede_check_story_free (LedeCheckStory *story)
{
  if (story == NULL)
    return;
  g_strfreev (story->quote_baseline);
  g_free (story->headline);
  g_free (story->standfirst);
  g_free (story->body);
  g_free (story->slug);
  g_free (story->byline);
  g_free (story->language);
  g_free (story->front_matter);
  g_free (story->dateline);
  g_strfreev (story->tags);
  g_ptr_array_unref (story->sources);
  g_ptr_array_unref (story->photos);
  g_clear_pointer (&story->embargo, g_date_time_unref);
  g_clear_pointer (&story->deadline, g_date_time_unref);
  g_free (story->print_headline);
  g_free (story->seo_title);
  g_free (story->social_headline);
  g_clear_pointer (&story->dated, g_date_time_unref);
  g_ptr_array_unref (story->review);
  g_array_unref (story->review_fields);
  g_clear_pointer (&story->style, lede_style_unref);
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
    case LEDE_FIELD_PRINT_HEADLINE:
      return story->print_headline;
    case LEDE_FIELD_SEO_TITLE:
      return story->seo_title;
    case LEDE_FIELD_SOCIAL_HEADLINE:
      return story->social_headline;
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

/* Whether the story's copy is German ("de", "de-CH"…), so that the checks
 * read it with German words; any other language is read as English. */
gboolean
lede_check_story_is_german (const LedeCheckStory *story)
{
  const char *language = story->language ? story->language : "";

  return g_ascii_strncasecmp (language, "de", 2) == 0 && (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}
