/* test-inbox.c: the wire inbox: its table (schema 14, migrated from 13),
 * the watcher on real folders (files appearing, growing, refused, polled,
 * known again after a restart), Take through the import path, a newer
 * version that waits, a kill recorded at once, and lede-cli inbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "lede-checks.h"
#include "lede-diff.h"
#include "lede-inbox.h"
#include "lede-library-schema.h"
#include "lede-wire-watcher.h"
#include "lede-test-library-fixture.h"

static char *
wire_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "wires", name, NULL);
}

/* Copies a sample wire into @folder as @as, written whole at once. */
static char *
drop (const char *folder,
      const char *name,
      const char *as)
{
  g_autofree char *from = wire_path (name);
  g_autofree char *data = NULL;
  char *to = g_build_filename (folder, as ? as : name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
  return to;
}

typedef struct
{
  GArray *arrived;   /* entry ids */
  GArray *killed;    /* story ids */
  GPtrArray *failed;
} Heard;

static void
on_arrived (LedeWireWatcher *watcher,
            gint64           id,
            Heard           *heard)
{
  g_array_append_val (heard->arrived, id);
}

static void
on_killed (LedeWireWatcher *watcher,
           gint64           entry,
           gint64           story,
           Heard           *heard)
{
  g_array_append_val (heard->killed, story);
}

static void
on_failed (LedeWireWatcher *watcher,
           const char      *message,
           Heard           *heard)
{
  g_ptr_array_add (heard->failed, g_strdup (message));
}

static LedeWireWatcher *
watch (LedeLibrary *library,
       const char  *folder,
       Heard       *heard)
{
  LedeWireWatcher *watcher = lede_wire_watcher_new (library);

  heard->arrived = g_array_new (FALSE, FALSE, sizeof (gint64));
  heard->killed = g_array_new (FALSE, FALSE, sizeof (gint64));
  heard->failed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (watcher, "arrived", G_CALLBACK (on_arrived), heard);
  g_signal_connect (watcher, "killed", G_CALLBACK (on_killed), heard);
  g_signal_connect (watcher, "failed", G_CALLBACK (on_failed), heard);
  if (folder)
    lede_wire_watcher_set_folders (watcher, (const char * const[]) { folder, NULL });
  return watcher;
}

static void
heard_clear (Heard *heard)
{
  g_clear_pointer (&heard->arrived, g_array_unref);
  g_clear_pointer (&heard->killed, g_array_unref);
  g_clear_pointer (&heard->failed, g_ptr_array_unref);
}

typedef struct
{
  Heard *heard;
  guint  n;
} Count;

static gboolean
arrived_n (gpointer data)
{
  Count *count = data;

  return count->heard->arrived->len >= count->n;
}

static gboolean
idle (gpointer data)
{
  return lede_wire_watcher_is_idle (data);
}

static void
wait_arrived (Heard *heard,
              guint  n)
{
  Count count = { heard, n };

  lede_test_wait_until (arrived_n, &count, 10000);
  g_assert_cmpuint (heard->failed->len, ==, 0);
}

static LedeInboxEntry *
entry_at (LedeLibrary *library,
          Heard       *heard,
          guint        i)
{
  g_autoptr (GError) error = NULL;
  LedeInboxEntry *entry = lede_library_inbox_get (library, g_array_index (heard->arrived, gint64, i), &error);

  g_assert_no_error (error);
  return entry;
}

static gboolean
blocks (LedeArticle *article)
{
  LedeCheckStory *story = lede_check_story_new (article, NULL, NULL);
  g_autoptr (GPtrArray) findings = lede_checks_run (story, NULL);
  gboolean found = FALSE;

  lede_check_story_free (story);
  for (guint i = 0; i < findings->len; i++)
    {
      LedeFinding *finding = g_ptr_array_index (findings, i);

      found |= finding->kind == LEDE_CHECK_WIRE && finding->severity == LEDE_SEVERITY_BLOCKING;
    }
  return found;
}

/* A library of schema 13 gains an empty inbox, its stories whole; a
 * reader of the old file sees an empty inbox and changes nothing. */
static void
test_migration (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                                  LEDE_LIBRARY_APPLICATION_ID, LEDE_LIBRARY_INBOX_SCHEMA - 1);
  g_autoptr (LedeLibrary) reader = NULL;
  g_autoptr (LedeLibrary) writer = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (LedeInboxEntry) entry = lede_inbox_entry_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int m = 0; m < LEDE_LIBRARY_INBOX_SCHEMA - 1; m++)
    g_assert_cmpint (sqlite3_exec (db, MIGRATIONS[m], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles (uuid, headline, body, created_at, updated_at) "
                                     "VALUES ('9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30', 'Pier reopens', 'At last.', "
                                     "'2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = lede_test_checksum_file (path);

  reader = lede_library_open_for_reading (path, NULL);
  g_assert_nonnull (reader);
  entries = lede_library_inbox_list (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpint (lede_library_inbox_count_waiting (reader), ==, 0);
  g_clear_object (&reader);
  g_clear_pointer (&entries, g_ptr_array_unref);
  after = lede_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);

  writer = lede_library_open (path, NULL);
  g_assert_nonnull (writer);
  g_assert_cmpint (lede_library_get_schema_version (writer), ==, LEDE_LIBRARY_SCHEMA_VERSION);
  story = lede_library_get_article_by_uuid (writer, "9b0d5a4e-4c1f-4f0e-9a51-6c2d8e1f7a30", NULL);
  g_assert_cmpstr (lede_article_get_headline (story), ==, "Pier reopens");
  entry->path = g_strdup ("/srv/wire/pier.json");
  entry->headline = g_strdup ("Pier reopens at last");
  g_assert_true (lede_library_inbox_add (writer, entry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_inbox_count_waiting (writer), ==, 1);
  g_clear_object (&writer);
  lede_test_rmdir (dir);
}

/* The table: newest first, known again, settled, and pruned after 30 days
 * (waiting entries never). */
static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static ("{}", 2);
  g_autoptr (GBytes) kept = NULL;
  const char *names[] = { "old-refused", "recent-refused", "waiting-old", "waiting-new" };
  const int ages[] = { 31, 29, 40, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (LedeInboxEntry) entry = lede_inbox_entry_new ();

      entry->path = g_strdup_printf ("/srv/wire/%s.json", names[i]);
      entry->size = 2;
      entry->mtime_us = 1000 + i;
      entry->sha256 = g_strdup_printf ("%064u", i);
      entry->headline = g_strdup (names[i]);
      entry->arrived_at = g_date_time_add_days (now, -ages[i]);
      entry->state = g_str_has_suffix (names[i], "refused") ? LEDE_INBOX_REFUSED : LEDE_INBOX_WAITING;
      g_assert_true (lede_library_inbox_add (f->library, entry, bytes, &error));
      g_assert_no_error (error);
      g_assert_cmpint (entry->id, >, 0);
    }
  /* The first went as the later ones were added: settled 31 days ago. */
  entries = lede_library_inbox_list (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((LedeInboxEntry *)g_ptr_array_index (entries, 0))->headline, ==, "waiting-new");
  g_assert_cmpstr (((LedeInboxEntry *)g_ptr_array_index (entries, 1))->headline, ==, "recent-refused");
  g_assert_cmpstr (((LedeInboxEntry *)g_ptr_array_index (entries, 2))->headline, ==, "waiting-old");
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 2);

  g_assert_true (lede_library_inbox_knows (f->library, "/srv/wire/waiting-new.json", 2, 1003, NULL));
  g_assert_false (lede_library_inbox_knows (f->library, "/srv/wire/waiting-new.json", 3, 1003, NULL));
  /* Written again with the same bytes: known by them. */
  g_assert_true (lede_library_inbox_knows (f->library, "/srv/wire/waiting-new.json", 2, 5000,
                                           "0000000000000000000000000000000000000000000000000000000000000003"));
  g_assert_false (lede_library_inbox_knows (f->library, "/srv/wire/elsewhere.json", 2, 1003, NULL));

  /* A refused entry keeps no bytes; a waiting one does until settled. */
  kept = lede_library_inbox_dup_data (f->library, ((LedeInboxEntry *)g_ptr_array_index (entries, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (kept), ==, 2);
  g_assert_null (lede_library_inbox_dup_data (f->library, ((LedeInboxEntry *)g_ptr_array_index (entries, 1))->id,
                                              &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lede_library_inbox_settle (f->library, ((LedeInboxEntry *)g_ptr_array_index (entries, 2))->id,
                                            LEDE_INBOX_TAKEN, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 1);

  /* Thirty days on, what was settled today is still kept; 31 days on, gone. */
  {
    g_autoptr (GDateTime) later = g_date_time_add_days (now, 30);
    g_autoptr (GDateTime) much_later = g_date_time_add_days (now, 32);
    g_autoptr (GPtrArray) left = NULL;

    g_assert_true (lede_library_inbox_prune (f->library, later, &error));
    g_clear_pointer (&left, g_ptr_array_unref);
    left = lede_library_inbox_list (f->library, NULL);
    g_assert_cmpuint (left->len, ==, 2);
    g_assert_true (lede_library_inbox_prune (f->library, much_later, &error));
    g_clear_pointer (&left, g_ptr_array_unref);
    left = lede_library_inbox_list (f->library, NULL);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (((LedeInboxEntry *)g_ptr_array_index (left, 0))->headline, ==, "waiting-new");
  }
}

/* A wire dropped into a watched folder arrives with its fields; Take makes
 * it a draft in the library and leaves the file where it is. A restart
 * reads nothing again. */
static void
test_watch_and_take (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *dropped = NULL;
  g_autoptr (LedeWireWatcher) watcher = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (LedeArticle) story = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *provider = NULL;
  LedeImportOutcome outcome = LEDE_IMPORT_UPDATED;
  Heard heard = { 0 };
  gint64 started;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  watcher = watch (f->library, folder, &heard);
  g_assert_false (lede_wire_watcher_is_polled (watcher, folder));
  lede_test_wait_until (idle, watcher, 5000);

  started = g_get_monotonic_time ();
  dropped = drop (folder, "council-vote.json", NULL);
  wait_arrived (&heard, 1);
  /* Within a second of settling, not on the next poll. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2500 * 1000);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_WAITING);
  g_assert_cmpstr (entry->headline, ==, "Council votes to keep Tarvey ferry running");
  g_assert_cmpstr (entry->format, ==, "ninjs");
  g_assert_cmpstr (entry->version, ==, "1");
  g_assert_cmpstr (entry->path, ==, dropped);
  g_assert_cmpstr (entry->pubstatus, ==, "usable");
  g_assert_cmpstr (entry->byline, !=, "");
  g_assert_cmpstr (entry->dateline, !=, "");
  g_assert_nonnull (strstr (entry->keywords, "Transport"));
  provider = lede_inbox_entry_dup_provider (entry);
  g_assert_cmpstr (provider, ==, "example-wire.test");
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 1);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);

  story = lede_inbox_take (f->library, entry->id, &outcome, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_ADDED);
  g_assert_cmpint (lede_article_get_status (story), ==, LEDE_ARTICLE_STATUS_DRAFT);
  g_assert_cmpstr (lede_article_get_headline (story), ==, "Council votes to keep Tarvey ferry running");
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 0);
  g_clear_pointer (&entry, lede_inbox_entry_free);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_TAKEN);
  g_assert_cmpint (entry->article_id, ==, lede_article_get_id (story));
  g_assert_true (g_file_test (dropped, G_FILE_TEST_IS_REGULAR));
  /* Taken once: a second Take says so. */
  g_assert_null (lede_inbox_take (f->library, entry->id, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDE_LIBRARY_ERROR, LEDE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Lede starts again on the same folder: nothing arrives twice. */
  g_clear_object (&watcher);
  heard_clear (&heard);
  watcher = watch (f->library, folder, &heard);
  lede_test_wait_until (idle, watcher, 5000);
  lede_test_spin (1500);
  g_assert_cmpuint (heard.arrived->len, ==, 0);
  heard_clear (&heard);
}

/* A file written in pieces is read once, whole, after it has stood still
 * for a second. */
static void
test_growing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *from = wire_path ("council-vote.json");
  g_autofree char *path = g_build_filename (folder, "council-vote.json", NULL);
  g_autofree char *whole = NULL;
  g_autoptr (LedeWireWatcher) watcher = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  Heard heard = { 0 };
  gsize len, step, written = 0;
  FILE *out;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (from, &whole, &len, NULL));
  watcher = watch (f->library, folder, &heard);
  lede_test_wait_until (idle, watcher, 5000);

  out = fopen (path, "w");
  g_assert_nonnull (out);
  step = len / 5 + 1;
  while (written < len)
    {
      gsize n = MIN (step, len - written);

      g_assert_cmpuint (fwrite (whole + written, 1, n, out), ==, n);
      fflush (out);
      written += n;
      /* Half-written, it would be refused as broken JSON. */
      lede_test_spin (400);
      g_assert_cmpuint (heard.arrived->len, ==, 0);
    }
  fclose (out);
  wait_arrived (&heard, 1);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_WAITING);
  g_assert_cmpint (entry->size, ==, (gint64)len);
  g_assert_cmpstr (entry->headline, ==, "Council votes to keep Tarvey ferry running");
  lede_test_spin (1500);
  g_assert_cmpuint (heard.arrived->len, ==, 1);
  heard_clear (&heard);
}

/* A file no reader can read is listed as refused with the reason, left
 * where it is as it was, and not read again; a hidden or partial one is
 * passed over. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *broken = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *partial = NULL;
  g_autoptr (LedeWireWatcher) watcher = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  Heard heard = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  watcher = watch (f->library, folder, &heard);
  lede_test_wait_until (idle, watcher, 5000);
  partial = drop (folder, "council-vote-v2.json", "council-vote-v2.json.part");
  g_clear_pointer (&partial, g_free);
  partial = drop (folder, "council-vote-v3.json", ".council-vote-v3.json");
  broken = drop (folder, "broken.xml", NULL);
  before = lede_test_checksum_file (broken);
  wait_arrived (&heard, 1);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_REFUSED);
  g_assert_cmpstr (entry->reason, !=, "");
  g_assert_nonnull (entry->settled_at);
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 0);
  lede_test_spin (1500);
  g_assert_cmpuint (heard.arrived->len, ==, 1);
  after = lede_test_checksum_file (broken);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 0);

  /* A file gone once it settled (a sync tool took it back) is not listed. */
  {
    g_autofree char *gone = g_build_filename (folder, "gone.json", NULL);
    g_autoptr (GBytes) bytes = NULL;

    g_assert_null (lede_inbox_read_file (gone, 10, 1000, &bytes));
    g_assert_null (bytes);
  }
  heard_clear (&heard);
}

/* A newer version of a story the library has waits in the inbox, never
 * applied by the watcher; Take updates it as import does. A kill of it is
 * recorded at once, and the story is blocked from going out. */
static void
test_newer_waits_kill_at_once (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *v1 = wire_path ("council-vote.json");
  g_autoptr (LedeWireWatcher) watcher = NULL;
  g_autoptr (LedeArticle) first = NULL;
  g_autoptr (LedeArticle) now = NULL;
  g_autoptr (LedeArticle) updated = NULL;
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body_before = NULL;
  g_autofree char *dropped = NULL;
  LedeImportOutcome outcome = LEDE_IMPORT_ADDED;
  Heard heard = { 0 };

  first = lede_import_file (f->library, v1, &error);
  g_assert_no_error (error);
  body_before = g_strdup (lede_article_get_body (first));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  watcher = watch (f->library, folder, &heard);
  lede_test_wait_until (idle, watcher, 5000);

  dropped = drop (folder, "council-vote-v2.json", NULL);
  wait_arrived (&heard, 1);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_WAITING);
  g_assert_cmpstr (entry->version, ==, "2");
  lede_test_spin (1200);
  now = lede_library_get_article (f->library, lede_article_get_id (first), NULL);
  g_assert_cmpstr (lede_article_get_body (now), ==, body_before);

  updated = lede_inbox_take (f->library, entry->id, &outcome, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LEDE_IMPORT_UPDATED);
  g_assert_cmpint (lede_article_get_id (updated), ==, lede_article_get_id (first));
  g_assert_cmpstr (lede_article_get_body (updated), !=, body_before);
  g_assert_cmpint (lede_library_count_articles (f->library, FALSE, NULL), ==, 1);

  /* The kill: recorded without a Take, the words left as they are. */
  g_clear_object (&now);
  g_free (drop (folder, "council-vote-kill.json", NULL));
  wait_arrived (&heard, 2);
  g_assert_cmpuint (heard.killed->len, ==, 1);
  g_assert_cmpint (g_array_index (heard.killed, gint64, 0), ==, lede_article_get_id (first));
  g_clear_pointer (&entry, lede_inbox_entry_free);
  entry = entry_at (f->library, &heard, 1);
  g_assert_cmpint (entry->state, ==, LEDE_INBOX_TAKEN);
  g_assert_cmpstr (entry->pubstatus, ==, "canceled");
  now = lede_library_get_article (f->library, lede_article_get_id (first), NULL);
  g_assert_cmpstr (lede_article_get_body (now), ==, lede_article_get_body (updated));
  g_assert_true (blocks (now));
  g_assert_cmpint (lede_library_inbox_count_waiting (f->library), ==, 0);
  heard_clear (&heard);
}

/* A folder no monitor hears (a share) is looked at every few seconds. */
static void
test_polled (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "share", NULL);
  g_autoptr (LedeWireWatcher) watcher = lede_wire_watcher_new (f->library);
  g_autoptr (LedeInboxEntry) entry = NULL;
  g_autofree char *dropped = NULL;
  Heard heard = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_clear_object (&watcher);
  watcher = watch (f->library, NULL, &heard);
  lede_wire_watcher_set_poll_all (watcher, TRUE, 500);
  lede_wire_watcher_set_folders (watcher, (const char * const[]) { folder, NULL });
  g_assert_true (lede_wire_watcher_is_polled (watcher, folder));
  dropped = drop (folder, "library-closure.xml", NULL);
  wait_arrived (&heard, 1);
  entry = entry_at (f->library, &heard, 0);
  g_assert_cmpstr (entry->format, ==, "NITF");
  g_assert_cmpstr (entry->headline, ==, "Kellswick library to close on Saturdays");
  /* No longer watched: a file dropped there stays out. */
  lede_wire_watcher_set_folders (watcher, NULL);
  g_clear_pointer (&dropped, g_free);
  dropped = drop (folder, "ferry-fares.xml", NULL);
  lede_test_spin (1800);
  g_assert_cmpuint (heard.arrived->len, ==, 1);
  heard_clear (&heard);
}

