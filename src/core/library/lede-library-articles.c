/* lede-library-articles.c: the library's stories: adding, reading, saving, listing, the trash, slugs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-review.h"
#include "lede-slug.h"

LedeArticle *
_lede_library_article_from_row (sqlite3_stmt *stmt)
{
  LedeArticle *article = lede_article_new ();
  LedeArticleStatus status = LEDE_ARTICLE_STATUS_DRAFT;
  g_autoptr (GDateTime) embargo = _lede_library_parse_time (stmt, 13);
  g_autoptr (GDateTime) published = _lede_library_parse_time (stmt, 14);
  g_autoptr (GDateTime) created = _lede_library_parse_time (stmt, 15);
  g_autoptr (GDateTime) updated = _lede_library_parse_time (stmt, 16);
  g_autoptr (GDateTime) trashed = _lede_library_parse_time (stmt, 17);

  lede_article_status_from_string (_lede_library_column_text (stmt, 8), &status);

  lede_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  lede_article_set_uuid (article, _lede_library_column_text (stmt, 1));
  lede_article_set_headline (article, _lede_library_column_text (stmt, 2));
  lede_article_set_standfirst (article, _lede_library_column_text (stmt, 3));
  lede_article_set_slug (article, _lede_library_column_text (stmt, 4));
  lede_article_set_byline (article, _lede_library_column_text (stmt, 5));
  lede_article_set_dateline (article, _lede_library_column_text (stmt, 6));
  lede_article_set_section (article, _lede_library_column_text (stmt, 7));
  lede_article_set_status (article, status);
  lede_article_set_language (article, _lede_library_column_text (stmt, 9));
  lede_article_set_body (article, _lede_library_column_text (stmt, 10));
  lede_article_set_editorial_note (article, _lede_library_column_text (stmt, 11));
  lede_article_set_word_goal (article, (guint)CLAMP (sqlite3_column_int64 (stmt, 12), 0, G_MAXUINT));
  lede_article_set_embargo (article, embargo);
  lede_article_set_published (article, published);
  lede_article_set_created (article, created);
  lede_article_set_updated (article, updated);
  lede_article_set_trashed (article, trashed);
  lede_article_set_extra_front_matter (article, _lede_library_column_text (stmt, 18));
  _lede_library_read_desk_fields (stmt, article);

  return article;
}

/* Binds the editable fields as ?1 … ?14, shared by INSERT and UPDATE. */
static void
bind_article_fields (sqlite3_stmt *stmt,
                     LedeArticle  *article)
{
  _lede_library_bind_text (stmt, 1, lede_article_get_headline (article));
  _lede_library_bind_text (stmt, 2, lede_article_get_standfirst (article));
  _lede_library_bind_text (stmt, 3, lede_article_get_slug (article));
  _lede_library_bind_text (stmt, 4, lede_article_get_byline (article));
  _lede_library_bind_text (stmt, 5, lede_article_get_dateline (article));
  _lede_library_bind_text (stmt, 6, lede_article_get_section (article));
  _lede_library_bind_text (stmt, 7, lede_article_status_to_string (lede_article_get_status (article)));
  _lede_library_bind_text (stmt, 8, lede_article_get_language (article));
  _lede_library_bind_text (stmt, 9, lede_article_get_body (article));
  _lede_library_bind_text (stmt, 10, lede_article_get_editorial_note (article));
  sqlite3_bind_int64 (stmt, 11, lede_article_get_word_goal (article));
  _lede_library_bind_time (stmt, 12, lede_article_get_embargo (article));
  _lede_library_bind_time (stmt, 13, lede_article_get_published (article));
  _lede_library_bind_text (stmt, 14, lede_article_get_extra_front_matter (article));
  _lede_library_bind_desk_fields (stmt, article);
}

/**
 * lede_library_create_article:
 *
 * Stores @article as a new story and fills in its id, uuid (when it has
 * none), slug (from the headline, when it has none), and its created and
 * updated times.
 */
