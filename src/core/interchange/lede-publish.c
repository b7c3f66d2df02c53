/* lede-publish.c: a story sent to a WordPress site, and the same post
 * updated after.
 *
 * What is sent: the headline as the title, the body as the page renders
 * it for readers (lede_markdown_to_published_html(): no data-sourcepos
 * or anything else only the preview uses) followed by the corrections
 * note as the page ends with it, the standfirst as the excerpt, the slug,
 * the tags, each found on the site or made there, and the section as the
 * category (made only by a user who may: an Editor).
 *
 * The embargo: a story under embargo is never sent as published. Asked
 * to publish, Lede schedules it for the lift (status "future", date_gmt);
 * asked to schedule earlier, it schedules for the lift; a draft is dated
 * the lift, so whoever publishes it on the site schedules it by doing so.
 * No embargo line goes into the content: it would be published with it.
 *
 * The same post: the library remembers, per story and site, the post's id
 * and the modified_gmt the site last gave (lede_library_set_site_post()).
 * Before an update Lede reads the post: a post deleted on the site (or in
 * its trash) is reported, not made again; a post whose modified_gmt moved
 * was changed there by someone, and is not overwritten unless the writer
 * says so (LEDE_PUBLISH_FLAGS_OVERWRITE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-markdown.h"
#include "lede-page.h"
#include "lede-publish.h"
#include "lede-time.h"

void
lede_published_clear (LedePublished *published)
{
  g_clear_pointer (&published->status, g_free);
  g_clear_pointer (&published->link, g_free);
  g_clear_pointer (&published->modified_gmt, g_free);
  g_clear_pointer (&published->date, g_date_time_unref);
  memset (published, 0, sizeof *published);
}

/**
 * lede_publish_dup_content:
 * @pictures: (nullable) (element-type LedePublishPicture): the story's
 *   photos as the site has them (lede_publish_pictures_send())
 *
 * Returns: (transfer full): the post's content: the body's HTML for
 *   readers, its photos pointing at the site's copies, then the
 *   corrections note
 */
char *
lede_publish_dup_content (const LedeVerdict *verdict,
                          GPtrArray         *pictures)
{
  LedeArticle *article = lede_verdict_get_article (verdict);
  g_autofree char *body = lede_markdown_to_published_html_with_photos (lede_article_get_body (article), -1,
                                                                       lede_article_get_photos (article),
                                                                       lede_publish_pictures_url, pictures);
  g_autofree char *corrections = lede_page_dup_corrections_html (lede_article_get_corrections (article),
                                                                 lede_article_get_language (article));

  return g_strconcat (body, corrections, NULL);
}

/* WordPress's date_gmt: ISO 8601 without a zone, in UTC. */
static char *
format_gmt (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static GDateTime *
parse_gmt (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  return text ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/* The site's id of the term @name (any case) in @taxonomy ("tags",
 * "categories"), made there when it has none. */
static gint64
find_or_make_term (LedeWordpress  *site,
                   const char     *taxonomy,
                   const char     *name,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&per_page=100&context=view", escaped);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  g_autoptr (JsonNode) found = lede_wordpress_call (site, "GET", route, query, NULL, NULL, cancellable, error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (JsonNode) refusal = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonArray *tags;

  if (found == NULL)
    return 0;
  tags = JSON_NODE_HOLDS_ARRAY (found) ? json_node_get_array (found) : NULL;
  for (guint i = 0; tags && i < json_array_get_length (tags); i++)
    {
      JsonObject *tag = json_array_get_object_element (tags, i);
      g_autofree char *tag_name = lede_wordpress_decode_entities (json_object_get_string_member_with_default (tag, "name", ""));
      g_autofree char *folded = g_utf8_casefold (tag_name, -1);

      if (g_str_equal (folded, wanted))
        return json_object_get_int_member_with_default (tag, "id", 0);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  /* Only an Editor may make a category: said before anything was sent. */
  if (g_str_equal (taxonomy, "categories") && !lede_wordpress_can (site, "manage_categories"))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
                   _("%s has no category “%s”, and this user is %s there, who may not make one: nothing was sent. "
                     "Choose a section the site has, or ask an editor to make it."),
                   lede_wordpress_get_address (site), name, lede_wordpress_get_role_label (site));
      return 0;
    }
  made = lede_wordpress_call_full (site, "POST", route, NULL, body, NULL, &refusal, cancellable, &local_error);
  /* Search misses a name with "&" (stored as "&amp;"): the site then says
   * which term it has. */
  if (made == NULL && refusal && JSON_NODE_HOLDS_OBJECT (refusal) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (refusal), "code", NULL), "term_exists") == 0)
    {
      JsonNode *data = json_object_get_member (json_node_get_object (refusal), "data");

      if (data && JSON_NODE_HOLDS_OBJECT (data) &&
          json_object_get_int_member_with_default (json_node_get_object (data), "term_id", 0) > 0)
        return json_object_get_int_member (json_node_get_object (data), "term_id");
    }
  if (made == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return JSON_NODE_HOLDS_OBJECT (made) ? json_object_get_int_member_with_default (json_node_get_object (made), "id", 0)
                                       : 0;
}

