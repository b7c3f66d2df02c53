/* test-style.c: the desk's house style — Vale's YAML read and written
 * back byte for byte, what Lede does not understand refused in words, each
 * kind of rule on small fictional stories (what it finds, and what it must
 * leave alone), rules kept in the library, the starter set, and lede-cli's
 * style and check with the style applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "lede-checks.h"
#include "lede-speller.h"
#include "lede-style.h"
#include "lede-test-utils.h"

static LedeStyleRule *
read_ok (const char *name,
         const char *yaml)
{
  g_autoptr (GError) error = NULL;
  LedeStyleRule *rule = lede_style_rule_read (name, yaml, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rule);
  return rule;
}

static void
refused (const char *yaml,
         const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStyleRule) rule = lede_style_rule_read ("Refused", yaml, -1, &error);

  g_assert_null (rule);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* A rule Lede wrote reads back and is written byte for byte the same;
 * levels map to severities, error never blocking. */
static void
test_yaml_round_trip (void)
{
  const char * const files[] = {
    "extends: substitution\n"
    "message: \"Use '%s', not '%s'.\"\n"
    "level: error\n"
    "ignorecase: true\n"
    "action:\n"
    "  name: replace\n"
    "swap:\n"
    "  Kiev: Kyiv\n"
    "  'in order to': to\n"
    "  \"colou?r\": hue\n",

    "extends: existence\n"
    "message: Cut '%s'.\n"
    "description: Hedges\n"
    "link: https://desk.example/style#hedges\n"
    "level: suggestion\n"
    "tokens:\n"
    "  - very\n"
    "  - \"quite\\tso\"\n"
    "  - 'a \"quoted\" word'\n"
    "action:\n"
    "  name: replace\n"
    "  params:\n"
    "    - ''\n",

    "extends: occurrence\n"
    "message: Too long.\n"
    "scope: sentence\n"
    "level: warning\n"
    "max: 30\n"
    "token: '\\b(\\w+)\\b'\n",

    "extends: consistency\n"
    "level: warning\n"
    "either:\n"
    "  adviser: advisor\n"
    "  \"Straße\": Strasse\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (LedeStyleRule) first = read_ok ("Rule", files[i]);
      g_autofree char *written = lede_style_rule_write (first);
      g_autoptr (LedeStyleRule) again = read_ok ("Rule", written);
      g_autofree char *rewritten = lede_style_rule_write (again);

      g_test_message ("%s", written);
      g_assert_cmpstr (written, ==, rewritten);
    }

  {
    g_autoptr (LedeStyleRule) rule = read_ok ("Rule", files[0]);

    g_assert_cmpint (rule->kind, ==, LEDE_STYLE_SUBSTITUTION);
    g_assert_true (rule->ignorecase);
    g_assert_cmpuint (rule->keys->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (rule->values, 1), ==, "to");
    g_assert_cmpint (lede_style_rule_get_severity (rule), ==, LEDE_SEVERITY_WARNING);
  }
  {
    g_autoptr (LedeStyleRule) rule = read_ok ("Rule", files[1]);

    g_assert_cmpint (lede_style_rule_get_severity (rule), ==, LEDE_SEVERITY_NOTE);
    g_assert_cmpstr (g_ptr_array_index (rule->keys, 1), ==, "quite\tso");
  }
}

/* What Lede does not understand is refused, saying what and where. */
static void
test_yaml_refused (void)
{
  refused ("extends: substitution\nraw:\n  - '\\bx'\nswap:\n  a: b\n", "“raw”");
  refused ("extends: substitution\nnonword: true\nswap:\n  a: b\n", "“nonword”");
  refused ("extends: existence\nexceptions:\n  - x\ntokens:\n  - y\n", "“exceptions”");
  refused ("extends: existence\nscope: heading\ntokens:\n  - y\n", "scope");
  refused ("extends: occurrence\nscope: list\nmax: 3\n", "the scope “list”");
  refused ("extends: substitution\naction:\n  name: remove\nswap:\n  a: b\n", "the action “remove”");
  refused ("extends: capitalization\nmatch: $title\n", "extend “capitalization”");
  refused ("extends: substitution\nswap:\n  a: b\ncolour: red\n", "the key “colour”");
  refused ("extends: substitution\nlevel: fatal\nswap:\n  a: b\n", "the level “fatal”");
  refused ("extends: substitution\nswap: {}\n", "“swap” is empty");
  refused ("extends: substitution\nswap:\n  '(unclosed': b\n", "not a pattern");
  refused ("extends: existence\ntokens: &t\n  - a\n", "anchors and aliases");
  refused ("extends: \"unclosed\n", "not valid YAML");
  refused ("- a\n- b\n", "a mapping of keys");
  refused ("", "empty");
  refused ("message: hi\nswap:\n  a: b\n", "“extends” is missing");
  refused ("extends: substitution\nextends: existence\n", "given twice");
  refused ("extends: existence\nswap:\n  a: b\n", "“swap” belongs to substitution");
  refused ("extends: occurrence\nscope: sentence\n", "“max” or “min”");
  refused ("extends: substitution\nswap:\n  a: b\n---\nextends: existence\n", "one rule");

  {
    g_autoptr (GError) error = NULL;

    g_assert_null (lede_style_rule_read ("../etc", "extends: existence\ntokens: [a]\n", -1, &error));
    g_assert_error (error, LEDE_STYLE_ERROR, LEDE_STYLE_ERROR_INVALID);
  }
  {
    g_autofree char *name = lede_style_rule_dup_name_for_file ("/styles/House/Places.yml");

    g_assert_cmpstr (name, ==, "Places");
  }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return lede_finding_compare (*(LedeFinding **)a, *(LedeFinding **)b);
}

