//! Text scoring: CER, WER, fix and broken rates and remaining confusions against clean text.
//!
//! In: the decoded input (the OCR text as it was), the repaired text, and the ground truth.
//! Out: a [`TextScore`].
//!
//! All three texts first go through [`normalize`] (NFC, soft hyphens dropped, line-end hyphenation
//! joined, whitespace collapsed), so that layout differences that are not reading errors do not
//! count. CER is character edits over ground-truth characters, WER is word edits over ground-truth
//! words, where a word is a maximal run of non-whitespace (punctuation stays attached, as in
//! `measure`). Words are aligned first ([`align::anchored`]); characters are then aligned exactly
//! inside the gaps between equal words ([`align::exact`]), which keeps long documents fast.
//!
//! It deliberately does not tokenise Swedish (`t.ex.` is one word here, as it is in `measure`), fold
//! case, or ignore punctuation: a wrong comma is a wrong word.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::align::{self, Op};

/// Words after which a line-end hyphen is kept: `hälso- och sjukvård` is a suspended compound,
/// not a hyphenated word; the same list as layout's. Compared case-sensitively, after stripping
/// `.,;:`, as `measure` does.
pub(crate) use crate::layout::SUSPENDED_BEFORE as KEEP_HYPHEN_BEFORE;

/// How many of the most frequent confusions a [`TextScore`] lists.
pub(crate) const TOP_CONFUSIONS: usize = 12;

/// Brings a text into the form it is scored in: NFC, no soft hyphens, line-end hyphenation joined
/// (`rehabili-`⏎`teringen` → `rehabiliteringen`, but `hälso-`⏎`och` → `hälso- och` and `covid-`⏎`19`
/// kept apart), and every run of whitespace (form feeds included) turned into one space, with none
/// at either end.
pub(crate) fn normalize(text: &str) -> String {
    let nfc: Vec<char> = text.nfc().filter(|&c| c != '\u{ad}').collect();
    let mut joined = String::with_capacity(nfc.len());
    let mut i = 0;
    while i < nfc.len() {
        let c = nfc[i];
        if c == '-'
            && i > 0
            && nfc[i - 1].is_alphabetic()
            && let Some(next) = hyphen_continuation(&nfc, i + 1)
        {
            let word: String = nfc[next..]
                .iter()
                .take_while(|c| !c.is_whitespace())
                .collect();
            let word = word.trim_matches(['.', ',', ';', ':']);
            if KEEP_HYPHEN_BEFORE.contains(&word) {
                joined.push_str("- ");
            }
            i = next;
            continue;
        }
        joined.push(c);
        i += 1;
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// When `chars[from..]` is spaces or tabs, a line feed, any whitespace and then a letter, the index
/// of that letter: the hyphen before `from` ends a line inside a word.
fn hyphen_continuation(chars: &[char], from: usize) -> Option<usize> {
    let mut k = from;
    while k < chars.len() && matches!(chars[k], ' ' | '\t') {
        k += 1;
    }
    if chars.get(k) != Some(&'\n') {
        return None;
    }
    while k < chars.len() && chars[k].is_whitespace() {
        k += 1;
    }
    // A digit after the break (`covid-`⏎`19`) or punctuation is not a continued word.
    chars.get(k).is_some_and(|c| c.is_alphabetic()).then_some(k)
}

/// Character ranges of the whitespace-separated words of `chars`.
pub(crate) fn word_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    words
}

/// Two texts aligned word by word and character by character.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alignment {
    /// The reference text's characters.
    pub a: Vec<char>,
    /// The hypothesis text's characters.
    pub b: Vec<char>,
    /// Word ranges (character offsets) in `a`.
    pub a_words: Vec<(usize, usize)>,
    /// Word ranges in `b`.
    pub b_words: Vec<(usize, usize)>,
    /// The word alignment.
    pub word_ops: Vec<Op>,
    /// The character alignment.
    pub char_ops: Vec<Op>,
}

