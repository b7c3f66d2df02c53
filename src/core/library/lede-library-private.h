/* lede-library-private.h: what the files of LedeLibrary share — the
 * struct, and the statement and transaction helpers (lede-library-sql.c).
 * Not for use outside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "lede-library.h"
#include "lede-wal-checkpointer.h"

G_BEGIN_DECLS

typedef struct _LedeTidier LedeTidier;

struct _LedeLibrary
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt*, prepared once */
  int         schema_version;
  gboolean    in_batch;    /* transactions are savepoints inside one batch */
  guint       holds;       /* articles-changed waits while above 0 */
  gboolean    changed_while_held;
  guint       is_new : 1;
  guint       read_only : 1;
  /* A check found the file damaged: nothing more is written or checkpointed. */
  guint       damaged : 1;
  /* Left open by a crash and too large to check as it opened: until
   * lede_library_check() has, nothing reaches the main file (no
   * checkpoint), no tidy step runs and no photo file is swept. */
  guint       unchecked : 1;
  /* This transaction has counted itself in library_identity. */
  guint       counted : 1;
  /* Opening: the journal mode is being set, which no transaction counts. */
  guint       opening : 1;
  /* This transaction deleted a photo's row: its file goes after the commit. */
  guint       photos_gone : 1;
  /* A rebuild of the search index was seen with many stories' words
   * waiting: their noting is the second half of its progress. */
  guint       words_after_reindex : 1;
  /* The first story waiting when many began to: the noting's progress
   * counts from there (an import of recent stories starts at 0%, not
   * at the share of the library before it). */
  gint64      words_due_from;
  /* What deletes those files (_lede_library_sweep_photos(), set by the
   * writer's opening): lede-library-sql.c calls it without calling into
   * the file that made the transaction. */
  void      (*sweep_photos) (LedeLibrary *self);
  char       *notice;      /* what opening it did that the writer should know */
  /* Pictures an import brings (SHA-256 → StagedPhoto in
   * lede-library-photos.c), added with the story that names them, in its
   * transaction: lede_library_stage_photo(). */
  GHashTable *staged_photos;
  /* Writes the WAL into the file off the writer's thread; none while
   * unchecked or damaged (lede-wal-checkpointer.c). */
  LedeWalCheckpointer *checkpointer;
  /* Tidy steps on a thread of their own, through a connection of their
   * own (lede_library_tidy_step_async()), and what closes them: set by
   * lede-library-tidier.c, which lede-library.c does not call into. */
  LedeTidier *tidier;
  void      (*close_tidier) (LedeTidier *tidier);

  /* The library file, held open with flock() for as long as this library
   * is open for writing, and closed only after the SQLite connection; see
   * "One library, one writer" in HACKING.md. -1 for a reader. */
  int         lock_fd;
  dev_t       dev;
  ino_t       ino;
};

/* What _lede_library_vet_wal() found beside a library (lede-library-wal.c). */
typedef enum
{
  LEDE_WAL_NONE,        /* no WAL, or an empty one */
  LEDE_WAL_OWN,         /* the library's own, after an unclean close */
  LEDE_WAL_OWN_UNCHECKED, /* the same, in a library too large to check as it opens */
  LEDE_WAL_SET_ASIDE,   /* another's, moved aside */
  LEDE_WAL_IGNORED,     /* another's that could not be moved: read without it */
} LedeWalVerdict;

gboolean      _lede_library_vet_wal          (const char     *path,
                                             int             lock_fd,
                                             gboolean        for_writing,
                                             LedeWalVerdict *verdict,
                                             char          **notice,
                                             GError        **error);
char         *_lede_library_dup_real_path    (const char     *path);
sqlite3      *_lede_library_open_uri         (const char     *path,
                                             const char     *options);
void          _lede_library_start_checkpoints (LedeLibrary *self);
void          _lede_library_remember_whole   (LedeLibrary    *self,
                                             gint64          began_s);
void          _lede_library_forget_whole     (LedeLibrary    *self);
gboolean      _lede_library_set_damaged_error (const char    *path,
                                              GError       **error);
gboolean      _lede_library_set_other_program_error (const char    *path,
                                                     GError       **error);

/* Every column of an article, in the order article_from_row() reads them. */
#define ARTICLE_COLUMNS \
  "id, uuid, headline, standfirst, slug, byline, dateline, section, status, language, " \
  "body, editorial_note, word_goal, embargo_at, published_at, created_at, updated_at, trashed_at, " \
  "front_matter, " LEDE_DESK_COLUMNS

/* How long a tidy step (lede_library_tidy_step()) works before its commit:
 * with the commit, steps stay under 20 ms (bench-library --reindex times
 * them at 100,000 stories). */
#define LEDE_TIDY_STEP_US (11 * 1000)

