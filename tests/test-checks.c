/* test-checks.c: the copy desk's checks on small fictional stories —
 * what each must find, and the false alarms each must not raise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lede-attribution.h"
#include "lede-checks.h"
#include "lede-paths.h"
#include "lede-test-utils.h"

/* A story dated 1 March 2026, with @sources linked (NULL-ended names). */
static LedeArticle *
story_new (const char *headline,
           const char *body,
           ...)
{
  LedeArticle *article = lede_article_new ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GDateTime) dated = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  va_list names;

  va_start (names, body);
  for (const char *name = va_arg (names, const char *); name; name = va_arg (names, const char *))
    g_ptr_array_add (sources, lede_source_new (name));
  va_end (names);
  lede_article_set_headline (article, headline);
  lede_article_set_body (article, body);
  lede_article_set_created (article, dated);
  lede_article_set_sources (article, sources);
  return article;
}

static GPtrArray *
run_one (LedeArticle *article,
         LedeCheck    check)
{
  g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);

  check (story, NULL, findings);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("found: %s", ((LedeFinding *)g_ptr_array_index (findings, i))->message);
  return findings;
}

/* How many of @findings have a message containing @words. */
static guint
count_saying (GPtrArray  *findings,
              const char *words)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += strstr (((LedeFinding *)g_ptr_array_index (findings, i))->message, words) != NULL;
  return n;
}

static LedeFinding *
finding (GPtrArray *findings,
         guint      index)
{
  g_assert_cmpuint (index, <, findings->len);
  return g_ptr_array_index (findings, index);
}

static void
test_attribution_pronoun (void)
{
  g_autoptr (LedeArticle) one = story_new ("Ferry co-op counts its losses",
                                           "Eri Kaneko runs the ferry co-op on Kestle Island.\n\n"
                                           "“We lost the whole winter,” she said.\n", "Eri Kaneko", NULL);
  g_autoptr (LedeArticle) two = story_new ("Ferry co-op counts its losses",
                                           "Eri Kaneko and Rhian Tallis met on the quay.\n\n"
                                           "“We lost the whole winter,” she said.\n", "Eri Kaneko", "Rhian Tallis", NULL);
  g_autoptr (LedeArticle) none = story_new ("Ferry co-op counts its losses",
                                            "“We lost the whole winter,” she said.\n", "Eri Kaneko", NULL);
  g_autoptr (GPtrArray) found = run_one (one, lede_check_attribution);
  g_autoptr (GPtrArray) quotes = lede_attribution_check (lede_article_get_body (one), lede_article_get_sources (one));

  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");

  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (two, lede_check_attribution);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (count_saying (found, "names more than one"), ==, 1);
  g_assert_cmpuint (finding (found, 0)->graf, ==, 2);
  g_assert_cmpuint (finding (found, 0)->line, ==, 3);
  g_assert_cmpstr (finding (found, 0)->text, ==, "“We lost the whole winter,”");

  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (none, lede_check_attribution);
  g_assert_cmpuint (count_saying (found, "no earlier paragraph"), ==, 1);
}

/* With two sources in one paragraph, the one beside the speech verb. */
static void
test_attribution_nearest_verb (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;

  g_ptr_array_add (sources, lede_source_new ("Rhian Tallis"));
  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  quotes = lede_attribution_check ("Rhian Tallis listened while the co-op spoke. “The dredger stays,” said Eri Kaneko.",
                                   sources);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("Kaneko said it first and Tallis nodded: “The dredger stays.”", sources);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");
  /* A name inside the quotation is not its speaker. */
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("“Thank you, Tallis,” shouted a deckhand.", sources);
  g_assert_null (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker);
}

/* German copy: „…“, »…« and «…» are quotations; German speech verbs and
 * pronouns credit them as the English ones do. */