impl Alignment {
    /// Aligns `a` (reference) with `b` (hypothesis) as they are; callers normalise first when
    /// they want scoring semantics.
    pub(crate) fn new(a: &str, b: &str) -> Alignment {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let a_words = word_ranges(&a);
        let b_words = word_ranges(&b);
        let aw: Vec<&[char]> = a_words.iter().map(|&(s, e)| &a[s..e]).collect();
        let bw: Vec<&[char]> = b_words.iter().map(|&(s, e)| &b[s..e]).collect();
        let mut word_ops = Vec::with_capacity(aw.len().max(bw.len()));
        align::anchored(&aw, &bw, &mut word_ops);

        // Equal words are fixed points of the character alignment; only the gaps between them
        // (wrong words and the whitespace around them) need a character-level alignment.
        let mut char_ops = Vec::with_capacity(a.len().max(b.len()));
        let (mut wi, mut wj) = (0, 0);
        let (mut ca, mut cb) = (0, 0);
        for &op in &word_ops {
            if op == Op::Equal {
                let (sa, ea) = a_words[wi];
                let (sb, eb) = b_words[wj];
                align::exact(&a[ca..sa], &b[cb..sb], &mut char_ops);
                char_ops.extend(std::iter::repeat_n(Op::Equal, ea - sa));
                (ca, cb) = (ea, eb);
            }
            wi += usize::from(op.consumes_a());
            wj += usize::from(op.consumes_b());
        }
        align::exact(&a[ca..], &b[cb..], &mut char_ops);
        Alignment {
            a,
            b,
            a_words,
            b_words,
            word_ops,
            char_ops,
        }
    }

    /// Character edits.
    pub(crate) fn char_edits(&self) -> usize {
        align::distance(&self.char_ops)
    }

    /// Word edits.
    pub(crate) fn word_edits(&self) -> usize {
        align::distance(&self.word_ops)
    }

    /// For each word of `a`, whether it is aligned with an equal word of `b`.
    pub(crate) fn a_word_correct(&self) -> Vec<bool> {
        let mut correct = Vec::with_capacity(self.a_words.len());
        for &op in &self.word_ops {
            if op.consumes_a() {
                correct.push(op == Op::Equal);
            }
        }
        correct
    }

    /// Maximal runs of edits between two equal characters, as `(a text, b text)`, in order.
    pub(crate) fn edit_runs(&self) -> Vec<(String, String)> {
        let mut runs = Vec::new();
        let (mut i, mut j) = (0, 0);
        let mut cur: Option<(String, String)> = None;
        for &op in &self.char_ops {
            if op == Op::Equal {
                runs.extend(cur.take());
            } else {
                let run = cur.get_or_insert_with(Default::default);
                if op.consumes_a() {
                    run.0.push(self.a[i]);
                }
                if op.consumes_b() {
                    run.1.push(self.b[j]);
                }
            }
            i += usize::from(op.consumes_a());
            j += usize::from(op.consumes_b());
        }
        runs.extend(cur);
        runs
    }
}

/// Error counts and rates of one text against the ground truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRates {
    /// Character edits (Levenshtein steps).
    pub char_edits: usize,
    /// Word edits.
    pub word_edits: usize,
    /// Character error rate: `char_edits / max(1, ground-truth characters)`.
    pub cer: f64,
    /// Word error rate: `word_edits / max(1, ground-truth words)`.
    pub wer: f64,
}

/// A frequent difference between the ground truth and the repaired text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// What the ground truth has (empty for an insertion).
    pub gt: String,
    /// What the repaired text has instead (empty for a deletion).
    pub output: String,
    /// How often.
    pub count: usize,
}

