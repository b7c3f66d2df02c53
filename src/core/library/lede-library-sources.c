/* lede-library-sources.c: the library's sources: people and organisations, and the stories that cite them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* Binds a source's fields as ?1 … ?6 and @now as ?7, for INSERT and UPDATE. */
static void
bind_source_fields (sqlite3_stmt     *stmt,
                    const LedeSource *source,
                    GDateTime        *now)
{
  _lede_library_bind_text (stmt, 1, source->name);
  _lede_library_bind_text (stmt, 2, source->role);
  _lede_library_bind_text (stmt, 3, source->organisation);
  _lede_library_bind_text (stmt, 4, source->email);
  _lede_library_bind_text (stmt, 5, source->phone);
  _lede_library_bind_text (stmt, 6, source->notes);
  _lede_library_bind_time (stmt, 7, now);
}

/**
 * lede_library_create_source:
 *
 * Stores @source as a new library-wide source and fills in its id.
 */
gboolean
lede_library_create_source (LedeLibrary  *self,
                            LedeSource   *source,
                            GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (source != NULL && source->name != NULL, FALSE);

  stmt = _lede_library_prepare (self,
                                "INSERT INTO sources (name, role, organisation, email, phone, notes, created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_source_fields (stmt, source, now);
  if (!_lede_library_step_done (self, stmt, _("Could not add the source"), error))
    return FALSE;
  source->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * lede_library_link_source:
 * @note: how the story uses the source, e.g. "on background"
 *
 * Links source @source_id to story @article_id, or changes the note of an
 * existing link.
 */
gboolean
lede_library_link_source (LedeLibrary  *self,
                          gint64        article_id,
                          gint64        source_id,
                          const char   *note,
                          GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  stmt = _lede_library_prepare (self,
                                "INSERT INTO article_sources (article_id, source_id, note) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (article_id, source_id) DO UPDATE SET note = excluded.note",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, source_id);
  _lede_library_bind_text (stmt, 3, note ? note : "");
  if (!_lede_library_step_done (self, stmt, _("Could not link the source"), error))
    return FALSE;
  _lede_library_emit_article_replaced (self, article_id);
  return TRUE;
}

/* The id of the library's source called @name (in any case, the oldest
 * first), made as a name-only source when there is none: how a story
 * imported with "sources:" in its front matter is linked. 0 on error. */
static gint64
source_named (LedeLibrary  *self,
              const char   *name,
              const char   *what,
              GError      **error)
{
  g_autoptr (LedeSource) fresh = NULL;
  g_autofree char *folded = g_utf8_casefold (name, -1);
  /* SQLite folds only ASCII: "Émile" and "émile" are compared here. */
  sqlite3_stmt *stmt = _lede_library_prepare (self, "SELECT id, name FROM sources ORDER BY id", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  while (id == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold (_lede_library_column_text (stmt, 1), -1);

      if (g_str_equal (folded, other))
        id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (id == 0 && rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, what);
      return 0;
    }
  if (id != 0)
    return id;
  fresh = lede_source_new (name);
  return lede_library_create_source (self, fresh, error) ? fresh->id : 0;
}

/* Replaces a story's links to sources inside the caller's transaction. A
 * source deleted meanwhile (from the sources manager) is left out; one
 * known only by name (id 0) is linked to the source of that name. */
gboolean
_lede_library_write_sources (LedeLibrary  *self,
                             gint64        article_id,
                             GPtrArray    *sources,
                             const char   *what,
                             GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "DELETE FROM article_sources WHERE article_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      LedeSource *source = g_ptr_array_index (sources, i);
      gint64 id = source->id;

      if (id == 0 && (id = source_named (self, source->name, what, error)) == 0)
        return FALSE;
      if (!_lede_library_write_one (self,
                                    "INSERT OR IGNORE INTO article_sources (article_id, source_id, note) "
                                    "SELECT ?1, id, ?3 FROM sources WHERE id = ?2",
                                    article_id, id, source->story_note ? source->story_note : "",
                                    what, error))
        return FALSE;
    }
  return TRUE;
}

/* The stories citing source @id, so the objects handed out for them can
 * be told it changed. */
static GArray *
stories_citing (LedeLibrary  *self,
                gint64        id)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "SELECT article_id FROM article_sources WHERE source_id = ?1", NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 story = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, story);
    }
  sqlite3_reset (stmt);
  return ids;
}


/**
 * lede_library_list_story_sources:
 *
 * Returns: (transfer full) (element-type LedeSource): the sources linked
 *   to story @article_id, by name, each with its story note
 */
