/* lede-article.c: one story, as the library keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-article"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lede-article.h"
#include "lede-photo.h"
#include "lede-source.h"

/* The text fields and times live in arrays indexed by their property, so one
 * setter and one getter serve them all and a new field is one line here. */
enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_WORD_GOAL,
  PROP_TAGS,
  PROP_SOURCES,
  PROP_CORRECTIONS,
  PROP_PHOTOS,
  /* text fields */
  PROP_UUID,
  PROP_HEADLINE,
  PROP_STANDFIRST,
  PROP_SLUG,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_SECTION,
  PROP_LANGUAGE,
  PROP_BODY,
  PROP_EDITORIAL_NOTE,
  PROP_EXTRA_FRONT_MATTER,
  /* the desk's fields and the headlines by role (issue 32) */
  PROP_ASSIGNEE,
  PROP_EDITOR,
  PROP_PRINT_HEADLINE,
  PROP_SEO_TITLE,
  PROP_SOCIAL_HEADLINE,
  /* times */
  PROP_EMBARGO,
  PROP_PUBLISHED,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_TRASHED,
  PROP_DEADLINE,
  N_PROPS
};

#define FIRST_TEXT PROP_UUID
#define N_TEXTS    (PROP_SOCIAL_HEADLINE - PROP_UUID + 1)
#define FIRST_TIME PROP_EMBARGO
#define N_TIMES    (PROP_DEADLINE - PROP_EMBARGO + 1)
#define IS_TEXT(p) ((p) >= FIRST_TEXT && (p) < FIRST_TEXT + N_TEXTS)
#define IS_TIME(p) ((p) >= FIRST_TIME && (p) < FIRST_TIME + N_TIMES)

struct _LedeArticle
{
  GObject            parent_instance;

  gint64             id;
  LedeArticleStatus  status;
  guint              word_goal;
  char             **tags;      /* NULL: never read from the library */
  GPtrArray         *sources;   /* of LedeSource; NULL: never read */
  GPtrArray         *corrections; /* of LedeCorrection; NULL: never read */
  GPtrArray         *photos;    /* of LedePhoto, in the story's order; NULL: never read */
  char              *texts[N_TEXTS];
  GDateTime         *times[N_TIMES];
};

