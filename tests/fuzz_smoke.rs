//! The short fuzzing run of `make test`: the properties of the cargo-fuzz
//! targets (`gapmap::fuzzing`, the same functions `fuzz/` runs for hours)
//! over seed inputs, every crash input kept under `fuzz/regressions/`, and a
//! few thousand deterministic mutations of the seeds. Runs on stable Rust;
//! the long runs need nightly and are recorded in docs/reliability.md.

#![cfg(feature = "fuzzing")]

use std::path::Path;

use gapmap::core::export::{csv, markdown};
use gapmap::core::format::{self, share};
use gapmap::fuzzing;

/// Mutants of each seed; fewer for large seeds, so that the run stays short
/// in a debug build.
const MUTANTS_PER_SEED: usize = 400;
const MUTATED_BYTES_PER_SEED: usize = 4_000_000;

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn example() -> gapmap::core::Assessment {
    let bytes = std::fs::read(repo("tests/fixtures/worked-example.json")).expect("the worked example");
    format::load(&bytes).expect("the worked example loads")
}

/// Files of a folder, or none when it does not exist.
fn files(folder: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).expect("a readable file")).collect()
}

/// A small xorshift generator: the same mutants on every run.
struct Mutator(u64);

impl Mutator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// One to four of: flip a byte, insert bytes that matter to the formats,
    /// delete a range, repeat a range, cut the end.
    fn mutate(&mut self, seed: &[u8]) -> Vec<u8> {
        const TOKENS: &[&[u8]] = &[
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b",",
            b";",
            b"\n",
            b"\r\n",
            b"-",
            b"=",
            b"1e999",
            b"-0",
            b"null",
            b"\xff\xfe",
            b"\xc3",
            b"# ",
            b"- [ ] ",
            b"| ",
            b"\xe2\x9d\x8c",
            b"P0",
            b"1.",
            b"9999999999999",
        ];
        let mut bytes = seed.to_vec();
        for _ in 0..=self.below(4) {
            let at = self.below(bytes.len() + 1);
            match self.below(5) {
                0 if !bytes.is_empty() => {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] ^= 1 << self.below(8);
                }
                1 => {
                    let token = TOKENS[self.below(TOKENS.len())];
                    bytes.splice(at..at, token.iter().copied());
                }
                2 => {
                    let end = (at + self.below(64)).min(bytes.len());
                    bytes.drain(at..end);
                }
                3 => {
                    let end = (at + self.below(256)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
                _ => bytes.truncate(at),
            }
        }
        bytes
    }
}

fn run(target: &str, seeds: Vec<Vec<u8>>, check: fn(&[u8])) {
    let mut inputs = seeds.clone();
    inputs.extend(files(&repo(&format!("fuzz/regressions/{target}"))));
    let mut mutator = Mutator(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64);
    for seed in &seeds {
        for _ in 0..MUTANTS_PER_SEED.min(MUTATED_BYTES_PER_SEED / seed.len().max(1)).max(8) {
            inputs.push(mutator.mutate(seed));
        }
    }
    for input in &inputs {
        check(input);
    }
    assert!(inputs.len() > seeds.len() * 8, "{target}: the run must check something");
}

#[test]
fn json() {
    let mut seeds = files(&repo("tests/fixtures"));
    seeds.retain(|bytes| bytes.first() == Some(&b'{'));
    seeds.extend(files(&repo("public/templates")));
    seeds.push(format::save_bundle(&[example(), example()]).into_bytes());
    run("import_json", seeds, fuzzing::json);
}

#[test]
fn markdown() {
    let mut seeds = vec![markdown::report(&example()).into_bytes()];
    // The real documents, when the shared fixtures are beside the project.
    seeds.extend(files(&repo("../shared/fixtures/markdown")));
    run("import_markdown", seeds, fuzzing::markdown);
}

#[test]
fn csv() {
    let a = example();
    let seeds = vec![csv::spreadsheet(&a).into_bytes(), csv::jira(&a).into_bytes()];
    run("import_csv", seeds, fuzzing::csv);
}

#[test]
fn share() {
    let link = share::encode(&example());
    run("import_share", vec![link.into_bytes(), format::save(&example()).into_bytes()], fuzzing::share);
}
