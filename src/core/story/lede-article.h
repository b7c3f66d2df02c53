/* lede-article.h: one story, as the library keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lede-correction.h"
#include "lede-photo.h"
#include "lede-types.h"
#include "lede-enums.h"

G_BEGIN_DECLS

#define LEDE_TYPE_ARTICLE (lede_article_get_type ())

G_DECLARE_FINAL_TYPE (LedeArticle, lede_article, LEDE, ARTICLE, GObject)

LedeArticle       *lede_article_new                (void);
LedeArticle       *lede_article_dup                (LedeArticle       *self);
void               lede_article_add_correction     (LedeArticle       *self,
                                                    const LedeCorrection *correction);

gint64             lede_article_get_id             (LedeArticle       *self);
void               lede_article_set_id             (LedeArticle       *self,
                                                    gint64             id);
const char        *lede_article_get_uuid           (LedeArticle       *self);
void               lede_article_set_uuid           (LedeArticle       *self,
                                                    const char        *uuid);
const char        *lede_article_get_headline       (LedeArticle       *self);
void               lede_article_set_headline       (LedeArticle       *self,
                                                    const char        *headline);
const char        *lede_article_get_standfirst     (LedeArticle       *self);
void               lede_article_set_standfirst     (LedeArticle       *self,
                                                    const char        *standfirst);
const char        *lede_article_get_slug           (LedeArticle       *self);
void               lede_article_set_slug           (LedeArticle       *self,
                                                    const char        *slug);
const char        *lede_article_get_byline         (LedeArticle       *self);
void               lede_article_set_byline         (LedeArticle       *self,
                                                    const char        *byline);
const char        *lede_article_get_dateline       (LedeArticle       *self);
void               lede_article_set_dateline       (LedeArticle       *self,
                                                    const char        *dateline);
const char        *lede_article_get_section        (LedeArticle       *self);
void               lede_article_set_section        (LedeArticle       *self,
                                                    const char        *section);
LedeArticleStatus  lede_article_get_status         (LedeArticle       *self);
void               lede_article_set_status         (LedeArticle       *self,
                                                    LedeArticleStatus  status);
const char        *lede_article_get_language       (LedeArticle       *self);
void               lede_article_set_language       (LedeArticle       *self,
                                                    const char        *language);
const char        *lede_article_get_body           (LedeArticle       *self);
void               lede_article_set_body           (LedeArticle       *self,
                                                    const char        *body);
const char        *lede_article_get_editorial_note (LedeArticle       *self);
void               lede_article_set_editorial_note (LedeArticle       *self,
                                                    const char        *editorial_note);
/* Front matter keys Lede does not know, as YAML, kept from an import and
 * written back on Markdown export. */
const char        *lede_article_get_extra_front_matter (LedeArticle   *self);
void               lede_article_set_extra_front_matter (LedeArticle   *self,
                                                    const char        *extra_front_matter);
/* The desk's fields (issue 32): who writes the story, who edits it, and
 * when it is due (UTC, NULL: no deadline). */
const char        *lede_article_get_assignee       (LedeArticle       *self);
void               lede_article_set_assignee       (LedeArticle       *self,
                                                    const char        *assignee);
const char        *lede_article_get_editor         (LedeArticle       *self);
void               lede_article_set_editor         (LedeArticle       *self,
                                                    const char        *editor);
GDateTime         *lede_article_get_deadline       (LedeArticle       *self);
void               lede_article_set_deadline       (LedeArticle       *self,
                                                    GDateTime         *deadline);
/* Headlines by role: empty means "as the web headline" (the headline). */
const char        *lede_article_get_print_headline (LedeArticle       *self);
void               lede_article_set_print_headline (LedeArticle       *self,
                                                    const char        *print_headline);
const char        *lede_article_get_seo_title      (LedeArticle       *self);
void               lede_article_set_seo_title      (LedeArticle       *self,
                                                    const char        *seo_title);
const char        *lede_article_get_social_headline (LedeArticle      *self);
void               lede_article_set_social_headline (LedeArticle      *self,
                                                    const char        *social_headline);
/* Where a headline goes: the web headline is the story's headline. */
typedef enum
{
  LEDE_HEADLINE_WEB,
  LEDE_HEADLINE_PRINT,
  LEDE_HEADLINE_SEO,
  LEDE_HEADLINE_SOCIAL,
} LedeHeadlineRole;

const char        *lede_article_get_headline_for   (LedeArticle       *self,
                                                    LedeHeadlineRole   role);
guint              lede_article_get_word_goal      (LedeArticle       *self);
void               lede_article_set_word_goal      (LedeArticle       *self,
                                                    guint              word_goal);
const char * const *lede_article_get_tags          (LedeArticle       *self);
void               lede_article_set_tags           (LedeArticle       *self,
                                                    const char * const *tags);
GPtrArray         *lede_article_get_sources        (LedeArticle       *self);
void               lede_article_set_sources        (LedeArticle       *self,
                                                    GPtrArray         *sources);
GPtrArray         *lede_article_get_corrections   (LedeArticle       *self);
void               lede_article_set_corrections   (LedeArticle       *self,
                                                   GPtrArray         *corrections);
GPtrArray         *lede_article_get_photos        (LedeArticle       *self);
void               lede_article_set_photos        (LedeArticle       *self,
                                                   GPtrArray         *photos);
LedePhoto         *lede_article_get_lead_photo    (LedeArticle       *self);
GDateTime         *lede_article_get_embargo        (LedeArticle       *self);
void               lede_article_set_embargo        (LedeArticle       *self,
                                                    GDateTime         *embargo);
GDateTime         *lede_article_get_published      (LedeArticle       *self);
void               lede_article_set_published      (LedeArticle       *self,
                                                    GDateTime         *published);
GDateTime         *lede_article_get_created        (LedeArticle       *self);
void               lede_article_set_created        (LedeArticle       *self,
                                                    GDateTime         *created);
GDateTime         *lede_article_get_updated        (LedeArticle       *self);
void               lede_article_set_updated        (LedeArticle       *self,
                                                    GDateTime         *updated);
GDateTime         *lede_article_get_trashed        (LedeArticle       *self);
void               lede_article_set_trashed        (LedeArticle       *self,
                                                    GDateTime         *trashed);

char              *lede_article_clean_line         (const char        *text);
char              *lede_article_clean_tag          (const char        *text);
gboolean           lede_article_keeps_on_restore   (LedeArticle       *current,
                                                    const char        *field);
gboolean           lede_article_is_under_embargo   (LedeArticle       *self,
                                                    GDateTime         *now);
const char        *lede_article_status_to_string   (LedeArticleStatus  status);
gboolean           lede_article_status_from_string (const char        *nick,
                                                    LedeArticleStatus *status);
const char        *lede_article_status_get_label   (LedeArticleStatus  status);

G_END_DECLS
