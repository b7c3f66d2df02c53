/* lede-markup-text.h: any text made fit for HTML and XML, and the language
 * tags those may carry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  lede_markup_text_is_allowed       (gunichar    c);
char     *lede_markup_text_clean            (const char *text,
                                             gssize      length,
                                             const char *line_break);
gboolean  lede_markup_text_is_language_tag  (const char *tag);

G_END_DECLS
