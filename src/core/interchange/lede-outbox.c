/* lede-outbox.c: stories sent to a publishing site that did not answer
 * (no network, or the site down), kept in the library's outbox and sent
 * when it answers again: once, in the order they were sent.
 *
 * What goes out is the story as it is when the site answers, through the
 * gate again: the embargo is judged then, and a finding that appeared
 * since holds it back. The writer's decisions at the first send stand:
 * the findings they let it out with (the same ones only), the note for
 * readers they gave.
 *
 * Exactly once: a send whose answer was lost may have made the post. A
 * story with no post on the site yet is first looked for there by its
 * slug (any status, as its author sees it) and its headline; a post found
 * is updated, not made a second time.
 *
 * A send runs in three steps, so the window can run the middle one on a
 * worker thread while the library stays on its own: prepare (the library:
 * the story, the gate, the post it is on the site), run (the network
 * only), finish (the library: the post remembered, what readers saw, the
 * outbox row gone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-outbox"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-outbox.h"
#include "lede-site-store.h"

struct _LedeOutboxSend {
  gint64           entry_id;
  gboolean         move;        /* only the scheduled post's time, to when */
  GPtrArray       *candidates;  /* with a move: every LedeSite at the post's address */
  guint            tries;
  LedeSite        *site;
  LedeArticle     *article;
  LedeVerdict     *verdict;
  LedePublishMode  mode;
  GDateTime       *when;
  LedePublishFlags flags;
  gint64           post_id;
  char            *last_modified;
  char            *last_link;
  char            *address;     /* the site's, as it answered */
  GPtrArray       *pictures;    /* LedePublishPicture */
  LedePublished    published;
};

static const char * const mode_names[] = {
  [LEDE_PUBLISH_DRAFT] = "draft",
  [LEDE_PUBLISH_NOW] = "publish",
  [LEDE_PUBLISH_SCHEDULE] = "schedule",
};

const char *
lede_publish_mode_to_string (LedePublishMode mode)
{
  g_return_val_if_fail (mode <= LEDE_PUBLISH_SCHEDULE, "draft");
  return mode_names[mode];
}

/* An unknown name is a draft: never more public than asked. */
LedePublishMode
lede_publish_mode_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (text, mode_names[i]) == 0)
      return i;
  return LEDE_PUBLISH_DRAFT;
}

/**
 * lede_outbox_is_unanswered:
 *
 * Whether @error means the site did not answer (no network, or nothing
 * there now), so the story may wait in the outbox for it.
 */
gboolean
lede_outbox_is_unanswered (const GError *error)
{
  return g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_UNREACHABLE);
}

/**
 * lede_outbox_queue:
 * @verdict: the gate's verdict (%LEDE_WAY_OUT_PUBLISH), which let the story
 *   leave: what the writer decided there is kept
 * @site: the site's name in Lede
 * @reason: (nullable): why it did not go now, as the failed try said
 *
 * Puts the story in the outbox for @site, last in the queue.
 */
gboolean
lede_outbox_queue (LedeLibrary        *library,
                   LedeVerdict        *verdict,
                   const char         *site,
                   LedePublishMode     mode,
                   GDateTime          *when,
                   LedePublishFlags    flags,
                   const char         *reason,
                   GError            **error)
{
  g_autoptr (LedeOutboxEntry) entry = lede_outbox_entry_new ();
  const LedeCorrection *correction;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && verdict != NULL && site != NULL, FALSE);
  g_return_val_if_fail (lede_verdict_may_leave (verdict), FALSE);

  entry->article_id = lede_article_get_id (lede_verdict_get_article (verdict));
  entry->site = g_strdup (site);
  entry->mode = g_strdup (lede_publish_mode_to_string (mode));
  entry->scheduled_at = mode == LEDE_PUBLISH_SCHEDULE && when ? g_date_time_to_utc (when) : NULL;
  entry->overwrite = (flags & LEDE_PUBLISH_FLAGS_OVERWRITE) != 0;
  if (lede_verdict_is_blocked (verdict))
    entry->forced_reasons = lede_verdict_dup_reasons (verdict);
  entry->answered = lede_verdict_is_answered (verdict);
  if ((correction = lede_verdict_get_new_correction (verdict)))
    {
      entry->correction_kind = g_strdup (lede_correction_kind_to_string (correction->kind));
      entry->correction_note = g_strdup (correction->note);
    }
  /* A try that reached the site may have made the post: the next one
   * looks for it first. */
  entry->tries = reason ? 1 : 0;
  entry->last_error = g_strdup (reason ? reason : "");
  return lede_library_outbox_add (library, entry, error);
}

