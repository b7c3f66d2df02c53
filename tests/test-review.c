/* test-review.c: an editor's pass in CriticMarkup — suggestions and
 * comments found (never in code, never across a blank line), who and when
 * read from Lede's one form, and each answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-counts.h"
#include "lede-export.h"
#include "lede-gate.h"
#include "lede-markdown.h"
#include "lede-review.h"
#include "lede-review-view.h"
#include "lede-test-library-fixture.h"

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

/* Code inside a mark is its words; an escaped opener is text. */
static void
test_code_inside_and_escapes (void)
{
  const char *text = "Run {++the `lede` command ++}" SIGN_AMA "or {~~`old`~>`new`~~} today; "
                     "a literal \\{++brace++} stays, \\\\{++this++} does not.";
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *accepted = lede_review_dup_accepted (text);

  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpstr (mark_at (marks, 0)->new_text, ==, "the `lede` command ");
  g_assert_cmpstr (mark_at (marks, 1)->old_text, ==, "`old`");
  g_assert_cmpstr (mark_at (marks, 1)->new_text, ==, "`new`");
  g_assert_cmpstr (mark_at (marks, 2)->new_text, ==, "this");
  g_assert_cmpstr (accepted, ==, "Run the `lede` command or `new` today; a literal \\{++brace++} stays, \\\\this does not.");
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

static guint
count_kind (GPtrArray     *findings,
            LedeCheckKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((LedeFinding *)g_ptr_array_index (findings, i))->kind == kind;
  return n;
}

/* A story under review, by two fictional subeditors. */
static LedeArticle *
story_in_review (void)
{
  LedeArticle *article = lede_article_new ();

  lede_article_set_headline (article, "Harbour {~~wall~>sea wall~~}" SIGN_AMA " to be rebuilt");
  lede_article_set_byline (article, "Nia Brennan");
  lede_article_set_body (article, "The council voted {--TK--}" SIGN_AMA " on Monday to rebuild the harbour wall.\n\n"
                                  "Work starts in {++XX ++}" SIGN_AMA "March, the harbourmaster said.\n\n"
                                  "It will cost {==£4m==}{>>@Ben Ruiz|2026-12-04T11:30Z: Source?<<}, "
                                  "the council said.\n");
  return article;
}

/* The checks read the story as it would be with every suggestion taken,
 * and each open suggestion or comment is a blocking finding in its place. */
static void
test_checks (void)
{
  g_autoptr (LedeArticle) article = story_in_review ();
  g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);
  g_autoptr (GPtrArray) findings = lede_checks_run (story, now);
  LedeCounts counts;
  gboolean saw_deletion = FALSE, saw_comment = FALSE;

  g_assert_cmpstr (story->headline, ==, "Harbour sea wall to be rebuilt");
  g_assert_null (strstr (story->body, "{"));
  g_assert_cmpuint (count_kind (findings, LEDE_CHECK_REVIEW), ==, 4);
  /* TK is suggested away; XX is suggested in. */
  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == LEDE_CHECK_PLACEHOLDER)
        g_assert_cmpstr (finding->text, ==, "XX");
      if (finding->kind != LEDE_CHECK_REVIEW)
        continue;
      g_assert_cmpint (finding->severity, ==, LEDE_SEVERITY_BLOCKING);
      if (finding->field == LEDE_FIELD_BODY && g_str_equal (finding->text, "TK"))
        {
          saw_deletion = TRUE;
          g_assert_cmpuint (finding->graf, ==, 1);
          g_assert_nonnull (strstr (finding->message, "Ama Osei"));
        }
      if (g_str_equal (finding->text, "£4m"))
        {
          saw_comment = TRUE;
          g_assert_cmpuint (finding->graf, ==, 3);
          g_assert_cmpuint (finding->offset, ==, g_utf8_strlen (story->body, strstr (story->body, "£4m") - story->body));
          g_assert_nonnull (strstr (finding->message, "Ben Ruiz"));
        }
    }
  g_assert_true (saw_deletion);
  g_assert_true (saw_comment);
  g_assert_cmpuint (count_kind (findings, LEDE_CHECK_PLACEHOLDER), ==, 1);

  /* The counts are of the same text: "XX" counted, "TK" and the notes not. */
  lede_counts_compute (lede_article_get_headline (article), lede_article_get_body (article), &counts);
  g_assert_cmpuint (counts.words, ==, 25);
  g_assert_cmpuint (counts.headline_length, ==, strlen ("Harbour sea wall to be rebuilt"));
}

/* Nothing unresolved reaches readers: the gate blocks every way out but a
 * copy for review; forced out, the story leaves as before the pass. */
