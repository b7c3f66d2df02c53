/* lede-test-vfs.h: an SQLite VFS over the real one that counts every write
 * (xWrite, xTruncate, xSync) and, at the one chosen, either ends the
 * process on the spot — as SIGKILL would: nothing closed, though what was
 * written stays in the page cache (a power cut, which loses unsynced
 * writes, is not what this tests) — or behaves as a full disk from then on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

typedef enum {
  LEDE_TEST_VFS_COUNT,  /* only count */
  LEDE_TEST_VFS_CRASH,  /* _exit() at write number fail_at, before it is done */
  LEDE_TEST_VFS_FULL,   /* SQLITE_FULL from write number fail_at on */
} LedeTestVfsMode;

#define LEDE_TEST_VFS_CRASH_STATUS 77

static struct {
  sqlite3_vfs      vfs;
  sqlite3_vfs     *real;
  LedeTestVfsMode  mode;
  guint            fail_at;
  guint            writes;
} lede_test_vfs;

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;  /* allocated after this struct */
} LedeTestFile;

#define REAL(file) (((LedeTestFile *)(file))->real)

/* Whether this write goes ahead; may not return. */
static int
lede_test_vfs_write_allowed (void)
{
  lede_test_vfs.writes++;
  if (lede_test_vfs.mode == LEDE_TEST_VFS_CRASH && lede_test_vfs.writes == lede_test_vfs.fail_at)
    _exit (LEDE_TEST_VFS_CRASH_STATUS);
  if (lede_test_vfs.mode == LEDE_TEST_VFS_FULL && lede_test_vfs.writes >= lede_test_vfs.fail_at)
    return SQLITE_FULL;
  return SQLITE_OK;
}

static int lede_test_close (sqlite3_file *f) { int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK; return rc; }
static int lede_test_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL (f)->pMethods->xRead (REAL (f), b, n, o); }
static int lede_test_write (sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
  int rc = lede_test_vfs_write_allowed ();
  return rc != SQLITE_OK ? rc : REAL (f)->pMethods->xWrite (REAL (f), b, n, o);
}
static int lede_test_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  int rc = lede_test_vfs_write_allowed ();
  return rc != SQLITE_OK ? SQLITE_IOERR_TRUNCATE : REAL (f)->pMethods->xTruncate (REAL (f), size);
}
static int lede_test_sync (sqlite3_file *f, int flags)
{
  int rc = lede_test_vfs_write_allowed ();
  return rc != SQLITE_OK ? SQLITE_IOERR_FSYNC : REAL (f)->pMethods->xSync (REAL (f), flags);
}
static int lede_test_file_size (sqlite3_file *f, sqlite3_int64 *size) { return REAL (f)->pMethods->xFileSize (REAL (f), size); }
static int lede_test_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int lede_test_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int lede_test_check_reserved (sqlite3_file *f, int *out) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out); }
static int lede_test_file_control (sqlite3_file *f, int op, void *arg) { return REAL (f)->pMethods->xFileControl (REAL (f), op, arg); }
static int lede_test_sector_size (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int lede_test_device_characteristics (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int lede_test_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out) { return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out); }
static int lede_test_shm_lock (sqlite3_file *f, int offset, int n, int flags) { return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags); }
static void lede_test_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int lede_test_shm_unmap (sqlite3_file *f, int delete) { return REAL (f)->pMethods->xShmUnmap (REAL (f), delete); }

/* Version 2: no memory-mapped I/O, so every write goes through xWrite. */
static const sqlite3_io_methods lede_test_io_methods = {
  2, lede_test_close, lede_test_read, lede_test_write, lede_test_truncate, lede_test_sync,
  lede_test_file_size, lede_test_lock, lede_test_unlock, lede_test_check_reserved,
  lede_test_file_control, lede_test_sector_size, lede_test_device_characteristics,
  lede_test_shm_map, lede_test_shm_lock, lede_test_shm_barrier, lede_test_shm_unmap,
  NULL, NULL,
};

