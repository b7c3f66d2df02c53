/* lede-export.c: a story as an HTML page, an HTML fragment, Markdown with
 * front matter, or IPTC ninjs.
 *
 * Every exporter renders with Lede's own Markdown and page code, the same
 * as the preview. The editorial note is internal and never exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-atomic-file.h"
#include "lede-export.h"
#include "lede-export-photos.h"
#include "lede-docx.h"
#include "lede-front-matter.h"
#include "lede-markdown.h"
#include "lede-markup-text.h"
#include "lede-page.h"
#include "lede-slug.h"
#include "lede-review.h"
#include "lede-time.h"

static const struct {
  const char *name;       /* as typed on the command line */
  const char *extension;
} formats[] = {
  [LEDE_EXPORT_FORMAT_HTML] = { "html", ".html" },
  [LEDE_EXPORT_FORMAT_FRAGMENT] = { "fragment", ".fragment.html" },
  [LEDE_EXPORT_FORMAT_MARKDOWN] = { "md", ".md" },
  [LEDE_EXPORT_FORMAT_NINJS] = { "ninjs", ".json" },
  [LEDE_EXPORT_FORMAT_DOCX] = { "docx", ".docx" },
};

gboolean
lede_export_format_from_string (const char       *name,
                                LedeExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lede_export_format_to_string (LedeExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

static void
add_string (JsonBuilder *json,
            const char  *key,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (json, key);
  json_builder_add_string_value (json, value);
}

static void
add_time (JsonBuilder *json,
          const char  *key,
          GDateTime   *time)
{
  g_autofree char *text = lede_time_format_utc (time);
  add_string (json, key, text);
}

/* The web headline as "main", then each headline written for its place
 * with its role (issue 32): one left empty is the main one there. */
static void
add_headlines (JsonBuilder *json,
               LedeArticle *article)
{
  const struct { const char *role, *value; } headlines[] = {
    { "main", lede_article_get_headline (article) },
    { "print", lede_article_get_print_headline (article) },
    { "seo", lede_article_get_seo_title (article) },
    { "social", lede_article_get_social_headline (article) },
  };
  gboolean begun = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      if (*headlines[i].value == '\0')
        continue;
      if (!begun)
        {
          json_builder_set_member_name (json, "headlines");
          json_builder_begin_array (json);
          begun = TRUE;
        }
      json_builder_begin_object (json);
      add_string (json, "role", headlines[i].role);
      add_string (json, "value", headlines[i].value);
      json_builder_end_object (json);
    }
  if (begun)
    json_builder_end_array (json);
}

/* The standfirst as the summary, then each correction, update and
 * clarification with its kind as the role: ninjs has no field for them,
 * and its ednote is for the receiving newsroom only, never published. */
static void
add_descriptions (JsonBuilder *json,
                  LedeArticle *article)
{
  const char *standfirst = lede_article_get_standfirst (article);
  GPtrArray *corrections = lede_article_get_corrections (article);

  if (*standfirst == '\0' && (corrections == NULL || corrections->len == 0))
    return;
  json_builder_set_member_name (json, "descriptions");
  json_builder_begin_array (json);
  if (*standfirst)
    {
      json_builder_begin_object (json);
      add_string (json, "role", "summary");
      add_string (json, "value", standfirst);
      json_builder_end_object (json);
    }
  for (guint i = 0; corrections && i < corrections->len; i++)
    {
      LedeCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *date = lede_time_format_utc (correction->created);
      g_autofree char *value = g_strdup_printf ("%s: %s", date, correction->note);

      json_builder_begin_object (json);
      add_string (json, "role", lede_correction_kind_to_string (correction->kind));
      add_string (json, "contenttype", "text/plain");
      add_string (json, "value", value);
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
}

static const char *
pubstatus (LedeArticleStatus status)
{
  switch (status)
    {
    case LEDE_ARTICLE_STATUS_PUBLISHED:
      return "usable";
    case LEDE_ARTICLE_STATUS_SPIKED:
      return "canceled";
    default:
      return "withheld";
    }
}

/* JSON may carry any character, but the HTML or XML a receiving system
 * makes of it may not: what those refuse is written as a JSON escape, which
 * every parser reads back as the same character, so the story's text
 * arrives whole. JSON's own syntax is ASCII, so such a character can only
 * be inside a string. */
static char *
escape_refused (char *json)
{
  GString *out;

  if (!g_utf8_validate (json, -1, NULL))
    {
      char *valid = g_utf8_make_valid (json, -1);

      g_free (json);
      json = valid;
    }
  out = g_string_sized_new (strlen (json));
  for (const char *p = json; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (lede_markup_text_is_allowed (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_printf (out, "\\u%04X\\u%04X", 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  g_free (json);
  return g_string_free (out, FALSE);
}

/* @text casefolded, each run of spaces and line breaks made one space. */
static char *
fold_for_names (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Whether @folded_text holds @folded_name as whole words. */
static gboolean
holds_words (const char *folded_text,
             const char *folded_name)
{
  gsize length = strlen (folded_name);

  if (length == 0)
    return FALSE;
  for (const char *p = strstr (folded_text, folded_name); p; p = strstr (p + 1, folded_name))
    if ((p == folded_text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)))) &&
        !g_unichar_isalnum (g_utf8_get_char (p + length)))
      return TRUE;
  return FALSE;
}

/* The story's sources as ninjs 2.2's people and organisations, related to
 * it as "quoted". Not infosources: those are the parties that supplied the
 * content (nar:infoSource), which a receiving CMS may show as the story's
 * suppliers; Lede knows no newsroom to name there. Only a source the story
 * names to readers goes out (by whole name, or a person by surname, in any
 * case): one it relies on without naming (on background) would otherwise
 * be named by the export alone. And only who a source is: contact details,
 * notes and the story's note on them stay in the library. Lede's sources
 * have no kind, so one that is its own organisation is an organisation. */
static void
add_sources (JsonBuilder *json,
             GPtrArray   *sources,
             const char  *reader_text)
{
  static const char * const members[] = { "people", "organisations" };
  g_autofree char *text = NULL;

  if (sources == NULL || sources->len == 0)
    return;
  text = fold_for_names (reader_text);
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      gboolean begun = FALSE;

      for (guint i = 0; i < sources->len; i++)
        {
          LedeSource *source = g_ptr_array_index (sources, i);
          g_autofree char *name = fold_for_names (source->name);
          g_autofree char *organisation = fold_for_names (source->organisation);
          gboolean is_organisation = *name && g_str_equal (name, organisation);
          const char *surname = strrchr (name, ' ');

          if (is_organisation != (m == 1))
            continue;
          if (!holds_words (text, name) && (is_organisation || surname == NULL || !holds_words (text, surname + 1)))
            continue;
          if (!begun)
            {
              json_builder_set_member_name (json, members[m]);
              json_builder_begin_array (json);
              begun = TRUE;
            }
          json_builder_begin_object (json);
          add_string (json, "name", source->name);
          add_string (json, "rel", "quoted");
          json_builder_end_object (json);
        }
      if (begun)
        json_builder_end_array (json);
    }
}

/* One photo as ninjs 2.2 describes an associated picture: its texts (the
 * caption and alt text as descriptions with those roles, the credit as
 * by and copyrightnotice) and its one rendition, the file beside the
 * story. ninjs's href must be an absolute URI, which a file beside a
 * folder that may move has not: the file is named in the rendition's
 * title. */
static void
add_association (JsonBuilder     *json,
                 const LedePhoto *photo,
                 const char      *name,
                 const char      *file)
{
  g_autofree char *uri = g_strconcat ("urn:lede:photo:", photo->sha256, NULL);

  json_builder_begin_object (json);
  add_string (json, "name", name);
  add_string (json, "uri", uri);
  add_string (json, "type", "picture");
  add_string (json, "representationtype", "full");
  if (*photo->caption || *photo->alt_text)
    {
      json_builder_set_member_name (json, "descriptions");
      json_builder_begin_array (json);
      if (*photo->caption)
        {
          json_builder_begin_object (json);
          add_string (json, "role", "caption");
          add_string (json, "contenttype", "text/plain");
          add_string (json, "value", photo->caption);
          json_builder_end_object (json);
        }
      if (*photo->alt_text)
        {
          json_builder_begin_object (json);
          add_string (json, "role", "alt");
          add_string (json, "contenttype", "text/plain");
          add_string (json, "value", photo->alt_text);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }
  add_string (json, "by", photo->credit);
  add_string (json, "copyrightnotice", photo->credit);
  json_builder_set_member_name (json, "renditions");
  json_builder_begin_array (json);
  json_builder_begin_object (json);
  add_string (json, "name", "original");
  add_string (json, "title", file);
  add_string (json, "contenttype", photo->media_type);
  if (photo->width > 0 && photo->height > 0)
    {
      json_builder_set_member_name (json, "width");
      json_builder_add_int_value (json, photo->width);
      json_builder_set_member_name (json, "height");
      json_builder_add_int_value (json, photo->height);
    }
  if (photo->size > 0)
    {
      json_builder_set_member_name (json, "sizeinbytes");
      json_builder_add_int_value (json, photo->size);
    }
  json_builder_end_object (json);
  json_builder_end_array (json);
  json_builder_end_object (json);
}

/* The story's photos, in its order: "lead", then "body-1", "body-2"… */
static void
add_associations (JsonBuilder *json,
                  GPtrArray   *photos,
                  GHashTable  *names)
{
  guint body = 0;

  if (photos == NULL || photos->len == 0)
    return;
  json_builder_set_member_name (json, "associations");
  json_builder_begin_array (json);
  for (guint i = 0; i < photos->len; i++)
    {
      const LedePhoto *photo = g_ptr_array_index (photos, i);
      g_autofree char *name = photo->role == LEDE_PHOTO_ROLE_LEAD ? g_strdup ("lead") : g_strdup_printf ("body-%u", ++body);
      const char *file = g_hash_table_lookup (names, photo->sha256);

      if (file != NULL)
        add_association (json, photo, name, file);
    }
  json_builder_end_array (json);
}

static char *
export_ninjs (LedeArticle        *article,
              const char * const *tags,
              GPtrArray          *sources,
              const char         *reader_text,
              const char         *body_html,
              GHashTable         *names)
{
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *uri = g_strconcat ("urn:uuid:", lede_article_get_uuid (article), NULL);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              lede_article_get_updated (article)
                                              ? g_date_time_to_unix (lede_article_get_updated (article)) : 0);
  g_autofree char *plain = lede_markdown_to_plain_text (lede_article_get_body (article), -1);

  json_builder_begin_object (json);
  add_string (json, "uri", uri);
  add_string (json, "type", "text");
  add_string (json, "representationtype", "full");
  json_builder_set_member_name (json, "standard");
  json_builder_begin_object (json);
  add_string (json, "name", "ninjs");
  add_string (json, "version", "2.2");
  add_string (json, "schema", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#");
  json_builder_end_object (json);
  add_string (json, "version", version);
  add_time (json, "firstcreated", lede_article_get_created (article));
  add_time (json, "versioncreated", lede_article_get_updated (article));
  add_time (json, "embargoed", lede_article_get_embargo (article));
  add_string (json, "pubstatus", pubstatus (lede_article_get_status (article)));
  if (lede_markup_text_is_language_tag (lede_article_get_language (article)))
    add_string (json, "language", lede_article_get_language (article));
  add_headlines (json, article);
  add_descriptions (json, article);
  add_string (json, "by", lede_article_get_byline (article));
  add_string (json, "located", lede_article_get_dateline (article));
  add_string (json, "slugline", lede_article_get_slug (article));

  json_builder_set_member_name (json, "bodies");
  json_builder_begin_array (json);
  json_builder_begin_object (json);
  add_string (json, "role", "main");
  add_string (json, "contenttype", "text/html");
  json_builder_set_member_name (json, "charcount");
  json_builder_add_int_value (json, g_utf8_strlen (plain, -1));
  json_builder_set_member_name (json, "wordcount");
  json_builder_add_int_value (json, lede_markdown_count_words (lede_article_get_body (article)));
  json_builder_set_member_name (json, "value");
  json_builder_add_string_value (json, body_html);
  json_builder_end_object (json);
  json_builder_end_array (json);

  if (tags != NULL && tags[0] != NULL)
    {
      json_builder_set_member_name (json, "subjects");
      json_builder_begin_array (json);
      for (guint i = 0; tags[i]; i++)
        {
          json_builder_begin_object (json);
          add_string (json, "name", tags[i]);
          add_string (json, "literal", tags[i]);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }
  add_sources (json, sources, reader_text);
  add_associations (json, lede_article_get_photos (article), names);
  json_builder_end_object (json);

  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return escape_refused (json_generator_to_data (generator, NULL));
}

/* A LedeRewriteUrlFunc: lede-photo:SHA as the picture's file. */
static char *
picture_file (const char *url,
              const char *description,
              gpointer    names)
{
  const char *name;

  if (!g_str_has_prefix (url, LEDE_PHOTO_URL_PREFIX))
    return NULL;
  name = g_hash_table_lookup (names, url + strlen (LEDE_PHOTO_URL_PREFIX));
  return name ? g_strdup (name) : NULL;
}

/**
 * lede_export_story:
 * @verdict: the gate's verdict on the story (lede_gate_ask()), which must
 *   let it leave; it holds the story, its tags and sources, and the marks
 *   it carries
 *
 * Returns: (transfer full): the story in @format: UTF-8 text, or a zip for DOCX
 */
GBytes *
lede_export_story (const LedeVerdict *verdict,
                   LedeExportFormat   format)
{
  return lede_export_story_full (verdict, format, NULL, NULL);
}

/**
 * lede_export_story_full:
 * @library: (nullable): where the story's photos' bytes are, for DOCX,
 *   which holds them; without it DOCX gives each photo's texts alone
 *
 * Returns: (transfer full): lede_export_story(), or %NULL with @error set
 *   when a photo's bytes are missing or damaged
 */
GBytes *
lede_export_story_full (const LedeVerdict  *verdict,
                        LedeExportFormat    format,
                        LedeLibrary        *library,
                        GError            **error)
{
  g_autofree char *body_html = NULL;
  g_autoptr (GHashTable) names = NULL;
  LedeArticle *article;
  const char * const *tags;
  GPtrArray *sources;
  char *out = NULL;

  g_return_val_if_fail (verdict != NULL && lede_verdict_may_leave (verdict), NULL);
  /* Suggestions and comments kept are Markdown's alone (CriticMarkup). */
  g_return_val_if_fail (lede_verdict_get_way_out (verdict) != LEDE_WAY_OUT_REVIEW || format == LEDE_EXPORT_FORMAT_MARKDOWN, NULL);

  article = lede_verdict_get_article (verdict);
  tags = lede_verdict_get_tags (verdict);
  sources = lede_verdict_get_sources (verdict);
  if (format == LEDE_EXPORT_FORMAT_DOCX)
    return lede_docx_write (verdict, library, error);
  /* Each picture at its file beside the story. */
  names = lede_export_photos_name_files (lede_article_get_photos (article));
  if (format != LEDE_EXPORT_FORMAT_MARKDOWN)
    body_html = lede_markdown_to_published_html_with_photos (lede_article_get_body (article), -1,
                                                             lede_article_get_photos (article),
                                                             lede_export_photos_url, names);

  switch (format)
    {
    case LEDE_EXPORT_FORMAT_HTML:
      out = lede_page_render_published (verdict, body_html, lede_export_photos_url, names);
      break;
    case LEDE_EXPORT_FORMAT_FRAGMENT:
      {
        /* A fragment pasted into a CMS opens with the embargo line and
         * ends with the corrections note, as the page does. */
        g_autofree char *embargo = lede_verdict_dup_embargo_line (verdict);
        g_autofree char *banner = embargo ? lede_page_dup_embargo_banner (embargo) : g_strdup ("");
        g_autofree char *corrections = lede_page_dup_corrections_html (lede_article_get_corrections (article),
                                                                       lede_article_get_language (article));
        g_autofree char *lead = lede_page_dup_lead_photo_html (article, lede_export_photos_url, names);

        out = g_strconcat (banner, lead, body_html, corrections, NULL);
      }
      break;
    case LEDE_EXPORT_FORMAT_MARKDOWN:
      {
        g_autofree char *front_matter = lede_front_matter_write (article, tags, sources);
        g_autofree char *note = lede_front_matter_dup_corrections_note (lede_article_get_corrections (article),
                                                                        lede_article_get_language (article));
        /* Each picture at its file beside the story, as a site generator
         * reads it; import turns them back into lede-photo:SHA. */
        g_autofree char *body = lede_markdown_rewrite_pictures (lede_article_get_body (article), picture_file, names);

        out = g_strconcat (front_matter, "\n", body, note, NULL);
      }
      break;
    case LEDE_EXPORT_FORMAT_NINJS:
      out = export_ninjs (article, tags, sources, lede_verdict_get_reader_text (verdict), body_html, names);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return g_bytes_new_take (out, strlen (out));
}

/* Copy as HTML: a picture larger than this is left out of the copy. */
#define CLIPBOARD_MAX_PICTURE (8 * 1000 * 1000)

typedef struct {
  LedeLibrary *library;
  GHashTable  *urls;     /* SHA-256 → data: address, or "" when left out */
  GString     *omitted;  /* the names of those left out, for the note */
} Inlining;

/* A LedePhotoUrlFunc: the picture itself, as a data: address. */
static char *
inline_picture (const LedePhoto *photo,
                gpointer         data)
{
  Inlining *inlining = data;
  const char *known = g_hash_table_lookup (inlining->urls, photo->sha256);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *base64 = NULL;
  char *url;

  if (known != NULL)
    return g_strdup (known);
  if (photo->size <= CLIPBOARD_MAX_PICTURE && inlining->library != NULL &&
      (bytes = lede_library_dup_photo_bytes (inlining->library, photo, NULL)) != NULL)
    {
      base64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      url = g_strconcat ("data:", photo->media_type, ";base64,", base64, NULL);
    }
  else
    {
      url = g_strdup ("");
      g_string_append_printf (inlining->omitted, "%s%s", inlining->omitted->len ? ", " : "", photo->file_name);
    }
  g_hash_table_insert (inlining->urls, g_strdup (photo->sha256), url);
  return g_strdup (url);
}

/**
 * lede_export_story_for_clipboard:
 * @verdict: the gate's, letting the story out by Copy as HTML
 * @library: (nullable): where its photos' bytes are
 *
 * Returns: (transfer full): the fragment export's HTML, its pictures
 *   inside it as data: addresses, so a CMS editor the copy is pasted into
 *   has them without a file beside it; a picture over 8 MB, or one the
 *   library cannot give, is left out and named in a note at the end
 */
char *
lede_export_story_for_clipboard (const LedeVerdict *verdict,
                                 LedeLibrary       *library)
{
  LedeArticle *article;
  g_autofree char *embargo = NULL, *banner = NULL, *lead = NULL, *body = NULL, *corrections = NULL;
  g_autoptr (GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GString) omitted = g_string_new (NULL);
  g_autofree char *note = NULL;
  Inlining inlining = { library, urls, omitted };

  g_return_val_if_fail (verdict != NULL && lede_verdict_may_leave (verdict), NULL);

  article = lede_verdict_get_article (verdict);
  embargo = lede_verdict_dup_embargo_line (verdict);
  banner = embargo ? lede_page_dup_embargo_banner (embargo) : g_strdup ("");
  lead = lede_page_dup_lead_photo_html (article, inline_picture, &inlining);
  body = lede_markdown_to_published_html_with_photos (lede_article_get_body (article), -1,
                                                      lede_article_get_photos (article), inline_picture, &inlining);
  corrections = lede_page_dup_corrections_html (lede_article_get_corrections (article), lede_article_get_language (article));
  if (omitted->len > 0)
    {
      g_autofree char *said = g_strdup_printf (_("Not in this copy, too large to paste or missing from the library: %s. "
                                                 "Export the story to have them as files."), omitted->str);
      g_autofree char *escaped = g_markup_escape_text (said, -1);

      note = g_strdup_printf ("<p class=\"lede-notice\">%s</p>\n", escaped);
    }
  return g_strconcat (banner, lead, body, note ? note : "", corrections, NULL);
}

/* The longest slug a file name keeps, in bytes. */
#define MAX_NAME_SLUG 100

/**
 * lede_export_goes_in_folder:
 *
 * Returns: whether @article goes out in @format as a folder of its own:
 *   a story with photos, in every format but DOCX (which holds them)
 */
gboolean
lede_export_goes_in_folder (LedeArticle      *article,
                            LedeExportFormat  format)
{
  return format != LEDE_EXPORT_FORMAT_DOCX && lede_export_photos_has_any (lede_article_get_photos (article));
}

/**
 * lede_export_base_name:
 *
 * What a file of the story is called before its extension, whatever
 * writes it (an export, Print to File).
 *
 * Returns: (transfer full): the story's slug (else one made from its
 *   headline, else its uuid), safe as a file name
 */
char *
lede_export_base_name (LedeArticle *article)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (article), NULL);

  slug = g_strdup (lede_article_get_slug (article));
  /* The slug is the user's; the file name still must not climb folders. */
  g_strdelimit (slug, "/\\", '-');
  if (*slug == '\0' || *slug == '.')
    {
      g_autofree char *headline = lede_review_dup_accepted (lede_article_get_headline (article));

      g_free (slug);
      slug = lede_slug_from_text (headline);
    }
  if (*slug == '\0')
    {
      g_free (slug);
      slug = g_strdup (*lede_article_get_uuid (article) ? lede_article_get_uuid (article) : "story");
    }
  /* File systems take 255 bytes a name; a slug is the user's to make as
   * long as they like, so the name keeps its first MAX_NAME_SLUG bytes,
   * cut between characters. */
  if (strlen (slug) > MAX_NAME_SLUG)
    {
      const char *end = g_utf8_find_prev_char (slug, slug + MAX_NAME_SLUG + 1);

      slug[end - slug] = '\0';
    }
  return g_steal_pointer (&slug);
}

/**
 * lede_export_file_name:
 *
 * Returns: (transfer full): the story's base name
 *   (lede_export_base_name()) and the format's extension; with
 *   %LEDE_EXPORT_FLAGS_JEKYLL_NAMES, Markdown names start with the date.
 *   A story with photos goes in a folder of that name with its pictures
 *   (lede_export_goes_in_folder()): `slug/index.html`, `slug/index.md`
 *   (a Hugo page bundle), `DATE-slug/DATE-slug.md` for Jekyll (as
 *   jekyll-postfiles reads it)
 */
char *
lede_export_file_name (LedeArticle      *article,
                       LedeExportFormat  format,
                       LedeExportFlags   flags)
{
  g_autofree char *slug = lede_export_base_name (article);
  g_autofree char *prefix = NULL;
  GDateTime *date = lede_article_get_published (article) ? lede_article_get_published (article)
                                                         : lede_article_get_created (article);

  if ((flags & LEDE_EXPORT_FLAGS_JEKYLL_NAMES) && format == LEDE_EXPORT_FORMAT_MARKDOWN && date)
    prefix = g_strdup_printf ("%04d-%02d-%02d-", g_date_time_get_year (date),
                              g_date_time_get_month (date), g_date_time_get_day_of_month (date));
  if (lede_export_goes_in_folder (article, format))
    {
      g_autofree char *folder = g_strconcat (prefix ? prefix : "", slug, NULL);

      return g_strconcat (folder, G_DIR_SEPARATOR_S, prefix ? folder : "index", formats[format].extension, NULL);
    }
  return g_strconcat (prefix ? prefix : "", slug, formats[format].extension, NULL);
}

G_DEFINE_QUARK (lede-export-error-quark, lede_export_error)
