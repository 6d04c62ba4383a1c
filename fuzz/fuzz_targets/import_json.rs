//! Fuzz target: any bytes read as a Gapmap file (one assessment or a bundle)
//! are either refused with an error or read; a read assessment saves to a
//! canonical file that reads back and saves to the same bytes. Crashes found here become regression tests.

#![no_main]

use gapmap::core::format::{load_many, read, save};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((assessment, _problems)) = read(bytes) {
        let saved = save(&assessment);
        let (again, _) = read(saved.as_bytes()).expect("a saved file must read back");
        assert_eq!(save(&again), saved, "saving is canonical");
    }
    let _ = load_many(bytes);
});
