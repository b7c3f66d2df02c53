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

#include "lede-photo.h"
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
/* The headlines by role (issue 32), written only when set, so the
 * snapshots of stories without them are what they were before. The desk's
 * fields (deadline, assignee, editor) are no version's: a restore keeps them. */
static const char * const role_fields[] = { "print-headline", "seo-title", "social-headline" };

/* Every field of each photo, so a revision brings its photos back whole;
 * the bytes stay in the library, which keeps them while a revision names
 * them. Written only for a story with photos, so the snapshots of stories
 * without any are what they were before Lede had photos. */
static void
add_photos (JsonBuilder *json,
            GPtrArray   *photos)
{
  if (photos == NULL || photos->len == 0)
    return;
  json_builder_set_member_name (json, "photos");
  json_builder_begin_array (json);
  for (guint i = 0; i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);
      const struct { const char *name, *value; } texts[] = {
        { "sha256", photo->sha256 }, { "role", lede_photo_role_to_string (photo->role) },
        { "caption", photo->caption }, { "credit", photo->credit }, { "alt", photo->alt_text },
        { "file-name", photo->file_name }, { "media-type", photo->media_type },
      };

      json_builder_begin_object (json);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          json_builder_set_member_name (json, texts[t].name);
          json_builder_add_string_value (json, texts[t].value ? texts[t].value : "");
        }
      json_builder_set_member_name (json, "width");
      json_builder_add_int_value (json, photo->width);
      json_builder_set_member_name (json, "height");
      json_builder_add_int_value (json, photo->height);
      json_builder_set_member_name (json, "orientation");
      json_builder_add_int_value (json, photo->orientation);
      json_builder_set_member_name (json, "size");
      json_builder_add_int_value (json, photo->size);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
}

static GPtrArray *
read_photos (JsonObject *object)
{
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  JsonArray *array;

  if (!json_object_has_member (object, "photos") || !(array = json_object_get_array_member (object, "photos")))
    return photos;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      LedePhoto *photo;

      if (entry == NULL || !lede_photo_is_sha256 (json_object_get_string_member_with_default (entry, "sha256", NULL)))
        continue;
      photo = lede_photo_new (json_object_get_string_member (entry, "sha256"));
      lede_photo_role_from_string (json_object_get_string_member_with_default (entry, "role", "body"), &photo->role);
      lede_photo_set_text (&photo->caption, json_object_get_string_member_with_default (entry, "caption", ""));
      lede_photo_set_text (&photo->credit, json_object_get_string_member_with_default (entry, "credit", ""));
      lede_photo_set_text (&photo->alt_text, json_object_get_string_member_with_default (entry, "alt", ""));
      lede_photo_set_text (&photo->file_name, json_object_get_string_member_with_default (entry, "file-name", ""));
      lede_photo_set_text (&photo->media_type, json_object_get_string_member_with_default (entry, "media-type", ""));
      photo->width = (guint)CLAMP (json_object_get_int_member_with_default (entry, "width", 0), 0, G_MAXUINT);
      photo->height = (guint)CLAMP (json_object_get_int_member_with_default (entry, "height", 0), 0, G_MAXUINT);
      photo->orientation = (guint)CLAMP (json_object_get_int_member_with_default (entry, "orientation", 1), 1, 8);
      photo->size = MAX (json_object_get_int_member_with_default (entry, "size", 0), 0);
      g_ptr_array_add (photos, photo);
    }
  return photos;
}

/**
 * lede_revision_snapshot:
 * @tags: (nullable): the story's tags
 * @sources: (nullable) (element-type LedeSource): its linked sources
 *
 * As lede_revision_snapshot_full(), with the article's own photos.
 */
char *
lede_revision_snapshot (LedeArticle        *article,
                        const char * const *tags,
                        GPtrArray          *sources)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);
  return lede_revision_snapshot_full (article, tags, sources, lede_article_get_photos (article));
}

/**
 * lede_revision_snapshot_full:
 * @tags: (nullable): the story's tags
 * @sources: (nullable) (element-type LedeSource): its linked sources
 * @photos: (nullable) (element-type LedePhoto): its photos
 *
 * Returns: (transfer full): every field of @article a writer can change,
 *   but the body (a revision keeps that apart, once for identical text):
 *   the one-line fields, status, word goal, times, tags, linked
 *   sources (id, name and the story's note) and photos, as JSON
 */
char *
lede_revision_snapshot_full (LedeArticle        *article,
                             const char * const *tags,
                             GPtrArray          *sources,
                             GPtrArray          *photos)
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
  for (guint i = 0; i < G_N_ELEMENTS (role_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (article, role_fields[i], &value, NULL);
      if (value == NULL || *value == '\0')
        continue;
      json_builder_set_member_name (json, role_fields[i]);
      json_builder_add_string_value (json, value);
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
  add_photos (json, photos);
  json_builder_end_object (json);

  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * lede_revision_apply:
 * @snapshot: what lede_revision_snapshot() gave
 *
 * Sets every field the snapshot holds on @article, tags, sources (as they
 * were: id, name, note) and photos included.
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
  g_autoptr (GPtrArray) photos = NULL;
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
  for (guint i = 0; i < G_N_ELEMENTS (role_fields); i++)
    g_object_set (article, role_fields[i], json_object_get_string_member_with_default (object, role_fields[i], ""), NULL);
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
  photos = read_photos (object);
  lede_article_set_photos (article, photos);
  return TRUE;
}
