//! The output contract: one [`Record`] per input document.
//!
//! Every type here derives `Serialize` *and* `Deserialize`, so that the JSON svocr writes can be read
//! back into the same types (tests, `svocr eval`, downstream Rust code). Field order is the order of
//! the JSON keys; maps are `BTreeMap` so output is byte-stable.
//!
//! The JSON is a stable schema (`schema/record.schema.json`): every key of a part is always
//! written, `null` (or `[]`, `false`) where it does not apply, so that tools which infer a schema
//! from the data (DuckDB's `read_json`, pandas) see the same columns in every corpus. Reading is
//! lenient the other way: the keys earlier versions left out when unused (`repair`, the parts,
//! `min`, `max`, `cell`, `unit_from`, `links`, `inferred`, `of`, `parent`, `income`, `roles`,
//! `multipliers`) default when absent, so records those versions wrote still parse. This is an
//! additive change, so [`SCHEMA_VERSION`] stays 2. The gold types
//! ([`Gold`] and its parts) are hand-written input and keep their terser form.
//!
//! Offsets: [`Edit`] offsets are character offsets (Unicode scalar values, end exclusive) into the
//! *decoded input*; every extracted item's `start`/`end` are character offsets into [`Record::text`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The string type of an [`Edit`]'s `before` and `after`: a `String` that keeps up to 24 bytes inline
/// (nearly every edit's), re-exported so that callers can build edits without naming the crate.
pub use compact_str::CompactString;

/// Version of the record layout; bumped on any incompatible change.
///
/// 2: `Cell.column` is the column index (was the header text), cells carry `label`, `header` and
/// `total`, and the record lists `tables`.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything svocr knows about one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The path as given on the command line (or `-` for standard input).
    pub source: String,
    /// Whether the document could be read at all.
    pub status: Status,
    /// Why the document could not be read; `null` when `status` is `ok`.
    pub error: Option<String>,
    /// The encoding the bytes were decoded from; `null` when they could not be decoded.
    pub encoding: Option<Encoding>,
    /// The repaired text (empty for an error record).
    pub text: String,
    /// Character offset into `text` where each page starts (the first is always 0).
    pub pages: Vec<usize>,
    /// How many pages the PDF the text was read from has (`encoding` is `pdf`), counting pages
    /// without text, which `pages` cannot show; absent for text input.
    #[serde(default)]
    pub pdf_pages: Option<usize>,
    /// Every change made to the decoded input, applied or merely proposed.
    pub edits: Vec<Edit>,
    /// How OCR repair treated each section of the text (one section for any document under a
    /// megabyte), in order; `null` when repair did not run.
    #[serde(default)]
    pub repair: Option<Vec<RepairSection>>,
    /// Monetary amounts, in reading order.
    #[serde(default)]
    pub amounts: Option<Vec<Amount>>,
    /// Calendar dates, in reading order.
    #[serde(default)]
    pub dates: Option<Vec<Date>>,
    /// Periods of time (`2017–2018`, `under 2020`).
    #[serde(default)]
    pub periods: Option<Vec<Period>>,
    /// Numbered conditions (villkor) and areas of effort (insatsområden).
    #[serde(default)]
    pub villkor: Option<Vec<Villkor>>,
    /// Document references (dnr, SOU, prop. …).
    #[serde(default)]
    pub references: Option<Vec<Reference>>,
    /// Tables whose cells are in `amounts` (a table whose unit cannot be established is not listed).
    #[serde(default)]
    pub tables: Option<Vec<Table>>,
    /// Reconciliation of stated totals against their parts.
    #[serde(default)]
    pub totals: Option<Vec<TotalCheck>>,
}

impl Record {
    /// A record for a document that could not be read or decoded.
    pub fn error(source: impl Into<String>, message: impl Into<String>) -> Record {
        Record {
            schema_version: SCHEMA_VERSION,
            source: source.into(),
            status: Status::Error,
            error: Some(message.into()),
            encoding: None,
            text: String::new(),
            pages: Vec::new(),
            pdf_pages: None,
            edits: Vec::new(),
            repair: None,
            amounts: None,
            dates: None,
            periods: None,
            villkor: None,
            references: None,
            tables: None,
            totals: None,
        }
    }
}

