/* lede-export-dialog.h: choose format, stories and folder, then export with
 * a progress bar and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-export-batch.h"

G_BEGIN_DECLS

#define LEDE_TYPE_EXPORT_DIALOG (lede_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedeExportDialog, lede_export_dialog, LEDE, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  LEDE_EXPORT_SCOPE_STORY,
  LEDE_EXPORT_SCOPE_SELECTED, /* the stories selected in the sidebar */
  LEDE_EXPORT_SCOPE_LIBRARY,
} LedeExportScope;

LedeExportDialog *lede_export_dialog_new        (GtkWindow        *parent,
                                                 LedeLibrary      *library,
                                                 LedeArticle      *story);
void              lede_export_dialog_set_folder (LedeExportDialog *self,
                                                 const char       *folder);
void              lede_export_dialog_set_format (LedeExportDialog *self,
                                                 LedeExportFormat  format);
void              lede_export_dialog_set_scope  (LedeExportDialog *self,
                                                 LedeExportScope   scope);
void              lede_export_dialog_set_selected (LedeExportDialog *self,
                                                 GArray           *ids);
gboolean          lede_export_dialog_is_reviewing (LedeExportDialog *self);
void              lede_export_dialog_export     (LedeExportDialog *self);

G_END_DECLS
