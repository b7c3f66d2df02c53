/* lede-diff-text.h: a word comparison written into a text buffer, deleted
 * words struck through and inserted ones underlined.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-diff-part.h"

G_BEGIN_DECLS

/* A run of deleted and inserted words side by side: one change, in
 * characters of the buffer. */
typedef struct {
  int start;
  int end;
} LedeDiffTextChange;

void lede_diff_text_add_tags (GtkTextBuffer      *buffer);
void lede_diff_text_append   (GtkTextBuffer      *buffer,
                              const LedeDiffPart *part,
                              GArray             *changes);

G_END_DECLS
