//! Fuzz target: any bytes imported as a Markdown document must give a valid
//! assessment without panicking, and its Markdown report must import again,
//! valid as well. Crashes found here become regression tests in
//! `tests/import_robustness.rs`.

#![no_main]

use gapmap::core::export::markdown::report;
use gapmap::core::import::markdown::{import, import_bytes};
use gapmap::core::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let imported = import_bytes(bytes);
    assert!(validate(&imported.assessment).is_empty(), "an import must validate");
    let again = import(&report(&imported.assessment));
    assert!(validate(&again.assessment).is_empty(), "the import of a report must validate");
});
