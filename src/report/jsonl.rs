//! JSON Lines: one record per line, keys in the order of [`crate::Record`]'s fields, so the same
//! input always gives the same bytes.
//!
//! Each record is streamed to the writer, never built in memory first (the line of a document of
//! many megabytes is several times its size); a stop comes between records and leaves whole
//! lines, and what a crash left mid-record is found and dropped by [`read_complete`] when the run
//! is resumed.

use std::io::{self, BufRead, Write};

use crate::Record;

/// Writes `record` as one line of JSON.
pub fn write_record(w: &mut impl Write, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

/// Reads back JSON Lines an earlier run wrote, handing each record to `each` in order, and
/// returns the length in bytes of the complete part: a last line without its newline was cut by a
/// crash and is not part of it. A complete line that is not a record is an error naming its line
/// (the file is not svocr's output); so is an error from `each`.
pub fn read_complete(
    mut r: impl BufRead,
    mut each: impl FnMut(Record) -> Result<(), String>,
) -> Result<u64, String> {
    let mut complete = 0;
    let mut line = Vec::new();
    for n in 1.. {
        line.clear();
        let read = r
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read: {e}"))?;
        if read == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let record = serde_json::from_slice(&line)
            .map_err(|e| format!("line {n} is not an svocr record: {e}"))?;
        each(record)?;
        complete += read as u64;
    }
    Ok(complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sources `read_complete` hands over, and the complete length.
    fn read_back(bytes: &[u8]) -> Result<(Vec<String>, u64), String> {
        let mut sources = Vec::new();
        let len = read_complete(bytes, |r| {
            sources.push(r.source);
            Ok(())
        })?;
        Ok((sources, len))
    }

    #[test]
    fn a_cut_last_line_is_not_part_of_the_complete_output() {
        let mut out = Vec::new();
        write_record(&mut out, &Record::error("a.txt", "x")).unwrap();
        let first = out.len() as u64;
        write_record(&mut out, &Record::error("b.txt", "y")).unwrap();
        let whole = out.len() as u64;
        assert_eq!(
            read_back(&out),
            Ok((vec!["a.txt".into(), "b.txt".into()], whole))
        );
        for cut in [out.len() - 1, out.len() - 10, first as usize + 1] {
            assert_eq!(
                read_back(&out[..cut]),
                Ok((vec!["a.txt".into()], first)),
                "{cut}"
            );
        }
        assert_eq!(read_back(b""), Ok((vec![], 0)));
    }

    #[test]
    fn a_complete_line_that_is_not_a_record_is_an_error() {
        let mut out = b"{\"not\": \"a record\"}\n".to_vec();
        write_record(&mut out, &Record::error("a.txt", "x")).unwrap();
        let err = read_back(&out).unwrap_err();
        assert!(err.starts_with("line 1 is not an svocr record"), "{err}");
    }

    #[test]
    fn one_line_per_record_that_parses_back() {
        let r = Record::error("a.txt", "a.txt: cannot read");
        let mut out = Vec::new();
        write_record(&mut out, &r).unwrap();
        write_record(&mut out, &r).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.lines().count(), 2);
        let back: Record = serde_json::from_str(s.lines().next().unwrap()).unwrap();
        assert_eq!(back, r);
    }
}
