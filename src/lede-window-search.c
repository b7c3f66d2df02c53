/* lede-window-search.c: the sidebar's search.
 *
 * Ctrl+Shift+F (or the search button) opens an entry above the story list;
 * the list then holds the matches, best first, each with a few words around
 * the match. Searches run on a worker thread, on a read-only connection of
 * their own (what the window last saved is seen); while one runs, only the
 * newest text typed after it waits. The status and tag filters narrow the
 * matches too. The open story stays open whatever the list shows.
 *
 * The few words around a match cost most (FTS5 reads each hit's text
 * again: 200 hits of a three-letter prefix took 300 ms at 100k stories), so
 * a search reads the first FIRST_HITS, a screenful and more, and shows
 * them; then the rest, up to MAX_HITS, while the writer reads. Newer text
 * interrupts that second read rather than waiting for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-accessible.h"
#include "lede-story-row.h"
#include "lede-frame-clock.h"
#include "lede-window-private.h"

/* More would not be read; a word in thousands of stories ranks the newest
 * LEDE_LIBRARY_SEARCH_WINDOW anyway. */
#define MAX_HITS 200
/* A screenful (about 13 rows in an 800-pixel window, 18 at 1080) and a
 * few more: into an emptied list GTK 4.8 makes a row for each of them at
 * once, its story read, before the first frame (40 took 175 ms at a
 * million stories). */
#define FIRST_HITS 24

typedef struct {
  LedeLibrary *reader;
  char        *query;
  int          status;
  char        *tag;
  char        *assignee;
  guint        limit;
  GPtrArray   *hits;
} Search;

static void
search_free (Search *search)
{
  g_clear_object (&search->reader);
  g_free (search->query);
  g_free (search->tag);
  g_free (search->assignee);
  g_clear_pointer (&search->hits, g_ptr_array_unref);
  g_free (search);
}

/* Whose stories "Only My Stories" lists, and searches: the default byline's, when it
 * is set and the filter is on; NULL for everyone's. */
char *
lede_window_dup_mine (LedeWindow *self)
{
  g_autofree char *byline = g_settings_get_string (self->settings, "default-byline");

  g_strstrip (byline);
  if (!g_settings_get_boolean (self->settings, "only-mine") || *byline == '\0')
    return NULL;
  return g_steal_pointer (&byline);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  GError *error = NULL;

  search->hits = lede_library_search_filtered (search->reader, search->query, search->status,
                                               search->tag, search->assignee, search->limit, &error);
  if (search->hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The snippet's matched words, marked "[…]" by the library, in bold; any
 * other text escaped, so the markup is always whole. */
static char *
snippet_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE;

  for (const char *p = snippet; *p; p++)
    {
      if (*p == '[' && !bold)
        {
          g_string_append (out, "<b>");
          bold = TRUE;
        }
      else if (*p == ']' && bold)
        {
          g_string_append (out, "</b>");
          bold = FALSE;
        }
      else if (g_ascii_isspace (*p))
        {
          /* One line of words: paragraph breaks become spaces. */
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (p, 1);
          g_string_append (out, escaped);
        }
    }
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

/* As you type, the last word is still being written: "potat" finds
 * "potatoes". Not inside a quoted phrase, nor after a space or an operator;
 * and not for one or two letters, which would expand to most of the
 * index's words (seconds on 100k stories) and find little of use. */
#define AS_YOU_TYPE_MIN_CHARS 3

static char *
as_you_type (const char *text)
{
  gsize len = strlen (text);
  const char *word = text + len;
  guint quotes = 0;

  for (const char *p = text; *p; p++)
    if (*p == '"')
      quotes++;
  while (word > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (word))))
    word = g_utf8_prev_char (word);
  if (quotes % 2 == 0 && g_utf8_strlen (word, -1) >= AS_YOU_TYPE_MIN_CHARS)
    return g_strconcat (text, "*", NULL);
  return g_strdup (text);
}

static void start_search (LedeWindow *self, const char *query);
static void run_search (LedeWindow *self, Search *search);

/* The same search again, to read @limit hits (no hits read yet). */
static Search *
search_copy (const Search *search,
             guint         limit)
{
  Search *copy = g_new0 (Search, 1);

  copy->reader = g_object_ref (search->reader);
  copy->query = g_strdup (search->query);
  copy->status = search->status;
  copy->tag = g_strdup (search->tag);
  copy->assignee = g_strdup (search->assignee);
  copy->limit = limit;
  return copy;
}

/* The rest of a search's hits, read after its first were shown. */
static void
fill_search (LedeWindow   *self,
             const Search *first)
{
  Search *search = search_copy (first, MAX_HITS);

  g_set_object (&self->filling_reader, search->reader);
  run_search (self, search);
}

/* A first read's rest waits no more (another search, the window closing). */
static void
drop_fill_after_paint (LedeWindow *self)
{
  lede_frame_clock_let_go (&self->fill_clock, &self->fill_paint_handler);
  g_clear_pointer (&self->fill_after_paint, search_free);
}

static void
on_first_hits_painted (GdkFrameClock *clock,
                       LedeWindow    *self)
{
  Search *first = g_steal_pointer (&self->fill_after_paint);

  drop_fill_after_paint (self);
  if (self->searching && !self->search_running)
    fill_search (self, first);
  search_free (first);
}

/* The rest of the hits is read once the first are painted: come sooner,
 * they would land in the same frame, and GTK would make their rows too
 * (a screenful from an emptied list, 200 where 24 were asked for). */
