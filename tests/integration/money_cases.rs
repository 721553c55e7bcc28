//! Money in every form Swedish text writes it: one table of cases, run through the whole pipeline
//! (`svocr::process`, so OCR repair and table reading act as in `svocr run`).
//!
//! The cases are our own sentences, written to cover what two public test suites check for
//! Swedish money (Duckling's `AmountOfMoney/SV` corpus and Recognizers-Text's Swedish currency
//! specs): the currency before or after the figure, codes, symbols and names, number words, main
//! unit plus hundredths, scales, and never the wrong currency. Added to those: numerals in
//! compounds, units carried by context, and figures OCR wrote with letters.
//!
//! Each amount is written `text=value` (value in the currency's unit, as JSON writes it), then ` CUR`
//! for a currency other than SEK, `~` for approximate and ` @context` for a unit carried from
//! nearby. Every case checks the exact spans: each amount's offsets slice the record's text to its
//! `text`. Cases the extractor does not read yet are marked `Known` with the reason and their right
//! reading; the test holds that they give no amount at all (no answer, never a wrong one), that the
//! list stays true (a case that starts to pass must lose its mark), and that at least 95 % of the
//! money cases pass.

use svocr::record::{Amount, UnitFrom};
use svocr::{Options, process};

/// Whether a case must pass, or is a known miss and why.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Pass,
    Known(&'static str),
}
use Expect::{Known, Pass};

fn render(a: &Amount) -> String {
    let mut s = format!("{}=", a.text);
    match (a.value, a.min, a.max) {
        (Some(v), _, _) => s.push_str(&v.to_string()),
        (None, Some(lo), Some(hi)) => s.push_str(&format!("{lo}..{hi}")),
        _ => s.push('?'),
    }
    if a.currency != "SEK" {
        s.push(' ');
        s.push_str(&a.currency);
    }
    if a.approximate {
        s.push('~');
    }
    if a.unit_from == UnitFrom::Context {
        s.push_str(" @context");
    }
    s
}

/// The amounts found in `text`, rendered, after checking that each one's offsets slice the
/// repaired text to its `text`.
fn amounts(text: &str) -> Vec<String> {
    let record = process("-", text.as_bytes(), &Options::default());
    let repaired = &record.text;
    let found = record.amounts.unwrap_or_default();
    for a in &found {
        let slice: String = repaired
            .chars()
            .skip(a.start)
            .take(a.end - a.start)
            .collect();
        assert_eq!(slice, a.text, "offsets of {a:?} in {repaired:?}");
    }
    found.iter().map(render).collect()
}

