/* lede-wire-watcher.c: the desk's wire folders, watched into the inbox.
 *
 * Local folders are watched with a GFileMonitor (inotify); a network share
 * (NFS, SMB, sshfs…) or a portal's folder, where inotify hears nothing of
 * what another machine writes, is looked at every few seconds instead.
 * A file counts as complete once its size and time have not changed for a
 * second (LEDE_WIRE_WATCHER_SETTLE_US): a sync tool or an agency's FTP
 * writes a file in pieces. Hidden files and the names download and sync
 * tools give a file still coming are passed over.
 *
 * Listing a folder and reading a file happen on worker threads, one at a
 * time; the library is written on the main thread (it has one
 * connection). A file the inbox knows (path, size and time, or the same
 * bytes at the same path) is not read again. A newer version of a story
 * the library has waits in the inbox like any other: the watcher applies
 * nothing but a kill or withhold of a story the library has, which is
 * recorded at once (lede_inbox_take(): the story's words untouched) so the
 * copy desk's wire check blocks it from every way out.
 *
 * Signals: ::arrived (an entry added, waiting or refused), ::killed (a
 * kill or withhold recorded on a story), ::failed (the library could not
 * keep an entry: the words say why).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wire-watcher"

#include "config.h"

#include <gio/gunixmounts.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/stat.h>

#include "lede-inbox.h"
#include "lede-wire-watcher.h"

/* How often files not yet settled are looked at. */
#define TICK_MS 200

typedef struct
{
  char     *path;
  GFileMonitor *monitor;  /* NULL when polled */
  gint64    last_scan;    /* monotonic µs */
} Folder;

typedef struct
{
  gint64   size;
  gint64   mtime_us;
  gint64   since;         /* monotonic µs it has looked so */
  gboolean polled;        /* seen by scans, not stat'ed by the tick */
  gboolean reading;
} Pending;

struct _LedeWireWatcher
{
  GObject       parent_instance;

  LedeLibrary  *library;
  GPtrArray    *folders;    /* Folder* */
  GHashTable   *pending;    /* path → Pending* */
  GQueue        to_read;    /* paths, owned by pending's keys */
  GCancellable *cancellable;
  guint         tick_id;
  gboolean      reading;
  guint         scanning;   /* scans under way */
  gboolean      poll_all;
  guint         poll_ms;
};

G_DEFINE_FINAL_TYPE (LedeWireWatcher, lede_wire_watcher, G_TYPE_OBJECT)

enum { ARRIVED, KILLED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_tick (LedeWireWatcher *self);

static void
folder_free (Folder *folder)
{
  if (folder->monitor)
    {
      g_file_monitor_cancel (folder->monitor);
      g_signal_handlers_disconnect_by_data (folder->monitor, folder);
      g_object_unref (folder->monitor);
    }
  g_free (folder->path);
  g_free (folder);
}

/* Names a file still being written goes by, and hidden ones (rsync's and
 * Syncthing's temporary files are both). */
static gboolean
is_candidate_name (const char *name)
{
  static const char * const partial[] = { "~", ".part", ".partial", ".tmp", ".crdownload", ".download", ".swp", NULL };

  if (name == NULL || *name == '\0' || *name == '.')
    return FALSE;
  for (guint i = 0; partial[i]; i++)
    if (g_str_has_suffix (name, partial[i]))
      return FALSE;
  return TRUE;
}

/* Whether inotify would miss what is written into @path from elsewhere. */
static gboolean
needs_polling (const char *path)
{
  static const char * const remote[] = { "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "9p", "afs", "ceph",
                                          "glusterfs", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.gvfsd-fuse",
                                          "fuse.portal", NULL };
  g_autoptr (GUnixMountEntry) mount = g_unix_mount_for (path, NULL);
  const char *type = mount ? g_unix_mount_get_fs_type (mount) : NULL;

  return type != NULL && g_strv_contains (remote, type);
}

/* Size and time of a regular file; FALSE for anything else or a file gone. */
static gboolean
stat_file (const char *path,
           gint64     *size,
           gint64     *mtime_us)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
    return FALSE;
  *size = buf.st_size;
  *mtime_us = (gint64)buf.st_mtim.tv_sec * G_USEC_PER_SEC + buf.st_mtim.tv_nsec / 1000;
  return TRUE;
}

