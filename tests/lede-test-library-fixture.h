/* lede-test-library-fixture.h: a fresh library in a temporary folder, for
 * the core tests that need one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lede-library.h"
#include "lede-test-utils.h"

typedef struct {
  char        *dir;
  LedeLibrary *library;
} Fixture;

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = lede_test_tmpdir ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = lede_library_open (path, NULL);
  g_assert_nonnull (f->library);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->library);
  lede_test_rmdir (f->dir);
  g_free (f->dir);
}
