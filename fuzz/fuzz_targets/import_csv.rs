//! Fuzz target: any bytes read as a gaps table against the worked example
//! preview without panicking; applying the preview makes exactly the changes
//! it lists, and the result previews no further change from the same bytes.
//! Crashes found here become regression tests in `tests/export_csv.rs`.

#![no_main]

use std::sync::OnceLock;

use gapmap::core::format::load;
use gapmap::core::import::csv::{apply, preview};
use gapmap::core::Assessment;
use libfuzzer_sys::fuzz_target;

/// The assessment every input is matched against: the worked example.
fn assessment() -> &'static Assessment {
    static ASSESSMENT: OnceLock<Assessment> = OnceLock::new();
    ASSESSMENT
        .get_or_init(|| load(include_bytes!("../../tests/fixtures/worked-example.json")).expect("the fixture loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let original = assessment();
    let changes = preview(original, bytes);
    let mut applied = original.clone();
    assert_eq!(apply(&mut applied, &changes), changes.change_count());
    assert!(preview(&applied, bytes).gaps.is_empty(), "applying a preview is idempotent");
});
