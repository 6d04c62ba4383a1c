//! Fuzz target: any bytes as a share link, or as the data behind one.
//! The property checked is `gapmap::fuzzing::share`, which the short run in
//! `tests/fuzz_smoke.rs` checks too. Crash inputs go to
//! `fuzz/regressions/import_share/`, which that test replays.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| gapmap::fuzzing::share(bytes));
