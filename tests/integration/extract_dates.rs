//! Dates, one `#[test]` per case, run through the whole extraction (references and periods shadow
//! dates exactly as in `svocr run`).
//!
//! Each found date is written as its ISO value (`-` when it has none) followed by `@role` when it has
//! a role, and the list compared with the expected one. Every case also checks that each item's
//! offsets slice the text to exactly its `text`.

use svocr::record::{Date, DateRole};

fn render(d: &Date) -> String {
    let mut s = d.value.map_or("-".to_string(), |v| v.to_string());
    if let Some(r) = d.role {
        s.push_str(match r {
            DateRole::Deadline => "@deadline",
            DateRole::From => "@from",
            DateRole::Signed => "@signed",
            DateRole::Published => "@published",
            DateRole::Decision => "@decision",
        });
    }
    s
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let found = svocr::extract::extract(text).dates;
    for d in &found {
        let slice: String = text.chars().skip(d.start).take(d.end - d.start).collect();
        assert_eq!(slice, d.text, "offsets of {d:?} in {text:?}");
    }
    let got: Vec<String> = found.iter().map(render).collect();
    assert_eq!(got, expected, "dates in {text:?}");
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($v:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { check($text, &[$($v),*]); })*
    };
}

/// A long paragraph, so that a date line after it sits in the second half of the document.
const BODY: &str = "Denna tilläggsöverenskommelse blir giltig under förutsättning att den godkänns av \
regeringen och Sveriges Kommuner och Regioner.\n\nFör staten genom Socialdepartementet\n\n";

