//! References, one `#[test]` per case: each found reference as `kind value|text`, compared with the
//! expected list; offsets must slice the text to exactly the item's `text`.

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let found = svocr::extract::extract(text).references;
    for r in &found {
        let slice: String = text.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(slice, r.text, "offsets of {r:?} in {text:?}");
    }
    let got: Vec<String> = found
        .iter()
        .map(|r| format!("{} {}|{}", r.kind, r.value, r.text))
        .collect();
    assert_eq!(got, expected, "references in {text:?}");
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($v:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { check($text, &[$($v),*]); })*
    };
}

cases! {
    dnr_labelled: "processen (dnr S2019/05301/SF)." => ["dnr S2019/05301/SF|dnr S2019/05301/SF"];
    dnr_without_ministry: "processen 2020 (dnr 2019/05301/SF)." => ["dnr 2019/05301/SF|dnr 2019/05301/SF"];
    dnr_colon: "Dnr: Fi2019/01234/BA" => ["dnr Fi2019/01234/BA|Dnr: Fi2019/01234/BA"];
    dnr_bare: "Regeringsbeslut S2020/09780" => ["dnr S2020/09780|S2020/09780"];
    sou: "avses det som skrivs i SOU 2020:24 att" => ["sou 2020:24|SOU 2020:24"];
    prop: "enligt prop. 2020/21:78" => ["prop 2020/21:78|prop. 2020/21:78"];
    proposition: "I propositionen 2019/20:1 föreslås" => ["prop 2019/20:1|propositionen 2019/20:1"];
    ds: "Ds 2019:12" => ["ds 2019:12|Ds 2019:12"];
    sfs: "lagen (SFS 2019:1234)" => ["sfs 2019:1234|SFS 2019:1234"];
    bet: "bet. 2020/21:SfU1" => ["bet 2020/21:SfU1|bet. 2020/21:SfU1"];
    bet_bare: "utskottets betänkande 2020/21:SfU1" => ["bet 2020/21:SfU1|betänkande 2020/21:SfU1"];
    anslag: "regleringsbrevet under anslag 1:6 Bidrag" => ["anslag 1:6|anslag 1:6"];
    anslaget: "från anslaget 1:6" => ["anslag 1:6|anslaget 1:6"];
    item: "Regeringsbeslut I:33" => ["item I:33|I:33"];
    item_two_lines: "Regeringsbeslut\n2020-12-17\nI:33" => ["item I:33|I:33"];
    two_in_a_row: "SOU 2020:24 och prop. 2020/21:78" => ["sou 2020:24|SOU 2020:24", "prop 2020/21:78|prop. 2020/21:78"];
    // Not references.
    genitive_colon: "SKL:s och SKR:s stöd" => [];
    year_colon: "om sjukskrivning och rehabilitering 2017:" => [];
    time: "kl. 10:30" => [];
    ordinal: "den 1:a februari 2020" => [];
    roman_without_decision: "Kapitel I:33 i boken" => [];
    sou_without_number: "SOU-serien" => [];
    bare_slash_number: "perioden 2019/05301" => [];
    web: "1177.se" => [];
}
