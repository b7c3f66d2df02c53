/* lede-export-batch.c: many stories written to one folder, off the main
 * thread, with progress and cancel.
 *
 * Everything the exporters need from the library (tags, sources, photos)
 * is read when the batch is made, on the caller's thread, so the worker
 * thread touches only the stories it was given, the folder, and the
 * library's photos folder (the pictures' bytes, never its database).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export-batch"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-atomic-file.h"
#include "lede-docx.h"
#include "lede-export-batch.h"
#include "lede-export-photos.h"
#include "lede-gate.h"

typedef struct {
  LedeArticle *article;
  char       **tags;
  GPtrArray   *sources;
  char        *last_out;  /* what readers saw when it last went out */
  GDateTime   *last_out_at;
  LedeVerdict *verdict;   /* the gate's, once asked */
  gboolean     allowed;   /* to go out whatever the checks found */
  gboolean     written;
  LedeWayOut   way_out;   /* an export, or a copy for review */
} Story;

struct _LedeExportBatch
{
  GObject           parent_instance;

  LedeLibrary      *library;   /* for the photos' bytes only */
  GArray           *stories;   /* of Story */
  LedeExportFormat  format;
  LedeExportFlags   flags;
  char             *folder;
  guint             done;      /* atomic: read by the UI while running */
  guint             written;
  GPtrArray        *failures;  /* a GError per story that failed */
  GPtrArray        *paths;     /* files written */
  GHashTable       *names;     /* the file names this export has taken */
};

G_DEFINE_FINAL_TYPE (LedeExportBatch, lede_export_batch, G_TYPE_OBJECT)

static void
story_clear (Story *story)
{
  g_clear_object (&story->article);
  g_clear_pointer (&story->tags, g_strfreev);
  g_clear_pointer (&story->sources, g_ptr_array_unref);
  g_clear_pointer (&story->verdict, lede_verdict_unref);
  g_clear_pointer (&story->last_out, g_free);
  g_clear_pointer (&story->last_out_at, g_date_time_unref);
}

static void
lede_export_batch_finalize (GObject *object)
{
  LedeExportBatch *self = LEDE_EXPORT_BATCH (object);

  g_array_unref (self->stories);
  g_clear_object (&self->library);
  g_ptr_array_unref (self->failures);
  g_ptr_array_unref (self->paths);
  g_hash_table_unref (self->names);
  g_free (self->folder);
  G_OBJECT_CLASS (lede_export_batch_parent_class)->finalize (object);
}

static void
lede_export_batch_class_init (LedeExportBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_export_batch_finalize;
}

