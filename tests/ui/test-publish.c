/* test-publish.c: publishing from the window to a real WordPress (the
 * tests' own, tests/wordpress/), run under both wrappers: WordPress
 * answering (wordpress-session.sh) and a private X server
 * (xvfb-session.sh). Preferences → Publishing adds a site, checked on the
 * spot; Publish… sends the open story; every post is read back through
 * the REST API as the site's administrator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "lede-posts-section.h"
#include "lede-preferences-window.h"
#include "lede-publish-dialog.h"
#include "lede-publishing-page.h"
#include "lede-site-dialog.h"
#include "lede-site-store.h"
#include "lede-window-fixture.h"
#include "lede-wordpress.h"

static char *test_home;

static const char *
wp_env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

/* With LEDE_TEST_SHOTS set to a folder, a picture of @widget as it is
 * drawn now, to look at (not compared with anything). */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("LEDE_TEST_SHOTS");
  g_autofree char *file = NULL;
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  lede_test_spin (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}

/* A name no earlier run of the same WordPress has used. */
static char *
unique (const char *stem)
{
  static guint n;

  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%u", stem, g_get_real_time () / 1000, ++n);
}

static LedeWordpress *
signed_in (const char *who)
{
  g_autofree char *user_var = g_strdup_printf ("LEDE_WP_%s_USER", who);
  g_autofree char *password_var = g_strdup_printf ("LEDE_WP_%s_PASSWORD", who);
  g_autoptr (GError) error = NULL;
  LedeWordpress *wordpress = lede_wordpress_new (wp_env ("LEDE_WP_URL"), wp_env (user_var), wp_env (password_var));

  g_assert_true (lede_wordpress_connect (wordpress, NULL, &error));
  g_assert_no_error (error);
  return wordpress;
}

/* The post as the site has it, read as its administrator. */
static JsonObject *
read_post (gint64 id)
{
  g_autoptr (LedeWordpress) chief = signed_in ("ADMIN");
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) post = lede_wordpress_call (chief, "GET", route, "context=edit", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (post));
  return json_object_ref (json_node_get_object (post));
}

static const char *
raw_of (JsonObject *post,
        const char *field)
{
  return json_object_get_string_member (json_object_get_object_member (post, field), "raw");
}

/* A site the window can publish to as the harness's user @who, kept as
 * Add Site… keeps one. */
