/* lede-tag-chips.c: the open story's tags as chips, each with a button to
 * take it off, and an entry completing the library's tags to add one.
 *
 * Tags are part of the story object: set on it, they are saved with it by
 * the autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-tag-chips"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-tag-chips.h"

struct _LedeTagChips
{
  GtkWidget     parent_instance;

  GtkFlowBox   *tag_chips;
  GtkEntry     *tag_entry;
  GtkLabel     *tag_refusal;  /* why a tag was not added, in words */

  LedeLibrary  *library;
  LedeArticle  *article;
  GSignalGroup *article_signals;
  GtkListStore *tag_names;  /* the library's, for completion */
  char        **tags;       /* the chips shown */
};

G_DEFINE_FINAL_TYPE (LedeTagChips, lede_tag_chips, GTK_TYPE_WIDGET)

static void remove_tag (LedeTagChips *self, const char *tag);

static void
on_chip_remove (GtkButton    *button,
                LedeTagChips *self)
{
  remove_tag (self, g_object_get_data (G_OBJECT (button), "lede-tag"));
}

static void
fill_completions (LedeTagChips *self)
{
  g_auto (GStrv) names = NULL;

  gtk_list_store_clear (self->tag_names);
  if (self->library == NULL)
    return;
  /* Names alone: counting each tag's stories would cost every story
   * opened a read of the tag index. */
  if ((names = lede_library_list_tag_names (self->library, NULL)))
    for (guint i = 0; names[i]; i++)
      gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, names[i], -1);
}

static void
show_tags (LedeTagChips *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->tags, g_strfreev);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_chips))))
    gtk_flow_box_remove (self->tag_chips, child);
  if (self->article == NULL)
    return;

  self->tags = g_strdupv ((char **)lede_article_get_tags (self->article));
  for (guint i = 0; self->tags && self->tags[i]; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (self->tags[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), self->tags[i]);

      gtk_widget_add_css_class (chip, "tag-chip");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (remove), "lede-tag", g_strdup (self->tags[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_chip_remove), self);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->tag_chips, chip);
    }
}

/* The story's own spelling of @tag, in any case, or NULL. */
static const char *
find_tag (LedeTagChips *self,
          const char   *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; self->tags && self->tags[i]; i++)
    {
      g_autofree char *other = g_utf8_casefold (self->tags[i], -1);
      if (g_str_equal (folded, other))
        return self->tags[i];
    }
  return NULL;
}

/* Why the entry's tag was refused, under it and to a screen reader: the
 * label is an alert (spoken as it appears) and the entry, marked invalid,
 * is described by it, so the words are read again on coming back to it. */
static void
show_refusal (LedeTagChips *self,
              const char   *why)
{
  GtkAccessible *entry = GTK_ACCESSIBLE (self->tag_entry);

  gtk_label_set_text (self->tag_refusal, why ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tag_refusal), why != NULL);
  if (why != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_entry), "error");
      gtk_accessible_update_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tag_entry), "error");
      gtk_accessible_reset_state (entry, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/**
 * lede_tag_chips_add_tag:
 *
 * Adds @tag to the open story, unless it has it already in any case.
 *
 * Returns: whether the tag was added
 */
gboolean
lede_tag_chips_add_tag (LedeTagChips *self,
                        const char   *tag)
{
  g_autofree char *clean = NULL;
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) all = NULL;
  const char *existing;

  g_return_val_if_fail (LEDE_IS_TAG_CHIPS (self), FALSE);

  if (self->library == NULL || self->article == NULL || lede_article_get_id (self->article) == 0)
    return FALSE;
  clean = lede_article_clean_tag (tag);
  if (*clean == '\0')
    return FALSE;
  if ((existing = find_tag (self, clean)) != NULL)
    {
      /* Named as the story spells it: "transport" is refused as "Transport". */
      g_autofree char *why = g_strdup_printf (_("“%s” is already a tag of this story"), existing);

      show_refusal (self, why);
      return FALSE;
    }
  if (self->tags)
    g_strv_builder_addv (tags, (const char **)self->tags);
  g_strv_builder_add (tags, clean);
  all = g_strv_builder_end (tags);
  lede_article_set_tags (self->article, (const char * const *)all);
  return TRUE;
}

