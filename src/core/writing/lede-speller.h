/* lede-speller.h: spelling in the story's language, on enchant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDE_TYPE_SPELLER (lede_speller_get_type ())

G_DECLARE_FINAL_TYPE (LedeSpeller, lede_speller, LEDE, SPELLER, GObject)

LedeSpeller *lede_speller_new             (void);
void         lede_speller_set_fallback    (LedeSpeller        *self,
                                          const char         *language);
gboolean     lede_speller_set_language    (LedeSpeller        *self,
                                           const char         *language);
const char  *lede_speller_get_dictionary  (LedeSpeller        *self);
void         lede_speller_set_known_words (LedeSpeller        *self,
                                           const char * const *words);
void         lede_speller_set_house_style (LedeSpeller      *self,
                                           const char * const *banned,
                                           const char * const *preferred);
void         lede_speller_ignore          (LedeSpeller        *self,
                                           const char         *word);
void         lede_speller_clear_ignored   (LedeSpeller        *self);
gboolean     lede_speller_check           (LedeSpeller        *self,
                                           const char         *word,
                                           gssize              len);
char       **lede_speller_suggest         (LedeSpeller        *self,
                                           const char         *word,
                                           guint               max);

G_END_DECLS
