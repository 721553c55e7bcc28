//! The data behind `svocr explain WORD`: how one word would be repaired, alone or inside a
//! document, with every candidate's costs and the reason for the decision.
//!
//! In: a word and, optionally, a document for context. Out: an [`Explanation`], ranked exactly as
//! [`super::repair`] ranks the word (same document model, same neighbours). Its text form is in
//! [`crate::report::explain`]; it is also serialised as JSON.
//!
//! It changes nothing and is not on the repair's path: a debug view of the stages.

use serde::Serialize;

use super::protect::restore_case;
use super::rank::{
    DEFAULT_MIN_CONFIDENCE, DocModel, REAL_WORD_MIN_DAMAGE, Ranked, WordInfo, analyse,
    document_model, keep_cost, neighbour, rank, rank_all, reading_of, round3, search_readings,
    with_context,
};
use super::tokenize::tokenize;
use crate::lexicon::lexicon;
use crate::record::EditKind;

/// What [`explain`] found out about a word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The word as given.
    pub word: String,
    /// How the word before its first occurrence in the context reads, if one is next to it.
    pub before: Option<String>,
    /// How the word after it reads.
    pub after: Option<String>,
    /// Whether the lexicon knows it (as a word or a compound), and its frequency.
    pub known_frequency: Option<u64>,
    /// The estimated OCR damage of the context (`1.0` assumed without context).
    pub damage: f64,
    /// The cost of keeping the word.
    pub keep_cost: f64,
    /// Candidates with their channel cost, frequency and total cost, best first.
    pub candidates: Vec<ExplainedCandidate>,
    /// The replacement, if any.
    pub decision: Option<String>,
    /// The best candidate's confidence.
    pub confidence: f64,
    /// Why, in words.
    pub reason: String,
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

/// Shows how `word` would be repaired: alone (in a document assumed to be OCR-damaged), or inside
/// `context`, whose damage and word counts are estimated as for a document.
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
    let candidates = ranked
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
        .collect();
    let decision = ranked
        .candidates
        .first()
        .filter(|_| ranked.confidence >= DEFAULT_MIN_CONFIDENCE)
        .map(|(c, _)| restore_case(word, &c.word));
    Explanation {
        word: word.to_string(),
        before: neighbours.0,
        after: neighbours.1,
        known_frequency: info.known,
        damage: round3(doc.damage),
        keep_cost: round3(ranked.keep_cost),
        candidates,
        decision,
        confidence: round3(ranked.confidence),
        reason: reason(&info, &doc, &ranked),
    }
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
fn reason(info: &WordInfo, doc: &DocModel, ranked: &Ranked) -> String {
    match (info.known, ranked.candidates.first()) {
        (Some(_), _) if info.listed && doc.damage < REAL_WORD_MIN_DAMAGE => format!(
            "a known word in a document with little OCR damage ({:.2} < {REAL_WORD_MIN_DAMAGE}): real-word repairs are off",
            doc.damage
        ),
        (_, None) => "no candidate within the channel budget".to_string(),
        (_, Some((c, total))) if *total >= ranked.keep_cost => format!(
            "keeping it ({:.2}) is cheaper than the best reading {:?} ({total:.2})",
            ranked.keep_cost, c.word
        ),
        (_, Some((c, total))) => format!(
            "{:?} ({total:.2}) beats keeping ({:.2}); confidence {:.3} {} the threshold {DEFAULT_MIN_CONFIDENCE}",
            c.word,
            ranked.keep_cost,
            ranked.confidence,
            if ranked.confidence >= DEFAULT_MIN_CONFIDENCE {
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
}
