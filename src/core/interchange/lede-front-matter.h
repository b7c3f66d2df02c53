/* lede-front-matter.h: the YAML block at the top of a Markdown story, as
 * Hugo and Jekyll read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"

G_BEGIN_DECLS

#define LEDE_FRONT_MATTER_ERROR (lede_front_matter_error_quark ())

typedef enum {
  LEDE_FRONT_MATTER_ERROR_INVALID,  /* not YAML, or not a front matter Lede can keep */
} LedeFrontMatterError;

GQuark    lede_front_matter_error_quark (void);

char     *lede_front_matter_write (LedeArticle         *article,
                                   const char * const  *tags,
                                   GPtrArray           *sources);
gboolean  lede_front_matter_read  (const char          *yaml,
                                   gsize                len,
                                   LedeArticle         *article,
                                   GStrvBuilder        *tags,
                                   gboolean            *has_title,
                                   GError             **error);
void      lede_front_matter_append_string (GString     *out,
                                           const char  *text);
char     *lede_front_matter_dup_corrections_note   (GPtrArray   *corrections,
                                                    const char  *language);
gsize     lede_front_matter_strip_corrections_note (const char  *body,
                                                    GPtrArray   *corrections,
                                                    const char  *language);

G_END_DECLS
