/* lede-command-stories.c: the commands on stories and their history: list,
 * search, import, trash and restore, history, show-revision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lede-command-private.h"
#include "lede-export.h"
#include "lede-gate.h"
#include "lede-import.h"

/* A time for a script: ISO 8601 in UTC, or null when unset. */
static void
add_time_json (JsonBuilder *builder,
               const char  *name,
               GDateTime   *time)
{
  g_autofree char *text = _lede_command_format_time (time);

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

/* What a desk script wants of each story (issue 32): tags, embargo,
 * language, and who has it until when. */
static void
add_desk_json (JsonBuilder        *builder,
               LedeArticle        *article,
               const char * const *tags)
{
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags && tags[i]; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  add_time_json (builder, "embargo", lede_article_get_embargo (article));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, lede_article_get_language (article));
  add_time_json (builder, "deadline", lede_article_get_deadline (article));
  json_builder_set_member_name (builder, "assignee");
  json_builder_add_string_value (builder, lede_article_get_assignee (article));
  json_builder_set_member_name (builder, "editor");
  json_builder_add_string_value (builder, lede_article_get_editor (article));
  /* Each headline as it goes out: the web headline where none was written. */
  json_builder_set_member_name (builder, "headlines");
  json_builder_begin_object (builder);
  for (LedeHeadlineRole role = LEDE_HEADLINE_WEB; role <= LEDE_HEADLINE_SOCIAL; role++)
    {
      static const char * const names[] = { "web", "print", "seo", "social" };

      json_builder_set_member_name (builder, names[role]);
      json_builder_add_string_value (builder, lede_article_get_headline_for (article, role));
    }
  json_builder_end_object (builder);
}

/* One story as list --json gives it: @leads and @tags from
 * lede_library_list_lead_photos() and lede_library_list_stories_tags(). */
void
_lede_command_add_story_json (JsonBuilder *builder,
                              LedeLibrary *library,
                              LedeArticle *article,
                              GHashTable  *leads,
                              GHashTable  *tags)
{
  g_autofree char *updated = _lede_command_format_time (lede_article_get_updated (article));
  const LedePhoto *lead = g_hash_table_lookup (leads, &(gint64) { lede_article_get_id (article) });

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, lede_article_get_uuid (article));
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, lede_article_get_headline (article));
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, lede_article_get_slug (article));
  json_builder_set_member_name (builder, "byline");
  json_builder_add_string_value (builder, lede_article_get_byline (article));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, lede_article_status_to_string (lede_article_get_status (article)));
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);
  json_builder_set_member_name (builder, "lead_photo");
  if (lead != NULL)
    _lede_command_add_photo_json (builder, library, lead, -1);
  else
    json_builder_add_null_value (builder);
  add_desk_json (builder, article, g_hash_table_lookup (tags, &(gint64) { lede_article_get_id (article) }));
  json_builder_end_object (builder);
}

int
_lede_command_list_command (LedeCommand *self,
                            LedeLibrary *library,
                            GString     *out,
                            GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = lede_library_list_articles (library, self->in_trash, &error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  /* Which stories have a lead photo: one query, not one a story. */
  g_autoptr (GHashTable) leads = articles && self->as_json ? lede_library_list_lead_photos (library, &error) : NULL;
  g_autoptr (GHashTable) tags = leads ? lede_library_list_stories_tags (library, &error) : NULL;

  if (articles == NULL || (self->as_json && tags == NULL))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *updated = _lede_command_format_time (lede_article_get_updated (article));
      const char *status = lede_article_status_to_string (lede_article_get_status (article));

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\t%s\n", lede_article_get_uuid (article), status,
                  updated ? updated : "", lede_article_get_headline (article));
          continue;
        }
      _lede_command_add_story_json (builder, library, article, leads, tags);
    }
  json_builder_end_array (builder);

  if (self->as_json)
    _lede_command_print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

