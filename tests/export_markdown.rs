//! The Markdown report reads back: importing `report(a)` gives the same
//! categories, gaps (status, priority, effort, checklist, phase, evidence
//! with its addresses, due day, dependencies, acceptance), phases (exit
//! criteria met and their evidence, `after`), roles, the roadmap's start
//! date, KPIs, risks (owner, status, review day) and so the same scores,
//! for generated assessments. Addresses that may not be links
//! (`present::link`) are never links in the report, and still read back.
//! What the report does not carry (ids, scoring settings, unknown keys) is
//! left out of the comparison; the generators keep to the default settings.
//! The "Changes since <milestone>" section has its cases in
//! `export_markdown/changes.rs`.

use gapmap::core::export::markdown::report;
use gapmap::core::import::markdown::import;
use gapmap::core::model::*;
use gapmap::core::{summarize, validate};
use proptest::prelude::*;

/// A category as the report carries it: name, manual score, target, weight, notes.
type ReadableCategory = (String, Option<f64>, Option<f64>, f64, String);

/// A KPI as the report carries it: name, unit, current, direction, targets
/// by phase name (with whether each is ticked as met).
type ReadableKpi = (String, String, Option<KpiValue>, Better, Vec<(String, KpiValue, bool)>);

/// A risk as the report carries it: title, probability, impact,
/// mitigation, gaps by title, owner, status, review day.
type ReadableRisk = (String, Probability, Impact, String, Vec<String>, String, RiskStatus, Option<String>);

/// What of an assessment the report carries, with ids replaced by names.
#[derive(Debug, PartialEq)]
struct Readable {
    title: String,
    summary: String,
    system: String,
    assessed_on: Option<String>,
    assessors: Vec<String>,
    start_date: Option<String>,
    currency: String,
    stated_overall: Option<f64>,
    stated_total: Option<(f64, f64)>,
    categories: Vec<ReadableCategory>,
    gaps: Vec<ReadableGap>,
    roles: Vec<(String, Option<f64>)>,
    phases: Vec<ReadablePhase>,
    kpis: Vec<ReadableKpi>,
    risks: Vec<ReadableRisk>,
}

#[derive(Debug, PartialEq)]
struct ReadableGap {
    category: String,
    title: String,
    status: Status,
    priority: Priority,
    severity: Option<Severity>,
    effort: Option<(f64, f64, EffortUnit)>,
    phase: Option<String>,
    items: Vec<(String, bool)>,
    owner: String,
    tags: Vec<String>,
    description: String,
    /// Text and address of each entry.
    evidence: Vec<(String, Option<String>)>,
    due: Option<String>,
    /// The gaps it depends on, by title.
    depends_on: Vec<String>,
    /// Reason, by, expires.
    acceptance: Option<(String, String, Option<String>)>,
}

#[derive(Debug, PartialEq)]
struct ReadablePhase {
    name: String,
    goal: String,
    start_week: Option<f64>,
    duration: (f64, f64),
    team: Vec<(String, f64, f64)>,
    costs: Vec<(String, f64, CostKind)>,
    /// Text, met, evidence.
    exit_criteria: Vec<(String, bool, Option<String>)>,
    stated_cost: Option<(f64, f64)>,
    /// The phases it starts after, by name.
    after: Option<Vec<String>>,
}

