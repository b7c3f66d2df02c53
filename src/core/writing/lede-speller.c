/* lede-speller.c: spelling in the story's language, on enchant.
 *
 * The dictionary follows the story's language tag (en-GB → en_GB, then the
 * base language, then the user's locale). Words the library knows (its
 * personal dictionary, its tags, the story's sources) and words ignored
 * for this story are never wrong. Enchant's own personal word list is not
 * used: Lede's lives in the library file, so it travels with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-speller"

#include "config.h"

#include <enchant.h>
#include <string.h>

#include "lede-settings.h"
#include "lede-speller.h"

struct _LedeSpeller
{
  GObject        parent_instance;

  EnchantBroker *broker;
  EnchantDict   *dict;
  char          *dictionary;   /* the tag enchant was asked for, e.g. "en_GB" */
  char          *fallback;     /* tried after a story's own language */
  GHashTable    *known;        /* casefolded words never marked */
  GHashTable    *ignored;      /* casefolded words ignored for this story */
  GHashTable    *answers;      /* word → whether the dictionary knows it */
  GHashTable    *banned;       /* casefolded word house style bans → the word it prefers */
  GHashTable    *preferred;    /* casefolded words house style prefers: never marked */
};

G_DEFINE_FINAL_TYPE (LedeSpeller, lede_speller, G_TYPE_OBJECT)

static void
lede_speller_finalize (GObject *object)
{
  LedeSpeller *self = LEDE_SPELLER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_free (self->dictionary);
  g_free (self->fallback);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->ignored);
  g_hash_table_unref (self->answers);
  g_hash_table_unref (self->banned);
  g_hash_table_unref (self->preferred);
  G_OBJECT_CLASS (lede_speller_parent_class)->finalize (object);
}

static void
lede_speller_class_init (LedeSpellerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_speller_finalize;
}

