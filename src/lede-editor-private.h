/* lede-editor-private.h: what the editor's files share (lede-editor.c,
 * lede-editor-typography.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "lede-find-bar.h"
#include "lede-review.h"
#include "lede-spell-checker.h"
#include "lede-editor.h"

G_BEGIN_DECLS

/* Where the joint step of the headline and the body is (lede-editor-undo.c). */
typedef enum {
  JOINT_NONE,   /* no joint step on top of both histories */
  JOINT_UNDO,   /* on top of both undo histories */
  JOINT_REDO,   /* undone: on top of both redo histories */
} LedeJointUndo;

enum {
  JOINT_BODY     = 1 << 0,
  JOINT_HEADLINE = 1 << 1,
};

struct _LedeEditor
{
  GtkWidget      parent_instance;

  GtkTextView   *headline_view;
  GtkWidget     *headline_placeholder;
  GtkSourceView *body_view;
  guint          language_id;     /* Markdown comes after the first frame */
  gboolean       drawn;           /* the first frame is on screen */
  gboolean       tagging;         /* in style_near_view() */
  gboolean       restyled;        /* a tag changed in style_near_view() */
  int            parsed_end;      /* GtkSourceView has parsed this far (chars) */
  GdkRectangle   styled_view;     /* the view as on_before_paint() last styled it */
  gboolean       spelling_pending;
  GtkRevealer   *find_revealer;
  LedeFindBar   *find_bar;
  GtkSourceGutterRenderer *grafs;
  GtkTextTag    *dim_tag;     /* focus mode: all but the paragraph being written */
  gboolean       focus_mode;

  LedeArticle   *article;
  GBindingGroup *bindings;
  GSignalGroup  *article_signals;
  int            margin;        /* right of the column; 0 until placed */
  int            indent;        /* left of the column: the margin, or past the graf numbers */
  int            body_left;     /* the body's own left margin, right of the gutter */
  int            graf_width;    /* the graf numbers' width, asked of the gutter */
  guint          graf_gutter_id;
  int            column_width;  /* pixels: the line length in this font */
  GtkCssProvider *look;         /* the writer's font and size */
  gboolean       narrow;        /* the headline set smaller */
  guint          narrow_id;
  guint          headline_fit_id;
  int            headline_asked;  /* the height last asked for, in fit_headline() */
  gboolean       loading;
  gboolean       following;  /* scrolling to match the preview: not a scroll of ours */
  GtkTextTag    *match_tag;  /* words a search found, until the next edit */
  gboolean       highlighted;

  /* Typographic punctuation: a change waiting for the typing's user
   * action to end, so Undo gives the straight character back. */
  gboolean          smart_punctuation;
  gboolean          punctuating;
  GtkTextBuffer    *pending_buffer;
  GtkTextMark      *pending_end;
  guint             pending_delete;
  const char       *pending_with;
  /* The last change made, until the next edit or cursor move: Ctrl+Z
   * puts back what was typed (GTK's undo would take the typing too). */
  GtkTextMark      *changed_end;
  guint             changed_chars;
  char             *changed_from;

  /* Replace All over both fields is one undo step from either. */
  gboolean          joint_recording;
  guint             joint_changed;     /* JOINT_BODY | JOINT_HEADLINE */
  LedeJointUndo     joint;
  GtkTextBuffer    *joint_replaying;   /* whose undo or redo runs the other's */

  /* The editor's pass (lede-editor-review.c, lede-editor-marks.c). */
  gboolean          suggesting;
  char             *reviewer;          /* who suggests: the Preferences byline */
  guint             reviewing;         /* our own edits, not suggestions */
  gboolean          replaying;         /* undo or redo under way */
  GtkTextMark      *deletion_end;      /* a deletion of this user action: typing there replaces */
  GtkTextBuffer    *field_buffer;      /* a field outside the editor, suggested in (the standfirst) */
  guint             headline_acting;   /* inside a user action on the headline */
  gboolean          headline_review_dirty;
  gboolean          headline_review_tagged;
  GtkTextTag       *headline_tags[4];  /* hidden, inserted, deleted, commented: the headline's table */
  gboolean          review_dirty;      /* the body changed since the marks were tagged */
  gboolean          review_tagged;
  GtkTextTag       *hidden_tag;
  GtkTextTag       *inserted_tag;
  GtkTextTag       *deleted_tag;
  GtkTextTag       *commented_tag;
  GMenu            *review_menu;

  LedeSpeller      *speller;
  LedeSpellChecker *headline_checker;
  LedeSpellChecker *body_checker;
  gboolean          spell_check;

  /* Pictures in the body (lede-editor-photos.c). */
  guint             read_alts_id;
  gboolean          writing_alts;
  GHashTable       *body_photos;     /* the SHAs of the story's body pictures, as last seen */
  LedeArticle      *body_photos_of;  /* whose (not a reference) */
};

/* lede-editor.c, for its parts */
void     lede_editor_settle_body           (LedeEditor  *self);
void     lede_editor_clear_highlight       (LedeEditor    *self,
                                            GtkTextBuffer *buffer);
/* Where a mark's parts are in the body, in characters; -1 where none. */
typedef struct {
  const LedeReviewMark *mark;
  int start, end;          /* the whole mark, its signature and notes included */
  int old_start, old_end;  /* the words deleted, replaced or commented on */
  int new_start, new_end;  /* the words inserted */
} LedePlacedMark;

/* lede-editor-review.c */
void     lede_editor_watch_suggestions     (LedeEditor  *self);
char    *lede_editor_suggest_in_field      (LedeEditor  *self,
                                            const char  *text,
                                            int          start,
                                            int          end,
                                            const char  *words,
                                            int          cursor,
                                            int         *new_cursor);
void     lede_editor_place_mark            (const char           *text,
                                            const LedeReviewMark *mark,
                                            LedePlacedMark       *placed);
/* lede-editor-marks.c */
void     lede_editor_watch_marks           (LedeEditor  *self);
gboolean lede_editor_restyle_review        (LedeEditor  *self);
int      lede_editor_mark_at               (const char     *text,
                                            GPtrArray      *marks,
                                            int             offset,
                                            LedePlacedMark *placed);
/* lede-editor-typography.c */
gboolean lede_editor_take_back_typography  (LedeEditor  *self);
void lede_editor_watch_punctuation (LedeEditor  *self,
                                    GtkTextView *view);
void lede_editor_watch_joint_undo  (LedeEditor  *self);
void lede_editor_joint_begin       (LedeEditor  *self);
void lede_editor_joint_end         (LedeEditor  *self);
/* lede-editor-photos.c */
void lede_editor_class_add_photos  (GtkWidgetClass *widget_class);
void lede_editor_watch_photos      (LedeEditor  *self);
void lede_editor_dispose_photos    (LedeEditor  *self);
void lede_editor_put_photo_line    (LedeEditor      *self,
                                    const LedePhoto *photo);

G_END_DECLS