/* A file seen, or seen to change: its clock starts again when it did. */
static void
note_file (LedeWireWatcher *self,
           const char      *path,
           gint64           size,
           gint64           mtime_us,
           gboolean         polled)
{
  Pending *pending = g_hash_table_lookup (self->pending, path);
  g_autofree char *name = g_path_get_basename (path);

  if (!is_candidate_name (name))
    return;
  if (pending == NULL)
    {
      if (lede_library_inbox_knows (self->library, path, size, mtime_us, NULL))
        return;
      pending = g_new0 (Pending, 1);
      pending->size = size;
      pending->mtime_us = mtime_us;
      pending->since = g_get_monotonic_time ();
      pending->polled = polled;
      g_hash_table_insert (self->pending, g_strdup (path), pending);
    }
  else if (!pending->reading && (pending->size != size || pending->mtime_us != mtime_us))
    {
      pending->size = size;
      pending->mtime_us = mtime_us;
      pending->since = g_get_monotonic_time ();
    }
  schedule_tick (self);
}

static void
on_changed (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            gpointer           data)
{
  LedeWireWatcher *self = g_object_get_data (G_OBJECT (monitor), "lede-watcher");
  g_autofree char *path = NULL;
  gint64 size, mtime_us;

  if (event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN)
    file = other ? other : file;
  else if (event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_CHANGED &&
           event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  path = g_file_get_path (file);
  if (path != NULL && stat_file (path, &size, &mtime_us))
    note_file (self, path, size, mtime_us, FALSE);
}

/* A folder's files, listed on a worker thread: a share may be slow. */
typedef struct
{
  char   *folder;
  GArray *sizes;   /* gint64 pairs: size, mtime */
  GPtrArray *paths;
  gboolean polled;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->folder);
  g_array_unref (scan->sizes);
  g_ptr_array_unref (scan->paths);
  g_free (scan);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Scan *scan = data;
  g_autoptr (GDir) dir = g_dir_open (scan->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gint64 pair[2];

      if (!is_candidate_name (name))
        continue;
      path = g_build_filename (scan->folder, name, NULL);
      if (!stat_file (path, &pair[0], &pair[1]))
        continue;
      g_array_append_vals (scan->sizes, pair, 2);
      g_ptr_array_add (scan->paths, g_steal_pointer (&path));
    }
  g_task_return_boolean (task, TRUE);
}

static void
scan_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  LedeWireWatcher *self = LEDE_WIRE_WATCHER (source);
  Scan *scan = g_task_get_task_data (G_TASK (result));

  self->scanning--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  for (guint i = 0; i < scan->paths->len; i++)
    note_file (self, g_ptr_array_index (scan->paths, i), g_array_index (scan->sizes, gint64, 2 * i),
               g_array_index (scan->sizes, gint64, 2 * i + 1), scan->polled);
  schedule_tick (self);
}

static void
scan_folder (LedeWireWatcher *self,
             Folder          *folder)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, scan_done, NULL);
  Scan *scan = g_new0 (Scan, 1);

  scan->folder = g_strdup (folder->path);
  scan->sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  scan->paths = g_ptr_array_new_with_free_func (g_free);
  scan->polled = folder->monitor == NULL;
  folder->last_scan = g_get_monotonic_time ();
  self->scanning++;
  g_task_set_task_data (task, scan, (GDestroyNotify)scan_free);
  g_task_run_in_thread (task, scan_thread);
}

/* One file read on a worker thread. */
typedef struct
{
  char           *path;
  gint64          size;
  gint64          mtime_us;
  LedeInboxEntry *entry;
  GBytes         *data;
} Reading;

static void
reading_free (Reading *reading)
{
  g_free (reading->path);
  g_clear_pointer (&reading->entry, lede_inbox_entry_free);
  g_clear_pointer (&reading->data, g_bytes_unref);
  g_free (reading);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Reading *reading = data;

  reading->entry = lede_inbox_read_file (reading->path, reading->size, reading->mtime_us, &reading->data);
  g_task_return_boolean (task, TRUE);
}

static void read_next (LedeWireWatcher *self);

