/* lede-review.c: an editor's pass in a story's Markdown, as CriticMarkup
 * writes it — {++inserted++}, {--deleted--}, {~~old~>new~~},
 * {==commented==}{>>note<<} — found outside code, and answered.
 *
 * Lede writes who and when in one form, so two readers agree: a
 * suggestion is followed by {>>@Name|2026-12-04T10:00Z<<}, a comment is
 * {>>@Name|2026-12-04T10:00Z: words<<}, a reply the comment right after
 * it. A mark never spans a blank line (CriticMarkup cannot), so an edit
 * across paragraphs is one mark a paragraph, answered together: marks of
 * one kind with the same author and time, only white space between them.
 *
 * Every search here stops at a blank line and remembers where a search
 * for the same closing found nothing, so a paragraph of openers that never
 * close is read once, not once per opener.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-review"

#include "config.h"

#include <string.h>

#include "lede-markdown-private.h"
#include "lede-review.h"

typedef struct {
  gsize    start;
  gsize    end;
  gboolean block;  /* a code block, which ends a paragraph; else a span */
} Range;

/* Where each kind's closing was last looked for in vain: nothing closes
 * before this byte. Indexed by the opener's second character's slot. */
typedef struct {
  const char *text;
  gsize       length;
  GArray     *code;       /* (element-type Range): code blocks and spans, in order */
  guint       next_code;  /* the first range not yet behind the reader */
  gsize       no_close_before[5];
} Scanner;

static const struct {
  char           open;    /* the character doubled after { */
  const char    *close;
  LedeReviewKind kind;
} openers[] = {
  { '+', "++}", LEDE_REVIEW_INSERTION },
  { '-', "--}", LEDE_REVIEW_DELETION },
  { '~', "~~}", LEDE_REVIEW_SUBSTITUTION },
  { '=', "==}", LEDE_REVIEW_COMMENT },     /* a highlight: its notes follow */
  { '>', "<<}", LEDE_REVIEW_COMMENT },
};

static int
opener_at (const char *p)
{
  if (p[0] != '{' || p[1] == '\0' || p[1] != p[2])
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    if (p[1] == openers[i].open)
      return i;
  return -1;
}

/**
 * lede_review_may_have_marks:
 *
 * Returns: %FALSE when @text holds no opener at all: most stories, which
 *   then need no parse
 */
gboolean
lede_review_may_have_marks (const char *text)
{
  for (const char *p = text ? strchr (text, '{') : NULL; p; p = strchr (p + 1, '{'))
    if (opener_at (p) >= 0)
      return TRUE;
  return FALSE;
}

/* Whether a blank line begins after the line end at @nl. */
static gboolean
blank_line_after (const char *text,
                  gsize       length,
                  gsize       nl)
{
  for (gsize i = nl + 1; i < length; i++)
    {
      if (text[i] == '\n' || text[i] == '\r')
        return TRUE;
      if (text[i] != ' ' && text[i] != '\t')
        return FALSE;
    }
  return TRUE;
}

static gsize
run_of (const char *text,
        gsize       at,
        gsize       limit,
        char        c)
{
  gsize end = at;

  while (end < limit && text[end] == c)
    end++;
  return end - at;
}

/* Code blocks as cmark-gfm reads them (by line), then the code spans
 * between them: a run of backticks closed by a run as long, before a
 * blank line. Markup inside either is code, not a mark. */
