/* lede-wire.h: who a wire story is: its provider's id and version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDE_WIRE_ERROR (lede_wire_error_quark ())

typedef enum
{
  LEDE_WIRE_ERROR_INVALID,   /* not the format it claims, or damaged: refused whole */
  LEDE_WIRE_ERROR_NO_STORY,  /* well-formed, but no text story in it */
} LedeWireError;

/* The wire's word on whether the story may run (ninjs pubstatus, G2
 * pubStatus, NITF's doc.status). */
typedef enum
{
  LEDE_WIRE_USABLE,
  LEDE_WIRE_WITHHELD,   /* held back for now */
  LEDE_WIRE_CANCELED,   /* killed: it must not run */
} LedeWireStatus;

typedef struct
{
  char           *format;           /* "ninjs", "NewsML-G2", "NITF" */
  char           *id;               /* ninjs uri, G2 guid, NITF doc-id */
  char           *version;          /* as the wire gives it, or "" */
  GDateTime      *version_created;  /* nullable */
  LedeWireStatus  status;
} LedeWire;

GQuark      lede_wire_error_quark      (void);
LedeWire   *lede_wire_new              (const char     *format,
                                        const char     *id);
void        lede_wire_free             (LedeWire       *wire);
int         lede_wire_compare          (const LedeWire *a,
                                        const LedeWire *b);
const char *lede_wire_status_to_string (LedeWireStatus  status);
LedeWireStatus lede_wire_status_from_string (const char *text);
GDateTime  *lede_wire_parse_time       (const char     *text);
char       *lede_wire_dup_front_matter (const LedeWire *wire);
char       *lede_wire_replace_front_matter (const char     *extra,
                                        const LedeWire *wire);
LedeWire   *lede_wire_from_front_matter (const char    *extra);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeWire, lede_wire_free)

G_END_DECLS
