/* lede-command-export.c: the commands that judge and send stories out:
 * export (through the gate, a batch) and check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-command-private.h"
#include "lede-export-batch.h"
#include "lede-gate.h"

/* The stories export and check work on: by uuid, or the sidebar's filter
 * (--all is no filter) without the spiked ones unless asked. A uuid the
 * library lacks is said on @err and counted in @failed. */
static GPtrArray *
select_articles (LedeCommand        *self,
                 LedeLibrary        *library,
                 char              **uuids,
                 LedeArticleStatus   status,
                 GString            *err,
                 guint              *failed)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *articles = NULL;

  if (uuids[0])
    {
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; uuids[i]; i++)
        {
          g_autoptr (GError) local_error = NULL;
          LedeArticle *article = lede_library_get_article_by_uuid (library, uuids[i], &local_error);

          if (article == NULL)
            {
              g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuids[i], local_error->message);
              (*failed)++;
              continue;
            }
          g_ptr_array_add (articles, article);
        }
    }
  else
    {
      /* The same filter as the sidebar's; --all is no filter. */
      g_autoptr (GArray) ids = lede_library_list_ids_filtered (library, FALSE, self->only_status ? (int)status : -1,
                                                               self->only_tag, &error);

      if (ids == NULL || !(articles = lede_library_get_articles (library, ids, &error)))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          return NULL;
        }
      /* A spiked story goes out only when asked for (by uuid, --status
       * spiked or --include-spiked), never with the rest. */
      for (guint i = articles->len; !self->include_spiked && status != LEDE_ARTICLE_STATUS_SPIKED && i-- > 0;)
        if (lede_article_get_status (g_ptr_array_index (articles, i)) == LEDE_ARTICLE_STATUS_SPIKED)
          {
            g_string_append_printf (err, "lede-cli: left out “%s”: it is spiked (--include-spiked to export it)\n",
                                    lede_article_get_headline (g_ptr_array_index (articles, i)));
            g_ptr_array_remove_index (articles, i);
          }
    }

  return articles;
}

/* The checks' choice of stories is export's: one, or a filter. */
static int
check_usage (LedeCommand        *self,
             char              **uuids,
             LedeArticleStatus  *status,
             GString            *err)
{
  int choices = (self->export_all ? 1 : 0) + (self->only_status ? 1 : 0) + (self->only_tag ? 1 : 0) + (uuids[0] ? 1 : 0);

  if (choices != 1)
    {
      g_string_append_printf (err, "lede-cli: %s needs one of --all, --status S, --tag T or story uuids\n", self->name);
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->only_status && !lede_article_status_from_string (self->only_status, status))
    {
      g_string_append_printf (err, "lede-cli: unknown status “%s” (draft, in-progress, ready, published, spiked)\n", self->only_status);
      return LEDE_COMMAND_EXIT_USAGE;
    }
  return LEDE_COMMAND_EXIT_OK;
}

/* --correction KIND:NOTE, said on @err when it is not that. */
gboolean
_lede_command_parse_correction (const char          *text,
                                LedeCorrectionKind  *kind,
                                char               **note,
                                GString             *err)
{
  const char *colon = strchr (text, ':');
  g_autofree char *kind_name = colon ? g_strndup (text, colon - text) : NULL;
  g_autofree char *said = colon ? g_strstrip (g_strdup (colon + 1)) : NULL;

  if (kind_name == NULL || !lede_correction_kind_from_string (kind_name, kind) || *said == '\0')
    {
      g_string_append_printf (err, "lede-cli: --correction needs KIND:NOTE, KIND one of correction, "
                                   "clarification or update, and a note for readers\n");
      return FALSE;
    }
  *note = g_steal_pointer (&said);
  return TRUE;
}