static void
test_gate (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedeArticle) article = story_in_review ();
  g_autoptr (LedeVerdict) verdict = NULL;
  g_autoptr (LedeVerdict) review = NULL;
  g_autoptr (GBytes) forced = NULL;
  g_autoptr (GBytes) kept = NULL;
  g_autoptr (GBytes) page = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *reader_text = NULL;
  const char *text;

  /* Without its placeholder, only the pass holds it back. */
  lede_article_set_body (article, "The council voted {--today--}" SIGN_AMA " on Monday.\n\n"
                                  "It will cost {==£4m==}{>>@Ben Ruiz|2026-12-04T11:30Z: Source?<<}, officials said.\n");
  g_assert_true (lede_library_create_article (f->library, article, NULL));

  verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  g_assert_false (lede_verdict_may_leave (verdict));
  reasons = lede_verdict_dup_reasons (verdict);
  g_assert_nonnull (strstr (reasons, "Ama Osei suggested"));
  lede_verdict_allow (verdict);
  forced = lede_export_story (verdict, LEDE_EXPORT_FORMAT_MARKDOWN);
  text = g_bytes_get_data (forced, NULL);
  g_assert_nonnull (strstr (text, "\ntitle: \"Harbour wall to be rebuilt\"\n"));
  /* The slug was made from the headline as it reads, suggestion taken. */
  g_assert_nonnull (strstr (text, "\nslug: \"harbour-sea-wall-to-be-rebuilt\"\n"));
  g_assert_nonnull (strstr (text, "\nThe council voted today on Monday.\n\nIt will cost £4m, officials said.\n"));
  g_assert_null (strstr (text, "{"));
  page = lede_export_story (verdict, LEDE_EXPORT_FORMAT_HTML);
  g_assert_null (strstr (g_bytes_get_data (page, NULL), "Ama Osei"));
  reader_text = g_strdup (lede_verdict_get_reader_text (verdict));
  g_assert_null (strstr (reader_text, "{"));

  /* For the next editor, the pass stays, and nothing went out to readers. */
  review = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_REVIEW, NULL);
  g_assert_true (lede_verdict_may_leave (review));
  kept = lede_export_story (review, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (g_bytes_get_data (kept, NULL), lede_article_get_body (article)));
  g_assert_true (lede_verdict_record_went_out (review, f->library, NULL));
  {
    g_autofree char *went_out = NULL;

    g_assert_true (lede_library_get_went_out (f->library, lede_article_get_id (article), &went_out, NULL, NULL));
    g_assert_null (went_out);
  }
  g_test_expect_message ("lede-export", G_LOG_LEVEL_CRITICAL, "*LEDE_WAY_OUT_REVIEW*");
  g_assert_null (lede_export_story (review, LEDE_EXPORT_FORMAT_HTML));
  g_test_assert_expected_messages ();
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* lede-cli: review lists, accept/reject/resolve answer (a revision kept
 * first), export holds an open pass back unless --keep-review, whose file
 * imports into a fresh library with the pass byte for byte. */
static void
test_cli (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *file = g_build_filename (out_dir, "harbour-sea-wall-to-be-rebuilt.md", NULL);
  g_autofree char *uuid = NULL, *body = NULL, *out = NULL, *err = NULL, *exported = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *marks;

  g_mkdir (out_dir, 0755);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = story_in_review ();

    lede_article_set_body (article, "The council voted {--today--}" SIGN_AMA " on Monday.\n\n"
                                    "It will cost {==£4m==}{>>@Ben Ruiz|2026-12-04T11:30Z: Source?<<}"
                                    "{>>@Nia Brennan|2026-12-04T11:40Z: The budget paper.<<}, officials said.\n");
    g_assert_true (lede_library_create_article (library, article, NULL));
    uuid = g_strdup (lede_article_get_uuid (article));
    body = g_strdup (lede_article_get_body (article));
  }

  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "review", uuid, "--json", NULL }, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  marks = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (marks), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (marks, 0), "kind"), ==, "substitution");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (marks, 1), "old"), ==, "today");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (marks, 2), "notes")), ==, 2);

  /* Held back; --keep-review is for Markdown only; kept, it reads back the same. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out_dir, uuid, NULL }, NULL, NULL), ==, 3);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "html", "--keep-review", "--out", out_dir, uuid, NULL }, NULL, NULL), ==, 1);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--keep-review", "--out", out_dir, uuid, NULL }, NULL, NULL), ==, 0);
  exported = read_file (out_dir, "harbour-sea-wall-to-be-rebuilt.md");
  g_assert_true (g_str_has_suffix (exported, body));
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", fresh, "import", file, NULL }, NULL, NULL), ==, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (fresh, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuid, NULL);

    g_assert_cmpstr (lede_article_get_body (article), ==, body);
    g_assert_cmpstr (lede_article_get_headline (article), ==, "Harbour {~~wall~>sea wall~~}" SIGN_AMA " to be rebuilt");
  }

  /* Answers: a comment is not a suggestion; one by number; the rest all. */
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "accept", uuid, "3", NULL }, NULL, &err), ==, 3);
  g_assert_nonnull (strstr (err, "no suggestion 3"));
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "accept", uuid, "1", NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "reject", uuid, "--all", NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "resolve", uuid, "--all", NULL }, NULL, NULL), ==, 0);
  {
    g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
    g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuid, NULL);
    g_autoptr (GPtrArray) revisions = lede_library_list_revisions (library, lede_article_get_id (article), NULL);

    g_assert_cmpstr (lede_article_get_headline (article), ==, "Harbour sea wall to be rebuilt");
    g_assert_cmpstr (lede_article_get_body (article), ==, "The council voted today on Monday.\n\nIt will cost £4m, officials said.\n");
    g_assert_cmpuint (revisions->len, >=, 1);
  }
  g_assert_cmpint (lede_test_run_cli ((const char *[]) { "--library", path, "export", "--format", "md", "--out", out_dir, "--overwrite", uuid, NULL }, NULL, NULL), ==, 0);
  lede_test_rmdir (dir);
}

