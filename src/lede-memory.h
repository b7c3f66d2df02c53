/* lede-memory.h: memory a burst of work freed, given back when idle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void lede_memory_give_back_when_idle (void);

G_END_DECLS
