//! A header line that names a `Not` column and then its columns by balance-sheet date
//! (`TILLGÅNGAR Not 2018-12-31 2017-12-31`), and the note numbers it takes out of the rows.
//!
//! **In:** a table's header pieces and its rows. **Out:** the header read as the label column's
//! header (`TILLGÅNGAR`), the `Not` column and one column per date; each row's note number taken
//! out of its digit groups where the number of dates says the row has one (`Balanserade utgifter
//! 15 8 396 7 880` under two dates is note 15, then `8 396` and `7 880`). A date is no number to
//! the line reader, so such a header stays a text line above the rows and no header row of years
//! settles the note column (`header.rs`); this is the same reading for it. A row that reads as
//! its columns with a note and without one (`Pågående arbeten 31 279 554`: note 31, or `31 279`?)
//! stays in doubt, for the table's sums to decide (`sums.rs`) or to be listed unresolved.
//!
//! **Deliberately not done:** a `Not` column no header names (small numbers before the figures
//! may as well be a first digit group), and a header whose period columns are not all dates or
//! years (`Not Budget Utfall`: the line does not say how many columns follow).

use std::sync::LazyLock;

use regex::Regex;

use super::HeaderLine;
use super::header;
use super::lines::Join;
use super::numeral;
use super::rows::{Doubt, Row};
use super::split::{self, Grouping};

/// A date heading a column: ISO (`2018-12-31`), Swedish (`31.12.2018`) or US (`12/31/2021`).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ (?: (?:19|20)[0-9]{2} - [0-9]{2} - [0-9]{2}      # 2018-12-31
                  | [0-9]{1,2} [./] [0-9]{1,2} [./] (?:19|20)[0-9]{2} ) $  # 31.12.2018, 12/31/2021",
    )
    .expect("valid regex")
});

/// The last piece of `pieces` that reads as a label column's header, `Not` and two or more
/// period columns of which at least one is a date (a line of years alone is a number row, read
/// by `header.rs`, unless a second `Not` stands among them): the caption is the pieces above
/// it, the label header its words before `Not` and the headers its periods. A statement of two column groups may name a `Not` column before
/// each (`Not 12/31/2017 12/31/2016 Not 12/31/2017 12/31/2016`): every period after the first
/// `Not` is a column. `None` when no piece does.
pub(super) fn header_line(pieces: &[String]) -> Option<HeaderLine> {
    note_header(pieces).map(|(h, _)| h)
}

/// [`header_line`] with the columns each `Not` stands before (`[0, 2]` for two groups of two).
fn note_header(pieces: &[String]) -> Option<(HeaderLine, Vec<usize>)> {
    pieces.iter().enumerate().rev().find_map(|(k, p)| {
        let words: Vec<&str> = p.split_whitespace().collect();
        let not = words.iter().position(|w| header::names_note(w))?;
        let mut periods: Vec<&str> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for w in &words[not..] {
            if header::names_note(w) {
                starts.push(periods.len());
            } else {
                periods.push(w);
            }
        }
        let period = |w: &&str| DATE.is_match(w) || numeral::is_year(w);
        // Each `Not` stands before periods of its own: `Not Not 2021` or a `Not` closing the
        // line names no column it notes.
        let groups_named = starts.windows(2).all(|s| s[0] < s[1])
            && starts.last().is_some_and(|&s| s < periods.len());
        // Years alone are a row of years to `header.rs`, unless a second `Not` among them
        // breaks that row up (`Not 2018 2017 Not 2018 2017`).
        let ok = periods.len() >= 2
            && groups_named
            && periods.iter().all(period)
            && (periods.iter().any(|w| DATE.is_match(w)) || starts.len() >= 2);
        ok.then(|| {
            let h = HeaderLine {
                caption: pieces[..k].join(" "),
                above: k,
                label: words[..not].join(" "),
                headers: periods.iter().map(|w| (*w).to_string()).collect(),
            };
            (h, starts)
        })
    })
}

/// The columns each `Not` of the header line in `pieces` stands before, when it names more than
/// one note column (`[0, 2]`); `None` for one note column or no such header line.
pub(super) fn note_groups(pieces: &[String]) -> Option<Vec<usize>> {
    note_header(pieces)
        .map(|(_, starts)| starts)
        .filter(|s| s.len() >= 2)
}

