/* lede-revision.c: one kept version of a story, and the snapshot of every
 * field a writer can change that a revision holds beside its body.
 *
 * The snapshot is JSON, written in one fixed order, so two snapshots of
 * the same fields are the same text: that is how "nothing changed since
 * the last revision" is told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-revision"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lede-revision.h"
#include "lede-source.h"
#include "lede-time.h"

G_DEFINE_BOXED_TYPE (LedeRevision, lede_revision, lede_revision_copy, lede_revision_free)

LedeRevision *
lede_revision_copy (const LedeRevision *revision)
{
  LedeRevision *copy = g_memdup2 (revision, sizeof *revision);

  copy->created = revision->created ? g_date_time_ref (revision->created) : NULL;
  copy->reason = g_strdup (revision->reason);
  copy->name = g_strdup (revision->name);
  return copy;
}

void
lede_revision_free (LedeRevision *revision)
{
  if (revision == NULL)
    return;
  g_clear_pointer (&revision->created, g_date_time_unref);
  g_free (revision->reason);
  g_free (revision->name);
  g_free (revision);
}

/* The text fields a snapshot holds, by property name. */
static const char * const text_fields[] = {
  "headline", "standfirst", "slug", "byline", "dateline", "section", "language",
  "editorial-note", "extra-front-matter",
};
static const char * const time_fields[] = { "embargo", "published" };

/**
 * lede_revision_snapshot:
 * @tags: (nullable): the story's tags
 * @sources: (nullable) (element-type LedeSource): its linked sources
 *
 * Returns: (transfer full): every field of @article a writer can change,
 *   but the body (a revision keeps that apart, once for identical text):
 *   the one-line fields, status, word goal, times, tags and linked
 *   sources (id, name and the story's note), as JSON
 */
char *
lede_revision_snapshot (LedeArticle        *article,
                        const char * const *tags,
                        GPtrArray          *sources)
{
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  json_builder_begin_object (json);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (article, text_fields[i], &value, NULL);
      json_builder_set_member_name (json, text_fields[i]);
      json_builder_add_string_value (json, value ? value : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (time_fields); i++)
    {
      g_autoptr (GDateTime) time = NULL;
      g_autofree char *text = NULL;

      g_object_get (article, time_fields[i], &time, NULL);
      text = lede_time_format_utc (time);
      json_builder_set_member_name (json, time_fields[i]);
      if (text)
        json_builder_add_string_value (json, text);
      else
        json_builder_add_null_value (json);
    }
  json_builder_set_member_name (json, "status");
  json_builder_add_string_value (json, lede_article_status_to_string (lede_article_get_status (article)));
  json_builder_set_member_name (json, "word-goal");
  json_builder_add_int_value (json, lede_article_get_word_goal (article));
  json_builder_set_member_name (json, "tags");
  json_builder_begin_array (json);
  for (guint i = 0; tags && tags[i]; i++)
    json_builder_add_string_value (json, tags[i]);
  json_builder_end_array (json);
  json_builder_set_member_name (json, "sources");
  json_builder_begin_array (json);
  for (guint i = 0; sources && i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);

      json_builder_begin_object (json);
      json_builder_set_member_name (json, "id");
      json_builder_add_int_value (json, source->id);
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, source->name);
      json_builder_set_member_name (json, "note");
      json_builder_add_string_value (json, source->story_note ? source->story_note : "");
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);

  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * lede_revision_apply:
 * @snapshot: what lede_revision_snapshot() gave
 *
 * Sets every field the snapshot holds on @article, tags and sources
 * included (sources as they were: id, name, note).
 *
 * Returns: %FALSE with @error set when @snapshot is not one
 */
gboolean
lede_revision_apply (const char   *snapshot,
                     LedeArticle  *article,
                     GError      **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_auto (GStrv) tags = NULL;
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);

  if (!json_parser_load_from_data (parser, snapshot, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, _("The revision’s fields are not readable"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_object_set (article, text_fields[i], json_object_get_string_member_with_default (object, text_fields[i], ""), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (time_fields); i++)
    {
      const char *text = json_object_get_string_member_with_default (object, time_fields[i], NULL);
      g_autoptr (GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

      g_object_set (article, time_fields[i], time, NULL);
    }
  lede_article_status_from_string (json_object_get_string_member_with_default (object, "status", "draft"), &status);
  lede_article_set_status (article, status);
  lede_article_set_word_goal (article, (guint)CLAMP (json_object_get_int_member_with_default (object, "word-goal", 0),
                                                     0, G_MAXUINT));
  if (json_object_has_member (object, "tags") && (array = json_object_get_array_member (object, "tags")))
    for (guint i = 0; i < json_array_get_length (array); i++)
      if (json_array_get_string_element (array, i))
        g_strv_builder_add (tag_builder, json_array_get_string_element (array, i));
  tags = g_strv_builder_end (tag_builder);
  lede_article_set_tags (article, (const char * const *)tags);
  if (json_object_has_member (object, "sources") && (array = json_object_get_array_member (object, "sources")))
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *entry = json_array_get_object_element (array, i);
        LedeSource *source;

        if (entry == NULL)
          continue;
        source = lede_source_new (json_object_get_string_member_with_default (entry, "name", ""));
        source->id = json_object_get_int_member_with_default (entry, "id", 0);
        g_free (source->story_note);
        source->story_note = g_strdup (json_object_get_string_member_with_default (entry, "note", ""));
        g_ptr_array_add (sources, source);
      }
  lede_article_set_sources (article, sources);
  return TRUE;
}
