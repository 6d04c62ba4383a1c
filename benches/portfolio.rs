//! Benchmark of the portfolio at the size of a real organisation: 200
//! assessments of 200 gaps each (`support/assessment.rs`, each with its own
//! id, system and tag).
//!
//! - `portfolio/roll-up`: each assessment's `PortfolioEntry` (its summary,
//!   blockers, projection) and then `Portfolio::of` over the 200 (table,
//!   heat map, weakest categories, totals), from decoded assessments;
//! - `portfolio/of`: `Portfolio::of` alone over the 200 entries, which is
//!   what the app's Portfolio screen computes from the library's index;
//! - `portfolio/cli`: the `gapmap portfolio --json` command over a folder
//!   of the 200 files, as a CI job runs it (process start, reading,
//!   decoding, validating, summarizing, printing). Its budget is 1 s.
//!
//! Figures and how to reproduce them are in docs/benchmarks.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};

use gapmap::core::format;
use gapmap::core::model::Assessment;
use gapmap::core::numbers::portfolio::{Filter, Portfolio, PortfolioEntry};

#[path = "support/assessment.rs"]
mod large;
// The CPU-time measure of `support` is the core benchmark's; only its
// sequence is used here (by `large`).
#[allow(dead_code)]
mod support;

/// The 200 assessments of 200 gaps.
fn organisation() -> Vec<Assessment> {
    (0..200)
        .map(|i| {
            let mut a = large::assessment(200);
            a.id = format!("service-{i}");
            a.system = format!("Service {i}");
            a.tags = vec![format!("team-{}", i % 10)];
            a
        })
        .collect()
}

fn roll_up(c: &mut Criterion) {
    let assessments = organisation();
    let mut group = c.benchmark_group("portfolio");
    group.sampling_mode(SamplingMode::Flat).sample_size(20);
    group.bench_function("roll-up", |b| {
        b.iter(|| {
            let entries: Vec<PortfolioEntry> =
                black_box(&assessments).iter().map(|a| PortfolioEntry::of(a, None)).collect();
            Portfolio::of(&entries, &Filter::default(), &[])
        })
    });
    let entries: Vec<PortfolioEntry> = assessments.iter().map(|a| PortfolioEntry::of(a, None)).collect();
    group.bench_function("of", |b| b.iter(|| Portfolio::of(black_box(&entries), &Filter::default(), &[])));

    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-portfolio");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a folder for the files");
    for a in &assessments {
        std::fs::write(folder.join(format!("{}.json", a.id)), format::save(a)).expect("written");
    }
    group.sample_size(10);
    group.bench_function("cli", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_gapmap"))
                .args(["portfolio", folder.to_str().expect("a UTF-8 path"), "--json"])
                .output()
                .expect("gapmap runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            out.stdout.len()
        })
    });
    group.finish();
}

criterion_group!(benches, roll_up);
criterion_main!(benches);
