/* lede-command-photos.c: the photo commands: photo add, photo list; and
 * the lead photo that list --json shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lede-command-private.h"
#include "lede-photo-file.h"

/* One photo as --json gives it; @position < 0 leaves the place out. */
void
_lede_command_add_photo_json (JsonBuilder     *builder,
                              LedeLibrary     *library,
                              const LedePhoto *photo,
                              int              position)
{
  g_autofree char *path = lede_library_dup_photo_path (library, photo);
  const struct { const char *name, *value; } texts[] = {
    { "role", lede_photo_role_to_string (photo->role) }, { "sha256", photo->sha256 },
    { "media_type", photo->media_type }, { "file_name", photo->file_name }, { "caption", photo->caption },
    { "credit", photo->credit }, { "alt", photo->alt_text }, { "path", path },
  };

  json_builder_begin_object (builder);
  if (position >= 0)
    {
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, position);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      json_builder_set_member_name (builder, texts[i].name);
      json_builder_add_string_value (builder, texts[i].value);
    }
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, photo->width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, photo->height);
  json_builder_set_member_name (builder, "orientation");
  json_builder_add_int_value (builder, photo->orientation);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, photo->size);
  json_builder_end_object (builder);
}

static LedeArticle *
story_of (LedeLibrary *library,
          const char  *uuid,
          GString     *err)
{
  g_autoptr (GError) error = NULL;
  LedeArticle *article = lede_library_get_article_by_uuid (library, uuid, &error);

  if (article == NULL)
    g_string_append_printf (err, "lede-cli: %s: %s\n", uuid, error->message);
  return article;
}

/* photo add UUID FILE [--lead] [--caption TEXT] [--credit TEXT] [--alt TEXT]:
 * the file's metadata fills what the options do not give. */
static int
add_command (LedeCommand *self,
             LedeLibrary *library,
             const char  *uuid,
             const char  *file,
             GString     *out,
             GString     *err)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (LedePhoto) photo = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (!(article = story_of (library, uuid, err)))
    return LEDE_COMMAND_EXIT_FAILED;
  if (!(photo = lede_photo_file_read (file, &bytes, &error)))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }
  if (self->photo_lead)
    photo->role = LEDE_PHOTO_ROLE_LEAD;
  if (self->photo_caption)
    lede_photo_set_text (&photo->caption, self->photo_caption);
  if (self->photo_credit)
    lede_photo_set_text (&photo->credit, self->photo_credit);
  if (self->photo_alt)
    lede_photo_set_text (&photo->alt_text, self->photo_alt);
  if (!lede_library_add_photo (library, article, photo, bytes, &error))
    {
      g_string_append_printf (err, "lede-cli: %s\n", error->message);
      return LEDE_COMMAND_EXIT_FAILED;
    }

  if (photo->role == LEDE_PHOTO_ROLE_LEAD)
    g_string_append_printf (out, _("Added “%s” to “%s” as its lead photo (%u × %u)\n"),
                            photo->file_name, lede_article_get_headline (article), photo->width, photo->height);
  else
    g_string_append_printf (out, _("Added “%s” to “%s” (%u × %u)\n"),
                            photo->file_name, lede_article_get_headline (article), photo->width, photo->height);
  g_string_append_printf (out, _("  caption: %s\n  credit: %s\n  alt text: %s\n"),
                          *photo->caption ? photo->caption : _("(none)"),
                          *photo->credit ? photo->credit : _("(none)"),
                          *photo->alt_text ? photo->alt_text : _("(none)"));
  if (*photo->alt_text == '\0')
    g_string_append (err, _("lede-cli: the photo has no alt text: a screen reader has nothing to say for it, "
                            "and a story marked ready cannot go out without it (--alt)\n"));
  return LEDE_COMMAND_EXIT_OK;
}

static int
list_command (LedeCommand *self,
              LedeLibrary *library,
              const char  *uuid,
              GString     *out,
              GString     *err)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *photos;

  if (!(article = story_of (library, uuid, err)))
    return LEDE_COMMAND_EXIT_FAILED;
  photos = lede_article_get_photos (article);

  json_builder_begin_array (builder);
  for (guint i = 0; photos && i < photos->len; i++)
    {
      LedePhoto *photo = g_ptr_array_index (photos, i);

      if (self->as_json)
        _lede_command_add_photo_json (builder, library, photo, i + 1);
      else
        g_string_append_printf (out, "%u\t%s\t%s\t%u×%u\t%s\t%s\t%s\t%s\n", i + 1,
                                lede_photo_role_to_string (photo->role), photo->media_type, photo->width,
                                photo->height, photo->file_name, photo->caption, photo->credit, photo->alt_text);
    }
  json_builder_end_array (builder);
  if (self->as_json)
    _lede_command_print_json (builder, out);
  return LEDE_COMMAND_EXIT_OK;
}

int
_lede_command_photo_command (LedeCommand  *self,
                             LedeLibrary  *library,
                             char        **arguments,
                             GString      *out,
                             GString      *err)
{
  if (g_strcmp0 (arguments[0], "add") == 0)
    return add_command (self, library, arguments[1], arguments[2], out, err);
  return list_command (self, library, arguments[1], out, err);
}