static char *
add_site_as (const char *who)
{
  g_autofree char *name = unique ("News & Views");
  g_autofree char *user_var = g_strdup_printf ("LEDE_WP_%s_USER", who);
  g_autofree char *password_var = g_strdup_printf ("LEDE_WP_%s_PASSWORD", who);
  g_autoptr (LedeWordpress) wordpress = signed_in (who);
  g_autoptr (LedeSite) site = lede_site_new (name, lede_wordpress_get_address (wordpress), wp_env (user_var));
  g_autoptr (GError) error = NULL;

  g_assert_true (lede_site_store_add (site, &error));
  g_assert_true (lede_site_store_keep_password (site, wp_env (password_var), NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&name);
}

static char *
add_site (void)
{
  return add_site_as ("ADMIN");
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_publish_dialog (gpointer data)
{
  return find_toplevel (LEDE_TYPE_PUBLISH_DIALOG) != NULL;
}

/* Publish… on the open story, the gate's question answered if it asks. */
static LedePublishDialog *
open_publish (Fixture *f)
{
  AdwMessageDialog *held;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  if ((held = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    adw_message_dialog_response (held, "anyway");
  lede_test_wait_until (has_publish_dialog, NULL, 5000);
  return find_toplevel (LEDE_TYPE_PUBLISH_DIALOG);
}

typedef struct {
  LedePublishDialog *dialog;  /* weak */
} Waiting;

static gboolean
is_answered (gpointer data)
{
  Waiting *waiting = data;

  return waiting->dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (waiting->dialog)) ||
         (!lede_publish_dialog_is_sending (waiting->dialog));
}

/* Presses Publish and waits for the site's answer: TRUE when the dialog
 * closed on a published post. */
static gboolean
press_publish (LedePublishDialog *dialog)
{
  Waiting waiting = { dialog };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
  lede_publish_dialog_publish (dialog);
  g_assert_true (waiting.dialog == NULL || lede_publish_dialog_is_sending (dialog));
  /* Progress in words while the thread works. */
  g_assert_true (g_str_has_prefix (lede_publish_dialog_get_status (dialog), "Asking the keyring for "));
  lede_test_wait_until (is_answered, &waiting, 30000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (waiting.dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
  return waiting.dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog));
}

static gint64
post_of (Fixture *f)
{
  g_autoptr (LedeWordpress) wordpress = signed_in ("ADMIN");
  g_autoptr (GError) error = NULL;
  gint64 post_id = 0;

  g_assert_true (lede_library_get_site_post (lede_window_get_library (f->window), lede_article_get_id (shown_article (f)),
                                             lede_wordpress_get_address (wordpress), &post_id, NULL, NULL, &error));
  g_assert_no_error (error);
  return post_id;
}

static void
new_story (Fixture    *f,
           const char *headline,
           const char *body)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-story", NULL));
  lede_article_set_headline (shown_article (f), headline);
  type_at_end (f, body);
}

static LedePublishingPage *
find_page (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      LedePublishingPage *page = LEDE_IS_PUBLISHING_PAGE (w) ? LEDE_PUBLISHING_PAGE (w) : find_page (w);

      if (page)
        return page;
    }
  return NULL;
}

static gboolean
is_checked (gpointer data)
{
  return !lede_site_dialog_is_checking (data);
}

static gboolean
is_idle (gpointer data)
{
  return !lede_publishing_page_is_busy (data);
}

static void
fill (LedeSiteDialog *dialog,
      const char     *row,
      const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG, row)), text);
}

static const char *
status_of (LedeSiteDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG,
                                                                       "status_label")));
}

static gboolean
lists_site (LedePublishingPage *page,
            const char         *name)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_PUBLISHING_PAGE, "sites_list"));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return TRUE;
  return FALSE;
}

/* Preferences → Publishing → Add Site…: a wrong password is refused in
 * its own words and nothing is kept; the right one is kept (the password
 * in the Secret Service) and the role said; Remove asks, then forgets. */
static void
test_add_site (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *name = unique ("Chronicle & Echo");
  LedePreferencesWindow *preferences = lede_preferences_window_new (GTK_WINDOW (f->window), NULL);
  LedePublishingPage *page;
  LedeSiteDialog *dialog;
  g_autoptr (LedeSite) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *password = NULL;
  AdwStatusPage *added;
  AdwMessageDialog *confirm;
  GtkWidget *row, *remove;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  page = find_page (GTK_WIDGET (preferences));
  g_assert_nonnull (page);
  dialog = LEDE_SITE_DIALOG (lede_publishing_page_add_site (page));

  fill (dialog, "name_row", name);
  fill (dialog, "address_row", wp_env ("LEDE_WP_URL"));
  fill (dialog, "user_row", wp_env ("LEDE_WP_AUTHOR_USER"));
  fill (dialog, "password_row", wp_env ("LEDE_WP_LOGIN_PASSWORD"));
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG, "add_button"), "clicked");
  g_assert_true (lede_site_dialog_is_checking (dialog));
  lede_test_wait_until (is_checked, dialog, 20000);
  g_assert_nonnull (strstr (status_of (dialog), "application password"));
  shoot (GTK_WIDGET (dialog), "site-dialog-refused.png");
  g_assert_null (lede_site_store_find (name, NULL));
  g_assert_false (lists_site (page, name));

  /* The right password: kept, and what the role allows said. */
  fill (dialog, "password_row", wp_env ("LEDE_WP_AUTHOR_PASSWORD"));
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG, "add_button"), "clicked");
  lede_test_wait_until (is_checked, dialog, 20000);
  added = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG, "added_page"));
  g_assert_nonnull (adw_status_page_get_description (added));
  g_assert_nonnull (strstr (adw_status_page_get_description (added), "Author"));
  g_assert_nonnull (strstr (adw_status_page_get_description (added), "not create categories"));
  kept = lede_site_store_find (name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->user, ==, wp_env ("LEDE_WP_AUTHOR_USER"));
  password = lede_site_store_lookup_password (kept, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, wp_env ("LEDE_WP_AUTHOR_PASSWORD"));
  g_assert_true (lists_site (page, name));
  shoot (GTK_WIDGET (dialog), "site-dialog-added.png");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  shoot (GTK_WIDGET (preferences), "preferences-publishing.png");
  /* Never in GSettings. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    {
      g_autoptr (GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, password));
    }
  gtk_window_close (GTK_WINDOW (dialog));

  /* Remove asks first; then the site and its password are gone. */
  row = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), LEDE_TYPE_PUBLISHING_PAGE, "sites_list")));
       w; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), name) == 0)
      row = w;
  g_assert_nonnull (row);
  remove = g_object_get_data (G_OBJECT (row), "lede-remove");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), !=, NULL);
  g_signal_emit_by_name (remove, "clicked");
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  lede_test_spin (50);
  lede_test_wait_until (is_idle, page, 10000);
  g_assert_null (lede_site_store_find (name, NULL));
  g_assert_false (lists_site (page, name));
  g_clear_pointer (&password, g_free);
  password = lede_site_store_lookup_password (kept, NULL, NULL);
  g_assert_null (password);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

