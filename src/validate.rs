//! Totals reconciliation: stated sums checked against their parts, with rounding taken into account.
//!
//! **In:** the repaired text and every extracted amount (running text and table cells, reading
//! order). **Out:** one [`TotalCheck`] per stated total, in text order.
//!
//! ## Where totals are found
//!
//! Only a *cue* makes an amount a total; a large amount on its own is not one.
//!
//! 1. **Table columns**: a total row (`cell.total`: `Totalt`, `Summa …`, `S:a`, see
//!    [`crate::extract::table`]); one check per column (`cell.column`), the parts are the cells
//!    above it in the same column since the previous total row. A total after sub-totals may be
//!    their grand total: both readings are tried, `ok` only for one that adds up, else a
//!    `mismatch` against the block above it, and `method` says which reading was used.
//! 2. **Closed lists**: a line `Summa …`, `Totalt …` or a result (`Ekonomiskt överskott 4,7 Mkr`,
//!    `underskott`, `resultat`, `netto`) closing a block of amount lines in one paragraph. For a
//!    result, a leading positive line followed by negative ones is the `income` and the costs are the
//!    components: income + Σ costs = result. An `underskott` written without a minus is a negative
//!    result, and `difference` is taken against that.
//! 3. **Breakdowns**: `varav`, `därav`, `av dessa`, `av detta`, `av vilka`, `av beloppet` after an
//!    amount; the parts are the amounts up to the end of that sentence. Named parts may be only some
//!    of the whole (`omfattar totalt 2,88 miljarder kronor. Av dessa är 500 miljoner … och cirka 730
//!    miljoner …`): parts that fall short of the total are *consistent*, not wrong, so such a check is
//!    `unresolved` (the rest is not itemised), never `mismatch`. Parts that exceed the total are a
//!    `mismatch`, unless they are stated per a different base (`per år`).
//! 4. **A total followed by its parts**: `avsätta 944 miljoner kronor …`, `totalt`, `sammanlagt`,
//!    `sammantaget`, `summa`, `tillsammans` directly before an amount. The parts are chosen by
//!    structure: every amount from the total to the next heading (or the next total). When those do
//!    not add up, the contiguous runs of following amounts (at least two) are searched for one that
//!    does, and `method` says so. If none does, the verdict is `mismatch` when the section is
//!    visibly an enumeration (a numbered or bulleted list, `följande`), else `unresolved`: in plain
//!    prose the parts may simply not be stated.
//!
//! ## Tolerance
//!
//! Every number is an interval of ± half a unit of its last stated digit ([`tolerance`]):
//! `1,2 miljoner` is 1 150 000–1 250 000, `944 miljoner` ± 500 000, a table's `1 444` in Mkr ± 0,5 Mkr.
//! The parts' intervals are summed and compared with the stated interval; the check is `ok` exactly
//! when the two overlap, i.e. when `|computed − stated| ≤ tolerance`. Rounding can therefore never
//! produce a false `mismatch`, and a difference larger than every rounding allows is never `ok`.
//! Arithmetic is in öre with `i128`, so no sum overflows and no float ever rounds.
//!
//! An approximate (`cirka`) or bounded (`högst`, `minst`) figure among the numbers turns a would-be
//! `mismatch` into `unresolved`: such a figure does not claim the precision a mismatch needs.
//!
//! **Deliberately not done:** totals without a cue, sums across different currencies, subtotals
//! nested inside a running-text list, and arithmetic other than addition (shares, `hälften`, percentages).

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

use crate::offsets::{CharIndex, SpanIndex};
use crate::record::{Amount, Money, TotalCheck, TotalStatus};

/// A number as written: optional minus, digits with space/no-break/thin-space thousands, decimal
/// comma.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \d{1,3} (?: [\x20\u{a0}\u{202f}] \d{3} )+ (?: ,\d+ )?   # 1 444, 2 967 000 000
      | \d+ (?: [,.] \d+ )?                                    # 944, 1,2 (a point when exported)",
    )
    .expect("valid regex")
});

/// Scale words of an amount written in words (`en miljard`, `tjugotvå miljoner`).
static SCALE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<bn> miljard ) | (?P<mn> miljon ) | (?P<tn> tusen )",
    )
    .expect("valid regex")
});

/// A cue directly before an amount that makes it a total whose parts follow.
static TOTAL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?: totalt | sammanlagt | sammantaget | summa | tillsammans
          | avsätta | avsätter | avsätts | avsatt | avsattes )
        # small words that may sit between the cue and the figure: `avsätts totalt till …`
        (?: [\s:]+ (?: totalt | sammanlagt | till | på | om | med | av | ytterligare ) )*
        [\s:]*
        (?: (?: cirka | ca\.? | drygt | närmare | omkring | högst | upp \s+ till ) \s* )?
        $",
    )
    .expect("valid regex")
});

/// The label of a line that closes a list with its sum or its result.
static CLOSER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^ [\s\p{P}]*
        (?:
            (?: (?: ekonomiskt | ekonomiska | redovisat | beräknat | prognostiserat | årets ) \s+ )?
            (?P<res> överskott | underskott | resultat | nettoresultat | netto )
          | (?P<sum> totalt | summa | s:a | sammanlagt | total )
        )
        (?: [^\p{L}] [^\n.!?]{0,40} )? $",
    )
    .expect("valid regex")
});

/// Words that open a breakdown of the amount just before them.
static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?P<cue> varav | därav | av \s+ dessa | av \s+ detta | av \s+ vilka | av \s+ beloppet
               | av \s+ summan )
        (?: [^\p{L}] | $ )",
    )
    .expect("valid regex")
});

/// Signs that the section after a total enumerates its parts.
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xim)
        ^ [\x20\t]* (?: \d{1,2} [.)] | [-•–*] ) [\x20\t]+ \S    # `1. Ledning …`, `- Löner …`
      | (?: ^ | [^\p{L}] ) följande (?: [^\p{L}] | $ )          # `Följande insatsområden …`",
    )
    .expect("valid regex")
});

/// How far apart a total's text and its cue or breakdown words may be, in bytes.
const CUE_WINDOW: usize = 80;
/// Most amounts considered as the parts of one total.
const MAX_PARTS: usize = 40;

