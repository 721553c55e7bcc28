//! A table of Swedish day-grain date cases, written for svocr after what two public parsing test
//! suites cover at day grain (Duckling's `Time/SV` corpus and Microsoft Recognizers-Text's Swedish
//! `DateExtractor`/`DateParser` specs): numeric dates in Swedish order, two-digit years, ordinal
//! days in digits and words, abbreviated and run-together months, weekdays before the date, years
//! in words, calendar expressions and year-less dates. The sentences are our own.
//!
//! Each positive case lists every date expected, as `value [matched words]`, with `*` after the
//! value when part of it was inferred (a two-digit year's century, the document's year). The suite
//! passes when at least 90 % of the positive cases match exactly and no negative case gives a date;
//! the misses are printed.
//!
//! The table keeps the forms the suites resolve against a reference day (`i morgon`, `nästa
//! tisdag`, `om två veckor`, `den 15:e`): a document has no reference day, so svocr gives them no
//! date, and each is expected as the suites expect it (`ref+1d`, `ref:15`) and so counted as a
//! miss. US order (`9-18-15`) is expected as the suites read it and is also a miss: a Swedish
//! document writes day before month, and a reversed form is as likely a code. Holidays with a year
//! and a day and month in digits after `den`/`senast`/`fr.o.m.`/`t.o.m.` (the year the
//! document's, as for year-less month names) are read.

use svocr::record::Date;

fn render(d: &Date) -> String {
    let v = d.value.map_or("-".to_string(), |v| v.to_string());
    format!("{v}{} [{}]", if d.inferred { "*" } else { "" }, d.text)
}

/// What svocr finds in `text`, offsets checked against the text.
fn dates(text: &str) -> Vec<String> {
    let found = svocr::extract::extract(text).dates;
    for d in &found {
        let slice: String = text.chars().skip(d.start).take(d.end - d.start).collect();
        assert_eq!(slice, d.text, "offsets of {d:?} in {text:?}");
    }
    found.iter().map(render).collect()
}

/// A long paragraph, so that a date line after it sits in the second half of the document.
const BODY: &str = "Denna överenskommelse blir giltig under förutsättning att den godkänns av \
regeringen och av styrelsen för Sveriges Kommuner och Regioner, och den ersätter tidigare \
överenskommelser på området.\n\n";