/// Takes each row's note out of `rows`, the rows under such a header line of `columns` columns,
/// up to the next header row. With a `Not` column before each column group (`starts`, the first
/// column of each group), the notes inside the row are taken out first, where every way the
/// row's digit groups fill the groups agrees on them (`13 521,2 507,7 8 1 444,8 1 450,6` under
/// two groups of two: note 8 before `1 444,8`, whether or not 13 is a note); a row whose inner
/// notes read several ways is in doubt and listed unresolved. The first group's note is then
/// taken out as under one `Not` column.
pub(super) fn take_notes(text: &str, rows: &mut [Row], columns: usize, starts: &[usize]) {
    let end = rows
        .iter()
        .position(|r| !r.names.is_empty() || r.is_years(text))
        .unwrap_or(rows.len());
    if starts.len() >= 2 {
        let sizes: Vec<usize> = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&columns]))
            .map(|(a, b)| b.saturating_sub(*a))
            .collect();
        for r in rows[..end].iter_mut().filter(|r| r.groups.len() >= 2) {
            take_inner_notes(text, r, &sizes);
        }
    }
    header::note_column(text, &mut rows[..end], columns);
}

/// Takes out of `r` the notes before its second and later column groups (`sizes`: the columns of
/// each group), where the ways its digit groups fill the groups all agree on them.
fn take_inner_notes(text: &str, r: &mut Row, sizes: &[usize]) {
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut notes = Vec::new();
    fill(text, r, sizes, 0, 0, &mut notes, &mut found);
    found.sort();
    found.dedup();
    match found.as_slice() {
        [] => {}
        [one] => {
            for &at in one.iter().rev() {
                r.groups.remove(at);
                if let Some(g) = r.groups.get_mut(at) {
                    g.join = Join::None;
                }
            }
            if !one.is_empty() {
                r.widths = split::widths(text, &r.groups, Grouping::Strict);
                r.ocr_widths = split::widths(text, &r.groups, Grouping::Dropped) | r.widths;
            }
        }
        // Note 13 or a figure's first group: the row is in doubt, and no reading of its first
        // note (`header::note_column`) or of its sums settles it.
        _ => r.doubt = Some(Doubt::InnerNote),
    }
}

