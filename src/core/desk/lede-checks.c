/* lede-checks.c: the copy desk's checks — the table of them, running
 * them all, and counting what they found.
 *
 * A check never edits the story: it reads a LedeCheckStory, a copy made
 * on the main thread, so the panel can run the checks on a worker thread
 * while the writer types. A new check is a function of the LedeCheck type
 * in its own file, added to the table here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-checks.h"

/* In the order they run; the findings are sorted after. */
static const LedeCheck checks[] = {
  lede_check_embargo,
  lede_check_ready,
  lede_check_placeholders,
  lede_check_attribution,
  lede_check_names,
  lede_check_weekdays,
  lede_check_dates,
  lede_check_percentages,
  lede_check_shares,
  lede_check_lengths,
  lede_check_language,
  lede_check_photos,
  lede_check_review,
  lede_check_house_style,
  lede_check_wire,
  lede_check_deadline,
  lede_check_headlines,
  lede_check_quote_ledger,
  lede_check_quote_changes,
};

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

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    checks[i] (story, now, findings);
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
