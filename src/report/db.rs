//! The SQLite database of `svocr run --db FILE`: records as tables researchers can query.
//!
//! In: finished [`Record`]s with their [`Provenance`] (content hash, size, options, time). Out: a
//! database laid out by `schema/svocr.sql` (one table per record part, keyed to `documents`, with
//! views and an FTS5 index over the repaired and the original text), and, read back, the
//! records themselves ([`Database::record`] rebuilds a record equal to the one written).
//!
//! Contract: each document's rows are written in one transaction ([`Database::write`], or
//! several whole documents in one with [`Database::write_all`]), so a run killed at any moment
//! leaves whole documents only; a document already in the database under
//! the same path is replaced, never duplicated. The journal is WAL, so the database can be read
//! while a run writes it, and `synchronous=NORMAL`: a committed document survives a crash of the
//! process (a power cut may lose the last few, never corrupt the file). Which documents a run may
//! skip is the caller's decision, made from [`Database::current`]; nothing here reads files,
//! prints, or looks at the clock.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::record::{
    Amount, AmountLinks, Cell, Date, Edit, Link, Money, Period, PeriodLink, Record, Reference,
    Span, Table, TableUnit, TotalCheck, Villkor, VillkorLink,
};
use crate::{Error, Options, Status};

/// Version of the database layout (`meta.schema_version`); a database of another version is
/// refused, not migrated.
pub const SCHEMA_VERSION: u32 = 1;

/// The layout, applied to a new database in one transaction.
const SCHEMA: &str = include_str!("../../schema/svocr.sql");

/// What is known about a document besides its record: where the bytes came from and how they
/// were processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// [`content_hash`] of the bytes; `None` when they could not be read.
    pub content_hash: Option<String>,
    /// Size of the bytes; `None` when they could not be read.
    pub size: Option<u64>,
    /// [`options_key`] of the options the record was made with.
    pub options: String,
    /// When the record was made, in Unix seconds.
    pub processed_at: i64,
}

/// SHA-256 of `bytes`, as lowercase hex (what `sha256sum` prints).
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The options as stored in `documents.options`: a record made with other options is not
/// current, whatever its content hash.
pub fn options_key(opts: &Options) -> String {
    format!(
        "repair={} min_confidence={}",
        opts.repair, opts.min_confidence
    )
}

/// This build's version, as stored in `documents.svocr_version`.
pub const SVOCR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// An open svocr database.
#[derive(Debug)]
pub struct Database {
    conn: Connection,
}

