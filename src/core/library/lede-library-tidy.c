/* lede-library-tidy.c: keeping the search index quick without a pause.
 *
 * FTS5 adds a small segment for every story saved; search reads them all,
 * so an index of many segments is slower to search. FTS5's own 'optimize'
 * merges them in one long write — seconds on a large archive, the window
 * frozen meanwhile — so Lede never runs it. A tidy step instead merges a
 * few pages of a level that has gathered segments enough ('merge' with a
 * positive count, as FTS5's automerge would), a short transaction of its
 * own; the window runs steps while the writer is idle, on a thread
 * (lede-library-tidier.c). Not towards one b-tree ('merge' with a
 * negative count): once the index is large, each new segment merged into
 * the one great one rewrites all of it, 64 pages a step — at a million
 * stories, a rewrite of gigabytes that never ended and kept the disk busy
 * under every search.
 * Once a step finds nothing to merge, PRAGMA optimize lets SQLite refresh
 * what its planner knows. Steps also note the words of new stories
 * (lede-library-words.c) and copy old ones into the sidebar's story_list
 * (lede-library-lists.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-library-private.h"

/* Pages of merged index one step writes: a few milliseconds here
 * (bench-library --reindex times the steps on 100,000 stories). */
#define TIDY_PAGES 64

/* Rebuilds, copies, notes and merges: everything but the statistics. */
gboolean
_lede_library_tidy_index (LedeLibrary  *self,
                          gboolean     *done,
                          GError      **error)
{
  const char *what = _("Could not tidy the search index");
  gboolean merged = FALSE;

  /* A search index being rebuilt is built first: merging the old one
   * would be work thrown away. */
  if (!_lede_library_reindex_step (self, done, error))
    return FALSE;
  if (!*done)
    return TRUE;
  /* The sidebar's lists are quick once story_list holds every story. */
  if (!_lede_library_list_step (self, done, error))
    return FALSE;
  if (!*done)
    return TRUE;
  /* New words are noted before merging: search as you type needs them. */
  if (!_lede_library_words_step (self, done, error))
    return FALSE;
  if (!*done)
    return TRUE;
  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_merge_index (self, "articles_fts", TIDY_PAGES, &merged, what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  *done = !merged;
  return TRUE;
}

/* Once nothing is left to merge. On the connection that searches: before
 * SQLite 3.46, optimize looks only at the tables its own connection's
 * queries used. It may write statistics: a counted transaction like any
 * write. Its ANALYZE of a table never seen before reads all of it
 * (story_list at a million stories: half a second, in one step);
 * analysis_limit has it sample, as SQLite advises for optimize. */
gboolean
_lede_library_tidy_optimize (LedeLibrary  *self,
                             GError      **error)
{
  const char *what = _("Could not tidy the search index");

  if (!_lede_library_begin (self, what, error))
    return FALSE;
  if (!_lede_library_exec (self, "PRAGMA analysis_limit = 400; PRAGMA optimize", what, error) ||
      !_lede_library_commit (self, what, error))
    {
      _lede_library_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
_lede_library_may_tidy (LedeLibrary *self)
{
  return !self->read_only && !self->damaged && !self->unchecked;
}

/**
 * lede_library_tidy_step:
 * @done: (out): %TRUE when the index had nothing left to merge (nor to
 *   rebuild: lede_library_get_reindex_progress())
 *
 * One short step of tidying the search index, on the caller's thread.
 * Safe to call whenever the library is open for writing; a reader does
 * nothing. Best not called while lede_library_is_copying_wal(): the step
 * then shares the disk with the copy.
 */
gboolean
lede_library_tidy_step (LedeLibrary  *self,
                        gboolean     *done,
                        GError      **error)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);

  *done = TRUE;
  if (!_lede_library_may_tidy (self))
    return TRUE;
  if (!_lede_library_tidy_index (self, done, error))
    return FALSE;
  return !*done || _lede_library_tidy_optimize (self, error);
}
