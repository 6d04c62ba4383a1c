//! Build script: writes the tables of the legacy single-byte code pages that
//! the Markdown importer's mojibake repair needs, from encoding_rs.
//!
//! encoding_rs is the authority on these code pages, but linking it into the
//! app pulls in every encoding it knows (its CJK tables alone are hundreds of
//! kilobytes of wasm). The repair needs eight tables of 128 characters, so
//! encoding_rs runs here, at build time, and only the tables ship.

use std::fmt::Write;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let pages = [
        ("WINDOWS_1252", encoding_rs::WINDOWS_1252),
        ("WINDOWS_1254", encoding_rs::WINDOWS_1254),
        ("MACINTOSH", encoding_rs::MACINTOSH),
        ("WINDOWS_1250", encoding_rs::WINDOWS_1250),
        ("WINDOWS_1251", encoding_rs::WINDOWS_1251),
        ("WINDOWS_1257", encoding_rs::WINDOWS_1257),
        ("ISO_8859_15", encoding_rs::ISO_8859_15),
        ("IBM866", encoding_rs::IBM866),
    ];
    let mut out = String::new();
    for (ident, encoding) in pages {
        let mut high = String::new();
        for byte in 0x80..=0xFFu8 {
            let one = [byte];
            let (text, had_errors) = encoding.decode_without_bom_handling(&one);
            let c = match text.chars().next() {
                Some(c) if !had_errors => c,
                _ => char::REPLACEMENT_CHARACTER,
            };
            let _ = write!(high, "'\\u{{{:x}}}', ", c as u32);
        }
        let _ = writeln!(
            out,
            "/// The code page `{name}`, as encoding_rs defines it.\npub static {ident}: CodePage = CodePage::new({name:?}, [{high}]);",
            name = encoding.name()
        );
    }
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("code_pages.rs");
    if let Err(error) = std::fs::write(&path, out) {
        panic!("cannot write {}: {error}", path.display());
    }
}
