/* lede-typography.h: typographic punctuation as a story is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *open_double;
  const char *close_double;
  const char *open_single;
  const char *close_single;   /* also the apostrophe */
} LedeQuotes;

const LedeQuotes *lede_typography_quotes  (const char *language);
const char       *lede_typography_replace (const char *before,
                                           gunichar    typed,
                                           const char *language,
                                           guint      *n_delete);

G_END_DECLS