/* The marked view: the story's renderer with the changes as tags, line
 * breaks where they were; a note's words shown as written; nothing in an
 * attribute; the story's own look-alikes of the placeholders harmless. */
static void
test_marked_view (void)
{
  const char *text = "A {++new++}" SIGN_AMA " pier {--old--}" SIGN_AMA "\nand {~~slow~>fast~~}" SIGN_AMA
                     " {==boats==}{>>@Ama Osei|2026-12-04T10:00Z: *really* <b>?<<}{>>@Ben|2026-12-04T11:00Z: yes<<}.\n\n"
                     "![a {++photo++}" SIGN_AMA "](x.png) `{++code++}` \xee\x80\x81 end\n";
  g_autofree char *source = lede_review_dup_marked_source (text);
  g_autofree char *rendered = lede_markdown_to_html (source, -1);
  g_autofree char *html = lede_review_dup_marked_html (rendered);
  g_autofree char *line = lede_review_dup_marked_line ("Pier {--shut--}" SIGN_AMA "{++open++}" SIGN_AMA " <now>");
  g_autofree char *plain = lede_review_dup_marked_line ("No marks & all");

  g_assert_nonnull (strstr (html, "A <ins class=\"lede-added\">new</ins> pier <del class=\"lede-deleted\">old</del>\n"
                                  "and <del class=\"lede-deleted\">slow</del><ins class=\"lede-added\">fast</ins> "
                                  "<mark class=\"lede-commented\">boats</mark>"
                                  "<span class=\"lede-note\" role=\"note\">Ama Osei: *really* &lt;b&gt;?</span>"
                                  "<span class=\"lede-note\" role=\"note\">Ben: yes</span>."));
  g_assert_null (strstr (html, "{++new"));
  g_assert_null (strstr (html, "Ama Osei|"));
  /* Code is never markup; a picture's description holds no tag. */
  g_assert_nonnull (strstr (html, "<code>{++code++}</code>"));
  g_assert_nonnull (strstr (html, "alt=\"a photo\""));
  g_assert_nonnull (strstr (html, "\xef\xbf\xbd end"));
  {
    g_auto (GStrv) source_lines = g_strsplit (source, "\n", -1);
    g_auto (GStrv) text_lines = g_strsplit (text, "\n", -1);

    g_assert_cmpuint (g_strv_length (source_lines), ==, g_strv_length (text_lines));
  }

  g_assert_cmpstr (line, ==, "Pier <del class=\"lede-deleted\">shut</del><ins class=\"lede-added\">open</ins> &lt;now&gt;");
  g_assert_cmpstr (plain, ==, "No marks &amp; all");
}

/* A finding's place in the accepted text, found in the text with marks. */
static void
test_raw_offset (void)
{
  const char *text = "A {++new++}" SIGN_AMA " pier {--old--}" SIGN_AMA " and {~~slow~>fast~~}" SIGN_AMA
                     " {==boats==}{>>@Ben|2026-12-04T11:00Z: yes<<} end";
  g_autofree char *accepted = lede_review_dup_accepted (text);
  const char *words[] = { "A ", "new", "pier", "and", "fast", "boats", "end" };

  g_assert_cmpstr (accepted, ==, "A new pier  and fast boats end");
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize at = lede_review_raw_offset (text, strstr (accepted, words[i]) - accepted);

      g_assert_true (strncmp (text + at, words[i], strlen (words[i])) == 0);
    }
  g_assert_cmpuint (lede_review_raw_offset ("No marks", 3), ==, 3);
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
  g_test_add_func ("/lede/review/code-inside-and-escapes", test_code_inside_and_escapes);
  g_test_add_func ("/lede/review/across-paragraphs", test_across_paragraphs);
  g_test_add_func ("/lede/review/places", test_places);
  g_test_add_func ("/lede/review/signature", test_signature);
  g_test_add_func ("/lede/review/foreign-notes", test_foreign_notes);
  g_test_add_func ("/lede/review/many-unclosed", test_many_unclosed);
  g_test_add_func ("/lede/review/checks", test_checks);
  g_test_add_func ("/lede/review/marked-view", test_marked_view);
  g_test_add_func ("/lede/review/raw-offset", test_raw_offset);
  g_test_add ("/lede/review/gate", Fixture, NULL, fixture_setup, test_gate, fixture_teardown);
  g_test_add_func ("/lede/review/cli", test_cli);
  return g_test_run ();
}