static GPtrArray *
check (const char *headline,
       const char *body,
       ...)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);
  g_autoptr (LedeStyle) style = NULL;
  g_autoptr (LedeCheckStory) story = NULL;
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_finding_free);
  va_list args;

  va_start (args, body);
  for (const char *yaml = va_arg (args, const char *); yaml; yaml = va_arg (args, const char *))
    g_ptr_array_add (rules, read_ok ("House", yaml));
  va_end (args);
  style = lede_style_new (rules);
  lede_article_set_headline (article, headline);
  lede_article_set_body (article, body);
  story = lede_check_story_new (article, NULL, NULL);
  lede_check_story_set_style (story, style);
  lede_check_house_style (story, NULL, findings);
  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("found: “%s” %s (fix %s)", finding->text, finding->message, finding->fix);
      g_assert_cmpint (finding->kind, ==, LEDE_CHECK_STYLE);
      g_assert_cmpstr (finding->rule, ==, "House");
    }
  return findings;
}

static LedeFinding *
nth (GPtrArray *findings,
     guint      n)
{
  g_assert_cmpuint (n, <, findings->len);
  return g_ptr_array_index (findings, n);
}

static const char places[] =
  "extends: substitution\n"
  "level: warning\n"
  "swap:\n"
  "  Kiev: Kyiv\n"
  "  \"in order to\": to\n"
  "  \"e-mail\": email\n"
  "  \"colou?r\": shade\n";

/* Substitution: the swap found in the headline and body with its fix and
 * place; code, code spans, link addresses, longer words and the fix
 * itself left alone. */
static void
test_substitution (void)
{
  g_autoptr (GPtrArray) found = check ("Ferries return to Kiev",
                                       "The mayor of Kiev said crews worked\nin order to finish. Send an e-mail,\n"
                                       "pick a colour.\n\n"
                                       "Kyiv is spelt right. The Kievan era is history. See `Kiev` and "
                                       "[the map](https://kiev.example/map).\n\n```\nKiev in code\n```\n",
                                       places, NULL);

  g_assert_cmpuint (found->len, ==, 5);
  g_assert_cmpint (nth (found, 0)->field, ==, LEDE_FIELD_HEADLINE);
  g_assert_cmpstr (nth (found, 0)->text, ==, "Kiev");
  g_assert_cmpstr (nth (found, 0)->fix, ==, "Kyiv");
  g_assert_cmpuint (nth (found, 0)->offset, ==, 18);
  g_assert_nonnull (strstr (nth (found, 0)->message, "Use “Kyiv”, not “Kiev”"));
  g_assert_nonnull (strstr (nth (found, 0)->message, "House"));
  g_assert_cmpint (nth (found, 0)->severity, ==, LEDE_SEVERITY_WARNING);
  g_assert_cmpstr (nth (found, 1)->text, ==, "Kiev");
  g_assert_cmpuint (nth (found, 1)->line, ==, 1);
  /* A phrase across a line break is one phrase. */
  g_assert_cmpstr (nth (found, 2)->text, ==, "in order to");
  g_assert_cmpstr (nth (found, 2)->fix, ==, "to");
  g_assert_cmpstr (nth (found, 3)->text, ==, "e-mail");
  g_assert_cmpstr (nth (found, 4)->text, ==, "colour");
  g_assert_cmpstr (nth (found, 4)->fix, ==, "shade");
}

