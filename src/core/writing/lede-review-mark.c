/* lede-review-mark.c: LedeReviewMark, one suggestion or comment of an
 * editor's pass, and the notes that say who made it and when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-review"

#include "config.h"

#include <string.h>

#include "lede-review-mark.h"

G_DEFINE_BOXED_TYPE (LedeReviewMark, lede_review_mark, lede_review_mark_copy, lede_review_mark_free)

void
lede_review_note_free (LedeReviewNote *note)
{
  if (note == NULL)
    return;
  g_free (note->author);
  g_free (note->time);
  g_free (note->text);
  g_free (note);
}

static LedeReviewNote *
note_copy (const LedeReviewNote *note)
{
  LedeReviewNote *copy = g_new0 (LedeReviewNote, 1);

  copy->author = g_strdup (note->author);
  copy->time = g_strdup (note->time);
  copy->text = g_strdup (note->text);
  return copy;
}

LedeReviewMark *
lede_review_mark_new (LedeReviewKind kind)
{
  LedeReviewMark *mark = g_new0 (LedeReviewMark, 1);

  mark->kind = kind;
  mark->old_text = g_strdup ("");
  mark->new_text = g_strdup ("");
  mark->notes = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_review_note_free);
  return mark;
}

LedeReviewMark *
lede_review_mark_copy (const LedeReviewMark *mark)
{
  LedeReviewMark *copy = g_new0 (LedeReviewMark, 1);

  *copy = *mark;
  copy->old_text = g_strdup (mark->old_text);
  copy->new_text = g_strdup (mark->new_text);
  copy->author = g_strdup (mark->author);
  copy->time = g_strdup (mark->time);
  copy->notes = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_review_note_free);
  for (guint i = 0; i < mark->notes->len; i++)
    g_ptr_array_add (copy->notes, note_copy (g_ptr_array_index (mark->notes, i)));
  return copy;
}

void
lede_review_mark_free (LedeReviewMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->old_text);
  g_free (mark->new_text);
  g_free (mark->author);
  g_free (mark->time);
  g_ptr_array_unref (mark->notes);
  g_free (mark);
}

/* A suggestion changes the words; a comment only talks about them. */
gboolean
lede_review_mark_is_suggestion (const LedeReviewMark *mark)
{
  return mark->kind != LEDE_REVIEW_COMMENT;
}

const char *
lede_review_kind_to_string (LedeReviewKind kind)
{
  switch (kind)
    {
    case LEDE_REVIEW_INSERTION:
      return "insertion";
    case LEDE_REVIEW_DELETION:
      return "deletion";
    case LEDE_REVIEW_SUBSTITUTION:
      return "substitution";
    case LEDE_REVIEW_COMMENT:
    default:
      return "comment";
    }
}

/**
 * lede_review_note_parse:
 * @text: what stands between {>> and <<}
 *
 * Reads Lede's one form, "@Name|TIME: words" (or "@Name|TIME" alone),
 * and takes anything else whole as the words of a note naming nobody.
 *
 * Returns: (transfer full): the note
 */
LedeReviewNote *
lede_review_note_parse (const char *text,
                        gsize       length)
{
  LedeReviewNote *note = g_new0 (LedeReviewNote, 1);
  const char *end = text + length;
  const char *bar, *colon, *name_end;

  if (length == 0 || text[0] != '@')
    {
      note->text = g_strndup (text, length);
      return note;
    }

  bar = memchr (text, '|', length);
  colon = memchr (text, ':', length);
  /* The time has colons of its own: the words begin at ": " after it. */
  if (bar)
    {
      const char *at = bar + 1;

      colon = NULL;
      while (at < end && (at = memchr (at, ':', end - at)) != NULL)
        {
          if (at + 1 == end || at[1] == ' ')
            {
              colon = at;
              break;
            }
          at++;
        }
    }
  name_end = bar ? bar : (colon ? colon : end);
  note->author = g_strstrip (g_strndup (text + 1, name_end - text - 1));
  if (bar)
    note->time = g_strstrip (g_strndup (bar + 1, (colon ? colon : end) - bar - 1));
  if (colon)
    note->text = g_strstrip (g_strndup (colon + 1, end - colon - 1));
  else
    note->text = g_strdup ("");
  if (note->author[0] == '\0')
    g_clear_pointer (&note->author, g_free);
  if (note->time && note->time[0] == '\0')
    g_clear_pointer (&note->time, g_free);
  return note;
}
