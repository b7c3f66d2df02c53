/* lede-search-hit.c: one story found by a search, and how a journalist's
 * words become a query the index cannot misread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-search"

#include "config.h"

#include <string.h>

#include "lede-search-hit.h"

G_DEFINE_BOXED_TYPE (LedeSearchHit, lede_search_hit, lede_search_hit_copy, lede_search_hit_free)

LedeSearchHit *
lede_search_hit_new (gint64      id,
                     const char *headline,
                     const char *snippet,
                     double      rank)
{
  LedeSearchHit *hit = g_new0 (LedeSearchHit, 1);

  hit->id = id;
  hit->headline = g_strdup (headline ? headline : "");
  hit->snippet = g_strdup (snippet ? snippet : "");
  hit->rank = rank;
  return hit;
}

LedeSearchHit *
lede_search_hit_copy (const LedeSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);
  return lede_search_hit_new (hit->id, hit->headline, hit->snippet, hit->rank);
}

void
lede_search_hit_free (LedeSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->headline);
  g_free (hit->snippet);
  g_free (hit);
}

/* Whether a word is worth searching for: not a stray operator left over
 * from an FTS5 query that did not parse, and not bare punctuation. */
static gboolean
is_searchable (const char *term,
               gssize      len)
{
  static const char * const operators[] = { "AND", "OR", "NOT", "NEAR" };

  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    if ((gssize)strlen (operators[i]) == len && strncmp (term, operators[i], len) == 0)
      return FALSE;

  for (const char *p = term; p < term + len; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_term (GString    *query,
             const char *term,
             gssize      len,
             gboolean    prefix)
{
  if (len <= 0 || !is_searchable (term, len))
    return;
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (gssize i = 0; i < len; i++)
    {
      /* Inside an FTS5 string a quote is written twice. */
      if (term[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, term[i]);
    }
  g_string_append_c (query, '"');
  if (prefix)
    g_string_append_c (query, '*');
}

/**
 * lede_search_make_plain_query:
 * @text: what the user typed
 *
 * Turns any text into a valid FTS5 query: every word must appear, text in
 * double quotes (straight or curly) is a phrase, and a word ending in `*`
 * matches as a prefix; bare operators and punctuation are dropped. Used
 * when the text is not valid FTS5 syntax itself.
 *
 * Returns: (transfer full): the query, empty when there is nothing to find
 */
char *
lede_search_make_plain_query (const char *text)
{
  GString *query = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '"' || c == 0x201C || c == 0x201D)
        {
          const char *start = g_utf8_next_char (p);
          const char *end = start;

          while (*end)
            {
              gunichar e = g_utf8_get_char (end);
              if (e == '"' || e == 0x201C || e == 0x201D)
                break;
              end = g_utf8_next_char (end);
            }
          append_term (query, start, end - start, FALSE);
          p = *end ? g_utf8_next_char (end) : end;
          continue;
        }

      {
        const char *start = p;
        gssize len;

        while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
        len = p - start;
        if (len > 1 && start[len - 1] == '*')
          append_term (query, start, len - 1, TRUE);
        else if (!(len == 1 && start[0] == '*'))
          append_term (query, start, len, FALSE);
      }
    }

  return g_string_free (query, FALSE);
}