G_DEFINE_FINAL_TYPE (LedeArticle, lede_article, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static const char *
get_text (LedeArticle *self,
          guint        prop)
{
  g_assert (IS_TEXT (prop));
  return self->texts[prop - FIRST_TEXT];
}

/* Fields that are one line on the page. */
static gboolean
is_one_line (guint prop)
{
  return prop == PROP_HEADLINE || prop == PROP_STANDFIRST || prop == PROP_SLUG ||
         prop == PROP_BYLINE || prop == PROP_DATELINE || prop == PROP_SECTION ||
         prop == PROP_LANGUAGE || prop == PROP_ASSIGNEE || prop == PROP_EDITOR ||
         prop == PROP_PRINT_HEADLINE || prop == PROP_SEO_TITLE || prop == PROP_SOCIAL_HEADLINE;
}

/**
 * lede_article_clean_line:
 *
 * Returns: (transfer full): @text with line breaks and tabs made spaces and
 *   other control characters dropped, as one-line fields keep it
 */
char *
lede_article_clean_line (const char *text)
{
  GString *clean = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)
        g_string_append_c (clean, ' ');
      else if (!g_unichar_iscntrl (c))
        g_string_append_len (clean, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (clean, FALSE);
}

/**
 * lede_article_clean_tag:
 *
 * Returns: (transfer full): @text as a tag's name is kept: one clean line
 *   without blanks at either end, composed (NFC), so "café" typed with
 *   a combining accent and "café" typed with "é" are one tag
 */
char *
lede_article_clean_tag (const char *text)
{
  g_autofree char *line = lede_article_clean_line (text);
  char *composed = g_utf8_normalize (g_strstrip (line), -1, G_NORMALIZE_NFC);

  return composed ? composed : g_steal_pointer (&line);
}

/* Text fields are never NULL, so callers need no NULL checks and the
 * library never stores NULL in a NOT NULL column. */
static void
set_text (LedeArticle *self,
          guint        prop,
          const char  *value)
{
  g_autofree char *valid = NULL;
  g_autofree char *clean = NULL;
  char **field;

  g_assert (IS_TEXT (prop));

  field = &self->texts[prop - FIRST_TEXT];
  if (value == NULL)
    value = "";
  /* Every reader of a story (checks, counts, exports) walks it as UTF-8;
   * bytes from a foreign library row or a caller's slip must not send them
   * past the end. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  if (is_one_line (prop) && value[strcspn (value, "\n\r\t\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                  "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                                  "\x1a\x1b\x1c\x1d\x1e\x1f\x7f\xc2\xe2")] != '\0')
    value = clean = lede_article_clean_line (value);
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static GDateTime *
get_time (LedeArticle *self,
          guint        prop)
{
  g_assert (IS_TIME (prop));
  return self->times[prop - FIRST_TIME];
}

static void
set_time (LedeArticle *self,
          guint        prop,
          GDateTime   *value)
{
  GDateTime **field;

  g_assert (IS_TIME (prop));

  field = &self->times[prop - FIRST_TIME];
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static void
lede_article_finalize (GObject *object)
{
  LedeArticle *self = (LedeArticle *)object;

  g_strfreev (self->tags);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_clear_pointer (&self->photos, g_ptr_array_unref);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < N_TIMES; i++)
    g_clear_pointer (&self->times[i], g_date_time_unref);

  G_OBJECT_CLASS (lede_article_parent_class)->finalize (object);
}

static void
lede_article_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LedeArticle *self = LEDE_ARTICLE (object);

  if (IS_TEXT (prop_id))
    g_value_set_string (value, get_text (self, prop_id));
  else if (IS_TIME (prop_id))
    g_value_set_boxed (value, get_time (self, prop_id));
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else if (prop_id == PROP_WORD_GOAL)
    g_value_set_uint (value, self->word_goal);
  else if (prop_id == PROP_TAGS)
    g_value_set_boxed (value, self->tags);
  else if (prop_id == PROP_SOURCES)
    g_value_set_boxed (value, self->sources);
  else if (prop_id == PROP_CORRECTIONS)
    g_value_set_boxed (value, self->corrections);
  else if (prop_id == PROP_PHOTOS)
    g_value_set_boxed (value, self->photos);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lede_article_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LedeArticle *self = LEDE_ARTICLE (object);

  if (IS_TEXT (prop_id))
    set_text (self, prop_id, g_value_get_string (value));
  else if (IS_TIME (prop_id))
    set_time (self, prop_id, g_value_get_boxed (value));
  else if (prop_id == PROP_ID)
    lede_article_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_STATUS)
    lede_article_set_status (self, g_value_get_enum (value));
  else if (prop_id == PROP_WORD_GOAL)
    lede_article_set_word_goal (self, g_value_get_uint (value));
  else if (prop_id == PROP_TAGS)
    lede_article_set_tags (self, g_value_get_boxed (value));
  else if (prop_id == PROP_SOURCES)
    lede_article_set_sources (self, g_value_get_boxed (value));
  else if (prop_id == PROP_CORRECTIONS)
    lede_article_set_corrections (self, g_value_get_boxed (value));
  else if (prop_id == PROP_PHOTOS)
    lede_article_set_photos (self, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lede_article_class_init (LedeArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const text_names[N_TEXTS] = {
    "uuid", "headline", "standfirst", "slug", "byline", "dateline",
    "section", "language", "body", "editorial-note", "extra-front-matter",
    "assignee", "editor", "print-headline", "seo-title", "social-headline",
  };
  static const char * const time_names[N_TIMES] = {
    "embargo", "published", "created", "updated", "trashed", "deadline",
  };

  object_class->finalize = lede_article_finalize;
  object_class->get_property = lede_article_get_property;
  object_class->set_property = lede_article_set_property;

  /* The library's row id; 0 until the article is first stored. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LEDE_TYPE_ARTICLE_STATUS, LEDE_ARTICLE_STATUS_DRAFT, flags);
  properties [PROP_WORD_GOAL] =
    g_param_spec_uint ("word-goal", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* The story's tags, saved with it; NULL until read or set, so a story
   * made without them never wipes the ones it has. */
  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  /* The sources the story relies on (LedeSource, each with its story
   * note), saved with it; NULL until read or set, like the tags. */
  properties [PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  /* The corrections log of a published story (LedeCorrection), oldest
   * first, saved with it and exported with it; NULL until read or set. */
  properties [PROP_CORRECTIONS] =
    g_param_spec_boxed ("corrections", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  /* The story's photos (LedePhoto: the lead photo and the pictures in the
   * body), in order, saved with it; NULL until read or set, like the tags. */
  properties [PROP_PHOTOS] =
    g_param_spec_boxed ("photos", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  for (guint i = 0; i < N_TEXTS; i++)
    properties [FIRST_TEXT + i] =
      g_param_spec_string (text_names[i], NULL, NULL, "", flags);

  /* Times are UTC; NULL means "not set" (no embargo, never published…). */
  for (guint i = 0; i < N_TIMES; i++)
    properties [FIRST_TIME + i] =
      g_param_spec_boxed (time_names[i], NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_article_init (LedeArticle *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
}

LedeArticle *
lede_article_new (void)
{
  return g_object_new (LEDE_TYPE_ARTICLE, NULL);
}

gint64
lede_article_get_id (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), 0);
  return self->id;
}

void
lede_article_set_id (LedeArticle *self,
                     gint64       id)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

LedeArticleStatus
lede_article_get_status (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), LEDE_ARTICLE_STATUS_DRAFT);
  return self->status;
}

void
lede_article_set_status (LedeArticle       *self,
                         LedeArticleStatus  status)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

guint
lede_article_get_word_goal (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), 0);
  return self->word_goal;
}

