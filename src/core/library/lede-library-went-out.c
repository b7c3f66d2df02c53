/* lede-library-went-out.c: what readers saw of each story the last time
 * it went out (schema 8), so that a published story changed since is asked
 * about before it goes out again (lede-gate.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/**
 * lede_library_get_went_out:
 * @reader_text: (out) (transfer full) (nullable): what readers saw when the
 *   story last went out, or %NULL when it never went out
 * @at: (out) (optional) (transfer full) (nullable): when it went out
 *
 * Returns: %FALSE only when the library could not be read
 */
gboolean
lede_library_get_went_out (LedeLibrary  *self,
                           gint64        article_id,
                           char        **reader_text,
                           GDateTime   **at,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (reader_text != NULL, FALSE);

  *reader_text = NULL;
  if (at != NULL)
    *at = NULL;
  /* A reader of a library from before schema 8: nothing went out yet. */
  if (self->schema_version < 8)
    return TRUE;
  if (!(stmt = _lede_library_prepare (self, "SELECT reader_text, went_out_at FROM went_out WHERE article_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *reader_text = g_strdup (_lede_library_column_text (stmt, 0));
      if (at != NULL)
        *at = _lede_library_parse_time (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read what went out of the story"));
  return TRUE;
}

/**
 * lede_library_record_went_out:
 * @way_out: how it went out ("html", "print", …)
 * @reader_text: what readers now have of the story
 * @correction: (nullable): the correction the writer's answer gave
 *
 * Records what readers now have of the story, and logs @correction (if
 * any), in one transaction. The gate's verdict calls this
 * (lede_verdict_record_went_out()): only a story that may leave gets here.
 */
gboolean
lede_library_record_went_out (LedeLibrary           *self,
                              gint64                 article_id,
                              const char            *way_out,
                              const char            *reader_text,
                              const LedeCorrection  *correction,
                              GError               **error)
{
  const char *what = _("Could not record what went out");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, reader_text, -1);
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  gint64 id = article_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (way_out != NULL && reader_text != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (correction != NULL && !_lede_library_insert_correction (self, id, correction, what, error))
    goto failed;
  if (!(stmt = _lede_library_prepare (self, "INSERT OR REPLACE INTO went_out "
                                            "(article_id, went_out_at, way, reader_hash, reader_text) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  _lede_library_bind_time (stmt, 2, now);
  _lede_library_bind_text (stmt, 3, way_out);
  _lede_library_bind_text (stmt, 4, hash);
  _lede_library_bind_text (stmt, 5, reader_text);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  if (correction != NULL)
    _lede_library_emit_article_replaced (self, id);
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}
