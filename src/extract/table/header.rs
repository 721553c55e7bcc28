//! Header rows inside a run: a header written one name and one year per line, the note (`Not`)
//! column it may name, and two names an export put on one line; and the header of a table that
//! has no header row.
//!
//! **In:** a run's rows. **Out:** the same run with each stacked header merged into one header
//! row (`Utfall 2019`, `Budget 2019` …); under a header naming a `Not` column, each row's note
//! number taken out of its numbers (under a header row of years, where the count of years says
//! the row has one: `4 1 490 1 639` under two years is note 4; a note list or code cut off the
//! label: `12, 13`, `BR`); a header's line of two capitalised names (`Avvikelse
//! Koncern` ⏎ `2019`) cut into two columns when the rows under it show one column more than it
//! has years. Group names over column headers that repeat (`Kommunen Koncernen` over `2021 2020
//! 2021 2020`, or under them, each written once per column) join each column's header. A one-column table whose line above its rows is a sub-heading (an anslag heading
//! `1:1` ⏎ `Biståndsverksamhet (Ramanslag)`, a sentence-long `Utgiftsområde …` line) has no
//! header row: its column is headed by the caption, the title of its numbered section
//! (`2.1.1Tilldelade anslag`, `4.1` ⏎ `Tilldelade anslag …`); a one-column header that is a
//! numbered section's heading (`2.2.1Låneram och krediter`) heads it by its title.
//! **Deliberately not done:** reading a note number when the export does not show
//! how it writes an empty note cell, a header name cut where the rows do not ask for it, or
//! group names over groups whose spans the repeated headers do not show (a group that does not
//! open with the first column's header).

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Group, Join, Kind, Line};
use super::rows::{Doubt, Row, Run};
use super::split::{self, Grouping};
use super::{numeral, unit};

/// Most words of a header name standing on a row of its own (`Utfall`, `Budget prognos`).
const MAX_NAME_WORDS: usize = 3;

/// A numbered section heading: its number, and its title when on the same line
/// (`2.1.1Tilldelade anslag`, `4.1`).
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ \s* [0-9]+ (?: \. [0-9]+ )+ \s* (?P<title> \p{Lu} .* )? $")
        .expect("valid regex")
});

/// The title of a numbered section heading that has one on its line (`2.2.1Låneram och
/// krediter`, `4.1 Tilldelade anslag`); `None` for any other piece, and for a bare number.
pub(super) fn section_title(piece: &str) -> Option<&str> {
    let title = SECTION.captures(piece)?.name("title")?;
    Some(title.as_str().trim())
}

/// A piece that opens with an anslag code (`1:1`, `90:1Kungliga hov- och slottsstaten`).
static ANSLAG_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ \s* [0-9]+ : [0-9]+ (?: \s* \p{Lu} | \s* $ )").expect("valid regex")
});

/// The header of a one-column table that has no header row, from its header pieces (top to
/// bottom): the title of the last numbered section above it, when the piece that would head
/// its column is a sub-heading instead (an anslag heading, or a sentence). `None` otherwise,
/// and when no numbered section is there.
pub(super) fn caption_header(pieces: &[String]) -> Option<String> {
    let (last, rest) = pieces.split_last()?;
    let anslag = |p: &String| ANSLAG_CODE.is_match(p);
    let sentence = last.split_whitespace().count() >= 5;
    let names_money = numeral::units_in(last).is_empty() && !numeral::is_year(last.trim());
    if !names_money || !(anslag(last) || rest.last().is_some_and(anslag) || sentence) {
        return None;
    }
    (0..rest.len()).rev().find_map(|k| {
        let c = SECTION.captures(&rest[k])?;
        match c.name("title") {
            Some(t) => Some(t.as_str().trim().to_string()),
            None => rest.get(k + 1).cloned(),
        }
    })
}

/// Column headers under group headers that span them: each column's header with its group's
/// name, and the caption left over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Spanned {
    pub headers: Vec<String>,
    pub caption: String,
}

