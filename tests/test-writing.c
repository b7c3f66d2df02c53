/* test-writing.c: the writing tools' rules: graf numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lede-grafs.h"

static void
assert_grafs (const char *text,
              const guint *expected,
              guint        n)
{
  g_autoptr (GArray) starts = lede_grafs_find (text, -1);

  g_assert_cmpuint (starts->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (starts, guint, i), ==, expected[i]);
}

static void
test_grafs (void)
{
  /* Grafs start at lines 0, 2, 7 and each list item (8, 9); the heading
   * (5), the code block (11–14) and the rule (16) are not grafs. */
  assert_grafs ("The pier reopened.\n\nCouncillors voted\nseven to two.\n\n## Why\n\n"
                "The harbour needed it.\n- First\n- Second\n\n```\ncode\n\n```\n"
                "\n---\n\nLast graf.",
                (const guint[]) { 0, 2, 7, 8, 9, 18 }, 6);
  assert_grafs ("", NULL, 0);
  assert_grafs ("\n\n\n", NULL, 0);
  assert_grafs ("#hashtag is prose", (const guint[]) { 0 }, 1);
  assert_grafs ("> A quotation\n> on two lines\n\n1. One\n2. Two", (const guint[]) { 0, 3, 4 }, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/writing/grafs", test_grafs);
  return g_test_run ();
}
