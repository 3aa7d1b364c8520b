//! Pretty JSON for a piece of a larger document: `serde_json`'s own pretty
//! printer, started as deep as the piece sits in the document, so that
//! pieces can be rendered in parallel and then joined into the bytes
//! `serde_json::to_writer_pretty` would write for the whole.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

/// `value` as it reads `depth` levels into a pretty-printed document
/// (two-space indents), into a buffer of about `size` bytes.
pub fn pretty<T: Serialize + ?Sized>(value: &T, depth: usize, size: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(size);
    let mut formatter = PrettyFormatter::with_indent(b"  ");
    // Brackets opened into the void leave the printer `depth` levels in.
    for _ in 0..depth {
        formatter.begin_array(&mut io::sink())?;
    }
    value.serialize(&mut Serializer::with_formatter(&mut out, formatter))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_is_the_same_bytes_as_in_the_whole() {
        let value = serde_json::json!({
            "a": [1, [], {}, {"b": "x\ny"}],
            "c": {"d": null, "e": [true]},
            "f": "deep"
        });
        let plain = serde_json::to_vec_pretty(&value).unwrap();
        assert_eq!(pretty(&value, 0, 0).unwrap(), plain);
        let nested = serde_json::json!({"x": {"y": value.clone()}});
        let whole = String::from_utf8(serde_json::to_vec_pretty(&nested).unwrap()).unwrap();
        let piece = String::from_utf8(pretty(&value, 2, 0).unwrap()).unwrap();
        assert!(
            whole.contains(&format!("\"y\": {piece}\n")),
            "{whole}\n{piece}"
        );
    }
}
