//! Amounts, one `#[test]` per case, run through the whole extraction (so references and table
//! cells shadow numbers exactly as in `svocr run`).
//!
//! Each found amount is written in a compact notation and the list compared with the expected one:
//! `944000000` (kronor), `12.5`, `-3400000`; `~` approximate, `<=` max, `>=` min; `10000000..20000000`
//! a range; ` EUR` a currency other than SEK; `/år` what it is per. Every case also checks that
//! each item's offsets slice the text to exactly its `text`.

use svocr::record::{Amount, Qualifier};

fn render(a: &Amount) -> String {
    let mut s = String::new();
    if a.approximate {
        s.push('~');
    }
    match a.qualifier {
        Some(Qualifier::Max) => s.push_str("<="),
        Some(Qualifier::Min) => s.push_str(">="),
        None => {}
    }
    match (a.value, a.min, a.max) {
        (Some(v), _, _) => s.push_str(&v.to_string()),
        (None, Some(lo), Some(hi)) => s.push_str(&format!("{lo}..{hi}")),
        _ => s.push('?'),
    }
    if a.currency != "SEK" {
        s.push(' ');
        s.push_str(&a.currency);
    }
    if let Some(p) = &a.per {
        s.push('/');
        s.push_str(p);
    }
    s
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let found = svocr::extract::extract(text).amounts;
    for a in &found {
        let slice: String = text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(slice, a.text, "offsets of {a:?} in {text:?}");
    }
    let got: Vec<String> = found.iter().map(render).collect();
    assert_eq!(got, expected, "amounts in {text:?}");
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($v:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { check($text, &[$($v),*]); })*
    };
}