/// Finds stated totals in `text` and checks them against their parts among `amounts`.
///
/// `amounts` carry character offsets into `text`; the returned checks index into `amounts` and are
/// in text order. Never panics, whatever the offsets.
pub fn reconcile(text: &str, amounts: &[Amount]) -> Vec<TotalCheck> {
    let doc = Doc::new(text, amounts);
    let mut role = vec![Role::Free; amounts.len()];
    let mut checks = Vec::new();
    table_columns(&doc, &mut checks);
    closed_lists(&doc, &mut role, &mut checks);
    breakdowns(&doc, &mut role, &mut checks);
    totals_then_parts(&doc, &mut role, &mut checks);
    checks.sort_by_key(|c| (c.start, c.end));
    checks
}

/// Half a unit of the last digit `amount` was stated with: its rounding tolerance.
///
/// `1,2 miljoner kronor` → 50 000 kr; `944 miljoner` → 500 000 kr; a table cell `1 444` in Mkr →
/// 500 000 kr; `2 967 000 000 kronor` → 0,50 kr; `12,50 kr` → 0 (öre are the smallest unit). Amounts written in words are as precise
/// as their scale word (`en miljard` → 500 miljoner).
pub fn tolerance(amount: &Amount) -> Money {
    let Some(reference) = amount.value.or(amount.max).or(amount.min) else {
        return Money(0);
    };
    let v = i128::from(reference.ore()).abs();
    // The last number in the text is the one `reference` was read from (`10–20 mnkr` → 20).
    if let Some(m) = NUMBER.find_iter(&amount.text).last() {
        let Some((mantissa, _)) = parse_number(m.as_str()) else {
            return Money(0);
        };
        let mantissa = mantissa.abs();
        if mantissa == 0 {
            return Money(0);
        }
        // The last digit's place value is value / mantissa: 1,2 miljoner is 12 × 100 000.
        return Money(clamp(v / mantissa / 2));
    }
    let scale = SCALE_WORD
        .captures_iter(&amount.text)
        .fold(0i128, |acc, c| {
            let s = if c.name("bn").is_some() {
                1_000_000_000
            } else if c.name("mn").is_some() {
                1_000_000
            } else {
                1_000
            };
            acc.max(s)
        });
    Money(clamp(scale * 100 / 2))
}

/// Parses a number as written (`1 444`, `151,2`, `-3,4`, `−0,5`) into `(mantissa, decimals)`:
/// the value is `mantissa / 10^decimals`. `None` for anything else or more than 30 digits.
pub(crate) fn parse_number(s: &str) -> Option<(i128, u32)> {
    let s = s.trim();
    let (negative, digits) = match s.chars().next()? {
        c @ ('-' | '−' | '–') => (true, &s[c.len_utf8()..]),
        _ => (false, s),
    };
    let mut mantissa: i128 = 0;
    let mut decimals = 0u32;
    let mut seen_comma = false;
    let mut count = 0;
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                count += 1;
                if count > 30 {
                    return None;
                }
                mantissa = mantissa * 10 + i128::from(c as u8 - b'0');
                if seen_comma {
                    decimals += 1;
                }
            }
            ',' | '.' if !seen_comma => seen_comma = true,
            ' ' | '\u{a0}' | '\u{202f}' if !seen_comma => {}
            _ => return None,
        }
    }
    if count == 0 || (seen_comma && decimals == 0) {
        return None;
    }
    Some((if negative { -mantissa } else { mantissa }, decimals))
}

/// One readable line for a check: verdict, stated, computed, difference, tolerance and the parts.
///
/// `ok: stated 944 000 000 kr, computed 944 000 000 kr, difference 0 kr (tolerance ±3 250 000 kr);
/// parts: 100 miljoner kronor + 1,2 miljoner kronor + … — section: …`
pub fn describe(check: &TotalCheck, amounts: &[Amount]) -> String {
    let status = match check.status {
        TotalStatus::Ok => "ok",
        TotalStatus::Mismatch => "MISMATCH",
        TotalStatus::Unresolved => "unresolved",
    };
    let mut line = format!(
        "{status}: stated {} kr, computed {} kr, difference {} kr (tolerance ±{} kr)",
        grouped(check.stated),
        grouped(check.computed),
        grouped(check.difference),
        grouped(check.tolerance),
    );
    let text_of = |i: usize| {
        amounts.get(i).map_or_else(
            || format!("#{i}"),
            |a| a.text.split_whitespace().collect::<Vec<_>>().join(" "),
        )
    };
    if !check.components.is_empty() || check.income.is_some() {
        line.push_str("; parts: ");
        let mut terms: Vec<String> = check.income.map(text_of).into_iter().collect();
        terms.extend(check.components.iter().map(|&i| text_of(i)));
        line.push_str(&terms.join(" + "));
    }
    let _ = write!(line, " — {}", check.method);
    line
}

/// Money in whole kronor with space-grouped thousands (`1 444 000 000`, `-3 400 000`, `12.5`).
fn grouped(m: Money) -> String {
    let plain = m.to_string();
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// What an amount already is in some check, so that no figure is used twice as a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Free,
    Total,
    Part,
}

/// The text and amounts, with the byte spans the text searches need.
struct Doc<'a> {
    text: &'a str,
    amounts: &'a [Amount],
    /// Byte span of each amount (clamped into the text).
    spans: Vec<(usize, usize)>,
    /// Running-text amounts with a usable value, in text order.
    running: Vec<usize>,
    /// Byte offsets where a heading line starts, ascending.
    headings: Vec<usize>,
    /// Byte offset of every `\n`, ascending: line starts by binary search, not by scanning back.
    newlines: Vec<usize>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, amounts: &'a [Amount]) -> Doc<'a> {
        let idx = CharIndex::new(text);
        let byte = |c: usize| idx.byte_offset(c);
        let spans: Vec<(usize, usize)> = amounts
            .iter()
            .map(|a| {
                let s = byte(a.start);
                (s, byte(a.end).max(s))
            })
            .collect();
        let mut running: Vec<usize> = (0..amounts.len())
            .filter(|&i| amounts[i].cell.is_none() && interval(&amounts[i]).is_some())
            .collect();
        running.sort_by_key(|&i| spans[i]);
        let headings = headings(text, &SpanIndex::new(spans.iter().copied()));
        Doc {
            text,
            amounts,
            spans,
            running,
            headings,
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    fn slice(&self, s: usize, e: usize) -> &'a str {
        self.text.get(s.min(e)..e).unwrap_or("")
    }

    fn line_start(&self, pos: usize) -> usize {
        let i = self.newlines.partition_point(|&n| n < pos);
        i.checked_sub(1).map_or(0, |i| self.newlines[i] + 1)
    }

    /// Start of the first heading after `pos`, or the end of the text.
    fn section_end(&self, pos: usize) -> usize {
        let i = self.headings.partition_point(|&h| h <= pos);
        self.headings.get(i).copied().unwrap_or(self.text.len())
    }
}