cases! {
    // Forms.
    den_day_month_year: "Avtalet undertecknades den 11 december 2020." => ["2020-12-11"];
    day_month_year: "11 december 2020" => ["2020-12-11"];
    abbreviated_with_dot: "11 dec. 2020" => ["2020-12-11"];
    iso: "Datum: 2020-12-11" => ["2020-12-11"];
    slash_space_year: "11/12 2020" => ["2020-12-11"];
    slash_dash_year: "11/12-2020" => ["2020-12-11"];
    dotted: "11.12.2020" => ["2020-12-11"];
    capitalised_month: "11 December 2020" => ["2020-12-11"];
    ordinal_a: "den 1:a februari 2020" => ["2020-02-01"];
    ordinal_e: "den 3:e mars 2021" => ["2021-03-03"];
    ordinal_31a: "den 31:a maj 2021" => ["2021-05-31"];
    month_jan: "1 jan 2021" => ["2021-01-01"];
    month_feb_dot: "5 feb. 2021" => ["2021-02-05"];
    month_mars: "3 mars 2021" => ["2021-03-03"];
    month_apr: "7 apr 2021" => ["2021-04-07"];
    month_maj: "1 maj 2020" => ["2020-05-01"];
    month_jun: "2 jun 2020" => ["2020-06-02"];
    month_juli: "4 juli 2020" => ["2020-07-04"];
    month_aug: "8 aug. 2020" => ["2020-08-08"];
    month_sep: "9 sep 2020" => ["2020-09-09"];
    month_sept: "9 sept. 2020" => ["2020-09-09"];
    month_okt: "10 okt 2020" => ["2020-10-10"];
    month_nov: "11 nov 2020" => ["2020-11-11"];
    month_oktober: "den 20 oktober 2019" => ["2019-10-20"];
    // Line breaks and page breaks.
    line_break_after_day: "senast den 11\ndecember 2020 det som anges" => ["2020-12-11@deadline"];
    line_break_before_year: "den 15 augusti\n2021" => ["2021-08-15"];
    form_feed: "den 11\u{c}december 2020" => ["2020-12-11"];
    blank_line_ends_date: "den 11 december\n\n2020 och 2021 var år" => ["-"];
    // Validation.
    february_30: "den 30 februari 2020" => [];
    april_31: "den 31 april 2021" => [];
    leap_day_non_leap_year: "den 29 februari 2021" => [];
    leap_day_leap_year: "den 29 februari 2024" => ["2024-02-29"];
    day_44: "den 44 maj 2020" => [];
    iso_month_13: "2020-13-01" => [];
    iso_february_30: "2020-02-30" => [];
    no_year_impossible_day: "den 30 februari" => [];
    // Year-less dates.
    document_year_unambiguous: "Överenskommelse för 2020. Regionerna redovisar senast den 15 mars." => ["2020-03-15@deadline"];
    document_year_from_dated_mentions: "den 1 maj 2020 och den 3 mars" => ["2020-05-01", "2020-03-03"];
    document_year_ambiguous: "Åren 2019 och 2020 redovisas senast den 15 mars." => ["-@deadline"];
    dated_mentions_disagree: "den 1 maj 2020, den 1 maj 2021 och den 3 mars" => ["2020-05-01", "2021-05-01", "-"];
    no_year_anywhere: "senast den 15 mars" => ["-@deadline"];
    // Roles.
    deadline_senast: "Utbetalning sker senast den 31 mars 2021." => ["2021-03-31@deadline"];
    deadline_fore: "före den 1 juli 2021" => ["2021-07-01@deadline"];
    deadline_till_och_med: "till och med den 30 juni 2021" => ["2021-06-30@deadline"];
    deadline_tom: "t.o.m. 30 juni 2021" => ["2021-06-30@deadline"];
    from_fran_och_med: "från och med den 1 januari 2021" => ["2021-01-01@from"];
    from_fr_o_m: "fr.o.m. den 1 januari 2021" => ["2021-01-01@from"];
    from_in_force: "Lagen träder i kraft den 1 februari 2020." => ["2020-02-01@from"];
    from_in_force_one_word: "Lagen träder ikraft den 1 februari 2020." => ["2020-02-01@from"];
    published: "Publicerad: 20 november 2018" => ["2018-11-20@published"];
    published_no_colon: "Publicerad 19 december 2019" => ["2019-12-19@published"];
    decision: "Regeringen beslutade den 19 december 2019 att" => ["2019-12-19@decision"];
    decision_label: "Beslutsdatum: 2019-12-19" => ["2019-12-19@decision"];
    per_den_has_no_role: "antalet invånare per den 1 november 2019." => ["2019-11-01"];
    signature_two_dates: &format!("{BODY}Stockholm Stockholm\n\nden 16 juni 2020 den 15 juni 2020\n\nAlejandro Firpo Staffan Isling") => ["2020-06-16@signed", "2020-06-15@signed"];
    signature_place_and_date: &format!("{BODY}Stockholm den 16 juni 2020\n") => ["2020-06-16@signed"];
    letter_date_at_top_is_not_signed: "Stockholm den 16 juni 2020\n\nDenna tilläggsöverenskommelse blir giltig under förutsättning att den godkänns av regeringen." => ["2020-06-16"];
    date_in_sentence_is_not_signed: &format!("{BODY}Avtalet gäller den 16 juni 2020 och framåt.\n") => ["2020-06-16"];
    // Not dates.
    bare_year: "Under 2020 ska regionerna" => [];
    year_range: "Överenskommelse 2017-2018" => [];
    en_dash_year_range: "åren 2017–2018" => [];
    day_range_is_a_period: "under perioden 1 januari–31 mars 2021" => [];
    dnr: "dnr S2019/05301/SF" => [];
    sou: "SOU 2020:24" => [];
    prop: "prop. 2020/21:78" => [];
    fraction_without_year: "11/12 av medlen" => [];
    amount: "100 miljoner kronor" => [];
    marsvin: "5 marsvin" => [];
    juniorer: "12 juniorer" => [];
    augustinare: "3 augustinare" => [];
    villkor_1: "Villkor 1 Kompetenssatsning" => [];
    amount_after_date: "senast den 15 september 2021 högst 50 miljoner kronor" => ["2021-09-15@deadline"];
}
