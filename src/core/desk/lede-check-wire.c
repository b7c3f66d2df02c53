/* lede-check-wire.c: the check on what the wire said of a story.
 *
 * A story taken from the wire keeps its provider's id, version and
 * pubstatus in its front matter's "wire:" block (written by Lede's wire
 * import, lede-wire.c). A kill ("canceled") or a withhold of the story is
 * a blocking finding, whatever the desk has done with the story since: a
 * killed story must not run, a withheld one not yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-checks.h"

/* A value of the "wire:" block as Lede writes it: "  key: value", the
 * value plain or double-quoted. */
static char *
wire_value (const char *front_matter,
            const char *key)
{
  g_auto (GStrv) lines = g_strsplit (front_matter, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("  %s: ", key);
  gboolean in_wire = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] != ' ' && lines[i][0] != '\0')
        in_wire = g_str_has_prefix (lines[i], "wire:");
      else if (in_wire && g_str_has_prefix (lines[i], prefix))
        {
          char *value = g_strstrip (g_strdup (lines[i] + strlen (prefix)));
          gsize length = strlen (value);

          if (length >= 2 && value[0] == '"' && value[length - 1] == '"')
            {
              memmove (value, value + 1, length - 2);
              value[length - 2] = '\0';
            }
          return value;
        }
    }
  return NULL;
}

void
lede_check_wire (const LedeCheckStory *story,
                 GDateTime            *now,
                 GPtrArray            *findings)
{
  g_autofree char *status = NULL;
  g_autofree char *version = NULL;
  g_autofree char *message = NULL;

  if (story->front_matter == NULL || strstr (story->front_matter, "wire:") == NULL)
    return;
  status = wire_value (story->front_matter, "pubstatus");
  version = wire_value (story->front_matter, "version");
  if (g_strcmp0 (status, "canceled") == 0)
    message = version && *version
              ? g_strdup_printf (_("The wire killed this story (version %s): it must not run."), version)
              : g_strdup (_("The wire killed this story: it must not run."));
  else if (g_strcmp0 (status, "withheld") == 0)
    message = version && *version
              ? g_strdup_printf (_("The wire withholds this story (version %s): it must not run until the wire releases it."),
                                 version)
              : g_strdup (_("The wire withholds this story: it must not run until the wire releases it."));
  if (message)
    g_ptr_array_add (findings, lede_finding_new (LEDE_CHECK_WIRE, LEDE_SEVERITY_BLOCKING, LEDE_FIELD_HEADLINE,
                                                 story->headline, message));
}