int
_lede_command_export_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              char        **uuids,
                              GString      *out,
                              GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (LedeExportBatch) batch = NULL;
  GPtrArray *failures;
  LedeExportFormat format;
  LedeExportFlags flags = LEDE_EXPORT_FLAGS_NONE;
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;
  g_autofree char *note = NULL;
  guint written = 0, failed = 0;
  int code;

  if (!lede_export_format_from_string (self->format_name, &format))
    {
      g_string_append_printf (err, "lede-cli: export needs --format html, fragment, md, ninjs or docx\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->out_dir == NULL)
    {
      g_string_append_printf (err, "lede-cli: export needs --out DIR\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if ((code = check_usage (self, uuids, &status, err)) != LEDE_COMMAND_EXIT_OK)
    return code;
  if (!g_file_test (self->out_dir, G_FILE_TEST_IS_DIR))
    {
      g_string_append (err, "lede-cli: ");
      if (g_file_test (self->out_dir, G_FILE_TEST_EXISTS))
        g_string_append_printf (err, _("“%s” is not a folder"), self->out_dir);
      else
        g_string_append_printf (err, _("There is no folder “%s”: make it first"), self->out_dir);
      g_string_append_c (err, '\n');
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (self->overwrite)
    flags |= LEDE_EXPORT_FLAGS_OVERWRITE;
  if (self->jekyll_names)
    flags |= LEDE_EXPORT_FLAGS_JEKYLL_NAMES;
  if (self->force)
    flags |= LEDE_EXPORT_FLAGS_FORCE;
  if (self->keep_review && format != LEDE_EXPORT_FORMAT_MARKDOWN)
    {
      g_string_append_printf (err, "lede-cli: --keep-review needs --format md\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->keep_review)
    flags |= LEDE_EXPORT_FLAGS_KEEP_REVIEW;
  if (self->correction && self->no_correction)
    {
      g_string_append_printf (err, "lede-cli: --correction and --no-correction do not go together\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->correction && !_lede_command_parse_correction (self->correction, &kind, &note, err))
    return LEDE_COMMAND_EXIT_USAGE;

  if (!(articles = select_articles (self, library, uuids, status, err, &failed)))
    return LEDE_COMMAND_EXIT_FAILED;

  if (!(batch = lede_export_batch_new (library, articles, format, self->out_dir, flags, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  /* A published story changed since it went out leaves only with an answer. */
  for (guint i = 0; i < articles->len; i++)
    {
      LedeVerdict *verdict = lede_export_batch_get_verdict (batch, i);

      if (!lede_verdict_asks_correction (verdict))
        continue;
      if (self->no_correction)
        lede_verdict_dismiss_correction (verdict);
      else if (self->correction)
        lede_verdict_answer_correction (verdict, kind, note);
    }
  lede_export_batch_run (batch, NULL, NULL);
  failures = lede_export_batch_get_failures (batch);
  for (guint i = 0; i < failures->len; i++)
    {
      GError *failure = g_ptr_array_index (failures, i);

      if (!g_error_matches (failure, LEDE_EXPORT_ERROR, LEDE_EXPORT_ERROR_BLOCKED))
        g_string_append_printf (err, "lede-cli: %s\n", failure->message);
    }
  for (guint i = 0; i < articles->len; i++)
    {
      LedeVerdict *verdict = lede_export_batch_get_verdict (batch, i);
      g_autofree char *reasons = NULL;

      if (lede_export_batch_was_written (batch, i) || lede_verdict_may_leave (verdict))
        continue;
      reasons = lede_verdict_dup_reasons (verdict);
      g_strdelimit (reasons, "\n", ' ');
      g_string_append_printf (err, "lede-cli: “%s” was not exported. %s%s%s\n",
                              lede_article_get_headline (lede_verdict_get_article (verdict)), reasons,
                              lede_verdict_is_blocked (verdict) ? " (--force to export it anyway)" : "",
                              lede_verdict_asks_correction (verdict) ? " (--correction KIND:NOTE or --no-correction)" : "");
    }
  /* What went out is recorded where the library can be written. */
  if (!lede_library_is_read_only (library) && !lede_export_batch_record (batch, library, &error))
    g_string_append_printf (err, "lede-cli: %s\n", error->message);
  for (guint i = 0; !self->as_json && i < lede_export_batch_get_paths (batch)->len; i++)
    g_string_append_printf (out, "%s\n", (char *)g_ptr_array_index (lede_export_batch_get_paths (batch), i));
  written = lede_export_batch_get_written (batch);
  failed += failures->len;
  g_string_append_printf (err, "lede-cli: exported %u, failed %u\n", written, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

static void
add_finding_json (JsonBuilder *json,
                  LedeFinding *finding)
{
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "kind");
  json_builder_add_string_value (json, lede_check_kind_to_string (finding->kind));
  json_builder_set_member_name (json, "severity");
  json_builder_add_string_value (json, lede_severity_to_string (finding->severity));
  json_builder_set_member_name (json, "field");
  json_builder_add_string_value (json, lede_field_to_string (finding->field));
  json_builder_set_member_name (json, "graf");
  json_builder_add_int_value (json, finding->graf);
  json_builder_set_member_name (json, "line");
  json_builder_add_int_value (json, finding->line);
  json_builder_set_member_name (json, "offset");
  json_builder_add_int_value (json, finding->offset);
  json_builder_set_member_name (json, "length");
  json_builder_add_int_value (json, finding->length);
  json_builder_set_member_name (json, "text");
  json_builder_add_string_value (json, finding->text);
  json_builder_set_member_name (json, "message");
  json_builder_add_string_value (json, finding->message);
  if (finding->rule)
    {
      json_builder_set_member_name (json, "rule");
      json_builder_add_string_value (json, finding->rule);
    }
  if (finding->fix)
    {
      json_builder_set_member_name (json, "fix");
      json_builder_add_string_value (json, finding->fix);
    }
  json_builder_end_object (json);
}

/* The copy desk's checks on each story: what an export would refuse
 * (blocking) and what to look at; exit 4 when anything blocks. */
int
_lede_command_check_command (LedeCommand  *self,
                             LedeLibrary  *library,
                             char        **uuids,
                             GString      *out,
                             GString      *err)
{
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (LedeStyle) style = NULL;
  g_autoptr (GError) error = NULL;
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  guint failed = 0, blocked = 0;
  int code;

  if ((code = check_usage (self, uuids, &status, err)) != LEDE_COMMAND_EXIT_OK)
    return code;
  if (!(articles = select_articles (self, library, uuids, status, err, &failed)))
    return LEDE_COMMAND_EXIT_FAILED;
  if (!(style = lede_style_load (library, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (json);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autoptr (LedeCheckStory) story = lede_check_story_new (article, NULL, NULL);
      g_autoptr (GPtrArray) findings = NULL;
      g_autofree char *summary = NULL;
      g_auto (GStrv) baseline = lede_library_dup_quote_baseline (library, lede_article_get_id (article), NULL);
      const char *headline = lede_article_get_headline (article);

      lede_check_story_set_style (story, style);
      lede_check_story_set_quote_baseline (story, (const char * const *)baseline);
      findings = lede_checks_run (story, now);
      summary = lede_checks_dup_summary (findings);

      blocked += lede_checks_count (findings, LEDE_SEVERITY_BLOCKING) > 0;
      if (self->as_json)
        {
          json_builder_begin_object (json);
          json_builder_set_member_name (json, "uuid");
          json_builder_add_string_value (json, lede_article_get_uuid (article));
          json_builder_set_member_name (json, "headline");
          json_builder_add_string_value (json, headline);
          json_builder_set_member_name (json, "findings");
          json_builder_begin_array (json);
          for (guint f = 0; f < findings->len; f++)
            add_finding_json (json, g_ptr_array_index (findings, f));
          json_builder_end_array (json);
          json_builder_end_object (json);
          continue;
        }
      g_string_append_printf (out, "%s  %s: %s\n", lede_article_get_uuid (article), *headline ? headline : "(untitled)", summary);
      for (guint f = 0; f < findings->len; f++)
        {
          LedeFinding *finding = g_ptr_array_index (findings, f);
          g_autofree char *place = lede_finding_dup_place (finding);

          g_string_append_printf (out, "  %-8s %s: %s\n", lede_severity_to_string (finding->severity), place, finding->message);
        }
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  if (failed)
    return LEDE_COMMAND_EXIT_FAILED;
  return blocked ? LEDE_COMMAND_EXIT_BLOCKED : LEDE_COMMAND_EXIT_OK;
}
