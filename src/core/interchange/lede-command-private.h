/* lede-command-private.h: the command's words, shared by the files that
 * run each command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lede-command.h"

G_BEGIN_DECLS

struct _LedeCommand
{
  char      *library_path;  /* absolute, or NULL for the default library */
  gboolean   as_json;
  gboolean   in_trash;
  int        limit;
  char      *format_name;
  char      *out_dir;       /* absolute */
  gboolean   export_all;    /* --all: export, check; accept, reject, resolve */
  gboolean   force;
  gboolean   include_spiked;
  char      *only_status;
  char      *only_tag;
  gboolean   overwrite;
  gboolean   jekyll_names;
  gboolean   keep_review;   /* export --format md for the next editor */
  char      *backup_to;     /* backup: the folder, absolute */
  int        backup_keep;   /* backup: how many to keep; G_MININT when not given */
  gboolean   as_new;
  char      *correction;    /* export: "KIND:NOTE" for stories changed since they went out */
  gboolean   no_correction;
  gboolean   lift_embargo;
  char      *encoding;      /* import: read files as this, not UTF-8 */
  gboolean   photo_lead;    /* photo add: as the story's lead photo */
  char      *photo_caption; /* photo add: given, or NULL for the file's own */
  char      *photo_credit;
  char      *photo_alt;
  char      *site_name;     /* publish: --site */
  char      *user;          /* site add: --user */
  gboolean   draft;         /* publish: --draft (the default) */
  gboolean   publish_now;   /* publish: --publish */
  char      *schedule;      /* publish: --schedule TIME */
  gboolean   password_stdin; /* publish, site check: the password on standard input */
  char      *secret;        /* the password read from standard input (site add, --password-stdin) */
  gboolean   starter;       /* style add: Lede's starter rules */
  gboolean   send;          /* outbox: --send */
  gboolean   due;           /* list: what is due, soonest first */
  gboolean   mine;          /* list --due: the default byline's */
  char      *assignee;      /* list --due: this person's */
  char      *name;          /* list, search, import, trash, restore, export, check, history, show-revision or photo */
  char     **arguments;     /* what follows the name; files made absolute */
};

/* lede-command-print.c */
char *_lede_command_format_time (GDateTime   *time);
void  _lede_command_print_json  (JsonBuilder *builder,
                                 GString     *out);

/* lede-command-stories.c */
int      _lede_command_list_command             (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_search_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **words,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_import_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **files,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_trash_command            (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **uuids,
                                                 gboolean      restore,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_history_command          (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 const char   *uuid,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_show_revision_command    (LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_restore_revision_command (LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);
gboolean _lede_command_is_revision_restore      (char        **arguments);

void     _lede_command_add_story_json           (JsonBuilder  *builder,
                                                 LedeLibrary  *library,
                                                 LedeArticle  *article,
                                                 GHashTable   *leads,
                                                 GHashTable   *tags);

/* lede-command-desk.c */
int      _lede_command_due_command              (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_set_command              (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);

/* lede-command-export.c */
int      _lede_command_export_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **uuids,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_check_command            (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **uuids,
                                                 GString      *out,
                                                 GString      *err);

/* lede-command-export.c, for every command that takes --correction */
gboolean _lede_command_parse_correction         (const char          *text,
                                                 LedeCorrectionKind  *kind,
                                                 char               **note,
                                                 GString             *err);

/* lede-command-publish.c */
int      _lede_command_site_command             (LedeCommand  *self,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_outbox_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_pull_command             (LedeCommand  *self,
                                                LedeLibrary  *library,
                                                char        **ids,
                                                GString      *out,
                                                GString      *err);
int      _lede_command_publish_command          (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **uuids,
                                                 GString      *out,
                                                 GString      *err);
/* lede-command-style.c */
int      _lede_command_style_command            (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);

/* lede-command-inbox.c */
int      _lede_command_inbox_command            (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 GString      *out,
                                                 GString      *err);

/* lede-command-photos.c */
/* lede-command-backup.c */
int      _lede_command_backup_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_verify_command           (LedeCommand  *self,
                                                 char        **files,
                                                 GString      *out,
                                                 GString      *err);

/* lede-command-review.c */
int      _lede_command_review_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);
int      _lede_command_answer_command           (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);

int      _lede_command_photo_command            (LedeCommand  *self,
                                                 LedeLibrary  *library,
                                                 char        **arguments,
                                                 GString      *out,
                                                 GString      *err);
void     _lede_command_add_photo_json           (JsonBuilder  *builder,
                                                 LedeLibrary  *library,
                                                 const LedePhoto *photo,
                                                 int           position);

G_END_DECLS