/* lede-cli inbox, in words and in JSON, from a reader. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "wire", NULL);
  g_autofree char *library = g_strdup (lede_library_get_path (f->library));
  g_autoptr (LedeWireWatcher) watcher = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *a = NULL, *b = NULL;
  JsonArray *array;
  JsonObject *refused = NULL, *waiting = NULL;
  Heard heard = { 0 };

  if (g_getenv ("LEDE_CLI") == NULL)
    {
      g_test_skip ("LEDE_CLI is not set");
      return;
    }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  watcher = watch (f->library, folder, &heard);
  a = drop (folder, "ferry-fares.xml", NULL);
  b = drop (folder, "broken.xml", NULL);
  wait_arrived (&heard, 2);

  g_assert_cmpint (lede_test_run_cli ((const char * const[]) { "--library", library, "inbox", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "waiting\t"));
  g_assert_nonnull (strstr (out, "refused\t"));
  g_assert_nonnull (strstr (out, "\tferry-fares.xml\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char * const[]) { "--library", library, "inbox", "--json", NULL }, &out, &err),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "state"), "refused"))
        refused = object;
      else
        waiting = object;
    }
  g_assert_nonnull (refused);
  g_assert_nonnull (waiting);
  g_assert_cmpstr (json_object_get_string_member (waiting, "file"), ==, a);
  g_assert_cmpstr (json_object_get_string_member (waiting, "format"), ==, "NewsML-G2");
  g_assert_cmpstr (json_object_get_string_member (waiting, "reason"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (refused, "file"), ==, b);
  g_assert_cmpstr (json_object_get_string_member (refused, "reason"), !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (lede_test_run_cli ((const char * const[]) { "--library", library, "inbox", "now", NULL }, &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "inbox takes no words"));
  heard_clear (&heard);
}

/* The wire's changes graf by graf: one graf taken leaves the others as
 * the desk wrote them; all taken is the wire's text. */
