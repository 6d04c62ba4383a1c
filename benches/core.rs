//! Benchmark of the core's hot path: the bytes of a saved assessment → load
//! (parse, decode) → validate → summarize (every score and cost), for
//! generated assessments of 100, 1,000 and 10,000 gaps. The budget is 10,000
//! gaps in under 50 ms, with time growing about linearly in gaps; the figures
//! and how to reproduce them are in docs/benchmarks.md.
//!
//! The assessments are realistic in shape: 12 categories, 4 phases with teams
//! and costs, 4 roles, gaps of every status and priority with efforts in every
//! unit, checklists, tags, and a paragraph of text each. They are made by a
//! fixed pseudo-random sequence, so every run measures the same bytes.
//!
//! What to do next (`core::numbers::next`: every open gap's gain, the quick wins in
//! order and the cheapest path to ready) is measured on the same 10,000-gap
//! assessment, against the same budget of 50 ms.
//!
//! The whole path is measured twice: in wall-clock time, as criterion does,
//! and in the CPU time of the benchmark's thread ([`CpuTime`]), which stays
//! true when other work shares the machine.
//!
//! A last group measures what milestones cost: the size they add to a
//! 2,000-gap file, and loading, saving and comparing it.

use std::hint::black_box;

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput};

use gapmap::core::edit::save_milestone;
use gapmap::core::model::{
    Assessment, Category, Cost, CostKind, Effort, EffortUnit, Evidence, Gap, Item, Phase, Priority, Range, Risk, Role,
    Severity, Status, TeamMember,
};
use gapmap::core::numbers::compare::compare;
use gapmap::core::numbers::next;
use gapmap::core::{format, summarize};

mod support;
use support::{CpuTime, Sequence};

const CATEGORIES: &[&str] = &[
    "Security",
    "Reliability",
    "Testing",
    "Observability",
    "Performance",
    "Data",
    "Deployment",
    "Documentation",
    "Accessibility",
    "Compliance",
    "Cost",
    "Operations",
];

const TEXT: &str = "The service accepts requests without verifying the caller's token on internal routes; \
    a compromised neighbour could read or change customer records. Add verification at the gateway and \
    in the service, with tests for expired and forged tokens.";

/// An assessment of `gaps` gaps, the same for the same count.
fn assessment(gaps: usize) -> Assessment {
    let mut seq = Sequence(0x9E37_79B9_7F4A_7C15 ^ gaps as u64);
    let mut a = Assessment::new(format!("bench-{gaps}"), format!("Benchmark, {gaps} gaps"));
    a.system = "Payments platform".into();
    a.assessed_on = Some("2025-03-14".into());
    a.assessors = vec!["Ada Lovelace".into(), "Grace Hopper".into()];
    a.summary = format!("# Summary\n\n{TEXT}\n");
    a.categories = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, name)| Category {
            weight: [1.0, 2.0, 1.5][i % 3],
            manual_score: (i == 7).then_some(55.0),
            target_score: Some(80.0),
            ..Category::new(name.to_lowercase(), *name)
        })
        .collect();
    a.roles = vec![
        Role::new("eng", "Engineer", 4000.0),
        Role::new("sre", "SRE", 5000.0),
        Role::new("qa", "QA", 3500.0),
        Role::new("sec", "Security engineer", 5500.0),
    ];
    a.phases = (1..=4)
        .map(|i| {
            let mut phase =
                Phase::new(format!("p{i}"), format!("Phase {i}"), Range::new(2.0 * i as f64, 3.0 * i as f64));
            phase.goal = "Close the blockers of this stage".into();
            phase.start_week = (i == 3).then_some(4.0);
            phase.team = vec![
                TeamMember::new("eng", Range::new(1.0, 2.5)),
                TeamMember::new("sre", Range::new(0.5, 1.0)),
                TeamMember::new(["qa", "sec"][i % 2], Range::new(0.2, 0.5)),
            ];
            phase.costs = vec![
                Cost::new("Licences", 1200.0 * i as f64, CostKind::OneOff),
                Cost::new("Hosting", 850.5, CostKind::Annual),
            ];
            phase.exit_criteria = vec![gapmap::core::model::Criterion::new("No P0 gap open")];
            phase
        })
        .collect();
    let statuses = [
        Status::Missing,
        Status::Missing,
        Status::Partial,
        Status::Partial,
        Status::Done,
        Status::Accepted,
        Status::NotApplicable,
    ];
    let units = [EffortUnit::Hours, EffortUnit::Days, EffortUnit::Days, EffortUnit::Weeks];
    a.gaps = (1..=gaps)
        .map(|i| {
            let category = a.categories[seq.below(a.categories.len())].id.clone();
            let min = (1 + seq.below(8)) as f64 / 2.0;
            Gap {
                description: TEXT.into(),
                status: seq.pick(&statuses),
                priority: seq.pick(Priority::ALL),
                severity: Some(seq.pick(Severity::ALL)),
                effort: (seq.below(10) > 0).then(|| Effort::new(min, min * 2.0, seq.pick(&units))),
                owner: "Platform team".into(),
                evidence: vec![Evidence::new("Tracker issue", Some(format!("https://tracker.example.com/issues/{i}")))],
                phase: (seq.below(10) < 7).then(|| format!("p{}", 1 + seq.below(4))),
                items: (0..seq.below(6))
                    .map(|j| Item::new(format!("Step {j} of the fix"), seq.below(2) == 0))
                    .collect(),
                tags: vec!["security".into(), format!("team-{}", seq.below(5))],
                ..Gap::new(format!("g{i}"), category, format!("Gap number {i}: tokens are not verified"))
            }
        })
        .collect();
    a.risks = (1..=10)
        .map(|i| Risk {
            id: format!("r{i}"),
            title: format!("Risk {i}"),
            probability: gapmap::core::model::Probability::Medium,
            impact: gapmap::core::model::Impact::High,
            mitigation: "Close the linked gaps".into(),
            gaps: vec![format!("g{}", 1 + (i * 7) % gaps)],
            owner: String::new(),
            status: Default::default(),
            review_on: None,
            extra: Default::default(),
        })
        .collect();
    a
}

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

criterion_group!(benches, wall_time, parts, next_wall_time, milestones_wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu_time, next_cpu_time, milestones_cpu_time
}
criterion_main!(benches, cpu);