/// Every way the digit groups of `r` from `at` fill the column groups `sizes[group..]`, each
/// opened by a note or not: the positions of the notes taken before the second and later
/// groups, into `found`.
fn fill(
    text: &str,
    r: &Row,
    sizes: &[usize],
    group: usize,
    at: usize,
    notes: &mut Vec<usize>,
    found: &mut Vec<Vec<usize>>,
) {
    let g = &r.groups;
    let Some(&size) = sizes.get(group) else {
        if at == g.len() {
            found.push(notes.clone());
        }
        return;
    };
    // A note is a cell of its own: never joined to the figure before or after it, and on a line
    // of its own where each line is one cell.
    let apart = |k: usize| {
        g.get(k).is_some_and(|x| x.join != Join::Group)
            && g.get(k + 1).is_some_and(|x| {
                x.join != Join::Group && (!r.lines_are_cells || x.join == Join::None)
            })
    };
    // The first group's note is tried too, only to see how far its figures reach: it is
    // taken out or not by `header::note_column`.
    let mut opens = vec![at];
    if g.get(at).is_some_and(|x| header::is_note(text, x)) && apart(at) {
        opens.push(at + 1);
    }
    for open in opens {
        let inner = open > at && group > 0;
        if inner {
            notes.push(at);
        }
        for close in open + 1..=g.len() {
            if g.get(close).is_some_and(|x| x.join == Join::Group) {
                continue;
            }
            let mut cells = g[open..close].to_vec();
            cells[0].join = Join::None;
            if split::widths(text, &cells, Grouping::Strict) & (1 << size) != 0 {
                fill(text, r, sizes, group + 1, close, notes, found);
            }
        }
        if inner {
            notes.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| (*s).to_string()).collect()
    }

    /// Each row's label and the figures read as its cells (`?` when it is listed unresolved).
    fn rows_read(text: &str) -> Vec<(String, Vec<String>)> {
        let t = super::super::read(text, &[]);
        let Some(table) = t.tables.first() else {
            return Vec::new();
        };
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for c in &t.cells {
            let Some(cell) = &c.cell else { continue };
            let figure: String = text.chars().skip(c.start).take(c.end - c.start).collect();
            match out.last_mut() {
                Some((label, figures)) if *label == cell.label => figures.push(figure),
                _ => out.push((cell.label.clone(), vec![figure])),
            }
        }
        out.extend(
            table
                .unresolved
                .iter()
                .map(|u| (u.label.clone(), vec!["?".into()])),
        );
        out
    }

    #[test]
    fn a_note_column_named_over_dates_is_no_cell() {
        let body = "Leverantörsskulder 4 1 200 1 100\n\
                    Övriga skulder 5 310 250\n\
                    Upplupna kostnader 6 2 400 2 300\n\
                    Summa kortfristiga skulder 3 910 3 650\n";
        let row =
            |l: &str, f: &[&str]| (l.to_string(), f.iter().map(|s| (*s).to_string()).collect());
        let noted = rows_read(&format!(
            "Tusental kronor\nSKULDER Not 2020-12-31 2019-12-31\n{body}"
        ));
        // Note 5 or `5 310`? Only note 5 makes the Summa row the sum of the rows above it.
        assert_eq!(
            noted,
            vec![
                row("Leverantörsskulder", &["1 200", "1 100"]),
                row("Övriga skulder", &["310", "250"]),
                row("Upplupna kostnader", &["2 400", "2 300"]),
                row("Summa kortfristiga skulder", &["3 910", "3 650"]),
            ]
        );
        // Without a Summa row, the header's `Not` alone takes the notes out where the row reads
        // so only; a first group that cannot be a note (`0`, three digits) is a cell.
        let rows = "Leverantörsskulder 4 1 200 1 100\nSkatteskulder 0 1 050\nÖvriga 120 1 310\n";
        let noted = rows_read(&format!(
            "Tusental kronor\nSKULDER Not 2020-12-31 2019-12-31\n{rows}"
        ));
        assert_eq!(
            noted,
            vec![
                row("Leverantörsskulder", &["1 200", "1 100"]),
                row("Skatteskulder", &["0", "1 050"]),
                row("Övriga", &["120", "1 310"]),
            ]
        );
        // A sum that does not hold decides nothing: the row is in doubt.
        let off = body.replace("3 910", "3 911").replace("3 650", "3 660");
        let off = rows_read(&format!(
            "Tusental kronor\nSKULDER Not 2020-12-31 2019-12-31\n{off}"
        ));
        assert!(off.contains(&row("Övriga skulder", &["?"])), "{off:?}");
    }

    #[test]
    fn a_grand_total_under_sub_totals_is_read_the_way_they_add_up() {
        let head = "Tusental kronor\nTILLGÅNGAR Not 2020-12-31 2019-12-31\n\
                    Aa 1 20 400 40 200\nBb 2 20 000 50 000\nSumma a 40 400 90 200\n\
                    Cc 3 30 000 50 000\nDd 4 30 000 50 000\nSumma c 60 000 100 000\n";
        let row =
            |l: &str, f: &[&str]| (l.to_string(), f.iter().map(|s| (*s).to_string()).collect());
        // `100 400 190 200` splits three ways into two columns; one is the sum of the sub-totals.
        let got = rows_read(&format!("{head}Summa tillgångar 100 400 190 200\n"));
        assert!(
            got.contains(&row("Summa tillgångar", &["100 400", "190 200"])),
            "{got:?}"
        );
        // A grand total that is not the sum of the sub-totals stays unresolved.
        let got = rows_read(&format!("{head}Summa tillgångar 100 900 190 200\n"));
        assert!(got.contains(&row("Summa tillgångar", &["?"])), "{got:?}");
    }

    #[test]
    fn a_note_column_before_each_column_group_is_no_cell() {
        let head = "Belopp i mnkr Kommunen Koncernen\n\
                    Not 2023-12-31 2022-12-31 Not 2023-12-31 2022-12-31\n";
        let row =
            |l: &str, f: &[&str]| (l.to_string(), f.iter().map(|s| (*s).to_string()).collect());
        // (row, its figures; `?` when in doubt)
        let cases: &[(&str, (&str, &[&str]))] = &[
            // Both notes can only be notes (`14 30,7` and `9 76,4` are no numbers).
            (
                "Maskiner 14 30,7 25,9 9 76,4 70,3",
                ("Maskiner", &["30,7", "25,9", "76,4", "70,3"]),
            ),
            // The second group's note empty, written as a gap.
            (
                "Finansiella 16 79,8 79,8   30,3 7,8",
                ("Finansiella", &["79,8", "79,8", "30,3", "7,8"]),
            ),
            // Neither note.
            (
                "Summa   634,9 616,5   1 554,7 1 531,9",
                ("Summa", &["634,9", "616,5", "1 554,7", "1 531,9"]),
            ),
            // `12 1 905,2` is no number, so 12 is the second group's note, whatever 10 is.
            ("Mark 10 812,4 790,3 12 1 905,2 1 870,6", ("Mark", &["?"])),
            // Note 13 or `13 112,8`: never read as either.
            (
                "Inventarier 11 41,7 38,9 13 112,8 104,5",
                ("Inventarier", &["?"]),
            ),
        ];
        // Rows whose notes can only be notes (`15 3,2` is no number) make the table.
        let firm = "Konst 15 3,2 3,1 9 3,2 3,1\nFörråd 17 5,1 4,7   5,1 4,7\n";
        for (line, (label, want)) in cases {
            let got = rows_read(&format!("{head}{firm}{line}\n"));
            assert!(got.contains(&row(label, want)), "{line}: {got:?}");
            // The same under years: a second `Not` keeps the line from being a row of years.
            let years = head
                .replace("2023-12-31", "2023")
                .replace("2022-12-31", "2022");
            let got = rows_read(&format!("{years}{firm}{line}\n"));
            assert!(
                got.contains(&row(label, want)),
                "{line} under years: {got:?}"
            );
        }
        // Under one note column the same figures after a number are cells.
        let one = "Belopp i mnkr\nNot 2023-12-31 2022-12-31 2021-12-31 2020-12-31\n\
                   Konst 15 3,2 3,1 9,1 3,2\n\
                   Maskiner 14 30,7 25,9 9 76,4\n";
        assert!(
            rows_read(one).contains(&row("Maskiner", &["30,7", "25,9", "9", "76,4"])),
            "{:?}",
            rows_read(one)
        );
    }

    #[test]
    fn a_header_line_of_not_and_dates_names_its_columns() {
        // (pieces, label header and headers; None when no such line is there)
        type Want<'a> = Option<(&'a str, &'a [&'a str])>;
        let cases: &[(&[&str], Want<'_>)] = &[
            (
                &[
                    "Miljoner kronor",
                    "TILLGÅNGAR Not 2018-12-31 2017-12-31",
                    "Fordringar",
                ],
                Some(("TILLGÅNGAR", &["2018-12-31", "2017-12-31"])),
            ),
            (
                &["Belopp i tkr Noter 31.12.2020 31.12.2019"],
                Some(("Belopp i tkr", &["31.12.2020", "31.12.2019"])),
            ),
            (
                &["NOT 12/31/2021 12/31/2020 12/31/2021 12/31/2020"],
                Some((
                    "",
                    &["12/31/2021", "12/31/2020", "12/31/2021", "12/31/2020"],
                )),
            ),
            // A note column before each column group: every date or year is a column.
            (
                &["Not 12/31/2017 12/31/2016 Not 12/31/2017 12/31/2016"],
                Some((
                    "",
                    &["12/31/2017", "12/31/2016", "12/31/2017", "12/31/2016"],
                )),
            ),
            (
                &["Löpande prisnivå, mnkr Not 2018 2017 Not 2018 2017"],
                Some(("Löpande prisnivå, mnkr", &["2018", "2017", "2018", "2017"])),
            ),
            // One `Not` before years alone is left to the row of years (`header.rs`).
            (&["Not 2018 2017 2018 2017"], None),
            // No note column named, a single date, a name among the dates, two `Not` in a row
            // or one closing the line: no such header.
            (&["Not Not 2018-12-31 2017-12-31"], None),
            (&["Not 2018-12-31 2017-12-31 Not"], None),
            (&["TILLGÅNGAR 2018-12-31 2017-12-31"], None),
            (&["Skulder Not 2018-12-31"], None),
            (&["Skulder Not 2018-12-31 Budget"], None),
            // A notering is no note column.
            (&["Notering 2018-12-31 2017-12-31"], None),
        ];
        for (p, want) in cases {
            let got = header_line(&pieces(p));
            let got = got.as_ref().map(|h| {
                (
                    h.label.as_str(),
                    h.headers.iter().map(String::as_str).collect::<Vec<_>>(),
                )
            });
            let want = want.map(|(l, h)| (l, h.to_vec()));
            assert_eq!(got, want, "{p:?}");
        }
    }
}
