//! Tables as PDF-to-text exports write them: one case per layout and per kind of number that is not
//! money, each both ways (reads the table; invents none from prose or codes). The documents are
//! invented, in the layouts of real exports.

use svocr::extract::extract;
use svocr::record::{Amount, Money, Table, TotalStatus};
use svocr::validate::reconcile;

/// (label, header, kronor, total) of every table cell, in reading order.
type Cells = Vec<(String, String, i64, bool)>;

fn cells_of(text: &str) -> (Cells, Vec<Table>, Vec<Amount>) {
    let x = extract(text);
    for a in &x.amounts {
        let got: String = text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(got, a.text, "offsets slice the cell's text");
    }
    let cells = x
        .amounts
        .iter()
        .filter_map(|a| {
            let c = a.cell.as_ref()?;
            let v = a.value.expect("a cell has a value").ore();
            assert_eq!(v % 100, 0, "whole kronor in these tests");
            Some((c.label.clone(), c.header.clone(), v / 100, c.total))
        })
        .collect();
    (cells, x.tables, x.amounts)
}

#[track_caller]
fn assert_cells(text: &str, want: &[(&str, &str, i64)]) {
    let (got, tables, _) = cells_of(text);
    let got: Vec<(String, String, i64)> = got.into_iter().map(|(l, h, v, _)| (l, h, v)).collect();
    let want: Vec<(String, String, i64)> = want
        .iter()
        .map(|&(l, h, v)| (l.to_string(), h.to_string(), v))
        .collect();
    assert_eq!(got, want, "tables: {tables:#?}");
}

#[track_caller]
fn assert_no_cells(text: &str) {
    let (got, tables, _) = cells_of(text);
    assert!(got.is_empty() && tables.is_empty(), "{got:?} {tables:#?}");
}

/// Every table total's verdict, in text order.
fn verdicts(text: &str) -> Vec<(TotalStatus, i64)> {
    let (_, _, amounts) = cells_of(text);
    reconcile(text, &amounts)
        .into_iter()
        .filter(|c| {
            amounts
                .iter()
                .any(|a| a.cell.is_some() && a.start == c.start)
        })
        .map(|c| {
            assert!(
                !c.method.is_empty(),
                "a check says how its parts were chosen"
            );
            (c.status, c.stated.ore() / 100)
        })
        .collect()
}

const ONE_PER_LINE: &str = "Medel 2024 i kronor\n\nLän\n\nMedel i\n\nkronor\n\nLandsbygdssatsning\n\n\
    kronor\n\nStockholm\n\n317 989 729\n\n3 823 518\n\nUppsala\n\n52 010 271\n\n1 176 482\n\n\
    Totalt\n\n370 000 000\n\n5 000 000\n\nMedlen betalas ut i januari.\n";

#[test]
fn one_cell_per_line_reads_labels_headers_and_caption() {
    let (m, l) = ("Medel i kronor", "Landsbygdssatsning kronor");
    assert_cells(
        ONE_PER_LINE,
        &[
            ("Stockholm", m, 317_989_729),
            ("Stockholm", l, 3_823_518),
            ("Uppsala", m, 52_010_271),
            ("Uppsala", l, 1_176_482),
            ("Totalt", m, 370_000_000),
            ("Totalt", l, 5_000_000),
        ],
    );
    let (cells, tables, amounts) = cells_of(ONE_PER_LINE);
    assert_eq!(
        cells.iter().filter(|c| c.3).count(),
        2,
        "the Totalt row is a total"
    );
    let t = &tables[0];
    assert_eq!(
        (t.caption.as_str(), t.label_header.as_str()),
        ("Medel 2024 i kronor", "Län")
    );
    assert_eq!((t.unit.kronor, t.unit.inferred), (1, false));
    assert_eq!(t.rows.len(), 3);
    let first = t.rows[0].amounts[0].expect("linked to amounts");
    assert_eq!(amounts[first].value, Some(Money::units(317_989_729)));
    let chars = ONE_PER_LINE.chars().count();
    assert!(t.start < t.end && t.end <= chars);
    assert_eq!(
        verdicts(ONE_PER_LINE),
        [(TotalStatus::Ok, 370_000_000), (TotalStatus::Ok, 5_000_000)]
    );
}

#[test]
fn short_lines_of_prose_and_numbers_are_no_table() {
    // No unit anywhere: a list of numbered points, not money.
    assert_no_cells("Punkt\n\n12\n\nÄrende\n\n14\n\nBeslut\n\n3\n");
    // One row alone is no table, even under a unit.
    assert_no_cells(
        "Belopp i kronor\n\nStockholm\n\n317 989 729\n\nMedlen betalas ut i januari.\n",
    );
}

const SINGLE_COLUMN: &str = "Fördelning per län\n\nKRONOR\nStockholm 68 143 865\nUppsala 31 856 135\n\
    Västra Götaland 200 000 000\nTOTALT 300 000 000\n";