fn readable(a: &Assessment) -> Readable {
    let category_name = |id: &str| a.category(id).map(|c| c.name.clone()).unwrap_or_default();
    let phase_name = |id: &str| a.phase(id).map(|p| p.name.clone()).unwrap_or_default();
    let role_name = |id: &str| a.role(id).map(|r| r.name.clone()).unwrap_or_default();
    // The report lists gaps by category, in category order.
    let mut gaps: Vec<&Gap> = a.gaps.iter().collect();
    gaps.sort_by_key(|g| a.categories.iter().position(|c| c.id == g.category));
    Readable {
        title: a.title.clone(),
        summary: a.summary.trim().to_string(),
        system: a.system.clone(),
        assessed_on: a.assessed_on.clone(),
        assessors: a.assessors.clone(),
        start_date: a.start_date.clone(),
        currency: a.currency.clone(),
        stated_overall: a.stated_overall,
        stated_total: a.stated_total.as_ref().map(|t| (t.min, t.max)),
        categories: a
            .categories
            .iter()
            .map(|c| (c.name.clone(), c.manual_score, c.target_score, c.weight, c.notes.trim().to_string()))
            .collect(),
        gaps: gaps
            .into_iter()
            .map(|g| ReadableGap {
                category: category_name(&g.category),
                title: g.title.clone(),
                status: g.status,
                priority: g.priority,
                severity: g.severity,
                effort: g.effort.as_ref().map(|e| (e.min, e.max, e.unit)),
                phase: g.phase.as_deref().map(phase_name),
                items: g.items.iter().map(|i| (i.text.clone(), i.done)).collect(),
                owner: g.owner.clone(),
                tags: g.tags.clone(),
                description: g.description.trim().to_string(),
                // An entry without text or address is not written; one whose
                // text is its address reads back without text.
                evidence: g
                    .evidence
                    .iter()
                    .filter(|e| e.url.is_some() || !e.text.trim().is_empty())
                    .map(|e| {
                        let text = if Some(&e.text) == e.url.as_ref() { "" } else { e.text.trim_end() };
                        (text.to_string(), e.url.clone())
                    })
                    .collect(),
                due: g.due.clone(),
                depends_on: g.depends_on.iter().filter_map(|id| a.gap(id)).map(|g| g.title.clone()).collect(),
                acceptance: g.acceptance.as_ref().map(|x| (x.reason.clone(), x.by.clone(), x.expires.clone())),
            })
            .collect(),
        roles: a.roles.iter().map(|r| (r.name.clone(), r.weekly_rate)).collect(),
        phases: a
            .phases
            .iter()
            .map(|p| ReadablePhase {
                name: p.name.clone(),
                goal: p.goal.trim().to_string(),
                start_week: p.start_week,
                duration: (p.duration_weeks.min, p.duration_weeks.max),
                team: p.team.iter().map(|t| (role_name(&t.role), t.fte.min, t.fte.max)).collect(),
                costs: p.costs.iter().map(|c| (c.name.clone(), c.amount, c.kind)).collect(),
                exit_criteria: p.exit_criteria.iter().map(|c| (c.text.clone(), c.met, c.evidence.clone())).collect(),
                stated_cost: p.stated_cost.as_ref().map(|c| (c.min, c.max)),
                after: p.after.as_ref().map(|after| after.iter().map(|id| phase_name(id)).collect()),
            })
            .collect(),
        kpis: a
            .kpis
            .iter()
            .map(|k| {
                let targets = k.targets.iter().map(|t| (phase_name(&t.phase), t.value.clone(), t.met)).collect();
                (k.name.clone(), k.unit.clone(), k.current.clone(), k.better, targets)
            })
            .collect(),
        risks: a
            .risks
            .iter()
            .map(|r| {
                let gaps = r.gaps.iter().filter_map(|id| a.gap(id)).map(|g| g.title.clone()).collect();
                (
                    r.title.clone(),
                    r.probability,
                    r.impact,
                    r.mitigation.clone(),
                    gaps,
                    r.owner.clone(),
                    r.status,
                    r.review_on.clone(),
                )
            })
            .collect(),
    }
}

