/* lede-settings.h: Lede's own settings (Preferences), as the core reads
 * them, and the defaults they give a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of a story when neither Preferences nor the desktop says. */
#define LEDE_FALLBACK_LANGUAGE "en-GB"

char *lede_settings_dup_string      (const char *key);
char *lede_settings_dup_language    (void);

G_END_DECLS