#[test]
fn single_column_tables_are_read() {
    assert_cells(
        SINGLE_COLUMN,
        &[
            ("Stockholm", "KRONOR", 68_143_865),
            ("Uppsala", "KRONOR", 31_856_135),
            ("Västra Götaland", "KRONOR", 200_000_000),
            ("TOTALT", "KRONOR", 300_000_000),
        ],
    );
    assert_eq!(verdicts(SINGLE_COLUMN), [(TotalStatus::Ok, 300_000_000)]);
}

#[test]
fn lines_of_prose_ending_in_a_number_are_no_table() {
    assert_no_cells("Se bilaga 2\nSe avsnitt 4\nBeslutet gäller från 2024\n");
    // A unit in a long paragraph is not a caption.
    assert_no_cells(
        "Regeringen har beslutat att fördela medel i kronor till regionerna enligt den modell som \
         beskrivs i avsnittet ovan och som tidigare har tillämpats.\nÄrende 12\nÄrende 14\n",
    );
}

#[test]
fn a_unit_caption_several_lines_up_applies() {
    for (caption, kronor) in [
        (
            "Tilldelade anslag/anslagsposter (belopp angivna i tkr)",
            1_000,
        ),
        ("Tusental kronor", 1_000),
        ("Medel 2024 i kronor", 1),
        ("(mnkr)", 1_000_000),
        ("Belopp i miljoner kronor", 1_000_000),
    ] {
        let text = format!("{caption}\n\nAnslag\n\nBelopp\n\nLöner\t1 200\nLokaler\t300\n");
        assert_cells(
            &text,
            &[
                ("Löner", "Belopp", 1_200 * kronor),
                ("Lokaler", "Belopp", 300 * kronor),
            ],
        );
    }
}

#[test]
fn a_unit_caption_is_not_read_past_prose_or_another_table() {
    let prose = "Belopp i tkr\n\nRegeringen har beslutat att fördela medlen enligt den modell som beskrivs \
        ovan och som tidigare har tillämpats av myndigheten under flera år.\n\nLöner\t1 200\nLokaler\t300\n";
    assert_no_cells(prose);
    let other = "Belopp i tkr\nLöner\t1 200\nLokaler\t300\nRegeringen beslutar om fördelningen av medlen \
        enligt den modell som beskrivs ovan och som tidigare har tillämpats av myndigheten.\n\
        Anslag\tBelopp\tUtfall\nA\t1\t2\nB\t3\t4\n";
    let (cells, _, _) = cells_of(other);
    assert_eq!(cells.len(), 2, "only the first table has a unit: {cells:?}");
}

const TWO_ANSLAG: &str = "Tilldelade anslag/anslagsposter (belopp angivna i tkr)\n\n\
    1:1 Exempelanslaget (Ramanslag)\n\nDisponeras av Kammarkollegiet700\nap.1Drift (ram)500\n\
    ap.2Stöd (ram)200\n\nVillkor för anslag 1:1\n\nap.1 Drift\n\nAnslagsposten får användas för \
    bidrag till verksamheter som under året har bedrivit drift och underhåll av anläggningar.\n\n\
    1:2\n\nBidrag till teatrar, orkestrar, museer, bibliotek, föreningar och andra kulturinstitutioner \
    i hela landet (Ramanslag)\n\nDisponeras av Kammarkollegiet90\nap.1Teatrar (ram)60\nap.2Museer (ram)30\n";

#[test]
fn a_later_anslag_block_takes_the_unit_of_the_allocation_table_above() {
    let tkr = |l: &str, v: i64| (l.to_string(), v * 1000);
    let (cells, _, _) = cells_of(TWO_ANSLAG);
    let got: Vec<(String, i64)> = cells.into_iter().map(|(l, _, v, _)| (l, v)).collect();
    assert_eq!(
        got,
        vec![
            tkr("Disponeras av Kammarkollegiet", 700),
            tkr("ap.1Drift (ram)", 500),
            tkr("ap.2Stöd (ram)", 200),
            tkr("Disponeras av Kammarkollegiet", 90),
            tkr("ap.1Teatrar (ram)", 60),
            tkr("ap.2Museer (ram)", 30),
        ]
    );
    // Not under an anslag heading, or not allocation rows: no unit is carried over.
    for other in [
        TWO_ANSLAG.replace("i hela landet (Ramanslag)", "i hela landet"),
        TWO_ANSLAG
            .replace("ap.1Teatrar (ram)60", "Teatrar 60")
            .replace("ap.2Museer (ram)30", "Museer 30"),
    ] {
        let (cells, _, _) = cells_of(&other);
        assert_eq!(cells.len(), 3, "only the first block has a unit: {cells:?}");
    }
}

const RUN_INTO_LABEL: &str = "Anslag 1:5 Bidrag till utbildning (kronor)\n\
    ap.1Professionssatsningen (ram)897 000\nap.2Fortbildning (ram)0\n\
    Disponeras av Kammarkollegiet22 744 817\n";

