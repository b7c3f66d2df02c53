/* lede-command-backup.c: lede-cli backup and verify.
 *
 * backup makes a proven backup while a Lede window may go on writing (a
 * snapshot, see lede-backup.c) into --to DIR, or the folder Preferences
 * names; verify proves a backup would restore. Neither writes the library,
 * so both run here, never handed to a running Lede.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-backup.h"
#include "lede-command-private.h"
#include "lede-settings.h"

static void
print_summary (GString                 *out,
               const char              *path,
               const LedeBackupSummary *summary)
{
  g_autofree char *size = g_format_size (summary->bytes);

  /* Not translated: a line for scripts, one "story" or N "stories". */
  g_string_append_printf (out, "%s\t%u %s\t%u %s\t%s\n", path,
                          summary->stories, summary->stories == 1 ? "story" : "stories",
                          summary->photos, summary->photos == 1 ? "photo" : "photos", size);
}

int
_lede_command_backup_command (LedeCommand *self,
                              LedeLibrary *library,
                              GString     *out,
                              GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = self->backup_to ? g_strdup (self->backup_to) : lede_settings_dup_string ("backup-folder");
  g_autofree char *path = NULL;
  LedeBackupSummary summary;

  if (folder == NULL)
    {
      g_string_append (err, "lede-cli: backup needs --to DIR (or a backup folder chosen in Lede’s Preferences)\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->backup_keep != G_MININT && self->backup_keep < 1)
    {
      g_string_append (err, "lede-cli: --keep needs a number of backups, 1 or more\n");
      return LEDE_COMMAND_EXIT_USAGE;
    }
  path = lede_backup_make (lede_library_get_path (library), folder,
                           self->backup_keep != G_MININT ? (guint)self->backup_keep : LEDE_BACKUP_KEEP, NULL, &error);
  if (path == NULL || !lede_backup_verify (path, &summary, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  print_summary (out, path, &summary);
  return LEDE_COMMAND_EXIT_OK;
}

int
_lede_command_verify_command (LedeCommand  *self,
                              char        **files,
                              GString      *out,
                              GString      *err)
{
  int code = LEDE_COMMAND_EXIT_OK;

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      LedeBackupSummary summary;

      if (lede_backup_verify (files[i], &summary, &error))
        print_summary (out, files[i], &summary);
      else
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          code = LEDE_COMMAND_EXIT_FAILED;
        }
    }
  return code;
}
