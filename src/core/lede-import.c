/* lede-import.c: stories from Markdown (with or without front matter) and
 * plain-text files.
 *
 * A file is checked whole before anything is written (size, NUL bytes,
 * UTF-8, front matter), then goes into the library in one transaction, so
 * a refused file changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-front-matter.h"
#include "lede-import.h"
#include "lede-time.h"

G_DEFINE_QUARK (lede-import-error-quark, lede_import_error)

#define BOM "\xEF\xBB\xBF"

/* Line and column (from 1) of byte @offset, for errors a person can act on. */
static void
locate (const char *data,
        gsize       offset,
        gsize      *line,
        gsize      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < data + offset; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = data + offset - line_start + 1;
}

static gboolean
check_text (const char  *data,
            gsize        len,
            GError     **error)
{
  const char *nul = memchr (data, '\0', len);
  const char *end;
  gsize line, column;

  if (nul != NULL)
    {
      locate (data, nul - data, &line, &column);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_BINARY,
                   _("It holds a NUL byte at line %zu, column %zu: it looks like a binary file, not a story"),
                   line, column);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      locate (data, end - data, &line, &column);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_NOT_UTF8,
                   _("It is not valid UTF-8 at line %zu, column %zu (byte %zu): save it as UTF-8 and import it again"),
                   line, column, (gsize)(end - data) + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_plain_text (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text");
}

/* Whether @text has old Mac line ends: its first line ends in a lone "\r".
 * A Markdown file whose first line ends in "\n" keeps any "\r" inside it
 * (a kept front-matter value may hold one), so it still reads back as it
 * was written. */
static gboolean
has_old_mac_line_ends (const char *text)
{
  const char *end = text + strcspn (text, "\r\n");

  return end[0] == '\r' && end[1] != '\n';
}

/* "\r\n" and a lone "\r" as "\n". */
static char *
with_unix_line_ends (const char *text)
{
  GString *fixed = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (fixed, *p == '\r' ? '\n' : *p);
    }
  return g_string_free (fixed, FALSE);
}

/* The first line is the headline, the next paragraph the standfirst, then
 * the body's paragraphs; a last line "Tags: a, b" gives the tags. */
static void
parse_plain_text (const char   *text,
                  LedeArticle  *article,
                  GStrvBuilder *tags)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) paragraph = g_string_new (NULL);
  g_autoptr (GString) body = g_string_new (NULL);
  guint n;

  /* Windows ("\r\n") and old Mac ("\r") line ends become "\n". */
  {
    g_autofree char *fixed = with_unix_line_ends (text);

    lines = g_strsplit (fixed, "\n", -1);
  }

  for (guint i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        {
          if (paragraph->len > 0)
            g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
          g_string_truncate (paragraph, 0);
          continue;
        }
      /* The headline is one line whatever follows it. */
      if (paragraphs->len == 0 && paragraph->len > 0)
        {
          g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
          g_string_truncate (paragraph, 0);
        }
      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, lines[i]);
    }
  if (paragraph->len > 0)
    g_ptr_array_add (paragraphs, g_strdup (paragraph->str));

  n = paragraphs->len;
  if (n > 1 && strchr (g_ptr_array_index (paragraphs, n - 1), '\n') == NULL &&
      g_ascii_strncasecmp (g_ptr_array_index (paragraphs, n - 1), "tags:", 5) == 0)
    {
      g_auto (GStrv) parts = g_strsplit ((char *)g_ptr_array_index (paragraphs, n - 1) + 5, ",", -1);
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          g_strv_builder_add (tags, parts[i]);
      n--;
    }

  if (n > 0)
    lede_article_set_headline (article, g_strstrip ((char *)g_ptr_array_index (paragraphs, 0)));
  if (n > 1)
    {
      g_autofree char *standfirst = g_strdelimit (g_strdup (g_ptr_array_index (paragraphs, 1)), "\n", ' ');
      lede_article_set_standfirst (article, g_strstrip (standfirst));
    }
  /* The body is every paragraph after the headline and standfirst. */
  for (guint i = 2; i < n; i++)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, g_ptr_array_index (paragraphs, i));
    }
  if (body->len > 0)
    g_string_append_c (body, '\n');
  lede_article_set_body (article, body->str);
}

