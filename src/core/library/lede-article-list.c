/* lede-article-list.c: the stories of a library as a GListModel.
 *
 * Only the ids are read up front (one indexed query, cheap even for
 * 100,000 stories); an article is read from the library when a list row
 * first asks for it. Articles are cached weakly, so everyone who holds a
 * story — the sidebar row, the editor — holds the same object, and an edit
 * shows everywhere at once without the list being reloaded.
 *
 * Reading the ids of a million stories takes a quarter of a second: a
 * long list (WORKER_FROM ids, or a library whose ids reach that far) is
 * read on a worker thread, through a read-only connection of its own, and
 * shown when read; "loading" is TRUE meanwhile. A list asked for anew (a
 * filter, an order, the first) shows its first page, read first, while
 * the rest is read. Reads asked for during one make one more after it. A
 * short list is read at once, as it always was: a story added is then in
 * the list when the call that added it returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-article-list"

#include "config.h"

#include "lede-article-list.h"

struct _LedeArticleList
{
  GObject      parent_instance;

  LedeLibrary *library;
  GArray      *ids;       /* gint64, in list order */
  GHashTable  *articles;  /* id → LedeArticle*, not owned (weak) */
  gboolean     trashed;
  int          status;    /* only stories with this status, or -1 */
  LedeStoryOrder order;
  GArray      *pinned;    /* these ids, in this order (search results), or NULL */
  char        *tag;       /* only stories with this tag, or NULL */
  char        *assignee;  /* only stories assigned to this person, or NULL */

  guint        worker_from; /* ids from which the list is read off the main thread */
  LedeLibrary *reader;      /* the worker's connection, opened when first needed */
  gboolean     loading;     /* a read runs on the worker */
  gboolean     load_again;  /* and another was asked for meanwhile */
  gboolean     load_whole;  /* a read asked for reports every row */
  gboolean     page_first;  /* a worker's read shows the first page first */
};

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Longer than this, a whole new list is reported in two steps (reload()). */
#define WHOLE_IN_TWO_STEPS 1000
/* A list this long is read on a worker thread: about 2 ms of reading. */
#define WORKER_FROM 10000
/* Rows read first on the worker: more than a window shows. */
#define FIRST_PAGE 100

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LedeArticleList, lede_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
forget_article (gpointer  data,
                GObject  *where_the_object_was)
{
  LedeArticleList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->articles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer)where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static GType
lede_article_list_get_item_type (GListModel *model)
{
  return LEDE_TYPE_ARTICLE;
}

static guint
lede_article_list_get_n_items (GListModel *model)
{
  return LEDE_ARTICLE_LIST (model)->ids->len;
}

/**
 * lede_article_list_get_story:
 *
 * The object the list's rows and the editor share for story @id, whether
 * or not the list holds its id yet (a long list still being read).
 *
 * Returns: (transfer full) (nullable): the story, or %NULL with @error set
 */
LedeArticle *
lede_article_list_get_story (LedeArticleList  *self,
                             gint64            id,
                             GError          **error)
{
  LedeArticle *article;

  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), NULL);

  if ((article = g_hash_table_lookup (self->articles, &id)))
    return g_object_ref (article);
  if (!(article = lede_library_get_article (self->library, id, error)))
    return NULL;
  g_hash_table_insert (self->articles, g_memdup2 (&id, sizeof id), article);
  g_object_weak_ref (G_OBJECT (article), forget_article, self);
  return article;
}

static gpointer
lede_article_list_get_item (GListModel *model,
                            guint       position)
{
  LedeArticleList *self = LEDE_ARTICLE_LIST (model);
  g_autoptr (GError) error = NULL;
  LedeArticle *article;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  if ((article = lede_article_list_get_story (self, id, &error)))
    return article;

  /* A row must get an item, so a story that cannot be read is shown as an
   * empty one (with its id, so it can still be trashed) and logged. */
  g_warning ("Could not read story %" G_GINT64_FORMAT ": %s", id, error->message);
  article = lede_article_new ();
  lede_article_set_id (article, id);
  return article;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lede_article_list_get_item_type;
  iface->get_n_items = lede_article_list_get_n_items;
  iface->get_item = lede_article_list_get_item;
}

static void
on_articles_changed (LedeArticleList *self,
                     LedeLibrary     *library)
{
  g_autoptr (GError) error = NULL;

  if (!lede_article_list_reload (self, &error))
    g_warning ("Could not reload the story list: %s", error->message);
}