static JsonNode *
build_post (const LedeVerdict *verdict,
            const char        *status,
            GDateTime         *date,
            GArray            *tag_ids,
            gint64             category_id,
            GPtrArray         *pictures)
{
  LedeArticle *article = lede_verdict_get_article (verdict);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *content = lede_publish_dup_content (verdict, pictures);
  gint64 featured = lede_publish_pictures_lead_id (pictures);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, lede_article_get_headline (article));
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "excerpt");
  json_builder_add_string_value (builder, lede_article_get_standfirst (article));
  if (*lede_article_get_slug (article))
    {
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, lede_article_get_slug (article));
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  if (date)
    {
      g_autofree char *gmt = format_gmt (date);

      json_builder_set_member_name (builder, "date_gmt");
      json_builder_add_string_value (builder, gmt);
    }
  if (category_id > 0)
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, category_id);
      json_builder_end_array (builder);
    }
  /* The lead photo, or none: a lead taken off the story leaves the post. */
  json_builder_set_member_name (builder, "featured_media");
  json_builder_add_int_value (builder, featured);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tag_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (tag_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reads the story's post as it is on the site now, and refuses to go on
 * when it was deleted or changed there since Lede last sent it. Sets
 * @post_id to 0 when the writer asked to send the story anew. */
static gboolean
check_post_on_site (LedeWordpress     *site,
                    LedeArticle       *article,
                    gint64            *post_id,
                    const char        *last_modified,
                    const char        *last_link,
                    LedePublishFlags   flags,
                    char             **status_there,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, *post_id);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, *post_id);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) post = NULL;
  const char *headline = lede_article_get_headline (article);
  const char *modified, *status;
  guint code = 0;

  post = lede_wordpress_call (site, "GET", route, "context=edit", NULL, &code, cancellable, &local_error);
  if (post == NULL && code != 404 && code != 410)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  status = post && JSON_NODE_HOLDS_OBJECT (post)
             ? json_object_get_string_member_with_default (json_node_get_object (post), "status", "") : "";
  if (post == NULL || g_str_equal (status, "trash"))
    {
      if (flags & LEDE_PUBLISH_FLAGS_OVERWRITE)
        {
          *post_id = 0;
          return TRUE;
        }
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE,
                   post == NULL ? _("“%s” was post %s on %s, which was deleted there since. Lede "
                                    "has not sent it again: send it anew if it should be back (--overwrite).")
                                : _("“%s” was post %s on %s, which was moved to the trash there "
                                    "since. Lede has not sent it again: restore the post on the site, or send the "
                                    "story anew (--overwrite)."),
                   headline, number, lede_wordpress_get_address (site));
      return FALSE;
    }
  modified = json_object_get_string_member_with_default (json_node_get_object (post), "modified_gmt", "");
  if (g_strcmp0 (modified, last_modified) != 0 && !(flags & LEDE_PUBLISH_FLAGS_OVERWRITE))
    {
      g_autoptr (GDateTime) when = parse_gmt (modified);
      g_autofree char *at = when ? lede_time_format_utc (when) : g_strdup (modified);

      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_CHANGED,
                   _("“%s” was changed on %s at %s, after Lede last sent it (post %s, %s). Lede "
                     "has not overwritten the change: look at it there first, then send Lede’s version over it "
                     "(--overwrite) if that is the one to keep."),
                   headline, lede_wordpress_get_address (site), at, number, *last_link ? last_link : route);
      return FALSE;
    }
  *status_there = g_strdup (status);
  return TRUE;
}