/* ignorecase finds any case; the fix takes the capital of the words it
 * replaces; a rule's own message gets the fix and the words. */
static void
test_substitution_case (void)
{
  g_autoptr (GPtrArray) found = check ("", "In Order To win, they utilise all. IN ORDER TO.\n",
                                       "extends: substitution\nmessage: \"Prefer '%s' over '%s'.\"\nlevel: suggestion\n"
                                       "ignorecase: true\nswap:\n  in order to: to\n  utilise: use|employ\n",
                                       NULL);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (nth (found, 0)->fix, ==, "To");
  g_assert_nonnull (strstr (nth (found, 0)->message, "Prefer 'To' over 'In Order To'."));
  g_assert_cmpint (nth (found, 0)->severity, ==, LEDE_SEVERITY_NOTE);
  g_assert_cmpstr (nth (found, 1)->fix, ==, "use");
  g_assert_cmpstr (nth (found, 2)->text, ==, "IN ORDER TO");
}

static void
test_existence (void)
{
  g_autoptr (GPtrArray) found = check ("A very good year", "It was Very, very late. Everyone was everywhere.\n",
                                       "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\nignorecase: true\n"
                                       "tokens:\n  - very\n  - every\n",
                                       NULL);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (nth (found, 0)->field, ==, LEDE_FIELD_HEADLINE);
  g_assert_nonnull (strstr (nth (found, 1)->message, "Cut 'Very'."));
  g_assert_null (nth (found, 1)->fix);
}

/* Sentences longer than max; abbreviations may cut a sentence short,
 * never make one longer. */
static void
test_occurrence (void)
{
  g_autoptr (GPtrArray) found = check ("",
                                       "One two three four five six. One two three.\n\n"
                                       "One two three four five six seven “eight.” Nine.\n",
                                       "extends: occurrence\nlevel: suggestion\nscope: sentence\nmax: 5\n", NULL);
  g_autoptr (GPtrArray) grafs = check ("", "One two three. Four five six.\n\nSeven.\n",
                                       "extends: occurrence\nlevel: warning\nscope: paragraph\nmax: 5\n", NULL);

  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (nth (found, 0)->text, ==, "One two three four five six.");
  g_assert_nonnull (strstr (nth (found, 0)->message, "6 words"));
  g_assert_cmpstr (nth (found, 1)->text, ==, "One two three four five six seven “eight.”");
  g_assert_cmpuint (grafs->len, ==, 1);
  g_assert_cmpuint (nth (grafs, 0)->graf, ==, 1);
}

/* Both spellings of a pair in one story: the rarer one, the other as the
 * fix; one spelling alone says nothing. */
static void
test_consistency (void)
{
  static const char rule[] = "extends: consistency\nlevel: warning\nignorecase: true\neither:\n"
                             "  adviser: advisor\n  Kyiv: Kiev\n";
  g_autoptr (GPtrArray) found = check ("Adviser quits",
                                       "The adviser left Kyiv. Kyiv was calm.\n\nIn Kiev, the advisers met; an advisor spoke.\n",
                                       rule, NULL);
  g_autoptr (GPtrArray) quiet = check ("Adviser quits", "The adviser left Kyiv.\n", rule, NULL);

  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (nth (found, 0)->text, ==, "Kiev");
  g_assert_cmpstr (nth (found, 0)->fix, ==, "Kyiv");
  g_assert_cmpstr (nth (found, 1)->text, ==, "advisor");
  g_assert_cmpstr (nth (found, 1)->fix, ==, "Adviser");
  g_assert_cmpuint (quiet->len, ==, 0);
}

static void
count_change (guint *changed)
{
  (*changed)++;
}

/* The rules are kept in the library, in order, replaced by name, removed
 * by name (an unknown one said in words); the speller's swaps; the
 * starter set reads and is not in a new library. */
