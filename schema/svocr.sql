-- The svocr database (`svocr run --db FILE`), schema version 1.
--
-- One row in `documents` per input path; every other table holds one part of the record, keyed
-- to it by `document_id` and, within a document, by `idx`: the item's index in the record's JSON
-- array (so `amounts.idx` is what `tables.rows[].amounts`, `villkor_amounts.amount_idx` and
-- `total_parts.amount_idx` point at). Offsets (`char_start`, `char_end`) are character offsets
-- into `documents.text`, as in the JSON record, end exclusive: the words are
-- `substr(text, char_start + 1, char_end - char_start)`. Money is stored twice: `*_text` is the
-- exact decimal (`62500000`, `12.5`), the plain column a REAL for comparisons and sums.
--
-- Deleting a document deletes its rows (ON DELETE CASCADE), which is how a changed file's rows
-- are replaced. Applied by svocr when `meta.schema_version` is absent; a database of another
-- version is refused rather than migrated.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id                    INTEGER PRIMARY KEY,
    source                TEXT NOT NULL UNIQUE,   -- the path as given on the command line
    content_hash          TEXT,                   -- SHA-256 of the bytes, hex; NULL when unreadable
    size                  INTEGER,                -- bytes; NULL when unreadable
    encoding              TEXT,                   -- `utf-8`, `windows-1252`, `pdf` …; NULL for an error
    status                TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error                 TEXT,                   -- why the document could not be read
    text                  TEXT NOT NULL,          -- the repaired text
    original              TEXT,                   -- the decoded input (the OCR's text), before repair
    pages                 TEXT NOT NULL,          -- JSON array: character offset of each page start
    pdf_pages             INTEGER,                -- for a PDF, its page count; NULL for text
    repair                TEXT,                   -- JSON array of {mode, reason}; NULL without repair
    record_schema_version INTEGER NOT NULL,       -- the JSON record's schema_version
    svocr_version         TEXT NOT NULL,
    options               TEXT NOT NULL,          -- `repair=true min_confidence=0.9`
    processed_at          INTEGER NOT NULL        -- Unix seconds (SOURCE_DATE_EPOCH when set)
);

