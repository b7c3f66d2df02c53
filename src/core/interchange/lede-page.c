/* lede-page.c: the one HTML page a story is shown and published in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-page"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lede-interchange-resources.h"
#include "lede-markdown.h"
#include "lede-markup-text.h"
#include "lede-gate.h"
#include "lede-page.h"
#include "lede-time.h"

/**
 * lede_page_get_stylesheet:
 *
 * Returns: the stylesheet shared by the preview and HTML export
 */
const char *
lede_page_get_stylesheet (void)
{
  static char *css = NULL;

  if (g_once_init_enter (&css))
    {
      g_autoptr (GBytes) bytes = g_resource_lookup_data (lede_interchange_get_resource (),
                                                         LEDE_RESOURCE_PATH "/lede-story.css", 0, NULL);
      gsize len;
      const char *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &len);
      g_once_init_leave (&css, g_strndup (data, len));
    }
  return css;
}

/* A field's text in an element's content: what HTML refuses is dropped,
 * and Word's manual line break (U+000B) breaks the line. */
static void
append_escaped (GString    *page,
                const char *text)
{
  g_autofree char *clean = lede_markup_text_clean (text, -1, NULL);
  g_auto (GStrv) lines = g_strsplit (clean, "\v", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (page, "<br>");
      g_string_append (page, escaped);
    }
}

/* The same for a place that holds text only, as <title> does. */
static void
append_escaped_line (GString    *page,
                     const char *text)
{
  g_autofree char *clean = lede_markup_text_clean (text, -1, " ");
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (page, escaped);
}

static void
add_time (JsonBuilder *json,
          const char  *key,
          GDateTime   *time)
{
  g_autofree char *text = lede_time_format_utc (time);

  if (text == NULL)
    return;
  json_builder_set_member_name (json, key);
  json_builder_add_string_value (json, text);
}

/* The story's lead photo, or %NULL. */
static const LedePhoto *
lead_photo (LedeArticle *article)
{
  GPtrArray *photos = lede_article_get_photos (article);

  for (guint i = 0; photos != NULL && i < photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (photos, i);

      if (photo->role == LEDE_PHOTO_ROLE_LEAD)
        return photo;
    }
  return NULL;
}

/**
 * lede_page_dup_lead_photo_html:
 * @url_func: (nullable) (scope call): where the page finds the picture;
 *   %NULL for `lede-photo:SHA` (the preview)
 *
 * Returns: (transfer full): the story's lead photo as the page shows it
 *   above the story's text (a `<figure class="lead-photo">` with its alt
 *   text, size, caption and credit), or "" when it has none
 */
char *
lede_page_dup_lead_photo_html (LedeArticle      *article,
                               LedePhotoUrlFunc  url_func,
                               gpointer          user_data)
{
  const LedePhoto *photo;
  g_autofree char *url = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  if ((photo = lead_photo (article)) == NULL)
    return g_strdup ("");
  url = lede_markdown_dup_photo_url (photo, url_func, user_data);
  if (*url == '\0')
    return g_strdup ("");
  return lede_markdown_dup_figure (photo, url, "", "lead-photo", NULL);
}

/* schema.org's ImageObject for the lead photo. */
static void
add_image (JsonBuilder      *json,
           LedeArticle      *article,
           LedePhotoUrlFunc  url_func,
           gpointer          user_data)
{
  const LedePhoto *photo = lead_photo (article);
  g_autofree char *url = NULL;

  if (photo == NULL)
    return;
  url = lede_markdown_dup_photo_url (photo, url_func, user_data);
  json_builder_set_member_name (json, "image");
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "@type");
  json_builder_add_string_value (json, "ImageObject");
  json_builder_set_member_name (json, "url");
  json_builder_add_string_value (json, url);
  if (photo->width > 0 && photo->height > 0)
    {
      json_builder_set_member_name (json, "width");
      json_builder_add_int_value (json, photo->width);
      json_builder_set_member_name (json, "height");
      json_builder_add_int_value (json, photo->height);
    }
  if (photo->caption && *photo->caption)
    {
      json_builder_set_member_name (json, "caption");
      json_builder_add_string_value (json, photo->caption);
    }
  if (photo->credit && *photo->credit)
    {
      json_builder_set_member_name (json, "creditText");
      json_builder_add_string_value (json, photo->credit);
    }
  json_builder_end_object (json);
}