static void
test_library (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeLibrary) library = lede_library_open (path, &error);
  g_autoptr (LedeStyleRule) rule = read_ok ("Places", places);
  g_autoptr (LedeStyleRule) other = read_ok ("Hedges", "extends: existence\nlevel: suggestion\ntokens: [very]\n");
  g_autoptr (LedeStyle) style = NULL;
  g_autoptr (GHashTable) swaps = NULL;
  g_autoptr (GPtrArray) starter = lede_style_dup_starter ();
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) texts = NULL;
  g_autofree char *written = lede_style_rule_write (rule);
  guint changed = 0;

  g_assert_no_error (error);
  style = lede_style_load (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lede_style_get_rules (style)->len, ==, 0);
  g_clear_pointer (&style, lede_style_unref);

  g_signal_connect_swapped (library, "style-changed", G_CALLBACK (count_change), &changed);
  g_assert_true (lede_style_keep_rule (library, rule, &error));
  g_assert_true (lede_style_keep_rule (library, other, &error));
  g_assert_true (lede_style_keep_rule (library, rule, &error));
  g_assert_no_error (error);
  g_assert_true (lede_library_list_style_rules (library, &names, &texts, &error));
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Places");
  g_assert_cmpstr (texts[0], ==, written);
  g_assert_cmpuint (changed, ==, 3);

  style = lede_style_load (library, &error);
  swaps = lede_style_dup_word_swaps (style);
  g_assert_cmpuint (g_hash_table_size (swaps), ==, 2);  /* not the phrase, not the pattern */
  g_assert_cmpstr (g_hash_table_lookup (swaps, "e-mail"), ==, "email");
  g_assert_cmpstr (g_hash_table_lookup (swaps, "Kiev"), ==, "Kyiv");

  g_assert_false (lede_library_remove_style_rule (library, "Nowhere", &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
  g_clear_error (&error);
  g_assert_true (lede_library_remove_style_rule (library, "Places", &error));
  g_strfreev (names);
  g_strfreev (texts);
  g_assert_true (lede_library_list_style_rules (library, &names, &texts, &error));
  g_assert_cmpstrv (names, ((const char * const[]) { "Hedges", NULL }));

  g_assert_cmpuint (starter->len, >=, 4);
  for (guint i = 0; i < starter->len; i++)
    {
      LedeStyleRule *one = g_ptr_array_index (starter, i);
      g_autofree char *text = lede_style_rule_write (one);
      g_autoptr (LedeStyleRule) back = read_ok (one->name, text);
      g_autofree char *again = lede_style_rule_write (back);

      g_assert_cmpstr (text, ==, again);
    }
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* The speller learns the preferred words and marks the banned ones (even
 * ones the dictionary knows), the preferred first among the suggestions;
 * only one-word swaps feed it. */
static void
test_speller (void)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_style_rule_free);
  g_autoptr (LedeStyle) style = NULL;
  g_autoptr (GHashTable) swaps = NULL;
  g_autoptr (LedeSpeller) speller = lede_speller_new ();
  g_autoptr (GPtrArray) banned = g_ptr_array_new ();
  g_autoptr (GPtrArray) preferred = g_ptr_array_new ();
  g_auto (GStrv) suggestions = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_ptr_array_add (rules, read_ok ("Places", places));
  g_ptr_array_add (rules, read_ok ("Words", "extends: substitution\nlevel: warning\nswap:\n  towards: toward\n"));
  style = lede_style_new (rules);
  swaps = lede_style_dup_word_swaps (style);
  g_hash_table_iter_init (&iter, swaps);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (banned, key);
      g_ptr_array_add (preferred, value);
    }
  g_ptr_array_add (banned, NULL);
  g_ptr_array_add (preferred, NULL);
  g_assert_false (g_hash_table_contains (swaps, "in order to"));
  g_assert_false (g_hash_table_contains (swaps, "colou?r"));

  /* With no dictionary, house style still speaks. */
  lede_speller_set_house_style (speller, (const char * const *)banned->pdata, (const char * const *)preferred->pdata);
  if (lede_speller_set_language (speller, "xx-NONE"))
    g_test_message ("a dictionary for xx?");
  g_assert_false (lede_speller_check (speller, "Kiev", -1));
  g_assert_true (lede_speller_check (speller, "Kyiv", -1));

  if (!lede_speller_set_language (speller, "en-GB"))
    {
      g_test_skip ("no en_GB dictionary (hunspell-en-gb)");
      return;
    }
  g_assert_true (lede_speller_check (speller, "Kyiv", -1));
  g_assert_false (lede_speller_check (speller, "Kiev", -1));
  g_assert_false (lede_speller_check (speller, "towards", -1));
  g_assert_true (lede_speller_check (speller, "toward", -1));
  suggestions = lede_speller_suggest (speller, "Kiev", 5);
  g_assert_nonnull (suggestions[0]);
  g_assert_cmpstr (suggestions[0], ==, "Kyiv");
  for (guint i = 1; suggestions[i]; i++)
    g_assert_cmpstr (suggestions[i], !=, "Kyiv");
  lede_speller_ignore (speller, "Kiev");
  g_assert_true (lede_speller_check (speller, "Kiev", -1));
}

