/* lede-types.h: forward declarations and enums shared across Lede's core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The newsroom workflow a story moves through. The nicks are what the
 * library stores, so they must never change once released. */
typedef enum
{
  LEDE_ARTICLE_STATUS_DRAFT,
  LEDE_ARTICLE_STATUS_IN_PROGRESS,
  LEDE_ARTICLE_STATUS_READY,
  LEDE_ARTICLE_STATUS_PUBLISHED,
  LEDE_ARTICLE_STATUS_SPIKED,
} LedeArticleStatus;

/* What the autosave knows of the open story, shown beside its headline. */
typedef enum
{
  LEDE_SAVE_STATE_SAVED,
  LEDE_SAVE_STATE_PENDING,
  LEDE_SAVE_STATE_SAVING,
  LEDE_SAVE_STATE_FAILED,
} LedeSaveState;

/* What a story can be exported as. */
typedef enum
{
  LEDE_EXPORT_FORMAT_HTML,      /* a whole HTML5 page */
  LEDE_EXPORT_FORMAT_FRAGMENT,  /* the body's HTML, for pasting into a CMS */
  LEDE_EXPORT_FORMAT_MARKDOWN,  /* front matter for Hugo and Jekyll, then the body */
  LEDE_EXPORT_FORMAT_NINJS,     /* IPTC ninjs 2.2 JSON */
  LEDE_EXPORT_FORMAT_DOCX,      /* a Word document, for the copy desk */
} LedeExportFormat;

/* How a list of stories is ordered. The nicks are what GSettings keeps. */
typedef enum
{
  LEDE_STORY_ORDER_NEWEST,        /*< nick=newest >*/   /* by when each was begun, newest first */
  LEDE_STORY_ORDER_LAST_CHANGED,  /*< nick=changed >*/  /* by when each was last saved */
  LEDE_STORY_ORDER_HEADLINE,      /*< nick=headline >*/ /* headline A–Z */
  LEDE_STORY_ORDER_DEADLINE,      /*< nick=deadline >*/ /* soonest deadline first, none last */
} LedeStoryOrder;

typedef struct _LedeArticle     LedeArticle;
typedef struct _LedeArticleList LedeArticleList;
typedef struct _LedeAutosave    LedeAutosave;
typedef struct _LedeLibrary     LedeLibrary;

G_END_DECLS
