/* lede-attribution.c: the direct quotations in a story, and who each is
 * credited to.
 *
 * A quotation is text between double quotation marks, straight or curly
 * (“…”), German („…“, »…«) or Swiss («…»), or between single curly ones
 * (‘…’) in pairs, within one paragraph. A right single mark followed by a letter (don’t, rock ’n’
 * roll) or one that opens nothing (Guterres’) is an apostrophe, never a
 * quotation.
 *
 * A quotation is credited to a linked source when its paragraph names one
 * outside the quotation marks, by whole name or surname (the name's last
 * word), as whole words, in any case. With several named, the one nearest
 * the speech verb nearest the quotation ("said Eri Kaneko", "Kaneko said")
 * is credited; without a speech verb, the one nearest the quotation.
 *
 * A paragraph that names no source but says "he said", "said she", "they
 * added"… credits the one source named by the nearest earlier paragraph
 * that names any, when it names exactly one.
 *
 * First, though, the quotation's own sentence (lede-speaker.c): the
 * subject of its speech verb is its speaker, so in reported speech
 * ("Kaneko said Guterres wants “…”") the one reporting it; an unnamed
 * speaker ("a government spokesman") is credited as such; with no speech
 * verb, a document the sentence names ("a resolution demanding “…”") is
 * where its words come from. A source named as an object ("blamed
 * Guterres for “…”") credits nothing. Names lose their possessive.
 *
 * An image's alt text and a link's or image's title are never quotations.
 *
 * The speech verbs and pronouns (lede-quote-paragraph.c) are English and
 * German (sagte, erklärte…; er, sie), in one list: no German one is an
 * English word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-attribution-private.h"
#include "lede-speaker.h"

#define LEFT_DOUBLE  0x201C
#define RIGHT_DOUBLE 0x201D
#define LEFT_SINGLE  0x2018
#define RIGHT_SINGLE 0x2019
#define LOW_DOUBLE   0x201E  /* „ opens a German quotation, “ closes it */
#define RIGHT_GUILLEMET 0x00BB  /* » opens in Germany (»…«), closes in Switzerland («…») */
#define LEFT_GUILLEMET  0x00AB

G_DEFINE_BOXED_TYPE (LedeQuote, lede_quote, lede_quote_copy, lede_quote_free)

LedeQuote *
lede_quote_copy (const LedeQuote *quote)
{
  LedeQuote *copy = g_memdup2 (quote, sizeof *quote);

  copy->text = g_strdup (quote->text);
  copy->speaker = g_strdup (quote->speaker);
  copy->credited = g_strdup (quote->credited);
  return copy;
}

void
lede_quote_free (LedeQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->speaker);
  g_free (quote->credited);
  g_free (quote);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-' || c == '\'' || c == RIGHT_SINGLE;
}

static void
paragraph_clear (Paragraph *paragraph)
{
  g_clear_pointer (&paragraph->tokens, g_array_unref);
  g_clear_pointer (&paragraph->words, g_string_chunk_free);
  g_clear_pointer (&paragraph->spans, g_array_unref);
  g_clear_pointer (&paragraph->verbs, g_array_unref);
  g_clear_pointer (&paragraph->stops, g_array_unref);
}

/* The word folded, kept in the paragraph's words. */
static const char *
fold_word (Paragraph  *paragraph,
           const char *word,
           gsize       len)
{
  char ascii[64];
  char *folded = ascii;
  const char *kept;
  gsize n = 0;

  /* Most words are short and ASCII: folded on the stack. */
  while (n < len && n < sizeof ascii - 1 && !(word[n] & 0x80))
    {
      ascii[n] = g_ascii_tolower (word[n]);
      n++;
    }
  ascii[n] = '\0';
  if (n < len)
    {
      folded = g_utf8_casefold (word, len);
      n = strlen (folded);
    }

  /* Tallis's, Tallis’s, the Smiths’ */
  if (n > 2 && (g_str_has_suffix (folded, "'s")))
    folded[n - 2] = '\0';
  else if (n > 4 && g_str_has_suffix (folded, "’s"))
    folded[n - 4] = '\0';
  else if (n > 1 && folded[n - 1] == '\'')
    folded[n - 1] = '\0';
  else if (n > 3 && g_str_has_suffix (folded, "’"))
    folded[n - 3] = '\0';
  kept = g_string_chunk_insert_const (paragraph->words, folded);
  /* Freed only when made: under AddressSanitizer's full stacks even a
   * free (NULL) costs an unwind, and a fuzzed story has 30,000 words. */
  if (folded != ascii)
    g_free (folded);
  return kept;
}

