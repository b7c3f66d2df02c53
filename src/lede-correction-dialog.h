/* lede-correction-dialog.h: "what changed, for readers?" — asked of a
 * published story whose text changed, before it goes out again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-correction.h"
#include "lede-gate.h"

G_BEGIN_DECLS

/* Responses: "correction", "clarification", "update" (each with a note),
 * "not-a-change" (when offered) and "cancel". */
GtkWidget *lede_correction_dialog_new      (GtkWindow  *parent,
                                            const char *heading,
                                            const char *body,
                                            const char *before,
                                            const char *after,
                                            gboolean    offer_not_a_change);
char      *lede_correction_dialog_dup_note (AdwMessageDialog *dialog);

GtkWidget *lede_correction_dialog_ask_gate (GtkWindow         *parent,
                                            const char        *heading,
                                            const LedeVerdict *verdict);
void       lede_correction_dialog_answer   (AdwMessageDialog  *dialog,
                                            const char        *response,
                                            LedeVerdict       *verdict);

G_END_DECLS
