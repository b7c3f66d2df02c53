/* lede-editor-review.c: Suggest Changes — the editor's pass as it is typed.
 *
 * While suggesting, the body's edits become CriticMarkup instead of
 * changes: typed or pasted text goes in as {++words++}, deleted text stays
 * as {--words--}, text typed over a selection (or a Replace) makes
 * {~~old~>new~~}, each followed by {>>@Name|2026-12-04T10:00Z<<}, the
 * Preferences byline and the minute (lede_review_dup_signature()). The
 * buffer's own insert-text and delete-range are stopped and the markup put
 * in instead, so every way of editing (typing, paste, drop, Replace,
 * Replace All, a spelling) is covered, and each is one undo step. The
 * headline's buffer is watched the same way.
 *
 * Typing inside one's own insertion, or deleting from it, edits it
 * plainly: that text was never the story's. Typing or deleting right
 * beside one's own mark grows it, so a word typed or a run of Backspaces
 * is one mark. The markup is hidden in the editor (lede-editor-marks.c),
 * and Backspace right after a mark would take its hidden "}": it takes the
 * letter the writer sees instead. Text under another's mark or a comment
 * is not edited through it: typing there goes in after the mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-editor"

#include "config.h"

#include <string.h>

#include "lede-review.h"
#include "lede-editor-private.h"

/* How far Backspace over hidden markup is followed to a letter. */
#define MOST_HOPS 2

static char *
dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static int
chars_to (const char *text,
          gsize       byte)
{
  return (int)g_utf8_pointer_to_offset (text, text + byte);
}

/* Where a mark's parts are, in characters of the body. */
void
lede_editor_place_mark (const char           *text,
                        const LedeReviewMark *mark,
                        LedePlacedMark       *placed)
{
  int old_chars = (int)g_utf8_strlen (mark->old_text, -1);
  int new_chars = (int)g_utf8_strlen (mark->new_text, -1);

  placed->mark = mark;
  placed->start = chars_to (text, mark->start);
  placed->end = placed->start + (int)g_utf8_strlen (text + mark->start, mark->end - mark->start);
  placed->old_start = placed->old_end = placed->new_start = placed->new_end = -1;
  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
      placed->new_start = placed->start + 3;
      placed->new_end = placed->new_start + new_chars;
      break;
    case LEDE_REVIEW_DELETION:
      placed->old_start = placed->start + 3;
      placed->old_end = placed->old_start + old_chars;
      break;
    case LEDE_REVIEW_SUBSTITUTION:
      placed->old_start = placed->start + 3;
      placed->old_end = placed->old_start + old_chars;
      placed->new_start = placed->old_end + 2;
      placed->new_end = placed->new_start + new_chars;
      break;
    case LEDE_REVIEW_COMMENT:
    default:
      if (text[mark->start + 1] == '=')
        {
          placed->old_start = placed->start + 3;
          placed->old_end = placed->old_start + old_chars;
        }
      break;
    }
}

static gboolean
is_own (LedeEditor           *self,
        const LedeReviewMark *mark)
{
  return mark->author != NULL && g_strcmp0 (mark->author, self->reviewer) == 0;
}

static char *
dup_signature (LedeEditor *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return lede_review_dup_signature (self->reviewer, now, NULL);
}

/* The mark around @offset (strictly inside, or touching it when @touching). */
static gboolean
find_mark_at (LedeEditor     *self,
              const char     *text,
              GPtrArray      *marks,
              int             offset,
              gboolean        touching,
              LedePlacedMark *placed)
{
  for (guint i = 0; i < marks->len; i++)
    {
      lede_editor_place_mark (text, g_ptr_array_index (marks, i), placed);
      if (placed->start > offset)
        break;
      if (offset < placed->end || (touching && offset == placed->end))
        return TRUE;
    }
  return FALSE;
}

/* @words wrapped as @open…@close plus @signature, one mark a paragraph:
 * CriticMarkup cannot span a blank line. @last_close is where the last
 * closing begins, in characters of the result. */
