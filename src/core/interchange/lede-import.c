/* lede-import.c: stories from files into the library: Markdown, plain
 * text and wire copy (read by lede-import-read.c), new or known again.
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

#include "lede-import.h"
#include "lede-import-photos.h"
#include "lede-import-private.h"
#include "lede-markdown.h"
#include "lede-time.h"

/* Reads and parses the file at @path, and says when it was last written
 * here (@modified); errors say what is wrong, not which file
 * (lede_import_file() names it once). */
static LedeArticle *
read_story (const char   *path,
            const char   *encoding,
            char       ***tags,
            LedeWire    **wire,
            char        **read_as,
            const char  **format,
            GDateTime   **modified,
            GError      **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      GFileType type = g_file_info_get_file_type (info);

      /* A link is only itself when it leads nowhere (or round to itself). */
      g_set_error_literal (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_READ,
                           type == G_FILE_TYPE_DIRECTORY       ? _("it is a folder, not a file")
                           : type == G_FILE_TYPE_SYMBOLIC_LINK ? _("it is a link that leads to no file")
                                                               : _("it is not a file"));
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
  *modified = g_file_info_get_modification_date_time (info);
  return lede_import_parse_full (path, data, len, encoding, tags, wire, read_as, format, error);
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
         lede_import_photos_same (lede_article_get_photos (a), lede_article_get_photos (b)) &&
         /* A file without "corrections:" changes none. */
         (lede_article_get_corrections (a) == NULL ||
          lede_correction_list_equal (lede_article_get_corrections (a), lede_article_get_corrections (b))) &&
         g_strv_equal (a_tags ? a_tags : (const char * const[]) { NULL },
                       b_tags ? b_tags : (const char * const[]) { NULL });
}

/* Now, to the second, as the library stores its times: a story saved in
 * the same second as an import must not look older than it. */
static GDateTime *
now_to_the_second (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                              g_date_time_get_minute (now), g_date_time_get_second (now));
}

/* A file whose uuid the library has is that story. Its lastmod (@file_time:
 * a lastmod from the future counts as no later than the file was written
 * here) against the library's last save decides: later, it replaces the
 * story; earlier (or the story has unsaved changes in a window), it is left
 * out; the same, the file was edited elsewhere since it was exported, and
 * replaces the story unless it says just what the library holds. An
 * embargo that holds is never lifted or shortened unless @flags ask. */