void
lede_article_set_word_goal (LedeArticle *self,
                            guint        word_goal)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (self->word_goal == word_goal)
    return;
  self->word_goal = word_goal;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORD_GOAL]);
}

/**
 * lede_article_get_tags:
 *
 * Returns: (nullable) (transfer none): the story's tags, or %NULL when they
 *   were never read from the library nor set
 */
const char * const *
lede_article_get_tags (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  return (const char * const *)self->tags;
}

/**
 * lede_article_set_tags:
 * @tags: (nullable) (array zero-terminated=1): the story's tags
 */
void
lede_article_set_tags (LedeArticle        *self,
                       const char * const *tags)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *)self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
}

/**
 * lede_article_get_sources:
 *
 * Returns: (nullable) (transfer none) (element-type LedeSource): the
 *   sources the story relies on, each with its story note, or %NULL when
 *   they were never read from the library nor set
 */
GPtrArray *
lede_article_get_sources (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  return self->sources;
}

/* What a story keeps of a source: which one, and how it uses it. */
static gboolean
same_sources (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      LedeSource *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (x->id != y->id || g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->story_note, y->story_note) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * lede_article_set_sources:
 * @sources: (nullable) (element-type LedeSource): sources already in the
 *   library (their id set), each with its story note; copied
 */
void
lede_article_set_sources (LedeArticle *self,
                          GPtrArray   *sources)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (same_sources (self->sources, sources))
    return;
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  if (sources != NULL)
    {
      self->sources = g_ptr_array_new_full (sources->len, (GDestroyNotify)lede_source_free);
      for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add (self->sources, lede_source_copy (g_ptr_array_index (sources, i)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCES]);
}

/**
 * lede_article_get_corrections:
 *
 * Returns: (nullable) (transfer none) (element-type LedeCorrection): the
 *   story's corrections log, oldest first, or %NULL when never read nor set
 */
GPtrArray *
lede_article_get_corrections (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  return self->corrections;
}

/**
 * lede_article_set_corrections:
 * @corrections: (nullable) (element-type LedeCorrection): copied
 */
void
lede_article_set_corrections (LedeArticle *self,
                              GPtrArray   *corrections)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (lede_correction_list_equal (self->corrections, corrections))
    return;
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  if (corrections != NULL)
    {
      self->corrections = g_ptr_array_new_full (corrections->len, (GDestroyNotify)lede_correction_free);
      for (guint i = 0; i < corrections->len; i++)
        g_ptr_array_add (self->corrections, lede_correction_copy (g_ptr_array_index (corrections, i)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORRECTIONS]);
}

/**
 * lede_article_get_photos:
 *
 * Returns: (nullable) (transfer none) (element-type LedePhoto): the
 *   story's photos in order, or %NULL when never read nor set
 */
GPtrArray *
lede_article_get_photos (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  return self->photos;
}

/**
 * lede_article_set_photos:
 * @photos: (nullable) (element-type LedePhoto): copied
 */
void
lede_article_set_photos (LedeArticle *self,
                         GPtrArray   *photos)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));

  if (lede_photo_list_equal (self->photos, photos))
    return;
  g_clear_pointer (&self->photos, g_ptr_array_unref);
  if (photos != NULL)
    {
      self->photos = g_ptr_array_new_full (photos->len, (GDestroyNotify)lede_photo_free);
      for (guint i = 0; i < photos->len; i++)
        g_ptr_array_add (self->photos, lede_photo_copy (g_ptr_array_index (photos, i)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHOTOS]);
}