/// Where the groups of `headers` start: a group header spans columns whose headers repeat under
/// each group (`2018 2017 2018 2017`; `Bokslut 2015 Bokslut 2016 Budget 2016` then `Bokslut 2015
/// Bokslut 2016`, as one group may have a budget column the other lacks), so a group starts
/// where the first column's header comes again. `None` unless there are two groups or more,
/// each naming columns the first group names, none twice.
fn group_starts(headers: &[String]) -> Option<Vec<usize>> {
    let first = headers.first().filter(|h| !h.trim().is_empty())?;
    let starts: Vec<usize> = (0..headers.len())
        .filter(|&j| headers[j] == *first)
        .collect();
    let &second = starts.get(1)?;
    let named = &headers[..second];
    let ends = starts.iter().skip(1).copied().chain([headers.len()]);
    let repeats = starts.iter().zip(ends).all(|(&a, b)| {
        let group = &headers[a..b];
        group
            .iter()
            .enumerate()
            .all(|(i, h)| named.contains(h) && !group[..i].contains(h))
    });
    repeats.then_some(starts)
}

/// The label column's header opening a line of group names (`TKR KOMMUN KONCERN`, `(mnkr) Not
/// Kommunen Sammanställd redovisning`): the words up to the last one that states a unit or
/// names the note column, and the rest of the line. A line without such a word has no head.
fn label_head(piece: &str) -> (&str, &str) {
    let (mut cut, mut end) = (0, 0);
    for w in piece.split_whitespace() {
        end += piece[end..].find(w).unwrap_or(0) + w.len();
        if names_note(w) || !numeral::units_in(w).is_empty() {
            cut = end;
        }
    }
    (piece[..cut].trim(), piece[cut..].trim())
}

/// Group headers spanning repeating column headers (`Kommunen` `Kommunkoncernen` above `2018
/// 2017 2018 2017`; `(mnkr) Not Kommunen Sammanställd redovisning` above stacked `Bokslut 2015`
/// … `Budget 2016` … `Bokslut 2015`): the last text pieces above the header, one short name per
/// group ([`group_starts`]), each heading its group's columns (`Kommunen 2018`). A piece is cut
/// into names at its capitalised words (`Kommunen Kommunala koncernen`, unwrapped onto one
/// line); a name run onto a sentence (`…den kommunala koncernen.Kommunen`) is what follows the
/// full stop; pieces stating only the unit under the names (`Belopp, mkr`) are passed over, and
/// a line that opens with the label column's header, a unit or `Not` (`TKR KOMMUN KONCERN`),
/// holds names after it and none above it. `None` when the headers do not repeat or the pieces
/// are no such names.
pub(super) fn spanning(pieces: &[String], headers: &[String]) -> Option<Spanned> {
    let starts = group_starts(headers)?;
    let groups = starts.len();
    let end = pieces.len()
        - pieces
            .iter()
            .rev()
            .take_while(|p| label_head(p).1.is_empty())
            .count();
    let mut names: Vec<&str> = Vec::new();
    let mut at = end;
    let mut lead = "";
    while names.len() < groups && at > 0 {
        at -= 1;
        let (head, p) = label_head(&pieces[at]);
        let glued = p
            .char_indices()
            .rfind(|&(i, c)| c == '.' && p[i + 1..].starts_with(char::is_uppercase));
        let p = glued.map_or(p, |(i, _)| &p[i + 1..]);
        let mut cuts: Vec<usize> = p
            .char_indices()
            .filter(|&(i, c)| c.is_uppercase() && (i == 0 || p[..i].ends_with(' ')))
            .map(|(i, _)| i)
            .collect();
        if cuts.first() != Some(&0) {
            cuts.insert(0, 0);
        }
        let cut = cuts
            .iter()
            .zip(cuts.iter().skip(1).copied().chain([p.len()]))
            .map(|(&a, b)| p[a..b].trim());
        names.splice(0..0, cut);
        if !head.is_empty() {
            // The header's first line: the label column's header opens it.
            lead = head;
            break;
        }
    }
    let name_like = |n: &&str| {
        let words = n.split_whitespace().count();
        (1..=3).contains(&words)
            && n.starts_with(char::is_uppercase)
            && !n.chars().any(|c| c.is_ascii_digit())
            && !unit::is_caption(n)
    };
    if names.len() != groups || !names.iter().all(name_like) {
        return None;
    }
    let mut group = 0;
    let headers = headers
        .iter()
        .enumerate()
        .map(|(j, h)| {
            if starts.get(group + 1) == Some(&j) {
                group += 1;
            }
            format!("{} {h}", names[group])
        })
        .collect();
    // The caption: the pieces above the names, the label column's header, the unit under them
    // (a sentence the first name ran onto is the caption's, whole).
    let under = if lead.is_empty() { at } else { at + 1 };
    let caption: Vec<&str> = pieces[..at]
        .iter()
        .map(String::as_str)
        .chain(Some(lead).filter(|l| !l.is_empty()))
        .chain(
            pieces[under.min(pieces.len())..]
                .iter()
                .skip_while(|p| !unit::is_caption(p))
                .map(String::as_str),
        )
        .collect();
    Some(Spanned {
        headers,
        caption: caption.join(" "),
    })
}

