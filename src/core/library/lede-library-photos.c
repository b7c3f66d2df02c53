/* lede-library-photos.c: the library's photos — their bytes, kept once
 * each, and each story's photos with their texts.
 *
 * The bytes live beside the library, in LIBRARY-photos/ab/SHA256.ext
 * ("ab" the hash's first two digits), written whole before the row that
 * names them commits (an unnamed file, fsync, link), so a crash or a full
 * disk leaves at most a whole file that nothing names yet, which the next
 * add of the same picture takes as it is. A row in photos stands for each
 * file; the rows of article_photos and revision_photos are what keep it.
 * When the last of those goes (a photo taken off a story, a revision
 * thinned, a story deleted forever) a trigger deletes the row and names
 * the file in photos_gone, in the same transaction, and the file is
 * deleted only after that transaction commits (sweep_photos()), or, after
 * a crash, when the library is next opened for writing. Why beside the
 * library and not inside it: HACKING.md, "Photos", has the figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* O_TMPFILE */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lede-library-private.h"

/**
 * lede_library_dup_photos_dir:
 *
 * Returns: (transfer full): the folder beside the library that holds its
 *   photos' bytes: the library's file name with "-photos" after it
 */
char *
lede_library_dup_photos_dir (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return g_strconcat (self->path, "-photos", NULL);
}

static char *
path_of (LedeLibrary *self,
         const char  *sha256,
         const char  *media_type)
{
  g_autofree char *dir = lede_library_dup_photos_dir (self);
  g_autofree char *sub = g_strndup (sha256, 2);
  g_autofree char *name = g_strdup_printf ("%s.%s", sha256, lede_photo_get_extension (media_type));

  return g_build_filename (dir, sub, name, NULL);
}

/**
 * lede_library_dup_photo_path:
 *
 * Returns: (transfer full): where @photo's bytes are kept; read them with
 *   lede_library_dup_photo_bytes(), which checks them
 */
char *
lede_library_dup_photo_path (LedeLibrary     *self,
                             const LedePhoto *photo)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (photo != NULL && lede_photo_is_sha256 (photo->sha256), NULL);
  return path_of (self, photo->sha256, photo->media_type);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * lede_library_dup_photo_bytes:
 *
 * Returns: (transfer full): @photo's bytes as they were added, checked
 *   against their SHA-256; %NULL with @error set, in words, when the file
 *   is missing or damaged
 */
GBytes *
lede_library_dup_photo_bytes (LedeLibrary      *self,
                              const LedePhoto  *photo,
                              GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  gsize len;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (photo != NULL, NULL);

  if (!lede_photo_is_sha256 (photo->sha256))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND, _("The photo has no picture in the library"));
      return NULL;
    }
  path = path_of (self, photo->sha256, photo->media_type);
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                   _("The photo “%s” is missing from the library’s photos folder (%s)"),
                   photo->file_name, local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  sha = sha256_of (bytes);
  if (!g_str_equal (sha, photo->sha256))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                   _("The photo “%s” is damaged in the library’s photos folder: its bytes are not the ones added"),
                   photo->file_name);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static int
write_all (int      fd,
           GBytes  *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

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

static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Whether the file at @path holds exactly the bytes named @sha256. */
static gboolean
is_whole (const char *path,
          const char *sha256)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  return g_str_equal (sha, sha256);
}

/* Writes @bytes to @path whole: an unnamed file flushed and then linked
 * in (or a hidden one renamed over a damaged copy). 0 or an errno. */
static int
write_whole (const char *path,
             GBytes     *bytes,
             gboolean    replace)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *hidden = g_strdup_printf ("%s.XXXXXX", path);
  int fd = replace ? -1 : open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  int saved_errno;

  if (fd >= 0)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

      saved_errno = write_all (fd, bytes);
      if (saved_errno == 0 && linkat (AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) != 0)
        saved_errno = errno;
      close (fd);
      return saved_errno;
    }
  /* No unnamed files here (or a damaged copy to replace): a hidden name. */
  if ((fd = g_mkstemp_full (hidden, O_WRONLY | O_CLOEXEC, 0644)) < 0)
    return errno;
  saved_errno = write_all (fd, bytes);
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && (replace ? rename (hidden, path) : link (hidden, path)) != 0)
    saved_errno = errno;
  g_unlink (hidden);
  return saved_errno;
}

/* Puts @bytes in the photos folder under @sha256, unless a whole copy is
 * there already (added before, or left by a crash before its commit). */