typedef struct {
  const char *name;
  guint       added;
} Added;

static void
on_added (LedeSiteDialog *dialog,
          const char     *name,
          Added          *added)
{
  g_assert_cmpstr (name, ==, added->name);
  added->added++;
}

/* Closed while the site is asked: nothing breaks, and a site that took
 * the password is kept whole (with it) and said to be added. */
static void
test_closed_while_checking (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *name = unique ("Weekly Courier");
  LedeSiteDialog *dialog = lede_site_dialog_new (GTK_WINDOW (f->window));
  Added added = { name, 0 };
  g_autoptr (LedeSite) kept = NULL;
  g_autofree char *password = NULL;

  g_signal_connect (dialog, "added", G_CALLBACK (on_added), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  fill (dialog, "name_row", name);
  fill (dialog, "address_row", wp_env ("LEDE_WP_URL"));
  fill (dialog, "user_row", wp_env ("LEDE_WP_AUTHOR_USER"));
  fill (dialog, "password_row", wp_env ("LEDE_WP_AUTHOR_PASSWORD"));
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_SITE_DIALOG, "add_button"), "clicked");
  g_assert_true (lede_site_dialog_is_checking (dialog));
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The check either stops or finishes; either way it answers. */
  lede_test_wait_until (is_checked, dialog, 20000);
  kept = lede_site_store_find (name, NULL);
  if (kept)
    {
      g_assert_cmpuint (added.added, ==, 1);
      password = lede_site_store_lookup_password (kept, NULL, NULL);
      g_assert_cmpstr (password, ==, wp_env ("LEDE_WP_AUTHOR_PASSWORD"));
    }
  else
    g_assert_cmpuint (added.added, ==, 0);
  g_signal_handlers_disconnect_by_data (dialog, &added);
  g_object_unref (dialog);
}