static void
fill_after_paint (LedeWindow *self,
                  Search     *first)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  drop_fill_after_paint (self);
  if (clock == NULL)
    {
      fill_search (self, first);
      return;
    }
  self->fill_after_paint = search_copy (first, first->limit);
  self->fill_clock = g_object_ref (clock);
  self->fill_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_hits_painted), self);
}

static void
on_search_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LedeWindow *self = (LedeWindow *)object;
  Search *search = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *pending = g_steal_pointer (&self->pending_query);

  gboolean filling = self->filling_reader != NULL;

  self->search_running = FALSE;
  g_clear_object (&self->filling_reader);
  /* Newer text was typed meanwhile, or the search was closed: not shown
   * (a second read it interrupted fails, and is not a failure). */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && pending == NULL && !filling && self->searching)
    g_warning ("Search failed: %s", error->message);
  if (pending != NULL)
    {
      start_search (self, pending);
      return;
    }
  if (!self->searching || search->hits == NULL || self->articles == NULL)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), search->hits->len);
  g_hash_table_remove_all (self->snippets);
  for (guint i = 0; i < search->hits->len; i++)
    {
      LedeSearchHit *hit = g_ptr_array_index (search->hits, i);
      gint64 *id = g_new (gint64, 1);

      *id = hit->id;
      g_array_append_val (ids, hit->id);
      g_hash_table_insert (self->snippets, id, snippet_markup (hit->snippet));
    }
  /* The rest of the same hits: only the new rows are added. */
  if (filling)
    lede_article_list_extend_pinned (self->articles, ids);
  else
    lede_window_swap_list (self, ids);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), search->hits->len == 0);
  if (!filling && search->limit < MAX_HITS && search->hits->len == search->limit)
    fill_after_paint (self, search);
}

static void
start_search (LedeWindow *self,
              const char *query)
{
  g_autoptr (GError) error = NULL;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  Search *search;

  if (self->library == NULL)
    return;
  /* Searching is work too: no tidy step between two keys. */
  self->last_edit_us = g_get_monotonic_time ();
  drop_fill_after_paint (self);
  if (self->search_running)
    {
      g_free (self->pending_query);
      self->pending_query = g_strdup (query);
      if (self->filling_reader)
        lede_library_interrupt (self->filling_reader);
      return;
    }
  /* A connection of the search's own: the window's is not for threads. */
  if (self->search_reader == NULL &&
      !(self->search_reader = lede_library_open_for_reading (lede_library_get_path (self->library), &error)))
    {
      lede_window_show_toast (self, error->message);
      return;
    }

  search = g_new0 (Search, 1);
  search->reader = g_object_ref (self->search_reader);
  search->query = g_utf8_validate (query, -1, NULL) ? as_you_type (query) : g_strdup (query);
  search->status = status > 0 ? (int)status - 1 : -1;
  search->tag = tag > 0 && tag != GTK_INVALID_LIST_POSITION ? g_strdup (gtk_string_list_get_string (self->tag_names, tag)) : NULL;
  search->assignee = lede_window_dup_mine (self);
  search->limit = FIRST_HITS;
  run_search (self, search);
}

static void
run_search (LedeWindow *self,
            Search     *search)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, on_search_done, NULL);

  self->search_running = TRUE;
  g_task_set_task_data (task, search, (GDestroyNotify)search_free);
  g_task_run_in_thread (task, search_thread);
}

static void
end_search (LedeWindow *self)
{
  self->searching = FALSE;
  drop_fill_after_paint (self);
  g_clear_pointer (&self->pending_query, g_free);
  if (self->filling_reader)
    lede_library_interrupt (self->filling_reader);
  g_hash_table_remove_all (self->snippets);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), FALSE);
  if (self->articles == NULL)
    return;
  lede_window_swap_list (self, NULL);
}

static void
search_changed_cb (LedeWindow     *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*text == '\0')
    {
      end_search (self);
      return;
    }
  /* Results are not a story to open: nothing is picked for the user. */
  self->searching = TRUE;
  start_search (self, text);
}

static void
search_mode_cb (LedeWindow   *self,
                GParamSpec   *pspec,
                GtkSearchBar *bar)
{
  if (gtk_search_bar_get_search_mode (bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      end_search (self);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedeWindow *self = (LedeWindow *)widget;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lede_window_search_again:
 *
 * Runs the search in the entry again (the filters or the library changed).
 */
void
lede_window_search_again (LedeWindow *self)
{
  if (self->searching)
    start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/**
 * lede_window_get_snippet:
 *
 * Returns: (nullable): the search snippet (Pango markup) for story @id
 *   while a search shows it
 */
const char *
lede_window_get_snippet (LedeWindow *self,
                         gint64      id)
{
  return self->searching ? g_hash_table_lookup (self->snippets, &id) : NULL;
}

/* A new library: a new connection for searches, and no search open. */
void
lede_window_reset_search (LedeWindow *self)
{
  g_clear_object (&self->search_reader);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
lede_window_class_add_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

void
lede_window_init_search (LedeWindow *self)
{
  self->snippets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* The filters, as a screen reader says them: "Status: Any status". */
  lede_accessible_name_drop_down (self->status_filter, _("Status"));
  lede_accessible_name_drop_down (self->tag_filter, _("Tag"));
}

void
lede_window_dispose_search (LedeWindow *self)
{
  self->searching = FALSE;
  drop_fill_after_paint (self);
  g_clear_pointer (&self->pending_query, g_free);
  if (self->filling_reader)
    lede_library_interrupt (self->filling_reader);
  g_clear_object (&self->filling_reader);
  g_clear_pointer (&self->snippets, g_hash_table_unref);
  g_clear_object (&self->search_reader);
}
