//! The data behind `svocr explain`: how a word is repaired, with every candidate's costs and the
//! reason for the decision, in two forms.
//!
//! - **A word in a file** ([`explain_document`]): the document goes through the very stages of
//!   [`crate::process`] (decoding, normalisation, layout, the repair by section, figures before
//!   money units), and the word repair is *watched* as it decides: pass 3 of
//!   [`super::repair`] lends each word's ranking in context ([`Seen`]) to an observer. The
//!   decision reported (applied, proposed, kept) is the change the stages made, not a second
//!   opinion, so `explain --file` cannot disagree with `run`; the costs are the ones that
//!   decision was taken on.
//! - **A word alone, or in a context string** ([`explain`]): a hypothetical view, ranked as
//!   [`super::repair`] ranks a word, with the context's document model and the neighbours of the
//!   word's first occurrence there. The context is not a document: no normalisation or layout.
//!
//! Out: [`Explanation`]s. Their text form is in [`crate::report::explain`]; they are also
//! serialised as JSON. Nothing here changes text, and the repair itself does not depend on this
//! file beyond handing [`Seen`] to an observer that does nothing in `run`.

use std::collections::HashMap;

use serde::Serialize;

use super::protect::restore_case;
use super::rank::{
    DEFAULT_MIN_CONFIDENCE, DocModel, REAL_WORD_MIN_DAMAGE, Ranked, WordInfo, analyse,
    document_model, keep_cost, neighbour, rank, rank_all, reading_of, round3, search_readings,
    with_context,
};
use super::tokenize::{Token, TokenKind, tokenize};
use crate::error::Error;
use crate::lexicon::lexicon;
use crate::offsets::{Change, CharIndex, Trail};
use crate::record::EditKind;
use crate::{Options, input};

/// What [`explain`] or [`explain_document`] found out about a word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The word as given, or as the repair saw it in the file (after normalisation and layout).
    pub word: String,
    /// Where the word stands in the file ([`explain_document`]); `None` for [`explain`].
    pub place: Option<Place>,
    /// How the word before it reads, if one is next to it (before context is consulted).
    pub before: Option<String>,
    /// How the word after it reads.
    pub after: Option<String>,
    /// Whether the lexicon knows it (as a word or a compound), and its frequency.
    pub known_frequency: Option<u64>,
    /// The estimated OCR damage of the document (`1.0` assumed for a word alone; `0` for a word
    /// of a file the repair ranked no word next to, such as a number).
    pub damage: f64,
    /// The cost of keeping the word.
    pub keep_cost: f64,
    /// Candidates with their channel cost, frequency and total cost, best first.
    pub candidates: Vec<ExplainedCandidate>,
    /// What the repair does with the word.
    pub outcome: Outcome,
    /// The replacement, applied or proposed; `None` when the word is kept.
    pub decision: Option<String>,
    /// The rule of the replacement, if any.
    pub kind: Option<EditKind>,
    /// The replacement's confidence, or the best candidate's when the word is kept.
    pub confidence: f64,
    /// Why, in words.
    pub reason: String,
}

/// What the repair does with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Replaced in the text.
    Applied,
    /// Reported with `applied: false`: a replacement under the confidence threshold.
    Proposed,
    /// Left as it is.
    Kept,
}

/// Where an explained word stands in its file, as a record's edits point: character offsets into
/// the decoded input (a word that layout joined across a line end spans the hyphen and the break;
/// a replacement that covers more than the word spans the replacement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The line `start` is on, from 1.
    pub line: usize,
}

/// One row of an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedCandidate {
    /// The candidate word (lower case).
    pub word: String,
    /// −ln P(OCR | word).
    pub channel: f64,
    /// Frequency per billion words.
    pub frequency: u64,
    /// Channel plus prior, less the neighbours' context gain, as ranked in this context.
    pub total: f64,
    /// Compound parts.
    pub parts: u8,
    /// The rule behind the reading.
    pub kind: EditKind,
}

