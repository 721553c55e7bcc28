//! Searchable PDF → text: the OCR text layer, page by page.
//!
//! In: the bytes of a PDF. Out: [`read`] gives the text of every page in page order, each page's
//! lines ending in a line feed and the pages separated by a form feed (what `tesseract … txt` and
//! `pdftotext` write), so that [`crate::layout`] sees page starts and line-end hyphens as it does
//! in exported text; or an [`Error`] saying why there is no text to read: no text layer at all (a
//! scan that was never OCR'd), encrypted, truncated or corrupt.
//!
//! Reading order is the order the text layer draws its strings in, which for OCR layers (tesseract,
//! scanner software) is the order the OCR engine read the page in. A new line starts where the
//! baseline moves by more than half the font size; a blank line (a paragraph break) where it
//! moves down by more than 1.7 font sizes or moves up (a new column), or where a new
//! text object starts when the producer groups lines into text objects as OCR layers do; a space
//! is added between strings placed apart on one line when neither side has one. Glyph widths are
//! not looked at: an OCR layer is invisible text whose only job is to be found and copied.
//!
//! Parsing is lopdf's (pure Rust; chosen over poppler's `pdftotext` for being in-process, without a
//! program to install, and closer to tesseract's own text on the fixtures: see the README's "PDF
//! input"). Fonts' `ToUnicode` maps are read here, as ranges, for speed. lopdf does not promise never
//! to panic on malformed files, so [`read`] runs it under `catch_unwind`: a panic inside it becomes
//! an error record, never a panic out of the library (the process's panic hook may still print the
//! panic message on standard error). Decompressed page content is capped at
//! 64 MiB so a zip bomb cannot exhaust memory.
//!
//! Deliberately not done here: OCR of pages without a text layer, and any change to the text
//! (hyphenation, furniture and repair are the later stages' work, reported as edits).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};

use crate::error::Error;

/// A vertical move of more than this many font sizes between two lines is a paragraph break:
/// body lines are about 1.2–1.4 font sizes apart, paragraphs and headings set off by a blank line
/// two or more.
const PARAGRAPH_GAP: f32 = 1.7;

/// Most bytes one page's decompressed content may take.
const MAX_PAGE_CONTENT: usize = 64 << 20;

/// A `TJ` adjustment (thousandths of the font size) moving right by more than this is a word gap.
const TJ_SPACE: f32 = 200.0;

/// The text layer of a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    /// Every page's text, in page order, separated by form feeds.
    pub text: String,
    /// How many pages the PDF has (pages without text included).
    pub pages: usize,
}

/// Whether `bytes` are a PDF: the `%PDF-` header within the first kilobyte, where readers look
/// for it (some producers put a few bytes of junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads the text layer of a PDF, page by page.
pub fn read(bytes: &[u8]) -> Result<PdfText, Error> {
    check_header(bytes)?;
    match catch_unwind(AssertUnwindSafe(|| read_document(bytes))) {
        Ok(result) => result,
        Err(_) => Err(pdf_error(
            "the PDF reader failed on malformed data (the file is probably corrupt)",
        )),
    }
}

/// Refuses bytes that cannot be a PDF (an empty file, or no `%PDF-` header): what a file named
/// `.pdf` must pass before it is read as one rather than as text.
pub(crate) fn check_header(bytes: &[u8]) -> Result<(), Error> {
    if bytes.is_empty() {
        return Err(pdf_error("the file is empty"));
    }
    if !is_pdf(bytes) {
        return Err(Error::NotPdf {
            start: String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .trim()
                .to_string(),
        });
    }
    Ok(())
}

fn pdf_error(reason: impl Into<String>) -> Error {
    Error::Pdf {
        reason: reason.into(),
    }
}