/* schema.org NewsArticle, for search engines and aggregators. */
static void
append_json_ld (GString            *page,
                LedeArticle        *article,
                const char * const *tags,
                LedePhotoUrlFunc    url_func,
                gpointer            user_data)
{
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *keywords = tags ? g_strjoinv (", ", (char **)tags) : g_strdup ("");
  const char *language = lede_article_get_language (article);
  GPtrArray *corrections = lede_article_get_corrections (article);

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "@context");
  json_builder_add_string_value (json, "https://schema.org");
  json_builder_set_member_name (json, "@type");
  json_builder_add_string_value (json, "NewsArticle");
  json_builder_set_member_name (json, "headline");
  json_builder_add_string_value (json, lede_article_get_headline (article));
  if (*lede_article_get_standfirst (article))
    {
      json_builder_set_member_name (json, "description");
      json_builder_add_string_value (json, lede_article_get_standfirst (article));
    }
  add_image (json, article, url_func, user_data);
  add_time (json, "datePublished", lede_article_get_published (article));
  add_time (json, "dateCreated", lede_article_get_created (article));
  add_time (json, "dateModified", lede_article_get_updated (article));
  if (*lede_article_get_byline (article))
    {
      json_builder_set_member_name (json, "author");
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "@type");
      json_builder_add_string_value (json, "Person");
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, lede_article_get_byline (article));
      json_builder_end_object (json);
    }
  if (*lede_article_get_dateline (article))
    {
      json_builder_set_member_name (json, "dateline");
      json_builder_add_string_value (json, lede_article_get_dateline (article));
    }
  if (*lede_article_get_section (article))
    {
      json_builder_set_member_name (json, "articleSection");
      json_builder_add_string_value (json, lede_article_get_section (article));
    }
  if (*keywords)
    {
      json_builder_set_member_name (json, "keywords");
      json_builder_add_string_value (json, keywords);
    }
  if (lede_markup_text_is_language_tag (language))
    {
      json_builder_set_member_name (json, "inLanguage");
      json_builder_add_string_value (json, language);
    }
  json_builder_set_member_name (json, "wordCount");
  json_builder_add_int_value (json, lede_markdown_count_words (lede_article_get_body (article)));
  /* schema.org's correction: one CorrectionComment each, updates too. */
  if (corrections && corrections->len > 0)
    {
      json_builder_set_member_name (json, "correction");
      json_builder_begin_array (json);
      for (guint i = 0; i < corrections->len; i++)
        {
          LedeCorrection *correction = g_ptr_array_index (corrections, i);
          const char *label = lede_correction_kind_get_label (correction->kind, language);
          g_autofree char *comment = g_strdup_printf ("%s: %s", label, correction->note);

          json_builder_begin_object (json);
          json_builder_set_member_name (json, "@type");
          json_builder_add_string_value (json, "CorrectionComment");
          json_builder_set_member_name (json, "text");
          json_builder_add_string_value (json, comment);
          add_time (json, "datePublished", correction->created);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }
  json_builder_end_object (json);

  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  /* JSON inside <script> must not hold "</script>" or "<!--": "<" is
   * written as its JSON escape, which only ever occurs inside strings. The
   * page must not hold what HTML refuses, in a script or not; JSON's syntax
   * is ASCII, so those characters can only be in a string's text. */
  clean = lede_markup_text_clean (text, -1, " ");
  g_string_append (page, "<script type=\"application/ld+json\">\n");
  for (const char *p = clean; *p; p++)
    {
      if (*p == '<')
        g_string_append (page, "\\u003c");
      else
        g_string_append_c (page, *p);
    }
  g_string_append (page, "\n</script>\n");
}

/**
 * lede_page_format_published:
 * @published: (nullable): the publication time
 * @machine: (out): for `<time datetime>`, UTC, or "" without a time
 * @human: (out): as a reader sees it, or ""
 */
void
lede_page_format_published (GDateTime  *published,
                            char      **machine,
                            char      **human)
{
  g_autoptr (GDateTime) utc = published ? g_date_time_to_utc (published) : NULL;

  *machine = published ? lede_time_format_utc (published) : g_strdup ("");
  *human = utc ? g_date_time_format (utc, "%-d %B %Y, %H:%M UTC") : g_strdup ("");
}

/* The corrections log, at the end of the story where readers look for it,
 * in the story's language. */
