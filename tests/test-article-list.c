/* test-article-list.c: the library's stories as a list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include <string.h>

#include "lede-article-list.h"
#include "lede-test-utils.h"

typedef struct {
  guint position, removed, added, count;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static gint64
add_story (LedeLibrary *library,
           const char  *headline)
{
  g_autoptr (LedeArticle) article = lede_article_new ();

  lede_article_set_headline (article, headline);
  g_assert_true (lede_library_create_article (library, article, NULL));
  return lede_article_get_id (article);
}

static void
assert_change (Change *change,
               guint   position,
               guint   removed,
               guint   added)
{
  g_assert_cmpuint (change->count, ==, 1);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  memset (change, 0, sizeof *change);
}

static void
test_follows_library (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = NULL;
  g_autoptr (LedeArticleList) trash = NULL;
  g_autoptr (LedeArticle) first = NULL;
  g_autoptr (LedeArticle) again = NULL;
  Change change = { 0 };
  gint64 a, b, c, d;

  a = add_story (library, "Oldest: the mill reopens");
  b = add_story (library, "Middle: bus timetable cut");
  c = add_story (library, "Newest: flood warning lifted");

  list = lede_article_list_new (library, FALSE);
  trash = lede_article_list_new (library, TRUE);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LEDE_TYPE_ARTICLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* Newest first, and one object per story while anyone holds it. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (lede_article_get_id (first), ==, c);
  g_assert_cmpstr (lede_article_get_headline (first), ==, "Newest: flood warning lifted");
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_assert_cmpuint (lede_article_list_find (list, a), ==, 2);
  g_assert_cmpuint (lede_article_list_find (list, 424242), ==, G_MAXUINT);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* Only the stretch that changed is reported. */
  d = add_story (library, "Breaking: ferry delayed");
  assert_change (&change, 0, 0, 1);
  g_assert_cmpuint (lede_article_list_find (list, d), ==, 0);

  g_assert_true (lede_library_trash_article (library, b, NULL));
  assert_change (&change, 2, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 1);

  g_assert_true (lede_library_restore_article (library, b, NULL));
  assert_change (&change, 2, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trash)), ==, 0);

  g_clear_object (&first);
  g_clear_object (&again);
  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&trash));
  g_assert_finalize_object (g_steal_pointer (&library));
  lede_test_rmdir (dir);
}

static void
test_items_are_released (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = NULL;
  LedeArticle *article;

  add_story (library, "Only story");
  list = lede_article_list_new (library, FALSE);

  /* The list caches weakly: a row nobody shows costs no memory. */
  article = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_finalize_object (article);
  article = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (lede_article_get_headline (article), ==, "Only story");
  g_object_unref (article);

  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&library));
  lede_test_rmdir (dir);
}

static char *
headlines (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedeArticle) article = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? ", " : "", lede_article_get_headline (article));
    }
  return g_string_free (out, FALSE);
}

/* Newest first, last changed first, headline A–Z (in any case); the same
 * objects in their new places, so a view can keep its selection. */
static void
test_orders (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = NULL;
  g_autoptr (LedeArticle) held = NULL;
  g_autoptr (LedeArticle) moved = NULL;
  g_autofree char *newest = NULL, *changed = NULL, *by_headline = NULL;
  gint64 first;

  first = add_story (library, "harbour dues rise");
  add_story (library, "Bakery closes");
  add_story (library, "Ferry returns");
  list = lede_article_list_new (library, FALSE);
  newest = headlines (G_LIST_MODEL (list));
  g_assert_cmpstr (newest, ==, "Ferry returns, Bakery closes, harbour dues rise");

  held = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (lede_article_list_set_order (list, LEDE_STORY_ORDER_HEADLINE, NULL));
  by_headline = headlines (G_LIST_MODEL (list));
  g_assert_cmpstr (by_headline, ==, "Bakery closes, Ferry returns, harbour dues rise");
  moved = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (moved == held);

  /* The oldest story, saved last (the time set by hand, as saves within
   * one second would tie). */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE articles SET updated_at = '2031-01-01T00:00:00Z' WHERE id = %"
                                            G_GINT64_FORMAT, first);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (lede_article_list_set_order (list, LEDE_STORY_ORDER_LAST_CHANGED, NULL));
  changed = headlines (G_LIST_MODEL (list));
  g_assert_true (g_str_has_prefix (changed, "harbour dues rise, "));

  g_clear_object (&held);
  g_clear_object (&moved);
  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&library));
  lede_test_rmdir (dir);
}

/* Search results in and out: a short list swaps in one change; a long one
 * goes as all removed, then all added, so a list view does not read every
 * story looking for the rows it had. */
