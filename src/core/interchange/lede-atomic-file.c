/* lede-atomic-file.c: files written whole or not at all.
 *
 * The bytes go to a file beside the target that has no name yet, are
 * flushed to the disk, and only then take the target's name, so a crash, a
 * full disk or a read-only folder never leaves a partial file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* O_TMPFILE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lede-atomic-file.h"

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (display);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: the folder “%s” is not writable"), display, folder);
      break;
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not write “%s”: the disk is full"), display);
      break;
    case EEXIST:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists and was left as it was"), display);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
    }
}

/* Writes all of @data to @fd and flushes it to the disk; 0 or an errno. */
static int
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n < 0 ? errno : ENOSPC;
      data += n;
      len -= n;
    }
  return fsync (fd) != 0 ? errno : 0;
}

/* Gives the unnamed file @fd the name @path; link() refuses an existing
 * name. */
static int
link_unnamed (int         fd,
              const char *path)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

  return linkat (AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) != 0 ? errno : 0;
}

/* A hidden name beside @path that no file has: ".name.XXXXXX". */
static char *
link_hidden (int          fd,
             const char  *path,
             int         *saved_errno)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *hidden = g_strdup_printf ("%s/.%s.%06X", dir, base, g_random_int_range (0, 0xffffff));

      if ((*saved_errno = link_unnamed (fd, hidden)) == 0)
        return g_steal_pointer (&hidden);
      if (*saved_errno != EEXIST)
        return NULL;
    }
  return NULL;
}

/**
 * lede_atomic_file_write:
 * @overwrite: whether an existing file at @path may be replaced
 *
 * Writes @contents to @path atomically: afterwards @path holds either all
 * of @contents or what it held before, and no temporary file is left.
 *
 * The bytes go to an unnamed file in the target's folder (O_TMPFILE), are
 * flushed, and only then get a name, so a process killed at any moment
 * leaves nothing behind. Replacing a file needs a name to rename from: a
 * hidden one, for the moment between link() and rename(). Where a file
 * system has no unnamed files, a hidden named one is used throughout.
 */
gboolean
lede_atomic_file_write (const char  *path,
                        GBytes      *contents,
                        gboolean     overwrite,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *hidden = NULL;
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);
  int fd, saved_errno = 0, dir_fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0)
    {
      saved_errno = write_all (fd, data, len);
      if (saved_errno == 0 && !overwrite)
        saved_errno = link_unnamed (fd, path);
      else if (saved_errno == 0 && (hidden = link_hidden (fd, path, &saved_errno)) != NULL &&
               rename (hidden, path) != 0)
        {
          saved_errno = errno;
          g_unlink (hidden);
        }
      close (fd);
    }
  else if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
    {
      g_autofree char *base = g_path_get_basename (path);

      hidden = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      if ((fd = g_mkstemp_full (hidden, O_WRONLY | O_CLOEXEC, 0644)) < 0)
        saved_errno = errno;
      else
        {
          saved_errno = write_all (fd, data, len);
          if (close (fd) != 0 && saved_errno == 0)
            saved_errno = errno;
          if (saved_errno == 0 && (overwrite ? rename (hidden, path) : link (hidden, path)) != 0)
            saved_errno = errno;
          if (saved_errno != 0 || !overwrite)
            g_unlink (hidden);
        }
    }
  else
    saved_errno = errno;

  if (saved_errno != 0)
    {
      set_errno_error (error, saved_errno, path);
      return FALSE;
    }

  /* The new name itself reaches the disk with the folder. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}
