//! Dictionary hygiene: every source in `dictionaries/` is sorted by UTF-8 bytes (the order the fst
//! builder needs), unique, NFC, without empty lines, and its numbers are well formed.

use std::fs;

use unicode_normalization::UnicodeNormalization;

fn lines(name: &str) -> Vec<String> {
    let path = format!("{}/dictionaries/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(text.ends_with('\n'), "{name}: must end with a newline");
    text.lines().map(str::to_string).collect()
}

#[track_caller]
fn assert_clean_keys(name: &str, keys: &[&str]) {
    for (i, k) in keys.iter().enumerate() {
        let n = i + 1;
        assert!(!k.trim().is_empty(), "{name}:{n}: empty line");
        assert_eq!(k.trim(), *k, "{name}:{n}: surrounding whitespace");
        let nfc: String = k.nfc().collect();
        assert_eq!(&nfc, k, "{name}:{n}: {k:?} is not NFC");
        if i > 0 {
            assert!(
                keys[i - 1].as_bytes() < k.as_bytes(),
                "{name}:{n}: {k:?} is out of order or repeated (after {:?})",
                keys[i - 1]
            );
        }
    }
}

#[track_caller]
fn assert_lower_alphabetic(name: &str, keys: &[&str]) {
    for (i, k) in keys.iter().enumerate() {
        assert!(
            k.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()),
            "{name}:{}: {k:?} must be lower-case letters",
            i + 1
        );
    }
}

#[test]
fn word_list_is_sorted_unique_nfc_with_frequencies() {
    let lines = lines("sv-words.tsv");
    assert!(lines.len() > 100_000, "sv-words.tsv looks truncated");
    let mut keys = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let (w, f) = l
            .split_once('\t')
            .unwrap_or_else(|| panic!("sv-words.tsv:{}: expected word<TAB>frequency", i + 1));
        let f: u64 = f
            .parse()
            .unwrap_or_else(|_| panic!("sv-words.tsv:{}: bad frequency {f:?}", i + 1));
        assert!(
            f >= 1,
            "sv-words.tsv:{}: frequency must be at least 1",
            i + 1
        );
        keys.push(w);
    }
    assert_clean_keys("sv-words.tsv", &keys);
    assert_lower_alphabetic("sv-words.tsv", &keys);
}

#[test]
fn domain_and_head_lists_are_sorted_unique_nfc() {
    for name in ["domain.txt", "sv-heads.txt"] {
        let lines = lines(name);
        let keys: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_clean_keys(name, &keys);
        assert_lower_alphabetic(name, &keys);
    }
}

#[test]
fn confusions_are_well_formed() {
    let lines = lines("confusions.tsv");
    let mut keys = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 4, "confusions.tsv:{}: gt, ocr, count, cost", i + 1);
        let count: u32 = f[2].parse().expect("count");
        let cost: f64 = f[3].parse().expect("cost");
        assert!(
            count >= 1 && cost.is_finite() && cost >= 0.0,
            "confusions.tsv:{}",
            i + 1
        );
        assert_ne!(f[0], f[1], "confusions.tsv:{}: identity", i + 1);
        // A control separator below every printable character keeps the (gt, ocr) order and
        // survives the whitespace check when `ocr` is empty (a dropped letter).
        keys.push(format!("{}\u{1}{}", f[0], f[1]));
    }
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_clean_keys("confusions.tsv", &refs);
}

#[test]
fn bigrams_are_sorted_unique_nfc_with_counts() {
    let lines = lines("sv-bigrams.tsv");
    assert!(lines.len() > 10_000, "sv-bigrams.tsv looks truncated");
    let mut keys = Vec::with_capacity(lines.len());
    let mut words = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let (pair, count) = l.rsplit_once('\t').unwrap_or_else(|| {
            panic!("sv-bigrams.tsv:{}: expected word<TAB>next<TAB>count", i + 1)
        });
        let (a, b) = pair.split_once('\t').unwrap_or_else(|| {
            panic!("sv-bigrams.tsv:{}: expected word<TAB>next<TAB>count", i + 1)
        });
        let n: u64 = count
            .parse()
            .unwrap_or_else(|_| panic!("sv-bigrams.tsv:{}: bad count {count:?}", i + 1));
        assert!(n >= 1, "sv-bigrams.tsv:{}: count must be at least 1", i + 1);
        keys.push(pair);
        words.extend([a, b]);
    }
    assert_clean_keys("sv-bigrams.tsv", &keys);
    assert_lower_alphabetic("sv-bigrams.tsv", &words);
}

#[test]
fn places_are_sorted_unique_nfc_lower_case_names() {
    let lines = lines("places.txt");
    // 290 kommuner and 21 län, less the names both share (`Uppsala`, `Kalmar`).
    assert!(
        (290..=311).contains(&lines.len()),
        "places.txt: {} names",
        lines.len()
    );
    let keys: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert_clean_keys("places.txt", &keys);
    for (i, k) in keys.iter().enumerate() {
        assert!(
            k.chars()
                .all(|c| (c.is_alphabetic() && !c.is_uppercase()) || c == ' ' || c == '-'),
            "places.txt:{}: {k:?} must be a lower-case name",
            i + 1
        );
    }
}
