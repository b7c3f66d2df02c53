/* lede-window-private.h: what the window's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "lede-article-list.h"
#include "lede-editor.h"
#include "lede-metadata-panel.h"
#include "lede-preview-pane.h"
#include "lede-batch-runner.h"
#include "lede-window.h"
#include "lede-outbox-sender.h"
#include "lede-wire-watcher.h"

G_BEGIN_DECLS

struct _LedeWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  AdwLeaflet           *leaflet;          /* the list, then the story: one at a time when narrow */
  GtkWidget            *content_box;
  AdwFlap              *metadata_flap;    /* beside the story, or over it when narrow */
  AdwWindowTitle       *library_title;
  GtkListView          *story_list;
  AdwWindowTitle       *story_title;
  AdwSqueezer          *header_squeezer;  /* the layout switch, or the title where it does not fit */
  GtkActionBar         *layout_bar;       /* the layout switch under the story, squeezed out above */
  GtkWidget            *bar_split_button;
  GtkLabel             *save_label;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *new_story_button;
  GtkPaned             *split;
  GtkWidget            *split_button;
  LedeEditor           *editor;
  LedePreviewPane      *preview;
  GtkWidget            *sidebar;
  GtkWidget            *content_header;
  gboolean              focus_mode;
  GtkDropDown          *status_filter;
  GtkDropDown          *tag_filter;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *status_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *status_menu;
  GtkWidget            *trash_button;
  AdwButtonContent     *trash_button_content;
  GtkStringList        *tag_names;
  gboolean              filling_tags;
  LedeMetadataPanel    *metadata_panel;

  GSettings            *settings;
  LedeSpeller          *speller;
  LedeLibrary          *library;
  LedeArticleList      *articles;
  GtkMultiSelection    *selection;
  guint                 last_position; /* of the last story opened from the list */
  gint64                select_when_loaded; /* asked for while a long list is read */
  LedeAutosave         *autosave;
  guint                 backup_timer;  /* looks for a daily backup due */
  guint                 tidy_timer;    /* steps of tidying the search index */
  gboolean              tidy_quick;    /* the timer ticks quickly: a rebuild waits */
  GCancellable         *tidy_cancellable; /* a step under way */
  gboolean              tidy_again;    /* the library changed while it ran */
  GtkProgressBar       *reindex_bar;   /* the rebuild's progress, while it runs */
  gint64                last_edit_us;  /* monotonic time of the last edit, search or opening */
  gboolean              backing_up;
  GBindingGroup        *title_bindings;
  AdwToast             *failure_toast;
  GSimpleAction        *layout_action;  /* win.layout */
  guint                 layout_idle_id;
  gboolean              narrow;
  /* Focus mode holds the Split divider where it found it: GSettings is not
   * told of the places it passes through (lede-window-layout.c). */
  gboolean              split_held;
  int                   split_before_focus;    /* the divider's place */
  int                   split_width_before_focus;
  guint                 split_release_id;      /* gives up waiting for that width */
  gboolean              reverting_selection;
  /* Many stories to the trash, or back, a step at a time from the main
   * loop (lede-window-selection.c). */
  LedeBatchRunner      *batch;
  gboolean              batch_trashes;
  gboolean              batch_at_once;         /* ended in its first step, before the writer moved on */
  AdwToast             *batch_toast;           /* weak: its progress */
  gint64                batch_step_us;         /* each step's time budget */

  /* The sidebar's search (lede-window-search.c). */
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *no_match_label;
  LedeLibrary          *search_reader;
  GHashTable           *snippets;      /* story id → snippet markup */
  char                 *pending_query;
  gboolean              searching;
  gboolean              search_running;
  LedeLibrary          *filling_reader;  /* the reader of a search reading the rest of its hits */
  gpointer              fill_after_paint; /* a search whose rest is read once its first hits are painted */
  GCancellable         *check_cancellable; /* the library's background check, stopped when it goes */
  GdkFrameClock        *fill_clock;       /* the clock that says so, and its handler */
  gulong                fill_paint_handler;

  /* Revisions (lede-window-history.c). */
  gboolean              revision_due;     /* changed since the last one */
  guint                 revision_timer;
  GSignalGroup         *revision_signals; /* the open story's status */
  GHashTable           *asked_correction; /* story ids asked this session */
  guint                 correction_id;    /* asking, after a pause */
  char                 *asked_text;       /* headline and body as last published or asked */
  /* The last Restore, so that undoing it brings every field back. */
  gint64                restored_story;
  char                 *restored_before;  /* snapshots of the fields (lede_revision_snapshot()) */
  char                 *restored_after;
  char                 *restored_text_before;  /* the body */
  char                 *restored_text_after;
  gboolean              restore_undone;

  /* Many stories at once (lede-window-selection.c). */
  GtkRevealer          *selection_revealer;
  GtkLabel             *selection_label;
  GtkPopover           *selection_tag_popover;
  GtkEntry             *selection_tag_entry;

  /* Pictures put in the body (lede-window-photos.c). */
  guint                 photos_reading;

  /* The wire inbox (lede-window-inbox.c). */
  GtkWidget            *inbox_button;
  AdwButtonContent     *inbox_button_content;
  LedeWireWatcher      *wire_watcher;
  GtkWidget            *inbox_window;   /* a LedeInboxWindow while open */
  GtkWidget            *wire_changes_window;  /* a LedeWireChangesWindow while open */

  /* The outbox (lede-window-outbox.c). */
  GtkWidget            *outbox_button;
  AdwButtonContent     *outbox_button_content;
  GtkWidget            *outbox_popover;
  GtkListBox           *outbox_list;
  GtkWidget            *outbox_send_button;
  LedeOutboxSender     *outbox_sender;
  gint64                outbox_waiting;  /* as the button last said */
};

