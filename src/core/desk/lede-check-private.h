/* lede-check-private.h: what the copy desk's checks on the story's text
 * share (lede-check-copy.c defines them): patterns compiled once, and the
 * year a date without one means.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-checks.h"

G_BEGIN_DECLS

GRegex *_lede_check_regex        (GRegex      **slot,
                                  const char   *pattern);
int     _lede_check_nearest_year (GDateTime    *dated,
                                  GDateMonth    month,
                                  int           day);

G_END_DECLS
