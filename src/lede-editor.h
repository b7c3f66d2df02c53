/* lede-editor.h: the headline and Markdown body of one story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lede-article.h"
#include "lede-find-bar.h"
#include "lede-review.h"
#include "lede-speller.h"

G_BEGIN_DECLS

#define LEDE_TYPE_EDITOR (lede_editor_get_type ())

G_DECLARE_FINAL_TYPE (LedeEditor, lede_editor, LEDE, EDITOR, GtkWidget)

LedeArticle   *lede_editor_get_article  (LedeEditor  *self);
void           lede_editor_set_article  (LedeEditor  *self,
                                         LedeArticle *article);
void           lede_editor_commit       (LedeEditor  *self);
GtkTextBuffer *lede_editor_get_buffer   (LedeEditor  *self);
void           lede_editor_focus        (LedeEditor  *self);
int            lede_editor_get_top_line (LedeEditor  *self);
void           lede_editor_scroll_to_line (LedeEditor *self,
                                         int          line);

void           lede_editor_set_look     (LedeEditor  *self,
                                         const char  *font,
                                         double       scale,
                                         guint        line_length);
void           lede_editor_replace_body (LedeEditor  *self,
                                         const char  *text);
void           lede_editor_begin_joint_edit (LedeEditor *self);
void           lede_editor_end_joint_edit   (LedeEditor *self);
void           lede_editor_show_offset  (LedeEditor  *self,
                                         guint        offset);
gboolean       lede_editor_replace_words (LedeEditor *self,
                                         gboolean    in_headline,
                                         guint       offset,
                                         const char *words,
                                         const char *replacement);
void           lede_editor_show_found   (LedeEditor  *self,
                                         guint        offset,
                                         guint        length);
void           lede_editor_show_range   (LedeEditor  *self,
                                         guint        offset,
                                         guint        length);

void         lede_editor_highlight_words (LedeEditor         *self,
                                          const char * const *words);

void         lede_editor_set_speller     (LedeEditor         *self,
                                          LedeSpeller        *speller);
void         lede_editor_set_spell_check (LedeEditor         *self,
                                          gboolean            enabled);
void         lede_editor_check_spelling  (LedeEditor         *self);
gboolean     lede_editor_is_spelling_checked (LedeEditor     *self);

LedeFindBar *lede_editor_get_find_bar    (LedeEditor         *self);
void         lede_editor_set_smart_punctuation (LedeEditor   *self,
                                               gboolean      enabled);
gboolean     lede_editor_undo_typography (LedeEditor         *self);
void         lede_editor_set_graf_numbers (LedeEditor        *self,
                                          gboolean            shown);
guint        lede_editor_count_grafs     (LedeEditor         *self);
gboolean     lede_editor_go_to_graf      (LedeEditor         *self,
                                          guint               graf);
void         lede_editor_set_focus_mode  (LedeEditor         *self,
                                          gboolean            focus);
void         lede_editor_insert_photo    (LedeEditor         *self,
                                          const LedePhoto    *photo);
gboolean     lede_editor_is_dimmed_at    (LedeEditor         *self,
                                          int                 offset);


void         lede_editor_set_suggesting  (LedeEditor         *self,
                                          gboolean            suggesting,
                                          const char         *reviewer);
gboolean     lede_editor_get_suggesting  (LedeEditor         *self);
char        *lede_editor_dup_suggested   (LedeEditor         *self,
                                          const char         *text,
                                          int                 start,
                                          int                 end,
                                          const char         *words,
                                          int                 cursor,
                                          int                *new_cursor);
gboolean     lede_editor_answer_at_cursor (LedeEditor        *self,
                                           LedeReviewAnswer   reply);
gboolean     lede_editor_answer_mark     (LedeEditor         *self,
                                          gsize               start,
                                          LedeReviewAnswer    reply);
gboolean     lede_editor_answer_suggestions (LedeEditor      *self,
                                             const char      *author,
                                             LedeReviewAnswer reply);
char        *lede_editor_dup_author_at_cursor (LedeEditor    *self);
gboolean     lede_editor_add_comment     (LedeEditor         *self,
                                          const char         *words);
gboolean     lede_editor_reply           (LedeEditor         *self,
                                          gsize               start,
                                          const char         *words);
void         lede_editor_show_mark       (LedeEditor         *self,
                                          gsize               start);

G_END_DECLS