/// How the repaired text compares with the input, both against the ground truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextScore {
    /// Ground-truth characters after normalisation.
    pub gt_chars: usize,
    /// Ground-truth words after normalisation.
    pub gt_words: usize,
    /// The input as it was (decoded, normalised for scoring).
    pub input: ErrorRates,
    /// The repaired text.
    pub output: ErrorRates,
    /// `(input CER - output CER) / input CER`; `null` when the input had no errors.
    pub cer_reduction: Option<f64>,
    /// The same for WER.
    pub wer_reduction: Option<f64>,
    /// Ground-truth words that the input got right.
    pub words_right_in_input: usize,
    /// Of those, the ones the repair got wrong.
    pub words_broken: usize,
    /// Ground-truth words that the input got wrong.
    pub words_wrong_in_input: usize,
    /// Of those, the ones the repair got right.
    pub words_fixed: usize,
    /// `words_broken / words_right_in_input`; `null` when no word was right.
    pub broken_rate: Option<f64>,
    /// `words_fixed / words_wrong_in_input`; `null` when no word was wrong.
    pub fix_rate: Option<f64>,
    /// The most frequent remaining differences (maximal edit runs), most frequent first.
    pub confusions: Vec<Confusion>,
}

/// `num / den`, or `None` when `den` is zero.
pub(crate) fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Relative reduction from `before` to `after`; `None` when `before` is zero.
pub(crate) fn reduction(before: f64, after: f64) -> Option<f64> {
    (before > 0.0).then(|| (before - after) / before)
}