static gboolean
insert_article (LedeLibrary  *self,
                LedeArticle  *article,
                const char   *what,
                GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  g_autofree char *uuid = NULL;
  GDateTime *created, *updated;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (lede_article_get_id (article) == 0, FALSE);

  if (*lede_article_get_uuid (article) == '\0')
    uuid = g_uuid_string_random ();
  else
    uuid = g_strdup (lede_article_get_uuid (article));
  created = lede_article_get_created (article) != NULL ? lede_article_get_created (article) : now;
  /* An imported story keeps its lastmod, so exporting it again gives the
   * same bytes. */
  updated = lede_article_get_updated (article) != NULL ? lede_article_get_updated (article) : now;

  /* Every story has a slug: one given is kept, else the headline's. */
  if (*lede_article_get_slug (article) == '\0')
    {
      /* The headline as it reads, an editor's suggestions taken. */
      g_autofree char *headline = lede_review_dup_accepted (lede_article_get_headline (article));
      g_autofree char *base = lede_slug_from_text (headline);

      if (*base != '\0')
        {
          g_autofree char *slug = lede_library_make_unique_slug (self, base, 0);
          lede_article_set_slug (article, slug);
        }
    }

  stmt = _lede_library_prepare (self,
                                "INSERT INTO articles (headline, standfirst, slug, byline, dateline, section, "
                                "status, language, body, editorial_note, word_goal, embargo_at, published_at, "
                                "front_matter, uuid, created_at, updated_at, " LEDE_DESK_COLUMNS ") "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                                LEDE_DESK_VALUES ")",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_article_fields (stmt, article);
  _lede_library_bind_text (stmt, 15, uuid);
  _lede_library_bind_time (stmt, 16, created);
  _lede_library_bind_time (stmt, 17, updated);

  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;

  lede_article_set_id (article, sqlite3_last_insert_rowid (self->db));
  lede_article_set_uuid (article, uuid);
  lede_article_set_created (article, created);
  lede_article_set_updated (article, updated);
  return TRUE;
}

/**
 * lede_library_create_article:
 *
 * Stores @article as a new story, with its tags when it has them.
 */
gboolean
lede_library_create_article (LedeLibrary  *self,
                             LedeArticle  *article,
                             GError      **error)
{
  return lede_library_add_story (self, article, lede_article_get_tags (article), error);
}

/**
 * lede_library_add_story:
 * @tags: (nullable) (array zero-terminated=1): the story's tags
 *
 * Stores @article as a new story with its tags, all in one transaction:
 * after a failure the library is as it was.
 */
gboolean
lede_library_add_story (LedeLibrary        *self,
                        LedeArticle        *article,
                        const char * const *tags,
                        GError            **error)
{
  const char *what = _("Could not add the story");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_insert_story (self, article, tags, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      lede_article_set_id (article, 0);
      return FALSE;
    }
  _lede_library_story_added (self, article, tags);
  return TRUE;
}

/* A new story's rows, inside the caller's transaction. */
gboolean
_lede_library_insert_story (LedeLibrary        *self,
                            LedeArticle        *article,
                            const char * const *tags,
                            const char         *what,
                            GError            **error)
{
  return insert_article (self, article, what, error) &&
         _lede_library_write_tags (self, lede_article_get_id (article), tags, what, error) &&
         (lede_article_get_sources (article) == NULL ||
          _lede_library_write_sources (self, lede_article_get_id (article), lede_article_get_sources (article),
                                       what, error)) &&
         (lede_article_get_corrections (article) == NULL ||
          _lede_library_write_corrections (self, lede_article_get_id (article), lede_article_get_corrections (article),
                                           what, error)) &&
         (lede_article_get_photos (article) == NULL ||
          _lede_library_write_photos (self, lede_article_get_id (article), lede_article_get_photos (article), what, error));
}

/* After the commit that added @article. */
void
_lede_library_story_added (LedeLibrary        *self,
                           LedeArticle        *article,
                           const char * const *tags)
{
  /* Stored, the story's tags and sources are known: none, if not given. */
  lede_article_set_tags (article, tags ? tags : (const char * const[]) { NULL });
  if (lede_article_get_sources (article) == NULL)
    {
      g_autoptr (GPtrArray) none = g_ptr_array_new ();
      lede_article_set_sources (article, none);
    }
  _lede_library_emit_articles_changed (self);
}

/**
 * lede_library_replace_story:
 * @id: the story to rewrite
 * @article: what it is to hold: every field, and its created and updated
 *   times when it has them
 * @tags: (nullable) (array zero-terminated=1): its tags
 *
 * Rewrites a story from outside its editor, with its sources when @article
 * has them (an import of a newer copy), in
 * one transaction; its id and uuid stay. Emits #LedeLibrary::save-wanted
 * before (callers compare times after it) and
 * #LedeLibrary::article-replaced after.
 */
gboolean
lede_library_replace_story (LedeLibrary        *self,
                            gint64              id,
                            LedeArticle        *article,
                            const char * const *tags,
                            GError            **error)
{
  const char *what = _("Could not update the story");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_rewrite_story (self, id, article, tags, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_article_replaced (self, id);
  _lede_library_emit_articles_changed (self);
  return TRUE;
}

/* Story @id's rows rewritten from @article, inside the caller's
 * transaction. */
gboolean
_lede_library_rewrite_story (LedeLibrary        *self,
                             gint64              id,
                             LedeArticle        *article,
                             const char * const *tags,
                             const char         *what,
                             GError            **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  GDateTime *updated = lede_article_get_updated (article) ? lede_article_get_updated (article) : now;
  sqlite3_stmt *stmt;

  /* A published story's page lives at its slug: a copy from elsewhere
   * (an import) never moves or empties it. */
  stmt = _lede_library_prepare (self,
                                "UPDATE articles SET headline = ?1, standfirst = ?2, "
                                "slug = CASE WHEN ?3 = '' OR status = 'published' THEN slug ELSE ?3 END, byline = ?4, "
                                "dateline = ?5, section = ?6, status = ?7, language = ?8, body = ?9, "
                                "editorial_note = ?10, word_goal = ?11, embargo_at = ?12, published_at = ?13, "
                                "front_matter = ?14, created_at = coalesce (?15, created_at), updated_at = ?16, "
                                LEDE_DESK_SET_KEEP " WHERE id = ?17",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_article_fields (stmt, article);
  _lede_library_bind_time (stmt, 15, lede_article_get_created (article));
  _lede_library_bind_time (stmt, 16, updated);
  sqlite3_bind_int64 (stmt, 17, id);

  return _lede_library_step_done (self, stmt, what, error) &&
         _lede_library_write_tags (self, id, tags, what, error) &&
         (lede_article_get_sources (article) == NULL ||
          _lede_library_write_sources (self, id, lede_article_get_sources (article), what, error)) &&
         (lede_article_get_corrections (article) == NULL ||
          _lede_library_write_corrections (self, id, lede_article_get_corrections (article), what, error)) &&
         (lede_article_get_photos (article) == NULL ||
          _lede_library_write_photos (self, id, lede_article_get_photos (article), what, error));
}

/**
 * lede_library_want_saved:
 *
 * Asks whoever edits story @id to save it now (#LedeLibrary::save-wanted).
 *
 * Returns: whether unsaved changes to it were saved just now
 */
gboolean
lede_library_want_saved (LedeLibrary *self,
                         gint64       id)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return _lede_library_emit_save_wanted (self, id);
}

LedeArticle *
_lede_library_get_article_where (LedeLibrary  *self,
                                 const char   *sql,
                                 gint64        id,
                                 const char   *uuid,
                                 GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
  LedeArticle *article = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    _lede_library_bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = _lede_library_article_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                 _("The story is not in this library (it may have been deleted)"));
  else if (rc != SQLITE_ROW)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not read the story"));

  /* A story comes with its tags, sources, corrections and photos, saved with it. */
  if (article != NULL)
    {
      gint64 article_id = lede_article_get_id (article);
      g_auto (GStrv) tags = lede_library_get_tags (self, article_id, error);
      g_autoptr (GPtrArray) sources = tags ? lede_library_list_story_sources (self, article_id, error) : NULL;
      g_autoptr (GPtrArray) corrections = sources ? lede_library_list_corrections (self, article_id, error) : NULL;
      g_autoptr (GPtrArray) photos = corrections ? lede_library_list_story_photos (self, article_id, error) : NULL;

      if (photos == NULL)
        g_clear_object (&article);
      else
        {
          lede_article_set_tags (article, (const char * const *)tags);
          lede_article_set_sources (article, sources);
          lede_article_set_corrections (article, corrections);
          lede_article_set_photos (article, photos);
        }
    }
  return article;
}

LedeArticle *
lede_library_get_article (LedeLibrary  *self,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_get_article_where (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE id = ?1",
                                          id, NULL, error);
}

LedeArticle *
lede_library_get_article_by_uuid (LedeLibrary  *self,
                                  const char   *uuid,
                                  GError      **error)
{
  g_autofree char *lower = NULL;
  g_autoptr (GError) local_error = NULL;
  LedeArticle *article;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  article = _lede_library_get_article_where (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE uuid = ?1",
                                             0, uuid, &local_error);
  /* Lede makes its uuids in lower case: one in capitals (a file an editor
   * touched, lede-cli set 4FAF…) is that story. Tried second, so a story
   * imported with its uuid in capitals is still found as written. */
  lower = g_ascii_strdown (uuid, -1);
  if (article == NULL && g_error_matches (local_error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND) &&
      !g_str_equal (uuid, lower))
    {
      g_clear_error (&local_error);
      article = _lede_library_get_article_where (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE uuid = ?1",
                                                 0, lower, &local_error);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return article;
}

/* @text with "\r\n" and a lone "\r" read as "\n", the spaces and tabs at
 * the end of each line trimmed, and no blank lines at its end: how a story
 * looks whatever editor or wire system last saved it. */
static char *
text_as_lines (const char *text)
{
  GString *lines = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r' || *p == '\n')
        {
          while (lines->len > 0 && (lines->str[lines->len - 1] == ' ' || lines->str[lines->len - 1] == '\t'))
            g_string_truncate (lines, lines->len - 1);
          g_string_append_c (lines, '\n');
          if (p[0] == '\r' && p[1] == '\n')
            p++;
          continue;
        }
      g_string_append_c (lines, *p);
    }
  while (lines->len > 0 && g_ascii_isspace (lines->str[lines->len - 1]))
    g_string_truncate (lines, lines->len - 1);
  return g_string_free (lines, FALSE);
}

/**
 * lede_library_find_same_story:
 * @headline: the headline, compared exactly
 * @body: the body, compared line by line with CRLF as LF and the spaces
 *   at the end of each line (and blank lines at the end) left out
 * @id: (out): the story's id, or 0 when the library has none like it
 * @in_trash: (out) (optional): whether that story is in the trash
 *
 * Finds a story, the trash included, with @headline and @body: a file
 * imported again without a uuid. One lookup on the headline index
 * (schema 8), then the bodies of those few stories only, so a large library
 * costs no more than a small one. A story outside the trash is preferred.
 *
 * Returns: %FALSE with @error set when the library could not be read
 */
gboolean
lede_library_find_same_story (LedeLibrary  *self,
                              const char   *headline,
                              const char   *body,
                              gint64       *id,
                              gboolean     *in_trash,
                              GError      **error)
{
  g_autofree char *wanted = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (headline != NULL && body != NULL && id != NULL, FALSE);

  *id = 0;
  if (in_trash)
    *in_trash = FALSE;
  stmt = _lede_library_prepare (self,
                                "SELECT id, body, trashed_at IS NOT NULL FROM articles INDEXED BY articles_by_headline "
                                "WHERE headline = ?1 ORDER BY trashed_at IS NOT NULL, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, headline);
  wanted = text_as_lines (body);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *candidate = text_as_lines (_lede_library_column_text (stmt, 1));

      if (g_str_equal (candidate, wanted))
        {
          *id = sqlite3_column_int64 (stmt, 0);
          if (in_trash)
            *in_trash = sqlite3_column_int (stmt, 2) != 0;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not look for the story in the library"));
  return TRUE;
}

/**
 * lede_library_update_article:
 *
 * Writes every field of @article, and its tags and sources when it has
 * them, in one
 * transaction, and sets its updated time. On failure nothing in the library changes and @article keeps its
 * text, so the caller can simply try again later.
 */
gboolean
lede_library_update_article (LedeLibrary  *self,
                             LedeArticle  *article,
                             GError      **error)
{
  const char *what = _("Could not save the story");
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (lede_article_get_id (article) > 0, FALSE);

  stmt = _lede_library_prepare (self,
                                "UPDATE articles SET headline = ?1, standfirst = ?2, slug = ?3, byline = ?4, "
                                "dateline = ?5, section = ?6, status = ?7, language = ?8, body = ?9, "
                                "editorial_note = ?10, word_goal = ?11, embargo_at = ?12, published_at = ?13, "
                                "front_matter = ?14, updated_at = ?15, " LEDE_DESK_SET " WHERE id = ?16",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_article_fields (stmt, article);
  _lede_library_bind_time (stmt, 15, now);
  sqlite3_bind_int64 (stmt, 16, lede_article_get_id (article));

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_step_done (self, stmt, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      _lede_library_rollback (self);
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: it is no longer in this library"), what);
      return FALSE;
    }
  /* Tags, sources, corrections and photos never read are left as they are. */
  if ((lede_article_get_tags (article) != NULL &&
       !_lede_library_write_tags (self, lede_article_get_id (article), lede_article_get_tags (article), what, error)) ||
      (lede_article_get_sources (article) != NULL &&
       !_lede_library_write_sources (self, lede_article_get_id (article), lede_article_get_sources (article),
                                     what, error)) ||
      (lede_article_get_corrections (article) != NULL &&
       !_lede_library_write_corrections (self, lede_article_get_id (article), lede_article_get_corrections (article),
                                         what, error)) ||
      (lede_article_get_photos (article) != NULL &&
       !_lede_library_write_photos (self, lede_article_get_id (article), lede_article_get_photos (article), what, error)) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }

  lede_article_set_updated (article, now);
  return TRUE;
}

/**
 * lede_library_get_articles:
 * @ids: (element-type gint64): story ids, as lede_library_list_ids_filtered()
 *   gives them
 *
 * Returns: (transfer full) (element-type LedeArticle): the stories, in the
 *   order of @ids, each a fresh object; %NULL with @error set if one is
 *   missing or cannot be read
 */
GPtrArray *
lede_library_get_articles (LedeLibrary  *self,
                           GArray       *ids,
                           GError      **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      LedeArticle *article = lede_library_get_article (self, g_array_index (ids, gint64, i), error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }
  return g_steal_pointer (&articles);
}

/**
 * lede_library_list_articles:
 *
 * Returns: (transfer full) (element-type LedeArticle): the stories, newest first.
 */
GPtrArray *
lede_library_list_articles (LedeLibrary  *self,
                            gboolean      trashed,
                            GError      **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self,
                                "SELECT " ARTICLE_COLUMNS " FROM articles WHERE (trashed_at IS NOT NULL) = ?1 "
                                "ORDER BY trashed_at IS NOT NULL, created_at DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!trashed);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, _lede_library_article_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not list the stories"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}

gint64
lede_library_count_articles (LedeLibrary  *self,
                             gboolean      trashed,
                             GError      **error)
{
  gint64 count = -1;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  /* story_list's indexes count without reading a story's row (its
   * trashed_at sits after the body: seconds at a million stories). */
  if (_lede_library_story_list_is_whole (self)
      ? !_lede_library_query_int (self, trashed ? "SELECT count(*) FROM story_list WHERE trashed = 1"
                                                : "SELECT count(*) FROM story_list WHERE trashed = 0", &count, error)
      : !_lede_library_query_int (self, trashed ? "SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL"
                                                : "SELECT count(*) FROM articles WHERE trashed_at IS NULL", &count, error))
    return -1;
  return count;
}

/**
 * lede_library_get_last_id:
 *
 * Returns: the highest id a story has had in the library, or 0: about how
 *   many stories it holds, read at once whatever its size
 */
gint64
lede_library_get_last_id (LedeLibrary *self)
{
  gint64 last = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);

  if (!_lede_library_query_int (self, "SELECT coalesce (max (id), 0) FROM articles", &last, NULL))
    return 0;
  return last;
}

/* Runs one single-row change by id and says in words when the story is gone. */
static gboolean
change_one (LedeLibrary  *self,
            const char   *sql,
            gint64        id,
            const char   *what,
            GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _lede_library_bind_time (stmt, 2, now);

  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: it is not in this library"), what);
      return FALSE;
    }

  _lede_library_emit_articles_changed (self);
  return TRUE;
}

gboolean
lede_library_trash_article (LedeLibrary  *self,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "UPDATE articles SET trashed_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                     id, _("Could not move the story to the trash"), error);
}

gboolean
lede_library_restore_article (LedeLibrary  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "UPDATE articles SET trashed_at = NULL WHERE id = ?1 AND trashed_at IS NOT NULL",
                     id, _("Could not restore the story"), error);
}

/**
 * lede_library_delete_article:
 *
 * Deletes a story forever, with its tags, source links and revisions. Only
 * a story already in the trash can be deleted, so nothing is lost by a slip.
 */
gboolean
lede_library_delete_article (LedeLibrary  *self,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  return change_one (self, "DELETE FROM articles WHERE id = ?1 AND trashed_at IS NOT NULL",
                     id, _("Could not delete the story (only stories in the trash can be deleted)"),
                     error);
}

/**
 * lede_library_empty_trash:
 *
 * Deletes every story in the trash forever, with their tags, source links
 * and revisions, in one transaction: all of them or none.
 *
 * Returns: how many were deleted, or -1 with @error set
 */
gint64
lede_library_empty_trash (LedeLibrary  *self,
                          GError      **error)
{
  const char *what = _("Could not empty the trash");
  sqlite3_stmt *stmt;
  gint64 deleted;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);

  /* The trash found through story_list, not by reading every story. */
  if (!(stmt = _lede_library_prepare (self, _lede_library_story_list_is_whole (self)
                                            ? "DELETE FROM articles WHERE id IN (SELECT id FROM story_list WHERE trashed = 1) "
                                              "AND trashed_at IS NOT NULL"
                                            : "DELETE FROM articles WHERE trashed_at IS NOT NULL", error)) ||
      !_lede_library_begin (self, what, error))
    return -1;
  if (!_lede_library_step_done (self, stmt, what, error))
    {
      _lede_library_rollback (self);
      return -1;
    }
  deleted = sqlite3_changes (self->db);
  if (!_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return -1;
    }
  _lede_library_emit_articles_changed (self);
  return deleted;
}

