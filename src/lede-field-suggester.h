/* lede-field-suggester.h: Suggest Changes in a one-line field of the
 * panel (the headline, the standfirst).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @text with an edit made as a suggestion (lede_editor_dup_suggested()),
 * or %NULL when not suggesting: the edit is then made as it is. */
typedef char *(*LedeSuggestFunc) (const char *text,
                                  int         start,
                                  int         end,
                                  const char *words,
                                  int         cursor,
                                  int        *new_cursor,
                                  gpointer    data);

/* The story (a GObject) a field is bound to, or %NULL. */
typedef GObject *(*LedeStoryGetter) (gpointer owner);

void lede_field_suggester_watch (AdwEntryRow     *row,
                                 LedeStoryGetter  get_story,
                                 gpointer         owner,
                                 const char      *property,
                                 LedeSuggestFunc  func,
                                 gpointer         data);

G_END_DECLS