static void
test_pinned_swaps (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = lede_article_list_new (library, FALSE);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  Change change = { 0 };
  guint n = 1200;

  g_assert_true (lede_library_begin_batch (library, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Tide report %u", i);
      gint64 id = add_story (library, headline);

      if (i % 100 == 0)
        g_array_append_val (hits, id);
    }
  g_assert_true (lede_library_end_batch (library, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  lede_article_list_set_pinned (list, hits);
  assert_change (&change, 0, n, hits->len);

  /* Back to every story: removed, then added. */
  lede_article_list_set_pinned (list, NULL);
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_signal_handlers_disconnect_by_data (list, &change);
  g_clear_object (&list);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
wait_loaded (LedeArticleList *list)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (lede_article_list_is_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
assert_ids (LedeArticleList *list,
            const gint64    *expected,
            guint            n)
{
  GArray *ids = lede_article_list_get_ids (list);

  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

/* A long list is read on a worker: the list holds what it had until the
 * ids are read, then reports what differs; reads asked for meanwhile make
 * one more, and search results pinned meanwhile are not overwritten. */
static void
test_read_on_worker (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = NULL;
  g_autoptr (GArray) pinned = g_array_new (FALSE, FALSE, sizeof (gint64));
  Change change = { 0 };
  guint notified = 0;
  gint64 a, b, c, d, e;

  a = add_story (library, "Ferry timetable");
  b = add_story (library, "Harbour wall");
  list = lede_article_list_new (library, FALSE);
  lede_article_list_set_worker_from (list, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect (list, "notify::loading", G_CALLBACK (count_notify), &notified);

  /* A story added: the list as it was until the worker has read it. */
  c = add_story (library, "Council budget");
  g_assert_true (lede_article_list_is_loading (list));
  g_assert_cmpuint (change.count, ==, 0);
  {
    const gint64 before[] = { b, a };
    assert_ids (list, before, 2);
  }
  wait_loaded (list);
  assert_change (&change, 0, 0, 1);
  {
    const gint64 after[] = { c, b, a };
    assert_ids (list, after, 3);
  }
  g_assert_cmpuint (notified, ==, 2);

  /* Two changes while one read runs: one more read, the newest shown. */
  d = add_story (library, "Dredging begins");
  g_assert_true (lede_library_trash_article (library, a, NULL));
  wait_loaded (list);
  {
    const gint64 after[] = { d, c, b };
    assert_ids (list, after, 3);
  }

  /* Search results pinned while a read runs stay. */
  g_assert_true (lede_library_trash_article (library, b, NULL));
  g_array_append_val (pinned, c);
  lede_article_list_set_pinned (list, pinned);
  wait_loaded (list);
  {
    const gint64 after[] = { c };
    assert_ids (list, after, 1);
  }
  /* And the whole list again, read on the worker. */
  lede_article_list_set_pinned (list, NULL);
  g_assert_true (lede_article_list_is_loading (list));
  wait_loaded (list);
  {
    const gint64 after[] = { d, c };
    assert_ids (list, after, 2);
  }

  /* A story added in a batch (lede-cli import into a running Lede): read
   * once the batch is on disk, since the worker's connection sees only
   * what is committed. */
  g_assert_true (lede_library_begin_batch (library, NULL));
  e = add_story (library, "Lifeboat launched");
  g_assert_false (lede_article_list_is_loading (list));
  g_assert_true (lede_library_end_batch (library, NULL));
  wait_loaded (list);
  {
    const gint64 after[] = { e, d, c };
    assert_ids (list, after, 3);
  }
  /* A list dropped while it is read goes at once, on this thread; the
   * read ends with no one to tell. */
  {
    gpointer gone = list;

    g_object_add_weak_pointer (G_OBJECT (list), &gone);
    add_story (library, "Pier closed");
    g_assert_true (lede_article_list_is_loading (list));
    g_clear_object (&list);
    g_assert_null (gone);
    for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, FALSE);
  }
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

/* A list asked for anew on the worker (another order, here) shows its
 * first page as soon as that is read, "loading" still, then the rest
 * after it; a story added later is one change, not a page again. */
static void
test_first_page_first (void)
{
  g_autofree char *dir = lede_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (LedeLibrary) library = lede_library_open (path, NULL);
  g_autoptr (LedeArticleList) list = NULL;
  g_autoptr (GArray) expected = NULL;
  Change change = { 0 };
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (lede_library_begin_batch (library, NULL));
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Tide table %03u", (i * 37) % 250);

      add_story (library, headline);
    }
  g_assert_true (lede_library_end_batch (library, NULL));
  list = lede_article_list_new (library, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  lede_article_list_set_worker_from (list, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  g_assert_true (lede_article_list_set_order (list, LEDE_STORY_ORDER_HEADLINE, NULL));
  while (change.count == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (lede_article_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  memset (&change, 0, sizeof change);
  wait_loaded (list);
  assert_change (&change, 100, 0, 150);
  expected = lede_library_list_ids_sorted (library, FALSE, -1, NULL, NULL, LEDE_STORY_ORDER_HEADLINE, NULL);
  assert_ids (list, (const gint64 *)(gpointer)expected->data, expected->len);
  {
    g_autoptr (LedeArticle) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (lede_article_get_headline (first), ==, "Tide table 000");
  }

  add_story (library, "Tide table 100a");
  wait_loaded (list);
  assert_change (&change, 101, 0, 1);
  g_clear_object (&list);
  g_clear_object (&library);
  lede_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/article-list/follows-library", test_follows_library);
  g_test_add_func ("/lede/article-list/items-are-released", test_items_are_released);
  g_test_add_func ("/lede/article-list/orders", test_orders);
  g_test_add_func ("/lede/article-list/pinned-swaps", test_pinned_swaps);
  g_test_add_func ("/lede/article-list/read-on-worker", test_read_on_worker);
  g_test_add_func ("/lede/article-list/first-page-first", test_first_page_first);

  return g_test_run ();
}
