/* lede-speaker.h: who or what a quotation's sentence credits it to —
 * its speech verb's subject, an unnamed speaker, a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-attribution-private.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_SPEAKER_NONE,
  LEDE_SPEAKER_SOURCE,    /* a linked source */
  LEDE_SPEAKER_NAMED,     /* someone named who is not one */
  LEDE_SPEAKER_UNNAMED,   /* "a government spokesman" */
  LEDE_SPEAKER_DOCUMENT,  /* "the report says" */
  LEDE_SPEAKER_PRONOUN,   /* "she said": as before, from earlier grafs */
} LedeSpeaker;

gboolean     lede_speaker_is_role          (const char *folded);
gboolean     lede_speaker_is_article       (const char *folded);
gboolean     lede_speaker_is_document      (const char *folded);
gboolean     lede_speaker_is_joining       (const char *folded);
gboolean     lede_speaker_is_listener_verb (const char *folded);

GArray      *lede_speaker_find_stops       (const char *text,
                                            Paragraph  *paragraph);
void         lede_speaker_sentence_of      (Paragraph  *paragraph,
                                            const Span *span,
                                            guint      *first,
                                            guint      *last);
gboolean     lede_speaker_is_object        (const char    *text,
                                            Paragraph     *paragraph,
                                            const Mention *mention);
LedeSpeaker  lede_speaker_of_verb          (const char *text,
                                            Paragraph  *paragraph,
                                            GArray     *mentions,
                                            guint       verb,
                                            guint       first,
                                            guint       last,
                                            char      **who,
                                            guint      *source);
LedeSpeaker  lede_speaker_of_sentence      (const char *text,
                                            Paragraph  *paragraph,
                                            GArray     *mentions,
                                            guint       first,
                                            guint       last,
                                            char      **who);

G_END_DECLS
