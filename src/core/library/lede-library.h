/* lede-library.h: the SQLite file that keeps every story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lede-article.h"
#include "lede-correction.h"
#include "lede-inbox-entry.h"
#include "lede-outbox-entry.h"
#include "lede-photo.h"
#include "lede-revision.h"
#include "lede-search-hit.h"
#include "lede-site-post.h"
#include "lede-source.h"
#include "lede-tag.h"

G_BEGIN_DECLS

#define LEDE_LIBRARY_ERROR (lede_library_error_quark ())

typedef enum
{
  LEDE_LIBRARY_ERROR_FAILED,
  LEDE_LIBRARY_ERROR_CANNOT_OPEN,
  LEDE_LIBRARY_ERROR_NOT_A_LIBRARY,
  LEDE_LIBRARY_ERROR_CORRUPT,
  LEDE_LIBRARY_ERROR_TOO_NEW,
  LEDE_LIBRARY_ERROR_READ_ONLY,
  LEDE_LIBRARY_ERROR_FULL,
  LEDE_LIBRARY_ERROR_NOT_FOUND,
  LEDE_LIBRARY_ERROR_IN_USE,
  LEDE_LIBRARY_ERROR_BUSY,
} LedeLibraryError;

/* The schema version this Lede writes; a library with a higher one is refused. */
#define LEDE_LIBRARY_SCHEMA_VERSION 21

/* The newest matches that lede_library_search() ranks; see there. */
#define LEDE_LIBRARY_SEARCH_WINDOW 2000

#define LEDE_TYPE_LIBRARY (lede_library_get_type ())

G_DECLARE_FINAL_TYPE (LedeLibrary, lede_library, LEDE, LIBRARY, GObject)

/* The most stories deleted forever a step (LedeStoryBatch) when the window
 * empties a large trash, however quick: its progress bar moves. */
#define LEDE_LIBRARY_DELETE_CHUNK 100

GQuark        lede_library_error_quark       (void);

char         *lede_library_dup_default_path  (void);
gboolean      lede_library_wait_for_writers  (gint64        timeout_us);
LedeLibrary  *lede_library_open              (const char   *path,
                                              GError      **error);
LedeLibrary  *lede_library_open_for_reading  (const char   *path,
                                              GError      **error);
const char   *lede_library_get_path          (LedeLibrary  *self);
void          lede_library_interrupt         (LedeLibrary  *self);
gboolean      lede_library_is_read_only      (LedeLibrary  *self);
gboolean      lede_library_is_own_file       (LedeLibrary  *self,
                                              const char   *path);
gboolean      lede_library_is_new            (LedeLibrary  *self);
const char   *lede_library_get_notice        (LedeLibrary  *self);
gboolean      lede_library_tidy_step         (LedeLibrary  *self,
                                              gboolean     *done,
                                              GError      **error);