int
_lede_command_search_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              char        **words,
                              GString      *out,
                              GString      *err)
{
  g_autofree char *query = g_strjoinv (" ", words);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (self->limit <= 0)
    {
      g_string_append_printf (err, "lede-cli: --limit must be at least 1\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (!(hits = lede_library_search (library, query, self->limit, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr (LedeArticle) article = lede_library_get_article (library, hit->id, NULL);
      const char *uuid = article ? lede_article_get_uuid (article) : "";

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\n", uuid, hit->headline, hit->snippet);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, uuid);
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, hit->headline);
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, hit->snippet);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_double_value (builder, hit->rank);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (self->as_json)
    _lede_command_print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

/* Each file goes in whole or not at all; one the library has already (the
 * same or an older copy) is left out and said to be, without failing. */
int
_lede_command_import_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              char        **files,
                              GString      *out,
                              GString      *err)
{
  g_autoptr (GError) batch_error = NULL;
  guint added = 0, updated = 0, skipped = 0, failed = 0;
  gsize out_before = out->len;

  if (!lede_library_begin_batch (library, &batch_error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", batch_error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      LedeImportOutcome outcome;
      LedeImportNotes notes = LEDE_IMPORT_NOTE_NONE;
      g_auto (GStrv) messages = NULL;
      LedeImportFlags flags = (self->as_new ? LEDE_IMPORT_AS_NEW : 0) | (self->lift_embargo ? LEDE_IMPORT_LIFT_EMBARGO : 0);
      g_autoptr (LedeArticle) article = lede_import_file_encoded (library, files[i], flags, self->encoding, &outcome,
                                                                  &notes, &messages, &error);

      /* What was kept or changed on the way in is said even for a file
       * left out: a kept embargo explains why. */
      for (guint m = 0; messages[m]; m++)
        g_string_append_printf (err, "lede-cli: %s\n", messages[m]);
      if (notes & LEDE_IMPORT_NOTE_EMBARGO_KEPT)
        g_string_append_printf (err, "lede-cli: %s\n",
                                _("to take the file’s embargo, import it again with --lift-embargo"));

      if (article == NULL)
        {
          gboolean skip = g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE) ||
                          g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER) ||
                          g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EDITED) ||
                          g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_KILLED);

          g_string_append_printf (err, skip ? "lede-cli: skipped: %s\n" : "lede-cli: %s\n", error->message);
          if (skip)
            skipped++;
          else
            failed++;
          continue;
        }
      if (outcome == LEDE_IMPORT_UPDATED)
        updated++;
      else
        added++;
      if (!self->as_json)
        g_string_append_printf (out, "%s\t%s\n", lede_article_get_uuid (article), lede_article_get_headline (article));
    }
  if (!lede_library_end_batch (library, &batch_error))
    {
      /* A script reading the uuids must not see stories that are not there. */
      g_string_truncate (out, out_before);
      g_string_append_printf (err, "lede-cli: %s; nothing was imported\n", batch_error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  g_string_append_printf (err, "lede-cli: imported %u, updated %u, skipped %u, failed %u\n",
                          added, updated, skipped, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

/* trash and restore: each story on its own; one that is not there, or
 * already where it is asked to go, is named on stderr. */
int
_lede_command_trash_command (LedeCommand  *self,
                             LedeLibrary  *library,
                             char        **uuids,
                             gboolean      restore,
                             GString      *out,
                             GString      *err)
{
  guint done = 0, failed = 0;

  for (guint i = 0; uuids[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuids[i], &error);
      gboolean trashed = article && lede_article_get_trashed (article) != NULL;

      if (article == NULL)
        g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuids[i], error->message);
      else if (trashed != restore)
        g_string_append_printf (err, restore ? "lede-cli: %s is not in the trash\n" : "lede-cli: %s is in the trash already\n",
                                uuids[i]);
      else if (!(restore ? lede_library_restore_article (library, lede_article_get_id (article), &error)
                         : lede_library_trash_article (library, lede_article_get_id (article), &error)))
        g_string_append_printf (err, "lede-cli: %s: %s\n", uuids[i], error->message);
      else
        {
          g_string_append_printf (out, "%s\t%s\n", uuids[i], lede_article_get_headline (article));
          done++;
          continue;
        }
      failed++;
    }
  g_string_append_printf (err, restore ? "lede-cli: restored %u, failed %u\n" : "lede-cli: moved %u to the trash, failed %u\n",
                          done, failed);
  return failed ? LEDE_COMMAND_EXIT_FAILED : LEDE_COMMAND_EXIT_OK;
}

/* A revision of the story @uuid, by its number (lede-cli history lists
 * them), or %NULL with why on @err. */
static LedeArticle *
revision_of (LedeLibrary   *library,
             const char    *uuid,
             const char    *number,
             LedeRevision **revision,
             GString       *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = lede_library_get_article_by_uuid (library, uuid, &error);
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeRevision) row = NULL;
  guint64 id = 0;

  if (story == NULL)
    {
      g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuid, error->message);
      return NULL;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &id, NULL) ||
      !(article = lede_library_get_revision (library, (gint64)id, &row, NULL)) ||
      row->article_id != lede_article_get_id (story))
    {
      g_string_append_printf (err, "lede-cli: the story %s has no revision “%s” (lede-cli history %s lists them)\n",
                              uuid, number, uuid);
      return NULL;
    }
  if (revision)
    *revision = g_steal_pointer (&row);
  return g_steal_pointer (&article);
}