/* A story rewritten from outside its editor: the object handed out holds
 * old text, so its row gets a fresh one (and a selection on it follows). */
static void
on_article_replaced (LedeArticleList *self,
                     gint64           id,
                     LedeLibrary     *library)
{
  LedeArticle *old = g_hash_table_lookup (self->articles, &id);
  guint position;

  /* Only a story handed out can be on screen; the rest are read when asked. */
  if (old == NULL)
    return;
  g_object_weak_unref (G_OBJECT (old), forget_article, self);
  g_hash_table_remove (self->articles, &id);
  if ((position = lede_article_list_find (self, id)) != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
lede_article_list_dispose (GObject *object)
{
  LedeArticleList *self = (LedeArticleList *)object;
  GHashTableIter iter;
  gpointer value;

  if (self->articles != NULL)
    {
      g_hash_table_iter_init (&iter, self->articles);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, forget_article, self);
      g_hash_table_remove_all (self->articles);
    }
  g_clear_object (&self->library);

  G_OBJECT_CLASS (lede_article_list_parent_class)->dispose (object);
}

static void
lede_article_list_finalize (GObject *object)
{
  LedeArticleList *self = (LedeArticleList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pinned, g_array_unref);
  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_object (&self->reader);
  g_free (self->tag);
  g_free (self->assignee);

  G_OBJECT_CLASS (lede_article_list_parent_class)->finalize (object);
}

static void
lede_article_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LedeArticleList *self = LEDE_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_article_list_class_init (LedeArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_article_list_dispose;
  object_class->finalize = lede_article_list_finalize;
  object_class->get_property = lede_article_list_get_property;

  /**
   * LedeArticleList:loading:
   *
   * Whether the ids are being read on a worker thread; the list shows
   * what it held before until they are.
   */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_article_list_init (LedeArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->status = -1;
  self->page_first = TRUE;
  /* The window's tests read every list on the worker with 0. */
  self->worker_from = g_getenv ("LEDE_LIST_WORKER_FROM") ? (guint)g_ascii_strtoull (g_getenv ("LEDE_LIST_WORKER_FROM"), NULL, 10)
                                                        : WORKER_FROM;
}

/**
 * lede_article_list_new:
 * @trashed: %TRUE to list the trash instead of the stories in use
 *
 * Returns: (transfer full): a list that follows the library as stories are
 *   added, trashed, restored and deleted.
 */
LedeArticleList *
lede_article_list_new (LedeLibrary *library,
                       gboolean     trashed)
{
  LedeArticleList *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);

  self = g_object_new (LEDE_TYPE_ARTICLE_LIST, NULL);
  self->library = g_object_ref (library);
  self->trashed = !!trashed;
  g_signal_connect_object (library, "articles-changed",
                           G_CALLBACK (on_articles_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "article-replaced",
                           G_CALLBACK (on_article_replaced), self, G_CONNECT_SWAPPED);

  if (!lede_article_list_reload (self, &error))
    g_warning ("Could not list the stories: %s", error->message);

  return self;
}

LedeLibrary *
lede_article_list_get_library (LedeArticleList *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), NULL);
  return self->library;
}

/**
 * lede_article_list_find:
 *
 * Returns: the position of the story with @id, or %G_MAXUINT.
 */
guint
lede_article_list_find (LedeArticleList *self,
                        gint64           id)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/* Takes @ids as the list's; reports what differs, or with @whole every
 * row. In one items-changed either way, so a selection can find its item
 * again. */
