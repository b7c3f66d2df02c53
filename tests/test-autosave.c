/* test-autosave.c: when the open story is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "lede-autosave.h"
#include "lede-test-utils.h"

typedef struct {
  guint    saves;
  gboolean fail;
} Writer;

static gboolean
write_story (gpointer   user_data,
             GError   **error)
{
  Writer *writer = user_data;

  writer->saves++;
  if (writer->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Could not save the story: the disk is full");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_saved (gpointer data)
{
  return lede_autosave_get_state (data) == LEDE_SAVE_STATE_SAVED;
}

static gboolean
is_failed (gpointer data)
{
  return lede_autosave_get_state (data) == LEDE_SAVE_STATE_FAILED;
}

static void
test_saves_after_pause (void)
{
  g_autoptr (LedeAutosave) autosave = lede_autosave_new (50, 2000);
  Writer writer = { 0 };

  lede_autosave_set_func (autosave, write_story, &writer);
  g_assert_cmpint (lede_autosave_get_state (autosave), ==, LEDE_SAVE_STATE_SAVED);

  lede_autosave_touch (autosave);
  lede_autosave_touch (autosave);
  g_assert_cmpint (lede_autosave_get_state (autosave), ==, LEDE_SAVE_STATE_PENDING);
  g_assert_cmpuint (writer.saves, ==, 0);

  lede_test_wait_until (is_saved, autosave, 1000);
  g_assert_cmpuint (writer.saves, ==, 1);

  /* Nothing changed, so nothing more is written. */
  lede_test_spin (150);
  g_assert_cmpuint (writer.saves, ==, 1);
  g_assert_true (lede_autosave_flush (autosave, NULL));
  g_assert_cmpuint (writer.saves, ==, 1);
}

typedef struct {
  LedeAutosave *autosave;
  guint         touches;
} Typist;

static gboolean
type_a_key (gpointer data)
{
  Typist *typist = data;

  lede_autosave_touch (typist->autosave);
  typist->touches++;
  return G_SOURCE_CONTINUE;
}

static gboolean
typed_enough (gpointer data)
{
  return ((Typist *)data)->touches >= 60;
}

static void
test_saves_while_typing (void)
{
  /* The pause never comes (a key every 10 ms, pause 100 ms), so only the
   * longest wait (150 ms) can save: at least twice in 600 ms of typing. */
  g_autoptr (LedeAutosave) autosave = lede_autosave_new (100, 150);
  Writer writer = { 0 };
  Typist typist = { autosave, 0 };
  guint id;

  lede_autosave_set_func (autosave, write_story, &writer);
  id = g_timeout_add (10, type_a_key, &typist);
  lede_test_wait_until (typed_enough, &typist, 5000);
  g_source_remove (id);

  g_test_message ("%u saves during %u keys", writer.saves, typist.touches);
  g_assert_cmpuint (writer.saves, >=, 2);
}

static void
test_failure_retries (void)
{
  g_autoptr (LedeAutosave) autosave = lede_autosave_new (20, 100);
  g_autoptr (GError) error = NULL;
  Writer writer = { 0, TRUE };

  lede_autosave_set_func (autosave, write_story, &writer);
  lede_autosave_touch (autosave);
  lede_test_wait_until (is_failed, autosave, 1000);
  g_assert_cmpuint (writer.saves, ==, 1);
  g_assert_cmpstr (lede_autosave_get_error (autosave)->message, ==, "Could not save the story: the disk is full");

  /* More typing keeps the failure on show until a save works. */
  lede_autosave_touch (autosave);
  g_assert_cmpint (lede_autosave_get_state (autosave), ==, LEDE_SAVE_STATE_FAILED);

  /* A flush reports the failure to whoever is closing or switching. */
  g_assert_false (lede_autosave_flush (autosave, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  /* Room again: the retry, with no new typing, saves. */
  writer.fail = FALSE;
  lede_test_wait_until (is_saved, autosave, 1000);
  g_assert_null (lede_autosave_get_error (autosave));
}

static void
test_flush_and_reset (void)
{
  g_autoptr (LedeAutosave) autosave = lede_autosave_new (10000, 20000);
  Writer writer = { 0 };

  lede_autosave_set_func (autosave, write_story, &writer);

  lede_autosave_touch (autosave);
  g_assert_true (lede_autosave_flush (autosave, NULL));
  g_assert_cmpuint (writer.saves, ==, 1);
  g_assert_cmpint (lede_autosave_get_state (autosave), ==, LEDE_SAVE_STATE_SAVED);

  lede_autosave_touch (autosave);
  lede_autosave_reset (autosave);
  g_assert_cmpint (lede_autosave_get_state (autosave), ==, LEDE_SAVE_STATE_SAVED);
  g_assert_true (lede_autosave_flush (autosave, NULL));
  g_assert_cmpuint (writer.saves, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/autosave/saves-after-pause", test_saves_after_pause);
  g_test_add_func ("/lede/autosave/saves-while-typing", test_saves_while_typing);
  g_test_add_func ("/lede/autosave/failure-retries", test_failure_retries);
  g_test_add_func ("/lede/autosave/flush-and-reset", test_flush_and_reset);

  return g_test_run ();
}
