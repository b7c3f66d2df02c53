/* lede-wal-checkpointer.c: the library's WAL written into its file on a
 * thread of its own, with a connection of its own. SQLite's autocheckpoint
 * does it in the commit that fills the WAL past 1,000 pages, on the
 * writer's thread: a copy of 4 MB and two fsyncs, 30 to 70 ms on this
 * machine's disk, in whichever autosave, tidy step or step of a trash of
 * thousands came next. Here the writer's commit only wakes the thread
 * (SQLite's WAL hook); its PASSIVE checkpoint takes no lock a writer or a
 * reader waits for; the tidy steps' connection wakes it the same way
 * (lede_wal_checkpointer_watch()). The writer's connection still
 * checkpoints on close, after this one has gone.
 * A writer that commits faster than the thread copies (stories made or
 * imported back to back) would have the WAL grow without end: SQLite
 * starts it again from the top only once every frame is copied, and the
 * thread never catches up (24 GB of WAL for 100,000 stories). So once the
 * WAL passes WAL_MOST_PAGES the writer (or the tidy steps' connection)
 * copies it itself in its commit, as SQLite's own autocheckpoint would,
 * and the file is cut back to that size when the WAL starts again
 * (journal_size_limit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <sys/types.h>
#include <unistd.h>

#include "lede-wal-checkpointer.h"

/* SQLite's own autocheckpoint threshold. */
#define CHECKPOINT_PAGES 1000
/* Past this, the writer checkpoints in its commit (40 MB of 4 KB pages). */
#define WAL_MOST_PAGES   (10 * CHECKPOINT_PAGES)

struct _LedeWalCheckpointer
{
  sqlite3 *db;       /* its own, used on the thread only once made */
  sqlite3 *writer;
  pid_t    pid;      /* a child forked since has no such thread */
  GThread *thread;
  GMutex   lock;
  GCond    wake;
  GCond    copied;   /* the thread's checkpoint has ended */
  gboolean wanted;   /* the WAL passed CHECKPOINT_PAGES */
  gboolean stopping;
  guint    count;    /* checkpoints done, for the tests */
  int      most_pages;
  gboolean copying;  /* a checkpoint is under way */
};

