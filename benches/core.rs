//! Benchmark of the core's hot path: the bytes of a saved assessment → load
//! (parse, decode) → validate → summarize (every score and cost), for
//! generated assessments of 100, 1,000 and 10,000 gaps. The budget is 10,000
//! gaps in under 50 ms, with time growing about linearly in gaps; the figures
//! and how to reproduce them are in docs/benchmarks.md.
//!
//! The assessments are realistic in shape: 12 categories, 4 phases with teams
//! and costs, 4 roles, gaps of every status and priority with efforts in every
//! unit, checklists, tags, and a paragraph of text each. They are made by a
//! fixed pseudo-random sequence (`support/assessment.rs`), so every run
//! measures the same bytes.
//!
//! What to do next (`core::numbers::next`: every open gap's gain, the quick wins in
//! order and the cheapest path to ready) is measured on the same 10,000-gap
//! assessment, against the same budget of 50 ms.
//!
//! The whole path is measured twice: in wall-clock time, as criterion does,
//! and in the CPU time of the benchmark's thread ([`CpuTime`]), which stays
//! true when other work shares the machine.
//!
//! A group measures what milestones cost: the size they add to a
//! 2,000-gap file, and loading, saving and comparing it. The last one
//! measures the three-way merge (`core::merge`) of two edited versions of
//! that file, as `gapmap merge` and the app's import do it.

use std::hint::black_box;

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};

use gapmap::core::edit::save_milestone;
use gapmap::core::merge::merge;
use gapmap::core::model::{Assessment, Gap, Status};
use gapmap::core::numbers::compare::compare;
use gapmap::core::numbers::next;
use gapmap::core::{format, summarize};

mod support;
use support::CpuTime;

/// The generated assessments, shared with the portfolio's benchmark.
#[path = "support/assessment.rs"]
mod large;
use large::assessment;

/// The budget's measure: bytes → checked assessment and its summary. Freeing
/// the result is not part of it, so outputs are dropped outside the timing
/// (the "free" part below measures that on its own).
fn load_validate_summarize<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let mut group = c.benchmark_group(name);
    // Each sample runs the same number of iterations: at 10,000 gaps one
    // iteration takes tens of milliseconds, and the outputs kept until the
    // end of a sample must fit in memory.
    group.sampling_mode(SamplingMode::Flat);
    for gaps in [100, 1_000, 10_000] {
        let bytes = format::save(&assessment(gaps)).into_bytes();
        // The generated file must be valid, or the benchmark measures an error path.
        assert!(format::load(&bytes).is_ok(), "the generated assessment of {gaps} gaps is valid");
        group.throughput(Throughput::Elements(gaps as u64));
        group.bench_with_input(BenchmarkId::from_parameter(gaps), &bytes, |b, bytes| {
            b.iter_with_large_drop(|| {
                let assessment = format::load(black_box(bytes)).expect("valid");
                let summary = summarize(&assessment);
                (assessment, summary)
            })
        });
    }
    group.finish();
}

fn wall_time(c: &mut Criterion) {
    load_validate_summarize(c, "load+validate+summarize");
}

fn cpu_time(c: &mut Criterion<CpuTime>) {
    load_validate_summarize(c, "load+validate+summarize, CPU time");
}

/// The parts, at 10,000 gaps, to see where the time goes.
fn parts(c: &mut Criterion) {
    let assessment = assessment(10_000);
    let bytes = format::save(&assessment).into_bytes();
    let mut group = c.benchmark_group("parts at 10000 gaps");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("load (parse, decode, validate)", |b| {
        b.iter_with_large_drop(|| format::load(black_box(&bytes)))
    });
    group.bench_function("validate", |b| b.iter(|| gapmap::core::validate(black_box(&assessment))));
    group.bench_function("summarize", |b| b.iter(|| summarize(black_box(&assessment))));
    group.bench_function("free", |b| b.iter_batched(|| assessment.clone(), drop, BatchSize::LargeInput));
    group.bench_function("save", |b| b.iter_with_large_drop(|| format::save(black_box(&assessment))));
    group.finish();
}

/// Gains and the cheapest path to ready at 10,000 gaps, in both clocks, at
/// three ready thresholds: 75 (the default; an exact table of 2.6 million
/// cells), 77.5 (7.6 million cells, near the exact table's bound of 8.4
/// million: about the slowest exact case) and 90 (far past the bound: the
/// greedy cover with its lower bound, not proven minimal).
fn what_next<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let at = |threshold: f64| {
        let mut a = assessment(10_000);
        a.settings.ready_threshold = threshold;
        a
    };
    let cases = [("75", at(75.0)), ("77.5", at(77.5)), ("90", at(90.0))];
    for (threshold, a) in &cases {
        let result = next::next(a);
        let path = &result.path;
        // What is measured: how large the path is and how it was found.
        println!(
            "next at 10000 gaps, threshold {threshold}: {} open gaps listed; path of {} gaps, proven minimal {}",
            result.gains.len(),
            path.gaps.len(),
            path.proven_minimal
        );
    }
    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("gains", |b| b.iter_with_large_drop(|| next::gains(black_box(&cases[0].1))));
    for (threshold, a) in &cases {
        group.bench_function(format!("gains + path, threshold {threshold}"), |b| {
            b.iter_with_large_drop(|| next::next(black_box(a)))
        });
    }
    group.finish();
}

