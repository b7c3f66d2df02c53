/* lede-library-schema.h: the numbered migrations of a Lede library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Lede" in ASCII, stored in the file header so another program's SQLite
 * file is never mistaken for a library. */
#define LEDE_LIBRARY_APPLICATION_ID 0x4c656465

/* MIGRATIONS[n] takes a library from schema version n to n + 1. Released
 * migrations are never edited: add a new one instead. */
static const char * const MIGRATIONS[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE articles ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  headline       TEXT NOT NULL DEFAULT '',"
  "  standfirst     TEXT NOT NULL DEFAULT '',"
  "  slug           TEXT NOT NULL DEFAULT '',"
  "  byline         TEXT NOT NULL DEFAULT '',"
  "  dateline       TEXT NOT NULL DEFAULT '',"
  "  section        TEXT NOT NULL DEFAULT '',"
  "  status         TEXT NOT NULL DEFAULT 'draft'"
  "                 CHECK (status IN ('draft', 'in-progress', 'ready', 'published', 'spiked')),"
  "  language       TEXT NOT NULL DEFAULT '',"
  "  body           TEXT NOT NULL DEFAULT '',"
  "  editorial_note TEXT NOT NULL DEFAULT '',"
  "  word_goal      INTEGER NOT NULL DEFAULT 0 CHECK (word_goal >= 0),"
  "  embargo_at     TEXT,"
  "  published_at   TEXT,"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL,"
  "  trashed_at     TEXT"
  ");"
  "CREATE INDEX articles_by_created ON articles (trashed_at IS NOT NULL, created_at DESC, id DESC);"
  "CREATE INDEX articles_by_slug ON articles (slug) WHERE slug <> '';"

  "CREATE TABLE tags ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')"
  ");"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_tags_by_tag ON article_tags (tag_id);"

  "CREATE TABLE sources ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  role         TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  email        TEXT NOT NULL DEFAULT '',"
  "  phone        TEXT NOT NULL DEFAULT '',"
  "  notes        TEXT NOT NULL DEFAULT '',"
  "  created_at   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL"
  ");"
  "CREATE TABLE article_sources ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  note       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (article_id, source_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_sources_by_source ON article_sources (source_id);"

  "CREATE TABLE revisions ("
  "  id         INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL,"
  "  reason     TEXT NOT NULL DEFAULT '',"
  "  headline   TEXT NOT NULL DEFAULT '',"
  "  body       TEXT NOT NULL DEFAULT '',"
  "  metadata   TEXT NOT NULL DEFAULT '{}'"
  ");"
  "CREATE INDEX revisions_by_article ON revisions (article_id, created_at);"

  /* The search index keeps its own copy of the text (tags come from another
   * table, so an external-content index could not be kept in step), with
   * the article id as its rowid. Triggers keep it in step. */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  headline, standfirst, body, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  /* A match in the headline counts most, then standfirst and tags. */
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)');"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.body, '');"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, body ON articles"
  "  WHEN old.headline IS NOT new.headline OR old.standfirst IS NOT new.standfirst"
  "    OR old.body IS NOT new.body BEGIN"
  "  UPDATE articles_fts SET headline = new.headline, standfirst = new.standfirst,"
  "    body = new.body WHERE rowid = new.id;"
  "END;"
  /* Stories in the trash leave the index and come back on restore, so a
   * search never has to look past them. */
  "CREATE TRIGGER articles_fts_trash AFTER UPDATE OF trashed_at ON articles"
  "  WHEN old.trashed_at IS NULL AND new.trashed_at IS NOT NULL BEGIN"
  "  DELETE FROM articles_fts WHERE rowid = new.id;"
  "END;"
  "CREATE TRIGGER articles_fts_restore AFTER UPDATE OF trashed_at ON articles"
  "  WHEN old.trashed_at IS NOT NULL AND new.trashed_at IS NULL BEGIN"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.body,"
  "    (SELECT coalesce (group_concat (t.name, ' '), '')"
  "     FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
  "     WHERE at.article_id = new.id));"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  DELETE FROM articles_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER article_tags_fts_insert AFTER INSERT ON article_tags BEGIN"
  "  UPDATE articles_fts SET tags = (SELECT coalesce (group_concat (t.name, ' '), '')"
  "    FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
  "    WHERE at.article_id = new.article_id) WHERE rowid = new.article_id;"
  "END;"
  "CREATE TRIGGER article_tags_fts_delete AFTER DELETE ON article_tags BEGIN"
  "  UPDATE articles_fts SET tags = (SELECT coalesce (group_concat (t.name, ' '), '')"
  "    FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
  "    WHERE at.article_id = old.article_id) WHERE rowid = old.article_id;"
  "END;"
  "CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN"
  "  UPDATE articles_fts SET tags = (SELECT coalesce (group_concat (t.name, ' '), '')"
  "    FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
  "    WHERE at.article_id = articles_fts.rowid)"
  "  WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = new.id);"
  "END;",

  /* 1 → 2: front matter keys Lede does not know, kept from an import (YAML). */
  "ALTER TABLE articles ADD COLUMN front_matter TEXT NOT NULL DEFAULT '';",

  /* 2 → 3: every new story gets a unique slug, looked up by prefix. */
  "CREATE INDEX articles_slug ON articles (slug);",

  /* 3 → 4: the library's own spelling dictionary, so it travels with it. */
  "CREATE TABLE dictionary (word TEXT PRIMARY KEY);",

  /* 4 → 5: revisions as Lede keeps them. No Lede ever wrote the first
   * revisions table, so it is replaced. A body is stored once however many
   * revisions share it (by its SHA-256); the other fields are a JSON
   * snapshot (lede_revision_snapshot()). A named version is kept forever. */
  "DROP TABLE revisions;"
  "CREATE TABLE revision_texts ("
  "  id     INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  text   TEXT NOT NULL"
  ");"
  "CREATE TABLE revisions ("
  "  id         INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL,"
  "  reason     TEXT NOT NULL DEFAULT '',"
  "  name       TEXT NOT NULL DEFAULT '',"
  "  body_id    INTEGER NOT NULL REFERENCES revision_texts (id),"
  "  fields     TEXT NOT NULL DEFAULT '{}',"
  "  words      INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX revisions_by_article ON revisions (article_id, id);"
  "CREATE INDEX revisions_by_text ON revisions (body_id);"
  /* A text no revision holds any more goes with the last one: thinned, or
   * with its story deleted forever (the cascade fires this too). */
  "CREATE TRIGGER revisions_text_gone AFTER DELETE ON revisions BEGIN"
  "  DELETE FROM revision_texts WHERE id = old.body_id"
  "    AND NOT EXISTS (SELECT 1 FROM revisions WHERE body_id = old.body_id);"
  "END;",

  /* 5 → 6: a published story's corrections log, published with it. */
  "CREATE TABLE IF NOT EXISTS corrections ("
  "  id         INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL,"
  "  kind       TEXT NOT NULL,"
  "  note       TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX corrections_by_article ON corrections (article_id, id);",

  /* 6 → 7: who the library is, and how many times it was written, so a
   * WAL file beside it is known to be its own before SQLite replays it
   * (lede-library-wal.c). Every write transaction bumps the counter and
   * draws a new stamp, keeping the one before: a WAL's first transaction
   * names the main file's stamp it was written over. Stamps are always
   * stored in eight bytes, so they can be found in a WAL's frames. */
  "CREATE TABLE library_identity ("
  "  id       INTEGER PRIMARY KEY CHECK (id = 1),"
  "  identity TEXT NOT NULL,"
  "  commits  INTEGER NOT NULL,"
  "  stamp    INTEGER NOT NULL,"
  "  prev_stamp INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO library_identity (id, identity, commits, stamp) "
  "  VALUES (1, lower(hex(randomblob(16))), 0, (random () & 0x3fffffffffffffff) | 0x4000000000000000);",

  /* 7 → 8: what readers saw of each story the last time it went out
   * (export, Copy as HTML, publishing), so a change since is asked about
   * as a correction before it goes out again. */
  "CREATE TABLE went_out ("
  "  article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  went_out_at TEXT NOT NULL,"
  "  way         TEXT NOT NULL,"
  "  reader_hash TEXT NOT NULL,"
  "  reader_text TEXT NOT NULL"
  ");"
  /* And a file imported without a uuid is looked up by its headline
   * (lede_library_find_same_story()), so re-importing a wire story does
   * not make a duplicate and costs one index lookup, not a scan. */
  "CREATE INDEX articles_by_headline ON articles (headline);",

  /* 8 → 9: photos (lede-library-photos.c). The bytes live in files beside
   * the library, named by their SHA-256, each kept once however many
   * stories, revisions and stories in the trash use it; a row here for
   * each. A story's photos are rows of article_photos (its texts for the
   * picture), a revision's are named in revision_photos. When the last
   * reference goes, the row goes (the triggers below) and its file is
   * named in photos_gone, in the same transaction: the file is deleted
   * only after that commit, so a crash can leave a file too many, never
   * one too few. */
  "CREATE TABLE photos ("
  "  id          INTEGER PRIMARY KEY,"
  "  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),"
  "  media_type  TEXT NOT NULL,"
  "  size        INTEGER NOT NULL CHECK (size > 0),"
  "  width       INTEGER NOT NULL CHECK (width > 0),"
  "  height      INTEGER NOT NULL CHECK (height > 0),"
  "  orientation INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),"
  "  created_at  TEXT NOT NULL"
  ");"
  "CREATE TABLE article_photos ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  photo_id   INTEGER NOT NULL REFERENCES photos (id),"
  "  role       TEXT NOT NULL DEFAULT 'body' CHECK (role IN ('lead', 'body')),"
  "  caption    TEXT NOT NULL DEFAULT '',"
  "  credit     TEXT NOT NULL DEFAULT '',"
  "  alt_text   TEXT NOT NULL DEFAULT '',"
  "  file_name  TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (article_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_photos_by_photo ON article_photos (photo_id);"
  "CREATE TABLE revision_photos ("
  "  revision_id INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,"
  "  photo_id    INTEGER NOT NULL REFERENCES photos (id),"
  "  PRIMARY KEY (revision_id, photo_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX revision_photos_by_photo ON revision_photos (photo_id);"
  "CREATE TABLE photos_gone ("
  "  sha256     TEXT PRIMARY KEY,"
  "  media_type TEXT NOT NULL"
  ");"
  "CREATE TRIGGER article_photos_unused AFTER DELETE ON article_photos BEGIN"
  "  DELETE FROM photos WHERE id = old.photo_id"
  "    AND NOT EXISTS (SELECT 1 FROM article_photos WHERE photo_id = old.photo_id)"
  "    AND NOT EXISTS (SELECT 1 FROM revision_photos WHERE photo_id = old.photo_id);"
  "END;"
  "CREATE TRIGGER article_photos_replaced AFTER UPDATE OF photo_id ON article_photos"
  "  WHEN old.photo_id <> new.photo_id BEGIN"
  "  DELETE FROM photos WHERE id = old.photo_id"
  "    AND NOT EXISTS (SELECT 1 FROM article_photos WHERE photo_id = old.photo_id)"
  "    AND NOT EXISTS (SELECT 1 FROM revision_photos WHERE photo_id = old.photo_id);"
  "END;"
  "CREATE TRIGGER revision_photos_unused AFTER DELETE ON revision_photos BEGIN"
  "  DELETE FROM photos WHERE id = old.photo_id"
  "    AND NOT EXISTS (SELECT 1 FROM article_photos WHERE photo_id = old.photo_id)"
  "    AND NOT EXISTS (SELECT 1 FROM revision_photos WHERE photo_id = old.photo_id);"
  "END;"
  "CREATE TRIGGER photos_gone_file AFTER DELETE ON photos BEGIN"
  "  INSERT OR REPLACE INTO photos_gone (sha256, media_type) VALUES (old.sha256, old.media_type);"
  "END;"
  "CREATE TRIGGER photos_back AFTER INSERT ON photos BEGIN"
  "  DELETE FROM photos_gone WHERE sha256 = new.sha256;"
  "END;",

  /* 9 → 10: the posts a story became on publishing sites (WordPress), one
   * row a story and site: the post's id, the modified_gmt the site last
   * gave for it (a later one means someone changed it there since), its
   * status and address. The site is named by its address, not its name
   * in Lede (which may be renamed or removed): the password is never
   * here. */
  "CREATE TABLE site_posts ("
  "  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  site         TEXT NOT NULL,"
  "  post_id      INTEGER NOT NULL CHECK (post_id > 0),"
  "  modified_gmt TEXT NOT NULL,"
  "  status       TEXT NOT NULL,"
  "  link         TEXT NOT NULL DEFAULT '',"
  "  sent_at      TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, site)"
  ") WITHOUT ROWID;",

  /* 10 → 11: the desk's house style (lede-library-style.c), rules as Vale's
   * YAML in the form Lede writes, so they travel with the library. */
  "CREATE TABLE house_style ("
  "  name     TEXT PRIMARY KEY CHECK (name <> ''),"
  "  rule     TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");",

  /* 11 → 12: stories from the wire (lede-library-wires.c): the provider's
   * id and version the story was last taken at, what the wire said of it
   * (usable, withheld, canceled), and the SHA-256 of the headline and body
   * as taken, so an update can tell a story the desk has edited. */
  "CREATE TABLE wires ("
  "  article_id      INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  wire_id         TEXT NOT NULL CHECK (wire_id <> ''),"
  "  format          TEXT NOT NULL DEFAULT '',"
  "  version         TEXT NOT NULL DEFAULT '',"
  "  version_created TEXT,"
  "  pubstatus       TEXT NOT NULL DEFAULT 'usable' CHECK (pubstatus IN ('usable', 'withheld', 'canceled')),"
  "  taken_sha256    TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX wires_by_id ON wires (wire_id);",

  /* 12 → 13: the desk's fields: who writes the story, who edits it, when
   * it is due (UTC, ISO 8601 like every time here), and the headlines by
   * role, each empty
   * for "as the web headline". The deadline index serves the sidebar's
   * "Deadline" order and `lede-cli list --due`; the assignee index the
   * "Mine" filter. */
  "ALTER TABLE articles ADD COLUMN deadline_at TEXT;"
  "ALTER TABLE articles ADD COLUMN assignee TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE articles ADD COLUMN editor TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE articles ADD COLUMN print_headline TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE articles ADD COLUMN social_headline TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX articles_by_deadline ON articles (trashed_at IS NOT NULL, deadline_at IS NULL, deadline_at, id);"
  "CREATE INDEX articles_by_assignee ON articles (assignee COLLATE NOCASE) WHERE assignee <> '';",

  /* 13 → 14: the wire inbox (lede-library-inbox.c): each file a watched
   * folder gave, once complete, as it was read. Waiting to be taken, with
   * its bytes, so a Take does not need the file still there; taken (the
   * bytes dropped); or refused with the reason, the file itself never
   * touched. A file is known again by its path, size and time. Taken and
   * refused rows go after 30 days. */
  "CREATE TABLE inbox ("
  "  id              INTEGER PRIMARY KEY,"
  "  path            TEXT NOT NULL,"
  "  size            INTEGER NOT NULL,"
  "  mtime_us        INTEGER NOT NULL,"
  "  sha256          TEXT NOT NULL DEFAULT '',"
  "  arrived_at      TEXT NOT NULL,"
  "  state           TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'taken', 'refused')),"
  "  settled_at      TEXT,"
  "  headline        TEXT NOT NULL DEFAULT '',"
  "  byline          TEXT NOT NULL DEFAULT '',"
  "  dateline        TEXT NOT NULL DEFAULT '',"
  "  keywords        TEXT NOT NULL DEFAULT '',"
  "  format          TEXT NOT NULL DEFAULT '',"
  "  wire_id         TEXT NOT NULL DEFAULT '',"
  "  version         TEXT NOT NULL DEFAULT '',"
  "  version_created TEXT,"
  "  pubstatus       TEXT NOT NULL DEFAULT 'usable',"
  "  reason          TEXT NOT NULL DEFAULT '',"
  "  article_id      INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  data            BLOB"
  ");"
  "CREATE INDEX inbox_by_file ON inbox (path, size, mtime_us);"
  "CREATE INDEX inbox_by_state ON inbox (state, settled_at);"
  "CREATE INDEX inbox_by_article ON inbox (article_id);",

  /* 14 → 15: the outbox (lede-library-outbox.c): stories sent to a site
   * that did not answer, one row a story and site, in the order sent. Not
   * the story's text: what goes out is the story as it is when the site
   * answers, through the gate again; kept is what the writer decided
   * there (the findings let through, the note for readers). */
  "CREATE TABLE outbox ("
  "  id              INTEGER PRIMARY KEY,"
  "  article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  site            TEXT NOT NULL CHECK (site <> ''),"
  "  mode            TEXT NOT NULL CHECK (mode IN ('draft', 'publish', 'schedule')),"
  "  scheduled_at    TEXT,"
  "  overwrite       INTEGER NOT NULL DEFAULT 0,"
  "  forced_reasons  TEXT,"
  "  answered        INTEGER NOT NULL DEFAULT 0,"
  "  correction_kind TEXT,"
  "  correction_note TEXT,"
  "  queued_at       TEXT NOT NULL,"
  "  tries           INTEGER NOT NULL DEFAULT 0,"
  "  last_error      TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (article_id, site)"
  ");",

  /* 15 → 16: the search index again, with prefix indexes of two and three
   * letters, so that search as you type ("cou*") reads one list instead
   * of merging every word that begins so. Built beside the old index in
   * short steps (lede-library-reindex.c) from the story after done_to;
   * the old one answers until the new one takes its place. */
  "CREATE VIRTUAL TABLE articles_fts_next USING fts5 ("
  "  headline, standfirst, body, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
  ");"
  "INSERT INTO articles_fts_next (articles_fts_next, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)');"
  "CREATE TABLE search_reindex (done_to INTEGER NOT NULL);"
  "INSERT INTO search_reindex (done_to) VALUES (0);",

  /* 16 → 17: the pictures each site has in its media library, so a
   * picture goes to a site once, whatever story it is in. */
  "CREATE TABLE site_media ("
  "  site       TEXT NOT NULL,"
  "  sha256     TEXT NOT NULL,"
  "  media_id   INTEGER NOT NULL CHECK (media_id > 0),"
  "  source_url TEXT NOT NULL,"
  "  sent_at    TEXT NOT NULL,"
  "  PRIMARY KEY (site, sha256)"
  ") WITHOUT ROWID;",

  /* 17 → 18: texts whose quotations a story's writer stands by, beside its
   * oldest revision: a wording accepted in the checks, a wire's update. */
  "CREATE TABLE quote_wordings ("
  "  id         INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  text       TEXT NOT NULL,"
  "  why        TEXT NOT NULL,"
  "  added_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX quote_wordings_by_article ON quote_wordings (article_id);",

  /* 18 → 19: when each post is to go out on its site, and whether that is
   * its story's embargo lifting: an embargo moved since moves the post
   * (lede_library_outbox_list()). A post sent before has no date: left be. */
  "ALTER TABLE site_posts ADD COLUMN date_at TEXT;"
  "ALTER TABLE site_posts ADD COLUMN for_embargo INTEGER NOT NULL DEFAULT 0;",

  /* 19 → 20: every word of the search index, once, so that a prefix the
   * index has no prefix index for is searched as the words it begins
   * (lede-library-words.c). The stories and tags whose words may be new
   * wait in the queues until a tidy step reads them: every story the
   * first time. */
  "CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TABLE search_words_due (article_id INTEGER PRIMARY KEY);"
  "CREATE TABLE search_words_due_tags (tag_id INTEGER PRIMARY KEY);"
  "INSERT INTO search_words_due (article_id) SELECT id FROM articles WHERE trashed_at IS NULL;"
  "INSERT INTO search_words_due_tags (tag_id) SELECT id FROM tags;"
  "CREATE TRIGGER search_words_insert AFTER INSERT ON articles BEGIN"
  "  INSERT OR IGNORE INTO search_words_due (article_id) VALUES (new.id);"
  "END;"
  /* A story trashed brings no new words; one restored may. */
  "CREATE TRIGGER search_words_update AFTER UPDATE OF headline, standfirst, body, trashed_at ON articles"
  "  WHEN new.trashed_at IS NULL BEGIN"
  "  INSERT OR IGNORE INTO search_words_due (article_id) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER search_words_tag AFTER INSERT ON tags BEGIN"
  "  INSERT OR IGNORE INTO search_words_due_tags (tag_id) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER search_words_tag_name AFTER UPDATE OF name ON tags BEGIN"
  "  INSERT OR IGNORE INTO search_words_due_tags (tag_id) VALUES (new.id);"
  "END;",

  /* 20 → 21: what the sidebar lists, filters and sorts by, apart from the
   * body. In articles, a story's dates and assignee sit after its body:
   * sorting a million stories by when they changed read every body
   * (20 GB); story_list is 300 bytes a story, each order and filter an
   * index that covers it (lede-library-lists.c). Triggers keep it; the
   * stories already written are copied in tidy steps, newest first, from
   * story_list_due.upto down (a CREATE INDEX over articles would be one
   * write of minutes at open); until then the lists read articles. */
  "CREATE TABLE story_list ("
  "  id          INTEGER PRIMARY KEY,"
  "  trashed     INTEGER NOT NULL,"
  "  status      TEXT NOT NULL,"
  "  headline    TEXT NOT NULL,"
  "  assignee    TEXT NOT NULL,"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  deadline_at TEXT"
  ");"
  "CREATE INDEX story_list_by_created ON story_list (trashed, created_at DESC, id DESC);"
  "CREATE INDEX story_list_by_updated ON story_list (trashed, updated_at DESC, id DESC);"
  "CREATE INDEX story_list_by_headline ON story_list (trashed, headline COLLATE NOCASE, id);"
  "CREATE INDEX story_list_by_deadline ON story_list (trashed, deadline_at IS NULL, deadline_at, id);"
  "CREATE INDEX story_list_by_status ON story_list (trashed, status, created_at DESC, id DESC);"
  "CREATE TABLE story_list_due (upto INTEGER NOT NULL);"
  "INSERT INTO story_list_due (upto) SELECT id FROM articles ORDER BY id DESC LIMIT 1;"
  "CREATE TRIGGER story_list_insert AFTER INSERT ON articles BEGIN"
  "  INSERT OR REPLACE INTO story_list VALUES (new.id, new.trashed_at IS NOT NULL, new.status, new.headline,"
  "                                           new.assignee, new.created_at, new.updated_at, new.deadline_at);"
  "END;"
  "CREATE TRIGGER story_list_update"
  "  AFTER UPDATE OF trashed_at, status, headline, assignee, created_at, updated_at, deadline_at ON articles BEGIN"
  "  INSERT OR REPLACE INTO story_list VALUES (new.id, new.trashed_at IS NOT NULL, new.status, new.headline,"
  "                                           new.assignee, new.created_at, new.updated_at, new.deadline_at);"
  "END;"
  "CREATE TRIGGER story_list_delete AFTER DELETE ON articles BEGIN"
  "  DELETE FROM story_list WHERE id = old.id;"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (MIGRATIONS) == 21);