static gpointer
checkpoint_thread (gpointer data)
{
  LedeWalCheckpointer *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      int rc;

      while (!self->wanted && !self->stopping)
        g_cond_wait (&self->wake, &self->lock);
      if (self->stopping)
        break;
      self->wanted = FALSE;
      self->copying = TRUE;
      g_mutex_unlock (&self->lock);
      /* A connection that has read nothing does not know the file is in
       * WAL mode, and checkpoints nothing. */
      sqlite3_exec (self->db, "PRAGMA schema_version", NULL, NULL, NULL);
      rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      /* Busy: the writer is closing, or checking; the next commit asks again. */
      if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        g_debug ("Could not checkpoint %s: %s", sqlite3_db_filename (self->db, "main"), sqlite3_errmsg (self->db));
      g_mutex_lock (&self->lock);
      self->copying = FALSE;
      g_cond_broadcast (&self->copied);
      if (rc == SQLITE_OK)
        self->count++;
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* After each commit of the writer, or of a connection it watches (the
 * tidy steps'), on that connection's thread. */
static int
on_wal_written (void       *data,
                sqlite3    *db,
                const char *database,
                int         pages)
{
  LedeWalCheckpointer *self = data;

  /* The thread has fallen behind: copied here, as SQLite would, once the
   * thread's own copy has ended. Busy then, the WAL would go on growing
   * for as long as that copy took (on a slow disk, past three times its
   * bound). */
  if (pages >= self->most_pages)
    {
      g_mutex_lock (&self->lock);
      while (self->copying)
        g_cond_wait (&self->copied, &self->lock);
      g_mutex_unlock (&self->lock);
      sqlite3_wal_checkpoint_v2 (db, database, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  else if (pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->lock);
      self->wanted = TRUE;
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
    }
  return SQLITE_OK;
}

/**
 * lede_wal_checkpointer_new:
 * @writer: the library's connection, whose commits say when; its
 *   autocheckpoint is turned off (SQLite's WAL hook replaces it) until
 *   lede_wal_checkpointer_free()
 *
 * Returns: (nullable): the checkpointer, or %NULL when it could not open
 *   the file (the writer then keeps its autocheckpoint)
 */
LedeWalCheckpointer *
lede_wal_checkpointer_new (sqlite3 *writer)
{
  LedeWalCheckpointer *self;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (sqlite3_db_filename (writer, "main"), &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_debug ("Could not open %s to checkpoint it: %s", sqlite3_db_filename (writer, "main"),
               db ? sqlite3_errmsg (db) : "no memory");
      sqlite3_close (db);
      return NULL;
    }
  /* Never the last connection to close, but never a checkpoint of its own
   * making either. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  self = g_new0 (LedeWalCheckpointer, 1);
  self->db = db;
  self->writer = writer;
  /* Tests fill a smaller WAL. */
  self->most_pages = g_getenv ("LEDE_WAL_MOST_PAGES") ? (int)g_ascii_strtoll (g_getenv ("LEDE_WAL_MOST_PAGES"), NULL, 10)
                                                      : WAL_MOST_PAGES;
  {
    sqlite3_stmt *stmt = NULL;
    gint64 page_size = 4096;
    g_autofree char *limit = NULL;

    if (sqlite3_prepare_v2 (writer, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      page_size = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    limit = g_strdup_printf ("PRAGMA journal_size_limit = %" G_GINT64_FORMAT, self->most_pages * page_size);
    sqlite3_exec (writer, limit, NULL, NULL, NULL);
  }
  self->pid = getpid ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  g_cond_init (&self->copied);
  self->thread = g_thread_new ("lede-checkpoint", checkpoint_thread, self);
  sqlite3_wal_hook (writer, on_wal_written, self);
  return self;
}

/**
 * lede_wal_checkpointer_watch:
 * @db: another connection of this process that writes the library (the
 *   tidy steps'), closed before the checkpointer is freed
 *
 * Its commits wake the thread as the writer's do, in place of its own
 * autocheckpoint.
 */
void
lede_wal_checkpointer_watch (LedeWalCheckpointer *self,
                             sqlite3             *db)
{
  sqlite3_wal_hook (db, on_wal_written, self);
}

/* Whether the thread is copying the WAL into the file now, or has been
 * asked to: work that can wait (a tidy step) waits, rather than share the
 * disk with it. The next step is asked for as the last one's commit has
 * woken the thread, often before the thread has begun. */
gboolean
lede_wal_checkpointer_is_copying (LedeWalCheckpointer *self)
{
  gboolean busy;

  if (self == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  busy = self->wanted || self->copying;
  g_mutex_unlock (&self->lock);
  return busy;
}

/* How many checkpoints the thread has run. */
guint
lede_wal_checkpointer_get_count (LedeWalCheckpointer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->count;
  g_mutex_unlock (&self->lock);
  return count;
}

/* Stops the thread (a checkpoint under way ends first) and leaves the
 * writer with no checkpoint until the caller says otherwise. */
void
lede_wal_checkpointer_free (LedeWalCheckpointer *self)
{
  if (self == NULL)
    return;
  sqlite3_wal_hook (self->writer, NULL, NULL);
  /* In a child forked since, the thread is not there to join. */
  if (self->pid == getpid ())
    {
      g_mutex_lock (&self->lock);
      self->stopping = TRUE;
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
      g_thread_join (self->thread);
      sqlite3_close (self->db);
      g_mutex_clear (&self->lock);
      g_cond_clear (&self->wake);
      g_cond_clear (&self->copied);
    }
  /* In a child, the lock may have been held by the thread at the fork:
   * left as it is, never cleared. */
  g_free (self);
}