fn next_wall_time(c: &mut Criterion) {
    what_next(c, "next at 10000 gaps");
}

fn next_cpu_time(c: &mut Criterion<CpuTime>) {
    what_next(c, "next at 10000 gaps, CPU time");
}

/// A 2,000-gap assessment with ten milestones, taken as its gaps get done
/// over ten weeks, and the size of the file without them.
fn with_milestones() -> (Assessment, usize) {
    let mut a = assessment(2_000);
    let bare = format::save(&a).len();
    for week in 1..=10 {
        for gap in a.gaps.iter_mut().skip(week).step_by(10) {
            if gap.status.is_open() {
                gap.status = Status::Done;
            }
        }
        let milestone = save_milestone(&a, &format!("Week {week}"), &format!("2025-03-{:02}", week + 10));
        a.milestones.push(milestone);
    }
    (a, bare)
}

/// What milestones cost at 2,000 gaps: the size they add to the file
/// (printed once, the figure in docs/benchmarks.md), and the time to load,
/// validate and save the file, and to compare the oldest milestone with now
/// (restore it, summarize both sides, compare).
fn milestones<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let (a, bare) = with_milestones();
    let bytes = format::save(&a).into_bytes();
    assert!(format::load(&bytes).is_ok(), "the file with milestones is valid");
    eprintln!(
        "2,000 gaps: {bare} bytes without milestones, {} with 10 ({:.2}×; {:.0}% of the file each)",
        bytes.len(),
        bytes.len() as f64 / bare as f64,
        (bytes.len() - bare) as f64 / bare as f64 * 10.0
    );
    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("load (parse, decode, validate)", |b| {
        b.iter_with_large_drop(|| format::load(black_box(&bytes)))
    });
    group.bench_function("validate", |b| b.iter(|| gapmap::core::validate(black_box(&a))));
    group.bench_function("save", |b| b.iter_with_large_drop(|| format::save(black_box(&a))));
    group.bench_function("compare the oldest with now", |b| {
        b.iter_with_large_drop(|| compare(&black_box(&a.milestones[0]).state.to_assessment(), black_box(&a)))
    });
    group.finish();
}

fn milestones_wall_time(c: &mut Criterion) {
    milestones(c, "2000 gaps with 10 milestones");
}

fn milestones_cpu_time(c: &mut Criterion<CpuTime>) {
    milestones(c, "2000 gaps with 10 milestones, CPU time");
}

/// Two edited versions of a 2,000-gap file (with ten milestones when
/// `history`): ours closes every tenth gap and adds one; theirs names the
/// owner of every seventh, tags every thirteenth, removes one gap, and sets
/// five of the gaps ours closed, missing before, to partial, which
/// conflicts.
fn merge_sides(history: bool) -> (Assessment, Assessment, Assessment) {
    // The milestones' file has every gap but the first closed by now; the
    // merge starts from the gaps as generated, with that history.
    let mut base = assessment(2_000);
    if history {
        base.milestones = with_milestones().0.milestones;
    }
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for gap in ours.gaps.iter_mut().step_by(10) {
        gap.status = Status::Done;
    }
    ours.gaps.push(Gap::new("g-ours", "security", "A gap of ours"));
    for gap in theirs.gaps.iter_mut().step_by(7) {
        gap.owner = "Reliability team".into();
    }
    for gap in theirs.gaps.iter_mut().step_by(13) {
        gap.tags.push("reviewed".into());
    }
    for gap in theirs.gaps.iter_mut().step_by(10).filter(|g| g.status == Status::Missing).take(5) {
        gap.status = Status::Partial;
    }
    theirs.gaps.remove(1);
    (base, ours, theirs)
}

/// The merge of [`merge_sides`], with and without milestones: the sides
/// turned into JSON values, the walk, the result decoded and validated.
fn three_way_merge<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    for (history, label) in [(false, "2000 gaps"), (true, "2000 gaps with 10 milestones")] {
        let (base, ours, theirs) = merge_sides(history);
        let outcome = merge(&base, &ours, &theirs);
        assert_eq!(outcome.conflicts.len(), 5, "the five statuses conflict");
        group.bench_function(label, |b| {
            b.iter_with_large_drop(|| merge(black_box(&base), black_box(&ours), black_box(&theirs)))
        });
    }
    group.finish();
}

fn merge_wall_time(c: &mut Criterion) {
    three_way_merge(c, "merge");
}

fn merge_cpu_time(c: &mut Criterion<CpuTime>) {
    three_way_merge(c, "merge, CPU time");
}

criterion_group!(benches, wall_time, parts, next_wall_time, milestones_wall_time, merge_wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu_time, next_cpu_time, milestones_cpu_time, merge_cpu_time
}
criterion_main!(benches, cpu);