cases! {
    // Scale words and units.
    miljoner_kronor: "Staten avsätter 944 miljoner kronor för insatserna." => ["944000000"];
    miljarder_kronor: "Överenskommelsen omfattar totalt 2,88 miljarder kronor." => ["2880000000"];
    miljarder_with_money_word: "Anslaget uppgår till 1,44 miljarder under året." => ["1440000000"];
    en_miljard_in_title: "En miljard för att göra processen tryggare\n\nSatsningen omfattar närmare en miljard kronor." => ["1000000000", "~1000000000"];
    narmare_en_miljard: "som omfattar närmare en miljard kronor, ska" => ["~1000000000"];
    tva_miljarder: "Regeringen tillför två miljarder kronor." => ["2000000000"];
    tjugotva_miljoner: "Kommunerna får tjugotvå miljoner kronor." => ["22000000"];
    sex_miljoner: "sex miljoner kronor till forskning" => ["6000000"];
    atta_miljoner: "åtta miljoner kronor" => ["8000000"];
    word_inside_word_is_not_a_number: "patienten miljoner kronor" => [];
    etthundrafemtio: "etthundrafemtio miljoner kronor" => ["150000000"];
    en_halv_miljard: "en halv miljard kronor" => ["500000000"];
    bare_scale_after_kronor: "totalt 2,88 miljarder kronor. Av dessa är 500 miljoner avsatta per år" => ["2880000000", "500000000/år"];
    bare_scale_cirka: "2,88 miljarder kronor, och cirka 730 miljoner för utvecklingsarbete" => ["2880000000", "~730000000"];
    bare_scale_over_line_break: "1 kr. Av dessa är 500 \nmiljoner avsatta" => ["1", "500000000"];
    mkr: "Intäkter från staten 14,7 Mkr" => ["14700000"];
    mkr_negative: "Ersättning till primärvården för behandlingar: -3,4 Mkr" => ["-3400000"];
    mkr_lower_ca: "ersättas med ca 4,3 mkr för det utökade uppdraget" => ["~4300000"];
    mnkr: "Budgeten är 12 mnkr." => ["12000000"];
    mnkr_decimal: "1,2 mnkr till Socialstyrelsen" => ["1200000"];
    tkr: "Kostnaden beräknas till 500 tkr." => ["500000"];
    tkr_grouped: "1 000 tkr" => ["1000000"];
    msek: "Omsättningen var 944 MSEK." => ["944000000"];
    miljoner_sek: "254 miljoner SEK" => ["254000000"];
    kr: "Avgiften är 100 kr." => ["100"];
    kronor_plain: "10 kronor per besök" => ["10/besök"];
    ore: "50 öre per kilowattimme" => ["0.5/kilowattimme"];
    kr_decimals: "Priset är 12,50 kr" => ["12.5"];
    kronor_decimals_grouped: "Kostnaden blev 1 444,50 kronor." => ["1444.5"];
    mdr_kr: "Ramen är 12 mdr kr." => ["12000000000"];
    mdkr: "3 Mdkr" => ["3000000000"];
    // Thousands separators.
    thousands_space: "Totalt 1 444 kronor" => ["1444"];
    thousands_many: "2 967 000 000 kronor" => ["2967000000"];
    thousands_nbsp: "1\u{a0}444 kr" => ["1444"];
    thousands_thin: "1\u{2009}444 kr" => ["1444"];
    thousands_narrow_nbsp: "5\u{202f}000\u{202f}000 kronor" => ["5000000"];
    decimal_comma_exact: "62,5 miljoner kronor till SKR" => ["62500000"];
    // Minus signs.
    minus_hyphen: "IT-utveckling -0,5 Mkr" => ["-500000"];
    minus_sign: "Utbildningsinsatser −0,6 Mkr" => ["-600000"];
    minus_en_dash: "Övrigt : –0,2 Mkr" => ["-200000"];
    hyphen_in_word_is_not_minus: "covid-19 kostade 5 kr" => ["5"];
    // Qualifiers.
    approx_cirka: "cirka 730 miljoner kronor" => ["~730000000"];
    approx_omkring: "omkring 5 miljoner kronor" => ["~5000000"];
    approx_runt: "runt 3 miljarder kronor" => ["~3000000000"];
    approx_drygt: "drygt 100 miljoner kronor" => ["~100000000"];
    max_hogst: "utbetalar senast högst 50 miljoner kronor" => ["<=50000000"];
    max_hogst_ocr: "utbetalar hogst 50 miljoner kronor" => ["<=50000000"];
    max_maximalt: "maximalt 2 miljoner kronor" => ["<=2000000"];
    max_upp_till: "bidrag på upp till 10 miljoner kronor" => ["<=10000000"];
    min_minst: "minst 5 miljoner kronor" => [">=5000000"];
    min_lagst: "lägst 100 kr" => [">=100"];
    // Ranges.
    range_mellan: "mellan 10 och 20 miljoner kronor" => ["10000000..20000000"];
    range_reversed_is_ordered: "mellan 20 och 10 miljoner kronor" => ["10000000..20000000"];
    range_en_dash: "10–20 mnkr" => ["10000000..20000000"];
    range_hyphen: "10-20 mnkr" => ["10000000..20000000"];
    range_fran_till: "från 1 till 3 miljarder kronor" => ["1000000000..3000000000"];
    // Not a range: two figures sharing the unit written once after the last (issue 14).
    och_without_mellan_is_not_a_range: "1 och 2 miljoner kronor" => ["1000000", "2000000"];
    // Per.
    per_ar: "satsar 1,44 miljarder kronor per år, varav" => ["1440000000/år"];
    per_invanare: "5 kr per invånare" => ["5/invånare"];
    arligen: "100 miljoner kronor årligen" => ["100000000/år"];
    slash_ar: "5 000 kr/år" => ["5000/år"];
    per_den_is_a_date_not_per: "100 kr per den 1 november 2019" => ["100"];
    // Line breaks.
    line_break_before_kronor: "(9,5 miljoner\nkronor till SKR)" => ["9500000"];
    form_feed_inside: "9,5 miljoner\u{c}kronor" => ["9500000"];
    // Other currencies.
    eur: "100 EUR" => ["100 EUR"];
    euro_word: "2,5 miljoner euro" => ["2500000 EUR"];
    euro_sign: "40 €" => ["40 EUR"];
    meur: "5 MEUR" => ["5000000 EUR"];
    usd: "30 USD" => ["30 USD"];
    nok: "200 NOK" => ["200 NOK"];
    dkk: "50 DKK" => ["50 DKK"];
    norska_kronor: "100 norska kronor" => ["100 NOK"];
    bare_scale_takes_last_currency: "5 miljoner euro, varav 2 miljoner till" => ["5000000 EUR", "2000000 EUR"];
    // Not money.
    year: "Under 2020 ska regionerna" => [];
    date: "senast den 11 december 2020" => [];
    villkor_number: "Villkor 1 Kompetenssatsning i försäkringsmedicin" => [];
    dnr: "(dnr S2019/05301/SF)" => [];
    dnr_without_prefix: "(dnr 2019/05301/SF)" => [];
    sou: "SOU 2020:24" => [];
    percent: "minskade med 50 procent och 3 %" => [];
    people: "de 21 regionerna och 6 sjukvårdsregionerna" => [];
    inhabitants: "Sverige har 10 miljoner invånare." => [];
    people_millions: "3 miljoner människor" => [];
    sick_days: "2 miljoner sjukskrivningsdagar" => [];
    section_number: "avsnitt 4.1 och 2. Skälen" => [];
    covid: "covid-19-epidemin" => [];
    web_address: "Mina intyg på 1177.se" => [];
    glued_table_cell: "Område 2 Funktion för koordinering420" => [];
    glued_total: "Totalt1 444" => [];
    glued_after_swedish_letter: "Samordning och stöd12 kr" => [];
    ocr_i_read_as_1: "Insatserna 1 överenskommelsen" => [];
    no_number: "flera miljoner kronor och tusen kronor" => [];
    patientmiljard: "Den patientmiljard som landstingen får" => [];
    bare_scale_without_context: "Av dessa går 500 miljoner till regionerna" => [];
}
