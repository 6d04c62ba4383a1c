//! Reading a file's bytes as text: UTF-8 (with or without its byte order
//! mark), UTF-16 when its byte order mark says so, and otherwise the legacy
//! code page such files are most often saved in; and the names people know
//! those code pages by, for the reports that say which one was used.

use std::borrow::Cow;

use crate::core::import::code_page;

/// Bytes read as text: how they were decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    /// The text, borrowed when the bytes were UTF-8 already.
    pub text: Cow<'a, str>,
    /// The legacy code page used when the bytes were not UTF-8.
    pub code_page: Option<&'static str>,
}

/// The name people know a code page by: `Mac Roman` for encoding_rs's
/// `macintosh`, `Windows-1252` for `windows-1252`.
pub fn display_name(code_page: &str) -> String {
    match code_page {
        "macintosh" => "Mac Roman".to_string(),
        "IBM866" => "DOS Cyrillic (IBM866)".to_string(),
        other => match other.strip_prefix("windows-") {
            Some(number) => format!("Windows-{number}"),
            None => other.to_uppercase(),
        },
    }
}

/// Reads a file's bytes as text: UTF-8 (without its byte order mark) when it
/// is, UTF-16 when it says so, and otherwise Windows-1252, the code page that
/// such files are most often saved in. A UTF-8 file with a few broken bytes
/// stays UTF-8, the broken bytes becoming U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoded { text: String::from_utf8_lossy(rest), code_page: None };
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| -> String {
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoded { text: Cow::Owned(utf16(rest, u16::from_le_bytes)), code_page: Some("UTF-16LE") };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoded { text: Cow::Owned(utf16(rest, u16::from_be_bytes)), code_page: Some("UTF-16BE") };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: Cow::Borrowed(text), code_page: None };
    }
    let lossy = String::from_utf8_lossy(bytes);
    let broken = lossy.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    let multibyte = lossy.chars().filter(|&c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER).count();
    if multibyte >= broken {
        return Decoded { text: lossy, code_page: None };
    }
    let (text, _) = code_page::WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded { text, code_page: Some(code_page::WINDOWS_1252.name()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").text, "hi");
        assert_eq!(decode("ü".as_bytes()).code_page, None);
        let legacy = decode(b"caf\xE9 cr\xE8me");
        assert_eq!(legacy.text, "café crème");
        assert_eq!(legacy.code_page, Some("windows-1252"));
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00").text, "hi");
    }

    #[test]
    fn code_pages_by_the_names_people_know() {
        assert_eq!(display_name("macintosh"), "Mac Roman");
        assert_eq!(display_name("windows-1254"), "Windows-1254");
        assert_eq!(display_name("ISO-8859-15"), "ISO-8859-15");
    }
}