static void
lede_speller_init (LedeSpeller *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->banned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->preferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LedeSpeller *
lede_speller_new (void)
{
  return g_object_new (LEDE_TYPE_SPELLER, NULL);
}

/* "en-GB" → "en_GB"; "en-gb.UTF-8@euro" → "en_GB". */
static char *
to_enchant_tag (const char *language)
{
  g_autofree char *tag = g_strndup (language, strcspn (language, ".@"));
  char *sep;

  g_strdelimit (tag, "-", '_');
  if ((sep = strchr (tag, '_')) != NULL)
    for (char *p = sep + 1; *p; p++)
      *p = g_ascii_toupper (*p);
  return g_steal_pointer (&tag);
}

static void
add_candidate (GPtrArray  *candidates,
               const char *language)
{
  g_autofree char *tag = NULL;
  char *sep;

  if (language == NULL || *language == '\0' || g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return;
  tag = to_enchant_tag (language);
  g_ptr_array_add (candidates, g_strdup (tag));
  if ((sep = strchr (tag, '_')) != NULL)
    {
      *sep = '\0';
      g_ptr_array_add (candidates, g_strdup (tag));
    }
}

/**
 * lede_speller_set_fallback:
 * @language: (nullable): a language tag tried when a story's own
 *   language has no dictionary (the preferences' choice), or %NULL
 *
 * Takes effect at the next lede_speller_set_language().
 */
void
lede_speller_set_fallback (LedeSpeller *self,
                           const char  *language)
{
  g_return_if_fail (LEDE_IS_SPELLER (self));
  g_free (self->fallback);
  self->fallback = g_strdup (language);
}

/**
 * lede_speller_set_language:
 * @language: (nullable): the story's language tag ("en-GB"), or %NULL or
 *   "" for the user's
 *
 * Picks the dictionary: the tag (a bare "en" as the user's locale has it,
 * "en_GB", else as the desk's language does), its base language, the
 * fallback, then (only for a story with no language set) the user's
 * locale and the desk's language (lede_settings_dup_language()).
 *
 * Returns: whether there is a dictionary; without one every word passes
 */
gboolean
lede_speller_set_language (LedeSpeller *self,
                           const char  *language)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LEDE_IS_SPELLER (self), FALSE);

  /* A language without a region ("en") is spelt as the user spells it,
   * when the user's locale is that language ("en_GB"), else as the desk
   * does when its language is that one (the sample story says "en"):
   * a bare tag is left to the first engine Enchant finds, hunspell's en
   * on Debian, which loads its whole dictionary into memory (5 MB) where
   * the regional one is aspell's, mapped from disk. */
  if (language != NULL && *language && strcspn (language, "-_") == strlen (language))
    {
      g_autofree char *desk = lede_settings_dup_language ();
      gsize length = strlen (language);

      /* Regional tags only here: the bare one comes after them all. */
      for (const char * const *names = g_get_language_names (); *names; names++)
        if (g_str_has_prefix (*names, language) && (*names)[length] == '_')
          g_ptr_array_add (candidates, to_enchant_tag (*names));
      if (g_ascii_strncasecmp (desk, language, length) == 0 && (desk[length] == '-' || desk[length] == '_'))
        g_ptr_array_add (candidates, to_enchant_tag (desk));
    }
  add_candidate (candidates, language);
  add_candidate (candidates, self->fallback);
  if (language == NULL || *language == '\0')
    {
      /* The desk's language for stories that say none: Preferences',
       * else the locale's, else English, so that a machine whose locale
       * is C still checks the spelling of a story imported without one. */
      g_autofree char *desk = lede_settings_dup_language ();

      for (const char * const *names = g_get_language_names (); *names; names++)
        add_candidate (candidates, *names);
      add_candidate (candidates, desk);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *tag = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (tag, self->dictionary) == 0)
        return self->dict != NULL;
      /* Enchant loads its providers when asked: not before a story is. */
      if (self->broker == NULL)
        self->broker = enchant_broker_init ();
      if (enchant_broker_dict_exists (self->broker, tag))
        {
          EnchantDict *dict = enchant_broker_request_dict (self->broker, tag);

          if (dict == NULL)
            continue;
          if (self->dict != NULL)
            enchant_broker_free_dict (self->broker, self->dict);
          self->dict = dict;
          g_hash_table_remove_all (self->answers);
          g_free (self->dictionary);
          self->dictionary = g_strdup (tag);
          return TRUE;
        }
    }
  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  self->dict = NULL;
  g_clear_pointer (&self->dictionary, g_free);
  return FALSE;
}

/**
 * lede_speller_get_dictionary:
 *
 * Returns: (nullable): the dictionary in use ("en_GB"), or %NULL
 */
const char *
lede_speller_get_dictionary (LedeSpeller *self)
{
  g_return_val_if_fail (LEDE_IS_SPELLER (self), NULL);
  return self->dictionary;
}

/* Hunspell's dictionaries spell the apostrophe straight. */
static char *
straighten (const char *word,
            gssize      len)
{
  g_autofree char *copy = g_strndup (word, len < 0 ? strlen (word) : (gsize)len);
  g_auto (GStrv) parts = g_strsplit (copy, "’", -1);

  return g_strjoinv ("'", parts);
}

static void
add_words (GHashTable *set,
           const char *text)
{
  /* A name of several words ("Rhian Tallis") makes each word known. */
  g_auto (GStrv) parts = g_regex_split_simple ("[^[:alnum:]'’]+", text, 0, 0);

  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_hash_table_add (set, g_utf8_casefold (parts[i], -1));
}

/**
 * lede_speller_set_known_words:
 * @words: (nullable) (array zero-terminated=1): words or names never to
 *   mark: the library's dictionary, its tags, the story's sources
 */
void
lede_speller_set_known_words (LedeSpeller        *self,
                              const char * const *words)
{
  g_return_if_fail (LEDE_IS_SPELLER (self));

  g_hash_table_remove_all (self->known);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    add_words (self->known, words[i]);
}

/**
 * lede_speller_set_house_style:
 * @banned: (nullable) (array zero-terminated=1): words the desk's house
 *   style replaces ("Kiev")
 * @preferred: (nullable) (array zero-terminated=1): the word each is
 *   replaced with ("Kyiv"), in the same order
 *
 * The preferred words are never marked; the banned ones always are, even
 * where the dictionary knows them, and their first suggestion is the
 * preferred word.
 */
