/* test-copy-desk.c: issue 27's sharper copy desk on small fictional
 * stories — the right speaker, the quote ledger, shares and multiples,
 * dates without a year or a day — each true positive beside the false
 * alarms a copy editor would not raise, in English and German.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-import.h"
#include "lede-paths.h"
#include "lede-test-utils.h"

static GPtrArray *
sources_of (const char *first,
            ...)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  va_list names;

  va_start (names, first);
  for (const char *name = first; name; name = va_arg (names, const char *))
    g_ptr_array_add (sources, lede_source_new (name));
  va_end (names);
  return sources;
}

static LedeQuote *
quote_at (GPtrArray *quotes,
          guint      index)
{
  g_assert_cmpuint (index, <, quotes->len);
  return g_ptr_array_index (quotes, index);
}

/* "X said Y wants “…”" and "X told reporters that Y …" credit X. */
static void
test_speaker_reported (void)
{
  g_autoptr (GPtrArray) sources = sources_of ("Aurelio Fenn", NULL);
  g_autoptr (GPtrArray) both = sources_of ("Aurelio Fenn", "Mira Castellane", NULL);
  g_autoptr (GPtrArray) quotes = NULL;

  /* Fenn is linked, Castellane is not: she relays him, so it is hers. */
  quotes = lede_attribution_check ("Mira Castellane said Fenn wants “measures that can be taken at once”.", sources);
  g_assert_null (quote_at (quotes, 0)->speaker);
  g_assert_cmpint (quote_at (quotes, 0)->trouble, ==, LEDE_QUOTE_CREDITED_ELSEWHERE);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Mira Castellane");
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("Castellane told reporters that Fenn had called the harbour plan “dead in the water”.",
                                   sources);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Castellane");
  /* Both linked: still the one who said it. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("Castellane said Fenn wants “measures that can be taken at once”.", both);
  g_assert_cmpstr (quote_at (quotes, 0)->speaker, ==, "Mira Castellane");
  /* True positives beside them: the speaker himself. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("“We need measures now,” Fenn said. Earlier, said Fenn, it was “too late”.\n\n"
                                   "Fenn, the harbour master, said the dredger was “a relic”.\n", sources);
  g_assert_cmpuint (quotes->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (quote_at (quotes, i)->speaker, ==, "Aurelio Fenn");
  /* A name stops at a dash or a comma. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("KESTLE ISLAND — Mira Castellane said the port was “finished”.\n\n"
                                   "“It is over,” said Ines Varga, the Kestle harbour master.\n", sources);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Mira Castellane");
  g_assert_cmpstr (quote_at (quotes, 1)->credited, ==, "Ines Varga");
  /* German: „…“ after sagte, relayed. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("Mira Castellane sagte, Fenn wolle „Maßnahmen, die sofort greifen“.\n\n"
                                   "Am Montag sagte Fenn, der Hafen sei „am Ende“.\n", sources);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Mira Castellane");
  g_assert_cmpstr (quote_at (quotes, 1)->speaker, ==, "Aurelio Fenn");
}

/* An unnamed speaker is credited as such, never to an earlier name. */
static void
test_speaker_unnamed (void)
{
  g_autoptr (GPtrArray) sources = sources_of ("Harbour Board", NULL);
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("The Harbour Board met on Monday. A government spokesman dismissed the plan, calling it "
                            "“a matter for Kestle”.\n\n"
                            "“The boats are empty,” said an aid worker.\n\n"
                            "Ein Regierungssprecher nannte den Plan „eine Sache für Kestle“.\n",
                            sources);

  g_assert_cmpuint (quotes->len, ==, 3);
  g_assert_null (quote_at (quotes, 0)->speaker);
  g_assert_cmpint (quote_at (quotes, 0)->trouble, ==, LEDE_QUOTE_UNNAMED_SPEAKER);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "A government spokesman");
  g_assert_cmpstr (quote_at (quotes, 1)->credited, ==, "an aid worker");
  g_assert_cmpstr (quote_at (quotes, 2)->credited, ==, "Ein Regierungssprecher");
  /* A title is a name: the Prime Minister is not unnamed. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("The Prime Minister said the ferry was “safe”.\n\n"
                                   "“It is safe,” said the Harbour Minister.\n", sources);
  g_assert_cmpint (quote_at (quotes, 0)->trouble, ==, LEDE_QUOTE_CREDITED_ELSEWHERE);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Prime Minister");
  g_assert_cmpint (quote_at (quotes, 1)->trouble, ==, LEDE_QUOTE_CREDITED_ELSEWHERE);
  g_assert_cmpstr (quote_at (quotes, 1)->credited, ==, "Harbour Minister");
}

/* A possessive is not part of the name it is credited to. */
static void
test_speaker_possessive (void)
{
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("The Institute for the Study of Tides’s analysts said the shoals were “moving fast”.\n\n"
                            "“They are moving,” said the Kestle Trust’s volunteers.\n\n"
                            "“They are moving,” according to the Kestle Trust’s report.\n", NULL);

  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "Institute for the Study of Tides");
  g_assert_cmpint (quote_at (quotes, 0)->trouble, ==, LEDE_QUOTE_CREDITED_ELSEWHERE);
  g_assert_cmpstr (quote_at (quotes, 1)->credited, ==, "Kestle Trust");
  g_assert_cmpint (quote_at (quotes, 1)->trouble, ==, LEDE_QUOTE_CREDITED_ELSEWHERE);
  /* A report is a document: its words are credited to it. */
  g_assert_cmpint (quote_at (quotes, 2)->trouble, ==, LEDE_QUOTE_DOCUMENT);
}