void
lede_outbox_send_free (LedeOutboxSend *send)
{
  if (send == NULL)
    return;
  lede_site_free (send->site);
  g_clear_object (&send->article);
  g_clear_pointer (&send->verdict, lede_verdict_unref);
  g_clear_pointer (&send->when, g_date_time_unref);
  g_free (send->last_modified);
  g_free (send->last_link);
  g_free (send->address);
  g_clear_pointer (&send->pictures, g_ptr_array_unref);
  g_clear_pointer (&send->candidates, g_ptr_array_unref);
  lede_published_clear (&send->published);
  g_free (send);
}

/* The sites Lede knows at @address (LedeSite), the same site under more
 * than one user too: a move knows its post by the site's address, as the
 * library does, and tries each until one may move it. */
static GPtrArray *
find_sites_at (const char  *address,
               GError     **error)
{
  g_autoptr (GPtrArray) sites = lede_site_store_list (error);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_site_free);

  for (guint i = 0; sites && i < sites->len; i++)
    {
      LedeSite *site = g_ptr_array_index (sites, i);
      g_autofree char *checked = lede_wordpress_check_address (site->address, NULL);

      if (g_strcmp0 (checked, address) == 0)
        g_ptr_array_add (found, lede_site_copy (site));
    }
  if (sites == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_SITES,
                   _("No site in Lede is at %s any more: add it again (lede-cli site add) so the post’s time can move "
                     "with its embargo."), address);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* A move: the post and where its time goes, no gate (see lede_publish_move()). */
static LedeOutboxSend *
prepare_move (LedeLibrary            *library,
              const LedeOutboxEntry  *entry,
              GError                **error)
{
  g_autoptr (LedeOutboxSend) send = g_new0 (LedeOutboxSend, 1);

  send->move = TRUE;
  send->address = g_strdup (entry->site);
  send->post_id = entry->post_id;
  send->when = g_date_time_ref (entry->scheduled_at);
  if (!(send->candidates = find_sites_at (entry->site, error)))
    return NULL;
  send->site = lede_site_copy (g_ptr_array_index (send->candidates, 0));
  if (!(send->article = lede_library_get_article (library, entry->article_id, error)) ||
      !lede_library_get_site_post (library, entry->article_id, entry->site, &send->post_id, &send->last_modified,
                                   &send->last_link, error))
    return NULL;
  return g_steal_pointer (&send);
}

/**
 * lede_outbox_send_prepare:
 *
 * On the library's thread: the story as it is now, through the gate again
 * with the writer's decisions, and the post it is on the site.
 *
 * Returns: (transfer full): the send, or %NULL with @error saying why the
 *   story cannot go (it stays in the outbox)
 */
