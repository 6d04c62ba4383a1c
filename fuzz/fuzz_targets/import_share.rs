//! Fuzz target: any text opened as a share link's payload is either refused
//! with an error or read, within the size caps; a read assessment makes a
//! link of its own that reads back to the same canonical file.

#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use gapmap::core::format::save;
use gapmap::core::share::{decode, encode, inflate, PREFIX};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The bytes as the link's text, and the bytes as the deflated data behind
    // a valid prefix and base64: the second reaches the inflater and the file
    // reader with anything, not only with what survives base64 decoding.
    let mut payloads = vec![format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))];
    if let Ok(text) = std::str::from_utf8(bytes) {
        payloads.push(text.to_string());
    }
    for payload in payloads {
        if let Ok((assessment, _problems)) = decode(&payload) {
            let saved = save(&assessment);
            let link = encode(&assessment);
            assert_eq!(inflate(&link).expect("a link made here must read back"), saved, "links carry canonical files");
        }
    }
});
