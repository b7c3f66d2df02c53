/* lede-gate.c: the one question every way out of Lede asks.
 *
 * Export in every format, Copy as HTML and printing each ask
 * lede_gate_ask() before a byte leaves. The gate runs the copy desk's
 * checks: a blocking finding (an embargo yet to lift, a placeholder left
 * in, "ready" that is not) holds the story back until the writer says
 * "anyway" (lede_verdict_allow()). The verdict also says what the story
 * must carry wherever it goes: the embargo line while the embargo holds
 * (the corrections log goes with the article itself). A published story
 * whose text, as readers see it, changed since it last went out waits for
 * the writer to say what changed (a correction, a clarification, an update
 * — logged for readers — or "not a change readers need"): no "anyway"
 * skips that question. The writers of each format take the verdict, not
 * the article, so none can write a story that was not asked about.
 *
 * An editor's pass still open (a suggestion or comment) blocks every way
 * out but a copy for review, which keeps it; forced out anyway, the story
 * leaves as it was before the pass, with no comments: the verdict holds
 * that copy, so no writer can let a mark through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-gate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"
#include "lede-gate.h"
#include "lede-markdown.h"
#include "lede-review.h"

struct _LedeVerdict
{
  gatomicrefcount  ref_count;
  LedeWayOut       way_out;
  LedeArticle     *article;
  char           **tags;      /* never NULL */
  GPtrArray       *sources;   /* (element-type LedeSource), never NULL */
  GPtrArray       *findings;  /* (element-type LedeFinding), most severe first */
  GDateTime       *embargo;   /* the embargo still to lift, or NULL */
  gboolean         blocked;
  gboolean         allowed;

  char            *reader_text;   /* what readers see now */
  char            *last_out;      /* what they saw when it last went out */
  gboolean         asks_correction;
  gboolean         answered;
  LedeCorrection  *correction;    /* the answer, when one is logged */
};

static const char * const way_out_names[] = {
  [LEDE_WAY_OUT_EXPORT] = "export",
  [LEDE_WAY_OUT_CLIPBOARD] = "clipboard",
  [LEDE_WAY_OUT_PRINT] = "print",
  [LEDE_WAY_OUT_REVIEW] = "review",
  [LEDE_WAY_OUT_PUBLISH] = "publish",
};

/* Whether @finding holds the story back by @way_out. A site keeps an
 * embargoed story unpublished itself (scheduled for the embargo's lift, or
 * a draft dated then), so there the embargo is a schedule, not a bar; a
 * copy for review is where an editor's open pass is meant to go. */
static gboolean
holds_back (const LedeFinding *finding,
            LedeWayOut         way_out)
{
  if (finding->severity != LEDE_SEVERITY_BLOCKING)
    return FALSE;
  if (way_out == LEDE_WAY_OUT_PUBLISH && finding->kind == LEDE_CHECK_EMBARGO)
    return FALSE;
  return !(way_out == LEDE_WAY_OUT_REVIEW && finding->kind == LEDE_CHECK_REVIEW);
}

/* The name a way out is recorded under in the library. */
const char *
lede_way_out_to_string (LedeWayOut way_out)
{
  g_return_val_if_fail (way_out < G_N_ELEMENTS (way_out_names), NULL);
  return way_out_names[way_out];
}

/**
 * lede_gate_dup_reader_text:
 *
 * Returns: (transfer full): what a reader reads of @article: the headline,
 *   the standfirst and the body's text, without Markdown. A change of
 *   anything else (a tag, the slug, a note) is no change readers see.
 */
char *
lede_gate_dup_reader_text (LedeArticle *article)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  body = lede_markdown_to_plain_text (lede_article_get_body (article), -1);
  return g_strconcat (lede_article_get_headline (article), "\n\n", lede_article_get_standfirst (article),
                      "\n\n", body, NULL);
}

/* The story as it was before the editor's pass: every suggestion
 * rejected, every comment gone. */
static LedeArticle *
dup_without_review (LedeArticle *article)
{
  LedeArticle *copy = lede_article_dup (article);
  g_autofree char *headline = lede_review_dup_rejected (lede_article_get_headline (article));
  g_autofree char *standfirst = lede_review_dup_rejected (lede_article_get_standfirst (article));
  g_autofree char *body = lede_review_dup_rejected (lede_article_get_body (article));

  lede_article_set_headline (copy, headline);
  lede_article_set_standfirst (copy, standfirst);
  lede_article_set_body (copy, body);
  return copy;
}

