//! Pretty JSON for a piece of a larger document: the same bytes
//! `serde_json`'s pretty printer writes for that piece in place, so pieces
//! can be rendered in parallel and then joined.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

/// `value` as it reads `depth` levels into a pretty-printed document,
/// into a buffer of about `size` bytes.
pub fn pretty<T: Serialize + ?Sized>(value: &T, depth: usize, size: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(size);
    let formatter = Indented {
        level: depth,
        has_value: false,
    };
    value.serialize(&mut Serializer::with_formatter(&mut out, formatter))?;
    Ok(out)
}

/// `serde_json::ser::PrettyFormatter` with two-space indents, starting at
/// a given level.
struct Indented {
    level: usize,
    has_value: bool,
}

const SPACES: &[u8; 64] = b"                                                                ";

fn indent<W: ?Sized + Write>(w: &mut W, level: usize) -> io::Result<()> {
    let mut left = level * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        w.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

impl Indented {
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.level)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.level)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Adds a last `"key": "text"` field to an object `pretty` rendered at
/// `depth`, the text escaped by [`push_str`].
pub fn push_field(buf: &mut Vec<u8>, depth: usize, key: &str, text: &str) -> io::Result<()> {
    let close = 2 + depth * 2;
    if buf.ends_with(b"{}") {
        buf.pop();
    } else if buf.len() >= close && buf.ends_with(b"}") {
        buf.truncate(buf.len() - close);
        buf.push(b',');
    } else {
        return Err(io::Error::other("not an object"));
    }
    buf.push(b'\n');
    indent(buf, depth + 1)?;
    push_str(buf, key);
    buf.extend_from_slice(b": ");
    push_str(buf, text);
    buf.push(b'\n');
    indent(buf, depth)?;
    buf.push(b'}');
    Ok(())
}

/// Appends `text` as a JSON string, escaped exactly as `serde_json` does
/// it: the text of every file goes through here. Plain runs are found
/// eight bytes at a time and copied whole; only the bytes that need it
/// are escaped one by one.
pub fn push_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + bytes.len() / 8 + 2);
    out.push(b'"');
    let mut plain_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(word) = bytes.get(at..at + 8)
            && is_plain(u64::from_le_bytes(word.try_into().unwrap_or_default()))
        {
            at += 8;
            continue;
        }
        let byte = bytes[at];
        if byte < 0x20 || byte == b'"' || byte == b'\\' {
            out.extend_from_slice(&bytes[plain_from..at]);
            push_byte(out, byte);
            plain_from = at + 1;
        }
        at += 1;
    }
    out.extend_from_slice(&bytes[plain_from..]);
    out.push(b'"');
}

/// No byte of the eight is a control character, `"` or `\\`.
fn is_plain(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_in = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
    !control && !zero_in(w ^ (ONES * u64::from(b'"'))) && !zero_in(w ^ (ONES * u64::from(b'\\')))
}

fn push_byte(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let escape: &[u8] = match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0c => b"\\f",
        0x00..=0x1f => {
            let hex = [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ];
            out.extend_from_slice(&hex);
            return;
        }
        _ => {
            out.push(byte);
            return;
        }
    };
    out.extend_from_slice(escape);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_at_depth_zero_is_plain_pretty_json() {
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

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every: String = (0u8..0x80).map(char::from).collect();
        every.push_str("Zoë 李小龙 🚀 \u{2028} \u{7f}");
        let cases = [
            String::new(),
            every.clone(),
            every.repeat(3),
            "plain text, longer than eight bytes".into(),
            "\"\"\"\\\\n\n\r\n".into(),
            "1234567\"".into(),
            "12345678\\".into(),
        ];
        for text in cases {
            let mut out = Vec::new();
            push_str(&mut out, &text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&text).unwrap()
            );
        }
    }

    #[test]
    fn a_field_goes_last_in_its_object() {
        for value in [serde_json::json!({}), serde_json::json!({"a": [1]})] {
            let mut with = value.clone();
            with["toml"] = "x\ny".into();
            let mut buf = pretty(&value, 1, 0).unwrap();
            push_field(&mut buf, 1, "toml", "x\ny").unwrap();
            assert_eq!(buf, pretty(&with, 1, 0).unwrap());
        }
    }
}
