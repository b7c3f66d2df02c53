/* lede-wire.c: who a wire story is, and which of two versions is newer.
 *
 * A story read from the wire keeps its provider's id and version in its
 * front matter's "wire:" block (the article's kept keys), so a Markdown
 * export carries it and reads back with it, and in the library's wires
 * table, where the next version finds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-wire"

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "lede-front-matter.h"
#include "lede-time.h"
#include "lede-wire.h"

G_DEFINE_QUARK (lede-wire-error-quark, lede_wire_error)

LedeWire *
lede_wire_new (const char *format,
               const char *id)
{
  LedeWire *wire = g_new0 (LedeWire, 1);

  wire->format = g_strdup (format);
  wire->id = g_strdup (id);
  wire->version = g_strdup ("");
  return wire;
}

void
lede_wire_free (LedeWire *wire)
{
  if (wire == NULL)
    return;
  g_free (wire->format);
  g_free (wire->id);
  g_free (wire->version);
  g_clear_pointer (&wire->version_created, g_date_time_unref);
  g_free (wire);
}

static gboolean
all_digits (const char *text)
{
  return *text && strspn (text, "0123456789") == strlen (text);
}

/* Compares whole numbers written in digits, however long. */
static int
compare_digits (const char *a,
                const char *b)
{
  gsize la, lb;

  a += strspn (a, "0");
  b += strspn (b, "0");
  la = strlen (a);
  lb = strlen (b);
  if (la != lb)
    return la < lb ? -1 : 1;
  return CLAMP (strcmp (a, b), -1, 1);
}

/**
 * lede_wire_compare:
 *
 * Which version of one wire story is newer: versions compared as whole
 * numbers when both are digits, otherwise by the time each version was
 * made, otherwise equal only when the versions are the same text (a
 * version not known to be newer is never taken for one).
 *
 * Returns: < 0 when @a is older than @b, 0 when the same, > 0 when newer
 */
int
lede_wire_compare (const LedeWire *a,
                   const LedeWire *b)
{
  if (all_digits (a->version) && all_digits (b->version))
    return compare_digits (a->version, b->version);
  if (a->version_created && b->version_created)
    return CLAMP (g_date_time_compare (a->version_created, b->version_created), -1, 1);
  return g_str_equal (a->version, b->version) ? 0 : -1;
}

static const char * const STATUSES[] = {
  [LEDE_WIRE_USABLE] = "usable",
  [LEDE_WIRE_WITHHELD] = "withheld",
  [LEDE_WIRE_CANCELED] = "canceled",
};

const char *
lede_wire_status_to_string (LedeWireStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (STATUSES), "usable");
  return STATUSES[status];
}

/* ninjs "canceled", G2's "stat:canceled" or a QCode URI ending so, NITF's
 * "canceled"; "cancelled" too, as people spell it. */
LedeWireStatus
lede_wire_status_from_string (const char *text)
{
  const char *word;

  if (text == NULL)
    return LEDE_WIRE_USABLE;
  word = strrchr (text, ':');
  word = word ? word + 1 : text;
  if (strrchr (word, '/'))
    word = strrchr (word, '/') + 1;
  if (g_ascii_strcasecmp (word, "canceled") == 0 || g_ascii_strcasecmp (word, "cancelled") == 0 ||
      g_ascii_strcasecmp (word, "kill") == 0 || g_ascii_strcasecmp (word, "killed") == 0)
    return LEDE_WIRE_CANCELED;
  if (g_ascii_strcasecmp (word, "withheld") == 0 || g_ascii_strcasecmp (word, "embargoed") == 0)
    return LEDE_WIRE_WITHHELD;
  return LEDE_WIRE_USABLE;
}

/**
 * lede_wire_parse_time:
 * @text: ISO 8601 as wires write it: with a zone, or without (UTC), or a
 *   date alone; NITF's "20261128T093000Z" too
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   not one Lede can keep
 */
GDateTime *
lede_wire_parse_time (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GString) iso = NULL;
  GDateTime *time = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  iso = g_string_new (text);
  g_strstrip (iso->str);
  iso->len = strlen (iso->str);
  /* ISO 8601's basic format, as NITF's norm attributes have it. */
  if (strspn (iso->str, "0123456789") == 8 && iso->str[8] == 'T')
    {
      g_string_insert_c (iso, 4, '-');
      g_string_insert_c (iso, 7, '-');
      if (strspn (iso->str + 11, "0123456789") >= 6)
        {
          g_string_insert_c (iso, 13, ':');
          g_string_insert_c (iso, 16, ':');
        }
    }
  if (iso->len == 10)
    g_string_append (iso, "T00:00:00");
  time = g_date_time_new_from_iso8601 (iso->str, utc);
  if (time && !lede_time_is_storable (time))
    g_clear_pointer (&time, g_date_time_unref);
  return time;
}

