//! svocr command line (being written).
fn main() {}