/* The wording of a document named in its sentence is the document's. */
static void
test_speaker_documents (void)
{
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("The assembly passed a resolution demanding the fleet withdraw “immediately, completely, "
                            "and unconditionally”.\n\n"
                            "The report says the harbour is “beyond repair”.\n\n"
                            "Das Gesetz verlangt „sofortige Hilfe“ für die Fischer.\n\n"
                            "The fleet withdrew “immediately”.\n", NULL);

  g_assert_cmpuint (quotes->len, ==, 4);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (quote_at (quotes, i)->trouble, ==, LEDE_QUOTE_DOCUMENT);
  g_assert_cmpstr (quote_at (quotes, 0)->credited, ==, "a resolution");
  g_assert_cmpstr (quote_at (quotes, 1)->credited, ==, "The report");
  /* True positive: nothing says whose word it is. */
  g_assert_cmpint (quote_at (quotes, 3)->trouble, ==, LEDE_QUOTE_NO_SOURCE_NAMED);
}

/* A linked source silences a quotation only as its speaker, not named as
 * an object in the paragraph. */
static void
test_speaker_objects (void)
{
  g_autoptr (GPtrArray) sources = sources_of ("Aurelio Fenn", NULL);
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("Crews on the quay blamed Fenn for “the worst moment” of the winter.\n\n"
                            "Die Fischer warfen Fenn „Versagen“ vor.\n\n"
                            "Fenn called it “the worst moment”.\n", sources);

  g_assert_cmpuint (quotes->len, ==, 3);
  g_assert_null (quote_at (quotes, 0)->speaker);
  g_assert_cmpint (quote_at (quotes, 0)->trouble, ==, LEDE_QUOTE_NO_SOURCE_NAMED);
  g_assert_null (quote_at (quotes, 1)->speaker);
  g_assert_cmpstr (quote_at (quotes, 2)->speaker, ==, "Aurelio Fenn");
}

/* An image's title or alt text is never a quotation. */
static void
test_speaker_images (void)
{
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("![Fenn’s “last” boat](boat.jpg \"Credit: Kestle Trust\")\n\n"
                            "![„Das Boot“](boot.jpg 'Foto: Kestle Trust')\n", NULL);

  g_assert_cmpuint (quotes->len, ==, 0);
}

/* Through the check: a document's wording is silent, an unnamed speaker
 * a note, the relayed speaker a warning. */
static void
test_speaker_findings (void)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) sources = sources_of ("Aurelio Fenn", NULL);
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);

  lede_article_set_body (article, "A resolution demanded the fleet leave “at once”.\n\n"
                                  "“Empty,” said an aid worker.\n\n"
                                  "Mira Castellane said Fenn wants “a new dredger”.\n");
  lede_article_set_sources (article, sources);
  story = lede_check_story_new (article, NULL, NULL);
  lede_check_attribution (story, NULL, found);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->severity, ==, LEDE_SEVERITY_NOTE);
  g_assert_nonnull (strstr (((LedeFinding *)g_ptr_array_index (found, 0))->message, "unnamed speaker (an aid worker)"));
  g_assert_nonnull (strstr (((LedeFinding *)g_ptr_array_index (found, 1))->message, "credited to Mira Castellane"));
}

