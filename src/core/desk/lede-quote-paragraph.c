/* lede-quote-paragraph.c: the words of a paragraph as the attribution
 * check reads them — speech verbs, pronouns, and the capitalised runs
 * that are names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-attribution-private.h"

static const char * const speech_verbs[] = {
  "said", "says", "say", "saying", "told", "tells", "added", "adds", "asked", "asks",
  "explained", "explains", "insisted", "insists", "noted", "notes", "recalled", "recalls",
  "replied", "replies", "wrote", "writes", "warned", "warns", "argued", "argues",
  "stated", "states", "claimed", "claims", "admitted", "admits", "acknowledged",
  "acknowledges", "suggested", "suggests", "remarked", "agreed", "agrees", "answered",
  "declared", "conceded", "concedes", "confirmed", "confirms", "denied", "denies",
  "continued", "according", "posted", "announced", "announces", "testified", "shouted",
  /* German, whose words no English sentence uses: a German story is read
   * with the same lists. */
  "sagte", "sagten", "sagt", "sagen", "gesagt", "erklärte", "erklärten", "erklärt", "betonte", "betonten",
  "betont", "fügte", "fügten", "meinte", "meint", "warnte", "warnt", "schrieb", "schreibt", "antwortete",
  "antwortet", "räumte", "bestätigte", "bestätigt", "kündigte", "verkündete", "forderte", "fordert",
  "sprach", "spricht", "berichtete", "berichtet", "ergänzte", "ergänzt", "versicherte", "zufolge",
  "kritisierte", "kritisiert", "erläuterte", "unterstrich", "mahnte", "rief", "fragte", "fragt",
  NULL
};
static LedeWordList speech_verbs_list = { speech_verbs, NULL };

static const char * const pronouns[] = { "he", "she", "they", "it", "er", "sie", "es", NULL };
static LedeWordList pronouns_list = { pronouns, NULL };

/* Small words that may join the capitalised words of one name. */
static const char * const name_joins[] = { "of", "for", "and", "the", "on", "de", "van", "von", "da", NULL };
static LedeWordList name_joins_list = { name_joins, NULL };

/* Capitalised words that open a sentence but are nobody: "On Monday
 * Kaneko said", "Am Montag sagte". */
static const char * const never_names[] = {
  "the", "a", "an", "on", "in", "at", "by", "yesterday", "today", "later", "then", "earlier", "last", "this",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december",
  "am", "im", "an", "gestern", "heute", "später", "dann", "zuvor", "der", "die", "das", "ein", "eine",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
  "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", NULL
};
static LedeWordList never_names_list = { never_names, NULL };

gboolean
lede_quote_is_one_of (const char   *folded,
                      LedeWordList *list)
{
  if (g_once_init_enter (&list->set))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; list->words[i]; i++)
        g_hash_table_add (set, (gpointer)list->words[i]);
      g_once_init_leave (&list->set, set);
    }
  return g_hash_table_contains (list->set, folded);
}

gboolean
lede_quote_paragraph_is_speech_verb (const char *folded)
{
  return lede_quote_is_one_of (folded, &speech_verbs_list);
}

gboolean
lede_quote_paragraph_is_pronoun (const char *folded)
{
  return lede_quote_is_one_of (folded, &pronouns_list);
}

gboolean
lede_quote_paragraph_is_name_join (const char *folded)
{
  return lede_quote_is_one_of (folded, &name_joins_list);
}

gboolean
lede_quote_paragraph_never_names (const char *folded)
{
  return lede_quote_is_one_of (folded, &never_names_list);
}

/**
 * lede_quote_paragraph_tidy_name:
 *
 * A name as written, without a possessive ("Institute for the Study of
 * War’s" → "Institute for the Study of War").
 *
 * Returns: (transfer full): the name
 */
char *
lede_quote_paragraph_tidy_name (const char *name,
                                gsize       length)
{
  char *tidy = g_strndup (name, length);
  gsize n = strlen (tidy);

  if (n > 2 && g_str_has_suffix (tidy, "'s"))
    tidy[n - 2] = '\0';
  else if (n > 4 && g_str_has_suffix (tidy, "’s"))
    tidy[n - 4] = '\0';
  else if (n > 1 && tidy[n - 1] == '\'')
    tidy[n - 1] = '\0';
  else if (n > 3 && g_str_has_suffix (tidy, "’"))
    tidy[n - 3] = '\0';
  return tidy;
}

/* The first word at or after byte @at. */
guint
lede_quote_paragraph_token_at (Paragraph *paragraph,
                               gsize      at)
{
  guint lo = 0, hi = paragraph->tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (TOKEN (paragraph, mid)->start < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first mention whose first word comes after word @pivot. */
guint
lede_quote_paragraph_mention_after (GArray *mentions,
                                    guint   pivot)
{
  guint lo = 0, hi = mentions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (mentions, Mention, mid).token <= pivot)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The capitalised name run beginning (@step 1) or ending (@step -1) at
 * word @at, as it is written, or NULL. */
char *
lede_quote_paragraph_capitalised_run (const char *text,
                                      Paragraph  *paragraph,
                                      int         at,
                                      int         step)
{
  int first = at, last = at, n = paragraph->tokens->len;

  if (at < 0 || at >= n || !TOKEN (paragraph, at)->capital || TOKEN (paragraph, at)->quoted ||
      lede_quote_paragraph_is_pronoun (TOKEN (paragraph, at)->folded))
    return NULL;
  for (int i = at + step; i >= 0 && i < n && !TOKEN (paragraph, i)->quoted; i += step)
    {
      Token *token = TOKEN (paragraph, i);
      Token *left = TOKEN (paragraph, MIN (i, i - step)), *right = TOKEN (paragraph, MAX (i, i - step));

      /* "UNITED NATIONS — Eri Kaneko", "Volker Türk, the UN": a name
       * does not run on past a dash or a comma (only "Mr. Omondi"'s point). */
      for (gsize b = left->end; b < right->start && token; b++)
        if (text[b] != ' ' && text[b] != '.')
          token = NULL;
      if (token == NULL)
        break;
      if (token->capital)
        {
          first = MIN (first, i);
          last = MAX (last, i);
        }
      else if (!lede_quote_paragraph_is_name_join (token->folded))
        break;
    }
  /* "On Monday Kaneko", "The Institute…": words that open a sentence
   * but name nobody are not the name. */
  while (first <= last && (lede_quote_paragraph_never_names (TOKEN (paragraph, first)->folded) ||
                           !TOKEN (paragraph, first)->capital))
    first++;
  if (first > last)
    return NULL;
  return lede_quote_paragraph_tidy_name (text + TOKEN (paragraph, first)->start,
                                         TOKEN (paragraph, last)->end - TOKEN (paragraph, first)->start);
}
