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
use super::numeral;
use super::rows::Row;

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
/// by `header.rs`): the caption is the pieces above it, the label header its words before `Not`
/// and the headers its periods. `None` when no piece does.
pub(super) fn header_line(pieces: &[String]) -> Option<HeaderLine> {
    pieces.iter().enumerate().rev().find_map(|(k, p)| {
        let words: Vec<&str> = p.split_whitespace().collect();
        let not = words.iter().rposition(|w| header::names_note(w))?;
        let periods = &words[not + 1..];
        let period = |w: &&str| DATE.is_match(w) || numeral::is_year(w);
        let ok = periods.len() >= 2
            && periods.iter().all(period)
            && periods.iter().any(|w| DATE.is_match(w));
        ok.then(|| HeaderLine {
            caption: pieces[..k].join(" "),
            above: k,
            label: words[..not].join(" "),
            headers: periods.iter().map(|w| (*w).to_string()).collect(),
        })
    })
}

/// Takes each row's note out of `rows`, the rows under such a header line of `columns` columns,
/// up to the next header row.
pub(super) fn take_notes(text: &str, rows: &mut [Row], columns: usize) {
    let end = rows
        .iter()
        .position(|r| !r.names.is_empty() || r.is_years(text))
        .unwrap_or(rows.len());
    header::note_column(text, &mut rows[..end], columns);
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
            // No note column named, a single date, a name among the dates: no such header.
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