#[test]
fn labels_run_into_their_numbers_are_cut_at_the_number() {
    assert_cells(
        RUN_INTO_LABEL,
        &[
            ("ap.1Professionssatsningen (ram)", "", 897_000),
            ("ap.2Fortbildning (ram)", "", 0),
            ("Disponeras av Kammarkollegiet", "", 22_744_817),
        ],
    );
}

#[test]
fn item_numbers_and_anslag_codes_are_not_money() {
    assert_no_cells("Belopp i kronor\nap.14\nap.15\nAnslag 1:5\nAnslag 1:6\n");
}

const SINGLE_SPACE: &str = "Belopp i kronor\n\nAnslag\nBeslutad ram\nFörändring\nNy ram\n\
    Forskning 98 410 400 250 000 98 660 400\nUtbildning 1 200 000 300 000 1 500 000\n\
    Kultur 5 000 000 0 5 000 000\n";

#[test]
fn single_space_columns_are_split_by_grouping_and_the_rows_arithmetic() {
    assert_cells(
        SINGLE_SPACE,
        &[
            ("Forskning", "Beslutad ram", 98_410_400),
            ("Forskning", "Förändring", 250_000),
            ("Forskning", "Ny ram", 98_660_400),
            ("Utbildning", "Beslutad ram", 1_200_000),
            ("Utbildning", "Förändring", 300_000),
            ("Utbildning", "Ny ram", 1_500_000),
            ("Kultur", "Beslutad ram", 5_000_000),
            ("Kultur", "Förändring", 0),
            ("Kultur", "Ny ram", 5_000_000),
        ],
    );
}

#[test]
fn an_ambiguous_row_is_unresolved_not_guessed() {
    // `1 200 300 000 1 500 300` adds up neither way it can be split: no cells, one unresolved row.
    let text = SINGLE_SPACE.replace("1 200 000 300 000 1 500 000", "1 200 300 000 1 500 300");
    let (cells, tables, _) = cells_of(&text);
    assert!(cells.iter().all(|c| c.0 != "Utbildning"), "{cells:?}");
    let u = &tables[0].unresolved;
    assert_eq!(u.len(), 1, "{tables:#?}");
    assert_eq!(
        (u[0].label.as_str(), u[0].text.as_str()),
        ("Utbildning", "1 200 300 000 1 500 300")
    );
}

const ALIGNED_ACROSS_PAGES: &str = "Belopp i tkr\nPost\t2017\t2018\nLöner\t1 200\t1 300\n\
    Lokaler  300  350\n\x0cÅrsredovisning 2018   3\nPost\t2017\t2018\nResor\t50\t40\n\
    Summa\t1 550\t1 690\n\nNästa avsnitt handlar om något annat och är ett stycke löptext.\n";

#[test]
fn aligned_columns_with_year_headers_continue_across_a_page_break() {
    assert_cells(
        ALIGNED_ACROSS_PAGES,
        &[
            ("Löner", "2017", 1_200_000),
            ("Löner", "2018", 1_300_000),
            ("Lokaler", "2017", 300_000),
            ("Lokaler", "2018", 350_000),
            ("Resor", "2017", 50_000),
            ("Resor", "2018", 40_000),
            ("Summa", "2017", 1_550_000),
            ("Summa", "2018", 1_690_000),
        ],
    );
    let (_, tables, _) = cells_of(ALIGNED_ACROSS_PAGES);
    assert_eq!(tables.len(), 1, "one table across the page break");
    assert_eq!(
        verdicts(ALIGNED_ACROSS_PAGES),
        [(TotalStatus::Ok, 1_550_000), (TotalStatus::Ok, 1_690_000)]
    );
}

#[test]
fn a_unitless_table_is_skipped() {
    assert_no_cells("Post\t2017\t2018\nA\t1\t2\nB\t3\t4\n");
}

#[test]
fn percent_count_and_rate_columns_are_not_money() {
    let text = "Belopp i tkr\nVerksamhet\tBelopp\tAndel %\tAntal\nLöner\t1 200\t80\t12\nHyra\t300\t20\t1\n";
    assert_cells(
        text,
        &[("Löner", "Belopp", 1_200_000), ("Hyra", "Belopp", 300_000)],
    );
    let text = "Kronor\nKommun\tBidrag\tkr/invånare\nAby\t100 000\t50\nBby\t200 000\t40\n";
    assert_cells(
        text,
        &[("Aby", "Bidrag", 100_000), ("Bby", "Bidrag", 200_000)],
    );
    let text = "Belopp i tkr\nLöner\t1 200\t80 %\nHyra\t300\t20 %\n";
    assert_cells(text, &[("Löner", "", 1_200_000), ("Hyra", "", 300_000)]);
}