static void
test_attribution_german (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;

  g_ptr_array_add (sources, lede_source_new ("Rhian Tallis"));
  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  quotes = lede_attribution_check ("Rhian Tallis hörte zu. „Der Bagger bleibt“, sagte Eri Kaneko.\n\n"
                                   "»Wir warten nicht«, betonte Tallis.\n\n"
                                   "«Nie wieder», sagte ein Matrose.\n\n"
                                   "Kaneko war am Hafen. „Es regnet“, sagte sie.\n",
                                   sources);
  g_assert_cmpuint (quotes->len, ==, 4);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->text, ==, "Der Bagger bleibt");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 1))->text, ==, "Wir warten nicht");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 1))->speaker, ==, "Rhian Tallis");
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 2))->text, ==, "Nie wieder");
  g_assert_null (((LedeQuote *)g_ptr_array_index (quotes, 2))->speaker);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 3))->speaker, ==, "Eri Kaneko");
}

/* An image's title and alt text, and a link's title, are never
 * quotations; the caption beside them still can hold one. */
static void
test_attribution_images (void)
{
  g_autoptr (GPtrArray) quotes =
    lede_attribution_check ("![The “old” pier at dusk](pier.jpg \"Credit: Kestle Island Trust\")\n\n"
                            "See [the report](https://example.org/r 'The “final” word') and "
                            "[the map](map.html (\"Maps\")).\n\n"
                            "“It stays,” said a deckhand.\n",
                            NULL);

  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->text, ==, "It stays,");
}

static void
test_attribution_apostrophes (void)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;
  LedeQuote *quote;

  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  quotes = lede_attribution_check ("Guterres’ plan, rock ’n’ roll and the ’90s don’t count. Nor does a lone ‘ mark.", sources);
  g_assert_cmpuint (quotes->len, ==, 0);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check ("‘We’re ready for the Smiths’ boats,’ said Kaneko.", sources);
  g_assert_cmpuint (quotes->len, ==, 1);
  quote = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (quote->text, ==, "We’re ready for the Smiths’ boats,");
  g_assert_cmpstr (quote->speaker, ==, "Eri Kaneko");
  g_assert_cmpuint (quote->offset, ==, 0);
  g_assert_cmpuint (quote->length, ==, g_utf8_strlen ("‘We’re ready for the Smiths’ boats,’", -1));

  /* Words folded on the stack (ASCII, up to 63 bytes) and by GLib (longer,
   * or not ASCII) compare alike, possessives off. */
  g_ptr_array_add (sources, lede_source_new ("Anna Müller"));
  g_ptr_array_add (sources, lede_source_new ("Piet Vanderhoogenbroekwaterschapsbestuursvergaderingsvoorzittersbureau"));
  {
    const char *grafs[][2] = {
      { "“It holds,” SAID KANEKO.", "Eri Kaneko" },
      { "“It holds,” said Kaneko's aide.", "Eri Kaneko" },
      { "“It holds,” said MÜLLER's aide.", "Anna Müller" },
      { "“It holds,” said Vanderhoogenbroekwaterschapsbestuursvergaderingsvoorzittersbureau's aide.",
        "Piet Vanderhoogenbroekwaterschapsbestuursvergaderingsvoorzittersbureau" },
    };

    g_assert_cmpuint (strlen ("vanderhoogenbroekwaterschapsbestuursvergaderingsvoorzittersbureau"), >, 63);
    for (guint i = 0; i < G_N_ELEMENTS (grafs); i++)
      {
        g_clear_pointer (&quotes, g_ptr_array_unref);
        quotes = lede_attribution_check (grafs[i][0], sources);
        g_assert_cmpuint (quotes->len, ==, 1);
        g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, grafs[i][1]);
      }
  }
}

/* Found in review: many plural possessives after an opening mark once
 * took time doubling with each; a graf of thousands of quotations once
 * took time squared. Both are linear now: these finish at once. */