/// What pass 3 of [`super::repair`] saw at one repairable word as it decided, lent to an
/// observer: the very values the decision was taken on.
pub(crate) struct Seen<'a> {
    /// Byte offset of the word in the text repaired.
    pub(super) start: usize,
    /// The word, lower case.
    pub(super) lower: &'a str,
    pub(super) info: &'a WordInfo,
    pub(super) doc: &'a DocModel,
    /// The ranking in context; `None` when the word had no reading to rank.
    pub(super) ranked: Option<&'a Ranked>,
    /// How the neighbours read (before context).
    pub(super) left: Option<&'a str>,
    pub(super) right: Option<&'a str>,
    /// Whether the best reading was set aside as a compound reading of a name.
    pub(super) name_like: bool,
}

impl<'a> Seen<'a> {
    /// A word seen without a ranking (no reading, or a known word of a clean document).
    pub(super) fn unranked(
        start: usize,
        lower: &'a str,
        info: &'a WordInfo,
        doc: &'a DocModel,
    ) -> Seen<'a> {
        Seen {
            start,
            lower,
            info,
            doc,
            ranked: None,
            left: None,
            right: None,
            name_like: false,
        }
    }
}

/// Shows how `word` would be repaired: alone (in a document assumed to be OCR-damaged), or inside
/// `context`, whose damage and word counts are estimated as for a document. The outcome is what
/// the ranking calls for at the default threshold; for what `run` did to a word of a file, see
/// [`explain_document`].
pub fn explain(word: &str, context: Option<&str>) -> Explanation {
    let lex = lexicon();
    let lower = word.to_lowercase();
    let (doc, neighbours) = match context {
        Some(ctx) => in_context(&lower, ctx),
        None => {
            let mut doc = DocModel {
                damage: 1.0,
                ..DocModel::default()
            };
            doc.set_prior_floor();
            (doc, (None, None))
        }
    };
    let mut info = analyse(lex, &lower, false);
    if !info.searched {
        let budget = doc.budget(keep_cost(&lower, &info, &doc));
        search_readings(lex, &lower, false, budget, &mut info);
    }
    let ranked = rank(&lower, &info, &doc);
    let (before, after) = (neighbours.0.as_deref(), neighbours.1.as_deref());
    let ranked = with_context(&ranked, &lower, &info, before, after).unwrap_or(ranked);
    let best = ranked
        .candidates
        .first()
        .filter(|(c, _)| ranked.confidence > 0.0 && c.word != lower);
    let outcome = match best {
        Some(_) if ranked.confidence >= DEFAULT_MIN_CONFIDENCE => Outcome::Applied,
        Some(_) => Outcome::Proposed,
        None => Outcome::Kept,
    };
    Explanation {
        word: word.to_string(),
        place: None,
        before: neighbours.0,
        after: neighbours.1,
        known_frequency: info.known,
        damage: round3(doc.damage),
        keep_cost: round3(ranked.keep_cost),
        candidates: rows(&ranked),
        outcome,
        decision: best.map(|(c, _)| restore_case(word, &c.word)),
        kind: best.map(|(c, _)| c.kind),
        confidence: round3(ranked.confidence),
        reason: reason(&info, &doc, Some(&ranked), DEFAULT_MIN_CONFIDENCE),
    }
}

