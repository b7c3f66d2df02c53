/* lede-import-wire.c: a wire story known again by its provider's id.
 *
 * The same id and version: already in the library, skipped. A newer
 * version of a story nobody at the desk has changed since it was taken
 * (its headline and body hash as taken): updated in place, the old text
 * kept as a revision, the writer told. A newer version of a story the
 * desk has edited: the desk's text stays, and the wire's is kept in the
 * story's history beside it (the History window shows it as a word diff
 * and restores it whole), never applied by itself. A kill or a withhold
 * (pubstatus canceled or withheld) of a story the library has is recorded
 * on it whatever the desk did, and the copy desk's wire check then blocks
 * it from going out. An update never lifts or shortens an embargo that
 * holds unless the person importing says so. What a story is to the desk
 * (status, published time, editorial note, a published slug) the wire
 * never changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-import-private.h"
#include "lede-time.h"

/* Whether @article's embargo would lift or shorten @current's, one that
 * still holds: an embargo that has passed protects nothing any more. */
gboolean
_lede_import_lifts_embargo (LedeArticle *article,
                            LedeArticle *current,
                            GDateTime   *now)
{
  GDateTime *kept = lede_article_get_embargo (current);
  GDateTime *asked = lede_article_get_embargo (article);

  return kept != NULL && g_date_time_compare (kept, now) > 0 &&
         (asked == NULL || g_date_time_compare (asked, kept) < 0);
}

static void
say (LedeImportSaid *said,
     char           *message)
{
  g_ptr_array_add (said->messages, message);
}

/* The wire's identity as the library keeps it, for @article's words. */
static void
fill_row (LedeLibraryWire *row,
          const LedeWire  *wire,
          LedeArticle     *article)
{
  row->id = wire->id;
  row->format = wire->format;
  row->version = wire->version;
  row->version_created = wire->version_created;
  row->pubstatus = (char *)lede_wire_status_to_string (wire->status);
  row->taken_sha256 = lede_library_wire_dup_sha256 (lede_article_get_headline (article), lede_article_get_body (article));
}

/* "version 3", or the time it was made when the wire numbers none. */
static char *
dup_version_label (const LedeWire *wire)
{
  g_autofree char *created = lede_time_format_utc (wire->version_created);

  if (*wire->version)
    return g_strdup_printf (_("version %s"), wire->version);
  return g_strdup_printf (_("the version of %s"), created ? created : "?");
}

static gboolean
add_new (LedeLibrary        *library,
         LedeArticle        *article,
         const char * const *tags,
         const LedeWire     *wire,
         LedeImportSaid     *said,
         GError            **error)
{
  LedeLibraryWire row = { 0 };
  g_autofree char *sha = NULL;
  gboolean ok;

  if (wire->status == LEDE_WIRE_CANCELED)
    {
      g_autofree char *label = dup_version_label (wire);

      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_KILLED,
                   _("the wire killed this story (%s) and the library does not have it: nothing was added"), label);
      return FALSE;
    }
  fill_row (&row, wire, article);
  sha = row.taken_sha256;
  ok = lede_library_add_wire_story (library, article, tags, &row, error);
  if (ok && wire->status == LEDE_WIRE_WITHHELD)
    {
      say (said, g_strdup_printf (_("“%s”: the wire withholds this story: it must not run until the wire "
                                    "releases it"), said->display));
      said->notes |= LEDE_IMPORT_NOTE_WIRE_KILLED;
    }
  return ok;
}

/* A kill or withhold: recorded on the story, its words left alone. */
static gboolean
record_status (LedeLibrary     *library,
               gint64           id,
               LedeArticle     *current,
               const LedeWire  *wire,
               LedeImportSaid  *said,
               GError         **error)
{
  LedeLibraryWire row = { 0 };
  g_autofree char *front_matter = lede_wire_replace_front_matter (lede_article_get_extra_front_matter (current), wire);
  g_autofree char *label = dup_version_label (wire);

  row.id = wire->id;
  row.format = wire->format;
  row.version = wire->version;
  row.version_created = wire->version_created;
  row.pubstatus = (char *)lede_wire_status_to_string (wire->status);
  if (!lede_library_set_wire_status (library, id, &row, front_matter, error))
    return FALSE;
  lede_article_set_extra_front_matter (current, front_matter);
  say (said, g_strdup_printf (wire->status == LEDE_WIRE_CANCELED
                                ? _("“%s”: the wire KILLED “%s” (%s): it must not run")
                                : _("“%s”: the wire withheld “%s” (%s): it must not run until the wire releases it"),
                              said->display, lede_article_get_headline (current), label));
  said->notes |= LEDE_IMPORT_NOTE_WIRE_KILLED;
  return TRUE;
}

/**
 * _lede_import_wire_story:
 * @article: the story as the file has it, with its "wire:" block
 *
 * Adds or updates the story @wire names, as the top of this file says.
 */