/**
 * lede_publish_send:
 * @site: connected (lede_wordpress_connect())
 * @verdict: the gate's verdict (%LEDE_WAY_OUT_PUBLISH), which must let the
 *   story leave
 * @mode: draft, now, or scheduled for @when
 * @when: (nullable): with %LEDE_PUBLISH_SCHEDULE, the time to publish at
 * @post_id: the story's post on @site as the library remembers it, or 0
 * @last_modified: (nullable): that post's modified_gmt as the site last gave it
 * @last_link: (nullable): its address
 * @pictures: (nullable) (element-type LedePublishPicture): the story's
 *   photos (lede_publish_pictures_gather()); those sent get their media
 *   ids, for the caller to remember (lede_publish_pictures_remember())
 * @published: (out caller-allocates): what the site made of it
 *
 * What lede_publish_story() does on the wire, touching no library, so a
 * worker thread can run it while the library stays with its own thread:
 * the caller reads the post before (lede_library_get_site_post()) and
 * remembers what came back after (lede_publish_remember()).
 */
gboolean
lede_publish_send (LedeWordpress     *site,
                   LedeVerdict       *verdict,
                   LedePublishMode    mode,
                   GDateTime         *when,
                   gint64             post_id,
                   const char        *last_modified,
                   const char        *last_link,
                   GPtrArray         *pictures,
                   LedePublishFlags   flags,
                   LedePublished     *published,
                   GCancellable      *cancellable,
                   GError           **error)
{
  LedeArticle *article;
  const char * const *tags;
  GDateTime *embargo;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *status_there = NULL;
  g_autofree char *route = NULL;
  const char *address = lede_wordpress_get_address (site);
  const char *status;
  JsonObject *post;
  gint64 category_id = 0;

  g_return_val_if_fail (site != NULL && verdict != NULL, FALSE);
  g_return_val_if_fail (lede_verdict_get_way_out (verdict) == LEDE_WAY_OUT_PUBLISH, FALSE);
  g_return_val_if_fail (lede_verdict_may_leave (verdict), FALSE);
  g_return_val_if_fail (mode != LEDE_PUBLISH_SCHEDULE || when != NULL, FALSE);
  g_return_val_if_fail (published != NULL, FALSE);

  memset (published, 0, sizeof *published);
  article = lede_verdict_get_article (verdict);
  tags = lede_verdict_get_tags (verdict);
  embargo = lede_verdict_get_embargo_mark (verdict);

  /* What the user's role allows, before anything is sent. */
  if (!lede_wordpress_can (site, "edit_posts"))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
                   _("On %s this user is %s, who may not write posts: nothing was sent."),
                   address, lede_wordpress_get_role_label (site));
      return FALSE;
    }
  if (!lede_publish_pictures_may_send (site, pictures, error))
    return FALSE;
  if (mode != LEDE_PUBLISH_DRAFT && !lede_wordpress_can (site, "publish_posts"))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
                   _("On %s this user is %s, who may send drafts but not publish or schedule: nothing was sent. "
                     "Send it as a draft, or ask an editor to publish it."),
                   address, lede_wordpress_get_role_label (site));
      return FALSE;
    }

  /* When, and as what: never published before the embargo lifts. */
  switch (mode)
    {
    case LEDE_PUBLISH_DRAFT:
      status = "draft";
      if (embargo)
        date = g_date_time_ref (embargo);
      break;
    case LEDE_PUBLISH_NOW:
      status = embargo ? "future" : "publish";
      if (embargo)
        date = g_date_time_ref (embargo);
      break;
    case LEDE_PUBLISH_SCHEDULE:
    default:
      date = g_date_time_ref (embargo && g_date_time_compare (embargo, when) > 0 ? embargo : when);
      status = g_date_time_compare (date, now) > 0 ? "future" : "publish";
      break;
    }
  published->for_embargo = embargo != NULL && date != NULL && g_date_time_equal (date, embargo);

  /* The same post as before, unless it is gone or changed there. */
  if (post_id > 0 && !check_post_on_site (site, article, &post_id, last_modified ? last_modified : "",
                                          last_link ? last_link : "", flags, &status_there, cancellable, error))
    return FALSE;
  if (post_id > 0 && mode == LEDE_PUBLISH_DRAFT && g_strcmp0 (status_there, "publish") == 0)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_NOT_ALLOWED,
                   _("“%s” is published on %s already: sending it as a draft would take it off the site. Publish "
                     "it to update the post."), lede_article_get_headline (article), address);
      return FALSE;
    }

  /* The section is the post's category: found, or made by an Editor. */
  if (*lede_article_get_section (article) &&
      (category_id = find_or_make_term (site, "categories", lede_article_get_section (article), cancellable, error)) <= 0)
    {
      if (error && *error == NULL)
        g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                     _("%s did not make the category “%s”."), address, lede_article_get_section (article));
      return FALSE;
    }
  for (guint i = 0; tags[i]; i++)
    {
      gint64 id = find_or_make_term (site, "tags", tags[i], cancellable, error);

      if (id <= 0)
        {
          if (error && *error == NULL)
            g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                         _("%s did not make the tag “%s”."), address, tags[i]);
          return FALSE;
        }
      g_array_append_val (tag_ids, id);
    }

  /* The pictures first: the post points at them. */
  if (!lede_publish_pictures_send (site, pictures, cancellable, error))
    return FALSE;
  body = build_post (verdict, status, date, tag_ids, category_id, pictures);
  route = post_id > 0 ? g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id) : g_strdup ("wp/v2/posts");
  if (!(answer = lede_wordpress_call (site, "POST", route, NULL, body, NULL, cancellable, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (answer) || json_object_get_int_member_with_default (json_node_get_object (answer), "id", 0) <= 0)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("%s answered, but not with the post: it may or may not have taken the story."), address);
      return FALSE;
    }
  post = json_node_get_object (answer);
  published->updated = post_id > 0;
  published->post_id = json_object_get_int_member (post, "id");
  published->status = g_strdup (json_object_get_string_member_with_default (post, "status", status));
  published->link = g_strdup (json_object_get_string_member_with_default (post, "link", ""));
  published->date = parse_gmt (json_object_get_string_member_with_default (post, "date_gmt", NULL));
  published->modified_gmt = g_strdup (json_object_get_string_member_with_default (post, "modified_gmt", ""));
  return TRUE;
}