/* A step's clock: a step stops before a piece of work that would end past
 * its budget, judged by the longest piece it has done so far, rather than
 * after one that did (a piece can take several milliseconds). A budget of
 * 0 has no end. Times are g_get_monotonic_time()'s. */
typedef struct
{
  gint64 budget_us;
  gint64 start_us;
  gint64 last_us;     /* when the last piece ended */
  gint64 longest_us;  /* the longest piece so far */
} LedeStepClock;

static inline void
_lede_library_step_clock_start (LedeStepClock *clock,
                                gint64         budget_us,
                                gint64         now_us)
{
  clock->budget_us = budget_us;
  clock->start_us = clock->last_us = now_us;
  clock->longest_us = 0;
}

/* Called as each piece ends: whether another fits in the budget. */
static inline gboolean
_lede_library_step_clock_has_room (LedeStepClock *clock,
                                   gint64         now_us)
{
  clock->longest_us = MAX (clock->longest_us, now_us - clock->last_us);
  clock->last_us = now_us;
  return clock->budget_us <= 0 || now_us + clock->longest_us - clock->start_us < clock->budget_us;
}

/* The desk's fields and the headlines by role (issue 32), columns 19 on of
 * ARTICLE_COLUMNS, and ?40 … ?45 in the statements that write a story
 * (_lede_library_bind_desk_fields()), numbered apart so other columns can
 * be added before them. */
#define LEDE_DESK_COLUMNS "deadline_at, assignee, editor, print_headline, seo_title, social_headline"
#define LEDE_DESK_FIRST_COLUMN 19
#define LEDE_DESK_VALUES "?40, ?41, ?42, ?43, ?44, ?45"
#define LEDE_DESK_SET \
  "deadline_at = ?40, assignee = ?41, editor = ?42, print_headline = ?43, seo_title = ?44, social_headline = ?45"
/* A copy from elsewhere (an import) that names no deadline or person
 * leaves the desk's as they are. */
#define LEDE_DESK_SET_KEEP \
  "deadline_at = coalesce (?40, deadline_at), assignee = CASE WHEN ?41 = '' THEN assignee ELSE ?41 END, " \
  "editor = CASE WHEN ?42 = '' THEN editor ELSE ?42 END, print_headline = ?43, seo_title = ?44, " \
  "social_headline = ?45"

/* Statements: prepared once and cached; every failure in words. */
/* lede-library-open.c */
LedeLibrary  *_lede_library_open_companion   (LedeLibrary   *writer,
                                             GError       **error);
/* lede-library.c: the libraries this process has open for writing. */
LedeLibrary  *_lede_library_find_open_writer (dev_t          dev,
                                             ino_t          ino);
void          _lede_library_remember_open_writer (LedeLibrary *self);
gboolean      _lede_library_is_working_file_of_open_library (const char  *path,
                                                             GError     **error);

/* lede-library-articles.c: a story's rows, inside the caller's transaction. */
gboolean      _lede_library_insert_story     (LedeLibrary        *self,
                                             LedeArticle        *article,
                                             const char * const *tags,
                                             const char         *what,
                                             GError            **error);
void          _lede_library_story_added      (LedeLibrary        *self,
                                             LedeArticle        *article,
                                             const char * const *tags);
gboolean      _lede_library_rewrite_story    (LedeLibrary        *self,
                                             gint64              id,
                                             LedeArticle        *article,
                                             const char * const *tags,
                                             const char         *what,
                                             GError            **error);

/* lede-library-sql.c */
int           _lede_library_on_commit        (void          *data);
void          _lede_library_on_rollback      (void          *data);
gboolean      _lede_library_set_sqlite_error (LedeLibrary   *self,
                                             GError       **error,
                                             int            rc,
                                             const char    *what);
