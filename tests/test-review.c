/* test-review.c: an editor's pass in CriticMarkup — suggestions and
 * comments found (never in code, never across a blank line), who and when
 * read from Lede's one form, and each answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-review.h"

#define SIGN_AMA "{>>@Ama Osei|2026-12-04T10:00Z<<}"

static LedeReviewMark *
mark_at (GPtrArray *marks,
         guint      i)
{
  g_assert_cmpuint (i, <, marks->len);
  return g_ptr_array_index (marks, i);
}

static void
test_kinds (void)
{
  const char *text = "The ferry {++finally ++}" SIGN_AMA "docked at {--nine--}" SIGN_AMA
                     " {~~Tuesday~>Wednesday~~}" SIGN_AMA " in {==Kirkwall==}"
                     "{>>@Ben Ruiz|2026-12-04T11:30Z: Check the spelling?<<}"
                     "{>>@Ama Osei|2026-12-04T11:45Z: It is right.<<}.";
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  LedeReviewMark *mark;
  LedeReviewNote *note;
  guint suggestions, comments;

  g_assert_cmpuint (marks->len, ==, 4);

  mark = mark_at (marks, 0);
  g_assert_cmpint (mark->kind, ==, LEDE_REVIEW_INSERTION);
  g_assert_cmpstr (mark->new_text, ==, "finally ");
  g_assert_cmpstr (mark->author, ==, "Ama Osei");
  g_assert_cmpstr (mark->time, ==, "2026-12-04T10:00Z");
  g_assert_cmpuint (mark->start, ==, strlen ("The ferry "));
  g_assert_cmpint (memcmp (text + mark->end - strlen (SIGN_AMA), SIGN_AMA, strlen (SIGN_AMA)), ==, 0);

  mark = mark_at (marks, 1);
  g_assert_cmpint (mark->kind, ==, LEDE_REVIEW_DELETION);
  g_assert_cmpstr (mark->old_text, ==, "nine");

  mark = mark_at (marks, 2);
  g_assert_cmpint (mark->kind, ==, LEDE_REVIEW_SUBSTITUTION);
  g_assert_cmpstr (mark->old_text, ==, "Tuesday");
  g_assert_cmpstr (mark->new_text, ==, "Wednesday");

  mark = mark_at (marks, 3);
  g_assert_cmpint (mark->kind, ==, LEDE_REVIEW_COMMENT);
  g_assert_cmpstr (mark->old_text, ==, "Kirkwall");
  g_assert_cmpstr (mark->author, ==, "Ben Ruiz");
  g_assert_cmpuint (mark->notes->len, ==, 2);
  note = g_ptr_array_index (mark->notes, 0);
  g_assert_cmpstr (note->text, ==, "Check the spelling?");
  g_assert_cmpstr (note->time, ==, "2026-12-04T11:30Z");
  note = g_ptr_array_index (mark->notes, 1);
  g_assert_cmpstr (note->author, ==, "Ama Osei");
  g_assert_cmpstr (note->text, ==, "It is right.");
  g_assert_cmpuint (mark->end, ==, strlen (text) - 1);

  g_assert_cmpuint (lede_review_count_open (text, &suggestions, &comments), ==, 4);
  g_assert_cmpuint (suggestions, ==, 3);
  g_assert_cmpuint (comments, ==, 1);
}

static void
test_answers (void)
{
  const char *text = "The ferry {++finally ++}" SIGN_AMA "docked at {--nine--}" SIGN_AMA
                     " {~~Tuesday~>Wednesday~~}" SIGN_AMA " in {==Kirkwall==}"
                     "{>>@Ben Ruiz|2026-12-04T11:30Z: Check?<<}.";
  g_autofree char *accepted = lede_review_dup_accepted (text);
  g_autofree char *rejected = lede_review_dup_rejected (text);
  g_autofree char *first = lede_review_dup_answer_one (text, 0, LEDE_REVIEW_ACCEPT);
  g_autofree char *third = lede_review_dup_answer_one (text, 2, LEDE_REVIEW_REJECT);
  g_autofree char *comment = lede_review_dup_answer_one (text, 3, LEDE_REVIEW_ACCEPT);
  g_autofree char *none = lede_review_dup_answer_one (text, 4, LEDE_REVIEW_ACCEPT);

  g_assert_cmpstr (accepted, ==, "The ferry finally docked at  Wednesday in Kirkwall.");
  g_assert_cmpstr (rejected, ==, "The ferry docked at nine Tuesday in Kirkwall.");
  g_assert_true (g_str_has_prefix (first, "The ferry finally docked at {--nine--}" SIGN_AMA));
  g_assert_nonnull (strstr (third, SIGN_AMA " Tuesday in {==Kirkwall==}"));
  g_assert_true (g_str_has_suffix (comment, SIGN_AMA " in Kirkwall."));
  g_assert_null (none);
}

static void
test_by_author (void)
{
  const char *text = "{++One ++}" SIGN_AMA "{++two ++}{>>@Ben Ruiz|2026-12-04T12:00Z<<}"
                     "three{>>@Ama Osei|2026-12-04T12:05Z: Why three?<<}";
  g_autofree char *ama = lede_review_dup_answer_by (text, "Ama Osei", LEDE_REVIEW_REJECT);

  /* Her suggestion goes; Ben's stays, and so does her comment. */
  g_assert_cmpstr (ama, ==, "{++two ++}{>>@Ben Ruiz|2026-12-04T12:00Z<<}"
                            "three{>>@Ama Osei|2026-12-04T12:05Z: Why three?<<}");
}