static GPtrArray *
run_on (const char *headline,
        const char *standfirst,
        const char *body,
        const char *language,
        LedeCheck   check)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GDateTime) dated = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (LedeCheckStory) story = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);

  lede_article_set_headline (article, headline);
  lede_article_set_standfirst (article, standfirst);
  lede_article_set_body (article, body);
  lede_article_set_created (article, dated);
  if (language)
    lede_article_set_language (article, language);
  story = lede_check_story_new (article, NULL, NULL);
  check (story, NULL, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("found: %s", ((LedeFinding *)g_ptr_array_index (found, i))->message);
  return found;
}

static const char *
message_of (GPtrArray *found,
            guint      index)
{
  g_assert_cmpuint (index, <, found->len);
  return ((LedeFinding *)g_ptr_array_index (found, index))->message;
}

/* The headline's and standfirst's quotations, word for word in the body. */
static void
test_ledger (void)
{
  g_autoptr (GPtrArray) found = NULL;

  /* Quiet: word for word, part of a longer one, other case and marks. */
  found = run_on ("Fenn: “worst moment” for the harbour",
                  "‘The shoals are moving,’ the board says, and it is “Too late”",
                  "“It is the worst moment of the winter,” Fenn said.\n\n"
                  "“The shoals are moving.” It was too late, said the board: “too late.”\n",
                  NULL, lede_check_quote_ledger);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* True positives: reworded in the standfirst, nowhere in the body. */
  found = run_on ("Board calls dredger “a relic”",
                  "Fenn says the winter was “the worst moment of all”",
                  "“It is the worst moment of the winter,” Fenn said.\n\n"
                  "“The boats are empty,” said an aid worker.\n",
                  NULL, lede_check_quote_ledger);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->kind, ==, LEDE_CHECK_QUOTE);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->field, ==, LEDE_FIELD_HEADLINE);
  g_assert_cmpstr (message_of (found, 1), ==,
                   "The standfirst quotes “the worst moment of all”, but the body never does; its nearest "
                   "quotation is “It is the worst moment of the winter,”.");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* German: „…“ in the standfirst, »…« in the body. */
  found = run_on ("Fenn: „Der Hafen ist am Ende“", "„Wir warten nicht“, sagt der Rat",
                  "»Der Hafen ist am Ende«, sagte Fenn.\n", "de", lede_check_quote_ledger);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->field, ==, LEDE_FIELD_STANDFIRST);
  g_assert_nonnull (strstr (message_of (found, 0), "the body never quotes those words")
                    ? message_of (found, 0) : strstr (message_of (found, 0), "nearest"));
}

/* The body's quotations against their wording when the story was first
 * kept: reworded is a warning with the old words to put back; shortened,
 * new or accepted passes; no baseline, nothing to compare. */
static void
test_quote_changes (void)
{
  const char *first = "“We will reopen the quay by the summer,” said Ines Varga, the harbourmaster.\n";
  const char * const baseline[] = { first, NULL };
  const char * const accepted[] = { first, "“We will reopen the quay by the autumn”", NULL };
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);
  g_autoptr (LedeCheckStory) story = NULL;
  LedeFinding *finding;

  lede_article_set_body (article, "“We will reopen the quay by the autumn,” said Ines Varga, the harbourmaster.\n\n"
                                  "She hoped to “reopen the quay by the summer”.\n\n"
                                  "“The ferries are full every morning,” a porter said.\n");
  story = lede_check_story_new (article, NULL, NULL);
  lede_check_quote_changes (story, NULL, found);
  g_assert_cmpuint (found->len, ==, 0);

  lede_check_story_set_quote_baseline (story, baseline);
  lede_check_quote_changes (story, NULL, found);
  g_assert_cmpuint (found->len, ==, 1);
  finding = g_ptr_array_index (found, 0);
  g_assert_cmpint (finding->kind, ==, LEDE_CHECK_QUOTE_CHANGED);
  g_assert_cmpint (finding->severity, ==, LEDE_SEVERITY_WARNING);
  g_assert_cmpuint (finding->graf, ==, 1);
  g_assert_cmpstr (finding->text, ==, "“We will reopen the quay by the autumn,”");
  g_assert_cmpstr (finding->fix, ==, "“We will reopen the quay by the summer,”");
  g_assert_nonnull (strstr (finding->message, "when the story was first kept"));
  g_ptr_array_set_size (found, 0);

  lede_check_story_set_quote_baseline (story, accepted);
  lede_check_quote_changes (story, NULL, found);
  g_assert_cmpuint (found->len, ==, 0);
}