LedeOutboxSend *
lede_outbox_send_prepare (LedeLibrary            *library,
                          const LedeOutboxEntry  *entry,
                          GError                **error)
{
  g_autoptr (LedeOutboxSend) send = g_new0 (LedeOutboxSend, 1);
  g_autoptr (GDateTime) went_out_at = NULL;
  g_autofree char *last_out = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && entry != NULL, NULL);

  if (g_str_equal (entry->mode, "move"))
    return prepare_move (library, entry, error);
  send->entry_id = entry->id;
  send->tries = entry->tries;
  send->mode = lede_publish_mode_from_string (entry->mode);
  send->when = entry->scheduled_at ? g_date_time_ref (entry->scheduled_at) : NULL;
  if (send->mode == LEDE_PUBLISH_SCHEDULE && send->when == NULL)
    send->mode = LEDE_PUBLISH_DRAFT;
  send->flags = entry->overwrite ? LEDE_PUBLISH_FLAGS_OVERWRITE : LEDE_PUBLISH_FLAGS_NONE;
  if (!(send->site = lede_site_store_find (entry->site, error)) ||
      !(send->article = lede_library_get_article (library, entry->article_id, error)))
    return NULL;
  if (lede_article_get_trashed (send->article) != NULL)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("“%s” is in the trash: it waits until it is restored."), lede_article_get_headline (send->article));
      return NULL;
    }
  if (!lede_library_get_went_out (library, entry->article_id, &last_out, &went_out_at, error))
    return NULL;

  send->verdict = lede_gate_ask (send->article, NULL, NULL, last_out, LEDE_WAY_OUT_PUBLISH, NULL);
  lede_verdict_count_noted_since (send->verdict, went_out_at);
  if (lede_verdict_asks_correction (send->verdict) && entry->correction_note && *entry->correction_note)
    {
      LedeCorrectionKind kind = LEDE_CORRECTION_CORRECTION;

      lede_correction_kind_from_string (entry->correction_kind, &kind);
      lede_verdict_answer_correction (send->verdict, kind, entry->correction_note);
    }
  else if (lede_verdict_asks_correction (send->verdict) && entry->answered)
    lede_verdict_dismiss_correction (send->verdict);
  /* Let out with the findings the writer saw, and only those. */
  if (lede_verdict_is_blocked (send->verdict) && entry->forced_reasons)
    {
      g_autofree char *reasons = lede_verdict_dup_reasons (send->verdict);

      if (g_str_equal (reasons, entry->forced_reasons))
        lede_verdict_allow (send->verdict);
    }
  if (!lede_verdict_may_leave (send->verdict))
    {
      g_autofree char *reasons = lede_verdict_dup_reasons (send->verdict);

      g_strdelimit (reasons, "\n", ' ');
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   lede_verdict_is_blocked (send->verdict)
                     ? _("“%s” changed since it was sent and the checks hold it back now: %s Publish it again from the story.")
                     : _("“%s” waits for a word on what changed for readers: publish it again from the story.%s"),
                   lede_article_get_headline (send->article), lede_verdict_is_blocked (send->verdict) ? reasons : "");
      return NULL;
    }
  if (!lede_library_get_site_post (library, entry->article_id, send->site->address, &send->post_id,
                                   &send->last_modified, &send->last_link, error) ||
      !(send->pictures = lede_publish_pictures_gather (library, send->article, send->site->address, error)))
    return NULL;
  return g_steal_pointer (&send);
}

/* After a try whose answer was lost: the post it may have made, found by
 * the story's slug and headline. */
static gboolean
take_over_lost_post (LedeOutboxSend  *send,
                     LedeWordpress   *wordpress,
                     GCancellable    *cancellable,
                     GError         **error)
{
  const char *slug = lede_article_get_slug (send->article);
  g_autofree char *escaped = g_uri_escape_string (slug, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("slug=%s&status=any&context=edit", escaped);
  g_autoptr (JsonNode) found = NULL;
  JsonArray *posts;

  if (*slug == '\0')
    return TRUE;
  if (!(found = lede_wordpress_call (wordpress, "GET", "wp/v2/posts", query, NULL, NULL, cancellable, error)))
    return FALSE;
  posts = JSON_NODE_HOLDS_ARRAY (found) ? json_node_get_array (found) : NULL;
  for (guint i = 0; posts && i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);
      JsonObject *post = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *title = post ? json_object_get_member (post, "title") : NULL;
      const char *raw = title && JSON_NODE_HOLDS_OBJECT (title)
                          ? json_object_get_string_member_with_default (json_node_get_object (title), "raw", NULL) : NULL;

      if (post == NULL || g_strcmp0 (raw, lede_article_get_headline (send->article)) != 0)
        continue;
      send->post_id = json_object_get_int_member_with_default (post, "id", 0);
      g_free (send->last_modified);
      send->last_modified = g_strdup (json_object_get_string_member_with_default (post, "modified_gmt", ""));
      g_free (send->last_link);
      send->last_link = g_strdup (json_object_get_string_member_with_default (post, "link", ""));
      g_debug ("Took over post %" G_GINT64_FORMAT " for “%s”", send->post_id, lede_article_get_headline (send->article));
      break;
    }
  return TRUE;
}