static GArray *
find_code (const char *text,
           gsize       length)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Range));
  GArray *code = g_array_new (FALSE, FALSE, sizeof (Range));
  cmark_parser *parser = NULL;
  cmark_node *tree;
  cmark_iter *iter;
  cmark_event_type event;
  gsize no_close_before[33] = { 0 };
  gsize at = 0;
  guint b = 0;

  g_array_append_val (lines, at);
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;
        g_array_append_val (lines, next);
      }

  tree = lede_markdown_parse_tree (text, length, &parser);
  iter = cmark_iter_new (tree);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      int first, last;
      Range range;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_CODE_BLOCK)
        continue;
      first = cmark_node_get_start_line (node);
      last = cmark_node_get_end_line (node);
      if (first < 1 || (guint)first > lines->len || last < first)
        continue;
      range.block = TRUE;
      range.start = g_array_index (lines, gsize, first - 1);
      range.end = (guint)last < lines->len ? g_array_index (lines, gsize, last) : length;
      if (blocks->len && range.start < g_array_index (blocks, Range, blocks->len - 1).end)
        continue;  /* a block inside another (a list's, a quotation's): already code */
      g_array_append_val (blocks, range);
    }
  cmark_iter_free (iter);
  cmark_node_free (tree);
  cmark_parser_free (parser);

  while (at < length)
    {
      gsize limit = b < blocks->len ? g_array_index (blocks, Range, b).start : length;
      gsize run, search;
      gboolean found = FALSE;

      if (b < blocks->len && at >= limit)
        {
          g_array_append_val (code, g_array_index (blocks, Range, b));
          at = MAX (at, g_array_index (blocks, Range, b).end);
          b++;
          continue;
        }
      if (text[at] == '\\')
        {
          at += 2;
          continue;
        }
      if (text[at] != '`')
        {
          at++;
          continue;
        }
      run = run_of (text, at, limit, '`');
      search = at + run;
      if (run < G_N_ELEMENTS (no_close_before) && search < no_close_before[run])
        {
          at = search;
          continue;
        }
      while (search < limit)
        {
          if (text[search] == '\n' && blank_line_after (text, length, search))
            break;
          if (text[search] == '`')
            {
              gsize other = run_of (text, search, limit, '`');

              if (other == run)
                {
                  found = TRUE;
                  break;
                }
              search += other;
              continue;
            }
          search++;
        }
      if (found)
        {
          Range span = { at, search + run, FALSE };

          g_array_append_val (code, span);
          at = span.end;
        }
      else
        {
          if (run < G_N_ELEMENTS (no_close_before))
            no_close_before[run] = search;
          at += run;
        }
    }
  return code;
}

/* The first code range that ends after @at, or NULL. */
static const Range *
code_ahead (Scanner *scanner,
            gsize    at)
{
  while (scanner->next_code < scanner->code->len &&
         g_array_index (scanner->code, Range, scanner->next_code).end <= at)
    scanner->next_code++;
  if (scanner->next_code == scanner->code->len)
    return NULL;
  return &g_array_index (scanner->code, Range, scanner->next_code);
}

/* Finds the closing of the opener @which at @at: %TRUE with the content's
 * end in @content_end, or %FALSE when none closes before a blank line or
 * a code block. A code span inside ("{++the `lede` command++}") is the
 * mark's words: stepped over, never searched for the closing. */
static gboolean
find_close (Scanner *scanner,
            guint    which,
            gsize    at,
            gsize   *content_end)
{
  const char *text = scanner->text;
  const char *close = openers[which].close;
  guint next = scanner->next_code;
  gsize q;

  if (at + 3 < scanner->no_close_before[which])
    return FALSE;
  while (next < scanner->code->len && g_array_index (scanner->code, Range, next).end <= at + 3)
    next++;
  for (q = at + 3; q + 3 <= scanner->length; q++)
    {
      if (next < scanner->code->len && q >= g_array_index (scanner->code, Range, next).start)
        {
          const Range *code = &g_array_index (scanner->code, Range, next);

          if (code->block)
            break;
          q = code->end - 1;
          next++;
          continue;
        }
      if (text[q] == '\n' && blank_line_after (text, scanner->length, q))
        break;
      if (text[q] == close[0] && text[q + 1] == close[1] && text[q + 2] == close[2])
        {
          *content_end = q;
          return TRUE;
        }
    }
  scanner->no_close_before[which] = q;
  return FALSE;
}

/* Whether the character at @at is escaped by an odd run of backslashes. */
static gboolean
is_escaped (const char *text,
            gsize       at)
{
  gsize backslashes = 0;

  while (at > backslashes && text[at - backslashes - 1] == '\\')
    backslashes++;
  return backslashes % 2 == 1;
}

/* Reads the notes written right after @at into @notes; returns where
 * they end. */
