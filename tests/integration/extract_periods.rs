//! Periods, one `#[test]` per case: each found period as `from..to` (ISO), compared with the
//! expected list; offsets must slice the text to exactly the item's `text`.

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let found = svocr::extract::extract(text).periods;
    for p in &found {
        let slice: String = text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(slice, p.text, "offsets of {p:?} in {text:?}");
    }
    let got: Vec<String> = found
        .iter()
        .map(|p| format!("{}..{}", p.from, p.to))
        .collect();
    assert_eq!(got, expected, "periods in {text:?}");
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($v:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { check($text, &[$($v),*]); })*
    };
}

cases! {
    en_dash: "Överenskommelsen 2017–2018" => ["2017-01-01..2018-12-31"];
    hyphen: "rehabilitering 2017-2018 (PDF)" => ["2017-01-01..2018-12-31"];
    split_year: "verksamhetsåret 2017/18" => ["2017-01-01..2018-12-31"];
    for_aren: "för åren 2017–2018 tecknat" => ["2017-01-01..2018-12-31"];
    two_digit_end: "2021–23" => ["2021-01-01..2023-12-31"];
    under_year: "Under 2017 användes medlen" => ["2017-01-01..2017-12-31"];
    under_ar_year: "under år 2020" => ["2020-01-01..2020-12-31"];
    under_year_line_break: "har tagit under\n2020." => ["2020-01-01..2020-12-31"];
    day_range: "1 januari–31 mars 2021" => ["2021-01-01..2021-03-31"];
    day_range_same_month: "1–31 mars 2021" => ["2021-03-01..2021-03-31"];
    day_range_full: "1 januari 2021 – 31 mars 2021" => ["2021-01-01..2021-03-31"];
    backwards: "2018–2017" => [];
    split_year_not_next: "2017/19" => [];
    too_long: "1900–2020" => [];
    iso_date: "2019-11-01" => [];
    prop: "prop. 2020/21:78" => [];
    dnr: "dnr 2019/05301/SF" => [];
    decade: "under 2020-talet" => [];
    for_year_is_not_a_period: "en överenskommelse för 2020 om" => [];
    bare_year: "2020" => [];
    invalid_day: "1 januari–31 februari 2021" => [];
}
