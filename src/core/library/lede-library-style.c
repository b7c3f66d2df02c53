/* lede-library-style.c: the desk's house style rules, kept in the library
 * so they travel with it. The library keeps each rule's name and its text
 * (Vale's YAML, as the desk's lede-style-rule-yaml.c writes it) and knows
 * nothing of what the text says: reading it is the desk's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

/**
 * lede_library_list_style_rules:
 * @names: (out) (transfer full): the rules' names, in the order added
 * @rules: (out) (transfer full): each rule's text, in the same order
 *
 * A library older than the house style has none.
 */
gboolean
lede_library_list_style_rules (LedeLibrary  *self,
                               GStrv        *names,
                               GStrv        *rules,
                               GError      **error)
{
  g_autoptr (GStrvBuilder) name_list = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) rule_list = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (names != NULL && rules != NULL, FALSE);

  if (self->schema_version >= LEDE_LIBRARY_STYLE_SCHEMA)
    {
      stmt = _lede_library_prepare (self, "SELECT name, rule FROM house_style ORDER BY position, name", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_strv_builder_add (name_list, _lede_library_column_text (stmt, 0));
          g_strv_builder_add (rule_list, _lede_library_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the house style"));
    }
  *names = g_strv_builder_end (name_list);
  *rules = g_strv_builder_end (rule_list);
  return TRUE;
}

/**
 * lede_library_put_style_rule:
 * @name: the rule's name
 * @rule: its text
 *
 * Adds the rule, or replaces the text of the rule of that name where it
 * stands in the list.
 */
gboolean
lede_library_put_style_rule (LedeLibrary  *self,
                             const char   *name,
                             const char   *rule,
                             GError      **error)
{
  const char *what = _("Could not keep the house style rule");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0' && rule != NULL, FALSE);

  stmt = _lede_library_prepare (self,
                                "INSERT INTO house_style (name, rule, position)"
                                " VALUES (?1, ?2, (SELECT COALESCE (MAX (position), 0) + 1 FROM house_style))"
                                " ON CONFLICT (name) DO UPDATE SET rule = excluded.rule",
                                error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, name);
  _lede_library_bind_text (stmt, 2, rule);
  if (!_lede_library_step_done (self, stmt, what, error))
    return FALSE;
  _lede_library_emit_style_changed (self);
  return TRUE;
}

/**
 * lede_library_remove_style_rule:
 *
 * Fails with %LEDE_LIBRARY_ERROR_NOT_FOUND when the library has no rule
 * of that name.
 */
gboolean
lede_library_remove_style_rule (LedeLibrary  *self,
                                const char   *name,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* Asked first: the count of changes after the write is the commit
   * counter's, not the delete's. */
  stmt = _lede_library_prepare (self, "SELECT 1 FROM house_style WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lede_library_set_sqlite_error (self, error, rc, _("Could not read the house style"));
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("The house style has no rule named “%s”"), name);
      return FALSE;
    }
  stmt = _lede_library_prepare (self, "DELETE FROM house_style WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _lede_library_bind_text (stmt, 1, name);
  if (!_lede_library_step_done (self, stmt, _("Could not remove the house style rule"), error))
    return FALSE;
  _lede_library_emit_style_changed (self);
  return TRUE;
}