/* "X of Y … Z%" checks the share. */
static void
test_shares (void)
{
  g_autoptr (GPtrArray) found = NULL;

  found = run_on ("Ferry", "",
                  "Some 3,000 of the 12,000 people on Kestle left, about 40% of the island.\n\n"
                  "Only 40 of 200 boats sailed, or 30 percent.\n\n"
                  /* Quiet: right, rounded, hedged, "more than", points, a year, no percentage. */
                  "3,000 of the 12,000 people left, 25%.\n\n"
                  "Two of three ferries (67%) ran; 1 of 3 crews, about 30%, stayed.\n\n"
                  "More than 30% — 400 of 1,000 — voted, and turnout rose 3%.\n\n"
                  "Of 2024 budgets, 5 of 2024 rose 3%.\n\n"
                  "Of the 12,000 people, 3,000 stayed on Kestle through the long dark winter while the ferry "
                  "was laid up for repairs at the yard, and prices there rose 40%.\n\n"
                  "14 of 20 seats, up 5 percentage points.\n\n"
                  "Two of the five members, who own 60% of the company, voted.\n\n"
                  "5m of the 12m tonnes, about 42%, were landed.\n",
                  NULL, lede_check_shares);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (message_of (found, 0), ==, "40%, but 3,000 of 12,000 is 25%.");
  g_assert_cmpstr (message_of (found, 1), ==, "30%, but 40 of 200 is 20%.");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* German figures and words. */
  found = run_on ("Fähre", "",
                  "3.000 der 12.000 Menschen verließen die Insel, etwa 40 Prozent.\n\n"
                  "3.000 von 12.000 Menschen blieben, 25 Prozent.\n\n"
                  "Knapp 12,5 Prozent: 1.000 von 8.000 Booten.\n\n"
                  "Zwei der fünf Mitglieder, die 60 Prozent halten, stimmten zu.\n\n"
                  "2 der 5 Mitglieder, die 60 Prozent halten, stimmten zu.\n",
                  "de", lede_check_shares);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (message_of (found, 0), ==, "40%, but 3.000 of 12.000 is 25%.");
}

/* "doubled", "tripled", "halved", "by a third" check their figures. */
static void
test_multiples (void)
{
  g_autoptr (GPtrArray) found = NULL;

  found = run_on ("Ferry", "",
                  "Fares doubled from £40 to £95.\n\n"
                  "The catch halved, from 900 tonnes to 600.\n\n"
                  "Crossings rose by a third from 300 to 500.\n\n"
                  /* Quiet: true, near enough, units kept, years, no figures. */
                  "Fares doubled from £40 to £80, and tripled from 10 to 31.\n\n"
                  "Costs doubled from £1.2m to £2,400,000.\n\n"
                  "Landings fell by a third from 300 to 200.\n\n"
                  "The fleet halved from 2010 to 2020.\n\n"
                  "Prices doubled.\n",
                  NULL, lede_check_shares);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (message_of (found, 0), ==, "“doubled”, but from 40 to 95 is 2.38 times the first figure.");
  g_assert_cmpstr (message_of (found, 1), ==, "“halved”, but from 900 to 600 is a fall of 33.3%.");
  g_assert_cmpstr (message_of (found, 2), ==, "“by a third”, but from 300 to 500 is a rise of 66.7%.");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_on ("Fähre", "",
                  "Die Preise haben sich von 40 auf 95 Euro verdoppelt.\n\n"
                  "Der Fang wurde von 900 auf 450 Tonnen halbiert.\n\n"
                  "Die Fahrten stiegen um ein Drittel von 300 auf 400.\n",
                  "de", lede_check_shares);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (message_of (found, 0), ==, "“verdoppelt”, but from 40 to 95 is 2,38 times the first figure.");
}

