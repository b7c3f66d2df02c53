/* lede-library-corrections.c: each published story's corrections log.
 *
 * Like tags and sources, the log is part of the story object (its
 * "corrections" property) and written with it when it is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* Adds one correction to a story's log inside the caller's transaction. */
gboolean
_lede_library_insert_correction (LedeLibrary          *self,
                                 gint64                article_id,
                                 const LedeCorrection *correction,
                                 const char           *what,
                                 GError              **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "INSERT INTO corrections (article_id, created_at, kind, note) "
                                                    "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_time (stmt, 2, correction->created);
  _lede_library_bind_text (stmt, 3, lede_correction_kind_to_string (correction->kind));
  _lede_library_bind_text (stmt, 4, correction->note);
  return _lede_library_step_done (self, stmt, what, error);
}

/* Replaces a story's corrections inside the caller's transaction. */
gboolean
_lede_library_write_corrections (LedeLibrary  *self,
                                 gint64        article_id,
                                 GPtrArray    *corrections,
                                 const char   *what,
                                 GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "DELETE FROM corrections WHERE article_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;
  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    if (!_lede_library_insert_correction (self, article_id, g_ptr_array_index (corrections, i), what, error))
      return FALSE;
  return TRUE;
}

/**
 * lede_library_list_corrections:
 *
 * Returns: (transfer full) (element-type LedeCorrection): the story's
 *   corrections log, oldest first; %NULL on error
 */
GPtrArray *
lede_library_list_corrections (LedeLibrary  *self,
                               gint64        article_id,
                               GError      **error)
{
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_correction_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  /* A reader of a library from before corrections: none to read. */
  if (self->schema_version < 6)
    return g_steal_pointer (&corrections);
  if (!(stmt = _lede_library_prepare (self, "SELECT created_at, kind, note FROM corrections "
                                            "WHERE article_id = ?1 ORDER BY id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) created = _lede_library_parse_time (stmt, 0);
      LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;

      lede_correction_kind_from_string (_lede_library_column_text (stmt, 1), &kind);
      g_ptr_array_add (corrections, lede_correction_new (created, kind, _lede_library_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the story’s corrections"));
      return NULL;
    }
  return g_steal_pointer (&corrections);
}
