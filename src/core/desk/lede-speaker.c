/* lede-speaker.c: the words that tell who or what a quotation is
 * credited to when it is no linked source.
 *
 * An unnamed speaker is a role ("a government spokesman", "an aid
 * worker", "officials", "ein Sprecher"): the quotation is theirs, never
 * an earlier sentence's name. A document ("the resolution", "the
 * report", "das Gesetz") named in a quotation's sentence with no speaker
 * is where its words come from. The lists are English and German, read
 * casefolded; a German role may end a compound (Regierungssprecher).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-speaker.h"

static const char * const roles[] = {
  "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "worker", "workers",
  "witness", "witnesses", "resident", "residents", "source", "sources", "diplomat", "diplomats", "officer",
  "officers", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "analyst", "analysts", "envoy",
  "doctor", "doctors", "nurse", "volunteer", "volunteers", "soldier", "soldiers", "commander", "lawyer",
  "lawyers", "employee", "employees", "staffer", "neighbour", "neighbor", "farmer", "fisherman", "fishermen",
  "deckhand", "teacher", "student", "students", "protester", "protesters", "passenger", "passengers",
  "driver", "activist", "activists", "engineer", "survivor", "survivors", "mourner", "organiser", "organizer",
  "insider", "negotiator", "negotiators", "minister", "spokesmen", "spokeswomen",
  /* German */
  "mitarbeiter", "mitarbeiterin", "augenzeuge", "augenzeugin", "zeuge", "zeugin", "anwohner", "anwohnerin",
  "beamter", "beamtin", "beamte", "diplomatin", "helfer", "helferin", "matrose", "quelle", "quellen",
  "ärztin", "arzt", "soldat", "soldatin", "anwältin", "anwalt", "insider", "unterhändler",
  NULL
};
static LedeWordList roles_list = { roles, NULL };

static const char * const articles[] = {
  "a", "an", "the", "one", "another", "two", "several", "some", "ein", "eine", "einer", "eines", "einem",
  "der", "die", "das", "dem", NULL
};
static LedeWordList articles_list = { articles, NULL };

static const char * const documents[] = {
  "resolution", "resolutions", "law", "act", "bill", "report", "statement", "treaty", "charter", "ruling",
  "judgment", "judgement", "verdict", "decree", "communique", "communiqué", "declaration", "letter",
  "memo", "memorandum", "agreement", "constitution", "indictment", "motion", "directive", "regulation",
  "manifesto", "lawsuit", "filing", "complaint", "petition",
  /* German */
  "resolution", "gesetz", "gesetzentwurf", "bericht", "erklärung", "mitteilung", "pressemitteilung",
  "urteil", "beschluss", "vertrag", "abkommen", "verordnung", "anklage", "anklageschrift", "schreiben",
  "brief", "charta", "verfassung", "antrag", "richtlinie", "klage", NULL
};
static LedeWordList documents_list = { documents, NULL };

/* Words after which a name is its clause's subject, not an object. */
static const char * const joining[] = {
  "and", "but", "or", "while", "as", "that", "when", "because", "whereas", "although", "so",
  "und", "aber", "oder", "als", "dass", "weil", "während", "doch", "denn", NULL
};
static LedeWordList joining_list = { joining, NULL };

/* Speech verbs whose next name is the one spoken to: "told Guterres". */
static const char * const listener_verbs[] = { "told", "tells", "asked", "asks", "fragte", "fragt", NULL };
static LedeWordList listener_verbs_list = { listener_verbs, NULL };

gboolean
lede_speaker_is_role (const char *folded)
{
  return lede_quote_is_one_of (folded, &roles_list) || g_str_has_suffix (folded, "sprecher") || g_str_has_suffix (folded, "sprecherin");
}

gboolean
lede_speaker_is_article (const char *folded)
{
  return lede_quote_is_one_of (folded, &articles_list);
}

gboolean
lede_speaker_is_document (const char *folded)
{
  return lede_quote_is_one_of (folded, &documents_list);
}