static gboolean
import_known_story (LedeLibrary        *library,
                    LedeArticle        *article,
                    LedeArticle        *existing,
                    const char * const *tags,
                    GDateTime          *file_time,
                    gboolean            clamped,
                    gboolean            ninjs,
                    LedeImportFlags     flags,
                    LedeImportSaid     *notes,
                    LedeImportOutcome  *outcome,
                    GError            **error)
{
  g_autoptr (LedeArticle) current = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_auto (GStrv) current_tags = NULL;
  g_autofree char *when = NULL;
  gint64 id = lede_article_get_id (existing);
  gboolean typed;
  int order;

  /* Whatever is being typed into it counts: saved first, compared after. */
  typed = lede_library_want_saved (library, id);
  if (!(current = lede_library_get_article (library, id, error)) ||
      !(current_tags = lede_library_get_tags (library, id, error)))
    return FALSE;

  /* ninjs carries the story's words, not its place at the desk: what it
   * has no field for stays as the library has it. */
  if (ninjs)
    {
      lede_article_set_section (article, lede_article_get_section (current));
      lede_article_set_status (article, lede_article_get_status (current));
      lede_article_set_word_goal (article, lede_article_get_word_goal (current));
      lede_article_set_published (article, lede_article_get_published (current));
      lede_article_set_extra_front_matter (article, lede_article_get_extra_front_matter (current));
      lede_article_set_sources (article, NULL);
      if (*lede_article_get_language (article) == '\0')
        lede_article_set_language (article, lede_article_get_language (current));
    }

  /* A file without a slug leaves the story's as it is: its address, once
   * published, and what "unchanged" is compared on. */
  if (*lede_article_get_slug (article) == '\0')
    lede_article_set_slug (article, lede_article_get_slug (current));

  /* A body read back from HTML (Lede's own ninjs) spells its Markdown
   * Lede's way: when it renders as the library's does, it is the same
   * body, and the writer's spelling stays. */
  if (!g_str_equal (lede_article_get_body (article), lede_article_get_body (current)))
    {
      g_autofree char *file_html = lede_markdown_to_published_html (lede_article_get_body (article), -1);
      g_autofree char *library_html = lede_markdown_to_published_html (lede_article_get_body (current), -1);

      if (g_str_equal (file_html, library_html))
        lede_article_set_body (article, lede_article_get_body (current));
    }
  if (same_story (article, tags, current, (const char * const *)current_tags))
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("it is already in the library, unchanged"));
      return FALSE;
    }
  if (file_time == NULL)
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("it is already in the library, and has no lastmod to tell which copy is newer "
                     "(import it as a new story to keep both)"));
      return FALSE;
    }
  order = lede_article_get_updated (current) ? g_date_time_compare (file_time, lede_article_get_updated (current)) : 1;
  when = lede_time_format_utc (lede_article_get_updated (current));
  /* A clamped lastmod is only an upper bound: it must be later to win. */
  if (order < 0 || (order == 0 && clamped) || typed)
    {
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER,
                   _("the library’s copy is newer (changed %s), so it was left as it is "
                     "(import it as a new story to keep both)"), when);
      return FALSE;
    }

  /* The file would replace the story: the library's embargo stays unless
   * the person importing said to lift it. */
  if (!(flags & LEDE_IMPORT_LIFT_EMBARGO) && _lede_import_lifts_embargo (article, current, now))
    {
      g_autofree char *kept = lede_time_format_utc (lede_article_get_embargo (current));

      if (lede_article_get_embargo (article) != NULL)
        {
          g_autofree char *asked = lede_time_format_utc (lede_article_get_embargo (article));

          g_ptr_array_add (notes->messages,
                           g_strdup_printf (_("“%s”: the library’s embargo until %s was kept; the file’s "
                                              "ends earlier, at %s"), notes->display, kept, asked));
        }
      else
        g_ptr_array_add (notes->messages,
                         g_strdup_printf (_("“%s”: the library’s embargo until %s was kept; the file has none"),
                                          notes->display, kept));
      notes->notes |= LEDE_IMPORT_NOTE_EMBARGO_KEPT;
      lede_article_set_embargo (article, lede_article_get_embargo (current));
      if (same_story (article, tags, current, (const char * const *)current_tags))
        {
          g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                       _("it is already in the library but for its embargo"));
          return FALSE;
        }
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
  /* Updated where it is: a newer copy is no word to bring it back. */
  if (lede_article_get_trashed (current) != NULL)
    {
      g_ptr_array_add (notes->messages,
                       g_strdup_printf (_("“%s”: the story is in the trash, and was updated there: restore it to "
                                          "work on it"), notes->display));
      notes->notes |= LEDE_IMPORT_NOTE_IN_TRASH;
    }
  return TRUE;
}

/**
 * lede_import_file_noted:
 * @flags: %LEDE_IMPORT_AS_NEW to add a story of its own even when the
 *   library has the file's uuid or the same headline and text;
 *   %LEDE_IMPORT_LIFT_EMBARGO to take the file's embargo even when it
 *   lifts or shortens one that holds
 * @outcome: (out) (optional): whether the story was added or updated
 * @notes: (out) (optional): what the caller must tell, even on failure
 * @messages: (out) (optional) (transfer full): those notes in words, each
 *   naming the file
 *
 * Reads @path and adds it to @library with its tags, in one transaction.
 * A file that is not Markdown or plain text (JSON, XML, a word processor's
 * file) is refused with %LEDE_IMPORT_ERROR_FORMAT. A lastmod in the future
 * is taken as the time of the import (%LEDE_IMPORT_NOTE_LASTMOD_CLAMPED).
 * A file whose uuid the library has is the same story: a newer copy (by
 * its lastmod, or edited elsewhere since its export) updates it in place,
 * keeping an embargo that holds and ends later than the file's
 * (%LEDE_IMPORT_NOTE_EMBARGO_KEPT); one that says what the library holds,
 * or is older, is left out with %LEDE_IMPORT_ERROR_ALREADY_THERE or
 * %LEDE_IMPORT_ERROR_OLDER. A file with no uuid whose headline and body the
 * library has (the trash included) is left out with
 * %LEDE_IMPORT_ERROR_ALREADY_THERE.
 *
 * Returns: (transfer full): the story, or %NULL with @error set (the
 *   message names the file)
 */
