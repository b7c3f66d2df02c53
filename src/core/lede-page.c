/* lede-page.c: the one HTML page a story is shown and published in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-page"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lede-core-resources.h"
#include "lede-page.h"

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
      g_autoptr (GBytes) bytes = g_resource_lookup_data (lede_core_get_resource (),
                                                         LEDE_RESOURCE_PATH "/lede-story.css", 0, NULL);
      gsize len;
      const char *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &len);
      g_once_init_leave (&css, g_strndup (data, len));
    }
  return css;
}

static void
append_escaped (GString    *page,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (page, escaped);
}

/**
 * lede_page_render:
 * @body_html: the body as lede_markdown_to_html() gave it
 *
 * Returns: (transfer full): a standalone HTML5 document with the story's
 *   headline, standfirst, byline and dateline (all escaped), the body and
 *   the shared stylesheet. Elements keep the same classes whatever is empty,
 *   so the preview can fill them in place.
 */
char *
lede_page_render (LedeArticle   *article,
                  const char    *body_html,
                  LedePageFlags  flags)
{
  GString *page = g_string_sized_new (8192 + (body_html ? strlen (body_html) : 0));
  const char *language = lede_article_get_language (article);
  const char *headline = lede_article_get_headline (article);

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  g_string_append (page, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (page, *language ? language : "en");
  g_string_append (page, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  if (flags & LEDE_PAGE_PREVIEW)
    g_string_append (page, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'; img-src data:\">\n");
  g_string_append (page, "<title>");
  append_escaped (page, headline);
  g_string_append (page, "</title>\n<style>\n");
  g_string_append (page, lede_page_get_stylesheet ());
  g_string_append (page, "</style>\n</head>\n<body>\n<article class=\"lede-story\">\n<header>\n"
                         "<h1 class=\"headline\">");
  append_escaped (page, headline);
  g_string_append (page, "</h1>\n<p class=\"standfirst\">");
  append_escaped (page, lede_article_get_standfirst (article));
  g_string_append (page, "</p>\n<p class=\"credit\"><span class=\"byline\">");
  append_escaped (page, lede_article_get_byline (article));
  g_string_append (page, "</span><span class=\"dateline\">");
  append_escaped (page, lede_article_get_dateline (article));
  g_string_append (page, "</span></p>\n</header>\n<div class=\"story-body\">\n");
  if (body_html != NULL)
    g_string_append (page, body_html);
  g_string_append (page, "</div>\n</article>\n</body>\n</html>\n");

  return g_string_free (page, FALSE);
}