static gboolean
store_file (LedeLibrary  *self,
            const char   *sha256,
            const char   *media_type,
            GBytes       *bytes,
            GError      **error)
{
  g_autofree char *path = path_of (self, sha256, media_type);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *top = g_path_get_dirname (dir);
  gboolean made_top = !g_file_test (top, G_FILE_TEST_IS_DIR);
  int saved_errno;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    saved_errno = errno;
  else
    {
      saved_errno = write_whole (path, bytes, FALSE);
      if (saved_errno == EEXIST)
        saved_errno = is_whole (path, sha256) ? 0 : write_whole (path, bytes, TRUE);
    }
  if (saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (top);

      if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Could not add the photo: the disk is full (the story is as it was)"));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not add the photo to “%s”: %s (the story is as it was)"),
                     display, g_strerror (saved_errno));
      return FALSE;
    }
  /* The names reach the disk with their folders. */
  sync_dir (dir);
  if (made_top)
    {
      g_autofree char *parent = g_path_get_dirname (top);

      sync_dir (top);
      sync_dir (parent);
    }
  return TRUE;
}

/* The row of the picture named @sha256, 0 when the library has none. */
static gint64
photo_id (LedeLibrary  *self,
          const char   *sha256,
          const char   *what,
          GError      **error)
{
  sqlite3_stmt *stmt = _lede_library_prepare (self, "SELECT id FROM photos WHERE sha256 = ?1", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  _lede_library_bind_text (stmt, 1, sha256);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, what);
      return -1;
    }
  return id;
}

/* A picture an import brings, until the story naming it is written. */
typedef struct {
  LedePhoto *photo;
  GBytes    *bytes;
} StagedPhoto;

static void
staged_photo_free (StagedPhoto *staged)
{
  lede_photo_free (staged->photo);
  g_bytes_unref (staged->bytes);
  g_free (staged);
}

/**
 * lede_library_stage_photo:
 * @photo: the picture's SHA-256, media type, size upright and orientation
 *   (lede_photo_file_read() gives them)
 * @bytes: its bytes, which must have that SHA-256
 *
 * Has the next story written (lede_library_add_story(),
 * lede_library_replace_story()) that names this picture and whose
 * library does not hold it yet add it in the same transaction, so an
 * import brings its story and its pictures whole or not at all. Call
 * lede_library_unstage_photos() after.
 */
void
lede_library_stage_photo (LedeLibrary     *self,
                          const LedePhoto *photo,
                          GBytes          *bytes)
{
  StagedPhoto *staged;

  g_return_if_fail (LEDE_IS_LIBRARY (self));
  g_return_if_fail (photo != NULL && lede_photo_is_sha256 (photo->sha256) && bytes != NULL);

  if (self->staged_photos == NULL)
    self->staged_photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)staged_photo_free);
  staged = g_new0 (StagedPhoto, 1);
  staged->photo = lede_photo_copy (photo);
  staged->bytes = g_bytes_ref (bytes);
  g_hash_table_replace (self->staged_photos, g_strdup (photo->sha256), staged);
}

/* Forgets the pictures lede_library_stage_photo() was given. */
void
lede_library_unstage_photos (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  g_clear_pointer (&self->staged_photos, g_hash_table_unref);
}

/* Adds a staged picture's row and file, inside the caller's transaction;
 * its id, 0 when none is staged, -1 on failure. */
static gint64
add_staged (LedeLibrary  *self,
            const char   *sha256,
            const char   *what,
            GError      **error)
{
  StagedPhoto *staged = self->staged_photos ? g_hash_table_lookup (self->staged_photos, sha256) : NULL;
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  g_autofree char *sha = NULL;
  sqlite3_stmt *stmt;

  if (staged == NULL)
    return 0;
  sha = sha256_of (staged->bytes);
  if (!g_str_equal (sha, sha256))
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT,
                   _("%s: the photo “%s” is not the picture it names"), what, staged->photo->file_name);
      return -1;
    }
  if (!(stmt = _lede_library_prepare (self,
                                      "INSERT INTO photos (sha256, media_type, size, width, height, orientation, "
                                      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                      "ON CONFLICT (sha256) DO NOTHING",
                                      error)))
    return -1;
  _lede_library_bind_text (stmt, 1, sha256);
  _lede_library_bind_text (stmt, 2, staged->photo->media_type);
  sqlite3_bind_int64 (stmt, 3, g_bytes_get_size (staged->bytes));
  sqlite3_bind_int64 (stmt, 4, staged->photo->width);
  sqlite3_bind_int64 (stmt, 5, staged->photo->height);
  sqlite3_bind_int64 (stmt, 6, CLAMP (staged->photo->orientation, 1, 8));
  _lede_library_bind_time (stmt, 7, now);
  if (!store_file (self, sha256, staged->photo->media_type, staged->bytes, error))
    {
      sqlite3_clear_bindings (stmt);
      return -1;
    }
  if (!_lede_library_step_done (self, stmt, what, error))
    return -1;
  return photo_id (self, sha256, what, error);
}