/* Into the inbox; a kill of a story the library has, recorded at once. */
static void
keep (LedeWireWatcher *self,
      Reading         *reading)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) story = NULL;
  LedeInboxEntry *entry = reading->entry;
  gint64 killed;

  if (lede_library_inbox_knows (self->library, entry->path, entry->size, entry->mtime_us, entry->sha256))
    return;
  if (!lede_library_inbox_add (self->library, entry, reading->data, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_signal_emit (self, signals[ARRIVED], 0, entry->id);
  killed = lede_inbox_find_killed (self->library, entry);
  if (killed == 0)
    return;
  story = lede_inbox_take (self->library, entry->id, NULL, NULL, NULL, &error);
  if (story != NULL)
    g_signal_emit (self, signals[KILLED], 0, entry->id, killed);
  else if (!g_error_matches (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE))
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  LedeWireWatcher *self = LEDE_WIRE_WATCHER (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));
  Pending *pending;

  self->reading = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  pending = g_hash_table_lookup (self->pending, reading->path);
  if (reading->entry == NULL && pending != NULL)
    {
      gint64 size, mtime_us;

      /* Written to while it was read: it waits to settle again. */
      pending->reading = FALSE;
      if (stat_file (reading->path, &size, &mtime_us))
        {
          pending->size = size;
          pending->mtime_us = mtime_us;
          pending->since = g_get_monotonic_time ();
        }
      else
        g_hash_table_remove (self->pending, reading->path);
    }
  else
    {
      if (reading->entry != NULL)
        keep (self, reading);
      g_hash_table_remove (self->pending, reading->path);
    }
  read_next (self);
  schedule_tick (self);
}

static void
read_next (LedeWireWatcher *self)
{
  g_autoptr (GTask) task = NULL;
  Reading *reading;
  Pending *pending;
  const char *path;

  if (self->reading || (path = g_queue_pop_head (&self->to_read)) == NULL)
    return;
  pending = g_hash_table_lookup (self->pending, path);
  g_assert (pending != NULL);
  reading = g_new0 (Reading, 1);
  reading->path = g_strdup (path);
  reading->size = pending->size;
  reading->mtime_us = pending->mtime_us;
  self->reading = TRUE;
  task = g_task_new (self, self->cancellable, read_done, NULL);
  g_task_set_task_data (task, reading, (GDestroyNotify)reading_free);
  g_task_run_in_thread (task, read_thread);
}