static void
append_corrections (GString    *page,
                    GPtrArray  *corrections,
                    const char *language)
{
  if (corrections == NULL || corrections->len == 0)
    return;
  g_string_append (page, "<aside class=\"corrections\">\n");
  for (guint i = 0; i < corrections->len; i++)
    {
      LedeCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *machine = lede_time_format_utc (correction->created);
      g_autofree char *date = lede_correction_dup_date (correction, language);

      g_string_append (page, "<p class=\"correction\"><strong>");
      append_escaped (page, lede_correction_kind_get_label (correction->kind, language));
      g_string_append_printf (page, "</strong>, <time datetime=\"%s\">", machine);
      append_escaped (page, date);
      g_string_append (page, "</time>: ");
      append_escaped (page, correction->note);
      g_string_append (page, "</p>\n");
    }
  g_string_append (page, "</aside>\n");
}

/**
 * lede_page_dup_embargo_banner:
 * @embargo_line: lede_gate_dup_embargo_line()'s, which needs no escaping
 *
 * Returns: (transfer full): the embargo line as the page and the fragment
 *   open with it
 */
char *
lede_page_dup_embargo_banner (const char *embargo_line)
{
  return g_strdup_printf ("<p class=\"embargo-banner\" role=\"note\">%s</p>\n", embargo_line);
}

/**
 * lede_page_dup_corrections_html:
 * @corrections: (nullable) (element-type LedeCorrection): the log
 * @language: the story's language, which the note's words are in
 *
 * Returns: (transfer full): the corrections note as the page ends with it
 *   (empty for none), its text escaped: what the preview shows
 */
char *
lede_page_dup_corrections_html (GPtrArray  *corrections,
                                const char *language)
{
  GString *html = g_string_new (NULL);

  append_corrections (html, corrections, language);
  return g_string_free (html, FALSE);
}

static char *
render_page (LedeArticle        *article,
             const char         *body_html,
             const char * const *tags,
             const char         *embargo_line,
             LedePageFlags       flags,
             LedePhotoUrlFunc    url_func,
             gpointer            user_data)
{
  g_autofree char *lead = NULL;
  GString *page = g_string_sized_new (8192 + (body_html ? strlen (body_html) : 0));
  const char *language = lede_article_get_language (article);
  const char *headline = lede_article_get_headline (article);

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  /* A language that is not a well-formed tag is left out rather than
   * written into lang: the checks tell the writer. */
  g_string_append (page, "<!DOCTYPE html>\n<html");
  if (*language == '\0' || lede_markup_text_is_language_tag (language))
    {
      g_string_append (page, " lang=\"");
      append_escaped_line (page, *language ? language : "en");
      g_string_append (page, "\"");
    }
  g_string_append (page, ">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'; img-src data: lede-photo:\">\n");
  /* HTML allows no empty title: a story without a headline is called by
   * its slug, or else "Untitled story". The title is what search results
   * show: the SEO title, when the story has one (issue 32). */
  g_string_append (page, "<title>");
  {
    g_autofree char *title = lede_markup_text_clean (lede_article_get_headline_for (article, LEDE_HEADLINE_SEO),
                                                     -1, " ");

    g_strstrip (title);
    if (*title == '\0')
      {
        g_free (title);
        title = lede_markup_text_clean (lede_article_get_slug (article), -1, " ");
        g_strstrip (title);
      }
    append_escaped_line (page, *title ? title : _("Untitled story"));
  }
  g_string_append (page, "</title>\n<style>\n");
  g_string_append (page, lede_page_get_stylesheet ());
  g_string_append (page, "</style>\n");
  if (!(flags & LEDE_PAGE_PREVIEW))
    {
      /* What a social card shows: the social headline, else the web one. */
      g_autofree char *social = lede_markup_text_clean (lede_article_get_headline_for (article, LEDE_HEADLINE_SOCIAL),
                                                        -1, " ");

      g_strstrip (social);
      if (*social)
        {
          g_string_append (page, "<meta property=\"og:type\" content=\"article\">\n"
                                 "<meta property=\"og:title\" content=\"");
          append_escaped_line (page, social);
          g_string_append (page, "\">\n");
        }
      append_json_ld (page, article, tags, url_func, user_data);
    }
  g_string_append (page, "</head>\n<body>\n");
  /* Said where no one can miss it: a page that leaves Lede early must not
   * be mistaken for one that may be published. The preview keeps the
   * element, hidden, for its script to fill. */
  if (embargo_line != NULL)
    {
      g_autofree char *banner = lede_page_dup_embargo_banner (embargo_line);
      g_string_append (page, banner);
    }
  else if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "<p class=\"embargo-banner\" role=\"note\" hidden></p>\n");
  g_string_append (page, "<article class=\"lede-story\">\n<header>\n<h1 class=\"headline\">");
  append_escaped (page, headline);
  g_string_append (page, "</h1>\n<p class=\"standfirst\">");
  append_escaped (page, lede_article_get_standfirst (article));
  g_string_append (page, "</p>\n<p class=\"credit\"><span class=\"byline\">");
  append_escaped (page, lede_article_get_byline (article));
  g_string_append (page, "</span><span class=\"dateline\">");
  append_escaped (page, lede_article_get_dateline (article));
  g_string_append (page, "</span>");
  /* The preview keeps every element, empty, for its script to fill. */
  if (lede_article_get_published (article) != NULL || (flags & LEDE_PAGE_PREVIEW))
    {
      g_autofree char *machine = NULL, *human = NULL;

      lede_page_format_published (lede_article_get_published (article), &machine, &human);
      g_string_append_printf (page, "<time class=\"published\" datetime=\"%s\">", machine);
      append_escaped (page, human);
      g_string_append (page, "</time>");
    }
  g_string_append (page, "</p>\n</header>\n");
  /* The lead photo, above the story's text; the preview keeps a place for
   * its script to fill. */
  lead = lede_page_dup_lead_photo_html (article, url_func, user_data);
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "<div class=\"lead-photo-place\">");
  g_string_append (page, lead);
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "</div>\n");
  g_string_append (page, "<div class=\"story-body\">\n");
  if (body_html != NULL)
    g_string_append (page, body_html);
  g_string_append (page, "</div>\n");
  if ((tags != NULL && tags[0] != NULL) || (flags & LEDE_PAGE_PREVIEW))
    {
      g_string_append (page, "<footer>\n<ul class=\"tags\">\n");
      for (guint i = 0; tags && tags[i]; i++)
        {
          g_string_append (page, "<li>");
          append_escaped_line (page, tags[i]);
          g_string_append (page, "</li>\n");
        }
      g_string_append (page, "</ul>\n</footer>\n");
    }
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "<div class=\"corrections-note\">");
  append_corrections (page, lede_article_get_corrections (article), language);
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "</div>\n");
  g_string_append (page, "</article>\n</body>\n</html>\n");

  return g_string_free (page, FALSE);
}

