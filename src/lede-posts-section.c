/* lede-posts-section.c: the metadata panel's Published group: "Published
 * on gazette", its link and when Lede last sent it, for each site the
 * story went to (the library's site_posts), and a button that opens the
 * post. Hidden for a story never sent anywhere. Sites are named as the
 * writer named them in Preferences → Publishing; a site since removed
 * shows its address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-posts-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-posts-section.h"
#include "lede-site-store.h"

struct _LedePostsSection
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *posts_list;

  LedeLibrary         *library;
  LedeArticle         *article;
};

G_DEFINE_FINAL_TYPE (LedePostsSection, lede_posts_section, GTK_TYPE_WIDGET)

/* The writer's name for the site at @address (names, when several
 * users of one site are kept), or the address. */
static char *
dup_site_name (GPtrArray  *sites,
               const char *address)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; sites && i < sites->len; i++)
    {
      LedeSite *site = g_ptr_array_index (sites, i);

      if (g_strcmp0 (site->address, address) == 0)
        g_string_append_printf (names, names->len ? " / %s" : "%s", site->name);
    }
  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : g_strdup (address);
}

static char *
format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%x %H:%M") : g_strdup ("");
}

static void
open_clicked_cb (GtkButton        *button,
                 LedePostsSection *self)
{
  const char *link = g_object_get_data (G_OBJECT (button), "lede-link");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link, GDK_CURRENT_TIME);
}

static GtkWidget *
make_row (LedePostsSection   *self,
          const LedeSitePost *post,
          const char         *site)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = format_local (post->sent_at);
  g_autofree char *subtitle = NULL;

  if (g_str_equal (post->status, "publish"))
    title = g_strdup_printf (_("Published on %s"), site);
  else if (g_str_equal (post->status, "future"))
    title = g_strdup_printf (_("Scheduled on %s"), site);
  else if (g_str_equal (post->status, "pending"))
    title = g_strdup_printf (_("Waiting for review on %s"), site);
  else
    title = g_strdup_printf (_("A draft on %s"), site);
  /* Translators: under "Published on gazette": "https://…/quay-wall/, updated 05/12/26 14:02" */
  subtitle = g_strdup_printf (_("%s, updated %s"), *post->link ? post->link : _("no link yet"), when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (*post->link)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("web-browser-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Open the post on %s"), site);

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data_full (G_OBJECT (open), "lede-link", g_strdup (post->link), g_free);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  return row;
}

/**
 * lede_posts_section_refresh:
 *
 * Reads the story's posts from the library again (after a publish).
 */
void
lede_posts_section_refresh (LedePostsSection *self)
{
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GPtrArray) sites = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (LEDE_IS_POSTS_SECTION (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->posts_list))))
    gtk_list_box_remove (self->posts_list, child);
  if (self->library == NULL || self->article == NULL || lede_article_get_id (self->article) <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
      return;
    }
  if (!(posts = lede_library_list_site_posts (self->library, lede_article_get_id (self->article), &error)))
    {
      g_warning ("%s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
      return;
    }
  /* Unreadable sites file: the addresses do instead of names. */
  sites = posts->len > 0 ? lede_site_store_list (NULL) : NULL;
  for (guint i = 0; i < posts->len; i++)
    {
      LedeSitePost *post = g_ptr_array_index (posts, i);
      g_autofree char *site = dup_site_name (sites, post->site);

      gtk_list_box_append (self->posts_list, make_row (self, post, site));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->group), posts->len > 0);
}

void
lede_posts_section_set_library (LedePostsSection *self,
                                LedeLibrary      *library)
{
  g_return_if_fail (LEDE_IS_POSTS_SECTION (self));

  if (g_set_object (&self->library, library))
    lede_posts_section_refresh (self);
}

void
lede_posts_section_set_article (LedePostsSection *self,
                                LedeArticle      *article)
{
  g_return_if_fail (LEDE_IS_POSTS_SECTION (self));

  if (g_set_object (&self->article, article))
    lede_posts_section_refresh (self);
}

static void
lede_posts_section_dispose (GObject *object)
{
  LedePostsSection *self = LEDE_POSTS_SECTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_POSTS_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_object (&self->article);
  G_OBJECT_CLASS (lede_posts_section_parent_class)->dispose (object);
}

static void
lede_posts_section_class_init (LedePostsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_posts_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-posts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePostsSection, group);
  gtk_widget_class_bind_template_child (widget_class, LedePostsSection, posts_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_posts_section_init (LedePostsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
