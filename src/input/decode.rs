//! Raw bytes → decoded text.
//!
//! In: the bytes of one document. Out: [`decode`] gives the text and the [`Encoding`] it was read
//! as, or an [`Error`] when the bytes are not text.
//!
//! Encoding detection, in order: a UTF-8 or UTF-16 byte-order mark; UTF-16 without a mark when
//! every other byte is NUL (a common Windows export); valid UTF-8; otherwise Windows-1252 (named
//! ISO-8859-1 when no byte in 0x80–0x9F is used). Older Swedish exports are Latin-1, and because
//! å/ä/ö are single bytes there (0xE5, 0xE4, 0xF6) that are never valid UTF-8 on their own, a failed
//! UTF-8 decode is strong evidence for it.
//!
//! Deliberately not done here: changing the text in any way (that is [`super::normalize()`]'s job,
//! and it reports each change as an edit).

use crate::error::Error;
use crate::record::Encoding;

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// How the bytes were read.
    pub encoding: Encoding,
}

/// Share of control characters above which a text is treated as binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// How many leading characters the control-character test looks at.
const SNIFF_CHARS: usize = 64 * 1024;

/// Reads bytes as text, detecting the encoding; binary data is an error.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), Encoding::Utf8Bom),
            Err(_) => (decode_windows_1252(rest), single_byte_encoding(rest)),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else if let Some(enc) = sniff_utf16(bytes) {
        match enc {
            Encoding::Utf16Be => (decode_utf16(bytes, u16::from_be_bytes)?, enc),
            _ => (decode_utf16(bytes, u16::from_le_bytes)?, Encoding::Utf16Le),
        }
    } else {
        if let Some(pos) = memchr_nul(bytes) {
            return Err(Error::Binary {
                reason: format!("NUL byte at offset {pos}"),
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => (decode_windows_1252(bytes), single_byte_encoding(bytes)),
        }
    };
    check_text(&text)?;
    Ok(Decoded { text, encoding })
}

/// [`decode`] taking ownership: valid UTF-8 (with or without a byte-order mark) is reused as
/// the text in place instead of copied.
pub(crate) fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, Error> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { &bytes[..] };
    if memchr_nul(body).is_some() || std::str::from_utf8(body).is_err() {
        return decode(&bytes);
    }
    if bom {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::Binary {
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    check_text(&text)?;
    let encoding = if bom {
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    };
    Ok(Decoded { text, encoding })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// UTF-16 without a byte-order mark: plain Swedish text in UTF-16 has a NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let (mut nul_even, mut nul_odd) = (0, 0);
    for p in sample.chunks_exact(2) {
        nul_even += usize::from(p[0] == 0);
        nul_odd += usize::from(p[1] == 0);
    }
    // Latin letters dominate, so the high byte is NUL for almost every unit.
    if nul_odd * 10 >= pairs * 9 && nul_even == 0 {
        Some(Encoding::Utf16Le)
    } else if nul_even * 10 >= pairs * 9 && nul_odd == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::Utf16 {
            offset: bytes.len() - 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => return Err(Error::Utf16 { offset: i * 2 }),
        }
    }
    Ok(text)
}

fn single_byte_encoding(bytes: &[u8]) -> Encoding {
    if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        Encoding::Windows1252
    } else {
        Encoding::Latin1
    }
}

/// Windows-1252's 0x80–0x9F block; the five undefined bytes decode to the C1 control of the same
/// value, as browsers do, so that no byte is lost.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Rejects decoded text that is mostly control characters (a binary file that happens to decode).
fn check_text(text: &str) -> Result<(), Error> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(SNIFF_CHARS) {
        total += 1;
        if c == '\0' {
            return Err(Error::Binary {
                reason: "NUL character in the decoded text".to_string(),
            });
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total > 0 && control as f64 > total as f64 * MAX_CONTROL_SHARE {
        return Err(Error::Binary {
            reason: format!("{control} of the first {total} characters are control characters"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_decodes(bytes: &[u8], text: &str, encoding: Encoding) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{bytes:?} failed: {e}"));
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, encoding);
    }

    #[track_caller]
    fn assert_binary(bytes: &[u8]) {
        assert!(
            matches!(decode(bytes), Err(Error::Binary { .. })),
            "{bytes:?} was accepted as text"
        );
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_decodes("för är".as_bytes(), "för är", Encoding::Utf8);
        assert_decodes(b"\xEF\xBB\xBFf\xC3\xB6r", "för", Encoding::Utf8Bom);
        assert_decodes(b"", "", Encoding::Utf8);
    }

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let cases: [&[u8]; 7] = [
            "för är".as_bytes(),
            b"\xEF\xBB\xBFf\xC3\xB6r",
            b"",
            b"\xFF\xFEf\0\xF6\0r\0",
            b"f\xF6r \xE5r",
            b"PK\x03\x04\0\0\x08\0",
            b"\x01\x02\x03\x04a\x05\x06\x07",
        ];
        for bytes in cases {
            let borrowed = decode(bytes).map_err(|e| e.to_string());
            let owned = decode_owned(bytes.to_vec()).map_err(|e| e.to_string());
            assert_eq!(borrowed, owned, "{bytes:?}");
        }
    }

    #[test]
    fn decodes_utf16_with_bom_and_sniffed() {
        assert_decodes(b"\xFF\xFEf\0\xF6\0r\0", "för", Encoding::Utf16Le);
        assert_decodes(b"\xFE\xFF\0f\0\xF6\0r", "för", Encoding::Utf16Be);
        assert_decodes(b"f\0\xF6\0r\0 \0", "för ", Encoding::Utf16Le);
        assert!(matches!(
            decode(b"\xFF\xFEf\0\xF6"),
            Err(Error::Utf16 { .. })
        ));
        // An unpaired surrogate.
        assert!(matches!(
            decode(b"\xFF\xFE\x00\xD8a\0"),
            Err(Error::Utf16 { .. })
        ));
    }

    #[test]
    fn decodes_latin1_and_windows_1252() {
        assert_decodes(b"f\xF6r \xE5r", "för år", Encoding::Latin1);
        assert_decodes(
            b"\x93citat\x94 \x96 5 \x80",
            "“citat” – 5 €",
            Encoding::Windows1252,
        );
    }

    #[test]
    fn refuses_binary() {
        assert_binary(b"PK\x03\x04\0\0\x08\0");
        assert_binary(&[0x01, 0x02, 0x03, 0x04, b'a', 0x05, 0x06, 0x07]);
        // A few control characters in real text are not binary.
        assert_decodes(
            b"a\x07b cdefghijklmnopqrstuvwxyz",
            "a\x07b cdefghijklmnopqrstuvwxyz",
            Encoding::Utf8,
        );
    }
}