/* Which right single marks of a paragraph close a quotation rather than
 * being apostrophes: nothing word-like follows one, and a plural
 * possessive (Guterres’) gives way to any later closing mark. Worked out
 * in one pass from the end, as byte positions in order. */
static GArray *
closing_marks (const char *text,
               gsize       start,
               gsize       end)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean later_closes = FALSE;

  for (const char *p = text + end; p > text + start;)
    {
      gunichar after, before;

      p = g_utf8_prev_char (p);
      if (g_utf8_get_char (p) != RIGHT_SINGLE)
        continue;
      after = g_utf8_next_char (p) < text + end ? g_utf8_get_char (g_utf8_next_char (p)) : 0;
      before = p > text + start ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
      if (!g_unichar_isalnum (after) && (!(before == 's' || before == 'S') || !later_closes))
        {
          gsize at = p - text;

          /* Appended from the end and turned round once: prepending one
           * at a time moved them all each time. */
          g_array_append_val (marks, at);
          later_closes = TRUE;
        }
    }
  for (guint i = 0, j = marks->len; i + 1 < j; i++, j--)
    {
      gsize swap = g_array_index (marks, gsize, i);

      g_array_index (marks, gsize, i) = g_array_index (marks, gsize, j - 1);
      g_array_index (marks, gsize, j - 1) = swap;
    }
  return marks;
}

/* Past a Markdown image's alt text ("![…]") or a link's or image's
 * address and title ("](photo.jpg "Credit: …")") starting at @p: neither
 * is copy, so no quotation is found there (alt text and titles past 4 KB
 * are read as copy). Returns @p when none starts. */
static const char *
skip_markup (const char *p,
             const char *end)
{
  /* Looked for within a bound, so a paragraph of "![![![…" stays linear. */
  if (end - p > 4096)
    end = p + 4096;
  if (p[0] == '!' && p + 1 < end && p[1] == '[')
    {
      const char *close = memchr (p, ']', end - p);

      /* Up to the "]", so the address after it is skipped too. */
      return close && close - 1 > p ? close - 1 : p;
    }
  if (p[0] == ']' && p + 1 < end && p[1] == '(')
    {
      const char *q = p + 2;
      char closing = 0;

      while (q < end && *q != ')' && *q != '"' && *q != '\'' && *q != '(')
        q++;
      if (q < end && (*q == '"' || *q == '\'' || *q == '('))
        {
          closing = *q == '(' ? ')' : *q;
          q = memchr (q + 1, closing, end - (q + 1));
          if (q == NULL)
            return p;
          q++;
          while (q < end && *q == ' ')
            q++;
        }
      return q < end && *q == ')' ? q : p;
    }
  return p;
}

static GArray *
find_spans (const char *text,
            gsize       start,
            gsize       end)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) closing = closing_marks (text, start, end);
  const char *open = NULL;
  gunichar open_mark = 0;
  guint next_closing = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean closes = FALSE, closing_here;

      while (next_closing < closing->len && g_array_index (closing, gsize, next_closing) < (gsize)(p - text))
        next_closing++;
      closing_here = next_closing < closing->len && g_array_index (closing, gsize, next_closing) == (gsize)(p - text);
      if (open == NULL)
        {
          const char *past = skip_markup (p, text + end);

          if (past != p)
            {
              p = past;
              continue;
            }
          if (c == '"' || c == LEFT_DOUBLE || c == LEFT_SINGLE || c == LOW_DOUBLE || c == RIGHT_GUILLEMET ||
              c == LEFT_GUILLEMET)
            {
              open = p;
              open_mark = c;
            }
          continue;
        }
      if (open_mark == LEFT_SINGLE)
        closes = closing_here;
      else if (open_mark == LOW_DOUBLE)
        closes = c == LEFT_DOUBLE || c == RIGHT_DOUBLE || c == '"';
      else if (open_mark == RIGHT_GUILLEMET)
        closes = c == LEFT_GUILLEMET;
      else if (open_mark == LEFT_GUILLEMET)
        closes = c == RIGHT_GUILLEMET;
      else
        closes = c == '"' || c == RIGHT_DOUBLE;
      if (closes)
        {
          Span span = { open - text, g_utf8_next_char (open) - text, p - text, g_utf8_next_char (p) - text };

          if (span.close - span.inner >= 2)
            g_array_append_val (spans, span);
          open = NULL;
        }
    }
  return spans;
}

