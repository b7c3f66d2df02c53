/* lede-review-view.h: an editor's pass shown as changes — the marked view
 * of the preview and of a printed copy for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lede_review_dup_marked_source (const char *markdown);
char *lede_review_dup_marked_html   (const char *html);
char *lede_review_dup_marked_line   (const char *text);
char *lede_review_dup_shown_source  (const char *markdown,
                                     gboolean    marked);
char *lede_review_dup_shown_line    (const char *text,
                                     gboolean    marked);

gsize lede_review_raw_offset        (const char *text,
                                     gsize       accepted);

G_END_DECLS
