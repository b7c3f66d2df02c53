/* lede-inbox.c: wire files read into the inbox, and taken from it.
 *
 * A file is read whole, on any thread, by the same readers import uses
 * (lede_import_parse_full()): what it is, its headline, byline, dateline,
 * keywords and wire identity for the inbox's list, or the reason it cannot
 * be read. Taking an entry imports the bytes the inbox kept through the
 * import path itself (lede_import_file_noted()), so a wire the library
 * knows is skipped, updated or kept beside the desk's edit exactly as an
 * import would; the file in the watched folder is never touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-inbox"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lede-inbox.h"

static LedeInboxEntry *
refused (LedeInboxEntry *entry,
         const char     *reason)
{
  entry->state = LEDE_INBOX_REFUSED;
  g_free (entry->reason);
  entry->reason = g_strdup (reason);
  return entry;
}

/**
 * lede_inbox_read_file:
 * @size: the size the file was seen to settle at
 * @mtime_us: the time it was seen to settle at
 * @data: (out) (transfer full): its bytes, when it could be read
 *
 * Reads a file into an inbox entry, waiting or refused with the reason.
 * Safe on any thread: it touches no library.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL when the file
 *   is gone or changed since it settled (it is being written still)
 */
LedeInboxEntry *
lede_inbox_read_file (const char  *path,
                      gint64       size,
                      gint64       mtime_us,
                      GBytes     **data)
{
  g_autoptr (LedeInboxEntry) entry = lede_inbox_entry_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_auto (GStrv) tags = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *read_as = NULL;
  const char *format = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL && data != NULL, NULL);

  *data = NULL;
  entry->path = g_strdup (path);
  entry->size = size;
  entry->mtime_us = mtime_us;
  entry->sha256 = g_strdup ("");
  if (size > LEDE_IMPORT_MAX_BYTES)
    {
      g_autofree char *said = g_format_size (size);
      g_autofree char *reason = g_strdup_printf (_("it is %s, and a story can be at most 16 MB"), said);

      return refused (g_steal_pointer (&entry), reason);
    }
  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      /* Gone since it settled (a sync tool took it back): nothing to list. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      return refused (g_steal_pointer (&entry), error->message);
    }
  /* Changed while it was read: not complete after all. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_size (info) != size || (gint64)len != size ||
      (gint64)g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) != mtime_us)
    return NULL;

  g_free (entry->sha256);
  entry->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  article = lede_import_parse_full (path, contents, len, NULL, &tags, &wire, &read_as, &format, &error);
  if (article == NULL)
    return refused (g_steal_pointer (&entry), error->message);

  entry->state = LEDE_INBOX_WAITING;
  entry->headline = g_strdup (lede_article_get_headline (article));
  entry->byline = g_strdup (lede_article_get_byline (article));
  entry->dateline = g_strdup (lede_article_get_dateline (article));
  entry->keywords = g_strjoinv (", ", tags);
  entry->format = g_strdup (format ? format : "");
  if (wire != NULL)
    {
      entry->wire_id = g_strdup (wire->id);
      entry->version = g_strdup (wire->version ? wire->version : "");
      entry->version_created = wire->version_created ? g_date_time_ref (wire->version_created) : NULL;
      g_free (entry->pubstatus);
      entry->pubstatus = g_strdup (lede_wire_status_to_string (wire->status));
    }
  *data = g_bytes_new_take (g_steal_pointer (&contents), len);
  return g_steal_pointer (&entry);
}

/**
 * lede_inbox_find_killed:
 *
 * Returns: the story in @library that @entry, a kill or withhold, is of;
 *   0 when it is neither, or of a story the library does not have
 */
gint64
lede_inbox_find_killed (LedeLibrary          *library,
                        const LedeInboxEntry *entry)
{
  gint64 id;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (entry->state != LEDE_INBOX_WAITING || entry->wire_id == NULL || *entry->wire_id == '\0' ||
      lede_wire_status_from_string (entry->pubstatus) == LEDE_WIRE_USABLE)
    return 0;
  id = lede_library_find_wire (library, entry->wire_id, NULL, NULL);
  return MAX (id, 0);
}

