/* test-gate.c: every way out of Lede asks the gate, and every copy of an
 * embargoed story carries its mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lede-enums.h"
#include "lede-export-batch.h"
#include "lede-gate.h"
#include "lede-markdown.h"
#include "lede-page.h"
#include "lede-test-export.h"
#include "lede-test-library-fixture.h"

/* A wire story under embargo until tomorrow, with a placeholder left in. */
static LedeArticle *
embargoed_story (Fixture *f)
{
  LedeArticle *article = lede_article_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);

  lede_article_set_headline (article, "Ferry operator to cut winter sailings");
  lede_article_set_standfirst (article, "The island timetable loses two crossings a day from January.");
  lede_article_set_body (article, "The operator told councillors on Tuesday that TK crossings would go.\n\n"
                                  "A spokeswoman said the **winter** timetable was under review.\n");
  lede_article_set_embargo (article, tomorrow);
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  return article;
}

/* Every format export writes, from the enum itself: a format added to
 * Lede is tested here without being named. */
static GArray *
every_format (void)
{
  GArray *formats = g_array_new (FALSE, FALSE, sizeof (LedeExportFormat));
  g_autoptr (GEnumClass) klass = g_type_class_ref (LEDE_TYPE_EXPORT_FORMAT);

  for (guint i = 0; i < klass->n_values; i++)
    {
      LedeExportFormat format = klass->values[i].value, parsed;

      g_assert_true (lede_export_format_from_string (lede_export_format_to_string (format), &parsed));
      g_assert_cmpint (parsed, ==, format);
      g_array_append_val (formats, format);
    }
  g_assert_cmpuint (formats->len, >=, 5);
  return formats;
}

/* The mark @bytes carries in @format, or NULL. */
static char *
text_of (GBytes           *bytes,
         LedeExportFormat  format)
{
  gsize length;

  if (format == LEDE_EXPORT_FORMAT_DOCX)
    return lede_test_docx_part (bytes, "word/document.xml", &length);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The gate holds an embargoed story (and one with a placeholder) back,
 * says why, and lets it out only when the writer says so; then every
 * format carries the embargo line, and none the preview's data-sourcepos. */
static void
test_every_format_is_marked (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (LedeArticle) article = embargoed_story (f);
  g_autoptr (GArray) formats = every_format ();
  g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  g_autofree char *reasons = lede_verdict_dup_reasons (verdict);
  g_autofree char *line = lede_verdict_dup_embargo_line (verdict);

  g_assert_true (lede_verdict_is_blocked (verdict));
  g_assert_false (lede_verdict_may_leave (verdict));
  g_assert_nonnull (strstr (reasons, "TK"));
  g_assert_nonnull (strstr (reasons, "embargo"));
  g_assert_true (g_str_has_prefix (line, "EMBARGOED UNTIL "));

  /* A writer refuses a verdict that does not let the story out. */
  g_test_expect_message ("lede-export", G_LOG_LEVEL_CRITICAL, "*lede_verdict_may_leave*");
  g_assert_null (lede_export_story (verdict, LEDE_EXPORT_FORMAT_HTML));
  g_test_assert_expected_messages ();

  lede_verdict_allow (verdict);
  for (guint i = 0; i < formats->len; i++)
    {
      LedeExportFormat format = g_array_index (formats, LedeExportFormat, i);
      g_autoptr (GBytes) bytes = lede_export_story (verdict, format);
      g_autofree char *text = text_of (bytes, format);

      g_test_message ("%s", lede_export_format_to_string (format));
      if (format == LEDE_EXPORT_FORMAT_MARKDOWN)
        {
          /* A site generator's way to hold a page back. */
          g_assert_nonnull (strstr (text, "\nembargo: "));
          g_assert_nonnull (strstr (text, "\ndraft: true\n"));
        }
      else if (format == LEDE_EXPORT_FORMAT_NINJS)
        g_assert_nonnull (strstr (text, "\"embargoed\""));
      else
        g_assert_nonnull (strstr (text, line));
      if (format == LEDE_EXPORT_FORMAT_FRAGMENT)
        g_assert_true (g_str_has_prefix (text, "<p class=\"embargo-banner\" role=\"note\">EMBARGOED UNTIL "));
      g_assert_null (strstr (text, "data-sourcepos"));
    }
}

/* Once the embargo has lifted, the same story leaves with no mark. */
static void
test_lifted_embargo_carries_no_mark (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (LedeArticle) article = embargoed_story (f);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr (LedeVerdict) verdict = NULL;
  g_autoptr (GBytes) page = NULL;

  lede_article_set_body (article, "The operator told councillors that four crossings would go.\n");
  verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, later);
  g_assert_true (lede_verdict_may_leave (verdict));
  g_assert_null (lede_verdict_get_embargo_mark (verdict));
  page = lede_export_story (verdict, LEDE_EXPORT_FORMAT_HTML);
  g_assert_null (strstr (g_bytes_get_data (page, NULL), "EMBARGOED"));
}