static void
test_diff_grafs (void)
{
  static const struct { const char *old, *new; int grafs[3]; const char *graf0, *last; } cases[] = {
    { "The council met.\n\nIt voted 7 to 2.\n\nThe ferry runs on.\n",
      "The council met on Tuesday.\n\nIt voted 7 to 2.\n\nThe ferry runs on, for now.\n",
      { 0, 2, -1 },
      "The council met on Tuesday.\n\nIt voted 7 to 2.\n\nThe ferry runs on.\n",
      "The council met.\n\nIt voted 7 to 2.\n\nThe ferry runs on, for now.\n" },
    /* A graf added at the end belongs to the last. */
    { "Fares rise.\n\nBy a tenth.\n",
      "Fares rise.\n\nBy a tenth.\n\nFrom January.\n",
      { 1, -1, -1 },
      "Fares rise.\n\nBy a tenth.\n",
      "Fares rise.\n\nBy a tenth.\n\nFrom January.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) spans = lede_diff_words (cases[i].old, cases[i].new);
      g_autoptr (GArray) placed = lede_diff_place_grafs (cases[i].old, spans);
      g_autoptr (GArray) grafs = lede_diff_changed_grafs (placed);
      g_autofree char *all = lede_diff_apply_graf (cases[i].old, cases[i].new, placed, -1);
      g_autofree char *first = lede_diff_apply_graf (cases[i].old, cases[i].new, placed, 0);
      g_autofree char *last = NULL;
      guint n = 0;

      while (n < 3 && cases[i].grafs[n] >= 0)
        n++;
      g_assert_cmpuint (grafs->len, ==, n);
      for (guint k = 0; k < n; k++)
        g_assert_cmpint (g_array_index (grafs, int, k), ==, cases[i].grafs[k]);
      g_assert_cmpstr (all, ==, cases[i].new);
      g_assert_cmpstr (first, ==, cases[i].graf0);
      last = lede_diff_apply_graf (cases[i].old, cases[i].new, placed, g_array_index (grafs, int, n - 1));
      g_assert_cmpstr (last, ==, cases[i].last);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/inbox/migration", test_migration);
  g_test_add_func ("/lede/inbox/diff-grafs", test_diff_grafs);
  g_test_add ("/lede/inbox/store", Fixture, NULL, fixture_setup, test_store, fixture_teardown);
  g_test_add ("/lede/inbox/watch-and-take", Fixture, NULL, fixture_setup, test_watch_and_take, fixture_teardown);
  g_test_add ("/lede/inbox/growing", Fixture, NULL, fixture_setup, test_growing, fixture_teardown);
  g_test_add ("/lede/inbox/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/lede/inbox/newer-waits-kill-at-once", Fixture, NULL, fixture_setup, test_newer_waits_kill_at_once,
              fixture_teardown);
  g_test_add ("/lede/inbox/polled", Fixture, NULL, fixture_setup, test_polled, fixture_teardown);
  g_test_add ("/lede/inbox/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);

  return g_test_run ();
}