/**
 * lede_gate_ask:
 * @article: the story, as it will leave; the verdict keeps it, so pass an
 *   object nobody changes meanwhile
 * @tags: (nullable): its tags, when @article does not hold them
 * @sources: (nullable) (element-type LedeSource): its sources, likewise
 * @last_out: (nullable): what readers saw of it when it last went out
 *   (lede_library_get_went_out()), or %NULL when it never did
 * @now: (nullable): the time to judge the embargo by, or %NULL for now
 *
 * Runs the checks on @article (on any thread) and says whether it may go
 * out by @way_out and what it must carry.
 *
 * Returns: (transfer full): the verdict
 */
LedeVerdict *
lede_gate_ask (LedeArticle        *article,
               const char * const *tags,
               GPtrArray          *sources,
               const char         *last_out,
               LedeWayOut          way_out,
               GDateTime          *now)
{
  g_autoptr (GDateTime) current = NULL;
  LedeCheckStory *checked;
  LedeVerdict *self;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  if (tags == NULL)
    tags = lede_article_get_tags (article);
  if (sources == NULL)
    sources = lede_article_get_sources (article);

  self = g_new0 (LedeVerdict, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->way_out = way_out;
  self->article = g_object_ref (article);
  self->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  for (guint i = 0; sources && i < sources->len; i++)
    g_ptr_array_add (self->sources, lede_source_copy (g_ptr_array_index (sources, i)));

  checked = lede_check_story_new (article, NULL, self->sources);
  g_strfreev (checked->tags);
  checked->tags = g_strdupv (self->tags);
  self->findings = lede_checks_run (checked, now);
  if (checked->review->len > 0 && way_out != LEDE_WAY_OUT_REVIEW)
    {
      g_object_unref (self->article);
      self->article = dup_without_review (article);
    }
  lede_check_story_free (checked);
  for (guint i = 0; i < self->findings->len; i++)
    self->blocked |= holds_back (g_ptr_array_index (self->findings, i), way_out);

  if (lede_article_is_under_embargo (article, now))
    self->embargo = g_date_time_ref (lede_article_get_embargo (article));

  /* A printed copy or one for review is for the desk, not readers: it
   * asks nothing. */
  self->reader_text = lede_gate_dup_reader_text (self->article);
  self->last_out = g_strdup (last_out);
  self->asks_correction = way_out != LEDE_WAY_OUT_PRINT && way_out != LEDE_WAY_OUT_REVIEW && last_out != NULL &&
                          lede_article_get_status (article) == LEDE_ARTICLE_STATUS_PUBLISHED &&
                          g_strcmp0 (last_out, self->reader_text) != 0;
  return self;
}

LedeVerdict *
lede_verdict_ref (LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lede_verdict_unref (LedeVerdict *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_object_unref (self->article);
  g_strfreev (self->tags);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->findings);
  g_clear_pointer (&self->embargo, g_date_time_unref);
  g_free (self->reader_text);
  g_free (self->last_out);
  g_clear_pointer (&self->correction, lede_correction_free);
  g_free (self);
}

/* Whether a check blocks the story (whatever the writer said since). */
gboolean
lede_verdict_is_blocked (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->blocked;
}

/**
 * lede_verdict_allow:
 *
 * The writer's "anyway" (Export Anyway, Copy Anyway, --force): the story
 * may leave though a check blocks it. It still carries its marks.
 */
void
lede_verdict_allow (LedeVerdict *self)
{
  g_return_if_fail (self != NULL);
  self->allowed = TRUE;
}

gboolean
lede_verdict_may_leave (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return (!self->blocked || self->allowed) && !lede_verdict_asks_correction (self);
}

/* Whether the story waits for the writer to say what changed since it
 * last went out (published, and its readers' text differs). */
gboolean
lede_verdict_asks_correction (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->asks_correction && !self->answered;
}

/* Returns: (nullable): what readers saw when it last went out */
const char *
lede_verdict_get_last_out (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_out;
}

/* Returns: what readers see now (lede_gate_dup_reader_text()) */
const char *
lede_verdict_get_reader_text (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reader_text;
}

/**
 * lede_verdict_answer_correction:
 * @note: what readers are told, in a sentence
 *
 * The writer's answer: a correction, a clarification or an update. It is
 * added to the story's corrections log, so the copy that leaves carries
 * it, and lede_verdict_record_went_out() logs it in the library.
 */
void
lede_verdict_answer_correction (LedeVerdict        *self,
                                LedeCorrectionKind  kind,
                                const char         *note)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (note != NULL && *note != '\0');

  g_clear_pointer (&self->correction, lede_correction_free);
  self->correction = lede_correction_new (NULL, kind, note);
  lede_article_add_correction (self->article, self->correction);
  self->answered = TRUE;
}

