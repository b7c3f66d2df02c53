/* test-inbox.c: the wire inbox in the real window under Xvfb: a folder
 * chosen in Preferences → Wire, files appearing in it (one growing first),
 * the sidebar's count, a refused file listed and left as it was, Take
 * bringing the story in and showing it, and a kill reaching the desk at
 * once as a notification (a notification server of the test's own on its
 * session bus).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lede-import.h"
#include "lede-inbox-window.h"
#include "lede-preferences-window.h"
#include "lede-wire-changes-window.h"
#include "lede-wire-page.h"
#include "lede-window-fixture.h"
#include "lede-window-private.h"

static char *
wire_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "wires", name, NULL);
}

static char *
drop (const char *folder,
      const char *name)
{
  g_autofree char *from = wire_path (name);
  g_autofree char *data = NULL;
  char *to = g_build_filename (folder, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
  return to;
}

static void
watch_folders (const char *folder)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_strv (settings, "wire-folders", (const char * const[]) { folder, NULL });
}

static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "wire-folders");
}

static const char *
inbox_label (Fixture *f)
{
  return adw_button_content_get_label (f->window->inbox_button_content);
}

typedef struct
{
  Fixture    *f;
  const char *label;
} LabelIs;

static gboolean
label_is (gpointer data)
{
  LabelIs *is = data;

  return g_strcmp0 (inbox_label (is->f), is->label) == 0;
}

static void
wait_label (Fixture    *f,
            const char *label)
{
  LabelIs is = { f, label };

  lede_test_wait_until (label_is, &is, 10000);
}

/* The newest entry the inbox has, read as lede-cli would. */
static LedeInboxEntry *
newest_entry (Fixture *f)
{
  g_autoptr (GPtrArray) entries = lede_library_inbox_list (lede_window_get_library (f->window), NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_steal_index (entries, 0);
}

static LedeInboxWindow *
open_inbox (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-inbox", NULL));
  lede_test_spin (100);
  g_assert_nonnull (f->window->inbox_window);
  g_assert_true (gtk_widget_get_visible (f->window->inbox_window));
  return LEDE_INBOX_WINDOW (f->window->inbox_window);
}

/* Files appear in the watched folder; one grows first and is read only
 * whole; the count follows; Take brings the story in and shows it; the
 * file stays. */
static void
test_take (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *from = wire_path ("council-vote.json");
  g_autofree char *growing = g_build_filename (folder, "council-vote.json", NULL);
  g_autofree char *whole = NULL;
  g_autofree char *dropped = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  LedeInboxWindow *inbox;
  GtkWidget *take;
  gsize len, written = 0;
  guint before;
  FILE *out;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpstr (inbox_label (f), ==, "Inbox");
  watch_folders (folder);
  before = g_list_model_get_n_items (story_list_model (f));

  /* Half a file is not read: it would be refused as broken JSON. */
  g_assert_true (g_file_get_contents (from, &whole, &len, NULL));
  out = fopen (growing, "w");
  g_assert_nonnull (out);
  while (written < len)
    {
      gsize n = MIN (len / 4 + 1, len - written);

      g_assert_cmpuint (fwrite (whole + written, 1, n, out), ==, n);
      fflush (out);
      written += n;
      lede_test_spin (400);
      g_assert_cmpstr (inbox_label (f), ==, "Inbox");
    }
  fclose (out);
  wait_label (f, "Inbox (1)");
  dropped = drop (folder, "library-closure.xml");
  wait_label (f, "Inbox (2)");

  entry = newest_entry (f);
  g_assert_cmpstr (entry->headline, ==, "Kellswick library to close on Saturdays");
  inbox = open_inbox (f);
  take = lede_inbox_window_get_take_button (inbox, entry->id);
  g_assert_nonnull (take);
  g_assert_true (gtk_widget_get_visible (take));
  g_signal_emit_by_name (take, "clicked");
  lede_test_spin (200);

  g_assert_cmpstr (inbox_label (f), ==, "Inbox (1)");
  g_assert_null (lede_inbox_window_get_take_button (inbox, entry->id));
  g_assert_cmpuint (g_list_model_get_n_items (story_list_model (f)), ==, before + 1);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, "Kellswick library to close on Saturdays");
  g_assert_cmpint (lede_article_get_status (shown_article (f)), ==, LEDE_ARTICLE_STATUS_DRAFT);
  g_assert_true (g_file_test (dropped, G_FILE_TEST_IS_REGULAR));

  /* In the file, for any reader. */
  reader = lede_library_open_for_reading (f->path, NULL);
  stories = lede_library_list_articles (reader, FALSE, NULL);
  g_assert_cmpuint (stories->len, ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (inbox));
  reset_settings ();
}