const POSITIVE: &[(&str, &[&str])] = &[
    // Numeric, Swedish order and year first.
    (
        "Beslutet fattades 3/3/2015 av styrelsen.",
        &["2015-03-03 [3/3/2015]"],
    ),
    ("Ansökan inkom 21/04/2016.", &["2016-04-21 [21/04/2016]"]),
    ("Datum 2015-3-3 i protokollet", &["2015-03-03 [2015-3-3]"]),
    (
        "Mötet hölls 2016/12/01 i Umeå.",
        &["2016-12-01 [2016/12/01]"],
    ),
    (
        "Registrerad 2015.5.13 hos myndigheten",
        &["2015-05-13 [2015.5.13]"],
    ),
    (
        "Utbetalning 13.5.2015 enligt plan.",
        &["2015-05-13 [13.5.2015]"],
    ),
    ("Protokoll 3-3-2015 justerat", &["2015-03-03 [3-3-2015]"]),
    (
        "Protokoll 03-03-2015 justerat",
        &["2015-03-03 [03-03-2015]"],
    ),
    (
        "Ärendet avslutades 2015/08/12.",
        &["2015-08-12 [2015/08/12]"],
    ),
    (
        "Betalas 11/12,2016 enligt avtal",
        &["2016-12-11 [11/12,2016]"],
    ),
    (
        "Avtalet tecknades 11/12 2020 i Visby",
        &["2020-12-11 [11/12 2020]"],
    ),
    (
        "Avtalet tecknades 11/12-2020 i Visby",
        &["2020-12-11 [11/12-2020]"],
    ),
    ("Gäller från 2021-01-01.", &["2021-01-01 [2021-01-01]"]),
    ("Född 31/10/1974 i Luleå", &["1974-10-31 [31/10/1974]"]),
    // Two-digit years.
    ("Född 31/10/74 i Luleå", &["1974-10-31* [31/10/74]"]),
    ("Inlämnad 31-10-74.", &["1974-10-31* [31-10-74]"]),
    ("Beslut 3/3/15 om bidrag", &["2015-03-03* [3/3/15]"]),
    (
        "Ankom 21/04/16 till registraturen",
        &["2016-04-21* [21/04/16]"],
    ),
    ("Stämpel 13.5.15 på kuvertet", &["2015-05-13* [13.5.15]"]),
    (
        "Arkivet från 1961 och 1963 nämner brevet 3/3/45.",
        &["1945-03-03* [3/3/45]"],
    ),
    (
        "Han kom den 3 mars '15 till orten.",
        &["2015-03-03* [3 mars '15]"],
    ),
    (
        "Det hände den fjortonde april 15.",
        &["2015-04-14* [fjortonde april 15]"],
    ),
    // Month names: abbreviated, run together, with a dash.
    (
        "Den 16. Nov. 2016 beslutade nämnden",
        &["2016-11-16 [16. Nov. 2016]"],
    ),
    ("2019-sep-1 började projektet", &["2019-09-01 [2019-sep-1]"]),
    ("Inkom 2019/sep/01.", &["2019-09-01 [2019/sep/01]"]),
    (
        "redovisas senast 14april 2015",
        &["2015-04-14 [14april 2015]"],
    ),
    (
        "Mötet den11 december 2019 ställdes in",
        &["2019-12-11 [11 december 2019]"],
    ),
    ("Leverans 28-nov 2015.", &["2015-11-28 [28-nov 2015]"]),
    ("Start 1-jan 2020 för alla", &["2020-01-01 [1-jan 2020]"]),
    ("8 Aug 2013 kom beskedet", &["2013-08-08 [8 Aug 2013]"]),
    ("den 5 sept. 2017", &["2017-09-05 [5 sept. 2017]"]),
    (
        "Avtalet gäller den 15 juni 2016.",
        &["2016-06-15 [15 juni 2016]"],
    ),
    ("Vi reser 22 april 2016.", &["2016-04-22 [22 april 2016]"]),
    ("den 4 mars 2019 var det", &["2019-03-04 [4 mars 2019]"]),
    (
        "den 5 december 1391 skrevs brevet",
        &["1391-12-05 [5 december 1391]"],
    ),
    (
        "senast den 5\ndecember 2020 ska",
        &["2020-12-05 [5\ndecember 2020]"],
    ),
    // Ordinal days, digits and words.
    ("den 3:e mars 2015", &["2015-03-03 [3:e mars 2015]"]),
    ("den 1:a mars 2013", &["2013-03-01 [1:a mars 2013]"]),
    (
        "den 15:e februari 2013",
        &["2013-02-15 [15:e februari 2013]"],
    ),
    ("den tredje mars 2015", &["2015-03-03 [tredje mars 2015]"]),
    (
        "Den förste mars 2013 trädde den i kraft",
        &["2013-03-01 [förste mars 2013]"],
    ),
    (
        "Den första mars 2013 trädde den i kraft",
        &["2013-03-01 [första mars 2013]"],
    ),
    (
        "tjugoandra juni 2017 hölls mötet",
        &["2017-06-22 [tjugoandra juni 2017]"],
    ),
    ("den förste juli 2018", &["2018-07-01 [förste juli 2018]"]),
    (
        "den elfte maj 2020 var det match",
        &["2020-05-11 [elfte maj 2020]"],
    ),
    ("sedan fjärde maj 2021", &["2021-05-04 [fjärde maj 2021]"]),
    (
        "förste jan 2019 började han",
        &["2019-01-01 [förste jan 2019]"],
    ),
    (
        "andre jan 2019 slutade hon",
        &["2019-01-02 [andre jan 2019]"],
    ),
    (
        "tjugoförste maj 2018",
        &["2018-05-21 [tjugoförste maj 2018]"],
    ),
    (
        "tjugoförsta maj 2018",
        &["2018-05-21 [tjugoförsta maj 2018]"],
    ),
    ("tjugoandre maj 2018", &["2018-05-22 [tjugoandre maj 2018]"]),
    (
        "den trettioförsta december 1999",
        &["1999-12-31 [trettioförsta december 1999]"],
    ),
    (
        "den åttonde augusti 2012",
        &["2012-08-08 [åttonde augusti 2012]"],
    ),
    // Weekday before the date.
    (
        "måndag den 12 januari, 2016 kl. 10",
        &["2016-01-12 [12 januari, 2016]"],
    ),
    ("Söndag, 10 feb 2013", &["2013-02-10 [10 feb 2013]"]),
    ("ons, 22 jan 2014 hörs vi", &["2014-01-22 [22 jan 2014]"]),
    ("Fre, Jul 18, 2014", &["2014-07-18 [Jul 18, 2014]"]),
    ("April 14, 2015 skickades", &["2015-04-14 [April 14, 2015]"]),
    (
        "Mån, februari 18, 2013",
        &["2013-02-18 [februari 18, 2013]"],
    ),
    ("Året 2013: ons, Feb13 hörs vi", &["2013-02-13* [Feb13]"]),
    // Years in words.
    (
        "söndag den tjugoförste januari tjugohundraarton",
        &["2018-01-21 [tjugoförste januari tjugohundraarton]"],
    ),
    (
        "söndag den tjugoförste januari tvåtusenarton",
        &["2018-01-21 [tjugoförste januari tvåtusenarton]"],
    ),
    (
        "söndag, tjugoförste jan, tvåtusenarton",
        &["2018-01-21 [tjugoförste jan, tvåtusenarton]"],
    ),
    (
        "den tionde september, två tusen",
        &["2000-09-10 [tionde september, två tusen]"],
    ),
    (
        "född den 3 mars nittonhundrasextioåtta",
        &["1968-03-03 [3 mars nittonhundrasextioåtta]"],
    ),
    // Calendar expressions.
    (
        "sista dagen i oktober 2015",
        &["2015-10-31 [sista dagen i oktober 2015]"],
    ),
    (
        "sista söndagen i mars 2014",
        &["2014-03-30 [sista söndagen i mars 2014]"],
    ),
    (
        "sista söndag i mars 2014",
        &["2014-03-30 [sista söndag i mars 2014]"],
    ),
    (
        "tredje tisdagen i september 2014",
        &["2014-09-16 [tredje tisdagen i september 2014]"],
    ),
    (
        "första onsdagen i oktober 2014",
        &["2014-10-01 [första onsdagen i oktober 2014]"],
    ),
    (
        "andra onsdagen i Oktober 2014",
        &["2014-10-08 [andra onsdagen i Oktober 2014]"],
    ),
    (
        "tredje dagen i oktober 2013",
        &["2013-10-03 [tredje dagen i oktober 2013]"],
    ),
    (
        "senast den sista februari 2020",
        &["2020-02-29 [sista februari 2020]"],
    ),
    // Year-less dates take the document's year.
    (
        "Regeringen beslutade den 4 juni 2020. Redovisning senast den 31 augusti.",
        &["2020-06-04 [4 juni 2020]", "2020-08-31* [31 augusti]"],
    ),
    (
        "Regeringen beslutade den 4 juni 2020. Medlen för 2019 (den 1 maj 2019) redovisas senast den 31 augusti.",
        &[
            "2020-06-04 [4 juni 2020]",
            "2019-05-01 [1 maj 2019]",
            "2020-08-31* [31 augusti]",
        ],
    ),
    (
        "Ansökan senast den 15 mars. Bidraget gäller 2021.",
        &["2021-03-15* [15 mars]"],
    ),
    (
        "Beslut 2013: sista måndag i mars",
        &["2013-03-25* [sista måndag i mars]"],
    ),
    (
        "Plan 2013: första tisdagen i oktober",
        &["2013-10-01* [första tisdagen i oktober]"],
    ),
    ("Plan 2013: den tredje mars", &["2013-03-03* [tredje mars]"]),
    // Holidays with a year have a fixed day.
    (
        "Kansliet är stängt juldagen 2019.",
        &["2019-12-25 [juldagen 2019]"],
    ),
    (
        "Festen hölls midsommarafton 2021 i Visby.",
        &["2021-06-25 [midsommarafton 2021]"],
    ),
    (
        "Ansökan ska vara inne senast nyårsafton 2020.",
        &["2020-12-31 [nyårsafton 2020]"],
    ),
    (
        "Nationaldagen 2018 delades priset ut.",
        &["2018-06-06 [Nationaldagen 2018]"],
    ),
    // A day and month in digits after `den`/`senast`/`t.o.m.` take the document's year.
    (
        "Regeringen beslutade den 4 juni 2020. Nästa möte hålls den 22/10.",
        &["2020-06-04 [4 juni 2020]", "2020-10-22* [22/10]"],
    ),
    (
        "Bidraget för 2021 redovisas senast 30/9 till myndigheten.",
        &["2021-09-30* [30/9]"],
    ),
    (
        "Avtalet från den 1 mars 2019 gäller t.o.m. 31/12.",
        &["2019-03-01 [1 mars 2019]", "2019-12-31* [31/12]"],
    ),
    // Relative to a reference day, which a document does not have: misses.
    ("Styrelsen sammanträder i morgon.", &["ref+1d [i morgon]"]),
    (
        "Beslutet kom i går från departementet.",
        &["ref-1d [i går]"],
    ),
    (
        "Vi ses nästa tisdag i Luleå.",
        &["ref:next-tue [nästa tisdag]"],
    ),
    ("Svar lämnas om två veckor.", &["ref+14d [om två veckor]"]),
    // A day without a month, in the reference day's month: misses.
    ("Mötet flyttas till den 15:e.", &["ref:15 [15:e]"]),
    ("Redovisa senast den 28:e.", &["ref:28 [28:e]"]),
    // US order, month before day: misses.
    (
        "Brevet daterat 9-18-15 kom i dag.",
        &["2015-09-18* [9-18-15]"],
    ),
    (
        "Dated 12/31/2016 in the appendix",
        &["2016-12-31 [12/31/2016]"],
    ),
];

