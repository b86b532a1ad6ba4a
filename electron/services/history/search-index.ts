/** A JSON address list without its keys: `[{"name":"Ann","email":"a@x"}]` -> `[{"Ann","a@x"}]`. */
const values = (column: string) => `replace(replace(${column}, '"name":', ''), '"email":', '')`;
/** The recipients as text (`Ann a@x, b@y`), from the stored JSON with SQLite's own string functions. */
export const RECIPIENTS = `trim(replace(replace(replace(replace(replace(
  ${values('m.to_json')} || ', ' || ${values('m.cc_json')} || ', ' || ${values('m.bcc_json')},
  '"},{"', ', '), '","', ' '), '[{"', ''), '"}]', ''), '\\"', '"'), '[] ,')`;

/** The index's columns, as the view (its content) names them. */
export const INDEX_COLUMNS = 'subject, body_text, recipients, attachments';
const indexRows = (seq: string) => `INSERT INTO history_search (rowid, ${INDEX_COLUMNS}) SELECT seq, ${INDEX_COLUMNS} FROM history_search_content WHERE seq IN (${seq});`;
const removeRows = (seq: string) =>
  `INSERT INTO history_search (history_search, rowid, ${INDEX_COLUMNS}) SELECT 'delete', seq, ${INDEX_COLUMNS} FROM history_search_content WHERE seq IN (${seq});`;

/**
 * The history's search index as history migration 4 made it (migration 5, deferred-index.ts,
 * puts new messages in a queue instead of indexing them in their own transaction). What it reads (external content) is the
 * view: the subject, the text, every recipient's name and address, and the attachments' file
 * names, derived rather than stored a second time. (Not json_each: FTS5 reads the view as
 * main.<view>, where table-valued functions do not resolve.)
 *
 * External content means the index must be told the old values of a row before they change,
 * or it is corrupt. Triggers do it for every write to what the view reads: a message recorded,
 * deleted for good, or its indexed columns edited; an attachment added, removed or renamed.
 * Soft deletion and a retry's outcome touch none of those columns, so they cost the index
 * nothing. A message's attachments are removed by cascade after the message row is gone,
 * when the view no longer yields the row: those triggers then select nothing.
 */
export const CREATE_SEARCH = `
  CREATE VIEW history_search_content AS
    SELECT m.seq, m.subject, m.body_text, ${RECIPIENTS} AS recipients,
      (SELECT group_concat(f.filename, ', ' ORDER BY f.position) FROM history_attachments f WHERE f.message_seq = m.seq) AS attachments
    FROM history_messages m;
  -- detail=column: which column a word is in, not where, is all a search needs (snippets
  -- find the words again in the text); it halves the index. Prefixes of 2 and 3 letters
  -- are indexed so search-as-you-type stays fast.
  CREATE VIRTUAL TABLE history_search USING fts5(
    ${INDEX_COLUMNS},
    content = 'history_search_content', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3',
    detail = column
  );
  CREATE TRIGGER history_messages_search_insert AFTER INSERT ON history_messages BEGIN
    ${indexRows('new.seq')}
  END;
  CREATE TRIGGER history_messages_search_delete BEFORE DELETE ON history_messages BEGIN
    ${removeRows('old.seq')}
  END;
  CREATE TRIGGER history_messages_search_unindex BEFORE UPDATE OF seq, subject, body_text, to_json, cc_json, bcc_json ON history_messages BEGIN
    ${removeRows('old.seq')}
  END;
  CREATE TRIGGER history_messages_search_reindex AFTER UPDATE OF seq, subject, body_text, to_json, cc_json, bcc_json ON history_messages BEGIN
    ${indexRows('new.seq')}
  END;
  CREATE TRIGGER history_attachments_search_unindex_add BEFORE INSERT ON history_attachments BEGIN
    ${removeRows('new.message_seq')}
  END;
  CREATE TRIGGER history_attachments_search_reindex_add AFTER INSERT ON history_attachments BEGIN
    ${indexRows('new.message_seq')}
  END;
  CREATE TRIGGER history_attachments_search_unindex_remove BEFORE DELETE ON history_attachments BEGIN
    ${removeRows('old.message_seq')}
  END;
  CREATE TRIGGER history_attachments_search_reindex_remove AFTER DELETE ON history_attachments BEGIN
    ${indexRows('old.message_seq')}
  END;
  CREATE TRIGGER history_attachments_search_unindex_edit BEFORE UPDATE OF message_seq, position, filename ON history_attachments BEGIN
    ${removeRows('old.message_seq, new.message_seq')}
  END;
  CREATE TRIGGER history_attachments_search_reindex_edit AFTER UPDATE OF message_seq, position, filename ON history_attachments BEGIN
    ${indexRows('old.message_seq, new.message_seq')}
  END;`;