static void
tokenize (const char *text,
          Paragraph  *paragraph)
{
  const char *end = text + paragraph->end;
  guint in_span = 0;

  paragraph->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  paragraph->words = g_string_chunk_new (256);
  for (const char *p = text + paragraph->start; p < end;)
    {
      gunichar c = g_utf8_get_char (p);
      const char *word = p;
      Token token;

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      while (p < end && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      token.start = word - text;
      token.end = p - text;
      while (in_span < paragraph->spans->len && g_array_index (paragraph->spans, Span, in_span).end <= token.start)
        in_span++;
      token.quoted = in_span < paragraph->spans->len && g_array_index (paragraph->spans, Span, in_span).open < token.start;
      token.capital = g_unichar_isupper (c) || g_unichar_istitle (c);
      token.folded = fold_word (paragraph, word, p - word);
      g_array_append_val (paragraph->tokens, token);
    }
}

static GArray *
find_mentions (Paragraph *paragraph,
               GPtrArray *names)    /* each a GStrv of folded words */
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (Mention));

  for (guint i = 0; i < paragraph->tokens->len; i++)
    for (guint s = 0; names && s < names->len; s++)
      {
        char **words = g_ptr_array_index (names, s);
        guint n = g_strv_length (words);
        gboolean whole = n > 0 && i + n <= paragraph->tokens->len;

        if (TOKEN (paragraph, i)->quoted || n == 0)
          continue;
        for (guint w = 0; whole && w < n; w++)
          whole = g_str_equal (TOKEN (paragraph, i + w)->folded, words[w]);
        if (whole || (strlen (words[n - 1]) >= 2 && g_str_equal (TOKEN (paragraph, i)->folded, words[n - 1])))
          {
            Mention mention = { i, whole ? i + n - 1 : i, s };
            g_array_append_val (mentions, mention);
            break;
          }
      }
  return mentions;
}

/* How many words lie between two runs of words (0 when they touch). */
static guint
gap (guint a_first, guint a_last, guint b_first, guint b_last)
{
  if (a_last < b_first)
    return b_first - a_last - 1;
  if (b_last < a_first)
    return a_first - b_last - 1;
  return 0;
}

/* The word just before a quotation (0 when none) and the first after it. */
static void
tokens_around (Paragraph  *paragraph,
               const Span *span,
               guint      *before,
               guint      *after)
{
  guint first_inside = lede_quote_paragraph_token_at (paragraph, span->open);

  *before = first_inside > 0 ? first_inside - 1 : 0;
  *after = lede_quote_paragraph_token_at (paragraph, span->end);
}

/* The speech verb nearest the quotation, outside quotations, or -1; the
 * one before it when two are as near. */
static int
nearest_verb (Paragraph  *paragraph,
              const Span *span)
{
  guint before, after, lo = 0, hi = paragraph->verbs->len;
  int best = -1;

  tokens_around (paragraph, span, &before, &after);
  /* The first verb at or after the quotation's end… */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (paragraph->verbs, guint, mid) < after)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < paragraph->verbs->len)
    best = g_array_index (paragraph->verbs, guint, lo);
  /* …or the last before it, when it is as near. */
  if (lo > 0 && lede_quote_paragraph_token_at (paragraph, span->open) > 0)
    {
      guint previous = g_array_index (paragraph->verbs, guint, lo - 1);

      if (previous <= before && (best < 0 || before - previous <= (guint)best - after))
        best = previous;
    }
  return best;
}

