//! A realistic assessment of any number of gaps for the benchmarks
//! (`core.rs`, `portfolio.rs`): 12 categories, 4 phases with teams and
//! costs, 4 roles, gaps of every status and priority with efforts in every
//! unit, checklists, tags, and a paragraph of text each, made by a fixed
//! pseudo-random sequence so that every run measures the same bytes.

use gapmap::core::model::{
    Assessment, Category, Cost, CostKind, Effort, EffortUnit, Evidence, Gap, Item, Phase, Priority, Range, Risk, Role,
    Severity, Status, TeamMember,
};

use super::support::Sequence;

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
pub fn assessment(gaps: usize) -> Assessment {
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