static char *
run_cli (const char  *library,
         int          expect,
         char       **err,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *local_err = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("LEDE_CLI"));
  g_ptr_array_add (argv, (char *)"--library");
  g_ptr_array_add (argv, (char *)library);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &local_err,
                               &status, NULL));
  if (WEXITSTATUS (status) != expect)
    g_error ("lede-cli exited %d, not %d: %s", WEXITSTATUS (status), expect, local_err);
  if (err)
    *err = g_steal_pointer (&local_err);
  return g_steal_pointer (&out);
}

/* style add, list, show (byte for byte as added when Lede wrote it),
 * remove; a refused file said in words, the library unchanged; check and
 * check --json with the style applied. */
static void
test_cli (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *rule_file = g_build_filename (dir, "Places.yml", NULL);
  g_autofree char *bad_file = g_build_filename (dir, "Raw.yml", NULL);
  g_autofree char *shown_file = g_build_filename (dir, "Shown.yml", NULL);
  g_autofree char *story = g_build_filename (dir, "story.md", NULL);
  g_autofree char *out = NULL, *err = NULL, *shown = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *finding;

  g_assert_true (g_file_set_contents (rule_file, places, -1, NULL));
  g_assert_true (g_file_set_contents (bad_file, "extends: existence\nraw:\n  - x\n", -1, NULL));
  g_assert_true (g_file_set_contents (story, "---\ntitle: Talks in Kiev\n---\nThe talks in Kiev ended.\n", -1, NULL));
  g_free (run_cli (db, 0, NULL, "import", story, NULL));

  out = run_cli (db, 0, NULL, "style", "list", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  out = run_cli (db, 0, NULL, "style", "add", rule_file, NULL);
  g_assert_cmpstr (out, ==, "Places\n");
  g_clear_pointer (&out, g_free);
  out = run_cli (db, 3, &err, "style", "add", bad_file, NULL);
  g_assert_nonnull (strstr (err, "Lede does not understand the key “raw”"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = run_cli (db, 1, &err, "style", "frob", NULL);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  shown = run_cli (db, 0, NULL, "style", "show", "Places", NULL);
  g_assert_true (g_file_set_contents (shown_file, shown, -1, NULL));
  g_free (run_cli (db, 0, NULL, "style", "add", shown_file, NULL));
  out = run_cli (db, 0, NULL, "style", "show", "Shown", NULL);
  g_assert_cmpstr (out, ==, shown);
  g_clear_pointer (&out, g_free);
  g_free (run_cli (db, 0, NULL, "style", "remove", "Shown", NULL));
  g_free (run_cli (db, 3, NULL, "style", "remove", "Shown", NULL));

  out = run_cli (db, 0, NULL, "style", "list", NULL);
  g_assert_nonnull (strstr (out, "Places\tsubstitution\twarning\tKiev → Kyiv"));
  g_assert_null (strstr (out, "Raw"));
  g_clear_pointer (&out, g_free);

  out = run_cli (db, 0, NULL, "check", "--all", NULL);
  g_assert_nonnull (strstr (out, "Use “Kyiv”, not “Kiev” (house style: Places)"));
  g_clear_pointer (&out, g_free);
  out = run_cli (db, 0, NULL, "check", "--all", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  finding = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
                                  "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "kind"), ==, "style");
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "Places");
  g_assert_cmpstr (json_object_get_string_member (finding, "fix"), ==, "Kyiv");
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "Kiev");
  g_clear_pointer (&out, g_free);

  out = run_cli (db, 0, NULL, "style", "add", "--starter", NULL);
  g_assert_nonnull (strstr (out, "Wordy\n"));
  g_clear_pointer (&out, g_free);
  out = run_cli (db, 0, NULL, "style", "list", "--json", NULL);
  g_assert_nonnull (strstr (out, "\"name\" : \"SentenceLength\""));
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/style/yaml-round-trip", test_yaml_round_trip);
  g_test_add_func ("/lede/style/yaml-refused", test_yaml_refused);
  g_test_add_func ("/lede/style/substitution", test_substitution);
  g_test_add_func ("/lede/style/substitution-case", test_substitution_case);
  g_test_add_func ("/lede/style/existence", test_existence);
  g_test_add_func ("/lede/style/occurrence", test_occurrence);
  g_test_add_func ("/lede/style/consistency", test_consistency);
  g_test_add_func ("/lede/style/library", test_library);
  g_test_add_func ("/lede/style/speller", test_speller);
  g_test_add_func ("/lede/style/cli", test_cli);
  return g_test_run ();
}