/* Add Site… from the Publish dialog: the site added is the one chosen. */
static void
test_add_site_from_publish (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *name = unique ("Evening Post");
  LedePublishDialog *dialog;
  LedeSiteDialog *adding;
  AdwComboRow *site_row;
  GObject *chosen;

  new_story (f, "Ferry timetable", "Sailings every hour.");
  dialog = open_publish (f);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_PUBLISH_DIALOG, "add_site_button"),
                         "clicked");
  adding = find_toplevel (LEDE_TYPE_SITE_DIALOG);
  g_assert_nonnull (adding);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (adding)) == GTK_WINDOW (dialog));
  fill (adding, "name_row", name);
  fill (adding, "address_row", wp_env ("LEDE_WP_URL"));
  fill (adding, "user_row", wp_env ("LEDE_WP_EDITOR_USER"));
  fill (adding, "password_row", wp_env ("LEDE_WP_EDITOR_PASSWORD"));
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (adding), LEDE_TYPE_SITE_DIALOG, "add_button"), "clicked");
  lede_test_wait_until (is_checked, adding, 20000);
  site_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_PUBLISH_DIALOG, "site_row"));
  chosen = adw_combo_row_get_selected_item (site_row);
  g_assert_nonnull (chosen);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)), ==, name);
  gtk_window_destroy (GTK_WINDOW (adding));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Publish… sends the open story; the post read back has its title,
 * content and status; publishing again updates the same post; the panel
 * shows where it went. */
static void
test_publish_and_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *headline = unique ("Harbour ferry returns");
  LedePublishDialog *dialog;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (JsonObject) again = NULL;
  LedePostsSection *section;
  AdwPreferencesGroup *group;
  GtkWidget *row;
  gint64 id;

  new_story (f, headline, "The ferry sails again from Monday.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_NOW, NULL);
  g_assert_true (press_publish (dialog));

  id = post_of (f);
  g_assert_cmpint (id, >, 0);
  post = read_post (id);
  g_assert_cmpstr (raw_of (post, "title"), ==, headline);
  g_assert_nonnull (strstr (raw_of (post, "content"), "<p>The ferry sails again from Monday.</p>"));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");

  /* The panel says where. */
  section = panel_child (f, "posts_section");
  if (!gtk_widget_get_mapped (GTK_WIDGET (section)))
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-metadata", NULL);
  shoot (GTK_WIDGET (section), "panel-published.png");
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (section), LEDE_TYPE_POSTS_SECTION, "group"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  row = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section), LEDE_TYPE_POSTS_SECTION,
                                                                               "posts_list")));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  {
    /* Every site kept for that address is named (the tests keep several). */
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Published on "));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), site));
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                     json_object_get_string_member (post, "link")));
  }

  /* Again: the same post, updated. */
  type_at_end (f, " Tickets are half price.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_nonnull (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_PUBLISH_DIALOG, "where_group"))));
  g_assert_true (press_publish (dialog));
  g_assert_cmpint (post_of (f), ==, id);
  again = read_post (id);
  g_assert_nonnull (strstr (raw_of (again, "content"), "Tickets are half price."));
  g_assert_cmpstr (json_object_get_string_member (again, "status"), ==, "publish");
}

static GtkWidget *
window_child (Fixture    *f,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), LEDE_TYPE_WINDOW, name));
}

static gboolean
outbox_is_empty (gpointer data)
{
  return !gtk_widget_get_visible (window_child (data, "outbox_button"));
}

/* Under embargo, "now" is the lift: the post is scheduled (future) for
 * it, never published; the embargo moved, the post's time follows. */
static void
test_embargo (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *headline = unique ("Budget figures");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr (GDateTime) lift = g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                                    g_date_time_get_day_of_month (later), 10, 0, 0);
  g_autofree char *lift_gmt = g_date_time_format (lift, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (GDateTime) moved = g_date_time_add_days (lift, 1);
  g_autofree char *moved_gmt = g_date_time_format (moved, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (JsonObject) post = NULL;
  LedePublishDialog *dialog;
  AdwActionRow *now_row;

  new_story (f, headline, "Spending rises by a tenth.");
  lede_article_set_embargo (shown_article (f), lift);
  dialog = open_publish (f);
  now_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDE_TYPE_PUBLISH_DIALOG, "now_row"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (now_row)), "embargo"));
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_NOW, NULL);
  g_assert_true (press_publish (dialog));

  post = read_post (post_of (f));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, lift_gmt);
  g_clear_pointer (&post, json_object_unref);

  /* The embargo moves a day: saved, the post's time moves with it. */
  lede_article_set_embargo (shown_article (f), moved);
  g_assert_true (lede_autosave_flush (lede_window_get_autosave (f->window), NULL));
  g_assert_true (gtk_widget_get_visible (window_child (f, "outbox_button")));
  lede_test_wait_until (outbox_is_empty, f, 30000);
  post = read_post (post_of (f));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, moved_gmt);
}

