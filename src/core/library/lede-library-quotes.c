/* lede-library-quotes.c: the wordings of a story's quotations the writer
 * stands by — its oldest kept revision, and the texts added since (a
 * wording accepted in the checks, a wire's update). A quotation reworded
 * from those is the copy desk's to question (lede_check_quote_changes()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/**
 * lede_library_dup_quote_baseline:
 *
 * Returns: (transfer full) (array zero-terminated=1): the texts whose
 *   quotations stand: the story's oldest kept revision, then every text
 *   added with lede_library_add_quote_wording(); empty when the story has
 *   neither (a new story: nothing to compare with); %NULL with @error set
 *   when the library could not be read
 */
char **
lede_library_dup_quote_baseline (LedeLibrary  *self,
                                 gint64        article_id,
                                 GError      **error)
{
  g_autoptr (GStrvBuilder) texts = g_strv_builder_new ();
  const char *what = _("Could not read the story’s quotations as first kept");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < LEDE_LIBRARY_QUOTE_SCHEMA)
    return g_strv_builder_end (texts);
  if (!(stmt = _lede_library_prepare (self,
                                      "SELECT text FROM (SELECT t.text AS text, 0 AS i FROM revisions AS r "
                                      "                  JOIN revision_texts AS t ON t.id = r.body_id "
                                      "                  WHERE r.article_id = ?1 ORDER BY r.id LIMIT 1) "
                                      "UNION ALL SELECT text FROM quote_wordings WHERE article_id = ?1",
                                      error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (texts, _lede_library_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, what);
      return NULL;
    }
  return g_strv_builder_end (texts);
}

/**
 * lede_library_add_quote_wording:
 * @text: a text whose quotations stand: one quotation the writer accepted
 *   ("“…”"), or a whole body (a wire's update)
 * @why: "accepted", "wire update"…
 */
gboolean
lede_library_add_quote_wording (LedeLibrary  *self,
                                gint64        article_id,
                                const char   *text,
                                const char   *why,
                                GError      **error)
{
  const char *what = _("Could not record the quotation’s wording");
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (text != NULL && why != NULL, FALSE);

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!(stmt = _lede_library_prepare (self, "INSERT INTO quote_wordings (article_id, text, why, added_at) "
                                            "VALUES (?1, ?2, ?3, ?4)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _lede_library_bind_text (stmt, 2, text);
  _lede_library_bind_text (stmt, 3, why);
  _lede_library_bind_time (stmt, 4, now);
  if (!_lede_library_step_done (self, stmt, what, error) || !_lede_library_commit (self, what, error))
    goto failed;
  return TRUE;

failed:
  _lede_library_rollback (self);
  return FALSE;
}
