//! Villkor, one `#[test]` per case: each condition as `number title [amount indexes]`, compared with
//! the expected list; every mention span must lie inside the text.

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let x = svocr::extract::extract(text);
    let chars = text.chars().count();
    for v in &x.villkor {
        assert!(v.start < v.end && v.end <= chars, "span of {v:?}");
        assert!(
            v.mentions.iter().all(|m| m.start < m.end && m.end <= chars),
            "mentions of {v:?}"
        );
        assert!(
            v.amounts.iter().all(|&i| i < x.amounts.len()),
            "amounts of {v:?}"
        );
    }
    let got: Vec<String> = x
        .villkor
        .iter()
        .map(|v| format!("{} {} {:?}", v.number, v.title, v.amounts))
        .collect();
    assert_eq!(got, expected, "villkor in {text:?}");
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($v:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { check($text, &[$($v),*]); })*
    };
}

const LIST: &str = "Följande insatsområden (”villkor”) ingår i överenskommelsen för 2020:\n\n\
1. Ledning och styrning i försäkringsmedicin (100 miljoner kronor\ntill regionerna och 1,2 miljoner kronor till Socialstyrelsen)\n\n\
2. Funktion för koordinering (140 miljoner kronor till regionerna)\n\n\
Insatserna bedöms sammantaget höja kvaliteten.\n";

cases! {
    heading: "Villkor 1 Kompetenssatsning i försäkringsmedicin\n" => ["1 Kompetenssatsning i försäkringsmedicin []"];
    heading_colon: "Villkor 2: Funktion för koordinering\n" => ["2 Funktion för koordinering []"];
    heading_list: "Villkor 1 Ett\n\nVillkor 2 Två\n\nVillkor 3 Tre\n" => ["1 Ett []", "2 Två []", "3 Tre []"];
    numbered_list_with_amounts: LIST => ["1 Ledning och styrning i försäkringsmedicin [0, 1]", "2 Funktion för koordinering [2]"];
    area_heading: "Område 2 Funktion för koordinering\n" => ["2 Funktion för koordinering []"];
    table_row_label: "Område 2 Funktion för koordinering420\n430\n" => ["2 Funktion för koordinering []"];
    camel_join: "Område 4 Elektroniskt informationsutbyteSKL, Inera151,2\n" => ["4 Elektroniskt informationsutbyte []"];
    fullest_title_of_same_rank: "Villkor 3 Psykisk ohälsa\n\nVillkor 3 Insatser för psykisk ohälsa och smärta\n" => ["3 Insatser för psykisk ohälsa och smärta []"];
    condition_beats_area: "Villkor 5 Stöd för rätt sjukskrivning\n\nOmråde 5 Utvecklingsmedel Stöd för rätt sjukskrivning, SKL21,7\n" => ["5 Stöd för rätt sjukskrivning []"];
    section_amounts: "Villkor 3 Insatser\n\nVillkoret ändras.\n\nKassan utbetalar högst 50 miljoner kronor.\n\n4, Godkännande\n\n9 miljoner kronor.\n" => ["3 Insatser [0]"];
    wrapped_heading: "Villkor 3 Insatser för lindrig och\nlångvarig smärta\n\nText.\n" => ["3 Insatser för lindrig och långvarig smärta []"];
    // Not villkor.
    section_headings: "Regioner\n\n1. Bakgrund\n\nStaten och SKR har ingått.\n\n2. Skälen för en reviderad överenskommelse\n\nText.\n" => [];
    footnotes: "Socialstyrelsen\n\n1. Med sjukskrivningsprocessen avses det.\n\n2. Med regional nivå avses.\n" => [];
    running_mention_only: "Revideringarna berör villkor 1, 2, 3 och 4.\n" => [];
    delvillkor_only: "SKR ska slutredovisa delvillkor 7 senast.\n" => [];
    bare_word: "Villkor\n\nRegionerna ska planera insatser.\n" => [];
    sentence_after_number: "Villkor 1 ska vara uppfyllt senast i mars.\n" => [];
    villkorsomradet: "det tidigare villkorsområdet jämställdhet\n" => [];
}