GPtrArray *
lede_library_list_story_sources (LedeLibrary  *self,
                                 gint64        article_id,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self,
                                "SELECT s.id, s.name, s.role, s.organisation, s.email, s.phone, s.notes, l.note "
                                "FROM article_sources AS l JOIN sources AS s ON s.id = l.source_id "
                                "WHERE l.article_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return _lede_library_read_sources (self, stmt, error);
}

static LedeSource *
source_from_row (sqlite3_stmt *stmt)
{
  LedeSource *source = lede_source_new (_lede_library_column_text (stmt, 1));

  source->id = sqlite3_column_int64 (stmt, 0);
  g_free (source->role), source->role = g_strdup (_lede_library_column_text (stmt, 2));
  g_free (source->organisation), source->organisation = g_strdup (_lede_library_column_text (stmt, 3));
  g_free (source->email), source->email = g_strdup (_lede_library_column_text (stmt, 4));
  g_free (source->phone), source->phone = g_strdup (_lede_library_column_text (stmt, 5));
  g_free (source->notes), source->notes = g_strdup (_lede_library_column_text (stmt, 6));
  g_free (source->story_note), source->story_note = g_strdup (_lede_library_column_text (stmt, 7));
  return source;
}

GPtrArray *
_lede_library_read_sources (LedeLibrary  *self,
                            sqlite3_stmt *stmt,
                            GError      **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_source_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, source_from_row (stmt));
  if (rc != SQLITE_DONE)
    _lede_library_set_sqlite_error (self, error, rc, _("Could not read the sources"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&sources) : NULL;
}

/**
 * lede_library_list_sources:
 *
 * Returns: (transfer full) (element-type LedeSource): every source in the
 *   library by name; story_note holds how many stories cite it
 */
GPtrArray *
lede_library_list_sources (LedeLibrary  *self,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  stmt = _lede_library_prepare (self,
                                "SELECT s.id, s.name, s.role, s.organisation, s.email, s.phone, s.notes, "
                                "       count (l.article_id) FROM sources AS s "
                                "LEFT JOIN article_sources AS l ON l.source_id = s.id "
                                "GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id",
                                error);
  return stmt ? _lede_library_read_sources (self, stmt, error) : NULL;
}

/**
 * lede_library_update_source:
 *
 * Saves @source's fields (not its story note: see lede_library_link_source()).
 */
gboolean
lede_library_update_source (LedeLibrary  *self,
                            LedeSource   *source,
                            GError      **error)
{
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  g_autoptr (GArray) stories = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (source != NULL && source->id > 0, FALSE);

  stmt = _lede_library_prepare (self,
                                "UPDATE sources SET name = ?1, role = ?2, organisation = ?3, email = ?4, phone = ?5, "
                                "notes = ?6, updated_at = ?7 WHERE id = ?8",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_source_fields (stmt, source, now);
  sqlite3_bind_int64 (stmt, 8, source->id);
  if (!_lede_library_step_done (self, stmt, _("Could not save the source"), error))
    return FALSE;
  stories = stories_citing (self, source->id);
  _lede_library_emit_replaced_all (self, stories);
  return TRUE;
}

/**
 * lede_library_delete_source:
 *
 * Deletes source @id and its links to stories; the stories stay.
 */
gboolean
lede_library_delete_source (LedeLibrary  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr (GArray) stories = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  stories = stories_citing (self, id);
  if (!_lede_library_write_one (self, "DELETE FROM sources WHERE id = ?1", id, 0, NULL,
                                _("Could not delete the source"), error))
    return FALSE;
  _lede_library_emit_replaced_all (self, stories);
  return TRUE;
}

gboolean
lede_library_unlink_source (LedeLibrary  *self,
                            gint64        article_id,
                            gint64        source_id,
                            GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  if (!_lede_library_write_one (self, "DELETE FROM article_sources WHERE article_id = ?1 AND source_id = ?2",
                                article_id, source_id, NULL, _("Could not unlink the source"), error))
    return FALSE;
  _lede_library_emit_article_replaced (self, article_id);
  return TRUE;
}

/**
 * lede_library_list_source_stories:
 *
 * Returns: (transfer full): the headlines of the stories citing source @id
 */
char **
lede_library_list_source_stories (LedeLibrary  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_read_strings (self,
                                     "SELECT a.headline FROM article_sources AS l JOIN articles AS a ON a.id = l.article_id "
                                     "WHERE l.source_id = ?1 ORDER BY a.created_at DESC",
                                     id, _("Could not read the sources"), error);
}