/* Whether @words are in the question's comparison, tagged @tag. */
static void
assert_marked (AdwMessageDialog *question,
               const char       *words,
               const char       *tag)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (question);
  GtkWidget *scrolled = box ? gtk_widget_get_first_child (box) : NULL;
  GtkWidget *view = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, found, end;
  GtkTextTag *marked;

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  marked = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &found, &end, NULL));
  g_assert_true (gtk_text_iter_has_tag (&found, marked));
}

/* A change an editor made on the site is not overwritten: the window asks
 * whose version wins, showing what differs; "keep theirs" sends nothing,
 * "mine" replaces it. */
static void
test_changed_on_site (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *headline = unique ("Quay wall to be rebuilt");
  g_autofree char *theirs = g_strconcat (headline, " by summer", NULL);
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR");
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) edit = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *route = NULL;
  LedePublishDialog *dialog;
  AdwMessageDialog *question;
  gint64 id;

  new_story (f, headline, "Work starts in March.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_true (press_publish (dialog));
  id = post_of (f);

  g_usleep (1100 * 1000);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, theirs);
  json_builder_end_object (builder);
  edit = json_builder_get_root (builder);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  answer = lede_wordpress_call (desk, "POST", route, NULL, edit, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Asked; kept theirs: nothing sent, the dialog stays. */
  type_at_end (f, " Or April.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_false (press_publish (dialog));
  question = lede_publish_dialog_get_question (dialog);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "changed"));
  /* What they changed, against what Lede would send: their words struck
   * through, Lede's underlined. */
  assert_marked (question, " by summer", "deleted");
  assert_marked (question, "Or April.", "inserted");
  shoot (GTK_WIDGET (question), "changed-on-site.png");
  adw_message_dialog_response (question, "cancel");
  g_assert_null (lede_publish_dialog_get_question (dialog));
  g_assert_nonnull (strstr (lede_publish_dialog_get_status (dialog), "keeps its version"));
  post = read_post (id);
  g_assert_cmpstr (raw_of (post, "title"), ==, theirs);
  g_assert_null (strstr (raw_of (post, "content"), "April"));
  g_clear_pointer (&post, json_object_unref);

  /* Mine, said in so many words: sent over it. */
  g_assert_false (press_publish (dialog));
  question = lede_publish_dialog_get_question (dialog);
  g_assert_nonnull (question);
  {
    Waiting waiting = { dialog };

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
    adw_message_dialog_response (question, "overwrite");
    lede_test_wait_until (is_answered, &waiting, 30000);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_true (waiting.dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (waiting.dialog)));
    if (waiting.dialog)
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
  }
  post = read_post (id);
  g_assert_cmpstr (raw_of (post, "title"), ==, headline);
  g_assert_nonnull (strstr (raw_of (post, "content"), "April"));
  g_assert_cmpint (post_of (f), ==, id);
}

/* A post deleted on the site is not made again unasked: the window asks,
 * and sends it as a new post when told. */
static void
test_deleted_on_site (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *headline = unique ("Library hours cut");
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR");
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *route = NULL;
  LedePublishDialog *dialog;
  AdwMessageDialog *question;
  gint64 id, again;

  new_story (f, headline, "The branch closes on Wednesdays.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_true (press_publish (dialog));
  id = post_of (f);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  answer = lede_wordpress_call (desk, "DELETE", route, "force=true", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_false (press_publish (dialog));
  question = lede_publish_dialog_get_question (dialog);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "deleted"));
  {
    Waiting waiting = { dialog };

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
    adw_message_dialog_response (question, "send-anew");
    lede_test_wait_until (is_answered, &waiting, 30000);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_true (waiting.dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (waiting.dialog)));
    if (waiting.dialog)
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&waiting.dialog);
  }
  again = post_of (f);
  g_assert_cmpint (again, !=, id);
  post = read_post (again);
  g_assert_cmpstr (raw_of (post, "title"), ==, headline);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
}

