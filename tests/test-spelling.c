/* test-spelling.c: which words are checked, the speller on Debian's
 * hunspell dictionaries, and the library's own dictionary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-library.h"
#include "lede-settings.h"
#include "lede-speller.h"
#include "lede-words.h"
#include "lede-test-utils.h"

/* The words found, joined by "|". */
static char *
words_of (const char *text)
{
  g_autoptr (GArray) spans = lede_words_find (text, -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      LedeWordSpan *span = &g_array_index (spans, LedeWordSpan, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + span->start, span->end - span->start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_words (const char *text,
              const char *expected)
{
  g_autofree char *found = words_of (text);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_words (void)
{
  assert_words ("The ferry's late.", "The|ferry's|late");
  assert_words ("Guterres’ speech, the ferry’s", "Guterres|speech|the|ferry’s");
  assert_words ("'Quoted' words", "Quoted|words");
  assert_words ("well-known A303 2nd", "well|known");
  assert_words ("See https://example.org/teh-page and www.exmaple.org now", "See|and|now");
  assert_words ("Mail desk@paper.example today", "Mail|today");
  assert_words ("[the report](https://example.org/reprot) said", "the|report|said");
  assert_words ("Run `teh code` here", "Run|here");
  assert_words ("A <span class=\"teh\">tag</span> and 3 < 4", "A|tag|and");
  assert_words ("Before\n\n```\nteh code\n```\n\nAfter", "Before|After");
  assert_words ("Para\n\n    indented teh code\n\nNext", "Para|Next");
  assert_words ("*Emphasis* and __strong__", "Emphasis|and|strong");
  assert_words ("Café naïve", "Café|naïve");
  assert_words ("", "");
}

static void
test_speller (void)
{
  g_autoptr (LedeSpeller) speller = lede_speller_new ();
  g_auto (GStrv) suggestions = NULL;

  g_assert_true (lede_speller_set_language (speller, "en-GB"));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en_GB");
  g_assert_true (lede_speller_check (speller, "harbour", -1));
  g_assert_false (lede_speller_check (speller, "teh", -1));
  g_assert_true (lede_speller_check (speller, "ferry's", -1));
  g_assert_true (lede_speller_check (speller, "ferry’s", -1));
  suggestions = lede_speller_suggest (speller, "teh", 5);
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
  g_assert_true (g_strv_contains ((const char * const *)suggestions, "the"));

  /* American spelling in a British story is marked; in an American one not. */
  g_assert_false (lede_speller_check (speller, "harbor", -1));
  g_assert_true (lede_speller_set_language (speller, "en-US"));
  g_assert_true (lede_speller_check (speller, "harbor", -1));

  /* Names the library knows, and words ignored for this story, pass. */
  g_assert_false (lede_speller_check (speller, "Kestle", -1));
  lede_speller_set_known_words (speller, (const char * const[]) { "Rhian Tallis", "Kestle", NULL });
  g_assert_true (lede_speller_check (speller, "Kestle", -1));
  g_assert_true (lede_speller_check (speller, "Tallis", -1));
  g_assert_false (lede_speller_check (speller, "quillwortish", -1));
  lede_speller_ignore (speller, "quillwortish");
  g_assert_true (lede_speller_check (speller, "Quillwortish", -1));
  lede_speller_clear_ignored (speller);
  g_assert_false (lede_speller_check (speller, "quillwortish", -1));

  /* No dictionary for the language: it says so, and nothing is wrong. */
  g_assert_false (lede_speller_set_language (speller, "xx-YY"));
  g_assert_null (lede_speller_get_dictionary (speller));
  g_assert_true (lede_speller_check (speller, "teh", -1));
}

/* A story that says no language (imported from a file without) is spelt
 * in the desk's: Preferences' language, else the locale's, else English —
 * here the locale is C, so spelling never silently stops. */
static void
test_no_language (void)
{
  g_autoptr (LedeSpeller) speller = lede_speller_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = NULL;

  g_assert_true (lede_speller_set_language (speller, ""));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en_GB");
  g_assert_false (lede_speller_check (speller, "teh", -1));
  language = lede_settings_dup_language ();
  g_assert_cmpstr (language, ==, LEDE_FALLBACK_LANGUAGE);

  g_settings_set_string (settings, "default-language", "en-US");
  g_clear_pointer (&language, g_free);
  language = lede_settings_dup_language ();
  g_assert_cmpstr (language, ==, "en-US");
  g_assert_true (lede_speller_set_language (speller, NULL));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en_US");
  g_settings_reset (settings, "default-language");
}

/* A story that says only "en" (the sample story does) is spelt as the
 * desk spells English when the locale says nothing of it, never with
 * whichever English dictionary Enchant finds first for a bare "en". */
static void
test_bare_language (void)
{
  g_autoptr (LedeSpeller) speller = lede_speller_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (lede_speller_set_language (speller, "en"));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en_GB");
  g_assert_false (lede_speller_check (speller, "harbor", -1));

  g_settings_set_string (settings, "default-language", "en-US");
  g_assert_true (lede_speller_set_language (speller, "en"));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en_US");
  g_assert_true (lede_speller_check (speller, "harbor", -1));

  /* A desk in another language leaves the bare tag as it is. */
  g_settings_set_string (settings, "default-language", "de-DE");
  g_assert_true (lede_speller_set_language (speller, "en"));
  g_assert_cmpstr (lede_speller_get_dictionary (speller), ==, "en");
  g_settings_reset (settings, "default-language");
}

static void
test_library_dictionary (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) words = NULL;

  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (lede_library_add_to_dictionary (library, "Kestle", &error));
    g_assert_true (lede_library_add_to_dictionary (library, "Kestle", &error));
    g_assert_true (lede_library_add_to_dictionary (library, "Pwllheli", &error));
    g_assert_no_error (error);
  }
  /* It travels with the library file. */
  {
    g_autoptr (LedeLibrary) library = lede_library_open_for_reading (path, &error);

    g_assert_no_error (error);
    words = lede_library_list_dictionary (library, &error);
    g_assert_no_error (error);
    g_assert_cmpstrv (words, ((const char *[]) { "Kestle", "Pwllheli", NULL }));
  }
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/spelling/words", test_words);
  g_test_add_func ("/lede/spelling/speller", test_speller);
  g_test_add_func ("/lede/spelling/no-language", test_no_language);
  g_test_add_func ("/lede/spelling/bare-language", test_bare_language);
  g_test_add_func ("/lede/spelling/library-dictionary", test_library_dictionary);
  return g_test_run ();
}
