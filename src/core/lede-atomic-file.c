/* lede-atomic-file.c: files written whole or not at all.
 *
 * The bytes go to a hidden temporary file beside the target, are flushed to
 * the disk, and only then take the target's name, so a crash, a full disk
 * or a read-only folder never leaves a partial file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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

/**
 * lede_atomic_file_write:
 * @overwrite: whether an existing file at @path may be replaced
 *
 * Writes @contents to @path atomically: afterwards @path holds either all
 * of @contents or what it held before, and no temporary file is left.
 */
gboolean
lede_atomic_file_write (const char  *path,
                        GBytes      *contents,
                        gboolean     overwrite,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);
  int fd, saved_errno = 0, dir_fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }

  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n;
      len -= n;
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  /* link() refuses an existing name, so "never overwrite" holds even if
   * another program makes the file meanwhile. */
  if (saved_errno == 0)
    {
      if (overwrite ? rename (tmp, path) != 0 : link (tmp, path) != 0)
        saved_errno = errno;
    }
  if (saved_errno != 0 || !overwrite)
    g_unlink (tmp);
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
