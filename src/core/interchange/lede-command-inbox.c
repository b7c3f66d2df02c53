/* lede-command-inbox.c: lede-cli inbox — the wire inbox, newest first:
 * what waits to be taken, what was taken, what was refused and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-command-private.h"

static void
add_string (JsonBuilder *json,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (json, name);
  json_builder_add_string_value (json, value ? value : "");
}

static void
add_time (JsonBuilder *json,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = _lede_command_format_time (time);

  json_builder_set_member_name (json, name);
  if (text)
    json_builder_add_string_value (json, text);
  else
    json_builder_add_null_value (json);
}

static void
add_entry_json (JsonBuilder          *json,
                LedeLibrary          *library,
                const LedeInboxEntry *entry)
{
  g_autofree char *provider = lede_inbox_entry_dup_provider (entry);
  g_autoptr (LedeArticle) story = entry->article_id ? lede_library_get_article (library, entry->article_id, NULL) : NULL;

  json_builder_begin_object (json);
  add_string (json, "state", lede_inbox_state_to_string (entry->state));
  add_time (json, "arrived", entry->arrived_at);
  add_time (json, "settled", entry->settled_at);
  add_string (json, "file", entry->path);
  add_string (json, "format", entry->format);
  add_string (json, "provider", provider);
  add_string (json, "wire_id", entry->wire_id);
  add_string (json, "version", entry->version);
  add_time (json, "version_created", entry->version_created);
  add_string (json, "pubstatus", entry->pubstatus);
  add_string (json, "headline", entry->headline);
  add_string (json, "byline", entry->byline);
  add_string (json, "dateline", entry->dateline);
  add_string (json, "keywords", entry->keywords);
  add_string (json, "reason", entry->reason);
  json_builder_set_member_name (json, "story");
  if (story)
    json_builder_add_string_value (json, lede_article_get_uuid (story));
  else
    json_builder_add_null_value (json);
  json_builder_end_object (json);
}

int
_lede_command_inbox_command (LedeCommand *self,
                             LedeLibrary *library,
                             GString     *out,
                             GString     *err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = lede_library_inbox_list (library, &error);
  g_autoptr (JsonBuilder) json = json_builder_new ();

  if (entries == NULL)
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  json_builder_begin_array (json);
  for (guint i = 0; i < entries->len; i++)
    {
      const LedeInboxEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *provider = NULL;
      g_autofree char *arrived = NULL;
      g_autofree char *name = NULL;

      if (self->as_json)
        {
          add_entry_json (json, library, entry);
          continue;
        }
      provider = lede_inbox_entry_dup_provider (entry);
      arrived = _lede_command_format_time (entry->arrived_at);
      name = g_path_get_basename (entry->path);
      /* state, time, provider, version, headline (or why refused), file */
      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\n", lede_inbox_state_to_string (entry->state), arrived,
                              *provider ? provider : "-", *entry->version ? entry->version : "-",
                              entry->state == LEDE_INBOX_REFUSED ? entry->reason : entry->headline, name);
    }
  json_builder_end_array (json);
  if (self->as_json)
    _lede_command_print_json (json, out);
  return LEDE_COMMAND_EXIT_OK;
}