/* Signed in to @site as its user, with @password or the one kept. */
static LedeWordpress *
sign_in (const LedeSite  *site,
         const char      *password,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autofree char *kept = NULL;
  g_autoptr (LedeWordpress) wordpress = NULL;

  if (password == NULL && !(password = kept = lede_site_store_lookup_password (site, cancellable, error)))
    return NULL;
  wordpress = lede_wordpress_new (site->address, site->user, password);
  if (kept)
    memset (kept, 0, strlen (kept));
  if (!lede_wordpress_connect (wordpress, cancellable, error))
    return NULL;
  return g_steal_pointer (&wordpress);
}

/* A move, as each user Lede has on the site in turn, until one moves the
 * post (another may not be allowed to, or have no password kept). A site
 * that does not answer ends it: it waits. */
static gboolean
run_move (LedeOutboxSend  *send,
          const char      *password,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr (GError) first_error = NULL;

  for (guint i = 0; i < send->candidates->len; i++)
    {
      LedeSite *site = g_ptr_array_index (send->candidates, i);
      g_autoptr (LedeWordpress) wordpress = NULL;
      g_autoptr (GError) local_error = NULL;

      if ((wordpress = sign_in (site, password, cancellable, &local_error)) &&
          lede_publish_move (wordpress, send->post_id, send->when, send->last_modified, &send->published,
                             cancellable, &local_error))
        return TRUE;
      if (lede_outbox_is_unanswered (local_error) || first_error == NULL)
        {
          g_clear_error (&first_error);
          first_error = g_steal_pointer (&local_error);
          if (lede_outbox_is_unanswered (first_error))
            break;
        }
    }
  g_propagate_error (error, g_steal_pointer (&first_error));
  return FALSE;
}

/**
 * lede_outbox_send_run:
 * @password: (nullable): the site's application password, or %NULL for the
 *   one the Secret Service keeps
 *
 * On any thread: signs in and sends. Touches no library.
 */
gboolean
lede_outbox_send_run (LedeOutboxSend  *send,
                      const char      *password,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr (LedeWordpress) wordpress = NULL;

  g_return_val_if_fail (send != NULL, FALSE);

  if (send->move)
    return run_move (send, password, cancellable, error);
  if (!(wordpress = sign_in (send->site, password, cancellable, error)))
    return FALSE;
  if ((send->post_id == 0 && send->tries > 0 && !take_over_lost_post (send, wordpress, cancellable, error)) ||
      !lede_publish_send (wordpress, send->verdict, send->mode, send->when, send->post_id, send->last_modified,
                          send->last_link, send->pictures, send->flags, &send->published, cancellable, error))
    return FALSE;
  if (send->address == NULL)
    send->address = g_strdup (lede_wordpress_get_address (wordpress));
  return TRUE;
}

/**
 * lede_outbox_send_finish:
 *
 * On the library's thread, after lede_outbox_send_run(): remembers the
 * post and what readers saw, and takes the story out of the outbox.
 */