gboolean
_lede_import_wire_story (LedeLibrary        *library,
                         LedeArticle        *article,
                         const char * const *tags,
                         const LedeWire     *wire,
                         LedeImportFlags     flags,
                         LedeImportSaid     *said,
                         LedeImportOutcome  *outcome,
                         GError            **error)
{
  g_autoptr (LedeArticle) current = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (LedeWire) had = NULL;
  g_autofree char *label = dup_version_label (wire);
  g_autofree char *had_label = NULL;
  g_autofree char *current_sha = NULL;
  g_autofree char *reason = NULL;
  LedeLibraryWire found = { 0 };
  LedeLibraryWire row = { 0 };
  gboolean ok;
  gint64 id;
  int order;

  {
    g_autofree char *extra = lede_wire_replace_front_matter (lede_article_get_extra_front_matter (article), wire);

    lede_article_set_extra_front_matter (article, extra);
  }
  lede_article_set_status (article, LEDE_ARTICLE_STATUS_DRAFT);

  id = (flags & LEDE_IMPORT_AS_NEW) ? 0 : lede_library_find_wire (library, wire->id, &found, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      *outcome = LEDE_IMPORT_ADDED;
      return add_new (library, article, tags, wire, said, error);
    }

  had = lede_wire_new (found.format, found.id);
  g_free (had->version);
  had->version = g_strdup (found.version);
  had->version_created = found.version_created ? g_date_time_ref (found.version_created) : NULL;
  had->status = lede_wire_status_from_string (found.pubstatus);
  had_label = dup_version_label (had);
  order = lede_wire_compare (wire, had);

  /* Whatever is being typed into it counts: saved first, compared after. */
  lede_library_want_saved (library, id);
  if (!(current = lede_library_get_article (library, id, error)))
    {
      lede_library_wire_clear (&found);
      return FALSE;
    }
  current_sha = lede_library_wire_dup_sha256 (lede_article_get_headline (current), lede_article_get_body (current));

  /* A kill reaches the desk whatever the desk did with the story, unless
   * the library already knows it. */
  if (order >= 0 && wire->status != LEDE_WIRE_USABLE && wire->status == had->status)
    {
      lede_library_wire_clear (&found);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("the library already knows the wire withdrew it (%s)"), had_label);
      return FALSE;
    }
  if (order >= 0 && wire->status != LEDE_WIRE_USABLE)
    {
      lede_library_wire_clear (&found);
      lede_article_set_id (article, id);
      *outcome = LEDE_IMPORT_UPDATED;
      ok = record_status (library, id, current, wire, said, error);
      if (ok)
        {
          lede_article_set_extra_front_matter (article, lede_article_get_extra_front_matter (current));
          lede_article_set_headline (article, lede_article_get_headline (current));
          lede_article_set_body (article, lede_article_get_body (current));
        }
      return ok;
    }
  if (order == 0)
    {
      lede_library_wire_clear (&found);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_ALREADY_THERE,
                   _("it is already in the library (%s), skipped"), label);
      return FALSE;
    }
  if (order < 0)
    {
      lede_library_wire_clear (&found);
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_OLDER,
                   _("the library already has a newer version of it (%s; this file is %s), so it was left out"),
                   had_label, label);
      return FALSE;
    }

  /* A newer version. The desk edited the story: its words stay, and the
   * wire's are kept in the story's history to compare and take. */
  if (!g_str_equal (current_sha, found.taken_sha256))
    {
      g_autoptr (LedeArticle) offered = lede_article_dup (current);

      lede_library_wire_clear (&found);
      lede_article_set_headline (offered, lede_article_get_headline (article));
      lede_article_set_standfirst (offered, lede_article_get_standfirst (article));
      lede_article_set_body (offered, lede_article_get_body (article));
      reason = g_strdup_printf (_("from the wire, %s, not applied"), label);
      if (!lede_library_keep_revision (library, offered, reason, reason, NULL, error))
        return FALSE;
      g_set_error (error, LEDE_IMPORT_ERROR, LEDE_IMPORT_ERROR_EDITED,
                   _("the wire sent %s of “%s”, which the desk has edited since %s: the desk’s text was kept, "
                     "and the wire’s is in the story’s history to compare and take"),
                   label, lede_article_get_headline (current), had_label);
      return FALSE;
    }
  lede_library_wire_clear (&found);

  /* Untouched since it was taken: updated in place. An embargo that holds
   * is lifted or shortened only when asked. */
  if (!(flags & LEDE_IMPORT_LIFT_EMBARGO) && _lede_import_lifts_embargo (article, current, now))
    {
      g_autofree char *kept = lede_time_format_utc (lede_article_get_embargo (current));

      say (said, g_strdup_printf (_("“%s”: the wire lifted the embargo (%s); the library’s embargo until %s "
                                    "was kept until you take it"), said->display, label, kept));
      said->notes |= LEDE_IMPORT_NOTE_EMBARGO_KEPT;
      lede_article_set_embargo (article, lede_article_get_embargo (current));
    }
  /* The story's life at the desk is not the wire's to change. */
  lede_article_set_status (article, lede_article_get_status (current));
  lede_article_set_published (article, lede_article_get_published (current));
  lede_article_set_editorial_note (article, lede_article_get_editorial_note (current));
  lede_article_set_created (article, lede_article_get_created (current));
  lede_article_set_updated (article, NULL);
  reason = g_strdup_printf (_("before the wire’s %s"), label);
  if (!lede_library_keep_revision (library, current, reason, NULL, NULL, error))
    return FALSE;
  fill_row (&row, wire, article);
  ok = lede_library_replace_wire_story (library, id, article, tags, &row, error) &&
       /* The wire's words are the quotations' wording from now on. */
       lede_library_add_quote_wording (library, id, lede_article_get_body (article), "wire update", error);
  g_free (row.taken_sha256);
  if (!ok)
    return FALSE;
  lede_article_set_id (article, id);
  say (said, g_strdup_printf (_("“%s”: “%s” updated to the wire’s %s; %s is in its history"),
                              said->display, lede_article_get_headline (article), label, had_label));
  *outcome = LEDE_IMPORT_UPDATED;
  return TRUE;
}