/// Names under a header row of years that repeat, one per group of years, each written once per
/// year it spans (`2019 2020 2019 2020` ⏎ `verksamhetens kostnaderverksamhetens kostnader
/// verksamhetens resultatverksamhetens resultat`, as a statistics database exports its second
/// header row with the cells run together): each year's header then (`2019 verksamhetens
/// kostnader`). `None` unless the line splits into such repeats one way only.
pub(super) fn names_below(line: &str, years: &[String]) -> Option<Vec<String>> {
    let starts = group_starts(years)?;
    let ends = starts.iter().skip(1).copied().chain([years.len()]);
    let spans: Vec<usize> = starts.iter().zip(ends).map(|(&a, b)| b - a).collect();
    let line = line.trim();
    if line.is_empty() || line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut found = Vec::new();
    repeats(line, &spans, &mut Vec::new(), &mut found);
    let [names] = found.as_slice() else {
        return None;
    };
    let mut out = Vec::with_capacity(years.len());
    for (name, &span) in names.iter().zip(&spans) {
        let at = out.len();
        out.extend(years[at..at + span].iter().map(|y| format!("{y} {name}")));
    }
    Some(out)
}

/// Every way `rest` is, for each span in turn, one name written `span` times (spaces between
/// the copies allowed), each name opening with a letter; stops looking at a second way.
fn repeats<'a>(
    rest: &'a str,
    spans: &[usize],
    names: &mut Vec<&'a str>,
    found: &mut Vec<Vec<String>>,
) {
    let Some((&span, later)) = spans.split_first() else {
        if rest.is_empty() {
            found.push(names.iter().map(|n| (*n).to_string()).collect());
        }
        return;
    };
    if !rest.starts_with(char::is_alphabetic) {
        return;
    }
    for (len, _) in rest.char_indices().skip(1).chain([(rest.len(), ' ')]) {
        if found.len() > 1 {
            return;
        }
        let name = rest[..len].trim_end();
        if name.len() < len && len < rest.len() {
            continue; // a copy ends at a letter, never at the space before the next
        }
        let mut after = &rest[len..];
        let mut copies = 1;
        while copies < span {
            let next = after.trim_start();
            match next.strip_prefix(name) {
                Some(tail) => (after, copies) = (tail, copies + 1),
                None => break,
            }
        }
        if copies == span {
            names.push(name);
            repeats(after.trim_start(), later, names, found);
            names.pop();
        }
    }
}

