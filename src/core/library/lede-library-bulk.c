/* lede-library-bulk.c: many stories at once: trash, restore, status, tags
 * and deleting forever, each all-or-nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-time.h"

/* Runs @sql for each story in @ids inside the caller's transaction: ?1 is
 * the id, ?2 the time now and ?3 @text, when the statement numbers that
 * many (one may go unused). With
 * @must_change, a story the statement does not touch is an error. */
static gboolean
step_each (LedeLibrary  *self,
           const char   *sql,
           GArray       *ids,
           const char   *text,
           gboolean      must_change,
           const char   *what,
           GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _lede_library_prepare (self, sql, error);
      int n_params;

      if (stmt == NULL)
        return FALSE;
      n_params = sqlite3_bind_parameter_count (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (n_params >= 2)
        _lede_library_bind_time (stmt, 2, now);
      if (n_params >= 3)
        _lede_library_bind_text (stmt, 3, text);
      if (!_lede_library_step_done (self, stmt, what, error))
        return FALSE;
      if (must_change && sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                       _("%s: one of them is not where it was (moved or deleted since); nothing was changed"), what);
          return FALSE;
        }
    }
  return TRUE;
}

/* One transaction for the lot: every story changes or none does. */
static gboolean
change_all (LedeLibrary  *self,
            const char   *sql,
            GArray       *ids,
            const char   *text,
            gboolean      must_change,
            gboolean      replaced,
            const char   *what,
            GError      **error)
{
  if (ids->len == 0)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!step_each (self, sql, ids, text, must_change, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  if (replaced)
    _lede_library_emit_replaced_all (self, ids);
  else
    _lede_library_emit_articles_changed (self);
  return TRUE;
}

/**
 * lede_library_trash_stories:
 * @ids: (element-type gint64): stories not in the trash
 *
 * Moves every story in @ids to the trash, or none of them.
 */
gboolean
lede_library_trash_stories (LedeLibrary  *self,
                            GArray       *ids,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return change_all (self, "UPDATE articles SET trashed_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                     ids, NULL, TRUE, FALSE, _("Could not move the stories to the trash"), error);
}

/**
 * lede_library_restore_stories:
 * @ids: (element-type gint64): stories in the trash
 *
 * Brings every story in @ids back from the trash, or none of them.
 */
gboolean
lede_library_restore_stories (LedeLibrary  *self,
                              GArray       *ids,
                              GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return change_all (self, "UPDATE articles SET trashed_at = NULL WHERE id = ?1 AND trashed_at IS NOT NULL",
                     ids, NULL, TRUE, FALSE, _("Could not restore the stories"), error);
}

/**
 * lede_library_set_stories_status:
 * @ids: (element-type gint64): stories not in the trash
 *
 * Gives every story in @ids @status (and a new last-changed time), or
 * none of them. Emits #LedeLibrary::article-replaced for each.
 */
gboolean
lede_library_set_stories_status (LedeLibrary       *self,
                                 GArray            *ids,
                                 LedeArticleStatus  status,
                                 GError           **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  /* None is marked published before its embargo lifts. */
  if (status == LEDE_ARTICLE_STATUS_PUBLISHED)
    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr (LedeArticle) article = lede_library_get_article (self, g_array_index (ids, gint64, i), error);

        if (article == NULL)
          return FALSE;
        if (lede_article_is_under_embargo (article, NULL))
          {
            g_autofree char *until = lede_time_format_utc (lede_article_get_embargo (article));

            g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                         _("“%s” is under embargo until %s: it cannot be marked Published before then, "
                           "so no story’s status was changed."),
                         lede_article_get_headline (article), until);
            return FALSE;
          }
      }

  return change_all (self, "UPDATE articles SET status = ?3, updated_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                     ids, lede_article_status_to_string (status), TRUE, TRUE,
                     _("Could not change the stories’ status"), error);
}

/**
 * lede_library_tag_stories:
 * @ids: (element-type gint64): stories
 * @tag: a tag, in any case; one already in the library under another case
 *   (in full Unicode: _lede_library_tag_as_known()) is reused
 * @add: whether to add @tag to each story or take it off
 *
 * Adds @tag to (or removes it from) every story in @ids, or to none.
 * Stories that already have (or lack) it are left as they are. Emits
 * #LedeLibrary::article-replaced for each.
 */
gboolean
lede_library_tag_stories (LedeLibrary  *self,
                          GArray       *ids,
                          const char   *tag,
                          gboolean      add,
                          GError      **error)
{
  const char *what = add ? _("Could not add the tag") : _("Could not remove the tag");
  g_autofree char *clean = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  clean = lede_article_clean_tag (tag);
  if (*clean == '\0')
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, _("%s: the tag is empty"), what);
      return FALSE;
    }
  if (!add)
    {
      if (!(name = _lede_library_tag_as_known (self, clean, 0, NULL, error)))
        return FALSE;
      return change_all (self,
                         "DELETE FROM article_tags WHERE article_id = ?1 AND "
                         "tag_id = (SELECT id FROM tags WHERE name = ?3)",
                         ids, name, FALSE, TRUE, what, error);
    }

  if (ids->len == 0)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(name = _lede_library_tag_as_known (self, clean, 0, NULL, error)) ||
      !(stmt = _lede_library_prepare (self, "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", error)))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_bind_text (stmt, 1, name);
  if (!_lede_library_step_done (self, stmt, what, error) ||
      !step_each (self,
                  "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                  "SELECT ?1, id FROM tags WHERE name = ?3",
                  ids, name, FALSE, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_replaced_all (self, ids);
  return TRUE;
}

/**
 * lede_library_delete_stories:
 * @ids: (element-type gint64): stories in the trash
 *
 * Deletes every story in @ids forever (with tags, source links and
 * revisions), or none of them. Only stories in the trash can be deleted.
 */
gboolean
lede_library_delete_stories (LedeLibrary  *self,
                             GArray       *ids,
                             GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return change_all (self, "DELETE FROM articles WHERE id = ?1 AND trashed_at IS NOT NULL",
                     ids, NULL, TRUE, FALSE,
                     _("Could not delete the stories (only stories in the trash can be deleted)"), error);
}
