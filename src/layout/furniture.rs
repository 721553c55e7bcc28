//! Page furniture: running headers and footers, and page numbers, marked for removal.
//!
//! **In:** the text's lines with their pages. **Out:** one mark per line, true for furniture. A
//! line is furniture only when it recurs as the same text at a page edge on at least half the pages
//! (one number in it may rise with the page), or is a page number that counts the pages. **Never
//! furniture:** a line holding a figure ([`holds_figure`]), or one the document does not repeat.

use std::collections::HashMap;

use super::Line;

/// Marks the lines that are page furniture: running headers and footers ([`running_lines`]) and
/// page numbers ([`page_numbers`]). A line holding a figure ([`holds_figure`]) is never furniture.
pub(super) fn furniture(lines: &[Line<'_>]) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let pages = lines.last().map_or(0, |l| l.page + 1);
    if pages < 2 {
        return marks;
    }
    let edges = page_edges(lines, pages);
    running_lines(lines, &edges, &mut marks);
    page_numbers(lines, &edges, &mut marks);
    marks
}

/// The candidates of each page: its first two and last two non-blank lines.
fn page_edges(lines: &[Line<'_>], pages: usize) -> Vec<Vec<usize>> {
    let mut by_page: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() && l.page < pages {
            by_page[l.page].push(i);
        }
    }
    by_page
        .into_iter()
        .map(|idx| {
            let n = idx.len();
            let mut e: Vec<usize> = idx.iter().take(2).copied().collect();
            e.extend(idx.iter().skip(n.saturating_sub(2)).copied());
            e.sort_unstable();
            e.dedup();
            e
        })
        .collect()
}

/// Marks running headers and footers: a line with letters and no figure that stands, as the same
/// text, on an edge of at least half the pages (and at least three). "The same" ignores case and
/// spacing, and one number in it may differ if it rises with the page (`Rapport 2020, sida 3`);
/// any other number must be the same on every page, so table rows whose figures differ
/// (`Stockholm 68 143 865`) never match, and neither do lines that share only a shape.
fn running_lines(lines: &[Line<'_>], edges: &[Vec<usize>], marks: &mut [bool]) {
    let needed = (edges.len() / 2).max(3);
    if edges.len() < 3 {
        return;
    }
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    let mut keys: Vec<(usize, Vec<String>)> = Vec::new();
    for (p, e) in edges.iter().enumerate() {
        for &i in e {
            let line = lines[i].trimmed();
            if !line.chars().any(char::is_alphabetic) || holds_figure(line) {
                continue;
            }
            let signatures = signatures(line, p);
            for sig in &signatures {
                let pages_seen = seen.entry(sig.clone()).or_default();
                if pages_seen.last() != Some(&p) {
                    pages_seen.push(p);
                }
            }
            keys.push((i, signatures));
        }
    }
    for (i, signatures) in keys {
        if signatures
            .iter()
            .any(|s| seen.get(s).is_some_and(|v| v.len() >= needed))
        {
            marks[i] = true;
        }
    }
}

/// The ways a line on page `p` can match the same line on other pages: its text in lower case
/// with spacing collapsed, and for each short number in it, the same text with that number
/// replaced by its offset from the page index (so that `sida 3` on page 2 matches `sida 4` on
/// page 3). Lines shorter than three characters have none.
fn signatures(line: &str, p: usize) -> Vec<String> {
    let mut words = Vec::new();
    for w in line.split_whitespace() {
        words.push(w.to_lowercase());
    }
    let text = words.join(" ");
    if text.chars().count() < 3 {
        return Vec::new();
    }
    let mut out = vec![text.clone()];
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                if let Some(n) = text[s..i].parse::<i64>().ok().filter(|_| i - s <= 3) {
                    out.push(format!("{}#{}#{}", &text[..s], n - p as i64, &text[i..]));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a line holds a figure of a table or a sentence: a grouped number (`68 143 865`), a
/// number with decimals (`14,7`), a negative number (`-3,4`), a number of five or more digits, or
/// a number before a unit (`944 kr`, `12 %`). Such a line is never furniture, however often it
/// repeats. A year (`2020`), a reference (`S2019/05301/SF`) or a small number is not a figure.
fn holds_figure(line: &str) -> bool {
    const UNITS: [&str; 11] = [
        "kr",
        "kronor",
        "mkr",
        "mnkr",
        "tkr",
        "msek",
        "sek",
        "%",
        "procent",
        "miljoner",
        "miljarder",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let Some((signed, unsigned, digits)) = number_word(w) else {
            return false;
        };
        let next = words.get(i + 1).copied().unwrap_or("");
        let grouped = unsigned.len() <= 3
            && digits == unsigned.len()
            && number_word(next).is_some_and(|(_, u, d)| u.len() == 3 && d == 3);
        grouped
            || unsigned.contains([',', '.'])
            || unsigned.ends_with('%')
            || signed.len() > unsigned.len()
            || digits >= 5
            || UNITS.contains(&next.to_lowercase().trim_end_matches(['.', ',']))
    })
}

/// A word that is a number, as (with its sign, without it, digit count); `None` for any other.
fn number_word(w: &str) -> Option<(&str, &str, usize)> {
    let w = w.trim_end_matches([',', '.', ';', ':', ')']);
    let w = w.trim_start_matches('(');
    let unsigned = w.trim_start_matches(['-', '−', '–', '+']);
    let digits = unsigned.chars().filter(char::is_ascii_digit).count();
    let shape = unsigned
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%');
    (digits > 0 && shape).then_some((w, unsigned, digits))
}

/// Marks page numbers: lines at a page edge that read as a page number ([`page_number`]) and
/// whose number rises by one from page to page, on at least two pages and on more than half of the
/// pages that have a candidate. A bare number (`3`) needs more: a document of at least three pages,
/// a number on at least half of them, and numbers no larger than the page count and a little
/// (a table figure next to a page break does not count the pages).
fn page_numbers(lines: &[Line<'_>], edges: &[Vec<usize>], marks: &mut [bool]) {
    let pages = edges.len();
    let mut found: Vec<(usize, usize, PageNumber)> = Vec::new();
    for (p, e) in edges.iter().enumerate() {
        for &i in e {
            if let Some(n) = page_number(lines[i].trimmed())
                && n.number <= n.total.unwrap_or(pages as i64 + 2)
            {
                found.push((i, p, n));
            }
        }
    }
    let mut by_offset: HashMap<i64, Vec<usize>> = HashMap::new();
    for (k, &(_, p, n)) in found.iter().enumerate() {
        by_offset.entry(n.number - p as i64).or_default().push(k);
    }
    let Some((_, rising)) = by_offset.into_iter().max_by_key(|(k, v)| (v.len(), -*k)) else {
        return;
    };
    let mut numbered: Vec<usize> = rising.iter().map(|&k| found[k].1).collect();
    numbered.dedup();
    let enough = if rising.iter().all(|&k| found[k].2.bare) {
        pages >= 3 && numbered.len() >= 2 && numbered.len() * 2 >= pages
    } else {
        numbered.len() >= 2
    };
    if enough && rising.len() * 2 > found.len() {
        for k in rising {
            marks[found[k].0] = true;
        }
    }
}

/// A page number read from a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageNumber {
    number: i64,
    /// The page count the line states (`av 9`, `(9)`, `/9`).
    total: Option<i64>,
    /// Just the number, with nothing around it to say it is a page number.
    bare: bool,
}

/// The number of a page-number line: `3`, `- 3 -`, `Sida 3`, `Sida 3 av 9`, `3 (9)`, `3/9`.
/// A page number has one to three digits and no leading zero; grouped numbers (`3 823`), decimals,
/// negative numbers (`-3`) and larger numbers are figures.
fn page_number(line: &str) -> Option<PageNumber> {
    let l = line.to_lowercase();
    let dashed = ['-', '–'].iter().find_map(|&d| {
        l.strip_prefix(d)
            .and_then(|r| r.strip_suffix(d))
            .map(str::trim)
    });
    let l = dashed.unwrap_or(&l);
    let worded = l.strip_prefix("sida ").or_else(|| l.strip_prefix("sid. "));
    let l = worded.unwrap_or(l).trim();
    let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 || l.starts_with('0') {
        return None;
    }
    let rest = l[digits..].trim();
    let total = if rest.is_empty() {
        None
    } else {
        let t = rest
            .strip_prefix("av ")
            .or_else(|| rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
            .or_else(|| rest.strip_prefix('/'))?
            .trim();
        if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    Some(PageNumber {
        number: l[..digits].parse().ok()?,
        total,
        bare: dashed.is_none() && worded.is_none() && total.is_none(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::layout;
    use crate::offsets::apply;
    use crate::record::EditKind;

    fn run(input: &str) -> String {
        apply(input, &layout(input)).0
    }

    #[track_caller]
    fn assert_unchanged(input: &str) {
        assert_eq!(run(input), input, "{input:?} was changed");
    }

    fn pages(bodies: &[&str]) -> String {
        bodies.join("\n\x0c")
    }

    #[test]
    fn drops_running_headers_and_page_numbers() {
        let input = pages(&[
            "Överenskommelse 2020\n\nText på sidan ett.\n\n1",
            "Överenskommelse 2020\n\nText på sidan två.\n\n2",
            "Överenskommelse 2020\n\nText på sidan tre.\n\n3",
        ]);
        let out = run(&input);
        assert!(!out.contains("Överenskommelse 2020"), "{out:?}");
        assert!(out.contains("Text på sidan ett.") && out.contains("Text på sidan tre."));
        assert!(!out.contains("\n3"), "{out:?}");
        assert_eq!(out.matches('\x0c').count(), 2, "page breaks are kept");
    }

    #[test]
    fn keeps_repeated_lines_on_too_few_pages_and_numbers_that_do_not_count_pages() {
        let two = pages(&["Rubrik\n\nEtt.\n\n1", "Rubrik\n\nTvå.\n\n2"]);
        assert_unchanged(&two);
        let numbers = pages(&["Text.\n\n7", "Text två.\n\n3", "Text tre.\n\n12"]);
        assert!(run(&numbers).contains("12"));
    }

    /// Removed lines of `input`, trimmed, in order.
    fn removed(input: &str) -> Vec<String> {
        layout(input)
            .iter()
            .filter(|c| c.kind == EditKind::Furniture)
            .map(|c| input[c.start..c.end].trim().to_string())
            .collect()
    }

    #[track_caller]
    fn assert_removed(bodies: &[&str], expected: &[&str]) {
        assert_eq!(removed(&pages(bodies)), expected);
    }

    #[track_caller]
    fn assert_no_furniture(bodies: &[&str]) {
        let input = pages(bodies);
        assert_eq!(removed(&input), Vec::<String>::new(), "{input:?}");
    }

    #[test]
    fn drops_page_numbers_in_their_usual_forms() {
        assert_removed(
            &[
                "Ett.\n\nSida 1 av 3",
                "Två.\n\nSida 2 av 3",
                "Tre.\n\nSida 3 av 3",
            ],
            &["Sida 1 av 3", "Sida 2 av 3", "Sida 3 av 3"],
        );
        // Two pages are enough when the line says it is a page number.
        assert_removed(
            &["Ett.\n\nSida 2 av 5", "Två.\n\nSida 3 av 5"],
            &["Sida 2 av 5", "Sida 3 av 5"],
        );
        assert_removed(
            &["2 (14)\nEtt.", "3 (14)\nTvå.", "4 (14)\nTre."],
            &["2 (14)", "3 (14)", "4 (14)"],
        );
        // The cover has no number; bare numbers rise from the second page.
        assert_removed(
            &["Omslag", "Två.\n\n- 2 -", "Tre.\n\n- 3 -", "Fyra.\n\n- 4 -"],
            &["- 2 -", "- 3 -", "- 4 -"],
        );
        assert_removed(&["Ett.\n1", "Två.\n2", "Tre.\n3"], &["1", "2", "3"]);
    }

    #[test]
    fn drops_running_headers_with_a_rising_page_number() {
        assert_removed(
            &[
                "Rapport 2020, sida 1\nEtt.",
                "Rapport 2020, sida 2\nTvå.",
                "Rapport 2020, sida 3\nTre.",
            ],
            &[
                "Rapport 2020, sida 1",
                "Rapport 2020, sida 2",
                "Rapport 2020, sida 3",
            ],
        );
    }

    #[test]
    fn keeps_figures_of_a_table_at_page_breaks() {
        // One cell per line on six pages, every page opening and closing with a figure of the same
        // shape: these were removed as a "running header" when lines were compared with digits
        // masked.
        assert_no_furniture(&[
            "Stockholm\n\n237 682 967\n\nText om Stockholm.\n\n2 361 220",
            "Uppsala\n\n607 879 560\n\nText om Uppsala.\n\n8 767 488",
            "Skåne\n\n907 314 196\n\nText om Skåne.\n\n8 129 955",
            "Halland\n\n499 543 722\n\nText om Halland.\n\n1 812 556",
            "Gävleborg\n\n372 838 921\n\nText om Gävleborg.\n\n4 705 204",
            "Norrbotten\n\n425 131 122\n\nText om Norrbotten.\n\n1 765 654",
        ]);
        // One cell per line: the figure next to each form feed is a table figure, not furniture.
        assert_no_furniture(&[
            "Län\n\nStockholm\n\n317 989 729\n\n3 823 518",
            "Uppsala\n\n68 143 865\n\n2 546",
            "Skåne\n\n112 004 310\n\n9 870",
            "Totalt\n\n1 367 000 000",
        ]);
        // Rows whose labels and figures differ share a shape, not a text.
        assert_no_furniture(&[
            "Stockholm 68 143 865\nEtt.\nUppsala 12 345 678",
            "Stockholm 68 143 866\nTvå.\nUppsala 12 345 679",
            "Stockholm 68 143 867\nTre.\nUppsala 12 345 680",
        ]);
        // A total repeated on every page is still a figure.
        assert_no_furniture(&[
            "Ett.\nTotalt 1 367 000 000",
            "Två.\nTotalt 1 367 000 000",
            "Tre.\nTotalt 1 367 000 000",
        ]);
    }

    #[test]
    fn keeps_numbers_that_are_not_page_numbers() {
        // A lone grouped number, a decimal, a negative, a four-digit number: never page numbers.
        for [a, b, c] in [
            ["2 546", "2 547", "2 548"],
            ["1,5", "2,5", "3,5"],
            ["-1", "-2", "-3"],
            ["1001", "1002", "1003"],
        ] {
            assert_no_furniture(&[
                &format!("Ett.\n{a}"),
                &format!("Två.\n{b}"),
                &format!("Tre.\n{c}"),
            ]);
        }
        // Numbers that do not rise by one, or are far larger than the page count.
        assert_no_furniture(&["Ett.\n\n4", "Två.\n\n4", "Tre.\n\n4"]);
        assert_no_furniture(&["Ett.\n\n2", "Två.\n\n4", "Tre.\n\n6"]);
        assert_no_furniture(&["Ett.\n\n40", "Två.\n\n41", "Tre.\n\n42"]);
        // Bare numbers on two pages of two are as likely a table's.
        assert_no_furniture(&["Ett.\n\n1", "Två.\n\n2"]);
    }

    #[test]
    fn keeps_lines_with_a_figure_that_appear_once() {
        // A year and text, a figure in a sentence: they differ from page to page.
        assert_no_furniture(&[
            "Budget 2019\nEtt.",
            "Budget 2020\nTvå.",
            "Budget 2021\nTre.",
        ]);
        assert_no_furniture(&[
            "Region Skåne får 944 kr.\nEtt.",
            "Region Skåne får 12 kr.\nTvå.",
            "Region Skåne får 7 kr.\nTre.",
        ]);
    }
}