static gsize
read_notes (Scanner   *scanner,
            gsize      at,
            GPtrArray *notes,
            guint      most)
{
  gsize content_end;

  while (notes->len < most && at + 3 <= scanner->length && opener_at (scanner->text + at) == 4)
    {
      const Range *code = code_ahead (scanner, at);

      if ((code && code->start <= at) || !find_close (scanner, 4, at, &content_end))
        break;
      g_ptr_array_add (notes, lede_review_note_parse (scanner->text + at + 3, content_end - at - 3));
      at = content_end + 3;
    }
  return at;
}

static void
take_first_note (LedeReviewMark *mark)
{
  LedeReviewNote *first;

  if (mark->notes->len == 0)
    return;
  first = g_ptr_array_index (mark->notes, 0);
  mark->author = g_strdup (first->author);
  mark->time = g_strdup (first->time);
}

/* Reads the mark whose opener @which is at @at into @marks; returns where
 * reading goes on, or @at when there is no mark there. */
static gsize
read_mark (Scanner   *scanner,
           guint      which,
           gsize      at,
           GPtrArray *marks)
{
  const char *text = scanner->text;
  g_autoptr (LedeReviewMark) mark = NULL;
  gsize content_end, end;
  const char *content;
  gsize length;

  if (openers[which].open == '>')
    {
      mark = lede_review_mark_new (LEDE_REVIEW_COMMENT);
      mark->start = at;
      mark->end = read_notes (scanner, at, mark->notes, G_MAXUINT);
      if (mark->notes->len == 0)
        return at;
      take_first_note (mark);
      g_ptr_array_add (marks, g_steal_pointer (&mark));
      return ((LedeReviewMark *)g_ptr_array_index (marks, marks->len - 1))->end;
    }

  if (!find_close (scanner, which, at, &content_end))
    return at;
  content = text + at + 3;
  length = content_end - at - 3;
  end = content_end + 3;
  mark = lede_review_mark_new (openers[which].kind);
  mark->start = at;

  switch (openers[which].open)
    {
    case '+':
      g_free (mark->new_text);
      mark->new_text = g_strndup (content, length);
      break;
    case '-':
      g_free (mark->old_text);
      mark->old_text = g_strndup (content, length);
      break;
    case '~':
      {
        const char *arrow = g_strstr_len (content, length, "~>");

        if (arrow == NULL)
          return at;
        g_free (mark->old_text);
        g_free (mark->new_text);
        mark->old_text = g_strndup (content, arrow - content);
        mark->new_text = g_strndup (arrow + 2, content + length - arrow - 2);
      }
      break;
    case '=':
    default:
      g_free (mark->old_text);
      mark->old_text = g_strndup (content, length);
      mark->end = read_notes (scanner, end, mark->notes, G_MAXUINT);
      take_first_note (mark);
      g_ptr_array_add (marks, g_steal_pointer (&mark));
      return ((LedeReviewMark *)g_ptr_array_index (marks, marks->len - 1))->end;
    }

  /* A suggestion's signature, right after it; a note with words there is
   * a comment on it, a mark of its own. */
  mark->end = read_notes (scanner, end, mark->notes, 1);
  if (mark->notes->len == 1 && ((LedeReviewNote *)g_ptr_array_index (mark->notes, 0))->text[0] == '\0')
    take_first_note (mark);
  else
    mark->end = end;
  g_ptr_array_set_size (mark->notes, 0);
  g_ptr_array_add (marks, g_steal_pointer (&mark));
  return ((LedeReviewMark *)g_ptr_array_index (marks, marks->len - 1))->end;
}

static gboolean
only_space_between (const char *text,
                    gsize       from,
                    gsize       to)
{
  gboolean line_end = FALSE;

  for (gsize i = from; i < to; i++)
    {
      if (text[i] == '\n')
        line_end = TRUE;
      else if (!g_ascii_isspace (text[i]))
        return FALSE;
    }
  return line_end;
}

/* One edit across paragraphs: the same kind, author and time, with only
 * line ends and spaces between. */