/**
 * lede_page_render:
 * @body_html: the body as lede_markdown_to_html() gave it
 * @tags: (nullable): the story's tags, listed after the body
 *
 * Returns: (transfer full): a standalone HTML5 document with the story's
 *   headline, standfirst, byline and dateline (all escaped), the lead
 *   photo (at `lede-photo:SHA`, the preview's scheme), the body and
 *   the shared stylesheet, marked as under embargo while it is. Elements
 *   keep the same classes whatever is empty, so the preview can fill them
 *   in place. For the preview (%LEDE_PAGE_PREVIEW) and the tests: a page
 *   that leaves Lede is lede_page_render_published()'s.
 */
char *
lede_page_render (LedeArticle        *article,
                  const char         *body_html,
                  const char * const *tags,
                  LedePageFlags       flags)
{
  g_autofree char *embargo = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  if (lede_article_is_under_embargo (article, NULL))
    embargo = lede_gate_dup_embargo_line (lede_article_get_embargo (article));
  return render_page (article, body_html, tags, embargo, flags, NULL, NULL);
}

/**
 * lede_page_render_published:
 * @verdict: the gate's, letting the story out
 * @body_html: the body as lede_markdown_to_published_html_with_photos()
 *   gave it
 * @url_func: (nullable) (scope call): where the page finds the lead
 *   photo's picture (the file beside it)
 *
 * Returns: (transfer full): the page HTML export writes: with schema.org
 *   JSON-LD (the lead photo its image) and the marks the gate asks for
 */
char *
lede_page_render_published (const LedeVerdict *verdict,
                            const char        *body_html,
                            LedePhotoUrlFunc   url_func,
                            gpointer           user_data)
{
  g_autofree char *embargo = NULL;

  g_return_val_if_fail (verdict != NULL && lede_verdict_may_leave (verdict), NULL);

  embargo = lede_verdict_dup_embargo_line (verdict);
  return render_page (lede_verdict_get_article (verdict), body_html, lede_verdict_get_tags (verdict),
                      embargo, LEDE_PAGE_DEFAULT, url_func, user_data);
}