gboolean
lede_outbox_send_finish (LedeOutboxSend  *send,
                         LedeLibrary     *library,
                         GError         **error)
{
  g_return_val_if_fail (send != NULL && send->address != NULL, FALSE);

  if (send->move)
    return lede_library_move_site_post (library, lede_article_get_id (send->article), send->address,
                                        send->published.modified_gmt, send->published.status, send->published.date,
                                        error);
  if (!lede_publish_pictures_remember (library, send->site->address, send->pictures, error) ||
      !lede_publish_remember (library, send->verdict, send->address, &send->published, error) ||
      (lede_published_went_out (&send->published) && !lede_verdict_record_went_out (send->verdict, library, error)))
    return FALSE;
  return lede_library_outbox_remove (library, send->entry_id, error);
}

/**
 * lede_outbox_send_failed:
 * @error: why lede_outbox_send_run() failed
 *
 * On the library's thread, after a send failed: a move whose post was
 * deleted on the site is remembered as such (status "trash"), so it is not
 * tried again at every round; the story's post is otherwise as it was.
 */
void
lede_outbox_send_failed (LedeOutboxSend *send,
                         LedeLibrary    *library,
                         const GError   *error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_if_fail (send != NULL);

  if (!send->move || !g_error_matches (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_GONE))
    return;
  if (!lede_library_move_site_post (library, lede_article_get_id (send->article), send->address,
                                    send->last_modified ? send->last_modified : "", "trash", send->when,
                                    &local_error))
    g_warning ("%s", local_error->message);
}

LedeArticle *
lede_outbox_send_get_article (LedeOutboxSend *send)
{
  return send->article;
}

const LedeSite *
lede_outbox_send_get_site (LedeOutboxSend *send)
{
  return send->site;
}

const LedePublished *
lede_outbox_send_get_published (LedeOutboxSend *send)
{
  return &send->published;
}

void
lede_outbox_result_free (LedeOutboxResult *result)
{
  if (result == NULL)
    return;
  g_free (result->headline);
  g_free (result->site);
  g_free (result->message);
  lede_published_clear (&result->published);
  g_free (result);
}

/**
 * lede_outbox_send_all:
 * @password: (nullable): the application password for every site, or
 *   %NULL for the ones the Secret Service keeps
 *
 * Sends what waits, in order, on this thread. A site that does not answer
 * keeps the rest of its stories waiting behind the first, in their order;
 * a story that cannot go (held by the checks, changed on the site) waits
 * with the reason, and the others go on.
 *
 * Returns: (transfer container) (element-type LedeOutboxResult): what each
 *   try came to, in order; %NULL only when the outbox could not be read
 */
GPtrArray *
lede_outbox_send_all (LedeLibrary    *library,
                      const char     *password,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr (GPtrArray) entries = lede_library_outbox_list (library, error);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_outbox_result_free);
  g_autoptr (GHashTable) silent = g_hash_table_new (g_str_hash, g_str_equal);

  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      LedeOutboxEntry *entry = g_ptr_array_index (entries, i);
      LedeOutboxResult *result;
      g_autoptr (LedeOutboxSend) send = NULL;
      g_autoptr (GError) local_error = NULL;

      if (g_hash_table_contains (silent, entry->site))
        continue;
      result = g_new0 (LedeOutboxResult, 1);
      result->headline = g_strdup (entry->headline);
      result->site = g_strdup (entry->site);
      g_ptr_array_add (results, result);
      if ((send = lede_outbox_send_prepare (library, entry, &local_error)) &&
          lede_outbox_send_run (send, password, cancellable, &local_error) &&
          lede_outbox_send_finish (send, library, &local_error))
        {
          result->sent = TRUE;
          result->published = send->published;
          memset (&send->published, 0, sizeof send->published);
          continue;
        }
      if (send)
        lede_outbox_send_failed (send, library, local_error);
      result->message = g_strdup (local_error->message);
      result->unanswered = lede_outbox_is_unanswered (local_error);
      if (result->unanswered)
        g_hash_table_add (silent, entry->site);
      {
        g_autoptr (GError) note_error = NULL;

        if (!lede_library_outbox_note_try (library, entry->id, local_error->message, &note_error))
          g_warning ("%s", note_error->message);
      }
    }
  return g_steal_pointer (&results);
}
