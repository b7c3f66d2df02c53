/* lede-command.h: one lede-cli command, run on a library by lede-cli itself
 * or, when a Lede window has the library open, by that Lede.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lede-library.h"

G_BEGIN_DECLS

/* Exit codes, as documented in --help and the README. */
typedef enum
{
  LEDE_COMMAND_EXIT_OK = 0,
  LEDE_COMMAND_EXIT_USAGE = 1,
  LEDE_COMMAND_EXIT_LIBRARY = 2,
  LEDE_COMMAND_EXIT_FAILED = 3,
  LEDE_COMMAND_EXIT_BLOCKED = 4,  /* check: a story may not go out as it is */
  LEDE_COMMAND_EXIT_CONFLICT = 5, /* publish: the post was changed or deleted on the site */
} LedeCommandExit;

typedef struct _LedeCommand LedeCommand;

LedeCommand *lede_command_parse            (const char * const *argv,
                                            const char         *cwd,
                                            GError            **error);
char        *lede_command_dup_help         (void);
const char  *lede_command_get_library_path (LedeCommand        *self);
gboolean     lede_command_writes           (LedeCommand        *self);
gboolean     lede_command_reads_if_read_only (LedeCommand      *self);
gboolean     lede_command_needs_library    (LedeCommand        *self);
gboolean     lede_command_reads_secret     (LedeCommand        *self);
void         lede_command_set_secret       (LedeCommand        *self,
                                            const char         *secret);
int          lede_command_run              (LedeCommand        *self,
                                            LedeLibrary        *library,
                                            GString            *out,
                                            GString            *err);
void         lede_command_free             (LedeCommand        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeCommand, lede_command_free)

G_END_DECLS