/* A story's revisions, newest first. */
int
_lede_command_history_command (LedeCommand  *self,
                               LedeLibrary  *library,
                               const char   *uuid,
                               GString      *out,
                               GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = lede_library_get_article_by_uuid (library, uuid, &error);
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();

  if (story == NULL || !(revisions = lede_library_list_revisions (library, lede_article_get_id (story), &error)))
    {
      g_string_append_printf (err, "lede-cli: %s: %s\n", uuid, error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  json_builder_begin_array (json);
  for (guint i = 0; i < revisions->len; i++)
    {
      LedeRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *time = _lede_command_format_time (revision->created);

      if (!self->as_json)
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\n", revision->id, time, revision->reason,
                                  revision->name, revision->words);
          continue;
        }
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "id");
      json_builder_add_int_value (json, revision->id);
      json_builder_set_member_name (json, "time");
      json_builder_add_string_value (json, time);
      json_builder_set_member_name (json, "reason");
      json_builder_add_string_value (json, revision->reason);
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, revision->name);
      json_builder_set_member_name (json, "words");
      json_builder_add_int_value (json, revision->words);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return LEDE_COMMAND_EXIT_OK;
}

/* A revision as Markdown with front matter, as export would write it. */
int
_lede_command_show_revision_command (LedeLibrary  *library,
                                     char        **arguments,
                                     GString      *out,
                                     GString      *err)
{
  g_autoptr (LedeArticle) article = revision_of (library, arguments[0], arguments[1], NULL, err);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedeVerdict) verdict = NULL;

  if (article == NULL)
    return LEDE_COMMAND_EXIT_FAILED;
  /* A version asked for by its number is shown whatever the checks say;
   * its front matter still carries its embargo and draft state. */
  verdict = lede_gate_ask (article, NULL, NULL, NULL, LEDE_WAY_OUT_EXPORT, NULL);
  lede_verdict_allow (verdict);
  bytes = lede_export_story (verdict, LEDE_EXPORT_FORMAT_MARKDOWN);
  g_string_append_len (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return LEDE_COMMAND_EXIT_OK;
}

/* A revision put back as the story, the story as it was kept first. */
int
_lede_command_restore_revision_command (LedeLibrary  *library,
                                        char        **arguments,
                                        GString      *out,
                                        GString      *err)
{
  g_autoptr (LedeRevision) revision = NULL;
  g_autoptr (LedeArticle) article = revision_of (library, arguments[0], arguments[1], &revision, err);
  g_autoptr (GError) error = NULL;
  g_autofree char *not_restored = NULL;

  if (article == NULL)
    return LEDE_COMMAND_EXIT_FAILED;
  if (!lede_library_restore_revision (library, revision->id, &not_restored, &error))
    {
      g_string_append_printf (err, "lede-cli: %s: %s\n", arguments[0], error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (not_restored)
    g_string_append_printf (err, "lede-cli: %s\n", not_restored);
  g_string_append_printf (out, "%s\t%s\n", arguments[0], lede_article_get_headline (article));
  return LEDE_COMMAND_EXIT_OK;
}

/* "restore UUID REV": a revision; "restore UUID…": out of the trash. */
gboolean
_lede_command_is_revision_restore (char **arguments)
{
  return arguments[0] && arguments[1] && !arguments[2] && g_ascii_string_to_unsigned (arguments[1], 10, 1, G_MAXINT64, NULL, NULL);
}
