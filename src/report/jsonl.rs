//! JSON Lines: one record per line, keys in the order of [`crate::Record`]'s fields, so the same
//! input always gives the same bytes.

use std::io::{self, Write};

use crate::Record;

/// Writes `record` as one line of JSON.
pub fn write_record(w: &mut impl Write, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *w, record)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

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
