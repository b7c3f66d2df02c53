/* lede-application.c: one Lede process, however often it is started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "lede-accessible.h"
#include "lede-application.h"
#include "lede-autosave.h"
#include "lede-command.h"
#include "lede-library.h"
#include "lede-library-service.h"
#include "lede-window.h"

struct _LedeApplication
{
  AdwApplication parent_instance;

  guint          library_service_id;
  gboolean       shutting_down;  /* the last window closed: no new one */
};

G_DEFINE_FINAL_TYPE (LedeApplication, lede_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the library file PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

/* The window with this library open, by file rather than by name, so a
 * library reached through a link or another spelling is still the same. */
static LedeWindow *
find_window_for (LedeApplication *self,
                 const char      *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      LedeLibrary *library;

      if (!LEDE_IS_WINDOW (l->data) || !(library = lede_window_get_library (l->data)))
        continue;
      if (g_strcmp0 (lede_library_get_path (library), path) == 0 ||
          lede_library_is_own_file (library, path))
        return l->data;
    }
  return NULL;
}

static GVariant *
bytes_variant (GString *text)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, text->str, text->len, 1);
}

/* lede-cli asks this Lede to run a command that writes to a library one of
 * its windows has open: this process is the library's one writer, and the
 * window's list shows the result at once. */
static void
on_library_service_call (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  LedeApplication *self = user_data;
  g_autofree char *library_path = NULL;
  g_autofree char *cwd = NULL;
  g_auto (GStrv) argv = NULL;
  g_autoptr (LedeCommand) command = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) err = g_string_new (NULL);
  LedeWindow *window;
  int exit_code;

  g_variant_get (parameters, "(^ay^aay^ay)", &library_path, &argv, &cwd);

  if (!g_path_is_absolute (library_path) || !(window = find_window_for (self, library_path)))
    {
      g_dbus_method_invocation_return_dbus_error (invocation, LEDE_LIBRARY_SERVICE_ERROR_NOT_OPEN,
                                                  "This Lede does not have that library open");
      return;
    }

  /* What the window has is saved first, in a transaction of its own: a
   * command may batch its changes, and nothing typed may ride on that. */
  if (!lede_autosave_flush (lede_window_get_autosave (window), &error))
    {
      g_string_append_printf (err, "lede-cli: Lede could not save the open story first (%s); nothing was done\n",
                              error->message);
      exit_code = LEDE_COMMAND_EXIT_FAILED;
    }
  else if (!(command = lede_command_parse ((const char * const *)argv, cwd, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      exit_code = LEDE_COMMAND_EXIT_USAGE;
    }
  /* Only what must go through this process's connection: lede-cli reads
   * and exports on its own, as whoever runs it. */
  else if (!lede_command_writes (command))
    {
      g_string_append (err, "lede-cli: only commands that change the library are run by Lede\n");
      exit_code = LEDE_COMMAND_EXIT_USAGE;
    }
  else
    exit_code = lede_command_run (command, lede_window_get_library (window), out, err);

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(i@ay@ay)", exit_code,
                                                        bytes_variant (out), bytes_variant (err)));
}

static gboolean
lede_application_dbus_register (GApplication     *app,
                                GDBusConnection  *connection,
                                const char       *object_path,
                                GError          **error)
{
  static const GDBusInterfaceVTable vtable = { on_library_service_call, NULL, NULL };
  LedeApplication *self = LEDE_APPLICATION (app);
  g_autoptr (GDBusNodeInfo) info = NULL;

  if (!G_APPLICATION_CLASS (lede_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  if (!(info = g_dbus_node_info_new_for_xml (LEDE_LIBRARY_SERVICE_XML, error)))
    return FALSE;
  self->library_service_id = g_dbus_connection_register_object (connection, LEDE_LIBRARY_SERVICE_PATH,
                                                                info->interfaces[0], &vtable,
                                                                self, NULL, error);
  return self->library_service_id != 0;
}

static void
lede_application_dbus_unregister (GApplication    *app,
                                  GDBusConnection *connection,
                                  const char      *object_path)
{
  LedeApplication *self = LEDE_APPLICATION (app);

  if (self->library_service_id != 0)
    g_dbus_connection_unregister_object (connection, self->library_service_id);
  self->library_service_id = 0;
  G_APPLICATION_CLASS (lede_application_parent_class)->dbus_unregister (app, connection, object_path);
}

/* A second `lede` (or `lede --library other.db`) lands here in the first
 * process: the library's window comes forward, or a new window opens it. */
static int
lede_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  LedeApplication *self = LEDE_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *library = NULL;
  g_autofree char *path = NULL;
  LedeWindow *window;

  /* Its libraries still closing, this Lede is on its way out. */
  if (self->shutting_down)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Lede is closing. Start it again in a moment."));
      return EXIT_FAILURE;
    }
  if (g_variant_dict_lookup (options, "library", "^ay", &library) && library[0] != '\0')
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line, library);
      path = g_file_get_path (file);
    }
  else
    path = lede_library_dup_default_path ();

  if ((window = find_window_for (self, path)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return EXIT_SUCCESS;
    }

  /* Shown before opening, so an error dialog has a window to sit on. */
  window = lede_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  lede_window_open_library (window, path);

  return EXIT_SUCCESS;
}