fn read_document(bytes: &[u8]) -> Result<PdfText, Error> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) => encrypted(),
        e => pdf_error(format!(
            "cannot parse it ({e}); is it truncated or corrupt?"
        )),
    })?;
    // lopdf decrypts a file with an empty user password itself; one that is still encrypted
    // needs a password.
    if doc.is_encrypted() {
        return Err(encrypted());
    }
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(pdf_error("it has no pages; is it truncated or corrupt?"));
    }
    let mut text = String::new();
    let mut any_text = false;
    let mut fonts = FontCache::default();
    for (i, &id) in page_ids.iter().enumerate() {
        if i > 0 {
            text.push('\x0c');
        }
        let content = doc
            .get_page_content_with_limit(id, MAX_PAGE_CONTENT)
            .map_err(|e| pdf_error(format!("page {}: cannot read its content ({e})", i + 1)))?;
        let ops = Content::decode(&content)
            .map_err(|e| pdf_error(format!("page {}: cannot parse its content ({e})", i + 1)))?;
        let page_fonts = doc.get_page_fonts(id).unwrap_or_default();
        let page = page_text(&doc, &page_fonts, &mut fonts, &ops.operations);
        any_text |= !page.trim().is_empty();
        text.push_str(&page);
    }
    if !any_text {
        return Err(Error::NoTextLayer {
            pages: page_ids.len(),
        });
    }
    Ok(PdfText {
        text,
        pages: page_ids.len(),
    })
}

fn encrypted() -> Error {
    pdf_error(
        "it is encrypted with a password; decrypt it first, e.g. \
         `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`",
    )
}

/// A 2-D affine matrix `[a b c d e f]` as PDF writes it.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` moved by `(tx, ty)` in its own space (the `Td` operator).
fn translate(m: Matrix, tx: f32, ty: f32) -> Matrix {
    let [a, b, c, d, e, f] = m;
    [a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f]
}

/// How a font's string bytes become text.
enum FontText<'a> {
    /// The font's `ToUnicode` map, read by [`ToUnicode::parse`].
    Map(ToUnicode),
    /// lopdf's reading of the font's encoding (simple fonts without a `ToUnicode` map).
    Encoding(Encoding<'a>),
    /// Nothing usable: the bytes are read as Latin-1.
    Latin1,
}

/// Fonts already looked at in this document, by the address of their dictionary (fonts are shared
/// between pages: tesseract writes one for the whole document).
type FontCache<'a> = BTreeMap<usize, std::rc::Rc<FontText<'a>>>;

fn font_text<'a>(doc: &'a Document, font: &'a lopdf::Dictionary) -> FontText<'a> {
    let to_unicode = font
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream);
    if let Ok(stream) = to_unicode {
        let data = stream
            .decompressed_content_with_limit(MAX_PAGE_CONTENT)
            .unwrap_or_else(|_| stream.content.clone());
        if let Some(map) = ToUnicode::parse(&data) {
            return FontText::Map(map);
        }
    }
    match font.get_font_encoding(doc) {
        Ok(e) => FontText::Encoding(e),
        Err(_) => FontText::Latin1,
    }
}

/// A `ToUnicode` CMap kept as ranges. lopdf expands every range into one map entry per code, and
/// tesseract's map is one range over all 65 536 codes: expanding it took 150 ms per document,
/// more than reading its pages.
#[derive(Debug, Default)]
struct ToUnicode {
    /// Bytes per character code (from the code space; 1 or 2).
    width: usize,
    /// `(first code, last code, UTF-16 of the first code's text)`; later codes of a range add
    /// their distance from the first to the last unit.
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// Codes mapped one by one, each with its own text (ranges with an array of destinations).
    chars: BTreeMap<u32, Vec<u16>>,
}