/* Someone or something named beside the speech verb or after "according
 * to" who is not a linked source: "said Mr Omondi", "according to the
 * Institute for Coastal Studies". */
static char *
named_beside (const char *text,
              Paragraph  *paragraph,
              int         verb)
{
  int after = verb + 1;
  char *name;

  if (verb < 0)
    return NULL;
  if (g_str_equal (TOKEN (paragraph, verb)->folded, "according") && after < (int)paragraph->tokens->len &&
      g_str_equal (TOKEN (paragraph, after)->folded, "to"))
    after++;
  if (after < (int)paragraph->tokens->len && g_str_equal (TOKEN (paragraph, after)->folded, "the"))
    after++;
  if ((name = lede_quote_paragraph_capitalised_run (text, paragraph, after, 1)))
    return name;
  return lede_quote_paragraph_capitalised_run (text, paragraph, verb - 1, -1);
}

/* Whether the paragraph says "he said", "said she"… outside quotations. */
static gboolean
has_pronoun_verb (Paragraph *paragraph)
{
  if (paragraph->pronoun_verb >= 0)
    return paragraph->pronoun_verb;
  paragraph->pronoun_verb = FALSE;
  for (guint i = 0; i + 1 < paragraph->tokens->len && !paragraph->pronoun_verb; i++)
    {
      Token *a = TOKEN (paragraph, i), *b = TOKEN (paragraph, i + 1);

      if (a->quoted || b->quoted)
        continue;
      if ((lede_quote_paragraph_is_pronoun (a->folded) && lede_quote_paragraph_is_speech_verb (b->folded)) ||
          (lede_quote_paragraph_is_speech_verb (a->folded) && lede_quote_paragraph_is_pronoun (b->folded)))
        paragraph->pronoun_verb = TRUE;
    }
  return paragraph->pronoun_verb;
}

static GPtrArray *
folded_names (GPtrArray *sources)
{
  GPtrArray *names = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint i = 0; sources && i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);
      g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
      Paragraph whole = { .end = strlen (source->name), .line = 1, .spans = g_array_new (FALSE, FALSE, sizeof (Span)), .pronoun_verb = -1 };

      tokenize (source->name, &whole);
      for (guint t = 0; t < whole.tokens->len; t++)
        g_strv_builder_add (words, TOKEN (&whole, t)->folded);
      g_ptr_array_add (names, g_strv_builder_end (words));
      paragraph_clear (&whole);
    }
  return names;
}

typedef struct {
  const char *text;
  GArray     *paragraphs;
  GPtrArray  *sources;
  GPtrArray  *names;
  guint       longest_name;   /* in words */
  guint       looked_back;    /* paragraphs before this one are in… */
  int         last_naming;    /* …the last of them naming a source, or -1 */
} Story;

static void
prepare (Story      *story,
         Paragraph  *paragraph)
{
  if (paragraph->tokens)
    return;
  paragraph->spans = find_spans (story->text, paragraph->start, paragraph->end);
  tokenize (story->text, paragraph);
  paragraph->stops = lede_speaker_find_stops (story->text, paragraph);
  paragraph->verbs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < paragraph->tokens->len; i++)
    if (!TOKEN (paragraph, i)->quoted && lede_quote_paragraph_is_speech_verb (TOKEN (paragraph, i)->folded))
      g_array_append_val (paragraph->verbs, i);
}

/* The distinct sources the paragraph names, as a bit set (the first 64). */
static guint64
sources_named (Story     *story,
               Paragraph *paragraph)
{
  g_autoptr (GArray) mentions = NULL;

  if (paragraph->named_known)
    return paragraph->named;
  prepare (story, paragraph);
  mentions = find_mentions (paragraph, story->names);
  for (guint i = 0; i < mentions->len; i++)
    paragraph->named |= G_GUINT64_CONSTANT (1) << MIN (g_array_index (mentions, Mention, i).source, 63);
  paragraph->named_known = TRUE;
  return paragraph->named;
}

/* The paragraphs are checked in order, so the last one naming a source
 * is carried forward rather than looked for again from each "he said":
 * every paragraph is looked at once. */