/**
 * lede_library_slug_owner:
 * @except_id: a story to leave out (the one being edited), or 0
 *
 * Returns: (transfer full) (nullable): the headline of another story (not
 *   in the trash) that uses @slug, or %NULL when it is free
 */
char *
lede_library_slug_owner (LedeLibrary *self,
                         const char  *slug,
                         gint64       except_id)
{
  sqlite3_stmt *stmt;
  char *owner = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (slug == NULL || *slug == '\0')
    return NULL;
  stmt = _lede_library_prepare (self,
                                "SELECT headline FROM articles WHERE slug = ?1 AND id <> ?2 AND trashed_at IS NULL LIMIT 1",
                                NULL);
  if (stmt == NULL)
    return NULL;
  _lede_library_bind_text (stmt, 1, slug);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = g_strdup (_lede_library_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return owner;
}

/**
 * lede_library_make_unique_slug:
 *
 * Returns: (transfer full): @slug, or @slug-2, @slug-3… whichever no other
 *   story uses
 */
char *
lede_library_make_unique_slug (LedeLibrary *self,
                               const char  *slug,
                               gint64       except_id)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  /* No slug (no headline yet) is not a slug to number. */
  if (slug == NULL || *slug == '\0')
    return g_strdup ("");

  /* What every candidate starts with: room for "-" and seven digits, cut
   * back after a whole word as candidates are. */
  prefix = g_strndup (slug, MIN (strlen (slug), LEDE_SLUG_MAX_LENGTH - 8));
  if (strlen (prefix) < strlen (slug) && slug[strlen (prefix)] != '-' && strrchr (prefix, '-') != NULL)
    *strrchr (prefix, '-') = '\0';
  pattern = g_strconcat (prefix, "*", NULL);

  /* Every slug that could clash, in one look at the index: slugs are
   * lowercase ASCII, digits and hyphens, none of them GLOB syntax. */
  stmt = _lede_library_prepare (self,
                                "SELECT slug FROM articles WHERE slug GLOB ?1 AND id <> ?2 AND trashed_at IS NULL",
                                NULL);
  if (stmt != NULL)
    {
      _lede_library_bind_text (stmt, 1, pattern);
      sqlite3_bind_int64 (stmt, 2, except_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (taken, g_strdup (_lede_library_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }

  if (!g_hash_table_contains (taken, slug))
    return g_strdup (slug);
  for (guint n = 2; ; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      gsize keep = MIN (strlen (slug), LEDE_SLUG_MAX_LENGTH - strlen (suffix));
      char *candidate;

      /* Still no longer than any slug, and cut after a whole word. */
      if (keep < strlen (slug) && slug[keep] != '-')
        {
          const char *hyphen = g_strrstr_len (slug, keep, "-");

          if (hyphen != NULL)
            keep = hyphen - slug;
        }
      candidate = g_strdup_printf ("%.*s%s", (int)keep, slug, suffix);
      if (!g_hash_table_contains (taken, candidate))
        return candidate;
      g_free (candidate);
    }
}