/// Imports the report of `a` and checks it reads back the same.
fn check_round_trip(a: &Assessment) {
    assert!(validate(a).is_empty(), "the generated assessment is invalid: {:?}", validate(a));
    let markdown = report(a);
    let imported = import(&markdown);
    let b = &imported.assessment;
    assert_eq!(validate(b), vec![], "the import is invalid\n{markdown}");
    assert_eq!(imported.report.warnings, vec![], "warnings\n{markdown}");
    let (ra, rb) = (readable(a), readable(b));
    assert_eq!(rb.categories, ra.categories, "categories\n--- report ---\n{markdown}");
    assert_eq!(rb.roles, ra.roles, "roles\n--- report ---\n{markdown}");
    assert_eq!(rb.phases, ra.phases, "phases\n--- report ---\n{markdown}");
    for (gb, ga) in rb.gaps.iter().zip(&ra.gaps) {
        assert_eq!(gb, ga, "gap\n--- report ---\n{markdown}");
    }
    assert_eq!(rb.gaps.len(), ra.gaps.len(), "number of gaps\n--- report ---\n{markdown}");
    assert_eq!(rb.kpis, ra.kpis, "kpis\n--- report ---\n{markdown}");
    assert_eq!(rb.risks, ra.risks, "risks\n--- report ---\n{markdown}");
    assert_eq!(rb, ra, "\n--- report ---\n{markdown}");
    let (sa, sb) = (summarize(a), summarize(b));
    assert_eq!(sb.overall, sa.overall);
    assert_eq!(sb.level, sa.level);
    assert_eq!(sb.blockers.len(), sa.blockers.len());
    let scores = |s: &gapmap::core::Summary| s.categories.iter().map(|c| (c.computed, c.score)).collect::<Vec<_>>();
    assert_eq!(scores(&sb), scores(&sa));
    let projected = |s: &gapmap::core::Summary| s.phases.iter().map(|p| p.projected_overall).collect::<Vec<_>>();
    assert_eq!(projected(&sb), projected(&sa));
    assert_eq!(
        (sb.labor, sb.one_off, sb.annual, sb.duration_weeks),
        (sa.labor, sa.one_off, sa.annual, sa.duration_weeks)
    );
}

// ---------------------------------------------------------------------------
// Generators: what people write in assessments, including Markdown's own
// characters, which the report must escape.

const WORDS: &[&str] = &[
    "secrets",
    "vault",
    "backups",
    "tested",
    "rollout",
    "canary",
    "alerting",
    "on-call",
    "runbook",
    "SLO",
    "p95",
    "CI/CD",
    "Helm",
    "Terraform",
    "audit",
    "log",
    "retention",
    "GDPR",
    "mTLS",
    "WAF",
    "rate",
    "limit",
    "cache",
    "replica",
    "queue",
    "#42",
    "*star*",
    "under_score",
    "a|b",
    "`tick`",
    "[x]",
    "<tag>",
    "50%",
    "&",
    "x2",
    "Ünïcödé",
    "naïve",
    "—",
    "e.g.",
    "v1.2",
];

fn text(words: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), words).prop_map(|w| w.join(" "))
}

/// A title: starts with a capital word so it never reads as a list marker.
fn title() -> impl Strategy<Value = String> {
    (prop::sample::select(&["Missing", "Weak", "Add", "Broken", "Manual", "Slow"][..]), text(0..4))
        .prop_map(|(first, rest)| if rest.is_empty() { first.to_string() } else { format!("{first} {rest}") })
}

fn halves(max: u32) -> impl Strategy<Value = f64> {
    (0..=max * 2).prop_map(|n| f64::from(n) / 2.0)
}

fn range_of(max: u32) -> impl Strategy<Value = (f64, f64)> {
    (halves(max), halves(max)).prop_map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
}

/// A KPI's value: a number, or words as documents write them.
fn kpi_value() -> impl Strategy<Value = KpiValue> {
    const WORDS: &[&str] =
        &["Manual", "Daily", "Weekly", "On-demand", "Multiple/day", "Unknown", "Ad hoc", "< 5 min", "99.9%+"];
    prop_oneof![
        3 => halves(200).prop_map(KpiValue::Number),
        1 => prop::sample::select(WORDS).prop_map(|w| KpiValue::Text(w.to_string())),
    ]
}

