/* lede-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-autosave.h"
#include "lede-export-dialog.h"
#include "lede-history-window.h"
#include "lede-library.h"
#include "lede-publish-dialog.h"
#include "lede-pull-dialog.h"

G_BEGIN_DECLS

#define LEDE_TYPE_WINDOW (lede_window_get_type ())

G_DECLARE_FINAL_TYPE (LedeWindow, lede_window, LEDE, WINDOW, AdwApplicationWindow)

LedeWindow   *lede_window_new              (GtkApplication *application);
gboolean      lede_window_open_library     (LedeWindow     *self,
                                            const char     *path);
const char   *lede_window_get_library_path (LedeWindow     *self);
LedeLibrary  *lede_window_get_library      (LedeWindow     *self);
LedeAutosave *lede_window_get_autosave     (LedeWindow     *self);
gboolean      lede_window_select_article   (LedeWindow     *self,
                                            gint64          id);
void          lede_window_import_files     (LedeWindow     *self,
                                            GListModel     *files);
LedeExportDialog *lede_window_show_export  (LedeWindow     *self);
LedePublishDialog *lede_window_show_publish (LedeWindow    *self);
LedePullDialog    *lede_window_show_pull    (LedeWindow    *self);

gboolean      lede_window_is_focus_mode (LedeWindow *self);
void          lede_window_insert_photo_files (LedeWindow *self,
                                              GListModel *files);
gboolean      lede_window_is_adding_photos   (LedeWindow *self);

LedeHistoryWindow *lede_window_show_history     (LedeWindow *self);
void               lede_window_restore_revision (LedeWindow *self,
                                                 gint64      revision_id);

G_END_DECLS