/// Heading lines: one short line between blank lines, without an amount or closing punctuation.
fn headings(text: &str, spans: &SpanIndex) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut start = 0;
    for l in text.split('\n') {
        lines.push((start, l));
        start += l.len() + 1;
    }
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|(_, l)| l.trim().is_empty())
    };
    let mut out = Vec::new();
    for (i, &(s, l)) in lines.iter().enumerate() {
        let t = l.trim();
        let Some(first) = t.chars().next() else {
            continue;
        };
        let e = s + l.len();
        if blank(i.checked_sub(1))
            && blank(Some(i + 1))
            && t.chars().count() <= 80
            && (first.is_uppercase() || first.is_ascii_digit())
            && t.chars().any(char::is_alphabetic)
            && !t.ends_with(['.', ',', ';', ':', '!', '?', ')'])
            && !spans.overlaps(s, e)
        {
            out.push(s);
        }
    }
    out
}

/// An amount as an interval in öre: `(point, low, high)`.
fn interval(a: &Amount) -> Option<(i128, i128, i128)> {
    let tol = i128::from(tolerance(a).ore());
    match (a.value, a.min, a.max) {
        (Some(v), _, _) => {
            let v = i128::from(v.ore());
            Some((v, v - tol, v + tol))
        }
        (None, Some(lo), Some(hi)) => {
            let (lo, hi) = (i128::from(lo.ore()), i128::from(hi.ore()));
            Some(((lo + hi) / 2, lo - tol, hi + tol))
        }
        _ => None,
    }
}

/// Whether a figure claims less than exact precision (so a gap is no proof of an error).
fn is_soft(a: &Amount) -> bool {
    a.approximate || a.qualifier.is_some() || a.value.is_none()
}

/// What the sum of parts is compared with.
struct Claim<'c> {
    stated: usize,
    income: Option<usize>,
    components: &'c [usize],
    /// `underskott 1,0 Mkr` written without a minus means a result of −1,0 Mkr.
    negate_stated: bool,
}

/// The arithmetic of a check: whether the parts' interval meets the stated one.
struct Sum {
    stated: i128,
    computed: i128,
    tolerance: i128,
    ok: bool,
    /// The parts' highest possible sum is below the stated lowest.
    short: bool,
    soft: bool,
}

fn sum(doc: &Doc<'_>, claim: &Claim<'_>) -> Option<Sum> {
    let a = doc.amounts;
    let (mut sp, mut slo, mut shi) = interval(a.get(claim.stated)?)?;
    if claim.negate_stated {
        (sp, slo, shi) = (-sp, -shi, -slo);
    }
    let (mut cp, mut clo, mut chi) = (0i128, 0i128, 0i128);
    let mut soft = is_soft(&a[claim.stated]);
    for &i in claim.income.iter().chain(claim.components) {
        let (p, lo, hi) = interval(a.get(i)?)?;
        cp += p;
        clo += lo;
        chi += hi;
        soft |= is_soft(&a[i]);
    }
    // Half-widths, rounded up, so that `ok` ⇔ |difference| ≤ tolerance also for ranges.
    let tolerance = (shi - slo + 1) / 2 + (chi - clo + 1) / 2;
    Some(Sum {
        stated: sp,
        computed: cp,
        tolerance,
        ok: clo <= shi && slo <= chi,
        short: chi < slo,
        soft,
    })
}

fn check(
    doc: &Doc<'_>,
    claim: &Claim<'_>,
    s: &Sum,
    status: TotalStatus,
    method: String,
) -> TotalCheck {
    let (start, end) = doc
        .amounts
        .get(claim.stated)
        .map_or((0, 0), |a| (a.start, a.end));
    TotalCheck {
        stated: doc
            .amounts
            .get(claim.stated)
            .and_then(|a| a.value)
            .unwrap_or_default(),
        computed: Money(clamp(s.computed)),
        difference: Money(clamp(s.computed - s.stated)),
        tolerance: Money(clamp(s.tolerance)),
        status,
        components: claim.components.to_vec(),
        income: claim.income,
        method,
        start,
        end,
    }
}

/// The verdict for a complete list of parts: `ok`, or `mismatch` unless a figure is soft.
fn complete(doc: &Doc<'_>, claim: &Claim<'_>, method: String) -> Option<TotalCheck> {
    let s = sum(doc, claim)?;
    let (status, method) = match (s.ok, s.soft) {
        (true, _) => (TotalStatus::Ok, method),
        (false, false) => (TotalStatus::Mismatch, method),
        (false, true) => (
            TotalStatus::Unresolved,
            format!(
                "{method}; off by more than rounding, but an approximate or bounded figure is involved"
            ),
        ),
    };
    Some(check(doc, claim, &s, status, method))
}

/// A check with no parts found: the total is reported, its verdict `unresolved`.
fn unresolved(doc: &Doc<'_>, stated: usize, method: String) -> Option<TotalCheck> {
    let claim = Claim {
        stated,
        income: None,
        components: &[],
        negate_stated: false,
    };
    let s = sum(doc, &claim)?;
    Some(check(doc, &claim, &s, TotalStatus::Unresolved, method))
}

/// A table's rows: row → (is a total row, its cells as indexes into the amounts).
type TableRows = std::collections::BTreeMap<usize, (bool, Vec<usize>)>;