static void
test_attribution_worst_cases (void)
{
  g_autoptr (GString) possessives = g_string_new ("‘The plan");
  g_autoptr (GString) long_graf = g_string_new (NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) quotes = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (possessives, " of the players’ owners’");
  g_string_append (possessives, " is fine,’ said Kaneko.");
  g_ptr_array_add (sources, lede_source_new ("Eri Kaneko"));
  quotes = lede_attribution_check (possessives->str, sources);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (long_graf, "“Quote %u,” said someone, and the crowd went on.\n", i);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = lede_attribution_check (long_graf->str, sources);
  g_assert_cmpuint (quotes->len, ==, 5000);

  /* fuzz-export's table of a thousand columns and 30,766 rows of one
   * letter (31,766 words), then a quotation: once a word list walked for
   * each word, and a string made and freed for each, took over 10 s under
   * AddressSanitizer. The words still read the same. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-findings", "checks-32k-words.txt", NULL);
    g_autofree char *words = NULL;
    g_autofree char *graf = NULL;
    g_autoptr (LedeArticle) article = NULL;
    g_autoptr (GPtrArray) found = NULL;

    g_assert_true (g_file_get_contents (path, &words, NULL, NULL));
    graf = g_strconcat (words, " “It holds,” said Kaneko. Zelenskyy and Zelensky met.", NULL);
    g_clear_pointer (&quotes, g_ptr_array_unref);
    quotes = lede_attribution_check (graf, sources);
    g_assert_cmpuint (quotes->len, ==, 1);
    g_assert_cmpstr (((LedeQuote *)g_ptr_array_index (quotes, 0))->speaker, ==, "Eri Kaneko");
    article = story_new ("Many words", graf, NULL);
    found = run_one (article, lede_check_names);
    g_assert_cmpuint (count_saying (found, "“Zelenskyy” (graf 1) and “Zelensky” (graf 1)"), ==, 1);
  }
}

static void
test_attribution_fields (void)
{
  g_autoptr (LedeArticle) article = story_new ("“Shoals are moving”, warn scientists",
                                               "“The shoals are moving north,” according to the Institute for Coastal Studies.\n"
                                               "\n"
                                               "“It is early days,” said Mr Omondi.\n"
                                               "\n"
                                               "```\n\"code\" = \"not a quote\"\n```\n",
                                               "Eri Kaneko", NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_attribution);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (finding (found, 0)->field, ==, LEDE_FIELD_HEADLINE);
  g_assert_cmpuint (count_saying (found, "credited to Institute for Coastal Studies, not one"), ==, 1);
  g_assert_cmpuint (count_saying (found, "credited to Mr Omondi"), ==, 1);
}

static void
test_names (void)
{
  g_autoptr (LedeArticle) article = story_new ("Zelensky visits Kestle port",
                                               "President Zelenskyy arrived on the night ferry. Officials met Zelenskyy "
                                               "at the quay.\n\n"
                                               "Councillor Ann Smyth spoke first. Later, councillor Smith said the vote "
                                               "would wait.\n\n"
                                               "The chair, Eri Kanecko, thanked the crew.\n",
                                               "Eri Kaneko", NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_names);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpuint (count_saying (found, "“Zelenskyy” (graf 1) and “Zelensky” (headline)"), ==, 1);
  g_assert_cmpuint (count_saying (found, "Smyth"), ==, 1);
  g_assert_cmpuint (count_saying (found, "“Eri Kaneko”"), ==, 1);
  for (guint i = 0; i < found->len; i++)
    if (strstr (finding (found, i)->message, "Zelensky"))
      {
        g_assert_cmpint (finding (found, i)->field, ==, LEDE_FIELD_HEADLINE);
        g_assert_cmpstr (finding (found, i)->text, ==, "Zelensky");
      }
}

/* Plurals, adjectives, names that merely share a start, sentence starts
 * and names far apart are not two spellings of one name. */
static void
test_names_false_alarms (void)
{
  g_autoptr (LedeArticle) article = story_new ("Island votes on the ferry",
                                               "Many Americans and one American visited. Russia and a Russian "
                                               "trawler were there. Kane met Kaneko, and Jonathan met Jonah.\n\n"
                                               "When they left, Then they came. The Smiths’ boat and Smith’s car.\n",
                                               "Eri Kaneko", NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_names);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_placeholders (void)
{
  g_autoptr (LedeArticle) article = story_new ("Harbour fees rise TK",
                                               "XX boats paid [link] and ??? more, said <name>.\n\n"
                                               "Super Bowl XX, a TKTK note, XXL sails, Tkachenko, and [the](#) link.\n\n"
                                               "```\nTK in code is not copy\n```\n",
                                               NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_placeholders);
  static const char * const expected[] = { "TK", "XX", "[link]", "???", "<name>", "TKTK", "](#)" };

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      g_assert_cmpstr (finding (found, i)->text, ==, expected[i]);
      g_assert_cmpint (finding (found, i)->severity, ==, LEDE_SEVERITY_BLOCKING);
    }
  g_assert_cmpint (finding (found, 0)->field, ==, LEDE_FIELD_HEADLINE);
  g_assert_cmpuint (finding (found, 0)->offset, ==, strlen ("Harbour fees rise "));
  g_assert_cmpuint (finding (found, 5)->graf, ==, 2);
  g_assert_cmpuint (finding (found, 5)->line, ==, 3);
  g_assert_cmpuint (finding (found, 5)->offset, ==, g_utf8_strlen ("XX boats paid [link] and ??? more, said <name>.\n\nSuper Bowl XX, a ", -1));
}

static void
test_weekdays (void)
{
  g_autoptr (LedeArticle) article = story_new ("Ferry timetable",
                                               "Sailings resume on Tuesday, March 3, and again on Thursday 3 March 2026. "
                                               "The board meets on Monday, February 30, and on Monday 4th of January.\n",
                                               NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_weekdays);
  g_autoptr (GDateTime) december = g_date_time_new_utc (2026, 12, 30, 9, 0, 0);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpuint (count_saying (found, "3 March 2026 is a Tuesday, not a Thursday"), ==, 1);
  g_assert_cmpuint (count_saying (found, "February has no day 30"), ==, 1);
  /* From a March story, January 4 is this year's, a Sunday. */
  g_assert_cmpuint (count_saying (found, "4 January 2026 is a Sunday"), ==, 1);

  /* From a story dated 30 December, it is next year's, a Monday. */
  lede_article_set_created (article, december);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_weekdays);
  g_assert_cmpuint (count_saying (found, "January"), ==, 0);
}

