/* lede-sample-story.c: the story a new library starts with, so the first
 * window a journalist sees holds a real story rather than a blank page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-sample-story"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lede-story-resources.h"
#include "lede-sample-story.h"

/* The resource starts with "key: value" lines for the metadata, then a
 * blank line, then the Markdown body. */
LedeArticle *
lede_sample_story_new (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autofree char *text = NULL;
  const char *data;
  const char *body;
  g_auto (GStrv) lines = NULL;
  gsize len;

  bytes = g_resource_lookup_data (lede_story_get_resource (),
                                 LEDE_RESOURCE_PATH "/sample-story.md", 0, NULL);
  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);
  body = strstr (text, "\n\n");
  g_assert (body != NULL);
  lede_article_set_body (article, body + 2);

  text[body - text] = '\0';
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      g_object_set (article, lines[i], g_strstrip (colon + 1), NULL);
    }

  return g_steal_pointer (&article);
}