impl ToUnicode {
    /// Reads the `bfchar` and `bfrange` sections of a CMap; `None` when it maps nothing.
    fn parse(data: &[u8]) -> Option<ToUnicode> {
        let tokens = cmap_tokens(data);
        let mut map = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                CmapToken::Word(w) if w == b"begincodespacerange" => {
                    if let Some(CmapToken::Hex(lo)) = tokens.get(i + 1) {
                        map.width = map.width.max(lo.len());
                    }
                }
                CmapToken::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while let (Some(CmapToken::Hex(src)), Some(CmapToken::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        map.width = map.width.max(src.len());
                        map.chars.insert(code(src), utf16(dst));
                        i += 2;
                    }
                    continue;
                }
                CmapToken::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    while let (Some(CmapToken::Hex(lo)), Some(CmapToken::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        map.width = map.width.max(lo.len());
                        let (lo, hi) = (code(lo), code(hi));
                        match tokens.get(i + 2) {
                            Some(CmapToken::Hex(dst)) if lo <= hi => {
                                map.ranges.push((lo, hi, utf16(dst)));
                            }
                            Some(CmapToken::Array(dsts)) => {
                                for (c, dst) in (lo..=hi).zip(dsts) {
                                    map.chars.insert(c, utf16(dst));
                                }
                            }
                            _ => {}
                        }
                        i += 3;
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        if map.ranges.is_empty() && map.chars.is_empty() {
            return None;
        }
        map.width = map.width.clamp(1, 4);
        Some(map)
    }

    /// The text of a string's bytes; unmapped codes are dropped.
    fn decode(&self, bytes: &[u8]) -> String {
        let mut units = Vec::new();
        for c in bytes.chunks(self.width) {
            let code = code(c);
            if let Some(u) = self.chars.get(&code) {
                units.extend_from_slice(u);
            } else if let Some((lo, _, first)) =
                self.ranges.iter().find(|r| r.0 <= code && code <= r.1)
                && let Some((last, head)) = first.split_last()
            {
                units.extend_from_slice(head);
                // Only the last unit counts up (PDF 32000-1, 9.10.3).
                let offset = u16::try_from(code - lo).unwrap_or(u16::MAX);
                units.push(last.wrapping_add(offset));
            }
        }
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
}

/// A character code from its big-endian bytes.
fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

enum CmapToken {
    /// A `<…>` string, as bytes.
    Hex(Vec<u8>),
    /// A `[…]` array of `<…>` strings.
    Array(Vec<Vec<u8>>),
    /// Anything else (operators, names, numbers).
    Word(Vec<u8>),
}

/// The tokens of a CMap, as far as `ToUnicode` maps need them.
fn cmap_tokens(data: &[u8]) -> Vec<CmapToken> {
    let mut tokens = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b == b'%' {
            while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                i += 1;
            }
        } else if b == b'<' && data.get(i + 1) != Some(&b'<') {
            let end = data[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(data.len(), |p| i + p);
            let hex = hex_bytes(&data[i + 1..end]);
            match array.as_mut() {
                Some(a) => a.push(hex),
                None => tokens.push(CmapToken::Hex(hex)),
            }
            i = end + 1;
            continue;
        } else if b == b'[' {
            array = Some(Vec::new());
        } else if b == b']' {
            tokens.push(CmapToken::Array(array.take().unwrap_or_default()));
        } else if !b.is_ascii_whitespace() {
            let end = data[i..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || b"<>[]%".contains(&c))
                .map_or(data.len(), |p| i + p)
                .max(i + 1);
            tokens.push(CmapToken::Word(data[i..end].to_vec()));
            i = end;
            continue;
        }
        i += 1;
    }
    tokens
}

/// The bytes of a hex string's digits (whitespace skipped; an odd last digit is padded with 0).
fn hex_bytes(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&c| char::from(c).to_digit(16))
        .map(|d| d as u8)
        .collect();
    nibbles
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

/// Builds one page's text from its content stream operations.
struct PageWriter<'a, 'c> {
    doc: &'a Document,
    fonts: &'c BTreeMap<Vec<u8>, &'a lopdf::Dictionary>,
    cache: &'c mut FontCache<'a>,
    font: Vec<u8>,
    font_size: f32,
    leading: f32,
    line: Matrix,
    /// Text objects (`BT` … `ET`) begun so far.
    block: usize,
    /// The text has moved since the last string shown (a word apart on the same line).
    moved: bool,
    lines: Vec<Line>,
}

/// One line of a page's text layer.
struct Line {
    text: String,
    /// The text object it starts in.
    block: usize,
    /// Baseline.
    y: f32,
    /// Font size, scaled by the text matrix.
    size: f32,
}

fn page_text<'a>(
    doc: &'a Document,
    fonts: &BTreeMap<Vec<u8>, &'a lopdf::Dictionary>,
    cache: &mut FontCache<'a>,
    ops: &[lopdf::content::Operation],
) -> String {
    let mut w = PageWriter {
        doc,
        fonts,
        cache,
        font: Vec::new(),
        font_size: 0.0,
        leading: 0.0,
        line: IDENTITY,
        block: 0,
        moved: false,
        lines: Vec::new(),
    };
    for op in ops {
        w.apply(&op.operator, &op.operands);
    }
    join_lines(&w.lines)
}

/// A page's lines as text, with a blank line between paragraphs.
///
/// A paragraph starts where the baseline drops by more than [`PARAGRAPH_GAP`] font sizes or
/// moves up (a new column), and, where the producer groups lines into text objects as OCR layers
/// do (tesseract writes one per block it found), where a new text object starts: that keeps the
/// producer's blocks apart even where the spacing does not show them. Where every text object
/// holds one line (many born-digital producers), text objects say nothing about paragraphs.
fn join_lines(lines: &[Line]) -> String {
    let grouped = lines.windows(2).any(|w| w[0].block == w[1].block);
    let mut page = String::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(prev) = i.checked_sub(1).map(|p| &lines[p]) {
            let (drop, big) = (prev.y - line.y, line.size.max(prev.size));
            let paragraph = (grouped && line.block != prev.block)
                || drop > PARAGRAPH_GAP * big
                || drop < -0.5 * big;
            if paragraph && !page.is_empty() {
                page.push('\n');
            }
        }
        page.push_str(text);
        page.push('\n');
    }
    page
}