/// A day, `YYYY-MM-DD`.
fn date() -> impl Strategy<Value = String> {
    (2020..2030u32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

/// Addresses as evidence holds them: links (absolute and relative) and
/// what may not be one (`present::link`), which the report writes as text.
const ADDRESSES: &[&str] = &[
    "https://ci.example.com/run/42",
    "http://wiki.example.com/page?a=1&b=2",
    "HTTPS://EXAMPLE.COM/Upper",
    "https://example.com/a&amp;b",
    "docs/runbook.md",
    "../audit/2024 report.pdf",
    "#section",
    "/absolute/path",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<b>x</b>",
    " https://leading.space.example.com",
    "//evil.example.com/x",
    "file:///etc/passwd",
    "vbscript:msgbox",
    "javascript%3Aalert(1)",
    "https://example.com/`tick`",
];

/// One evidence entry: text (one line, several lines, or none) and an address.
fn evidence_entry() -> impl Strategy<Value = Evidence> {
    let text = prop_oneof![
        2 => text(1..5),
        1 => prop::collection::vec(text(1..5), 1..3).prop_map(|lines| format!("$ {}", lines.join("\n  "))),
        1 => Just(String::new()),
    ];
    (text, prop::option::weighted(0.7, prop::sample::select(ADDRESSES)))
        .prop_map(|(text, url)| Evidence::new(text, url.map(str::to_string)))
}

/// A criterion's evidence: an address or a few words.
fn criterion_evidence() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(ADDRESSES).prop_map(str::to_string),
        text(1..4),
        Just("signed off by QA".to_string()),
    ]
}

fn score() -> impl Strategy<Value = f64> {
    (0..=200u32).prop_map(|n| f64::from(n) / 2.0)
}

const CATEGORIES: &[&str] = &[
    "Security",
    "Reliability",
    "Observability",
    "Testing & QA",
    "Documentation",
    "Compliance",
    "Performance",
    "Data Storage",
    "CI/CD Pipeline",
    "Incident Response",
    "Access Control",
    "Cost Management",
];
const ROLES: &[&str] = &["Engineer", "QA Analyst", "Designer", "SRE"];
const PHASES: &[&str] = &["Foundation", "Hardening", "Scale Out", "Launch"];
const COSTS: &[&str] = &["Licences", "Hosting", "External audit"];

#[derive(Debug, Clone)]
struct GapSeed {
    category: usize,
    title: String,
    status: Status,
    priority: Priority,
    severity: Option<Severity>,
    effort: Option<(f64, f64, EffortUnit)>,
    phase: Option<usize>,
    items: Vec<(String, bool)>,
    owner: Option<String>,
    tags: Vec<String>,
    description: Option<String>,
    evidence: Option<String>,
    entries: Vec<Evidence>,
    due: Option<String>,
    /// Gaps before it (by index) that it depends on.
    depends: Vec<usize>,
    /// Reason, by, expires.
    acceptance: Option<(Option<String>, Option<String>, Option<String>)>,
}

fn gap_seed() -> impl Strategy<Value = GapSeed> {
    (
        (0..12usize, title(), prop::sample::select(Status::ALL), prop::sample::select(Priority::ALL)),
        (
            prop::option::of(prop::sample::select(Severity::ALL)),
            prop::option::of((range_of(20), prop::sample::select(EffortUnit::ALL))),
            prop::option::of(0..4usize),
            prop::collection::vec((text(1..4), any::<bool>()), 0..4),
        ),
        (
            prop::option::of(prop::sample::select(&["Ana", "Bo", "Chen"][..])),
            prop::collection::vec(prop::sample::select(&["infra", "quick-win", "security"][..]), 0..3),
            prop::option::of(text(1..8)),
            prop::option::of(prop::collection::vec(text(1..5), 1..3)),
        ),
        (
            prop::collection::vec(evidence_entry(), 0..4),
            prop::option::of(date()),
            prop::collection::vec(0..10usize, 0..3),
            prop::option::of((
                prop::option::of(text(1..6)),
                prop::option::of(prop::sample::select(&["Ana", "Bo Chen", "QA lead"][..]).prop_map(str::to_string)),
                prop::option::of(date()),
            )),
        ),
    )
        .prop_map(
            |(
                (category, title, status, priority),
                (severity, effort, phase, items),
                (owner, tags, description, evidence),
                (entries, due, depends, acceptance),
            )| {
                GapSeed {
                    category,
                    title,
                    status,
                    priority,
                    severity,
                    effort: effort.map(|((min, max), unit)| (min, max, unit)),
                    phase,
                    items,
                    owner: owner.map(str::to_string),
                    tags: tags.into_iter().map(str::to_string).collect(),
                    description,
                    evidence: evidence.map(|lines| format!("$ {}", lines.join("\n  "))),
                    entries,
                    due,
                    depends,
                    acceptance,
                }
            },
        )
}

