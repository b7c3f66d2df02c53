/* lede-pull.c: a WordPress site's drafts brought into the library.
 *
 * Read as the site keeps them (context=edit: the raw title, content and
 * excerpt, not the rendered ones), the content through the one HTML
 * reader of the core: what it cannot read, block comments included, stays
 * raw HTML in the Markdown and goes back to the site unchanged. The story
 * is linked to its post (site_posts, with the post's modified_gmt), so
 * publishing it again updates the same post, and a change made on the
 * site since is caught as for any story Lede sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-pull"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-html-reader.h"
#include "lede-pull.h"

/* A site's list is read a page of this many posts at a time, and no more
 * than this many pages (WordPress allows 100 a page). */
#define PAGE_SIZE 100
#define MAX_PAGES 100

void
lede_site_draft_free (LedeSiteDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->title);
  g_free (draft->status);
  g_free (draft->modified_gmt);
  g_free (draft->link);
  g_free (draft);
}

/* The raw text of a field the site gives as { "raw": …, "rendered": … }. */
static const char *
raw_member (JsonObject *post,
            const char *name)
{
  JsonNode *node = json_object_get_member (post, name);

  if (node && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member_with_default (json_node_get_object (node), "raw", "");
  return "";
}

static LedeSiteDraft *
draft_from_post (JsonObject *post)
{
  LedeSiteDraft *draft = g_new0 (LedeSiteDraft, 1);

  draft->post_id = json_object_get_int_member_with_default (post, "id", 0);
  draft->title = lede_wordpress_decode_entities (raw_member (post, "title"));
  draft->status = g_strdup (json_object_get_string_member_with_default (post, "status", ""));
  draft->modified_gmt = g_strdup (json_object_get_string_member_with_default (post, "modified_gmt", ""));
  draft->link = g_strdup (json_object_get_string_member_with_default (post, "link", ""));
  return draft;
}

/**
 * lede_pull_list:
 * @site: connected (lede_wordpress_connect())
 *
 * The site's drafts and posts pending review, the last changed first.
 *
 * Returns: (transfer container) (element-type LedeSiteDraft): the drafts,
 *   or %NULL with @error set
 */
GPtrArray *
lede_pull_list (LedeWordpress  *site,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_site_draft_free);

  for (guint page = 1; page <= MAX_PAGES; page++)
    {
      g_autofree char *query = g_strdup_printf ("status=draft,pending&context=edit&orderby=modified&order=desc"
                                                "&per_page=%d&page=%u&_fields=id,title,status,modified_gmt,link",
                                                PAGE_SIZE, page);
      g_autoptr (JsonNode) refusal = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autoptr (JsonNode) found = lede_wordpress_call_full (site, "GET", "wp/v2/posts", query, NULL, NULL, &refusal,
                                                             cancellable, &local_error);
      JsonArray *posts;

      /* A full last page: the next one is refused, which ends the list. */
      if (found == NULL && page > 1 && refusal && JSON_NODE_HOLDS_OBJECT (refusal) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (refusal), "code", NULL),
                     "rest_post_invalid_page_number") == 0)
        break;
      if (found == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      posts = JSON_NODE_HOLDS_ARRAY (found) ? json_node_get_array (found) : NULL;
      for (guint i = 0; posts && i < json_array_get_length (posts); i++)
        {
          JsonNode *post = json_array_get_element (posts, i);

          if (JSON_NODE_HOLDS_OBJECT (post))
            g_ptr_array_add (drafts, draft_from_post (json_node_get_object (post)));
        }
      if (posts == NULL || json_array_get_length (posts) < PAGE_SIZE)
        break;
    }
  return g_steal_pointer (&drafts);
}

/* The names of the terms @ids of @taxonomy, in the site's order; a
 * category named "Uncategorized" (WordPress's own default) is no section. */