static int
lede_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lede %s\n", VERSION);
      return EXIT_SUCCESS;
    }
  return -1;
}

/* Every window saves its story as it closes, and a window whose story
 * could not be saved stays open to say so. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Lede developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        "application-name", _("Lede"),
                        "developer-name", _("The Lede developers"),
                        "version", VERSION,
                        "comments", _("Write, describe and publish news stories, offline."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A logout or `kill` asks politely: save and close as Ctrl+Q would. */
static gboolean
on_quit_signal (gpointer user_data)
{
  quit_action (NULL, NULL, user_data);
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static const LedeAccel accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new-story", { "<Control>n", NULL } },
  { "win.open-library", { "<Control>o", NULL } },
  { "win.layout::editor", { "<Alt>1", NULL } },
  { "win.layout::split", { "<Alt>2", NULL } },
  { "win.layout::preview", { "<Alt>3", NULL } },
  { "win.show-metadata", { "F9", NULL } },
  { "win.add-tag", { "<Control>t", NULL } },
  { "win.insert-photo", { "<Control><Alt>i", NULL } },
  { "win.spell-check", { "F7", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.go-to-graf", { "<Control>l", NULL } },
  { "win.focus-mode", { "F11", NULL } },
  { "win.find-replace", { "<Control>h", NULL } },
  { "win.find-next", { "<Control>g", NULL } },
  { "win.find-previous", { "<Control><Shift>g", NULL } },
  { "win.search", { "<Control><Shift>f", NULL } },
  { "win.save-version", { "<Control><Alt>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  /* Not Ctrl+Shift+I: GTK keeps that for its Inspector. */
  { "win.import", { "<Control><Shift>o", NULL } },
  { "win.copy-html", { "<Control><Shift>c", NULL } },
  { "win.publish", { "<Control><Shift>p", NULL } },
  { "win.show-inbox", { "<Control><Alt>w", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.show-history", { "<Control><Alt>h", NULL } },
  { "win.suggest-changes", { "<Control><Shift>e", NULL } },
  { "win.accept-suggestion", { "<Control><Alt>a", NULL } },
  { "win.reject-suggestion", { "<Control><Alt>r", NULL } },
  { "win.add-comment", { "<Control><Alt>m", NULL } },
  { "win.show-changes", { "<Control><Shift>m", NULL } },
  };
/**
 * lede_application_get_accels:
 * @n: (out): how many
 *
 * Returns: every keyboard shortcut Lede sets on an action, so the
 *   shortcuts window can be checked against them
 */
const LedeAccel *
lede_application_get_accels (guint *n)
{
  *n = G_N_ELEMENTS (accels);
  return accels;
}

static void
lede_application_startup (GApplication *app)
{


  G_APPLICATION_CLASS (lede_application_parent_class)->startup (app);

  lede_accessible_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  g_unix_signal_add (SIGTERM, on_quit_signal, app);
  g_unix_signal_add (SIGINT, on_quit_signal, app);
  g_unix_signal_add (SIGHUP, on_quit_signal, app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

/* The last window closed and stopped its work on threads, which may hold
 * its library a moment longer: the loop runs on until they let go. */
static void
lede_application_shutdown (GApplication *app)
{
  LEDE_APPLICATION (app)->shutting_down = TRUE;
  lede_library_wait_for_writers (3 * G_USEC_PER_SEC);
  G_APPLICATION_CLASS (lede_application_parent_class)->shutdown (app);
}

static void
lede_application_class_init (LedeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = lede_application_startup;
  app_class->shutdown = lede_application_shutdown;
  app_class->command_line = lede_application_command_line;
  app_class->handle_local_options = lede_application_handle_local_options;
  app_class->dbus_register = lede_application_dbus_register;
  app_class->dbus_unregister = lede_application_dbus_unregister;
}

static void
lede_application_init (LedeApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lede — a newsroom editor that works offline."));
}

LedeApplication *
lede_application_new (void)
{
  return g_object_new (LEDE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", LEDE_RESOURCE_PATH,
                       NULL);
}