/* Every way out asks the same gate: a batch leaves a held-back story out
 * and names why, unless allowed; the clipboard and print are asked the
 * same question and get the same marks. */
static void
test_every_way_out (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedeArticle) article = embargoed_story (f);
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autofree char *dir = lede_test_tmpdir ();
  g_autoptr (LedeExportBatch) batch = NULL;
  GError *failure;

  g_ptr_array_add (one, article);
  batch = lede_export_batch_new (f->library, one, LEDE_EXPORT_FORMAT_HTML, dir, LEDE_EXPORT_FLAGS_NONE, NULL);
  g_assert_true (lede_export_batch_run (batch, NULL, NULL));
  g_assert_cmpuint (lede_export_batch_get_written (batch), ==, 0);
  failure = g_ptr_array_index (lede_export_batch_get_failures (batch), 0);
  g_assert_error (failure, LEDE_EXPORT_ERROR, LEDE_EXPORT_ERROR_BLOCKED);
  g_clear_object (&batch);

  batch = lede_export_batch_new (f->library, one, LEDE_EXPORT_FORMAT_HTML, dir, LEDE_EXPORT_FLAGS_NONE, NULL);
  lede_export_batch_allow (batch, 0, TRUE);
  g_assert_true (lede_export_batch_run (batch, NULL, NULL));
  g_assert_cmpuint (lede_export_batch_get_written (batch), ==, 1);
  {
    g_autofree char *page = NULL;

    g_assert_true (g_file_get_contents (g_ptr_array_index (lede_export_batch_get_paths (batch), 0), &page, NULL, NULL));
    g_assert_nonnull (strstr (page, "EMBARGOED UNTIL "));
    g_unlink (g_ptr_array_index (lede_export_batch_get_paths (batch), 0));
  }

  for (LedeWayOut way_out = LEDE_WAY_OUT_EXPORT; way_out <= LEDE_WAY_OUT_PRINT; way_out++)
    {
      g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, way_out, NULL);

      g_assert_cmpint (lede_verdict_get_way_out (verdict), ==, way_out);
      g_assert_false (lede_verdict_may_leave (verdict));
      g_assert_nonnull (lede_verdict_get_embargo_mark (verdict));
    }
  /* A site holds an embargoed story back itself (scheduled for the lift):
   * the embargo does not bar publishing (the placeholder still does), and
   * the mark says until when. */
  {
    g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_PUBLISH, NULL);
    g_autofree char *reasons = lede_verdict_dup_reasons (verdict);

    g_assert_false (lede_verdict_may_leave (verdict));
    g_assert_nonnull (strstr (reasons, "TK"));
    g_assert_null (strstr (reasons, "mbargo"));
    g_assert_nonnull (lede_verdict_get_embargo_mark (verdict));
    g_assert_cmpstr (lede_way_out_to_string (LEDE_WAY_OUT_PUBLISH), ==, "publish");
  }

  /* The preview (and so print) shows the page export writes: the banner
   * and the corrections note. */
  {
    g_autofree char *preview = lede_page_render (article, "", NULL, LEDE_PAGE_PREVIEW);

    g_assert_nonnull (strstr (preview, "<p class=\"embargo-banner\" role=\"note\">EMBARGOED UNTIL "));
    g_assert_nonnull (strstr (preview, "<div class=\"corrections-note\">"));
  }
  lede_test_rmdir (dir);
}

/* Exports @article to HTML through a batch, as lede-cli does, answering
 * the correction question with @answer ("dismiss", a note, or NULL for no
 * answer), and records what went out. Returns how many were written. */
static guint
export_once (Fixture     *f,
             LedeArticle *article,
             const char  *answer)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autofree char *dir = lede_test_tmpdir ();
  g_autoptr (LedeExportBatch) batch = NULL;
  LedeVerdict *verdict;
  guint written;

  g_ptr_array_add (one, article);
  batch = lede_export_batch_new (f->library, one, LEDE_EXPORT_FORMAT_HTML, dir, LEDE_EXPORT_FLAGS_FORCE, NULL);
  verdict = lede_export_batch_get_verdict (batch, 0);
  if (answer != NULL && g_str_equal (answer, "dismiss"))
    lede_verdict_dismiss_correction (verdict);
  else if (answer != NULL)
    lede_verdict_answer_correction (verdict, LEDE_CORRECTION_CORRECTION, answer);
  g_assert_true (lede_export_batch_run (batch, NULL, NULL));
  g_assert_true (lede_export_batch_record (batch, f->library, NULL));
  written = lede_export_batch_get_written (batch);
  for (guint i = 0; i < lede_export_batch_get_paths (batch)->len; i++)
    {
      g_autofree char *page = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (lede_export_batch_get_paths (batch), i), &page, NULL, NULL));
      if (answer != NULL && !g_str_equal (answer, "dismiss"))
        g_assert_nonnull (strstr (page, answer));
      g_unlink (g_ptr_array_index (lede_export_batch_get_paths (batch), i));
    }
  lede_test_rmdir (dir);
  return written;
}