sqlite3_stmt *_lede_library_prepare          (LedeLibrary   *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      _lede_library_exec             (LedeLibrary   *self,
                                             const char    *sql,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_run_one          (LedeLibrary   *self,
                                             const char    *sql,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_step_done        (LedeLibrary   *self,
                                             sqlite3_stmt  *stmt,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_write_one        (LedeLibrary   *self,
                                             const char    *sql,
                                             gint64         a,
                                             gint64         b,
                                             const char    *text,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_story_list_is_whole (LedeLibrary *self);
gboolean      _lede_library_query_int        (LedeLibrary   *self,
                                             const char    *sql,
                                             gint64        *value,
                                             GError       **error);
gboolean      _lede_library_query_int_by_id  (LedeLibrary   *self,
                                             const char    *sql,
                                             gint64         id,
                                             gint64        *value,
                                             GError       **error);
char        **_lede_library_read_strings     (LedeLibrary   *self,
                                             const char    *sql,
                                             gint64         id,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_merge_index      (LedeLibrary   *self,
                                             const char    *index,
                                             int            pages,
                                             gboolean      *merged,
                                             const char    *what,
                                             GError       **error);

/* Transactions: savepoints inside a batch (lede_library_begin_batch()). */
gboolean      _lede_library_begin            (LedeLibrary   *self,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_commit           (LedeLibrary   *self,
                                             const char    *what,
                                             GError       **error);
void          _lede_library_rollback         (LedeLibrary   *self);

/* Columns and values. */
GDateTime    *_lede_library_parse_time       (sqlite3_stmt  *stmt,
                                             int            column);
void          _lede_library_bind_text        (sqlite3_stmt  *stmt,
                                             int            column,
                                             const char    *text);
void          _lede_library_bind_time        (sqlite3_stmt  *stmt,
                                             int            column,
                                             GDateTime     *time);
const char   *_lede_library_column_text      (sqlite3_stmt  *stmt,
                                             int            column);
GDateTime    *_lede_library_now_utc          (void);

/* lede-library-desk.c */
void          _lede_library_read_desk_fields (sqlite3_stmt  *stmt,
                                             LedeArticle   *article);
void          _lede_library_bind_desk_fields (sqlite3_stmt  *stmt,
                                             LedeArticle   *article);

/* Rows of the other files that one of them needs. */
LedeArticle  *_lede_library_article_from_row (sqlite3_stmt  *stmt);
LedeArticle  *_lede_library_get_article_where (LedeLibrary  *self,
                                             const char    *sql,
                                             gint64         id,
                                             const char    *uuid,
                                             GError       **error);
char         *_lede_library_tag_as_known     (LedeLibrary   *self,
                                             const char    *name,
                                             gint64         except_id,
                                             gint64        *known_id,
                                             GError       **error);
gboolean      _lede_library_write_tags       (LedeLibrary   *self,
                                             gint64         article_id,
                                             const char * const *tags,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_insert_correction (LedeLibrary  *self,
                                              gint64        article_id,
                                              const LedeCorrection *correction,
                                              const char   *what,
                                              GError      **error);
gboolean      _lede_library_write_corrections (LedeLibrary  *self,
                                              gint64         article_id,
                                              GPtrArray     *corrections,
                                              const char    *what,
                                              GError       **error);
gboolean      _lede_library_write_sources    (LedeLibrary   *self,
                                              gint64         article_id,
                                              GPtrArray     *sources,
                                              const char    *what,
                                              GError       **error);
gboolean      _lede_library_write_photos     (LedeLibrary   *self,
                                             gint64         article_id,
                                             GPtrArray     *photos,
                                             const char    *what,
                                             GError       **error);
gboolean      _lede_library_keep_revision_photos (LedeLibrary *self,
                                             gint64         revision_id,
                                             GPtrArray     *photos,
                                             const char    *what,
                                             GError       **error);
void          _lede_library_sweep_photos     (LedeLibrary   *self);
/* lede-library-lists.c */
gboolean      _lede_library_list_step        (LedeLibrary   *self,
                                             gboolean      *done,
                                             GError       **error);
/* lede-library-words.c */
gboolean      _lede_library_words_step       (LedeLibrary   *self,
                                             gboolean      *done,
                                             GError       **error);
char         *_lede_library_expand_prefixes  (LedeLibrary   *self,
                                             const char    *query);
double        _lede_library_words_progress   (LedeLibrary   *self);
/* lede-library-tidy.c */
gboolean      _lede_library_may_tidy         (LedeLibrary   *self);
gboolean      _lede_library_tidy_index       (LedeLibrary   *self,
                                             gboolean      *done,
                                             GError       **error);
gboolean      _lede_library_tidy_optimize    (LedeLibrary   *self,
                                             GError       **error);
/* lede-library-reindex.c */
gboolean      _lede_library_reindex_begin    (LedeLibrary   *self,
                                             GError       **error);
gboolean      _lede_library_reindex_step     (LedeLibrary   *self,
                                             gboolean      *done,
                                             GError       **error);
void          _lede_library_on_update        (void          *data,
                                             int            op,
                                             const char    *database,
                                             const char    *table,
                                             sqlite3_int64  rowid);
GPtrArray    *_lede_library_read_sources     (LedeLibrary   *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);

void          _lede_library_emit_articles_changed (LedeLibrary *self);
void          _lede_library_emit_style_changed (LedeLibrary *self);
gboolean      _lede_library_emit_save_wanted (LedeLibrary   *self,
                                             gint64         id);
void          _lede_library_emit_replaced_all (LedeLibrary *self,
                                              GArray      *ids);
void          _lede_library_emit_article_replaced (LedeLibrary *self,
                                             gint64         id);

G_END_DECLS