/* "Not a change readers need": the story leaves with nothing logged. */
void
lede_verdict_dismiss_correction (LedeVerdict *self)
{
  g_return_if_fail (self != NULL);
  self->answered = TRUE;
}

/**
 * lede_verdict_count_noted_since:
 * @went_out_at: (nullable): when the story last went out
 *
 * A note for readers logged since the story last went out (the window's
 * own question, Add Correction…) answers the gate's question: the change
 * is told already, and is not logged twice.
 */
void
lede_verdict_count_noted_since (LedeVerdict *self,
                                GDateTime   *went_out_at)
{
  GPtrArray *corrections;

  g_return_if_fail (self != NULL);

  if (!lede_verdict_asks_correction (self) || went_out_at == NULL)
    return;
  corrections = lede_article_get_corrections (self->article);
  for (guint i = 0; corrections && i < corrections->len; i++)
    if (g_date_time_compare (((LedeCorrection *)g_ptr_array_index (corrections, i))->created, went_out_at) > 0)
      {
        self->answered = TRUE;
        return;
      }
}

/* Returns: (nullable): the correction the writer's answer logs */
const LedeCorrection *
lede_verdict_get_new_correction (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->correction;
}

/* Whether the writer said what changed for readers, or that nothing did
 * (the outbox keeps the answer for a send that waits). */
gboolean
lede_verdict_is_answered (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->answered;
}

/**
 * lede_verdict_record_went_out:
 *
 * After the story has gone out by the way this verdict allowed: records in
 * @library what readers now have of it, and the correction the writer's
 * answer gave, so the next way out can ask what changed since.
 */
gboolean
lede_verdict_record_went_out (const LedeVerdict  *self,
                              LedeLibrary        *library,
                              GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lede_verdict_may_leave (self), FALSE);

  /* A copy for the next editor is not what readers have. */
  if (self->way_out == LEDE_WAY_OUT_REVIEW)
    return TRUE;
  return lede_library_record_went_out (library, lede_article_get_id (self->article),
                                       lede_way_out_to_string (self->way_out),
                                       self->reader_text, self->correction, error);
}

/* Returns: (transfer none) (element-type LedeFinding): every finding */
GPtrArray *
lede_verdict_get_findings (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->findings;
}

/* Returns: (transfer full): the blocking findings' messages, one a line */
char *
lede_verdict_dup_reasons (const LedeVerdict *self)
{
  g_autoptr (GString) reasons = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (self->findings, i);

      if (!holds_back (finding, self->way_out))
        continue;
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, finding->message);
    }
  if (lede_verdict_asks_correction (self))
    {
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, _("It is published, and what readers see has changed since it last went out: "
                                  "say whether this is a correction, a clarification or an update, or not a "
                                  "change readers need."));
    }
  return g_string_free (g_steal_pointer (&reasons), FALSE);
}

LedeWayOut
lede_verdict_get_way_out (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, LEDE_WAY_OUT_EXPORT);
  return self->way_out;
}

/* Returns: (transfer none): the story asked about */
LedeArticle *
lede_verdict_get_article (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->article;
}

/* Returns: (transfer none): its tags, never %NULL */
const char * const *
lede_verdict_get_tags (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->tags;
}

/* Returns: (transfer none) (element-type LedeSource): its sources */
GPtrArray *
lede_verdict_get_sources (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sources;
}

/* Returns: (transfer none) (nullable): the embargo the story must be
 * marked with wherever it goes, or %NULL when none holds */
GDateTime *
lede_verdict_get_embargo_mark (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->embargo;
}

/**
 * lede_gate_dup_embargo_line:
 *
 * Returns: (transfer full): "EMBARGOED UNTIL 2026-12-05 09:00 UTC", the
 *   line every copy of an embargoed story carries, in every language: it
 *   is read by desks, not readers
 */
char *
lede_gate_dup_embargo_line (GDateTime *embargo)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (embargo != NULL, NULL);
  utc = g_date_time_to_utc (embargo);
  return g_date_time_format (utc, "EMBARGOED UNTIL %Y-%m-%d %H:%M UTC");
}

/* Returns: (transfer full) (nullable): the embargo line, or %NULL */
char *
lede_verdict_dup_embargo_line (const LedeVerdict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->embargo ? lede_gate_dup_embargo_line (self->embargo) : NULL;
}