/// Scores the decoded `input` and the repaired `output` against the ground truth `gt`.
pub(crate) fn score(input: &str, output: &str, gt: &str) -> TextScore {
    let gt = normalize(gt);
    let before = Alignment::new(&gt, &normalize(input));
    let after = Alignment::new(&gt, &normalize(output));
    let gt_chars = before.a.len();
    let gt_words = before.a_words.len();
    let rates = |al: &Alignment| ErrorRates {
        char_edits: al.char_edits(),
        word_edits: al.word_edits(),
        cer: al.char_edits() as f64 / gt_chars.max(1) as f64,
        wer: al.word_edits() as f64 / gt_words.max(1) as f64,
    };
    let (input, output) = (rates(&before), rates(&after));

    let (mut right, mut broken, mut wrong, mut fixed) = (0, 0, 0, 0);
    for (was, is) in before
        .a_word_correct()
        .into_iter()
        .zip(after.a_word_correct())
    {
        match (was, is) {
            (true, true) => right += 1,
            (true, false) => (right, broken) = (right + 1, broken + 1),
            (false, true) => (wrong, fixed) = (wrong + 1, fixed + 1),
            (false, false) => wrong += 1,
        }
    }

    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for run in after.edit_runs() {
        *counts.entry(run).or_default() += 1;
    }
    let mut confusions: Vec<Confusion> = counts
        .into_iter()
        .map(|((gt, output), count)| Confusion { gt, output, count })
        .collect();
    // Stable sort over the BTreeMap order: ties stay in a fixed (lexical) order.
    confusions.sort_by_key(|c| std::cmp::Reverse(c.count));
    confusions.truncate(TOP_CONFUSIONS);

    TextScore {
        gt_chars,
        gt_words,
        cer_reduction: reduction(input.cer, output.cer),
        wer_reduction: reduction(input.wer, output.wer),
        input,
        output,
        words_right_in_input: right,
        words_broken: broken,
        words_wrong_in_input: wrong,
        words_fixed: fixed,
        broken_rate: ratio(broken, right),
        fix_rate: ratio(fixed, wrong),
        confusions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_normalizes(raw: &str, expected: &str) {
        assert_eq!(normalize(raw), expected);
    }

    #[test]
    fn joins_line_end_hyphenation() {
        assert_normalizes("rehabili-\nteringsprocessen", "rehabiliteringsprocessen");
        assert_normalizes("rehabili- \n\x0c  teringen.", "rehabiliteringen.");
        // Not at a line end: a real hyphen stays.
        assert_normalizes("covid-19 och e-tjänst", "covid-19 och e-tjänst");
        assert_normalizes("rehabili- teringen", "rehabili- teringen");
    }

    #[test]
    fn keeps_hyphen_of_suspended_compounds_and_before_digits() {
        assert_normalizes("hälso-\noch sjukvård", "hälso- och sjukvård");
        assert_normalizes("hälso-\neller sjukvård", "hälso- eller sjukvård");
        assert_normalizes("stats-\nsamt", "stats- samt");
        assert_normalizes("kommun-\ntill,", "kommun- till,");
        assert_normalizes("covid-\n19", "covid- 19");
        // Case matters, as in `measure`: a capitalised `Och` is joined.
        assert_normalizes("hälso-\nOch", "hälsoOch");
        // A hyphen after a digit or a dash on its own is not hyphenation.
        assert_normalizes("2019-\n2020", "2019- 2020");
        assert_normalizes("a -\nb", "a - b");
    }

    #[test]
    fn nfc_soft_hyphens_and_whitespace() {
        assert_normalizes("fo\u{308}r", "för");
        assert_normalizes("för\u{ad}säkring", "försäkring");
        assert_normalizes("  a\t\tb \n\n c\x0c", "a b c");
        assert_normalizes("a b", "a b");
    }

    #[test]
    fn identical_texts_score_zero() {
        let s = score("Avtal för 2020.", "Avtal för 2020.", "Avtal för 2020.");
        assert_eq!(s.input.char_edits, 0);
        assert_eq!(s.output.wer, 0.0);
        assert_eq!(s.cer_reduction, None);
        assert_eq!(s.fix_rate, None);
        assert_eq!(s.broken_rate, Some(0.0));
        assert!(s.confusions.is_empty());
    }

    #[test]
    fn counts_fixes_and_breaks() {
        let gt = "avtalet för år 2020 är klart";
        let input = "avtalet f6r ir 2020 är klart";
        let output = "avtalet för ir 2020 ar klart";
        let s = score(input, output, gt);
        assert_eq!((s.gt_words, s.gt_chars), (6, gt.chars().count()));
        assert_eq!((s.input.word_edits, s.output.word_edits), (2, 2));
        assert_eq!((s.input.char_edits, s.output.char_edits), (2, 2));
        assert_eq!((s.words_wrong_in_input, s.words_fixed), (2, 1));
        assert_eq!((s.words_right_in_input, s.words_broken), (4, 1));
        assert_eq!(s.fix_rate, Some(0.5));
        assert_eq!(s.broken_rate, Some(0.25));
        assert_eq!(s.cer_reduction, Some(0.0));
        let got: Vec<(&str, &str, usize)> = s
            .confusions
            .iter()
            .map(|c| (c.gt.as_str(), c.output.as_str(), c.count))
            .collect();
        // Ties are in lexical order: ä (U+00E4) before å (U+00E5).
        assert_eq!(got, vec![("ä", "a", 1), ("å", "i", 1)]);
    }

    #[test]
    fn reduction_is_relative() {
        let s = score("f6r f6r", "för f6r", "för för");
        assert_eq!(s.input.cer, 2.0 / 7.0);
        assert_eq!(s.cer_reduction, Some(0.5));
        assert_eq!(s.wer_reduction, Some(0.5));
    }

    #[test]
    fn confusions_merge_adjacent_edits() {
        let al = Alignment::new("för att", "foér att");
        assert_eq!(al.edit_runs(), vec![("ö".to_string(), "oé".to_string())]);
        let al = Alignment::new("sjuk vård", "sjukvård");
        assert_eq!(al.edit_runs(), vec![(" ".to_string(), String::new())]);
    }

    #[test]
    fn empty_ground_truth_does_not_divide_by_zero() {
        let s = score("abc", "", "");
        assert_eq!(s.input.cer, 3.0);
        assert_eq!(s.output.cer, 0.0);
        assert_eq!(s.cer_reduction, Some(1.0));
    }
}
