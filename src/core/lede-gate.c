/* lede-gate.c: the one question every way out of Lede asks.
 *
 * Export in every format, Copy as HTML and printing each ask
 * lede_gate_ask() before a byte leaves. The gate runs the copy desk's
 * checks: a blocking finding (an embargo yet to lift, a placeholder left
 * in, "ready" that is not) holds the story back until the writer says
 * "anyway" (lede_verdict_allow()). The verdict also says what the story
 * must carry wherever it goes: the embargo line while the embargo holds
 * (the corrections log goes with the article itself). The writers of
 * each format take the verdict, not the article, so none can write a
 * story that was not asked about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-gate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"
#include "lede-gate.h"

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
};

/**
 * lede_gate_ask:
 * @article: the story, as it will leave; the verdict keeps it, so pass an
 *   object nobody changes meanwhile
 * @tags: (nullable): its tags, when @article does not hold them
 * @sources: (nullable) (element-type LedeSource): its sources, likewise
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
  lede_check_story_free (checked);
  self->blocked = lede_checks_count (self->findings, LEDE_SEVERITY_BLOCKING) > 0;

  if (lede_article_is_under_embargo (article, now))
    self->embargo = g_date_time_ref (lede_article_get_embargo (article));
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
  return !self->blocked || self->allowed;
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

      if (finding->severity != LEDE_SEVERITY_BLOCKING)
        continue;
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, finding->message);
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
