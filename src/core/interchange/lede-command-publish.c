/* lede-command-publish.c: the commands that reach publishing sites: site
 * add, list, check and remove, publish (through the gate, as every way
 * out), and pull (the site's drafts into the library).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-command-private.h"
#include "lede-gate.h"
#include "lede-outbox.h"
#include "lede-publish.h"
#include "lede-pull.h"
#include "lede-site-store.h"
#include "lede-time.h"

/* What a failure to reach or use a site exits with. */
static int
exit_for (const GError *error)
{
  if (g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_KEYRING))
    return LEDE_COMMAND_EXIT_LIBRARY;
  if (g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED) ||
      g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE))
    return LEDE_COMMAND_EXIT_CONFLICT;
  return LEDE_COMMAND_EXIT_FAILED;
}

/* Connects to @site as its user, with the password given on standard input
 * or else the one the Secret Service keeps. */
static LedeWordpress *
connect_site (LedeCommand     *self,
              const LedeSite  *site,
              GError         **error)
{
  g_autofree char *password = self->secret ? g_strdup (self->secret)
                                           : lede_site_store_lookup_password (site, NULL, error);
  g_autoptr (LedeWordpress) wordpress = NULL;

  if (password == NULL)
    return NULL;
  wordpress = lede_wordpress_new (site->address, site->user, password);
  memset (password, 0, strlen (password));
  if (!lede_wordpress_connect (wordpress, NULL, error))
    return NULL;
  return g_steal_pointer (&wordpress);
}

static void
print_connected (LedeWordpress *wordpress,
                 const char    *name,
                 const char    *user,
                 GString       *out)
{
  g_autofree char *allowed = lede_wordpress_dup_allowed (wordpress);

  g_string_append_printf (out, _("%s: “%s” at %s, signed in as %s, %s. %s\n"), name,
                          lede_wordpress_get_site_name (wordpress), lede_wordpress_get_address (wordpress), user,
                          lede_wordpress_get_role_label (wordpress), allowed);
}