static GPtrArray *
run_dated (const char *body,
           const char *language,
           GDateTime  *published,
           const char *dateline,
           GDateTime  *created)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (LedeCheckStory) story = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);

  lede_article_set_headline (article, "Ferry");
  lede_article_set_body (article, body);
  lede_article_set_created (article, created);
  if (published)
    lede_article_set_published (article, published);
  if (dateline)
    lede_article_set_dateline (article, dateline);
  if (language)
    lede_article_set_language (article, language);
  story = lede_check_story_new (article, NULL, NULL);
  lede_check_dates (story, NULL, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("found: %s", ((LedeFinding *)g_ptr_array_index (found, i))->message);
  return found;
}

/* A relative day in a story with no date or dateline is a note, once. */
static void
test_dates_relative (void)
{
  g_autoptr (GDateTime) created = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GDateTime) published = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  const char *body = "The ferry sails on Tuesday and again next week.\n";
  g_autoptr (GPtrArray) found = run_dated (body, NULL, NULL, NULL, created);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->kind, ==, LEDE_CHECK_DATE);
  g_assert_cmpint (((LedeFinding *)g_ptr_array_index (found, 0))->severity, ==, LEDE_SEVERITY_NOTE);
  g_assert_cmpstr (((LedeFinding *)g_ptr_array_index (found, 0))->text, ==, "on Tuesday");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Quiet: published, a dated dateline, a weekday with its date, a place-only dateline with no relative day. */
  found = run_dated (body, NULL, published, NULL, created);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_dated (body, NULL, NULL, "KESTLE ISLAND, March 2", created);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_dated (body, NULL, NULL, "KESTLE ISLAND", created);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_dated (body, NULL, NULL, "  ", created);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_dated ("The ferry sails on Tuesday, March 3, and on Wednesday 4 March.\n", NULL, NULL, NULL, created);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* German. */
  found = run_dated ("Die Fähre fährt am Dienstag, dem 3. März, und wieder nächste Woche.\n", "de", NULL, NULL, created);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((LedeFinding *)g_ptr_array_index (found, 0))->text, ==, "nächste Woche");
}

/* A date with no year that falls in another year than the story's. */
static void
test_dates_yearless (void)
{
  g_autoptr (GDateTime) december = g_date_time_new_utc (2025, 12, 30, 9, 0, 0);
  g_autoptr (GDateTime) march = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GPtrArray) found = NULL;

  found = run_dated ("The ferry returns on January 4 and again on 6th of January; it left on December 20.\n",
                     NULL, december, NULL, december);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((LedeFinding *)g_ptr_array_index (found, 0))->message, ==,
                   "“January 4” has no year: beside the story’s date, 30 December 2025, it falls in 2026. Say which year.");
  g_assert_cmpstr (((LedeFinding *)g_ptr_array_index (found, 1))->text, ==, "6th of January");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Quiet: a year given, or the story's own year. */
  found = run_dated ("It returns on January 4, 2026; it left on 20 December.\n", NULL, december, NULL, december);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_dated ("It returns on March 20 and May 5.\n", NULL, march, NULL, march);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* German. */
  found = run_dated ("Die Fähre kommt am 4. Januar zurück, nicht am 4. Januar 2027.\n", "de", december, NULL, december);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((LedeFinding *)g_ptr_array_index (found, 0))->text, ==, "4. Januar");
}

static guint
count_kind (GPtrArray     *found,
            LedeCheckKind  kind,
            LedeSeverity   severity)
{
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    n += ((LedeFinding *)g_ptr_array_index (found, i))->kind == kind &&
         ((LedeFinding *)g_ptr_array_index (found, i))->severity == severity;
  return n;
}

/* The sample stories (also the fuzzers' seeds), read as a file is, with
 * every check: each true positive found, each false alarm silent. */