static void
remove_tag (LedeTagChips *self,
            const char   *tag)
{
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) rest = NULL;

  for (guint i = 0; self->tags && self->tags[i]; i++)
    if (!g_str_equal (self->tags[i], tag))
      g_strv_builder_add (tags, self->tags[i]);
  rest = g_strv_builder_end (tags);
  lede_article_set_tags (self->article, (const char * const *)rest);
}

static void
tag_entry_activate_cb (LedeTagChips *self)
{
  if (lede_tag_chips_add_tag (self, gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

/* A comma ends a tag, as Enter does. */
static void
tag_entry_changed_cb (LedeTagChips *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));
  const char *comma = strchr (text, ',');

  show_refusal (self, NULL);
  if (comma != NULL)
    {
      g_autofree char *tag = g_strndup (text, comma - text);
      g_autofree char *rest = g_strdup (comma + 1);

      lede_tag_chips_add_tag (self, tag);
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), g_strchug (rest));
    }
}

/* Backspace in the empty entry takes the last chip off. */
static gboolean
on_tag_key (GtkEventControllerKey *controller,
            guint                  keyval,
            guint                  keycode,
            GdkModifierType        state,
            LedeTagChips          *self)
{
  guint n = self->tags ? g_strv_length (self->tags) : 0;

  if (keyval != GDK_KEY_BackSpace || n == 0 || *gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)))
    return GDK_EVENT_PROPAGATE;
  remove_tag (self, self->tags[n - 1]);
  return GDK_EVENT_STOP;
}

void
lede_tag_chips_set_article (LedeTagChips *self,
                            LedeArticle  *article)
{
  g_return_if_fail (LEDE_IS_TAG_CHIPS (self));

  if (self->article == article)
    return;
  g_set_object (&self->article, article);
  g_signal_group_set_target (self->article_signals, article);
  show_refusal (self, NULL);
  /* The last story's new tags are the library's by now. */
  fill_completions (self);
  show_tags (self);
}

void
lede_tag_chips_set_library (LedeTagChips *self,
                            LedeLibrary  *library)
{
  g_return_if_fail (LEDE_IS_TAG_CHIPS (self));

  g_set_object (&self->library, library);
  fill_completions (self);
  show_tags (self);
}

static void
lede_tag_chips_dispose (GObject *object)
{
  LedeTagChips *self = LEDE_TAG_CHIPS (object);
  GtkWidget *child;

  g_clear_object (&self->article_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_TAG_CHIPS);
  /* The template's unnamed outer group is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_tag_chips_parent_class)->dispose (object);
}

static void
lede_tag_chips_finalize (GObject *object)
{
  LedeTagChips *self = LEDE_TAG_CHIPS (object);

  g_clear_object (&self->library);
  g_clear_object (&self->article);
  g_clear_object (&self->tag_names);
  g_clear_pointer (&self->tags, g_strfreev);
  G_OBJECT_CLASS (lede_tag_chips_parent_class)->finalize (object);
}

static void
lede_tag_chips_class_init (LedeTagChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_tag_chips_dispose;
  object_class->finalize = lede_tag_chips_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-tag-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeTagChips, tag_chips);
  gtk_widget_class_bind_template_child (widget_class, LedeTagChips, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, LedeTagChips, tag_refusal);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_tag_chips_init (LedeTagChips *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_signals = g_signal_group_new (LEDE_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::tags", G_CALLBACK (show_tags), self, G_CONNECT_SWAPPED);

  self->tag_names = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->tag_names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, TRUE);
  gtk_entry_set_completion (self->tag_entry, completion);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_tag_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), keys);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->tag_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->tag_refusal, NULL, -1);

  show_tags (self);
}

/* Gives the new-tag entry the keyboard: where a missing tag is added. */
void
lede_tag_chips_focus (LedeTagChips *self)
{
  g_return_if_fail (LEDE_IS_TAG_CHIPS (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}