#[test]
fn years_as_row_labels_are_not_money() {
    let text = "Utbetalt (tkr)\n2017\t1 200\t300\n2018\t1 300\t350\n";
    assert_cells(
        text,
        &[
            ("2017", "", 1_200_000),
            ("2017", "", 300_000),
            ("2018", "", 1_300_000),
            ("2018", "", 350_000),
        ],
    );
}

const SUBTOTALS: &str = "Belopp i tkr\nNorr\t100\nVäst\t200\nSumma norra\t300\nSyd\t50\nÖst\t50\n\
    Summa södra\t100\nTotalt\t400\n";

#[test]
fn sub_totals_check_their_block_and_the_grand_total_the_sub_totals() {
    assert_eq!(
        verdicts(SUBTOTALS),
        [
            (TotalStatus::Ok, 300_000),
            (TotalStatus::Ok, 100_000),
            (TotalStatus::Ok, 400_000)
        ]
    );
    let wrong = SUBTOTALS.replace("Totalt\t400", "Totalt\t500");
    assert_eq!(
        verdicts(&wrong),
        [
            (TotalStatus::Ok, 300_000),
            (TotalStatus::Ok, 100_000),
            (TotalStatus::Mismatch, 500_000)
        ]
    );
}

#[test]
fn a_total_of_all_rows_after_a_sub_total_is_checked_as_a_block_first() {
    let text = "Belopp i tkr\nA\t100\nB\t200\nSumma\t300\nC\t50\nTotalt\t50\n";
    assert_eq!(
        verdicts(text),
        [(TotalStatus::Ok, 300_000), (TotalStatus::Ok, 50_000)]
    );
}

#[test]
fn prose_broken_before_a_number_is_no_table() {
    assert_no_cells(
        "Belopp i kronor\nRegionerna ska redovisa insatserna senast den\n11\n\
         Försäkringskassan betalar ut medlen i\n12\nomgångar under året till\n3\n",
    );
}

#[test]
fn ocr_rows_take_their_width_from_a_header_closed_by_units() {
    // Tesseract keeps no column gaps and drops digit-group spaces (`4 905 218` → `4905 218`,
    // `3 131 258` → `3131258`); the header names two columns, each closed by `kronor`.
    let text = "Medel 2025 i kronor\n\nRegion Grundbelopp kronor  Prestationsdel kronor\n\
                Norrland 185 415 135 4905 218\nMellan 3131258 4790 879\n\
                Söder 22 885 934 4 897 995\nVäster 26539518 4846130\n";
    assert_cells(
        text,
        &[
            ("Norrland", "Grundbelopp kronor", 185_415_135),
            ("Norrland", "Prestationsdel kronor", 4_905_218),
            ("Mellan", "Grundbelopp kronor", 3_131_258),
            ("Mellan", "Prestationsdel kronor", 4_790_879),
            ("Söder", "Grundbelopp kronor", 22_885_934),
            ("Söder", "Prestationsdel kronor", 4_897_995),
            ("Väster", "Grundbelopp kronor", 26_539_518),
            ("Väster", "Prestationsdel kronor", 4_846_130),
        ],
    );
}

#[test]
fn ocr_rows_that_no_grouping_splits_into_the_stated_width_are_unresolved() {
    // `1 234 567`: two numbers in more than one way, none as long as its columns' figures;
    // `4654 062`: no way at all. `185 415 135 218 000` splits several ways too, but only
    // `185 415 135 | 218 000` keeps each figure within a digit of its column's (`185 415 |
    // 135 218 000` puts six digits under figures of eight and nine).
    let text = "Medel 2025 i kronor\n\nRegion Grundbelopp kronor  Prestationsdel kronor\n\
                Norrland 185 415 135 4905 218\nMellan 185 415 135 218 000\n\
                Söder 22 027:921 4654 062\nVäster 26539518 4846130\nÖster 1 234 567\n";
    let (cells, tables, _) = cells_of(text);
    let labels: Vec<&str> = cells.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Norrland", "Norrland", "Mellan", "Mellan", "Väster", "Väster"
        ]
    );
    assert!(cells.iter().any(|c| c.2 == 218_000), "{cells:?}");
    assert_eq!(tables.len(), 1, "a garbled row does not end the table");
    assert_eq!(tables[0].unresolved.len(), 2);
    // Without a header that states the width, dropped spaces are not assumed.
    let text = "Medel 2025 i kronor\n\nRegion  Grundbelopp  Prestationsdel\n\
                Norrland 185 415 135 4905 218\nVäster 26539518 4846130\nÖster 1 200 1 300\n";
    let (cells, _, _) = cells_of(text);
    assert!(cells.iter().all(|c| c.2 != 4_905_218), "{cells:?}");
}

