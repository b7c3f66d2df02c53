/* lede-checks-section.h: the panel's list of what the copy desk's checks
 * found, most severe first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-finding.h"

G_BEGIN_DECLS

#define LEDE_TYPE_CHECKS_SECTION (lede_checks_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeChecksSection, lede_checks_section, LEDE, CHECKS_SECTION, GtkWidget)

GtkWidget *lede_checks_section_make_row (const LedeFinding *finding);

void lede_checks_section_show (LedeChecksSection *self,
                               GPtrArray         *findings,
                               guint              quotations,
                               guint              attributed);

G_END_DECLS
