/* lede-correction.h: a dated note that a published story was corrected,
 * clarified or updated, published with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_CORRECTION_CORRECTION,     /* something was wrong */
  LEDE_CORRECTION_CLARIFICATION,  /* something was unclear */
  LEDE_CORRECTION_UPDATE,         /* something new */
} LedeCorrectionKind;

#define LEDE_TYPE_CORRECTION (lede_correction_get_type ())

typedef struct {
  GDateTime          *created;  /* UTC */
  LedeCorrectionKind  kind;
  char               *note;     /* what changed, for readers */
} LedeCorrection;

GType           lede_correction_get_type        (void) G_GNUC_CONST;
LedeCorrection *lede_correction_new             (GDateTime          *created,
                                                 LedeCorrectionKind  kind,
                                                 const char         *note);
LedeCorrection *lede_correction_copy            (const LedeCorrection *correction);
void            lede_correction_free            (LedeCorrection     *correction);
gboolean        lede_correction_equal           (const LedeCorrection *a,
                                                 const LedeCorrection *b);
gboolean        lede_correction_list_equal      (GPtrArray          *a,
                                                 GPtrArray          *b);
const char     *lede_correction_kind_to_string  (LedeCorrectionKind  kind);
gboolean        lede_correction_kind_from_string (const char        *name,
                                                 LedeCorrectionKind *kind);
const char     *lede_correction_kind_get_label  (LedeCorrectionKind  kind,
                                                 const char         *language);
char           *lede_correction_dup_date        (const LedeCorrection *correction,
                                                 const char         *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeCorrection, lede_correction_free)

G_END_DECLS
