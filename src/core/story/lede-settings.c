/* lede-settings.c: Lede's own settings, as the core reads them.
 *
 * lede-cli and the core run where Lede's settings schema may not be
 * installed (a build tree, a script on a server): a setting then reads as
 * unset, never as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lede-settings.h"

/**
 * lede_settings_dup_string:
 * @key: a string key of Lede's settings
 *
 * Returns: (transfer full) (nullable): its value, stripped; %NULL when it
 *   is empty or Lede's settings are not installed
 */
char *
lede_settings_dup_string (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_strstrip (g_settings_get_string (settings, key));
  return *value ? g_steal_pointer (&value) : NULL;
}

/**
 * lede_settings_dup_language:
 *
 * The language a story takes when it says none (a new one, or one
 * imported from a file without): Preferences' language, else the
 * desktop's ("C" and "POSIX", many a container's locale, are none), else
 * %LEDE_FALLBACK_LANGUAGE — so a story is never without spelling.
 *
 * Returns: (transfer full): a language tag such as "en-GB"
 */
char *
lede_settings_dup_language (void)
{
  const char * const *languages = g_get_language_names ();
  char *chosen = lede_settings_dup_string ("default-language");

  if (chosen)
    return chosen;
  if (languages[0] != NULL)
    {
      g_autofree char *tag = g_strdelimit (g_strndup (languages[0], strcspn (languages[0], ".@")), "_", '-');

      if (*tag && !g_str_equal (tag, "C") && !g_str_equal (tag, "POSIX"))
        return g_steal_pointer (&tag);
    }
  return g_strdup (LEDE_FALLBACK_LANGUAGE);
}