static void
lede_export_batch_init (LedeExportBatch *self)
{
  self->stories = g_array_new (FALSE, TRUE, sizeof (Story));
  g_array_set_clear_func (self->stories, (GDestroyNotify)story_clear);
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A copy kept for review is a way out of its own: the gate lets an
 * editor's open suggestions and comments through it, and only it. */
static LedeWayOut
way_out_of (LedeExportFlags flags)
{
  return (flags & LEDE_EXPORT_FLAGS_KEEP_REVIEW) ? LEDE_WAY_OUT_REVIEW : LEDE_WAY_OUT_EXPORT;
}

/**
 * lede_export_batch_new:
 * @articles: (element-type LedeArticle): the stories; the batch keeps
 *   them, so pass objects no one else changes meanwhile
 *
 * Returns: (transfer full): a batch ready to run, or %NULL when the
 *   library could not be read
 */
LedeExportBatch *
lede_export_batch_new (LedeLibrary       *library,
                       GPtrArray         *articles,
                       LedeExportFormat   format,
                       const char        *folder,
                       LedeExportFlags    flags,
                       GError           **error)
{
  g_autoptr (LedeExportBatch) self = g_object_new (LEDE_TYPE_EXPORT_BATCH, NULL);

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  self->library = g_object_ref (library);
  self->format = format;
  self->flags = flags;
  self->folder = g_strdup (folder);
  for (guint i = 0; i < articles->len; i++)
    {
      LedeArticle *article = g_ptr_array_index (articles, i);
      gint64 id = lede_article_get_id (article);
      Story story = { g_object_ref (article), NULL, NULL, NULL, NULL, NULL, FALSE, FALSE, way_out_of (flags) };

      g_array_append_val (self->stories, story);
      if (!(g_array_index (self->stories, Story, i).tags = lede_library_get_tags (library, id, error)))
        return NULL;
      if (!lede_library_get_went_out (library, id, &g_array_index (self->stories, Story, i).last_out,
                                      &g_array_index (self->stories, Story, i).last_out_at, error))
        return NULL;
      /* For ninjs and the front matter, and for the checks. */
      if (!(g_array_index (self->stories, Story, i).sources = lede_library_list_story_sources (library, id, error)))
        return NULL;
      /* The corrections log goes out with the story, in every format. */
      if (lede_article_get_corrections (article) == NULL)
        {
          g_autoptr (GPtrArray) corrections = lede_library_list_corrections (library, id, error);

          if (corrections == NULL)
            return NULL;
          lede_article_set_corrections (article, corrections);
        }
      /* And its photos, in every format but DOCX as files beside it. */
      if (lede_article_get_photos (article) == NULL)
        {
          g_autoptr (GPtrArray) photos = lede_library_list_story_photos (library, id, error);

          if (photos == NULL)
            return NULL;
          lede_article_set_photos (article, photos);
        }
    }
  return g_steal_pointer (&self);
}

guint
lede_export_batch_get_total (LedeExportBatch *self)
{
  return self->stories->len;
}

/* How many stories are through, written or failed; safe from any thread. */
guint
lede_export_batch_get_done (LedeExportBatch *self)
{
  return g_atomic_int_get (&self->done);
}

guint
lede_export_batch_get_written (LedeExportBatch *self)
{
  return self->written;
}

/* Returns: (element-type GError) (transfer none): why each failed story failed */
GPtrArray *
lede_export_batch_get_failures (LedeExportBatch *self)
{
  return self->failures;
}

/* Returns: (element-type filename) (transfer none): the files written */
GPtrArray *
lede_export_batch_get_paths (LedeExportBatch *self)
{
  return self->paths;
}

void
lede_export_batch_set_flags (LedeExportBatch *self,
                             LedeExportFlags  flags)
{
  self->flags = flags;
  for (guint i = 0; i < self->stories->len; i++)
    g_array_index (self->stories, Story, i).way_out = way_out_of (flags);
}

/**
 * lede_export_batch_dup_existing:
 *
 * Returns: (transfer full): the names of the files the batch would write
 *   that already exist in the folder, so the user can be asked first
 */
char **
lede_export_batch_dup_existing (LedeExportBatch *self)
{
  g_autoptr (GStrvBuilder) existing = g_strv_builder_new ();

  for (guint i = 0; i < self->stories->len; i++)
    {
      g_autofree char *name = lede_export_file_name (g_array_index (self->stories, Story, i).article,
                                                     self->format, self->flags);
      g_autofree char *path = g_build_filename (self->folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_strv_builder_add (existing, name);
    }
  return g_strv_builder_end (existing);
}

/* Asks the gate, once a story, with the library's tags and sources read
 * with the batch (the object may not have them). */
static void
check_story (Story *story)
{
  if (story->verdict == NULL)
    {
      story->verdict = lede_gate_ask (story->article, (const char * const *)story->tags, story->sources, story->last_out,
                                      story->way_out, NULL);
      lede_verdict_count_noted_since (story->verdict, story->last_out_at);
    }
}

/* Why a story may not go out, or %NULL when it may. */
static GError *
blocked (Story *story)
{
  const char *headline = lede_article_get_headline (story->article);
  g_autofree char *listed = NULL, *reasons = NULL;

  check_story (story);
  if (lede_verdict_may_leave (story->verdict))
    return NULL;
  /* Each reason after a space, one line. */
  listed = lede_verdict_dup_reasons (story->verdict);
  reasons = g_strconcat (" ", listed, NULL);
  g_strdelimit (reasons, "\n", ' ');
  return g_error_new (LEDE_EXPORT_ERROR, LEDE_EXPORT_ERROR_BLOCKED, _("“%s” was not exported.%s"),
                      *headline ? headline : _("Untitled story"), reasons);
}

/**
 * lede_export_batch_check:
 *
 * Runs the copy desk's checks on every story, so their findings can be
 * shown before anything is written; lede_export_batch_run() runs them
 * itself otherwise. Safe on a worker thread, like the run.
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
lede_export_batch_check (LedeExportBatch  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  for (guint i = 0; i < self->stories->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      check_story (&g_array_index (self->stories, Story, i));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (lede_export_batch_check (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
lede_export_batch_check_async (LedeExportBatch     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, lede_export_batch_check_async);
  g_task_run_in_thread (task, check_thread);
}

gboolean
lede_export_batch_check_finish (LedeExportBatch  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Returns: (transfer none): the story at @index */
LedeArticle *
lede_export_batch_get_article (LedeExportBatch *self,
                               guint            index)
{
  g_return_val_if_fail (index < self->stories->len, NULL);
  return g_array_index (self->stories, Story, index).article;
}

/**
 * lede_export_batch_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type LedeFinding): what
 *   the checks found in the story at @index, most severe first; %NULL
 *   before they have run
 */
GPtrArray *
lede_export_batch_get_findings (LedeExportBatch *self,
                                guint            index)
{
  Story *story;

  g_return_val_if_fail (index < self->stories->len, NULL);
  story = &g_array_index (self->stories, Story, index);
  return story->verdict ? lede_verdict_get_findings (story->verdict) : NULL;
}

/**
 * lede_export_batch_get_verdict:
 *
 * Returns: (transfer none): the gate's verdict on the story at @index,
 *   asked now if it was not yet; answer its correction question here
 */
LedeVerdict *
lede_export_batch_get_verdict (LedeExportBatch *self,
                               guint            index)
{
  Story *story;

  g_return_val_if_fail (index < self->stories->len, NULL);
  story = &g_array_index (self->stories, Story, index);
  check_story (story);
  return story->verdict;
}

/**
 * lede_export_batch_record:
 *
 * After the run, on the library's thread: records what went out of each
 * story written, with the corrections the writer's answers log.
 */
gboolean
lede_export_batch_record (LedeExportBatch  *self,
                          LedeLibrary      *library,
                          GError          **error)
{
  g_autoptr (GError) first_error = NULL;

  /* Every story is tried: one that fails does not lose the others' records. */
  for (guint i = 0; i < self->stories->len; i++)
    {
      Story *story = &g_array_index (self->stories, Story, i);
      g_autoptr (GError) local_error = NULL;

      if (story->written && !lede_verdict_record_went_out (story->verdict, library, &local_error) &&
          first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/* Whether the story at @index was written (read after the run). */
gboolean
lede_export_batch_was_written (LedeExportBatch *self,
                               guint            index)
{
  g_return_val_if_fail (index < self->stories->len, FALSE);
  return g_array_index (self->stories, Story, index).written;
}

/**
 * lede_export_batch_allow:
 * @allowed: whether the story at @index goes out whatever the checks found
 *
 * "Export anyway", for one story.
 */
void
lede_export_batch_allow (LedeExportBatch *self,
                         guint            index,
                         gboolean         allowed)
{
  g_return_if_fail (LEDE_IS_EXPORT_BATCH (self));
  g_return_if_fail (index < self->stories->len);
  g_array_index (self->stories, Story, index).allowed = allowed;
}

/**
 * lede_export_batch_run:
 *
 * Writes every story, each atomically. A story that fails is recorded in
 * the failures and the rest go on; only cancelling stops early. A story
 * the checks block (lede_checks_run(): under embargo, a placeholder left
 * in, not ready though marked so) is a failure too, unless
 * %LEDE_EXPORT_FLAGS_FORCE or lede_export_batch_allow().
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
lede_export_batch_run (LedeExportBatch  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr (GError) cannot = NULL;

  g_hash_table_remove_all (self->names);
  /* Nothing can be written: said once, not once a story. */
  if (self->format == LEDE_EXPORT_FORMAT_DOCX && !lede_docx_can_write (&cannot))
    {
      g_ptr_array_add (self->failures, g_steal_pointer (&cannot));
      g_atomic_int_set (&self->done, self->stories->len);
      return TRUE;
    }
  for (guint i = 0; i < self->stories->len; i++)
    {
      Story *story = &g_array_index (self->stories, Story, i);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Blocked: left out, and said why, unless forced or allowed. */
      check_story (story);
      if ((self->flags & LEDE_EXPORT_FLAGS_FORCE) || story->allowed)
        lede_verdict_allow (story->verdict);
      if ((local_error = blocked (story)))
        {
          g_ptr_array_add (self->failures, g_steal_pointer (&local_error));
          g_atomic_int_inc (&self->done);
          continue;
        }
      if (!(bytes = lede_export_story_full (story->verdict, self->format, self->library, &local_error)))
        {
          g_ptr_array_add (self->failures, g_steal_pointer (&local_error));
          g_atomic_int_inc (&self->done);
          continue;
        }
      name = lede_export_file_name (story->article, self->format, self->flags);
      path = g_build_filename (self->folder, name, NULL);
      /* Two stories with one slug: the second would write over the first
       * (and its pictures), which --overwrite means for an earlier export,
       * never for a story of this one. */
      if (g_hash_table_contains (self->names, name))
        {
          const char *headline = lede_article_get_headline (story->article);

          g_ptr_array_add (self->failures,
                           g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                        _("“%s” was not exported: another story in this export has the same "
                                          "file name, “%s”. Give one of them another slug."),
                                        *headline ? headline : name, name));
          g_atomic_int_inc (&self->done);
          continue;
        }
      /* The pictures first, so a page never names a file not yet there. */
      if (lede_export_goes_in_folder (story->article, self->format))
        {
          g_autofree char *folder = g_path_get_dirname (path);
          g_autoptr (GHashTable) names = lede_export_photos_name_files (lede_article_get_photos (story->article));

          if (!lede_export_photos_write (self->library, lede_article_get_photos (story->article), names, folder,
                                         (self->flags & LEDE_EXPORT_FLAGS_OVERWRITE) != 0, &local_error))
            {
              g_ptr_array_add (self->failures, g_steal_pointer (&local_error));
              g_atomic_int_inc (&self->done);
              continue;
            }
        }
      if (lede_atomic_file_write (path, bytes, (self->flags & LEDE_EXPORT_FLAGS_OVERWRITE) != 0, &local_error))
        {
          g_hash_table_add (self->names, g_strdup (name));
          g_ptr_array_add (self->paths, g_steal_pointer (&path));
          story->written = TRUE;
          self->written++;
        }
      else
        g_ptr_array_add (self->failures, g_steal_pointer (&local_error));
      g_atomic_int_inc (&self->done);
    }
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (lede_export_batch_run (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
lede_export_batch_run_async (LedeExportBatch     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, lede_export_batch_run_async);
  g_task_run_in_thread (task, run_thread);
}

gboolean
lede_export_batch_run_finish (LedeExportBatch  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lede_export_to_folder:
 *
 * Writes @article, with its tags and sources from @library, into @folder
 * atomically. An existing file is left alone unless
 * %LEDE_EXPORT_FLAGS_OVERWRITE is given.
 *
 * Returns: (transfer full): the path written, or %NULL with @error set
 */
char *
lede_export_to_folder (LedeLibrary      *library,
                       LedeArticle      *article,
                       LedeExportFormat  format,
                       const char       *folder,
                       LedeExportFlags   flags,
                       GError          **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autoptr (LedeExportBatch) batch = NULL;
  GPtrArray *failures;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  g_ptr_array_add (one, article);
  if (!(batch = lede_export_batch_new (library, one, format, folder, flags, error)))
    return NULL;
  lede_export_batch_run (batch, NULL, NULL);
  failures = lede_export_batch_get_failures (batch);
  if (failures->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (failures, 0)));
      return NULL;
    }
  return g_strdup (g_ptr_array_index (lede_export_batch_get_paths (batch), 0));
}