#[derive(Debug, Clone)]
struct PhaseSeed {
    goal: Option<String>,
    start: Option<f64>,
    duration: (f64, f64),
    team: Vec<(usize, (f64, f64))>,
    costs: Vec<(usize, u32, bool)>,
    exit: Vec<(String, bool, Option<String>)>,
    stated_cost: Option<(u32, u32)>,
    /// Phases before it (by index) that it starts after.
    after: Option<Vec<usize>>,
}

fn phase_seed() -> impl Strategy<Value = PhaseSeed> {
    (
        prop::option::of(text(2..8)),
        prop::option::of(halves(30)),
        range_of(12),
        prop::collection::vec((0..4usize, (1..=12u32, 0..=4u32)), 0..3),
        prop::collection::vec((0..3usize, 0..100_000u32, any::<bool>()), 0..3),
        prop::collection::vec((text(1..5), any::<bool>(), prop::option::of(criterion_evidence())), 0..3),
        prop::option::of((1..200u32, 0..100u32)),
        prop::option::of(prop::collection::vec(0..4usize, 0..3)),
    )
        .prop_map(|(goal, start, duration, team, costs, exit, stated_cost, after)| PhaseSeed {
            goal,
            start,
            duration,
            team: team
                .into_iter()
                .map(|(role, (min, extra))| (role, (f64::from(min) / 4.0, f64::from(min + extra) / 4.0)))
                .collect(),
            costs,
            exit,
            stated_cost,
            after,
        })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (
            title(),
            prop::option::of(text(3..12)),
            prop::option::of(score()),
            prop::sample::select(&["USD", "EUR", "CHF"][..]),
            // Up to millions, as roadmaps cost.
            prop::option::of((1..5_000u32, 0..2_000u32)),
        ),
        (
            prop::sample::subsequence(CATEGORIES, 1..6),
            prop::collection::vec(
                (prop::option::of(score()), prop::option::of(score()), prop::sample::select(&[1.0, 2.0, 0.5][..])),
                6,
            ),
            prop::collection::vec(prop::option::of(text(2..6)), 6),
        ),
        // Some roles have no rate yet: the report says "unknown", read back as none.
        (prop::sample::subsequence(ROLES, 0..4), prop::collection::vec(prop::option::weighted(0.8, 0..5_000u32), 4)),
        (prop::sample::subsequence(PHASES, 0..4), prop::collection::vec(phase_seed(), 4)),
        prop::collection::vec(gap_seed(), 0..10),
        (
            prop::collection::vec(
                (
                    text(1..3),
                    prop::sample::select(&["%", "ms", "", "hours"][..]),
                    prop::option::of(kpi_value()),
                    prop::sample::select(Better::ALL),
                    prop::collection::vec(prop::option::of((kpi_value(), any::<bool>())), 4),
                ),
                0..3,
            ),
            prop::collection::vec(
                (
                    title(),
                    prop::sample::select(Probability::ALL),
                    prop::sample::select(Impact::ALL),
                    prop::option::of(text(1..6)),
                    prop::collection::vec(0..10usize, 0..3),
                    (
                        prop::option::of(prop::sample::select(&["Ana", "Bo Chen"][..])),
                        prop::sample::select(RiskStatus::ALL),
                        prop::option::of(date()),
                    ),
                ),
                0..3,
            ),
        ),
        (
            prop::option::of(prop::sample::select(&["Payments API", "Ledger"][..])),
            prop::option::of((2020..2030u32, 1..=12u32, 1..=28u32)),
            prop::collection::vec(prop::sample::select(&["Ana", "Bo"][..]), 0..3),
            prop::option::of(date()),
        ),
    )
        .prop_map(
            |(
                (title, summary, stated, currency, stated_total),
                (category_names, category_seeds, notes),
                (role_names, rates),
                (phase_names, phase_seeds),
                gap_seeds,
                (kpi_seeds, risk_seeds),
                (system, date, assessors, start_date),
            )| {
                let mut a = Assessment::new("generated", title);
                a.summary = summary.unwrap_or_default();
                a.stated_overall = stated;
                a.stated_total = stated_total
                    .map(|(min, extra)| Range::new(f64::from(min) * 1000.0, f64::from(min + extra) * 1000.0));
                a.currency = currency.to_string();
                a.system = system.unwrap_or_default().to_string();
                a.assessed_on = date.map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"));
                a.start_date = start_date;
                let mut seen = Vec::new();
                for name in assessors {
                    if !seen.contains(&name) {
                        seen.push(name);
                        a.assessors.push(name.to_string());
                    }
                }
                for (i, name) in category_names.iter().enumerate() {
                    let mut c = Category::new(format!("c{i}"), *name);
                    (c.manual_score, c.target_score, c.weight) = category_seeds[i];
                    c.notes = notes[i].clone().unwrap_or_default();
                    a.categories.push(c);
                }
                for (i, name) in role_names.iter().enumerate() {
                    let mut role = Role::unpriced(format!("r{i}"), *name);
                    role.weekly_rate = rates[i].map(|rate| f64::from(rate * 10));
                    a.roles.push(role);
                }
                for (i, name) in phase_names.iter().enumerate() {
                    let seed = &phase_seeds[i];
                    let mut p = Phase::new(format!("p{i}"), *name, Range::new(seed.duration.0, seed.duration.1));
                    p.goal = seed.goal.clone().unwrap_or_default();
                    p.start_week = seed.start;
                    let mut used = Vec::new();
                    for (role, (min, max)) in &seed.team {
                        if let Some(r) = a.roles.get(*role) {
                            if !used.contains(role) {
                                used.push(*role);
                                p.team.push(TeamMember::new(r.id.clone(), Range::new(*min, *max)));
                            }
                        }
                    }
                    let mut used = Vec::new();
                    for (name, amount, annual) in &seed.costs {
                        if !used.contains(name) {
                            used.push(*name);
                            let kind = if *annual { CostKind::Annual } else { CostKind::OneOff };
                            p.costs.push(Cost::new(COSTS[*name], f64::from(*amount), kind));
                        }
                    }
                    p.exit_criteria = seed
                        .exit
                        .iter()
                        .map(|(text, met, evidence)| Criterion {
                            met: *met,
                            evidence: evidence.clone(),
                            ..Criterion::new(text)
                        })
                        .collect();
                    // Only phases before it, so that no cycle forms.
                    p.after = seed.after.as_ref().map(|after| {
                        let mut ids: Vec<String> = Vec::new();
                        for &j in after.iter().filter(|&&j| j < i) {
                            if !ids.contains(&format!("p{j}")) {
                                ids.push(format!("p{j}"));
                            }
                        }
                        ids
                    });
                    p.stated_cost = seed
                        .stated_cost
                        .map(|(min, extra)| Range::new(f64::from(min * 1000), f64::from((min + extra) * 1000)));
                    a.phases.push(p);
                }
                let mut depends = Vec::new();
                for (i, seed) in gap_seeds.into_iter().enumerate() {
                    let category = a.categories[seed.category % a.categories.len()].id.clone();
                    let mut g = Gap::new(format!("g{i}"), category, seed.title);
                    g.status = seed.status;
                    g.priority = seed.priority;
                    g.severity = seed.severity;
                    g.effort = seed.effort.map(|(min, max, unit)| Effort::new(min, max, unit));
                    g.phase = seed.phase.and_then(|p| a.phases.get(p)).map(|p| p.id.clone());
                    g.items = seed.items.into_iter().map(|(text, done)| Item::new(text, done)).collect();
                    g.owner = seed.owner.unwrap_or_default();
                    g.tags = seed.tags;
                    g.description = seed.description.unwrap_or_default();
                    g.evidence = seed.evidence.into_iter().map(|e| Evidence::new(e, None)).collect();
                    g.evidence.extend(seed.entries);
                    g.due = seed.due;
                    g.acceptance = seed.acceptance.map(|(reason, by, expires)| Acceptance {
                        reason: reason.unwrap_or_default(),
                        by: by.unwrap_or_default(),
                        expires,
                        extra: Default::default(),
                    });
                    depends.push(seed.depends);
                    a.gaps.push(g);
                }
                for (i, (name, unit, current, better, targets)) in kpi_seeds.into_iter().enumerate() {
                    let targets = a
                        .phases
                        .iter()
                        .zip(targets)
                        .filter_map(|(p, t)| {
                            t.map(|(value, met)| KpiTarget { met, ..KpiTarget::new(p.id.clone(), value) })
                        })
                        .collect();
                    a.kpis.push(Kpi {
                        id: format!("k{i}"),
                        name: format!("KPI {name}"),
                        unit: unit.to_string(),
                        current,
                        better,
                        targets,
                        extra: Default::default(),
                    });
                }
                // Risks link gaps by title, so only gaps with a title of their own.
                let unique: Vec<String> = a
                    .gaps
                    .iter()
                    .filter(|g| a.gaps.iter().filter(|h| h.title.eq_ignore_ascii_case(&g.title)).count() == 1)
                    .map(|g| g.id.clone())
                    .collect();
                // Dependencies name gaps by title too, and only earlier ones,
                // so that no cycle forms.
                for (i, depends) in depends.into_iter().enumerate() {
                    for j in depends.into_iter().filter(|&j| j < i) {
                        let id = format!("g{j}");
                        if unique.contains(&id) && !a.gaps[i].depends_on.contains(&id) {
                            a.gaps[i].depends_on.push(id);
                        }
                    }
                }
                for (i, (title, probability, impact, mitigation, gaps, (owner, status, review_on))) in
                    risk_seeds.into_iter().enumerate()
                {
                    let mut linked: Vec<String> = gaps.into_iter().filter_map(|g| unique.get(g).cloned()).collect();
                    linked.dedup();
                    a.risks.push(Risk {
                        id: format!("x{i}"),
                        title,
                        probability,
                        impact,
                        mitigation: mitigation.unwrap_or_default(),
                        gaps: linked,
                        owner: owner.unwrap_or_default().to_string(),
                        status,
                        review_on,
                        extra: Default::default(),
                    });
                }
                a
            },
        )
}

