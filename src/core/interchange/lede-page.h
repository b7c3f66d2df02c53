/* lede-page.h: the one HTML page a story is shown and published in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-gate.h"
#include "lede-markdown.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_PAGE_DEFAULT = 0,
  /* Adds a Content-Security-Policy that lets nothing load from anywhere. */
  LEDE_PAGE_PREVIEW = 1 << 0,
} LedePageFlags;

const char *lede_page_get_stylesheet (void);
char       *lede_page_render         (LedeArticle        *article,
                                      const char         *body_html,
                                      const char * const *tags,
                                      LedePageFlags       flags);

char       *lede_page_render_published (const LedeVerdict *verdict,
                                        const char        *body_html,
                                        LedePhotoUrlFunc   url_func,
                                        gpointer           user_data);
char       *lede_page_dup_lead_photo_html (LedeArticle      *article,
                                           LedePhotoUrlFunc  url_func,
                                           gpointer          user_data);
char       *lede_page_dup_corrections_html (GPtrArray  *corrections,
                                            const char *language);
char       *lede_page_dup_embargo_banner (const char *embargo_line);

void        lede_page_format_published (GDateTime  *published,
                                        char      **machine,
                                        char      **human);

G_END_DECLS
