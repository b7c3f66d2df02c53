/* lede-test-old-library.h: a library as an older Lede left it, made
 * with that Lede's own migrations, for the tests of what opening it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "lede-library.h"
#include "lede-library-schema.h"

/* A library of schema 15 (before prefix indexes) with @n stories, made
 * as that Lede made it: the migrations up to 15, the stories inserted. */
static inline void
lede_test_make_schema_15 (const char *path,
                          guint       n)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 15; "
                                             "PRAGMA journal_mode = WAL", LEDE_LIBRARY_APPLICATION_ID);
  g_autofree char *insert = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO articles (uuid, headline, body, created_at, updated_at) "
    "SELECT printf ('00000000-0000-4000-8000-%%012d', i), printf ('Harbour story %%d', i), "
    "  printf ('The council met on day %%d about the %%s.', i, CASE i %% 3 WHEN 0 THEN 'lifeboat' "
    "    WHEN 1 THEN 'quarry' ELSE 'ferry' END), '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z' FROM n", n);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint m = 0; m < LEDE_LIBRARY_PREFIX_SCHEMA - 1; m++)
    g_assert_cmpint (sqlite3_exec (db, MIGRATIONS[m], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