/// Merges the stacked headers of `run` and settles the rows under each.
pub(super) fn settle(text: &str, lines: &[Line<'_>], run: &mut Run) {
    let mut i = 0;
    while i < run.rows.len() {
        if merge_stacked(text, lines, &mut run.rows, i) {
            let end = (i + 1..run.rows.len())
                .find(|&j| run.rows[j].is_years(text))
                .unwrap_or(run.rows.len());
            let (head, body) = run.rows[i..end].split_at_mut(1);
            // `(mnkr) Not Kommunen Sammanställd redovisning` ⏎ `Bokslut` ⏎ `2015` …: the label
            // column's header, the note column's, and the names spanning the periods, joined to
            // the first name or on the line right above it.
            // A run's first row has the lines above it in the run's head.
            let before = match head[0].before.last() {
                None if i == 0 => run.head.last(),
                last => last,
            };
            let above = head[0].label.is_empty()
                && before
                    .and_then(|&l| lines.get(l))
                    .is_some_and(|l| names_note_then_groups(l.trimmed()));
            if names_note(&head[0].label) || names_note_then_groups(&head[0].label) || above {
                take_notes(text, body);
            }
            split_names(&mut head[0], body);
        } else if run.rows[i].is_years(text) && names_note(&run.rows[i].label) {
            // A header row of years on one line, or one cell per line (`Not` ⏎ `2018` ⏎ `2017`).
            let end = (i + 1..run.rows.len())
                .find(|&j| run.rows[j].is_years(text))
                .unwrap_or(run.rows.len());
            let columns = run.rows[i].columns();
            note_column(text, &mut run.rows[i + 1..end], columns);
        }
        i += 1;
    }
}

/// A header written one name and one year per line (`(mnkr) Bokslut` ⏎ `2023` ⏎ `Budget` ⏎
/// `2024` …) reads as rows of one year each: from row `at`, they become one header row named
/// `Bokslut 2023`, `Budget 2024`, with `(mnkr)` the label column's header. Inside a run (a
/// second table's header) every name after the first must be short, as header names are.
fn merge_stacked(text: &str, lines: &[Line<'_>], rows: &mut Vec<Row>, at: usize) -> bool {
    let single_year = |r: &Row| r.groups.len() == 1 && r.is_years(text);
    // Stacked names may run over lines (`Förändring` ⏎ `jämfört med` ⏎ `okt 2020`), and a
    // section's heading over its sub-heading still names its column; but a sentence or a caption
    // stating the unit between two rows of a year each shows a heading naming its year above a
    // table, not the first name of its header (`Statsbidrag 2025` ⏎ `Regionen fördelar
    // medlen enligt tabellen.` ⏎ `Verksamhet  Budget 2025  Utfall 2024`).
    let apart = |r: &Row| {
        r.before.iter().any(|&l| {
            let t = lines[l].trimmed();
            lines[l].kind == Kind::Prose || t.ends_with('.') || unit::written(t).is_some()
        })
    };
    let n = rows[at..]
        .iter()
        .enumerate()
        .take_while(|&(k, r)| single_year(r) && (k == 0 || !apart(r)))
        .count();
    let short = |r: &Row| {
        let words = r.label.split_whitespace().count();
        (1..=MAX_NAME_WORDS).contains(&words) && !r.label.chars().any(|c| c.is_ascii_digit())
    };
    if n < 2 || (at > 0 && !rows[at + 1..at + n].iter().all(short)) {
        return false;
    }
    let mut header = rows[at].clone();
    let first = header.label.clone();
    let (label, name) = match first.rfind(' ') {
        Some(i) => (first[..i].trim().to_string(), first[i + 1..].to_string()),
        None => (String::new(), first.clone()),
    };
    let mut names = vec![name];
    names.extend(rows[at + 1..at + n].iter().map(|r| r.label.clone()));
    header.groups = rows[at..at + n].iter().map(|r| r.groups[0]).collect();
    header.names = names
        .iter()
        .zip(&header.groups)
        .map(|(name, g)| {
            format!("{name} {}", &text[g.start..g.end])
                .trim()
                .to_string()
        })
        .collect();
    header.label = label;
    header.end_line = rows[at + n - 1].end_line;
    rows.splice(at..at + n, [header]);
    true
}

/// Whether a header line names a note column followed by the names of column groups
/// (`(mnkr) Not Kommunen Sammanställd redovisning`): `Not` as a word after the label column's
/// header, and words after it that hold no figure.
fn names_note_then_groups(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| names_note(w)) else {
        return false;
    };
    at > 0
        && at + 1 < words.len()
        && words[at + 1..]
            .iter()
            .all(|w| !w.chars().any(|c| c.is_ascii_digit()))
}

/// Whether a label column's header ends in the header of a note column (`Belopp i mnkr Not`).
pub(super) fn names_note(label: &str) -> bool {
    label
        .split_whitespace()
        .next_back()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "not" | "noter" | "not."))
}

/// A digit group that can be a note number: one or two digits, unsigned, no decimals, not zero
/// (notes count from 1, so `Övrigt 0 22 -257` opens with a cell).
pub(super) fn is_note(text: &str, g: &Group) -> bool {
    let d = &text[g.digits..g.end];
    !g.signed()
        && !g.percent
        && (1..=2).contains(&d.len())
        && d.bytes().all(|b| b.is_ascii_digit())
        && d.bytes().any(|b| b != b'0')
}