#[test]
fn ocr_year_headers_state_the_width_and_misread_digits_leave_rows_unresolved() {
    // `Kommun 2024 2025` with single spaces is a header row of years; `S 811` may be `5 811`.
    let text = "Tusental kronor\n\nKommun 2024 2025\nAlby 11 641 12181\nBoda S 811 6075\n\
                Cella 4591 4693\nDala 7 461 7 820\nSumma 29 504 30 769\n";
    assert_cells(
        text,
        &[
            ("Alby", "2024", 11_641_000),
            ("Alby", "2025", 12_181_000),
            ("Cella", "2024", 4_591_000),
            ("Cella", "2025", 4_693_000),
            ("Dala", "2024", 7_461_000),
            ("Dala", "2025", 7_820_000),
            ("Summa", "2024", 29_504_000),
            ("Summa", "2025", 30_769_000),
        ],
    );
    let (cells, tables, _) = cells_of(text);
    assert_eq!(tables[0].unresolved.len(), 1);
    // The sum over the unresolved row is not claimed as a checked total.
    assert!(cells.iter().all(|c| !c.3), "{cells:?}");
    // Without the misread letter the row is read and the total is claimed.
    let text = text.replace("Boda S 811 6075", "Boda 5 811 6075");
    let (cells, _, _) = cells_of(&text);
    assert!(cells.iter().any(|c| c.0 == "Boda" && c.2 == 5_811_000));
    assert!(cells.iter().any(|c| c.3));
}

#[test]
fn ocr_rows_of_a_single_value_column_are_one_number_each() {
    // Two rows that read only as one number state one column; OCR's `9704 486` and `2570780`
    // under them are one number each with group spaces dropped; a label wrapped above its figure
    // and an item code opening the next row keep the rows apart.
    let text = "Tilldelade medel (belopp angivna i tkr)\n\nStatens energimyndighet 100 000\n\
                ap.14 Stöd till STEM (ram)\n\n100 000\nDisponeras av Kansliet\n\n9704 486\n\
                ap.13 Finansieringsinstitutioner (ram)\n\n2570780\n";
    let (cells, tables, _) = cells_of(text);
    let got: Vec<(&str, i64)> = cells.iter().map(|c| (c.0.as_str(), c.2)).collect();
    assert_eq!(
        got,
        [
            ("Statens energimyndighet", 100_000_000),
            ("ap.14 Stöd till STEM (ram)", 100_000_000),
            ("Disponeras av Kansliet", 9_704_486_000),
            ("ap.13 Finansieringsinstitutioner (ram)", 2_570_780_000),
        ],
        "{tables:#?}"
    );
    // One row before it states nothing: nothing is assumed dropped.
    let text = text.replace("ap.14 Stöd till STEM (ram)\n\n100 000\n", "");
    let (cells, _, _) = cells_of(&text);
    assert!(cells.iter().all(|c| c.2 != 9_704_486_000), "{cells:?}");
}

#[test]
fn a_four_digit_number_before_a_group_of_three_is_unresolved_without_a_stated_width() {
    // `5580 760` is `5 580 760` with a dropped space, or `5580` and `760`: no guess.
    let text = "Belopp i tkr\n\nDisponeras av Kansliet 5580 760\n\
                ap.1 Till kansliets disposition (ram) 5580 760\nap.2 Övrigt (ram) 1 200 300 000\n";
    let (cells, tables, _) = cells_of(text);
    assert!(
        cells.iter().all(|c| c.2 != 760_000 && c.2 != 5_580_000),
        "{cells:?}"
    );
    assert!(tables.iter().all(|t| t.rows.len() < 2), "{tables:#?}");
    // Under a header row of years the width is stated: `4591 469` is two numbers.
    assert_cells(
        "Tusental kronor\n\nKommun 2024 2025\nAlby 4591 469\nBoda 1 200 1 300\n",
        &[
            ("Alby", "2024", 4_591_000),
            ("Alby", "2025", 469_000),
            ("Boda", "2024", 1_200_000),
            ("Boda", "2025", 1_300_000),
        ],
    );
}

/// Verdicts as (status, kronor) pairs, for the totals tests below.
#[track_caller]
fn assert_verdicts(text: &str, want: &[(TotalStatus, i64)]) {
    let (_, tables, _) = cells_of(text);
    assert_eq!(verdicts(text), want, "tables: {tables:#?}");
}

use TotalStatus::{Mismatch, Ok as Fine, Unresolved};

const STATED_FIRST: &str = "Stöd per landsdel\n\nNorrland\n\nMiljoner kronor\nAlla stöd: 12,5\n\
    Investeringsstöd: 10,0\nProjektmedel: 2,5\n\nSvealand\n\nMiljoner kronor\nAlla stöd: 7\n\
    Investeringsstöd: 3,5\nProjektmedel: 3,5\n";

#[test]
fn a_total_stated_above_its_section_sums_the_rows_below_it() {
    assert_verdicts(STATED_FIRST, &[(Fine, 12_500_000), (Fine, 7_000_000)]);
    // A section whose rows fall short may list only some kinds: not a mismatch, and never
    // checked against the section above it.
    let short = STATED_FIRST.replace("Alla stöd: 7", "Alla stöd: 8");
    assert_verdicts(&short, &[(Fine, 12_500_000), (Unresolved, 8_000_000)]);
}