/**
 * lede_publish_move:
 * @site: connected (lede_wordpress_connect())
 * @post_id: the post, scheduled on @site
 * @to: when it is to go out now: the embargo's new lift
 * @last_modified: (nullable): the post's modified_gmt as the site last gave it
 * @published: (out caller-allocates): the post as it is after; its
 *   modified_gmt is @last_modified again when someone changed the post on
 *   the site since, so the next publish still asks about their change
 *
 * Moves a scheduled post's time, and nothing else: an embargo moved since
 * it was sent. Not through the gate again: the story passed it when it was
 * scheduled, and the new lift is the writer's own, earlier or later (a
 * lift already past publishes the post now). A post no longer waiting on
 * the site (published or made a draft there) is left as it is, and
 * @published says so by its status (and updated unset); one deleted there
 * is an error.
 */
gboolean
lede_publish_move (LedeWordpress  *site,
                   gint64          post_id,
                   GDateTime      *to,
                   const char     *last_modified,
                   LedePublished  *published,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) post = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *gmt = NULL;
  g_autofree char *modified_before = NULL;
  const char *status;
  JsonObject *object;
  guint code = 0;

  g_return_val_if_fail (site != NULL && post_id > 0 && to != NULL && published != NULL, FALSE);

  memset (published, 0, sizeof *published);
  published->post_id = post_id;
  published->moved = TRUE;
  post = lede_wordpress_call (site, "GET", route, "context=edit", NULL, &code, cancellable, error);
  status = post && JSON_NODE_HOLDS_OBJECT (post)
             ? json_object_get_string_member_with_default (json_node_get_object (post), "status", "") : "";
  if (post == NULL || g_str_equal (status, "trash"))
    {
      if (post == NULL && code != 404 && code != 410)
        return FALSE;
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);

      g_clear_error (error);
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE,
                   _("Post %s on %s, scheduled for the embargo, was deleted there: its time was not moved."),
                   number, lede_wordpress_get_address (site));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (post))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("%s answered, but not with the post: its time may or may not have moved."),
                   lede_wordpress_get_address (site));
      return FALSE;
    }
  object = json_node_get_object (post);
  modified_before = g_strdup (json_object_get_string_member_with_default (object, "modified_gmt", ""));
  if (!g_str_equal (status, "future"))
    {
      published->status = g_strdup (status);
      published->link = g_strdup (json_object_get_string_member_with_default (object, "link", ""));
      published->date = parse_gmt (json_object_get_string_member_with_default (object, "date_gmt", NULL));
      published->modified_gmt = g_strdup (last_modified ? last_modified : "");
      return TRUE;
    }

  gmt = format_gmt (to);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date_gmt");
  json_builder_add_string_value (builder, gmt);
  /* A lift moved into the past: the post goes out now. */
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, g_date_time_compare (to, now) > 0 ? "future" : "publish");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  if (!(answer = lede_wordpress_call (site, "POST", route, NULL, body, NULL, cancellable, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("%s answered, but not with the post: its time may or may not have moved."),
                   lede_wordpress_get_address (site));
      return FALSE;
    }
  object = json_node_get_object (answer);
  published->updated = TRUE;
  published->status = g_strdup (json_object_get_string_member_with_default (object, "status", "future"));
  published->link = g_strdup (json_object_get_string_member_with_default (object, "link", ""));
  published->date = parse_gmt (json_object_get_string_member_with_default (object, "date_gmt", NULL));
  /* Their change, if any, stays theirs to be asked about. */
  published->modified_gmt = g_strdup (g_strcmp0 (modified_before, last_modified) == 0
                                        ? json_object_get_string_member_with_default (object, "modified_gmt", "")
                                        : last_modified ? last_modified : "");
  return TRUE;
}