/// Takes the note number out of the rows under a header naming `Not`. An export that joins cells
/// with one space writes an empty note cell as a gap (`Avskrivningar   – 27,8 …`): where some
/// row shows that gap, a row whose numbers follow its label after one space (or open their
/// line) starts with its note (`Skatteintäkter` ⏎ `3 805,1 827,2` is note 3, then 805,1). Where
/// no row shows it, nothing is taken: the note cannot be told from a number's first group.
fn take_notes(text: &str, body: &mut [Row]) {
    if !body.iter().any(|r| r.lead_gap) {
        return;
    }
    for r in body
        .iter_mut()
        .filter(|r| !r.lead_gap && r.groups.len() >= 2)
    {
        if !is_note(text, &r.groups[0]) || r.groups[1].join == Join::Group {
            continue;
        }
        r.groups.remove(0);
        r.groups[0].join = Join::None;
        r.widths = split::widths(text, &r.groups, Grouping::Strict);
        r.ocr_widths = split::widths(text, &r.groups, Grouping::Dropped) | r.widths;
        r.loose_first = false;
    }
}

/// A note list ending a label: a list of note numbers (`10, 22`, `1,2,9`), or its head when the
/// list runs on into the row's digit groups (`Gjorda avsättningar 12,` ⏎ `13 348 …`).
static NOTE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) \s
        (?: (?P<list> [0-9]{1,2} (?: ,\x20? [0-9]{1,2} )+ )   # a whole list: no decimal has two
                                                          # commas or a space after its comma
          | (?P<open> (?: [0-9]{1,2} ,\x20? )+ ) )          # a list whose last note follows
        $",
    )
    .expect("valid regex")
});

/// A note written as a code at the end of a label (`Årets resultat BR`: see the balance sheet):
/// two or three capitals after a label in lower case.
fn code_note(label: &str) -> Option<usize> {
    let (head, last) = label.trim_end().rsplit_once(' ')?;
    let code = (2..=3).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_uppercase());
    (code && head.chars().any(char::is_lowercase)).then_some(head.len())
}

/// The note column of the rows under a header row of years whose label names `Not`, `columns`
/// its number of money columns: each row's note, the cell before its first money column, is taken
/// out of the row. A note written in the label (a code, a list) is cut off it; otherwise a first
/// digit group that can be a note is one when the row reads as `columns` numbers only without
/// it, and is none when the row reads so only with it. A row that reads as `columns` numbers
/// both ways (`9 610 787 610 787`: note 9, or 9 610?) is in doubt, not guessed.
pub(super) fn note_column(text: &str, body: &mut [Row], columns: usize) {
    if columns >= 64 {
        return;
    }
    let bit = 1u64 << columns;
    for r in body.iter_mut().filter(|r| r.names.is_empty()) {
        let reads = |g: &[Group]| split::widths(text, g, Grouping::Strict) & bit != 0;
        // One cell per line, a note is a line of its own (`12` ⏎⏎ `5,6`, never `8 157,1`).
        let can_take = r.groups.len() >= 2
            && is_note(text, &r.groups[0])
            && r.groups[1].join != Join::Group
            && (!r.lines_are_cells || r.groups[1].join == Join::None);
        let mut listed = None;
        if let Some(c) = NOTE_LIST.captures(&r.label) {
            let at = c.get(0).map_or(r.label.len(), |m| m.start());
            listed = Some(c.name("open").is_some());
            r.label.truncate(at);
        } else if let Some(at) = code_note(&r.label) {
            listed = Some(false);
            r.label.truncate(at);
        }
        let take = match listed {
            // The list's last note is the row's first group.
            Some(true) => can_take && reads(&r.groups[1..]),
            Some(false) => false,
            None => {
                let with = can_take && reads(&r.groups[1..]);
                // A row already in doubt keeps its reason (a note inside it, `noted.rs`).
                if with && reads(&r.groups) && r.doubt.is_none() {
                    r.doubt = Some(Doubt::Note);
                }
                with && r.doubt.is_none()
            }
        };
        if take {
            r.groups.remove(0);
            r.groups[0].join = Join::None;
            r.widths = split::widths(text, &r.groups, Grouping::Strict);
            r.ocr_widths = split::widths(text, &r.groups, Grouping::Dropped) | r.widths;

            r.loose_first = false;
        }
    }
}