/// The mode OCR repair ran in for one section of a document, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairSection {
    /// `apply`: confident repairs were made; `propose`: every repair is only reported.
    pub mode: crate::repair::Mode,
    /// What decided the mode: `ocr-damage`, `clean`, `older-orthography` or `foreign-language`.
    pub reason: crate::repair::ModeReason,
}

/// Whether a document was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Decoded and processed.
    Ok,
    /// Not processed; `error` says why.
    Error,
}

/// The character encoding a document was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte-order mark (the mark is dropped).
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-16, little endian, with a byte-order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big endian, with a byte-order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// ISO-8859-1: not valid UTF-8, and no byte in 0x80–0x9F.
    #[serde(rename = "iso-8859-1")]
    Latin1,
    /// Windows-1252: not valid UTF-8, uses the 0x80–0x9F range (curly quotes, dashes, €).
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// Not text but a PDF: the text is its text layer, page by page ([`crate::input::pdf`]).
    #[serde(rename = "pdf")]
    Pdf,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Latin1 => "iso-8859-1",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Pdf => "pdf",
        };
        f.write_str(name)
    }
}

/// One change to the text, with where it came from and how sure svocr is of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// First character of the changed input (character offset into the decoded input).
    pub start: usize,
    /// One past the last changed input character.
    pub end: usize,
    /// The input text that was (or would be) replaced.
    pub before: CompactString,
    /// The replacement.
    pub after: CompactString,
    /// Which rule proposed the change.
    pub kind: EditKind,
    /// How sure the rule is, in `[0, 1]`.
    pub confidence: f64,
    /// Whether the change is in `text`; a low-confidence proposal is recorded but not applied.
    pub applied: bool,
}

#[cfg(test)]
impl Edit {
    /// A digit misreading at confidence 0.75, for the tests of the stages that show or store
    /// edits without weighing them.
    pub(crate) fn digit(
        start: usize,
        end: usize,
        before: &str,
        after: &str,
        applied: bool,
    ) -> Edit {
        Edit {
            start,
            end,
            before: before.into(),
            after: after.into(),
            kind: EditKind::Digit,
            confidence: 0.75,
            applied,
        }
    }
}

/// The rule behind an [`Edit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditKind {
    /// Unicode normalisation to NFC.
    Nfc,
    /// A soft hyphen (U+00AD) removed.
    SoftHyphen,
    /// A typographic ligature unfolded (`ﬁ` → `fi`).
    Ligature,
    /// CRLF or CR line ending turned into LF.
    Newline,
    /// A line-end hyphen joined (`rehabili-`⏎`teringsprocessen`).
    Hyphenation,
    /// A line break inside a paragraph turned into a space.
    Unwrap,
    /// A repeated running header/footer or bare page number removed.
    Furniture,
    /// å/ä/ö restored.
    Diacritic,
    /// A digit read for a letter (`f6r`, `1` for `i`).
    Digit,
    /// A dropped word-initial letter restored (`verenskommelsen`).
    DroppedLetter,
    /// Bracket or brace noise (`{6r`).
    Noise,
    /// A valid word replaced by the one the context calls for (`for` → `för`).
    RealWord,
    /// A compound repaired in one of its parts.
    Compound,
    /// Any other letter confusion.
    Spelling,
    /// A space the OCR put inside a word removed (`Regeri ngen` → `Regeringen`).
    Join,
}

/// Money as an exact number of öre (1/100 krona, or 1/100 of another currency's unit).
///
/// Serialised as a JSON number of whole units: `62500000` for 62,5 miljoner, `12.5` for 12,50 kr.
/// Never a float internally, so `1,2 mnkr` is exactly 1 200 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

impl Money {
    /// Whole units (kronor) as money.
    pub const fn units(units: i64) -> Money {
        Money(units * 100)
    }