/* A published story changed (as readers see it) since it last went out
 * waits for an answer, which no "anyway" skips: a correction goes out with
 * it and into its log; "not a change readers need" logs nothing; a change
 * readers do not see (a tag) and a printed copy ask nothing. */
static void
test_corrections_cannot_be_skipped (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GPtrArray) log = NULL;
  g_autofree char *last_out = NULL;

  lede_article_set_headline (article, "Quarry expansion approved");
  lede_article_set_byline (article, "Ifan Rowe");
  lede_article_set_body (article, "Five million tonnes will be dug over ten years, the council said.\n");
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (lede_library_create_article (f->library, article, NULL));
  g_assert_cmpuint (export_once (f, article, NULL), ==, 1);
  g_assert_true (lede_library_get_went_out (f->library, lede_article_get_id (article), &last_out, NULL, NULL));
  g_assert_nonnull (strstr (last_out, "Five million tonnes"));

  /* The same words again: nothing to ask. */
  g_assert_cmpuint (export_once (f, article, NULL), ==, 1);

  /* A fact changed: held back, even forced, until answered. */
  lede_article_set_body (article, "5.2 million tonnes will be dug over ten years, the council said.\n");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  {
    g_autoptr (LedeVerdict) verdict = lede_gate_ask (article, NULL, NULL, last_out, LEDE_WAY_OUT_CLIPBOARD, NULL);
    g_autofree char *reasons = lede_verdict_dup_reasons (verdict);

    g_assert_true (lede_verdict_asks_correction (verdict));
    lede_verdict_allow (verdict);
    g_assert_false (lede_verdict_may_leave (verdict));
    g_assert_nonnull (strstr (reasons, "changed since it last went out"));
    g_clear_pointer (&verdict, lede_verdict_unref);

    verdict = lede_gate_ask (article, NULL, NULL, last_out, LEDE_WAY_OUT_PRINT, NULL);
    g_assert_false (lede_verdict_asks_correction (verdict));
  }
  g_assert_cmpuint (export_once (f, article, NULL), ==, 0);
  g_assert_cmpuint (export_once (f, article, "The tonnage was 5.2 million, not five million."), ==, 1);
  log = lede_library_list_corrections (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((LedeCorrection *)g_ptr_array_index (log, 0))->note, ==, "The tonnage was 5.2 million, not five million.");

  /* Answered, it went out: the next export asks nothing. */
  g_assert_cmpuint (export_once (f, article, NULL), ==, 1);

  /* A typo fixed: dismissed, nothing logged. */
  lede_article_set_body (article, "5.2 million tonnes will be dug over ten years, the council says.\n");
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_cmpuint (export_once (f, article, "dismiss"), ==, 1);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = lede_library_list_corrections (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (log->len, ==, 1);

  /* A tag is no change readers see. */
  lede_article_set_tags (article, (const char * const[]) { "Quarries", NULL });
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_cmpuint (export_once (f, article, NULL), ==, 1);

  /* Told readers already (the window's own question, Add Correction…)
   * since it last went out: not asked, not logged twice. */
  lede_article_set_body (article, "5.4 million tonnes will be dug over ten years, the council says.\n");
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) later = g_date_time_add_seconds (now, 2);
    g_autoptr (LedeCorrection) noted = lede_correction_new (later, LEDE_CORRECTION_UPDATE, "The tonnage was revised again.");

    lede_article_add_correction (article, noted);
  }
  g_assert_true (lede_library_update_article (f->library, article, NULL));
  g_assert_cmpuint (export_once (f, article, NULL), ==, 1);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = lede_library_list_corrections (f->library, lede_article_get_id (article), NULL);
  g_assert_cmpuint (log->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/lede/gate/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-format-is-marked", test_every_format_is_marked);
  ADD ("lifted-embargo-carries-no-mark", test_lifted_embargo_carries_no_mark);
  ADD ("every-way-out", test_every_way_out);
  ADD ("corrections-cannot-be-skipped", test_corrections_cannot_be_skipped);
#undef ADD
  return g_test_run ();
}