/* Code is code: nothing in a span, a fenced or an indented block is a mark. */
static void
test_never_in_code (void)
{
  const char *text = "Type `{++x++}` to insert, ``a {--b--} ` c`` too.\n\n"
                     "```\n{~~a~>b~~}\n```\n\n"
                     "    {>>an indented comment<<}\n\n"
                     "- a list\n\n  ```\n  {++in a list's fence++}\n  ```\n\n"
                     "But {++this++} is one.";
  g_autoptr (GPtrArray) marks = lede_review_scan (text);

  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (mark_at (marks, 0)->new_text, ==, "this");
  g_assert_null (mark_at (marks, 0)->author);
}

/* A mark never spans a blank line, and one not closed is text. */
static void
test_unclosed (void)
{
  const char *texts[] = {
    "{++opened\n\nclosed++}",
    "{++opened\n  \t\nclosed++}",
    "{--never closed",
    "{~~no arrow~~}",
    "{+ +} {- -} {~ ~} { ++}",
    "`{++in a span that never closes++}` is fine but ` alone {++x",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GPtrArray) marks = lede_review_scan (texts[i]);
      g_autofree char *accepted = lede_review_dup_accepted (texts[i]);

      if (i == 5)
        {
          /* The first span closes; "{++x" after the lone backtick does not. */
          g_assert_cmpuint (marks->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (marks->len, ==, 0);
      g_assert_cmpstr (accepted, ==, texts[i]);
    }
  g_assert_false (lede_review_may_have_marks ("Nothing {here} to see."));
  g_assert_true (lede_review_may_have_marks ("{==x==}"));

  /* One line ending inside a mark is fine. */
  {
    g_autoptr (GPtrArray) marks = lede_review_scan ("{++two\nlines++}");
    g_assert_cmpuint (marks->len, ==, 1);
  }
}

/* An edit across paragraphs is a mark a paragraph, answered together. */
static void
test_across_paragraphs (void)
{
  const char *text = "First {--end of one--}" SIGN_AMA "\n\n{--Start of two--}" SIGN_AMA " rest.\n\n"
                     "Later {--alone--}" SIGN_AMA ".";
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *one = lede_review_dup_answer_one (text, 1, LEDE_REVIEW_ACCEPT);

  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpuint (mark_at (marks, 1)->group, ==, 0);
  g_assert_cmpuint (mark_at (marks, 2)->group, ==, 2);
  g_assert_cmpstr (one, ==, "First \n\n rest.\n\nLater {--alone--}" SIGN_AMA ".");
}

static void
test_places (void)
{
  const char *text = "Ab {++cd++}" SIGN_AMA " ef {--gh--} ij";
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autoptr (GArray) places = NULL;
  g_autofree char *accepted = lede_review_dup_answered (text, marks, LEDE_REVIEW_ACCEPT, NULL, NULL, &places);

  g_assert_cmpstr (accepted, ==, "Ab cd ef  ij");
  g_assert_cmpuint (places->len, ==, 2);
  g_assert_cmpuint (g_array_index (places, gsize, 0), ==, 3);
  g_assert_cmpuint (g_array_index (places, gsize, 1), ==, 9);
}

static void
test_signature (void)
{
  g_autoptr (GDateTime) when = g_date_time_new_utc (2026, 12, 4, 10, 0, 42);
  g_autofree char *plain = lede_review_dup_signature ("Ama Osei", when, NULL);
  g_autofree char *odd = lede_review_dup_signature ("A|b:c", when, "Line one\nand <<} two");
  g_autofree char *text = g_strconcat ("{++x++}", plain, odd, NULL);
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  LedeReviewNote *note;

  g_assert_cmpstr (plain, ==, SIGN_AMA);
  g_assert_cmpstr (odd, ==, "{>>@A b c|2026-12-04T10:00Z: Line one and << } two<<}");
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpstr (mark_at (marks, 0)->author, ==, "Ama Osei");
  note = g_ptr_array_index (mark_at (marks, 1)->notes, 0);
  g_assert_cmpstr (note->author, ==, "A b c");
  g_assert_cmpstr (note->text, ==, "Line one and << } two");
}

/* A note not in Lede's form is words by nobody in particular. */
static void
test_foreign_notes (void)
{
  g_autoptr (GPtrArray) marks = lede_review_scan ("{==x==}{>>Is this right?<<} {>>@Kim: yes<<}");
  LedeReviewNote *note;

  g_assert_cmpuint (marks->len, ==, 2);
  note = g_ptr_array_index (mark_at (marks, 0)->notes, 0);
  g_assert_null (note->author);
  g_assert_cmpstr (note->text, ==, "Is this right?");
  note = g_ptr_array_index (mark_at (marks, 1)->notes, 0);
  g_assert_cmpstr (note->author, ==, "Kim");
  g_assert_null (note->time);
  g_assert_cmpstr (note->text, ==, "yes");
}

/* Many openers that never close are read once, whatever their number. */
static void
test_many_unclosed (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr (GPtrArray) marks = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "{++ {-- {~~ {>> {== ` ");
  marks = lede_review_scan (text->str);
  g_assert_cmpuint (marks->len, ==, 0);
  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/review/kinds", test_kinds);
  g_test_add_func ("/lede/review/answers", test_answers);
  g_test_add_func ("/lede/review/by-author", test_by_author);
  g_test_add_func ("/lede/review/never-in-code", test_never_in_code);
  g_test_add_func ("/lede/review/unclosed", test_unclosed);
  g_test_add_func ("/lede/review/across-paragraphs", test_across_paragraphs);
  g_test_add_func ("/lede/review/places", test_places);
  g_test_add_func ("/lede/review/signature", test_signature);
  g_test_add_func ("/lede/review/foreign-notes", test_foreign_notes);
  g_test_add_func ("/lede/review/many-unclosed", test_many_unclosed);
  return g_test_run ();
}