/// Cuts header names an export put on one line (`Avvikelse Koncern` ⏎ `2019`: a one-line
/// header `Avvikelse`, then `Koncern 2019`) when the rows under the header show it: every row
/// that can be read at all can be read with the extra columns, and some row cannot be read
/// with the years alone.
fn split_names(head: &mut Row, body: &[Row]) {
    let cut: Vec<Vec<String>> = head.names.iter().map(|n| cut_name(n)).collect();
    let n = head.names.len();
    let wider: usize = cut.iter().map(Vec::len).sum();
    if wider == n || wider >= 64 {
        return;
    }
    let readable: Vec<&Row> = body.iter().filter(|r| r.widths != 0).collect();
    let fits = |r: &&Row, w: usize| r.widths & (1 << w) != 0;
    if readable.len() >= 2
        && readable.iter().all(|r| fits(r, wider))
        && readable.iter().any(|r| !fits(r, n))
    {
        head.names = cut.into_iter().flatten().collect();
    }
}

/// A stacked name whose words before its year all open in capitals, one column each with the
/// year on the last (`Avvikelse Koncern 2019` → `Avvikelse`, `Koncern 2019`); any other name
/// stays whole (`Avvikelse mot budget 2019`).
fn cut_name(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((year, lead)) = words.split_last() else {
        return vec![name.to_string()];
    };
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !numeral::is_year(year) || lead.len() < 2 || !lead.iter().all(capital) {
        return vec![name.to_string()];
    }
    let mut out: Vec<String> = lead[..lead.len() - 1]
        .iter()
        .map(|w| w.to_string())
        .collect();
    out.push(format!("{} {year}", lead[lead.len() - 1]));
    out
}

#[cfg(test)]
mod tests {
    fn caption_header_of(pieces: &[&str]) -> Option<String> {
        let pieces: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        super::caption_header(&pieces)
    }

    #[test]
    fn a_table_under_a_sub_heading_is_headed_by_its_section_title() {
        let title = "Tilldelade anslag/anslagsposter (belopp angivna i tkr)";
        let rb = [
            "Anslag",
            "4.1",
            title,
            "Utgiftsområde 7 Internationellt bistånd",
            "1:1",
            "Bistånd (Ramanslag)",
        ];
        assert_eq!(caption_header_of(&rb).as_deref(), Some(title));
        let glued = [
            "2.1Anslag",
            "2.1.1Tilldelade anslag",
            "90:1Hovstaten (Ramanslag)",
        ];
        assert_eq!(
            caption_header_of(&glued).as_deref(),
            Some("Tilldelade anslag")
        );
        let sentence = [
            "2.1.1Tilldelade anslag",
            "Utgiftsområde 23 Jord- och skogsbruk, fiske",
        ];
        assert_eq!(
            caption_header_of(&sentence).as_deref(),
            Some("Tilldelade anslag")
        );
    }

    #[test]
    fn a_section_headings_title_is_found_both_ways() {
        for (piece, want) in [
            ("2.2.1Låneram och krediter", Some("Låneram och krediter")),
            ("4.1 Tilldelade anslag", Some("Tilldelade anslag")),
            // A bare number, a figure, an anslag code, a year's name: no section's title.
            ("4.1", None),
            ("2 500 Belopp", None),
            ("1:1 Biståndsverksamhet", None),
            ("Budget 2025", None),
        ] {
            assert_eq!(section_title(piece), want, "{piece}");
        }
    }

    #[test]
    fn a_column_header_under_a_section_title_stays() {
        // A column named as headers are: it heads its column.
        assert_eq!(caption_header_of(&["3.1 Fördelning", "Bidrag"]), None);
        assert_eq!(
            caption_header_of(&["3.1 Fördelning", "1:1", "Belopp i tkr"]),
            None
        );
        assert_eq!(caption_header_of(&["3.1 Fördelning", "1:1", "2021"]), None);
        // A sub-heading, but no numbered section above it: nothing to head the column with.
        assert_eq!(
            caption_header_of(&["Anslag", "1:1", "Bistånd (Ramanslag)"]),
            None
        );
    }

    use super::*;