/// A signed document: the year-less deadline takes the signing year, although the text also
/// names another year.
fn signed_document() -> String {
    format!("Medlen för 2019 redovisas senast den 1 mars.\n\n{BODY}Stockholm den 16 juni 2020\n")
}

const NEGATIVE: &[&str] = &[
    "det är det första priset",
    "jag bor på 27:e våningen",
    "Vi firade 25-årsjubileet med personalen.",
    "3/4 av medlen går till regionerna",
    "hälften, 1/2, av beloppet",
    "enligt SFS 2019:123 om bidrag",
    "ärendet dnr 2015/123 avslutas",
    "ärendet Fi2015/03/01 avslutas",
    "version 2.1.10 av systemet",
    "2.1.10 Bakgrund och syfte",
    "Se punkt 3.2.12 i avtalet",
    "den 2019/02/29 finns inte",
    "den 30 februari 2021",
    "5 marsvin och 12 juniorer",
    "1.000.000 kronor till regionerna",
    "priset 12.10.15 kr per styck",
    "det första priset i maj",
    "på 3:e plats kom laget",
    "22/04-projektet startade i våras",
    "Beslut 2020: den 1/2 miljon kronor som återstår",
    "Beslut 2020: den 3/4 av medlen som går till regionerna",
    "Beslut 2020: matchen slutade 3/1 till hemmalaget",
    "Beslut 2020: med den 2/3-majoritet som krävs",
    "stängt under midsommarafton och juldagen",
];