/* Markdown: optional front matter between "---" lines, then the body. With
 * no title in front matter, a first "# Heading" line is the headline. */
static gboolean
parse_markdown (const char   *text,
                LedeArticle  *article,
                GStrvBuilder *tags,
                gboolean     *has_title,
                GError      **error)
{
  const char *body = text;

  if (g_str_has_prefix (text, "---\n") || g_str_has_prefix (text, "---\r\n"))
    {
      const char *yaml = strchr (text, '\n') + 1;
      const char *close = NULL;

      for (const char *line = yaml; line && *line; line = strchr (line, '\n'), line = line ? line + 1 : NULL)
        if ((g_str_has_prefix (line, "---") || g_str_has_prefix (line, "...")) &&
            (line[3] == '\n' || line[3] == '\r' || line[3] == '\0'))
          {
            close = line;
            break;
          }
      if (close == NULL)
        {
          g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                       _("The front matter opened with “---” on line 1 is never closed: "
                         "add a “---” line after it"));
          return FALSE;
        }
      if (!lede_front_matter_read (yaml, close - yaml, article, tags, has_title, error))
        return FALSE;
      body = strchr (close, '\n');
      body = body ? body + 1 : close + 3;
      /* The blank line written after the front matter is not the body's. */
      if (*body == '\n')
        body++;
      else if (body[0] == '\r' && body[1] == '\n')
        body += 2;
    }

  /* Only with no "title" at all: an empty one is an empty headline. */
  if (!*has_title && g_str_has_prefix (body, "# "))
    {
      const char *end = strchr (body, '\n');
      g_autofree char *headline = g_strndup (body + 2, end ? (gsize)(end - body - 2) : strlen (body + 2));

      lede_article_set_headline (article, g_strstrip (headline));
      body = end ? end + 1 : body + strlen (body);
      while (*body == '\n')
        body++;
    }
  lede_article_set_body (article, body);
  return TRUE;
}

/**
 * lede_import_parse:
 * @name: the file's name: ".txt" and ".text" are plain text, the rest Markdown
 * @tags: (out) (transfer full): the story's tags
 *
 * Returns: (transfer full): the story, not yet in any library, or %NULL
 *   with @error saying what is wrong and where
 */
LedeArticle *
lede_import_parse (const char   *name,
                   const char   *data,
                   gsize         len,
                   char       ***tags,
                   GError      **error)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  g_autoptr (GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  gboolean has_title = FALSE;

  g_return_val_if_fail (tags != NULL, NULL);

  if (len >= 3 && memcmp (data, BOM, 3) == 0)
    data += 3, len -= 3;
  if (!check_text (data, len, error))
    return NULL;
  text = g_strndup (data, len);
  if (strspn (text, " \t\r\n") == strlen (text))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EMPTY, _("It is empty"));
      return NULL;
    }

  /* A Markdown file from an old Mac is read as its plain-text cousin is:
   * with "\n" line ends, so its front matter is found and its body is
   * lines, not one long line. */
  if (!is_plain_text (name) && has_old_mac_line_ends (text))
    {
      char *fixed = with_unix_line_ends (text);

      g_free (text);
      text = fixed;
    }

  if (is_plain_text (name))
    parse_plain_text (text, article, tag_builder);
  else if (!parse_markdown (text, article, tag_builder, &has_title, error))
    return NULL;

  if (!has_title && *lede_article_get_headline (article) == '\0')
    {
      g_autofree char *base = g_path_get_basename (name);
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      lede_article_set_headline (article, base);
    }
  *tags = g_strv_builder_end (tag_builder);
  return g_steal_pointer (&article);
}