proptest! {
    // 256 cases unless PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases.max(256), ..ProptestConfig::default() })]

    #[test]
    fn the_report_reads_back_as_the_same_assessment(a in assessment()) {
        check_round_trip(&a);
    }
}

#[test]
fn the_worked_example_reads_back() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");
    let a = gapmap::core::load(&std::fs::read(path).unwrap()).unwrap();
    check_round_trip(&a);
}

#[test]
fn the_report_shows_computed_figures_from_the_summary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");
    let a = gapmap::core::load(&std::fs::read(path).unwrap()).unwrap();
    let s = summarize(&a);
    let markdown = report(&a);
    let overall = format!("**Computed overall score:** {}/100", gapmap::core::present::display::score(s.overall));
    assert!(markdown.contains(&overall), "{markdown}");
    for (category, c) in a.categories.iter().zip(&s.categories) {
        let row = format!("| {} | {} |", category.name, gapmap::core::present::display::score(c.score));
        assert!(markdown.contains(&row), "{row}\n{markdown}");
    }
    assert!(markdown.contains(&format!("# {}", a.title)));
    assert!(markdown.contains("## Gaps"));
    for phase in &s.phases {
        let projected = format!(
            "**Projected overall score after this phase:** {}/100",
            gapmap::core::present::display::score(phase.projected_overall)
        );
        assert!(markdown.contains(&projected), "{projected}");
    }
}

