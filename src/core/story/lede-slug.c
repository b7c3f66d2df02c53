/* lede-slug.c: the URL-safe name of a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-slug.h"

#define MAX_SLUG LEDE_SLUG_MAX_LENGTH

/**
 * lede_slug_from_text:
 *
 * Makes a slug: lowercase ASCII letters, digits and single hyphens, accents
 * folded ("Éluned" → "eluned"), apostrophes dropped ("Kestle’s" →
 * "kestles"), at most LEDE_SLUG_MAX_LENGTH characters, cut after a whole
 * word (mid-word only when the first word is longer), never ending in a
 * hyphen.
 *
 * Returns: (transfer full): the slug, empty when @text has no letter or digit
 */
char *
lede_slug_from_text (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);
  gboolean hyphen = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* g_str_to_ascii folds accents ("é" → "e") in any locale. */
  ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          gboolean add_hyphen = hyphen && slug->len > 0;

          /* Full: end at the last whole word, if there is one. */
          if (slug->len + (add_hyphen ? 2 : 1) > MAX_SLUG)
            {
              char *last = strrchr (slug->str, '-');

              if (!add_hyphen && last != NULL)
                g_string_truncate (slug, last - slug->str);
              break;
            }
          if (add_hyphen)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else if (*p != '\'' && *p != '?')
        hyphen = TRUE;
      /* "'" is a straight apostrophe; a curly one comes out of
       * g_str_to_ascii as "'" too, and an unknown character as "?". */
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}