/**
 * lede_published_went_out:
 *
 * Returns: whether readers have the post (or will, at its time): published
 *   or scheduled, not a draft
 */
gboolean
lede_published_went_out (const LedePublished *published)
{
  return g_strcmp0 (published->status, "publish") == 0 || g_strcmp0 (published->status, "future") == 0;
}

/**
 * lede_publish_remember:
 * @address: the site's address (lede_wordpress_get_address())
 * @published: what lede_publish_send() got back
 *
 * Remembers the story's post on the site (a new one replaces one deleted
 * there), so the next publish updates it.
 */
gboolean
lede_publish_remember (LedeLibrary          *library,
                       const LedeVerdict    *verdict,
                       const char           *address,
                       const LedePublished  *published,
                       GError              **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && verdict != NULL && address != NULL, FALSE);
  g_return_val_if_fail (published->post_id > 0, FALSE);

  return lede_library_set_site_post (library, lede_article_get_id (lede_verdict_get_article (verdict)), address,
                                     published->post_id, published->modified_gmt ? published->modified_gmt : "",
                                     published->status, published->link, published->date, published->for_embargo,
                                     error);
}

/**
 * lede_publish_story:
 * @site: connected (lede_wordpress_connect())
 * @library: where the story's post on @site is remembered
 * @verdict: the gate's verdict (%LEDE_WAY_OUT_PUBLISH), which must let the
 *   story leave
 * @mode: draft, now, or scheduled for @when
 * @when: (nullable): with %LEDE_PUBLISH_SCHEDULE, the time to publish at
 * @published: (out caller-allocates): what the site made of it
 *
 * Sends the story to @site: a new post the first time, an update of the
 * same post after. Says in words, and sends nothing, when the user's role
 * may not do what was asked, or the post was deleted or changed on the
 * site since Lede last sent it.
 */
gboolean
lede_publish_story (LedeWordpress     *site,
                    LedeLibrary       *library,
                    LedeVerdict       *verdict,
                    LedePublishMode    mode,
                    GDateTime         *when,
                    LedePublishFlags   flags,
                    LedePublished     *published,
                    GCancellable      *cancellable,
                    GError           **error)
{
  const char *address = lede_wordpress_get_address (site);
  LedeArticle *article = lede_verdict_get_article (verdict);
  g_autofree char *last_modified = NULL;
  g_autofree char *last_link = NULL;
  g_autoptr (GPtrArray) pictures = NULL;
  gint64 post_id = 0;
  gboolean sent;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && verdict != NULL, FALSE);

  memset (published, 0, sizeof *published);
  if (!lede_library_get_site_post (library, lede_article_get_id (article), address, &post_id, &last_modified,
                                   &last_link, error) ||
      !(pictures = lede_publish_pictures_gather (library, article, address, error)))
    return FALSE;
  sent = lede_publish_send (site, verdict, mode, when, post_id, last_modified, last_link, pictures, flags, published,
                            cancellable, error);
  /* The pictures the site took are remembered even when the post failed. */
  if (!lede_publish_pictures_remember (library, address, pictures, sent ? error : NULL) ||
      !sent || !lede_publish_remember (library, verdict, address, published, error))
    return FALSE;
  /* Readers have it (or will, at the lift): the next change asks what
   * changed for them. A draft is not out. */
  if (lede_published_went_out (published))
    return lede_verdict_record_went_out (verdict, library, error);
  return TRUE;
}