/* A story's photos must each be a picture the library holds (or one an
 * import staged, added now), and only one may lead. */
static gboolean
check_photos (LedeLibrary  *self,
              GPtrArray    *photos,
              GArray       *ids,
              const char   *what,
              GError      **error)
{
  guint leads = 0;

  for (guint i = 0; i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);
      gint64 id = lede_photo_is_sha256 (photo->sha256) ? photo_id (self, photo->sha256, what, error) : 0;

      if (id == 0 && lede_photo_is_sha256 (photo->sha256))
        id = add_staged (self, photo->sha256, what, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND,
                       _("%s: the photo “%s” is not in the library"), what, photo->file_name);
          return FALSE;
        }
      leads += photo->role == LEDE_PHOTO_ROLE_LEAD;
      g_array_append_val (ids, id);
    }
  if (leads > 1)
    {
      g_set_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_FAILED,
                   _("%s: a story has one lead photo, and this one has %u"), what, leads);
      return FALSE;
    }
  return TRUE;
}

/* Replaces a story's photos inside the caller's transaction. The new rows
 * go in first at places below zero, then the old ones go, then the new
 * ones take their places: a picture the story keeps is never without a
 * row that keeps it, so the triggers never take it away midway. */
gboolean
_lede_library_write_photos (LedeLibrary  *self,
                            gint64        article_id,
                            GPtrArray    *photos,
                            const char   *what,
                            GError      **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!check_photos (self, photos, ids, what, error) ||
      !(stmt = _lede_library_prepare (self,
                                      "INSERT INTO article_photos (article_id, position, photo_id, role, caption, "
                                      "credit, alt_text, file_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                      error)))
    return FALSE;
  for (guint i = 0; i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int64 (stmt, 2, -1 - (gint64)i);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      _lede_library_bind_text (stmt, 4, lede_photo_role_to_string (photo->role));
      _lede_library_bind_text (stmt, 5, photo->caption);
      _lede_library_bind_text (stmt, 6, photo->credit);
      _lede_library_bind_text (stmt, 7, photo->alt_text);
      _lede_library_bind_text (stmt, 8, photo->file_name);
      if (!_lede_library_step_done (self, stmt, what, error))
        return FALSE;
    }
  return _lede_library_write_one (self, "DELETE FROM article_photos WHERE article_id = ?1 AND position >= 0",
                                  article_id, 0, NULL, what, error) &&
         _lede_library_write_one (self, "UPDATE article_photos SET position = -1 - position "
                                        "WHERE article_id = ?1 AND position < 0",
                                  article_id, 0, NULL, what, error);
}

/* Names a revision's photos, so their bytes are kept while it is. */
gboolean
_lede_library_keep_revision_photos (LedeLibrary  *self,
                                    gint64        revision_id,
                                    GPtrArray    *photos,
                                    const char   *what,
                                    GError      **error)
{
  for (guint i = 0; photos != NULL && i < photos->len; i++)
    if (!_lede_library_write_one (self, "INSERT OR IGNORE INTO revision_photos (revision_id, photo_id) "
                                        "SELECT ?1, id FROM photos WHERE sha256 = ?3",
                                  revision_id, 0, ((LedePhoto *)g_ptr_array_index (photos, i))->sha256,
                                  what, error))
      return FALSE;
  return TRUE;
}

static LedePhoto *
photo_from_row (sqlite3_stmt *stmt,
                int           first)
{
  LedePhoto *photo = lede_photo_new (_lede_library_column_text (stmt, first));

  lede_photo_role_from_string (_lede_library_column_text (stmt, first + 1), &photo->role);
  lede_photo_set_text (&photo->caption, _lede_library_column_text (stmt, first + 2));
  lede_photo_set_text (&photo->credit, _lede_library_column_text (stmt, first + 3));
  lede_photo_set_text (&photo->alt_text, _lede_library_column_text (stmt, first + 4));
  lede_photo_set_text (&photo->file_name, _lede_library_column_text (stmt, first + 5));
  lede_photo_set_text (&photo->media_type, _lede_library_column_text (stmt, first + 6));
  photo->width = (guint)CLAMP (sqlite3_column_int64 (stmt, first + 7), 0, G_MAXUINT);
  photo->height = (guint)CLAMP (sqlite3_column_int64 (stmt, first + 8), 0, G_MAXUINT);
  photo->orientation = (guint)CLAMP (sqlite3_column_int64 (stmt, first + 9), 1, 8);
  photo->size = sqlite3_column_int64 (stmt, first + 10);
  return photo;
}

#define PHOTO_COLUMNS \
  "p.sha256, l.role, l.caption, l.credit, l.alt_text, l.file_name, p.media_type, p.width, p.height, " \
  "p.orientation, p.size"

/**
 * lede_library_list_story_photos:
 *
 * Returns: (transfer full) (element-type LedePhoto): story @article_id's
 *   photos in its order; empty for a library from before photos (schema 9)
 */
GPtrArray *
lede_library_list_story_photos (LedeLibrary  *self,
                                gint64        article_id,
                                GError      **error)
{
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < 9)
    return g_steal_pointer (&photos);
  stmt = _lede_library_prepare (self,
                                "SELECT " PHOTO_COLUMNS " FROM article_photos AS l JOIN photos AS p ON p.id = l.photo_id "
                                "WHERE l.article_id = ?1 ORDER BY l.position",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (photos, photo_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the story’s photos"));
      return NULL;
    }
  return g_steal_pointer (&photos);
}

/**
 * lede_library_list_lead_photos:
 *
 * Returns: (transfer full) (element-type gint64 LedePhoto): the lead photo
 *   of every story that has one, by the story's id, in one query (for a
 *   list of stories)
 */
GHashTable *
lede_library_list_lead_photos (LedeLibrary  *self,
                               GError      **error)
{
  g_autoptr (GHashTable) leads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)lede_photo_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);

  if (self->schema_version < 9)
    return g_steal_pointer (&leads);
  stmt = _lede_library_prepare (self,
                                "SELECT l.article_id, " PHOTO_COLUMNS " FROM article_photos AS l "
                                "JOIN photos AS p ON p.id = l.photo_id WHERE l.role = 'lead'",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (leads, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         photo_from_row (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _lede_library_set_sqlite_error (self, error, rc, _("Could not read the stories’ photos"));
      return NULL;
    }
  return g_steal_pointer (&leads);
}

/* @photos with @photo added: a lead goes first, in place of the lead the
 * story had; a body photo goes last. */
static GPtrArray *
with_photo (GPtrArray       *photos,
            const LedePhoto *photo)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);

  if (photo->role == LEDE_PHOTO_ROLE_LEAD)
    g_ptr_array_add (result, lede_photo_copy (photo));
  for (guint i = 0; photos != NULL && i < photos->len; i++)
    {
      LedePhoto *other = g_ptr_array_index (photos, i);

      if (photo->role != LEDE_PHOTO_ROLE_LEAD || other->role != LEDE_PHOTO_ROLE_LEAD)
        g_ptr_array_add (result, lede_photo_copy (other));
    }
  if (photo->role != LEDE_PHOTO_ROLE_LEAD)
    g_ptr_array_add (result, lede_photo_copy (photo));
  return result;
}

