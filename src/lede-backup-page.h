/* lede-backup-page.h: Preferences → Library: where backups go, how often,
 * how many are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_BACKUP_PAGE (lede_backup_page_get_type ())

G_DECLARE_FINAL_TYPE (LedeBackupPage, lede_backup_page, LEDE, BACKUP_PAGE, AdwPreferencesPage)

LedeBackupPage *lede_backup_page_new (void);

G_END_DECLS