const DISPOSAL: &str = "Tilldelade anslag (belopp angivna i tkr)\n\n1:1 Exempelanslag (Ramanslag)\n\n\
    Disponeras av Exempelverket5 300\nap.1Verksamhet A (ram)5 000\nap.1.1Del ett (ram)3 000\n\
    ap.1.2Del två (ram)2 000\nap.2Verksamhet B (ram)300\n\
    Disponeras av Regeringskansliet700\nap.3Övrigt (ram)700\n\nVillkor för anslag 1:1\n";

#[test]
fn disposal_rows_and_numbered_posts_sum_the_level_below() {
    // `Disponeras av Regeringskansliet 700` over its single `ap.3 700` restates it: no check.
    assert_verdicts(DISPOSAL, &[(Fine, 5_300_000), (Fine, 5_000_000)]);
    // A post whose sub-posts do not add up is no claim at all (the hierarchy is read off the
    // labels), and the disposal row above still sums the top-level posts.
    let wrong = DISPOSAL.replace("Del två (ram)2 000", "Del två (ram)2 100");
    assert_verdicts(&wrong, &[(Fine, 5_300_000)]);
}

const ANSLAG_ROW: &str = "Tilldelade anslag\n\n\
    4:2Exempelanslaget (obetecknat anslag)1 250 tkr\n4:2 ap.1Drift (obetecknat)1 000 tkr\n\n\
    Disponeras av Kammarkollegiet\n\n4:2 ap.2Bidrag (obetecknat)250 tkr\n\nVillkor för anslag 4:2\n";

#[test]
fn an_anslag_row_sums_its_posts_only_where_they_add_up() {
    assert_verdicts(ANSLAG_ROW, &[(Fine, 1_250_000)]);
    // Posts that do not add up are no claim at all, never a mismatch.
    let wrong = ANSLAG_ROW.replace("Bidrag (obetecknat)250", "Bidrag (obetecknat)300");
    assert_verdicts(&wrong, &[]);
    // A post of another anslag is not this anslag's.
    let other = ANSLAG_ROW.replace("4:2 ap.2", "4:3 ap.2");
    assert_verdicts(&other, &[]);
    // Text other than a disposer's line between the posts ends the anslag's group.
    let heading = ANSLAG_ROW.replace("Disponeras av Kammarkollegiet", "Övriga bidrag");
    assert_verdicts(&heading, &[]);
}

const BOARDS: &str = "Driftredovisning (mnkr)\n\nVerksamhet\tBudget\tUtfall\n\
    Kommunstyrelse\t30,0\t31,5\nLedning\t10,0\t11,0\nKultur\t20,0\t20,5\n\
    Socialnämnd\t50,0\t49,0\nÄldreomsorg\t35,0\t34,0\nIndivid- och familjeomsorg\t15,0\t15,0\n";

#[test]
fn a_namnd_row_sums_its_verksamheter_only_where_they_add_up() {
    assert_verdicts(
        BOARDS,
        &[
            (Fine, 30_000_000),
            (Fine, 31_500_000),
            (Fine, 50_000_000),
            (Fine, 49_000_000),
        ],
    );
    // A row after the last nämnd's verksamheter (`Revision`, no nämnd) falls into its group,
    // which then does not add up: no check.
    let trailing = format!("{BOARDS}Revision\t1,0\t1,0\n");
    assert_verdicts(&trailing, &[(Fine, 30_000_000), (Fine, 31_500_000)]);
    // Rows under a nämnd that do not add up are no hierarchy: no check, never a mismatch.
    let flat = BOARDS
        .replace("Kultur\t20,0\t20,5", "Kultur\t25,0\t26,5")
        .replace("Äldreomsorg\t35,0\t34,0", "Äldreomsorg\t30,0\t31,0");
    assert_verdicts(&flat, &[]);
}

#[test]
fn an_uppercase_row_sums_the_mixed_case_rows_under_it() {
    let text = "Belopp i tkr\nVERKSAMHETENS INTÄKTER\t300\nAvgifter\t100\nBidrag\t200\n\
        VERKSAMHETENS KOSTNADER\t-500\nPersonal\t-300\nLokaler\t-200\n";
    assert_verdicts(text, &[(Fine, 300_000), (Fine, -500_000)]);
    let other = text.replace("Bidrag\t200", "Bidrag\t150");
    assert_verdicts(&other, &[(Fine, -500_000)]);
}

const CUT: &str = "Belopp i tkr\nIntäkter\nAvgifter\t100\nBidrag\t200\nKostnader\nPersonal\t-300\n\
    Lokaler\t-200\nSumma kostnader\t-500\n";

