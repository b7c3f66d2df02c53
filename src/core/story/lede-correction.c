/* lede-correction.c: a dated note that a published story was corrected,
 * clarified or updated, published with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-correction"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-correction.h"

G_DEFINE_BOXED_TYPE (LedeCorrection, lede_correction, lede_correction_copy, lede_correction_free)

static const char * const names[] = { "correction", "clarification", "update" };

LedeCorrection *
lede_correction_new (GDateTime          *created,
                     LedeCorrectionKind  kind,
                     const char         *note)
{
  LedeCorrection *correction = g_new0 (LedeCorrection, 1);

  correction->created = created ? g_date_time_to_utc (created) : g_date_time_new_now_utc ();
  correction->kind = kind;
  correction->note = g_strdup (note ? note : "");
  return correction;
}

LedeCorrection *
lede_correction_copy (const LedeCorrection *correction)
{
  return lede_correction_new (correction->created, correction->kind, correction->note);
}

void
lede_correction_free (LedeCorrection *correction)
{
  if (correction == NULL)
    return;
  g_date_time_unref (correction->created);
  g_free (correction->note);
  g_free (correction);
}

gboolean
lede_correction_equal (const LedeCorrection *a,
                       const LedeCorrection *b)
{
  return a->kind == b->kind && g_date_time_equal (a->created, b->created) && g_str_equal (a->note, b->note);
}

/* The names front matter and the library use: stable, never translated. */
const char *
lede_correction_kind_to_string (LedeCorrectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), "correction");
  return names[kind];
}

gboolean
lede_correction_kind_from_string (const char         *name,
                                  LedeCorrectionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* For readers: "Correction", "Clarification", "Update". */
const char *
lede_correction_kind_get_label (LedeCorrectionKind kind)
{
  switch (kind)
    {
    case LEDE_CORRECTION_CLARIFICATION:
      return _("Clarification");
    case LEDE_CORRECTION_UPDATE:
      return _("Update");
    default:
      return _("Correction");
    }
}

/* "28 November 2026", in UTC, as a page shows it. */
char *
lede_correction_dup_date (const LedeCorrection *correction)
{
  return g_date_time_format (correction->created, "%-d %B %Y");
}

/**
 * lede_correction_list_equal:
 * @a: (nullable) (element-type LedeCorrection): a log
 * @b: (nullable) (element-type LedeCorrection): another
 *
 * Returns: whether both hold the same corrections in the same order;
 *   %NULL (never read) equals only %NULL
 */
gboolean
lede_correction_list_equal (GPtrArray *a,
                            GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!lede_correction_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}
