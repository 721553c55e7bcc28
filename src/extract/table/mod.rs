//! Tables: amounts laid out in rows and columns instead of sentences, as PDF-to-text exports
//! write them.
//!
//! **In:** the repaired text and the running-text amounts the other extractors already found.
//! **Out:** [`Tables`]: one [`Amount`] per money cell, with `cell: {table, row, column, label,
//! header, total}`, character offsets of the number only and the value in kronor (öre-exact), in
//! reading order; and one [`Table`] per table read (span, caption, unit, headers, rows, and the
//! rows that could not be read with certainty).
//!
//! ## Layouts
//!
//! A row is a label and its numbers (`rows.rs`); the numbers may be
//!
//! - on the label's line, separated by a tab or two or more spaces (*aligned*), by a single space
//!   (then the digit grouping decides where one number ends, see `split.rs`), or run into the label
//!   (`Disponeras av Kammarkollegiet22 744 817`, `(ram)0`); under headers the export ran
//!   together (`BokslutDelårsrapp jan-augAvvikelse`) the cells run together too (`673235`), and
//!   a row is cut only where a difference or sum column makes one cut add up (`glued.rs`);
//!   Where a single space separates cells, a wider gap among the figures is an empty cell, and
//!   so is a label gap one cell wider than the one the full rows share (`Försäljning …     2 –
//!   1 2` under rows of `…   59 42 58 35`); such a row goes on with the table (`gaps.rs`); a code alone on the line above a row's figures (`45`, `SNI02`) is a label,
//!   and years run together (`2019202020192020`) a header row of years.
//!   A lone dash among them is an empty cell: numbers and dashes fill the columns in order
//!   (`Leasing 4 -361 -378 - -` under `Not 2018 2019 2018 2019` is note 4, then two cells and
//!   two empty ones), read where only one split of the digit groups fits (`dashes.rs`); a
//!   dash before the first figure is one too where column gaps set it apart on both sides
//!   (`Valnämnden      -      380      380`), and the row then has as many columns as its
//!   figures and dashes.
//!   Where the rows set their columns apart by gaps, a row of fewer fields than columns
//!   (`Sörmland      44 800`) keeps each field whole and puts it in the column it lines up
//!   with, or is unresolved (`aligned.rs`). A `Förändring`/`Avvikelse`/`Differens` column
//!   holds, within one unit of the last decimal, the difference of the two before it: of the
//!   cuts a row of single spaces allows, only one where it holds is read, and a row cut at a
//!   single space after a whole figure where it does not hold (and holds in two other rows)
//!   is unresolved. A budget deviation (`Budget-avvikelse`, `Avvikelse mot budget`) is the
//!   outcome column (`Utfall`, `Bokslut`, `Prognos`) less the budget column, wherever they
//!   stand, and cuts a row the same way (`– 4 937 291` is −4 937 and 291 under `Budget 2013
//!   Budget-avvikelse`). OCR's em dash glued to a figure (`—3 180`) is its minus sign.
//!   A label ending in a word a sentence goes on after (`och`, `till`) is prose broken before a
//!   number, unless the figures stand a column gap away and the label's rest, starting lower
//!   case, is the next line (`2 Samhällsekonomi och      17 412,9` ⏎ `finansförvaltning`);
//! - one per line after it, the first run into the label (*stacked*: `Område 2 …koordinering420` ⏎
//!   `430`);
//! - one per line with blank lines between, the label on its own line (*one cell per line*);
//!   where the figures put a `.` between thousands (`121.194`) and the export dropped empty
//!   cells, `dropped.rs` places each row's figures by its headers or lists the row unresolved;
//!   it reads the same figures one row per line too, as OCR leaves them (`Kommunstyrelsen
//!   121.194 119.102`).
//!
//! Consecutive rows that can be read with the same number of columns are one table, across
//! sub-headings and page breaks (with a running header or page number between). A first row of
//! years (`2017`, `2018`) is the header; otherwise the text lines above the first row are the
//! headers, one per column, after the label column's header and below the caption; a header
//! line whose last year reads as a row's number (`Nämnd  Budget 2024  Budget 2025`) is a header
//! line still, under the caption above it. A header line of single spaces is cut at its
//! capitals, a first word heading the label column (`Län`, or the unit: `(tkr) Utfall2013 …
//! Budget 2013`), a year run into a name written apart (`Utfall 2013`). Names above column
//! headers that repeat head the columns they span (`Kommunen` `Koncernen` over `2018 2017
//! 2018 2017`: `Kommunen 2018`; `TKR KOMMUN KONCERN` over `NOT 12/31/2021 …`; `(mnkr) Not
//! Kommunen Sammanställd redovisning` over
//! stacked `Bokslut 2015` `Bokslut 2016` `Budget 2016` `Bokslut 2015` `Bokslut 2016`, where the
//! second group starts at the first column's header again), and a line under repeating years
//! that writes each name once per year it spans (`verksamhetens kostnaderverksamhetens
//! kostnader…`) names them (`2019 verksamhetens kostnader`; `header.rs`). A
//! header naming a `Not` column that no header row took the note numbers out of (`header.rs`)
//! leaves the table unread (its figures would shift columns). A `Totalt`,
//! `Summa …`, `S:a`, `Alla …` or `Samtliga …` row is a total row (`cell.total`), checked by
//! `crate::validate` (against the rows above it, or below it when it opens its section), unless
//! a row above it is unresolved (its sum could not be checked). A total row whose digit groups
//! split several ways is read the one way in which each column is at least the largest figure
//! above it, where those are all non-negative (`Summa 99 849 104 053` is not `99 | 849 104 053`
//! under rows of five digits).
//!
//! A key-value list (`Projektmedel: 54,7`, one number per `label:` line) has no header line:
//! the heading of its block (`Blekinge` above the caption `Miljoner kronor`) names its column,
//! and the next such heading starts the next table.
//!
//! A regleringsbrev's "Finansiella villkor" rows run the item code into the values and the
//! values into each other (`90:1 ap.10Inget0`, `ap.1167 423542 4000`): `finansiella.rs` reads
//! them where the split after the code is unique, or an item code named above the table or the
//! item numbers counting up decide it.
//!
//! A header written one name and one year per line is one header row, wherever a table starts
//! (`header.rs`); under one naming a `Not` column, a row's note number is no cell, taken out
//! only where the export shows how it writes an empty note cell. Notes count from 1: a first
//! `0` is a cell. Rows of a financial statement still in doubt are read the one way that makes
//! a result row the sum of the rows right above it, in every column (`sums.rs`). Under a header row of years
//! on one line, or one cell per line, naming `Not`, the note is taken out where the count of
//! years says a row has one, and a row that reads as that count with a note or without one is
//! listed unresolved. A header line naming `Not` and balance-sheet dates (`TILLGÅNGAR Not
//! 2018-12-31 2017-12-31`), which no row of years states, is read the same way (`noted.rs`), and
//! so is one naming a `Not` before each column group (`Not 2018 2017 Not 2018 2017`), where a
//! note inside a row is taken out only if every way its digit groups fill the groups agrees; a
//! grand total right under sub-totals is read the one way it is their sum (`sums.rs`).
//!
//! A payment plan writes one row per payment date, the ISO date run into its amount
//! (`2008-01-254 473`): `dated.rs` cuts the date off after its two digits of day, and reads the
//! `Summa` row under the dates as the plan's total.
//!
//! Where OCR garbled the header and dropped group spaces, so that no width is stated, a row whose
//! last figure is the sum of the others (a `Totalt` column) is read the one way that sum holds
//! (`01-05 1414 7037 7 568 6813 49 831`), in a table of such rows of one width (`summed.rs`).
//!
//! OCR may read a table block by block, all labels and then all values (by rows, or one column
//! after another): `blocks.rs` re-pairs them where the counts agree and totals check.
//!
//! OCR keeps no column gaps and drops digit-group spaces: a header line that names its columns
//! up to unit words or years (`Region Grundbelopp kronor  Prestationsdel kronor`), or a header
//! row of years, states the width, and a row that cannot be read as typeset is read as OCR
//! leaves it (`split::Grouping::Dropped`) when one reading remains; a label ending in a letter
//! OCR reads for a digit (`Gnesta S 811`) leaves its row unresolved, unless a figure stands on
//! the letter's left (`Heby 4822 S 084`): no label word sits between figures, so the letter is
//! read as its digit (`4822 | 5 084`, the text left as written) where one reading remains. A row
//! that reads as OCR leaves it several ways is read the one way that keeps each figure within a
//! digit of as long as its column's figures in the rows read with certainty (`11983 12 496 113
//! 447` under `6354 6 647 31 64` is `11983 | 12 496 | 113 | 447`, not `11983 | 12 | 496 113 |
//! 447`: a group of three moved is three digits off; `profile.rs`). Two rows that read only as
//! one number state a single value column, under which `9704 486` or `2570780` is one number.
//! Where no width is stated, `5580 760` or `31108 914` (an ungrouped number of four or more
//! digits, then a group of three) may be `5 580 760` with its space dropped, and `54 546990`
//! may be `54 546 990`: the row is unresolved. So is a row whose digit groups also read as
//! fewer numbers (a cell left empty) and fill the columns only by a cut that sets neighbouring
//! figures further apart in size than any firm row's (`Knivsta 4 591 000` under `2024 2025` and
//! rows of four and five digits is not `4 | 591 000`). Under a header line stating the width, a
//! row that reads so only as OCR leaves it (`Jönköpings län 52387 555` under `Län Belopp, kr`)
//! is read at that width, never at another its groups allow (`52387 | 555`), which would cut
//! the other rows' figures in two; and a group that may be a code of the label (`län 52
//! 387555`) is none where a dropped group space would make it a figure's first group. Where no
//! width is stated and OCR dropped spaces beside a count column (`Gävleborgs län 899 24595 469`
//! reads only as three figures as typeset), rows following each other that more than half read
//! one way at another width they all allow (`742 27 321 604`: two ways at three, one at two)
//! are one table at that width, under which a row is read as OCR leaves it as under a stated
//! width (`899 | 24 595 469`); a row read several ways is unresolved.
//!
//! A caption between rows (`Tabell 2 …`, or a line stating its unit, `Anslag per myndighet
//! (tkr)`) opens a new table; `(forts.)` continues the one above.
//!
//! ## Units
//!
//! The unit comes from the caption, the headers or a header row's label, looked up past header
//! and blank lines but not past prose or another table (`(belopp angivna i tkr)`, `Tusental
//! kronor`, `(mnkr)`, `KRONOR`); a unit written after a row's values (`48 617 tkr`) is that
//! row's; a footer line right under the table (`Belopp angivna i tkr`) is the table's when no
//! other table follows it. Failing that it is inferred by matching the table's total row
//! against a precisely stated running-text amount (`1 444` and `1,44 miljarder kronor` agree
//! only in miljoner). **A table whose unit cannot be established is skipped**: `150` could be
//! kronor, tusen or miljoner, and a wrong amount that looks exact is worse than none.
//!
//! A regleringsbrev's allocation table lists one anslag after another under one caption, each
//! anslag's villkor prose between them: a later block of `Disponeras av`/`ap.` rows under an
//! anslag heading (`… (Ramanslag)`) takes the unit of the allocation table read above it. Under
//! that caption a `Disponeras av`/`ap.` row holds one amount, so OCR's `Disponeras av
//! Regeringskansliet 5580 760` is 5 580 760 with a group space dropped.
//!
//! ## Not money
//!
//! Years (as headers or labels), item numbers and codes run into a label (`ap.14`, `1:5`), page
//! numbers, percentages (`%` after a number or `%`/`procent`/`andel` in the header) and counts or
//! rates (`antal`, `invånare`, `kr/invånare` in the header) are never cells.
//!
//! **Deliberately not done:** a single row of numbers (as likely prose as a table), merged
//! cells, guessing between readings of a row that are all possible (the row is listed in
//! `unresolved` instead), and numbers that overlap a running-text amount. A table none of whose
//! figures became a cell is still recorded when rows of it were left unresolved (after the
//! tables with cells, so `cell.table` numbering is unchanged): the record says what it did not
//! read rather than dropping those rows silently.

mod aligned;
mod blocks;
mod dashes;
mod dated;
mod dropped;
mod emit;
mod finansiella;
mod gaps;
mod glued;
mod header;
mod lines;
mod noted;
mod numeral;
mod profile;
mod rows;
mod split;
mod summed;
mod sums;
mod unit;

use std::sync::LazyLock;

use regex::Regex;

use crate::offsets::CharIndex;
use crate::record::{Amount, Table, TableUnit};
use emit::{Running, emit};
use profile::ColumnProfile;
use rows::{Row, Run};
use split::{Arithmetic, Grouping, Num};

/// What the table reader found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tables {
    /// Money cells, in reading order.
    pub cells: Vec<Amount>,
    /// The tables, in reading order; `cell.table` indexes into it. Row `amounts` are `None` until
    /// [`link`] is given the final amount list.
    pub tables: Vec<Table>,
    /// Tables none of whose figures became a cell while some row was left unresolved, held back
    /// until every pass has run (a later one may read the same rows) and then appended to
    /// `tables` (see [`read`]).
    unread: Vec<Table>,
}

/// A row label that makes the row a stated sum.
static TOTAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^ [\x20\t\u{a0}]*
        (?: totalt | total | totalsumma | summa | s:a | sammanlagt | sammantaget
            | alla | samtliga )   # `Alla stödtyper`, `Samtliga kommuner`: all the rows of a section
        (?: \b | $ )",
    )
    .expect("valid regex")
});

/// A column header naming a column that is the sum of the others (`Ny ram`, `Summa`).
pub(super) static SUM_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi) ^ \s* (?: summa | totalt | total | s:a | ny \s+ ram | nytt \s+ belopp ) \b")
        .expect("valid regex")
});

/// A column header naming something other than money: a share, a count, a rate.
static NOT_MONEY_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) % | procent | andel | antal | invånare | \b st \b | kr \s* / | per \s+ capita",
    )
    .expect("valid regex")
});

/// Whether a column header names something other than money ([`NOT_MONEY_HEADER`]), or is a
/// note column's header alone (`Not`, `Noter`, as [`header::names_note`] knows them): OCR that
/// read the label and note column apart from the value columns (`Verksamhetens intäkter 1` under
/// `Not`, the figures in blocks of their own) leaves it the table's only column.
pub(super) fn names_no_money(h: &str) -> bool {
    NOT_MONEY_HEADER.is_match(h) || (h.split_whitespace().count() == 1 && header::names_note(h))
}

/// Headers of columns that count people, places, dwellings or hours (`Befolkning`, `Antal
/// elever`, `Årsarbetare`, `Bostäder`): never money, unless the header states a unit of money
/// (`Bidrag per elev, kr`). A `tkr` in another column's header, or a `kronor` in the caption,
/// would have made a population or a number of dwellings thousands of kronor. Only plurals
/// that name what is counted: a singular (`Bostad`) or a field (`Barn och unga`) may head money.
static COUNT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) \b (?: befolkning | folkmängd | invånarantal | årsarbetare | årsverk | helårs\w* |
        deltagare | elever | platser | timmar | kvadratmeter | kvm | km | ton | bostäder |
        lägenheter | personer | anställda | ärenden | hushåll | patienter | startbesked ) \b",
    )
    .expect("valid regex")
});

/// Headers of a label column that say what the rows are rather than who (`Anslag`, `Verksamhet`):
/// seen first in a header, they are not a column of numbers. Who the rows are is [`names_who`].
static WHAT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) ^ (?: anslag | anslagspost | post | område | ändamål | verksamhet | sni [0-9]* ) $",
    )
    .expect("valid regex")
});

/// Whether a header field is a label column's name: one word naming who or what the rows are.
fn is_label_header(field: &str) -> bool {
    let w = field.trim().to_lowercase();
    names_who(&w) || WHAT_HEADER.is_match(&w)
}

/// The words of [`names_who`], sorted by bytes for its binary search.
const WHO: [&str; 41] = [
    "aktör",
    "aktörer",
    "bidragsmottagare",
    "bolag",
    "förbund",
    "förening",
    "föreningar",
    "företag",
    "huvudman",
    "högskola",
    "kommun",
    "kommuner",
    "kommunnamn",
    "landsting",
    "län",
    "länsstyrelse",
    "lärosäte",
    "lärosäten",
    "mottagare",
    "myndighet",
    "myndigheter",
    "nämnd",
    "nämnder",
    "organisation",
    "organisationer",
    "projektägare",
    "region",
    "regioner",
    "samordningsförbund",
    "skola",
    "skolor",
    "stiftelse",
    "stiftelser",
    "studieförbund",
    "stödmottagare",
    "sökande",
    "trossamfund",
    "universitet",
    "utförare",
    "vårdcentral",
    "vårdcentraler",
];

/// Whether a lower-case word names who or where a table's rows are: the places and bodies that
/// receive or dispose of money (`län`, `kommun`, `förening`, `lärosäte`). One list, because the
/// reader takes such a header word for the label column's name and links take that column's
/// labels for recipients: the two must agree on which columns name who.
pub(crate) fn names_who(word: &str) -> bool {
    WHO.binary_search(&word).is_ok()
}

/// Finds the tables in `text` and their money cells.
///
/// `amounts` are the running-text amounts already found: they can establish a table's unit, and a
/// number that overlaps one is never reported again as a cell.
pub(crate) fn read(text: &str, amounts: &[Amount]) -> Tables {
    let mut lines = lines::lines(text);
    let idx = CharIndex::new(text);
    let running = Running::new(amounts);
    let precise = unit::precise_amounts(amounts);
    let mut out = Tables::default();
    let villkor = finansiella::tables(&lines);
    for run in rows::runs(text, &mut lines) {
        for mut shaped in shape(text, &lines, run) {
            if finansiella::covers(&villkor, &shaped) {
                continue; // rows run together past their item code: read there, not as typeset
            }
            let near = idx.char_offset(lines[shaped.first_line].start);
            let above = note_header_above(&lines, &idx, &shaped, &out)
                .map(|t| (t.label_header.clone(), t.headers.clone(), t.unit.clone()));
            let above_unit = above.map(|(label_header, headers, unit)| {
                shaped.label_header = label_header;
                shaped.headers = headers;
                unit
            });
            let found = shaped
                .unit
                .clone()
                .or(above_unit)
                .or_else(|| unit::below(&lines, shaped.end_line))
                .or_else(|| unit::stated_above(&lines, shaped.first_line))
                .or_else(|| unit::infer(&shaped, unit::nearby(&precise, near)))
                .or_else(|| anslag_unit(&lines, &shaped, &out.tables));
            let Some(unit) = found else {
                continue; // unitless: see the module docs for why such a table is skipped
            };
            emit(text, &lines, &idx, &running, shaped, unit, &mut out);
        }
    }
    // The sections of one re-paired block interleave (labels, then values), so each is checked
    // only against what the row reader read.
    let read_rows = out.cells.len();
    for shaped in blocks::repair(text, &lines) {
        let ctx = (&lines[..], &idx, &running, &precise[..], read_rows);
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    // A label block whose columns OCR read one after another continues the table above it.
    let continued: Vec<(usize, Table)> = out
        .tables
        .iter()
        .filter_map(|t| Some((line_at(&lines, &idx, t.end)?, t.clone())))
        .collect();
    let read_rows = out.cells.len();
    for shaped in blocks::columns(text, &lines, &continued) {
        let ctx = (&lines[..], &idx, &running, &precise[..], read_rows);
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    for shaped in villkor {
        let ctx = (&lines[..], &idx, &running, &precise[..], out.cells.len());
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    for shaped in dropped::tables(&lines) {
        let ctx = (&lines[..], &idx, &running, &precise[..], out.cells.len());
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    for shaped in dated::tables(&lines) {
        let ctx = (&lines[..], &idx, &running, &precise[..], out.cells.len());
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    // Rows that check themselves by their sum column, where nothing above read them; the widths
    // of one block are tables of their own and may share its lines.
    let read_rows = out.cells.len();
    for shaped in summed::tables(text, &lines) {
        let ctx = (&lines[..], &idx, &running, &precise[..], read_rows);
        blocks::emit_unless_read(text, ctx, shaped, &mut out);
    }
    out.cells.sort_by_key(|a| a.start);
    keep_unread(&mut out);
    out
}

/// Appends the tables that kept no cell but left rows unresolved, so the record says which
/// figures it did not read instead of dropping their rows silently. They go after the tables
/// with cells, whose numbering `cell.table` uses, and only where no table read the same lines.
fn keep_unread(out: &mut Tables) {
    for t in std::mem::take(&mut out.unread) {
        if !out
            .tables
            .iter()
            .any(|o| o.start < t.end && t.start < o.end)
        {
            out.tables.push(t);
        }
    }
}

/// An anslag heading's kind in parentheses (`Bidrag till … (Ramanslag)`, `(obetecknat anslag)`).
static ANSLAG_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:ram|sak|obetecknat\s+|reservations)?anslag\)").expect("valid regex")
});

/// A regleringsbrev's allocation row: `Disponeras av …` or an anslagspost (`ap.1…`, `2:1 ap.1…`).
static ALLOCATION_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Disponeras\s+av\b|(?:[0-9]{1,3}:[0-9]{1,3}\s*)?ap\.\s?[0-9])")
        .expect("valid regex")
});

/// A regleringsbrev's allocation table caption (`4.1 Tilldelade anslag/anslagsposter (belopp
/// angivna i tkr)`).
static ALLOCATION_CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tilldelade anslag").expect("valid regex"));

