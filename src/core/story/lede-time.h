/* lede-time.h: times as a newsroom reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lede_time_format_short (GDateTime *time,
                              GDateTime *now);
char *lede_time_format_local (GDateTime *time);
char *lede_time_format_utc   (GDateTime *time);
gboolean lede_time_is_storable (GDateTime *time);
char *lede_time_format_span  (GTimeSpan  span);
char *lede_time_format_due   (GDateTime *deadline,
                              GDateTime *now);
GDateTime *lede_time_parse_local (const char *text);

G_END_DECLS
