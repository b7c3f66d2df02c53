/* lede-import-private.h: what lede-import.c hands the wire's part of an
 * import (lede-import-wire.c), which never calls back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-import.h"

G_BEGIN_DECLS

/* What an import has to tell, collected as it goes. */
typedef struct
{
  const char      *display;   /* the file's name, for the messages */
  LedeImportNotes  notes;
  GPtrArray       *messages;  /* char* */
} LedeImportSaid;

gboolean _lede_import_lifts_embargo (LedeArticle        *article,
                                     LedeArticle        *current,
                                     GDateTime          *now);
gboolean _lede_import_wire_story    (LedeLibrary        *library,
                                     LedeArticle        *article,
                                     const char * const *tags,
                                     const LedeWire     *wire,
                                     LedeImportFlags     flags,
                                     LedeImportSaid     *said,
                                     LedeImportOutcome  *outcome,
                                     GError            **error);

G_END_DECLS