/// 1. Table columns closed by total rows (`cell.total`): a total checks its block, the rows since
///    the previous total row; a total after sub-totals may instead be the grand total of the
///    sub-totals and the rows after them. Only a reading that adds up is `ok`.
fn table_columns(doc: &Doc<'_>, out: &mut Vec<TotalCheck>) {
    use std::collections::BTreeMap;
    let mut tables: BTreeMap<usize, TableRows> = BTreeMap::new();
    for (i, a) in doc.amounts.iter().enumerate() {
        if let Some(c) = &a.cell {
            let row = tables
                .entry(c.table)
                .or_default()
                .entry(c.row)
                .or_insert((false, Vec::new()));
            row.0 |= c.total;
            row.1.push(i);
        }
    }
    for (&t, rows) in &tables {
        let mut since = 0; // first row of the current block
        let mut open: Vec<usize> = Vec::new(); // sub-total rows since the last grand total
        for (&r, (total, cells)) in rows {
            if !total {
                continue;
            }
            let block = Block {
                table: t,
                rows,
                since,
                open: &open,
                row: r,
            };
            let mut grand = false;
            for &stated in cells {
                let (check, by_subtotals) = column_total(doc, &block, stated);
                grand |= by_subtotals;
                out.extend(check);
            }
            if grand {
                open.clear();
            } else {
                open.push(r);
            }
            since = r + 1;
        }
    }
}

/// Where a total row stands in its table.
struct Block<'b> {
    table: usize,
    rows: &'b TableRows,
    /// First row after the previous total row.
    since: usize,
    /// Earlier total rows not yet summed by a grand total.
    open: &'b [usize],
    row: usize,
}

/// The check of one total cell; `true` when it added up as a grand total over sub-totals.
fn column_total(doc: &Doc<'_>, b: &Block<'_>, stated: usize) -> (Option<TotalCheck>, bool) {
    let cell = doc.amounts[stated].cell.as_ref();
    let col = cell.map(|c| c.column);
    let label = cell.map_or("", |c| c.label.trim());
    let currency = &doc.amounts[stated].currency;
    let same = |i: &usize| {
        let a = &doc.amounts[*i];
        a.cell.as_ref().map(|c| c.column) == col && &a.currency == currency
    };
    let block: Vec<usize> = b
        .rows
        .range(b.since..b.row)
        .filter(|(_, (total, _))| !total)
        .flat_map(|(_, (_, cs))| cs.iter().copied())
        .filter(same)
        .collect();
    let subtotals: Vec<usize> = b
        .open
        .iter()
        .filter_map(|o| b.rows.get(o))
        .flat_map(|(_, cs)| cs.iter().copied())
        .filter(same)
        .collect();
    let place = format!("table {}, column {}", b.table, col.unwrap_or_default());
    let (n, k) = (block.len(), subtotals.len());
    let by_block = Claim {
        stated,
        income: None,
        components: &block,
        negate_stated: false,
    };
    let block_method = format!("{place}: the {n} cells above the `{label}` row");
    let all: Vec<usize> = subtotals.iter().chain(&block).copied().collect();
    let by_subtotals = Claim {
        components: &all,
        ..by_block
    };
    let sub_method = format!(
        "{place}: the {k} sub-totals and the {n} cells after them, above the `{label}` row"
    );
    let adds_up = |c: &Claim<'_>| sum(doc, c).is_some_and(|s| s.ok);
    if n > 0 && adds_up(&by_block) {
        return (complete(doc, &by_block, block_method), false);
    }
    if k > 0 && adds_up(&by_subtotals) {
        return (complete(doc, &by_subtotals, sub_method), true);
    }
    let check = match (n, k) {
        (0, 0) => unresolved(
            doc,
            stated,
            format!("{place}: no cells above the total row"),
        ),
        (0, _) => complete(
            doc,
            &by_subtotals,
            format!("{sub_method} (no rows since the last sub-total)"),
        ),
        (_, 0) => complete(doc, &by_block, block_method),
        _ => complete(
            doc,
            &by_block,
            format!(
                "{block_method}; as a grand total of the {k} sub-totals it does not add up either"
            ),
        ),
    };
    (check, false)
}

/// The label of running amount `running[k]`: its line's text before it, after any earlier amount.
fn label_of<'a>(doc: &Doc<'a>, k: usize) -> &'a str {
    let (s, _) = doc.spans[doc.running[k]];
    let mut from = doc.line_start(s);
    if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
        from = from.max(doc.spans[prev].1);
    }
    doc.slice(from, s)
}

/// Whether the text between two consecutive amounts keeps them in one list block.
fn same_block(gap: &str) -> bool {
    gap.len() <= 120 && !has_blank_line(gap) && !ends_sentence(gap)
}

fn has_blank_line(s: &str) -> bool {
    s.split('\n')
        .skip(1)
        .collect::<Vec<_>>()
        .split_last()
        .is_some_and(|(_, mid)| mid.iter().any(|l| l.trim().is_empty()))
        || s.contains("\n\n")
}

/// A full stop (or ! ?) followed by white space: the end of a sentence. Decimal points and
/// abbreviations inside a figure never have a space after them.
fn ends_sentence(s: &str) -> bool {
    s.char_indices()
        .any(|(i, c)| matches!(c, '.' | '!' | '?') && s[i + 1..].starts_with(char::is_whitespace))
}

