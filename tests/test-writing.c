/* test-writing.c: the writing tools' rules: graf numbers and typographic
 * punctuation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-grafs.h"
#include "lede-photo-refs.h"
#include "lede-typography.h"

static void
assert_grafs (const char *text,
              const guint *expected,
              guint        n)
{
  g_autoptr (GArray) starts = lede_grafs_find (text, -1);

  g_assert_cmpuint (starts->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (starts, guint, i), ==, expected[i]);
}

static void
test_grafs (void)
{
  /* Grafs start at lines 0, 2, 7 and each list item (8, 9); the heading
   * (5), the code block (11–14) and the rule (16) are not grafs. */
  assert_grafs ("The pier reopened.\n\nCouncillors voted\nseven to two.\n\n## Why\n\n"
                "The harbour needed it.\n- First\n- Second\n\n```\ncode\n\n```\n"
                "\n---\n\nLast graf.",
                (const guint[]) { 0, 2, 7, 8, 9, 18 }, 6);
  assert_grafs ("", NULL, 0);
  assert_grafs ("\n\n\n", NULL, 0);
  assert_grafs ("#hashtag is prose", (const guint[]) { 0 }, 1);
  assert_grafs ("> A quotation\n> on two lines\n\n1. One\n2. Two", (const guint[]) { 0, 3, 4 }, 3);
}

/* Issue 29: what the page shows as a paragraph is a graf, and only that.
 * Code indented four spaces (or a tab) is code, not a graf; a paragraph's
 * own lines may be indented. */
static void
test_grafs_not_code (void)
{
  assert_grafs ("The ferry sails at nine.\n\n    $ ferry --depart 21:00\n    $ ferry --arrive\n\nIt docks at ten.",
                (const guint[]) { 0, 5 }, 2);
  assert_grafs ("\tcode after a tab\n\nProse.", (const guint[]) { 2 }, 1);
  assert_grafs ("## Timetable\n    09:00 Kestle\n    10:00 Marrowby\n\nProse.", (const guint[]) { 4 }, 1);
  assert_grafs ("A graf whose\n    second line is indented.", (const guint[]) { 0 }, 1);
  /* Blank lines inside indented code do not end it. */
  assert_grafs ("    one\n\n    two\nProse.", (const guint[]) { 3 }, 1);
  /* In a list, code is indented four past the item's text. */
  assert_grafs ("- An item\n\n      code in the item\n\n  Its second graf.\n\nAfter the list.",
                (const guint[]) { 0, 4, 6 }, 3);

  /* Fences: the same mark, at least as long, closes. */
  assert_grafs ("````\n```\nstill code\n````\nAfter.", (const guint[]) { 4 }, 1);
  assert_grafs ("~~~ python\n```\n~~~\nAfter.", (const guint[]) { 3 }, 1);
  assert_grafs ("``` not`a fence\nProse.", (const guint[]) { 0 }, 1);

  /* HTML blocks are dropped from the page: no grafs. */
  assert_grafs ("<div class=\"box\">\nInside.\n</div>\n\nText.", (const guint[]) { 4 }, 1);
  assert_grafs ("<!-- a note\nfor the desk -->\nText.", (const guint[]) { 2 }, 1);
  assert_grafs ("<!-- one line -->\nText.", (const guint[]) { 1 }, 1);
  assert_grafs ("<span lang=\"cy\">\nHeddiw\n\nText.", (const guint[]) { 3 }, 1);
  assert_grafs ("A graf.\n<div>\nnot a graf", (const guint[]) { 0 }, 1);
  assert_grafs ("A graf with\n<span>\nin it.\n\nNext.", (const guint[]) { 0, 4 }, 2);
  assert_grafs ("<b>Bold</b> words start a graf.", (const guint[]) { 0 }, 1);

  /* Setext headings are headings; a rule under a list item is a rule. */
  assert_grafs ("Ferry returns\n=============\n\nText.", (const guint[]) { 3 }, 1);
  assert_grafs ("A heading on\ntwo lines\n---\nText.", (const guint[]) { 3 }, 1);
  assert_grafs ("- An item\n---\nText.", (const guint[]) { 0, 2 }, 2);
  assert_grafs ("A graf.\n***\nText.", (const guint[]) { 0, 2 }, 2);
}