/* Reads and parses the file at @path; errors say what is wrong, not which
 * file (lede_import_file() names it once). */
static LedeArticle *
read_story (const char   *path,
            char       ***tags,
            GError      **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ, _("it is not a file"));
      return NULL;
    }
  /* Refused before reading, so a huge file costs nothing. */
  if (g_file_info_get_size (info) > LEDE_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_TOO_LARGE,
                   _("it is %s, and a story can be at most 16 MB"), size);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ, local_error->message);
      return NULL;
    }
  return lede_import_parse (path, data, len, tags, error);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

/* Whether a file says what the library holds, field by field. */
/* Sources compare by name and note: a file's are known only by name. A
 * file without "sources:" (@a's %NULL) changes none. */
static gboolean
same_sources (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL)
    return TRUE;
  if (a->len != (b ? b->len : 0))
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      LedeSource *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_autofree char *x_name = g_utf8_casefold (x->name, -1);
      g_autofree char *y_name = g_utf8_casefold (y->name, -1);

      if (!g_str_equal (x_name, y_name) || g_strcmp0 (x->story_note, y->story_note) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_story (LedeArticle        *a,
            const char * const *a_tags,
            LedeArticle        *b,
            const char * const *b_tags)
{
  return g_str_equal (lede_article_get_headline (a), lede_article_get_headline (b)) &&
         g_str_equal (lede_article_get_standfirst (a), lede_article_get_standfirst (b)) &&
         g_str_equal (lede_article_get_slug (a), lede_article_get_slug (b)) &&
         g_str_equal (lede_article_get_byline (a), lede_article_get_byline (b)) &&
         g_str_equal (lede_article_get_dateline (a), lede_article_get_dateline (b)) &&
         g_str_equal (lede_article_get_section (a), lede_article_get_section (b)) &&
         g_str_equal (lede_article_get_language (a), lede_article_get_language (b)) &&
         g_str_equal (lede_article_get_body (a), lede_article_get_body (b)) &&
         g_str_equal (lede_article_get_extra_front_matter (a), lede_article_get_extra_front_matter (b)) &&
         lede_article_get_status (a) == lede_article_get_status (b) &&
         lede_article_get_word_goal (a) == lede_article_get_word_goal (b) &&
         same_time (lede_article_get_embargo (a), lede_article_get_embargo (b)) &&
         same_time (lede_article_get_published (a), lede_article_get_published (b)) &&
         same_sources (lede_article_get_sources (a), lede_article_get_sources (b)) &&
         /* A file without "corrections:" changes none. */
         (lede_article_get_corrections (a) == NULL ||
          lede_correction_list_equal (lede_article_get_corrections (a), lede_article_get_corrections (b))) &&
         g_strv_equal (a_tags ? a_tags : (const char * const[]) { NULL },
                       b_tags ? b_tags : (const char * const[]) { NULL });
}

/* A file whose uuid the library has is that story. Its lastmod against the
 * library's last save decides: later, it replaces the story; earlier (or
 * the story has unsaved changes in a window), it is left out; the same, the
 * file was edited elsewhere since it was exported, and replaces the story
 * unless it says just what the library holds. */
static gboolean
import_known_story (LedeLibrary        *library,
                    LedeArticle        *article,
                    LedeArticle        *existing,
                    const char * const *tags,
                    LedeImportOutcome  *outcome,
                    GError            **error)
{
  g_autoptr (LedeArticle) current = NULL;
  g_auto (GStrv) current_tags = NULL;
  g_autofree char *when = NULL;
  GDateTime *lastmod = lede_article_get_updated (article);
  gint64 id = lede_article_get_id (existing);
  gboolean typed;
  int order;

  /* Whatever is being typed into it counts: saved first, compared after. */
  typed = lede_library_want_saved (library, id);
  if (!(current = lede_library_get_article (library, id, error)) ||
      !(current_tags = lede_library_get_tags (library, id, error)))
    return FALSE;

  if (same_story (article, tags, current, (const char * const *)current_tags))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("it is already in the library, unchanged"));
      return FALSE;
    }
  if (lastmod == NULL)
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("it is already in the library, and has no lastmod to tell which copy is newer "
                     "(import it as a new story to keep both)"));
      return FALSE;
    }
  order = lede_article_get_updated (current) ? g_date_time_compare (lastmod, lede_article_get_updated (current)) : 1;
  when = lede_time_format_utc (lede_article_get_updated (current));
  if (order < 0 || typed)
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER,
                   _("the library’s copy is newer (changed %s), so it was left as it is "
                     "(import it as a new story to keep both)"), when);
      return FALSE;
    }

  /* Edited elsewhere since it was exported: a change made now. */
  if (order == 0)
    lede_article_set_updated (article, NULL);
  /* Fields an export never carries stay as the library has them. */
  lede_article_set_editorial_note (article, lede_article_get_editorial_note (current));
  /* What the file replaces stays in the story's history. */
  if (!lede_library_keep_revision (library, current, _("before import"), NULL, NULL, error))
    return FALSE;
  if (!lede_library_replace_story (library, id, article, tags, error))
    return FALSE;
  lede_article_set_id (article, id);
  *outcome = LEDE_IMPORT_UPDATED;
  return TRUE;
}