/* A file no reader can read is listed as refused with the reason, not
 * counted as waiting, and left in its folder as it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *broken = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  LedeInboxWindow *inbox;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  inbox = open_inbox (f);
  watch_folders (folder);
  broken = drop (folder, "broken.xml");
  before = lede_test_checksum_file (broken);
  drop (folder, "ferry-fares.xml");
  wait_label (f, "Inbox (1)");
  lede_test_spin (1500);
  g_assert_cmpstr (inbox_label (f), ==, "Inbox (1)");
  {
    g_autoptr (GPtrArray) entries = lede_library_inbox_list (lede_window_get_library (f->window), NULL);

    g_assert_cmpuint (entries->len, ==, 2);
    for (guint i = 0; i < entries->len; i++)
      {
        LedeInboxEntry *one = g_ptr_array_index (entries, i);

        if (g_str_has_suffix (one->path, "broken.xml"))
          {
            g_assert_cmpint (one->state, ==, LEDE_INBOX_REFUSED);
            g_assert_nonnull (strstr (one->reason, "line"));
            /* Listed without a Take. */
            g_assert_null (lede_inbox_window_get_take_button (inbox, one->id));
          }
        else
          g_assert_nonnull (lede_inbox_window_get_take_button (inbox, one->id));
      }
  }
  after = lede_test_checksum_file (broken);
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (inbox));
  reset_settings ();
}

/* Preferences → Wire: a folder added is watched, and removed is not. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_auto (GStrv) folders = NULL;
  LedePreferencesWindow *preferences;
  LedeWirePage *page = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  preferences = lede_preferences_window_new (GTK_WINDOW (f->window), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  lede_test_spin (100);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (preferences)); w && page == NULL; )
    {
      if (LEDE_IS_WIRE_PAGE (w))
        page = LEDE_WIRE_PAGE (w);
      else if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (page);
  lede_wire_page_add_folder (page, folder);
  lede_wire_page_add_folder (page, folder);
  folders = g_settings_get_strv (settings, "wire-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, folder);
  drop (folder, "ferry-fares.xml");
  wait_label (f, "Inbox (1)");

  lede_wire_page_remove_folder (page, folder);
  g_clear_pointer (&folders, g_strfreev);
  folders = g_settings_get_strv (settings, "wire-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 0);
  drop (folder, "library-closure.xml");
  lede_test_spin (1800);
  g_assert_cmpstr (inbox_label (f), ==, "Inbox (1)");
  gtk_window_destroy (GTK_WINDOW (preferences));
  reset_settings ();
}

typedef struct
{
  Fixture    *f;
  gint64      id;
  const char *words;
} BodyHas;

static gboolean
body_has (gpointer data)
{
  BodyHas *has = data;
  g_autoptr (LedeArticle) story = lede_library_get_article (lede_window_get_library (has->f->window), has->id, NULL);

  return story != NULL && strstr (lede_article_get_body (story), has->words) != NULL;
}

/* A newer wire version of a story the desk has edited is shown as changes,
 * graf by graf: one graf taken keeps the desk's edit elsewhere; Take All
 * leaves none; nothing is applied before. */