void          lede_library_tidy_step_async   (LedeLibrary         *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      lede_library_tidy_step_finish  (LedeLibrary   *self,
                                              GAsyncResult  *result,
                                              gboolean      *done,
                                              GError       **error);
double        lede_library_get_reindex_progress (LedeLibrary *self);
gboolean      lede_library_is_copying_wal    (LedeLibrary  *self);
gboolean      lede_library_needs_check       (LedeLibrary  *self);
gboolean      lede_library_check             (LedeLibrary  *self,
                                              GError      **error);
void          lede_library_check_async       (LedeLibrary  *self,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer      user_data);
gboolean      lede_library_check_finish      (LedeLibrary  *self,
                                              GAsyncResult *result,
                                              GError      **error);
int           lede_library_get_schema_version(LedeLibrary  *self);

gboolean      lede_library_create_article    (LedeLibrary  *self,
                                              LedeArticle  *article,
                                              GError      **error);
void          lede_library_hold_changes      (LedeLibrary  *self);
void          lede_library_release_changes   (LedeLibrary  *self);
gboolean      lede_library_release_changes_quietly (LedeLibrary *self);
void          lede_library_tell_changes      (LedeLibrary  *self);
gboolean      lede_library_begin_batch       (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_end_batch         (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_add_story         (LedeLibrary  *self,
                                              LedeArticle  *article,
                                              const char * const *tags,
                                              GError      **error);
gboolean      lede_library_replace_story     (LedeLibrary  *self,
                                              gint64        id,
                                              LedeArticle  *article,
                                              const char * const *tags,
                                              GError      **error);
gboolean      lede_library_want_saved        (LedeLibrary  *self,
                                              gint64        id);
gboolean      lede_library_set_tags          (LedeLibrary  *self,
                                              gint64        id,
                                              const char * const *tags,
                                              GError      **error);
char        **lede_library_get_tags          (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_create_source     (LedeLibrary  *self,
                                              LedeSource   *source,
                                              GError      **error);
gboolean      lede_library_link_source       (LedeLibrary  *self,
                                              gint64        article_id,
                                              gint64        source_id,
                                              const char   *note,
                                              GError      **error);
GPtrArray    *lede_library_list_story_sources (LedeLibrary *self,
                                              gint64        article_id,
                                              GError      **error);
GPtrArray    *lede_library_list_sources      (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_update_source     (LedeLibrary  *self,
                                              LedeSource   *source,
                                              GError      **error);
gboolean      lede_library_delete_source     (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_unlink_source     (LedeLibrary  *self,
                                              gint64        article_id,
                                              gint64        source_id,
                                              GError      **error);
char        **lede_library_list_source_stories (LedeLibrary *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_list_style_rules  (LedeLibrary  *self,
                                              GStrv        *names,
                                              GStrv        *rules,
                                              GError      **error);
gboolean      lede_library_put_style_rule    (LedeLibrary  *self,
                                              const char   *name,
                                              const char   *rule,
                                              GError      **error);
gboolean      lede_library_remove_style_rule (LedeLibrary  *self,
                                              const char   *name,
                                              GError      **error);
char        **lede_library_list_dictionary   (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_add_to_dictionary (LedeLibrary  *self,
                                              const char   *word,
                                              GError      **error);
GPtrArray    *lede_library_list_tags         (LedeLibrary  *self,
                                              GError      **error);
char        **lede_library_list_tags_in_use  (LedeLibrary  *self,
                                             const char   *also,
                                             GError      **error);
char        **lede_library_list_tag_names    (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_rename_tag        (LedeLibrary  *self,
                                              gint64        id,
                                              const char   *name,
                                              GError      **error);
gboolean      lede_library_delete_tag        (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
char         *lede_library_slug_owner        (LedeLibrary  *self,
                                              const char   *slug,
                                              gint64        except_id);
char         *lede_library_make_unique_slug  (LedeLibrary  *self,
                                              const char   *slug,
                                              gint64        except_id);
LedeArticle  *lede_library_get_article       (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
LedeArticle  *lede_library_get_article_by_uuid (LedeLibrary *self,
                                              const char   *uuid,
                                              GError      **error);
gboolean      lede_library_find_same_story   (LedeLibrary  *self,
                                              const char   *headline,
                                              const char   *body,
                                              gint64       *id,
                                              gboolean     *in_trash,
                                              GError      **error);
gboolean      lede_library_update_article    (LedeLibrary  *self,
                                              LedeArticle  *article,
                                              GError      **error);
GArray       *lede_library_list_ids          (LedeLibrary  *self,
                                              gboolean      trashed,
                                              GError      **error);
GArray       *lede_library_list_ids_filtered (LedeLibrary  *self,
                                              gboolean      trashed,
                                              int           status,
                                              const char   *tag,
                                              GError      **error);
GArray       *lede_library_list_ids_sorted   (LedeLibrary  *self,
                                              gboolean      trashed,
                                              int           status,
                                              const char   *tag,
                                              const char   *assignee,
                                              LedeStoryOrder order,
                                              GError      **error);
GArray       *lede_library_list_ids_page     (LedeLibrary  *self,
                                              gboolean      trashed,
                                              int           status,
                                              const char   *tag,
                                              const char   *assignee,
                                              LedeStoryOrder order,
                                              guint         limit,
                                              GError      **error);
double        lede_library_get_list_progress (LedeLibrary  *self);
GHashTable   *lede_library_list_stories_tags (LedeLibrary  *self,
                                              GError      **error);
GStrv         lede_library_list_people       (LedeLibrary  *self,
                                              GError      **error);
GPtrArray    *lede_library_get_articles      (LedeLibrary  *self,
                                              GArray       *ids,
                                              GError      **error);
GPtrArray    *lede_library_list_articles     (LedeLibrary  *self,
                                              gboolean      trashed,
                                              GError      **error);
gint64        lede_library_get_last_id       (LedeLibrary  *self);
gint64        lede_library_count_articles    (LedeLibrary  *self,
                                              gboolean      trashed,
                                              GError      **error);
gboolean      lede_library_trash_article     (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_restore_article   (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gint64        lede_library_empty_trash       (LedeLibrary  *self,
                                              GError      **error);
gboolean      lede_library_delete_article    (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_trash_stories     (LedeLibrary  *self,
                                              GArray       *ids,
                                              GError      **error);
gboolean      lede_library_restore_stories   (LedeLibrary  *self,
                                              GArray       *ids,
                                              GError      **error);
gboolean      lede_library_set_stories_status (LedeLibrary *self,
                                              GArray       *ids,
                                              LedeArticleStatus status,
                                              GError      **error);
gboolean      lede_library_tag_stories       (LedeLibrary  *self,
                                              GArray       *ids,
                                              const char   *tag,
                                              gboolean      add,
                                              GError      **error);
gboolean      lede_library_delete_stories    (LedeLibrary  *self,
                                              GArray       *ids,
                                              GError      **error);
GPtrArray    *lede_library_list_corrections  (LedeLibrary  *self,
                                             gint64        article_id,
                                             GError      **error);
gboolean      lede_library_get_went_out      (LedeLibrary  *self,
                                             gint64        article_id,
                                             char        **reader_text,
                                             GDateTime   **at,
                                             GError      **error);
gboolean      lede_library_record_went_out   (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *way_out,
                                             const char   *reader_text,
                                             const LedeCorrection *correction,
                                             GError      **error);
gboolean      lede_library_get_site_post     (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *site,
                                             gint64       *post_id,
                                             char        **modified_gmt,
                                             char        **link,
                                             GError      **error);
gboolean      lede_library_set_site_post     (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *site,
                                             gint64        post_id,
                                             const char   *modified_gmt,
                                             const char   *status,
                                             const char   *link,
                                             GDateTime    *date,
                                             gboolean      for_embargo,
                                             GError      **error);
gboolean      lede_library_move_site_post    (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *site,
                                             const char   *modified_gmt,
                                             const char   *status,
                                             GDateTime    *date,
                                             GError      **error);
GPtrArray    *lede_library_list_site_posts   (LedeLibrary  *self,
                                             gint64        article_id,
                                             GError      **error);
gboolean      lede_library_forget_site_post  (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *site,
                                             GError      **error);
gboolean      lede_library_find_site_post_story (LedeLibrary *self,
                                             const char   *site,
                                             gint64        post_id,
                                             gint64       *article_id,
                                             GError      **error);
char        **lede_library_dup_quote_baseline (LedeLibrary *self,
                                             gint64        article_id,
                                             GError      **error);
gboolean      lede_library_add_quote_wording (LedeLibrary  *self,
                                             gint64        article_id,
                                             const char   *text,
                                             const char   *why,
                                             GError      **error);
gboolean      lede_library_get_site_media    (LedeLibrary  *self,
                                             const char   *site,
                                             const char   *sha256,
                                             gint64       *media_id,
                                             char        **source_url,
                                             GError      **error);
gboolean      lede_library_set_site_media    (LedeLibrary  *self,
                                             const char   *site,
                                             const char   *sha256,
                                             gint64        media_id,
                                             const char   *source_url,
                                             GError      **error);
gboolean      lede_library_add_site_story    (LedeLibrary  *self,
                                             LedeArticle  *article,
                                             const char * const *tags,
                                             const char   *site,
                                             gint64        post_id,
                                             const char   *modified_gmt,
                                             const char   *status,
                                             const char   *link,
                                             GError      **error);
gboolean      lede_library_keep_revision     (LedeLibrary  *self,
                                             LedeArticle  *article,
                                             const char   *reason,
                                             const char   *name,
                                             gboolean     *kept,
                                             GError      **error);
GPtrArray    *lede_library_list_revisions    (LedeLibrary  *self,
                                             gint64        article_id,
                                             GError      **error);
LedeArticle  *lede_library_get_revision      (LedeLibrary  *self,
                                             gint64        revision_id,
                                             LedeRevision **revision,
                                             GError      **error);
gboolean      lede_library_prepare_restore   (LedeLibrary  *self,
                                             LedeArticle  *article,
                                             LedeArticle  *current,
                                             char        **not_restored,
                                             GError      **error);
gboolean      lede_library_restore_revision  (LedeLibrary  *self,
                                             gint64        revision_id,
                                             char        **not_restored,
                                             GError      **error);
int           lede_library_thin_revisions    (LedeLibrary  *self,
                                             gint64        article_id,
                                             GDateTime    *now,
                                             GError      **error);
char         *lede_library_dup_photos_dir    (LedeLibrary  *self);
char         *lede_library_dup_photo_path    (LedeLibrary  *self,
                                              const LedePhoto *photo);
GBytes       *lede_library_dup_photo_bytes   (LedeLibrary  *self,
                                              const LedePhoto *photo,
                                              GError      **error);
gboolean      lede_library_add_photo         (LedeLibrary  *self,
                                              LedeArticle  *article,
                                              LedePhoto    *photo,
                                              GBytes       *bytes,
                                              GError      **error);
gboolean      lede_library_add_photo_to_open_story (LedeLibrary  *self,
                                                    LedeArticle  *article,
                                                    LedePhoto    *photo,
                                                    GBytes       *bytes,
                                                    GError      **error);
void          lede_library_stage_photo       (LedeLibrary  *self,
                                              const LedePhoto *photo,
                                              GBytes       *bytes);
void          lede_library_unstage_photos    (LedeLibrary  *self);
GPtrArray    *lede_library_list_story_photos (LedeLibrary  *self,
                                              gint64        article_id,
                                              GError      **error);
GHashTable   *lede_library_list_lead_photos  (LedeLibrary  *self,
                                              GError      **error);
GPtrArray    *lede_library_search            (LedeLibrary  *self,
                                              const char   *query,
                                              guint         limit,
                                              GError      **error);
GPtrArray    *lede_library_search_filtered   (LedeLibrary  *self,
                                              const char   *query,
                                              int           status,
                                              const char   *tag,
                                              const char   *assignee,
                                              guint         limit,
                                              GError      **error);
GArray       *lede_library_match_ids         (LedeLibrary  *self,
                                              const char   *fts_query,
                                              GError      **error);

/* A story's wire identity as the library keeps it (lede-library-wires.c). */
typedef struct
{
  char      *id;               /* the provider's id: ninjs uri, G2 guid, NITF doc-id */
  char      *format;
  char      *version;
  GDateTime *version_created;  /* nullable */
  char      *pubstatus;        /* "usable", "withheld" or "canceled" */
  char      *taken_sha256;     /* headline and body as last taken from the wire */
} LedeLibraryWire;

void          lede_library_wire_clear        (LedeLibraryWire *wire);
char         *lede_library_wire_dup_sha256   (const char   *headline,
                                              const char   *body);
gint64        lede_library_find_wire         (LedeLibrary  *self,
                                              const char   *wire_id,
                                              LedeLibraryWire *found,
                                              GError      **error);
gboolean      lede_library_add_wire_story    (LedeLibrary  *self,
                                              LedeArticle  *article,
                                              const char * const *tags,
                                              const LedeLibraryWire *wire,
                                              GError      **error);
gboolean      lede_library_replace_wire_story (LedeLibrary *self,
                                              gint64        id,
                                              LedeArticle  *article,
                                              const char * const *tags,
                                              const LedeLibraryWire *wire,
                                              GError      **error);
gboolean      lede_library_set_wire_status   (LedeLibrary  *self,
                                              gint64        id,
                                              const LedeLibraryWire *wire,
                                              const char   *front_matter,
                                              GError      **error);

/* lede-library-inbox.c: the wire inbox (schema 14) */
gboolean      lede_library_inbox_add         (LedeLibrary  *self,
                                              LedeInboxEntry *entry,
                                              GBytes       *data,
                                              GError      **error);
gboolean      lede_library_inbox_knows       (LedeLibrary  *self,
                                              const char   *path,
                                              gint64        size,
                                              gint64        mtime_us,
                                              const char   *sha256);
GPtrArray    *lede_library_inbox_list        (LedeLibrary  *self,
                                              GError      **error);
gint64        lede_library_inbox_count_waiting (LedeLibrary *self);
LedeInboxEntry *lede_library_inbox_get       (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
GBytes       *lede_library_inbox_dup_data    (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_inbox_settle      (LedeLibrary  *self,
                                              gint64        id,
                                              LedeInboxState state,
                                              gint64        article_id,
                                              const char   *reason,
                                              GError      **error);
gboolean      lede_library_inbox_prune       (LedeLibrary  *self,
                                              GDateTime    *now,
                                              GError      **error);

/* lede-library-outbox.c: what waits to go out to a site (schema 15) */
gboolean      lede_library_outbox_add        (LedeLibrary  *self,
                                              LedeOutboxEntry *entry,
                                              GError      **error);
GPtrArray    *lede_library_outbox_list       (LedeLibrary  *self,
                                              GError      **error);
gint64        lede_library_outbox_count      (LedeLibrary  *self);
gboolean      lede_library_outbox_remove     (LedeLibrary  *self,
                                              gint64        id,
                                              GError      **error);
gboolean      lede_library_outbox_forget     (LedeLibrary  *self,
                                              gint64        article_id,
                                              const char   *site,
                                              GError      **error);
gboolean      lede_library_outbox_note_try   (LedeLibrary  *self,
                                              gint64        id,
                                              const char   *reason,
                                              GError      **error);

G_END_DECLS
