/* lede-export.h: a story as an HTML page, an HTML fragment, Markdown with
 * front matter, or IPTC ninjs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-gate.h"
#include "lede-library.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_EXPORT_FLAGS_NONE         = 0,
  LEDE_EXPORT_FLAGS_OVERWRITE    = 1 << 0,  /* replace a file of the same name */
  LEDE_EXPORT_FLAGS_JEKYLL_NAMES = 1 << 1,  /* YYYY-MM-DD-slug.md */
  LEDE_EXPORT_FLAGS_FORCE        = 1 << 2,  /* export a story the checks block too */
  LEDE_EXPORT_FLAGS_KEEP_REVIEW  = 1 << 3,  /* Markdown for the next editor: suggestions and comments kept */
} LedeExportFlags;

#define LEDE_EXPORT_ERROR (lede_export_error_quark ())

typedef enum
{
  LEDE_EXPORT_ERROR_BLOCKED,  /* the copy desk's checks block it: left out */
} LedeExportError;

GQuark      lede_export_error_quark        (void);

gboolean    lede_export_format_from_string (const char          *name,
                                            LedeExportFormat    *format);
const char *lede_export_format_to_string   (LedeExportFormat     format);
GBytes     *lede_export_story              (const LedeVerdict   *verdict,
                                            LedeExportFormat     format);
gboolean    lede_export_goes_in_folder     (LedeArticle         *article,
                                            LedeExportFormat     format);
GBytes     *lede_export_story_full         (const LedeVerdict   *verdict,
                                            LedeExportFormat     format,
                                            LedeLibrary         *library,
                                            GError             **error);
char       *lede_export_base_name          (LedeArticle         *article);
char       *lede_export_story_for_clipboard (const LedeVerdict  *verdict,
                                            LedeLibrary        *library);
char       *lede_export_file_name          (LedeArticle         *article,
                                            LedeExportFormat     format,
                                            LedeExportFlags      flags);
G_END_DECLS
