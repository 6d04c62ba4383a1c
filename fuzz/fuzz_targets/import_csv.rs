//! Fuzz target: any bytes read as a gaps CSV against the worked example.
//! The property checked is `gapmap::fuzzing::csv`, which the short run in
//! `tests/fuzz_smoke.rs` checks too. Crash inputs go to
//! `fuzz/regressions/import_csv/`, which that test replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| gapmap::fuzzing::csv(bytes));