static char *
earlier_speaker (Story            *story,
                 guint             index,
                 LedeQuoteTrouble *trouble)
{
  guint64 named;

  for (; story->looked_back < index; story->looked_back++)
    if (story->names->len > 0 &&
        sources_named (story, &g_array_index (story->paragraphs, Paragraph, story->looked_back)) != 0)
      story->last_naming = story->looked_back;
  if (story->last_naming < 0 || (guint)story->last_naming >= index)
    {
      *trouble = LEDE_QUOTE_PRONOUN_UNRESOLVED;
      return NULL;
    }
  named = sources_named (story, &g_array_index (story->paragraphs, Paragraph, story->last_naming));
  if ((named & (named - 1)) == 0)
    return g_strdup (((LedeSource *)g_ptr_array_index (story->sources, g_bit_nth_lsf (named, -1)))->name);
  *trouble = LEDE_QUOTE_PRONOUN_AMBIGUOUS;
  return NULL;
}

static void
check_paragraph (Story     *story,
                 guint      index,
                 GPtrArray *quotes)
{
  Paragraph *paragraph = &g_array_index (story->paragraphs, Paragraph, index);
  g_autoptr (GArray) mentions = NULL;
  g_autoptr (GArray) speakers = NULL;
  g_autofree char *sentence_who = NULL;
  LedeSpeaker sentence_said = LEDE_SPEAKER_NONE;
  guint sentence_first = G_MAXUINT, sentence_last = 0;
  const char *text = story->text;
  guint offset = paragraph->offset, line = paragraph->line;
  const char *counted = text + paragraph->start;

  prepare (story, paragraph);
  if (paragraph->spans->len == 0)
    return;
  mentions = find_mentions (paragraph, story->names);
  /* Only a source that could be speaking credits a quotation by being
   * named: "blamed Guterres for “…”" is not his. */
  speakers = g_array_new (FALSE, FALSE, sizeof (Mention));
  for (guint m = 0; m < mentions->len; m++)
    if (!lede_speaker_is_object (text, paragraph, &g_array_index (mentions, Mention, m)))
      g_array_append_val (speakers, g_array_index (mentions, Mention, m));

  for (guint s = 0; s < paragraph->spans->len; s++)
    {
      const Span *span = &g_array_index (paragraph->spans, Span, s);
      LedeQuote *quote = g_new0 (LedeQuote, 1);
      int verb = nearest_verb (paragraph, span);
      LedeSpeaker subject = LEDE_SPEAKER_NONE;
      char *who = NULL;
      guint first, last, source = 0;

      /* Characters and lines up to the quotation, counted on from the last. */
      for (const char *p = counted; p < text + span->open; p = g_utf8_next_char (p))
        {
          offset++;
          if (*p == '\n')
            line++;
        }
      counted = text + span->open;
      quote->offset = offset;
      quote->line = line;
      quote->length = g_utf8_strlen (text + span->open, span->end - span->open);
      quote->start = span->open;
      quote->end = span->end;
      quote->text = g_strndup (text + span->inner, span->close - span->inner);

      /* The quotation's own sentence first: its speech verb's subject, or
       * what it names; the paragraph only when that says nothing. */
      lede_speaker_sentence_of (paragraph, span, &first, &last);
      if (verb >= 0 && (guint)verb >= first && (guint)verb < last)
        subject = lede_speaker_of_verb (text, paragraph, mentions, verb, first, last, &who, &source);
      else if (first == sentence_first && last == sentence_last)
        subject = sentence_said == LEDE_SPEAKER_NONE ? LEDE_SPEAKER_NONE
                  : (who = g_strdup (sentence_who), sentence_said);
      else
        {
          subject = lede_speaker_of_sentence (text, paragraph, mentions, first, last, &who);
          sentence_first = first;
          sentence_last = last;
          sentence_said = subject;
          g_free (sentence_who);
          sentence_who = g_strdup (who);
        }
      if (subject == LEDE_SPEAKER_SOURCE)
        quote->speaker = g_strdup (((LedeSource *)g_ptr_array_index (story->sources, source))->name);
      else if (subject == LEDE_SPEAKER_NAMED || subject == LEDE_SPEAKER_UNNAMED || subject == LEDE_SPEAKER_DOCUMENT)
        {
          quote->credited = g_steal_pointer (&who);
          quote->trouble = subject == LEDE_SPEAKER_NAMED ? LEDE_QUOTE_CREDITED_ELSEWHERE
                           : subject == LEDE_SPEAKER_UNNAMED ? LEDE_QUOTE_UNNAMED_SPEAKER : LEDE_QUOTE_DOCUMENT;
        }
      else if (speakers->len > 0)
        {
          guint before, after, best = 0, best_gap = G_MAXUINT;

          guint lo, hi;

          tokens_around (paragraph, span, &before, &after);
          /* Mentions start at rising words, one a word, and none is longer
           * than the longest name, so only those this close to the verb
           * (or the quotation) can be nearest or first of the nearest:
           * every earlier one ends before the last one before it. */
          hi = lede_quote_paragraph_mention_after (speakers, verb >= 0 ? (guint)verb : before);
          lo = hi > story->longest_name ? hi - story->longest_name - 1 : 0;
          hi = MIN (hi + 1, speakers->len);
          for (guint m = lo; m < hi; m++)
            {
              const Mention *mention = &g_array_index (speakers, Mention, m);
              guint distance = verb >= 0
                ? gap (mention->token, mention->last, verb, verb)
                : (mention->last <= before ? before - mention->last : mention->token - MIN (after, mention->token));

              if (distance < best_gap)
                {
                  best = mention->source;
                  best_gap = distance;
                }
            }
          quote->speaker = g_strdup (((LedeSource *)g_ptr_array_index (story->sources, best))->name);
        }
      else
        {
          if ((quote->credited = named_beside (text, paragraph, verb)))
            quote->trouble = LEDE_QUOTE_CREDITED_ELSEWHERE;
          else if (has_pronoun_verb (paragraph))
            quote->speaker = earlier_speaker (story, index, &quote->trouble);
          else
            quote->trouble = LEDE_QUOTE_NO_SOURCE_NAMED;
        }
      g_free (who);
      g_ptr_array_add (quotes, quote);
    }
}

