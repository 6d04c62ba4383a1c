//! Fuzz target: any bytes read as a Gapmap file (one assessment or a bundle).
//! The property checked is `gapmap::fuzzing::json`, which the short run in
//! `tests/fuzz_smoke.rs` checks too. Crash inputs go to
//! `fuzz/regressions/import_json/`, which that test replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| gapmap::fuzzing::json(bytes));