/// Money cases: (text, the amounts it holds, whether it must pass).
const MONEY: &[(&str, &[&str], Expect)] = &[
    // Currency code or symbol before the figure, with or without a space.
    ("Biljetten kostade $15.", &["$15=15 USD"], Pass),
    (
        "Avgiften är USD2,45 per månad.",
        &["USD2,45 per månad=2.45 USD"],
        Pass,
    ),
    ("Priset sattes till EUR 35.", &["EUR 35=35 EUR"], Pass),
    ("En kopp kostar €3,20 i Rom.", &["€3,20=3.2 EUR"], Pass),
    ("Hyran var GBP 410 i veckan.", &["GBP 410=410 GBP"], Pass),
    ("Boken kostade £12 i London.", &["£12=12 GBP"], Pass),
    ("Inträdet är GBP7,50.", &["GBP7,50=7.5 GBP"], Pass),
    (
        "Ersättningen är SEK 45 per timme.",
        &["SEK 45 per timme=45"],
        Pass,
    ),
    (
        "Ramen är SEK 45000000 för året.",
        &["SEK 45000000=45000000"],
        Pass,
    ),
    (
        "Ramen är SEK 45 miljoner för året.",
        &["SEK 45 miljoner=45000000"],
        Pass,
    ),
    (
        "Ramen är NOK 45 miljoner för året.",
        &["NOK 45 miljoner=45000000 NOK"],
        Pass,
    ),
    (
        "Ramen är DKK 45 miljoner för året.",
        &["DKK 45 miljoner=45000000 DKK"],
        Pass,
    ),
    (
        "Ramen är GBP 45 miljoner för året.",
        &["GBP 45 miljoner=45000000 GBP"],
        Pass,
    ),
    (
        "Ramen är USD 45 miljoner för året.",
        &["USD 45 miljoner=45000000 USD"],
        Pass,
    ),
    (
        "Ramen är EUR 45 miljoner för året.",
        &["EUR 45 miljoner=45000000 EUR"],
        Pass,
    ),
    (
        "Vinsten blev US$ 3,5 miljoner.",
        &["US$ 3,5 miljoner=3500000 USD"],
        Pass,
    ),
    (
        "Intäkterna steg till $ 310 miljoner.",
        &["$ 310 miljoner=310000000 USD"],
        Pass,
    ),
    ("Avgiften är CHF 80.", &["CHF 80=80 CHF"], Pass),
    ("Kursen kostar INR450.", &["INR450=450 INR"], Pass),
    // Currency after the figure.
    ("Lunchen kostade 95 kronor.", &["95 kronor=95"], Pass),
    ("Lunchen kostade 95kr.", &["95kr=95"], Pass),
    ("Lunchen kostade 95kronor.", &["95kronor=95"], Pass),
    ("Lunchen kostade 95 SEK.", &["95 SEK=95"], Pass),
    ("En glass kostar 4 €.", &["4 €=4 EUR"], Pass),
    ("En glass kostar 4€ i Paris.", &["4€=4 EUR"], Pass),
    ("En glass kostar 4,80 € i Paris.", &["4,80 €=4.8 EUR"], Pass),
    ("Kaffet kostade 3$.", &["3$=3 USD"], Pass),
    ("Taxin kostade 60 euro.", &["60 euro=60 EUR"], Pass),
    ("Taxin kostade 60 Euro.", &["60 Euro=60 EUR"], Pass),
    ("Taxin kostade 60 euros.", &["60 euros=60 EUR"], Pass),
    (
        "Färjan kostar 300 norska kronor.",
        &["300 norska kronor=300 NOK"],
        Pass,
    ),
    ("Färjan kostar 300 nkr.", &["300 nkr=300 NOK"], Pass),
    (
        "Bron kostar 40 danska kronor.",
        &["40 danska kronor=40 DKK"],
        Pass,
    ),
    ("Bron kostar 40 dkr.", &["40 dkr=40 DKK"], Pass),
    (
        "Det kostade 2 000 isländska kronor.",
        &["2 000 isländska kronor=2000 ISK"],
        Pass,
    ),
    ("Koppen kostade 25元 på marknaden.", &["25元=25 CNY"], Pass),
    ("Ett mål mat kostar 900 yen.", &["900 yen=900 JPY"], Pass),
    (
        "Köpet gjordes för 300 miljoner finska mark.",
        &["300 miljoner finska mark=300000000 FIM"],
        Pass,
    ),
    (
        "Fonden förvaltar 1,2 miljarder dollar.",
        &["1,2 miljarder dollar=1200000000 USD"],
        Pass,
    ),
    (
        "Staten lånade 3 miljarder amerikanska dollar.",
        &["3 miljarder amerikanska dollar=3000000000 USD"],
        Pass,
    ),
    (
        "Systemet kostade 12,5 miljoner US$.",
        &["12,5 miljoner US$=12500000 USD"],
        Pass,
    ),
    (
        "Rörelseresultatet var 180 miljoner SEK.",
        &["180 miljoner SEK=180000000"],
        Pass,
    ),
    ("Han fick 20 spänn för besväret.", &["20 spänn=20"], Pass),
    (
        "Aktien steg från 101,40 kronor till 104 kronor.",
        &["101,40 kronor=101.4", "104 kronor=104"],
        Pass,
    ),
    (
        "Kostnaden landar mellan 5 och 8 miljoner euro.",
        &["mellan 5 och 8 miljoner euro=5000000..8000000 EUR"],
        Pass,
    ),
    (
        "Taket är högst 2 500 kronor per person.",
        &["högst 2 500 kronor per person=2500"],
        Pass,
    ),
    ("Priset är 1 299 kr i butik.", &["1 299 kr=1299"], Pass),
    (
        "Bidraget är 0,5 miljoner euro.",
        &["0,5 miljoner euro=500000 EUR"],
        Pass,
    ),
    (
        "Stödet minskar med 12 MEUR.",
        &["12 MEUR=12000000 EUR"],
        Pass,
    ),
    (
        "Resan kostade 1 250 dollar.",
        &["1 250 dollar=1250 USD"],
        Pass,
    ),
    (
        "Hon vann nio pund och fyra dollar.",
        &["nio pund=9 GBP", "fyra dollar=4 USD"],
        Pass,
    ),
    (
        "Licensen kostar 15 000 JPY.",
        &["15 000 JPY=15000 JPY"],
        Pass,
    ),
    // Number words.
    ("Frimärket kostar tolv kronor.", &["tolv kronor=12"], Pass),
    (
        "Ett paket kostar fyrtiofem kronor.",
        &["fyrtiofem kronor=45"],
        Pass,
    ),
    ("Avgiften är tretton euro.", &["tretton euro=13 EUR"], Pass),
    ("Han betalade sju pund.", &["sju pund=7 GBP"], Pass),
    ("Hon fick tjugo dollar.", &["tjugo dollar=20 USD"], Pass),
    (
        "Biljetten kostar hundra kronor.",
        &["hundra kronor=100"],
        Pass,
    ),
    (
        "Stödet är tretusen kronor per månad.",
        &["tretusen kronor per månad=3000"],
        Pass,
    ),
    (
        "Bidraget är femtiotusen kronor.",
        &["femtiotusen kronor=50000"],
        Pass,
    ),
    (
        "En krona är mer än nittio öre.",
        &["En krona=1", "nittio öre=0.9"],
        Pass,
    ),
    (
        "Staten satsar en halv miljard kronor.",
        &["en halv miljard kronor=500000000"],
        Pass,
    ),
    (
        "Staten satsar en och en halv miljard kronor.",
        &["en och en halv miljard kronor=1500000000"],
        Pass,
    ),
    (
        "Det rör sig om ett par miljoner kronor.",
        &["ett par miljoner kronor=2000000~"],
        Pass,
    ),
    (
        "Anslaget får en extramiljard nästa år.",
        &["en extramiljard=1000000000 @context"],
        Pass,
    ),
    (
        "Anslaget höjs med den årliga miljarden.",
        &["den årliga miljarden=1000000000 @context"],
        Pass,
    ),
    (
        "Cirka tre miljarder kronor återstår.",
        &["Cirka tre miljarder kronor=3000000000~"],
        Pass,
    ),
    // Main unit and hundredths.
    (
        "Portot är 3 kronor och 40 öre.",
        &["3 kronor och 40 öre=3.4"],
        Pass,
    ),
    (
        "Portot är tre kronor och 40 öre.",
        &["tre kronor och 40 öre=3.4"],
        Pass,
    ),
    (
        "Portot är tre kronor 40 öre.",
        &["tre kronor 40 öre=3.4"],
        Pass,
    ),
    ("Mynten var värda tio öre.", &["tio öre=0.1"], Pass),
    (
        "Hans del var 7 euro och 25 cent.",
        &["7 euro och 25 cent=7.25 EUR"],
        Pass,
    ),
    (
        "Hennes del var 4 dollar och 99 cent.",
        &["4 dollar och 99 cent=4.99 USD"],
        Pass,
    ),
    // Numerals in compounds.
    (
        "Den nya 2,5-miljardersöverenskommelsen om anslag gäller.",
        &["2,5-miljarders=2500000000 @context"],
        Pass,
    ),
    (
        "Det blev en 400-miljonerssatsning på bidrag.",
        &["400-miljoners=400000000 @context"],
        Pass,
    ),
    // Units carried by context.
    (
        "Satsningen omfattar 250 miljoner kronor (180 till regionerna och 70 till kommunerna).",
        &[
            "250 miljoner kronor=250000000",
            "180=180000000 @context",
            "70=70000000 @context",
        ],
        Pass,
    ),
    (
        "Totalt omfattar stödet 2 400 000 000 kronor. Av dessa fördelas 1 900 000 000 utifrån folkmängd.",
        &[
            "2 400 000 000 kronor=2400000000",
            "1 900 000 000=1900000000 @context",
        ],
        Pass,
    ),
    // OCR: letters for digits right before a money unit.
    (
        "Regeringen avsätter I miljard kronor för ändamålet.",
        &["1 miljard kronor=1000000000"],
        Pass,
    ),
    (
        "Kommunerna får l5 miljoner kronor.",
        &["15 miljoner kronor=15000000"],
        Pass,
    ),
    ("Projektet kostar 3O Mkr.", &["30 Mkr=30000000"], Pass),
    // Forms the grammar does not read.
    (
        "Bilen kostade $12.000 begagnad.",
        &["$12.000=12000 USD"],
        Known("a dot between thousands is not read"),
    ),
    (
        "Kontraktet är värt 15k$.",
        &["15k$=15000 USD"],
        Known("`k` for thousand is not read"),
    ),
    (
        "Förmögenheten var £ 6.40 miljoner.",
        &["£ 6.40 miljoner=6400000 GBP"],
        Known("a decimal point is not read"),
    ),
    (
        "Hotellet kostar Rs. 900 per natt.",
        &["Rs. 900 per natt=900 INR"],
        Known("`Rs.` for rupees is not in the unit table"),
    ),
];