impl Database {
    /// Opens `path`, creating the database and its schema when the file is new or empty.
    pub fn open(path: &Path) -> Result<Database, Error> {
        let mut conn = Connection::open(path)?;
        // A reader (or a second writer) holding the lock briefly should not fail the run.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
        let has_meta: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get(0),
        )?;
        if has_meta {
            let version: Option<String> = conn
                .query_row(
                    "SELECT value FROM meta WHERE key = 'schema_version'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            if version.as_deref() != Some(&SCHEMA_VERSION.to_string()) {
                return Err(Error::Database(format!(
                    "{}: schema version {} where this svocr writes {SCHEMA_VERSION}; write to a \
                     new file",
                    path.display(),
                    version.as_deref().unwrap_or("unknown")
                )));
            }
        } else {
            let tx = conn.transaction()?;
            tx.execute_batch(SCHEMA).map_err(|e| {
                Error::Database(format!(
                    "{}: cannot create the svocr tables ({e}); is it another program's \
                     database?",
                    path.display()
                ))
            })?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?1), \
                 ('record_schema_version', ?2)",
                params![
                    SCHEMA_VERSION.to_string(),
                    crate::record::SCHEMA_VERSION.to_string()
                ],
            )?;
            tx.commit()?;
        }
        Ok(Database { conn })
    }

    /// The documents a run with `options` may skip: path → content hash, for every document
    /// written by this svocr version with the same options.
    pub fn current(&self, options: &str) -> Result<HashMap<String, String>, Error> {
        let mut st = self.conn.prepare(
            "SELECT source, content_hash FROM documents \
             WHERE content_hash IS NOT NULL AND svocr_version = ?1 AND options = ?2",
        )?;
        let rows = st.query_map(params![SVOCR_VERSION, options], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Writes `record`, replacing any earlier rows of the same `source`, in one transaction.
    pub fn write(&mut self, record: &Record, provenance: &Provenance) -> Result<(), Error> {
        self.write_all([(record, provenance)])
    }

    /// Writes several whole documents in one transaction, each as [`Database::write`] would: a
    /// crash leaves all of them or none. Cheaper than one transaction each when a run writes
    /// many small documents: the full-text index flushes once per transaction.
    pub fn write_all<'a>(
        &mut self,
        documents: impl IntoIterator<Item = (&'a Record, &'a Provenance)>,
    ) -> Result<(), Error> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::new();
        for (record, provenance) in documents {
            ids.push(write_document(&tx, record, provenance)?);
        }
        // The full-text rows of the whole transaction in one statement: FTS5 flushes its pending
        // terms at every statement that opens a savepoint, and one per document (a trigger) cost
        // as much as all the other rows together.
        tx.prepare_cached(
            "INSERT INTO documents_fts (rowid, text, original) \
             SELECT id, text, original FROM documents WHERE id IN (SELECT value FROM json_each(?1))",
        )?
        .execute([json(&ids)?])?;
        tx.commit()?;
        Ok(())
    }

    /// The paths of the documents in the database, sorted.
    pub fn sources(&self) -> Result<Vec<String>, Error> {
        let mut st = self
            .conn
            .prepare("SELECT source FROM documents ORDER BY source")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The record of `source` rebuilt from its rows, equal to the one written; `None` when the
    /// database has no such document.
    pub fn record(&self, source: &str) -> Result<Option<Record>, Error> {
        let doc = self
            .conn
            .query_row(
                "SELECT id, status, error, encoding, text, pages, repair, record_schema_version, \
                 pdf_pages FROM documents WHERE source = ?1",
                [source],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, u32>(7)?,
                        r.get::<_, Option<usize>>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, status, error, encoding, text, pages, repair, schema_version, pdf_pages)) =
            doc
        else {
            return Ok(None);
        };
        let status: Status = parse(&status)?;
        // An error record has no parts at all (`null`), a processed one has every part, if empty.
        let parts = status == Status::Ok;
        let edits = self.rows(
            "SELECT char_start, char_end, before, after, kind, confidence, applied \
             FROM edits WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Edit {
                    start: r.get(0)?,
                    end: r.get(1)?,
                    before: r.get::<_, String>(2)?.into(),
                    after: r.get::<_, String>(3)?.into(),
                    kind: parse_col(r, 4)?,
                    confidence: r.get(5)?,
                    applied: r.get(6)?,
                })
            },
        )?;
        Ok(Some(Record {
            schema_version,
            source: source.to_string(),
            status,
            error,
            encoding: encoding.as_deref().map(parse).transpose()?,
            text,
            pages: unjson(&pages)?,
            pdf_pages,
            edits,
            repair: repair.as_deref().map(unjson).transpose()?,
            amounts: parts.then(|| self.amounts(id)).transpose()?,
            dates: parts.then(|| self.dates(id)).transpose()?,
            periods: parts.then(|| self.periods(id)).transpose()?,
            villkor: parts.then(|| self.villkor(id)).transpose()?,
            references: parts.then(|| self.references(id)).transpose()?,
            tables: parts.then(|| self.tables(id)).transpose()?,
            totals: parts.then(|| self.totals(id)).transpose()?,
        }))
    }

    /// The rows of `sql` (with `?1` the document id), each made into a `T`.
    fn rows<T>(
        &self,
        sql: &str,
        id: i64,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, Error> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map([id], f)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn amounts(&self, id: i64) -> Result<Vec<Amount>, Error> {
        self.rows(
            "SELECT value_text, currency, text, char_start, char_end, qualifier, approximate, per, \
             min_text, max_text, unit_from, cell_table, cell_row, cell_column, row_label, \
             column_header, cell_total, has_links, \
             recipient, recipient_start, recipient_end, recipient_cue_start, recipient_cue_end, \
             period, period_start, period_end, period_from, period_to, period_cue_start, \
             period_cue_end, \
             purpose, purpose_start, purpose_end, purpose_cue_start, purpose_cue_end, \
             villkor_number, villkor_parent, villkor_cue_start, villkor_cue_end \
             FROM amounts WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                let cell = match r.get::<_, Option<usize>>(11)? {
                    Some(table) => Some(Cell {
                        table,
                        row: r.get(12)?,
                        column: r.get(13)?,
                        label: r.get(14)?,
                        header: r.get(15)?,
                        total: r.get(16)?,
                    }),
                    None => None,
                };
                let links = if r.get::<_, bool>(17)? {
                    Some(AmountLinks {
                        recipient: read_link(r, 18)?,
                        period: match r.get::<_, Option<String>>(23)? {
                            Some(text) => Some(PeriodLink {
                                text,
                                start: r.get(24)?,
                                end: r.get(25)?,
                                from: parse_col(r, 26)?,
                                to: parse_col(r, 27)?,
                                cue: Span {
                                    start: r.get(28)?,
                                    end: r.get(29)?,
                                },
                            }),
                            None => None,
                        },
                        purpose: read_link(r, 30)?,
                        villkor: match r.get::<_, Option<u32>>(35)? {
                            Some(number) => Some(VillkorLink {
                                number,
                                parent: r.get(36)?,
                                cue: Span {
                                    start: r.get(37)?,
                                    end: r.get(38)?,
                                },
                            }),
                            None => None,
                        },
                    })
                } else {
                    None
                };
                Ok(Amount {
                    value: money_col(r, 0)?,
                    currency: r.get(1)?,
                    text: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                    qualifier: opt_parse_col(r, 5)?,
                    approximate: r.get(6)?,
                    per: r.get(7)?,
                    min: money_col(r, 8)?,
                    max: money_col(r, 9)?,
                    cell,
                    unit_from: parse_col(r, 10)?,
                    links,
                })
            },
        )
    }

    fn dates(&self, id: i64) -> Result<Vec<Date>, Error> {
        self.rows(
            "SELECT value, text, char_start, char_end, role, inferred, \
             of_text, of_start, of_end, of_cue_start, of_cue_end \
             FROM dates WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Date {
                    value: opt_parse_col(r, 0)?,
                    text: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    role: opt_parse_col(r, 4)?,
                    inferred: r.get(5)?,
                    of: read_link(r, 6)?,
                })
            },
        )
    }

    fn periods(&self, id: i64) -> Result<Vec<Period>, Error> {
        self.rows(
            "SELECT from_date, to_date, text, char_start, char_end \
             FROM periods WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Period {
                    from: parse_col(r, 0)?,
                    to: parse_col(r, 1)?,
                    text: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                })
            },
        )
    }

    fn villkor(&self, id: i64) -> Result<Vec<Villkor>, Error> {
        let mut all = self.rows(
            "SELECT number, title, parent, char_start, char_end, mentions \
             FROM villkor WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Villkor {
                    number: r.get(0)?,
                    title: r.get(1)?,
                    amounts: Vec::new(),
                    start: r.get(3)?,
                    end: r.get(4)?,
                    mentions: json_col(r, 5)?,
                    parent: r.get(2)?,
                })
            },
        )?;
        let links = self.rows(
            "SELECT villkor_idx, amount_idx FROM villkor_amounts WHERE document_id = ?1 \
             ORDER BY villkor_idx, position",
            id,
            |r| Ok((r.get::<_, usize>(0)?, r.get::<_, usize>(1)?)),
        )?;
        for (v, a) in links {
            if let Some(v) = all.get_mut(v) {
                v.amounts.push(a);
            }
        }
        Ok(all)
    }

    fn references(&self, id: i64) -> Result<Vec<Reference>, Error> {
        self.rows(
            "SELECT kind, value, text, char_start, char_end \
             FROM document_references WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Reference {
                    kind: r.get(0)?,
                    value: r.get(1)?,
                    text: r.get(2)?,
                    start: r.get(3)?,
                    end: r.get(4)?,
                })
            },
        )
    }

    fn tables(&self, id: i64) -> Result<Vec<Table>, Error> {
        self.rows(
            "SELECT char_start, char_end, caption, unit_text, unit_kronor, unit_inferred, \
             label_header, headers, rows, unresolved \
             FROM tables WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                Ok(Table {
                    start: r.get(0)?,
                    end: r.get(1)?,
                    caption: r.get(2)?,
                    unit: TableUnit {
                        text: r.get(3)?,
                        kronor: r.get(4)?,
                        inferred: r.get(5)?,
                    },
                    label_header: r.get(6)?,
                    headers: json_col(r, 7)?,
                    rows: json_col(r, 8)?,
                    unresolved: json_col(r, 9)?,
                })
            },
        )
    }

    fn totals(&self, id: i64) -> Result<Vec<TotalCheck>, Error> {
        let mut all = self.rows(
            "SELECT stated_text, computed_text, difference_text, tolerance_text, status, \
             income_idx, method, char_start, char_end \
             FROM totals WHERE document_id = ?1 ORDER BY idx",
            id,
            |r| {
                let money = |i| -> rusqlite::Result<Money> {
                    money_col(r, i)?.ok_or(rusqlite::Error::InvalidColumnType(
                        i,
                        "money".to_string(),
                        rusqlite::types::Type::Null,
                    ))
                };
                Ok(TotalCheck {
                    stated: money(0)?,
                    computed: money(1)?,
                    difference: money(2)?,
                    tolerance: money(3)?,
                    status: parse_col(r, 4)?,
                    components: Vec::new(),
                    income: r.get(5)?,
                    roles: Vec::new(),
                    multipliers: Vec::new(),
                    method: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                })
            },
        )?;
        let parts = self.rows(
            "SELECT total_idx, amount_idx, role, multiplier FROM total_parts \
             WHERE document_id = ?1 ORDER BY total_idx, position",
            id,
            |r| {
                Ok((
                    r.get::<_, usize>(0)?,
                    r.get::<_, usize>(1)?,
                    opt_parse_col::<crate::record::PartRole>(r, 2)?,
                    r.get::<_, Option<u32>>(3)?,
                ))
            },
        )?;
        for (t, amount, role, multiplier) in parts {
            if let Some(t) = all.get_mut(t) {
                t.components.push(amount);
                // `roles` and `multipliers` are either parallel to `components` or empty.
                t.roles.extend(role);
                t.multipliers.extend(multiplier);
            }
        }
        Ok(all)
    }
}