/* The first schema with the house_style table. */
#define LEDE_LIBRARY_STYLE_SCHEMA 11

/* What every write transaction does to library_identity. */
#define LEDE_LIBRARY_COUNT_COMMIT \
  "commits = commits + 1, prev_stamp = stamp, stamp = (random () & 0x3fffffffffffffff) | 0x4000000000000000"

/* The first schema with the desk's fields (issue 32: renumbered on merge). */
#define LEDE_LIBRARY_DESK_SCHEMA 13

/* The first schema with the wire inbox. */
#define LEDE_LIBRARY_INBOX_SCHEMA 14

/* The first schema with the outbox. */
#define LEDE_LIBRARY_OUTBOX_SCHEMA 15

/* The first schema with the prefix search index (or one being built). */
#define LEDE_LIBRARY_PREFIX_SCHEMA 16

/* The first schema with site_media. */
#define LEDE_LIBRARY_SITE_MEDIA_SCHEMA 17

/* The first schema with quote_wordings. */
#define LEDE_LIBRARY_QUOTE_SCHEMA 18

/* The first schema that knows when each site post is to go out. */
#define LEDE_LIBRARY_POST_DATE_SCHEMA 19

/* The first schema with search_words. */
#define LEDE_LIBRARY_WORDS_SCHEMA 20

/* The first schema with story_list. */
#define LEDE_LIBRARY_LIST_SCHEMA 21

/* The first schema with library_identity. */
#define LEDE_LIBRARY_IDENTITY_SCHEMA 7

/* Readers can read a library this old without migrating it: later
 * migrations add indexes and the dictionary, which readers do not need,
 * revisions (a reader of an older library says it has none to show) and
 * corrections logs (read as empty below schema 6). */
#define LEDE_LIBRARY_OLDEST_READABLE 2

G_END_DECLS