/* A German story is read with German weekday and month names. */
static void
test_weekdays_german (void)
{
  g_autoptr (LedeArticle) article = story_new ("Fährplan",
                                               "Die Fähren fahren wieder ab Dienstag, 3. März, und am Donnerstag, "
                                               "dem 3. März 2026. Der Rat tagt am Montag, 30. Februar, und am Sonnabend, "
                                               "7. März.\n",
                                               NULL);
  g_autoptr (GPtrArray) found = NULL;

  lede_article_set_language (article, "de-DE");
  found = run_one (article, lede_check_weekdays);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpuint (count_saying (found, "“Donnerstag, dem 3. März 2026”: 3 March 2026 is a Tuesday, not a Thursday"), ==, 1);
  g_assert_cmpuint (count_saying (found, "February has no day 30"), ==, 1);

  /* English names in a German story are not German dates. */
  lede_article_set_body (article, "On Thursday, March 3, 2026, it rained.\n");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_weekdays);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Messages are in the interface's language, the names of days and months
 * too, whatever the story's: never "Der 24. February 2022 ist ein
 * Thursday". In a process of its own, as the language is. */
static void
test_weekdays_messages_german (void)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (GPtrArray) found = NULL;

  if (lede_test_ran_in_subprocess (30))
    return;
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  lede_paths_bind_text_domain ();
  article = story_new ("Talks", "The talks resumed on Wednesday, February 24, 2022.\n", NULL);
  found = run_one (article, lede_check_weekdays);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (finding (found, 0)->message, ==,
                   "„Wednesday, February 24, 2022“: Der 24. Februar 2022 ist ein Donnerstag, kein Mittwoch.");
}

