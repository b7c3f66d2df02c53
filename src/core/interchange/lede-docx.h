/* lede-docx.h: a story as a Word document, for the copy desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-gate.h"
#include "lede-library.h"

G_BEGIN_DECLS

gboolean lede_docx_can_write (GError **error);
GBytes *lede_docx_write (const LedeVerdict  *verdict,
                         LedeLibrary        *library,
                         GError            **error);

G_END_DECLS