static void
test_sample_stories (void)
{
  const char *names[] = { "copy-desk-ferry.md", "copy-desk-faehre.md" };
  const guint attribution_warnings[] = { 4, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "stories", names[i], NULL);
      g_autofree char *data = NULL;
      g_auto (GStrv) tags = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = NULL;
      g_autoptr (GPtrArray) sources = sources_of ("Aurelio Fenn", NULL);
      g_autoptr (LedeCheckStory) story = NULL;
      g_autoptr (GPtrArray) found = NULL;
      g_autoptr (GDateTime) now = g_date_time_new_utc (2025, 12, 30, 12, 0, 0);
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, &error));
      article = lede_import_parse (names[i], data, len, &tags, &error);
      g_assert_no_error (error);
      lede_article_set_sources (article, sources);
      story = lede_check_story_new (article, NULL, NULL);
      found = lede_checks_run (story, now);
      for (guint f = 0; f < found->len; f++)
        g_test_message ("%s: %s", names[i], ((LedeFinding *)g_ptr_array_index (found, f))->message);
      /* Headline, standfirst, the relayed speaker, (English) the object. */
      g_assert_cmpuint (count_kind (found, LEDE_CHECK_ATTRIBUTION, LEDE_SEVERITY_WARNING), ==, attribution_warnings[i]);
      g_assert_cmpuint (count_kind (found, LEDE_CHECK_ATTRIBUTION, LEDE_SEVERITY_NOTE), ==, 1);
      g_assert_cmpuint (count_kind (found, LEDE_CHECK_QUOTE, LEDE_SEVERITY_WARNING), ==, 2);
      g_assert_cmpuint (count_kind (found, LEDE_CHECK_PERCENTAGE, LEDE_SEVERITY_WARNING), ==, 2);
      g_assert_cmpuint (count_kind (found, LEDE_CHECK_DATE, LEDE_SEVERITY_NOTE), ==, 2);
    }
}

/* Every new message is in the interface's language, its month names too.
 * In a process of its own, as the language is. */
static void
test_messages_german (void)
{
  g_autoptr (GDateTime) december = g_date_time_new_utc (2025, 12, 30, 9, 0, 0);
  g_autoptr (GPtrArray) dates = NULL;
  g_autoptr (GPtrArray) shares = NULL;
  g_autoptr (GPtrArray) ledger = NULL;

  if (lede_test_ran_in_subprocess (30))
    return;
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  lede_paths_bind_text_domain ();
  dates = run_dated ("It returns on January 4.\n", NULL, december, NULL, december);
  g_assert_cmpstr (message_of (dates, 0), ==,
                   "„January 4“ hat keine Jahreszahl: Neben dem Datum des Artikels, 30. Dezember 2025, fällt es ins "
                   "Jahr 2026. Nennen Sie das Jahr.");
  shares = run_on ("Ferry", "", "3,000 of the 12,000 people left, about 40%. Fares doubled from 40 to 95.\n", NULL,
                   lede_check_shares);
  g_assert_cmpstr (message_of (shares, 0), ==, "40 %, aber 3,000 von 12,000 sind 25 %.");
  g_assert_cmpstr (message_of (shares, 1), ==, "„doubled“, aber von 40 auf 95 ist das 2.38-Fache der ersten Zahl.");
  ledger = run_on ("Board: “laid up”", "", "No quotes here.\n", NULL, lede_check_quote_ledger);
  g_assert_cmpstr (message_of (ledger, 0), ==, "Die Überschrift zitiert „laid up“, der Text aber zitiert diese Worte nirgends.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/copy-desk/speaker-reported", test_speaker_reported);
  g_test_add_func ("/lede/copy-desk/speaker-unnamed", test_speaker_unnamed);
  g_test_add_func ("/lede/copy-desk/speaker-possessive", test_speaker_possessive);
  g_test_add_func ("/lede/copy-desk/speaker-documents", test_speaker_documents);
  g_test_add_func ("/lede/copy-desk/speaker-objects", test_speaker_objects);
  g_test_add_func ("/lede/copy-desk/speaker-images", test_speaker_images);
  g_test_add_func ("/lede/copy-desk/speaker-findings", test_speaker_findings);
  g_test_add_func ("/lede/copy-desk/ledger", test_ledger);
  g_test_add_func ("/lede/copy-desk/quote-changes", test_quote_changes);
  g_test_add_func ("/lede/copy-desk/shares", test_shares);
  g_test_add_func ("/lede/copy-desk/multiples", test_multiples);
  g_test_add_func ("/lede/copy-desk/dates-relative", test_dates_relative);
  g_test_add_func ("/lede/copy-desk/dates-yearless", test_dates_yearless);
  g_test_add_func ("/lede/copy-desk/sample-stories", test_sample_stories);
  g_test_add_func ("/lede/copy-desk/messages-german", test_messages_german);
  return g_test_run ();
}