/**
 * lede_wire_dup_front_matter:
 *
 * Returns: (transfer full): the "wire:" block of a story's front matter
 */
char *
lede_wire_dup_front_matter (const LedeWire *wire)
{
  GString *out = g_string_new ("wire:\n  format: ");
  g_autofree char *created = lede_time_format_utc (wire->version_created);

  lede_front_matter_append_string (out, wire->format);
  g_string_append (out, "\n  id: ");
  lede_front_matter_append_string (out, wire->id);
  g_string_append (out, "\n  version: ");
  lede_front_matter_append_string (out, wire->version);
  if (created)
    g_string_append_printf (out, "\n  versioncreated: %s", created);
  g_string_append_printf (out, "\n  pubstatus: %s\n", lede_wire_status_to_string (wire->status));
  return g_string_free (out, FALSE);
}

/**
 * lede_wire_replace_front_matter:
 * @extra: a story's kept front matter keys
 *
 * Returns: (transfer full): @extra with its "wire:" block (if any)
 *   replaced by @wire's
 */
char *
lede_wire_replace_front_matter (const char     *extra,
                                const LedeWire *wire)
{
  g_auto (GStrv) lines = g_strsplit (extra ? extra : "", "\n", -1);
  g_autofree char *block = lede_wire_dup_front_matter (wire);
  GString *out = g_string_new (NULL);
  gboolean in_wire = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] != ' ' && lines[i][0] != '\t' && lines[i][0] != '\0')
        in_wire = g_str_has_prefix (lines[i], "wire:");
      if (in_wire || (lines[i + 1] == NULL && lines[i][0] == '\0'))
        continue;
      g_string_append_printf (out, "%s\n", lines[i]);
    }
  g_string_append (out, block);
  return g_string_free (out, FALSE);
}

static const char *
scalar (yaml_document_t *doc,
        yaml_node_t     *node)
{
  return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/**
 * lede_wire_from_front_matter:
 * @extra: a story's kept front matter keys
 *
 * Returns: (transfer full) (nullable): the wire its "wire:" block names
 */
LedeWire *
lede_wire_from_front_matter (const char *extra)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  LedeWire *wire = NULL;

  if (extra == NULL || strstr (extra, "wire:") == NULL)
    return NULL;
  if (!yaml_parser_initialize (&parser))
    return NULL;
  yaml_parser_set_input_string (&parser, (const unsigned char *)extra, strlen (extra));
  if (!yaml_parser_load (&parser, &doc))
    {
      yaml_parser_delete (&parser);
      return NULL;
    }
  root = yaml_document_get_root_node (&doc);
  for (yaml_node_pair_t *pair = root && root->type == YAML_MAPPING_NODE ? root->data.mapping.pairs.start : NULL;
       pair && pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *value = yaml_document_get_node (&doc, pair->value);

      if (g_strcmp0 (scalar (&doc, yaml_document_get_node (&doc, pair->key)), "wire") != 0 ||
          value == NULL || value->type != YAML_MAPPING_NODE)
        continue;
      g_clear_pointer (&wire, lede_wire_free);
      wire = lede_wire_new ("", "");
      for (yaml_node_pair_t *field = value->data.mapping.pairs.start; field < value->data.mapping.pairs.top; field++)
        {
          const char *key = scalar (&doc, yaml_document_get_node (&doc, field->key));
          const char *text = scalar (&doc, yaml_document_get_node (&doc, field->value));

          if (key == NULL || text == NULL)
            continue;
          if (g_str_equal (key, "format"))
            g_free (wire->format), wire->format = g_strdup (text);
          else if (g_str_equal (key, "id"))
            g_free (wire->id), wire->id = g_strdup (text);
          else if (g_str_equal (key, "version"))
            g_free (wire->version), wire->version = g_strdup (text);
          else if (g_str_equal (key, "versioncreated"))
            {
              g_clear_pointer (&wire->version_created, g_date_time_unref);
              wire->version_created = lede_wire_parse_time (text);
            }
          else if (g_str_equal (key, "pubstatus"))
            wire->status = lede_wire_status_from_string (text);
        }
      if (*wire->id == '\0')
        g_clear_pointer (&wire, lede_wire_free);
    }
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
  return wire;
}