/// The unit of a regleringsbrev's later anslag block: the allocation table lists its anslag one
/// block after another under one caption (`Tilldelade anslag/anslagsposter (belopp angivna i
/// tkr)`), each anslag's villkor prose in between, so a block of allocation rows under an anslag
/// heading (`2:1` ⏎ `Bidrag till … (Ramanslag)`, as caption, header or the line right above the
/// rows) is in the unit the last table read states, when that table is such a block under that
/// caption.
fn anslag_unit(lines: &[lines::Line<'_>], shaped: &Shaped, tables: &[Table]) -> Option<TableUnit> {
    let last = tables.last()?;
    // The heading may be too long for a caption (a list of recipients): the line above the rows.
    let above = lines[..shaped.first_line.min(lines.len())]
        .iter()
        .rev()
        .find(|l| l.kind != lines::Kind::Blank);
    let heading = std::iter::once(shaped.caption.as_str())
        .chain(shaped.headers.iter().map(String::as_str))
        .chain(above.map(lines::Line::trimmed));
    let blocks = heading.into_iter().any(|h| ANSLAG_KIND.is_match(h))
        && !shaped.body.is_empty()
        && shaped
            .body
            .iter()
            .all(|(r, _)| ALLOCATION_ROW.is_match(&r.label));
    let allocation = ALLOCATION_CAPTION.is_match(&last.caption)
        && !last.unit.inferred
        && last.rows.iter().all(|r| ALLOCATION_ROW.is_match(&r.label));
    (blocks && allocation).then(|| last.unit.clone())
}

/// A note's heading (`Not 2 Verksamhetens kostnader`, `NOT 12. Kortfristiga fordringar`).
static NOTE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:not)\s*[0-9]{1,2}[A-Z]?[.:]?\s+\p{L}").expect("valid regex")
});

/// The table above whose header and unit head `shaped` as well: the notes to a financial
/// statement print one header line (`Löpande prisnivå, mkr 2016 2015`) over a series of small
/// tables, each opened by its note's heading (`Not 2 Verksamhetens kostnader`), and a line of
/// prose under a note (`Noten visar …`) ends the table the header stands over. A table under no
/// header and no unit of its own, opened by a note heading, takes them from the table read right
/// above it when that one is a note table too (its first row right under a note heading), under
/// a header row of years, with as many columns, and only headings and prose stand between them.
/// Without the note headings nothing ties the two together (a table after prose may be in
/// another unit); without an equal count of columns the years would head the wrong figures.
fn note_header_above<'t>(
    lines: &[lines::Line<'_>],
    idx: &CharIndex,
    shaped: &Shaped,
    out: &'t Tables,
) -> Option<&'t Table> {
    let heading = |at: usize| {
        lines[..at]
            .iter()
            .rev()
            .find(|l| l.kind != lines::Kind::Blank)
            .map(lines::Line::trimmed)
            .filter(|t| NOTE_HEADING.is_match(t))
    };
    let under_note = |at: usize| heading(at).is_some();
    let first = shaped.body.first()?.0.first_line;
    // The note's heading, the one line above the rows, reads as the rows' header (`Not 2` |
    // `Verksamhetens kostnader`): it names the note, not the columns.
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let own_header = words(&shaped.headers.join(" "));
    let headless = own_header.is_empty() || heading(first).is_some_and(|h| words(h) == own_header);
    if shaped.unit.is_some() || !headless || !under_note(first) {
        return None;
    }
    let k = out.tables.len().checked_sub(1)?;
    let last = &out.tables[k];
    let years = !last.headers.is_empty() && last.headers.iter().all(|h| numeral::is_year(h.trim()));
    let first_cell = out
        .cells
        .iter()
        .find(|a| a.cell.as_ref().is_some_and(|c| c.table == k))?;
    let last_first = lines
        .partition_point(|l| idx.char_offset(l.start) <= first_cell.start)
        .checked_sub(1)?;
    let last_end = line_at(lines, idx, last.end)?;
    let between: Vec<&lines::Line<'_>> = lines
        .get(last_end..first)?
        .iter()
        .filter(|l| l.kind != lines::Kind::Blank)
        .collect();
    let only_text = between.len() <= 3
        && between
            .iter()
            .all(|l| matches!(l.kind, lines::Kind::Text | lines::Kind::Prose) && !l.page_break);
    (years
        && !last.unit.inferred
        && last.headers.len() == shaped.money.len()
        && under_note(last_first)
        && only_text)
        .then_some(last)
}