/**
 * lede_article_get_lead_photo:
 *
 * Returns: (nullable) (transfer none): the story's lead photo, if it has one
 */
LedePhoto *
lede_article_get_lead_photo (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);

  for (guint i = 0; self->photos && i < self->photos->len; i++)
    if (((LedePhoto *)g_ptr_array_index (self->photos, i))->role == LEDE_PHOTO_ROLE_LEAD)
      return g_ptr_array_index (self->photos, i);
  return NULL;
}

#define TEXT_ACCESSORS(name, PROP)                                      \
  const char *                                                          \
  lede_article_get_##name (LedeArticle *self)                           \
  {                                                                     \
    g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);                \
    return get_text (self, PROP);                                       \
  }                                                                     \
  void                                                                  \
  lede_article_set_##name (LedeArticle *self,                           \
                           const char  *value)                          \
  {                                                                     \
    g_return_if_fail (LEDE_IS_ARTICLE (self));                          \
    set_text (self, PROP, value);                                       \
  }

#define TIME_ACCESSORS(name, PROP)                                      \
  GDateTime *                                                           \
  lede_article_get_##name (LedeArticle *self)                           \
  {                                                                     \
    g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);                \
    return get_time (self, PROP);                                       \
  }                                                                     \
  void                                                                  \
  lede_article_set_##name (LedeArticle *self,                           \
                           GDateTime   *value)                          \
  {                                                                     \
    g_return_if_fail (LEDE_IS_ARTICLE (self));                          \
    set_time (self, PROP, value);                                       \
  }

TEXT_ACCESSORS (uuid, PROP_UUID)
TEXT_ACCESSORS (headline, PROP_HEADLINE)
TEXT_ACCESSORS (standfirst, PROP_STANDFIRST)
TEXT_ACCESSORS (slug, PROP_SLUG)
TEXT_ACCESSORS (byline, PROP_BYLINE)
TEXT_ACCESSORS (dateline, PROP_DATELINE)
TEXT_ACCESSORS (section, PROP_SECTION)
TEXT_ACCESSORS (language, PROP_LANGUAGE)
TEXT_ACCESSORS (body, PROP_BODY)
TEXT_ACCESSORS (editorial_note, PROP_EDITORIAL_NOTE)
TEXT_ACCESSORS (extra_front_matter, PROP_EXTRA_FRONT_MATTER)
TEXT_ACCESSORS (assignee, PROP_ASSIGNEE)
TEXT_ACCESSORS (editor, PROP_EDITOR)
TEXT_ACCESSORS (print_headline, PROP_PRINT_HEADLINE)
TEXT_ACCESSORS (seo_title, PROP_SEO_TITLE)
TEXT_ACCESSORS (social_headline, PROP_SOCIAL_HEADLINE)

TIME_ACCESSORS (embargo, PROP_EMBARGO)
TIME_ACCESSORS (published, PROP_PUBLISHED)
TIME_ACCESSORS (created, PROP_CREATED)
TIME_ACCESSORS (updated, PROP_UPDATED)
TIME_ACCESSORS (trashed, PROP_TRASHED)
TIME_ACCESSORS (deadline, PROP_DEADLINE)

/**
 * lede_article_get_headline_for:
 * @role: where the headline goes
 *
 * Returns: (transfer none): the headline written for @role, or the web
 *   headline (the story's headline) when none was
 */
