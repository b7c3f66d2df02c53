/* lede-command-desk.c: the desk's commands — list --due (what is due,
 * soonest first, everyone's or one person's) and set UUID FIELD VALUE
 * (one of the desk's fields, from a script).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-command-private.h"
#include "lede-settings.h"
#include "lede-time.h"

/* list --due [--mine | --assignee NAME]: the stories with a deadline that
 * are still to go (not published, not spiked), the soonest first. */
int
_lede_command_due_command (LedeCommand *self,
                           LedeLibrary *library,
                           GString     *out,
                           GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mine = NULL;
  const char *assignee = self->assignee;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GHashTable) leads = NULL;
  g_autoptr (GHashTable) tags = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (self->mine)
    {
      if (!(mine = lede_settings_dup_string ("default-byline")))
        {
          g_string_append_printf (err, "lede-cli: %s\n",
                                  _("--mine means the default byline of Lede’s Preferences, and none is set: "
                                    "give --assignee NAME instead"));
          return LEDE_COMMAND_EXIT_USAGE;
        }
      assignee = mine;
    }
  if (!(ids = lede_library_list_ids_sorted (library, FALSE, -1, NULL, assignee, LEDE_STORY_ORDER_DEADLINE, &error)) ||
      !(articles = lede_library_get_articles (library, ids, &error)) ||
      (self->as_json && (!(leads = lede_library_list_lead_photos (library, &error)) ||
                         !(tags = lede_library_list_stories_tags (library, &error)))))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      GDateTime *deadline = lede_article_get_deadline (article);
      LedeArticleStatus status = lede_article_get_status (article);
      g_autofree char *due = NULL;
      g_autofree char *at = NULL;

      /* Those without a deadline come last in this order: the due end here. */
      if (deadline == NULL)
        break;
      if (status == LEDE_ARTICLE_STATUS_PUBLISHED || status == LEDE_ARTICLE_STATUS_SPIKED)
        continue;
      if (self->as_json)
        {
          _lede_command_add_story_json (builder, library, article, leads, tags);
          continue;
        }
      due = lede_time_format_due (deadline, now);
      at = _lede_command_format_time (deadline);
      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\n", lede_article_get_uuid (article),
                              lede_article_status_to_string (status), at, due,
                              lede_article_get_assignee (article), lede_article_get_headline (article));
    }
  json_builder_end_array (builder);
  if (self->as_json)
    _lede_command_print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

static const char * const TEXT_FIELDS[] = {
  "assignee", "editor", "print-headline", "seo-title", "social-headline", "language", NULL
};
static const char * const TIME_FIELDS[] = { "deadline", "embargo", NULL };

/* set UUID FIELD VALUE: an empty VALUE clears the field. */
int
_lede_command_set_command (LedeCommand  *self,
                           LedeLibrary  *library,
                           char        **arguments,
                           GString      *out,
                           GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = NULL;
  const char *field = arguments[1];
  g_autofree char *value = g_strstrip (g_strdup (arguments[2]));

  if (!g_strv_contains (TEXT_FIELDS, field) && !g_strv_contains (TIME_FIELDS, field))
    {
      g_autofree char *text = g_strjoinv (", ", (char **)TEXT_FIELDS);
      g_autofree char *times = g_strjoinv (", ", (char **)TIME_FIELDS);

      g_string_append_printf (err, "lede-cli: ");
      g_string_append_printf (err, _("set cannot change “%s”: it sets %s, %s"), field, text, times);
      g_string_append_c (err, '\n');
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (!(article = lede_library_get_article_by_uuid (library, arguments[0], &error)))
    {
      g_string_append_printf (err, "lede-cli: ");
      g_string_append_printf (err, _("no story %s: %s"), arguments[0], error->message);
      g_string_append_c (err, '\n');
      return LEDE_COMMAND_EXIT_FAILED;
    }

  if (g_strv_contains (TIME_FIELDS, field))
    {
      g_autoptr (GDateTime) time = *value ? lede_time_parse_local (value) : NULL;
      g_autoptr (GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;

      if (*value && utc == NULL)
        {
          g_string_append_printf (err, "lede-cli: ");
          g_string_append_printf (err, _("“%s” is not a date and time: write it as 2026-12-24 17:00 (local time) "
                                         "or 2026-12-24T17:00+01:00; nothing was changed"), value);
          g_string_append_c (err, '\n');
          return LEDE_COMMAND_EXIT_USAGE;
        }
      if (g_str_equal (field, "deadline"))
        lede_article_set_deadline (article, utc);
      else
        lede_article_set_embargo (article, utc);
    }
  else if (g_str_equal (field, "assignee"))
    lede_article_set_assignee (article, value);
  else if (g_str_equal (field, "editor"))
    lede_article_set_editor (article, value);
  else if (g_str_equal (field, "print-headline"))
    lede_article_set_print_headline (article, value);
  else if (g_str_equal (field, "seo-title"))
    lede_article_set_seo_title (article, value);
  else if (g_str_equal (field, "social-headline"))
    lede_article_set_social_headline (article, value);
  else
    lede_article_set_language (article, value);

  if (!lede_library_update_article (library, article, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  g_string_append_printf (out, "%s\t%s\t%s\n", lede_article_get_uuid (article), field, value);
  return LEDE_COMMAND_EXIT_OK;
}
