/* lede-search-rank.h: the ranking function behind lede_library_search().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int       lede_search_rank_register (sqlite3 *db);
fts5_api *lede_search_fts5_api      (sqlite3 *db);

G_END_DECLS