    /// The amount in öre.
    pub const fn ore(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (units, cents) = (abs / 100, abs % 100);
        match cents {
            0 => write!(f, "{sign}{units}"),
            c if c % 10 == 0 => write!(f, "{sign}{units}.{}", c / 10),
            c => write!(f, "{sign}{units}.{c:02}"),
        }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            // A value with öre is written from its decimal text: serde_json's arbitrary-precision
            // numbers keep that text as it is, so no float ever rounds it.
            let n: serde_json::Number = self
                .to_string()
                .parse()
                .map_err(|_| serde::ser::Error::custom("unrepresentable amount"))?;
            n.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        parse_ore(&n.to_string()).map(Money).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "amount {n} is not a number of kronor with at most two decimals that fits"
            ))
        })
    }
}

/// Öre in a JSON number's decimal text (`-12.5`, `62500000`, `1e3`): exact, or `None` when it
/// has more than two decimals or does not fit.
fn parse_ore(s: &str) -> Option<i64> {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (neg, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The value is int.frac × 10^exp; in öre the decimal point moves two places further right.
    let all = [int, frac].concat();
    let point = i64::try_from(int.len()).ok()? + i64::from(exp) + 2;
    if point > 40 {
        return None;
    }
    let mut ore: i128 = 0;
    for (i, b) in all.bytes().enumerate() {
        let d = i128::from(b - b'0');
        if i64::try_from(i).ok()? < point {
            ore = ore.checked_mul(10)?.checked_add(d)?;
        } else if d != 0 {
            return None; // a fraction of an öre
        }
    }
    for _ in i64::try_from(all.len()).ok()?..point {
        ore = ore.checked_mul(10)?;
    }
    i64::try_from(if neg { -ore } else { ore }).ok()
}

/// A validated calendar date, written as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// Year, 1000–2999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, valid for the month and year.
    pub day: u8,
}