/// Every word of a document (given as bytes, as to [`crate::process`]) explained as `run` with
/// `opts` repaired it: in text order, one [`Explanation`] per word, number or repaired token,
/// each with its [`Place`] in the decoded input. A replacement that covers several tokens is
/// explained once.
///
/// The document goes through the stages of [`crate::process`] themselves, and each outcome is the
/// change those stages made at the word (or its absence), so it agrees with the record's edits;
/// the candidates and costs are the ones the word repair decided on.
pub fn explain_document(bytes: &[u8], opts: &Options) -> Result<Vec<Explanation>, Error> {
    let decoded = input::decode(bytes)?;
    let mut trail = crate::prepared(decoded.text);
    let mut seen: HashMap<usize, Explanation> = HashMap::new();
    let mut damage: Vec<(usize, f64)> = Vec::new();
    // The words, in the text the repair sees, with their spans in the decoded input.
    let mut words: Vec<(Word, (usize, usize))> = Vec::new();
    // Every stage's changes, in input bytes, with the stage's number (0: the word repair).
    let mut changes: Vec<((usize, usize), Change, usize)> = Vec::new();
    let mut stages = 0;
    let min_confidence = opts.min_confidence;
    let mut observe = |section: usize, s: Seen<'_>| {
        if damage.last().is_none_or(|&(at, _)| at != section) {
            damage.push((section, round3(s.doc.damage)));
        }
        seen.insert(section + s.start, observed(&s, min_confidence));
    };
    let mut stage = |trail: &Trail, made: &[Change]| {
        if stages == 0 {
            words = words_of(trail);
        }
        let at = |c: &Change| trail.input_span(c.start, c.end);
        changes.extend(made.iter().map(|c| (at(c), c.clone(), stages)));
        stages += 1;
    };
    if opts.repair {
        crate::repair_stages(&mut trail, min_confidence, &mut observe, &mut stage);
    } else {
        stage(&trail, &[]);
    }
    let input = trail.input();
    let idx = CharIndex::new(input);
    let line_ends: Vec<usize> = input.match_indices('\n').map(|(i, _)| i).collect();
    let place = |(s, e): (usize, usize)| Place {
        start: idx.char_offset(s),
        end: idx.char_offset(e),
        line: line_ends.partition_point(|&n| n < s) + 1,
    };
    // Which change each word is in: the word repair's if it made one there, else a later
    // stage's. Words and changes are in text order, so a binary search finds a change's words.
    let mut made: Vec<Option<usize>> = vec![None; words.len()];
    for (m, &((s, t), _, _)) in changes.iter().enumerate() {
        let mut j = words.partition_point(|(_, (a, _))| *a < t.max(s + 1));
        while j > 0 && words[j - 1].1.1 > s {
            j -= 1;
            if overlaps(words[j].1, (s, t)) {
                made[j].get_or_insert(m);
            }
        }
    }
    let mut out = Vec::new();
    let mut reported = vec![false; changes.len()];
    for ((word, span), made) in words.into_iter().zip(made) {
        if let Some(m) = made {
            if std::mem::replace(&mut reported[m], true) {
                continue;
            }
        } else if word.kind == TokenKind::Other {
            continue;
        }
        let mut e = seen.remove(&word.start).unwrap_or_else(|| Explanation {
            damage: damage
                .iter()
                .rev()
                .find(|&&(at, _)| at <= word.start)
                .map_or(0.0, |&(_, d)| d),
            ..unseen(&word, opts.repair)
        });
        e.word = word.text;
        e.place = Some(place(span));
        if let Some(m) = made {
            let ((s, t), c, stage) = &changes[m];
            if (*s, *t) != span {
                e.word = input[*s..*t].to_string();
                e.place = Some(place((*s, *t)));
            }
            decided(&mut e, c, *stage, min_confidence);
        }
        out.push(e);
    }
    Ok(out)
}

/// A token of the text the repair sees.
struct Word {
    text: String,
    start: usize,
    kind: TokenKind,
}