#[test]
fn a_sum_under_sub_headings_may_sum_the_last_section_only() {
    assert_verdicts(CUT, &[(Fine, -500_000)]);
    // Neither the whole block nor the last section: wrong under either reading.
    let wrong = CUT.replace("Summa kostnader\t-500", "Summa kostnader\t-600");
    assert_verdicts(&wrong, &[(Mismatch, -600_000)]);
    // Without sub-headings the whole block is all there is: it does not add up to -500.
    let plain = CUT.replace("Intäkter\n", "").replace("Kostnader\n", "");
    assert_verdicts(&plain, &[(Mismatch, -500_000)]);
}

#[test]
fn a_sum_below_group_rows_counts_the_group_rows_not_their_parts() {
    let text = "Belopp i tkr\nSocialnämnd\t100\nÄldreomsorg\t60\nIndivid- och familjeomsorg\t40\n\
        Kommunstyrelse\t50\nLedning\t20\nKultur\t30\nSumma\t150\n";
    assert_verdicts(text, &[(Fine, 100_000), (Fine, 50_000), (Fine, 150_000)]);
}

const NOTED: &str = "Resultaträkning\n\nBelopp i tkr Not Utfall\n2023\nBudget\n2023\n\
    Intäkter 1 450 600\nKostnader 2 − 1 200 − 1 300\nNettokostnader   − 750 − 700\n\
    Skatter\n3 820 810\n";

#[test]
fn a_note_column_is_read_where_the_export_shows_its_empty_cell_as_a_gap() {
    let (u, b) = ("Utfall 2023", "Budget 2023");
    assert_cells(
        NOTED,
        &[
            ("Intäkter", u, 450_000),
            ("Intäkter", b, 600_000),
            ("Kostnader", u, -1_200_000),
            ("Kostnader", b, -1_300_000),
            ("Nettokostnader", u, -750_000),
            ("Nettokostnader", b, -700_000),
            ("Skatter", u, 820_000),
            ("Skatter", b, 810_000),
        ],
    );
    // No row shows how an empty note cell is written: `1 450 600` may be note 1 or `1 450`,
    // and only the sum under it decides (450 − 1 200 = −750): `Skatter` has none.
    let no_gap = NOTED.replace("Nettokostnader   ", "Nettokostnader ");
    // (`Kostnader 2 − 1 200 − 1 300` has one reading either way.)
    let read = |got: &Cells, label: &str| -> Vec<i64> {
        got.iter()
            .filter(|(l, ..)| l == label)
            .map(|(_, _, v, _)| *v)
            .collect()
    };
    for text in [no_gap.clone(), NOTED.replace(" Not ", " ")] {
        let (got, _, _) = cells_of(&text);
        assert_eq!(read(&got, "Intäkter"), [450_000, 600_000], "{text:?}");
        assert!(read(&got, "Skatter").is_empty(), "{got:?}");
        // A sum that does not hold decides nothing.
        let off = text.replace("− 750 − 700", "− 760 − 700");
        let (got, _, _) = cells_of(&off);
        assert!(read(&got, "Intäkter").is_empty(), "{got:?}");
    }
}

#[test]
fn two_capitalised_names_on_one_header_line_are_two_columns_when_the_rows_say_so() {
    let text = "Belopp i mnkr Utfall\n2023\nAvvikelse Koncern\n2023\n\
        Intäkter 45 − 5 80\nKostnader − 30 2 − 60\nSkatter 12 0 20\n";
    let (u, a, k) = ("Utfall 2023", "Avvikelse", "Koncern 2023");
    assert_cells(
        text,
        &[
            ("Intäkter", u, 45_000_000),
            ("Intäkter", a, -5_000_000),
            ("Intäkter", k, 80_000_000),
            ("Kostnader", u, -30_000_000),
            ("Kostnader", a, 2_000_000),
            ("Kostnader", k, -60_000_000),
            ("Skatter", u, 12_000_000),
            ("Skatter", a, 0),
            ("Skatter", k, 20_000_000),
        ],
    );
    // Rows of two numbers: the name stays one column.
    let text = "Belopp i mnkr Utfall\n2023\nAvvikelse Koncern\n2023\n\
        Intäkter 45 80\nKostnader − 30 − 60\n";
    let k = "Avvikelse Koncern 2023";
    assert_cells(
        text,
        &[
            ("Intäkter", u, 45_000_000),
            ("Intäkter", k, 80_000_000),
            ("Kostnader", u, -30_000_000),
            ("Kostnader", k, -60_000_000),
        ],
    );
}

#[test]
fn a_second_stacked_header_opens_a_second_table() {
    let text = "Belopp i mnkr Utfall\n2023\nBudget\n2023\nPlan\n2024\n\
        Intäkter 45 50 55\nKostnader − 30 − 32 − 34\n\nBALANSKRAV\n\n\
        Belopp i mnkr Utfall\n2023\nUtfall\n2022\nResultat 15 18\nJustering 0 − 2\n";
    let (got, tables, _) = cells_of(text);
    assert_eq!(tables.len(), 2, "{tables:#?}");
    assert_eq!(tables[1].headers, ["Utfall 2023", "Utfall 2022"]);
    assert!(got.contains(&("Justering".into(), "Utfall 2022".into(), -2_000_000, false)));
}