CREATE TABLE edits (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,   -- into `documents.original` (the decoded input), not `text`
    char_end    INTEGER NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    applied     INTEGER NOT NULL,   -- 0/1
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE amounts (
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    value_text        TEXT,            -- exact; NULL for a range
    value             REAL,
    currency          TEXT NOT NULL,
    text              TEXT NOT NULL,
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    qualifier         TEXT,            -- `max`, `min`
    approximate       INTEGER NOT NULL,
    per               TEXT,
    min_text          TEXT,
    min               REAL,
    max_text          TEXT,
    max               REAL,
    unit_from         TEXT NOT NULL,   -- `stated`, `context`
    -- The cell, for a table cell (`cell_table` is `tables.idx`); all NULL in running text.
    cell_table        INTEGER,
    cell_row          INTEGER,
    cell_column       INTEGER,
    row_label         TEXT,
    column_header     TEXT,
    cell_total        INTEGER,
    -- The links (`links` in JSON); `has_links` is 0 when the record's `links` is null.
    has_links         INTEGER NOT NULL,
    recipient         TEXT,
    recipient_start   INTEGER,
    recipient_end     INTEGER,
    recipient_cue_start INTEGER,
    recipient_cue_end INTEGER,
    period            TEXT,
    period_start      INTEGER,
    period_end        INTEGER,
    period_from       TEXT,
    period_to         TEXT,
    period_cue_start  INTEGER,
    period_cue_end    INTEGER,
    purpose           TEXT,
    purpose_start     INTEGER,
    purpose_end       INTEGER,
    purpose_cue_start INTEGER,
    purpose_cue_end   INTEGER,
    villkor_number    INTEGER,
    villkor_parent    INTEGER,
    villkor_cue_start INTEGER,
    villkor_cue_end   INTEGER,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX amounts_value ON amounts (currency, value);

CREATE TABLE dates (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    value        TEXT,               -- YYYY-MM-DD; NULL when the year is unknown
    text         TEXT NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    role         TEXT,               -- `deadline`, `from`, `signed`, `published`, `decision`
    inferred     INTEGER NOT NULL,
    of_text      TEXT,               -- what it is the date of
    of_start     INTEGER,
    of_end       INTEGER,
    of_cue_start INTEGER,
    of_cue_end   INTEGER,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX dates_role ON dates (role, value);

CREATE TABLE periods (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    text        TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE villkor (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    title       TEXT NOT NULL,
    parent      INTEGER,             -- a sub-condition's condition number
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    mentions    TEXT NOT NULL,       -- JSON array of {start, end}
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE villkor_amounts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    villkor_idx INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    amount_idx  INTEGER NOT NULL,
    PRIMARY KEY (document_id, villkor_idx, position),
    FOREIGN KEY (document_id, villkor_idx) REFERENCES villkor (document_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (document_id, amount_idx) REFERENCES amounts (document_id, idx) ON DELETE CASCADE
);

CREATE TABLE document_references (   -- `references` is an SQL keyword
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,       -- `dnr`, `sou`, `prop` …
    value       TEXT NOT NULL,
    text        TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX document_references_value ON document_references (kind, value);

CREATE TABLE tables (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    caption       TEXT NOT NULL,
    unit_text     TEXT NOT NULL,
    unit_kronor   INTEGER NOT NULL,
    unit_inferred INTEGER NOT NULL,
    label_header  TEXT NOT NULL,
    headers       TEXT NOT NULL,     -- JSON array of column headers
    rows          TEXT NOT NULL,     -- JSON array of {label, total, amounts: [amounts.idx | null]}
    unresolved    TEXT NOT NULL,     -- JSON array of {label, text, reason, start, end}
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE totals (
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    stated_text     TEXT NOT NULL,
    stated          REAL NOT NULL,
    computed_text   TEXT NOT NULL,
    computed        REAL NOT NULL,
    difference_text TEXT NOT NULL,
    difference      REAL NOT NULL,
    tolerance_text  TEXT NOT NULL,
    tolerance       REAL NOT NULL,
    status          TEXT NOT NULL,   -- `ok`, `mismatch`, `unresolved`
    income_idx      INTEGER,         -- amounts.idx of the income a result is computed from
    method          TEXT NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX totals_status ON totals (status);

CREATE TABLE total_parts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    total_idx   INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    amount_idx  INTEGER NOT NULL,
    role        TEXT,                -- `part`, `addition`, `remainder`, `instalment`; NULL when not given
    multiplier  INTEGER,             -- NULL when every part of the total counts once
    PRIMARY KEY (document_id, total_idx, position),
    FOREIGN KEY (document_id, total_idx) REFERENCES totals (document_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (document_id, amount_idx) REFERENCES amounts (document_id, idx) ON DELETE CASCADE
);

-- Full-text search over the repaired and the original text. Diacritics are kept: å, ä and ö are
-- letters of their own in Swedish (`för` is not `for`). External content: the text is stored once,
-- in `documents`. svocr adds a transaction's new documents to the index in one statement at its
-- end (a trigger per row made FTS5 flush once per document); the trigger removes a replaced one.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    text, original,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, text, original)
        VALUES ('delete', old.id, old.text, old.original);
END;

-- The date a document bears: its first signature, decision or publication date.
CREATE VIEW document_dates AS
SELECT d.id AS document_id, d.source,
       (SELECT value FROM dates t
         WHERE t.document_id = d.id AND t.role IN ('signed', 'decision', 'published')
           AND t.value IS NOT NULL
         ORDER BY t.idx LIMIT 1) AS date
FROM documents d;

CREATE VIEW amounts_with_document AS
SELECT d.source, dd.date AS document_date, a.*
FROM amounts a
JOIN documents d ON d.id = a.document_id
JOIN document_dates dd ON dd.document_id = a.document_id;

CREATE VIEW deadlines AS
SELECT d.source, t.value AS deadline, t.text, t.of_text AS what, t.inferred,
       t.document_id, t.idx
FROM dates t JOIN documents d ON d.id = t.document_id
WHERE t.role = 'deadline';

CREATE VIEW failed_totals AS
SELECT d.source, t.status, t.stated_text, t.computed_text, t.difference_text, t.tolerance_text,
       t.method, substr(d.text, t.char_start + 1, t.char_end - t.char_start) AS stated_words,
       t.document_id, t.idx
FROM totals t JOIN documents d ON d.id = t.document_id
WHERE t.status <> 'ok';

CREATE VIEW failed_documents AS
SELECT source, error, content_hash, processed_at FROM documents WHERE status = 'error';