/// 2. Lists closed by their sum (`Summa`, `Totalt`) or their result (`överskott` …).
fn closed_lists(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    for k in 0..doc.running.len() {
        let closer = doc.running[k];
        let label = label_of(doc, k);
        // The closer's label must start its line (or follow the previous amount in an unwrapped list).
        let Some(c) = CLOSER.captures(label) else {
            continue;
        };
        let mut first = k;
        while first > 0 && k - first < MAX_PARTS {
            let prev = doc.running[first - 1];
            if role[prev] != Role::Free || CLOSER.is_match(label_of(doc, first - 1)) {
                break;
            }
            let gap = doc.slice(doc.spans[prev].1, doc.spans[doc.running[first]].0);
            if !same_block(gap) {
                break;
            }
            first -= 1;
        }
        let block: Vec<usize> = doc.running[first..k]
            .iter()
            .copied()
            .filter(|&i| doc.amounts[i].currency == doc.amounts[closer].currency)
            .collect();
        if block.len() < 2 {
            continue;
        }
        let point = |i: usize| interval(&doc.amounts[i]).map_or(0, |(p, _, _)| p);
        let result = c.name("res").is_some();
        let stated_negative = point(closer) < 0;
        let underskott = c
            .name("res")
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("underskott"));
        let negate_stated = underskott && !stated_negative;
        let check = if result && point(block[0]) > 0 && block[1..].iter().all(|&i| point(i) <= 0) {
            let claim = Claim {
                stated: closer,
                income: Some(block[0]),
                components: &block[1..],
                negate_stated,
            };
            let sign = if negate_stated {
                "; `underskott` without a minus is the result's negative"
            } else {
                ""
            };
            complete(
                doc,
                &claim,
                format!(
                    "list closed by its result: the income on the first line plus the {} costs below it{sign}",
                    block.len() - 1
                ),
            )
        } else if result && block.iter().all(|&i| point(i) >= 0) {
            // Costs written without a minus sign: whether they are subtracted is a guess, so this
            // is reported, never judged.
            unresolved(
                doc,
                closer,
                "list closed by a result, but its costs carry no sign; not reconciled".to_string(),
            )
        } else if result {
            // A result is income less costs. Without an income line opening the block, the block
            // was cut short (a page break, a list reflowed into prose) or a sign was lost in OCR:
            // its parts are not known, so summing what is there would report a false mismatch.
            unresolved(
                doc,
                closer,
                "list closed by a result, but no income line opens it; not reconciled".to_string(),
            )
        } else {
            let claim = Claim {
                stated: closer,
                income: None,
                components: &block,
                negate_stated,
            };
            complete(
                doc,
                &claim,
                format!(
                    "list closed by its sum: the {} amount lines above it",
                    block.len()
                ),
            )
        };
        if let Some(check) = check {
            role[closer] = Role::Total;
            for &i in &block {
                role[i] = Role::Part;
            }
            out.push(check);
        }
    }
}

/// 3. `varav`/`därav`/`av dessa` breakdowns of the amount just before the cue.
fn breakdowns(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    // The end of the sentence the previous cue was in: a later cue before it is in the same
    // sentence, so a run of `varav` in one long sentence scans it once, not once per cue.
    let mut known_end = 0;
    for c in BREAKDOWN.captures_iter(doc.text) {
        let cue = c.name("cue").expect("group cue");
        // The total: the nearest running amount before the cue, with only a short gap.
        let k = doc
            .running
            .partition_point(|&i| doc.spans[i].1 <= cue.start());
        let Some(tk) = k.checked_sub(1) else { continue };
        let total = doc.running[tk];
        let gap = doc.slice(doc.spans[total].1, cue.start());
        if gap.len() > CUE_WINDOW || has_blank_line(gap) || role[total] != Role::Free {
            continue;
        }
        // The parts: amounts from the cue to the end of its sentence.
        if cue.end() >= known_end {
            known_end = sentence_end(doc.text, cue.end());
        }
        let sentence_end = known_end.min(doc.section_end(cue.end()));
        let parts: Vec<usize> = doc.running[k..]
            .iter()
            .copied()
            .take_while(|&i| doc.spans[i].0 < sentence_end)
            .filter(|&i| {
                doc.amounts[i].currency == doc.amounts[total].currency && role[i] == Role::Free
            })
            .take(MAX_PARTS)
            .collect();
        if parts.is_empty() {
            continue; // `varav 20 procent`: not a breakdown into amounts
        }
        let cue_text = cue.as_str().to_lowercase();
        let claim = Claim {
            stated: total,
            income: None,
            components: &parts,
            negate_stated: false,
        };
        let Some(s) = sum(doc, &claim) else { continue };
        let n = parts.len();
        let per_differs = parts
            .iter()
            .any(|&i| doc.amounts[i].per != doc.amounts[total].per);
        let (status, method) = if s.ok {
            (
                TotalStatus::Ok,
                format!("breakdown after `{cue_text}`: the {n} parts named in the sentence"),
            )
        } else if s.short {
            (
                TotalStatus::Unresolved,
                format!(
                    "partial breakdown after `{cue_text}`: the {n} parts named add up to less than the total; the rest is not itemised"
                ),
            )
        } else if per_differs || s.soft {
            (
                TotalStatus::Unresolved,
                format!(
                    "breakdown after `{cue_text}`: the {n} parts exceed the total, but they are stated per a different base or approximately"
                ),
            )
        } else {
            (
                TotalStatus::Mismatch,
                format!("breakdown after `{cue_text}`: the {n} parts named exceed the total"),
            )
        };
        role[total] = Role::Total;
        for &i in &parts {
            role[i] = Role::Part;
        }
        out.push(check(doc, &claim, &s, status, method));
    }
}

/// Byte offset of the end of the sentence that contains `pos`.
fn sentence_end(text: &str, pos: usize) -> usize {
    let Some(rest) = text.get(pos..) else {
        return text.len();
    };
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        let after = &rest[i + c.len_utf8()..];
        // `.` then white space and a capital or digit, or a blank line.
        if matches!(c, '.' | '!' | '?') {
            let next = after.trim_start();
            if after.starts_with(char::is_whitespace)
                && next.chars().next().is_none_or(|n| !n.is_lowercase())
            {
                return pos + i + 1;
            }
        }
        if c == '\n' && prev == '\n' {
            return pos + i;
        }
        if !(c == ' ' || c == '\t') {
            prev = c;
        }
    }
    text.len()
}

/// 4. A cued total followed by its parts.
fn totals_then_parts(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    let cued: Vec<usize> = (0..doc.running.len())
        .filter(|&k| {
            let i = doc.running[k];
            let (s, _) = doc.spans[i];
            let mut from = s.saturating_sub(CUE_WINDOW);
            while !doc.text.is_char_boundary(from) {
                from -= 1;
            }
            if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
                from = from.max(doc.spans[prev].1);
            }
            role[i] == Role::Free && TOTAL_CUE.is_match(doc.slice(from, s))
        })
        .collect();
    for (n, &k) in cued.iter().enumerate() {
        let total = doc.running[k];
        if role[total] != Role::Free {
            continue;
        }
        let (_, total_end) = doc.spans[total];
        let mut scope_end = doc.section_end(total_end);
        if let Some(&next) = cued.get(n + 1) {
            scope_end = scope_end.min(doc.spans[doc.running[next]].0);
        }
        let parts: Vec<usize> = doc.running[k + 1..]
            .iter()
            .copied()
            .take_while(|&i| doc.spans[i].0 < scope_end)
            .filter(|&i| {
                role[i] == Role::Free && doc.amounts[i].currency == doc.amounts[total].currency
            })
            .take(MAX_PARTS)
            .collect();
        let found = reconcile_scope(doc, total, &parts, doc.slice(total_end, scope_end));
        if let Some((check, used)) = found {
            role[total] = Role::Total;
            for i in used {
                role[i] = Role::Part;
            }
            out.push(check);
        }
    }
}

