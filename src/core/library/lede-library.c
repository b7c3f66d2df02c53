/* lede-library.c: LedeLibrary, the SQLite file that keeps every story:
 * the object, its signals, and which files are whose. Opening it is in
 * lede-library-open.c, the statements and transactions the stores share
 * in lede-library-sql.c, all through lede-library-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lede-library-private.h"

/* The libraries this process has open for writing, by file: opening one
 * again returns the same object rather than a second connection, which
 * could not take the lock and would close the file under the first. */
static GHashTable *open_writers;  /* "dev:ino" → LedeLibrary (not a reference) */
G_LOCK_DEFINE_STATIC (open_writers);
/* Writers out of open_writers (no one may take a reference to them) but
 * not yet closed. */
static gint closing_writers;

static char *
file_key (dev_t dev,
          ino_t ino)
{
  return g_strdup_printf ("%ju:%ju", (uintmax_t)dev, (uintmax_t)ino);
}

G_DEFINE_FINAL_TYPE (LedeLibrary, lede_library, G_TYPE_OBJECT)

enum {
  ARTICLES_CHANGED,
  SAVE_WANTED,
  ARTICLE_REPLACED,
  STYLE_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (lede-library-error-quark, lede_library_error)

static void
lede_library_finalize (GObject *object)
{
  LedeLibrary *self = (LedeLibrary *)object;
  gboolean closing = FALSE;
  int no_checkpoint = 1;

  if (self->lock_fd >= 0)
    {
      g_autofree char *key = file_key (self->dev, self->ino);

      G_LOCK (open_writers);
      if (open_writers != NULL && g_hash_table_lookup (open_writers, key) == self)
        {
          g_hash_table_remove (open_writers, key);
          g_atomic_int_inc (&closing_writers);
          closing = TRUE;
        }
      G_UNLOCK (open_writers);
    }

  /* Before the writer's connection: a step under way ends first. */
  if (self->tidier != NULL)
    self->close_tidier (g_steal_pointer (&self->tidier));
  g_clear_pointer (&self->staged_photos, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* Before the writer's connection, whose close checkpoints only as the last. */
  g_clear_pointer (&self->checkpointer, lede_wal_checkpointer_free);
  /* SQLite writes the WAL in and deletes it only as the last connection
   * closes: a reader still open (a search's, lede-cli's) left it full, and
   * a WAL with frames is read at the next opening as a crash's (the whole
   * file checked). Written in and emptied here, it is not one; a reader
   * in the middle of a read is waited for a moment, not longer. Only where
   * the close itself would checkpoint: never a library not yet known
   * whole and Lede's (an opening that failed, a foreign file), unchecked
   * or damaged. */
  if (self->db != NULL && !self->read_only)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, -1, &no_checkpoint);
  if (self->db != NULL && !self->read_only && !no_checkpoint)
    {
      sqlite3_busy_timeout (self->db, 250);
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->notice);
  /* Last: closing the file drops the flock, and with it (POSIX) any lock
   * SQLite still held, so nothing may come after the connection. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  if (closing)
    g_atomic_int_dec_and_test (&closing_writers);
  g_free (self->path);

  G_OBJECT_CLASS (lede_library_parent_class)->finalize (object);
}

static void
lede_library_class_init (LedeLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lede_library_finalize;

  /**
   * LedeLibrary::articles-changed:
   *
   * Emitted when a story was added, trashed, restored or deleted, so lists
   * of stories know to look again. Edits to a story do not emit it.
   */
  signals [ARTICLES_CHANGED] =
    g_signal_new ("articles-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LedeLibrary::save-wanted:
   * @id: the story
   *
   * Emitted before the story is changed from outside its editor (an import
   * of a newer copy), so whoever edits it saves what they have first.
   *
   * Returns: %TRUE when a handler saved changes, which makes the library's
   *   copy the newest whatever the clocks say
   */
  signals [SAVE_WANTED] =
    g_signal_new ("save-wanted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_INT64);

  /**
   * LedeLibrary::article-replaced:
   * @id: the story
   *
   * Emitted when a story was changed from outside its editor (an import
   * of a newer copy, a status or tag set on many stories, a tag renamed, a
   * source edited or unlinked): an object read before holds old fields.
   */
  signals [ARTICLE_REPLACED] =
    g_signal_new ("article-replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LedeLibrary::style-changed:
   *
   * The desk's house style rules were added, replaced or removed, by this
   * process or by lede-cli through it.
   */
  signals [STYLE_CHANGED] =
    g_signal_new ("style-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
_lede_library_emit_style_changed (LedeLibrary *self)
{
  g_signal_emit (self, signals [STYLE_CHANGED], 0);
}

void
_lede_library_emit_articles_changed (LedeLibrary *self)
{
  if (self->holds > 0)
    {
      self->changed_while_held = TRUE;
      return;
    }
  g_signal_emit (self, signals [ARTICLES_CHANGED], 0);
}

/**
 * lede_library_hold_changes:
 *
 * Holds back #LedeLibrary::articles-changed during many small changes (a
 * trash emptied in chunks, an import of many files), so lists are read
 * again once, at lede_library_release_changes(), instead of each time.
 */
void
lede_library_hold_changes (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  self->holds++;
}

void
lede_library_release_changes (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0 && self->changed_while_held)
    {
      self->changed_while_held = FALSE;
      _lede_library_emit_articles_changed (self);
    }
}

/**
 * lede_library_release_changes_quietly:
 *
 * Like lede_library_release_changes(), but a change held back is not told:
 * the caller tells it later, with lede_library_tell_changes() (a
 * #LedeStoryBatch, once at its end, while changes made between its steps
 * are told at once).
 *
 * Returns: whether a change was held back and is now the caller's to tell
 */
gboolean
lede_library_release_changes_quietly (LedeLibrary *self)
{
  gboolean changed;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->holds > 0, FALSE);

  if (--self->holds > 0)
    return FALSE;
  changed = self->changed_while_held;
  self->changed_while_held = FALSE;
  return changed;
}

/* Emits #LedeLibrary::articles-changed (or holds it back, while held). */
void
lede_library_tell_changes (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  _lede_library_emit_articles_changed (self);
}

gboolean
_lede_library_emit_save_wanted (LedeLibrary *self,
                                gint64       id)
{
  gboolean saved = FALSE;

  g_signal_emit (self, signals [SAVE_WANTED], 0, id, &saved);
  return saved;
}

void
_lede_library_emit_article_replaced (LedeLibrary *self,
                                     gint64       id)
{
  g_signal_emit (self, signals [ARTICLE_REPLACED], 0, id);
}

/* Stories changed outside their editor: each object handed out for them
 * holds old fields, then the lists read again once. */
void
_lede_library_emit_replaced_all (LedeLibrary *self,
                                 GArray      *ids)
{
  for (guint i = 0; i < ids->len; i++)
    _lede_library_emit_article_replaced (self, g_array_index (ids, gint64, i));
  _lede_library_emit_articles_changed (self);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lede_library_init (LedeLibrary *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->lock_fd = -1;
}

char *
lede_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lede", "library.db", NULL);
}

LedeLibrary *
_lede_library_find_open_writer (dev_t dev,
                                ino_t ino)
{
  g_autofree char *key = file_key (dev, ino);
  LedeLibrary *found = NULL;

  G_LOCK (open_writers);
  if (open_writers != NULL && (found = g_hash_table_lookup (open_writers, key)))
    g_object_ref (found);
  G_UNLOCK (open_writers);
  return found;
}

void
_lede_library_remember_open_writer (LedeLibrary *self)
{
  G_LOCK (open_writers);
  if (open_writers == NULL)
    open_writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_writers, file_key (self->dev, self->ino), self);
  G_UNLOCK (open_writers);
}

/* Libraries this process has open for writing, or is closing. */
static guint
count_open_writers (void)
{
  guint n;

  G_LOCK (open_writers);
  n = open_writers != NULL ? g_hash_table_size (open_writers) : 0;
  G_UNLOCK (open_writers);
  return n + g_atomic_int_get (&closing_writers);
}

/**
 * lede_library_wait_for_writers:
 * @timeout_us: how long at most
 *
 * Runs the thread's main context until every library this process had
 * open for writing is closed, its WAL written in: a thread may hold one
 * a moment after its window closed (a stopped check, a list being read),
 * and a library never closed leaves its WAL to be read at the next
 * opening as a crash's. For a process about to end.
 *
 * Returns: whether all were closed within @timeout_us
 */
gboolean
lede_library_wait_for_writers (gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  while (count_open_writers () > 0)
    {
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      /* Not blocking: a thread letting a library go wakes no one here. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* A library's -wal or -shm, picked by mistake while that library is open
 * here, is refused before it is opened: closing it again would drop the
 * open library's locks. */
gboolean
_lede_library_is_working_file_of_open_library (const char  *path,
                                               GError     **error)
{
  g_autoptr (GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  GStatBuf st;

  G_LOCK (open_writers);
  if (open_writers != NULL)
    {
      g_hash_table_iter_init (&iter, open_writers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (writers, g_object_ref (value));
    }
  G_UNLOCK (open_writers);

  for (guint i = 0; i < writers->len; i++)
    {
      LedeLibrary *writer = g_ptr_array_index (writers, i);

      if (lede_library_is_own_file (writer, path) && g_stat (path, &st) == 0 &&
          (st.st_dev != writer->dev || st.st_ino != writer->ino))
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
                       _("“%s” is a working file of the library “%s”, which is open; open that library instead"),
                       display, writer->path);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * lede_library_is_read_only:
 *
 * Whether this library was opened with lede_library_open_for_reading().
 */
gboolean
lede_library_is_read_only (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * lede_library_is_own_file:
 * @path: any file name
 *
 * Whether @path names this library's file or one of the files SQLite keeps
 * beside it (-wal, -shm, -journal), under whatever name. Found with stat(),
 * never by opening it.
 */
gboolean
lede_library_is_own_file (LedeLibrary *self,
                          const char  *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real = NULL;
  GStatBuf st;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE;
  if (st.st_dev == self->dev && st.st_ino == self->ino)
    return TRUE;
  /* SQLite keeps them beside the file itself, not beside a link to it. */
  real = realpath (self->path, NULL);
  for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (real ? real : self->path, suffixes[i], NULL);
      GStatBuf beside_st;

      if (g_stat (beside, &beside_st) == 0 && beside_st.st_dev == st.st_dev && beside_st.st_ino == st.st_ino)
        return TRUE;
    }
  return FALSE;
}

const char *
lede_library_get_path (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->path;
}

/**
 * lede_library_interrupt:
 *
 * Stops what the library's connection is running now (from any thread:
 * sqlite3_interrupt()), which then fails as interrupted. For a reader whose
 * search was overtaken by newer text; a writer's transaction would be
 * rolled back, so it is never asked of one.
 */
void
lede_library_interrupt (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));

  if (self->db)
    sqlite3_interrupt (self->db);
}

/**
 * lede_library_is_new:
 *
 * Whether this library was created (or found empty) when it was opened,
 * which is when Lede adds its sample story.
 */
gboolean
lede_library_is_new (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return self->is_new;
}

int
lede_library_get_schema_version (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);
  return self->schema_version;
}