/// Text that holds no money, or money that must not be read as kronor.
const NEGATIVE: &[(&str, &[&str])] = &[
    (
        "Budgeten är 45 miljoner polska zloty, eller PLN 45 miljoner.",
        &[],
    ),
    ("Tullen tog 10 miljoner ryska rubel.", &[]),
    ("Sverige har en kommun i varje län.", &[]),
    ("Det var en miljon människor på torget.", &[]),
    ("Den årliga rapporten kom i mars.", &[]),
    ("Regeringen planerar en miljardsatsning på anslag.", &[]),
    ("Belopp i tusen kronor.", &[]),
    ("I miljoner hem finns en tv.", &[]),
    ("Vi såg l0 miljoner stjärnor.", &[]),
    (
        "Till regionerna avsätts 1 357 000 000 utifrån folkmängd.",
        &[],
    ),
    ("Enligt SFS 2019:123 och ap.1 gäller 12 000 personer.", &[]),
    ("Mellan 2019 och 2021 ökade antalet med 40 %.", &[]),
    ("Ett tusental besökare kom; hundra av dem stannade.", &[]),
    ("Ärendet har dnr 2020/01234 och avser 2021.", &[]),
    ("EUR-området växer; USD-kursen sjönk.", &[]),
];

#[test]
fn money_cases_pass_at_least_95_percent_and_known_misses_still_miss() {
    let mut failed = Vec::new();
    let mut passed = 0;
    for &(text, want, expect) in MONEY {
        let got = amounts(text);
        let ok = got == want;
        match (ok, expect) {
            (true, Pass) => passed += 1,
            (false, Pass) => failed.push(format!("{text:?}: got {got:?}, want {want:?}")),
            (true, Known(why)) => failed.push(format!("{text:?} passes now; drop `Known({why})`")),
            (false, Known(_)) if got.is_empty() => {}
            (false, Known(_)) => failed.push(format!(
                "{text:?}: a known miss must give nothing, got {got:?}"
            )),
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(MONEY.len() >= 60, "{} money cases", MONEY.len());
    let share = passed as f64 / MONEY.len() as f64;
    assert!(share >= 0.95, "{passed} of {} pass", MONEY.len());
}

#[test]
fn negative_cases_find_nothing_or_never_sek() {
    let failed: Vec<String> = NEGATIVE
        .iter()
        .filter_map(|&(text, want)| {
            let got = amounts(text);
            (got != want).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