impl IsoDate {
    /// A date, or `None` when no such day exists (`30 februari`).
    pub fn new(year: u16, month: u8, day: u8) -> Option<IsoDate> {
        if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(IsoDate { year, month, day })
    }
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for IsoDate {
    type Err = String;

    fn from_str(s: &str) -> Result<IsoDate, String> {
        let bad = || format!("`{s}` is not a valid YYYY-MM-DD date");
        let mut it = s.splitn(3, '-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let parse = |p: &str| p.parse::<u16>().map_err(|_| bad());
        IsoDate::new(parse(y)?, parse(m)? as u8, parse(d)? as u8).ok_or_else(bad)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A character span into [`Record::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A monetary amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The amount in the currency's unit, exact; `null` for a range (see `min`/`max`).
    pub value: Option<Money>,
    /// ISO 4217 code: `SEK`, `EUR`, `USD`, `NOK`, `DKK` …
    pub currency: String,
    /// The matched words, exactly as `text[start..end]`.
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// An upper or lower bound rather than an exact figure (`högst`, `minst`).
    pub qualifier: Option<Qualifier>,
    /// Stated as approximate (`cirka`, `drygt`, `närmare` …).
    pub approximate: bool,
    /// What the amount is per (`år`, `invånare`), if stated.
    pub per: Option<String>,
    /// Lower bound of a range (`mellan 10 och 20 miljoner kronor`).
    #[serde(default)]
    pub min: Option<Money>,
    /// Upper bound of a range.
    #[serde(default)]
    pub max: Option<Money>,
    /// Where the amount sits when it is a table cell rather than running text.
    #[serde(default)]
    pub cell: Option<Cell>,
    /// Whether the currency (and scale) was written with the figure or carried over from a money
    /// amount nearby.
    #[serde(default)]
    pub unit_from: UnitFrom,
    /// Who receives it, what period and purpose it is for, the villkor it belongs to, each with the
    /// words that say so; `null` when the document states none of them.
    #[serde(default)]
    pub links: Option<AmountLinks>,
}

impl Amount {
    /// Half a unit of the last digit the amount was stated with: its rounding tolerance (see
    /// `number::tolerance`). A range is as precise as its upper end (`10–20 mnkr` → `20`).
    pub fn tolerance(&self) -> Money {
        match self.value.or(self.max).or(self.min) {
            Some(reference) => crate::number::tolerance(&self.text, reference),
            None => Money(0),
        }
    }

    /// An exact amount in running text, with no qualifier, range or cell: the common case, and the
    /// base the extractors and tests refine with struct-update syntax.
    pub fn new(
        value: Money,
        currency: &str,
        text: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Amount {
        Amount {
            value: Some(value),
            currency: currency.to_string(),
            text: text.into(),
            start,
            end,
            qualifier: None,
            approximate: false,
            per: None,
            min: None,
            max: None,
            cell: None,
            unit_from: UnitFrom::Stated,
            links: None,
        }
    }
}

/// What the document ties an amount to (`crate::extract::link`); each link is `null` where the
/// document does not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AmountLinks {
    /// Who receives or disposes of the money, as written (`Socialstyrelsen`, `SKR, Försäkringskassan
    /// och Socialstyrelsen`, `regionerna`, a table's row label `Region Jämtland Härjedalen`).
    pub recipient: Option<Link>,
    /// The time the money is for (`2020` in `för 2020`, `2017–2018`, a table's year header).
    pub period: Option<PeriodLink>,
    /// What the money is for, where the wording is explicit (`koordinering` in `för koordinering`,
    /// the anslagspost a table row names).
    pub purpose: Option<Link>,
    /// The villkor that lists the amount.
    pub villkor: Option<VillkorLink>,
}

impl AmountLinks {
    /// Whether no link was found.
    pub fn is_empty(&self) -> bool {
        self.recipient.is_none()
            && self.period.is_none()
            && self.purpose.is_none()
            && self.villkor.is_none()
    }
}

/// Words of the text an amount or a date is linked to, and the words that justify the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The linked words, exactly as `text[start..end]`.
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The words that make the link (`till`, `Disponeras av`, `senast den`, a row label).
    pub cue: Span,
}

/// The period an amount is for: the words, the days they cover, and the words that make the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodLink {
    /// The time as written, without its preposition (`2020`, `2017–2018`).
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// First day.
    pub from: IsoDate,
    /// Last day.
    pub to: IsoDate,
    /// The words that make the link (`för`, `under`, `budgetåret`, a column header).
    pub cue: Span,
}

/// The villkor an amount belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillkorLink {
    /// The villkor's number.
    pub number: u32,
    /// For a sub-condition, the number of its condition.
    #[serde(default)]
    pub parent: Option<u32>,
    /// The villkor's mention that lists the amount.
    pub cue: Span,
}

/// Where an amount's currency and scale come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitFrom {
    /// Written with the figure (`944 miljoner kronor`, `EUR 20`, a table's caption for a cell).
    #[default]
    Stated,
    /// Carried over from a money amount nearby: a scale without a currency after kronor (`500
    /// miljoner`), or a bare figure in the passage of a stated one (`490 miljoner kronor (373 till
    /// … och 117 till …)`).
    Context,
}

impl UnitFrom {
    /// Whether the unit was written with the figure.
    pub fn is_stated(&self) -> bool {
        *self == UnitFrom::Stated
    }
}

/// A bound stated with an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `högst`, `maximalt`, `upp till`.
    Max,
    /// `minst`, `lägst`.
    Min,
}

/// A table cell's position, with the row label and column header as text, so that a reader can ask
/// for `Stockholm`, `2024` without reading the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Index of the table in the record's `tables`, from 0.
    pub table: usize,
    /// Row within the table body (header rows excluded), from 0.
    pub row: usize,
    /// Column index, from 0 (the label column not counted).
    pub column: usize,
    /// The row label as written, wrapped lines joined with a space (`Stockholm`, `Totalt`).
    pub label: String,
    /// The column header as written (`Medel i kronor`, `2017`), or `""` when the table has none.
    pub header: String,
    /// The row states a sum (`Totalt`, `Summa …`, `S:a`, `Alla …`): checked against the rows of its
    /// block, above it, or below it when it opens its section.
    pub total: bool,
}