static void
test_percentages_german (void)
{
  g_autoptr (LedeArticle) article = story_new ("Preise",
                                               "Die Preise stiegen um 20 Prozent von 50 auf 65 Euro. "
                                               "Die Fänge sanken um 10 % von 1.200 auf 1.080 Tonnen. "
                                               "Die Mieten stiegen um 12,5 Prozent von 80 auf 90. "
                                               "Die Kosten sanken um 25 Prozent von 1,2 Millionen auf 900.000.\n\n"
                                               "Der Anteil stieg um 2 Prozentpunkte von 50 auf 65.\n",
                                               NULL);
  g_autoptr (GPtrArray) found = NULL;

  lede_article_set_language (article, "de");
  found = run_one (article, lede_check_percentages);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (count_saying (found, "20%, but from 50 to 65 is a change of 30%"), ==, 1);
}

static void
test_percentages (void)
{
  g_autoptr (LedeArticle) article = story_new ("Fares",
                                               "Fares rose 20% from 50 to 65. Landings rose 30% from 50 to 65 tonnes. "
                                               "Fees fell 10% from £50 to £65. Costs dropped 25 per cent from £1.2m to £900,000.\n\n"
                                               "Prices rose 20% from 2019 to 2023. Turnout was up 2 percentage points from 50 to 65. "
                                               "Catches rose 30% from 50 to 65 million.\n",
                                               NULL);
  g_autoptr (GPtrArray) found = run_one (article, lede_check_percentages);

  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpuint (count_saying (found, "20%, but from 50 to 65 is a change of 30%"), ==, 1);
  g_assert_cmpuint (count_saying (found, "the sentence says they fall"), ==, 1);
  g_assert_cmpstr (finding (found, 0)->text, ==, "20% from 50 to 65");
}

static void
test_lengths_and_ready (void)
{
  g_autoptr (LedeArticle) article = story_new ("A headline that goes on and on about the ferry, the harbour and the weather",
                                               "Three words here.\n", NULL);
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GString) standfirst = g_string_new (NULL);
  const char * const tags[] = { "Ferries", NULL };

  for (guint i = 0; i < 30; i++)
    g_string_append (standfirst, "The ferry. ");
  lede_article_set_standfirst (article, standfirst->str);
  lede_article_set_slug (article, "a-slug-that-goes-on-and-on-about-the-ferry-the-harbour-and-the-weather");
  found = run_one (article, lede_check_lengths);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpuint (count_saying (found, "past 70"), ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_ready);
  g_assert_cmpuint (found->len, ==, 0);  /* a draft need not be whole */

  lede_article_set_status (article, LEDE_ARTICLE_STATUS_READY);
  lede_article_set_word_goal (article, 300);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_ready);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpuint (count_saying (found, "marked ready but has no byline"), ==, 1);
  g_assert_cmpuint (count_saying (found, "has no tag"), ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_lengths);
  g_assert_cmpuint (count_saying (found, "3 words against a goal of 300 (-99%)"), ==, 1);

  lede_article_set_byline (article, "Tamsin Orrell");
  lede_article_set_tags (article, tags);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = run_one (article, lede_check_ready);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_embargo_and_order (void)
{
  g_autoptr (LedeArticle) article = story_new ("Fares rise TK", "“Dear,” the sign read.\n", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 28, 9, 0, 0);
  g_autoptr (GDateTime) embargo = g_date_time_add_minutes (now, (2 * 24 + 3) * 60);
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *summary = NULL;

  lede_article_set_embargo (article, embargo);
  story = lede_check_story_new (article, NULL, NULL);
  found = lede_checks_run (story, now);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (finding (found, 0)->kind, ==, LEDE_CHECK_PLACEHOLDER);  /* blocking, in the headline */
  g_assert_cmpint (finding (found, 1)->kind, ==, LEDE_CHECK_EMBARGO);
  g_assert_nonnull (strstr (finding (found, 1)->message, "until 2026-11-30T12:00:00Z: it lifts in 2 days 3 hours"));
  g_assert_cmpint (finding (found, 2)->severity, ==, LEDE_SEVERITY_WARNING);
  summary = lede_checks_dup_summary (found);
  g_assert_cmpstr (summary, ==, "2 blocking, 1 warning");

  /* Once it has lifted, nothing blocks but the placeholder. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = lede_checks_run (story, embargo);
  g_assert_cmpuint (lede_checks_count (found, LEDE_SEVERITY_BLOCKING), ==, 1);
  /* A story already marked published under embargo is told so. */
  g_clear_pointer (&found, g_ptr_array_unref);
  story->status = LEDE_ARTICLE_STATUS_PUBLISHED;
  found = lede_checks_run (story, now);
  {
    gboolean said = FALSE;

    for (guint i = 0; i < found->len; i++)
      if (finding (found, i)->kind == LEDE_CHECK_EMBARGO)
        {
          g_assert_cmpint (finding (found, i)->severity, ==, LEDE_SEVERITY_BLOCKING);
          g_assert_true (g_str_has_prefix (finding (found, i)->message, "Marked published, but under embargo until"));
          said = TRUE;
        }
    g_assert_true (said);
  }
}

