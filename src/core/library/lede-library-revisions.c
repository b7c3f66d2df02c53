/* lede-library-revisions.c: the library's revisions of each story — kept,
 * listed, read back, restored and thinned.
 *
 * A revision holds every field a writer can change: the body, stored once
 * however many revisions share it (revision_texts, by SHA-256), and a JSON
 * snapshot of the rest (lede_revision_snapshot()). No revision is kept
 * when nothing changed since the story's last one, unless it is named.
 *
 * Retention (lede_library_thin_revisions(), after every revision kept):
 * everything from the last LEDE_REVISIONS_KEEP_ALL_DAYS days; before that,
 * the newest of each day for a year; before that, the newest of each week.
 * Named versions are kept forever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-markdown.h"
#include "lede-revision.h"
#include "lede-tag.h"

#define LEDE_REVISIONS_KEEP_ALL_DAYS 30
#define LEDE_REVISIONS_DAILY_DAYS    365

static char *
sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* The story's tags, sources and photos as the snapshot takes them: the
 * object's when it has them, else the library's (the photos read are
 * handed back in @photos_read, for the revision to keep). */
static char *
snapshot_of (LedeLibrary  *self,
             LedeArticle  *article,
             GPtrArray   **photos_read,
             GError      **error)
{
  gint64 id = lede_article_get_id (article);
  g_auto (GStrv) tags = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) photos = NULL;

  if (lede_article_get_tags (article) == NULL && !(tags = lede_library_get_tags (self, id, error)))
    return NULL;
  if (lede_article_get_sources (article) == NULL && !(sources = lede_library_list_story_sources (self, id, error)))
    return NULL;
  if (lede_article_get_photos (article) == NULL && !(photos = lede_library_list_story_photos (self, id, error)))
    return NULL;
  if (photos != NULL)
    *photos_read = g_ptr_array_ref (photos);
  return lede_revision_snapshot_full (article,
                                      tags ? (const char * const *)tags : lede_article_get_tags (article),
                                      sources ? sources : lede_article_get_sources (article),
                                      photos ? photos : lede_article_get_photos (article));
}

/* Whether the story's newest revision holds exactly @sha and @fields. */
static gboolean
same_as_last (LedeLibrary  *self,
              gint64        article_id,
              const char   *sha,
              const char   *fields,
              gboolean     *same,
              GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self,
                                              "SELECT t.sha256, r.fields FROM revisions AS r "
                                              "JOIN revision_texts AS t ON t.id = r.body_id "
                                              "WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT 1",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  *same = rc == SQLITE_ROW && g_strcmp0 (_lede_library_column_text (stmt, 0), sha) == 0 &&
          g_strcmp0 (_lede_library_column_text (stmt, 1), fields) == 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the story’s revisions"));
  return TRUE;
}

static gint64
store_text (LedeLibrary  *self,
            const char   *sha,
            const char   *text,
            const char   *what,
            GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "INSERT INTO revision_texts (sha256, text) VALUES (?1, ?2) "
                                                    "ON CONFLICT (sha256) DO NOTHING", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  _lede_library_bind_text (stmt, 1, sha);
  _lede_library_bind_text (stmt, 2, text);
  if (!_lede_library_step_done (self, stmt, what, error))
    return 0;
  if (!(stmt = _lede_library_prepare (self, "SELECT id FROM revision_texts WHERE sha256 = ?1", error)))
    return 0;
  _lede_library_bind_text (stmt, 1, sha);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    _lede_library_set_sqlite_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
  return id;
}

/**
 * lede_library_keep_revision:
 * @article: the story as it is to be kept (its id says which)
 * @reason: why, in words: "left the story", "status: ready"…
 * @name: (nullable): a name for a version kept forever ("as filed")
 * @kept: (out) (optional): whether a revision was kept; not when nothing
 *   changed since the last one and no name was given
 *
 * Keeps a revision of @article, then thins the story's older ones, in one
 * transaction. A full disk fails it with the library as it was.
 */