LedeArticle *
lede_import_file_noted (LedeLibrary        *library,
                        const char         *path,
                        LedeImportFlags     flags,
                        LedeImportOutcome  *outcome,
                        LedeImportNotes    *notes,
                        char             ***messages,
                        GError            **error)
{
  return lede_import_file_encoded (library, path, flags, NULL, outcome, notes, messages, error);
}

/**
 * lede_import_file_encoded:
 * @encoding: (nullable): the encoding to read the file as (--encoding);
 *   %NULL for UTF-8, UTF-16 with a byte order mark, or Windows-1252 when
 *   it cannot be UTF-8 (%LEDE_IMPORT_NOTE_ENCODING says so)
 *
 * lede_import_file_noted(), reading the file as @encoding. A wire story
 * (ninjs, NewsML-G2, NITF) known by its provider's id is added, skipped
 * or updated as lede-import-wire.c says.
 */
LedeArticle *
lede_import_file_encoded (LedeLibrary        *library,
                          const char         *path,
                          LedeImportFlags     flags,
                          const char         *encoding,
                          LedeImportOutcome  *outcome,
                          LedeImportNotes    *notes,
                          char             ***messages,
                          GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LedeWire) wire = NULL;
  g_autofree char *read_as = NULL;
  const char *format = NULL;
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) pictures = g_ptr_array_new ();
  g_autofree char *bundle_index = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autoptr (GDateTime) file_time = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_auto (GStrv) tags = NULL;
  g_autoptr (LedeArticle) article = NULL;
  LedeImportOutcome done = LEDE_IMPORT_ADDED;
  LedeImportSaid noted = { display, LEDE_IMPORT_NOTE_NONE, said };
  gboolean ok = FALSE;

  g_return_val_if_fail (LEDE_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* A page bundle is its folder (a Flatpak's chooser gives the folder):
   * the story is its index.md. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *index = g_build_filename (path, "index.md", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        path = bundle_index = g_steal_pointer (&index);
    }

  /* Never opened: reading and closing the library's own file would drop
   * the locks of the connection that has it open. */
  if (lede_library_is_own_file (library, path))
    g_set_error (&local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_BINARY,
                 _("it is this library’s own file, not a story"));
  else
    article = read_story (path, encoding, &tags, &wire, &read_as, &format, &modified, &local_error);
  /* A story's tags are a handful: thousands (a list pasted whole, or a
   * file made to stall Lede) each rewrite the story's tag text in the
   * search index, 30 s for 10,000. */
  if (article != NULL && tags != NULL && g_strv_length (tags) > LEDE_IMPORT_MAX_TAGS)
    {
      g_set_error (&local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_FRONT_MATTER,
                   _("it has %u tags, and Lede takes at most %u a story"), g_strv_length (tags),
                   (guint)LEDE_IMPORT_MAX_TAGS);
      g_clear_object (&article);
    }
  if (article != NULL && read_as != NULL)
    {
      g_ptr_array_add (said, g_strdup_printf (_("“%s”: read as %s"), display, read_as));
      noted.notes |= LEDE_IMPORT_NOTE_ENCODING;
    }
  /* Its pictures, from beside it, checked before anything is written. */
  if (article != NULL && !lede_import_photos_read (path, article, pictures, said, &local_error))
    {
      /* Said as the import's own error: the file could not be read whole. */
      local_error->domain = LEDE_IMPORT_ERROR;
      local_error->code = LEDE_IMPORT_ERROR_READ;
      g_clear_object (&article);
    }

  if (article != NULL && lede_article_get_updated (article) != NULL)
    {
      g_autoptr (GDateTime) now = now_to_the_second ();
      GDateTime *lastmod = lede_article_get_updated (article);

      file_time = g_date_time_ref (lastmod);
      /* A lastmod from the future would make the story look changed after
       * every word typed into it since, so a later import of the same file
       * would replace them. It is stored as the time of the import; against
       * a story the library has, it counts as no later than the file was
       * last written here, since that it cannot be. */
      if (g_date_time_compare (lastmod, now) > 0)
        {
          g_autofree char *said_time = lede_time_format_utc (lastmod);
          g_autofree char *now_time = lede_time_format_utc (now);

          g_clear_pointer (&file_time, g_date_time_unref);
          file_time = modified && g_date_time_compare (modified, now) < 0
                        ? g_date_time_add (modified, -(GTimeSpan)g_date_time_get_microsecond (modified))
                        : g_date_time_ref (now);
          g_ptr_array_add (said, g_strdup_printf (_("“%s”: its lastmod, %s, is in the future; "
                                                    "the time of the import, %s, was taken instead"),
                                                  display, said_time, now_time));
          noted.notes |= LEDE_IMPORT_NOTE_LASTMOD_CLAMPED;
          lede_article_set_updated (article, now);
        }
    }

  if (article != NULL && wire != NULL)
    {
      ok = _lede_import_wire_story (library, article, (const char * const *)tags, wire, flags, &noted, &done,
                                    &local_error);
    }
  else if (article != NULL)
    {
      g_autoptr (LedeArticle) existing = NULL;
      gint64 same_id = 0;
      gboolean in_trash = FALSE;

      /* The pictures go in with the story, in its transaction. */
      lede_import_photos_stage (library, article, pictures);

      if (*lede_article_get_uuid (article))
        existing = lede_library_get_article_by_uuid (library, lede_article_get_uuid (article), NULL);
      /* A wire story imported twice has no uuid to know it by: its words
       * tell. */
      else if (!(flags & LEDE_IMPORT_AS_NEW) &&
               !lede_library_find_same_story (library, lede_article_get_headline (article),
                                              lede_article_get_body (article), &same_id, &in_trash, &local_error))
        g_clear_object (&article);

      if (article == NULL)
        ;
      else if (same_id != 0)
        g_set_error_literal (&local_error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                             in_trash ? _("it is already in the library, in the trash, with the same headline and text "
                                          "(restore it from the trash, or import it as a new story to keep both)")
                                      : _("it is already in the library, with the same headline and text "
                                          "(import it as a new story to keep both)"));
      else if (existing != NULL && !(flags & LEDE_IMPORT_AS_NEW))
        ok = import_known_story (library, article, existing, (const char * const *)tags, file_time,
                                 noted.notes & LEDE_IMPORT_NOTE_LASTMOD_CLAMPED, g_strcmp0 (format, "ninjs") == 0, flags,
                                 &noted, &done, &local_error);
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

  lede_library_unstage_photos (library);
  if (notes)
    *notes = noted.notes;
  if (messages)
    {
      g_ptr_array_add (said, NULL);
      *messages = (char **)g_ptr_array_steal (said, NULL);
    }
  if (!ok)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (outcome)
    *outcome = done;
  return g_steal_pointer (&article);
}

/**
 * lede_import_file_full:
 *
 * lede_import_file_noted() without its notes.
 */
LedeArticle *
lede_import_file_full (LedeLibrary        *library,
                       const char         *path,
                       LedeImportFlags     flags,
                       LedeImportOutcome  *outcome,
                       GError            **error)
{
  return lede_import_file_noted (library, path, flags, outcome, NULL, NULL, error);
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