/**
 * lede_inbox_read_story:
 * @id: a waiting entry
 *
 * The story a waiting entry holds, read again from the bytes the inbox
 * keeps: what the wire sent, to compare with the desk's text.
 *
 * Returns: (transfer full): the story, in no library, or %NULL with
 *   @error set
 */
LedeArticle *
lede_inbox_read_story (LedeLibrary  *library,
                       gint64        id,
                       GError      **error)
{
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_auto (GStrv) tags = NULL;
  gsize len;
  const char *bytes;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);

  if (!(entry = lede_library_inbox_get (library, id, error)) ||
      !(data = lede_library_inbox_dup_data (library, id, error)))
    return NULL;
  bytes = g_bytes_get_data (data, &len);
  return lede_import_parse_full (entry->path, bytes, len, NULL, &tags, &wire, NULL, NULL, error);
}

/* Writes @data as a file named like the one that landed, in a folder of
 * its own, so the import names it as the desk saw it. */
static char *
write_copy (const char  *path,
            GBytes      *data,
            char       **folder,
            GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = NULL;
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);

  *folder = g_dir_make_tmp ("lede-inbox-XXXXXX", error);
  if (*folder == NULL)
    return NULL;
  copy = g_build_filename (*folder, base, NULL);
  if (!g_file_set_contents_full (copy, bytes, len, G_FILE_SET_CONTENTS_NONE, 0600, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * lede_inbox_take:
 * @id: the waiting entry
 * @outcome: (out) (optional): added, or updated
 * @notes: (out) (optional): what the import noted
 * @messages: (out) (optional) (transfer full): what the import says,
 *   whether or not the story went in
 *
 * Takes a waiting entry into the library through the import path. The
 * entry is settled as taken when the story went in, and also when the
 * import left it out because the library has it (the same version, an
 * older one, a newer one of a story the desk has edited, which is then in
 * the story's history; a kill of a story the library never had): @error
 * then says so, with the import's code. A file the readers refuse now is
 * settled as refused; a library that could not be written leaves it
 * waiting.
 *
 * Returns: (transfer full): the story, or %NULL with @error set
 */
LedeArticle *
lede_inbox_take (LedeLibrary        *library,
                 gint64              id,
                 LedeImportOutcome  *outcome,
                 LedeImportNotes    *notes,
                 char             ***messages,
                 GError            **error)
{
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copy = NULL;
  gint64 story = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);

  if (messages)
    *messages = NULL;
  if (!(entry = lede_library_inbox_get (library, id, error)) ||
      !(data = lede_library_inbox_dup_data (library, id, error)))
    return NULL;
  copy = write_copy (entry->path, data, &folder, &local_error);
  if (copy != NULL)
    article = lede_import_file_noted (library, copy, LEDE_IMPORT_FLAGS_NONE, outcome, notes, messages, &local_error);
  if (copy != NULL)
    g_unlink (copy);
  if (folder != NULL)
    g_rmdir (folder);

  if (article != NULL)
    {
      if (!lede_library_inbox_settle (library, id, LEDE_INBOX_TAKEN, lede_article_get_id (article), NULL, error))
        return NULL;
      return g_steal_pointer (&article);
    }
  if (g_error_matches (local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE) ||
      g_error_matches (local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER) ||
      g_error_matches (local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EDITED) ||
      g_error_matches (local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_KILLED))
    {
      if (*entry->wire_id)
        story = MAX (lede_library_find_wire (library, entry->wire_id, NULL, NULL), 0);
      if (!lede_library_inbox_settle (library, id, LEDE_INBOX_TAKEN, story, local_error->message, error))
        return NULL;
    }
  else if (local_error->domain == LEDE_IMPORT_ERROR &&
           !lede_library_inbox_settle (library, id, LEDE_INBOX_REFUSED, 0, local_error->message, error))
    return NULL;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