static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *v1 = wire_path ("council-vote.json");
  LedeLibrary *library = lede_window_get_library (f->window);
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (LedeArticle) now = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = NULL;
  LedeWireChangesWindow *changes;
  LedeInboxWindow *inbox;
  BodyHas has = { f, 0, NULL };
  char *at;

  story = lede_import_file (library, v1, &error);
  g_assert_no_error (error);
  has.id = lede_article_get_id (story);
  /* The desk edits the quote's graf. */
  edited = g_strdup (lede_article_get_body (story));
  at = strstr (edited, "the council leader");
  g_assert_nonnull (at);
  {
    g_autofree char *head = g_strndup (edited, at - edited);

    g_free (edited);
    edited = g_strconcat (head, "the council’s leader", at + strlen ("the council leader"), NULL);
  }
  lede_article_set_body (story, edited);
  g_assert_true (lede_library_update_article (library, story, &error));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  watch_folders (folder);
  drop (folder, "council-vote-v2.json");
  wait_label (f, "Inbox (1)");
  entry = newest_entry (f);
  inbox = open_inbox (f);
  g_signal_emit_by_name (lede_inbox_window_get_take_button (inbox, entry->id), "clicked");
  lede_test_spin (200);

  g_assert_nonnull (f->window->wire_changes_window);
  changes = LEDE_WIRE_CHANGES_WINDOW (f->window->wire_changes_window);
  g_assert_cmpint (lede_wire_changes_window_get_story_id (changes), ==, has.id);
  /* The wire's "at least" in graf 1; the desk's own edit in graf 2. */
  g_assert_cmpuint (lede_wire_changes_window_count_grafs (changes), ==, 2);
  now = lede_library_get_article (library, has.id, NULL);
  g_assert_cmpstr (lede_article_get_body (now), ==, edited);
  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, lede_article_get_headline (story));

  g_signal_emit_by_name (lede_wire_changes_window_get_take_button (changes, 0), "clicked");
  has.words = "at least another year";
  lede_test_wait_until (body_has, &has, 10000);
  has.words = "the council’s leader";
  g_assert_true (body_has (&has));
  g_assert_cmpuint (lede_wire_changes_window_count_grafs (changes), ==, 1);

  g_signal_emit_by_name (lede_wire_changes_window_get_take_button (changes, -1), "clicked");
  has.words = "the council leader";
  lede_test_wait_until (body_has, &has, 10000);
  g_assert_cmpuint (lede_wire_changes_window_count_grafs (changes), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (lede_wire_changes_window_get_take_button (changes, -1)));

  gtk_window_destroy (GTK_WINDOW (changes));
  gtk_window_destroy (GTK_WINDOW (inbox));
  reset_settings ();
}

/* A notification server of the test's own (org.freedesktop.Notifications,
 * which GLib uses where no portal or GTK server is). */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static void
on_notification_call (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *path,
                      const char            *interface,
                      const char            *method,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               data)
{
  GPtrArray *summaries = data;

  if (g_str_equal (method, "Notify"))
    {
      const char *summary = NULL, *body = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (summaries, g_strdup_printf ("%s\n%s", summary, body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", summaries->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "lede", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
has_notification (gpointer data)
{
  return ((GPtrArray *)data)->len > 0;
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  *(gboolean *)data = TRUE;
}

/* A kill of a story the library has reaches the desk at once: recorded
 * without a Take, and a notification. */
static void
test_kill_notifies (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "wire", NULL);
  g_autofree char *v1 = wire_path ("council-vote.json");
  g_autoptr (GtkApplication) app = gtk_application_new ("io.github.ledeapp.Lede.TestInbox", G_APPLICATION_NON_UNIQUE);
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr (GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  GDBusInterfaceVTable vtable = { on_notification_call, NULL, NULL, { 0 } };
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (GError) error = NULL;
  LedeWindow *window;
  gboolean owned = FALSE;
  guint object_id, name_id;

  g_assert_nonnull (bus);
  object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0], &vtable,
                                                 summaries, NULL, &error);
  g_assert_no_error (error);
  name_id = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                          on_name_acquired, NULL, &owned, NULL);
  lede_test_wait_until (name_owned, &owned, 5000);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  window = lede_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lede_window_open_library (window, path));
  story = lede_import_file (lede_window_get_library (window), v1, &error);
  g_assert_no_error (error);
  watch_folders (folder);
  lede_test_spin (300);
  drop (folder, "council-vote-kill.json");
  lede_test_wait_until (has_notification, summaries, 10000);
  g_assert_cmpstr (g_ptr_array_index (summaries, 0), ==,
                   "Wire Kill: “Council votes to keep Tarvey ferry running”\n"
                   "The wire killed this story. Lede holds it back from every way out.");
  /* Recorded, not waiting for a Take. */
  g_assert_cmpstr (adw_button_content_get_label (window->inbox_button_content), ==, "Inbox");
  {
    LedeLibraryWire wire = { 0 };

    g_assert_cmpint (lede_library_find_wire (lede_window_get_library (window),
                                             "urn:newsml:example-wire.test:20261128:council-vote", &wire, NULL), ==,
                     lede_article_get_id (story));
    g_assert_cmpstr (wire.pubstatus, ==, "canceled");
    lede_library_wire_clear (&wire);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  reset_settings ();
  g_bus_unown_name (name_id);
  g_dbus_connection_unregister_object (bus, object_id);
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/lede/ui-inbox/take", Fixture, NULL, fixture_setup, test_take, fixture_teardown);
  g_test_add ("/lede/ui-inbox/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/lede/ui-inbox/changes", Fixture, NULL, fixture_setup, test_changes, fixture_teardown);
  g_test_add ("/lede/ui-inbox/preferences", Fixture, NULL, fixture_setup, test_preferences, fixture_teardown);
  g_test_add_func ("/lede/ui-inbox/kill-notifies", test_kill_notifies);
  return g_test_run ();
}
