//! The legacy single-byte code pages that mis-decoded documents went through
//! (Windows-1252, Mac Roman …), as tables of the characters their bytes 0x80
//! to 0xFF stand for. The tables are written at build time from encoding_rs
//! (`build.rs`), so the app carries 1 KB of tables instead of the whole crate;
//! the methods mirror the encoding_rs calls the repair makes.

use std::borrow::Cow;
use std::sync::OnceLock;

/// A code page whose bytes below 0x80 are ASCII.
pub struct CodePage {
    name: &'static str,
    /// The character of each byte from 0x80; U+FFFD where it has none.
    high: [char; 128],
    /// The byte of each character, sorted by character, made on first use.
    bytes: OnceLock<Vec<(char, u8)>>,
}

impl CodePage {
    const fn new(name: &'static str, high: [char; 128]) -> Self {
        CodePage { name, high, bytes: OnceLock::new() }
    }

    /// The WHATWG name, such as `windows-1252`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Reads bytes as this code page; the flag says whether a byte had no character.
    pub fn decode_without_bom_handling<'a>(&self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        if bytes.is_ascii() {
            return (Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default()), false);
        }
        let mut had_errors = false;
        let text = bytes
            .iter()
            .map(|&b| match b.checked_sub(0x80) {
                None => char::from(b),
                Some(i) => {
                    let c = self.high[usize::from(i)];
                    had_errors |= c == char::REPLACEMENT_CHARACTER;
                    c
                }
            })
            .collect();
        (Cow::Owned(text), had_errors)
    }

    /// Writes text in this code page; the flag says whether a character had no
    /// byte (the bytes are then incomplete and must not be used).
    pub fn encode(&'static self, text: &str) -> (Cow<'static, [u8]>, &'static CodePage, bool) {
        let table = self.bytes.get_or_init(|| {
            let mut table: Vec<(char, u8)> = (0x80..=0xFFu8)
                .zip(self.high)
                .filter(|&(_, c)| c != char::REPLACEMENT_CHARACTER)
                .map(|(b, c)| (c, b))
                .collect();
            table.sort_unstable();
            table
        });
        let mut unmappable = false;
        let mut bytes = Vec::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                bytes.push(c as u8);
            } else if let Ok(i) = table.binary_search_by_key(&c, |&(c, _)| c) {
                bytes.push(table[i].1);
            } else {
                unmappable = true;
            }
        }
        (Cow::Owned(bytes), self, unmappable)
    }
}

impl PartialEq for CodePage {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for CodePage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

include!(concat!(env!("OUT_DIR"), "/code_pages.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables agree with encoding_rs on every byte, both ways.
    #[test]
    fn matches_encoding_rs() {
        let pairs: [(&'static CodePage, &'static encoding_rs::Encoding); 8] = [
            (&WINDOWS_1252, encoding_rs::WINDOWS_1252),
            (&WINDOWS_1254, encoding_rs::WINDOWS_1254),
            (&MACINTOSH, encoding_rs::MACINTOSH),
            (&WINDOWS_1250, encoding_rs::WINDOWS_1250),
            (&WINDOWS_1251, encoding_rs::WINDOWS_1251),
            (&WINDOWS_1257, encoding_rs::WINDOWS_1257),
            (&ISO_8859_15, encoding_rs::ISO_8859_15),
            (&IBM866, encoding_rs::IBM866),
        ];
        let all: Vec<u8> = (0..=0xFFu8).collect();
        for (ours, theirs) in pairs {
            assert_eq!(ours.name(), theirs.name());
            assert_eq!(ours.decode_without_bom_handling(&all), theirs.decode_without_bom_handling(&all));
            let text = theirs.decode_without_bom_handling(&all).0.into_owned();
            let (bytes, _, unmappable) = ours.encode(&text);
            let (expected, _, expected_unmappable) = theirs.encode(&text);
            assert_eq!(unmappable, expected_unmappable, "{}", ours.name());
            if !unmappable {
                assert_eq!(bytes.as_ref(), expected.as_ref(), "{}", ours.name());
            }
            assert!(ours.encode("❌ not here").2, "{}", ours.name());
        }
    }
}