#[test]
// The share and the misses are the suite's report, shown with `--nocapture`.
#[allow(clippy::print_stdout)]
fn day_grain_suite() {
    let mut misses = Vec::new();
    let mut cases: Vec<(String, Vec<String>)> = POSITIVE
        .iter()
        .map(|(t, e)| (t.to_string(), e.iter().map(|s| s.to_string()).collect()))
        .collect();
    cases.push((
        signed_document(),
        vec![
            "2020-03-01* [1 mars]".to_string(),
            "2020-06-16 [16 juni 2020]".to_string(),
        ],
    ));
    for (text, expected) in &cases {
        let got = dates(text);
        if &got != expected {
            misses.push(format!("{text:?}: expected {expected:?}, got {got:?}"));
        }
    }
    let dated: Vec<String> = NEGATIVE
        .iter()
        .filter_map(|t| {
            let got = dates(t);
            (!got.is_empty()).then(|| format!("{t:?} → {got:?}"))
        })
        .collect();
    let total = cases.len();
    let passed = total - misses.len();
    assert!(total >= 60 && NEGATIVE.len() >= 10);
    assert!(
        passed * 10 >= total * 9,
        "{passed}/{total} positive cases pass; misses:\n{}",
        misses.join("\n")
    );
    assert!(
        dated.is_empty(),
        "negative cases dated:\n{}",
        dated.join("\n")
    );
    println!(
        "date suite: {passed}/{total} positive, {} negative, misses:",
        NEGATIVE.len()
    );
    for m in &misses {
        println!("  {m}");
    }
}
