/* lede-counts-section.h: the panel's words, characters and reading time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lede-counts.h"

G_BEGIN_DECLS

#define LEDE_TYPE_COUNTS_SECTION (lede_counts_section_get_type ())

G_DECLARE_FINAL_TYPE (LedeCountsSection, lede_counts_section, LEDE, COUNTS_SECTION, GtkWidget)

void lede_counts_section_show (LedeCountsSection *self,
                               const LedeCounts  *counts,
                               guint              word_goal);

G_END_DECLS