static int
site_add (LedeCommand *self,
          char       **arguments,
          GString     *out,
          GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  g_autoptr (LedeSite) site = NULL;
  g_autoptr (LedeWordpress) wordpress = NULL;
  g_autoptr (LedeSite) taken = lede_site_store_find (arguments[1], NULL);

  if (taken != NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", _("There is a site of that name already: remove it first, or choose another name."));
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (self->secret == NULL || *self->secret == '\0')
    {
      g_string_append_printf (err, "lede-cli: %s\n",
                              _("site add reads the site’s application password from standard input, and got none"));
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (!(address = lede_wordpress_check_address (arguments[2], &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  site = lede_site_new (arguments[1], address, self->user);
  /* Checked on the spot: a site is kept only once it takes the password. */
  wordpress = lede_wordpress_new (site->address, site->user, self->secret);
  if (!lede_wordpress_connect (wordpress, NULL, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  g_free (site->address);
  site->address = g_strdup (lede_wordpress_get_address (wordpress));
  if (!lede_site_store_add (site, &error) || !lede_site_store_keep_password (site, self->secret, NULL, &error))
    {
      g_autoptr (GError) undo_error = NULL;

      if (error->code == LEDE_WORDPRESS_ERROR_KEYRING)
        lede_site_store_remove (site->name, &undo_error);
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return exit_for (error);
    }
  print_connected (wordpress, site->name, site->user, out);
  return LEDE_COMMAND_EXIT_OK;
}

static int
site_list (LedeCommand *self,
           GString     *out,
           GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sites = lede_site_store_list (&error);
  g_autoptr (JsonBuilder) json = json_builder_new ();

  if (sites == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  json_builder_begin_array (json);
  for (guint i = 0; i < sites->len; i++)
    {
      LedeSite *site = g_ptr_array_index (sites, i);

      if (!self->as_json)
        {
          g_string_append_printf (out, "%s\t%s\t%s\n", site->name, site->address, site->user);
          continue;
        }
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, site->name);
      json_builder_set_member_name (json, "address");
      json_builder_add_string_value (json, site->address);
      json_builder_set_member_name (json, "user");
      json_builder_add_string_value (json, site->user);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return LEDE_COMMAND_EXIT_OK;
}

static int
site_check (LedeCommand *self,
            const char  *name,
            GString     *out,
            GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeSite) site = lede_site_store_find (name, &error);
  g_autoptr (LedeWordpress) wordpress = site ? connect_site (self, site, &error) : NULL;

  if (wordpress == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return exit_for (error);
    }
  print_connected (wordpress, site->name, site->user, out);
  return LEDE_COMMAND_EXIT_OK;
}

static int
site_remove (const char *name,
             GString    *out,
             GString    *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) password_error = NULL;
  g_autoptr (LedeSite) site = lede_site_store_find (name, &error);

  if (site == NULL || !lede_site_store_forget_site (site, &password_error, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  /* The site is gone; a password that may be left is said. */
  if (password_error != NULL)
    g_string_append_printf (err, "lede-cli: %s\n", password_error->message);
  return LEDE_COMMAND_EXIT_OK;
}

int
_lede_command_site_command (LedeCommand  *self,
                            char        **arguments,
                            GString      *out,
                            GString      *err)
{
  if (g_str_equal (arguments[0], "add"))
    return site_add (self, arguments, out, err);
  if (g_str_equal (arguments[0], "check"))
    return site_check (self, arguments[1], out, err);
  if (g_str_equal (arguments[0], "remove"))
    return site_remove (arguments[1], out, err);
  return site_list (self, out, err);
}

/* --schedule's time: ISO 8601, local time unless it says its zone. */
static GDateTime *
parse_schedule (const char  *text,
                GString     *err)
{
  g_autoptr (GDateTime) when = lede_time_parse_local (text);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  if (when == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", _("--schedule needs a time such as 2026-12-24T09:00 or 2026-12-24T09:00+01:00"));
      return NULL;
    }
  if (g_date_time_compare (when, now) <= 0)
    {
      g_string_append_printf (err, "lede-cli: %s\n", _("--schedule’s time has passed: publish now with --publish"));
      return NULL;
    }
  return g_steal_pointer (&when);
}

static void
add_published_json (JsonBuilder         *json,
                    LedeArticle         *article,
                    const LedePublished *published,
                    const GError        *error)
{
  g_autofree char *date = published ? _lede_command_format_time (published->date) : NULL;

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "uuid");
  json_builder_add_string_value (json, lede_article_get_uuid (article));
  if (error)
    {
      json_builder_set_member_name (json, "error");
      json_builder_add_string_value (json, error->message);
      json_builder_end_object (json);
      return;
    }
  json_builder_set_member_name (json, "post_id");
  json_builder_add_int_value (json, published->post_id);
  json_builder_set_member_name (json, "status");
  json_builder_add_string_value (json, published->status);
  json_builder_set_member_name (json, "link");
  json_builder_add_string_value (json, published->link);
  json_builder_set_member_name (json, "date");
  json_builder_add_string_value (json, date);
  json_builder_set_member_name (json, "updated");
  json_builder_add_boolean_value (json, published->updated);
  json_builder_set_member_name (json, "for_embargo");
  json_builder_add_boolean_value (json, published->for_embargo);
  json_builder_end_object (json);
}

static void
print_published (LedeArticle         *article,
                 const LedePublished *published,
                 GString             *out)
{
  g_autofree char *at = published->date ? lede_time_format_utc (published->date) : NULL;
  const char *uuid = lede_article_get_uuid (article);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, published->post_id);

  if (g_str_equal (published->status, "future"))
    g_string_append_printf (out, published->for_embargo ? _("%s  scheduled for %s, when its embargo lifts: %s\n")
                                                        : _("%s  scheduled for %s: %s\n"), uuid, at, published->link);
  else if (g_str_equal (published->status, "publish"))
    g_string_append_printf (out, published->updated ? _("%s  updated: %s\n") : _("%s  published: %s\n"), uuid,
                            published->link);
  else if (published->for_embargo)
    g_string_append_printf (out, _("%s  sent as a draft dated %s, when its embargo lifts (post %s)\n"),
                            uuid, at, number);
  else
    g_string_append_printf (out, _("%s  sent as a draft (post %s, %s)\n"), uuid, number,
                            published->status);
}

int
_lede_command_publish_command (LedeCommand  *self,
                               LedeLibrary  *library,
                               char        **uuids,
                               GString      *out,
                               GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeSite) site = NULL;
  g_autoptr (LedeWordpress) wordpress = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();
  LedePublishMode mode = LEDE_PUBLISH_DRAFT;
  LedePublishFlags flags = self->overwrite ? LEDE_PUBLISH_FLAGS_OVERWRITE : LEDE_PUBLISH_FLAGS_NONE;
  LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;
  g_autofree char *note = NULL;
  int code = LEDE_COMMAND_EXIT_OK;

  if ((self->publish_now ? 1 : 0) + (self->draft ? 1 : 0) + (self->schedule ? 1 : 0) > 1)
    {
      g_string_append_printf (err, "lede-cli: %s\n", _("publish takes one of --draft, --publish and --schedule TIME"));
      return LEDE_COMMAND_EXIT_USAGE;
    }
  if (self->correction && !_lede_command_parse_correction (self->correction, &kind, &note, err))
    return LEDE_COMMAND_EXIT_USAGE;
  if (self->publish_now)
    mode = LEDE_PUBLISH_NOW;
  if (self->schedule && !(when = parse_schedule (self->schedule, err)))
    return LEDE_COMMAND_EXIT_USAGE;
  if (when)
    mode = LEDE_PUBLISH_SCHEDULE;

  /* A site that does not answer (no network): the stories wait in the
   * outbox, through the gate all the same. */
  if (!(site = lede_site_store_find (self->site_name, &error)) ||
      (!(wordpress = connect_site (self, site, &error)) && !lede_outbox_is_unanswered (error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return exit_for (error);
    }

  json_builder_begin_array (json);
  for (guint i = 0; uuids[i]; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (LedeArticle) article = lede_library_get_article_by_uuid (library, uuids[i], &local_error);
      g_autoptr (LedeVerdict) verdict = NULL;
      g_autoptr (GDateTime) went_out_at = NULL;
      g_autofree char *last_out = NULL;
      g_auto (LedePublished) published = { 0 };

      if (article == NULL)
        {
          g_string_append_printf (err, "lede-cli: no story %s: %s\n", uuids[i], local_error->message);
          code = MAX (code, LEDE_COMMAND_EXIT_FAILED);
          continue;
        }
      if (!lede_library_get_went_out (library, lede_article_get_id (article), &last_out, &went_out_at, &local_error))
        {
          g_string_append_printf (err, "lede-cli: %s\n", local_error->message);
          code = MAX (code, LEDE_COMMAND_EXIT_FAILED);
          continue;
        }
      verdict = lede_gate_ask (article, NULL, NULL, last_out, LEDE_WAY_OUT_PUBLISH, NULL);
      lede_verdict_count_noted_since (verdict, went_out_at);
      if (lede_verdict_asks_correction (verdict) && self->no_correction)
        lede_verdict_dismiss_correction (verdict);
      else if (lede_verdict_asks_correction (verdict) && note)
        lede_verdict_answer_correction (verdict, kind, note);
      if (self->force)
        lede_verdict_allow (verdict);
      if (!lede_verdict_may_leave (verdict))
        {
          g_autofree char *reasons = lede_verdict_dup_reasons (verdict);

          g_strdelimit (reasons, "\n", ' ');
          g_string_append_printf (err, _("lede-cli: “%s” was not published. %s%s%s\n"), lede_article_get_headline (article),
                                  reasons, lede_verdict_is_blocked (verdict) ? _(" (--force to publish it anyway)") : "",
                                  lede_verdict_asks_correction (verdict) ? _(" (--correction KIND:NOTE or --no-correction)") : "");
          code = MAX (code, lede_verdict_is_blocked (verdict) ? LEDE_COMMAND_EXIT_BLOCKED : LEDE_COMMAND_EXIT_FAILED);
          continue;
        }
      if (wordpress == NULL || (!lede_publish_story (wordpress, library, verdict, mode, when, flags, &published, NULL,
                                                     &local_error) && lede_outbox_is_unanswered (local_error)))
        {
          /* Nothing reached the site when it could not be signed in to;
           * a send that lost its answer may have made the post. */
          const char *reason = local_error ? local_error->message : NULL;
          g_autoptr (GError) queue_error = NULL;

          if (!lede_outbox_queue (library, verdict, site->name, mode, when, flags, reason, &queue_error))
            {
              g_string_append_printf (err, "lede-cli: %s\n", queue_error->message);
              code = MAX (code, LEDE_COMMAND_EXIT_LIBRARY);
              continue;
            }
          g_string_append_printf (out, _("%s  waits in the outbox: %s (lede-cli outbox --send, or Lede sends it "
                                         "when the site answers)\n"),
                                  uuids[i], reason ? reason : error->message);
          if (self->as_json)
            add_published_json (json, article, NULL, reason ? local_error : error);
          continue;
        }
      if (local_error)
        {
          g_string_append_printf (err, "lede-cli: %s\n", local_error->message);
          code = MAX (code, exit_for (local_error));
          if (self->as_json)
            add_published_json (json, article, NULL, local_error);
          continue;
        }
      {
        g_autoptr (GError) outbox_error = NULL;

        /* Sent: an earlier send of it that waits is done with. */
        if (!lede_library_outbox_forget (library, lede_article_get_id (article), site->name, &outbox_error))
          g_string_append_printf (err, "lede-cli: %s\n", outbox_error->message);
      }
      if (self->as_json)
        add_published_json (json, article, &published, NULL);
      else
        print_published (article, &published, out);
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return code;
}

static void
add_draft_json (JsonBuilder         *json,
                const LedeSiteDraft *draft,
                LedeArticle         *article,
                gboolean             already,
                const GError        *error)
{
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "post_id");
  json_builder_add_int_value (json, draft->post_id);
  json_builder_set_member_name (json, "title");
  json_builder_add_string_value (json, draft->title);
  json_builder_set_member_name (json, "status");
  json_builder_add_string_value (json, draft->status);
  json_builder_set_member_name (json, "modified_gmt");
  json_builder_add_string_value (json, draft->modified_gmt);
  json_builder_set_member_name (json, "link");
  json_builder_add_string_value (json, draft->link);
  if (article)
    {
      json_builder_set_member_name (json, "uuid");
      json_builder_add_string_value (json, lede_article_get_uuid (article));
      json_builder_set_member_name (json, "already");
      json_builder_add_boolean_value (json, already);
    }
  if (error)
    {
      json_builder_set_member_name (json, "error");
      json_builder_add_string_value (json, error->message);
    }
  json_builder_end_object (json);
}

/* pull --site NAME: the site's drafts listed; with post ids (or --all)
 * brought into the library, each linked to its post. */
int
_lede_command_pull_command (LedeCommand  *self,
                            LedeLibrary  *library,
                            char        **ids,
                            GString      *out,
                            GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeSite) site = NULL;
  g_autoptr (LedeWordpress) wordpress = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (JsonBuilder) json = json_builder_new ();
  int code = LEDE_COMMAND_EXIT_OK;

  for (guint i = 0; ids[i]; i++)
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (ids[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_string_append_printf (err, "lede-cli: %s\n", _("pull takes the ids of posts (lede-cli pull --site NAME lists them)"));
          return LEDE_COMMAND_EXIT_USAGE;
        }
      g_array_append_val (wanted, id);
    }
  if (!(site = lede_site_store_find (self->site_name, &error)) || !(wordpress = connect_site (self, site, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return exit_for (error);
    }

  json_builder_begin_array (json);
  if (wanted->len == 0)
    {
      if (!(drafts = lede_pull_list (wordpress, NULL, &error)))
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          return exit_for (error);
        }
      for (guint i = 0; i < drafts->len; i++)
        {
          LedeSiteDraft *draft = g_ptr_array_index (drafts, i);

          if (self->export_all)
            g_array_append_val (wanted, draft->post_id);
          else if (self->as_json)
            add_draft_json (json, draft, NULL, FALSE, NULL);
          else
            g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", draft->post_id, draft->status,
                                    draft->modified_gmt, draft->title);
        }
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 post_id = g_array_index (wanted, gint64, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (LedeSiteDraft) draft = NULL;
      g_auto (GStrv) tags = NULL;
      g_autoptr (LedeArticle) read = lede_pull_read (wordpress, post_id, &draft, &tags, NULL, &local_error);
      g_autoptr (LedeArticle) kept = NULL;
      g_autofree char *number = NULL;
      gboolean already = FALSE;

      if (read)
        kept = lede_pull_keep (library, lede_wordpress_get_address (wordpress), read, draft,
                               (const char * const *)tags, &already, &local_error);
      if (kept == NULL)
        {
          g_string_append_printf (err, "lede-cli: %s\n", local_error->message);
          code = MAX (code, read ? LEDE_COMMAND_EXIT_LIBRARY : exit_for (local_error));
          if (self->as_json && draft)
            add_draft_json (json, draft, NULL, FALSE, local_error);
          continue;
        }
      number = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);
      if (self->as_json)
        add_draft_json (json, draft, kept, already, NULL);
      else if (already)
        g_string_append_printf (out, _("%s  post %s is in the library already: “%s”\n"),
                                lede_article_get_uuid (kept), number, lede_article_get_headline (kept));
      else
        g_string_append_printf (out, _("%s  pulled post %s (%s): “%s”\n"), lede_article_get_uuid (kept),
                                number, draft->status, lede_article_get_headline (kept));
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return code;
}

/* One line a story that waits: its place, the site, how it is to go, since
 * when, and why it has not gone. */
int
_lede_command_outbox_command (LedeCommand  *self,
                              LedeLibrary  *library,
                              GString      *out,
                              GString      *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) json = json_builder_new ();
  int code = LEDE_COMMAND_EXIT_OK;

  if (self->send)
    {
      g_autoptr (GPtrArray) results = lede_outbox_send_all (library, self->secret, NULL, &error);

      if (results == NULL)
        {
          g_string_append_printf (err, "lede-cli: %s\n", error->message);
          return LEDE_COMMAND_EXIT_LIBRARY;
        }
      json_builder_begin_array (json);
      for (guint i = 0; i < results->len; i++)
        {
          LedeOutboxResult *result = g_ptr_array_index (results, i);

          if (!result->sent)
            code = LEDE_COMMAND_EXIT_FAILED;
          if (self->as_json)
            {
              json_builder_begin_object (json);
              json_builder_set_member_name (json, "headline");
              json_builder_add_string_value (json, result->headline);
              json_builder_set_member_name (json, "site");
              json_builder_add_string_value (json, result->site);
              json_builder_set_member_name (json, "sent");
              json_builder_add_boolean_value (json, result->sent);
              json_builder_set_member_name (json, result->sent ? "link" : "error");
              json_builder_add_string_value (json, result->sent ? result->published.link : result->message);
              json_builder_end_object (json);
            }
          else if (result->sent && result->published.moved)
            {
              g_autofree char *when = result->published.date ? _lede_command_format_time (result->published.date)
                                                             : NULL;

              if (!result->published.updated)
                g_string_append_printf (out, _("“%s”  no longer waits on %s (it is “%s” there): its time was left "
                                               "as it is\n"), result->headline, result->site, result->published.status);
              else if (g_strcmp0 (result->published.status, "future") == 0 && when)
                g_string_append_printf (out, _("“%s”  now goes out on %s at %s, as its embargo moved\n"),
                                        result->headline, result->site, when);
              else
                g_string_append_printf (out, _("“%s”  went out on %s: its embargo was moved to a time now past\n"),
                                        result->headline, result->site);
            }
          else if (result->sent)
            g_string_append_printf (out, _("“%s”  went out to %s: %s\n"), result->headline, result->site,
                                    result->published.link);
          else
            g_string_append_printf (out, _("“%s”  still waits for %s: %s\n"), result->headline, result->site,
                                    result->message);
        }
      json_builder_end_array (json);
      if (self->as_json)
        _lede_command_print_json (json, out);
      return code;
    }

  {
    g_autoptr (GPtrArray) entries = lede_library_outbox_list (library, &error);

    if (entries == NULL)
      {
        g_string_append_printf (err, "lede-cli: %s\n", error->message);
        return LEDE_COMMAND_EXIT_LIBRARY;
      }
    json_builder_begin_array (json);
    for (guint i = 0; i < entries->len; i++)
      {
        LedeOutboxEntry *entry = g_ptr_array_index (entries, i);
        g_autofree char *queued = _lede_command_format_time (entry->queued_at);
        g_autofree char *scheduled = entry->scheduled_at ? _lede_command_format_time (entry->scheduled_at) : NULL;

        if (self->as_json)
          {
            json_builder_begin_object (json);
            json_builder_set_member_name (json, "headline");
            json_builder_add_string_value (json, entry->headline);
            json_builder_set_member_name (json, "site");
            json_builder_add_string_value (json, entry->site);
            json_builder_set_member_name (json, "mode");
            json_builder_add_string_value (json, entry->mode);
            json_builder_set_member_name (json, "scheduled");
            json_builder_add_string_value (json, scheduled);
            json_builder_set_member_name (json, "queued");
            json_builder_add_string_value (json, queued);
            json_builder_set_member_name (json, "tries");
            json_builder_add_int_value (json, entry->tries);
            json_builder_set_member_name (json, "last_error");
            json_builder_add_string_value (json, entry->last_error);
            json_builder_end_object (json);
          }
        else
          g_string_append_printf (out, "%u\t%s\t%s%s%s\t%s\t%s\t%s\n", i + 1, entry->site, entry->mode,
                                  scheduled ? " " : "", scheduled ? scheduled : "", queued, entry->headline,
                                  entry->last_error);
      }
    json_builder_end_array (json);
    if (self->as_json)
      _lede_command_print_json (json, out);
  }
  return code;
}
