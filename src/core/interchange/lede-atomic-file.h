/* lede-atomic-file.h: files written whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lede_atomic_file_write (const char  *path,
                                 GBytes      *contents,
                                 gboolean     overwrite,
                                 GError     **error);

G_END_DECLS