/* Both ways of adding a photo; @open: for the editor holding @article. */
static gboolean
add_photo (LedeLibrary  *self,
           LedeArticle  *article,
           LedePhoto    *photo,
           GBytes       *bytes,
           gboolean      open,
           GError      **error)
{
  const char *what = _("Could not add the photo");
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GDateTime) now = _lede_library_now_utc ();
  g_autofree char *sha = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article) && lede_article_get_id (article) > 0, FALSE);
  g_return_val_if_fail (photo != NULL && bytes != NULL && g_bytes_get_size (bytes) > 0, FALSE);
  g_return_val_if_fail (photo->width > 0 && photo->height > 0, FALSE);

  sha = sha256_of (bytes);
  lede_photo_set_text (&photo->sha256, sha);
  photo->size = g_bytes_get_size (bytes);
  /* A window editing the story saves it first (its photos too), so the
   * photo joins what the library holds, and nothing it had is lost. */
  if (open && lede_article_get_photos (article) != NULL)
    current = g_ptr_array_ref (lede_article_get_photos (article));
  else if (open)
    current = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_photo_free);
  else
    {
      _lede_library_emit_save_wanted (self, lede_article_get_id (article));
      if (!(current = lede_library_list_story_photos (self, lede_article_get_id (article), error)))
        return FALSE;
    }
  photos = with_photo (current, photo);

  /* The file goes in inside the transaction, so a library that is
   * damaged or read-only gets no file it will never name. */
  if (!(stmt = _lede_library_prepare (self,
                                      "INSERT INTO photos (sha256, media_type, size, width, height, orientation, "
                                      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                      "ON CONFLICT (sha256) DO NOTHING",
                                      error)) ||
      !_lede_library_begin (self, what, error))
    return FALSE;
  _lede_library_bind_text (stmt, 1, sha);
  _lede_library_bind_text (stmt, 2, photo->media_type);
  sqlite3_bind_int64 (stmt, 3, photo->size);
  sqlite3_bind_int64 (stmt, 4, photo->width);
  sqlite3_bind_int64 (stmt, 5, photo->height);
  sqlite3_bind_int64 (stmt, 6, CLAMP (photo->orientation, 1, 8));
  _lede_library_bind_time (stmt, 7, now);
  if (!store_file (self, sha, photo->media_type, bytes, error))
    {
      sqlite3_clear_bindings (stmt);
      _lede_library_rollback (self);
      return FALSE;
    }
  if (!_lede_library_step_done (self, stmt, what, error) ||
      !_lede_library_write_photos (self, lede_article_get_id (article), photos, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  lede_article_set_photos (article, photos);
  if (!open)
    _lede_library_emit_article_replaced (self, lede_article_get_id (article));
  return TRUE;
}

/**
 * lede_library_add_photo:
 * @article: a story in the library
 * @photo: the photo: its sha256 is set from @bytes; its media type,
 *   width, height and orientation must be set (lede_photo_file_read()
 *   gives them)
 * @bytes: the picture's bytes, kept as they are
 *
 * Copies @bytes into the library (once, however many stories use them)
 * and adds @photo to @article, in one transaction: a lead photo replaces
 * the story's lead photo, a body photo goes after the others. Whoever
 * edits the story is asked to save first (#LedeLibrary::save-wanted), and
 * @article's photos are then what the library holds. On failure the story
 * and the library are as they were.
 */
gboolean
lede_library_add_photo (LedeLibrary  *self,
                        LedeArticle  *article,
                        LedePhoto    *photo,
                        GBytes       *bytes,
                        GError      **error)
{
  return add_photo (self, article, photo, bytes, FALSE, error);
}

/**
 * lede_library_add_photo_to_open_story:
 * @article: the story an editor holds: its photos (saved or not) are the
 *   truth
 *
 * As lede_library_add_photo(), for the editor of @article: the story's
 * photos written are @article's own with @photo added, and nobody is asked
 * to save or told the story was replaced, so the editor keeps its object
 * (and its undo history); its autosave writes the rest.
 */
gboolean
lede_library_add_photo_to_open_story (LedeLibrary  *self,
                                      LedeArticle  *article,
                                      LedePhoto    *photo,
                                      GBytes       *bytes,
                                      GError      **error)
{
  return add_photo (self, article, photo, bytes, TRUE, error);
}

/**
 * _lede_library_sweep_photos:
 *
 * Deletes the files of pictures nothing keeps any more, named in
 * photos_gone by a transaction that has committed. Called after such a
 * commit and when a library is opened for writing (after a crash between
 * the two). A file that cannot be deleted now stays named for next time.
 */
void
_lede_library_sweep_photos (LedeLibrary *self)
{
  const char *what = _("Could not tidy the library’s photos");
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  self->photos_gone = FALSE;
  if (self->read_only || self->damaged || self->in_batch || self->schema_version < 9 ||
      !(stmt = _lede_library_prepare (self, "SELECT sha256, media_type FROM photos_gone "
                                            "WHERE sha256 NOT IN (SELECT sha256 FROM photos)", NULL)))
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha = _lede_library_column_text (stmt, 0);
      g_autofree char *path = lede_photo_is_sha256 (sha) ? path_of (self, sha, _lede_library_column_text (stmt, 1)) : NULL;

      if (path == NULL || g_unlink (path) == 0 || errno == ENOENT)
        g_ptr_array_add (gone, g_strdup (sha));
      else
        g_warning ("%s: %s: %s", what, path, g_strerror (errno));
    }
  sqlite3_reset (stmt);
  if (gone->len == 0 || !_lede_library_begin (self, what, NULL))
    return;
  for (guint i = 0; i < gone->len; i++)
    if (!_lede_library_write_one (self, "DELETE FROM photos_gone WHERE sha256 = ?3", 0, 0,
                                  g_ptr_array_index (gone, i), what, NULL))
      {
        _lede_library_rollback (self);
        return;
      }
  if (!_lede_library_commit (self, what, NULL))
    _lede_library_rollback (self);
}
