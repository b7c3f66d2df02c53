/* lede-review-view.c: an editor's pass shown as changes.
 *
 * The marked view is rendered by the same renderer as the story itself, so
 * it looks like the page readers get. Each mark's words go to the renderer
 * between placeholders it passes through untouched (characters of Unicode's
 * private use area, which a story's own text gives up in this view only),
 * and the HTML that comes back gets the tags in their place: <ins> for
 * words added, <del> for words deleted, <mark> for words commented on and a
 * note for each comment. A placeholder that landed inside a tag (a
 * picture's description) is dropped: no tag goes in an attribute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-review"

#include "config.h"

#include <string.h>

#include "lede-review.h"
#include "lede-review-view.h"

/* U+E000 to U+E007, in UTF-8: "\xee\x80\x80" and on. */
enum {
  ADDED_OPEN,
  ADDED_CLOSE,
  DELETED_OPEN,
  DELETED_CLOSE,
  COMMENTED_OPEN,
  COMMENTED_CLOSE,
  NOTE_OPEN,
  NOTE_CLOSE,
  N_PLACEHOLDERS
};

static const char *const tags[N_PLACEHOLDERS] = {
  [ADDED_OPEN] = "<ins class=\"lede-added\">",
  [ADDED_CLOSE] = "</ins>",
  [DELETED_OPEN] = "<del class=\"lede-deleted\">",
  [DELETED_CLOSE] = "</del>",
  [COMMENTED_OPEN] = "<mark class=\"lede-commented\">",
  [COMMENTED_CLOSE] = "</mark>",
  [NOTE_OPEN] = "<span class=\"lede-note\" role=\"note\">",
  [NOTE_CLOSE] = "</span>",
};

static int
placeholder_at (const char *p)
{
  if ((guchar)p[0] == 0xee && (guchar)p[1] == 0x80 && (guchar)p[2] >= 0x80 && (guchar)p[2] < 0x80 + N_PLACEHOLDERS)
    return (guchar)p[2] - 0x80;
  return -1;
}

static void
append_placeholder (GString *out,
                    int      which)
{
  g_string_append_c (out, (char)0xee);
  g_string_append_c (out, (char)0x80);
  g_string_append_c (out, (char)(0x80 + which));
}

/* The story's own text, its placeholder look-alikes made U+FFFD. */
static void
append_text (GString    *out,
             const char *text,
             gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (i + 3 <= length && placeholder_at (text + i) >= 0)
        {
          g_string_append (out, "\xef\xbf\xbd");
          i += 2;
        }
      else
        g_string_append_c (out, text[i]);
    }
}

/* A note's words are shown as written: in Markdown every ASCII
 * punctuation character is escaped. */
