/* lede-field-suggester.c: Suggest Changes in a one-line field of the
 * panel (the headline, the standfirst).
 *
 * The field's own insert-text and delete-text are stopped while
 * suggesting and the field's text is put back with the edit made as a
 * suggestion, by the same rules as the body's (the editor's, through
 * LedeSuggestFunc). The field is bound to the story: when its text is not
 * the story's, the edit is the binding bringing the story's in, and is
 * left alone. The field shows the markup as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-panel"

#include "config.h"

#include <string.h>

#include "lede-field-suggester.h"

typedef struct {
  LedeStoryGetter  get_story;  /* the story the field is bound to */
  gpointer         owner;
  char            *property;
  LedeSuggestFunc  func;
  gpointer         data;
  gboolean         putting;    /* our own edit of the field */
} Suggester;

static void
suggester_free (gpointer data)
{
  Suggester *suggester = data;

  g_free (suggester->property);
  g_free (suggester);
}

/* The edit is the writer's, not the binding's: the field holds the story's text. */
static gboolean
is_writers (Suggester   *suggester,
            GtkEditable *editable)
{
  GObject *article = suggester->get_story (suggester->owner);
  g_autofree char *value = NULL;

  if (article == NULL || suggester->putting)
    return FALSE;
  g_object_get (article, suggester->property, &value, NULL);
  return g_strcmp0 (value ? value : "", gtk_editable_get_text (editable)) == 0;
}

static gboolean
suggest (Suggester   *suggester,
         GtkEditable *editable,
         int          start,
         int          end,
         const char  *words,
         int         *cursor)
{
  g_autofree char *text = NULL;

  if (!is_writers (suggester, editable))
    return FALSE;
  text = suggester->func (gtk_editable_get_text (editable), start, end, words,
                          gtk_editable_get_position (editable), cursor, suggester->data);
  if (text == NULL)
    return FALSE;
  suggester->putting = TRUE;
  gtk_editable_set_text (editable, text);
  gtk_editable_set_position (editable, *cursor);
  suggester->putting = FALSE;
  return TRUE;
}

static void
on_insert_text (GtkEditable *editable,
                const char  *text,
                int          length,
                int         *position,
                Suggester   *suggester)
{
  g_autofree char *words = g_strndup (text, length < 0 ? (gssize)strlen (text) : length);
  int cursor;

  if (suggest (suggester, editable, *position, *position, words, &cursor))
    {
      g_signal_stop_emission_by_name (editable, "insert-text");
      *position = cursor;
    }
}

static void
on_delete_text (GtkEditable *editable,
                int          start,
                int          end,
                Suggester   *suggester)
{
  int cursor;

  if (end < 0)
    end = (int)g_utf8_strlen (gtk_editable_get_text (editable), -1);
  if (start < end && suggest (suggester, editable, start, end, NULL, &cursor))
    g_signal_stop_emission_by_name (editable, "delete-text");
}

/**
 * lede_field_suggester_watch:
 * @get_story: gives the story @row's text is bound to (its @property), from @owner
 * @func: makes an edit a suggestion
 *
 * From now on, @row's edits are suggestions whenever @func says so.
 */
void
lede_field_suggester_watch (AdwEntryRow     *row,
                            LedeStoryGetter  get_story,
                            gpointer         owner,
                            const char      *property,
                            LedeSuggestFunc  func,
                            gpointer         data)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  Suggester *suggester = g_new0 (Suggester, 1);

  suggester->get_story = get_story;
  suggester->owner = owner;
  suggester->property = g_strdup (property);
  suggester->func = func;
  suggester->data = data;
  g_object_set_data_full (G_OBJECT (text), "lede-field-suggester", suggester, suggester_free);
  g_signal_connect (text, "insert-text", G_CALLBACK (on_insert_text), suggester);
  g_signal_connect (text, "delete-text", G_CALLBACK (on_delete_text), suggester);
}
