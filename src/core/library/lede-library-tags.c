/* lede-library-tags.c: the library's tags: a story's tags, and renaming, merging and deleting them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* A key that is the same for a name in any case and any composition.
 * Small letters, not a case fold: a fold makes "Straße" "strasse", which
 * an ASCII name would then have to be looked for among the others too. */
static char *
tag_key (const char *name)
{
  g_autofree char *composed = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  /* A name stored by hand that is not UTF-8 is only ever itself. */
  return composed ? g_utf8_strdown (composed, -1) : g_strdup (name);
}

/* The first name (and its id, into *@id) that @stmt reads, as id and
 * name, whose key is @key; or %NULL (*@rc says whether the reading ended
 * well). */
static char *
find_by_key (sqlite3_stmt *stmt,
             const char   *key,
             gint64       *id,
             int          *rc)
{
  char *found = NULL;

  while (found == NULL && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *name_key = tag_key (name);

      if (g_strcmp0 (key, name_key) == 0)
        {
          found = g_strdup (name);
          *id = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * _lede_library_tag_as_known:
 * @name: a clean tag (lede_article_clean_tag())
 * @except_id: a tag not to be found (the one being renamed), or 0
 * @known_id: (out) (optional): the tag found, or 0 when @name is new
 *
 * SQLite's NOCASE, which the tags' names compare with, folds the case of
 * ASCII letters only: "ÉCONOMIE" would be a tag of its own beside
 * "économie". The tag of that very name (but for A to Z's case) comes
 * first, from the index; failing it, a name with other letters is looked
 * for among the tags in small letters (Unicode's), and reused as the
 * library spells it.
 *
 * Returns: (transfer full): @name as the library has it, or @name when it
 *   is new; %NULL on error
 */
char *
_lede_library_tag_as_known (LedeLibrary  *self,
                            const char   *name,
                            gint64        except_id,
                            gint64       *known_id,
                            GError      **error)
{
  g_autofree char *key = NULL;
  char *known = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc = SQLITE_DONE;

  if (!(stmt = _lede_library_prepare (self, "SELECT id, name FROM tags WHERE name = ?1 AND id <> ?2", error)))
    return NULL;
  _lede_library_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      known = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (known == NULL && rc == SQLITE_DONE && !g_str_is_ascii (name))
    {
      key = tag_key (name);
      if (!(stmt = _lede_library_prepare (self, "SELECT id, name FROM tags WHERE name GLOB '*[^ -~]*' AND id <> ?1",
                                          error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, except_id);
      known = find_by_key (stmt, key, &id, &rc);
    }
  if (known == NULL && rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the tags"));
      return NULL;
    }
  if (known_id)
    *known_id = id;
  return known ? known : g_strdup (name);
}

/* Replaces a story's tags inside the caller's transaction. A tag already in
 * the library under another case is reused, so "brexit" joins "Brexit"
 * and "ÉCONOMIE" joins "économie". */
gboolean
_lede_library_write_tags (LedeLibrary        *self,
                          gint64              article_id,
                          const char * const *tags,
                          const char         *what,
                          GError            **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "DELETE FROM article_tags WHERE article_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      /* A tag is a one-line field like any other. */
      g_autofree char *clean = lede_article_clean_tag (tags[i]);
      g_autofree char *name = NULL;

      if (*clean == '\0')
        continue;
      if (!(name = _lede_library_tag_as_known (self, clean, 0, NULL, error)))
        return FALSE;
      stmt = _lede_library_prepare (self, "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      _lede_library_bind_text (stmt, 1, name);
      if (!_lede_library_step_done (self, stmt, what, error))
        return FALSE;

      stmt = _lede_library_prepare (self,
                                    "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                                    "SELECT ?1, id FROM tags WHERE name = ?2",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      _lede_library_bind_text (stmt, 2, name);
      if (!_lede_library_step_done (self, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lede_library_set_tags:
 * @tags: (array zero-terminated=1): the story's tags, in any case
 *
 * Replaces the tags of story @id. Blank tags are skipped and tags that
 * differ only in case are one tag.
 */
gboolean
lede_library_set_tags (LedeLibrary        *self,
                       gint64              id,
                       const char * const *tags,
                       GError            **error)
{
  const char *what = _("Could not save the tags");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_write_tags (self, id, tags, what, error) || !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_article_replaced (self, id);
  _lede_library_emit_articles_changed (self);
  return TRUE;
}

/* The stories carrying tag @id or @other, read inside the change so the
 * objects handed out for them can be told after. */
static GArray *
stories_tagged (LedeLibrary  *self,
                gint64        id,
                gint64        other,
                GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self,
                                              "SELECT DISTINCT article_id FROM article_tags WHERE tag_id IN (?1, ?2)",
                                              error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, other);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 story = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, story);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the tags"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_library_get_tags:
 *
 * Returns: (transfer full): the tags of story @id, sorted without regard
 *   to case, or %NULL with @error set
 */
char **
lede_library_get_tags (LedeLibrary  *self,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_read_strings (self,
                                     "SELECT t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id "
                                     "WHERE at.article_id = ?1 ORDER BY t.name COLLATE NOCASE",
                                     id, _("Could not read the tags"), error);
}

/**
 * lede_library_list_tags:
 *
 * Returns: (transfer full) (element-type LedeTag): every tag, by name, with
 *   how many stories (not in the trash) carry it
 */
GPtrArray *
lede_library_list_tags (LedeLibrary  *self,
                        GError      **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_tag_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  /* Every story a tag's index holds, less those in the trash (few): with
   * story_list, the trash is found without reading a story's row (each
   * row's trashed_at sits after its body: seconds at a million). */
  stmt = _lede_library_prepare (self,
                                _lede_library_story_list_is_whole (self)
                                ? "SELECT t.id, t.name, (SELECT count (*) FROM article_tags WHERE tag_id = t.id) "
                                  "                     - coalesce (g.n, 0) FROM tags AS t "
                                  "LEFT JOIN (SELECT at.tag_id, count (*) AS n FROM story_list AS l "
                                  "           JOIN article_tags AS at ON at.article_id = l.id "
                                  "           WHERE l.trashed = 1 GROUP BY at.tag_id) AS g ON g.tag_id = t.id "
                                  "ORDER BY t.name COLLATE NOCASE"
                                : "SELECT t.id, t.name, count (a.id) FROM tags AS t "
                                  "LEFT JOIN article_tags AS at ON at.tag_id = t.id "
                                  "LEFT JOIN articles AS a ON a.id = at.article_id AND a.trashed_at IS NULL "
                                  "GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, lede_tag_new (sqlite3_column_int64 (stmt, 0), _lede_library_column_text (stmt, 1),
                                         (guint)sqlite3_column_int64 (stmt, 2)));
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not read the tags"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&tags) : NULL;
}

/**
 * lede_library_list_tag_names:
 *
 * The tags' names alone, for what needs no counts (completions, the
 * speller's known words): cheap whatever the library's size.
 *
 * Returns: (transfer full): every tag's name, by name, or %NULL with
 *   @error set
 */
char **
lede_library_list_tag_names (LedeLibrary  *self,
                             GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_read_strings (self, "SELECT name FROM tags ORDER BY name COLLATE NOCASE",
                                     0, _("Could not read the tags"), error);
}

/**
 * lede_library_list_tags_in_use:
 * @also: (nullable): a tag to list even with no story (the filter chosen)
 *
 * The tags at least one story not in the trash carries, for the sidebar's
 * filter, read again at every change of the library's stories: each tag's
 * first such story ends the search, where lede_library_list_tags() counts
 * every story (60 ms at a million, on the window's thread).
 *
 * Returns: (transfer full): their names, by name, or %NULL with @error set
 */
char **
lede_library_list_tags_in_use (LedeLibrary  *self,
                               const char   *also,
                               GError      **error)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self,
                                _lede_library_story_list_is_whole (self)
                                ? "SELECT t.name FROM tags AS t WHERE t.name = ?1 OR EXISTS ("
                                  "  SELECT 1 FROM article_tags AS at JOIN story_list AS l ON l.id = at.article_id "
                                  "  WHERE at.tag_id = t.id AND l.trashed = 0) "
                                  "ORDER BY t.name COLLATE NOCASE"
                                : "SELECT t.name FROM tags AS t WHERE t.name = ?1 OR EXISTS ("
                                  "  SELECT 1 FROM article_tags AS at JOIN articles AS a ON a.id = at.article_id "
                                  "  WHERE at.tag_id = t.id AND a.trashed_at IS NULL) "
                                  "ORDER BY t.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  _lede_library_bind_text (stmt, 1, also);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, _lede_library_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the tags"));
      return NULL;
    }
  return g_strv_builder_end (names);
}

/**
 * lede_library_rename_tag:
 *
 * Renames tag @id. If another tag already has @name (in any case), the two
 * are merged: its stories keep one tag, named @name.
 */
gboolean
lede_library_rename_tag (LedeLibrary  *self,
                         gint64        id,
                         const char   *name,
                         GError      **error)
{
  const char *what = _("Could not rename the tag");
  g_autofree char *clean = NULL;
  g_autofree char *known = NULL;
  g_autoptr (GArray) stories = NULL;
  gint64 other = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  clean = lede_article_clean_tag (name);
  if (*clean == '\0')
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED, _("%s: a tag needs a name"), what);
      return FALSE;
    }
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  /* Another tag of that name, in any case, is merged with this one. */
  if (!(known = _lede_library_tag_as_known (self, clean, id, &other, error)) ||
      !(stories = stories_tagged (self, id, other, error)))
    goto fail;
  if (other != 0)
    {
      /* Merge: the other tag's stories move over, then it goes. */
      if (!_lede_library_write_one (self, "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                            "SELECT article_id, ?1 FROM article_tags WHERE tag_id = ?2",
                      id, other, NULL, what, error) ||
          !_lede_library_write_one (self, "DELETE FROM tags WHERE id = ?2", id, other, NULL, what, error))
        goto fail;
    }
  if (!_lede_library_write_one (self, "UPDATE tags SET name = ?3 WHERE id = ?1", id, 0, clean, what, error) ||
      !_lede_library_commit (self, what, error))
    goto fail;
  _lede_library_emit_replaced_all (self, stories);
  return TRUE;

fail:
  _lede_library_rollback (self);
  return FALSE;
}

/**
 * lede_library_delete_tag:
 *
 * Deletes tag @id from the library and from every story that had it.
 */
gboolean
lede_library_delete_tag (LedeLibrary  *self,
                         gint64        id,
                         GError      **error)
{
  const char *what = _("Could not delete the tag");
  g_autoptr (GArray) stories = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  /* article_tags first, so the index's triggers see each story lose it. */
  if (!(stories = stories_tagged (self, id, 0, error)) ||
      !_lede_library_write_one (self, "DELETE FROM article_tags WHERE tag_id = ?1", id, 0, NULL, what, error) ||
      !_lede_library_write_one (self, "DELETE FROM tags WHERE id = ?1", id, 0, NULL, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_replaced_all (self, stories);
  return TRUE;
}

/**
 * lede_library_list_dictionary:
 *
 * Returns: (transfer full): the words added to the library's spelling
 *   dictionary, or %NULL with @error set
 */
char **
lede_library_list_dictionary (LedeLibrary  *self,
                              GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_read_strings (self, "SELECT word FROM dictionary ORDER BY word",
                                     0, _("Could not read the spelling dictionary"), error);
}

/**
 * lede_library_add_to_dictionary:
 *
 * Adds @word to the library's spelling dictionary (once).
 */
gboolean
lede_library_add_to_dictionary (LedeLibrary  *self,
                                const char   *word,
                                GError      **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  clean = g_strstrip (lede_article_clean_line (word));
  if (*clean == '\0')
    return TRUE;
  return _lede_library_write_one (self, "INSERT OR IGNORE INTO dictionary (word) VALUES (?3)", 0, 0, clean,
                                  _("Could not add the word to the dictionary"), error);
}
