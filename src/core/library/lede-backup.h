/* lede-backup.h: backups of a library — made as a snapshot while Lede goes
 * on writing, proven to open before they count, kept to the last few.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many backups a folder keeps of one library unless told otherwise. */
#define LEDE_BACKUP_KEEP 7

typedef struct {
  guint   stories;  /* not in the trash */
  guint   photos;
  gint64  bytes;    /* the library file and its photos */
} LedeBackupSummary;

char      *lede_backup_make          (const char         *library_path,
                                      const char         *folder,
                                      guint               keep,
                                      GCancellable       *cancellable,
                                      GError            **error);
gboolean   lede_backup_verify        (const char         *backup_path,
                                      LedeBackupSummary  *summary,
                                      GError            **error);
GPtrArray *lede_backup_list          (const char         *library_path,
                                      const char         *folder);
gboolean   lede_backup_copy_to       (const char         *backup_path,
                                      const char         *library_path,
                                      GError            **error);

G_END_DECLS