static void
show_ids (LedeArticleList *self,
          GArray          *ids,
          gboolean         whole)
{
  guint old_len = self->ids->len, new_len = ids->len, head = 0, tail = 0;

  while (!whole && head < old_len && head < new_len &&
         g_array_index (self->ids, gint64, head) == g_array_index (ids, gint64, head))
    head++;
  while (!whole && tail < old_len - head && tail < new_len - head &&
         g_array_index (self->ids, gint64, old_len - 1 - tail) ==
         g_array_index (ids, gint64, new_len - 1 - tail))
    tail++;

  /* A whole new long list goes out as all removed, then all added: in one
   * items-changed, GTK 4.8's list view looks for the removed rows' items
   * among every added one, reading all 100k stories of a large library
   * (seconds) where it needs only the rows on screen. A short list keeps
   * one items-changed, so rows on screen for both keep their objects. */
  if (whole && old_len > 0 && new_len > WHOLE_IN_TWO_STEPS)
    {
      g_array_set_size (self->ids, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
      old_len = 0;
    }
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (old_len - head - tail > 0 || new_len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                old_len - head - tail, new_len - head - tail);
}

/* What a read on the worker reads with, copied; the list only weakly, so
 * the last reference to it is never dropped on the worker. */
typedef struct {
  GWeakRef        list;
  LedeLibrary    *reader;
  gboolean        trashed;
  int             status;
  char           *tag;
  char           *assignee;
  LedeStoryOrder  order;
  guint           limit;
  GArray         *ids;
} Load;

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->list);
  g_clear_object (&load->reader);
  g_free (load->tag);
  g_free (load->assignee);
  g_clear_pointer (&load->ids, g_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;

  load->ids = lede_library_list_ids_page (load->reader, load->trashed, load->status, load->tag,
                                          load->assignee, load->order, load->limit, &error);
  if (load->ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void run_load (LedeArticleList *self);

static void
set_loading (LedeArticleList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr (LedeArticleList) self = g_weak_ref_get (&load->list);
  g_autoptr (GError) error = NULL;
  gboolean whole;

  if (self == NULL)
    return;
  whole = self->load_whole;
  /* Disposed meanwhile: nothing to show it to. */
  if (self->library == NULL)
    {
      set_loading (self, FALSE);
      return;
    }
  if (self->load_again)
    {
      /* What was read is older than what was asked since. */
      self->load_again = FALSE;
      run_load (self);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not list the stories: %s", error->message);
  /* Search results pinned meanwhile stay. */
  else if (self->pinned == NULL)
    {
      show_ids (self, load->ids, whole);
      self->load_whole = FALSE;
      self->page_first = FALSE;
      /* A whole page: the rest is read now, "loading" still. (Whoever
       * waits for the whole list hears "loading" turn FALSE after the
       * last items-changed.) */
      if (load->limit > 0 && load->ids->len == load->limit)
        {
          run_load (self);
          return;
        }
    }
  self->load_whole = FALSE;
  set_loading (self, FALSE);
}

static void
run_load (LedeArticleList *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  Load *load;

  if (self->reader == NULL &&
      !(self->reader = lede_library_open_for_reading (lede_library_get_path (self->library), &error)))
    {
      g_warning ("Could not list the stories: %s", error->message);
      set_loading (self, FALSE);
      return;
    }
  load = g_new0 (Load, 1);
  g_weak_ref_init (&load->list, self);
  load->reader = g_object_ref (self->reader);
  load->trashed = self->trashed;
  load->status = self->status;
  load->tag = g_strdup (self->tag);
  load->assignee = g_strdup (self->assignee);
  load->order = self->order;
  load->limit = self->page_first ? FIRST_PAGE : 0;
  task = g_task_new (NULL, NULL, on_load_done, NULL);
  g_task_set_source_tag (task, run_load);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);
  g_task_run_in_thread (task, load_thread);
  set_loading (self, TRUE);
}

/* Reads the ids on the worker, or, while it reads, once more after. */
static void
start_load (LedeArticleList *self)
{
  if (self->loading)
    self->load_again = TRUE;
  else
    run_load (self);
}

/* Reads the ids again: on the worker for a long list (reported when
 * read), else at once. */
static gboolean
reload (LedeArticleList  *self,
        gboolean          whole,
        GError          **error)
{
  g_autoptr (GArray) ids = NULL;

  if (self->pinned != NULL)
    {
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->pinned->len);
      g_array_append_vals (ids, self->pinned->data, self->pinned->len);
      show_ids (self, ids, whole);
      return TRUE;
    }
  if (self->loading || self->ids->len >= self->worker_from ||
      lede_library_get_last_id (self->library) >= self->worker_from)
    {
      self->load_whole |= whole;
      start_load (self);
      return TRUE;
    }
  if (!(ids = lede_library_list_ids_sorted (self->library, self->trashed, self->status, self->tag,
                                            self->assignee, self->order, error)))
    return FALSE;
  show_ids (self, ids, whole);
  self->page_first = FALSE;
  return TRUE;
}

/* Reads a list asked for anew: its first page first, if on the worker. */
static gboolean
reload_anew (LedeArticleList  *self,
             gboolean          whole,
             GError          **error)
{
  self->page_first = TRUE;
  return reload (self, whole, error);
}

/**
 * lede_article_list_reload:
 *
 * Reads the ids again and reports the one changed stretch of the list, so
 * that views keep their selection and scroll position across an add or a
 * trash instead of seeing the whole list replaced.
 */
gboolean
lede_article_list_reload (LedeArticleList  *self,
                          GError          **error)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), FALSE);
  return reload (self, FALSE, error);
}