const char *
lede_article_get_headline_for (LedeArticle      *self,
                               LedeHeadlineRole  role)
{
  static const guint props[] = {
    [LEDE_HEADLINE_WEB] = PROP_HEADLINE, [LEDE_HEADLINE_PRINT] = PROP_PRINT_HEADLINE,
    [LEDE_HEADLINE_SEO] = PROP_SEO_TITLE, [LEDE_HEADLINE_SOCIAL] = PROP_SOCIAL_HEADLINE,
  };
  const char *own;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), "");
  g_return_val_if_fail (role < G_N_ELEMENTS (props), "");

  own = get_text (self, props[role]);
  return *own ? own : get_text (self, PROP_HEADLINE);
}

const char *
lede_article_status_to_string (LedeArticleStatus status)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LEDE_TYPE_ARTICLE_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  g_return_val_if_fail (value != NULL, "draft");
  return value->value_nick;
}

gboolean
lede_article_status_from_string (const char        *nick,
                                 LedeArticleStatus *status)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LEDE_TYPE_ARTICLE_STATUS);
  GEnumValue *value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (nick == NULL || !(value = g_enum_get_value_by_nick (klass, nick)))
    return FALSE;
  *status = value->value;
  return TRUE;
}

const char *
lede_article_status_get_label (LedeArticleStatus status)
{
  switch (status)
    {
    case LEDE_ARTICLE_STATUS_DRAFT:       return _("Draft");
    case LEDE_ARTICLE_STATUS_IN_PROGRESS: return _("In progress");
    case LEDE_ARTICLE_STATUS_READY:       return _("Ready");
    case LEDE_ARTICLE_STATUS_PUBLISHED:   return _("Published");
    case LEDE_ARTICLE_STATUS_SPIKED:      return _("Spiked");
    default:                              g_return_val_if_reached (_("Draft"));
    }
}

/**
 * lede_article_add_correction:
 * @correction: copied
 *
 * Adds @correction at the end of the story's corrections log.
 */
void
lede_article_add_correction (LedeArticle          *self,
                             const LedeCorrection *correction)
{
  g_autoptr (GPtrArray) corrections = g_ptr_array_new_with_free_func ((GDestroyNotify)lede_correction_free);

  g_return_if_fail (LEDE_IS_ARTICLE (self));
  g_return_if_fail (correction != NULL);

  for (guint i = 0; self->corrections && i < self->corrections->len; i++)
    g_ptr_array_add (corrections, lede_correction_copy (g_ptr_array_index (self->corrections, i)));
  g_ptr_array_add (corrections, lede_correction_copy (correction));
  lede_article_set_corrections (self, corrections);
}

/**
 * lede_article_dup:
 *
 * Returns: (transfer full): a copy of every field, for work on another
 *   thread while the writer goes on typing into @self
 */
LedeArticle *
lede_article_dup (LedeArticle *self)
{
  LedeArticle *copy;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);

  copy = lede_article_new ();
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i]->name, &value);
    }
  return copy;
}

/**
 * lede_article_keeps_on_restore:
 * @current: the story as it is now
 * @field: a property of #LedeArticle
 *
 * Whether restoring a version leaves @field as it is: the story's life
 * (its status, embargo and publication time, its deadline and who has it,
 * and once published the slug its page lives at) is not a version of its
 * text.
 */
gboolean
lede_article_keeps_on_restore (LedeArticle *current,
                               const char  *field)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (current), FALSE);

  if (g_str_equal (field, "status") || g_str_equal (field, "embargo") || g_str_equal (field, "published"))
    return TRUE;
  /* Who has the story and when it is due are the desk's, not a version's. */
  if (g_str_equal (field, "deadline") || g_str_equal (field, "assignee") || g_str_equal (field, "editor"))
    return TRUE;
  return g_str_equal (field, "slug") && lede_article_get_status (current) == LEDE_ARTICLE_STATUS_PUBLISHED;
}

/**
 * lede_article_is_under_embargo:
 * @now: (nullable): the time to judge by, or %NULL for now
 *
 * Returns: whether the story's embargo has yet to lift
 */
gboolean
lede_article_is_under_embargo (LedeArticle *self,
                               GDateTime   *now)
{
  g_autoptr (GDateTime) current = NULL;
  GDateTime *embargo;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), FALSE);

  if ((embargo = lede_article_get_embargo (self)) == NULL)
    return FALSE;
  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  return g_date_time_compare (embargo, now) > 0;
}