/* The parts, each setting up its actions (class_add) and its state (init). */

/* lede-window-story.c */
void lede_window_class_add_story     (GtkWidgetClass *widget_class);
void lede_window_init_story          (LedeWindow *self);
void lede_window_show_article        (LedeWindow  *self,
                                      LedeArticle *article);
void lede_window_highlight_search    (LedeWindow *self);

/* lede-window-sidebar.c */
void lede_window_class_add_sidebar   (GtkWidgetClass *widget_class);
void lede_window_init_sidebar        (LedeWindow *self);
void lede_window_apply_story_order   (LedeWindow *self);
char *lede_window_dup_mine          (LedeWindow *self);
void lede_window_update_empty_page   (LedeWindow *self);
void lede_window_fill_tag_filter     (LedeWindow *self);
void lede_window_update_trash_button (LedeWindow *self);

/* lede-window-backup.c */
void  lede_window_class_add_backup   (GtkWidgetClass *widget_class);
void  lede_window_init_backup        (LedeWindow *self);
void  lede_window_dispose_backup     (LedeWindow *self);
char *lede_window_restore_backup     (LedeWindow *self,
                                      const char *backup);

/* lede-window-tidy.c */
void  lede_window_class_add_tidy     (GtkWidgetClass *widget_class);
void  lede_window_tidy_later         (LedeWindow *self);
void  lede_window_stop_check         (LedeWindow *self);
void  lede_window_stop_tidy          (LedeWindow *self);
void  lede_window_dispose_tidy       (LedeWindow *self);
/* lede-window-style.c */
void lede_window_class_add_style     (GtkWidgetClass *widget_class);
void lede_window_apply_house_style   (LedeWindow  *self);
void lede_window_watch_house_style   (LedeWindow  *self,
                                      LedeLibrary *library);

/* lede-window-library.c */
void     lede_window_class_add_library (GtkWidgetClass *widget_class);
gboolean lede_window_load_library    (LedeWindow *self,
                                      const char *path);
void     lede_window_remember_place  (LedeWindow *self);

/* lede-window-layout.c */
void lede_window_class_add_layout    (GtkWidgetClass *widget_class);
void lede_window_init_layout         (LedeWindow *self);
void lede_window_dispose_layout      (LedeWindow *self);
void lede_window_layout_allocated    (LedeWindow *self);
void lede_window_place_save_state    (LedeWindow *self);
void lede_window_class_add_selection (GtkWidgetClass *widget_class);
void lede_window_init_selection      (LedeWindow *self);
void lede_window_stop_batch          (LedeWindow *self);
void lede_window_watch_selection     (LedeWindow  *self,
                                      LedeLibrary *library);