/// The tokens of `trail`'s text other than spaces, with their spans in the decoded input.
fn words_of(trail: &Trail) -> Vec<(Word, (usize, usize))> {
    tokenize(trail.text())
        .into_iter()
        .filter(|t: &Token<'_>| t.kind != TokenKind::Space)
        .map(|t| {
            let word = Word {
                text: t.text.to_string(),
                start: t.start,
                kind: t.kind,
            };
            (word, trail.input_span(t.start, t.end))
        })
        .collect()
}

/// Whether two byte spans share a position (an empty one: strictly inside the other).
fn overlaps((s, e): (usize, usize), (t, u): (usize, usize)) -> bool {
    if t == u {
        s < t && t < e
    } else {
        t < e && s < u
    }
}

/// The explanation of a word pass 3 saw, before its outcome is known: kept unless a change says
/// otherwise.
fn observed(s: &Seen<'_>, min_confidence: f64) -> Explanation {
    let unranked = Ranked {
        candidates: Vec::new(),
        keep_cost: 0.0,
        confidence: 0.0,
    };
    let ranked = s.ranked.unwrap_or(&unranked);
    let reason = match ranked.candidates.first() {
        Some((best, _)) if s.name_like => format!(
            "an unknown capitalised word, most likely a name: its compound reading {:?} does not \
             beat keeping by the margin names need",
            best.word
        ),
        Some((best, total)) if *total < ranked.keep_cost && ranked.confidence > 0.0 => format!(
            "{:?} ({total:.2}) beats keeping ({:.2}), but the repair left the word",
            best.word, ranked.keep_cost
        ),
        _ => reason(s.info, s.doc, s.ranked, min_confidence),
    };
    Explanation {
        word: s.lower.to_string(),
        place: None,
        before: s.left.map(str::to_string),
        after: s.right.map(str::to_string),
        known_frequency: s.info.known,
        damage: round3(s.doc.damage),
        keep_cost: round3(ranked.keep_cost),
        candidates: rows(ranked),
        outcome: Outcome::Kept,
        decision: None,
        kind: None,
        confidence: round3(ranked.confidence),
        reason,
    }
}

/// The explanation of a token pass 3 did not rank: protected, or repair was off.
fn unseen(word: &Word, repair: bool) -> Explanation {
    let reason = if !repair {
        "repair is off".to_string()
    } else {
        match word.kind {
            TokenKind::Number => {
                "a number: numbers (amounts, dates, years, references) are never repaired"
            }
            TokenKind::Other => "punctuation",
            _ => {
                "protected: the repair does not touch it (an acronym, abbreviation, unit or \
                 single letter, a footnote mark, or a token glued to a number or reference)"
            }
        }
        .to_string()
    };
    Explanation {
        word: word.text.clone(),
        place: None,
        before: None,
        after: None,
        known_frequency: None,
        damage: 0.0,
        keep_cost: 0.0,
        candidates: Vec::new(),
        outcome: Outcome::Kept,
        decision: None,
        kind: None,
        confidence: 0.0,
        reason,
    }
}

/// `e` with the outcome of the change `c` that stage number `stage` of
/// [`crate::repair_stages`] made at it.
fn decided(e: &mut Explanation, c: &Change, stage: usize, min_confidence: f64) {
    e.outcome = if c.applied {
        Outcome::Applied
    } else {
        Outcome::Proposed
    };
    e.decision = Some(c.after.to_string());
    e.kind = Some(c.kind);
    e.confidence = round3(c.confidence);
    let verdict = if c.applied {
        "applied"
    } else {
        "proposed, not applied"
    };
    let best = e
        .candidates
        .first()
        .filter(|b| b.word == c.after.to_lowercase());
    e.reason = match (stage, best) {
        (0, Some(best)) => format!(
            "{:?} ({:.2}) beats keeping ({:.2}); confidence {:.3} {} the threshold \
             {min_confidence}: {verdict}",
            c.after,
            best.total,
            e.keep_cost,
            c.confidence,
            if c.applied { "meets" } else { "is under" },
        ),
        // The one number pass 3 repairs, outside the ranking of words.
        (0, None) if c.kind == EditKind::Digit => format!(
            "a lone 1 standing between words, where the OCR read the word i, in a document \
             with OCR damage: {verdict}"
        ),
        (0, None) => format!("a {:?} change of the word repair: {verdict}", c.kind),
        _ => format!(
            "a figure written with letters before a money unit, written with digits after \
             the word repair (confidence {:.3}): {verdict}",
            c.confidence
        ),
    };
}

/// The rows of a ranking.
fn rows(ranked: &Ranked) -> Vec<ExplainedCandidate> {
    ranked
        .candidates
        .iter()
        .map(|(c, total)| ExplainedCandidate {
            word: c.word.clone(),
            channel: round3(c.channel),
            frequency: c.frequency,
            total: round3(*total),
            parts: c.parts,
            kind: c.kind,
        })
        .collect()
}

/// The document model of `context` and how the words next to the first occurrence of `lower`
/// there read (as [`super::repair`] reads them), if it occurs.
fn in_context(lower: &str, context: &str) -> (DocModel, (Option<String>, Option<String>)) {
    let lex = lexicon();
    let tokens = tokenize(context);
    let (doc, mut vocab) = document_model(&tokens, lex);
    // Where the word occurs in the context, its first occurrence's neighbours speak too.
    let ranks = rank_all(&tokens, &doc, &mut vocab, lex);
    let at = vocab
        .index
        .get(lower)
        .and_then(|&id| vocab.of_token.iter().position(|&t| t == Some(id)));
    let Some(i) = at else {
        return (doc, (None, None));
    };
    let read = |j: Option<usize>| {
        j.and_then(|j| reading_of(&vocab, &ranks, j))
            .map(str::to_string)
    };
    let neighbours = (
        read(neighbour(&tokens, i, false)),
        read(neighbour(&tokens, i, true)),
    );
    (doc, neighbours)
}

/// Why the word is kept or replaced, in words.
fn reason(info: &WordInfo, doc: &DocModel, ranked: Option<&Ranked>, min_confidence: f64) -> String {
    match (
        info.known,
        ranked.and_then(|r| r.candidates.first().map(|c| (r, c))),
    ) {
        (Some(_), _) if info.listed && doc.damage < REAL_WORD_MIN_DAMAGE => format!(
            "a known word in a document with little OCR damage ({:.2} < {REAL_WORD_MIN_DAMAGE}): real-word repairs are off",
            doc.damage
        ),
        (_, None) => "no candidate within the channel budget".to_string(),
        (_, Some((r, (c, total)))) if *total >= r.keep_cost => format!(
            "keeping it ({:.2}) is cheaper than the best reading {:?} ({total:.2})",
            r.keep_cost, c.word
        ),
        (_, Some((r, (c, total)))) => format!(
            "{:?} ({total:.2}) beats keeping ({:.2}); confidence {:.3} {} the threshold {min_confidence}",
            c.word,
            r.keep_cost,
            r.confidence,
            if r.confidence >= min_confidence {
                "meets"
            } else {
                "is under"
            }
        ),
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::spec::DAMAGED;

    #[test]
    fn explain_shows_candidates_and_decision() {
        let e = explain("f6r", None);
        assert_eq!(e.decision.as_deref(), Some("för"));
        assert!(e.candidates.iter().any(|c| c.word == "för"));
        let table = e.to_string();
        assert!(table.contains("decision: för"), "{table}");
        let clean = explain(
            "for",
            Some("Jag for dit for en vecka sedan och det var bra i år."),
        );
        assert_eq!(clean.decision, None);
        // Inside a document, the word's neighbours there weigh in, as they do in `repair`.
        let text = format!("{DAMAGED}2. Skalen for en reviderad 6verenskommelse");
        let in_doc = explain("Skalen", Some(&text));
        assert_eq!(in_doc.decision.as_deref(), Some("Skälen"));
        assert_eq!(
            (in_doc.before.as_deref(), in_doc.after.as_deref()),
            (None, Some("för"))
        );
        assert!(in_doc.to_string().contains("in context: - _ för"));
    }

    /// The explanations of a document given as text, with the default options.
    fn explained(text: &str) -> Vec<Explanation> {
        explain_document(text.as_bytes(), &Options::default()).expect("UTF-8 text")
    }

    /// The explanation of the first token written `word`.
    #[track_caller]
    fn at<'e>(words: &'e [Explanation], word: &str) -> &'e Explanation {
        words
            .iter()
            .find(|e| e.word == word)
            .unwrap_or_else(|| panic!("{word:?} not among {words:#?}"))
    }

    /// The text of `place` (character offsets).
    fn slice(text: &str, place: Place) -> String {
        text.chars()
            .skip(place.start)
            .take(place.end - place.start)
            .collect()
    }

    /// The outcome and replacement of `word`'s explanation.
    #[track_caller]
    fn decision<'e>(words: &'e [Explanation], word: &str) -> (Outcome, Option<&'e str>) {
        let e = at(words, word);
        (e.outcome, e.decision.as_deref())
    }

    #[test]
    fn a_word_of_a_file_is_explained_as_the_repair_decided_it() {
        let text = format!(
            "{DAMAGED}\n\n2. Skalen for en reviderad 6verenskommelse.\n\n\
             Den 6vervigande delen av den vird som inte dr planerad."
        );
        let words = explained(&text);
        let skalen = at(&words, "Skalen");
        assert_eq!(
            (skalen.outcome, skalen.decision.as_deref()),
            (Outcome::Applied, Some("Skälen"))
        );
        assert_eq!(
            (skalen.before.as_deref(), skalen.after.as_deref()),
            (None, Some("för"))
        );
        assert_eq!(skalen.candidates[0].word, "skälen");
        assert_eq!(decision(&words, "vird"), (Outcome::Applied, Some("vård")));
        assert_eq!(at(&words, "vird").before.as_deref(), Some("den"));
        // Places point into the input, with lines from 1.
        let place = skalen.place.expect("a place");
        assert_eq!(slice(&text, place), "Skalen");
        let before: String = text.chars().take(place.start).collect();
        assert_eq!(place.line, before.matches('\n').count() + 1);
        // Words left alone say so, and why.
        let kept = at(&words, "reviderad");
        assert_eq!(
            (kept.outcome, kept.decision.as_deref()),
            (Outcome::Kept, None)
        );
        assert!(!kept.reason.is_empty());
    }

    #[test]
    fn the_document_model_is_the_files_not_the_context_strings() {
        // The sentence alone shows no OCR damage, so real-word repairs are off there; the file
        // it stands in is damaged, and `run` repairs `for` in it.
        let alone = explain("for", Some("Insatser for barn och unga"));
        assert_eq!(alone.outcome, Outcome::Kept);
        let text = format!("{DAMAGED}\n\nInsatser for barn och unga.");
        assert_eq!(decision(&explained(&text), "for").1, Some("för"));
    }

    #[test]
    fn proposals_and_thresholds_are_those_of_the_run() {
        // `Skalen` alone is a close call between `skålen` and `skälen`: proposed, not applied.
        let text = format!("{DAMAGED}Skalen");
        let words = explained(&text);
        let e = at(&words, "Skalen");
        assert_eq!(e.outcome, Outcome::Proposed);
        assert!(e.decision.is_some() && e.confidence < DEFAULT_MIN_CONFIDENCE);
        // Under a threshold of 1 nothing uncertain is applied, as in `run`.
        let strict = Options {
            repair: true,
            min_confidence: 1.01,
        };
        let words = explain_document(DAMAGED.as_bytes(), &strict).expect("UTF-8");
        assert!(words.iter().all(|e| e.outcome != Outcome::Applied));
        assert_eq!(decision(&words, "f6r").0, Outcome::Proposed);
        let off = Options {
            repair: false,
            ..Options::default()
        };
        let words = explain_document(DAMAGED.as_bytes(), &off).expect("UTF-8");
        assert_eq!(at(&words, "f6r").reason, "repair is off");
        assert!(words.iter().all(|e| e.outcome == Outcome::Kept));
    }

    #[test]
    fn numbers_protected_tokens_and_figures_are_explained_too() {
        let text = format!(
            "{DAMAGED}\n\nInsatser f6r sjuka 1 covid enligt dnr S2019/05301/SF.\n\n\
             Regeringen avsätter I miljard kronor år 2020."
        );
        let words = explained(&text);
        // A lone `1` between lower-case words is the word `i`.
        assert_eq!(decision(&words, "1"), (Outcome::Applied, Some("i")));
        // A figure OCR wrote with a letter before a money unit, by the amount rule.
        let figure = at(&words, "I");
        assert_eq!(
            (figure.outcome, figure.decision.as_deref()),
            (Outcome::Applied, Some("1"))
        );
        assert!(figure.reason.contains("money unit"), "{}", figure.reason);
        // References and years are never touched.
        for kept in ["S2019", "2020", "05301"] {
            let e = at(&words, kept);
            assert_eq!(e.outcome, Outcome::Kept, "{e:#?}");
        }
        assert!(at(&words, "2020").reason.starts_with("a number"));
    }

    #[test]
    fn a_word_joined_across_a_line_end_spans_the_hyphen() {
        let text =
            format!("{DAMAGED}\n\nMedlen avser en reviderad tilliggs-\növerenskommelse i år.");
        let words = explained(&text);
        let e = at(&words, "tilliggsöverenskommelse");
        assert_eq!(e.decision.as_deref(), Some("tilläggsöverenskommelse"));
        let place = e.place.expect("a place");
        assert_eq!(slice(&text, place), "tilliggs-\növerenskommelse");
    }
}