gboolean
lede_speaker_is_joining (const char *folded)
{
  return lede_quote_is_one_of (folded, &joining_list);
}

gboolean
lede_speaker_is_listener_verb (const char *folded)
{
  return lede_quote_is_one_of (folded, &listener_verbs_list);
}

/* Where the paragraph's sentences end, outside quotations: a . ! or ?
 * before a space or the paragraph's end, but not "Mr." or "U.N.". */
GArray *
lede_speaker_find_stops (const char *text,
                         Paragraph  *paragraph)
{
  GArray *stops = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint in_span = 0;

  for (gsize i = paragraph->start; i < paragraph->end; i++)
    {
      gsize word = i;

      if ((text[i] != '.' && text[i] != '!' && text[i] != '?') ||
          (i + 1 < paragraph->end && !g_ascii_isspace (text[i + 1])))
        continue;
      while (in_span < paragraph->spans->len && g_array_index (paragraph->spans, Span, in_span).end <= i)
        in_span++;
      if (in_span < paragraph->spans->len && g_array_index (paragraph->spans, Span, in_span).open <= i)
        continue;
      while (word > paragraph->start && g_ascii_isalpha (text[word - 1]))
        word--;
      if (text[i] == '.' && i > word && i - word <= 2 && g_ascii_isupper (text[word]))
        continue;
      g_array_append_val (stops, i);
    }
  return stops;
}

/* The words of the quotation's sentence: [*first, *last). */
void
lede_speaker_sentence_of (Paragraph  *paragraph,
                          const Span *span,
                          guint      *first,
                          guint      *last)
{
  GArray *stops = paragraph->stops;
  guint lo = 0, hi = stops->len, after;
  gsize start, end;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (stops, gsize, mid) < span->open)
        lo = mid + 1;
      else
        hi = mid;
    }
  start = lo > 0 ? g_array_index (stops, gsize, lo - 1) : paragraph->start;
  for (after = lo; after < stops->len && g_array_index (stops, gsize, after) < span->end; after++)
    ;
  end = after < stops->len ? g_array_index (stops, gsize, after) + 1 : paragraph->end;
  *first = lede_quote_paragraph_token_at (paragraph, start);
  *last = lede_quote_paragraph_token_at (paragraph, end);
}

/* The mention whose words hold word @at, or NULL. */
static const Mention *
mention_at (GArray *mentions,
            guint   at)
{
  guint i = lede_quote_paragraph_mention_after (mentions, at);

  if (i > 0 && g_array_index (mentions, Mention, i - 1).last >= at)
    return &g_array_index (mentions, Mention, i - 1);
  return NULL;
}

