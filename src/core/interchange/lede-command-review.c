/* lede-command-review.c: lede-cli's view of an editor's pass — review
 * lists a story's open suggestions and comments; accept and reject answer
 * suggestions, resolve answers comments, one by its number or --all.
 *
 * An answer changes the story: the story as it was is kept as a revision
 * first, as Replace All and import do, so an answer is never beyond undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-command-private.h"
#include "lede-review.h"

static void
add_mark_json (JsonBuilder          *builder,
               guint                 number,
               const LedeReviewMark *mark)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, number);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, lede_review_kind_to_string (mark->kind));
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, mark->old_text);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, mark->new_text);
  json_builder_set_member_name (builder, "author");
  mark->author ? json_builder_add_string_value (builder, mark->author) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "time");
  mark->time ? json_builder_add_string_value (builder, mark->time) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mark->notes->len; i++)
    {
      LedeReviewNote *note = g_ptr_array_index (mark->notes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "author");
      note->author ? json_builder_add_string_value (builder, note->author) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "time");
      note->time ? json_builder_add_string_value (builder, note->time) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, note->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_mark (GString              *out,
            guint                 number,
            const LedeReviewMark *mark)
{
  g_string_append_printf (out, "%u\t%s\t%s\t%s\t", number, lede_review_kind_to_string (mark->kind),
                          mark->author ? mark->author : "-", mark->time ? mark->time : "-");
  switch (mark->kind)
    {
    case LEDE_REVIEW_INSERTION:
      g_string_append_printf (out, "+ %s", mark->new_text);
      break;
    case LEDE_REVIEW_DELETION:
      g_string_append_printf (out, "- %s", mark->old_text);
      break;
    case LEDE_REVIEW_SUBSTITUTION:
      g_string_append_printf (out, "%s → %s", mark->old_text, mark->new_text);
      break;
    case LEDE_REVIEW_COMMENT:
    default:
      g_string_append_printf (out, "“%s”", mark->old_text);
      for (guint i = 0; i < mark->notes->len; i++)
        {
          LedeReviewNote *note = g_ptr_array_index (mark->notes, i);

          g_string_append_printf (out, "%s%s: %s", i ? " / " : " ", note->author ? note->author : "?", note->text);
        }
      break;
    }
  g_string_append_c (out, '\n');
}

/* The body's marks are numbered from 1 in the order they stand; the
 * headline's and standfirst's come first, as the story reads. */
typedef struct {
  const char *field;
  char       *text;
  GPtrArray  *marks;
} Part;

static void
read_parts (LedeArticle *article,
            Part         parts[3])
{
  parts[0] = (Part) { "headline", g_strdup (lede_article_get_headline (article)), NULL };
  parts[1] = (Part) { "standfirst", g_strdup (lede_article_get_standfirst (article)), NULL };
  parts[2] = (Part) { "body", g_strdup (lede_article_get_body (article)), NULL };
  for (guint i = 0; i < 3; i++)
    parts[i].marks = lede_review_scan (parts[i].text ? parts[i].text : "");
}

static void
clear_parts (Part parts[3])
{
  for (guint i = 0; i < 3; i++)
    {
      g_free (parts[i].text);
      g_ptr_array_unref (parts[i].marks);
    }
}

int
_lede_command_review_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              char        **arguments,
                              GString      *out,
                              GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, arguments[0], &error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  Part parts[3];
  guint number = 0;

  if (article == NULL)
    {
      g_string_append_printf (err, "lede-cli: no story %s: %s\n", arguments[0], error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  read_parts (article, parts);
  json_builder_begin_array (builder);
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < parts[i].marks->len; j++)
      {
        LedeReviewMark *mark = g_ptr_array_index (parts[i].marks, j);

        number++;
        if (self->as_json)
          add_mark_json (builder, number, mark);
        else
          {
            if (i < 2)
              g_string_append_printf (out, "[%s] ", parts[i].field);
            print_mark (out, number, mark);
          }
      }
  json_builder_end_array (builder);
  if (self->as_json)
    _lede_command_print_json (builder, out);
  clear_parts (parts);
  return LEDE_COMMAND_EXIT_OK;
}

static gboolean
is_suggestion (const LedeReviewMark *mark,
               gpointer              data)
{
  return lede_review_mark_is_suggestion (mark);
}

static gboolean
is_comment (const LedeReviewMark *mark,
            gpointer              data)
{
  return !lede_review_mark_is_suggestion (mark);
}

static gboolean
is_mark (const LedeReviewMark *mark,
         gpointer              data)
{
  return mark == data;
}

/* accept|reject UUID N|--all, resolve UUID N|--all */
int
_lede_command_answer_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              char        **arguments,
                              GString      *out,
                              GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, arguments[0], &error);
  gboolean comments = g_str_equal (self->name, "resolve");
  LedeReviewAnswer answer = g_str_equal (self->name, "reject") ? LEDE_REVIEW_REJECT : LEDE_REVIEW_ACCEPT;
  LedeReviewFilter filter = comments ? is_comment : is_suggestion;
  LedeReviewMark *chosen = NULL;
  guint64 wanted = 0;
  guint number = 0, answered = 0;
  Part parts[3];

  if (article == NULL)
    {
      g_string_append_printf (err, "lede-cli: no story %s: %s\n", arguments[0], error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (!self->export_all && (arguments[1] == NULL ||
                            !g_ascii_string_to_unsigned (arguments[1], 10, 1, G_MAXUINT, &wanted, NULL)))
    {
      g_string_append_printf (err, "lede-cli: %s needs a number (lede-cli review %s lists them) or --all\n",
                              self->name, arguments[0]);
      return LEDE_COMMAND_EXIT_USAGE;
    }

  read_parts (article, parts);
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < parts[i].marks->len; j++)
      {
        LedeReviewMark *mark = g_ptr_array_index (parts[i].marks, j);

        if (++number == wanted)
          chosen = mark;
        if (self->export_all ? filter (mark, NULL) : mark == chosen)
          answered++;
      }
  if (!self->export_all && (chosen == NULL || !filter (chosen, NULL)))
    {
      g_string_append_printf (err, comments ? "lede-cli: the story %s has no comment %s\n"
                                            : "lede-cli: the story %s has no suggestion %s\n",
                              arguments[0], arguments[1]);
      clear_parts (parts);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  if (answered > 0)
    {
      if (!lede_library_keep_revision (library, article, _("before answering suggestions"), NULL, NULL, &error))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          clear_parts (parts);
          return LEDE_COMMAND_EXIT_FAILED;
        }
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *text = lede_review_dup_answered (parts[i].text ? parts[i].text : "", parts[i].marks, answer,
                                                            self->export_all ? filter : is_mark,
                                                            chosen, NULL);

          if (i == 0)
            lede_article_set_headline (article, text);
          else if (i == 1)
            lede_article_set_standfirst (article, text);
          else
            lede_article_set_body (article, text);
        }
      if (!lede_library_update_article (library, article, &error))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          clear_parts (parts);
          return LEDE_COMMAND_EXIT_FAILED;
        }
    }
  g_string_append_printf (err, comments ? "lede-cli: resolved %u\n"
                                        : answer == LEDE_REVIEW_ACCEPT ? "lede-cli: accepted %u\n" : "lede-cli: rejected %u\n",
                          answered);
  clear_parts (parts);
  return LEDE_COMMAND_EXIT_OK;
}