/**
 * lede_import_file_full:
 * @flags: %LEDE_IMPORT_AS_NEW to add a story with its own uuid even when
 *   the library has the file's
 * @outcome: (out) (optional): whether the story was added or updated
 *
 * Reads @path and adds it to @library with its tags, in one transaction. A
 * file whose uuid the library has is the same story: a newer copy (by its
 * lastmod, or edited elsewhere since its export) updates it in place; one
 * that says what the library holds, or is older, is left out with
 * %LEDE_IMPORT_ERROR_ALREADY_THERE or %LEDE_IMPORT_ERROR_OLDER.
 *
 * Returns: (transfer full): the story, or %NULL with @error set (the
 *   message names the file)
 */
LedeArticle *
lede_import_file_full (LedeLibrary        *library,
                       const char         *path,
                       LedeImportFlags     flags,
                       LedeImportOutcome  *outcome,
                       GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeArticle) article = NULL;
  LedeImportOutcome done = LEDE_IMPORT_ADDED;
  gboolean ok = FALSE;

  /* Never opened: reading and closing the library's own file would drop
   * the locks of the connection that has it open. */
  if (lede_library_is_own_file (library, path))
    g_set_error (&local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_BINARY,
                 _("it is this library’s own file, not a story"));
  else
    article = read_story (path, &tags, &local_error);

  if (article != NULL)
    {
      g_autoptr (LedeArticle) existing = NULL;

      if (*lede_article_get_uuid (article))
        existing = lede_library_get_article_by_uuid (library, lede_article_get_uuid (article), NULL);
      if (existing != NULL && !(flags & LEDE_IMPORT_AS_NEW))
        ok = import_known_story (library, article, existing, (const char * const *)tags, &done, &local_error);
      else
        {
          /* A copy: its own uuid, and a slug of its own when that one is taken. */
          if (existing != NULL)
            {
              g_autofree char *slug = lede_library_make_unique_slug (library, lede_article_get_slug (article), 0);

              lede_article_set_uuid (article, "");
              if (*lede_article_get_slug (article))
                lede_article_set_slug (article, slug);
            }
          ok = lede_library_add_story (library, article, (const char * const *)tags, &local_error);
        }
    }

  if (!ok)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (outcome)
    *outcome = done;
  return g_steal_pointer (&article);
}

/**
 * lede_import_file:
 *
 * lede_import_file_full() with no flags.
 */
LedeArticle *
lede_import_file (LedeLibrary  *library,
                  const char   *path,
                  GError      **error)
{
  return lede_import_file_full (library, path, LEDE_IMPORT_FLAGS_NONE, NULL, error);
}