static void
group_marks (const char *text,
             GPtrArray  *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = g_ptr_array_index (marks, i);
      LedeReviewMark *before = i ? g_ptr_array_index (marks, i - 1) : NULL;

      mark->group = i;
      if (before && before->kind == mark->kind && lede_review_mark_is_suggestion (mark) &&
          mark->author && mark->time &&
          g_strcmp0 (before->author, mark->author) == 0 && g_strcmp0 (before->time, mark->time) == 0 &&
          only_space_between (text, before->end, mark->start))
        mark->group = before->group;
    }
}

/**
 * lede_review_scan:
 *
 * Returns: (transfer full) (element-type LedeReviewMark): the marks in
 *   @text, in order; none inside code
 */
GPtrArray *
lede_review_scan (const char *text)
{
  GPtrArray *marks = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_review_mark_free);
  Scanner scanner = { 0 };
  gsize at = 0;

  if (!lede_review_may_have_marks (text))
    return marks;

  scanner.text = text;
  scanner.length = strlen (text);
  scanner.code = find_code (text, scanner.length);
  while (at < scanner.length)
    {
      const char *brace = memchr (text + at, '{', scanner.length - at);
      const Range *code;
      gsize next;
      int which;

      if (brace == NULL)
        break;
      at = brace - text;
      code = code_ahead (&scanner, at);
      if (code && code->start <= at)
        {
          at = code->end;
          continue;
        }
      which = is_escaped (text, at) ? -1 : opener_at (brace);
      next = which >= 0 ? read_mark (&scanner, which, at, marks) : at;
      at = next > at ? next : at + 1;
    }
  g_array_unref (scanner.code);
  group_marks (text, marks);
  return marks;
}

/**
 * lede_review_count_open:
 * @suggestions: (out) (optional)
 * @comments: (out) (optional)
 *
 * Returns: how many suggestions and comments @text holds
 */
guint
lede_review_count_open (const char *text,
                        guint      *suggestions,
                        guint      *comments)
{
  g_autoptr (GPtrArray) marks = lede_review_scan (text);
  guint changes = 0;

  for (guint i = 0; i < marks->len; i++)
    changes += lede_review_mark_is_suggestion (g_ptr_array_index (marks, i));
  if (suggestions)
    *suggestions = changes;
  if (comments)
    *comments = marks->len - changes;
  return marks->len;
}

static const char *
answered_text (const LedeReviewMark *mark,
               LedeReviewAnswer      answer)
{
  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
    case LEDE_REVIEW_SUBSTITUTION:
      return answer == LEDE_REVIEW_ACCEPT ? mark->new_text : mark->old_text;
    case LEDE_REVIEW_DELETION:
      return answer == LEDE_REVIEW_ACCEPT ? "" : mark->old_text;
    case LEDE_REVIEW_COMMENT:
    default:
      return mark->old_text;  /* resolved: the words stay, the notes go */
    }
}

/**
 * lede_review_dup_answered:
 * @marks: (element-type LedeReviewMark): lede_review_scan() of @text
 * @filter: (nullable): which marks to answer, or %NULL for all; a mark of
 *   an edit across paragraphs answers its whole edit
 * @places: (out) (optional) (element-type gsize): where each mark's text
 *   begins in the result
 *
 * Answering a comment resolves it: its words stay, its notes go.
 *
 * Returns: (transfer full): @text with the marks answered
 */
char *
lede_review_dup_answered (const char        *text,
                          GPtrArray         *marks,
                          LedeReviewAnswer   answer,
                          LedeReviewFilter   filter,
                          gpointer           data,
                          GArray           **places)
{
  g_autofree gboolean *chosen = g_new0 (gboolean, marks->len + 1);
  GString *out;
  gsize at = 0;

  g_return_val_if_fail (text != NULL && marks != NULL, NULL);
  out = g_string_sized_new (strlen (text));

  if (places)
    *places = g_array_sized_new (FALSE, FALSE, sizeof (gsize), marks->len);
  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = g_ptr_array_index (marks, i);

      if (filter == NULL || filter (mark, data))
        chosen[mark->group] = TRUE;
    }
  for (guint i = 0; i < marks->len; i++)
    {
      LedeReviewMark *mark = g_ptr_array_index (marks, i);

      g_string_append_len (out, text + at, mark->start - at);
      if (places)
        g_array_append_val (*places, out->len);
      if (chosen[mark->group])
        g_string_append (out, answered_text (mark, answer));
      else
        g_string_append_len (out, text + mark->start, mark->end - mark->start);
      at = mark->end;
    }
  g_string_append (out, text + at);
  return g_string_free (out, FALSE);
}

