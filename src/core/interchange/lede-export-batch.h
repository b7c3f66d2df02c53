/* lede-export-batch.h: many stories written to one folder, off the main
 * thread, with progress and cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-export.h"

G_BEGIN_DECLS

#define LEDE_TYPE_EXPORT_BATCH (lede_export_batch_get_type ())

G_DECLARE_FINAL_TYPE (LedeExportBatch, lede_export_batch, LEDE, EXPORT_BATCH, GObject)

LedeExportBatch *lede_export_batch_new           (LedeLibrary          *library,
                                                  GPtrArray            *articles,
                                                  LedeExportFormat      format,
                                                  const char           *folder,
                                                  LedeExportFlags       flags,
                                                  GError              **error);
guint            lede_export_batch_get_total     (LedeExportBatch      *self);
guint            lede_export_batch_get_done      (LedeExportBatch      *self);
guint            lede_export_batch_get_written   (LedeExportBatch      *self);
GPtrArray       *lede_export_batch_get_failures  (LedeExportBatch      *self);
GPtrArray       *lede_export_batch_get_paths     (LedeExportBatch      *self);
char           **lede_export_batch_dup_existing  (LedeExportBatch      *self);
void             lede_export_batch_set_flags     (LedeExportBatch      *self,
                                                  LedeExportFlags       flags);
LedeArticle     *lede_export_batch_get_article   (LedeExportBatch      *self,
                                                  guint                 index);
GPtrArray       *lede_export_batch_get_findings  (LedeExportBatch      *self,
                                                  guint                 index);
gboolean         lede_export_batch_was_written   (LedeExportBatch      *self,
                                                  guint                 index);
LedeVerdict     *lede_export_batch_get_verdict   (LedeExportBatch      *self,
                                                  guint                 index);
gboolean         lede_export_batch_record        (LedeExportBatch      *self,
                                                  LedeLibrary          *library,
                                                  GError              **error);
void             lede_export_batch_allow         (LedeExportBatch      *self,
                                                  guint                 index,
                                                  gboolean              allowed);
gboolean         lede_export_batch_check         (LedeExportBatch      *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void             lede_export_batch_check_async   (LedeExportBatch      *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lede_export_batch_check_finish  (LedeExportBatch      *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean         lede_export_batch_run           (LedeExportBatch      *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void             lede_export_batch_run_async     (LedeExportBatch      *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lede_export_batch_run_finish    (LedeExportBatch      *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

char            *lede_export_to_folder           (LedeLibrary          *library,
                                                  LedeArticle          *article,
                                                  LedeExportFormat      format,
                                                  const char           *folder,
                                                  LedeExportFlags       flags,
                                                  GError              **error);

G_END_DECLS