gboolean
lede_library_keep_revision (LedeLibrary  *self,
                            LedeArticle  *article,
                            const char   *reason,
                            const char   *name,
                            gboolean     *kept,
                            GError      **error)
{
  const char *what = _("Could not keep a revision of the story");
  gint64 id = lede_article_get_id (article);
  const char *body = lede_article_get_body (article);
  g_autofree char *sha = sha256 (body);
  g_autofree char *fields = NULL;
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  g_autoptr (GPtrArray) photos_read = NULL;
  gboolean same = FALSE;
  sqlite3_stmt *stmt;
  gint64 body_id;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article) && id > 0, FALSE);

  if (kept)
    *kept = FALSE;
  if (!(fields = snapshot_of (self, article, &photos_read, error)) ||
      !same_as_last (self, id, sha, fields, &same, error))
    return FALSE;
  if (same && (name == NULL || *name == '\0'))
    return TRUE;

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(body_id = store_text (self, sha, body, what, error)) ||
      !(stmt = _lede_library_prepare (self,
                                      "INSERT INTO revisions (article_id, created_at, reason, name, body_id, fields, words) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  _lede_library_bind_time (stmt, 2, now);
  _lede_library_bind_text (stmt, 3, reason ? reason : "");
  _lede_library_bind_text (stmt, 4, name ? name : "");
  sqlite3_bind_int64 (stmt, 5, body_id);
  _lede_library_bind_text (stmt, 6, fields);
  sqlite3_bind_int64 (stmt, 7, lede_markdown_count_words (body));
  /* Its photos' bytes are kept while the revision is. */
  if (!_lede_library_step_done (self, stmt, what, error) ||
      !_lede_library_keep_revision_photos (self, sqlite3_last_insert_rowid (self->db),
                                           photos_read ? photos_read : lede_article_get_photos (article), what, error) ||
      lede_library_thin_revisions (self, id, now, error) < 0 ||
      !_lede_library_commit (self, what, error))
    goto failed;
  if (kept)
    *kept = TRUE;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}

static LedeRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  LedeRevision *revision = g_new0 (LedeRevision, 1);

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->article_id = sqlite3_column_int64 (stmt, 1);
  revision->created = _lede_library_parse_time (stmt, 2);
  revision->reason = g_strdup (_lede_library_column_text (stmt, 3));
  revision->name = g_strdup (_lede_library_column_text (stmt, 4));
  revision->words = (guint)CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXUINT);
  return revision;
}

/* A story's revisions, newest first, without their text: all of them, or
 * (@before set) the unnamed ones kept before it, which thinning may take. */
static GPtrArray *
read_revisions (LedeLibrary  *self,
                gint64        article_id,
                GDateTime    *before,
                GError      **error)
{
  g_autoptr (GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_revision_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _lede_library_prepare (self, before == NULL
                                ? "SELECT id, article_id, created_at, reason, name, words FROM revisions "
                                  "WHERE article_id = ?1 ORDER BY id DESC"
                                : "SELECT id, article_id, created_at, reason, name, words FROM revisions "
                                  "WHERE article_id = ?1 AND created_at < ?2 AND name = '' ORDER BY id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (before != NULL)
    _lede_library_bind_time (stmt, 2, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (revisions, revision_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the story’s revisions"));
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

/**
 * lede_library_list_revisions:
 *
 * Returns: (transfer full) (element-type LedeRevision): the story's
 *   revisions, newest first, without their text; %NULL on error
 */
GPtrArray *
lede_library_list_revisions (LedeLibrary  *self,
                             gint64        article_id,
                             GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return read_revisions (self, article_id, NULL, error);
}

/**
 * lede_library_get_revision:
 * @revision: (out) (optional) (transfer full): the revision's row
 *
 * Returns: (transfer full): the story as revision @revision_id holds it:
 *   its id and uuid, and every field, tags and sources (as they were)
 *   included; %NULL with @error set when there is no such revision
 */
LedeArticle *
lede_library_get_revision (LedeLibrary   *self,
                           gint64         revision_id,
                           LedeRevision **revision,
                           GError       **error)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (LedeRevision) row = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self, "SELECT r.id, r.article_id, r.created_at, r.reason, r.name, r.words, "
                                      "r.fields, t.text FROM revisions AS r "
                                      "JOIN revision_texts AS t ON t.id = r.body_id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row = revision_from_row (stmt);
      fields = g_strdup (_lede_library_column_text (stmt, 6));
      body = g_strdup (_lede_library_column_text (stmt, 7));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("There is no revision %lld in this library"), (long long) revision_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the revision"));
      return NULL;
    }
  /* The story's own: id, uuid, times; the revision's: everything else. */
  if (!(story = lede_library_get_article (self, row->article_id, error)))
    return NULL;
  article = lede_article_new ();
  lede_article_set_id (article, row->article_id);
  lede_article_set_uuid (article, lede_article_get_uuid (story));
  lede_article_set_created (article, lede_article_get_created (story));
  lede_article_set_updated (article, row->created);
  lede_article_set_body (article, body);
  if (!lede_revision_apply (fields, article, error))
    return NULL;
  if (revision)
    *revision = g_steal_pointer (&row);
  return g_steal_pointer (&article);
}

/**
 * lede_library_restore_revision:
 * @not_restored: (out) (optional) (transfer full): what could not be
 *   brought back, in words (tags and sources deleted since), or %NULL
 *
 * Puts revision @revision_id back as the story's text and fields, as one
 * new edit: the story as it is now is kept as a revision first ("before
 * restoring"). Tags and sources deleted from the library since are left
 * out and named in @not_restored.
 */
gboolean
lede_library_restore_revision (LedeLibrary  *self,
                               gint64        revision_id,
                               char        **not_restored,
                               GError      **error)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeArticle) current = NULL;
  g_autoptr (LedeRevision) revision = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (not_restored)
    *not_restored = NULL;
  if (!(article = lede_library_get_revision (self, revision_id, &revision, error)))
    return FALSE;
  /* A window typing into the story saves first, so what it has is what is
   * kept before the restore, and nothing typed is written over it after. */
  lede_library_want_saved (self, revision->article_id);
  if (!(current = lede_library_get_article (self, revision->article_id, error)) ||
      !lede_library_keep_revision (self, current, _("before restoring"), NULL, NULL, error) ||
      !lede_library_prepare_restore (self, article, current, not_restored, error))
    return FALSE;
  lede_article_set_updated (article, NULL);
  return lede_library_replace_story (self, revision->article_id, article, lede_article_get_tags (article), error);
}

/**
 * lede_library_prepare_restore:
 * @article: a story as lede_library_get_revision() gave it
 * @current: the story as it is now
 * @not_restored: (out) (optional) (transfer full): what was taken out
 *
 * Makes @article what a restore puts back: the fields lede_article_keeps_on_restore()
 * names come from @current, and tags and sources deleted from the library
 * since the revision was kept are taken out and said, so a restore brings
 * back what still exists and never changes what was published.
 */
gboolean
lede_library_prepare_restore (LedeLibrary  *self,
                              LedeArticle  *article,
                              LedeArticle  *current,
                              char        **not_restored,
                              GError      **error)
{
  static const char * const life[] = { "status", "embargo", "published", "slug", "deadline", "assignee", "editor" };
  g_auto (GStrv) tags = lede_library_list_tag_names (self, error);
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GStrvBuilder) kept_tags = g_strv_builder_new ();
  g_autoptr (GPtrArray) kept_sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) tag_list = NULL;
  const char * const *wanted = lede_article_get_tags (article);
  GPtrArray *linked = lede_article_get_sources (article);

  if (tags == NULL || !(sources = lede_library_list_sources (self, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (life); i++)
    if (lede_article_keeps_on_restore (current, life[i]))
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_object_get_property (G_OBJECT (current), life[i], &value);
        g_object_set_property (G_OBJECT (article), life[i], &value);
      }
  for (guint i = 0; wanted && wanted[i]; i++)
    {
      if (g_strv_contains ((const char * const *)tags, wanted[i]))
        g_strv_builder_add (kept_tags, wanted[i]);
      else
        g_ptr_array_add (missing, g_strdup_printf (_("the tag “%s”"), wanted[i]));
    }
  for (guint i = 0; linked && i < linked->len; i++)
    {
      LedeSource *source = g_ptr_array_index (linked, i);
      gboolean found = FALSE;

      for (guint s = 0; s < sources->len && !found; s++)
        found = ((LedeSource *)g_ptr_array_index (sources, s))->id == source->id;
      if (found)
        g_ptr_array_add (kept_sources, lede_source_copy (source));
      else
        g_ptr_array_add (missing, g_strdup_printf (_("the source “%s”"), source->name));
    }
  tag_list = g_strv_builder_end (kept_tags);
  lede_article_set_tags (article, (const char * const *)tag_list);
  lede_article_set_sources (article, kept_sources);
  if (not_restored && missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **)missing->pdata);
      *not_restored = g_strdup_printf (_("Deleted from the library since, so not restored: %s."), list);
    }
  return TRUE;
}