static char *
dup_all_answered (const char       *text,
                  LedeReviewAnswer  answer)
{
  g_autoptr (GPtrArray) marks = lede_review_scan (text);

  if (marks->len == 0)
    return g_strdup (text);
  return lede_review_dup_answered (text, marks, answer, NULL, NULL, NULL);
}

/* The story as it reads with every suggestion taken and no comments:
 * what the counts and the checks read. */
char *
lede_review_dup_accepted (const char *text)
{
  return dup_all_answered (text ? text : "", LEDE_REVIEW_ACCEPT);
}

/* The story as it was before the pass, with no comments: what leaves when
 * a writer sends it out anyway. */
char *
lede_review_dup_rejected (const char *text)
{
  return dup_all_answered (text ? text : "", LEDE_REVIEW_REJECT);
}

static gboolean
is_mark (const LedeReviewMark *mark,
         gpointer              data)
{
  return mark == data;
}

/**
 * lede_review_dup_answer_one:
 * @index: the mark's place in lede_review_scan(), from 0
 *
 * Returns: (transfer full) (nullable): @text with that mark (and the rest
 *   of its edit) answered, or %NULL when there is no such mark
 */
char *
lede_review_dup_answer_one (const char       *text,
                            guint             index,
                            LedeReviewAnswer  answer)
{
  g_autoptr (GPtrArray) marks = lede_review_scan (text);

  if (index >= marks->len)
    return NULL;
  return lede_review_dup_answered (text, marks, answer, is_mark, g_ptr_array_index (marks, index), NULL);
}

static gboolean
is_suggestion_by (const LedeReviewMark *mark,
                  gpointer              data)
{
  return lede_review_mark_is_suggestion (mark) && g_strcmp0 (mark->author, data) == 0;
}

/* Every suggestion one author made; their comments stay. */
char *
lede_review_dup_answer_by (const char       *text,
                           const char       *author,
                           LedeReviewAnswer  answer)
{
  g_autoptr (GPtrArray) marks = lede_review_scan (text);

  return lede_review_dup_answered (text, marks, answer, is_suggestion_by, (gpointer)author, NULL);
}

/* Text that would end a note or a paragraph is kept out of one. */
static void
append_clean (GString    *out,
              const char *text,
              const char *also)
{
  for (const char *p = text; p && *p; p++)
    {
      if (*p == '\n' || *p == '\r' || (also && strchr (also, *p)))
        g_string_append_c (out, ' ');
      else if (p[0] == '<' && p[1] == '<' && p[2] == '}')
        {
          g_string_append (out, "<< }");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
}

/**
 * lede_review_dup_signature:
 * @words: (nullable): a comment's words, or %NULL for a suggestion's
 *   signature
 *
 * Returns: (transfer full): "{>>@Name|2026-12-04T10:00Z<<}", or with
 *   ": words" before the <<} for a comment
 */
char *
lede_review_dup_signature (const char *author,
                           GDateTime  *when,
                           const char *words)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *time = NULL;
  GString *out;

  g_return_val_if_fail (when != NULL, NULL);
  utc = g_date_time_to_utc (when);
  time = g_date_time_format (utc, "%Y-%m-%dT%H:%MZ");
  out = g_string_new ("{>>@");

  append_clean (out, author && *author ? author : "?", "|:");
  g_string_append_printf (out, "|%s", time);
  if (words)
    {
      g_string_append (out, ": ");
      append_clean (out, words, NULL);
    }
  g_string_append (out, "<<}");
  return g_string_free (out, FALSE);
}
