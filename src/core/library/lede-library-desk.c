/* lede-library-desk.c: the desk's fields of a story (deadline, assignee,
 * editor) and its headlines by role, as columns of articles (issue 32),
 * and the names a desk assigns stories to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* Reads columns LEDE_DESK_FIRST_COLUMN on of ARTICLE_COLUMNS. */
void
_lede_library_read_desk_fields (sqlite3_stmt *stmt,
                                LedeArticle  *article)
{
  const int first = LEDE_DESK_FIRST_COLUMN;
  g_autoptr (GDateTime) deadline = _lede_library_parse_time (stmt, first);

  lede_article_set_deadline (article, deadline);
  lede_article_set_assignee (article, _lede_library_column_text (stmt, first + 1));
  lede_article_set_editor (article, _lede_library_column_text (stmt, first + 2));
  lede_article_set_print_headline (article, _lede_library_column_text (stmt, first + 3));
  lede_article_set_seo_title (article, _lede_library_column_text (stmt, first + 4));
  lede_article_set_social_headline (article, _lede_library_column_text (stmt, first + 5));
}

/* Binds ?40 … ?45 (LEDE_DESK_VALUES, LEDE_DESK_SET). */
void
_lede_library_bind_desk_fields (sqlite3_stmt *stmt,
                                LedeArticle  *article)
{
  _lede_library_bind_time (stmt, 40, lede_article_get_deadline (article));
  _lede_library_bind_text (stmt, 41, lede_article_get_assignee (article));
  _lede_library_bind_text (stmt, 42, lede_article_get_editor (article));
  _lede_library_bind_text (stmt, 43, lede_article_get_print_headline (article));
  _lede_library_bind_text (stmt, 44, lede_article_get_seo_title (article));
  _lede_library_bind_text (stmt, 45, lede_article_get_social_headline (article));
}

/**
 * lede_library_list_people:
 *
 * The names a story can be assigned to or edited by: every byline,
 * assignee and editor in the library (the trash included), once each
 * whatever their case, A–Z. Completion in the panel offers them.
 *
 * Returns: (transfer full): the names, or %NULL with @error set
 */
GStrv
lede_library_list_people (LedeLibrary  *self,
                          GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  return _lede_library_read_strings (self,
                                     "SELECT name FROM (SELECT byline AS name FROM articles WHERE byline <> '' "
                                     "UNION SELECT assignee FROM articles WHERE assignee <> '' "
                                     "UNION SELECT editor FROM articles WHERE editor <> '') "
                                     "WHERE ?1 IS NOT NULL GROUP BY name COLLATE NOCASE ORDER BY name COLLATE NOCASE",
                                     0, _("Could not read the library’s names"), error);
}
