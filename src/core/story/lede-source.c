/* lede-source.c: a person or organisation a story relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-source.h"

G_DEFINE_BOXED_TYPE (LedeSource, lede_source, lede_source_copy, lede_source_free)

LedeSource *
lede_source_new (const char *name)
{
  LedeSource *source = g_new0 (LedeSource, 1);

  source->name = g_strdup (name ? name : "");
  source->role = g_strdup ("");
  source->organisation = g_strdup ("");
  source->email = g_strdup ("");
  source->phone = g_strdup ("");
  source->notes = g_strdup ("");
  source->story_note = g_strdup ("");
  return source;
}

LedeSource *
lede_source_copy (const LedeSource *source)
{
  LedeSource *copy = g_new0 (LedeSource, 1);

  copy->id = source->id;
  copy->name = g_strdup (source->name);
  copy->role = g_strdup (source->role);
  copy->organisation = g_strdup (source->organisation);
  copy->email = g_strdup (source->email);
  copy->phone = g_strdup (source->phone);
  copy->notes = g_strdup (source->notes);
  copy->story_note = g_strdup (source->story_note);
  return copy;
}

void
lede_source_free (LedeSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->role);
  g_free (source->organisation);
  g_free (source->email);
  g_free (source->phone);
  g_free (source->notes);
  g_free (source->story_note);
  g_free (source);
}