/// A table read from the text: where it is, its unit, headers and rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// First character of the table (its header, else its first row) in the record's text.
    pub start: usize,
    /// One past the last character of its last row.
    pub end: usize,
    /// The caption lines above the headers, joined with a space; `""` when there are none.
    pub caption: String,
    /// The unit the cells are stated in.
    pub unit: TableUnit,
    /// The header of the label column (`Län`), or `""`.
    pub label_header: String,
    /// Column headers, one per column (`""` for a column without one).
    pub headers: Vec<String>,
    /// Body rows, in reading order.
    pub rows: Vec<TableRow>,
    /// Rows whose numbers could not be split into the table's columns with certainty: no cells.
    pub unresolved: Vec<UnresolvedRow>,
}

/// The unit of a table's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableUnit {
    /// The unit as written (`tkr`, `Tusental kronor`, `KRONOR`); `""` when it was inferred.
    pub text: String,
    /// Kronor per unit: 1, 1000, 1000000 or 1000000000.
    pub kronor: i64,
    /// Inferred by matching the table's total against a running-text amount, not written.
    pub inferred: bool,
}

/// One body row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// The row label as text.
    pub label: String,
    /// A `Totalt`/`Summa` row.
    pub total: bool,
    /// Per column, the index into the record's `amounts` of the cell, or `null` when the column
    /// holds no money (a count, a percentage) or the cell is a running-text amount.
    pub amounts: Vec<Option<usize>>,
}

/// A table row that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnresolvedRow {
    /// The row label.
    pub label: String,
    /// The row's numbers as written.
    pub text: String,
    /// Why the row was not read (`3 ways to split the digit groups into 3 columns`).
    pub reason: String,
    /// First character of the numbers in the record's text.
    pub start: usize,
    /// One past their last character.
    pub end: usize,
}

/// A calendar date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Date {
    /// The date; `null` when the text gives no year and the document's year is ambiguous.
    pub value: Option<IsoDate>,
    /// The matched words.
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// What the date means in its sentence.
    pub role: Option<DateRole>,
    /// Whether part of the value was not written in `text`: a year taken from the document
    /// (`senast den 31 augusti`) or the century of a two-digit year (`3/3/15`).
    #[serde(default)]
    pub inferred: bool,
    /// What it is the date of (`Regionerna återrapporterar till Försäkringskassan` for `senast den
    /// 11 december 2020`), with the words that say so; `null` where the sentence does not say.
    #[serde(default)]
    pub of: Option<Link>,
}

/// What a date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateRole {
    /// `senast den …`, `före den …`, `till och med …`.
    Deadline,
    /// `från och med …`, `fr.o.m. …`.
    From,
    /// A date line of a signature block.
    Signed,
    /// `Publicerad: …`.
    Published,
    /// The date a decision was taken (`beslutade den …`).
    Decision,
}

/// A span of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: IsoDate,
    /// Last day.
    pub to: IsoDate,
    /// The matched words.
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A numbered condition (villkor) or area of effort (insatsområde, område).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Villkor {
    /// The condition's number.
    pub number: u32,
    /// Its name, with no trailing amount or punctuation; the fullest of its mentions.
    pub title: String,
    /// Indexes into the record's `amounts` that belong to this condition.
    pub amounts: Vec<usize>,
    /// Start of the mention the title was taken from.
    pub start: usize,
    /// End of that mention.
    pub end: usize,
    /// Every mention of the condition, in reading order.
    pub mentions: Vec<Span>,
    /// For a sub-condition (`Delvillkor 7 …`), the number of the condition it belongs to; `null`
    /// for a condition of its own.
    #[serde(default)]
    pub parent: Option<u32>,
}

