/* lede-publish-dialog.h: Publish…: one story to a WordPress site, as a
 * draft, now, or at a time; the embargo a schedule, never broken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-gate.h"
#include "lede-publish.h"

G_BEGIN_DECLS

#define LEDE_TYPE_PUBLISH_DIALOG (lede_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedePublishDialog, lede_publish_dialog, LEDE, PUBLISH_DIALOG, AdwWindow)

LedePublishDialog *lede_publish_dialog_new          (GtkWindow         *parent,
                                                     LedeLibrary       *library,
                                                     LedeVerdict       *verdict);
gboolean           lede_publish_dialog_set_site     (LedePublishDialog *self,
                                                     const char        *name);
void               lede_publish_dialog_set_mode     (LedePublishDialog *self,
                                                     LedePublishMode    mode,
                                                     GDateTime         *when);
void               lede_publish_dialog_publish      (LedePublishDialog *self);
gboolean           lede_publish_dialog_is_sending   (LedePublishDialog *self);
const char        *lede_publish_dialog_get_status   (LedePublishDialog *self);
AdwMessageDialog  *lede_publish_dialog_get_question (LedePublishDialog *self);

G_END_DECLS
