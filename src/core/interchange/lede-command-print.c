/* lede-command-print.c: how every command prints: JSON and times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <json-glib/json-glib.h>

#include "lede-command-private.h"

char *
_lede_command_format_time (GDateTime *time)
{
  return time ? g_date_time_format_iso8601 (time) : NULL;
}

void
_lede_command_print_json (JsonBuilder *builder,
                          GString     *out)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}
