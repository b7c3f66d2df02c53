/* lede-cli.c: Lede without a window — list, search, import and export.
 *
 * Built on src/core only, so it runs with no display. A command that
 * writes is run here only when no other process has the library open; when
 * a Lede window has it, that Lede runs the command over D-Bus on its own
 * connection, or the command is refused. Commands that read always run
 * here, on a connection that can change nothing. See "One library, one
 * writer" in HACKING.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-cli"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lede-command.h"
#include "lede-library.h"
#include "lede-library-service.h"
#include "lede-paths.h"

static void
print_and_free (GString *out,
                GString *err)
{
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  fwrite (err->str, 1, err->len, stderr);
  g_string_free (out, TRUE);
  g_string_free (err, TRUE);
}

/* Asks the Lede that has @library_path open to run the command. Fails when
 * there is no session bus, no Lede on it, or that Lede has another
 * library open. */
static gboolean
run_in_lede (const char * const  *argv,
             const char          *library_path,
             int                 *exit_code,
             GString             *out,
             GString             *err,
             GError             **error)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  g_autoptr (GVariant) reply = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr (GVariant) out_bytes = NULL;
  g_autoptr (GVariant) err_bytes = NULL;
  gsize len;
  const char *text;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, APP_ID, LEDE_LIBRARY_SERVICE_PATH, LEDE_LIBRARY_SERVICE_INTERFACE,
                                       "Run",
                                       g_variant_new ("(^ay^aay^ay)", library_path, argv, cwd),
                                       G_VARIANT_TYPE ("(iayay)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       G_MAXINT, NULL, error);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(i@ay@ay)", exit_code, &out_bytes, &err_bytes);
  text = g_variant_get_fixed_array (out_bytes, &len, 1);
  g_string_append_len (out, text, len);
  text = g_variant_get_fixed_array (err_bytes, &len, 1);
  g_string_append_len (err, text, len);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeCommand) command = NULL;
  g_autoptr (LedeLibrary) library = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *library_path = NULL;
  GString *out, *err;
  int exit_code;

  lede_paths_bind_text_domain ();
  g_set_prgname ("lede-cli");

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      {
        g_autofree char *help = lede_command_dup_help ();
        g_print ("%s", help);
        return LEDE_COMMAND_EXIT_OK;
      }

  if (!(command = lede_command_parse ((const char * const *)argv, cwd, &error)))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_USAGE;
    }

  /* A password comes on standard input, never on the command line, where
   * any user's ps would show it. */
  if (lede_command_reads_secret (command))
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr (GBytes) bytes = g_input_stream_read_bytes (in, 4096, NULL, &error);
      g_autofree char *secret = bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;

      if (secret == NULL)
        {
          g_printerr ("lede-cli: %s\n", error->message);
          return LEDE_COMMAND_EXIT_USAGE;
        }
      lede_command_set_secret (command, secret);
      memset (secret, 0, strlen (secret));
    }

  out = g_string_new (NULL);
  err = g_string_new (NULL);

  /* The sites are the user's, outside any library; verify reads backups. */
  if (!lede_command_needs_library (command))
    {
      exit_code = lede_command_run (command, NULL, out, err);
      print_and_free (out, err);
      return exit_code;
    }

  /* backup's default folder is in Lede's settings. */
  lede_paths_use_build_schemas ();
  library_path = g_strdup (lede_command_get_library_path (command));
  if (library_path == NULL)
    library_path = lede_library_dup_default_path ();

  if (!lede_command_writes (command))
    library = lede_library_open_for_reading (library_path, &error);
  else if (!(library = lede_library_open (library_path, &error)) &&
           g_error_matches (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_IN_USE))
    {
      g_autoptr (GError) remote_error = NULL;

      /* A password given here is not sent over the bus. */
      if (lede_command_reads_secret (command))
        {
          g_string_free (out, TRUE);
          g_string_free (err, TRUE);
          g_printerr ("lede-cli: %s\n", _("Lede has this library open: publish from there, or close it to publish "
                                          "with --password-stdin."));
          return LEDE_COMMAND_EXIT_LIBRARY;
        }
      /* Lede has it: Lede does it, and shows the result at once. */
      if (run_in_lede ((const char * const *)argv, library_path, &exit_code, out, err, &remote_error))
        {
          print_and_free (out, err);
          return exit_code;
        }
      g_debug ("Could not ask Lede to run the command: %s", remote_error->message);
    }

  /* A writer reads the whole file before changing it, unless it was found
   * whole within the day: a damaged library is refused rather than
   * written further into. */
  if (library != NULL && !lede_library_is_read_only (library) && lede_library_needs_check (library) &&
      !lede_library_check (library, &error))
    g_clear_object (&library);

  /* Export still reads a library it cannot write (read-only media, a Lede
   * that has it and cannot be asked, damage), and says what it cannot
   * record. */
  if (library == NULL && lede_command_reads_if_read_only (command) &&
      (g_error_matches (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_READ_ONLY) ||
       g_error_matches (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_IN_USE) ||
       g_error_matches (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_CORRUPT)))
    {
      g_printerr ("lede-cli: %s\n", error->message);
      g_clear_error (&error);
      if ((library = lede_library_open_for_reading (library_path, &error)))
        g_printerr ("lede-cli: %s\n", _("The library cannot be written to: what goes out is not recorded, "
                                         "and corrections are not logged."));
    }

  if (library == NULL)
    {
      g_string_free (out, TRUE);
      g_string_free (err, TRUE);
      g_printerr ("lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_LIBRARY;
    }

  if (lede_library_get_notice (library) != NULL)
    g_printerr ("lede-cli: %s\n", lede_library_get_notice (library));

  exit_code = lede_command_run (command, library, out, err);
  print_and_free (out, err);
  return exit_code;
}