/// A reference to another document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// `dnr`, `sou`, `prop`, `ds`, `sfs`, `bet`, `anslag`, `item`.
    pub kind: String,
    /// The reference itself, without its label (`S2019/05301/SF`, `2020:24`).
    pub value: String,
    /// The matched words, label included (`dnr S2019/05301/SF`).
    pub text: String,
    /// First character in the record's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One reconciliation of a stated total against its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalCheck {
    /// The total as stated.
    pub stated: Money,
    /// The sum of the parts (income included). For an `unresolved` check, the sum of whatever
    /// parts were found: `0` when none were.
    pub computed: Money,
    /// `computed - stated`.
    pub difference: Money,
    /// How far apart the two may be given the precision the numbers were stated with.
    pub tolerance: Money,
    /// The verdict.
    pub status: TotalStatus,
    /// Indexes into the record's `amounts`: the parts that were summed.
    pub components: Vec<usize>,
    /// Index into `amounts` of the income a result is computed from, if any.
    #[serde(default)]
    pub income: Option<usize>,
    /// The role of each part, parallel to `components`: how the wording adds it to the total.
    #[serde(default)]
    pub roles: Vec<PartRole>,
    /// How many times each part counts, parallel to `components` (`250 miljoner kronor per år …
    /// 2022–2024` counts 3 times); empty when every part counts once.
    #[serde(default)]
    pub multipliers: Vec<u32>,
    /// How the parts were chosen.
    pub method: String,
    /// Start of the stated total in the record's text.
    pub start: usize,
    /// End of the stated total.
    pub end: usize,
}

/// How a part enters its total, read from the wording before it. Figures whose wording makes them
/// no part (a nested `varav` figure, a change `en ökning med`, a comparison `jämfört med`, a
/// restatement of the total) are never components, so they have no role here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartRole {
    /// A listed part (a table row, a bullet, a `varav` part, a plain figure after the total).
    Part,
    /// Added to what came before: `ytterligare`, `därtill`, `dessutom`, `utöver detta`,
    /// `tillsammans med`.
    Addition,
    /// What is left of the total: `resterande`, `återstående`, `övriga`.
    Remainder,
    /// One payment of a plan that pays out an anslag or anslagspost (`Utbetalning … ska ske med
    /// 16 600 000 kronor den 10 januari …`), checked against the item's amount.
    Instalment,
}

/// The verdict of a [`TotalCheck`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TotalStatus {
    /// The parts add up within tolerance.
    Ok,
    /// The parts do not add up, even allowing for rounding.
    Mismatch,
    /// A total was stated but its parts could not be identified.
    Unresolved,
}

/// Hand-made gold extraction for one document (the schema of `gold/README.md`).
///
/// Values are parsed into the record's own types, so a gold file and svocr's output are compared
/// as like with like.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// Every monetary amount in running text, in whole kronor, reading order (table cells excluded).
    #[serde(default)]
    pub amounts: Vec<Money>,
    /// Every calendar date, reading order.
    #[serde(default)]
    pub dates: Vec<IsoDate>,
    /// Condition number → title.
    #[serde(default)]
    pub villkor: std::collections::BTreeMap<String, String>,
    /// Stated sums and their parts.
    #[serde(default)]
    pub totals: Vec<GoldTotal>,
    /// A table's columns: header → cell values in miljoner kronor (row order); `total` holds the
    /// stated column sums. Parsed as [`Money`] for exactness, so `151.2` means 151,2 miljoner.
    #[serde(default)]
    pub table_msek: std::collections::BTreeMap<String, Vec<Money>>,
    /// References as written (`SOU 2020:24`).
    #[serde(default)]
    pub references: Vec<String>,
    /// Every money cell of the document's tables, in reading order (the table development set's
    /// schema, `training/tables/README.md`). `None` where a gold file does not list cells (the seeds
    /// list a table's columns as `table_msek` instead), so cells are then not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Vec<GoldCell>>,
    /// Each amount's links, by hand: one entry per amount the document links to anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<GoldLink>>,
    /// What dates are the dates of, by hand: one entry per date whose sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of: Option<Vec<GoldDateOf>>,
}