/**
 * lede_article_list_is_loading:
 *
 * Returns: whether the ids are being read on a worker thread
 */
gboolean
lede_article_list_is_loading (LedeArticleList *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), FALSE);
  return self->loading;
}

/**
 * lede_article_list_set_worker_from:
 * @n_ids: the length from which the list is read off the main thread
 *   (0: always), for tests
 */
void
lede_article_list_set_worker_from (LedeArticleList *self,
                                   guint            n_ids)
{
  g_return_if_fail (LEDE_IS_ARTICLE_LIST (self));
  self->worker_from = n_ids;
}

/**
 * lede_article_list_set_filter:
 * @status: a #LedeArticleStatus, or -1 for every status
 * @tag: (nullable): only stories with this tag, in any case
 *
 * Narrows the list; the change is reported as items-changed, like any reload.
 */
gboolean
lede_article_list_set_filter (LedeArticleList  *self,
                              int               status,
                              const char       *tag,
                              GError          **error)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), FALSE);

  self->status = status;
  g_free (self->tag);
  self->tag = g_strdup (tag);
  return reload_anew (self, FALSE, error);
}

/**
 * lede_article_list_set_assignee:
 * @assignee: (nullable): only the stories assigned to this person (in any
 *   case), or %NULL for everyone's
 *
 * Narrows the list as lede_article_list_set_filter() does.
 */
gboolean
lede_article_list_set_assignee (LedeArticleList  *self,
                                const char       *assignee,
                                GError          **error)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), FALSE);

  if (g_strcmp0 (self->assignee, assignee) == 0)
    return TRUE;
  g_free (self->assignee);
  self->assignee = g_strdup (assignee);
  return reload_anew (self, FALSE, error);
}

/**
 * lede_article_list_get_ids:
 *
 * Returns: (transfer none) (element-type gint64): the ids of the stories
 *   in the list, as filtered, in list order
 */
GArray *
lede_article_list_get_ids (LedeArticleList *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), NULL);
  return self->ids;
}

/**
 * lede_article_list_set_order:
 *
 * Orders the list anew; reported as items-changed over the part that moved,
 * with the same article objects, so a selection can follow its story.
 */
gboolean
lede_article_list_set_order (LedeArticleList  *self,
                             LedeStoryOrder    order,
                             GError          **error)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_LIST (self), FALSE);

  if (self->order == order)
    return TRUE;
  self->order = order;
  return reload_anew (self, FALSE, error);
}

/**
 * lede_article_list_set_pinned:
 * @ids: (nullable) (element-type gint64): the stories to list, in order
 *   (search results), or %NULL to list the library again
 *
 * Reported as items-changed over the whole list, so every row is bound
 * again (search rows show what matched); the same objects are handed out
 * for stories in both lists, so a selection can follow.
 */
void
lede_article_list_set_pinned (LedeArticleList *self,
                              GArray          *ids)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (LEDE_IS_ARTICLE_LIST (self));

  g_clear_pointer (&self->pinned, g_array_unref);
  if (ids != NULL)
    self->pinned = g_array_ref (ids);
  if (!reload_anew (self, TRUE, &error))
    g_warning ("Could not list the stories: %s", error->message);
}

/**
 * lede_article_list_extend_pinned:
 * @ids: the pinned ids and more after them (the rest of the same search)
 *
 * Pins @ids, reporting only what differs from the ids pinned now: rows
 * on screen, and a scroll, stay as they are.
 */
void
lede_article_list_extend_pinned (LedeArticleList *self,
                                 GArray          *ids)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (LEDE_IS_ARTICLE_LIST (self));
  g_return_if_fail (ids != NULL);

  g_clear_pointer (&self->pinned, g_array_unref);
  self->pinned = g_array_ref (ids);
  if (!reload (self, FALSE, &error))
    g_warning ("Could not list the stories: %s", error->message);
}