static gboolean
tick (gpointer data)
{
  LedeWireWatcher *self = data;
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer key, value;
  GSList *gone = NULL;

  self->tick_id = 0;
  for (guint i = 0; i < self->folders->len; i++)
    {
      Folder *folder = g_ptr_array_index (self->folders, i);

      if (folder->monitor == NULL && now - folder->last_scan >= (gint64)self->poll_ms * 1000)
        scan_folder (self, folder);
    }
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Pending *pending = value;
      gint64 size, mtime_us;

      if (pending->reading)
        continue;
      if (!pending->polled)
        {
          if (!stat_file (key, &size, &mtime_us))
            {
              gone = g_slist_prepend (gone, key);
              continue;
            }
          if (size != pending->size || mtime_us != pending->mtime_us)
            {
              pending->size = size;
              pending->mtime_us = mtime_us;
              pending->since = now;
              continue;
            }
        }
      if (now - pending->since < LEDE_WIRE_WATCHER_SETTLE_US)
        continue;
      pending->reading = TRUE;
      g_queue_push_tail (&self->to_read, key);
    }
  for (GSList *l = gone; l; l = l->next)
    g_hash_table_remove (self->pending, l->data);
  g_slist_free (gone);
  read_next (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

/* Ticks while files are settling or a folder is polled. */
static void
schedule_tick (LedeWireWatcher *self)
{
  gboolean polled = FALSE;

  for (guint i = 0; i < self->folders->len; i++)
    polled |= ((Folder *)g_ptr_array_index (self->folders, i))->monitor == NULL;
  if (self->tick_id != 0 || (!polled && g_hash_table_size (self->pending) == 0))
    return;
  self->tick_id = g_timeout_add (TICK_MS, tick, self);
}

static void
lede_wire_watcher_dispose (GObject *object)
{
  LedeWireWatcher *self = LEDE_WIRE_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_queue_clear (&self->to_read);
  if (self->folders)
    g_ptr_array_set_size (self->folders, 0);
  if (self->pending)
    g_hash_table_remove_all (self->pending);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (lede_wire_watcher_parent_class)->dispose (object);
}

static void
lede_wire_watcher_finalize (GObject *object)
{
  LedeWireWatcher *self = LEDE_WIRE_WATCHER (object);

  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (lede_wire_watcher_parent_class)->finalize (object);
}

static void
lede_wire_watcher_class_init (LedeWireWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_wire_watcher_dispose;
  object_class->finalize = lede_wire_watcher_finalize;

  /* libxml2 sets itself up once, before any thread parses. */
  xmlInitParser ();

  signals[ARRIVED] = g_signal_new ("arrived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[KILLED] = g_signal_new ("killed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lede_wire_watcher_init (LedeWireWatcher *self)
{
  self->folders = g_ptr_array_new_with_free_func ((GDestroyNotify)folder_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->poll_ms = LEDE_WIRE_WATCHER_POLL_MS;
  g_queue_init (&self->to_read);
}

/**
 * lede_wire_watcher_new:
 * @library: the library whose inbox the folders fill
 */
LedeWireWatcher *
lede_wire_watcher_new (LedeLibrary *library)
{
  LedeWireWatcher *self;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);

  self = g_object_new (LEDE_TYPE_WIRE_WATCHER, NULL);
  self->library = g_object_ref (library);
  return self;
}

static Folder *
find_folder (LedeWireWatcher *self,
             const char      *path)
{
  for (guint i = 0; i < self->folders->len; i++)
    if (g_str_equal (((Folder *)g_ptr_array_index (self->folders, i))->path, path))
      return g_ptr_array_index (self->folders, i);
  return NULL;
}

/**
 * lede_wire_watcher_set_folders:
 * @folders: (array zero-terminated=1): the folders to watch, absolute
 *
 * Watches these folders and no others. What is in a folder already is
 * looked at too: a file the inbox does not know yet arrives.
 */
void
lede_wire_watcher_set_folders (LedeWireWatcher    *self,
                               const char * const *folders)
{
  g_return_if_fail (LEDE_IS_WIRE_WATCHER (self));

  for (guint i = self->folders->len; i > 0; i--)
    {
      Folder *folder = g_ptr_array_index (self->folders, i - 1);

      if (folders == NULL || !g_strv_contains (folders, folder->path))
        g_ptr_array_remove_index (self->folders, i - 1);
    }
  for (guint i = 0; folders && folders[i]; i++)
    {
      Folder *folder;

      if (!g_path_is_absolute (folders[i]) || find_folder (self, folders[i]) != NULL)
        continue;
      folder = g_new0 (Folder, 1);
      folder->path = g_strdup (folders[i]);
      if (!self->poll_all && !needs_polling (folder->path))
        {
          g_autoptr (GFile) file = g_file_new_for_path (folder->path);

          folder->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
          if (folder->monitor)
            {
              g_object_set_data (G_OBJECT (folder->monitor), "lede-watcher", self);
              g_signal_connect (folder->monitor, "changed", G_CALLBACK (on_changed), folder);
            }
        }
      g_ptr_array_add (self->folders, folder);
      scan_folder (self, folder);
    }
  /* Files of folders no longer watched are forgotten, unless being read. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->pending);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_autofree char *dir = g_path_get_dirname (key);

        if (find_folder (self, dir) == NULL && !((Pending *)value)->reading)
          g_hash_table_iter_remove (&iter);
      }
  }
  schedule_tick (self);
}

/**
 * lede_wire_watcher_set_poll_all:
 * @poll_all: look at folders added from now on every @interval_ms, even
 *   where a file monitor would hear of changes (the tests' network share)
 */
void
lede_wire_watcher_set_poll_all (LedeWireWatcher *self,
                                gboolean         poll_all,
                                guint            interval_ms)
{
  g_return_if_fail (LEDE_IS_WIRE_WATCHER (self));

  self->poll_all = poll_all;
  self->poll_ms = interval_ms > 0 ? interval_ms : LEDE_WIRE_WATCHER_POLL_MS;
}

/* Whether @folder is looked at every few seconds rather than heard of. */
gboolean
lede_wire_watcher_is_polled (LedeWireWatcher *self,
                             const char      *folder)
{
  Folder *found;

  g_return_val_if_fail (LEDE_IS_WIRE_WATCHER (self), FALSE);

  found = find_folder (self, folder);
  return found != NULL && found->monitor == NULL;
}

/* Nothing settling, listed or being read. */
gboolean
lede_wire_watcher_is_idle (LedeWireWatcher *self)
{
  g_return_val_if_fail (LEDE_IS_WIRE_WATCHER (self), TRUE);

  return g_hash_table_size (self->pending) == 0 && !self->reading && self->scanning == 0;
}
