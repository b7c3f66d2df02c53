/* lede-memory.c: memory a burst of work freed, given back when idle.
 *
 * Start-up parses the window's interface, its style sheets, every
 * language file GtkSourceView has and the story, and frees most of it;
 * glibc keeps the freed pages inside its heap for mallocs to come (2 MB
 * once Lede has started, measured). malloc_trim() hands the whole free
 * pages back to the system: a millisecond or so, so it waits until the
 * main loop has nothing else to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede"

#include "config.h"

#include "lede-memory.h"

/* After glib.h, which includes the C library's headers that say it is glibc. */
#ifdef __GLIBC__
#include <malloc.h>
#endif

static guint give_back_id;

static gboolean
give_back (gpointer data)
{
  give_back_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/**
 * lede_memory_give_back_when_idle:
 *
 * After work that allocated and freed a lot: once nothing else waits in
 * the main loop, memory freed meanwhile goes back to the system. Calls
 * before that time are one.
 */
void
lede_memory_give_back_when_idle (void)
{
  if (give_back_id == 0)
    give_back_id = g_idle_add_full (G_PRIORITY_LOW, give_back, NULL, NULL);
}