/// The index of the line after the one holding character offset `end` (exclusive end of a
/// table).
fn line_at(lines: &[lines::Line<'_>], idx: &CharIndex, end: usize) -> Option<usize> {
    let k = lines.partition_point(|l| idx.char_offset(l.start) < end);
    (k > 0).then_some(k)
}

/// The money cells of the tables in `text` (see [`read`]); the property tests feed it arbitrary
/// amounts.
#[cfg(test)]
pub(crate) fn cells(text: &str, amounts: &[Amount]) -> Vec<Amount> {
    read(text, amounts).cells
}

/// Fills each table row's `amounts` with the indexes of its cells in the final `amounts` list.
pub(crate) fn link(tables: &mut [Table], amounts: &[Amount]) {
    for (i, a) in amounts.iter().enumerate() {
        let Some(c) = &a.cell else { continue };
        if let Some(slot) = tables
            .get_mut(c.table)
            .and_then(|t| t.rows.get_mut(c.row))
            .and_then(|r| r.amounts.get_mut(c.column))
        {
            *slot = Some(i);
        }
    }
}

/// A table whose columns are settled: every body row read or set aside.
#[derive(Debug, Clone)]
struct Shaped {
    first_line: usize,
    end_line: usize,
    caption: String,
    label_header: String,
    headers: Vec<String>,
    /// Whether each column holds money.
    money: Vec<bool>,
    body: Vec<(Row, Result<Vec<Num>, String>)>,
    /// The unit written in the caption or headers, if one is.
    unit: Option<TableUnit>,
}

impl Shaped {
    fn is_total(row: &Row) -> bool {
        TOTAL_LABEL.is_match(&row.label)
    }
}

/// Cuts a run into tables of one width each and reads their rows.
fn shape(text: &str, lines: &[lines::Line<'_>], mut run: Run) -> Vec<Shaped> {
    let mut out = Vec::new();
    // `Not 2018 2017 Not 2018 2017` reads as a row of years whose label ends in `Not`; the
    // second `Not` makes it the header line of two note columns, one before each group.
    if let Some(first) = run.rows.first()
        && first.is_years(text)
        && first.names.is_empty()
        && first.end_line == first.first_line + 1
    {
        let mut pieces = header_pieces(lines, &run.head);
        pieces.push(lines[first.first_line].trimmed().to_string());
        if noted::note_groups(&pieces).is_some() {
            run.head.push(first.first_line);
            run.rows.remove(0);
        }
    }
    // A header line naming `Not` and its dates states the width, and that each row has a note.
    let pieces = header_pieces(lines, &run.head);
    let mut noted = noted::header_line(&pieces).map(|h| h.headers.len());
    if let Some(columns) = noted {
        let starts = noted::note_groups(&pieces).unwrap_or_default();
        noted::take_notes(text, &mut run.rows, columns, &starts);
    }
    // The label gaps of the run's single-spaced rows, for the gaps that write an empty cell.
    let leads: Vec<(u64, usize)> = run
        .rows
        .iter()
        .filter_map(|r| gaps::spaced_lead(text, r))
        .collect();
    let mut head = run.head;
    let mut rows = run.rows.into_iter();
    while !rows.as_slice().is_empty() {
        let mut chunk: Vec<Row> = Vec::new();
        let mut mask = u64::MAX;
        // The width the header line (`Region Grundbelopp kronor  Prestationsdel kronor`) or a
        // header row of years states, kept while every row can be read so if OCR dropped group
        // spaces.
        let mut stated = header_columns(&header_pieces(lines, &head))
            .map(|h| h.headers.len())
            .or(noted.take())
            .or_else(|| allocation_width(lines, &head, rows.as_slice()));
        // The width a header row of years states, while it is the one stated.
        let mut years_stated: Option<usize> = None;
        // Rows OCR read with group spaces dropped beside a count column read one way at a width
        // the strict grouping of their neighbours rules out: they are one table at that width.
        // A width the header line states and none of the rows reads at (`Län fått startbesked.
        // Statsbidrag, kr.`, OCR's one line of two headers) states nothing for them.
        // The width those rows establish is as firm as a stated one for reading them as OCR
        // leaves them (`899 24595 469` at two is `899 | 24 595 469`, its one reading), but it
        // names no header: the header line keeps its own say.
        let mut dropped = None;
        if let Some((len, w)) = dropped_width(text, rows.as_slice(), stated) {
            chunk.extend(rows.by_ref().take(len));
            (mask, stated, dropped) = (1 << w, None, Some(w));
        }
        while let Some(r) = rows.as_slice().first() {
            let repeated_header = !chunk.is_empty()
                && r.is_years(text)
                && is_years_header(text, &chunk)
                && r.columns() == chunk[0].columns();
            if !chunk.is_empty() && !r.names.is_empty() && !repeated_header {
                break; // another table's stacked header (`Utfall` ⏎ `2019` ⏎ `Utfall` ⏎ `2018`)
            }
            if chunk.last().is_some_and(|l| l.colon) && r.colon && heads_block(lines, &r.before) {
                break; // the next block of a key-value list (`Dalarna` ⏎ `Miljoner kronor`)
            }
            if states_unit(text, &chunk).is_some_and(|s| s != r.unit.is_some()) {
                break; // rows that write their unit after each value are a table of their own
            }
            if !chunk.is_empty() && repeats_header(lines, &head, r) {
                rows.next(); // `Tabell 4 (forts.)` ⏎ the same header line: the table goes on
                continue;
            }
            if !chunk.is_empty() && r.is_header_line(text) {
                break; // `Anslag 9` ⏎ `Utfall 2022  Budget 2023  Förslag 2024`: the next header
            }
            if !chunk.is_empty() && opens_table(lines, &r.before) {
                break; // `Tabell 2 Anslag per myndighet (tkr)`: the next table's own caption
            }
            if let [first] = chunk.as_slice()
                && caption_over_unit_line(text, lines, first, r)
            {
                break; // read as the header line under the caption, as one row alone is
            }
            if repeated_header || (!chunk.is_empty() && r.is_furniture(text)) {
                rows.next();
                continue;
            }
            // Under a header row of years, rows have as many columns as it has years.
            let years_first = (chunk.len() == 1 && chunk[0].is_years(text))
                .then(|| 1u64 << chunk[0].columns().min(63));
            if let Some(years) = years_first {
                stated = stated.or(Some(years.trailing_zeros() as usize));
                // A row of years on one line (`Region 2019 2020 2019 2020`); one stacked name by
                // name (`Kommunen` ⏎ `2019` …) is read as its notes and empty cells allow.
                years_stated = stated.filter(|&w| 1 << w == years && chunk[0].names.is_empty());
            }
            // Two rows that each read only as one number state a single value column: OCR's
            // `9704 486` or `2570780` in it is one number with its group spaces dropped.
            if chunk.len() >= 2 && mask == 1 << 1 {
                stated = stated.or(Some(1));
            }
            // While a header row of years states the width, every row is read at it.
            let years = years_stated
                .filter(|&w| stated == Some(w))
                .map(|w| 1u64 << w)
                .or(years_first);
            // `Valnämnden      -      380      380`: a dash writes an empty cell, so the row has
            // as many columns as its numbers and dashes, where the table has that many; a dash
            // of a note column's row (`Leasing 4 -361 -378 - -`) may count otherwise.
            // A sign a space from its figure (`- 8`) may be one more empty cell (`dashes.rs`).
            let filled = (r.doubt == Some(rows::Doubt::EmptyCell) && r.dashes.len() < 64)
                .then(|| {
                    let detached = dashes::detached_signs(text, r).len();
                    (0..=detached).fold(0, |f, extra| {
                        let shift = u32::try_from(r.dashes.len() + extra).unwrap_or(u32::MAX);
                        f | r.widths.checked_shl(shift).unwrap_or(0)
                    })
                })
                .filter(|&f| mask & years.unwrap_or(u64::MAX) & f != 0);
            let mut widths = filled.unwrap_or(r.widths);
            // `Försäljning av finansiella anläggningstillgångar   2   3 1` under rows of four
            // figures one space apart: each wider gap is an empty cell, so the row has as many
            // columns as its figures and gaps (`gaps.rs`), and goes on with the table.
            let fits = mask & years.unwrap_or(u64::MAX);
            if !chunk.is_empty() && fits & widths == 0 && r.dashes.is_empty() && r.doubt.is_none() {
                for w in (2..64).filter(|&w| fits & 1 << w != 0) {
                    let empty = gaps::common_lead(&leads, w)
                        .and_then(|lead| gaps::empty_cells(text, r, lead))
                        .filter(|&e| (1..w).contains(&e));
                    if let Some(e) = empty {
                        widths |= (r.widths << e) & 1 << w;
                    }
                }
            }
            let strict = chunk.is_empty() || mask & years.unwrap_or(u64::MAX) & widths != 0;
            let ocr = stated.is_some_and(|w| w < 64 && r.ocr_widths & 1 << w != 0);
            if !(strict || ocr)
                && years_stated.is_some_and(|w| stated == Some(w) && figures_run_together(r, w))
            {
                // `04L Region Sörmland 1158812535 -143 545` under `Region 2019 2020 2019 2020`:
                // a row of this table whose figures OCR ran together, listed as unresolved.
                chunk.extend(rows.next());
                continue;
            }
            if !chunk.is_empty()
                && stated.is_some()
                && (widths == 0 || misread_digit(r) || r.doubt.is_some())
                && !ocr
            {
                // Under a stated width, digits no grouping reads (`22 027:921 4654 062`) are a
                // garbled row of this table, listed as unresolved; they do not end it.
                chunk.extend(rows.next());
                continue;
            }
            if !(strict || ocr) && r.after_break {
                rows.next(); // page furniture between the parts of one table
                continue;
            }
            if !(strict || ocr || chunk.is_empty())
                && notes_heading(text, lines, &head, &chunk[0], r)
            {
                rows.next(); // `Eget kapital` ⏎ `22,23`: a heading and its notes, no row
                continue;
            }
            if !(strict || ocr) {
                break;
            }
            if !(chunk.is_empty() && r.is_years(text)) {
                // A row only OCR's reading fits leaves the stated width the only one; so does a
                // row that reads as typeset only at other widths (`Jönköpings län 52387 555`
                // under `Län Belopp, kr` is 52 387 555, not `52387 | 555`): the header line
                // says how many figures a row has, and its other readings would cut the other
                // rows' figures in two (`20 | 583 009`).
                mask = match (strict, stated) {
                    (false, Some(w)) => 1 << w,
                    (true, Some(w)) if ocr && w < 64 && widths & 1 << w == 0 => 1 << w,
                    _ => mask & widths,
                };
                stated = stated.filter(|_| ocr);
            }
            chunk.extend(rows.next());
        }
        let mut next_head = rows
            .as_slice()
            .first()
            .map(|r| r.before.clone())
            .unwrap_or_default();
        if let [lone] = chunk.as_slice() {
            // One row that fits no table (`mnkr Intäkter 2019Intäkter 2020 …`) is a header line,
            // under the caption above it (`Belopp i tkr` ⏎ `Nämnd  Budget 2019  Budget 2020`,
            // whose last year read as the row's number).
            let mut lines_of: Vec<usize> = head
                .iter()
                .copied()
                .filter(|&l| l < lone.first_line)
                .chain(lone.first_line..lone.end_line)
                .collect();
            lines_of.append(&mut next_head);
            next_head = lines_of;
        }
        let stated = stated.filter(|&w| mask & 1 << w != 0);
        let dropped = dropped.filter(|&w| mask == 1 << w);
        out.extend(table_of(text, lines, &head, chunk, (mask, stated), dropped));
        head = next_head;
    }
    out
}

/// The width of a regleringsbrev's allocation table, one: under its caption (`Tilldelade
/// anslag/anslagsposter (belopp angivna i tkr)`) each `Disponeras av …` or `ap.` row holds one
/// amount (a disposer column holds names), so OCR's `Disponeras av Regeringskansliet 5580 760`
/// is 5 580 760 with its group space dropped, not `5580 | 760`. The caption must head the rows
/// and the first row be an allocation row: its `Finansiella villkor` table (`ap.1 167 423 542
/// 400 0`) has rows of the same kind and several columns.
fn allocation_width(lines: &[lines::Line<'_>], head: &[usize], ahead: &[Row]) -> Option<usize> {
    // The row first: it rules out almost every run at a chunk's start, before any caption line
    // is read.
    let allocation = ahead
        .first()
        .is_some_and(|r| ALLOCATION_ROW.is_match(&r.label));
    (allocation
        && head
            .iter()
            .any(|&l| ALLOCATION_CAPTION.is_match(lines[l].trimmed())))
    .then_some(1)
}

/// The rows at the head of `ahead` that are one table whose width OCR's dropped group spaces
/// hid, and that width: (how many rows, width). OCR drops the space in `24 595 469` beside a
/// count column (`Gävleborgs län 899 24595 469`), which then reads only as three figures
/// (`899 | 24595 | 469`), and the rows whose spaces it kept read two ways at three (`742 | 27 |
/// 321 604` or `742 | 27 321 | 604`) but one way at two (`742 | 27 321 604`): cutting the rows
/// where their strict widths part, or reading them at the width they share, leaves most of
/// them unread. The rows follow each other with no text line or page break between, each reads
/// at the width strictly or as OCR leaves it, and more than half of them read one way at it,
/// more than at any other width they share; the strict widths all the rows share do not
/// include it (those are read as they are). That width is then as firm as a stated one: a row
/// that reads at it only as OCR leaves it, one way, is read so (`899 | 24 595 469`; OCR drops
/// group spaces but adds none, so no other cut makes two numbers); one read several ways is
/// unresolved.
fn dropped_width(text: &str, ahead: &[Row], stated: Option<usize>) -> Option<(usize, usize)> {
    let mut shared = u64::MAX;
    let mut strict = u64::MAX;
    let mut once = [0usize; 64];
    let mut len = 0;
    for (k, r) in ahead.iter().enumerate() {
        let plain = r.names.is_empty()
            && !r.colon
            && r.unit.is_none()
            && r.doubt.is_none()
            && r.dashes.is_empty()
            && !r.lines_are_cells
            && !r.is_years(text);
        let joined = k == 0 || (r.before.is_empty() && !r.after_break);
        let fits = shared & (r.widths | r.ocr_widths);
        if !(plain && joined) || fits == 0 {
            break;
        }
        (shared, strict, len) = (fits, strict & r.widths, len + 1);
        let one = split::one_way(text, &r.groups, split::Grouping::Strict);
        for (w, n) in once.iter_mut().enumerate() {
            *n += usize::from(one & 1 << w != 0);
        }
    }
    let count = |w: usize| if shared & 1 << w != 0 { once[w] } else { 0 };
    let best = (2..64).max_by_key(|&w| count(w))?;
    let unique = (1..64).all(|w| w == best || count(w) < count(best));
    let unstated = stated.is_none_or(|s| s >= 64 || shared & 1 << s == 0);
    (len >= 4 && 2 * count(best) > len && unique && unstated && strict & 1 << best == 0)
        .then_some((len, best))
}

/// Whether `r`, a row that fits no width of the table above it, is a heading of a financial
/// statement written one cell per line with its note cell (`Eget kapital` ⏎ `22,23` under a
/// header naming `Not`): its one figure, on a line of its own, is a note, or two notes a comma
/// apart, which a money column of decimals would not write alone. It holds no cell, so it does not end the
/// table: the rows under it are the table's still.
fn notes_heading(
    text: &str,
    lines: &[lines::Line<'_>],
    head: &[usize],
    first: &Row,
    r: &Row,
) -> bool {
    // `Not` heads the table in its header lines, or labels its header row of years (stacked one
    // name per line: `Not` ⏎ `2021` ⏎ `2020`).
    let names_not = header_pieces(lines, head)
        .iter()
        .chain(
            std::iter::once(&first.label)
                .filter(|_| !first.names.is_empty() || first.is_years(text)),
        )
        .chain(&first.names)
        .flat_map(|p| p.split_whitespace())
        .any(header::names_note);
    let [g] = r.groups.as_slice() else {
        return false;
    };
    let notes = text[g.digits..g.end].split(',').collect::<Vec<_>>();
    let short = |n: &&str| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    // The note stands on a line of its own under the heading, as one-cell-per-line exports
    // write it; on the heading's line, `Avsättningar 22` may be a row with one cell filled.
    let own_line = lines
        .get(r.first_line)
        .is_some_and(|l| text[l.start..g.start].contains('\n'));
    names_not
        && own_line
        && r.dashes.is_empty()
        && (header::is_note(text, g)
            || (notes.len() == 2 && !g.signed() && notes.iter().all(short)))
}

/// Whether `r`, a row right under the rows of a table whose header row of years states `width`
/// columns, is a row of that table whose figures OCR ran together (`1158812535 -143 545` under
/// `2019 2020 2019 2020`): it reads only as fewer numbers than there are years, however its digit
/// groups are split, and no text line or page break stands between it and the row above (the
/// next table's rows would have a caption or header there). Read at a width it has, its
/// run-together figures would be numbers no cell holds.
fn figures_run_together(r: &Row, width: usize) -> bool {
    let readings = r.widths | r.ocr_widths;
    width < 64
        && readings != 0
        && readings < 1 << width
        && r.before.is_empty()
        && !r.after_break
        && r.names.is_empty()
        && !r.colon
        && r.unit.is_none()
}

/// Whether row `r` is the table's header line printed again under a caption saying the table
/// goes on (`Tabell 4 (forts.)` ⏎ `Nämnd  Budget 2025  Utfall 2025` after a page break): the
/// same words as a line of the table's head, a continuation mark among the lines above it.
fn repeats_header(lines: &[lines::Line<'_>], head: &[usize], r: &Row) -> bool {
    let words = |l: usize| lines[l].trimmed().split_whitespace().collect::<Vec<_>>();
    says_continued(lines, &r.before)
        && r.end_line == r.first_line + 1
        && head.iter().any(|&h| words(h) == words(r.first_line))
}

/// Whether the text lines between two rows hold a caption of a table of its own: a numbered
/// table (`Tabell 2 …`), or a caption line that states its unit (`Belopp i miljoner kronor`),
/// or closes on it (`Anslag per myndighet (tkr)`). A table continued after a page break says so (`Tabell 2
/// (forts.)`, `forts. från föregående sida`) and goes on.
fn opens_table(lines: &[lines::Line<'_>], before: &[usize]) -> bool {
    let mut captions = before.iter().map(|&l| lines[l].trimmed()).filter(|t| {
        let lower = t.to_lowercase();
        let numbered = lower
            .strip_prefix("tabell")
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        numbered || (unit::written(t).is_some() && (unit::is_caption_opener(t) || t.ends_with(')')))
    });
    captions.next().is_some() && !says_continued(lines, before)
}

/// Whether one of the text lines between two rows says the table above goes on (`Tabell 2
/// (forts.)`, `forts. från föregående sida`).
fn says_continued(lines: &[lines::Line<'_>], before: &[usize]) -> bool {
    before
        .iter()
        .any(|&l| lines[l].trimmed().to_lowercase().contains("forts"))
}

/// Whether `first`, a table's first row, is a caption ending in its year (`Preliminär fördelning
/// 2022`) rather than a header row of years: one year after words on its line (a `2021` alone heads a column),
/// and the lines between it and the next row `r` state the unit (`Kommun Tkr`, `Belopp (kr)`). A header row of years is the line right above
/// the figures; taken as one, the caption made a one-column table whose unit stood inside it, and
/// no cell was read.
fn caption_over_unit_line(text: &str, lines: &[lines::Line<'_>], first: &Row, r: &Row) -> bool {
    first.groups.len() == 1
        && first.is_years(text)
        && first.groups.first().is_some_and(|g| {
            let line_start = text[..g.start].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..g.start].contains(char::is_alphabetic)
        })
        && r.before
            .iter()
            .any(|&l| unit::written(lines[l].trimmed()).is_some())
}

/// Whether the text lines between two rows name a block of their own: one of them is not a
/// caption (`Dalarna` above `Miljoner kronor`).
fn heads_block(lines: &[lines::Line<'_>], before: &[usize]) -> bool {
    before
        .iter()
        .any(|&l| !unit::is_caption(lines[l].trimmed()))
}

/// The header of a key-value list (`Alla stödtyper: 58,4` …, one column): its heading, the last
/// text line above it that is no caption (`Blekinge`), with the caption lines (`Miljoner
/// kronor`) its caption. `None` when no line above is a heading.
fn key_value_header(pieces: &[String]) -> Option<(String, String)> {
    let at = pieces.iter().rposition(|p| !unit::is_caption(p))?;
    let caption: Vec<&str> = pieces
        .iter()
        .enumerate()
        .filter(|&(k, p)| k != at && unit::is_caption(p))
        .map(|(_, p)| p.as_str())
        .collect();
    Some((pieces[at].clone(), caption.join(" ")))
}

/// Whether the body rows of `chunk` write their unit after their values (`48 617 tkr`); `None`
/// before the first body row.
fn states_unit(text: &str, chunk: &[Row]) -> Option<bool> {
    let last = chunk.iter().rev().find(|r| !r.is_years(text))?;
    Some(last.unit.is_some())
}

/// The unit every body row writes after its values, when they all write the same one.
fn rows_unit(text: &str, body: &[(Row, Result<Vec<Num>, String>)]) -> Option<TableUnit> {
    let first = body.first()?.0.unit?;
    body.iter()
        .all(|(r, _)| r.unit.is_some_and(|u| u.kronor == first.kronor))
        .then(|| TableUnit {
            text: text[first.start..first.end].to_string(),
            kronor: first.kronor,
            inferred: false,
        })
}

fn is_years_header(text: &str, chunk: &[Row]) -> bool {
    chunk.first().is_some_and(|r| r.is_years(text))
}

/// Header pieces from the text lines above a table: one per line or per gap-separated field; a
/// line starting in lower case (or `(`) continues the piece before (`Medel i` ⏎ `kronor`).
fn header_pieces(lines: &[lines::Line<'_>], head: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &l in head {
        let t = lines[l].trimmed();
        let fields: Vec<&str> = t
            .split('\t')
            .flat_map(|f| f.split("  "))
            .flat_map(|f| f.split(" | "))
            .flat_map(run_together)
            .map(|f| f.trim_matches(|c: char| c.is_whitespace() || c == '|'))
            .filter(|f| !f.is_empty())
            .collect();
        for (k, f) in fields.into_iter().enumerate() {
            // `Anslagspost Belopp Disponeras av`: the disposer column holds names, no figures
            // (`lines` reads them off the rows), so it heads none of the table's columns.
            let f = if numeral::heads_disposer_column(t) {
                f.get(..f.len().saturating_sub("disponeras av".len()))
                    .filter(|head| f[head.len()..].eq_ignore_ascii_case("disponeras av"))
                    .map_or(f, str::trim_end)
            } else {
                f
            };
            if f.is_empty() {
                continue;
            }
            let continues = k == 0
                && f.starts_with(|c: char| c.is_lowercase() || c == '(')
                && !opens_with_unit_header(f);
            match out.last_mut() {
                Some(prev) if continues => {
                    prev.push(' ');
                    prev.push_str(f);
                }
                _ => out.push(f.to_string()),
            }
        }
    }
    out
}

/// Whether a header line opens with its unit in parentheses, then names columns at capitals
/// (`(tkr) Utfall2013 Budget 2013`): the unit heads the label column there, as `Kommun` does,
/// so the line is a header line of its own, not the rest of the line above (`Medel i` ⏎
/// `(kronor)`).
fn opens_with_unit_header(field: &str) -> bool {
    let mut words = field.split_whitespace();
    let first = words.next().unwrap_or("");
    is_unit_in_parentheses(first)
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// A unit alone in parentheses (`(tkr)`, `(mnkr)`).
fn is_unit_in_parentheses(word: &str) -> bool {
    word.strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .is_some_and(|u| u.chars().all(char::is_alphabetic) && numeral::units_in(u).len() == 1)
}

/// The headers on the header line nearest the rows, where that line runs two headers together
/// ([`run_together`]): the export joined cells without a separator there. Returns the label
/// column's header, if the line starts with one, and the column headers.
fn glued_headers<'t>(
    lines: &[lines::Line<'t>],
    head: &[usize],
) -> Option<(Option<&'t str>, Vec<&'t str>)> {
    let fields = |l: usize| -> Vec<Vec<&'t str>> {
        lines[l]
            .text
            .trim()
            .split('\t')
            .flat_map(|f| f.split("  "))
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(run_together)
            .collect()
    };
    let mut nearest: Vec<&str> = fields(*head.last()?).concat();
    let glued = fields(*head.last()?).iter().any(|f| f.len() > 1);
    // A unit or a label column's name first (`mnkr Intäkter 2019Intäkter 2020…`) heads no
    // column of figures.
    let label = nearest
        .first()
        .is_some_and(|f| is_label_header(f) || (numeral::units_in(f).len() == 1 && f.len() <= 6));
    let label = label.then(|| nearest.remove(0));
    glued.then_some((label, nearest))
}

/// Headers an export ran together (`mnkr Intäkter 2019Intäkter 2020Budget 2020`,
/// `BokslutDelårsrapp jan-augAvvikelse`), cut after each year that a capital letter follows and
/// between a small letter and a capital (no Swedish word is written so), with a leading unit
/// (`mnkr`) a piece of its own.
fn run_together(field: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let b = field.as_bytes();
    let mut prev: Option<char> = None;
    for (i, c) in field.char_indices() {
        let year_before = i >= 4 && numeral::is_year(field.get(i - 4..i).unwrap_or(""));
        let word_before = i < 5 || !b[i - 5].is_ascii_digit();
        let small_before = prev.is_some_and(char::is_lowercase);
        prev = Some(c);
        if c.is_uppercase() && (small_before || year_before && word_before) && i > from {
            out.push(&field[from..i]);
            from = i;
        }
    }
    out.push(&field[from..]);
    if out.len() > 1 {
        let first = out[0];
        if let Some((unit, rest)) = first.split_once(' ')
            && numeral::units_in(unit).len() == 1
            && unit.len() <= 6
        {
            out.splice(0..1, [unit, rest]);
        }
    }
    out
}

/// A table from rows of one width, or `None` when fewer than two body rows remain. `dropped` is
/// the width [`dropped_width`] established for rows beside a count column, under which a row is
/// read as OCR leaves it as under a stated one.
fn table_of(
    text: &str,
    lines: &[lines::Line<'_>],
    head: &[usize],
    mut rows: Vec<Row>,
    (mask, stated): (u64, Option<usize>),
    dropped: Option<usize>,
) -> Option<Shaped> {
    let first_line = head
        .first()
        .copied()
        .or(rows.first().map(|r| r.first_line))?;
    let end_line = rows.last()?.end_line;
    let pieces = header_pieces(lines, head);
    let years = rows.first().filter(|r| r.is_years(text)).cloned();
    if years.is_some() {
        rows.remove(0);
    }
    if rows.len() < 2 || mask == 0 || mask == u64::MAX {
        return None;
    }
    // One number per segment (per line or gap-separated field) is the natural reading; a single
    // space between columns leaves the count to the headers.
    let narrowest = mask.trailing_zeros();
    let natural = rows.iter().all(|r| {
        r.groups
            .iter()
            .filter(|g| g.join == lines::Join::None)
            .count()
            == narrowest as usize
    });
    // A single run of digit groups per row under a header line naming several columns
    // (`Äldreomsorg 420 500 431 200` under `Verksamhet Budget 2025, tkr Utfall 2025, tkr`) is
    // read as the header says: as one number it was 420 500 431 200 tkr, and its `Summa` `ok`.
    // Only a header line whose every column's header ends in its year or unit states that.
    let natural = natural
        && !(narrowest == 1
            && years.is_none()
            && stated.is_some_and(|w| (2..64).contains(&w) && mask & (1 << w) != 0));
    let header = stated.filter(|_| !natural && years.is_none());
    let (mut width, mut label_header, mut headers, mut caption) =
        match header.and(header_columns(&pieces).or_else(|| noted::header_line(&pieces))) {
            // Group names above the header line span its columns (`KOMMUN KONCERN` over
            // `NOT 12/31/2021 12/31/2020 12/31/2021 12/31/2020`).
            Some(h) => match header::spanning(&pieces[..h.above], &h.headers) {
                Some(s) => (h.headers.len(), h.label, s.headers, s.caption),
                None => (h.headers.len(), h.label, h.headers, h.caption),
            },
            None => columns(text, &pieces, years.as_ref(), mask, natural),
        };
    // A second header row under a header row of years, its names repeated once per year.
    let below = years.as_ref().filter(|y| y.names.is_empty()).and_then(|_| {
        let [l] = rows.first()?.before[..] else {
            return None;
        };
        header::names_below(lines[l].trimmed(), &headers)
    });
    if let Some(named) = below {
        headers = named;
    }
    // A key-value list has no column header line: its heading names its one column.
    let key_value = width == 1 && years.is_none() && rows.iter().all(|r| r.colon);
    if let Some((h, c)) = key_value.then(|| key_value_header(&pieces)).flatten() {
        (label_header, headers, caption) = (String::new(), vec![h], c);
    } else if width == 1 && years.is_none() {
        // No header row: the caption heads the column (`header.rs`).
        if let Some(h) = header::caption_header(&pieces) {
            (label_header, headers, caption) = (String::new(), vec![h], pieces.join(" "));
        }
    }
    if years.is_none() && header::names_note(&label_header) {
        // The column before the values is a `Not` column whose numbers no stacked header took
        // out (`header.rs`): the columns are shifted by it, and each figure would be read under
        // the header of its left neighbour.
        return None;
    }
    let sum_column = headers.iter().rposition(|h| SUM_HEADER.is_match(h));
    let difference_column = headers
        .iter()
        .position(|h| glued::DIFFERENCE_HEADER.is_match(h))
        .filter(|&d| d >= 2);
    // `Utfall 2013 … Budget 2013 Budget-avvikelse`: a budget deviation is the outcome less the
    // budget, wherever those columns stand.
    let (difference_column, difference_of) = match difference_column {
        Some(d) => (Some(d), None),
        None => match budget_deviation(&headers) {
            Some((a, b, d)) => (Some(d), Some((a, b))),
            None => (None, None),
        },
    };
    let arithmetic = Arithmetic {
        sum_column,
        difference_column,
        difference_of,
    };
    // Only a width the header line or a header row of years states, or the rows beside a count
    // column establish (`dropped_width`), is firm enough to read a row as OCR leaves it.
    // A single value column is read so whatever the layout: each row's figures are one number.
    let single = stated == Some(1) && years.is_none();
    let ocr = (stated.is_some() && (single || !natural)) || dropped.is_some();
    let note = header::names_note(&label_header);
    // Columns that stand apart by gaps: a short row's figures go where they line up.
    let edges = (!natural)
        .then(|| aligned::edges(text, &rows, width))
        .flatten();
    // Cells joined by single spaces: a label gap wider than the full rows' is an empty cell.
    let leads: Vec<(u64, usize)> = rows
        .iter()
        .filter_map(|r| gaps::spaced_lead(text, r))
        .collect();
    let lead = gaps::common_lead(&leads, width);
    let body: Vec<(Row, Result<Vec<Num>, String>)> = rows
        .into_iter()
        .map(|mut r| {
            let dashed = (r.doubt == Some(rows::Doubt::EmptyCell))
                .then(|| dashes::read(text, &r, width, note))
                .flatten();
            let lined_up = edges
                .as_ref()
                .filter(|_| dashed.is_none())
                .and_then(|e| aligned::read(text, &r, width, e));
            let got = match (dashed, lined_up) {
                (Some((nums, columns)), _) => {
                    (r.placed, r.doubt) = (columns, None);
                    Ok(nums)
                }
                (None, Some(Ok((nums, columns)))) => {
                    r.placed = columns;
                    Ok(nums)
                }
                (None, Some(Err(why))) => Err(why),
                (None, None) => read_row(text, &mut r, width, arithmetic, ocr),
            };
            // Single spaces between cells: a wider gap among the figures is an empty cell.
            let gapped = (got.is_err() && !natural)
                .then(|| gaps::read(text, &r, width, sum_column, lead))
                .flatten();
            let got = match gapped {
                Some((nums, columns)) => {
                    r.placed = columns;
                    Ok(nums)
                }
                None => got,
            };
            (r, got)
        })
        .collect();
    let mut body = body;
    // One profile of the columns for the passes that weigh rows against them, taken again after
    // a pass changes a row (each pass sees the rows the one before it left).
    let mut profile = ColumnProfile::of(text, &body, width);
    if years.as_ref().is_some_and(|y| y.names.is_empty())
        && profile::doubt_run_together(text, &mut body, &profile)
    {
        profile = ColumnProfile::of(text, &body, width);
    }
    if bound_totals(text, &mut body, width) {
        profile = ColumnProfile::of(text, &body, width);
    }
    // Before the rows in doubt are decided by their columns: those readings are weighed there.
    if profile::doubt_loose_rows(text, &mut body, &profile) {
        profile = ColumnProfile::of(text, &body, width);
    }
    profile::shape_columns(text, &mut body, &profile);
    if ocr {
        // Only under a width the headers state is a row read as OCR leaves it.
        profile::shape_dropped_columns(text, &mut body, &profile);
    }
    sums::decide(text, &mut body, width);
    sums::grand_totals(text, &mut body, width);
    if let Some(t) = arithmetic.difference() {
        doubt_broken_differences(text, &mut body, t);
    }
    let read_ok = body.iter().filter(|(_, r)| r.is_ok()).count();
    if read_ok < 2 {
        return None;
    }
    let mut cut = false;
    if let Some((label, names)) = glued_headers(lines, head).filter(|(_, n)| n.len() > width) {
        let named = pieces.len() >= names.len()
            && pieces[pieces.len() - names.len()..]
                .iter()
                .zip(&names)
                .all(|(p, n)| p == n);
        // `BokslutDelårsrapp jan-augAvvikelse` over `Servicenämnd673235`: an export that ran the
        // header cells together ran each row's cells together too, so a row's figure may be
        // several cells (`67 | 32 | 35`): cut where the headers' arithmetic decides it.
        if glued::read(text, &mut body, &names, named) {
            cut = true;
            let pieces = &pieces[..pieces.len().saturating_sub(names.len())];
            // The headers `columns` chose were guessed for one column a row: named again.
            label_header = String::new();
            let pieces = match label {
                Some(l) if pieces.last().is_some_and(|p| p == l) => {
                    label_header = l.to_string();
                    &pieces[..pieces.len() - 1]
                }
                _ => pieces,
            };
            caption = pieces.join(" ");
            headers = names.iter().map(|h| h.to_string()).collect();
            width = names.len();
        }
    }
    // A long run of digits run into its label that no header's arithmetic cut may be several
    // cells run together: the row is listed unresolved (the table is kept to list it).
    if !cut {
        for (r, read) in &mut body {
            if read.is_ok() && rows::run_together(text, r) {
                *read = Err(rows::Doubt::RunTogether.reason().to_string());
            }
        }
    }
    let money = money_columns(&headers, &body, width);
    let unit =
        rows_unit(text, &body).or_else(|| written_unit(&caption, &label_header, &headers, &money));
    Some(Shaped {
        first_line,
        end_line,
        caption,
        label_header,
        headers,
        money,
        body,
        unit,
    })
}

/// The unit the caption, the label column's header or a money column's header states.
fn written_unit(
    caption: &str,
    label_header: &str,
    headers: &[String],
    money: &[bool],
) -> Option<TableUnit> {
    let mut unit_text = caption.to_string();
    let money_headers = headers.iter().zip(money).filter(|(_, m)| **m);
    for h in std::iter::once(label_header).chain(money_headers.map(|(h, _)| h.as_str())) {
        unit_text.push('\n');
        unit_text.push_str(h);
    }
    unit::written(&unit_text)
}

/// A header line read word by word: the label column's header, then the column headers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HeaderLine {
    caption: String,
    /// How many of the header pieces stand above the header line (the caption's).
    above: usize,
    label: String,
    headers: Vec<String>,
}

/// The headers of a line that opens with a label column's header (`Region`, `Län`, `Kommun`)
/// and names each column up to a unit word or a year (`Region Grundbelopp kronor
/// Prestationsdel kronor`, `Kommun Bidrag 2024 Bidrag 2025`): OCR keeps no column gaps, but
/// these words still close a header. `None` when a header is left open (`Region Grundbelopp
/// Prestationsdel`: one column or two?) or no such line is there.
fn header_columns(pieces: &[String]) -> Option<HeaderLine> {
    let first_word = |p: &String| p.split_whitespace().next().unwrap_or("").to_string();
    let at = pieces
        .iter()
        .rposition(|p| is_label_header(&first_word(p)))?;
    // The label column's name opens the header right above the rows: a sentence or caption
    // after it shows a heading far above instead (`Region Västerbotten`, a letterhead, over
    // `… enligt tabellen nedan.`), whose words would be read as the headers.
    let sentence = |p: &String| p.split_whitespace().count() >= 5 || p.trim_end().ends_with('.');
    if pieces[at + 1..].iter().any(sentence) {
        return None;
    }
    let label = first_word(&pieces[at]);
    let words: Vec<&str> = pieces[at..]
        .iter()
        .flat_map(|p| p.split_whitespace())
        .skip(1)
        .collect();
    let is_unit = |w: &str| !numeral::units_in(w).is_empty();
    // A difference column's name closes its header where the line or the next header (a
    // capital) ends it: `Budget 2025 Budget 2026 Förändring`, as OCR runs a header line
    // together. Not where the export kept its column gaps (the gaps state the columns there),
    // and not inside a header (`Förändring mot budget 2025`).
    let one_line = pieces.len() - at == 1;
    let headers_of = |words: &[&str]| -> (Vec<String>, bool) {
        let mut headers = Vec::new();
        let mut open: Vec<&str> = Vec::new();
        for (i, &w) in words.iter().enumerate() {
            open.push(w);
            let difference = one_line
                && open.len() == 1
                && glued::DIFFERENCE_HEADER.is_match(w)
                && words
                    .get(i + 1)
                    .is_none_or(|n| n.starts_with(char::is_uppercase));
            if numeral::is_year(w) || is_unit(w) || difference {
                headers.push(open.join(" "));
                open.clear();
            }
        }
        (headers, open.is_empty())
    };
    // A line of one unit a column under the headers (`Kommun Beviljat 2025 Beviljat 2026
    // Förändring` ⏎ `kr kr kr`, joined to it as a line opening in lower case is) states each
    // column's unit; read as headers of their own, its units made five columns of three. So does
    // one unit under one header (`Anslag 2026` ⏎ `(mnkr)`): as a header of its own, it made two
    // columns of one, and each figure two cells (`19 | 876,4`).
    let units = words.iter().rev().take_while(|w| is_unit(w)).count();
    let body = &words[..words.len() - units];
    let (headers, closed) = match headers_of(body) {
        (mut headers, true) if units >= 1 && headers.len() == units => {
            for (h, u) in headers.iter_mut().zip(&words[body.len()..]) {
                h.push(' ');
                h.push_str(u);
            }
            (headers, true)
        }
        _ => headers_of(&words),
    };
    (closed && !headers.is_empty()).then(|| HeaderLine {
        caption: pieces[..at].join(" "),
        above: at,
        label,
        headers,
    })
}

/// (width, label header, column headers, caption) of a table.
fn columns(
    text: &str,
    pieces: &[String],
    years: Option<&Row>,
    mask: u64,
    natural: bool,
) -> (usize, String, Vec<String>, String) {
    if let Some(y) = years {
        let headers: Vec<String> = if !y.names.is_empty() {
            y.names.clone()
        } else {
            y.groups
                .iter()
                .map(|g| text[g.start..g.end].to_string())
                .collect()
        };
        if let Some(s) = header::spanning(pieces, &headers) {
            return (s.headers.len(), y.label.clone(), s.headers, s.caption);
        }
        // `Län Medel 2025`: the label column's name, then the one column's header up to its
        // year, as on a header line without one (`Län Medel i kronor`).
        if let ([year], Some((label, rest))) = (headers.as_slice(), names_label_column(&y.label))
            && y.names.is_empty()
        {
            let header = format!("{rest} {year}");
            return (1, label.to_string(), vec![header], pieces.join(" "));
        }
        return (headers.len(), y.label.clone(), headers, pieces.join(" "));
    }
    let narrowest = mask.trailing_zeros() as usize;
    let mut width = narrowest;
    if !natural {
        // Single spaces between columns: the headers say how many there are.
        let columns = pieces
            .iter()
            .skip_while(|p| unit::is_caption(p))
            .filter(|p| !is_label_header(p))
            .count();
        // Else one header line naming its columns at their capitals (`Län Antal projekt
        // Beviljat belopp (kr) Andel (%)`): its count decides between the readings of the rows
        // (`Skåne län 12 4 500 000 45` is three figures, not a label ending in `12`).
        if columns > 0 && columns < 64 && mask & (1 << columns) != 0 {
            width = columns;
        } else if let Some(w) = pieces.last().and_then(|last| capitalised_width(last, mask)) {
            width = w;
        }
    }
    // Caption lines above the headers: a caption by its words always, a bare unit (`KRONOR`) only
    // while more pieces remain than there are columns.
    let lead = pieces
        .iter()
        .enumerate()
        .take_while(|&(k, p)| {
            unit::is_caption_opener(p) || (unit::is_caption(p) && pieces.len() - k > width)
        })
        .count();
    let all = pieces;
    let (above, pieces) = pieces.split_at(lead);
    let n = pieces.len();
    // `Kommun Antal invånare Belopp (kr)` over rows of two figures: one header line with single
    // spaces, each column's header opening with a capital.
    // Also when the lines above it (`Bilaga 2`, a caption) would each have headed a column: a
    // line holding a word per column names them all.
    if width >= 2
        && let Some((last, rest)) = all.split_last()
        && (n < width || last.split_whitespace().count() > width)
        && let Some((label, headers)) = capitalised_headers(last, width)
    {
        return (width, label, headers, rest.join(" "));
    }
    let (label_header, headers, mut caption) = if n > width {
        (
            pieces[n - width - 1].clone(),
            pieces[n - width..].to_vec(),
            pieces[..n - width - 1].join(" "),
        )
    } else if n == width {
        (String::new(), pieces.to_vec(), String::new())
    } else {
        (String::new(), vec![String::new(); width], pieces.join(" "))
    };
    if !above.is_empty() {
        caption = [above.join(" "), caption].join(" ").trim().to_string();
    }
    // `Region Belopp` over `Region Stockholm 12 500 000`: a header line with single spaces holds
    // the label column's name before the figures' header, as a tab between them would show.
    // The piece above it was then the caption's, not the label column's header.
    // Only for one column: headers over several (`Region Stockholm`, `Region Skåne`) may each
    // name a place.
    let (label_header, mut headers) = match headers.as_slice() {
        [only] => match names_label_column(only) {
            Some((label, own)) => {
                if !label_header.is_empty() {
                    caption = [caption.as_str(), label_header.as_str()]
                        .join(" ")
                        .trim()
                        .to_string();
                }
                (label.to_string(), vec![own.to_string()])
            }
            None => (label_header, headers),
        },
        _ => (label_header, headers),
    };
    // `Belopp (kr) Ändamål` over `IFK Lund 25 000 Ungdomsverksamhet`: words after the unit
    // that closes a one-column header head the text column after the figures.
    if let [only] = headers.as_mut_slice()
        && let Some(cut) = text_column_after_unit(only)
    {
        only.truncate(cut);
    }
    // `2.2.1Låneram och krediter` over `Låneram …100 000`: a numbered section's heading heads
    // the one column by its title; its number is the section's, not the column's.
    if let [only] = headers.as_mut_slice()
        && let Some(title) = header::section_title(only)
    {
        *only = title.to_string();
    }
    (width, label_header, headers, caption)
}

/// A header line that names `width` columns, each header opening with a capital (`Antal
/// invånare`, `Belopp (kr)`, `Budget 2025`, `Förändring`), perhaps after the label column's
/// name (`Kommun`, one word): its (label column's header, column headers). Swedish capitalises
/// only a header's first word, so the capitals are where the headers begin. `None` unless the
/// count is exactly right, and for a caption (`Tabell 2. Medel …`).
fn capitalised_headers(line: &str, width: usize) -> Option<(String, Vec<String>)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = words.first()?;
    // A full stop ends a caption's sentence, not the period of a unit's abbreviation
    // (`Statsbidrag, kr.`), which closes the last header.
    let abbreviated = words
        .last()
        .is_some_and(|w| w.ends_with('.') && !numeral::units_in(w).is_empty());
    let closed = line.ends_with(':') || (line.ends_with('.') && !abbreviated);
    if unit::opens_with_caption_word(&first.to_lowercase()) || closed {
        return None;
    }
    // A year after a header's word is that header's (`Budget 2025`); failing that, each year
    // is a header of its own (`Projekt 2025 2026 2027 Totalt`).
    [false, true]
        .into_iter()
        .find_map(|years_apart| headers_at_capitals(&words, width, years_apart))
}

/// The number of columns a header line names at its capitals ([`capitalised_headers`]), when
/// the rows can be read as that many (`mask`, a bit per width). The fewer first: a first word
/// that may name the label column (`Län`) does, rather than head a column of its own.
fn capitalised_width(line: &str, mask: u64) -> Option<usize> {
    (2..64)
        .filter(|&w| mask & (1 << w) != 0)
        .find(|&w| capitalised_headers(line, w).is_some())
}

/// [`capitalised_headers`] with a year opening a header of its own or not.
fn headers_at_capitals(
    words: &[&str],
    width: usize,
    years_apart: bool,
) -> Option<(String, Vec<String>)> {
    let mut parts: Vec<Vec<&str>> = Vec::new();
    for &w in words {
        let opens = w.starts_with(char::is_uppercase) || (years_apart && numeral::is_year(w));
        match parts.last_mut() {
            Some(part) if !opens => part.push(w),
            _ => parts.push(vec![w]),
        }
    }
    if parts.iter().any(|p| p.len() > 4) {
        return None; // a sentence, not headers
    }
    // A year run into its header's name (`Utfall2013`) is that header's year, written apart as
    // the other headers write theirs (`Budget 2013`).
    let joined: Vec<String> = parts
        .iter()
        .map(|p| {
            p.iter()
                .map(|w| year_apart(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if joined.len() == width {
        return Some((String::new(), joined));
    }
    // The label column's header: a name (`Län`) or the table's unit (`(tkr)`).
    let label_word = joined.len() == width + 1
        && parts[0].len() == 1
        && (joined[0].chars().all(char::is_alphabetic) || is_unit_in_parentheses(&joined[0]));
    label_word.then(|| (joined[0].clone(), joined[1..].to_vec()))
}

/// A header word with its year run into its name (`Utfall2013`) as the name and the year apart
/// (`Utfall 2013`); any other word as written.
fn year_apart(word: &str) -> std::borrow::Cow<'_, str> {
    let cut = word.len().saturating_sub(4);
    match (word.get(..cut), word.get(cut..)) {
        (Some(name), Some(year))
            if numeral::is_year(year)
                && name.chars().count() >= 2
                && name.chars().all(char::is_alphabetic)
                && name.ends_with(char::is_lowercase) =>
        {
            format!("{name} {year}").into()
        }
        _ => word.into(),
    }
}

/// Where a header closed by its unit (`Belopp (kr)`, `Beviljat belopp, kr`) is followed by the
/// header of a text column (`Ändamål`, `Kommentar`): the byte length of the money column's
/// header. `None` when nothing follows the unit, or what follows holds a figure (`tkr 2025`).
fn text_column_after_unit(header: &str) -> Option<usize> {
    let mut end = 0;
    let mut unit_end = None;
    for w in header.split_whitespace() {
        let at = header[end..].find(w)? + end;
        end = at + w.len();
        let bare = w.trim_matches(|c: char| "(),.:;".contains(c));
        if !bare.is_empty() && !numeral::units_in(bare).is_empty() {
            unit_end = Some(end);
        }
    }
    let cut = unit_end?;
    let rest = header[cut..].trim();
    let text = rest.starts_with(char::is_uppercase)
        && rest.split_whitespace().count() <= 3
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    text.then_some(cut)
}

/// A header's first word when it names what the rows are (`Kommun`, `Förening`), and the rest
/// of the header: `Kommun Belopp (tkr)` is the label column's name, then the figures' header.
/// Only words that name who or where the rows are, never what the money is: `Anslag 2024`
/// and `Verksamhet Budget` may be one column's header.
fn names_label_column(header: &str) -> Option<(&str, &str)> {
    let header = header.trim();
    let (mut first, mut rest) = header.split_once(' ')?;
    // A code column before the names (`Kommunkod Kommun Belopp`): both head the labels.
    let code = first.to_lowercase();
    if code.ends_with("kod") || code == "nr" {
        let (second, after) = rest.trim_start().split_once(' ')?;
        (first, rest) = (&header[..header.len() - after.len() - 1], after);
        if !names_who(&second.to_lowercase()) {
            return None;
        }
    } else if !(names_who(&first.to_lowercase()) || (capitalised(first) && names_money(rest))) {
        // `Anslagspost Belopp`, `Trossamfund Belopp (kr)`: a word naming the rows, then a
        // header of money, which never goes on from a name.
        return None;
    }
    let rest = rest.trim_start();
    (!rest.is_empty() && !is_label_header(rest)).then_some((first.trim_end(), rest))
}

/// Whether a word opens with a capital and is all letters (`Trossamfund`).
fn capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
}

/// Whether a header names a money column by its word or its unit (`Belopp`, `Belopp i kr`,
/// `Beviljat (kr)`, `Bidrag (tkr)`): a word before it on a one-column header line is then the
/// label column's name (`Trossamfund Belopp (kr)`), whatever the rows are.
fn names_money(header: &str) -> bool {
    let h = header.trim();
    let unit_closes = h
        .strip_suffix(')')
        .and_then(|h| h.rsplit_once('('))
        .is_some_and(|(_, unit)| numeral::units_in(unit).len() == 1);
    let belopp = h
        .strip_prefix("Belopp")
        .is_some_and(|after| after.is_empty() || after.starts_with([' ', '(', ',', ':']));
    h.starts_with(char::is_uppercase) && (belopp || unit_closes)
}

/// A label that ends in a lone letter OCR reads for a digit (`Gnesta S 811 6075` for `5 811`,
/// `O` for `0`, `l` for `1`) or in a word of letters and digits (`län` read as `1in`, then
/// `1in89 195`): the row's first number may have lost its head.
fn misread_digit(r: &Row) -> bool {
    let last = r.label.rsplit(' ').next().unwrap_or("");
    let mixed = last.chars().any(|c| c.is_ascii_digit()) && lines::has_letter(last);
    r.label.contains(' ')
        && (mixed || matches!(last, "S" | "O" | "o" | "l" | "I" | "B" | "Z" | "G"))
}

/// The mark OCR left run into a row's first figure (`(ramansla@3 675` for `(ramanslag) 705 675`):
/// no label or figure is written with `@`, `©`, `¢`, `~` and the like touching a digit, so the
/// mark stands where OCR lost characters, perhaps digits of the figure. A bracket, colon or
/// letter run into a figure (`(ram)2 570 780`, `42:7003`) is how exports write it, and so is a
/// pipe (`|640|`): not marks.
fn stray_mark_before(text: &str, r: &Row) -> Option<char> {
    let first = r.groups.first()?;
    let c = text[..first.start].chars().next_back()?;
    matches!(
        c,
        '@' | '©' | '®' | '¢' | '£' | '¥' | '«' | '»' | '~' | '_' | '{' | '}' | '\\' | '^'
    )
    .then_some(c)
}

/// The digit a letter OCR reads for it stands for (`S` for `5`, `O` for `0`, `l` for `1`).
fn digit_look_alike(c: char) -> Option<char> {
    match c {
        'S' => Some('5'),
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        'B' => Some('8'),
        'Z' => Some('2'),
        _ => None,
    }
}

/// A row of one line whose figures hold a lone letter OCR read for a digit *between* two digit
/// groups (`Heby 4822 S 084`): no label word ends in a figure and a letter, so the letter is a
/// digit of the figures (`4822 | 5 084`). It is read as that digit, the text left as written,
/// where the row then reads one way only (as typeset, else as OCR drops group spaces; a total
/// row as typeset only). A letter at the label's edge (`Gnesta S 811 6075`: a label `Gnesta S`
/// or a figure `5 811`) or run into a group (`S88`) is no such reading: the row stays unresolved.
/// Returns the row's label without the figures and the numbers.
fn read_letter_digits(
    text: &str,
    r: &Row,
    width: usize,
    arithmetic: Arithmetic,
) -> Option<(String, Vec<Num>)> {
    let first = r.groups.first()?;
    let line_start = text[..first.start]
        .rfind(['\n', '\x0c'])
        .map_or(0, |i| i + 1);
    let line_end = text[first.start..]
        .find(['\n', '\x0c'])
        .map_or(text.len(), |i| first.start + i);
    if r.groups.last()?.end > line_end {
        return None; // a row over several lines: its figures are not one run
    }
    // Lone look-alike letters among the figures before the row's first group, right to left; the
    // token left of each must be a figure (digits, perhaps a decimal comma).
    let head = &text[line_start..first.start];
    let mut shadow = head.as_bytes().to_vec();
    let mut read_at = Vec::new();
    let tokens: Vec<(usize, &str)> = head
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_figure = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == ',')
    };
    for k in (1..tokens.len()).rev() {
        let (at, w) = tokens[k];
        let mut chars = w.chars();
        match (chars.next().and_then(digit_look_alike), chars.next()) {
            (Some(d), None) if is_figure(tokens[k - 1].1) => {
                shadow[at] = d as u8;
                read_at.push(line_start + at);
            }
            _ if is_figure(w) => {}
            _ => break,
        }
    }
    if read_at.is_empty() {
        return None;
    }
    // The line as read, alone: the figures are read from it and their offsets shifted to the
    // text's. A copy of the whole text for each such row made a long document's reading
    // quadratic, and held a second text at once.
    let mut line = String::with_capacity(line_end - line_start);
    line.push_str(std::str::from_utf8(&shadow).ok()?);
    line.push_str(&text[first.start..line_end]);
    let line = line.as_str();
    let (label_end, in_line) = lines::trailing_groups(line.trim_end());
    let mut groups = in_line.clone();
    for g in &mut groups {
        g.start += line_start;
        g.digits += line_start;
        g.end += line_start;
    }
    let label = line[..label_end].trim();
    // The letters read lie inside the figures, the row's groups end them, and a label is left.
    let inside = groups
        .first()
        .is_some_and(|g| read_at.iter().all(|&a| a > g.start));
    let ends = groups.len() > r.groups.len()
        && groups[groups.len() - r.groups.len()..]
            .iter()
            .zip(&r.groups)
            .all(|(a, b)| a.start == b.start && a.end == b.end);
    if !inside || !ends || !lines::has_letter(label) {
        return None;
    }
    let typeset = split::read(line, &in_line, width, arithmetic, Grouping::Strict);
    let mut nums = match typeset {
        Err(_) if !Shaped::is_total(r) => {
            split::read(line, &in_line, width, arithmetic, Grouping::Dropped)
        }
        other => other,
    }
    .ok()?;
    for n in &mut nums {
        n.start += line_start;
        n.end += line_start;
    }
    // The label as the row has it (lines joined), less the figures that were read out of it.
    let figures = text[line_start + label_end..first.start].trim_end();
    let own = r
        .label
        .trim_end()
        .strip_suffix(figures)
        .map_or(label, str::trim_end);
    Some((own.to_string(), nums))
}

/// A row's numbers as `width` columns; a loose first group may belong to the label. With `ocr`,
/// a row that cannot be read as typeset is read as if OCR had dropped group spaces, and a row
/// whose label may hold a digit OCR misread is not read.
fn read_row(
    text: &str,
    r: &mut Row,
    width: usize,
    arithmetic: Arithmetic,
    ocr: bool,
) -> Result<Vec<Num>, String> {
    if let Some(why) = r.doubt {
        return Err(why.reason().to_string());
    }
    if let Some(mark) = stray_mark_before(text, r) {
        return Err(format!(
            "its figures follow `{mark}` with no space: OCR may have read a digit as the mark"
        ));
    }
    if ocr && misread_digit(r) {
        if let Some((label, nums)) = read_letter_digits(text, r, width, arithmetic) {
            r.label = label;
            return Ok(nums);
        }
        return Err(format!(
            "the label ends in `{}`, perhaps a misread digit of the first number",
            r.label.rsplit(' ').next().unwrap_or("")
        ));
    }
    let bit = 1 << width.min(63);
    if r.lines_are_cells
        && let Some(one_a_line) = rows::cell_widths(text, &r.groups)
        && one_a_line & bit == 0
    {
        // One cell per line: a line's digit groups are one figure, whatever the width asks.
        return Err(format!(
            "its {} figures stand one a line, not {width}",
            one_a_line.trailing_zeros()
        ));
    }
    let whole = split::read(text, &r.groups, width, arithmetic, Grouping::Strict);
    let strict_bit = |g: &[lines::Group]| split::widths(text, g, Grouping::Strict) & bit != 0;
    let typeset = match whole {
        Err(_) if r.loose_first && !strict_bit(&r.groups) => {
            let without = split::read(text, &r.groups[1..], width, arithmetic, Grouping::Strict);
            // `Jönköpings län 52 387555`: the loose group is a code of the label only if it is
            // no figure's first group; OCR that dropped a group space (`52 387 555`) leaves
            // the same text, and the label's code would make `387 555` of 52 387 555.
            if without.is_ok() && split::widths(text, &r.groups, Grouping::Dropped) & bit != 0 {
                let (first, last) = (r.groups[0], r.groups[r.groups.len() - 1]);
                return Err(format!(
                    "`{}` may be one number whose group space OCR dropped, or a code and a number",
                    &text[first.start..last.end]
                ));
            }
            without
        }
        other => other,
    };
    if let Ok(nums) = &typeset
        && !ocr
        && dropped_space_doubt(text, nums)
    {
        return Err(format!(
            "`{}` may be one number whose group space OCR dropped",
            &text[nums[0].start..nums[nums.len() - 1].end]
        ));
    }
    // A total row is read as typeset only: a digit OCR added to it (`län` read as `1`) would make
    // a wrong total look exact.
    match typeset {
        Err(_) if ocr && r.widths & bit == 0 && !Shaped::is_total(r) => {
            let nums = split::read(text, &r.groups, width, arithmetic, Grouping::Dropped)?;
            // Read as OCR left it, a row is a guess at where spaces were lost (`7 104 220 191
            // 8380`, a digit added, is `7 104 220 191 | 8380`); where the headers name a
            // difference column, the guess must make it the difference, or the row is left.
            match arithmetic.difference() {
                Some(t) if !split::differs(&nums, t) => Err(format!(
                    "read as OCR left it, `{}` does not make column {} the difference of \
                     columns {} and {}",
                    &text[nums[0].start..nums[nums.len() - 1].end],
                    t.2 + 1,
                    t.0 + 1,
                    t.1 + 1
                )),
                _ => Ok(nums),
            }
        }
        other => other,
    }
}

/// Sets aside the rows whose figures a single space parts and whose difference column does not
/// hold, where at least two other rows show that it does: `Fastigheter 61200 48 30052100 3 800`
/// under `Budget 2026 Plan 2027 Plan 2028 Differens`, read the one way its groups allow, is OCR
/// having dropped the spaces of `61 200 48 300 52 100` (`48 | 30052100`); `7 104 220 191 8380`
/// (a digit added) was `7 104 220 191 | 8380`. Rows whose figures stand apart (a tab, a wide
/// gap, a line each, decimals ending a figure) are read as written: nothing there was guessed.
fn doubt_broken_differences(
    text: &str,
    body: &mut [(Row, Result<Vec<Num>, String>)],
    (a, b, d): (usize, usize, usize),
) {
    let holds = body
        .iter()
        .filter(|(_, got)| {
            got.as_ref()
                .is_ok_and(|nums| split::differs(nums, (a, b, d)))
        })
        .count();
    if holds < 2 {
        return;
    }
    for (row, got) in body.iter_mut() {
        let Ok(nums) = got else { continue };
        if !row.placed.is_empty() || split::differs(nums, (a, b, d)) {
            continue;
        }
        // A figure with decimals ends at them (`-415,9 -410,1 -5,7`): a cut after it is no
        // guess, whatever the space.
        let cut_at_space = nums.windows(2).any(|w| {
            w[0].value.decimals == 0
                && row
                    .groups
                    .iter()
                    .any(|g| g.start == w[1].start && g.join == lines::Join::Space)
        });
        if cut_at_space {
            let span = &text[nums[0].start..nums[nums.len() - 1].end];
            *got = Err(format!(
                "`{span}` does not make column {} the difference of columns {} and {}, as the \
                 other rows do: a group space OCR dropped or a digit it added may have moved a cut",
                d + 1,
                a + 1,
                b + 1
            ));
        }
    }
}

/// A budget deviation column (`Budget-avvikelse`, `Budgetavvikelse`, `Avvikelse mot budget`)
/// and the columns it is the difference of: the nearest before it headed by the outcome
/// (`Utfall`, `Bokslut`, `Prognos`) and the nearest headed by the budget, as (outcome, budget,
/// deviation). `None` unless each is there once before it, apart.
fn budget_deviation(headers: &[String]) -> Option<(usize, usize, usize)> {
    let d = headers.iter().position(|h| BUDGET_DEVIATION.is_match(h))?;
    let opens = |h: &str, words: &[&str]| {
        let first = h.split_whitespace().next().unwrap_or("").to_lowercase();
        words.contains(&first.as_str())
    };
    let last_of = |words: &[&str]| headers[..d].iter().rposition(|h| opens(h, words));
    let outcome = last_of(&["utfall", "bokslut", "prognos"])?;
    let budget = last_of(&["budget"])?;
    (outcome != budget).then_some((outcome, budget, d))
}

/// A header naming a budget deviation: the outcome less the budget.
static BUDGET_DEVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) ^ \s* (?: budget \s* -? \s* avvikelse | avvikelse \s+ (?: mot | från ) \s+ budget )",
    )
    .expect("valid regex")
});

/// Total rows whose digit groups split several ways (`Summa 99 849 104 053`), read the one way
/// in which every column is at least the largest figure above it in its section: a sum of
/// parts that are all non-negative is never smaller than one of them, so `99 | 849 104 053`
/// under rows of four and five digits is no reading. A column with a negative part above, or
/// none read, bounds nothing; two readings left leave the row unresolved. Returns whether a
/// row was read.
fn bound_totals(text: &str, body: &mut [(Row, Result<Vec<Num>, String>)], width: usize) -> bool {
    let mut changed = false;
    let mut from = 0;
    for k in 0..body.len() {
        if !Shaped::is_total(&body[k].0) {
            continue;
        }
        let section = from;
        from = k + 1;
        if body[k].1.is_ok() || body[k].0.groups.is_empty() {
            continue;
        }
        // The largest figure above in each column, `None` where a negative one or none is there.
        let largest: Vec<Option<numeral::Exact>> = (0..width)
            .map(|c| {
                let mut top: Option<numeral::Exact> = None;
                for (_, got) in &body[section..k] {
                    let Some(n) = got.as_ref().ok().and_then(|n| n.get(c)) else {
                        continue;
                    };
                    if n.value.mantissa < 0 {
                        return None;
                    }
                    let above = top.is_some_and(|t| {
                        split::compare(t, n.value) != Some(std::cmp::Ordering::Less)
                    });
                    if !above {
                        top = Some(n.value);
                    }
                }
                top
            })
            .collect();
        if largest.iter().any(Option::is_none) {
            continue;
        }
        let fits: Vec<Vec<Num>> = split::readings(text, &body[k].0.groups, width, Grouping::Strict)
            .into_iter()
            .filter(|r| {
                r.iter().zip(&largest).all(|(n, top)| {
                    top.is_some_and(|t| {
                        split::compare(n.value, t) != Some(std::cmp::Ordering::Less)
                    })
                })
            })
            .collect();
        if let [one] = fits.as_slice() {
            body[k].1 = Ok(one.clone());
            changed = true;
        }
    }
    changed
}

/// Whether two numbers of a reading may be one whose group space OCR dropped: an ungrouped
/// number of four or more digits and, one space after it, a number opening with a group of three
/// (`5580 760` or `31108 914` for `5 580 760`, `31 108 914`), or a number of one to three digits
/// and, one space after it, an ungrouped one of six or nine (`54 546990` for `54 546 990`). Where
/// no width is stated, nothing tells the two readings apart.
fn dropped_space_doubt(text: &str, nums: &[Num]) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    nums.windows(2).any(|p| {
        let (a, b) = (&text[p[0].start..p[0].end], &text[p[1].start..p[1].end]);
        let head = b.split(' ').next().unwrap_or("");
        let int = head.split(',').next().unwrap_or("");
        let long_then_group = a.len() >= 4 && !p[0].year && int.len() == 3;
        let short_then_long = a.len() <= 3 && head == b && int.len() >= 6 && int.len() % 3 == 0;
        text[p[0].end..p[1].start] == *" "
            && digits(a)
            && digits(int)
            && head[int.len()..]
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',')
            && (long_then_group || short_then_long)
    })
}

/// Whether each column holds money: not a share, count or rate by its header, not all years, not
/// percentages.
fn money_columns(
    headers: &[String],
    body: &[(Row, Result<Vec<Num>, String>)],
    width: usize,
) -> Vec<bool> {
    (0..width)
        .map(|c| {
            let counts = |h: &str| COUNT_HEADER.is_match(h) && numeral::units_in(h).is_empty();
            let header_ok = headers
                .get(c)
                .is_none_or(|h| !(names_no_money(h) || counts(h)));
            let nums: Vec<&Num> = body
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok()?.get(c))
                .collect();
            let all_years = !nums.is_empty() && nums.iter().all(|n| n.year);
            header_ok && !all_years
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_columns_header_alone_is_no_money_header_both_ways() {
        for (header, money) in [
            ("Not", false),
            ("NOT", false),
            ("Noter", false),
            ("Not.", false),
            (" Not ", false),
            ("Andel", false),
            ("Bokslut 2023", true),
            ("Nettokostnad", true),
            ("Notariatet", true),
            ("Not 2023", true),
            ("Anslag not 4", true),
        ] {
            assert_eq!(!names_no_money(header), money, "{header}");
        }
    }

    #[test]
    fn rows_under_a_lone_note_header_hold_no_money_both_ways() {
        let rows = "Verksamhetens intäkter 1\nVerksamhetens kostnader 2\nAvskrivningar 3\n\
                    Finansiella intäkter 6\n";
        let notes = format!("Resultaträkning\nBelopp i mnkr\n\nNot\n{rows}");
        assert!(read(&notes, &[]).cells.is_empty(), "{notes}");
        let money = format!("Resultaträkning\nBelopp i mnkr\n\nBokslut\n{rows}");
        let t = read(&money, &[]);
        assert_eq!(t.cells.len(), 4, "{money}");
    }

    #[test]
    fn a_figure_run_into_a_stray_mark_is_not_read_both_ways() {
        let row = |join: &str| {
            format!(
                "Anslag (tkr)\n\nAnslag Anvisat 2025\n\
                 1:5 Kammarkollegiet (ramanslag) 447 182\n\
                 2:3 Rättsliga biträden (ramanslag{join}3 675\n\
                 4:1 Statens pensionsverk (ramanslag) 86 390\n\
                 5:2 Rättegångskostnader (ramanslag) 590 184\n"
            )
        };
        for (join, cells) in [("@", 3), ("©", 3), ("~", 3), (")", 4), (") ", 4)] {
            let text = row(join);
            let t = read(&text, &[]);
            assert_eq!(t.cells.len(), cells, "{text}");
        }
    }

    #[test]
    fn words_naming_who_the_rows_are_are_found_both_ways() {
        assert!(WHO.is_sorted(), "names_who searches WHO by bisection");
        for (word, who) in [
            ("kommun", true),
            ("föreningar", true),
            ("lärosäte", true),
            ("belopp", false),
            ("verksamhet", false),
            ("kommunen", false),
        ] {
            assert_eq!(names_who(word), who, "{word}");
        }
    }

    #[test]
    fn headers_run_together_are_cut_after_their_years() {
        assert_eq!(
            run_together("mnkr Intäkter 2019Intäkter 2020Avvikelse mot budget 2020"),
            [
                "mnkr",
                "Intäkter 2019",
                "Intäkter 2020",
                "Avvikelse mot budget 2020"
            ]
        );
        // A small letter before a capital: two headers.
        assert_eq!(
            run_together("BokslutDelårsrapp jan-augAvvikelse"),
            ["Bokslut", "Delårsrapp jan-aug", "Avvikelse"]
        );
        assert_eq!(
            run_together("Anslag/apAnslagskreditIndrag av anslagsbelopp"),
            ["Anslag/ap", "Anslagskredit", "Indrag av anslagsbelopp"]
        );
        // Not a year, or a year inside a longer number, capitals in a row, a capital after a
        // space or a digit group: left alone.
        assert_eq!(run_together("Konto 12345Budget"), ["Konto 12345Budget"]);
        assert_eq!(run_together("SNI 2007 KOMMUN"), ["SNI 2007 KOMMUN"]);
        assert_eq!(run_together("Budget Prognos"), ["Budget Prognos"]);
        assert_eq!(run_together("Budget 2020"), ["Budget 2020"]);
    }

    #[test]
    fn a_header_line_under_a_caption_ending_in_a_number_opens_the_table() {
        let rows = "Socialstyrelsen     705 131     726 566     748 914\nFolkhälsa     212 000     180 500     150 000\n";
        let headers = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for caption in [
            "Tabell 3.2 Anslagsutveckling för utgiftsområde 9\nTusental kronor\n",
            "Anslag 9\n\nTusental kronor\n",
            "Tusental kronor\n",
        ] {
            let text =
                format!("{caption}        Utfall 2022     Budget 2023     Förslag 2024\n{rows}");
            let (unit, got, figures) = first_table(&text).expect("a table");
            assert_eq!(unit, 1000, "{text}");
            assert_eq!(
                got,
                headers(&["Utfall 2022", "Budget 2023", "Förslag 2024"])
            );
            assert_eq!(figures.len(), 6, "{text}");
        }
        // A row whose number is a year but whose label names none is a row (`Byggnad 2019`
        // under a column of years is no header).
        let text = "Tusental kronor\nObjekt     Belopp\nSkolan     1 200\nBadhuset     2019\nHallen     3 400\n";
        let (_, _, figures) = first_table(text).expect("a table");
        assert!(figures.contains(&"2019".to_string()), "{figures:?}");
    }

    #[test]
    fn a_caption_between_rows_opens_a_table_of_its_own() {
        let first = "Bidrag per kommun\nTusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\nHeby 4 822 5 084\n\n";
        // (table, header, figure as written) of each cell.
        let cells = |text: &str| -> Vec<(usize, String, String)> {
            read(text, &[])
                .cells
                .iter()
                .filter_map(|a| {
                    let c = a.cell.as_ref()?;
                    let figure = text.chars().skip(a.start).take(a.end - a.start);
                    Some((c.table, c.header.clone(), figure.collect()))
                })
                .collect()
        };
        let cell = |t: usize, h: &str, f: &str| (t, h.to_string(), f.to_string());
        for caption in [
            "Tabell 2 Anslag per myndighet (tkr)",
            "Anslag per myndighet (tkr)",
            "Belopp i tusental kronor",
        ] {
            let text = format!(
                "{first}{caption}\nMyndighet Belopp\nSkolverket 5 194 000\nBoverket 5 960 000\n"
            );
            let got = cells(&text);
            // Not `5 | 194 000` under the years above.
            assert_eq!(got.len(), 6, "{caption}: {got:?}");
            assert_eq!(got[4].0, 1, "{caption}: {got:?}");
            assert_eq!(got[4].2, "5 194 000", "{caption}: {got:?}");
        }
        // A table continued after a page break goes on under its columns.
        let text =
            format!("{first}\u{c}Tabell 1 (forts.) Tusental kronor\nUppsala 49 457 51 751\n");
        assert_eq!(cells(&text)[4], cell(0, "2024", "49 457"));
        // A text line that states no unit is no caption: a sub-heading inside the table.
        let text = format!("{first}Övriga kommuner\nUppsala 49 457 51 751\n");
        assert_eq!(cells(&text)[5], cell(0, "2025", "51 751"));
    }

    /// The figures of the table's total row as written, or its unresolved reason.
    fn total_row(text: &str) -> Result<Vec<String>, String> {
        let t = read(text, &[]);
        let table = t.tables.first().ok_or("no table")?;
        if let Some(u) = table.unresolved.iter().find(|u| u.label == "Summa") {
            return Err(u.reason.clone());
        }
        Ok(t.cells
            .iter()
            .filter(|c| c.cell.as_ref().is_some_and(|c| c.label == "Summa"))
            .map(|c| text[c.start..c.end].to_string())
            .collect())
    }

    /// (unit in kronor, column headers, figures as written) of the first table read.
    fn first_table(text: &str) -> Option<(i64, Vec<String>, Vec<String>)> {
        let t = read(text, &[]);
        let table = t.tables.first()?;
        let figures = t
            .cells
            .iter()
            .map(|c| text.chars().skip(c.start).take(c.end - c.start).collect())
            .collect();
        Some((table.unit.kronor, table.headers.clone(), figures))
    }

    #[test]
    fn a_unit_line_under_one_header_is_that_columns_unit() {
        let rows = "Rikets styrelse                     19 876,4\n\
                    Samhällsekonomi                     17 412,9\n\
                    Skatt, tull och exekution           13 200,1\n\
                    Summa                               50 489,4\n";
        let figures = ["19 876,4", "17 412,9", "13 200,1", "50 489,4"].map(String::from);
        for unit in ["(mnkr)", "mnkr"] {
            let text = format!(
                "Tabell 3\n\nUtgiftsområde                       Anslag 2026\n\
                 {:36}{unit}\n{rows}",
                ""
            );
            let (kronor, headers, got) = first_table(&text).expect("a table");
            assert_eq!(kronor, 1_000_000, "{text}");
            assert_eq!(headers, [format!("Anslag 2026 {unit}")], "{text}");
            assert_eq!(got, figures, "{text}");
        }
        // Under two headers, two columns: the unit line is the second's (no single column).
        let text = format!(
            "Område                Anslag 2025    Anslag 2026\n{:36}(mnkr)\n\
             Norr                  12 400         13 100\nSöder                 9 800          10 050\n",
            ""
        );
        let (_, headers, got) = first_table(&text).expect("a table");
        assert_eq!(headers.len(), 2, "{headers:?}");
        assert_eq!(got, ["12 400", "13 100", "9 800", "10 050"], "{text}");
    }

    #[test]
    fn an_amount_in_prose_above_a_table_states_no_unit_for_it() {
        let table = "Tabell 1. Medel per län, kronor\n\nLän                     Belopp\n\
                     Stockholms län          1 200 000 000\nUppsala län               800 000 000\n\
                     Totalt                  2 000 000 000\n";
        let text = format!(
            "Regeringen fördelar totalt 2 miljarder kronor enligt tabellen nedan.\n\n{table}"
        );
        let (kronor, _, got) = first_table(&text).expect("a table");
        assert_eq!(kronor, 1);
        assert_eq!(got, ["1 200 000 000", "800 000 000", "2 000 000 000"]);
    }

    #[test]
    fn a_column_counting_people_is_no_money_whatever_the_other_headers_unit() {
        let text = "Län                      Befolkning       Medel, tkr\n\
                    Stockholms län           2 454 821           234 000\n\
                    Skåne län                1 402 425           134 000\n\
                    Summa                    3 857 246           368 000\n";
        let (kronor, _, got) = first_table(text).expect("a table");
        assert_eq!(kronor, 1000);
        assert_eq!(got, ["234 000", "134 000", "368 000"]);
        // A count header that states a unit of money is money.
        let text = text
            .replace("Befolkning", "Bidrag för elever, kr")
            .replace("Medel, tkr", "Medel, kr");
        let (_, _, got) = first_table(&text).expect("a table");
        assert_eq!(got.len(), 6, "{got:?}");
    }

    #[test]
    fn a_long_run_of_digits_run_into_its_label_is_no_figure() {
        // (rows under a caption in kronor, the figures read)
        for (rows, want) in [
            // Cells run together as the label runs into them: 623 409 628 or 623, 409, 628?
            (
                "Årets resultat623409628\nFinansnetto1036326\nSkattenetto6868643\n",
                vec![],
            ),
            // Grouped, or short enough to be one figure, or set apart from the label: read.
            (
                "Disponeras av Kammarkollegiet22 744 817\nAnslag1 200 000\nÖvrigt2 500 000\n",
                vec!["22 744 817", "1 200 000", "2 500 000"],
            ),
            (
                "Projekt Alfa123456\nProjekt Beta234567\nProjekt Gamma345678\n",
                vec!["123456", "234567", "345678"],
            ),
            (
                "Kalmar län 37945775\nKronobergs län 39924777\nSkåne län 280876383\n",
                vec!["37945775", "39924777", "280876383"],
            ),
        ] {
            let text = format!("Fördelning, kronor\n\n{rows}");
            let got = first_table(&text)
                .map(|(_, _, got)| got)
                .unwrap_or_default();
            assert_eq!(got, want, "{rows:?}");
        }
    }

    #[test]
    fn a_header_line_ending_in_a_units_abbreviation_names_its_columns() {
        let rows = "Blekinge län 640 20 583 009\nDalarnas län 742 27 321 604\nHallands län 2913 70 854 684\n";
        // (header line, the figures' headers and the cells read; `None`: no table)
        for (line, want) in [
            (
                "Län Bostäder Statsbidrag, kr.",
                Some(vec!["Bostäder", "Statsbidrag, kr."]),
            ),
            (
                "Län Bostäder Statsbidrag, kr",
                Some(vec!["Bostäder", "Statsbidrag, kr"]),
            ),
            // A full stop after a word that is no unit ends a sentence: no header line.
            ("Län Bostäder Statsbidrag beviljas.", None),
        ] {
            let text = format!("Beviljat bidrag länsvis:\n\n{line}\n{rows}");
            let got = first_table(&text);
            match want {
                Some(want) => {
                    let (_, headers, figures) = got.expect("a table");
                    assert_eq!(headers, want, "{line}");
                    assert_eq!(
                        figures,
                        ["20 583 009", "27 321 604", "70 854 684"],
                        "{line}"
                    );
                }
                None => assert!(
                    got.as_ref()
                        .is_none_or(|(_, h, _)| h.first().is_none_or(|h| h != "Bostäder")),
                    "{line}: {got:?}"
                ),
            }
        }
    }

    #[test]
    fn a_column_counting_dwellings_or_people_is_no_money_under_a_caption_in_kronor() {
        let rows = "Blekinge län     640     20 583 009
                    Dalarnas län     742     27 321 604
                    Hallands län     2 913     70 854 684
";
        // (count column's header, whether its figures are money)
        for (header, money) in [
            ("Bostäder", false),
            ("Påbörjade lägenheter", false),
            ("Anställda personer", false),
            ("Hushåll", false),
            ("Bidrag per bostad, kr", true),
            ("Bostad", true),
            ("Ram", true),
        ] {
            let text = format!(
                "Beviljat bidrag länsvis (kronor)\n\nLän     {header}     Statsbidrag\n{rows}"
            );
            let (kronor, _, got) = first_table(&text).expect("a table");
            assert_eq!(kronor, 1, "{header}");
            let want = if money { 6 } else { 3 };
            assert_eq!(got.len(), want, "{header}: {got:?}");
            assert!(got.contains(&"70 854 684".to_string()), "{header}: {got:?}");
        }
    }

    #[test]
    fn a_header_line_names_the_label_column_before_the_figures_header() {
        let rows =
            "Region Stockholm 12 500 000\nRegion Uppsala 3 400 000\nRegion Skåne 9 100 000\n";
        // (header line, label column's header, figures' headers)
        for (line, label, headers) in [
            ("Region Belopp", "Region", vec!["Belopp"]),
            ("Län Medel i kronor", "Län", vec!["Medel i kronor"]),
            ("KOMMUN 2025", "KOMMUN", vec!["2025"]),
            ("Region\tBelopp", "Region", vec!["Belopp"]),
            (
                "Kommunkod Kommun Belopp",
                "Kommunkod Kommun",
                vec!["Belopp"],
            ),
            // Any word before a header naming money by its word or unit names the labels.
            (
                "Trossamfund Belopp (kr)",
                "Trossamfund",
                vec!["Belopp (kr)"],
            ),
            (
                "Församling Beviljat (kr)",
                "Församling",
                vec!["Beviljat (kr)"],
            ),
            // `Belopp` after the rows' kind heads the figures, never a name's going on.
            ("Anslagspost Belopp", "Anslagspost", vec!["Belopp"]),
            ("Verksamhet Belopp (kr)", "Verksamhet", vec!["Belopp (kr)"]),
            // What the money is, not who gets it: one column's header.
            ("Verksamhet Budget", "", vec!["Verksamhet Budget"]),
            ("Bidrag Beviljat", "", vec!["Bidrag Beviljat"]),
            ("Belopp", "", vec!["Belopp"]),
        ] {
            let text = format!("Medel per region (kronor)\n{line}\n{rows}");
            let t = read(&text, &[]);
            let table = t.tables.first().expect("a table");
            assert_eq!(table.label_header, label, "{line}");
            assert_eq!(table.headers, headers, "{line}");
            assert_eq!(t.cells.len(), 3, "{line}");
        }
        // The text column after the figures' unit heads no figures; a caption line above the
        // header is the caption's.
        for (line, label, headers) in [
            (
                "Förening Belopp (kr) Ändamål",
                "Förening",
                vec!["Belopp (kr)"],
            ),
            (
                "Beviljade bidrag 2025\nOrganisation Beviljat belopp, kr Kommentar",
                "Organisation",
                vec!["Beviljat belopp, kr"],
            ),
        ] {
            let text = format!("Medel per region\n\n{line}\n{rows}");
            let t = read(&text, &[]);
            let table = t.tables.first().expect("a table");
            assert_eq!(table.label_header, label, "{line}");
            assert_eq!(table.headers, headers, "{line}");
            assert_eq!(t.cells.len(), 3, "{line}");
        }
    }

    #[test]
    fn a_disposer_column_after_the_amounts_heads_no_figures() {
        // (header line, rows, label column's header, figures' headers, the cells as written)
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: &[Case<'_>] = &[
            (
                "Anslagspost Belopp Disponeras av",
                "ap.1 Professionssatsningen (ram) 897 000 Socialstyrelsen
ap.2 Kunskapsstöd (ram) 45 300 Myndigheten för vård- och omsorgsanalys
Summa 942 300
",
                Some("Anslagspost"),
                &["Belopp"],
                &["897 000", "45 300", "942 300"],
            ),
            (
                "Anslag  Belopp  Disponeras av",
                "1:5 Bidrag till folkhälsa (ram)  120 500  Folkhälsomyndigheten
1:6 Bidrag till sjukvård (ram)  954 300  Kammarkollegiet
",
                Some("Anslag"),
                &["Belopp"],
                &["120 500", "954 300"],
            ),
            // Without the header, a name after the figures is no disposer's: the row is not
            // read as one (`heading_after_row` takes no label with an item code).
            (
                "Anslagspost Belopp",
                "ap.1 Professionssatsningen (ram) 897 000 Socialstyrelsen
ap.2 Kunskapsstöd (ram) 45 300 Socialstyrelsen
ap.3 Bidrag (ram) 12 000
ap.4 Stöd (ram) 3 000
",
                None,
                &["Belopp"],
                &["12 000", "3 000"],
            ),
        ];
        for (header, rows, label, headers, cells) in cases {
            let text = format!("Tilldelade anslag (belopp angivna i tkr)\n\n{header}\n{rows}");
            let (_, got_headers, figures) = first_table(&text).expect("a table");
            let t = read(&text, &[]);
            if let Some(label) = label {
                assert_eq!(t.tables[0].label_header, *label, "{text}");
                assert_eq!(got_headers, *headers, "{text}");
            }
            assert_eq!(figures, *cells, "{text}");
        }
    }

    #[test]
    fn accounting_negatives_in_parentheses_are_negative_cells() {
        let text = "Resultat per nämnd (tkr)\n\nNämnd  Budget  Utfall  Avvikelse\nKommunstyrelsen  120 400  118 200  2 200\nSocialnämnden  310 000  355 600  (45 600)\nKultur  18 500  18 700  (200)\nSumma  448 900  492 500  (43 600)\n";
        let t = read(text, &[]);
        let avvikelse: Vec<(String, i64)> = t
            .cells
            .iter()
            .filter(|a| a.cell.as_ref().is_some_and(|c| c.column == 2))
            .map(|a| (a.text.clone(), a.value.map_or(0, |m| m.0 / 100_000)))
            .collect();
        // In tkr: öre / 100 / 1 000.
        let want = [
            ("2 200", 2_200),
            ("(45 600)", -45_600),
            ("(200)", -200),
            ("(43 600)", -43_600),
        ];
        let want: Vec<(String, i64)> = want.iter().map(|&(f, v)| (f.to_string(), v)).collect();
        assert_eq!(avvikelse, want);
    }

    #[test]
    fn a_header_line_with_single_spaces_is_cut_at_its_capitals() {
        // (header line, rows, label column's header, column headers)
        for (line, rows, label, headers) in [
            (
                "Kommun Antal invånare Belopp (kr)",
                "Ale 32 000 1 204 000\nAlingsås 42 500 2 310 000\nBorås 115 000 5 600 000\n",
                "Kommun",
                vec!["Antal invånare", "Belopp (kr)"],
            ),
            (
                "Nämnd Budget 2025 Budget 2026 Förändring",
                "Kommunstyrelsen 120,5 125,0 4,5\nSocialnämnden 640,0 655,3 15,3\n",
                "Nämnd",
                vec!["Budget 2025", "Budget 2026", "Förändring"],
            ),
            (
                "Beslutad ram Förändring Ny ram",
                "Skolan 1 200 100 1 300\nOmsorgen 2 000 -50 1 950\n",
                "",
                vec!["Beslutad ram", "Förändring", "Ny ram"],
            ),
            (
                "Bilaga 2\nTabell. Statsbidrag per region\nRegion Grundbelopp Tilläggsbelopp Summa",
                "Stockholm 120 000 15 000 135 000\nUppsala 30 500 4 000 34 500\n",
                "Region",
                vec!["Grundbelopp", "Tilläggsbelopp", "Summa"],
            ),
            (
                "Län Antal projekt Beviljat belopp (kr) Andel (%)",
                "Skåne län 12 4 500 000 45\nHallands län 5 2 000 000 20\nKalmar län 8 3 500 000 35\n",
                "Län",
                vec!["Antal projekt", "Beviljat belopp (kr)", "Andel (%)"],
            ),
            (
                "Projekt 2025 2026 Totalt",
                "Ny skola 45,0 60,0 105,0\nReningsverk 30,0 30,0 60,0\n",
                "Projekt",
                vec!["2025", "2026", "Totalt"],
            ),
            // The unit heads the label column; a year run into its name is written apart.
            (
                "(tkr) Utfall2013 Förändring 2012/2013 Förändring 2012/2013 Budget 2013 Budget-avvikelse",
                "Revision – 614 – 9 1,6 % – 620 6\nÖverförmyndare – 819 50 – 5,7 % – 847 28\n",
                "(tkr)",
                vec![
                    "Utfall 2013",
                    "Förändring 2012/2013",
                    "Förändring 2012/2013",
                    "Budget 2013",
                    "Budget-avvikelse",
                ],
            ),
        ] {
            let caption = if line.contains("(kr)") {
                "Fördelning"
            } else {
                "Fördelning (tkr)"
            };
            let text = format!("{caption}\n{line}\n{rows}");
            let t = read(&text, &[]);
            let table = t
                .tables
                .first()
                .unwrap_or_else(|| panic!("no table: {line}"));
            assert_eq!(table.label_header, label, "{line}");
            assert_eq!(table.headers, headers, "{line}");
        }
        // Under a header line whose every column ends in its year or unit, a row of single-spaced
        // digit groups is no one number (`420 500 431 200` tkr): read as two figures, or not at
        // all where the groups split several ways.
        let text = "Uppföljning\nVerksamhet Budget 2025, tkr Utfall 2025, tkr\nÄldreomsorg 420 500 431 200\nOmsorg 150 300 148 900\nSumma 570 800 580 100\n";
        let t = read(text, &[]);
        assert!(
            t.cells
                .iter()
                .all(|c| c.text.split_whitespace().count() <= 2),
            "{:?}",
            t.cells.iter().map(|c| &c.text).collect::<Vec<_>>()
        );
        // A count of capitals that names no columns, or a caption: no headers guessed.
        for line in [
            "Fördelning av medel till Kommunerna i Västra Götaland",
            "Tabell 2. Medel Fördelning",
        ] {
            let text = format!("{line}\nAle 32 000 1 204 000\nAlingsås 42 500 2 310 000\n");
            let t = read(&text, &[]);
            assert!(
                t.tables
                    .iter()
                    .all(|t| t.headers.iter().all(String::is_empty)),
                "{line}"
            );
        }
    }

    #[test]
    fn a_line_naming_not_above_a_stacked_header_takes_each_rows_note_out() {
        let stacked = "Bokslut\n2015\nBokslut\n2016\n\
                       Intäkter 1 202,2 274,7\nKostnader 2 –1 036,6 –1 151,2\n\
                       Nettokostnader   –834,4 –876,5\n";
        // (line above the stacked header, figures read)
        for (above, want) in [
            // `Not` and the names of the column groups after it: the first group is a note.
            (
                "(mnkr) Not Kommunen Sammanställd redovisning",
                vec!["202,2", "274,7", "–1 036,6", "–1 151,2", "–834,4", "–876,5"],
            ),
            (
                "(mnkr) Not Kommunen",
                vec!["202,2", "274,7", "–1 036,6", "–1 151,2", "–834,4", "–876,5"],
            ),
            // No `Not`: the groups are figures.
            (
                "(mnkr) Kommunen Sammanställd redovisning",
                vec![
                    "1 202,2",
                    "274,7",
                    "–1 036,6",
                    "–1 151,2",
                    "–834,4",
                    "–876,5",
                ],
            ),
        ] {
            let text = format!("Resultaträkning\n\n{above}\n{stacked}");
            let got = first_table(&text).map(|(_, _, f)| f).unwrap_or_default();
            assert_eq!(got, want, "{above}");
        }
    }

    #[test]
    fn rows_under_headers_run_together_with_fewer_figures_are_not_read() {
        let rows = "Servicenämnd673235\nKommunstyrelse966531\nTeknisk nämnd1385\n";
        // (header line, figures read)
        for (header, want) in [
            // Three headers run together over one figure a row: cells run together too, cut
            // where the difference column decides it.
            (
                "BokslutDelårsrapp jan-augAvvikelse",
                vec!["67", "32", "35", "96", "65", "31", "13", "8", "5"],
            ),
            // No header states arithmetic: not cut, not read.
            ("BokslutDelårsrapp jan-augPrognos", vec![]),
            // One header, or as many run together as the rows have figures: read.
            ("Avvikelse", vec!["673235", "966531", "1385"]),
        ] {
            let text = format!("PROGNOSAVVIKELSE, MKR\n{header}\n{rows}");
            let got = first_table(&text).map(|(_, _, f)| f).unwrap_or_default();
            assert_eq!(got, want, "{header}");
        }
        let text = format!("PROGNOSAVVIKELSE, MKR\nBokslutDelårsrapp jan-augAvvikelse\n{rows}");
        let t = read(&text, &[]);
        assert_eq!(t.tables[0].caption, "PROGNOSAVVIKELSE, MKR");
        assert_eq!(t.tables[0].label_header, "");
        assert_eq!(
            t.tables[0].headers,
            ["Bokslut", "Delårsrapp jan-aug", "Avvikelse"]
        );
        // (rows, figures read, rows left unresolved)
        for (rows, want, unresolved) in [
            // `1111110` is `111 | 1 | 110` or `1 | 111 | 110`: that row alone is left.
            (
                "Aa835\nBb1111110\nCc1569\n",
                vec!["8", "3", "5", "15", "6", "9"],
                1,
            ),
            // `9 - 7 = 2`, but `3 = 6 - 3` runs the other way: rows disagree, none is cut.
            ("Aa972\nBb363\nCc1569\n", vec![], 3),
        ] {
            let text = format!("Avvikelse, mnkr\nUtfallBudgetAvvikelse\n{rows}");
            let t = read(&text, &[]);
            let got: Vec<&str> = t.cells.iter().map(|c| &text[c.start..c.end]).collect();
            assert_eq!(got, want, "{rows}");
            assert_eq!(t.tables[0].unresolved.len(), unresolved, "{rows}");
        }
        let two = "Avvikelse, mnkr\nmnkr Utfall 2019Utfall 2020\nAa 1 200 1 300\nBb 400 500\n";
        assert_eq!(
            first_table(two).map(|(_, _, f)| f).unwrap_or_default(),
            ["1 200", "1 300", "400", "500"]
        );
    }

    /// (cells, tables, unresolved rows of each table) read from `text`.
    fn table_counts(text: &str) -> (usize, usize, Vec<usize>) {
        let t = read(text, &[]);
        let unresolved = t.tables.iter().map(|t| t.unresolved.len()).collect();
        (t.cells.len(), t.tables.len(), unresolved)
    }

    #[test]
    fn a_table_left_with_only_unresolved_rows_is_still_recorded() {
        let glued = "KOSTNADER, MKR\nBudgetUtfallPrognos\nAa673235\nBb966531\nCc1385\n";
        let read_too = "Anslag (tkr)\nPost  Budget  Utfall\nAa  5 000  6 000\nBb  40 000  41 000\n";
        let shares = "Anslag (tkr)\nPost  Andel %  Andel %\nAa  5  6\nBb  7  8\n";
        // (document, (cells, tables, unresolved rows per table))
        for (text, want) in [
            // No row read: the table is kept to list its rows as unresolved.
            (glued.to_string(), (0, 1, vec![3])),
            // Kept after the tables with cells, whose numbering it leaves alone.
            (format!("{read_too}\n{glued}"), (4, 2, vec![0, 3])),
            (format!("{glued}\n{read_too}"), (4, 2, vec![0, 3])),
            // Every figure read, none money: no table of money, nothing to list.
            (shares.to_string(), (0, 0, vec![])),
        ] {
            assert_eq!(table_counts(&text), want, "{text}");
        }
    }

    #[test]
    fn a_caption_above_a_header_line_read_as_a_row_states_the_unit() {
        let rows = "Aa  5 000  6 000\nBb  40 000  41 000\n";
        let years = ["Budget 2024", "Budget 2025"];
        let figures = ["5 000", "6 000", "40 000", "41 000"];
        // (text, unit and headers expected; `None`: no table)
        type Want<'a> = Option<(i64, &'a [&'a str])>;
        let cases: &[(String, Want<'_>)] = &[
            // The header line's last year reads as the number of a row labelled `Nämnd  Budget
            // 2024  Budget`: the caption above it still states the unit.
            (
                format!("Belopp i tkr\n\nNämnd  Budget 2024  Budget 2025\n{rows}"),
                Some((1_000, &years)),
            ),
            (
                format!("Miljoner kronor\nNämnd\tBudget 2024\tBudget 2025\n{rows}"),
                Some((1_000_000, &years)),
            ),
            // No caption: no unit, no table.
            (format!("Nämnd  Budget 2024  Budget 2025\n{rows}"), None),
            // Prose between the caption and the header line: not the table's caption.
            (
                format!(
                    "Belopp i tkr\n\n{}\n\nNämnd  Budget 2024  Budget 2025\n{rows}",
                    "Nämnden har under året arbetat vidare med de mål som fullmäktige har \
                     beslutat om och redovisar här utfallet för verksamheten i sin helhet."
                ),
                None,
            ),
        ];
        for (text, want) in cases {
            let got = first_table(text);
            match want {
                Some((kronor, headers)) => {
                    let (u, h, f) = got.unwrap_or_else(|| panic!("no table in {text:?}"));
                    assert_eq!(
                        (u, h, f),
                        (
                            *kronor,
                            headers.iter().map(|h| h.to_string()).collect(),
                            figures.iter().map(|f| f.to_string()).collect()
                        ),
                        "{text:?}"
                    );
                }
                None => assert_eq!(got, None, "{text:?}"),
            }
        }
    }

    #[test]
    fn a_caption_ending_in_its_year_over_a_unit_line_is_no_header_row_of_years() {
        let rows = "Ale 1 204\nAlingsås 2 310\nSumma 3 514\n";
        let figures = ["1 204", "2 310", "3 514"].map(String::from).to_vec();
        // (caption, the line under it; the unit expected, `None`: no table)
        let cases = [
            ("Preliminär fördelning 2022", "Kommun Tkr", Some(1_000)),
            (
                "Medel till kommunerna 2025",
                "Kommun Belopp (tkr)",
                Some(1_000),
            ),
            ("Fördelning 2024", "Kronor", Some(1)),
            // No unit under it: the year heads no table of money.
            ("Preliminär fördelning 2022", "Kommun", None),
        ];
        for (caption, under, want) in cases {
            let text = format!("{caption}\n{under}\n{rows}");
            let got = first_table(&text).map(|(unit, _, cells)| (unit, cells));
            assert_eq!(got, want.map(|unit| (unit, figures.clone())), "{text:?}");
        }
    }

    #[test]
    fn a_note_column_no_header_took_out_leaves_the_table_unread() {
        // `Not` then names that are no years, one per line, then rows of a note and two
        // figures: each figure would be read under its left neighbour's header.
        let body = "Aa\n\n3\n\n10\n\n12\n\nBb\n\n4\n\n20\n\n22\n\nCc\n\n5\n\n7\n\n8\n";
        let noted = format!("Belopp, mkr\n\nNot\n\nBudget\n\nUtfall\n\nDRIFT\n\n{body}");
        assert_eq!(first_table(&noted), None);
        // Under a header row of years, the notes are taken out (`header.rs`).
        let noted = format!("Belopp, mkr\n\nNot\n\n2021\n\n2020\n\nDRIFT\n\n{body}");
        let got = first_table(&noted).map(|(_, _, f)| f);
        let want = ["10", "12", "20", "22", "7", "8"]
            .map(String::from)
            .to_vec();
        assert_eq!(got, Some(want));
        // The same layout with a plain label column header is read.
        let plain = "Belopp, mkr\n\nPost\n\n2021\n\n2020\n\nAa\n\n10\n\n12\n\nBb\n\n20\n\n22\n";
        let got = first_table(plain).map(|(u, _, f)| (u, f));
        assert_eq!(
            got,
            Some((
                1_000_000,
                vec!["10".into(), "12".into(), "20".into(), "22".into()]
            ))
        );
    }

    #[test]
    fn a_header_row_naming_not_takes_each_rows_note_out() {
        // (text, headers, figures read as cells)
        let cases: &[(&str, &[&str], &[&str])] = &[
            // One cell per line: a row of three figures under two years starts with its note.
            (
                "Belopp, mkr\n\nNot\n\n2021\n\n2020\n\nAa\n\n3\n\n10\n\n12\n\n\
                 Bb\n\n20\n\n22\n\nCc\n\n4, 7\n\n7\n\n- 1 008\n",
                &["2021", "2020"],
                &["10", "12", "20", "22", "7", "- 1 008"],
            ),
            // One space between cells: the note is what leaves two numbers (`4 | 1 490 | 1 639`);
            // a note list or code in the label is cut off; `9 610 787` reads as two numbers
            // with a note or without one, and is not read.
            (
                "Belopp i mnkr Not 2021 2020\nAa 4 1 490 1 639\nBb 12, 13 348 483\n\
                 Cc BR 1 792 1 504\nDd 9 610 787\nEe 0 -18\nFf 5 -4 834 -5 682\n",
                &["2021", "2020"],
                &[
                    "1 490", "1 639", "348", "483", "1 792", "1 504", "0", "-18", "-4 834",
                    "-5 682",
                ],
            ),
            // No note column: the same rows' first groups are figures.
            (
                "Belopp i mnkr\nPost 2021 2020\nAa 4 1 490\nEe 0 -18\nFf 5 -4 834\n",
                &["2021", "2020"],
                &["4", "1 490", "0", "-18", "5", "-4 834"],
            ),
            // Group headers over repeated years head their years.
            (
                "Kommunen\nKoncernen\nBelopp i mnkr Not 2021 2020 2021 2020\n\
                 Aa 4 1 490 1 639 4 973 5 313\nBb 0 -18 -3 -2\n",
                &[
                    "Kommunen 2021",
                    "Kommunen 2020",
                    "Koncernen 2021",
                    "Koncernen 2020",
                ],
                &["1 490", "1 639", "4 973", "5 313", "0", "-18", "-3", "-2"],
            ),
        ];
        // A name run onto the sentence above it (`…och koncernen.Kommunen`), a heading between
        // the header and the rows.
        let glued = "Kassaflöde\n\nKassaflödet för kommunen och den kommunala koncernen.Kommunen\n\
                     Kommunala koncernen\nBelopp i mnkr Not 2021 2020 2021 2020\nDRIFT\n\
                     Aa BR 1 490 1 639 4 973 5 313\nBb 0 -18 -3 -2\n";
        let spanned = [
            "Kommunen 2021",
            "Kommunen 2020",
            "Kommunala koncernen 2021",
            "Kommunala koncernen 2020",
        ];
        let figures = ["1 490", "1 639", "4 973", "5 313", "0", "-18", "-3", "-2"];
        // … and the names unwrapped onto one line with it.
        let unwrapped = glued.replace("Kommunen\nKommunala", "Kommunen Kommunala");
        let cases = [
            cases,
            &[
                (glued, &spanned[..], &figures[..]),
                (&unwrapped, &spanned[..], &figures[..]),
            ],
        ]
        .concat();
        for (text, headers, figures) in &cases {
            let (kronor, h, f) =
                first_table(text).unwrap_or_else(|| panic!("no table in {text:?}"));
            assert_eq!(kronor, 1_000_000, "{text:?}");
            assert_eq!(h, headers.to_vec(), "{text:?}");
            assert_eq!(f, figures.to_vec(), "{text:?}");
        }
    }

    /// A row's figures as written with their column, `?` when it is left unresolved.
    /// The table and column header of the first cell labelled `label`.
    fn first_cell_of(text: &str, label: &str) -> Option<(usize, String)> {
        read(text, &[])
            .cells
            .iter()
            .find_map(|c| c.cell.as_ref().filter(|x| x.label == label))
            .map(|x| (x.table, x.header.clone()))
    }

    #[test]
    fn a_heading_with_its_notes_one_cell_per_line_does_not_end_the_table() {
        let head = "Balansräkning\n\nmnkr\n\nKommunen\n\nKoncernen\n\nNot\n\n2021\n\n2020\n\n2021\n\n2020\n\n";
        let rows = |heading: &str| {
            format!(
                "Kassa och bank\n\n21\n\n44,6\n\n33,1\n\n72,7\n\n85,9\n\nSUMMA TILLGÅNGAR\n\n815,1\n\n690,8\n\n576,8\n\n377,9EGET KAPITAL OCH SKULDER\n\n{heading}Årets resultat\n\n22,4\n\n13,9\n\n19,3\n\n12,5\n"
            )
        };
        let first = Some((0, "Kommunen 2021".to_string()));
        // (text, the table and header of `Årets resultat`'s first cell)
        for (text, want) in [
            (
                format!("{head}{}", rows("Eget kapital\n\n22,23\n\n")),
                first.clone(),
            ),
            (
                format!("{head}{}", rows("AVSÄTTNINGAR\n\n24\n\n")),
                first.clone(),
            ),
        ] {
            assert_eq!(first_cell_of(&text, "Årets resultat"), want, "{text:?}");
        }
        // A heading run onto the row above (`377,9EGET KAPITAL …`) as one-cell-per-line exports
        // write it. A lone figure no note has (signed, or of three digits) is no heading's note:
        // the table above ends at it.
        for figure in ["-22,23", "122,3"] {
            let text = format!("{head}{}", rows(&format!("Eget kapital\n\n{figure}\n\n")));
            let got = first_cell_of(&text, "Årets resultat");
            assert_ne!(got, first, "{text:?}");
        }
    }

    fn placed_cells(text: &str, label: &str) -> Vec<(String, usize)> {
        let t = read(text, &[]);
        let Some(table) = t.tables.first() else {
            return vec![("no table".into(), 0)];
        };
        if table.unresolved.iter().any(|u| u.label == label) {
            return vec![("?".into(), 0)];
        }
        t.cells
            .iter()
            .filter_map(|c| {
                let cell = c.cell.as_ref().filter(|x| x.label == label)?;
                let written = text.chars().skip(c.start).take(c.end - c.start).collect();
                Some((written, cell.column))
            })
            .collect()
    }

    #[test]
    fn a_dash_for_an_empty_cell_keeps_the_other_figures_in_their_columns() {
        let noted = "Belopp i mnkr Not 2021 2020 2021 2020
Aa 4 1 490 1 639 4 973 5 313
";
        let plain = "Belopp i mnkr 2021 2020 2021 2020
Aa 1 490 1 639 4 973 5 313
";
        // (table head, the row, its figures with their columns; `?`: unresolved)
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, usize)]);
        let cases: &[Case<'_>] = &[
            // Numbers and dashes fill the four columns in order.
            (
                plain,
                "Bb -249 36 - -154",
                &[("-249", 0), ("36", 1), ("-154", 3)],
            ),
            (plain, "Bb 12 - -7 -", &[("12", 0), ("-7", 2)]),
            // `- 1 081` may be a dash and a number or a number with its minus spaced off; only
            // the dash fills the four columns (as a signed figure, one cell would be unwritten).
            (plain, "Bb 12 - - 1 081", &[("12", 0), ("1 081", 3)]),
            (plain, "Bb -3 - 8 -", &[("-3", 0), ("8", 2)]),
            // Both fill them (`12 | -3 | 456 | -` and `12 | - | 3 456 | -`): left unresolved.
            (plain, "Bb 12 - 3 456 -", &[("?", 0)]),
            // Under `Not`, one group too many is the note (`7`), not a cell.
            (noted, "Bb 7 -810 -540 - -", &[("-810", 0), ("-540", 1)]),
            (noted, "Bb 4 -361 - -378 -", &[("-361", 0), ("-378", 2)]),
            // The row reads with its note or without it: left unresolved.
            (noted, "Bb 7 810 - - 5 100", &[("?", 0)]),
            // Too many cells for the columns: left unresolved.
            (plain, "Bb 1 -2 - -3 - 4", &[("?", 0)]),
        ];
        for (head, row, want) in cases {
            let text = format!(
                "{head}{row}
Cc 0 -18 2 3
"
            );
            let want: Vec<(String, usize)> =
                want.iter().map(|(f, c)| (f.to_string(), *c)).collect();
            assert_eq!(placed_cells(&text, "Bb"), want, "{text:?}");
        }
    }

    #[test]
    fn a_dash_apart_before_the_first_figure_is_an_empty_cell_of_a_gap_aligned_table() {
        let head = "Driftbudget per nämnd (tkr)

Nämnd                     Budget 2025   Budget 2026    Förändring
Kommunfullmäktige               2 450         2 610           160
";
        let tail = "Kommunstyrelsen                48 210        49 900         1 690
Revisionen                      1 120         1 150            30
";
        let empty_first = [("380".to_string(), 1), ("380".to_string(), 2)];
        // (the row, whether it is read as an empty cell and two figures)
        for (row, dashed) in [
            (
                "Valnämnden                          -           380           380\n",
                true,
            ),
            (
                "Valnämnden                          –           380           380\n",
                true,
            ),
            // A single space from the figure: it may be the figure's minus sign.
            (
                "Valnämnden                          - 380         380           380\n",
                false,
            ),
            (
                "Valnämnden                        - 380           380\n",
                false,
            ),
        ] {
            let text = format!("{head}{row}{tail}");
            assert_eq!(
                placed_cells(&text, "Valnämnden") == empty_first,
                dashed,
                "{text}"
            );
            // The table goes on under it.
            let below = placed_cells(&text, "Kommunstyrelsen").len();
            assert!(!dashed || below == 3, "{text}");
        }
    }

    #[test]
    fn rows_in_doubt_are_read_the_one_way_the_statement_adds_up() {
        let head = "Belopp i mnkr Not 2021 2020\nAa 4 -12 13\nBb 5 -14 15\nDd 3 1 200 -5\n";
        // (the row in doubt, the result row under it, what each reads as; `?`: unresolved)
        type Case<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            // Note 7, then 767: -12 - 14 + 1 200 + 767 = 1 941, and 13 + 15 - 5 + 810 = 833.
            (
                "Cc 7 767 810",
                "Resultat 1 941 833",
                &["767", "810"],
                &["1 941", "833"],
            ),
            // `7 767` without a note: -12 - 14 + 1 200 + 7 767 = 8 941.
            (
                "Cc 7 767 810",
                "Resultat 8 941 833",
                &["7 767", "810"],
                &["8 941", "833"],
            ),
            // Rounded figures: a sum off by one per addend still adds up.
            (
                "Cc 7 767 810",
                "Resultat 1 941 834",
                &["767", "810"],
                &["1 941", "834"],
            ),
            // No reading adds up: both stay unresolved.
            ("Cc 7 767 810", "Resultat 1 941 900", &["?"], &["?"]),
            // A sum of one column not 0 may hold by chance.
            ("Cc 7 767 -23", "Resultat 1 941 0", &["?"], &["?"]),
        ];
        for (doubt, result, want, sum) in cases {
            let text = format!("{head}{doubt}\n{result}\n");
            assert_eq!(row_cells(&text, "Cc"), *want, "{text:?}");
            assert_eq!(row_cells(&text, "Resultat"), *sum, "{text:?}");
        }
    }

    #[test]
    fn a_note_is_never_zero() {
        let head = "Belopp i mnkr Not 2021 2020\nAa 4 -12 13\nBb 5 -14 15\n";
        // (row, its figures): notes count from 1, so a first `0` is a cell.
        let cases: &[(&str, &[&str])] = &[
            ("Cc 0 22 257", &["0", "22 257"]),
            ("Cc 3 22 257", &["22", "257"]),
        ];
        for (row, want) in cases {
            let text = format!("{head}{row}\n");
            assert_eq!(row_cells(&text, "Cc"), *want, "{text:?}");
        }
    }

    #[test]
    fn a_row_in_doubt_about_its_note_is_read_the_one_way_its_columns_fit() {
        let head = "Belopp i mnkr Not 2021 2020\nAa 4 -12 13\nBb 5 -14 15\n";
        // (row, its figures: `None` when it stays unresolved)
        let cases: &[(&str, Option<&[&str]>)] = &[
            // Every other row holds numbers of one group: note 9, then 610 and 787.
            ("Cc 9 610 787\n", Some(&["610", "787"])),
            // A number of two groups in the first column: `9 610` fits it as well as `610`.
            ("Cc 9 610 787\nDd 3 1 200 -5\n", None),
        ];
        for (rows, want) in cases {
            let text = format!("{head}{rows}");
            let (_, _, got) = first_table(&text).unwrap_or_else(|| panic!("no table: {text:?}"));
            let mut base = vec!["-12", "13", "-14", "15"];
            if let Some(w) = want {
                base.extend(w.iter());
            }
            if rows.contains("Dd") {
                base.extend(["1 200", "-5"]);
            }
            assert_eq!(got, base, "{text:?}");
        }
    }

    #[test]
    fn note_tables_after_prose_take_the_header_line_above_them() {
        let first = "Löpande prisnivå, mkr 2016 2015\nNot 1 Verksamhetens intäkter\nKommunen 436,1 320,3\nÖvriga 25,7 25,3\nSumma 461,8 345,6\nNoten visar intäkterna som de redovisas i den sammanställda resultaträkningen, det vill säga ägd andel av bolagens intäkter efter avdrag för interna mellanhavanden mellan kommunen och bolagen.\n";
        let rows = "Kommunen 1 380,6 1 257,7\nÖvriga 31,8 31,1\nSumma 1 412,4 1 288,8\n";
        // (heading of the second note, its rows, the cells read from it as (value, header))
        let want = vec![
            (1_380_600_000, "2016"),
            (1_257_700_000, "2015"),
            (31_800_000, "2016"),
            (31_100_000, "2015"),
            (1_412_400_000, "2016"),
            (1_288_800_000, "2015"),
        ];
        // The cells of the second note, (value in kronor, header).
        type Cells<'a> = Vec<(i64, &'a str)>;
        let cases: Vec<(&str, &str, Cells)> = vec![
            ("Not 2 Verksamhetens kostnader", rows, want.clone()),
            ("NOT 12. Kortfristiga fordringar", rows, want),
            // No note heading: nothing ties the rows to the header above, they stay unread.
            ("Tabell 2 Kostnader per verksamhet", rows, vec![]),
            // Three figures a row under two years: the years would head the wrong figures.
            (
                "Not 2 Verksamhetens kostnader",
                "Kommunen 1 380,6 1 257,7 1 100,0\nÖvriga 31,8 31,1 30,0\n",
                vec![],
            ),
        ];
        for (heading, body, want) in cases {
            let text = format!("{first}{heading}\n{body}");
            let t = read(&text, &[]);
            let second: Vec<(i64, &str)> = t
                .cells
                .iter()
                .filter_map(|a| Some((a.value?.0 / 100, a.cell.as_ref()?.header.as_str())))
                .filter(|(v, _)| *v > 1_000_000_000 || (31_000_000..32_000_000).contains(v))
                .collect();
            assert_eq!(second, want, "{text:?}");
        }
    }

    #[test]
    fn a_list_of_notes_one_cell_per_line_is_cut_off_the_label_under_not() {
        let rows = "Aa\n\n10\n\n12\n\nBb bb\n\n4, 7\n\n20\n\n22\n";
        // (label column header, labels of the cells)
        let cases = [
            ("Not", ["Aa", "Aa", "Bb bb", "Bb bb"]),
            ("Post", ["Aa", "Aa", "Bb bb 4, 7", "Bb bb 4, 7"]),
        ];
        for (column, want) in cases {
            let text = format!("Belopp, mkr\n\n{column}\n\n2021\n\n2020\n\n{rows}");
            let t = read(&text, &[]);
            let labels: Vec<&str> = t
                .cells
                .iter()
                .filter_map(|c| Some(c.cell.as_ref()?.label.as_str()))
                .collect();
            assert_eq!(labels, want, "{text:?}");
        }
    }

    #[test]
    fn years_that_do_not_repeat_take_no_group_header() {
        let rows = "Aa 4 1 490 1 639 4 973\nBb 0 -18 -3 -2\n";
        let text = format!("Kommunen\nKoncernen\nBelopp i mnkr 2019 2020 2021 2022\n{rows}");
        let got = first_table(&text).map(|(_, h, _)| h);
        assert_eq!(
            got,
            Some(vec![
                "2019".into(),
                "2020".into(),
                "2021".into(),
                "2022".into()
            ])
        );
        // Prose above repeated years is no group header.
        let text = format!(
            "Kommunen redovisar utfallet för året.\nKoncernen\nBelopp i mnkr 2021 2020 2021 2020\n{rows}"
        );
        let got = first_table(&text).map(|(_, h, _)| h);
        assert_eq!(
            got,
            Some(vec![
                "2021".into(),
                "2020".into(),
                "2021".into(),
                "2020".into()
            ])
        );
    }

    #[test]
    fn a_total_is_at_least_each_part_above_it() {
        let head = "Tusental kronor\n\nKommun 2024 2025\n";
        // `99 | 849 104 053` makes 99 the sum of parts of 5 000 and 40 000: not a reading.
        let big = format!("{head}Aa 5 000 6 000\nBb 40 000 41 000\nSumma 99 849 104 053\n");
        assert_eq!(total_row(&big).unwrap(), ["99 849", "104 053"]);
        // Small parts leave both readings possible; a negative part bounds nothing.
        let small = format!("{head}Aa 5 6\nBb 7 8\nSumma 99 849 104 053\n");
        assert!(total_row(&small).unwrap_err().contains("2 ways"));
        let negative = format!("{head}Aa 5 000 6 000\nBb -40 000 41 000\nSumma 99 849 104 053\n");
        assert!(total_row(&negative).is_err());
    }

    /// Each row's figures as written, `?` for a row left unresolved, by row label.
    fn row_cells(text: &str, label: &str) -> Vec<String> {
        let t = read(text, &[]);
        let Some(table) = t.tables.first() else {
            return vec!["no table".into()];
        };
        if table.unresolved.iter().any(|u| u.label == label) {
            return vec!["?".into()];
        }
        t.cells
            .iter()
            .filter(|c| c.cell.as_ref().is_some_and(|c| c.label == label))
            // Spans are in characters.
            .map(|c| text.chars().skip(c.start).take(c.end - c.start).collect())
            .collect()
    }

    #[test]
    fn rows_beside_a_count_column_ocr_dropped_group_spaces_in_read_at_their_one_way_width() {
        let head = "Bidrag per län, kronor:\n\nTotalt antal bostäder som\n\
                    Län fått startbesked. Statsbidrag, kr.\n";
        // Most rows read one way at two (`742 | 27 321 604`), two ways at three; a dropped
        // space (`24595 469`) reads only at three as typeset.
        let rows = "Aa län 742 27 321 604\nBb län 458 11 616 140\nCc län 899 24595 469\n\
                    Dd län 2913 70 854 684\nEe län 1558 37945775\n";
        // (rows under the head, a row, its money cells (the count is none); `?`: unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            (rows, "Aa län", &["27 321 604"]),
            (rows, "Ee län", &["37945775"]),
            // Read only as OCR leaves it at two, the width the other rows establish: one
            // reading, the dropped group space restored.
            (rows, "Cc län", &["24595 469"]),
            // A row reading only at three, as typeset, keeps the table at three (where too few
            // rows read to make one).
            (
                "Aa län 742 27 321 604\nBb län 458 11 616 140\nCc län 899 24595 469\n\
                 Dd län 2913 70 854 684\nFf län 5 006 7 008 9 010\n",
                "Aa län",
                &["no table"],
            ),
            // Fewer than half the rows read one way at two: no width is taken from them.
            (
                "Aa län 742 27 321 604\nCc län 899 24595 469\nGg län 1756 52 387555\n\
                 Hh län 1607 37 381143\nIi län 21509 470749 263\n",
                "Aa län",
                &["no table"],
            ),
        ];
        for &(rows, label, want) in cases {
            let text = format!("{head}{rows}");
            assert_eq!(row_cells(&text, label), want, "{text}");
        }
    }

    #[test]
    fn an_allocation_tables_rows_hold_one_amount_each_both_ways() {
        let rows = "1:6 Bidrag till folkhälsa (Ramanslag)\n\
                    Disponeras av Kammarkollegiet 20199 766\n\n\
                    ap.1 Professionssatsningen (ram) 897 000\n\n\
                    ap.4 Tillgänglighet (ram) 15 000\n";
        // (caption over the rows, a row, its cells; `?`: unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            // Under the allocation table's caption a row holds one amount: OCR dropped the group
            // space of 20 199 766.
            (
                "4.1 Tilldelade anslag/anslagsposter (belopp angivna i tkr)\n",
                "Disponeras av Kammarkollegiet",
                &["20199 766"],
            ),
            (
                "4.1 Tilldelade anslag/anslagsposter (belopp angivna i tkr)\n",
                "ap.4 Tillgänglighet (ram)",
                &["15 000"],
            ),
            // Under another caption nothing says how many figures a row has: `20199 766` may be
            // `20199 | 766`, and no cell is read.
            (
                "Anslag (belopp angivna i tkr)\n",
                "Disponeras av Kammarkollegiet",
                &[],
            ),
        ];
        for &(caption, label, want) in cases {
            let text = format!("{caption}{rows}");
            assert_eq!(row_cells(&text, label), want, "{text}");
        }
        // Rows the allocation's own words do not open (`Disponeras av`, `ap.`) may be another
        // table under the caption: `20199 766` there is no figure.
        let other = "4.1 Tilldelade anslag/anslagsposter (belopp angivna i tkr)\n\
                     Bidrag till kommuner 20199 766\n\nBidrag till regioner 897 000\n\n\
                     Övrigt 15 000\n";
        assert!(
            row_cells(other, "Bidrag till kommuner").is_empty(),
            "{other}"
        );
    }

    #[test]
    fn a_line_of_a_row_written_one_cell_per_line_is_one_figure() {
        let head = "Balansräkning\n\nBelopp i mnkr\n\nNot\n\n2020\n\n2021\n\n2020\n\n2021\n\n\
                    Avsättningar för pensioner\n\n12\n\n2 410\n\n2 561\n\n3 793\n\n3 943\n\n\
                    Övriga avsättningar\n\n14\n\n1 100\n\n1 200\n\n1 300\n\n1 400\n\n";
        let tail = "\nKortfristiga skulder\n\n15\n\n100\n\n200\n\n300\n\n400\n";
        // (row, its label, its figures: `?` when it is left unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            // Two figures under four columns: `3 248` is one figure, never `3` and `248`.
            (
                "Skatteskuld\n\n \n\n3 248\n\n3 502\n",
                "Skatteskuld",
                &["?"],
            ),
            // No note line: `8 157,1` is one figure, not note 8 and `157,1`.
            (
                "Summa\n\n\n8 157,1\n\n6 906,8\n\n5 764,8\n\n3 778,9\n",
                "Summa",
                &["8 157,1", "6 906,8", "5 764,8", "3 778,9"],
            ),
            // A note on a line of its own is still taken out.
            (
                "Långfristiga skulder\n\n13\n\n1 057\n\n870\n\n1 415\n\n1 419\n",
                "Långfristiga skulder",
                &["1 057", "870", "1 415", "1 419"],
            ),
            // Figures on the label's line, one space apart, still split by their groups.
            (
                "Skatteskuld 248 3 502 1 100 1 200\n",
                "Skatteskuld",
                &["248", "3 502", "1 100", "1 200"],
            ),
        ];
        for (row, label, want) in cases {
            let text = format!("{head}{row}{tail}");
            assert_eq!(row_cells(&text, label), *want, "{text:?}");
        }
    }

    #[test]
    fn a_difference_column_cuts_a_row_of_single_spaces_where_one_cut_holds() {
        let head = "Driftbudget per nämnd (tkr)\n\nNämnd Budget 2025 Budget 2026 Förändring\n";
        let rows = "Kommunstyrelsen 171 781 171 724 -57\nSocialnämnden 640 228 652 900 12 672\n";
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Tekniska nämnden 98 410 95 230 -3 180\n",
                "Kommunstyrelsen",
                &["171 781", "171 724", "-57"],
            ),
            (
                "Tekniska nämnden 98 410 95 230 -3 180\n",
                "Socialnämnden",
                &["640 228", "652 900", "12 672"],
            ),
            // No cut holds (a misread digit): unresolved, never one figure of 12 digits.
            (
                "Tekniska nämnden 98 410 95 230 -3 180\nKultur 812 455 830 102 17 641\n",
                "Kultur",
                &["?"],
            ),
            // One reading as typeset, but not the difference the other rows hold: a digit OCR
            // added (`8380`) moved the cut.
            (
                "Tekniska nämnden 98 410 95 230 -3 180\nVård 6 912 340 7 104 220 191 8380\n",
                "Vård",
                &["?"],
            ),
            // The difference holds: read.
            (
                "Tekniska nämnden 98 410 95 230 -3 180\nVård 6 912 340 7 104 220 191 880\n",
                "Tekniska nämnden",
                &["98 410", "95 230", "-3 180"],
            ),
            // Off by one unit, as figures rounded each on its own are: it holds.
            (
                "Tekniska nämnden 98 410 95 230 -3 181\n",
                "Tekniska nämnden",
                &["98 410", "95 230", "-3 181"],
            ),
        ];
        for (more, label, want) in cases {
            let text = format!("{head}{rows}{more}");
            assert_eq!(row_cells(&text, label), want.to_vec(), "{label}");
        }
        // Without a difference column the same rows are not cut.
        let text = format!("{}{rows}", head.replace("Förändring", "Prognos 2026"));
        assert_ne!(
            row_cells(&text, "Kommunstyrelsen"),
            ["171 781", "171 724", "-57"]
        );
    }

    #[test]
    fn figures_with_decimals_are_read_as_written_whatever_their_difference() {
        let text = "Driftsredovisning (mnkr)\n\nNämnd Budget Utfall Avvikelse\n\
                    Aa 305,8 281,9 -23,9\nBb 410,1 415,9 5,7\nCc 120,4 118,2 -2,2\n\
                    Dd 50,0 40,0 -7,5\n";
        // A rounded difference (5,7 for 5,8) and a source's own inconsistency alike: a figure
        // with decimals ends at them, so no cut was guessed.
        assert_eq!(row_cells(text, "Bb"), ["410,1", "415,9", "5,7"]);
        assert_eq!(row_cells(text, "Dd"), ["50,0", "40,0", "-7,5"]);
    }

    #[test]
    fn a_header_row_of_years_states_the_width_of_rows_ocr_ran_together() {
        let head = "Belopp i miljoner kronor\n\nKostnader Resultat\n\nLän 2021 2022 2021 2022\n";
        let rows = "Aa 4 512 4 730 -12 88\nBb 3301 3 415 21 40\nCc 9 918 10 402 -7 66\n";
        // (row appended under the others, its label, cells expected; `?`: unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            // Figures of two columns run together: fewer numbers than years.
            ("Dd 1297213405 -31 52\n", "Dd", &["?"]),
            ("Dd 61206377 -4 52\n", "Dd", &["?"]),
            // And the rows read at the width still are read.
            (
                "Dd 1297213405 -31 52\n",
                "Bb",
                &["3301", "3 415", "21", "40"],
            ),
            // A long ungrouped figure, where a row shows OCR runs columns together, is read
            // only as long as a typeset figure of its column.
            (
                "Dd 1297213405 -31 52\nEe 5 002 5 230 16 21644\n",
                "Ee",
                &["?"],
            ),
            (
                "Dd 1297213405 -31 52\nEe 5 002 10402 16 44\n",
                "Ee",
                &["5 002", "10402", "16", "44"],
            ),
            // Without such a row, it is one figure as OCR left it.
            (
                "Ee 5 002 5 230 16 21644\n",
                "Ee",
                &["5 002", "5 230", "16", "21644"],
            ),
        ];
        for &(more, label, want) in cases {
            let text = format!("{head}{rows}{more}");
            assert_eq!(row_cells(&text, label), want, "{text}");
        }
    }

    #[test]
    fn a_row_ocr_left_ungrouped_splits_as_long_as_its_columns_figures_are() {
        let head = "Miljoner kronor\n\nRegion 2019 2020 2019 2020\n";
        let firm = "Aa 6354 6 647 31 64\nBb 10716 11 096 97 673\n";
        // (rows read with certainty, the row in doubt, what it reads as; `?`: unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            // `11983 | 12 | 496 113 | 447` moves a group of three: one way keeps the columns.
            (
                firm,
                "Cc 11983 12 496 113 447",
                &["11983", "12 496", "113", "447"],
            ),
            (
                firm,
                "Cc 17155 18 211 -288 924",
                &["17155", "18 211", "-288", "924"],
            ),
            // One row read with certainty says nothing about the columns (a total is no
            // evidence: a sum may be a digit longer than its parts).
            (
                "Aa 6354 6 647 31 64\nSumma 17070 17743 128 737\n",
                "Cc 11983 12 496 113 447",
                &["?"],
            ),
            // Two readings that both keep the columns: no guess.
            (
                "Aa 6354 66 310 000 64\nBb 10716 11 096 97 673\n",
                "Cc 11983 12 496 113 447",
                &["?"],
            ),
        ];
        for &(sure, doubt, want) in cases {
            let text = format!("{head}{sure}{doubt}\n");
            assert_eq!(row_cells(&text, "Cc"), want, "{text}");
        }
        // Without a width the headers state, no row is read as OCR leaves it.
        let text = format!("Miljoner kronor\n\n{firm}Cc 11983 12 496 113 447\n");
        assert_ne!(
            row_cells(&text, "Cc"),
            ["11983", "12 496", "113", "447"],
            "{text}"
        );
    }

    #[test]
    fn a_row_splits_as_wide_as_its_columns_are() {
        let head = "Miljoner kronor\n\n 2019 2020 2021\n";
        // (rows read with certainty, the row in doubt, what it reads as)
        let cases: &[(&str, &str, &[&str])] = &[
            // Columns of two groups: ten groups are five numbers of two.
            (
                "Aa \u{2011}672 783 \u{2011}694 948 \u{2011}710 631\nBb \u{2011}5 145 \u{2011}5 289 \u{2011}6 118\n",
                "Cc 169 051 164 228 160 063",
                &["169 051", "164 228", "160 063"],
            ),
            // Columns of one group: three groups, three numbers (one reading anyway).
            ("Aa -1 -2 -3\nBb -4 -5 -6\n", "Cc 7 8 9", &["7", "8", "9"]),
            // Columns of one or two groups: `1 304 800` stays in doubt …
            (
                "Aa -160 -171 -205\nBb -7 613 -8 000 -8 895\n",
                "Cc 7 817 1 304 800",
                &["?"],
            ),
            // … unless the middle column has only ever one group.
            (
                "Aa -160 -171 -2 205\nBb -7 613 -8 -8 895\n",
                "Cc 7 817 1 304 800",
                &["7 817", "1", "304 800"],
            ),
            // A group of four digits: OCR dropped group spaces, and group counts mean nothing;
            // only digits are weighed there, and `1 234 567 890 123` splits into three figures
            // of three to seven digits three ways …
            (
                "Aa -672 783 -694 948 -710 631\nBb -5145 \u{2011}5 289 \u{2011}6 118\n",
                "Cc 1 234 567 890 123",
                &["?"],
            ),
            // … while `169 | 051 164 …` and the like are no figure or nine digits long.
            (
                "Aa -672 783 -694 948 -710 631\nBb -5145 \u{2011}5 289 \u{2011}6 118\n",
                "Cc 169 051 164 228 160 063",
                &["169 051", "164 228", "160 063"],
            ),
            // One row read with certainty (a total row is no evidence) says nothing about the
            // columns.
            (
                "Aa -672 783 -694 948 -710 631\nSumma -672 783 -694 948 -710 631\n",
                "Cc 169 051 164 228 160 063",
                &["?"],
            ),
        ];
        for &(sure, doubt, want) in cases {
            let text = format!("{head}{sure}{doubt}\n");
            assert_eq!(row_cells(&text, "Cc"), want, "{text}");
        }
    }

    #[test]
    fn a_row_that_may_have_left_a_cell_empty_is_cut_only_like_its_neighbours() {
        let head =
            "Tusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\nHeby 4 822 5 084\n";
        // (the row, what it reads as)
        let cases: &[(&str, &[&str])] = &[
            // One figure of three groups, or `4 | 591 000`: five digits apart, under rows none.
            ("Knivsta 4 591 000", &["?"]),
            ("Knivsta 4 591 000 000", &["?"]),
            // Figures of their neighbours' size, though the groups also read as one number.
            ("Knivsta 591 602", &["591", "602"]),
            ("Knivsta 591 1 002", &["591", "1 002"]),
            // Only one reading at all: no empty cell is possible.
            ("Knivsta 4 591 5 002", &["4 591", "5 002"]),
        ];
        for &(row, want) in cases {
            let text = format!("{head}{row}\nTierp 7 875 8 149\n");
            assert_eq!(row_cells(&text, "Knivsta"), want, "{row}");
        }
    }

    #[test]
    fn a_group_space_ocr_dropped_never_makes_two_figures_or_a_code_and_a_figure() {
        let lan = "Fördelning av medel per län\n\nLän Belopp, kr\nBlekinge län 20 583 009\n";
        let lan_below = "Dalarnas län 27 321 604\nHallands län 70 854 684\n";
        let years = "Tusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\n";
        let years_below = "Tierp 7 875 8 149\nHeby 4 822 5 084\n";
        // (head, row, rows below, the row's label, its cells (`?`: unresolved), a row below and
        // its cells)
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a [&'a str],
            &'a str,
            &'a [&'a str],
        );
        let cases: &[Case<'_>] = &[
            // One column stated by the header line: one figure whose group space OCR dropped,
            // and the rows around it keep their figures whole.
            (
                lan,
                "Jönköpings län 52387 555",
                lan_below,
                "Jönköpings län",
                &["52387 555"],
                "Dalarnas län",
                &["27 321 604"],
            ),
            (
                lan,
                "Jönköpings län 52 387 555",
                lan_below,
                "Jönköpings län",
                &["52 387 555"],
                "Dalarnas län",
                &["27 321 604"],
            ),
            // Two columns stated: the same groups are two figures as typeset.
            (
                years,
                "Knivsta 52387 555",
                years_below,
                "Knivsta",
                &["52387", "555"],
                "Tierp",
                &["7 875", "8 149"],
            ),
            // A code run before a figure, or one figure whose group space OCR dropped.
            (
                lan,
                "Jönköpings län 52 387555",
                lan_below,
                "Jönköpings län",
                &["?"],
                "Dalarnas län",
                &["27 321 604"],
            ),
            // A code before a figure that no dropped space can join to it.
            (
                lan,
                "Område 4 12 000",
                lan_below,
                "Område",
                &["12 000"],
                "Dalarnas län",
                &["27 321 604"],
            ),
        ];
        for &(head, row, below, label, want, other, other_want) in cases {
            let text = format!("{head}{row}\n{below}");
            assert_eq!(row_cells(&text, label), want, "{row}");
            assert_eq!(row_cells(&text, other), other_want, "{row}");
        }
    }

    #[test]
    fn where_no_width_is_stated_a_dropped_group_space_leaves_the_row_unresolved() {
        // Headers that state no width: `31108 914` is two cells or, with a group space OCR
        // dropped, `31 108 914`, and nothing tells which.
        let head = "Belopp i kronor\n\nKommun Bidrag Ersättning\nAle 12 826 13 218\n\
                    Lerum 7 875 8 149\n";
        let cases: &[(&str, &[&str])] = &[
            ("Borås 5580 760", &["?"]),
            ("Borås 31108 914", &["?"]),
            ("Borås 168042 325", &["?"]),
            ("Borås 54 546990", &["?"]),
            ("Borås 4 546990123", &["?"]),
            // No reading joins these into one number.
            ("Borås 12826 13218", &["12826", "13218"]),
            ("Borås 4822 5 084", &["4822", "5 084"]),
            ("Borås 54 5469", &["54", "5469"]),
            ("Borås 2019 760", &["2019", "760"]),
        ];
        for &(row, want) in cases {
            let text = format!("{head}{row}\nMark 4 822 5 084\n");
            assert_eq!(row_cells(&text, "Borås"), want, "{row}");
        }
    }

    #[test]
    fn figures_on_lines_of_their_own_are_not_split_by_column_width() {
        // One cell per line: `2 288` is one cell, never `2 | 288` to fill a missing cell.
        let text = "Tkr\n\nKommun 2019\n\nKommun 2018\n\nKoncern 2019\n\nKoncern 2018\n\n\
                    Aa\n\n-94 133\n\n-6 019\n\n-98 778\n\n-4 611\n\n\
                    Bb\n\n-77 525\n\n-10 072\n\n-77 604\n\n-9 798\n\n\
                    Cc\n\n-2 330\n\n \n\n-2 330\n\n2 288\n";
        let got = row_cells(text, "Cc");
        assert!(!got.iter().any(|c| c == "2" || c == "288"), "{got:?}");
    }

    #[test]
    fn a_budget_deviation_cuts_a_row_where_it_is_the_outcome_less_the_budget() {
        let table = |deviation: &str| {
            format!(
                "Driftredovisning\n\n(tkr) Utfall2013 Förändring 2012/2013 Förändring \
                 2012/2013 Budget 2013 {deviation}\n\
                 Revision – 614 – 9 1,6 % – 620 6\n\
                 Överförmyndare – 819 50 – 5,7 % – 847 28\n\
                 Övriga förtroendevalda – 4 646 – 76 1,7 % – 4 937 291\n"
            )
        };
        // −4 646 − (−4 937) = 291: one cut of three makes it so.
        for deviation in ["Budget-avvikelse", "Avvikelse mot budget"] {
            assert_eq!(
                row_cells(&table(deviation), "Övriga förtroendevalda"),
                ["– 4 646", "– 76", "– 4 937", "291"],
                "{deviation}"
            );
        }
        // No deviation named: the three cuts stand, the row is unresolved.
        assert_eq!(
            row_cells(&table("Kommentar"), "Övriga förtroendevalda"),
            ["?"]
        );
        assert_eq!(
            budget_deviation(&[
                "Utfall 2013".into(),
                "Budget 2013".into(),
                "Budgetavvikelse".into()
            ]),
            Some((0, 1, 2))
        );
        // No budget column to subtract: no rule.
        assert_eq!(
            budget_deviation(&[
                "Utfall 2013".into(),
                "Utfall 2012".into(),
                "Budgetavvikelse".into()
            ]),
            None
        );
    }

    #[test]
    fn a_numbered_section_heading_heads_a_one_column_table_by_its_title() {
        let table = |heading: &str| {
            let text = format!(
                "2.2Övriga villkor\n{heading}\nLåneram (enl 20 § budgetlagen)100 000\n\
                 Räntekontokredit (enl 21 § budgetlagen)65 301\nBelopp angivna i tkr\n"
            );
            read(&text, &[]).tables.first().map(|t| t.headers.clone())
        };
        for heading in ["2.2.1Låneram och krediter", "Låneram och krediter"] {
            assert_eq!(
                table(heading),
                Some(vec!["Låneram och krediter".to_string()]),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_year_run_into_a_headers_name_is_written_apart_both_ways() {
        for (word, want) in [
            ("Utfall2013", "Utfall 2013"),
            ("Budget2025", "Budget 2025"),
            // Not a year, a code, or no name before it: as written.
            ("Utfall1234", "Utfall1234"),
            ("SNI2007", "SNI2007"),
            ("2013", "2013"),
            ("a2013", "a2013"),
        ] {
            assert_eq!(year_apart(word), want, "{word}");
        }
    }

    #[test]
    fn a_line_opening_with_its_unit_in_parentheses_is_a_header_line_both_ways() {
        assert!(opens_with_unit_header("(tkr) Utfall 2013 Budget 2013"));
        assert!(opens_with_unit_header("(mnkr) Bokslut"));
        // The unit under a header name, or words in parentheses: the line above goes on.
        assert!(!opens_with_unit_header("(kronor)"));
        assert!(!opens_with_unit_header("(tkr) och budget"));
        assert!(!opens_with_unit_header("(exkl. moms) Belopp"));
    }

    fn header_of(pieces: &[&str]) -> Option<(String, Vec<String>)> {
        let pieces: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        header_columns(&pieces).map(|h| (h.label, h.headers))
    }

    #[test]
    fn a_header_line_is_closed_by_unit_words_and_years() {
        assert_eq!(
            header_of(&[
                "Medel i kronor",
                "Region Grundbelopp kronor",
                "Prestationsdel kronor"
            ]),
            Some((
                "Region".into(),
                vec!["Grundbelopp kronor".into(), "Prestationsdel kronor".into()]
            ))
        );
        assert_eq!(
            header_of(&["Kommun Bidrag 2024 Bidrag 2025"]),
            Some((
                "Kommun".into(),
                vec!["Bidrag 2024".into(), "Bidrag 2025".into()]
            ))
        );
        // A header left open: one column or two cannot be told.
        assert_eq!(header_of(&["Region Grundbelopp Prestationsdel"]), None);
        // A difference column's name closes its header at the line's end or the next capital.
        let budgets = |last: &str| {
            Some((
                "Kommun".to_string(),
                vec!["Budget 2025".into(), "Budget 2026".into(), last.to_string()],
            ))
        };
        assert_eq!(
            header_of(&["Kommun Budget 2025 Budget 2026 Förändring"]),
            budgets("Förändring")
        );
        assert_eq!(
            header_of(&["Kommun Budget 2025 Budget 2026 Avvikelse mot budget 2025"]),
            budgets("Avvikelse mot budget 2025")
        );
        // Inside a header it closes nothing: `Förändring mot` is left open.
        assert_eq!(
            header_of(&["Kommun Budget 2025 Budget 2026 Förändring mot"]),
            None
        );
        // Where the export kept its column gaps, they state the columns, not the name.
        assert_eq!(
            header_of(&["Kommun", "Budget 2025", "Budget 2026", "Förändring"]),
            None
        );
        // A line of one unit a column states the columns' units, and no columns of its own.
        assert_eq!(
            header_of(&["Kommun Beviljat 2025 Beviljat 2026 Förändring kr kr kr"]),
            Some((
                "Kommun".into(),
                vec![
                    "Beviljat 2025 kr".into(),
                    "Beviljat 2026 kr".into(),
                    "Förändring kr".into()
                ]
            ))
        );
        // One unit under one header is that column's unit (`Anslag 2026` ⏎ `(mnkr)`).
        assert_eq!(
            header_of(&["Anslag 2026 (mnkr)"]),
            Some(("Anslag".into(), vec!["2026 (mnkr)".into()]))
        );
        assert_eq!(
            header_of(&["Kommun Budget 2025 tkr"]),
            Some(("Kommun".into(), vec!["Budget 2025 tkr".into()]))
        );
        // Two units under three columns: no such line, each closes a header as before
        // (`Förändring kr`, then `kr`).
        assert_eq!(
            header_of(&["Kommun Beviljat 2025 Beviljat 2026 Förändring kr kr"])
                .map(|(_, h)| h.len()),
            Some(4)
        );
        assert_eq!(
            header_of(&["Grundbelopp kronor"]),
            None,
            "no label column header"
        );
    }

    /// A cell as (row label, figure as written, value in kronor).
    type ReadCell = (String, String, i64);

    /// The cells read on the row that opens with `label` (label, figure as written, value in
    /// kronor), or `?` and the label when the row is listed unresolved.
    fn row_read(text: &str, label: &str) -> Vec<ReadCell> {
        let t = read(text, &[]);
        let from = text[..text.find(&format!("\n{label} ")).expect("row") + 1]
            .chars()
            .count();
        let to = from
            + text[text.find(&format!("\n{label} ")).expect("row") + 1..]
                .split('\n')
                .next()
                .unwrap_or("")
                .chars()
                .count();
        let on_row = |s: usize| (from..to).contains(&s);
        let Some(table) = t.tables.first() else {
            return vec![("no table".into(), String::new(), 0)];
        };
        if let Some(u) = table.unresolved.iter().find(|u| on_row(u.start)) {
            return vec![("?".into(), u.label.clone(), 0)];
        }
        t.cells
            .iter()
            .filter(|c| on_row(c.start))
            .map(|c| {
                let cell = c.cell.as_ref().map_or("", |x| x.label.as_str());
                let written = text.chars().skip(c.start).take(c.end - c.start).collect();
                (cell.to_string(), written, c.value.map_or(0, |m| m.0 / 100))
            })
            .collect()
    }

    #[test]
    fn a_letter_ocr_read_for_a_digit_between_two_figures_is_read_as_that_digit() {
        let head = "Tusental kronor\nKommun 2024 2025\nAaby 1 200 1 300\nBbby 2 000 2 100\n";
        let row = |label: &str, written: &str, kronor: i64| {
            (label.to_string(), written.to_string(), kronor * 1000)
        };
        // (the row, what it reads as; `?`: listed unresolved)
        let cases: &[(&str, Vec<ReadCell>)] = &[
            // `S` between an ungrouped figure and a group of three: the second figure's head.
            (
                "Cc 4822 S 084",
                vec![row("Cc", "4822", 4822), row("Cc", "S 084", 5084)],
            ),
            // `O` and `l` likewise; a typeset first figure.
            (
                "Cc 4 822 l 084",
                vec![row("Cc", "4 822", 4822), row("Cc", "l 084", 1084)],
            ),
            // A letter run into a group (`O00`) is no lone letter: not read.
            ("Cc 12 O00 7 300", vec![("?".into(), "Cc 12 O".into(), 0)]),
            // At the label's edge the letter may be the label's (`Cc S`) or a digit (`5 811`).
            ("Cc S 811 6075", vec![("?".into(), "Cc S".into(), 0)]),
            // A word between the label and the letter: no figure on its left.
            ("Cc ab S 811 6075", vec![("?".into(), "Cc ab S".into(), 0)]),
            // More figures than columns once the letter is a digit: no reading.
            ("Cc 4822 S 084 7", vec![("?".into(), "Cc 4822 S".into(), 0)]),
        ];
        for (line, want) in cases {
            let text = format!("{head}{line}\nDdby 3 000 3 100\n");
            assert_eq!(&row_read(&text, "Cc"), want, "{line:?}");
        }
    }

    #[test]
    fn lines_far_above_a_table_neither_stack_onto_its_header_nor_head_it() {
        let table = "Belopp i tkr\n\nVerksamhet        Budget 2025    Utfall 2024\n\
                     Aa                 4 250          3 980\n\
                     Bb                 6 100          5 720\n\
                     Summa             10 350          9 700\n";
        let said = "Regionen fördelar medlen enligt tabellen nedan.\n\n";
        // (lines above the table)
        let cases = [
            String::new(),
            // A heading naming its year, a sentence away: no stacked header name.
            format!("Statsbidrag 2025\n\n{said}"),
            // A letterhead opening with a label column's name (`Region`): no header line.
            format!("Region Västerbotten\nRegionstyrelsen\n\nStatsbidrag 2025\n\n{said}"),
            format!("Region Västerbotten\nRegionstyrelsen\n\n{said}"),
        ];
        for above in cases {
            let text = format!("{above}{table}");
            assert_eq!(row_cells(&text, "Bb"), ["6 100", "5 720"], "{above}");
        }
    }

    #[test]
    fn a_bar_before_a_number_in_a_table_without_pipes_puts_its_row_in_doubt() {
        let head = "Belopp i tkr\n\nKommun         Beviljat 2024   Beviljat 2025\n";
        // (rows, the row asked for, its cells; `?`: unresolved)
        let cases: &[(&str, &str, &[&str])] = &[
            // OCR's bar for a `1`: `980 | 150` is 980 and 1 150, not 150.
            (
                "Aa 1 250 1 400\nBb 2 100 2 300\nCc 2 850 2 900\nDd 980 | 150\nTotalt 7 180 7 750\n",
                "Dd",
                &["?"],
            ),
            (
                "Aa 1 250 1 400\nBb 2 100 2 300\nCc 2 850 2 900\nDd 980 | 150\nTotalt 7 180 7 750\n",
                "Bb",
                &["2 100", "2 300"],
            ),
            (
                "Aa 1 250\nBb 2 100\nCc | 640\nDd 980\nTotalt 5 970\n",
                "Cc",
                &["?"],
            ),
            // A table written with pipes has them on every row: they are column gaps.
            (
                "Aa | 1 250 | 1 400 |\nBb | 2 100 | 2 300 |\nCc | 2 850 | 2 900 |\nDd | 980 | 1 150 |\n",
                "Dd",
                &["980", "1 150"],
            ),
        ];
        for (rows, label, want) in cases {
            assert_eq!(row_cells(&format!("{head}{rows}"), label), *want, "{rows}");
        }
    }

    #[test]
    fn a_year_in_the_caption_and_in_the_header_line_leaves_the_table_whole() {
        let rows = "Stockholms län 68 143 865\nUppsala län 12 457 300\nTOTALT 80 601 165\n";
        // (caption and header lines, label column's header, figures' headers)
        for (head, label, headers) in [
            (
                "Fördelning av medel per län 2025\nBelopp i kronor\n\nLän Medel 2025\n",
                "Län",
                vec!["Medel 2025"],
            ),
            (
                "Belopp i kronor\n\nLän Medel 2025\n",
                "Län",
                vec!["Medel 2025"],
            ),
        ] {
            let text = format!("{head}{rows}");
            let t = read(&text, &[]);
            let table = t.tables.first().expect("a table");
            assert_eq!(table.label_header, label, "{head}");
            assert_eq!(table.headers, headers, "{head}");
            assert_eq!(t.cells.len(), 3, "{head}");
        }
    }

    #[test]
    fn a_header_repeated_under_a_continued_caption_goes_on_with_the_table() {
        let head = "Tabell 4 Investeringar per nämnd\nBelopp i mnkr\n\n\
                    Nämnd                     Budget 2025    Utfall 2025\n\
                    Kommunstyrelsen                 45,2           38,9\n\
                    Tekniska nämnden               120,5          131,0\n";
        let rest = "Barn- och utbildningsnämnden    22,0           19,4\n\
                    Summa                          187,7          189,3\n";
        // (lines between the parts, the `Summa` row's cells)
        let cases: &[(&str, &[&str])] = &[
            (
                "Tabell 4 (forts.)\n\nNämnd                     Budget 2025    Utfall 2025\n",
                &["187,7", "189,3"],
            ),
            // Without the mark, a header line opens a table of its own (here without a unit).
            (
                "\nNämnd                     Budget 2025    Utfall 2025\n",
                &[],
            ),
            // A different header under the mark is another table's.
            (
                "Tabell 4 (forts.)\n\nNämnd                     Budget 2026    Plan 2027\n",
                &[],
            ),
        ];
        for (between, want) in cases {
            let text = format!("{head}{between}{rest}");
            assert_eq!(row_cells(&text, "Summa"), *want, "{between}");
        }
    }
}