const KEY_VALUE: &str = "Medel per län\n\nBlekinge\n\nMiljoner kronor\nAlla stödtyper: 58,4\n\
    Projektmedel: 54,7\n\nDalarna\n\nMiljoner kronor\nAlla stödtyper: 141,9\nProjektmedel: 77,7\n";

#[test]
fn a_key_value_list_is_headed_by_its_block_heading() {
    let (got, tables, _) = cells_of(KEY_VALUE);
    assert_eq!(tables.len(), 2, "{tables:#?}");
    assert_eq!(tables[1].caption, "Miljoner kronor");
    let got: Vec<(&str, &str, i64)> = got
        .iter()
        .map(|(l, h, v, _)| (l.as_str(), h.as_str(), *v))
        .collect();
    assert_eq!(
        got,
        [
            ("Alla stödtyper", "Blekinge", 58_400_000),
            ("Projektmedel", "Blekinge", 54_700_000),
            ("Alla stödtyper", "Dalarna", 141_900_000),
            ("Projektmedel", "Dalarna", 77_700_000),
        ]
    );
    // Rows without colons are an ordinary table: sub-headings between its rows do not cut it,
    // and no heading becomes its column header.
    let (got, tables, _) = cells_of(&KEY_VALUE.replace(':', ""));
    assert_eq!(tables.len(), 1, "{tables:#?}");
    assert!(
        got.iter()
            .all(|(_, h, ..)| h != "Blekinge" && h != "Dalarna")
    );
}

#[test]
fn rows_that_write_their_unit_after_each_value_are_read_in_it() {
    let text = "3.1Tilldelade medel\n\
                Utgiftsområde 9 Hälsovård, sjukvård och social omsorg\n\n\
                12:4Vårdverket (Ramanslag)\n\
                Disponeras av Vårdverket12 500 tkr\n\
                12:4 ap.1Vårdverket (Ram)12 500 tkr\n\
                Disponeras av regeringen2 000 tkr\n";
    assert_cells(
        text,
        &[
            ("Disponeras av Vårdverket", "Tilldelade medel", 12_500_000),
            ("12:4 ap.1Vårdverket (Ram)", "Tilldelade medel", 12_500_000),
            ("Disponeras av regeringen", "Tilldelade medel", 2_000_000),
        ],
    );
    // The cell stands in for the running-text amount read at the same place: counted once.
    let (_, _, amounts) = cells_of(text);
    assert_eq!(amounts.len(), 3);
    assert!(
        amounts
            .iter()
            .all(|a| a.cell.is_some() && a.text.ends_with("kr"))
    );
}

#[test]
fn a_spaced_list_of_amounts_stays_running_text() {
    // A label, a space and an amount with its unit: a list in prose, as the amount extractor
    // reads it; codes before a unit are no numbers at all.
    let text = "Intäkter från staten 14,7 Mkr\nIT-utveckling -0,5 Mkr\nÖvrigt -0,2 Mkr\n";
    let (cells, _, amounts) = cells_of(text);
    assert!(cells.is_empty(), "{cells:?}");
    assert_eq!(amounts.len(), 3);
    assert_no_cells("Åtgärder mot covid-19 tkr\nAnslag ap.1 tkr\nAnslag ap.2 tkr\n");
}

#[test]
fn an_area_code_before_a_signed_value_stays_in_the_label() {
    assert_cells(
        "Förändring av anslagsbehållningar, miljoner kronor\nBudget 2021\n\
         Förändring exkl. UO 26 - 7 686\nFörändring UO 26 - 80\n",
        &[
            ("Förändring exkl. UO 26", "2021", -7_686_000_000),
            ("Förändring UO 26", "2021", -80_000_000),
        ],
    );
}

#[test]
fn finansiella_villkor_rows_run_together_are_read_by_item_code() {
    let head = "Finansiella villkor för anslag\n\
                Anslag/anslagspostAnslagskredit (tkr)Anslagsbehållning som disponeras \
                2005Indrag av anslagsbelopp (tkr)";
    let (k, i) = ("Anslagskredit (tkr)", "Indrag av anslagsbelopp (tkr)");
    assert_cells(
        &format!("{head}\n90:1 ap.10Inget0\n90:1 ap.20Allt25\n"),
        &[
            ("90:1 ap.1", k, 0),
            ("90:1 ap.1", i, 0),
            ("90:1 ap.2", k, 0),
            ("90:1 ap.2", i, 25_000),
        ],
    );
    // Without the header the run-together codes are no rows of that table.
    let (got, _, _) = cells_of("90:1 ap.10Inget0\n90:1 ap.20Allt25\n");
    assert!(got.iter().all(|c| !c.0.ends_with("ap.1")), "{got:?}");
}