static char *
dup_wrapped (const char *words,
             const char *open,
             const char *close,
             const char *signature,
             int        *last_close)
{
  GString *out = g_string_new (NULL);
  const char *p = words;

  *last_close = -1;
  while (*p)
    {
      const char *end = NULL;
      const char *next;

      /* The next blank line: a line end, spaces, another line end. */
      for (const char *q = strchr (p, '\n'); q && end == NULL; q = strchr (q + 1, '\n'))
        {
          const char *r = q + 1;

          while (*r == ' ' || *r == '\t')
            r++;
          if (*r == '\n')
            end = q;
        }
      if (end == NULL)
        end = p + strlen (p);
      if (end > p)
        {
          g_string_append (out, open);
          g_string_append_len (out, p, end - p);
          *last_close = (int)g_utf8_strlen (out->str, -1);
          g_string_append (out, close);
          g_string_append (out, signature);
        }
      /* The blank lines between, as they were, outside any mark. */
      for (next = end; *next == '\n' || *next == ' ' || *next == '\t'; next++)
        ;
      g_string_append_len (out, end, next - end);
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* Our own edit of the buffer: not a suggestion. */
static void
put (LedeEditor    *self,
     GtkTextBuffer *buffer,
     int            start,
     int            end,
     const char    *with)
{
  GtkTextIter from, to;

  self->reviewing++;
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  if (start != end)
    gtk_text_buffer_delete (buffer, &from, &to);
  if (with && *with)
    gtk_text_buffer_insert (buffer, &from, with, -1);
  self->reviewing--;
}

static void
place_cursor_at (GtkTextBuffer *buffer,
                 int            offset)
{
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset);
  gtk_text_buffer_place_cursor (buffer, &at);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The bytes of the body between two character offsets. */
static char *
dup_slice (const char *text,
           int         start,
           int         end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

/* A substitution where a deletion made in this user action was: typing
 * over a selection, a Replace. */
static gboolean
make_substitution (LedeEditor    *self,
                   GtkTextBuffer *buffer,
                   const char *text,
                   GPtrArray  *marks,
                   int         offset,
                   const char *words,
                   int        *after)
{
  GtkTextIter end;
  LedePlacedMark placed;
  g_autofree char *signature = NULL;
  g_autofree char *with = NULL;
  const LedeReviewMark *mark;

  if (self->deletion_end == NULL || gtk_text_mark_get_buffer (self->deletion_end) != buffer)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->deletion_end);
  if (gtk_text_iter_get_offset (&end) != offset || !find_mark_at (self, text, marks, offset - 1, FALSE, &placed))
    return FALSE;
  mark = placed.mark;
  if (mark->kind != LEDE_REVIEW_DELETION || placed.end != offset || strchr (mark->old_text, '\n') ||
      strchr (words, '\n'))
    return FALSE;
  signature = dup_slice (text, placed.old_end + 3, placed.end);
  with = g_strconcat ("{~~", mark->old_text, "~>", words, "~~}", signature, NULL);
  put (self, buffer, placed.start, placed.end, with);
  *after = placed.start + (int)g_utf8_strlen (with, -1);
  place_cursor_at (buffer, placed.start + 3 + (int)g_utf8_strlen (mark->old_text, -1) + 2 +
                         (int)g_utf8_strlen (words, -1));
  return TRUE;
}

/* Text put in while suggesting. Returns where what went in ends. */
static int
suggest_insert (LedeEditor    *self,
                GtkTextBuffer *buffer,
                int         offset,
                const char *words,
                gboolean    at_cursor)
{
  g_autofree char *text = dup_text (buffer);
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *signature = NULL;
  g_autofree char *with = NULL;
  LedePlacedMark placed;
  int after, last_close;

  if (make_substitution (self, buffer, text, marks, offset, words, &after))
    return after;
  if (find_mark_at (self, text, marks, offset, TRUE, &placed))
    {
      const LedeReviewMark *mark = placed.mark;
      gboolean grows = is_own (self, mark) && placed.new_start >= 0 && !strstr (words, "\n\n");

      /* Right beside one's own insertion, or inside it: it grows. */
      if (grows && (offset == placed.end || offset == placed.start || offset < placed.new_start ||
                    offset > placed.new_end))
        {
          int at = offset == placed.start || offset < placed.new_start ? placed.new_start : placed.new_end;

          put (self, buffer, at, at, words);
          if (at_cursor)
            place_cursor_at (buffer, at + (int)g_utf8_strlen (words, -1));
          return placed.end + (int)g_utf8_strlen (words, -1);
        }
      /* Inside another's mark or a comment: after it. */
      if (offset > placed.start && offset < placed.end)
        offset = placed.end;
    }
  signature = dup_signature (self);
  with = dup_wrapped (words, "{++", "++}", signature, &last_close);
  put (self, buffer, offset, offset, with);
  if (at_cursor && last_close >= 0)
    place_cursor_at (buffer, offset + last_close);
  return offset + (int)g_utf8_strlen (with, -1);
}

/* The headline is bound to the story both ways: only what the writer
 * does in it (a user action) is a suggestion, not a headline set from
 * elsewhere. Its line breaks and tabs are flattened first (lede-editor.c). */
static gboolean
is_headline_not_acting (LedeEditor    *self,
                        GtkTextBuffer *buffer)
{
  return buffer == gtk_text_view_get_buffer (self->headline_view) && self->headline_acting == 0;
}

static void
on_insert_text (LedeEditor    *self,
                GtkTextIter   *where,
                const char    *words,
                int            length,
                GtkTextBuffer *buffer)
{
  g_autofree char *typed = NULL;
  GtkTextIter cursor;
  gboolean at_cursor;
  int offset, after;

  if (!self->suggesting || self->reviewing || self->replaying || self->loading || self->punctuating || length == 0 ||
      is_headline_not_acting (self, buffer))
    return;
  if (buffer == gtk_text_view_get_buffer (self->headline_view) && strcspn (words, "\r\n\t") < (gsize)length)
    return;
  typed = g_strndup (words, length);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (where);
  at_cursor = gtk_text_iter_equal (&cursor, where);
  /* A paragraph's break is no mark (none may hold a blank line): it goes
   * in as it is, after the mark it was typed in. */
  if (is_blank (typed) && strchr (typed, '\n'))
    {
      g_autofree char *text = dup_text (buffer);
      g_autoptr (GPtrArray) marks = lede_review_scan (text);
      LedePlacedMark placed;

      if (!find_mark_at (self, text, marks, offset, FALSE, &placed) || offset == placed.start)
        return;
      g_signal_stop_emission_by_name (buffer, "insert-text");
      put (self, buffer, placed.end, placed.end, typed);
      after = placed.end + (int)g_utf8_strlen (typed, -1);
      if (at_cursor)
        place_cursor_at (buffer, after);
      gtk_text_buffer_get_iter_at_offset (buffer, where, after);
      return;
    }
  /* Inside one's own insertion, it is plain typing (and typography's). */
  {
    g_autofree char *text = dup_text (buffer);
    g_autoptr (GPtrArray) marks = lede_review_scan (text);
    LedePlacedMark placed;
    int at = gtk_text_iter_get_offset (where);

    if (strstr (typed, "\n\n") == NULL && find_mark_at (self, text, marks, at, TRUE, &placed) &&
        is_own (self, placed.mark) && placed.new_start >= 0 && at >= placed.new_start && at <= placed.new_end &&
        placed.mark->kind == LEDE_REVIEW_INSERTION)
      return;
    if (strstr (typed, "\n\n") == NULL && find_mark_at (self, text, marks, at, TRUE, &placed) &&
        is_own (self, placed.mark) && placed.mark->kind == LEDE_REVIEW_SUBSTITUTION && at >= placed.new_start && at <= placed.new_end)
      return;
  }
  g_signal_stop_emission_by_name (buffer, "insert-text");
  after = suggest_insert (self, buffer, offset, typed, at_cursor);
  /* The caller's iter, revalidated: after what went in. */
  gtk_text_buffer_get_iter_at_offset (buffer, where, after);
}

/* Deleted text kept as {--…--}, or taken into one's own deletion beside
 * it. Returns where the cursor goes; @after is where the change ends. */
static int
suggest_delete (LedeEditor    *self,
                GtkTextBuffer *buffer,
                int         start,
                int         end,
                gboolean    backspace,
                int        *after,
                guint       hops)
{
  g_autofree char *text = dup_text (buffer);
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  g_autofree char *words = dup_slice (text, start, end);
  g_autofree char *signature = NULL;
  g_autofree char *with = NULL;
  LedePlacedMark placed;
  int last_close;

  /* Over a mark: only a single letter's Backspace or Delete is followed. */
  for (guint i = 0; i < marks->len; i++)
    {
      lede_editor_place_mark (text, g_ptr_array_index (marks, i), &placed);
      if (placed.start >= end)
        break;
      if (placed.end <= start)
        continue;
      /* All of one's own insertion: it goes. */
      if (is_own (self, placed.mark) && placed.mark->kind == LEDE_REVIEW_INSERTION &&
          start >= placed.start && end <= placed.end && start <= placed.new_start && end >= placed.new_end)
        {
          put (self, buffer, placed.start, placed.end, NULL);
          *after = placed.start;
          return placed.start;
        }
      if (end - start != 1 || hops >= MOST_HOPS)
        return -1;
      /* One's own insertion: its letter goes. */
      if (is_own (self, placed.mark) && placed.new_start >= 0)
        {
          int letter = backspace ? placed.new_end - 1 : placed.new_start;

          if (start >= placed.new_start && start < placed.new_end)
            letter = start;
          if (placed.new_end - placed.new_start <= 1)
            {
              /* The last letter: the insertion goes, or the substitution
               * is a deletion again. */
              g_autofree char *sign = dup_slice (text, placed.new_end + 3, placed.end);
              g_autofree char *back = placed.mark->kind == LEDE_REVIEW_SUBSTITUTION
                                      ? g_strconcat ("{--", placed.mark->old_text, "--}", sign, NULL) : NULL;

              put (self, buffer, placed.start, placed.end, back);
              *after = placed.start + (back ? (int)g_utf8_strlen (back, -1) : 0);
              return backspace ? placed.start : *after;
            }
          put (self, buffer, letter, letter + 1, NULL);
          *after = letter;
          return letter;
        }
      /* Inside the words of a comment or another's insertion: not here. */
      if ((start >= placed.old_start && start < placed.old_end && placed.mark->kind == LEDE_REVIEW_COMMENT) ||
          (start >= placed.new_start && start < placed.new_end))
        return -1;
      /* A letter already deleted, or hidden markup: the letter beyond. */
      if (backspace)
        return placed.start > 0 ? suggest_delete (self, buffer, placed.start - 1, placed.start, TRUE, after, hops + 1) : -1;
      return placed.end < (int)g_utf8_strlen (text, -1)
             ? suggest_delete (self, buffer, placed.end, placed.end + 1, FALSE, after, hops + 1) : -1;
    }

  /* Beside one's own deletion: it grows. */
  if (find_mark_at (self, text, marks, end, TRUE, &placed) && placed.start == end &&
      placed.mark->kind == LEDE_REVIEW_DELETION && is_own (self, placed.mark) && !strstr (words, "\n\n"))
    {
      put (self, buffer, placed.old_start, placed.old_start, words);
      put (self, buffer, start, end, NULL);
      *after = placed.end;
      return backspace ? start : *after;
    }
  if (start > 0 && find_mark_at (self, text, marks, start - 1, FALSE, &placed) && placed.end == start &&
      placed.mark->kind == LEDE_REVIEW_DELETION && is_own (self, placed.mark) && !strstr (words, "\n\n"))
    {
      put (self, buffer, start, end, NULL);
      put (self, buffer, placed.old_end, placed.old_end, words);
      *after = placed.end + (end - start);
      return *after;
    }

  if (is_blank (words) && strstr (words, "\n\n"))
    return -1;
  signature = dup_signature (self);
  with = dup_wrapped (words, "{--", "--}", signature, &last_close);
  put (self, buffer, start, end, with);
  *after = start + (int)g_utf8_strlen (with, -1);
  return backspace ? start : *after;
}

static void
on_delete_range (LedeEditor    *self,
                 GtkTextIter   *start,
                 GtkTextIter   *end,
                 GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  GtkTextIter cursor, bound;
  LedePlacedMark placed;
  gboolean selected, backspace;
  int from, to, place, after = 0;

  if (!self->suggesting || self->reviewing || self->replaying || self->loading || self->punctuating ||
      is_headline_not_acting (self, buffer))
    return;
  gtk_text_iter_order (start, end);
  from = gtk_text_iter_get_offset (start);
  to = gtk_text_iter_get_offset (end);
  if (from == to)
    return;
  text = dup_text (buffer);
  marks = lede_review_scan (text);
  /* Deleting from one's own insertion is plain deleting. */
  if (find_mark_at (self, text, marks, from, FALSE, &placed) && is_own (self, placed.mark) &&
      placed.new_start >= 0 && from >= placed.new_start && to <= placed.new_end &&
      (to - from < placed.new_end - placed.new_start || placed.mark->kind == LEDE_REVIEW_SUBSTITUTION))
    return;

  g_signal_stop_emission_by_name (buffer, "delete-range");
  selected = gtk_text_buffer_get_selection_bounds (buffer, &cursor, &bound);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  backspace = !selected && gtk_text_iter_get_offset (&cursor) == to;
  place = suggest_delete (self, buffer, from, to, backspace, &after, 0);
  if (place < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->body_view));
      gtk_text_buffer_get_iter_at_mark (buffer, start, gtk_text_buffer_get_insert (buffer));
      *end = *start;
      return;
    }
  place_cursor_at (buffer, place);
  /* Typing over the selection, or a Replace, comes next in this action. */
  if (!backspace)
    {
      GtkTextIter there;

      gtk_text_buffer_get_iter_at_offset (buffer, &there, after);
      /* One left in the other buffer (the headline, the body) goes. */
      if (self->deletion_end != NULL && gtk_text_mark_get_buffer (self->deletion_end) != buffer)
        {
          gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->deletion_end), self->deletion_end);
          self->deletion_end = NULL;
        }
      if (self->deletion_end == NULL)
        self->deletion_end = gtk_text_buffer_create_mark (buffer, NULL, &there, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, self->deletion_end, &there);
    }
  /* The caller's iters, revalidated: where what follows goes. */
  gtk_text_buffer_get_iter_at_offset (buffer, start, backspace ? place : after);
  *end = *start;
}