/// An amount's links in a [`Gold`] file; a link the document does not state is `null` or absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldLink {
    /// The amount in kronor (a range: its upper end).
    pub amount: Money,
    /// The recipient's words as printed.
    #[serde(default)]
    pub recipient: Option<String>,
    /// The period's words as printed, without their preposition (`2020`, `2017–2018`).
    #[serde(default)]
    pub period: Option<String>,
    /// The purpose's words as printed.
    #[serde(default)]
    pub purpose: Option<String>,
    /// The villkor number.
    #[serde(default)]
    pub villkor: Option<u32>,
}

/// What a date is the date of, in a [`Gold`] file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDateOf {
    /// The date.
    pub date: IsoDate,
    /// The words saying what it is the date of, as printed.
    pub of: String,
}

/// A money cell in a [`Gold`] file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldCell {
    /// The value in kronor, the table's unit applied.
    pub value: Money,
    /// The table, counted from 0 in document order.
    pub table: usize,
    /// The row label as printed.
    pub label: String,
    /// The column header (multi-line headers joined with a space), or `""` when none is printed.
    pub header: String,
}

/// A stated sum in a [`Gold`] file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldTotal {
    /// The stated total, in kronor.
    pub stated: Money,
    /// The parts, in kronor.
    pub components: Vec<Money>,
    /// For a result computed as income plus (negative) costs: the income.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<Money>,
    /// `false` when the document's printed parts do not reproduce its printed total (rounding in
    /// the source, or a real error); such a total is not scored, since either verdict is defensible.
    #[serde(
        default = "consistent_by_default",
        skip_serializing_if = "Clone::clone"
    )]
    pub consistent: bool,
}

fn consistent_by_default() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_money_json(ore: i64, json: &str) {
        let m = Money(ore);
        assert_eq!(serde_json::to_string(&m).unwrap(), json);
        assert_eq!(serde_json::from_str::<Money>(json).unwrap(), m);
    }

    #[test]
    fn money_is_exact_in_json() {
        assert_money_json(6_250_000_000, "62500000");
        assert_money_json(1250, "12.5");
        assert_money_json(1205, "12.05");
        assert_money_json(-340_000_000, "-3400000");
        assert_money_json(-5, "-0.05");
        // Beyond what a float holds exactly: the decimal text is kept as it is.
        assert_money_json(123_456_789_012_345_645, "1234567890123456.45");
        assert_eq!(
            serde_json::from_str::<Money>("151.2").unwrap(),
            Money(15120)
        );
        assert_eq!(
            serde_json::from_str::<Money>("1e3").unwrap(),
            Money(100_000)
        );
        assert_eq!(serde_json::from_str::<Money>("1.50").unwrap(), Money(150));
        assert!(serde_json::from_str::<Money>("0.001").is_err());
        assert!(serde_json::from_str::<Money>("1e30").is_err());
    }

    #[test]
    fn gold_files_parse() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/gold");
        let Ok(entries) = std::fs::read_dir(dir) else {
            return; // shared/ is beside the repo in CI; the copies in fixtures/ are tested elsewhere.
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                let s = std::fs::read_to_string(&p).unwrap();
                let g: Gold =
                    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                assert!(!g.amounts.is_empty() || !g.references.is_empty() || g.dates.is_empty());
            }
        }
    }

    #[test]
    fn dates_are_validated() {
        assert!(IsoDate::new(2020, 2, 29).is_some());
        assert!(IsoDate::new(2021, 2, 29).is_none());
        assert!(IsoDate::new(2020, 2, 30).is_none());
        assert!(IsoDate::new(2020, 13, 1).is_none());
        assert_eq!(
            "2020-12-11".parse::<IsoDate>().unwrap().to_string(),
            "2020-12-11"
        );
        assert!("2020-1-11".parse::<IsoDate>().is_err());
        assert!("2020-04-31".parse::<IsoDate>().is_err());
    }
}
