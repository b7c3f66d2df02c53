/* lede-gate.h: the one question every way out of Lede asks — may this
 * story leave, and what must it carry?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-article.h"
#include "lede-correction.h"
#include "lede-library.h"

G_BEGIN_DECLS

/* How a story leaves Lede. A new way out adds itself here and asks the gate. */
typedef enum
{
  LEDE_WAY_OUT_EXPORT,     /* a file in any format, from the window or lede-cli */
  LEDE_WAY_OUT_CLIPBOARD,  /* Copy as HTML */
  LEDE_WAY_OUT_PRINT,      /* Print and Print to File */
  LEDE_WAY_OUT_REVIEW,     /* Markdown for the next editor, suggestions and comments kept */
  LEDE_WAY_OUT_PUBLISH,    /* to a site (WordPress): an embargo there is a schedule */
} LedeWayOut;

/* What the gate said of one story. Only lede_gate_ask() makes one, and
 * every writer of a way out takes one: a way out that does not ask the
 * gate does not compile. */
typedef struct _LedeVerdict LedeVerdict;

LedeVerdict        *lede_gate_ask                  (LedeArticle        *article,
                                                    const char * const *tags,
                                                    GPtrArray          *sources,
                                                    const char         *last_out,
                                                    LedeWayOut          way_out,
                                                    GDateTime          *now);
LedeVerdict        *lede_verdict_ref               (LedeVerdict        *self);
void                lede_verdict_unref             (LedeVerdict        *self);

gboolean            lede_verdict_is_blocked        (const LedeVerdict  *self);
void                lede_verdict_allow             (LedeVerdict        *self);
gboolean            lede_verdict_may_leave         (const LedeVerdict  *self);
GPtrArray          *lede_verdict_get_findings      (const LedeVerdict  *self);
char               *lede_verdict_dup_reasons       (const LedeVerdict  *self);
LedeWayOut          lede_verdict_get_way_out       (const LedeVerdict  *self);

LedeArticle        *lede_verdict_get_article       (const LedeVerdict  *self);
const char * const *lede_verdict_get_tags          (const LedeVerdict  *self);
GPtrArray          *lede_verdict_get_sources       (const LedeVerdict  *self);
GDateTime          *lede_verdict_get_embargo_mark  (const LedeVerdict  *self);
char               *lede_verdict_dup_embargo_line  (const LedeVerdict  *self);

char               *lede_gate_dup_embargo_line     (GDateTime          *embargo);
char               *lede_gate_dup_reader_text      (LedeArticle        *article);
const char         *lede_way_out_to_string         (LedeWayOut          way_out);

gboolean            lede_verdict_asks_correction   (const LedeVerdict  *self);
const char         *lede_verdict_get_last_out      (const LedeVerdict  *self);
const char         *lede_verdict_get_reader_text   (const LedeVerdict  *self);
void                lede_verdict_answer_correction (LedeVerdict        *self,
                                                    LedeCorrectionKind  kind,
                                                    const char         *note);
void                lede_verdict_dismiss_correction (LedeVerdict       *self);
void                lede_verdict_count_noted_since (LedeVerdict       *self,
                                                    GDateTime         *went_out_at);
const LedeCorrection *lede_verdict_get_new_correction (const LedeVerdict *self);
gboolean            lede_verdict_is_answered       (const LedeVerdict  *self);
gboolean            lede_verdict_record_went_out   (const LedeVerdict  *self,
                                                    LedeLibrary        *library,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeVerdict, lede_verdict_unref)

G_END_DECLS