/// Writes `record` in `tx`, replacing any earlier rows of the same `source`.
fn write_document(
    tx: &rusqlite::Transaction<'_>,
    record: &Record,
    provenance: &Provenance,
) -> Result<i64, Error> {
    // Cached: with the cascades and triggers behind them, compiling these two statements cost
    // more than running them.
    tx.prepare_cached("DELETE FROM documents WHERE source = ?1")?
        .execute([&record.source])?;
    tx.prepare_cached(
        "INSERT INTO documents (source, content_hash, size, encoding, status, error, text, \
         original, pages, pdf_pages, repair, record_schema_version, svocr_version, options, \
         processed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        record.source,
        provenance.content_hash,
        provenance.size,
        record.encoding.map(|e| e.to_string()),
        name(&record.status)?,
        record.error,
        record.text,
        original_text(&record.text, &record.edits),
        json(&record.pages)?,
        record.pdf_pages,
        record.repair.as_ref().map(json).transpose()?,
        record.schema_version,
        SVOCR_VERSION,
        provenance.options,
        provenance.processed_at,
    ])?;
    let id = tx.last_insert_rowid();
    write_parts(tx, id, record)?;
    Ok(id)
}

/// Writes every part of `record` under document `id`.
fn write_parts(tx: &rusqlite::Transaction<'_>, id: i64, record: &Record) -> Result<(), Error> {
    let mut st = tx.prepare_cached(
        "INSERT INTO edits (document_id, idx, char_start, char_end, before, after, kind, \
         confidence, applied) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, e) in record.edits.iter().enumerate() {
        st.execute(params![
            id,
            i,
            e.start,
            e.end,
            e.before.as_str(),
            e.after.as_str(),
            name(&e.kind)?,
            e.confidence,
            e.applied
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO amounts (document_id, idx, value_text, value, currency, text, char_start, \
         char_end, qualifier, approximate, per, min_text, min, max_text, max, unit_from, \
         cell_table, cell_row, cell_column, row_label, column_header, cell_total, has_links, \
         recipient, recipient_start, recipient_end, recipient_cue_start, recipient_cue_end, \
         period, period_start, period_end, period_from, period_to, period_cue_start, \
         period_cue_end, purpose, purpose_start, purpose_end, purpose_cue_start, \
         purpose_cue_end, villkor_number, villkor_parent, villkor_cue_start, villkor_cue_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, \
         ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44)",
    )?;
    for (i, a) in record.amounts.iter().flatten().enumerate() {
        let cell = a.cell.as_ref();
        let links = a.links.as_ref();
        let recipient = links.and_then(|l| l.recipient.as_ref());
        let period = links.and_then(|l| l.period.as_ref());
        let purpose = links.and_then(|l| l.purpose.as_ref());
        let villkor = links.and_then(|l| l.villkor.as_ref());
        st.execute(params![
            id,
            i,
            a.value.map(|m| m.to_string()),
            a.value.map(kronor),
            a.currency,
            a.text,
            a.start,
            a.end,
            a.qualifier.as_ref().map(name).transpose()?,
            a.approximate,
            a.per,
            a.min.map(|m| m.to_string()),
            a.min.map(kronor),
            a.max.map(|m| m.to_string()),
            a.max.map(kronor),
            name(&a.unit_from)?,
            cell.map(|c| c.table),
            cell.map(|c| c.row),
            cell.map(|c| c.column),
            cell.map(|c| &c.label),
            cell.map(|c| &c.header),
            cell.map(|c| c.total),
            links.is_some(),
            recipient.map(|l| &l.text),
            recipient.map(|l| l.start),
            recipient.map(|l| l.end),
            recipient.map(|l| l.cue.start),
            recipient.map(|l| l.cue.end),
            period.map(|l| &l.text),
            period.map(|l| l.start),
            period.map(|l| l.end),
            period.map(|l| l.from.to_string()),
            period.map(|l| l.to.to_string()),
            period.map(|l| l.cue.start),
            period.map(|l| l.cue.end),
            purpose.map(|l| &l.text),
            purpose.map(|l| l.start),
            purpose.map(|l| l.end),
            purpose.map(|l| l.cue.start),
            purpose.map(|l| l.cue.end),
            villkor.map(|l| l.number),
            villkor.and_then(|l| l.parent),
            villkor.map(|l| l.cue.start),
            villkor.map(|l| l.cue.end),
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO dates (document_id, idx, value, text, char_start, char_end, role, inferred, \
         of_text, of_start, of_end, of_cue_start, of_cue_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (i, d) in record.dates.iter().flatten().enumerate() {
        let of = d.of.as_ref();
        st.execute(params![
            id,
            i,
            d.value.map(|v| v.to_string()),
            d.text,
            d.start,
            d.end,
            d.role.as_ref().map(name).transpose()?,
            d.inferred,
            of.map(|l| &l.text),
            of.map(|l| l.start),
            of.map(|l| l.end),
            of.map(|l| l.cue.start),
            of.map(|l| l.cue.end),
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO periods (document_id, idx, from_date, to_date, text, char_start, char_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, p) in record.periods.iter().flatten().enumerate() {
        st.execute(params![
            id,
            i,
            p.from.to_string(),
            p.to.to_string(),
            p.text,
            p.start,
            p.end
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO villkor (document_id, idx, number, title, parent, char_start, char_end, \
         mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut member = tx.prepare_cached(
        "INSERT INTO villkor_amounts (document_id, villkor_idx, position, amount_idx) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, v) in record.villkor.iter().flatten().enumerate() {
        st.execute(params![
            id,
            i,
            v.number,
            v.title,
            v.parent,
            v.start,
            v.end,
            json(&v.mentions)?
        ])?;
        for (k, a) in v.amounts.iter().enumerate() {
            member.execute(params![id, i, k, a])?;
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO document_references (document_id, idx, kind, value, text, char_start, \
         char_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, r) in record.references.iter().flatten().enumerate() {
        st.execute(params![id, i, r.kind, r.value, r.text, r.start, r.end])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO tables (document_id, idx, char_start, char_end, caption, unit_text, \
         unit_kronor, unit_inferred, label_header, headers, rows, unresolved) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, t) in record.tables.iter().flatten().enumerate() {
        st.execute(params![
            id,
            i,
            t.start,
            t.end,
            t.caption,
            t.unit.text,
            t.unit.kronor,
            t.unit.inferred,
            t.label_header,
            json(&t.headers)?,
            json(&t.rows)?,
            json(&t.unresolved)?,
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO totals (document_id, idx, stated_text, stated, computed_text, computed, \
         difference_text, difference, tolerance_text, tolerance, status, income_idx, method, \
         char_start, char_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut part = tx.prepare_cached(
        "INSERT INTO total_parts (document_id, total_idx, position, amount_idx, role, \
         multiplier) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, t) in record.totals.iter().flatten().enumerate() {
        st.execute(params![
            id,
            i,
            t.stated.to_string(),
            kronor(t.stated),
            t.computed.to_string(),
            kronor(t.computed),
            t.difference.to_string(),
            kronor(t.difference),
            t.tolerance.to_string(),
            kronor(t.tolerance),
            name(&t.status)?,
            t.income,
            t.method,
            t.start,
            t.end,
        ])?;
        for (k, a) in t.components.iter().enumerate() {
            part.execute(params![
                id,
                i,
                k,
                a,
                t.roles.get(k).map(name).transpose()?,
                t.multipliers.get(k)
            ])?;
        }
    }
    Ok(())
}

/// The decoded input a record was made from, rebuilt from its text by undoing the applied edits
/// (which never overlap and are in order); `None` when the edits do not fit the text.
pub(crate) fn original_text(text: &str, edits: &[Edit]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut pos = 0;
    for e in edits.iter().filter(|e| e.applied) {
        let same = e.start.checked_sub(pos)?;
        // The input between two edits is in the text unchanged.
        let cut = rest.char_indices().nth(same).map_or(rest.len(), |(b, _)| b);
        if rest[..cut].chars().count() != same {
            return None;
        }
        out.push_str(&rest[..cut]);
        rest = rest[cut..].strip_prefix(e.after.as_str())?;
        out.push_str(&e.before);
        pos = e.end;
    }
    out.push_str(rest);
    Some(out)
}

/// Money as a REAL in whole units, for comparisons (`value > 100e6`); the exact value is the text.
fn kronor(m: Money) -> f64 {
    m.ore() as f64 / 100.0
}

/// The JSON name of a unit enum variant (`deadline`, `real-word`).
fn name<T: Serialize>(v: &T) -> Result<String, Error> {
    match serde_json::to_value(v)? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(Error::Database(format!("{other} is not a name"))),
    }
}

fn json<T: Serialize + ?Sized>(v: &T) -> Result<String, Error> {
    Ok(serde_json::to_string(v)?)
}

fn unjson<T: DeserializeOwned>(s: &str) -> Result<T, Error> {
    Ok(serde_json::from_str(s)?)
}

/// A value from its JSON name or string form (a variant, a date).
fn parse<T: DeserializeOwned>(s: &str) -> Result<T, Error> {
    Ok(serde_json::from_value(serde_json::Value::String(
        s.to_string(),
    ))?)
}

/// The conversion error of a column that holds something other than svocr wrote.
fn bad_column(i: usize, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(Error::Database(e.to_string())),
    )
}

fn parse_col<T: DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    parse(&r.get::<_, String>(i)?).map_err(|e| bad_column(i, e))
}

fn opt_parse_col<T: DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<T>> {
    r.get::<_, Option<String>>(i)?
        .map(|s| parse(&s).map_err(|e| bad_column(i, e)))
        .transpose()
}

fn json_col<T: DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    unjson(&r.get::<_, String>(i)?).map_err(|e| bad_column(i, e))
}

/// Money from its exact decimal text.
fn money_col(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Money>> {
    r.get::<_, Option<String>>(i)?
        .map(|s| unjson(&s).map_err(|e| bad_column(i, e)))
        .transpose()
}

/// A [`Link`] from five columns from `i`: text, start, end, cue start, cue end.
fn read_link(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Link>> {
    let Some(text) = r.get::<_, Option<String>>(i)? else {
        return Ok(None);
    };
    Ok(Some(Link {
        text,
        start: r.get(i + 1)?,
        end: r.get(i + 2)?,
        cue: Span {
            start: r.get(i + 3)?,
            end: r.get(i + 4)?,
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_original_is_the_text_with_the_applied_edits_undone() {
        let input = "Det f6r ir bra";
        let edits = [
            Edit::digit(4, 7, "f6r", "för", true),
            Edit::digit(8, 10, "ir", "är", false),
            Edit::digit(11, 14, "bra", "bättre", true),
        ];
        let text = crate::apply_edits(input, &edits).unwrap();
        assert_eq!(text, "Det för ir bättre");
        assert_eq!(original_text(&text, &edits).as_deref(), Some(input));
        assert_eq!(original_text("abc", &[]).as_deref(), Some("abc"));
        // Edits that do not fit the text give no original rather than a wrong one.
        assert_eq!(original_text("Det for", &edits[..1]), None);
        assert_eq!(
            original_text("ab", &[Edit::digit(5, 6, "x", "y", true)]),
            None
        );
    }

    #[test]
    fn documents_written_together_or_alone_read_back_and_a_rewrite_replaces() {
        let path =
            std::env::temp_dir().join(format!("svocr-db-unit-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut db = Database::open(&path).unwrap();
        let opts = Options::default();
        let a = crate::process(
            "a.txt",
            "Högst 5 miljoner kronor senast den 1 mars 2021.".as_bytes(),
            &opts,
        );
        let b = Record::error("b.txt", "b.txt: cannot read: gone");
        let p = Provenance {
            content_hash: Some(content_hash(b"a")),
            size: Some(1),
            options: options_key(&opts),
            processed_at: 0,
        };
        db.write_all([(&a, &p), (&b, &p)]).unwrap();
        assert_eq!(db.record("a.txt").unwrap().as_ref(), Some(&a));
        assert_eq!(db.record("b.txt").unwrap().as_ref(), Some(&b));
        assert_eq!(db.record("c.txt").unwrap(), None);
        db.write(&a, &p).unwrap();
        assert_eq!(db.sources().unwrap(), ["a.txt", "b.txt"]);
        assert_eq!(db.current(&p.options).unwrap().len(), 2);
        assert!(db.current("repair=false").unwrap().is_empty());
        drop(db);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    #[test]
    fn the_full_text_index_follows_writes_and_rewrites() {
        let path = std::env::temp_dir().join(format!("svocr-db-fts-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut db = Database::open(&path).unwrap();
        let opts = Options::default();
        let p = Provenance {
            content_hash: None,
            size: None,
            options: options_key(&opts),
            processed_at: 0,
        };
        let doc = |source: &str, text: &str| crate::process(source, text.as_bytes(), &opts);
        let a = doc("a.txt", "Försäkringskassan får 944 miljoner kronor.");
        let b = doc("b.txt", "Kammarkollegiet betalar ut medlen.");
        db.write_all([(&a, &p), (&b, &p)]).unwrap();
        db.write(&doc("c.txt", "Försäkringskassan redovisar."), &p)
            .unwrap();
        let hits = |db: &Database, query: &str| -> Vec<String> {
            let mut st = db
                .conn
                .prepare(
                    "SELECT d.source FROM documents_fts JOIN documents d ON d.id = \
                     documents_fts.rowid WHERE documents_fts MATCH ?1 ORDER BY d.source",
                )
                .unwrap();
            st.query_map([query], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(hits(&db, "Försäkringskassan"), ["a.txt", "c.txt"]);
        assert_eq!(hits(&db, "Kammarkollegiet"), ["b.txt"]);
        // A rewritten document is found by its new words only, once.
        db.write(&doc("a.txt", "Kammarkollegiet får medel."), &p)
            .unwrap();
        assert_eq!(hits(&db, "Försäkringskassan"), ["c.txt"]);
        assert_eq!(hits(&db, "Kammarkollegiet"), ["a.txt", "b.txt"]);
        // The OCR'd original is searchable too.
        db.write(&doc("d.txt", "Medlen f6r 2024 betalas ut."), &p)
            .unwrap();
        assert_eq!(hits(&db, "original : f6r"), ["d.txt"]);
        drop(db);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    #[test]
    fn hashes_and_option_keys_are_stable() {
        assert_eq!(
            content_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let key = options_key(&Options::default());
        assert!(key.starts_with("repair=true min_confidence="), "{key}");
        let other = Options {
            repair: false,
            ..Options::default()
        };
        assert_ne!(options_key(&other), key);
    }
}
