/* lede-library-site-posts.c: the post each story became on each publishing
 * site (schema 10), so publishing again updates that post, and a change
 * made on the site since (a later modified_gmt) is noticed before it
 * could be overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/**
 * lede_library_get_site_post:
 * @site: the site's address
 * @post_id: (out): the post's id on the site, or 0 when the story never
 *   went there
 * @modified_gmt: (out) (optional) (transfer full) (nullable): the post's
 *   modified_gmt as the site last gave it
 * @link: (out) (optional) (transfer full) (nullable): the post's address
 *
 * Returns: %FALSE only when the library could not be read
 */
gboolean
lede_library_get_site_post (LedeLibrary  *self,
                            gint64        article_id,
                            const char   *site,
                            gint64       *post_id,
                            char        **modified_gmt,
                            char        **link,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && post_id != NULL, FALSE);

  *post_id = 0;
  if (modified_gmt)
    *modified_gmt = NULL;
  if (link)
    *link = NULL;
  /* A reader of a library from before schema 10: nothing was published. */
  if (self->schema_version < 10)
    return TRUE;
  if (!(stmt = _lede_library_prepare (self, "SELECT post_id, modified_gmt, link FROM site_posts "
                                            "WHERE article_id = ?1 AND site = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_text (stmt, 2, site);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *post_id = sqlite3_column_int64 (stmt, 0);
      if (modified_gmt)
        *modified_gmt = g_strdup (_lede_library_column_text (stmt, 1));
      if (link)
        *link = g_strdup (_lede_library_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read which post the story is on the site"));
  return TRUE;
}

/* The row that says the story is post @post_id on @site, sent now; inside
 * the caller's transaction. */
static gboolean
write_site_post (LedeLibrary  *self,
                 gint64        article_id,
                 const char   *site,
                 gint64        post_id,
                 const char   *modified_gmt,
                 const char   *status,
                 const char   *link,
                 GDateTime    *date,
                 gboolean      for_embargo,
                 const char   *what,
                 GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt;

  if (!(stmt = _lede_library_prepare (self, "INSERT OR REPLACE INTO site_posts "
                                            "(article_id, site, post_id, modified_gmt, status, link, sent_at, date_at, "
                                            "for_embargo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_text (stmt, 2, site);
  sqlite3_bind_int64 (stmt, 3, post_id);
  _lede_library_bind_text (stmt, 4, modified_gmt);
  _lede_library_bind_text (stmt, 5, status);
  _lede_library_bind_text (stmt, 6, link ? link : "");
  _lede_library_bind_time (stmt, 7, now);
  _lede_library_bind_time (stmt, 8, date);
  sqlite3_bind_int (stmt, 9, for_embargo);
  return _lede_library_step_done (self, stmt, what, error);
}

/**
 * lede_library_set_site_post:
 * @site: the site's address
 * @modified_gmt: the post's modified_gmt as the site just gave it
 * @status: the post's status there (draft, future, publish, pending)
 * @date: (nullable): when the post goes out (or went), as the site answered
 * @for_embargo: whether @date is the story's embargo lifting, so a moved
 *   embargo moves the post (lede_library_outbox_list())
 *
 * Remembers that the story is post @post_id on @site, as the site answered
 * the publish that made or updated it.
 */
gboolean
lede_library_set_site_post (LedeLibrary  *self,
                            gint64        article_id,
                            const char   *site,
                            gint64        post_id,
                            const char   *modified_gmt,
                            const char   *status,
                            const char   *link,
                            GDateTime    *date,
                            gboolean      for_embargo,
                            GError      **error)
{
  const char *what = _("Could not remember the story’s post on the site");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && post_id > 0 && modified_gmt != NULL && status != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!write_site_post (self, article_id, site, post_id, modified_gmt, status, link, date, for_embargo, what, error) ||
      !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}

/**
 * lede_library_move_site_post:
 * @site: the site's address
 * @modified_gmt: the modified_gmt to keep: the site's answer, or the one
 *   kept before when someone else had changed the post there since
 * @status: the post's status there now
 * @date: (nullable): when it goes out now
 *
 * Remembers the post's new time after an embargo moved it (or that it is
 * no longer waiting on the site, by its status). Whether its time is the
 * lift stays as it was.
 */
gboolean
lede_library_move_site_post (LedeLibrary  *self,
                             gint64        article_id,
                             const char   *site,
                             const char   *modified_gmt,
                             const char   *status,
                             GDateTime    *date,
                             GError      **error)
{
  const char *what = _("Could not remember the post’s new time");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && modified_gmt != NULL && status != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, "UPDATE site_posts SET modified_gmt = ?3, status = ?4, date_at = ?5 "
                                            "WHERE article_id = ?1 AND site = ?2", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_text (stmt, 2, site);
  _lede_library_bind_text (stmt, 3, modified_gmt);
  _lede_library_bind_text (stmt, 4, status);
  _lede_library_bind_time (stmt, 5, date);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}

/**
 * lede_library_list_site_posts:
 *
 * Returns: (transfer container) (element-type LedeSitePost): the posts the
 *   story became on every site it was sent to, the latest sent first;
 *   %NULL only when the library could not be read
 */
GPtrArray *
lede_library_list_site_posts (LedeLibrary  *self,
                              gint64        article_id,
                              GError      **error)
{
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_site_post_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < 10)
    return g_steal_pointer (&posts);
  if (!(stmt = _lede_library_prepare (self, "SELECT site, post_id, status, link, sent_at FROM site_posts "
                                            "WHERE article_id = ?1 ORDER BY sent_at DESC, site", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedeSitePost *post = g_new0 (LedeSitePost, 1);

      post->site = g_strdup (_lede_library_column_text (stmt, 0));
      post->post_id = sqlite3_column_int64 (stmt, 1);
      post->status = g_strdup (_lede_library_column_text (stmt, 2));
      post->link = g_strdup (_lede_library_column_text (stmt, 3));
      post->sent_at = _lede_library_parse_time (stmt, 4);
      g_ptr_array_add (posts, post);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read where the story was published"));
      return NULL;
    }
  return g_steal_pointer (&posts);
}

/* Forgets the story's post on @site (deleted there, and the writer chose
 * to send the story anew). */
gboolean
lede_library_forget_site_post (LedeLibrary  *self,
                               gint64        article_id,
                               const char   *site,
                               GError      **error)
{
  const char *what = _("Could not forget the story’s post on the site");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, "DELETE FROM site_posts WHERE article_id = ?1 AND site = ?2", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_text (stmt, 2, site);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}

/**
 * lede_library_find_site_post_story:
 * @site: the site's address
 * @article_id: (out): the story that is post @post_id on @site, or 0
 *
 * Returns: %FALSE only when the library could not be read
 */
gboolean
lede_library_find_site_post_story (LedeLibrary  *self,
                                   const char   *site,
                                   gint64        post_id,
                                   gint64       *article_id,
                                   GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && article_id != NULL, FALSE);

  *article_id = 0;
  if (self->schema_version < 10)
    return TRUE;
  if (!(stmt = _lede_library_prepare (self, "SELECT article_id FROM site_posts WHERE site = ?1 AND post_id = ?2",
                                      error)))
    return FALSE;
  _lede_library_bind_text (stmt, 1, site);
  sqlite3_bind_int64 (stmt, 2, post_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *article_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read which story a post on the site is"));
  return TRUE;
}

/**
 * lede_library_add_site_story:
 * @article: a story read from a post on @site (lede_pull_read())
 * @tags: (nullable): its tags
 *
 * Adds the story and remembers it is post @post_id on @site, in one
 * transaction: a story pulled from a site is never in the library without
 * its post, which a second pull would then bring again.
 */
gboolean
lede_library_add_site_story (LedeLibrary        *self,
                             LedeArticle        *article,
                             const char * const *tags,
                             const char         *site,
                             gint64              post_id,
                             const char         *modified_gmt,
                             const char         *status,
                             const char         *link,
                             GError            **error)
{
  const char *what = _("Could not add the story from the site");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (site != NULL && post_id > 0 && modified_gmt != NULL && status != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  /* A draft has no time to go out yet. */
  if (!_lede_library_insert_story (self, article, tags, what, error) ||
      !write_site_post (self, lede_article_get_id (article), site, post_id, modified_gmt, status, link, NULL, FALSE,
                        what, error) ||
      !_lede_library_commit (self, what, error))
    goto failed;
  _lede_library_story_added (self, article, tags);
  return TRUE;

failed:
  _lede_library_rollback (self);
  lede_article_set_id (article, 0);
  return FALSE;
}

/**
 * lede_library_get_site_media:
 * @site: the site's address
 * @sha256: the picture's (#LedePhoto)
 * @media_id: (out): its id in the site's media library, or 0 when it was
 *   never sent there
 * @source_url: (out) (transfer full) (nullable): its address there
 *
 * Returns: %FALSE only when the library could not be read
 */
gboolean
lede_library_get_site_media (LedeLibrary  *self,
                             const char   *site,
                             const char   *sha256,
                             gint64       *media_id,
                             char        **source_url,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && sha256 != NULL && media_id != NULL && source_url != NULL, FALSE);

  *media_id = 0;
  *source_url = NULL;
  if (self->schema_version < LEDE_LIBRARY_SITE_MEDIA_SCHEMA)
    return TRUE;
  if (!(stmt = _lede_library_prepare (self, "SELECT media_id, source_url FROM site_media WHERE site = ?1 AND sha256 = ?2",
                                      error)))
    return FALSE;
  _lede_library_bind_text (stmt, 1, site);
  _lede_library_bind_text (stmt, 2, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *media_id = sqlite3_column_int64 (stmt, 0);
      *source_url = g_strdup (_lede_library_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read which pictures the site has"));
  return TRUE;
}

/**
 * lede_library_set_site_media:
 *
 * Remembers that the picture @sha256 is item @media_id of @site's media
 * library, at @source_url.
 */
gboolean
lede_library_set_site_media (LedeLibrary  *self,
                             const char   *site,
                             const char   *sha256,
                             gint64        media_id,
                             const char   *source_url,
                             GError      **error)
{
  const char *what = _("Could not remember the picture sent to the site");
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (site != NULL && sha256 != NULL && media_id > 0 && source_url != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, "INSERT OR REPLACE INTO site_media (site, sha256, media_id, source_url, sent_at) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    goto failed;
  _lede_library_bind_text (stmt, 1, site);
  _lede_library_bind_text (stmt, 2, sha256);
  sqlite3_bind_int64 (stmt, 3, media_id);
  _lede_library_bind_text (stmt, 4, source_url);
  _lede_library_bind_time (stmt, 5, now);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}