    #[test]
    fn a_name_of_capitalised_words_is_cut_before_its_last() {
        assert_eq!(
            cut_name("Avvikelse Koncern 2019"),
            ["Avvikelse", "Koncern 2019"]
        );
        assert_eq!(cut_name("Utfall 2019"), ["Utfall 2019"]);
        assert_eq!(
            cut_name("Avvikelse mot budget 2019"),
            ["Avvikelse mot budget 2019"]
        );
        assert_eq!(cut_name("Budget Prognos"), ["Budget Prognos"], "no year");
    }

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn groups_start_where_the_first_columns_header_comes_again() {
        let years = strings(&["2018", "2017", "2018", "2017"]);
        assert_eq!(group_starts(&years), Some(vec![0, 2]));
        // One group may have a column the other lacks.
        let uneven = strings(&["B 2015", "B 2016", "Bu 2016", "B 2015", "B 2016"]);
        assert_eq!(group_starts(&uneven), Some(vec![0, 3]));
        // No repeat, a column no earlier group names, a name twice in a group: no groups.
        assert_eq!(group_starts(&strings(&["2019", "2020", "2021"])), None);
        assert_eq!(
            group_starts(&strings(&["2018", "2017", "2018", "2016"])),
            None
        );
        assert_eq!(
            group_starts(&strings(&["2018", "2017", "2018", "2017", "2017"])),
            None
        );
        assert_eq!(group_starts(&strings(&["", "2017", "", "2017"])), None);
    }

    #[test]
    fn a_label_columns_header_opens_a_line_of_group_names() {
        assert_eq!(label_head("TKR KOMMUN KONCERN"), ("TKR", "KOMMUN KONCERN"));
        assert_eq!(
            label_head("(mnkr) Not Kommunen Sammanställd redovisning"),
            ("(mnkr) Not", "Kommunen Sammanställd redovisning")
        );
        assert_eq!(label_head("Kommunen Koncernen"), ("", "Kommunen Koncernen"));
        assert_eq!(label_head("Belopp, mkr"), ("Belopp, mkr", ""));
    }

    fn spanned(pieces: &[&str], headers: &[&str]) -> Option<Vec<String>> {
        spanning(&strings(pieces), &strings(headers)).map(|s| s.headers)
    }

    #[test]
    fn group_names_head_the_columns_they_span() {
        let dates = ["12/31/2021", "12/31/2020", "12/31/2021", "12/31/2020"];
        assert_eq!(
            spanned(&["Resultaträkning", "TKR KOMMUN KONCERN"], &dates),
            Some(strings(&[
                "KOMMUN 12/31/2021",
                "KOMMUN 12/31/2020",
                "KONCERN 12/31/2021",
                "KONCERN 12/31/2020"
            ]))
        );
        let stacked = [
            "Bokslut 2015",
            "Bokslut 2016",
            "Budget 2016",
            "Bokslut 2015",
            "Bokslut 2016",
        ];
        let pieces = [
            "Resultaträkning",
            "(mnkr) Not Kommunen Sammanställd redovisning",
        ];
        assert_eq!(
            spanned(&pieces, &stacked),
            Some(strings(&[
                "Kommunen Bokslut 2015",
                "Kommunen Bokslut 2016",
                "Kommunen Budget 2016",
                "Sammanställd redovisning Bokslut 2015",
                "Sammanställd redovisning Bokslut 2016"
            ]))
        );
        // The caption keeps the label column's header, which states the unit.
        let s = spanning(&strings(&pieces), &strings(&stacked)).map(|s| s.caption);
        assert_eq!(s.as_deref(), Some("Resultaträkning (mnkr) Not"));
    }

    #[test]
    fn names_that_do_not_match_the_groups_head_nothing() {
        let dates = ["12/31/2021", "12/31/2020", "12/31/2021", "12/31/2020"];
        // Three names over two groups; one name; a sentence; a caption above a line that opens
        // with the label column's header is not read for names.
        assert_eq!(spanned(&["TKR KOMMUN KONCERN TOTALT"], &dates), None);
        assert_eq!(spanned(&["Resultaträkning (tkr)"], &dates), None);
        assert_eq!(
            spanned(&["Kommunen redovisar utfallet för året"], &dates),
            None
        );
        assert_eq!(spanned(&["Kommunen", "Tkr Koncernen"], &dates), None);
        // Headers that do not repeat take no group name.
        let years = ["2019", "2020", "2021", "2022"];
        assert_eq!(spanned(&["Kommunen Koncernen"], &years), None);
    }

