/* lede-tag.c: a tag as the tag manager shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-tag.h"

G_DEFINE_BOXED_TYPE (LedeTag, lede_tag, lede_tag_copy, lede_tag_free)

LedeTag *
lede_tag_new (gint64      id,
              const char *name,
              guint       n_stories)
{
  LedeTag *tag = g_new0 (LedeTag, 1);

  tag->id = id;
  tag->name = g_strdup (name ? name : "");
  tag->n_stories = n_stories;
  return tag;
}

LedeTag *
lede_tag_copy (const LedeTag *tag)
{
  return lede_tag_new (tag->id, tag->name, tag->n_stories);
}

void
lede_tag_free (LedeTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->name);
  g_free (tag);
}