static void
on_end_user_action (LedeEditor    *self,
                    GtkTextBuffer *buffer)
{
  if (self->deletion_end == NULL || gtk_text_mark_get_buffer (self->deletion_end) != buffer)
    return;
  gtk_text_buffer_delete_mark (buffer, self->deletion_end);
  self->deletion_end = NULL;
}

static void
on_headline_begin (LedeEditor *self)
{
  self->headline_acting++;
}

static void
on_headline_end (LedeEditor *self)
{
  if (self->headline_acting > 0)
    self->headline_acting--;
}

/* Undoing and redoing put back what was: never a suggestion. */
static void
on_replay_begin (LedeEditor *self)
{
  self->replaying = TRUE;
}

static void
on_replay_end (LedeEditor *self)
{
  self->replaying = FALSE;
}

/* The body's edits and the headline's (one paragraph, the same marks). */
static void
watch_buffer (LedeEditor    *self,
              GtkTextBuffer *buffer)
{
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (on_end_user_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "undo", G_CALLBACK (on_replay_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "redo", G_CALLBACK (on_replay_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "undo", G_CALLBACK (on_replay_end), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "redo", G_CALLBACK (on_replay_end), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
lede_editor_watch_suggestions (LedeEditor *self)
{
  watch_buffer (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view)));
  watch_buffer (self, gtk_text_view_get_buffer (self->headline_view));
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "begin-user-action",
                           G_CALLBACK (on_headline_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "end-user-action",
                           G_CALLBACK (on_headline_end), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* lede_editor_dup_suggested()'s work (lede-editor-answers.c): an edit
 * of a field outside the editor, in a buffer of its own. */
char *
lede_editor_suggest_in_field (LedeEditor *self,
                           const char *text,
                           int         start,
                           int         end,
                           const char *words,
                           int         cursor,
                           int        *new_cursor)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  if (!self->suggesting)
    return NULL;
  if (self->field_buffer == NULL)
    {
      self->field_buffer = gtk_text_buffer_new (NULL);
      watch_buffer (self, self->field_buffer);
    }
  buffer = self->field_buffer;
  self->reviewing++;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->reviewing--;
  place_cursor_at (buffer, cursor);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  if (end > start)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
      gtk_text_buffer_delete (buffer, &from, &to);
    }
  if (words != NULL && *words != '\0')
    {
      if (end <= start)
        place_cursor_at (buffer, start);
      gtk_text_buffer_insert (buffer, &from, words, -1);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));
  *new_cursor = gtk_text_iter_get_offset (&from);
  return dup_text (buffer);
}
