//! Tokens with byte spans, shaped for OCR repair.
//!
//! In: text (after layout, so paragraphs are on one line and line-end hyphens are joined).
//! Out: a [`Token`] for every run of the text — words, numbers, whitespace and other
//! characters — covering the text without gaps, each with its byte span.
//!
//! OCR damage decides the shapes: a *word* may contain digits (`f6r`, `6verenskommelsen`) and may
//! start with brace noise (`{6r`), so letters and digits that touch form one token, and its
//! [`TokenKind`] says whether it has letters, digits or both. Hyphens, slashes and colons are
//! separate tokens (`covid-19` is three), which lets the repair see that `19` follows a hyphen.
//!
//! It does not decide what a token means (a year, an amount, a reference); that is the
//! repair's protection rules and the extractors' job.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters only (`för`, `Forsikringskassan`).
    Word,
    /// Digits only (`1`, `2019`).
    Number,
    /// Letters and digits, or a leading brace (`f6r`, `S2019`, `{6r`).
    Mixed,
    /// Whitespace.
    Space,
    /// Any other single character (punctuation, symbols).
    Other,
}

/// A run of the text and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

/// Splits `text` into tokens that cover it without gaps.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 3);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind;
        let mut end = start + c.len_utf8();
        // A brace glued to the front of a word is OCR noise for a letter (`{6r` ← `för`).
        let noise_start = c == '{' && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || noise_start {
            let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_alphanumeric() {
                    break;
                }
                letters |= n.is_alphabetic();
                digits |= n.is_numeric();
                end = i + n.len_utf8();
                chars.next();
            }
            kind = match (letters, digits, noise_start) {
                (true, false, false) => TokenKind::Word,
                (false, true, false) => TokenKind::Number,
                _ => TokenKind::Mixed,
            };
        } else if c.is_whitespace() {
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_whitespace() {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            kind = TokenKind::Space;
        } else {
            kind = TokenKind::Other;
        }
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_tokens(text: &str, expected: &[(&str, TokenKind)]) {
        let got: Vec<(&str, TokenKind)> = tokenize(text).iter().map(|t| (t.text, t.kind)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn words_numbers_and_mixed() {
        use TokenKind::*;
        assert_tokens(
            "f6r 1 444 kr",
            &[
                ("f6r", Mixed),
                (" ", Space),
                ("1", Number),
                (" ", Space),
                ("444", Number),
                (" ", Space),
                ("kr", Word),
            ],
        );
    }

    #[test]
    fn brace_noise_joins_the_word_but_a_lone_brace_does_not() {
        use TokenKind::*;
        assert_tokens("{6r", &[("{6r", Mixed)]);
        assert_tokens("{ x", &[("{", Other), (" ", Space), ("x", Word)]);
    }

    #[test]
    fn hyphens_and_slashes_split() {
        use TokenKind::*;
        assert_tokens(
            "covid-19 S2019/05301",
            &[
                ("covid", Word),
                ("-", Other),
                ("19", Number),
                (" ", Space),
                ("S2019", Mixed),
                ("/", Other),
                ("05301", Number),
            ],
        );
    }

    #[test]
    fn spans_cover_the_text() {
        let text = "Överenskommelsen  är\tklar.";
        let toks = tokenize(text);
        let joined: String = toks.iter().map(|t| t.text).collect();
        assert_eq!(joined, text);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