/// Structure first (the whole section), then the search over contiguous runs.
fn reconcile_scope(
    doc: &Doc<'_>,
    total: usize,
    parts: &[usize],
    scope: &str,
) -> Option<(TotalCheck, Vec<usize>)> {
    let n = parts.len();
    if n == 0 {
        let c = unresolved(
            doc,
            total,
            "a total, but no amounts follow it in its section".to_string(),
        )?;
        return Some((c, Vec::new()));
    }
    let claim = |components| Claim {
        stated: total,
        income: None,
        components,
        negate_stated: false,
    };
    let whole = sum(doc, &claim(parts))?;
    if whole.ok {
        let c = check(
            doc,
            &claim(parts),
            &whole,
            TotalStatus::Ok,
            format!("section: all {n} amounts from the total to the next heading"),
        );
        return Some((c, parts.to_vec()));
    }
    // An enumeration is structure enough: its section is the scope, and a gap is a mismatch. Searching
    // it would let an error hide whenever a wrong part happens to equal the parts after it.
    if ENUMERATION.is_match(scope) {
        let status = if whole.soft {
            TotalStatus::Unresolved
        } else {
            TotalStatus::Mismatch
        };
        let c = check(
            doc,
            &claim(parts),
            &whole,
            status,
            format!(
                "section: the {n} amounts from the total to the next heading (an enumeration) do not add up to it"
            ),
        );
        return Some((c, parts.to_vec()));
    }
    // Prose: the section may hold other figures than the parts. Search the contiguous runs that
    // start right after the total; a single part equal to the total is a restatement, not a
    // breakdown, so a run has at least two.
    for len in 2..n {
        let run = &parts[..len];
        let s = sum(doc, &claim(run))?;
        if s.ok {
            let c = check(
                doc,
                &claim(run),
                &s,
                TotalStatus::Ok,
                format!(
                    "searched: the first {len} of the {n} amounts after the total add up to it; the section's remaining {} were left out",
                    n - len
                ),
            );
            return Some((c, run.to_vec()));
        }
    }
    let c = unresolved(
        doc,
        total,
        format!("no run of the {n} amounts after the total in its section adds up to it"),
    )?;
    Some((c, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Cell;

    /// Builds amounts from `(words, öre)` found in `text` in order, like the extractor would.
    fn amounts(text: &str, items: &[(&str, i64)]) -> Vec<Amount> {
        let mut from = 0;
        items
            .iter()
            .map(|&(words, ore)| {
                let b = from
                    + text[from..]
                        .find(words)
                        .unwrap_or_else(|| panic!("`{words}` not in text"));
                from = b + words.len();
                let chars = |b: usize| text[..b].chars().count();
                Amount {
                    approximate: words.starts_with("cirka") || words.starts_with("ca "),
                    ..Amount::new(Money(ore), "SEK", words, chars(b), chars(b + words.len()))
                }
            })
            .collect()
    }

    const M: i64 = 100_000_000; // one miljon kronor in öre

    fn statuses(text: &str, items: &[(&str, i64)]) -> Vec<(TotalStatus, i64, i64)> {
        let a = amounts(text, items);
        reconcile(text, &a)
            .into_iter()
            .map(|c| (c.status, c.stated.ore(), c.difference.ore()))
            .collect()
    }

    #[track_caller]
    fn assert_checks(text: &str, items: &[(&str, i64)], want: &[(TotalStatus, i64, i64)]) {
        assert_eq!(statuses(text, items), want);
    }

    #[track_caller]
    fn assert_tolerance(words: &str, ore: i64, want_ore: i64) {
        let a = amounts(words, &[(words, ore)]);
        assert_eq!(tolerance(&a[0]), Money(want_ore), "{words}");
    }

    use TotalStatus::{Mismatch, Ok as Fine, Unresolved};

    #[test]
    fn tolerance_follows_the_stated_precision() {
        assert_tolerance("1,2 miljoner kronor", 12 * M / 10, M / 20);
        assert_tolerance("944 miljoner kronor", 944 * M, M / 2);
        assert_tolerance("1 444", 1444 * M, M / 2);
        assert_tolerance("14,7 Mkr", 147 * M / 10, M / 20);
        // Whole kronor: rounded to the krona at most.
        assert_tolerance("2 967 000 000 kronor", 2_967_000_000 * 100, 50);
        assert_tolerance("en miljard kronor", 1000 * M, 500 * M);
        // Öre are the smallest unit: nothing is rounded away.
        assert_tolerance("12,50 kr", 1250, 0);
    }

    #[test]
    fn parse_number_reads_swedish_numbers_and_rejects_others() {
        assert_eq!(parse_number("1 444"), Some((1444, 0)));
        assert_eq!(parse_number("1\u{a0}444,5"), Some((14445, 1)));
        assert_eq!(parse_number("−3,4"), Some((-34, 1)));
        assert_eq!(parse_number("3,"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(&"9".repeat(40)), None);
    }

    const PARTS_FOLLOW: &str = "Staten avsätter 944 miljoner kronor för följande insatser:\n\n\
        1. Ledning (100 miljoner kronor och 1,2 miljoner kronor)\n\n\
        2. Koordinering (842,8 miljoner kronor)\n\nÖvrigt\n\nHögst 50 miljoner kronor betalas.\n";

    #[test]
    fn total_followed_by_its_parts_reconciles_by_section() {
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("100 miljoner kronor", 100 * M),
            ("1,2 miljoner kronor", 12 * M / 10),
            ("842,8 miljoner kronor", 8428 * M / 10),
            ("50 miljoner kronor", 50 * M),
        ];
        assert_checks(PARTS_FOLLOW, &items, &[(Fine, 944 * M, 0)]);
        // A changed part is caught with its difference …
        let wrong = PARTS_FOLLOW.replace("842,8", "852,8");
        let mut changed = items;
        changed[3] = ("852,8 miljoner kronor", 8528 * M / 10);
        assert_checks(&wrong, &changed, &[(Mismatch, 944 * M, 10 * M)]);
        // … and so is a removed one.
        let gone = PARTS_FOLLOW.replace(" och 1,2 miljoner kronor", "");
        let fewer = [items[0], items[1], items[3], items[4]];
        assert_checks(&gone, &fewer, &[(Mismatch, 944 * M, -12 * M / 10)]);
    }

    #[test]
    fn searched_run_is_said_so() {
        // No heading between the parts and an unrelated later figure: the run search finds them.
        let text = "Regeringen avsätter totalt 30 miljoner kronor, 10 miljoner kronor till A och \
                    20 miljoner kronor till B. Tidigare gavs 7 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("7 miljoner kronor", 7 * M),
        ];
        let a = amounts(text, &items);
        let c = reconcile(text, &a);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].status, c[0].components.clone()), (Fine, vec![1, 2]));
        assert!(c[0].method.starts_with("searched"), "{}", c[0].method);
    }

    #[test]
    fn an_enumeration_is_never_searched() {
        // 15 was misread as 20: the first two parts happen to equal the total, the whole list
        // does not. In a list that is a mismatch; the same figures in prose are searched.
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let list = "Staten avsätter 30 miljoner kronor för följande:\n\n1. A (10 miljoner kronor)\n\n\
                    2. B (20 miljoner kronor)\n\n3. C (5 miljoner kronor)\n";
        assert_checks(list, &items, &[(Mismatch, 30 * M, 5 * M)]);
        let prose = "Staten avsätter 30 miljoner kronor, 10 miljoner kronor till A och 20 miljoner kronor \
                     till B. Förra året 5 miljoner kronor.";
        assert_checks(prose, &items, &[(Fine, 30 * M, 0)]);
    }

    #[test]
    fn prose_without_an_enumeration_is_unresolved_not_mismatch() {
        let text = "Regeringen avsätter totalt 30 miljoner kronor. Tidigare gavs 7 miljoner kronor och 9 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("7 miljoner kronor", 7 * M),
            ("9 miljoner kronor", 9 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 30 * M, -30 * M)]);
    }

    #[test]
    fn a_large_amount_without_a_cue_is_not_a_total() {
        let text = "Satsningen omfattar närmare en miljard kronor. Av det totala beloppet på 944 miljoner kronor \
                    ska hälften användas, 472 miljoner kronor.";
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("472 miljoner kronor", 472 * M),
        ];
        assert_checks(text, &items, &[]);
    }

    const RESULT: &str = "Under 2017 användes medlen enligt nedan:\n\nIntäkter från staten 14,7 Mkr\n\
        Ersättning till primärvården: -3,4 Mkr\nIT-utveckling -0,5 Mkr\nÖvrigt : -0,2 Mkr\n \
        Ekonomiskt överskott 10,6 Mkr\n\nMer information\n";

    fn result_items(last: i64) -> [(&'static str, i64); 5] {
        [
            ("14,7 Mkr", 147 * M / 10),
            ("-3,4 Mkr", -34 * M / 10),
            ("-0,5 Mkr", -5 * M / 10),
            ("-0,2 Mkr", -2 * M / 10),
            ("10,6 Mkr", last),
        ]
    }

    #[test]
    fn list_closed_by_its_result_uses_income() {
        let a = amounts(RESULT, &result_items(106 * M / 10));
        let c = reconcile(RESULT, &a);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].status, c[0].income, c[0].components.clone()),
            (Fine, Some(0), vec![1, 2, 3])
        );
        // A wrong result is a mismatch of the right size.
        let wrong = RESULT.replace("10,6", "11,6");
        let mut items = result_items(116 * M / 10);
        items[4].0 = "11,6 Mkr";
        assert_checks(&wrong, &items, &[(Mismatch, 116 * M / 10, -M)]);
    }

    #[test]
    fn a_result_whose_income_line_is_cut_off_is_unresolved_not_a_mismatch() {
        // A page break between the income and the costs: only costs remain above the result.
        let text = "Intäkter från staten 14,5 Mkr\n\nProcessledning -1,9 Mkr\nIT-utveckling -0,5 Mkr\n\
                    Övrigt : -0,2 Mkr\nEkonomiskt överskott 1,0 Mkr\n";
        let items = [
            ("14,5 Mkr", 145 * M / 10),
            ("-1,9 Mkr", -19 * M / 10),
            ("-0,5 Mkr", -5 * M / 10),
            ("-0,2 Mkr", -2 * M / 10),
            ("1,0 Mkr", M),
        ];
        assert_checks(text, &items, &[(TotalStatus::Unresolved, M, -M)]);
        // The same costs closed by a plain sum are still judged.
        let summa = text.replace("Ekonomiskt överskott 1,0", "Summa -2,6");
        let mut items = items;
        items[4] = ("-2,6 Mkr", -26 * M / 10);
        assert_checks(&summa, &items, &[(Fine, -26 * M / 10, 0)]);
    }

    #[test]
    fn a_single_line_above_is_no_list() {
        let text = "Intäkter 14,7 Mkr\nÖverskott 14,7 Mkr\n";
        assert_checks(
            text,
            &[("14,7 Mkr", 147 * M / 10), ("14,7 Mkr", 147 * M / 10)],
            &[],
        );
    }

    #[test]
    fn underskott_written_without_a_minus_is_a_negative_result() {
        let text = "Intäkter 10,0 Mkr\nKostnader -11,0 Mkr\nUnderskott 1,0 Mkr\n";
        let items = [("10,0 Mkr", 10 * M), ("-11,0 Mkr", -11 * M), ("1,0 Mkr", M)];
        assert_checks(text, &items, &[(Fine, M, 0)]);
        // The same figures as an `överskott` do not add up.
        let text = text.replace("Underskott", "Överskott");
        assert_checks(&text, &items, &[(Mismatch, M, -2 * M)]);
    }

    #[test]
    fn costs_without_signs_are_not_judged() {
        let text = "Intäkter 10,0 Mkr\nLöner 6,0 Mkr\nHyra 1,0 Mkr\nResultat 3,0 Mkr\n";
        let items = [
            ("10,0 Mkr", 10 * M),
            ("6,0 Mkr", 6 * M),
            ("1,0 Mkr", M),
            ("3,0 Mkr", 3 * M),
        ];
        assert_eq!(
            statuses(text, &items).first().map(|c| c.0),
            Some(Unresolved)
        );
        // A sum line over unsigned figures is plain addition.
        let text = "Löner 6,0 Mkr\nHyra 1,0 Mkr\nSumma 7,0 Mkr\n";
        let items = [("6,0 Mkr", 6 * M), ("1,0 Mkr", M), ("7,0 Mkr", 7 * M)];
        assert_checks(text, &items, &[(Fine, 7 * M, 0)]);
    }

    #[test]
    fn approximate_figures_never_make_a_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav cirka 50 miljoner kronor till A och \
                    20 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("cirka 50 miljoner kronor", 50 * M),
            ("20 miljoner kronor", 20 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 60 * M, 10 * M)]);
        let exact = text.replace("cirka 50", "50");
        let items = [items[0], ("50 miljoner kronor", 50 * M), items[2]];
        assert_checks(&exact, &items, &[(Mismatch, 60 * M, 10 * M)]);
    }

    #[test]
    fn varav_without_amounts_is_no_check() {
        let text = "Regeringen satsar 60 miljoner kronor, varav hälften till regionerna. Sedan 5 miljoner kronor.";
        let items = [("60 miljoner kronor", 60 * M), ("5 miljoner kronor", 5 * M)];
        assert_checks(text, &items, &[]);
    }

    const VARAV: &str = "Den nya överenskommelsen omfattar totalt 2,88 miljarder kronor. Av dessa är 500 \
        miljoner avsatta för A, och cirka 730 miljoner för B.\n\nNästa stycke 5 miljoner kronor.";

    #[test]
    fn partial_breakdown_is_unresolved_not_mismatch() {
        let items = [
            ("2,88 miljarder kronor", 2880 * M),
            ("500 miljoner", 500 * M),
            ("cirka 730 miljoner", 730 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let a = amounts(VARAV, &items);
        let c = reconcile(VARAV, &a);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].status, c[0].components.clone()),
            (Unresolved, vec![1, 2])
        );
        assert!(c[0].method.starts_with("partial"), "{}", c[0].method);
    }

    #[test]
    fn complete_breakdown_is_ok_and_excess_is_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav 50 miljoner kronor till A och 10 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("50 miljoner kronor", 50 * M),
            ("10 miljoner kronor", 10 * M),
        ];
        assert_checks(text, &items, &[(Fine, 60 * M, 0)]);
        let over = text.replace("10 miljoner kronor till B", "30 miljoner kronor till B");
        let items = [items[0], items[1], ("30 miljoner kronor", 30 * M)];
        assert_checks(&over, &items, &[(Mismatch, 60 * M, 20 * M)]);
    }

    fn cell(text: &str, words: &str, from: usize, ore: i64, row: usize, column: usize) -> Amount {
        let b = from + text[from..].find(words).expect("cell text");
        let chars = |b: usize| text[..b].chars().count();
        let line_start = text[..b].rfind('\n').map_or(0, |i| i + 1);
        let label = text[line_start..b]
            .split('\t')
            .next()
            .unwrap_or("")
            .to_string();
        Amount {
            cell: Some(Cell {
                table: 0,
                row,
                column,
                total: label.starts_with("Summa"),
                label,
                header: String::new(),
            }),
            ..Amount::new(Money(ore), "SEK", words, chars(b), chars(b + words.len()))
        }
    }

    #[test]
    fn table_columns_with_a_total_row_get_one_check_each() {
        let text = "Post\t2019\t2020\nLöner\t1,2\t1,3\nHyra\t0,3\t0,4\nSumma\t1,5\t2,0\n";
        let line = |n: usize| {
            text.match_indices('\n')
                .nth(n - 1)
                .map_or(0, |(i, _)| i + 1)
        };
        let a = vec![
            cell(text, "1,2", line(1), 12 * M / 10, 0, 0),
            cell(text, "1,3", line(1), 13 * M / 10, 0, 1),
            cell(text, "0,3", line(2), 3 * M / 10, 1, 0),
            cell(text, "0,4", line(2), 4 * M / 10, 1, 1),
            cell(text, "1,5", line(3), 15 * M / 10, 2, 0),
            cell(text, "2,0", line(3), 20 * M / 10, 2, 1),
        ];
        let c = reconcile(text, &a);
        let got: Vec<_> = c
            .iter()
            .map(|c| (c.status, c.components.clone(), c.difference.ore()))
            .collect();
        assert_eq!(
            got,
            vec![(Fine, vec![0, 2], 0), (Mismatch, vec![1, 3], -3 * M / 10)]
        );
    }

    #[test]
    fn describe_shows_verdict_figures_and_parts() {
        let text = "Regeringen satsar 60 miljoner kronor, varav 50 miljoner kronor till A och 10 miljoner kronor till B.";
        let a = amounts(
            text,
            &[
                ("60 miljoner kronor", 60 * M),
                ("50 miljoner kronor", 50 * M),
                ("10 miljoner kronor", 10 * M),
            ],
        );
        let c = reconcile(text, &a);
        let line = describe(&c[0], &a);
        assert!(
            line.starts_with("ok: stated 60 000 000 kr, computed 60 000 000 kr, difference 0 kr"),
            "{line}"
        );
        assert!(
            line.contains("parts: 50 miljoner kronor + 10 miljoner kronor"),
            "{line}"
        );
        assert_eq!(grouped(Money(-340_000_050)), "-3 400 000.5");
    }

    #[test]
    fn never_panics_on_offsets_outside_the_text() {
        let mut a = amounts("Totalt 5 kr", &[("5 kr", 500)]);
        a[0].start = 99;
        a[0].end = 3;
        let _ = reconcile("Totalt 5 kr", &a);
        let _ = reconcile("", &a);
    }
}
