/* lede-library-wires.c: stories from the wire, known by their provider's
 * id (schema 12).
 *
 * A wire story's row says which version of it the library took last,
 * what the wire said of it (usable, withheld, canceled) and the SHA-256
 * of its headline and body as taken: a later version may update the story
 * in place only while it still hashes the same, i.e. nobody at the desk
 * has edited it. The row is written in the transaction that writes the
 * story, so a story is never without it, nor it without the story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* The first schema with the wires table. */
#define WIRES_SCHEMA 12

void
lede_library_wire_clear (LedeLibraryWire *wire)
{
  g_clear_pointer (&wire->id, g_free);
  g_clear_pointer (&wire->format, g_free);
  g_clear_pointer (&wire->version, g_free);
  g_clear_pointer (&wire->version_created, g_date_time_unref);
  g_clear_pointer (&wire->pubstatus, g_free);
  g_clear_pointer (&wire->taken_sha256, g_free);
}

/* What a story's words were when taken: headline, a line break, body. */
char *
lede_library_wire_dup_sha256 (const char *headline,
                              const char *body)
{
  g_autofree char *text = g_strconcat (headline, "\n", body, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/**
 * lede_library_find_wire:
 * @found: (out caller-allocates) (optional): the row, to clear with
 *   lede_library_wire_clear()
 *
 * Finds the story taken from the wire as @wire_id: the newest, when the
 * story was taken twice (as a new copy); one in the trash only when no
 * other has it.
 *
 * Returns: the story's id; 0 when none; -1 with @error set
 */
gint64
lede_library_find_wire (LedeLibrary      *self,
                        const char       *wire_id,
                        LedeLibraryWire  *found,
                        GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), -1);
  g_return_val_if_fail (wire_id != NULL, -1);

  if (found)
    *found = (LedeLibraryWire) { 0 };
  if (self->schema_version < WIRES_SCHEMA)
    return 0;
  stmt = _lede_library_prepare (self,
                                "SELECT w.article_id, w.format, w.version, w.version_created, w.pubstatus, "
                                "w.taken_sha256 FROM wires w JOIN articles a ON a.id = w.article_id "
                                "WHERE w.wire_id = ?1 ORDER BY a.trashed_at IS NOT NULL, a.id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return -1;
  _lede_library_bind_text (stmt, 1, wire_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (found)
        {
          found->id = g_strdup (wire_id);
          found->format = g_strdup (_lede_library_column_text (stmt, 1));
          found->version = g_strdup (_lede_library_column_text (stmt, 2));
          found->version_created = _lede_library_parse_time (stmt, 3);
          found->pubstatus = g_strdup (_lede_library_column_text (stmt, 4));
          found->taken_sha256 = g_strdup (_lede_library_column_text (stmt, 5));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not look for the wire story"));
      return -1;
    }
  return id;
}

static gboolean
write_wire (LedeLibrary           *self,
            gint64                 id,
            const LedeLibraryWire *wire,
            const char            *what,
            GError               **error)
{
  sqlite3_stmt *stmt;

  if (self->schema_version < WIRES_SCHEMA)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("%s: this library is too old to keep wire stories"), what);
      return FALSE;
    }
  stmt = _lede_library_prepare (self,
                                "INSERT OR REPLACE INTO wires (article_id, wire_id, format, version, version_created, "
                                "pubstatus, taken_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _lede_library_bind_text (stmt, 2, wire->id);
  _lede_library_bind_text (stmt, 3, wire->format ? wire->format : "");
  _lede_library_bind_text (stmt, 4, wire->version ? wire->version : "");
  _lede_library_bind_time (stmt, 5, wire->version_created);
  _lede_library_bind_text (stmt, 6, wire->pubstatus ? wire->pubstatus : "usable");
  _lede_library_bind_text (stmt, 7, wire->taken_sha256 ? wire->taken_sha256 : "");
  return _lede_library_step_done (self, stmt, what, error);
}

/**
 * lede_library_add_wire_story:
 *
 * lede_library_add_story(), with the story's wire identity, in one
 * transaction.
 */
gboolean
lede_library_add_wire_story (LedeLibrary            *self,
                             LedeArticle            *article,
                             const char * const     *tags,
                             const LedeLibraryWire  *wire,
                             GError                **error)
{
  const char *what = _("Could not add the story");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (wire != NULL && wire->id != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_insert_story (self, article, tags, what, error) ||
      !write_wire (self, lede_article_get_id (article), wire, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      lede_article_set_id (article, 0);
      return FALSE;
    }
  _lede_library_story_added (self, article, tags);
  return TRUE;
}

/**
 * lede_library_replace_wire_story:
 *
 * lede_library_replace_story(), with the wire version it now holds, in
 * one transaction.
 */
gboolean
lede_library_replace_wire_story (LedeLibrary            *self,
                                 gint64                  id,
                                 LedeArticle            *article,
                                 const char * const     *tags,
                                 const LedeLibraryWire  *wire,
                                 GError                **error)
{
  const char *what = _("Could not update the story");

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (wire != NULL && wire->id != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_rewrite_story (self, id, article, tags, what, error) ||
      !write_wire (self, id, wire, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_article_replaced (self, id);
  _lede_library_emit_articles_changed (self);
  return TRUE;
}

/**
 * lede_library_set_wire_status:
 * @wire: the version the wire now says it of (its taken_sha256 is kept as
 *   the library has it)
 * @front_matter: the story's kept front matter keys, with the new "wire:"
 *   block
 *
 * Records what the wire now says of story @id (a kill, a withhold) without
 * touching its words, in one transaction.
 */
gboolean
lede_library_set_wire_status (LedeLibrary            *self,
                              gint64                  id,
                              const LedeLibraryWire  *wire,
                              const char             *front_matter,
                              GError                **error)
{
  const char *what = _("Could not record what the wire said of the story");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (wire != NULL && wire->id != NULL, FALSE);

  if (self->schema_version < WIRES_SCHEMA)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("%s: this library is too old to keep wire stories"), what);
      return FALSE;
    }
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  stmt = _lede_library_prepare (self,
                                "UPDATE wires SET version = ?2, version_created = ?3, pubstatus = ?4 "
                                "WHERE article_id = ?1",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      _lede_library_bind_text (stmt, 2, wire->version ? wire->version : "");
      _lede_library_bind_time (stmt, 3, wire->version_created);
      _lede_library_bind_text (stmt, 4, wire->pubstatus ? wire->pubstatus : "usable");
    }
  if (stmt == NULL || !_lede_library_step_done (self, stmt, what, error) ||
      !_lede_library_write_one (self, "UPDATE articles SET front_matter = ?3 WHERE id = ?1", id, 0, front_matter,
                                what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  _lede_library_emit_article_replaced (self, id);
  return TRUE;
}
