/* lede-correction.c: a dated note that a published story was corrected,
 * clarified or updated, published with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-correction"

#include "config.h"

#include <string.h>

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

/* The words of a corrections note are the story's, not the desktop's: a
 * German story says "Korrektur, 4. März 2026" whoever exports it, and so
 * the note at the end of a Markdown file is exactly what Lede writes for
 * that file's corrections and language, which import relies on to take it
 * off again. English for a language Lede has no words for. */
typedef struct {
  const char *language;                          /* a primary subtag */
  const char *labels[G_N_ELEMENTS (names)];      /* in the order of names[] */
  const char *months[12];
  const char *day_suffix;                        /* "4. März" */
} NoteWords;

static const NoteWords note_words[] = {
  { "en", { "Correction", "Clarification", "Update" },
    { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December" },
    "" },
  { "de", { "Korrektur", "Klarstellung", "Aktualisierung" },
    { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November", "Dezember" },
    "." },
};

static const NoteWords *
words_for (const char *language)
{
  gsize primary = language ? strcspn (language, "-_") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (note_words); i++)
    if (primary == strlen (note_words[i].language) &&
        g_ascii_strncasecmp (language, note_words[i].language, primary) == 0)
      return &note_words[i];
  return &note_words[0];
}

/* For readers: "Correction", "Clarification", "Update", in @language. */
const char *
lede_correction_kind_get_label (LedeCorrectionKind  kind,
                                const char         *language)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return words_for (language)->labels[kind];
}

/* "28 November 2026", "28. November 2026": the day in UTC, in @language. */
char *
lede_correction_dup_date (const LedeCorrection *correction,
                          const char           *language)
{
  const NoteWords *words = words_for (language);

  return g_strdup_printf ("%d%s %s %d", g_date_time_get_day_of_month (correction->created), words->day_suffix,
                          words->months[g_date_time_get_month (correction->created) - 1],
                          g_date_time_get_year (correction->created));
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
