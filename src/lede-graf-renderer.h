/* lede-graf-renderer.h: graf numbers in the editor's gutter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define LEDE_TYPE_GRAF_RENDERER (lede_graf_renderer_get_type ())

G_DECLARE_FINAL_TYPE (LedeGrafRenderer, lede_graf_renderer, LEDE, GRAF_RENDERER, GtkSourceGutterRendererText)

GtkSourceGutterRenderer *lede_graf_renderer_new       (GtkTextBuffer    *buffer);
guint                    lede_graf_renderer_get_count (LedeGrafRenderer *self);
int                      lede_graf_renderer_get_line  (LedeGrafRenderer *self,
                                                       guint             graf);

G_END_DECLS