    #[test]
    fn names_under_years_written_once_per_year_head_those_years() {
        let years = strings(&["2019", "2020", "2019", "2020"]);
        let want = strings(&[
            "2019 verksamhetens kostnader",
            "2020 verksamhetens kostnader",
            "2019 verksamhetens resultat",
            "2020 verksamhetens resultat",
        ]);
        let glued = "verksamhetens kostnaderverksamhetens kostnaderverksamhetens \
                     resultatverksamhetens resultat";
        assert_eq!(names_below(glued, &years).as_ref(), Some(&want));
        let spaced = " verksamhetens kostnader  verksamhetens kostnader  verksamhetens \
                      resultat  verksamhetens resultat";
        assert_eq!(names_below(spaced, &years).as_ref(), Some(&want));
        let short = strings(&["2019", "2020", "2019"]);
        assert_eq!(
            names_below("IntäkterIntäkterKostnader", &short),
            Some(strings(&[
                "2019 Intäkter",
                "2020 Intäkter",
                "2019 Kostnader"
            ]))
        );
    }

    #[test]
    fn a_line_under_years_that_does_not_repeat_per_year_heads_nothing() {
        let years = strings(&["2019", "2020", "2019", "2020"]);
        // Each name once; a line with a figure; two ways to cut (`aaaa` as `a a` or …).
        assert_eq!(names_below("Kommunen Koncernen", &years), None);
        assert_eq!(names_below("Intäkter 2019Intäkter 2020", &years), None);
        assert_eq!(names_below("aaaaaaaa", &years), None);
        // Years that do not repeat name no groups.
        let plain = strings(&["2019", "2020"]);
        assert_eq!(names_below("BudgetBudget", &plain), None);
    }

    /// Each cell's (figure, label, header) in the first table read from `text`.
    fn cells_of(text: &str) -> Vec<(String, String, String)> {
        super::super::read(text, &[])
            .cells
            .iter()
            .filter_map(|c| {
                let cell = c.cell.as_ref()?;
                let figure = text.chars().skip(c.start).take(c.end - c.start).collect();
                Some((figure, cell.label.clone(), cell.header.clone()))
            })
            .collect()
    }

    #[test]
    fn group_names_over_stacked_and_dated_headers_reach_the_cells() {
        let stacked = "Resultaträkning\n\n(mnkr) Not Kommunen Sammanställd redovisning\n\
                       Bokslut\n2015\nBudget\n2016\nBokslut\n2015\n\
                       Verksamhetens intäkter 1 202,2 230,3 337,0\n\
                       Verksamhetens kostnader 2 –1 036,6 –1 124,7 –1 091,1\n\
                       Avskrivningar   –20,1 –24,4 –56,4\n";
        let got = cells_of(stacked);
        assert_eq!(got.len(), 9, "{got:?}");
        assert_eq!(got[0].0, "202,2");
        assert_eq!(got[1].2, "Kommunen Budget 2016");
        assert_eq!(got[2].2, "Sammanställd redovisning Bokslut 2015");
        let dated = "BalansräkningMNKR KOMMUNEN KONCERNEN\n\
                     Not 2023-12-31 2022-12-31 2023-12-31 2022-12-31\n\
                     Immateriella anläggningstillgångar 6 12,4 10,1 14,8 12,0\n\
                     Maskiner och inventarier 8 188,2 176,5 402,9 381,4\n\
                     Summa anläggningstillgångar   200,6 186,6 417,7 393,4\n";
        let got = cells_of(dated);
        assert_eq!(got.len(), 12, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_str()),
            ("12,4", "KOMMUNEN 2023-12-31")
        );
        assert_eq!(got[3].2, "KONCERNEN 2022-12-31");
        // Without the group names the dates alone head the columns.
        let bare = dated.replace("MNKR KOMMUNEN KONCERNEN", "MNKR");
        assert_eq!(cells_of(&bare)[3].2, "2022-12-31");
    }

    #[test]
    fn a_note_header_is_the_labels_last_word() {
        assert!(names_note("Belopp i mnkr Not") && names_note("mnkr not"));
        assert!(!names_note("Belopp i mnkr") && !names_note("Notering"));
    }
}
