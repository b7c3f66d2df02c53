/* lede-site-post.c: the post a story became on one publishing site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include "lede-site-post.h"

G_DEFINE_BOXED_TYPE (LedeSitePost, lede_site_post, lede_site_post_copy, lede_site_post_free)

LedeSitePost *
lede_site_post_copy (const LedeSitePost *post)
{
  LedeSitePost *copy;

  if (post == NULL)
    return NULL;
  copy = g_new0 (LedeSitePost, 1);
  copy->site = g_strdup (post->site);
  copy->post_id = post->post_id;
  copy->status = g_strdup (post->status);
  copy->link = g_strdup (post->link);
  copy->sent_at = post->sent_at ? g_date_time_ref (post->sent_at) : NULL;
  return copy;
}

void
lede_site_post_free (LedeSitePost *post)
{
  if (post == NULL)
    return;
  g_free (post->site);
  g_free (post->status);
  g_free (post->link);
  g_clear_pointer (&post->sent_at, g_date_time_unref);
  g_free (post);
}
