/* lede-library-checks.c: when a library was last found whole.
 *
 * A whole check (SQLite's quick_check, every page) reads 20 GB at a
 * million stories, minutes from a cold disk: the window's at every opening
 * and lede-cli's before every write would pay it each time. A check that
 * passed counts for a day. It is remembered in the user's cache, not in
 * the library: a copy of the file (a backup restored by hand, a library
 * carried to another disk) or a file put in its place is another file, on
 * another inode, and is checked again. The record names the library's
 * identity and the time the check began (what it read is the file as it
 * was then). Damage SQLite meets meanwhile forgets it, so the next opening
 * checks again; damage that nothing reads waits for the next day's check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library-private.h"
#include "lede-library-schema.h"

#define WHOLE_FOR_S (24 * 60 * 60)

/* ~/.cache/lede/checks/DEV-INODE */
static char *
record_path (LedeLibrary *self)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT,
                                           (guint64)self->dev, (guint64)self->ino);

  return g_build_filename (g_get_user_cache_dir (), "lede", "checks", name, NULL);
}

/* The library's identity (schema 7), or %NULL. */
static char *
dup_identity (LedeLibrary *self)
{
  sqlite3_stmt *stmt = NULL;
  char *identity = NULL;

  if (self->db == NULL || self->schema_version < LEDE_LIBRARY_IDENTITY_SCHEMA ||
      sqlite3_prepare_v2 (self->db, "SELECT identity FROM library_identity WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    identity = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return identity;
}

/* The writer notes that a check begun at @began_s (unix seconds) found the
 * library whole. */
void
_lede_library_remember_whole (LedeLibrary *self,
                              gint64       began_s)
{
  g_autofree char *identity = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  if (self->read_only || self->damaged || self->unchecked || !(identity = dup_identity (self)))
    return;
  path = record_path (self);
  folder = g_path_get_dirname (path);
  contents = g_strdup_printf ("%s %" G_GINT64_FORMAT "\n", identity, began_s);
  if (g_mkdir_with_parents (folder, 0700) != 0 || !g_file_set_contents (path, contents, -1, &error))
    g_debug ("Could not note the library's check in %s: %s", path, error ? error->message : g_strerror (errno));
}

/* Damage met in use: the next opening checks the library whole. */
void
_lede_library_forget_whole (LedeLibrary *self)
{
  g_autofree char *path = record_path (self);

  g_unlink (path);
}

/**
 * lede_library_needs_check:
 *
 * Whether the library should be read whole (lede_library_check()) before
 * it is written: after an unclean close not yet checked, or unless this
 * very file was found whole within the last day (a record ahead of now, by
 * a clock set wrong, counts for nothing).
 */
gboolean
lede_library_needs_check (LedeLibrary *self)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *identity = NULL;
  g_auto (GStrv) fields = NULL;
  gint64 age;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), TRUE);

  if (self->unchecked || self->damaged || !(identity = dup_identity (self)))
    return TRUE;
  path = record_path (self);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return TRUE;
  fields = g_strsplit (g_strchomp (contents), " ", 2);
  if (g_strv_length (fields) != 2 || !g_str_equal (fields[0], identity))
    return TRUE;
  age = g_get_real_time () / G_USEC_PER_SEC - g_ascii_strtoll (fields[1], NULL, 10);
  return age < 0 || age >= WHOLE_FOR_S;
}