/* Types @typed after @before as the editor would, applying the rules. */
static char *
type (const char *before,
      const char *typed,
      const char *language)
{
  GString *text = g_string_new (before);

  for (const char *p = typed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *line = g_strdup (strrchr (text->str, '\n') ? strrchr (text->str, '\n') + 1 : text->str);
      guint n_delete = 0;
      const char *with = lede_typography_replace (line, c, language, &n_delete);

      if (with == NULL)
        {
          g_string_append_unichar (text, c);
          continue;
        }
      for (guint i = 0; i < n_delete; i++)
        g_string_truncate (text, g_utf8_prev_char (text->str + text->len) - text->str);
      g_string_append (text, with);
    }
  return g_string_free (text, FALSE);
}

static void
assert_typed (const char *typed,
              const char *language,
              const char *expected)
{
  g_autofree char *got = type ("", typed, language);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_typography (void)
{
  assert_typed ("\"word\"", "en-GB", "“word”");
  assert_typed ("She said \"yes.\" Then 'no'.", "en", "She said “yes.” Then ‘no’.");
  assert_typed ("the ferry's engine, Guterres' speech", "en", "the ferry’s engine, Guterres’ speech");
  assert_typed ("(\"quoted\")", "en", "(“quoted”)");
  assert_typed ("\"Wort\" und 'das'", "de-DE", "„Wort“ und ‚das‘");
  assert_typed ("\"mot\"", "fr", "«\u202fmot\u202f»");
  assert_typed ("9--5 and then---silence", "en", "9–5 and then—silence");
  assert_typed ("Wait...", "en", "Wait…");
  assert_typed ("---", "en", "---");
  assert_typed ("- item", "en", "- item");
  assert_typed ("\"x\"", NULL, "“x”");
}

#define SHA_A "3fa9000000000000000000000000000000000000000000000000000000000e1a"

/* Picture lines: alone on their line, a full lowercase SHA-256, not in
 * fenced code; the bracket text read back unescaped. */
static void
test_photo_refs (void)
{
  const char *body = "A graf.\n\n![A ferry at \\[dawn\\]](lede-photo:" SHA_A ")\n\n"
                     "Text ![inline](lede-photo:" SHA_A ") here.\n"
                     "![short](lede-photo:3fa9)\n"
                     "![upper](lede-photo:" "3FA9000000000000000000000000000000000000000000000000000000000E1A" ")\n"
                     "```\n![code](lede-photo:" SHA_A ")\n```\n"
                     "   ![indented](lede-photo:" SHA_A ")  ";
  g_autoptr (GArray) refs = lede_photo_refs_find (body);
  g_auto (GStrv) lines = g_strsplit (body, "\n", -1);
  LedePhotoRef *ref;
  g_autofree char *alt = NULL;
  g_autofree char *alt2 = NULL;
  g_autofree char *line = NULL;
  g_autoptr (GArray) again = NULL;

  g_assert_cmpuint (refs->len, ==, 2);
  ref = &g_array_index (refs, LedePhotoRef, 0);
  g_assert_cmpuint (ref->line, ==, 2);
  g_assert_cmpstr (ref->sha256, ==, SHA_A);
  alt = lede_photo_refs_dup_alt (lines[ref->line], ref);
  g_assert_cmpstr (alt, ==, "A ferry at [dawn]");
  g_assert_cmpuint (ref->line_end, ==, strlen (lines[2]));
  ref = &g_array_index (refs, LedePhotoRef, 1);
  g_assert_cmpuint (ref->line, ==, 10);
  alt2 = lede_photo_refs_dup_alt (lines[ref->line], ref);
  g_assert_cmpstr (alt2, ==, "indented");

  /* Written and read back: the same text, on one line. */
  line = lede_photo_refs_make_line ("Two\nlines [and] a \\ slash", SHA_A);
  g_assert_null (strchr (line, '\n'));
  again = lede_photo_refs_find (line);
  g_assert_cmpuint (again->len, ==, 1);
  g_free (alt);
  alt = lede_photo_refs_dup_alt (line, &g_array_index (again, LedePhotoRef, 0));
  g_assert_cmpstr (alt, ==, "Two lines [and] a \\ slash");
  g_array_unref (again);
  again = lede_photo_refs_find ("");
  g_assert_cmpuint (again->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/writing/grafs", test_grafs);
  g_test_add_func ("/lede/writing/grafs-not-code", test_grafs_not_code);
  g_test_add_func ("/lede/writing/typography", test_typography);
  g_test_add_func ("/lede/writing/photo-refs", test_photo_refs);
  return g_test_run ();
}