fn number(o: Option<&Object>) -> Option<f32> {
    o.and_then(|o| o.as_float().ok()).filter(|x| x.is_finite())
}

impl PageWriter<'_, '_> {
    fn apply(&mut self, operator: &str, operands: &[Object]) {
        let n = |i| number(operands.get(i));
        match operator {
            "BT" => {
                self.block += 1;
                self.line = IDENTITY;
                self.moved = true;
            }
            "Tf" => {
                if let Some(Ok(name)) = operands.first().map(Object::as_name) {
                    self.font = name.to_vec();
                }
                self.font_size = n(1).unwrap_or(self.font_size);
            }
            "TL" => self.leading = n(0).unwrap_or(self.leading),
            "Td" | "TD" => {
                if let (Some(tx), Some(ty)) = (n(0), n(1)) {
                    if operator == "TD" {
                        self.leading = -ty;
                    }
                    self.line = translate(self.line, tx, ty);
                    self.moved = true;
                }
            }
            "Tm" => {
                if let [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] =
                    [n(0), n(1), n(2), n(3), n(4), n(5)]
                {
                    self.line = [a, b, c, d, e, f];
                    self.moved = true;
                }
            }
            "T*" => self.next_line(),
            "Tj" => {
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s);
                }
            }
            "'" => {
                self.next_line();
                if let Some(Object::String(s, _)) = operands.first() {
                    self.show(s);
                }
            }
            "\"" => {
                self.next_line();
                if let Some(Object::String(s, _)) = operands.get(2) {
                    self.show(s);
                }
            }
            "TJ" => {
                if let Some(Ok(items)) = operands.first().map(Object::as_array) {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s),
                            other => {
                                if number(Some(other)).is_some_and(|x| -x > TJ_SPACE) {
                                    self.moved = true;
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn next_line(&mut self) {
        self.line = translate(self.line, 0.0, -self.leading);
        self.moved = true;
    }

    fn decode(&mut self, bytes: &[u8]) -> String {
        let doc = self.doc;
        let text = match self.fonts.get(&self.font) {
            Some(&font) => {
                let key = std::ptr::from_ref(font) as usize;
                self.cache
                    .entry(key)
                    .or_insert_with(|| std::rc::Rc::new(font_text(doc, font)))
                    .clone()
            }
            None => std::rc::Rc::new(FontText::Latin1),
        };
        match &*text {
            FontText::Map(m) => m.decode(bytes),
            FontText::Encoding(e) => Document::decode_text(e, bytes).unwrap_or_default(),
            // A font the page does not define, or one without a usable encoding: Latin-1, the
            // most likely single-byte encoding, rather than dropping the text.
            FontText::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        }
    }

    fn show(&mut self, bytes: &[u8]) {
        let s = self.decode(bytes);
        let s: String = s
            .chars()
            .filter(|&c| c != '\0')
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if s.is_empty() {
            return;
        }
        let [_, _, c, d, _, y] = self.line;
        // The effective size: the font size scaled by the text matrix's vertical scale.
        let size = (self.font_size * (c * c + d * d).sqrt()).abs().max(0.1);
        let same_line = self
            .lines
            .last()
            .is_some_and(|l| (l.y - y).abs() <= 0.5 * size.max(l.size));
        match self.lines.last_mut() {
            Some(line) if same_line => {
                if self.moved
                    && !line.text.ends_with(char::is_whitespace)
                    && !s.starts_with(char::is_whitespace)
                {
                    line.text.push(' ');
                }
                line.text.push_str(&s);
            }
            _ => self.lines.push(Line {
                text: s,
                block: self.block,
                y,
                size,
            }),
        }
        self.moved = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::text::Alignment;
    use std::path::PathBuf;

    fn fixture(name: &str) -> Vec<u8> {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/pdf")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// Character error rate of `hyp` against `reference`, exactly as written (whitespace and
    /// line breaks count).
    fn cer(reference: &str, hyp: &str) -> f64 {
        let a = Alignment::new(reference, hyp);
        a.char_edits() as f64 / reference.chars().count().max(1) as f64
    }

    #[test]
    fn text_layers_match_what_tesseract_wrote_beside_them() {
        for (name, pages) in [
            ("vardfinansiering", 2),
            ("forordningar-direktiv", 3),
            ("rb-forsakringskassan-p1", 1),
        ] {
            let read = read(&fixture(&format!("{name}.pdf"))).unwrap();
            let txt = String::from_utf8(fixture(&format!("{name}.txt"))).unwrap();
            assert_eq!(read.pages, pages, "{name}");
            assert_eq!(read.text.matches('\x0c').count(), pages - 1, "{name}");
            let cer = cer(&txt, &read.text);
            assert!(cer <= 0.005, "{name}: CER {cer:.4}");
        }
    }

    #[track_caller]
    fn assert_refused(name: &str, expected: &str) {
        let msg = match read(&fixture(name)) {
            Ok(t) => panic!("{name} was read: {:?}", t.text),
            Err(e) => e.to_string(),
        };
        assert!(msg.contains(expected), "{name}: {msg}");
    }

    #[test]
    fn bad_pdfs_are_refused_with_their_reason() {
        assert_refused("bad/image-only.pdf", "no text layer");
        assert_refused("bad/encrypted.pdf", "encrypted");
        assert_refused("bad/truncated.pdf", "truncated or corrupt");
        assert_refused("bad/fake.pdf", "not a PDF");
        assert_refused("bad/empty.pdf", "empty");
    }

    #[test]
    fn the_header_is_found_in_the_first_kilobyte_only() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xEF\xBB\xBF%PDF-1.4"));
        assert!(!is_pdf(b"%PDF"));
        assert!(!is_pdf(b"plain text"));
        let mut late = vec![b' '; 1024];
        late.extend_from_slice(b"%PDF-1.7");
        assert!(!is_pdf(&late));
    }

    /// A one-page PDF whose content stream is `content`, with a Latin-1 (WinAnsi) font `F1`.
    fn pdf_with_content(content: &str) -> Vec<u8> {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                .to_string(),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len() + 1
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
             /Encoding /WinAnsiEncoding >>"
                .to_string(),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(format!("xref\n0 {}\n", objects.len() + 1).as_bytes());
        pdf.extend_from_slice(b"0000000000 65535 f \n");
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        pdf
    }

    #[track_caller]
    fn assert_reads(content: &str, expected: &str) {
        let read = read(&pdf_with_content(content)).unwrap();
        assert_eq!(read.text, expected);
    }

    #[test]
    fn lines_paragraphs_and_spaces_follow_the_geometry() {
        // One line per text object: 12 pt apart at 10 pt is one paragraph, 30 pt two.
        assert_reads(
            "BT /F1 10 Tf 72 700 Td (f\\366r) Tj ET BT /F1 10 Tf 72 688 Td (\\344r) Tj ET",
            "för\när\n",
        );
        assert_reads(
            "BT /F1 10 Tf 72 700 Td (ett) Tj ET BT /F1 10 Tf 72 670 Td (tv\\345) Tj ET",
            "ett\n\ntvå\n",
        );
        // Lines grouped into text objects (an OCR layer): each object is a paragraph, whatever
        // the spacing, and a wide gap inside one is one too.
        assert_reads(
            "BT /F1 10 Tf 72 700 Td (a) Tj 0 -12 Td (b) Tj ET BT /F1 10 Tf 72 676 Td (c) Tj ET",
            "a\nb\n\nc\n",
        );
        assert_reads(
            "BT /F1 10 Tf 72 700 Td (a) Tj 0 -12 Td (b) Tj 0 -30 Td (c) Tj ET",
            "a\nb\n\nc\n",
        );
        // Words placed apart on one line get a space; a string with its own space gets none.
        assert_reads(
            "BT /F1 10 Tf 72 700 Td (Mkr) Tj 30 0 Td (5) Tj 20 0 Td (kr ) Tj 20 0 Td (x) Tj ET",
            "Mkr 5 kr x\n",
        );
        // A TJ gap wide enough for a word space, and one that is only kerning.
        assert_reads(
            "BT /F1 10 Tf 72 700 Td [(a) -600 (b) -50 (c)] TJ ET",
            "a bc\n",
        );
        // T* and ' move down by the leading.
        assert_reads(
            "BT /F1 10 Tf 14 TL 72 700 Td (a) Tj T* (b) Tj (c) ' ET",
            "a\nb\nc\n",
        );
        // A move up (a second column) starts a new paragraph.
        assert_reads(
            "BT /F1 10 Tf 1 0 0 1 72 700 Tm (v) Tj ET BT /F1 10 Tf 1 0 0 1 300 760 Tm (h) Tj ET",
            "v\n\nh\n",
        );
    }

    #[test]
    fn to_unicode_maps_are_read_as_ranges() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\n\
            endcodespacerange\n2 beginbfchar\n<0001> <0066006C> % fl ligature\n<0002> <00E5>\n\
            endbfchar\n2 beginbfrange\n<0010> <0012> <0061>\n<0020> <0021> [<00F6> <00E4>]\n\
            endbfrange\nendcmap";
        let map = ToUnicode::parse(cmap).unwrap();
        assert_eq!(map.width, 2);
        assert_eq!(
            map.decode(b"\x00\x01\x00\x02\x00\x10\x00\x12\x00\x20\x00\x21\x00\x99"),
            "flåacöä"
        );
        // Tesseract's map: every code is its own UTF-16 unit.
        let identity = ToUnicode::parse(b"1 beginbfrange <0000> <FFFF> <0000> endbfrange").unwrap();
        assert_eq!(identity.decode(b"\x00f\x00\xf6\x00r"), "för");
        assert!(ToUnicode::parse(b"begincmap endcmap").is_none());
    }

    #[test]
    fn a_page_without_text_is_no_text_layer() {
        let e = read(&pdf_with_content("q 100 0 0 100 0 0 cm Q")).unwrap_err();
        assert!(e.to_string().contains("no text layer"), "{e}");
    }

    #[test]
    fn malformed_operands_are_ignored_not_fatal() {
        assert_reads("BT /F1 Tf (a) Td 1 Tm [(b) /x] TJ 12 ' (c) Tj ET", "b c\n");
    }
}