void lede_window_select_open_story   (LedeWindow *self);
void lede_window_swap_list           (LedeWindow *self,
                                      GArray     *ids);
GArray *lede_window_get_selected_ids (LedeWindow *self);
gboolean lede_window_select_story    (LedeWindow *self,
                                      gint64      id);
void lede_window_class_add_interchange (GtkWidgetClass *widget_class);

/* A way out that goes on once the gate's questions are answered. */
typedef void (*LeaveFunc) (LedeWindow *self, LedeVerdict *verdict);
void lede_window_ask_what_changed    (LedeWindow  *self,
                                      LedeVerdict *verdict,
                                      LeaveFunc    then);
void lede_window_record_went_out     (LedeWindow  *self,
                                      LedeVerdict *verdict);
LedeVerdict *lede_window_ask_gate    (LedeWindow  *self,
                                      LedeWayOut   way_out);
void lede_window_leave_through_gate  (LedeWindow  *self,
                                      LedeVerdict *verdict,
                                      const char  *heading,
                                      const char  *anyway,
                                      LeaveFunc    leave);
void lede_window_init_interchange    (LedeWindow *self);
void lede_window_import_model        (LedeWindow *self,
                                      GListModel *files);
/* lede-window-photos.c */
void lede_window_class_add_photos    (GtkWidgetClass *widget_class);
void lede_window_init_photos         (LedeWindow *self);
void lede_window_add_photo_files     (LedeWindow *self,
                                      GListModel *files);
void lede_window_class_add_search    (GtkWidgetClass *widget_class);
void lede_window_init_search         (LedeWindow *self);
void lede_window_dispose_search      (LedeWindow *self);
void lede_window_reset_search        (LedeWindow *self);
void lede_window_search_again        (LedeWindow *self);
const char *lede_window_get_snippet  (LedeWindow *self,
                                      gint64      id);
void lede_window_class_add_history   (GtkWidgetClass *widget_class);
void lede_window_init_history        (LedeWindow *self);
void lede_window_dispose_history     (LedeWindow *self);
void lede_window_note_edit           (LedeWindow *self);
void lede_window_note_shown          (LedeWindow *self);
void lede_window_forget_asked        (LedeWindow *self);
void lede_window_leave_story         (LedeWindow *self);
void lede_window_keep_revision       (LedeWindow *self,
                                      const char *reason);
void lede_window_keep_revision_of    (LedeWindow  *self,
                                      LedeArticle *article,
                                      const char  *reason);

/* lede-window-publish.c */
void lede_window_class_add_publish   (GtkWidgetClass *widget_class);
/* lede-window-outbox.c */
void lede_window_class_add_outbox    (GtkWidgetClass *widget_class);
void lede_window_init_outbox         (LedeWindow  *self);
void lede_window_dispose_outbox      (LedeWindow  *self);
void lede_window_watch_outbox        (LedeWindow  *self,
                                      LedeLibrary *library);
void lede_window_outbox_after_save   (LedeWindow  *self);
void lede_window_outbox_queued       (LedeWindow  *self,
                                      const char  *site);
/* lede-window-inbox.c */
void lede_window_class_add_inbox     (GtkWidgetClass *widget_class);
void lede_window_init_inbox          (LedeWindow  *self);
void lede_window_dispose_inbox       (LedeWindow  *self);
void lede_window_watch_inbox         (LedeWindow  *self,
                                      LedeLibrary *library);

/* lede-window-review.c */
void lede_window_class_add_review    (GtkWidgetClass *widget_class);
void lede_window_init_review         (LedeWindow *self);
void lede_window_review_story_shown  (LedeWindow *self);

/* A toast for a moment at the foot of the window: every part says things
 * this way, so it is here rather than a call into one of them. */
static inline void
lede_window_show_toast (LedeWindow *self,
                        const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

G_END_DECLS
