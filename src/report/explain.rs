//! The text of `svocr explain`: an [`Explanation`] as a table for people.
//!
//! In: an [`Explanation`] (see [`crate::explain()`] and [`crate::explain_document()`]). Out:
//! lines of text on a formatter — where the word is in its file, what the lexicon knows of it,
//! the document's damage, the neighbours that weigh in, one row per candidate and the decision
//! (applied, proposed or kept) with its reason. The JSON form is the type's `Serialize`.

use std::fmt;

use crate::{Explanation, Outcome};

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.place {
            writeln!(
                f,
                "at line {}, characters {}..{} of the input",
                p.line, p.start, p.end
            )?;
        }
        match self.known_frequency {
            Some(freq) => writeln!(f, "{}: known, {freq} per billion words", self.word)?,
            None => writeln!(f, "{}: not in the lexicon", self.word)?,
        }
        writeln!(
            f,
            "document damage {:.3}; keeping costs {:.3}",
            self.damage, self.keep_cost
        )?;
        if self.before.is_some() || self.after.is_some() {
            let show = |w: &Option<String>| w.clone().unwrap_or_else(|| "-".to_string());
            writeln!(
                f,
                "in context: {} _ {} (totals include what these neighbours say)",
                show(&self.before),
                show(&self.after)
            )?;
        }
        writeln!(
            f,
            "{:<28} {:>8} {:>12} {:>8} {:>5}  kind",
            "candidate", "channel", "freq/1e9", "total", "parts"
        )?;
        for c in &self.candidates {
            writeln!(
                f,
                "{:<28} {:>8.3} {:>12} {:>8.3} {:>5}  {:?}",
                c.word, c.channel, c.frequency, c.total, c.parts, c.kind
            )?;
        }
        match (self.outcome, &self.decision) {
            (Outcome::Applied, Some(d)) => {
                writeln!(
                    f,
                    "decision: {d} (applied, confidence {:.3})",
                    self.confidence
                )?;
            }
            (Outcome::Proposed, Some(d)) => writeln!(
                f,
                "decision: keep, propose {d} (not applied, confidence {:.3})",
                self.confidence
            )?,
            _ => writeln!(
                f,
                "decision: keep (confidence of best {:.3})",
                self.confidence
            )?,
        }
        writeln!(f, "why: {}", self.reason)
    }
}
