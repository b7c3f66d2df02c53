/* lede-import.h: stories from Markdown (with or without front matter) and
 * plain-text files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-wire.h"

G_BEGIN_DECLS

#define LEDE_IMPORT_ERROR (lede_import_error_quark ())

typedef enum
{
  LEDE_IMPORT_ERROR_READ,
  LEDE_IMPORT_ERROR_TOO_LARGE,
  LEDE_IMPORT_ERROR_BINARY,
  LEDE_IMPORT_ERROR_NOT_UTF8,
  LEDE_IMPORT_ERROR_FRONT_MATTER,
  LEDE_IMPORT_ERROR_EMPTY,
  LEDE_IMPORT_ERROR_ALREADY_THERE,  /* the same story, not newer: left out */
  LEDE_IMPORT_ERROR_OLDER,          /* the library's copy is newer: left out */
  LEDE_IMPORT_ERROR_FORMAT,         /* JSON, XML, a word-processor file: no importer reads it yet */
  LEDE_IMPORT_ERROR_WIRE,           /* ninjs, NewsML-G2 or NITF that cannot be read: refused whole */
  LEDE_IMPORT_ERROR_EDITED,         /* a newer wire version of a story the desk has edited: kept beside it */
  LEDE_IMPORT_ERROR_KILLED,         /* a kill for a wire story the library does not have: nothing to do */
} LedeImportError;

typedef enum
{
  LEDE_IMPORT_FLAGS_NONE = 0,
  LEDE_IMPORT_AS_NEW     = 1 << 0,  /* a story of its own, even with a known uuid or text */
  LEDE_IMPORT_LIFT_EMBARGO = 1 << 1,  /* the file's embargo even when earlier than the library's, or none */
} LedeImportFlags;

/* What an import did that the person importing must be told, whether or
 * not the story went in: the caller shows the messages. */
typedef enum
{
  LEDE_IMPORT_NOTE_NONE            = 0,
  LEDE_IMPORT_NOTE_LASTMOD_CLAMPED = 1 << 0,  /* a lastmod in the future, taken as the import's time */
  LEDE_IMPORT_NOTE_EMBARGO_KEPT    = 1 << 1,  /* the library's later embargo kept over the file's */
  LEDE_IMPORT_NOTE_ENCODING        = 1 << 2,  /* read as Windows-1252, UTF-16 or the encoding asked for */
  LEDE_IMPORT_NOTE_WIRE_KILLED     = 1 << 3,  /* the wire killed or withheld a story the library has */
  LEDE_IMPORT_NOTE_IN_TRASH        = 1 << 4,  /* a story in the trash was updated, and stays there */
} LedeImportNotes;

typedef enum
{
  LEDE_IMPORT_ADDED,    /* a new story */
  LEDE_IMPORT_UPDATED,  /* a newer copy of one the library had */
} LedeImportOutcome;

/* The largest file taken as a story: ten times a very long book. */
#define LEDE_IMPORT_MAX_BYTES (16 * 1024 * 1024)
/* The most tags a story imported may have: far past any desk's. */
#define LEDE_IMPORT_MAX_TAGS 500

GQuark       lede_import_error_quark (void);
LedeArticle *lede_import_parse       (const char   *name,
                                      const char   *data,
                                      gsize         len,
                                      char       ***tags,
                                      GError      **error);
LedeArticle *lede_import_parse_full  (const char   *name,
                                      const char   *data,
                                      gsize         len,
                                      const char   *encoding,
                                      char       ***tags,
                                      LedeWire    **wire,
                                      char        **read_as,
                                      const char  **format,
                                      GError      **error);
LedeArticle *lede_import_file        (LedeLibrary  *library,
                                      const char   *path,
                                      GError      **error);
LedeArticle *lede_import_file_full   (LedeLibrary        *library,
                                      const char         *path,
                                      LedeImportFlags     flags,
                                      LedeImportOutcome  *outcome,
                                      GError            **error);
LedeArticle *lede_import_file_noted  (LedeLibrary        *library,
                                      const char         *path,
                                      LedeImportFlags     flags,
                                      LedeImportOutcome  *outcome,
                                      LedeImportNotes    *notes,
                                      char             ***messages,
                                      GError            **error);
LedeArticle *lede_import_file_encoded (LedeLibrary       *library,
                                      const char         *path,
                                      LedeImportFlags     flags,
                                      const char         *encoding,
                                      LedeImportOutcome  *outcome,
                                      LedeImportNotes    *notes,
                                      char             ***messages,
                                      GError            **error);

G_END_DECLS