/* A long story with every kind of trouble still runs, and a check never
 * edits the story. */
static void
test_long_story (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeCheckStory) story = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *before = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (body, "Name%c%u met Smyth and Smith on Tuesday, March %u. Fares rose 20%% from 50 to 65. "
                            "“Quote %u,” she said. TK\n\n", 'a' + i % 26, i, i % 28 + 1, i);
  article = story_new ("Long", body->str, "Eri Kaneko", NULL);
  before = g_strdup (lede_article_get_body (article));
  story = lede_check_story_new (article, NULL, NULL);
  found = lede_checks_run (story, now);
  g_assert_cmpuint (lede_checks_count (found, LEDE_SEVERITY_BLOCKING), ==, 2000);
  g_assert_cmpstr (lede_article_get_body (article), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/checks/attribution-pronoun", test_attribution_pronoun);
  g_test_add_func ("/lede/checks/attribution-nearest-verb", test_attribution_nearest_verb);
  g_test_add_func ("/lede/checks/attribution-apostrophes", test_attribution_apostrophes);
  g_test_add_func ("/lede/checks/attribution-fields", test_attribution_fields);
  g_test_add_func ("/lede/checks/attribution-worst-cases", test_attribution_worst_cases);
  g_test_add_func ("/lede/checks/names", test_names);
  g_test_add_func ("/lede/checks/names-false-alarms", test_names_false_alarms);
  g_test_add_func ("/lede/checks/placeholders", test_placeholders);
  g_test_add_func ("/lede/checks/attribution-german", test_attribution_german);
  g_test_add_func ("/lede/checks/attribution-images", test_attribution_images);
  g_test_add_func ("/lede/checks/weekdays", test_weekdays);
  g_test_add_func ("/lede/checks/weekdays-german", test_weekdays_german);
  g_test_add_func ("/lede/checks/weekdays-messages-german", test_weekdays_messages_german);
  g_test_add_func ("/lede/checks/percentages-german", test_percentages_german);
  g_test_add_func ("/lede/checks/percentages", test_percentages);
  g_test_add_func ("/lede/checks/lengths-and-ready", test_lengths_and_ready);
  g_test_add_func ("/lede/checks/embargo-and-order", test_embargo_and_order);
  g_test_add_func ("/lede/checks/long-story", test_long_story);
  return g_test_run ();
}