#[test]
fn a_gap_whose_category_is_missing_is_reported_as_uncategorised() {
    // A file read with problems (a share link, a hand-edited file) can hold
    // a gap whose category does not exist: the report still lists it.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");
    let mut a = gapmap::core::load(&std::fs::read(path).unwrap()).unwrap();
    a.gaps[0].category = "no-such-category".to_string();
    let title = a.gaps[0].title.clone();
    let markdown = report(&a);
    let section = markdown.split("### Uncategorised").nth(1).expect("an Uncategorised section");
    assert!(section.contains(&format!("**{title}**")), "{markdown}");
    // Every gap appears exactly once.
    for gap in &a.gaps {
        assert_eq!(markdown.matches(&format!("**{}**", gap.title)).count(), 1, "{}", gap.title);
    }
}

/// The addresses of the links in a Markdown text, as a renderer reads them.
fn links_in(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(markdown, Options::all())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// An assessment whose one gap has `address` as evidence, with and without
/// text, and whose one phase has a met criterion with it as evidence.
fn with_address(address: &str) -> Assessment {
    let mut a = Assessment::new("links", "Links");
    a.categories.push(Category::new("c0", "Security"));
    let mut gap = Gap::new("g0", "c0", "Missing audit log");
    gap.evidence = vec![
        Evidence::new("CI run", Some(address.to_string())),
        Evidence::new("", Some(address.to_string())),
        Evidence::new("$ make audit\n  ok", Some(address.to_string())),
    ];
    a.gaps.push(gap);
    let mut phase = Phase::new("p0", "Foundation", Range::new(2.0, 3.0));
    phase.exit_criteria =
        vec![Criterion { met: true, evidence: Some(address.to_string()), ..Criterion::new("Audit log shipped") }];
    a.phases.push(phase);
    a
}

/// Checks that the report links `address` exactly when it may be a link,
/// never links anything that may not be one, and reads every entry back.
fn check_address(address: &str, linked: bool) {
    let a = with_address(address);
    let markdown = report(&a);
    let links = links_in(&markdown);
    for link in &links {
        assert!(gapmap::core::present::link::href(link).is_some(), "{link:?} is a link\n{markdown}");
    }
    assert_eq!(links.iter().any(|l| l == address), linked, "{address:?}\n{markdown}");
    check_round_trip(&a);
}

#[test]
fn addresses_are_links_only_when_they_may_be_and_read_back_either_way() {
    let cases = [
        ("https://ci.example.com/run/42", true),
        ("HTTP://EXAMPLE.COM/x?a=1&b=2", true),
        ("https://example.com/a&amp;b", true),
        ("docs/runbook.md", true),
        ("#section", true),
        ("javascript:alert(1)", false),
        ("JavaScript:alert(document.cookie)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("data:text/html;base64,PHNjcmlwdD4=", false),
        (" https://leading-space.example.com", false),
        (" javascript:alert(1)", false),
        ("//evil.example.com/x", false),
        ("javascript&#58;alert(1)", false),
        ("javascript%3Aalert(1)", false),
        ("https://example.com/`x`", false),
        ("https://example.com/a)b", true),
    ];
    for (address, linked) in cases {
        check_address(address, linked);
    }
}

#[path = "export_markdown/changes.rs"]
mod changes;