/* Which bucket a revision falls in for thinning: all kept (0), one a day,
 * one a week; the key says which day or week. */
static char *
bucket_of (GDateTime *created,
           GDateTime *now)
{
  GTimeSpan age = g_date_time_difference (now, created);

  if (age < LEDE_REVISIONS_KEEP_ALL_DAYS * G_TIME_SPAN_DAY)
    return NULL;
  if (age < LEDE_REVISIONS_DAILY_DAYS * G_TIME_SPAN_DAY)
    return g_date_time_format (created, "day %Y-%m-%d");
  return g_date_time_format (created, "week %G-%V");
}

/**
 * lede_library_thin_revisions:
 * @now: the time to judge ages by
 *
 * Applies the retention at the top of this file to one story's revisions:
 * keeps every named one and the newest of each bucket.
 *
 * Returns: how many were deleted, or -1 with @error set
 */
int
lede_library_thin_revisions (LedeLibrary  *self,
                             gint64        article_id,
                             GDateTime    *now,
                             GError      **error)
{
  g_autoptr (GDateTime) cutoff = g_date_time_add_days (now, -LEDE_REVISIONS_KEEP_ALL_DAYS);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) old = NULL;
  int deleted = 0;

  /* Only unnamed revisions past the keep-everything days can go: a story
   * edited all month costs nothing here. Newest first: the first of each
   * bucket is the one kept. */
  if (!(old = read_revisions (self, article_id, cutoff, error)))
    return -1;
  for (guint i = 0; i < old->len; i++)
    {
      LedeRevision *revision = g_ptr_array_index (old, i);
      g_autofree char *bucket = bucket_of (revision->created, now);

      if (bucket == NULL || g_hash_table_add (seen, g_steal_pointer (&bucket)))
        continue;
      if (!_lede_library_write_one (self, "DELETE FROM revisions WHERE id = ?1", revision->id, 0, NULL,
                                    _("Could not thin the story’s revisions"), error))
        return -1;
      deleted++;
    }
  return deleted;
}