static char **
term_names (LedeWordpress  *site,
            const char     *taxonomy,
            JsonArray      *ids,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GString) include = g_string_new (NULL);
  g_autoptr (JsonNode) found = NULL;
  g_autofree char *route = g_strdup_printf ("wp/v2/%s", taxonomy);
  g_autofree char *query = NULL;
  JsonArray *terms;

  for (guint i = 0; ids && i < json_array_get_length (ids); i++)
    g_string_append_printf (include, "%s%" G_GINT64_FORMAT, include->len ? "," : "",
                            json_array_get_int_element (ids, i));
  if (include->len == 0)
    return g_strv_builder_end (names);
  query = g_strdup_printf ("include=%s&per_page=%d&_fields=id,name,slug", include->str, PAGE_SIZE);
  if (!(found = lede_wordpress_call (site, "GET", route, query, NULL, NULL, cancellable, error)))
    return NULL;
  terms = JSON_NODE_HOLDS_ARRAY (found) ? json_node_get_array (found) : NULL;
  for (guint i = 0; terms && i < json_array_get_length (terms); i++)
    {
      JsonObject *term = json_array_get_object_element (terms, i);
      g_autofree char *name = NULL;

      if (term == NULL ||
          (g_str_equal (taxonomy, "categories") &&
           g_strcmp0 (json_object_get_string_member_with_default (term, "slug", ""), "uncategorized") == 0))
        continue;
      name = lede_wordpress_decode_entities (json_object_get_string_member_with_default (term, "name", ""));
      if (*name)
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/**
 * lede_pull_read:
 * @site: connected (lede_wordpress_connect())
 * @draft: (out) (optional) (transfer full): the post as its list would give it
 * @tags: (out) (optional) (transfer full): the post's tags, by name
 *
 * Reads post @post_id into a story: title → headline, content → body
 * (Markdown), excerpt → standfirst, slug, the first category → section.
 * Touches no library, so a worker thread can run it.
 *
 * Returns: (transfer full): the story, or %NULL with @error set
 */
LedeArticle *
lede_pull_read (LedeWordpress  *site,
                gint64          post_id,
                LedeSiteDraft **draft,
                char         ***tags,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);
  g_autoptr (JsonNode) found = NULL;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);
  g_autofree char *body = NULL;
  g_autofree char *standfirst = NULL;
  g_auto (GStrv) sections = NULL;
  g_auto (GStrv) names = NULL;
  JsonObject *post;
  JsonNode *ids;

  if (!(found = lede_wordpress_call (site, "GET", route, "context=edit", NULL, NULL, cancellable, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (found))
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("%s did not give post %s as a post"), lede_wordpress_get_address (site), number);
      return NULL;
    }
  post = json_node_get_object (found);

  body = lede_html_reader_to_markdown (raw_member (post, "content"), -1, &local_error);
  if (body == NULL)
    {
      g_set_error (error, LEDE_WORDPRESS_ERROR, LEDE_WORDPRESS_ERROR_REFUSED,
                   _("The text of post %s on %s could not be read: %s"), number,
                   lede_wordpress_get_address (site), local_error->message);
      return NULL;
    }
  standfirst = lede_wordpress_decode_entities (raw_member (post, "excerpt"));

  ids = json_object_get_member (post, "categories");
  if (!(sections = term_names (site, "categories", ids && JSON_NODE_HOLDS_ARRAY (ids) ? json_node_get_array (ids) : NULL,
                               cancellable, error)))
    return NULL;
  ids = json_object_get_member (post, "tags");
  if (!(names = term_names (site, "tags", ids && JSON_NODE_HOLDS_ARRAY (ids) ? json_node_get_array (ids) : NULL,
                            cancellable, error)))
    return NULL;

  {
    g_autoptr (LedeSiteDraft) read = draft_from_post (post);

    lede_article_set_headline (article, read->title);
    if (draft)
      *draft = g_steal_pointer (&read);
  }
  lede_article_set_body (article, body);
  lede_article_set_standfirst (article, g_strstrip (standfirst));
  lede_article_set_slug (article, json_object_get_string_member_with_default (post, "slug", ""));
  if (sections[0])
    lede_article_set_section (article, sections[0]);
  if (tags)
    *tags = g_steal_pointer (&names);
  return g_steal_pointer (&article);
}

/**
 * lede_pull_keep:
 * @address: the site's address (lede_wordpress_get_address())
 * @article: the story lede_pull_read() made of @draft's post
 * @already: (out): %TRUE when the library had the post's story already
 *
 * Adds the story to the library, linked to its post. A post the library
 * has a story for is not brought twice: that story is returned as it is,
 * with whatever was written in it since.
 *
 * Returns: (transfer full): the story in the library, or %NULL with
 *   @error set
 */
LedeArticle *
lede_pull_keep (LedeLibrary          *library,
                const char           *address,
                LedeArticle          *article,
                const LedeSiteDraft  *draft,
                const char * const   *tags,
                gboolean             *already,
                GError              **error)
{
  gint64 id = 0;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library) && LEDE_IS_ARTICLE (article) && draft != NULL, NULL);

  *already = FALSE;
  if (!lede_library_find_site_post_story (library, address, draft->post_id, &id, error))
    return NULL;
  if (id != 0)
    {
      *already = TRUE;
      return lede_library_get_article (library, id, error);
    }
  if (!lede_library_add_site_story (library, article, tags, address, draft->post_id, draft->modified_gmt,
                                    draft->status, draft->link, error))
    return NULL;
  return g_object_ref (article);
}