/* A draft goes as a draft, a time as a schedule; a Contributor asked to
 * publish is told in words, in the dialog, and nothing is sent. */
static void
test_draft_schedule_and_refusal (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *stringer = add_site_as ("CONTRIBUTOR");
  g_autofree char *headline = unique ("Council meets");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr (GDateTime) when = g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                                    g_date_time_get_day_of_month (later), 8, 30, 0);
  g_autofree char *when_gmt = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (JsonObject) post = NULL;
  LedePublishDialog *dialog;

  new_story (f, headline, "The agenda runs to nine items.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, stringer));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_NOW, NULL);
  g_assert_false (press_publish (dialog));
  g_assert_nonnull (strstr (lede_publish_dialog_get_status (dialog), "may send drafts but not publish"));
  g_assert_cmpint (post_of (f), ==, 0);

  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_DRAFT, NULL);
  g_assert_true (press_publish (dialog));
  post = read_post (post_of (f));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "draft");
  g_clear_pointer (&post, json_object_unref);

  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_SCHEDULE, when);
  g_assert_true (press_publish (dialog));
  post = read_post (post_of (f));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, when_gmt);
}

/* The site's own words when it refuses: an Author may not edit the post
 * an administrator made of the story. */
static void
test_refused_by_site (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *chief = add_site ();
  g_autofree char *reporter = add_site_as ("AUTHOR");
  g_autofree char *headline = unique ("Pier reopens");
  g_autoptr (JsonObject) post = NULL;
  LedePublishDialog *dialog;
  gint64 id;

  new_story (f, headline, "The pier reopens on Saturday.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, chief));
  g_assert_true (press_publish (dialog));
  id = post_of (f);

  type_at_end (f, " Fishing is allowed again.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, reporter));
  g_assert_false (press_publish (dialog));
  g_assert_null (lede_publish_dialog_get_question (dialog));
  g_test_message ("refused: %s", lede_publish_dialog_get_status (dialog));
  g_assert_nonnull (strstr (lede_publish_dialog_get_status (dialog), "Sorry, you are not allowed to edit this post"));
  post = read_post (id);
  g_assert_null (strstr (raw_of (post, "content"), "Fishing"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A published story changed since it went out asks what changed, as the
 * other ways out do; the note goes out with the post and into the log. */
static void
test_asks_what_changed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *headline = unique ("Ferry crossing");
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  LedePublishDialog *dialog;
  AdwMessageDialog *ask;
  gboolean asked = FALSE;
  gint64 id;

  new_story (f, headline, "The crossing takes four minutes.");
  lede_article_set_status (shown_article (f), LEDE_ARTICLE_STATUS_PUBLISHED);
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_true (press_publish (dialog));
  id = post_of (f);

  type_at_end (f, " Forty, that is.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  /* The gate asks what changed before the dialog opens. Besides: the
   * question a change to a published story asks after a pause (put off),
   * and the checks' hold on a story without a byline (let go). */
  for (guint i = 0; i < 100 && !has_publish_dialog (NULL); i++)
    {
      if ((ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
        {
          lede_test_spin (100);
          continue;
        }
      if (g_str_equal (adw_message_dialog_get_heading (ask), "What Changed Since It Went Out?"))
        {
          g_assert_null (find_toplevel (LEDE_TYPE_PUBLISH_DIALOG));
          gtk_editable_set_text (g_object_get_data (G_OBJECT (ask), "lede-note"), "The crossing time was wrong.");
          adw_message_dialog_response (ask, "correction");
          asked = TRUE;
        }
      else
        adw_message_dialog_response (ask, g_str_equal (adw_message_dialog_get_heading (ask), "This Story Is Published")
                                            ? "cancel" : "anyway");
      gtk_window_destroy (GTK_WINDOW (ask));
    }
  g_assert_true (asked);
  dialog = find_toplevel (LEDE_TYPE_PUBLISH_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  g_assert_true (press_publish (dialog));

  g_assert_cmpint (post_of (f), ==, id);
  post = read_post (id);
  g_assert_nonnull (strstr (raw_of (post, "content"), "Forty, that is."));
  g_assert_nonnull (strstr (raw_of (post, "content"), "The crossing time was wrong."));
  stored = lede_library_list_corrections (lede_window_get_library (f->window), lede_article_get_id (shown_article (f)), NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((LedeCorrection *)g_ptr_array_index (stored, 0))->note, ==, "The crossing time was wrong.");
}

/* Keeps site @name at @address as the administrator, in place of any
 * site of that name. */
static void
keep_site_at (const char *name,
              const char *address)
{
  g_autoptr (LedeSite) site = lede_site_new (name, address, wp_env ("LEDE_WP_ADMIN_USER"));
  g_autoptr (GError) error = NULL;

  lede_site_store_remove (name, NULL);
  g_assert_true (lede_site_store_add (site, &error));
  g_assert_true (lede_site_store_keep_password (site, wp_env ("LEDE_WP_ADMIN_PASSWORD"), NULL, &error));
  g_assert_no_error (error);
}

/* On a train: Publish while the site does not answer closes the dialog
 * with the story in the outbox, and the sidebar says "1 Waiting to Go
 * Out", its popover why; when the site answers, Send Now sends it, once,
 * and the sidebar's button goes. */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *site = unique ("Gazette on the Train");
  g_autofree char *headline = unique ("Night ferry timetable");
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (JsonObject) post = NULL;
  g_autofree char *down = NULL;
  g_autoptr (GError) error = NULL;
  LedePublishDialog *dialog;
  GtkWidget *button;
  guint16 port;

  /* A port on this machine where nothing answers. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  down = g_strdup_printf ("http://127.0.0.1:%u/", port);
  keep_site_at (site, down);

  new_story (f, headline, "The last boat now leaves at 22:10.");
  dialog = open_publish (f);
  g_assert_true (lede_publish_dialog_set_site (dialog, site));
  lede_publish_dialog_set_mode (dialog, LEDE_PUBLISH_NOW, NULL);
  g_assert_true (press_publish (dialog));
  lede_test_spin (50);

  button = window_child (f, "outbox_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_menu_button_get_child (GTK_MENU_BUTTON (button)))),
                   ==, "1 Waiting to Go Out");
  shoot (GTK_WIDGET (f->window), "outbox-sidebar.png");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  lede_test_spin (100);
  {
    GtkWidget *row = gtk_widget_get_first_child (window_child (f, "outbox_list"));

    GtkWidget *title = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, headline);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (title))), site));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (title))), "Nothing answers"));
  }
  shoot (window_child (f, "outbox_popover"), "outbox.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  lede_test_spin (50);
  g_assert_cmpint (post_of (f), ==, 0);

  /* At the station. */
  keep_site_at (site, wp_env ("LEDE_WP_URL"));
  g_signal_emit_by_name (window_child (f, "outbox_send_button"), "clicked");
  lede_test_wait_until (outbox_is_empty, f, 30000);
  g_assert_cmpint (post_of (f), >, 0);
  post = read_post (post_of (f));
  g_assert_cmpstr (raw_of (post, "title"), ==, headline);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  lede_site_store_remove (site, NULL);
}

typedef struct {
  LedePullDialog *dialog;  /* weak */
} Pulling;

static gboolean
pull_settled (gpointer data)
{
  Pulling *pulling = data;

  return pulling->dialog == NULL || !lede_pull_dialog_is_busy (pulling->dialog);
}

/* Open from WordPress…: the site's drafts listed; the one ticked comes in
 * as a story linked to its post and opens; asked again, it is shown as in
 * the library already and cannot be brought twice. */
static void
test_open_from_site (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *site = add_site ();
  g_autofree char *title = unique ("Lighthouse cottage opens to visitors");
  g_autoptr (LedeWordpress) desk = signed_in ("EDITOR");
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (GError) error = NULL;
  Pulling pulling = { NULL };
  gint64 post_id;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, "<!-- wp:paragraph -->\n<p>The keeper’s cottage opens to visitors on "
                                          "Saturday.</p>\n<!-- /wp:paragraph -->");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "draft");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  made = lede_wordpress_call (desk, "POST", "wp/v2/posts", NULL, body, NULL, NULL, &error);
  g_assert_no_error (error);
  post_id = json_object_get_int_member (json_node_get_object (made), "id");

  pulling.dialog = lede_window_show_pull (f->window);
  g_object_add_weak_pointer (G_OBJECT (pulling.dialog), (gpointer *)&pulling.dialog);
  g_assert_true (lede_pull_dialog_set_site (pulling.dialog, site));
  lede_test_wait_until (pull_settled, &pulling, 30000);
  g_assert_cmpuint (lede_pull_dialog_choose (pulling.dialog, post_id), ==, 1);
  shoot (GTK_WIDGET (pulling.dialog), "open-from-wordpress.png");
  lede_pull_dialog_open (pulling.dialog);
  lede_test_wait_until (pull_settled, &pulling, 30000);
  g_assert_null (pulling.dialog);

  g_assert_cmpstr (lede_article_get_headline (shown_article (f)), ==, title);
  g_assert_nonnull (strstr (lede_article_get_body (shown_article (f)), "The keeper’s cottage opens to visitors"));
  g_assert_cmpint (post_of (f), ==, post_id);

  pulling.dialog = lede_window_show_pull (f->window);
  g_object_add_weak_pointer (G_OBJECT (pulling.dialog), (gpointer *)&pulling.dialog);
  g_assert_true (lede_pull_dialog_set_site (pulling.dialog, site));
  lede_test_wait_until (pull_settled, &pulling, 30000);
  g_assert_cmpuint (lede_pull_dialog_choose (pulling.dialog, post_id), ==, 0);
  gtk_window_destroy (GTK_WINDOW (pulling.dialog));
  g_assert_null (pulling.dialog);
  lede_site_store_remove (site, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *keyring = NULL;
  int status;

  /* libsecret's own file backend (no keyring daemon) and a sites file of
   * this run's, set before GLib or libsecret read them. */
  test_home = lede_test_tmpdir ();
  config = g_build_filename (test_home, "config", NULL);
  keyring = g_build_filename (test_home, "keyring", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "lede-tests", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lede/ui-publish/add-site", Fixture, NULL, fixture_setup, test_add_site, fixture_teardown);
  g_test_add ("/lede/ui-publish/closed-while-checking", Fixture, NULL, fixture_setup, test_closed_while_checking,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/add-site-from-publish", Fixture, NULL, fixture_setup, test_add_site_from_publish,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/publish-and-update", Fixture, NULL, fixture_setup, test_publish_and_update,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/embargo", Fixture, NULL, fixture_setup, test_embargo, fixture_teardown);
  g_test_add ("/lede/ui-publish/changed-on-site", Fixture, NULL, fixture_setup, test_changed_on_site,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/deleted-on-site", Fixture, NULL, fixture_setup, test_deleted_on_site,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/draft-schedule-and-refusal", Fixture, NULL, fixture_setup,
              test_draft_schedule_and_refusal, fixture_teardown);
  g_test_add ("/lede/ui-publish/refused-by-site", Fixture, NULL, fixture_setup, test_refused_by_site,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/lede/ui-publish/asks-what-changed", Fixture, NULL, fixture_setup, test_asks_what_changed,
              fixture_teardown);
  g_test_add ("/lede/ui-publish/open-from-site", Fixture, NULL, fixture_setup, test_open_from_site, fixture_teardown);
  status = g_test_run ();
  lede_test_rmdir (test_home);
  return status;
}