void
lede_speller_set_house_style (LedeSpeller        *self,
                              const char * const *banned,
                              const char * const *preferred)
{
  g_return_if_fail (LEDE_IS_SPELLER (self));

  g_hash_table_remove_all (self->banned);
  g_hash_table_remove_all (self->preferred);
  for (guint i = 0; banned && preferred && banned[i] && preferred[i]; i++)
    {
      g_autofree char *plain = straighten (banned[i], -1);

      g_hash_table_insert (self->banned, g_utf8_casefold (plain, -1), g_strdup (preferred[i]));
      add_words (self->preferred, preferred[i]);
    }
}

/**
 * lede_speller_ignore:
 *
 * Takes @word as right until lede_speller_clear_ignored() (another story).
 */
void
lede_speller_ignore (LedeSpeller *self,
                     const char  *word)
{
  g_return_if_fail (LEDE_IS_SPELLER (self));
  add_words (self->ignored, word);
}

void
lede_speller_clear_ignored (LedeSpeller *self)
{
  g_return_if_fail (LEDE_IS_SPELLER (self));
  g_hash_table_remove_all (self->ignored);
}

/**
 * lede_speller_check:
 *
 * Returns: whether @word is spelt right (or there is no dictionary)
 */
gboolean
lede_speller_check (LedeSpeller *self,
                    const char  *word,
                    gssize       len)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  gpointer answer;
  gboolean right;

  g_return_val_if_fail (LEDE_IS_SPELLER (self), TRUE);

  plain = straighten (word, len);
  folded = g_utf8_casefold (plain, -1);
  /* House style first: a banned word is marked whatever the dictionary
   * (or its absence) says, until the writer ignores it. */
  if (g_hash_table_contains (self->ignored, folded))
    return TRUE;
  if (g_hash_table_contains (self->banned, folded))
    return FALSE;
  if (self->dict == NULL)
    return TRUE;
  if (g_hash_table_contains (self->known, folded) || g_hash_table_contains (self->preferred, folded))
    return TRUE;
  /* Words repeat (a story says "council" forty times): the dictionary is
   * asked once a word. */
  if (g_hash_table_lookup_extended (self->answers, plain, NULL, &answer))
    return GPOINTER_TO_INT (answer);
  /* "ferry's" is right when "ferry" is. */
  right = (g_str_has_suffix (plain, "'s") && enchant_dict_check (self->dict, plain, strlen (plain) - 2) == 0) ||
          enchant_dict_check (self->dict, plain, -1) == 0;
  /* A story with many odd words must not grow this without end. */
  if (g_hash_table_size (self->answers) > 100000)
    g_hash_table_remove_all (self->answers);
  g_hash_table_insert (self->answers, g_steal_pointer (&plain), GINT_TO_POINTER (right));
  return right;
}

/**
 * lede_speller_suggest:
 *
 * Returns: (transfer full): up to @max spellings for @word, best first
 */
char **
lede_speller_suggest (LedeSpeller *self,
                      const char  *word,
                      guint        max)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  g_autofree char *plain = NULL;
  size_t n = 0;
  char **found;
  const char *house = NULL;

  g_return_val_if_fail (LEDE_IS_SPELLER (self), NULL);

  plain = straighten (word, -1);
  {
    g_autofree char *folded = g_utf8_casefold (plain, -1);
    const char *preferred = g_hash_table_lookup (self->banned, folded);

    if (preferred && max > 0)
      {
        g_strv_builder_add (out, preferred);
        max--;
        house = preferred;
      }
  }
  if (self->dict == NULL)
    return g_strv_builder_end (out);
  found = enchant_dict_suggest (self->dict, plain, -1, &n);
  for (size_t i = 0; found != NULL && i < n && max > 0; i++)
    if (g_strcmp0 (found[i], house) != 0)
      {
        g_strv_builder_add (out, found[i]);
        max--;
      }
  if (found != NULL)
    enchant_dict_free_string_list (self->dict, found);
  return g_strv_builder_end (out);
}
