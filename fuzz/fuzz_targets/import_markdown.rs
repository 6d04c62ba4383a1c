//! Fuzz target: any bytes imported as a Markdown document.
//! The property checked is `gapmap::fuzzing::markdown`, which the short run in
//! `tests/fuzz_smoke.rs` checks too. Crash inputs go to
//! `fuzz/regressions/import_markdown/`, which that test replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| gapmap::fuzzing::markdown(bytes));