static int
lede_test_open (sqlite3_vfs  *vfs,
                const char   *name,
                sqlite3_file *file,
                int           flags,
                int          *out_flags)
{
  LedeTestFile *test_file = (LedeTestFile *)file;
  int rc;

  test_file->real = (sqlite3_file *)(test_file + 1);
  memset (test_file->real, 0, lede_test_vfs.real->szOsFile);
  rc = lede_test_vfs.real->xOpen (lede_test_vfs.real, name, test_file->real, flags, out_flags);
  file->pMethods = test_file->real->pMethods ? &lede_test_io_methods : NULL;
  return rc;
}

static int lede_test_delete (sqlite3_vfs *v, const char *name, int sync_dir)
{
  int rc = lede_test_vfs_write_allowed ();
  return rc != SQLITE_OK ? SQLITE_IOERR_DELETE : lede_test_vfs.real->xDelete (lede_test_vfs.real, name, sync_dir);
}
static int lede_test_access (sqlite3_vfs *v, const char *name, int flags, int *out) { return lede_test_vfs.real->xAccess (lede_test_vfs.real, name, flags, out); }
static int lede_test_full_pathname (sqlite3_vfs *v, const char *name, int n, char *out) { return lede_test_vfs.real->xFullPathname (lede_test_vfs.real, name, n, out); }
static void *lede_test_dl_open (sqlite3_vfs *v, const char *name) { return lede_test_vfs.real->xDlOpen (lede_test_vfs.real, name); }
static void lede_test_dl_error (sqlite3_vfs *v, int n, char *out) { lede_test_vfs.real->xDlError (lede_test_vfs.real, n, out); }
static void (*lede_test_dl_sym (sqlite3_vfs *v, void *h, const char *name)) (void) { return lede_test_vfs.real->xDlSym (lede_test_vfs.real, h, name); }
static void lede_test_dl_close (sqlite3_vfs *v, void *h) { lede_test_vfs.real->xDlClose (lede_test_vfs.real, h); }
static int lede_test_randomness (sqlite3_vfs *v, int n, char *out) { return lede_test_vfs.real->xRandomness (lede_test_vfs.real, n, out); }
static int lede_test_sleep (sqlite3_vfs *v, int us) { return lede_test_vfs.real->xSleep (lede_test_vfs.real, us); }
static int lede_test_current_time (sqlite3_vfs *v, double *out) { return lede_test_vfs.real->xCurrentTime (lede_test_vfs.real, out); }
static int lede_test_get_last_error (sqlite3_vfs *v, int n, char *out) { return lede_test_vfs.real->xGetLastError (lede_test_vfs.real, n, out); }
static int lede_test_current_time_int64 (sqlite3_vfs *v, sqlite3_int64 *out) { return lede_test_vfs.real->xCurrentTimeInt64 (lede_test_vfs.real, out); }

/* Makes the test VFS the default for every connection opened from now on. */
static inline void
lede_test_vfs_install (LedeTestVfsMode mode,
                       guint           fail_at)
{
  if (lede_test_vfs.real == NULL)
    {
      lede_test_vfs.real = sqlite3_vfs_find (NULL);
      lede_test_vfs.vfs = (sqlite3_vfs) {
        1, (int)sizeof (LedeTestFile) + lede_test_vfs.real->szOsFile, lede_test_vfs.real->mxPathname,
        NULL, "lede-test", NULL,
        lede_test_open, lede_test_delete, lede_test_access, lede_test_full_pathname,
        lede_test_dl_open, lede_test_dl_error, lede_test_dl_sym, lede_test_dl_close,
        lede_test_randomness, lede_test_sleep, lede_test_current_time, lede_test_get_last_error,
      };
      lede_test_vfs.vfs.iVersion = 2;
      lede_test_vfs.vfs.xCurrentTimeInt64 = lede_test_current_time_int64;
      sqlite3_vfs_register (&lede_test_vfs.vfs, 1);
    }
  lede_test_vfs.mode = mode;
  lede_test_vfs.fail_at = fail_at;
  lede_test_vfs.writes = 0;
}
