/* lede-zip-module.c: the zip module, libarchive behind the one table
 * lede-zip-module.h describes. What goes into a document is lede-docx.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gmodule.h>

#include "lede-zip-module.h"

typedef struct
{
  struct archive *archive;
  GByteArray     *bytes;
} Zip;

static la_ssize_t
write_to_array (struct archive *archive,
                void           *array,
                const void     *data,
                size_t          length)
{
  g_byte_array_append (array, data, length);
  return length;
}

static gpointer
new_zip (void)
{
  Zip *zip = g_new0 (Zip, 1);

  zip->bytes = g_byte_array_new ();
  zip->archive = archive_write_new ();
  archive_write_set_format_zip (zip->archive);
  archive_write_set_options (zip->archive, "zip:compression=deflate");
  archive_write_set_bytes_in_last_block (zip->archive, 1);  /* no padding after the zip */
  archive_write_open (zip->archive, zip->bytes, NULL, write_to_array, NULL);
  return zip;
}

/* Writing to memory fails only when memory does. */
static void
add (gpointer    data,
     const char *name,
     const void *bytes,
     gsize       length,
     gboolean    store)
{
  Zip *zip = data;
  struct archive_entry *entry = archive_entry_new ();

  if (store)
    archive_write_zip_set_compression_store (zip->archive);
  else
    archive_write_zip_set_compression_deflate (zip->archive);
  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, length);
  if (archive_write_header (zip->archive, entry) != ARCHIVE_OK ||
      archive_write_data (zip->archive, bytes, length) != (la_ssize_t)length)
    g_error ("Could not zip %s: %s", name, archive_error_string (zip->archive));
  archive_entry_free (entry);
}

static GBytes *
finish (gpointer data)
{
  Zip *zip = data;
  GBytes *bytes;

  if (archive_write_close (zip->archive) != ARCHIVE_OK)
    g_error ("Could not zip the document: %s", archive_error_string (zip->archive));
  archive_write_free (zip->archive);
  bytes = g_byte_array_free_to_bytes (zip->bytes);
  g_free (zip);
  return bytes;
}

G_MODULE_EXPORT const LedeZipModule *lede_zip_module_get (void);

const LedeZipModule *
lede_zip_module_get (void)
{
  static const LedeZipModule table = {
    .abi = LEDE_ZIP_MODULE_ABI,
    .new_zip = new_zip,
    .add = add,
    .finish = finish,
  };

  return &table;
}