/**
 * lede_attribution_check:
 * @text: a story's body, headline or standfirst
 * @sources: (element-type LedeSource) (nullable): the story's sources
 *
 * Returns: (transfer full) (element-type LedeQuote): every quotation in
 *   @text in order, each with the source it is credited to, or why none
 */
GPtrArray *
lede_attribution_check (const char *text,
                        GPtrArray  *sources)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_quote_free);
  g_autoptr (GPtrArray) names = folded_names (sources);
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  Story story = { text ? text : "", paragraphs, sources, names, 1, 0, -1 };
  gsize at = 0, total = strlen (story.text);
  guint offset = 0, line = 1;
  Paragraph current = { 0 };
  gboolean in_paragraph = FALSE;

  g_array_set_clear_func (paragraphs, (GDestroyNotify)paragraph_clear);
  for (guint i = 0; i < names->len; i++)
    story.longest_name = MAX (story.longest_name, g_strv_length (g_ptr_array_index (names, i)));

  /* Paragraphs are runs of non-blank lines. */
  while (at <= total)
    {
      const char *nl = memchr (story.text + at, '\n', total - at);
      gsize end = nl ? (gsize)(nl - story.text) : total;
      gboolean blank = TRUE;

      for (gsize i = at; i < end && blank; i++)
        blank = strchr (" \t\r", story.text[i]) != NULL;
      if (!blank && !in_paragraph)
        {
          current = (Paragraph) { .start = at, .end = end, .offset = offset, .line = line, .pronoun_verb = -1 };
          in_paragraph = TRUE;
        }
      if (!blank)
        current.end = end;
      if ((blank || nl == NULL) && in_paragraph)
        {
          g_array_append_val (paragraphs, current);
          in_paragraph = FALSE;
        }
      offset += g_utf8_strlen (story.text + at, end - at) + 1;
      line++;
      at = end + 1;
    }

  for (guint i = 0; i < paragraphs->len; i++)
    check_paragraph (&story, i, quotes);
  return quotes;
}
