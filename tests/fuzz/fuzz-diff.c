/* fuzz-diff.c: the word diff on any two texts (the input cut at its
 * middle, or at a form feed). The spans cover both texts in order, lie
 * inside them, and applied to the old text give the new one exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-diff.h"
#include "lede-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = lede_fuzz_string (data, size);
  g_autofree char *old_text = NULL, *new_text = NULL, *applied = NULL;
  g_autoptr (GArray) spans = NULL;
  char *cut = strchr (input, '\f');
  gsize old_at = 0, new_at = 0;

  if (!g_utf8_validate (input, -1, NULL))
    return 0;
  if (cut == NULL)
    cut = g_utf8_find_prev_char (input, input + strlen (input) / 2 + 1);
  if (cut == NULL)
    cut = input;
  old_text = g_strndup (input, cut - input);
  new_text = g_strdup (*cut == '\f' ? cut + 1 : cut);

  spans = lede_diff_words (old_text, new_text);
  for (guint i = 0; i < spans->len; i++)
    {
      LedeDiffSpan *span = &g_array_index (spans, LedeDiffSpan, i);

      if (span->kind != LEDE_DIFF_INSERTED)
        {
          lede_fuzz_check (span->old_start == old_at, "an old span at %zu, expected %zu", span->old_start, old_at);
          old_at += span->old_length;
        }
      if (span->kind != LEDE_DIFF_DELETED)
        {
          lede_fuzz_check (span->new_start == new_at, "a new span at %zu, expected %zu", span->new_start, new_at);
          new_at += span->new_length;
        }
    }
  lede_fuzz_check (old_at == strlen (old_text) && new_at == strlen (new_text), "the spans do not cover the texts");
  applied = lede_diff_apply (old_text, new_text, spans);
  lede_fuzz_check (g_str_equal (applied, new_text), "the diff applied is not the new text");

  /* A word is counted once at most: no more than the texts hold. */
  {
    guint deleted, inserted, old_words = 0, new_words = 0;
    g_auto (GStrv) old_runs = g_regex_split_simple ("\\s+", old_text, G_REGEX_OPTIMIZE, 0);
    g_auto (GStrv) new_runs = g_regex_split_simple ("\\s+", new_text, G_REGEX_OPTIMIZE, 0);

    lede_diff_count (old_text, new_text, spans, &deleted, &inserted);
    for (guint i = 0; old_runs[i]; i++)
      old_words += *old_runs[i] != '\0';
    for (guint i = 0; new_runs[i]; i++)
      new_words += *new_runs[i] != '\0';
    lede_fuzz_check (deleted <= old_words && inserted <= new_words, "%u deleted of %u, %u inserted of %u words",
                     deleted, old_words, inserted, new_words);
  }
  return 0;
}