static void
append_note_words (GString    *out,
                   const char *words,
                   gboolean    markdown)
{
  for (const char *p = words; *p; p++)
    {
      if (markdown && g_ascii_ispunct (*p))
        g_string_append_c (out, '\\');
      if (placeholder_at (p) >= 0)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
append_wrapped (GString    *out,
                int         open,
                const char *words)
{
  if (words == NULL || *words == '\0')
    return;
  append_placeholder (out, open);
  append_text (out, words, strlen (words));
  append_placeholder (out, open + 1);
}

static char *
dup_with_placeholders (const char *text,
                       gboolean    markdown)
{
  g_autoptr (GPtrArray) marks = NULL;
  GString *out;
  gsize at = 0;

  if (text == NULL)
    return g_strdup ("");
  marks = lede_review_scan (text);
  out = g_string_sized_new (strlen (text) + 64);
  for (guint i = 0; i < marks->len; i++)
    {
      const LedeReviewMark *mark = g_ptr_array_index (marks, i);

      append_text (out, text + at, mark->start - at);
      switch (mark->kind)
        {
        case LEDE_REVIEW_INSERTION:
          append_wrapped (out, ADDED_OPEN, mark->new_text);
          break;
        case LEDE_REVIEW_DELETION:
          append_wrapped (out, DELETED_OPEN, mark->old_text);
          break;
        case LEDE_REVIEW_SUBSTITUTION:
          append_wrapped (out, DELETED_OPEN, mark->old_text);
          append_wrapped (out, ADDED_OPEN, mark->new_text);
          break;
        case LEDE_REVIEW_COMMENT:
        default:
          append_wrapped (out, COMMENTED_OPEN, mark->old_text);
          for (guint n = 0; mark->notes && n < mark->notes->len; n++)
            {
              const LedeReviewNote *note = g_ptr_array_index (mark->notes, n);

              append_placeholder (out, NOTE_OPEN);
              if (note->author != NULL)
                {
                  append_note_words (out, note->author, markdown);
                  append_note_words (out, ": ", markdown);
                }
              append_note_words (out, note->text, markdown);
              append_placeholder (out, NOTE_CLOSE);
            }
          break;
        }
      at = mark->end;
    }
  append_text (out, text + at, strlen (text + at));
  return g_string_free (out, FALSE);
}

/**
 * lede_review_dup_marked_source:
 *
 * The first half of the marked view: @markdown with each mark's words
 * between placeholders, to render as the story is rendered; its line
 * breaks are where they were, so the page's source lines match the editor.
 *
 * Returns: (transfer full): Markdown for lede_review_dup_marked_html()
 */
char *
lede_review_dup_marked_source (const char *markdown)
{
  return dup_with_placeholders (markdown, TRUE);
}

/**
 * lede_review_dup_marked_html:
 * @html: the render of lede_review_dup_marked_source()
 *
 * Returns: (transfer full): @html with the changes marked: <ins
 *   class="lede-added">, <del class="lede-deleted">, <mark
 *   class="lede-commented"> and a <span class="lede-note"> for each note
 */
char *
lede_review_dup_marked_html (const char *html)
{
  GString *out;
  gboolean in_tag = FALSE;

  g_return_val_if_fail (html != NULL, NULL);

  out = g_string_sized_new (strlen (html) + 256);
  for (const char *p = html; *p; p++)
    {
      int which = placeholder_at (p);

      if (which >= 0)
        {
          /* The renderer escapes < and > in attributes: a tag is only ever
           * between them. */
          if (!in_tag)
            g_string_append (out, tags[which]);
          p += 2;
          continue;
        }
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * lede_review_dup_marked_line:
 * @text: (nullable): a field of plain text, as the headline
 *
 * Returns: (transfer full): @text as HTML, escaped, its changes marked as
 *   lede_review_dup_marked_html() marks them
 */
char *
lede_review_dup_marked_line (const char *text)
{
  g_autofree char *source = dup_with_placeholders (text, FALSE);
  g_autofree char *escaped = g_markup_escape_text (source, -1);

  return lede_review_dup_marked_html (escaped);
}

/**
 * lede_review_dup_shown_source:
 * @marked: %TRUE for the marked view, %FALSE for the story as it reads
 *   once every suggestion is accepted
 *
 * Returns: (transfer full): what to render of @markdown for that view
 */
char *
lede_review_dup_shown_source (const char *markdown,
                              gboolean    marked)
{
  if (markdown == NULL || !lede_review_may_have_marks (markdown))
    return g_strdup (markdown ? markdown : "");
  return marked ? lede_review_dup_marked_source (markdown) : lede_review_dup_accepted (markdown);
}

/**
 * lede_review_dup_shown_line:
 *
 * Returns: (transfer full): a field of plain text (the headline) as HTML
 *   for that view, escaped
 */
char *
lede_review_dup_shown_line (const char *text,
                            gboolean    marked)
{
  g_autofree char *accepted = NULL;

  if (marked)
    return lede_review_dup_marked_line (text);
  accepted = lede_review_dup_accepted (text);
  return g_markup_escape_text (accepted, -1);
}

/**
 * lede_review_raw_offset:
 * @text: a story's text with its marks
 * @accepted: a byte of lede_review_dup_accepted (@text), as the checks
 *   place their findings
 *
 * Returns: where that byte is in @text: in the words a mark adds or
 *   comments on, at the words themselves; past a mark's end, at the
 *   same place after it
 */
gsize
lede_review_raw_offset (const char *text,
                        gsize       accepted)
{
  g_autoptr (GPtrArray) marks = NULL;
  gsize at = 0, taken = 0;

  g_return_val_if_fail (text != NULL, 0);

  if (!lede_review_may_have_marks (text))
    return accepted;
  marks = lede_review_scan (text);
  for (guint i = 0; i < marks->len; i++)
    {
      const LedeReviewMark *mark = g_ptr_array_index (marks, i);
      const char *words = "";
      gsize words_at = mark->start;

      /* Before this mark: the text between maps one to one. */
      if (accepted < taken + (mark->start - at))
        return at + (accepted - taken);
      taken += mark->start - at;
      switch (mark->kind)
        {
        case LEDE_REVIEW_INSERTION:
          words = mark->new_text;
          words_at = mark->start + 3;
          break;
        case LEDE_REVIEW_SUBSTITUTION:
          words = mark->new_text;
          words_at = mark->start + 3 + strlen (mark->old_text) + 2;
          break;
        case LEDE_REVIEW_COMMENT:
          words = mark->old_text;
          words_at = mark->start + 3;
          break;
        case LEDE_REVIEW_DELETION:
        default:
          break;
        }
      if (*words && accepted < taken + strlen (words))
        return words_at + (accepted - taken);
      taken += strlen (words);
      at = mark->end;
    }
  return at + (accepted - taken);
}