static gboolean
only_space (const char *text,
            gsize       from,
            gsize       to)
{
  for (gsize i = from; i < to; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Whether a mention is the object of a verb or preposition ("blamed
 * Guterres", "told Guterres", "with Guterres"), never a speaker. */
gboolean
lede_speaker_is_object (const char      *text,
                        Paragraph       *paragraph,
                        const Mention   *mention)
{
  Token *before;

  if (mention->token == 0)
    return FALSE;
  before = TOKEN (paragraph, mention->token - 1);
  if (before->quoted || before->capital || !only_space (text, before->end, TOKEN (paragraph, mention->token)->start))
    return FALSE;
  if (lede_speaker_is_joining (before->folded) ||
      (lede_quote_paragraph_is_speech_verb (before->folded) && !lede_speaker_is_listener_verb (before->folded)))
    return FALSE;
  return !(g_str_equal (before->folded, "to") && mention->token >= 2 &&
           g_str_equal (TOKEN (paragraph, mention->token - 2)->folded, "according"));
}

static gboolean
ends_possessive (const char  *text,
                 const Token *token)
{
  g_autofree char *word = g_strndup (text + token->start, token->end - token->start);

  return g_str_has_suffix (word, "'s") || g_str_has_suffix (word, "’s") || g_str_has_suffix (word, "’");
}

/* The unnamed speaker whose role is word @role, from its article
 * ("an aid worker") or the role alone ("officials"). */
static char *
unnamed_ending (const char *text,
                Paragraph  *paragraph,
                guint       role,
                guint       first)
{
  guint start = role;

  for (guint back = 1; back <= 4 && role >= first + back; back++)
    {
      Token *token = TOKEN (paragraph, role - back);

      if (token->quoted)
        break;
      if (lede_speaker_is_article (token->folded))
        {
          start = role - back;
          break;
        }
    }
  return g_strndup (text + TOKEN (paragraph, start)->start, TOKEN (paragraph, role)->end - TOKEN (paragraph, start)->start);
}

/* A role that is someone's title ("the Prime Minister", "Foreign
 * Minister"): a capitalised word before it that is no article. Then the
 * words are a name, not an unnamed speaker ("Ein Regierungssprecher" is). */
static gboolean
titled (Paragraph *paragraph,
        guint      role,
        guint      first)
{
  Token *before;

  if (role <= first || !TOKEN (paragraph, role)->capital)
    return FALSE;
  before = TOKEN (paragraph, role - 1);
  return before->capital && !before->quoted && !lede_speaker_is_article (before->folded);
}

/* Who the words ending at word @at are, as a speech verb's subject. */
static LedeSpeaker
subject_ending (const char *text,
                Paragraph  *paragraph,
                GArray     *mentions,
                guint       at,
                guint       first,
                char      **who,
                guint      *source)
{
  Token *token = TOKEN (paragraph, at);
  const Mention *mention;

  if (token->quoted)
    return LEDE_SPEAKER_NONE;
  if ((mention = mention_at (mentions, at)) && mention->last == at)
    {
      *source = mention->source;
      return LEDE_SPEAKER_SOURCE;
    }
  if (lede_quote_paragraph_is_pronoun (token->folded))
    return LEDE_SPEAKER_PRONOUN;
  if (lede_speaker_is_document (token->folded))
    {
      *who = unnamed_ending (text, paragraph, at, first);
      return LEDE_SPEAKER_DOCUMENT;
    }
  if (lede_speaker_is_role (token->folded) && !titled (paragraph, at, first))
    {
      /* "the Institute for the Study of War’s analysts" are the institute's. */
      if (at > first && TOKEN (paragraph, at - 1)->capital && ends_possessive (text, TOKEN (paragraph, at - 1)) &&
          (*who = lede_quote_paragraph_capitalised_run (text, paragraph, at - 1, -1)))
        return LEDE_SPEAKER_NAMED;
      *who = unnamed_ending (text, paragraph, at, first);
      return LEDE_SPEAKER_UNNAMED;
    }
  if (token->capital && (*who = lede_quote_paragraph_capitalised_run (text, paragraph, at, -1)))
    return LEDE_SPEAKER_NAMED;
  return LEDE_SPEAKER_NONE;
}

/* The speaker of speech verb @verb: the words just before it ("Kaneko
 * said Guterres wants": Kaneko), past an apposition ("Kaneko, a ferry
 * operator, said"), else just after it ("said an aid worker"). */
LedeSpeaker
lede_speaker_of_verb (const char *text,
                      Paragraph  *paragraph,
                      GArray     *mentions,
                      guint       verb,
                      guint       first,
                      guint       last,
                      char      **who,
                      guint      *source)
{
  Token *verb_token = TOKEN (paragraph, verb);
  guint after = verb + 1;

  if (verb > first)
    {
      Token *before = TOKEN (paragraph, verb - 1);
      gsize between = before->end;

      while (between < verb_token->start && g_ascii_isspace (text[between]))
        between++;
      if (between == verb_token->start)
        return subject_ending (text, paragraph, mentions, verb - 1, first, who, source);
      if (text[between] == ',' && only_space (text, between + 1, verb_token->start) && !before->quoted)
        for (guint a = verb - 1; a > first && a + 8 > verb; a--)
          {
            Token *opening = TOKEN (paragraph, a - 1);

            if (opening->quoted)
              break;
            if (memchr (text + opening->end, ',', TOKEN (paragraph, a)->start - opening->end))
              return subject_ending (text, paragraph, mentions, a - 1, first, who, source);
          }
    }
  if (lede_speaker_is_listener_verb (verb_token->folded))
    return LEDE_SPEAKER_NONE;
  if (g_str_equal (verb_token->folded, "according") && after < last && g_str_equal (TOKEN (paragraph, after)->folded, "to"))
    after++;
  if (after >= last || TOKEN (paragraph, after)->quoted ||
      !only_space (text, TOKEN (paragraph, after - 1)->end, TOKEN (paragraph, after)->start))
    return LEDE_SPEAKER_NONE;
  if (mention_at (mentions, after))
    {
      *source = mention_at (mentions, after)->source;
      return LEDE_SPEAKER_SOURCE;
    }
  if (lede_quote_paragraph_is_pronoun (TOKEN (paragraph, after)->folded))
    return LEDE_SPEAKER_PRONOUN;
  for (guint role = after; role < last && role < after + 5 && !TOKEN (paragraph, role)->quoted; role++)
    {
      Token *token = TOKEN (paragraph, role);

      if (role > after && !lede_speaker_is_article (TOKEN (paragraph, after)->folded))
        break;
      if (lede_speaker_is_role (token->folded) && role > after && TOKEN (paragraph, role - 1)->capital &&
          ends_possessive (text, TOKEN (paragraph, role - 1)) &&
          (*who = lede_quote_paragraph_capitalised_run (text, paragraph, role - 1, -1)))
        return LEDE_SPEAKER_NAMED;
      if (lede_speaker_is_role (token->folded) && titled (paragraph, role, after))
        break;
      if (lede_speaker_is_role (token->folded) || lede_speaker_is_document (token->folded))
        {
          *who = g_strndup (text + TOKEN (paragraph, after)->start, token->end - TOKEN (paragraph, after)->start);
          return lede_speaker_is_role (token->folded) ? LEDE_SPEAKER_UNNAMED : LEDE_SPEAKER_DOCUMENT;
        }
    }
  if (g_str_equal (TOKEN (paragraph, after)->folded, "the") && after + 1 < last)
    after++;
  if ((*who = lede_quote_paragraph_capitalised_run (text, paragraph, after, 1)))
    return LEDE_SPEAKER_NAMED;
  return LEDE_SPEAKER_NONE;
}

/* With no speech verb in the quotation's sentence: a document named in
 * it ("a resolution demanding Russia withdraw “…”"), or an unnamed
 * speaker ("A spokesman dismissed it, calling it “…”") when no linked
 * source is its subject. */
LedeSpeaker
lede_speaker_of_sentence (const char *text,
                          Paragraph  *paragraph,
                          GArray     *mentions,
                          guint       first,
                          guint       last,
                          char      **who)
{
  for (guint i = first; i < last; i++)
    {
      const Mention *mention = mention_at (mentions, i);

      if (mention && mention->token == i && !lede_speaker_is_object (text, paragraph, mention))
        return LEDE_SPEAKER_NONE;
    }
  for (guint i = first; i < last; i++)
    if (!TOKEN (paragraph, i)->quoted && lede_speaker_is_document (TOKEN (paragraph, i)->folded))
      {
        *who = unnamed_ending (text, paragraph, i, first);
        return LEDE_SPEAKER_DOCUMENT;
      }
  for (guint i = first; i < last; i++)
    if (!TOKEN (paragraph, i)->quoted && lede_speaker_is_role (TOKEN (paragraph, i)->folded))
      {
        *who = unnamed_ending (text, paragraph, i, first);
        return LEDE_SPEAKER_UNNAMED;
      }
  return LEDE_SPEAKER_NONE;
}
