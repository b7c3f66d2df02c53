/* lede-check-ledger.c: the quote ledger — every quotation in the
 * headline and standfirst must be in the body word for word, and a body
 * quotation keeps the wording it had when the story was first kept.
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

/* The body's quotations outside code, each with its ledger words. */
static GPtrArray *
body_quotations (const LedeCheckStory *story,
                 GPtrArray            *words)
{
  GPtrArray *quotes = lede_attribution_check (lede_check_story_get_text (story, LEDE_FIELD_BODY), NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (quotes, i);

      if (lede_check_story_in_code (story, quote->start))
        {
          g_ptr_array_remove_index (quotes, i--);
          continue;
        }
      g_ptr_array_add (words, ledger_words (quote->text));
    }
  return quotes;
}

static guint
count_words (const char *words)
{
  guint n = 0;

  for (const char *p = words; *p; p++)
    n += *p == ' ' && p[1] != '\0';
  return n;
}

/**
 * lede_check_quote_changes:
 *
 * A body quotation whose words differ from those it had when the story was
 * first kept (its oldest revision, or a wording the writer accepted since)
 * — a quote is not the writer's to edit. One that shares too few words
 * with every earlier quotation is new, not changed, and passes; so does a
 * shortened quotation whose words were all quoted so.
 */
void
lede_check_quote_changes (const LedeCheckStory *story,
                          GDateTime            *now,
                          GPtrArray            *findings)
{
  g_autoptr (GPtrArray) quotes = NULL;
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_quote_free);
  g_autoptr (GPtrArray) before_words = g_ptr_array_new_with_free_func (g_free);

  if (story->quote_baseline == NULL)
    return;
  for (guint t = 0; story->quote_baseline[t]; t++)
    {
      g_autoptr (GPtrArray) found = lede_attribution_check (story->quote_baseline[t], NULL);

      for (guint i = 0; i < found->len; i++)
        {
          LedeQuote *quote = g_ptr_array_steal_index (found, i--);

          g_ptr_array_add (before_words, ledger_words (quote->text));
          g_ptr_array_add (before, quote);
        }
    }
  if (before->len == 0)
    return;
  quotes = body_quotations (story, words);
  for (guint i = 0; i < quotes->len; i++)
    {
      LedeQuote *quote = g_ptr_array_index (quotes, i);
      const char *now_words = g_ptr_array_index (words, i);
      guint n = count_words (now_words), best = 0, best_n = 0;
      LedeQuote *nearest = NULL;
      gboolean kept = FALSE;
      g_autofree char *was = NULL, *message = NULL;

      if (n < 3)
        continue;
      for (guint b = 0; b < before->len && !kept; b++)
        {
          const char *old_words = g_ptr_array_index (before_words, b);
          guint shared;

          if (strstr (old_words, now_words))
            kept = TRUE;
          else if ((shared = shared_words (now_words, old_words)) > best)
            {
              best = shared;
              best_n = count_words (old_words);
              nearest = g_ptr_array_index (before, b);
            }
        }
      /* Changed: most of the words of the longer of the two are shared. */
      if (kept || nearest == NULL || best * 2 < MAX (n, best_n))
        continue;
      was = shown (nearest->text);
      message = g_strdup_printf (_("This quotation read “%s” when the story was first kept: a quote is not the "
                                   "writer’s to reword. Put the words back, or accept the new wording if it is the "
                                   "speaker’s."), was);
      {
        LedeFinding *finding = lede_check_story_add (story, findings, LEDE_CHECK_QUOTE_CHANGED, LEDE_SEVERITY_WARNING,
                                                     LEDE_FIELD_BODY, quote->start, quote->end, message);

        /* Put back: the earlier words, between the quotation's own marks. */
        const char *span = lede_check_story_get_text (story, LEDE_FIELD_BODY) + quote->start;
        const char *close = g_utf8_find_prev_char (span, span + (quote->end - quote->start));
        g_autofree char *open = g_strndup (span, g_utf8_next_char (span) - span);

        finding->fix = g_strdup_printf ("%s%s%.*s", open, nearest->text, (int)(quote->end - quote->start - (close - span)),
                                        close);
      }
    }
}
