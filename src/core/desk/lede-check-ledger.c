/* lede-check-ledger.c: the quote ledger — every quotation in the
 * headline and standfirst must be in the body word for word.
 *
 * Words are compared casefolded, with ’ as ', and with punctuation and
 * spacing left out, so “The shoals are moving,” and “the shoals are
 * moving” are one quotation; a headline may quote part of a body
 * quotation ("“worst moment”" from “the worst moment of the winter”).
 * When none holds it, the warning names the body quotation sharing the
 * most words with it, so the writer sees which one drifted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"

/* A quotation is shown cut to this many characters in messages. */
#define LEDGER_SHOWN_CHARS 60

/* " the shoals are moving " : casefolded words, each with a space either
 * side, so a search for one quotation's words in another's matches whole
 * words only. */
static char *
ledger_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *words = g_string_new (" ");

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (words, c);
      else if ((c == '\'' || c == 0x2019) && words->str[words->len - 1] != ' ')
        g_string_append_c (words, '\'');
      else if (words->str[words->len - 1] != ' ')
        g_string_append_c (words, ' ');
    }
  if (words->str[words->len - 1] != ' ')
    g_string_append_c (words, ' ');
  return g_string_free (words, FALSE);
}

/* How many of @a's words are among @b's. */
static guint
shared_words (const char *a,
              const char *b)
{
  g_auto (GStrv) words = g_strsplit (a, " ", -1);
  guint shared = 0;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        g_autofree char *word = g_strdup_printf (" %s ", words[i]);

        shared += strstr (b, word) != NULL;
      }
  return shared;
}

static char *
shown (const char *text)
{
  if (g_utf8_strlen (text, -1) <= LEDGER_SHOWN_CHARS)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int)(g_utf8_offset_to_pointer (text, LEDGER_SHOWN_CHARS) - text), text);
}

static void
ledger_field (const LedeCheckStory *story,
              LedeField             field,
              GPtrArray            *body_quotes,
              GPtrArray            *body_words,
              GPtrArray            *findings)
{
  g_autoptr (GPtrArray) quotes = lede_attribution_check (lede_check_story_get_text (story, field), NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (quotes, i);
      g_autofree char *words = ledger_words (quote->text);
      g_autofree char *message = NULL, *quoted = NULL;
      LedeQuote *nearest = NULL;
      guint best = 0;
      gboolean found = FALSE;

      if (g_str_equal (words, " "))
        continue;
      for (guint b = 0; b < body_words->len && !found; b++)
        {
          guint shared;

          if (strstr (g_ptr_array_index (body_words, b), words))
            found = TRUE;
          else if ((shared = shared_words (words, g_ptr_array_index (body_words, b))) > best)
            {
              best = shared;
              nearest = g_ptr_array_index (body_quotes, b);
            }
        }
      if (found)
        continue;
      quoted = shown (quote->text);
      if (nearest)
        {
          g_autofree char *near = shown (nearest->text);

          message = g_strdup_printf (field == LEDE_FIELD_HEADLINE
                                       ? _("The headline quotes “%s”, but the body never does; its nearest quotation is “%s”.")
                                       : _("The standfirst quotes “%s”, but the body never does; its nearest quotation is “%s”."),
                                     quoted, near);
        }
      else
        message = g_strdup_printf (field == LEDE_FIELD_HEADLINE
                                     ? _("The headline quotes “%s”, but the body never quotes those words.")
                                     : _("The standfirst quotes “%s”, but the body never quotes those words."),
                                   quoted);
      lede_check_story_add (story, findings, LEDE_CHECK_QUOTE, LEDE_SEVERITY_WARNING, field,
                            quote->start, quote->end, message);
    }
}

/**
 * lede_check_quote_ledger:
 *
 * A quotation in the headline or standfirst whose words no quotation of
 * the body holds: a quote is not the headline writer's to reword.
 */
void
lede_check_quote_ledger (const LedeCheckStory *story,
                         GDateTime            *now,
                         GPtrArray            *findings)
{
  g_autoptr (GPtrArray) body_quotes = NULL;
  g_autoptr (GPtrArray) body_words = NULL;

  if (!strpbrk (lede_check_story_get_text (story, LEDE_FIELD_HEADLINE), "\"\xe2\xc2") &&
      !strpbrk (lede_check_story_get_text (story, LEDE_FIELD_STANDFIRST), "\"\xe2\xc2"))
    return;  /* no quotation mark at all: nothing to trace */
  body_quotes = lede_attribution_check (lede_check_story_get_text (story, LEDE_FIELD_BODY), NULL);
  body_words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < body_quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (body_quotes, i);

      if (lede_check_story_in_code (story, quote->start))
        {
          g_ptr_array_remove_index (body_quotes, i--);
          continue;
        }
      g_ptr_array_add (body_words, ledger_words (quote->text));
    }
  ledger_field (story, LEDE_FIELD_HEADLINE, body_quotes, body_words, findings);
  ledger_field (story, LEDE_FIELD_STANDFIRST, body_quotes, body_words, findings);
}
